//! How the papers name what is reviewed — one programme or several, of any
//! kind (chương trình phối hợp, kế hoạch, quyết định, chỉ thị, phong trào …)
//! — and the period: every heading and sentence takes these phrases, so
//! none says "Chương trình" of a Quyết định or "giai đoạn 2025 - 2025".

use serde::Serialize;

use super::awards::sentence_case_authority;
use crate::input::{is_movement, ChuongTrinh, Input};
use crate::text::quotes::quoted;

/// The phrases naming the programmes and the period, for every template.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProgrammeWords {
    /// First mention, in full: "Chương trình phối hợp số 09/CTr-BCA-MTTW
    /// ngày 01 tháng 8 năm 2013 giữa Bộ Công an và … về “…”"; several
    /// joined by "; ".
    pub(crate) chuong_trinh_day_du: String,
    /// As the press names them: the full mention without dates.
    pub(crate) chuong_trinh_bao_chi: String,
    /// By number: "Chương trình phối hợp số 09/CTr-BCA-MTTW", "Quyết định
    /// số 521/QĐ-TTg, Kế hoạch số 09-KH/ĐU và …"; a movement by its name.
    pub(crate) chuong_trinh_so_hieu: String,
    /// By number and title: "Chương trình phối hợp số 09/CTr-BCA-MTTW về “…”".
    pub(crate) chuong_trinh_so_hieu_ten: String,
    /// By number and date: "… số 09/CTr-BCA-MTTW ngày 01 tháng 8 năm 2013".
    pub(crate) chuong_trinh_so_hieu_ngay: String,
    /// A second mention: "Chương trình", "Kế hoạch", "Quyết định"; several:
    /// "các chương trình", "các chương trình, kế hoạch và quyết định".
    pub(crate) chuong_trinh_goi_tat: String,
    /// The report's heading of results: "Kết quả thực hiện các nội dung
    /// phối hợp" for joint programmes, "… các nội dung Quyết định" …
    pub(crate) tieu_de_ket_qua: String,
    /// More than one programme.
    pub(crate) nhieu_chuong_trinh: bool,
    /// A report on one year (`giai_doan.tu == den`).
    pub(crate) mot_nam: bool,
    /// The period in a sentence: "giai đoạn 2013 - 2018", "năm 2025".
    pub(crate) ky: String,
    /// The mention by number already ends with the period: a movement named
    /// “Dân vận khéo” năm 2025 — "… năm 2025 năm 2025" is never printed.
    pub(crate) ten_co_ky: bool,
}

/// The kind as a sentence writes it: a document's kind with its capital
/// ("Kế hoạch số …", NĐ 30 Phụ lục II), a movement or campaign in lower
/// case — it names no document ("thực hiện phong trào thi đua “…”").
fn kind(programme: &ChuongTrinh) -> String {
    let kind = programme.kind();
    if is_movement(kind) {
        let mut letters = kind.chars();
        letters.next().map(|first| first.to_lowercase().chain(letters).collect()).unwrap_or_default()
    } else {
        kind.to_string()
    }
}

/// The first two words of a kind, for a second mention ("Chương trình phối
/// hợp" → "Chương trình", "Phong trào thi đua" → "Phong trào", "Cuộc vận
/// động" whole).
pub(crate) fn short_kind(kind: &str) -> String {
    // "Cuộc vận động" is one word of three syllables: "Cuộc vận" is none.
    let words = if kind.to_lowercase().starts_with("cuộc vận động") { 3 } else { 2 };
    kind.split_whitespace().take(words).collect::<Vec<_>>().join(" ")
}

/// True for a kind two or more bodies carry out together, whose results
/// are "the contents of the coordination".
fn is_joint(kind: &str) -> bool {
    let kind = kind.to_lowercase();
    kind.contains("phối hợp") || kind.contains("liên tịch")
}

/// "A", "A và B", "A, B và C".
fn joined(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}

/// "Quyết định số 521/QĐ-TTg"; a movement without a number by its title:
/// "Phong trào thi đua “Toàn dân bảo vệ an ninh Tổ quốc”".
fn by_number(programme: &ChuongTrinh) -> String {
    match &programme.so {
        Some(number) => format!("{} số {number}", kind(programme)),
        None => format!("{} {}", kind(programme), quoted(&programme.ten)),
    }
}

fn by_number_and_title(programme: &ChuongTrinh) -> String {
    match programme.so {
        Some(_) => format!("{} về {}", by_number(programme), quoted(&subject_after_ve(&programme.ten))),
        None => by_number(programme),
    }
}

fn by_number_and_date(programme: &ChuongTrinh) -> String {
    match programme.ngay {
        Some(date) => format!("{} {}", by_number(programme), date.long()),
        None => by_number(programme),
    }
}

/// Who made it: "giữa Bộ Công an và …" for several parties, "của …" for
/// one, or the issuer `ban_hanh`; empty when neither is known.
fn made_by(programme: &ChuongTrinh) -> String {
    if let Some(issuer) = &programme.ban_hanh {
        return format!("của {issuer}");
    }
    let parties: Vec<String> = programme.cac_ben.iter().map(|p| sentence_case_authority(p)).collect();
    match parties.len() {
        0 => String::new(),
        1 => format!("của {}", parties[0]),
        _ => format!("giữa {}", joined(&parties)),
    }
}

/// The full first mention of one programme, with its date when `dated`.
fn in_full(programme: &ChuongTrinh, dated: bool) -> String {
    let head = if dated { by_number_and_date(programme) } else { by_number(programme) };
    let by = made_by(programme);
    let by = if by.is_empty() { String::new() } else { format!(" {by}") };
    if programme.so.is_none() {
        // The movement's title is already in its name.
        return format!("{head}{by}");
    }
    format!("{head}{by} về {}", quoted(&subject_after_ve(&programme.ten)))
}

/// A title as it follows the sentence's own "về": a Nghị quyết's title
/// typed "Về xây dựng …" would print "về “Về xây dựng …”".
fn subject_after_ve(title: &str) -> String {
    let title = title.trim();
    let rest = ["Về ", "về ", "VỀ "].iter().find_map(|ve| title.strip_prefix(ve));
    match rest.map(str::trim_start) {
        Some(rest) if !rest.is_empty() => {
            let mut letters = rest.chars();
            letters.next().map(|first| first.to_uppercase().chain(letters).collect()).unwrap_or_default()
        }
        _ => title.to_string(),
    }
}

/// True when a name ends with the period ("… năm 2025”", "giai đoạn 2021 -
/// 2025"), dashes and spaces as typed.
fn ends_with_period(name: &str, period: &str) -> bool {
    let squeeze =
        |text: &str| -> String { text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect() };
    squeeze(name).ends_with(&squeeze(period))
}

/// The achievement of a group whose input does not word it: "Đã có thành
/// tích xuất sắc trong 5 năm thực hiện Quyết định số … về “…”, giai đoạn
/// 2013 - 2018", "… trong thực hiện Kế hoạch số … năm 2025".
pub(crate) fn default_achievement(input: &Input) -> String {
    let words = of(input);
    if words.mot_nam {
        let period = if words.ten_co_ky { String::new() } else { format!(" {}", words.ky) };
        format!("Đã có thành tích xuất sắc trong thực hiện {}{period}", words.chuong_trinh_so_hieu_ten)
    } else {
        let years = input.years_reviewed();
        // A title that ends with the period says it already.
        let named = input.cac_chuong_trinh.last().is_some_and(|last| ends_with_period(&last.ten, &words.ky));
        let period = if named { String::new() } else { format!(", {}", words.ky) };
        format!("Đã có thành tích xuất sắc trong {years} năm thực hiện {}{period}", words.chuong_trinh_so_hieu_ten)
    }
}

/// The achievement printed for `group`: its own, or the default.
pub(crate) fn achievement(input: &Input, group: &crate::input::NhomKhen) -> String {
    group.thanh_tich.clone().unwrap_or_else(|| default_achievement(input))
}

/// The phrases of `input`'s programmes and period.
/// One programme cited by its number, and by its number and title (a
/// summary that names its own programme).
pub(crate) fn cited(programme: &ChuongTrinh) -> (String, String) {
    (by_number(programme), by_number_and_title(programme))
}

pub(crate) fn of(input: &Input) -> ProgrammeWords {
    let all: &[ChuongTrinh] = &input.cac_chuong_trinh;
    let kinds: Vec<String> = all.iter().map(kind).collect();
    let several = all.len() > 1;
    let second_mention = if several {
        let mut shorts: Vec<String> = Vec::new();
        for short in kinds.iter().map(|k| short_kind(k).to_lowercase()) {
            if !shorts.contains(&short) {
                shorts.push(short);
            }
        }
        format!("các {}", joined(&shorts))
    } else {
        short_kind(kinds.first().map(String::as_str).unwrap_or_default())
    };
    let results_heading = if kinds.iter().all(|k| is_joint(k)) {
        "Kết quả thực hiện các nội dung phối hợp".to_string()
    } else if several {
        format!("Kết quả thực hiện {second_mention}")
    } else if kinds.iter().all(|k| is_movement(k)) {
        format!("Kết quả thực hiện {}", second_mention.to_lowercase())
    } else {
        format!("Kết quả thực hiện các nội dung {second_mention}")
    };
    let (from, to) = (input.giai_doan.tu, input.giai_doan.den);
    let one_year = input.is_one_year();
    let period = if one_year { format!("năm {to}") } else { format!("giai đoạn {from} - {to}") };
    ProgrammeWords {
        chuong_trinh_day_du: all.iter().map(|p| in_full(p, true)).collect::<Vec<_>>().join("; "),
        chuong_trinh_bao_chi: all.iter().map(|p| in_full(p, false)).collect::<Vec<_>>().join("; "),
        chuong_trinh_so_hieu: joined(&all.iter().map(by_number).collect::<Vec<_>>()),
        chuong_trinh_so_hieu_ten: joined(&all.iter().map(by_number_and_title).collect::<Vec<_>>()),
        chuong_trinh_so_hieu_ngay: joined(&all.iter().map(by_number_and_date).collect::<Vec<_>>()),
        chuong_trinh_goi_tat: second_mention,
        tieu_de_ket_qua: results_heading,
        nhieu_chuong_trinh: several,
        mot_nam: one_year,
        ten_co_ky: all.last().is_some_and(|last| last.so.is_none() && ends_with_period(&last.ten, &period)),
        ky: period,
    }
}
