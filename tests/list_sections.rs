//! Lists as they are kept, part two (issue 24): section rows whose words
//! sit beside the numeral in another column or in a merged cell, totals in
//! any wording followed by the signature block, and group rows ("A. KHỐI
//! …", "1. …") that head their rows in the decision's attached list —
//! built as Excel exports them (CSV) and as clerks merge them (XLSX).

mod common;

use std::path::Path;

use common::lists::{check, recipient_lines, row, t, write_xlsx, Sheet};
use common::{build, pdf_layout_lines, pdf_text, sample_with_list};

/// "loai|ten|don_vi|nhom" for each recipient of the first group.
/// The first group's recipients as "kind|ten|don_vi|nhom".
fn read(input: &Path) -> Result<Vec<String>, String> {
    recipient_lines(input, 0, |kind, r| {
        let field = |f: &Option<String>| f.clone().unwrap_or_default();
        format!("{kind}|{}|{}|{}", r.ten, field(&r.don_vi), field(&r.nhom))
    })
}

fn write_csv(dir: &Path, lines: &[&str]) -> std::path::PathBuf {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(lines.join("\r\n").as_bytes());
    bytes.extend(b"\r\n");
    std::fs::write(dir.join("ds.csv"), &bytes).unwrap();
    sample_with_list(dir, "ds.csv")
}

/// A national list exported from Excel: the section words beside their
/// numeral in another column, group rows with their letter in the STT
/// column or their number in the name cell, a total "… và …", signatures.
const NATIONAL: &[&str] = &[
    "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ TẶNG BẰNG KHEN;;;;",
    "STT;Họ và tên;Chức vụ;Đơn vị;Số sổ",
    "I;;TẬP THỂ (3);;",
    "A;KHỐI CƠ QUAN TRUNG ƯƠNG;;1 tập thể;",
    "1;Ban Dân vận Trung ương;;;0101",
    "B;KHỐI ĐỊA PHƯƠNG;;;",
    "2;Ủy ban MTTQ tỉnh Nghệ An;;;0102",
    "3;Công an tỉnh Nghệ An;;;0103",
    "II;;;CÁ NHÂN (2 người);",
    ";1. Khối các tỉnh;;;",
    "1;Ông Nguyễn Văn An;Chủ tịch;Ủy ban MTTQ tỉnh Nghệ An;0104",
    "2;Bà Trần Thị Bình;Giám đốc;Công an tỉnh Hà Tĩnh;0105",
    "Tổng cộng: 3 tập thể và 2 cá nhân;;;;",
    ";NGƯỜI LẬP BIỂU;;THỦ TRƯỞNG ĐƠN VỊ;",
    ";Nguyễn Văn Lập;;Phạm Văn Trưởng;",
    ";Ghi chú: danh sách có 1 trang;;;",
];

#[test]
fn section_words_beside_their_numeral_and_group_rows_in_a_csv_export() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_csv(dir.path(), NATIONAL);
    assert_eq!(
        read(&input).unwrap(),
        [
            "tap_the|Ban Dân vận Trung ương||A. KHỐI CƠ QUAN TRUNG ƯƠNG",
            "tap_the|Ủy ban MTTQ tỉnh Nghệ An||B. KHỐI ĐỊA PHƯƠNG",
            "tap_the|Công an tỉnh Nghệ An||B. KHỐI ĐỊA PHƯƠNG",
            "ca_nhan|Nguyễn Văn An|Ủy ban MTTQ tỉnh Nghệ An|1. Khối các tỉnh",
            "ca_nhan|Trần Thị Bình|Công an tỉnh Hà Tĩnh|1. Khối các tỉnh",
        ]
    );
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    for line in [
        "thông tin: ds.csv:3: khen_thuong[0].danh_sach_tep: dòng mục «I TẬP THỂ (3)»: các dòng dưới là tập thể",
        "thông tin: ds.csv:4: khen_thuong[0].danh_sach_tep: dòng nhóm «A. KHỐI CƠ QUAN TRUNG ƯƠNG»: không phải người nhận; là tiêu đề nhóm của 1 dòng dưới trong danh sách kèm theo quyết định",
        "thông tin: ds.csv:6: khen_thuong[0].danh_sach_tep: dòng nhóm «B. KHỐI ĐỊA PHƯƠNG»: không phải người nhận; là tiêu đề nhóm của 2 dòng dưới trong danh sách kèm theo quyết định",
        "thông tin: ds.csv:9: khen_thuong[0].danh_sach_tep: dòng mục «II CÁ NHÂN (2 người)»: các dòng dưới là cá nhân",
        "thông tin: ds.csv:10: khen_thuong[0].danh_sach_tep: dòng nhóm «1. Khối các tỉnh»: không phải người nhận; là tiêu đề nhóm của 2 dòng dưới trong danh sách kèm theo quyết định",
        "thông tin: ds.csv:13: khen_thuong[0].danh_sach_tep: bảng dừng ở dòng «Tổng cộng: 3 tập thể và 2 cá nhân»; 3 dòng có chữ sau đó không được đọc",
        "thông tin: ds.csv: khen_thuong[0].danh_sach_tep: đọc được 3 tập thể và 2 cá nhân (dòng 5–12)",
    ] {
        assert!(stderr.lines().any(|l| l == line), "missing line:\n{line}\nin:\n{stderr}");
    }
    let (_, english) = check(&input, &["--lang", "en"]);
    assert!(
        english.contains("group row «A. KHỐI CƠ QUAN TRUNG ƯƠNG»: not a recipient; it heads the 1 row(s) below it"),
        "{english}"
    );
}

/// The same list as a clerk merges it: the section words merged over the
/// columns beside the numeral (from the name column or a later one), a
/// group row merged across the whole table, another merged beside its
/// letter, and a total split over cells.
fn merged_sheet() -> Sheet {
    let rows = vec![
        row(&["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"]),
        row(&["STT", "Họ và tên", "Chức vụ, đơn vị", "Số sổ"]),
        row(&["I", "TẬP THỂ (3)"]),
        row(&["A. KHỐI CƠ QUAN TRUNG ƯƠNG"]),
        vec![t("1"), t("Ban Dân vận Trung ương"), t(""), t("0101")],
        row(&["B", "KHỐI ĐỊA PHƯƠNG"]),
        vec![t("2"), t("Ủy ban MTTQ tỉnh Nghệ An"), t(""), t("0102")],
        vec![t("3"), t("Công an tỉnh Nghệ An"), t(""), t("0103")],
        row(&["II", "", "CÁ NHÂN (2)"]),
        vec![t("1"), t("Ông Nguyễn Văn An"), t("Chủ tịch Ủy ban MTTQ tỉnh Nghệ An"), t("0104")],
        vec![t("2"), t("Bà Trần Thị Bình"), t("Giám đốc Công an tỉnh Hà Tĩnh"), t("0105")],
        row(&["", "Cộng:", "3 tập thể và 2 cá nhân"]),
        row(&["", "", "Hà Nội, ngày 10 tháng 3 năm 2019"]),
        row(&["", "NGƯỜI LẬP BIỂU", "TM. BAN THƯỜNG TRỰC"]),
        row(&["", "Nguyễn Văn Lập", "Phạm Văn Trưởng"]),
    ];
    Sheet::new("Sheet1", rows).merged(&[(2, 1, 2, 3), (3, 0, 3, 3), (5, 1, 5, 3), (8, 2, 8, 3)])
}

#[test]
fn merged_section_and_group_rows_head_the_decision_list() {
    let dir = tempfile::tempdir().unwrap();
    write_xlsx(&dir.path().join("ds.xlsx"), &[merged_sheet()]);
    let input = sample_with_list(dir.path(), "ds.xlsx");
    let read = read(&input).unwrap();
    assert_eq!(read.len(), 5, "{read:?}");
    assert_eq!(read.iter().filter(|r| r.starts_with("tap_the")).count(), 3, "{read:?}");
    assert!(read[0].ends_with("|A. KHỐI CƠ QUAN TRUNG ƯƠNG") && read[2].ends_with("|B. KHỐI ĐỊA PHƯƠNG"), "{read:?}");
    assert!(read[3].ends_with("|"), "a section ends the group above it: {read:?}");
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    for line in [
        "thông tin: ds.xlsx:Sheet1!A9: khen_thuong[0].danh_sach_tep: dòng mục «II CÁ NHÂN (2)»: các dòng dưới là cá nhân",
        "thông tin: ds.xlsx:Sheet1!A4: khen_thuong[0].danh_sach_tep: dòng nhóm «A. KHỐI CƠ QUAN TRUNG ƯƠNG»: không phải người nhận; là tiêu đề nhóm của 1 dòng dưới trong danh sách kèm theo quyết định",
        "thông tin: ds.xlsx:Sheet1!B12: khen_thuong[0].danh_sach_tep: bảng dừng ở dòng «Cộng: 3 tập thể và 2 cá nhân»; 3 dòng có chữ sau đó không được đọc",
    ] {
        assert!(stderr.lines().any(|l| l == line), "missing line:\n{line}\nin:\n{stderr}");
    }

    let out = dir.path().join("out");
    build(&input, &out, &["--only", "quyet-dinh", "--format", "pdf"]);
    let lines = pdf_layout_lines(&out.join("quyet-dinh-1.pdf"));
    let list: Vec<&String> = lines.iter().skip_while(|l| !l.starts_with("I TẬP THỂ (3)")).collect();
    let starts = |expected: &str| list.iter().position(|l| l.starts_with(expected));
    let order: Vec<Option<usize>> = [
        "I TẬP THỂ (3)",
        "A KHỐI CƠ QUAN TRUNG ƯƠNG",
        "1 Ban Dân vận Trung ương",
        "B KHỐI ĐỊA PHƯƠNG",
        "2 Ủy ban MTTQ tỉnh Nghệ An",
        "3 Công an tỉnh Nghệ An",
        "II CÁ NHÂN (2)",
        "1 Ông Nguyễn Văn An",
        "2 Bà Trần Thị Bình",
    ]
    .iter()
    .map(|e| starts(e))
    .collect();
    assert!(order.iter().all(Option::is_some), "{order:?}:\n{}", lines.join("\n"));
    assert!(order.windows(2).all(|w| w[0] < w[1]), "in list order: {order:?}:\n{}", lines.join("\n"));
    let decision = pdf_text(&out.join("quyet-dinh-1.pdf"), None);
    assert!(decision.contains("cho 3 tập thể và 2 cá nhân"), "{decision}");
    assert!(!decision.contains("Nguyễn Văn Lập") && !decision.contains("NGƯỜI LẬP BIỂU"), "{decision}");

    // The DOCX list has the same heading rows, in the same order.
    build(&input, &out, &["--only", "quyet-dinh", "--format", "docx"]);
    let docx = common::docx_text(&out.join("quyet-dinh-1.docx"));
    let at = |expected: &str| docx.find(expected);
    let order = [
        "TẬP THỂ (3)",
        "KHỐI CƠ QUAN TRUNG ƯƠNG",
        "Ban Dân vận Trung ương",
        "KHỐI ĐỊA PHƯƠNG",
        "Công an tỉnh Nghệ An",
        "CÁ NHÂN (2)",
    ]
    .map(at);
    assert!(order.iter().all(Option::is_some) && order.windows(2).all(|w| w[0] < w[1]), "{order:?}: {docx}");
}

#[test]
fn totals_in_any_wording_end_the_table_before_the_signatures() {
    for total in [
        "Tổng cộng: 2 tập thể và 1 cá nhân;;;",
        "TỔNG CỘNG 3 (2 tập thể, 1 cá nhân);;;",
        "Tổng số: 3, trong đó 2 tập thể và 1 cá nhân;;;",
        "Tổng số được khen: 3;;;",
        ";Cộng: 2 tập thể, 1 cá nhân;;",
        ";Cộng:;2 tập thể và 1 cá nhân;",
        "3;Tổng cộng;2 tập thể và 1 cá nhân;",
        // No total: a note under the table ends it as well.
        ";Ghi chú: danh sách có 1 trang;;",
        ";(Ký, ghi rõ họ tên);;",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let input = write_csv(
            dir.path(),
            &[
                "STT;Tên tập thể, cá nhân;Chức vụ, đơn vị;Số sổ",
                "I;TẬP THỂ;;",
                "1;Công an xã An Hòa;huyện An Dương;0101",
                "2;Công an xã Tân Tiến;huyện An Dương;0102",
                "II;CÁ NHÂN;;1",
                "1;Ông Lương Văn Mười;Trưởng thôn, xã Tân Tiến;0103",
                total,
                ";NGƯỜI LẬP BIỂU;;",
                ";Nguyễn Văn Lập;Thủ trưởng;",
                ";Trần Văn Ký;;",
            ],
        );
        let read = read(&input).unwrap_or_else(|e| panic!("{total}: {e}"));
        assert_eq!(read.len(), 3, "{total}: {read:?}");
        assert!(read.iter().all(|r| !r.contains("Lập") && !r.contains("Ký")), "{total}: {read:?}");
    }
}

#[test]
fn a_yaml_list_takes_group_headings_by_nhom_and_prints_as_before_without() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(common::sample_input()).unwrap();
    let grouped = yaml
        .replace("ten: \"Nguyễn Thị Hằng\",", "ten: \"Nguyễn Thị Hằng\", nhom: \"1. QUẬN HỒNG BÀNG\",")
        .replace("ten: \"Phạm Văn Dũng\",", "ten: \"Phạm Văn Dũng\", nhom: \"1. QUẬN HỒNG BÀNG\",");
    assert_ne!(grouped, yaml, "the sample's inline list changed");
    let input = dir.path().join("input.yaml");
    std::fs::write(&input, grouped).unwrap();
    let list = "hai-phong-2018-bang-khen.csv";
    std::fs::copy(common::root().join("inputs").join(list), dir.path().join(list)).unwrap();
    let out = dir.path().join("out");
    build(&input, &out, &["--only", "quyet-dinh", "--format", "pdf"]);
    let lines = pdf_layout_lines(&out.join("quyet-dinh-2.pdf"));
    let at = |expected: &str| lines.iter().position(|l| l.starts_with(expected));
    let order = [
        "I TẬP THỂ (1)",
        "1 Công an quận Hồng Bàng",
        "II CÁ NHÂN (2)",
        "1 QUẬN HỒNG BÀNG",
        "1 Bà Nguyễn Thị Hằng",
        "2 Ông Phạm Văn Dũng",
    ]
    .map(at);
    assert!(order.iter().all(Option::is_some), "{order:?}:\n{}", lines.join("\n"));
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}:\n{}", lines.join("\n"));
    assert_eq!(lines.iter().filter(|l| l.contains("QUẬN HỒNG BÀNG")).count(), 1, "one heading where it changes");

    // Without `nhom`, the same list prints no heading row.
    let plain = dir.path().join("plain");
    build(&common::sample_input(), &plain, &["--only", "quyet-dinh", "--format", "pdf"]);
    let lines = pdf_layout_lines(&plain.join("quyet-dinh-2.pdf"));
    assert!(!lines.iter().any(|l| l.contains("QUẬN HỒNG BÀNG")), "{}", lines.join("\n"));
}

#[test]
fn nested_group_rows_head_their_rows_each_where_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_csv(
        dir.path(),
        &[
            "STT;Tên tập thể;Địa chỉ;Số sổ",
            "A;KHỐI CƠ QUAN TRUNG ƯƠNG;;",
            ";1. Các bộ;;",
            "1;Bộ Công an;;0101",
            ";2. Các đoàn thể;;",
            "2;Hội Nông dân Việt Nam;;0102",
            "3;Hội Cựu chiến binh Việt Nam;;0103",
            "B;KHỐI ĐỊA PHƯƠNG;(1);",
            "4;Ủy ban MTTQ tỉnh Nghệ An;;0104",
            "Tổng số: 4 tập thể;;;",
        ],
    );
    let read = read(&input).unwrap();
    assert_eq!(
        read,
        [
            "tap_the|Bộ Công an||A. KHỐI CƠ QUAN TRUNG ƯƠNG\n1. Các bộ",
            "tap_the|Hội Nông dân Việt Nam||A. KHỐI CƠ QUAN TRUNG ƯƠNG\n2. Các đoàn thể",
            "tap_the|Hội Cựu chiến binh Việt Nam||A. KHỐI CƠ QUAN TRUNG ƯƠNG\n2. Các đoàn thể",
            "tap_the|Ủy ban MTTQ tỉnh Nghệ An||B. KHỐI ĐỊA PHƯƠNG",
        ]
    );
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr
            .contains("dòng nhóm «A. KHỐI CƠ QUAN TRUNG ƯƠNG»: không phải người nhận; là tiêu đề nhóm của 3 dòng dưới"),
        "{stderr}"
    );
    assert!(
        stderr.contains("dòng nhóm «2. Các đoàn thể»: không phải người nhận; là tiêu đề nhóm của 2 dòng dưới"),
        "{stderr}"
    );

    let out = dir.path().join("out");
    build(&input, &out, &["--only", "quyet-dinh", "--format", "pdf"]);
    let lines = pdf_layout_lines(&out.join("quyet-dinh-1.pdf"));
    let at = |expected: &str| lines.iter().position(|l| l.starts_with(expected));
    let order = [
        "A KHỐI CƠ QUAN TRUNG ƯƠNG",
        "1 Các bộ",
        "1 Bộ Công an",
        "2 Các đoàn thể",
        "2 Hội Nông dân Việt Nam",
        "3 Hội Cựu chiến binh Việt Nam",
        "B KHỐI ĐỊA PHƯƠNG",
        "4 Ủy ban MTTQ tỉnh Nghệ An",
    ]
    .map(at);
    assert!(order.iter().all(Option::is_some), "{order:?}:\n{}", lines.join("\n"));
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}:\n{}", lines.join("\n"));
    assert_eq!(lines.iter().filter(|l| l.contains("KHỐI CƠ QUAN TRUNG ƯƠNG")).count(), 1, "{}", lines.join("\n"));
}

#[test]
fn a_kind_left_alone_in_its_column_is_a_recipient_without_a_name_not_a_section() {
    // The clerk chose the kind and forgot the name: an error at its line,
    // never a silent "TẬP THỂ" section. Numbered as a section ("I"), it is one.
    let dir = tempfile::tempdir().unwrap();
    let input = write_csv(dir.path(), &["loai;ten;don_vi", "tap_the;;", "ca_nhan;Nguyễn Văn A;Công an xã B"]);
    let said = read(&input).expect_err("a nameless recipient is refused");
    assert!(said.contains("ds.csv:2"), "{said}");
    let input = write_csv(dir.path(), &["stt;loai;ten", "I;tap_the;", "1;tap_the;Công an xã B"]);
    assert_eq!(read(&input).unwrap(), vec!["tap_the|Công an xã B||".to_string()]);
}
