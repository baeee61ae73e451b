//! The YAML tree baocao reads: every node with the line and column it
//! starts at, built in the same pass that checks the limits — so a file is
//! parsed once, and a problem found later (a wrong type, an unknown key)
//! is placed from the node itself. Plain scalars are resolved as YAML 1.2's
//! core schema says (`~`/`null`, `true`, `12`, `0x1f`, `1.5`, `.inf`; a
//! leading zero keeps `0101` a text), the way the input has always been read.

use std::fmt;

/// Line and column of a node, both from 1 (0 for a node made in code).
pub(crate) type Mark = (usize, usize);

/// A value and where it starts. Two nodes are equal when their values
/// are: where they were read, and how a number was typed, do not count.
#[derive(Debug, Clone, Default)]
pub(crate) struct Node {
    pub(crate) value: Value,
    pub(crate) at: Mark,
    /// A plain scalar read as something other than text (`125`, `1.850`,
    /// `true`, `~`), as it was typed: a field that wants text reads this.
    pub(crate) typed: Option<Box<str>>,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Sequence(Vec<Node>),
    Mapping(Mapping),
}

/// A number as YAML resolves it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    /// A whole number from 0.
    Unsigned(u64),
    /// A negative whole number.
    Negative(i64),
    Float(f64),
}

/// The entries of a mapping, in file order, keys unique.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Mapping {
    entries: Vec<(Node, Node)>,
}

impl Node {
    /// A node made in code, not read from a file.
    pub(crate) fn new(value: Value) -> Node {
        Node { value, at: (0, 0), typed: None }
    }

    /// The scalar as text: a text itself, or how a plain number, truth
    /// value or null was typed.
    pub(crate) fn text(&self) -> Option<&str> {
        self.value.as_str().or(self.typed.as_deref())
    }
}

impl PartialEq for Node {
    fn eq(&self, other: &Node) -> bool {
        self.value == other.value
    }
}

impl From<&str> for Node {
    fn from(text: &str) -> Node {
        Node::new(Value::String(text.to_string()))
    }
}

impl From<String> for Node {
    fn from(text: String) -> Node {
        Node::new(Value::String(text))
    }
}

impl std::ops::Deref for Node {
    type Target = Value;

    fn deref(&self) -> &Value {
        &self.value
    }
}

impl std::ops::DerefMut for Node {
    fn deref_mut(&mut self) -> &mut Value {
        &mut self.value
    }
}

impl From<Value> for Node {
    fn from(value: Value) -> Node {
        Node::new(value)
    }
}

impl Value {
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub(crate) fn is_mapping(&self) -> bool {
        matches!(self, Value::Mapping(_))
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(number) => number.as_u64(),
            _ => None,
        }
    }

    pub(crate) fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(number) => number.as_i64(),
            _ => None,
        }
    }

    pub(crate) fn as_sequence(&self) -> Option<&Vec<Node>> {
        match self {
            Value::Sequence(items) => Some(items),
            _ => None,
        }
    }

    pub(crate) fn as_mapping(&self) -> Option<&Mapping> {
        match self {
            Value::Mapping(mapping) => Some(mapping),
            _ => None,
        }
    }

    /// The entry `key` of a mapping.
    #[cfg(any(test, feature = "workspace"))]
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        self.as_mapping()?.get(key)
    }
}

impl Number {
    pub(crate) fn as_u64(self) -> Option<u64> {
        match self {
            Number::Unsigned(n) => Some(n),
            _ => None,
        }
    }

    pub(crate) fn as_i64(self) -> Option<i64> {
        match self {
            Number::Unsigned(n) => i64::try_from(n).ok(),
            Number::Negative(n) => Some(n),
            Number::Float(_) => None,
        }
    }
}

impl fmt::Display for Number {
    /// The shortest text that reads back as the same number (`1.85` for
    /// `1.850`, `100.0` for a float of a hundred), as the input has always
    /// printed a typed number.
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        match *self {
            Number::Unsigned(n) => write!(formatter, "{n}"),
            Number::Negative(n) => write!(formatter, "{n}"),
            Number::Float(f) if f.is_nan() => formatter.write_str(".nan"),
            Number::Float(f) if f.is_infinite() => formatter.write_str(if f > 0.0 { ".inf" } else { "-.inf" }),
            Number::Float(f) => formatter.write_str(ryu::Buffer::new().format_finite(f)),
        }
    }
}

impl Mapping {
    pub(crate) fn new() -> Mapping {
        Mapping::default()
    }

    /// The value of the text key `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        self.entries.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v)
    }

    /// Removes the text key `key`, keeping the others in order.
    pub(crate) fn remove(&mut self, key: &str) -> Option<Node> {
        self.remove_value(&Value::String(key.to_string()))
    }

    /// Removes `key`, any kind of key.
    pub(crate) fn remove_value(&mut self, key: &Value) -> Option<Node> {
        let index = self.entries.iter().position(|(k, _)| k.value == *key)?;
        Some(self.entries.remove(index).1)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&Node, &Node)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = &Node> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// Adds an entry read from a file; its key when another has it already.
    pub(super) fn push_new(&mut self, key: Node, value: Node) -> Result<(), Node> {
        if self.entries.iter().any(|(k, _)| k.value == key.value) {
            return Err(key);
        }
        self.entries.push((key, value));
        Ok(())
    }
}

/// Changing a tree: the workspace lays a form over a stored version.
#[cfg(feature = "workspace")]
impl Value {
    pub(crate) fn as_sequence_mut(&mut self) -> Option<&mut Vec<Node>> {
        match self {
            Value::Sequence(items) => Some(items),
            _ => None,
        }
    }

    pub(crate) fn as_mapping_mut(&mut self) -> Option<&mut Mapping> {
        match self {
            Value::Mapping(mapping) => Some(mapping),
            _ => None,
        }
    }

    /// The entry `key` of a mapping, to change.
    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        self.as_mapping_mut()?.get_mut(key)
    }

    /// Item `index` of a list, to change.
    pub(crate) fn item_mut(&mut self, index: usize) -> Option<&mut Node> {
        self.as_sequence_mut()?.get_mut(index)
    }
}

#[cfg(feature = "workspace")]
impl Mapping {
    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        self.entries.iter_mut().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v)
    }

    /// The value of key `key`, any kind of key.
    pub(crate) fn get_value(&self, key: &Value) -> Option<&Node> {
        self.entries.iter().find(|(k, _)| k.value == *key).map(|(_, v)| v)
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value`: in its place when the key is there, else last.
    pub(crate) fn insert(&mut self, key: Node, value: Node) {
        match self.entries.iter_mut().find(|(k, _)| k.value == key.value) {
            Some((_, held)) => *held = value,
            None => self.entries.push((key, value)),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'a> IntoIterator for &'a Mapping {
    type Item = (&'a Node, &'a Node);
    type IntoIter = Box<dyn Iterator<Item = (&'a Node, &'a Node)> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// A plain scalar resolved by YAML 1.2's core schema.
pub(super) fn resolve_plain(text: &str) -> Value {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    match text {
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    if let Some(number) = integer(text) {
        return Value::Number(number);
    }
    if !digits_but_not_number(text) {
        if let Some(float) = float(text) {
            return Value::Number(Number::Float(float));
        }
    }
    Value::String(text.to_string())
}

/// A scalar with a tag: `!!str` keeps the text, the core schema's other
/// tags resolve it as if plain, an unknown tag is left to the reader.
pub(super) fn resolve_tagged(text: &str, suffix: &str) -> Value {
    match suffix {
        "str" => Value::String(text.to_string()),
        _ => resolve_plain(text),
    }
}

/// A whole number: decimal, `0x`, `0o` or `0b`, signed or not.
fn integer(text: &str) -> Option<Number> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if unsigned.starts_with(['+', '-']) {
        return None;
    }
    let magnitude = [("0x", 16), ("0o", 8), ("0b", 2)]
        .iter()
        .find_map(|(prefix, radix)| {
            let digits = unsigned.strip_prefix(prefix)?;
            (!digits.starts_with(['+', '-'])).then(|| u128::from_str_radix(digits, *radix).ok()).flatten()
        })
        .or_else(|| {
            if digits_but_not_number(text) || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            unsigned.parse::<u128>().ok()
        })?;
    if negative {
        let value = i64::try_from(magnitude).ok().map(|m| -m).or_else(|| (magnitude == 1 << 63).then_some(i64::MIN))?;
        Some(if value == 0 { Number::Unsigned(0) } else { Number::Negative(value) })
    } else {
        u64::try_from(magnitude).ok().map(Number::Unsigned)
    }
}

/// A decimal or `.inf`/`.nan`.
fn float(text: &str) -> Option<f64> {
    let unsigned = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => text,
    };
    match unsigned {
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" if text == unsigned => return Some(f64::NAN),
        _ => {}
    }
    // Rust reads "inf", "NaN" and "infinity" too: YAML does not.
    if unsigned.trim_start_matches('-').starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    unsigned.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Leading zeros followed by digits: a text by YAML 1.2 (`0101`, `-007`).
fn digits_but_not_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    digits.len() > 1 && digits.starts_with('0') && digits[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> String {
        match resolve_plain(text) {
            Value::Number(n) => n.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn plain_scalars_resolve_by_the_core_schema() {
        assert_eq!(resolve_plain("~"), Value::Null);
        assert_eq!(resolve_plain("True"), Value::Bool(true));
        assert_eq!(resolve_plain("yes"), Value::String("yes".into()));
        assert_eq!(number("125"), "125");
        assert_eq!(number("-3"), "-3");
        assert_eq!(number("0x1f"), "31");
        assert_eq!(number("1.850"), "1.85");
        assert_eq!(number("100.0"), "100.0");
        assert_eq!(number("1e30"), "1e30");
        assert_eq!(number(".inf"), ".inf");
        assert_eq!(number("18446744073709551615"), "18446744073709551615");
        assert_eq!(number("-9223372036854775808"), "-9223372036854775808");
        for text in ["0101", "2018-08-21", "1.250.000", "inf", "nan", "+-1", "Infinity", "1_000"] {
            assert!(matches!(resolve_plain(text), Value::String(_)), "{text}");
        }
    }
}
