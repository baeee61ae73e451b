//! A value as YAML shows it, for a message: `2018.5`, `true`, `'2018'` (a
//! text that would read as a number is quoted), `[1, 2]`.

use super::tree::{resolve_plain, Node, Value};

/// `node` as it reads in YAML: a plain scalar as typed.
pub(crate) fn shown(node: &Node) -> String {
    if let Some(typed) = node.typed.as_deref() {
        return if typed.is_empty() { "null".into() } else { typed.to_string() };
    }
    value(&node.value)
}

fn value(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(text) => text_shown(text),
        Value::Sequence(items) => format!("[{}]", items.iter().map(shown).collect::<Vec<_>>().join(", ")),
        Value::Mapping(mapping) => {
            let entries: Vec<String> = mapping.iter().map(|(k, v)| format!("{}: {}", shown(k), shown(v))).collect();
            format!("{{{}}}", entries.join(", "))
        }
    }
}

/// A text bare when it reads back as itself, else single-quoted.
fn text_shown(text: &str) -> String {
    let special = text.is_empty()
        || !matches!(resolve_plain(text), Value::String(_))
        || text.starts_with([
            ' ', '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
        ])
        || text.ends_with(' ')
        || text.contains(": ")
        || text.contains(" #")
        || text.contains('\n');
    if special {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_show_as_typed_and_ambiguous_texts_quoted() {
        let tree = super::super::parse_yaml("a: [2018.50, ~, 'x', '2018', \"it's: so\", yes]", "a.yaml").unwrap();
        let shown: Vec<String> = tree.get("a").unwrap().as_sequence().unwrap().iter().map(shown).collect();
        assert_eq!(shown, ["2018.50", "~", "x", "'2018'", "'it''s: so'", "yes"]);
    }
}
