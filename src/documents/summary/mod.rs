//! Period summaries on demand (`baocao summary`): totals over any range of
//! years from one or more inputs — per indicator (a column per year with
//! data, the change against the previous range of equal length when
//! anything compares), per unit with a total row, and a chart with a panel
//! per indicator — in the same NĐ 30 layout as the report, worded by the
//! `tong-hop` template, naming the reports it draws on.
//!
//! [`indicators`] decides which definitions are one indicator, [`figures`]
//! holds each body's values and the stock/flow rules, [`tables`] and
//! [`charts`] lay them out, [`notes`] says what the figures leave out.

mod charts;
mod figures;
mod indicators;
mod notes;
mod options;
mod request;
mod tables;

use serde::Serialize;

use super::metrics;
use super::nd30;
use crate::diag::Failure;
use crate::diag::{Kind, Location, Problem};
use crate::doc::{Block, Document, Header, Metadata, Page, Timestamp, Title};
use crate::input::{self, ChiTieu, Input};
use crate::text::vn;
use crate::words::markup;
use crate::words::templates::Templates;

use figures::{Range, RowFigures};
use notes::{LeftOut, MissingYears, Stock};
use request::load_inputs;
pub use request::SummaryRequest;
use tables::{Columns, MetricLine, UnitLine};

/// The summary document, and what a person should check.
pub struct Summary {
    pub document: Document,
    /// Metric codes with two meanings, kept apart.
    pub warnings: Vec<Problem>,
}

/// What the `tong-hop` template sees.
#[derive(Serialize)]
struct Context<'a> {
    /// The range summarised: the asked range within the reports' periods.
    tu: i32,
    den: i32,
    /// "giai đoạn 2018 - 2023", or "năm 2021".
    giai_doan: String,
    chuong_trinh: &'a input::ChuongTrinh,
    /// "02": how many reports; of how many units (several inputs), or
    /// sub-units (one input's `don_vi_con`); "" when not so.
    so_bao_cao: String,
    so_don_vi: String,
    so_don_vi_con: String,
    /// "Báo cáo số 45/BC-CAQ ngày 20 tháng 12 năm 2023 của Công an quận Lê Chân".
    bao_cao: Vec<String>,
    /// Asked years outside every report's period ("các năm 2010 - 2012"), and
    /// the reports' period ("2013 - 2023"); "" when none.
    ngoai_giai_doan: String,
    giai_doan_bao_cao: String,
    /// Years of the range without any figure; "" when none.
    nam_khong_co_so_lieu: String,
    /// Only period totals: no year columns.
    chi_co_tong: bool,
    cot_khong_chia_nam: bool,
    chi_tieu_ton: Vec<Stock>,
    khong_chia_nam: Vec<LeftOut>,
    /// Indicators without any figure in the range.
    khong_co_so_lieu: Vec<String>,
    /// The previous range compared with ("2015 - 2017"), or the one that could not be; "".
    so_sanh: String,
    so_sanh_giai_doan: String,
    so_sanh_thieu: bool,
    khong_so_sanh: String,
    /// When the range not compared with reaches before the reports' first
    /// year: that year (a period before the programme is not named).
    so_lieu_tu_nam: String,
    co_bang_don_vi: bool,
    don_vi_thieu_nam: Vec<MissingYears>,
    tong_khac_cong_don_vi: bool,
    co_bieu_do: bool,
}

/// A problem with the command's options: located by the option's name.
fn problem(option: &str, kind: Kind) -> Failure {
    Failure::Input(vec![Problem { location: Location::command_line().into(), path: option.to_string(), kind }])
}

/// The summary of `request`.
pub fn build(request: &SummaryRequest) -> Result<Summary, Failure> {
    let co_quan = options::check(request)?;
    let templates = Templates::load(request.templates.as_deref()).map_err(Failure::Input)?;
    let (loaded, map) = load_inputs(request)?;
    let (from, to) = (request.from, request.to);
    if from > to {
        return Err(problem("--from, --to", Kind::RangeReversed { from, to }));
    }
    let periods: Vec<String> =
        loaded.iter().map(|l| format!("{} ({}–{})", l.file, l.input.giai_doan.tu, l.input.giai_doan.den)).collect();
    let first_year = loaded.iter().map(|l| l.input.giai_doan.tu).min().unwrap_or(from);
    let last_year = loaded.iter().map(|l| l.input.giai_doan.den).max().unwrap_or(to);
    if to < first_year || last_year < from {
        return Err(problem("--from, --to", Kind::RangeOutsidePeriods { from, to, periods }));
    }
    // The overlap of the asked range with the reports' periods.
    let range = Range { from: from.max(first_year), to: to.min(last_year) };

    let resolved = indicators::resolve(&loaded, map.as_ref()).map_err(Failure::Input)?;
    let (overall, units) = figures::bodies(&loaded, &resolved).map_err(Failure::Input)?;
    let metrics = &resolved.indicators;
    let order: Vec<usize> = metrics::in_group_order(metrics)
        .into_iter()
        .map(|m| metrics.iter().position(|n| std::ptr::eq(n, m)).expect("from the list"))
        .collect();
    let rows: Vec<(usize, RowFigures)> =
        order.iter().map(|&i| (i, figures::row(&overall, i, &metrics[i], range))).collect();
    let lines: Vec<MetricLine> = rows
        .iter()
        .filter(|(_, row)| row.total.is_some())
        .map(|(i, row)| MetricLine {
            metric: &metrics[*i],
            figures: row.clone(),
            change: figures::previous(&overall, *i, &metrics[*i], range)
                .and_then(|before| figures::change(row.total?, before)),
        })
        .collect();
    if lines.is_empty() {
        return Err(problem("--from, --to", Kind::NoDataInRange { from, to, periods }));
    }
    for code in &request.chart {
        if !metrics.iter().any(|m| &m.ma == code) {
            // A code with two meanings is listed once.
            let mut known: Vec<String> = Vec::new();
            for metric in metrics {
                if !known.contains(&metric.ma) {
                    known.push(metric.ma.clone());
                }
            }
            return Err(problem("--chart", Kind::UnknownChartMetric { code: code.clone(), known }));
        }
    }
    let line_index = |line: &MetricLine| metrics.iter().position(|m| std::ptr::eq(m, line.metric)).expect("listed");

    let years: Vec<i32> =
        range.years().filter(|y| lines.iter().any(|l| l.figures.years[(y - range.from) as usize].is_some())).collect();
    let before = range.previous();
    let columns = Columns {
        years: if range.len() > 1 { years.clone() } else { Vec::new() },
        undivided: !years.is_empty() && lines.iter().any(|l| l.figures.undivided.is_some()),
        previous: lines.iter().any(|l| l.change.is_some()).then_some(before),
        units: lines.iter().any(|l| l.metric.don_vi.is_some()),
    };
    // Portrait unless the metrics table needs the width of a landscape page.
    let portrait = tables::metric_tables(&lines, &columns, range, Page::A4);
    let (page, metric_tables) = if portrait.len() == 1 && tables::fits(&portrait[0], Page::A4) {
        (Page::A4, portrait)
    } else {
        (Page::A4_LANDSCAPE, tables::metric_tables(&lines, &columns, range, Page::A4_LANDSCAPE))
    };

    // Units: range figures per indicator; the total row by the same rules as the metrics table.
    let shown: Vec<&ChiTieu> = lines.iter().map(|l| l.metric).collect();
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
        figures: lines.iter().map(|l| figures::row(&units, line_index(l), l.metric, range).total).collect(),
    };
    let total_differs = (0..lines.len()).any(|m| {
        let added = unit_lines.iter().fold(None, |sum, u| figures::add(sum, u.figures[m]));
        added != unit_total.figures[m]
    });
    let unit_tables = tables::unit_tables(&shown, &unit_lines, &unit_total, page);

    let chosen = charts::chosen(&lines, &request.chart);
    let charts = charts::charts(&chosen, &years, range, page);

    let mut left_out = notes::left_out(&overall, metrics, range);
    if !units.is_empty() && loaded.len() == 1 {
        left_out.extend(notes::left_out(&units, metrics, range));
    }
    let without_data: Vec<String> = rows
        .iter()
        .filter(|(_, row)| row.total.is_none())
        .map(|(i, _)| metrics[*i].ten.clone())
        .filter(|name| !left_out.iter().any(|l| &l.chi_tieu == name))
        .collect();
    let outside: Vec<i32> = (from..=to).filter(|y| !range.contains(*y)).collect();
    let empty_years: Vec<i32> = range.years().filter(|y| !years.contains(y)).collect();
    let first = &loaded[0].input;
    let context = Context {
        tu: range.from,
        den: range.to,
        giai_doan: period_phrase(range),
        chuong_trinh: &first.chuong_trinh,
        so_bao_cao: loaded.len().to_string(),
        so_don_vi: if loaded.len() > 1 { overall.len().to_string() } else { String::new() },
        so_don_vi_con: if loaded.len() == 1 && !units.is_empty() { units.len().to_string() } else { String::new() },
        bao_cao: loaded.iter().map(|l| report_reference(&l.input)).collect(),
        ngoai_giai_doan: if outside.is_empty() { String::new() } else { notes::years_phrase(&outside) },
        giai_doan_bao_cao: Range { from: first_year, to: last_year }.label(),
        nam_khong_co_so_lieu: if years.is_empty() || empty_years.is_empty() {
            String::new()
        } else {
            notes::years_phrase(&empty_years)
        },
        chi_co_tong: years.is_empty(),
        cot_khong_chia_nam: columns.undivided,
        chi_tieu_ton: lines.iter().filter(|_| range.len() > 1).filter_map(|l| notes::stock(l.metric)).collect(),
        khong_chia_nam: left_out,
        khong_co_so_lieu: without_data,
        so_sanh: columns.previous.map_or_else(String::new, Range::label),
        so_sanh_giai_doan: columns.previous.map_or_else(String::new, period_phrase),
        so_sanh_thieu: columns.previous.is_some() && lines.iter().any(|l| l.change.is_none()),
        khong_so_sanh: if columns.previous.is_none() { period_phrase(before) } else { String::new() },
        so_lieu_tu_nam: if columns.previous.is_none() && before.from < first_year {
            first_year.to_string()
        } else {
            String::new()
        },
        co_bang_don_vi: !unit_tables.is_empty(),
        don_vi_thieu_nam: notes::missing_years(&units, range, &years),
        tong_khac_cong_don_vi: !unit_tables.is_empty() && total_differs,
        co_bieu_do: !charts.is_empty(),
    };

    let subject = markup::plain_text(templates.render("tong-hop-trich-yeu", &context)?.trim());
    let mut body = nd30::parse_body(&templates, "tong-hop", &context, |name| match name {
        "bang-chi-tieu" => Some(metric_tables.iter().cloned().map(Block::Table).collect()),
        "bang-don-vi" => Some(unit_tables.iter().cloned().map(Block::Table).collect()),
        "bieu-do" => Some(charts.iter().cloned().map(Block::Chart).collect()),
        _ => None,
    })?;
    if let Some(Block::Paragraph(last)) = body.last_mut() {
        last.style.keep_with_next = true;
    }

    let issuer = co_quan.clone().unwrap_or_else(|| first.co_quan.ten.clone());
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
            parent: if co_quan.is_some() { None } else { first.co_quan.chu_quan.as_deref().map(vn::upper) },
            issuer: vn::upper(&issuer),
            number: Some(number),
            place_date: Some(format!("{}, {date}", first.van_ban.dia_danh)),
        }),
        Block::Title(Title { kind: "BÁO CÁO TỔNG HỢP".into(), subject: subject.clone(), note: None }),
    ];
    blocks.extend(body);
    blocks.push(Block::Signature(nd30::signature(&["Lưu: VT".to_string()], &first.nguoi_ky)));
    let meta = Metadata {
        title: subject,
        subject: format!("Báo cáo tổng hợp {}", range.label()),
        author: issuer,
        created: request.ngay.map(Timestamp::date),
    };
    let document = Document { meta, page, page_numbers: true, blocks };
    Ok(Summary { document, warnings: resolved.warnings })
}

/// "giai đoạn 2018 - 2023", or "năm 2021".
fn period_phrase(range: Range) -> String {
    if range.len() == 1 {
        range.label()
    } else {
        format!("giai đoạn {}", range.label())
    }
}

/// "Báo cáo số 45/BC-CAQ ngày 20 tháng 12 năm 2023 của Công an quận Lê Chân".
fn report_reference(input: &Input) -> String {
    format!("Báo cáo số {} {} của {}", input.van_ban.so_ky_hieu, input.van_ban.ngay.long(), figures::unit_name(input))
}
