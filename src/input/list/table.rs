//! Finds the table in a sheet as a clerk laid it out: the header row under
//! any title rows (its columns matched to keys by meaning, sub-headers of
//! merged titles included), then the rows under it — recipients, section
//! rows setting their kind, subtotals, group headings, and the total or
//! signature block that ends it. Every row that is not a recipient is
//! accounted for, so `check` can show it.

use super::display::show;
use super::grid::{Grid, Merge, Row};
use super::words::{
    closing, field_of, fold, group_label, group_level, is_group_label, section_kind, starts_with_numbering, total,
    Closing, Field,
};
use crate::diag::{CellTrouble, SkipReason};
use crate::input::model::LoaiNguoiNhan;

/// Rows searched for the header.
pub(super) const HEADER_SEARCH_ROWS: usize = 50;

/// One header column: its index (from 0), title and field.
#[derive(Debug, Clone)]
pub(super) struct Column {
    pub(super) index: usize,
    pub(super) title: String,
    pub(super) field: Option<Field>,
}

/// The header: its first and last row (a merged title spans several) and
/// columns, in order.
#[derive(Debug, Clone)]
pub(super) struct Header {
    pub(super) row: usize,
    pub(super) last_row: usize,
    pub(super) columns: Vec<Column>,
}

impl Header {
    pub(super) fn column_of(&self, field: Field) -> Option<&Column> {
        self.columns.iter().find(|c| c.field == Some(field))
    }
}

/// Why no table was found.
#[derive(Debug)]
pub(super) enum HeaderTrouble {
    NotFound,
    /// Two columns fill one key: (row, first column, second column).
    Duplicate {
        row: usize,
        first: Column,
        second: Column,
    },
}

/// The first row (of the first [`HEADER_SEARCH_ROWS`]) with a name column.
pub(super) fn find_header(grid: &Grid) -> Result<Header, HeaderTrouble> {
    let titled = |row: &Row| -> Vec<Column> {
        row.cells
            .iter()
            .filter_map(|(index, cell)| {
                let title = show(cell).ok().filter(|t| !t.is_empty())?;
                Some(Column { index: *index, field: field_of(&title), title })
            })
            .collect()
    };
    let (position, row) = grid
        .rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find(|(_, row)| titled(row).iter().any(|c| c.field == Some(Field::Name)))
        .ok_or(HeaderTrouble::NotFound)?;
    let mut columns = titled(row);
    // A title merged down over two rows: the rows under it belong to the
    // header, and a sub-title there ("Chức vụ" under "Chức vụ, đơn vị")
    // names its column more exactly.
    let last_row = row
        .cells
        .iter()
        .filter_map(|(index, _)| grid.merge_at(row.number, *index))
        .map(|m| m.last_row)
        .max()
        .unwrap_or(row.number)
        .max(row.number);
    for sub_row in grid.rows[position + 1..].iter().take_while(|r| r.number <= last_row) {
        for sub in titled(sub_row) {
            match columns.iter_mut().find(|c| c.index == sub.index) {
                Some(column) if sub.field.is_some() => *column = sub,
                Some(_) => {}
                None => columns.push(sub),
            }
        }
    }
    columns.sort_by_key(|c| c.index);
    for (i, second) in columns.iter().enumerate() {
        let Some(field) = second.field.filter(|f| *f != Field::Number) else { continue };
        if let Some(first) = columns[..i].iter().find(|c| c.field.is_some_and(|f| f.slot() == field.slot())) {
            return Err(HeaderTrouble::Duplicate { row: row.number, first: first.clone(), second: second.clone() });
        }
    }
    Ok(Header { row: row.number, last_row, columns })
}

/// A row read as a recipient: its row, the text of each filled column,
/// and the kind its section gives it.
#[derive(Debug, Clone)]
pub(super) struct Record {
    pub(super) row: usize,
    /// (field, column, text), in column order; no empty texts.
    pub(super) values: Vec<(Field, usize, String)>,
    pub(super) section: Option<LoaiNguoiNhan>,
    /// The group rows it stands under, outermost first, one a line
    /// ("A. KHỐI CƠ QUAN TRUNG ƯƠNG\n1. Các bộ").
    pub(super) group: Option<String>,
}

/// What the walk down the table met besides recipients.
#[derive(Debug, Clone)]
pub(super) enum Event {
    Section {
        row: usize,
        column: usize,
        text: String,
        kind: LoaiNguoiNhan,
    },
    /// A group row heading the `rows` recipients read under it.
    Group {
        row: usize,
        column: usize,
        text: String,
        rows: usize,
    },
    Skipped {
        reason: SkipReason,
        row: usize,
        text: String,
    },
    /// The table ends at (`row`, `column`); `ignored` rows after it.
    Ended {
        row: usize,
        column: usize,
        text: String,
        ignored: usize,
    },
}

/// The rows under the header.
#[derive(Debug, Default)]
pub(super) struct Walk {
    pub(super) records: Vec<Record>,
    pub(super) events: Vec<Event>,
    /// Cells of recipients that cannot be shown as Excel shows them:
    /// (record index, column, what is wrong).
    pub(super) troubles: Vec<(usize, usize, CellTrouble)>,
    /// Merged areas whose value filled rows they cover, in order met.
    pub(super) merges_used: Vec<(Merge, String)>,
    /// Columns with no title that hold something in a recipient's row:
    /// (column, first such row, its text), by column.
    pub(super) untitled: Vec<(usize, usize, String)>,
}

/// Reads the rows under `header`.
pub(super) fn walk(grid: &Grid, header: &Header) -> Walk {
    let mut walk = Walk::default();
    let number_column = header.column_of(Field::Number).map(|c| c.index);
    let name_column = header.column_of(Field::Name).map(|c| c.index);
    let kind_column = header.column_of(Field::Kind).map(|c| c.index);
    let mapped: Vec<&Column> = header.columns.iter().filter(|c| c.field.is_some_and(|f| f != Field::Number)).collect();
    let body: Vec<&Row> = grid.rows.iter().filter(|r| r.number > header.last_row).collect();
    let mut section = None;
    // The group rows the rows below stand under, outermost first: label,
    // level ("A." holds "1."; see `group_level`) and event.
    let mut groups: Vec<(String, u8, usize)> = Vec::new();
    for (position, row) in body.iter().enumerate() {
        let texts: Vec<(usize, String)> = row
            .cells
            .iter()
            .filter_map(|(c, cell)| show(cell).ok().filter(|t| !t.is_empty()).map(|t| (*c, t)))
            .collect();
        let Some((first_column, _)) = texts.first().cloned() else { continue };
        // The row's text, for the rows that are noted rather than read.
        let all_text = || texts.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" ");
        if position == 0 && is_numbering_row(&texts, name_column) {
            walk.events.push(Event::Skipped { reason: SkipReason::Numbering, row: row.number, text: all_text() });
            continue;
        }
        match closing_of(&texts, number_column) {
            Some((Closing::End, column)) => {
                let ignored = body.len() - position - 1;
                walk.events.push(Event::Ended { row: row.number, column, text: all_text(), ignored });
                break;
            }
            Some((Closing::Subtotal, _)) => {
                walk.events.push(Event::Skipped { reason: SkipReason::Subtotal, row: row.number, text: all_text() });
                continue;
            }
            None => {}
        }
        // A row merged across the table, or with one text besides its
        // numbering, may be a section or head a group rather than be a
        // recipient; a cell that cannot be shown makes it a recipient's.
        let merged_across = grid.merge_at(row.number, first_column).is_some_and(|m| {
            m.first_row == row.number
                && mapped.iter().filter(|c| (m.first_column..=m.last_column).contains(&c.index)).count() >= 2
        });
        let worded =
            texts.iter().filter(|(c, _)| Some(*c) != number_column).skip_while(|(_, t)| is_numbering_cell(t)).count();
        let shown = row.cells.iter().all(|(_, cell)| show(cell).is_ok());
        // A kind column's cell beside another text is the row's own kind;
        // alone on a row not numbered as a section ("I", "A"), it is a
        // recipient whose name was left out, not a section.
        let own_kind = texts.iter().any(|(c, _)| Some(*c) == kind_column);
        let only_kind = own_kind && texts.iter().all(|(c, _)| Some(*c) == kind_column || Some(*c) == number_column);
        let numbered_as_section = texts
            .iter()
            .find(|(c, _)| Some(*c) == number_column)
            .is_some_and(|(_, n)| !n.chars().all(|c| c.is_ascii_digit()));
        let kind_left_alone = only_kind && !numbered_as_section;
        let heading_like = shown && (merged_across || (worded <= 1 && !kind_left_alone) || !own_kind);
        // "I | TẬP THỂ (68)", "I | TẬP THỂ | 68": a section, whatever
        // columns its words sit in.
        if let Some(kind) = section_kind(&all_text()).filter(|_| heading_like) {
            section = Some(kind);
            groups.clear();
            walk.events.push(Event::Section { row: row.number, column: first_column, text: all_text(), kind });
            continue;
        }
        let number_text = texts.iter().find(|(c, _)| Some(*c) == number_column).map(|(_, t)| t.as_str());
        // A group's count beside it ("(12)", "12 tập thể") is no text of its own.
        let others: Vec<&(usize, String)> =
            texts.iter().filter(|(c, t)| Some(*c) != number_column && !is_count(t)).collect();
        if shown && (merged_across || others.len() <= 1) {
            let words = others.first().map(|(_, t)| t.as_str());
            let numbered_as_group = number_text.is_some_and(|n| !n.chars().all(|c| c.is_ascii_digit()))
                || words.is_some_and(|w| starts_with_numbering(w) || is_group_label(w));
            let label = group_label(number_text, words);
            let has_words = fold(&label).split(' ').skip(1).any(|w| w.chars().any(|c| c.is_alphabetic()));
            if (merged_across || numbered_as_group) && has_words {
                let column = others.first().map_or(first_column, |(c, _)| *c);
                let level = group_level(&label);
                while groups.last().is_some_and(|(_, l, _)| *l >= level) {
                    groups.pop();
                }
                groups.push((label.clone(), level, walk.events.len()));
                walk.events.push(Event::Group { row: row.number, column, text: label, rows: 0 });
                continue;
            }
            if words.is_none() {
                walk.events.push(Event::Skipped { reason: SkipReason::NumberOnly, row: row.number, text: all_text() });
                continue;
            }
        }
        for (column, text) in &texts {
            let titled = header.columns.iter().any(|c| c.index == *column);
            if !titled && !walk.untitled.iter().any(|(c, _, _)| c == column) {
                walk.untitled.push((*column, row.number, text.clone()));
            }
        }
        let before = walk.records.len();
        read_record(grid, row, texts, &mapped, section, &mut walk);
        if !groups.is_empty() && walk.records.len() > before {
            if let Some(record) = walk.records.last_mut() {
                record.group = Some(groups.iter().map(|(label, _, _)| label.as_str()).collect::<Vec<_>>().join("\n"));
            }
            for (_, _, event) in &groups {
                if let Some(Event::Group { rows, .. }) = walk.events.get_mut(*event) {
                    *rows += 1;
                }
            }
        }
    }
    walk.untitled.sort_by_key(|(column, _, _)| *column);
    walk
}

/// Whether a row ends the table or a section, and at which column: its
/// first cell ("Tổng cộng", "Người lập biểu", a date line), or a total
/// whose words sit beside the number or run on over several cells
/// ("108 | Tổng cộng: | 68 tập thể và 40 cá nhân").
fn closing_of(texts: &[(usize, String)], number_column: Option<usize>) -> Option<(Closing, usize)> {
    let from = |i: usize| texts[i..].iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join(" ");
    let first_words = texts.iter().position(|(c, _)| Some(*c) != number_column);
    let candidates = std::iter::once(0).chain(first_words.filter(|i| *i > 0));
    for i in candidates {
        let (column, text) = &texts[i];
        // "Cộng: | 68 tập thể và 40 cá nhân": the words after count too.
        let folded = fold(text);
        let counted = (folded.starts_with("tong") || folded.starts_with("cong")).then(|| total(&from(i))).flatten();
        if let Some(found) = counted.or_else(|| closing(text)) {
            return Some((found, *column));
        }
    }
    None
}

/// "(12)", "12 tập thể", "40 người": a count standing beside a heading
/// (a bare "12" may be a register number, so it is not one).
fn is_count(text: &str) -> bool {
    const COUNTED: &[&str] = &["tap", "the", "ca", "nhan", "nguoi", "don", "vi"];
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let digits = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    let worded = words.iter().any(|w| COUNTED.contains(w));
    let bracketed = text.trim().starts_with('(') && text.trim().ends_with(')');
    words.iter().any(digits) && words.iter().all(|w| digits(w) || COUNTED.contains(w)) && (worded || bracketed)
}

/// "I", "B.", "2)", "12": a cell holding only a row's numbering.
fn is_numbering_cell(text: &str) -> bool {
    let bare = text.trim().trim_end_matches(['.', ')', '-', ':']);
    let roman = bare.chars().all(|c| "IVXivx".contains(c));
    let letter = bare.chars().count() == 1 && bare.chars().all(|c| c.is_ascii_alphabetic());
    let digits = bare.chars().all(|c| c.is_ascii_digit());
    !bare.is_empty() && bare.len() <= 4 && (roman || letter || digits)
}

/// "(1) (2) (3)" or "1 2 3" under the header: each column's number.
fn is_numbering_row(texts: &[(usize, String)], name_column: Option<usize>) -> bool {
    let short_number = |t: &str| {
        let inner = t.trim_start_matches('(').trim_end_matches(')');
        !inner.is_empty() && inner.len() <= 2 && inner.chars().all(|c| c.is_ascii_alphanumeric())
    };
    texts.len() >= 2 && texts.iter().all(|(_, t)| short_number(t)) && texts.iter().any(|(c, _)| Some(*c) == name_column)
}

/// Reads one recipient row: an empty cell under a merged area takes its
/// value; a row whose name cell lies inside a name merged from the row
/// above continues that recipient (its texts are added to theirs).
/// `texts` are the row's own non-empty cells as shown, given up to it.
fn read_record(
    grid: &Grid,
    row: &Row,
    mut texts: Vec<(usize, String)>,
    mapped: &[&Column],
    section: Option<LoaiNguoiNhan>,
    walk: &mut Walk,
) {
    let index = walk.records.len();
    let mut values = Vec::new();
    let name_column = mapped.iter().find(|c| c.field == Some(Field::Name)).map(|c| c.index);
    let continues = !walk.records.is_empty() && name_column.is_some_and(|c| grid.seen(row, c).1.is_some());
    for column in mapped {
        let field = column.field.expect("mapped columns have a field");
        let (cell, merge) = grid.seen(row, column.index);
        let Some(cell) = cell else { continue };
        // The row's own cell was shown already; a merged one is shown here.
        let own = merge.is_none().then(|| texts.iter_mut().find(|(c, _)| *c == column.index)).flatten();
        let shown = match own {
            Some((_, text)) => Ok(std::mem::take(text)),
            None => show(cell),
        };
        match shown {
            Ok(text) if text.is_empty() => {}
            Ok(text) => {
                if let Some(merge) = merge.filter(|_| !continues) {
                    if !walk.merges_used.iter().any(|(m, _)| *m == merge) {
                        walk.merges_used.push((merge, text.clone()));
                    }
                }
                values.push((field, column.index, text, merge.is_some()));
            }
            Err(trouble) => {
                // A continued row's error belongs to the row it continues.
                let at = if continues { index - 1 } else { index };
                walk.troubles.push((at, column.index, trouble));
                // A stand-in, so the cell is not reported missing as well.
                values.push((field, column.index, "?".into(), merge.is_some()));
            }
        }
    }
    match walk.records.last_mut() {
        Some(previous) if continues => {
            for (field, column, text, merged) in values {
                if merged {
                    continue;
                }
                match previous.values.iter_mut().find(|(f, _, _)| *f == field) {
                    Some((_, _, existing)) => {
                        existing.push(' ');
                        existing.push_str(&text);
                    }
                    None => previous.values.push((field, column, text)),
                }
            }
        }
        _ => walk.records.push(Record {
            row: row.number,
            values: values.into_iter().map(|(f, c, t, _)| (f, c, t)).collect(),
            section,
            group: None,
        }),
    }
}
