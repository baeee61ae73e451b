//! The summary's charts: one panel per indicator, each with its own scale
//! (a small figure next to a large one stays readable), two panels to a
//! chart so a chart never outgrows a page.

use crate::doc::{Chart, Color, Page, Series};

use super::figures::Range;
use super::indicators::with_unit;
use super::tables::MetricLine;

const PALETTE: [Color; 4] = [Color(158, 27, 27), Color(31, 73, 125), Color(84, 130, 53), Color(191, 144, 0)];

/// Panels per chart, and the chart's height for them (mm).
const PANELS_PER_CHART: usize = 2;
const CHART_HEIGHT_MM: f32 = 90.0;

/// Which indicators to chart: `codes` in their order (every indicator of
/// a code that has two meanings), or the first two with yearly figures.
pub(super) fn chosen<'l, 'a>(lines: &'l [MetricLine<'a>], codes: &[String]) -> Vec<&'l MetricLine<'a>> {
    let yearly = |line: &&MetricLine| line.figures.years.iter().any(Option::is_some);
    if codes.is_empty() {
        return lines.iter().filter(yearly).take(2).collect();
    }
    codes.iter().flat_map(|code| lines.iter().filter(move |l| &l.metric.ma == code).filter(yearly)).collect()
}

/// Charts of `lines` over the `years` that have data.
pub(super) fn charts(lines: &[&MetricLine], years: &[i32], range: Range, page: Page) -> Vec<Chart> {
    let series: Vec<Series> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| Series {
            name: with_unit(line.metric),
            values: years.iter().map(|y| line.figures.years[(y - range.from) as usize]).collect(),
            color: PALETTE[i % PALETTE.len()],
        })
        .collect();
    series
        .chunks(PANELS_PER_CHART)
        .map(|panels| Chart {
            title: String::new(),
            categories: years.iter().map(|y| y.to_string()).collect(),
            series: panels.to_vec(),
            width: page.text_width(),
            height: CHART_HEIGHT_MM,
        })
        .collect()
}
