//! One connection to the workspace's database, whichever it is: the calls
//! (`execute`, `query_row`, `query_opt`, `query_map`, `transaction`) take SQL
//! in one portable dialect — `?1` placeholders, `ON CONFLICT … DO UPDATE`,
//! `RETURNING id`, no SQLite-only functions — and arguments made with
//! [`args!`]; rows are read by position with [`Row::get`]. Failures are a
//! [`DbError`] whose kind says what a caller may act on.

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use rusqlite::types::{ToSqlOutput, ValueRef};

/// The arguments of one statement, in placeholder order:
/// `db.execute("… WHERE id = ?1 AND name = ?2", args![id, name])`.
macro_rules! args {
    () => { &[] as &[$crate::app::serve::store::db::Arg<'_>] };
    ($($value:expr),+ $(,)?) => {
        &[$($crate::app::serve::store::db::ToArg::to_arg(&$value)),+] as &[$crate::app::serve::store::db::Arg<'_>]
    };
}
pub(crate) use args;

/// One value bound to a placeholder.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Arg<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Bytes(&'a [u8]),
}

/// What may be bound to a placeholder (integers of every width the store
/// uses, floats, text, bytes, and those as options).
pub(crate) trait ToArg {
    fn to_arg(&self) -> Arg<'_>;
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl ToArg for $t {
            fn to_arg(&self) -> Arg<'_> {
                Arg::Int(*self as i64)
            }
        }
    )*};
}
int_arg!(i64, i32, u32, usize);

impl ToArg for f64 {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Real(*self)
    }
}
impl ToArg for f32 {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Real(f64::from(*self))
    }
}
impl ToArg for str {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(self)
    }
}
impl ToArg for String {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(self)
    }
}
impl ToArg for [u8] {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Bytes(self)
    }
}
impl ToArg for Vec<u8> {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Bytes(self)
    }
}
impl ToArg for Arg<'_> {
    fn to_arg(&self) -> Arg<'_> {
        *self
    }
}
impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg<'_> {
        (**self).to_arg()
    }
}
impl<T: ToArg> ToArg for Option<T> {
    fn to_arg(&self) -> Arg<'_> {
        self.as_ref().map_or(Arg::Null, ToArg::to_arg)
    }
}

impl rusqlite::ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match *self {
            Arg::Null => ValueRef::Null,
            Arg::Int(n) => ValueRef::Integer(n),
            Arg::Real(x) => ValueRef::Real(x),
            Arg::Text(text) => ValueRef::Text(text.as_bytes()),
            Arg::Bytes(bytes) => ValueRef::Blob(bytes),
        }))
    }
}

/// What a caller may act on when the database fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DbErrorKind {
    /// A unique index (or another constraint) refused the write.
    Constraint,
    /// The disk (or the database's quota) is full.
    DiskFull,
    /// `query_row` found no row.
    NotFound,
    Other,
}

/// A failure of the database; its text is for the log only, never a page.
#[derive(Debug)]
pub(crate) struct DbError {
    kind: DbErrorKind,
    detail: String,
}

impl DbError {
    pub(crate) fn kind(&self) -> DbErrorKind {
        self.kind
    }

    pub(crate) fn new(kind: DbErrorKind, detail: impl Into<String>) -> DbError {
        DbError { kind, detail: detail.into() }
    }
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail)
    }
}

impl std::error::Error for DbError {}

impl From<rusqlite::Error> for DbError {
    fn from(err: rusqlite::Error) -> DbError {
        let kind = match err.sqlite_error_code() {
            _ if matches!(err, rusqlite::Error::QueryReturnedNoRows) => DbErrorKind::NotFound,
            Some(rusqlite::ErrorCode::ConstraintViolation) => DbErrorKind::Constraint,
            Some(rusqlite::ErrorCode::DiskFull) => DbErrorKind::DiskFull,
            _ => DbErrorKind::Other,
        };
        DbError { kind, detail: format!("SQLite: {err}") }
    }
}

/// A row of a result, read by column position.
pub(crate) struct Row<'r> {
    inner: RowRef<'r>,
}

enum RowRef<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
}

impl Row<'_> {
    /// Column `index` (from 0) as `T`.
    pub(crate) fn get<T: FromDb>(&self, index: usize) -> Result<T, DbError> {
        match self.inner {
            RowRef::Sqlite(row) => Ok(T::from_sqlite(row, index)?),
        }
    }
}

/// What a column may be read as.
pub(crate) trait FromDb: Sized {
    fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Self>;
}

macro_rules! from_db {
    ($($t:ty),*) => {$(
        impl FromDb for $t {
            fn from_sqlite(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<Self> {
                row.get(index)
            }
        }
    )*};
}
from_db!(i64, i32, u32, f64, f32, bool, String, Vec<u8>, Option<i64>, Option<String>);

/// One connection, inside a transaction or not.
pub(crate) struct Db {
    backend: Backend,
    /// Whether a transaction is open: a transaction asked for inside one
    /// is part of it.
    in_transaction: bool,
}

enum Backend {
    Sqlite(rusqlite::Connection),
}

impl Db {
    pub(crate) fn sqlite(connection: rusqlite::Connection) -> Db {
        Db { backend: Backend::Sqlite(connection), in_transaction: false }
    }

    /// Runs one statement; the rows it changed.
    pub(crate) fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<usize, DbError> {
        match &mut self.backend {
            Backend::Sqlite(connection) => Ok(connection.prepare_cached(sql)?.execute(args_sqlite(args))?),
        }
    }

    /// Runs several statements without arguments (migrations).
    pub(crate) fn execute_batch(&mut self, sql: &str) -> Result<(), DbError> {
        match &mut self.backend {
            Backend::Sqlite(connection) => Ok(connection.execute_batch(sql)?),
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
        }
    }

    fn end(&mut self, how: &str) -> Result<(), DbError> {
        match &mut self.backend {
            Backend::Sqlite(connection) => Ok(connection.execute_batch(how)?),
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
