//! What every handler of the workspace shares: the [`App`] (the store, the
//! renderer, the sign-in state), and which failures of the database are a
//! full disk.

use std::sync::Arc;

use super::answer::Refusal;
use super::render::Renderer;
use super::store::db::{Db, DbError, DbErrorKind};
use super::store::Store;
use super::throttle;

/// Everything a request may need.
pub(crate) struct App {
    pub(super) store: Arc<Store>,
    pub(super) renderer: Renderer,
    /// The CSRF token of pages served without a session (open access), the
    /// same in every process of one database (store/users.rs).
    pub(super) open_csrf: String,
    /// A hash checked when the user does not exist, so a wrong name costs
    /// as long as a wrong password (made at the first such sign-in).
    pub(super) decoy_hash: std::sync::OnceLock<String>,
    /// Host names answered besides IP addresses and localhost.
    pub(super) allowed_hosts: Vec<String>,
    /// Wrong passwords counted, password hashes queued.
    pub(super) throttle: throttle::Throttle,
}

impl App {
    /// Runs `work` on the database away from the async threads (a commit
    /// waits for the disk); a database failure becomes a 500 (507 when the
    /// disk is full) whose detail only the log sees.
    pub(crate) async fn db<T, E, F>(&self, work: F) -> Result<T, Refusal>
    where
        T: Send + 'static,
        E: std::fmt::Display + Send + 'static,
        F: FnOnce(&mut Db) -> Result<T, E> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let result = tokio::task::spawn_blocking(move || store.lock().map(|mut db| work(&mut db))).await;
        match result {
            Ok(Ok(Ok(value))) => Ok(value),
            Ok(Ok(Err(err))) if disk_full(&err) => Err(Refusal::OutOfSpace(err.to_string())),
            Ok(Ok(Err(err))) => Err(Refusal::internal(err)),
            // No connection to be had (PostgreSQL down): the log says why.
            Ok(Err(err)) => Err(Refusal::internal(err)),
            Err(err) => Err(Refusal::internal(err)),
        }
    }
}

/// Whether a failure of the database or the file system is a full disk.
pub(super) fn disk_full<E: 'static>(err: &E) -> bool {
    let any = err as &dyn std::any::Any;
    if let Some(err) = any.downcast_ref::<DbError>() {
        return err.kind() == DbErrorKind::DiskFull;
    }
    if let Some(err) = any.downcast_ref::<std::io::Error>() {
        return err.kind() == std::io::ErrorKind::StorageFull || err.raw_os_error() == Some(libc::ENOSPC);
    }
    false
}
