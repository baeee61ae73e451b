//! A conference's page: the form (or its YAML) beside the live preview,
//! the downloads and "Ban hành", and the history of versions — an older
//! version opens read-only, with the way to restore it.

use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};

use crate::app::serve::answer::{Answer, Refusal};
use serde_json::{json, Value};

use super::{form, shell, templates};
use crate::app::serve::api::{check_all, load_version, VersionQuery};
use crate::app::serve::app::App;
use crate::app::serve::auth::Caller;
use crate::app::serve::check::ProblemJson;
use crate::app::serve::store::db::DbError;
use crate::app::serve::store::reach::Role;
use crate::app::serve::store::{conferences, drafts, users};
use crate::input::Input;

use crate::pack::Paper;

async fn loaded(
    app: &Arc<App>,
    id: i64,
    version: Option<i64>,
) -> Result<(Arc<conferences::Version>, Option<Input>, Vec<ProblemJson>), Refusal> {
    let version = load_version(app, id, version).await?;
    let (input, problems) = check_all(app, id, version.yaml.clone(), version.files.clone()).await?;
    Ok((version, input, problems))
}

/// The draft the form holds over the newest version (typed, not yet
/// valid): its YAML, the input when it reads, and its problems.
pub(super) struct DraftShown {
    pub yaml: String,
    pub input: Option<Input>,
    pub problems: Vec<ProblemJson>,
}

/// The draft of `version` when it is the newest and has one.
async fn draft_of(app: &Arc<App>, version: &conferences::Version) -> Result<Option<DraftShown>, Refusal> {
    if version.version != version.latest {
        return Ok(None);
    }
    let id = version.conference;
    let Some(draft) = app.db(move |connection| drafts::get(connection, id)).await? else { return Ok(None) };
    let (input, problems) = check_all(app, id, draft.yaml.clone(), version.files.clone()).await?;
    Ok(Some(DraftShown { yaml: draft.yaml, input, problems }))
}

/// `GET /hoi-nghi/{id}/bieu-mau`: the form alone, redrawn after a change of shape.
pub(super) async fn form_fragment(
    State(app): State<Arc<App>>,
    Path(id): Path<i64>,
    Query(query): Query<VersionQuery>,
) -> Answer {
    let (version, input, _) = loaded(&app, id, query.phien_ban).await?;
    let draft = draft_of(&app, &version).await?;
    let context = match &draft {
        Some(draft) => form::form(&super::super::yaml_form::stored(&draft.yaml), draft.input.as_ref()),
        None => form::form(&super::super::yaml_form::stored(&version.yaml), input.as_ref()),
    };
    Ok(templates::render("bieu-mau", &context))
}

/// `GET /hoi-nghi/{id}`: the conference's page.
pub(super) async fn page(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Path(id): Path<i64>,
    Query(query): Query<VersionQuery>,
) -> Answer {
    let (version, input, problems) = loaded(&app, id, query.phien_ban).await?;
    let draft = draft_of(&app, &version).await?;
    let unit = caller.as_ref().and_then(Caller::unit);
    let (history, printers) = app
        .db(move |connection| -> Result<_, DbError> {
            Ok((conferences::history(connection, id)?, users::printers(connection, unit)?))
        })
        .await?;
    let context = page_context(&caller, &version, input.as_ref(), problems, &history, &printers);
    Ok(templates::render("hoi-nghi", &with_draft(context, draft.as_ref())))
}

/// The page shows the draft in the form and the YAML tab, with its
/// problems; the papers stay those of the version.
pub(super) fn with_draft(mut context: Value, draft: Option<&DraftShown>) -> Value {
    let Some(draft) = draft else { return context };
    let tree = super::super::yaml_form::stored(&draft.yaml);
    context["bieu_mau"] = form::form(&tree, draft.input.as_ref());
    context["yaml"] = Value::String(draft.yaml.clone());
    context["nhap"] = Value::Bool(true);
    context["du_lieu"]["problems"] = json!(draft.problems);
    context["du_lieu"]["draft"] = Value::Bool(true);
    context
}

/// The conference page's context: the version shown (`cu`: an older one),
/// the form, the YAML, the downloads, the printers, the history and the
/// data the page's script reads.
pub(super) fn page_context(
    caller: &Option<Caller>,
    version: &conferences::Version,
    input: Option<&Input>,
    problems: Vec<ProblemJson>,
    history: &[conferences::HistoryEntry],
    printers: &[users::Printer],
) -> Value {
    let tree = super::super::yaml_form::stored(&version.yaml);
    let papers = input.map(crate::app::serve::check::papers).unwrap_or_default();
    let old = version.version != version.latest;
    // What her role does here (the server refuses the rest anyway): a
    // leader or the province reads the form as an old version is read.
    let role = crate::app::serve::auth::scope(caller).map(|scope| scope.role);
    let may_edit = role.is_none_or(|role| role == Role::Clerk);
    let may_issue = role.is_none_or(|role| role == Role::Leader);
    let data = json!({
        "id": version.conference,
        "version": version.version,
        "latest": version.latest,
        "old": old || !may_edit,
        "papers": papers,
        "problems": problems,
    });
    let papers_shown: Vec<Value> = papers
        .iter()
        .map(|paper| {
            let Some(known) = Paper::parse(paper) else { return json!({ "ma": paper, "ten": paper, "lien_ket": [] }) };
            let links: Vec<Value> = known
                .formats()
                .iter()
                .map(|f| json!({ "dinh_dang": f.extension(), "ten": f.extension().to_uppercase() }))
                .collect();
            json!({ "ma": paper, "ten": known.title(), "lien_ket": links })
        })
        .collect();
    let history: Vec<Value> = history
        .iter()
        .map(
            |entry| json!({ "phien_ban": entry.version, "luc": entry.time, "nguoi": entry.author, "cach": entry.note }),
        )
        .collect();
    let printers: Vec<Value> = printers
        .iter()
        .map(|printer| {
            json!({
                "ten": printer.name,
                "lech_x": format!("{:+.1}", printer.offset_x),
                "lech_y": format!("{:+.1}", printer.offset_y),
                "ty_le": printer.scale.to_string(),
            })
        })
        .collect();
    json!({
        "khung": shell(&version.name, caller, "/hoi-nghi"),
        "ma": version.conference,
        "ten": version.name,
        "phien_ban": version.version,
        "moi_nhat": version.latest,
        "cu": old,
        "chi_xem": !may_edit && !old,
        "co_the_ban_hanh": may_issue,
        "bieu_mau": form::form(&tree, input),
        "yaml": version.yaml,
        "giay": papers_shown,
        "may_in": printers,
        "lich_su": history,
        "du_lieu": data,
    })
}
