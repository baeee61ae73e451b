//! "Ban hành" numbers the giấy mời: before issue the invitation reads
//! "Số: …/GM-CAHP"; issuing two conferences gives them consecutive numbers
//! from the body's `giay_moi` counter, one per conference's invitation,
//! printed on every page of the downloaded giấy mời and shown in the
//! register; the issued number then stays as issued.

mod workspace;

use serde_json::Value;
use workspace::{pdf_text, sample, Client, Server};

/// The sample with blank decision numbers and `people` inline recipients
/// without sổ vàng numbers, so two copies can both be issued.
fn blank_numbers(yaml: &str, people: &[&str]) -> String {
    let list: String = people.iter().map(|name| format!("      - {{ loai: ca_nhan, ten: \"{name}\" }}\n")).collect();
    yaml.replace("2345/QĐ-UBND", "/QĐ-UBND").replace("1789/QĐ-CAHP", "/QĐ-CAHP").replace(
        "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"   # 12 tập thể + 15 cá nhân\n",
        &format!("    danh_sach:\n{list}"),
    )
}

fn create(client: &Client, yaml: &str) -> i64 {
    let answer = client.post_multipart("/api/conferences", &[("input", Some("hn.yaml"), yaml.as_bytes())], &[]);
    assert_eq!(answer.status, 201, "{}", answer.text());
    answer.json()["id"].as_i64().unwrap()
}

/// The "Số: …" line of every page of conference `id`'s giấy mời.
fn invitation_numbers(client: &Client, id: i64) -> Vec<String> {
    numbers_after(client, id, "Số: ")
}

/// The number after `label` ("Số: ", a Party paper's "Số ") on every page
/// of conference `id`'s giấy mời.
fn numbers_after(client: &Client, id: i64, label: &str) -> Vec<String> {
    let pdf = client.get(&format!("/api/conferences/{id}/files/giay-moi.pdf"));
    assert_eq!(pdf.status, 200, "{}", pdf.text());
    let text = pdf_text(&pdf.body);
    let numbers: Vec<String> = text
        .split('\u{c}')
        .filter(|page| !page.trim().is_empty())
        .map(|page| {
            let at = page.find(label).unwrap_or_else(|| panic!("a number line: {page}"));
            page[at + label.len()..].split_whitespace().next().unwrap().to_string()
        })
        .collect();
    assert!(!numbers.is_empty());
    numbers
}

/// The leading number of "12/GM-CAHP" (a Party's "12-GM/BTC").
fn leading(number: &str) -> i64 {
    number.split(['/', '-']).next().unwrap().parse().unwrap_or_else(|_| panic!("a drawn number: {number}"))
}

#[test]
fn issuing_numbers_the_invitations_from_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let (yaml, _) = sample();
    let ids =
        [create(&client, &blank_numbers(&yaml, &["Người A"])), create(&client, &blank_numbers(&yaml, &["Người B"]))];

    // Before issue: blank, as the decisions' numbers are.
    let before = invitation_numbers(&client, ids[0]);
    assert!(before.iter().all(|n| n == "…/GM-CAHP"), "{before:?}");

    // The preview of "Ban hành" says which number the invitation will get.
    let preview = client.get(&format!("/api/conferences/{}/issue?phien_ban=1", ids[0]));
    assert_eq!(preview.status, 200, "{}", preview.text());
    let drawn: Vec<Value> = preview.json()["drawn"].as_array().unwrap().clone();
    let planned: Vec<&Value> = drawn.iter().filter(|d| d["so"] == "giay_moi").collect();
    assert_eq!(planned.len(), 1, "one number for the invitation: {drawn:?}");

    let mut issued = Vec::new();
    for id in ids {
        let answer = client.request("POST", &format!("/api/conferences/{id}/issue"), &[("If-Match", "1")], b"");
        assert_eq!(answer.status, 200, "{}", answer.text());
        let stored = client.get(&format!("/api/conferences/{id}")).json();
        let yaml = stored["yaml"].as_str().unwrap();
        let numbers = invitation_numbers(&client, id);
        let number = numbers[0].clone();
        assert!(numbers.iter().all(|n| *n == number), "one number on every page: {numbers:?}");
        assert!(number.ends_with("/GM-CAHP"), "{number}");
        assert!(
            yaml.contains(&format!("so_giay_moi: \"{number}\"")) || yaml.contains(&format!("so_giay_moi: {number}"))
        );
        issued.push(number);
    }
    assert_eq!(planned[0]["so_cap"].as_str(), Some(issued[0].as_str()), "the preview's number is the one given");
    assert_eq!(leading(&issued[1]), leading(&issued[0]) + 1, "consecutive: {issued:?}");

    // The register: the body's giấy mời counter, at the last number given.
    let counters = client.get("/api/counters").json();
    let counter = counters
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["so"] == "giay_moi")
        .unwrap_or_else(|| panic!("a giấy mời counter: {counters}"));
    assert_eq!((counter["nam"].as_i64(), counter["so_cuoi"].as_i64()), (Some(2018), Some(leading(&issued[1]))));
    assert_eq!(counter["co_quan"], "CÔNG AN THÀNH PHỐ HẢI PHÒNG");
    let page = client.get("/so-dang-ky").text();
    assert!(page.contains("Số giấy mời"), "the register page names the counter");

    // Issued is frozen: the number may not change; issuing again draws nothing.
    let path = format!("/api/conferences/{}", ids[0]);
    let text = client.get(&path).json()["yaml"].as_str().unwrap().to_string();
    let changed = client.put_yaml(&path, 2, &text.replace(&issued[0], "99/GM-CAHP"));
    assert_eq!(changed.status, 422, "{}", changed.text());
    assert!(changed.text().contains("đã ban hành"), "{}", changed.text());
    let again = client.request("POST", &format!("{path}/issue"), &[("If-Match", "2")], b"");
    assert_eq!(again.status, 200, "{}", again.text());
    assert_eq!(again.json()["unchanged"], true, "{}", again.text());
    assert_eq!(invitation_numbers(&client, ids[0])[0], issued[0]);
}

/// The Party sample (`baocao init --mau dang`) with a conference of two
/// delegates, one invited; its decision number blank the Party's way and
/// its recipients renamed by `mark`, so several copies can be issued.
fn party_conference(so_giay_moi: Option<&str>, mark: &str) -> String {
    let yaml = std::fs::read_to_string(workspace::root().join("inputs/mau-dang.yaml")).unwrap();
    let number = so_giay_moi.map(|n| format!("  so_giay_moi: \"{n}\"\n")).unwrap_or_default();
    let conference = format!(
        "hoi_nghi:\n  ngay: 2026-03-12\n  gio: \"12:00\"\n  dia_diem: \"Hội trường Tỉnh ủy\"\n{number}  dai_bieu:\n    \
         - {{ ho_ten: \"Trần Văn Hùng\", chuc_vu: \"Phó Bí thư Tỉnh ủy\" }}\n    \
         - {{ ho_ten: \"Phạm Thị Lan\", chuc_vu: \"Chánh Văn phòng\", to_chuc: true }}\n"
    );
    let mut yaml =
        yaml.replacen("\nchi_tieu:", &format!("\n{conference}chi_tieu:"), 1).replace("52-QĐ/BTGDVTU", "-QĐ/BTGDVTU");
    for name in ["Công an phường Hạ Long", "khu phố 3, phường Bãi Cháy", "Vũ Văn Thắng", "Đỗ Thị Lan"]
    {
        yaml = yaml.replace(name, &format!("{name} {mark}"));
    }
    yaml
}

#[test]
fn a_party_bodys_invitation_is_numbered_and_registered_as_its_paper_prints_it() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    // No number (the body's letters), the Party's blank, and one typed the state's way.
    let ids = [
        create(&client, &party_conference(None, "A")),
        create(&client, &party_conference(Some("…-GM/BTGDVTU"), "B")),
        create(&client, &party_conference(Some("-GM/BTGDVTU"), "C")),
        create(&client, &party_conference(Some("27/GM-BTGDVTU"), "D")),
    ];
    for id in &ids[..3] {
        assert_eq!(numbers_after(&client, *id, "Số "), ["…-GM/BTGDVTU"], "blank before issue");
    }
    let preview = client.get(&format!("/api/conferences/{}/issue?phien_ban=1", ids[0]));
    assert_eq!(preview.status, 200, "{}", preview.text());
    let drawn = preview.json()["drawn"].as_array().unwrap().clone();
    let planned: Vec<&Value> = drawn.iter().filter(|d| d["so"] == "giay_moi").collect();
    assert_eq!(planned.len(), 1, "{drawn:?}");
    let decision = drawn.iter().find(|d| d["so"] == "quyet_dinh").unwrap_or_else(|| panic!("{drawn:?}"));
    assert!(decision["so_cap"].as_str().unwrap().ends_with("-QĐ/BTGDVTU"), "{decision}");

    let mut issued = Vec::new();
    for id in ids {
        let answer = client.request("POST", &format!("/api/conferences/{id}/issue"), &[("If-Match", "1")], b"");
        assert_eq!(answer.status, 200, "{}", answer.text());
        let numbers = numbers_after(&client, id, "Số ");
        let stored = client.get(&format!("/api/conferences/{id}")).json();
        let yaml = stored["yaml"].as_str().unwrap();
        assert!(
            yaml.contains(&format!("so_giay_moi: \"{}\"", numbers[0]))
                || yaml.contains(&format!("so_giay_moi: {}", numbers[0])),
            "stored as printed, {numbers:?}: {yaml}"
        );
        issued.push(numbers[0].clone());
    }
    assert_eq!(planned[0]["so_cap"].as_str(), Some(issued[0].as_str()), "the confirmation shows the paper's number");
    let first = leading(&issued[0]);
    let expected: Vec<String> =
        [first, first + 1, first + 2, 27].iter().map(|n| format!("{n:0width$}-GM/BTGDVTU", width = 2)).collect();
    let issued_values: Vec<String> =
        issued.iter().map(|n| format!("{:02}{}", leading(n), &n[n.find('-').unwrap()..])).collect();
    assert_eq!(issued_values, expected, "consecutive, HD 36's order: {issued:?}");
    assert!(issued.iter().all(|n| !n.contains('/') || n.find('-') < n.find('/')), "{issued:?}");

    // An issued number stays: its state-way spelling is the same number, another is not.
    let path = format!("/api/conferences/{}", ids[0]);
    let text = client.get(&path).json()["yaml"].as_str().unwrap().to_string();
    let state_way = format!("{}/GM-BTGDVTU", &issued[0][..issued[0].find('-').unwrap()]);
    let same = client.put_yaml(&path, 2, &text.replace(&issued[0], &state_way));
    assert_eq!(same.status, 200, "{}", same.text());
    let changed = client.put_yaml(&path, 3, &text.replace(&issued[0], "99-GM/BTGDVTU"));
    assert_eq!(changed.status, 422, "{}", changed.text());
    let counters = client.get("/api/counters").json();
    let counter = counters.as_array().unwrap().iter().find(|c| c["so"] == "giay_moi").unwrap();
    assert_eq!(counter["so_cuoi"].as_i64(), Some(27), "{counters}");
}
