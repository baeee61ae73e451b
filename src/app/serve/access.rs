//! Who of a unit may do what, route by route: one table names the rule of
//! every route the server has (a test compares it with every `.route(` of
//! the server, so a new route without a rule fails the build's tests), and
//! one gate applies it to every request after sign-in. Another unit's
//! conference answers 404 — exactly as a conference that does not exist, so
//! its existence is not told — and an action her role does not allow on her
//! own unit's conference answers 403 with a sentence. A caller of no unit
//! (the one office) passes untouched.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;

use super::answer::{Action, Answer, Refusal, Said};
use super::app::App;
use super::auth::Caller;
use super::store::units::{self, Role};

/// What a route asks of a unit's user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Signing in, the session, the sign-in page and its assets.
    Public,
    /// Shared by the office (printer profiles, the calibration sheet,
    /// the server's status): no conference in it.
    Office,
    /// A list or search the handler narrows to what the caller sees.
    Narrowed,
    /// Makes a new conference in her unit: văn thư.
    Create,
    /// Reads conference `{id}`: anyone who sees it.
    Read,
    /// Changes conference `{id}`: văn thư of its unit.
    Edit,
    /// Issues conference `{id}` ("Ban hành"): lãnh đạo of its unit.
    Issue,
    /// Sets a register's counter (where "Ban hành" numbers from): lãnh đạo.
    Counter,
}

/// Every route of the server, its method and its rule. `{id}` is always a
/// conference's id.
pub(crate) const ROUTES: &[(&str, &str, Rule)] = &[
    ("POST", "/api/login", Rule::Public),
    ("GET", "/api/session", Rule::Public),
    ("POST", "/api/logout", Rule::Public),
    ("GET", "/api/conferences", Rule::Narrowed),
    ("POST", "/api/conferences", Rule::Create),
    ("POST", "/api/sample", Rule::Create),
    ("GET", "/api/conferences/{id}", Rule::Read),
    ("PUT", "/api/conferences/{id}", Rule::Edit),
    ("GET", "/api/conferences/{id}/versions", Rule::Read),
    ("GET", "/api/conferences/{id}/issue", Rule::Read),
    ("POST", "/api/conferences/{id}/issue", Rule::Issue),
    ("GET", "/api/awards", Rule::Narrowed),
    ("GET", "/api/awards.xlsx", Rule::Narrowed),
    ("GET", "/api/counters", Rule::Office),
    ("PUT", "/api/counters", Rule::Counter),
    ("GET", "/api/printers", Rule::Office),
    ("PUT", "/api/printers", Rule::Office),
    ("DELETE", "/api/printers/{name}", Rule::Office),
    ("GET", "/api/status", Rule::Office),
    ("PUT", "/api/conferences/{id}/form", Rule::Edit),
    ("PUT", "/api/conferences/{id}/field", Rule::Edit),
    ("POST", "/api/conferences/{id}/copy", Rule::Edit),
    ("POST", "/api/conferences/{id}/bin", Rule::Edit),
    ("POST", "/api/conferences/{id}/restore", Rule::Edit),
    ("POST", "/api/conferences/{id}/lists/{group}/rows", Rule::Edit),
    ("POST", "/api/blank", Rule::Create),
    ("GET", "/api/bin", Rule::Narrowed),
    ("POST", "/api/conferences/{id}/lists", Rule::Edit),
    ("GET", "/api/conferences/{id}/files/{name}", Rule::Read),
    ("GET", "/api/conferences/{id}/pack.zip", Rule::Read),
    ("GET", "/api/conferences/{id}/preview/{version}/{paper}/{page}", Rule::Read),
    ("GET", "/api/calibration/{sheet}", Rule::Office),
    ("POST", "/api/summary", Rule::Narrowed),
    ("GET", "/", Rule::Public),
    ("GET", "/dang-nhap", Rule::Public),
    ("GET", "/hoi-nghi", Rule::Narrowed),
    ("GET", "/hoi-nghi/{id}", Rule::Read),
    ("GET", "/hoi-nghi/{id}/bieu-mau", Rule::Read),
    ("GET", "/so-dang-ky", Rule::Narrowed),
    ("GET", "/tong-hop", Rule::Narrowed),
    ("GET", "/may-in", Rule::Office),
    ("GET", "/tai-nguyen/{file}", Rule::Public),
    // Proposals sent up: sending is editing her conference; the rest the
    // handlers narrow to the units that sent or received (proposals.rs).
    ("POST", "/api/conferences/{id}/proposals", Rule::Edit),
    ("GET", "/api/proposals", Rule::Narrowed),
    ("GET", "/api/proposals/{proposal}/files/{name}", Rule::Narrowed),
    ("POST", "/api/proposals/{proposal}/return", Rule::Narrowed),
    ("POST", "/api/proposals/{proposal}/accept", Rule::Narrowed),
    ("GET", "/de-nghi", Rule::Narrowed),
];

/// The rule of `method` on `path`, and which segment of it is the conference's id.
fn rule_of(method: &Method, path: &str) -> Option<(Rule, Option<usize>)> {
    let method = if method == Method::HEAD { "GET" } else { method.as_str() };
    let asked: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    ROUTES.iter().find_map(|(route_method, pattern, rule)| {
        let parts: Vec<&str> = pattern.trim_end_matches('/').split('/').collect();
        let same = *route_method == method
            && parts.len() == asked.len()
            && parts.iter().zip(&asked).all(|(part, asked)| part.starts_with('{') || part == asked);
        same.then(|| (*rule, parts.iter().position(|part| *part == "{id}")))
    })
}

/// The conference id at segment `index` of `path`; none unless it is written in plain digits.
fn conference_id(path: &str, index: usize) -> Option<i64> {
    let segment = path.split('/').nth(index)?;
    segment.bytes().all(|b| b.is_ascii_digit()).then(|| segment.parse().ok()).flatten()
}

/// Whether `role` may act under `rule` on a conference of her reach.
pub(crate) fn allows(role: Role, rule: Rule) -> bool {
    match rule {
        Rule::Public | Rule::Office | Rule::Narrowed | Rule::Read => true,
        Rule::Create | Rule::Edit => role == Role::Clerk,
        Rule::Issue | Rule::Counter => role == Role::Leader,
    }
}

/// The gate: after the sign-in guard, before any handler.
pub(crate) async fn gate(State(app): State<Arc<App>>, request: Request, next: Next) -> Answer {
    let scope = request.extensions().get::<Option<Caller>>().and_then(|caller| caller.as_ref()?.scope.clone());
    let Some(scope) = scope else { return Ok(next.run(request).await) };
    let path = request.uri().path().to_string();
    // A route the table does not know is answered by the router (404 or
    // 405); the test of the table makes sure no real route is missing.
    let Some((rule, id_at)) = rule_of(request.method(), &path) else { return Ok(next.run(request).await) };
    if let Some(index) = id_at {
        // Only plain digits are an id here: the router would also decode
        // "%35" to 5, which this gate must not wave through unchecked.
        let Some(id) = conference_id(&path, index) else { return Err(Refusal::not_found()) };
        let unit = app.db(move |connection| units::conference_unit(connection, id)).await?;
        if !unit.is_some_and(|unit| scope.sees(unit)) {
            return Err(Refusal::not_found());
        }
        // Only her own unit's conference is hers to change or issue: the
        // province reads the units under it.
        let own = unit.flatten() == Some(scope.unit);
        if !allows(scope.role, rule) || (rule != Rule::Read && !own) {
            return Err(Refusal::Said(StatusCode::FORBIDDEN, Said::RoleForbids(rule_action(rule))));
        }
    } else if !allows(scope.role, rule) {
        return Err(Refusal::Said(StatusCode::FORBIDDEN, Said::RoleForbids(rule_action(rule))));
    }
    Ok(next.run(request).await)
}

/// What a refused rule was about, for the sentence.
fn rule_action(rule: Rule) -> Action {
    match rule {
        Rule::Issue | Rule::Counter => Action::Issue,
        _ => Action::Edit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_of_the_server_has_its_rule() {
        let mut table: Vec<(String, String)> =
            ROUTES.iter().map(|(method, pattern, _)| (method.to_string(), pattern.to_string())).collect();
        table.sort();
        let source = super::super::route_scan::routes_in_source(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/serve"),
        );
        assert!(source.len() > 30, "the routes were read: {source:?}");
        assert_eq!(table, source, "access::ROUTES and the server's .route( lines differ");
    }

    #[test]
    fn a_path_finds_its_rule_and_the_conference_it_names() {
        let (rule, at) = rule_of(&Method::POST, "/api/conferences/12/issue").unwrap();
        assert_eq!(rule, Rule::Issue);
        assert_eq!(conference_id("/api/conferences/12/issue", at.unwrap()), Some(12));
        let (rule, at) = rule_of(&Method::HEAD, "/hoi-nghi/7/bieu-mau").unwrap();
        assert_eq!((rule, conference_id("/hoi-nghi/7/bieu-mau", at.unwrap())), (Rule::Read, Some(7)));
        assert_eq!(rule_of(&Method::GET, "/api/conferences").map(|r| r.0), Some(Rule::Narrowed));
        assert!(rule_of(&Method::PATCH, "/api/conferences/1").is_none());
        // Written otherwise than in digits, it is no id the gate lets by.
        for written in ["%35", "+5", "5.0", "", "99999999999999999999"] {
            assert_eq!(conference_id(&format!("/api/conferences/{written}"), 3), None, "{written}");
        }
    }

    #[test]
    fn each_role_does_its_own_work_only() {
        assert!(allows(Role::Clerk, Rule::Edit) && !allows(Role::Clerk, Rule::Issue));
        assert!(allows(Role::Leader, Rule::Issue) && !allows(Role::Leader, Rule::Edit));
        assert!(allows(Role::Province, Rule::Read) && !allows(Role::Province, Rule::Edit));
        assert!(!allows(Role::Province, Rule::Issue) && !allows(Role::Leader, Rule::Create));
    }
}
