//! Figures in prose: a metric's period figure as a clause of a Vietnamese
//! sentence ("175.726 lượt người tham gia", "10 CLB về bảo đảm ANTT",
//! "kinh phí xã hội hóa 13,7 tỷ đồng"), the rounded form the press uses
//! ("hơn 4,1 nghìn"), and the figures the narrative's `{{ma}}` names —
//! all from the same numbers as the results table.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::input::{self, CachTinh, ChiTieu, Input};
use crate::text::case;
use crate::text::vn::Decimal;

/// A metric's figure as a clause, its period value first where the name
/// allows, the unit said once; a stock says when it was counted.
pub(crate) fn clause(input: &Input, metric: &ChiTieu, value: Decimal) -> String {
    let figure = value.vietnamese();
    let (body, numbered) = match metric.ten.split_once(' ') {
        // "Số khu phố" → "12 khu phố".
        Some((first, rest)) if first == "Số" || first == "số" => (rest.to_string(), true),
        _ => (metric.ten.clone(), false),
    };
    let body = lower_first(&body);
    let words: Vec<&str> = body.split_whitespace().collect();
    let text = match metric.don_vi.as_deref() {
        Some("%") => format!("{body} {figure}%"),
        Some(unit) => {
            let unit_words: Vec<String> = unit.split_whitespace().map(str::to_lowercase).collect();
            // "Mô hình, điển hình …" counted in "mô hình": its comma aside.
            let bare = |w: &str| w.trim_end_matches([',', ';', ':', '.']).to_lowercase();
            let starts_with_unit =
                unit_words.len() <= words.len() && unit_words.iter().zip(&words).all(|(u, w)| *u == bare(w));
            match abbreviated_words(unit, &words) {
                _ if starts_with_unit => format!("{figure} {body}"),
                // "Câu lạc bộ …" counted in "CLB": "10 CLB …".
                Some(n) if n == words.len() => format!("{figure} {unit}"),
                Some(n) => format!("{figure} {unit} {}", words[n..].join(" ")),
                None if numbered => format!("{figure} {unit} {body}"),
                None => format!("{body} {figure} {unit}"),
            }
        }
        None if numbered || input::is_count(metric) => format!("{figure} {body}"),
        None => format!("{body} {figure}"),
    };
    when_counted(input, metric, text)
}

/// A stock says when it was counted: "đến năm 2018 có 12 khu phố" at the
/// end of the period, "cao nhất 12 khu phố (năm 2017)" at its highest; a
/// flow's clause is returned as it is.
fn when_counted(input: &Input, metric: &ChiTieu, text: String) -> String {
    let yearly = input::yearly_values(&input.ket_qua_nam, &metric.ma);
    let from_total = input.tong_hop.iter().any(|(code, _)| *code == metric.ma);
    let years: Vec<i32> = yearly.iter().map(|(y, _)| *y).collect();
    let partial = !from_total && !yearly.is_empty() && !input.covers_period(&years);
    match metric.cach_tinh {
        // The sum of the years the file has is not the period's result.
        CachTinh::Tong if partial => format!("{} có {text}", years_counted(&yearly)),
        CachTinh::Tong => text,
        // One year's figure is no average.
        CachTinh::TrungBinh if yearly.len() < 2 && !from_total => text,
        CachTinh::TrungBinh => format!("bình quân các năm {text}"),
        CachTinh::CuoiKy => {
            let year = yearly.iter().map(|(y, _)| *y).max().filter(|_| !from_total).unwrap_or(input.giai_doan.den);
            format!("đến năm {year} có {text}")
        }
        CachTinh::LonNhat => match yearly.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))) {
            Some((year, _)) if !from_total => format!("cao nhất {text} (năm {year})"),
            _ => format!("cao nhất {text}"),
        },
    }
}

/// The years a partial sum counts: "từ năm 2020 đến năm 2025", "các năm
/// 2019, 2021 và 2023", "năm 2021".
fn years_counted(yearly: &[(i32, Decimal)]) -> String {
    let mut years: Vec<i32> = yearly.iter().map(|(y, _)| *y).collect();
    years.sort_unstable();
    years.dedup();
    match years.as_slice() {
        [one] => format!("năm {one}"),
        [first, .., last] if (last - first) as usize + 1 == years.len() => format!("từ năm {first} đến năm {last}"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(i32::to_string).collect();
            format!("các năm {} và {last}", rest.join(", "))
        }
        [] => String::new(),
    }
}

/// How many of `words` the abbreviation `unit` stands for ("CLB" for
/// "câu lạc bộ"), when it is one.
fn abbreviated_words(unit: &str, words: &[&str]) -> Option<usize> {
    let letters: Vec<char> = unit.chars().collect();
    if letters.len() < 2 || letters.len() > words.len() || !case::is_upper_case(unit) || unit.contains(' ') {
        return None;
    }
    let initials = words.iter().take(letters.len()).map(|w| initial(w));
    initials.zip(&letters).all(|(i, l)| Some(initial_of_char(*l)) == i).then_some(letters.len())
}

fn initial(word: &str) -> Option<char> {
    word.chars().next().map(initial_of_char)
}

/// A letter's base, upper case: "đ" → 'Đ', "ủ" → 'U'.
fn initial_of_char(c: char) -> char {
    use unicode_normalization::UnicodeNormalization;
    let upper: String = c.to_uppercase().collect();
    if upper == "Đ" {
        return 'Đ';
    }
    upper.nfd().next().unwrap_or(c)
}

/// The name inside a sentence: its first letter lowered unless it begins
/// with a name or an abbreviation ("MTTQ…", "Công an…").
pub(crate) fn lower_first(name: &str) -> String {
    if case::keeps_initial_capital(name) {
        return name.to_string();
    }
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `value` rounded down to a tenth of its thousand, million or billion, as
/// the press writes "hơn 4,1 nghìn", "hơn 3,7 tỷ"; below a thousand, whole.
pub(crate) fn short(value: Decimal) -> String {
    let machine = value.to_string();
    let whole: u128 = machine.split('.').next().unwrap_or("0").trim_start_matches('-').parse().unwrap_or(0);
    let scales: [(u128, &str); 3] = [(1_000_000_000, "tỷ"), (1_000_000, "triệu"), (1_000, "nghìn")];
    match scales.iter().find(|(size, _)| whole >= *size) {
        Some((size, word)) => {
            let tenths = whole * 10 / size;
            let rounded = Decimal::parse(&format!("{}.{}", tenths / 10, tenths % 10)).unwrap_or_default();
            format!("{} {word}", rounded.vietnamese())
        }
        None => value.vietnamese(),
    }
}

/// A metric's figures as the narrative names them.
#[derive(Serialize)]
pub(crate) struct FigureTexts {
    /// `{{ma}}`: the period figure.
    pub tong: Option<String>,
    /// `{{ma gon}}`: rounded down.
    pub gon: Option<String>,
    /// `{{ma 2017}}`: by year.
    pub nam: BTreeMap<String, String>,
}

/// Every metric's figures, by code, for the `doan` helper.
pub(crate) fn for_narrative(input: &Input) -> BTreeMap<String, FigureTexts> {
    input
        .chi_tieu
        .iter()
        .map(|metric| {
            let total = input.period_total(&metric.ma);
            let nam = input::yearly_values(&input.ket_qua_nam, &metric.ma)
                .into_iter()
                .map(|(year, value)| (year.to_string(), value.vietnamese()))
                .collect();
            let texts = FigureTexts { tong: total.map(|t| t.vietnamese()), gon: total.map(short), nam };
            (metric.ma.clone(), texts)
        })
        .collect()
}

/// True when a narrative names figures (`{{ma}}`): the text then carries
/// the results itself.
pub(crate) fn cites_figures(text: &str) -> bool {
    input::narrative::pieces(text)
        .is_ok_and(|pieces| pieces.iter().any(|p| matches!(p, input::narrative::Piece::Figure(_))))
}

/// Whether the clerk's `narrative` already states `metric`'s period figure
/// `value`: it names it (`{{ma}}`, `{{ma gon}}`, `{{ma 2017}}`), or has
/// the figure typed before its unit ("77 mô hình"). The default sentence
/// of results then leaves it out, so a figure is said once.
pub(crate) fn states(narrative: &str, metric: &ChiTieu, value: Decimal) -> bool {
    let Ok(pieces) = input::narrative::pieces(narrative) else {
        return false;
    };
    let mut typed = String::new();
    for piece in pieces {
        match piece {
            input::narrative::Piece::Figure(figure) if figure.code == metric.ma => return true,
            input::narrative::Piece::Figure(_) => typed.push(' '),
            input::narrative::Piece::Text(text) => typed.push_str(&text.to_lowercase()),
        }
    }
    let Some(unit) = metric.don_vi.as_deref().filter(|u| *u != "%") else {
        return false;
    };
    let said = format!("{} {}", value.vietnamese(), unit.to_lowercase());
    typed.match_indices(&said).any(|(at, _)| {
        let before = typed[..at].chars().next_back();
        let after = typed[at + said.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',')
            && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_round_down() {
        let short_of = |s: &str| short(Decimal::parse(s).unwrap());
        assert_eq!(short_of("4123"), "4,1 nghìn");
        assert_eq!(short_of("3712000000"), "3,7 tỷ");
        assert_eq!(short_of("175726"), "175,7 nghìn");
        assert_eq!(short_of("1000"), "1 nghìn");
        assert_eq!(short_of("2999999"), "2,9 triệu");
        assert_eq!(short_of("999"), "999");
    }

    #[test]
    fn abbreviations_stand_for_their_words() {
        assert_eq!(abbreviated_words("CLB", &["câu", "lạc", "bộ", "về"]), Some(3));
        assert_eq!(abbreviated_words("CLB", &["mô", "hình", "bộ"]), None);
        assert_eq!(abbreviated_words("ĐVT", &["đơn", "vị", "tính"]), Some(3));
    }

    fn metric(ten: &str, don_vi: &str) -> ChiTieu {
        ChiTieu { ma: "mh".into(), ten: ten.into(), don_vi: Some(don_vi.into()), nhom: None, cach_tinh: CachTinh::Tong }
    }

    #[test]
    fn a_figure_is_said_once() {
        let models = metric("Mô hình, điển hình tiên tiến về bảo đảm ANTT", "mô hình");
        let five = Decimal::from_int(5);
        assert!(states("Đã xây dựng {{mh}} mô hình.", &models, five));
        assert!(states("Toàn quận có 5 mô hình tự quản.", &models, five));
        assert!(!states("Toàn quận có 15 mô hình tự quản.", &models, five));
        assert!(!states("Toàn quận có 5 câu lạc bộ.", &models, five));
        assert!(!states("Đã xây dựng {{khac}} mô hình.", &models, five));
    }

    #[test]
    fn a_metric_named_from_its_unit_reads_number_first() {
        let yaml = include_str!("../../tests/fixtures/minimal.yaml");
        let input = crate::input::load_str(yaml, "minimal.yaml", std::path::Path::new(".")).expect("loads");
        let five = Decimal::from_int(5);
        let models = metric("Mô hình, điển hình tiên tiến về bảo đảm ANTT", "mô hình");
        assert_eq!(clause(&input, &models, five), "5 mô hình, điển hình tiên tiến về bảo đảm ANTT");
        let clubs = metric("Câu lạc bộ về an ninh", "CLB");
        assert_eq!(clause(&input, &clubs, five), "5 CLB về an ninh");
        let people = metric("Người tham gia", "lượt người");
        assert_eq!(clause(&input, &people, five), "người tham gia 5 lượt người");
    }
}
