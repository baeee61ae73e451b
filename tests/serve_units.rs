//! A province's workspace: units (a tree), users of a unit with a role, and
//! the server holding every route to them — a clerk of ward A gets 404 for
//! every route of ward B's conference (the routes swept are read from the
//! source, so a new route is swept too), a clerk cannot issue, a leader
//! cannot edit, the province reads both wards and summarises across them.

#[path = "../src/app/serve/route_scan.rs"]
mod route_scan;
mod workspace;

use std::path::Path;
use std::process::Command;

use workspace::{binary, create_yaml, signed_in, Server, PROVINCE, PROVINCE_AND_WARDS, WARD_A, WARD_B};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn baocao(workspace: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    workspace::command(workspace, args, stdin)
}

fn said(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

const PASSWORD: &str = "mật khẩu dài";

/// The province and two wards; users of each role.
fn set_up(ws: &Path) {
    let users = [
        ("vanthu-a", Some((WARD_A, "van-thu"))),
        ("lanhdao-a", Some((WARD_A, "lanh-dao"))),
        ("vanthu-b", Some((WARD_B, "van-thu"))),
        ("tinh", Some((PROVINCE, "tinh"))),
        ("quantri", None),
    ];
    workspace::set_up_units(ws, &PROVINCE_AND_WARDS, &users, PASSWORD);
}

#[test]
fn units_and_users_are_set_up_from_the_command_line_and_bad_ones_refused() {
    let dir = temp();
    let ws = dir.path().join("ws");
    set_up(&ws);
    // Typed decomposed (as some keyboards send it): the same unit, in NFC.
    let decomposed = "To\u{302}\u{309} da\u{302}n pho\u{302}\u{301} 1";
    let output = baocao(
        &ws,
        &["units", "add", decomposed, "--thuoc", "Phu\u{31b}o\u{31b}\u{300}ng Ho\u{302}\u{300}ng Ba\u{300}ng"],
        "",
    );
    assert!(output.status.success(), "{}", said(&output));
    let listed = baocao(&ws, &["units", "list"], "");
    assert!(listed.status.success(), "{}", said(&listed));
    assert_eq!(
        String::from_utf8_lossy(&listed.stdout),
        format!("{PROVINCE}\n  {WARD_A}\n    Tổ dân phố 1\n  {WARD_B}\n")
    );

    // Each refusal: exit 2, the option named, the language asked, nothing stored.
    let cases: [(&[&str], &str, &str, &str); 5] = [
        (
            &["units", "add", "Xã Mới", "--thuoc", "Quận Không Có"],
            "--thuoc",
            "không có đơn vị «Quận Không Có»",
            "has no unit «Quận Không Có»",
        ),
        (
            &["units", "add", WARD_A, "--thuoc", PROVINCE],
            "units add",
            "đã có đơn vị «Phường Hồng Bàng»",
            "already exists",
        ),
        (
            &["users", "add", "ai-do", "--don-vi", "Phường Không Có", "--vai-tro", "van-thu"],
            "--don-vi",
            "không có đơn vị «Phường Không Có»",
            "has no unit",
        ),
        (
            &["users", "add", "ai-do", "--don-vi", WARD_A, "--vai-tro", "giam-doc"],
            "--vai-tro",
            "vai trò «giam-doc» không có",
            "there is no role «giam-doc»",
        ),
        (
            &["users", "add", "ai-do", "--don-vi", WARD_A],
            "--vai-tro",
            "--don-vi và --vai-tro đi cùng nhau",
            "go together",
        ),
    ];
    for (args, option, vi, en) in cases {
        for (lang, words) in [("vi", vi), ("en", en)] {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let output = baocao(&ws, &all, &format!("{PASSWORD}\n"));
            let text = said(&output);
            assert_eq!(output.status.code(), Some(2), "{all:?}: {text}");
            assert!(text.contains(option) && text.contains(words), "{all:?} ({lang}): {text}");
            assert!(!text.contains("panicked"), "{text}");
        }
    }
    let listed_again = baocao(&ws, &["units", "list"], "");
    assert_eq!(listed.stdout, listed_again.stdout, "a refused unit is not stored");
    // The refused user was never added: she cannot sign in.
    let server = Server::start(&ws);
    let mut client = server.client();
    assert_eq!(client.login("ai-do", PASSWORD).status, 401);
    assert_eq!(client.login("vanthu-a", PASSWORD).status, 200);
    drop(server);
    // A new password alone keeps her unit and role; given anew, they change.
    let reset = baocao(&ws, &["users", "add", "vanthu-a"], "mật khẩu mới dài\n");
    assert!(reset.status.success(), "{}", said(&reset));
    let server = Server::start(&ws);
    let header = |user: &str, password: &str| {
        let mut client = server.client();
        assert_eq!(client.login(user, password).status, 200);
        let page = client.get("/hoi-nghi").text();
        page.split("<header").nth(1).unwrap_or_default().split("</header>").next().unwrap_or_default().to_string()
    };
    let shown = header("vanthu-a", "mật khẩu mới dài");
    assert!(shown.contains(WARD_A) && shown.contains("Văn thư"), "{shown}");
    let moved =
        baocao(&ws, &["users", "add", "vanthu-a", "--don-vi", WARD_B, "--vai-tro", "lanh-dao"], "mật khẩu mới dài\n");
    assert!(moved.status.success(), "{}", said(&moved));
    let shown = header("vanthu-a", "mật khẩu mới dài");
    assert!(shown.contains(WARD_B) && shown.contains("Lãnh đạo"), "{shown}");
}

/// The sample with its first group's list inline (one person, no sổ vàng
/// number) and blank decision numbers: "Ban hành" draws them.
fn issuable(person: &str) -> String {
    let (yaml, _) = workspace::sample();
    yaml.replace("2345/QĐ-UBND", "/QĐ-UBND").replace("1789/QĐ-CAHP", "/QĐ-CAHP").replace(
        "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"   # 12 tập thể + 15 cá nhân\n",
        &format!("    danh_sach:\n      - {{ loai: ca_nhan, ten: \"{person}\" }}\n"),
    )
}

fn input(name: &str) -> String {
    std::fs::read_to_string(workspace::root().join("inputs").join(name)).expect("sample input")
}

/// `path` with its parameters filled: `{id}` is `id`, the others a value
/// the route takes for a conference the caller may see.
fn filled(pattern: &str, id: i64) -> String {
    pattern
        .replace("{id}", &id.to_string())
        .replace("{name}", "bao-cao.pdf")
        .replace("{version}", "1")
        .replace("{paper}", "bao-cao")
        .replace("{page}", "1.png")
        .replace("{group}", "0")
}

fn send(client: &workspace::Client, method: &str, path: &str) -> workspace::Response {
    let body: &[u8] = if method == "GET" { b"" } else { b"{}" };
    client.request(method, path, &[("If-Match", "1"), ("Content-Type", "application/json")], body)
}

#[test]
fn a_ward_never_reaches_another_wards_conference_and_each_role_does_its_own_work() {
    let dir = temp();
    let ws = dir.path().join("ws");
    set_up(&ws);
    let server = Server::start(&ws);
    let clerk_a = signed_in(&server, "vanthu-a", PASSWORD);
    let leader_a = signed_in(&server, "lanhdao-a", PASSWORD);
    let clerk_b = signed_in(&server, "vanthu-b", PASSWORD);
    let province = signed_in(&server, "tinh", PASSWORD);
    let office = signed_in(&server, "quantri", PASSWORD);

    let a = create_yaml(&clerk_a, &input("quan-a.yaml"));
    let a_issued = create_yaml(&clerk_a, &issuable("Nguyễn Văn Hồng"));
    let b = create_yaml(&clerk_b, &input("quan-b.yaml"));
    // Ward B's papers are issued by its own bodies (its own registers).
    let b_issued = create_yaml(&clerk_b, &issuable("Trần Thị Lê").replace("THÀNH PHỐ HẢI PHÒNG", "PHƯỜNG LÊ CHÂN"));
    let b_binned = create_yaml(&clerk_b, &input("quan-b.yaml"));
    let b_spare = create_yaml(&clerk_b, &input("quan-b.yaml"));
    assert_eq!(send(&clerk_b, "POST", &format!("/api/conferences/{b_binned}/bin")).status, 200);

    // The sweep: every route naming a conference, GET and POST alike with
    // a valid CSRF token, is 404 for ward A's clerk on ward B's conference —
    // and is not 404 for the office on the same request (the 404 is the
    // gate's, not a wrong address).
    // Read from the server's source as `access::ROUTES` is checked against it:
    // a route added tomorrow is swept too.
    let routes = route_scan::routes_in_source(&workspace::root().join("src/app/serve"));
    let of_a_conference: Vec<&(String, String)> = routes.iter().filter(|(_, p)| p.contains("{id}")).collect();
    assert!(of_a_conference.len() >= 17, "routes read from the source: {routes:?}");
    for (method, pattern) in &of_a_conference {
        let target = match pattern.rsplit('/').next() {
            Some("restore") => b_binned,
            Some("bin") => b_spare,
            _ => b,
        };
        let path = filled(pattern, target);
        let refused = send(&clerk_a, method, &path);
        assert_eq!(refused.status, 404, "{method} {path} as ward A's clerk: {}", refused.text());
        assert_eq!(
            refused.body,
            send(&clerk_a, method, &filled(pattern, 999_999)).body,
            "{method} {path}: as if it did not exist"
        );
        let seen = send(&office, method, &path);
        assert_ne!(seen.status, 404, "{method} {path} as the office: {}", seen.text());
    }

    // Nor when its id is written otherwise (the router would decode "%3N" to a digit).
    let encoded: String = b.to_string().chars().map(|digit| format!("%3{digit}")).collect();
    for path in
        [format!("/api/conferences/{encoded}"), format!("/hoi-nghi/{encoded}"), format!("/api/conferences/+{b}")]
    {
        assert_eq!(clerk_a.get(&path).status, 404, "{path}");
    }
    assert_eq!(office.get(&format!("/api/conferences/{encoded}")).status, 200, "the router reads it as the id");

    // Lists, the register and its export show ward A only its own.
    let ids = |client: &workspace::Client, path: &str| -> Vec<i64> {
        client.get(path).json().as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect()
    };
    let mut own = ids(&clerk_a, "/api/conferences");
    own.sort();
    assert_eq!(own, vec![a, a_issued]);
    // The sweep restored `b_binned` and binned `b_spare` (as the office).
    assert!(ids(&clerk_b, "/api/bin").contains(&b_spare) && ids(&clerk_a, "/api/bin").is_empty());
    let page = clerk_a.get("/hoi-nghi").text();
    assert!(page.contains("CÔNG AN QUẬN") || page.contains(&a.to_string()), "{page}");
    assert!(!page.contains(&format!("/hoi-nghi/{b}\"")), "ward B's conference listed for ward A");
    assert!(page.contains(WARD_A) && page.contains("Văn thư"), "her unit and role in the header");
    // The pages offer each role its own work only (the server refuses the rest anyway).
    let offers =
        |client: &workspace::Client, path: &str, id: &str| client.get(path).text().contains(&format!("id=\"{id}\""));
    assert!(offers(&clerk_a, "/hoi-nghi", "tao-trong") && !offers(&leader_a, "/hoi-nghi", "tao-trong"));
    assert!(offers(&leader_a, "/so-dang-ky", "dat-bo-dem") && !offers(&clerk_a, "/so-dang-ky", "dat-bo-dem"));
    assert!(leader_a.get(&format!("/hoi-nghi/{a}")).text().contains("Chỉ xem"));
    assert!(!clerk_a.get(&format!("/hoi-nghi/{a}")).text().contains("Chỉ xem"));

    // Roles: the clerk edits but does not issue; the leader issues but does not edit.
    let forbidden = send(&clerk_a, "POST", &format!("/api/conferences/{a_issued}/issue"));
    assert_eq!(forbidden.status, 403, "{}", forbidden.text());
    assert!(forbidden.json()["message"].as_str().unwrap().contains("không được ban hành"), "{}", forbidden.text());
    let yaml = clerk_a.get(&format!("/api/conferences/{a}")).json()["yaml"].as_str().unwrap().to_string();
    let leader_save = leader_a.put_yaml(&format!("/api/conferences/{a}"), 1, &yaml);
    assert_eq!(leader_save.status, 403, "{}", leader_save.text());
    assert!(leader_save.json()["message"].as_str().unwrap().contains("không được sửa"), "{}", leader_save.text());
    assert_eq!(leader_a.post_json("/api/blank", &serde_json::json!({})).status, 403);
    assert_eq!(clerk_a.put_yaml(&format!("/api/conferences/{a}"), 1, &yaml).status, 200, "the clerk saves");
    let issued = send(&leader_a, "POST", &format!("/api/conferences/{a_issued}/issue"));
    assert_eq!(issued.status, 200, "the leader issues: {}", issued.text());
    assert_eq!(send(&office, "POST", &format!("/api/conferences/{b_issued}/issue")).status, 200);
    assert_eq!(send(&leader_a, "GET", &format!("/api/conferences/{b}")).status, 404);

    let names = |client: &workspace::Client| -> Vec<String> {
        let found = client.get("/api/awards?q=").json();
        let mut names: Vec<String> =
            found.as_array().unwrap().iter().map(|a| a["ten"].as_str().unwrap_or_default().to_string()).collect();
        names.sort();
        names.dedup();
        names
    };
    let count = |client: &workspace::Client| client.get("/api/awards?q=").json().as_array().unwrap().len();
    let (of_a, of_b, of_province) = (names(&clerk_a), names(&clerk_b), names(&province));
    assert!(of_a.contains(&"Nguyễn Văn Hồng".into()) && !of_a.contains(&"Trần Thị Lê".into()), "{of_a:?}");
    assert!(of_b.contains(&"Trần Thị Lê".into()) && !of_b.contains(&"Nguyễn Văn Hồng".into()), "{of_b:?}");
    assert!(of_province.contains(&"Trần Thị Lê".into()) && of_province.contains(&"Nguyễn Văn Hồng".into()));
    assert_eq!(count(&province), count(&clerk_a) + count(&clerk_b), "the province's register is both wards'");
    let export = clerk_a.get("/api/awards.xlsx");
    let rows = workspace::xlsx_rows(&export.body);
    assert!(rows.iter().any(|row| row.iter().any(|cell| cell == "Nguyễn Văn Hồng")), "{rows:?}");
    assert!(
        !rows.iter().flatten().any(|cell| cell.contains("Trần Thị Lê")),
        "ward B's award exported to ward A: {rows:?}"
    );

    // A number ward A holds, typed again in ward B and issued: refused,
    // without naming A's conference or people.
    let held = clerk_a.get("/api/awards?q=nguyen%20van%20hong").json()[0].clone();
    let (number, a_name) =
        (held["quyet_dinh"].as_str().unwrap().to_string(), held["ten_hoi_nghi"].as_str().unwrap().to_string());
    let again = issuable("Đỗ Thị Mai").replace("\"/QĐ-UBND\"", &format!("\"{number}\""));
    assert!(again.contains(&number), "{number}");
    let typed_again = create_yaml(&clerk_b, &again);
    let refused = send(&office, "POST", &format!("/api/conferences/{typed_again}/issue"));
    assert_eq!(refused.status, 422, "{}", refused.text());
    let text = refused.text();
    assert!(text.contains(&format!("số «{number}» đã cấp trong sổ đăng ký cho một hội nghị khác")), "{text}");
    assert!(!text.contains(&a_name) && !text.contains("Nguyễn Văn Hồng"), "{text}");

    // The registers' counters: each ward sees and sets its own bodies' only.
    let bodies = |client: &workspace::Client| -> String {
        let counters = client.get("/api/counters").json();
        counters.as_array().unwrap().iter().map(|c| format!("{}|", c["co_quan"].as_str().unwrap())).collect()
    };
    let (seen_a, seen_b, seen_province) = (bodies(&clerk_a), bodies(&clerk_b), bodies(&province));
    assert!(seen_a.contains("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG|") && !seen_a.contains("LÊ CHÂN"), "{seen_a}");
    assert!(seen_b.contains("ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN|") && !seen_b.contains("THÀNH PHỐ"), "{seen_b}");
    assert!(seen_province.contains("THÀNH PHỐ") && seen_province.contains("LÊ CHÂN"), "{seen_province}");
    assert!(!clerk_a.get("/so-dang-ky").text().contains("LÊ CHÂN"), "ward B's counters on ward A's register page");
    let set = |client: &workspace::Client, body: &str| {
        let counter = serde_json::json!({ "so": "quyet_dinh", "co_quan": body, "nam": 2030, "so_cuoi": 7 });
        client.request("PUT", "/api/counters", &[("Content-Type", "application/json")], counter.to_string().as_bytes())
    };
    let theirs = set(&leader_a, "ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN");
    assert_eq!(theirs.status, 403, "{}", theirs.text());
    assert!(theirs.text().contains("do đơn vị khác cấp số"), "{}", theirs.text());
    assert_eq!(set(&clerk_a, "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG BÀNG").status, 403, "a clerk sets no counter");
    assert_eq!(set(&leader_a, "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG BÀNG").status, 200, "a new body's register");
    assert!(bodies(&clerk_a).contains("PHƯỜNG HỒNG BÀNG") && !bodies(&clerk_b).contains("HỒNG BÀNG"));

    // The province reads both wards, grouped by unit, and changes neither.
    for id in [a, b] {
        assert_eq!(province.get(&format!("/api/conferences/{id}")).status, 200);
        assert_eq!(province.get(&format!("/hoi-nghi/{id}")).status, 200);
    }
    let listed = province.get("/hoi-nghi").text();
    assert!(listed.contains("<th>Đơn vị</th>") && listed.contains(WARD_A) && listed.contains(WARD_B), "{listed}");
    let only_b = province.get(&format!("/hoi-nghi?don_vi={}", unit_id(&province, WARD_B))).text();
    assert!(only_b.contains(&format!("/hoi-nghi/{b}\"")) && !only_b.contains(&format!("/hoi-nghi/{a}\"")));
    assert_eq!(province.put_yaml(&format!("/api/conferences/{a}"), 2, &yaml).status, 403);
    assert_eq!(send(&province, "POST", &format!("/api/conferences/{b_issued}/issue")).status, 403);
}

/// The id of unit `name`, as the summary page offers it to `client`.
fn unit_id(client: &workspace::Client, name: &str) -> i64 {
    let page = client.get("/tong-hop").text();
    let at = page.find(&format!("> {name}</label>")).unwrap_or_else(|| panic!("{name} offered: {page}"));
    let before = &page[..at];
    let value = before.rsplit("value=\"").next().unwrap();
    value.split('"').next().unwrap().parse().unwrap()
}

/// The sum of indicator `code` over `from..=to` in the yearly table of a sample input.
fn yearly_sum(yaml: &str, code: &str, from: i64, to: i64) -> i64 {
    let value = |line: &str, key: &str| -> Option<i64> {
        let rest = line.split(&format!("{key}: ")).nth(1)?;
        rest.split([',', ' ', '}']).next()?.parse().ok()
    };
    yaml.lines()
        .filter(|line| value(line, "nam").is_some_and(|year| (from..=to).contains(&year)))
        .filter_map(|line| value(line, code))
        .sum()
}

/// "1.631" as the papers write 1631.
fn grouped(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[test]
fn the_province_summarises_its_wards_from_their_own_conferences_as_baocao_summary_does() {
    let dir = temp();
    let ws = dir.path().join("ws");
    set_up(&ws);
    let server = Server::start(&ws);
    let clerk_a = signed_in(&server, "vanthu-a", PASSWORD);
    let clerk_b = signed_in(&server, "vanthu-b", PASSWORD);
    let province = signed_in(&server, "tinh", PASSWORD);
    let (yaml_a, yaml_b) = (input("quan-a.yaml"), input("quan-b.yaml"));
    let a = create_yaml(&clerk_a, &yaml_a);
    let b = create_yaml(&clerk_b, &yaml_b);
    let (unit_a, unit_b) = (unit_id(&province, WARD_A), unit_id(&province, WARD_B));

    // The province picks the two wards and the years: each ward's own conference.
    let asked = serde_json::json!({ "don_vi": [unit_a, unit_b], "from": 2018, "to": 2023 });
    let summary = province.post_json("/api/summary", &asked);
    assert_eq!(summary.status, 200, "{}", summary.text());
    let pdf = workspace::zip_file(&summary.body, "tong-hop.pdf");
    let text = workspace::pdf_text(&pdf);
    // The same papers `baocao summary` makes of the two files.
    let out = dir.path().join("th");
    let files = [workspace::root().join("inputs/quan-a.yaml"), workspace::root().join("inputs/quan-b.yaml")];
    let cli = Command::new(binary())
        .arg("summary")
        .args(&files)
        .args(["--from", "2018", "--to", "2023", "-o"])
        .arg(&out)
        .output()
        .expect("baocao summary");
    assert!(cli.status.success(), "{}", said(&cli));
    let from_files = workspace::pdf_text(&std::fs::read(out.join("tong-hop.pdf")).expect("the CLI's summary"));
    assert_eq!(text, from_files, "the workspace's summary is `baocao summary`'s");
    // The figures add up: the wards' reports of the indicator, year by year.
    let (of_a, of_b) = (yearly_sum(&yaml_a, "tin_bao", 2018, 2023), yearly_sum(&yaml_b, "tin_bao", 2018, 2023));
    assert!(of_a > 0 && of_b > 0, "{of_a} {of_b}");
    for figure in [of_a, of_b, of_a + of_b] {
        assert!(text.contains(&grouped(figure)), "{} in:\n{text}", grouped(figure));
    }

    // A ward summarises only herself: the other ward is a unit she does not
    // have, its conference one that does not exist.
    let own = clerk_a.post_json("/api/summary", &serde_json::json!({ "don_vi": [unit_a], "from": 2018, "to": 2023 }));
    assert_eq!(own.status, 200, "{}", own.text());
    for (asked, words) in [
        (
            serde_json::json!({ "don_vi": [unit_b], "from": 2018, "to": 2023 }),
            &format!("không có đơn vị mã {unit_b} trong các đơn vị bạn được xem"),
        ),
        (serde_json::json!({ "conferences": [b], "from": 2018, "to": 2023 }), &format!("không có hội nghị số {b}")),
    ] {
        let refused = clerk_a.post_json("/api/summary", &asked);
        assert_eq!(refused.status, 422, "{}", refused.text());
        assert!(refused.text().contains(words), "{}", refused.text());
    }
    assert!(!clerk_a.get("/tong-hop").text().contains(WARD_B), "ward B offered to ward A");
    // A unit without a conference of its own is named.
    let root = unit_id(&province, PROVINCE);
    let empty =
        province.post_json("/api/summary", &serde_json::json!({ "don_vi": [root, unit_a], "from": 2018, "to": 2023 }));
    assert!(empty.text().contains(&format!("đơn vị «{PROVINCE}» chưa có hội nghị")), "{}", empty.text());
    // Picking the two conferences themselves gives the same summary.
    let by_conference =
        province.post_json("/api/summary", &serde_json::json!({ "conferences": [a, b], "from": 2018, "to": 2023 }));
    assert_eq!(workspace::pdf_text(&workspace::zip_file(&by_conference.body, "tong-hop.pdf")), text);
}

/// Each unit keeps its own printer profiles: a ward's «Máy in văn thư» is
/// not another ward's (one name, two printers), nor changed or deleted by
/// it; the office keeps its own.
#[test]
fn each_unit_keeps_its_own_printer_profiles() {
    let dir = temp();
    let ws = dir.path().join("ws");
    set_up(&ws);
    let server = Server::start(&ws);
    let (clerk_a, clerk_b, office) = (
        signed_in(&server, "vanthu-a", PASSWORD),
        signed_in(&server, "vanthu-b", PASSWORD),
        signed_in(&server, "quantri", PASSWORD),
    );
    let put = |client: &workspace::Client, x: f64| {
        let body = serde_json::json!({ "ten": "Máy in văn thư", "lech_x": x, "lech_y": 0.5, "ty_le": 1.0 });
        let answer = client.request(
            "PUT",
            "/api/printers",
            &[("Content-Type", "application/json")],
            body.to_string().as_bytes(),
        );
        assert_eq!(answer.status, 200, "{}", answer.text());
    };
    let offsets = |client: &workspace::Client| -> Vec<f64> {
        let listed = client.get("/api/printers").json();
        listed.as_array().unwrap().iter().map(|p| p["lech_x"].as_f64().unwrap()).collect()
    };
    put(&clerk_a, 1.5);
    assert!(offsets(&clerk_b).is_empty(), "ward B sees ward A's printer");
    assert!(offsets(&office).is_empty(), "the office sees ward A's printer");
    assert!(!clerk_b.get("/may-in").text().contains("Máy in văn thư"), "on ward B's page");
    put(&clerk_b, -2.0);
    put(&office, 3.0);
    assert_eq!(offsets(&clerk_a), [1.5], "ward B's save changed ward A's printer");
    let path = format!("/api/printers/{}", "M%C3%A1y%20in%20v%C4%83n%20th%C6%B0");
    assert_eq!(clerk_b.request("DELETE", &path, &[], b"").status, 200);
    assert!(offsets(&clerk_b).is_empty());
    assert_eq!(offsets(&clerk_a), [1.5], "ward B's delete removed ward A's printer");
    assert_eq!(offsets(&office), [3.0]);
}
