//! The workspace's database: one SQLite file in WAL mode with full sync,
//! so a write the server acknowledged survives a crash — or, when asked, a
//! PostgreSQL database that several server processes share; the schema is
//! migrated by the binary itself when it opens the database.

pub(crate) mod conferences;
pub(crate) mod db;
pub(crate) mod drafts;
pub(crate) mod invitations;
pub(crate) mod keys;
mod pg;
mod pool;
pub(crate) mod proposals;
pub(crate) mod reach;
pub(crate) mod register;
mod schema;
pub(crate) mod sign_in;
mod sql;
pub(crate) mod units;
pub(crate) mod users;

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;

use db::{args, Db, DbError};
use pg::Pg;
use pool::Pool;
use schema::MIGRATIONS;

/// Connections one process keeps to PostgreSQL: requests beyond them wait.
const POSTGRES_CONNECTIONS: usize = 8;

/// Where the workspace's data is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Database {
    /// The SQLite file of a workspace folder (the default).
    Folder(PathBuf),
    /// A PostgreSQL database (`postgres://user:password@host/name`).
    Postgres(String),
}

impl Database {
    /// The database as a message names it (PostgreSQL without its password).
    pub(crate) fn shown(&self) -> String {
        match self {
            Database::Folder(dir) => dir.display().to_string(),
            Database::Postgres(url) => hide_password(url),
        }
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db` (and a
/// `password=` parameter likewise).
fn hide_password(url: &str) -> String {
    let (address, query) = url.split_once('?').map_or((url, None), |(a, q)| (a, Some(q)));
    let address = match address.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((credentials, host)) => match credentials.split_once(':') {
                Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
                None => address.to_string(),
            },
            None => address.to_string(),
        },
        None => address.to_string(),
    };
    let Some(query) = query else { return address };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| if pair.starts_with("password=") { "password=***".to_string() } else { pair.to_string() })
        .collect();
    format!("{address}?{}", query.join("&"))
}

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

/// The open database: for SQLite one connection, used by one request at a
/// time (SQLite writes one at a time anyway, and each request holds it for
/// milliseconds); for PostgreSQL a small pool.
pub(crate) struct Store {
    kind: StoreKind,
    shown: String,
}

enum StoreKind {
    Sqlite(Mutex<Db>),
    Postgres(Pool),
}

impl Store {
    /// Opens (creating when new) the database, its schema brought up to date.
    pub(crate) fn open(database: &Database) -> Result<Store, StoreError> {
        let kind = match database {
            Database::Folder(dir) => {
                let connection = Connection::open(dir.join(DATABASE_FILE))?;
                configure(&connection)?;
                let mut db = Db::sqlite(connection);
                migrate(&mut db)?;
                StoreKind::Sqlite(Mutex::new(db))
            }
            Database::Postgres(url) => {
                let mut db = Db::postgres(Pg::connect(url)?);
                migrate_postgres(&mut db)?;
                StoreKind::Postgres(Pool::new(url, POSTGRES_CONNECTIONS, db))
            }
        };
        Ok(Store { kind, shown: database.shown() })
    }

    /// The database as messages name it.
    pub(crate) fn shown(&self) -> &str {
        &self.shown
    }

    /// A connection, for one short piece of work.
    pub(crate) fn lock(&self) -> Result<DbGuard<'_>, DbError> {
        match &self.kind {
            // A panic while holding the lock leaves SQLite consistent (the
            // transaction rolls back), so a poisoned lock is still usable.
            StoreKind::Sqlite(connection) => {
                Ok(DbGuard::Sqlite(connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner())))
            }
            StoreKind::Postgres(pool) => Ok(DbGuard::Pooled(pool, Some(pool.take()?))),
        }
    }
}

/// A connection lent by the [`Store`]; given back when dropped.
pub(crate) enum DbGuard<'s> {
    Sqlite(MutexGuard<'s, Db>),
    Pooled(&'s Pool, Option<Db>),
}

impl Deref for DbGuard<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        match self {
            DbGuard::Sqlite(db) => db,
            DbGuard::Pooled(_, db) => db.as_ref().expect("a lent connection is held until dropped"),
        }
    }
}

impl DerefMut for DbGuard<'_> {
    fn deref_mut(&mut self) -> &mut Db {
        match self {
            DbGuard::Sqlite(db) => db,
            DbGuard::Pooled(_, db) => db.as_mut().expect("a lent connection is held until dropped"),
        }
    }
}

impl Drop for DbGuard<'_> {
    fn drop(&mut self) {
        if let DbGuard::Pooled(pool, db) = self {
            if let Some(db) = db.take() {
                // Dropped by a panic: the connection's state is unknown.
                let broken = db.is_broken() || std::thread::panicking();
                pool.put(db, broken);
            }
        }
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
    let applied: u32 = db.query_row("PRAGMA user_version", args![], |row| row.get(0))?;
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

/// An arbitrary number naming the lock that keeps two processes from
/// migrating one PostgreSQL database at once.
const MIGRATION_LOCK: i64 = 0x6261_6f63_616f;

/// [`migrate`] for PostgreSQL: the version kept in `schema_version`, and
/// the whole under an advisory lock, so servers started together migrate
/// once (the second waits, then finds nothing left to do).
fn migrate_postgres(db: &mut Db) -> Result<(), StoreError> {
    db.query_row("SELECT pg_advisory_lock(?1)", args![MIGRATION_LOCK], |_| Ok(()))?;
    let migrated = (|| -> Result<(), StoreError> {
        db.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")?;
        let applied: i64 = match db.query_opt("SELECT version FROM schema_version", args![], |row| row.get(0))? {
            Some(applied) => applied,
            None => {
                db.execute("INSERT INTO schema_version (version) VALUES (0)", args![])?;
                0
            }
        };
        if applied as usize > MIGRATIONS.len() {
            return Err(StoreError::Newer(applied as u32));
        }
        for (index, step) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
            db.transaction(|tx| -> Result<(), DbError> {
                tx.execute_batch(step.postgres)?;
                tx.execute("UPDATE schema_version SET version = ?1", args![index as i64 + 1])?;
                Ok(())
            })?;
        }
        Ok(())
    })();
    let unlocked = db.query_row("SELECT pg_advisory_unlock(?1)", args![MIGRATION_LOCK], |_| Ok(()));
    migrated?;
    Ok(unlocked?)
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
    fn a_postgres_password_is_never_shown() {
        assert_eq!(
            hide_password("postgres://baocao:bí-mật@db.tinh:5432/baocao"),
            "postgres://baocao:***@db.tinh:5432/baocao"
        );
        assert_eq!(hide_password("postgres://baocao@localhost/baocao"), "postgres://baocao@localhost/baocao");
        assert_eq!(
            hide_password("postgresql:///baocao?host=/run/postgresql"),
            "postgresql:///baocao?host=/run/postgresql"
        );
    }

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
        let store = Store::open(&Database::Folder(dir.clone())).unwrap();
        let version: u32 = store.lock().unwrap().query_row("PRAGMA user_version", args![], |r| r.get(0)).unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
        drop(store);
        let again = Store::open(&Database::Folder(dir.clone())).unwrap();
        let mode: String = again.lock().unwrap().query_row("PRAGMA journal_mode", args![], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        drop(again);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
