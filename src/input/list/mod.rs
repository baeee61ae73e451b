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

use std::io::Read as _;
use std::path::{Path, PathBuf};

use grid::{Grid, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_UNPACKED_BYTES};
pub(crate) use place::Listed;
use place::Place;

use crate::diag::{FileWhat, Kind, ListKind, Location, Problem};
use crate::input::locate::column_letters;

/// Reads the list file `file` (relative to `base`) as the items of `list_path`.
pub(super) fn read(base: &Path, file: &str, list_path: &str) -> Result<Listed, Vec<Problem>> {
    let file_path = list_path.replace(".danh_sach", ".danh_sach_tep");
    let (path, sheet) = split_sheet(base, file);
    let display = path.display().to_string();
    let mut place = Place { display: display.clone(), sheet: None, path: file_path.clone() };
    let fail =
        |kind: Kind| Err(vec![Problem { location: Location::file(&display).into(), path: file_path.clone(), kind }]);
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if extension != "csv" && extension != "xlsx" {
        return fail(Kind::ListFileType(file.to_string()));
    }
    if let Err(kind) = check_file(&path, &display) {
        return fail(*kind);
    }
    let mut opening = Vec::new();
    let grid = match (extension.as_str(), &sheet) {
        ("csv", Some(_)) => return fail(Kind::ListFileMissing(base.join(file).display().to_string())),
        ("csv", None) => read_csv(&path, &place)?,
        _ => {
            let read = read_xlsx(&path, sheet.as_deref(), &place)?;
            place.sheet = read.grid.sheet.clone();
            if !read.others.is_empty() {
                let sheet = place.sheet.clone().unwrap_or_default();
                opening.push(place.problem(place.file(), ListKind::SheetChosen { sheet, others: read.others }));
            }
            read.grid
        }
    };
    recipients::read(&grid, &place, list_path, opening)
}

/// `ds.xlsx#Bằng khen` → the file and the sheet; a file whose own name
/// has a `#` is taken whole when it exists.
fn split_sheet(base: &Path, file: &str) -> (PathBuf, Option<String>) {
    let whole = base.join(file);
    if whole.exists() {
        return (whole, None);
    }
    match file.rsplit_once('#') {
        Some((name, sheet)) if !sheet.is_empty() => (base.join(name), Some(sheet.to_string())),
        _ => (whole, None),
    }
}

/// The path is a plain file of a readable size: a folder, a pipe or a
/// device (`/dev/zero`) is refused before anything is opened.
fn check_file(path: &Path, display: &str) -> Result<(), Box<Kind>> {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(Box::new(Kind::ListFileMissing(display.into())))
        }
        Err(err) => return Err(Box::new(Kind::ListFileUnreadable { file: display.into(), detail: err.to_string() })),
    };
    let kind = metadata.file_type();
    let what = if kind.is_dir() {
        Some(FileWhat::Directory)
    } else if kind.is_file() {
        None
    } else {
        Some(special_file(&kind))
    };
    if let Some(what) = what {
        return Err(Box::new(Kind::List(ListKind::NotAFile { file: display.into(), what })));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(Box::new(Kind::List(ListKind::TooLarge {
            file: display.into(),
            bytes: metadata.len(),
            limit: MAX_FILE_BYTES,
        })));
    }
    Ok(())
}

#[cfg(unix)]
fn special_file(kind: &std::fs::FileType) -> FileWhat {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        FileWhat::Fifo
    } else if kind.is_char_device() || kind.is_block_device() {
        FileWhat::Device
    } else {
        FileWhat::Other
    }
}

#[cfg(not(unix))]
fn special_file(_: &std::fs::FileType) -> FileWhat {
    FileWhat::Other
}

fn read_csv(path: &Path, place: &Place) -> Result<Grid, Vec<Problem>> {
    let mut bytes = Vec::new();
    // The size was checked; a file growing since is still read no further.
    let read = std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(err) = read {
        return Err(vec![Problem {
            location: place.file().into(),
            path: place.path.clone(),
            kind: Kind::ListFileUnreadable { file: place.display.clone(), detail: err.to_string() },
        }]);
    }
    csv::read(&bytes).map_err(|trouble| {
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

fn read_xlsx(path: &Path, sheet: Option<&str>, place: &Place) -> Result<xlsx::Read, Vec<Problem>> {
    xlsx::read(path, sheet).map_err(|trouble| {
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
