//! The metrics table's parts shared by the report and the summary: group
//! order, the rows with their Roman-numbered groups, figures, and tables
//! whose columns are sized from their content and that never run past the
//! margins (many year columns are shared out over several tables).

use crate::doc::{Align, Row, Table};
use crate::input::ChiTieu;
use crate::text::measure::{column_need, fit_columns, ColumnNeed};
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

/// The narrowest a metric or unit name column is set, mm: narrower, a
/// name wraps into a column of syllables.
const MIN_NAME_COLUMN_MM: f32 = 35.0;

/// A unit or figure up to this wide (mm) is never wrapped.
const SHORT_CELL_MM: f32 = 30.0;

/// `header` and `rows` as tables that fit `width` mm at `size` pt, columns
/// sized from their content ([`fit_columns`]): one table when it fits; else
/// the first `fixed` columns (STT, name, unit) on every table and the
/// figure columns after them shared out over as few tables as fit, the last
/// `trailing` ones (the totals) on the last — every figure stays readable
/// at `size`, nothing is set past the margins.
pub(crate) fn fitted_tables(
    header: &[String],
    rows: &[Row],
    fixed: usize,
    trailing: usize,
    aligns: &[Align],
    width: f32,
    size: f32,
) -> Vec<Table> {
    // Two needs per column: with the header on one line, and with the
    // header wrapped at its words. Only the name column wraps its cells; a
    // unit or a figure stays on one line (up to SHORT_CELL_MM).
    let needs: Vec<(ColumnNeed, ColumnNeed)> = (0..header.len())
        .map(|c| {
            let head = column_need([(header[c].as_str(), true)], size);
            let body = column_need(rows.iter().map(|r| (r.cells.get(c).map_or("", String::as_str), r.bold)), size);
            let mut least = head.least.max(body.least);
            if c == 1 {
                least = least.max(MIN_NAME_COLUMN_MM);
            } else {
                least = least.max(body.most.min(SHORT_CELL_MM));
            }
            let wrapped = ColumnNeed { least, most: body.most.max(least) };
            let one_line = ColumnNeed { least, most: wrapped.most.max(head.most) };
            (one_line, wrapped)
        })
        .collect();
    let figures: Vec<usize> = (fixed..header.len() - trailing).collect();
    let totals: Vec<usize> = (header.len() - trailing..header.len()).collect();
    let table = |columns: &[usize]| -> Option<Table> {
        // Headers on one line when everything fits so, else wrapped; the
        // name column takes what is left.
        let one_line: Vec<ColumnNeed> = columns.iter().map(|&c| needs[c].0).collect();
        let wrapped: Vec<ColumnNeed> = columns.iter().map(|&c| needs[c].1).collect();
        let stretch: Vec<f32> = columns.iter().map(|&c| if c == 1 { 1.0 } else { 0.0 }).collect();
        let fits_on_one_line = one_line.iter().map(|n| n.most).sum::<f32>() <= width;
        let widths = fit_columns(if fits_on_one_line { &one_line } else { &wrapped }, width, &stretch)?;
        let pick = |cells: &[String]| columns.iter().map(|&c| cells.get(c).cloned().unwrap_or_default()).collect();
        Some(Table {
            columns: widths,
            aligns: columns.iter().map(|&c| aligns.get(c).copied().unwrap_or(Align::Right)).collect(),
            header: vec![Row { cells: pick(header), bold: true }],
            rows: rows.iter().map(|r| Row { cells: pick(&r.cells), bold: r.bold }).collect(),
            size,
        })
    };
    let with = |part: &[usize], last: bool| -> Vec<usize> {
        let mut columns: Vec<usize> = (0..fixed).collect();
        columns.extend_from_slice(part);
        if last {
            columns.extend(&totals);
        }
        columns
    };
    for parts in 1..=figures.len().max(1) {
        let chunk = figures.len().div_ceil(parts).max(1);
        let chunks: Vec<&[usize]> = if figures.is_empty() { vec![&[][..]] } else { figures.chunks(chunk).collect() };
        let last = chunks.len() - 1;
        let tables: Option<Vec<Table>> =
            chunks.iter().enumerate().map(|(i, part)| table(&with(part, i == last))).collect();
        if let Some(tables) = tables {
            return tables;
        }
    }
    // Not even one figure column beside the names fits: squeeze every
    // column in proportion (cell text is cut to its column, never past it).
    let columns: Vec<usize> = (0..header.len()).collect();
    let least: f32 = needs.iter().map(|(_, n)| n.least).sum();
    let squeezed: Vec<ColumnNeed> = needs
        .iter()
        .map(|(_, n)| ColumnNeed { least: n.least * width / least, most: n.least * width / least })
        .collect();
    let widths = fit_columns(&squeezed, width, &[]).unwrap_or_else(|| squeezed.iter().map(|n| n.least).collect());
    let mut table = table(&columns).unwrap_or(Table {
        columns: Vec::new(),
        aligns: aligns.to_vec(),
        header: vec![Row { cells: header.to_vec(), bold: true }],
        rows: rows.to_vec(),
        size,
    });
    table.columns = widths;
    vec![table]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str], bold: bool) -> Row {
        Row { cells: cells.iter().map(|c| c.to_string()).collect(), bold }
    }

    #[test]
    fn many_year_columns_are_shared_over_tables_that_fit() {
        let mut header = vec!["STT".to_string(), "Chỉ tiêu".into(), "Đơn vị tính".into()];
        header.extend((2013..=2023).map(|y| format!("Năm {y}")));
        header.push("Tổng cộng".into());
        let mut cells = vec!["1", "Số vụ việc mâu thuẫn được hòa giải thành công tại cơ sở", "lượt người"];
        cells.extend(std::iter::repeat_n("1.234.567", 11));
        cells.push("13.580.237");
        let rows = vec![row(&cells, false), row(&["I", "Nhóm", ""], true)];
        let aligns = [Align::Center, Align::Left, Align::Center];
        let tables = fitted_tables(&header, &rows, 3, 1, &aligns, 165.0, 12.0);
        assert!(tables.len() >= 2, "{} table(s)", tables.len());
        let mut years = 0;
        for table in &tables {
            assert!(table.columns.iter().sum::<f32>() <= 165.01, "{:?}", table.columns);
            assert_eq!(&table.header[0].cells[..3], &header[..3], "names on every table");
            assert_eq!(table.rows[0].cells.len(), table.columns.len());
            years += table.header[0].cells.iter().filter(|c| c.starts_with("Năm")).count();
        }
        assert_eq!(years, 11, "every year once");
        assert_eq!(tables.last().unwrap().header[0].cells.last().unwrap(), "Tổng cộng");

        // Few columns: one table, the name column taking the room left.
        let few = fitted_tables(&header[..5], &rows, 3, 1, &aligns, 165.0, 12.0);
        assert_eq!(few.len(), 1);
        assert!((few[0].columns.iter().sum::<f32>() - 165.0).abs() < 0.01);
    }
}
