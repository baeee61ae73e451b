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
    BorderType, BreakType, HeightRule, Paragraph as DocxParagraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Pic, Run, Table as DocxTable, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use super::styles::{self, face, paragraph, plain, Line, Look, Style};
use super::units::twips;
use crate::doc::*;
use crate::render::flow::{self, PageStart, ParagraphSet, AFTER_TABLE, CHART_AFTER};
use crate::render::nd30::{self, MOTTO_TEXT, NATIONAL_NAME};
use crate::render::table::{table_set, TableSet, CELL_PAD_Y};
use crate::render::Refused;
use crate::text::fonts::Face;
use crate::text::measure::{unbreakable_dashes, CELL_PADDING_MM, LINE_HEIGHT, PT_PER_MM};

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
pub(super) enum Element {
    // Boxed: docx-rs's paragraph and table are kilobytes each, moved
    // around by the thousand in a long list.
    Paragraph(Box<DocxParagraph>),
    Table(Box<DocxTable>),
}

fn pt_twips(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}

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

    /// The body rows of table block `index` a keep moved to a new page.
    pub(super) fn splits(&self, index: usize) -> &[usize] {
        self.splits.get(&index).map_or(&[][..], Vec::as_slice)
    }

    /// Whether block `index` opens a page.
    pub(super) fn opens_page(&self, index: usize) -> bool {
        self.blocks.contains(&index)
    }
}

/// Tables of at least this many body rows are written in pieces when the
/// DOCX is streamed (a decision's list of 100,000 names).
pub(super) const STREAMED_ROWS: usize = 1000;

/// The text of the paragraph a streamed table is written in place of,
/// followed by its block's index.
pub(super) const TABLE_MARK: &str = "BAOCAO-TABLE-GOES-HERE-";

/// The elements of `blocks`, the first being block `offset` of the document.
/// With `streamed`, a long table ([`STREAMED_ROWS`]) is a paragraph of
/// [`TABLE_MARK`] and its index, for the stream to write the table there.
pub(super) fn elements(
    blocks: &[Block],
    offset: usize,
    page: Page,
    breaks: &Breaks,
    streamed: bool,
) -> Result<Vec<Element>, Refused> {
    let mut out = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let index = offset + i;
        let break_before = breaks.blocks.contains(&index);
        match block {
            Block::Header(header) => out.push(Element::Table(Box::new(header_grid(header, Family::State, page)))),
            Block::PartyHeader(header) => out.push(Element::Table(Box::new(header_grid(header, Family::Party, page)))),
            Block::Title(title) => {
                out.extend(title_paragraphs(title, page).into_iter().map(|p| Element::Paragraph(Box::new(p))))
            }
            Block::Paragraph(p) => {
                out.push(Element::Paragraph(Box::new(styled(p, page.text_width()).page_break_before(break_before))))
            }
            Block::Table(table) => {
                if streamed && table.rows.len() >= STREAMED_ROWS {
                    let mark = format!("{TABLE_MARK}{index}");
                    out.push(Element::Paragraph(Box::new(
                        plain(&styles::ANCHOR, &[]).add_run(Run::new().add_text(mark)),
                    )));
                } else {
                    out.extend(data_tables(table, breaks.splits(index), break_before));
                }
                let style = &styles::AFTER_TABLE;
                let look = Look { line: Line::Exact(AFTER_TABLE), ..style.look };
                let after = paragraph(style, look, &[]).page_break_before(breaks.after_tables.contains(&index));
                out.push(Element::Paragraph(Box::new(after)));
            }
            Block::Signature(signature) => {
                out.push(Element::Table(Box::new(signature_table(signature, page, break_before))))
            }
            Block::Signatures(signatures) => {
                let set = nd30::signature_set(signatures, page.text_width());
                out.push(Element::Table(Box::new(family_signature_table(&set, break_before))))
            }
            Block::Chart(chart) => {
                out.push(Element::Paragraph(Box::new(chart_paragraph(chart, index).page_break_before(break_before))))
            }
            Block::SectionBreak => unreachable!("sections are split before"),
        }
    }
    Ok(out)
}

/// A body paragraph in the named style of its role: exact lines, and a
/// heading or closing sentence kept whole with what follows. A centred
/// paragraph gets the PDF's balanced lines, as explicit line breaks.
fn styled(p: &Paragraph, text_width_mm: f32) -> DocxParagraph {
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
    let set = ParagraphSet::new(p, text_width_mm * PT_PER_MM);
    let out = match p.spans.first() {
        Some(span) if set.balanced => {
            let lines: Vec<String> = set.lines().iter().map(|l| l.text()).collect();
            lines_paragraph(style, look, &lines, (span.bold, span.italic))
        }
        _ => paragraph(style, look, &p.spans),
    };
    if s.keep_with_next {
        out.keep_lines(true)
    } else {
        out
    }
}

/// Runs of pre-broken `lines` (one face) at `size` in a paragraph whose
/// style looks like `base`, a line break between each two.
fn line_runs(lines: &[String], look: (bool, bool), base: &Look, size: f32) -> Vec<Run> {
    let count = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let r = face(Run::new().add_text(unbreakable_dashes(line)), look, base, size);
            if i + 1 < count {
                r.add_break(BreakType::TextWrapping)
            } else {
                r
            }
        })
        .collect()
}

/// A paragraph in `style` set as `look`, of pre-broken `lines` in one face.
fn lines_paragraph(style: &Style, look: Look, lines: &[String], bold_italic: (bool, bool)) -> DocxParagraph {
    line_runs(lines, bold_italic, &style.look, look.size)
        .into_iter()
        .fold(paragraph(style, look, &[]), DocxParagraph::add_run)
}

/// `lines` in `style` as the style sets them.
fn plain_lines(style: &Style, lines: &[String], bold_italic: (bool, bool)) -> DocxParagraph {
    lines_paragraph(style, style.look, lines, bold_italic)
}

/// Row `height` (pt) as an exact DOCX row height.
fn exact_row(row: TableRow, height: f32) -> TableRow {
    row.row_height(pt_twips(height) as f32).height_rule(HeightRule::Exact)
}

fn header_grid(header: &Header, family: Family, page: Page) -> DocxTable {
    let set = nd30::header_set(header, family, page.text_width());
    let mut left = Vec::new();
    if !set.parent.is_empty() {
        left.push(plain_lines(&styles::PARENT_BODY, &set.parent, (false, false)));
    }
    let issuer = &styles::ISSUER;
    left.push(lines_paragraph(issuer, Look { after: nd30::RULE_GAP, ..issuer.look }, &set.issuer, (true, false)));
    left.push(rule(set.left_mm, set.issuer_rule, 0.0));

    let motto = &styles::MOTTO;
    let right = vec![
        plain_lines(&styles::NATIONAL, &[NATIONAL_NAME.to_string()], (true, false)),
        lines_paragraph(motto, Look { after: nd30::RULE_GAP, ..motto.look }, &[MOTTO_TEXT.to_string()], (true, false)),
        rule(set.right_mm, Face::Bold.metrics().width(MOTTO_TEXT, nd30::MOTTO), 0.0),
    ];
    let (left, right) = if set.look.star { party_header_parts(&set) } else { (left, right) };
    let top = TableRow::new(vec![cell(set.left_mm, left), cell(set.right_mm, right)]).cant_split();
    let mut rows = vec![exact_row(top, set.top_height)];
    if set.row_height > 0.0 {
        let (number_style, date_style) = (&styles::NUMBER, &styles::PLACE_DATE);
        let number = lines_paragraph(
            number_style,
            Look { before: nd30::NUMBER_GAP, ..sized(number_style, set.look.number) },
            &set.number,
            (false, false),
        );
        let date_look = Look { before: nd30::NUMBER_GAP, ..sized(date_style, set.look.place_date) };
        let place_date = lines_paragraph(date_style, date_look, &set.place_date, (false, true));
        let row = TableRow::new(vec![cell(set.left_mm, vec![number]), cell(set.right_mm, vec![place_date])]);
        rows.push(exact_row(row.cant_split(), set.row_height));
    }
    grid(&[set.left_mm, set.right_mm], rows)
}

/// `style`'s look at `size` points, lines as high as the size needs.
fn sized(style: &Style, size: f32) -> Look {
    if size == style.look.size {
        return style.look;
    }
    Look { size, line: Line::Exact(size * LINE_HEIGHT), ..style.look }
}

/// A Party header's top row (HD 36): the bodies with the star under them
/// left; "ĐẢNG CỘNG SẢN VIỆT NAM" and its rule, as long as itself, right.
fn party_header_parts(set: &nd30::HeaderSet) -> (Vec<DocxParagraph>, Vec<DocxParagraph>) {
    let look = set.look;
    let mut left = Vec::new();
    if !set.parent.is_empty() {
        left.push(lines_paragraph(
            &styles::PARENT_BODY,
            sized(&styles::PARENT_BODY, look.agency),
            &set.parent,
            (false, false),
        ));
    }
    left.push(lines_paragraph(&styles::ISSUER, sized(&styles::ISSUER, look.agency), &set.issuer, (true, false)));
    let star = sized(&styles::PARENT_BODY, look.agency);
    left.push(lines_paragraph(&styles::PARENT_BODY, star, &[nd30::STAR.to_string()], (false, false)));
    let title_style = &styles::NATIONAL;
    let title_look = Look { after: nd30::RULE_GAP, ..sized(title_style, look.title_size) };
    let right = vec![
        lines_paragraph(title_style, title_look, &[look.title.to_string()], (true, false)),
        rule(set.right_mm, look.right_rule(), 0.0),
    ];
    (left, right)
}

fn title_paragraphs(title: &Title, page: Page) -> Vec<DocxParagraph> {
    let set = nd30::title_set(title, page.text_width());
    let (kind_style, subject_style) = (&styles::KIND, &styles::SUBJECT);
    let kind_look = Look { before: nd30::TITLE_SPACE, keep_next: true, ..kind_style.look };
    let kind = lines_paragraph(kind_style, kind_look, &set.kind, (true, false));
    // The trích yếu and the note: one paragraph, bold lines then italic ones.
    let look = Look { after: nd30::RULE_GAP, keep_next: true, ..subject_style.look };
    let mut runs = line_runs(&set.subject, (true, false), &subject_style.look, look.size);
    if !set.note.is_empty() {
        if let Some(last) = runs.pop() {
            runs.push(last.add_break(BreakType::TextWrapping));
        }
        runs.extend(line_runs(&set.note, (false, true), &subject_style.look, look.size));
    }
    let subject = runs.into_iter().fold(paragraph(subject_style, look, &[]), DocxParagraph::add_run);
    let rule = rule(page.text_width(), set.rule, nd30::TITLE_SPACE);
    vec![kind, subject, rule]
}

fn signature_table(signature: &Signature, page: Page, break_before: bool) -> DocxTable {
    let set = nd30::signature_set(&signature.as_signatures(), page.text_width());
    let label_style = &styles::RECIPIENTS_LABEL;
    let label_look = Look { before: nd30::SIGNATURE_SPACE, ..label_style.look };
    let label = lines_paragraph(label_style, label_look, &[nd30::RECIPIENTS_LABEL_TEXT.to_string()], (true, true))
        .page_break_before(break_before);
    let mut left = vec![label];
    left.extend(set.recipients.iter().map(|r| plain_lines(&styles::RECIPIENTS, r, (false, false))));
    let title = &styles::SIGNER_TITLE;
    let authority =
        lines_paragraph(title, Look { before: nd30::SIGNATURE_SPACE, ..title.look }, &set.authority, (true, false));
    let space = plain(&styles::SIGNING_SPACE, &[]);
    let name = plain_lines(&styles::SIGNER_NAME, &set.name, (true, false));
    let row = TableRow::new(vec![cell(set.left_mm, left), cell(set.right_mm, vec![authority, space, name])]);
    grid(&[set.left_mm, set.right_mm], vec![exact_row(row.cant_split(), set.height)])
}

/// One signature block's paragraphs: authority lines, room to sign, name.
/// The name stands `authority_lines` lines down, level with the other
/// blocks' names.
fn signer_paragraphs(block: (&[String], &[String]), authority_lines: usize, before: f32) -> Vec<DocxParagraph> {
    let (authority, name) = block;
    let title = &styles::SIGNER_TITLE;
    let name_style = &styles::SIGNER_NAME;
    let lower = (authority_lines - authority.len()) as f32 * nd30::SIGNATURE * LINE_HEIGHT;
    vec![
        lines_paragraph(title, Look { before, ..title.look }, authority, (true, false)),
        plain(&styles::SIGNING_SPACE, &[]),
        lines_paragraph(name_style, Look { before: lower, ..name_style.look }, name, (true, false)),
    ]
}

/// Nơi nhận as the Party writes it (label underlined, upright) or, on a
/// joint paper, under the row of blocks; as NĐ 30 writes it otherwise.
fn recipients_paragraphs(set: &nd30::SignatureSet, before: f32, break_before: bool) -> Vec<DocxParagraph> {
    let label_style = &styles::RECIPIENTS_LABEL;
    let label_look = Look { before, ..sized(label_style, set.label_size) };
    let text = [nd30::RECIPIENTS_LABEL_TEXT.to_string()];
    let label = if set.label_underlined {
        let run =
            face(Run::new().add_text(&text[0]), (false, false), &label_style.look, label_look.size).underline("single");
        paragraph(label_style, label_look, &[]).add_run(run)
    } else {
        lines_paragraph(label_style, label_look, &text, (true, true))
    };
    let mut out = vec![label.page_break_before(break_before)];
    let items = sized(&styles::RECIPIENTS, set.recipients_size);
    out.extend(set.recipients.iter().map(|r| lines_paragraph(&styles::RECIPIENTS, items, r, (false, false))));
    out
}

/// The signature of a Party paper or a joint one: one row as NĐ 30's
/// (Nơi nhận left, the block right), or a joint paper's row of blocks
/// with Nơi nhận in a row under them.
fn family_signature_table(set: &nd30::SignatureSet, break_before: bool) -> DocxTable {
    let space = nd30::SIGNATURE_SPACE;
    if !set.joint() {
        let left = recipients_paragraphs(set, space, break_before);
        let right = signer_paragraphs((&set.authority, &set.name), set.authority_lines, space);
        let row = TableRow::new(vec![cell(set.left_mm, left), cell(set.right_mm, right)]);
        return grid(&[set.left_mm, set.right_mm], vec![exact_row(row.cant_split(), set.height)]);
    }
    let mut blocks: Vec<TableCell> = set
        .beside
        .iter()
        .map(|(authority, name)| cell(set.right_mm, signer_paragraphs((authority, name), set.authority_lines, space)))
        .collect();
    blocks.push(cell(set.right_mm, signer_paragraphs((&set.authority, &set.name), set.authority_lines, space)));
    if break_before {
        // The page break rides on the row's first paragraph.
        let first = signer_paragraphs((&set.beside[0].0, &set.beside[0].1), set.authority_lines, space);
        let mut first = first.into_iter();
        let opened = first.next().map(|p| p.page_break_before(true));
        blocks[0] = cell(set.right_mm, opened.into_iter().chain(first).collect());
    }
    let columns = blocks.len();
    let under = vec![cell(set.left_mm, recipients_paragraphs(set, space, false)).grid_span(columns)];
    let rows = vec![
        exact_row(TableRow::new(blocks).cant_split(), set.blocks_height),
        exact_row(TableRow::new(under).cant_split(), set.height - set.blocks_height),
    ];
    grid(&vec![set.right_mm; columns], rows)
}

/// The body row height rule marking a header row for the body (`body::fixed`),
/// which makes it exact and repeated (`w:tblHeader`); no other row uses it.
pub(super) const HEADER_ROW_MARK: (&str, &str) = (r#"w:hRule="auto" />"#, r#"w:hRule="exact" /><w:tblHeader />"#);

/// The table as DOCX tables: one, or one per run of rows the PDF moved on
/// early (each with the header rows, after a paragraph breaking the page).
fn data_tables(table: &Table, splits: &[usize], break_before: bool) -> Vec<Element> {
    let set = table_set(table);
    let mut out = Vec::new();
    for (part, (from, to)) in table_parts(table, splits).into_iter().enumerate() {
        if part > 0 {
            out.push(Element::Paragraph(Box::new(split_paragraph())));
        }
        let opens_page = part == 0 && break_before;
        out.push(Element::Table(Box::new(data_table(table, &set, (from, to), from, opens_page, true))));
    }
    out
}

/// The runs of body rows (from, to) that [`data_tables`] makes tables of.
pub(super) fn table_parts(table: &Table, splits: &[usize]) -> Vec<(usize, usize)> {
    let mut bounds = vec![0];
    bounds.extend(splits.iter().copied());
    bounds.push(table.rows.len());
    bounds.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The paragraph between two parts of a table: one point high
/// (table::SPLIT_PARAGRAPH), it carries the page break and keeps the two
/// tables apart.
pub(super) fn split_paragraph() -> DocxParagraph {
    plain(&styles::ANCHOR, &[]).page_break_before(true)
}

/// One DOCX table of `table`'s body rows `rows` (a part starting at body
/// row `part_from`), with the header rows when `with_header`; a part that
/// `opens_page` breaks the page at its first row. Made in pieces, a long
/// table gives the same rows as made whole.
pub(super) fn data_table(
    table: &Table,
    set: &TableSet,
    rows: (usize, usize),
    part_from: usize,
    opens_page: bool,
    with_header: bool,
) -> DocxTable {
    let make_row = |row: &Row, height: f32, header: bool, keep: bool, first: bool| {
        let cells = row
            .cells
            .iter()
            .zip(&table.columns)
            .enumerate()
            .map(|(i, (text, width))| {
                let align = if header { Align::Center } else { table.aligns.get(i).copied().unwrap_or(Align::Left) };
                let style = if header { &styles::TABLE_HEAD } else { &styles::TABLE_TEXT };
                let look = Look {
                    size: table.size,
                    align,
                    line: Line::Exact(table.size * LINE_HEIGHT),
                    keep_next: keep,
                    ..style.look
                };
                let span = Span { text: text.clone(), bold: row.bold, italic: false };
                let mut p = paragraph(style, look, &[span]);
                if first && i == 0 {
                    p = p.page_break_before(true);
                }
                cell(*width, vec![p])
            })
            .collect();
        let row = TableRow::new(cells).cant_split().row_height(pt_twips(height) as f32);
        row.height_rule(if header { HeightRule::Auto } else { HeightRule::Exact })
    };
    let (from, to) = rows;
    let mut docx_rows: Vec<TableRow> = Vec::new();
    if with_header {
        docx_rows.extend(
            table
                .header
                .iter()
                .zip(&set.header)
                .enumerate()
                .map(|(i, (row, row_set))| make_row(row, row_set.height, true, true, opens_page && i == 0)),
        );
    }
    for (k, (row, row_set)) in table.rows.iter().zip(&set.rows).enumerate().take(to).skip(from) {
        // Word keeps a row with the next when its paragraphs do.
        let keep = row_set.keep_with_next || set.rows.get(k + 1).is_some_and(|r| r.keep_with_previous);
        let first = opens_page && table.header.is_empty() && k == part_from;
        docx_rows.push(make_row(row, row_set.height, false, keep, first));
    }
    let pad_y = pt_twips(CELL_PAD_Y) as usize;
    let pad_x = twips(CELL_PADDING_MM) as usize;
    DocxTable::new(docx_rows)
        .set_grid(table.columns.iter().map(|w| twips(*w) as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(twips(table.columns.iter().sum()) as usize, WidthType::Dxa)
        .margins(TableCellMargins::new().margin(pad_y, pad_x, pad_y, pad_x))
        .set_borders(borders())
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

/// Charts are painted at this resolution.
const CHART_DPI: f32 = 200.0;

/// Painted charts by the index of their block in the document: painting is
/// most of a summary's DOCX, so it runs beside the rest of the body, and
/// each chart's picture stands in the body as [`chart_placeholder`] until
/// [`fill_charts`] swaps the paint in.
pub(super) fn paint_charts(blocks: &[Block]) -> Result<Vec<(usize, Vec<u8>)>, Refused> {
    let mut painted = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        if let Block::Chart(chart) = block {
            let (width, height) = (chart.width * PT_PER_MM, chart.height * PT_PER_MM);
            let items = crate::render::chart::items(chart);
            painted.push((index, crate::render::raster::png(&items, width, height, CHART_DPI)?.0));
        }
    }
    Ok(painted)
}

/// The bytes that hold block `index`'s chart's place among the media,
/// distinct per chart (docx-rs stores equal pictures once).
fn chart_placeholder(index: usize) -> Vec<u8> {
    format!("baocao: chart of block {index}").into_bytes()
}

/// Puts each painted chart where its placeholder is among `media`.
pub(super) fn fill_charts(media: &mut [(String, Vec<u8>)], painted: Vec<(usize, Vec<u8>)>) -> Result<(), Refused> {
    for (index, png) in painted {
        let placeholder = chart_placeholder(index);
        let slot = media
            .iter_mut()
            .find(|(_, bytes)| *bytes == placeholder)
            .ok_or_else(|| Refused::other("docx", "a chart lost its picture"))?;
        slot.1 = png;
    }
    Ok(())
}

/// Block `index`'s chart as a picture (the PDF's vector items painted at
/// [`CHART_DPI`]) in a paragraph as tall as the PDF's: at least that tall,
/// so a word processor never clips the picture to the line.
fn chart_paragraph(chart: &Chart, index: usize) -> DocxParagraph {
    let (width, height) = (chart.width * PT_PER_MM, chart.height * PT_PER_MM);
    let (w, h) = crate::render::raster::pixels(width, height, CHART_DPI);
    // 12,700 EMU to the point.
    let picture = Pic::new_with_dimensions(chart_placeholder(index), w, h)
        .size((width * 12700.0) as u32, (height * 12700.0) as u32);
    let style = &styles::PICTURE;
    let look = Look { line: Line::AtLeast(flow::chart_height(chart)), after: CHART_AFTER, ..style.look };
    paragraph(style, look, &[]).add_run(Run::new().add_image(picture))
}
