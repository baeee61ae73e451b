//! The workspace under pressure: a server killed with SIGKILL loses nothing
//! it acknowledged; two clerks saving the same version get one 200 and one
//! 409, never a silent overwrite; numbers issued from two servers at once
//! are never given twice and stay frozen; a backup taken live opens.

mod workspace;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Barrier, Mutex};

use serde_json::json;
use workspace::{create_sample, issue_at_once, sample, Client, Server};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn a_kill_9_loses_nothing_that_was_acknowledged() {
    let dir = temp();
    let ws = dir.path().join("ws");
    let mut server = Server::start(&ws);
    let client = server.client();
    let id = create_sample(&client);
    let (yaml, _) = sample();
    let acknowledged: Arc<Mutex<Vec<(i64, String)>>> = Arc::default();
    let writer = {
        let (client, acknowledged, yaml) = (client.clone(), Arc::clone(&acknowledged), yaml.clone());
        std::thread::spawn(move || {
            let mut version = 1;
            for n in 0..10_000 {
                let edited = yaml.replace("125/BC-CAHP", &format!("{}/BC-CAHP", 200 + n));
                // A refused connection ends the loop: the server is gone.
                let Ok(answer) =
                    std::panic::catch_unwind(|| client.put_yaml(&format!("/api/conferences/{id}"), version, &edited))
                else {
                    break;
                };
                if answer.status != 200 {
                    break;
                }
                version = answer.json()["version"].as_i64().unwrap();
                acknowledged.lock().unwrap().push((version, edited));
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 6 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    server.kill_9();
    let _ = writer.join();
    let acknowledged = acknowledged.lock().unwrap().clone();
    let server = Server::start(&ws);
    let client = server.client();
    let latest = client.get(&format!("/api/conferences/{id}")).json()["version"].as_i64().unwrap();
    let (last, _) = acknowledged.last().unwrap();
    assert!(latest >= *last, "acknowledged {last}, found {latest}");
    for (version, sent) in &acknowledged {
        let stored = client.get(&format!("/api/conferences/{id}?phien_ban={version}")).json();
        assert_eq!(stored["yaml"].as_str(), Some(sent.as_str()), "version {version}");
    }
}

#[test]
fn two_clerks_saving_one_version_get_200_and_409() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let id = create_sample(&client);
    let (yaml, _) = sample();
    let path = format!("/api/conferences/{id}");
    for round in 0..4 {
        let version = client.get(&path).json()["version"].as_i64().unwrap();
        let barrier = Arc::new(Barrier::new(2));
        let clerks: Vec<_> = ["A", "B"]
            .into_iter()
            .map(|clerk| {
                let (client, barrier, path) = (client.clone(), Arc::clone(&barrier), path.clone());
                let edited = yaml.replace("125/BC-CAHP", &format!("{round}{clerk}/BC-CAHP"));
                std::thread::spawn(move || {
                    barrier.wait();
                    (client.put_yaml(&path, version, &edited).status, edited)
                })
            })
            .collect();
        let mut answers: Vec<(u16, String)> = clerks.into_iter().map(|c| c.join().unwrap()).collect();
        answers.sort();
        assert_eq!((answers[0].0, answers[1].0), (200, 409), "round {round}");
        let stored = client.get(&path).json();
        assert_eq!(stored["version"].as_i64(), Some(version + 1));
        assert_eq!(stored["yaml"].as_str(), Some(answers[0].1.as_str()), "the winner's text, whole");
    }
}

/// The sample with blank decision numbers and `people` inline recipients
/// without sổ vàng numbers in the first group.
fn blank_numbers(yaml: &str, people: &[String]) -> String {
    let list: String = people.iter().map(|name| format!("      - {{ loai: ca_nhan, ten: \"{name}\" }}\n")).collect();
    yaml.replace("2345/QĐ-UBND", "/QĐ-UBND").replace("1789/QĐ-CAHP", "/QĐ-CAHP").replace(
        "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"   # 12 tập thể + 15 cá nhân\n",
        &format!("    danh_sach:\n{list}"),
    )
}

fn create(client: &Client, yaml: &str) -> serde_json::Value {
    let answer = client.post_multipart("/api/conferences", &[("input", Some("hn.yaml"), yaml.as_bytes())], &[]);
    assert_eq!(answer.status, 201, "{}", answer.text());
    answer.json()
}

#[test]
fn numbers_issued_from_two_servers_at_once_are_never_given_twice() {
    let dir = temp();
    let ws = dir.path().join("ws");
    let first = Server::start(&ws);
    let second = Server::start(&ws);
    let (yaml, _) = sample();
    let conferences = 6;
    let mut ids = Vec::new();
    for k in 0..conferences {
        let people: Vec<String> = (0..3).map(|p| format!("Người {k}-{p}")).collect();
        ids.push(create(&first.client(), &blank_numbers(&yaml, &people))["id"].as_i64().unwrap());
    }
    let mut decisions = issue_at_once(&first, &second, &ids);
    let mut expected: Vec<String> =
        (1..=conferences).flat_map(|n| [format!("{n}/QĐ-UBND"), format!("{n}/QĐ-CAHP")]).collect();
    expected.sort();
    decisions.sort();
    assert_eq!(decisions, expected, "each number once, none skipped");

    // Every sổ vàng number once per register, body and year.
    let client = first.client();
    let awards = client.get("/api/awards?q=").json();
    let awards = awards.as_array().unwrap();
    assert_eq!(awards.len(), conferences * 6);
    let mut seen: HashMap<(String, String, i64), HashSet<String>> = HashMap::new();
    for award in awards {
        let key = (award["hinh_thuc"].to_string(), award["co_quan"].to_string(), award["nam"].as_i64().unwrap());
        assert!(seen.entry(key).or_default().insert(award["so_so"].as_str().unwrap().to_string()), "twice: {award}");
    }
    let found = client.get("/api/awards?q=nguoi%202-1").json();
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found[0]["ten"], "Người 2-1");

    // Issued is frozen: the number cannot change; other edits go through; issuing again draws nothing.
    let path = format!("/api/conferences/{}", ids[0]);
    let issued = client.get(&path).json();
    let text = issued["yaml"].as_str().unwrap().to_string();
    let number = decisions.iter().find(|d| text.contains(&format!("so: \"{d}\""))).unwrap().clone();
    let changed = client.put_yaml(&path, 2, &text.replace(&format!("so: \"{number}\""), "so: \"99/QĐ-X\""));
    assert_eq!(changed.status, 422, "{}", changed.text());
    assert!(changed.text().contains("đã ban hành"), "{}", changed.text());
    let fine = client.put_yaml(&path, 2, &text.replace("125/BC-CAHP", "127/BC-CAHP"));
    assert_eq!(fine.status, 200, "{}", fine.text());
    let again = client.request("POST", &format!("{path}/issue"), &[("If-Match", "3")], b"");
    assert_eq!(again.status, 200, "{}", again.text());
    assert!(again.json()["decisions"].as_array().unwrap().contains(&json!(number)));
    assert_eq!(client.get("/api/awards?q=").json().as_array().unwrap().len(), conferences * 6);

    // A recipient already awarded for this programme is pointed out.
    let twice = create(&client, &blank_numbers(&yaml, &["Người 0-0".to_string()]));
    let warned = twice["problems"].as_array().unwrap();
    assert!(
        warned
            .iter()
            .any(|p| p["severity"] == "warning" && p["message"].as_str().unwrap().contains("đã nhận Bằng khen")),
        "{twice}"
    );
}

#[test]
fn a_backup_taken_while_serving_opens_as_a_workspace() {
    let dir = temp();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let id = create_sample(&client);
    let target = dir.path().join("sao-luu.sqlite3");
    let backup = std::process::Command::new(workspace::binary())
        .args(["backup"])
        .arg(&target)
        .arg("--workspace")
        .arg(dir.path().join("ws"))
        .args(workspace::store_args(&dir.path().join("ws")))
        .output()
        .unwrap();
    if workspace::on_postgres() {
        // PostgreSQL is copied with its own tool: said so, nothing written.
        let said = String::from_utf8_lossy(&backup.stderr);
        assert_eq!(backup.status.code(), Some(2), "{said}");
        assert!(said.contains("pg_dump") && said.contains("PostgreSQL"), "{said}");
        assert!(!target.exists());
        return;
    }
    assert!(backup.status.success(), "{}", String::from_utf8_lossy(&backup.stderr));
    let restored = dir.path().join("khoi-phuc");
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(&target, restored.join("baocao.sqlite3")).unwrap();
    let copy = Server::start(&restored);
    let original = client.get(&format!("/api/conferences/{id}")).json();
    let restored = copy.client().get(&format!("/api/conferences/{id}")).json();
    assert_eq!(original["yaml"], restored["yaml"]);
    assert_eq!(copy.client().get(&format!("/api/conferences/{id}/files/bao-cao.pdf")).status, 200);
}
