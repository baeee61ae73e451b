//! The giấy mời (`giay-moi.pdf`, `.docx`): NĐ 30 Phụ lục III Mẫu 1.7, one
//! page per invited delegate — the report's header and signer, "GIẤY
//! MỜI" over the conference, the delegate named in the "trân trọng kính
//! mời:" line, time, place, and the courtesy line.

use super::{capitalised, conference, conference_name, invited, para, time_line};
use crate::diag::Problem;
use crate::doc::{Align, Block, Document, Header, Metadata, Page, ParagraphStyle, Span, Timestamp, Title};
use crate::documents::family;
use crate::input::Input;
use crate::words::people;
use crate::words::templates::Templates;

/// The invitations of `input`'s conference, one page each; none when no
/// delegate is invited.
pub(crate) fn build(input: &Input, templates: &Templates) -> Result<Document, Problem> {
    let meeting = conference(input);
    let name = conference_name(input, templates)?;
    let paper_family = family::of(input.family());
    let body = ParagraphStyle { first_indent: 10.0, ..ParagraphStyle::BODY };
    let host = family::bodies_in_sentence(input);
    let mut blocks = Vec::new();
    for (i, delegate) in invited(meeting).enumerate() {
        if i > 0 {
            blocks.push(Block::SectionBreak);
        }
        blocks.push(family::header(
            Header {
                parent: family::parent(input),
                issuer: family::issuer(input),
                number: Some(family::number_line(&number(input), paper_family)),
                place_date: Some(format!("{}, ngày … tháng … năm {}", input.van_ban.dia_danh, meeting.ngay.year)),
            },
            paper_family,
        ));
        blocks.push(Block::Title(Title { kind: "GIẤY MỜI".into(), subject: name.clone(), note: None }));
        blocks.push(para(vec![Span::plain(format!("{} trân trọng kính mời:", capitalised(&host)))], body));
        let invitee = format!("Đồng chí {}, {}", people::delegate_name(delegate), people::delegate_title(delegate));
        blocks
            .push(para(vec![Span::bold(invitee)], ParagraphStyle { align: Align::Center, first_indent: 0.0, ..body }));
        blocks.push(para(vec![Span::plain(format!("Tới dự {name}."))], body));
        if let Some(chair) = &meeting.chu_tri {
            blocks.push(para(vec![Span::bold("Chủ trì: "), Span::plain(format!("{chair}."))], body));
        }
        blocks.push(para(vec![Span::bold("Thời gian: "), Span::plain(format!("{}.", time_line(meeting)))], body));
        if let Some(place) = &meeting.dia_diem {
            blocks.push(para(vec![Span::bold("Địa điểm: "), Span::plain(format!("{place}."))], body));
        }
        blocks.push(para(
            vec![Span::plain("Sự hiện diện của đồng chí góp phần vào thành công của Hội nghị./.")],
            ParagraphStyle { keep_with_next: true, ..body },
        ));
        blocks.push(family::signature(&["Như trên".into(), archive(input)], input, paper_family));
    }
    Ok(Document {
        meta: Metadata {
            title: format!("Giấy mời {}", super::figures_lower(&name)),
            subject: "Giấy mời".into(),
            author: input.co_quan.ten.clone(),
            created: Some(Timestamp::date(meeting.ngay)),
        },
        page: Page::A4,
        page_numbers: false,
        blocks,
    })
}

/// The invitation's number: the one the input gives ("12/GM-CAHP"), else
/// a blank to fill when it is issued ("…/GM-CAHP"; a blank given with its
/// own letters, "/GM-BTC" or a Party's "-GM/BTC", keeps them). One number for the whole
/// invitation, whichever delegate a page is addressed to.
pub(crate) fn number(input: &Input) -> String {
    let given = conference(input).so_giay_moi.as_deref().map(str::trim).unwrap_or_default();
    if given.starts_with(|c: char| c.is_ascii_digit()) {
        return given.to_string();
    }
    // A blank given in HD 36's order, "-GM/BTC" or "…-GM/BTC", keeps it.
    let after_blank = given.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…' | '_'));
    if after_blank.starts_with('-') && after_blank.contains('/') {
        return format!("…{after_blank}");
    }
    match given.find('/') {
        Some(slash) => format!("…{}", &given[slash..]),
        None => format!("…{}", suffix(input)),
    }
}

/// What follows an invitation's number: "/GM-" and the body's letters.
pub(crate) fn suffix(input: &Input) -> String {
    format!("/GM-{}", symbol(&input.van_ban.so_ky_hieu))
}

/// The body's letters in the report's number ("125/BC-CAHP" → "CAHP"),
/// for the invitation's "…/GM-CAHP".
fn symbol(number: &str) -> &str {
    let after_slash = number.split_once('/').map_or(number, |(_, rest)| rest);
    after_slash.split_once('-').map_or(after_slash, |(_, body)| body).trim()
}

/// Where the issuing body files its copy: the report's own archive line
/// ("Lưu: VT", "Lưu Văn phòng Ban", each joint body's văn thư), which
/// the family then writes its way; "Lưu: VT" when the report has none.
fn archive(input: &Input) -> String {
    let typed = input.van_ban.noi_nhan.iter().map(|item| item.trim()).find(|item| item.starts_with("Lưu"));
    typed.map_or_else(|| "Lưu: VT".to_string(), |item| item.trim_end_matches(['.', ';', ',']).to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_symbol_is_the_bodys_letters() {
        assert_eq!(super::symbol("125/BC-CAHP"), "CAHP");
        assert_eq!(super::symbol("15/BC-BDVTU"), "BDVTU");
        assert_eq!(super::symbol("BC"), "BC");
    }
}
