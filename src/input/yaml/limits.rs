//! The limits of `docs/gioi-han.md` on YAML text and on what it unfolds
//! to, and the checks made on the text itself (characters, line length) and
//! on each plain number as typed.

use crate::diag::Kind;
use crate::input::bounds;

/// The longest line read, in characters: a paragraph of a report is a few
/// thousand; 100,000 is some forty printed pages on one line.
pub(crate) const MAX_LINE_CHARS: usize = 100_000;

/// The most values aliases (`*ten`) may add to a file when expanded. The
/// positioned tree copies an aliased block (about 100 bytes a value, kept
/// under its anchor as well), so this keeps a bomb under some 20 MB per
/// request while a clerk's file, which shares a block or two, is far below.
pub(crate) const MAX_ALIASED_VALUES: u64 = 100_000;

/// The most text aliases may add to a file when expanded (bytes).
pub(crate) const MAX_ALIASED_BYTES: u64 = 64 * 1024 * 1024;

/// The most values (texts, numbers, lists, mappings, keys) of one file,
/// aliases expanded: an inline list of 200,000 recipients is about 3 million.
pub(crate) const MAX_VALUES: u64 = 5_000_000;

/// The most entries of one list or mapping: as many as an award group may
/// have recipients.
pub(crate) const MAX_ENTRIES: usize = bounds::MAX_RECIPIENTS;

/// The most significant digits of a number: a decimal of up to 15 digits
/// is kept exactly as typed; more would be rounded without a word.
pub(crate) const MAX_DIGITS: usize = 15;

/// The first character YAML refuses (a control character other than tab
/// and line breaks, or a non-character) and the first line longer than
/// [`MAX_LINE_CHARS`], with their line and column: one pass over the bytes.
pub(super) fn scan_text(text: &str) -> Option<(usize, usize, Kind)> {
    let mut line = 1;
    let mut col = 0;
    for ch in text.chars() {
        if ch == '\n' {
            line += 1;
            col = 0;
            continue;
        }
        col += 1;
        let printable = matches!(ch, '\t' | '\r' | '\u{20}'..='\u{7e}' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
        if !printable {
            return Some((line, col, Kind::ControlChar(ch)));
        }
        if col > MAX_LINE_CHARS {
            return Some((line, col, Kind::LineTooLong { limit: MAX_LINE_CHARS }));
        }
    }
    None
}

/// Why a plain scalar cannot be read as a number the way it is typed: an
/// integer beyond what a number holds (it stops at 2^64), or a decimal
/// with more significant digits than are kept exactly.
pub(super) fn number_trouble(scalar: &str) -> Option<Kind> {
    let unsigned = scalar.strip_prefix(['+', '-']).unwrap_or(scalar);
    let digits = unsigned.bytes().all(|b| b.is_ascii_digit());
    if digits && !unsigned.is_empty() && !(unsigned.len() > 1 && unsigned.starts_with('0')) {
        let fits = unsigned.parse::<u64>().is_ok() || scalar.parse::<i64>().is_ok();
        return (!fits).then(|| Kind::NumberTooLarge { value: scalar.to_string(), limit: MAX_FIGURE });
    }
    let float = unsigned.parse::<f64>().ok().filter(|f| f.is_finite())?;
    // Only decimals typed with a point or an exponent (not "inf", "nan").
    if !unsigned.bytes().next().is_some_and(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let mantissa = unsigned.split(['e', 'E']).next().unwrap_or("");
    let significant = mantissa.trim_start_matches(['0', '.']).replace('.', "");
    let significant = significant.trim_end_matches('0');
    if significant.len() > MAX_DIGITS && float.abs() <= MAX_FIGURE as f64 {
        return Some(Kind::TooManyDigits { value: scalar.to_string(), limit: MAX_DIGITS });
    }
    None
}

/// The largest figure read: 999,999,999,999,999 (15 digits, all kept exactly).
pub(crate) const MAX_FIGURE: u64 = 999_999_999_999_999;
