//! Typesetting that holds on any conference: seeded generated inputs
//! (many metrics and years, long names and lists, long narrative, one to
//! three award groups) built by the real binary, their PDFs read back with
//! poppler's word boxes:
//!
//! - every glyph inside the margins (certificates: inside the inner frame);
//! - no heading line, table header row, group row or lone total row last
//!   on a page;
//! - on a sample of the cases and on every sample input, the PDF and
//!   LibreOffice's rendering of the DOCX have the same page count and start
//!   every page with the same words.

#[path = "../common/mod.rs"]
mod common;
mod generator;
mod pages;

use std::path::{Path, PathBuf};

use common::*;
use pages::MM;

/// Cases per test function; the functions run side by side.
const CASES: u64 = 80;

/// Headings the built-in templates print (numbering aside), and the
/// decision's centred lines that keep with what follows.
fn headings() -> Vec<String> {
    [
        "Phần I",
        "Phần II",
        "Phần III",
        "KẾT QUẢ THỰC HIỆN",
        "ĐẶC ĐIỂM TÌNH HÌNH",
        "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI THỰC HIỆN",
        "KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG PHỐI HỢP",
        "CÔNG TÁC THI ĐUA, KHEN THƯỞNG",
        "ĐÁNH GIÁ CHUNG",
        "Tồn tại, hạn chế",
        "Nguyên nhân",
        "Bài học kinh nghiệm",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "ĐỀ XUẤT, KIẾN NGHỊ",
        "KẾT QUẢ THEO CHỈ TIÊU",
        "KẾT QUẢ THEO ĐƠN VỊ",
        "BIỂU ĐỒ KẾT QUẢ THEO NĂM",
        "QUYẾT ĐỊNH:",
    ]
    .iter()
    .flat_map(|h| {
        // With its number: "I. ĐẶC ĐIỂM …", "1. Nguyên nhân".
        let numbered = ["I.", "II.", "III.", "IV.", "V.", "1.", "2.", "3."].map(|n| format!("{n} {h}"));
        std::iter::once(h.to_string()).chain(numbered)
    })
    .collect()
}

/// Writes case `seed` into `dir` and builds it: PDFs (and DOCX when
/// `docx`), plus the period summary when the case has sub-units.
fn build_case(seed: u64, dir: &Path, docx: bool) -> generator::Conference {
    let conference = generator::conference(seed);
    let input = dir.join(format!("hoi-nghi-{seed}.yaml"));
    std::fs::write(&input, &conference.yaml).unwrap();
    let out = dir.join("out");
    let mut args = vec!["build", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--only", "bao-cao,quyet-dinh"];
    if !docx {
        args.extend(["--format", "pdf"]);
    }
    let output = baocao(&args, dir);
    assert!(output.status.success(), "seed {seed}: {}\n{}", String::from_utf8_lossy(&output.stderr), conference.yaml);
    if conference.has_units {
        let (from, to) = (conference.from.to_string(), conference.to.to_string());
        let summary = dir.join("tong-hop");
        let output = baocao(
            &["summary", input.to_str().unwrap(), "--from", &from, "--to", &to, "-o", summary.to_str().unwrap()],
            dir,
        );
        assert!(output.status.success(), "seed {seed} summary: {}", String::from_utf8_lossy(&output.stderr));
    }
    conference
}

/// The PDFs a built case holds: the report, each decision, the summary.
fn papers(dir: &Path) -> Vec<PathBuf> {
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    let summary = dir.join("tong-hop/tong-hop.pdf");
    if summary.exists() {
        pdfs.push(summary);
    }
    pdfs.sort();
    pdfs
}

/// Builds cases `seeds` and checks margins and breaks on every PDF.
fn check_cases(seeds: std::ops::Range<u64>) {
    let mut wrong = Vec::new();
    let mut checked = 0;
    for seed in seeds {
        let dir = tempfile::tempdir().unwrap();
        let conference = build_case(seed, dir.path(), false);
        let mut headings = headings();
        headings.extend(conference.authorities);
        for pdf in papers(dir.path()) {
            let name = format!("seed {seed} {}", pdf.file_name().unwrap().to_string_lossy());
            let pages = pages::read(&pdf);
            assert!(!pages.is_empty(), "{name}: no pages");
            wrong.extend(pages::outside_margins(&name, &pages));
            wrong.extend(pages::bad_breaks(&name, &pages, &headings));
            checked += 1;
        }
    }
    assert!(checked > 0);
    assert!(wrong.is_empty(), "{} problems in {checked} papers:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn generated_papers_keep_margins_and_break_well_1() {
    check_cases(0..CASES);
}

#[test]
fn generated_papers_keep_margins_and_break_well_2() {
    check_cases(CASES..2 * CASES);
}

#[test]
fn generated_papers_keep_margins_and_break_well_3() {
    check_cases(2 * CASES..3 * CASES);
}

#[test]
fn generated_papers_keep_margins_and_break_well_4() {
    check_cases(3 * CASES..4 * CASES);
}

/// Inner frame of each sheet size, mm: A3 as the layout draws it, 400 × 300
/// as NĐ 50/2006 prescribes (320 × 230, centred), A4 the A3 frame scaled.
fn inner_frame(paper: (f32, f32)) -> (f32, f32, f32, f32) {
    match paper {
        (w, h) if (w - 400.0).abs() < 1.0 && (h - 300.0).abs() < 1.0 => (40.0, 35.0, 320.0, 230.0),
        (w, h) => {
            let inset = 20.0 * (w / 420.0).min(h / 297.0);
            (inset, inset, w - 2.0 * inset, h - 2.0 * inset)
        }
    }
}

#[test]
fn generated_certificates_stay_inside_their_frame_on_every_sheet_size() {
    let mut wrong = Vec::new();
    let mut sheets = 0;
    for seed in (0..4 * CASES).step_by(8) {
        let dir = tempfile::tempdir().unwrap();
        let conference = generator::conference(seed);
        let input = dir.path().join("hoi-nghi.yaml");
        std::fs::write(&input, &conference.yaml).unwrap();
        for paper in ["a3", "400x300", "a4"] {
            let out = dir.path().join(paper);
            build(&input, &out, &["--only", "khen", "--format", "pdf", "--sheet", paper]);
            for entry in std::fs::read_dir(&out).unwrap() {
                let pdf = entry.unwrap().path();
                if pdf.extension().is_none_or(|e| e != "pdf") {
                    continue;
                }
                let pages = pages::read(&pdf);
                let size = (pages[0].width / MM, pages[0].height / MM);
                let name = format!("seed {seed} {paper} {}", pdf.file_name().unwrap().to_string_lossy());
                wrong.extend(pages::outside_frame(&name, &pages, inner_frame(size)));
                sheets += pages.len();
            }
        }
    }
    assert!(sheets > 100, "{sheets} sheets");
    assert!(wrong.is_empty(), "{} words outside, of {sheets} sheets:\n{}", wrong.len(), wrong.join("\n"));
}

/// Page count and the first words of every page, PDF against LibreOffice's
/// rendering of the DOCX; what differs, one line each.
fn compare_with_libreoffice(pairs: &[(String, PathBuf, PathBuf)], dir: &Path) -> Vec<String> {
    // One LibreOffice run converts every DOCX, each copied under a name of its own.
    let (inbox, lo) = (dir.join("lo-in"), dir.join("lo"));
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::create_dir_all(&lo).unwrap();
    let copies: Vec<PathBuf> = pairs
        .iter()
        .enumerate()
        .map(|(i, (_, _, docx))| {
            let copy = inbox.join(format!("{i:04}.docx"));
            std::fs::copy(docx, &copy).unwrap();
            copy
        })
        .collect();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let mut args = vec![profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir", lo.to_str().unwrap()];
    args.extend(copies.iter().map(|c| c.to_str().unwrap()));
    let output = tool("soffice", &args);
    assert!(output.status.success(), "LibreOffice: {}", String::from_utf8_lossy(&output.stderr));
    let top = pages::MARGINS.0 * MM;
    let mut wrong = Vec::new();
    for ((name, pdf, docx), copy) in pairs.iter().zip(&copies) {
        let converted = lo.join(copy.with_extension("pdf").file_name().unwrap());
        assert!(converted.exists(), "LibreOffice did not convert {}", docx.display());
        let ours = pages::read(pdf);
        let theirs = pages::read(&converted);
        if ours.len() != theirs.len() {
            wrong.push(format!("{name}: {} pages as PDF, {} as DOCX in LibreOffice", ours.len(), theirs.len()));
            continue;
        }
        for (index, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            let (a, b) = (a.first_words(top, 4), b.first_words(top, 4));
            if a != b {
                wrong.push(format!("{name} page {}: PDF starts {:?}, DOCX {:?}", index + 1, a.join(" "), b.join(" ")));
            }
        }
    }
    wrong
}

/// Every PDF of an output folder with its DOCX twin.
fn pairs_in(label: &str, out: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut pairs: Vec<(String, PathBuf, PathBuf)> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf") && p.with_extension("docx").exists())
        .map(|pdf| {
            (format!("{label} {}", pdf.file_name().unwrap().to_string_lossy()), pdf.clone(), pdf.with_extension("docx"))
        })
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn generated_papers_paginate_alike_as_pdf_and_as_docx_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let mut pairs = Vec::new();
    for seed in (3..4 * CASES).step_by(11) {
        let case = dir.path().join(format!("case-{seed}"));
        std::fs::create_dir_all(&case).unwrap();
        build_case(seed, &case, true);
        pairs.extend(pairs_in(&format!("seed {seed}"), &case.join("out")));
    }
    assert!(pairs.len() > 40, "{} papers", pairs.len());
    let wrong = compare_with_libreoffice(&pairs, dir.path());
    assert!(wrong.is_empty(), "{} differences in {} papers:\n{}", wrong.len(), pairs.len(), wrong.join("\n"));
}

#[test]
fn sample_papers_paginate_alike_as_pdf_and_as_docx_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let mut pairs = Vec::new();
    let inputs = root().join("inputs");
    for name in ["hai-phong-2018", "quan-a", "quan-b"] {
        let out = dir.path().join(name);
        build(&inputs.join(format!("{name}.yaml")), &out, &["--only", "bao-cao,quyet-dinh"]);
        pairs.extend(pairs_in(name, &out));
    }
    let summary = dir.path().join("tong-hop");
    let output = baocao(
        &[
            "summary",
            inputs.join("quan-a.yaml").to_str().unwrap(),
            inputs.join("quan-b.yaml").to_str().unwrap(),
            "--from",
            "2018",
            "--to",
            "2023",
            "-o",
            summary.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    pairs.extend(pairs_in("tổng hợp", &summary));
    assert!(pairs.len() >= 5, "{} papers", pairs.len());
    let wrong = compare_with_libreoffice(&pairs, dir.path());
    assert!(wrong.is_empty(), "{} differences:\n{}", wrong.len(), wrong.join("\n"));
}
