//! The one bounded way YAML text becomes a tree ([`Node`]): every limit of
//! `docs/gioi-han.md` on the text itself (characters YAML refuses, line
//! length, nesting) and on what it unfolds to (values after aliases are
//! expanded, entries of one list, numbers too large or too precise) is
//! checked on the text and on the event stream *while* the tree is built —
//! one pass of yaml-rust2's parser, no text can make a reader allocate
//! gigabytes or abort. [`de`] reads the tree into any `Deserialize` type
//! with the same located messages; [`emit`] writes a tree back.

mod build;
pub(crate) mod de;
pub(crate) mod emit;
mod limits;
mod tree;

use limits::scan_text;
pub(crate) use limits::MAX_FIGURE;
pub(crate) use tree::{Mapping, Mark, Node, Number, Value};

use super::bounds;
use crate::diag::{Kind, Location, Problem};

/// Parses the YAML `text` of the file `display` within every limit above,
/// reporting the first one crossed (or the syntax error) at its
/// `file:line:col`, in both languages.
///
/// This is **the one bounded entry point** for YAML baocao reads: the
/// command line's input files, layout and profile files, and every YAML
/// text the web workspace parses — conference bodies, stored versions.
pub(crate) fn parse_yaml(text: &str, display: &str) -> Result<Node, Vec<Problem>> {
    let at = |line: usize, col: usize, kind: Kind| {
        vec![Problem { location: Box::new(located(text, display, line, col)), path: String::new(), kind }]
    };
    bounds::check_depth(text, display).map_err(|p| vec![p])?;
    if let Some((line, col, kind)) = scan_text(text) {
        return Err(at(line, col, kind));
    }
    build::tree(text).map_err(|((mut line, mut col), kind)| {
        let kind = match kind {
            // The parser names the quote that runs on; at it, say so.
            Kind::Syntax(detail) if detail.contains("quoted scalar") => Kind::UnclosedQuote { detail, line },
            // The parser places a tab at the value it interrupts: show the tab.
            Kind::Syntax(detail) if detail.contains("tab") => {
                if let Some(tab) = indenting_tab(text, line) {
                    (line, col) = tab;
                }
                Kind::Syntax(detail)
            }
            Kind::Syntax(detail) => match unpaired_quote_line(text, line) {
                Some(quote) => Kind::UnclosedQuote { detail, line: quote },
                None => Kind::Syntax(detail),
            },
            other => other,
        };
        at(line.max(1), col.max(1), kind)
    })
}

/// The YAML `text` of the file `display` read as a `T` (a layout, a
/// printer profile): within the limits of [`parse_yaml`], a value that does
/// not fit the type reported at its node as [`Kind::Syntax`] with the key
/// path before serde's words (`kho: unknown field `le`, …`).
pub(crate) fn read_typed<T: serde::de::DeserializeOwned>(text: &str, display: &str) -> Result<T, Problem> {
    let tree = parse_yaml(text, display).map_err(|mut problems| problems.remove(0))?;
    de::from_node(&tree).map_err(|err| {
        let location = match err.at() {
            Some((line, col)) => located(text, display, line, col),
            None => Location::file(display),
        };
        Problem { location: Box::new(location), path: String::new(), kind: Kind::Syntax(err.to_string()) }
    })
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

/// The first tab in the indentation of a line from `from` (1-based) on,
/// as line and column.
fn indenting_tab(text: &str, from: usize) -> Option<(usize, usize)> {
    text.split('\n').enumerate().skip(from.saturating_sub(1)).find_map(|(index, line)| {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        line[..indent].find('\t').map(|at| (index + 1, at + 1))
    })
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
    use super::limits::*;
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
        assert_eq!(line, 5, "the alias that crosses 100,000");
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
    fn one_parse_gives_values_their_places_and_refuses_what_serde_refused() {
        let tree = parse_yaml("a: 1\nb:\n  - x\n  - { c: 1.850, d: '7' }\n", "a.yaml").unwrap();
        let item = &tree.get("b").unwrap().as_sequence().unwrap()[1];
        assert_eq!(item.at, (4, 5));
        let c = item.get("c").unwrap();
        assert_eq!((c.at, c.typed.as_deref().unwrap_or_default().to_string()), ((4, 10), "1.850".to_string()));
        assert_eq!(item.get("d").unwrap().as_str(), Some("7"));
        let (line, col, found) = kind("a: 1\nb: 2\na: 3\n");
        assert_eq!((line, col), (3, 1));
        assert_eq!(found, Kind::Syntax("duplicate entry with key \"a\"".into()));
        let (line, _, found) = kind("a: 1\n---\nb: 2\n");
        assert_eq!(line, 2);
        assert!(matches!(found, Kind::Syntax(detail) if detail.contains("more than one document")));
        assert_eq!(parse_yaml("# nothing\n", "a.yaml").unwrap().value, Value::Null);
        let (line, col, found) = kind("a:\n  b: 1\n\tc: 2\n");
        assert_eq!((line, col), (3, 1), "{found:?}");
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
