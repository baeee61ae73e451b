//! Conferences and every version of them: the YAML as typed, the files it
//! names (uploaded lists and emblems, kept as bytes under their names), who
//! saved it and when. A save names the version it edits; a stale one is
//! refused, so two clerks never overwrite each other silently.

use std::sync::Arc;

use super::db::{args, Db, DbError};

use super::now;

/// A conference as the list shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Summary {
    pub id: i64,
    pub name: String,
    pub version: i64,
    #[serde(skip)]
    pub updated: i64,
}

/// A file kept with a version, under the name the YAML uses for it.
#[derive(Debug, Clone)]
pub(crate) struct StoredFile {
    pub name: String,
    pub bytes: Arc<Vec<u8>>,
}

/// One version of a conference.
#[derive(Debug, Clone)]
pub(crate) struct Version {
    pub conference: i64,
    pub version: i64,
    pub name: String,
    pub yaml: String,
    pub files: Vec<StoredFile>,
    /// The conference's newest version (this one, or a later one).
    pub latest: i64,
}

/// A line of a conference's history.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct HistoryEntry {
    pub version: i64,
    pub author: String,
    pub note: String,
    pub time: String,
}

/// A save refused because the conference moved on (or never existed).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SaveRefused {
    /// The version the save edited is not the newest: the newest is given.
    Stale(i64),
    Missing,
}

/// Stores a new conference at version 1 with its files; its id.
pub(crate) fn create(
    db: &mut Db,
    name: &str,
    yaml: &str,
    files: &[(String, Vec<u8>)],
    author: &str,
) -> Result<i64, DbError> {
    db.transaction(|tx| {
        let time = now();
        let id: i64 = tx.query_row(
            "INSERT INTO conferences (name, version, created, updated) VALUES (?1, 1, ?2, ?2) RETURNING id",
            args![name, time],
            |row| row.get(0),
        )?;
        insert_version(tx, id, 1, yaml, author, "Tạo mới", time)?;
        for (file_name, bytes) in files {
            put_file(tx, id, 1, file_name, bytes)?;
        }
        Ok(id)
    })
}

/// Stores `yaml` (and `files`, added or replacing same-named ones) as the
/// version after `expected`, when `expected` is still the newest; the new
/// version's number.
#[allow(clippy::too_many_arguments)]
pub(crate) fn save(
    db: &mut Db,
    id: i64,
    expected: i64,
    name: &str,
    yaml: &str,
    files: &[(String, Vec<u8>)],
    author: &str,
    note: &str,
) -> Result<Result<i64, SaveRefused>, DbError> {
    // A refused save wrote nothing: committing it is the same as rolling back.
    db.transaction(|tx| save_in(tx, id, expected, name, yaml, files, author, note))
}

/// [`save`] inside the caller's transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) fn save_in(
    db: &mut Db,
    id: i64,
    expected: i64,
    name: &str,
    yaml: &str,
    files: &[(String, Vec<u8>)],
    author: &str,
    note: &str,
) -> Result<Result<i64, SaveRefused>, DbError> {
    // Read by a write that changes nothing, so the row stays locked until
    // the transaction ends: a save of the same version by another server
    // process (PostgreSQL) waits here and then finds itself stale.
    let current: Option<i64> = db.query_opt(
        "UPDATE conferences SET version = version WHERE id = ?1 AND deleted IS NULL RETURNING version",
        args![id],
        |row| row.get(0),
    )?;
    let current = match current {
        None => return Ok(Err(SaveRefused::Missing)),
        Some(current) if current != expected => return Ok(Err(SaveRefused::Stale(current))),
        Some(current) => current,
    };
    let next = current + 1;
    let time = now();
    insert_version(db, id, next, yaml, author, note, time)?;
    // The new version keeps the files of the one it edits…
    db.execute(
        "INSERT INTO version_files (conference_id, version, name, blob_id)
         SELECT conference_id, ?2, name, blob_id FROM version_files WHERE conference_id = ?1 AND version = ?3",
        args![id, next, current],
    )?;
    // …with the uploaded ones added or replaced.
    for (file_name, bytes) in files {
        put_file(db, id, next, file_name, bytes)?;
    }
    db.execute(
        "UPDATE conferences SET version = ?2, name = ?3, updated = ?4 WHERE id = ?1",
        args![id, next, name, time],
    )?;
    // A valid version saved: the draft it was typed through is done (store/drafts).
    db.execute("DELETE FROM drafts WHERE conference_id = ?1", args![id])?;
    Ok(Ok(next))
}

fn insert_version(
    db: &mut Db,
    id: i64,
    version: i64,
    yaml: &str,
    author: &str,
    note: &str,
    time: i64,
) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO versions (conference_id, version, yaml, author, note, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        args![id, version, yaml, author, note, time],
    )?;
    Ok(())
}

fn put_file(db: &mut Db, id: i64, version: i64, name: &str, bytes: &[u8]) -> Result<(), DbError> {
    let blob: i64 =
        db.query_row("INSERT INTO blobs (bytes) VALUES (?1) RETURNING id", args![bytes], |row| row.get(0))?;
    db.execute(
        "INSERT INTO version_files (conference_id, version, name, blob_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (conference_id, version, name) DO UPDATE SET blob_id = excluded.blob_id",
        args![id, version, name, blob],
    )?;
    Ok(())
}

/// A version of conference `id` (the newest when `version` is none); none
/// of a conference in the bin.
pub(crate) fn load(db: &mut Db, id: i64, version: Option<i64>) -> Result<Option<Version>, DbError> {
    load_from(db, id, version, "AND deleted IS NULL")
}

/// Version `version` of conference `id`, in the bin or not: what a unit
/// sent up stays readable where it was sent whatever the sender did since.
pub(crate) fn load_sent(db: &mut Db, id: i64, version: i64) -> Result<Option<Version>, DbError> {
    load_from(db, id, Some(version), "")
}

fn load_from(db: &mut Db, id: i64, version: Option<i64>, binned: &str) -> Result<Option<Version>, DbError> {
    let head: Option<(String, i64)> =
        db.query_opt(&format!("SELECT name, version FROM conferences WHERE id = ?1 {binned}"), args![id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let Some((name, latest)) = head else { return Ok(None) };
    let version = version.unwrap_or(latest);
    let yaml: Option<String> = db.query_opt(
        "SELECT yaml FROM versions WHERE conference_id = ?1 AND version = ?2",
        args![id, version],
        |row| row.get(0),
    )?;
    let Some(yaml) = yaml else { return Ok(None) };
    let files = db.query_map(
        "SELECT f.name, b.bytes FROM version_files f JOIN blobs b ON b.id = f.blob_id
         WHERE f.conference_id = ?1 AND f.version = ?2 ORDER BY f.name",
        args![id, version],
        |row| Ok(StoredFile { name: row.get(0)?, bytes: Arc::new(row.get(1)?) }),
    )?;
    Ok(Some(Version { conference: id, version, name, yaml, files, latest }))
}

/// The versions of conference `id`, newest first.
pub(crate) fn history(db: &mut Db, id: i64) -> Result<Vec<HistoryEntry>, DbError> {
    db.query_map(
        "SELECT version, author, note, created FROM versions WHERE conference_id = ?1 ORDER BY version DESC",
        args![id],
        |row| {
            Ok(HistoryEntry {
                version: row.get(0)?,
                author: row.get(1)?,
                note: row.get(2)?,
                time: super::local_time(row.get(3)?),
            })
        },
    )
}
