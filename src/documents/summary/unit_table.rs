//! The summary's comparison of units ("Kết quả theo đơn vị"), laid out for
//! a leader to read: only where there are units to compare, only the
//! indicators they share (every unit's, else those two units or more
//! report), and — when there are more indicators than units — indicators
//! as rows grouped by `nhom` with a column per unit and the total; else a
//! row per unit with a column per indicator.

use crate::doc::{Align, Page, Row, Table};
use crate::input::ChiTieu;

use super::indicators::with_unit;
use super::tables::{UnitLine, TABLE_SIZE};
use crate::documents::metrics::{self, figure};

/// The unit tables and what they leave out.
pub(super) struct UnitTables {
    pub(super) tables: Vec<Table>,
    /// Units as columns, indicators as rows.
    pub(super) by_column: bool,
    /// Indicators compared, and those some unit reports that are not.
    pub(super) compared: usize,
    pub(super) left_out: usize,
    /// The compared ones are every unit's.
    pub(super) shared_by_all: bool,
}

impl UnitTables {
    fn none() -> UnitTables {
        UnitTables { tables: Vec::new(), by_column: false, compared: 0, left_out: 0, shared_by_all: true }
    }
}

/// `units`' figures of `metrics` (each unit's line, and the total line)
/// as the tables that compare them within `page`.
pub(super) fn unit_tables(metrics: &[&ChiTieu], units: &[UnitLine], total: &UnitLine, page: Page) -> UnitTables {
    if units.len() < 2 {
        return UnitTables::none();
    }
    let reported = |m: usize| units.iter().filter(|u| u.figures[m].is_some()).count();
    let mut shared: Vec<usize> = (0..metrics.len()).filter(|&m| reported(m) == units.len()).collect();
    let shared_by_all = !shared.is_empty();
    if !shared_by_all {
        shared = (0..metrics.len()).filter(|&m| reported(m) >= 2).collect();
    }
    if shared.is_empty() {
        return UnitTables::none();
    }
    let left_out = (0..metrics.len()).filter(|&m| reported(m) > 0 && !shared.contains(&m)).count();
    let by_column = shared.len() > units.len();
    let tables = if by_column {
        indicators_by_row(metrics, &shared, units, total, page)
    } else {
        units_by_row(metrics, &shared, units, total, page)
    };
    UnitTables { tables, by_column, compared: shared.len(), left_out, shared_by_all }
}

/// A row per indicator (in `nhom` groups, each opened by its numbered
/// row), a column per unit, the total last.
fn indicators_by_row(
    metrics: &[&ChiTieu],
    shown: &[usize],
    units: &[UnitLine],
    total: &UnitLine,
    page: Page,
) -> Vec<Table> {
    // Groups in the order they first appear, ungrouped indicators first —
    // the metrics table's order.
    let group_rank = |m: usize| {
        metrics[m]
            .nhom
            .as_deref()
            .map_or(0, |g| 1 + metrics.iter().position(|x| x.nhom.as_deref() == Some(g)).unwrap_or(0))
    };
    let mut order = shown.to_vec();
    order.sort_by_key(|&m| group_rank(m));
    let ordered: Vec<&ChiTieu> = order.iter().map(|&m| metrics[m]).collect();
    let units_column = ordered.iter().any(|m| m.don_vi.is_some());
    let mut header = vec!["STT".to_string(), "Chỉ tiêu".into(), "Đơn vị tính".into()];
    header.extend(units.iter().map(|u| u.name.clone()));
    header.push(total.name.clone());
    let mut rows = metrics::metric_rows(&ordered, header.len(), |metric| {
        let m = metrics.iter().position(|x| std::ptr::eq(*x, metric)).expect("a shown metric");
        units.iter().chain([total]).map(|u| figure(u.figures[m])).collect()
    });
    let mut aligns = vec![Align::Center, Align::Left, Align::Center];
    if !units_column {
        header.remove(2);
        aligns.remove(2);
        for row in &mut rows {
            row.cells.remove(2);
        }
    }
    aligns.resize(header.len(), Align::Right);
    let fixed = if units_column { 3 } else { 2 };
    metrics::fitted_tables(&header, &rows, fixed, 1, &aligns, page.text_width(), TABLE_SIZE)
}

/// A row per unit and the total row, a column per indicator; "–" where a
/// unit lacks it, never 0.
fn units_by_row(metrics: &[&ChiTieu], shown: &[usize], units: &[UnitLine], total: &UnitLine, page: Page) -> Vec<Table> {
    let mut header = vec!["STT".to_string(), "Đơn vị".into()];
    header.extend(shown.iter().map(|&m| with_unit(metrics[m])));
    let mut rows: Vec<Row> = units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let mut cells = vec![(i + 1).to_string(), unit.name.clone()];
            cells.extend(shown.iter().map(|&m| figure(unit.figures[m])));
            Row { cells, bold: false }
        })
        .collect();
    let mut cells = vec![String::new(), total.name.clone()];
    cells.extend(shown.iter().map(|&m| figure(total.figures[m])));
    rows.push(Row { cells, bold: true });
    let mut aligns = vec![Align::Center, Align::Left];
    aligns.resize(header.len(), Align::Right);
    metrics::fitted_tables(&header, &rows, 2, 0, &aligns, page.text_width(), TABLE_SIZE)
}
