//! Recipient lists built the way clerks build them, written with
//! rust_xlsxwriter (XLSX) or as bytes (CSV), and inputs that read them.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell as a clerk types it.
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    /// A number and its number format ("" for General).
    Number(f64, &'static str),
    /// A date (year, month, day) and its date format.
    Date((u16, u8, u8), &'static str),
    Bool(bool),
    Blank,
}

pub fn t(text: &str) -> Cell {
    if text.is_empty() {
        Cell::Blank
    } else {
        Cell::Text(text.to_string())
    }
}

/// A row of text cells ("" for a blank one).
pub fn row(texts: &[&str]) -> Vec<Cell> {
    texts.iter().map(|s| t(s)).collect()
}

/// A sheet: its name, rows from row 1, and merged areas
/// (first row, first column, last row, last column), all from 0.
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    pub merges: Vec<(u32, u16, u32, u16)>,
}

impl Sheet {
    pub fn new(name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet { name: name.to_string(), rows, merges: Vec::new() }
    }

    pub fn merged(mut self, merges: &[(u32, u16, u32, u16)]) -> Sheet {
        self.merges.extend_from_slice(merges);
        self
    }
}

/// Writes `sheets` as an XLSX workbook at `path`.
pub fn write_xlsx(path: &Path, sheets: &[Sheet]) {
    let mut workbook = Workbook::new();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name).unwrap();
        let inside_merge = |r: u32, c: u16| {
            sheet
                .merges
                .iter()
                .any(|&(r0, c0, r1, c1)| (r0..=r1).contains(&r) && (c0..=c1).contains(&c) && (r, c) != (r0, c0))
        };
        for (r, cells) in sheet.rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if inside_merge(r, c) || sheet.merges.iter().any(|&(r0, c0, ..)| (r0, c0) == (r, c)) {
                    continue;
                }
                match cell {
                    Cell::Text(text) => {
                        worksheet.write_string(r, c, text).unwrap();
                    }
                    Cell::Number(value, "") => {
                        worksheet.write_number(r, c, *value).unwrap();
                    }
                    Cell::Number(value, format) => {
                        worksheet
                            .write_number_with_format(r, c, *value, &Format::new().set_num_format(*format))
                            .unwrap();
                    }
                    Cell::Date((y, m, d), format) => {
                        let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        worksheet
                            .write_datetime_with_format(r, c, &date, &Format::new().set_num_format(*format))
                            .unwrap();
                    }
                    Cell::Bool(value) => {
                        worksheet.write_boolean(r, c, *value).unwrap();
                    }
                    Cell::Blank => {}
                }
            }
        }
        for &(r0, c0, r1, c1) in &sheet.merges {
            let text = match sheet.rows.get(r0 as usize).and_then(|row| row.get(c0 as usize)) {
                Some(Cell::Text(text)) => text.clone(),
                _ => String::new(),
            };
            worksheet.merge_range(r0, c0, r1, c1, &text, &Format::new()).unwrap();
        }
    }
    workbook.save(path).unwrap();
}

/// A copy of the sample input in `dir` whose award groups read their
/// lists from `first` and `second` (files the caller puts in `dir`).
pub fn sample_with_lists(dir: &Path, first: &str, second: &str) -> PathBuf {
    let yaml = std::fs::read_to_string(super::sample_input()).unwrap();
    let inline_start = yaml.find("    danh_sach:\n").expect("the second group's inline list");
    // The inline items: the lines indented under `danh_sach:`.
    let items_start = inline_start + "    danh_sach:\n".len();
    let items_len: usize =
        yaml[items_start..].split_inclusive('\n').take_while(|l| l.starts_with("      ")).map(str::len).sum();
    let inline_end = items_start + items_len;
    let yaml = format!("{}    danh_sach_tep: \"{second}\"\n{}", &yaml[..inline_start], &yaml[inline_end..])
        .replace("danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"", &format!("danh_sach_tep: \"{first}\""));
    let path = dir.join("input.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

/// `baocao check` on `input` (in its folder): exit code and stderr.
pub fn check(input: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = extra.to_vec();
    args.extend(["check", input.file_name().unwrap().to_str().unwrap()]);
    let output = super::baocao(&args, input.parent().unwrap());
    (output.status.code(), String::from_utf8(output.stderr).expect("utf-8 messages"))
}

/// The recipients a list gives, read through the library, as
/// "loai|danh_xung|ten|chuc_vu|don_vi|so_so" lines.
pub fn recipients(input: &Path, group: usize) -> Result<Vec<String>, String> {
    recipient_lines(input, group, |kind, r| {
        let field = |f: &Option<String>| f.clone().unwrap_or_default();
        format!(
            "{kind}|{}|{}|{}|{}|{}",
            field(&r.danh_xung),
            r.ten,
            field(&r.chuc_vu),
            field(&r.don_vi),
            field(&r.so_so)
        )
    })
}

/// The recipients of group `group`, read through the library, each as the
/// line `line` writes from its kind code and record; the problems in
/// Vietnamese when the input is refused.
pub fn recipient_lines(
    input: &Path,
    group: usize,
    line: impl Fn(&str, &baocao::input::NguoiNhan) -> String,
) -> Result<Vec<String>, String> {
    let input =
        baocao::input::load(input).map_err(|problems| baocao::diag::render_all(&problems, baocao::diag::Lang::Vi))?;
    Ok(input.khen_thuong[group]
        .danh_sach
        .iter()
        .map(|r| {
            let kind = match r.loai {
                baocao::input::LoaiNguoiNhan::TapThe => "tap_the",
                baocao::input::LoaiNguoiNhan::CaNhan => "ca_nhan",
            };
            line(kind, r)
        })
        .collect())
}
