//! A version laid out for the pipeline: the library reads an input file and
//! the list files beside it, so each check or render gets a fresh private
//! folder holding the YAML and the version's files, removed when done.
//! Uploaded names are checked before they are stored ([`plain_name`]): a
//! stored name is one plain file name, never a path.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::store::conferences::StoredFile;

/// The name the input has inside a staged folder, and in messages.
pub(crate) const INPUT_NAME: &str = "hoi-nghi.yaml";

/// A private folder with one version's input and files.
pub(crate) struct Stage {
    dir: PathBuf,
    input_name: String,
}

impl Stage {
    /// Writes `yaml` (as [`INPUT_NAME`]) and `files` into a new folder under `root`.
    pub(crate) fn new(root: &Path, yaml: &str, files: &[StoredFile]) -> std::io::Result<Stage> {
        Stage::named(root, INPUT_NAME, yaml, files)
    }

    /// The same, the input named `input_name` (several inputs of a summary).
    pub(crate) fn named(root: &Path, input_name: &str, yaml: &str, files: &[StoredFile]) -> std::io::Result<Stage> {
        std::fs::create_dir_all(root)?;
        let dir = root.join(random_hex(12));
        create_private_dir(&dir)?;
        let stage = Stage { dir, input_name: input_name.to_string() };
        std::fs::write(stage.input(), yaml)?;
        for file in files {
            // Checked when stored; checked again, since the folder must not be left.
            if plain_name(&file.name).is_none() || file.name == stage.input_name {
                continue;
            }
            std::fs::write(stage.dir.join(&file.name), file.bytes.as_slice())?;
        }
        Ok(stage)
    }

    pub(crate) fn input(&self) -> PathBuf {
        self.dir.join(&self.input_name)
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// What messages say instead of the folder: nothing (names stay bare).
    pub(crate) fn prefix(&self) -> String {
        format!("{}{}", self.dir.display(), std::path::MAIN_SEPARATOR)
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir(dir)
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
    fn a_stage_holds_the_files_and_goes_away() {
        let root = std::env::temp_dir().join(format!("baocao-stage-{}", std::process::id()));
        let files = vec![StoredFile { name: "ds.csv".into(), bytes: Arc::new(b"loai,ten\n".to_vec()) }];
        let stage = Stage::new(&root, "phien_ban: 1\n", &files).unwrap();
        let dir = stage.dir().to_path_buf();
        assert_eq!(std::fs::read_to_string(stage.input()).unwrap(), "phien_ban: 1\n");
        assert!(dir.join("ds.csv").is_file());
        drop(stage);
        assert!(!dir.exists());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
