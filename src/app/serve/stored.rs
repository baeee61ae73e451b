//! A stored version as the pipeline reads it: its YAML and its files held
//! in memory as [`Sources`] under the names the clerk uploaded them as, so
//! checking or rendering a version writes nothing and every message names a
//! file as the clerk knows it. Uploaded names are checked before they are
//! stored ([`plain_name`]): a stored name is one plain file name, never a path.

use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use super::store::conferences::StoredFile;
use crate::input::{Source, Stored};

/// The name a version's input has among its files, and in messages.
pub(crate) const INPUT_NAME: &str = "hoi-nghi.yaml";

/// The input `yaml` (named [`INPUT_NAME`]) with `files` beside it.
pub(crate) fn source(yaml: &str, files: &[StoredFile]) -> Source {
    named(INPUT_NAME, yaml, files)
}

/// The same, the input named `input_name` (several inputs of a summary).
pub(crate) fn named(input_name: &str, yaml: &str, files: &[StoredFile]) -> Source {
    // Checked when stored; checked again, as a name here is a name read.
    let held = files.iter().filter(|f| plain_name(&f.name).is_some()).map(|f| (f.name.clone(), Arc::clone(&f.bytes)));
    let stored = Stored::new(held.collect()).with(input_name, yaml.as_bytes().to_vec());
    Source::new(Arc::new(stored), input_name)
}

/// `bytes` random bytes from the system, as hex.
pub(crate) fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    // The system's generator failing is not something to go on without.
    getrandom::fill(&mut buffer).expect("system random generator");
    buffer.iter().map(|b| format!("{b:02x}")).collect()
}

/// What an uploaded file is, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Yaml,
    Csv,
    Xlsx,
    Png,
}

impl FileKind {
    pub(crate) fn of(name: &str) -> Option<FileKind> {
        let extension = name.rsplit_once('.')?.1.to_lowercase();
        match extension.as_str() {
            "yaml" | "yml" => Some(FileKind::Yaml),
            "csv" => Some(FileKind::Csv),
            "xlsx" => Some(FileKind::Xlsx),
            "png" => Some(FileKind::Png),
            _ => None,
        }
    }

    /// Whether `bytes` look like this kind of file (XLSX is a ZIP, PNG has
    /// its signature; CSV and YAML are judged by the pipeline's readers).
    pub(crate) fn matches(self, bytes: &[u8]) -> bool {
        match self {
            FileKind::Xlsx => bytes.starts_with(b"PK\x03\x04"),
            FileKind::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            FileKind::Csv | FileKind::Yaml => true,
        }
    }
}

/// `name` as it may be stored: NFC, trimmed, one plain file name of at
/// most 100 characters, not hidden; none when it is anything else.
pub(crate) fn plain_name(name: &str) -> Option<String> {
    let name: String = name.trim().nfc().collect();
    let plain = !name.is_empty()
        && name.chars().count() <= 100
        && !name.starts_with('.')
        && !name.chars().any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'));
    plain.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn only_plain_names_are_kept() {
        assert_eq!(plain_name(" danh sách.xlsx ").as_deref(), Some("danh sách.xlsx"));
        for bad in ["../x.csv", "a/b.csv", "a\\b.csv", ".hidden.csv", "", "c:x.csv", "a\u{0}.csv"] {
            assert_eq!(plain_name(bad), None, "{bad:?}");
        }
        assert_eq!(plain_name(&"a".repeat(101)), None);
    }

    #[test]
    fn kinds_follow_the_extension_and_the_content() {
        assert_eq!(FileKind::of("DS.XLSX"), Some(FileKind::Xlsx));
        assert_eq!(FileKind::of("ds.exe"), None);
        assert!(!FileKind::Xlsx.matches(b"loai,ten\n"));
        assert!(FileKind::Png.matches(b"\x89PNG\r\n\x1a\n...."));
    }

    #[test]
    fn a_version_is_read_from_memory_under_its_uploaded_names() {
        let files = vec![
            StoredFile { name: "danh-sách.csv".into(), bytes: Arc::new(b"loai,ten\n".to_vec()) },
            StoredFile { name: INPUT_NAME.into(), bytes: Arc::new(b"cu: 1\n".to_vec()) },
            StoredFile { name: "../ngoai.csv".into(), bytes: Arc::new(b"x".to_vec()) },
        ];
        let source = source("phien_ban: 1\n", &files);
        assert_eq!(source.display(), INPUT_NAME);
        // The YAML of the version wins over a file uploaded under its name.
        assert_eq!(source.sources.read(INPUT_NAME, 100).unwrap(), b"phien_ban: 1\n");
        assert_eq!(source.sources.read("danh-sách.csv", 100).unwrap(), b"loai,ten\n");
        assert_eq!(source.sources.display("danh-sách.csv"), "danh-sách.csv");
        assert!(!source.sources.has("../ngoai.csv"));
    }
}
