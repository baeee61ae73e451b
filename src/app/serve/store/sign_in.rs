//! Wrong passwords counted per address and per name, in the database so
//! that every server process of one database counts them together (a
//! guesser spread over processes behind a proxy gets no more tries): a
//! locked name stays locked even for the right password until its window
//! is over, and the table stays bounded whatever is sent.

use std::net::IpAddr;

use super::db::{args, Db, DbError};

/// Wrong passwords one name may take in a window before it is locked.
pub(crate) const NAME_FAILURES: i64 = 10;
/// Wrong passwords one address may send in a window before it is locked.
pub(crate) const ADDRESS_FAILURES: i64 = 30;
/// How long failures are remembered, and a lock lasts (seconds).
pub(crate) const WINDOW: i64 = 15 * 60;
/// Names and addresses remembered at once; past it the oldest are forgotten
/// first, but a full table of fresh entries locks every new caller out
/// rather than grow.
const REMEMBERED: i64 = 20_000;

/// What failures are counted under: the address, and the name (case and
/// spaces aside), each with its limit.
fn counted(address: IpAddr, name: &str) -> [(String, i64); 2] {
    let name: String = name.trim().to_lowercase().chars().take(200).collect();
    [(format!("a:{address}"), ADDRESS_FAILURES), (format!("n:{name}"), NAME_FAILURES)]
}

/// Seconds `name` from `address` must wait before trying a password (0: none).
pub(crate) fn locked_for(db: &mut Db, address: IpAddr, name: &str, now: i64) -> Result<i64, DbError> {
    let mut longest = 0;
    for (who, limit) in counted(address, name) {
        let found: Option<(i64, i64)> =
            db.query_opt("SELECT count, first FROM sign_in_failures WHERE who = ?1", args![who], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
        if let Some((count, first)) = found {
            let age = now - first;
            if age < WINDOW && count >= limit {
                longest = longest.max(WINDOW - age);
            }
        }
    }
    if longest > 0 {
        return Ok(longest);
    }
    let (address_key, _) = &counted(address, name)[0];
    if fresh(db, now)? >= REMEMBERED && !known(db, address_key, now)? {
        return Ok(WINDOW);
    }
    Ok(0)
}

/// A wrong name or password from `address`.
pub(crate) fn failed(db: &mut Db, address: IpAddr, name: &str, now: i64) -> Result<(), DbError> {
    db.transaction(|tx| {
        tx.execute("DELETE FROM sign_in_failures WHERE first <= ?1", args![now - WINDOW])?;
        let full = fresh(tx, now)? >= REMEMBERED;
        for (who, _) in counted(address, name) {
            if full && !known(tx, &who, now)? {
                continue;
            }
            tx.execute(
                "INSERT INTO sign_in_failures (who, count, first) VALUES (?1, 1, ?2)
                 ON CONFLICT (who) DO UPDATE SET count = sign_in_failures.count + 1",
                args![who, now],
            )?;
        }
        Ok(())
    })
}

/// A right password: the name's and the address's failures are forgotten.
pub(crate) fn succeeded(db: &mut Db, address: IpAddr, name: &str) -> Result<(), DbError> {
    for (who, _) in counted(address, name) {
        db.execute("DELETE FROM sign_in_failures WHERE who = ?1", args![who])?;
    }
    Ok(())
}

/// Entries of the current window.
fn fresh(db: &mut Db, now: i64) -> Result<i64, DbError> {
    db.query_row("SELECT COUNT(*) FROM sign_in_failures WHERE first > ?1", args![now - WINDOW], |row| row.get(0))
}

fn known(db: &mut Db, who: &str, now: i64) -> Result<bool, DbError> {
    db.query_row(
        "SELECT EXISTS (SELECT 1 FROM sign_in_failures WHERE who = ?1 AND first > ?2)",
        args![who, now - WINDOW],
        |row| row.get(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(last: u8) -> IpAddr {
        IpAddr::from([192, 0, 2, last])
    }

    fn database() -> Db {
        let mut db = Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        super::super::migrate(&mut db).unwrap();
        db
    }

    #[test]
    fn a_name_is_locked_after_its_failures_even_for_the_right_password() {
        let db = &mut database();
        let start = 1_000_000;
        for n in 0..NAME_FAILURES {
            assert_eq!(locked_for(db, address(n as u8), "vanthu", start).unwrap(), 0);
            failed(db, address(n as u8), " VanThu ", start).unwrap();
        }
        // From a fresh address, the name is locked for the rest of the window.
        assert_eq!(locked_for(db, address(200), "vanthu", start + 60).unwrap(), WINDOW - 60);
        // Another name from that fresh address is not.
        assert_eq!(locked_for(db, address(200), "ketoan", start).unwrap(), 0);
        // After the window, it may try again.
        assert_eq!(locked_for(db, address(200), "vanthu", start + WINDOW).unwrap(), 0);
    }

    #[test]
    fn an_address_is_locked_after_its_failures_over_many_names() {
        let db = &mut database();
        let start = 1_000_000;
        for n in 0..ADDRESS_FAILURES {
            failed(db, address(1), &format!("ten{n}"), start).unwrap();
        }
        assert!(locked_for(db, address(1), "new", start).unwrap() > 0);
        assert_eq!(locked_for(db, address(2), "new", start).unwrap(), 0);
        succeeded(db, address(1), "ten0").unwrap();
        assert_eq!(locked_for(db, address(1), "new", start).unwrap(), 0);
    }

    #[test]
    fn the_table_never_grows_past_its_bound() {
        let db = &mut database();
        let start = 1_000_000;
        // The table filled with fresh failures of other callers…
        db.execute_batch(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {REMEMBERED})
             INSERT INTO sign_in_failures (who, count, first) SELECT 'a:10.0.' || i, 1, {start} FROM n"
        ))
        .unwrap();
        // …takes no more.
        for n in 0..50u8 {
            failed(db, address(n), &format!("name{n}"), start).unwrap();
        }
        let rows: i64 = db.query_row("SELECT COUNT(*) FROM sign_in_failures", args![], |r| r.get(0)).unwrap();
        assert!(rows <= REMEMBERED, "{rows}");
        // Full of fresh entries: a new caller waits rather than grow it.
        assert!(locked_for(db, address(9), "x", start).unwrap() > 0);
        // Once they are old, room is made.
        assert_eq!(locked_for(db, address(9), "x", start + WINDOW).unwrap(), 0);
        failed(db, address(9), "x", start + WINDOW).unwrap();
        let rows: i64 = db.query_row("SELECT COUNT(*) FROM sign_in_failures", args![], |r| r.get(0)).unwrap();
        assert_eq!(rows, 2, "the old ones went");
    }
}
