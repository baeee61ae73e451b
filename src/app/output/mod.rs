//! Writing the output folder: all or nothing ([`folder::Staging`]: a fresh
//! sibling folder swapped in one step), one build at a time ([`lock`]),
//! names that cannot leave the folder, and the `manifest.json` that lists
//! exactly what the folder holds; or the same files kept in memory
//! ([`sink`]) for the workspace.

mod folder;
mod lock;
mod sink;

use serde::Serialize;

pub(crate) use folder::{replace_file, Staging};
pub(crate) use sink::OutputFile;
pub(crate) use sink::{Memory, Sink, WriteSeek, Writer};

#[derive(Debug, Serialize)]
pub struct Manifest {
    pub input: String,
    pub files: Vec<ManifestEntry>,
}

#[derive(Debug, Clone, Serialize)]
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

/// A name made from a user's file name that stays one plain folder or file
/// name: no separators, no control characters, no leading dot (so never
/// `.` or `..`), at most 100 characters; `fallback` when nothing is left.
pub(crate) fn safe_name(raw: &str, fallback: &str) -> String {
    let cleaned: String =
        raw.chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '-'
                } else {
                    c
                }
            })
            .take(100)
            .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c == '-' || c.is_whitespace());
    if trimmed.is_empty() {
        fallback.to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_inside_the_folder() {
        assert_eq!(safe_name("hai-phong-2018", "x"), "hai-phong-2018");
        assert_eq!(safe_name("..", "dau-vao"), "dau-vao");
        assert_eq!(safe_name(".", "dau-vao"), "dau-vao");
        assert_eq!(safe_name("../../etc", "dau-vao"), "etc");
        assert_eq!(safe_name(".hidden", "dau-vao"), "hidden");
        assert_eq!(safe_name("báo cáo\u{7}", "dau-vao"), "báo cáo");
        assert_eq!(safe_name(&"a".repeat(500), "x").len(), 100);
    }
}
