//! Award groups as every document tells them: counts of collectives and
//! individuals, the phrases made from them, and how the awarding authority
//! reads inside a sentence. The report, each decision and its list, the
//! certificates and the press summary all take their figures from here, so
//! they cannot disagree.

use crate::input::{LoaiNguoiNhan, NguoiNhan, NhomKhen};
use crate::text::vn;

/// Recipients of a group by kind: (tập thể, cá nhân).
pub(crate) fn counts(group: &NhomKhen) -> (usize, usize) {
    let collectives = group.danh_sach.iter().filter(|p| p.loai == LoaiNguoiNhan::TapThe).count();
    (collectives, group.danh_sach.len() - collectives)
}

/// "12 tập thể và 15 cá nhân", "03 cá nhân" (two digits below ten, NĐ 30 style).
pub(crate) fn recipients_phrase(group: &NhomKhen) -> String {
    match counts(group) {
        (0, n) => format!("{} cá nhân", vn::two_digits(n)),
        (n, 0) => format!("{} tập thể", vn::two_digits(n)),
        (c, i) => format!("{} tập thể và {} cá nhân", vn::two_digits(c), vn::two_digits(i)),
    }
}

/// "các tập thể và cá nhân", "các cá nhân", "các tập thể".
pub(crate) fn recipients_kinds(group: &NhomKhen) -> &'static str {
    match counts(group) {
        (0, _) => "các cá nhân",
        (_, 0) => "các tập thể",
        _ => "các tập thể và cá nhân",
    }
}

/// Collectives first, then individuals, each in list order.
pub(crate) fn by_kind(group: &NhomKhen) -> (Vec<&NguoiNhan>, Vec<&NguoiNhan>) {
    group.danh_sach.iter().partition(|p| p.loai == LoaiNguoiNhan::TapThe)
}

/// How a recipient is named in a list: "Ông Nguyễn Văn An", a unit's name.
pub(crate) fn display_name(person: &NguoiNhan) -> String {
    match &person.danh_xung {
        Some(title) if person.loai == LoaiNguoiNhan::CaNhan => format!("{title} {}", person.ten),
        _ => person.ten.clone(),
    }
}

/// "Tổ trưởng tổ dân phố số 5, phường Hạ Lý, quận Hồng Bàng".
pub(crate) fn position_and_unit(person: &NguoiNhan) -> String {
    [&person.chuc_vu, &person.don_vi]
        .into_iter()
        .flatten()
        .map(|s| s.trim_end_matches(',').to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The achievement inside a sentence: "đã có thành tích …" (a leading
/// "Đã" of the input is lowered; anything else is kept as typed).
pub(crate) fn achievement_in_sentence(text: &str) -> String {
    let mut words = text.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    let rest = words.next();
    let lowered = match first {
        "Đã" | "Có" | "Vì" | "Do" | "Trong" => first.to_lowercase(),
        _ => first.to_string(),
    };
    match rest {
        Some(rest) => format!("{lowered} {rest}"),
        None => lowered,
    }
}

/// The awarding authority inside a sentence: `cap_khen_viet_thuong` when
/// the input gives it, else [`sentence_case_authority`] of `cap_khen`.
pub(crate) fn authority_in_sentence(group: &NhomKhen) -> String {
    group.cap_khen_viet_thuong.clone().unwrap_or_else(|| sentence_case_authority(&group.cap_khen))
}

/// Words after which the next word starts the name of a body (capitalised).
const TITLES: &[&str] = &[
    "chủ tịch",
    "phó chủ tịch",
    "giám đốc",
    "phó giám đốc",
    "bộ trưởng",
    "thứ trưởng",
    "thủ trưởng",
    "trưởng ban",
    "chánh văn phòng",
    "tư lệnh",
    "hiệu trưởng",
    "cục trưởng",
    "vụ trưởng",
    "tổng cục trưởng",
    "trưởng công an",
    "thủ tướng",
];

/// Administrative units: the words after them are a place name (capitalised).
const PLACE_UNITS: &[&str] = &["thành phố", "tỉnh", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn"];

/// Names written capitalised wherever they stand.
const PROPER: &[&str] = &["Việt Nam", "Công an", "Chính phủ", "Quốc hội", "Mặt trận Tổ quốc", "Nhà nước"];

/// Abbreviations kept upper-case.
const ACRONYMS: &[&str] = &["UBND", "HĐND", "MTTQ", "TW", "CAND", "QĐND", "ANTQ", "ANTT", "TP", "TP.", "TDTT"];

/// "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" → "Chủ tịch Ủy ban nhân
/// dân thành phố Hải Phòng": lower case, with the first word, the start of
/// the body after a title, place names and known proper names capitalised.
/// For names this does not know, the input can give `cap_khen_viet_thuong`.
pub(crate) fn sentence_case_authority(upper: &str) -> String {
    let words: Vec<String> = upper
        .split_whitespace()
        .map(|w| if ACRONYMS.contains(&w) { w.to_string() } else { w.to_lowercase() })
        .collect();
    let mut capital = vec![false; words.len()];
    if !capital.is_empty() {
        capital[0] = true;
    }
    let starts_with = |i: usize, phrase: &str| -> Option<usize> {
        let parts: Vec<&str> = phrase.split(' ').collect();
        (i + parts.len() <= words.len() && parts.iter().enumerate().all(|(k, p)| words[i + k] == *p))
            .then_some(parts.len())
    };
    let mut i = 0;
    while i < words.len() {
        if let Some(n) = TITLES.iter().filter_map(|t| starts_with(i, t)).max() {
            if i + n < words.len() {
                capital[i + n] = true;
            }
            i += n;
            continue;
        }
        if let Some(n) = PLACE_UNITS.iter().filter_map(|t| starts_with(i, t)).max() {
            // "thành phố Hải Phòng": the place name runs to the end.
            (i + n..words.len()).for_each(|k| capital[k] = true);
            break;
        }
        i += 1;
    }
    let joined = words
        .iter()
        .zip(&capital)
        .map(|(w, &cap)| if cap { capitalise(w) } else { w.clone() })
        .collect::<Vec<_>>()
        .join(" ");
    PROPER.iter().fold(joined, |text, name| replace_words(&text, &name.to_lowercase(), name))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Replaces whole-word occurrences of `from` (any case of its first letter) by `to`.
fn replace_words(text: &str, from: &str, to: &str) -> String {
    let padded = format!(" {text} ");
    let capitalised = capitalise(from);
    let replaced = padded
        .replace(&format!(" {from} "), &format!(" {to} "))
        .replace(&format!(" {capitalised} "), &format!(" {to} "));
    replaced[1..replaced.len() - 1].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorities_read_naturally_inside_a_sentence() {
        assert_eq!(
            sentence_case_authority("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"),
            "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng"
        );
        assert_eq!(
            sentence_case_authority("GIÁM ĐỐC CÔNG AN THÀNH PHỐ HẢI PHÒNG"),
            "Giám đốc Công an thành phố Hải Phòng"
        );
        assert_eq!(sentence_case_authority("BỘ TRƯỞNG BỘ CÔNG AN"), "Bộ trưởng Bộ Công an");
        assert_eq!(sentence_case_authority("CHỦ TỊCH UBND TỈNH QUẢNG NAM"), "Chủ tịch UBND tỉnh Quảng Nam");
        assert_eq!(
            sentence_case_authority("CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HẢI PHÒNG"),
            "Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hải Phòng"
        );
    }

    #[test]
    fn achievements_continue_a_sentence() {
        assert_eq!(achievement_in_sentence("Đã có thành tích xuất sắc"), "đã có thành tích xuất sắc");
        assert_eq!(achievement_in_sentence("MTTQ đánh giá cao"), "MTTQ đánh giá cao");
    }
}
