//! Pages as poppler sees them: every word with its box
//! (`pdftotext -bbox-layout`), words gathered into lines by their
//! baseline, and the checks the generated papers must pass.

use std::path::Path;

use crate::common::stdout_of;

pub const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Word {
    fn center_x(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
}

#[derive(Debug)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub words: Vec<Word>,
}

/// A line: words sharing a baseline, left to right.
#[derive(Debug)]
pub struct Line {
    pub words: Vec<Word>,
}

impl Line {
    pub fn text(&self) -> String {
        self.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
    }

    pub fn bottom(&self) -> f32 {
        self.words.iter().map(|w| w.y1).fold(0.0, f32::max)
    }
}

fn attribute(tag: &str, name: &str) -> f32 {
    let start = tag.find(&format!("{name}=\"")).unwrap_or_else(|| panic!("{name} in {tag}")) + name.len() + 2;
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Every page of `pdf` with its words' boxes (points from the top-left).
pub fn read(pdf: &Path) -> Vec<Page> {
    let html = stdout_of("pdftotext", &["-bbox-layout", pdf.to_str().unwrap(), "-"]);
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let tag_end = chunk.find('>').unwrap();
        let tag = &chunk[..tag_end];
        let mut page = Page { width: attribute(tag, "width"), height: attribute(tag, "height"), words: Vec::new() };
        for piece in chunk.split("<word ").skip(1) {
            let close = piece.find('>').unwrap();
            let tag = &piece[..close];
            let text = &piece[close + 1..piece.find("</word>").unwrap()];
            page.words.push(Word {
                // A non-breaking hyphen is a hyphen; a word joiner is nothing.
                text: unescape(text).replace('\u{2011}', "-").replace('\u{2060}', ""),
                x0: attribute(tag, "xMin"),
                y0: attribute(tag, "yMin"),
                x1: attribute(tag, "xMax"),
                y1: attribute(tag, "yMax"),
            });
        }
        pages.push(page);
    }
    pages
}

impl Page {
    /// Lines top to bottom: words whose baselines (box bottoms) lie within
    /// 1.5 pt of each other, sorted left to right.
    pub fn lines(&self) -> Vec<Line> {
        let mut words = self.words.clone();
        words.sort_by(|a, b| a.y1.total_cmp(&b.y1));
        let mut lines: Vec<Line> = Vec::new();
        for word in words {
            match lines.last_mut() {
                Some(line) if (line.words[0].y1 - word.y1).abs() < 1.5 => line.words.push(word),
                _ => lines.push(Line { words: vec![word] }),
            }
        }
        for line in &mut lines {
            line.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        }
        lines
    }

    /// Lines of the text block: without the page number in the top margin.
    pub fn body_lines(&self, top: f32) -> Vec<Line> {
        self.lines()
            .into_iter()
            .filter(|l| !(l.bottom() < top && l.text().chars().all(|c| c.is_ascii_digit())))
            .collect()
    }

    /// The first `n` words of the text block, in reading order.
    pub fn first_words(&self, top: f32, n: usize) -> Vec<String> {
        self.body_lines(top).iter().flat_map(|l| l.words.iter().map(|w| w.text.clone())).take(n).collect()
    }
}

/// Margins in mm: top, bottom, left, right (NĐ 30: 20, 20, 30, 15).
pub const MARGINS: (f32, f32, f32, f32) = (20.0, 20.0, 30.0, 15.0);

/// Every word inside the text block, but the page numbers centred in the
/// top margin. Returns what is wrong, one line each.
pub fn outside_margins(name: &str, pages: &[Page]) -> Vec<String> {
    let (top, bottom, left, right) = MARGINS;
    let slack = 0.6;
    let mut wrong = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let (x_min, x_max) = (left * MM - slack, page.width - right * MM + slack);
        let (y_min, y_max) = (top * MM - slack, page.height - bottom * MM + slack);
        for word in &page.words {
            let page_number = word.y1 < top * MM && word.text.chars().all(|c| c.is_ascii_digit());
            let inside = word.x0 >= x_min && word.x1 <= x_max && word.y0 >= y_min && word.y1 <= y_max;
            if !inside && !page_number {
                wrong.push(format!(
                    "{name} page {}: {:?} at x {:.1}–{:.1} mm, y {:.1}–{:.1} mm is outside the margins",
                    index + 1,
                    word.text,
                    word.x0 / MM,
                    word.x1 / MM,
                    word.y0 / MM,
                    word.y1 / MM
                ));
            }
        }
    }
    wrong
}

/// Every word inside `frame` (x, y, width, height in mm) on every page.
pub fn outside_frame(name: &str, pages: &[Page], frame: (f32, f32, f32, f32)) -> Vec<String> {
    let (x, y, w, h) = frame;
    let slack = 0.6;
    let mut wrong = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        for word in &page.words {
            let inside = word.x0 >= x * MM - slack
                && word.x1 <= (x + w) * MM + slack
                && word.y0 >= y * MM - slack
                && word.y1 <= (y + h) * MM + slack;
            if !inside {
                wrong.push(format!(
                    "{name} sheet {}: {:?} at x {:.1}–{:.1}, y {:.1}–{:.1} mm is outside the frame {frame:?}",
                    index + 1,
                    word.text,
                    word.x0 / MM,
                    word.x1 / MM,
                    word.y0 / MM,
                    word.y1 / MM
                ));
            }
        }
    }
    wrong
}

/// Whether `line` is a line of one of `headings` (given with and without
/// their numbers): its words run in a heading's words.
fn is_heading_line(line: &str, headings: &[String]) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    if words.is_empty() {
        return false;
    }
    headings.iter().any(|heading| {
        let heading: Vec<&str> = heading.split(' ').collect();
        // One word alone is a heading line only when it is the heading (a
        // table cell's last word may be any word).
        (words.len() > 1 || heading.len() == 1) && heading.windows(words.len()).any(|w| w == words.as_slice())
    })
}

fn is_roman(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// The column of each "STT" header cell on a page: its box.
/// The first row number under the page's first STT header.
fn first_number(page: &Page) -> Option<&str> {
    let header = stt_headers(page).into_iter().next()?;
    page.words
        .iter()
        .filter(|w| w.y0 > header.y1 && (w.center_x() - header.center_x()).abs() < 12.0)
        .filter(|w| w.text.chars().all(|c| c.is_ascii_digit()))
        .min_by(|a, b| a.y0.total_cmp(&b.y0))
        .map(|w| w.text.as_str())
}

fn stt_headers(page: &Page) -> Vec<&Word> {
    page.words.iter().filter(|w| w.text == "STT").collect()
}

/// Breaks a paper must not make: a heading line, a table's header row
/// (with fewer than two data rows under it while the table goes on), a
/// group row or a lone total row, last on a page.
pub fn bad_breaks(name: &str, pages: &[Page], headings: &[String]) -> Vec<String> {
    let mut wrong = Vec::new();
    let top = MARGINS.0 * MM;
    for (index, page) in pages.iter().enumerate() {
        let lines = page.body_lines(top);
        let Some(last) = lines.last() else {
            continue;
        };
        let is_last_page = index + 1 == pages.len();
        if !is_last_page && is_heading_line(&last.text(), headings) {
            wrong.push(format!("{name} page {}: heading line {:?} is last on the page", index + 1, last.text()));
        }
        // Tables: the STT column below each header cell.
        let next_starts_with_table = pages
            .get(index + 1)
            .is_some_and(|next| next.body_lines(top).first().is_some_and(|l| l.words.iter().any(|w| w.text == "STT")));
        for header in stt_headers(page) {
            let column: Vec<&Word> = page
                .words
                .iter()
                .filter(|w| w.y0 > header.y1 && (w.center_x() - header.center_x()).abs() < 12.0)
                .filter(|w| w.x0 >= header.x0 - 12.0 && w.x1 <= header.x1 + 12.0)
                .collect();
            let numbers = column.iter().filter(|w| w.text.chars().all(|c| c.is_ascii_digit())).count();
            let table_goes_on = next_starts_with_table && last.bottom() > header.y1;
            // A table that ends here with its rows, followed by another one
            // (its next years) numbered from 1 again, did not break.
            let ends_here = numbers > 0 && pages.get(index + 1).is_some_and(|next| first_number(next) == Some("1"));
            if numbers < 2 && table_goes_on && !ends_here {
                wrong.push(format!(
                    "{name} page {}: the table header has {numbers} numbered row(s) under it before the break",
                    index + 1
                ));
            }
            if table_goes_on {
                if let Some(lowest) = column.iter().max_by(|a, b| a.y1.total_cmp(&b.y1)) {
                    let row_is_last = (lowest.y1 - last.bottom()).abs() < 30.0
                        && !page.words.iter().any(|w| w.y0 > lowest.y1 + 2.0 && w.x0 < header.x1 + 12.0);
                    if is_roman(&lowest.text) && row_is_last {
                        wrong.push(format!(
                            "{name} page {}: group row {:?} is the last row on the page",
                            index + 1,
                            lowest.text
                        ));
                    }
                }
            }
            // A total row ("Tổng cộng" below the header's band) has a data row above it.
            let totals = page.words.iter().filter(|w| w.text == "Tổng" && w.y0 > header.y1 + 1.0);
            for total in totals {
                let above = column.iter().any(|w| w.y1 <= total.y0 + 1.0);
                if !above {
                    wrong.push(format!("{name} page {}: the total row stands alone under the header", index + 1));
                }
            }
        }
    }
    wrong
}
