//! Where each field of a YAML file is: an index from field path
//! (`khen_thuong[0].danh_sach[3].ten`) to the line and column of its key
//! and of its value, so every problem can name `file:line:col`.
//!
//! serde_yaml parses the values but keeps no positions; yaml-rust2's event
//! parser reports a mark for every node, which is all this index needs.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// Line and column, both counted from 1.
pub(super) type LineCol = (usize, usize);

#[derive(Debug, Default)]
pub(super) struct Positions {
    values: HashMap<String, LineCol>,
    keys: HashMap<String, LineCol>,
}

impl Positions {
    /// Indexes `text`; a file the event parser rejects gives what it read
    /// up to the error (serde_yaml reports the syntax error itself).
    pub(super) fn index(text: &str) -> Positions {
        let mut builder = Builder::default();
        let _ = Parser::new_from_str(text).load(&mut builder, false);
        builder.positions
    }

    /// Position of the value at `path`.
    pub(super) fn value(&self, path: &str) -> Option<LineCol> {
        self.values.get(path).copied()
    }

    /// Position of the key that introduces `path` (its value's, for list items).
    pub(super) fn key(&self, path: &str) -> Option<LineCol> {
        self.keys.get(path).or_else(|| self.values.get(path)).copied()
    }
}

enum Frame {
    Mapping { path: String, key: Option<String> },
    Sequence { path: String, next: usize },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    positions: Positions,
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

impl Builder {
    /// The path of a node that starts now, or `None` when it is a mapping key.
    fn place_node(&mut self, mark: Marker) -> Option<String> {
        let here = (mark.line(), mark.col() + 1);
        let path = match self.stack.last_mut() {
            None => String::new(),
            Some(Frame::Sequence { path, next }) => {
                *next += 1;
                format!("{path}[{}]", *next - 1)
            }
            Some(Frame::Mapping { path, key }) => match key.take() {
                Some(key) => join(path, &key),
                None => return None,
            },
        };
        self.positions.values.insert(path.clone(), here);
        Some(path)
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            // A scalar that is not a value is a key of the mapping it is in.
            Event::Scalar(text, ..) if self.place_node(mark).is_none() => {
                if let Some(Frame::Mapping { path, key }) = self.stack.last_mut() {
                    let full = join(path, &text);
                    self.positions.keys.insert(full, (mark.line(), mark.col() + 1));
                    *key = Some(text);
                }
            }
            Event::Scalar(..) => {}
            Event::Alias(_) => {
                self.place_node(mark);
            }
            Event::MappingStart(..) => {
                let path = self.place_node(mark).unwrap_or_default();
                self.stack.push(Frame::Mapping { path, key: None });
            }
            Event::SequenceStart(..) => {
                let path = self.place_node(mark).unwrap_or_default();
                self.stack.push(Frame::Sequence { path, next: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_paths_get_key_and_value_positions() {
        let text = "phien_ban: 1\nvan_ban:\n  ngay: 2018-02-30\nkhen_thuong:\n  - danh_sach:\n      - { ten: An }\n";
        let positions = Positions::index(text);
        assert_eq!(positions.key("van_ban.ngay"), Some((3, 3)));
        assert_eq!(positions.value("van_ban.ngay"), Some((3, 9)));
        assert_eq!(positions.value("khen_thuong[0].danh_sach[0].ten"), Some((6, 16)));
        assert_eq!(positions.key("phien_ban"), Some((1, 1)));
    }
}
