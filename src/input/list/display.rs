//! A cell's text as Excel shows it to the clerk: text as typed (so "0101"
//! keeps its zero), a number through its number format ("0000" shows 101
//! as "0101", "#,##0" shows 1234 as "1.234"), a date through its date
//! format — never a serial number. Separators and the short date follow
//! Vietnamese Windows settings (1.234,5; dd/mm/yyyy). What cannot be shown
//! faithfully is refused with the reason.

use super::grid::Cell;
use crate::diag::CellTrouble;

/// The cell's text, whitespace tidied (no-break spaces and line breaks
/// become spaces; runs of spaces one); `Ok("")` for a blank text.
pub(super) fn show(cell: &Cell) -> Result<String, CellTrouble> {
    let raw = match cell {
        Cell::Text(text) => return Ok(tidy(text)),
        Cell::Number { value, format } => number(*value, format.as_deref().unwrap_or("General"))?,
        Cell::Date { parts, format, short_date } => {
            let code = if *short_date { "dd/mm/yyyy" } else { format.as_str() };
            let refused = || CellTrouble::Format { value: date_value(*parts), format: format.clone(), date: true };
            date(*parts, code).ok_or_else(refused)?
        }
        Cell::Duration { format } => {
            return Err(CellTrouble::Format { value: "?".into(), format: format.clone(), date: true })
        }
        Cell::Bool(value) => return Err(CellTrouble::Boolean(*value)),
        Cell::Error(code) => return Err(CellTrouble::FormulaError(code.clone())),
    };
    Ok(tidy(&raw))
}

/// No-break and other spaces, tabs and line breaks become one space.
pub(super) fn tidy(text: &str) -> String {
    let spacing = |c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}';
    // Most cells are tidy already (a list of 100,000 has half a million):
    // single plain spaces between words, none at either end.
    let tidy_already = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.chars().any(|c| c != ' ' && spacing(c));
    if tidy_already {
        return text.to_string();
    }
    text.split(spacing).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn date_value((y, m, d, ..): (u16, u8, u8, u8, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// A number through a format code's section for it.
fn number(value: f64, code: &str) -> Result<String, CellTrouble> {
    let refuse = || CellTrouble::Format {
        value: general(value).unwrap_or_else(|| plain(value)),
        format: code.into(),
        date: false,
    };
    let sections = split_sections(code);
    let (section, signed) = match sections.len() {
        _ if value < 0.0 && sections.len() >= 2 => (&sections[1], false),
        _ if value == 0.0 && sections.len() >= 3 => (&sections[2], false),
        _ => (&sections[0], value < 0.0),
    };
    // A number in a Text ("@") cell shows as General.
    let section = if section.trim() == "@" || section.is_empty() { "General" } else { section.as_str() };
    let tokens = tokens(section).ok_or_else(refuse)?;
    let shown = if tokens.iter().any(|t| matches!(t, Token::General)) {
        let text = general(value.abs()).ok_or_else(|| CellTrouble::LongNumber(plain(value)))?;
        tokens.iter().map(|t| if let Token::Literal(l) = t { l.clone() } else { String::new() }).collect::<String>()
            + &text
    } else {
        digits(value.abs(), &tokens).ok_or_else(refuse)?
    };
    Ok(if signed && shown.chars().any(|c| c.is_ascii_digit() && c != '0') { format!("-{shown}") } else { shown })
}

/// A number's own digits ("123456789012"), for messages.
fn plain(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e18 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

/// Excel's General format: whole numbers up to 11 digits as they are,
/// others to 10 significant digits with a decimal comma; `None` when
/// Excel would switch to scientific notation.
fn general(value: f64) -> Option<String> {
    let magnitude = value.abs();
    if magnitude >= 1e11 || (magnitude != 0.0 && magnitude < 1e-9) {
        return None;
    }
    if value.fract() == 0.0 {
        return Some(format!("{}", value as i64));
    }
    let whole_digits = if magnitude < 1.0 { 1 } else { magnitude.log10().floor() as i32 + 1 };
    let decimals = (10 - whole_digits).max(0) as usize;
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_string() } else { text };
    Some(text.replace('.', ","))
}

/// Splits a format code into its `;` sections, minding quotes and escapes.
fn split_sections(code: &str) -> Vec<String> {
    let mut sections = vec![String::new()];
    let mut chars = code.chars();
    let mut quoted = false;
    while let Some(ch) = chars.next() {
        match ch {
            '"' => quoted = !quoted,
            '\\' if !quoted => {
                sections.last_mut().unwrap().push(ch);
                if let Some(next) = chars.next() {
                    sections.last_mut().unwrap().push(next);
                }
                continue;
            }
            ';' if !quoted => {
                sections.push(String::new());
                continue;
            }
            _ => {}
        }
        sections.last_mut().unwrap().push(ch);
    }
    sections
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    General,
    Literal(String),
    /// '0' (always a digit), '#' (a digit if any), '?' (a digit or space).
    Digit(char),
    Point,
    /// A comma between digit placeholders: group thousands.
    Grouping,
    /// A comma after the last digit placeholder: divide by 1000.
    Scale,
    Percent,
}

/// The tokens of a number section; `None` for what is not shown here
/// (scientific notation, fractions, conditions, dates in a number).
fn tokens(section: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = section.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        match ch {
            '"' => {
                let end = chars[i + 1..].iter().position(|&c| c == '"').map_or(chars.len(), |p| i + 1 + p);
                tokens.push(Token::Literal(chars[i + 1..end].iter().collect()));
                i = end;
            }
            '\\' => {
                if let Some(&next) = chars.get(i + 1) {
                    tokens.push(Token::Literal(next.to_string()));
                }
                i += 1;
            }
            // A space as wide as the next character; a fill character.
            '_' => {
                tokens.push(Token::Literal(" ".into()));
                i += 1;
            }
            '*' => i += 1,
            '[' => {
                let end = chars[i + 1..].iter().position(|&c| c == ']').map(|p| i + 1 + p)?;
                let inside: String = chars[i + 1..end].iter().collect();
                if let Some(currency) = inside.strip_prefix('$') {
                    // [$₫-42A]: a currency sign and a locale.
                    let sign = currency.split('-').next().unwrap_or("");
                    if !sign.is_empty() {
                        tokens.push(Token::Literal(sign.into()));
                    }
                } else if !inside.chars().all(|c| c.is_ascii_alphanumeric()) || inside.eq_ignore_ascii_case("h") {
                    // Conditions ([>100]) and durations ([h]).
                    return None;
                }
                // Colours ([Red], [Color10]) change nothing in the text.
                i = end;
            }
            '0' | '#' | '?' => tokens.push(Token::Digit(ch)),
            '.' => tokens.push(Token::Point),
            '%' => tokens.push(Token::Percent),
            ',' => {
                let digit_before = tokens
                    .iter()
                    .rev()
                    .find(|t| !matches!(t, Token::Literal(_)))
                    .is_some_and(|t| matches!(t, Token::Digit(_) | Token::Grouping));
                let digit_after = chars[i + 1..].iter().any(|c| matches!(c, '0' | '#' | '?'));
                let before_point = !tokens.contains(&Token::Point);
                match (digit_before, digit_after && before_point) {
                    (true, true) => tokens.push(Token::Grouping),
                    (true, false) => tokens.push(Token::Scale),
                    _ => tokens.push(Token::Literal(",".into())),
                }
            }
            'G' | 'g' if section[section.char_indices().nth(i)?.0..].to_ascii_lowercase().starts_with("general") => {
                tokens.push(Token::General);
                i += "general".len() - 1;
            }
            'E' | 'e' | '/' | '@' | 'y' | 'Y' | 'm' | 'M' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' => return None,
            other => tokens.push(Token::Literal(other.to_string())),
        }
        i += 1;
    }
    Some(tokens)
}

/// A number laid into digit placeholders.
fn digits(value: f64, tokens: &[Token]) -> Option<String> {
    let point = tokens.iter().position(|t| *t == Token::Point).unwrap_or(tokens.len());
    let (whole_tokens, fraction_tokens) = tokens.split_at(point);
    let decimals = fraction_tokens.iter().filter(|t| matches!(t, Token::Digit(_))).count();
    let percent = tokens.iter().filter(|t| **t == Token::Percent).count() as i32;
    let scale = tokens.iter().filter(|t| **t == Token::Scale).count() as i32;
    let scaled = value * 100f64.powi(percent) / 1000f64.powi(scale);
    if scaled >= 1e15 {
        return None;
    }
    let rounded = format!("{scaled:.decimals$}");
    let (whole, fraction) = rounded.split_once('.').unwrap_or((&rounded, ""));
    let grouping = whole_tokens.contains(&Token::Grouping);
    let placeholders: Vec<usize> =
        whole_tokens.iter().enumerate().filter(|(_, t)| matches!(t, Token::Digit(_))).map(|(i, _)| i).collect();
    let has_literal_between = match (placeholders.first(), placeholders.last()) {
        (Some(&first), Some(&last)) => whole_tokens[first..last].iter().any(|t| matches!(t, Token::Literal(_))),
        _ => false,
    };
    if grouping && has_literal_between {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let mut out_whole: Vec<String> = whole_tokens.iter().map(|_| String::new()).collect();
    if grouping {
        // One run of placeholders: pad to the zeros asked for, then group.
        let zeros = whole_tokens.iter().filter(|t| **t == Token::Digit('0')).count();
        let padded = format!("{whole:0>zeros$}");
        let grouped = group(&padded);
        if let Some(&first) = placeholders.first() {
            out_whole[first] = grouped;
        }
    } else {
        // Digits fill the placeholders from the right; what is left goes
        // into the leftmost one.
        let mut remaining: Vec<char> = whole.chars().collect();
        for (n, &index) in placeholders.iter().enumerate().rev() {
            let Token::Digit(kind) = whole_tokens[index] else { continue };
            let mut text = match remaining.pop() {
                Some(digit) => digit.to_string(),
                None if kind == '0' => "0".into(),
                None if kind == '?' => " ".into(),
                None => String::new(),
            };
            if n == 0 {
                text = remaining.drain(..).collect::<String>() + &text;
            }
            out_whole[index] = text;
        }
    }
    let mut out = String::new();
    for (token, text) in whole_tokens.iter().zip(&out_whole) {
        match token {
            Token::Literal(literal) => out.push_str(literal),
            Token::Digit(_) => out.push_str(text),
            Token::Percent => out.push('%'),
            _ => {}
        }
    }
    if point < tokens.len() {
        out.push(',');
        let fraction_digits: Vec<char> = fraction.chars().collect();
        // Trailing '#' places drop their zeros.
        let kinds: Vec<char> =
            fraction_tokens.iter().filter_map(|t| if let Token::Digit(k) = t { Some(*k) } else { None }).collect();
        let mut keep = fraction_digits.len();
        while keep > 0 && fraction_digits[keep - 1] == '0' && kinds[keep - 1] != '0' {
            keep -= 1;
        }
        let mut n = 0;
        for token in &fraction_tokens[1..] {
            match token {
                Token::Digit(kind) => {
                    if n < keep {
                        out.push(fraction_digits[n]);
                    } else if *kind == '?' {
                        out.push(' ');
                    }
                    n += 1;
                }
                Token::Literal(literal) => out.push_str(literal),
                Token::Percent => out.push('%'),
                _ => {}
            }
        }
    }
    Some(out.trim().to_string())
}

fn group(digits: &str) -> String {
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// A date through a date format code; `None` for what is not shown here
/// (month and day names, AM/PM, eras, fractions of a second).
fn date((year, month, day, hour, minute, second): (u16, u8, u8, u8, u8, u8), code: &str) -> Option<String> {
    let section = split_sections(code).into_iter().next().unwrap_or_default();
    let chars: Vec<char> = section.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    // Whether an 'm' run means minutes: right after hours, or before seconds.
    let mut after_hour = false;
    while i < chars.len() {
        let ch = chars[i];
        let lower = ch.to_ascii_lowercase();
        match lower {
            '"' => {
                let end = chars[i + 1..].iter().position(|&c| c == '"').map_or(chars.len(), |p| i + 1 + p);
                out.extend(&chars[i + 1..end]);
                i = end + 1;
            }
            '\\' => {
                out.extend(chars.get(i + 1));
                i += 2;
            }
            '[' => {
                let end = chars[i + 1..].iter().position(|&c| c == ']').map(|p| i + 1 + p)?;
                let inside: String = chars[i + 1..end].iter().collect();
                // A locale ([$-42A]) changes nothing here; [h] is a duration.
                if !inside.starts_with("$-") {
                    return None;
                }
                i = end + 1;
            }
            'y' | 'd' | 'h' | 's' | 'm' => {
                let run = chars[i..].iter().take_while(|c| c.to_ascii_lowercase() == lower).count();
                let field = match lower {
                    'y' if run <= 2 => format!("{:02}", year % 100),
                    'y' => format!("{year:04}"),
                    'd' if run <= 2 => pad(day, run),
                    'h' => pad(hour, run),
                    's' if run <= 2 => pad(second, run),
                    'm' if run <= 2 => {
                        let before_seconds = chars[i + run..]
                            .iter()
                            .find(|c| c.is_ascii_alphabetic())
                            .is_some_and(|c| c.eq_ignore_ascii_case(&'s'));
                        pad(if after_hour || before_seconds { minute } else { month }, run)
                    }
                    // Day and month names depend on the computer's language.
                    _ => return None,
                };
                out += &field;
                after_hour = lower == 'h';
                i += run;
            }
            'a' | 'p' | 'e' | 'g' | 'b' | '0' | '#' | '?' | '@' => return None,
            _ => {
                out.push(ch);
                i += 1;
            }
        }
    }
    Some(out)
}

fn pad(value: u8, run: usize) -> String {
    if run >= 2 {
        format!("{value:02}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(value: f64, format: &str) -> String {
        number(value, format).unwrap_or_else(|t| panic!("{value} «{format}»: {t:?}"))
    }

    #[test]
    fn a_cell_is_tidied_the_same_whether_it_was_tidy_already_or_not() {
        let general = |text: &str| {
            let spacing = |c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}' || c == '\u{feff}';
            text.split(spacing).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
        };
        for text in [
            "Nguyễn Văn An",
            "",
            " ",
            " Nguyễn Văn An",
            "Nguyễn Văn An ",
            "Nguyễn  Văn An",
            "Nguyễn\u{a0}Văn\tAn",
            "Tổ dân phố\nsố 5",
            "\u{feff}Lê Thị Bình",
            "Phòng\u{200b}Cảnh sát",
            "Hà\u{3000}Nội",
        ] {
            assert_eq!(tidy(text), general(text), "{text:?}");
        }
    }

    #[test]
    fn numbers_show_as_their_format_shows_them() {
        assert_eq!(num(101.0, "General"), "101");
        assert_eq!(num(45627.0, "General"), "45627");
        assert_eq!(num(3.5, "General"), "3,5");
        assert_eq!(num(1.0 / 3.0, "General"), "0,333333333");
        assert_eq!(num(101.0, "0000"), "0101");
        assert_eq!(num(7.0, "000"), "007");
        assert_eq!(num(12345.0, "0000"), "12345");
        assert_eq!(num(1234567.0, "#,##0"), "1.234.567");
        assert_eq!(num(1234.5, "#,##0.00"), "1.234,50");
        assert_eq!(num(0.25, "0%"), "25%");
        assert_eq!(num(5.0, "\"Số \"00"), "Số 05");
        assert_eq!(num(912345678.0, "0000 000 000"), "0912 345 678");
        assert_eq!(num(-4.0, "0;(0)"), "(4)");
        assert_eq!(num(-4.0, "0"), "-4");
        assert_eq!(num(0.0, "0;-0;\"không\""), "không");
        assert_eq!(num(15000.0, "#,##0 [$₫-42A]"), "15.000 ₫");
        assert_eq!(num(12.0, "[Red]0"), "12");
        assert_eq!(num(12.0, "@"), "12");
        assert_eq!(num(1500.0, "#,##0,"), "2");
        assert_eq!(num(2.5, "0.0#"), "2,5");
    }

    #[test]
    fn what_cannot_be_shown_faithfully_is_refused() {
        assert!(matches!(number(123456789012.0, "General"), Err(CellTrouble::LongNumber(n)) if n == "123456789012"));
        assert!(matches!(number(1.5e9, "0.00E+00"), Err(CellTrouble::Format { .. })));
        assert!(matches!(number(0.5, "# ?/?"), Err(CellTrouble::Format { .. })));
        assert!(matches!(number(150.0, "[>100]0;0"), Err(CellTrouble::Format { .. })));
    }

    #[test]
    fn dates_show_as_their_format_shows_them_never_as_a_serial() {
        let day = (2024, 12, 1, 0, 0, 0);
        let shown = |code: &str, short_date: bool| {
            show(&Cell::Date { parts: day, format: code.into(), short_date }).map_err(|t| format!("{t:?}"))
        };
        assert_eq!(shown("mm-dd-yy", true).unwrap(), "01/12/2024");
        assert_eq!(shown("dd/mm/yyyy", false).unwrap(), "01/12/2024");
        assert_eq!(shown("d/m/yy", false).unwrap(), "1/12/24");
        assert_eq!(shown("mm/yyyy", false).unwrap(), "12/2024");
        assert_eq!(shown("yyyy-mm-dd", false).unwrap(), "2024-12-01");
        assert_eq!(shown("[$-42A]dd/mm/yyyy", false).unwrap(), "01/12/2024");
        assert_eq!(shown("\"ngày \"dd", false).unwrap(), "ngày 01");
        let time = Cell::Date { parts: (2024, 1, 2, 7, 5, 9), format: "dd/mm/yyyy hh:mm:ss".into(), short_date: false };
        assert_eq!(show(&time).unwrap(), "02/01/2024 07:05:09");
        assert!(shown("d-mmm-yy", false).is_err(), "month names depend on the computer");
        assert!(shown("h:mm AM/PM", false).is_err());
    }

    #[test]
    fn other_cells_are_refused_with_their_reason() {
        assert_eq!(show(&Cell::Bool(true)), Err(CellTrouble::Boolean(true)));
        assert_eq!(show(&Cell::Error("#REF!".into())), Err(CellTrouble::FormulaError("#REF!".into())));
        assert_eq!(show(&Cell::Text("  Nguyễn\u{a0}Văn\nAn  ".into())).unwrap(), "Nguyễn Văn An");
        assert_eq!(show(&Cell::Text("0101".into())).unwrap(), "0101");
    }
}
