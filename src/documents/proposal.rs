//! The tờ trình đề nghị khen thưởng of one proposed award group
//! (`to-trinh-N`): the conference's body asks the group's awarding
//! authority to award its recipients — a văn bản có tên loại (NĐ 30 Phụ
//! lục III) worded by the `to-trinh` template from the conference's own
//! figures — and, on pages numbered from 1 again, the list it attaches,
//! laid out as a decision's list.

use serde::Serialize;

use super::bases::in_force;
use super::decision::{recipients_table, EMULATION_DECREE, EMULATION_LAW};
use super::nd30::{addressed, parse_body};
use super::{family, report};
use crate::diag::Problem;
use crate::doc::{Block, Document, Header, Metadata, Page, Timestamp, Title};
use crate::input::{Input, NhomKhen, ToTrinh};
use crate::text::vn;
use crate::words::awards;
use crate::words::markup;
use crate::words::programmes;
use crate::words::templates::Templates;

/// What the `to-trinh` templates see: everything the report's templates
/// see, and the proposal's own words.
#[derive(Serialize)]
struct Context<'a> {
    #[serde(flatten)]
    report: report::Context<'a>,
    /// The proposed award group.
    nhom: &'a NhomKhen,
    /// The tờ trình's own keys.
    to_trinh: &'a ToTrinh,
    /// "Bằng khen" / "Giấy khen".
    hinh_thuc: &'static str,
    /// The awarding authority inside a sentence.
    cap_khen_cau: String,
    /// Who the tờ trình is addressed to, inside a sentence.
    kinh_gui_cau: String,
    /// "12 tập thể và 15 cá nhân".
    doi_tuong: String,
    /// "các tập thể, cá nhân".
    cac_doi_tuong: &'static str,
    /// The achievement continuing a sentence: "đã có thành tích …".
    thanh_tich_cau: String,
    /// The bases, each a paragraph ending ";" (the last too: the body goes on).
    can_cu: Vec<String>,
}

/// Who the tờ trình is addressed to: `kinh_gui`, else the authority asked
/// to award.
fn addressee(group: &NhomKhen, proposal: &ToTrinh) -> String {
    proposal.kinh_gui.clone().unwrap_or_else(|| awards::authority_in_sentence(group))
}

/// The bases as typed ("Căn cứ" said once), else the emulation law and its
/// decree in force on the tờ trình's date.
fn bases(proposal: &ToTrinh) -> Vec<String> {
    let lines: Vec<String> = if proposal.can_cu.is_empty() {
        [in_force(EMULATION_LAW, proposal.ngay), in_force(EMULATION_DECREE, proposal.ngay)]
            .into_iter()
            .flatten()
            .map(str::to_string)
            .collect()
    } else {
        proposal
            .can_cu
            .iter()
            .map(|line| {
                let mut rest = line.trim();
                while rest.to_lowercase().starts_with("căn cứ") {
                    rest = rest["căn cứ".len()..].trim_start_matches([' ', ':']);
                }
                format!("Căn cứ {rest}")
            })
            .collect()
    };
    lines.into_iter().map(|line| format!("{};", line.trim_end_matches([';', '.', ',', ' ']))).collect()
}

/// How a deciding body's "Xét đề nghị của …" names the proposer of the
/// conference's groups: `nguoi_de_nghi` when given, else the head the
/// signer stands for ("KT. CHỦ TỊCH" → Chủ tịch) of the conference's body,
/// as running text: "Chủ tịch Ủy ban nhân dân phường Hạ Lý"; a title that
/// already names the body ("TRƯỞNG CÔNG AN PHƯỜNG" of "CÔNG AN PHƯỜNG HẠ
/// LÝ") names it once.
// The workspace names the proposer of what it accepts; the command line does not.
#[cfg_attr(not(feature = "workspace"), allow(dead_code))]
pub(crate) fn proposer(input: &Input, proposal: &ToTrinh) -> String {
    if let Some(typed) = &proposal.nguoi_de_nghi {
        return typed.clone();
    }
    let signer = &input.nguoi_ky;
    let deputy_for = signer.the_thuc.as_deref().and_then(|mark| {
        let mark = vn::upper(mark);
        ["KT.", "K/T"].iter().find_map(|prefix| mark.strip_prefix(prefix).map(|rest| rest.trim().to_string()))
    });
    let head = deputy_for.unwrap_or_else(|| vn::upper(&signer.chuc_vu));
    let body = vn::upper(&input.co_quan.ten);
    let (head_words, body_words): (Vec<&str>, Vec<&str>) =
        (head.split_whitespace().collect(), body.split_whitespace().collect());
    let overlap = (1..=head_words.len().min(body_words.len()))
        .rev()
        .find(|n| head_words[head_words.len() - n..] == body_words[..*n])
        .unwrap_or(0);
    let joined = head_words.iter().chain(&body_words[overlap..]).copied().collect::<Vec<_>>().join(" ");
    awards::sentence_case_authority(&joined)
}

/// The tờ trình of award group `index` (0-based), which has `to_trinh`,
/// with its attached list.
pub(crate) fn build(input: &Input, index: usize, templates: &Templates) -> Result<Document, Problem> {
    let group = &input.khen_thuong[index];
    let Some(proposal) = &group.to_trinh else {
        unreachable!("the plan makes a tờ trình only for a group that has to_trinh")
    };
    let paper_family = family::of(input.family());
    let context = Context {
        report: report::context(input),
        nhom: group,
        to_trinh: proposal,
        hinh_thuc: group.hinh_thuc.name(),
        cap_khen_cau: awards::authority_in_sentence(group),
        kinh_gui_cau: addressee(group, proposal),
        doi_tuong: awards::recipients_phrase(group),
        cac_doi_tuong: awards::recipients_kinds(group),
        thanh_tich_cau: awards::achievement_in_sentence(&programmes::achievement(input, group)),
        can_cu: bases(proposal),
    };
    let subject = markup::plain_text(templates.render("to-trinh-trich-yeu", &context)?.trim());
    let subject = family::subject(&subject, paper_family);
    let mut body = parse_body(templates, "to-trinh", &context, |_| None)?;
    super::nd30::one_dash(&mut body, " - ");
    if let Some(Block::Paragraph(last)) = body.last_mut() {
        last.style.keep_with_next = true;
    }
    let parent = family::parent(input);
    let issuer = family::issuer(input);
    let mut blocks = vec![
        family::header(
            Header {
                parent: parent.clone(),
                issuer: issuer.clone(),
                number: Some(family::number_line(&proposal.so, paper_family)),
                place_date: Some(format!("{}, {}", input.van_ban.dia_danh, proposal.ngay.long())),
            },
            paper_family,
        ),
        Block::Title(Title { kind: "TỜ TRÌNH".into(), subject: subject.clone(), note: None }),
    ];
    // A Party body's tờ trình is addressed «Kính trình:» (spec §9.1).
    let label = if paper_family == crate::doc::Family::Party { "Kính trình: " } else { "Kính gửi: " };
    blocks.extend(addressed(std::slice::from_ref(&capitalised(&context.kinh_gui_cau)), label));
    blocks.extend(body);
    // As the decisions do when none is typed: the Party keeps its papers at its office.
    let recipients = match (proposal.noi_nhan.is_empty(), paper_family) {
        (false, _) => proposal.noi_nhan.clone(),
        (true, crate::doc::Family::State) => vec!["Như trên".to_string(), "Lưu: VT".to_string()],
        (true, crate::doc::Family::Party) => vec!["Như trên".to_string(), "Lưu Văn phòng".to_string()],
    };
    blocks.push(family::signature(&recipients, input, paper_family));

    // The attached list, numbered on its own.
    blocks.push(Block::SectionBreak);
    blocks.push(family::header(Header { parent, issuer, number: None, place_date: None }, paper_family));
    blocks.push(Block::Title(Title {
        kind: "DANH SÁCH".into(),
        subject: markup::plain_text(templates.render("to-trinh-danh-sach", &context)?.trim()),
        note: Some(format!(
            "(Kèm theo Tờ trình số {} {} của {})",
            family::number(&proposal.so, paper_family),
            proposal.ngay.long(),
            family::bodies_in_sentence(input)
        )),
    }));
    blocks.push(Block::Table(recipients_table(group)));
    let meta = Metadata {
        title: subject,
        subject: format!("Tờ trình số {}", proposal.so),
        author: input.co_quan.ten.clone(),
        created: Some(Timestamp::date(proposal.ngay)),
    };
    Ok(Document { meta, page: Page::A4, page_numbers: true, blocks })
}

/// A name opening a line ("Kính gửi: Chủ tịch …") with its first letter
/// capitalised.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_say_can_cu_once_and_run_on() {
        let proposal = ToTrinh {
            so: "15/TTr-UBND".into(),
            ngay: vn::Date::parse("2025-11-20").unwrap(),
            kinh_gui: None,
            can_cu: vec!["Căn cứ Luật Thi đua, khen thưởng.".into(), "Quyết định số 1/QĐ-UBND".into()],
            noi_nhan: Vec::new(),
            nguoi_de_nghi: None,
        };
        assert_eq!(bases(&proposal), ["Căn cứ Luật Thi đua, khen thưởng;", "Căn cứ Quyết định số 1/QĐ-UBND;"]);
        let by_date = bases(&ToTrinh { can_cu: Vec::new(), ..proposal });
        assert!(by_date[0].starts_with("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"), "{by_date:?}");
        assert!(by_date[1].contains("152/2025/NĐ-CP"), "{by_date:?}");
        assert_eq!(capitalised("chủ tịch"), "Chủ tịch");
    }

    #[test]
    fn the_proposer_is_the_head_of_the_conferences_body() {
        let sample = include_str!("../../inputs/mot-nam-2025.yaml");
        let of = |signer: &str, body: &str| {
            let text = sample
                .replace("  chuc_vu: \"TRƯỞNG CÔNG AN XÃ\"\n", signer)
                .replace("  ten: \"CÔNG AN XÃ KIM SƠN\"", &format!("  ten: \"{body}\""));
            let input = crate::input::load_str(&text, "mau.yaml", std::path::Path::new(".")).expect("valid");
            let proposal = input.khen_thuong[0].to_trinh.clone().unwrap_or(ToTrinh {
                so: "1/TTr".into(),
                ngay: input.van_ban.ngay,
                kinh_gui: None,
                can_cu: Vec::new(),
                noi_nhan: Vec::new(),
                nguoi_de_nghi: None,
            });
            proposer(&input, &proposal)
        };
        // Công an xã: the title names the body's kind, said once.
        assert_eq!(of("  chuc_vu: \"TRƯỞNG CÔNG AN XÃ\"\n", "CÔNG AN XÃ KIM SƠN"), "Trưởng Công an xã Kim Sơn");
        let chairman = "  the_thuc: \"TM. ỦY BAN NHÂN DÂN\"\n  chuc_vu: \"CHỦ TỊCH\"\n";
        assert_eq!(of(chairman, "ỦY BAN NHÂN DÂN PHƯỜNG HẠ LÝ"), "Chủ tịch Ủy ban nhân dân phường Hạ Lý");
        // A deputy signs for the chairman: the chairman proposes.
        let deputy = "  the_thuc: \"KT. CHỦ TỊCH\"\n  chuc_vu: \"PHÓ CHỦ TỊCH\"\n";
        assert_eq!(of(deputy, "ỦY BAN NHÂN DÂN XÃ KIM SƠN"), "Chủ tịch Ủy ban nhân dân xã Kim Sơn");
    }
}
