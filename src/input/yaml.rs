//! The one bounded way YAML text becomes a [`Value`]: every limit of
//! `docs/gioi-han.md` on the text itself (characters YAML refuses, line
//! length, nesting) and on what it unfolds to (values after aliases are
//! expanded, entries of one list, numbers too large or too precise) is
//! checked on the text and on the event stream *before* serde_yaml builds
//! anything, so no text can make a reader allocate gigabytes or abort.

use std::collections::HashMap;

use serde_yaml::Value;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::bounds;
use crate::diag::{Kind, Location, Problem};

/// The longest line read, in characters: a paragraph of a report is a few
/// thousand; 100,000 is some forty printed pages on one line.
pub(crate) const MAX_LINE_CHARS: usize = 100_000;

/// The most values aliases (`*ten`) may add to a file when expanded.
pub(crate) const MAX_ALIASED_VALUES: u64 = 1_000_000;

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

/// Parses the YAML `text` of the file `display` within every limit above,
/// reporting the first one crossed (or the syntax error) at its
/// `file:line:col`, in both languages.
///
/// This is **the one bounded entry point** for YAML baocao reads: the
/// command line's input files, and (to be switched over) every YAML text
/// the web workspace parses — conference bodies, stored versions. No other
/// code should hand user YAML to serde_yaml directly.
pub(crate) fn parse_yaml(text: &str, display: &str) -> Result<Value, Vec<Problem>> {
    let at = |line: usize, col: usize, kind: Kind| {
        vec![Problem { location: Box::new(located(text, display, line, col)), path: String::new(), kind }]
    };
    bounds::check_depth(text, display).map_err(|p| vec![p])?;
    if let Some((line, col, kind)) = scan_text(text) {
        return Err(at(line, col, kind));
    }
    if let Some((mark, kind)) = scan_events(text) {
        return Err(at(mark.line().max(1), mark.col() + 1, kind));
    }
    serde_yaml::from_str(text).map_err(|err| vec![syntax_error(text, display, &err)])
}

/// The location (`line`, `col` from 1) in `text`, with its line as the
/// excerpt when it is short enough to show (control characters shown as
/// «�», so the excerpt prints safely).
pub(super) fn located(text: &str, display: &str, line: usize, col: usize) -> Location {
    let whole = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let shown = (whole.len() <= 4 * MAX_EXCERPT && whole.chars().count() <= MAX_EXCERPT).then(|| {
        whole.trim_end_matches('\r').chars().map(|c| if c.is_control() && c != '\t' { '\u{fffd}' } else { c }).collect()
    });
    Location { file: display.to_string(), line: Some(line), col: Some(col), excerpt: shown, cell: None }
}

/// The longest line shown under a message.
const MAX_EXCERPT: usize = 300;

/// The first character YAML refuses (a control character other than tab
/// and line breaks, or a non-character) and the first line longer than
/// [`MAX_LINE_CHARS`], with their line and column: one pass over the bytes.
fn scan_text(text: &str) -> Option<(usize, usize, Kind)> {
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

/// The size of a value, aliases expanded: its values and its text bytes.
#[derive(Clone, Copy, Default)]
struct Size {
    values: u64,
    bytes: u64,
}

struct Open {
    anchor: usize,
    /// Values per entry: 2 in a mapping (key and value), 1 in a list.
    per_entry: usize,
    size: Size,
    entries: usize,
}

/// Walks the event stream once, sizing every anchored value and every
/// alias's expansion, and returns where the first limit is crossed.
/// Nothing is expanded: an alias costs the size of what it names.
fn scan_events(text: &str) -> Option<(Marker, Kind)> {
    let mut parser = Parser::new_from_str(text);
    let mut anchors: HashMap<usize, Size> = HashMap::new();
    let mut open: Vec<Open> = Vec::new();
    let mut total = Size::default();
    let mut aliased = Size::default();
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(next) => next,
            // serde_yaml reports the syntax error itself; but text whose
            // aliases were not all sized is not handed on.
            Err(_) if anchors.is_empty() => return None,
            Err(err) => return Some((*err.marker(), Kind::Syntax(err.info().to_string()))),
        };
        let done = match event {
            Event::StreamEnd => return None,
            Event::Scalar(value, style, anchor, tag) => {
                if style == TScalarStyle::Plain && tag.is_none() {
                    if let Some(kind) = number_trouble(&value) {
                        return Some((mark, kind));
                    }
                }
                Some((anchor, Size { values: 1, bytes: value.len() as u64 }))
            }
            Event::Alias(id) => {
                let size = anchors.get(&id).copied().unwrap_or(Size { values: 1, bytes: 0 });
                aliased.values = aliased.values.saturating_add(size.values);
                aliased.bytes = aliased.bytes.saturating_add(size.bytes);
                if aliased.values > MAX_ALIASED_VALUES || aliased.bytes > MAX_ALIASED_BYTES {
                    return Some((mark, Kind::AliasBudget { values: MAX_ALIASED_VALUES, bytes: MAX_ALIASED_BYTES }));
                }
                total.values = total.values.saturating_add(size.values - 1);
                Some((0, size))
            }
            Event::SequenceStart(anchor, _) => {
                open.push(Open { anchor, per_entry: 1, size: Size { values: 1, bytes: 0 }, entries: 0 });
                None
            }
            Event::MappingStart(anchor, _) => {
                open.push(Open { anchor, per_entry: 2, size: Size { values: 1, bytes: 0 }, entries: 0 });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => open.pop().map(|closed| (closed.anchor, closed.size)),
            _ => None,
        };
        if let Some((anchor, size)) = done {
            total.values += 1;
            if total.values > MAX_VALUES {
                return Some((mark, Kind::TooManyValues { limit: MAX_VALUES }));
            }
            if anchor != 0 {
                anchors.insert(anchor, size);
            }
            if let Some(parent) = open.last_mut() {
                parent.size.values = parent.size.values.saturating_add(size.values);
                parent.size.bytes = parent.size.bytes.saturating_add(size.bytes);
                parent.entries += 1;
                if parent.entries > parent.per_entry * MAX_ENTRIES {
                    return Some((mark, Kind::TooManyEntries { limit: MAX_ENTRIES }));
                }
            }
        }
    }
}

/// Why a plain scalar cannot be read as a number the way it is typed: an
/// integer beyond what serde_yaml holds (it stops at 2^64), or a decimal
/// with more significant digits than are kept exactly.
fn number_trouble(scalar: &str) -> Option<Kind> {
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

/// serde_yaml's error as a located problem: its place, or (for errors it
/// does not place) the event parser's, or the line starting a second
/// document; an unpaired double quote above the place is named.
fn syntax_error(text: &str, display: &str, err: &serde_yaml::Error) -> Problem {
    let raw = err.to_string();
    let detail = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let mut location = Location::file(display);
    let mut kind = Kind::Syntax(detail.clone());
    let at = err.location().map(|at| (at.line(), at.column())).or_else(|| unlocated_error_place(text));
    if let Some((line, col)) = at {
        if let Some(quote) = unpaired_quote_line(text, line) {
            kind = Kind::UnclosedQuote { detail, line: quote };
        }
        location = located(text, display, line.max(1), col.max(1));
    }
    Problem { location: location.into(), path: String::new(), kind }
}

/// Where a YAML error serde_yaml did not place is: the event parser's
/// error position (events only: nothing is expanded), else the first line
/// that starts a second document.
fn unlocated_error_place(text: &str) -> Option<(usize, usize)> {
    let mut parser = Parser::new_from_str(text);
    loop {
        match parser.next_token() {
            Ok((Event::StreamEnd, _)) => break,
            Ok(_) => {}
            Err(err) => {
                let mark = err.marker();
                return Some((mark.line().max(1), mark.col() + 1));
            }
        }
    }
    let mut content = false;
    for (index, line) in text.lines().enumerate() {
        if content && (line.starts_with("---") || line.starts_with("...") || line.starts_with('%')) {
            return Some((index + 1, 1));
        }
        content |= !line.trim().is_empty() && !line.trim_start().starts_with('#');
    }
    Some((1, 1))
}

/// The first line before `error_line` (1-based) whose unescaped double
/// quotes do not pair up: where an unclosed quote most likely starts.
fn unpaired_quote_line(text: &str, error_line: usize) -> Option<usize> {
    text.lines()
        .take(error_line.saturating_sub(1))
        .enumerate()
        .filter(|(_, line)| {
            let content = line.split(" #").next().unwrap_or(line);
            let quotes = content.matches('"').count() - content.matches("\\\"").count();
            quotes % 2 == 1
        })
        .map(|(i, _)| i + 1)
        .next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> (usize, usize, Kind) {
        let problem = parse_yaml(text, "a.yaml").unwrap_err().remove(0);
        (problem.location.line.unwrap(), problem.location.col.unwrap(), problem.kind)
    }

    #[test]
    fn nested_aliases_are_sized_not_expanded() {
        let mut text = String::from("a0: &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for level in 1..9 {
            let refs = vec![format!("*a{}", level - 1); 10].join(",");
            text.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
        }
        let (line, _, found) = kind(&text);
        assert_eq!(found, Kind::AliasBudget { values: MAX_ALIASED_VALUES, bytes: MAX_ALIASED_BYTES });
        assert_eq!(line, 6, "the alias that crosses 1,000,000");
        // A few aliases of a shared block are fine.
        assert!(parse_yaml("a: &k {ten: An}\nb: *k\nc: [*k, *k]\n", "a.yaml").is_ok());
    }

    #[test]
    fn raw_control_characters_are_placed() {
        assert_eq!(kind("a: 1\nb: x\u{0}y\n"), (2, 5, Kind::ControlChar('\u{0}')));
        assert_eq!(kind("a: 1\n  \nc: \u{1b}\n"), (3, 4, Kind::ControlChar('\u{1b}')));
        assert_eq!(kind("a: \u{7f}"), (1, 4, Kind::ControlChar('\u{7f}')));
    }

    #[test]
    fn long_lines_long_lists_and_long_numbers_are_refused() {
        let (line, col, found) = kind(&format!("a: 1\nb: {}\n", "x".repeat(MAX_LINE_CHARS + 5)));
        assert_eq!((line, col, found), (2, MAX_LINE_CHARS + 1, Kind::LineTooLong { limit: MAX_LINE_CHARS }));
        let list = format!("a:\n{}", "- 1\n".repeat(MAX_ENTRIES + 1));
        assert_eq!(kind(&list).2, Kind::TooManyEntries { limit: MAX_ENTRIES });
        let (line, col, found) = kind("a: 1\nb: {c: 100000000000000000000000}\n");
        assert_eq!((line, col), (2, 8));
        assert_eq!(found, Kind::NumberTooLarge { value: "100000000000000000000000".into(), limit: MAX_FIGURE });
        assert_eq!(
            kind("x: 0.1234567890123456789").2,
            Kind::TooManyDigits { value: "0.1234567890123456789".into(), limit: 15 }
        );
        assert!(parse_yaml(
            "x: [0.123456789012345, 1e30, 18446744073709551615, -9223372036854775808, '1e999999']",
            "a"
        )
        .is_ok());
    }

    #[test]
    fn a_long_line_is_not_shown() {
        let text = format!("a: {}\u{0}", "x".repeat(5000));
        let problem = parse_yaml(&text, "a.yaml").unwrap_err().remove(0);
        assert_eq!(problem.location.col, Some(5004));
        assert_eq!(problem.location.excerpt, None);
        let problem = parse_yaml("a: x\u{1b}y", "a.yaml").unwrap_err().remove(0);
        assert_eq!(problem.location.excerpt.as_deref(), Some("a: x\u{fffd}y"));
    }
}
