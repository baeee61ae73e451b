//! Page layout for the PDF backend: breaks a [`Document`] into pages of
//! positioned text runs and rules, in points from the top-left corner.
//!
//! Lines break at spaces (Vietnamese words are syllables, so every space is
//! a syllable boundary), greedily, measured with the bundled fonts' advances;
//! justified lines widen their spaces. The NĐ 30 parts are placed by rule.
//! Certificates ([`crate::sheet_layout`]) and charts ([`crate::chart`]) are
//! laid out into the same items.

use crate::doc::*;
use crate::fonts::Face;

pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// A run of text in one face; spaces in it are widened by `word_spacing`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub face: Face,
    pub text: String,
    pub word_spacing: f32,
    pub color: Color,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A solid rule from (x1, y1) to (x2, y2), `width` points thick.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Color,
    },
    /// A filled rectangle, top-left corner and size.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        color: Color,
    },
    /// A PNG image, top-left corner and size.
    Image {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        png: std::sync::Arc<Vec<u8>>,
    },
}

impl Item {
    /// The same item moved by (dx, dy) points.
    pub fn moved(&self, dx: f32, dy: f32) -> Item {
        match self {
            Item::Text(run) => Item::Text(TextRun { x: run.x + dx, baseline: run.baseline + dy, ..run.clone() }),
            Item::Rule { x1, y1, x2, y2, width, color } => {
                Item::Rule { x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy, width: *width, color: *color }
            }
            Item::Rect { x, y, width, height, color } => {
                Item::Rect { x: x + dx, y: y + dy, width: *width, height: *height, color: *color }
            }
            Item::Image { x, y, width, height, png } => {
                Item::Image { x: x + dx, y: y + dy, width: *width, height: *height, png: png.clone() }
            }
        }
    }
}

/// Pages of items, all of one size (points).
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub width: f32,
    pub height: f32,
    /// Items on every page, under each page's own (drawn once in the PDF).
    pub common: Vec<Item>,
    pub pages: Vec<Vec<Item>>,
}

/// Sizes and spacings of the NĐ 30 parts (Phụ lục I), in points; [R]
/// marks a value the spec leaves open (kept here, in one place).
pub mod nd30 {
    pub const NATIONAL: f32 = 12.0;
    pub const MOTTO: f32 = 13.0;
    pub const AGENCY: f32 = 12.0;
    pub const NUMBER: f32 = 13.0;
    pub const PLACE_DATE: f32 = 13.0;
    pub const TITLE: f32 = 14.0;
    pub const SIGNATURE: f32 = 14.0;
    pub const RECIPIENTS_LABEL: f32 = 12.0;
    pub const RECIPIENTS: f32 = 11.0;
    pub const PAGE_NUMBER: f32 = 13.0;
    /// Narrowest and widest left header column, mm [P/R: ≈ 62–65].
    pub const LEFT_COLUMN_MM: (f32, f32) = (62.0, 80.0);
    /// The rule under the agency and the trích yếu: this share of its text line [R: 1/3–1/2].
    pub const SHORT_RULE: f32 = 1.0 / 3.0;
    pub const RULE_WIDTH: f32 = 0.5;
    /// Room to sign and stamp, mm [P/R: 25–30].
    pub const SIGNING_SPACE_MM: f32 = 28.0;
    /// Share of the text width for Nơi nhận; the signature block takes the rest.
    pub const RECIPIENTS_SHARE: f32 = 0.45;
}

pub const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// Lays out `doc` into pages.
pub fn layout(doc: &Document) -> Laid {
    let page = doc.page;
    let mut cursor = Cursor { page, pages: vec![Vec::new()], y: page.top * PT_PER_MM };
    // Index of the first page of each numbering section.
    let mut section_starts = vec![0];
    for (i, block) in doc.blocks.iter().enumerate() {
        let following = &doc.blocks[i + 1..];
        match block {
            Block::Header(header) => cursor.header(header),
            Block::Title(title) => cursor.title(title),
            Block::Paragraph(paragraph) => cursor.paragraph(paragraph, following),
            Block::Table(table) => cursor.table(table),
            Block::Signature(signature) => cursor.signature(signature),
            Block::Chart(chart) => cursor.chart(chart),
            Block::SectionBreak => {
                cursor.new_page();
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
            items.push(Item::Text(TextRun {
                x: (page.width * PT_PER_MM - width) / 2.0,
                baseline: page.top * PT_PER_MM * 0.6,
                size,
                face: Face::Regular,
                text,
                word_spacing: 0.0,
                color: Color::BLACK,
            }));
        }
    }
    Laid { width: page.width * PT_PER_MM, height: page.height * PT_PER_MM, common: Vec::new(), pages }
}

/// A word: its pieces in their faces, its width, and the space after it.
struct Word {
    pieces: Vec<(Face, String)>,
    width: f32,
    space_after: Option<(Face, f32)>,
}

fn words(spans: &[Span], size: f32) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut open = false;
    for span in spans {
        let face = Face::new(span.bold, span.italic);
        for ch in span.text.chars() {
            if ch == ' ' || ch == '\n' {
                if let Some(last) = words.last_mut() {
                    if last.space_after.is_none() {
                        last.space_after = Some((face, face.metrics().width(" ", size)));
                    }
                }
                open = false;
                continue;
            }
            if !open {
                words.push(Word { pieces: Vec::new(), width: 0.0, space_after: None });
                open = true;
            }
            let word = words.last_mut().expect("a word is open");
            match word.pieces.last_mut() {
                Some((f, text)) if *f == face => text.push(ch),
                _ => word.pieces.push((face, ch.to_string())),
            }
            word.width += face.metrics().width(ch.encode_utf8(&mut [0; 4]), size);
        }
    }
    words
}

/// A line of words before placement.
struct Line<'w> {
    words: &'w [Word],
    width: f32,
}

/// Greedy line breaking: the first line is `first` wide, the others `rest`.
fn break_lines(words: &[Word], first: f32, rest: f32) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let limit = if lines.is_empty() { first } else { rest };
        let mut width = words[start].width;
        let mut end = start + 1;
        while end < words.len() {
            let space = words[end - 1].space_after.map_or(0.0, |(_, w)| w);
            let wider = width + space + words[end].width;
            if wider > limit + 0.01 {
                break;
            }
            width = wider;
            end += 1;
        }
        lines.push(Line { words: &words[start..end], width });
        start = end;
    }
    lines
}

/// Text runs of one line placed at `x` (left edge) with `extra` per space.
fn runs(line: &Line, x: f32, baseline: f32, size: f32, extra: f32) -> Vec<Item> {
    let mut items: Vec<TextRun> = Vec::new();
    let mut pen = x;
    for (i, word) in line.words.iter().enumerate() {
        let mut pieces: Vec<(Face, String, f32)> =
            word.pieces.iter().map(|(face, text)| (*face, text.clone(), face.metrics().width(text, size))).collect();
        if i + 1 < line.words.len() {
            if let Some((face, width)) = word.space_after {
                pieces.push((face, " ".into(), width + extra));
            }
        }
        for (face, text, width) in pieces {
            match items.last_mut() {
                Some(run) if run.face == face => run.text.push_str(&text),
                _ => {
                    items.push(TextRun { x: pen, baseline, size, face, text, word_spacing: extra, color: Color::BLACK })
                }
            }
            pen += width;
        }
    }
    items.into_iter().map(Item::Text).collect()
}

/// Distance from a line's top to its baseline, for text of `size`.
pub(crate) fn ascent(size: f32) -> f32 {
    let m = Face::Regular.metrics();
    let leading = size * LINE_HEIGHT - (m.ascent + m.descent) * size;
    leading / 2.0 + m.ascent * size
}

/// Lines of `spans` set in a box: returns the items and the height used.
fn text_box(spans: &[Span], size: f32, align: Align, x: f32, top: f32, width: f32) -> (Vec<Item>, f32) {
    let words = words(spans, size);
    let lines = break_lines(&words, width, width);
    let line_height = size * LINE_HEIGHT;
    let mut items = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let baseline = top + i as f32 * line_height + ascent(size);
        let x = match align {
            Align::Left | Align::Justify => x,
            Align::Center => x + (width - line.width) / 2.0,
            Align::Right => x + width - line.width,
        };
        items.extend(runs(line, x, baseline, size, 0.0));
    }
    (items, lines.len() as f32 * line_height)
}

/// Widths (mm) of the header grid's columns: the right one as wide as the
/// Quốc hiệu or the date line needs, the left one takes the rest within
/// [`nd30::LEFT_COLUMN_MM`], so a usual agency name stays on one line.
pub fn header_columns(header: &Header, text_width_mm: f32) -> (f32, f32) {
    let mm = |face: Face, text: &str, size: f32| face.metrics().width(text, size) / PT_PER_MM;
    let date = header.place_date.as_deref().map_or(0.0, |d| mm(Face::Italic, d, nd30::PLACE_DATE));
    let right = mm(Face::Bold, NATIONAL_NAME, nd30::NATIONAL).max(date) + 3.0;
    let (narrowest, widest) = nd30::LEFT_COLUMN_MM;
    let left = (text_width_mm - right).clamp(narrowest, widest);
    (left, text_width_mm - left)
}

pub fn widest_line(spans: &[Span], size: f32, width: f32) -> f32 {
    let words = words(spans, size);
    break_lines(&words, width, width).iter().map(|l| l.width).fold(0.0, f32::max)
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
    /// Top of the free space on the current page, points.
    y: f32,
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

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.page.top * PT_PER_MM;
    }

    /// Starts a new page unless `height` fits below the cursor.
    fn ensure(&mut self, height: f32) {
        let at_top = self.y <= self.page.top * PT_PER_MM + 0.1;
        if self.y + height > self.bottom() && !at_top {
            self.new_page();
        }
    }

    fn emit(&mut self, items: impl IntoIterator<Item = Item>) {
        self.pages.last_mut().expect("a page is open").extend(items);
    }

    fn header(&mut self, header: &Header) {
        let (left_mm, right_mm) = header_columns(header, self.page.text_width());
        let (left_width, right_width) = (left_mm * PT_PER_MM, right_mm * PT_PER_MM);
        let left_x = self.left();
        let right_x = left_x + left_width;
        let top = self.y;

        // Left: parent body, issuing body, short rule under it.
        let mut y = top;
        if let Some(parent) = &header.parent {
            let (items, height) = text_box(&[Span::plain(parent)], nd30::AGENCY, Align::Center, left_x, y, left_width);
            self.emit(items);
            y += height;
        }
        let issuer = [Span::bold(&header.issuer)];
        let (items, height) = text_box(&issuer, nd30::AGENCY, Align::Center, left_x, y, left_width);
        self.emit(items);
        y += height + 1.5;
        let issuer_width = widest_line(&issuer, nd30::AGENCY, left_width);
        self.emit([rule(left_x + left_width / 2.0, issuer_width * nd30::SHORT_RULE, y)]);
        let left_bottom = y;

        // Right: Quốc hiệu on one line, Tiêu ngữ with a rule as long as itself.
        let mut y = top;
        let (items, height) =
            text_box(&[Span::bold(NATIONAL_NAME)], nd30::NATIONAL, Align::Center, right_x, y, right_width);
        self.emit(items);
        y += height;
        let (items, height) = text_box(&[Span::bold(MOTTO)], nd30::MOTTO, Align::Center, right_x, y, right_width);
        self.emit(items);
        y += height + 1.5;
        let motto_width = Face::Bold.metrics().width(MOTTO, nd30::MOTTO);
        self.emit([rule(right_x + right_width / 2.0, motto_width, y)]);
        let right_bottom = y;

        // Số and the place/date line share one row.
        self.y = left_bottom.max(right_bottom) + 6.0;
        let mut row_height: f32 = 0.0;
        if let Some(number) = &header.number {
            let (items, height) =
                text_box(&[Span::plain(number)], nd30::NUMBER, Align::Center, left_x, self.y, left_width);
            self.emit(items);
            row_height = row_height.max(height);
        }
        if let Some(place_date) = &header.place_date {
            let spans = [Span { italic: true, ..Span::plain(place_date) }];
            let (items, height) = text_box(&spans, nd30::PLACE_DATE, Align::Center, right_x, self.y, right_width);
            self.emit(items);
            row_height = row_height.max(height);
        }
        self.y += row_height;
    }

    fn title(&mut self, title: &Title) {
        self.y += 12.0;
        let (x, width) = (self.left(), self.width());
        let (items, height) = text_box(&[Span::bold(&title.kind)], nd30::TITLE, Align::Center, x, self.y, width);
        self.emit(items);
        self.y += height;
        let subject = [Span::bold(&title.subject)];
        let (items, height) = text_box(&subject, nd30::TITLE, Align::Center, x, self.y, width);
        self.emit(items);
        self.y += height;
        if let Some(note) = &title.note {
            let note = [Span { italic: true, ..Span::plain(note) }];
            let (items, height) = text_box(&note, nd30::TITLE, Align::Center, x, self.y, width);
            self.emit(items);
            self.y += height;
        }
        self.y += 1.5;
        let rule_length = widest_line(&subject, nd30::TITLE, width) * nd30::SHORT_RULE;
        self.emit([rule(x + width / 2.0, rule_length, self.y)]);
        self.y += 12.0;
    }

    fn paragraph(&mut self, paragraph: &Paragraph, following: &[Block]) {
        let style = paragraph.style;
        let left = self.left() + style.left_indent * PT_PER_MM;
        let width = self.width() - style.left_indent * PT_PER_MM;
        let first_indent = style.first_indent * PT_PER_MM;
        let words = words(&paragraph.spans, style.size);
        let lines = break_lines(&words, width - first_indent, width);
        let line_height = style.size * LINE_HEIGHT;
        let own_height = style.space_before + lines.len() as f32 * line_height;
        if style.keep_with_next {
            self.ensure(own_height + self.lead_height(following));
        } else {
            // Never leave a paragraph's first line alone at a page foot.
            self.ensure(style.space_before + line_height * lines.len().min(2) as f32);
        }
        self.y += style.space_before;
        let last = lines.len().saturating_sub(1);
        for (i, line) in lines.iter().enumerate() {
            self.ensure(line_height);
            let indent = if i == 0 { first_indent } else { 0.0 };
            let available = width - indent;
            let spaces = line.words.len().saturating_sub(1);
            let (x, extra) = match style.align {
                Align::Left => (left + indent, 0.0),
                Align::Center => (left + indent + (available - line.width) / 2.0, 0.0),
                Align::Right => (left + indent + available - line.width, 0.0),
                Align::Justify if i < last && spaces > 0 => (left + indent, (available - line.width) / spaces as f32),
                Align::Justify => (left + indent, 0.0),
            };
            let baseline = self.y + ascent(style.size);
            let items = runs(line, x, baseline, style.size, extra);
            self.emit(items);
            self.y += line_height;
        }
        self.y += style.space_after;
    }

    /// Height of the start of `blocks` that must share a page with what
    /// precedes it: two lines of a paragraph, all of a heading and what it
    /// keeps with, a whole signature, a table's header and first row.
    fn lead_height(&self, blocks: &[Block]) -> f32 {
        let Some(block) = blocks.first() else {
            return 0.0;
        };
        match block {
            Block::Paragraph(p) if p.style.keep_with_next => {
                let width = self.width() - (p.style.left_indent + p.style.first_indent) * PT_PER_MM;
                let (_, height) = text_box(&p.spans, p.style.size, p.style.align, 0.0, 0.0, width);
                p.style.space_before + height + p.style.space_after + self.lead_height(&blocks[1..])
            }
            Block::Paragraph(p) => p.style.space_before + 2.0 * p.style.size * LINE_HEIGHT,
            Block::Signature(s) => self.signature_height(s),
            Block::Table(t) => 2.0 * (t.size * LINE_HEIGHT + 2.0 * CELL_PAD_Y),
            Block::Chart(c) => c.height * PT_PER_MM,
            Block::Header(_) | Block::Title(_) | Block::SectionBreak => 0.0,
        }
    }

    fn signature_columns(&self) -> (f32, f32, f32, f32) {
        let left_width = self.width() * nd30::RECIPIENTS_SHARE;
        (self.left(), left_width, self.left() + left_width, self.width() - left_width)
    }

    fn signature_height(&self, signature: &Signature) -> f32 {
        let (_, left_width, _, right_width) = self.signature_columns();
        let recipients: f32 = nd30::RECIPIENTS_LABEL * LINE_HEIGHT
            + signature
                .recipients
                .iter()
                .map(|r| text_box(&[Span::plain(r)], nd30::RECIPIENTS, Align::Left, 0.0, 0.0, left_width).1)
                .sum::<f32>();
        let line = nd30::SIGNATURE * LINE_HEIGHT;
        let authority: f32 = signature
            .authority
            .iter()
            .map(|a| text_box(&[Span::bold(a)], nd30::SIGNATURE, Align::Center, 0.0, 0.0, right_width).1)
            .sum();
        12.0 + recipients.max(authority + nd30::SIGNING_SPACE_MM * PT_PER_MM + line)
    }

    fn signature(&mut self, signature: &Signature) {
        let height = self.signature_height(signature);
        self.ensure(height);
        self.y += 12.0;
        let (left_x, left_width, right_x, right_width) = self.signature_columns();
        let top = self.y;

        let label = [Span { text: "Nơi nhận:".into(), bold: true, italic: true }];
        let (items, mut y) = text_box(&label, nd30::RECIPIENTS_LABEL, Align::Left, left_x, top, left_width);
        self.emit(items);
        y += top;
        for recipient in &signature.recipients {
            let (items, height) =
                text_box(&[Span::plain(recipient)], nd30::RECIPIENTS, Align::Left, left_x, y, left_width);
            self.emit(items);
            y += height;
        }

        let mut y = top;
        for line in &signature.authority {
            let (items, height) =
                text_box(&[Span::bold(line)], nd30::SIGNATURE, Align::Center, right_x, y, right_width);
            self.emit(items);
            y += height;
        }
        y += nd30::SIGNING_SPACE_MM * PT_PER_MM;
        let (items, _) =
            text_box(&[Span::bold(&signature.name)], nd30::SIGNATURE, Align::Center, right_x, y, right_width);
        self.emit(items);
        self.y = top + height - 12.0;
    }

    fn chart(&mut self, chart: &Chart) {
        let height = chart.height * PT_PER_MM;
        self.ensure(height + 6.0);
        self.y += 3.0;
        let x = self.left() + (self.width() - chart.width * PT_PER_MM) / 2.0;
        let items: Vec<Item> = crate::chart::items(chart).iter().map(|i| i.moved(x, self.y)).collect();
        self.emit(items);
        self.y += height + 6.0;
    }

    fn table(&mut self, table: &Table) {
        let widths: Vec<f32> = table.columns.iter().map(|w| w * PT_PER_MM).collect();
        let header_height: f32 = table.header.iter().map(|r| row_height(table, &widths, r)).sum();
        self.ensure(header_height + table.rows.first().map_or(0.0, |r| row_height(table, &widths, r)));
        self.y += 3.0;
        for row in &table.header {
            self.row(table, &widths, row, true);
        }
        for row in &table.rows {
            let height = row_height(table, &widths, row);
            if self.y + height > self.bottom() {
                self.new_page();
                for header in &table.header {
                    self.row(table, &widths, header, true);
                }
            }
            self.row(table, &widths, row, false);
        }
        self.y += 9.0;
    }

    fn row(&mut self, table: &Table, widths: &[f32], row: &Row, is_header: bool) {
        let height = row_height(table, widths, row);
        let top = self.y;
        let mut x = self.left();
        let mut items = Vec::new();
        for (column, (cell, width)) in row.cells.iter().zip(widths).enumerate() {
            let align =
                if is_header { Align::Center } else { table.aligns.get(column).copied().unwrap_or(Align::Left) };
            let spans = [Span { text: cell.clone(), bold: row.bold, italic: false }];
            let (cell_items, _) =
                text_box(&spans, table.size, align, x + CELL_PAD_X, top + CELL_PAD_Y, width - 2.0 * CELL_PAD_X);
            items.extend(cell_items);
            items.push(table_rule(x, top, x, top + height));
            x += width;
        }
        let left = self.left();
        items.push(table_rule(x, top, x, top + height));
        items.push(table_rule(left, top, x, top));
        items.push(table_rule(left, top + height, x, top + height));
        self.emit(items);
        self.y += height;
    }
}

/// A table's cell border.
fn table_rule(x1: f32, y1: f32, x2: f32, y2: f32) -> Item {
    Item::Rule { x1, y1, x2, y2, width: nd30::RULE_WIDTH, color: Color::BLACK }
}

const CELL_PAD_X: f32 = 1.5 * PT_PER_MM;
const CELL_PAD_Y: f32 = 0.8 * PT_PER_MM;

fn row_height(table: &Table, widths: &[f32], row: &Row) -> f32 {
    row.cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| {
            let spans = [Span { text: cell.clone(), bold: row.bold, italic: false }];
            text_box(&spans, table.size, Align::Left, 0.0, 0.0, width - 2.0 * CELL_PAD_X).1
        })
        .fold(table.size * LINE_HEIGHT, f32::max)
        + 2.0 * CELL_PAD_Y
}

/// `text` broken into lines no wider than `width` points, with each
/// line's width: what a certificate frame holds.
pub fn wrap(text: &str, face: Face, size: f32, width: f32) -> Vec<(String, f32)> {
    let spans = [Span { text: text.to_string(), bold: face.is_bold(), italic: face.is_italic() }];
    let words = words(&spans, size);
    break_lines(&words, width, width)
        .iter()
        .map(|line| {
            let text = line
                .words
                .iter()
                .map(|w| w.pieces.iter().map(|(_, t)| t.as_str()).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ");
            (text, line.width)
        })
        .collect()
}
