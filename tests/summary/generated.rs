//! Summaries of generated conferences, read back with poppler: layout
//! invariants that must hold for inputs nobody has seen.

use std::path::{Path, PathBuf};

use super::built_from;
use super::common::*;
use super::inputs::{self, Seeded};

/// Words of a PDF page with their boxes (points), from `pdftotext -bbox`.
fn word_boxes(pdf: &Path) -> Vec<(usize, f32, f32, String)> {
    let html = stdout_of("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let mut words = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        if line.contains("<page ") {
            page += 1;
        }
        let Some(rest) = line.trim().strip_prefix("<word ") else { continue };
        let attr = |name: &str| -> f32 {
            let start = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            rest[start..].split('"').next().unwrap().parse().unwrap()
        };
        let text = rest.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("").to_string();
        words.push((page, attr("xMin"), attr("xMax"), text));
    }
    words
}

/// The summary PDF of generated conference `case` (2 to 4 units, up to 17
/// years, 8 indicators, figures from 0 to tens of millions, stocks and
/// flows, some given as period totals only).
fn generated_summary(random: &mut Seeded, case: usize) -> (tempfile::TempDir, PathBuf) {
    let units = inputs::generated(random, 2 + case % 3);
    let first = units.iter().map(|u| u.period.0).min().unwrap();
    let last = units.iter().map(|u| u.period.1).max().unwrap();
    let (from, to) = (first.to_string(), last.to_string());
    let (dir, out, _) = built_from(&units, &["--from", &from, "--to", &to]);
    (dir, out.join("tong-hop.pdf"))
}

/// Over generated conferences: every word lies within the side margins,
/// no file name is printed, and every large figure is grouped in thousands.
#[test]
fn generated_summaries_stay_within_the_margins() {
    let mut random = Seeded(0x7031_2024);
    for case in 0..8 {
        let (_dir, pdf) = generated_summary(&mut random, case);
        let info = stdout_of("pdfinfo", &[pdf.to_str().unwrap()]);
        let width: f32 = info
            .lines()
            .find_map(|l| l.strip_prefix("Page size:"))
            .and_then(|s| s.split_whitespace().next())
            .and_then(|w| w.parse().ok())
            .unwrap();
        let mm = 72.0 / 25.4;
        for (page, x_min, x_max, word) in word_boxes(&pdf) {
            assert!(
                x_min >= 30.0 * mm - 1.0 && x_max <= width - 15.0 * mm + 1.0,
                "case {case}: «{word}» on page {page} leaves the margins ({x_min:.1}–{x_max:.1} of {width})"
            );
        }
        let text = pdf_text(&pdf, None);
        assert!(!text.contains(".yaml"), "case {case}");
        for word in text.split(' ') {
            let digits = word.trim_matches(|c: char| !c.is_ascii_digit());
            assert!(
                !(digits.len() > 4 && digits.chars().all(|c| c.is_ascii_digit())),
                "case {case}: «{word}» ungrouped"
            );
        }
    }
}

/// Over generated conferences: no section heading ends a page (it goes
/// with its table), and the unit table's total row never opens a page
/// without a unit row before it.
#[test]
fn generated_summaries_keep_headings_and_total_rows_with_their_tables() {
    let mut random = Seeded(0x7031_2024);
    for case in 0..8 {
        let (_dir, pdf) = generated_summary(&mut random, case);
        let layout = stdout_of("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
        for (p, page) in layout.split('\u{c}').enumerate() {
            let lines: Vec<String> = page.lines().map(collapse).filter(|l| !l.is_empty()).collect();
            if let Some(last) = lines.last() {
                let heading =
                    ["I. ", "II. ", "III. "].iter().any(|n| last.starts_with(n)) && last == &last.to_uppercase();
                assert!(!heading, "case {case}: heading «{last}» alone at the foot of page {}", p + 1);
            }
            if let Some(total) = lines.iter().position(|l| l.starts_with("Tổng cộng")) {
                let unit_row = lines[..total].iter().any(|l| l.split(' ').nth(1) == Some("Công"));
                assert!(unit_row, "case {case}: the total row opens page {} alone", p + 1);
            }
        }
    }
}
