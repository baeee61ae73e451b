//! The workspace's database: one SQLite file in WAL mode with full sync,
//! so a write the server acknowledged survives a crash; the schema is
//! migrated by the binary itself when it opens the file.

pub(crate) mod conferences;
pub(crate) mod drafts;
pub(crate) mod keys;
pub(crate) mod register;
pub(crate) mod units;
pub(crate) mod users;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;

/// The database file inside a workspace folder.
pub(crate) const DATABASE_FILE: &str = "baocao.sqlite3";

/// One step of the schema: statements, then work done in Rust on what they made.
struct Migration {
    sql: &'static str,
    then: Option<fn(&rusqlite::Transaction<'_>) -> rusqlite::Result<()>>,
}

/// Each step brings the schema from the previous version to the next; the
/// file remembers how many were applied (`PRAGMA user_version`).
const MIGRATIONS: &[Migration] = &[
    Migration { sql: FIRST_SCHEMA, then: None },
    // 2: a register number exists once per body, kind and year, whatever
    // was typed: bodies and numbers compared by their keys (store/keys.rs),
    // the database's unique indexes over those keys, one counter per body
    // however it is spelt.
    Migration {
        sql: "CREATE TABLE counters_by_key (
            register TEXT NOT NULL,
            body_key TEXT NOT NULL,
            body TEXT NOT NULL,
            year INTEGER NOT NULL,
            last INTEGER NOT NULL,
            width INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (register, body_key, year)
        );
        ALTER TABLE decisions ADD COLUMN body_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE decisions ADD COLUMN number_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE awards ADD COLUMN body_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE awards ADD COLUMN register_key TEXT NOT NULL DEFAULT '';
        DROP INDEX decisions_number;",
        then: Some(register::key_existing),
    },
    // 3: the form's draft kept with its errors (one per conference, on the
    // version it edits), and the bin a deleted conference waits in.
    Migration {
        sql: "CREATE TABLE drafts (
            conference_id INTEGER PRIMARY KEY REFERENCES conferences(id),
            version INTEGER NOT NULL,
            yaml TEXT NOT NULL,
            author TEXT NOT NULL,
            created INTEGER NOT NULL
        );
        ALTER TABLE conferences ADD COLUMN deleted INTEGER;",
        then: None,
    },
    // 4: a province's units (a tree), the unit and role of a user, the unit
    // a conference belongs to; none of them set is the one office of before.
    Migration {
        sql: "CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            parent_id INTEGER REFERENCES units(id),
            created INTEGER NOT NULL
        );
        ALTER TABLE users ADD COLUMN unit_id INTEGER REFERENCES units(id);
        ALTER TABLE users ADD COLUMN role TEXT;
        ALTER TABLE conferences ADD COLUMN unit_id INTEGER REFERENCES units(id);
        CREATE INDEX conferences_unit ON conferences (unit_id);",
        then: None,
    },
];

pub(super) const FIRST_SCHEMA: &str =
    // 1: conferences with every version kept, uploaded files shared by
    // versions, users and sessions, printer profiles, the award register.
    "CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        created INTEGER NOT NULL
    );
    CREATE TABLE sessions (
        token TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        expires INTEGER NOT NULL
    );
    CREATE TABLE conferences (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL
    );
    CREATE TABLE versions (
        conference_id INTEGER NOT NULL REFERENCES conferences(id),
        version INTEGER NOT NULL,
        yaml TEXT NOT NULL,
        author TEXT NOT NULL,
        note TEXT NOT NULL,
        created INTEGER NOT NULL,
        PRIMARY KEY (conference_id, version)
    );
    CREATE TABLE blobs (
        id INTEGER PRIMARY KEY,
        bytes BLOB NOT NULL
    );
    CREATE TABLE version_files (
        conference_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        blob_id INTEGER NOT NULL REFERENCES blobs(id),
        PRIMARY KEY (conference_id, version, name)
    );
    CREATE TABLE printers (
        name TEXT PRIMARY KEY,
        offset_x REAL NOT NULL,
        offset_y REAL NOT NULL,
        scale REAL NOT NULL
    );
    CREATE TABLE counters (
        register TEXT NOT NULL,
        body TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        width INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (register, body, year)
    );
    CREATE TABLE decisions (
        conference_id INTEGER NOT NULL REFERENCES conferences(id),
        grp INTEGER NOT NULL,
        number TEXT NOT NULL,
        body TEXT NOT NULL,
        year INTEGER NOT NULL,
        date TEXT NOT NULL,
        PRIMARY KEY (conference_id, grp)
    );
    CREATE UNIQUE INDEX decisions_number ON decisions (body, year, number);
    CREATE TABLE awards (
        id INTEGER PRIMARY KEY,
        conference_id INTEGER NOT NULL REFERENCES conferences(id),
        version INTEGER NOT NULL,
        grp INTEGER NOT NULL,
        award TEXT NOT NULL,
        cap_khen TEXT NOT NULL,
        body TEXT NOT NULL,
        decision TEXT NOT NULL,
        decision_date TEXT NOT NULL,
        year INTEGER NOT NULL,
        programme TEXT NOT NULL,
        recipient TEXT NOT NULL,
        recipient_kind TEXT NOT NULL,
        unit TEXT NOT NULL,
        register_no TEXT NOT NULL,
        folded TEXT NOT NULL
    );
    CREATE INDEX awards_folded ON awards (folded);
    CREATE INDEX awards_conference ON awards (conference_id);";

/// Why the database could not be used.
#[derive(Debug)]
pub(crate) enum StoreError {
    Sqlite(rusqlite::Error),
    /// The file was written by a newer baocao (its schema version).
    Newer(u32),
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(err)
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Sqlite(err) => write!(f, "SQLite: {err}"),
            StoreError::Newer(version) => {
                write!(f, "cơ sở dữ liệu do phiên bản baocao mới hơn tạo (lược đồ {version}) / made by a newer baocao")
            }
        }
    }
}

/// The open database; one connection, used by one request at a time (SQLite
/// writes one at a time anyway, and each request holds it for milliseconds).
pub(crate) struct Store {
    connection: Mutex<Connection>,
    path: PathBuf,
}

impl Store {
    /// Opens (creating when new) the database of the workspace folder `dir`.
    pub(crate) fn open(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join(DATABASE_FILE);
        let mut connection = Connection::open(&path)?;
        configure(&connection)?;
        migrate(&mut connection)?;
        Ok(Store { connection: Mutex::new(connection), path })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for one short piece of work.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Connection> {
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

pub(crate) fn migrate(connection: &mut Connection) -> Result<(), StoreError> {
    let applied: u32 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if applied as usize > MIGRATIONS.len() {
        return Err(StoreError::Newer(applied));
    }
    for (index, step) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        let transaction = connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        transaction.execute_batch(step.sql)?;
        if let Some(then) = step.then {
            then(&transaction)?;
        }
        transaction.pragma_update(None, "user_version", (index + 1) as u32)?;
        transaction.commit()?;
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
        StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(Box::new(err)))
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
        let version: u32 = store.lock().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version as usize, MIGRATIONS.len());
        drop(store);
        let again = Store::open(&dir).unwrap();
        let mode: String = again.lock().pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        drop(again);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
