//! `POST /api/summary`: the summary papers of some conferences over a
//! range, as a ZIP — with the summary's own issuer, number, place, signer,
//! programme, charted indicators and indicator map. A summary by another
//! body than the conferences' (a district over its wards) must say its own
//! place and signer: it never takes them from the first ward.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;

use super::answer::{Answer, Refusal};
use super::api::{load_version, workspace_problem};
use super::app::App;
use super::auth::Caller;
use super::check::ProblemJson;
use super::store::units;
use super::stored;
use crate::diag::{Failure, Lang, OwnField, WorkspaceKind};
use crate::documents::summary::{SummaryOwn, SummaryRequest};
use crate::input::{NguoiKy, Source, Stored};
use crate::pack::output::OutputFile;

pub(crate) fn routes() -> axum::Router<Arc<App>> {
    axum::Router::new().route("/api/summary", axum::routing::post(summary))
}

/// The signer the summary page names.
#[derive(serde::Deserialize, Default)]
pub(crate) struct SignerAsk {
    #[serde(default)]
    the_thuc: String,
    #[serde(default)]
    chuc_vu: String,
    #[serde(default)]
    cap_bac: String,
    #[serde(default)]
    ho_ten: String,
}

#[derive(serde::Deserialize)]
pub(crate) struct SummaryAsk {
    /// Conferences chosen one by one…
    #[serde(default)]
    conferences: Vec<i64>,
    /// …or units (`don_vi`): each one's newest conference in the workspace.
    #[serde(default)]
    don_vi: Vec<i64>,
    from: i32,
    to: i32,
    #[serde(default)]
    co_quan: Option<String>,
    #[serde(default)]
    ngay: Option<String>,
    #[serde(default)]
    so_ky_hieu: String,
    #[serde(default)]
    dia_danh: String,
    #[serde(default)]
    nguoi_ky: SignerAsk,
    #[serde(default)]
    chuong_trinh_so: String,
    #[serde(default)]
    chuong_trinh_ten: String,
    /// Indicator codes to chart, separated by commas or spaces.
    #[serde(default)]
    bieu_do: String,
    /// The text of a `chi-tieu.yaml` (which indicators are one).
    #[serde(default)]
    chi_tieu: String,
}

/// The name the indicator map is read under (messages name it).
const MAP_NAME: &str = "chi-tieu.yaml";

fn given(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

/// What the summary says of itself; or, for another body's summary, the
/// fields it lacks (in the clerk's words).
fn own(ask: &SummaryAsk) -> Result<SummaryOwn, Vec<OwnField>> {
    let signer = &ask.nguoi_ky;
    let nguoi_ky = match (given(&signer.chuc_vu), given(&signer.ho_ten)) {
        (Some(chuc_vu), Some(ho_ten)) => {
            Some(NguoiKy { the_thuc: given(&signer.the_thuc), chuc_vu, cap_bac: given(&signer.cap_bac), ho_ten })
        }
        _ => None,
    };
    let another_body = ask.co_quan.as_deref().is_some_and(|c| !c.trim().is_empty());
    let mut missing = Vec::new();
    if another_body || given(&signer.chuc_vu).is_some() || given(&signer.ho_ten).is_some() {
        if given(&signer.chuc_vu).is_none() {
            missing.push(OwnField::SignerTitle);
        }
        if given(&signer.ho_ten).is_none() {
            missing.push(OwnField::SignerName);
        }
    }
    if another_body && given(&ask.dia_danh).is_none() {
        missing.push(OwnField::Place);
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    let programme = match (given(&ask.chuong_trinh_so), given(&ask.chuong_trinh_ten)) {
        (Some(so), Some(ten)) => Some((so, ten)),
        _ => None,
    };
    Ok(SummaryOwn {
        so_ky_hieu: given(&ask.so_ky_hieu),
        dia_danh: given(&ask.dia_danh),
        nguoi_ky,
        chuong_trinh: programme,
    })
}

/// A date as a clerk types it, "20/12/2023" (or "2023-12-20").
fn clerk_date(text: &str) -> Option<crate::text::vn::Date> {
    let parts: Vec<&str> = text.split('/').map(str::trim).collect();
    match parts[..] {
        [day, month, year] if year.len() == 4 && day.len() <= 2 && month.len() <= 2 => {
            crate::text::vn::Date::parse(&format!("{year}-{month:0>2}-{day:0>2}"))
        }
        _ => crate::text::vn::Date::parse(text),
    }
}

/// The newest conference of each of `chosen` units, which must be units she
/// sees (the office: any unit); a unit she does not see reads as unknown.
async fn of_units(app: &Arc<App>, scope: Option<&units::Scope>, chosen: &[i64]) -> Result<Vec<i64>, Refusal> {
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    let all = app.db(units::list).await?;
    let mut named = Vec::new();
    for id in chosen {
        let unit = all.iter().find(|unit| unit.id == *id && scope.is_none_or(|scope| scope.reach.contains(id)));
        match unit {
            Some(unit) => named.push(unit.clone()),
            None => return Err(workspace_problem("don_vi", WorkspaceKind::UnitNotSeen(*id))),
        }
    }
    let ids: Vec<i64> = named.iter().map(|unit| unit.id).collect();
    let newest = app.db(move |connection| units::newest_conferences(connection, &ids)).await?;
    newest
        .into_iter()
        .zip(&named)
        .map(|(conference, unit)| {
            conference
                .ok_or_else(|| workspace_problem("don_vi", WorkspaceKind::UnitWithoutConference(unit.name.clone())))
        })
        .collect()
}

/// `POST /api/summary`: the summary papers of some conferences over a range, as a ZIP.
pub(crate) async fn summary(
    State(app): State<Arc<App>>,
    Extension(caller): Extension<Option<Caller>>,
    Json(mut ask): Json<SummaryAsk>,
) -> Answer {
    let scope = super::auth::scope(&caller);
    ask.conferences.extend(of_units(&app, scope.as_ref(), &ask.don_vi).await?);
    if ask.conferences.is_empty() {
        return Err(workspace_problem("conferences", WorkspaceKind::NoConference));
    }
    let own = match own(&ask) {
        Ok(own) => own,
        Err(missing) => return Err(workspace_problem("", WorkspaceKind::SummaryNeedsOwn(missing))),
    };
    let mut versions = Vec::new();
    for id in &ask.conferences {
        // Another unit's conference is one she does not have, as on every route.
        let (looked_up, seen) = (*id, scope.clone());
        let unit = app.db(move |connection| units::conference_unit(connection, looked_up)).await?;
        if seen.is_some_and(|scope| !unit.is_some_and(|unit| scope.sees(unit))) {
            return Err(workspace_problem("conferences", WorkspaceKind::UnknownConference(*id)));
        }
        match load_version(&app, *id, None).await {
            Ok(version) => versions.push(version),
            Err(_) => return Err(workspace_problem("conferences", WorkspaceKind::UnknownConference(*id))),
        }
    }
    let ngay = match ask.ngay.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(text) => match clerk_date(text) {
            Some(date) => Some(date),
            None => return Err(workspace_problem("ngay", WorkspaceKind::FormDate(text.to_string()))),
        },
        None => None,
    };
    let chart: Vec<String> = ask
        .bieu_do
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    let metric_map = given(&ask.chi_tieu).map(|text| {
        let stored = Stored::new(Vec::new()).with(MAP_NAME, text.into_bytes());
        Source::new(Arc::new(stored), MAP_NAME)
    });
    let (from, to) = (ask.from, ask.to);
    let made = tokio::task::spawn_blocking(move || -> std::io::Result<Result<Vec<u8>, Vec<ProblemJson>>> {
        let inputs = versions.iter().map(|version| {
            stored::named(&format!("hoi-nghi-{}.yaml", version.conference), &version.yaml, &version.files)
        });
        let request = SummaryRequest {
            inputs: inputs.collect(),
            from,
            to,
            co_quan: ask.co_quan.filter(|c| !c.trim().is_empty()),
            chart,
            ngay,
            templates: None,
            metric_map,
            own,
        };
        let bare = |problem: &crate::diag::Problem| ProblemJson::new(problem, Lang::Vi);
        // The same papers `baocao summary` writes, made in memory.
        let rendered = match crate::pack::render_summary(&request, false) {
            Ok(rendered) => rendered,
            Err(Failure::Input(problems)) => return Ok(Err(problems.iter().map(bare).collect())),
            Err(failure) => return Err(std::io::Error::other(failure.message(Lang::Vi))),
        };
        let files: Vec<&OutputFile> = rendered.files.iter().collect();
        super::files::zip_files(&rendered.manifest.input, &files).map(Ok).map_err(std::io::Error::other)
    })
    .await;
    match made {
        Ok(Ok(Ok(bytes))) => Ok((
            [
                (header::CONTENT_TYPE, "application/zip".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"tong-hop-{from}-{to}.zip\"")),
            ],
            bytes,
        )
            .into_response()),
        Ok(Ok(Err(problems))) => Err(Refusal::Problems(problems)),
        Ok(Err(err)) => Err(Refusal::internal(err)),
        Err(err) => Err(Refusal::internal(err)),
    }
}
