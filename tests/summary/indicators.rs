//! Which definitions are one indicator: the same code with another name
//! is another row (with a warning), a mapping file gathers codes and refuses
//! what cannot be added, a stock and a flow under one code are refused.

use super::common::*;
use super::inputs::{unit, Unit};
use super::{assert_rows, built_from, refused};

/// Two units use `mo_hinh` for different indicators; both use `tin_bao`
/// for the same one (written with another case).
fn clashing() -> (Unit, Unit) {
    let a = unit("CÔNG AN XÃ AN LẠC", "12/BC-CAX", "2022-01-05", (2020, 2021))
        .metric("mo_hinh", "Mô hình tự quản", "mô hình", None)
        .metric("tin_bao", "Tin báo tố giác tội phạm", "tin", None)
        .year(2020, &[("mo_hinh", "10"), ("tin_bao", "20")])
        .year(2021, &[("mo_hinh", "12"), ("tin_bao", "25")]);
    let b = unit("CÔNG AN XÃ AN BÌNH", "07/BC-CAX", "2022-01-10", (2020, 2021))
        .metric("mo_hinh", "Mô hình phòng, chống tội phạm", "mô hình", None)
        .metric("tin_bao", "tin báo tố giác  tội phạm", "tin", None)
        .year(2020, &[("mo_hinh", "5"), ("tin_bao", "30")])
        .year(2021, &[("mo_hinh", "7"), ("tin_bao", "40")]);
    (a, b)
}

#[test]
fn one_code_for_two_indicators_gives_two_rows_and_a_warning_never_one_sum() {
    let (a, b) = clashing();
    let (_dir, out, stderr) = built_from(&[a, b], &["--from", "2020", "--to", "2021"]);
    let pdf = out.join("tong-hop.pdf");
    let rows = pdf_layout_lines(&pdf);
    assert_rows(
        &rows,
        &[
            "1 Mô hình tự quản mô hình 10 12 22",
            "2 Tin báo tố giác tội phạm tin 50 65 115",
            "3 Mô hình phòng, chống tội phạm mô hình 5 7 12",
            // By unit, only what both units report: one indicator, fewer
            // indicators than units, so a row per unit.
            "1 Công an xã An Lạc 45",
            "2 Công an xã An Bình 70",
            "Tổng cộng 115",
        ],
    );
    assert!(!rows.iter().any(|r| r.contains(" 34")), "10+12 and 5+7 are never added:\n{rows:#?}");
    assert!(
        stderr.contains(
            "b.yaml: chi_tieu[0]: mã chỉ tiêu «mo_hinh» được dùng cho hai chỉ tiêu khác nhau: «Mô hình tự quản (mô hình)» (a.yaml) \
             và «Mô hình phòng, chống tội phạm (mô hình)» (b.yaml); báo cáo tổng hợp để thành hai dòng riêng, không cộng chung. \
             Nếu là một chỉ tiêu, hãy sửa tên và đơn vị tính cho giống nhau, hoặc khai báo gộp trong tệp chi-tieu.yaml"
        ) && stderr.starts_with("cảnh báo: "),
        "{stderr}"
    );
    assert_eq!(stderr.matches("cảnh báo").count(), 1, "tin_bao is one indicator: {stderr}");
}

#[test]
fn a_mapping_file_gathers_codes_that_mean_one_indicator_and_refuses_other_units() {
    let (a, b) = clashing();
    let c = unit("CÔNG AN XÃ AN HÒA", "03/BC-CAX", "2022-01-12", (2020, 2021))
        .metric("mh_tq", "Mô hình tự quản về ANTT", "mô hình", None)
        .year(2020, &[("mh_tq", "3")])
        .year(2021, &[("mh_tq", "4")]);
    let dir = tempfile::tempdir().unwrap();
    let mapping = dir.path().join("chi-tieu.yaml");
    let gathering = "chi_tieu:\n  - ma: mo_hinh_tu_quan\n    ten: \"Mô hình tự quản về an ninh trật tự\"\n    don_vi: \"mô hình\"\n    gop:\n      - { ma: mo_hinh, ten: \"Mô hình tự quản\" }\n      - { ma: mh_tq }\n";
    std::fs::write(&mapping, gathering).unwrap();
    let map = mapping.display().to_string();
    let (_out_dir, out, stderr) =
        built_from(&[a.clone(), b.clone(), c.clone()], &["--from", "2020", "--to", "2021", "--chi-tieu", &map]);
    let rows = pdf_layout_lines(&out.join("tong-hop.pdf"));
    assert_rows(
        &rows,
        &["1 Mô hình tự quản về an ninh … mô hình 13 16 29", "3 Mô hình phòng, chống tội phạm mô hình 5 7 12"],
    );
    assert!(!stderr.contains("cảnh báo"), "the mapping settles it: {stderr}");

    // Figures counted in another unit are not added in.
    std::fs::write(&mapping, gathering.to_string() + "      - { ma: tin_bao }\n").unwrap();
    let stderr = refused(&[a, b, c], &["--from", "2020", "--to", "2021", "--chi-tieu", &map]);
    assert!(
        stderr.contains(
            "chi-tieu.yaml:8:9: chi_tieu[0].gop[2]: chỉ tiêu «mo_hinh_tu_quan» tính bằng «mô hình» nhưng gộp cả số liệu tính bằng «tin» (a.yaml): không cộng được hai đơn vị tính khác nhau"
        ),
        "{stderr}"
    );
}

#[test]
fn a_definition_two_mapped_indicators_gather_is_refused() {
    let (a, b) = clashing();
    let dir = tempfile::tempdir().unwrap();
    let mapping = dir.path().join("chi-tieu.yaml");
    std::fs::write(
        &mapping,
        "chi_tieu:\n  - { ma: x, ten: \"X\", gop: [{ ma: mo_hinh }] }\n  - { ma: y, ten: \"Y\", gop: [{ ma: mo_hinh, don_vi: \"mô hình\" }] }\n",
    )
    .unwrap();
    let map = mapping.display().to_string();
    let stderr = refused(&[a, b], &["--from", "2020", "--to", "2021", "--chi-tieu", &map, "--lang", "en"]);
    assert!(
        stderr.contains(
            "chi-tieu.yaml:3:30: chi_tieu[1].gop[0]: metric «mo_hinh (Mô hình tự quản)» of a.yaml matches both «x» and «y»"
        ),
        "{stderr}"
    );
}

#[test]
fn one_indicator_summed_in_one_report_and_a_stock_in_another_is_refused() {
    let (a, _) = clashing();
    let e = unit("CÔNG AN XÃ AN PHÚ", "09/BC-CAX", "2022-01-12", (2020, 2021))
        .metric("mo_hinh", "Mô hình tự quản", "mô hình", Some("cuoi_ky"))
        .year(2020, &[("mo_hinh", "3")])
        .year(2021, &[("mo_hinh", "4")]);
    let stderr = refused(&[a, e], &["--from", "2020", "--to", "2021"]);
    assert!(
        stderr.contains(
            "b.yaml: chi_tieu[0].cach_tinh: chỉ tiêu «mo_hinh» (Mô hình tự quản) có cach_tinh «tong» trong a.yaml nhưng «cuoi_ky» trong b.yaml: không tổng hợp chung được"
        ),
        "{stderr}"
    );
}
