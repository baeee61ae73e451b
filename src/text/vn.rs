//! Vietnamese text conventions: dates as Nghị định 30 writes them, numbers
//! with `.` grouping and `,` decimals, upper case that keeps diacritics, NFC,
//! and the detection of legacy TCVN3 / VNI mojibake.

use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// Unicode NFC (precomposed) form: what every input string is turned into.
pub(crate) fn nfc(text: &str) -> String {
    // Most text is composed already: a quick look avoids rebuilding it
    // (this runs on every cell of a 100,000-row list).
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// Upper case that keeps Vietnamese diacritics ("Ủy ban" → "ỦY BAN").
pub(crate) fn upper(text: &str) -> String {
    nfc(&text.to_uppercase())
}

/// A calendar date as the input gives it (`YYYY-MM-DD`), known to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`; `None` for any other shape or a day that does
    /// not exist (2018-02-30).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok()).flatten()
        };
        let date = Date { year: digits(0..4)? as i32, month: digits(5..7)?, day: digits(8..10)? };
        let valid = (1..=12).contains(&date.month) && date.day >= 1 && date.day <= days_in_month(date.year, date.month);
        valid.then_some(date)
    }

    /// "ngày 05 tháng 01 năm 2020": NĐ 30 pads days below 10 and the
    /// months 1 and 2, and no other month (Phụ lục I, II.4.b).
    pub fn long(&self) -> String {
        format!("ngày {:02} tháng {} năm {}", self.day, self.month_nd30(), self.year)
    }

    /// "01/8/2013", "04/01/2020": the short form used inside running text,
    /// padded by the same rule.
    pub fn short(&self) -> String {
        format!("{:02}/{}/{}", self.day, self.month_nd30(), self.year)
    }

    /// The day of the week as an invitation names it: "thứ Ba", "Chủ
    /// nhật" (proleptic Gregorian, Sakamoto's method).
    pub fn weekday(&self) -> &'static str {
        const SHIFT: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let year = if self.month < 3 { self.year - 1 } else { self.year };
        let index = (year + year / 4 - year / 100 + year / 400 + SHIFT[self.month as usize - 1] + self.day as i32)
            .rem_euclid(7);
        ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"][index as usize]
    }

    fn month_nd30(&self) -> String {
        if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        }
    }
}

impl serde::Serialize for Date {
    /// Templates see dates as in the input ("2018-08-21") and format them
    /// with the `ngay` helper.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An exact decimal number (the input's figures are summed, so no floating
/// point: 1,2 + 2,5 must print 3,7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

impl Decimal {
    /// Parses "175726", "3.7", "-2"; `None` for anything else.
    pub fn parse(text: &str) -> Option<Decimal> {
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || body.len() > 30 {
            return None;
        }
        let units: i128 = format!("{whole}{fraction}").parse().ok()?;
        Some(Decimal::trimmed(Decimal { units: if negative { -units } else { units }, scale: fraction.len() as u32 }))
    }

    pub fn from_int(value: i64) -> Decimal {
        Decimal { units: value as i128, scale: 0 }
    }

    /// As a float, for drawing (never for sums).
    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(self.scale as i32)
    }

    pub fn is_negative(&self) -> bool {
        self.units < 0
    }

    /// The mean of `values`, rounded half up to two decimals ("85,5");
    /// none when there are none.
    pub fn mean(values: &[Decimal]) -> Option<Decimal> {
        if values.is_empty() {
            return None;
        }
        const SCALE: u32 = 2;
        let scale = values.iter().map(|v| v.scale).max().unwrap_or(0).max(SCALE);
        let sum: i128 = values.iter().map(|v| v.rescaled(scale)).sum();
        // Rounded half up at `SCALE` decimals (figures are never negative).
        let divisor = values.len() as i128 * 10i128.pow(scale - SCALE);
        let rounded = (2 * sum + divisor).div_euclid(2 * divisor);
        Some(Decimal { units: rounded, scale: SCALE }.trimmed())
    }

    fn trimmed(mut self) -> Decimal {
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    fn rescaled(self, scale: u32) -> i128 {
        self.units * 10i128.pow(scale - self.scale)
    }

    /// Vietnamese form: "175.726", "3,7", "-1.250,5".
    pub fn vietnamese(&self) -> String {
        let digits = self.units.unsigned_abs().to_string();
        let scale = self.scale as usize;
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        let mut out = String::new();
        if self.units < 0 {
            out.push('-');
        }
        out.push_str(&group_thousands(whole));
        if !fraction.is_empty() {
            out.push(',');
            out.push_str(fraction);
        }
        out
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> std::cmp::Ordering {
        let scale = self.scale.max(other.scale);
        self.rescaled(scale).cmp(&other.rescaled(scale))
    }
}

impl std::ops::Add for Decimal {
    type Output = Decimal;
    fn add(self, other: Decimal) -> Decimal {
        let scale = self.scale.max(other.scale);
        Decimal { units: self.rescaled(scale) + other.rescaled(scale), scale }.trimmed()
    }
}

impl std::iter::Sum for Decimal {
    fn sum<I: Iterator<Item = Decimal>>(iter: I) -> Decimal {
        iter.fold(Decimal::default(), |a, b| a + b)
    }
}

impl fmt::Display for Decimal {
    /// The machine form ("3.7"), as in the input file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.units.unsigned_abs().to_string();
        let scale = self.scale as usize;
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        let sign = if self.units < 0 { "-" } else { "" };
        if fraction.is_empty() {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{fraction}")
        }
    }
}

impl serde::Serialize for Decimal {
    /// Templates see numbers in machine form ("3.7") and format them with
    /// the `so` helper.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// Characters that legacy TCVN3 (.VnTime) and VNI text shows in place of
/// Vietnamese letters once decoded as Unicode ("Céng hßa", "nh©n d©n",
/// "Vieät Nam"), and that Vietnamese never writes inside a word. Signs a
/// Vietnamese document does use (², ³, °, ‰, №, …, –, “ ”, « ») are not
/// among them.
const MOJIBAKE_CHARS: &str = "¡¢£¤¥¦§¨©ª¬\u{ad}®µ¶·¸¹¼½¾ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ";

/// Units written after a micro sign: "µm", "µg" are measures, not "àm".
const MICRO_UNITS: &[char] = &['m', 'g', 's', 'l', 'L'];

/// The first character that marks `text` as legacy TCVN3 / VNI mojibake:
/// one of [`MOJIBAKE_CHARS`] standing inside a word, next to a letter or
/// to another such character ("Céng", "x·", "ñy") — standing alone, after
/// a digit or before a unit ("½ số hộ", "3×4", "10 µm") it is a sign; a
/// TCVN3 letter that reads as an
/// upper-case one inside a lower-case word ("NguyÔn", "TuÊn") or as a
/// sign between letters ("C«ng"); a VNI mark read as a second letter after
/// its vowel ("Nguyeãn", "Vaên", "Traàn") — pairs no Vietnamese word has.
pub(crate) fn mojibake_char(text: &str) -> Option<char> {
    // Every legacy sign is a Latin-1 character outside ASCII: the others
    // need no look (this runs on every cell of a 100,000-row list).
    if text.is_ascii() {
        return None;
    }
    let mut before = None;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ('\u{80}'..='\u{ff}').contains(&ch) {
            let after = chars.peek().copied();
            if legacy_sign(before, ch, after) || tcvn3_letter(before, ch, after) || vni_mark(before, ch) {
                return Some(ch);
            }
        }
        before = Some(ch);
    }
    None
}

/// One of [`MOJIBAKE_CHARS`] inside a word: next to an ASCII letter or to
/// another such character, and not a micro sign before its unit.
fn legacy_sign(before: Option<char>, ch: char, after: Option<char>) -> bool {
    let marker = |c: char| MOJIBAKE_CHARS.contains(c);
    let wordy = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic() || marker(c));
    let micro_unit = ch == 'µ' && !wordy(before) && after.is_some_and(|a| MICRO_UNITS.contains(&a));
    marker(ch) && (wordy(before) || wordy(after)) && !micro_unit
}

/// TCVN3 puts lower-case letters with tones where Latin-1 has upper-case
/// ones (ễ at «Ô», ấ at «Ê») and ô, ằ, ã, Ă at «, », ·, ¡.
fn tcvn3_letter(before: Option<char>, ch: char, after: Option<char>) -> bool {
    let upper_in_word = ('\u{c0}'..='\u{de}').contains(&ch) && before.is_some_and(char::is_lowercase);
    let sign_in_word =
        "«»·¡".contains(ch) && before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic);
    upper_in_word || sign_in_word
}

/// VNI writes a vowel's tone (and the hat or breve of a, e, o) as a
/// second character: "a" + "ù" for á, "e" + "ã" for ễ, "a" + "ê" for ă.
fn vni_mark(before: Option<char>, ch: char) -> bool {
    let (Some(before), ch) = (before.and_then(|b| b.to_lowercase().next()), ch.to_lowercase().next().unwrap_or(ch))
    else {
        return false;
    };
    let tone = "ùøûõï".contains(ch);
    let shape = "âáàåãäêéèúüë".contains(ch);
    match before {
        'a' | 'e' => tone || shape,
        // "hoà", "hoá", "hoãn", "xoè", "khoé" are Vietnamese.
        'o' => tone || (shape && !"àáãèé".contains(ch)),
        'u' | 'y' | 'ô' => tone,
        _ => false,
    }
}

/// The first control character of `text` (a line break is allowed only
/// where `allow_newline`).
pub(crate) fn control_char(text: &str, allow_newline: bool) -> Option<char> {
    text.chars().find(|&ch| ch.is_control() && !(allow_newline && ch == '\n'))
}

/// The first invisible bidirectional control (U+061C, U+200E–U+200F,
/// U+202A–U+202E, U+2066–U+2069): it reorders what is shown, so the
/// printed text would not read as typed.
pub(crate) fn bidi_control(text: &str) -> Option<char> {
    if text.is_ascii() {
        return None;
    }
    text.chars().find(
        |ch| matches!(ch, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
    )
}

/// The first letter of a right-to-left script (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and the others of those blocks): the papers lay text out
/// left to right only.
pub(crate) fn right_to_left(text: &str) -> Option<char> {
    if text.is_ascii() {
        return None;
    }
    text.chars().find(|ch| {
        matches!(ch, '\u{590}'..='\u{8ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}' | '\u{10800}'..='\u{10fff}' | '\u{1e800}'..='\u{1efff}')
            && *ch != '\u{feff}'
    })
}

/// Whether `text` starts with a combining mark or has marks and no letter
/// or digit at all: a name of accents only.
pub(crate) fn no_letters(text: &str) -> bool {
    use unicode_normalization::char::is_combining_mark;
    if text.is_ascii() {
        return false;
    }
    text.chars().next().is_some_and(is_combining_mark)
        || (text.chars().any(is_combining_mark) && !text.chars().any(char::is_alphanumeric))
}

/// `text` with every period of years ("2013 - 2018", "2013-2018",
/// "2013 – 2018") written with `dash` between the years, so one paper
/// writes its periods one way ("2013 - 2018" in NĐ 30 papers).
pub(crate) fn year_ranges<'t>(text: &'t str, dash: &str) -> std::borrow::Cow<'t, str> {
    if !text.contains(['-', '–']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let year_at = |i: usize| {
        i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_alphanumeric() && chars[i - 1] != '/')
            && chars.get(i + 4).is_none_or(|c| !c.is_alphanumeric() && *c != '/')
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if year_at(i) {
            // Spaces, one dash, spaces, then another year.
            let mut j = i + 4;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            if matches!(chars.get(j), Some('-' | '–')) {
                let mut k = j + 1;
                while chars.get(k) == Some(&' ') {
                    k += 1;
                }
                if year_at(k) {
                    out.extend(&chars[i..i + 4]);
                    out.push_str(dash);
                    i = k;
                    continue;
                }
            }
            out.extend(&chars[i..i + 4]);
            i += 4;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_pad_day_and_only_january_february() {
        assert_eq!(Date::parse("2020-01-05").unwrap().long(), "ngày 05 tháng 01 năm 2020");
        assert_eq!(Date::parse("2019-06-29").unwrap().long(), "ngày 29 tháng 6 năm 2019");
        assert_eq!(Date::parse("2018-02-09").unwrap().long(), "ngày 09 tháng 02 năm 2018");
        assert_eq!(Date::parse("2018-12-21").unwrap().long(), "ngày 21 tháng 12 năm 2018");
        assert_eq!(Date::parse("2013-08-01").unwrap().short(), "01/8/2013");
        assert_eq!(Date::parse("2020-01-04").unwrap().short(), "04/01/2020");
    }

    #[test]
    fn weekdays_as_an_invitation_names_them() {
        let day = |text: &str| Date::parse(text).unwrap().weekday();
        assert_eq!(day("2018-08-21"), "thứ Ba");
        assert_eq!(day("2026-12-05"), "thứ Bảy");
        assert_eq!(day("2024-02-29"), "thứ Năm");
        assert_eq!(day("2000-01-01"), "thứ Bảy");
        assert_eq!(day("2023-01-01"), "Chủ nhật");
        assert_eq!(day("2021-03-01"), "thứ Hai");
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in ["2018-02-30", "2019-02-29", "2018-13-01", "2018-00-10", "18-1-1", "2018/01/01", "2018-04-31"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2020-02-29").is_some());
    }

    #[test]
    fn numbers_group_with_dots_and_use_decimal_comma() {
        let n = |s: &str| Decimal::parse(s).unwrap().vietnamese();
        assert_eq!(n("175726"), "175.726");
        assert_eq!(n("1250000"), "1.250.000");
        assert_eq!(n("3.7"), "3,7");
        assert_eq!(n("3.70"), "3,7");
        assert_eq!(n("0.05"), "0,05");
        assert_eq!(n("999"), "999");
        assert_eq!(n("-1250.5"), "-1.250,5");
        assert_eq!(n("0"), "0");
    }

    #[test]
    fn decimal_sums_are_exact() {
        let total: Decimal = ["1.2", "2.5", "0.1", "0.2"].iter().map(|s| Decimal::parse(s).unwrap()).sum();
        assert_eq!(total.vietnamese(), "4");
        assert_eq!((Decimal::parse("1.2").unwrap() + Decimal::parse("2.5").unwrap()).vietnamese(), "3,7");
        assert_eq!(Decimal::parse("1e5"), None);
        assert_eq!(Decimal::parse("1.2.3"), None);
    }

    #[test]
    fn upper_case_keeps_diacritics() {
        assert_eq!(upper("Ủy ban nhân dân thành phố Hải Phòng"), "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG");
        assert_eq!(upper("đặng thị ngọc đẹp"), "ĐẶNG THỊ NGỌC ĐẸP");
    }

    #[test]
    fn nfc_composes_decomposed_input() {
        let decomposed = "Vie\u{323}\u{302}t Nam";
        assert_eq!(nfc(decomposed), "Việt Nam");
    }

    #[test]
    fn legacy_encodings_are_detected_and_unicode_is_not() {
        assert_eq!(mojibake_char("Céng hßa x· héi"), Some('ß'));
        assert_eq!(mojibake_char("Vieät Nam"), Some('ä'));
        assert_eq!(mojibake_char("Thaønh phoá"), Some('ø'));
        assert_eq!(mojibake_char("Cộng hòa xã hội chủ nghĩa Việt Nam – «Độc lập»"), None);
        assert_eq!(mojibake_char("Ủy ban MTTQ Việt Nam quận Ngô Quyền, nhiệt độ 30°"), None);
        assert_eq!(mojibake_char("ñy ban nh©n d©n ph\u{ad}êng A"), Some('ñ'));
        assert_eq!(mojibake_char("Hµ Néi"), Some('µ'));
        assert_eq!(mojibake_char("x· héi"), Some('·'));
        assert_eq!(mojibake_char("Coäng hoøa xaõ hoäi"), Some('ä'));
    }

    #[test]
    fn signs_vietnamese_documents_use_are_not_mojibake() {
        for text in [
            "Nhà văn hóa 120 m², bể nước 5 m³, nhiệt độ 30°C, tỷ lệ 5‰",
            "Khu tập thể № 5… giai đoạn 2013–2018, “Ngày hội Đại đoàn kết”",
            "½ số hộ, khung 3×4 m, sai số ±2, ¼ diện tích, hạt 10 µm, © 2020",
            "«Độc lập» – Tự do",
        ] {
            assert_eq!(mojibake_char(text), None, "{text}");
        }
    }

    #[test]
    fn legacy_names_are_detected() {
        // TCVN3 names whose only tell is a letter read as upper case.
        assert_eq!(mojibake_char("NguyÔn Minh"), Some('Ô'));
        assert_eq!(mojibake_char("Lª TuÊn"), Some('ª'));
        assert_eq!(mojibake_char("Hå ChÝ Minh"), Some('å'));
        assert_eq!(mojibake_char("TiÕn"), Some('Õ'));
        assert_eq!(mojibake_char("C«ng an"), Some('«'));
        // VNI names whose marks are all letters Vietnamese uses.
        assert_eq!(mojibake_char("Nguyeãn Vaên An"), Some('ã'));
        assert_eq!(mojibake_char("Traàn Thò Bình"), Some('à'));
        assert_eq!(mojibake_char("NGUYEÃN VAÊN AN"), Some('Ã'));
        assert_eq!(mojibake_char("Lyù"), Some('ù'));
        assert_eq!(mojibake_char("Duõng"), Some('õ'));
    }

    #[test]
    fn vietnamese_words_near_legacy_patterns_are_not_mojibake() {
        for text in [
            "Nguyễn Văn Hoà, Hoàng Thị Hoá, Lê Hoãn",
            "khoẻ mạnh, xoè, loé sáng, Khoái, Ngoãn",
            "Thuỷ, quả, quà, tuân thủ, thuê nhà, yêu nước, khuyên",
            "Giàng A Páo, Mùa A Dế, Thào Thị Mai, Hoắc",
            "ĐẢNG CỘNG SẢN VIỆT NAM, ỦY BAN NHÂN DÂN, Ô Chợ Dừa",
            "«Đẩy mạnh phong trào», “toàn dân” · mục 2",
            "Tập thể Phòng Cảnh sát hình sự; ông Nguyễn Văn Ông",
        ] {
            assert_eq!(mojibake_char(text), None, "{text}");
        }
    }

    #[test]
    fn right_to_left_bidi_controls_and_bare_marks_are_found() {
        assert_eq!(right_to_left("Nguyễn שלום"), Some('ש'));
        assert_eq!(right_to_left("مرحبا"), Some('م'));
        assert_eq!(right_to_left("Nguyễn Văn An – «Độc lập»"), None);
        assert_eq!(bidi_control("An \u{202e}nỗ"), Some('\u{202e}'));
        assert_eq!(bidi_control("a\u{2067}b"), Some('\u{2067}'));
        assert_eq!(bidi_control("Việt Nam"), None);
        assert!(no_letters("\u{301}\u{300}\u{303}"));
        assert!(no_letters("\u{301}An"));
        assert!(!no_letters("Việt Nam"));
        assert!(!no_letters("½ – №"));
    }

    #[test]
    fn control_characters_are_found() {
        assert_eq!(control_char("a\u{7}b", true), Some('\u{7}'));
        assert_eq!(control_char("a\nb", true), None);
        assert_eq!(control_char("a\nb", false), Some('\n'));
        assert_eq!(control_char("a\tb", true), Some('\t'));
    }

    #[test]
    fn periods_take_one_dash() {
        assert_eq!(year_ranges("giai đoạn 2013-2018 và 2019 – 2023", " - "), "giai đoạn 2013 - 2018 và 2019 - 2023");
        assert_eq!(year_ranges("(2013 - 2018)", "–"), "(2013–2018)");
        assert_eq!(
            year_ranges("số 09/CTr-BCA-MTTW, 1234/QĐ-UBND, 2018-08-15", " - "),
            "số 09/CTr-BCA-MTTW, 1234/QĐ-UBND, 2018-08-15"
        );
        assert_eq!(year_ranges("Công an – MTTQ", " - "), "Công an – MTTQ");
    }
}
