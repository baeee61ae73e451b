//! The PDF and LibreOffice's rendering of the DOCX agree: the page's size
//! and orientation (python-docx reads the DOCX's section), and the page
//! number's place — centred over the text block in the top margin — on a
//! long report and on a landscape summary of many units.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use crate::pages::{self, MM};
use crate::{grid, summaries, Seeded};

/// Each section's width, height (mm) and orientation as python-docx reads them.
fn docx_sections(docx: &Path) -> Vec<(f32, f32, String)> {
    const SCRIPT: &str = r#"
import sys, docx
for s in docx.Document(sys.argv[1]).sections:
    print(s.page_width.mm, s.page_height.mm, s.orientation)
"#;
    let python = root().join("target/venv/bin/python");
    assert!(python.exists(), "python-docx is needed: run scripts/test (it creates target/venv)");
    let output = Command::new(&python).args(["-c", SCRIPT]).arg(docx).output().expect("run python");
    assert!(output.status.success(), "python-docx: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let parts: Vec<&str> = l.split_whitespace().collect();
            (parts[0].parse().unwrap(), parts[1].parse().unwrap(), parts[2].to_string())
        })
        .collect()
}

/// A page's size (pt) and its number's centre and bottom (pt from the top),
/// if it has one (a number alone in the top margin).
type Numbered = ((f32, f32), Option<(f32, f32)>);

/// Per page: its size and number.
fn numbers(pdf: &Path) -> Vec<Numbered> {
    pages::read(pdf)
        .iter()
        .map(|page| {
            let number = page
                .words
                .iter()
                .find(|w| w.y1 < 20.0 * MM && w.text.chars().all(|c| c.is_ascii_digit()))
                .map(|w| ((w.x0 + w.x1) / 2.0, w.y1));
            ((page.width, page.height), number)
        })
        .collect()
}

fn assert_alike(label: &str, pdf: &Path, docx: &Path, dir: &Path) {
    let ours = numbers(pdf);
    let theirs = numbers(&libreoffice_pdf(docx, dir));
    assert_eq!(ours.len(), theirs.len(), "{label}: page counts");
    assert!(ours.len() >= 2, "{label}: a page with a number");
    for (page, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        assert!(
            (a.0 .0 - b.0 .0).abs() < 1.0 && (a.0 .1 - b.0 .1).abs() < 1.0,
            "{label} page {}: {a:?} {b:?}",
            page + 1
        );
        match (a.1, b.1) {
            (None, None) => assert_eq!(page, 0, "{label}: page {} without a number", page + 1),
            (Some((x, y)), Some((x2, y2))) => {
                assert!(
                    (x - x2).abs() < 0.5 * MM,
                    "{label} page {}: number centred at {:.1} mm in the PDF, {:.1} mm in the DOCX",
                    page + 1,
                    x / MM,
                    x2 / MM
                );
                assert!(
                    (y - y2).abs() < 1.0 * MM,
                    "{label} page {}: number's baseline at {:.1} mm in the PDF, {:.1} mm in the DOCX",
                    page + 1,
                    y / MM,
                    y2 / MM
                );
                // NĐ 30: centred across the text block (left margin 30 mm, right 15 mm).
                let centre = (30.0 + (a.0 .0 / MM - 45.0) / 2.0) * MM;
                assert!(
                    (x - centre).abs() < 0.5 * MM,
                    "{label} page {}: number at {:.1} mm, the text block's centre {:.1} mm",
                    page + 1,
                    x / MM,
                    centre / MM
                );
            }
            other => panic!("{label} page {}: the number in one rendering only: {other:?}", page + 1),
        }
    }
    for (width, height, orientation) in docx_sections(docx) {
        let (w, h) = ours[0].0;
        assert!((width - w / MM).abs() < 0.5 && (height - h / MM).abs() < 0.5, "{label}: section {width}×{height} mm");
        let landscape = width > height;
        assert_eq!(orientation.contains("LANDSCAPE"), landscape, "{label}: python-docx reads {orientation}");
    }
}

#[test]
fn page_size_orientation_and_page_number_agree_in_pdf_and_docx() {
    let mut random = Seeded(0x25_0002);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input.yaml");
    std::fs::write(&input, grid::report_input(&mut random, 20)).unwrap();
    let out = dir.path().join("out");
    build(&input, &out, &[]);
    assert_alike("report", &out.join("bao-cao.pdf"), &out.join("bao-cao.docx"), dir.path());

    let (summary_dir, summary) = summaries::many_units(&mut random, 5, 29, 17);
    let size = stdout_of("pdfinfo", &[summary.join("tong-hop.pdf").to_str().unwrap()]);
    assert!(size.contains("841.89 x 595.276"), "a summary of 17 years is landscape: {size}");
    assert_alike("summary", &summary.join("tong-hop.pdf"), &summary.join("tong-hop.docx"), summary_dir.path());
}
