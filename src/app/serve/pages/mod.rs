//! The pages a clerk reads — Vietnamese URLs and words — served as plain
//! HTML by the binary with their CSS and JavaScript (no build step, nothing
//! from the network); the pages talk to the JSON API.

mod editor;
mod form;
mod office;

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Extension, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

use super::app::App;
use super::auth::Caller;
use super::store::conferences;

pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/hoi-nghi") }))
        .route("/dang-nhap", get(|| async { login_page() }))
        .route("/hoi-nghi", get(list_page))
        .route("/hoi-nghi/{id}", get(editor::page))
        .route("/hoi-nghi/{id}/bieu-mau", get(editor::form_fragment))
        .route("/so-dang-ky", get(office::register_page))
        .route("/tong-hop", get(office::summary_page))
        .route("/may-in", get(office::printers_page))
        .route("/tai-nguyen/{file}", get(asset))
}

/// The assets, compiled into the binary.
const ASSETS: &[(&str, &str, &str)] = &[
    ("app.css", "text/css; charset=utf-8", include_str!("../assets/app.css")),
    ("app.js", "text/javascript; charset=utf-8", include_str!("../assets/app.js")),
    ("hoi-nghi.js", "text/javascript; charset=utf-8", include_str!("../assets/hoi-nghi.js")),
];

async fn asset(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, kind, text)) => {
            ([(header::CONTENT_TYPE, *kind), (header::CACHE_CONTROL, "no-cache")], *text).into_response()
        }
        None => (StatusCode::NOT_FOUND, "").into_response(),
    }
}

/// `text` safe inside HTML text and attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON safe inside a `<script type="application/json">`.
pub(crate) fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// The frame of every page: header with the sections, the user, the CSRF
/// token the scripts send, and `body`.
pub(crate) fn shell(title: &str, caller: &Option<Caller>, active: &str, body: &str) -> Html<String> {
    let mut nav = String::new();
    for (href, label) in
        [("/hoi-nghi", "Hội nghị"), ("/so-dang-ky", "Sổ đăng ký"), ("/tong-hop", "Tổng hợp"), ("/may-in", "Máy in")]
    {
        let current = if href == active { " aria-current=\"page\"" } else { "" };
        let _ = write!(nav, "<a href=\"{href}\"{current}>{label}</a>");
    }
    let (csrf, who) = match caller {
        Some(Caller { user: Some(user), csrf }) => (
            csrf.clone(),
            format!(
                "<span class=\"nguoi\">{} <button type=\"button\" data-dang-xuat>Đăng xuất</button></span>",
                esc(user)
            ),
        ),
        Some(Caller { user: None, csrf }) => {
            (csrf.clone(), "<span class=\"nguoi\">Dùng trên máy này</span>".to_string())
        }
        None => (String::new(), String::new()),
    };
    Html(format!(
        "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"csrf\" content=\"{csrf}\"><title>{title} — baocao</title>\
         <link rel=\"stylesheet\" href=\"/tai-nguyen/app.css\">\
         <script src=\"/tai-nguyen/app.js\" defer></script></head>\
         <body><header class=\"dau\"><a class=\"ten\" href=\"/hoi-nghi\">baocao</a><nav>{nav}</nav>{who}</header>\
         <main>{body}</main></body></html>\n",
        title = esc(title),
        csrf = esc(&csrf),
    ))
}

/// The sign-in page (also the answer, with 401, to a page asked without a session).
pub(crate) fn login_page() -> Html<String> {
    shell(
        "Đăng nhập",
        &None,
        "",
        "<section class=\"dang-nhap\"><h1>Đăng nhập</h1>\
         <form id=\"dang-nhap\"><label><span>Tên đăng nhập</span><input name=\"user\" autocomplete=\"username\" required autofocus></label>\
         <label><span>Mật khẩu</span><input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>\
         <button type=\"submit\">Đăng nhập</button><p class=\"thong-bao\" role=\"alert\"></p></form>\
         <p class=\"ghi-chu\">Chưa có tài khoản? Người quản trị tạo bằng lệnh <code>baocao users add &lt;tên&gt;</code> trên máy chủ.</p></section>",
    )
}

async fn list_page(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Response {
    let list = match app.db(|connection| conferences::list(connection)).await {
        Ok(list) => list,
        Err(response) => return response,
    };
    let mut rows = String::new();
    for conference in &list {
        let _ = write!(
            rows,
            "<tr><td><a href=\"/hoi-nghi/{id}\">{name}</a></td><td class=\"so\">{version}</td><td>{time}</td></tr>",
            id = conference.id,
            name = esc(&conference.name),
            version = conference.version,
            time = super::store::local_time(conference.updated),
        );
    }
    let table = if list.is_empty() {
        "<p class=\"trong\">Chưa có hội nghị nào. Tạo mới từ bản mẫu hoặc từ tệp YAML ở dưới.</p>".to_string()
    } else {
        format!(
            "<table class=\"danh-muc\"><thead><tr><th>Hội nghị</th><th>Phiên bản</th><th>Cập nhật</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    };
    let body = format!(
        "<h1>Hội nghị</h1>{table}\
         <section class=\"tao-moi\"><h2>Tạo mới</h2>\
         <div class=\"hai-cot\"><div class=\"o\"><h3>Từ bản mẫu</h3>\
         <p>Hội nghị sơ kết 5 năm của Công an thành phố Hải Phòng (2018), đủ các phần: báo cáo, hai quyết định khen thưởng, bằng khen, giấy khen, tin bài. Sửa lại cho đơn vị mình.</p>\
         <button type=\"button\" id=\"tao-tu-mau\">Tạo từ bản mẫu</button></div>\
         <div class=\"o\"><h3>Từ tệp YAML</h3>\
         <form id=\"tao-tu-tep\"><label><span>Tệp YAML của hội nghị</span><input type=\"file\" name=\"input\" accept=\".yaml,.yml\" required></label>\
         <label><span>Danh sách khen (XLSX, CSV) và biểu tượng (PNG) mà tệp YAML nhắc tới</span><input type=\"file\" name=\"tep\" accept=\".xlsx,.csv,.png\" multiple></label>\
         <button type=\"submit\">Tạo</button></form></div></div>\
         <ul class=\"van-de\" id=\"loi-tao\"></ul></section>"
    );
    shell("Hội nghị", &caller, "/hoi-nghi", &body).into_response()
}
