//! The `manifest.json` that lists exactly what the output folder holds:
//! each file's path, kind, format and its page or certificate count.

use serde::Serialize;

use crate::pack::plan::{DocKind, FileFormat};

#[derive(Debug, Serialize)]
pub struct Manifest {
    pub input: String,
    pub files: Vec<ManifestEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ManifestEntry {
    pub path: String,
    pub kind: DocKind,
    pub format: FileFormat,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
}

impl Manifest {
    pub fn new(input: &str) -> Manifest {
        Manifest { input: input.to_string(), files: Vec::new() }
    }

    /// The manifest as written: pretty JSON and a final newline.
    pub(crate) fn bytes(&self) -> Vec<u8> {
        let mut json = serde_json::to_vec_pretty(self).expect("a manifest serialises");
        json.push(b'\n');
        json
    }
}
