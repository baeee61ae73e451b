//! The notes that show how a list was read — header row and columns,
//! columns set aside, where rows took their kind, group rows heading the
//! rows below, rows passed over, merged cells used, titles split off
//! names, where the table ended, and how many of each kind were read — so
//! that nothing is guessed silently.

use super::place::Place;
use super::table::{Event, Header, Walk};
use super::words::Field;
use crate::diag::{ColumnUse, KindSource, ListKind, Problem, RecipientKind, SkipReason};
use crate::input::locate::column_letters;
use crate::input::model::{LoaiNguoiNhan, NguoiNhan};

/// Titles split off name cells: how many, and the first one.
#[derive(Debug, Default)]
pub(super) struct Splits {
    count: usize,
    /// (row, column, cell, title, name) of the first.
    first: Option<(usize, usize, String, String, String)>,
}

impl Splits {
    pub(super) fn record(&mut self, row: usize, column: usize, cell: &str, title: &str, name: &str) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some((row, column, cell.into(), title.into(), name.into()));
        }
    }
}

/// What the notes are made from.
pub(super) struct Context<'a> {
    pub(super) place: &'a Place,
    pub(super) header: &'a Header,
    pub(super) walked: &'a Walk,
    /// The sheet's kind, when some row took it.
    pub(super) default_kind: Option<(LoaiNguoiNhan, KindSource)>,
    pub(super) splits: Splits,
}

fn kind_words(kind: LoaiNguoiNhan) -> RecipientKind {
    match kind {
        LoaiNguoiNhan::TapThe => RecipientKind::Collective,
        LoaiNguoiNhan::CaNhan => RecipientKind::Individual,
    }
}

/// Every note, in reading order; `read` are the recipients read (`None`
/// when the list is refused: no count then).
pub(super) fn make(context: &Context, read: Option<&[NguoiNhan]>) -> Vec<Problem> {
    let Context { place, header, walked, .. } = context;
    let mut notes = Vec::new();
    let use_of = |index: usize, title: &str, key: &str| ColumnUse {
        column: place.column(index),
        title: title.to_string(),
        key: key.to_string(),
    };
    let first_column = header.columns.first().map_or(0, |c| c.index);
    let columns: Vec<ColumnUse> = header
        .columns
        .iter()
        .filter_map(|c| c.field.filter(|f| *f != Field::Number).map(|f| use_of(c.index, &c.title, f.key())))
        .collect();
    let numbering: Vec<ColumnUse> = header
        .columns
        .iter()
        .filter(|c| c.field == Some(Field::Number))
        .map(|c| use_of(c.index, &c.title, ""))
        .collect();
    notes.push(
        place.problem(place.at(header.row, first_column), ListKind::Header { row: header.row, columns, numbering }),
    );
    let ignored: Vec<ColumnUse> =
        header.columns.iter().filter(|c| c.field.is_none()).map(|c| use_of(c.index, &c.title, "")).collect();
    if let Some(first) = header.columns.iter().find(|c| c.field.is_none()) {
        notes.push(place.problem(place.at(header.row, first.index), ListKind::ColumnsIgnored { columns: ignored }));
    }
    if let Some((column, row, _)) = walked.untitled.first() {
        let columns = walked
            .untitled
            .iter()
            .map(|(column, row, text)| ColumnUse {
                column: place.column(*column),
                title: text.clone(),
                key: row.to_string(),
            })
            .collect();
        notes.push(place.problem(place.at(*row, *column), ListKind::UntitledColumns { columns }));
    }
    if let Some((kind, source)) = &context.default_kind {
        notes.push(place.problem(place.file(), ListKind::KindFrom { kind: kind_words(*kind), source: source.clone() }));
    }

    // Sections and passed-over rows (one note per reason), by row.
    let mut by_row: Vec<(usize, Problem)> = Vec::new();
    let mut skipped: Vec<(SkipReason, Vec<usize>, String)> = Vec::new();
    for event in &walked.events {
        match event {
            Event::Section { row, column, text, kind } => {
                let kind = ListKind::Section { text: text.clone(), kind: kind_words(*kind) };
                by_row.push((*row, place.problem(place.at(*row, *column), kind)));
            }
            Event::Group { row, column, text, rows } => {
                let kind = ListKind::Group { text: text.clone(), rows: *rows };
                by_row.push((*row, place.problem(place.at(*row, *column), kind)));
            }
            Event::Skipped { reason, row, text } => match skipped.iter_mut().find(|(r, _, _)| r == reason) {
                Some((_, rows, _)) => rows.push(*row),
                None => skipped.push((*reason, vec![*row], text.clone())),
            },
            Event::Ended { .. } => {}
        }
    }
    for (reason, rows, example) in skipped {
        let first = rows[0];
        by_row.push((first, place.problem(place.at(first, first_column), ListKind::Skipped { reason, rows, example })));
    }
    by_row.sort_by_key(|(row, _)| *row);
    notes.extend(by_row.into_iter().map(|(_, note)| note));
    if let Some((merge, text)) = walked.merges_used.first() {
        let range = format!(
            "{}{}:{}{}",
            column_letters(merge.first_column),
            merge.first_row,
            column_letters(merge.last_column),
            merge.last_row
        );
        notes.push(place.problem(
            place.at(merge.first_row, merge.first_column),
            ListKind::MergedFilled { count: walked.merges_used.len(), range, text: text.clone() },
        ));
    }
    if let Some((row, column, cell, title, name)) = &context.splits.first {
        notes.push(place.problem(
            place.at(*row, *column),
            ListKind::TitlesSplit {
                count: context.splits.count,
                cell: cell.clone(),
                title: title.clone(),
                name: name.clone(),
            },
        ));
    }
    for event in &walked.events {
        if let Event::Ended { row, column, text, ignored } = event {
            notes.push(
                place.problem(place.at(*row, *column), ListKind::Ended { text: text.clone(), ignored: *ignored }),
            );
        }
    }
    let Some(read) = read else { return notes };
    let collectives = read.iter().filter(|r| r.loai == LoaiNguoiNhan::TapThe).count();
    let (first_row, last_row) = match (walked.records.first(), walked.records.last()) {
        (Some(first), Some(last)) => (first.row, last.row),
        _ => (header.last_row + 1, header.last_row + 1),
    };
    notes.push(place.problem(
        place.file(),
        ListKind::Read { collectives, individuals: read.len() - collectives, first_row, last_row },
    ));
    notes
}
