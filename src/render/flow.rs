//! Page flow for the PDF backend: breaks a [`Document`] into pages of
//! positioned text runs and rules, in points from the top-left corner.
//!
//! Justified lines widen their spaces. The NĐ 30 parts are placed by rule
//! ([`super::nd30`]). Certificates ([`super::sheets`]) and charts
//! ([`super::chart`]) are laid out into the same items.

use super::frame::{Item, Laid, TextRun};
use super::nd30::{self, header_columns, span_words, widest_line, MOTTO_TEXT, NATIONAL_NAME};
use crate::doc::*;
use crate::text::fonts::Face;
use crate::text::measure::{ascent, break_lines, Line, LINE_HEIGHT, PT_PER_MM};

/// Lays out `doc` into pages.
pub(crate) fn layout(doc: &Document) -> Laid {
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
/// Lines of `spans` set in a box: returns the items and the height used.
fn text_box(spans: &[Span], size: f32, align: Align, x: f32, top: f32, width: f32) -> (Vec<Item>, f32) {
    let words = span_words(spans, size);
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
        let (items, height) = text_box(&[Span::bold(MOTTO_TEXT)], nd30::MOTTO, Align::Center, right_x, y, right_width);
        self.emit(items);
        y += height + 1.5;
        let motto_width = Face::Bold.metrics().width(MOTTO_TEXT, nd30::MOTTO);
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
        let words = span_words(&paragraph.spans, style.size);
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
        let items: Vec<Item> = crate::render::chart::items(chart).iter().map(|i| i.moved(x, self.y)).collect();
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
