//! Certificate sheets as DOCX written as a stream: docx-rs writes the
//! package around one marker paragraph (styles, settings, the emblem's
//! media and relationship); the body is then written sheet by sheet into
//! the zip, each paragraph serialised by docx-rs, so a run of 100,000
//! certificates never holds the document in memory.

use std::io::{Cursor, Read, Seek, Write};

use docx_rs::{BuildXML, Docx, PageMargin, PageOrientationType, Paragraph as DocxParagraph, Run};

use super::docx::{frame_paragraph, inner_frame, picture_paragraph, times, tiny_paragraph, twips};
use super::pdf::Stop;
use crate::doc::{Sheet, Sheets};
use crate::text::measure::PT_PER_MM;

/// The text of the paragraph the body is written in place of.
const MARK: &str = "BAOCAO-SHEETS-GO-HERE";

/// Copies `xml` (paragraphs) to `out`, giving each paragraph the next id of
/// `counter`: ids must differ across the document, and repeated parts are
/// serialised once.
fn write_numbered(out: &mut impl Write, xml: &[u8], counter: &mut u32) -> std::io::Result<()> {
    const ATTRIBUTE: &[u8] = b"w14:paraId=\"";
    let mut rest = xml;
    while let Some(at) = rest.windows(ATTRIBUTE.len()).position(|w| w == ATTRIBUTE) {
        let value = at + ATTRIBUTE.len();
        let end = value + rest[value..].iter().position(|&b| b == b'"').unwrap_or(0);
        out.write_all(&rest[..value])?;
        *counter += 1;
        write!(out, "{:08X}", *counter)?;
        rest = &rest[end..];
    }
    out.write_all(rest)
}

fn xml(paragraph: &DocxParagraph) -> Vec<u8> {
    paragraph.build()
}

/// Writes the DOCX of `count` sheets that `next` makes one at a time on
/// `frame`'s paper, border, emblem and common frames into `out`.
pub(crate) fn write_sheet_stream<W: Write + Seek, E>(
    frame: &Sheets,
    count: usize,
    next: &mut dyn FnMut(usize) -> Result<Sheet, E>,
    out: W,
) -> Result<W, Stop<E>> {
    let fail = |e: &dyn std::fmt::Display| Stop::Render(format!("docx: {e}"));
    let (width, height) = (twips(frame.width) as u32, twips(frame.height) as u32);
    let orientation = if width > height { PageOrientationType::Landscape } else { PageOrientationType::Portrait };
    let mut skeleton = Docx::new()
        .page_size(width, height)
        .page_orient(orientation)
        .page_margin(PageMargin { top: 0, left: 0, bottom: 0, right: 0, header: 0, footer: 0, gutter: 0 })
        .default_fonts(times())
        .default_size(28);
    // The emblem goes through docx-rs once, so the package has its media
    // and relationship; its paragraph is then repeated on every sheet.
    if let Some(picture) = &frame.picture {
        skeleton = skeleton.add_paragraph(picture_paragraph(picture));
    }
    skeleton = skeleton.add_paragraph(DocxParagraph::new().add_run(Run::new().add_text(MARK)));
    let mut packed = Cursor::new(Vec::new());
    skeleton.build().pack(&mut packed).map_err(|e| fail(&e))?;
    let mut archive = zip::ZipArchive::new(Cursor::new(packed.into_inner())).map_err(|e| fail(&e))?;

    let mut document = String::new();
    archive.by_name("word/document.xml").map_err(|e| fail(&e))?.read_to_string(&mut document).map_err(|e| fail(&e))?;
    let body = document.find("<w:body>").ok_or_else(|| fail(&"no body"))? + "<w:body>".len();
    let mark = document.find(MARK).ok_or_else(|| fail(&"no mark"))?;
    let mark_start = document[..mark].rfind("<w:p ").ok_or_else(|| fail(&"no mark paragraph"))?;
    let mark_end = mark + document[mark..].find("</w:p>").ok_or_else(|| fail(&"unclosed mark"))? + "</w:p>".len();
    let picture_xml = document[body..mark_start].as_bytes().to_vec();
    let mut suffix = document[mark_end..].to_string();
    if let Some(border) = frame.border {
        // Word measures the border's distance from the edge in points, 31 at most.
        let space = (border.outer * PT_PER_MM).min(31.0).round() as u32;
        let side = |name: &str| {
            format!(r#"<w:{name} w:val="double" w:sz="18" w:space="{space}" w:color="{}" />"#, border.color.hex())
        };
        let borders = format!(
            r#"<w:pgBorders w:offsetFrom="page">{}{}{}{}</w:pgBorders>"#,
            side("top"),
            side("left"),
            side("bottom"),
            side("right")
        );
        // w:pgBorders follows w:pgMar in a section's properties.
        let start = suffix.rfind("<w:pgMar").ok_or_else(|| fail(&"no page margins"))?;
        let end = start + suffix[start..].find("/>").ok_or_else(|| fail(&"unclosed pgMar"))? + 2;
        suffix.insert_str(end, &borders);
    }

    // What every sheet repeats, serialised once.
    let mut shared = Vec::new();
    if let Some(border) = frame.border {
        shared.extend(xml(&inner_frame(border, frame.width, frame.height)));
    }
    shared.extend(&picture_xml);
    for common in &frame.common {
        shared.extend(xml(&frame_paragraph(common)));
    }
    let first_anchor = xml(&tiny_paragraph());
    let next_anchor = xml(&tiny_paragraph().page_break_before(true));

    let mut zip = zip::ZipWriter::new(out);
    // Level 1: the body repeats itself, so even the fastest level packs it
    // well. No Zip64 (LibreOffice refuses it): the body stays under 4 GiB,
    // as the recipient limit of a group ensures.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for index in 0..archive.len() {
        let entry = archive.by_index(index).map_err(|e| fail(&e))?;
        if entry.name() != "word/document.xml" {
            zip.raw_copy_file(entry).map_err(|e| fail(&e))?;
            continue;
        }
        drop(entry);
        zip.start_file("word/document.xml", options).map_err(|e| fail(&e))?;
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut zip);
        let io = |e: std::io::Error| fail(&e);
        buffered.write_all(document[..body].as_bytes()).map_err(io)?;
        let mut counter = 0u32;
        let mut sheet_xml = Vec::new();
        for number in 0..count {
            let sheet = next(number).map_err(Stop::Source)?;
            // Word and LibreOffice hang a frame on the paragraph after it:
            // each sheet's frames, then an empty paragraph that starts its page.
            sheet_xml.clear();
            sheet_xml.extend(&shared);
            for own in &sheet.frames {
                sheet_xml.extend(xml(&frame_paragraph(own)));
            }
            sheet_xml.extend(if number == 0 { &first_anchor } else { &next_anchor });
            write_numbered(&mut buffered, &sheet_xml, &mut counter).map_err(io)?;
        }
        buffered.write_all(suffix.as_bytes()).map_err(io)?;
        buffered.flush().map_err(io)?;
    }
    zip.finish().map_err(|e| fail(&e))
}
