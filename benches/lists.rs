//! List-reading benchmark (issue 13): a clerk-shaped list of 5.000
//! recipients — title rows, STT, section rows, titles in name cells,
//! registers as formatted numbers — read and checked as XLSX and as CSV,
//! and a 6 KB XLSX whose used range reaches XFD1048576. Run with
//! `cargo bench --bench lists`; prints the median of 10 reads.

use std::path::Path;
use std::time::{Duration, Instant};

use rust_xlsxwriter::{Format, Workbook};

const RECIPIENTS: usize = 5_000;

fn yaml_reading(dir: &Path, list: &str) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(root.join("inputs/hai-phong-2018.yaml"))
        .unwrap()
        .replace("hai-phong-2018-bang-khen.csv", list);
    let path = dir.join(format!("{list}.yaml"));
    std::fs::write(&path, yaml).unwrap();
    path
}

/// (kind heading, name, position, unit, register) rows in list order.
fn rows() -> Vec<(bool, String, String, String, u32)> {
    (0..RECIPIENTS)
        .map(|i| {
            let collective = i < RECIPIENTS / 5;
            let name = if collective {
                format!("Công an phường số {i}")
            } else {
                format!("{} Nguyễn Văn Người số {i}", ["Ông", "Bà", "Đồng chí"][i % 3])
            };
            (collective, name, "Tổ trưởng tổ dân phố".into(), format!("phường {}, quận Hồng Bàng", i % 40), i as u32)
        })
        .collect()
}

fn write_xlsx(path: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.merge_range(0, 0, 0, 4, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", &Format::new()).unwrap();
    for (c, title) in ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Số sổ vàng"].iter().enumerate() {
        sheet.write_string(2, c as u16, *title).unwrap();
    }
    let register = Format::new().set_num_format("00000");
    let mut r = 3;
    let mut section = None;
    for (n, (collective, name, position, unit, number)) in rows().into_iter().enumerate() {
        if section != Some(collective) {
            section = Some(collective);
            sheet.write_string(r, 1, if collective { "I. TẬP THỂ" } else { "II. CÁ NHÂN" }).unwrap();
            r += 1;
        }
        sheet.write_number(r, 0, (n + 1) as f64).unwrap();
        sheet.write_string(r, 1, &name).unwrap();
        if !collective {
            sheet.write_string(r, 2, &position).unwrap();
        }
        sheet.write_string(r, 3, &unit).unwrap();
        sheet.write_number_with_format(r, 4, number as f64, &register).unwrap();
        r += 1;
    }
    sheet.write_string(r, 1, "Tổng cộng").unwrap();
    workbook.save(path).unwrap();
}

fn write_csv(path: &Path) {
    let mut text =
        String::from("\u{feff}DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG;;;;\r\nSTT;Họ và tên;Chức vụ;Đơn vị;Số sổ vàng\r\n");
    let mut section = None;
    for (n, (collective, name, position, unit, number)) in rows().into_iter().enumerate() {
        if section != Some(collective) {
            section = Some(collective);
            text.push_str(if collective { ";I. TẬP THỂ;;;\r\n" } else { ";II. CÁ NHÂN;;;\r\n" });
        }
        let position = if collective { "" } else { &position };
        text.push_str(&format!("{};{name};{position};{unit};{number:05}\r\n", n + 1));
    }
    std::fs::write(path, text).unwrap();
}

fn median_of_10(input: &Path) -> (Duration, usize) {
    let mut runs: Vec<Duration> = Vec::new();
    let mut count = 0;
    for _ in 0..10 {
        let start = Instant::now();
        let read = baocao::input::load(input).expect("the list reads");
        runs.push(start.elapsed());
        count = read.khen_thuong[0].danh_sach.len();
    }
    runs.sort();
    (runs[runs.len() / 2], count)
}

fn main() {
    let dir = std::env::temp_dir().join(format!("baocao-bench-lists-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    write_xlsx(&dir.join("ds.xlsx"));
    write_csv(&dir.join("ds.csv"));
    let mut far = Workbook::new();
    let sheet = far.add_worksheet();
    sheet.write_string(0, 0, "Họ và tên").unwrap().write_string(0, 1, "Loại").unwrap();
    sheet.write_string(1, 0, "Lê Văn An").unwrap().write_string(1, 1, "Cá nhân").unwrap();
    sheet.write_blank(1_048_575, 16_383, &Format::new().set_bold()).unwrap();
    far.save(dir.join("xa.xlsx")).unwrap();

    println!("danh sách / lists ({RECIPIENTS} người nhận, đọc và kiểm tra cả tệp YAML):");
    for list in ["ds.xlsx", "ds.csv", "xa.xlsx"] {
        let input = yaml_reading(&dir, list);
        let size = std::fs::metadata(dir.join(list)).unwrap().len();
        let (time, count) = median_of_10(&input);
        println!(
            "  {list:8} {:>7.1} KB, {count:>5} người nhận: median {:.1} ms",
            size as f64 / 1024.0,
            time.as_secs_f64() * 1000.0
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
