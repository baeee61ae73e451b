//! The calibration sheet a clerk prints on plain paper to measure a
//! printer's drift before printing onto blanks: a millimetre grid with
//! numbered centimetre lines and crosshairs at known places.

use super::frame::{Item, Laid, TextRun};
use crate::doc::Color;
use crate::doc::Paper;
use crate::text::fonts::Face;
use crate::text::measure::PT_PER_MM;

/// Crosshairs: 20 mm in from each corner and the centre, mm from the top-left.
pub(crate) fn crosshairs(paper: Paper) -> Vec<(f32, f32)> {
    let (w, h) = paper.size();
    vec![(20.0, 20.0), (w - 20.0, 20.0), (w / 2.0, h / 2.0), (20.0, h - 20.0), (w - 20.0, h - 20.0)]
}

/// The crosshairs' names, in [`crosshairs`] order.
const MARK_NAMES: [&str; 5] = ["A", "B", "C", "D", "E"];

/// A position in mm the Vietnamese way: "148,5", "20".
fn vn_mm(value: f32) -> String {
    let tenths = (value * 10.0).round() as i64;
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

/// Grid colours: millimetre, 5 mm and centimetre lines.
const GRID: [Color; 3] = [Color(215, 215, 215), Color(160, 160, 160), Color(90, 90, 90)];
const MARK: Color = Color(200, 0, 0);

fn text(x: f32, y: f32, size: f32, text: String, color: Color) -> Item {
    Item::Text(TextRun { x, baseline: y, size, face: Face::Regular, text, word_spacing: 0.0, color })
}

fn rule(x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Color) -> Item {
    Item::Rule { x1, y1, x2, y2, width, color }
}

/// The sheet for `paper`, one page.
pub(crate) fn sheet(paper: Paper) -> Laid {
    let (w, h) = paper.size();
    let mm = |v: f32| v * PT_PER_MM;
    let mut items = Vec::new();
    let mut numbers = Vec::new();
    // Lines every mm, heavier every 5 and 10 mm, numbered every 10 mm.
    let line = |n: i32| {
        if n % 10 == 0 {
            (0.6, GRID[2])
        } else if n % 5 == 0 {
            (0.3, GRID[1])
        } else {
            (0.15, GRID[0])
        }
    };
    for x in 0..=(w as i32) {
        let (weight, color) = line(x);
        items.push(rule(mm(x as f32), 0.0, mm(x as f32), mm(h), weight, color));
        if x % 10 == 0 && x > 0 && (x as f32) < w {
            numbers.push((mm(x as f32) + 1.0, mm(4.0), x.to_string()));
        }
    }
    for y in 0..=(h as i32) {
        let (weight, color) = line(y);
        items.push(rule(0.0, mm(y as f32), mm(w), mm(y as f32), weight, color));
        if y % 10 == 0 && y > 0 && (y as f32) < h {
            numbers.push((mm(1.5), mm(y as f32) - 1.0, y.to_string()));
        }
    }
    // Every label sits on white with a margin, so no grid line runs through it.
    let backed = |items: &mut Vec<Item>, x: f32, baseline: f32, size: f32, label: String, color: Color| {
        let width = Face::Regular.metrics().width(&label, size);
        // Clear of the centimetre line a number stands beside.
        let pad = 0.6;
        items.push(Item::Rect {
            x: x - pad,
            y: baseline - size - pad,
            width: width + 2.0 * pad,
            height: size * 1.3 + 2.0 * pad,
            color: Color(255, 255, 255),
        });
        items.push(text(x, baseline, size, label, color));
    };
    for (x, baseline, number) in numbers {
        backed(&mut items, x, baseline, 7.0, number, Color::BLACK);
    }
    for (name, (x, y)) in MARK_NAMES.iter().zip(crosshairs(paper)) {
        items.push(rule(mm(x - 8.0), mm(y), mm(x + 8.0), mm(y), 0.8, MARK));
        items.push(rule(mm(x), mm(y - 8.0), mm(x), mm(y + 8.0), 0.8, MARK));
        // Right of the mark, or left of it near the right edge.
        let label = format!("{name} (x = {} mm; y = {} mm)", vn_mm(x), vn_mm(y));
        let label_width = Face::Regular.metrics().width(&label, 8.0);
        let left =
            if mm(x) + mm(3.0) + label_width < mm(w) - mm(3.0) { mm(x + 3.0) } else { mm(x - 3.0) - label_width };
        backed(&mut items, left, mm(y - 2.5), 8.0, label, MARK);
    }
    let instructions = [
        "Hiệu chỉnh máy in: in trang này trên giấy trắng cùng khổ, đúng khay và chế độ in sẽ dùng cho phôi (tỷ lệ 100%).",
        "Đo từ mép trái (x) và mép trên (y) của tờ giấy tới tâm các dấu chữ thập đỏ A, B, C, D, E; vị trí đúng ghi cạnh mỗi dấu.",
        "Lệch = vị trí đúng − vị trí đo được. Ví dụ dấu A: đúng x = 20 mm, y = 20 mm; đo được x = 18,5 mm, y = 22 mm → --offset 1.5,-2",
    ];
    let size = 11.0;
    let widest = instructions.iter().map(|l| Face::Regular.metrics().width(l, size)).fold(0.0, f32::max);
    let (left, top) = ((mm(w) - widest) / 2.0, mm(h / 2.0 + 14.0));
    let (pad, line) = (mm(3.0), size * 1.5);
    items.push(Item::Rect {
        x: left - pad,
        y: top - pad,
        width: widest + 2.0 * pad,
        height: line * instructions.len() as f32 + 2.0 * pad,
        color: Color(255, 255, 255),
    });
    for (x1, y1, x2, y2) in [
        (left - pad, top - pad, left + widest + pad, top - pad),
        (left - pad, top + line * 3.0 + pad, left + widest + pad, top + line * 3.0 + pad),
        (left - pad, top - pad, left - pad, top + line * 3.0 + pad),
        (left + widest + pad, top - pad, left + widest + pad, top + line * 3.0 + pad),
    ] {
        items.push(rule(x1, y1, x2, y2, 0.6, GRID[2]));
    }
    for (i, line_text) in instructions.iter().enumerate() {
        items.push(text(left, top + line * i as f32 + size, size, line_text.to_string(), Color::BLACK));
    }
    Laid { width: mm(w), height: mm(h), common: Vec::new(), pages: vec![items] }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text item's box, points: left, top, right, bottom.
    fn text_box(run: &TextRun) -> (f32, f32, f32, f32) {
        let width = run.face.metrics().width(&run.text, run.size);
        (run.x, run.baseline - run.size, run.x + width, run.baseline + run.size * 0.3)
    }

    #[test]
    fn no_line_crosses_a_word_and_every_mark_is_named_once() {
        for paper in [Paper::A3, Paper::Large, Paper::A4] {
            let sheet = sheet(paper);
            let items = &sheet.pages[0];
            let mut names = Vec::new();
            for (index, item) in items.iter().enumerate() {
                let Item::Text(run) = item else { continue };
                let (l, t, r, b) = text_box(run);
                // Lines drawn after the word's white backing (or after the
                // word) must not run through it.
                let backing = items[..index].iter().rposition(|i| {
                    matches!(i, Item::Rect { x, y, width, height, .. }
                        if *x <= l && *y <= t && x + width >= r && y + height >= b)
                });
                assert!(backing.is_some(), "{paper:?}: {:?} has no white backing", run.text);
                for later in &items[backing.unwrap()..] {
                    if let Item::Rule { x1, y1, x2, y2, .. } = later {
                        let crosses = x1.min(*x2) < r && x1.max(*x2) > l && y1.min(*y2) < b && y1.max(*y2) > t;
                        assert!(!crosses, "{paper:?}: a line runs through {:?}", run.text);
                    }
                }
                if let Some(name) = run.text.split(' ').next().filter(|n| MARK_NAMES.contains(n)) {
                    names.push(name.to_string());
                }
            }
            assert_eq!(names, MARK_NAMES, "{paper:?}: each crosshair named once, in order");
        }
    }
}
