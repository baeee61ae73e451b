//! `baocao summary`, read back from the PDF with poppler (and the DOCX with
//! LibreOffice): the two sample districts, and inputs the tests write
//! themselves — indicators whose codes clash, stocks mixed with flows,
//! reports with only period totals, ranges overlapping the reports'
//! periods partly — pinning rows, totals, omitted columns and wording;
//! then layout invariants over generated conferences.

mod common;
#[path = "summary/generated.rs"]
mod generated;
#[path = "summary/indicators.rs"]
mod indicators;
#[path = "summary/inputs.rs"]
mod inputs;

use std::path::{Path, PathBuf};

use common::*;
use inputs::{unit, Unit};

fn sample_inputs() -> (String, String) {
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

/// Runs the summary into a fresh folder; returns it, the output folder and stderr.
fn built(args: &[&str]) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("th");
    let output = summary(args, &out);
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(output.status.success(), "{stderr}");
    (dir, out, stderr)
}

/// The summary of `units` (written as a.yaml, b.yaml, …) with `extra` options.
fn built_from(units: &[Unit], extra: &[&str]) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<String> = units
        .iter()
        .enumerate()
        .map(|(i, u)| u.write(dir.path(), &format!("{}.yaml", (b'a' + i as u8) as char)).display().to_string())
        .collect();
    let mut args: Vec<&str> = paths.iter().map(String::as_str).collect();
    args.extend_from_slice(extra);
    let out = dir.path().join("th");
    let output = summary(&args, &out);
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(output.status.success(), "{stderr}");
    (dir, out, stderr)
}

/// The refusal of the summary of `units`: exit 2, nothing written; its stderr.
fn refused(units: &[Unit], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<String> = units
        .iter()
        .enumerate()
        .map(|(i, u)| u.write(dir.path(), &format!("{}.yaml", (b'a' + i as u8) as char)).display().to_string())
        .collect();
    let mut args: Vec<&str> = paths.iter().map(String::as_str).collect();
    args.extend_from_slice(extra);
    let out = dir.path().join("th");
    let output = summary(&args, &out);
    assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!out.exists(), "nothing written");
    String::from_utf8_lossy(&output.stderr).to_string()
}

/// A table row as `pdftotext -layout` keeps it: the cells in order (a
/// long name may wrap, so "…" stands for the rest of the first line).
fn has_row(rows: &[String], row: &str) -> bool {
    match row.split_once(" … ") {
        Some((start, end)) => rows.iter().any(|r| r.starts_with(start) && r.ends_with(end)),
        None => rows.iter().any(|r| r == row || r.ends_with(&format!(" {row}"))),
    }
}

fn assert_rows(rows: &[String], expected: &[&str]) {
    for row in expected {
        assert!(has_row(rows, row), "row {row:?} missing:\n{rows:#?}");
    }
}

#[test]
fn sub_range_sums_per_year_and_per_unit_match_hand_computed_ones() {
    let (a, b) = sample_inputs();
    let (_dir, out, _) = built(&[&a, &b, "--from", "2020", "--to", "2022"]);
    let pdf = out.join("tong-hop.pdf");
    let rows = pdf_layout_lines(&pdf);
    // Mô hình: 2020 20+11, 2021 22+12, 2022 25+14; total 104. Tin báo 805.
    // The previous three years (2017–2019) are not all in quan-b: no
    // comparison, but for kinh phí, which only quan-a feeds: 4 against
    // 1,1 + 1,2 + 2,5 = 4,8 → -16,7%. Hội nghị is a 2018–2023 total only:
    // no row, but a sentence.
    assert_rows(
        &rows,
        &[
            "1 Mô hình tự quản về an ninh trật tự mô hình 31 34 39 104 –",
            "2 Câu lạc bộ phòng, chống tội phạm CLB 6 8 8 22 –",
            "3 Tin báo tố giác tội phạm … tin 228 277 300 805 –",
            "4 Kinh phí xã hội hóa tỷ đồng 0,9 1,4 1,7 4 -16,7%",
            // By unit: the three indicators both units report, a row each
            // (more indicators than units), a column per unit.
            "1 Mô hình tự quản về an ninh trật tự mô hình 67 37 104",
            "2 Câu lạc bộ phòng, chống tội phạm CLB 14 8 22",
            "3 Tin báo tố giác tội phạm … tin 505 300 805",
        ],
    );
    let text = pdf_text(&pdf, None);
    for phrase in [
        "BÁO CÁO TỔNG HỢP",
        "Chương trình phối hợp số 09/CTr-BCA-MTTW, giai đoạn 2020 - 2022",
        "Tổng hợp từ 2 báo cáo của 2 đơn vị,",
        "Số liệu sau chỉ có tổng của cả giai đoạn báo cáo, không chia theo năm, nên không đưa vào tổng hợp giai đoạn 2020 - 2022: “Hội nghị sơ kết, tổng kết ở cơ sở” của Công an quận Ngô Quyền (giai đoạn 2018 - 2023).",
        "Bảng trên so sánh 3 chỉ tiêu mà các đơn vị cùng báo cáo; 1 chỉ tiêu còn lại chỉ một số đơn vị báo cáo, số liệu tổng hợp tại bảng kết quả theo chỉ tiêu.",
        "Cột “So với 2017 - 2019” là mức tăng (+), giảm (-) so với giai đoạn 2017 - 2019 (cùng số năm, liền trước); “–” là chỉ tiêu không có đủ số liệu để so sánh.",
        "Số liệu được tổng hợp từ: Báo cáo số 45/BC-CAQ ngày 20 tháng 12 năm 2023 của Công an quận Lê Chân; Báo cáo số 38/BC-CAQ ngày 18 tháng 12 năm 2023 của Công an quận Ngô Quyền./.",
    ] {
        assert!(text.contains(phrase), "{phrase:?} missing:\n{text}");
    }
    assert!(!text.contains(".yaml"), "a báo cáo names reports, not files:\n{text}");
    assert!(!text.contains("Hội nghị sơ kết, tổng kết ở cơ sở hội nghị"), "no row of dashes:\n{text}");
}

#[test]
fn decimals_sum_exactly() {
    let (a, _) = sample_inputs();
    let (_dir, out, _) = built(&[&a, "--from", "2018", "--to", "2019"]);
    let rows = pdf_layout_lines(&out.join("tong-hop.pdf"));
    // 1,2 + 2,5 = 3,7 (no floating point drift); against 2016–2017: 0,8 + 1,1 = 1,9.
    assert_rows(&rows, &["4 Kinh phí xã hội hóa tỷ đồng 1,2 2,5 3,7 +94,7%"]);
}

#[test]
fn the_previous_range_of_equal_length_is_compared_when_the_data_covers_it() {
    let (a, b) = sample_inputs();
    let (_dir, out, _) = built(&[&a, &b, "--from", "2022", "--to", "2023"]);
    let rows = pdf_layout_lines(&out.join("tong-hop.pdf"));
    // Mô hình 2022–2023: 25+28+14+15 = 82; 2020–2021: 20+22+11+12 = 65 → +26,2%.
    // Kinh phí 1,7+2,1 = 3,8 against 0,9+1,4 = 2,3 → +65,2%.
    assert_rows(
        &rows,
        &[
            "1 Mô hình tự quản về an ninh trật tự mô hình 39 43 82 +26,2%",
            "4 Kinh phí xã hội hóa tỷ đồng 1,7 2,1 3,8 +65,2%",
        ],
    );
}

#[test]
fn a_metric_given_only_as_a_period_total_fills_its_own_column_over_its_period() {
    let (_, b) = sample_inputs();
    let (_dir, out, _) = built(&[&b, "--from", "2018", "--to", "2023"]);
    let pdf = out.join("tong-hop.pdf");
    let rows = pdf_layout_lines(&pdf);
    // The years of the other rows add up to their totals; the undivided
    // total has a column of its own, so the years never disagree with it.
    assert_rows(
        &rows,
        &[
            "1 Mô hình tự quản về an ninh trật tự mô hình 8 9 11 12 14 15 – 69",
            "4 Hội nghị sơ kết, tổng kết ở cơ sở hội nghị – – – – – – 24 24",
        ],
    );
    let text = pdf_text(&pdf, None);
    assert!(
        text.contains("Cột “Không chia theo năm” là số liệu báo cáo chỉ ghi tổng của cả giai đoạn, không ghi từng năm; cột “Tổng” đã gồm số liệu này."),
        "{text}"
    );
}

/// One unit's interim and final reports (sharing 2016), and another unit.
fn one_unit_twice(final_2016: &str) -> Vec<Unit> {
    let mut early = unit("CÔNG AN XÃ AN LẠC", "12/BC-CAX", "2016-12-20", (2013, 2016)).metric(
        "mo_hinh",
        "Mô hình tự quản",
        "mô hình",
        None,
    );
    for (year, value) in [(2013, "4"), (2014, "5"), (2015, "6"), (2016, "7")] {
        early = early.year(year, &[("mo_hinh", value)]);
    }
    let mut late = unit("CÔNG AN XÃ AN LẠC", "40/BC-CAX", "2018-12-20", (2016, 2018)).metric(
        "mo_hinh",
        "Mô hình tự quản",
        "mô hình",
        None,
    );
    for (year, value) in [(2016, final_2016), (2017, "8"), (2018, "9")] {
        late = late.year(year, &[("mo_hinh", value)]);
    }
    let mut other = unit("CÔNG AN XÃ AN BÌNH", "30/BC-CAX", "2018-12-25", (2013, 2018)).metric(
        "mo_hinh",
        "Mô hình tự quản",
        "mô hình",
        None,
    );
    for (year, value) in (2013..=2018).zip(["1", "2", "3", "4", "5", "6"]) {
        other = other.year(year, &[("mo_hinh", value)]);
    }
    vec![early, late, other]
}

#[test]
fn reports_of_one_unit_merge_into_its_row_and_must_agree_where_they_overlap() {
    let (_dir, out, _) = built_from(&one_unit_twice("7"), &["--from", "2013", "--to", "2018"]);
    let pdf = out.join("tong-hop.pdf");
    // An Lạc: 4 + 5 + 6 + 7 + 8 + 9 = 39 (2016 once); An Bình 21.
    assert_rows(
        &pdf_layout_lines(&pdf),
        &[
            "1 Mô hình tự quản mô hình 5 7 9 11 13 15 60",
            "1 Công an xã An Lạc 39",
            "2 Công an xã An Bình 21",
            "Tổng cộng 60",
        ],
    );
    let text = pdf_text(&pdf, None);
    assert!(text.contains("Tổng hợp từ 3 báo cáo của 2 đơn vị,"), "{text}");
    assert!(text.contains("Báo cáo số 12/BC-CAX ngày 20 tháng 12 năm 2016 của Công an xã An Lạc; Báo cáo số 40/BC-CAX ngày 20 tháng 12 năm 2018 của Công an xã An Lạc;"), "{text}");

    let stderr = refused(&one_unit_twice("8"), &["--from", "2013", "--to", "2018"]);
    assert!(
        stderr.contains(
            "b.yaml: ket_qua_nam[0].mo_hinh: hai báo cáo của Công an xã An Lạc ghi khác nhau chỉ tiêu «mo_hinh» năm 2016: 7 (a.yaml) và 8 (b.yaml); hãy sửa cho khớp"
        ),
        "{stderr}"
    );
}

/// Two wards reporting a stock taken at the end of the period, a flow, and
/// a stock taken at its highest.
fn stocks_and_flows() -> Vec<Unit> {
    let wards = [
        ("CÔNG AN PHƯỜNG CÁT DÀI", ["3", "5", "6"], ["10", "20", "30"], ["40", "35", "30"]),
        ("CÔNG AN PHƯỜNG LAM SƠN", ["2", "2", "4"], ["1", "2", "3"], ["10", "25", "20"]),
    ];
    wards
        .iter()
        .enumerate()
        .map(|(w, (name, safe, tips, core))| {
            let mut report = unit(name, &format!("{}/BC-CAP", w + 20), "2021-12-20", (2019, 2021))
                .metric("to_an_toan", "Tổ dân phố đạt chuẩn an toàn về an ninh, trật tự", "tổ", Some("cuoi_ky"))
                .metric("tin_bao", "Tin báo tố giác tội phạm", "tin", Some("tong"))
                .metric("nong_cot", "Lực lượng nòng cốt", "người", Some("lon_nhat"));
            for (i, year) in (2019..=2021).enumerate() {
                report = report.year(year, &[("to_an_toan", safe[i]), ("tin_bao", tips[i]), ("nong_cot", core[i])]);
            }
            report
        })
        .collect()
}

#[test]
fn stocks_add_across_units_within_a_year_and_follow_their_rule_over_years() {
    let (_dir, out, _) = built_from(&stocks_and_flows(), &["--from", "2019", "--to", "2021"]);
    let pdf = out.join("tong-hop.pdf");
    let rows = pdf_layout_lines(&pdf);
    // Tổ an toàn: 5, 7, 10 → at the end 10 (not 22). Tin báo: 11 + 22 + 33 = 66.
    // Nòng cốt: 50, 60, 50 → highest 60 (not 160, nor 40 + 25).
    assert_rows(
        &rows,
        &[
            "1 Tổ dân phố đạt chuẩn an toàn về … tổ 5 7 10 10",
            "2 Tin báo tố giác tội phạm tin 11 22 33 66",
            "3 Lực lượng nòng cốt người 50 60 50 60",
            // By unit: a row per indicator, a column per unit, the total last.
            "1 Tổ dân phố đạt chuẩn an toàn về … tổ 6 4 10",
            "2 Tin báo tố giác tội phạm tin 60 6 66",
            "3 Lực lượng nòng cốt người 40 25 60",
        ],
    );
    let text = pdf_text(&pdf, None);
    for phrase in [
        "Các chỉ tiêu sau là số hiện có, không cộng dồn qua các năm: “Tổ dân phố đạt chuẩn an toàn về an ninh, trật tự” (lấy số cuối kỳ); “Lực lượng nòng cốt” (lấy số lớn nhất). Số từng năm là tổng số của các đơn vị trong năm đó; số của cả giai đoạn là số cuối kỳ hoặc số lớn nhất của các năm, không phải tổng các năm.",
        "Với chỉ tiêu lấy số cuối kỳ hoặc số lớn nhất, cột “Tổng cộng” tính từ tổng số của các đơn vị trong từng năm nên có thể khác với cộng các cột đơn vị.",
        "Số liệu của các báo cáo bắt đầu từ năm 2019, chưa có giai đoạn trước cùng số năm để so sánh.",
    ] {
        assert!(text.contains(phrase), "{phrase:?} missing:\n{text}");
    }
    assert!(!text.contains("So với"), "no comparison column:\n{text}");
}

#[test]
fn a_single_year_compares_stocks_by_their_rule_with_the_year_before() {
    let (_dir, out, _) = built_from(&stocks_and_flows(), &["--from", "2021", "--to", "2021"]);
    let pdf = out.join("tong-hop.pdf");
    let rows = pdf_layout_lines(&pdf);
    // 2021 against 2020: tổ 10 / 7 → +42,9%; tin báo 33 / 22 → +50%; nòng cốt 50 / 60 → -16,7%.
    assert_rows(
        &rows,
        &[
            "1 Tổ dân phố đạt chuẩn an toàn về … tổ 10 +42,9%",
            "2 Tin báo tố giác tội phạm tin 33 +50%",
            "3 Lực lượng nòng cốt người 50 -16,7%",
        ],
    );
    let text = pdf_text(&pdf, None);
    assert!(text.contains("Chương trình phối hợp số 09/CTr-BCA-MTTW, năm 2021"), "{text}");
    assert!(text.contains("Cột “So với năm 2020” là mức tăng (+), giảm (-) so với năm 2020 (cùng số năm, liền trước)."));
    assert!(!text.contains("Năm 2021 Năm 2021") && !text.contains("2021 - 2021"), "{text}");
}

fn totals_only() -> Vec<Unit> {
    [("CÔNG AN XÃ TÂN TIẾN", "12", "340"), ("CÔNG AN XÃ TÂN PHONG", "8", "1210")]
        .iter()
        .enumerate()
        .map(|(i, (name, models, tips))| {
            unit(name, &format!("{}/BC-CAX", i + 4), "2017-12-15", (2013, 2017))
                .metric("mo_hinh", "Mô hình tự quản", "mô hình", None)
                .metric("tin_bao", "Tin báo tố giác tội phạm", "tin", None)
                .total("mo_hinh", models)
                .total("tin_bao", tips)
        })
        .collect()
}

#[test]
fn a_stock_given_only_as_period_totals_is_not_said_to_be_summed_per_year() {
    let units: Vec<Unit> = totals_only()
        .into_iter()
        .map(|u| u.metric("to_dan_pho", "Tổ dân phố an toàn", "tổ", Some("cuoi_ky")).total("to_dan_pho", "6"))
        .collect();
    let (_dir, out, _) = built_from(&units, &["--from", "2013", "--to", "2017"]);
    let text = pdf_text(&out.join("tong-hop.pdf"), None);
    assert!(text.contains("“Tổ dân phố an toàn” (lấy số cuối kỳ). Số của cả giai đoạn là số cuối kỳ"), "{text}");
    assert!(!text.contains("Số từng năm"), "no year columns, no sentence about them:\n{text}");
}

#[test]
fn reports_with_only_period_totals_print_no_year_columns_and_no_empty_comparison() {
    let (_dir, out, _) = built_from(&totals_only(), &["--from", "2013", "--to", "2017"]);
    let pdf = out.join("tong-hop.pdf");
    let rows = pdf_layout_lines(&pdf);
    assert_rows(
        &rows,
        &[
            "1 Mô hình tự quản mô hình 20",
            "2 Tin báo tố giác tội phạm tin 1.550",
            "1 Công an xã Tân Tiến 12 340",
            "2 Công an xã Tân Phong 8 1.210",
            "Tổng cộng 20 1.550",
        ],
    );
    let text = pdf_text(&pdf, None);
    for phrase in [
        "Các báo cáo chỉ có số liệu tổng của cả giai đoạn, không có số liệu từng năm, nên bảng không chia theo năm.",
        "Số liệu của các báo cáo bắt đầu từ năm 2013, chưa có giai đoạn trước cùng số năm để so sánh.",
    ] {
        assert!(text.contains(phrase), "{phrase:?} missing:\n{text}");
    }
    for absent in ["Năm 2013", "So với", "Không chia theo năm", "–", "BIỂU ĐỒ"] {
        assert!(!text.contains(absent), "{absent:?} printed:\n{text}");
    }
    // Inside their period the totals cannot be split.
    let stderr = refused(&totals_only(), &["--from", "2014", "--to", "2016"]);
    assert!(stderr.contains("--from, --to: không có số liệu nào cho khoảng 2014–2016"), "{stderr}");
}

fn overlapping() -> Vec<Unit> {
    let mut a = unit("CÔNG AN XÃ AN LẠC", "12/BC-CAX", "2017-01-05", (2013, 2016)).metric(
        "mo_hinh",
        "Mô hình tự quản",
        "mô hình",
        None,
    );
    for (year, value) in [(2013, "4"), (2014, "5"), (2015, "6"), (2016, "7")] {
        a = a.year(year, &[("mo_hinh", value)]);
    }
    let mut b = unit("CÔNG AN XÃ AN BÌNH", "30/BC-CAX", "2018-12-25", (2015, 2018)).metric(
        "mo_hinh",
        "Mô hình tự quản",
        "mô hình",
        None,
    );
    for (year, value) in [(2015, "1"), (2016, "2"), (2017, "3"), (2018, "4")] {
        b = b.year(year, &[("mo_hinh", value)]);
    }
    vec![a, b]
}

#[test]
fn a_range_overlapping_the_periods_partly_is_summarised_over_the_overlap() {
    let (_dir, out, _) = built_from(&overlapping(), &["--from", "2010", "--to", "2016"]);
    let pdf = out.join("tong-hop.pdf");
    let rows = pdf_layout_lines(&pdf);
    assert_rows(
        &rows,
        &["1 Mô hình tự quản mô hình 4 5 7 9 25", "1 Công an xã An Lạc 22", "2 Công an xã An Bình 3", "Tổng cộng 25"],
    );
    let text = pdf_text(&pdf, None);
    for phrase in [
        "Chương trình phối hợp số 09/CTr-BCA-MTTW, giai đoạn 2013 - 2016",
        "Các báo cáo được tổng hợp có số liệu của giai đoạn 2013 - 2018, không có số liệu của các năm 2010 - 2012; báo cáo này tổng hợp giai đoạn 2013 - 2016.",
        "Không có số liệu của một số năm: Công an xã An Bình (các năm 2013 - 2014).",
        "Số liệu của các báo cáo bắt đầu từ năm 2013, chưa có giai đoạn trước cùng số năm để so sánh.",
        "Số liệu được tổng hợp từ: Báo cáo số 12/BC-CAX ngày 05 tháng 01 năm 2017 của Công an xã An Lạc; Báo cáo số 30/BC-CAX ngày 25 tháng 12 năm 2018 của Công an xã An Bình./.",
    ] {
        assert!(text.contains(phrase), "{phrase:?} missing:\n{text}");
    }
    assert!(!text.contains("Năm 2012") && !text.contains("Năm 2017"), "{text}");

    let stderr = refused(&overlapping(), &["--from", "2000", "--to", "2005"]);
    assert!(
        stderr.contains(
            "--from, --to: khoảng 2000–2005 không có năm nào thuộc giai đoạn của các tệp: a.yaml (2013–2016), b.yaml (2015–2018)"
        ),
        "{stderr}"
    );
    let stderr = refused(&overlapping(), &["--from", "2016", "--to", "2014"]);
    assert!(stderr.contains("--from, --to: khoảng năm ngược"), "{stderr}");
}

#[test]
fn a_year_without_data_inside_the_range_has_no_column_and_is_named() {
    let mut gap = unit("CÔNG AN XÃ AN LẠC", "12/BC-CAX", "2017-01-05", (2013, 2016)).metric(
        "mo_hinh",
        "Mô hình tự quản",
        "mô hình",
        None,
    );
    for (year, value) in [(2013, "4"), (2015, "6"), (2016, "7")] {
        gap = gap.year(year, &[("mo_hinh", value)]);
    }
    let (_dir, out, _) = built_from(&[gap], &["--from", "2013", "--to", "2016"]);
    let pdf = out.join("tong-hop.pdf");
    assert_rows(&pdf_layout_lines(&pdf), &["1 Mô hình tự quản mô hình 4 6 7 17"]);
    let text = pdf_text(&pdf, None);
    assert!(text.contains("Các báo cáo được tổng hợp không có số liệu của năm 2014."), "{text}");
    assert!(!text.contains("Năm 2014"), "{text}");
}

#[test]
fn the_chart_has_a_panel_and_a_scale_per_indicator() {
    let (a, b) = sample_inputs();
    let (_dir, out, _) = built(&[&a, &b, "--from", "2018", "--to", "2023", "--chart", "clb,tin_bao"]);
    let pdf = out.join("tong-hop.pdf");
    let text = pdf_text(&pdf, None);
    assert!(text.contains("Câu lạc bộ phòng, chống tội phạm (CLB)"), "{text}");
    assert!(text.contains("Tin báo tố giác tội phạm của quần chúng (tin)"), "{text}");
    // The chart's page: values on the bars (tin báo 2023 = 210 + 121 = 331;
    // 2019 = 160 + 95 = 255), and each panel's own axis: CLB 0 5 10 (whole
    // clubs), tin báo 0 100 … 400.
    let pages = pdf_page_texts(&pdf);
    let chart_page = pages.iter().find(|p| p.contains("BIỂU ĐỒ KẾT QUẢ THEO NĂM")).expect("a chart page");
    let words: Vec<&str> = chart_page.split(' ').collect();
    for label in ["331", "255", "10", "400", "300", "200", "100", "5", "0", "2018", "2023"] {
        assert!(words.contains(&label), "{label} missing on the chart page: {chart_page}");
    }
    let file = std::fs::File::open(out.join("tong-hop.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let name = archive
        .file_names()
        .find(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .expect("the chart picture")
        .to_string();
    let mut png = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name(&name).unwrap(), &mut png).unwrap();
    let mut decoder = png::Decoder::new(std::io::Cursor::new(&png)).read_info().expect("the chart is a PNG");
    let mut pixels = vec![0; decoder.output_buffer_size().unwrap()];
    let frame = decoder.next_frame(&mut pixels).expect("the chart's pixels");
    // Painted at 200 dpi across the text width (16 cm and more).
    assert!(frame.width > 1200 && frame.height > 300, "{}×{}", frame.width, frame.height);
    let dark = pixels[..frame.buffer_size()].chunks(4).filter(|p| p[0] < 128 && p[1] < 128 && p[2] < 128).count();
    assert!(dark > 2_000, "the chart's picture has its letters and axes ({dark} dark pixels)");

    let output = summary(&[&a, "--from", "2018", "--to", "2020", "--chart", "khong_co"], &out.join("x"));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--chart: không có chỉ tiêu «khong_co»"));
}

#[test]
fn libreoffice_opens_the_summary_docx_with_the_same_figures() {
    let (a, b) = sample_inputs();
    let (dir, out, _) = built(&[&a, &b, "--from", "2020", "--to", "2022"]);
    let converted = libreoffice_pdf(&out.join("tong-hop.docx"), &dir.path().join("lo"));
    let rows = pdf_layout_lines(&converted);
    assert_rows(
        &rows,
        &[
            "1 Mô hình tự quản về an ninh trật tự mô hình 31 34 39 104 –",
            "3 Tin báo tố giác tội phạm … tin 228 277 300 805 –",
            "2 Câu lạc bộ phòng, chống tội phạm CLB 14 8 22",
        ],
    );
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
    let (a, _) = sample_inputs();
    let text = std::fs::read_to_string(&a).unwrap()
        + "don_vi_con:\n  - ten: \"Phường Hàng Kênh\"\n    ket_qua_nam:\n      - { nam: 2020, mo_hinh: 12 }\n      - { nam: 2021, mo_hinh: 13 }\n  - ten: \"Phường Dư Hàng\"\n    ket_qua_nam:\n      - { nam: 2020, mo_hinh: 8 }\n      - { nam: 2021, mo_hinh: 9, clb: 1 }\n";
    let input = dir.path().join("quan-a.yaml");
    std::fs::write(&input, text).unwrap();
    let (_out_dir, out, _) = built(&[input.to_str().unwrap(), "--from", "2020", "--to", "2021"]);
    let pdf = out.join("tong-hop.pdf");
    // Only the indicator both wards report (clb is Dư Hàng's alone).
    assert_rows(&pdf_layout_lines(&pdf), &["1 Phường Hàng Kênh 25", "2 Phường Dư Hàng 17", "Tổng cộng 42"]);
    let text = pdf_text(&pdf, None);
    assert!(
        text.contains(
            "Bảng trên so sánh 1 chỉ tiêu mà các đơn vị cùng báo cáo; 1 chỉ tiêu còn lại chỉ một số đơn vị báo cáo"
        ),
        "{text}"
    );
    assert!(text.contains("Tổng hợp từ 1 báo cáo (gồm số liệu của 2 đơn vị),"), "{text}");
    assert!(text.contains(
        "Số liệu được tổng hợp từ: Báo cáo số 45/BC-CAQ ngày 20 tháng 12 năm 2023 của Công an quận Lê Chân./."
    ));
    assert!(!text.contains("Không có số liệu của một số năm"), "each ward has both years:\n{text}");
}
