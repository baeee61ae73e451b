//! PDF backend: lays a [`Document`] out and draws it with krilla, fonts
//! embedded and subset, every glyph tied to its source text so the PDF's
//! text can be searched and copied; title, subject, author and date from
//! the model's [`Metadata`]; PDF/A-2b on request, checked by krilla's
//! validator. A pure function: no clock, no files.

use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder, ValidationError, Validator};
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point};
use krilla::graphic::Graphic;
use krilla::metadata::{DateTime, Metadata as PdfMetadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::flow;
use super::frame::{Item, Laid, TextRun};
use super::repeated::Repeated;
use super::{ArchivalRule, Refused, Stop};
use crate::doc::{Color, Document, Metadata, Timestamp};
use crate::text::fonts::Face;

/// The four faces as krilla fonts, parsed once per process.
fn font(face: Face) -> Font {
    static FONTS: LazyLock<[Font; 4]> =
        LazyLock::new(|| Face::ALL.map(|face| Font::new(face.bytes().into(), 0).expect("bundled font loads")));
    FONTS[face as usize].clone()
}

/// Which PDF a backend call writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Standard {
    /// Plain PDF 1.7.
    #[default]
    Plain,
    /// PDF/A-2b for archiving: sRGB output intent, XMP metadata with the
    /// PDF/A identification, no image interpolation, a creation date.
    PdfA2b,
}

/// The PDF bytes of `doc`, and its page count.
pub fn render(doc: &Document, standard: Standard) -> Result<(Vec<u8>, usize), Refused> {
    let laid = flow::layout(doc);
    let pages = laid.pages.len();
    Ok((draw(&laid, &doc.meta, standard)?, pages))
}

/// The document information krilla writes (and mirrors into XMP).
fn pdf_metadata(meta: &Metadata) -> PdfMetadata {
    let mut out =
        PdfMetadata::new().title(meta.title.clone()).language("vi-VN".to_string()).creator("baocao".to_string());
    if !meta.subject.is_empty() {
        out = out.description(meta.subject.clone());
    }
    if !meta.author.is_empty() {
        out = out.authors(vec![meta.author.clone()]);
    }
    if let Some(created) = meta.created {
        out = out.creation_date(date_time(created));
    }
    out
}

fn date_time(t: Timestamp) -> DateTime {
    DateTime::new(t.year.clamp(0, 9999) as u16)
        .month(t.month as u8)
        .day(t.day as u8)
        .hour(t.hour as u8)
        .minute(t.minute as u8)
        .second(t.second as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// Draws laid-out pages.
pub fn draw(laid: &Laid, meta: &Metadata, standard: Standard) -> Result<Vec<u8>, Refused> {
    let pages = laid.pages.iter().map(|items| Ok::<_, std::convert::Infallible>(vec![Cow::Borrowed(items.as_slice())]));
    draw_pages(laid, meta, standard, pages, None).map_err(|stop| match stop {
        Stop::Render(refused) => refused,
        Stop::Write(err) => Refused::other("pdf", err),
        Stop::Source(never) => match never {},
    })
}

/// Draws `laid`'s size and common items with the pages `pages` yields one
/// at a time (each dropped once drawn), a page as groups of items. With
/// `repeated`, a group that repeats an earlier page's is drawn once as a
/// shared form and referenced after: the achievement most certificates of
/// a group share is then one object, not 100,000 copies of its glyphs.
pub(crate) fn draw_pages<'p, E>(
    laid: &Laid,
    meta: &Metadata,
    standard: Standard,
    pages: impl Iterator<Item = Result<Vec<Cow<'p, [Item]>>, E>>,
    mut repeated: Option<Repeated<Item, Graphic>>,
) -> Result<Vec<u8>, Stop<E>> {
    let mut document = match standard {
        Standard::Plain => krilla::Document::new(),
        Standard::PdfA2b => {
            let configuration = ConfigurationBuilder::new()
                .set_validator(Validator::A(Archival::A2_B))
                .finish()
                .map_err(|err| Stop::Render(Refused::other("krilla", format!("{err:?}"))))?;
            krilla::Document::new_with(krilla::SerializeSettings { configuration, ..Default::default() })
        }
    };
    document.set_metadata(pdf_metadata(meta));
    // PDF/A forbids asking the viewer to smooth images.
    let interpolate = standard == Standard::Plain;
    let mut common: Option<Graphic> = None;
    for groups in pages {
        let groups = groups.map_err(Stop::Source)?;
        let settings = PageSettings::from_wh(laid.width, laid.height)
            .ok_or(Stop::Render(Refused::other("krilla", "page size")))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        if !laid.common.is_empty() {
            // What every page shares is one XObject, drawn by reference.
            let graphic = common.get_or_insert_with(|| form_of(&mut surface, &laid.common, interpolate));
            surface.draw_graphic(graphic.clone());
        }
        for items in groups {
            match repeated.as_mut() {
                Some(repeated) => {
                    let Ok(form) = repeated.form(&items, |items| {
                        Ok::<_, std::convert::Infallible>(form_of(&mut surface, items, interpolate))
                    });
                    match form {
                        Some(graphic) => surface.draw_graphic(graphic),
                        None => {
                            draw_items(&mut surface, &items, interpolate);
                            repeated.remember(items.into_owned());
                        }
                    }
                }
                None => draw_items(&mut surface, &items, interpolate),
            }
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|err| Stop::Render(refused(err)))
}

/// krilla's error sorted into a [`Refused`]: of several PDF/A rules
/// broken, the first.
fn refused(err: KrillaError) -> Refused {
    match err {
        KrillaError::Validation(errors) => match errors.into_iter().next() {
            Some((ValidationError::ContainsNotDefGlyph(_, _, text), _)) => Refused::NoGlyph { text },
            Some((rule, _)) => Refused::Archival(archival_rule(rule)),
            None => Refused::other("krilla", "validation failed"),
        },
        KrillaError::Image(..) | KrillaError::SixteenBitImage(..) => Refused::Image,
        KrillaError::Font(_, detail) => Refused::Other { library: "krilla", detail },
        other => Refused::other("krilla", other),
    }
}

/// The PDF/A rule a validation error names.
fn archival_rule(rule: ValidationError) -> ArchivalRule {
    match rule {
        ValidationError::TooLongString
        | ValidationError::TooLongName
        | ValidationError::TooLongArray
        | ValidationError::TooLongDictionary
        | ValidationError::TooLargeFloat => ArchivalRule::TooLong,
        ValidationError::TooManyIndirectObjects => ArchivalRule::TooManyObjects,
        ValidationError::InvalidCodepointMapping(_, _, c, _) | ValidationError::UnicodePrivateArea(_, _, c, _) => {
            ArchivalRule::ForbiddenCharacter(c)
        }
        ValidationError::RestrictedLicense(_) => ArchivalRule::FontLicence,
        ValidationError::MissingDocumentDate => ArchivalRule::NoDate,
        other => {
            // The variant's name, without the font or place it carries.
            let name = format!("{other:?}");
            ArchivalRule::Other(name.split(['(', ' ', '{']).next().unwrap_or_default().to_string())
        }
    }
}

/// `items` as a form (an XObject) drawn by reference.
fn form_of(surface: &mut Surface, items: &[Item], interpolate: bool) -> Graphic {
    let mut builder = surface.stream_builder();
    let mut inner = builder.surface();
    draw_items(&mut inner, items, interpolate);
    inner.finish();
    Graphic::new(builder.finish(), false)
}

fn draw_items(surface: &mut Surface, items: &[Item], interpolate: bool) {
    for item in items {
        match item {
            Item::Text(run) => {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill { paint: rgb(run.color).into(), ..Default::default() }));
                let glyphs = glyphs(run);
                surface.draw_glyphs(
                    Point::from_xy(run.x, run.baseline),
                    &glyphs,
                    font(run.face),
                    &run.text,
                    run.size,
                    false,
                );
            }
            Item::Rect { x, y, width, height, color } => {
                if let Some(rect) = krilla::geom::Rect::from_xywh(*x, *y, *width, *height) {
                    surface.set_stroke(None);
                    surface.set_fill(Some(Fill { paint: rgb(*color).into(), ..Default::default() }));
                    let mut path = PathBuilder::new();
                    path.push_rect(rect);
                    if let Some(path) = path.finish() {
                        surface.draw_path(&path);
                    }
                }
            }
            Item::Image { x, y, width, height, png } => {
                // Checked when the input was read; a failure here draws nothing.
                let image = krilla::image::Image::from_png(krilla::Data::from(Arc::clone(png)), interpolate);
                if let (Ok(image), Some(size)) = (image, krilla::geom::Size::from_wh(*width, *height)) {
                    surface.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                    surface.draw_image(image, size);
                    surface.pop();
                }
            }
            Item::Turned { x, y, items } => {
                surface.push_transform(&krilla::geom::Transform::from_row(-1.0, 0.0, 0.0, -1.0, 2.0 * x, 2.0 * y));
                draw_items(surface, items, interpolate);
                surface.pop();
            }
            Item::Rule { x1, y1, x2, y2, width, color } => {
                let mut path = PathBuilder::new();
                path.move_to(*x1, *y1);
                path.line_to(*x2, *y2);
                if let Some(path) = path.finish() {
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke { width: *width, paint: rgb(*color).into(), ..Default::default() }));
                    surface.draw_path(&path);
                }
            }
        }
    }
}

fn rgb(color: Color) -> rgb::Color {
    rgb::Color::new(color.0, color.1, color.2)
}

/// One glyph per character (Liberation Serif has every Vietnamese letter
/// precomposed, and input is NFC), advances in em, spaces widened.
fn glyphs(run: &TextRun) -> Vec<KrillaGlyph> {
    let metrics = run.face.metrics();
    run.text
        .char_indices()
        .map(|(start, ch)| {
            let (id, advance) = metrics.glyph(ch).unwrap_or((0, 0.5));
            let extra = if ch == ' ' { run.word_spacing / run.size } else { 0.0 };
            KrillaGlyph::new(GlyphId::new(id), advance + extra, 0.0, 0.0, 0.0, start..start + ch.len_utf8(), None)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, Page, Paragraph, ParagraphStyle, Span};

    fn with_text(text: &str) -> Document {
        let paragraph = Paragraph { spans: vec![Span::plain(text)], style: ParagraphStyle::BODY };
        Document {
            meta: Metadata { title: "Thử".into(), ..Metadata::default() },
            page: Page::A4,
            page_numbers: false,
            blocks: vec![Block::Paragraph(paragraph)],
        }
    }

    #[test]
    fn pdfa_refuses_a_character_no_font_draws_naming_it() {
        let doc = with_text("Chữ 漢");
        assert!(render(&doc, Standard::Plain).is_ok(), "a plain PDF draws the blank box");
        assert_eq!(render(&doc, Standard::PdfA2b).unwrap_err(), Refused::NoGlyph { text: "漢".into() });
    }
}
