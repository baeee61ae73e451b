//! The figures of the asked range, after the indicators are resolved: each
//! indicator's row in group order, the lines the metrics table prints (with
//! the change against the previous range), the years with data, and the
//! units' lines with their total row.

use crate::diag::{Failure, Kind};
use crate::documents::metrics;
use crate::input::ChiTieu;

use super::asked::Asked;
use super::figures::{self, Body, RowFigures};
use super::options::problem;
use super::tables::{MetricLine, UnitLine};

/// The figures of the range: every indicator's row, the lines printed
/// (indicators with a total), the years with data, and per unit.
pub(super) struct Found<'a> {
    /// Every indicator in group order: its index and range figures.
    pub(super) rows: Vec<(usize, RowFigures)>,
    /// The rows with a total, as the metrics table prints them.
    pub(super) lines: Vec<MetricLine<'a>>,
    /// Years of the range with a figure in some line.
    pub(super) years: Vec<i32>,
    /// Per unit, a figure per line; and the total row by the same rules
    /// as the metrics table.
    pub(super) unit_lines: Vec<UnitLine>,
    pub(super) unit_total: UnitLine,
    /// Whether some total differs from the sum of the units' figures.
    pub(super) total_differs: bool,
}

impl<'a> Found<'a> {
    /// The figures of `metrics` over `asked`'s range, from the `overall`
    /// bodies and the `units`; refused when no indicator has one.
    pub(super) fn of(
        metrics: &'a [ChiTieu],
        overall: &[Body],
        units: &[Body],
        asked: &Asked,
    ) -> Result<Found<'a>, Failure> {
        let range = asked.range;
        let order: Vec<usize> = metrics::in_group_order(metrics)
            .into_iter()
            .map(|m| metrics.iter().position(|n| std::ptr::eq(n, m)).expect("from the list"))
            .collect();
        let rows: Vec<(usize, RowFigures)> =
            order.iter().map(|&i| (i, figures::row(overall, i, &metrics[i], range))).collect();
        let lines: Vec<MetricLine> = rows
            .iter()
            .filter(|(_, row)| row.total.is_some())
            .map(|(i, row)| MetricLine {
                metric: &metrics[*i],
                figures: row.clone(),
                change: figures::previous(overall, *i, &metrics[*i], range)
                    .and_then(|before| figures::change(row.total?, before)),
            })
            .collect();
        if lines.is_empty() {
            let (from, to, periods) = (asked.from, asked.to, asked.periods.clone());
            return Err(problem("--from, --to", Kind::NoDataInRange { from, to, periods }));
        }
        let years: Vec<i32> = range
            .years()
            .filter(|y| lines.iter().any(|l| l.figures.years[(y - range.from) as usize].is_some()))
            .collect();
        let line_index = |line: &MetricLine| metrics.iter().position(|m| std::ptr::eq(m, line.metric)).expect("listed");
        let unit_lines: Vec<UnitLine> = units
            .iter()
            .map(|unit| UnitLine {
                name: unit.name.clone(),
                figures: lines
                    .iter()
                    .map(|l| unit.figure(line_index(l), l.metric.cach_tinh, range).value(l.metric.cach_tinh))
                    .collect(),
            })
            .collect();
        let unit_total = UnitLine {
            name: "Tổng cộng".into(),
            figures: lines.iter().map(|l| figures::row(units, line_index(l), l.metric, range).total).collect(),
        };
        let total_differs = (0..lines.len()).any(|m| {
            let added = unit_lines.iter().fold(None, |sum, u| figures::add(sum, u.figures[m]));
            added != unit_total.figures[m]
        });
        Ok(Found { rows, lines, years, unit_lines, unit_total, total_differs })
    }
}
