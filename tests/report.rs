//! The report end to end: built by the binary from YAML, read back with
//! poppler (PDF) and LibreOffice (DOCX), as a secretariat's tools would.

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn sample_input() -> baocao::input::Input {
    baocao::input::load(&common::sample_input()).expect("sample input is valid")
}

#[test]
fn every_printed_input_string_is_in_the_pdf_text() {
    let out = tempfile::tempdir().unwrap();
    build(&common::sample_input(), out.path(), &["--format", "pdf"]);
    let text = common::pdf_body_text(&out.path().join("bao-cao.pdf"));
    let missing: Vec<String> =
        printed_strings(&sample_input()).into_iter().filter(|s| !text.contains(s.as_str())).collect();
    assert!(missing.is_empty(), "missing from the PDF text: {missing:#?}\n\n{text}");
    for fixed in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 125/BC-CAHP",
        "Hải Phòng, ngày 21 tháng 8 năm 2018",
        "BÁO CÁO",
        "Sơ kết 5 năm thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW ngày 01 tháng 8 năm 2013, giai đoạn 2013 - 2018",
        "Công an thành phố Hải Phòng báo cáo kết quả sơ kết 5 năm thực hiện Chương trình (giai đoạn 2013 - 2018) như sau:",
        "Nơi nhận:",
        "- Lưu: VT, PV05.",
        "Đại tá Lê Nguyên Trường",
        "12 tập thể và 15 cá nhân được Chủ tịch Ủy ban nhân dân thành phố Hải Phòng tặng Bằng khen",
        "1 tập thể và 2 cá nhân được Giám đốc Công an thành phố Hải Phòng tặng Giấy khen",
        "Tổng cộng 30 lượt tập thể, cá nhân được khen thưởng.",
        "Sau 5 năm thực hiện, kết quả chủ yếu: 77 mô hình về bảo đảm ANTT do MTTQ các cấp xây dựng, nhân rộng; 10 CLB về bảo đảm ANTT; 315 mô hình do Công an đề xuất cấp ủy, chính quyền xây dựng, duy trì (chi tiết tại bảng dưới đây).",
        "(giai đoạn 2013 - 2018) của Công an thành phố Hải Phòng./.",
        "./.",
    ] {
        assert!(text.contains(fixed), "missing {fixed:?} in:\n{text}");
    }
}

#[test]
fn pdf_is_a4_with_subset_fonts_and_page_numbers_from_page_two() {
    let out = tempfile::tempdir().unwrap();
    build(&common::sample_input(), out.path(), &["--format", "pdf"]);
    let pdf = out.path().join("bao-cao.pdf");
    let info = stdout_of("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");

    let fonts = stdout_of("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 4, "four faces expected:\n{fonts}");
    for face in ["LiberationSerif ", "LiberationSerif-Bold ", "LiberationSerif-Italic ", "LiberationSerif-BoldItalic "]
    {
        let row =
            rows.iter().find(|r| r.contains(&format!("+{face}"))).unwrap_or_else(|| panic!("{face} missing:\n{fonts}"));
        let flags: Vec<&str> = row.split_whitespace().rev().skip(2).take(3).collect();
        assert_eq!(flags, ["yes", "yes", "yes"], "embedded, subset, unicode: {row}");
    }

    let pages = pdf_pages(&pdf);
    assert!(pages >= 2, "the sample report has at least two pages");
    let first = stdout_of("pdftotext", &["-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"]);
    assert!(first.trim_start().starts_with("UBND THÀNH PHỐ HẢI PHÒNG"), "page 1 carries no number:\n{first}");
    for page in 2..=pages {
        let text =
            stdout_of("pdftotext", &["-f", &page.to_string(), "-l", &page.to_string(), pdf.to_str().unwrap(), "-"]);
        assert_eq!(
            text.split_whitespace().next(),
            Some(page.to_string().as_str()),
            "page {page} starts with its number"
        );
    }
}

#[test]
fn same_input_gives_byte_identical_files() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build(&common::sample_input(), a.path(), &[]);
    build(&common::sample_input(), b.path(), &[]);
    let names = |dir: &Path| {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        names.sort();
        names
    };
    assert_eq!(names(a.path()), names(b.path()));
    for name in names(a.path()) {
        let (x, y) = (std::fs::read(a.path().join(&name)).unwrap(), std::fs::read(b.path().join(&name)).unwrap());
        assert!(x == y, "{name} differs between two runs");
    }
}

#[test]
fn manifest_lists_what_was_written() {
    let out = tempfile::tempdir().unwrap();
    build(&common::sample_input(), out.path(), &[]);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["input"], "hai-phong-2018.yaml");
    let files = manifest["files"].as_array().unwrap();
    let listed: Vec<(String, String, String)> = files
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().into(),
                f["kind"].as_str().unwrap().into(),
                f["format"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected = [
        ("bao-cao.pdf", "bao-cao", "pdf"),
        ("bao-cao.docx", "bao-cao", "docx"),
        ("quyet-dinh-1.pdf", "quyet-dinh", "pdf"),
        ("quyet-dinh-1.docx", "quyet-dinh", "docx"),
        ("quyet-dinh-2.pdf", "quyet-dinh", "pdf"),
        ("quyet-dinh-2.docx", "quyet-dinh", "docx"),
        ("tin-bai.pdf", "tin-bai", "pdf"),
        ("tin-bai.docx", "tin-bai", "docx"),
        ("tin-bai.txt", "tin-bai", "txt"),
        ("giay-moi.pdf", "ngay-hoi-nghi", "pdf"),
        ("kich-ban.docx", "ngay-hoi-nghi", "docx"),
        ("danh-sach-dai-bieu.pdf", "ngay-hoi-nghi", "pdf"),
        ("bang-ten.pdf", "ngay-hoi-nghi", "pdf"),
        ("bang-ten.docx", "ngay-hoi-nghi", "docx"),
        ("ky-nhan-2.docx", "ngay-hoi-nghi", "docx"),
    ];
    for (path, kind, format) in expected {
        assert!(listed.contains(&(path.into(), kind.into(), format.into())), "{path} not listed: {listed:?}");
    }
    for file in files.iter().filter(|f| f["format"] == "pdf") {
        let pdf = out.path().join(file["path"].as_str().unwrap());
        assert_eq!(file["pages"].as_u64().unwrap() as usize, pdf_pages(&pdf), "{pdf:?}");
    }
    let mut on_disk: Vec<String> =
        std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    on_disk.sort();
    let mut expected_names: Vec<String> = listed.iter().map(|l| l.0.clone()).chain(["manifest.json".into()]).collect();
    expected_names.sort();
    assert_eq!(on_disk, expected_names, "exactly the listed files and the manifest, no temporary files");
}

#[test]
fn docx_names_times_new_roman_everywhere_and_numbers_pages_from_two() {
    let out = tempfile::tempdir().unwrap();
    build(&common::sample_input(), out.path(), &["--format", "docx"]);
    let docx = out.path().join("bao-cao.docx");
    let xml = docx_part(&docx, "word/document.xml");
    // The fonts are the styles' (docDefaults and Normal); no run names another.
    let styles = docx_part(&docx, "word/styles.xml");
    let fonts: Vec<&str> =
        styles.match_indices("<w:rFonts").map(|(i, _)| styles[i..].split("/>").next().unwrap()).collect();
    assert_eq!(fonts.len(), 2, "in the document defaults and Normal: {styles}");
    for tag in fonts {
        for slot in ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"] {
            assert!(tag.contains(&format!(r#"{slot}="Times New Roman""#)), "{slot} missing in {tag}");
        }
    }
    assert!(!xml.contains("<w:rFonts"), "no run overrides the styles' font");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4 portrait");
    assert!(
        xml.contains(r#"w:top="1134""#) && xml.contains(r#"w:left="1701""#) && xml.contains(r#"w:right="850""#),
        "NĐ 30 margins"
    );
    assert!(xml.contains("<w:titlePg"), "first page has its own (empty) header");
    assert!(xml.contains(r#"<w:pStyle w:val="BodyText" />"#), "body paragraphs in Body Text");
    assert!(styles.contains(r#"<w:jc w:val="both" />"#), "Body Text is justified");
    assert!(xml.contains("<w:tblHeader />"), "results table header row repeats");
    let headers: Vec<String> = (1..=2).map(|i| docx_part(&docx, &format!("word/header{i}.xml"))).collect();
    assert!(headers.iter().any(|h| h.contains("PAGE")), "PAGE field in the default header");
    assert!(headers.iter().any(|h| !h.contains("PAGE")), "an empty first-page header");
}

#[test]
fn libreoffice_opens_the_docx_with_the_same_text_and_page_count() {
    let out = tempfile::tempdir().unwrap();
    build(&common::sample_input(), out.path(), &[]);
    let converted = libreoffice_pdf(&out.path().join("bao-cao.docx"), &out.path().join("lo"));
    let text = common::pdf_body_text(&converted);
    let missing: Vec<String> =
        printed_strings(&sample_input()).into_iter().filter(|s| !text.contains(s.as_str())).collect();
    assert!(missing.is_empty(), "missing from LibreOffice's rendering: {missing:#?}\n\n{text}");
    assert!(text.contains("Hải Phòng, ngày 21 tháng 8 năm 2018"));
    assert_eq!(pdf_pages(&converted), pdf_pages(&out.path().join("bao-cao.pdf")), "DOCX paginates like the PDF");
    let pages = common::pdf_page_texts(&converted);
    assert!(pages[1].starts_with("2 "), "LibreOffice shows the page number on page 2: {}", pages[1]);
    let first = &pages[0];
    assert!(first.starts_with("UBND THÀNH PHỐ HẢI PHÒNG"), "no number on page 1: {first}");
}

#[test]
fn docx_xml_carries_every_printed_input_string() {
    let out = tempfile::tempdir().unwrap();
    build(&common::sample_input(), out.path(), &["--format", "docx"]);
    let text = docx_text(&out.path().join("bao-cao.docx"));
    let missing: Vec<String> =
        printed_strings(&sample_input()).into_iter().filter(|s| !text.contains(s.as_str())).collect();
    assert!(missing.is_empty(), "missing from the DOCX: {missing:#?}");
}

fn write_input(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("input.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

fn minimal() -> String {
    std::fs::read_to_string(common::root().join("tests/fixtures/minimal.yaml")).unwrap()
}

#[test]
fn a_failed_run_leaves_the_existing_output_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&common::sample_input(), &out, &[]);
    let snapshot = |dir: &Path| {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name().to_string_lossy().to_string(), std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot(&out);
    let broken = write_input(dir.path(), &minimal().replace("ngay: 2020-01-05", "ngay: 2020-02-30"));
    let output = baocao(&["build", broken.to_str().unwrap(), "-o", out.to_str().unwrap()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(before == snapshot(&out), "the output folder changed after a failed run");
}

#[test]
fn decomposed_input_prints_composed() {
    let dir = tempfile::tempdir().unwrap();
    let decomposed = "Nguye\u{302}\u{303}n Va\u{306}n An";
    let input = write_input(dir.path(), &minimal().replace("Nguyễn Văn An", decomposed));
    build(&input, &dir.path().join("out"), &["--format", "pdf"]);
    let text = pdf_text(&dir.path().join("out/bao-cao.pdf"), None);
    assert!(text.contains("Nguyễn Văn An"), "{text}");
    assert!(!text.contains(decomposed));
}

#[test]
fn data_never_becomes_markup() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "Tổ *1* | #2 <b> _x_ {{y}} \\\\z";
    let printed = "Tổ *1* | #2 <b> _x_ {{y}} \\z";
    let text =
        minimal().replace("Phối hợp xây dựng khu dân cư an toàn", hostile).replace("\"Như trên\"", "\"# Như trên **\"");
    let input = write_input(dir.path(), &text);
    build(&input, &dir.path().join("out"), &[]);
    let pdf = pdf_text(&dir.path().join("out/bao-cao.pdf"), None);
    assert!(pdf.contains(printed), "{pdf}");
    assert!(pdf.contains("- # Như trên **;"), "{pdf}");
    let docx = docx_text(&dir.path().join("out/bao-cao.docx"));
    assert!(docx.contains(printed), "{docx}");
}

#[test]
fn sections_without_data_are_left_out_and_the_table_has_year_columns() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(dir.path(), &minimal());
    build(&input, &dir.path().join("out"), &["--format", "pdf"]);
    let text = pdf_text(&dir.path().join("out/bao-cao.pdf"), None);
    for absent in ["ĐẶC ĐIỂM TÌNH HÌNH", "ĐÁNH GIÁ CHUNG", "Phần II", "PHƯƠNG HƯỚNG", "Kính gửi", "THI ĐUA"]
    {
        assert!(!text.contains(absent), "{absent} should be left out:\n{text}");
    }
    for present in [
        "Phần I",
        "I. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG PHỐI HỢP",
        // Yearly data for 2 of the 5 years and no period total: the sum is
        // said to be of those years, never the period's result.
        "Sau 5 năm thực hiện, kết quả chủ yếu: từ năm 2018 đến năm 2019 có 9 mô hình tự quản (chi tiết tại bảng dưới đây).",
        "Ghi chú: ở cột “Tổng cộng”, “Mô hình tự quản” chỉ cộng các năm có số liệu.",
    ] {
        assert!(text.contains(present), "{present} missing:\n{text}");
    }
    let rows = pdf_layout_lines(&dir.path().join("out/bao-cao.pdf"));
    for row in ["STT Chỉ tiêu Đơn vị tính Năm 2018 Năm 2019 Tổng cộng", "1 Mô hình tự quản mô hình 4 5 9"]
    {
        assert!(rows.iter().any(|r| r == row), "table row {row:?} missing:\n{rows:#?}");
    }
}

#[test]
fn stocks_total_as_their_rule_says_not_as_a_sum() {
    for (rule, total) in [("cuoi_ky", "5"), ("lon_nhat", "7")] {
        let dir = tempfile::tempdir().unwrap();
        let text = minimal()
            .replace(r#"don_vi: "mô hình" }"#, &format!(r#"don_vi: "mô hình", cach_tinh: {rule} }}"#))
            .replace("{ nam: 2018, mo_hinh: 4 }", "{ nam: 2017, mo_hinh: 7 }\n  - { nam: 2018, mo_hinh: 4 }");
        let input = write_input(dir.path(), &text);
        build(&input, &dir.path().join("out"), &["--format", "pdf"]);
        let rows = pdf_layout_lines(&dir.path().join("out/bao-cao.pdf"));
        let row = format!("1 Mô hình tự quản mô hình 7 4 5 {total}");
        assert!(rows.iter().any(|r| r == &row), "{rule}: row {row:?} missing:\n{rows:#?}");
    }
}

#[test]
fn numbers_and_decimals_print_in_vietnamese_form() {
    let dir = tempfile::tempdir().unwrap();
    let text = minimal()
        .replace("{ nam: 2018, mo_hinh: 4 }", "{ nam: 2018, mo_hinh: 175000.5 }")
        .replace("{ nam: 2019, mo_hinh: 5 }", "{ nam: 2019, mo_hinh: 726.2 }");
    let input = write_input(dir.path(), &text);
    build(&input, &dir.path().join("out"), &["--format", "pdf"]);
    let pdf = pdf_text(&dir.path().join("out/bao-cao.pdf"), None);
    for figure in ["175.000,5", "726,2", "175.726,7"] {
        assert!(pdf.contains(figure), "{figure} missing:\n{pdf}");
    }
}

#[test]
fn kinh_gui_one_recipient_on_its_line_several_as_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let one = write_input(
        dir.path(),
        &minimal().replace("  noi_nhan:", "  kinh_gui: [\"Ủy ban nhân dân quận B\"]\n  noi_nhan:"),
    );
    build(&one, &dir.path().join("one"), &["--format", "pdf"]);
    assert!(pdf_text(&dir.path().join("one/bao-cao.pdf"), None).contains("Kính gửi: Ủy ban nhân dân quận B."));
    let many = write_input(
        dir.path(),
        &minimal().replace("  noi_nhan:", "  kinh_gui: [\"Quận ủy B\", \"Ủy ban nhân dân quận B\"]\n  noi_nhan:"),
    );
    build(&many, &dir.path().join("many"), &["--format", "pdf"]);
    assert!(pdf_text(&dir.path().join("many/bao-cao.pdf"), None)
        .contains("Kính gửi: - Quận ủy B; - Ủy ban nhân dân quận B."));
}

/// The built-in templates exported into `dir/mau`: the folder, and the
/// path and text of its template `name`.
fn exported_template(dir: &Path, name: &str) -> (PathBuf, PathBuf, String) {
    let templates = dir.join("mau");
    let output = baocao(&["templates", "export", templates.to_str().unwrap()], dir);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let path = templates.join(name);
    let original = std::fs::read_to_string(&path).unwrap();
    (templates, path, original)
}

#[test]
fn a_clerk_changes_a_sentence_by_editing_an_exported_template() {
    let dir = tempfile::tempdir().unwrap();
    let (templates, path, original) = exported_template(dir.path(), "bao-cao.hbs");
    assert!(original.contains("Trên đây là báo cáo"));
    std::fs::write(&path, original.replace("Trên đây là báo cáo", "Trên đây là toàn văn báo cáo")).unwrap();
    build(
        &common::sample_input(),
        &dir.path().join("out"),
        &["--templates", templates.to_str().unwrap(), "--format", "pdf"],
    );
    let text = pdf_text(&dir.path().join("out/bao-cao.pdf"), None);
    assert!(text.contains("Trên đây là toàn văn báo cáo sơ kết 5 năm"), "{text}");
}

#[test]
fn init_writes_a_sample_that_checks_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let output = baocao(&["init", "moi"], dir.path());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let output = baocao(&["check", "moi/hai-phong-2018.yaml"], dir.path());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let again = baocao(&["init", "moi"], dir.path());
    assert_eq!(again.status.code(), Some(1), "init never overwrites");
    let output = baocao(&["build", "moi/hai-phong-2018.yaml"], dir.path());
    assert!(output.status.success());
    assert!(dir.path().join("out/hai-phong-2018/bao-cao.pdf").exists(), "default output folder out/<stem>/");
}

#[test]
fn a_template_that_names_the_recipients_is_given_them() {
    // The built-in templates never name `danh_sach`, so their data leaves
    // the recipients out; a clerk's template that lists them must get them.
    let dir = tempfile::tempdir().unwrap();
    let (templates, path, original) = exported_template(dir.path(), "quyet-dinh.hbs");
    let listed =
        "**Điều 1.** Tặng {{hinh_thuc}} cho: {{#each nhom.danh_sach}}{{ten}}{{#unless @last}}, {{/unless}}{{/each}}.";
    let edited = original.lines().map(|l| if l.starts_with("**Điều 1.**") { listed } else { l }).collect::<Vec<_>>();
    std::fs::write(&path, edited.join("\n")).unwrap();
    build(
        &common::sample_input(),
        &dir.path().join("out"),
        &["--templates", templates.to_str().unwrap(), "--format", "pdf", "--only", "quyet-dinh"],
    );
    let text = pdf_text(&dir.path().join("out/quyet-dinh-1.pdf"), None);
    assert!(text.contains("cho: Công an quận Hồng Bàng, Công an quận Lê Chân, Công an huyện Thủy Nguyên"), "{text}");
}
