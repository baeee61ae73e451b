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

use axum::extract::{Extension, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::answer::Answer;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

use super::app::App;
use super::auth::Caller;
use super::store::db::DbError;
use super::store::{conferences, units};

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
        Some(Caller { user, csrf, .. }) => (csrf.as_str(), user.as_deref()),
        None => ("", None),
    };
    let scope = super::auth::scope(caller);
    json!({
        "tieu_de": title,
        "csrf": csrf,
        "muc": sections,
        "co_phien": caller.is_some(),
        "dang_nhap": user.is_some(),
        "nguoi": user.unwrap_or_default(),
        "don_vi": scope.as_ref().map(|scope| scope.unit_name.as_str()).unwrap_or_default(),
        "vai_tro": scope.as_ref().map(|scope| scope.role.title()).unwrap_or_default(),
    })
}

/// The sign-in page (also the answer, with 401, to a page asked without a session).
pub(crate) fn login_page() -> Response {
    templates::render("dang-nhap", &login_context())
}

fn login_context() -> Value {
    json!({ "khung": shell("Đăng nhập", &None, "") })
}

#[derive(serde::Deserialize, Default)]
struct ListQuery {
    /// A unit to show alone (the province's filter); empty: every unit she sees.
    #[serde(default)]
    don_vi: String,
}

async fn list_page(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Query(query): Query<ListQuery>,
) -> Answer {
    let scope = super::auth::scope(&caller);
    let all = app.db(units::list).await?;
    // Only a unit she sees can be chosen; the office chooses any.
    let chosen = query.don_vi.trim().parse::<i64>().ok().filter(|id| match &scope {
        Some(scope) => scope.reach.contains(id),
        None => all.iter().any(|unit| unit.id == *id),
    });
    let narrowed = match (&scope, chosen) {
        (Some(scope), Some(id)) => Some(units::Scope { reach: vec![id], ..scope.clone() }),
        (None, Some(id)) => {
            Some(units::Scope { unit: id, unit_name: String::new(), role: units::Role::Province, reach: vec![id] })
        }
        (_, None) => scope.clone(),
    };
    let (list, bin) = app
        .db(move |connection| -> Result<_, DbError> {
            Ok((
                units::conferences(connection, narrowed.as_ref(), false)?,
                units::conferences(connection, narrowed.as_ref(), true)?,
            ))
        })
        .await?;
    Ok(templates::render("danh-sach-hoi-nghi", &list_context(&caller, &list, &bin, &all, chosen)))
}

/// The list page's context. With units, one who sees several (the province,
/// the office) gets each conference's unit, the list grouped by unit in the
/// tree's order, and a choice of one unit.
fn list_context(
    caller: &Option<Caller>,
    list: &[(conferences::Summary, Option<i64>)],
    bin: &[(conferences::Summary, Option<i64>)],
    all_units: &[units::Unit],
    chosen: Option<i64>,
) -> Value {
    let scope = super::auth::scope(caller);
    let shown_units: Vec<&units::Unit> = match &scope {
        Some(scope) => scope.reach.iter().filter_map(|id| all_units.iter().find(|unit| unit.id == *id)).collect(),
        None => all_units.iter().collect(),
    };
    let by_unit = shown_units.len() > 1;
    let unit_name = |id: Option<i64>| -> String {
        id.and_then(|id| all_units.iter().find(|unit| unit.id == id))
            .map_or_else(|| "Văn phòng".to_string(), |unit| unit.name.clone())
    };
    let place = |id: Option<i64>| shown_units.iter().position(|unit| Some(unit.id) == id).unwrap_or(usize::MAX);
    let mut list: Vec<&(conferences::Summary, Option<i64>)> = list.iter().collect();
    if by_unit {
        // Stable: newest first within each unit.
        list.sort_by_key(|(_, unit)| place(*unit));
    }
    let binned: Vec<Value> = bin
        .iter()
        .map(|(c, _)| json!({ "ma": c.id, "ten": c.name, "luc": super::store::local_time(c.updated) }))
        .collect();
    // A copy is most often next year's.
    let next_year = |name: &str| -> i64 {
        let years = name.split(|c: char| !c.is_ascii_digit()).filter_map(|w| w.parse::<i64>().ok());
        years.filter(|y| (1900..=2200).contains(y)).max().map_or(2026, |y| y + 1)
    };
    let rows: Vec<Value> = list
        .iter()
        .map(|(conference, unit)| {
            json!({
                "ma": conference.id,
                "ten": conference.name,
                "don_vi": unit_name(*unit),
                "phien_ban": conference.version,
                "cap_nhat": super::store::local_time(conference.updated),
                "nam_sau": next_year(&conference.name),
            })
        })
        .collect();
    let choices: Vec<Value> = shown_units
        .iter()
        .map(|unit| json!({ "ma": unit.id, "ten": unit.name, "chon": Some(unit.id) == chosen }))
        .collect();
    json!({
        "khung": shell("Hội nghị", caller, "/hoi-nghi"),
        "hoi_nghi": rows,
        "thung_rac": binned,
        "theo_don_vi": by_unit,
        "don_vi": choices,
        // Buttons only for who may use them (the server refuses the others anyway).
        "co_the_sua": scope.as_ref().is_none_or(|scope| scope.role == units::Role::Clerk),
    })
}
