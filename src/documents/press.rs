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
use crate::input::{Buoi, HinhThucHoiNghi, Input, LoaiHoiNghi};
use crate::words::templates::Templates;
use crate::words::{awards, people};

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
    /// The gathering as the article names it: "hội nghị", "ngày hội",
    /// "buổi gặp mặt"; the words joining it to the review ("nhân dịp"),
    /// and what follows the review (" và ký kết …"); whether it is a
    /// conference (its decisions are "hội nghị thống nhất").
    su_kien: &'static str,
    su_kien_noi: &'static str,
    su_kien_them: &'static str,
    la_hoi_nghi: bool,
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
        Some(Buoi::Trua) => "Trưa",
        Some(Buoi::Chieu) => "Chiều",
        Some(Buoi::Toi) => "Tối",
        None => "Ngày",
    };
    let delegates = conference.dai_bieu.iter().map(people::delegate_in_sentence).collect();
    let organisers = organisers(conference, &report.don_vi);
    let place = organisers.iter().find_map(|o| place_of(o)).map(str::to_string);
    let article = conference.tin_bai.clone().unwrap_or_default();
    let tieu_de = article.tieu_de.clone().unwrap_or_else(|| {
        // The press names the place first: "Thành phố Hải Phòng sơ kết 5 năm …".
        let place = place.clone().unwrap_or_else(|| input.van_ban.dia_danh.clone());
        let mut chars = place.chars();
        let place: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
        format!(
            "{place} {}",
            if report.words.mot_nam {
                let period = if report.words.ten_co_ky { String::new() } else { format!(" {}", report.words.ky) };
                format!("{} việc thực hiện {}{period}", report_kind(input), report.words.chuong_trinh_so_hieu)
            } else {
                format!("{} {} năm thực hiện {}", report_kind(input), report.so_nam, report.words.chuong_trinh_so_hieu)
            }
        )
    });
    let noi_bat = report.chi_so.iter().take(HEADLINE_FIGURES).cloned().collect();
    let (su_kien, su_kien_noi, su_kien_them) = match conference.loai.unwrap_or(LoaiHoiNghi::HoiNghi) {
        LoaiHoiNghi::HoiNghi => ("hội nghị", "", ""),
        LoaiHoiNghi::NgayHoi => ("ngày hội", "gắn với", ""),
        LoaiHoiNghi::GapMat => ("buổi gặp mặt", "nhân dịp", ""),
        LoaiHoiNghi::LeKyKet => ("hội nghị", "", " và ký kết chương trình phối hợp giai đoạn tiếp theo"),
    };
    let context = Context {
        report,
        tieu_de,
        thoi_gian: format!("{part} {}-{}", conference.ngay.day, conference.ngay.month),
        don_vi_to_chuc: organisers_phrase(&organisers),
        truc_tuyen: conference.hinh_thuc == Some(HinhThucHoiNghi::TrucTuyen),
        su_kien,
        su_kien_noi,
        su_kien_them,
        la_hoi_nghi: su_kien == "hội nghị",
        dai_bieu_cau: delegates,
        noi_bat,
    };
    let mut blocks = nd30::parse_body(templates, "tin-bai", &context, |_| None)?;
    // One dash in the paper's periods, the template's: "2013–2018".
    nd30::one_dash(&mut blocks, "–");
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

/// "sơ kết" / "tổng kết".
fn report_kind(input: &Input) -> &'static str {
    match input.van_ban.loai {
        crate::input::LoaiBaoCao::SoKet => "sơ kết",
        crate::input::LoaiBaoCao::TongKet => "tổng kết",
    }
}

/// A name typed over several lines for a header, on one line for a sentence.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The place at the end of a body's name: "thành phố Hải Phòng" of "Công
/// an thành phố Hải Phòng" — a level and the capitalised name after it.
fn place_of(name: &str) -> Option<&str> {
    const LEVELS: [&str; 8] = ["thành phố", "thị xã", "thị trấn", "tỉnh", "quận", "huyện", "phường", "xã"];
    let capitalised = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let lower = name.to_lowercase();
    LEVELS
        .iter()
        .filter_map(|level| {
            let at = lower.rfind(&format!("{level} "))?;
            let starts_word = at == 0 || lower[..at].ends_with(' ');
            let rest = &name[at + level.len() + 1..];
            (starts_word && !rest.is_empty() && rest.split(' ').all(capitalised)).then_some(at)
        })
        .min()
        .map(|at| &name[at..])
}

/// The organisers as an article names them: "Công an thành phố Hải Phòng
/// phối hợp với Ủy ban MTTQ Việt Nam thành phố" — the place said once.
/// Who holds the conference, each as a sentence names it: the input's
/// `don_vi_to_chuc`, else `host`.
fn organisers(conference: &crate::input::HoiNghi, host: &str) -> Vec<String> {
    if conference.don_vi_to_chuc.is_empty() {
        vec![host.to_string()]
    } else {
        conference.don_vi_to_chuc.iter().map(|o| one_line(&awards::sentence_case_authority(o))).collect()
    }
}

/// "Công an thành phố Hải Phòng phối hợp với Ủy ban MTTQ Việt Nam thành
/// phố": who holds the conference, as the press summary and the chair's
/// script say it; `host` when the input names no organisers.
pub(crate) fn organisers_in_sentence(conference: &crate::input::HoiNghi, host: &str) -> String {
    organisers_phrase(&organisers(conference, host))
}

fn organisers_phrase(organisers: &[String]) -> String {
    let Some((first, others)) = organisers.split_first() else {
        return String::new();
    };
    let place = place_of(first);
    let others: Vec<String> = others
        .iter()
        .map(|other| match (place, place_of(other)) {
            // "… thành phố Hải Phòng" again: "… thành phố".
            (Some(said), Some(again)) if said.to_lowercase() == again.to_lowercase() => {
                other[..other.len() - name_len(again)].to_string()
            }
            _ => other.clone(),
        })
        .collect();
    if others.is_empty() {
        first.clone()
    } else {
        format!("{first} phối hợp với {}", join_vietnamese(&others))
    }
}

/// Bytes of the name after the level in a place ("Hải Phòng" in "thành
/// phố Hải Phòng"), with the space before it.
fn name_len(place: &str) -> usize {
    let lower = place.to_lowercase();
    let level = ["thành phố", "thị xã", "thị trấn", "tỉnh", "quận", "huyện", "phường", "xã"]
        .into_iter()
        .find(|l| lower.starts_with(&format!("{l} ")))
        .map_or(0, str::len);
    place.len() - level
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

#[cfg(test)]
mod tests {
    use super::*;

    fn delegate_of(rank: Option<&str>, name: &str, role: &str) -> String {
        let person = crate::input::DaiBieu {
            cap_bac: rank.map(Into::into),
            ho_ten: name.into(),
            chuc_vu: role.into(),
            to_chuc: false,
        };
        people::delegate_in_sentence(&person)
    }

    #[test]
    fn delegates_are_named_as_the_press_names_them() {
        assert_eq!(
            delegate_of(Some("Đại tá"), "Lê Nguyên Trường", "Phó Giám đốc"),
            "Đại tá Lê Nguyên Trường, Phó Giám đốc"
        );
        assert_eq!(
            delegate_of(None, "Lê Khắc Nam", "Phó Chủ tịch UBND thành phố"),
            "đồng chí Lê Khắc Nam, Phó Chủ tịch UBND thành phố"
        );
        assert_eq!(delegate_of(None, "Lãnh đạo Ủy ban MTTQ Việt Nam tỉnh", ""), "lãnh đạo Ủy ban MTTQ Việt Nam tỉnh");
        assert_eq!(
            delegate_of(None, "Đại diện lãnh đạo", "Công an các quận, huyện"),
            "đại diện lãnh đạo, Công an các quận, huyện"
        );
    }

    #[test]
    fn organisers_say_their_place_once() {
        let organisers =
            ["Công an quận Hồng Bàng".to_string(), "Ban Thường trực Ủy ban MTTQ Việt Nam quận\nHồng Bàng".into()];
        let organisers: Vec<String> = organisers.iter().map(|o| one_line(o)).collect();
        assert_eq!(
            organisers_phrase(&organisers),
            "Công an quận Hồng Bàng phối hợp với Ban Thường trực Ủy ban MTTQ Việt Nam quận"
        );
        assert_eq!(place_of("Công an thành phố Hải Phòng"), Some("thành phố Hải Phòng"));
        assert_eq!(place_of("Ủy ban MTTQ Việt Nam Phường 15"), Some("Phường 15"));
        assert_eq!(place_of("Bộ Công an"), None);
    }
}
