//! The JSON API under `/api` (the pages use it, and so can scripts):
//! conferences and their versions, saving with `If-Match` (409 when stale,
//! 422 with the problems and nothing stored when invalid), issuing, the
//! award register, counters and printer profiles.

use std::sync::Arc;

use axum::extract::{Extension, Multipart, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use super::answer::{Answer, Clerk, Refusal, Said};
use super::app::App;
use super::auth::{self, Caller};
use super::check::{self, has_errors, ProblemJson};
use super::store::conferences::{self, StoredFile, Version};
use super::store::db::DbError;
use super::store::keys::MAX_NUMBER;
use super::store::{register, units, users};
use super::stored::{self, FileKind};
use super::{issue, upload};
use crate::diag::{Kind, Lang, Problem, WorkspaceKind};
use crate::input;

/// The API's own routes (papers, lists and summaries have theirs beside it).
pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        // A sign-in is a name and a password: its body is small, whoever sends it.
        .route("/api/login", post(auth::login).layer(axum::extract::DefaultBodyLimit::max(4096)))
        .route("/api/session", get(auth::session))
        .route("/api/logout", post(auth::logout))
        .route("/api/conferences", get(list).post(create))
        .route("/api/sample", post(create_sample))
        .route("/api/conferences/{id}", get(show).put(replace))
        .route("/api/conferences/{id}/versions", get(history))
        .route("/api/conferences/{id}/issue", get(issue_plan).post(issue_numbers))
        .route("/api/awards", get(awards))
        .route("/api/awards.xlsx", get(super::register_xlsx::export))
        .route("/api/counters", get(counters).put(set_counter))
        .route("/api/printers", get(printers).put(save_printer))
        .route("/api/printers/{name}", axum::routing::delete(delete_printer))
        .route("/api/status", get(status))
}

/// One workspace problem as a refusal (422, nothing stored).
pub(crate) fn workspace_problem(path: &str, kind: WorkspaceKind) -> Refusal {
    let problem = Problem { location: Box::default(), path: path.to_string(), kind: Kind::Workspace(Box::new(kind)) };
    Refusal::Problems(vec![ProblemJson::new(&problem, Lang::Vi)])
}

/// `problems` as a clerk reading `lang` is shown them.
pub(crate) fn shown(problems: &[ProblemJson], lang: Lang) -> Vec<ProblemJson> {
    problems.iter().map(|p| p.in_lang(lang)).collect()
}

/// The version a save edits, from `If-Match` (`3`, `"3"` or `W/"3"`).
pub(crate) fn if_match(headers: &HeaderMap) -> Result<i64, Refusal> {
    let value = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok()).unwrap_or_default();
    value
        .trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .map_err(|_| Refusal::Said(StatusCode::PRECONDITION_REQUIRED, Said::IfMatchNeeded))
}

fn author(caller: &Option<Caller>) -> String {
    caller.as_ref().map_or_else(|| "(máy này)".to_string(), Caller::author)
}

/// A version by its conference and number (the newest when none).
pub(crate) async fn load_version(app: &App, id: i64, version: Option<i64>) -> Result<Arc<Version>, Refusal> {
    match app.db(move |connection| conferences::load(connection, id, version)).await? {
        Some(version) => Ok(Arc::new(version)),
        None => Err(Refusal::not_found()),
    }
}

/// Checks `yaml` with `files` as `check` does, then the workspace's rules.
pub(crate) async fn check_all(
    app: &Arc<App>,
    id: i64,
    yaml: String,
    files: Vec<StoredFile>,
) -> Result<(Option<input::Input>, Vec<ProblemJson>), Refusal> {
    let checked = tokio::task::spawn_blocking(move || check::check(&yaml, &files)).await;
    let (input, mut problems) = checked.map_err(Refusal::internal)?;
    if let Some(input) = input {
        let (input, rules) =
            app.db(move |connection| issue::rules(connection, id, &input).map(|rules| (input, rules))).await?;
        problems.extend(rules);
        return Ok((Some(input), problems));
    }
    Ok((None, problems))
}

async fn list(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let scope = auth::scope(&caller);
    let list = app.db(move |connection| units::conferences(connection, scope.as_ref(), false)).await?;
    Ok(Json(list.into_iter().map(|(conference, _)| conference).collect::<Vec<_>>()).into_response())
}

async fn create(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Clerk(lang): Clerk,
    multipart: Multipart,
) -> Answer {
    let upload = upload::read(multipart, &[FileKind::Csv, FileKind::Xlsx, FileKind::Png]).await?;
    let Some(yaml) = upload.input else { return Err(workspace_problem("", WorkspaceKind::NoInput)) };
    create_from(&app, yaml, upload.files, &caller, lang).await
}

/// The sample `baocao init` writes: the Hải Phòng 2018 conference and its list.
const SAMPLE_YAML: &str = include_str!("../../../inputs/hai-phong-2018.yaml");
const SAMPLE_LIST: (&str, &[u8]) =
    ("hai-phong-2018-bang-khen.csv", include_bytes!("../../../inputs/hai-phong-2018-bang-khen.csv"));

/// `POST /api/sample`: a new conference from the sample.
async fn create_sample(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Clerk(lang): Clerk,
) -> Answer {
    let files = vec![(SAMPLE_LIST.0.to_string(), SAMPLE_LIST.1.to_vec())];
    create_from(&app, SAMPLE_YAML.to_string(), files, &caller, lang).await
}

/// Checks and stores a new conference: 201, or 422 and nothing stored.
async fn create_from(
    app: &Arc<App>,
    yaml: String,
    files: Vec<(String, Vec<u8>)>,
    caller: &Option<Caller>,
    lang: Lang,
) -> Answer {
    let (author, unit) = (author(caller), caller.as_ref().and_then(Caller::unit));
    let stored: Vec<StoredFile> =
        files.iter().map(|(name, bytes)| StoredFile { name: name.clone(), bytes: Arc::new(bytes.clone()) }).collect();
    let (input, problems) = check_all(app, -1, yaml.clone(), stored).await?;
    let Some(input) = input.filter(|_| !has_errors(&problems)) else { return Err(Refusal::Problems(problems)) };
    let name = check::conference_name(&input);
    let id = app
        .db(move |connection| {
            let id = conferences::create(connection, &name, &yaml, &files, &author)?;
            units::assign(connection, id, unit).map(|()| id)
        })
        .await?;
    Ok((
        StatusCode::CREATED,
        [(header::ETAG, "\"1\"".to_string())],
        Json(json!({ "id": id, "version": 1, "problems": shown(&problems, lang) })),
    )
        .into_response())
}

#[derive(serde::Deserialize)]
pub(crate) struct VersionQuery {
    pub phien_ban: Option<i64>,
}

async fn show(
    State(app): State<Arc<App>>,
    Path(id): Path<i64>,
    Query(query): Query<VersionQuery>,
    Clerk(lang): Clerk,
) -> Answer {
    let version = load_version(&app, id, query.phien_ban).await?;
    let (input, problems) = check_all(&app, id, version.yaml.clone(), version.files.clone()).await?;
    let papers = input.as_ref().map(check::papers).unwrap_or_default();
    let files: Vec<&str> = version.files.iter().map(|f| f.name.as_str()).collect();
    Ok((
        [(header::ETAG, format!("\"{}\"", version.version))],
        Json(json!({
            "id": id,
            "name": version.name,
            "version": version.version,
            "latest": version.latest,
            "yaml": version.yaml,
            "problems": shown(&problems, lang),
            "papers": papers,
            "files": files,
        })),
    )
        .into_response())
}

/// A save: the version it edits, the new YAML and files, who makes it and
/// why, and the language the clerk reads.
pub(crate) struct Save {
    pub expected: i64,
    pub yaml: String,
    pub added: Vec<(String, Vec<u8>)>,
    pub author: String,
    pub note: &'static str,
    pub lang: Lang,
}

/// Saves the YAML (with the added files) as the version after the one
/// expected: 200 with the new version, 409 when stale, 422 when invalid.
pub(crate) async fn save_yaml(app: &Arc<App>, id: i64, save: Save) -> Answer {
    let Save { expected, yaml, added, author, note, lang } = save;
    let current = load_version(app, id, None).await?;
    if current.version != expected {
        return Err(Refusal::Stale(current.version));
    }
    let mut files = current.files.clone();
    files.retain(|f| !added.iter().any(|(name, _)| *name == f.name));
    files.extend(added.iter().map(|(name, bytes)| StoredFile { name: name.clone(), bytes: Arc::new(bytes.clone()) }));
    let (input, problems) = check_all(app, id, yaml.clone(), files).await?;
    let Some(input) = input.filter(|_| !has_errors(&problems)) else { return Err(Refusal::Problems(problems)) };
    let name = check::conference_name(&input);
    let saved = app
        .db(move |connection| conferences::save(connection, id, expected, &name, &yaml, &added, &author, note))
        .await?;
    match saved {
        Ok(version) => Ok((
            [(header::ETAG, format!("\"{version}\""))],
            Json(json!({
                "id": id,
                "version": version,
                "problems": shown(&problems, lang),
                "papers": check::papers(&input),
            })),
        )
            .into_response()),
        Err(refused) => Err(refused.into()),
    }
}

async fn replace(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Clerk(lang): Clerk,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Answer {
    let expected = if_match(&headers)?;
    // Bytes that are not UTF-8: the same located problem as `check` gives.
    let yaml = input::bounds::utf8(body.to_vec(), super::stored::INPUT_NAME)
        .map_err(|problem| Refusal::Problems(vec![ProblemJson::new(&problem, Lang::Vi)]))?;
    let save = Save { expected, yaml, added: Vec::new(), author: author(&caller), note: "YAML", lang };
    save_yaml(&app, id, save).await
}

async fn history(State(app): State<Arc<App>>, Path(id): Path<i64>) -> Answer {
    let history = app.db(move |connection| conferences::history(connection, id)).await?;
    if history.is_empty() {
        return Err(Refusal::not_found());
    }
    Ok(Json(history).into_response())
}

/// `POST /api/conferences/{id}/issue`: "Ban hành" the version in If-Match.
/// A version already issued whole answers as it is, with nothing changed.
async fn issue_numbers(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Answer {
    let expected = if_match(&headers)?;
    run_issue(&app, id, expected, author(&caller), issue::Mode::Commit).await
}

/// `GET /api/conferences/{id}/issue?phien_ban=N`: what "Ban hành" would
/// number now — which decisions and sổ vàng numbers, from which counters —
/// drawn in a transaction that is dropped, so nothing changes.
async fn issue_plan(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Query(query): Query<VersionQuery>,
) -> Answer {
    let expected = match query.phien_ban {
        Some(version) => version,
        None => load_version(&app, id, None).await?.version,
    };
    run_issue(&app, id, expected, author(&caller), issue::Mode::Preview).await
}

async fn run_issue(app: &Arc<App>, id: i64, expected: i64, author: String, mode: issue::Mode) -> Answer {
    let version = load_version(app, id, None).await?;
    if version.version != expected {
        return Err(Refusal::Stale(version.version));
    }
    let staged = Arc::clone(&version);
    let prepared = tokio::task::spawn_blocking(move || {
        input::load_source(&stored::source(&staged.yaml, &staged.files))
            .map(|(input, _)| input)
            .map_err(|found| found.iter().map(|p| ProblemJson::new(p, Lang::Vi)).collect::<Vec<_>>())
    })
    .await;
    let input = prepared.map_err(Refusal::internal)??;
    let issued = app.db(move |connection| issue::issue(connection, &version, &input, &author, mode)).await?;
    match issued {
        issue::Issued::Done { version, decisions, drawn } => {
            // A preview keeps the version it was asked for: the one to confirm.
            let (version, tag) = if mode == issue::Mode::Preview { (expected, expected) } else { (version, version) };
            Ok((
                [(header::ETAG, format!("\"{tag}\""))],
                Json(
                    json!({ "id": id, "version": version, "decisions": decisions, "drawn": drawn, "unchanged": false }),
                ),
            )
                .into_response())
        }
        issue::Issued::Unchanged { version, decisions } => Ok((
            [(header::ETAG, format!("\"{version}\""))],
            Json(json!({ "id": id, "version": version, "decisions": decisions, "drawn": [], "unchanged": true })),
        )
            .into_response()),
        issue::Issued::Problems(problems) => Err(Refusal::Problems(problems)),
        issue::Issued::Refused(refused) => Err(refused.into()),
    }
}

async fn awards(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Query(query): Query<register::Query>,
) -> Answer {
    let scope = auth::scope(&caller);
    Ok(Json(app.db(move |connection| register::search(connection, &query, 500, scope.as_ref())).await?).into_response())
}

async fn counters(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let scope = auth::scope(&caller);
    Ok(Json(app.db(move |connection| register::counters(connection, scope.as_ref())).await?).into_response())
}

/// `PUT /api/counters`: where a counter continues from — never behind a
/// number its register has issued, never past the register's end.
async fn set_counter(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Json(counter): Json<register::Counter>,
) -> Answer {
    if counter.key.body.trim().is_empty() || counter.width > 12 {
        return Err(workspace_problem("", WorkspaceKind::CounterForm));
    }
    let scope = auth::scope(&caller);
    let saved = app
        .db(move |connection| {
            connection.transaction(|tx| -> Result<Result<(), Option<i64>>, DbError> {
                // A unit sets the registers of its own bodies, or of a body no one has yet.
                if !units::may_set_counter(tx, scope.as_ref(), &counter.key)? {
                    return Ok(Err(None));
                }
                let highest = register::highest_issued(tx, &counter.key)?;
                if counter.last < highest || counter.last > MAX_NUMBER {
                    return Ok(Err(Some(highest)));
                }
                register::set_counter(tx, &counter, scope.as_ref().map(|scope| scope.unit))?;
                Ok(Ok(()))
            })
        })
        .await?;
    match saved {
        Ok(()) => Ok(Json(json!({})).into_response()),
        Err(Some(highest)) => {
            Err(workspace_problem("so_cuoi", WorkspaceKind::CounterOutOfRange { highest, max: MAX_NUMBER }))
        }
        Err(None) => Err(Refusal::Said(StatusCode::FORBIDDEN, Said::CounterOfAnotherUnit)),
    }
}

/// `GET /api/printers`: the printer profiles of the caller's unit (the office's for the office).
async fn printers(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let unit = caller.as_ref().and_then(Caller::unit);
    Ok(Json(app.db(move |connection| users::printers(connection, unit)).await?).into_response())
}

async fn save_printer(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Json(printer): Json<users::Printer>,
) -> Answer {
    let sane = !printer.name.trim().is_empty()
        && printer.offset_x.abs() <= 50.0
        && printer.offset_y.abs() <= 50.0
        && (0.5..=1.5).contains(&printer.scale);
    if !sane {
        return Err(workspace_problem("", WorkspaceKind::PrinterForm));
    }
    let unit = caller.as_ref().and_then(Caller::unit);
    app.db(move |connection| users::save_printer(connection, unit, &printer)).await?;
    Ok(Json(json!({})).into_response())
}

async fn delete_printer(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(name): Path<String>,
) -> Answer {
    let unit = caller.as_ref().and_then(Caller::unit);
    app.db(move |connection| users::delete_printer(connection, unit, &name)).await?;
    Ok(Json(json!({})).into_response())
}

async fn status(State(app): State<Arc<App>>) -> Response {
    let (parts, pages) = app.renderer.cached();
    Json(json!({ "renders": app.renderer.renders(), "cached_parts": parts, "cached_pages": pages })).into_response()
}
