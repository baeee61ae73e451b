//! The four Liberation Serif faces compiled into the binary, with the glyph
//! and advance of every character they map: the PDF layout measures and
//! draws with these, and input validation asks them what can be drawn.

use std::collections::HashMap;
use std::sync::LazyLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// A face of the serif family; NĐ 30 needs all four.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn new(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    pub fn is_bold(self) -> bool {
        matches!(self, Face::Bold | Face::BoldItalic)
    }

    pub fn is_italic(self) -> bool {
        matches!(self, Face::Italic | Face::BoldItalic)
    }

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../fonts/LiberationSerif-Regular.ttf"),
            Face::Bold => include_bytes!("../../fonts/LiberationSerif-Bold.ttf"),
            Face::Italic => include_bytes!("../../fonts/LiberationSerif-Italic.ttf"),
            Face::BoldItalic => include_bytes!("../../fonts/LiberationSerif-BoldItalic.ttf"),
        }
    }

    /// Glyph and metrics tables of this face, read once per process.
    pub fn metrics(self) -> &'static FaceMetrics {
        static FACES: LazyLock<[FaceMetrics; 4]> = LazyLock::new(|| Face::ALL.map(FaceMetrics::read));
        &FACES[self as usize]
    }
}

/// Code points up to Letterlike Symbols, looked up without hashing.
const DENSE: usize = 0x2100;

/// What layout needs of one face: per-character glyph ids and advances.
pub struct FaceMetrics {
    /// Characters below [`DENSE`] by code point (Latin, Vietnamese,
    /// punctuation): measuring text looks every character up.
    dense: Vec<Option<(u32, f32)>>,
    /// The rest.
    glyphs: HashMap<char, (u32, f32)>,
    /// Ascender in em (distance from baseline to the top of tall glyphs).
    pub ascent: f32,
    /// Descender in em, positive.
    pub descent: f32,
    /// Height of the capitals in em (a place card's name is measured by it).
    pub cap_height: f32,
}

impl FaceMetrics {
    fn read(face: Face) -> FaceMetrics {
        let font = FontRef::new(face.bytes()).expect("bundled font parses");
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        let upem = metrics.units_per_em as f32;
        let advances = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let mut dense = vec![None; DENSE];
        let mut glyphs = HashMap::new();
        for (code, gid) in font.charmap().mappings() {
            let Some(ch) = char::from_u32(code) else { continue };
            let glyph = (gid.to_u32(), advances.advance_width(gid).unwrap_or(0.0) / upem);
            match dense.get_mut(code as usize) {
                Some(slot) => *slot = Some(glyph),
                None => {
                    glyphs.insert(ch, glyph);
                }
            }
        }
        let cap_height = metrics.cap_height.expect("the bundled fonts give their capitals' height") / upem;
        FaceMetrics { dense, glyphs, ascent: metrics.ascent / upem, descent: -metrics.descent / upem, cap_height }
    }

    /// Glyph id and advance (in em) of `ch`; `None` when the face cannot draw it.
    pub fn glyph(&self, ch: char) -> Option<(u32, f32)> {
        match self.dense.get(ch as usize) {
            Some(glyph) => *glyph,
            None => self.glyphs.get(&ch).copied(),
        }
    }

    /// Width of `text` in points at `size`. Characters the face lacks are
    /// refused at validation; here they count as half an em.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|ch| self.glyph(ch).map_or(0.5, |(_, advance)| advance)).sum::<f32>() * size
    }
}

/// The first character of `text` that some face cannot draw. Every face is
/// asked because a template may set any string bold or italic.
pub(crate) fn undrawable_char(text: &str) -> Option<char> {
    // Every face draws printable ASCII: only the rest is looked up.
    text.chars().find(|&ch| {
        !ch.is_ascii() && !ch.is_control() && Face::ALL.iter().any(|face| face.metrics().glyph(ch).is_none())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Vietnamese alphabet with every tone; its 134 letters with
    /// diacritics (67 lower, 67 upper) are what Liberation 1.07 lacked.
    const VIETNAMESE: &str =
        "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";

    #[test]
    fn every_face_draws_every_vietnamese_letter() {
        let letters: Vec<char> = VIETNAMESE.chars().chain(crate::text::vn::upper(VIETNAMESE).chars()).collect();
        assert_eq!(letters.iter().filter(|c| !c.is_ascii()).count(), 134);
        for face in Face::ALL {
            for ch in &letters {
                assert!(face.metrics().glyph(*ch).is_some(), "{face:?} lacks {ch}");
            }
        }
        assert_eq!(undrawable_char("Cộng hòa – “Độc lập”; ./."), None);
    }

    #[test]
    fn undrawable_characters_are_named() {
        assert_eq!(undrawable_char("Nguyễn 鄧 Văn"), Some('\u{9127}'));
    }

    #[test]
    fn widths_match_times_new_roman_metrics() {
        // Tiêu ngữ bold 13 pt measures about 56 mm (spec §2.1).
        let width = Face::Bold.metrics().width("Độc lập - Tự do - Hạnh phúc", 13.0);
        let mm = width / 72.0 * 25.4;
        assert!((54.0..58.0).contains(&mm), "{mm} mm");
    }
}
