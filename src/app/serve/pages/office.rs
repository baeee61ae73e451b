//! The office's own pages: the award register (search every award issued
//! here, the counters numbers are drawn from, awards per year), summaries
//! over several conferences, and the printer profiles.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::response::{IntoResponse, Response};

use super::{esc, shell};
use crate::app::serve::app::App;
use crate::app::serve::auth::Caller;
use crate::app::serve::store::{conferences, register, users};

fn register_name(register: &str) -> String {
    match register {
        register::DECISIONS => "Số quyết định".into(),
        "so_vang_bang_khen" => "Sổ vàng bằng khen".into(),
        "so_vang_giay_khen" => "Sổ vàng giấy khen".into(),
        other => other.into(),
    }
}

fn award_name(award: &str) -> &str {
    match award {
        "bang_khen" => "Bằng khen",
        "giay_khen" => "Giấy khen",
        other => other,
    }
}

pub(super) async fn register_page(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
) -> Response {
    let found = app
        .db(|connection| -> rusqlite::Result<_> {
            Ok((register::counters(connection)?, register::yearly_counts(connection)?))
        })
        .await;
    let (counters, yearly) = match found {
        Ok(found) => found,
        Err(response) => return response,
    };
    let mut body = String::from(
        "<h1>Sổ đăng ký khen thưởng</h1>\
         <form id=\"tim-khen\" class=\"tim\"><label><span>Tên hoặc đơn vị (có dấu hay không dấu đều được)</span><input name=\"q\" type=\"search\"></label>\
         <label><span>Năm</span><input name=\"nam\" inputmode=\"numeric\" class=\"so\"></label>\
         <label><span>Hình thức</span><select name=\"hinh_thuc\"><option value=\"\">Tất cả</option><option value=\"bang_khen\">Bằng khen</option><option value=\"giay_khen\">Giấy khen</option></select></label>\
         <button type=\"submit\">Tìm</button></form>\
         <table class=\"danh-muc\" id=\"ket-qua-tim\"><thead><tr><th>Tên</th><th>Đơn vị</th><th>Hình thức</th><th>Quyết định</th><th>Ngày</th><th>Sổ vàng</th><th>Hội nghị</th></tr></thead><tbody></tbody></table>\
         <p class=\"ghi-chu\" id=\"so-ket-qua\"></p>",
    );
    body.push_str("<h2>Khen thưởng theo năm</h2>");
    if yearly.is_empty() {
        body.push_str("<p class=\"trong\">Chưa ban hành quyết định nào trong không gian làm việc này.</p>");
    } else {
        body.push_str("<table class=\"danh-muc\"><thead><tr><th>Năm</th><th>Hình thức</th><th>Tập thể</th><th>Cá nhân</th></tr></thead><tbody>");
        let mut rows: Vec<(i32, String, i64, i64)> = Vec::new();
        for (year, award, kind, count) in yearly {
            let index = match rows.iter().position(|r| r.0 == year && r.1 == award) {
                Some(index) => index,
                None => {
                    rows.push((year, award.clone(), 0, 0));
                    rows.len() - 1
                }
            };
            if kind == "tap_the" {
                rows[index].2 += count;
            } else {
                rows[index].3 += count;
            }
        }
        for (year, award, collectives, people) in rows {
            let _ = write!(
                body,
                "<tr><td>{year}</td><td>{}</td><td class=\"so\">{collectives}</td><td class=\"so\">{people}</td></tr>",
                award_name(&award)
            );
        }
        body.push_str("</tbody></table>");
    }
    body.push_str(
        "<h2>Bộ đếm số</h2><p class=\"ghi-chu\">Khi ban hành, số để trống được cấp tiếp theo số cuối của cơ quan trong năm. \
         Đặt số cuối để nối tiếp sổ giấy của năm trước; độ dài là số chữ số (0101: 4).</p>\
         <table class=\"danh-muc\"><thead><tr><th>Sổ</th><th>Cơ quan</th><th>Năm</th><th>Số cuối đã cấp</th><th>Độ dài</th></tr></thead><tbody>",
    );
    for counter in &counters {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"so\">{}</td><td class=\"so\">{}</td></tr>",
            register_name(&counter.key.register),
            esc(&counter.key.body),
            counter.key.year,
            counter.last,
            counter.width
        );
    }
    body.push_str(
        "</tbody></table><form id=\"dat-bo-dem\" class=\"tim\"><label><span>Sổ</span><select name=\"so\">\
         <option value=\"quyet_dinh\">Số quyết định</option><option value=\"so_vang_bang_khen\">Sổ vàng bằng khen</option><option value=\"so_vang_giay_khen\">Sổ vàng giấy khen</option></select></label>\
         <label><span>Cơ quan (như trong quyết định)</span><input name=\"co_quan\" required></label>\
         <label><span>Năm</span><input name=\"nam\" inputmode=\"numeric\" class=\"so\" required></label>\
         <label><span>Số cuối đã cấp</span><input name=\"so_cuoi\" inputmode=\"numeric\" class=\"so\" required></label>\
         <label><span>Độ dài</span><input name=\"do_dai\" inputmode=\"numeric\" class=\"so\" value=\"0\"></label>\
         <button type=\"submit\">Đặt</button><p class=\"thong-bao\" role=\"alert\"></p></form>",
    );
    shell("Sổ đăng ký", &caller, "/so-dang-ky", &body).into_response()
}

pub(super) async fn summary_page(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
) -> Response {
    let list = match app.db(|connection| conferences::list(connection)).await {
        Ok(list) => list,
        Err(response) => return response,
    };
    let mut body = String::from(
        "<h1>Báo cáo tổng hợp</h1><p>Chọn các hội nghị (mỗi đơn vị một hội nghị) và khoảng năm; \
         baocao cộng số liệu theo đơn vị, so với khoảng trước, vẽ biểu đồ, rồi tải về báo cáo PDF và DOCX.</p>\
         <form id=\"tong-hop\"><fieldset><legend>Hội nghị</legend>",
    );
    if list.is_empty() {
        body.push_str("<p class=\"trong\">Chưa có hội nghị nào.</p>");
    }
    for conference in &list {
        let _ = write!(
            body,
            "<label class=\"chon\"><input type=\"checkbox\" name=\"hoi_nghi\" value=\"{}\"> {}</label>",
            conference.id,
            esc(&conference.name)
        );
    }
    body.push_str(
        "</fieldset><div class=\"o-luoi\"><label><span>Từ năm</span><input name=\"from\" inputmode=\"numeric\" class=\"so\" required></label>\
         <label><span>Đến năm</span><input name=\"to\" inputmode=\"numeric\" class=\"so\" required></label>\
         <label><span>Cơ quan ở đầu văn bản (để trống: của hội nghị đầu)</span><input name=\"co_quan\"></label>\
         <label><span>Ngày báo cáo (NNNN-TT-NN; để trống: điền tay)</span><input name=\"ngay\"></label></div>\
         <button type=\"submit\">Lập báo cáo tổng hợp (ZIP)</button></form><ul class=\"van-de\" id=\"loi-tong-hop\"></ul>",
    );
    shell("Tổng hợp", &caller, "/tong-hop", &body).into_response()
}

pub(super) async fn printers_page(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
) -> Response {
    let printers = match app.db(|connection| users::printers(connection)).await {
        Ok(printers) => printers,
        Err(response) => return response,
    };
    let mut body = String::from(
        "<h1>Máy in</h1><p>Mỗi máy in lệch một chút khi in lên phôi bằng khen. In tờ lưới bằng lệnh \
         <code>baocao calibrate</code> lên giấy trắng, đo độ lệch của các dấu chữ thập, rồi lưu ở đây; \
         khi tải bằng khen «in lên phôi», chọn máy in để bù độ lệch.</p>\
         <table class=\"danh-muc\"><thead><tr><th>Máy in</th><th>Lệch ngang (mm)</th><th>Lệch dọc (mm)</th><th>Tỷ lệ</th><th></th></tr></thead><tbody>",
    );
    for printer in &printers {
        let _ = write!(
            body,
            "<tr><td>{n}</td><td class=\"so\">{x}</td><td class=\"so\">{y}</td><td class=\"so\">{s}</td>\
             <td><button type=\"button\" class=\"xoa\" data-xoa-may-in=\"{n}\">Xoá</button></td></tr>",
            n = esc(&printer.name),
            x = printer.offset_x,
            y = printer.offset_y,
            s = printer.scale
        );
    }
    body.push_str(
        "</tbody></table><h2>Thêm hoặc sửa</h2><form id=\"may-in\" class=\"tim\"><label><span>Tên máy in</span><input name=\"ten\" required></label>\
         <label><span>Lệch ngang (mm, dương = sang phải)</span><input name=\"lech_x\" inputmode=\"decimal\" class=\"so\" value=\"0\"></label>\
         <label><span>Lệch dọc (mm, dương = xuống dưới)</span><input name=\"lech_y\" inputmode=\"decimal\" class=\"so\" value=\"0\"></label>\
         <label><span>Tỷ lệ</span><input name=\"ty_le\" inputmode=\"decimal\" class=\"so\" value=\"1\"></label>\
         <button type=\"submit\">Lưu</button><p class=\"thong-bao\" role=\"alert\"></p></form>",
    );
    shell("Máy in", &caller, "/may-in", &body).into_response()
}
