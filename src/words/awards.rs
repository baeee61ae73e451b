//! Award groups as every document tells them: counts of collectives and
//! individuals, the phrases made from them, and how the awarding authority
//! reads inside a sentence. The report, each decision and its list, the
//! certificates and the press summary all take their figures from here, so
//! they cannot disagree.

use crate::input::{LoaiNguoiNhan, NguoiNhan, NhomKhen};
use crate::text::case;

/// Recipients of a group by kind: (tập thể, cá nhân).
pub(crate) fn counts(group: &NhomKhen) -> (usize, usize) {
    let collectives = group.danh_sach.iter().filter(|p| p.loai == LoaiNguoiNhan::TapThe).count();
    (collectives, group.danh_sach.len() - collectives)
}

/// "12 tập thể và 15 cá nhân", "3 cá nhân": counts as the papers and the
/// press write them, without a leading zero.
pub(crate) fn recipients_phrase(group: &NhomKhen) -> String {
    match counts(group) {
        (0, n) => format!("{n} cá nhân"),
        (n, 0) => format!("{n} tập thể"),
        (c, i) => format!("{c} tập thể và {i} cá nhân"),
    }
}

/// "các tập thể, cá nhân", "các cá nhân", "các tập thể" — with a comma, so
/// Điều 3's "… có liên quan và các tập thể, cá nhân có tên tại Điều 1"
/// does not say "và" twice.
pub(crate) fn recipients_kinds(group: &NhomKhen) -> &'static str {
    match counts(group) {
        (0, _) => "các cá nhân",
        (_, 0) => "các tập thể",
        _ => "các tập thể, cá nhân",
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
/// the input gives it, else `cap_khen` as running text (derived by the
/// capitalisation rules when typed in upper case).
pub(crate) fn authority_in_sentence(group: &NhomKhen) -> String {
    group.cap_khen_viet_thuong.clone().unwrap_or_else(|| sentence_case_authority(&group.cap_khen))
}

/// A name typed for a header ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI
/// PHÒNG") as running text ("Chủ tịch Ủy ban nhân dân thành phố Hải
/// Phòng"); a name typed in normal case is kept as typed.
pub(crate) fn sentence_case_authority(name: &str) -> String {
    case::in_running_text(name).text
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
        assert_eq!(sentence_case_authority("Giám đốc Công an TP. Hải Phòng"), "Giám đốc Công an TP. Hải Phòng");
    }

    #[test]
    fn achievements_continue_a_sentence() {
        assert_eq!(achievement_in_sentence("Đã có thành tích xuất sắc"), "đã có thành tích xuất sắc");
        assert_eq!(achievement_in_sentence("MTTQ đánh giá cao"), "MTTQ đánh giá cao");
    }
}
