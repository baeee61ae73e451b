//! The list template `baocao init` writes (`danh-sach.xlsx`): a title, the
//! Vietnamese column titles this reader knows, two example rows, a
//! drop-down for the kind and a text-formatted register column (so "0101"
//! keeps its zero) — for clerks who start from nothing.

use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// The template's file name.
pub(crate) const FILE_NAME: &str = "danh-sach.xlsx";

/// Column titles and widths (characters), in order.
const COLUMNS: &[(&str, f64)] = &[
    ("STT", 6.0),
    ("Loại", 10.0),
    ("Danh xưng", 11.0),
    ("Tên tập thể, cá nhân", 36.0),
    ("Chức vụ", 28.0),
    ("Đơn vị", 34.0),
    ("Số sổ vàng", 11.0),
    ("Thành tích", 30.0),
];

/// The example rows under the header.
const EXAMPLES: &[[&str; 8]] = &[
    ["1", "Tập thể", "", "Công an phường Hạ Lý", "", "quận Hồng Bàng", "0101", ""],
    ["2", "Cá nhân", "Bà", "Nguyễn Thị Hằng", "Tổ trưởng tổ dân phố số 5", "phường Hạ Lý, quận Hồng Bàng", "0102", ""],
];

/// Rows under the header the kind drop-down covers.
const PREPARED_ROWS: u32 = 1000;

/// The template's bytes.
pub(crate) fn xlsx() -> Result<Vec<u8>, XlsxError> {
    let font = |format: Format| format.set_font_name("Times New Roman").set_font_size(13);
    let title = font(Format::new()).set_bold().set_align(FormatAlign::Center);
    let note = font(Format::new()).set_italic().set_align(FormatAlign::Center);
    let header = font(Format::new())
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin);
    let cell = font(Format::new()).set_border(FormatBorder::Thin).set_text_wrap();
    let text_cell = cell.clone().set_num_format("@");

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Danh sách")?;
    let last_column = (COLUMNS.len() - 1) as u16;
    sheet.merge_range(0, 0, 0, last_column, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", &title)?;
    sheet.merge_range(
        1,
        0,
        1,
        last_column,
        "(Mỗi dòng một người nhận; Loại: Tập thể hoặc Cá nhân; để trống Thành tích thì dùng thành tích chung của nhóm)",
        &note,
    )?;
    let header_row = 3;
    for (column, (name, width)) in COLUMNS.iter().enumerate() {
        sheet.set_column_width(column as u16, *width)?;
        sheet.write_string_with_format(header_row, column as u16, *name, &header)?;
    }
    for (offset, example) in EXAMPLES.iter().enumerate() {
        let row = header_row + 1 + offset as u32;
        for (column, value) in example.iter().enumerate() {
            let format = if COLUMNS[column].0 == "Số sổ vàng" { &text_cell } else { &cell };
            match value.parse::<f64>() {
                Ok(number) if column == 0 => sheet.write_number_with_format(row, column as u16, number, format)?,
                _ => sheet.write_string_with_format(row, column as u16, *value, format)?,
            };
        }
    }
    // Typed into a Text column, "0101" stays "0101".
    let register = COLUMNS.iter().position(|(name, _)| *name == "Số sổ vàng").expect("register column") as u16;
    sheet.set_column_format(register, &font(Format::new()).set_num_format("@"))?;
    let kinds = DataValidation::new()
        .allow_list_strings(&["Tập thể", "Cá nhân"])?
        .set_input_title("Loại")?
        .set_input_message("Tập thể hoặc Cá nhân")?;
    sheet.add_data_validation(header_row + 1, 1, header_row + PREPARED_ROWS, 1, &kinds)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.set_landscape();
    workbook.save_to_buffer()
}
