//! Where a field path is: its line and column in a YAML file, or its row
//! and cell in a list file, for every problem's location.

use std::sync::{Arc, OnceLock};

use super::yaml::{Mark, Node};
use crate::diag::Location;

/// Finds the line and column of a field path in the file being read.
pub(super) enum Locator {
    /// A YAML file: its text, and its tree, whose nodes know where they
    /// are (the tree read, or — asked about a text nobody read yet, such
    /// as a layout file a later check questions — read on the first question).
    Yaml { display: String, text: String, tree: OnceLock<Option<Arc<Node>>> },
    /// A list file: `prefix[i]` is the record at `rows[i]`; `columns`
    /// gives each key's column (from 0), the first one standing for keys
    /// no column holds.
    List { display: String, prefix: String, rows: Vec<RowPlace>, columns: Vec<(String, usize)> },
}

impl Locator {
    pub(super) fn yaml(text: &str, display: &str) -> Locator {
        Locator::Yaml { display: display.to_string(), text: text.to_string(), tree: OnceLock::new() }
    }

    /// The locator of a YAML text read into `tree`.
    pub(super) fn read(text: &str, display: &str, tree: Arc<Node>) -> Locator {
        Locator::Yaml { display: display.to_string(), text: text.to_string(), tree: OnceLock::from(Some(tree)) }
    }

    fn tree<'t>(text: &str, tree: &'t OnceLock<Option<Arc<Node>>>) -> Option<&'t Node> {
        tree.get_or_init(|| super::yaml::parse_yaml(text, "").ok().map(Arc::new)).as_deref()
    }

    /// Location of `path`: of its key when `at_key`, else of its value.
    pub(super) fn locate(&self, path: &str, at_key: bool) -> Location {
        match self {
            Locator::Yaml { display, text, tree } => {
                let tree = Locator::tree(text, tree);
                let mut probe = path;
                // A missing key has no position: point at its parent.
                loop {
                    let found = tree.and_then(|tree| find(tree, probe)).map(|(key, value)| match at_key {
                        true => key.unwrap_or(value),
                        false => value,
                    });
                    if let Some((line, col)) = found {
                        return Location {
                            file: display.clone(),
                            line: Some(line),
                            col: Some(col),
                            excerpt: text.lines().nth(line - 1).map(str::to_string),
                            cell: None,
                        };
                    }
                    match probe.rfind(['.', '[']) {
                        Some(cut) => probe = &probe[..cut],
                        None => return Location::file(display),
                    }
                }
            }
            Locator::List { display, prefix, rows, columns } => {
                let rest = path.strip_prefix(prefix.as_str()).and_then(|rest| rest.strip_prefix('['));
                let (index, key) = match rest.and_then(|r| r.split_once(']')) {
                    Some((index, key)) => (index.parse::<usize>().ok(), key.trim_start_matches('.')),
                    None => (None, ""),
                };
                let mut location = Location::file(display);
                match index.and_then(|i| rows.get(i)) {
                    Some(RowPlace::Line(line)) => location.line = Some(*line),
                    Some(RowPlace::Cell { sheet, row }) => {
                        let key = key.split(['.', '[']).next().unwrap_or("");
                        let column = columns.iter().find(|(k, _)| k == key).or(columns.first()).map_or(0, |(_, c)| *c);
                        location.cell = Some(format!("{sheet}!{}{row}", column_letters(column)));
                    }
                    None => {}
                }
                location
            }
        }
    }
}

impl Locator {
    /// The scalar at `path` exactly as typed in the YAML ("3.412", where
    /// the parsed number has lost how it was written), when it is there.
    pub(super) fn raw_value(&self, path: &str) -> Option<String> {
        let Locator::Yaml { text, tree, .. } = self else {
            return None;
        };
        let mut node = Locator::tree(text, tree)?;
        let mut rest = path;
        while !rest.is_empty() {
            (_, node, rest) = step(node, rest)?;
        }
        node.typed.as_deref().filter(|raw| !raw.is_empty()).map(str::to_string)
    }

    /// Whether the file holds anything typed like "1.250" (digits, a dot,
    /// three digits) that [`Locator::raw_value`] could find: most files do
    /// not, and then no field needs looking up.
    pub(super) fn may_hold_thousands(&self) -> bool {
        let Locator::Yaml { text, .. } = self else {
            return false;
        };
        let digit = |b: &u8| b.is_ascii_digit();
        text.as_bytes().windows(5).any(|w| digit(&w[0]) && w[1] == b'.' && w[2..].iter().all(digit))
    }
}

/// Where the key (none for a list item) and the value of field `path` are.
fn find(root: &Node, path: &str) -> Option<(Option<Mark>, Mark)> {
    let (mut node, mut key, mut rest) = (root, None, path);
    while !rest.is_empty() {
        (key, node, rest) = step(node, rest)?;
    }
    Some((key, node.at))
}

/// One step down `path` from `node`: a list item (`[3]`) or a mapping's
/// entry (`.ten`; the longest key that fits, as a code may hold a dot).
fn step<'n, 'p>(node: &'n Node, path: &'p str) -> Option<(Option<Mark>, &'n Node, &'p str)> {
    if let Some(rest) = path.strip_prefix('[') {
        let (index, rest) = rest.split_once(']')?;
        return Some((None, node.as_sequence()?.get(index.parse::<usize>().ok()?)?, rest));
    }
    let path = path.strip_prefix('.').unwrap_or(path);
    let (key, value) = node
        .as_mapping()?
        .iter()
        .filter_map(|(key, value)| {
            let name = key.text()?;
            let after = path.strip_prefix(name)?;
            matches!(after.chars().next(), None | Some('.' | '[')).then_some((key, value))
        })
        .max_by_key(|(key, _)| key.text().map_or(0, str::len))?;
    Some((Some(key.at), value, &path[key.text()?.len()..]))
}

/// Where a list file's record is.
pub(super) enum RowPlace {
    /// A CSV line.
    Line(usize),
    /// A spreadsheet row (1-based) of `sheet`.
    Cell { sheet: String, row: usize },
}

/// "A", "B", …, "Z", "AA": a spreadsheet column's name from its index.
pub(crate) fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_paths_are_found_at_their_key_and_value() {
        let text = "phien_ban: 1\nvan_ban:\n  ngay: 2018-02-30\nkhen_thuong:\n  - danh_sach:\n      - { ten: An }\ntong_hop: { 1.1: 3.250 }\n";
        let locator = Locator::yaml(text, "a.yaml");
        let at = |path: &str, at_key: bool| {
            let location = locator.locate(path, at_key);
            (location.line.unwrap(), location.col.unwrap())
        };
        assert_eq!(at("van_ban.ngay", true), (3, 3));
        assert_eq!(at("van_ban.ngay", false), (3, 9));
        assert_eq!(at("khen_thuong[0].danh_sach[0].ten", false), (6, 16));
        assert_eq!(at("phien_ban", true), (1, 1));
        // A key with a dot in it; a missing field points at its parent.
        assert_eq!(at("tong_hop.1.1", false), (7, 18));
        assert_eq!(at("van_ban.so_ky_hieu", true), (2, 1));
        assert_eq!(locator.raw_value("tong_hop.1.1").as_deref(), Some("3.250"));
    }

    #[test]
    fn column_names() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(99), "CV");
        assert_eq!(column_letters(16383), "XFD");
    }
}
