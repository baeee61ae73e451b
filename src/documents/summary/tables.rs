//! The summary's tables: per indicator (a column per year that has data,
//! the undivided period totals when there are any, the range total, the
//! change against the previous range when anything compares), and each
//! unit's figures ([`UnitLine`]) that the unit table lays out. Only
//! columns with data are printed, and a table too wide for the page is
//! split by years so it stays within the margins.

use crate::doc::{Align, Page, Row, Table};
use crate::input::ChiTieu;

use super::figures::{Range, RowFigures};
use crate::documents::metrics::{self, figure};

/// Size of the summary tables' text.
pub(super) const TABLE_SIZE: f32 = 11.0;

/// The metric name column is not squeezed below this (mm): a table that
/// would need it narrower is split by years.
const MIN_NAME_MM: f32 = 50.0;

/// One printed row of the metrics table.
pub(super) struct MetricLine<'a> {
    pub(super) metric: &'a ChiTieu,
    pub(super) figures: RowFigures,
    /// "+12,5%"; none when it does not compare.
    pub(super) change: Option<String>,
}

/// What the metrics table prints.
pub(super) struct Columns {
    /// Years of the range with data in some row (none for a single year:
    /// the total column is that year).
    pub(super) years: Vec<i32>,
    pub(super) undivided: bool,
    /// The previous range, when some row compares with it.
    pub(super) previous: Option<Range>,
    pub(super) units: bool,
}

/// The metrics table, its columns sized from their content, split by years
/// into as few tables as fit `page` (the undivided, total and comparison
/// columns go with the last years).
pub(super) fn metric_tables(lines: &[MetricLine], columns: &Columns, range: Range, page: Page) -> Vec<Table> {
    let (header, rows, aligns, trailing) = metric_table(lines, columns, range);
    let fixed = if columns.units { 3 } else { 2 };
    metrics::fitted_tables(&header, &rows, fixed, trailing, &aligns, page.text_width(), TABLE_SIZE)
}

/// Whether the table's columns stay within the text width with a usable name column.
pub(super) fn fits(table: &Table, page: Page) -> bool {
    let total: f32 = table.columns.iter().sum();
    table.columns.get(1).is_some_and(|name| *name >= MIN_NAME_MM) && total <= page.text_width() + 0.01
}

/// The whole metrics table's header, rows and alignments, and how many
/// columns at its end are totals (they stay together on the last table).
fn metric_table(lines: &[MetricLine], columns: &Columns, range: Range) -> (Vec<String>, Vec<Row>, Vec<Align>, usize) {
    let years = &columns.years;
    let mut header = vec!["STT".to_string(), "Chỉ tiêu".into(), "Đơn vị tính".into()];
    header.extend(years.iter().map(|y| format!("Năm {y}")));
    let before_totals = header.len();
    if columns.undivided {
        header.push("Không chia theo năm".into());
    }
    header.push(if range.len() == 1 { format!("Năm {}", range.from) } else { format!("Tổng {}", range.label()) });
    if let Some(previous) = columns.previous {
        header.push(format!("So với {}", previous.label()));
    }
    let trailing = header.len() - before_totals;
    let metrics: Vec<&ChiTieu> = lines.iter().map(|l| l.metric).collect();
    let mut rows = metrics::metric_rows(&metrics, header.len(), |metric| {
        let line = lines.iter().find(|l| std::ptr::eq(l.metric, metric)).expect("a line per metric");
        let mut cells: Vec<String> =
            years.iter().map(|y| figure(line.figures.years[(y - range.from) as usize])).collect();
        if columns.undivided {
            cells.push(figure(line.figures.undivided));
        }
        cells.push(figure(line.figures.total));
        if columns.previous.is_some() {
            cells.push(line.change.clone().unwrap_or_else(|| "–".into()));
        }
        cells
    });
    let mut aligns = vec![Align::Center, Align::Left, Align::Center];
    if !columns.units {
        // No metric has a unit: no column of blanks.
        header.remove(2);
        aligns.remove(2);
        for row in &mut rows {
            row.cells.remove(2);
        }
    }
    aligns.resize(header.len(), Align::Right);
    (header, rows, aligns, trailing)
}

/// One unit's range figure per indicator, and the total row's.
pub(super) struct UnitLine {
    pub(super) name: String,
    pub(super) figures: Vec<Option<crate::text::vn::Decimal>>,
}
