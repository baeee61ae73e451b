//! The office's own pages: the award register (search every award issued
//! here, the counters numbers are drawn from, awards per year), summaries
//! over several conferences, and the printer profiles.

use std::sync::Arc;

use crate::app::serve::answer::Answer;
use axum::extract::{Extension, State};
use serde_json::{json, Value};

use super::{shell, templates};
use crate::app::serve::app::App;
use crate::app::serve::auth::Caller;
use crate::app::serve::store::db::DbError;
use crate::app::serve::store::{conferences, invitations, register, units, users};

fn register_name(register: &str) -> String {
    match register {
        register::DECISIONS => "Số quyết định".into(),
        invitations::INVITATIONS => "Số giấy mời".into(),
        "so_vang_bang_khen" => "Sổ vàng bằng khen".into(),
        "so_vang_giay_khen" => "Sổ vàng giấy khen".into(),
        other => other.into(),
    }
}

fn award_name(award: &str) -> &str {
    match award {
        "bang_khen" => "Bằng khen",
        "giay_khen" => "Giấy khen",
        other => other,
    }
}

pub(super) async fn register_page(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let scope = crate::app::serve::auth::scope(&caller);
    let (counters, yearly) = app
        .db(move |connection| -> Result<_, DbError> {
            let mut counters = Vec::new();
            for counter in register::counters(connection, scope.as_ref())? {
                let highest = register::highest_issued(connection, &counter.key)?;
                counters.push((counter, highest));
            }
            Ok((counters, register::yearly_counts(connection, scope.as_ref())?))
        })
        .await?;
    Ok(templates::render("so-dang-ky", &register_context(&caller, &counters, yearly)))
}

/// The register page's context: awards per year and award (collectives and
/// people apart), and the counters with the highest number each has issued
/// (the lowest its last number may be set to).
pub(super) fn register_context(
    caller: &Option<Caller>,
    counters: &[(register::Counter, i64)],
    yearly: Vec<(i32, String, String, i64)>,
) -> Value {
    let mut rows: Vec<(i32, String, i64, i64)> = Vec::new();
    for (year, award, kind, count) in yearly {
        let index = match rows.iter().position(|r| r.0 == year && r.1 == award) {
            Some(index) => index,
            None => {
                rows.push((year, award.clone(), 0, 0));
                rows.len() - 1
            }
        };
        if kind == "tap_the" {
            rows[index].2 += count;
        } else {
            rows[index].3 += count;
        }
    }
    let yearly: Vec<Value> = rows
        .iter()
        .map(|(year, award, collectives, people)| {
            json!({ "nam": year, "hinh_thuc": award_name(award), "tap_the": collectives, "ca_nhan": people })
        })
        .collect();
    let counters: Vec<Value> = counters
        .iter()
        .map(|(counter, highest)| {
            json!({
                "so": register_name(&counter.key.register),
                "co_quan": counter.key.body,
                "nam": counter.key.year,
                "so_cuoi": counter.last,
                "do_dai": counter.width,
                "da_ban_hanh": if *highest > 0 { highest.to_string() } else { "–".to_string() },
            })
        })
        .collect();
    // Counters are set by who issues (the server refuses the others anyway).
    let sets_counters = crate::app::serve::auth::scope(caller).is_none_or(|scope| scope.role == units::Role::Leader);
    json!({
        "khung": shell("Sổ đăng ký", caller, "/so-dang-ky"),
        "theo_nam": yearly,
        "bo_dem": counters,
        "dat_bo_dem": sets_counters,
    })
}

pub(super) async fn summary_page(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let scope = crate::app::serve::auth::scope(&caller);
    let (list, all) = app
        .db(move |connection| -> Result<_, DbError> {
            Ok((units::conferences(connection, scope.as_ref(), false)?, units::list(connection)?))
        })
        .await?;
    let list: Vec<conferences::Summary> = list.into_iter().map(|(conference, _)| conference).collect();
    // The units she may summarise: her reach (the office: every unit).
    let scope = crate::app::serve::auth::scope(&caller);
    let reach: Vec<units::Unit> = match &scope {
        Some(scope) => scope.reach.iter().filter_map(|id| all.iter().find(|unit| unit.id == *id).cloned()).collect(),
        None => all,
    };
    Ok(templates::render("tong-hop", &summary_context(&caller, &list, &reach)))
}

pub(super) fn summary_context(caller: &Option<Caller>, list: &[conferences::Summary], reach: &[units::Unit]) -> Value {
    let list: Vec<Value> =
        list.iter().map(|conference| json!({ "ma": conference.id, "ten": conference.name })).collect();
    let reach: Vec<Value> = reach.iter().map(|unit| json!({ "ma": unit.id, "ten": unit.name })).collect();
    json!({ "khung": shell("Tổng hợp", caller, "/tong-hop"), "hoi_nghi": list, "don_vi": reach })
}

pub(super) async fn printers_page(State(app): State<Arc<App>>, Extension(caller): Extension<Option<Caller>>) -> Answer {
    let unit = caller.as_ref().and_then(Caller::unit);
    let printers = app.db(move |connection| users::printers(connection, unit)).await?;
    Ok(templates::render("may-in", &printers_context(&caller, &printers)))
}

pub(super) fn printers_context(caller: &Option<Caller>, printers: &[users::Printer]) -> Value {
    let printers: Vec<Value> = printers
        .iter()
        .map(|printer| {
            json!({
                "ten": printer.name,
                "lech_x": printer.offset_x.to_string(),
                "lech_y": printer.offset_y.to_string(),
                "ty_le": printer.scale.to_string(),
            })
        })
        .collect();
    json!({ "khung": shell("Máy in", caller, "/may-in"), "may_in": printers })
}
