//! The figures laid out: the metrics table's columns, the page they need
//! (portrait unless the table needs a landscape page's width), the metrics
//! and units tables, and the charts.

use crate::doc::{Chart, Page, Table};
use crate::input::ChiTieu;

use super::charts;
use super::figures::Range;
use super::found::Found;
use super::tables::{self, Columns};
use super::unit_table::{self, UnitTables};

/// The figures laid out: the metrics table's columns, the page they need,
/// the tables and the charts.
pub(super) struct Layout {
    pub(super) columns: Columns,
    pub(super) page: Page,
    pub(super) metric_tables: Vec<Table>,
    pub(super) units: UnitTables,
    pub(super) charts: Vec<Chart>,
}

impl Layout {
    /// `found` laid out over `range`, charting the `chart` codes.
    pub(super) fn of(found: &Found, range: Range, chart: &[String]) -> Layout {
        let lines = &found.lines;
        let columns = Columns {
            years: if range.len() > 1 { found.years.clone() } else { Vec::new() },
            undivided: !found.years.is_empty() && lines.iter().any(|l| l.figures.undivided.is_some()),
            previous: lines.iter().any(|l| l.change.is_some()).then_some(range.previous()),
            units: lines.iter().any(|l| l.metric.don_vi.is_some()),
        };
        // Portrait unless the metrics table needs the width of a landscape page.
        let portrait = tables::metric_tables(lines, &columns, range, Page::A4);
        let (page, metric_tables) = if portrait.len() == 1 && tables::fits(&portrait[0], Page::A4) {
            (Page::A4, portrait)
        } else {
            (Page::A4_LANDSCAPE, tables::metric_tables(lines, &columns, range, Page::A4_LANDSCAPE))
        };
        let shown: Vec<&ChiTieu> = lines.iter().map(|l| l.metric).collect();
        let units = unit_table::unit_tables(&shown, &found.unit_lines, &found.unit_total, page);
        let chosen = charts::chosen(lines, chart);
        let charts = charts::charts(&chosen, &found.years, range, page);
        Layout { columns, page, metric_tables, units, charts }
    }
}
