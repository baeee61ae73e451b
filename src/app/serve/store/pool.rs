//! A small pool of PostgreSQL connections, so two requests of one server
//! process do not wait for one connection (SQLite keeps its one).

use std::sync::{Condvar, Mutex};

use super::db::{Db, DbError};
use super::pg::Pg;

/// At most `size` connections to one database, opened when first needed;
/// a request waits for a free one rather than open more.
pub(crate) struct Pool {
    url: String,
    size: usize,
    state: Mutex<PoolState>,
    freed: Condvar,
}

struct PoolState {
    idle: Vec<Db>,
    open: usize,
}

impl Pool {
    pub(crate) fn new(url: &str, size: usize, first: Db) -> Pool {
        Pool {
            url: url.to_string(),
            size: size.max(1),
            state: Mutex::new(PoolState { idle: vec![first], open: 1 }),
            freed: Condvar::new(),
        }
    }

    /// A connection for one piece of work; give it back with [`Pool::put`].
    pub(crate) fn take(&self) -> Result<Db, DbError> {
        let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        loop {
            if let Some(db) = state.idle.pop() {
                return Ok(db);
            }
            if state.open < self.size {
                state.open += 1;
                drop(state);
                let opened = Pg::connect(&self.url).map(Db::postgres);
                if opened.is_err() {
                    // Its place is free again: a waiter may try in turn.
                    self.lock_state().open -= 1;
                    self.freed.notify_one();
                }
                return opened;
            }
            state = self.freed.wait(state).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    /// Gives a connection back; a broken one is dropped (the next
    /// [`Pool::take`] opens a new one).
    pub(crate) fn put(&self, db: Db, broken: bool) {
        let mut state = self.lock_state();
        if broken {
            state.open -= 1;
        } else {
            state.idle.push(db);
        }
        drop(state);
        self.freed.notify_one();
    }

    fn lock_state(&self) -> std::sync::MutexGuard<'_, PoolState> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
