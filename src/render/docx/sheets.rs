//! Certificate sheets as DOCX: one page per sheet, each box of text an
//! absolutely positioned frame (`w:framePr`) holding the lines the layout
//! fitted, the emblem in a frame of its own and the decorative border as
//! the page border plus a ruled inner frame.

use docx_rs::{
    BorderType, BreakType, Docx, PageMargin, PageOrientationType, Paragraph as DocxParagraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Pic, Run,
};

use super::styles::{self, paragraph, plain, Line, Look};
use super::{finish, twips};
use crate::doc::{Border, Frame, Picture, Sheets};
use crate::text::fonts::Face;
use crate::text::measure::{LINE_HEIGHT, PT_PER_MM};

/// The DOCX of certificate sheets: one landscape page per sheet, each
/// frame an absolutely positioned text frame (`w:framePr`) with the lines
/// the layout fitted, so a clerk can correct one certificate in Word.
pub(crate) fn render_sheets(sheets: &Sheets) -> Result<Vec<u8>, String> {
    let (width, height) = (twips(sheets.width) as u32, twips(sheets.height) as u32);
    let orientation = if width > height { PageOrientationType::Landscape } else { PageOrientationType::Portrait };
    let mut docx = Docx::new().page_size(width, height).page_orient(orientation).page_margin(PageMargin {
        top: 0,
        left: 0,
        bottom: 0,
        right: 0,
        header: 0,
        footer: 0,
        gutter: 0,
    });
    for (index, sheet) in sheets.sheets.iter().enumerate() {
        // Word and LibreOffice hang a frame on the paragraph after it: each
        // sheet's frames, then an empty paragraph that starts its page.
        if let Some(border) = sheets.border {
            docx = docx.add_paragraph(inner_frame(border, sheets.width, sheets.height));
        }
        if let Some(picture) = &sheets.picture {
            docx = docx.add_paragraph(picture_paragraph(picture));
        }
        for frame in sheets.common.iter().chain(&sheet.frames) {
            docx = docx.add_paragraph(frame_paragraph(frame));
        }
        let anchor = plain(&styles::ANCHOR, &[]).page_break_before(index > 0);
        docx = docx.add_paragraph(anchor);
    }
    let border = sheets.border.map(|b| {
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
    finish(docx, &sheets.meta, border.as_deref())
}

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
    let (w, h) = (width - 2.0 * border.inner, height - 2.0 * border.inner);
    let side =
        |position| ParagraphBorder::new(position).val(BorderType::Single).size(6).space(0).color(border.color.hex());
    let anchor = &styles::ANCHOR;
    let look = Look { line: Line::Exact(h * PT_PER_MM), ..anchor.look };
    let mut p = framed(paragraph(anchor, look, &[]), border.inner, border.inner, w, h);
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

fn frame_paragraph(frame: &Frame) -> DocxParagraph {
    let line_height = frame.size * LINE_HEIGHT;
    let text_height = line_height * frame.lines.len() as f32 / PT_PER_MM;
    // The PDF centres the lines in the box; the frame is just their height.
    let top = frame.y + (frame.height - text_height) / 2.0;
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
    let mut p = framed(paragraph(style, look, &[]).add_run(run), x, top, width, text_height);
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
