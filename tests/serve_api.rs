//! The workspace's HTTP contract, against the real binary on loopback:
//! 201/200/404/409/422 and what each answer carries, the papers it serves
//! (the same bytes `baocao build` writes), uploads it refuses, sessions and
//! CSRF once a user exists, and `serve --listen` off loopback without users.

mod workspace;

use serde_json::{json, Value};
use workspace::{add_user, create_sample, pdf_text, sample, zip_file, zip_names, Server, SAMPLE_LIST};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The problems of a 422 answer.
fn problems(answer: &workspace::Response) -> Vec<Value> {
    assert_eq!(answer.status, 422, "{}", answer.text());
    answer.json()["problems"].as_array().cloned().expect("problems")
}

#[test]
fn conferences_are_created_read_edited_and_served_as_the_contract_says() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    assert_eq!(client.get("/api/conferences").json(), json!([]));

    // A wrong date: 422 with the problem at its field, in check's words, and nothing stored.
    let (yaml, list) = sample();
    let wrong = yaml.replace("ngay: 2018-08-21\n  noi_nhan", "ngay: 2018-02-30\n  noi_nhan");
    let answer = client.post_multipart(
        "/api/conferences",
        &[("input", Some("hn.yaml"), wrong.as_bytes()), (SAMPLE_LIST, Some(SAMPLE_LIST), &list)],
        &[],
    );
    let found = problems(&answer);
    assert_eq!(found.len(), 1, "{found:?}");
    let problem = &found[0];
    assert_eq!(problem["path"], "van_ban.ngay");
    assert_eq!(problem["severity"], "error");
    assert_eq!((problem["line"].as_u64(), problem["col"].as_u64()), (Some(10), Some(9)), "{problem}");
    let check_dir = temp();
    std::fs::write(check_dir.path().join("hn.yaml"), &wrong).unwrap();
    std::fs::write(check_dir.path().join(SAMPLE_LIST), &list).unwrap();
    let check = std::process::Command::new(workspace::binary())
        .args(["check", "hn.yaml"])
        .current_dir(check_dir.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&check.stderr);
    let message = problem["message"].as_str().unwrap();
    assert!(said.contains(&format!("hn.yaml:10:9: van_ban.ngay: {message}")), "{said}\nvs {message}");
    // The list file it names is missing: 422 too.
    let answer = client.post_multipart("/api/conferences", &[("input", Some("hn.yaml"), yaml.as_bytes())], &[]);
    assert_eq!(problems(&answer)[0]["path"], "khen_thuong[0].danh_sach_tep");
    assert_eq!(client.get("/api/conferences").json(), json!([]), "nothing stored after 422");

    // Created: 201, then readable with its version and ETag.
    let id = create_sample(&client);
    let listed = client.get("/api/conferences").json();
    assert_eq!(listed[0]["id"], id);
    assert_eq!(listed[0]["version"], 1);
    assert_eq!(listed[0]["name"], "Sơ kết 2013–2018 · CÔNG AN THÀNH PHỐ HẢI PHÒNG");
    let shown = client.get(&format!("/api/conferences/{id}"));
    assert_eq!(shown.status, 200);
    assert_eq!(shown.header("etag"), Some("\"1\""));
    let shown = shown.json();
    assert_eq!(shown["yaml"], yaml);
    // Nothing wrong: only the notes `check` prints on how the list was read, in its words.
    let notes = shown["problems"].as_array().unwrap();
    assert!(!notes.is_empty() && notes.iter().all(|n| n["severity"] == "info"), "{notes:?}");
    let sample_dir = temp();
    std::fs::write(sample_dir.path().join("hn.yaml"), &yaml).unwrap();
    std::fs::write(sample_dir.path().join(SAMPLE_LIST), &list).unwrap();
    let check = std::process::Command::new(workspace::binary())
        .args(["check", "hn.yaml"])
        .current_dir(sample_dir.path())
        .output()
        .unwrap();
    assert!(check.status.success());
    let said = String::from_utf8_lossy(&check.stderr);
    for note in notes {
        assert!(said.contains(note["message"].as_str().unwrap()), "{note} not in:\n{said}");
    }
    assert_eq!(client.get("/api/conferences/999").status, 404);

    // Edits: If-Match required; stale → 409; invalid → 422; neither changes anything.
    let edited = yaml.replace("125/BC-CAHP", "126/BC-CAHP");
    let conference = format!("/api/conferences/{id}");
    assert_eq!(client.request("PUT", &conference, &[], edited.as_bytes()).status, 428);
    let answer = client.put_yaml(&conference, 1, &edited);
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.json()["version"], 2);
    assert_eq!(answer.header("etag"), Some("\"2\""));
    let stale = client.put_yaml(&conference, 1, &yaml);
    assert_eq!(stale.status, 409);
    assert_eq!(stale.json()["version"], 2);
    let invalid = client.put_yaml(&conference, 2, &edited.replace("tu: 2013", "tu: 2019"));
    assert_eq!(problems(&invalid)[0]["path"], "giai_doan.den");
    let now = client.get(&conference).json();
    assert_eq!((now["version"].as_i64(), now["yaml"].as_str()), (Some(2), Some(edited.as_str())));
    // Every version is kept.
    assert_eq!(client.get(&format!("{conference}?phien_ban=1")).json()["yaml"], yaml);
    assert_eq!(client.get(&format!("{conference}/versions")).json().as_array().map(Vec::len), Some(2));

    // Papers of the newest version, typed right.
    let report = client.get(&format!("{conference}/files/bao-cao.pdf"));
    assert_eq!(report.status, 200);
    assert_eq!(report.header("content-type"), Some("application/pdf"));
    assert!(pdf_text(&report.body).contains("126/BC-CAHP"));
    let certificates = client.get(&format!("{conference}/files/khen-1.docx"));
    assert_eq!(
        certificates.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    );
    assert!(certificates.body.starts_with(b"PK"));
    assert_eq!(
        client.get(&format!("{conference}/files/tin-bai.txt")).header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    // The press release is a paper too (PDF and DOCX), beside its plain text.
    let press = client.get(&format!("{conference}/files/tin-bai.pdf"));
    assert_eq!((press.status, press.header("content-type")), (200, Some("application/pdf")));
    assert!(pdf_text(&press.body).contains("Thành phố Hải Phòng sơ kết 5 năm thực hiện"));
    for missing in ["nope.pdf", "khen-9.pdf", "bao-cao.txt", "quyet-dinh-1.txt"] {
        assert_eq!(client.get(&format!("{conference}/files/{missing}")).status, 404, "{missing}");
    }

    // The pack: every paper and the manifest — the very files `build` writes.
    let pack = client.get(&format!("{conference}/pack.zip"));
    assert_eq!((pack.status, pack.header("content-type")), (200, Some("application/zip")));
    let built = temp();
    std::fs::write(built.path().join("hoi-nghi.yaml"), &edited).unwrap();
    std::fs::write(built.path().join(SAMPLE_LIST), &list).unwrap();
    let build = std::process::Command::new(workspace::binary())
        .args(["build", "hoi-nghi.yaml", "-o", "out"])
        .current_dir(built.path())
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let mut expected: Vec<String> = std::fs::read_dir(built.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    let mut names = zip_names(&pack.body);
    expected.sort();
    names.sort();
    assert_eq!(names, expected);
    for name in &expected {
        let from_build = std::fs::read(built.path().join("out").join(name)).unwrap();
        assert!(zip_file(&pack.body, name) == from_build, "{name} differs from what build writes");
    }

    // Nothing is rendered twice for the same version.
    let renders = client.get("/api/status").json()["renders"].as_u64().unwrap();
    assert_eq!(client.get(&format!("{conference}/pack.zip")).status, 200);
    assert_eq!(client.get(&format!("{conference}/files/bao-cao.docx")).status, 200);
    assert_eq!(client.get("/api/status").json()["renders"].as_u64(), Some(renders));

    // The preview's first page, as a picture.
    let page = client.get(&format!("{conference}/preview/2/bao-cao/1.png"));
    assert_eq!((page.status, page.header("content-type")), (200, Some("image/png")));
    assert!(page.body.starts_with(b"\x89PNG"));
    let mut decoder = png::Decoder::new(std::io::Cursor::new(&page.body)).read_info().expect("a readable PNG");
    let mut pixels = vec![0; decoder.output_buffer_size().expect("a sized picture")];
    let frame = decoder.next_frame(&mut pixels).expect("the picture's pixels");
    assert!((895..=900).contains(&frame.width), "the preview is drawn 900 pixels wide, not {}", frame.width);
    let pixels = &pixels[..frame.buffer_size()];
    let (ink, paper) = pixels.chunks(4).fold((0, 0), |(ink, paper), p| match p[0] {
        0..=90 => (ink + 1, paper),
        250.. => (ink, paper + 1),
        _ => (ink, paper),
    });
    assert!(
        paper > pixels.len() / 8 && ink > 1_000,
        "the page is white with text on it ({ink} dark, {paper} white pixels)"
    );
    assert!(page.header("x-trang").and_then(|n| n.parse::<u32>().ok()).is_some_and(|n| n >= 2));
    assert_eq!(client.get(&format!("{conference}/preview/9/bao-cao/1.png")).status, 404);
    // The conference-day papers download and preview like the others.
    let script = client.get(&format!("{conference}/files/kich-ban.pdf"));
    assert_eq!((script.status, script.header("content-type")), (200, Some("application/pdf")));
    assert!(pdf_text(&script.body).contains("KỊCH BẢN ĐIỀU HÀNH"));
    let invitation = client.get(&format!("{conference}/preview/2/giay-moi/1.png"));
    assert_eq!((invitation.status, invitation.header("content-type")), (200, Some("image/png")));
    assert_eq!(client.get(&format!("{conference}/files/ky-nhan-2.docx")).status, 200);

    // Summaries: a ZIP of the summary papers, or 422.
    let summary = client.post_json("/api/summary", &json!({ "conferences": [id], "from": 2013, "to": 2018 }));
    assert_eq!(summary.status, 200, "{}", summary.text());
    let names = zip_names(&summary.body);
    assert!(names.contains(&"tong-hop.pdf".to_string()) && names.contains(&"tong-hop.docx".to_string()), "{names:?}");
    assert_eq!(
        problems(&client.post_json("/api/summary", &json!({ "conferences": [], "from": 2013, "to": 2018 })))[0]["path"],
        "conferences"
    );
    let reversed = client.post_json("/api/summary", &json!({ "conferences": [id], "from": 2018, "to": 2013 }));
    assert!(problems(&reversed)[0]["message"].as_str().unwrap().contains("khoảng năm ngược"), "{}", reversed.text());
}

#[test]
fn bad_uploads_are_refused_and_nothing_is_stored() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let (yaml, list) = sample();
    let input = ("input", Some("hn.yaml"), yaml.as_bytes());
    let cases: Vec<(Vec<workspace::Part>, &str)> = vec![
        (vec![input, ("ds.exe", Some("ds.exe"), b"MZ...")], "không phải loại nhận được"),
        (vec![input, ("x", Some("../ds.csv"), &list)], "không dùng được"),
        (vec![input, ("x", Some(".ds.csv"), &list)], "không dùng được"),
        (vec![input, ("ds.xlsx", Some("ds.xlsx"), &list)], "không phải loại nhận được"),
        (vec![("tep", Some(SAMPLE_LIST), &list)], "thiếu tệp YAML"),
        (
            vec![("input", Some("hn.yaml"), b"\xff\xfe van_ban")],
            "không phải văn bản UTF-8 (ở đây có byte không hợp lệ)",
        ),
    ];
    for (parts, words) in cases {
        let answer = client.post_multipart("/api/conferences", &parts, &[]);
        let found = problems(&answer);
        assert!(found.iter().any(|p| p["message"].as_str().unwrap().contains(words)), "{words}: {found:?}");
    }
    let big = vec![b'a'; 21 << 20];
    let answer = client.post_multipart("/api/conferences", &[input, (SAMPLE_LIST, Some(SAMPLE_LIST), &big)], &[]);
    assert!(problems(&answer)[0]["message"].as_str().unwrap().contains("lớn quá"));
    let garbage =
        client.request("POST", "/api/conferences", &[("Content-Type", "multipart/form-data; boundary=x")], b"--y\r\n");
    // Worded for the clerk: the multipart library's words stay in the server's log.
    let said = problems(&garbage)[0]["message"].as_str().unwrap().to_string();
    assert!(said.contains("hãy gửi lại"), "{said}");
    assert!(!said.to_lowercase().contains("multipart") && !said.contains("boundary"), "{said}");
    assert_eq!(client.get("/api/conferences").json(), json!([]));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("ws")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(leftovers.iter().all(|n| n.to_string_lossy().starts_with("baocao.sqlite3")), "{leftovers:?}");
}

/// Refused forms say what is wrong in the clerk's words: no key of the
/// form's JSON, no parser's words.
#[test]
fn refused_forms_name_no_field_or_key() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let json = [("Content-Type", "application/json")];
    let put = |path: &str, body: Value| client.request("PUT", path, &json, body.to_string().as_bytes());
    let counter = put("/api/counters", json!({ "so": "quyet-dinh", "co_quan": " ", "nam": 2024, "so_cuoi": 3 }));
    let printer = put("/api/printers", json!({ "ten": "Máy A", "lech_x": 80.0, "lech_y": 0.0, "ty_le": 1.0 }));
    let id = create_sample(&client);
    let asked = json!({ "conferences": [id], "from": 2013, "to": 2018, "ngay": "31/02/2021" });
    let summary = client.post_json("/api/summary", &asked);
    let expected = [
        (counter, "tên cơ quan"),
        (printer, "±50 mm"),
        (summary, "ngày «31/02/2021» không đúng; hãy ghi ngày/tháng/năm"),
    ];
    for (answer, words) in expected {
        let said = problems(&answer)[0]["message"].as_str().unwrap().to_string();
        assert!(said.contains(words), "{said}");
        for key in ["co_quan", "so_cuoi", "do_dai", "lech_x", "ty_le", "ten;", "YYYY", "ngay:"] {
            assert!(!said.contains(key), "«{key}» in: {said}");
        }
    }
}

/// The workspace reads a version from memory: a problem in an uploaded list
/// names the file as the clerk uploaded it (never a folder of the server),
/// and checking, rendering and summarising write nothing beside the database.
#[test]
fn versions_are_read_from_memory_and_named_as_uploaded() {
    let dir = temp();
    let ws = dir.path().join("ws");
    let server = Server::start(&ws);
    let client = server.client();
    let (yaml, list) = sample();
    let named = yaml.replace(SAMPLE_LIST, "danh-sách.csv");
    let text = String::from_utf8(list.clone()).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    let broken = lines.iter().position(|l| l.contains("Lê Chân")).expect("a recipient row");
    // A right-to-left override in a name: refused at its line.
    let wrong = lines[broken].replacen("Lê Chân", "Lê \u{202e}Chân", 1);
    lines[broken] = &wrong;
    let broken_list = lines.join("\n");
    let answer = client.post_multipart(
        "/api/conferences",
        &[("input", Some("hn.yaml"), named.as_bytes()), ("ds", Some("danh-sách.csv"), broken_list.as_bytes())],
        &[],
    );
    let found = problems(&answer);
    let problem = found.iter().find(|p| p["severity"] == "error").expect("an error");
    assert_eq!(problem["file"], "danh-sách.csv", "{found:?}");
    assert_eq!(problem["line"].as_u64(), Some(broken as u64 + 1), "{problem}");
    let root = ws.display().to_string();
    assert!(found.iter().all(|p| !p.to_string().contains(&root) && !p.to_string().contains("/tmp")), "{found:?}");

    let id = create_sample(&client);
    for paper in ["bao-cao.pdf", "khen-1.pdf", "quyet-dinh-1.docx"] {
        assert_eq!(client.get(&format!("/api/conferences/{id}/files/{paper}")).status, 200, "{paper}");
    }
    let summary = client.post_json("/api/summary", &json!({ "conferences": [id], "from": 2013, "to": 2018 }));
    assert_eq!(summary.status, 200, "{}", summary.text());
    let held: Vec<_> = std::fs::read_dir(&ws).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(held.iter().all(|n| n.to_string_lossy().starts_with("baocao.sqlite3")), "{held:?}");
}

#[test]
fn a_list_upload_is_shown_before_it_is_accepted() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let id = create_sample(&client);
    let lists = format!("/api/conferences/{id}/lists");
    let sheet = workspace::xlsx(&[
        &["loai", "danh_xung", "ten", "chuc_vu", "don_vi", "so_so"],
        &["tap_the", "", "Công an phường Cát Dài", "", "", "0201"],
        &["ca_nhan", "Ông", "Trần Văn Bình", "Tổ trưởng", "phường Cát Dài", "0202"],
    ]);
    let file = ("ds.xlsx", Some("ds.xlsx"), sheet.as_slice());
    // Looked at: what was read, and nothing stored.
    let looked = client.post_multipart(&lists, &[file, ("nhom", None, b"1")], &[("If-Match", "1")]);
    assert_eq!(looked.status, 200, "{}", looked.text());
    let looked = looked.json();
    assert_eq!(
        (looked["ok"].as_bool(), looked["tap_the"].as_u64(), looked["ca_nhan"].as_u64()),
        (Some(true), Some(1), Some(1))
    );
    assert_eq!(looked["recipients"][1]["ten"], "Trần Văn Bình");
    assert_eq!(client.get(&format!("/api/conferences/{id}")).json()["version"], 1);
    // A broken list: its problems, at the cell.
    let broken = workspace::xlsx(&[&["loai", "ten"], &["tap_the", ""], &["ca_nhan", "A"]]);
    let answer = client.post_multipart(
        &lists,
        &[("ds.xlsx", Some("ds.xlsx"), &broken), ("nhom", None, b"1")],
        &[("If-Match", "1")],
    );
    let answer = answer.json();
    assert_eq!(answer["ok"], false);
    assert!(answer["problems"].as_array().unwrap().iter().any(|p| p["file"] == "ds.xlsx"), "{answer}");
    // Accepted: a new version using it; stale → 409.
    let taken =
        client.post_multipart(&lists, &[file, ("nhom", None, b"1"), ("nhan", None, b"1")], &[("If-Match", "1")]);
    assert_eq!(taken.status, 200, "{}", taken.text());
    let now = client.get(&format!("/api/conferences/{id}")).json();
    assert_eq!(now["version"], 2);
    assert!(now["yaml"].as_str().unwrap().contains("danh_sach_tep: \"ds.xlsx\""), "{}", now["yaml"]);
    assert!(now["files"].as_array().unwrap().contains(&json!("ds.xlsx")));
    let decision = client.get(&format!("/api/conferences/{id}/files/quyet-dinh-2.pdf"));
    assert!(pdf_text(&decision.body).contains("Trần Văn Bình"));
    let stale =
        client.post_multipart(&lists, &[file, ("nhom", None, b"1"), ("nhan", None, b"1")], &[("If-Match", "1")]);
    assert_eq!(stale.status, 409);
}

#[test]
fn once_a_user_exists_every_route_but_signing_in_needs_a_session() {
    let dir = temp();
    let ws = dir.path().join("ws");
    let short = add_user(&ws, "vanthu", "ngan");
    assert_eq!(short.status.code(), Some(2), "{}", String::from_utf8_lossy(&short.stderr));
    let added = add_user(&ws, "vanthu", "mat-khau-du-dai");
    assert!(added.status.success(), "{}", String::from_utf8_lossy(&added.stderr));
    let server = Server::start(&ws);
    let mut client = server.client();
    for path in ["/api/conferences", "/api/awards?q=a", "/api/status", "/api/conferences/1/pack.zip"] {
        assert_eq!(client.get(path).status, 401, "{path}");
    }
    assert_eq!(client.post_json("/api/summary", &json!({})).status, 401);
    let page = client.get("/hoi-nghi");
    assert_eq!(page.status, 401);
    assert!(page.text().contains("Đăng nhập"));
    assert_eq!(client.get("/dang-nhap").status, 200);
    assert_eq!(client.get("/tai-nguyen/app.css").status, 200);

    assert_eq!(client.login("vanthu", "sai-mat-khau").status, 401);
    assert_eq!(client.login("ai-do", "mat-khau-du-dai").status, 401);
    let signed = client.login("vanthu", "mat-khau-du-dai");
    assert_eq!(signed.status, 200);
    let cookie = signed.header("set-cookie").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    assert_eq!(client.get("/api/conferences").status, 200);
    assert!(client.get("/hoi-nghi").text().contains("Tạo từ bản mẫu"));

    // Form posts need the CSRF token, and never come from another site.
    let without = workspace::Client { csrf: None, ..client.clone() };
    assert_eq!(without.request("POST", "/api/sample", &[], b"").status, 403);
    assert_eq!(client.request("POST", "/api/sample", &[("Origin", "http://evil.example")], b"").status, 403);
    assert_eq!(client.request("POST", "/api/sample", &[], b"").status, 201);
    let history = client.get("/api/conferences/1/versions").json();
    assert_eq!(history[0]["author"], "vanthu");

    assert_eq!(client.request("POST", "/api/logout", &[], b"").status, 200);
    assert_eq!(client.get("/api/conferences").status, 401);
}

#[test]
fn listening_off_loopback_needs_a_user_first() {
    let dir = temp();
    let ws = dir.path().join("ws");
    let refused = std::process::Command::new(workspace::binary())
        .args(["serve", "--listen", "0.0.0.0:0", "--workspace"])
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("--listen") && said.contains("baocao users add"), "{said}");
    assert!(add_user(&ws, "vanthu", "mat-khau-du-dai").status.success());
    let server = Server::start_on(&ws, "0.0.0.0:0");
    assert_eq!(server.client().get("/api/conferences").status, 401);
}

/// A copy for the next year that keeps its lists keeps the people, never
/// the sổ vàng numbers the old conference was given — a list read from a
/// file too (its column cannot be emptied, so it becomes rows of the form):
/// the copy is issued beside the original without a number held twice.
#[test]
fn a_copy_keeping_a_list_read_from_a_file_leaves_its_golden_book_numbers_behind() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let id = create_sample(&client);
    let (_, list) = sample();
    let people = String::from_utf8(list).unwrap().lines().skip(1).filter(|line| !line.trim().is_empty()).count();
    let issued = client.request("POST", &format!("/api/conferences/{id}/issue"), &[("If-Match", "1")], b"");
    assert_eq!(issued.status, 200, "{}", issued.text());
    let copied = client.request(
        "POST",
        &format!("/api/conferences/{id}/copy"),
        &[("Content-Type", "application/json")],
        br#"{"nam": 2019, "giu_danh_sach": true}"#,
    );
    assert_eq!(copied.status, 201, "{}", copied.text());
    let copy = copied.json()["id"].as_i64().unwrap();
    let yaml = client.get(&format!("/api/conferences/{copy}")).json()["yaml"].as_str().unwrap().to_string();
    assert!(!yaml.contains("danh_sach_tep") && !yaml.contains("so_so"), "{yaml}");
    assert!(people > 10 && yaml.matches("loai:").count() >= people, "every person of the file kept: {yaml}");
    let again = client.request("POST", &format!("/api/conferences/{copy}/issue"), &[("If-Match", "1")], b"");
    assert_eq!(again.status, 200, "the copy issues beside the original: {}", again.text());
}
