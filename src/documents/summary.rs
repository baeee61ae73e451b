//! Period summaries on demand (`baocao summary`): totals over any range of
//! years from one or more inputs, per metric (with per-year columns and the
//! change against the previous range of equal length), per unit with a
//! total row, and a bar chart of the per-year values — in the same NĐ 30
//! layout as the report, worded by the `tong-hop` template.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::metrics::{self, figure};
use super::nd30;
use crate::diag::Failure;
use crate::diag::{Kind, Location, Problem};
use crate::doc::{Align, Block, Chart, Color, Document, Header, Page, Row, Series, Table, Title};
use crate::input::{self, ChiTieu, GiaiDoan, Input, KetQuaNam};
use crate::text::vn::{self, Date, Decimal};
use crate::words::awards;
use crate::words::markup;
use crate::words::templates::Templates;

/// What `baocao summary` is asked for.
#[derive(Debug, Clone, Default)]
pub struct SummaryRequest {
    pub inputs: Vec<PathBuf>,
    pub from: i32,
    pub to: i32,
    /// Issuing body for the header instead of the first input's.
    pub co_quan: Option<String>,
    /// Metric codes to chart; empty: the first two with yearly data.
    pub chart: Vec<String>,
    /// The summary's date; without it the date line is left to fill in by hand.
    pub ngay: Option<Date>,
    pub templates: Option<PathBuf>,
}

/// Where figures come from: an input file, or one of its `don_vi_con`.
struct Source<'a> {
    name: String,
    period: GiaiDoan,
    years: &'a [KetQuaNam],
    totals: &'a [(String, Decimal)],
}

impl Source<'_> {
    fn yearly(&self, code: &str, year: i32) -> Option<Decimal> {
        input::yearly_value(self.years, code, year)
    }

    fn has_yearly(&self, code: &str) -> bool {
        self.years.iter().any(|y| y.gia_tri.iter().any(|(c, _)| c == code))
    }

    /// The source's figure for `code` over `from..=to`: the sum of its
    /// years; or, for a metric it gives only as a period total, that total
    /// when the range is exactly its period.
    fn over(&self, code: &str, from: i32, to: i32) -> Option<Decimal> {
        if self.has_yearly(code) {
            let values: Vec<Decimal> = (from..=to).filter_map(|y| self.yearly(code, y)).collect();
            return (!values.is_empty()).then(|| values.into_iter().sum());
        }
        let whole_period = self.period.tu == from && self.period.den == to;
        self.totals.iter().find(|(c, _)| c == code).filter(|_| whole_period).map(|(_, v)| *v)
    }
}

fn sum(values: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    values.flatten().fold(None, |acc, v| Some(acc.unwrap_or_default() + v))
}

/// "+12,5%", "-3%", rounded to one decimal.
fn change(current: Decimal, previous: Decimal) -> Option<String> {
    let previous = previous.to_f64();
    if previous == 0.0 {
        return None;
    }
    let percent = (current.to_f64() - previous) / previous * 100.0;
    let tenths = (percent * 10.0).round() as i64;
    let text =
        Decimal::parse(&format!("{}{}.{}", if tenths < 0 { "-" } else { "" }, tenths.abs() / 10, tenths.abs() % 10))?;
    let sign = if tenths > 0 { "+" } else { "" };
    Some(format!("{sign}{}%", text.vietnamese()))
}

/// What the `tong-hop` template sees.
#[derive(Serialize)]
struct Context<'a> {
    tu: i32,
    den: i32,
    so_nguon: usize,
    /// Units compared (several inputs, or one input's `don_vi_con`).
    don_vi: Vec<String>,
    so_don_vi: usize,
    chuong_trinh: &'a input::ChuongTrinh,
    /// Metrics given only as period totals, not summable over this range.
    khong_theo_nam: Vec<String>,
    co_bieu_do: bool,
    /// Which inputs and years fed the figures, one line per input.
    nguon: Vec<String>,
}

/// A problem with the command's options: located by the option's name.
fn problem(option: &str, kind: Kind) -> Failure {
    Failure::Input(vec![Problem { location: Location::command_line(), path: option.to_string(), kind }])
}

const PALETTE: [Color; 4] = [Color(158, 27, 27), Color(31, 73, 125), Color(84, 130, 53), Color(191, 144, 0)];

/// The summary document of `request`.
pub fn build(request: &SummaryRequest) -> Result<Document, Failure> {
    let templates = Templates::load(request.templates.as_deref()).map_err(Failure::Input)?;
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in &request.inputs {
        match input::load(path) {
            Ok(input) => inputs.push((path.as_path(), input)),
            Err(found) => problems.extend(found),
        }
    }
    if !problems.is_empty() {
        return Err(Failure::Input(problems));
    }
    let (from, to) = (request.from, request.to);
    let periods: Vec<String> = inputs
        .iter()
        .map(|(path, input)| format!("{} ({}–{})", file_name(path), input.giai_doan.tu, input.giai_doan.den))
        .collect();
    if from > to {
        return Err(problem("--from, --to", Kind::RangeReversed { from, to }));
    }
    if !inputs.iter().any(|(_, i)| i.giai_doan.tu <= from && to <= i.giai_doan.den) {
        return Err(problem("--from, --to", Kind::RangeOutsidePeriods { from, to, periods }));
    }

    let metrics = metric_union(inputs.iter().map(|(_, i)| i));
    let tops: Vec<Source> = inputs
        .iter()
        .map(|(path, input)| Source {
            name: file_name(path),
            period: input.giai_doan,
            years: &input.ket_qua_nam,
            totals: &input.tong_hop,
        })
        .collect();
    let has_data = metrics.iter().any(|m| tops.iter().any(|s| s.over(&m.ma, from, to).is_some()));
    if !has_data {
        return Err(problem("--from, --to", Kind::NoDataInRange { from, to, periods }));
    }
    for code in &request.chart {
        if !metrics.iter().any(|m| &m.ma == code) {
            let known = metrics.iter().map(|m| m.ma.clone()).collect();
            return Err(problem("--chart", Kind::UnknownChartMetric { code: code.clone(), known }));
        }
    }

    // Units: the inputs themselves, or the one input's sub-units.
    let units: Vec<Source> = if inputs.len() > 1 {
        inputs
            .iter()
            .map(|(_, input)| Source {
                name: awards::sentence_case_authority(&input.co_quan.ten),
                period: input.giai_doan,
                years: &input.ket_qua_nam,
                totals: &input.tong_hop,
            })
            .collect()
    } else {
        let input = &inputs[0].1;
        input
            .don_vi_con
            .iter()
            .map(|unit| Source {
                name: unit.ten.clone(),
                period: input.giai_doan,
                years: &unit.ket_qua_nam,
                totals: &unit.tong_hop,
            })
            .collect()
    };

    let years: Vec<i32> = (from..=to).collect();
    let page = if years.len() > 5 { Page::A4_LANDSCAPE } else { Page::A4 };
    let totals_only: Vec<&ChiTieu> = metrics
        .iter()
        .filter(|m| tops.iter().all(|s| !s.has_yearly(&m.ma)) && tops.iter().all(|s| s.over(&m.ma, from, to).is_none()))
        .filter(|m| tops.iter().any(|s| s.totals.iter().any(|(c, _)| c == &m.ma)))
        .collect();
    let chart_codes: Vec<String> = if request.chart.is_empty() {
        metrics
            .iter()
            .filter(|m| years.iter().any(|y| tops.iter().any(|s| s.yearly(&m.ma, *y).is_some())))
            .take(2)
            .map(|m| m.ma.clone())
            .collect()
    } else {
        request.chart.clone()
    };
    let first = &inputs[0].1;
    let context = Context {
        tu: from,
        den: to,
        so_nguon: inputs.len(),
        don_vi: units.iter().map(|u| u.name.clone()).collect(),
        so_don_vi: units.len(),
        chuong_trinh: &first.chuong_trinh,
        khong_theo_nam: totals_only.iter().map(|m| m.ten.clone()).collect(),
        co_bieu_do: !chart_codes.is_empty(),
        nguon: tops.iter().map(|s| source_line(s, &metrics, from, to)).collect(),
    };

    let metric_table = metrics_table(&metrics, &tops, &years, page);
    let unit_tables = units_tables(&metrics, &units, from, to, page);
    let chart = chart(&metrics, &tops, &years, &chart_codes, page);
    let subject = markup::plain_text(templates.render("tong-hop-trich-yeu", &context)?.trim());
    let mut body = nd30::parse_body(&templates, "tong-hop", &context, |name| match name {
        "bang-chi-tieu" => Some(metric_table.iter().cloned().map(Block::Table).collect()),
        "bang-don-vi" => Some(unit_tables.iter().cloned().map(Block::Table).collect()),
        "bieu-do" => Some(chart.clone().map(Block::Chart).into_iter().collect()),
        _ => None,
    })?;
    if let Some(Block::Paragraph(last)) = body.last_mut() {
        last.style.keep_with_next = true;
    }

    let issuer = request.co_quan.clone().unwrap_or_else(|| first.co_quan.ten.clone());
    // Left blank for the văn thư to fill in; no-break spaces keep the gaps.
    let gap = "\u{a0}".repeat(8);
    let number = match &first.co_quan.viet_tat {
        Some(short) => format!("Số:{gap}/BC-{short}"),
        None => format!("Số:{gap}/BC"),
    };
    let date = match request.ngay {
        Some(date) => date.long(),
        None => format!("ngày{gap}tháng{gap}năm{gap}"),
    };
    let mut blocks = vec![
        Block::Header(Header {
            parent: if request.co_quan.is_some() { None } else { first.co_quan.chu_quan.as_deref().map(vn::upper) },
            issuer: vn::upper(&issuer),
            number: Some(number),
            place_date: Some(format!("{}, {date}", first.van_ban.dia_danh)),
        }),
        Block::Title(Title { kind: "BÁO CÁO TỔNG HỢP".into(), subject, note: None }),
    ];
    blocks.extend(body);
    blocks.push(Block::Signature(nd30::signature(&["Lưu: VT".to_string()], &first.nguoi_ky)));
    Ok(Document { title: format!("Báo cáo tổng hợp {from} - {to}"), page, page_numbers: true, blocks })
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap_or_default().to_string_lossy().to_string()
}

/// Metrics of all inputs, matched by `ma`, in order of first appearance;
/// grouped by `nhom` (ungrouped first), as the report orders them.
fn metric_union<'a>(inputs: impl Iterator<Item = &'a Input>) -> Vec<ChiTieu> {
    let mut metrics: Vec<ChiTieu> = Vec::new();
    for input in inputs {
        for metric in &input.chi_tieu {
            if !metrics.iter().any(|m| m.ma == metric.ma) {
                metrics.push(metric.clone());
            }
        }
    }
    metrics::in_group_order(&metrics).into_iter().cloned().collect()
}

/// "Câu lạc bộ phòng, chống tội phạm (CLB)": a metric named with its unit.
fn with_unit(metric: &ChiTieu) -> String {
    match &metric.don_vi {
        Some(unit) => format!("{} ({unit})", metric.ten),
        None => metric.ten.clone(),
    }
}

/// "quan-a.yaml: các năm 2018–2023" — which years of an input fed the figures.
fn source_line(source: &Source, metrics: &[ChiTieu], from: i32, to: i32) -> String {
    let years: Vec<i32> = (from..=to).filter(|y| metrics.iter().any(|m| source.yearly(&m.ma, *y).is_some())).collect();
    let mut parts = Vec::new();
    match (years.first(), years.last()) {
        (Some(first), Some(last)) if years.len() == (last - first + 1) as usize && first != last => {
            parts.push(format!("các năm {first}–{last}"))
        }
        (Some(_), _) => {
            parts.push(format!("các năm {}", years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")))
        }
        _ => {}
    }
    let uses_totals = metrics.iter().any(|m| !source.has_yearly(&m.ma) && source.over(&m.ma, from, to).is_some());
    if uses_totals {
        parts.push(format!("tổng giai đoạn {}–{}", source.period.tu, source.period.den));
    }
    if parts.is_empty() {
        parts.push("không có số liệu trong khoảng này".into());
    }
    format!("{} ({})", source.name, parts.join("; "))
}

/// Size of the summary tables' text.
const TABLE_SIZE: f32 = 11.0;

/// Per metric: per-year sums over the inputs, the range total, and the
/// change against the previous range of equal length when the data covers
/// it (as several tables when the years do not fit across one).
fn metrics_table(metrics: &[ChiTieu], sources: &[Source], years: &[i32], page: Page) -> Vec<Table> {
    let (from, to) = (years[0], years[years.len() - 1]);
    let length = to - from + 1;
    let (previous_from, previous_to) = (from - length, from - 1);
    let mut header = vec!["STT".to_string(), "Chỉ tiêu".into(), "Đơn vị tính".into()];
    header.extend(years.iter().map(|y| format!("Năm {y}")));
    header.push(format!("Tổng {from} - {to}"));
    header.push(format!("So với {previous_from} - {previous_to}"));
    let ordered: Vec<&ChiTieu> = metrics.iter().collect();
    let rows = metrics::metric_rows(&ordered, header.len(), |metric| {
        let code = &metric.ma;
        let mut cells: Vec<String> =
            years.iter().map(|y| figure(sum(sources.iter().map(|s| s.yearly(code, *y))))).collect();
        let total = sum(sources.iter().map(|s| s.over(code, from, to)));
        cells.push(figure(total));
        // Like with like: every source that feeds this range's total by
        // years must have every year of the previous range.
        let feeding: Vec<&Source> =
            sources.iter().filter(|s| (from..=to).any(|y| s.yearly(code, y).is_some())).collect();
        let covered = !feeding.is_empty()
            && feeding.iter().all(|s| (previous_from..=previous_to).all(|y| s.yearly(code, y).is_some()));
        let previous = sum((previous_from..=previous_to).flat_map(|y| feeding.iter().map(move |s| s.yearly(code, y))));
        let compared = match (covered, total, previous) {
            (true, Some(now), Some(before)) => change(now, before),
            _ => None,
        };
        cells.push(compared.unwrap_or_else(|| "–".to_string()));
        cells
    });
    let mut aligns = vec![Align::Center, Align::Left, Align::Center];
    aligns.resize(header.len(), Align::Right);
    metrics::fitted_tables(&header, &rows, 3, 2, &aligns, page.text_width(), TABLE_SIZE)
}

/// One row per unit and a total row, a column per metric (range totals);
/// a metric a unit lacks is "–", never 0. Wide metric sets are split.
fn units_tables(metrics: &[ChiTieu], units: &[Source], from: i32, to: i32, page: Page) -> Vec<Table> {
    if units.is_empty() {
        return Vec::new();
    }
    // A metric no unit has a figure for would be a column of dashes.
    let shown: Vec<&ChiTieu> =
        metrics.iter().filter(|m| units.iter().any(|u| u.over(&m.ma, from, to).is_some())).collect();
    let mut header = vec!["STT".to_string(), "Đơn vị".into()];
    header.extend(shown.iter().map(|m| with_unit(m)));
    let mut rows: Vec<Row> = units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let mut cells = vec![(i + 1).to_string(), unit.name.clone()];
            cells.extend(shown.iter().map(|m| figure(unit.over(&m.ma, from, to))));
            Row { cells, bold: false }
        })
        .collect();
    let mut total = vec![String::new(), "Tổng cộng".to_string()];
    total.extend(shown.iter().map(|m| figure(sum(units.iter().map(|u| u.over(&m.ma, from, to))))));
    rows.push(Row { cells: total, bold: true });
    let mut aligns = vec![Align::Center, Align::Left];
    aligns.resize(header.len(), Align::Right);
    metrics::fitted_tables(&header, &rows, 2, 0, &aligns, page.text_width(), TABLE_SIZE)
}

fn chart(metrics: &[ChiTieu], sources: &[Source], years: &[i32], codes: &[String], page: Page) -> Option<Chart> {
    if codes.is_empty() {
        return None;
    }
    let series = codes
        .iter()
        .enumerate()
        .filter_map(|(i, code)| {
            let metric = metrics.iter().find(|m| &m.ma == code)?;
            let name = with_unit(metric);
            let values = years.iter().map(|y| sum(sources.iter().map(|s| s.yearly(code, *y)))).collect();
            Some(Series { name, values, color: PALETTE[i % PALETTE.len()] })
        })
        .collect();
    Some(Chart {
        title: format!("Kết quả theo năm, {} - {}", years[0], years[years.len() - 1]),
        categories: years.iter().map(|y| y.to_string()).collect(),
        series,
        width: page.text_width().min(160.0),
        height: 90.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_signed_percentages_with_a_decimal_comma() {
        let d = |s: &str| Decimal::parse(s).unwrap();
        assert_eq!(change(d("112.5"), d("100")).as_deref(), Some("+12,5%"));
        assert_eq!(change(d("97"), d("100")).as_deref(), Some("-3%"));
        assert_eq!(change(d("100"), d("100")).as_deref(), Some("0%"));
        assert_eq!(change(d("5"), d("0")), None);
    }
}
