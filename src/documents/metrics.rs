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
    let set = |columns: &[usize], widths: Vec<f32>| -> Table {
        let pick = |cells: &[String]| columns.iter().map(|&c| cells.get(c).cloned().unwrap_or_default()).collect();
        Table {
            columns: widths,
            aligns: columns.iter().map(|&c| aligns.get(c).copied().unwrap_or(Align::Right)).collect(),
            header: vec![Row { cells: pick(header), bold: true }],
            rows: rows.iter().map(|r| Row { cells: pick(&r.cells), bold: r.bold }).collect(),
            size,
        }
    };
    let table = |columns: &[usize]| -> Option<Table> {
        let one_line: Vec<ColumnNeed> = columns.iter().map(|&c| needs[c].0).collect();
        let wrapped: Vec<ColumnNeed> = columns.iter().map(|&c| needs[c].1).collect();
        let name = columns.iter().position(|&c| c == 1);
        Some(set(columns, share_room(&one_line, &wrapped, name, width)?))
    };
    let every: Vec<usize> = (0..header.len()).collect();
    if let Some(one) = table(&every) {
        return vec![one];
    }
    // Slices: the fixed columns, then figure columns (the totals last) on
    // one grid — every figure column as wide as the widest needs, so the
    // columns of one slice stand under those of the slice above, and as
    // many per slice as fit, shared out evenly over as few slices as that
    // takes (twelve columns that fit seven a slice: two slices of six).
    let slotted: Vec<usize> = figures.iter().chain(&totals).copied().collect();
    let widest = |pick: fn(&(ColumnNeed, ColumnNeed)) -> ColumnNeed| {
        slotted.iter().map(|&c| pick(&needs[c])).fold(ColumnNeed { least: 0.0, most: 0.0 }, |a, b| ColumnNeed {
            least: a.least.max(b.least),
            most: a.most.max(b.most),
        })
    };
    let (slot_one_line, slot_wrapped) = (widest(|n| n.0), widest(|n| n.1));
    let grid = |slots: usize| -> Option<Vec<f32>> {
        let mut one_line: Vec<ColumnNeed> = (0..fixed).map(|c| needs[c].0).collect();
        let mut wrapped: Vec<ColumnNeed> = (0..fixed).map(|c| needs[c].1).collect();
        one_line.extend(std::iter::repeat_n(slot_one_line, slots));
        wrapped.extend(std::iter::repeat_n(slot_wrapped, slots));
        share_room(&one_line, &wrapped, (fixed > 1).then_some(1), width)
    };
    if let Some(most) = (1..slotted.len()).rev().find(|&slots| grid(slots).is_some()) {
        let slices = slotted.len().div_ceil(most);
        let per_slice = slotted.len().div_ceil(slices);
        if let Some(widths) = grid(per_slice) {
            // The first slices one column more than the last ones when the
            // columns do not share out exactly (21 over 5: 5, 4, 4, 4, 4).
            let (small, more) = (slotted.len() / slices, slotted.len() % slices);
            let mut start = 0;
            return (0..slices)
                .map(|i| {
                    let count = small + usize::from(i < more);
                    let mut columns: Vec<usize> = (0..fixed).collect();
                    columns.extend_from_slice(&slotted[start..start + count]);
                    start += count;
                    set(&columns, widths[..columns.len()].to_vec())
                })
                .collect();
        }
    }
    // Not even one figure column beside the names fits: squeeze every
    // column in proportion (cell text is cut to its column, never past it).
    let least: f32 = needs.iter().map(|(_, n)| n.least).sum();
    let squeezed: Vec<ColumnNeed> = needs
        .iter()
        .map(|(_, n)| ColumnNeed { least: n.least * width / least, most: n.least * width / least })
        .collect();
    let widths = fit_columns(&squeezed, width, &[]).unwrap_or_else(|| squeezed.iter().map(|n| n.least).collect());
    vec![set(&every, widths)]
}

/// Column widths (mm) summing to `width`: every header on one line when
/// that fits (the name column `name` takes what is left); else each
/// column as wide as its cells with its header wrapped, then the room left
/// goes first to the name column up to its longest line, then to the
/// wrapped headers in proportion to what each lacks, the rest to the
/// name — so neither a name nor a header is squeezed into a column of
/// syllables while room goes elsewhere. `None` when even the least widths
/// do not fit.
fn share_room(one_line: &[ColumnNeed], wrapped: &[ColumnNeed], name: Option<usize>, width: f32) -> Option<Vec<f32>> {
    let stretch: Vec<f32> = (0..one_line.len()).map(|i| if Some(i) == name { 1.0 } else { 0.0 }).collect();
    if one_line.iter().map(|n| n.most).sum::<f32>() <= width {
        return fit_columns(one_line, width, &stretch);
    }
    let needed: f32 = wrapped.iter().map(|n| n.most).sum();
    if needed > width {
        return fit_columns(wrapped, width, &stretch);
    }
    let mut widths: Vec<f32> = wrapped.iter().map(|n| n.most).collect();
    let mut spare = width - needed;
    if let Some(name) = name {
        let grow = (one_line[name].most - widths[name]).clamp(0.0, spare);
        widths[name] += grow;
        spare -= grow;
    }
    let lack: Vec<f32> = widths.iter().zip(one_line).map(|(w, n)| (n.most - w).max(0.0)).collect();
    let lacking: f32 = lack.iter().sum();
    if lacking > 0.0 {
        let given = spare.min(lacking);
        for (w, l) in widths.iter_mut().zip(&lack) {
            *w += given * l / lacking;
        }
        spare -= given;
    }
    let last = widths.len() - 1;
    widths[name.unwrap_or(last)] += spare;
    Some(widths)
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
        // One grid: every table's columns are a prefix of the first's, the
        // figure columns all one width, the slices even.
        let first = &tables[0].columns;
        for table in &tables {
            assert_eq!(table.columns[..], first[..table.columns.len()], "one grid");
            assert!(table.columns.len() + 1 >= first.len(), "even slices");
        }
        assert!(first[3..].windows(2).all(|w| w[0] == w[1]), "{first:?}");
        // As few as fit: one slice fewer would need a column more per slice
        // than the least widths allow (each column at least its longest word).
        let slots: usize = 12;
        let fewer = slots.div_ceil(tables.len() - 1);
        let bold_least = |text: &str| column_need([(text, true)], 12.0).least;
        let plain_most = |text: &str| column_need([(text, false)], 12.0).most;
        let stt = bold_least("STT");
        let unit = bold_least("Đơn vị tính").max(plain_most("lượt người"));
        let slot = bold_least("Tổng cộng").max(bold_least("Năm 2013")).max(plain_most("13.580.237"));
        assert!(
            stt + MIN_NAME_COLUMN_MM + unit + fewer as f32 * slot > 165.0,
            "{} slices where {} would fit",
            tables.len(),
            tables.len() - 1
        );

        // Few columns: one table, the name column taking the room left.
        let few = fitted_tables(&header[..5], &rows, 3, 1, &aligns, 165.0, 12.0);
        assert_eq!(few.len(), 1);
        assert!((few[0].columns.iter().sum::<f32>() - 165.0).abs() < 0.01);
    }
}
