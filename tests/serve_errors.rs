//! The workspace's refusals in the clerk's language (`Accept-Language: en`
//! gives English, anything else Vietnamese), and no answer that shows the
//! database's or the program's own words.

mod workspace;

use workspace::{add_user, create_sample, Client, Server};

const EN: &[(&str, &str)] = &[("Accept-Language", "en-GB,en;q=0.9")];
const VI: &[(&str, &str)] = &[];

/// A request tried: method, path, headers, body.
type Try<'a> = (&'a str, String, Vec<(&'a str, &'a str)>, Vec<u8>);

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The `message` of an answer, or its problems' messages joined.
fn said(answer: &workspace::Response) -> String {
    let json = answer.json();
    match json["problems"].as_array() {
        Some(problems) => problems.iter().filter_map(|p| p["message"].as_str()).collect::<Vec<_>>().join(" | "),
        None => json["message"].as_str().unwrap_or_default().to_string(),
    }
}

/// The answers each refusal gives, in the language `headers` ask for.
fn refusals(client: &Client, id: i64, headers: &[(&str, &str)]) -> Vec<(u16, String)> {
    let with = |extra: &[(&'static str, &'static str)]| -> Vec<(&str, &str)> {
        headers.iter().copied().chain(extra.iter().copied()).collect()
    };
    let mut answers = Vec::new();
    let not_found = client.request("GET", "/api/conferences/999", headers, b"");
    answers.push((not_found.status, said(&not_found)));
    let bad = "phien_ban: 1\nvan_ban: {}\n";
    let unprocessable = client.request(
        "PUT",
        &format!("/api/conferences/{id}"),
        &with(&[("If-Match", "1"), ("Content-Type", "application/yaml")]),
        bad.as_bytes(),
    );
    answers.push((unprocessable.status, said(&unprocessable)));
    let stale = client.request(
        "PUT",
        &format!("/api/conferences/{id}"),
        &with(&[("If-Match", "7"), ("Content-Type", "application/yaml")]),
        bad.as_bytes(),
    );
    answers.push((stale.status, said(&stale)));
    let no_token = Client { csrf: None, ..client.clone() };
    let forged = no_token.request("POST", "/api/sample", headers, b"");
    answers.push((forged.status, said(&forged)));
    answers
}

#[test]
fn refusals_are_in_the_clerks_language() {
    let dir = temp();
    let server = Server::start(dir.path());
    let client = server.client();
    let id = create_sample(&client);
    let vi = refusals(&client, id, VI);
    let en = refusals(&client, id, EN);
    let statuses: Vec<u16> = vi.iter().map(|(status, _)| *status).collect();
    assert_eq!(statuses, [404, 422, 409, 403]);
    assert_eq!(en.iter().map(|(status, _)| *status).collect::<Vec<_>>(), statuses);
    assert!(vi[0].1.starts_with("Không có hội nghị"), "{vi:?}");
    assert!(en[0].1.starts_with("There is no such conference"), "{en:?}");
    assert!(en[2].1.contains("version 2") || en[2].1.contains("version 1"), "{en:?}");
    assert!(en[3].1.contains("anti-forgery token"), "{en:?}");
    for ((_, vi), (_, en)) in vi.iter().zip(&en) {
        assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{vi} / {en}");
    }
    drop(server);

    // Once a user exists, an API call without a session: 401.
    let dir = temp();
    assert!(add_user(dir.path(), "thuky", "mat khau dai").status.success());
    let server = Server::start(dir.path());
    let client = server.client();
    let vi = client.request("GET", "/api/conferences", VI, b"");
    let en = client.request("GET", "/api/conferences", EN, b"");
    assert_eq!((vi.status, en.status), (401, 401));
    assert_eq!((said(&vi).as_str(), said(&en).as_str()), ("Cần đăng nhập.", "Please sign in."));
}

#[test]
fn no_answer_shows_the_database_or_the_program() {
    let dir = temp();
    let server = Server::start(dir.path());
    let client = server.client();
    let id = create_sample(&client);
    // Issued, so a counter can be set below an issued number.
    let issued = client.request("POST", &format!("/api/conferences/{id}/issue"), &[("If-Match", "1")], b"");
    assert_eq!(issued.status, 200, "{}", issued.text());
    let tries: Vec<Try> = vec![
        ("GET", "/api/conferences/abc".into(), vec![], vec![]),
        ("GET", "/api/conferences/99999999999999999999999".into(), vec![], vec![]),
        ("GET", format!("/api/conferences/{id}?phien_ban=x"), vec![], vec![]),
        ("PUT", "/api/counters".into(), vec![("Content-Type", "application/json")], b"{\"key\": 3}".to_vec()),
        ("PUT", "/api/printers".into(), vec![("Content-Type", "application/json")], b"[1,2]".to_vec()),
        ("POST", "/api/summary".into(), vec![("Content-Type", "application/json")], b"{".to_vec()),
        ("POST", "/api/login".into(), vec![("Content-Type", "text/plain")], b"x".to_vec()),
        ("PUT", format!("/api/conferences/{id}"), vec![("If-Match", "x")], b"a: [".to_vec()),
        ("PUT", format!("/api/conferences/{id}"), vec![("If-Match", "1")], vec![0xff, 0xfe]),
        ("PUT", format!("/api/conferences/{id}/form"), vec![("If-Match", "1")], b"{\"x\": ".to_vec()),
        ("POST", format!("/api/conferences/{id}/issue"), vec![("If-Match", "9")], vec![]),
        ("GET", format!("/api/conferences/{id}/issue?phien_ban=9"), vec![], vec![]),
        ("GET", format!("/api/conferences/{id}/issue?phien_ban=x"), vec![], vec![]),
        ("GET", "/api/conferences/999/issue".into(), vec![], vec![]),
        ("GET", "/api/awards?nam=abc".into(), vec![], vec![]),
        ("GET", "/api/awards.xlsx?nam=abc".into(), vec![], vec![]),
        (
            "PUT",
            "/api/counters".into(),
            vec![("Content-Type", "application/json")],
            r#"{"so":"quyet_dinh","co_quan":"CÔNG AN THÀNH PHỐ HẢI PHÒNG","nam":2018,"so_cuoi":1788}"#.as_bytes().to_vec(),
        ),
        (
            "PUT",
            "/api/counters".into(),
            vec![("Content-Type", "application/json")],
            br#"{"so":"quyet_dinh","co_quan":"x","nam":2018,"so_cuoi":-5}"#.to_vec(),
        ),
        (
            "POST",
            "/api/summary".into(),
            vec![("Content-Type", "application/json")],
            format!(r#"{{"conferences":[{id}],"from":2013,"to":2018,"co_quan":"Công an quận Lê Chân"}}"#).into_bytes(),
        ),
        (
            "POST",
            "/api/summary".into(),
            vec![("Content-Type", "application/json")],
            format!(r#"{{"conferences":[{id}],"from":2013,"to":2018,"bieu_do":"khong_co"}}"#).into_bytes(),
        ),
        (
            "POST",
            "/api/summary".into(),
            vec![("Content-Type", "application/json")],
            format!(r#"{{"conferences":[{id}],"from":2013,"to":2018,"chi_tieu":"a: ["}}"#).into_bytes(),
        ),
        (
            "POST",
            "/api/summary".into(),
            vec![("Content-Type", "application/json")],
            format!(r#"{{"conferences":[{id}],"from":2013,"to":2018,"ngay":"31/02/2018"}}"#).into_bytes(),
        ),
        (
            "POST",
            "/api/conferences".into(),
            vec![("Content-Type", "multipart/form-data; boundary=z")],
            b"--z\r\n".to_vec(),
        ),
        ("GET", format!("/api/conferences/{id}/files/nope.pdf"), vec![], vec![]),
        ("GET", format!("/api/conferences/{id}/preview/1/bao-cao/x.png"), vec![], vec![]),
        ("GET", format!("/api/conferences/{id}/pack.zip?may_in=none"), vec![], vec![]),
        // The form's side: a draft with errors, a choice of a field that is
        // gone or unreadable or stale, a copy to an impossible year, the bin.
        (
            "PUT",
            format!("/api/conferences/{id}/form"),
            vec![("If-Match", "1")],
            "{\"van_ban\": {\"ngay\": {\"__ngay\": \"30/02/2018\"}, \"so_ky_hieu\": \"\"}, \"khen_thuong\": [{\"__goc\": 0, \"danh_sach_tep\": \"\", \"co_quan\": \"\"}], \"tong_hop\": {\"__thay\": 1, \"clb\": {\"__so\": \"85.5\"}}}"
                .as_bytes()
                .to_vec(),
        ),
        ("PUT", format!("/api/conferences/{id}/field"), vec![("If-Match", "1")], b"{\"duong_dan\": 3}".to_vec()),
        (
            "PUT",
            format!("/api/conferences/{id}/field"),
            vec![("If-Match", "1")],
            b"{\"duong_dan\": \"khen_thuong[9].co_quan\", \"gia_tri\": \"A\"}".to_vec(),
        ),
        ("PUT", format!("/api/conferences/{id}/field"), vec![("If-Match", "0")], b"{\"duong_dan\": \"a\"}".to_vec()),
        ("POST", format!("/api/conferences/{id}/copy"), vec![("Content-Type", "application/json")], b"{\"nam\": 99999}".to_vec()),
        ("POST", format!("/api/conferences/{id}/copy"), vec![("Content-Type", "application/json")], b"{\"nam\": \"x\"}".to_vec()),
        ("POST", "/api/conferences/999/copy".into(), vec![("Content-Type", "application/json")], b"{\"nam\": 2020}".to_vec()),
        ("POST", "/api/conferences/999/bin".into(), vec![], vec![]),
        ("POST", format!("/api/conferences/{id}/restore"), vec![], vec![]),
    ];
    for lang in [VI, EN] {
        for (method, path, headers, body) in &tries {
            let headers: Vec<(&str, &str)> = lang.iter().copied().chain(headers.iter().copied()).collect();
            let answer = client.request(method, path, &headers, body);
            let text = answer.text();
            assert!(answer.status >= 400 && answer.status < 500, "{method} {path}: {} {text}", answer.status);
            for word in ["UNIQUE", "constraint", "panicked", "SQLite", "i64", "String", "serde", "Json", "::"] {
                assert!(!text.contains(word), "{method} {path}: «{word}» in {text}");
            }
            if path.ends_with("/form") && body.starts_with(b"{\"van_ban") {
                let json = answer.json();
                let words: Vec<&str> =
                    json["problems"].as_array().unwrap().iter().filter_map(|p| p["o_bieu_mau"].as_str()).collect();
                assert!(json["nhap"] == true && answer.status == 422, "kept as a draft: {text}");
                let vi_words = [
                    "«30/02/2018» không phải ngày có thật",
                    "chưa nhập «Số, ký hiệu»",
                    "Tổng giai đoạn của chỉ tiêu «clb»: cần một số",
                ];
                let en_words = [
                    "«30/02/2018» is not a real date",
                    "«Số, ký hiệu» is not filled in",
                    "Period total of «clb»: expected a non-negative number",
                ];
                for expected in if lang == VI { vi_words } else { en_words } {
                    assert!(words.iter().any(|w| w.contains(expected)), "«{expected}» in {words:?}");
                }
            }
            // What the form shows says where in words: no key path, no key name.
            let json = answer.json();
            for problem in json["problems"].as_array().into_iter().flatten() {
                let words = problem["o_bieu_mau"].as_str().unwrap_or_default();
                assert!(!words.is_empty(), "{method} {path}: no words for the form in {text}");
                for mark in ["[", "_", "→", "YYYY"] {
                    assert!(!words.contains(mark), "{method} {path}: «{mark}» in the form's words «{words}»");
                }
            }
        }
    }
}
