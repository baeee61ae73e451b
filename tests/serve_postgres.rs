//! Several `baocao serve` processes on one PostgreSQL database, as a
//! province runs them behind one address: 50 "Ban hành" at once on one
//! counter, spread over two processes, give 50 distinct numbers with none
//! skipped; a save one process acknowledged is what the other reads; a
//! session opened on one is valid on the other, and so is the open
//! workspace's CSRF token; wrong passwords are counted across processes;
//! two processes started together migrate once; a request waiting on a
//! lock does not hold up the others of its process (a pool, not one
//! connection).
//! Needs the tests' cluster (`BAOCAO_TEST_POSTGRES`; scripts/test starts it).

mod workspace;

use workspace::{add_user_with, create_sample, fresh_postgres, issue_at_once, sample, Client, Server};

/// A fresh database for one test, named after it.
fn database(test: &str) -> Vec<String> {
    let name = format!("{test}_{}", std::process::id());
    vec!["--database".to_string(), fresh_postgres(&name)]
}

/// The sample with blank decision numbers and one recipient of its own
/// (no sổ vàng number) in the first group.
fn blank_numbers(yaml: &str, person: &str) -> String {
    yaml.replace("2345/QĐ-UBND", "/QĐ-UBND").replace("1789/QĐ-CAHP", "/QĐ-CAHP").replace(
        "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"   # 12 tập thể + 15 cá nhân\n",
        &format!("    danh_sach:\n      - {{ loai: ca_nhan, ten: \"{person}\" }}\n"),
    )
}

/// The sample's two awarding bodies exchanged, with their numbers' suffixes.
fn swapped_bodies(yaml: &str) -> String {
    let swap = |text: String, a: &str, b: &str| text.replace(a, "@@").replace(b, a).replace("@@", b);
    let yaml = swap(
        yaml.to_string(),
        "co_quan: \"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\"",
        "co_quan: \"CÔNG AN THÀNH PHỐ HẢI PHÒNG\"",
    );
    swap(yaml, "so: \"/QĐ-UBND\"", "so: \"/QĐ-CAHP\"")
}

fn create(client: &Client, yaml: &str) -> i64 {
    let answer = client.post_multipart("/api/conferences", &[("input", Some("hn.yaml"), yaml.as_bytes())], &[]);
    assert_eq!(answer.status, 201, "{}", answer.text());
    answer.json()["id"].as_i64().unwrap()
}

#[test]
fn fifty_issues_over_two_processes_draw_fifty_numbers_from_one_counter() {
    let dir = tempfile::tempdir().unwrap();
    let db = database("fifty");
    // Started together: the second waits for the first's migration.
    let (first, second) = std::thread::scope(|scope| {
        let a = scope.spawn(|| Server::start_with(&dir.path().join("a"), "127.0.0.1:0", &db));
        let b = scope.spawn(|| Server::start_with(&dir.path().join("b"), "127.0.0.1:0", &db));
        (a.join().unwrap(), b.join().unwrap())
    });
    let (yaml, _) = sample();
    let count = 50;
    // Every other conference has its two bodies the other way round, so
    // issues lock the two bodies' counters in both orders: a deadlock
    // PostgreSQL breaks is redone, never a failed issue.
    let ids: Vec<i64> = (0..count)
        .map(|k| {
            let yaml = blank_numbers(&yaml, &format!("Người số {k}"));
            create(&first.client(), &if k % 2 == 1 { swapped_bodies(&yaml) } else { yaml })
        })
        .collect();
    let decisions = issue_at_once(&first, &second, &ids);
    let mut ubnd: Vec<i64> =
        decisions.iter().filter_map(|d| d.strip_suffix("/QĐ-UBND")).map(|n| n.parse().unwrap()).collect();
    ubnd.sort();
    assert_eq!(ubnd, (1..=count as i64).collect::<Vec<_>>(), "each number of the counter once, none skipped");
    assert_eq!(decisions.len(), 2 * count, "{decisions:?}");

    // Each process reads what the other issued: the sổ vàng numbers of one
    // register once each.
    let awards = second.client().get("/api/awards?q=nguoi%20so").json();
    let mut numbers: Vec<String> = awards
        .as_array()
        .unwrap()
        .iter()
        .map(|a| format!("{} {}", a["co_quan"].as_str().unwrap(), a["so_so"].as_str().unwrap()))
        .collect();
    assert_eq!(numbers.len(), count, "{awards}");
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), count, "a sổ vàng number given twice");
}

#[test]
fn a_save_acknowledged_by_one_process_is_read_by_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = database("saves");
    let first = Server::start_with(&dir.path().join("a"), "127.0.0.1:0", &db);
    let second = Server::start_with(&dir.path().join("b"), "127.0.0.1:0", &db);
    // Open access: the token one process gave the page is good on the other.
    let (on_first, mut on_second) = (first.client(), second.client());
    assert_eq!(on_first.csrf, on_second.csrf, "one open-access token for the whole database");
    on_second.csrf = on_first.csrf.clone();
    let yaml = blank_numbers(&sample().0, "Người A");
    let id = create(&on_second, &yaml);
    let path = format!("/api/conferences/{id}");
    let mut version = 1;
    for round in 0..5 {
        let (writer, reader) = if round % 2 == 0 { (&on_first, &on_second) } else { (&on_second, &on_first) };
        let edited = yaml.replace("125/BC-CAHP", &format!("{}/BC-CAHP", 300 + round));
        let saved = writer.put_yaml(&path, version, &edited);
        assert_eq!(saved.status, 200, "{}", saved.text());
        version = saved.json()["version"].as_i64().unwrap();
        let read = reader.get(&path).json();
        assert_eq!(read["version"].as_i64(), Some(version));
        assert_eq!(read["yaml"].as_str(), Some(edited.as_str()), "round {round}");
        // A save of the version just replaced is stale on either process.
        let stale = reader.put_yaml(&path, version - 1, &yaml);
        assert_eq!(stale.status, 409, "{}", stale.text());
    }
}

#[test]
fn a_session_opened_on_one_process_is_valid_on_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = database("sessions");
    let added = add_user_with(&dir.path().join("a"), &db, "vanthu", "mat-khau-du-dai");
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    let first = Server::start_with(&dir.path().join("a"), "127.0.0.1:0", &db);
    let second = Server::start_with(&dir.path().join("b"), "127.0.0.1:0", &db);
    let mut client = first.client();
    assert_eq!(client.get("/api/conferences").status, 401);
    assert_eq!(client.login("vanthu", "mat-khau-du-dai").status, 200);
    let (yaml, _) = sample();
    let id = create_sample(&client);
    let elsewhere = Client { addr: second.addr.clone(), ..client.clone() };
    let read = elsewhere.get(&format!("/api/conferences/{id}"));
    assert_eq!(read.status, 200, "{}", read.text());
    // The CSRF token of the session too: a write through the other process.
    let saved = elsewhere.put_yaml(&format!("/api/conferences/{id}"), 1, &yaml.replace("125/BC-CAHP", "126/BC-CAHP"));
    assert_eq!(saved.status, 200, "{}", saved.text());
    // Signed out on the second, the session is gone on the first as well.
    let out = elsewhere.request("POST", "/api/logout", &[], b"");
    assert!(out.status < 300, "{}", out.text());
    assert_eq!(client.get("/api/conferences").status, 401);

    // Wrong passwords are counted across processes: five on each lock the
    // name on both (ten to a name), even for the right password.
    for n in 0..10 {
        let server = if n % 2 == 0 { &first } else { &second };
        assert_eq!(server.client().login("vanthu", "sai-mat-khau").status, 401, "try {n}");
    }
    for server in [&first, &second] {
        let locked = server.client().login("vanthu", "mat-khau-du-dai");
        assert_eq!(locked.status, 429, "{}", locked.text());
    }
}

#[test]
fn a_request_waiting_on_a_lock_does_not_hold_up_the_others_of_its_process() {
    let dir = tempfile::tempdir().unwrap();
    let db = database("pool");
    let server = Server::start_with(&dir.path().join("a"), "127.0.0.1:0", &db);
    let client = server.client();
    let id = create_sample(&client);
    // Another session of the database holds the conference's row…
    let mut holder = postgres::Client::connect(&db[1], postgres::NoTls).unwrap();
    let mut held = holder.transaction().unwrap();
    held.execute("SELECT 1 FROM conferences WHERE id = $1 FOR UPDATE", &[&id]).unwrap();
    // …so a save waits on it, keeping one of the process's connections.
    let (yaml, _) = sample();
    let saver = {
        let (client, path) = (client.clone(), format!("/api/conferences/{id}"));
        let edited = yaml.replace("125/BC-CAHP", "126/BC-CAHP");
        std::thread::spawn(move || client.put_yaml(&path, 1, &edited))
    };
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(!saver.is_finished(), "the save waits for the row");
    // Meanwhile the same process answers others on its other connections.
    let (sent, answered) = std::sync::mpsc::channel();
    let reader = client.clone();
    std::thread::spawn(move || {
        let _ = sent.send(reader.get(&format!("/api/conferences/{id}")).status);
    });
    let status = answered.recv_timeout(std::time::Duration::from_secs(20)).expect("answered while a save waits");
    assert_eq!(status, 200);
    assert!(!saver.is_finished(), "the save still waits");
    held.commit().unwrap();
    let saved = saver.join().unwrap();
    assert_eq!(saved.status, 200, "{}", saved.text());
}

#[test]
fn a_backup_of_postgres_points_to_pg_dump_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = database("backup");
    let target = dir.path().join("sao-luu.sqlite3");
    for (lang, words) in [("vi", "dùng công cụ của PostgreSQL"), ("en", "Use PostgreSQL's tool")] {
        let output = std::process::Command::new(workspace::binary())
            .args(["--lang", lang, "backup"])
            .arg(&target)
            .args(&db)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{said}");
        assert!(said.contains(words) && said.contains("pg_dump"), "{said}");
        assert!(!said.contains("panicked"), "{said}");
    }
    assert!(!target.exists());
    // Not a PostgreSQL address: refused in words, nothing opened.
    let wrong = std::process::Command::new(workspace::binary())
        .args(["serve", "--database", "mysql://x@y/z"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&wrong.stderr);
    assert_eq!(wrong.status.code(), Some(2), "{said}");
    assert!(said.contains("--database") && said.contains("postgres://"), "{said}");
}
