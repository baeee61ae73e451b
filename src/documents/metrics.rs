//! The metrics table's parts shared by the report and the summary: group
//! order, the rows with their Roman-numbered groups, figures, and column
//! widths fitted to the content.

use crate::doc::Row;
use crate::input::ChiTieu;
use crate::text::fonts::Face;
use crate::text::vn::Decimal;
use crate::words::markup;

/// A figure in Vietnamese form, or "–" where there is none (never 0).
pub(crate) fn figure(value: Option<Decimal>) -> String {
    value.map_or_else(|| "–".to_string(), |v| v.vietnamese())
}

/// Metrics grouped by `nhom` in order of first appearance, ungrouped first.
pub(crate) fn in_group_order(metrics: &[ChiTieu]) -> Vec<&ChiTieu> {
    let mut groups: Vec<Option<&str>> = Vec::new();
    for metric in metrics {
        if !groups.contains(&metric.nhom.as_deref()) {
            groups.push(metric.nhom.as_deref());
        }
    }
    groups.sort_by_key(|g| g.is_some());
    groups.into_iter().flat_map(|g| metrics.iter().filter(move |m| m.nhom.as_deref() == g)).collect()
}

/// Rows of a metrics table (`metrics` in group order): a bold row with a
/// Roman numeral opening each group, then STT | name | unit | `cells`.
pub(crate) fn metric_rows(metrics: &[&ChiTieu], width: usize, cells: impl Fn(&ChiTieu) -> Vec<String>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut group: Option<&str> = None;
    let mut group_number = 0;
    for (i, metric) in metrics.iter().enumerate() {
        if let Some(name) = metric.nhom.as_deref().filter(|n| Some(*n) != group) {
            group_number += 1;
            let mut header = vec![markup::roman(group_number), name.to_string()];
            header.resize(width, String::new());
            rows.push(Row { cells: header, bold: true });
        }
        group = metric.nhom.as_deref();
        let mut row = vec![(i + 1).to_string(), metric.ten.clone(), metric.don_vi.clone().unwrap_or_default()];
        row.extend(cells(metric));
        rows.push(Row { cells: row, bold: false });
    }
    rows
}

/// Widths in mm: STT fixed, the other columns as wide as their widest
/// cell and their header on one line; when that leaves the metric name too
/// little room, headers wrap at their widest word instead.
pub(crate) fn column_widths(header: &[String], rows: &[Row], total: f32, size: f32) -> Vec<f32> {
    let mm = |face: Face, text: &str| face.metrics().width(text, size) * 25.4 / 72.0;
    // Cell padding (both sides) plus slack for Word's and LibreOffice's borders.
    let padding = 4.5;
    let fitted = |column: usize, header_width: f32| -> f32 {
        let cells = rows.iter().filter_map(|r| r.cells.get(column)).map(|t| mm(Face::Regular, t)).fold(0.0, f32::max);
        (cells.max(header_width) + padding).max(14.0)
    };
    let with = |header_width: &dyn Fn(&str) -> f32| -> Vec<f32> {
        let mut widths = vec![12.0, 0.0];
        widths.extend((2..header.len()).map(|c| fitted(c, header_width(&header[c]))));
        let used: f32 = widths.iter().sum();
        widths[1] = total - used;
        widths
    };
    let one_line = with(&|h| mm(Face::Bold, h));
    if one_line[1] >= MIN_NAME_COLUMN_MM {
        return one_line;
    }
    let mut wrapped = with(&|h| h.split(' ').map(|w| mm(Face::Bold, w)).fold(0.0, f32::max));
    wrapped[1] = wrapped[1].max(30.0);
    wrapped
}

/// The metric name column is never squeezed below this (mm) to keep a
/// header on one line.
const MIN_NAME_COLUMN_MM: f32 = 50.0;
