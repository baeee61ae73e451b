//! From the form to the YAML: the page sends the fields it shows as a JSON
//! tree (read with the YAML reader, so keys keep their order); it is laid
//! over the stored version — keys the form does not show are kept, rows keep
//! the hidden keys of the row they came from (`__goc`: their index in the
//! stored version; `__thay`: the row or record replaces the stored one, for
//! records keyed by metric codes) — and written back as tidy YAML. A figure
//! or a date comes as the text typed (`{"__so": "1.850"}`, `{"__ngay":
//! "21/08/2018"}`) and is read here by the clerk's rules (`typed`).

use std::fmt::Write as _;

use crate::input::yaml::{Mapping, Node, Number, Value};

/// The key a form row carries its stored index under.
const ORIGIN: &str = "__goc";
/// The key of a record the form shows whole: it replaces the stored one.
const WHOLE: &str = "__thay";
/// A figure as typed in the form.
const FIGURE: &str = "__so";
/// A date as typed in the form.
const DATE: &str = "__ngay";

/// `form` laid over `stored`: none when nothing is left (an empty field).
pub(crate) fn merge(stored: Option<&Node>, form: &Node) -> Option<Node> {
    match &form.value {
        Value::Null => None,
        Value::String(text) if text.trim().is_empty() => None,
        Value::Sequence(items) => {
            // A record stored alone where the form shows a list of them
            // (one programme) is that list's only item.
            let alone = stored.filter(|old| old.as_mapping().is_some()).map(std::slice::from_ref);
            let old = stored.and_then(|old| old.as_sequence()).map(Vec::as_slice).or(alone);
            let merged: Vec<Node> = items
                .iter()
                .filter_map(|item| {
                    let origin = item
                        .as_mapping()
                        .and_then(|m| m.get(ORIGIN))
                        .and_then(|origin| origin.as_u64())
                        .and_then(|i| old.and_then(|old| old.get(i as usize)));
                    merge(origin, item)
                })
                .collect();
            (!merged.is_empty()).then_some(Node::new(Value::Sequence(merged)))
        }
        Value::Mapping(fields) if fields.contains_key(FIGURE) => {
            super::typed::figure(fields.get(FIGURE).and_then(|typed| typed.text()).unwrap_or_default())
        }
        Value::Mapping(fields) if fields.contains_key(DATE) => {
            super::typed::date(fields.get(DATE).and_then(|typed| typed.text()).unwrap_or_default())
        }
        Value::Mapping(fields) => {
            let whole = fields.contains_key(WHOLE);
            let mut mapping: Mapping =
                if whole { Mapping::new() } else { stored.and_then(|s| s.as_mapping()).cloned().unwrap_or_default() };
            for (key, value) in fields {
                if key.as_str() == Some(ORIGIN) || key.as_str() == Some(WHOLE) {
                    continue;
                }
                match merge(mapping.get_value(key), value) {
                    Some(value) => mapping.insert(key.clone(), value),
                    None => {
                        mapping.remove_value(key);
                    }
                }
            }
            (!mapping.is_empty()).then_some(Node::new(Value::Mapping(mapping)))
        }
        _ => Some(form.clone()),
    }
}

/// The form laid over the stored tree (`merge`), each section that may hold
/// several records written as a single record when it holds one, as the
/// schema's simple form.
pub(crate) fn merge_form(stored: Option<&Node>, form: &Node) -> Option<Node> {
    let mut form = form.clone();
    let presenters = take_presenters(&mut form);
    let mut tree = merge(stored, &form)?;
    if let Some(presenters) = presenters {
        set_presenters(&mut tree, presenters);
    }
    if let Some(mapping) = tree.as_mapping_mut() {
        for section in super::fields::RECORD_LISTS {
            let Some(value) = mapping.get_mut(section) else { continue };
            if let Some([only]) = value.as_sequence().map(Vec::as_slice) {
                *value = only.clone();
            }
        }
    }
    Some(tree)
}

/// The delegate chosen to present each award group (`__nguoi_trao`, sent
/// with the group), taken out of the groups: none when the form sent no groups.
fn take_presenters(form: &mut Node) -> Option<Vec<Option<u64>>> {
    let groups = form.get_mut("khen_thuong")?.as_sequence_mut()?;
    let taken = groups.iter_mut().map(|group| {
        let chosen = group.as_mapping_mut()?.remove("__nguoi_trao")?;
        chosen.as_u64().or_else(|| chosen.as_str()?.trim().parse().ok())
    });
    Some(taken.collect())
}

/// `hoi_nghi.nguoi_trao` as the schema has it: a delegate's number per group
/// in order (an unchosen one is the first delegate, as when none is written),
/// left out when no group has one chosen.
fn set_presenters(tree: &mut Node, presenters: Vec<Option<u64>>) {
    let Some(mapping) = tree.as_mapping_mut() else { return };
    let chosen = presenters.iter().any(Option::is_some);
    let day = mapping.get_mut("hoi_nghi").and_then(|day| day.as_mapping_mut());
    match (day, chosen) {
        (Some(day), false) => {
            day.remove("nguoi_trao");
        }
        (Some(day), true) => {
            let numbers =
                presenters.iter().map(|n| Node::new(Value::Number(Number::Unsigned(n.unwrap_or(1))))).collect();
            day.insert(Node::from("nguoi_trao"), Node::new(Value::Sequence(numbers)));
        }
        (None, _) => {}
    }
}

/// `value` as YAML a clerk can read: blocks for records, one line for a
/// short record inside a list, multi-line text as a `|` block.
pub(crate) fn to_yaml(value: &Node) -> String {
    let mut out = String::new();
    match &value.value {
        Value::Mapping(mapping) => {
            for (index, (key, value)) in mapping.iter().enumerate() {
                // A blank line between the top-level sections, as in the sample.
                if index > 0 && !is_scalar(value) {
                    out.push('\n');
                }
                entry(&mut out, 0, key, value);
            }
        }
        _ => {
            out.push_str(&scalar(value, 0));
            out.push('\n');
        }
    }
    out
}

fn is_scalar(value: &Node) -> bool {
    !matches!(value.value, Value::Mapping(_) | Value::Sequence(_))
}

/// `key: value` at `indent`, the value on the same line when it fits there.
fn entry(out: &mut String, indent: usize, key: &Node, value: &Node) {
    let pad = " ".repeat(indent);
    let key = scalar(key, indent);
    match &value.value {
        Value::Mapping(mapping) if !mapping.is_empty() => {
            let _ = writeln!(out, "{pad}{key}:");
            for (k, v) in mapping {
                entry(out, indent + 2, k, v);
            }
        }
        Value::Sequence(items) if !items.is_empty() => {
            let _ = writeln!(out, "{pad}{key}:");
            for item in items {
                list_item(out, indent + 2, item);
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}{key}: {}", scalar(value, indent + 2));
        }
    }
}

fn list_item(out: &mut String, indent: usize, item: &Node) {
    let pad = " ".repeat(indent);
    match &item.value {
        Value::Mapping(mapping) if !mapping.is_empty() => {
            if let Some(flow) = flow_mapping(mapping, indent) {
                let _ = writeln!(out, "{pad}- {flow}");
                return;
            }
            // The first key on the dash's line, the others under it.
            let mut first = true;
            for (key, value) in mapping {
                let mut line = String::new();
                entry(&mut line, indent + 2, key, value);
                if first {
                    out.push_str(&pad);
                    out.push_str("- ");
                    out.push_str(&line[indent + 2..]);
                    first = false;
                } else {
                    out.push_str(&line);
                }
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}- {}", scalar(item, indent + 2));
        }
    }
}

/// `{ key: value, … }` for a record of one-line values that fits in 110 columns.
fn flow_mapping(mapping: &Mapping, indent: usize) -> Option<String> {
    let mut parts = Vec::new();
    for (key, value) in mapping {
        let text = value.as_str().unwrap_or_default();
        if !is_scalar(value) || text.contains('\n') {
            return None;
        }
        parts.push(format!("{}: {}", scalar(key, 0), scalar(value, 0)));
    }
    let flow = format!("{{ {} }}", parts.join(", "));
    (indent + 2 + flow.chars().count() <= 110).then_some(flow)
}

/// A scalar: numbers and booleans bare (as typed, when read from a
/// file: `1.850` stays `1.850`), dates and identifiers bare, multi-line
/// text as a `|` block, any other text double-quoted.
fn scalar(value: &Node, indent: usize) -> String {
    match (&value.value, value.typed.as_deref()) {
        (Value::String(text), _) => string(text, indent),
        (_, Some(typed)) if !typed.is_empty() => typed.to_string(),
        (Value::Null, _) => "null".into(),
        (Value::Bool(b), _) => b.to_string(),
        (Value::Number(n), _) => n.to_string(),
        // Lists and records inside a flow record do not occur in the form.
        (other, _) => crate::input::yaml::emit::shown(&Node::new(other.clone())),
    }
}

fn string(text: &str, indent: usize) -> String {
    let is_date = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    let is_identifier = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit())
        && text.as_bytes()[0].is_ascii_lowercase()
        && !matches!(text, "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n");
    if is_date || is_identifier {
        return text.to_string();
    }
    let blockable = text.contains('\n')
        && !text.starts_with([' ', '\n'])
        && !text.chars().any(|c| c.is_control() && c != '\n')
        && !text.ends_with("\n\n");
    if blockable {
        let pad = " ".repeat(indent);
        let chomp = if text.ends_with('\n') { "" } else { "-" };
        let mut block = format!("|{chomp}");
        for line in text.trim_end_matches('\n').split('\n') {
            block.push('\n');
            if !line.is_empty() {
                block.push_str(&pad);
                block.push_str(line);
            }
        }
        return block;
    }
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", c as u32);
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// A YAML text of the workspace — a form sent, a stored version — read
/// through the one bounded reader (aliases, lines, entries and depth within
/// their limits), never by another parser.
pub(crate) fn parse(text: &str) -> Result<Node, Vec<crate::diag::Problem>> {
    crate::input::yaml::parse_yaml(text, super::stored::INPUT_NAME)
}

/// A stored version's tree (it passed every check when it was stored).
pub(crate) fn stored(text: &str) -> Node {
    parse(text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Node {
        parse(text).unwrap()
    }

    #[test]
    fn the_form_replaces_what_it_shows_and_keeps_the_rest() {
        let stored = yaml(
            "van_ban: { so_ky_hieu: \"1/BC\", ngay: 2018-08-21, kinh_gui: [\"A\"] }\n\
             don_vi_con: [{ ten: X }]\n\
             khen_thuong:\n  - { co_quan: A, bieu_duong: 3 }\n  - { co_quan: B, bieu_duong: 4 }\n",
        );
        // Row 1 moved first and row 0 deleted; kinh_gui emptied; the
        // totals shown whole (a metric's code was removed).
        let form = yaml(
            r#"{"van_ban": {"so_ky_hieu": "2/BC", "kinh_gui": [""]},
                "tong_hop": {"__thay": 1, "b": 2},
                "khen_thuong": [{"__goc": 1, "co_quan": "B2"}, {"co_quan": "C"}]}"#,
        );
        let stored_totals = yaml("tong_hop: { a: 1, b: 1 }\n");
        let mut stored = stored;
        stored.as_mapping_mut().unwrap().insert("tong_hop".into(), stored_totals.get("tong_hop").unwrap().clone());
        let merged = merge(Some(&stored), &form).unwrap();
        let expected = yaml(
            "van_ban: { so_ky_hieu: \"2/BC\", ngay: 2018-08-21 }\n\
             don_vi_con: [{ ten: X }]\n\
             khen_thuong: [{ co_quan: B2, bieu_duong: 4 }, { co_quan: C }]\n\
             tong_hop: { b: 2 }\n",
        );
        assert_eq!(merged, expected);
    }

    #[test]
    fn one_programme_stays_a_record_and_several_make_a_list() {
        let stored = yaml("chuong_trinh: { so: \"1\", ten: a, ghi_chu: giữ }\n");
        // The stored record is the form's first row: its hidden keys are kept.
        let one = yaml(r#"{"chuong_trinh": [{"__goc": 0, "so": "1b", "ten": "a"}]}"#);
        let merged = merge_form(Some(&stored), &one).unwrap();
        assert_eq!(merged, yaml("chuong_trinh: { so: \"1b\", ten: a, ghi_chu: giữ }\n"));
        let two = yaml(
            r#"{"chuong_trinh": [{"__goc": 0, "so": "1", "ten": "a"},
                {"so": "2", "ngay": {"__ngay": "05/03/2018"}, "cac_ben": ["X", "Y"]}]}"#,
        );
        let merged = merge_form(Some(&stored), &two).unwrap();
        let expected = yaml(
            "chuong_trinh:\n  - { so: \"1\", ten: a, ghi_chu: giữ }\n  - { so: \"2\", ngay: 2018-03-05, cac_ben: [X, Y] }\n",
        );
        assert_eq!(merged, expected);
        // Written and read back, the two programmes read as `check` reads them.
        let text = to_yaml(&merged);
        assert_eq!(yaml(&text), expected, "{text}");
        let back = merge_form(Some(&merged), &yaml(r#"{"chuong_trinh": [{"__goc": 1, "so": "2"}]}"#)).unwrap();
        assert_eq!(back, yaml("chuong_trinh: { so: \"2\", ngay: 2018-03-05, cac_ben: [X, Y] }\n"), "removing one");
    }

    #[test]
    fn the_presenter_chosen_per_group_is_the_delegates_number() {
        let stored = yaml(
            "hoi_nghi: { dai_bieu: [{ ho_ten: A }, { ho_ten: B }], nguoi_trao: [2] }\nkhen_thuong: [{ co_quan: X }]\n",
        );
        let form = yaml(
            r#"{"khen_thuong": [{"__goc": 0, "co_quan": "X", "__nguoi_trao": ""}, {"co_quan": "Y", "__nguoi_trao": "2"}]}"#,
        );
        let merged = merge_form(Some(&stored), &form).unwrap();
        assert_eq!(
            merged.get("hoi_nghi").unwrap().get("nguoi_trao"),
            yaml("n: [1, 2]").get("n"),
            "unchosen: the first"
        );
        assert!(merged
            .get("khen_thuong")
            .unwrap()
            .as_sequence()
            .unwrap()
            .iter()
            .all(|g| g.get("__nguoi_trao").is_none()));
        let none = yaml(r#"{"khen_thuong": [{"__goc": 0, "co_quan": "X", "__nguoi_trao": ""}]}"#);
        let merged = merge_form(Some(&stored), &none).unwrap();
        assert!(merged.get("hoi_nghi").unwrap().get("nguoi_trao").is_none(), "none chosen: left out");
        assert!(to_yaml(&merge_form(Some(&stored), &form).unwrap()).contains("  nguoi_trao:\n    - 1\n    - 2\n"));
    }

    #[test]
    fn figures_and_dates_are_read_as_the_clerk_typed_them() {
        let stored = yaml("tong_hop: { a: 1 }\nvan_ban: { ngay: 2018-08-21 }\n");
        let form = yaml(
            r#"{"tong_hop": {"a": {"__so": "1.850"}, "b": {"__so": "85,5"}, "c": {"__so": "85.5"}, "d": {"__so": ""}},
                "van_ban": {"ngay": {"__ngay": "05/01/2020"}}}"#,
        );
        let merged = merge(Some(&stored), &form).unwrap();
        let text = to_yaml(&merged);
        assert_eq!(text, "tong_hop:\n  a: 1850\n  b: 85.5\n  c: \"85.5\"\n\nvan_ban:\n  ngay: 2020-01-05\n", "{text}");
    }

    #[test]
    fn written_yaml_reads_back_the_same() {
        let value = yaml(
            "phien_ban: 1\n\
             van_ban:\n  loai: so_ket\n  so_ky_hieu: \"125/BC-CAHP\"\n  ngay: 2018-08-21\n  noi_nhan: [\"Lưu: VT\", \"a \\\"b\\\"\"]\n\
             giai_doan: { tu: 2013, den: 2018 }\n\
             noi_dung:\n  ket_qua: \"Dòng một.\\n\\nDòng hai.\\n\"\n  han_che: \" lề trái\\nx\"\n\
             khen_thuong:\n  - hinh_thuc: bang_khen\n    quyet_dinh: { so: \"1/QĐ\", ngay: 2018-08-15 }\n    danh_sach:\n      - { loai: tap_the, ten: \"Công an quận Hồng Bàng\", so_so: \"0101\" }\n      - { loai: ca_nhan, ten: \"yes\", don_vi: \"true\" }\n",
        );
        let text = to_yaml(&value);
        assert_eq!(yaml(&text), value, "{text}");
        assert!(text.contains("  ket_qua: |\n    Dòng một.\n\n    Dòng hai.\n"), "{text}");
        assert!(
            text.contains("      - { loai: tap_the, ten: \"Công an quận Hồng Bàng\", so_so: \"0101\" }\n"),
            "{text}"
        );
        assert!(text.contains("  ngay: 2018-08-21\n"), "{text}");
    }

    #[test]
    fn texts_that_look_like_other_things_round_trip() {
        let texts = [
            "Ủy ban nhân dân tỉnh Hà Giang",
            "1.850",
            "2018-08-21",
            "0101",
            "true",
            "~",
            "",
            "Nói \"không\" với ma túy: đạt 100%",
            "a 'b' c # không phải chú thích",
            "C:\\thu-muc\tcó tab",
            "Dòng một.\nDòng hai có «ngoặc».\n",
            "Không xuống dòng cuối\n  thụt lề dòng hai",
            "  lề trái\nx",
            "- gạch đầu dòng",
            "key: value",
            "@ký tự đầu",
        ];
        let mut tree = Mapping::new();
        for (index, text) in texts.iter().enumerate() {
            tree.insert(Node::from(format!("k{index}")), Node::from(*text));
        }
        let numbers = parse("so: [1.850, 175726, -3, 0.5, 1e3]").unwrap();
        tree.insert(Node::from("so"), numbers.get("so").unwrap().clone());
        let tree = Node::new(Value::Mapping(tree));
        let written = to_yaml(&tree);
        let read = parse(&written).unwrap();
        assert_eq!(read, tree, "{written}");
        for (index, text) in texts.iter().enumerate() {
            assert_eq!(read.get(&format!("k{index}")).and_then(|v| v.as_str()), Some(*text), "{written}");
        }
        // Numbers are written as typed: 1.850 stays 1.850 on the clerk's screen.
        assert!(written.contains("so:\n  - 1.850\n  - 175726\n"), "{written}");
        assert!(written.contains("k1: \"1.850\"\n") && written.contains("k3: \"0101\"\n"), "{written}");
    }
}
