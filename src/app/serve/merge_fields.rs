//! Two clerks editing one conference: her edit (the form laid over the
//! version she started from) merged, field by field, with the version saved
//! meanwhile. A field only one of them changed takes that change; a field
//! both changed to different values is a conflict, kept as the other saved
//! it and handed back with both values so she can choose.

use crate::input::yaml::{Mapping, Node, Value};

/// One field both changed: where (the form's path, `khen_thuong[0].co_quan`)
/// and the two values (none: removed).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Conflict {
    pub path: String,
    pub mine: Option<Node>,
    pub theirs: Option<Node>,
}

/// `mine` and `theirs`, both edited from `base`, merged: the tree to save
/// (conflicting fields as in `theirs`) and the conflicts.
pub(crate) fn merge(base: Option<&Node>, mine: Option<&Node>, theirs: Option<&Node>) -> (Option<Node>, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    let merged = merge_at(base, mine, theirs, "", &mut conflicts);
    (merged, conflicts)
}

fn merge_at(
    base: Option<&Node>,
    mine: Option<&Node>,
    theirs: Option<&Node>,
    path: &str,
    conflicts: &mut Vec<Conflict>,
) -> Option<Node> {
    if mine == base || mine == theirs {
        return theirs.cloned();
    }
    if theirs == base {
        return mine.cloned();
    }
    match (base.map(|b| &b.value), mine.map(|m| &m.value), theirs.map(|t| &t.value)) {
        (Some(Value::Mapping(b)), Some(Value::Mapping(m)), Some(Value::Mapping(t))) => {
            // Their keys in their order, then the keys only she added.
            let mut keys: Vec<&Node> = t.keys().collect();
            keys.extend(m.keys().filter(|k| t.get_value(&k.value).is_none()));
            let mut merged = Mapping::new();
            for key in keys {
                let name = key.text().unwrap_or_default();
                let inner = if path.is_empty() { name.to_string() } else { format!("{path}.{name}") };
                let value = merge_at(
                    b.get_value(&key.value),
                    m.get_value(&key.value),
                    t.get_value(&key.value),
                    &inner,
                    conflicts,
                );
                if let Some(value) = value {
                    merged.insert(key.clone(), value);
                }
            }
            Some(Node::new(Value::Mapping(merged)))
        }
        // Rows matched by their place while neither added nor removed one.
        (Some(Value::Sequence(b)), Some(Value::Sequence(m)), Some(Value::Sequence(t)))
            if b.len() == m.len() && m.len() == t.len() =>
        {
            let rows = (0..b.len())
                .filter_map(|i| merge_at(b.get(i), m.get(i), t.get(i), &format!("{path}[{i}]"), conflicts))
                .collect();
            Some(Node::new(Value::Sequence(rows)))
        }
        _ => {
            conflicts.push(Conflict { path: path.to_string(), mine: mine.cloned(), theirs: theirs.cloned() });
            theirs.cloned()
        }
    }
}

/// `tree` with the value at the form's `path` (`a.b`, `a[2].c`) set to
/// `value` (removed when none); false when the path leads nowhere.
pub(crate) fn set_at(tree: &mut Node, path: &str, value: Option<Node>) -> bool {
    let steps = steps(path);
    let Some((last, before)) = steps.split_last() else { return false };
    let mut node = tree;
    for step in before {
        let next = match step {
            Step::Key(key) => {
                let Some(mapping) = node.as_mapping_mut() else { return false };
                if !mapping.contains_key(key) {
                    mapping.insert(Node::from(key.as_str()), Node::new(Value::Mapping(Mapping::new())));
                }
                mapping.get_mut(key)
            }
            Step::Index(index) => node.item_mut(*index),
        };
        let Some(next) = next else { return false };
        node = next;
    }
    match (last, value) {
        (Step::Key(key), Some(value)) => match node.as_mapping_mut() {
            Some(mapping) => {
                mapping.insert(Node::from(key.as_str()), value);
                true
            }
            None => false,
        },
        (Step::Key(key), None) => node.as_mapping_mut().map(|m| m.remove(key)).is_some(),
        (Step::Index(index), Some(value)) => match node.item_mut(*index) {
            Some(item) => {
                *item = value;
                true
            }
            None => false,
        },
        (Step::Index(index), None) => match node.as_sequence_mut() {
            Some(items) if *index < items.len() => {
                items.remove(*index);
                true
            }
            _ => false,
        },
    }
}

enum Step {
    Key(String),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            steps.push(Step::Key(key.to_string()));
        }
        for index in pieces {
            match index.trim_end_matches(']').parse() {
                Ok(index) => steps.push(Step::Index(index)),
                Err(_) => steps.push(Step::Key(index.to_string())),
            }
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Node {
        crate::input::yaml::parse_yaml(text, "t.yaml").unwrap()
    }

    #[test]
    fn edits_of_different_fields_are_both_kept() {
        let base = yaml("van_ban: { so_ky_hieu: \"1/BC\", dia_danh: A }\nkhen_thuong: [{ co_quan: X, dia_danh: Y }]\n");
        let mine =
            yaml("van_ban: { so_ky_hieu: \"2/BC\", dia_danh: A }\nkhen_thuong: [{ co_quan: X, dia_danh: Y2 }]\n");
        let theirs = yaml(
            "van_ban: { so_ky_hieu: \"1/BC\", dia_danh: B }\nkhen_thuong: [{ co_quan: X3, dia_danh: Y }]\nmoi: 1\n",
        );
        let (merged, conflicts) = merge(Some(&base), Some(&mine), Some(&theirs));
        assert!(conflicts.is_empty(), "{conflicts:?}");
        let expected = yaml(
            "van_ban: { so_ky_hieu: \"2/BC\", dia_danh: B }\nkhen_thuong: [{ co_quan: X3, dia_danh: Y2 }]\nmoi: 1\n",
        );
        assert_eq!(merged.unwrap(), expected);
    }

    #[test]
    fn one_field_changed_by_both_is_a_conflict_with_both_values() {
        let base = yaml("van_ban: { so_ky_hieu: \"1/BC\" }\nkhen_thuong: [{ co_quan: X }]\n");
        let mine = yaml("van_ban: { so_ky_hieu: \"2/BC\" }\nkhen_thuong: [{ co_quan: X }, { co_quan: Z }]\n");
        let theirs = yaml("van_ban: { so_ky_hieu: \"3/BC\" }\nkhen_thuong: []\n");
        let (merged, conflicts) = merge(Some(&base), Some(&mine), Some(&theirs));
        assert_eq!(merged.unwrap(), theirs, "conflicting fields stay as the other saved them");
        let paths: Vec<&str> = conflicts.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["van_ban.so_ky_hieu", "khen_thuong"]);
        assert_eq!(conflicts[0].mine, Some(Node::from("2/BC")));
        assert_eq!(conflicts[0].theirs, Some(Node::from("3/BC")));
    }

    #[test]
    fn a_chosen_value_is_set_at_its_path() {
        let mut tree = yaml("van_ban: { so_ky_hieu: \"1/BC\" }\nkhen_thuong: [{ co_quan: X }, { co_quan: Y }]\n");
        assert!(set_at(&mut tree, "khen_thuong[1].co_quan", Some(Node::from("Z"))));
        assert!(set_at(&mut tree, "hoi_nghi.tin_bai.tac_gia", Some(Node::from("T"))));
        assert!(set_at(&mut tree, "van_ban.so_ky_hieu", None));
        assert!(!set_at(&mut tree, "khen_thuong[5].co_quan", Some(Node::from("W"))));
        let expected =
            yaml("van_ban: {}\nkhen_thuong: [{ co_quan: X }, { co_quan: Z }]\nhoi_nghi: { tin_bai: { tac_gia: T } }\n");
        assert_eq!(tree, expected);
    }
}
