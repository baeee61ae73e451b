//! The positioned-item frame every page is drawn from: text runs, rules,
//! rectangles and images, in points from the top-left corner of a page.

use crate::doc::Color;
use crate::text::fonts::Face;

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
    /// Items drawn turned half a turn about (x, y): upside down.
    Turned {
        x: f32,
        y: f32,
        items: Vec<Item>,
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
            Item::Turned { x, y, items } => {
                Item::Turned { x: x + dx, y: y + dy, items: items.iter().map(|item| item.moved(dx, dy)).collect() }
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
