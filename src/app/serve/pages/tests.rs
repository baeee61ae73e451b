//! Tests of the page templates: every page rendered over hostile data shows
//! it escaped, never raw; strict mode refuses a missing key.

use serde_json::{json, Value};

use super::templates::{registry, render_text, script_json};
use super::{editor, form, office};
use crate::app::serve::auth::Caller;
use crate::app::serve::store::{conferences, register, users};

/// Text a conference, a user, a printer or a recipient could carry.
const HOSTILE: &str = "<script>alert(1)</script>\"'&<>";
/// `HOSTILE` as an HTML text or attribute value, written out by hand.
const ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp;&lt;&gt;";

/// A conference whose every text a clerk can type is `HOSTILE` (in YAML's
/// single quotes, where `'` is doubled).
fn hostile_yaml() -> String {
    let h = "'<script>alert(1)</script>\"''&<>'";
    format!(
        "van_ban:\n  loai: {h}\n  dia_danh: {h}\n  kinh_gui: [{h}, {h}]\n\
         co_quan:\n  ten: {h}\n\
         hoi_nghi:\n  dia_diem: {h}\n  dai_bieu:\n    - ho_ten: {h}\n\
         chi_tieu:\n  - ma: {h}\n    ten: {h}\n\
         ket_qua_nam:\n  - nam: 2020\n\
         noi_dung:\n  ket_qua: {h}\n\
         khen_thuong:\n\
         \x20 - hinh_thuc: {h}\n    cap_khen: {h}\n    danh_sach:\n      - loai: tap_the\n        ten: {h}\n        don_vi: {h}\n\
         \x20 - hinh_thuc: giay_khen\n    danh_sach_tep: {h}\n"
    )
}

fn hostile_caller() -> Option<Caller> {
    Some(Caller { user: Some(HOSTILE.to_string()), csrf: "token".to_string(), scope: None })
}

fn hostile_unit() -> crate::app::serve::store::units::Unit {
    crate::app::serve::store::units::Unit { id: 1, name: HOSTILE.to_string(), parent: None }
}

/// The hostile conferences, of the office (no unit).
fn of_no_unit() -> Vec<(conferences::Summary, Option<i64>)> {
    hostile_conferences().into_iter().map(|conference| (conference, None)).collect()
}

fn hostile_printer() -> users::Printer {
    users::Printer { name: HOSTILE.to_string(), offset_x: 1.5, offset_y: -0.25, scale: 1.0 }
}

fn hostile_conferences() -> Vec<conferences::Summary> {
    vec![conferences::Summary { id: 7, name: HOSTILE.to_string(), version: 3, updated: 0 }]
}

/// Every page (and the form alone) over hostile data: (template, context,
/// the least number of places `HOSTILE` is shown).
fn hostile_pages() -> Vec<(&'static str, Value, usize)> {
    let caller = hostile_caller();
    let version = conferences::Version {
        conference: 7,
        version: 2,
        name: HOSTILE.to_string(),
        yaml: hostile_yaml(),
        files: Vec::new(),
        latest: 3,
    };
    let history = vec![conferences::HistoryEntry {
        version: 1,
        author: HOSTILE.to_string(),
        note: HOSTILE.to_string(),
        time: HOSTILE.to_string(),
    }];
    let counters = vec![(
        register::Counter {
            key: register::CounterKey { register: HOSTILE.to_string(), body: HOSTILE.to_string(), year: 2020 },
            last: 5,
            width: 3,
        },
        4,
    )];
    let yearly = vec![(2020, HOSTILE.to_string(), "tap_the".to_string(), 4)];
    let tree = crate::app::serve::yaml_form::stored(&hostile_yaml());
    let two_units = [hostile_unit(), crate::app::serve::store::units::Unit { id: 2, ..hostile_unit() }];
    let editor = editor::page_context(&caller, &version, None, Vec::new(), &history, &[hostile_printer()]);
    vec![
        ("dang-nhap", super::login_context(), 0),
        // Three as before, and each of two units' names in the choice of a unit.
        ("danh-sach-hoi-nghi", super::list_context(&caller, &of_no_unit(), &of_no_unit(), &two_units, None), 5),
        // Title, heading, user, history (3), printer (2), the form (27); the
        // YAML shows it with its quote doubled.
        ("hoi-nghi", editor, 35),
        // Fields (7, two lines of one, two stray choices shown twice), the
        // delegate, the recipient (2), the file, the metric (code and name;
        // the code as a column's head, key and label twice, and in the
        // total's key, label and aria-label, with the name there twice).
        ("bieu-mau", form::form(&tree, None), 27),
        ("so-dang-ky", office::register_context(&caller, &counters, yearly), 4),
        ("tong-hop", office::summary_context(&caller, &hostile_conferences(), &[hostile_unit()]), 3),
        ("may-in", office::printers_context(&caller, &[hostile_printer()]), 3),
    ]
}

#[test]
fn every_template_parses() {
    if let Err(err) = registry() {
        panic!("{err}");
    }
}

#[test]
fn hostile_text_is_escaped_on_every_page() {
    for (name, context, places) in hostile_pages() {
        let html = render_text(name, &context).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert!(!html.contains("<script>alert"), "{name}: raw script\n{html}");
        assert!(!html.contains(HOSTILE), "{name}: raw text\n{html}");
        assert!(!html.contains("\"'&<>"), "{name}: raw quotes\n{html}");
        let shown = html.matches(ESCAPED).count();
        assert!(shown >= places, "{name}: shown escaped {shown} times, expected at least {places}\n{html}");
        // Every `<` of the page opens one of our tags; none comes from the data.
        for (at, _) in html.match_indices('<') {
            let next = html[at + 1..].chars().next().unwrap_or(' ');
            assert!(next.is_ascii_alphabetic() || next == '/' || next == '!', "{name}: stray < at {at}");
        }
    }
}

#[test]
fn hostile_text_lands_where_the_clerk_reads_it() {
    let pages: std::collections::HashMap<_, _> =
        hostile_pages().into_iter().map(|(name, context, _)| (name, render_text(name, &context).unwrap())).collect();
    let has = |page: &str, piece: &str| {
        let piece = piece.replace("H", ESCAPED);
        assert!(pages[page].contains(&piece), "{page} lacks {piece}\n{}", pages[page]);
    };
    has("hoi-nghi", "<title>H — baocao</title>");
    has(
        "danh-sach-hoi-nghi",
        "<span class=\"nguoi\">H <button type=\"button\" data-dang-xuat>Đăng xuất</button></span>",
    );
    has("danh-sach-hoi-nghi", "<a href=\"/hoi-nghi/7\">H</a>");
    has("hoi-nghi", "<h1>H</h1>");
    has("hoi-nghi", "<option value=\"H\">H (lệch +1.5; -0.2 mm, tỷ lệ 1)</option>");
    has("hoi-nghi", "<td>H</td><td>H</td><td>H</td></tr>");
    has("bieu-mau", "<input data-key=\"ten\" value=\"H\" aria-label=\"Tên tập thể / họ tên\">");
    has("bieu-mau", "<option value=\"H\" selected>H</option>");
    has("bieu-mau", "<input data-key=\"danh_sach_tep\" value=\"H\" readonly>");
    has("bieu-mau", "<textarea data-key=\"noi_dung.ket_qua\" rows=\"4\" aria-label=\"Kết quả\">H</textarea>");
    has("so-dang-ky", "<tr><td>H</td><td>H</td><td>2020</td>");
    has("tong-hop", "<input type=\"checkbox\" name=\"hoi_nghi\" value=\"7\"> H</label>");
    has("may-in", "data-xoa-may-in=\"H\">Xoá</button>");
    has("may-in", "<td class=\"so\">1.5</td><td class=\"so\">-0.25</td><td class=\"so\">1</td>");
}

#[test]
fn json_for_the_script_cannot_close_it() {
    let context = hostile_pages().into_iter().find(|(name, _, _)| *name == "hoi-nghi").unwrap().1;
    let mut context = context;
    context["du_lieu"]["problems"] = json!([{ "message": HOSTILE }]);
    let html = render_text("hoi-nghi", &context).unwrap();
    let start = html.find("<script type=\"application/json\" id=\"du-lieu\">").unwrap();
    let inside = &html[start..];
    let inside = &inside[inside.find('>').unwrap() + 1..inside.find("</script>").unwrap()];
    let data: Value = serde_json::from_str(inside).unwrap();
    assert_eq!(data["problems"][0]["message"], HOSTILE);
    assert_eq!(data["id"], 7);
    assert!(!inside.contains('<') && !inside.contains('>') && !inside.contains('&'), "{inside}");
    assert_eq!(script_json(&json!("</script>&")), "\"\\u003c/script\\u003e\\u0026\"");
}

#[test]
fn strict_mode_refuses_a_missing_key() {
    let pages = hostile_pages();
    let context = |name: &str| pages.iter().find(|(n, _, _)| *n == name).unwrap().1.clone();
    // A key printed, one tested by `#if`, one by `#unless`, one in a partial, one in the frame.
    let mut printers = context("may-in");
    printers["may_in"][0].as_object_mut().unwrap().remove("ten");
    let mut editor = context("hoi-nghi");
    editor.as_object_mut().unwrap().remove("cu");
    let mut summary = context("tong-hop");
    summary.as_object_mut().unwrap().remove("hoi_nghi");
    let mut form = context("bieu-mau");
    form["noi_dung"][0].as_object_mut().unwrap().remove("nhan");
    let mut list = context("danh-sach-hoi-nghi");
    list["khung"].as_object_mut().unwrap().remove("dang_nhap");
    for (name, broken, key) in [
        ("may-in", printers, "ten"),
        ("hoi-nghi", editor, "cu"),
        ("tong-hop", summary, "hoi_nghi"),
        ("bieu-mau", form, "nhan"),
        ("danh-sach-hoi-nghi", list, "dang_nhap"),
    ] {
        match render_text(name, &broken) {
            Ok(_) => panic!("{name} rendered with {key} missing"),
            Err(err) => assert!(format!("{err:?}").contains(key), "{name}: {err:?}"),
        }
    }
    for (name, whole, _) in &pages {
        assert!(render_text(name, whole).is_ok(), "{name}");
    }
}
