//! Recipient lists kept beside the YAML: a UTF-8 CSV file or the first
//! sheet of an XLSX workbook, header row = recipient keys. Each row is
//! checked exactly like an inline list item; its problems are located as
//! `ds.csv:3` or `ds.xlsx:Sheet1!B3`, with the column in the field path.

use std::path::Path;

use calamine::{Data, Reader as _};
use serde_yaml::{Mapping, Value};

use super::locate::{Locator, RowPlace};
use super::read::Reader;
use super::NguoiNhan;
use crate::diag::{Kind, Location, Problem};

/// A list file's header and rows (`None` for an empty cell), with where
/// each row is.
struct Sheet {
    header: Vec<String>,
    rows: Vec<(RowPlace, Vec<Option<String>>)>,
}

/// Reads the list file `file` (relative to `base`) as the items of `list_path`.
pub(super) fn read(base: &Path, file: &str, list_path: &str) -> Result<Vec<NguoiNhan>, Vec<Problem>> {
    let path = base.join(file);
    let display = path.display().to_string();
    let fail = |kind: Kind| {
        Err(vec![Problem {
            location: Location::file(&display).into(),
            path: list_path.replace(".danh_sach", ".danh_sach_tep"),
            kind,
        }])
    };
    let extension = Path::new(file).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !path.is_file() && (extension == "csv" || extension == "xlsx") {
        return fail(Kind::ListFileMissing(display.clone()));
    }
    let sheet = match extension.as_str() {
        "csv" => read_csv(&path),
        "xlsx" => read_xlsx(&path),
        _ => return fail(Kind::ListFileType(file.to_string())),
    };
    let sheet = match sheet {
        Ok(sheet) => sheet,
        Err(detail) => return fail(Kind::ListFileUnreadable { file: display.clone(), detail }),
    };

    // Each row becomes the mapping an inline list item would be.
    let records: Vec<Value> = sheet
        .rows
        .iter()
        .map(|(_, cells)| {
            let mut row = Mapping::new();
            for (key, cell) in sheet.header.iter().zip(cells) {
                if let Some(text) = cell {
                    row.insert(Value::String(key.clone()), Value::String(text.clone()));
                }
            }
            Value::Mapping(row)
        })
        .collect();
    let locator = Locator::List {
        display,
        prefix: list_path.to_string(),
        rows: sheet.rows.into_iter().map(|(place, _)| place).collect(),
        columns: sheet.header,
    };
    let mut reader = Reader::for_list(locator, base);
    let list: Vec<Option<NguoiNhan>> =
        records.iter().enumerate().map(|(i, row)| reader.recipient(row, &format!("{list_path}[{i}]"))).collect();
    let problems = reader.into_problems();
    match list.into_iter().collect::<Option<Vec<_>>>() {
        Some(list) if problems.is_empty() => Ok(list),
        _ => Err(problems),
    }
}

fn non_empty(cell: &str) -> Option<String> {
    (!cell.trim().is_empty()).then(|| cell.to_string())
}

fn read_csv(path: &Path) -> Result<Sheet, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    // Excel writes a byte-order mark before the header.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = csv.headers().map_err(|e| e.to_string())?.iter().map(|k| k.trim().to_string()).collect();
    let mut rows = Vec::new();
    for record in csv.records() {
        let record = record.map_err(|e| e.to_string())?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push((RowPlace::Line(line), record.iter().map(non_empty).collect()));
    }
    Ok(Sheet { header, rows })
}

/// A cell as text: every cell is text, so "0101" keeps its zero and a
/// number typed into Excel reads as it shows ("12", not "12.0").
fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::Empty => None,
        Data::String(s) => non_empty(s),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(format!("{}", *f as i64)),
        other => non_empty(&other.to_string()),
    }
}

fn read_xlsx(path: &Path) -> Result<Sheet, String> {
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| e.to_string())?;
    let name = workbook.sheet_names().first().cloned().ok_or("tệp không có trang tính nào")?;
    let range = workbook.worksheet_range(&name).map_err(|e| e.to_string())?;
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(|c| cell_text(c).unwrap_or_default().trim().to_string()).collect())
        .unwrap_or_default();
    let rows = rows
        .enumerate()
        .filter(|(_, cells)| cells.iter().any(|c| cell_text(c).is_some()))
        .map(|(i, cells)| {
            // Row numbers as Excel shows them: 1-based, after the header.
            let place = RowPlace::Cell { sheet: name.clone(), row: first_row as usize + i + 2 };
            (place, cells.iter().map(cell_text).collect())
        })
        .collect();
    Ok(Sheet { header, rows })
}
