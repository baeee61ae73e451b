//! The units of a province's workspace — a tree (the province, its wards and
//! communes, or a district where one remains) — the unit and role each user
//! holds there, and the unit each conference belongs to. A workspace, user
//! or conference with no unit is the one office of before: nothing changes.

use rusqlite::{params, Connection, OptionalExtension};

use super::conferences::Summary;
use super::now;

/// What a user of a unit may do there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Văn thư: edits her unit's conferences; does not issue.
    Clerk,
    /// Lãnh đạo: reads her unit's conferences and issues them; does not edit.
    Leader,
    /// Tỉnh: reads every unit under hers, and summarises across them.
    Province,
}

impl Role {
    /// The role as `--vai-tro` and the database write it.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Role::Clerk => "van-thu",
            Role::Leader => "lanh-dao",
            Role::Province => "tinh",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Role> {
        [Role::Clerk, Role::Leader, Role::Province].into_iter().find(|role| role.code() == code.trim())
    }

    /// The role as a clerk reads it.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Role::Clerk => "Văn thư",
            Role::Leader => "Lãnh đạo",
            Role::Province => "Tỉnh (xem mọi đơn vị trực thuộc)",
        }
    }
}

/// A unit of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub id: i64,
    pub name: String,
    pub parent: Option<i64>,
}

/// Where a signed-in user of a unit stands: her unit, her role, and the
/// units whose conferences she may see (hers, or her whole subtree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scope {
    pub unit: i64,
    pub unit_name: String,
    pub role: Role,
    /// Ids of the units she sees, hers first.
    pub reach: Vec<i64>,
}

impl Scope {
    /// Whether a conference of `unit` is hers to see (one of no unit, the
    /// office's, is not).
    pub(crate) fn sees(&self, unit: Option<i64>) -> bool {
        unit.is_some_and(|unit| self.reach.contains(&unit))
    }
}

/// An SQL condition on `column` (a conference's unit id) true for what the
/// caller may see: anything for the office (no scope). Only ids the
/// database gave are written into it, never text from a request.
pub(crate) fn reach_sql(scope: Option<&Scope>, column: &str) -> String {
    match scope {
        None => "1 = 1".to_string(),
        Some(scope) => {
            let ids: Vec<String> = scope.reach.iter().map(i64::to_string).collect();
            format!("{column} IN ({})", ids.join(", "))
        }
    }
}

/// Why a unit could not be added.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum UnitRefused {
    UnknownParent,
    Exists,
}

pub(crate) fn list(connection: &Connection) -> rusqlite::Result<Vec<Unit>> {
    let mut statement = connection.prepare_cached("SELECT id, name, parent_id FROM units ORDER BY id")?;
    let rows = statement.query_map([], |row| Ok(Unit { id: row.get(0)?, name: row.get(1)?, parent: row.get(2)? }))?;
    rows.collect()
}

pub(crate) fn by_name(connection: &Connection, name: &str) -> rusqlite::Result<Option<i64>> {
    connection.query_row("SELECT id FROM units WHERE name = ?1", [name], |row| row.get(0)).optional()
}

/// Adds unit `name` under `parent` (a root when none); its id.
pub(crate) fn add(
    connection: &Connection,
    name: &str,
    parent: Option<&str>,
) -> rusqlite::Result<Result<i64, UnitRefused>> {
    let parent_id = match parent {
        Some(parent) => match by_name(connection, parent)? {
            Some(id) => Some(id),
            None => return Ok(Err(UnitRefused::UnknownParent)),
        },
        None => None,
    };
    if by_name(connection, name)?.is_some() {
        return Ok(Err(UnitRefused::Exists));
    }
    let id = connection.query_row(
        "INSERT INTO units (name, parent_id, created) VALUES (?1, ?2, ?3) RETURNING id",
        params![name, parent_id, now()],
        |row| row.get(0),
    )?;
    Ok(Ok(id))
}

/// `root` and every unit under it, `root` first.
pub(crate) fn subtree(units: &[Unit], root: i64) -> Vec<i64> {
    let mut reach = vec![root];
    let mut next = 0;
    while next < reach.len() {
        let parent = reach[next];
        reach.extend(units.iter().filter(|unit| unit.parent == Some(parent)).map(|unit| unit.id));
        next += 1;
    }
    reach
}

/// Puts user `name` in `unit` with `role` (none: the office's full rights).
pub(crate) fn place_user(connection: &Connection, name: &str, placed: Option<(i64, Role)>) -> rusqlite::Result<()> {
    connection.execute(
        "UPDATE users SET unit_id = ?2, role = ?3 WHERE name = ?1",
        params![name, placed.map(|p| p.0), placed.map(|p| p.1.code())],
    )?;
    Ok(())
}

/// The scope of user `name`: none when she has no unit (the office).
pub(crate) fn scope_of(connection: &Connection, name: &str) -> rusqlite::Result<Option<Scope>> {
    let placed: Option<(Option<i64>, Option<String>)> = connection
        .query_row("SELECT unit_id, role FROM users WHERE name = ?1", [name], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let Some((Some(unit), Some(role))) = placed else { return Ok(None) };
    // A role the database does not know (written by a newer baocao) reads as
    // the narrowest one: she edits nothing and issues nothing.
    let role = Role::from_code(&role).unwrap_or(Role::Leader);
    let units = list(connection)?;
    let unit_name = units.iter().find(|u| u.id == unit).map(|u| u.name.clone()).unwrap_or_default();
    let reach = match role {
        Role::Province => subtree(&units, unit),
        Role::Clerk | Role::Leader => vec![unit],
    };
    Ok(Some(Scope { unit, unit_name, role, reach }))
}

/// The unit of conference `id`, binned or not: `None` when there is no such
/// conference, `Some(None)` for one of the office.
pub(crate) fn conference_unit(connection: &Connection, id: i64) -> rusqlite::Result<Option<Option<i64>>> {
    connection.query_row("SELECT unit_id FROM conferences WHERE id = ?1", [id], |row| row.get(0)).optional()
}

/// Gives conference `id` to `unit` (done once, when it is made).
pub(crate) fn assign(connection: &Connection, id: i64, unit: Option<i64>) -> rusqlite::Result<()> {
    connection.execute("UPDATE conferences SET unit_id = ?2 WHERE id = ?1", params![id, unit])?;
    Ok(())
}

/// The conferences the caller sees (binned ones when `binned`), newest
/// first, with the unit of each: the list page and `GET /api/conferences`.
pub(crate) fn conferences(
    connection: &Connection,
    scope: Option<&Scope>,
    binned: bool,
) -> rusqlite::Result<Vec<(Summary, Option<i64>)>> {
    // A binned one shows when it was binned, the last first.
    let (time, condition) = if binned { ("deleted", "deleted IS NOT NULL") } else { ("updated", "deleted IS NULL") };
    let sql = format!(
        "SELECT id, name, version, {time}, unit_id FROM conferences
         WHERE {condition} AND {} ORDER BY {time} DESC, id DESC",
        reach_sql(scope, "unit_id")
    );
    let mut statement = connection.prepare(&sql)?;
    let rows = statement.query_map([], |row| {
        Ok((Summary { id: row.get(0)?, name: row.get(1)?, version: row.get(2)?, updated: row.get(3)? }, row.get(4)?))
    })?;
    rows.collect()
}

/// The newest conference (not binned) of each of `units`, in their order;
/// `None` for a unit that has none.
pub(crate) fn newest_conferences(connection: &Connection, units: &[i64]) -> rusqlite::Result<Vec<Option<i64>>> {
    let mut found = Vec::new();
    for unit in units {
        found.push(
            connection
                .query_row(
                    "SELECT id FROM conferences WHERE unit_id = ?1 AND deleted IS NULL
                     ORDER BY updated DESC, id DESC LIMIT 1",
                    [unit],
                    |row| row.get(0),
                )
                .optional()?,
        );
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: i64, parent: Option<i64>) -> Unit {
        Unit { id, name: format!("Đơn vị {id}"), parent }
    }

    #[test]
    fn a_subtree_holds_the_unit_and_everything_under_it() {
        let units = [unit(1, None), unit(2, Some(1)), unit(3, Some(1)), unit(4, Some(2)), unit(5, None)];
        assert_eq!(subtree(&units, 1), vec![1, 2, 3, 4]);
        assert_eq!(subtree(&units, 2), vec![2, 4]);
        assert_eq!(subtree(&units, 5), vec![5]);
    }

    #[test]
    fn the_office_sees_everything_and_a_unit_only_its_reach() {
        assert_eq!(reach_sql(None, "c.unit_id"), "1 = 1");
        let scope = Scope { unit: 2, unit_name: "Phường".into(), role: Role::Clerk, reach: vec![2, 4] };
        assert_eq!(reach_sql(Some(&scope), "c.unit_id"), "c.unit_id IN (2, 4)");
        assert!(scope.sees(Some(4)) && !scope.sees(Some(3)) && !scope.sees(None));
    }

    #[test]
    fn roles_read_back_from_their_codes_only() {
        for role in [Role::Clerk, Role::Leader, Role::Province] {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("admin"), None);
    }
}
