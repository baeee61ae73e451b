//! The two choices every message is made by: the language people read it
//! in, and how serious it is.

/// Language of the messages printed to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// How serious a problem is: an error stops the run and nothing is
/// written; a warning is shown and the run goes on; a note (info) says how
/// the input was understood and is shown by `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    Info,
}
