//! A report of 11 or 20 years: its results table cut into slices that
//! share one grid (the columns of every slice stand under those of the
//! first) and are as few as fit, shared out evenly.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::*;
use crate::pages::{self, Word};
use crate::Seeded;

const METRICS: &[(&str, &str)] = &[
    ("Mô hình tự quản về an ninh trật tự", "mô hình"),
    ("Số vụ việc mâu thuẫn được hòa giải thành công tại cơ sở", "vụ"),
    ("Lượt người tham gia tuần tra, canh gác", "lượt người"),
    ("Tin báo tố giác tội phạm", "tin"),
    ("Kinh phí xã hội hóa", "đồng"),
    ("Đối tượng được cảm hóa, giáo dục tại cộng đồng", "người"),
];

/// A report over `years` years ending in 2023: up to six metrics, figures
/// from units to hundreds of millions.
pub fn report_input(random: &mut Seeded, years: i32) -> String {
    let base = std::fs::read_to_string(root().join("tests/fixtures/minimal.yaml")).unwrap();
    let mut yaml = base.split("giai_doan:").next().unwrap().to_string();
    let first = 2024 - years;
    yaml.push_str(&format!("giai_doan: {{ tu: {first}, den: 2023 }}\nchi_tieu:\n"));
    let count = 2 + random.below(5) as usize;
    let scales: Vec<u64> = (0..count).map(|_| 10u64.pow(1 + random.below(8) as u32)).collect();
    for (i, (name, unit)) in METRICS.iter().take(count).enumerate() {
        yaml.push_str(&format!("  - {{ ma: m{i}, ten: \"{name}\", don_vi: \"{unit}\" }}\n"));
    }
    yaml.push_str("ket_qua_nam:\n");
    for year in first..2024 {
        let figures: Vec<String> =
            scales.iter().enumerate().map(|(i, s)| format!("m{i}: {}", random.below(*s))).collect();
        yaml.push_str(&format!("  - {{ nam: {year}, {} }}\n", figures.join(", ")));
    }
    yaml
}

/// The slices of the results table in the PDF: per slice, the right edges
/// of the figures in its first row (right-aligned, so each stands at its
/// column's right edge less the padding) and the years of its header.
fn pdf_slices(pdf: &Path) -> Vec<(Vec<f32>, Vec<String>)> {
    let is_year = |t: &String| t.len() == 4 && t.starts_with("20");
    let mut slices: Vec<(Vec<f32>, Vec<String>)> = Vec::new();
    for page in pages::read(pdf) {
        let lines = page.lines();
        for (i, line) in lines.iter().enumerate() {
            if line.words.first().map(|w| w.text.as_str()) != Some("STT") {
                continue;
            }
            let header = &lines[i..(i + 3).min(lines.len())];
            let words = || header.iter().flat_map(|l| l.words.iter().map(|w: &Word| w.text.clone()));
            let years: Vec<String> = words().filter(is_year).collect();
            let slots = years.len() + words().filter(|t| t == "Tổng").count();
            let Some(row) = lines[i..].iter().find(|l| l.words.first().is_some_and(|w| w.text == "1")) else {
                panic!("no first row under the header on a page of {}", pdf.display());
            };
            let edges: Vec<f32> = row.words[row.words.len() - slots..].iter().map(|w| w.x1).collect();
            // A header repeated on the next page is the same slice.
            if slices.last().is_some_and(|(_, y)| *y == years) {
                continue;
            }
            slices.push((edges, years));
        }
    }
    slices
}

/// The grids (twips) of the DOCX tables whose header opens with "STT".
fn docx_grids(docx: &Path) -> Vec<Vec<u32>> {
    let xml = docx_part(docx, "word/document.xml");
    xml.split("<w:tbl>")
        .skip(1)
        .filter(|table| {
            let first_text =
                table.split("<w:t xml:space=\"preserve\"").nth(1).and_then(|t| t.split_once('>')).map(|(_, t)| t);
            first_text.is_some_and(|t| t.starts_with("STT<"))
        })
        .map(|table| {
            let grid = table.split("<w:tblGrid>").nth(1).unwrap().split("</w:tblGrid>").next().unwrap();
            grid.split("w:w=\"").skip(1).map(|v| v.split('"').next().unwrap().parse().unwrap()).collect()
        })
        .collect()
}

#[test]
fn a_long_table_is_cut_into_few_even_slices_on_one_grid_in_pdf_and_docx() {
    let mut random = Seeded(0x25_0011);
    for (case, years) in [11, 11, 20, 20].into_iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("input.yaml");
        std::fs::write(&input, report_input(&mut random, years)).unwrap();
        let out = dir.path().join("out");
        build(&input, &out, &[]);

        let slices = pdf_slices(&out.join("bao-cao.pdf"));
        assert!(slices.len() >= 2, "case {case}: {years} years in {} slice(s)", slices.len());
        let printed: Vec<String> = slices.iter().flat_map(|(_, y)| y.clone()).collect();
        let expected: Vec<String> = (2024 - years..2024).map(|y| y.to_string()).collect();
        assert_eq!(printed, expected, "case {case}: every year once, in order");
        // One grid: the k-th figure column of any slice ends where the k-th
        // of the first does (a total column too: it takes a year's slot).
        let first = &slices[0].0;
        for (i, (centres, _)) in slices.iter().enumerate() {
            assert!(centres.len() <= first.len(), "case {case}: slice {i} wider than the first");
            for (k, (a, b)) in first.iter().zip(centres).enumerate() {
                assert!((a - b).abs() < 0.3, "case {case}: slice {i} column {k} ends at {b:.1}, the first's at {a:.1}");
            }
        }
        // As few as fit, shared evenly: the slices' figure columns differ
        // by one at most (never 3, 3, 3, 2 beside room for 6).
        let columns: Vec<usize> = slices.iter().map(|(c, _)| c.len()).collect();
        let (most, least) = (columns.iter().max().unwrap(), columns.iter().min().unwrap());
        assert!(most - least <= 1, "case {case}: slices of {columns:?} columns");
        let slots = years as usize + 1;
        let per_slice = *most;
        assert_eq!(slices.len(), slots.div_ceil(per_slice), "case {case}: {columns:?}");

        let grids = docx_grids(&out.join("bao-cao.docx"));
        assert_eq!(grids.len(), slices.len(), "case {case}: the DOCX cuts the table as the PDF does");
        let widths: BTreeSet<u32> = grids.iter().flat_map(|g| g[3..].iter().copied()).collect();
        assert_eq!(widths.len(), 1, "case {case}: every figure column one width in the DOCX: {grids:?}");
        for grid in &grids {
            assert_eq!(grid[..3], grids[0][..3], "case {case}: STT, name and unit columns on one grid");
        }
    }
}
