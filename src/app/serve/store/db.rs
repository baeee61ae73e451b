//! One connection to the workspace's database, whichever it is: the calls
//! (`execute`, `query_row`, `query_opt`, `query_map`, `transaction`) take SQL
//! in one portable dialect — `?1` placeholders, `ON CONFLICT … DO UPDATE`,
//! `RETURNING id`, no SQLite-only functions — and arguments made with
//! [`args!`]; rows are read by position with [`Row::get`]. Failures are a
//! [`DbError`] whose kind says what a caller may act on.

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use super::pg::{self, Pg};
pub(crate) use super::sql::{args, Arg, DbError, DbErrorKind};

/// A row of a result, read by column position.
pub(crate) struct Row<'r> {
    inner: RowRef<'r>,
}

enum RowRef<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl Row<'_> {
    /// Column `index` (from 0) as `T`.
    pub(crate) fn get<T: FromDb>(&self, index: usize) -> Result<T, DbError> {
        match self.inner {
            RowRef::Sqlite(row) => Ok(T::from_sqlite(row, index)?),
            RowRef::Postgres(row) => T::from_postgres(row, index),
        }
    }
}

/// What a column may be read as.
pub(crate) trait FromDb: Sized {
    fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Self>;
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError>;
}

/// Integers: PostgreSQL's are BIGINT (or a count, or a bool), read as
/// i64 and narrowed.
macro_rules! from_db_int {
    ($($t:ty),*) => {$(
        impl FromDb for $t {
            fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Self> {
                row.get(index)
            }
            fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
                let wide = pg::read_i64(row, index)?.ok_or_else(|| pg::null("a number"))?;
                <$t>::try_from(wide).map_err(|_| DbError::new(DbErrorKind::Other, format!("{wide} out of range")))
            }
        }
    )*};
}
from_db_int!(i64, i32, u32);

/// Types both databases give as they are.
macro_rules! from_db_same {
    ($($t:ty),*) => {$(
        impl FromDb for $t {
            fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Self> {
                row.get(index)
            }
            fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
                Ok(row.try_get(index)?)
            }
        }
    )*};
}
from_db_same!(String, Vec<u8>, Option<String>);

impl FromDb for Option<i64> {
    fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Self> {
        row.get(index)
    }
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
        pg::read_i64(row, index)
    }
}

impl FromDb for bool {
    fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Self> {
        row.get(index)
    }
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
        Ok(pg::read_i64(row, index)?.ok_or_else(|| pg::null("a truth value"))? != 0)
    }
}

impl FromDb for f64 {
    fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Self> {
        row.get(index)
    }
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
        pg::read_f64(row, index)
    }
}

impl FromDb for f32 {
    fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Self> {
        row.get(index)
    }
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
        Ok(pg::read_f64(row, index)? as f32)
    }
}

/// One connection, inside a transaction or not.
pub(crate) struct Db {
    backend: Backend,
    /// Whether a transaction is open: a transaction asked for inside one
    /// is part of it.
    in_transaction: bool,
}

enum Backend {
    Sqlite(rusqlite::Connection),
    Postgres(Box<Pg>),
}

impl Db {
    pub(crate) fn sqlite(connection: rusqlite::Connection) -> Db {
        Db { backend: Backend::Sqlite(connection), in_transaction: false }
    }

    pub(crate) fn postgres(connection: Pg) -> Db {
        Db { backend: Backend::Postgres(Box::new(connection)), in_transaction: false }
    }

    /// Whether the connection can no longer be used (PostgreSQL's went away).
    pub(crate) fn is_broken(&self) -> bool {
        match &self.backend {
            Backend::Sqlite(_) => false,
            Backend::Postgres(pg) => pg.is_closed(),
        }
    }

    /// Runs one statement; the rows it changed.
    pub(crate) fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<usize, DbError> {
        match &mut self.backend {
            Backend::Sqlite(connection) => Ok(connection.prepare_cached(sql)?.execute(args_sqlite(args))?),
            Backend::Postgres(pg) => pg.execute(sql, args),
        }
    }

    /// Runs several statements without arguments (migrations).
    pub(crate) fn execute_batch(&mut self, sql: &str) -> Result<(), DbError> {
        match &mut self.backend {
            Backend::Sqlite(connection) => Ok(connection.execute_batch(sql)?),
            Backend::Postgres(pg) => pg.batch(sql),
        }
    }

    /// The first row, read by `read`; a [`DbErrorKind::NotFound`] error when none.
    pub(crate) fn query_row<T, F>(&mut self, sql: &str, args: &[Arg<'_>], read: F) -> Result<T, DbError>
    where
        F: FnOnce(&Row<'_>) -> Result<T, DbError>,
    {
        self.query_opt(sql, args, read)?.ok_or_else(|| DbError::new(DbErrorKind::NotFound, "no row"))
    }

    /// The first row, read by `read`, when there is one.
    pub(crate) fn query_opt<T, F>(&mut self, sql: &str, args: &[Arg<'_>], read: F) -> Result<Option<T>, DbError>
    where
        F: FnOnce(&Row<'_>) -> Result<T, DbError>,
    {
        match &mut self.backend {
            Backend::Sqlite(connection) => {
                let mut statement = connection.prepare_cached(sql)?;
                let mut rows = statement.query(args_sqlite(args))?;
                match rows.next()? {
                    Some(row) => Ok(Some(read(&Row { inner: RowRef::Sqlite(row) })?)),
                    None => Ok(None),
                }
            }
            Backend::Postgres(pg) => match pg.query(sql, args)?.first() {
                Some(row) => Ok(Some(read(&Row { inner: RowRef::Postgres(row) })?)),
                None => Ok(None),
            },
        }
    }

    /// Every row, each read by `read`.
    pub(crate) fn query_map<T, F>(&mut self, sql: &str, args: &[Arg<'_>], mut read: F) -> Result<Vec<T>, DbError>
    where
        F: FnMut(&Row<'_>) -> Result<T, DbError>,
    {
        match &mut self.backend {
            Backend::Sqlite(connection) => {
                let mut statement = connection.prepare_cached(sql)?;
                let mut rows = statement.query(args_sqlite(args))?;
                let mut found = Vec::new();
                while let Some(row) = rows.next()? {
                    found.push(read(&Row { inner: RowRef::Sqlite(row) })?);
                }
                Ok(found)
            }
            Backend::Postgres(pg) => {
                pg.query(sql, args)?.iter().map(|row| read(&Row { inner: RowRef::Postgres(row) })).collect()
            }
        }
    }

    /// Runs `work` in a transaction (on SQLite one that takes the write lock
    /// at once): committed when it gives Ok, rolled back when it gives Err
    /// or panics. Inside a transaction, `work` simply joins it.
    pub(crate) fn transaction<T, E, F>(&mut self, work: F) -> Result<T, E>
    where
        E: From<DbError>,
        F: FnOnce(&mut Db) -> Result<T, E>,
    {
        self.transaction_then(|db| work(db).map(|value| (value, Finish::Commit)))
    }

    /// [`Db::transaction`] where `work` also says whether what it did is
    /// kept ([`Finish::Commit`]) or dropped ([`Finish::RollBack`], a
    /// preview or a refusal after writes).
    pub(crate) fn transaction_then<T, E, F>(&mut self, work: F) -> Result<T, E>
    where
        E: From<DbError>,
        F: FnOnce(&mut Db) -> Result<(T, Finish), E>,
    {
        if self.in_transaction {
            return work(self).map(|(value, _)| value);
        }
        self.begin()?;
        self.in_transaction = true;
        let result = catch_unwind(AssertUnwindSafe(|| work(self)));
        self.in_transaction = false;
        match result {
            Ok(Ok((value, Finish::Commit))) => match self.end("COMMIT") {
                Ok(()) => Ok(value),
                Err(err) => {
                    let _ = self.end("ROLLBACK");
                    Err(err.into())
                }
            },
            Ok(Ok((value, Finish::RollBack))) => {
                self.end("ROLLBACK")?;
                Ok(value)
            }
            Ok(Err(err)) => {
                let _ = self.end("ROLLBACK");
                Err(err)
            }
            Err(panic) => {
                let _ = self.end("ROLLBACK");
                resume_unwind(panic)
            }
        }
    }

    fn begin(&mut self) -> Result<(), DbError> {
        match &mut self.backend {
            Backend::Sqlite(connection) => {
                // A transaction left open (a failed rollback) would swallow this one.
                if !connection.is_autocommit() {
                    connection.execute_batch("ROLLBACK")?;
                }
                Ok(connection.execute_batch("BEGIN IMMEDIATE")?)
            }
            // Read committed: what another process committed is seen; the
            // rows a transaction writes (a counter, a conference's head)
            // stay locked until it ends, so writers of one row queue.
            Backend::Postgres(pg) => pg.batch("BEGIN"),
        }
    }

    fn end(&mut self, how: &str) -> Result<(), DbError> {
        match &mut self.backend {
            Backend::Sqlite(connection) => Ok(connection.execute_batch(how)?),
            Backend::Postgres(pg) => pg.batch(how),
        }
    }
}

/// How a transaction ends when its work succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Finish {
    Commit,
    RollBack,
}

fn args_sqlite<'a>(args: &'a [Arg<'a>]) -> rusqlite::ParamsFromIter<std::slice::Iter<'a, Arg<'a>>> {
    rusqlite::params_from_iter(args.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory() -> Db {
        let mut db = Db::sqlite(rusqlite::Connection::open_in_memory().unwrap());
        db.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER)").unwrap();
        db
    }

    #[test]
    fn rows_are_read_bound_and_missing_rows_told() {
        let mut db = memory();
        let id: i64 =
            db.query_row("INSERT INTO t (name, n) VALUES (?1, ?2) RETURNING id", args!["a", 5], |r| r.get(0)).unwrap();
        db.execute("INSERT INTO t (name, n) VALUES (?1, ?2)", args!["b".to_string(), None::<i64>]).unwrap();
        let rows = db
            .query_map("SELECT name, n FROM t ORDER BY id", args![], |r| {
                Ok((r.get::<String>(0)?, r.get::<Option<i64>>(1)?))
            })
            .unwrap();
        assert_eq!(rows, [("a".to_string(), Some(5)), ("b".to_string(), None)]);
        let exists: bool =
            db.query_row("SELECT EXISTS (SELECT 1 FROM t WHERE id = ?1)", args![id], |r| r.get(0)).unwrap();
        assert!(exists);
        let missing = db.query_row("SELECT n FROM t WHERE id = ?1", args![99], |r| r.get::<i64>(0));
        assert_eq!(missing.unwrap_err().kind(), DbErrorKind::NotFound);
        assert_eq!(db.query_opt("SELECT n FROM t WHERE id = ?1", args![99], |r| r.get::<i64>(0)).unwrap(), None);
        let twice = db.execute("INSERT INTO t (name) VALUES (?1)", args!["a"]);
        assert_eq!(twice.unwrap_err().kind(), DbErrorKind::Constraint);
    }

    #[test]
    fn transactions_commit_roll_back_and_survive_a_panic() {
        let mut db = memory();
        let count = |db: &mut Db| db.query_row("SELECT COUNT(*) FROM t", args![], |r| r.get::<i64>(0)).unwrap();
        db.transaction(|tx| tx.execute("INSERT INTO t (name) VALUES ('a')", args![]).map(|_| ())).unwrap();
        let failed: Result<(), DbError> = db.transaction(|tx| {
            tx.execute("INSERT INTO t (name) VALUES ('b')", args![])?;
            tx.execute("INSERT INTO t (name) VALUES ('a')", args![])?;
            Ok(())
        });
        assert_eq!(failed.unwrap_err().kind(), DbErrorKind::Constraint);
        assert_eq!(count(&mut db), 1, "the failed transaction left nothing");
        let previewed: i64 = db
            .transaction_then(|tx| -> Result<_, DbError> {
                tx.execute("INSERT INTO t (name) VALUES ('c')", args![])?;
                Ok((count(tx), Finish::RollBack))
            })
            .unwrap();
        assert_eq!((previewed, count(&mut db)), (2, 1));
        let panicked = catch_unwind(AssertUnwindSafe(|| {
            let _: Result<(), DbError> = db.transaction(|tx| {
                tx.execute("INSERT INTO t (name) VALUES ('d')", args![])?;
                panic!("in the middle")
            });
        }));
        assert!(panicked.is_err());
        assert_eq!(count(&mut db), 1, "a panic rolls back");
        // Nested: joins the outer transaction.
        let _: Result<(), DbError> = db.transaction(|tx| {
            tx.transaction(|inner| inner.execute("INSERT INTO t (name) VALUES ('e')", args![]).map(|_| ()))?;
            Err(DbError::new(DbErrorKind::Other, "give up"))
        });
        assert_eq!(count(&mut db), 1, "the inner work went with the outer");
    }
}
