//! One build at a time per output folder: an advisory lock (`flock`) on a
//! file beside the folder, taken without waiting. The kernel drops it when
//! the process ends, however it ends, so a killed run never blocks the next.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// A held lock; released (and its file removed) when dropped.
#[derive(Debug)]
pub(super) struct Lock {
    path: PathBuf,
    file: File,
}

/// Why the lock could not be had.
#[derive(Debug)]
pub(super) enum LockError {
    /// Another process holds it.
    Busy,
    Io(std::io::Error),
}

impl Lock {
    /// Takes the lock at `path`, or says that another process holds it.
    pub(super) fn take(path: &Path) -> Result<Lock, LockError> {
        // A holder removes the file when it is done: a file opened just
        // before that removal is locked but no longer at `path`, so check
        // and take the new one (a few rounds at most).
        for _ in 0..16 {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .mode(0o644)
                .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
                .open(path)
                .map_err(LockError::Io)?;
            // SAFETY: flock on a descriptor this function owns.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
                let error = std::io::Error::last_os_error();
                return Err(if error.kind() == std::io::ErrorKind::WouldBlock {
                    LockError::Busy
                } else {
                    LockError::Io(error)
                });
            }
            let held = file.metadata().map_err(LockError::Io)?;
            match std::fs::symlink_metadata(path) {
                Ok(now) if now.ino() == held.ino() && now.dev() == held.dev() => {
                    return Ok(Lock { path: path.to_path_buf(), file })
                }
                _ => continue,
            }
        }
        Err(LockError::Busy)
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, so no other process can hold this file.
        let _ = std::fs::remove_file(&self.path);
        let _ = &self.file;
    }
}
