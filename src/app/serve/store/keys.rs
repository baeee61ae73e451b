//! What makes two register entries the same: a body however it is spelt
//! (case, spaces, "Ủy"/"Uỷ", accents typed or not), a number however it is
//! padded ("01" is "1"). The database's unique indexes are over these keys,
//! so a number exists once per body, kind and year whatever was typed.

/// The largest number a register gives; a counter set or passed beyond it
/// is refused, and one that reaches it stops drawing with a message.
pub(crate) const MAX_NUMBER: i64 = 999_999_999;

/// Text as a search compares it: lower case, no accents, đ as d, single spaces.
pub(crate) fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .collect::<String>()
        .to_lowercase();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A body's identity: folded (no accents, lower case), punctuation dropped,
/// single spaces.
pub(crate) fn body_key(body: &str) -> String {
    let folded = fold(body);
    let kept: String = folded.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The leading digits of `number` without their padding ("0101/BK" → "101");
/// none when it does not start with a digit.
fn leading_digits(number: &str) -> Option<&str> {
    let trimmed = number.trim();
    let end = trimmed.find(|c: char| !c.is_ascii_digit()).unwrap_or(trimmed.len());
    if end == 0 {
        return None;
    }
    let digits = trimmed[..end].trim_start_matches('0');
    Some(if digits.is_empty() { "0" } else { digits })
}

/// A sổ vàng number's identity: its number without padding and the rest
/// folded ("0012/BK" and "12/bk" are one; "12" and "12/GK" are two).
pub(crate) fn register_key(number: &str) -> String {
    let trimmed = number.trim();
    match leading_digits(trimmed) {
        Some(digits) => {
            let rest = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
            let rest: String = fold(rest).chars().filter(|c| !c.is_whitespace()).collect();
            format!("{digits}{rest}")
        }
        None => fold(trimmed).chars().filter(|c| !c.is_whitespace()).collect(),
    }
}

/// A decision number's identity within its body and year: the number alone
/// (a body numbers its papers of a year once: "12/QĐ-UBND" and "012/QĐ-CT"
/// are the same number), or the folded text when it has none.
pub(crate) fn decision_key(number: &str) -> String {
    match leading_digits(number) {
        Some(digits) => digits.to_string(),
        None => fold(number).chars().filter(|c| !c.is_whitespace()).collect(),
    }
}

/// The number a key stands for, when it is one within the register's range.
pub(crate) fn key_value(key: &str) -> Option<i64> {
    let digits: &str = &key[..key.find(|c: char| !c.is_ascii_digit()).unwrap_or(key.len())];
    digits.parse::<i64>().ok().filter(|n| *n <= MAX_NUMBER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_body_spelt_two_ways_is_one_body() {
        let keys = [
            "UBND quận Hồng Bàng",
            "  UBND  QUẬN HỒNG BÀNG ",
            "UBND quận Hồng Bàng.",
            "UBND quan Hong Bang",
            "UBND qua\u{0323}\u{0302}n Ho\u{0302}\u{0300}ng Ba\u{0300}ng",
        ]
        .map(body_key);
        assert!(keys.iter().all(|k| k == "ubnd quan hong bang"), "{keys:?}");
        assert_eq!(body_key("Ủy ban nhân dân"), body_key("Uỷ ban nhân dân"));
        assert_ne!(body_key("UBND quận Lê Chân"), body_key("UBND quận Hồng Bàng"));
    }

    #[test]
    fn padded_numbers_are_the_same_number() {
        assert_eq!(register_key("01"), register_key("1"));
        assert_eq!(register_key("0012/BK"), register_key("12/bk"));
        assert_ne!(register_key("12"), register_key("12/GK"));
        assert_eq!(register_key("000"), "0");
        assert_eq!(register_key("BK-5"), "bk-5");
        assert_eq!(decision_key("0123/QĐ-UBND"), "123");
        assert_eq!(decision_key("123/QĐ-CT"), "123");
        assert_eq!(decision_key("QĐ đặc biệt"), "qddacbiet");
        assert_eq!(key_value("123/bk"), Some(123));
        assert_eq!(key_value("99999999999999999999"), None);
        assert_eq!(key_value("bk-5"), None);
    }
}
