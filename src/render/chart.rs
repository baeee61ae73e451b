//! A bar chart's drawing, as layout items with its top-left corner at
//! (0, 0): the PDF places them on its page, the DOCX paints them into a
//! picture ([`crate::render::raster`]).

use super::frame::{Item, TextRun};
use crate::doc::{Chart, Color};
use crate::text::fonts::Face;
use crate::text::measure::{wrap, PT_PER_MM};

/// A chart's items with its top-left corner at (0, 0): title, legend,
/// grouped bars with their values on top, category labels under the axis.
pub(crate) fn items(chart: &Chart) -> Vec<Item> {
    let (width, height) = (chart.width * PT_PER_MM, chart.height * PT_PER_MM);
    let mut items = Vec::new();
    let text = |items: &mut Vec<Item>, text: String, center: f32, baseline: f32, size: f32, face: Face| {
        let w = face.metrics().width(&text, size);
        items.push(Item::Text(TextRun {
            x: center - w / 2.0,
            baseline,
            size,
            face,
            text,
            word_spacing: 0.0,
            color: Color::BLACK,
        }));
    };
    text(&mut items, chart.title.clone(), width / 2.0, 12.0, 12.0, Face::Bold);

    // Legend: a swatch and the series' name, one per line.
    let mut legend_y = 22.0;
    for series in &chart.series {
        items.push(Item::Rect { x: 10.0, y: legend_y, width: 8.0, height: 8.0, color: series.color });
        let name =
            wrap(&series.name, Face::Regular, 9.0, width - 30.0).into_iter().map(|l| l.0).next().unwrap_or_default();
        items.push(Item::Text(TextRun {
            x: 22.0,
            baseline: legend_y + 7.0,
            size: 9.0,
            face: Face::Regular,
            text: name,
            word_spacing: 0.0,
            color: Color::BLACK,
        }));
        legend_y += 12.0;
    }

    let plot_top = legend_y + 14.0;
    let axis_y = height - 18.0;
    let plot_height = (axis_y - plot_top).max(10.0);
    let largest = chart.series.iter().flat_map(|s| s.values.iter().flatten()).map(|v| v.to_f64()).fold(0.0, f64::max);
    let groups = chart.categories.len().max(1) as f32;
    let group_width = (width - 20.0) / groups;
    let bar_width = group_width * 0.7 / chart.series.len().max(1) as f32;
    items.push(Item::Rule { x1: 10.0, y1: axis_y, x2: width - 10.0, y2: axis_y, width: 0.8, color: Color::BLACK });
    for (g, category) in chart.categories.iter().enumerate() {
        let group_left = 10.0 + g as f32 * group_width + group_width * 0.15;
        for (s, series) in chart.series.iter().enumerate() {
            let Some(value) = series.values.get(g).copied().flatten() else { continue };
            let bar_height = if largest > 0.0 { (value.to_f64() / largest) as f32 * plot_height } else { 0.0 };
            let x = group_left + s as f32 * bar_width;
            items.push(Item::Rect {
                x,
                y: axis_y - bar_height,
                width: bar_width * 0.92,
                height: bar_height,
                color: series.color,
            });
            text(&mut items, value.vietnamese(), x + bar_width * 0.46, axis_y - bar_height - 3.0, 8.0, Face::Regular);
        }
        text(&mut items, category.clone(), 10.0 + (g as f32 + 0.5) * group_width, axis_y + 12.0, 10.0, Face::Regular);
    }
    items
}
