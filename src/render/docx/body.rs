//! One flowing paper as DOCX: docx-rs's document for a [`Document`], its
//! XML fixed where docx-rs falls short, put in schema order, its paragraphs
//! numbered, and zipped with the parts around it.

use std::io::Write;

use docx_rs::{
    Docx, Header as DocxHeader, PageMargin, PageNum, PageNumType, PageOrientationType, PageSize, SectionProperty,
};

use super::flow::{self, Element};
use super::package;
use super::schema;
use super::styles::{self, plain};
use super::units::twips;
use crate::doc::*;
use crate::render::Refused;

fn page_margin(page: Page) -> PageMargin {
    PageMargin {
        top: twips(page.top),
        left: twips(page.left),
        bottom: twips(page.bottom),
        right: twips(page.right),
        // The page number's baseline where the PDF sets it, 0.6 of the top
        // margin down (12 mm): LibreOffice sets the header's one exact
        // 13 pt line with its baseline 5 mm below the header's top.
        header: twips(page.top * 0.35),
        footer: twips(page.bottom * 0.5),
        gutter: 0,
    }
}

/// A landscape page says so (`w:orient`): a word processor that reads only
/// the width and height may print it upright.
fn orientation(page: Page) -> PageOrientationType {
    if page.width > page.height {
        PageOrientationType::Landscape
    } else {
        PageOrientationType::Portrait
    }
}

/// The default header (PAGE field, centred) and the empty first-page one.
fn page_number_headers() -> (DocxHeader, DocxHeader) {
    let number = plain(&styles::PAGE_HEADER, &[]).add_page_num(PageNum::new());
    (DocxHeader::new().add_paragraph(number), DocxHeader::new().add_paragraph(plain(&styles::PAGE_HEADER, &[])))
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
pub(crate) fn render(doc: &Document) -> Result<Vec<u8>, Refused> {
    std::thread::scope(|scope| {
        let painting = scope.spawn(|| flow::paint_charts(&doc.blocks));
        let mut body = body(body_of(doc, false)?, None)?;
        flow::fill_charts(&mut body.media, painting.join().expect("painting a chart does not panic")?)?;
        package::zip(body, &doc.meta)
    })
}

/// docx-rs's document for `doc`, its charts' pictures still placeholders;
/// with `streamed`, its long tables marked for [`stream`] to write.
pub(super) fn body_of(doc: &Document, streamed: bool) -> Result<Docx, Refused> {
    let page = doc.page;
    let mut docx = Docx::new()
        .page_size(twips(page.width) as u32, twips(page.height) as u32)
        .page_orient(orientation(page))
        .page_margin(page_margin(page));
    if doc.page_numbers {
        let (numbered, first) = page_number_headers();
        docx = docx.header(numbered).first_header(first).page_num_type(PageNumType::new().start(1));
    }
    let breaks = flow::Breaks::of(doc);
    let parts: Vec<&[Block]> = doc.blocks.split(|b| matches!(b, Block::SectionBreak)).collect();
    let last = parts.len() - 1;
    // Index in the document of each part's first block.
    let mut offset = 0;
    for (index, blocks) in parts.iter().enumerate() {
        let elements = flow::elements(blocks, offset, page, &breaks, streamed)?;
        offset += blocks.len() + 1;
        for element in elements {
            docx = match element {
                Element::Paragraph(p) => docx.add_paragraph(*p),
                Element::Table(t) => docx.add_table(*t),
            };
        }
        if index < last {
            let mut section = SectionProperty::new()
                .page_size(
                    PageSize::new().size(twips(page.width) as u32, twips(page.height) as u32).orient(orientation(page)),
                )
                .page_margin(page_margin(page))
                .page_num_type(PageNumType::new().start(1));
            if doc.page_numbers {
                let (numbered, first) = page_number_headers();
                section = section.header(numbered, HEADER_RIDS.0).first_header(first, HEADER_RIDS.1);
            }
            let end = plain(&styles::ANCHOR, &[]).section_property(section);
            docx = docx.add_paragraph(end);
        }
    }
    Ok(docx)
}

/// The parts docx-rs writes for `docx`, made schema-valid: the header-row
/// marks and `page_border` added, property elements put in order.
pub(super) fn body(docx: Docx, page_border: Option<&str>) -> Result<package::Body, Refused> {
    let (mut body, mut counter) = prepared(docx, page_border)?;
    body.document = numbered(&body.document, &mut counter)?;
    Ok(body)
}

/// [`body`] with the document's paragraphs not numbered yet, and the
/// counter the headers left for them.
pub(super) fn prepared(docx: Docx, page_border: Option<&str>) -> Result<(package::Body, u32), Refused> {
    let parts = docx.build();
    let utf8 = |bytes: Vec<u8>| String::from_utf8(bytes).map_err(|e| Refused::other("docx", e));
    let mut document = fixed(utf8(parts.document)?);
    if let Some(border) = page_border {
        // Anywhere among the section's properties: the schema pass places it.
        let start = document.rfind("<w:pgMar").ok_or_else(|| Refused::other("docx", "no page margins"))?;
        let end = start + document[start..].find("/>").ok_or_else(|| Refused::other("docx", "unclosed pgMar"))? + 2;
        document.insert_str(end, border);
    }
    // docx-rs numbers paragraphs from a per-thread counter that only its
    // build resets: numbered again here in package order, a paper's bytes
    // do not depend on what its thread made before (a server renders on
    // reused threads).
    let mut counter = 0;
    let headers = parts
        .headers
        .into_iter()
        .map(|h| numbered(&schema::reorder(&utf8(h)?)?, &mut counter))
        .collect::<Result<Vec<String>, Refused>>()?;
    let body = package::Body {
        document: schema::reorder(&document)?,
        headers,
        header_rels: parts.header_rels,
        document_rels: utf8(parts.document_rels)?,
        media: parts.media,
    };
    Ok((body, counter))
}

/// What docx-rs cannot write, put into its XML: Word's own element for a
/// hyphen no line breaks after (U+2011 is missing from Times New Roman),
/// and the repeated header rows.
pub(super) fn fixed(mut xml: String) -> String {
    if xml.contains('\u{2011}') {
        xml = xml.replace('\u{2011}', r#"</w:t><w:noBreakHyphen /><w:t xml:space="preserve">"#);
    }
    let (mark, header_row) = flow::HEADER_ROW_MARK;
    if xml.contains(mark) {
        xml = xml.replace(mark, header_row);
    }
    xml
}

/// `xml` with its paragraphs numbered on from `counter`.
fn numbered(xml: &str, counter: &mut u32) -> Result<String, Refused> {
    let mut out = Vec::with_capacity(xml.len());
    write_numbered(&mut out, xml.as_bytes(), counter).map_err(|e| Refused::other("docx", e))?;
    String::from_utf8(out).map_err(|e| Refused::other("docx", e))
}

/// Copies `xml` (paragraphs) to `out`, giving each paragraph the next id of
/// `counter`: ids must differ across the document, and the parts every
/// sheet repeats are serialised once.
pub(super) fn write_numbered(out: &mut dyn Write, xml: &[u8], counter: &mut u32) -> std::io::Result<()> {
    const ATTRIBUTE: &[u8] = b"w14:paraId=\"";
    // 100,000 certificates are hundreds of megabytes of XML to look through.
    let finder = memchr::memmem::Finder::new(ATTRIBUTE);
    let mut rest = xml;
    while let Some(at) = finder.find(rest) {
        let value = at + ATTRIBUTE.len();
        let end = value + rest[value..].iter().position(|&b| b == b'"').unwrap_or(0);
        out.write_all(&rest[..value])?;
        *counter += 1;
        write!(out, "{:08X}", *counter)?;
        rest = &rest[end..];
    }
    out.write_all(rest)
}
