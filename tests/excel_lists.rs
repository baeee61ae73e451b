//! Recipient lists as clerks keep them in Excel (issue 13): title rows,
//! merged cells, Vietnamese headers with and without accents, an STT
//! column, section rows, totals, Excel numbers and dates, several sheets —
//! built here with rust_xlsxwriter, checked by what `check` says and by the
//! names and counts that reach the decision list and the certificates.

mod common;

use common::lists::{check, recipients, row, sample_with_lists, t, write_xlsx, Cell, Sheet};
use common::{build, pdf_layout_lines, pdf_page_texts, pdf_text, sample_with_list};

/// The list a district clerk keeps: a merged title, a note row, a header in
/// Vietnamese, a numbering row, "I. TẬP THỂ" / "II. CÁ NHÂN" sections with
/// subtotals, titles and ranks inside name cells, a unit merged over two
/// rows, columns the papers do not use, a total and the signature block.
fn clerk_sheet(name: &str) -> Sheet {
    let rows = vec![
        row(&["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"]),
        row(&["(Kèm theo Tờ trình số 15/TTr-CAQ ngày 10/8/2018)"]),
        row(&[]),
        row(&["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Số sổ", "Năm sinh", "Ghi chú"]),
        row(&["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]),
        row(&["I", "TẬP THỂ"]),
        vec![t("1"), t("Công an xã An Hòa"), t(""), t("huyện An Dương"), t("0101")],
        vec![t("2"), t("Công an xã An Hòa  "), t(""), t("huyện Vĩnh Bảo"), Cell::Number(102.0, "0000")],
        row(&["", "Cộng: 2 tập thể"]),
        row(&["II", "CÁ NHÂN"]),
        vec![
            t("1"),
            t("Ông Nguyễn Văn An"),
            t("Trưởng Công an xã"),
            t("xã An Hòa, huyện An Dương"),
            t("0103"),
            Cell::Number(1970.0, ""),
        ],
        vec![
            t("2"),
            t("Bà Trần Thị Bình "),
            t("Tổ trưởng tổ dân phố số 5"),
            t("phường Hạ Lý"),
            t("0104"),
            t("1980"),
            t("ghi chú"),
        ],
        vec![t("3"), t("Đại tá Lê Văn Cường"), t("Phó Giám đốc"), t(""), t("0105")],
        row(&[]),
        row(&["", "Tổng cộng: 2 tập thể, 3 cá nhân"]),
        row(&["", "", "", "Hải Phòng, ngày 10 tháng 8 năm 2018"]),
        row(&["", "NGƯỜI LẬP BIỂU", "", "TRƯỞNG CÔNG AN QUẬN"]),
        row(&["", "Nguyễn Văn Lập", "", "Phạm Văn Trưởng"]),
    ];
    // Rows 12 and 13 share the unit merged over D12:D13.
    Sheet::new(name, rows).merged(&[(0, 0, 0, 6), (1, 0, 1, 6), (5, 1, 5, 6), (9, 1, 9, 6), (11, 3, 12, 3)])
}

#[test]
fn a_clerks_list_is_read_and_check_shows_how() {
    let dir = tempfile::tempdir().unwrap();
    write_xlsx(&dir.path().join("ds.xlsx"), &[clerk_sheet("Sheet1")]);
    let input = sample_with_list(dir.path(), "ds.xlsx");
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    for line in [
        "thông tin: ds.xlsx:Sheet1!A4: khen_thuong[0].danh_sach_tep: dòng 4 là dòng tiêu đề; cột B «Họ và tên» → ten, C «Chức vụ» → chuc_vu, D «Đơn vị» → don_vi, E «Số sổ» → so_so; cột A «STT» (số thứ tự) không in",
        "cảnh báo: ds.xlsx:Sheet1!F4: khen_thuong[0].danh_sach_tep: bỏ qua cột F «Năm sinh», G «Ghi chú»: không phải trường nào của giấy tờ",
        "thông tin: ds.xlsx:Sheet1!A6: khen_thuong[0].danh_sach_tep: dòng mục «I TẬP THỂ»: các dòng dưới là tập thể",
        "thông tin: ds.xlsx:Sheet1!A10: khen_thuong[0].danh_sach_tep: dòng mục «II CÁ NHÂN»: các dòng dưới là cá nhân",
        "thông tin: ds.xlsx:Sheet1!A5: khen_thuong[0].danh_sach_tep: bỏ qua dòng 5: dòng đánh số cột «(1) (2) (3) (4) (5) (6) (7)»",
        "thông tin: ds.xlsx:Sheet1!A9: khen_thuong[0].danh_sach_tep: bỏ qua dòng 9: dòng cộng (ví dụ «Cộng: 2 tập thể»)",
        "thông tin: ds.xlsx:Sheet1!B11: khen_thuong[0].danh_sach_tep: tách danh xưng, cấp bậc khỏi ô tên ở 3 dòng, ví dụ «Ông Nguyễn Văn An» → danh_xung «Ông», ten «Nguyễn Văn An»",
        "thông tin: ds.xlsx:Sheet1!B15: khen_thuong[0].danh_sach_tep: bảng dừng ở dòng «Tổng cộng: 2 tập thể, 3 cá nhân»; 3 dòng có chữ sau đó không được đọc",
        "thông tin: ds.xlsx: khen_thuong[0].danh_sach_tep: đọc được 2 tập thể và 3 cá nhân (dòng 7–13)",
    ] {
        assert!(stderr.lines().any(|l| l == line), "missing line:\n{line}\nin:\n{stderr}");
    }
    assert!(
        stderr.contains("ô gộp: giá trị của ô gộp dùng cho mọi dòng nó phủ (1 ô gộp, ví dụ D12:D13 «phường Hạ Lý»)"),
        "{stderr}"
    );

    // Two communes of one name in different districts are two recipients;
    // the titles left the names; the number formatted "0000" shows 0102.
    assert_eq!(
        recipients(&input, 0).unwrap(),
        [
            "tap_the||Công an xã An Hòa||huyện An Dương|0101",
            "tap_the||Công an xã An Hòa||huyện Vĩnh Bảo|0102",
            "ca_nhan|Ông|Nguyễn Văn An|Trưởng Công an xã|xã An Hòa, huyện An Dương|0103",
            "ca_nhan|Bà|Trần Thị Bình|Tổ trưởng tổ dân phố số 5|phường Hạ Lý|0104",
            "ca_nhan|Đại tá|Lê Văn Cường|Phó Giám đốc|phường Hạ Lý|0105",
        ]
    );

    let (_, english) = check(&input, &["--lang", "en"]);
    assert!(
        english.contains(
            "note: ds.xlsx:Sheet1!A4: khen_thuong[0].danh_sach_tep: row 4 is the header; column B «Họ và tên» → ten"
        ),
        "{english}"
    );
    assert!(english.contains("read 2 collective(s) and 3 individual(s) (rows 7–13)"), "{english}");
}

#[test]
fn names_and_counts_reach_the_decision_list_and_the_certificates() {
    let dir = tempfile::tempdir().unwrap();
    write_xlsx(&dir.path().join("ds.xlsx"), &[clerk_sheet("Sheet1")]);
    let input = sample_with_list(dir.path(), "ds.xlsx");
    let out = dir.path().join("out");
    build(&input, &out, &["--only", "quyet-dinh,khen", "--format", "pdf"]);

    let decision = pdf_text(&out.join("quyet-dinh-1.pdf"), None);
    assert!(decision.contains("cho 2 tập thể và 3 cá nhân (có danh sách kèm theo)"), "{decision}");
    let lines = pdf_layout_lines(&out.join("quyet-dinh-1.pdf"));
    // Each recipient starts a row of the list (long units wrap below).
    for expected in [
        "I TẬP THỂ (2)",
        "1 Công an xã An Hòa huyện An Dương",
        "2 Công an xã An Hòa huyện Vĩnh Bảo",
        "II CÁ NHÂN (3)",
        "1 Ông Nguyễn Văn An Trưởng Công an xã,",
        "2 Bà Trần Thị Bình Tổ trưởng tổ dân phố số 5,",
        "3 Đại tá Lê Văn Cường Phó Giám đốc, phường Hạ Lý",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(expected)),
            "«{expected}» starts no line of the list:\n{}",
            lines.join("\n")
        );
    }
    assert!(
        !decision.contains("Nguyễn Văn Lập") && !decision.contains("Năm sinh"),
        "the signature block is no recipient"
    );

    let pages = pdf_page_texts(&out.join("khen-1.pdf"));
    assert_eq!(pages.len(), 5, "one certificate per recipient");
    assert!(
        pages[1].contains("Công an xã An Hòa") && pages[1].contains("huyện Vĩnh Bảo") && pages[1].contains("0102"),
        "{}",
        pages[1]
    );
    assert!(pages[3].contains("Bà Trần Thị Bình") && pages[3].contains("0104"), "{}", pages[3]);
    assert!(pages[4].contains("Đại tá Lê Văn Cường"), "{}", pages[4]);
    assert!(!pages.iter().any(|p| p.contains("Bà Bà") || p.contains("Ông Ông")), "no doubled title");
}

#[test]
fn headers_without_accents_and_kind_words_read_alike() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = Sheet::new(
        "Sheet1",
        vec![
            row(&["Loai", "Ho va ten", "CHUC VU, DON VI", "So so vang"]),
            row(&["Tap the", "Công an phường Cát Dài", "quận Lê Chân", "0201"]),
            row(&["CÁ NHÂN", "Đồng chí Vũ Thị Hoa", "Tổ trưởng, phường Cát Dài", "0202"]),
            row(&["ca_nhan", "Phạm Quang", "", "0203"]),
        ],
    );
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet]);
    let input = sample_with_list(dir.path(), "ds.xlsx");
    assert_eq!(
        recipients(&input, 0).unwrap(),
        [
            "tap_the||Công an phường Cát Dài||quận Lê Chân|0201",
            "ca_nhan|Đồng chí|Vũ Thị Hoa||Tổ trưởng, phường Cát Dài|0202",
            "ca_nhan||Phạm Quang|||0203",
        ]
    );
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr
            .contains("cột A «Loai» → loai, B «Ho va ten» → ten, C «CHUC VU, DON VI» → don_vi, D «So so vang» → so_so"),
        "{stderr}"
    );
    assert!(!stderr.contains("cảnh báo"), "nothing to warn about: {stderr}");
}

#[test]
fn excel_numbers_and_dates_print_as_excel_shows_them_never_as_serials() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = Sheet::new(
        "Sheet1",
        vec![
            row(&["Loại", "Tên tập thể, cá nhân", "Số sổ vàng"]),
            vec![t("Tập thể"), t("Đội A"), t("0101")],
            vec![t("Tập thể"), t("Đội B"), Cell::Number(102.0, "0000")],
            vec![t("Tập thể"), t("Đội C"), Cell::Number(45627.0, "")],
            vec![t("Tập thể"), t("Đội D"), Cell::Date((2024, 12, 1), "dd/mm/yyyy")],
            vec![t("Tập thể"), t("Đội E"), Cell::Date((2024, 12, 1), "mm/yyyy")],
            vec![t("Tập thể"), t("Đội F"), Cell::Number(1250.0, "#,##0")],
        ],
    );
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet]);
    let input = sample_with_list(dir.path(), "ds.xlsx");
    let registers: Vec<String> =
        recipients(&input, 0).unwrap().iter().map(|r| r.rsplit('|').next().unwrap().to_string()).collect();
    assert_eq!(registers, ["0101", "0102", "45627", "01/12/2024", "12/2024", "1.250"]);
    let out = dir.path().join("out");
    build(&input, &out, &["--only", "khen", "--format", "pdf"]);
    let pages = pdf_page_texts(&out.join("khen-1.pdf"));
    assert!(pages[3].contains("Số sổ vàng: 01/12/2024") && !pages[3].contains("45627"), "{}", pages[3]);
}

#[test]
fn cells_that_cannot_be_shown_as_excel_shows_them_are_refused_at_their_cell() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = Sheet::new(
        "Sheet1",
        vec![
            row(&["Loại", "Họ và tên", "Số sổ"]),
            vec![t("Cá nhân"), t("Lê Hà"), Cell::Date((2024, 12, 1), "d-mmm-yy")],
            vec![t("Cá nhân"), t("Lê Hải"), Cell::Number(123456789012.0, "")],
            vec![t("Cá nhân"), Cell::Bool(true), t("0103")],
        ],
    );
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet]);
    sample_with_list(dir.path(), "ds.xlsx");
    let out = dir.path().join("out");
    let output = common::baocao(&["build", "input.yaml", "-o", out.to_str().unwrap()], dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    for expected in [
        "lỗi: ds.xlsx:Sheet1!C2: khen_thuong[0].danh_sach[0].so_so: ô chứa ngày 2024-12-01 với định dạng «d-mmm-yy» mà baocao không hiện được như Excel",
        "lỗi: ds.xlsx:Sheet1!C3: khen_thuong[0].danh_sach[1].so_so: ô chứa số 123456789012, dài quá nên Excel hiện dạng khoa học",
        "lỗi: ds.xlsx:Sheet1!B4: khen_thuong[0].danh_sach[2].ten: ô chứa giá trị đúng/sai (TRUE) chứ không phải chữ",
    ] {
        assert!(stderr.contains(expected), "missing «{expected}» in:\n{stderr}");
    }
    assert!(stderr.ends_with("\n3 lỗi; không tệp nào được ghi.\n"), "one error per cell, nothing more: {stderr}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_sheet_per_award_is_named_after_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bang_khen = Sheet::new(
        "Bằng khen",
        vec![
            row(&["Loại", "Họ và tên"]),
            row(&["Tập thể", "Công an quận Kiến An"]),
            row(&["Cá nhân", "Ông Đỗ Văn Bảy"]),
        ],
    );
    // No kind column: the sheet's name says what its rows are.
    let giay_khen =
        Sheet::new("Cá nhân", vec![row(&["Họ và tên", "Đơn vị"]), row(&["Bà Ngô Thị Tám", "phường Bắc Sơn"])]);
    write_xlsx(&dir.path().join("ds.xlsx"), &[bang_khen, giay_khen]);
    let input = sample_with_lists(dir.path(), "ds.xlsx#Bằng khen", "ds.xlsx#ca nhan");
    assert_eq!(recipients(&input, 0).unwrap(), ["tap_the||Công an quận Kiến An|||", "ca_nhan|Ông|Đỗ Văn Bảy|||"]);
    assert_eq!(recipients(&input, 1).unwrap(), ["ca_nhan|Bà|Ngô Thị Tám||phường Bắc Sơn|"]);
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("ds.xlsx:'Bằng khen'!A1: khen_thuong[0].danh_sach_tep: dòng 1 là dòng tiêu đề"),
        "{stderr}"
    );
    assert!(stderr.contains("khen_thuong[1].danh_sach_tep: không có cột Loại: các dòng không ghi loại là cá nhân, theo tên trang «Cá nhân»"), "{stderr}");

    let out = dir.path().join("out");
    build(&input, &out, &["--only", "quyet-dinh,khen", "--format", "pdf"]);
    let first = pdf_text(&out.join("quyet-dinh-1.pdf"), None);
    assert!(first.contains("cho 1 tập thể và 1 cá nhân"), "{first}");
    let second = pdf_text(&out.join("quyet-dinh-2.pdf"), None);
    assert!(second.contains("Bà Ngô Thị Tám") && second.contains("cho 1 cá nhân"), "{second}");
    assert_eq!(pdf_page_texts(&out.join("khen-2.pdf")).len(), 1);

    // Without a sheet name the first is read, and check says so.
    let input = sample_with_list(dir.path(), "ds.xlsx");
    let (_, stderr) = check(&input, &[]);
    assert!(stderr.contains("đọc trang «Bằng khen»; tệp còn các trang Cá nhân"), "{stderr}");
    let input = sample_with_list(dir.path(), "ds.xlsx#Giấy khen");
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("tệp không có trang «Giấy khen»; các trang có: Bằng khen, Cá nhân"), "{stderr}");
}

#[test]
fn a_column_given_twice_is_refused_naming_both_columns() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = Sheet::new(
        "DS",
        vec![row(&["STT", "Họ và tên", "Loại", "Họ tên"]), row(&["1", "Lê Văn A", "Cá nhân", "Lê Văn B"])],
    );
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet]);
    let input = sample_with_list(dir.path(), "ds.xlsx");
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "lỗi: ds.xlsx:DS!D1: khen_thuong[0].danh_sach_tep: cột B «Họ và tên» và cột D «Họ tên» cùng là «ten»; hãy xóa hoặc đổi tiêu đề một cột\n1 lỗi; không tệp nào được ghi.\n"
    );
    std::fs::write(dir.path().join("ds.csv"), "ten;loai;ten\nLê Văn A;ca_nhan;Lê Văn B\n").unwrap();
    let input = sample_with_list(dir.path(), "ds.csv");
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("ds.csv:1: khen_thuong[0].danh_sach_tep: cột 1 «ten» và cột 3 «ten» cùng là «ten»"),
        "{stderr}"
    );
}

#[test]
fn rows_without_a_kind_are_refused_or_take_a_guess_that_check_shows() {
    let dir = tempfile::tempdir().unwrap();
    // A mixed title: no kind can be told.
    let sheet = Sheet::new("Sheet1", vec![row(&["Tên tập thể, cá nhân", "Số sổ"]), row(&["Lê Văn A", "01"])]);
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet]);
    let input = sample_with_list(dir.path(), "ds.xlsx");
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("lỗi: ds.xlsx:Sheet1!A2: khen_thuong[0].danh_sach[0].loai: không biết là tập thể hay cá nhân"),
        "{stderr}"
    );

    // "Họ và tên" alone: individuals, with a warning.
    let sheet = Sheet::new("Sheet1", vec![row(&["Họ và tên", "Số sổ"]), row(&["Lê Văn A", "01"])]);
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet]);
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("cảnh báo: ds.xlsx: khen_thuong[0].danh_sach_tep: không có cột Loại hay dòng mục «I. TẬP THỂ» / «II. CÁ NHÂN»: coi mọi dòng là cá nhân vì cột A có tiêu đề «Họ và tên»"), "{stderr}");
}

#[test]
fn csv_lists_read_like_xlsx_ones_in_the_shapes_excel_exports() {
    let dir = tempfile::tempdir().unwrap();
    let text = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG;;;\r\n;;;\r\nSTT;Họ và tên;Chức vụ, đơn vị;Số sổ\r\nI;TẬP THỂ;;\r\n1;Công an phường Đông Hải 1;quận Hải An;0301\r\nII;CÁ NHÂN;;\r\n1;Ông Lương Văn Mười;Trưởng thôn, xã Tân Tiến;0302\r\nTổng cộng;;;\r\n";
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(text.as_bytes());
    std::fs::write(dir.path().join("ds.csv"), &bytes).unwrap();
    let input = sample_with_list(dir.path(), "ds.csv");
    assert_eq!(
        recipients(&input, 0).unwrap(),
        [
            "tap_the||Công an phường Đông Hải 1||quận Hải An|0301",
            "ca_nhan|Ông|Lương Văn Mười||Trưởng thôn, xã Tân Tiến|0302"
        ]
    );
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("ds.csv:3: khen_thuong[0].danh_sach_tep: dòng 3 là dòng tiêu đề; cột 2 «Họ và tên» → ten, 3 «Chức vụ, đơn vị» → don_vi, 4 «Số sổ» → so_so; cột 1 «STT» (số thứ tự) không in"), "{stderr}");
    assert!(stderr.contains("đọc được 1 tập thể và 1 cá nhân (dòng 5–7)"), "{stderr}");
}

#[test]
fn the_init_template_is_a_list_this_reader_reads_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let output = common::baocao(&["init", dir.path().to_str().unwrap()], dir.path());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(dir.path().join("danh-sach.xlsx").exists());
    let yaml = dir.path().join("hai-phong-2018.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap().replace("hai-phong-2018-bang-khen.csv", "danh-sach.xlsx");
    std::fs::write(&yaml, text).unwrap();
    let (code, stderr) = check(&yaml, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("cột B «Loại» → loai, C «Danh xưng» → danh_xung, D «Tên tập thể, cá nhân» → ten, E «Chức vụ» → chuc_vu, F «Đơn vị» → don_vi, G «Số sổ vàng» → so_so, H «Thành tích» → thanh_tich; cột A «STT»"), "{stderr}");
    assert!(stderr.contains("đọc được 1 tập thể và 1 cá nhân (dòng 5–6)"), "{stderr}");
    assert!(!stderr.contains("cảnh báo"), "{stderr}");
    assert_eq!(
        recipients(&yaml, 0).unwrap(),
        [
            "tap_the||Công an phường Hạ Lý||quận Hồng Bàng|0101",
            "ca_nhan|Bà|Nguyễn Thị Hằng|Tổ trưởng tổ dân phố số 5|phường Hạ Lý, quận Hồng Bàng|0102"
        ]
    );
    // A second init does not overwrite the template.
    let again = common::baocao(&["init", dir.path().to_str().unwrap()], dir.path());
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn a_build_does_not_repeat_the_notes_check_shows() {
    let dir = tempfile::tempdir().unwrap();
    write_xlsx(&dir.path().join("ds.xlsx"), &[clerk_sheet("Sheet1")]);
    sample_with_list(dir.path(), "ds.xlsx");
    let out = dir.path().join("out");
    let output = common::baocao(
        &["build", "input.yaml", "-o", out.to_str().unwrap(), "--only", "quyet-dinh", "--format", "pdf"],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("thông tin:"), "{stderr}");
    assert!(stderr.contains("cảnh báo: ds.xlsx:Sheet1!F4"), "warnings stay: {stderr}");
}

#[test]
fn a_name_merged_over_two_rows_is_one_recipient_and_an_untitled_column_is_warned() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = Sheet::new(
        "Sheet1",
        vec![
            row(&["Loại", "Họ và tên", "Chức vụ", "", "Số sổ"]),
            row(&["Cá nhân", "Ông Hoàng Văn Nam", "Trưởng ban công tác Mặt trận", "x", "0401"]),
            row(&["", "", "khu dân cư số 3", "", ""]),
            row(&["Cá nhân", "Bà Lê Thị Năm", "Tổ phó", "", "0402"]),
        ],
    )
    .merged(&[(1, 0, 2, 0), (1, 1, 2, 1), (1, 4, 2, 4)]);
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet]);
    let input = sample_with_list(dir.path(), "ds.xlsx");
    assert_eq!(
        recipients(&input, 0).unwrap(),
        [
            "ca_nhan|Ông|Hoàng Văn Nam|Trưởng ban công tác Mặt trận khu dân cư số 3||0401",
            "ca_nhan|Bà|Lê Thị Năm|Tổ phó||0402",
        ]
    );
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("cảnh báo: ds.xlsx:Sheet1!D2: khen_thuong[0].danh_sach_tep: bỏ qua cột D (dòng 2: «x»): cột không có tiêu đề"),
        "{stderr}"
    );
    assert!(stderr.contains("đọc được 0 tập thể và 2 cá nhân (dòng 2–4)"), "{stderr}");
}

#[test]
fn the_same_recipient_twice_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = Sheet::new(
        "Sheet1",
        vec![
            row(&["Loại", "Tên tập thể, cá nhân", "Đơn vị"]),
            row(&["Tập thể", "Công an xã An Hòa", "huyện An Dương"]),
            row(&["Tập thể", "Công an xã An Hòa", "huyện Vĩnh Bảo"]),
            row(&["Tập thể", "Công an xã An Hòa ", "huyện An Dương"]),
        ],
    );
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet]);
    let input = sample_with_list(dir.path(), "ds.xlsx");
    let (code, stderr) = check(&input, &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("lỗi: ds.xlsx:Sheet1!B4: khen_thuong[0].danh_sach[2].ten: «Công an xã An Hòa» xuất hiện hai lần trong nhóm (lần đầu ở mục thứ 1)"),
        "{stderr}"
    );
    assert!(stderr.ends_with("\n1 lỗi; không tệp nào được ghi.\n"), "{stderr}");
}
