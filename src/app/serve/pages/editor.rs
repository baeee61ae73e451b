//! A conference's page: the form (or its YAML) beside the live preview,
//! the downloads and "Ban hành", and the history of versions — an older
//! version opens read-only, with the way to restore it.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;

use super::{esc, form, script_json, shell};
use crate::app::serve::api::{check_all, load_version, VersionQuery};
use crate::app::serve::app::App;
use crate::app::serve::auth::Caller;
use crate::app::serve::check::ProblemJson;
use crate::app::serve::store::{conferences, users};
use crate::input::Input;

/// What a paper is called on the page.
fn paper_label(paper: &str) -> String {
    if let Some(n) = paper.strip_prefix("quyet-dinh-") {
        return format!("Quyết định khen thưởng {n}");
    }
    if let Some(n) = paper.strip_prefix("khen-") {
        return format!("Bằng khen / giấy khen nhóm {n}");
    }
    match paper {
        "bao-cao" => "Báo cáo".into(),
        "tin-bai" => "Tin bài".into(),
        other => other.into(),
    }
}

async fn loaded(
    app: &Arc<App>,
    id: i64,
    version: Option<i64>,
) -> Result<(Arc<conferences::Version>, Option<Input>, Vec<ProblemJson>), Response> {
    let version = load_version(app, id, version).await?;
    let (input, problems) = check_all(app, id, version.yaml.clone(), version.files.clone()).await?;
    Ok((version, input, problems))
}

/// `GET /hoi-nghi/{id}/bieu-mau`: the form alone, redrawn after a change of shape.
pub(super) async fn form_fragment(
    State(app): State<Arc<App>>,
    Path(id): Path<i64>,
    Query(query): Query<VersionQuery>,
) -> Response {
    match loaded(&app, id, query.phien_ban).await {
        Ok((version, input, _)) => {
            let tree = super::super::yaml_form::stored(&version.yaml);
            Html(form::form(&tree, input.as_ref())).into_response()
        }
        Err(response) => response,
    }
}

/// `GET /hoi-nghi/{id}`: the conference's page.
pub(super) async fn page(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Query(query): Query<VersionQuery>,
) -> Response {
    let (version, input, problems) = match loaded(&app, id, query.phien_ban).await {
        Ok(loaded) => loaded,
        Err(response) => return response,
    };
    let (history, printers) = match app
        .db(move |connection| -> rusqlite::Result<_> {
            Ok((conferences::history(connection, id)?, users::printers(connection)?))
        })
        .await
    {
        Ok(found) => found,
        Err(response) => return response,
    };
    let tree = super::super::yaml_form::stored(&version.yaml);
    let papers = input.as_ref().map(crate::app::serve::check::papers).unwrap_or_default();
    let old = version.version != version.latest;
    let data = json!({
        "id": id,
        "version": version.version,
        "latest": version.latest,
        "old": old,
        "papers": papers,
        "problems": problems,
    });
    let mut body = String::new();
    let _ = write!(
        body,
        "<div class=\"soan\" id=\"soan\"><section class=\"trai\"><div class=\"thanh\"><h1>{name}</h1>\
         <span id=\"trang-thai\" class=\"trang-thai\" role=\"status\">Phiên bản {v}</span></div>",
        name = esc(&version.name),
        v = version.version
    );
    if old {
        let _ = write!(
            body,
            "<p class=\"cu\">Đang xem phiên bản {v} (cũ; mới nhất là {latest}). \
             <button type=\"button\" id=\"khoi-phuc\">Khôi phục phiên bản này</button> \
             <a href=\"/hoi-nghi/{id}\">Về phiên bản mới nhất</a></p>",
            v = version.version,
            latest = version.latest
        );
    }
    body.push_str(
        "<nav class=\"the\" role=\"tablist\"><button type=\"button\" data-the=\"bieu-mau\" aria-selected=\"true\">Biểu mẫu</button>\
         <button type=\"button\" data-the=\"yaml\">YAML</button><button type=\"button\" data-the=\"tai-ve\">Tải về &amp; ban hành</button>\
         <button type=\"button\" data-the=\"lich-su\">Lịch sử</button></nav>",
    );
    let _ = write!(body, "<div class=\"khung\" id=\"the-bieu-mau\">{}</div>", form::form(&tree, input.as_ref()));
    let _ = write!(
        body,
        "<div class=\"khung\" id=\"the-yaml\" hidden><p class=\"ghi-chu\">Cùng nội dung với biểu mẫu, dạng tệp YAML. \
         Lưu từ biểu mẫu thì YAML được viết lại gọn gàng (các dòng chú thích # không giữ).</p>\
         <textarea id=\"yaml\" spellcheck=\"false\" rows=\"30\">{}</textarea>\
         <button type=\"button\" id=\"luu-yaml\">Lưu YAML</button><ul class=\"van-de\" id=\"loi-yaml\"></ul></div>",
        esc(&version.yaml)
    );
    downloads(&mut body, id, version.version, &papers, &printers);
    body.push_str("<div class=\"khung\" id=\"the-lich-su\" hidden><table class=\"danh-muc\"><thead><tr><th>Phiên bản</th><th>Lúc</th><th>Người lưu</th><th>Cách lưu</th></tr></thead><tbody>");
    for entry in &history {
        let _ = write!(
            body,
            "<tr><td><a href=\"/hoi-nghi/{id}?phien_ban={v}\">{v}</a></td><td>{t}</td><td>{a}</td><td>{n}</td></tr>",
            v = entry.version,
            t = esc(&entry.time),
            a = esc(&entry.author),
            n = esc(&entry.note)
        );
    }
    body.push_str("</tbody></table></div></section>");
    body.push_str(
        "<section class=\"phai\" aria-label=\"Xem trước\"><div class=\"xem-truoc-thanh\"><select id=\"giay\" aria-label=\"Giấy tờ xem trước\"></select>\
         <button type=\"button\" id=\"trang-truoc\" aria-label=\"Trang trước\">◀</button><span id=\"so-trang\">1</span>\
         <button type=\"button\" id=\"trang-sau\" aria-label=\"Trang sau\">▶</button></div>\
         <div class=\"xem-truoc\"><img id=\"anh-xem-truoc\" alt=\"Trang giấy tờ đang xem trước\"><p id=\"xem-truoc-loi\" class=\"ghi-chu\"></p></div></section></div>",
    );
    let mut select = String::new();
    for paper in &papers {
        let _ = write!(select, "<option value=\"{p}\">{}</option>", esc(&paper_label(paper)), p = esc(paper));
    }
    body = body.replace(
        "<select id=\"giay\" aria-label=\"Giấy tờ xem trước\"></select>",
        &format!("<select id=\"giay\" aria-label=\"Giấy tờ xem trước\">{select}</select>"),
    );
    let _ = write!(
        body,
        "<script type=\"application/json\" id=\"du-lieu\">{}</script><script src=\"/tai-nguyen/hoi-nghi.js\" defer></script>",
        script_json(&data)
    );
    shell(&version.name, &caller, "/hoi-nghi", &body).into_response()
}

/// The downloads and "Ban hành" tab.
fn downloads(body: &mut String, id: i64, version: i64, papers: &[String], printers: &[users::Printer]) {
    body.push_str(
        "<div class=\"khung\" id=\"the-tai-ve\" hidden><h2>Tải về</h2><table class=\"danh-muc\" id=\"tai-ve\"><tbody>",
    );
    for paper in papers {
        let formats: &[&str] = if paper == "tin-bai" { &["pdf", "docx", "txt"] } else { &["pdf", "docx"] };
        let links: Vec<String> = formats
            .iter()
            .map(|f| {
                format!(
                    "<a href=\"/api/conferences/{id}/files/{paper}.{f}?phien_ban={version}\" data-giay=\"{paper}\" download>{}</a>",
                    f.to_uppercase()
                )
            })
            .collect();
        let _ = write!(body, "<tr><td>{}</td><td>{}</td></tr>", esc(&paper_label(paper)), links.join(" "));
    }
    let _ = write!(
        body,
        "</tbody></table><p><a class=\"nut\" id=\"tai-ca-bo\" href=\"/api/conferences/{id}/pack.zip?phien_ban={version}\" download>Tải cả bộ (ZIP)</a></p>"
    );
    let mut options = String::from("<option value=\"\">Không hiệu chỉnh</option>");
    for printer in printers {
        let _ = write!(
            options,
            "<option value=\"{n}\">{n} (lệch {x:+.1}; {y:+.1} mm, tỷ lệ {s})</option>",
            n = esc(&printer.name),
            x = printer.offset_x,
            y = printer.offset_y,
            s = printer.scale
        );
    }
    let _ = write!(
        body,
        "<h3>In bằng khen, giấy khen</h3><div class=\"o-luoi\"><div class=\"truong\"><label><span>Cách in</span>\
         <select id=\"cach-in\"><option value=\"\">In đầy đủ lên giấy trắng</option><option value=\"phoi\">In lên phôi in sẵn (chỉ phần chữ)</option></select></label></div>\
         <div class=\"truong\"><label><span>Máy in</span><select id=\"may-in\">{options}</select></label></div></div>\
         <p class=\"ghi-chu\">Hồ sơ máy in lưu ở trang <a href=\"/may-in\">Máy in</a>.</p>\
         <h2>Ban hành</h2><p>Ban hành cấp số cho các quyết định để trống phần số (ví dụ «/QĐ-UBND») và số sổ vàng còn trống, \
         theo sổ của từng cơ quan, từng năm; số đã cấp không đổi được nữa. Danh sách từ tệp được chép vào hồ sơ cùng số sổ vàng.</p>\
         <button type=\"button\" id=\"ban-hanh\">Ban hành (cấp số)</button><div id=\"ket-qua-ban-hanh\" role=\"status\"></div><ul class=\"van-de\" id=\"loi-ban-hanh\"></ul></div>"
    );
}
