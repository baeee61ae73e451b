//! Where a Vietnamese reader breaks the lines of a name or a title: the
//! header blocks, the trích yếu, list headings, the signature block and
//! Nơi nhận. Lines are balanced (as even as the words allow, in as few
//! lines as fit; a Nơi nhận item's are filled instead, each line full),
//! never split a two-syllable word or a proper name, and rather break after a comma, before "và", before an administrative level
//! ("quận", "tỉnh" …) or before a new body ("ủy ban", "hội" …). A newline
//! the user typed always breaks. Body text keeps greedy breaking
//! ([`super::measure::break_lines`]), as word processors set it.

use super::measure::{cut_long_words, span_width, Line, Word};
use super::phrases::{BINDERS, INSTITUTIONS, LEVEL_LIST, NAMED_LIST, OPENERS, OPENER_LIST, WORD_LIST};

/// How a break between two words reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    /// After a comma or before a new part: where a reader expects it.
    Good,
    Plain,
    /// Inside words, proper names or a signing form: how many. Where a
    /// name is too long for a line, it breaks where the fewest words span.
    Never(u32),
}

fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-' && c != '–').to_lowercase()
}

fn is_capitalised(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.first().is_some_and(|c| c.is_uppercase()) && letters.iter().skip(1).all(|c| c.is_lowercase())
}

/// How each break between `texts[i]` and `texts[i + 1]` reads; `joined[i]`
/// when the two are pieces of one hyphenated word ("CTr-" "BCA").
fn breaks(texts: &[String], joined: &[bool]) -> Vec<Break> {
    let lower: Vec<String> = texts.iter().map(|t| bare(t)).collect();
    // Words and names: no break from their first syllable to their last.
    let mut in_word = vec![0u32; texts.len()];
    for i in 0..texts.len() {
        // A comma ends a word: "tỉnh, Ủy ban" holds no "tỉnh ủy".
        let within_clause =
            |length: &usize| texts[i..i + length - 1].iter().all(|t| !t.ends_with([',', ';', ':', ')']));
        for length in WORD_LIST.all_at(&lower, i).filter(within_clause) {
            for count in &mut in_word[i..i + length - 1] {
                *count += 1;
            }
        }
    }
    let in_name = name_spans(texts, &lower, &in_word);
    let own_level = own_levels(texts, &lower);
    (0..texts.len().saturating_sub(1))
        .map(|i| {
            let (this, next) = (&texts[i], &texts[i + 1]);
            let proper_name = is_capitalised(this)
                && is_capitalised(next)
                && !this.ends_with([',', ';', ':', '.', ')'])
                && !OPENERS.contains(&lower[i + 1].as_str());
            let binds = BINDERS.contains(&lower[i].as_str()) || next == "-" || next == "–" || joined[i];
            let weight = in_word[i]
                + u32::from(numbered(texts, i))
                + u32::from(in_name[i])
                + u32::from(own_level[i])
                + u32::from(proper_name)
                + 3 * u32::from(binds);
            if weight > 0 {
                Break::Never(weight)
            } else if this.ends_with([',', ';', ':', ')'])
                || next.starts_with('(')
                || OPENER_LIST.at(&lower, i + 1).is_some()
            {
                Break::Good
            } else {
                Break::Plain
            }
        })
        .collect()
}

/// For each break, whether it parts a body from the level it serves when
/// that level stands alone ("Công an tỉnh,", "Ủy ban nhân dân huyện;"): the
/// level names no place there, it is the body's own last word.
fn own_levels(texts: &[String], lower: &[String]) -> Vec<bool> {
    let ends_word = |i: usize| (0..i).any(|start| WORD_LIST.all_at(lower, start).any(|length| start + length == i + 1));
    (0..texts.len().saturating_sub(1))
        .map(|i| {
            let Some(length) = LEVEL_LIST.at(lower, i + 1) else {
                return false;
            };
            let last = i + length;
            let alone = last + 1 == texts.len()
                || texts[last].ends_with([',', ';', ':', '.', ')'])
                || lower[last + 1] == "và"
                || texts[last + 1].starts_with('(');
            alone && ends_word(i)
        })
        .collect()
}

/// A short number: "3", "12,", "15;" — a unit's number, not a document's.
fn is_unit_number(word: &str) -> bool {
    let digits = word.trim_end_matches([',', ';', ':', '.', ')']);
    !digits.is_empty() && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit())
}

/// Whether the break after `texts[i]` parts a unit from its number: "xóm |
/// 3", "tổ dân phố | số 12" — the number names the unit.
fn numbered(texts: &[String], i: usize) -> bool {
    if texts[i].ends_with([',', ';', ':', '.', ')']) {
        return false;
    }
    let next = &texts[i + 1];
    is_unit_number(next)
        || (bare(next) == "số"
            && !next.ends_with([',', ';', ':', '.'])
            && texts.get(i + 2).is_some_and(|n| is_unit_number(n)))
}

/// Whether `word` opens with a lower-case letter ("phường", "của").
fn starts_lower(word: &str) -> bool {
    word.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase)
}

/// For each break, whether it falls inside a name that an administrative
/// level, a rank or an institution opens: the opener and its name run to a
/// comma, a dash, "và" or another level — in text typed in normal case
/// only over the capitalised words and numbers after the opener ("phường
/// Lạch Tray có …", "Thiếu tướng Vạn Thành Huy và …", "Phường 15").
fn name_spans(texts: &[String], lower: &[String], in_word: &[u32]) -> Vec<bool> {
    let mixed = texts.iter().any(|t| starts_lower(t));
    let mut in_name = vec![false; texts.len()];
    let mut i = 0;
    while i < texts.len() {
        // "xã hội", "tỉnh ủy" are words, not levels.
        let level = LEVEL_LIST.at(lower, i).filter(|&length| length > 1 || in_word[i] == 0);
        let named = NAMED_LIST.at(lower, i);
        let Some(length) = named.max(level) else {
            i += 1;
            continue;
        };
        let institution = named == Some(length) && INSTITUTIONS.contains(&lower[i..i + length].join(" ").as_str());
        let after = i + length;
        let opener_ends = texts[after - 1].ends_with([',', ';', ':', '.', ')']);
        let mut end = after;
        while end < texts.len() && !opener_ends {
            let ends_clause = texts[end - 1].ends_with([',', ';', ':', '.', ')']);
            let dash = lower[end] == "-" || lower[end] == "–" || lower[end] == "và" || lower[end].starts_with('(');
            let another = !institution && LEVEL_LIST.at(lower, end).is_some();
            if (end > after && (ends_clause || another)) || dash || (mixed && starts_lower(&texts[end])) {
                break;
            }
            // A capitalised word and the rest of its word ("Thành phố").
            let word = WORD_LIST.at(lower, end).or(LEVEL_LIST.at(lower, end)).unwrap_or(1);
            let word =
                if (end + 1..end + word).all(|k| !texts[k - 1].ends_with([',', ';', ':', '.'])) { word } else { 1 };
            end += word;
        }
        if end > after {
            // The opener and its name: no break from i to end - 1.
            for flag in &mut in_name[i..end - 1] {
                *flag = true;
            }
        }
        i = end.max(i + 1);
    }
    in_name
}

/// Cost of a set of breaks, compared in order: breaks that split a word
/// or name, lines, then evenness and how well the breaks read.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct Cost(u32, u32, f32);

impl std::ops::Add for Cost {
    type Output = Cost;
    fn add(self, other: Cost) -> Cost {
        Cost(self.0 + other.0, self.1 + other.1, self.2 + other.2)
    }
}

/// Lines of `words`, the first no wider than `first` points and the others
/// than `width`, balanced and broken where a Vietnamese reader breaks (see
/// the module's rules).
pub(crate) fn balanced_lines(words: &[Word], first: f32, width: f32) -> Vec<Line<'_>> {
    set_lines(words, first, width, Shape::Balanced)
}

/// How the lines of a text are shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// As even as the words allow: a name, a title.
    Balanced,
    /// Each line as full as the words allow, the last as long as it comes:
    /// an item of a list ("Nơi nhận") that runs on, as a word processor
    /// sets it — yet never split inside a word or a name.
    Filled,
}

fn set_lines(words: &[Word], first: f32, width: f32, shape: Shape) -> Vec<Line<'_>> {
    // Words that fit on one line are set on one: no breaking has fewer
    // lines, and none splits less. Most names on a certificate are such,
    // and reading the breaks is most of the cost of fitting them.
    let typed_break = words.iter().rev().skip(1).any(|w| w.newline_after);
    if !words.is_empty() && !typed_break && one_line_width(words) <= first + 0.01 {
        return vec![Line { words, width: span_width(words) }];
    }
    let texts: Vec<String> = words.iter().map(Word::text).collect();
    let joined: Vec<bool> = words.iter().map(Word::joins_next).collect();
    let mut kinds = breaks(&texts, &joined);
    if shape == Shape::Filled {
        keep_short_asides(&texts, &mut kinds);
    }
    let mut lines = Vec::new();
    let mut start = 0;
    // A typed newline ends a stretch; each stretch is balanced on its own.
    while start < words.len() {
        let end = (start..words.len()).find(|&i| words[i].newline_after).map_or(words.len(), |i| i + 1);
        let first = if start == 0 { first } else { width };
        let kinds = &kinds[start..end.saturating_sub(1).max(start)];
        for (a, b) in balance(&words[start..end], kinds, first, width, shape) {
            let slice = &words[start + a..start + b];
            lines.push(Line { words: slice, width: span_width(slice) });
        }
        start = end;
    }
    lines
}

/// A short aside in parentheses ("(để báo cáo);") is never parted: a filled
/// line would otherwise end on its opening word.
fn keep_short_asides(texts: &[String], kinds: &mut [Break]) {
    for (open, text) in texts.iter().enumerate() {
        if !text.starts_with('(') {
            continue;
        }
        let close = (open..texts.len().min(open + 4)).find(|&k| texts[k].contains(')'));
        for kind in close.map_or(&mut [][..], |close| &mut kinds[open..close]) {
            if let Break::Never(weight) = kind {
                *weight += 1;
            } else {
                *kind = Break::Never(1);
            }
        }
    }
}

/// Width of all `words` on one line, summed as [`balance`] sums a line
/// (right to left) so both agree on what fits.
fn one_line_width(words: &[Word]) -> f32 {
    let mut line_width = -words.last().map_or(0.0, Word::space);
    for word in words.iter().rev() {
        line_width += word.width + word.space();
    }
    line_width
}

/// The best breaking of `words` (with `kinds[i]` the break after word i)
/// as ranges of word indices, the first line `first` wide, the others `rest`.
fn balance(words: &[Word], kinds: &[Break], first: f32, rest: f32, shape: Shape) -> Vec<(usize, usize)> {
    let n = words.len();
    // best[j]: cost of setting words[..j], and where its last line starts.
    let mut best: Vec<Option<(Cost, usize)>> = vec![None; n + 1];
    best[0] = Some((Cost(0, 0, 0.0), 0));
    let mm = 72.0 / 25.4;
    for j in 1..=n {
        // Width of words[i..j], grown word by word leftwards.
        let mut line_width = -words[j - 1].space();
        for i in (0..j).rev() {
            line_width += words[i].width + words[i].space();
            let width = if i == 0 { first } else { rest };
            let alone = j == i + 1;
            if line_width > width + 0.01 && !alone {
                // Only the first line may be wider (a hanging indent).
                if i > 0 && first > rest {
                    continue;
                }
                break;
            }
            let Some((before, _)) = best[i] else {
                continue;
            };
            let slack = ((width - line_width).max(0.0)) / mm;
            let filled_last = shape == Shape::Filled && j == n;
            let mut cost = Cost(0, 1, if filled_last { 0.0 } else { slack * slack });
            if j < n {
                cost = cost
                    + match (kinds[j - 1], shape) {
                        (Break::Never(weight), _) => Cost(weight, 0, 0.0),
                        // A filled line breaks where it is full.
                        (Break::Plain, Shape::Filled) | (Break::Good, _) => Cost(0, 0, 0.0),
                        (Break::Plain, Shape::Balanced) => Cost(0, 0, 60.0),
                    };
            } else if alone && i > 0 {
                // One syllable alone on the last line ("phố;").
                cost = cost + Cost(0, 0, 900.0);
            }
            let total = before + cost;
            if best[j].is_none_or(|(c, _)| total < c) {
                best[j] = Some((total, i));
            }
        }
    }
    let mut ranges = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i) = best[j].expect("every prefix can be set");
        ranges.push((i, j));
        j = i;
    }
    ranges.reverse();
    ranges
}

/// `text` in `face` at `size` broken into balanced lines no wider than
/// `width` points: each line's text and width.
pub(crate) fn balanced_text(text: &str, face: super::fonts::Face, size: f32, width: f32) -> Vec<(String, f32)> {
    let words = cut_long_words(super::measure::words([(face, text)], size), width, size);
    balanced_lines(&words, width, width).iter().map(|l| (l.text(), l.width)).collect()
}

/// `text` in `face` at `size` in lines no wider than `width` points, each
/// as full as the words allow (never split inside a word or a name): each
/// line's text and width.
pub(crate) fn filled_text(text: &str, face: super::fonts::Face, size: f32, width: f32) -> Vec<(String, f32)> {
    let words = cut_long_words(super::measure::words([(face, text)], size), width, size);
    set_lines(&words, width, width, Shape::Filled).iter().map(|l| (l.text(), l.width)).collect()
}

/// A table cell's `text` at `size` in a column `column_mm` wide, as
/// balanced lines joined by newlines (which every backend breaks at): the
/// name cells of a list break between a name's parts, not inside them.
pub(crate) fn balanced_cell(text: &str, bold: bool, size: f32, column_mm: f32) -> String {
    let face = if bold { super::fonts::Face::Bold } else { super::fonts::Face::Regular };
    let width = super::measure::cell_text_width_mm(column_mm) * super::measure::PT_PER_MM;
    let lines = balanced_text(text, face, size, width);
    if lines.len() < 2 {
        return text.to_string();
    }
    lines.into_iter().map(|(line, _)| line).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::super::fonts::Face;
    use super::*;

    fn lines(text: &str, width_mm: f32) -> Vec<String> {
        balanced_text(text, Face::Bold, 12.0, width_mm * 72.0 / 25.4).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn agency_names_break_between_names_not_inside_them() {
        assert_eq!(lines("ỦY BAN NHÂN DÂN QUẬN HỒNG BÀNG", 55.0), ["ỦY BAN NHÂN DÂN", "QUẬN HỒNG BÀNG"]);
        let front = lines("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM QUẬN HỒNG BÀNG", 60.0);
        assert!(
            front.iter().all(|l| !l.ends_with("VIỆT") && !l.ends_with("HỒNG") && !l.ends_with("QUẬN")),
            "{front:?}"
        );
        let movement = lines("BAN CHỈ ĐẠO PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC", 60.0);
        assert!(movement.iter().all(|l| !l.ends_with("BẢO") && !l.ends_with("TỔ")), "{movement:?}");
    }

    #[test]
    fn mixed_case_names_stay_whole_and_lines_are_balanced() {
        let title = "Tập thể, cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Quảng Nam";
        let set = lines(title, 150.0);
        assert_eq!(set.len(), 2, "{set:?}");
        assert!(set.iter().all(|l| !l.ends_with("Quảng") && !l.ends_with("Ủy")), "{set:?}");
        let widths: Vec<f32> = set.iter().map(|l| Face::Bold.metrics().width(l, 12.0)).collect();
        assert!((widths[0] - widths[1]).abs() < widths[0] * 0.5, "balanced: {set:?}");
    }

    #[test]
    fn a_typed_newline_breaks_and_a_lone_last_syllable_is_avoided() {
        assert_eq!(lines("BAN THƯỜNG TRỰC\nỦY BAN MTTQ VIỆT NAM", 150.0), ["BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM"]);
        let item = lines("- Thường trực Thành ủy, UBND thành phố (để báo cáo);", 68.0);
        assert!(item.last().is_some_and(|l| l.contains(' ')), "{item:?}");
    }

    #[test]
    fn words_that_fit_on_one_line_are_set_as_the_full_balancing_would() {
        let texts = [
            "Nguyễn Văn An",
            "Công an phường Lạch Tray, quận Ngô Quyền",
            "ỦY BAN NHÂN DÂN QUẬN HỒNG BÀNG",
            "Tổ trưởng tổ dân phố số 3, phường Chi Lăng",
        ];
        for text in texts {
            let words = super::super::measure::words([(Face::Regular, text)], 14.0);
            let needed = one_line_width(&words);
            // Just wide enough, and a little too narrow.
            for (width, one_line) in [(needed, true), (needed - 1.0, false)] {
                let kinds = breaks(&words.iter().map(Word::text).collect::<Vec<_>>(), &vec![false; words.len()]);
                let full = balance(&words, &kinds, width, width, Shape::Balanced);
                assert_eq!(full == [(0, words.len())], one_line, "{text} at {width}");
                let fast: Vec<usize> = balanced_lines(&words, width, width).iter().map(|l| l.words.len()).collect();
                let expected: Vec<usize> = full.iter().map(|(a, b)| b - a).collect();
                assert_eq!(fast, expected, "{text} at {width}");
            }
        }
    }

    /// The words after which a line may break in `text` ("Never" breaks left out).
    fn open_breaks(text: &str) -> Vec<String> {
        let texts: Vec<String> = text.split(' ').map(str::to_string).collect();
        let kinds = breaks(&texts, &vec![false; texts.len()]);
        texts.iter().zip(&kinds).filter(|(_, k)| !matches!(k, Break::Never(_))).map(|(t, _)| t.clone()).collect()
    }

    #[test]
    fn a_name_after_its_level_rank_or_institution_is_never_parted() {
        // The level, the rank and the institution hold their names; the
        // name ends where the lower-case words of the sentence begin.
        assert_eq!(open_breaks("Công an phường Lạch Tray có thành tích"), ["an", "Tray", "có"]);
        assert_eq!(open_breaks("Thiếu tướng Vạn Thành Huy, Giám đốc"), ["Huy,"]);
        assert_eq!(open_breaks("Ủy ban nhân dân Phường 15, quận Gò Vấp"), ["dân", "15,"]);
        assert_eq!(open_breaks("xã Lê Lợi và tỉnh Quảng Nam"), ["Lợi", "và"]);
        assert_eq!(open_breaks("Ông Nguyễn Văn An"), Vec::<String>::new());
        assert_eq!(open_breaks("Già làng, buôn Ko Tam, xã Ea Tu"), ["Già", "làng,", "Tam,"]);
        assert_eq!(open_breaks("Tổ trưởng thôn Đông Hòa, xã Kim Sơn"), ["Tổ", "trưởng", "Hòa,"]);
        assert_eq!(open_breaks("Đại học Quốc gia Thành phố Hồ Chí Minh"), Vec::<String>::new());
        assert_eq!(open_breaks("bà con các xã, phường"), ["bà", "con", "các", "xã,"]);
        // Upper case: the name runs to a comma, a dash or another level.
        assert_eq!(open_breaks("CÔNG AN PHƯỜNG 15 QUẬN GÒ VẤP"), ["AN", "15"]);
    }

    #[test]
    fn protected_names_stay_whole_on_narrow_lines() {
        let texts = [
            ("Công an Phường 15, quận Gò Vấp, Thành phố Hồ Chí Minh", 45.0),
            ("Thiếu tướng Vạn Thành Huy, Giám đốc Công an thành phố Hải Phòng", 70.0),
            ("Khoa Vật lý, Trường Đại học Khoa học Tự nhiên, Đại học Quốc gia Hà Nội", 60.0),
            ("Ban Chỉ đạo phong trào toàn dân bảo vệ an ninh Tổ quốc xã Lê Lợi", 50.0),
            ("Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc", 150.0),
        ];
        let broken =
            ["Phường", "Hồ", "Chí", "Thiếu", "tướng", "Vạn", "Thành", "Đại", "Quốc", "Tổ", "thành", "xã", "Lê", "Công"];
        for (text, width) in texts {
            let set = lines(text, width);
            assert!(set.len() > 1, "{set:?}");
            for line in &set[..set.len() - 1] {
                let last = line.rsplit(' ').next().unwrap_or_default();
                assert!(!broken.contains(&last), "{text}: {set:?}");
            }
        }
    }

    #[test]
    fn a_list_item_fills_its_line_where_a_title_balances() {
        let item = "- Công an các tỉnh, thành phố trực thuộc Trung ương;";
        let width = 72.0 * 72.0 / 25.4;
        let filled = filled_text(item, Face::Regular, 11.0, width);
        let balanced = balanced_text(item, Face::Regular, 11.0, width);
        assert_eq!(filled.len(), balanced.len(), "{filled:?} {balanced:?}");
        assert!(filled[0].1 > balanced[0].1, "{filled:?} {balanced:?}");
        // Full: the next line's first word would not have fitted.
        let next = filled[1].0.split(' ').next().unwrap();
        let more = Face::Regular.metrics().width(&format!(" {next}"), 11.0);
        assert!(filled[0].1 + more > width, "{filled:?}");
        // Never inside a two-syllable word ("Trung ương").
        assert!(filled.iter().all(|(line, _)| !line.ends_with("Trung")), "{filled:?}");
        // A short aside moves whole.
        let aside =
            filled_text("- Thường trực Thành ủy, UBND thành phố (để báo cáo);", Face::Regular, 11.0, 78.5 * 2.835);
        assert_eq!(aside.last().unwrap().0, "(để báo cáo);", "{aside:?}");
    }

    #[test]
    fn a_body_name_is_never_parted_in_a_filled_item_whatever_the_width() {
        // Generated items: bodies whose names hold other names ("Ủy ban" +
        // "Mặt trận Tổ quốc"), and bodies ending in their bare level
        // ("Công an tỉnh,"), in every order, set at every width of the
        // Nơi nhận column. Where the whole name fits on a line, no line
        // ends inside it.
        let bodies = [
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam",
            "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
            "Công an tỉnh",
            "Ủy ban nhân dân huyện",
            "Ban Thường vụ Huyện ủy",
        ];
        let splits = [
            ("Ủy ban", "Mặt"),
            ("Ủy ban", "Trung"),
            ("Ban", "Thường"),
            ("Công an", "tỉnh"),
            ("nhân dân", "huyện"),
            ("Ủy ban", "nhân"),
            ("Ban Thường", "vụ"),
        ];
        let mut seed = 7u32;
        for round in 0..60 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let count = 2 + (seed >> 16) as usize % 3;
            let names: Vec<&str> =
                (0..count).map(|k| bodies[((seed >> (k * 3)) as usize + k) % bodies.len()]).collect();
            let aside = if round % 2 == 0 { " (để báo cáo);" } else { ";" };
            let item = format!("- {}{aside}", names.join(", "));
            let width_mm = 55.0 + (seed >> 8) as f32 % 35.0;
            let width = width_mm * 72.0 / 25.4;
            let set = filled_text(&item, Face::Regular, 12.0, width);
            for pair in set.windows(2) {
                let (end, next) = (&pair[0].0, &pair[1].0);
                for (before, after) in splits {
                    let name_fits = names.iter().any(|name| {
                        name.contains(&format!("{before} {after}"))
                            && Face::Regular.metrics().width(&format!("{name},"), 12.0) <= width
                    });
                    assert!(
                        !(name_fits && end.ends_with(before) && next.starts_with(after)),
                        "{item} at {width_mm} mm: {set:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_unit_keeps_its_number_on_its_line() {
        for unit in ["xóm", "thôn", "tổ dân phố", "khu phố", "ấp", "tổ"] {
            for number in ["3", "12", "105"] {
                for with_so in [false, true] {
                    let so = if with_so { "số " } else { "" };
                    let text = format!("Bí thư Chi bộ {unit} {so}{number}, xã Nghi Lộc, tỉnh Nghệ An");
                    for width in [30.0, 38.0, 45.0, 55.0] {
                        let set = lines(&text, width);
                        for line in &set[1..] {
                            let first = line.split(' ').next().unwrap();
                            assert!(
                                !(is_unit_number(first)
                                    || (first == "số" && line.split(' ').nth(1).is_some_and(is_unit_number))),
                                "{text} at {width} mm: {set:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}
