//! Proposals sent up (đề nghị khen thưởng): a unit's tờ trình and list of
//! one award group, as frozen in the conference version it was sent from,
//! going to the unit above; returned with a reason or accepted into one of
//! the receiving unit's award groups. Every submission is kept: a returned
//! proposal sent again is a new one, the old one keeps its reason.

use super::db::{args, Db, DbError, DbErrorKind};
use super::now;

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Status {
    /// Sent, waiting for the unit above.
    Gui,
    /// Returned with a reason.
    TraLai,
    /// Accepted into an award group of the unit above.
    DaNhan,
}

impl Status {
    fn code(self) -> &'static str {
        match self {
            Status::Gui => "gui",
            Status::TraLai => "tra_lai",
            Status::DaNhan => "da_nhan",
        }
    }

    fn from_code(code: &str) -> Status {
        match code {
            "tra_lai" => Status::TraLai,
            "da_nhan" => Status::DaNhan,
            _ => Status::Gui,
        }
    }

    /// As a clerk reads it.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Status::Gui => "Đang chờ xem xét",
            Status::TraLai => "Bị trả lại",
            Status::DaNhan => "Đã nhận",
        }
    }
}

/// A proposal and what became of it.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Proposal {
    pub id: i64,
    pub conference: i64,
    /// The conference's name as the list shows it.
    pub conference_name: String,
    /// The conference version it was sent from (its papers are made from it).
    pub version: i64,
    /// The proposed award group (from 0).
    pub group: usize,
    pub from_unit: Option<i64>,
    pub from_name: String,
    pub to_unit: Option<i64>,
    pub to_name: String,
    /// How the receiving decision names the proposer: "Chủ tịch Ủy ban nhân dân phường Hạ Lý".
    pub proposer: String,
    /// "Bằng khen của …: 3 tập thể và 5 cá nhân".
    pub summary: String,
    pub author: String,
    pub created: i64,
    pub status: Status,
    pub reason: Option<String>,
    pub handled_by: Option<String>,
    pub handled: Option<i64>,
    /// Where it was accepted: the conference, its award group (from 0), the version made.
    pub into: Option<(i64, usize, i64)>,
}

/// What a new proposal says of itself.
pub(crate) struct Sent<'a> {
    pub conference: i64,
    pub version: i64,
    pub group: usize,
    pub from_unit: Option<i64>,
    pub to_unit: Option<i64>,
    pub proposer: &'a str,
    pub summary: &'a str,
    pub author: &'a str,
}

/// Why a proposal could not be sent or handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// The same group is already waiting at the unit above.
    Waiting,
    /// It was already returned or accepted.
    Handled,
}

const COLUMNS: &str = "p.id, p.conference_id, p.version, p.grp, p.from_unit_id, COALESCE(f.name, ''), p.to_unit_id,
    COALESCE(t.name, ''), p.proposer, p.summary, p.author, p.created, p.status, p.reason, p.handled_by, p.handled,
    p.into_conference, p.into_group, p.into_version, COALESCE(c.name, '')";

const FROM: &str = "proposals p LEFT JOIN units f ON f.id = p.from_unit_id LEFT JOIN units t ON t.id = p.to_unit_id
    LEFT JOIN conferences c ON c.id = p.conference_id";

fn read(row: &super::db::Row<'_>) -> Result<Proposal, DbError> {
    let group: i64 = row.get(3)?;
    let into_conference: Option<i64> = row.get(16)?;
    let into_group: Option<i64> = row.get(17)?;
    let into_version: Option<i64> = row.get(18)?;
    let status: String = row.get(12)?;
    Ok(Proposal {
        id: row.get(0)?,
        conference: row.get(1)?,
        conference_name: row.get(19)?,
        version: row.get(2)?,
        group: group as usize,
        from_unit: row.get(4)?,
        from_name: row.get(5)?,
        to_unit: row.get(6)?,
        to_name: row.get(7)?,
        proposer: row.get(8)?,
        summary: row.get(9)?,
        author: row.get(10)?,
        created: row.get(11)?,
        status: Status::from_code(&status),
        reason: row.get(13)?,
        handled_by: row.get(14)?,
        handled: row.get(15)?,
        into: match (into_conference, into_group, into_version) {
            (Some(c), Some(g), Some(v)) => Some((c, g as usize, v)),
            _ => None,
        },
    })
}

/// Sends a proposal up; its id, or why not (the same group already waiting).
pub(crate) fn send(db: &mut Db, sent: &Sent<'_>) -> Result<Result<i64, Refused>, DbError> {
    let sent = db.transaction(|tx| -> Result<Result<i64, Refused>, DbError> {
        let waiting: Option<i64> = tx.query_opt(
            "SELECT id FROM proposals WHERE conference_id = ?1 AND grp = ?2 AND status = 'gui'",
            args![sent.conference, sent.group],
            |row| row.get(0),
        )?;
        if waiting.is_some() {
            return Ok(Err(Refused::Waiting));
        }
        let id = tx.query_row(
            "INSERT INTO proposals (conference_id, version, grp, from_unit_id, to_unit_id, proposer, summary, author,
                 created, status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'gui') RETURNING id",
            args![
                sent.conference,
                sent.version,
                sent.group,
                sent.from_unit,
                sent.to_unit,
                sent.proposer,
                sent.summary,
                sent.author,
                now()
            ],
            |row| row.get(0),
        )?;
        Ok(Ok(id))
    });
    match sent {
        // Sent meanwhile by another process (PostgreSQL's transaction read
        // none waiting too): the unique index of waiting ones refused this.
        Err(err) if err.kind() == DbErrorKind::Constraint => Ok(Err(Refused::Waiting)),
        other => other,
    }
}

pub(crate) fn get(db: &mut Db, id: i64) -> Result<Option<Proposal>, DbError> {
    db.query_opt(&format!("SELECT {COLUMNS} FROM {FROM} WHERE p.id = ?1"), args![id], read)
}

/// Every proposal, the newest first: all of them for the office (`reach`
/// none), else those sent to `unit` or from a unit of `reach`.
pub(crate) fn list(db: &mut Db, unit: Option<i64>, reach: Option<&[i64]>) -> Result<Vec<Proposal>, DbError> {
    let condition = match reach {
        None => "1 = 1".to_string(),
        Some(reach) => {
            // Only ids the database gave are written here, never text from a request.
            let ids: Vec<String> = reach.iter().map(i64::to_string).collect();
            let ids = if ids.is_empty() { "0".to_string() } else { ids.join(", ") };
            format!("(p.to_unit_id = ?1 OR p.from_unit_id IN ({ids}))")
        }
    };
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE {condition} ORDER BY p.created DESC, p.id DESC");
    if reach.is_some() {
        db.query_map(&sql, args![unit.unwrap_or(0)], read)
    } else {
        db.query_map(&sql, args![], read)
    }
}

/// Returns a waiting proposal with `reason`.
pub(crate) fn give_back(db: &mut Db, id: i64, reason: &str, by: &str) -> Result<Result<(), Refused>, DbError> {
    let changed = db.execute(
        "UPDATE proposals SET status = 'tra_lai', reason = ?2, handled_by = ?3, handled = ?4
         WHERE id = ?1 AND status = 'gui'",
        args![id, reason, by, now()],
    )?;
    Ok(if changed == 1 { Ok(()) } else { Err(Refused::Handled) })
}

/// Marks a waiting proposal accepted into `conference`'s group `group`,
/// whose version `version` holds its recipients (inside the transaction
/// that saved that version).
pub(crate) fn mark_accepted(
    db: &mut Db,
    id: i64,
    by: &str,
    (conference, group, version): (i64, usize, i64),
) -> Result<Result<(), Refused>, DbError> {
    let changed = db.execute(
        "UPDATE proposals SET status = ?2, handled_by = ?3, handled = ?4, into_conference = ?5, into_group = ?6,
             into_version = ?7
         WHERE id = ?1 AND status = 'gui'",
        args![id, Status::DaNhan.code(), by, now(), conference, group, version],
    )?;
    Ok(if changed == 1 { Ok(()) } else { Err(Refused::Handled) })
}

/// The parent of `unit`, with its name.
pub(crate) fn parent_of(db: &mut Db, unit: i64) -> Result<Option<(i64, String)>, DbError> {
    db.query_opt(
        "SELECT p.id, p.name FROM units u JOIN units p ON p.id = u.parent_id WHERE u.id = ?1",
        args![unit],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposal_waits_once_and_is_handled_once() {
        let dir = tempfile::tempdir().unwrap();
        let folder = crate::app::serve::store::Database::Folder(dir.path().to_path_buf());
        let store = crate::app::serve::store::Store::open(&folder).unwrap();
        let mut db = store.lock().unwrap();
        let db = &mut *db;
        let conference = super::super::conferences::create(db, "A", "phien_ban: 1\n", &[], "t").unwrap();
        let sent = Sent {
            conference,
            version: 1,
            group: 0,
            from_unit: None,
            to_unit: None,
            proposer: "Chủ tịch Ủy ban nhân dân phường Hạ Lý",
            summary: "Bằng khen: 1 cá nhân",
            author: "vanthu",
        };
        let first = send(db, &sent).unwrap().unwrap();
        assert_eq!(send(db, &sent).unwrap(), Err(Refused::Waiting), "one waiting proposal per group");
        give_back(db, first, "Thiếu thành tích", "tinh").unwrap().unwrap();
        assert_eq!(give_back(db, first, "lại", "tinh").unwrap(), Err(Refused::Handled));
        let second = send(db, &Sent { version: 2, ..sent }).unwrap().unwrap();
        mark_accepted(db, second, "tinh", (conference, 0, 3)).unwrap().unwrap();
        assert_eq!(mark_accepted(db, second, "tinh", (conference, 0, 4)).unwrap(), Err(Refused::Handled));
        let all = list(db, None, None).unwrap();
        assert_eq!(
            all.iter().map(|p| (p.id, p.status)).collect::<Vec<_>>(),
            [(second, Status::DaNhan), (first, Status::TraLai)]
        );
        assert_eq!(all[1].reason.as_deref(), Some("Thiếu thành tích"), "the returned one keeps its reason");
        assert_eq!(all[0].into, Some((conference, 0, 3)));
        assert!(list(db, Some(7), Some(&[7])).unwrap().is_empty(), "another unit sees none");
        // Past the check, the database itself holds one waiting per group:
        // what two processes sending at once on PostgreSQL both got by.
        let third = send(db, &Sent { version: 4, ..sent }).unwrap().unwrap();
        let twin = db.execute(
            "INSERT INTO proposals (conference_id, version, grp, proposer, summary, author, created, status)
             VALUES (?1, 4, 0, 'p', 's', 'a', 0, 'gui')",
            args![conference],
        );
        assert_eq!(twin.unwrap_err().kind(), DbErrorKind::Constraint, "a twin of {third} refused");
    }

    #[test]
    fn twins_left_waiting_before_the_unique_index_are_returned_saying_why() {
        let db = &mut Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        // The schema as it was before step 8 (one waiting per group).
        let before = 7;
        for step in &super::super::schema::MIGRATIONS[..before] {
            db.execute_batch(step.sqlite).unwrap();
        }
        db.execute_batch(&format!("PRAGMA user_version = {before}")).unwrap();
        db.execute_batch(
            "INSERT INTO conferences (id, name, version, created, updated) VALUES (1, 'A', 1, 0, 0);
             INSERT INTO proposals (id, conference_id, version, grp, proposer, summary, author, created, status)
             VALUES (1, 1, 1, 0, 'p', 's', 'a', 10, 'gui'), (2, 1, 1, 0, 'p', 's', 'a', 10, 'gui'),
                    (3, 1, 1, 1, 'p', 's', 'a', 10, 'gui'), (4, 1, 1, 0, 'p', 's', 'a', 5, 'tra_lai');",
        )
        .unwrap();
        super::super::migrate(db).unwrap();
        let all = list(db, None, None).unwrap();
        let status = |id: i64| all.iter().find(|p| p.id == id).map(|p| (p.status, p.reason.is_some())).unwrap();
        assert_eq!(status(1), (Status::Gui, false), "the first sent waits on");
        assert_eq!(status(2), (Status::TraLai, true), "its twin returned, saying why");
        assert_eq!(status(3), (Status::Gui, false), "another group's");
        assert_eq!(status(4), (Status::TraLai, false), "one returned before, untouched");
    }
}
