//! The DOCX body of a [`Document`], paginated as the PDF is: the page
//! flow ([`super::flow`]) says where each page begins, and the DOCX carries
//! that intent — `keepNext`/`keepLines` on headings and closing sentences,
//! `widowControl` everywhere, `cantSplit` rows, repeated header rows
//! (`tblHeader`), every table row, the header grid and the signature block
//! at their exact heights, the NĐ 30 parts' lines broken where the PDF
//! breaks them, and an explicit page break wherever the PDF moved a block
//! or a run of table rows to the next page.

use std::collections::{HashMap, HashSet};

use docx_rs::{
    BreakType, HeightRule, LineSpacing, LineSpacingType, Paragraph as DocxParagraph, Pic, Run, SpecialIndentType,
    Table as DocxTable, TableBorder, TableBorderPosition, TableBorders, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};

use super::docx::{
    alignment, cell, exact, grid, paragraph, pt_twips, rule, run, text_line, times, tiny_paragraph, twips, Element,
};
use super::flow::{self, PageStart, ParagraphSet, AFTER_TABLE, CHART_AFTER};
use super::nd30::{self, MOTTO_TEXT, NATIONAL_NAME};
use super::table::{table_set, CELL_PAD_Y};
use crate::doc::*;
use crate::text::fonts::Face;
use crate::text::measure::{CELL_PADDING_MM, PT_PER_MM};

/// Where the PDF broke pages, by block.
pub(super) struct Breaks {
    /// Blocks that open a page.
    blocks: HashSet<usize>,
    /// Tables whose trailing empty paragraph opens a page.
    after_tables: HashSet<usize>,
    /// Per table, the body rows a keep moved to a new page.
    splits: HashMap<usize, Vec<usize>>,
}

impl Breaks {
    pub(super) fn of(doc: &Document) -> Breaks {
        let mut breaks = Breaks { blocks: HashSet::new(), after_tables: HashSet::new(), splits: HashMap::new() };
        for start in flow::flow(doc).starts {
            match start {
                PageStart::Block(i) => {
                    breaks.blocks.insert(i);
                }
                PageStart::AfterTable(i) => {
                    breaks.after_tables.insert(i);
                }
                PageStart::Row { block, row, early: true } => breaks.splits.entry(block).or_default().push(row),
                PageStart::Row { .. } | PageStart::Line(_) => {}
            }
        }
        breaks
    }
}

/// The elements of `blocks`, the first being block `offset` of the document.
pub(super) fn elements(blocks: &[Block], offset: usize, page: Page, breaks: &Breaks) -> Result<Vec<Element>, String> {
    let mut out = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let index = offset + i;
        let break_before = breaks.blocks.contains(&index);
        match block {
            Block::Header(header) => out.push(Element::Table(header_grid(header, page))),
            Block::Title(title) => out.extend(title_paragraphs(title, page).into_iter().map(Element::Paragraph)),
            Block::Paragraph(p) => {
                out.push(Element::Paragraph(styled(p, page.text_width()).page_break_before(break_before)))
            }
            Block::Table(table) => {
                let splits = breaks.splits.get(&index).map_or(&[][..], Vec::as_slice);
                out.extend(data_tables(table, splits, break_before));
                let after = paragraph(&[], 9.0, Align::Left)
                    .line_spacing(exact(pt_twips(AFTER_TABLE) as i32, 0.0, 0.0))
                    .page_break_before(breaks.after_tables.contains(&index));
                out.push(Element::Paragraph(after));
            }
            Block::Signature(signature) => out.push(Element::Table(signature_table(signature, page, break_before))),
            Block::Chart(chart) => {
                out.push(Element::Paragraph(chart_paragraph(chart)?.page_break_before(break_before)))
            }
            Block::SectionBreak => unreachable!("sections are split before"),
        }
    }
    Ok(out)
}

/// A body paragraph: exact lines, widow and orphan control, and a heading
/// or closing sentence kept whole with what follows. A centred paragraph
/// gets the PDF's balanced lines, as explicit line breaks.
fn styled(p: &Paragraph, text_width_mm: f32) -> DocxParagraph {
    let s = p.style;
    let spacing = exact(text_line(s.size), s.space_before, s.space_after);
    // w:ind left is where the lines after the first begin; a hanging first
    // line starts that far back from it.
    let left = twips(s.left_indent);
    let first = if s.first_indent > 0.0 {
        Some(SpecialIndentType::FirstLine(twips(s.first_indent)))
    } else if s.first_indent < 0.0 {
        Some(SpecialIndentType::Hanging(twips(-s.first_indent)))
    } else {
        None
    };
    let set = ParagraphSet::new(p, text_width_mm * PT_PER_MM);
    let mut out = match p.spans.first() {
        Some(span) if set.balanced => {
            let lines: Vec<String> = set.lines().iter().map(|l| l.text()).collect();
            lines_paragraph(&lines, span.bold, span.italic, s.size, s.align)
        }
        _ => paragraph(&p.spans, s.size, s.align),
    };
    out = out.line_spacing(spacing).widow_control(true);
    if s.left_indent > 0.0 || first.is_some() {
        out = out.indent(Some(left), first, None, None);
    }
    if s.keep_with_next {
        out = out.keep_next(true).keep_lines(true);
    }
    out
}

/// Runs of pre-broken `lines` (one face), a line break between each two.
fn line_runs(lines: &[String], bold: bool, italic: bool, size: f32) -> Vec<Run> {
    let count = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let r = run(&Span { text: line.clone(), bold, italic }, size);
            if i + 1 < count {
                r.add_break(BreakType::TextWrapping)
            } else {
                r
            }
        })
        .collect()
}

/// An empty paragraph at `size` with exact lines, for pre-broken runs.
fn lines_shell(size: f32, align: Align) -> DocxParagraph {
    DocxParagraph::new()
        .align(alignment(align))
        .line_spacing(exact(text_line(size), 0.0, 0.0))
        .size((size * 2.0).round() as usize)
        .fonts(times())
}

/// A paragraph of pre-broken `lines` (one face), joined by line breaks.
fn lines_paragraph(lines: &[String], bold: bool, italic: bool, size: f32, align: Align) -> DocxParagraph {
    line_runs(lines, bold, italic, size).into_iter().fold(lines_shell(size, align), DocxParagraph::add_run)
}

/// Row `height` (pt) as an exact DOCX row height.
fn exact_row(row: TableRow, height: f32) -> TableRow {
    row.row_height(pt_twips(height) as f32).height_rule(HeightRule::Exact)
}

fn header_grid(header: &Header, page: Page) -> DocxTable {
    let set = nd30::header_set(header, page.text_width());
    let agency = nd30::AGENCY;
    let mut left = Vec::new();
    if !set.parent.is_empty() {
        left.push(lines_paragraph(&set.parent, false, false, agency, Align::Center));
    }
    left.push(lines_paragraph(&set.issuer, true, false, agency, Align::Center).line_spacing(exact(
        text_line(agency),
        0.0,
        nd30::RULE_GAP,
    )));
    left.push(rule(set.left_mm, set.issuer_rule));

    let right = vec![
        lines_paragraph(&[NATIONAL_NAME.to_string()], true, false, nd30::NATIONAL, Align::Center),
        lines_paragraph(&[MOTTO_TEXT.to_string()], true, false, nd30::MOTTO, Align::Center).line_spacing(exact(
            text_line(nd30::MOTTO),
            0.0,
            nd30::RULE_GAP,
        )),
        rule(set.right_mm, Face::Bold.metrics().width(MOTTO_TEXT, nd30::MOTTO)),
    ];
    let top = TableRow::new(vec![cell(set.left_mm, left), cell(set.right_mm, right)]).cant_split();
    let mut rows = vec![exact_row(top, set.top_height)];
    if set.row_height > 0.0 {
        let gap = exact(text_line(nd30::NUMBER), nd30::NUMBER_GAP, 0.0);
        let number = lines_paragraph(&set.number, false, false, nd30::NUMBER, Align::Center).line_spacing(gap.clone());
        let place_date =
            lines_paragraph(&set.place_date, false, true, nd30::PLACE_DATE, Align::Center).line_spacing(gap);
        let row = TableRow::new(vec![cell(set.left_mm, vec![number]), cell(set.right_mm, vec![place_date])]);
        rows.push(exact_row(row.cant_split(), set.row_height));
    }
    grid(&[set.left_mm, set.right_mm], rows)
}

fn title_paragraphs(title: &Title, page: Page) -> Vec<DocxParagraph> {
    let set = nd30::title_set(title, page.text_width());
    let size = nd30::TITLE;
    let line = text_line(size);
    let kind = lines_paragraph(&set.kind, true, false, size, Align::Center)
        .line_spacing(exact(line, nd30::TITLE_SPACE, 0.0))
        .keep_next(true);
    // The trích yếu and the note: one paragraph, bold lines then italic ones.
    let mut runs = line_runs(&set.subject, true, false, size);
    if !set.note.is_empty() {
        if let Some(last) = runs.pop() {
            runs.push(last.add_break(BreakType::TextWrapping));
        }
        runs.extend(line_runs(&set.note, false, true, size));
    }
    let subject = runs
        .into_iter()
        .fold(lines_shell(size, Align::Center), DocxParagraph::add_run)
        .line_spacing(exact(line, 0.0, nd30::RULE_GAP))
        .keep_next(true);
    let rule = rule(page.text_width(), set.rule).line_spacing(exact(40, 0.0, nd30::TITLE_SPACE));
    vec![kind, subject, rule]
}

fn signature_table(signature: &Signature, page: Page, break_before: bool) -> DocxTable {
    let set = nd30::signature_set(signature, page.text_width());
    let label =
        lines_paragraph(&[nd30::RECIPIENTS_LABEL_TEXT.to_string()], true, true, nd30::RECIPIENTS_LABEL, Align::Left)
            .line_spacing(exact(text_line(nd30::RECIPIENTS_LABEL), nd30::SIGNATURE_SPACE, 0.0))
            .page_break_before(break_before);
    let mut left = vec![label];
    left.extend(set.recipients.iter().map(|r| lines_paragraph(r, false, false, nd30::RECIPIENTS, Align::Left)));
    let size = nd30::SIGNATURE;
    let authority = lines_paragraph(&set.authority, true, false, size, Align::Center).line_spacing(exact(
        text_line(size),
        nd30::SIGNATURE_SPACE,
        0.0,
    ));
    let space = paragraph(&[], size, Align::Center).line_spacing(exact(twips(nd30::SIGNING_SPACE_MM), 0.0, 0.0));
    let name = lines_paragraph(&set.name, true, false, size, Align::Center);
    let row = TableRow::new(vec![cell(set.left_mm, left), cell(set.right_mm, vec![authority, space, name])]);
    grid(&[set.left_mm, set.right_mm], vec![exact_row(row.cant_split(), set.height)])
}

/// The body row height rule marking a header row for
/// [`super::docx::extend_document_xml`], which makes it exact and repeated
/// (`w:tblHeader`); no other row uses it.
pub(super) const HEADER_ROW_MARK: (&str, &str) = (r#"w:hRule="auto" />"#, r#"w:hRule="exact" /><w:tblHeader />"#);

/// The table as DOCX tables: one, or one per run of rows the PDF moved on
/// early (each with the header rows, after a paragraph breaking the page).
fn data_tables(table: &Table, splits: &[usize], break_before: bool) -> Vec<Element> {
    let set = table_set(table);
    let make_row = |row: &Row, height: f32, header: bool, keep: bool, first: bool| {
        let cells = row
            .cells
            .iter()
            .zip(&table.columns)
            .enumerate()
            .map(|(i, (text, width))| {
                let align = if header { Align::Center } else { table.aligns.get(i).copied().unwrap_or(Align::Left) };
                let span = Span { text: text.clone(), bold: row.bold, italic: false };
                let mut p = paragraph(&[span], table.size, align)
                    .line_spacing(exact(text_line(table.size), 0.0, 0.0))
                    .keep_next(keep);
                if first && i == 0 {
                    p = p.page_break_before(true);
                }
                cell(*width, vec![p])
            })
            .collect();
        let row = TableRow::new(cells).cant_split().row_height(pt_twips(height) as f32);
        row.height_rule(if header { HeightRule::Auto } else { HeightRule::Exact })
    };
    let mut bounds = vec![0];
    bounds.extend(splits.iter().copied());
    bounds.push(table.rows.len());
    let mut out = Vec::new();
    for (part, window) in bounds.windows(2).enumerate() {
        let (from, to) = (window[0], window[1]);
        if part > 0 {
            // One point high (table::SPLIT_PARAGRAPH): it carries the page
            // break and keeps the two tables apart.
            out.push(Element::Paragraph(tiny_paragraph().page_break_before(true)));
        }
        let opens_page = part == 0 && break_before;
        let mut rows: Vec<TableRow> = table
            .header
            .iter()
            .zip(&set.header)
            .enumerate()
            .map(|(i, (row, row_set))| make_row(row, row_set.height, true, true, opens_page && i == 0))
            .collect();
        for (k, (row, row_set)) in table.rows.iter().zip(&set.rows).enumerate().take(to).skip(from) {
            // Word keeps a row with the next when its paragraphs do.
            let keep = row_set.keep_with_next || set.rows.get(k + 1).is_some_and(|r| r.keep_with_previous);
            rows.push(make_row(row, row_set.height, false, keep, opens_page && table.header.is_empty() && k == from));
        }
        let pad_y = pt_twips(CELL_PAD_Y) as usize;
        let pad_x = twips(CELL_PADDING_MM) as usize;
        out.push(Element::Table(
            DocxTable::new(rows)
                .set_grid(table.columns.iter().map(|w| twips(*w) as usize).collect())
                .layout(TableLayoutType::Fixed)
                .width(twips(table.columns.iter().sum()) as usize, WidthType::Dxa)
                .margins(TableCellMargins::new().margin(pad_y, pad_x, pad_y, pad_x))
                .set_borders(borders()),
        ));
    }
    out
}

/// Single borders as wide as the PDF's rules (eighths of a point).
fn borders() -> TableBorders {
    let size = (nd30::RULE_WIDTH * 8.0).round() as usize;
    [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |borders, position| borders.set(TableBorder::new(position).size(size)))
}

/// A chart as a picture (the PDF's vector items painted at 200 dpi) in a
/// paragraph exactly as tall as the PDF's.
fn chart_paragraph(chart: &Chart) -> Result<DocxParagraph, String> {
    let (width, height) = (chart.width * PT_PER_MM, chart.height * PT_PER_MM);
    let (png, w, h) = crate::render::raster::png(&crate::render::chart::items(chart), width, height, 200.0)?;
    // 12,700 EMU to the point.
    let picture = Pic::new_with_dimensions(png, w, h).size((width * 12700.0) as u32, (height * 12700.0) as u32);
    let line = LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(pt_twips(flow::chart_height(chart)) as i32)
        .before(0)
        .after(pt_twips(CHART_AFTER));
    Ok(DocxParagraph::new()
        .align(alignment(Align::Center))
        .size(2)
        .line_spacing(line)
        .add_run(Run::new().size(2).add_image(picture)))
}
