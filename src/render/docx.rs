//! DOCX backend: the same [`Document`] as docx-rs elements — A4, NĐ 30
//! margins, Times New Roman in all four font slots, exact line heights so
//! Word and LibreOffice break pages where the PDF does, and the PAGE field
//! in the header with the first page's number suppressed.
//!
//! docx-rs 0.4 cannot mark a table row as a repeating header (`w:tblHeader`);
//! [`extend_document_xml`] adds it to the XML docx-rs writes, and page
//! borders for certificates likewise.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, BorderType, Docx, Header as DocxHeader, LineSpacing, LineSpacingType, PageMargin, PageNum,
    PageNumType, PageSize, Paragraph as DocxParagraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run,
    RunFonts, SectionProperty, Table as DocxTable, TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use crate::doc::*;
use crate::text::measure::{LINE_HEIGHT, PT_PER_MM};
use docx_rs::{BreakType, PageOrientationType, Pic};

const TWIPS_PER_MM: f32 = 1440.0 / 25.4;

pub(super) fn twips(mm: f32) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

pub(super) fn pt_twips(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}

/// Exact line height (twips) with space before and after (points).
pub(super) fn exact(line: i32, before: f32, after: f32) -> LineSpacing {
    LineSpacing::new().line_rule(LineSpacingType::Exact).line(line).before(pt_twips(before)).after(pt_twips(after))
}

/// The exact height of a line of text at `size` points, in twips.
pub(super) fn text_line(size: f32) -> i32 {
    pt_twips(size * LINE_HEIGHT) as i32
}

/// An empty paragraph one point high: what a page break, a section end or
/// a certificate's frames hang on.
pub(super) fn tiny_paragraph() -> DocxParagraph {
    DocxParagraph::new().size(2).line_spacing(exact(20, 0.0, 0.0))
}

/// Times New Roman in the ascii, hAnsi, cs and eastAsia slots.
pub(super) fn times() -> RunFonts {
    let name = "Times New Roman";
    RunFonts::new().ascii(name).hi_ansi(name).cs(name).east_asia(name)
}

pub(super) fn run(span: &Span, size: f32) -> Run {
    let mut run = Run::new().fonts(times()).size((size * 2.0).round() as usize);
    // A newline typed in a name breaks the line, as in the PDF.
    for (i, piece) in span.text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(piece);
    }
    if span.bold {
        run = run.bold();
    }
    if span.italic {
        run = run.italic();
    }
    run
}

pub(super) fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

/// A paragraph of `spans` at `size` with NĐ 30 exact line height.
pub(super) fn paragraph(spans: &[Span], size: f32, align: Align) -> DocxParagraph {
    spans
        .iter()
        .fold(DocxParagraph::new(), |p, span| p.add_run(run(span, size)))
        .align(alignment(align))
        .line_spacing(exact(text_line(size), 0.0, 0.0))
        .size((size * 2.0).round() as usize)
        .fonts(times())
}

/// An empty paragraph whose bottom border is a centred rule `length` pt long
/// inside a box `box_mm` wide.
pub(super) fn rule(box_mm: f32, length: f32) -> DocxParagraph {
    let side = twips((box_mm - length / PT_PER_MM) / 2.0).max(0);
    let mut p =
        DocxParagraph::new().line_spacing(exact(40, 0.0, 0.0)).size(4).indent(Some(side), None, Some(side), None);
    p.property = p.property.set_borders(ParagraphBorders::with_empty().set(
        ParagraphBorder::new(ParagraphBorderPosition::Bottom).val(BorderType::Single).size(4).space(0).color("000000"),
    ));
    p
}

pub(super) fn cell(width_mm: f32, paragraphs: Vec<DocxParagraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), |c, p| c.add_paragraph(p))
        .width(twips(width_mm) as usize, WidthType::Dxa)
}

/// A borderless layout table with zero cell margins.
pub(super) fn grid(widths_mm: &[f32], rows: Vec<TableRow>) -> DocxTable {
    DocxTable::without_borders(rows)
        .set_grid(widths_mm.iter().map(|w| twips(*w) as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(twips(widths_mm.iter().sum()) as usize, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// A paragraph or a table: what a DOCX body is made of.
pub(super) enum Element {
    Paragraph(DocxParagraph),
    Table(DocxTable),
}

fn page_margin(page: Page) -> PageMargin {
    PageMargin {
        top: twips(page.top),
        left: twips(page.left),
        bottom: twips(page.bottom),
        right: twips(page.right),
        header: twips(page.top * 0.4),
        footer: twips(page.bottom * 0.5),
        gutter: 0,
    }
}

/// The default header (PAGE field, centred) and the empty first-page one.
fn page_number_headers() -> (DocxHeader, DocxHeader) {
    let number = DocxParagraph::new().align(AlignmentType::Center).add_page_num(PageNum::new());
    (DocxHeader::new().add_paragraph(number), DocxHeader::new().add_paragraph(DocxParagraph::new()))
}

/// Relationship ids docx-rs gives the default and first-page headers when
/// they are the first two headers added (`rIdHeader{count}`).
const HEADER_RIDS: (&str, &str) = ("rIdHeader1", "rIdHeader2");

/// The DOCX bytes of `doc`. Each [`Block::SectionBreak`] ends a DOCX
/// section; the next starts on a new page numbered from 1.
///
/// docx-rs's `Section` loses a section's first-page header (its
/// `add_section` keeps only one of the pending headers), so the sections
/// before the last are closed by a paragraph carrying their `w:sectPr`,
/// which points at the document's own two headers.
pub(crate) fn render(doc: &Document) -> Result<Vec<u8>, String> {
    let page = doc.page;
    let mut docx = Docx::new()
        .page_size(twips(page.width) as u32, twips(page.height) as u32)
        .page_margin(page_margin(page))
        .default_fonts(times())
        .default_size(28);
    if doc.page_numbers {
        let (numbered, first) = page_number_headers();
        docx = docx.header(numbered).first_header(first).page_num_type(PageNumType::new().start(1));
    }
    let breaks = super::docx_flow::Breaks::of(doc);
    let parts: Vec<&[Block]> = doc.blocks.split(|b| matches!(b, Block::SectionBreak)).collect();
    let last = parts.len() - 1;
    // Index in the document of each part's first block.
    let mut offset = 0;
    for (index, blocks) in parts.iter().enumerate() {
        let elements = super::docx_flow::elements(blocks, offset, page, &breaks)?;
        offset += blocks.len() + 1;
        for element in elements {
            docx = match element {
                Element::Paragraph(p) => docx.add_paragraph(p),
                Element::Table(t) => docx.add_table(t),
            };
        }
        if index < last {
            let mut section = SectionProperty::new()
                .page_size(PageSize::new().size(twips(page.width) as u32, twips(page.height) as u32))
                .page_margin(page_margin(page))
                .page_num_type(PageNumType::new().start(1));
            if doc.page_numbers {
                let (numbered, first) = page_number_headers();
                section = section.header(numbered, HEADER_RIDS.0).first_header(first, HEADER_RIDS.1);
            }
            let end = tiny_paragraph().section_property(section);
            docx = docx.add_paragraph(end);
        }
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(|e| format!("docx: {e}"))?;
    extend_document_xml(&bytes.into_inner(), None)
}

/// What docx-rs 0.4 cannot write, added to its `word/document.xml`:
/// rows marked with [`super::docx_flow::HEADER_ROW_MARK`] repeat at the top
/// of every page (`w:tblHeader`), and `page_border` becomes the section's
/// `w:pgBorders`.
fn extend_document_xml(docx: &[u8], page_border: Option<&str>) -> Result<Vec<u8>, String> {
    let error = |e: &dyn std::fmt::Display| format!("docx: {e}");
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).map_err(|e| error(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(|e| error(&e))?;
        let name = file.name().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).map_err(|e| error(&e))?;
        if name == "word/document.xml" {
            let (mark, header_row) = super::docx_flow::HEADER_ROW_MARK;
            let mut xml = String::from_utf8(content).map_err(|e| error(&e))?.replace(mark, header_row);
            if let Some(border) = page_border {
                // w:pgBorders follows w:pgMar in a section's properties.
                let start = xml.rfind("<w:pgMar").ok_or("docx: no page margins")?;
                let end = start + xml[start..].find("/>").ok_or("docx: unclosed pgMar")? + 2;
                xml.insert_str(end, border);
            }
            content = xml.into_bytes();
        }
        out.start_file(name, options).map_err(|e| error(&e))?;
        out.write_all(&content).map_err(|e| error(&e))?;
    }
    Ok(out.finish().map_err(|e| error(&e))?.into_inner())
}

/// The DOCX of certificate sheets: one landscape page per sheet, each
/// frame an absolutely positioned text frame (`w:framePr`) with the lines
/// the layout fitted, so a clerk can correct one certificate in Word.
pub(crate) fn render_sheets(sheets: &Sheets) -> Result<Vec<u8>, String> {
    let (width, height) = (twips(sheets.width) as u32, twips(sheets.height) as u32);
    let orientation = if width > height { PageOrientationType::Landscape } else { PageOrientationType::Portrait };
    let mut docx = Docx::new()
        .page_size(width, height)
        .page_orient(orientation)
        .page_margin(PageMargin { top: 0, left: 0, bottom: 0, right: 0, header: 0, footer: 0, gutter: 0 })
        .default_fonts(times())
        .default_size(28);
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
        let anchor = tiny_paragraph().page_break_before(index > 0);
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
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(|e| format!("docx: {e}"))?;
    extend_document_xml(&bytes.into_inner(), border.as_deref())
}

/// The border's inner frame: an empty framed paragraph one line as tall as
/// the frame, ruled on its four sides (the page border is the double line).
fn inner_frame(border: Border, width: f32, height: f32) -> DocxParagraph {
    let (inset_x, inset_y) = border.inner;
    let (w, h) = (width - 2.0 * inset_x, height - 2.0 * inset_y);
    let side =
        |position| ParagraphBorder::new(position).val(BorderType::Single).size(6).space(0).color(border.color.hex());
    let mut p = DocxParagraph::new()
        .size(2)
        .line_spacing(exact(twips(h), 0.0, 0.0))
        .frame_x(twips(inset_x))
        .frame_y(twips(inset_y))
        .frame_width(twips(w) as u32)
        .frame_height(twips(h) as u32)
        .h_anchor("page")
        .v_anchor("page")
        .h_rule("exact")
        .wrap("none");
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
    DocxParagraph::new()
        .add_run(Run::new().add_image(pic))
        // An exact line height would clip the picture; single spacing grows with it.
        .line_spacing(LineSpacing::new().line_rule(LineSpacingType::Auto).line(240).before(0).after(0))
        .frame_x(twips(picture.x))
        .frame_y(twips(picture.y))
        .frame_width(twips(picture.width) as u32)
        .frame_height(twips(picture.height) as u32)
        .h_anchor("page")
        .v_anchor("page")
        .h_rule("exact")
        .wrap("none")
}

fn frame_paragraph(frame: &Frame) -> DocxParagraph {
    let line_height = frame.size * LINE_HEIGHT;
    let text_height = line_height * frame.lines.len() as f32 / PT_PER_MM;
    // The PDF centres the lines in the box; the frame is just their height.
    let top = frame.y + (frame.height - text_height) / 2.0;
    let mut run = Run::new().fonts(times()).size((frame.size * 2.0).round() as usize).color(frame.color.hex());
    if frame.bold {
        run = run.bold();
    }
    if frame.italic {
        run = run.italic();
    }
    for (i, line) in frame.lines.iter().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    // An underlined frame is as wide as its text, so its bottom border is
    // the rule "as long as the text".
    let (x, width) = if frame.underline {
        let face = crate::text::fonts::Face::new(frame.bold, frame.italic);
        let widest =
            frame.lines.iter().map(|l| face.metrics().width(l, frame.size)).fold(0.0, f32::max) / PT_PER_MM + 1.0;
        (frame.x + (frame.width - widest) / 2.0, widest)
    } else {
        (frame.x, frame.width)
    };
    let mut p = DocxParagraph::new()
        .add_run(run)
        .align(alignment(frame.align))
        .line_spacing(exact(pt_twips(line_height) as i32, 0.0, 0.0))
        .frame_x(twips(x))
        .frame_y(twips(top))
        .frame_width(twips(width) as u32)
        .frame_height(twips(text_height).max(1) as u32)
        .h_anchor("page")
        .v_anchor("page")
        .h_rule("exact")
        .wrap("none");
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
