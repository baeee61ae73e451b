//! What the workspace hands out: each paper (PDF, DOCX, the press text),
//! the whole pack as a ZIP with its manifest, the preview's page pictures,
//! the printer calibration sheet; and the list upload, checked and
//! shown before it is accepted. (Summaries: `summary.rs`.)

use std::io::Write as _;
use std::sync::Arc;

use axum::extract::{Extension, Multipart, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use super::answer::{Answer, Clerk, Refusal};
use super::api::{self, load_version, shown, workspace_problem};
use super::app::App;
use super::auth::Caller;
use super::check::{self, has_errors, ProblemJson};
use super::render::{Part, Print, Transient};
use super::store::conferences::StoredFile;
use super::store::users;
use super::stored::FileKind;
use super::{upload, yaml_form};
use crate::diag::{Lang, WorkspaceKind};
use crate::pack::output::{Manifest, OutputFile};
use crate::pack::{DocKind, Format, Paper};

/// The routes of the papers, lists and the calibration sheet.
pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/conferences/{id}/lists", post(list_upload))
        .route("/api/conferences/{id}/files/{name}", get(file))
        .route("/api/conferences/{id}/pack.zip", get(pack))
        .route("/api/conferences/{id}/preview/{version}/{paper}/{page}", get(preview))
        .route("/api/calibration/{sheet}", get(calibration))
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("txt") => "text/plain; charset=utf-8",
        Some("json") => "application/json",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
}

/// `GET /api/calibration/a3.pdf` (`400x300.pdf`, `a4.pdf`): the printer
/// calibration sheet `baocao calibrate` writes, from the browser.
async fn calibration(Path(sheet): Path<String>) -> Answer {
    let paper = match sheet.as_str() {
        "a3.pdf" => crate::doc::Paper::A3,
        "400x300.pdf" => crate::doc::Paper::Large,
        "a4.pdf" => crate::doc::Paper::A4,
        _ => return Err(Refusal::not_found()),
    };
    let drawn = tokio::task::spawn_blocking(move || {
        let meta = crate::doc::Metadata { title: "Hiệu chỉnh máy in".into(), ..Default::default() };
        crate::render::pdf::draw(&crate::render::calibrate::sheet(paper), &meta, Default::default())
    })
    .await
    .map_err(Refusal::internal)?;
    let pdf = drawn.map_err(|refused| Refusal::internal(format!("{refused:?}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"hieu-chinh-{sheet}\"")),
        ],
        pdf,
    )
        .into_response())
}

fn transient(err: Transient) -> Refusal {
    Refusal::internal(err.0)
}

/// How a download asks certificates to be printed: `in=phoi` (on blanks)
/// and `may_in=<printer profile>`.
#[derive(serde::Deserialize, Default)]
pub(crate) struct PrintQuery {
    phien_ban: Option<i64>,
    #[serde(rename = "in")]
    print: Option<String>,
    may_in: Option<String>,
    /// Whose printer profile `may_in` names: the caller's unit's (not asked).
    #[serde(skip)]
    unit: Option<i64>,
}

async fn print_options(app: &App, query: &PrintQuery) -> Result<Print, Refusal> {
    let overlay = query.print.as_deref() == Some("phoi");
    let Some(name) = query.may_in.clone().filter(|n| !n.is_empty()) else {
        return Ok(Print::new(overlay, (0.0, 0.0), 1.0));
    };
    let unit = query.unit;
    match app.db(move |connection| users::printer(connection, unit, &name)).await? {
        Some(printer) => Ok(Print::new(overlay, (printer.offset_x, printer.offset_y), printer.scale)),
        None => Err(Refusal::not_found()),
    }
}

/// `GET /api/conferences/{id}/files/{name}`.
pub(crate) async fn file(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path((id, name)): Path<(i64, String)>,
    Query(mut query): Query<PrintQuery>,
) -> Answer {
    query.unit = caller.as_ref().and_then(Caller::unit);
    let (Some(part), Some(extension)) = (Paper::parse(&name).map(Paper::kind), name.rsplit_once('.').map(|(_, e)| e))
    else {
        return Err(Refusal::not_found());
    };
    let format = match (part, extension) {
        (_, "pdf") => Format::Pdf,
        (_, "docx") | (DocKind::TinBai, "txt") => Format::Docx,
        _ => return Err(Refusal::not_found()),
    };
    let version = load_version(&app, id, query.phien_ban).await?;
    let print = print_options(&app, &query).await?;
    let output = match app.renderer.part(&version, part, format, &print).await {
        Ok(Ok(output)) => output,
        Ok(Err(problems)) => return Err(Refusal::Problems(problems.to_vec())),
        Err(err) => return Err(transient(err)),
    };
    let Some(found) = output.files.iter().find(|f| f.entry.path == name) else { return Err(Refusal::not_found()) };
    let disposition = if format == Format::Docx && extension == "docx" { "attachment" } else { "inline" };
    Ok((
        [
            (header::CONTENT_TYPE, content_type(&name).to_string()),
            (header::CONTENT_DISPOSITION, format!("{disposition}; filename=\"{name}\"")),
            (header::CACHE_CONTROL, "private, no-cache".to_string()),
        ],
        found.bytes.clone(),
    )
        .into_response())
}

/// `GET /api/conferences/{id}/pack.zip`: every paper and `manifest.json`.
pub(crate) async fn pack(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Query(mut query): Query<PrintQuery>,
) -> Answer {
    query.unit = caller.as_ref().and_then(Caller::unit);
    let version = load_version(&app, id, query.phien_ban).await?;
    let print = print_options(&app, &query).await?;
    let mut outputs = Vec::new();
    // In the order `build` writes them.
    let parts =
        [DocKind::BaoCao, DocKind::ToTrinh, DocKind::QuyetDinh, DocKind::TinBai, DocKind::NgayHoiNghi, DocKind::Khen];
    for (rank, part) in parts.into_iter().enumerate() {
        for format in [Format::Pdf, Format::Docx] {
            match app.renderer.part(&version, part, format, &print).await {
                Ok(Ok(output)) => outputs.push((rank, output)),
                Ok(Err(problems)) => return Err(Refusal::Problems(problems.to_vec())),
                Err(err) => return Err(transient(err)),
            }
        }
    }
    let zipped = tokio::task::spawn_blocking(move || {
        let mut files: Vec<(usize, &OutputFile)> =
            outputs.iter().flat_map(|(rank, o)| o.files.iter().map(move |f| (*rank, f))).collect();
        // As `build` lists them: paper by paper, PDF before DOCX before text.
        files.sort_by_key(|(part, file)| {
            let order = Paper::parse(&file.entry.path).map_or((0, 0), Paper::order);
            (*part, order, file.entry.format)
        });
        let files: Vec<&OutputFile> = files.into_iter().map(|(_, f)| f).collect();
        zip_files(super::stored::INPUT_NAME, &files)
    })
    .await;
    match zipped {
        Ok(Ok(bytes)) => Ok((
            [
                (header::CONTENT_TYPE, "application/zip".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"hoi-nghi-{id}-v{}.zip\"", version.version),
                ),
            ],
            bytes,
        )
            .into_response()),
        Ok(Err(err)) => Err(Refusal::internal(err)),
        Err(err) => Err(Refusal::internal(err)),
    }
}

/// `files` (each name once) and their manifest, as a ZIP.
pub(super) fn zip_files(input_name: &str, files: &[&OutputFile]) -> zip::result::ZipResult<Vec<u8>> {
    let mut seen = std::collections::HashSet::new();
    let files: Vec<&OutputFile> = files.iter().copied().filter(|f| seen.insert(f.entry.path.clone())).collect();
    let manifest = Manifest { input: input_name.to_string(), files: files.iter().map(|f| f.entry.clone()).collect() };
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for file in &files {
        writer.start_file(file.entry.path.as_str(), options)?;
        writer.write_all(&file.bytes)?;
    }
    writer.start_file("manifest.json", options)?;
    writer.write_all(&manifest.bytes())?;
    Ok(writer.finish()?.into_inner())
}

/// `GET /api/conferences/{id}/preview/{version}/{paper}/{page}.png`.
pub(crate) async fn preview(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path((id, version, paper, page)): Path<(i64, i64, String, String)>,
    Query(mut query): Query<PrintQuery>,
    Clerk(lang): Clerk,
) -> Answer {
    query.unit = caller.as_ref().and_then(Caller::unit);
    let Some(part) = Paper::parse(&paper).map(Paper::kind) else { return Err(Refusal::not_found()) };
    if page == "canh-bao" {
        return warnings(&app, id, version, part, &paper, &query, lang).await;
    }
    let page: usize = match page.strip_suffix(".png").and_then(|p| p.parse().ok()) {
        Some(page) if page >= 1 => page,
        _ => return Err(Refusal::not_found()),
    };
    let version = load_version(&app, id, Some(version)).await?;
    let print = print_options(&app, &query).await?;
    match app.renderer.picture(&version, part, &format!("{paper}.pdf"), page, &print).await {
        Ok(Ok(picture)) => Ok((
            [
                (header::CONTENT_TYPE, "image/png".to_string()),
                // A version never changes: its pictures can be kept.
                (header::CACHE_CONTROL, "private, max-age=31536000, immutable".to_string()),
                (header::HeaderName::from_static("x-trang"), picture.pages.to_string()),
            ],
            picture.png.clone(),
        )
            .into_response()),
        Ok(Err(problems)) if problems.is_empty() => Err(Refusal::not_found()),
        Ok(Err(problems)) => Err(Refusal::Problems(problems.to_vec())),
        Err(err) => Err(transient(err)),
    }
}

/// `GET …/preview/{version}/{paper}/canh-bao`: what a person should check
/// in that paper (certificate boxes at their smallest size).
async fn warnings(app: &App, id: i64, version: i64, part: Part, paper: &str, query: &PrintQuery, lang: Lang) -> Answer {
    let version = load_version(app, id, Some(version)).await?;
    let print = print_options(app, query).await?;
    let output = match app.renderer.part(&version, part, Format::Pdf, &print).await {
        Ok(Ok(output)) => output,
        Ok(Err(problems)) => return Err(Refusal::Problems(problems.to_vec())),
        Err(err) => return Err(transient(err)),
    };
    // Certificates of group N warn at khen_thuong[N-1]….
    let group = match Paper::parse(paper) {
        Some(Paper::Certificates(index)) => Some(format!("khen_thuong[{index}]")),
        _ => None,
    };
    let warnings: Vec<ProblemJson> = output
        .warnings
        .iter()
        .filter(|w| group.as_ref().is_none_or(|g| w.path.starts_with(g.as_str())))
        .map(|w| w.in_lang(lang))
        .collect();
    Ok(Json(json!({ "problems": warnings })).into_response())
}

/// `POST /api/conferences/{id}/lists` (multipart: the list file, `nhom`
/// = the award group from 0, `trang` = a sheet name, `nhan=1` to accept):
/// how the list reads in that group — problems, and the recipients as read
/// — and, when accepted and valid, a new version using it.
pub(crate) async fn list_upload(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Clerk(lang): Clerk,
    headers: HeaderMap,
    multipart: Multipart,
) -> Answer {
    let expected = api::if_match(&headers)?;
    let upload = upload::read(multipart, &[FileKind::Csv, FileKind::Xlsx]).await?;
    let Some((name, bytes)) = upload.files.into_iter().next() else {
        return Err(workspace_problem(
            "",
            WorkspaceKind::UploadType { name: String::new(), expected: ".xlsx, .csv".into() },
        ));
    };
    let group: usize = upload.fields.get("nhom").and_then(|g| g.parse().ok()).unwrap_or(0);
    let reference = match upload.fields.get("trang").filter(|s| !s.is_empty()) {
        Some(sheet) => format!("{name}#{sheet}"),
        None => name.clone(),
    };
    let current = load_version(&app, id, Some(expected)).await?;
    let mut tree = super::yaml_form::stored(&current.yaml);
    let Some(slot) = tree.get_mut("khen_thuong").and_then(|g| g.item_mut(group)).and_then(|g| g.as_mapping_mut())
    else {
        return Err(Refusal::not_found());
    };
    slot.remove("danh_sach");
    slot.insert("danh_sach_tep".into(), reference.into());
    let yaml = yaml_form::to_yaml(&tree);
    let accept = upload.fields.get("nhan").is_some_and(|v| v == "1");
    if accept {
        let author = caller.as_ref().map_or_else(|| "(máy này)".to_string(), Caller::author);
        let save = api::Save { expected, yaml, added: vec![(name, bytes)], author, note: "Danh sách", lang };
        return api::save_yaml(&app, id, save).await;
    }
    let mut files: Vec<StoredFile> = current.files.iter().filter(|f| f.name != name).cloned().collect();
    files.push(StoredFile { name: name.clone(), bytes: Arc::new(bytes) });
    let (input, problems) = api::check_all(&app, id, yaml, files).await?;
    let recipients =
        input.as_ref().and_then(|i| i.khen_thuong.get(group)).map(|g| g.danh_sach.clone()).unwrap_or_default();
    let count = |kind: crate::input::LoaiNguoiNhan| recipients.iter().filter(|r| r.loai == kind).count();
    Ok((
        StatusCode::OK,
        Json(json!({
            "ok": !has_errors(&problems),
            "file": name,
            "problems": shown(&problems, lang),
            "tap_the": count(crate::input::LoaiNguoiNhan::TapThe),
            "ca_nhan": count(crate::input::LoaiNguoiNhan::CaNhan),
            "recipients": recipients,
            "papers": input.as_ref().map(check::papers).unwrap_or_default(),
        })),
    )
        .into_response())
}
