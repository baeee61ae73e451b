//! Certificate sheets as pages of PDF items: the border and the frames
//! common to every sheet once, each sheet's own frames centred vertically
//! in their boxes.

use super::frame::{Item, Laid, TextRun};
use crate::doc::{Align, Frame, Sheet, Sheets};
use crate::text::fonts::Face;
use crate::text::measure::{ascent, LINE_HEIGHT, PT_PER_MM};

/// The page size and what every sheet shares (border, emblem, common
/// frames), with no page yet.
pub(crate) fn common(sheets: &Sheets) -> Laid {
    let (width, height) = (sheets.width * PT_PER_MM, sheets.height * PT_PER_MM);
    let mut common = Vec::new();
    if let Some(border) = sheets.border {
        let mut rect = |(inset_x, inset_y): (f32, f32), line: f32| {
            let (inset_x, inset_y) = (inset_x * PT_PER_MM, inset_y * PT_PER_MM);
            let (l, t, r, b) = (inset_x, inset_y, width - inset_x, height - inset_y);
            for (x1, y1, x2, y2) in [(l, t, r, t), (r, t, r, b), (r, b, l, b), (l, b, l, t)] {
                common.push(Item::Rule { x1, y1, x2, y2, width: line, color: border.color });
            }
        };
        rect((border.outer, border.outer), 2.2);
        rect((border.outer + 1.8, border.outer + 1.8), 0.8);
        rect(border.inner, 0.8);
    }
    if let Some(picture) = &sheets.picture {
        common.push(Item::Image {
            x: picture.x * PT_PER_MM,
            y: picture.y * PT_PER_MM,
            width: picture.width * PT_PER_MM,
            height: picture.height * PT_PER_MM,
            png: picture.png.clone(),
        });
    }
    common.extend(sheets.common.iter().flat_map(frame_items));
    Laid { width, height, common, pages: Vec::new() }
}

/// The items of one sheet's own frames, a group per frame.
pub(crate) fn frame_groups(sheet: &Sheet) -> Vec<std::borrow::Cow<'static, [Item]>> {
    sheet.frames.iter().map(|frame| frame_items(frame).into()).collect()
}

fn frame_items(frame: &Frame) -> Vec<Item> {
    let face = Face::new(frame.bold, frame.italic);
    let line_height = frame.size * frame.line_height;
    let (x, y, width, height) =
        (frame.x * PT_PER_MM, frame.y * PT_PER_MM, frame.width * PT_PER_MM, frame.height * PT_PER_MM);
    let top = y + (height - line_height * frame.lines.len() as f32) / 2.0;
    // The glyphs sit in each line as in a line of the usual height,
    // shifted by half the difference.
    let first_baseline = ascent(frame.size) - (LINE_HEIGHT - frame.line_height) * frame.size / 2.0;
    let mut items = Vec::new();
    let mut widest: f32 = 0.0;
    let mut last_baseline = top;
    for (i, line) in frame.lines.iter().enumerate() {
        let line_width = face.metrics().width(line, frame.size);
        widest = widest.max(line_width);
        let left = match frame.align {
            Align::Left | Align::Justify => x,
            Align::Center => x + (width - line_width) / 2.0,
            Align::Right => x + width - line_width,
        };
        last_baseline = top + i as f32 * line_height + first_baseline;
        items.push(Item::Text(TextRun {
            x: left,
            baseline: last_baseline,
            size: frame.size,
            face,
            text: line.clone(),
            word_spacing: 0.0,
            color: frame.color,
        }));
    }
    if frame.underline && !frame.lines.is_empty() {
        let y = last_baseline + face.metrics().descent * frame.size + 1.0;
        let center = x + width / 2.0;
        items.push(Item::Rule {
            x1: center - widest / 2.0,
            y1: y,
            x2: center + widest / 2.0,
            y2: y,
            width: 0.8,
            color: frame.color,
        });
    }
    if frame.turned {
        return vec![Item::Turned { x: x + width / 2.0, y: y + height / 2.0, items }];
    }
    items
}
