//! The table's rows as recipients: each row's kind (its own cell, its
//! section, or the sheet's), a title or rank split off a person's name,
//! the columns into recipient keys — then every row's texts checked as an
//! inline list item's are ([`checked_text`]). Problems come back in row order with
//! the list's notes; a list with any error gives errors only.

use super::grid::Grid;
use super::notes::{self, Splits};
use super::place::{sheet_reference, Listed, Place};
use super::table::{self, find_header, walk, HeaderTrouble, Record};
use super::words::{fold, kind_of, section_kind, split_title, Field};
use crate::diag::{Kind, KindSource, ListKind, Problem, Severity};
use crate::input::locate::{column_letters, Locator, RowPlace};
use crate::input::model::{LoaiNguoiNhan, NguoiNhan};
use crate::input::text_check::checked_text;

/// Reads `grid`'s table as the items of `list_path`; `opening` are the
/// notes made while opening the file.
pub(super) fn read(grid: &Grid, place: &Place, list_path: &str, opening: Vec<Problem>) -> Result<Listed, Vec<Problem>> {
    let header = match find_header(grid) {
        Ok(header) => header,
        Err(HeaderTrouble::NotFound) => {
            return Err(vec![place.problem(place.file(), ListKind::NoHeader { rows: table::HEADER_SEARCH_ROWS })])
        }
        Err(HeaderTrouble::Duplicate { row, first, second }) => {
            let key = second.field.map_or("", |f| f.key()).to_string();
            let name = |c: &table::Column| format!("{} «{}»", place.column(c.index), c.title);
            let kind = ListKind::DuplicateColumn { key, first: name(&first), second: name(&second) };
            return Err(vec![place.problem(place.at(row, second.index), kind)]);
        }
    };
    let mut walked = walk(grid, &header);
    let default_kind = default_kind(grid, &header);
    let name_column = header.column_of(Field::Name).map_or(0, |c| c.index);

    let mut ordered: Vec<(usize, Problem)> = Vec::new();
    let mut splits = Splits::default();
    let mut default_used = false;
    let mut rows = Vec::with_capacity(walked.records.len());
    for (index, record) in walked.records.iter_mut().enumerate() {
        let row_number = record.row;
        let at = |key: &str, column: usize| Problem {
            location: place.at(row_number, column).into(),
            path: format!("{list_path}[{index}].{key}"),
            kind: Kind::EmptyText,
        };
        let (row, problems, used_default) = row_texts(record, default_kind.as_ref().map(|d| d.0), &mut splits, &at);
        default_used |= used_default;
        ordered.extend(problems.into_iter().map(|p| (index, p)));
        rows.push(row);
    }
    for (index, column, trouble) in &walked.troubles {
        let record = &walked.records[*index];
        let key = header.columns.iter().find(|c| c.index == *column).and_then(|c| c.field).map_or("", |f| f.key());
        let problem = Problem {
            location: place.at(record.row, *column).into(),
            path: format!("{list_path}[{index}].{key}"),
            kind: Kind::List(ListKind::Cell(trouble.clone())),
        };
        ordered.push((*index, problem));
    }

    // The same checks as inline items' texts: control characters,
    // mojibake, fonts — located at the row's cell.
    let mut columns: Vec<(String, usize)> = vec![("ten".into(), name_column)];
    columns.extend(header.columns.iter().filter_map(|c| Some((c.field?.key().to_string(), c.index))));
    let locator = Locator::List {
        display: place.display.clone(),
        prefix: list_path.to_string(),
        rows: walked
            .records
            .iter()
            .map(|r| match &place.sheet {
                Some(sheet) => RowPlace::Cell { sheet: sheet_reference(sheet), row: r.row },
                None => RowPlace::Line(r.row),
            })
            .collect(),
        columns,
    };
    let list: Vec<Option<NguoiNhan>> = rows
        .into_iter()
        .enumerate()
        .map(|(index, row)| {
            let mut report = |key: &str, at_key: bool, kind: Kind| {
                let path = format!("{list_path}[{index}].{key}");
                let location = locator.locate(&path, at_key).into();
                ordered.push((index, Problem { location, path, kind }));
            };
            row.recipient(&mut report)
        })
        .collect();

    let mut errors_found = Vec::new();
    let recipients: Vec<NguoiNhan> = list.into_iter().flatten().collect();
    // The same recipient twice, located at its row's name cell (the
    // group's rules would only find the YAML line of `danh_sach_tep`).
    if recipients.len() == walked.records.len() {
        for (index, first) in crate::input::rules::repeated_recipients(&recipients) {
            let record = &walked.records[index];
            let problem = Problem {
                location: place.at(record.row, name_column).into(),
                path: format!("{list_path}[{index}].ten"),
                kind: Kind::DuplicateRecipient { name: recipients[index].ten.clone(), first },
            };
            errors_found.push((index, problem));
        }
    }
    let context = notes::Context {
        place,
        header: &header,
        walked: &walked,
        default_kind: default_kind.filter(|_| default_used),
        splits,
    };
    ordered.append(&mut errors_found);
    ordered.sort_by_key(|(index, _)| *index);
    let errors: Vec<Problem> = ordered.into_iter().map(|(_, p)| p).collect();
    let refused =
        errors.iter().any(|p| p.kind.severity() == Severity::Error) || recipients.len() != walked.records.len();
    let mut all_notes = opening;
    // A refused list has no count to give: its mapping still explains it.
    all_notes.extend(notes::make(&context, (!refused).then_some(&recipients[..])));
    if refused {
        all_notes.extend(errors);
        return Err(all_notes);
    }
    Ok(Listed { recipients, notes: all_notes })
}

/// One record's texts under the keys an inline list item would have,
/// with the problems found on the way; whether the sheet's default kind
/// was used.
fn row_texts(
    record: &mut Record,
    default_kind: Option<LoaiNguoiNhan>,
    splits: &mut Splits,
    at: &dyn Fn(&str, usize) -> Problem,
) -> (RowTexts, Vec<Problem>, bool) {
    let mut problems = Vec::new();
    let mut texts: Vec<(&'static str, String)> = Vec::with_capacity(record.values.len() + 2);
    // The texts move on into the recipient; only the row number stays.
    let mut values = std::mem::take(&mut record.values);
    let value = |field: Field| values.iter().find(|(f, _, _)| *f == field);
    let name_cell = value(Field::Name);
    let name_column = name_cell.map_or(0, |(_, c, _)| *c);
    let mut used_default = false;
    let kind = match value(Field::Kind) {
        Some((_, column, text)) => {
            let kind = kind_of(text);
            if kind.is_none() {
                let choices = ["Tập thể", "Cá nhân", "tap_the", "ca_nhan"].map(String::from).to_vec();
                problems
                    .push(Problem { kind: Kind::BadChoice { value: text.clone(), choices }, ..at("loai", *column) });
            }
            kind
        }
        None => record.section.or_else(|| {
            used_default = default_kind.is_some();
            if default_kind.is_none() {
                problems.push(Problem { kind: Kind::List(ListKind::KindUnknown), ..at("loai", name_column) });
            }
            default_kind
        }),
    };

    let column_title = [Field::Title, Field::Rank]
        .iter()
        .filter_map(|f| value(*f).map(|(_, _, t)| t.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    let mut title = (!column_title.is_empty()).then_some(column_title);
    if let Some((_, column, name)) = name_cell {
        let split = if kind == Some(LoaiNguoiNhan::CaNhan) { split_title(name) } else { None };
        match split {
            Some((in_name, rest)) => {
                match title.as_deref() {
                    None => title = Some(in_name.clone()),
                    Some(typed) if fold(&in_name).starts_with(&fold(typed)) => title = Some(in_name.clone()),
                    Some(typed) if fold(typed).contains(&fold(&in_name)) => {}
                    Some(typed) if is_address(typed) && is_address(&in_name) => {
                        let kind = ListKind::TitleConflict { in_name: in_name.clone(), in_column: typed.to_string() };
                        problems.push(Problem { kind: Kind::List(kind), ..at("ten", *column) });
                    }
                    Some(typed) => title = Some(format!("{typed} {in_name}")),
                }
                splits.record(record.row, *column, name, &in_name, &rest);
                texts.push(("ten", rest));
            }
            None => {
                let at = values.iter().position(|(f, _, _)| *f == Field::Name).expect("the name cell is a value");
                texts.push(("ten", std::mem::take(&mut values[at].2)));
            }
        }
    }
    if let Some(title) = title {
        texts.push(("danh_xung", title));
    }
    for (field, _, text) in values {
        let key = match field {
            Field::Position
            | Field::Unit
            | Field::PositionAndUnit
            | Field::Register
            | Field::Achievement
            | Field::Proposer => field.key(),
            _ => continue,
        };
        texts.push((key, text));
    }
    if let Some(group) = record.group.take() {
        texts.push(("nhom", group));
    }
    // A placeholder kind keeps a refused row's other fields checked.
    (RowTexts { kind: kind.unwrap_or(LoaiNguoiNhan::TapThe), texts }, problems, used_default)
}

/// A row's texts under recipient keys, not yet checked.
struct RowTexts {
    kind: LoaiNguoiNhan,
    texts: Vec<(&'static str, String)>,
}

impl RowTexts {
    /// The recipient, each text checked as an inline item's is; problems
    /// go to `report` (key, whether at the key, what) in key order.
    fn recipient(self, report: &mut dyn FnMut(&str, bool, Kind)) -> Option<NguoiNhan> {
        let mut person = NguoiNhan {
            loai: self.kind,
            ten: String::new(),
            danh_xung: None,
            chuc_vu: None,
            don_vi: None,
            so_so: None,
            thanh_tich: None,
            nhom: None,
            de_nghi: None,
        };
        let mut named = false;
        let mut sound = true;
        // In the order of NguoiNhan's keys, as the YAML reader reports.
        for key in NguoiNhan::KEYS {
            let Some((_, raw)) = self.texts.iter().find(|(k, _)| k == key) else {
                if *key == "ten" {
                    report(key, true, Kind::MissingKey("ten".into()));
                    sound = false;
                }
                continue;
            };
            // Nested group rows come one a line.
            let text = match checked_text(raw, *key == "nhom") {
                Ok(text) => text,
                Err(kind) => {
                    report(key, false, kind);
                    sound = false;
                    continue;
                }
            };
            let field = match *key {
                "ten" => {
                    named = !text.is_empty();
                    if !named {
                        report(key, false, Kind::EmptyText);
                        sound = false;
                    }
                    person.ten = text;
                    continue;
                }
                "danh_xung" => &mut person.danh_xung,
                "chuc_vu" => &mut person.chuc_vu,
                "don_vi" => &mut person.don_vi,
                "so_so" => &mut person.so_so,
                "thanh_tich" => &mut person.thanh_tich,
                "nhom" => &mut person.nhom,
                "de_nghi" => &mut person.de_nghi,
                _ => continue,
            };
            *field = Some(text).filter(|t| !t.is_empty());
        }
        (named && sound).then_some(person)
    }
}

/// "Ông", "Bà", "Anh", "Chị": how a person is addressed (not a rank).
fn is_address(title: &str) -> bool {
    matches!(fold(title).split(' ').next(), Some("ong" | "ba" | "anh" | "chi"))
}

/// The kind of rows with neither their own nor a section's: from the
/// sheet's name, a title row above the header, or (a guess, warned) the
/// name column's title.
fn default_kind(grid: &Grid, header: &table::Header) -> Option<(LoaiNguoiNhan, KindSource)> {
    if let Some(sheet) = &grid.sheet {
        if let Some(kind) = section_kind(sheet) {
            return Some((kind, KindSource::SheetName(sheet.clone())));
        }
    }
    let mentions = |text: &str| {
        let folded = format!(" {} ", fold(text));
        match (folded.contains(" tap the "), folded.contains(" ca nhan ")) {
            (true, false) => Some(LoaiNguoiNhan::TapThe),
            (false, true) => Some(LoaiNguoiNhan::CaNhan),
            _ => None,
        }
    };
    for row in grid.rows.iter().take_while(|r| r.number < header.row) {
        let text = row.cells.iter().filter_map(|(_, c)| super::display::show(c).ok()).collect::<Vec<_>>().join(" ");
        if let Some(kind) = mentions(&text) {
            return Some((kind, KindSource::Title(text)));
        }
    }
    let name = header.column_of(Field::Name)?;
    let folded = fold(&name.title);
    let kind = if folded.starts_with("ho va ten") || folded.starts_with("ho ten") {
        mentions(&folded).or(Some(LoaiNguoiNhan::CaNhan))
    } else {
        mentions(&folded).or_else(|| folded.starts_with("ten don vi").then_some(LoaiNguoiNhan::TapThe))
    }?;
    Some((kind, KindSource::NameTitle { column: column_name(grid, name.index), title: name.title.clone() }))
}

fn column_name(grid: &Grid, index: usize) -> String {
    match grid.sheet {
        Some(_) => column_letters(index),
        None => (index + 1).to_string(),
    }
}
