//! The summary's tables: per indicator (a column per year that has data,
//! the undivided period totals when there are any, the range total, the
//! change against the previous range when anything compares), and per
//! unit with a total row. Only columns with data are printed, and a table
//! too wide for the page is split by years so it stays within the margins.

use crate::doc::{Align, Page, Row, Table};
use crate::input::ChiTieu;
use crate::text::fonts::Face;

use super::super::metrics::{self, figure};
use super::figures::{Range, RowFigures};
use super::indicators::with_unit;

/// Size of the summary tables' text.
const TABLE_SIZE: f32 = 11.0;

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

/// The metrics table, split by years into as few tables as fit `page`
/// (the undivided, total and comparison columns go with the last years).
pub(super) fn metric_tables(lines: &[MetricLine], columns: &Columns, range: Range, page: Page) -> Vec<Table> {
    let years = &columns.years;
    if years.is_empty() {
        return vec![metric_table(lines, columns, &[], true, range, page)];
    }
    let mut parts = 1;
    loop {
        let size = years.len().div_ceil(parts);
        let count = years.len().div_ceil(size);
        let tables: Vec<Table> = years
            .chunks(size)
            .enumerate()
            .map(|(i, chunk)| metric_table(lines, columns, chunk, i + 1 == count, range, page))
            .collect();
        if size == 1 || tables.iter().all(|t| fits(t, page)) {
            return tables;
        }
        parts += 1;
    }
}

/// Whether the table's columns stay within the text width with a usable name column.
pub(super) fn fits(table: &Table, page: Page) -> bool {
    let total: f32 = table.columns.iter().sum();
    table.columns.get(1).is_some_and(|name| *name >= MIN_NAME_MM) && total <= page.text_width() + 0.01
}

fn metric_table(lines: &[MetricLine], columns: &Columns, years: &[i32], last: bool, range: Range, page: Page) -> Table {
    let mut header = vec!["STT".to_string(), "Chỉ tiêu".into(), "Đơn vị tính".into()];
    header.extend(years.iter().map(|y| format!("Năm {y}")));
    if last {
        if columns.undivided {
            header.push("Không chia theo năm".into());
        }
        header.push(if range.len() == 1 {
            format!("Năm {}", range.from)
        } else {
            format!("Tổng {}", range.label())
        });
        if let Some(previous) = columns.previous {
            header.push(format!("So với {}", previous.label()));
        }
    }
    let metrics: Vec<&ChiTieu> = lines.iter().map(|l| l.metric).collect();
    let mut rows = metrics::metric_rows(&metrics, header.len(), |metric| {
        let line = lines.iter().find(|l| std::ptr::eq(l.metric, metric)).expect("a line per metric");
        let mut cells: Vec<String> =
            years.iter().map(|y| figure(line.figures.years[(y - range.from) as usize])).collect();
        if last {
            if columns.undivided {
                cells.push(figure(line.figures.undivided));
            }
            cells.push(figure(line.figures.total));
            if columns.previous.is_some() {
                cells.push(line.change.clone().unwrap_or_else(|| "–".into()));
            }
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
    let header = vec![Row { cells: header, bold: true }];
    let widths = metrics::column_widths(&header[0].cells, &rows, page.text_width(), TABLE_SIZE);
    aligns.resize(widths.len(), Align::Right);
    Table { columns: widths, aligns, header, rows, size: TABLE_SIZE }
}

/// One unit's range figure per indicator, and the total row's.
pub(super) struct UnitLine {
    pub(super) name: String,
    pub(super) figures: Vec<Option<crate::text::vn::Decimal>>,
}

/// Indicator columns per unit table: what fits across the page.
fn metrics_per_table(page: Page) -> usize {
    if page.width > page.height {
        7
    } else {
        4
    }
}

/// One row per unit and the total row, a column per indicator with data;
/// "–" where a unit lacks it, never 0. Wide indicator sets are split.
pub(super) fn unit_tables(metrics: &[&ChiTieu], units: &[UnitLine], total: &UnitLine, page: Page) -> Vec<Table> {
    let shown: Vec<usize> = (0..metrics.len()).filter(|&m| units.iter().any(|u| u.figures[m].is_some())).collect();
    let name_width = units
        .iter()
        .map(|u| Face::Regular.metrics().width(&u.name, TABLE_SIZE) * 25.4 / 72.0 + 4.5)
        .fold(40.0, f32::max)
        .min(60.0);
    shown
        .chunks(metrics_per_table(page))
        .map(|chunk| {
            let mut header = vec!["STT".to_string(), "Đơn vị".into()];
            header.extend(chunk.iter().map(|&m| with_unit(metrics[m])));
            let mut rows: Vec<Row> = units
                .iter()
                .enumerate()
                .map(|(i, unit)| {
                    let mut cells = vec![(i + 1).to_string(), unit.name.clone()];
                    cells.extend(chunk.iter().map(|&m| figure(unit.figures[m])));
                    Row { cells, bold: false }
                })
                .collect();
            let mut cells = vec![String::new(), total.name.clone()];
            cells.extend(chunk.iter().map(|&m| figure(total.figures[m])));
            rows.push(Row { cells, bold: true });
            let figure_width = (page.text_width() - 12.0 - name_width) / chunk.len() as f32;
            let mut columns = vec![12.0, name_width];
            columns.extend(std::iter::repeat_n(figure_width, chunk.len()));
            let mut aligns = vec![Align::Center, Align::Left];
            aligns.resize(columns.len(), Align::Right);
            Table { columns, aligns, header: vec![Row { cells: header, bold: true }], rows, size: TABLE_SIZE }
        })
        .collect()
}
