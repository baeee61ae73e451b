//! Where things are in one list file ([`Place`]: the file, the sheet, the
//! field path) for every note and problem, and what reading one gives
//! ([`Listed`]).

use crate::diag::{Kind, ListKind, Location, Problem};
use crate::input::locate::column_letters;
use crate::input::model::NguoiNhan;

/// A list read: its recipients, and the notes saying how it was read.
pub(crate) struct Listed {
    pub(crate) recipients: Vec<NguoiNhan>,
    pub(crate) notes: Vec<Problem>,
}

/// Where things are in one list file, for every note and problem.
pub(super) struct Place {
    /// The file as messages name it.
    pub(super) display: String,
    /// The sheet read; `None` for a CSV file.
    pub(super) sheet: Option<String>,
    /// The field path of the group's `danh_sach_tep`.
    pub(super) path: String,
}

impl Place {
    pub(super) fn file(&self) -> Location {
        Location::file(&self.display)
    }

    /// A cell (`Sheet1!B5`), or a CSV line.
    pub(super) fn at(&self, row: usize, column: usize) -> Location {
        let mut location = self.file();
        match &self.sheet {
            Some(sheet) => location.cell = Some(format!("{}!{}{row}", sheet_reference(sheet), column_letters(column))),
            None => location.line = Some(row),
        }
        location
    }

    /// A column as the clerk names it: "B", or "2" in a CSV file.
    pub(super) fn column(&self, index: usize) -> String {
        match self.sheet {
            Some(_) => column_letters(index),
            None => (index + 1).to_string(),
        }
    }

    pub(super) fn problem(&self, location: Location, kind: ListKind) -> Problem {
        Problem { location: location.into(), path: self.path.clone(), kind: Kind::List(kind) }
    }
}

/// A sheet's name as Excel writes it in a reference: quoted when it has
/// anything but letters and digits (`'Bằng khen'!B5`).
pub(super) fn sheet_reference(sheet: &str) -> String {
    if sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}
