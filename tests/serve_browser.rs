//! The workspace in a real browser: Debian's Chromium, headless, driven
//! through chromedriver (WebDriver). A clerk creates a conference from the
//! sample, edits a field and sees the preview change, uploads an Excel
//! list, fixes a shown error and downloads the pack with the report in it.
//! Chromium and chromedriver are required: without them this test fails
//! (scripts/test installs them).

#[path = "workspace/browser.rs"]
mod browser;
mod workspace;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use browser::{browser, click, previewed, type_into, until, Driver};
use fantoccini::Locator;
use workspace::{pdf_text, zip_file, zip_names, Server};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clerk_works_a_conference_through_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let (profile, downloads) = (dir.path().join("chromium"), dir.path().join("tai-ve"));
    std::fs::create_dir_all(&downloads).unwrap();
    let driver = Driver::start();
    let server = Server::start(&dir.path().join("ws"));
    let base = format!("http://{}", server.addr);
    let client = browser(&driver, &profile, &downloads).await;

    // Create from the sample: the form opens with the report's first page beside it.
    client.goto(&format!("{base}/hoi-nghi")).await.unwrap();
    click(&client, "#tao-tu-mau").await;
    until(&client, "the conference page", "return location.pathname === '/hoi-nghi/1'").await;
    until(&client, "the first preview", "return document.querySelector('#anh-xem-truoc').dataset.phienBan === '1'")
        .await;

    // Edit a field: saved as a new version, and the preview shows it.
    type_into(&client, "input[data-key='van_ban.so_ky_hieu']", "126/BC-CAHP").await;
    until(
        &client,
        "the edit saved and previewed",
        "const v = document.querySelector('#trang-thai').textContent.match(/Đã lưu phiên bản (\\d+)/); \
         return !document.body.dataset.dangLuu && !!v && document.querySelector('#anh-xem-truoc').dataset.phienBan === v[1] && v[1] !== '1'",
    )
    .await;
    let edited = previewed(&client).await;
    let http = server.client();
    let before = http.get("/api/conferences/1/preview/1/bao-cao/1.png");
    let after = http.get(&format!("/api/conferences/1/preview/{edited}/bao-cao/1.png"));
    assert_eq!((before.status, after.status), (200, 200));
    assert!(before.body != after.body, "the preview changed with the edit");
    let report = http.get(&format!("/api/conferences/1/files/bao-cao.pdf?phien_ban={edited}"));
    assert!(pdf_text(&report.body).contains("126/BC-CAHP"));

    // A wrong date: the problem shows at its field, nothing is saved; fixed, it goes.
    let date = "input[data-key='van_ban.ngay']";
    type_into(&client, date, "2018-02-30").await;
    let shown_at_field = "return [...document.querySelectorAll('.truong')].some(t => t.querySelector(\"input[data-key='van_ban.ngay']\") && t.querySelector('.loi').textContent.includes('2018-02-30'))";
    until(&client, "the date problem at its field", shown_at_field).await;
    until(
        &client,
        "the draft status",
        "return document.querySelector('#trang-thai').textContent.includes('Đã lưu bản nháp (còn 1 lỗi')",
    )
    .await;
    let stored = http.get("/api/conferences/1").json()["version"].to_string();
    assert_eq!(stored, edited, "an invalid form is kept as a draft, not as a version papers are made from");
    type_into(&client, date, "2018-08-22").await;
    until(
        &client,
        "the fix saved",
        "const t = document.querySelector('#trang-thai').textContent; \
         return !document.body.dataset.dangLuu && t.includes('Đã lưu phiên bản') && !document.querySelector('.co-loi') && \
         ![...document.querySelectorAll('.loi')].some(l => l.textContent.includes('2018-02-30'))",
    )
    .await;

    // Upload an Excel list for the first award group: shown, then accepted.
    let sheet = dir.path().join("ds-khen.xlsx");
    std::fs::write(
        &sheet,
        workspace::xlsx(&[
            &["loai", "danh_xung", "ten", "chuc_vu", "don_vi", "so_so"],
            &["tap_the", "", "Công an phường Cát Dài", "", "", "0301"],
            &["ca_nhan", "Ông", "Trần Văn Bình", "Tổ trưởng tổ dân phố", "phường Cát Dài", "0302"],
            &["ca_nhan", "Bà", "Lê Thị Hoa", "Chi hội trưởng", "phường Lạc Viên", "0303"],
        ]),
    )
    .unwrap();
    let upload = client.find(Locator::Css(".tai-danh-sach[data-nhom='0'] input[data-tep]")).await.unwrap();
    upload.send_keys(sheet.to_str().unwrap()).await.unwrap();
    click(&client, ".tai-danh-sach[data-nhom='0'] [data-doc]").await;
    until(
        &client,
        "how the list reads",
        "return document.querySelector(\".tai-danh-sach[data-nhom='0'] .ket-qua-doc\").textContent.includes('đọc được 1 tập thể, 2 cá nhân')",
    )
    .await;
    click(&client, ".tai-danh-sach[data-nhom='0'] [data-nhan]").await;
    until(
        &client,
        "the list accepted",
        "const f = document.querySelector(\"input[data-key='danh_sach_tep']\"); return !!f && f.value === 'ds-khen.xlsx'",
    )
    .await;

    // The accepted list copied into the form, then one row corrected there.
    click(&client, "[data-sua-tung-dong='0']").await;
    let rows_shown = "return !document.querySelector(\"input[data-key='danh_sach_tep']\") && \
         [...document.querySelectorAll(\"[data-list='danh_sach'] input[data-key='ten']\")].some(i => i.value === 'Lê Thị Hoa')";
    until(&client, "the list's rows in the form", rows_shown).await;
    client
        .execute(
            "[...document.querySelectorAll(\"[data-list='danh_sach'] input[data-key='ten']\")].find(i => i.value === 'Lê Thị Hoa').id = 'sua-dong'",
            vec![],
        )
        .await
        .unwrap();
    type_into(&client, "#sua-dong", "Lê Thị Hòa").await;
    until(
        &client,
        "the row saved",
        "const t = document.querySelector('#trang-thai').textContent; return !document.body.dataset.dangLuu && /Đã lưu phiên bản/.test(t)",
    )
    .await;
    let yaml = http.get("/api/conferences/1").json()["yaml"].as_str().unwrap().to_string();
    assert!(yaml.contains("Lê Thị Hòa") && yaml.contains("Trần Văn Bình") && !yaml.contains("danh_sach_tep"), "{yaml}");

    // Download the pack; the report (with the edit) and the new list are in it.
    click(&client, "[data-the='tai-ve']").await;
    click(&client, "#tai-ca-bo").await;
    let started = Instant::now();
    let zip = loop {
        let done: Vec<PathBuf> = std::fs::read_dir(&downloads)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "zip"))
            .collect();
        if let Some(zip) = done.first() {
            break zip.clone();
        }
        assert!(started.elapsed() < Duration::from_secs(180), "the pack was not downloaded");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let bytes = std::fs::read(&zip).unwrap();
    let names = zip_names(&bytes);
    assert!(names.contains(&"bao-cao.pdf".to_string()) && names.contains(&"manifest.json".to_string()), "{names:?}");
    assert!(pdf_text(&zip_file(&bytes, "bao-cao.pdf")).contains("126/BC-CAHP"));
    let decision = pdf_text(&zip_file(&bytes, "quyet-dinh-1.pdf"));
    assert!(decision.contains("Trần Văn Bình") && decision.contains("Lê Thị Hòa"), "{decision}");
    client.close().await.unwrap();
}
