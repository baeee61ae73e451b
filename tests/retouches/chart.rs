//! The summary's chart whole in LibreOffice's rendering of the DOCX: below
//! the chart heading, the chart's ink (its titles, scale, bars and years)
//! spans as many points as in the PDF — a picture clipped to its line
//! loses its top.

use std::path::Path;

use crate::common::*;
use crate::pages;
use crate::{summaries, Seeded};

/// Rows of ink (pt from the top, at 72 dpi) on page `page` of `pdf`.
fn ink_rows(pdf: &Path, page: usize, dir: &Path) -> Vec<usize> {
    let prefix = dir.join(format!("page-{page}"));
    let number = page.to_string();
    let args = ["-gray", "-r", "72", "-f", &number, "-l", &number, "-singlefile", pdf.to_str().unwrap()];
    let output = tool("pdftoppm", &[&args[..], &[prefix.to_str().unwrap()]].concat());
    assert!(output.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&output.stderr));
    let bytes = std::fs::read(prefix.with_extension("pgm")).unwrap();
    let mut header = bytes.splitn(4, |b| *b == b'\n');
    assert_eq!(header.next(), Some(&b"P5"[..]));
    let size = String::from_utf8(header.next().unwrap().to_vec()).unwrap();
    let (width, height): (usize, usize) = {
        let mut parts = size.split_whitespace().map(|n| n.parse().unwrap());
        (parts.next().unwrap(), parts.next().unwrap())
    };
    header.next();
    let pixels = header.next().unwrap();
    (0..height).filter(|y| pixels[y * width..(y + 1) * width].iter().any(|p| *p < 160)).collect()
}

/// The chart's extent (pt) under the heading "BIỂU ĐỒ" on the first page
/// that has it: from the first row of ink below the heading to the last
/// before a gap of 20 pt (the chart's own gaps are narrower).
fn chart_extent(pdf: &Path, dir: &Path) -> (usize, f32) {
    let pages = pages::read(pdf);
    let (index, heading) = pages
        .iter()
        .enumerate()
        .find_map(|(i, p)| p.lines().into_iter().find(|l| l.text().contains("BIỂU ĐỒ")).map(|l| (i, l.bottom())))
        .unwrap_or_else(|| panic!("no chart heading in {}", pdf.display()));
    let rows: Vec<usize> = ink_rows(pdf, index + 1, dir).into_iter().filter(|&y| y as f32 > heading + 2.0).collect();
    let first = rows[0];
    let mut last = first;
    for &y in &rows[1..] {
        if y > last + 20 {
            break;
        }
        last = y;
    }
    (index + 1, (last - first) as f32)
}

fn assert_whole(label: &str, out: &Path, dir: &Path) {
    let (page, ours) = chart_extent(&out.join("tong-hop.pdf"), dir);
    let rendered = libreoffice_pdf(&out.join("tong-hop.docx"), dir);
    let (their_page, theirs) = chart_extent(&rendered, dir);
    assert_eq!(page, their_page, "{label}: the chart on one page in both");
    assert!(ours > 100.0, "{label}: a chart of {ours} pt under its heading");
    assert!(
        (theirs - ours).abs() <= 4.0,
        "{label}: the chart spans {theirs} pt in LibreOffice's rendering of the DOCX, {ours} pt in the PDF"
    );
}

#[test]
fn the_summary_chart_is_whole_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("th");
    let inputs = root().join("inputs");
    let (a, b) = (inputs.join("quan-a.yaml"), inputs.join("quan-b.yaml"));
    let args = [
        "summary",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--from",
        "2018",
        "--to",
        "2023",
        "-o",
        out.to_str().unwrap(),
    ];
    let output = baocao(&args, dir.path());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_whole("sample summary", &out, dir.path());

    let mut random = Seeded(0x25_0003);
    let (generated_dir, generated) = summaries::many_units(&mut random, 3, 8, 6);
    assert_whole("generated summary", &generated, generated_dir.path());
}
