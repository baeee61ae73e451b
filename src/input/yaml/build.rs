//! The one pass over yaml-rust2's events that builds the [`Node`] tree and
//! checks, as it goes, what the text unfolds to: every anchored value and
//! every alias's expansion is sized (an alias costs the size of what it
//! names, counted before it is copied), lists and mappings are counted,
//! plain numbers are checked as typed, and a key given twice is refused.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

use super::limits::{number_trouble, MAX_ALIASED_BYTES, MAX_ALIASED_VALUES, MAX_ENTRIES, MAX_VALUES};
use super::tree::{resolve_plain, resolve_tagged, Mapping, Mark, Node, Value};
use crate::diag::Kind;

/// Where a problem is and what it is.
type Trouble = (Mark, Kind);

/// The size of a value, aliases expanded: its values and its text bytes.
#[derive(Clone, Copy, Default)]
struct Size {
    values: u64,
    bytes: u64,
}

/// A list or mapping being read.
struct Open {
    at: Mark,
    anchor: usize,
    size: Size,
    entries: usize,
    body: Body,
}

enum Body {
    Sequence(Vec<Node>),
    /// The entries so far, and the key waiting for its value.
    Mapping(Mapping, Option<Node>),
}

/// Builds the tree of `text`, or the first syntax error or limit crossed.
pub(super) fn tree(text: &str) -> Result<Node, Trouble> {
    let mut builder = Builder::default();
    let mut parser = Parser::new_from_str(text);
    let mut documents = 0;
    loop {
        let (event, marker) = parser.next_token().map_err(|err| {
            let at = place(err.marker());
            (at, Kind::Syntax(err.info().to_string()))
        })?;
        let at = place(&marker);
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    let detail = "deserializing from YAML containing more than one document is not supported";
                    return Err(((at.0, 1), Kind::Syntax(detail.into())));
                }
            }
            other => builder.event(other, at)?,
        }
    }
    Ok(builder.root.unwrap_or(Node { value: Value::Null, at: (1, 1), typed: None }))
}

/// A marker as line and column from 1.
fn place(marker: &Marker) -> Mark {
    (marker.line().max(1), marker.col() + 1)
}

#[derive(Default)]
struct Builder {
    open: Vec<Open>,
    anchors: HashMap<usize, (Node, Size)>,
    total: Size,
    aliased: Size,
    root: Option<Node>,
}

impl Builder {
    fn event(&mut self, event: Event, at: Mark) -> Result<(), Trouble> {
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let value = match (&tag, style) {
                    (None, TScalarStyle::Plain) => {
                        if let Some(kind) = number_trouble(&text) {
                            return Err((at, kind));
                        }
                        resolve_plain(&text)
                    }
                    (Some(tag), TScalarStyle::Plain) => resolve_tagged(&text, &tag.suffix),
                    _ => Value::String(text.clone()),
                };
                let (bytes, typed) = match &value {
                    Value::String(read) => (read.len() as u64, None),
                    _ => (0, Some(text.into_boxed_str())),
                };
                self.done(Node { value, at, typed }, anchor, Size { values: 1, bytes })
            }
            Event::Alias(id) => {
                let Some((node, size)) = self.anchors.get(&id) else {
                    return Err((at, Kind::Syntax("unknown anchor".into())));
                };
                let size = *size;
                self.aliased.values = self.aliased.values.saturating_add(size.values);
                self.aliased.bytes = self.aliased.bytes.saturating_add(size.bytes);
                if self.aliased.values > MAX_ALIASED_VALUES || self.aliased.bytes > MAX_ALIASED_BYTES {
                    return Err((at, Kind::AliasBudget { values: MAX_ALIASED_VALUES, bytes: MAX_ALIASED_BYTES }));
                }
                self.total.values = self.total.values.saturating_add(size.values - 1);
                // The copy stands where the alias is written.
                let node = Node { at, ..node.clone() };
                self.done(node, 0, size)
            }
            Event::SequenceStart(anchor, _) => {
                self.open.push(Open { at, anchor, size: one(), entries: 0, body: Body::Sequence(Vec::new()) });
                Ok(())
            }
            Event::MappingStart(anchor, _) => {
                let body = Body::Mapping(Mapping::new(), None);
                self.open.push(Open { at, anchor, size: one(), entries: 0, body });
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(closed) = self.open.pop() else { return Ok(()) };
                let value = match closed.body {
                    Body::Sequence(items) => Value::Sequence(items),
                    Body::Mapping(mapping, _) => Value::Mapping(mapping),
                };
                self.done(Node { value, at: closed.at, typed: None }, closed.anchor, closed.size)
            }
            _ => Ok(()),
        }
    }

    /// A value is complete: counted, kept under its anchor, and put in
    /// the list or mapping it belongs to.
    fn done(&mut self, node: Node, anchor: usize, size: Size) -> Result<(), Trouble> {
        self.total.values += 1;
        if self.total.values > MAX_VALUES {
            return Err((node.at, Kind::TooManyValues { limit: MAX_VALUES }));
        }
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), size));
        }
        let Some(parent) = self.open.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        parent.size.values = parent.size.values.saturating_add(size.values);
        parent.size.bytes = parent.size.bytes.saturating_add(size.bytes);
        parent.entries += 1;
        let per_entry = if matches!(parent.body, Body::Mapping(..)) { 2 } else { 1 };
        if parent.entries > per_entry * MAX_ENTRIES {
            return Err((node.at, Kind::TooManyEntries { limit: MAX_ENTRIES }));
        }
        match &mut parent.body {
            Body::Sequence(items) => items.push(node),
            Body::Mapping(_, waiting @ None) => *waiting = Some(node),
            Body::Mapping(mapping, waiting) => {
                let key = waiting.take().expect("a key waits for its value");
                if let Err(key) = mapping.push_new(key, node) {
                    return Err((key.at, Kind::Syntax(duplicate(&key.value))));
                }
            }
        }
        Ok(())
    }
}

fn one() -> Size {
    Size { values: 1, bytes: 0 }
}

/// The words for a key given twice (as the input's reader has always said them, which the
/// messages' hints know).
fn duplicate(key: &Value) -> String {
    match key {
        Value::Null => "duplicate entry with null key".into(),
        Value::Bool(b) => format!("duplicate entry with key `{b}`"),
        Value::Number(n) => format!("duplicate entry with key {n}"),
        Value::String(text) => format!("duplicate entry with key {text:?}"),
        Value::Sequence(_) | Value::Mapping(_) => "duplicate entry in YAML map".into(),
    }
}
