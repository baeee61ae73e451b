//! The award register: per-body, per-year counters that decision and sổ
//! vàng numbers are drawn from, the decisions issued, and every award ever
//! issued in the workspace, searchable by name, unit, year and kind.

use super::db::{args, Arg, Db, DbError};

use super::invitations::{self, INVITATIONS};
pub(crate) use super::keys::fold;
use super::keys::{self, MAX_NUMBER};

/// The register decision numbers are drawn from.
pub(crate) const DECISIONS: &str = "quyet_dinh";

/// The sổ vàng register of an award kind (`bang_khen`, `giay_khen`).
pub(crate) fn golden_book(award: &str) -> String {
    format!("so_vang_{award}")
}

/// One counter: numbers of `register` issued by `body` in `year`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub(crate) struct CounterKey {
    #[serde(rename = "so")]
    pub register: String,
    #[serde(rename = "co_quan")]
    pub body: String,
    #[serde(rename = "nam")]
    pub year: i32,
}

/// A counter and the last number it gave.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Counter {
    #[serde(flatten)]
    pub key: CounterKey,
    #[serde(rename = "so_cuoi")]
    pub last: i64,
    /// Digits the numbers are padded to ("0101": 4); 0 = none.
    #[serde(rename = "do_dai", default)]
    pub width: u32,
}

/// The next number of a counter, written as its register writes numbers;
/// a number some other conference already holds (a counter set back by
/// hand) is passed over. None when the counter has reached
/// [`MAX_NUMBER`]. Runs inside the caller's transaction, so two issues
/// never draw the same.
pub(crate) fn draw(db: &mut Db, key: &CounterKey, except: i64) -> Result<Option<String>, DbError> {
    let body_key = keys::body_key(&key.body);
    db.execute(
        "INSERT INTO counters (register, body_key, body, year, last) VALUES (?1, ?2, ?3, ?4, 0) ON CONFLICT DO NOTHING",
        args![key.register, body_key, key.body, key.year],
    )?;
    loop {
        let drawn: Option<(i64, u32)> = db.query_opt(
            "UPDATE counters SET last = last + 1
             WHERE register = ?1 AND body_key = ?2 AND year = ?3 AND last < ?4 RETURNING last, width",
            args![key.register, body_key, key.year, MAX_NUMBER],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let Some((last, width)) = drawn else { return Ok(None) };
        if held(db, &key.register, &body_key, key.year, &last.to_string(), except)?.is_none() {
            return Ok(Some(format!("{last:0width$}", width = width as usize)));
        }
    }
}

/// Locks the counters an issue touches for the rest of its transaction, in
/// one order whatever the order of `keys`, so two issues drawing from the
/// same counters queue instead of deadlocking (PostgreSQL; SQLite's write
/// lock serialises them anyway). Those it will draw from (`true`) are made
/// when missing, as the first draw would make them.
pub(crate) fn lock_counters(db: &mut Db, keys: &[(CounterKey, bool)]) -> Result<(), DbError> {
    let mut rows: Vec<(String, String, i32, bool, &str)> = keys
        .iter()
        .map(|(k, drawn)| (k.register.clone(), keys::body_key(&k.body), k.year, *drawn, k.body.as_str()))
        .collect();
    // Drawn first within one counter, so it is made before it is locked.
    rows.sort_by(|a, b| (&a.0, &a.1, a.2, !a.3).cmp(&(&b.0, &b.1, b.2, !b.3)));
    rows.dedup_by(|later, first| (&later.0, &later.1, later.2) == (&first.0, &first.1, first.2));
    for (register, body_key, year, drawn, body) in rows {
        if drawn {
            db.execute(
                "INSERT INTO counters (register, body_key, body, year, last) VALUES (?1, ?2, ?3, ?4, 0)
                 ON CONFLICT DO NOTHING",
                args![register, body_key, body, year],
            )?;
        }
        db.execute(
            "UPDATE counters SET last = last WHERE register = ?1 AND body_key = ?2 AND year = ?3",
            args![register, body_key, year],
        )?;
    }
    Ok(())
}

/// A number typed by hand: the counter goes past it, so it is never drawn.
pub(crate) fn pass(db: &mut Db, key: &CounterKey, number: i64) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO counters (register, body_key, body, year, last) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (register, body_key, year) DO UPDATE
         SET last = CASE WHEN counters.last > ?5 THEN counters.last ELSE ?5 END",
        args![key.register, keys::body_key(&key.body), key.body, key.year, number.min(MAX_NUMBER)],
    )?;
    Ok(())
}

/// The counters the caller may see (`scope`; none: the office, all).
pub(crate) fn counters(db: &mut Db, scope: Option<&super::reach::Scope>) -> Result<Vec<Counter>, DbError> {
    db.query_map(
        &format!(
            "SELECT register, body, year, last, width FROM counters WHERE {} ORDER BY year DESC, register, body",
            super::reach::counter_reach_sql(scope)
        ),
        args![],
        |row| {
            Ok(Counter {
                key: CounterKey { register: row.get(0)?, body: row.get(1)?, year: row.get(2)? },
                last: row.get(3)?,
                width: row.get(4)?,
            })
        },
    )
}

/// The highest number of `register` that `body` has issued in `year` (0: none).
pub(crate) fn highest_issued(db: &mut Db, key: &CounterKey) -> Result<i64, DbError> {
    let body_key = keys::body_key(&key.body);
    let found: Vec<String> = if key.register == INVITATIONS {
        invitations::issued_keys(db, &body_key, key.year)?
    } else if key.register == DECISIONS {
        db.query_map(
            "SELECT number_key FROM decisions WHERE body_key = ?1 AND year = ?2",
            args![body_key, key.year],
            |row| row.get(0),
        )?
    } else {
        let award = key.register.strip_prefix("so_vang_").unwrap_or_default();
        db.query_map(
            "SELECT register_key FROM awards WHERE award = ?1 AND body_key = ?2 AND year = ?3",
            args![award, body_key, key.year],
            |row| row.get(0),
        )?
    };
    Ok(found.iter().filter_map(|key| keys::key_value(key)).max().unwrap_or(0))
}

/// Sets where a counter continues from (last year's paper register, say).
/// The caller has made sure it is not behind what was issued. One made
/// here belongs to `unit` (the office's: none).
pub(crate) fn set_counter(db: &mut Db, counter: &Counter, unit: Option<i64>) -> Result<(), DbError> {
    db.execute(
        "INSERT INTO counters (register, body_key, body, year, last, width, unit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (register, body_key, year) DO UPDATE SET last = ?5, width = ?6",
        args![
            counter.key.register,
            keys::body_key(&counter.key.body),
            counter.key.body,
            counter.key.year,
            counter.last,
            counter.width,
            unit
        ],
    )?;
    Ok(())
}

/// Who holds number `key` (a decision or sổ vàng key) of `register` by the
/// body `body_key` in `year`, other than conference `except`.
fn held(
    db: &mut Db,
    register: &str,
    body_key: &str,
    year: i32,
    key: &str,
    except: i64,
) -> Result<Option<String>, DbError> {
    let found: Option<(String, Option<i64>)> = if register == INVITATIONS {
        invitations::held(db, body_key, year, key, except)?
    } else if register == DECISIONS {
        db.query_opt(
            "SELECT c.name, c.unit_id FROM decisions d JOIN conferences c ON c.id = d.conference_id
                 WHERE d.body_key = ?1 AND d.year = ?2 AND d.number_key = ?3 AND d.conference_id <> ?4",
            args![body_key, year, key, except],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?
    } else {
        let award = register.strip_prefix("so_vang_").unwrap_or_default();
        db.query_opt(
            "SELECT recipient || ' (' || c.name || ')', c.unit_id FROM awards a JOIN conferences c ON c.id = a.conference_id
                 WHERE a.award = ?1 AND a.body_key = ?2 AND a.year = ?3 AND a.register_key = ?4
                 AND a.conference_id <> ?5",
            args![award, body_key, year, key, except],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?
    };
    let Some((holder, holder_unit)) = found else { return Ok(None) };
    // Whose it is is told to the holder's own unit only: another unit's
    // conference and recipients stay its own (that the number is taken is said).
    let own: Option<i64> =
        db.query_opt("SELECT unit_id FROM conferences WHERE id = ?1", args![except], |row| row.get(0))?.flatten();
    Ok(Some(if holder_unit == own { holder } else { "một hội nghị khác".to_string() }))
}

/// Keys the register of a workspace made before numbers were compared by
/// key (migration 2): rows get their keys, counters of one body spelt
/// several ways become one (the furthest), and numbers that were given
/// twice then stay visible, marked apart so the unique indexes hold.
pub(crate) fn key_existing(db: &mut Db) -> Result<(), DbError> {
    use std::collections::HashSet;
    let mut seen = HashSet::new();
    let decisions: Vec<(i64, String, i32, String)> =
        db.query_map("SELECT rowid, body, year, number FROM decisions ORDER BY rowid", args![], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?;
    for (rowid, body, year, number) in decisions {
        let (body_key, mut key) = (keys::body_key(&body), keys::decision_key(&number));
        if key.is_empty() || !seen.insert((body_key.clone(), year, key.clone())) {
            key = format!("{key}#{rowid}");
        }
        db.execute(
            "UPDATE decisions SET body_key = ?1, number_key = ?2 WHERE rowid = ?3",
            args![body_key, key, rowid],
        )?;
    }
    let mut seen = HashSet::new();
    let awards: Vec<(i64, String, String, i32, String)> =
        db.query_map("SELECT id, award, body, year, register_no FROM awards ORDER BY id", args![], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
        })?;
    for (id, award, body, year, number) in awards {
        let (body_key, mut key) = (keys::body_key(&body), keys::register_key(&number));
        if key.is_empty() || !seen.insert((award.clone(), body_key.clone(), year, key.clone())) {
            key = format!("{key}#{id}");
        }
        db.execute("UPDATE awards SET body_key = ?1, register_key = ?2 WHERE id = ?3", args![body_key, key, id])?;
    }
    let counters: Vec<(String, String, i32, i64, u32)> =
        db.query_map("SELECT register, body, year, last, width FROM counters", args![], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
        })?;
    for (register, body, year, last, width) in counters {
        db.execute(
            "INSERT INTO counters_by_key (register, body_key, body, year, last, width) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (register, body_key, year) DO UPDATE SET last = CASE WHEN counters_by_key.last > ?5 THEN counters_by_key.last ELSE ?5 END,
                 width = CASE WHEN counters_by_key.width > ?6 THEN counters_by_key.width ELSE ?6 END",
            args![register, keys::body_key(&body), body, year, last.min(MAX_NUMBER), width],
        )?;
    }
    db.execute_batch(
        "DROP TABLE counters;
         ALTER TABLE counters_by_key RENAME TO counters;
         CREATE UNIQUE INDEX decisions_number ON decisions (body_key, year, number_key);
         CREATE UNIQUE INDEX awards_register_number ON awards (award, body_key, year, register_key);",
    )
}

/// A decision as issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecisionRecord {
    pub group: usize,
    pub number: String,
    pub body: String,
    pub year: i32,
    pub date: String,
}

/// An award as issued: who, what, by which decision, with which sổ vàng number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct AwardRecord {
    #[serde(skip)]
    pub group: usize,
    #[serde(rename = "hinh_thuc")]
    pub award: String,
    pub cap_khen: String,
    #[serde(rename = "co_quan")]
    pub body: String,
    #[serde(rename = "quyet_dinh")]
    pub decision: String,
    #[serde(rename = "ngay")]
    pub decision_date: String,
    #[serde(rename = "nam")]
    pub year: i32,
    #[serde(rename = "chuong_trinh")]
    pub programme: String,
    #[serde(rename = "ten")]
    pub recipient: String,
    #[serde(rename = "loai")]
    pub recipient_kind: String,
    #[serde(rename = "don_vi")]
    pub unit: String,
    #[serde(rename = "so_so")]
    pub register_no: String,
}

/// A typed number's identity in `register`: a decision by its number part,
/// a sổ vàng number with its padding dropped.
pub(crate) fn number_key(register: &str, number: &str) -> String {
    if register == DECISIONS || register == INVITATIONS {
        keys::decision_key(number)
    } else {
        keys::register_key(number)
    }
}

/// Who already holds `number` of `register` by `body` in `year` (a
/// conference for a decision, a recipient and conference for a sổ vàng
/// number), other than conference `except`.
pub(crate) fn holder(
    db: &mut Db,
    register: &str,
    body: &str,
    year: i32,
    number: &str,
    except: i64,
) -> Result<Option<String>, DbError> {
    held(db, register, &keys::body_key(body), year, &number_key(register, number), except)
}

/// Replaces what conference `id` has issued with `decisions` and `awards`.
pub(crate) fn record(
    db: &mut Db,
    id: i64,
    version: i64,
    decisions: &[DecisionRecord],
    awards: &[AwardRecord],
) -> Result<(), DbError> {
    db.execute("DELETE FROM decisions WHERE conference_id = ?1", args![id])?;
    db.execute("DELETE FROM awards WHERE conference_id = ?1", args![id])?;
    for decision in decisions {
        db.execute(
            "INSERT INTO decisions (conference_id, grp, number, body, year, date, body_key, number_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            args![
                id,
                decision.group as i64,
                decision.number,
                decision.body,
                decision.year,
                decision.date,
                keys::body_key(&decision.body),
                keys::decision_key(&decision.number),
            ],
        )?;
    }
    let insert =
        "INSERT INTO awards (conference_id, version, grp, award, cap_khen, body, decision, decision_date, year,
                             programme, recipient, recipient_kind, unit, register_no, folded, body_key, register_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
    for award in awards {
        let folded = format!("{} | {}", fold(&award.recipient), fold(&award.unit));
        db.execute(
            insert,
            args![
                id,
                version,
                award.group as i64,
                award.award,
                award.cap_khen,
                award.body,
                award.decision,
                award.decision_date,
                award.year,
                award.programme,
                award.recipient,
                award.recipient_kind,
                award.unit,
                award.register_no,
                folded,
                keys::body_key(&award.body),
                keys::register_key(&award.register_no),
            ],
        )?;
    }
    Ok(())
}

/// What conference `id` has issued: its decisions and awards.
pub(crate) fn issued(db: &mut Db, id: i64) -> Result<(Vec<DecisionRecord>, Vec<AwardRecord>), DbError> {
    let decisions = db.query_map(
        "SELECT grp, number, body, year, date FROM decisions WHERE conference_id = ?1",
        args![id],
        |row| {
            Ok(DecisionRecord {
                group: row.get::<i64>(0)? as usize,
                number: row.get(1)?,
                body: row.get(2)?,
                year: row.get(3)?,
                date: row.get(4)?,
            })
        },
    )?;
    let awards = query_awards(db, "a.conference_id = ?1", -1, args![id])?.into_iter().map(|(_, a)| a).collect();
    Ok((decisions, awards))
}

/// An award found in the register, with the conference it was issued in.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Found {
    #[serde(rename = "hoi_nghi")]
    pub conference: i64,
    #[serde(rename = "ten_hoi_nghi")]
    pub conference_name: String,
    #[serde(flatten)]
    pub award: AwardRecord,
}

/// Awards meeting `condition`, newest first, at most `limit` (-1: all).
fn query_awards(
    db: &mut Db,
    condition: &str,
    limit: i64,
    parameters: &[Arg<'_>],
) -> Result<Vec<(Found, AwardRecord)>, DbError> {
    // All rows: no LIMIT (PostgreSQL has no `LIMIT -1`).
    let limit = if limit < 0 { String::new() } else { format!("LIMIT {limit}") };
    let sql = format!(
        "SELECT a.conference_id, c.name, a.grp, a.award, a.cap_khen, a.body, a.decision, a.decision_date, a.year,
                a.programme, a.recipient, a.recipient_kind, a.unit, a.register_no
         FROM awards a JOIN conferences c ON c.id = a.conference_id WHERE {condition}
         ORDER BY a.year DESC, a.decision, a.id {limit}"
    );
    db.query_map(&sql, parameters, |row| {
        let award = AwardRecord {
            group: row.get::<i64>(2)? as usize,
            award: row.get(3)?,
            cap_khen: row.get(4)?,
            body: row.get(5)?,
            decision: row.get(6)?,
            decision_date: row.get(7)?,
            year: row.get(8)?,
            programme: row.get(9)?,
            recipient: row.get(10)?,
            recipient_kind: row.get(11)?,
            unit: row.get(12)?,
            register_no: row.get(13)?,
        };
        Ok((Found { conference: row.get(0)?, conference_name: row.get(1)?, award: award.clone() }, award))
    })
}

/// What a search of the register asks for; every part optional.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub(crate) struct Query {
    /// Words of the name or unit, with or without accents.
    #[serde(default)]
    pub q: String,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub nam: Option<i32>,
    /// `bang_khen` or `giay_khen`.
    #[serde(default)]
    pub hinh_thuc: String,
}

/// An empty field of a search form means "any".
fn blank_as_none<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<i32>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(deserializer)?;
    match text.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(year) => year.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// The awards `query` finds among the conferences the caller sees (`scope`;
/// none: the office, all), at most `limit` (-1: all).
pub(crate) fn search(
    db: &mut Db,
    query: &Query,
    limit: i64,
    scope: Option<&super::reach::Scope>,
) -> Result<Vec<Found>, DbError> {
    // Each word must appear, accents and case aside ("nguyen van" finds "Nguyễn Văn").
    let words: Vec<String> = fold(&query.q).split_whitespace().map(|w| format!("%{}%", escape_like(w))).collect();
    // Only the conferences the caller sees (the office: all).
    let mut condition = super::reach::reach_sql(scope, "c.unit_id");
    let year = query.nam.map(i64::from);
    let mut values: Vec<Arg<'_>> = Vec::new();
    for word in &words {
        values.push(Arg::Text(word));
        condition.push_str(&format!(" AND a.folded LIKE ?{} ESCAPE '\\'", values.len()));
    }
    if let Some(year) = year {
        values.push(Arg::Int(year));
        condition.push_str(&format!(" AND a.year = ?{}", values.len()));
    }
    if !query.hinh_thuc.is_empty() {
        values.push(Arg::Text(&query.hinh_thuc));
        condition.push_str(&format!(" AND a.award = ?{}", values.len()));
    }
    Ok(query_awards(db, &condition, limit, &values)?.into_iter().map(|(f, _)| f).collect())
}

fn escape_like(word: &str) -> String {
    word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// Every award issued for `programme` in other conferences than `except` of
/// the same unit (another unit's register is not shown to it).
pub(crate) fn programme_awards(db: &mut Db, programme: &str, except: i64) -> Result<Vec<Found>, DbError> {
    let condition = "a.programme = ?1 AND a.conference_id <> ?2
        AND COALESCE(c.unit_id, 0) = COALESCE((SELECT unit_id FROM conferences WHERE id = ?2), 0)";
    let found = query_awards(db, condition, -1, args![programme, except])?;
    Ok(found.into_iter().map(|(f, _)| f).collect())
}

/// Awards issued per year and kind in the conferences the caller sees, for
/// the register's statistics.
pub(crate) fn yearly_counts(
    db: &mut Db,
    scope: Option<&super::reach::Scope>,
) -> Result<Vec<(i32, String, String, i64)>, DbError> {
    db.query_map(
        &format!(
            "SELECT a.year, a.award, a.recipient_kind, COUNT(*) FROM awards a JOIN conferences c ON c.id = a.conference_id
             WHERE {} GROUP BY a.year, a.award, a.recipient_kind ORDER BY a.year DESC, a.award, a.recipient_kind",
            super::reach::reach_sql(scope, "c.unit_id")
        ),
        args![],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
    )
}

#[cfg(test)]
mod tests {
    use super::super::db::DbErrorKind;
    use super::*;

    #[test]
    fn folding_drops_accents_case_and_extra_spaces() {
        assert_eq!(fold("  Nguyễn   Thị HẰNG "), "nguyen thi hang");
        assert_eq!(fold("Đội dân phòng"), "doi dan phong");
    }

    #[test]
    fn counters_draw_in_order_padded_and_past_typed_numbers() {
        let connection = &mut Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        super::super::migrate(connection).unwrap();
        let key = CounterKey { register: golden_book("bang_khen"), body: "UBND".into(), year: 2018 };
        set_counter(connection, &Counter { key: key.clone(), last: 99, width: 4 }, None).unwrap();
        let draw = |connection: &mut Db, key: &CounterKey| draw(connection, key, 0).unwrap().unwrap();
        assert_eq!(draw(connection, &key), "0100");
        pass(connection, &key, 120).unwrap();
        assert_eq!(draw(connection, &key), "0121");
        pass(connection, &key, 5).unwrap();
        assert_eq!(draw(connection, &key), "0122");
        // The same body spelt otherwise draws from the same counter.
        assert_eq!(draw(connection, &CounterKey { body: " ubnd ".into(), ..key.clone() }), "0123");
        let other_year = CounterKey { year: 2019, ..key.clone() };
        assert_eq!(draw(connection, &other_year), "1");
        // A counter at the register's end draws nothing (no overflow).
        pass(connection, &key, i64::MAX).unwrap();
        assert_eq!(super::draw(connection, &key, 0).unwrap(), None);
    }

    #[test]
    fn an_old_register_is_keyed_and_keeps_its_past_duplicates_visible() {
        let connection = &mut Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        connection.execute_batch(super::super::schema::FIRST_SCHEMA).unwrap();
        connection.execute_batch("PRAGMA user_version = 1").unwrap();
        connection
            .execute_batch(
                "INSERT INTO conferences VALUES (1, 'A', 1, 0, 0), (2, 'B', 1, 0, 0);
                 INSERT INTO counters VALUES ('so_vang_bang_khen', 'UBND QUẬN X', 2018, 7, 2),
                                             ('so_vang_bang_khen', 'Ubnd quận X', 2018, 30, 0);
                 INSERT INTO decisions VALUES (1, 0, '5/QĐ-UBND', 'UBND QUẬN X', 2018, '2018-01-01'),
                                              (2, 0, '05/QĐ-UBND', 'UBND quận X', 2018, '2018-01-02');
                 INSERT INTO awards (conference_id, version, grp, award, cap_khen, body, decision, decision_date,
                                     year, programme, recipient, recipient_kind, unit, register_no, folded)
                 VALUES (1, 1, 0, 'bang_khen', '', 'UBND QUẬN X', '5', '', 2018, '', 'An', 'ca_nhan', '', '01', ''),
                        (2, 1, 0, 'bang_khen', '', 'UBND quận X', '05', '', 2018, '', 'Bình', 'ca_nhan', '', '1', '');",
            )
            .unwrap();
        super::super::migrate(connection).unwrap();
        let counters = counters(connection, None).unwrap();
        assert_eq!(counters.len(), 1, "{counters:?}");
        assert_eq!((counters[0].last, counters[0].width), (30, 2));
        // Both old awards stay, and the register now refuses a third "1".
        let (_, awards) = issued(connection, 2).unwrap();
        assert_eq!(awards.len(), 1);
        assert_eq!(
            holder(connection, &golden_book("bang_khen"), "ubnd quan x", 2018, "001", 3).unwrap().as_deref(),
            Some("An (A)")
        );
        let again = record(connection, 3, 1, &[], &[AwardRecord { register_no: "0001".into(), ..awards[0].clone() }]);
        assert!(
            matches!(&again, Err(err) if err.kind() == DbErrorKind::Constraint),
            "the unique index refuses it: {again:?}"
        );
    }
}
