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
use crate::app::serve::store::units;

pub(super) async fn page(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let listed = visible_list(&app, &caller).await?;
    let scope = crate::app::serve::auth::scope(&caller);
    // Her unit's own conferences: where a proposal is accepted, and what she sends.
    let own = scope.as_ref().map(|scope| units::Scope { reach: vec![scope.unit], ..scope.clone() });
    let conferences = app.db(move |db| units::conferences(db, own.as_ref(), false)).await?;
    let unit = scope.as_ref().map(|scope| scope.unit);
    // A conference is sent to the unit above its own: none above a root
    // unit (the province itself) or a conference of no unit (the one
    // office), whose send the server would refuse — no form offers it.
    let all = app.db(units::list).await?;
    let above = |unit: Option<i64>| {
        let parent = all.iter().find(|u| Some(u.id) == unit)?.parent?;
        all.iter().find(|u| u.id == parent).map(|u| u.name.clone())
    };
    let sendable: Vec<Value> = conferences
        .iter()
        .filter(|(_, unit)| above(*unit).is_some())
        .map(|(c, _)| json!({ "id": c.id, "ten": c.name }))
        .collect();
    // Sending is editing her conference: a văn thư's work (or the office's).
    let sends = scope.as_ref().is_none_or(|scope| scope.role == units::Role::Clerk) && !sendable.is_empty();
    let unit_name = scope.as_ref().map(|scope| scope.unit_name.clone()).unwrap_or_default();
    let mut shown = context(&caller, listed, &conferences, unit, &unit_name);
    shown["gui_duoc"] = json!(sends);
    shown["hoi_nghi_gui"] = json!(sendable);
    shown["cap_tren"] = json!(unit.and_then(|_| above(unit)).unwrap_or_default());
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
        "hoi_nghi_gui": conferences,
        "cap_tren": "",
    })
}
