//! Hostile and broken list files (issue 9): each is refused with exit 2 and
//! a located message, quickly and within little memory — a used range
//! reaching XFD1048576, a pipe, a device, a folder, a huge file, a zip
//! that unpacks to too much, too many merged areas, legacy encodings and
//! legacy text in names.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::lists::{row, t, write_xlsx, Sheet};
use common::sample_with_list;
use rust_xlsxwriter::{Format, Workbook};

/// `baocao check input.yaml` in `dir` under a 1 GB address-space limit
/// (reading a 17-billion-cell range whole would need far more), killed
/// after 60 s (a pipe must not block it): exit code and stderr.
fn check_bounded(dir: &Path) -> (Option<i32>, String) {
    let binary = env!("CARGO_BIN_EXE_baocao");
    let mut child = Command::new("sh")
        .args(["-c", &format!("ulimit -v 1000000 && exec '{binary}' check input.yaml")])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sh");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("baocao check did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    (output.status.code(), String::from_utf8(output.stderr).unwrap())
}

fn refused(dir: &Path, expected: &str) {
    let (code, stderr) = check_bounded(dir);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains(expected), "missing «{expected}» in:\n{stderr}");
    assert!(stderr.ends_with("lỗi; không tệp nào được ghi.\n"), "{stderr}");
}

#[test]
fn a_used_range_reaching_xfd1048576_costs_nothing_and_a_value_there_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Loại").unwrap().write_string(0, 1, "Họ và tên").unwrap();
    sheet.write_string(1, 0, "Cá nhân").unwrap().write_string(1, 1, "Lê Văn An").unwrap();
    // Formatted but empty: Excel's used range now reaches XFD1048576.
    sheet.write_blank(1_048_575, 16_383, &Format::new().set_bold()).unwrap();
    workbook.save(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 10_000, "a small file");
    sample_with_list(dir.path(), "ds.xlsx");
    let (code, stderr) = check_bounded(dir.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("đọc được 0 tập thể và 1 cá nhân (dòng 2)"), "{stderr}");

    sheet_with_value_at_the_end(&path);
    refused(
        dir.path(),
        "lỗi: ds.xlsx:Sheet1!XFD1048576: khen_thuong[0].danh_sach_tep: ô có dữ liệu nằm ngoài vùng đọc (tới dòng 201.000, cột CV)",
    );
}

fn sheet_with_value_at_the_end(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Loại").unwrap().write_string(0, 1, "Họ và tên").unwrap();
    sheet.write_string(1, 0, "Cá nhân").unwrap().write_string(1, 1, "Lê Văn An").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    workbook.save(path).unwrap();
    assert!(std::fs::metadata(path).unwrap().len() < 10_000);
}

#[test]
fn values_right_of_or_below_the_limits_are_refused_at_their_cell_or_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut cells = row(&["Loại", "Họ và tên"]);
    cells.resize(100, t(""));
    cells.push(t("ghi chú lạc"));
    write_xlsx(&dir.path().join("ds.xlsx"), &[Sheet::new("DS", vec![cells, row(&["Cá nhân", "Lê Văn An"])])]);
    sample_with_list(dir.path(), "ds.xlsx");
    refused(dir.path(), "lỗi: ds.xlsx:DS!CW1: khen_thuong[0].danh_sach_tep: ô có dữ liệu nằm ngoài vùng đọc");

    let mut csv = String::from("loai,ten\n");
    for n in 2..=201_001 {
        csv.push_str(&format!("ca_nhan,Người số {n}\n"));
    }
    std::fs::write(dir.path().join("ds.csv"), csv).unwrap();
    sample_with_list(dir.path(), "ds.csv");
    refused(dir.path(), "lỗi: ds.csv:201001: khen_thuong[0].danh_sach_tep: ô có dữ liệu nằm ngoài vùng đọc");
}

#[test]
fn a_pipe_a_device_and_a_folder_are_refused_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("ds.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo (coreutils) is needed by this test");
    assert!(made.success());
    sample_with_list(dir.path(), "ds.csv");
    refused(
        dir.path(),
        "lỗi: ds.csv: khen_thuong[0].danh_sach_tep: «ds.csv» là một đường ống (FIFO), không phải tệp danh sách",
    );
    std::fs::remove_file(&fifo).unwrap();

    std::os::unix::fs::symlink("/dev/zero", &fifo).unwrap();
    refused(dir.path(), "«ds.csv» là một thiết bị, không phải tệp danh sách .csv hoặc .xlsx");
    std::fs::remove_file(&fifo).unwrap();

    std::fs::create_dir(dir.path().join("ds.xlsx")).unwrap();
    sample_with_list(dir.path(), "ds.xlsx");
    refused(dir.path(), "«ds.xlsx» là một thư mục, không phải tệp danh sách");
}

#[test]
fn a_huge_file_and_a_zip_that_unpacks_to_too_much_are_refused_by_size() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: 30 MB on paper, nothing on disk.
    let huge = std::fs::File::create(dir.path().join("ds.csv")).unwrap();
    huge.set_len(30 * 1024 * 1024).unwrap();
    sample_with_list(dir.path(), "ds.csv");
    refused(dir.path(), "tệp «ds.csv» nặng 30,0 MB; tệp danh sách được đọc tới 20,0 MB");

    // A sheet part declaring 300 MB unpacked: refused before unpacking.
    declaring_unpacked(&dir.path().join("ds.xlsx"), 300_000_000);
    sample_with_list(dir.path(), "ds.xlsx");
    refused(dir.path(), "tệp «ds.xlsx» giải nén ra hơn 200,0 MB (tệp XLSX bất thường)");
}

#[test]
fn too_many_merged_areas_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Họ và tên").unwrap();
    for n in 0..10_001u32 {
        sheet.merge_range(n + 1, 2, n + 1, 3, "", &Format::new()).unwrap();
    }
    workbook.save(dir.path().join("ds.xlsx")).unwrap();
    sample_with_list(dir.path(), "ds.xlsx");
    refused(dir.path(), "khen_thuong[0].danh_sach_tep: trang có 10.001 vùng ô gộp; chỉ đọc được tới 10.000");
}

#[test]
fn csv_files_in_legacy_encodings_are_refused_naming_the_encoding() {
    let dir = tempfile::tempdir().unwrap();
    sample_with_list(dir.path(), "ds.csv");
    // "Họ và tên,Loại / Nguyễn Văn An,Cá nhân" as Windows-1258 writes it.
    let cp1258: &[u8] = b"Ho\xf2 va\xcc t\xean,Loa\xf2i\r\nNguy\xea\xden V\xe3n An,Ca\xec nh\xe2n\r\n";
    std::fs::write(dir.path().join("ds.csv"), cp1258).unwrap();
    refused(
        dir.path(),
        "lỗi: ds.csv:1: khen_thuong[0].danh_sach_tep: tệp «ds.csv» không phải UTF-8: có vẻ là mã Windows-1258 (dòng 1)",
    );
    let tcvn3: &[u8] = b"ten,loai\nNguy\xd4n V\xa8n An,ca_nhan\nL\xaa Th\xde H\xb5,ca_nhan\n";
    std::fs::write(dir.path().join("ds.csv"), tcvn3).unwrap();
    refused(
        dir.path(),
        "ds.csv:2: khen_thuong[0].danh_sach_tep: tệp «ds.csv» không phải UTF-8: có vẻ là mã TCVN3 (ABC) (dòng 2)",
    );

    // English too.
    let output = common::baocao(&["--lang", "en", "check", "input.yaml"], dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("«ds.csv» is not UTF-8: it looks like TCVN3 (ABC) (line 2)"), "{stderr}");
}

#[test]
fn legacy_text_in_utf8_names_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = Sheet::new(
        "Sheet1",
        vec![
            row(&["Loại", "Họ và tên", "Đơn vị"]),
            row(&["Cá nhân", "NguyÔn Minh", "phường Hạ Lý"]),
            row(&["Cá nhân", "Nguyeãn Vaên An", "phường Hạ Lý"]),
            row(&["Tập thể", "C«ng an ph\u{ad}êng", ""]),
        ],
    );
    write_xlsx(&dir.path().join("ds.xlsx"), &[sheet]);
    sample_with_list(dir.path(), "ds.xlsx");
    let (code, stderr) = check_bounded(dir.path());
    assert_eq!(code, Some(2), "{stderr}");
    for expected in [
        "lỗi: ds.xlsx:Sheet1!B2: khen_thuong[0].danh_sach[0].ten: có vẻ là chữ mã TCVN3/VNI cũ (ký tự «Ô» U+00D4)",
        "lỗi: ds.xlsx:Sheet1!B3: khen_thuong[0].danh_sach[1].ten: có vẻ là chữ mã TCVN3/VNI cũ (ký tự «ã» U+00E3)",
        "lỗi: ds.xlsx:Sheet1!B4: khen_thuong[0].danh_sach[2].ten: có vẻ là chữ mã TCVN3/VNI cũ (ký tự ««» U+00AB)",
    ] {
        assert!(stderr.contains(expected), "missing «{expected}» in:\n{stderr}");
    }
}

#[test]
fn an_xlsx_part_or_cell_of_huge_text_is_refused_before_it_costs_memory() {
    let dir = tempfile::tempdir().unwrap();
    // One part declaring 150 MB (the file's total stays under 200 MB): the
    // shape of a 187 KB file holding one 190 MB cell.
    let path = dir.path().join("ds.xlsx");
    declaring_unpacked(&path, 150_000_000);
    sample_with_list(dir.path(), "ds.xlsx");
    refused(dir.path(), "tệp «ds.xlsx»: phần «xl/worksheets/sheet1.xml» giải nén ra hơn 100,0 MB");

    // A cell of 20,000 characters: refused at its cell, naming the limit.
    let long = "Lê Văn An ".repeat(2_000);
    write_xlsx(&path, &[Sheet::new("Sheet1", vec![row(&["Loại", "Họ và tên"]), row(&["Cá nhân", &long])])]);
    refused(dir.path(), "ds.xlsx:Sheet1!B2: khen_thuong[0].danh_sach_tep: ô này dài quá 10.000 ký tự");
    std::fs::write(dir.path().join("ds.csv"), format!("loai,ten\nca_nhan,{long}\n")).unwrap();
    sample_with_list(dir.path(), "ds.csv");
    refused(dir.path(), "ds.csv:2: khen_thuong[0].danh_sach_tep: ô này dài quá 10.000 ký tự");
}

#[test]
fn a_csv_quote_left_open_is_refused_at_its_line_not_read_as_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let csv =
        "loai,ten,chuc_vu\nca_nhan,Lê Văn An,Tổ trưởng\nca_nhan,\"Nguyễn Văn Mới,,,\nca_nhan,Trần Thị Hoa,Tổ phó\n";
    std::fs::write(dir.path().join("ds.csv"), csv).unwrap();
    sample_with_list(dir.path(), "ds.csv");
    refused(dir.path(), "ds.csv:3: khen_thuong[0].danh_sach_tep: dấu nháy kép «\"» mở ở dòng này không được đóng");
    let (_, stderr) = check_bounded(dir.path());
    assert!(!stderr.contains("Mới,,,"), "{stderr}");
}

/// A one-row workbook at `path` whose sheet part declares `bytes` once
/// unpacked (its central directory entry edited): the shape of a small
/// file that unzips to a huge cell.
fn declaring_unpacked(path: &std::path::Path, bytes: u32) {
    write_xlsx(path, &[Sheet::new("Sheet1", vec![row(&["Họ và tên"]), row(&["Lê Văn An"])])]);
    let mut zip = std::fs::read(path).unwrap();
    let name = b"xl/worksheets/sheet1.xml";
    let entry = (0..zip.len() - 46)
        .find(|&i| zip[i..].starts_with(b"PK\x01\x02") && zip[i + 46..].starts_with(name))
        .expect("the sheet's central directory entry");
    zip[entry + 24..entry + 28].copy_from_slice(&bytes.to_le_bytes());
    std::fs::write(path, zip).unwrap();
}
