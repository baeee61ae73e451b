//! How numbers are written inside messages: digits in groups of three.

/// 16000000 → "16.000.000" (Vietnamese) or "16,000,000".
pub(super) fn group_digits(number: u64, separator: char) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(ch);
    }
    out
}
