//! The form's side of the API: saving the form (merged by field with what
//! another clerk saved meanwhile; kept as a draft with its errors when it
//! is not yet valid), choosing between two values of one field, a blank
//! start, a copy of a conference for a new year, and the bin.

use std::sync::Arc;

use axum::extract::{Extension, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde_json::{json, Value as Json_};

use super::answer::{Answer, Clerk, Refusal, Said};
use super::api::{check_all, if_match, load_version, shown, workspace_problem};
use super::app::App;
use super::auth::Caller;
use super::check::{self, has_errors};
use super::merge_fields::{self, Conflict};
use super::store::conferences::{self, Version};
use super::store::drafts;
use super::store::units::{self, Scope};
use super::{typed, yaml_form};
use crate::diag::{Lang, WorkspaceKind};
use crate::input::yaml::{Node, Value};

pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/conferences/{id}/form", put(save_form))
        .route("/api/conferences/{id}/field", put(choose))
        .route("/api/conferences/{id}/copy", post(copy))
        .route("/api/conferences/{id}/bin", post(to_bin))
        .route("/api/conferences/{id}/restore", post(restore))
        .route("/api/conferences/{id}/lists/{group}/rows", post(list_to_rows))
        .route("/api/blank", post(blank))
        .route("/api/bin", get(bin_list))
}

fn author(caller: &Option<Caller>) -> String {
    caller.as_ref().map_or_else(|| "(máy này)".to_string(), Caller::author)
}

/// The tree the form shows of conference `latest`: its draft when it has one.
async fn working_tree(app: &Arc<App>, latest: &Version) -> Result<(Node, bool), Refusal> {
    let id = latest.conference;
    let draft = app.db(move |connection| drafts::get(connection, id)).await?;
    Ok(match draft {
        Some(draft) if draft.version == latest.version => (yaml_form::stored(&draft.yaml), true),
        _ => (yaml_form::stored(&latest.yaml), false),
    })
}

/// What a save did beyond storing: a merge with another clerk's version
/// and the fields both changed.
struct Merged {
    merged: bool,
    conflicts: Vec<Conflict>,
}

/// Saves `tree` over the newest version `latest`: a new version when it is
/// valid (200), else kept as the draft with its problems (422, `nhap`).
async fn store(app: &Arc<App>, latest: &Version, tree: &Node, who: String, lang: Lang, merged: Merged) -> Answer {
    let id = latest.conference;
    let yaml = yaml_form::to_yaml(tree);
    let (input, problems) = check_all(app, id, yaml.clone(), latest.files.clone()).await?;
    let conflicts: Vec<Json_> = merged.conflicts.iter().map(conflict_json).collect();
    let expected = latest.version;
    let Some(input) = input.filter(|_| !has_errors(&problems)) else {
        app.db(move |connection| drafts::put(connection, id, expected, &yaml, &who)).await?;
        let body = json!({
            "id": id,
            "version": expected,
            "nhap": true,
            "problems": shown(&problems, lang),
            "gop": merged.merged,
            "xung_dot": conflicts,
        });
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response());
    };
    let name = check::conference_name(&input);
    let saved = app
        .db(move |connection| conferences::save(connection, id, expected, &name, &yaml, &[], &who, "Biểu mẫu"))
        .await?;
    match saved {
        Ok(version) => Ok((
            [(header::ETAG, format!("\"{version}\""))],
            Json(json!({
                "id": id,
                "version": version,
                "problems": shown(&problems, lang),
                "papers": check::papers(&input),
                "gop": merged.merged,
                "xung_dot": conflicts,
            })),
        )
            .into_response()),
        Err(refused) => Err(refused.into()),
    }
}

/// `PUT /api/conferences/{id}/form`: the form's fields as JSON, laid over
/// the version they edit (or its draft). When another clerk saved since,
/// her changes are merged field by field with theirs.
async fn save_form(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Clerk(lang): Clerk,
    headers: HeaderMap,
    body: String,
) -> Answer {
    let expected = if_match(&headers)?;
    // Read as YAML (JSON is YAML): the form's key order is kept.
    let form = yaml_form::parse(&body).map_err(|found| {
        Refusal::Problems(found.iter().map(|p| super::check::ProblemJson::new(p, Lang::Vi)).collect())
    })?;
    let latest = load_version(&app, id, None).await?;
    let (current, _) = working_tree(&app, &latest).await?;
    if expected == latest.version {
        let tree = yaml_form::merge_form(Some(&current), &form).unwrap_or_default();
        return store(&app, &latest, &tree, author(&caller), lang, Merged { merged: false, conflicts: Vec::new() })
            .await;
    }
    // She edited an older version: her changes against it, merged with ours.
    let started = match load_version(&app, id, Some(expected)).await {
        Ok(started) if expected < latest.version => started,
        _ => return Err(Refusal::Stale(latest.version)),
    };
    let base = yaml_form::stored(&started.yaml);
    let mine = yaml_form::merge_form(Some(&base), &form).unwrap_or_default();
    let (tree, conflicts) = merge_fields::merge(Some(&base), Some(&mine), Some(&current));
    let tree = tree.unwrap_or_default();
    store(&app, &latest, &tree, author(&caller), lang, Merged { merged: true, conflicts }).await
}

/// A conflict as the page shows it: where, and both values in words and
/// as data (hers, to send back when she keeps it).
fn conflict_json(conflict: &Conflict) -> Json_ {
    json!({
        "duong_dan": conflict.path,
        "cua_ban": conflict.mine.as_ref().map_or_else(|| "(để trống)".to_string(), shown_value),
        "cua_nguoi_khac": conflict.theirs.as_ref().map_or_else(|| "(để trống)".to_string(), shown_value),
        "gia_tri_cua_ban": conflict.mine.as_ref().map_or(Json_::Null, node_json),
    })
}

/// A value in the clerk's words: figures 1.850, dates 21/08/2018, lines joined.
fn shown_value(node: &Node) -> String {
    match &node.value {
        Value::Number(_) => typed::shown_figure(node),
        Value::String(text) => typed::shown_date(text),
        Value::Sequence(items) if items.iter().all(|i| !matches!(i.value, Value::Mapping(_) | Value::Sequence(_))) => {
            items.iter().map(shown_value).collect::<Vec<_>>().join("; ")
        }
        Value::Sequence(items) => format!("{} dòng", items.len()),
        Value::Mapping(_) => "(nhiều trường)".into(),
        _ => node.text().unwrap_or_default().to_string(),
    }
}

fn node_json(node: &Node) -> Json_ {
    match &node.value {
        Value::Null => Json_::Null,
        Value::Bool(b) => Json_::Bool(*b),
        Value::Number(n) => serde_json::from_str(&n.to_string()).unwrap_or(Json_::String(n.to_string())),
        Value::String(s) => Json_::String(s.clone()),
        Value::Sequence(items) => Json_::Array(items.iter().map(node_json).collect()),
        Value::Mapping(mapping) => Json_::Object(
            mapping.iter().map(|(k, v)| (k.text().unwrap_or_default().to_string(), node_json(v))).collect(),
        ),
    }
}

/// `PUT /api/conferences/{id}/field`: `{ "duong_dan": …, "gia_tri": … }`,
/// her value of a field both clerks changed, kept over the other's.
async fn choose(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Clerk(lang): Clerk,
    headers: HeaderMap,
    body: String,
) -> Answer {
    let expected = if_match(&headers)?;
    let unreadable = || Refusal::Said(StatusCode::BAD_REQUEST, Said::Unreadable);
    let request = yaml_form::parse(&body).map_err(|_| unreadable())?;
    let path = request.get("duong_dan").and_then(|n| n.as_str()).ok_or_else(unreadable)?.to_string();
    let value = request.get("gia_tri").filter(|v| !v.is_null()).cloned();
    let latest = load_version(&app, id, None).await?;
    if latest.version != expected {
        return Err(Refusal::Stale(latest.version));
    }
    let (mut tree, _) = working_tree(&app, &latest).await?;
    if !merge_fields::set_at(&mut tree, &path, value) {
        return Err(workspace_problem("", WorkspaceKind::FieldGone));
    }
    store(&app, &latest, &tree, author(&caller), lang, Merged { merged: false, conflicts: Vec::new() }).await
}

/// `POST /api/conferences/{id}/lists/{group}/rows`, `If-Match`: an
/// accepted list file copied into the form as rows, one per recipient as
/// it was read, so each can be corrected; the file is no longer used.
async fn list_to_rows(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path((id, group)): Path<(i64, usize)>,
    Clerk(lang): Clerk,
    headers: HeaderMap,
) -> Answer {
    let expected = if_match(&headers)?;
    let latest = load_version(&app, id, None).await?;
    if latest.version != expected {
        return Err(Refusal::Stale(latest.version));
    }
    let (input, _) = check_all(&app, id, latest.yaml.clone(), latest.files.clone()).await?;
    let read = input.as_ref().and_then(|input| input.khen_thuong.get(group)).map(|g| g.danh_sach.clone());
    let (mut tree, _) = working_tree(&app, &latest).await?;
    let from_file = tree
        .get("khen_thuong")
        .and_then(|g| g.as_sequence())
        .and_then(|g| g.get(group))
        .and_then(|g| g.get("danh_sach_tep"))
        .is_some();
    let Some(read) = read.filter(|_| from_file) else {
        return Err(workspace_problem("", WorkspaceKind::FieldGone));
    };
    let rows: Vec<Node> = read.iter().map(super::copy::recipient_row).collect();
    merge_fields::set_at(&mut tree, &format!("khen_thuong[{group}].danh_sach_tep"), None);
    merge_fields::set_at(&mut tree, &format!("khen_thuong[{group}].danh_sach"), Some(Node::new(Value::Sequence(rows))));
    store(&app, &latest, &tree, author(&caller), lang, Merged { merged: false, conflicts: Vec::new() }).await
}

/// The sample's own bodies: a blank start never takes them for the office's.
const SAMPLE_BODY: &str = "CÔNG AN THÀNH PHỐ HẢI PHÒNG";

/// Creates a conference from `yaml` (kept even with errors: the form shows
/// them at their fields; papers wait for a valid version).
async fn create(
    app: &Arc<App>,
    name: String,
    yaml: String,
    files: Vec<(String, Vec<u8>)>,
    who: String,
    unit: Option<i64>,
) -> Answer {
    let id = app
        .db(move |connection| {
            let id = conferences::create(connection, &name, &yaml, &files, &who)?;
            units::assign(connection, id, unit).map(|()| id)
        })
        .await?;
    Ok((StatusCode::CREATED, [(header::ETAG, "\"1\"".to_string())], Json(json!({ "id": id, "version": 1 })))
        .into_response())
}

/// `POST /api/blank`: a new conference with empty fields; the office's own
/// body and signer from its last conference (never the sample's).
async fn blank(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    // Her own unit's newest conference (the office's, for the office).
    let own =
        caller.as_ref().and_then(|caller| caller.scope.clone()).map(|scope| Scope { reach: vec![scope.unit], ..scope });
    let unit = own.as_ref().map(|scope| scope.unit);
    let newest = app.db(move |connection| units::conferences(connection, own.as_ref(), false)).await?;
    let mut tree = yaml_form::stored("phien_ban: 1\n");
    if let Some((last, _)) = newest.first() {
        let last = yaml_form::stored(&load_version(&app, last.id, None).await?.yaml);
        let office = last.get("co_quan").filter(|body| body.get("ten").and_then(|n| n.as_str()) != Some(SAMPLE_BODY));
        if let Some(office) = office {
            merge_fields::set_at(&mut tree, "co_quan", Some(office.clone()));
            if let Some(signer) = last.get("nguoi_ky") {
                merge_fields::set_at(&mut tree, "nguoi_ky", Some(signer.clone()));
            }
        }
    }
    create(&app, "Hội nghị mới".into(), yaml_form::to_yaml(&tree), Vec::new(), author(&caller), unit).await
}

/// `POST /api/conferences/{id}/copy` `{ "nam": 2019, "giu_danh_sach": false }`.
async fn copy(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Json(asked): Json<CopyAsked>,
) -> Answer {
    let (min, max) = (crate::input::MIN_YEAR, crate::input::MAX_YEAR);
    if !(min..=max).contains(&asked.nam) {
        return Err(workspace_problem("", WorkspaceKind::CopyYear { year: asked.nam, min, max }));
    }
    let from = load_version(&app, id, None).await?;
    let mut tree = yaml_form::stored(&from.yaml);
    if asked.giu_danh_sach {
        let (yaml, files) = (from.yaml.clone(), from.files.clone());
        let read = tokio::task::spawn_blocking(move || super::check::check(&yaml, &files).0)
            .await
            .map_err(Refusal::internal)?;
        if let Some(read) = read {
            super::copy::lists_into_rows(&mut tree, &read);
        }
    }
    super::copy::for_year(&mut tree, asked.nam, asked.giu_danh_sach);
    let files: Vec<(String, Vec<u8>)> = if asked.giu_danh_sach {
        from.files.iter().map(|f| (f.name.clone(), f.bytes.to_vec())).collect()
    } else {
        // Emblems stay; lists go with the recipients.
        from.files
            .iter()
            .filter(|f| f.name.to_lowercase().ends_with(".png"))
            .map(|f| (f.name.clone(), f.bytes.to_vec()))
            .collect()
    };
    let name = format!("{} (bản sao năm {})", from.name, asked.nam);
    // The copy stays in the unit of the conference it copies.
    let unit = app.db(move |connection| units::conference_unit(connection, id)).await?.flatten();
    create(&app, name, yaml_form::to_yaml(&tree), files, author(&caller), unit).await
}

#[derive(serde::Deserialize)]
struct CopyAsked {
    nam: i32,
    #[serde(default)]
    giu_danh_sach: bool,
}

/// `POST /api/conferences/{id}/bin`: moved to the bin (restorable).
async fn to_bin(State(app): State<Arc<App>>, Path(id): Path<i64>) -> Answer {
    match app.db(move |connection| drafts::bin(connection, id)).await? {
        true => Ok(Json(json!({ "id": id, "thung_rac": true })).into_response()),
        false => Err(Refusal::not_found()),
    }
}

/// `POST /api/conferences/{id}/restore`: back from the bin.
async fn restore(State(app): State<Arc<App>>, Path(id): Path<i64>) -> Answer {
    match app.db(move |connection| drafts::restore(connection, id)).await? {
        true => Ok(Json(json!({ "id": id, "thung_rac": false })).into_response()),
        false => Err(Refusal::not_found()),
    }
}

/// `GET /api/bin`: the conferences in the bin.
async fn bin_list(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let scope = super::auth::scope(&caller);
    let binned = app.db(move |connection| units::conferences(connection, scope.as_ref(), true)).await?;
    Ok(Json(binned.into_iter().map(|(conference, _)| conference).collect::<Vec<_>>()).into_response())
}
