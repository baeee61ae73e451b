//! The kịch bản điều hành (`kich-ban.pdf`, `.docx`): what the chair reads,
//! item by item (spec §10.3) — the delegates introduced in the input's
//! order, the report, the direction, each award group's decision and its
//! presenter, the recipients called up in batches, the close. Set at
//! 16 pt to be read standing; a batch never splits across a page.

use super::{award_phrase, batches, centred, conference, conference_name, para, presenter, time_line, DEFAULT_BATCH};
use crate::diag::Problem;
use crate::doc::{Align, Block, Document, Metadata, Page, ParagraphStyle, Role, Span, Timestamp};
use crate::documents::family;
use crate::input::{DaiBieu, Input};
use crate::words::markup::roman;
use crate::words::templates::Templates;
use crate::words::{awards, people};

/// The script's type size, pt: large enough to read at a lectern.
pub(crate) const SCRIPT_SIZE: f32 = 16.0;

/// The chair's script of `input`'s conference.
pub(crate) fn build(input: &Input, templates: &Templates) -> Result<Document, Problem> {
    let meeting = conference(input);
    let name = conference_name(input, templates)?;
    let text = ParagraphStyle { size: SCRIPT_SIZE, first_indent: 10.0, ..ParagraphStyle::BODY };
    let line = |words: String| para(vec![Span::plain(words)], text);
    let stage = |words: &str| para(vec![Span { text: format!("({words})"), bold: false, italic: true }], text);
    let heading = |words: &str| {
        let style = ParagraphStyle {
            first_indent: 0.0,
            space_before: 12.0,
            keep_with_next: true,
            role: Role::Heading(2),
            align: Align::Left,
            ..text
        };
        para(vec![Span::bold(words)], style)
    };
    // Who holds it, as the press summary says: the organisers the input
    // names, else the report's bodies.
    let host = crate::documents::press::organisers_in_sentence(meeting, &family::bodies_in_sentence(input));
    let mut blocks = vec![
        centred("KỊCH BẢN ĐIỀU HÀNH", SCRIPT_SIZE + 2.0),
        centred(name.clone(), SCRIPT_SIZE),
        line(format!("Thời gian: {}.", time_line(meeting))),
    ];
    if let Some(place) = &meeting.dia_diem {
        blocks.push(line(format!("Địa điểm: {place}.")));
    }
    if let Some(chair) = &meeting.chu_tri {
        blocks.push(line(format!("Chủ trì: {chair}.")));
    }

    blocks.push(heading("I. ĐÓN TIẾP ĐẠI BIỂU, ỔN ĐỊNH TỔ CHỨC"));
    blocks.push(stage("Ban tổ chức đón tiếp đại biểu, mời đại biểu vào vị trí"));

    blocks.push(heading("II. TUYÊN BỐ LÝ DO, GIỚI THIỆU ĐẠI BIỂU"));
    blocks.push(line("Kính thưa các đồng chí đại biểu!".into()));
    blocks.push(line(format!("Hôm nay, {host} tổ chức {name}.")));
    if !meeting.dai_bieu.is_empty() {
        blocks.push(line("Tới dự Hội nghị, chúng tôi trân trọng giới thiệu:".into()));
        let last = meeting.dai_bieu.len() - 1;
        for (i, delegate) in meeting.dai_bieu.iter().enumerate() {
            let end = if i == last { '.' } else { ';' };
            blocks.push(line(format!(
                "- Đồng chí {}, {}{end}",
                people::delegate_name(delegate),
                people::delegate_title(delegate)
            )));
        }
    }

    blocks.push(heading("III. BÁO CÁO"));
    blocks.push(line(format!(
        "Trân trọng kính mời đồng chí {} trình bày báo cáo tại Hội nghị.",
        input.nguoi_ky.full_name()
    )));
    blocks.push(heading("IV. THAM LUẬN"));
    blocks.push(stage("Các đơn vị trình bày tham luận theo thứ tự đã đăng ký"));

    let mut next = 5;
    // A group only proposed to the unit above is not decided yet: nothing to present.
    if input.khen_thuong.iter().any(|group| !group.only_proposed()) {
        blocks.push(heading(&format!("{}. KHEN THƯỞNG", roman(next))));
        next += 1;
        let size = meeting.moi_dot.unwrap_or(DEFAULT_BATCH);
        for (index, group) in input.khen_thuong.iter().enumerate().filter(|(_, group)| !group.only_proposed()) {
            let award = award_phrase(group);
            // The decision is read out just before its first call-up: kept
            // on that call-up's page.
            let announced = format!(
                "Trân trọng kính mời đại diện lãnh đạo công bố Quyết định số {} {} của {} về việc tặng {} cho {}.",
                super::decision_number(group),
                group.quyet_dinh.ngay.long(),
                awards::authority_in_sentence(group),
                group.hinh_thuc.name(),
                awards::recipients_phrase(group)
            );
            blocks.push(para(vec![Span::plain(announced)], ParagraphStyle { keep_with_next: true, ..text }));
            blocks.extend(call_ups(
                &batches(group, size),
                presenter(meeting, index),
                (&award, group.hinh_thuc.name()),
                text,
            ));
        }
    }
    if meeting.chi_dao.is_some() || !meeting.dai_bieu.is_empty() {
        blocks.push(heading(&format!("{}. PHÁT BIỂU CHỈ ĐẠO", roman(next))));
        next += 1;
        // The first delegate in protocol order directs; a direction the
        // input gives without delegates still has its speaker asked up.
        blocks.push(line(match meeting.dai_bieu.first() {
            Some(first) => format!(
                "Trân trọng kính mời đồng chí {}, {} phát biểu chỉ đạo Hội nghị.",
                people::delegate_name(first),
                people::delegate_title(first)
            ),
            None => "Trân trọng kính mời đồng chí lãnh đạo cấp trên phát biểu chỉ đạo Hội nghị.".into(),
        }));
    }
    blocks.push(heading(&format!("{}. TIẾP THU Ý KIẾN, BẾ MẠC HỘI NGHỊ", roman(next))));
    blocks.push(line(format!(
        "Trân trọng kính mời đồng chí {} phát biểu tiếp thu ý kiến chỉ đạo và bế mạc Hội nghị.",
        input.nguoi_ky.full_name()
    )));
    blocks.push(line("Hội nghị xin kết thúc. Xin trân trọng cảm ơn các đồng chí đại biểu!".into()));

    Ok(Document {
        meta: Metadata {
            title: format!("Kịch bản điều hành {}", super::figures_lower(&name)),
            subject: "Kịch bản điều hành".into(),
            author: input.co_quan.ten.clone(),
            created: Some(Timestamp::date(meeting.ngay)),
        },
        page: Page::A4,
        page_numbers: true,
        blocks,
    })
}

/// Each batch's call-up, names and thanks, kept on one page: "Lượt 1.
/// Trân trọng kính mời đồng chí … lên trao …", "Xin mời đại diện các tập
/// thể có tên sau lên nhận …:", "1. …", "Xin chúc mừng …". The presenter
/// is asked up for every batch, since each ends by asking everyone on the
/// stage back to their seats; named with the title the first time. One
/// recipient is "tập thể"/"cá nhân", never "các". Recipients are numbered
/// within their kind, as the decision's list numbers them.
fn call_ups(
    batches: &[super::Batch],
    giver: Option<&DaiBieu>,
    (award, form): (&str, &str),
    text: ParagraphStyle,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let (mut collectives, mut individuals) = (0, 0);
    let kept = ParagraphStyle { keep_with_next: true, ..text };
    for (turn, batch) in batches.iter().enumerate() {
        let kind = match (batch.collective, batch.people.len() > 1) {
            (true, true) => "các tập thể",
            (true, false) => "tập thể",
            (false, true) => "các cá nhân",
            (false, false) => "cá nhân",
        };
        let mut opening = vec![Span::bold(format!("Lượt {}. ", turn + 1))];
        if let Some(giver) = giver {
            let who = if turn == 0 {
                format!("{}, {}", people::delegate_name(giver), people::delegate_title(giver))
            } else {
                people::delegate_name(giver)
            };
            let what = if turn == 0 { award } else { form };
            opening.push(Span::plain(format!("Trân trọng kính mời đồng chí {who} lên trao {what} cho {kind}.")));
            blocks.push(para(opening, kept));
            opening = Vec::new();
        }
        let called = if batch.collective { format!("đại diện {kind}") } else { kind.to_string() };
        opening.push(Span::plain(format!("Xin mời {called} có tên sau lên nhận {award}:")));
        blocks.push(para(opening, kept));
        for person in &batch.people {
            let counter = if batch.collective { &mut collectives } else { &mut individuals };
            *counter += 1;
            let listed = ParagraphStyle { first_indent: 0.0, left_indent: 15.0, space_after: 0.0, ..kept };
            blocks.push(para(vec![Span::plain(format!("{}. {}", counter, awards::display_name(person)))], listed));
        }
        blocks.push(para(
            vec![Span {
                text: format!("Xin chúc mừng {kind}; kính mời các đồng chí trở về vị trí."),
                bold: false,
                italic: true,
            }],
            ParagraphStyle { space_before: 6.0, ..text },
        ));
    }
    blocks
}
