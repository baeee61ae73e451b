//! Page flow: breaks a [`Document`] into pages of positioned text runs
//! and rules, in points from the top-left corner, by the rules a word
//! processor follows for the DOCX, so both break pages alike:
//!
//! - lines have exact heights; between two paragraphs the larger of the
//!   space after the first and the space before the second;
//! - a paragraph leaves no single line at a page's foot or head (widow and
//!   orphan control); a paragraph that keeps with the next moves whole with
//!   it, down to the lines the next one cannot do without;
//! - a table opens with its header and two rows, repeats its header on
//!   every page, keeps a group row with the row after it and a total row
//!   with the row before it ([`super::table`]);
//! - the NĐ 30 parts are set once ([`super::nd30`]) and never split.
//!
//! [`flow`] also says where each page after the first begins, so the DOCX
//! can make those breaks explicit.

use super::frame::{Item, Laid, TextRun};
use super::nd30::{self, span_words};
use super::table::{self, break_row, line_runs, opening_rows, row_items, table_set};
use crate::doc::*;
use crate::text::breaks::balanced_lines;
use crate::text::fonts::Face;
use crate::text::measure::{ascent, break_lines, cut_long_words, Line, Word, LINE_HEIGHT, PT_PER_MM};

/// Where a page after the first begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageStart {
    /// Block `i` opens the page (a section, or a block moved on whole).
    Block(usize),
    /// Paragraph `i` goes on (widow and orphan control breaks it alike).
    Line(usize),
    /// Table `block` goes on at body row `row`; `early` when a keep moved
    /// rows on before the page was full.
    Row { block: usize, row: usize, early: bool },
    /// The empty paragraph after table `i` opens the page.
    AfterTable(usize),
}

/// A document laid out, and where its pages begin.
pub(crate) struct Flow {
    pub(crate) laid: Laid,
    pub(crate) starts: Vec<PageStart>,
}

/// Height of the empty paragraph after every table (a DOCX needs one
/// between two tables), pt.
pub(crate) const AFTER_TABLE: f32 = 9.0 * LINE_HEIGHT;
/// Space around a chart's picture, pt: its paragraph is this much taller.
pub(crate) const CHART_MARGIN: f32 = 6.0;
/// Space after a chart's paragraph, pt.
pub(crate) const CHART_AFTER: f32 = 6.0;
/// Height of the paragraph that ends a DOCX section (one point), pt.
const SECTION_END: f32 = 1.0;

/// Lays out `doc` into pages.
pub(crate) fn layout(doc: &Document) -> Laid {
    flow(doc).laid
}

/// Lays out `doc` into pages and says where each page begins.
pub(crate) fn flow(doc: &Document) -> Flow {
    let page = doc.page;
    let mut cursor =
        Cursor { page, pages: vec![Vec::new()], starts: Vec::new(), y: page.top * PT_PER_MM, after: 0.0, fresh: true };
    // Index of the first page of each numbering section.
    let mut section_starts = vec![0];
    for (i, block) in doc.blocks.iter().enumerate() {
        let following = &doc.blocks[i + 1..];
        match block {
            Block::Header(header) => cursor.header(header, Family::State),
            Block::PartyHeader(header) => cursor.header(header, Family::Party),
            Block::Title(title) => cursor.title(title),
            Block::Paragraph(paragraph) => cursor.paragraph(i, paragraph, following),
            Block::Table(table) => cursor.table(i, table),
            Block::Signature(signature) => cursor.signature(i, &signature.as_signatures(), following),
            Block::Signatures(signatures) => cursor.signature(i, signatures, following),
            Block::Chart(chart) => cursor.chart(i, chart),
            Block::SectionBreak => {
                cursor.new_page(PageStart::Block(i));
                section_starts.push(cursor.pages.len() - 1);
            }
        }
    }
    let mut pages = cursor.pages;
    if doc.page_numbers {
        for (index, items) in pages.iter_mut().enumerate() {
            let start = section_starts.iter().rev().find(|&&s| s <= index).copied().unwrap_or(0);
            let number = index - start + 1;
            if number == 1 {
                continue;
            }
            let text = number.to_string();
            let size = nd30::PAGE_NUMBER;
            let width = Face::Regular.metrics().width(&text, size);
            // Centred over the text block, as the DOCX's centred header
            // paragraph is (NĐ 30: centred across, in the top margin).
            let centre = page.left + page.text_width() / 2.0;
            items.push(Item::Text(TextRun {
                x: centre * PT_PER_MM - width / 2.0,
                baseline: page.top * PT_PER_MM * 0.6,
                size,
                face: Face::Regular,
                text,
                word_spacing: 0.0,
                color: Color::BLACK,
            }));
        }
    }
    let laid = Laid { width: page.width * PT_PER_MM, height: page.height * PT_PER_MM, common: Vec::new(), pages };
    Flow { laid, starts: cursor.starts }
}

/// Lines a paragraph of `count` lines needs at a page's foot to begin
/// there: all of three or fewer (two and one would leave a widow or an
/// orphan), else two.
fn opening_lines(count: usize) -> usize {
    if count <= 3 {
        count
    } else {
        2
    }
}

/// A paragraph's words and the widths of its first and other lines, pt.
pub(crate) struct ParagraphSet {
    pub(crate) words: Vec<Word>,
    pub(crate) first: f32,
    pub(crate) rest: f32,
    /// A paragraph in one face not justified (a heading, an authority line,
    /// Kính gửi): balanced lines broken where a Vietnamese reader breaks
    /// them, which the DOCX writes with explicit line breaks. Justified body
    /// text breaks greedily, as word processors break it.
    pub(crate) balanced: bool,
}

impl ParagraphSet {
    pub(crate) fn new(paragraph: &Paragraph, text_width: f32) -> ParagraphSet {
        let style = paragraph.style;
        let rest = text_width - style.left_indent * PT_PER_MM;
        let first = rest - style.first_indent * PT_PER_MM;
        let words = cut_long_words(span_words(&paragraph.spans, style.size), first.min(rest), style.size);
        let one_face = paragraph.spans.windows(2).all(|w| (w[0].bold, w[0].italic) == (w[1].bold, w[1].italic));
        let balanced = style.align != Align::Justify && one_face;
        ParagraphSet { words, first, rest, balanced }
    }

    pub(crate) fn lines(&self) -> Vec<Line<'_>> {
        if self.balanced {
            balanced_lines(&self.words, self.first, self.rest)
        } else {
            break_lines(&self.words, self.first, self.rest)
        }
    }
}

/// Lines of text set in a box, centred or not: the items.
fn lines_box(lines: &[String], face: Face, size: f32, align: Align, x: f32, top: f32, width: f32) -> Vec<Item> {
    let line_height = size * LINE_HEIGHT;
    let mut items = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line_width = face.metrics().width(line, size);
        let x = match align {
            Align::Left | Align::Justify => x,
            Align::Center => x + (width - line_width) / 2.0,
            Align::Right => x + width - line_width,
        };
        let baseline = top + i as f32 * line_height + ascent(size);
        items.push(Item::Text(TextRun {
            x,
            baseline,
            size,
            face,
            text: line.clone(),
            word_spacing: 0.0,
            color: Color::BLACK,
        }));
    }
    items
}

/// One signature block: authority lines, the room to sign, the name,
/// centred in the column at `x`.
/// Names stand `authority_lines` lines under the top, level across blocks.
fn signer_items(block: (&[String], &[String]), authority_lines: usize, x: f32, top: f32, width: f32) -> Vec<Item> {
    let (authority, name) = block;
    let mut items = lines_box(authority, Face::Bold, nd30::SIGNATURE, Align::Center, x, top, width);
    let name_top = top + nd30::lines_height(authority_lines, nd30::SIGNATURE) + nd30::SIGNING_SPACE_MM * PT_PER_MM;
    items.extend(lines_box(name, Face::Bold, nd30::SIGNATURE, Align::Center, x, name_top, width));
    items
}

fn rule(x_center: f32, length: f32, y: f32) -> Item {
    Item::Rule {
        x1: x_center - length / 2.0,
        y1: y,
        x2: x_center + length / 2.0,
        y2: y,
        width: nd30::RULE_WIDTH,
        color: Color::BLACK,
    }
}

struct Cursor {
    page: Page,
    pages: Vec<Vec<Item>>,
    starts: Vec<PageStart>,
    /// Top of the free space on the current page, points.
    y: f32,
    /// The space after the last paragraph, still to come: what follows
    /// starts the larger of it and its own space before further down.
    after: f32,
    /// Nothing is on this page yet.
    fresh: bool,
}

impl Cursor {
    fn left(&self) -> f32 {
        self.page.left * PT_PER_MM
    }

    fn width(&self) -> f32 {
        self.page.text_width() * PT_PER_MM
    }

    fn bottom(&self) -> f32 {
        (self.page.height - self.page.bottom) * PT_PER_MM
    }

    fn new_page(&mut self, start: PageStart) {
        self.pages.push(Vec::new());
        self.starts.push(start);
        self.y = self.page.top * PT_PER_MM;
        self.after = 0.0;
        self.fresh = true;
    }

    /// Space before a paragraph with `before` of its own.
    fn gap(&self, before: f32) -> f32 {
        if self.fresh {
            before
        } else {
            self.after.max(before)
        }
    }

    /// Whether `height` more fits on this page.
    fn fits(&self, height: f32) -> bool {
        self.y + height <= self.bottom() + 0.01
    }

    fn emit(&mut self, items: impl IntoIterator<Item = Item>) {
        self.pages.last_mut().expect("a page is open").extend(items);
        self.fresh = false;
    }

    fn header(&mut self, header: &Header, family: Family) {
        let set = nd30::header_set(header, family, self.page.text_width());
        let (left_width, right_width) = (set.left_mm * PT_PER_MM, set.right_mm * PT_PER_MM);
        let left_x = self.left();
        let right_x = left_x + left_width;
        let top = self.y;

        let look = set.look;
        // Left: parent body, issuing body, short rule (or the Party's star) under it.
        let mut items = lines_box(&set.parent, Face::Regular, look.agency, Align::Center, left_x, top, left_width);
        let issuer_top = top + nd30::lines_height(set.parent.len(), look.agency);
        items.extend(lines_box(&set.issuer, Face::Bold, look.agency, Align::Center, left_x, issuer_top, left_width));
        if look.star {
            let star = [nd30::STAR.to_string()];
            let star_top = top + set.left_text_height();
            items.extend(lines_box(&star, Face::Regular, look.agency, Align::Center, left_x, star_top, left_width));
        } else {
            let rule_y = top + set.left_text_height() + nd30::RULE_GAP + nd30::RULE_BAND - nd30::RULE_WIDTH / 2.0;
            items.push(rule(left_x + left_width / 2.0, set.issuer_rule, rule_y));
        }

        // Right: Quốc hiệu and Tiêu ngữ (or the Party's title) with a rule
        // as long as the last line.
        let national = [look.title.to_string()];
        items.extend(lines_box(&national, Face::Bold, look.title_size, Align::Center, right_x, top, right_width));
        if let Some((motto, size)) = look.motto {
            let motto_top = top + look.title_size * LINE_HEIGHT;
            let motto = [motto.to_string()];
            items.extend(lines_box(&motto, Face::Bold, size, Align::Center, right_x, motto_top, right_width));
        }
        let rule_y = top + set.right_text_height() + nd30::RULE_GAP + nd30::RULE_BAND - nd30::RULE_WIDTH / 2.0;
        items.push(rule(right_x + right_width / 2.0, look.right_rule(), rule_y));

        // Số and the place/date line share one row.
        let row_top = top + set.top_height + nd30::NUMBER_GAP;
        items.extend(lines_box(&set.number, Face::Regular, look.number, Align::Center, left_x, row_top, left_width));
        items.extend(lines_box(
            &set.place_date,
            Face::Italic,
            look.place_date,
            Align::Center,
            right_x,
            row_top,
            right_width,
        ));
        self.emit(items);
        self.y = top + set.height();
        self.after = 0.0;
    }

    fn title(&mut self, title: &Title) {
        let set = nd30::title_set(title, self.page.text_width());
        let (x, width) = (self.left(), self.width());
        let mut y = self.y + self.gap(nd30::TITLE_SPACE);
        let mut items = lines_box(&set.kind, Face::Bold, nd30::TITLE, Align::Center, x, y, width);
        y += nd30::lines_height(set.kind.len(), nd30::TITLE);
        items.extend(lines_box(&set.subject, Face::Bold, nd30::TITLE, Align::Center, x, y, width));
        y += nd30::lines_height(set.subject.len(), nd30::TITLE);
        items.extend(lines_box(&set.note, Face::Italic, nd30::TITLE, Align::Center, x, y, width));
        y += nd30::lines_height(set.note.len(), nd30::TITLE) + nd30::RULE_GAP + nd30::RULE_BAND;
        items.push(rule(x + width / 2.0, set.rule, y - nd30::RULE_WIDTH / 2.0));
        self.emit(items);
        self.y = y;
        self.after = nd30::TITLE_SPACE;
    }

    fn paragraph(&mut self, index: usize, paragraph: &Paragraph, following: &[Block]) {
        let style = paragraph.style;
        let set = ParagraphSet::new(paragraph, self.width());
        let lines = set.lines();
        let line_height = style.size * LINE_HEIGHT;
        let count = lines.len();
        let needed = if style.keep_with_next {
            count as f32 * line_height + self.lead(following, style.space_after)
        } else {
            opening_lines(count) as f32 * line_height
        };
        if !self.fresh && !self.fits(self.gap(style.space_before) + needed) {
            self.new_page(PageStart::Block(index));
        }
        self.y += self.gap(style.space_before);

        let left = self.left() + style.left_indent * PT_PER_MM;
        let spaces_widen = style.align == Align::Justify;
        let mut next = 0;
        while next < count {
            let room = ((self.bottom() - self.y + 0.01) / line_height).floor().max(0.0) as usize;
            let remaining = count - next;
            let take = if remaining <= room {
                remaining
            } else if remaining - room < 2 {
                // No widow: two lines go on to the next page.
                remaining - 2
            } else {
                room
            };
            // A page always takes a line (a line taller than a page).
            let take = take.max(1);
            for (i, line) in lines.iter().enumerate().skip(next).take(take) {
                let (indent, available) =
                    if i == 0 { (style.first_indent * PT_PER_MM, set.first) } else { (0.0, set.rest) };
                let spaces = line.spaces();
                let last = i + 1 == count;
                let (x, extra) = match style.align {
                    Align::Left => (left + indent, 0.0),
                    Align::Center => (left + indent + (available - line.width) / 2.0, 0.0),
                    Align::Right => (left + indent + available - line.width, 0.0),
                    Align::Justify if !last && spaces > 0 && spaces_widen => {
                        (left + indent, (available - line.width) / spaces as f32)
                    }
                    Align::Justify => (left + indent, 0.0),
                };
                let baseline = self.y + ascent(style.size);
                let items = line_runs(line, x, baseline, style.size, extra);
                self.emit(items);
                self.y += line_height;
            }
            next += take;
            if next < count {
                self.new_page(PageStart::Line(index));
            }
        }
        self.after = style.space_after;
    }

    /// Height the start of `blocks` needs on the page of what precedes it
    /// (whose space after is `after`): the lines a paragraph cannot begin
    /// without, all of one that keeps with the next and what it keeps, a
    /// table's header and opening rows, a whole signature or chart.
    fn lead(&self, blocks: &[Block], after: f32) -> f32 {
        let Some(block) = blocks.first() else {
            return 0.0;
        };
        match block {
            Block::Paragraph(p) => {
                let gap = after.max(p.style.space_before);
                let count = ParagraphSet::new(p, self.width()).lines().len();
                let line_height = p.style.size * LINE_HEIGHT;
                if p.style.keep_with_next {
                    gap + count as f32 * line_height + self.lead(&blocks[1..], p.style.space_after)
                } else {
                    gap + opening_lines(count) as f32 * line_height
                }
            }
            Block::Table(t) => {
                let set = table_set(t);
                let opening: f32 = set.rows.iter().take(opening_rows(&set, 0)).map(|r| r.height).sum();
                after + set.header_height() + opening + table::BOTTOM_BORDER
            }
            Block::Signature(s) => after + nd30::signature_set(&s.as_signatures(), self.page.text_width()).height,
            Block::Signatures(s) => after + nd30::signature_set(s, self.page.text_width()).height,
            Block::Chart(c) => after + chart_height(c),
            Block::SectionBreak => SECTION_END,
            Block::Header(_) | Block::PartyHeader(_) | Block::Title(_) => 0.0,
        }
    }

    fn signature(&mut self, index: usize, signature: &Signatures, following: &[Block]) {
        let set = nd30::signature_set(signature, self.page.text_width());
        let gap = if self.fresh { 0.0 } else { self.after };
        if !self.fresh && !self.fits(gap + set.height + self.lead(following, 0.0)) {
            self.new_page(PageStart::Block(index));
        }
        if !self.fresh {
            self.y += self.after;
        }
        let top = self.y + nd30::SIGNATURE_SPACE;
        let (left_x, left_width) = (self.left(), set.left_mm * PT_PER_MM);
        let right_width = set.right_mm * PT_PER_MM;
        let right_x = left_x + left_width;
        let mut items = Vec::new();
        // A joint paper's blocks stand in a row, the last in the right
        // column; Nơi nhận goes under them.
        let (recipients_top, right_x) = if set.joint() {
            for (i, (authority, name)) in set.beside.iter().enumerate() {
                let x = left_x + i as f32 * right_width;
                items.extend(signer_items((authority, name), set.authority_lines, x, top, right_width));
            }
            let last_x = left_x + set.beside.len() as f32 * right_width;
            (self.y + set.blocks_height + nd30::SIGNATURE_SPACE, last_x)
        } else {
            (top, right_x)
        };
        let label = [nd30::RECIPIENTS_LABEL_TEXT.to_string()];
        let label_face = if set.label_underlined { Face::Regular } else { Face::BoldItalic };
        items.extend(lines_box(&label, label_face, set.label_size, Align::Left, left_x, recipients_top, left_width));
        if set.label_underlined {
            let width = label_face.metrics().width(&label[0], set.label_size);
            let y = recipients_top + ascent(set.label_size) + set.label_size * 0.12;
            items.push(rule(left_x + width / 2.0, width, y));
        }
        let mut y = recipients_top + set.label_size * LINE_HEIGHT;
        for recipient in &set.recipients {
            items.extend(lines_box(recipient, Face::Regular, set.recipients_size, Align::Left, left_x, y, left_width));
            y += nd30::lines_height(recipient.len(), set.recipients_size);
        }
        items.extend(signer_items((&set.authority, &set.name), set.authority_lines, right_x, top, right_width));
        self.emit(items);
        self.y += set.height;
        self.after = 0.0;
    }

    fn chart(&mut self, index: usize, chart: &Chart) {
        let height = chart_height(chart);
        let gap = if self.fresh { 0.0 } else { self.after };
        if !self.fresh && !self.fits(gap + height) {
            self.new_page(PageStart::Block(index));
        }
        if !self.fresh {
            self.y += self.after;
        }
        let x = self.left() + (self.width() - chart.width * PT_PER_MM) / 2.0;
        let top = self.y + CHART_MARGIN / 2.0;
        let items: Vec<Item> = crate::render::chart::items(chart).iter().map(|i| i.moved(x, top)).collect();
        self.emit(items);
        self.y += height;
        self.after = CHART_AFTER;
    }

    fn table(&mut self, index: usize, table: &Table) {
        let set = table_set(table);
        let opening: f32 = set.rows.iter().take(opening_rows(&set, 0)).map(|r| r.height).sum();
        let gap = if self.fresh { 0.0 } else { self.after };
        // Where the rows would break here: a table too short to leave two
        // rows on each side of a break opens on the next page instead.
        let room = self.bottom() - self.y - gap - set.header_height();
        let (end, _) = break_row(&set, 0, room);
        let opens_well = end == table.rows.len() || end >= opening_rows(&set, 0);
        if !self.fresh && (!opens_well || !self.fits(gap + set.header_height() + opening + table::BOTTOM_BORDER)) {
            self.new_page(PageStart::Block(index));
        }
        if !self.fresh {
            self.y += self.after;
        }
        let x = self.left();
        self.header_rows(table, &set);
        let mut start = 0;
        while start < table.rows.len() {
            let (end, early) = break_row(&set, start, self.bottom() - self.y);
            for (row, row_set) in table.rows.iter().zip(&set.rows).take(end).skip(start) {
                let items = row_items(table, row, false, x, self.y, row_set.height);
                self.emit(items);
                self.y += row_set.height;
            }
            start = end;
            self.y += table::BOTTOM_BORDER;
            if start < table.rows.len() {
                self.new_page(PageStart::Row { block: index, row: start, early });
                if early {
                    // The DOCX splits the table there: a tiny paragraph
                    // carries the page break.
                    self.y += table::SPLIT_PARAGRAPH;
                }
                self.header_rows(table, &set);
            }
        }
        // The empty paragraph that follows every table.
        if !self.fits(AFTER_TABLE) {
            self.new_page(PageStart::AfterTable(index));
        }
        self.y += AFTER_TABLE;
        self.fresh = false;
        self.after = 0.0;
    }

    fn header_rows(&mut self, table: &Table, set: &table::TableSet) {
        let x = self.left();
        for (row, row_set) in table.header.iter().zip(&set.header) {
            let items = row_items(table, row, true, x, self.y, row_set.height);
            self.emit(items);
            self.y += row_set.height;
        }
    }
}

/// Height of a chart's paragraph, pt.
pub(crate) fn chart_height(chart: &Chart) -> f32 {
    chart.height * PT_PER_MM + CHART_MARGIN
}
