//! A bar chart's drawing, as layout items with its top-left corner at
//! (0, 0): the PDF places them on its page, the DOCX paints them into a
//! picture ([`crate::render::raster`]).
//!
//! Small multiples: one panel per series, each with its own scale, so a
//! series of 150–195 next to one of 15.200–19.366 is as readable as the
//! other. A panel has its series' name as title, a y-axis with round
//! ticks and grid lines, the value on every bar and the categories under
//! the axis, all numbers in Vietnamese form.

use super::frame::{Item, TextRun};
use crate::doc::{Chart, Color, Series};
use crate::text::fonts::Face;
use crate::text::measure::{wrap, PT_PER_MM};
use crate::text::vn::Decimal;

const TITLE_SIZE: f32 = 12.0;
const PANEL_TITLE_SIZE: f32 = 10.0;
const TICK_SIZE: f32 = 8.0;
const VALUE_SIZE: f32 = 8.0;
const CATEGORY_SIZE: f32 = 9.0;
/// Value and category labels shrink to fit their bar's slot, not below this.
const SMALLEST_LABEL: f32 = 5.5;
/// Two panels side by side when each bar's slot is at least this wide (mm).
const SIDE_BY_SIDE_SLOT_MM: f32 = 9.0;
const GRID: Color = Color(205, 205, 205);

/// A panel's box on the chart, points.
#[derive(Debug, Clone, Copy)]
struct Frame {
    x: f32,
    y: f32,
    width: f32,
    height: f32,
}

/// Where a chart's panels go: a grid of one or two columns.
fn panels(chart: &Chart) -> Vec<Frame> {
    let (width, height) = (chart.width * PT_PER_MM, chart.height * PT_PER_MM);
    let top = if chart.title.is_empty() { 0.0 } else { TITLE_SIZE * 1.8 };
    let count = chart.series.len().max(1);
    let categories = chart.categories.len().max(1) as f32;
    let side_by_side = count >= 2 && chart.width / 2.0 / categories >= SIDE_BY_SIDE_SLOT_MM;
    let columns = if side_by_side { 2 } else { 1 };
    let rows = count.div_ceil(columns);
    let (panel_width, panel_height) = (width / columns as f32, (height - top) / rows as f32);
    (0..chart.series.len())
        .map(|i| Frame {
            x: (i % columns) as f32 * panel_width,
            y: top + (i / columns) as f32 * panel_height,
            width: panel_width,
            height: panel_height,
        })
        .collect()
}

/// Round ticks from 0 to at least `largest`: steps of 1, 2, 2,5 or 5 times
/// a power of ten, four or five of them; whole steps for whole figures
/// (no "7,5 câu lạc bộ").
pub(crate) fn ticks(largest: f64, whole: bool) -> Vec<Decimal> {
    if largest <= 0.0 {
        return vec![Decimal::from_int(0), Decimal::from_int(1)];
    }
    let raw = largest / 4.0;
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .filter(|s| !whole || (*s >= 1.0 && s.fract() == 0.0))
        .find(|s| *s >= raw)
        .unwrap_or(if whole { (10.0 * magnitude).max(1.0) } else { 10.0 * magnitude });
    let count = (largest / step - 1e-9).ceil().max(1.0) as i64;
    // Decimals enough for the step (2,5 × 10^-1 needs two).
    let decimals = (-(step.log10().floor()) as i32 + 1).clamp(0, 6) as usize;
    (0..=count).filter_map(|k| Decimal::parse(&format!("{:.decimals$}", step * k as f64))).collect()
}

fn text(items: &mut Vec<Item>, text: String, x: f32, baseline: f32, size: f32, face: Face) {
    items.push(Item::Text(TextRun { x, baseline, size, face, text, word_spacing: 0.0, color: Color::BLACK }));
}

fn centred(items: &mut Vec<Item>, label: String, center: f32, baseline: f32, size: f32, face: Face) {
    let width = face.metrics().width(&label, size);
    text(items, label, center - width / 2.0, baseline, size, face);
}

/// The largest size up to `size` at which `label` fits `width`.
fn fitted(label: &str, size: f32, width: f32) -> f32 {
    let natural = Face::Regular.metrics().width(label, size);
    if natural <= width {
        size
    } else {
        (size * width / natural).max(SMALLEST_LABEL)
    }
}

fn rule(items: &mut Vec<Item>, (x1, y1): (f32, f32), (x2, y2): (f32, f32), width: f32, color: Color) {
    items.push(Item::Rule { x1, y1, x2, y2, width, color });
}

/// Whether every value of `series` is a whole number.
fn whole(series: &Series) -> bool {
    series.values.iter().flatten().all(|v| v.to_f64().fract() == 0.0)
}

/// One series' panel in `frame`.
fn panel(items: &mut Vec<Item>, series: &Series, categories: &[String], frame: Frame) {
    // Title: the series' name, at most two lines.
    let title_lines = wrap(&series.name, Face::Bold, PANEL_TITLE_SIZE, frame.width - 8.0);
    let mut y = frame.y + 4.0;
    for (line, _) in title_lines.iter().take(2) {
        y += PANEL_TITLE_SIZE * 1.15;
        centred(items, line.clone(), frame.x + frame.width / 2.0, y, PANEL_TITLE_SIZE, Face::Bold);
    }

    let largest = series.values.iter().flatten().map(|v| v.to_f64()).fold(0.0, f64::max);
    let ticks = ticks(largest, whole(series));
    let top_value = ticks.last().map_or(1.0, |t| t.to_f64()).max(f64::MIN_POSITIVE);
    let labels: Vec<String> = ticks.iter().map(Decimal::vietnamese).collect();
    let label_width = labels.iter().map(|l| Face::Regular.metrics().width(l, TICK_SIZE)).fold(0.0, f32::max);

    let plot_left = frame.x + 6.0 + label_width + 4.0;
    let plot_right = frame.x + frame.width - 8.0;
    let plot_top = y + 8.0 + VALUE_SIZE;
    let axis_y = frame.y + frame.height - CATEGORY_SIZE * 1.2 - 8.0;
    let plot_height = (axis_y - plot_top).max(10.0);
    let to_y = |value: f64| axis_y - (value / top_value) as f32 * plot_height;

    for (tick, label) in ticks.iter().zip(labels) {
        let tick_y = to_y(tick.to_f64());
        if tick.to_f64() > 0.0 {
            rule(items, (plot_left, tick_y), (plot_right, tick_y), 0.4, GRID);
        }
        let width = Face::Regular.metrics().width(&label, TICK_SIZE);
        text(items, label, plot_left - 4.0 - width, tick_y + TICK_SIZE * 0.35, TICK_SIZE, Face::Regular);
    }
    rule(items, (plot_left, axis_y), (plot_left, plot_top - 4.0), 0.6, Color::BLACK);

    let slot = (plot_right - plot_left) / categories.len().max(1) as f32;
    for (c, category) in categories.iter().enumerate() {
        let center = plot_left + (c as f32 + 0.5) * slot;
        if let Some(value) = series.values.get(c).copied().flatten() {
            let bar_top = to_y(value.to_f64());
            let bar_width = slot * 0.6;
            items.push(Item::Rect {
                x: center - bar_width / 2.0,
                y: bar_top,
                width: bar_width,
                height: axis_y - bar_top,
                color: series.color,
            });
            let label = value.vietnamese();
            let size = fitted(&label, VALUE_SIZE, slot * 0.95);
            centred(items, label, center, bar_top - 2.5, size, Face::Regular);
        }
        let size = fitted(category, CATEGORY_SIZE, slot * 0.95);
        centred(items, category.clone(), center, axis_y + CATEGORY_SIZE * 1.2, size, Face::Regular);
    }
    rule(items, (plot_left, axis_y), (plot_right, axis_y), 0.8, Color::BLACK);
}

/// A chart's items with its top-left corner at (0, 0).
pub(crate) fn items(chart: &Chart) -> Vec<Item> {
    let mut items = Vec::new();
    if !chart.title.is_empty() {
        centred(
            &mut items,
            chart.title.clone(),
            chart.width * PT_PER_MM / 2.0,
            TITLE_SIZE * 1.2,
            TITLE_SIZE,
            Face::Bold,
        );
    }
    for (series, frame) in chart.series.iter().zip(panels(chart)) {
        panel(&mut items, series, &chart.categories, frame);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(value: f64) -> Decimal {
        Decimal::parse(&format!("{value:.1}")).unwrap()
    }

    #[test]
    fn ticks_are_round_and_cover_the_largest_value() {
        let shown = |largest: f64, whole: bool| {
            ticks(largest, whole).iter().map(Decimal::vietnamese).collect::<Vec<_>>().join(" ")
        };
        assert_eq!(shown(195.0, true), "0 50 100 150 200");
        assert_eq!(shown(19366.0, true), "0 5.000 10.000 15.000 20.000");
        assert_eq!(shown(2.1, false), "0 1 2 3");
        assert_eq!(shown(0.9, false), "0 0,25 0,5 0,75 1");
        assert_eq!(shown(10.0, false), "0 2,5 5 7,5 10");
        assert_eq!(shown(10.0, true), "0 5 10");
        assert_eq!(shown(3.0, true), "0 1 2 3");
        assert_eq!(shown(43.0, true), "0 20 40 60");
        assert_eq!(shown(0.0, true), "0 1");
    }

    /// A tiny deterministic generator (xorshift), so the test needs no crate.
    struct Seeded(u64);
    impl Seeded {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    /// Over generated charts mixing tiny and huge series: every series'
    /// tallest bar is tall enough to read, every bar carries its value in
    /// Vietnamese form, the y-axis has its tick labels, and nothing leaves
    /// the chart's box.
    #[test]
    fn every_series_gets_a_readable_scale_of_its_own() {
        let mut random = Seeded(0x5eed_1234);
        for case in 0..200 {
            // The summary draws one or two panels to a chart, over up to 20 years.
            let series_count = 1 + (random.next() % 2) as usize;
            let years = 1 + (random.next() % 20) as usize;
            let series: Vec<Series> = (0..series_count)
                .map(|s| {
                    let scale = 10f64.powi((random.next() % 7) as i32 - 1);
                    let values = (0..years)
                        .map(|_| {
                            (!random.next().is_multiple_of(5)).then(|| d((1 + random.next() % 100) as f64 * scale))
                        })
                        .collect();
                    Series { name: format!("Chỉ tiêu {s}"), values, color: Color(10 * s as u8 + 1, 0, 0) }
                })
                .collect();
            let width = if case % 2 == 0 { 165.0 } else { 267.0 };
            let chart = Chart {
                title: String::new(),
                categories: (0..years).map(|y| (2013 + y).to_string()).collect(),
                series: series.clone(),
                width,
                height: 90.0,
            };
            let items = items(&chart);
            let texts: Vec<&TextRun> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Text(run) => Some(run),
                    _ => None,
                })
                .collect();
            for s in &series {
                let bars: Vec<(f32, f32)> = items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Rect { y, height, color, .. } if *color == s.color => Some((*y, *height)),
                        _ => None,
                    })
                    .collect();
                assert_eq!(bars.len(), s.values.iter().flatten().count(), "case {case}: a bar per value");
                if bars.is_empty() {
                    continue;
                }
                let tallest = bars.iter().map(|b| b.1).fold(0.0, f32::max) / PT_PER_MM;
                assert!(tallest >= 12.0, "case {case}: {}'s tallest bar is {tallest:.1} mm", s.name);
                for value in s.values.iter().flatten() {
                    assert!(texts.iter().any(|t| t.text == value.vietnamese()), "case {case}: value {value:?}");
                }
                let largest = s.values.iter().flatten().map(|v| v.to_f64()).fold(0.0, f64::max);
                let labels: Vec<String> = ticks(largest, whole(s)).iter().map(Decimal::vietnamese).collect();
                assert!(labels.len() >= 2);
                assert!(labels.iter().all(|l| texts.iter().any(|t| &t.text == l)), "case {case}: ticks {labels:?}");
            }
            for t in &texts {
                let right = t.x + t.face.metrics().width(&t.text, t.size);
                assert!(t.x >= -0.5 && right <= width * PT_PER_MM + 0.5, "case {case}: «{}» leaves the chart", t.text);
                assert!(t.baseline <= 90.0 * PT_PER_MM && t.size >= SMALLEST_LABEL, "case {case}: «{}»", t.text);
            }
        }
    }
}
