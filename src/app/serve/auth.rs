//! Who is asking, and may they: a `Host` this server answers to (a page of
//! another site reached through DNS rebinding names its own), passwords
//! hashed with argon2 behind the sign-in throttle, sessions in an HttpOnly
//! SameSite=Strict cookie, a CSRF token on every request that changes
//! something — with or without users — and the rule that only a request
//! from this machine, in a workspace with no user yet, goes without signing in.

use std::net::SocketAddr;
use std::sync::Arc;

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{ConnectInfo, Extension, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::IntoResponse;
use axum::Json;

use super::answer::{Answer, Refusal, Said};
use super::app::App;
use super::store::db::DbError;
use super::store::{self, sign_in, units, users};
use super::stored::random_hex;
use super::throttle::Refusal as Turned;

/// The session cookie's name.
pub(crate) const COOKIE: &str = "baocao_phien";

/// The header a form post carries its CSRF token in.
pub(crate) const CSRF_HEADER: &str = "x-csrf-token";

/// The PHC string of `password` (argon2id, a fresh salt).
pub(crate) fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        // Only an impossible parameter set fails; no password is stored then.
        .unwrap_or_default()
}

pub(crate) fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Who the request comes from, as the handlers need it.
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    /// The signed-in user; none on open access.
    pub user: Option<String>,
    /// The token the pages put on their form posts.
    pub csrf: String,
    /// Her unit, role and reach; none for the whole office (today's full rights).
    pub scope: Option<units::Scope>,
}

impl Caller {
    /// The unit a conference she makes belongs to (none: the office's).
    pub(crate) fn unit(&self) -> Option<i64> {
        self.scope.as_ref().map(|scope| scope.unit)
    }

    /// How versions record who saved them.
    pub(crate) fn author(&self) -> String {
        self.user.clone().unwrap_or_else(|| "(máy này)".to_string())
    }
}

/// The unit, role and reach of `caller`; none for the whole office.
pub(crate) fn scope(caller: &Option<Caller>) -> Option<units::Scope> {
    caller.as_ref().and_then(|caller| caller.scope.clone())
}

/// Whether a request may go without a session: from this machine, while
/// the workspace has no user.
pub(crate) fn open_access(peer: &SocketAddr, has_users: bool) -> bool {
    peer.ip().is_loopback() && !has_users
}

/// Paths anyone may ask for: signing in, and the page and assets that do it.
fn is_public(path: &str) -> bool {
    path == "/api/login" || path == "/dang-nhap" || path.starts_with("/tai-nguyen/")
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, token)| token.to_string())
}

/// A post from another site: its Origin names another host, or the browser
/// says the request crosses sites.
fn cross_site(headers: &HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let host = text("host").unwrap_or_default();
    let origin_differs = text("origin").is_some_and(|origin| {
        let authority = origin.split_once("://").map_or(origin, |(_, rest)| rest);
        authority != host
    });
    let fetch_crosses = text("sec-fetch-site").is_some_and(|site| site == "cross-site" || site == "same-site");
    origin_differs || fetch_crosses
}

/// The host part of a `Host` header: "127.0.0.1" of "127.0.0.1:8080",
/// "::1" of "[::1]:8080", lower case.
fn host_name(host: &str) -> String {
    let host = host.trim();
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(
            host,
            |(name, port)| {
                if port.bytes().all(|b| b.is_ascii_digit()) {
                    name
                } else {
                    host
                }
            },
        ),
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Whether this server answers to `host`: an IP address (no DNS name can be
/// rebound to it), `localhost`, this machine's own name, or a name given
/// with `--allow-host`. A page of another site that rebinds its own name
/// to this machine sends that name, and is refused.
pub(crate) fn host_allowed(host: Option<&str>, allowed: &[String]) -> bool {
    let Some(host) = host else { return false };
    let name = host_name(host);
    if name.is_empty() {
        return false;
    }
    name.parse::<std::net::IpAddr>().is_ok()
        || name == "localhost"
        || name.ends_with(".localhost")
        || allowed.iter().any(|allowed| host_name(allowed) == name)
}

/// This machine's own names (`hostname`, and `hostname.local` as mDNS gives it).
pub(crate) fn own_names() -> Vec<String> {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default().trim().to_ascii_lowercase();
    if name.is_empty() {
        return Vec::new();
    }
    vec![format!("{name}.local"), name]
}

/// A live session and its user's unit, role and reach.
type SignedIn = (users::Session, Option<units::Scope>);

/// Marks a 401 answered to a page (not the API): it is shown as the sign-in form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SignInPage;

/// The guard every request passes: finds the caller, answers 401 to one who
/// must sign in, 403 to a form post without its CSRF token.
pub(crate) async fn guard(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    mut request: Request,
    next: Next,
) -> Answer {
    let path = request.uri().path().to_string();
    let host = request.headers().get(header::HOST).and_then(|v| v.to_str().ok());
    if !host_allowed(host, &app.allowed_hosts) {
        let shown: String = host.unwrap_or_default().chars().take(100).collect();
        return Err(Refusal::Said(StatusCode::FORBIDDEN, Said::UnknownHost(shown)));
    }
    let token = cookie_token(request.headers());
    let (session, has_users) = app
        .db(move |connection| -> Result<(Option<SignedIn>, bool), DbError> {
            let session = match &token {
                Some(token) => users::session(connection, token)?,
                None => None,
            };
            let session = match session {
                Some(session) => {
                    let scope = units::scope_of(connection, &session.user)?;
                    Some((session, scope))
                }
                None => None,
            };
            let has_users = session.is_some() || users::has_users(connection)?;
            Ok((session, has_users))
        })
        .await?;
    let caller = match session {
        Some((session, scope)) => Some(Caller { user: Some(session.user), csrf: session.csrf, scope }),
        None if open_access(&peer, has_users) => Some(Caller { user: None, csrf: app.open_csrf.clone(), scope: None }),
        None => None,
    };
    let unsafe_method = !matches!(*request.method(), Method::GET | Method::HEAD);
    if unsafe_method && cross_site(request.headers()) {
        return Err(Refusal::Said(StatusCode::FORBIDDEN, Said::CrossSite));
    }
    if is_public(&path) {
        request.extensions_mut().insert(caller);
        return Ok(next.run(request).await);
    }
    let Some(caller) = caller else {
        if path.starts_with("/api/") {
            return Err(Refusal::Said(StatusCode::UNAUTHORIZED, Said::SignInNeeded));
        }
        // A page: the server answers with the sign-in form, which comes
        // back here once signed in.
        let mut response = Refusal::Said(StatusCode::UNAUTHORIZED, Said::SignInNeeded).into_response();
        response.extensions_mut().insert(SignInPage);
        return Ok(response);
    };
    if unsafe_method {
        let sent = request.headers().get(CSRF_HEADER).and_then(|v| v.to_str().ok());
        if sent != Some(caller.csrf.as_str()) {
            return Err(Refusal::Said(StatusCode::FORBIDDEN, Said::Csrf));
        }
    }
    request.extensions_mut().insert(Some(caller));
    Ok(next.run(request).await)
}

#[derive(serde::Deserialize)]
pub(crate) struct Login {
    user: String,
    password: String,
}

/// A sign-in the throttle turned away: 429 with how long to wait.
fn refused_sign_in(turned: Turned) -> Refusal {
    match turned {
        Turned::Locked(left) => Refusal::Throttled {
            seconds: left.as_secs().max(1),
            said: Said::Locked { minutes: left.as_secs().div_ceil(60).max(1) },
        },
        Turned::Busy => Refusal::Throttled { seconds: 5, said: Said::SignInsBusy },
    }
}

/// `POST /api/login`: a session cookie for a right name and password, unless
/// the name or the address is locked after too many wrong ones.
pub(crate) async fn login(
    State(app): State<Arc<App>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Json(login): Json<Login>,
) -> Answer {
    let name = login.user.trim().to_string();
    let (address, counted) = (peer.ip(), name.clone());
    let wait = app.db(move |db| sign_in::locked_for(db, address, &counted, store::now())).await?;
    if wait > 0 {
        return Err(refused_sign_in(Turned::Locked(std::time::Duration::from_secs(wait as u64))));
    }
    let turn = app.throttle.turn().await.map_err(refused_sign_in)?;
    let looked_up = name.clone();
    let found = app.db(move |connection| users::user(connection, &looked_up)).await?;
    // A missing user costs the same hashing as a wrong password: the answer's
    // time does not tell which names exist.
    let password = login.password;
    let checked = Arc::clone(&app);
    let (user_id, right) = tokio::task::spawn_blocking(move || match found {
        Some((user_id, hash)) => (user_id, verify_password(&password, &hash)),
        None => {
            let decoy = checked.decoy_hash.get_or_init(|| hash_password(&random_hex(8)));
            (-1, verify_password(&password, decoy))
        }
    })
    .await
    .unwrap_or((-1, false));
    drop(turn);
    if !right || user_id < 0 {
        let counted = name.clone();
        app.db(move |db| sign_in::failed(db, address, &counted, store::now())).await?;
        return Err(Refusal::Said(StatusCode::UNAUTHORIZED, Said::WrongPassword));
    }
    let counted = name.clone();
    app.db(move |db| sign_in::succeeded(db, address, &counted)).await?;
    let (token, csrf) = (random_hex(32), random_hex(16));
    let (stored_token, stored_csrf) = (token.clone(), csrf.clone());
    app.db(move |connection| users::open_session(connection, user_id, &stored_token, &stored_csrf)).await?;
    let cookie =
        format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/; Max-Age={}", users::SESSION_IDLE_SECONDS);
    Ok(([(header::SET_COOKIE, cookie)], Json(serde_json::json!({ "user": name, "csrf": csrf }))).into_response())
}

/// `GET /api/session`: who the caller is and the CSRF token its changes must
/// carry (a script on this machine gets the open workspace's token here).
pub(crate) async fn session(Extension(caller): Extension<Option<Caller>>) -> Answer {
    match caller {
        Some(caller) => Ok(Json(serde_json::json!({ "user": caller.user, "csrf": caller.csrf })).into_response()),
        None => Err(Refusal::Said(StatusCode::UNAUTHORIZED, Said::SignInNeeded)),
    }
}

/// `POST /api/logout`: ends the session.
pub(crate) async fn logout(State(app): State<Arc<App>>, headers: HeaderMap) -> Answer {
    if let Some(token) = cookie_token(&headers) {
        app.db(move |connection| users::close_session(connection, &token)).await?;
    }
    let cookie = format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    Ok(([(header::SET_COOKIE, cookie)], Json(serde_json::json!({}))).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_against_their_hash_only() {
        let hash = hash_password("mật khẩu dài");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(verify_password("mật khẩu dài", &hash));
        assert!(!verify_password("mat khau dai", &hash));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn only_this_machine_goes_open_and_only_without_users() {
        let local: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let local6: SocketAddr = "[::1]:5000".parse().unwrap();
        let office: SocketAddr = "192.0.2.7:5000".parse().unwrap();
        assert!(open_access(&local, false));
        assert!(open_access(&local6, false));
        assert!(!open_access(&local, true));
        assert!(!open_access(&office, false));
    }

    #[test]
    fn only_addresses_and_known_names_are_answered() {
        let allowed = vec!["baocao.ubnd.local".to_string()];
        for host in
            ["127.0.0.1:8080", "[::1]:8080", "10.1.2.3", "localhost:8080", "BAOCAO.ubnd.local:80", "app.localhost"]
        {
            assert!(host_allowed(Some(host), &allowed), "{host}");
        }
        for host in ["evil.example:8080", "127.0.0.1.evil.example", "", "localhost.evil.example"] {
            assert!(!host_allowed(Some(host), &allowed), "{host}");
        }
        assert!(!host_allowed(None, &allowed));
    }

    #[test]
    fn posts_from_other_sites_are_recognised() {
        let mut headers = HeaderMap::new();
        headers.insert("host", "127.0.0.1:8080".parse().unwrap());
        assert!(!cross_site(&headers));
        headers.insert("origin", "http://127.0.0.1:8080".parse().unwrap());
        assert!(!cross_site(&headers));
        headers.insert("origin", "https://evil.example".parse().unwrap());
        assert!(cross_site(&headers));
        headers.remove("origin");
        headers.insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert!(cross_site(&headers));
    }
}
