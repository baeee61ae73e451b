//! Where a field path is: its line and column in a YAML file, or its row
//! and cell in a list file, for every problem's location.

use std::sync::OnceLock;

use super::positions::Positions;
use crate::diag::Location;

/// Finds the line and column of a field path in the file being read.
pub(super) enum Locator {
    /// A YAML file: its text, and the positions of its fields from the
    /// event parser, indexed on the first question — a file without
    /// problems is never indexed (it cost as much as reading the file).
    Yaml { display: String, text: String, positions: OnceLock<Positions> },
    /// A list file: `prefix[i]` is the record at `rows[i]`; `columns`
    /// gives each key's column (from 0), the first one standing for keys
    /// no column holds.
    List { display: String, prefix: String, rows: Vec<RowPlace>, columns: Vec<(String, usize)> },
}

impl Locator {
    pub(super) fn yaml(text: &str, display: &str) -> Locator {
        Locator::Yaml { display: display.to_string(), text: text.to_string(), positions: OnceLock::new() }
    }

    fn indexed<'p>(text: &str, positions: &'p OnceLock<Positions>) -> &'p Positions {
        positions.get_or_init(|| Positions::index(text))
    }

    /// Location of `path`: of its key when `at_key`, else of its value.
    pub(super) fn locate(&self, path: &str, at_key: bool) -> Location {
        match self {
            Locator::Yaml { display, text, positions } => {
                let positions = Locator::indexed(text, positions);
                let mut probe = path;
                // A missing key has no position: point at its parent.
                loop {
                    let found = if at_key { positions.key(probe) } else { positions.value(probe) };
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
        let Locator::Yaml { text, positions, .. } = self else {
            return None;
        };
        let (line, col) = Locator::indexed(text, positions).value(path)?;
        let text: String = text.lines().nth(line - 1)?.chars().skip(col - 1).collect();
        let raw: String = text.chars().take_while(|c| !matches!(c, ',' | '}' | ']' | '#' | ' ' | '\t')).collect();
        (!raw.is_empty()).then_some(raw)
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
    fn column_names() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(99), "CV");
        assert_eq!(column_letters(16383), "XFD");
    }
}
