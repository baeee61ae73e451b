//! The workspace against a hostile caller, on loopback: a page of another
//! site reaching the server by DNS rebinding, changes without the CSRF token
//! on an open workspace, password guessing and a flood of sign-ins, and
//! register numbers pushed to be given twice (counters set back, typed
//! duplicates, "01" against "1", one body spelt two ways, a counter at its
//! end) — each refused with a clerk's sentence, never a 500, never a number
//! given twice.

mod workspace;

use serde_json::{json, Value};
use workspace::{add_user, sample, Client, Server};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn create(client: &Client, yaml: &str) -> i64 {
    let answer = client.post_multipart("/api/conferences", &[("input", Some("hn.yaml"), yaml.as_bytes())], &[]);
    assert_eq!(answer.status, 201, "{}", answer.text());
    answer.json()["id"].as_i64().unwrap()
}

/// The sample with its first group's list inline: `(name, so_so)` each
/// (an empty number is drawn), and the first group's decision number.
fn conference(people: &[(&str, &str)], decision: &str, body: &str) -> String {
    let (yaml, _) = sample();
    let list: String = people
        .iter()
        .map(|(name, number)| format!("      - {{ loai: ca_nhan, ten: \"{name}\", so_so: \"{number}\" }}\n"))
        .collect();
    yaml.replace("2345/QĐ-UBND", decision)
        .replace("co_quan: \"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\"", &format!("co_quan: \"{body}\""))
        .replace("1789/QĐ-CAHP", "/QĐ-CAHP")
        .replace(
            "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"   # 12 tập thể + 15 cá nhân\n",
            &format!("    danh_sach:\n{list}"),
        )
}

const BODY: &str = "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG";

fn issue(client: &Client, id: i64) -> workspace::Response {
    client.request("POST", &format!("/api/conferences/{id}/issue"), &[("If-Match", "1")], b"")
}

fn messages(answer: &workspace::Response) -> String {
    assert_eq!(answer.status, 422, "{}", answer.text());
    answer.json()["problems"].as_array().unwrap().iter().map(|p| format!("{}: {}\n", p["path"], p["message"])).collect()
}

/// Every sổ vàng number in the register, as (body, year, number).
fn register_numbers(client: &Client) -> Vec<String> {
    let awards = client.get("/api/awards?q=").json();
    let mut numbers: Vec<String> = awards
        .as_array()
        .unwrap()
        .iter()
        .map(|a| format!("{}|{}|{}|{}", a["hinh_thuc"], a["co_quan"], a["nam"], a["so_so"]))
        .collect();
    numbers.sort();
    numbers
}

#[test]
fn a_page_of_another_site_rebound_to_this_server_is_refused() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    assert!(client.csrf.is_some(), "the open workspace gives this machine its token");
    let port = server.addr.rsplit(':').next().unwrap();
    let foreign = Client { host: Some(format!("evil.example:{port}")), ..client.clone() };
    let origin = format!("http://evil.example:{port}");
    for (method, path) in [("GET", "/api/conferences"), ("GET", "/hoi-nghi"), ("GET", "/api/session")] {
        let answer = foreign.request(method, path, &[("Origin", &origin)], b"");
        assert_eq!(answer.status, 403, "{method} {path}: {}", answer.text());
        assert!(answer.text().contains("--allow-host"), "{}", answer.text());
    }
    let answer = foreign.request("POST", "/api/sample", &[("Origin", &origin)], b"");
    assert_eq!(answer.status, 403);
    assert_eq!(client.get("/api/conferences").json(), json!([]), "nothing was made");
    // By address and by localhost it answers.
    let local = Client { host: Some(format!("localhost:{port}")), ..client.clone() };
    assert_eq!(local.get("/api/conferences").status, 200);
    assert_eq!(client.get("/api/conferences").status, 200);
}

#[test]
fn a_name_given_with_allow_host_is_answered() {
    let dir = temp();
    let ws = dir.path().join("ws");
    let mut child = std::process::Command::new(workspace::binary())
        .args(["serve", "--listen", "127.0.0.1:0", "--allow-host", "baocao.ubnd.local", "--workspace"])
        .arg(&ws)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stderr.take().unwrap()), &mut line).unwrap();
    let addr = line.split("http://").nth(1).unwrap().split('/').next().unwrap().to_string();
    let named = Client { addr: addr.clone(), cookie: None, csrf: None, host: Some("BAOCAO.ubnd.local:80".into()) };
    let other = Client { host: Some("baocao.other.local".into()), ..named.clone() };
    let (named_status, other_status) = (named.get("/api/conferences").status, other.get("/api/conferences").status);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!((named_status, other_status), (200, 403));
}

#[test]
fn changes_need_the_csrf_token_even_without_users_and_answers_forbid_framing() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let without = Client { csrf: None, ..client.clone() };
    let refused = without.request("POST", "/api/sample", &[], b"");
    assert_eq!(refused.status, 403, "{}", refused.text());
    assert!(refused.text().contains("mã chống giả mạo"), "{}", refused.text());
    let wrong = Client { csrf: Some("0".repeat(32)), ..client.clone() };
    assert_eq!(wrong.request("POST", "/api/sample", &[], b"").status, 403);
    assert_eq!(client.request("POST", "/api/sample", &[], b"").status, 201);
    for path in ["/hoi-nghi", "/api/conferences", "/tai-nguyen/app.js"] {
        let answer = client.get(path);
        assert_eq!(answer.header("x-frame-options"), Some("DENY"), "{path}");
        assert_eq!(answer.header("x-content-type-options"), Some("nosniff"), "{path}");
        let policy = answer.header("content-security-policy").unwrap_or_default();
        assert!(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'self'"), "{policy}");
    }
}

/// The server's peak memory (VmHWM) in MB.
fn peak_mb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() / 1024
}

#[test]
fn guessing_locks_the_name_and_a_flood_of_sign_ins_stays_small() {
    let dir = temp();
    let ws = dir.path().join("ws");
    assert!(add_user(&ws, "vanthu", "mat-khau-du-dai").status.success());
    let server = Server::start(&ws);
    let mut client = server.client();
    for _ in 0..10 {
        assert_eq!(client.login("vanthu", "doan-sai").status, 401);
    }
    // Locked: even the right password waits, and the answer says how long.
    let locked = client.login("VanThu", "mat-khau-du-dai");
    assert_eq!(locked.status, 429, "{}", locked.text());
    assert!(locked.text().contains("thử lại sau 15 phút"), "{}", locked.text());
    let wait: u64 = locked.header("retry-after").unwrap().parse().unwrap();
    assert!((800..=900).contains(&wait), "{wait}");

    // 200 sign-ins at once with bodies as large as anyone may send: each
    // gets an answer (401, 413 or 429), and the server stays small.
    let big = json!({ "user": "x".repeat(3000), "password": "y" }).to_string();
    let huge = format!("{{\"user\":\"a\",\"password\":\"{}\"}}", "z".repeat(8000));
    let floods: Vec<_> = (0..200)
        .map(|n| {
            let client = server.client();
            let body = if n % 10 == 0 { huge.clone() } else { big.replace("\"x", &format!("\"{n}x")) };
            std::thread::spawn(move || {
                client.request("POST", "/api/login", &[("Content-Type", "application/json")], body.as_bytes()).status
            })
        })
        .collect();
    let statuses: Vec<u16> = floods.into_iter().map(|t| t.join().unwrap()).collect();
    assert!(statuses.iter().all(|s| [401, 413, 429].contains(s)), "{statuses:?}");
    assert!(statuses.iter().filter(|s| **s == 429).count() >= 100, "most are turned away: {statuses:?}");
    let peak = peak_mb(server.pid());
    assert!(peak < 300, "peak {peak} MB");
    // Another name from another… the same machine is locked too (30 from one address).
    let other = client.login("ketoan", "mat-khau-du-dai");
    assert_eq!(other.status, 429, "{}", other.text());
}

#[test]
fn a_counter_set_back_or_to_its_end_never_gives_a_number_twice() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let first = create(&client, &conference(&[("An", ""), ("Bình", ""), ("Chi", "")], "/QĐ-UBND", BODY));
    assert_eq!(issue(&client, first).status, 200);
    let before = register_numbers(&client);
    assert_eq!(before.len(), 6, "3 bằng khen and 3 giấy khen: {before:?}");

    // Set back behind what was issued: refused, in words.
    let book = json!({ "so": "so_vang_bang_khen", "co_quan": BODY, "nam": 2018, "so_cuoi": 0, "do_dai": 0 });
    let put = |value: &Value| {
        client.request("PUT", "/api/counters", &[("Content-Type", "application/json")], value.to_string().as_bytes())
    };
    let back = put(&book);
    assert!(messages(&back).contains("số lớn nhất đã cấp trong sổ này"), "{}", back.text());
    // The same body spelt otherwise is the same register.
    let spelt = json!({ "so": "so_vang_bang_khen", "co_quan": " Ủy ban nhân dân thành phố Hải Phòng ", "nam": 2018, "so_cuoi": 1, "do_dai": 0 });
    assert_eq!(put(&spelt).status, 422);
    let end = json!({ "so": "so_vang_bang_khen", "co_quan": BODY, "nam": 2018, "so_cuoi": i64::MAX, "do_dai": 0 });
    assert!(messages(&put(&end)).contains("999.999.999"));

    // A second conference of the body spelt otherwise draws after the first's numbers.
    let spelt_body = "Ủy  ban nhân dân thành phố Hải Phòng";
    let second = create(&client, &conference(&[("Dung", ""), ("Em", "")], "/QĐ-UBND", spelt_body));
    assert_eq!(issue(&client, second).status, 200);
    let after = register_numbers(&client);
    assert_eq!(after.len(), 11, "3 + 2 bằng khen and 3 + 3 giấy khen: {after:?}");
    let counters = client.get("/api/counters").json();
    let books = counters.as_array().unwrap().iter().filter(|c| c["so"] == "so_vang_bang_khen").count();
    assert_eq!(books, 1, "one counter for one body: {counters}");
    let numbers: Vec<&str> =
        after.iter().filter(|n| n.contains("bang_khen")).map(|n| n.rsplit('|').next().unwrap()).collect();
    let mut unique = numbers.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), numbers.len(), "{numbers:?}");

    // A counter at the register's end: a clear 422, nothing issued, and not a 500 on every later issue.
    let near_end =
        json!({ "so": "so_vang_bang_khen", "co_quan": BODY, "nam": 2018, "so_cuoi": 999_999_999, "do_dai": 0 });
    assert_eq!(put(&near_end).status, 200);
    let third = create(&client, &conference(&[("Giang", "")], "/QĐ-UBND", BODY));
    for _ in 0..2 {
        let full = issue(&client, third);
        assert!(messages(&full).contains("đã cấp đến số lớn nhất"), "{}", full.text());
    }
    assert_eq!(register_numbers(&client), after);
}

#[test]
fn typed_numbers_are_one_number_however_padded_and_never_twice_in_one_issue() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let first = create(&client, &conference(&[("An", "1"), ("Bình", "2")], "12/QĐ-UBND", BODY));
    assert_eq!(issue(&client, first).status, 200);

    // "01" is "1", held by another conference; "7" typed twice in one list.
    let second = create(&client, &conference(&[("Chi", "01"), ("Dung", "7"), ("Em", "7")], "/QĐ-UBND", BODY));
    let said = messages(&issue(&client, second));
    assert!(said.contains("danh_sach[0].so_so") && said.contains("đã cấp trong sổ đăng ký cho An"), "{said}");
    assert!(
        said.contains("danh_sach[2].so_so") && said.contains("đã ghi cho «Dung» trong cùng đợt ban hành"),
        "{said}"
    );
    // The decision number "012" is 12, held.
    let third = create(&client, &conference(&[("Giang", "")], "012/QĐ-UBND", BODY));
    let said = messages(&issue(&client, third));
    assert!(said.contains("quyet_dinh.so") && said.contains("«012/QĐ-UBND» đã cấp"), "{said}");
    // Two groups of one body typing the same decision number: a clear 422, twice.
    let (yaml, _) = sample();
    let same = yaml
        .replace("1789/QĐ-CAHP", "2345/QĐ-CAHP")
        .replace("CÔNG AN THÀNH PHỐ HẢI PHÒNG\"\n    dia_danh", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\"\n    dia_danh");
    let list = std::fs::read(workspace::root().join("inputs/hai-phong-2018-bang-khen.csv")).unwrap();
    let answer = client.post_multipart(
        "/api/conferences",
        &[("input", Some("hn.yaml"), same.as_bytes()), (workspace::SAMPLE_LIST, Some(workspace::SAMPLE_LIST), &list)],
        &[],
    );
    assert_eq!(answer.status, 201, "{}", answer.text());
    let fourth = answer.json()["id"].as_i64().unwrap();
    for _ in 0..2 {
        let said = messages(&issue(&client, fourth));
        assert!(said.contains("khen_thuong[1].quyet_dinh.so") && said.contains("nhóm khen thưởng thứ 1"), "{said}");
    }
    // Nothing of the refused issues reached the register.
    assert_eq!(register_numbers(&client).len(), 5, "the first conference's 2 + 3");
}

/// Nested aliases: 390 bytes that expand to 10^9 values.
fn billion_laughs(mapping_keys: bool) -> String {
    let mut text = String::from("a0: &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for level in 1..9 {
        let aliases = vec![format!("*a{}", level - 1); 10].join(",");
        text.push_str(&format!("a{level}: &a{level} [{aliases}]\n"));
    }
    if mapping_keys {
        text.push_str("van_ban: *a8\n");
    }
    text
}

#[test]
fn nested_aliases_sent_as_a_conference_or_a_form_are_refused_and_the_server_lives_on() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let id = workspace::create_sample(&client);
    for bomb in [billion_laughs(false), billion_laughs(true)] {
        let created = client.post_multipart("/api/conferences", &[("input", Some("hn.yaml"), bomb.as_bytes())], &[]);
        assert!(messages(&created).contains("bí danh"), "{}", created.text());
        let replaced = client.put_yaml(&format!("/api/conferences/{id}"), 1, &bomb);
        assert_eq!(replaced.status, 422, "{}", replaced.text());
        let form = client.request(
            "PUT",
            &format!("/api/conferences/{id}/form"),
            &[("If-Match", "1"), ("Content-Type", "application/yaml")],
            bomb.as_bytes(),
        );
        assert!(messages(&form).contains("bí danh"), "{}", form.text());
    }
    // Still serving, and small.
    assert_eq!(client.get(&format!("/api/conferences/{id}")).json()["version"], 1);
    let peak = peak_mb(server.pid());
    assert!(peak < 400, "peak {peak} MB");
}
