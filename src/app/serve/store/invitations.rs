//! The giấy mời a conference issued: one number per conference's invitation
//! (however many delegates it goes to), drawn from the register's `giay_moi`
//! counter of the issuing body and year, and held once per body and year.

use super::db::{args, Db, DbError};
use super::keys;

/// The register invitation numbers are drawn from.
pub(crate) const INVITATIONS: &str = "giay_moi";

/// An invitation as issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InvitationRecord {
    pub number: String,
    pub body: String,
    pub year: i32,
}

/// Replaces what conference `id` has issued as its invitation.
pub(crate) fn record(db: &mut Db, id: i64, invitation: Option<&InvitationRecord>) -> Result<(), DbError> {
    db.execute("DELETE FROM invitations WHERE conference_id = ?1", args![id])?;
    if let Some(invitation) = invitation {
        db.execute(
            "INSERT INTO invitations (conference_id, number, body, year, body_key, number_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            args![
                id,
                invitation.number,
                invitation.body,
                invitation.year,
                keys::body_key(&invitation.body),
                keys::decision_key(&invitation.number),
            ],
        )?;
    }
    Ok(())
}

/// The invitation conference `id` has issued, if any.
pub(crate) fn issued(db: &mut Db, id: i64) -> Result<Option<InvitationRecord>, DbError> {
    db.query_opt("SELECT number, body, year FROM invitations WHERE conference_id = ?1", args![id], |row| {
        Ok(InvitationRecord { number: row.get(0)?, body: row.get(1)?, year: row.get(2)? })
    })
}

/// The conference other than `except` that holds invitation number `key`
/// of the body `body_key` in `year`.
/// The conference holding an invitation number, and its unit.
pub(crate) fn held(
    db: &mut Db,
    body_key: &str,
    year: i32,
    key: &str,
    except: i64,
) -> Result<Option<(String, Option<i64>)>, DbError> {
    db.query_opt(
        "SELECT c.name, c.unit_id FROM invitations i JOIN conferences c ON c.id = i.conference_id
             WHERE i.body_key = ?1 AND i.year = ?2 AND i.number_key = ?3 AND i.conference_id <> ?4",
        args![body_key, year, key, except],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}

/// The keys of the invitation numbers `body_key` has issued in `year`.
pub(crate) fn issued_keys(db: &mut Db, body_key: &str, year: i32) -> Result<Vec<String>, DbError> {
    db.query_map("SELECT number_key FROM invitations WHERE body_key = ?1 AND year = ?2", args![body_key, year], |row| {
        row.get(0)
    })
}
