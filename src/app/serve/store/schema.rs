//! The schema, step by step, in SQLite's words and PostgreSQL's: the same
//! tables and indexes, with PostgreSQL's types (every integer BIGINT so one
//! Rust `i64` binds everywhere, BIGSERIAL ids, BYTEA, DOUBLE PRECISION).

use super::db::{Db, DbError};
use super::register;

/// Work in Rust on the rows a step's statements left.
type Then = fn(&mut Db) -> Result<(), DbError>;

/// One step of the schema: statements for each database, then work done in
/// Rust on what they made (SQLite files made before the step only).
pub(super) struct Migration {
    pub sqlite: &'static str,
    // Applied by the PostgreSQL store (the next step); kept beside the
    // SQLite text so the two never drift apart.
    #[allow(dead_code)]
    pub postgres: &'static str,
    pub then_sqlite: Option<Then>,
}

/// Each step brings the schema from the previous version to the next; a
/// SQLite file remembers how many were applied in `PRAGMA user_version`,
/// a PostgreSQL database in its `schema_version` table.
pub(super) const MIGRATIONS: &[Migration] = &[
    Migration { sqlite: FIRST_SCHEMA, postgres: FIRST_SCHEMA_POSTGRES, then_sqlite: None },
    // 2: a register number exists once per body, kind and year, whatever
    // was typed: bodies and numbers compared by their keys (store/keys.rs),
    // the database's unique indexes over those keys, one counter per body
    // however it is spelt. (SQLite files of version 1 may hold a register:
    // it is keyed in Rust; a PostgreSQL database never had one.)
    Migration { sqlite: SECOND_SQLITE, postgres: SECOND_POSTGRES, then_sqlite: Some(register::key_existing) },
    // 3: the form's draft kept with its errors (one per conference, on the
    // version it edits), and the bin a deleted conference waits in.
    Migration { sqlite: THIRD_SQLITE, postgres: THIRD_POSTGRES, then_sqlite: None },
    // 4: a province's units (a tree), the unit and role of a user, the unit
    // a conference belongs to; none of them set is the one office of before.
    Migration { sqlite: FOURTH_SQLITE, postgres: FOURTH_POSTGRES, then_sqlite: None },
    // 5: the giấy mời each conference issued, its number once per body and year.
    Migration { sqlite: FIFTH_SQLITE, postgres: FIFTH_POSTGRES, then_sqlite: None },
    // 6: proposals sent up (store/proposals.rs): a group of a conference
    // version, from a unit to the unit above, returned or accepted.
    Migration { sqlite: SIXTH_SQLITE, postgres: SIXTH_POSTGRES, then_sqlite: None },
    // 7: what every server process of one database must agree on (the
    // CSRF token of open access, the wrong passwords counted), kept in the
    // database rather than in one process's memory.
    Migration { sqlite: SHARED_SQLITE, postgres: SHARED_POSTGRES, then_sqlite: None },
    // 8: one waiting proposal per group of a conference, kept by the
    // database: two processes sending at once both found none waiting and
    // both inserted. Any such twin left waiting is returned, saying why.
    Migration { sqlite: ONE_WAITING, postgres: ONE_WAITING, then_sqlite: None },
    // 9: each unit its own printer profiles (a ward's printer is not the
    // province's; one name in two wards, two printers), `unit_key` 0 the
    // office's — where every profile of before stays.
    Migration { sqlite: PRINTERS_SQLITE, postgres: PRINTERS_POSTGRES, then_sqlite: None },
];

const PRINTERS_SQLITE: &str = "CREATE TABLE unit_printers (
            unit_key INTEGER NOT NULL,
            name TEXT NOT NULL,
            offset_x REAL NOT NULL,
            offset_y REAL NOT NULL,
            scale REAL NOT NULL,
            PRIMARY KEY (unit_key, name)
        );
        INSERT INTO unit_printers SELECT 0, name, offset_x, offset_y, scale FROM printers;
        DROP TABLE printers;
        ALTER TABLE unit_printers RENAME TO printers;";

const PRINTERS_POSTGRES: &str = "CREATE TABLE unit_printers (
            unit_key BIGINT NOT NULL,
            name TEXT NOT NULL,
            offset_x DOUBLE PRECISION NOT NULL,
            offset_y DOUBLE PRECISION NOT NULL,
            scale DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (unit_key, name)
        );
        INSERT INTO unit_printers SELECT 0, name, offset_x, offset_y, scale FROM printers;
        DROP TABLE printers;
        ALTER TABLE unit_printers RENAME TO printers;";

const ONE_WAITING: &str = "UPDATE proposals SET status = 'tra_lai',
            reason = 'Gửi trùng: đề nghị của nhóm này đã gửi trước đó và đang chờ xem xét', handled_by = 'baocao',
            handled = created
        WHERE status = 'gui' AND EXISTS (SELECT 1 FROM proposals o WHERE o.conference_id = proposals.conference_id
            AND o.grp = proposals.grp AND o.status = 'gui' AND o.id < proposals.id);
        CREATE UNIQUE INDEX proposals_waiting ON proposals (conference_id, grp) WHERE status = 'gui';";

const SIXTH_SQLITE: &str = "CREATE TABLE proposals (
            id INTEGER PRIMARY KEY,
            conference_id INTEGER NOT NULL REFERENCES conferences(id),
            version INTEGER NOT NULL,
            grp INTEGER NOT NULL,
            from_unit_id INTEGER REFERENCES units(id),
            to_unit_id INTEGER REFERENCES units(id),
            proposer TEXT NOT NULL,
            summary TEXT NOT NULL,
            author TEXT NOT NULL,
            created INTEGER NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            handled_by TEXT,
            handled INTEGER,
            into_conference INTEGER REFERENCES conferences(id),
            into_group INTEGER,
            into_version INTEGER
        );
        CREATE INDEX proposals_to ON proposals (to_unit_id, status);
        CREATE INDEX proposals_conference ON proposals (conference_id, grp);";

const SIXTH_POSTGRES: &str = "CREATE TABLE proposals (
            id BIGSERIAL PRIMARY KEY,
            conference_id BIGINT NOT NULL REFERENCES conferences(id),
            version BIGINT NOT NULL,
            grp BIGINT NOT NULL,
            from_unit_id BIGINT REFERENCES units(id),
            to_unit_id BIGINT REFERENCES units(id),
            proposer TEXT NOT NULL,
            summary TEXT NOT NULL,
            author TEXT NOT NULL,
            created BIGINT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            handled_by TEXT,
            handled BIGINT,
            into_conference BIGINT REFERENCES conferences(id),
            into_group BIGINT,
            into_version BIGINT
        );
        CREATE INDEX proposals_to ON proposals (to_unit_id, status);
        CREATE INDEX proposals_conference ON proposals (conference_id, grp);";

const FOURTH_SQLITE: &str = "CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            parent_id INTEGER REFERENCES units(id),
            created INTEGER NOT NULL
        );
        ALTER TABLE users ADD COLUMN unit_id INTEGER REFERENCES units(id);
        ALTER TABLE users ADD COLUMN role TEXT;
        ALTER TABLE conferences ADD COLUMN unit_id INTEGER REFERENCES units(id);
        CREATE INDEX conferences_unit ON conferences (unit_id);
        ALTER TABLE counters ADD COLUMN unit_id INTEGER REFERENCES units(id);";

const FOURTH_POSTGRES: &str = "CREATE TABLE units (
            id BIGSERIAL PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            parent_id BIGINT REFERENCES units(id),
            created BIGINT NOT NULL
        );
        ALTER TABLE users ADD COLUMN unit_id BIGINT REFERENCES units(id);
        ALTER TABLE users ADD COLUMN role TEXT;
        ALTER TABLE conferences ADD COLUMN unit_id BIGINT REFERENCES units(id);
        CREATE INDEX conferences_unit ON conferences (unit_id);
        ALTER TABLE counters ADD COLUMN unit_id BIGINT REFERENCES units(id);";

const FIFTH_SQLITE: &str = "CREATE TABLE invitations (
            conference_id INTEGER PRIMARY KEY REFERENCES conferences(id),
            number TEXT NOT NULL,
            body TEXT NOT NULL,
            year INTEGER NOT NULL,
            body_key TEXT NOT NULL,
            number_key TEXT NOT NULL
        );
        CREATE UNIQUE INDEX invitations_number ON invitations (body_key, year, number_key);";

const FIFTH_POSTGRES: &str = "CREATE TABLE invitations (
            conference_id BIGINT PRIMARY KEY REFERENCES conferences(id),
            number TEXT NOT NULL,
            body TEXT NOT NULL,
            year BIGINT NOT NULL,
            body_key TEXT NOT NULL,
            number_key TEXT NOT NULL
        );
        CREATE UNIQUE INDEX invitations_number ON invitations (body_key, year, number_key);";

const SHARED_SQLITE: &str = "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sign_in_failures (who TEXT PRIMARY KEY, count INTEGER NOT NULL, first INTEGER NOT NULL);
    CREATE INDEX sign_in_failures_first ON sign_in_failures (first);";

const SHARED_POSTGRES: &str = "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sign_in_failures (who TEXT PRIMARY KEY, count BIGINT NOT NULL, first BIGINT NOT NULL);
    CREATE INDEX sign_in_failures_first ON sign_in_failures (first);";

const SECOND_SQLITE: &str = "CREATE TABLE counters_by_key (
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
        DROP INDEX decisions_number;";

const SECOND_POSTGRES: &str = "CREATE TABLE counters_by_key (
            register TEXT NOT NULL,
            body_key TEXT NOT NULL,
            body TEXT NOT NULL,
            year BIGINT NOT NULL,
            last BIGINT NOT NULL,
            width BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (register, body_key, year)
        );
        ALTER TABLE decisions ADD COLUMN body_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE decisions ADD COLUMN number_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE awards ADD COLUMN body_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE awards ADD COLUMN register_key TEXT NOT NULL DEFAULT '';
        DROP INDEX decisions_number;
        DROP TABLE counters;
        ALTER TABLE counters_by_key RENAME TO counters;
        ALTER TABLE counters RENAME CONSTRAINT counters_by_key_pkey TO counters_pkey;
        CREATE UNIQUE INDEX decisions_number ON decisions (body_key, year, number_key);
        CREATE UNIQUE INDEX awards_register_number ON awards (award, body_key, year, register_key);";

const THIRD_SQLITE: &str = "CREATE TABLE drafts (
            conference_id INTEGER PRIMARY KEY REFERENCES conferences(id),
            version INTEGER NOT NULL,
            yaml TEXT NOT NULL,
            author TEXT NOT NULL,
            created INTEGER NOT NULL
        );
        ALTER TABLE conferences ADD COLUMN deleted INTEGER;";

const THIRD_POSTGRES: &str = "CREATE TABLE drafts (
            conference_id BIGINT PRIMARY KEY REFERENCES conferences(id),
            version BIGINT NOT NULL,
            yaml TEXT NOT NULL,
            author TEXT NOT NULL,
            created BIGINT NOT NULL
        );
        ALTER TABLE conferences ADD COLUMN deleted BIGINT;";

// 1: conferences with every version kept, uploaded files shared by
// versions, users and sessions, printer profiles, the award register.
pub(super) const FIRST_SCHEMA: &str = "CREATE TABLE users (
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

const FIRST_SCHEMA_POSTGRES: &str = "CREATE TABLE users (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        created BIGINT NOT NULL
    );
    CREATE TABLE sessions (
        token TEXT PRIMARY KEY,
        user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf TEXT NOT NULL,
        expires BIGINT NOT NULL
    );
    CREATE TABLE conferences (
        id BIGSERIAL PRIMARY KEY,
        name TEXT NOT NULL,
        version BIGINT NOT NULL,
        created BIGINT NOT NULL,
        updated BIGINT NOT NULL
    );
    CREATE TABLE versions (
        conference_id BIGINT NOT NULL REFERENCES conferences(id),
        version BIGINT NOT NULL,
        yaml TEXT NOT NULL,
        author TEXT NOT NULL,
        note TEXT NOT NULL,
        created BIGINT NOT NULL,
        PRIMARY KEY (conference_id, version)
    );
    CREATE TABLE blobs (
        id BIGSERIAL PRIMARY KEY,
        bytes BYTEA NOT NULL
    );
    CREATE TABLE version_files (
        conference_id BIGINT NOT NULL,
        version BIGINT NOT NULL,
        name TEXT NOT NULL,
        blob_id BIGINT NOT NULL REFERENCES blobs(id),
        PRIMARY KEY (conference_id, version, name)
    );
    CREATE TABLE printers (
        name TEXT PRIMARY KEY,
        offset_x DOUBLE PRECISION NOT NULL,
        offset_y DOUBLE PRECISION NOT NULL,
        scale DOUBLE PRECISION NOT NULL
    );
    CREATE TABLE counters (
        register TEXT NOT NULL,
        body TEXT NOT NULL,
        year BIGINT NOT NULL,
        last BIGINT NOT NULL,
        width BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (register, body, year)
    );
    CREATE TABLE decisions (
        conference_id BIGINT NOT NULL REFERENCES conferences(id),
        grp BIGINT NOT NULL,
        number TEXT NOT NULL,
        body TEXT NOT NULL,
        year BIGINT NOT NULL,
        date TEXT NOT NULL,
        PRIMARY KEY (conference_id, grp)
    );
    CREATE UNIQUE INDEX decisions_number ON decisions (body, year, number);
    CREATE TABLE awards (
        id BIGSERIAL PRIMARY KEY,
        conference_id BIGINT NOT NULL REFERENCES conferences(id),
        version BIGINT NOT NULL,
        grp BIGINT NOT NULL,
        award TEXT NOT NULL,
        cap_khen TEXT NOT NULL,
        body TEXT NOT NULL,
        decision TEXT NOT NULL,
        decision_date TEXT NOT NULL,
        year BIGINT NOT NULL,
        programme TEXT NOT NULL,
        recipient TEXT NOT NULL,
        recipient_kind TEXT NOT NULL,
        unit TEXT NOT NULL,
        register_no TEXT NOT NULL,
        folded TEXT NOT NULL
    );
    CREATE INDEX awards_folded ON awards (folded);
    CREATE INDEX awards_conference ON awards (conference_id);";
