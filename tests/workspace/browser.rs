//! Driving the workspace in Debian's Chromium, headless, through
//! chromedriver (WebDriver): the driver on a free port, a browser session
//! at an office laptop's 1366×768, waiting for the page, typing. Missing
//! Chromium or chromedriver fails the test that needs them, naming the
//! package.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// Where a Debian program is; a missing one fails the test, naming its package.
pub fn program(name: &str, package: &str) -> PathBuf {
    let path = PathBuf::from("/usr/bin").join(name);
    assert!(
        path.is_file(),
        "{} is needed by the browser test; install Debian's {package} (scripts/test does: apt-get install chromium chromium-driver)",
        path.display()
    );
    path
}

/// A chromedriver on a free loopback port, stopped when dropped.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub fn start() -> Driver {
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

pub async fn browser(driver: &Driver, profile: &Path, downloads: &Path) -> Client {
    let chromium = program("chromium", "chromium");
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,768", "--lang=vi-VN",
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {
                "intl.accept_languages": "vi-VN,vi",
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
pub async fn until(client: &Client, what: &str, script: &str) {
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

pub async fn type_into(client: &Client, css: &str, text: &str) {
    let field = client.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{css}"));
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

/// The version the preview shows.
pub async fn previewed(client: &Client) -> String {
    let value = client.execute("return document.querySelector('#anh-xem-truoc').dataset.phienBan || ''", vec![]).await;
    value.ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Clicks `css`, brought to the middle of the window first (the page's
/// status bar stays at the top, as it does for a clerk scrolling).
pub async fn click(client: &Client, css: &str) {
    let found = client.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{css}"));
    let reference = serde_json::to_value(&found).unwrap();
    client.execute("arguments[0].scrollIntoView({ block: 'center' })", vec![reference]).await.unwrap();
    found.click().await.unwrap_or_else(|e| panic!("{css}: {e}"));
}
