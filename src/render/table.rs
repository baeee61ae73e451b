//! Data tables, set: each cell's lines within its column, each row's
//! height, and which rows must share a page (a group row with the row
//! after it, a total row with the row before it). The PDF flow draws and
//! paginates these rows; the DOCX gives each row the same exact height, so
//! a word processor breaks the table where the PDF does.

use super::frame::{Item, TextRun};
use super::nd30;
use crate::doc::{Align, Color, Row, Table};
use crate::text::fonts::Face;
use crate::text::measure::{
    ascent, break_lines, cell_text_width_mm, cut_long_words, words, Line, CELL_PADDING_MM, LINE_HEIGHT, PT_PER_MM,
};

/// Space between a cell's border and its text, top and bottom, pt.
pub(crate) const CELL_PAD_Y: f32 = 2.5;

/// A table's last row on a page needs its bottom border below it: word
/// processors count the border's width (the PDF's rule width), pt.
pub(crate) const BOTTOM_BORDER: f32 = nd30::RULE_WIDTH;

/// Height of the paragraph that opens a page where the DOCX splits a
/// table the PDF broke early (one point, as a section's end), pt.
pub(crate) const SPLIT_PARAGRAPH: f32 = 1.0;

/// A row, set: its height (pt) and how it keeps with its neighbours.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowSet {
    pub(crate) height: f32,
    /// A group row ("I. TẬP THỂ"): on the page of the row after it.
    pub(crate) keep_with_next: bool,
    /// A total row: on the page of the row before it.
    pub(crate) keep_with_previous: bool,
}

/// Heights and keeps of a table's header rows and body rows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TableSet {
    pub(crate) header: Vec<RowSet>,
    pub(crate) rows: Vec<RowSet>,
}

impl TableSet {
    pub(crate) fn header_height(&self) -> f32 {
        self.header.iter().map(|r| r.height).sum()
    }
}

/// The lines of one cell's text within a column `column_mm` wide.
fn cell_words(text: &str, bold: bool, size: f32, column_mm: f32) -> Vec<crate::text::measure::Word> {
    let face = if bold { Face::Bold } else { Face::Regular };
    let width = cell_text_width_mm(column_mm) * PT_PER_MM;
    cut_long_words(words([(face, text)], size), width, size)
}

fn row_height(table: &Table, row: &Row) -> f32 {
    let lines = row
        .cells
        .iter()
        .zip(&table.columns)
        .map(|(cell, column)| {
            let words = cell_words(cell, row.bold, table.size, *column);
            let width = cell_text_width_mm(*column) * PT_PER_MM;
            break_lines(&words, width, width).len().max(1)
        })
        .max()
        .unwrap_or(1);
    nd30::lines_height(lines, table.size) + 2.0 * CELL_PAD_Y
}

/// Sets `table`: a bold row inside the body heads the rows after it (a
/// group), a bold last row sums the rows before it (a total).
pub(crate) fn table_set(table: &Table) -> TableSet {
    let header = table
        .header
        .iter()
        .map(|row| RowSet { height: row_height(table, row), keep_with_next: true, keep_with_previous: false })
        .collect();
    let last = table.rows.len().saturating_sub(1);
    let rows = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| RowSet {
            height: row_height(table, row),
            keep_with_next: row.bold && i < last,
            keep_with_previous: row.bold && i == last && i > 0,
        })
        .collect();
    TableSet { header, rows }
}

/// How many body rows from `start` must open a page (or the table) with
/// the header: two data rows (a group row heads data, it is none), every
/// row a keep ties to them, and the last data row when it alone is left.
pub(crate) fn opening_rows(set: &TableSet, start: usize) -> usize {
    let rows = &set.rows;
    let mut end = start;
    let mut data = 0;
    while end < rows.len() && (data < 2 || rows[end - 1].keep_with_next || rows[end].keep_with_previous) {
        if !rows[end].keep_with_next {
            data += 1;
        }
        end += 1;
    }
    // A lone data row after them may not go to the next page alone
    // ([`break_row`]): it opens with them.
    if data_rows(&rows[end..]) == 1 {
        end = rows.len();
    }
    end - start
}

/// Data rows (group rows aside) in `rows`.
fn data_rows(rows: &[RowSet]) -> usize {
    rows.iter().filter(|r| !r.keep_with_next).count()
}

/// Where the rows from `start` break when `room` points are left: the
/// first row that goes to the next page, and whether the break comes
/// earlier than the room alone would make it (a keep moved rows on).
pub(crate) fn break_row(set: &TableSet, start: usize, room: f32) -> (usize, bool) {
    let rows = &set.rows;
    let mut used = BOTTOM_BORDER;
    let mut end = start;
    while end < rows.len() && used + rows[end].height <= room + 0.01 {
        used += rows[end].height;
        end += 1;
    }
    if end == rows.len() {
        return (end, false);
    }
    let natural = end.max(start + 1);
    let mut at = natural;
    // Keep a group with its first row, a total with its last, and never
    // leave one row alone on the next page.
    while at > start + 1 && (rows[at - 1].keep_with_next || rows[at].keep_with_previous || data_rows(&rows[at..]) < 2) {
        at -= 1;
    }
    (at, at < natural)
}

/// A row's items drawn with its top-left corner at (`x`, `top`): each
/// cell's lines and the row's borders.
pub(crate) fn row_items(table: &Table, row: &Row, is_header: bool, x: f32, top: f32, height: f32) -> Vec<Item> {
    let mut items = Vec::new();
    let mut left = x;
    for (column, (cell, width_mm)) in row.cells.iter().zip(&table.columns).enumerate() {
        let width = width_mm * PT_PER_MM;
        let align = if is_header { Align::Center } else { table.aligns.get(column).copied().unwrap_or(Align::Left) };
        let words = cell_words(cell, row.bold, table.size, *width_mm);
        let text_width = cell_text_width_mm(*width_mm) * PT_PER_MM;
        let text_left = left + CELL_PADDING_MM * PT_PER_MM;
        for (i, line) in break_lines(&words, text_width, text_width).iter().enumerate() {
            let baseline = top + CELL_PAD_Y + i as f32 * table.size * LINE_HEIGHT + ascent(table.size);
            let start = match align {
                Align::Left | Align::Justify => text_left,
                Align::Center => text_left + (text_width - line.width) / 2.0,
                Align::Right => text_left + text_width - line.width,
            };
            items.extend(line_runs(line, start, baseline, table.size, 0.0));
        }
        items.push(border(left, top, left, top + height));
        left += width;
    }
    items.push(border(left, top, left, top + height));
    items.push(border(x, top, left, top));
    items.push(border(x, top + height, left, top + height));
    items
}

/// A table's cell border.
fn border(x1: f32, y1: f32, x2: f32, y2: f32) -> Item {
    Item::Rule { x1, y1, x2, y2, width: nd30::RULE_WIDTH, color: Color::BLACK }
}

/// Text runs of one line placed at `x` (left edge) with `extra` per space.
pub(crate) fn line_runs(line: &Line, x: f32, baseline: f32, size: f32, extra: f32) -> Vec<Item> {
    let mut runs: Vec<TextRun> = Vec::new();
    let mut pen = x;
    for (i, word) in line.words.iter().enumerate() {
        let mut pieces: Vec<(Face, String, f32)> =
            word.pieces.iter().map(|(face, text)| (*face, text.clone(), face.metrics().width(text, size))).collect();
        if i + 1 < line.words.len() {
            if let Some((face, width)) = word.space_after {
                pieces.push((face, " ".into(), width + extra));
            }
        }
        for (face, text, width) in pieces {
            match runs.last_mut() {
                Some(run) if run.face == face => run.text.push_str(&text),
                _ => {
                    runs.push(TextRun { x: pen, baseline, size, face, text, word_spacing: extra, color: Color::BLACK })
                }
            }
            pen += width;
        }
    }
    runs.into_iter().map(Item::Text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(bold: &[bool]) -> TableSet {
        let last = bold.len() - 1;
        TableSet {
            header: vec![RowSet { height: 20.0, keep_with_next: true, keep_with_previous: false }],
            rows: bold
                .iter()
                .enumerate()
                .map(|(i, b)| RowSet {
                    height: 10.0,
                    keep_with_next: *b && i < last,
                    keep_with_previous: *b && i == last,
                })
                .collect(),
        }
    }

    #[test]
    fn a_group_row_goes_with_the_row_after_it_and_a_total_with_the_row_before() {
        // Rows 0-1 data, 2 a group row, 3-5 data: room for three rows.
        let rows = set(&[false, false, true, false, false, false]);
        assert_eq!(break_row(&rows, 0, 31.0), (2, true), "the group row moves on with its first row");
        // A total row that does not fit takes the last data row with it.
        let totals = set(&[false, false, false, false, true]);
        assert_eq!(break_row(&totals, 0, 41.0), (3, true));
        // Everything fits: no break.
        assert_eq!(break_row(&totals, 0, 100.0), (5, false));
        // A natural break leaving two rows or more for the next page.
        let plain = set(&[false; 8]);
        assert_eq!(break_row(&plain, 0, 51.0), (5, false));
        // The bottom border must fit too.
        assert_eq!(break_row(&plain, 0, 50.0), (4, false));
        // One row alone on the next page is not allowed.
        assert_eq!(break_row(&plain, 0, 71.0), (6, true));
        assert_eq!(opening_rows(&rows, 0), 2);
        assert_eq!(opening_rows(&rows, 1), 3, "a group row opening the rest brings two data rows");
        assert_eq!(opening_rows(&totals, 2), 3, "a total row goes with the last data rows");
        assert_eq!(opening_rows(&set(&[false; 3]), 0), 3, "three rows open together: one may not be left alone");
    }
}
