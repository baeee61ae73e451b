//! Period summaries on demand (`baocao summary`): totals over any range of
//! years from one or more inputs — per indicator (a column per year with
//! data, the change against the previous range of equal length when
//! anything compares), per unit with a total row, and a chart with a panel
//! per indicator — in the same NĐ 30 layout as the report, worded by the
//! `tong-hop` template, naming the reports it draws on.
//!
//! [`build`] goes once through the data, in order, each step a module that
//! takes what the ones before made: the asked range over the read inputs
//! ([`asked`]) → the indicators ([`indicators`] decides which definitions
//! are one; [`figures`] holds each body's values and the stock/flow rules)
//! → the figures of the range ([`found`]: metric and unit lines) → the
//! layout ([`layout`]: columns, page, [`tables`], [`charts`]) → what the
//! figures leave out and the template's words ([`notes`], [`context`]) →
//! the document ([`paper`]).

mod asked;
mod charts;
mod context;
mod figures;
mod found;
mod indicators;
mod layout;
mod notes;
mod options;
mod request;
mod tables;
mod unit_table;

use super::{family, nd30};
use crate::diag::{Failure, Kind, Problem};
use crate::doc::{Block, Document, Family, Header, Metadata, Timestamp, Title};
use crate::input::{ChiTieu, ChuongTrinh, Input, Khoi};
use crate::text::vn;
use crate::words::markup;
use crate::words::templates::Templates;

use asked::Asked;
use context::Context;
use figures::Range;
use found::Found;
use layout::Layout;
use options::problem;
use request::load_inputs;
pub use request::{SummaryOwn, SummaryRequest};

/// The summary document, and what a person should check.
pub struct Summary {
    pub document: Document,
    /// Metric codes with two meanings, kept apart.
    pub warnings: Vec<Problem>,
}

/// The summary of `request`: each step takes what the ones before it made.
pub fn build(request: &SummaryRequest) -> Result<Summary, Failure> {
    let co_quan = options::check(request)?;
    let templates = Templates::load(request.templates.as_deref()).map_err(Failure::Input)?;
    let (loaded, map) = load_inputs(request)?;
    let asked = Asked::over(request, &loaded)?;
    let resolved = indicators::resolve(&loaded, map.as_ref()).map_err(Failure::Input)?;
    let (overall, units) = figures::bodies(&loaded, &resolved).map_err(Failure::Input)?;
    let found = Found::of(&resolved.indicators, &overall, &units, &asked)?;
    known_chart_codes(&request.chart, &resolved.indicators)?;
    let layout = Layout::of(&found, asked.range, &request.chart);
    let programme = own_programme(request, &loaded[0].input);
    let context =
        context::of(&loaded, &overall, &units, &resolved.indicators, &asked, &found, &layout).about(&programme);
    let document = paper(request, co_quan, &templates, &context, layout, &loaded[0].input, asked.range)?;
    Ok(Summary { document, warnings: resolved.warnings })
}

/// The programme the summary reports on: its own when given, else the
/// first input's.
fn own_programme(request: &SummaryRequest, first: &Input) -> ChuongTrinh {
    let mut programme = first.chuong_trinh.clone();
    if let Some((so, ten)) = &request.own.chuong_trinh {
        programme.so = Some(vn::nfc(so.trim()));
        programme.ten = vn::nfc(ten.trim());
    }
    programme
}

/// Refuses a `--chart` code no indicator has, listing the known ones (a
/// code with two meanings once).
fn known_chart_codes(codes: &[String], metrics: &[ChiTieu]) -> Result<(), Failure> {
    for code in codes {
        if !metrics.iter().any(|m| &m.ma == code) {
            let mut known: Vec<String> = Vec::new();
            for metric in metrics {
                if !known.contains(&metric.ma) {
                    known.push(metric.ma.clone());
                }
            }
            return Err(problem("--chart", Kind::UnknownChartMetric { code: code.clone(), known }));
        }
    }
    Ok(())
}

/// The document: header and title, the `tong-hop` template's body with the
/// `layout`'s tables and charts in its places, the signature.
fn paper(
    request: &SummaryRequest,
    co_quan: Option<String>,
    templates: &Templates,
    context: &Context,
    layout: Layout,
    first: &Input,
    range: Range,
) -> Result<Document, Failure> {
    let subject = markup::plain_text(templates.render("tong-hop-trich-yeu", context)?.trim());
    let mut body = nd30::parse_body(templates, "tong-hop", context, |name| match name {
        "bang-chi-tieu" => Some(layout.metric_tables.iter().cloned().map(Block::Table).collect()),
        "bang-don-vi" => Some(layout.units.tables.iter().cloned().map(Block::Table).collect()),
        "bieu-do" => Some(layout.charts.iter().cloned().map(Block::Chart).collect()),
        _ => None,
    })?;
    if let Some(Block::Paragraph(last)) = body.last_mut() {
        last.style.keep_with_next = true;
    }

    // The family of the bodies reporting (spec §9): a Party body's summary
    // is a Party paper, a joint report's summary is issued jointly; an issuer
    // named with --co-quan says its own family by its name.
    let paper_family = match &co_quan {
        Some(name) => family::of(Khoi::of_name(name)),
        None => family::of(first.family()),
    };
    let issuer = match &co_quan {
        Some(name) => vn::upper(name),
        None => family::issuer(first),
    };
    let subject = family::subject(&subject, paper_family);
    // Left blank for the văn thư to fill in; no-break spaces keep the gaps.
    let gap = "\u{a0}".repeat(8);
    // Another body's summary never takes the first unit's number.
    let own = &request.own;
    let short = if co_quan.is_some() { None } else { first.co_quan.viet_tat.as_ref() };
    let number = match own.so_ky_hieu.as_deref().map(str::trim).filter(|typed| !typed.is_empty()) {
        Some(typed) if typed.starts_with('/') => format!("Số:{gap}{typed}"),
        Some(typed) => format!("Số: {typed}"),
        None => match (short, paper_family) {
            (Some(short), Family::Party) => format!("Số{gap}-BC/{short}"),
            (None, Family::Party) => format!("Số{gap}-BC"),
            (Some(short), Family::State) => format!("Số:{gap}/BC-{short}"),
            (None, Family::State) => format!("Số:{gap}/BC"),
        },
    };
    let place = own.dia_danh.as_deref().map_or_else(|| first.van_ban.dia_danh.clone(), |p| vn::nfc(p.trim()));
    let date = match request.ngay {
        Some(date) => date.long(),
        None => format!("ngày{gap}tháng{gap}năm{gap}"),
    };
    let mut blocks = vec![
        family::header(
            Header {
                parent: if co_quan.is_some() { None } else { family::parent(first) },
                issuer: issuer.clone(),
                number: Some(number),
                place_date: Some(format!("{place}, {date}")),
            },
            paper_family,
        ),
        Block::Title(Title { kind: "BÁO CÁO TỔNG HỢP".into(), subject: subject.clone(), note: None }),
    ];
    blocks.extend(body);
    let archive = match paper_family {
        Family::Party => "Lưu Văn phòng",
        Family::State => "Lưu: VT",
    };
    let archive = [archive.to_string()];
    // The first report's signers sign for their bodies; a summary of its own
    // (another issuer or its own signer) has one signer.
    let own_signer = own.nguoi_ky.as_ref().or(co_quan.as_ref().map(|_| &first.nguoi_ky));
    blocks.push(match (own_signer, paper_family) {
        (None, _) => family::signature(&archive, first, paper_family),
        (Some(signer), Family::State) => Block::Signature(nd30::signature(&archive, signer)),
        (Some(signer), Family::Party) => {
            family::signatures(&archive, vec![family::signer(signer, paper_family)], paper_family)
        }
    });
    let meta = Metadata {
        title: subject,
        subject: format!("Báo cáo tổng hợp {}", range.label()),
        author: issuer,
        created: request.ngay.map(Timestamp::date),
    };
    Ok(Document { meta, page: layout.page, page_numbers: true, blocks })
}
