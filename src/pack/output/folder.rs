//! The output folder, all or nothing: a run writes into a fresh sibling
//! folder (created exclusively under an unpredictable name, files created
//! without following symlinks), then swaps it with the old folder in one
//! step (`renameat2(RENAME_EXCHANGE)`) and removes the old one. A run
//! killed at any moment leaves the complete old folder or the complete new
//! one; what it leaves beside them the next run removes.

use std::collections::HashSet;
use std::ffi::{CString, OsStr, OsString};
use std::fs::File;
use std::io::ErrorKind;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Component, Path, PathBuf};

use super::lock::{Lock, LockError};
use crate::diag::{Failure, IoAction, Refusal};

/// The name of the file that says a folder is baocao's.
pub(crate) const MANIFEST: &str = "manifest.json";

/// A run's new folder, beside the folder it will replace.
#[derive(Debug)]
pub(crate) struct Staging {
    /// The folder the user asked for, as they wrote it (for messages).
    shown: PathBuf,
    /// The folder the user asked for, resolved.
    target: PathBuf,
    /// The fresh sibling being filled.
    temp: PathBuf,
    /// Replace a folder that baocao did not write.
    force: bool,
    /// Subfolders made so far.
    made: HashSet<PathBuf>,
    committed: bool,
    _lock: Lock,
}

/// What is at the target path now.
enum Found {
    Nothing,
    /// A folder baocao wrote (it has a manifest), or an empty one.
    Ours,
    /// A folder with other files and no manifest.
    Foreign,
    NotAFolder,
}

fn inspect(target: &Path) -> std::io::Result<Found> {
    let meta = match std::fs::symlink_metadata(target) {
        Ok(meta) => meta,
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(err) => return Err(err),
    };
    if !meta.is_dir() {
        return Ok(Found::NotAFolder);
    }
    if std::fs::symlink_metadata(target.join(MANIFEST)).is_ok_and(|m| m.is_file()) {
        return Ok(Found::Ours);
    }
    let empty = std::fs::read_dir(target)?.next().is_none();
    Ok(if empty { Found::Ours } else { Found::Foreign })
}

/// The folder's parent and name; `.`, `..` or a symlink are resolved first
/// so the swap renames the real folder.
fn split_target(dir: &Path) -> std::io::Result<(PathBuf, OsString)> {
    let is_link = std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink());
    let plain = matches!(dir.components().next_back(), Some(Component::Normal(_)));
    let dir = if plain && !is_link { dir.to_path_buf() } else { std::fs::canonicalize(dir)? };
    match (dir.parent(), dir.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
            Ok((parent.to_path_buf(), name.to_os_string()))
        }
        _ => Err(std::io::Error::new(ErrorKind::InvalidInput, "the root folder cannot be an output folder")),
    }
}

/// A sibling name for `name`: `.NAME.baocao-<16 random hex>.<tag>`.
fn sibling(parent: &Path, name: &OsStr, tag: &str) -> PathBuf {
    let mut random = [0u8; 8];
    // SAFETY: getrandom fills the buffer it is given, at most its length.
    let got = unsafe { libc::getrandom(random.as_mut_ptr().cast(), random.len(), 0) };
    if got != random.len() as isize {
        // No kernel randomness: time and pid are still unpredictable enough
        // for a name that is created exclusively anyway.
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
        random = ((nanos as u64) ^ (u64::from(std::process::id()) << 40)).to_le_bytes();
    }
    let hex: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let mut file = OsString::from(".");
    file.push(name);
    file.push(format!(".baocao-{hex}.{tag}"));
    parent.join(file)
}

/// Leftovers of killed runs beside `name`: folders `.NAME.baocao-*.tmp`,
/// removed; an old folder `.NAME.baocao-*.old` put back when a run died
/// between the two renames of the fallback swap.
fn clean_leftovers(parent: &Path, name: &OsStr, target: &Path) {
    let mut prefix = b".".to_vec();
    prefix.extend_from_slice(name.as_bytes());
    prefix.extend_from_slice(b".baocao-");
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let bytes = file.as_bytes();
        if !bytes.starts_with(&prefix) {
            continue;
        }
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if bytes.ends_with(b".tmp") && is_dir {
            let _ = std::fs::remove_dir_all(entry.path());
        } else if bytes.ends_with(b".old") && is_dir {
            if std::fs::symlink_metadata(target).is_err() {
                let _ = std::fs::rename(entry.path(), target);
            } else {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// How old a temporary file of [`replace_file`] must be before another run
/// takes it for the leftover of a killed one (it is also not locked).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

fn lock_file(file: &File, operation: libc::c_int) -> std::io::Result<()> {
    // SAFETY: flock on a descriptor the caller owns.
    if unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(file), operation) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Leftovers of killed [`replace_file`] runs beside `name`: regular files
/// `.NAME.baocao-<16 hex>.tmp` (our naming only; links, folders and other
/// names are left alone) older than [`STALE_AFTER`] and locked by no live
/// run, removed.
fn clean_stale_files(parent: &Path, name: &OsStr) {
    let mut prefix = b".".to_vec();
    prefix.extend_from_slice(name.as_bytes());
    prefix.extend_from_slice(b".baocao-");
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(hex) = file_name.as_bytes().strip_prefix(prefix.as_slice()).and_then(|r| r.strip_suffix(b".tmp"))
        else {
            continue;
        };
        if hex.len() != 16 || !hex.iter().all(u8::is_ascii_hexdigit) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
        let old = meta.modified().ok().and_then(|m| m.elapsed().ok()).is_some_and(|age| age >= STALE_AFTER);
        if !meta.is_file() || !old {
            continue;
        }
        let opened = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open(&path);
        // Not locked: no live run writes it.
        if let Ok(file) = opened {
            if lock_file(&file, libc::LOCK_EX | libc::LOCK_NB).is_ok() {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

fn c_path(path: &Path) -> std::io::Result<CString> {
    CString::new(path.as_os_str().as_bytes()).map_err(|_| ErrorKind::InvalidInput.into())
}

/// `renameat2(from, to, flags)`.
fn rename2(from: &Path, to: &Path, flags: libc::c_uint) -> std::io::Result<()> {
    let (from, to) = (c_path(from)?, c_path(to)?);
    // SAFETY: two NUL-terminated paths relative to the current folder.
    let done = unsafe { libc::renameat2(libc::AT_FDCWD, from.as_ptr(), libc::AT_FDCWD, to.as_ptr(), flags) };
    if done == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// A file system or kernel without the flag: fall back to plain renames.
fn unsupported(err: &std::io::Error) -> bool {
    matches!(err.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP))
}

fn sync_folder(path: &Path) {
    if let Ok(folder) = File::open(path) {
        let _ = folder.sync_all();
    }
}

impl Staging {
    /// Checks that `dir` may be replaced, takes its lock, removes what
    /// killed runs left, and makes the fresh folder.
    pub(crate) fn begin(dir: &Path, force: bool) -> Result<Staging, Failure> {
        let write_failure = |err| Failure::io(IoAction::Write, dir, err);
        let (parent, name) = split_target(dir).map_err(write_failure)?;
        let target = parent.join(&name);
        std::fs::create_dir_all(&parent)
            .map_err(|err| {
                // A file where a folder of the path should be.
                if err.kind() == ErrorKind::AlreadyExists {
                    ErrorKind::NotADirectory.into()
                } else {
                    err
                }
            })
            .map_err(write_failure)?;
        let mut lock_name = OsString::from(".");
        lock_name.push(&name);
        lock_name.push(".baocao.lock");
        let lock = match Lock::take(&parent.join(lock_name)) {
            Ok(lock) => lock,
            Err(LockError::Busy) => return Err(Failure::Output { dir: dir.to_path_buf(), refusal: Refusal::Busy }),
            Err(LockError::Io(err)) => return Err(write_failure(err)),
        };
        clean_leftovers(&parent, &name, &target);
        let staging = Staging {
            shown: dir.to_path_buf(),
            target,
            temp: sibling(&parent, &name, "tmp"),
            force,
            made: HashSet::new(),
            committed: false,
            _lock: lock,
        };
        staging.may_replace()?;
        // Exclusive: fails on anything already there, a planted symlink too.
        std::fs::create_dir(&staging.temp).map_err(write_failure)?;
        Ok(staging)
    }

    fn may_replace(&self) -> Result<(), Failure> {
        let refuse = |refusal| Err(Failure::Output { dir: self.shown.clone(), refusal });
        match inspect(&self.target).map_err(|err| Failure::io(IoAction::Write, &self.shown, err))? {
            Found::Nothing | Found::Ours => Ok(()),
            Found::Foreign if self.force => Ok(()),
            Found::Foreign => refuse(Refusal::NotOurs),
            Found::NotAFolder => refuse(Refusal::NotAFolder),
        }
    }

    /// Creates the new file `name` (`khen-1.pdf`, `khen-1/0001-an.pdf`):
    /// plain relative names only, never over an existing file, never
    /// through a symlink.
    pub(crate) fn create(&mut self, name: &str) -> Result<File, Failure> {
        let relative = Path::new(name);
        let fail = |err| Failure::io(IoAction::Write, self.shown.join(name), err);
        if name.is_empty() || !relative.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(fail(std::io::Error::new(ErrorKind::InvalidInput, "not a plain file name")));
        }
        if let Some(folder) = relative.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !self.made.contains(folder) {
                let mut path = self.temp.clone();
                for component in folder.components() {
                    path.push(component);
                    match std::fs::create_dir(&path) {
                        Ok(()) => {}
                        Err(err) if err.kind() == ErrorKind::AlreadyExists && self.made.contains(folder) => {}
                        Err(err) => return Err(fail(err)),
                    }
                }
                self.made.insert(folder.to_path_buf());
            }
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(self.temp.join(relative))
            .map_err(fail)
    }

    /// Writes `bytes` as the new file `name`.
    pub(crate) fn put(&mut self, name: &str, bytes: &[u8]) -> Result<(), Failure> {
        use std::io::Write as _;
        let mut file = self.create(name)?;
        file.write_all(bytes).map_err(|err| Failure::io(IoAction::Write, self.shown.join(name), err))
    }

    /// Writes the manifest, makes the new folder durable, and swaps it in.
    pub(crate) fn commit(mut self, manifest: &[u8]) -> Result<PathBuf, Failure> {
        self.put(MANIFEST, manifest)?;
        let fail = |err| Failure::io(IoAction::Write, &self.shown, err);
        // Every file on disk before the folder becomes visible under its name.
        let folder = File::open(&self.temp).map_err(fail)?;
        // SAFETY: syncfs on a descriptor this function owns.
        if unsafe { libc::syncfs(std::os::fd::AsRawFd::as_raw_fd(&folder)) } != 0 {
            return Err(fail(std::io::Error::last_os_error()));
        }
        drop(folder);
        self.may_replace()?;
        let exists = std::fs::symlink_metadata(&self.target).is_ok();
        if exists {
            match rename2(&self.temp, &self.target, libc::RENAME_EXCHANGE) {
                Ok(()) => {}
                Err(err) if unsupported(&err) => self.two_step_swap()?,
                Err(err) => return Err(fail(err)),
            }
        } else {
            match rename2(&self.temp, &self.target, libc::RENAME_NOREPLACE) {
                Ok(()) => {}
                Err(err) if unsupported(&err) => std::fs::rename(&self.temp, &self.target).map_err(fail)?,
                Err(err) => return Err(fail(err)),
            }
        }
        self.committed = true;
        if let Some(parent) = self.target.parent() {
            sync_folder(parent);
        }
        // The old folder, now under the temporary name (a leftover if this fails).
        let _ = std::fs::remove_dir_all(&self.temp);
        Ok(self.target.clone())
    }

    /// Without an atomic exchange: old folder aside as `.old`, new one in
    /// place, old one removed. A run killed between the two renames has its
    /// `.old` folder put back by the next run.
    fn two_step_swap(&self) -> Result<(), Failure> {
        let fail = |err| Failure::io(IoAction::Write, &self.shown, err);
        let parent = self.target.parent().unwrap_or(Path::new("."));
        let old = sibling(parent, self.target.file_name().unwrap_or_default(), "old");
        std::fs::rename(&self.target, &old).map_err(fail)?;
        if let Err(err) = std::fs::rename(&self.temp, &self.target) {
            let _ = std::fs::rename(&old, &self.target);
            return Err(fail(err));
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.temp);
        }
    }
}

/// Replaces the single file `path` with `bytes` in one step: written to an
/// exclusive sibling first, synced, renamed over; on any failure the old
/// file is as it was and the sibling is gone. What killed runs left
/// beside it is removed first.
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(ErrorKind::IsADirectory.into()),
        // A device, a pipe or a link is not a file to replace.
        Ok(meta) if !meta.is_file() => {
            return Err(std::io::Error::new(ErrorKind::InvalidInput, crate::diag::NotARegularFile))
        }
        _ => {}
    }
    let name = path.file_name().ok_or(ErrorKind::InvalidInput)?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    clean_stale_files(parent, name);
    let temp = sibling(parent, name, "tmp");
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(&temp)
        .and_then(|mut file| {
            // Held while the file is written and renamed: a run cleaning
            // leftovers does not take a live run's file for one.
            lock_file(&file, libc::LOCK_EX)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            std::fs::rename(&temp, path)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}
