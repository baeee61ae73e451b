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
            items.push(text(mm(x as f32) + 1.0, mm(4.0), 7.0, x.to_string(), Color::BLACK));
        }
    }
    for y in 0..=(h as i32) {
        let (weight, color) = line(y);
        items.push(rule(0.0, mm(y as f32), mm(w), mm(y as f32), weight, color));
        if y % 10 == 0 && y > 0 && (y as f32) < h {
            items.push(text(mm(1.5), mm(y as f32) - 1.0, 7.0, y.to_string(), Color::BLACK));
        }
    }
    for (x, y) in crosshairs(paper) {
        items.push(rule(mm(x - 8.0), mm(y), mm(x + 8.0), mm(y), 0.8, MARK));
        items.push(rule(mm(x), mm(y - 8.0), mm(x), mm(y + 8.0), 0.8, MARK));
        items.push(text(mm(x + 2.0), mm(y - 2.0), 8.0, format!("({x:.0}, {y:.0})"), MARK));
    }
    let instructions = [
        "Hiệu chỉnh máy in: in trang này trên giấy trắng cùng khổ, đúng khay và chế độ in sẽ dùng cho phôi (tỷ lệ 100%).",
        "Đo từ mép trái và mép trên của tờ giấy tới tâm dấu chữ thập đỏ; ghi trong ngoặc là vị trí đúng (mm).",
        "Lệch = vị trí đúng − vị trí đo được: ví dụ đúng (20, 20), đo được (18,5, 22) → --offset 1.5,-2.",
    ];
    for (i, line) in instructions.iter().enumerate() {
        items.push(text(mm(30.0), mm(h / 2.0 + 20.0 + 6.0 * i as f32), 11.0, line.to_string(), Color::BLACK));
    }
    Laid { width: mm(w), height: mm(h), common: Vec::new(), pages: vec![items] }
}
