//! The small text markup templates write, parsed into document blocks.
//!
//! - Paragraphs are separated by a blank line; the lines of one paragraph
//!   are joined with a space.
//! - `# Tiêu đề` is a part: "Phần I" and the title, centred, bold.
//! - `## Tiêu đề` is a section, numbered "I.", "II." within its part.
//! - `### Tiêu đề` is a sub-section, numbered "1.", "2." within its section.
//!   Numbers are counted here, so a section a template leaves out for lack
//!   of data leaves no gap.
//! - `::ten` alone on a line places a block the builder supplies (a table).
//! - `**đậm**` and `*nghiêng*` inside text; `\` makes the next character
//!   literal. Values inserted by `{{…}}` are escaped, so data never becomes
//!   markup.

use crate::doc::{Align, Block, Paragraph, ParagraphStyle, Role, Span};

/// Characters with a meaning in the markup; [`escape`] protects them.
const SPECIAL: &[char] = &['\\', '*', '#', ':'];

/// Makes `text` print exactly as typed (the handlebars escape function).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if SPECIAL.contains(&ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Like [`escape`] but keeps `*` and `**` emphasis and paragraph breaks:
/// for the narrative fields, where the schema allows them.
pub(crate) fn escape_keeping_emphasis(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch != '*' && SPECIAL.contains(&ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Roman numerals for part and section numbers, for any count (40 is
/// "XL", 1999 "MCMXCIX"; thousands repeat "M"); 0 has none and is "0".
pub(crate) fn roman(n: usize) -> String {
    const VALUES: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 {
        return "0".into();
    }
    let mut rest = n;
    let mut out = String::new();
    for (value, letters) in VALUES {
        while rest >= value {
            out.push_str(letters);
            rest -= value;
        }
    }
    out
}

/// Parses `markup`; `directive` supplies the blocks of `::name` lines and
/// returns `None` for a name it does not know (an error naming the line).
pub(crate) fn parse(markup: &str, mut directive: impl FnMut(&str) -> Option<Vec<Block>>) -> Result<Vec<Block>, String> {
    let mut blocks = Vec::new();
    let mut counters = [0usize; 3];
    let mut pending: Vec<&str> = Vec::new();
    let flush = |pending: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !pending.is_empty() {
            let text = pending.join(" ");
            blocks.push(Block::Paragraph(Paragraph { spans: inline(&text), style: ParagraphStyle::BODY }));
            pending.clear();
        }
    };
    for (number, line) in markup.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut pending, &mut blocks);
        } else if let Some(name) = line.strip_prefix("::") {
            flush(&mut pending, &mut blocks);
            let name = name.trim();
            match directive(name) {
                Some(supplied) => blocks.extend(supplied),
                None => return Err(format!("dòng {}: không có khối «::{name}»", number + 1)),
            }
        } else if let Some((level, title)) = heading(line) {
            flush(&mut pending, &mut blocks);
            counters[level] += 1;
            counters[level + 1..].iter_mut().for_each(|c| *c = 0);
            blocks.extend(heading_blocks(level, counters[level], &plain_text(title)));
        } else {
            pending.push(line);
        }
    }
    flush(&mut pending, &mut blocks);
    Ok(blocks)
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let rest = line[hashes..].strip_prefix(' ')?;
    (1..=3).contains(&hashes).then(|| (hashes - 1, rest.trim()))
}

/// The blocks of a heading at `level` (0 part, 1 section, 2 sub-section).
fn heading_blocks(level: usize, number: usize, title: &str) -> Vec<Block> {
    let style = |align: Align, space_before: f32| ParagraphStyle {
        align,
        first_indent: 0.0,
        space_before,
        keep_with_next: true,
        role: Role::Heading(level as u8 + 1),
        ..ParagraphStyle::BODY
    };
    let para =
        |text: String, style: ParagraphStyle| Block::Paragraph(Paragraph { spans: vec![Span::bold(text)], style });
    match level {
        0 => vec![
            para(format!("Phần {}", roman(number)), ParagraphStyle { space_after: 0.0, ..style(Align::Center, 6.0) }),
            para(crate::text::vn::upper(title), style(Align::Center, 0.0)),
        ],
        1 => vec![para(
            format!("{}. {}", roman(number), crate::text::vn::upper(title)),
            ParagraphStyle { first_indent: 10.0, ..style(Align::Justify, 0.0) },
        )],
        _ => vec![para(
            format!("{number}. {title}"),
            ParagraphStyle { first_indent: 10.0, ..style(Align::Justify, 0.0) },
        )],
    }
}

/// Text with escapes resolved and emphasis markers dropped (for headings
/// and one-line templates such as the trích yếu).
pub(crate) fn plain_text(text: &str) -> String {
    inline(text).into_iter().map(|s| s.text).collect()
}

/// Splits text into spans at `**` / `*` pairs; a marker without its
/// partner is printed as typed.
fn inline(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<Span> = Vec::new();
    let (mut bold, mut italic) = (false, false);
    let mut current = String::new();
    let mut i = 0;
    let push = |spans: &mut Vec<Span>, text: &mut String, bold: bool, italic: bool| {
        if !text.is_empty() {
            spans.push(Span { text: std::mem::take(text), bold, italic });
        }
    };
    while i < chars.len() {
        let ch = chars[i];
        if ch == '\\' && i + 1 < chars.len() {
            current.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if ch == '*' {
            let double = chars.get(i + 1) == Some(&'*');
            let marker = if double { 2 } else { 1 };
            let open = if double { bold } else { italic };
            if open || has_closing(&chars[i + marker..], double) {
                push(&mut spans, &mut current, bold, italic);
                if double {
                    bold = !bold;
                } else {
                    italic = !italic;
                }
                i += marker;
                continue;
            }
        }
        current.push(ch);
        i += 1;
    }
    push(&mut spans, &mut current, bold, italic);
    spans
}

/// Whether an unescaped closing marker follows.
fn has_closing(rest: &[char], double: bool) -> bool {
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            '\\' => i += 2,
            '*' if double && rest.get(i + 1) == Some(&'*') => return true,
            '*' if double => i += 1,
            '*' if rest.get(i + 1) == Some(&'*') => i += 2,
            '*' => return true,
            _ => i += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.spans.iter().map(|s| s.text.as_str()).collect(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn escaped_data_prints_exactly_as_typed() {
        let hostile = "Tổ *1* | #2 <b> _x_ {{y}} \\z ::bang **đậm**";
        let directive_like = format!("::bang-ket-qua {hostile}");
        let markup = format!("# {}\n\n{}\n\n{}", escape(hostile), escape(hostile), escape(&directive_like));
        let blocks = parse(&markup, |_| None).unwrap();
        let texts = texts(&blocks);
        assert_eq!(texts[1], crate::text::vn::upper(hostile));
        assert_eq!(texts[2], hostile);
        assert_eq!(texts[3], directive_like);
    }

    #[test]
    fn headings_are_numbered_without_gaps() {
        let blocks =
            parse("# Kết quả\n## Tình hình\n### A\n### B\n## Hạn chế\n### C\n# Phương hướng\n## Nhiệm vụ", |_| None)
                .unwrap();
        assert_eq!(
            texts(&blocks),
            [
                "Phần I",
                "KẾT QUẢ",
                "I. TÌNH HÌNH",
                "1. A",
                "2. B",
                "II. HẠN CHẾ",
                "1. C",
                "Phần II",
                "PHƯƠNG HƯỚNG",
                "I. NHIỆM VỤ"
            ]
        );
    }

    #[test]
    fn emphasis_pairs_become_spans_and_lone_stars_stay() {
        let blocks = parse("Có **đậm** và *nghiêng*, còn 5 * 3 thì giữ.", |_| None).unwrap();
        let Block::Paragraph(p) = &blocks[0] else { panic!() };
        let styled: Vec<(&str, bool, bool)> = p.spans.iter().map(|s| (s.text.as_str(), s.bold, s.italic)).collect();
        assert_eq!(
            styled,
            [
                ("Có ", false, false),
                ("đậm", true, false),
                (" và ", false, false),
                ("nghiêng", false, true),
                (", còn 5 * 3 thì giữ.", false, false)
            ]
        );
    }

    #[test]
    fn lines_join_and_blank_lines_split_paragraphs() {
        let blocks = parse("một\nhai\n\nba", |_| None).unwrap();
        assert_eq!(texts(&blocks), ["một hai", "ba"]);
    }

    #[test]
    fn unknown_directive_names_its_line() {
        let err = parse("a\n\n::khong-co", |_| None).unwrap_err();
        assert!(err.contains("dòng 3"), "{err}");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!([1, 4, 9, 14, 20].map(roman), ["I", "IV", "IX", "XIV", "XX"]);
        let table = [
            (39, "XXXIX"),
            (40, "XL"),
            (44, "XLIV"),
            (49, "XLIX"),
            (50, "L"),
            (58, "LVIII"),
            (69, "LXIX"),
            (74, "LXXIV"),
            (88, "LXXXVIII"),
            (90, "XC"),
            (94, "XCIV"),
            (99, "XCIX"),
            (100, "C"),
            (400, "CD"),
            (1999, "MCMXCIX"),
        ];
        for (n, expected) in table {
            assert_eq!(roman(n), expected, "{n}");
        }
        // 1..=100: every numeral distinct, read back to its number.
        let value = |c: char| match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => panic!("{c}"),
        };
        let mut seen = std::collections::HashSet::new();
        for n in 1..=100usize {
            let text = roman(n);
            let digits: Vec<usize> = text.chars().map(value).collect();
            let read: isize = digits
                .iter()
                .enumerate()
                .map(|(i, d)| if digits.get(i + 1).is_some_and(|next| next > d) { -(*d as isize) } else { *d as isize })
                .sum();
            assert_eq!(read, n as isize, "{n} → {text}");
            assert!(seen.insert(text), "{n}");
        }
    }
}
