//! Recipient lists kept beside the YAML, as clerks keep them: a CSV file or
//! a sheet of an XLSX workbook (`ds.xlsx#Bằng khen` names the sheet; the
//! first one otherwise), with title rows, Vietnamese column titles, an STT
//! column, section rows, merged cells and a totals row. The table is found
//! and read into recipients, each checked exactly like an inline list item
//! and located as `ds.csv:3` or `ds.xlsx:Sheet1!B3`. How the file was
//! understood comes back as notes (`check` prints them); what cannot be
//! read is an error, never a guess.
//!
//! The file is checked before it is opened (a plain file, at most
//! [`grid::MAX_FILE_BYTES`]) and read within the limits of [`grid`].

mod csv;
mod display;
mod grid;
mod notes;
mod place;
mod recipients;
mod table;
pub(crate) mod template;
mod words;
mod xlsx;

use std::path::Path;

use grid::{Grid, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_UNPACKED_BYTES};
pub(crate) use place::Listed;
use place::Place;

use crate::diag::{Kind, ListKind, Location, Problem};
use crate::input::locate::column_letters;
use crate::input::sources::{Sources, Unread};

/// Reads the list file `file` (named relative to the YAML, read from
/// `sources`) as the items of `list_path`.
pub(super) fn read(sources: &dyn Sources, file: &str, list_path: &str) -> Result<Listed, Vec<Problem>> {
    let file_path = list_path.replace(".danh_sach", ".danh_sach_tep");
    let (name, sheet) = split_sheet(sources, file);
    let display = sources.display(&name);
    let mut place = Place { display: display.clone(), sheet: None, path: file_path.clone() };
    let fail =
        |kind: Kind| Err(vec![Problem { location: Location::file(&display).into(), path: file_path.clone(), kind }]);
    let extension = Path::new(&name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if extension != "csv" && extension != "xlsx" {
        return fail(Kind::ListFileType(file.to_string()));
    }
    let bytes = match sources.read(&name, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(unread) => return fail(unread_kind(unread, &display)),
    };
    if extension == "csv" && sheet.is_some() {
        return fail(Kind::ListFileMissing(sources.display(file)));
    }
    let mut opening = Vec::new();
    let grid = if extension == "csv" {
        read_csv(&bytes, &place)?
    } else {
        let read = read_xlsx(bytes, sheet.as_deref(), &place)?;
        place.sheet = read.grid.sheet.clone();
        if !read.others.is_empty() {
            let sheet = place.sheet.clone().unwrap_or_default();
            opening.push(place.problem(place.file(), ListKind::SheetChosen { sheet, others: read.others }));
        }
        read.grid
    };
    recipients::read(&grid, &place, list_path, opening)
}

/// `ds.xlsx#Bằng khen` → the file and the sheet; a file whose own name
/// has a `#` is taken whole when it exists.
fn split_sheet(sources: &dyn Sources, file: &str) -> (String, Option<String>) {
    if sources.has(file) {
        return (file.to_string(), None);
    }
    match file.rsplit_once('#') {
        Some((name, sheet)) if !sheet.is_empty() => (name.to_string(), Some(sheet.to_string())),
        _ => (file.to_string(), None),
    }
}

/// Why the list file gave no bytes: missing, not a plain file (a folder,
/// a pipe or a device such as `/dev/zero`, refused before it is read),
/// too large, or the system's refusal.
fn unread_kind(unread: Unread, display: &str) -> Kind {
    match unread {
        unread if unread.is_missing() => Kind::ListFileMissing(display.into()),
        Unread::NotAFile(what) => Kind::List(ListKind::NotAFile { file: display.into(), what }),
        Unread::TooLarge(bytes) => {
            Kind::List(ListKind::TooLarge { file: display.into(), bytes, limit: MAX_FILE_BYTES })
        }
        Unread::Failed(err) => Kind::ListFileUnreadable { file: display.into(), detail: err.to_string() },
    }
}

fn read_csv(bytes: &[u8], place: &Place) -> Result<Grid, Vec<Problem>> {
    csv::read(bytes).map_err(|trouble| {
        let problem = match trouble {
            csv::Trouble::Encoding { encoding, line } => {
                let mut location = place.file();
                location.line = Some(line);
                place.problem(
                    location,
                    ListKind::Encoding { file: place.display.clone(), encoding: encoding.map(str::to_string), line },
                )
            }
            csv::Trouble::BeyondLimits { line, column } => place.problem(place.at(line, column), beyond_limits()),
            csv::Trouble::UnclosedQuote { line } => place.problem(place.at(line, 0), ListKind::UnclosedQuote),
            csv::Trouble::CellTooLong { line, column } => {
                place.problem(place.at(line, column), ListKind::CellTooLong { limit: grid::MAX_CELL_CHARS })
            }
            csv::Trouble::Unreadable(detail) => Problem {
                location: place.file().into(),
                path: place.path.clone(),
                kind: Kind::ListFileUnreadable { file: place.display.clone(), detail },
            },
        };
        vec![problem]
    })
}

fn beyond_limits() -> ListKind {
    ListKind::BeyondLimits { rows: MAX_ROWS, last_column: column_letters(MAX_COLUMNS - 1) }
}

fn read_xlsx(bytes: Vec<u8>, sheet: Option<&str>, place: &Place) -> Result<xlsx::Read, Vec<Problem>> {
    xlsx::read(bytes, sheet).map_err(|trouble| {
        let at_file = |kind: ListKind| place.problem(place.file(), kind);
        let problem = match trouble {
            xlsx::Trouble::Unreadable(detail) => Problem {
                location: place.file().into(),
                path: place.path.clone(),
                kind: Kind::ListFileUnreadable { file: place.display.clone(), detail },
            },
            xlsx::Trouble::Unpacked => {
                at_file(ListKind::UnpackedTooLarge { file: place.display.clone(), limit: MAX_UNPACKED_BYTES })
            }
            xlsx::Trouble::PartTooLarge(part) => {
                at_file(ListKind::PartTooLarge { file: place.display.clone(), part, limit: grid::MAX_PART_BYTES })
            }
            xlsx::Trouble::CellTooLong { sheet, row, column } => {
                let located = Place { sheet: Some(sheet), display: place.display.clone(), path: place.path.clone() };
                located.problem(located.at(row, column), ListKind::CellTooLong { limit: grid::MAX_CELL_CHARS })
            }
            xlsx::Trouble::SheetMissing { sheet, sheets } => at_file(ListKind::SheetMissing { sheet, sheets }),
            xlsx::Trouble::BeyondLimits { sheet, row, column } => {
                let located = Place { sheet: Some(sheet), display: place.display.clone(), path: place.path.clone() };
                located.problem(located.at(row, column), beyond_limits())
            }
            xlsx::Trouble::TooManyMerges(count) => at_file(ListKind::TooManyMerges { count, limit: grid::MAX_MERGES }),
        };
        vec![problem]
    })
}
