//! What the form holds while it is not yet a valid version — one draft per
//! conference, on the version it edits, kept with its errors so nothing
//! typed is lost (papers are made only from versions) — and the bin:
//! a deleted conference is hidden, not erased, until it is restored.

use super::db::{args, Db, DbError};

use super::now;

/// A draft: the version it edits and its YAML.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub version: i64,
    pub yaml: String,
}

/// Keeps `yaml` as the draft of conference `id` over `version`.
pub(crate) fn put(db: &mut Db, id: i64, version: i64, yaml: &str, author: &str) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO drafts (conference_id, version, yaml, author, created) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (conference_id) DO UPDATE
         SET version = excluded.version, yaml = excluded.yaml, author = excluded.author, created = excluded.created",
        args![id, version, yaml, author, now()],
    )?;
    Ok(())
}

/// The draft of conference `id`, when it still edits its newest version.
pub(crate) fn get(db: &mut Db, id: i64) -> Result<Option<Draft>, DbError> {
    db.query_opt(
        "SELECT d.version, d.yaml FROM drafts d JOIN conferences c ON c.id = d.conference_id
         WHERE d.conference_id = ?1 AND d.version = c.version",
        args![id],
        |row| Ok(Draft { version: row.get(0)?, yaml: row.get(1)? }),
    )
}

/// Moves conference `id` to the bin; false when there is no such live one.
pub(crate) fn bin(db: &mut Db, id: i64) -> Result<bool, DbError> {
    let moved =
        db.execute("UPDATE conferences SET deleted = ?2 WHERE id = ?1 AND deleted IS NULL", args![id, now()])?;
    Ok(moved == 1)
}

/// Takes conference `id` out of the bin; false when it is not there.
pub(crate) fn restore(db: &mut Db, id: i64) -> Result<bool, DbError> {
    let moved = db.execute("UPDATE conferences SET deleted = NULL WHERE id = ?1 AND deleted IS NOT NULL", args![id])?;
    Ok(moved == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::serve::store::{conferences, Database};

    #[test]
    fn a_draft_lives_until_a_version_is_saved_and_the_bin_gives_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::app::serve::store::Store::open(&Database::Folder(dir.path().into())).unwrap();
        let mut db = store.lock().unwrap();
        let connection = &mut *db;
        let id = conferences::create(connection, "A", "phien_ban: 1\n", &[], "t").unwrap();
        put(connection, id, 1, "phien_ban: 1\nvan_ban: x\n", "t").unwrap();
        assert_eq!(
            get(connection, id).unwrap().map(|d| (d.version, d.yaml)),
            Some((1, "phien_ban: 1\nvan_ban: x\n".into()))
        );
        conferences::save(connection, id, 1, "A", "phien_ban: 1\n", &[], "t", "x").unwrap().unwrap();
        assert!(get(connection, id).unwrap().is_none(), "a saved version ends the draft");
        assert!(bin(connection, id).unwrap());
        assert!(super::super::units::conferences(connection, None, false).unwrap().is_empty());
        assert!(conferences::load(connection, id, None).unwrap().is_none());
        assert_eq!(super::super::units::conferences(connection, None, true).unwrap().len(), 1);
        assert!(restore(connection, id).unwrap() && !restore(connection, id).unwrap());
        assert_eq!(conferences::load(connection, id, None).unwrap().unwrap().version, 2);
    }
}
