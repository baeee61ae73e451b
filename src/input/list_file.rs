//! Recipient lists kept beside the YAML as a UTF-8 CSV file (header row =
//! recipient keys). Each row is checked exactly like an inline list item and
//! its problems are located as `ds.csv:3`, with the column in the field path.

use std::path::Path;

use serde_yaml::{Mapping, Value};

use super::read::{Locator, Reader};
use super::NguoiNhan;
use crate::diag::{Kind, Location, Problem};

/// Reads the list file `file` (relative to `base`) as the items of `list_path`.
pub fn read(base: &Path, file: &str, list_path: &str) -> Result<Vec<NguoiNhan>, Vec<Problem>> {
    let path = base.join(file);
    let display = path.display().to_string();
    let fail = |kind: Kind| {
        Err(vec![Problem {
            location: Location::file(&display),
            path: list_path.replace(".danh_sach", ".danh_sach_tep"),
            kind,
        }])
    };
    let is_csv = Path::new(file).extension().is_some_and(|ext| ext.eq_ignore_ascii_case("csv"));
    if !is_csv {
        return fail(Kind::ListFileType(file.to_string()));
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(_) => return fail(Kind::ListFileMissing(display.clone())),
    };
    // Excel writes a byte-order mark before the header.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header: Vec<String> = match csv.headers() {
        Ok(h) => h.iter().map(|k| k.trim().to_string()).collect(),
        Err(err) => return fail(Kind::ListFileUnreadable { file: display.clone(), detail: err.to_string() }),
    };
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for record in csv.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => return fail(Kind::ListFileUnreadable { file: display.clone(), detail: err.to_string() }),
        };
        lines.push(record.position().map_or(0, |p| p.line() as usize));
        // An empty cell means the key is absent; every cell is text, so
        // "0101" keeps its leading zero.
        let mut row = Mapping::new();
        for (key, cell) in header.iter().zip(record.iter()) {
            if !cell.trim().is_empty() {
                row.insert(Value::String(key.clone()), Value::String(cell.to_string()));
            }
        }
        rows.push(Value::Mapping(row));
    }
    let locator = Locator::Csv { display, prefix: list_path.to_string(), lines };
    let mut reader = Reader::for_list(locator, base);
    let list: Vec<Option<NguoiNhan>> =
        rows.iter().enumerate().map(|(i, row)| reader.recipient(row, &format!("{list_path}[{i}]"))).collect();
    let problems = reader.into_problems();
    match list.into_iter().collect::<Option<Vec<_>>>() {
        Some(list) if problems.is_empty() => Ok(list),
        _ => Err(problems),
    }
}
