//! An overlay certificate's DOCX prints where its PDF does on the same
//! pre-printed blank: LibreOffice's rendering of the DOCX and the PDF,
//! rasterised at 10 pixels a millimetre, put every line's ink at the same
//! height within 0.3 mm (the vertical ink profile of each line, across
//! the line's width, matched at the best shift).
//!
//! Compared as ink, not as `pdftotext -bbox` boxes: a box's top and bottom
//! come from the font's declared ascent and descent, which LibreOffice's
//! PDF leaves at 0 (poppler then takes the font's bounding box), so the
//! boxes of one glyph at one place differ by a tenth of the type size.

use std::path::Path;

use crate::common::*;
use crate::generator;
use crate::pages;

/// Pixels a millimetre of the rasterised pages.
const PX_PER_MM: f32 = 10.0;

/// Page `page` of `pdf`, grey, as (width, height, pixels).
fn raster(pdf: &Path, page: usize, dir: &Path, name: &str) -> (usize, usize, Vec<u8>) {
    let prefix = dir.join(name);
    let number = page.to_string();
    let dpi = (PX_PER_MM * 25.4).to_string();
    let args = ["-gray", "-r", &dpi, "-f", &number, "-l", &number, "-singlefile", pdf.to_str().unwrap()];
    let output = tool("pdftoppm", &[&args[..], &[prefix.to_str().unwrap()]].concat());
    assert!(output.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&output.stderr));
    let bytes = std::fs::read(prefix.with_extension("pgm")).unwrap();
    let mut parts = bytes.splitn(4, |b| *b == b'\n');
    assert_eq!(parts.next(), Some(&b"P5"[..]));
    let size = String::from_utf8(parts.next().unwrap().to_vec()).unwrap();
    let mut numbers = size.split_whitespace().map(|n| n.parse().unwrap());
    let (width, height) = (numbers.next().unwrap(), numbers.next().unwrap());
    parts.next();
    (width, height, parts.next().unwrap().to_vec())
}

/// How far (mm, down positive) the LibreOffice rendering sets each text
/// line of page `page` of `ours` against the PDF; one entry per line.
fn line_shifts(ours: &Path, theirs: &Path, page: usize, dir: &Path) -> Vec<(String, f32)> {
    let a = raster(ours, page, dir, "ours");
    let b = raster(theirs, page, dir, "theirs");
    // One sheet size (the DOCX's in whole twips: a pixel may differ).
    assert!(a.0.abs_diff(b.0) <= 1 && a.1.abs_diff(b.1) <= 1, "sheets of {:?} and {:?} px", (a.0, a.1), (b.0, b.1));
    let px = |pt: f32| (pt / pages::MM * PX_PER_MM) as usize;
    let margin = (3.0 * PX_PER_MM) as usize;
    let reach = (2.5 * PX_PER_MM) as isize;
    let mut shifts = Vec::new();
    for line in pages::read(ours)[page - 1].lines() {
        let x0 = px(line.words.iter().map(|w| w.x0).fold(f32::MAX, f32::min));
        let x1 = px(line.words.iter().map(|w| w.x1).fold(0.0, f32::max)).min(a.0.min(b.0) - 1);
        let y0 = px(line.words.iter().map(|w| w.y0).fold(f32::MAX, f32::min)).saturating_sub(margin);
        let y1 = (px(line.bottom()) + margin).min(a.1.min(b.1) - 1);
        let profile = |(w, _, pixels): &(usize, usize, Vec<u8>), y: usize| -> i64 {
            pixels[y * w + x0..=y * w + x1].iter().filter(|p| **p < 128).count() as i64
        };
        let ours_profile: Vec<i64> = (y0..=y1).map(|y| profile(&a, y)).collect();
        let best = (-reach..=reach)
            .min_by_key(|shift| {
                (y0..=y1)
                    .map(|y| {
                        let moved = y as isize + shift;
                        let theirs = if moved < 0 || moved as usize >= b.1 { 0 } else { profile(&b, moved as usize) };
                        (ours_profile[y - y0] - theirs).abs()
                    })
                    .sum::<i64>()
            })
            .unwrap();
        shifts.push((line.text(), best as f32 / PX_PER_MM));
    }
    shifts
}

fn assert_same_places(label: &str, out: &Path, dir: &Path) {
    let mut checked = 0;
    for entry in std::fs::read_dir(out).unwrap() {
        let pdf = entry.unwrap().path();
        if pdf.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let rendered = libreoffice_pdf(&pdf.with_extension("docx"), &dir.join("lo"));
        for page in [1, pdf_pages(&pdf)] {
            for (line, shift) in line_shifts(&pdf, &rendered, page, dir) {
                assert!(
                    shift.abs() <= 0.3,
                    "{label} {} sheet {page}: «{line}» {shift:+.1} mm in the DOCX",
                    pdf.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 8, "{label}: {checked} lines compared");
}

#[test]
fn an_overlay_docx_prints_where_its_pdf_does() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample");
    build(&sample_input(), &out, &["--only", "khen", "--overlay"]);
    assert_same_places("sample", &out, dir.path());

    // Generated conferences: long names and units, on A4 and A3 blanks.
    for (seed, sheet) in [(3, "a4"), (11, "a3")] {
        let conference = generator::conference(seed);
        let input = dir.path().join(format!("hoi-nghi-{seed}.yaml"));
        std::fs::write(&input, &conference.yaml).unwrap();
        let out = dir.path().join(format!("generated-{seed}"));
        build(&input, &out, &["--only", "khen", "--overlay", "--sheet", sheet, "--offset", "1.5,-2"]);
        assert_same_places(&format!("seed {seed} on {sheet}"), &out, dir.path());
    }
}
