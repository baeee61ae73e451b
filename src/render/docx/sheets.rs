//! Certificate sheets as DOCX, written as a stream: one page per sheet, each box of text an
//! absolutely positioned frame (`w:framePr`) holding the lines the layout
//! fitted, the emblem in a frame of its own and the decorative border as
//! the page border plus a ruled inner frame.

use std::io::{Seek, Write};
use std::rc::Rc;

use docx_rs::{
    BorderType, BreakType, BuildXML, Docx, PageMargin, PageOrientationType, Paragraph as DocxParagraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic, Run,
};

use super::body::{body, write_numbered};
use super::package;
use super::schema;
use super::styles::{self, paragraph, plain, Line, Look};
use super::text_box;
use super::units::twips;
use crate::doc::{Border, Frame, Picture, Sheet, Sheets};
use crate::render::repeated::Repeated;
use crate::render::{Refused, Stop};
use crate::text::fonts::Face;
use crate::text::measure::PT_PER_MM;

/// Writes into `out` the DOCX of `count` certificate sheets that `next`
/// makes one at a time on `frame`'s paper, border, emblem and common
/// frames: one page per sheet, each box of text an absolutely positioned
/// frame with the lines the layout fitted, so a clerk can correct one
/// certificate in Word. The package is made by docx-rs around a mark; the
/// sheets are then streamed in its place, so 100,000 certificates never
/// sit in memory at once.
pub(crate) fn write_sheet_stream<W: Write + Seek, E>(
    frame: &Sheets,
    count: usize,
    next: &mut dyn FnMut(usize) -> Result<Sheet, E>,
    out: W,
) -> Result<W, Stop<E>> {
    let (width, height) = (twips(frame.width) as u32, twips(frame.height) as u32);
    let orientation = if width > height { PageOrientationType::Landscape } else { PageOrientationType::Portrait };
    let mut skeleton = Docx::new().page_size(width, height).page_orient(orientation).page_margin(PageMargin {
        top: 0,
        left: 0,
        bottom: 0,
        right: 0,
        header: 0,
        footer: 0,
        gutter: 0,
    });
    // The emblem goes through docx-rs once, so the package has its media
    // and relationship; its paragraph is then repeated on every sheet.
    if let Some(picture) = &frame.picture {
        skeleton = skeleton.add_paragraph(picture_paragraph(picture));
    }
    skeleton = skeleton.add_paragraph(plain(&styles::ANCHOR, &[]).add_run(Run::new().add_text(MARK)));
    let border = frame.border.map(|b| {
        // Word measures the border's distance from the edge in points, 31 at most.
        let space = (b.outer * PT_PER_MM).min(31.0).round() as u32;
        let side = |name: &str| {
            format!(r#"<w:{name} w:val="double" w:sz="18" w:space="{space}" w:color="{}" />"#, b.color.hex())
        };
        format!(
            r#"<w:pgBorders w:offsetFrom="page">{}{}{}{}</w:pgBorders>"#,
            side("top"),
            side("left"),
            side("bottom"),
            side("right")
        )
    });
    let mut body = body(skeleton, border.as_deref()).map_err(Stop::Render)?;
    let document = &body.document;
    let fail = |what: &str| Stop::Render(Refused::other("docx", what));
    let start = document.find("<w:body>").ok_or_else(|| fail("no body"))? + "<w:body>".len();
    let mark = document.find(MARK).ok_or_else(|| fail("no mark"))?;
    let mark_start = document[..mark].rfind("<w:p ").ok_or_else(|| fail("no mark paragraph"))?;
    let mark_end = mark + document[mark..].find("</w:p>").ok_or_else(|| fail("unclosed mark"))? + "</w:p>".len();

    // What every sheet repeats, serialised once: Word and LibreOffice hang
    // a frame on the paragraph after it, so each sheet is its frames then
    // an empty paragraph that starts its page.
    let xml = |paragraphs: &mut dyn Iterator<Item = DocxParagraph>| -> Result<Vec<u8>, Stop<E>> {
        let mut built = String::new();
        for p in paragraphs {
            built.push_str(std::str::from_utf8(&p.build()).map_err(|_| fail("not UTF-8"))?);
        }
        Ok(schema::reorder(&built).map_err(Stop::Render)?.into_bytes())
    };
    let mut shared = xml(&mut frame.border.map(|b| inner_frame(b, frame.width, frame.height)).into_iter())?;
    shared.extend(&document.as_bytes()[start..mark_start]);
    let (common_turned, common_upright): (Vec<&Frame>, Vec<&Frame>) = frame.common.iter().partition(|f| f.turned);
    shared.extend(xml(&mut common_upright.into_iter().map(frame_paragraph))?);
    let first_anchor = xml(&mut std::iter::once(plain(&styles::ANCHOR, &[])))?;
    let next_anchor = xml(&mut std::iter::once(plain(&styles::ANCHOR, &[]).page_break_before(true)))?;
    body.document = format!("{}{}{}", &document[..start], package::BODY_MARK, &document[mark_end..]);

    let mut fill = |out: &mut dyn Write| -> Result<(), Stop<E>> {
        let mut counter = 0u32;
        // A frame repeated from recent sheets (the achievement, the unit) is
        // serialised once: building paragraphs is most of a sheet's cost.
        let mut repeated = Repeated::<Frame, Rc<[u8]>>::default();
        let mut drawings = 0u32;
        for number in 0..count {
            let sheet = next(number).map_err(Stop::Source)?;
            write_numbered(out, &shared, &mut counter).map_err(Stop::Write)?;
            // Turned boxes are text boxes anchored in the paragraph that
            // starts the sheet's page (a paragraph of their own before it
            // would stay on the page before).
            let mut turned = String::new();
            for frame in common_turned.iter().copied().chain(sheet.frames.iter().filter(|f| f.turned)) {
                let text = xml(&mut std::iter::once(frame_text(frame).0))?;
                drawings += 1;
                turned.push_str(&text_box::turned_run(frame, &String::from_utf8_lossy(&text), drawings));
            }
            for frame in sheet.frames.iter().filter(|f| !f.turned) {
                let made = |frames: &[Frame]| xml(&mut frames.iter().map(frame_paragraph)).map(Rc::from);
                let own = match repeated.form(std::slice::from_ref(frame), made)? {
                    Some(own) => own,
                    None => {
                        repeated.remember(vec![frame.clone()]);
                        made(std::slice::from_ref(frame))?
                    }
                };
                write_numbered(out, &own, &mut counter).map_err(Stop::Write)?;
            }
            let anchor = if number == 0 { &first_anchor } else { &next_anchor };
            let close = anchor.len() - b"</w:p>".len();
            let mut anchor = anchor[..close].to_vec();
            anchor.extend(turned.as_bytes());
            anchor.extend(b"</w:p>");
            write_numbered(out, &anchor, &mut counter).map_err(Stop::Write)?;
        }
        Ok(())
    };
    package::zip_into(body, &frame.meta, out, &mut fill)
}

/// The text of the paragraph the sheets are written in place of.
const MARK: &str = "BAOCAO-SHEETS-GO-HERE";

/// Places `p` in a frame `width` × `height` mm at (`x`, `y`) mm from the
/// page's top-left corner.
fn framed(p: DocxParagraph, x: f32, y: f32, width: f32, height: f32) -> DocxParagraph {
    p.frame_x(twips(x))
        .frame_y(twips(y))
        .frame_width(twips(width) as u32)
        .frame_height(twips(height).max(1) as u32)
        .h_anchor("page")
        .v_anchor("page")
        .h_rule("exact")
        .wrap("none")
}

/// The border's inner frame: an empty framed paragraph one line as tall as
/// the frame, ruled on its four sides (the page border is the double line).
fn inner_frame(border: Border, width: f32, height: f32) -> DocxParagraph {
    let (inset_x, inset_y) = border.inner;
    let (w, h) = (width - 2.0 * inset_x, height - 2.0 * inset_y);
    let side =
        |position| ParagraphBorder::new(position).val(BorderType::Single).size(6).space(0).color(border.color.hex());
    let anchor = &styles::ANCHOR;
    let look = Look { line: Line::Exact(h * PT_PER_MM), ..anchor.look };
    let mut p = framed(paragraph(anchor, look, &[]), inset_x, inset_y, w, h);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty()
            .set(side(ParagraphBorderPosition::Top))
            .set(side(ParagraphBorderPosition::Left))
            .set(side(ParagraphBorderPosition::Bottom))
            .set(side(ParagraphBorderPosition::Right)),
    );
    p
}

/// The emblem in a frame at its place on the page.
fn picture_paragraph(picture: &Picture) -> DocxParagraph {
    const EMU_PER_MM: f32 = 36_000.0;
    let (w, h) = picture.pixels;
    let pic = Pic::new_with_dimensions(picture.png.to_vec(), w, h)
        .size((picture.width * EMU_PER_MM) as u32, (picture.height * EMU_PER_MM) as u32);
    // Single spacing grows with the picture; an exact height would clip it.
    let p = plain(&styles::PICTURE, &[]).add_run(Run::new().add_image(pic));
    framed(p, picture.x, picture.y, picture.width, picture.height)
}

/// A box's lines as a paragraph, not yet placed, and their height in mm.
fn frame_text(frame: &Frame) -> (DocxParagraph, f32) {
    let line_height = frame.size * frame.line_height;
    let text_height = line_height * frame.lines.len() as f32 / PT_PER_MM;
    let style = &styles::CERTIFICATE_TEXT;
    let look = Look { size: frame.size, align: frame.align, line: Line::Exact(line_height), ..style.look };
    // The lines of one box are one run, broken where the layout broke them.
    let mut run =
        styles::face(Run::new(), (frame.bold, frame.italic), &style.look, frame.size).color(frame.color.hex());
    for (i, line) in frame.lines.iter().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    (paragraph(style, look, &[]).add_run(run), text_height)
}

fn frame_paragraph(frame: &Frame) -> DocxParagraph {
    let (text, text_height) = frame_text(frame);
    // The PDF centres the lines in the box; the frame is just their height.
    let top = frame.y + (frame.height - text_height) / 2.0;
    // An underlined frame is as wide as its text, so its bottom border is
    // the rule "as long as the text".
    let (x, width) = if frame.underline {
        let face = Face::new(frame.bold, frame.italic);
        let widest =
            frame.lines.iter().map(|l| face.metrics().width(l, frame.size)).fold(0.0, f32::max) / PT_PER_MM + 1.0;
        (frame.x + (frame.width - widest) / 2.0, widest)
    } else {
        (frame.x, frame.width)
    };
    let mut p = framed(text, x, top, width, text_height);
    if frame.underline {
        p.property = p.property.set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .val(BorderType::Single)
                    .size(6)
                    .space(1)
                    .color(frame.color.hex()),
            ),
        );
    }
    p
}
