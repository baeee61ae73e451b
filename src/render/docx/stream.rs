//! A flowing document as DOCX written as a stream, for papers with a long
//! table (a decision's attached list of 100,000 names): docx-rs builds the
//! document around a marked paragraph in each long table's place, and the
//! table is then written into the zip a few hundred rows at a time —
//! made, fixed, put in schema order and numbered as the whole document
//! would be, so every part holds the bytes [`render`] gives it
//! (only the deflated stream differs, cut where the writes were), without
//! the docx-rs model, its XML and the zip of the whole table in memory at
//! once. A paper without a long table is [`render`]'s, byte for byte.

use std::io::{Seek, Write};

use docx_rs::BuildXML;

use super::body::{body_of, fixed, prepared, render, write_numbered};
use super::flow::{self, Breaks, STREAMED_ROWS, TABLE_MARK};
use super::package;
use super::schema;
use crate::doc::{Block, Document, Table};
use crate::render::table::table_set;
use crate::render::{Refused, Stop};

/// Rows made and written at a time.
const CHUNK_ROWS: usize = 256;

/// Writes the DOCX of `doc` into `out`, its long tables streamed: the parts
/// of [`render`]'s file, the same from run to run.
pub(crate) fn write_stream<W: Write + Seek>(doc: &Document, out: W) -> Result<W, Stop<std::convert::Infallible>> {
    let has_charts = doc.blocks.iter().any(|b| matches!(b, Block::Chart(_)));
    let long = doc.blocks.iter().any(|b| matches!(b, Block::Table(t) if t.rows.len() >= STREAMED_ROWS));
    if has_charts || !long {
        // Nothing long to stream (charts are painted by the whole render).
        let bytes = render(doc).map_err(Stop::Render)?;
        let mut out = out;
        out.write_all(&bytes).map_err(Stop::Write)?;
        return Ok(out);
    }
    let (mut body, counter) = prepared(body_of(doc, true).map_err(Stop::Render)?, None).map_err(Stop::Render)?;
    let document = std::mem::replace(&mut body.document, package::BODY_MARK.to_string());
    let breaks = Breaks::of(doc);
    let mut fill = |out: &mut dyn Write| -> Result<(), Stop<std::convert::Infallible>> {
        let mut counter = counter;
        let mut rest = document.as_str();
        while let Some(mark) = rest.find(TABLE_MARK) {
            let fail = |what: &str| Stop::Render(Refused::other("docx", what));
            let start = rest[..mark].rfind("<w:p ").ok_or_else(|| fail("no table mark paragraph"))?;
            let digits: String = rest[mark + TABLE_MARK.len()..].chars().take_while(char::is_ascii_digit).collect();
            let index: usize = digits.parse().map_err(|_| fail("table mark without its block"))?;
            let end = mark + rest[mark..].find("</w:p>").ok_or_else(|| fail("unclosed table mark"))? + "</w:p>".len();
            write_numbered(out, &rest.as_bytes()[..start], &mut counter).map_err(Stop::Write)?;
            let Some(Block::Table(table)) = doc.blocks.get(index) else { return Err(fail("table mark on no table")) };
            write_table(out, table, &breaks, index, &mut counter)?;
            rest = &rest[end..];
        }
        write_numbered(out, rest.as_bytes(), &mut counter).map_err(Stop::Write)
    };
    package::zip_into(body, &doc.meta, out, &mut fill)
}

/// The tables of table block `index`, as [`flow`] makes them whole, written
/// part by part and each part `CHUNK_ROWS` rows at a time.
fn write_table(
    out: &mut dyn Write,
    table: &Table,
    breaks: &Breaks,
    index: usize,
    counter: &mut u32,
) -> Result<(), Stop<std::convert::Infallible>> {
    let set = table_set(table);
    let xml = |element: String| -> Result<String, Stop<std::convert::Infallible>> {
        schema::reorder(&fixed(element)).map_err(Stop::Render)
    };
    let built = |bytes: Vec<u8>| String::from_utf8(bytes).map_err(|e| Stop::Render(Refused::other("docx", e)));
    for (part, (from, to)) in flow::table_parts(table, breaks.splits(index)).into_iter().enumerate() {
        if part > 0 {
            let paragraph = xml(built(flow::split_paragraph().build())?)?;
            write_numbered(out, paragraph.as_bytes(), counter).map_err(Stop::Write)?;
        }
        let opens_page = part == 0 && breaks.opens_page(index);
        let mut at = from;
        let mut first = true;
        loop {
            let until = (at + CHUNK_ROWS).min(to);
            let piece = flow::data_table(table, &set, (at, until), from, opens_page, first);
            let piece = xml(built(piece.build())?)?;
            let close =
                piece.rfind("</w:tbl>").ok_or_else(|| Stop::Render(Refused::other("docx", "unclosed table")))?;
            // The first piece opens the table (properties, grid, header
            // rows); the others give only their rows.
            let rows_from = if first { 0 } else { piece.find("<w:tr").unwrap_or(close) };
            write_numbered(out, &piece.as_bytes()[rows_from..close], counter).map_err(Stop::Write)?;
            first = false;
            at = until;
            if at >= to {
                break;
            }
        }
        out.write_all(b"</w:tbl>").map_err(Stop::Write)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Align, Metadata, Page, Row};

    fn table(rows: usize, header: bool) -> Table {
        let row = |i: usize| Row {
            cells: vec![
                (i + 1).to_string(),
                format!("Nguyễn Văn {i} — đội 2‑3 & <A>"),
                // Every so often a long text over several lines.
                if i.is_multiple_of(97) { "Phòng Cảnh sát ".repeat(12) } else { format!("Đơn vị {}", i % 13) },
            ],
            // Section rows keep with the rows after them.
            bold: i.is_multiple_of(700),
        };
        Table {
            columns: vec![14.0, 68.0, 83.0],
            aligns: vec![Align::Center, Align::Left, Align::Left],
            header: if header {
                vec![Row { cells: vec!["STT".into(), "Tên".into(), "Chức vụ, đơn vị".into()], bold: true }]
            } else {
                Vec::new()
            },
            rows: (0..rows).map(row).collect(),
            size: 13.0,
        }
    }

    /// Each part of a DOCX: its name and unzipped bytes, in package order.
    fn parts(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
        use std::io::Read as _;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).unwrap();
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes).unwrap();
                (file.name().to_string(), bytes)
            })
            .collect()
    }

    #[test]
    fn a_streamed_document_holds_the_whole_ones_parts() {
        let doc = Document {
            meta: Metadata { title: "Danh sách".into(), ..Metadata::default() },
            page: Page::A4,
            page_numbers: true,
            blocks: vec![
                Block::Table(table(2_600, true)),
                Block::SectionBreak,
                Block::Table(table(1_100, false)),
                Block::Table(table(20, true)),
            ],
        };
        let whole = render(&doc).unwrap();
        let streamed = write_stream(&doc, std::io::Cursor::new(Vec::new())).map_err(|_| "stream").unwrap().into_inner();
        // The parts are the same bytes, in the same order; the deflated
        // stream differs only by where the writes were cut.
        assert_eq!(parts(&whole), parts(&streamed));
        assert!(parts(&streamed).iter().any(|(name, xml)| name == "word/document.xml" && xml.len() > 1_000_000));
    }
}
