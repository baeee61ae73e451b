//! The press summary (`tin-bai.txt`, `tin-bai.docx`): the short news item a
//! secretariat sends to the provincial portal after the conference, worded
//! by the `tin-bai` template from the same records as the other papers.

use serde::Serialize;

use super::nd30;
use super::report;
use crate::diag::Problem;
use crate::doc::{Align, Block, Document, Metadata, Page, ParagraphStyle, Role, Timestamp};
use crate::input::{Buoi, HinhThucHoiNghi, Input};
use crate::words::awards;
use crate::words::templates::Templates;

/// What the press template sees: the report's data plus the conference.
#[derive(Serialize)]
struct Context<'a> {
    #[serde(flatten)]
    report: report::Context<'a>,
    /// The organiser inside a sentence: "Công an thành phố Hải Phòng".
    don_vi: String,
    /// "Sáng ngày 21/8/2018", or none without a conference date.
    thoi_gian: Option<String>,
    truc_tuyen: bool,
    /// Delegates in order: "Thiếu tướng Trần Thị Ngọc Đẹp, Cục trưởng …".
    dai_bieu_cau: Vec<String>,
    /// The largest period figures.
    noi_bat: Vec<report::Figure>,
}

/// The headline figures: the largest period totals, at most three.
const HEADLINE_FIGURES: usize = 3;

/// The summary of `input` as a document (for DOCX) and as plain text.
pub(crate) fn build(input: &Input, templates: &Templates) -> Result<(Document, String), Problem> {
    let report = report::context(input);
    let mut figures = report.chi_so.clone();
    figures.sort_by(|a, b| b.value.cmp(&a.value));
    figures.truncate(HEADLINE_FIGURES);
    let conference = input.hoi_nghi.as_ref();
    let thoi_gian = conference.map(|c| {
        let part = match c.buoi {
            Some(Buoi::Sang) => "Sáng ngày",
            Some(Buoi::Chieu) => "Chiều ngày",
            Some(Buoi::Toi) => "Tối ngày",
            None => "Ngày",
        };
        format!("{part} {}", c.ngay.short())
    });
    let delegates = conference
        .map(|c| {
            c.dai_bieu
                .iter()
                .map(|d| match &d.cap_bac {
                    Some(rank) => format!("{rank} {}, {}", d.ho_ten, d.chuc_vu),
                    None => format!("{}, {}", d.ho_ten, d.chuc_vu),
                })
                .collect()
        })
        .unwrap_or_default();
    let context = Context {
        report,
        don_vi: awards::sentence_case_authority(&input.co_quan.ten),
        thoi_gian,
        truc_tuyen: conference.and_then(|c| c.hinh_thuc) == Some(HinhThucHoiNghi::TrucTuyen),
        dai_bieu_cau: delegates,
        noi_bat: figures,
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
    let text = plain_text(&blocks);
    let document = Document {
        meta: Metadata {
            title: text.lines().next().unwrap_or("Tin bài").to_string(),
            subject: "Tin bài".into(),
            author: input.co_quan.ten.clone(),
            created: conference.map(|c| Timestamp::date(c.ngay)),
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
