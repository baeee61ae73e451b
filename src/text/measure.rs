//! Measuring text with the bundled fonts and breaking it into lines: the
//! words of a run of text, greedy line breaking at spaces, line heights,
//! and table columns sized from their content.
//!
//! Lines break at spaces (Vietnamese words are syllables, so every space is
//! a syllable boundary), greedily, measured with the bundled fonts'
//! advances — as Word and LibreOffice break body text, so the DOCX breaks
//! where the PDF does. A newline always breaks. A word wider than its line
//! is cut between characters, as word processors cut it, so nothing ever
//! runs past a margin or out of a table cell. Names and titles break where
//! a Vietnamese reader breaks them: the `breaks` module beside this one.

use super::fonts::Face;

/// Points in a millimetre.
pub(crate) const PT_PER_MM: f32 = 72.0 / 25.4;

/// Line height as a multiple of the font size, in both backends (NĐ 30
/// allows single to 1.5 lines; an exact height makes Word, LibreOffice and
/// the PDF break pages at the same lines).
pub(crate) const LINE_HEIGHT: f32 = 1.2;

/// Space between a table cell's border and its text, left and right, mm,
/// in both backends.
pub(crate) const CELL_PADDING_MM: f32 = 1.5;

/// What a table cell's text may fill: its width less the padding and a
/// little more, so a word processor that counts the border into the cell
/// never needs a line the PDF did not.
pub(crate) fn cell_text_width_mm(column_mm: f32) -> f32 {
    column_mm - 2.0 * CELL_PADDING_MM - 0.4
}

/// A word: its pieces in their faces, its width, and the space after it.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub(crate) pieces: Vec<(Face, String)>,
    pub(crate) width: f32,
    pub(crate) space_after: Option<(Face, f32)>,
    /// A newline follows: the line must end here.
    pub(crate) newline_after: bool,
}

impl Word {
    /// The word's characters, faces aside.
    pub(crate) fn text(&self) -> String {
        self.pieces.iter().map(|(_, t)| t.as_str()).collect()
    }

    pub(crate) fn space(&self) -> f32 {
        self.space_after.map_or(0.0, |(_, w)| w)
    }

    /// Whether the word ends at a dash inside a longer word: the line may
    /// break after it, but no space follows.
    pub(crate) fn joins_next(&self) -> bool {
        self.space_after.is_none()
    }
}

/// The words of `pieces` (text runs in their faces) at `size`.
pub(crate) fn words<'t>(pieces: impl IntoIterator<Item = (Face, &'t str)>, size: f32) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut open = false;
    for (face, text) in pieces {
        for ch in text.chars() {
            if ch == ' ' || ch == '\n' {
                if let Some(last) = words.last_mut() {
                    if last.space_after.is_none() {
                        last.space_after = Some((face, face.metrics().width(" ", size)));
                    }
                    last.newline_after |= ch == '\n';
                }
                open = false;
                continue;
            }
            if !open {
                words.push(Word { pieces: Vec::new(), width: 0.0, space_after: None, newline_after: false });
                open = true;
            }
            let word = words.last_mut().expect("a word is open");
            match word.pieces.last_mut() {
                Some((f, text)) if *f == face => text.push(ch),
                _ => word.pieces.push((face, ch.to_string())),
            }
            word.width += face.metrics().width(ch.encode_utf8(&mut [0; 4]), size);
            // A dash inside a hyphenated word ends a piece a line may
            // break after ("Bà Rịa-" | "Vũng Tàu"), as word processors do;
            // never inside a document number or a code ("12/CTr-CAQ-MTTQ",
            // "PC06-CAQ") or a range of figures ("2019–2025").
            if (ch == '-' || ch == '–') && breakable_dash(&word.text()) {
                open = false;
            }
        }
    }
    words
}

/// Whether a line may break after the dash ending `word` (so far): after
/// a lower-case letter in a word with no digit and no slash.
fn breakable_dash(word: &str) -> bool {
    let mut chars = word.chars().rev();
    chars.next();
    chars.next().is_some_and(char::is_lowercase) && !word.chars().any(|c| c.is_ascii_digit() || c == '/')
}

/// `text` with the dashes a line may not break after made unbreakable for
/// a word processor, so it breaks where [`words`] does: a hyphen becomes
/// the non-breaking hyphen (U+2011), an en dash is followed by a word
/// joiner (U+2060).
pub(crate) fn unbreakable_dashes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['-', '–']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut word = String::new();
    for ch in text.chars() {
        if ch == ' ' || ch == '\n' {
            word.clear();
            out.push(ch);
            continue;
        }
        word.push(ch);
        match ch {
            '-' if word.chars().count() > 1 && !breakable_dash(&word) => out.push('\u{2011}'),
            '–' if word.chars().count() > 1 && !breakable_dash(&word) => out.push_str("–\u{2060}"),
            _ => out.push(ch),
        }
        if (ch == '-' || ch == '–') && breakable_dash(&word) {
            word.clear();
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `words` with every word wider than `limit` cut between characters into
/// pieces that fit (the last piece keeps the word's space), as a word
/// processor cuts a word longer than its line.
pub(crate) fn cut_long_words(words: Vec<Word>, limit: f32, size: f32) -> Vec<Word> {
    if words.iter().all(|w| w.width <= limit + 0.01) {
        return words;
    }
    let mut out = Vec::with_capacity(words.len() + 1);
    for word in words {
        if word.width <= limit + 0.01 {
            out.push(word);
            continue;
        }
        let mut piece = Word { pieces: Vec::new(), width: 0.0, space_after: None, newline_after: false };
        for (face, text) in &word.pieces {
            for ch in text.chars() {
                let advance = face.metrics().width(ch.encode_utf8(&mut [0; 4]), size);
                if piece.width + advance > limit + 0.01 && !piece.pieces.is_empty() {
                    out.push(std::mem::replace(
                        &mut piece,
                        Word { pieces: Vec::new(), width: 0.0, space_after: None, newline_after: false },
                    ));
                }
                match piece.pieces.last_mut() {
                    Some((f, t)) if f == face => t.push(ch),
                    _ => piece.pieces.push((*face, ch.to_string())),
                }
                piece.width += advance;
            }
        }
        piece.space_after = word.space_after;
        piece.newline_after = word.newline_after;
        out.push(piece);
    }
    out
}

/// A line of words before placement.
pub(crate) struct Line<'w> {
    pub(crate) words: &'w [Word],
    pub(crate) width: f32,
}

impl Line<'_> {
    /// The line's text, words joined by single spaces (pieces of a
    /// hyphenated word without).
    pub(crate) fn text(&self) -> String {
        let mut text = String::new();
        for (i, word) in self.words.iter().enumerate() {
            text.push_str(&word.text());
            if i + 1 < self.words.len() && !word.joins_next() {
                text.push(' ');
            }
        }
        text
    }

    /// The spaces between the line's words (a justified line widens these).
    pub(crate) fn spaces(&self) -> usize {
        self.words.iter().take(self.words.len().saturating_sub(1)).filter(|w| !w.joins_next()).count()
    }
}

/// Width of `words` set on one line.
pub(crate) fn span_width(words: &[Word]) -> f32 {
    let spaces: f32 = words.iter().take(words.len().saturating_sub(1)).map(Word::space).sum();
    words.iter().map(|w| w.width).sum::<f32>() + spaces
}

/// Greedy line breaking: the first line is `first` wide, the others
/// `rest`; a newline ends a line. Words wider than their line stand alone
/// (cut them first with [`cut_long_words`] where that must not happen).
pub(crate) fn break_lines(words: &[Word], first: f32, rest: f32) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let limit = if lines.is_empty() { first } else { rest };
        let mut width = words[start].width;
        let mut end = start + 1;
        while end < words.len() && !words[end - 1].newline_after {
            let wider = width + words[end - 1].space() + words[end].width;
            if wider > limit + 0.01 {
                break;
            }
            width = wider;
            end += 1;
        }
        lines.push(Line { words: &words[start..end], width });
        start = end;
    }
    lines
}

/// Distance from a line's top to its baseline, for text of `size`.
pub(crate) fn ascent(size: f32) -> f32 {
    let m = Face::Regular.metrics();
    let leading = size * LINE_HEIGHT - (m.ascent + m.descent) * size;
    leading / 2.0 + m.ascent * size
}

/// `text` broken into lines no wider than `width` points, with each
/// line's width: what a chart label holds.
pub(crate) fn wrap(text: &str, face: Face, size: f32, width: f32) -> Vec<(String, f32)> {
    let words = cut_long_words(words([(face, text)], size), width, size);
    break_lines(&words, width, width).iter().map(|line| (line.text(), line.width)).collect()
}

/// How wide a table column wants to be, mm: `least` sets its longest word
/// on a line of its own, `most` every cell on one line (padding included).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ColumnNeed {
    pub(crate) least: f32,
    pub(crate) most: f32,
}

/// The need of a column whose cells are `cells` (text, bold) at `size`.
pub(crate) fn column_need<'t>(cells: impl IntoIterator<Item = (&'t str, bool)>, size: f32) -> ColumnNeed {
    let padding = 2.0 * CELL_PADDING_MM + 0.6;
    let (mut least, mut most): (f32, f32) = (0.0, 0.0);
    for (text, bold) in cells {
        let face = if bold { Face::Bold } else { Face::Regular };
        for line in text.split('\n') {
            most = most.max(face.metrics().width(line, size) / PT_PER_MM);
            for word in line.split(' ') {
                least = least.max(face.metrics().width(word, size) / PT_PER_MM);
            }
        }
    }
    ColumnNeed { least: least + padding, most: most + padding }
}

/// Column widths (mm) filling `total` from what each column needs, as a
/// browser's automatic table layout shares them: every column its `most`
/// when all fit, and the room left to the columns with `stretch` weight;
/// else every column its `least` and the rest shared in proportion to what
/// each still wants. `None` when even the `least` widths do not fit.
pub(crate) fn fit_columns(needs: &[ColumnNeed], total: f32, stretch: &[f32]) -> Option<Vec<f32>> {
    let least: f32 = needs.iter().map(|n| n.least).sum();
    let most: f32 = needs.iter().map(|n| n.most).sum();
    if least > total + 0.01 {
        return None;
    }
    if most <= total {
        let weights: f32 = stretch.iter().sum();
        let spare = total - most;
        return Some(
            needs
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let share = if weights > 0.0 { stretch.get(i).copied().unwrap_or(0.0) / weights } else { 0.0 };
                    n.most + spare * share
                })
                .collect(),
        );
    }
    let wanted = most - least;
    let room = total - least;
    Some(needs.iter().map(|n| n.least + (n.most - n.least) * room / wanted).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_ranges_keep_their_dashes_for_word_processors() {
        assert_eq!(unbreakable_dashes("số 12/CTr-CAQ-MTTQ"), "số 12/CTr\u{2011}CAQ\u{2011}MTTQ");
        assert_eq!(unbreakable_dashes("(2019–2025)"), "(2019–\u{2060}2025)");
        assert_eq!(unbreakable_dashes("Bà Rịa-Vũng Tàu"), "Bà Rịa-Vũng Tàu");
        assert_eq!(unbreakable_dashes("2013 - 2018"), "2013 - 2018");
        let words = words([(Face::Regular, "12/CTr-CAQ-MTTQ Rịa-Vũng")], 12.0);
        assert_eq!(words.len(), 3, "one piece for the code, two for the hyphenated name");
    }

    #[test]
    fn a_newline_breaks_and_a_long_word_is_cut_to_fit() {
        let size = 12.0;
        let text = "ỦY BAN NHÂN DÂN\nQUẬN HỒNG BÀNG";
        let set = words([(Face::Bold, text)], size);
        let lines: Vec<String> = break_lines(&set, 1000.0, 1000.0).iter().map(Line::text).collect();
        assert_eq!(lines, ["ỦY BAN NHÂN DÂN", "QUẬN HỒNG BÀNG"]);

        let long = "1234/QĐ-MTTW-BTT-VP-PC05-ANTQ";
        let limit = 40.0;
        let cut = cut_long_words(words([(Face::Regular, long)], size), limit, size);
        assert!(cut.len() > 1);
        assert!(cut.iter().all(|w| w.width <= limit + 0.01));
        assert_eq!(cut.iter().map(Word::text).collect::<String>(), long);
    }

    #[test]
    fn columns_take_their_content_widths_and_share_what_is_left() {
        let narrow = ColumnNeed { least: 10.0, most: 20.0 };
        let wide = ColumnNeed { least: 30.0, most: 90.0 };
        // Everything fits: each its most, the room to the stretching column.
        assert_eq!(fit_columns(&[narrow, wide], 150.0, &[0.0, 1.0]), Some(vec![20.0, 130.0]));
        // Not all on one line: least widths plus shares of what each wants.
        let widths = fit_columns(&[narrow, wide], 80.0, &[0.0, 1.0]).unwrap();
        assert!((widths.iter().sum::<f32>() - 80.0).abs() < 0.01);
        assert!(widths[0] >= 10.0 && widths[1] >= 30.0, "{widths:?}");
        // Not even the least widths: the caller must choose another layout.
        assert_eq!(fit_columns(&[narrow, wide], 35.0, &[0.0, 1.0]), None);
    }
}
