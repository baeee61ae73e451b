//! Proposals sent up in a province's workspace: a ward's clerk sends her
//! conference's proposal (tờ trình + list) to the province; another ward
//! never sees it (404); the province returns it with a reason, the ward
//! reads the reason, edits and sends again (the returned one kept); the
//! province accepts it into its own conference's award group — a new
//! version recorded as the province's — and the decision downloaded from
//! the province's conference lists the ward's recipients under «Xét đề
//! nghị của Chủ tịch Ủy ban nhân dân phường …» (read with poppler). And
//! the same through the page «Đề nghị» in Chromium: sent, returned with a
//! reason the ward reads, accepted (fails without Chromium).

#[path = "workspace/browser.rs"]
mod browser;
mod workspace;

use std::path::Path;

use browser::{browser, click, type_into, until, Driver};
use serde_json::json;
use workspace::{create_yaml, signed_in, Server, PROVINCE, PROVINCE_AND_WARDS, WARD_A, WARD_B};

const PASSWORD: &str = "mật khẩu dài";

/// The province and two wards; a clerk of each, the province's secretariat (tỉnh).
fn set_up(ws: &Path) {
    let users = [
        ("vanthu-a", Some((WARD_A, "van-thu"))),
        ("lanhdao-a", Some((WARD_A, "lanh-dao"))),
        ("vanthu-b", Some((WARD_B, "van-thu"))),
        ("vanthu-tinh", Some((PROVINCE, "van-thu"))),
        ("tinh", Some((PROVINCE, "tinh"))),
    ];
    workspace::set_up_units(ws, &PROVINCE_AND_WARDS, &users, PASSWORD);
}

/// Ward A's conference: its People's Committee reviews a programme and
/// proposes group 1 to the city's chairman (a tờ trình, an inline list).
fn ward_conference(recipients: &[(&str, &str)]) -> String {
    let rows: String = recipients
        .iter()
        .map(|(kind, name)| format!("      - {{ loai: {kind}, ten: \"{name}\", don_vi: \"phường Hồng Bàng\" }}\n"))
        .collect();
    format!(
        r#"phien_ban: 1
van_ban: {{ loai: so_ket, so_ky_hieu: "88/BC-UBND", dia_danh: "Hải Phòng", ngay: 2025-11-20, noi_nhan: ["Lưu: VT"] }}
co_quan: {{ chu_quan: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", ten: "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG BÀNG" }}
nguoi_ky: {{ the_thuc: "TM. ỦY BAN NHÂN DÂN", chuc_vu: "CHỦ TỊCH", ho_ten: "Đỗ Thị Mai" }}
chuong_trinh:
  so: "12/CTr-UBND-MTTQ"
  ngay: 2021-03-15
  ten: "Phối hợp xây dựng khu dân cư an toàn về an ninh, trật tự"
  cac_ben: ["Ủy ban nhân dân phường Hồng Bàng", "Ủy ban MTTQ Việt Nam phường Hồng Bàng"]
giai_doan: {{ tu: 2021, den: 2025 }}
khen_thuong:
  - hinh_thuc: bang_khen
    cap_khen: "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    co_quan: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"
    dia_danh: "Hải Phòng"
    quyet_dinh: {{ so: "/QĐ-UBND", ngay: 2025-12-01 }}
    nguoi_ky: {{ the_thuc: "KT. CHỦ TỊCH", chuc_vu: "PHÓ CHỦ TỊCH", ho_ten: "Lê Khắc Nam" }}
    to_trinh: {{ so: "45/TTr-UBND", ngay: 2025-11-18 }}
    danh_sach:
{rows}"#
    )
}

/// The proposals `client` sees, by id.
fn proposals(client: &workspace::Client) -> Vec<serde_json::Value> {
    let answer = client.get("/api/proposals");
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json().as_array().expect("a list").clone()
}

fn find(list: &[serde_json::Value], id: i64) -> Option<&serde_json::Value> {
    list.iter().find(|p| p["id"] == id)
}

#[test]
fn a_proposal_goes_up_is_returned_sent_again_and_accepted_into_the_provinces_decision() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    set_up(&ws);
    let server = Server::start(&ws);
    let clerk_a = signed_in(&server, "vanthu-a", PASSWORD);
    let clerk_b = signed_in(&server, "vanthu-b", PASSWORD);
    let province_clerk = signed_in(&server, "vanthu-tinh", PASSWORD);
    let province = signed_in(&server, "tinh", PASSWORD);

    let ward = create_yaml(&clerk_a, &ward_conference(&[("tap_the", "Tổ dân phố số 5"), ("ca_nhan", "Trần Văn Bình")]));
    let ward_b = create_yaml(&clerk_b, &ward_conference(&[("ca_nhan", "Lê Thị Hoa")]));
    // The province's own conference: the sample, its first group's list read from its CSV file.
    let (sample, list) = workspace::sample();
    let made = province_clerk.post_multipart(
        "/api/conferences",
        &[
            ("input", Some("hai-phong-2018.yaml"), sample.as_bytes()),
            (workspace::SAMPLE_LIST, Some(workspace::SAMPLE_LIST), &list),
        ],
        &[],
    );
    assert_eq!(made.status, 201, "{}", made.text());
    let city = made.json()["id"].as_i64().unwrap();

    // A group that proposes nothing is refused, in words.
    let nothing = clerk_a.post_json(&format!("/api/conferences/{ward}/proposals"), &json!({ "nhom": 2 }));
    assert_eq!(nothing.status, 422, "{}", nothing.text());
    assert!(nothing.text().contains("không có tờ trình đề nghị"), "{}", nothing.text());

    // Sent up by ward A's clerk.
    let sent = clerk_a.post_json(&format!("/api/conferences/{ward}/proposals"), &json!({ "nhom": 1 }));
    assert_eq!(sent.status, 201, "{}", sent.text());
    let first = sent.json()["id"].as_i64().unwrap();
    let again = clerk_a.post_json(&format!("/api/conferences/{ward}/proposals"), &json!({ "nhom": 1 }));
    assert_eq!(again.status, 422, "one waiting proposal per group: {}", again.text());
    // Ward B's clerk cannot send ward A's, nor see or touch it.
    assert_eq!(clerk_b.post_json(&format!("/api/conferences/{ward}/proposals"), &json!({ "nhom": 1 })).status, 404);
    assert!(find(&proposals(&clerk_b), first).is_none(), "ward B sees ward A's proposal");
    for (method, path) in [
        ("GET", format!("/api/proposals/{first}/files/to-trinh-1.pdf")),
        ("POST", format!("/api/proposals/{first}/return")),
        ("POST", format!("/api/proposals/{first}/accept")),
    ] {
        let body = json!({ "ly_do": "x", "hoi_nghi": ward_b, "nhom": 1 }).to_string();
        let answer = clerk_b.request(method, &path, &[("Content-Type", "application/json")], body.as_bytes());
        assert_eq!(answer.status, 404, "{method} {path} as ward B: {}", answer.text());
    }
    // "Ban hành" at the ward draws no number for the group it proposes: the
    // province decides and numbers it.
    let leader_a = signed_in(&server, "lanhdao-a", PASSWORD);
    let issued = leader_a.request("POST", &format!("/api/conferences/{ward}/issue"), &[("If-Match", "1")], b"");
    assert_eq!(issued.status, 200, "{}", issued.text());
    assert_eq!(issued.json()["decisions"], json!([]), "{}", issued.text());
    assert_eq!(issued.json()["drawn"], json!([]), "{}", issued.text());
    let ward_version = issued.json()["version"].as_i64().unwrap();
    // The sending ward cannot handle its own proposal.
    let own_return = clerk_a.post_json(&format!("/api/proposals/{first}/return"), &json!({ "ly_do": "x" }));
    assert_eq!(own_return.status, 422, "{}", own_return.text());

    // The province sees it, by unit and status, with the tờ trình and list.
    let incoming = proposals(&province);
    let seen = find(&incoming, first).expect("the province sees the proposal");
    assert_eq!(seen["tu_don_vi"], WARD_A);
    assert_eq!(seen["trang_thai"], "gui");
    assert_eq!(seen["de_nghi_cua"], "Chủ tịch Ủy ban nhân dân phường Hồng Bàng");
    let paper = province.get(&format!("/api/proposals/{first}/files/to-trinh-1.pdf"));
    assert_eq!(paper.status, 200, "{}", paper.text());
    let text = workspace::pdf_text(&paper.body);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("TỜ TRÌNH") && flat.contains("Số: 45/TTr-UBND"), "{flat}");
    assert!(flat.contains("cho 1 tập thể và 1 cá nhân (có danh sách kèm theo)"), "{flat}");
    assert!(flat.contains("Tổ dân phố số 5") && flat.contains("Trần Văn Bình"), "the list: {flat}");
    // The very paper of the version sent, as the ward downloads it; in her pack too.
    let own_copy = clerk_a.get(&format!("/api/conferences/{ward}/files/to-trinh-1.pdf?phien_ban=1"));
    assert_eq!(own_copy.status, 200, "{}", own_copy.text());
    assert_eq!(own_copy.body, paper.body, "the province reads the ward's tờ trình as made");
    let pack = clerk_a.get(&format!("/api/conferences/{ward}/pack.zip"));
    let names = workspace::zip_names(&pack.body);
    assert!(
        names.contains(&"to-trinh-1.pdf".to_string()) && names.contains(&"to-trinh-1.docx".to_string()),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.starts_with("khen-1")), "no certificates of a group only proposed: {names:?}");
    let page = province.get("/de-nghi");
    assert_eq!(page.status, 200, "{}", page.text());
    let page = page.text();
    assert!(page.contains(WARD_A) && page.contains("Đang chờ xem xét"), "{page}");
    assert!(!clerk_b.get("/de-nghi").text().contains("Trần Văn Bình"), "ward B's page shows ward A's proposal");
    // The form to send up: offered to a ward's văn thư, naming where it goes;
    // not to the province's, whose unit has none above (the server refuses it).
    let ward_page = clerk_a.get("/de-nghi").text();
    assert!(ward_page.contains("id=\"gui-de-nghi\"") && ward_page.contains(&format!("Gửi đề nghị lên {PROVINCE}")));
    let top = province_clerk.get("/de-nghi").text();
    assert!(!top.contains("id=\"gui-de-nghi\""), "a root unit is offered a send the server refuses: {top}");
    let refused = province_clerk.post_json(&format!("/api/conferences/{city}/proposals"), &json!({ "nhom": 1 }));
    assert_eq!(refused.status, 422, "{}", refused.text());

    // Returned with a reason; the ward reads it.
    let empty = province.post_json(&format!("/api/proposals/{first}/return"), &json!({ "ly_do": "  " }));
    assert_eq!(empty.status, 422, "a return needs its reason: {}", empty.text());
    let reason = "Bổ sung tóm tắt thành tích của ông Trần Văn Bình";
    let returned = province.post_json(&format!("/api/proposals/{first}/return"), &json!({ "ly_do": reason }));
    assert_eq!(returned.status, 200, "{}", returned.text());
    let mine = proposals(&clerk_a);
    let back = find(&mine, first).expect("the ward sees its proposal");
    assert_eq!((back["trang_thai"].as_str(), back["ly_do"].as_str()), (Some("tra_lai"), Some(reason)));
    assert!(clerk_a.get("/de-nghi").text().contains(reason), "the reason on the ward's page");

    // Edited (a third recipient) and sent again: a new proposal, the returned one kept.
    let edited = ward_conference(&[
        ("tap_the", "Tổ dân phố số 5"),
        ("ca_nhan", "Trần Văn Bình"),
        ("ca_nhan", "Nguyễn Thị Thu Hằng"),
    ]);
    assert_eq!(clerk_a.put_yaml(&format!("/api/conferences/{ward}"), ward_version, &edited).status, 200);
    let resent = clerk_a.post_json(&format!("/api/conferences/{ward}/proposals"), &json!({ "nhom": 1 }));
    assert_eq!(resent.status, 201, "{}", resent.text());
    let second = resent.json()["id"].as_i64().unwrap();
    let history = proposals(&clerk_a);
    assert_eq!(find(&history, first).unwrap()["trang_thai"], "tra_lai", "the returned submission is kept");
    assert_eq!(
        find(&history, second).unwrap()["phien_ban"],
        ward_version + 1,
        "frozen at the version it was sent from"
    );
    assert_eq!(find(&history, first).unwrap()["phien_ban"], 1);

    // The ward bins its conference meanwhile: what it sent is still read and
    // accepted where it was sent (the version sent is a record, not a draft).
    assert_eq!(clerk_a.request("POST", &format!("/api/conferences/{ward}/bin"), &[], b"").status, 200);
    let while_binned = province.get(&format!("/api/proposals/{second}/files/to-trinh-1.pdf"));
    assert_eq!(while_binned.status, 200, "{}", while_binned.text());
    assert!(workspace::pdf_text(&while_binned.body).contains("Nguyễn Thị Thu Hằng"));

    // Accepted into the province's conference, group 1 — not into ward B's.
    let wrong =
        province.post_json(&format!("/api/proposals/{second}/accept"), &json!({ "hoi_nghi": ward_b, "nhom": 1 }));
    assert_eq!(wrong.status, 422, "{}", wrong.text());
    // The province's văn thư handles what comes in but sees no ward's
    // conference: ward B's is, to her, one that does not exist (404 as for
    // an id no conference has), not «not yours», which would tell it is there.
    for target in [ward_b, ward_b + 1000] {
        let body = json!({ "hoi_nghi": target, "nhom": 1 });
        let answer = province_clerk.post_json(&format!("/api/proposals/{second}/accept"), &body);
        assert_eq!(answer.status, 404, "into conference {target}: {}", answer.text());
    }
    let stale = province.post_json(&format!("/api/proposals/{first}/accept"), &json!({ "hoi_nghi": city, "nhom": 1 }));
    assert_eq!(stale.status, 422, "a returned proposal is not accepted: {}", stale.text());
    let accepted =
        province.post_json(&format!("/api/proposals/{second}/accept"), &json!({ "hoi_nghi": city, "nhom": 1 }));
    assert_eq!(accepted.status, 200, "{}", accepted.text());
    assert_eq!(accepted.json()["version"], 2);
    let twice = province.post_json(&format!("/api/proposals/{second}/accept"), &json!({ "hoi_nghi": city, "nhom": 1 }));
    assert_eq!(twice.status, 422, "accepted once: {}", twice.text());
    assert_eq!(clerk_a.request("POST", &format!("/api/conferences/{ward}/restore"), &[], b"").status, 200);
    let done = find(&proposals(&clerk_a), second).unwrap().clone();
    assert_eq!(done["trang_thai"], "da_nhan");
    assert_eq!(done["nhan_vao"]["hoi_nghi"], city);

    // The province's new version: its recipients with who proposed them, recorded as the province's.
    let versions = province.get(&format!("/api/conferences/{city}/versions")).json();
    let newest = versions.as_array().unwrap().iter().find(|v| v["version"] == 2).expect("version 2").clone();
    assert_eq!(newest["author"], "tinh");
    assert!(newest["note"].as_str().unwrap().contains(WARD_A), "{newest}");
    let yaml = province.get(&format!("/api/conferences/{city}")).json()["yaml"].as_str().unwrap().to_string();
    assert_eq!(yaml.matches("de_nghi: \"Chủ tịch Ủy ban nhân dân phường Hồng Bàng\"").count(), 3, "{yaml}");
    // The list read from the file became rows, the file's recipients first.
    assert!(!yaml.contains("danh_sach_tep: \"hai-phong-2018-bang-khen.csv\""), "{yaml}");
    let (own_first, ward_first) = (yaml.find("Công an quận Hồng Bàng").unwrap(), yaml.find("Tổ dân phố số 5").unwrap());
    assert!(own_first < ward_first, "the province's own recipients stay first: {yaml}");

    // The decision, as downloaded: the ward's recipients and the clause.
    let decision = province_clerk.get(&format!("/api/conferences/{city}/files/quyet-dinh-1.pdf"));
    assert_eq!(decision.status, 200, "{}", decision.text());
    let text = workspace::pdf_text(&decision.body);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Xét đề nghị của Chủ tịch Ủy ban nhân dân phường Hồng Bàng."), "{flat}");
    assert!(
        flat.contains("cho 13 tập thể và 17 cá nhân (có danh sách kèm theo)"),
        "12 + 15 of the file and the ward's 1 + 2: {flat}"
    );
    for name in ["Tổ dân phố số 5", "Trần Văn Bình", "Nguyễn Thị Thu Hằng", "Công an quận Hồng Bàng"]
    {
        assert!(flat.contains(name), "{name} in the province's decision list: {flat}");
    }
    // Ward B still sees nothing of it.
    assert!(find(&proposals(&clerk_b), second).is_none());
}

/// With BAOCAO_SHOTS=DIR, the page as it is now into DIR/NAME.png.
async fn shot(client: &fantoccini::Client, name: &str) {
    if let Ok(dir) = std::env::var("BAOCAO_SHOTS") {
        let png = client.screenshot().await.expect("a screenshot");
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).expect("write the screenshot");
    }
}

/// Signs `user` in through the sign-in form the page shows without a session.
async fn sign_in(client: &fantoccini::Client, base: &str, user: &str) {
    client.delete_all_cookies().await.unwrap();
    client.goto(&format!("{base}/de-nghi")).await.unwrap();
    type_into(client, "#dang-nhap input[name='user']", user).await;
    type_into(client, "#dang-nhap input[name='password']", PASSWORD).await;
    click(client, "#dang-nhap button[type='submit']").await;
    let script = format!("return !!document.querySelector('h1') && document.querySelector('h1').textContent === 'Đề nghị khen thưởng' && document.body.textContent.includes('{user}')");
    until(client, "the proposals page, signed in", &script).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_proposals_page_sends_returns_and_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let (profile, downloads) = (dir.path().join("chromium"), dir.path().join("tai-ve"));
    std::fs::create_dir_all(&downloads).unwrap();
    let ws = dir.path().join("ws");
    set_up(&ws);
    let driver = Driver::start();
    let server = Server::start(&ws);
    let base = format!("http://{}", server.addr);
    let clerk_a = signed_in(&server, "vanthu-a", PASSWORD);
    let ward = create_yaml(&clerk_a, &ward_conference(&[("ca_nhan", "Trần Văn Bình")]));
    let (sample, _) = workspace::sample();
    let own = sample.replace(
        "    danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"   # 12 tập thể + 15 cá nhân\n",
        "    danh_sach:\n      - { loai: ca_nhan, ten: \"Phạm Quốc Nghĩa\" }\n",
    );
    let city = create_yaml(&signed_in(&server, "vanthu-tinh", PASSWORD), &own);
    let client = browser(&driver, &profile, &downloads).await;

    // The ward's clerk sends group 1 of her conference.
    sign_in(&client, &base, "vanthu-a").await;
    client.execute(&format!("document.querySelector('#gui-de-nghi select').value = '{ward}'"), vec![]).await.unwrap();
    click(&client, "#gui-de-nghi button[type='submit']").await;
    until(&client, "sent, waiting", "return document.body.textContent.includes('Đang chờ xem xét')").await;
    shot(&client, "de-nghi-phuong").await;

    // The province returns it with a reason.
    sign_in(&client, &base, "tinh").await;
    until(&client, "the ward's proposal", "return document.body.textContent.includes('Phường Hồng Bàng')").await;
    shot(&client, "de-nghi-tinh").await;
    type_into(&client, "form[data-tra-lai] input[name='ly_do']", "Bổ sung thành tích").await;
    click(&client, "form[data-tra-lai] button[type='submit']").await;
    until(&client, "returned", "return document.body.textContent.includes('Bị trả lại: Bổ sung thành tích')").await;

    // The ward reads the reason and sends again.
    sign_in(&client, &base, "vanthu-a").await;
    until(&client, "the reason", "return document.body.textContent.includes('Bị trả lại: Bổ sung thành tích')").await;
    click(&client, "#gui-de-nghi button[type='submit']").await;
    until(&client, "sent again", "return document.body.textContent.includes('Đang chờ xem xét')").await;

    // The province accepts it into its conference's group 1.
    sign_in(&client, &base, "tinh").await;
    client
        .execute(&format!("document.querySelector('form[data-nhan] select').value = '{city}'"), vec![])
        .await
        .unwrap();
    click(&client, "form[data-nhan] button[type='submit']").await;
    until(
        &client,
        "accepted",
        "return document.body.textContent.includes('Đã nhận') && !document.querySelector('form[data-nhan]')",
    )
    .await;
    shot(&client, "de-nghi-da-nhan").await;
    client.close().await.unwrap();

    let yaml = clerk_a.get(&format!("/api/conferences/{ward}")).json()["yaml"].as_str().unwrap().to_string();
    assert!(yaml.contains("Trần Văn Bình"), "the ward's conference unchanged");
    let province = signed_in(&server, "tinh", PASSWORD);
    let accepted = province.get(&format!("/api/conferences/{city}")).json();
    assert_eq!(accepted["version"], 2, "{accepted}");
    let text = accepted["yaml"].as_str().unwrap();
    assert!(
        text.contains("Trần Văn Bình") && text.contains("de_nghi: \"Chủ tịch Ủy ban nhân dân phường Hồng Bàng\""),
        "{text}"
    );
}

/// The one office of before (no units): nothing to send up and nowhere to
/// send it, so the page offers no form the server would refuse.
#[test]
fn the_one_office_is_offered_no_proposal_to_send() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("ws"));
    let client = server.client();
    let id = workspace::create_sample(&client);
    let page = client.get("/de-nghi");
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(!page.text().contains("id=\"gui-de-nghi\""), "{}", page.text());
    let refused = client.post_json(&format!("/api/conferences/{id}/proposals"), &json!({ "nhom": 1 }));
    assert_eq!(refused.status, 422, "{}", refused.text());
}
