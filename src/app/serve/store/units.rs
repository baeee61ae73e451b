//! The units of a province's workspace — a tree (the province, its wards and
//! communes, or a district where one remains) — the unit and role each user
//! holds there, and the unit each conference belongs to. A workspace, user
//! or conference with no unit is the one office of before: nothing changes.

use super::conferences::Summary;
use super::db::{args, Db, DbError};
use super::now;
pub(crate) use super::reach::{reach_sql, subtree, Role, Scope, Unit};

/// Why a unit could not be added.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum UnitRefused {
    UnknownParent,
    Exists,
}

pub(crate) fn list(db: &mut Db) -> Result<Vec<Unit>, DbError> {
    db.query_map("SELECT id, name, parent_id FROM units ORDER BY id", args![], |row| {
        Ok(Unit { id: row.get(0)?, name: row.get(1)?, parent: row.get(2)? })
    })
}

pub(crate) fn by_name(db: &mut Db, name: &str) -> Result<Option<i64>, DbError> {
    db.query_opt("SELECT id FROM units WHERE name = ?1", args![name], |row| row.get(0))
}

/// Adds unit `name` under `parent` (a root when none); its id.
pub(crate) fn add(db: &mut Db, name: &str, parent: Option<&str>) -> Result<Result<i64, UnitRefused>, DbError> {
    db.transaction(|tx| {
        let parent_id = match parent {
            Some(parent) => match by_name(tx, parent)? {
                Some(id) => Some(id),
                None => return Ok(Err(UnitRefused::UnknownParent)),
            },
            None => None,
        };
        if by_name(tx, name)?.is_some() {
            return Ok(Err(UnitRefused::Exists));
        }
        let id = tx.query_row(
            "INSERT INTO units (name, parent_id, created) VALUES (?1, ?2, ?3) RETURNING id",
            args![name, parent_id, now()],
            |row| row.get(0),
        )?;
        Ok(Ok(id))
    })
}

/// Puts user `name` in `unit` with `role` (none: the office's full rights).
pub(crate) fn place_user(db: &mut Db, name: &str, placed: Option<(i64, Role)>) -> Result<(), DbError> {
    db.execute(
        "UPDATE users SET unit_id = ?2, role = ?3 WHERE name = ?1",
        args![name, placed.map(|p| p.0), placed.map(|p| p.1.code())],
    )?;
    Ok(())
}

/// The scope of user `name`: none when she has no unit (the office).
pub(crate) fn scope_of(db: &mut Db, name: &str) -> Result<Option<Scope>, DbError> {
    let placed: Option<(Option<i64>, Option<String>)> =
        db.query_opt("SELECT unit_id, role FROM users WHERE name = ?1", args![name], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let Some((Some(unit), Some(role))) = placed else { return Ok(None) };
    // A role the database does not know (written by a newer baocao) reads as
    // the narrowest one: she edits nothing and issues nothing.
    let role = Role::from_code(&role).unwrap_or(Role::Leader);
    let units = list(db)?;
    let unit_name = units.iter().find(|u| u.id == unit).map(|u| u.name.clone()).unwrap_or_default();
    let reach = match role {
        Role::Province => subtree(&units, unit),
        Role::Clerk | Role::Leader => vec![unit],
    };
    Ok(Some(Scope { unit, unit_name, role, reach }))
}

/// The unit of conference `id`, binned or not: `None` when there is no such
/// conference, `Some(None)` for one of the office.
pub(crate) fn conference_unit(db: &mut Db, id: i64) -> Result<Option<Option<i64>>, DbError> {
    db.query_opt("SELECT unit_id FROM conferences WHERE id = ?1", args![id], |row| row.get(0))
}

/// Gives conference `id` to `unit` (done once, when it is made).
pub(crate) fn assign(db: &mut Db, id: i64, unit: Option<i64>) -> Result<(), DbError> {
    db.execute("UPDATE conferences SET unit_id = ?2 WHERE id = ?1", args![id, unit])?;
    Ok(())
}

/// The conferences the caller sees (binned ones when `binned`), newest
/// first, with the unit of each: the list page and `GET /api/conferences`.
pub(crate) fn conferences(
    db: &mut Db,
    scope: Option<&Scope>,
    binned: bool,
) -> Result<Vec<(Summary, Option<i64>)>, DbError> {
    // A binned one shows when it was binned, the last first.
    let (time, condition) = if binned { ("deleted", "deleted IS NOT NULL") } else { ("updated", "deleted IS NULL") };
    let sql = format!(
        "SELECT id, name, version, {time}, unit_id FROM conferences
         WHERE {condition} AND {} ORDER BY {time} DESC, id DESC",
        reach_sql(scope, "unit_id")
    );
    db.query_map(&sql, args![], |row| {
        Ok((Summary { id: row.get(0)?, name: row.get(1)?, version: row.get(2)?, updated: row.get(3)? }, row.get(4)?))
    })
}

/// Whether the caller may set the counters of `key`'s body: the office
/// always; a unit when the body is one it sees (see
/// [`super::reach::counter_reach_sql`]) or one no counter names yet.
pub(crate) fn may_set_counter(
    db: &mut Db,
    scope: Option<&Scope>,
    key: &super::register::CounterKey,
) -> Result<bool, DbError> {
    if scope.is_none() {
        return Ok(true);
    }
    let body_key = super::keys::body_key(&key.body);
    let sql = format!(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN {} THEN 1 ELSE 0 END), 0) FROM counters WHERE body_key = ?1",
        super::reach::counter_reach_sql(scope)
    );
    let (named, seen): (i64, i64) = db.query_row(&sql, args![body_key], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(named == 0 || seen > 0)
}

/// The newest conference (not binned) of each of `units`, in their order;
/// `None` for a unit that has none.
pub(crate) fn newest_conferences(db: &mut Db, units: &[i64]) -> Result<Vec<Option<i64>>, DbError> {
    let mut found = Vec::new();
    for unit in units {
        found.push(db.query_opt(
            "SELECT id FROM conferences WHERE unit_id = ?1 AND deleted IS NULL ORDER BY updated DESC, id DESC LIMIT 1",
            args![unit],
            |row| row.get(0),
        )?);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conferences_of_before_the_units_stay_the_offices() {
        let db = &mut Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        super::super::migrate(db).unwrap();
        let before = super::super::conferences::create(db, "Cũ", "phien_ban: 1\n", &[], "vanthu").unwrap();
        let province = add(db, "UBND thành phố Hải Phòng", None).unwrap().unwrap();
        let ward = add(db, "Phường Hồng Bàng", Some("UBND thành phố Hải Phòng")).unwrap().unwrap();
        assert_eq!(add(db, "Xã Mới", Some("Huyện Không Có")).unwrap(), Err(UnitRefused::UnknownParent));
        assert_eq!(add(db, "Phường Hồng Bàng", None).unwrap(), Err(UnitRefused::Exists));
        let made = super::super::conferences::create(db, "Mới", "phien_ban: 1\n", &[], "vanthu").unwrap();
        assign(db, made, Some(ward)).unwrap();
        assert_eq!(conference_unit(db, before).unwrap(), Some(None), "the office's");
        assert_eq!(conference_unit(db, 999).unwrap(), None);
        let ids = |db: &mut Db, scope: Option<&Scope>| -> Vec<i64> {
            conferences(db, scope, false).unwrap().into_iter().map(|(c, _)| c.id).collect()
        };
        let clerk = Scope { unit: ward, unit_name: String::new(), role: Role::Clerk, reach: vec![ward] };
        let whole =
            Scope { unit: province, unit_name: String::new(), role: Role::Province, reach: vec![province, ward] };
        assert_eq!(ids(db, None), [made, before]);
        assert_eq!(ids(db, Some(&clerk)), [made]);
        assert_eq!(ids(db, Some(&whole)), [made]);
        assert_eq!(newest_conferences(db, &[ward, province]).unwrap(), [Some(made), None]);
    }
}
