//! Any `#[derive(Deserialize)]` type read from a [`Node`] tree: the layout
//! file, the printer profile. A mistake is placed at the node it is about
//! (an unknown key at the key, a missing one at its mapping, a wrong type
//! at the value) and named by its key path (`kho: unknown field …`), in the
//! words `diag` turns into a clerk's.

use std::fmt;

use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};

use super::tree::{Mark, Node, Number, Value};

/// A value that does not fit the type: where, under which key path, why.
#[derive(Debug)]
pub(crate) struct Error {
    message: String,
    path: Option<String>,
    at: Option<Mark>,
}

impl Error {
    /// Line and column from 1 of the node the mistake is about.
    pub(crate) fn at(&self) -> Option<Mark> {
        self.at.filter(|&(line, _)| line > 0)
    }

    /// Placed at `node` under `path`, unless placed deeper already.
    fn placed(mut self, node: &Node, path: &str) -> Error {
        if self.path.is_none() {
            self.path = Some(path.to_string());
            self.at = Some(node.at);
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        match self.path.as_deref() {
            Some(path) if !path.is_empty() => write!(formatter, "{path}: {}", self.message),
            _ => formatter.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error { message: message.to_string(), path: None, at: None }
    }
}

/// `node` read as a `T`.
pub(crate) fn from_node<T: DeserializeOwned>(node: &Node) -> Result<T, Error> {
    T::deserialize(Walker { node, path: String::new() })
}

/// A node being read, and its key path (`o[3].chu`; empty at the top).
struct Walker<'de> {
    node: &'de Node,
    path: String,
}

impl<'de> Walker<'de> {
    fn child(&self, node: &'de Node, key: &str) -> Walker<'de> {
        let path = if self.path.is_empty() { key.to_string() } else { format!("{}.{key}", self.path) };
        Walker { node, path }
    }

    fn item(&self, node: &'de Node, index: usize) -> Walker<'de> {
        Walker { node, path: format!("{}[{index}]", self.path) }
    }

    fn any<V: Visitor<'de>>(&self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(Number::Unsigned(n)) => visitor.visit_u64(*n),
            Value::Number(Number::Negative(n)) => visitor.visit_i64(*n),
            Value::Number(Number::Float(f)) => visitor.visit_f64(*f),
            Value::String(text) => visitor.visit_borrowed_str(text),
            Value::Sequence(items) => visitor.visit_seq(Items { walker: self, items: items.iter().enumerate() }),
            Value::Mapping(mapping) => {
                let entries: Vec<(&'de Node, &'de Node)> = mapping.iter().collect();
                visitor.visit_map(Entries { walker: self, entries: entries.into_iter(), value: None })
            }
        }
    }
}

impl<'de> de::Deserializer<'de> for Walker<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.any(visitor).map_err(|err| err.placed(self.node, &self.path))
    }

    /// Text: a text, or a plain scalar as it was typed (`chu: 2018`).
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let read = match (&self.node.value, self.node.typed.as_deref()) {
            (Value::String(text), _) => visitor.visit_borrowed_str(text),
            (_, Some(typed)) => visitor.visit_borrowed_str(typed),
            _ => self.any(visitor),
        };
        read.map_err(|err| err.placed(self.node, &self.path))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.node.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    /// A unit variant as its name (`che_do: phu_kin`), or a one-entry
    /// mapping for a variant with data.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let read = match &self.node.value {
            Value::String(name) => visitor.visit_enum(name.as_str().into_deserializer()),
            Value::Mapping(mapping) if mapping.len() == 1 => {
                let (key, value) = mapping.iter().next().expect("one entry");
                visitor.visit_enum(Variant { name: key, value: self.child(value, key.text().unwrap_or("?")) })
            }
            _ => self.any(visitor),
        };
        read.map_err(|err| err.placed(self.node, &self.path))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit unit_struct
        seq tuple tuple_struct map struct
    }
}

struct Items<'w, 'de> {
    walker: &'w Walker<'de>,
    items: std::iter::Enumerate<std::slice::Iter<'de, Node>>,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some((index, node)) => seed.deserialize(self.walker.item(node, index)).map(Some),
            None => Ok(None),
        }
    }
}

struct Entries<'w, 'de> {
    walker: &'w Walker<'de>,
    entries: std::vec::IntoIter<(&'de Node, &'de Node)>,
    value: Option<(&'de Node, &'de Node)>,
}

impl<'de> de::MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    /// A key is read under its mapping's path, placed at the key.
    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some((key, value));
        seed.deserialize(Walker { node: key, path: self.walker.path.clone() }).map(Some)
    }

    fn next_value_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let (key, value) = self.value.take().expect("a value after its key");
        seed.deserialize(self.walker.child(value, key.text().unwrap_or("?")))
    }
}

struct Variant<'de> {
    name: &'de Node,
    value: Walker<'de>,
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = Walker<'de>;

    fn variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Walker<'de>), Error> {
        let name = seed.deserialize(Walker { node: self.name, path: self.value.path.clone() })?;
        Ok((name, self.value))
    }
}

impl<'de> de::VariantAccess<'de> for Walker<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Size {
        rong: f32,
        cao: f32,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Sheet {
        kho: Size,
        ten: String,
        #[serde(default)]
        ghi_chu: Option<String>,
        o: Vec<Size>,
        che_do: Mode,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Mode {
        Day,
        PhuKin,
    }

    fn read(text: &str) -> Result<Sheet, Error> {
        from_node(&super::super::parse_yaml(text, "a.yaml").expect("YAML"))
    }

    #[test]
    fn derived_types_read_the_tree() {
        let sheet =
            read("kho: { rong: 420, cao: 297.5 }\nten: 2018\no: [{ rong: 1, cao: 2 }]\nche_do: phu_kin\n").unwrap();
        assert_eq!(sheet.kho, Size { rong: 420.0, cao: 297.5 });
        assert_eq!(sheet.ten, "2018", "a plain number read as text keeps how it was typed");
        assert_eq!((sheet.ghi_chu, sheet.che_do), (None, Mode::PhuKin));
    }

    #[test]
    fn mistakes_are_placed_and_named_by_their_key_path() {
        let err = read("kho: { rong: 420, cao: 297, le: 5 }\nten: a\no: []\nche_do: day\n").unwrap_err();
        assert_eq!(err.to_string(), "kho: unknown field `le`, expected `rong` or `cao`");
        assert_eq!(err.at(), Some((1, 29)));
        let err = read("kho: { rong: 420, cao: 1 }\nten: a\no:\n  - { rong: x, cao: 2 }\nche_do: day\n").unwrap_err();
        assert_eq!(err.to_string(), "o[0].rong: invalid type: string \"x\", expected f32");
        assert_eq!(err.at(), Some((4, 13)));
        let err = read("kho: { rong: 420 }\nten: a\no: []\nche_do: day\n").unwrap_err();
        assert_eq!(err.to_string(), "kho: missing field `cao`");
        assert_eq!(err.at(), Some((1, 6)));
        let err = read("kho: { rong: 1, cao: 1 }\nten: a\no: []\nche_do: dem\n").unwrap_err();
        assert_eq!(err.to_string(), "che_do: unknown variant `dem`, expected `day` or `phu_kin`");
        assert_eq!(err.at(), Some((4, 9)));
    }
}
