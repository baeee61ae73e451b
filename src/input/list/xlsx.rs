//! An XLSX sheet into a [`Grid`], within bounds a hostile file cannot
//! stretch: the parts' unpacked size is checked before anything is
//! unpacked, cells are streamed one by one (a used range reaching
//! XFD1048576 allocates nothing), and a value outside the rows and columns
//! read is refused at its cell.

use std::io::Cursor;

use calamine::{DataRef, Reader as _, Xlsx};

use super::grid::{
    Cell, Grid, Merge, Row, MAX_CELL_CHARS, MAX_COLUMNS, MAX_MERGES, MAX_PART_BYTES, MAX_ROWS, MAX_UNPACKED_BYTES,
};
use super::words::fold;

/// Why a workbook gives no grid.
#[derive(Debug)]
pub(super) enum Trouble {
    /// Not an XLSX file, or a broken one: the library's words.
    Unreadable(String),
    Unpacked,
    /// One part (its name in the archive) unpacks to more than [`MAX_PART_BYTES`].
    PartTooLarge(String),
    /// A cell's text longer than [`MAX_CELL_CHARS`], at (row from 1, column from 0).
    CellTooLong {
        sheet: String,
        row: usize,
        column: usize,
    },
    SheetMissing {
        sheet: String,
        sheets: Vec<String>,
    },
    /// A value at (row from 1, column from 0) of `sheet`, outside the limits.
    BeyondLimits {
        sheet: String,
        row: usize,
        column: usize,
    },
    TooManyMerges(usize),
}

/// The sheet read, and the other sheets when none was named and the file
/// has several (so `check` can say which one was read).
pub(super) struct Read {
    pub(super) grid: Grid,
    pub(super) others: Vec<String>,
}

/// Reads `sheet` (or the first sheet) of the workbook `bytes`.
pub(super) fn read(bytes: Vec<u8>, sheet: Option<&str>) -> Result<Read, Trouble> {
    check_unpacked_size(&bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| Trouble::Unreadable(e.to_string()))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            // "bang khen" finds «Bằng khen»: the name as it is said.
            .or_else(|| names.iter().find(|n| fold(n) == fold(wanted)))
            .cloned()
            .ok_or_else(|| Trouble::SheetMissing { sheet: wanted.to_string(), sheets: names.clone() })?,
        None => names.first().cloned().ok_or_else(|| Trouble::Unreadable("no sheet / không có trang nào".into()))?,
    };
    let others = if sheet.is_none() { names.iter().filter(|n| **n != name).cloned().collect() } else { Vec::new() };

    let mut cells = workbook.worksheet_cells_reader(&name).map_err(|e| Trouble::Unreadable(e.to_string()))?;
    // Each style's number format, by style id.
    let formats: Vec<Option<(String, Option<u32>)>> = cells
        .styles()
        .iter()
        .map(|style| style.number_format.as_ref().map(|f| (f.format_code.clone(), f.format_id)))
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    while let Some((cell, style)) = cells.next_cell_with_style_id().map_err(|e| Trouble::Unreadable(e.to_string()))? {
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize + 1, column as usize);
        let format = formats.get(style).cloned().flatten();
        let Some(value) = value(cell.get_value(), format) else { continue };
        if row > MAX_ROWS || column >= MAX_COLUMNS {
            return Err(Trouble::BeyondLimits { sheet: name, row, column });
        }
        if let Cell::Text(text) = &value {
            if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
                return Err(Trouble::CellTooLong { sheet: name, row, column });
            }
        }
        match rows.last_mut() {
            Some(last) if last.number == row => last.cells.push((column, value)),
            _ => rows.push(Row { number: row, cells: vec![(column, value)] }),
        }
    }
    drop(cells);

    let areas = workbook.merge_cells_by_sheet_name(&name).map_err(|e| Trouble::Unreadable(e.to_string()))?;
    if areas.len() > MAX_MERGES {
        return Err(Trouble::TooManyMerges(areas.len()));
    }
    let merges = areas
        .iter()
        .filter(|d| (d.start.0 as usize) < MAX_ROWS && (d.start.1 as usize) < MAX_COLUMNS)
        .map(|d| Merge {
            first_row: d.start.0 as usize + 1,
            last_row: (d.end.0 as usize + 1).min(MAX_ROWS),
            first_column: d.start.1 as usize,
            last_column: (d.end.1 as usize).min(MAX_COLUMNS - 1),
        })
        .collect();
    Ok(Read { grid: Grid::new(Some(name), rows, merges), others })
}

/// The parts' declared unpacked sizes together: the zip reader never
/// unpacks more than a part declares, so this bounds what reading costs.
fn check_unpacked_size(bytes: &[u8]) -> Result<(), Trouble> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Trouble::Unreadable(e.to_string()))?;
    let mut total: u64 = 0;
    let mut oversized = None;
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(|e| Trouble::Unreadable(e.to_string()))?;
        total = total.saturating_add(part.size());
        // A sheet or the shared texts: what calamine unpacks whole.
        if part.size() > MAX_PART_BYTES && part.name().starts_with("xl/") && oversized.is_none() {
            oversized = Some(part.name().to_string());
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(Trouble::Unpacked);
    }
    if let Some(part) = oversized {
        return Err(Trouble::PartTooLarge(part));
    }
    Ok(())
}

/// A cell's value with its format; `None` for an empty one.
fn value(data: &DataRef<'_>, format: Option<(String, Option<u32>)>) -> Option<Cell> {
    let cell = match data {
        DataRef::Empty => return None,
        DataRef::String(text) => Cell::Text(text.clone()),
        DataRef::SharedString(text) => Cell::Text(text.to_string()),
        DataRef::Int(n) => Cell::Number { value: *n as f64, format: format.map(|f| f.0) },
        DataRef::Float(n) => Cell::Number { value: *n, format: format.map(|f| f.0) },
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::DateTime(moment) => {
            let (code, id) = format.unwrap_or_else(|| ("dd/mm/yyyy".into(), None));
            if moment.is_duration() {
                Cell::Duration { format: code }
            } else {
                let (y, mo, d, h, mi, s, _) = moment.to_ymd_hms_milli();
                Cell::Date { parts: (y, mo, d, h, mi, s), format: code, short_date: id == Some(14) }
            }
        }
        // Strict OOXML writes dates as ISO text: show them as typed.
        DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => Cell::Text(text.clone()),
    };
    match &cell {
        Cell::Text(text) if text.trim().is_empty() => None,
        _ => Some(cell),
    }
}
