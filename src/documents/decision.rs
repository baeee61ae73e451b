//! The award decision of one group (`quyet-dinh-N`): the quyết định a
//! secretariat prepares for signature (NĐ 30 Phụ lục III, mẫu 1.2) and, on
//! pages numbered from 1 again, its attached list of collectives and
//! individuals (spec §5.1).

use serde::Serialize;

use super::nd30;
use crate::diag::Problem;
use crate::doc::{
    Align, Block, Document, Header, Metadata, Page, Paragraph, ParagraphStyle, Role, Row, Span, Table, Timestamp, Title,
};
use crate::input::{Input, NhomKhen};
use crate::text::vn::{self, Date};
use crate::words::awards;
use crate::words::markup;
use crate::words::templates::Templates;

/// What the decision templates see.
#[derive(Serialize)]
struct Context<'a> {
    /// The whole input, as for the report.
    #[serde(flatten)]
    input: &'a Input,
    /// The award group of this decision.
    nhom: &'a NhomKhen,
    /// "Bằng khen" / "Giấy khen".
    hinh_thuc: &'static str,
    /// The awarding authority inside a sentence.
    cap_khen_cau: String,
    /// "12 tập thể và 15 cá nhân".
    doi_tuong: String,
    /// "các tập thể và cá nhân".
    cac_doi_tuong: &'static str,
    /// The achievement continuing a sentence: "đã có thành tích …".
    thanh_tich_cau: String,
    /// Who carries the decision out (Điều 3).
    thi_hanh: String,
}

/// Who carries out the decision when the input does not say.
const DEFAULT_EXECUTORS: &str = "Thủ trưởng các cơ quan, đơn vị có liên quan";

/// The legal bases cited when the input gives none: the law and decree in
/// force on the decision's date [R: verify for dates before 2017].
fn default_bases(date: Date) -> Vec<String> {
    let since_2024 = Date { year: 2024, month: 1, day: 1 };
    let since_2017 = Date { year: 2017, month: 10, day: 1 };
    if date >= since_2024 {
        vec![
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022".into(),
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng".into(),
        ]
    } else if date >= since_2017 {
        vec![
            "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013".into(),
            "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng".into(),
        ]
    } else {
        vec!["Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003".into()]
    }
}

/// The căn cứ lines and "Theo đề nghị của …", each ending ";" but the last ".".
fn bases(group: &NhomKhen) -> Vec<String> {
    let decision = &group.quyet_dinh;
    let mut lines = if decision.can_cu.is_empty() { default_bases(decision.ngay) } else { decision.can_cu.clone() };
    if let Some(proposer) = &decision.de_nghi {
        lines.push(if proposer.starts_with("Theo đề nghị") {
            proposer.clone()
        } else {
            format!("Theo đề nghị của {proposer}")
        });
    }
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let end = if i + 1 == count { "." } else { ";" };
            format!("{}{end}", line.trim_end_matches([';', '.', ' ']))
        })
        .collect()
}

fn context<'a>(input: &'a Input, group: &'a NhomKhen) -> Context<'a> {
    Context {
        input,
        nhom: group,
        hinh_thuc: group.hinh_thuc.name(),
        cap_khen_cau: awards::authority_in_sentence(group),
        doi_tuong: awards::recipients_phrase(group),
        cac_doi_tuong: awards::recipients_kinds(group),
        thanh_tich_cau: awards::achievement_in_sentence(&group.thanh_tich),
        thi_hanh: group.quyet_dinh.thi_hanh.clone().unwrap_or_else(|| DEFAULT_EXECUTORS.into()),
    }
}

fn centred_bold(text: &str, space_before: f32, space_after: f32, role: Role) -> Block {
    Block::Paragraph(Paragraph {
        spans: vec![Span::bold(text)],
        style: ParagraphStyle {
            align: Align::Center,
            first_indent: 0.0,
            space_before,
            space_after,
            keep_with_next: true,
            role,
            ..ParagraphStyle::BODY
        },
    })
}

/// The decision of award group `index` (0-based) with its attached list.
pub(crate) fn build(input: &Input, index: usize, templates: &Templates) -> Result<Document, Problem> {
    let group = &input.khen_thuong[index];
    let context = context(input, group);
    let decision = &group.quyet_dinh;
    let parent = group.co_quan_chu_quan.as_deref().map(vn::upper);
    let issuer = vn::upper(&group.co_quan);

    let subject = markup::plain_text(templates.render("quyet-dinh-trich-yeu", &context)?.trim());
    let meta = Metadata {
        title: subject.clone(),
        subject: format!("Quyết định số {}", decision.so),
        author: group.co_quan.clone(),
        created: Some(Timestamp::date(decision.ngay)),
    };
    let mut blocks = vec![
        Block::Header(Header {
            parent: parent.clone(),
            issuer: issuer.clone(),
            number: Some(format!("Số: {}", decision.so)),
            place_date: Some(format!("{}, {}", group.dia_danh, decision.ngay.long())),
        }),
        Block::Title(Title { kind: "QUYẾT ĐỊNH".into(), subject, note: None }),
        centred_bold(&vn::upper(&group.cap_khen), 0.0, 6.0, Role::Authority),
    ];
    blocks.extend(bases(group).into_iter().map(|line| {
        Block::Paragraph(Paragraph {
            spans: vec![Span { italic: true, ..Span::plain(line) }],
            style: ParagraphStyle { space_after: 3.0, role: Role::Basis, ..ParagraphStyle::BODY },
        })
    }));
    blocks.push(centred_bold("QUYẾT ĐỊNH:", 6.0, 6.0, Role::Enacting));
    let mut articles = nd30::parse_body(templates, "quyet-dinh", &context, |_| None)?;
    if let Some(Block::Paragraph(last)) = articles.last_mut() {
        last.style.keep_with_next = true;
    }
    blocks.extend(articles);
    let recipients = if decision.noi_nhan.is_empty() {
        vec!["Như Điều 3".to_string(), "Lưu: VT".to_string()]
    } else {
        decision.noi_nhan.clone()
    };
    blocks.push(Block::Signature(nd30::signature(&recipients, &group.nguoi_ky)));

    // The attached list, numbered on its own.
    blocks.push(Block::SectionBreak);
    blocks.push(Block::Header(Header { parent, issuer, number: None, place_date: None }));
    blocks.push(Block::Title(Title {
        kind: "DANH SÁCH".into(),
        subject: markup::plain_text(templates.render("quyet-dinh-danh-sach", &context)?.trim()),
        note: Some(format!(
            "(Kèm theo Quyết định số {} {} của {})",
            decision.so,
            decision.ngay.long(),
            context.cap_khen_cau
        )),
    }));
    blocks.push(Block::Table(recipients_table(group)));
    Ok(Document { meta, page: Page::A4, page_numbers: true, blocks })
}

/// Size of the list's text.
const LIST_SIZE: f32 = 13.0;

/// STT | Tên tập thể, cá nhân | Chức vụ, đơn vị — collectives first, then
/// individuals, each part headed and numbered from 1.
fn recipients_table(group: &NhomKhen) -> Table {
    let (collectives, individuals) = awards::by_kind(group);
    let mut rows = Vec::new();
    let parts = [("TẬP THỂ", collectives), ("CÁ NHÂN", individuals)];
    let mut part_number = 0;
    for (title, people) in parts {
        if people.is_empty() {
            continue;
        }
        part_number += 1;
        rows.push(Row {
            cells: vec![
                markup::roman(part_number),
                format!("{title} ({})", vn::two_digits(people.len())),
                String::new(),
            ],
            bold: true,
        });
        rows.extend(people.iter().enumerate().map(|(i, person)| Row {
            cells: vec![(i + 1).to_string(), awards::display_name(person), awards::position_and_unit(person)],
            bold: false,
        }));
    }
    let width = Page::A4.text_width();
    Table {
        columns: vec![14.0, 68.0, width - 82.0],
        aligns: vec![Align::Center, Align::Left, Align::Left],
        header: vec![Row {
            cells: vec!["STT".into(), "Tên tập thể, cá nhân".into(), "Chức vụ, đơn vị".into()],
            bold: true,
        }],
        rows,
        size: LIST_SIZE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_bases_follow_the_decision_date() {
        let newer = default_bases(Date::parse("2024-03-01").unwrap());
        assert!(newer[1].contains("98/2023/NĐ-CP"));
        let older = default_bases(Date::parse("2018-08-15").unwrap());
        assert!(older[1].contains("91/2017/NĐ-CP"));
    }
}
