//! The pages a clerk reads — Vietnamese URLs and words — served as plain
//! HTML by the binary with their CSS and JavaScript (no build step, nothing
//! from the network); the pages talk to the JSON API. Each page is a
//! handlebars template of `templates/` (see `templates.rs`) over a context
//! of Vietnamese keys built here, in `editor.rs`, `form.rs` and `office.rs`.

mod editor;
mod form;
mod office;
mod templates;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use axum::extract::{Extension, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::answer::Answer;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

use super::app::App;
use super::auth::Caller;
use super::store::conferences;
use super::store::db::DbError;

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
    ("ban-hanh.js", "text/javascript; charset=utf-8", include_str!("../assets/ban-hanh.js")),
    ("xem-truoc.js", "text/javascript; charset=utf-8", include_str!("../assets/xem-truoc.js")),
    ("gop.js", "text/javascript; charset=utf-8", include_str!("../assets/gop.js")),
];

async fn asset(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, kind, text)) => {
            ([(header::CONTENT_TYPE, *kind), (header::CACHE_CONTROL, "no-cache")], *text).into_response()
        }
        None => (StatusCode::NOT_FOUND, "").into_response(),
    }
}

/// The frame of every page (template `khung`): the title, the CSRF token
/// the scripts send, the sections with `active` marked, and who is here.
pub(crate) fn shell(title: &str, caller: &Option<Caller>, active: &str) -> Value {
    let sections =
        [("/hoi-nghi", "Hội nghị"), ("/so-dang-ky", "Sổ đăng ký"), ("/tong-hop", "Tổng hợp"), ("/may-in", "Máy in")]
            .map(|(href, label)| json!({ "duong_dan": href, "ten": label, "dang_xem": href == active }));
    let (csrf, user) = match caller {
        Some(Caller { user, csrf }) => (csrf.as_str(), user.as_deref()),
        None => ("", None),
    };
    json!({
        "tieu_de": title,
        "csrf": csrf,
        "muc": sections,
        "co_phien": caller.is_some(),
        "dang_nhap": user.is_some(),
        "nguoi": user.unwrap_or_default(),
    })
}

/// The sign-in page (also the answer, with 401, to a page asked without a session).
pub(crate) fn login_page() -> Response {
    templates::render("dang-nhap", &login_context())
}

fn login_context() -> Value {
    json!({ "khung": shell("Đăng nhập", &None, "") })
}

async fn list_page(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let (list, bin) = app
        .db(|connection| -> Result<_, DbError> {
            Ok((conferences::list(connection)?, super::store::drafts::binned(connection)?))
        })
        .await?;
    Ok(templates::render("danh-sach-hoi-nghi", &list_context(&caller, &list, &bin)))
}

fn list_context(caller: &Option<Caller>, list: &[conferences::Summary], bin: &[conferences::Summary]) -> Value {
    let binned: Vec<Value> =
        bin.iter().map(|c| json!({ "ma": c.id, "ten": c.name, "luc": super::store::local_time(c.updated) })).collect();
    // A copy is most often next year's.
    let next_year = |name: &str| -> i64 {
        let years = name.split(|c: char| !c.is_ascii_digit()).filter_map(|w| w.parse::<i64>().ok());
        years.filter(|y| (1900..=2200).contains(y)).max().map_or(2026, |y| y + 1)
    };
    let rows: Vec<Value> = list
        .iter()
        .map(|conference| {
            json!({
                "ma": conference.id,
                "ten": conference.name,
                "phien_ban": conference.version,
                "cap_nhat": super::store::local_time(conference.updated),
                "nam_sau": next_year(&conference.name),
            })
        })
        .collect();
    json!({ "khung": shell("Hội nghị", caller, "/hoi-nghi"), "hoi_nghi": rows, "thung_rac": binned })
}
