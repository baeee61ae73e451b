//! The PostgreSQL side of the database interface (store/db.rs): the
//! portable SQL's `?1` written as `$1`, statements prepared once per
//! connection, arguments bound to
//! whatever type the server inferred, columns read back as the store reads
//! SQLite's, errors sorted into [`DbErrorKind`].

use std::collections::HashMap;
use std::error::Error;

use bytes::BytesMut;
use postgres::error::SqlState;
use postgres::types::{IsNull, ToSql, Type};

use super::sql::{Arg, DbError, DbErrorKind};

/// One connection with the statements it has prepared.
pub(crate) struct Pg {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

impl Pg {
    pub(crate) fn connect(url: &str) -> Result<Pg, DbError> {
        let client = postgres::Client::connect(url, postgres::NoTls)?;
        Ok(Pg { client, statements: HashMap::new() })
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, DbError> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(&dollar_placeholders(sql))?;
        self.statements.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }

    pub(crate) fn execute(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<usize, DbError> {
        let statement = self.statement(sql)?;
        Ok(self.client.execute(&statement, &bound(args))? as usize)
    }

    pub(crate) fn query(&mut self, sql: &str, args: &[Arg<'_>]) -> Result<Vec<postgres::Row>, DbError> {
        let statement = self.statement(sql)?;
        Ok(self.client.query(&statement, &bound(args))?)
    }

    pub(crate) fn batch(&mut self, sql: &str) -> Result<(), DbError> {
        Ok(self.client.batch_execute(sql)?)
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.client.is_closed()
    }
}

fn bound<'a>(args: &'a [Arg<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    args.iter().map(|arg| arg as &(dyn ToSql + Sync)).collect()
}

/// `?1` → `$1`, outside quoted text and names.
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) => {
                out.push('$');
                continue;
            }
            None => {}
        }
        out.push(c);
    }
    out
}

impl ToSql for Arg<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        match *self {
            Arg::Null => Ok(IsNull::Yes),
            // Every integer column is BIGINT; a parameter the server typed
            // otherwise (a smaller integer, a float, text) gets the same value.
            Arg::Int(n) => match *ty {
                Type::INT2 => i16::try_from(n)?.to_sql(ty, out),
                Type::INT4 => i32::try_from(n)?.to_sql(ty, out),
                Type::FLOAT8 => (n as f64).to_sql(ty, out),
                Type::FLOAT4 => (n as f32).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => n.to_string().to_sql(ty, out),
                Type::BOOL => (n != 0).to_sql(ty, out),
                _ => n.to_sql(ty, out),
            },
            Arg::Real(x) => match *ty {
                Type::FLOAT4 => (x as f32).to_sql(ty, out),
                _ => x.to_sql(ty, out),
            },
            Arg::Text(text) => text.to_sql(ty, out),
            Arg::Bytes(bytes) => bytes.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

impl From<postgres::Error> for DbError {
    fn from(err: postgres::Error) -> DbError {
        let kind = match err.code() {
            Some(code) if code.code().starts_with("23") => DbErrorKind::Constraint,
            Some(&SqlState::DISK_FULL) => DbErrorKind::DiskFull,
            Some(&SqlState::T_R_SERIALIZATION_FAILURE | &SqlState::T_R_DEADLOCK_DETECTED) => DbErrorKind::Busy,
            _ => DbErrorKind::Other,
        };
        // The server's own words (its Display alone says "db error").
        let detail = match err.as_db_error() {
            Some(db) => format!("PostgreSQL {}: {}", db.code().code(), db.message()),
            None => match std::error::Error::source(&err) {
                Some(source) => format!("PostgreSQL: {err}: {source}"),
                None => format!("PostgreSQL: {err}"),
            },
        };
        DbError::new(kind, detail)
    }
}

/// Reads column `index` of a PostgreSQL row as the store reads SQLite's:
/// integers of any width, EXISTS as a bool or a number.
pub(crate) fn read_i64(row: &postgres::Row, index: usize) -> Result<Option<i64>, DbError> {
    let ty = row.columns().get(index).map(|c| c.type_().clone());
    Ok(match ty {
        Some(Type::INT2) => row.try_get::<_, Option<i16>>(index)?.map(i64::from),
        Some(Type::INT4) => row.try_get::<_, Option<i32>>(index)?.map(i64::from),
        Some(Type::BOOL) => row.try_get::<_, Option<bool>>(index)?.map(i64::from),
        _ => row.try_get::<_, Option<i64>>(index)?,
    })
}

pub(crate) fn read_f64(row: &postgres::Row, index: usize) -> Result<f64, DbError> {
    let ty = row.columns().get(index).map(|c| c.type_().clone());
    Ok(match ty {
        Some(Type::FLOAT4) => f64::from(row.try_get::<_, f32>(index)?),
        _ => row.try_get::<_, f64>(index)?,
    })
}

pub(crate) fn null(what: &str) -> DbError {
    DbError::new(DbErrorKind::Other, format!("PostgreSQL: NULL where {what} was expected"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_quotes() {
        assert_eq!(
            dollar_placeholders("SELECT ?1, '?2', \"a?3\" FROM t WHERE a LIKE ?12 ESCAPE '\\' AND b = ?2"),
            "SELECT $1, '?2', \"a?3\" FROM t WHERE a LIKE $12 ESCAPE '\\' AND b = $2"
        );
    }
}
