//! The conference form in a real browser (Chromium at 1366×768 through
//! chromedriver), as a ward clerk uses it: a blank start filled section by
//! section, figures typed the Vietnamese way ("1.850", "85,5") printed so in
//! the report, a mistake kept as a draft across a reload, two colleagues
//! editing one conference at once, a copy for the next year, and delete and
//! restore. Each step is checked on the page and on the papers.

#[path = "workspace/browser.rs"]
mod browser;
mod workspace;

use browser::{browser, click, type_into, until, Driver};
use fantoccini::{Client, Locator};
use serde_json::Value;
use workspace::{pdf_text, Server};

/// Waits until no edit waits to be saved.
async fn settled(client: &Client) {
    until(client, "the edits saved", "return !document.body.dataset.dangLuu").await;
}

/// Types `text` into each field `[data-key=…]` under `scope`, in order.
async fn fill(client: &Client, scope: &str, fields: &[(&str, &str)]) {
    for (key, text) in fields {
        type_into(client, &format!("{scope} [data-key='{key}']"), text).await;
    }
}

/// Adds a row to list `list` (under `scope`) and types its fields.
async fn add_row(client: &Client, scope: &str, list: &str, fields: &[(&str, &str)]) {
    let table = format!("{scope} [data-list='{list}']");
    click(client, &format!("{table} > [data-them]")).await;
    let row = format!("{table} [data-items] > [data-item]:last-child");
    fill(client, &row, fields).await;
    settled(client).await;
}

async fn value(client: &Client, css: &str) -> String {
    let field = client.find(Locator::Css(css)).await.unwrap_or_else(|_| panic!("{css}"));
    field.prop("value").await.unwrap().unwrap_or_default()
}

/// The newest version's number and YAML, as the API gives them.
fn stored(http: &workspace::Client, id: i64) -> (i64, String) {
    let json = http.get(&format!("/api/conferences/{id}")).json();
    (json["version"].as_i64().unwrap(), json["yaml"].as_str().unwrap_or_default().to_string())
}

fn report(http: &workspace::Client, id: i64, version: i64) -> String {
    let answer = http.get(&format!("/api/conferences/{id}/files/bao-cao.pdf?phien_ban={version}"));
    assert_eq!(answer.status, 200, "{}", answer.text());
    pdf_text(&answer.body)
}

const SAVED: &str =
    "const v = document.querySelector('#trang-thai').textContent.match(/(Đã lưu|thành) phiên bản (\\d+)/); \
     return !document.body.dataset.dangLuu && !!v && !document.querySelector('#trang-thai').classList.contains('loi')";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clerk_fills_a_blank_conference_and_nothing_typed_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start();
    let server = Server::start(&dir.path().join("ws"));
    let base = format!("http://{}", server.addr);
    let client = browser(&driver, &dir.path().join("a"), &dir.path().join("tai-ve-a")).await;
    let http = server.client();

    // A blank start: no value of the sample's anywhere.
    client.goto(&format!("{base}/hoi-nghi")).await.unwrap();
    click(&client, "#tao-trong").await;
    until(&client, "the blank conference", "return location.pathname === '/hoi-nghi/1'").await;
    const BODY: &str = "[data-list='co_quan'] [data-items] > fieldset:nth-child(1)";
    const SIGNER: &str = "[data-list='nguoi_ky'] [data-items] > fieldset:nth-child(1)";
    assert_eq!(value(&client, &format!("{BODY} [data-key='ten']")).await, "");
    let page = client.source().await.unwrap();
    assert!(!page.contains("Hải Phòng"), "a blank start holds no sample value");

    // Every section through the form; dates day first.
    fill(
        &client,
        "#bieu-mau",
        &[
            ("van_ban.so_ky_hieu", "15/BC-CAP"),
            ("van_ban.dia_danh", "Hà Nội"),
            ("van_ban.ngay", "21/08/2019"),
            ("van_ban.noi_nhan", "Công an quận Hoàng Mai\nLưu: VT"),
            ("giai_doan.tu", "2018"),
            ("giai_doan.den", "2019"),
            ("hoi_nghi.ngay", "22/08/2019"),
            ("hoi_nghi.dia_diem", "Hội trường phường Tân Mai"),
            ("hoi_nghi.gio", "07:30"),
            ("hoi_nghi.chu_tri", "Đại tá Lê Văn Cường, Trưởng Công an quận Hoàng Mai"),
            ("hoi_nghi.don_vi_to_chuc", "Công an phường Tân Mai\nỦy ban MTTQ Việt Nam phường Tân Mai"),
            ("hoi_nghi.tin_bai.tac_gia", "Minh Hà"),
            ("hoi_nghi.tin_bai.nguon", "Trang tin phường Tân Mai"),
            ("noi_dung.ket_qua", "Phong trào được triển khai rộng khắp các tổ dân phố."),
        ],
    )
    .await;
    settled(&client).await;
    fill(
        &client,
        BODY,
        &[("chu_quan", "CÔNG AN QUẬN HOÀNG MAI"), ("ten", "CÔNG AN PHƯỜNG TÂN MAI"), ("viet_tat", "CAP")],
    )
    .await;
    fill(
        &client,
        SIGNER,
        &[("chuc_vu", "TRƯỞNG CÔNG AN PHƯỜNG"), ("cap_bac", "Trung tá"), ("ho_ten", "Nguyễn Văn An")],
    )
    .await;
    settled(&client).await;
    // Two programmes: the first in the blank record shown, the second added.
    let programmes = "[data-list='chuong_trinh'] [data-items]";
    fill(
        &client,
        &format!("{programmes} > fieldset:nth-child(1)"),
        &[
            ("so", "09/CTr-BCA-MTTW"),
            ("ngay", "01/08/2013"),
            ("ten", "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới"),
            ("cac_ben", "Bộ Công an\nỦy ban Trung ương MTTQ Việt Nam"),
        ],
    )
    .await;
    settled(&client).await;
    click(&client, "[data-list='chuong_trinh'] > [data-them]").await;
    fill(
        &client,
        &format!("{programmes} > fieldset:nth-child(2)"),
        &[
            ("so", "18/CTrPH-CAP-MTTQ"),
            ("ngay", "05/03/2018"),
            ("ten", "Xây dựng tổ dân phố an toàn về an ninh, trật tự"),
            ("cac_ben", "Công an phường Tân Mai\nỦy ban MTTQ Việt Nam phường Tân Mai"),
        ],
    )
    .await;
    settled(&client).await;
    add_row(
        &client,
        "#bieu-mau",
        "hoi_nghi.dai_bieu",
        &[("cap_bac", "Đại tá"), ("ho_ten", "Lê Văn Cường"), ("chuc_vu", "Trưởng Công an quận Hoàng Mai")],
    )
    .await;
    // The conference day: a delegate of the organisers (ticked: no invitation) and the day's own agenda.
    add_row(
        &client,
        "#bieu-mau",
        "hoi_nghi.dai_bieu",
        &[("cap_bac", "Thiếu tá"), ("ho_ten", "Vũ Minh Tâm"), ("chuc_vu", "Phó Trưởng Công an phường Tân Mai")],
    )
    .await;
    click(&client, "[data-list='hoi_nghi.dai_bieu'] [data-items] > tr:last-child [data-key='to_chuc']").await;
    settled(&client).await;
    add_row(&client, "#bieu-mau", "hoi_nghi.nghi_trinh", &[("gio", "07:30"), ("noi_dung", "Văn nghệ chào mừng")]).await;
    add_row(
        &client,
        "#bieu-mau",
        "hoi_nghi.nghi_trinh",
        &[("gio", "08:00"), ("noi_dung", "Báo cáo sơ kết"), ("thuc_hien", "Trưởng Công an phường")],
    )
    .await;
    add_row(
        &client,
        "#bieu-mau",
        "chi_tieu",
        &[("ma", "luot_nguoi"), ("ten", "Lượt người tham gia"), ("don_vi", "lượt người")],
    )
    .await;
    add_row(&client, "#bieu-mau", "chi_tieu", &[("ma", "ung_ho"), ("ten", "Tiền ủng hộ"), ("don_vi", "triệu đồng")])
        .await;
    until(
        &client,
        "the totals drawn for the codes",
        "return !!document.querySelector(\"[data-key='tong_hop.ung_ho']\")",
    )
    .await;
    // Figures as a Vietnamese clerk types them.
    add_row(&client, "#bieu-mau", "ket_qua_nam", &[("nam", "2018"), ("luot_nguoi", "1.000"), ("ung_ho", "40,5")]).await;
    add_row(&client, "#bieu-mau", "ket_qua_nam", &[("nam", "2019"), ("luot_nguoi", "850"), ("ung_ho", "45")]).await;
    fill(&client, "#bieu-mau", &[("tong_hop.luot_nguoi", "1.850"), ("tong_hop.ung_ho", "85,5")]).await;
    settled(&client).await;
    // An award group with its list.
    click(&client, "[data-list='khen_thuong'] > [data-them]").await;
    let group = "[data-list='khen_thuong'] [data-items] > fieldset:last-child";
    fill(
        &client,
        group,
        &[
            ("cap_khen", "CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"),
            ("co_quan", "ỦY BAN NHÂN DÂN QUẬN HOÀNG MAI"),
            ("dia_danh", "Hoàng Mai"),
            ("quyet_dinh.so", "25/QĐ-UBND"),
            ("quyet_dinh.ngay", "15/08/2019"),
            ("nguoi_ky.chuc_vu", "CHỦ TỊCH"),
            ("nguoi_ky.ho_ten", "Trần Văn Bình"),
            ("thanh_tich", "Đã có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc"),
        ],
    )
    .await;
    settled(&client).await;
    add_row(&client, group, "danh_sach", &[("ten", "Tổ dân phố số 5")]).await;
    until(&client, "the version saved", SAVED).await;

    let (version, yaml) = stored(&http, 1);
    assert!(yaml.contains("luot_nguoi: 1850") && yaml.contains("ung_ho: 85.5"), "{yaml}");
    assert!(yaml.contains("ngay: 2019-08-21") && yaml.contains("don_vi_to_chuc:"), "{yaml}");
    assert!(yaml.contains("chuong_trinh:\n  - so: \"09/CTr-BCA-MTTW\""), "two programmes, a list:\n{yaml}");
    assert!(yaml.contains("so: \"18/CTrPH-CAP-MTTQ\"") && yaml.contains("ngay: 2018-03-05"), "{yaml}");
    let text = report(&http, 1, version);
    assert!(text.contains("1.850") && text.contains("85,5"), "the figures print as typed:\n{text}");
    // The conference day's fields: the chair's script opens at the time typed, with the chair named.
    let script = http.get(&format!("/api/conferences/1/files/kich-ban.pdf?phien_ban={version}"));
    assert_eq!(script.status, 200, "{}", script.text());
    let script = pdf_text(&script.body);
    assert!(script.contains("07 giờ 30") && script.contains("Lê Văn Cường"), "the script's time and chair:\n{script}");
    assert!(yaml.contains("Vũ Minh Tâm") && yaml.contains("to_chuc: true"), "{yaml}");
    let ticks = yaml.matches(" to_chuc:").count();
    assert_eq!((ticks, yaml.matches("to_chuc: true").count()), (1, 1), "an unticked box is left out:\n{yaml}");
    let paper = |name: &str| {
        let answer = http.get(&format!("/api/conferences/1/files/{name}?phien_ban={version}"));
        assert_eq!(answer.status, 200, "{name}: {}", answer.text());
        pdf_text(&answer.body)
    };
    let agenda = paper("chuong-trinh-hoi-nghi.pdf");
    assert!(agenda.contains("Văn nghệ chào mừng") && agenda.contains("Trưởng Công an phường"), "{agenda}");
    let invitations = paper("giay-moi.pdf");
    assert!(invitations.contains("Lê Văn Cường") && !invitations.contains("Vũ Minh Tâm"), "{invitations}");
    assert!(!text.contains("1,85 ") && !text.contains("Hải Phòng"), "{text}");
    assert!(text.contains("09/CTr-BCA-MTTW") && text.contains("18/CTrPH-CAP-MTTQ"), "both programmes:\n{text}");
    assert!(text.contains("CÔNG AN PHƯỜNG TÂN MAI") && text.contains("Nguyễn Văn An"), "{text}");
    // The form shows them as she typed them.
    assert_eq!(value(&client, "[data-key='tong_hop.luot_nguoi']").await, "1.850");
    assert_eq!(value(&client, "[data-key='van_ban.ngay']").await, "21/08/2019");
    let press = http.get(&format!("/api/conferences/1/files/tin-bai.txt?phien_ban={version}"));
    assert!(press.text().contains("Minh Hà"), "{}", press.text());

    // A mistake does not block her: the draft keeps it and a later edit, across a reload.
    type_into(&client, "[data-key='van_ban.ngay']", "30/02/2019").await;
    type_into(&client, "[data-key='van_ban.dia_danh']", "Hoàng Mai").await;
    until(&client, "the draft", "return document.querySelector('#trang-thai').textContent.includes('bản nháp')").await;
    settled(&client).await;
    let unsaved_warns = "document.querySelector(\"[data-list='co_quan'] [data-key='viet_tat']\").value += 'X'; \
         document.querySelector('#bieu-mau').dispatchEvent(new Event('input')); \
         const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented";
    assert_eq!(client.execute(unsaved_warns, vec![]).await.unwrap(), Value::Bool(true), "unsaved edits warn");
    type_into(&client, &format!("{BODY} [data-key='viet_tat']"), "CAP").await;
    settled(&client).await;
    assert_eq!(stored(&http, 1).0, version, "papers stay those of the valid version");
    client.refresh().await.unwrap();
    until(&client, "the page again", "return !!document.querySelector(\"[data-key='van_ban.ngay']\")").await;
    assert_eq!(value(&client, "[data-key='van_ban.ngay']").await, "30/02/2019");
    assert_eq!(value(&client, "[data-key='van_ban.dia_danh']").await, "Hoàng Mai");
    let at_field = "const t = [...document.querySelectorAll('.truong')].find(t => t.querySelector(\"[data-key='van_ban.ngay']\")); \
         return t.querySelector('.loi').textContent";
    let said = client.execute(at_field, vec![]).await.unwrap();
    let said = said.as_str().unwrap_or_default();
    assert!(said.contains("«30/02/2019» không phải ngày có thật"), "{said}");
    assert!(!said.contains("van_ban") && !said.contains("YYYY"), "{said}");
    assert!(
        client
            .execute("return document.querySelector('#trang-thai').textContent", vec![])
            .await
            .unwrap()
            .as_str()
            .unwrap()
            .contains("bản nháp"),
        "the reloaded page says it shows the draft"
    );
    type_into(&client, "[data-key='van_ban.ngay']", "21/08/2019").await;
    until(&client, "the fix saved", SAVED).await;
    // The second delegate presents the group's awards.
    let choose = "const s = document.querySelector(\"[data-list='khen_thuong'] [data-key='__nguoi_trao']\"); \
         s.value = '2'; s.dispatchEvent(new Event('change', { bubbles: true })); return s.value";
    assert_eq!(client.execute(choose, vec![]).await.unwrap(), Value::String("2".into()));
    settled(&client).await;
    until(&client, "the presenter saved", SAVED).await;
    let (fixed, yaml) = stored(&http, 1);
    assert!(yaml.contains("  nguoi_trao:\n    - 2\n"), "the delegate's number:\n{yaml}");
    let script = http.get(&format!("/api/conferences/1/files/kich-ban.pdf?phien_ban={fixed}"));
    let script = pdf_text(&script.body).split_whitespace().collect::<Vec<_>>().join(" ");
    let end = script.find("lên trao").expect("the script calls a presenter");
    let invited: String = script[..end].chars().rev().take(90).collect::<Vec<_>>().into_iter().rev().collect();
    assert!(invited.contains("Vũ Minh Tâm") && !invited.contains("Lê Văn Cường"), "{script}");
    assert!(
        fixed > version && yaml.contains("dia_danh: \"Hoàng Mai\"") || yaml.contains("dia_danh: Hoàng Mai"),
        "{yaml}"
    );

    // Two colleagues on one conference, different fields: both edits kept.
    let other = browser(&driver, &dir.path().join("b"), &dir.path().join("tai-ve-b")).await;
    other.goto(&format!("{base}/hoi-nghi/1")).await.unwrap();
    until(&other, "her page", "return !!document.querySelector(\"[data-list='nguoi_ky'] [data-key='ho_ten']\")").await;
    type_into(&client, "[data-key='van_ban.dia_danh']", "Tân Mai").await;
    until(&client, "the first colleague saved", SAVED).await;
    type_into(&other, &format!("{SIGNER} [data-key='ho_ten']"), "Phạm Thị Dung").await;
    until(&other, "the merge said", "return !document.querySelector('#thong-bao-gop').hidden && document.querySelector('#thong-bao-gop').textContent.includes('gộp cả hai')").await;
    settled(&other).await;
    assert_eq!(value(&other, "[data-key='van_ban.dia_danh']").await, "Tân Mai", "her page shows his edit");
    let (merged, _) = stored(&http, 1);
    let text = report(&http, 1, merged);
    assert!(text.contains("Tân Mai, ngày") && text.contains("Phạm Thị Dung"), "{text}");
    // The same field changed by both: she sees both values and keeps hers.
    type_into(&client, "[data-key='van_ban.so_ky_hieu']", "16/BC-CAP").await;
    until(&client, "his number saved", SAVED).await;
    type_into(&other, "[data-key='van_ban.so_ky_hieu']", "17/BC-CAP").await;
    until(&other, "the conflict shown", "return !!document.querySelector('#thong-bao-gop [data-giu-cua-toi]')").await;
    let notice = other.execute("return document.querySelector('#thong-bao-gop').textContent", vec![]).await.unwrap();
    let notice = notice.as_str().unwrap_or_default();
    assert!(
        notice.contains("«17/BC-CAP»") && notice.contains("«16/BC-CAP»") && notice.contains("Số, ký hiệu"),
        "{notice}"
    );
    click(&other, "#thong-bao-gop [data-giu-cua-toi]").await;
    until(&other, "her value kept", "return document.querySelector('#thong-bao-gop').hidden").await;
    let (chosen, yaml) = stored(&http, 1);
    assert!(
        yaml.contains("17/BC-CAP") && yaml.contains("Phạm Thị Dung") && yaml.contains("dia_danh: \"Tân Mai\""),
        "{yaml}"
    );
    assert!(report(&http, 1, chosen).contains("17/BC-CAP"));
    other.close().await.unwrap();

    // A copy for the next year, lists kept (without the numbers issued).
    client.goto(&format!("{base}/hoi-nghi")).await.unwrap();
    click(&client, "tr[data-hoi-nghi='1'] details.sao-chep summary").await;
    assert_eq!(value(&client, "tr[data-hoi-nghi='1'] .nam-sao-chep").await, "2020");
    click(&client, "tr[data-hoi-nghi='1'] .giu-danh-sach").await;
    click(&client, "tr[data-hoi-nghi='1'] [data-sao-chep]").await;
    until(&client, "the copy", "return location.pathname === '/hoi-nghi/2'").await;
    assert_eq!(value(&client, "[data-key='giai_doan.den']").await, "2020");
    assert_eq!(value(&client, "[data-key='van_ban.ngay']").await, "21/08/2020");
    let (_, copied) = stored(&http, 2);
    assert!(copied.contains("so: \"/QĐ-UBND\"") && copied.contains("Tổ dân phố số 5"), "{copied}");
    let text = report(&http, 2, 1);
    assert!(
        text.contains("năm 2020") && text.contains("850") && !text.contains("1.850"),
        "the old period's total is not carried over:\n{text}"
    );

    // Delete to the bin, then restore.
    client.goto(&format!("{base}/hoi-nghi")).await.unwrap();
    click(&client, "[data-xoa-hoi-nghi='2']").await;
    until(&client, "the bin", "return !!document.querySelector(\"#thung-rac [data-khoi-phuc='2']\") && !document.querySelector(\"tr[data-hoi-nghi='2']\")").await;
    assert_eq!(http.get("/api/conferences/2").status, 404, "a deleted conference is out of use");
    click(&client, "#thung-rac [data-khoi-phuc='2']").await;
    until(&client, "restored", "return !!document.querySelector(\"tr[data-hoi-nghi='2']\")").await;
    assert_eq!(http.get("/api/conferences/2").status, 200);
    assert!(report(&http, 2, 1).contains("năm 2020"), "restored whole");

    // A joint report: a second body added brings its signer's record; one body stays a record.
    client.goto(&format!("{base}/hoi-nghi/1")).await.unwrap();
    click(&client, "[data-list='co_quan'] > [data-them]").await;
    let second = |list: &str| format!("[data-list='{list}'] [data-items] > fieldset:nth-child(2)");
    fill(&client, &second("co_quan"), &[("ten", "ỦY BAN MTTQ VIỆT NAM PHƯỜNG TÂN MAI"), ("viet_tat", "MTTQ")]).await;
    fill(&client, &second("nguoi_ky"), &[("chuc_vu", "CHỦ TỊCH"), ("ho_ten", "Đỗ Thị Hoa")]).await;
    until(&client, "the joint version saved", SAVED).await;
    let (joint, yaml) = stored(&http, 1);
    assert!(yaml.contains("co_quan:\n  - ") && yaml.contains("nguoi_ky:\n  - "), "two bodies, two signers:\n{yaml}");
    let text = report(&http, 1, joint);
    assert!(
        text.contains("ỦY BAN MTTQ VIỆT NAM") && text.contains("Đỗ Thị Hoa") && text.contains("Phạm Thị Dung"),
        "the second body heads the joint report:\n{text}"
    );
    // Removing the body removes its signer: a single record again.
    click(&client, &format!("{} [data-xoa]", second("co_quan"))).await;
    until(
        &client,
        "one body again",
        "return document.querySelectorAll(\"[data-list='nguoi_ky'] [data-items] > fieldset\").length === 1",
    )
    .await;
    settled(&client).await;
    until(&client, "the single version saved", SAVED).await;
    let (_, yaml) = stored(&http, 1);
    assert!(yaml.contains("co_quan:\n  chu_quan:") && yaml.contains("nguoi_ky:\n  chuc_vu:"), "{yaml}");
    client.close().await.unwrap();
}
