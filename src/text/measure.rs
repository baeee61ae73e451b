//! Measuring text with the bundled fonts and breaking it into lines: the
//! words of a run of text, greedy line breaking at spaces, line heights.
//!
//! Lines break at spaces (Vietnamese words are syllables, so every space is
//! a syllable boundary), greedily, measured with the bundled fonts' advances.

use super::fonts::Face;

/// Points in a millimetre.
pub(crate) const PT_PER_MM: f32 = 72.0 / 25.4;

/// Line height as a multiple of the font size, in both backends (NĐ 30
/// allows single to 1.5 lines; an exact height makes Word, LibreOffice and
/// the PDF break pages at the same lines).
pub(crate) const LINE_HEIGHT: f32 = 1.2;

/// A word: its pieces in their faces, its width, and the space after it.
pub(crate) struct Word {
    pub(crate) pieces: Vec<(Face, String)>,
    pub(crate) width: f32,
    pub(crate) space_after: Option<(Face, f32)>,
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
                }
                open = false;
                continue;
            }
            if !open {
                words.push(Word { pieces: Vec::new(), width: 0.0, space_after: None });
                open = true;
            }
            let word = words.last_mut().expect("a word is open");
            match word.pieces.last_mut() {
                Some((f, text)) if *f == face => text.push(ch),
                _ => word.pieces.push((face, ch.to_string())),
            }
            word.width += face.metrics().width(ch.encode_utf8(&mut [0; 4]), size);
        }
    }
    words
}

/// A line of words before placement.
pub(crate) struct Line<'w> {
    pub(crate) words: &'w [Word],
    pub(crate) width: f32,
}

/// Greedy line breaking: the first line is `first` wide, the others `rest`.
pub(crate) fn break_lines(words: &[Word], first: f32, rest: f32) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let limit = if lines.is_empty() { first } else { rest };
        let mut width = words[start].width;
        let mut end = start + 1;
        while end < words.len() {
            let space = words[end - 1].space_after.map_or(0.0, |(_, w)| w);
            let wider = width + space + words[end].width;
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
/// line's width: what a certificate frame holds.
pub(crate) fn wrap(text: &str, face: Face, size: f32, width: f32) -> Vec<(String, f32)> {
    let words = words([(face, text)], size);
    break_lines(&words, width, width)
        .iter()
        .map(|line| {
            let text = line
                .words
                .iter()
                .map(|w| w.pieces.iter().map(|(_, t)| t.as_str()).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ");
            (text, line.width)
        })
        .collect()
}
