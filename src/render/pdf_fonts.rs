//! The faces a streamed PDF draws with: each character's two-byte code in
//! a face's subset as pages are written, then the subset fonts embedded at
//! the end (TrueType as CIDFontType2, Identity-H) with their widths and a
//! ToUnicode map, so the text can be searched and copied.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Filter, Finish, Name, Rect, Ref, Str};
use skrifa::instance::{LocationRef, Size};
use skrifa::string::StringId;
use skrifa::{FontRef, MetadataProvider};
use subsetter::GlyphRemapper;

use super::Refused;
use crate::text::fonts::Face;

/// The glyphs one face has drawn so far, by their code in its subset.
#[derive(Default)]
pub(crate) struct FaceUse {
    remapper: GlyphRemapper,
    /// By code: the character the glyph shows (none for `.notdef`) and
    /// its advance in em.
    glyphs: Vec<Option<(char, f32)>>,
}

impl FaceUse {
    /// The code of `ch` in `face`'s subset, and its advance in em.
    /// Input validation refuses characters a face lacks; one slipping
    /// through is drawn as `.notdef`, half an em wide as layout measured.
    pub(crate) fn code(&mut self, face: Face, ch: char) -> (u16, f32) {
        let (glyph, advance) = face.metrics().glyph(ch).unwrap_or((0, 0.5));
        let code = self.remapper.remap(u16::try_from(glyph).unwrap_or(0));
        let slot = usize::from(code);
        if slot >= self.glyphs.len() {
            self.glyphs.resize(slot + 1, None);
        }
        if self.glyphs[slot].is_none() && glyph != 0 {
            self.glyphs[slot] = Some((ch, advance));
        }
        (code, advance)
    }

    pub(crate) fn is_used(&self) -> bool {
        !self.glyphs.is_empty()
    }

    /// `face`'s subset as PDF objects, the font dictionary numbered
    /// `font` (what pages name), the others numbered by `reserve`; one
    /// object per chunk.
    pub(crate) fn embed(&self, face: Face, font: Ref, reserve: &mut dyn FnMut() -> Ref) -> Result<Vec<Chunk>, Refused> {
        let parsed = FontRef::new(face.bytes()).map_err(|err| Refused::other("font", err))?;
        let subset = subsetter::subset(face.bytes(), 0, &self.remapper)
            .map_err(|err| Refused::other("subsetter", format!("{err:?}")))?;
        let postscript: String = parsed
            .localized_strings(StringId::POSTSCRIPT_NAME)
            .english_or_first()
            .map(|name| name.chars().collect())
            .unwrap_or_else(|| "LiberationSerif".into());
        let base_font = format!("{}+{postscript}", self.subset_tag());
        let base_font = Name(base_font.as_bytes());
        let (cid_font, descriptor, file, to_unicode) = (reserve(), reserve(), reserve(), reserve());
        let mut chunks = Vec::new();

        let mut chunk = Chunk::new();
        chunk
            .type0_font(font)
            .base_font(base_font)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_font)
            .to_unicode(to_unicode);
        chunks.push(chunk);

        let mut chunk = Chunk::new();
        let mut cid = chunk.cid_font(cid_font);
        cid.subtype(CidFontType::Type2)
            .base_font(base_font)
            .system_info(SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 })
            .font_descriptor(descriptor)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let notdef = advance_of(&parsed, 0);
        let widths = self.glyphs.iter().enumerate().map(|(code, glyph)| match glyph {
            Some((_, advance)) => advance * 1000.0,
            None if code == 0 => notdef,
            None => 0.0,
        });
        cid.widths().consecutive(0, widths);
        cid.finish();
        chunks.push(chunk);

        let metrics = parsed.metrics(Size::unscaled(), LocationRef::default());
        let em = |units: f32| units * 1000.0 / f32::from(metrics.units_per_em);
        let bounds = metrics.bounds.unwrap_or_default();
        let mut flags = FontFlags::SERIF | FontFlags::SYMBOLIC;
        if face.is_italic() {
            flags |= FontFlags::ITALIC;
        }
        let mut chunk = Chunk::new();
        chunk
            .font_descriptor(descriptor)
            .name(base_font)
            .flags(flags)
            .bbox(Rect::new(em(bounds.x_min), em(bounds.y_min), em(bounds.x_max), em(bounds.y_max)))
            .italic_angle(metrics.italic_angle)
            .ascent(em(metrics.ascent))
            .descent(em(metrics.descent))
            .cap_height(em(metrics.cap_height.unwrap_or(metrics.ascent)))
            // The dominant vertical stem, estimated from the weight as
            // PDF writers commonly do: viewers only use it for fallback fonts.
            .stem_v(if face.is_bold() { 165.0 } else { 83.0 })
            .font_file2(file);
        chunks.push(chunk);

        let mut chunk = Chunk::new();
        chunk.stream(file, &miniz_oxide::deflate::compress_to_vec_zlib(&subset, 6)).filter(Filter::FlateDecode);
        chunks.push(chunk);

        let mut map = UnicodeCmap::new(
            Name(b"Adobe-Identity-UCS"),
            SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"UCS"), supplement: 0 },
        );
        for (code, glyph) in self.glyphs.iter().enumerate() {
            if let Some((ch, _)) = glyph {
                map.pair(code as u16, *ch);
            }
        }
        let map = map.finish();
        let mut chunk = Chunk::new();
        chunk.cmap(to_unicode, map.as_slice());
        chunks.push(chunk);
        Ok(chunks)
    }

    /// Six capital letters naming this subset (PDF's convention for a
    /// subset font), the same for the same glyphs.
    fn subset_tag(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for (ch, _) in self.glyphs.iter().flatten() {
            hash = (hash ^ u64::from(*ch)).wrapping_mul(0x0100_0000_01b3);
        }
        (0..6).map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8)).collect()
    }
}

/// The advance of glyph `glyph` in thousandths of an em.
fn advance_of(font: &FontRef, glyph: u32) -> f32 {
    let metrics = font.metrics(Size::unscaled(), LocationRef::default());
    let advances = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    advances.advance_width(skrifa::GlyphId::new(glyph)).unwrap_or(0.0) * 1000.0 / f32::from(metrics.units_per_em)
}
