//! The award register as an Excel workbook (`GET /api/awards.xlsx`, the
//! same search as the register page): one row per award with the body that
//! issued it, so two "1/QĐ-UBND" of two wards stay apart on paper too.

use std::sync::Arc;

use axum::extract::{Extension, Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::answer::{Answer, Refusal};
use super::app::App;
use super::auth::Caller;
use super::store::register::{self, Found};

/// Column titles and widths (characters), in order.
const COLUMNS: &[(&str, f64)] = &[
    ("STT", 6.0),
    ("Tên tập thể, cá nhân", 32.0),
    ("Đơn vị", 30.0),
    ("Hình thức", 11.0),
    ("Cơ quan ban hành", 30.0),
    ("Số quyết định", 16.0),
    ("Ngày", 12.0),
    ("Số sổ vàng", 11.0),
    ("Hội nghị", 40.0),
];

fn award_name(award: &str) -> &str {
    match award {
        "bang_khen" => "Bằng khen",
        "giay_khen" => "Giấy khen",
        other => other,
    }
}

/// "2018-08-22" as the clerk writes it: "22/08/2018".
fn clerk_date(date: &str) -> String {
    match crate::text::vn::Date::parse(date) {
        Some(date) => format!("{:02}/{:02}/{}", date.day, date.month, date.year),
        None => date.to_string(),
    }
}

/// The workbook of `found`.
pub(crate) fn workbook(found: &[Found]) -> Result<Vec<u8>, XlsxError> {
    let font = |format: Format| format.set_font_name("Times New Roman").set_font_size(13);
    let title = font(Format::new()).set_bold().set_align(FormatAlign::Center);
    let header =
        font(Format::new()).set_bold().set_text_wrap().set_align(FormatAlign::Center).set_border(FormatBorder::Thin);
    // Text cells: "0101" and "1/QĐ-UBND" are kept as typed.
    let cell = font(Format::new()).set_border(FormatBorder::Thin).set_text_wrap().set_num_format("@");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sổ đăng ký")?;
    sheet.merge_range(0, 0, 0, (COLUMNS.len() - 1) as u16, "SỔ ĐĂNG KÝ KHEN THƯỞNG", &title)?;
    for (column, (name, width)) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(2, column as u16, *name, &header)?;
        sheet.set_column_width(column as u16, *width)?;
    }
    for (index, found) in found.iter().enumerate() {
        let award = &found.award;
        let row = 3 + index as u32;
        let cells = [
            (index + 1).to_string(),
            award.recipient.clone(),
            award.unit.clone(),
            award_name(&award.award).to_string(),
            award.body.clone(),
            award.decision.clone(),
            clerk_date(&award.decision_date),
            award.register_no.clone(),
            found.conference_name.clone(),
        ];
        for (column, text) in cells.iter().enumerate() {
            sheet.write_string_with_format(row, column as u16, text, &cell)?;
        }
    }
    sheet.set_freeze_panes(3, 0)?;
    book.save_to_buffer()
}

/// `GET /api/awards.xlsx?q=…&nam=…&hinh_thuc=…`: the search as a workbook.
pub(crate) async fn export(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Query(query): Query<register::Query>,
) -> Answer {
    let scope = super::auth::scope(&caller);
    let found = app.db(move |connection| register::search(connection, &query, -1, scope.as_ref())).await?;
    let bytes = tokio::task::spawn_blocking(move || workbook(&found)).await.map_err(Refusal::internal)?;
    let bytes = bytes.map_err(Refusal::internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string()),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"so-dang-ky-khen-thuong.xlsx\"".to_string()),
        ],
        bytes,
    )
        .into_response())
}
