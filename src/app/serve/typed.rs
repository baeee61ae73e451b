//! Figures and dates as a Vietnamese clerk types them in the form
//! ("1.850" is one thousand eight hundred and fifty, "85,5" is eighty-five
//! and a half, "21/08/2018" a day) read into the values the YAML holds, and
//! the stored values shown back the same way. The page sends what was typed;
//! these rules, on the server, decide. What cannot be read so is kept as
//! typed text, so `check` refuses it at its field with its own words.

use crate::input::yaml::{Node, Value};
use crate::text::vn::{Date, Decimal};

/// A figure typed in the form: the dot groups thousands, the comma marks
/// the decimals. `None` for an empty field; a text node (refused by
/// `check` as "not a number") for anything else that is not a figure.
pub(crate) fn figure(typed: &str) -> Option<Node> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let Some(plain) = plain_figure(typed) else {
        return Some(Node::from(typed));
    };
    // Read as YAML reads a plain number, so the stored version is exactly
    // what a clerk would have typed in the YAML tab (and its limits apply).
    match crate::input::yaml::parse_yaml(&plain, super::stored::INPUT_NAME) {
        Ok(node) if matches!(node.value, Value::Number(_)) => Some(node),
        _ => Some(Node::from(typed)),
    }
}

/// "1.850" → "1850", "1.234,5" → "1234.5", "85,5" → "85.5", "-3" → "-3";
/// none when the text is not a figure written the Vietnamese way ("85.5":
/// a dot that does not group thousands is not read as a decimal point).
fn plain_figure(typed: &str) -> Option<String> {
    let compact: String = typed.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let (sign, body) = match compact.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", compact.as_str()),
    };
    let (whole, fraction) = match body.split_once(',') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole = if whole.contains('.') {
        crate::input::facts::thousands_separated(whole).then(|| whole.replace('.', ""))?
    } else if digits(whole) {
        whole.to_string()
    } else {
        return None;
    };
    match fraction {
        Some(fraction) if digits(fraction) => Some(format!("{sign}{whole}.{fraction}")),
        Some(_) => None,
        None => Some(format!("{sign}{whole}")),
    }
}

/// A stored figure as the form shows it: "1.850", "85,5"; a text as typed.
pub(crate) fn shown_figure(value: &Node) -> String {
    match &value.value {
        Value::Number(number) => {
            Decimal::parse(&number.to_string()).map_or_else(|| number.to_string(), |decimal| decimal.vietnamese())
        }
        Value::String(text) => text.clone(),
        _ => value.text().unwrap_or_default().to_string(),
    }
}

/// A date typed in the form, "21/08/2018" (or "21-8-2018", "21.08.2018"):
/// stored as the YAML writes it, 2018-08-21. A day that does not exist or
/// any other text is kept as typed, and `check` refuses it at its field.
pub(crate) fn date(typed: &str) -> Option<Node> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let parts: Vec<&str> = typed.split(['/', '-', '.']).map(str::trim).collect();
    fn number(s: &str, most: usize) -> Option<&str> {
        (!s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
    }
    if let [day, month, year] = parts.as_slice() {
        if let (Some(day), Some(month), Some(year)) = (number(day, 2), number(month, 2), number(year, 4)) {
            if year.len() == 4 {
                let iso = format!("{year}-{month:0>2}-{day:0>2}");
                if Date::parse(&iso).is_some() {
                    return Some(Node::from(iso));
                }
            }
        }
    }
    Some(Node::from(typed))
}

/// A stored date as the form shows it: 2018-08-21 → "21/08/2018"; any
/// other text as typed.
pub(crate) fn shown_date(text: &str) -> String {
    match Date::parse(text) {
        Some(date) => format!("{:02}/{:02}/{}", date.day, date.month, date.year),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(typed: &str) -> String {
        figure(typed).map(|node| format!("{:?}|{}", node.value, shown_figure(&node))).unwrap_or_default()
    }

    #[test]
    fn figures_read_the_vietnamese_way_and_show_back_so() {
        for (typed, shown) in [
            ("1.850", "1.850"),
            ("85,5", "85,5"),
            ("1.234.567,25", "1.234.567,25"),
            ("175726", "175.726"),
            (" 2 018 ", "2.018"),
            ("0,5", "0,5"),
        ] {
            let node = figure(typed).unwrap();
            assert!(matches!(node.value, Value::Number(_)), "{typed}: {node:?}");
            assert_eq!(shown_figure(&node), shown, "{typed}");
        }
        // 1.850 is a thousand eight hundred and fifty, never 1,85.
        let number = |typed: &str| match figure(typed).unwrap().value {
            Value::Number(n) => n.to_string(),
            other => panic!("{typed}: {other:?}"),
        };
        assert_eq!((number("1.850").as_str(), number("85,5").as_str()), ("1850", "85.5"));
        // What is not a figure the Vietnamese way stays as typed, for check to refuse.
        for typed in ["85.5", "1.85", "abc", "1,2,3", "12a", "1.8500", ",5"] {
            assert_eq!(figure(typed).unwrap(), Node::from(typed), "{typed}: {}", read(typed));
        }
        assert_eq!(figure("   "), None);
        // A negative figure is read, and check refuses it by its own rule.
        assert_eq!(figure("-3").unwrap().as_i64(), Some(-3));
    }

    #[test]
    fn dates_are_typed_day_first_and_stored_as_the_yaml_writes_them() {
        for typed in ["21/08/2018", "21/8/2018", "21-08-2018", "21.8.2018"] {
            assert_eq!(date(typed), Some(Node::from("2018-08-21")), "{typed}");
        }
        for typed in ["30/02/2018", "2018", "21/08/18", "hôm qua"] {
            assert_eq!(date(typed), Some(Node::from(typed)), "{typed}");
        }
        assert_eq!(shown_date("2018-08-21"), "21/08/2018");
        assert_eq!(shown_date("30/02/2018"), "30/02/2018");
    }
}
