//! Writing the output folder: every file is first written beside its final
//! name and renamed into place only when all of them were written, so a
//! failed run leaves an existing folder exactly as it was; and the
//! `manifest.json` that lists what was written.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// One produced file, in memory until [`write_all`].
pub struct OutputFile {
    pub name: String,
    pub kind: &'static str,
    pub format: &'static str,
    pub pages: Option<usize>,
    /// Certificates in the file.
    pub count: Option<usize>,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Serialize)]
pub struct Manifest {
    pub input: String,
    pub files: Vec<ManifestEntry>,
}

#[derive(Debug, Serialize)]
pub struct ManifestEntry {
    pub path: String,
    pub kind: String,
    pub format: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
}

impl Manifest {
    pub fn new(input: &str, produced: &[OutputFile]) -> Manifest {
        Manifest {
            input: input.to_string(),
            files: produced
                .iter()
                .map(|p| ManifestEntry {
                    path: p.name.clone(),
                    kind: p.kind.to_string(),
                    format: p.format.to_string(),
                    pages: p.pages,
                    count: p.count,
                })
                .collect(),
        }
    }
}

/// Writes `files` and the manifest into `dir`, all or nothing.
pub(crate) fn write_all(dir: &Path, manifest: &Manifest, files: &[OutputFile]) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut manifest_json = serde_json::to_vec_pretty(manifest)?;
    manifest_json.push(b'\n');
    let mut pending: Vec<(PathBuf, PathBuf)> = Vec::new();
    let staged = files
        .iter()
        .map(|f| (f.name.as_str(), f.bytes.as_slice()))
        .chain([("manifest.json", manifest_json.as_slice())]);
    for (name, bytes) in staged {
        let final_path = dir.join(name);
        let file_name = final_path.file_name().unwrap_or_default().to_string_lossy().to_string();
        let temporary = final_path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
        let written = match final_path.parent() {
            Some(parent) => std::fs::create_dir_all(parent).and_then(|_| std::fs::write(&temporary, bytes)),
            None => std::fs::write(&temporary, bytes),
        };
        if let Err(err) = written {
            let _ = std::fs::remove_file(&temporary);
            for (written, _) in &pending {
                let _ = std::fs::remove_file(written);
            }
            return Err(err);
        }
        pending.push((temporary, final_path));
    }
    let mut written = Vec::new();
    for (temporary, final_path) in pending {
        std::fs::rename(&temporary, &final_path)?;
        written.push(final_path);
    }
    Ok(written)
}
