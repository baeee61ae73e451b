//! The workspace in a real browser: Debian's Chromium, headless, driven
//! through chromedriver (WebDriver). A clerk creates a conference from the
//! sample, edits a field and sees the preview change, uploads an Excel
//! list, fixes a shown error and downloads the pack with the report in it.
//! Chromium and chromedriver are required: without them this test fails
//! (scripts/test installs them).

#[path = "workspace/browser.rs"]
mod browser;
mod workspace;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use browser::{browser, click, previewed, type_into, until, Driver};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
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

/// Waits for the one file with extension `ext` Chromium downloads into `dir`.
async fn downloaded(dir: &Path, ext: &str) -> Vec<u8> {
    let started = Instant::now();
    loop {
        let done: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        if let Some(file) = done.first() {
            return std::fs::read(file).unwrap();
        }
        assert!(started.elapsed() < Duration::from_secs(180), "no .{ext} was downloaded");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// With BAOCAO_SHOTS=DIR, the page as it is now into DIR/NAME.png (to look at while working).
async fn shot(client: &Client, name: &str) {
    if let Ok(dir) = std::env::var("BAOCAO_SHOTS") {
        let png = client.screenshot().await.expect("a screenshot");
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).expect("write the screenshot");
    }
}

/// The office's side, as a clerk at a 1366×768 laptop: a counter continued
/// from last year's paper register, numbers issued through the confirmation
/// (a second click changes nothing), a counter set below an issued number
/// refused at its field, the register exported to Excel with the issuing
/// body, and a district summary with its own number, place and signer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_office_issues_registers_and_summarises_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let (profile, downloads) = (dir.path().join("chromium"), dir.path().join("tai-ve"));
    std::fs::create_dir_all(&downloads).unwrap();
    let driver = Driver::start();
    let server = Server::start(&dir.path().join("ws"));
    let base = format!("http://{}", server.addr);
    let http = server.client();
    let id = workspace::create_sample(&http);
    // The second group's decision left for the register to number.
    let yaml = http.get(&format!("/api/conferences/{id}")).json()["yaml"].as_str().unwrap().to_string();
    let blank = yaml.replace("1789/QĐ-CAHP", "/QĐ-CAHP");
    assert_ne!(blank, yaml);
    let saved = http.request(
        "PUT",
        &format!("/api/conferences/{id}"),
        &[("If-Match", "1"), ("Content-Type", "application/yaml")],
        blank.as_bytes(),
    );
    assert_eq!(saved.status, 200, "{}", saved.text());
    let client = browser(&driver, &profile, &downloads).await;

    // Last year's paper register ended at 57: the counter goes on from there.
    client.goto(&format!("{base}/so-dang-ky")).await.unwrap();
    let set_counter = |last: &'static str| {
        let client = client.clone();
        async move {
            let form = client.find(Locator::Css("#dat-bo-dem")).await.unwrap();
            form.find(Locator::Css("select[name='so'] option[value='quyet_dinh']"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            type_into(&client, "#dat-bo-dem input[name='co_quan']", "CÔNG AN THÀNH PHỐ HẢI PHÒNG").await;
            type_into(&client, "#dat-bo-dem input[name='nam']", "2018").await;
            type_into(&client, "#dat-bo-dem input[name='so_cuoi']", last).await;
            form.find(Locator::Css("button[type='submit']")).await.unwrap().click().await.unwrap();
        }
    };
    set_counter("57").await;
    until(&client, "the counter set", "return document.body.textContent.includes('CÔNG AN THÀNH PHỐ HẢI PHÒNG') && [...document.querySelectorAll('td.so')].some(td => td.textContent === '57')").await;

    // The preview shows a whole page in a 1366×768 window, widens to the pane, and follows the paper edited.
    client.goto(&format!("{base}/hoi-nghi/{id}")).await.unwrap();
    until(&client, "the first preview", "return document.querySelector('#anh-xem-truoc').dataset.phienBan === '2'")
        .await;
    let whole = "const r = document.querySelector('#anh-xem-truoc').getBoundingClientRect(); \
                 return r.height > 300 && r.top >= 0 && r.bottom <= window.innerHeight";
    until(&client, "the whole page in the window", whole).await;
    client.find(Locator::Css("#co-xem option[value='100']")).await.unwrap().click().await.unwrap();
    let wide = "const i = document.querySelector('#anh-xem-truoc'); const pane = i.parentElement.clientWidth; \
                return i.getBoundingClientRect().width > pane * 0.85 && i.getBoundingClientRect().bottom > window.innerHeight";
    until(&client, "the page as wide as the pane", wide).await;
    client.find(Locator::Css("#phong-to")).await.unwrap().click().await.unwrap();
    until(&client, "zoomed in", "const i = document.querySelector('#anh-xem-truoc'); return i.getBoundingClientRect().width > i.parentElement.clientWidth * 1.2").await;
    client
        .execute(
            "document.querySelectorAll('fieldset.nhom')[1].querySelector('input:not([type=hidden])').focus()",
            vec![],
        )
        .await
        .unwrap();
    until(&client, "the second decision previewed", "const i = document.querySelector('#anh-xem-truoc'); return document.querySelector('#giay').value === 'quyet-dinh-2' && i.dataset.giay === 'quyet-dinh-2'").await;

    // Printing on blanks: the preview lays the text on a faint picture of the whole certificate.
    client.find(Locator::Css("[data-the='tai-ve']")).await.unwrap().click().await.unwrap();
    client.find(Locator::Css("#cach-in option[value='phoi']")).await.unwrap().click().await.unwrap();
    client.find(Locator::Css("#giay option[value='khen-1']")).await.unwrap().click().await.unwrap();
    until(
        &client,
        "the preview on the blank",
        "return document.querySelector('#anh-xem-truoc').dataset.trenPhoi === 'khen-1'",
    )
    .await;
    let inked = client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const inked = async (url) => { const i = new Image(); i.src = url; await i.decode(); \
               const c = document.createElement('canvas'); [c.width, c.height] = [i.naturalWidth, i.naturalHeight]; \
               const p = c.getContext('2d'); p.drawImage(i, 0, 0); const d = p.getImageData(0, 0, c.width, c.height).data; \
               let n = 0; for (let k = 0; k < d.length; k += 4) if (d[k] < 245 || d[k + 1] < 245 || d[k + 2] < 245) n++; \
               return n / (d.length / 4); }; \
             Promise.all([inked(document.querySelector('#anh-xem-truoc').src), \
               inked(arguments[0]), inked(arguments[1])]).then(done)",
            vec![
                json!(format!("/api/conferences/{id}/preview/2/khen-1/1.png?in=phoi")),
                json!(format!("/api/conferences/{id}/preview/2/khen-1/1.png")),
            ],
        )
        .await
        .unwrap();
    let [shown, text_only, whole] = [0, 1, 2].map(|i| inked[i].as_f64().unwrap());
    assert!(whole > text_only && text_only > 0.0, "a blank has more than its text: {inked:?}");
    assert!(shown > text_only * 1.5, "the blank shows under the text: {inked:?}");
    shot(&client, "tren-phoi").await;

    // "Ban hành" shows what will be numbered, from which counter, and asks once.
    client.find(Locator::Css("#ban-hanh")).await.unwrap().click().await.unwrap();
    until(&client, "the confirmation", "const a = document.querySelector('#xac-nhan-ban-hanh'); return !a.hidden && a.textContent.includes('quyết định số 58/QĐ-CAHP')").await;
    let asked: String = client
        .execute("return document.querySelector('#se-cap').textContent", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    assert!(asked.contains("sổ số quyết định của «CÔNG AN THÀNH PHỐ HẢI PHÒNG» năm 2018"), "{asked}");
    assert!(asked.contains("sổ vàng giấy khen"), "the recipients' numbers are shown: {asked}");
    assert!(
        asked.contains("Giấy mời số ")
            && asked.contains("/GM-CAHP (sổ số giấy mời của «CÔNG AN THÀNH PHỐ HẢI PHÒNG» năm 2018)"),
        "the invitation's number is shown: {asked}"
    );
    shot(&client, "ban-hanh").await;
    assert_eq!(http.get(&format!("/api/conferences/{id}")).json()["version"], 2, "asking issued nothing");
    client.find(Locator::Css("#xac-nhan-cap-so")).await.unwrap().click().await.unwrap();
    until(
        &client,
        "the issue",
        "return document.querySelector('#ket-qua-ban-hanh').textContent.includes('Đã ban hành (phiên bản 3)')",
    )
    .await;
    let decision = http.get(&format!("/api/conferences/{id}/files/quyet-dinh-2.pdf?phien_ban=3"));
    assert!(pdf_text(&decision.body).contains("58/QĐ-CAHP"), "the decision carries the number drawn");

    // A second click, and the old version's request again: nothing changes.
    client.find(Locator::Css("#ban-hanh")).await.unwrap().click().await.unwrap();
    until(
        &client,
        "the second click",
        "return document.querySelector('#ket-qua-ban-hanh').textContent.includes('Đã ban hành rồi')",
    )
    .await;
    let again = http.request("POST", &format!("/api/conferences/{id}/issue"), &[("If-Match", "3")], b"");
    assert_eq!((again.status, again.json()["unchanged"].clone()), (200, Value::Bool(true)), "{}", again.text());
    let stale = http.request("POST", &format!("/api/conferences/{id}/issue"), &[("If-Match", "2")], b"");
    assert_eq!(stale.status, 409);
    assert_eq!(http.get(&format!("/api/conferences/{id}")).json()["version"], 3, "no empty version");

    // The calibration sheet comes from the printers page, not from the command line.
    client.goto(&format!("{base}/may-in")).await.unwrap();
    let link =
        client.find(Locator::Css("#to-luoi a[href$='a3.pdf']")).await.unwrap().attr("href").await.unwrap().unwrap();
    let sheet = http.get(&link);
    assert_eq!(sheet.status, 200);
    let sheet_text = pdf_text(&sheet.body);
    assert!(sheet.body.starts_with(b"%PDF") && !sheet_text.trim().is_empty(), "{sheet_text}");

    // A counter set below the number issued: refused at its field, in words.
    client.goto(&format!("{base}/so-dang-ky")).await.unwrap();
    set_counter("10").await;
    until(&client, "the refusal at the field", "const f = document.querySelector('#dat-bo-dem input[name=so_cuoi]'); const said = f.closest('.truong').querySelector('.loi').textContent; return f.hasAttribute('aria-invalid') && said.includes('Số cuối phải từ 58')").await;
    let highest = "return [...document.querySelectorAll('table.danh-muc tr')].some(r => r.textContent.includes('Số quyết định') && \
                   r.textContent.includes('CÔNG AN THÀNH PHỐ HẢI PHÒNG') && r.querySelectorAll('td.so')[1]?.textContent === '58')";
    until(&client, "the highest number issued shown beside its counter", highest).await;
    shot(&client, "bo-dem").await;

    // The register names the issuing body, on the page and in the Excel file.
    type_into(&client, "#tim-khen input[name='q']", "nguyen thi hang").await;
    client.find(Locator::Css("#tim-khen button[type='submit']")).await.unwrap().click().await.unwrap();
    until(&client, "the search", "return [...document.querySelectorAll('#ket-qua-tim td')].some(td => td.textContent === 'CÔNG AN THÀNH PHỐ HẢI PHÒNG')").await;
    client.find(Locator::Css("#tai-excel")).await.unwrap().click().await.unwrap();
    let sheet = downloaded(&downloads, "xlsx").await;
    let rows = workspace::xlsx_rows(&sheet);
    let header = rows.iter().find(|r| r.iter().any(|c| c == "Cơ quan ban hành")).expect("a header row");
    let body_column = header.iter().position(|c| c == "Cơ quan ban hành").unwrap();
    let hang = rows.iter().find(|r| r.iter().any(|c| c == "Nguyễn Thị Hằng")).expect("her row");
    assert_eq!(hang[body_column], "CÔNG AN THÀNH PHỐ HẢI PHÒNG", "{rows:?}");
    assert!(hang.iter().any(|c| c == "58/QĐ-CAHP") && hang.iter().any(|c| c == "16/08/2018"), "{hang:?}");
    assert!(!rows.iter().any(|r| r.iter().any(|c| c == "Công an quận Lê Chân")), "the search's rows only");

    // A district summary: without its own signer it is refused in words; with it, its papers say so.
    client.goto(&format!("{base}/tong-hop")).await.unwrap();
    client.find(Locator::Css("#tong-hop input[name='hoi_nghi']")).await.unwrap().click().await.unwrap();
    for (name, text) in
        [("from", "2013"), ("to", "2018"), ("co_quan", "Công an quận Lê Chân"), ("so_ky_hieu", "15/BC-CAQ")]
    {
        type_into(&client, &format!("#tong-hop input[name='{name}']"), text).await;
    }
    client.find(Locator::Css("#tong-hop button[type='submit']")).await.unwrap().click().await.unwrap();
    until(&client, "the missing signer said", "const t = document.querySelector('#loi-tong-hop').textContent; return t.includes('chức vụ người ký') && t.includes('địa danh')").await;
    for (name, text) in [
        ("dia_danh", "Lê Chân"),
        ("chuc_vu", "TRƯỞNG CÔNG AN QUẬN"),
        ("cap_bac", "Thượng tá"),
        ("ho_ten", "Đỗ Văn Quang"),
        ("ngay", "20/12/2018"),
    ] {
        type_into(&client, &format!("#tong-hop input[name='{name}']"), text).await;
    }
    client.find(Locator::Css("#tong-hop button[type='submit']")).await.unwrap().click().await.unwrap();
    let zip = downloaded(&downloads, "zip").await;
    shot(&client, "tong-hop").await;
    let text = pdf_text(&zip_file(&zip, "tong-hop.pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for said in [
        "CÔNG AN QUẬN LÊ CHÂN",
        "15/BC-CAQ",
        "Lê Chân, ngày 20 tháng 12 năm 2018",
        "TRƯỞNG CÔNG AN QUẬN",
        "Thượng tá Đỗ Văn Quang",
    ] {
        assert!(flat.contains(said), "«{said}» in the summary: {flat}");
    }
    let first = workspace::sample().0;
    let ward_signer = first
        .split("nguoi_ky:")
        .nth(1)
        .and_then(|s| s.split("ho_ten: \"").nth(1))
        .and_then(|s| s.split('"').next())
        .unwrap();
    assert!(!flat.contains(ward_signer), "not the first unit's signer «{ward_signer}»");
    assert!(!flat.contains("Hải Phòng, ngày"), "not the first unit's place");
    client.close().await.unwrap();
}

/// A province's workspace at 1366×768: the provincial user signs in, sees
/// her unit and role in the header, the wards' conferences grouped by unit
/// and narrowed to one, a ward's conference read-only (no "Ban hành"), and
/// a summary of the two wards picked by unit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_province_reads_its_wards_and_summarises_them_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let (profile, downloads) = (dir.path().join("chromium"), dir.path().join("tai-ve"));
    std::fs::create_dir_all(&downloads).unwrap();
    let ws = dir.path().join("ws");
    let run = |args: &[&str], stdin: &str| {
        let output = workspace::command(&ws, args, stdin);
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    };
    run(&["units", "add", "UBND thành phố Hải Phòng"], "");
    for ward in ["Phường Hồng Bàng", "Phường Lê Chân"] {
        run(&["units", "add", ward, "--thuoc", "UBND thành phố Hải Phòng"], "");
    }
    let password = "mật khẩu dài\n";
    run(&["users", "add", "tinh", "--don-vi", "UBND thành phố Hải Phòng", "--vai-tro", "tinh"], password);
    run(&["users", "add", "vanthu-a", "--don-vi", "Phường Hồng Bàng", "--vai-tro", "van-thu"], password);
    run(&["users", "add", "vanthu-b", "--don-vi", "Phường Lê Chân", "--vai-tro", "van-thu"], password);
    let driver = Driver::start();
    let server = Server::start(&ws);
    let base = format!("http://{}", server.addr);
    let mut ids = Vec::new();
    for (user, file) in [("vanthu-a", "quan-a.yaml"), ("vanthu-b", "quan-b.yaml")] {
        let mut http = server.client();
        assert_eq!(http.login(user, "mật khẩu dài").status, 200);
        let yaml = std::fs::read(workspace::root().join("inputs").join(file)).unwrap();
        let made = http.post_multipart("/api/conferences", &[("input", Some(file), &yaml)], &[]);
        assert_eq!(made.status, 201, "{}", made.text());
        ids.push(made.json()["id"].as_i64().unwrap());
    }
    let client = browser(&driver, &profile, &downloads).await;

    client.goto(&format!("{base}/hoi-nghi")).await.unwrap();
    type_into(&client, "#dang-nhap input[name='user']", "tinh").await;
    type_into(&client, "#dang-nhap input[name='password']", "mật khẩu dài").await;
    click(&client, "#dang-nhap button[type='submit']").await;
    until(&client, "signed in, her unit and role in the header", "const h = document.querySelector('header .don-vi'); return !!h && h.textContent.includes('UBND thành phố Hải Phòng') && h.textContent.includes('Tỉnh')").await;
    // Both wards, each conference beside its unit, nothing to create or delete.
    let both = "const t = [...document.querySelectorAll('#danh-sach td.don-vi')].map(td => td.textContent).join('|'); \
                return t.includes('Phường Hồng Bàng') && t.includes('Phường Lê Chân')";
    until(&client, "both wards listed", both).await;
    let creatable: bool =
        client.execute("return !!document.querySelector('#tao-trong')", vec![]).await.unwrap().as_bool().unwrap();
    assert!(!creatable, "the province creates no conference");
    shot(&client, "tinh-danh-sach").await;
    // Narrowed to one ward.
    let pick = "const s = document.querySelector('.loc-don-vi select'); \
                s.value = [...s.options].find(o => o.textContent === 'Phường Lê Chân').value";
    client.execute(pick, vec![]).await.unwrap();
    click(&client, ".loc-don-vi button[type='submit']").await;
    until(&client, "only Lê Chân", "const cells = [...document.querySelectorAll('#danh-sach td.don-vi')]; return location.search.includes('don_vi=') && cells.length === 1 && cells[0].textContent === 'Phường Lê Chân'").await;

    // A ward's conference: read, not edited, not issued.
    client.goto(&format!("{base}/hoi-nghi/{}", ids[0])).await.unwrap();
    until(&client, "the read-only form", "return document.body.textContent.includes('Chỉ xem') && [...document.querySelectorAll('#bieu-mau input')].every(i => i.disabled)").await;
    let issuing: bool = client
        .execute("const b = document.querySelector('#ban-hanh'); return !!b && b.offsetParent !== null", vec![])
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(!issuing, "no «Ban hành» for the province");
    until(&client, "the ward's report previewed", "const i = document.querySelector('#anh-xem-truoc'); return i.dataset.phienBan === '1' && i.complete && i.naturalWidth > 0").await;
    shot(&client, "tinh-hoi-nghi").await;

    // The summary of the two wards, picked by unit.
    client.goto(&format!("{base}/tong-hop")).await.unwrap();
    for ward in ["Phường Hồng Bàng", "Phường Lê Chân"] {
        let script = format!("return [...document.querySelectorAll('#tong-hop label.chon')].find(l => l.textContent.trim() === '{ward}').querySelector('input').click()");
        client.execute(&script, vec![]).await.unwrap();
    }
    type_into(&client, "#tong-hop input[name='from']", "2018").await;
    type_into(&client, "#tong-hop input[name='to']", "2023").await;
    shot(&client, "tinh-tong-hop").await;
    click(&client, "#tong-hop button[type='submit']").await;
    let zip = downloaded(&downloads, "zip").await;
    let text = pdf_text(&zip_file(&zip, "tong-hop.pdf"));
    for unit in ["LÊ CHÂN", "NGÔ QUYỀN"] {
        assert!(text.to_uppercase().contains(unit), "{unit} in the summary: {text}");
    }
    client.close().await.unwrap();
}
