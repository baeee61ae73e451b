//! The workspace's database: one SQLite file in WAL mode with full sync,
//! so a write the server acknowledged survives a crash; the schema is
//! migrated by the binary itself when it opens the file.

pub(crate) mod conferences;
pub(crate) mod db;
pub(crate) mod drafts;
pub(crate) mod invitations;
pub(crate) mod keys;
pub(crate) mod proposals;
pub(crate) mod reach;
pub(crate) mod register;
mod schema;
pub(crate) mod units;
pub(crate) mod users;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;

use db::{Db, DbError};
use schema::MIGRATIONS;

/// The database file inside a workspace folder.
pub(crate) const DATABASE_FILE: &str = "baocao.sqlite3";

/// Why the database could not be used.
#[derive(Debug)]
pub(crate) enum StoreError {
    Db(DbError),
    /// The file was written by a newer baocao (its schema version).
    Newer(u32),
}

impl From<DbError> for StoreError {
    fn from(err: DbError) -> StoreError {
        StoreError::Db(err)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> StoreError {
        StoreError::Db(err.into())
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Db(err) => write!(f, "{err}"),
            StoreError::Newer(version) => {
                write!(f, "cơ sở dữ liệu do phiên bản baocao mới hơn tạo (lược đồ {version}) / made by a newer baocao")
            }
        }
    }
}

/// The open database; one connection, used by one request at a time (SQLite
/// writes one at a time anyway, and each request holds it for milliseconds).
pub(crate) struct Store {
    connection: Mutex<Db>,
    path: PathBuf,
}

impl Store {
    /// Opens (creating when new) the database of the workspace folder `dir`.
    pub(crate) fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join(DATABASE_FILE);
        let connection = Connection::open(&path)?;
        configure(&connection)?;
        let mut db = Db::sqlite(connection);
        migrate(&mut db)?;
        Ok(Store { connection: Mutex::new(db), path })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for one short piece of work.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Db> {
        // A panic while holding the lock leaves SQLite consistent (the
        // transaction rolls back on drop), so a poisoned lock is still usable.
        self.connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn configure(connection: &Connection) -> rusqlite::Result<()> {
    // WAL lets readers go on while one writes; FULL sync makes every
    // committed transaction durable before the answer leaves the server.
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    // Another process (a second server, `users add`, `backup`) may hold the
    // write lock for a moment: wait for it rather than fail.
    connection.busy_timeout(Duration::from_secs(10))?;
    Ok(())
}

/// Brings the schema of `db` to this binary's version, step by step, each
/// step in a transaction with the version it reaches.
pub(crate) fn migrate(db: &mut Db) -> Result<(), StoreError> {
    let applied: u32 = db.query_row("PRAGMA user_version", db::args![], |row| row.get(0))?;
    if applied as usize > MIGRATIONS.len() {
        return Err(StoreError::Newer(applied));
    }
    for (index, step) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        db.transaction(|tx| -> Result<(), DbError> {
            tx.execute_batch(step.sqlite)?;
            if let Some(then) = step.then_sqlite {
                then(tx)?;
            }
            tx.execute_batch(&format!("PRAGMA user_version = {}", index + 1))
        })?;
    }
    Ok(())
}

/// Copies the live database into `target` with SQLite's online backup (the
/// server may keep working meanwhile); written beside it, then renamed.
pub(crate) fn backup(workspace: &Path, target: &Path) -> Result<(), StoreError> {
    let source = Connection::open_with_flags(
        workspace.join(DATABASE_FILE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    source.busy_timeout(Duration::from_secs(10))?;
    let file_name = target.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let temporary = target.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| -> rusqlite::Result<()> {
        let mut copy = Connection::open(&temporary)?;
        {
            let backup = rusqlite::backup::Backup::new(&source, &mut copy)?;
            backup.run_to_completion(256, Duration::from_millis(5), None)?;
        }
        // A self-contained file: no WAL beside it.
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    })();
    if let Err(err) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(err.into());
    }
    std::fs::rename(&temporary, target).map_err(|err| {
        let _ = std::fs::remove_file(&temporary);
        StoreError::Db(rusqlite::Error::ToSqlConversionFailure(Box::new(err)).into())
    })
}

/// Seconds since 1970, as the database keeps times.
pub(crate) fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// A stored time as an office in Việt Nam reads it (UTC+7 all year):
/// "21/08/2018 09:05".
pub(crate) fn local_time(seconds: i64) -> String {
    let local = crate::doc::Timestamp::from_unix(seconds + 7 * 3600);
    format!("{:02}/{:02}/{} {:02}:{:02}", local.day, local.month, local.year, local.hour, local.minute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_in_viet_nam() {
        // 2018-08-21 02:05 UTC is 09:05 in Hải Phòng.
        assert_eq!(local_time(1_534_817_100), "21/08/2018 09:05");
        // Across midnight and a leap day.
        assert_eq!(local_time(951_843_600), "01/03/2000 00:00");
    }

    #[test]
    fn a_new_workspace_is_migrated_once_and_reopens() {
        let dir = std::env::temp_dir().join(format!("baocao-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = Store::open(&dir).unwrap();
        let version: u32 = store.lock().query_row("PRAGMA user_version", db::args![], |r| r.get(0)).unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
        drop(store);
        let again = Store::open(&dir).unwrap();
        let mode: String = again.lock().query_row("PRAGMA journal_mode", db::args![], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        drop(again);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
