//! A province's load on one workspace: 20 wards under one province unit,
//! each with 4 văn thư and 1 lãnh đạo (100 users). Every văn thư keeps
//! saving her own section of her ward's report (`noi_dung.tinh_hinh`,
//! `ket_qua`, `han_che`, `phuong_huong`: one per clerk of the ward) through
//! the form endpoint with `If-Match`, re-reading and retrying on 409, then
//! fetches the first page of the report for the version she saved; 10
//! leaders keep issuing ("Ban hành") fresh copies of their ward's conference
//! (made by a clerk of the ward through the copy endpoint: only a văn thư
//! may copy). The decision of the first award group is the city's UBND for
//! every ward (one counter shared by all), the second is each ward's police.
//!
//! Afterwards it checks that no update was lost (each clerk's last
//! acknowledged value is in the newest version of her ward's conference)
//! and that no number was given twice (every number the issues
//! acknowledged, and the register's decisions in the database). One line
//! per run; SQLite with one server process, then PostgreSQL with two
//! (clients split between them) on a throw-away cluster started here —
//! PostgreSQL missing fails the bench, it is never skipped.
//! `BAOCAO_LOAD_SECONDS` sets the load's length (default 60).
//! Run with `cargo bench --bench province` (or `scripts/load-province`).

mod load;
#[path = "../tests/workspace/mod.rs"]
mod workspace;

use load::{percentile, Pauses};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::json;
use workspace::{add_user_with, command, sample, Client, Server};

/// Wards (`BAOCAO_LOAD_WARDS`, default 20: 100 users); half their leaders issue.
fn wards() -> usize {
    std::env::var("BAOCAO_LOAD_WARDS").ok().and_then(|s| s.parse().ok()).filter(|n| *n >= 1).unwrap_or(20)
}
const CLERKS_PER_WARD: usize = 4;
const PASSWORD: &str = "mat-khau-tai";
const PROVINCE: &str = "UBND thành phố Hải Phòng";
/// The report's sections, one per clerk of a ward.
const SECTIONS: [&str; CLERKS_PER_WARD] = ["tinh_hinh", "ket_qua", "han_che", "phuong_huong"];

fn ward(w: usize) -> String {
    format!("Phường số {:02}", w + 1)
}

fn clerk(w: usize, k: usize) -> String {
    format!("vt-{:02}-{}", w + 1, k + 1)
}

fn leader(w: usize) -> String {
    format!("ld-{:02}", w + 1)
}

/// Where the workspace is kept.
enum Store {
    Sqlite,
    Postgres(Postgres),
}

/// A throw-away PostgreSQL cluster (as scripts/postgres-for-tests starts
/// one, but with PostgreSQL's own durability — fsync on — so it is
/// measured on the same footing as SQLite's full sync); stopped when dropped.
struct Postgres {
    dir: PathBuf,
    bin: PathBuf,
    url: String,
}

fn run(command: &mut Command, what: &str) {
    let output = command.output().unwrap_or_else(|err| panic!("{what}: {err}"));
    assert!(
        output.status.success(),
        "{what} failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

impl Postgres {
    fn start(dir: &Path) -> Postgres {
        let found = std::fs::read_dir("/usr/lib/postgresql").ok().and_then(|versions| {
            let mut bins: Vec<PathBuf> =
                versions.flatten().map(|v| v.path().join("bin")).filter(|b| b.join("initdb").is_file()).collect();
            bins.sort();
            bins.pop()
        });
        let bin = found.unwrap_or_else(|| {
            panic!("PostgreSQL is needed for the second run: apt-get install postgresql (scripts/test installs it)")
        });
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        std::fs::create_dir_all(dir).expect("cluster folder");
        let as_postgres = |program: &str| {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(bin.join(program));
            command
        };
        run(Command::new("chown").arg("postgres").arg(dir), "chown the cluster folder to postgres");
        run(
            as_postgres("initdb").arg("-D").arg(dir.join("data")).args([
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]),
            "initdb",
        );
        let options = format!("-h 127.0.0.1 -p {port} -k {} -c max_connections=100", dir.display());
        run(
            as_postgres("pg_ctl")
                .arg("-D")
                .arg(dir.join("data"))
                .arg("-l")
                .arg(dir.join("log"))
                .args(["-w", "-o", &options, "start"]),
            "pg_ctl start",
        );
        Postgres { dir: dir.to_path_buf(), bin, url: format!("postgres://postgres@127.0.0.1:{port}/postgres") }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "fast", "stop"])
            .output();
    }
}

impl Store {
    fn name(&self) -> &'static str {
        match self {
            Store::Sqlite => "SQLite",
            Store::Postgres(_) => "PostgreSQL",
        }
    }

    fn args(&self) -> Vec<String> {
        match self {
            Store::Sqlite => Vec::new(),
            Store::Postgres(pg) => vec!["--database".into(), pg.url.clone()],
        }
    }
}

/// A ward's conference: the sample, its report and its second group's
/// decision in the ward's name (the first group stays the city's UBND).
/// Its first group's list is written in the form (five of the ward's own
/// people, no sổ vàng numbers): the sample's list file carries numbers
/// 0101–0127 that a copy keeps, so a second copy of it could not be issued.
fn ward_sample(w: usize) -> String {
    let (yaml, _) = sample();
    let police = format!("CÔNG AN PHƯỜNG SỐ {:02}", w + 1);
    let people: String = (1..=5)
        .map(|i| format!("      - {{ loai: ca_nhan, ten: \"Người thứ {i} phường số {:02}\" }}\n", w + 1))
        .collect();
    assert!(yaml.contains("danh_sach_tep: \"hai-phong-2018-bang-khen.csv\""), "the sample's list file moved");
    yaml.replace("CÔNG AN THÀNH PHỐ HẢI PHÒNG", &police).replace(
        "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"   # 12 tập thể + 15 cá nhân\n",
        &format!("    danh_sach:\n{people}"),
    )
}

/// `units add` and `users add` for the whole province (100 users).
fn set_up(workspace: &Path, store: &Store) {
    let args = store.args();
    let units = |name: &str, parent: Option<&str>| {
        let mut all = vec!["units".to_string(), "add".into(), name.into()];
        if let Some(parent) = parent {
            all.extend(["--thuoc".to_string(), parent.to_string()]);
        }
        all.extend(args.iter().cloned());
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let output = command(workspace, &all, "");
        assert!(output.status.success(), "units add {name}: {}", String::from_utf8_lossy(&output.stderr));
    };
    units(PROVINCE, None);
    for w in 0..wards() {
        units(&ward(w), Some(PROVINCE));
    }
    let mut users: Vec<(String, usize, &str)> = Vec::new();
    for w in 0..wards() {
        users.extend((0..CLERKS_PER_WARD).map(|k| (clerk(w, k), w, "van-thu")));
        users.push((leader(w), w, "lanh-dao"));
    }
    // A few at a time: each hashes its password (19 MB, a fraction of a second).
    for batch in users.chunks(4) {
        std::thread::scope(|scope| {
            for (name, w, role) in batch {
                let mut more = vec!["--don-vi".to_string(), ward(*w), "--vai-tro".into(), role.to_string()];
                more.extend(args.iter().cloned());
                scope.spawn(move || {
                    let output = add_user_with(workspace, &more, name, PASSWORD);
                    assert!(output.status.success(), "users add {name}: {}", String::from_utf8_lossy(&output.stderr));
                });
            }
        });
    }
}

fn signed_in(server: &Server, user: &str) -> Client {
    let mut client = server.client();
    // Everyone signing in at 8 o'clock: the server checks a few passwords
    // at a time and asks the rest to try again in a moment (429).
    for _ in 0..120 {
        let answer = client.login(user, PASSWORD);
        match answer.status {
            200 => return client,
            429 => std::thread::sleep(Duration::from_millis(500)),
            status => panic!("login {user}: {status} {}", answer.text()),
        }
    }
    panic!("login {user}: still turned away after a minute")
}

/// What the load threads measured and saw.
#[derive(Default)]
struct Tally {
    saves: Vec<f64>,
    previews: Vec<f64>,
    issues: Vec<f64>,
    /// 409s answered to a save (each re-read and retried).
    stale: usize,
    /// Saves the server merged with another clerk's newer version.
    merged: usize,
    /// Every number an acknowledged issue gave: (register, body, year, number).
    numbers: Vec<(String, String, i64, String)>,
    decisions: usize,
    /// Answers no clerk should get (status and body), kept to be shown.
    failures: Vec<String>,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The newest version of conference `id`: (version, YAML).
fn latest(client: &Client, id: i64) -> Result<(i64, String), String> {
    let answer = client.get(&format!("/api/conferences/{id}"));
    if answer.status != 200 {
        return Err(format!("GET /api/conferences/{id}: {} {}", answer.status, answer.text()));
    }
    let json = answer.json();
    Ok((json["version"].as_i64().unwrap_or_default(), json["yaml"].as_str().unwrap_or_default().to_string()))
}

/// The marker clerk `user`'s `n`-th edit leaves in her section.
fn marker(user: &str, n: u64) -> String {
    format!("[{user}:{n}]")
}

/// The edit number of `user`'s marker in `yaml` (none: her edits are gone).
fn edit_in(yaml: &str, user: &str) -> Option<u64> {
    let start = yaml.find(&format!("[{user}:"))? + user.len() + 2;
    yaml[start..].split(']').next()?.parse().ok()
}

/// One clerk for the load's length: her last acknowledged edit number.
fn clerk_load(
    client: &Client,
    id: i64,
    user: &str,
    section: &str,
    base: &str,
    until: Instant,
    tally: &Mutex<Tally>,
) -> u64 {
    let mut pauses =
        Pauses(user.bytes().fold(0x9E37_79B9_7F4A_7C15, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)));
    let fail = |what: String| tally.lock().unwrap().failures.push(what);
    let Ok((mut version, _)) = latest(client, id).map_err(&fail) else { return 0 };
    let mut acknowledged = 0;
    std::thread::sleep(Duration::from_millis(pauses.next_ms(0, 2000)));
    let mut n = 0;
    while Instant::now() < until {
        n += 1;
        let text = format!("{} {}", base.trim_end(), marker(user, n));
        let form = json!({ "noi_dung": { section: text } }).to_string();
        let started = Instant::now();
        let mut stale = 0;
        let saved = loop {
            let expected = version.to_string();
            let answer = client.request(
                "PUT",
                &format!("/api/conferences/{id}/form"),
                &[("If-Match", &expected), ("Content-Type", "application/json")],
                form.as_bytes(),
            );
            match answer.status {
                200 => break Some(answer.json()),
                // Another clerk's save came between: read again, send again.
                409 if stale < 20 => {
                    stale += 1;
                    match latest(client, id) {
                        Ok((now, _)) => version = now,
                        Err(err) => {
                            fail(err);
                            break None;
                        }
                    }
                }
                status => {
                    fail(format!("{user} save: {status} {}", answer.text()));
                    break None;
                }
            }
        };
        let Some(saved) = saved else { break };
        let save = started.elapsed();
        version = saved["version"].as_i64().unwrap_or(version);
        acknowledged = n;
        let started = Instant::now();
        let page = client.get(&format!("/api/conferences/{id}/preview/{version}/bao-cao/1.png"));
        let preview = started.elapsed();
        {
            let mut tally = tally.lock().unwrap();
            tally.saves.push(ms(save));
            tally.stale += stale;
            tally.merged += usize::from(saved["gop"].as_bool() == Some(true));
            if page.status == 200 {
                tally.previews.push(ms(preview));
            } else {
                tally.failures.push(format!("{user} preview {version}: {} {}", page.status, page.text()));
            }
        }
        std::thread::sleep(Duration::from_millis(pauses.next_ms(1000, 3000)));
    }
    acknowledged
}

/// One issuing leader for the load's length: a clerk of her ward copies
/// the ward's conference for 2019, she looks at what will be numbered and
/// issues it, as the page does.
fn leader_load(copier: &Client, client: &Client, id: i64, user: &str, until: Instant, tally: &Mutex<Tally>) {
    let mut pauses =
        Pauses(user.bytes().fold(0x2545_F491_4F6C_DD1D, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)));
    let fail = |what: String| tally.lock().unwrap().failures.push(what);
    std::thread::sleep(Duration::from_millis(pauses.next_ms(0, 2000)));
    while Instant::now() < until {
        let copied =
            copier.post_json(&format!("/api/conferences/{id}/copy"), &json!({ "nam": 2019, "giu_danh_sach": true }));
        if copied.status != 201 {
            return fail(format!("{user} copy: {} {}", copied.status, copied.text()));
        }
        let copy = copied.json()["id"].as_i64().unwrap_or_default();
        let started = Instant::now();
        let plan = client.get(&format!("/api/conferences/{copy}/issue?phien_ban=1"));
        if plan.status != 200 {
            return fail(format!("{user} issue plan: {} {}", plan.status, plan.text()));
        }
        let issued = client.request("POST", &format!("/api/conferences/{copy}/issue"), &[("If-Match", "1")], b"");
        let took = started.elapsed();
        if issued.status != 200 {
            return fail(format!("{user} issue: {} {}", issued.status, issued.text()));
        }
        let issued = issued.json();
        let mut tally = tally.lock().unwrap();
        tally.issues.push(ms(took));
        tally.decisions += issued["decisions"].as_array().map_or(0, Vec::len);
        for number in issued["drawn"].as_array().into_iter().flatten() {
            let text = |key: &str| number[key].as_str().unwrap_or_default().to_string();
            tally.numbers.push((
                text("so"),
                text("co_quan"),
                number["nam"].as_i64().unwrap_or_default(),
                text("so_cap"),
            ));
        }
        drop(tally);
        std::thread::sleep(Duration::from_millis(pauses.next_ms(1000, 3000)));
    }
}

/// Numbers of the register (decisions, sổ vàng, giấy mời) given twice for
/// one body and year, as the database holds them (its unique indexes
/// should make this 0).
fn duplicate_decisions_in_database(workspace: &Path, store: &Store) -> i64 {
    let sql = "SELECT COUNT(*) FROM (\
               SELECT body_key FROM decisions GROUP BY body_key, year, number_key HAVING COUNT(*) > 1 \
               UNION ALL SELECT body_key FROM awards GROUP BY award, body_key, year, register_key HAVING COUNT(*) > 1 \
               UNION ALL SELECT body_key FROM invitations GROUP BY body_key, year, number_key HAVING COUNT(*) > 1) d";
    match store {
        Store::Sqlite => {
            let db = rusqlite::Connection::open(workspace.join("baocao.sqlite3")).expect("open the workspace");
            db.query_row(sql, [], |row| row.get(0)).expect("count duplicates")
        }
        Store::Postgres(pg) => {
            let url = pg.url.clone();
            std::thread::spawn(move || {
                let mut db = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
                db.query_one(sql, &[]).expect("count duplicates").get(0)
            })
            .join()
            .expect("count")
        }
    }
}

/// One run: set up, load for `seconds`, verify; the line of figures, and
/// whether it found nothing wrong.
fn province(store: Store, processes: usize, seconds: u64, dir: &Path) -> (String, bool) {
    let workspace = dir.join(format!("ws-{}", store.name()));
    set_up(&workspace, &store);
    let servers: Vec<Server> =
        (0..processes).map(|_| Server::start_with(&workspace, "127.0.0.1:0", &store.args())).collect();
    // Each ward's first clerk makes its conference from the sample.
    let ids: Vec<i64> = (0..wards())
        .map(|w| {
            let client = signed_in(&servers[0], &clerk(w, 0));
            let yaml = ward_sample(w);
            let answer =
                client.post_multipart("/api/conferences", &[("input", Some("hoi-nghi.yaml"), yaml.as_bytes())], &[]);
            assert_eq!(answer.status, 201, "{}", answer.text());
            answer.json()["id"].as_i64().expect("id")
        })
        .collect();
    let (_, yaml) = latest(&signed_in(&servers[0], &clerk(0, 0)), ids[0]).expect("the first conference");
    let bases: Vec<String> = SECTIONS.iter().map(|s| section_text(&yaml, s)).collect();

    // Everyone signs in (a clerk stays on one process; the clerks of one ward are spread over them).
    let mut clerks = Vec::new();
    let mut leaders = Vec::new();
    std::thread::scope(|scope| {
        let signing: Vec<_> = (0..wards())
            .flat_map(|w| (0..CLERKS_PER_WARD).map(move |k| (w, k)))
            .map(|(w, k)| {
                let server = &servers[(w + k) % processes];
                (w, k, scope.spawn(move || signed_in(server, &clerk(w, k))))
            })
            .collect();
        clerks = signing.into_iter().map(|(w, k, h)| (w, k, h.join().expect("sign in"))).collect();
        let signing: Vec<_> = (0..wards())
            .map(|w| {
                let server = &servers[w % processes];
                scope.spawn(move || signed_in(server, &leader(w)))
            })
            .collect();
        leaders = signing.into_iter().map(|h| h.join().expect("sign in")).collect();
    });

    let tally = Arc::new(Mutex::new(Tally::default()));
    let until = Instant::now() + Duration::from_secs(seconds);
    let last: HashMap<String, u64> = std::thread::scope(|scope| {
        let working: Vec<_> = clerks
            .iter()
            .map(|(w, k, client)| {
                let (tally, id, base) = (Arc::clone(&tally), ids[*w], &bases[*k]);
                let user = clerk(*w, *k);
                scope.spawn(move || {
                    let done = clerk_load(client, id, &user, SECTIONS[*k], base, until, &tally);
                    (user, done)
                })
            })
            .collect();
        for (w, client) in leaders.iter().enumerate().take(wards() / 2) {
            // A clerk of the ward makes each copy: her own session, on the leader's process.
            let copier = signed_in(&servers[w % processes], &clerk(w, 0));
            let (tally, id) = (Arc::clone(&tally), ids[w]);
            scope.spawn(move || leader_load(&copier, client, id, &leader(w), until, &tally));
        }
        working.into_iter().map(|h| h.join().expect("clerk")).collect()
    });

    // Lost updates: each clerk's last acknowledged edit is in the newest version.
    let mut lost = Vec::new();
    for (w, id) in ids.iter().enumerate() {
        let (_, yaml) = latest(&signed_in(&servers[0], &clerk(w, 0)), *id).expect("the newest version");
        for k in 0..CLERKS_PER_WARD {
            let user = clerk(w, k);
            let acknowledged = last.get(&user).copied().unwrap_or_default();
            let found = edit_in(&yaml, &user).unwrap_or_default();
            if found < acknowledged {
                lost.push(format!("{user}: acknowledged edit {acknowledged}, newest version has {found}"));
            }
        }
    }
    let tally = tally.lock().unwrap();
    // Duplicate numbers: among what the issues acknowledged, and in the register.
    let mut seen: HashMap<&(String, String, i64, String), usize> = HashMap::new();
    for number in &tally.numbers {
        *seen.entry(number).or_default() += 1;
    }
    let duplicates = seen.values().filter(|n| **n > 1).count() as i64;
    drop(servers);
    let in_database = duplicate_decisions_in_database(&workspace, &store);
    let line = format!(
        "{:<10} processes {processes}  users {} ({} văn thư, {} issuing)  {seconds} s  saves {}  previews {}  \
         issues {} ({} decision numbers, {} numbers)  save p50/p95 {:.0}/{:.0} ms  preview p50/p95 {:.0}/{:.0} ms  \
         issue p50/p95 {:.0}/{:.0} ms  409s {}  merged {}  lost updates {}  duplicate numbers {}",
        store.name(),
        wards() * (CLERKS_PER_WARD + 1),
        wards() * CLERKS_PER_WARD,
        wards() / 2,
        tally.saves.len(),
        tally.previews.len(),
        tally.issues.len(),
        tally.decisions,
        tally.numbers.len(),
        percentile(&tally.saves, 0.5),
        percentile(&tally.saves, 0.95),
        percentile(&tally.previews, 0.5),
        percentile(&tally.previews, 0.95),
        percentile(&tally.issues, 0.5),
        percentile(&tally.issues, 0.95),
        tally.stale,
        tally.merged,
        lost.len(),
        duplicates + in_database,
    );
    for problem in lost.iter().chain(&tally.failures).take(20) {
        eprintln!("  {}", problem.chars().take(400).collect::<String>());
    }
    let clean = lost.is_empty() && duplicates + in_database == 0 && tally.failures.is_empty();
    (line, clean)
}

/// The text of report section `key` (`noi_dung.KEY: |` block) in `yaml`.
fn section_text(yaml: &str, key: &str) -> String {
    let mut lines = yaml.lines().skip_while(|l| l.trim_start() != format!("{key}: |"));
    let head = lines.next().unwrap_or_default();
    let indent = head.len() - head.trim_start().len();
    let body: Vec<&str> =
        lines.take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() > indent).map(str::trim).collect();
    body.join("\n").trim().to_string()
}

fn main() {
    let seconds: u64 = std::env::var("BAOCAO_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let dir = tempfile::tempdir().expect("temp dir");
    // The cluster's folder inside belongs to the postgres user, who must get through this one.
    let open = std::os::unix::fs::PermissionsExt::from_mode(0o755);
    std::fs::set_permissions(dir.path(), open).expect("open the temp dir");
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let wards = wards();
    println!("a province on one workspace: {wards} wards × ({CLERKS_PER_WARD} văn thư + 1 lãnh đạo), {cores} cores");
    let (sqlite, sqlite_clean) = province(Store::Sqlite, 1, seconds, dir.path());
    println!("{sqlite}");
    let cluster = Postgres::start(&dir.path().join("pg"));
    let (pg, pg_clean) = province(Store::Postgres(cluster), 2, seconds, dir.path());
    println!("{pg}");
    if !(sqlite_clean && pg_clean) {
        eprintln!("province: lost updates, duplicate numbers or failed requests (above)");
        std::process::exit(1);
    }
}
