//! `baocao serve`: the secretariat's workspace in a browser — conferences
//! kept in a SQLite workspace with every version, edited as forms or YAML,
//! previewed as they are typed, issued into the award register — and the
//! `users add` and `backup` commands that look after it.

mod access;
mod answer;
mod api;
mod app;
mod auth;
mod check;
mod copy;
mod fields;
mod files;
mod form_api;
mod issue;
mod memo;
mod merge_fields;
mod pages;
mod proposals;
mod register_xlsx;
mod render;
#[cfg(test)]
mod route_scan;
mod store;
mod stored;
mod summary;
mod throttle;
mod typed;
mod units;
mod upload;
mod words;
mod yaml_form;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::diag::{Failure, IoAction, Kind, Lang, Location, Problem, WorkspaceKind};
pub(crate) use app::App;
use render::Renderer;
use store::{Database, Store};

/// What `baocao serve` was asked.
#[derive(Debug, Clone)]
pub(crate) struct ServeOptions {
    pub listen: SocketAddr,
    pub workspace: PathBuf,
    /// A PostgreSQL database instead of the workspace folder's SQLite file.
    pub database: Option<String>,
    pub templates: Option<PathBuf>,
    /// Host names the server answers to besides IP addresses, localhost and
    /// this machine's name (`--allow-host`).
    pub allowed_hosts: Vec<String>,
}

/// Every route behind the guard (sign-in, CSRF), bodies bounded.
fn router(app: Arc<App>) -> axum::Router {
    axum::Router::new()
        .merge(api::routes())
        .merge(form_api::routes())
        .merge(files::routes())
        .merge(summary::routes())
        .merge(proposals::routes())
        .merge(pages::routes())
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&app), access::gate))
        .layer(axum::middleware::from_fn_with_state(Arc::clone(&app), auth::guard))
        .layer(axum::middleware::from_fn(answer::speak))
        .layer(axum::middleware::map_response(sign_in_page))
        .layer(axum::middleware::map_response(protect))
        .layer(axum::extract::DefaultBodyLimit::max(upload::BODY_LIMIT))
        .with_state(app)
}

/// A page the guard refused for want of a session: the sign-in form, still a 401.
async fn sign_in_page(response: Response) -> Response {
    if response.extensions().get::<auth::SignInPage>().is_some() {
        return (StatusCode::UNAUTHORIZED, pages::login_page()).into_response();
    }
    response
}

/// Headers every answer carries: no page of another site may frame ours
/// (clickjacking a "Ban hành"), scripts and styles only from this server,
/// no guessing of content types, no address leaked to other sites.
async fn protect(mut response: Response) -> Response {
    use axum::http::header::{
        HeaderValue, CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
    };
    let headers = response.headers_mut();
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}

/// Where `--workspace` and `--database` say the data is: a PostgreSQL
/// address when given, else the workspace folder's SQLite file.
fn database(workspace: &Path, url: Option<&str>) -> Result<Database, Failure> {
    match url {
        None => Ok(Database::Folder(workspace.to_path_buf())),
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Ok(Database::Postgres(url.to_string()))
        }
        Some(other) => Err(Failure::Input(vec![Problem {
            location: Box::new(Location::command_line()),
            path: "--database".into(),
            kind: Kind::Workspace(Box::new(WorkspaceKind::DatabaseUrl(other.to_string()))),
        }])),
    }
}

fn open_store(database: &Database) -> Result<Store, Failure> {
    let shown = match database {
        Database::Folder(dir) => {
            std::fs::create_dir_all(dir).map_err(|err| Failure::io(IoAction::Write, dir, err))?;
            dir.join(store::DATABASE_FILE).display().to_string()
        }
        Database::Postgres(_) => database.shown(),
    };
    Store::open(database).map_err(|err| database_failure(IoAction::Read, &shown, err))
}

/// A failure of the database before serving: its own words (a refused
/// password, a server not running) are for the one who started the
/// command, in its log; the message names the database.
fn database_failure(action: IoAction, shown: &str, err: impl std::fmt::Display) -> Failure {
    eprintln!("baocao: {err}");
    Failure::io(action, shown, std::io::Error::other(err.to_string()))
}

/// Runs the workspace server until Ctrl-C or SIGTERM.
pub(crate) fn serve(options: &ServeOptions, lang: Lang) -> Result<(), Failure> {
    let store = open_store(&database(&options.workspace, options.database.as_deref())?)?;
    let (has_users, open_csrf) = store
        .lock()
        .and_then(|mut db| {
            let has_users = store::users::has_users(&mut db)?;
            Ok((has_users, store::users::open_csrf(&mut db, &stored::random_hex(16))?))
        })
        .map_err(|err| database_failure(IoAction::Read, store.shown(), err))?;
    if !options.listen.ip().is_loopback() && !has_users {
        return Err(Failure::Input(vec![Problem {
            location: Box::new(Location::command_line()),
            path: "--listen".into(),
            kind: Kind::Workspace(Box::new(WorkspaceKind::NoUserOffLoopback(options.listen.to_string()))),
        }]));
    }
    let store = Arc::new(store);
    let app = Arc::new(App {
        store: Arc::clone(&store),
        renderer: Renderer::new(options.templates.clone()),
        open_csrf,
        decoy_hash: std::sync::OnceLock::new(),
        allowed_hosts: options.allowed_hosts.iter().cloned().chain(auth::own_names()).collect(),
        throttle: throttle::Throttle::default(),
    });
    return_big_blocks_to_the_system();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| Failure::io(IoAction::Read, &options.workspace, err))?;
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(options.listen)
            .await
            .map_err(|err| Failure::io(IoAction::Read, options.listen.to_string(), err))?;
        let address =
            listener.local_addr().map_err(|err| Failure::io(IoAction::Read, options.listen.to_string(), err))?;
        let shown = app.store.shown();
        let (vi_where, en_where) = match options.database {
            Some(_) => ("cơ sở dữ liệu", "database"),
            None => ("thư mục làm việc", "workspace"),
        };
        eprintln!(
            "{}",
            match lang {
                Lang::Vi => format!("baocao serve: http://{address}/ ({vi_where} {shown}); Ctrl-C để dừng"),
                Lang::En => format!("baocao serve: http://{address}/ ({en_where} {shown}); Ctrl-C to stop"),
            }
        );
        let service = router(app).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, service)
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|err| Failure::io(IoAction::Read, address.to_string(), err))
    });
    // PostgreSQL's connections close by blocking on their own runtime, which
    // may not happen inside this one: the store goes last, outside it.
    drop(runtime);
    drop(store);
    served
}

/// Every password check takes a 19 MB block. glibc raises its mmap
/// threshold after the first such block is freed, so later blocks come from
/// per-thread arenas that keep them: a flood of sign-ins over many blocking
/// threads would keep hundreds of megabytes. A fixed threshold gives every
/// block of a megabyte or more back to the system when freed.
fn return_big_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before the
    // server's threads start.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// `baocao units add NAME [--thuoc PARENT]`: a unit of the province's tree.
pub(crate) fn add_unit(
    workspace: &Path,
    url: Option<&str>,
    name: &str,
    parent: Option<&str>,
    lang: Lang,
) -> Result<(), Failure> {
    units::add(&open_store(&database(workspace, url)?)?, name, parent, lang)
}

/// `baocao units list`: the units as a tree.
pub(crate) fn list_units(workspace: &Path, url: Option<&str>) -> Result<(), Failure> {
    units::list(&open_store(&database(workspace, url)?)?)
}

/// `baocao users add NAME`: adds a user (or sets a new password); the
/// password is read from the terminal, or from the first line of stdin.
/// With `--don-vi` and `--vai-tro` she belongs to that unit with that role
/// (checked before the password is asked); without, to the whole office.
pub(crate) fn add_user(
    workspace: &Path,
    url: Option<&str>,
    name: &str,
    unit: Option<&str>,
    role: Option<&str>,
    lang: Lang,
) -> Result<(), Failure> {
    let database = database(workspace, url)?;
    let name = name.trim();
    let store = open_store(&database)?;
    let placed = units::placement(&store, unit, role)?;
    let password = read_password(lang).map_err(|err| Failure::io(IoAction::Read, "stdin", err))?;
    if password.chars().count() < 8 || name.is_empty() {
        return Err(Failure::Input(vec![Problem {
            location: Box::new(Location::command_line()),
            path: "users add".into(),
            kind: Kind::Workspace(Box::new(WorkspaceKind::WeakPassword)),
        }]));
    }
    let hash = auth::hash_password(&password);
    let added = store
        .lock()
        .and_then(|mut db| {
            db.transaction(|tx| {
                let added = store::users::set_user(tx, name, &hash)?;
                // A new password alone keeps her unit and role: resetting a ward
                // clerk's password never makes her the whole office's.
                if placed.is_some() {
                    store::units::place_user(tx, name, placed)?;
                }
                Ok::<_, store::db::DbError>(added)
            })
        })
        .map_err(|err| database_failure(IoAction::Write, store.shown(), err))?;
    let message = match (added, lang) {
        (true, Lang::Vi) => format!("Đã thêm người dùng «{name}» vào {}", store.shown()),
        (true, Lang::En) => format!("Added user «{name}» to {}", store.shown()),
        (false, Lang::Vi) => format!("Đã đổi mật khẩu của «{name}»"),
        (false, Lang::En) => format!("Changed the password of «{name}»"),
    };
    eprintln!("{message}");
    Ok(())
}

fn read_password(lang: Lang) -> std::io::Result<String> {
    use std::io::{BufRead, IsTerminal, Write};
    let stdin = std::io::stdin();
    let prompt = |text: &str| {
        eprint!("{text}");
        let _ = std::io::stderr().flush();
    };
    if !stdin.is_terminal() {
        let mut line = String::new();
        stdin.lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\n', '\r']).to_string());
    }
    // Typed on a terminal: not echoed, asked twice.
    let echo = |on: bool| {
        let _ = std::process::Command::new("stty").arg(if on { "echo" } else { "-echo" }).status();
    };
    let (first, second) = if lang == Lang::Vi {
        ("Mật khẩu: ", "Nhập lại mật khẩu: ")
    } else {
        ("Password: ", "Repeat the password: ")
    };
    let mut answers = Vec::new();
    for text in [first, second] {
        prompt(text);
        echo(false);
        let mut line = String::new();
        let read = stdin.lock().read_line(&mut line);
        echo(true);
        eprintln!();
        read?;
        answers.push(line.trim_end_matches(['\n', '\r']).to_string());
    }
    if answers[0] != answers[1] {
        return Err(std::io::Error::other(if lang == Lang::Vi {
            "hai lần nhập mật khẩu không khớp"
        } else {
            "the two passwords differ"
        }));
    }
    Ok(answers.remove(0))
}

/// `baocao backup FILE`: a consistent copy of the workspace database, taken
/// while the server may go on working.
pub(crate) fn backup(workspace: &Path, url: Option<&str>, target: &Path, lang: Lang) -> Result<(), Failure> {
    if let Database::Postgres(_) = database(workspace, url)? {
        return Err(Failure::Input(vec![Problem {
            location: Box::new(Location::command_line()),
            path: "--database".into(),
            kind: Kind::Workspace(Box::new(WorkspaceKind::BackupPostgres)),
        }]));
    }
    if !workspace.join(store::DATABASE_FILE).is_file() {
        return Err(Failure::io(
            IoAction::Read,
            workspace.join(store::DATABASE_FILE),
            std::io::ErrorKind::NotFound.into(),
        ));
    }
    store::backup(workspace, target)
        .map_err(|err| Failure::io(IoAction::Write, target, std::io::Error::other(err.to_string())))?;
    eprintln!(
        "{}",
        match lang {
            Lang::Vi => format!("Đã sao lưu {} vào {}", workspace.display(), target.display()),
            Lang::En => format!("Backed up {} to {}", workspace.display(), target.display()),
        }
    );
    Ok(())
}
