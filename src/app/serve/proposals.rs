//! Proposals sent up, the workspace's side: a unit's clerk sends an award
//! group of her conference (its tờ trình and list, as the version she sends
//! holds them) to the unit above; that unit sees what came in, returns a
//! proposal with a reason or accepts it into one of its own conferences'
//! award groups — the recipients appended to that group's list as a new
//! version, each keeping who proposed it, so the decision says «Xét đề
//! nghị của …». Who may do what: the sending unit's văn thư sends (the
//! access gate's rule for editing her conference); only the receiving unit
//! handles, and a proposal is seen by the units that sent or received it
//! and by no one else (404, as for what does not exist).

use std::sync::Arc;

use axum::extract::{Extension, Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use super::answer::{Answer, Refusal};
use super::api::{check_all, load_version, workspace_problem};
use super::app::App;
use super::auth::Caller;
use super::check::{self, has_errors};
use super::render::Print;
use super::store::conferences;
use super::store::db::{DbError, Finish};
use super::store::proposals::{self, Proposal, Sent, Status};
use super::store::units;
use super::{merge_fields, yaml_form};
use crate::diag::{ProposalTrouble, WorkspaceKind};
use crate::input::yaml::{Node, Value};
use crate::pack::{DocKind, FileFormat, Format, Paper};
use crate::words::awards;

pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/conferences/{id}/proposals", post(send))
        .route("/api/proposals", get(list))
        .route("/api/proposals/{proposal}/files/{name}", get(file))
        .route("/api/proposals/{proposal}/return", post(give_back))
        .route("/api/proposals/{proposal}/accept", post(accept))
}

fn author(caller: &Option<Caller>) -> String {
    caller.as_ref().map_or_else(|| "(máy này)".to_string(), Caller::author)
}

fn trouble(kind: ProposalTrouble) -> Refusal {
    workspace_problem("", WorkspaceKind::Proposal(kind))
}

#[derive(Deserialize)]
struct SendAsked {
    /// The award group, counted from 1 as the papers are (`to-trinh-1`).
    nhom: usize,
}

/// `POST /api/conferences/{id}/proposals` `{"nhom"}`: the group's tờ trình
/// and list, as the newest version holds them, sent to the unit above the
/// conference's; 201 `{"id"}`.
async fn send(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Json(asked): Json<SendAsked>,
) -> Answer {
    let version = load_version(&app, id, None).await?;
    let (input, problems) = check_all(&app, id, version.yaml.clone(), version.files.clone()).await?;
    let Some(input) = input.filter(|_| !has_errors(&problems)) else { return Err(Refusal::Problems(problems)) };
    let group = asked.nhom.checked_sub(1).filter(|g| *g < input.khen_thuong.len());
    let Some((group, proposed)) = group.and_then(|g| Some((g, input.khen_thuong[g].to_trinh.as_ref()?))) else {
        return Err(trouble(ProposalTrouble::NotProposed(asked.nhom)));
    };
    let from_unit = app.db(move |db| units::conference_unit(db, id)).await?.flatten();
    let to = match from_unit {
        Some(unit) => app.db(move |db| proposals::parent_of(db, unit)).await?,
        None => None,
    };
    let Some((to_unit, _)) = to else { return Err(trouble(ProposalTrouble::NoUnitAbove)) };
    let award = &input.khen_thuong[group];
    let proposer = crate::documents::proposal::proposer(&input, proposed);
    let summary = format!(
        "{} của {}: {}",
        award.hinh_thuc.name(),
        awards::authority_in_sentence(award),
        awards::recipients_phrase(award)
    );
    let who = author(&caller);
    let conference_version = version.version;
    let sent = app
        .db(move |db| {
            let sent = Sent {
                conference: id,
                version: conference_version,
                group,
                from_unit,
                to_unit: Some(to_unit),
                proposer: &proposer,
                summary: &summary,
                author: &who,
            };
            proposals::send(db, &sent)
        })
        .await?;
    match sent {
        Ok(proposal) => Ok((StatusCode::CREATED, Json(json!({ "id": proposal }))).into_response()),
        Err(_) => Err(trouble(ProposalTrouble::Waiting)),
    }
}

/// Whether `caller` may see `proposal`: the office; the unit it was sent
/// to; a unit whose reach holds the unit that sent it.
fn sees(caller: &Option<Caller>, proposal: &Proposal) -> bool {
    match caller.as_ref().and_then(|c| c.scope.as_ref()) {
        None => true,
        Some(scope) => proposal.to_unit == Some(scope.unit) || scope.sees(proposal.from_unit),
    }
}

/// Whether `caller` handles `proposal` (returns or accepts it): the office,
/// or a user of the unit it was sent to.
fn handles(caller: &Option<Caller>, proposal: &Proposal) -> bool {
    match caller.as_ref().and_then(|c| c.scope.as_ref()) {
        None => true,
        Some(scope) => proposal.to_unit == Some(scope.unit),
    }
}

/// The proposal `id` as `caller` may see it; 404 otherwise.
async fn visible(app: &Arc<App>, caller: &Option<Caller>, id: i64) -> Result<Proposal, Refusal> {
    match app.db(move |db| proposals::get(db, id)).await? {
        Some(proposal) if sees(caller, &proposal) => Ok(proposal),
        _ => Err(Refusal::not_found()),
    }
}

/// The conference version `proposal` was sent from, even if the sender
/// has binned that conference since.
async fn sent_version(app: &Arc<App>, proposal: &Proposal) -> Result<Arc<conferences::Version>, Refusal> {
    let (id, version) = (proposal.conference, proposal.version);
    match app.db(move |db| conferences::load_sent(db, id, version)).await? {
        Some(version) => Ok(Arc::new(version)),
        None => Err(Refusal::not_found()),
    }
}

/// A proposal as the API and the page show it.
pub(crate) fn shown(proposal: &Proposal) -> serde_json::Value {
    let paper = Paper::Proposal(proposal.group).file(FileFormat::Pdf);
    json!({
        "id": proposal.id,
        "hoi_nghi": proposal.conference,
        "ten_hoi_nghi": proposal.conference_name,
        "phien_ban": proposal.version,
        "nhom": proposal.group + 1,
        "tu_don_vi": proposal.from_name,
        "gui_toi": proposal.to_name,
        "gui_toi_id": proposal.to_unit,
        "de_nghi_cua": proposal.proposer,
        "tom_tat": proposal.summary,
        "nguoi_gui": proposal.author,
        "luc_gui": super::store::local_time(proposal.created),
        "trang_thai": proposal.status,
        "trang_thai_chu": proposal.status.title(),
        "ly_do": proposal.reason,
        "nguoi_xu_ly": proposal.handled_by,
        "nhan_vao": proposal.into.map(|(c, g, v)| json!({ "hoi_nghi": c, "nhom": g + 1, "phien_ban": v })),
        "to_trinh": format!("/api/proposals/{}/files/{paper}", proposal.id),
    })
}

/// Every proposal `caller` sees, the newest first, as [`shown`].
pub(crate) async fn visible_list(app: &Arc<App>, caller: &Option<Caller>) -> Result<Vec<serde_json::Value>, Refusal> {
    let scope = caller.as_ref().and_then(|c| c.scope.clone());
    let found = app
        .db(move |db| {
            let (unit, reach) = match &scope {
                Some(scope) => (Some(scope.unit), Some(scope.reach.clone())),
                None => (None, None),
            };
            proposals::list(db, unit, reach.as_deref())
        })
        .await?;
    Ok(found.iter().map(shown).collect())
}

/// `GET /api/proposals`: those sent to the caller's unit and those sent by
/// the units she sees (all for the office).
async fn list(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    Ok(Json(visible_list(&app, &caller).await?).into_response())
}

/// `GET /api/proposals/{proposal}/files/{name}`: the tờ trình with its list
/// (`to-trinh-N.pdf` / `.docx`), made from the version it was sent from.
async fn file(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path((id, name)): Path<(i64, String)>,
) -> Answer {
    let proposal = visible(&app, &caller, id).await?;
    let paper = Paper::Proposal(proposal.group);
    let format = if name == paper.file(FileFormat::Pdf) {
        Format::Pdf
    } else if name == paper.file(FileFormat::Docx) {
        Format::Docx
    } else {
        return Err(Refusal::not_found());
    };
    let version = sent_version(&app, &proposal).await?;
    let output = match app.renderer.part(&version, DocKind::ToTrinh, format, &Print::default()).await {
        Ok(Ok(output)) => output,
        Ok(Err(problems)) => return Err(Refusal::Problems(problems.to_vec())),
        Err(err) => return Err(Refusal::internal(err.0)),
    };
    let Some(found) = output.files.iter().find(|f| f.entry.path == name) else { return Err(Refusal::not_found()) };
    let (kind, disposition) = match format {
        Format::Pdf => ("application/pdf", "inline"),
        Format::Docx => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment"),
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (header::CONTENT_DISPOSITION, format!("{disposition}; filename=\"{name}\"")),
            (header::CACHE_CONTROL, "private, no-cache".to_string()),
        ],
        found.bytes.clone(),
    )
        .into_response())
}

#[derive(Deserialize)]
struct ReturnAsked {
    #[serde(default)]
    ly_do: String,
}

/// `POST /api/proposals/{proposal}/return` `{"ly_do"}`: back to the unit
/// that sent it, with the reason it will read.
async fn give_back(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Json(asked): Json<ReturnAsked>,
) -> Answer {
    let proposal = visible(&app, &caller, id).await?;
    if !handles(&caller, &proposal) {
        return Err(trouble(ProposalTrouble::NotYours));
    }
    let reason = asked.ly_do.trim().to_string();
    if reason.is_empty() {
        return Err(trouble(ProposalTrouble::NoReason));
    }
    let by = author(&caller);
    match app.db(move |db| proposals::give_back(db, id, &reason, &by)).await? {
        Ok(()) => Ok(Json(json!({ "id": id, "trang_thai": Status::TraLai })).into_response()),
        Err(_) => Err(trouble(ProposalTrouble::Handled)),
    }
}

#[derive(Deserialize)]
struct AcceptAsked {
    /// The receiving unit's conference.
    hoi_nghi: i64,
    /// Its award group, from 1.
    nhom: usize,
}

/// The rows of award group `group` of `tree` with `recipients` appended,
/// each saying who proposed it; a list read from a file becomes rows first
/// (`read`: as it was read), as the form's «Sửa từng dòng» does.
fn appended(
    tree: &Node,
    group: usize,
    read: &[crate::input::NguoiNhan],
    recipients: &[crate::input::NguoiNhan],
    proposer: &str,
) -> Option<Vec<Node>> {
    let node = tree.get("khen_thuong")?.as_sequence()?.get(group)?;
    let mut rows: Vec<Node> = if node.get("danh_sach_tep").is_some() {
        read.iter().map(super::copy::recipient_row).collect()
    } else {
        node.get("danh_sach").and_then(|list| list.as_sequence()).cloned().unwrap_or_default()
    };
    for person in recipients {
        let mut row = super::copy::recipient_row(person);
        if let Some(fields) = row.as_mapping_mut() {
            // A number of the sender's register is not the receiver's.
            fields.remove("so_so");
            fields.insert(Node::from("de_nghi"), Node::from(proposer));
        }
        rows.push(row);
    }
    Some(rows)
}

/// `POST /api/proposals/{proposal}/accept` `{"hoi_nghi","nhom"}`: the
/// proposed recipients appended to that award group's list, each with who
/// proposed it (`de_nghi`), as a new version of that conference recorded
/// as the caller's; 200 `{"version"}`.
async fn accept(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Json(asked): Json<AcceptAsked>,
) -> Answer {
    let proposal = visible(&app, &caller, id).await?;
    if !handles(&caller, &proposal) {
        return Err(trouble(ProposalTrouble::NotYours));
    }
    if proposal.status != Status::Gui {
        return Err(trouble(ProposalTrouble::Handled));
    }
    // The receiving conference is one of the receiving unit's own.
    let target = asked.hoi_nghi;
    let Some(target_unit) = app.db(move |db| units::conference_unit(db, target)).await? else {
        return Err(Refusal::not_found());
    };
    if let Some(scope) = caller.as_ref().and_then(|c| c.scope.as_ref()) {
        // A conference she does not see is one that does not exist, as on
        // every route: «not yours» would tell her it is there.
        if !scope.sees(target_unit) {
            return Err(Refusal::not_found());
        }
        if target_unit != proposal.to_unit {
            return Err(trouble(ProposalTrouble::NotYours));
        }
    }
    // The recipients as the sent version lists them.
    let sent = sent_version(&app, &proposal).await?;
    let (sent_input, _) = check_all(&app, proposal.conference, sent.yaml.clone(), sent.files.clone()).await?;
    let Some(recipients) = sent_input.and_then(|input| Some(input.khen_thuong.get(proposal.group)?.danh_sach.clone()))
    else {
        return Err(Refusal::not_found());
    };
    let latest = load_version(&app, target, None).await?;
    let (target_input, _) = check_all(&app, target, latest.yaml.clone(), latest.files.clone()).await?;
    let group = asked.nhom.checked_sub(1);
    let read =
        group.and_then(|g| target_input.as_ref()?.khen_thuong.get(g)).map(|g| g.danh_sach.clone()).unwrap_or_default();
    let mut tree = yaml_form::stored(&latest.yaml);
    let rows = group.and_then(|g| appended(&tree, g, &read, &recipients, &proposal.proposer).map(|rows| (g, rows)));
    let Some((group, rows)) = rows else { return Err(trouble(ProposalTrouble::NoSuchGroup(asked.nhom))) };
    let path = format!("khen_thuong[{group}]");
    merge_fields::set_at(&mut tree, &format!("{path}.danh_sach_tep"), None);
    merge_fields::set_at(&mut tree, &format!("{path}.danh_sach"), Some(Node::new(Value::Sequence(rows))));
    let yaml = yaml_form::to_yaml(&tree);
    let (input, problems) = check_all(&app, target, yaml.clone(), latest.files.clone()).await?;
    let Some(input) = input.filter(|_| !has_errors(&problems)) else { return Err(Refusal::Problems(problems)) };
    let name = check::conference_name(&input);
    let (who, expected, from) = (author(&caller), latest.version, proposal.from_name.clone());
    let note =
        if from.is_empty() { "Nhận đề nghị".to_string() } else { format!("Nhận đề nghị của {from}") };
    let saved = app
        .db(move |db| {
            db.transaction_then(|tx| {
                let version = match conferences::save_in(tx, target, expected, &name, &yaml, &[], &who, &note)? {
                    Ok(version) => version,
                    Err(refused) => return Ok((Err(Some(refused)), Finish::RollBack)),
                };
                match proposals::mark_accepted(tx, id, &who, (target, group, version))? {
                    Ok(()) => Ok::<_, DbError>((Ok(version), Finish::Commit)),
                    // Handled meanwhile by someone else: the version is not kept.
                    Err(_) => Ok((Err(None), Finish::RollBack)),
                }
            })
        })
        .await?;
    match saved {
        Ok(version) => {
            Ok(([(header::ETAG, format!("\"{version}\""))], Json(json!({ "version": version }))).into_response())
        }
        Err(Some(refused)) => Err(refused.into()),
        Err(None) => Err(trouble(ProposalTrouble::Handled)),
    }
}
