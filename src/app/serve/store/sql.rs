//! What crosses the database interface besides rows: the values bound to
//! placeholders ([`Arg`], made by [`args!`]) and the failures, sorted into
//! the kinds a caller may act on ([`DbErrorKind`]).

use rusqlite::types::{ToSqlOutput, ValueRef};

/// The arguments of one statement, in placeholder order:
/// `db.execute("… WHERE id = ?1 AND name = ?2", args![id, name])`.
macro_rules! args {
    () => { &[] as &[$crate::app::serve::store::sql::Arg<'_>] };
    ($($value:expr),+ $(,)?) => {
        &[$($crate::app::serve::store::sql::ToArg::to_arg(&$value)),+] as &[$crate::app::serve::store::sql::Arg<'_>]
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
    /// Two transactions of several server processes met (PostgreSQL's
    /// deadlock or serialization failure): the work may be done again.
    Busy,
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
