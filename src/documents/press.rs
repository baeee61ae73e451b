//! The press summary (`tin-bai.pdf`, `.docx`, `.txt`): the short news item a
//! secretariat sends to the portal and the papers after the conference,
//! worded by the `tin-bai` template from the same records as the other
//! papers — written as the press writes: time and place first, both
//! organisers, delegates with rank and title, results with figures, the
//! leaders' direction, the commendations by kind, and a byline.

use serde::Serialize;

use super::nd30::{self, join_vietnamese};
use super::report;
use crate::diag::Problem;
use crate::doc::{Align, Block, Document, Metadata, Page, Paragraph, ParagraphStyle, Role, Span, Timestamp};
use crate::input::{Buoi, HinhThucHoiNghi, Input};
use crate::words::awards;
use crate::words::templates::Templates;

/// What the press template sees: the report's data plus the conference.
#[derive(Serialize)]
struct Context<'a> {
    #[serde(flatten)]
    report: report::Context<'a>,
    /// The headline: `hoi_nghi.tin_bai.tieu_de`, or "Sơ kết 5 năm thực hiện
    /// Chương trình phối hợp số 09/CTr-BCA-MTTW".
    tieu_de: String,
    /// "Sáng 21-8": the time as the press writes it.
    thoi_gian: String,
    /// The organisers inside a sentence: "Công an thành phố Hải Phòng và
    /// Ủy ban MTTQ Việt Nam thành phố".
    don_vi_to_chuc: String,
    truc_tuyen: bool,
    /// Delegates in order: "Thiếu tướng Trần Thị Ngọc Đẹp, Cục trưởng …",
    /// "đồng chí Lê Khắc Nam, Phó Chủ tịch …" (no rank: "đồng chí").
    dai_bieu_cau: Vec<String>,
    /// The first period figures, in report order.
    noi_bat: Vec<report::Figure>,
}

/// How many figures the summary cites.
const HEADLINE_FIGURES: usize = 3;

/// The summary of `input` as a document (for PDF and DOCX) and as plain text.
pub(crate) fn build(input: &Input, templates: &Templates) -> Result<(Document, String), Problem> {
    let report = report::context(input);
    let Some(conference) = input.hoi_nghi.as_ref() else {
        unreachable!("the pack makes a press summary only for an input with a conference")
    };
    let part = match conference.buoi {
        Some(Buoi::Sang) => "Sáng",
        Some(Buoi::Chieu) => "Chiều",
        Some(Buoi::Toi) => "Tối",
        None => "Ngày",
    };
    let delegates = conference
        .dai_bieu
        .iter()
        .map(|d| match &d.cap_bac {
            Some(rank) => format!("{rank} {}, {}", d.ho_ten, d.chuc_vu),
            None => format!("đồng chí {}, {}", d.ho_ten, d.chuc_vu),
        })
        .collect();
    let organisers: Vec<String> = if conference.don_vi_to_chuc.is_empty() {
        vec![report.don_vi.clone()]
    } else {
        conference.don_vi_to_chuc.iter().map(|o| awards::sentence_case_authority(o)).collect()
    };
    let article = conference.tin_bai.clone().unwrap_or_default();
    let tieu_de = article.tieu_de.clone().unwrap_or_else(|| {
        let kind = match input.van_ban.loai {
            crate::input::LoaiBaoCao::SoKet => "Sơ kết",
            crate::input::LoaiBaoCao::TongKet => "Tổng kết",
        };
        format!("{kind} {} năm thực hiện {} số {}", report.so_nam, input.programme_kind(), input.chuong_trinh.so)
    });
    let noi_bat = report.chi_so.iter().take(HEADLINE_FIGURES).cloned().collect();
    let context = Context {
        report,
        tieu_de,
        thoi_gian: format!("{part} {}-{}", conference.ngay.day, conference.ngay.month),
        don_vi_to_chuc: join_vietnamese(&organisers),
        truc_tuyen: conference.hinh_thuc == Some(HinhThucHoiNghi::TrucTuyen),
        dai_bieu_cau: delegates,
        noi_bat,
    };
    let mut blocks = nd30::parse_body(templates, "tin-bai", &context, |_| None)?;
    // The first paragraph is the headline.
    if let Some(Block::Paragraph(headline)) = blocks.first_mut() {
        headline.style = ParagraphStyle {
            align: Align::Center,
            first_indent: 0.0,
            space_after: 12.0,
            role: Role::Headline,
            ..ParagraphStyle::BODY
        };
    }
    // The byline closes the article, flush right: "Thu Ninh – Báo An ninh Hải Phòng".
    let byline: Vec<Span> = match (&article.tac_gia, &article.nguon) {
        (Some(author), Some(source)) => vec![Span::bold(author), Span::plain(format!(" – {source}"))],
        (Some(author), None) => vec![Span::bold(author)],
        (None, Some(source)) => vec![Span::plain(source.clone())],
        (None, None) => Vec::new(),
    };
    if !byline.is_empty() {
        let style = ParagraphStyle { align: Align::Right, first_indent: 0.0, ..ParagraphStyle::BODY };
        blocks.push(Block::Paragraph(Paragraph { spans: byline, style }));
    }
    let text = plain_text(&blocks);
    let document = Document {
        meta: Metadata {
            title: text.lines().next().unwrap_or("Tin bài").to_string(),
            subject: "Tin bài".into(),
            author: input.co_quan.ten.clone(),
            created: Some(Timestamp::date(conference.ngay)),
        },
        page: Page::A4,
        page_numbers: false,
        blocks,
    };
    Ok((document, text))
}

/// Paragraphs as plain text for pasting into a portal: one line each,
/// separated by a blank line, emphasis dropped.
fn plain_text(blocks: &[Block]) -> String {
    let paragraphs: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.spans.iter().map(|s| s.text.as_str()).collect::<String>()),
            _ => None,
        })
        .collect();
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    text
}
