//! Who may use the workspace: users with their argon2 password hashes,
//! sessions that expire, and the printer profiles saved in the workspace.

use super::db::{args, Db, DbError};

use super::now;

/// How long a session lasts without being used.
pub(crate) const SESSION_IDLE_SECONDS: i64 = 8 * 3600;

/// A signed-in user's session.
#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub user: String,
    /// The token every form post must carry (the page has it, another site does not).
    pub csrf: String,
}

pub(crate) fn has_users(db: &mut Db) -> Result<bool, DbError> {
    db.query_row("SELECT EXISTS (SELECT 1 FROM users)", args![], |row| row.get(0))
}

/// Adds a user, or gives a new password to an existing one; true when new.
pub(crate) fn set_user(db: &mut Db, name: &str, hash: &str) -> Result<bool, DbError> {
    let changed = db.execute("UPDATE users SET hash = ?2 WHERE name = ?1", args![name, hash])?;
    if changed > 0 {
        // A new password ends the sessions opened with the old one.
        db.execute("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE name = ?1)", args![name])?;
        return Ok(false);
    }
    db.execute("INSERT INTO users (name, hash, created) VALUES (?1, ?2, ?3)", args![name, hash, now()])?;
    Ok(true)
}

/// A user's id and password hash.
pub(crate) fn user(db: &mut Db, name: &str) -> Result<Option<(i64, String)>, DbError> {
    db.query_opt("SELECT id, hash FROM users WHERE name = ?1", args![name], |row| Ok((row.get(0)?, row.get(1)?)))
}

pub(crate) fn open_session(db: &mut Db, user_id: i64, token: &str, csrf: &str) -> Result<(), DbError> {
    db.execute("DELETE FROM sessions WHERE expires < ?1", args![now()])?;
    db.execute(
        "INSERT INTO sessions (token, user_id, csrf, expires) VALUES (?1, ?2, ?3, ?4)",
        args![token, user_id, csrf, now() + SESSION_IDLE_SECONDS],
    )?;
    Ok(())
}

/// The live session of `token`, its idle time restarted.
pub(crate) fn session(db: &mut Db, token: &str) -> Result<Option<Session>, DbError> {
    let time = now();
    let found: Option<(String, String, i64)> = db.query_opt(
        "SELECT u.name, s.csrf, s.expires FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token = ?1",
        args![token],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    match found {
        Some((user, csrf, expires)) if expires > time => {
            // Written at most once a minute: most requests only read.
            if expires - time < SESSION_IDLE_SECONDS - 60 {
                db.execute(
                    "UPDATE sessions SET expires = ?2 WHERE token = ?1",
                    args![token, time + SESSION_IDLE_SECONDS],
                )?;
            }
            Ok(Some(Session { user, csrf }))
        }
        _ => Ok(None),
    }
}

pub(crate) fn close_session(db: &mut Db, token: &str) -> Result<(), DbError> {
    db.execute("DELETE FROM sessions WHERE token = ?1", args![token])?;
    Ok(())
}

/// The CSRF token of pages served without a session (open access): the
/// first process to ask sets `fresh`, every process reads the same.
pub(crate) fn open_csrf(db: &mut Db, fresh: &str) -> Result<String, DbError> {
    db.execute(
        "INSERT INTO settings (name, value) VALUES ('open_csrf', ?1) ON CONFLICT (name) DO NOTHING",
        args![fresh],
    )?;
    db.query_row("SELECT value FROM settings WHERE name = 'open_csrf'", args![], |row| row.get(0))
}

/// A printer's drift, measured with `baocao calibrate` (mm, and its scale).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Printer {
    #[serde(rename = "ten")]
    pub name: String,
    #[serde(rename = "lech_x")]
    pub offset_x: f32,
    #[serde(rename = "lech_y")]
    pub offset_y: f32,
    #[serde(rename = "ty_le")]
    pub scale: f32,
}

/// Whose printer profiles: those of the caller's unit (`Some(id)`), or the
/// office's (`None`). A ward's printer is not the province's.
fn unit_key(unit: Option<i64>) -> i64 {
    unit.unwrap_or(0)
}

pub(crate) fn printers(db: &mut Db, unit: Option<i64>) -> Result<Vec<Printer>, DbError> {
    db.query_map(
        "SELECT name, offset_x, offset_y, scale FROM printers WHERE unit_key = ?1 ORDER BY name",
        args![unit_key(unit)],
        |row| Ok(Printer { name: row.get(0)?, offset_x: row.get(1)?, offset_y: row.get(2)?, scale: row.get(3)? }),
    )
}

pub(crate) fn printer(db: &mut Db, unit: Option<i64>, name: &str) -> Result<Option<Printer>, DbError> {
    db.query_opt(
        "SELECT name, offset_x, offset_y, scale FROM printers WHERE unit_key = ?1 AND name = ?2",
        args![unit_key(unit), name],
        |row| Ok(Printer { name: row.get(0)?, offset_x: row.get(1)?, offset_y: row.get(2)?, scale: row.get(3)? }),
    )
}

pub(crate) fn save_printer(db: &mut Db, unit: Option<i64>, printer: &Printer) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO printers (unit_key, name, offset_x, offset_y, scale) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (unit_key, name) DO UPDATE SET offset_x = ?3, offset_y = ?4, scale = ?5",
        args![unit_key(unit), printer.name, printer.offset_x, printer.offset_y, printer.scale],
    )?;
    Ok(())
}

pub(crate) fn delete_printer(db: &mut Db, unit: Option<i64>, name: &str) -> Result<(), DbError> {
    db.execute("DELETE FROM printers WHERE unit_key = ?1 AND name = ?2", args![unit_key(unit), name])?;
    Ok(())
}
