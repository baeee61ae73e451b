//! The proposals page (`/de-nghi`): what came in to the caller's unit from
//! the units under it — by unit and status, each with its tờ trình and
//! list, and the forms to return one with a reason or accept it into one of
//! her unit's conferences — and what her units sent, with the reason of a
//! returned one; and a form to send a conference's proposal up.

use std::sync::Arc;

use axum::extract::{Extension, State};
use serde_json::{json, Value};

use super::{shell, templates};
use crate::app::serve::answer::Answer;
use crate::app::serve::app::App;
use crate::app::serve::auth::Caller;
use crate::app::serve::proposals::visible_list;
use crate::app::serve::store::{proposals, units};

pub(super) async fn page(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let listed = visible_list(&app, &caller).await?;
    let scope = crate::app::serve::auth::scope(&caller);
    // Her unit's own conferences: where a proposal is accepted, and what she sends.
    let own = scope.as_ref().map(|scope| units::Scope { reach: vec![scope.unit], ..scope.clone() });
    let conferences = app.db(move |db| units::conferences(db, own.as_ref(), false)).await?;
    let unit = scope.as_ref().map(|scope| scope.unit);
    // Where her unit's proposals go: the unit above it (none above a root,
    // the province itself, whose send the server would refuse).
    let above = match unit {
        Some(unit) => app.db(move |db| proposals::parent_of(db, unit)).await?.map(|(_, name)| name),
        None => None,
    };
    // Sending is editing her conference: a văn thư's work (or the office's).
    let sends = scope.as_ref().is_none_or(|scope| scope.role == units::Role::Clerk && above.is_some());
    let unit_name = scope.as_ref().map(|scope| scope.unit_name.clone()).unwrap_or_default();
    let mut shown = context(&caller, listed, &conferences, unit, &unit_name);
    shown["gui_duoc"] = json!(sends);
    shown["cap_tren"] = json!(above);
    Ok(templates::render("de-nghi", &shown))
}

/// The page's context: proposals sent to her unit (`den`, the waiting ones
/// with their forms) and sent by her units (`di`); the office sees every
/// proposal under `den`.
pub(super) fn context(
    caller: &Option<Caller>,
    listed: Vec<Value>,
    conferences: &[(crate::app::serve::store::conferences::Summary, Option<i64>)],
    unit: Option<i64>,
    unit_name: &str,
) -> Value {
    let to_me = |p: &Value| unit.is_none() || p["gui_toi_id"].as_i64() == unit;
    let (mut incoming, mut outgoing) = (Vec::new(), Vec::new());
    for mut proposal in listed {
        let waiting = proposal["trang_thai"] == "gui";
        if to_me(&proposal) {
            proposal["cho_xu_ly"] = json!(waiting);
            incoming.push(proposal);
        } else {
            proposal["cho_xu_ly"] = json!(false);
            outgoing.push(proposal);
        }
    }
    // The units that sent, in the order they first appear, each with its proposals.
    let mut by_unit: Vec<(String, Vec<Value>)> = Vec::new();
    for proposal in incoming {
        let from = proposal["tu_don_vi"].as_str().unwrap_or_default().to_string();
        match by_unit.iter_mut().find(|(name, _)| *name == from) {
            Some((_, list)) => list.push(proposal),
            None => by_unit.push((from, vec![proposal])),
        }
    }
    let incoming: Vec<Value> = by_unit
        .into_iter()
        .map(|(name, list)| json!({ "don_vi": if name.is_empty() { "Không thuộc đơn vị nào".to_string() } else { name }, "de_nghi": list }))
        .collect();
    let conferences: Vec<Value> = conferences.iter().map(|(c, _)| json!({ "id": c.id, "ten": c.name })).collect();
    json!({
        "khung": shell("Đề nghị khen thưởng", caller, "/de-nghi"),
        "don_vi": unit_name,
        "den": incoming,
        "di": outgoing,
        "hoi_nghi": conferences,
        "gui_duoc": true,
    })
}
