//! DOCX backend: the same [`Document`] as a Word-native file — A4, NĐ 30
//! margins, every paragraph in a named style (Normal is Times New Roman
//! 14 pt in Vietnamese; headings, table text and each NĐ 30 part have their
//! own), exact line heights so Word and LibreOffice break pages where the
//! PDF does, and the PAGE field in the header with the first page's number
//! suppressed.
//!
//! docx-rs builds the body; three layers make it a file Word takes without
//! repair: what docx-rs 0.4 cannot write is added to its XML (`w:tblHeader`,
//! page borders), [`schema`] puts property elements in the order the
//! ECMA-376 schema fixes, and [`package`] writes the parts around the body
//! (styles, settings, theme, core properties) itself.

mod package;
mod schema;
mod sheets;
mod styles;

pub(crate) use sheets::write_sheet_stream;

use docx_rs::{
    BorderType, Docx, Header as DocxHeader, PageMargin, PageNum, PageNumType, PageSize, Paragraph as DocxParagraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic, Run, SectionProperty, Table as DocxTable,
    TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use super::nd30::{self, header_columns, widest_line, MOTTO_TEXT, NATIONAL_NAME};
use crate::doc::*;
use crate::text::fonts::Face;
use crate::text::measure::{LINE_HEIGHT, PT_PER_MM};
use styles::{paragraph, plain, Line, Look};

const TWIPS_PER_MM: f32 = 1440.0 / 25.4;

fn twips(mm: f32) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

/// `text` safe inside XML character data and attribute values.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(ch),
        }
    }
    out
}

fn styled(p: &Paragraph) -> DocxParagraph {
    let s = p.style;
    let style = styles::for_role(s.role);
    let look = Look {
        size: s.size,
        align: s.align,
        left: s.left_indent,
        right: 0.0,
        first: s.first_indent,
        before: s.space_before,
        after: s.space_after,
        line: Line::Exact(s.size * LINE_HEIGHT),
        keep_next: s.keep_with_next,
        ..style.look
    };
    paragraph(style, look, &p.spans)
}

/// An empty paragraph whose bottom border is a centred rule `length` pt long
/// inside a box `box_mm` wide, `after` points above what follows.
fn rule(box_mm: f32, length: f32, after: f32) -> DocxParagraph {
    let side = ((box_mm - length / PT_PER_MM) / 2.0).max(0.0);
    let look = Look { left: side, right: side, after, ..styles::RULE.look };
    let mut p = paragraph(&styles::RULE, look, &[]);
    p.property = p.property.set_borders(ParagraphBorders::with_empty().set(
        ParagraphBorder::new(ParagraphBorderPosition::Bottom).val(BorderType::Single).size(4).space(0).color("000000"),
    ));
    p
}

fn cell(width_mm: f32, paragraphs: Vec<DocxParagraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), |c, p| c.add_paragraph(p))
        .width(twips(width_mm) as usize, WidthType::Dxa)
}

/// A borderless layout table with zero cell margins.
fn grid(widths_mm: &[f32], rows: Vec<TableRow>) -> DocxTable {
    DocxTable::without_borders(rows)
        .set_grid(widths_mm.iter().map(|w| twips(*w) as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(twips(widths_mm.iter().sum()) as usize, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

/// A paragraph or a table: what a DOCX body is made of.
enum Element {
    Paragraph(DocxParagraph),
    Table(DocxTable),
}

fn elements(blocks: &[Block], page: Page) -> Result<Vec<Element>, String> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Header(header) => out.push(Element::Table(header_grid(header, page))),
            Block::Title(title) => out.extend(title_paragraphs(title, page).into_iter().map(Element::Paragraph)),
            Block::Paragraph(p) => out.push(Element::Paragraph(styled(p))),
            Block::Table(table) => {
                out.push(Element::Table(data_table(table)));
                out.push(Element::Paragraph(plain(&styles::AFTER_TABLE, &[])));
            }
            Block::Signature(signature) => out.push(Element::Table(signature_table(signature, page))),
            Block::Chart(chart) => out.push(Element::Paragraph(chart_picture(chart)?)),
            Block::SectionBreak => unreachable!("sections are split before"),
        }
    }
    Ok(out)
}

/// A chart as a picture: the PDF's vector items painted at 200 dpi.
fn chart_picture(chart: &Chart) -> Result<DocxParagraph, String> {
    let (width, height) = (chart.width * PT_PER_MM, chart.height * PT_PER_MM);
    let (png, w, h) = crate::render::raster::png(&crate::render::chart::items(chart), width, height, 200.0)?;
    // 12,700 EMU to the point.
    let picture = Pic::new_with_dimensions(png, w, h).size((width * 12700.0) as u32, (height * 12700.0) as u32);
    Ok(plain(&styles::PICTURE, &[]).add_run(Run::new().add_image(picture)))
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
pub(crate) fn render(doc: &Document) -> Result<Vec<u8>, String> {
    let page = doc.page;
    let mut docx =
        Docx::new().page_size(twips(page.width) as u32, twips(page.height) as u32).page_margin(page_margin(page));
    if doc.page_numbers {
        let (numbered, first) = page_number_headers();
        docx = docx.header(numbered).first_header(first).page_num_type(PageNumType::new().start(1));
    }
    let parts: Vec<&[Block]> = doc.blocks.split(|b| matches!(b, Block::SectionBreak)).collect();
    let last = parts.len() - 1;
    for (index, blocks) in parts.iter().enumerate() {
        for element in elements(blocks, page)? {
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
            let end = plain(&styles::ANCHOR, &[]).section_property(section);
            docx = docx.add_paragraph(end);
        }
    }
    finish(docx, &doc.meta, None)
}

fn header_grid(header: &Header, page: Page) -> DocxTable {
    let (left_mm, right_mm) = header_columns(header, page.text_width());
    let mut left = Vec::new();
    if let Some(parent) = &header.parent {
        left.push(plain(&styles::PARENT_BODY, &[Span::plain(parent)]));
    }
    let issuer = [Span::bold(&header.issuer)];
    left.push(plain(&styles::ISSUER, &issuer));
    let issuer_width = widest_line(&issuer, nd30::AGENCY, left_mm * PT_PER_MM);
    left.push(rule(left_mm, issuer_width * nd30::SHORT_RULE, 0.0));

    let right = vec![
        plain(&styles::NATIONAL, &[Span::bold(NATIONAL_NAME)]),
        plain(&styles::MOTTO, &[Span::bold(MOTTO_TEXT)]),
        rule(right_mm, Face::Bold.metrics().width(MOTTO_TEXT, nd30::MOTTO), 0.0),
    ];
    let mut rows = vec![TableRow::new(vec![cell(left_mm, left), cell(right_mm, right)])];
    if header.number.is_some() || header.place_date.is_some() {
        let number = header.number.as_deref().unwrap_or("");
        let place_date = Span { italic: true, ..Span::plain(header.place_date.as_deref().unwrap_or("")) };
        rows.push(TableRow::new(vec![
            cell(left_mm, vec![plain(&styles::NUMBER, &[Span::plain(number)])]),
            cell(right_mm, vec![plain(&styles::PLACE_DATE, &[place_date])]),
        ]));
    }
    grid(&[left_mm, right_mm], rows)
}

fn title_paragraphs(title: &Title, page: Page) -> Vec<DocxParagraph> {
    let subject = [Span::bold(&title.subject)];
    let width = page.text_width();
    let subject_width = widest_line(&subject, nd30::TITLE, width * PT_PER_MM);
    let mut paragraphs = vec![plain(&styles::KIND, &[Span::bold(&title.kind)]), plain(&styles::SUBJECT, &subject)];
    if let Some(note) = &title.note {
        paragraphs.push(plain(&styles::NOTE, &[Span { italic: true, ..Span::plain(note) }]));
    }
    paragraphs.push(rule(width, subject_width * nd30::SHORT_RULE, 12.0));
    paragraphs
}

fn signature_table(signature: &Signature, page: Page) -> DocxTable {
    let width = page.text_width();
    let left_mm = width * nd30::RECIPIENTS_SHARE;
    let right_mm = width - left_mm;
    let label = Span { text: "Nơi nhận:".into(), bold: true, italic: true };
    let mut left = vec![plain(&styles::RECIPIENTS_LABEL, &[label])];
    left.extend(signature.recipients.iter().map(|r| plain(&styles::RECIPIENTS, &[Span::plain(r)])));
    let title = &styles::SIGNER_TITLE;
    let mut right: Vec<DocxParagraph> = signature
        .authority
        .iter()
        .enumerate()
        .map(|(i, a)| {
            // 12 pt between the closing sentence and the block, as in the PDF.
            let before = if i == 0 { 12.0 } else { 0.0 };
            paragraph(title, Look { before, ..title.look }, &[Span::bold(a)])
        })
        .collect();
    right.push(plain(&styles::SIGNING_SPACE, &[]));
    right.push(plain(&styles::SIGNER_NAME, &[Span::bold(&signature.name)]));
    let row = TableRow::new(vec![cell(left_mm, left), cell(right_mm, right)]).cant_split();
    grid(&[left_mm, right_mm], vec![row])
}

/// Row height that marks a header row for [`finish`]; no real row is
/// 1 twip high.
const HEADER_ROW_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

fn data_table(table: &Table) -> DocxTable {
    let make_row = |row: &Row, header: bool| {
        let cells = row
            .cells
            .iter()
            .zip(&table.columns)
            .enumerate()
            .map(|(i, (text, width))| {
                let style = if header { &styles::TABLE_HEAD } else { &styles::TABLE_TEXT };
                let align = if header { Align::Center } else { table.aligns.get(i).copied().unwrap_or(Align::Left) };
                let look = Look { size: table.size, align, line: Line::Exact(table.size * LINE_HEIGHT), ..style.look };
                let span = Span { text: text.clone(), bold: row.bold, italic: false };
                cell(*width, vec![paragraph(style, look, &[span])])
            })
            .collect();
        let row = TableRow::new(cells).cant_split();
        if header {
            row.row_height(1.0).height_rule(docx_rs::HeightRule::AtLeast)
        } else {
            row
        }
    };
    let mut rows: Vec<TableRow> = table.header.iter().map(|r| make_row(r, true)).collect();
    rows.extend(table.rows.iter().map(|r| make_row(r, false)));
    DocxTable::new(rows)
        .set_grid(table.columns.iter().map(|w| twips(*w) as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(twips(table.columns.iter().sum()) as usize, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(40, 85, 40, 85))
}

/// The file of a body docx-rs built: rows marked with [`HEADER_ROW_MARK`]
/// repeat at the top of every page (`w:tblHeader`, which docx-rs 0.4
/// cannot write), `page_border` becomes the last section's `w:pgBorders`,
/// property elements go in schema order, and [`package`] adds the rest.
fn finish(docx: Docx, meta: &Metadata, page_border: Option<&str>) -> Result<Vec<u8>, String> {
    package::zip(body(docx, page_border)?, meta)
}

/// The parts docx-rs writes for `docx`, made schema-valid: the header-row
/// marks and `page_border` added, property elements put in order.
fn body(docx: Docx, page_border: Option<&str>) -> Result<package::Body, String> {
    let parts = docx.build();
    let utf8 = |bytes: Vec<u8>| String::from_utf8(bytes).map_err(|e| format!("docx: {e}"));
    let mut document = utf8(parts.document)?;
    if document.contains(HEADER_ROW_MARK) {
        document = document.replace(HEADER_ROW_MARK, "<w:tblHeader />");
    }
    if let Some(border) = page_border {
        // Anywhere among the section's properties: the schema pass places it.
        let start = document.rfind("<w:pgMar").ok_or("docx: no page margins")?;
        let end = start + document[start..].find("/>").ok_or("docx: unclosed pgMar")? + 2;
        document.insert_str(end, border);
    }
    let headers =
        parts.headers.into_iter().map(|h| schema::reorder(&utf8(h)?)).collect::<Result<Vec<String>, String>>()?;
    Ok(package::Body {
        document: schema::reorder(&document)?,
        headers,
        header_rels: parts.header_rels,
        document_rels: utf8(parts.document_rels)?,
        media: parts.media,
    })
}
