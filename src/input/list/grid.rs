//! The shape both list formats are read into: rows of raw cells (numbers
//! keep their number format until a column asks for their text), the
//! sheet's merged areas, and the limits every list is read within.

use std::collections::HashMap;

/// Rows read: a value below this row is refused with its cell. As many
/// recipients as a group may have, with room for titles above the header.
pub(super) const MAX_ROWS: usize = crate::input::bounds::MAX_RECIPIENTS + 1_000;
/// Columns read (A–CV): a value right of them is refused with its cell.
pub(super) const MAX_COLUMNS: usize = 100;
/// Merged areas a sheet may have.
pub(super) const MAX_MERGES: usize = 10_000;
/// A list file's size on disk.
pub(super) const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// What one part of an XLSX file (a sheet, the shared texts) may unpack to:
/// a list of 200,000 rows is some tens of MB.
pub(super) const MAX_PART_BYTES: u64 = 100 * 1024 * 1024;
/// The longest text of one cell (characters), CSV or XLSX.
pub(super) const MAX_CELL_CHARS: usize = 10_000;
/// What an XLSX file may unpack to (its parts' declared sizes together).
pub(super) const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// A cell as the file stores it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Text(String),
    /// A number and its number format code (`None`: General).
    Number {
        value: f64,
        format: Option<String>,
    },
    /// A date or time: (year, month, day, hour, minute, second), and the
    /// format code; `short_date` for Excel's built-in format 14, which
    /// Excel shows in the computer's own short-date form.
    Date {
        parts: (u16, u8, u8, u8, u8, u8),
        format: String,
        short_date: bool,
    },
    /// A duration (`[h]:mm`), never a text.
    Duration {
        format: String,
    },
    Bool(bool),
    /// A formula's error ("#REF!").
    Error(String),
}

/// One row with something in it.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// Spreadsheet row (from 1), or the CSV line the record starts on.
    pub(super) number: usize,
    /// Cells by column (from 0), in column order.
    pub(super) cells: Vec<(usize, Cell)>,
}

impl Row {
    pub(super) fn get(&self, column: usize) -> Option<&Cell> {
        self.cells.binary_search_by_key(&column, |(c, _)| *c).ok().map(|i| &self.cells[i].1)
    }
}

/// A merged area: rows from 1, columns from 0, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Merge {
    pub(super) first_row: usize,
    pub(super) last_row: usize,
    pub(super) first_column: usize,
    pub(super) last_column: usize,
}

/// A sheet (or CSV file): its non-empty rows in order, and merged areas.
#[derive(Debug, Default)]
pub(super) struct Grid {
    /// The sheet's name; `None` for a CSV file.
    pub(super) sheet: Option<String>,
    pub(super) rows: Vec<Row>,
    merges: Vec<Merge>,
    /// Column → indexes into `merges` covering it, by first row.
    by_column: HashMap<usize, Vec<usize>>,
}

impl Grid {
    /// A grid of `rows` (any order; a cell given twice keeps its last value).
    pub(super) fn new(sheet: Option<String>, mut rows: Vec<Row>, merges: Vec<Merge>) -> Grid {
        rows.sort_by_key(|r| r.number);
        rows.dedup_by(|later, earlier| {
            if later.number == earlier.number {
                earlier.cells.append(&mut later.cells);
                true
            } else {
                false
            }
        });
        for row in &mut rows {
            // Stable: of two values for one cell the later one wins.
            row.cells.sort_by_key(|(c, _)| *c);
            row.cells.reverse();
            row.cells.dedup_by_key(|(c, _)| *c);
            row.cells.reverse();
        }
        rows.retain(|r| !r.cells.is_empty());
        let mut by_column: HashMap<usize, Vec<usize>> = HashMap::new();
        for (index, merge) in merges.iter().enumerate() {
            for column in merge.first_column..=merge.last_column.min(MAX_COLUMNS - 1) {
                by_column.entry(column).or_default().push(index);
            }
        }
        for list in by_column.values_mut() {
            list.sort_by_key(|&i| merges[i].first_row);
        }
        Grid { sheet, rows, merges, by_column }
    }

    /// The merged area covering a cell, if any.
    pub(super) fn merge_at(&self, row: usize, column: usize) -> Option<Merge> {
        let list = self.by_column.get(&column)?;
        let after = list.partition_point(|&i| self.merges[i].first_row <= row);
        list[..after].iter().rev().map(|&i| self.merges[i]).find(|m| m.last_row >= row)
    }

    /// The row numbered `number`, if it has anything in it.
    pub(super) fn row(&self, number: usize) -> Option<&Row> {
        self.rows.binary_search_by_key(&number, |r| r.number).ok().map(|i| &self.rows[i])
    }

    /// The cell at (`row`, `column`) as the clerk sees it: an empty cell
    /// inside a merged area shows the area's value. The second value is the
    /// merged area the value came from, when it came from one.
    pub(super) fn seen<'a>(&'a self, row: &'a Row, column: usize) -> (Option<&'a Cell>, Option<Merge>) {
        if let Some(cell) = row.get(column) {
            return (Some(cell), None);
        }
        match self.merge_at(row.number, column) {
            Some(merge) if (merge.first_row, merge.first_column) != (row.number, column) => {
                let cell = self.row(merge.first_row).and_then(|r| r.get(merge.first_column));
                (cell, cell.map(|_| merge))
            }
            _ => (None, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn a_merged_area_shows_its_value_in_every_cell() {
        let rows = vec![
            Row { number: 3, cells: vec![(1, text("a")), (2, text("Quận 1"))] },
            Row { number: 4, cells: vec![(1, text("b"))] },
            Row { number: 5, cells: vec![(1, text("c"))] },
        ];
        let merge = Merge { first_row: 3, last_row: 4, first_column: 2, last_column: 2 };
        let grid = Grid::new(None, rows, vec![merge]);
        assert_eq!(grid.seen(grid.row(4).unwrap(), 2), (Some(&text("Quận 1")), Some(merge)));
        assert_eq!(grid.seen(grid.row(3).unwrap(), 2), (Some(&text("Quận 1")), None));
        assert_eq!(grid.seen(grid.row(5).unwrap(), 2), (None, None));
    }

    #[test]
    fn rows_are_ordered_and_a_cell_given_twice_keeps_its_last_value() {
        let rows = vec![
            Row { number: 9, cells: vec![(0, text("x"))] },
            Row { number: 2, cells: vec![(1, text("old")), (0, text("y"))] },
            Row { number: 2, cells: vec![(1, text("new"))] },
        ];
        let grid = Grid::new(None, rows, Vec::new());
        assert_eq!(grid.rows.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 9]);
        assert_eq!(grid.rows[0].get(1), Some(&text("new")));
        assert_eq!(grid.rows[0].get(0), Some(&text("y")));
    }
}
