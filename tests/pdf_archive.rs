//! What a PDF says about itself (title, subject, author, creation date —
//! the paper's own date, or `SOURCE_DATE_EPOCH`), and `--pdfa`: PDF/A-2b
//! with its identification and sRGB output intent, read back with poppler.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

fn info(pdf: &Path) -> String {
    stdout_of("pdfinfo", &[pdf.to_str().unwrap()])
}

fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines().find_map(|l| l.strip_prefix(&format!("{name}:"))).map(str::trim).unwrap_or("")
}

fn baocao_with_epoch(args: &[&str], epoch: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .current_dir(root())
        .output()
        .expect("run baocao")
}

#[test]
fn every_pdf_names_its_title_subject_author_and_date() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--format", "pdf"]);
    let report = info(&out.path().join("bao-cao.pdf"));
    assert!(field(&report, "Title").starts_with("Sơ kết 5 năm thực hiện Chương trình phối hợp số 09"), "{report}");
    assert_eq!(field(&report, "Subject"), "Báo cáo số 125/BC-CAHP", "{report}");
    assert_eq!(field(&report, "Author"), "CÔNG AN THÀNH PHỐ HẢI PHÒNG", "{report}");
    assert!(field(&report, "CreationDate").contains("Aug 21 00:00:00 2018"), "{report}");
    for (file, author, date) in [
        ("quyet-dinh-1.pdf", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "Aug 15 00:00:00 2018"),
        ("khen-1.pdf", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "Aug 15 00:00:00 2018"),
        ("quyet-dinh-2.pdf", "CÔNG AN THÀNH PHỐ HẢI PHÒNG", "Aug 16 00:00:00 2018"),
        ("khen-2.pdf", "CÔNG AN THÀNH PHỐ HẢI PHÒNG", "Aug 16 00:00:00 2018"),
    ] {
        let info = info(&out.path().join(file));
        assert_eq!(field(&info, "Author"), author, "{file}: {info}");
        assert!(field(&info, "CreationDate").contains(date), "{file}: {info}");
        assert!(!field(&info, "Title").is_empty() && !field(&info, "Subject").is_empty(), "{file}: {info}");
        let xmp = stdout_of("pdfinfo", &["-meta", out.path().join(file).to_str().unwrap()]);
        assert!(xmp.contains("CÔNG AN") || xmp.contains("ỦY BAN"), "{file}: XMP carries the author: {xmp}");
        assert!(!xmp.contains("pdfaid"), "{file}: a plain PDF claims no PDF/A: {xmp}");
    }
}

#[test]
fn source_date_epoch_dates_every_file_and_runs_stay_byte_identical() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        let output = baocao_with_epoch(
            &["build", sample_input().to_str().unwrap(), "-o", dir.path().to_str().unwrap()],
            "1700000000",
        );
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let report = info(&a.path().join("bao-cao.pdf"));
    assert!(field(&report, "CreationDate").contains("Nov 14 22:13:20 2023"), "{report}");
    let core = docx_part(&a.path().join("quyet-dinh-1.docx"), "docProps/core.xml");
    assert!(core.contains(">2023-11-14T22:13:20Z</dcterms:created>"), "{core}");
    for entry in std::fs::read_dir(a.path()).unwrap() {
        let name = entry.unwrap().file_name();
        let same = std::fs::read(a.path().join(&name)).unwrap() == std::fs::read(b.path().join(&name)).unwrap();
        assert!(same, "{name:?} differs between two runs");
    }

    let bad = tempfile::tempdir().unwrap();
    let output =
        baocao_with_epoch(&["build", sample_input().to_str().unwrap(), "-o", bad.path().to_str().unwrap()], "hôm qua");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("SOURCE_DATE_EPOCH"));
    assert_eq!(std::fs::read_dir(bad.path()).unwrap().count(), 0, "nothing written");
}

#[test]
fn pdfa_writes_pdf_a_2b_with_its_identification_and_output_intent() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--format", "pdf", "--pdfa"]);
    for file in ["bao-cao.pdf", "quyet-dinh-1.pdf", "khen-1.pdf"] {
        let pdf = out.path().join(file);
        let xmp = stdout_of("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{file}: {xmp}");
        assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "{file}: {xmp}");
        let bytes = std::fs::read(&pdf).unwrap();
        let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(has(b"/OutputIntents") && has(b"/GTS_PDFA1"), "{file}: PDF/A output intent");
        assert!(has(b"/DestOutputProfile"), "{file}: the output intent's ICC profile");
        assert!(field(&info(&pdf), "PDF version") == "1.7", "{file}");
    }
    // The same text and pages as the plain PDF.
    let plain = tempfile::tempdir().unwrap();
    build(&sample_input(), plain.path(), &["--format", "pdf", "--only", "bao-cao"]);
    assert_eq!(pdf_text(&out.path().join("bao-cao.pdf"), None), pdf_text(&plain.path().join("bao-cao.pdf"), None));
}

#[test]
fn a_pdfa_summary_needs_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (root().join("inputs/quan-a.yaml"), root().join("inputs/quan-b.yaml"));
    let args = |out: &str, extra: &[&'static str]| {
        let mut args: Vec<String> = [
            "summary",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--from",
            "2016",
            "--to",
            "2018",
            "--pdfa",
            "-o",
            out,
        ]
        .map(String::from)
        .to_vec();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let undated = dir.path().join("khong-ngay");
    let arguments = args(undated.to_str().unwrap(), &[]);
    let output = baocao(&arguments.iter().map(String::as_str).collect::<Vec<_>>(), &root());
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--ngay"), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!undated.exists(), "nothing written");

    let dated = dir.path().join("co-ngay");
    let arguments = args(dated.to_str().unwrap(), &["--ngay", "2019-01-10"]);
    let output = baocao(&arguments.iter().map(String::as_str).collect::<Vec<_>>(), &root());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let xmp = stdout_of("pdfinfo", &["-meta", dated.join("tong-hop.pdf").to_str().unwrap()]);
    assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"), "{xmp}");
}

#[test]
fn a_template_character_no_font_draws_is_refused_at_its_line_in_the_asked_language() {
    // Templates are checked like the data: a character the fonts lack is a
    // located problem of `check` and `build` (before, PDF/A's validator
    // refused its blank box when the paper was drawn).
    let dir = tempfile::tempdir().unwrap();
    let input = sample_with_list(dir.path(), "danh-sach.csv");
    std::fs::copy(root().join("inputs/hai-phong-2018-bang-khen.csv"), dir.path().join("danh-sach.csv")).unwrap();
    std::fs::create_dir(dir.path().join("mau")).unwrap();
    let subject = std::fs::read_to_string(root().join("templates/bao-cao-trich-yeu.hbs")).unwrap();
    std::fs::write(
        dir.path().join("mau/bao-cao-trich-yeu.hbs"),
        format!("{{{{!-- 漢 in a comment --}}}}\nVề 漢 {subject}"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let (input, out_arg) = (input.to_str().unwrap(), out.to_str().unwrap());
    for (lang, expected) in [
        ("vi", "lỗi: mau/bao-cao-trich-yeu.hbs:2:4: phông chữ không có ký tự «漢» (U+6F22); hãy thay bằng chữ khác\n"),
        ("en", "error: mau/bao-cao-trich-yeu.hbs:2:4: the font cannot draw «漢» (U+6F22); replace it\n"),
    ] {
        for command in [
            vec!["--lang", lang, "check", input, "--templates", "mau"],
            vec!["--lang", lang, "build", input, "--templates", "mau", "--pdfa", "--format", "pdf", "-o", out_arg],
        ] {
            let output = baocao(&command, dir.path());
            assert_eq!(output.status.code(), Some(2), "{command:?}");
            let said = String::from_utf8_lossy(&output.stderr);
            assert!(said.starts_with(expected), "{command:?}: {said}");
            assert!(!out.exists(), "{lang}: nothing written");
        }
    }
}
