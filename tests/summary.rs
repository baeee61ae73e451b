//! `baocao summary` from the two sample district inputs: sums over any
//! sub-range, the unit table with its total row, the previous-range
//! comparison, "–" for what an input lacks, the errors, the chart, and the
//! DOCX read back by LibreOffice.

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn inputs() -> (String, String) {
    let dir = root().join("inputs");
    (dir.join("quan-a.yaml").display().to_string(), dir.join("quan-b.yaml").display().to_string())
}

fn summary(args: &[&str], out: &Path) -> std::process::Output {
    let mut all = vec!["summary"];
    all.extend_from_slice(args);
    let out_text = out.display().to_string();
    all.extend_from_slice(&["-o", &out_text]);
    baocao(&all, &root())
}

fn built(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("th");
    let output = summary(args, &out);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    (dir, out)
}

/// A table row as `pdftotext -layout` keeps it: the cells in order (a
/// long name may wrap, so "…" stands for the rest of the first line).
fn has_row(rows: &[String], row: &str) -> bool {
    match row.split_once(" … ") {
        Some((start, end)) => rows.iter().any(|r| r.starts_with(start) && r.ends_with(end)),
        None => rows.iter().any(|r| r == row),
    }
}

#[test]
fn sub_range_sums_per_year_and_per_unit_match_hand_computed_ones() {
    let (a, b) = inputs();
    let (_dir, out) = built(&[&a, &b, "--from", "2020", "--to", "2022"]);
    let pdf = out.join("tong-hop.pdf");
    let rows = pdf_layout_lines(&pdf);
    // Mô hình: 2020 20+11, 2021 22+12, 2022 25+14; total 104. Tin báo 805.
    // The previous three years (2017–2019) are not all in quan-b: no
    // comparison, but for kinh phí, which only quan-a feeds: 4 against
    // 1,1 + 1,2 + 2,5 = 4,8 → -16,7%.
    for row in [
        "STT Chỉ tiêu Đơn vị Năm Năm Năm Tổng So với",
        "1 Mô hình tự quản về an ninh trật tự mô hình 31 34 39 104 –",
        "2 Câu lạc bộ phòng, chống tội phạm CLB 6 8 8 22 –",
        "3 Tin báo tố giác tội phạm … tin 228 277 300 805 –",
        "4 Kinh phí xã hội hóa tỷ đồng 0,9 1,4 1,7 4 -16,7%",
        "5 Hội nghị sơ kết, tổng kết ở cơ sở hội nghị – – – – –",
    ] {
        assert!(has_row(&rows, row), "row {row:?} missing:\n{rows:#?}");
    }
    // Units: a metric quan-b lacks is "–", never 0; the total row sums the units.
    for row in ["1 Công an quận Lê Chân 67 14 505 4", "2 Công an quận Ngô Quyền 37 8 300 –", "Tổng cộng 104 22 805 4"]
    {
        assert!(rows.iter().any(|r| r.ends_with(row) || r == row), "unit row {row:?} missing:\n{rows:#?}");
    }
    let text = pdf_text(&pdf, None);
    assert!(text.contains("BÁO CÁO TỔNG HỢP"));
    assert!(text.contains("giai đoạn 2020 - 2022"), "the range is in the trích yếu");
    assert!(text.contains("không có số liệu theo năm nên không tổng hợp được cho giai đoạn 2020 - 2022: Hội nghị sơ kết, tổng kết ở cơ sở"));
    assert!(text.contains("quan-a.yaml (các năm 2020–2022); quan-b.yaml (các năm 2020–2022)"), "{text}");
}

#[test]
fn decimals_sum_exactly() {
    let (a, _) = inputs();
    let (_dir, out) = built(&[&a, "--from", "2018", "--to", "2019"]);
    let rows = pdf_layout_lines(&out.join("tong-hop.pdf"));
    // 1,2 + 2,5 = 3,7 (no floating point drift).
    assert!(rows.iter().any(|r| r.starts_with("4 Kinh phí xã hội hóa tỷ đồng 1,2 2,5 3,7")), "{rows:#?}");
}

#[test]
fn the_previous_range_of_equal_length_is_compared_when_the_data_covers_it() {
    let (a, b) = inputs();
    let (_dir, out) = built(&[&a, &b, "--from", "2022", "--to", "2023"]);
    let rows = pdf_layout_lines(&out.join("tong-hop.pdf"));
    // Mô hình 2022–2023: 25+28+14+15 = 82; 2020–2021: 20+22+11+12 = 65 → +26,2%.
    // Kinh phí 1,7+2,1 = 3,8 against 0,9+1,4 = 2,3 → +65,2%.
    assert!(has_row(&rows, "1 Mô hình tự quản về an ninh trật tự mô hình 39 43 82 +26,2%"), "{rows:#?}");
    assert!(has_row(&rows, "4 Kinh phí xã hội hóa tỷ đồng 1,7 2,1 3,8 +65,2%"), "{rows:#?}");
}

#[test]
fn a_metric_given_only_as_a_period_total_shows_for_exactly_that_period() {
    let (_, b) = inputs();
    let (_dir, out) = built(&[&b, "--from", "2018", "--to", "2023"]);
    let rows = pdf_layout_lines(&out.join("tong-hop.pdf"));
    assert!(
        rows.iter().any(|r| r.starts_with("4 Hội nghị sơ kết, tổng kết ở cơ sở hội nghị – – – – – – 24")),
        "{rows:#?}"
    );
}

#[test]
fn a_range_without_data_or_outside_every_period_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = inputs();
    let early = std::fs::read_to_string(&b)
        .unwrap()
        .replace("giai_doan: { tu: 2018, den: 2023 }", "giai_doan: { tu: 2010, den: 2023 }");
    let early_path = dir.path().join("quan-c.yaml");
    std::fs::write(&early_path, early).unwrap();
    let out = dir.path().join("th");
    let output = summary(&[early_path.to_str().unwrap(), "--from", "2010", "--to", "2012"], &out);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("không có số liệu nào cho khoảng 2010–2012; các tệp và giai đoạn: quan-c.yaml (2010–2023)"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing written");

    let output = summary(&[&a, &b, "--from", "2010", "--to", "2020"], &out);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "khoảng 2010–2020 không nằm trong giai đoạn của tệp nào: quan-a.yaml (2016–2023), quan-b.yaml (2018–2023)"
        ),
        "{stderr}"
    );
    let output = summary(&[&a, "--from", "2020", "--to", "2018"], &out);
    assert_eq!(output.status.code(), Some(2));
    let output = summary(&[&a, "--from", "2018", "--to", "2020", "--chart", "khong_co"], &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("«khong_co»"));
    assert!(!out.exists());
}

#[test]
fn the_chart_is_vectors_in_the_pdf_and_a_picture_in_the_docx() {
    let (a, b) = inputs();
    let (_dir, out) = built(&[&a, &b, "--from", "2018", "--to", "2023", "--chart", "clb,tin_bao"]);
    let text = pdf_text(&out.join("tong-hop.pdf"), None);
    assert!(text.contains("Kết quả theo năm, 2018 - 2023"));
    assert!(
        text.contains("Câu lạc bộ phòng, chống tội phạm (CLB)")
            && text.contains("Tin báo tố giác tội phạm của quần chúng (tin)")
    );
    // The bars' values, Vietnamese form: tin báo 2023 = 210 + 121 = 331; 2019 = 160 + 95 = 255.
    for value in ["331", "255", "10"] {
        assert!(text.contains(value), "{value} missing");
    }
    let file = std::fs::File::open(out.join("tong-hop.docx")).unwrap();
    let archive = zip::ZipArchive::new(file).unwrap();
    assert!(archive.file_names().any(|n| n.starts_with("word/media/") && n.ends_with(".png")), "the chart picture");
}

#[test]
fn libreoffice_opens_the_summary_docx_with_the_same_figures() {
    let (a, b) = inputs();
    let (dir, out) = built(&[&a, &b, "--from", "2020", "--to", "2022"]);
    let converted = libreoffice_pdf(&out.join("tong-hop.docx"), &dir.path().join("lo"));
    let rows = pdf_layout_lines(&converted);
    for row in [
        "1 Mô hình tự quản về an ninh trật tự mô hình 31 34 39 104 –",
        "3 Tin báo tố giác tội phạm … tin 228 277 300 805 –",
    ] {
        assert!(has_row(&rows, row), "{row:?} missing in LibreOffice's rendering:\n{rows:#?}");
    }
    assert!(rows.iter().any(|r| r.ends_with("Tổng cộng 104 22 805 4")), "{rows:#?}");
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(
        manifest.contains("\"tong-hop.pdf\"")
            && manifest.contains("\"tong-hop.docx\"")
            && manifest.contains("quan-a.yaml, quan-b.yaml")
    );
}

#[test]
fn one_input_with_sub_units_compares_its_units() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = inputs();
    let text = std::fs::read_to_string(&a).unwrap()
        + "don_vi_con:\n  - ten: \"Phường Hàng Kênh\"\n    ket_qua_nam:\n      - { nam: 2020, mo_hinh: 12 }\n      - { nam: 2021, mo_hinh: 13 }\n  - ten: \"Phường Dư Hàng\"\n    ket_qua_nam:\n      - { nam: 2020, mo_hinh: 8 }\n      - { nam: 2021, mo_hinh: 9, clb: 1 }\n";
    let input = dir.path().join("quan-a.yaml");
    std::fs::write(&input, text).unwrap();
    let out = dir.path().join("th");
    let output = summary(&[input.to_str().unwrap(), "--from", "2020", "--to", "2021"], &out);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let rows = pdf_layout_lines(&out.join("tong-hop.pdf"));
    for row in ["1 Phường Hàng Kênh 25 –", "2 Phường Dư Hàng 17 1", "Tổng cộng 42 1"] {
        assert!(rows.iter().any(|r| r.ends_with(row)), "{row:?} missing:\n{rows:#?}");
    }
}
