//! The workspace in a real browser: Debian's Chromium, headless, driven
//! through chromedriver (WebDriver). A clerk creates a conference from the
//! sample, edits a field and sees the preview change, uploads an Excel
//! list, fixes a shown error and downloads the pack with the report in it.
//! Chromium and chromedriver are required: without them this test fails
//! (scripts/test installs them).

mod workspace;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use workspace::{pdf_text, zip_file, zip_names, Server};

/// Where a Debian program is; a missing one fails the test, naming its package.
fn program(name: &str, package: &str) -> PathBuf {
    let path = PathBuf::from("/usr/bin").join(name);
    assert!(
        path.is_file(),
        "{} is needed by the browser test; install Debian's {package} (scripts/test does: apt-get install chromium chromium-driver)",
        path.display()
    );
    path
}

/// A chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let binary = program("chromedriver", "chromium-driver");
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(30), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn browser(driver: &Driver, profile: &Path, downloads: &Path) -> Client {
    let chromium = program("chromium", "chromium");
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {
                "download.default_directory": downloads,
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
            },
        },
    });
    let Value::Object(capabilities) = capabilities else { unreachable!() };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a Chromium session")
}

/// Waits (up to two minutes: a debug build renders slowly) until `script`
/// returns true in the page.
async fn until(client: &Client, what: &str, script: &str) {
    let started = Instant::now();
    loop {
        let value = client.execute(script, vec![]).await.unwrap_or(Value::Null);
        if value == Value::Bool(true) {
            return;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let page = client
                .execute(
                    "return [document.querySelector('#trang-thai')?.textContent, \
                     ...[...document.querySelectorAll('.ket-qua-doc, .van-de-chung, .loi')].map(e => e.textContent).filter(Boolean)]",
                    vec![],
                )
                .await;
            panic!("waited too long for {what}; the page says {page:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn type_into(client: &Client, css: &str, text: &str) {
    let field = client.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{css}"));
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

/// The version the preview shows.
async fn previewed(client: &Client) -> String {
    let value = client.execute("return document.querySelector('#anh-xem-truoc').dataset.phienBan || ''", vec![]).await;
    value.ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

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
    client.find(Locator::Css("#tao-tu-mau")).await.unwrap().click().await.unwrap();
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
        "the unsaved status",
        "return document.querySelector('#trang-thai').textContent.includes('Chưa lưu')",
    )
    .await;
    let stored = http.get("/api/conferences/1").json()["version"].to_string();
    assert_eq!(stored, edited, "an invalid form is not stored");
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
    client.find(Locator::Css(".tai-danh-sach[data-nhom='0'] [data-doc]")).await.unwrap().click().await.unwrap();
    until(
        &client,
        "how the list reads",
        "return document.querySelector(\".tai-danh-sach[data-nhom='0'] .ket-qua-doc\").textContent.includes('đọc được 1 tập thể, 2 cá nhân')",
    )
    .await;
    client.find(Locator::Css(".tai-danh-sach[data-nhom='0'] [data-nhan]")).await.unwrap().click().await.unwrap();
    until(
        &client,
        "the list accepted",
        "const f = document.querySelector(\"input[data-key='danh_sach_tep']\"); return !!f && f.value === 'ds-khen.xlsx'",
    )
    .await;

    // Download the pack; the report (with the edit) and the new list are in it.
    client.find(Locator::Css("[data-the='tai-ve']")).await.unwrap().click().await.unwrap();
    client.find(Locator::Css("#tai-ca-bo")).await.unwrap().click().await.unwrap();
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
    assert!(pdf_text(&zip_file(&bytes, "quyet-dinh-1.pdf")).contains("Trần Văn Bình"));
    client.close().await.unwrap();
}
