//! Where an input's files come from: one way in ([`Sources`]: a name →
//! its bytes) that everything baocao reads goes through — the YAML, its
//! list files, the emblem, the indicator map, a templates folder's
//! templates and certificate layout. [`Disk`] reads a folder for
//! the command line (a regular file, within a size, opened without
//! blocking); [`Stored`] holds the files of a version the workspace keeps,
//! so checking or rendering it never writes a file. Messages name a file
//! as [`Sources::display`] says: as the clerk wrote or uploaded it.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::FileWhat;

/// Why a named file gives no bytes.
#[derive(Debug)]
pub enum Unread {
    /// A folder, a pipe, a device.
    NotAFile(FileWhat),
    /// Larger than asked for (its size in bytes, as far as known).
    TooLarge(u64),
    /// The system's refusal (no such file, permissions, a read failing).
    Failed(std::io::Error),
}

impl Unread {
    /// No file of that name, in the system's words.
    fn missing() -> Unread {
        Unread::Failed(std::io::Error::from_raw_os_error(libc::ENOENT))
    }

    pub(crate) fn is_missing(&self) -> bool {
        matches!(self, Unread::Failed(err) if err.kind() == std::io::ErrorKind::NotFound)
    }
}

/// A set of files read by name (a name relative to the input file).
pub trait Sources: Send + Sync + std::fmt::Debug {
    /// The bytes of `name`, refused when larger than `limit`.
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, Unread>;
    /// Whether `name` is there (a list named `ds.xlsx#Trang 1` may be a
    /// file of that whole name).
    fn has(&self, name: &str) -> bool;
    /// `name` as messages show it.
    fn display(&self, name: &str) -> String;
    /// The names of every file held (a templates folder is looked through).
    fn names(&self) -> Result<Vec<String>, Unread>;
}

/// The files of a folder on disk, named relative to it.
#[derive(Debug, Clone)]
pub struct Disk {
    base: PathBuf,
}

impl Disk {
    pub fn new(base: &Path) -> Disk {
        Disk { base: base.to_path_buf() }
    }
}

impl Sources for Disk {
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, Unread> {
        read_regular(&self.base.join(name), limit)
    }

    fn has(&self, name: &str) -> bool {
        self.base.join(name).exists()
    }

    fn display(&self, name: &str) -> String {
        self.base.join(name).display().to_string()
    }

    fn names(&self) -> Result<Vec<String>, Unread> {
        let entries = std::fs::read_dir(&self.base).map_err(Unread::Failed)?;
        Ok(entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
    }
}

/// Reads the regular file `path` whole when it has at most `limit` bytes:
/// opened without blocking (a FIFO with no writer would wait forever), its
/// kind and size judged on the opened file, read no further than the limit
/// (a file that grows while read still stops there).
pub(crate) fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Unread> {
    let failed = Unread::Failed;
    let file = {
        use std::os::unix::fs::OpenOptionsExt as _;
        std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path).map_err(failed)?
    };
    let meta = file.metadata().map_err(failed)?;
    let kind = meta.file_type();
    if !kind.is_file() {
        return Err(Unread::NotAFile(if kind.is_dir() { FileWhat::Directory } else { special_file(&kind) }));
    }
    if meta.len() > limit {
        return Err(Unread::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(failed)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

fn special_file(kind: &std::fs::FileType) -> FileWhat {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        FileWhat::Fifo
    } else if kind.is_char_device() || kind.is_block_device() {
        FileWhat::Device
    } else {
        FileWhat::Other
    }
}

/// Files held in memory under the names they were uploaded as: a version
/// the workspace stores. Nothing is written anywhere to read them.
#[derive(Debug, Clone, Default)]
pub struct Stored {
    files: Vec<(String, Arc<Vec<u8>>)>,
}

impl Stored {
    pub fn new(files: Vec<(String, Arc<Vec<u8>>)>) -> Stored {
        Stored { files }
    }

    /// Another file beside the others (the YAML of a version).
    pub fn with(mut self, name: &str, bytes: Vec<u8>) -> Stored {
        self.files.retain(|(held, _)| held != name);
        self.files.push((name.to_string(), Arc::new(bytes)));
        self
    }
}

impl Sources for Stored {
    fn read(&self, name: &str, limit: u64) -> Result<Vec<u8>, Unread> {
        let Some((_, bytes)) = self.files.iter().find(|(held, _)| held == name) else {
            return Err(Unread::missing());
        };
        if bytes.len() as u64 > limit {
            return Err(Unread::TooLarge(bytes.len() as u64));
        }
        Ok(bytes.to_vec())
    }

    fn has(&self, name: &str) -> bool {
        self.files.iter().any(|(held, _)| held == name)
    }

    fn display(&self, name: &str) -> String {
        name.to_string()
    }

    fn names(&self) -> Result<Vec<String>, Unread> {
        Ok(self.files.iter().map(|(name, _)| name.clone()).collect())
    }
}

/// One file among its sources: the input a build reads, or one of a
/// summary's inputs, or its indicator map.
#[derive(Debug, Clone)]
pub struct Source {
    pub sources: Arc<dyn Sources>,
    pub name: String,
}

impl Source {
    /// The file at `path` on disk, its neighbours beside it; messages name
    /// it as `path` is written.
    pub fn path(path: &Path) -> Source {
        let base = path.parent().unwrap_or(Path::new(""));
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        Source { sources: Arc::new(Disk::new(base)), name }
    }

    /// `name` among `sources`.
    pub fn new(sources: Arc<dyn Sources>, name: &str) -> Source {
        Source { sources, name: name.to_string() }
    }

    /// The file as messages name it.
    pub fn display(&self) -> String {
        self.sources.display(&self.name)
    }

    /// The file's name without its extension (the default output folder).
    pub fn stem(&self) -> String {
        Path::new(&self.name).file_stem().unwrap_or_default().to_string_lossy().to_string()
    }
}

impl Default for Source {
    fn default() -> Source {
        Source::path(Path::new(""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_files_are_read_by_their_uploaded_name_within_the_limit() {
        let stored: Arc<dyn Sources> = Arc::new(Stored::default().with("danh-sach.csv", b"loai,ten\n".to_vec()));
        assert_eq!(stored.read("danh-sach.csv", 100).unwrap(), b"loai,ten\n");
        assert_eq!(stored.display("danh-sach.csv"), "danh-sach.csv");
        assert!(matches!(stored.read("danh-sach.csv", 3), Err(Unread::TooLarge(9))));
        assert!(stored.read("../danh-sach.csv", 100).unwrap_err().is_missing());
        assert!(!stored.has("khac.csv"));
    }

    #[test]
    fn disk_refuses_folders_devices_and_large_files() {
        let disk: Arc<dyn Sources> = Arc::new(Disk::new(Path::new("/")));
        assert!(matches!(disk.read("dev/zero", 10), Err(Unread::NotAFile(FileWhat::Device))));
        assert!(matches!(disk.read("tmp", 10), Err(Unread::NotAFile(FileWhat::Directory))));
        assert!(disk.read("khong-co-tep-nay", 10).unwrap_err().is_missing());
        let here = Source::path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
        assert!(matches!(here.sources.read(&here.name, 10), Err(Unread::TooLarge(_))));
        assert_eq!(Source::path(Path::new("inputs/a.yaml")).display(), "inputs/a.yaml");
        assert_eq!(Source::path(Path::new("a.yaml")).display(), "a.yaml");
    }
}
