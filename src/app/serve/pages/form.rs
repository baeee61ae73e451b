//! The conference as a form, in the schema's sections: each field carries
//! its key (`data-key`, relative to its record), lists are `data-list`
//! containers of `data-item` rows (with `data-goc`, the row's index in the
//! stored version), so the page can send the form back as a JSON tree and
//! place each problem at the field its path names. Built here as the
//! context of template `bieu-mau` (and its partials).

use crate::input::yaml::{Node, Value};
use serde_json::{json, Value as Json};

use crate::app::serve::fields::{
    Kind, AGENDA, CONTENT, DELEGATES, GROUP, LIST_COLUMNS, METRICS, RECORD_LISTS, SECTIONS,
};
use crate::input::Input;

/// The sample conference (Hải Phòng, 2018): its values, left unchanged in
/// another unit's form, are marked until changed.
static SAMPLE: std::sync::LazyLock<Node> = std::sync::LazyLock::new(|| {
    super::super::yaml_form::stored(include_str!("../../../../inputs/hai-phong-2018.yaml"))
});

/// `field` marked (`mau`) when its value is still the sample's.
fn mark_sample(mut field: Json, value: Option<&Node>, sample: Option<&Node>) -> Json {
    // A choice (sơ kết, bằng khen) belongs to no unit: only what was typed is marked.
    let typed = field["kieu"] != "chon";
    let still_sample = typed && value.is_some_and(|v| !text(Some(v)).is_empty()) && value == sample;
    field["mau"] = Json::Bool(still_sample);
    field
}

/// The value at dotted `key` under `scope`.
fn get<'v>(scope: Option<&'v Node>, key: &str) -> Option<&'v Node> {
    key.split('.').try_fold(scope?, |value, part| value.get(part)).filter(|v| !v.is_null())
}

fn text(value: Option<&Node>) -> String {
    match value.map(|node| &node.value) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Sequence(items)) => items.iter().map(|i| text(Some(i))).collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}

/// The control of one field, without its label (template `o-nhap`).
fn control(key: &str, kind: Kind, value: Option<&Node>, label: &str) -> Json {
    let shown = match (kind, value) {
        (Kind::Number, Some(value)) => super::super::typed::shown_figure(value),
        (Kind::Date, _) => super::super::typed::shown_date(&text(value)),
        _ => text(value),
    };
    let mut control = json!({ "khoa": key, "nhan": label, "gia_tri": shown, "cua_mau": false });
    let extra = match kind {
        Kind::Text => json!({ "kieu": "chu" }),
        Kind::Date => json!({ "kieu": "ngay" }),
        Kind::Year => json!({ "kieu": "nam" }),
        Kind::Number => json!({ "kieu": "so" }),
        Kind::Long => json!({ "kieu": "dai" }),
        Kind::Lines => json!({ "kieu": "dong", "so_dong": shown.lines().count().clamp(2, 8) }),
        Kind::Check => json!({ "kieu": "hop", "chon": shown == "true" }),
        Kind::Choice(choices, optional) => {
            let choices: Vec<Json> = choices
                .iter()
                .map(|(choice, name)| json!({ "gia_tri": choice, "ten": name, "chon": *choice == shown }))
                .collect();
            json!({
                "kieu": "chon",
                "co_trong": optional,
                // A stored value that is not a choice is shown, so its problem can be.
                "la": !shown.is_empty() && !choices.iter().any(|c| c["chon"] == true),
                "lua_chon": choices,
            })
        }
    };
    if let (Json::Object(control), Json::Object(extra)) = (&mut control, extra) {
        control.extend(extra);
    }
    control
}

/// One field with its label (template `truong`): the control and `rong`
/// (the wide ones).
fn field(scope: Option<&Node>, (key, label, kind): (&str, &str, Kind)) -> Json {
    let mut field = control(key, kind, get(scope, key), label);
    field["rong"] = Json::Bool(matches!(kind, Kind::Long | Kind::Lines));
    field["mau"] = Json::Bool(false);
    field
}

/// A list of records as a table with a row per item and a blank row to add
/// (template `bang`); a cell still holding the value of the same row of
/// `sample` (the sample's list) is marked.
fn table(
    list_key: &str,
    items: Option<&Node>,
    columns: &[(&str, &str, Kind)],
    whole: bool,
    sample: Option<&Node>,
) -> Json {
    let sample_rows = sample.and_then(|s| s.as_sequence());
    let rows: Vec<Json> = items
        .and_then(|v| v.as_sequence())
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(index, item)| {
            let mut cells = row_cells(Some(item), columns);
            let sample_row = sample_rows.and_then(|rows| rows.get(index));
            for (cell, (key, _, kind)) in cells.iter_mut().zip(columns) {
                let value = get(Some(item), key);
                let still = !matches!(kind, Kind::Choice(..))
                    && value.is_some_and(|v| !text(Some(v)).is_empty())
                    && value == get(sample_row, key);
                cell["cua_mau"] = Json::Bool(still);
            }
            json!({ "goc": index, "o": cells })
        })
        .collect();
    json!({
        "khoa": list_key,
        "cot": columns.iter().map(|(_, label, _)| *label).collect::<Vec<_>>(),
        "thay": whole,
        "dong": rows,
        "mau": row_cells(None, columns),
    })
}

fn row_cells(item: Option<&Node>, columns: &[(&str, &str, Kind)]) -> Vec<Json> {
    columns.iter().map(|(key, label, kind)| control(key, *kind, get(item, key), label)).collect()
}

/// The metric codes, in order.
fn codes(tree: &Node) -> Vec<(String, String)> {
    tree.get("chi_tieu")
        .and_then(|v| v.as_sequence())
        .into_iter()
        .flatten()
        .map(|m| (text(m.get("ma")), text(m.get("ten"))))
        .filter(|(code, _)| !code.is_empty())
        .collect()
}

/// Yearly results (a row per year, a column per metric) and the period
/// totals; none before a metric is declared.
fn results(tree: &Node) -> Json {
    let codes = codes(tree);
    if codes.is_empty() {
        return Json::Null;
    }
    let columns: Vec<(&str, &str, Kind)> = std::iter::once(("nam", "Năm", Kind::Year))
        .chain(codes.iter().map(|(code, _)| (code.as_str(), code.as_str(), Kind::Number)))
        .collect();
    let totals: Vec<Json> = codes
        .iter()
        .map(|(code, name)| {
            let key = format!("tong_hop.{code}");
            let label = format!("{code} — {name}");
            field(Some(tree), (&key, &label, Kind::Number))
        })
        .collect();
    json!({ "bang": table("ket_qua_nam", tree.get("ket_qua_nam"), &columns, true, SAMPLE.get("ket_qua_nam")), "tong": totals })
}

/// Which delegate presents group `index`'s awards (`hoi_nghi.nguoi_trao`,
/// a delegate's number from 1): a choice of the delegates by name, sent as
/// the group's `__nguoi_trao` (yaml_form::merge_form puts it back).
fn presenter(tree: &Node, index: Option<usize>) -> Json {
    let chosen =
        index.and_then(|i| get(Some(tree), "hoi_nghi.nguoi_trao")?.as_sequence()?.get(i)).map(|n| text(Some(n)));
    let chosen = chosen.unwrap_or_default();
    let delegates = get(Some(tree), "hoi_nghi.dai_bieu").and_then(|v| v.as_sequence()).cloned().unwrap_or_default();
    let choices: Vec<Json> = delegates
        .iter()
        .enumerate()
        .map(|(i, delegate)| {
            let number = (i + 1).to_string();
            let name = [text(delegate.get("cap_bac")), text(delegate.get("ho_ten"))].join(" ");
            json!({ "gia_tri": number, "ten": format!("{}. {}", i + 1, name.trim()), "chon": number == chosen })
        })
        .collect();
    json!({
        "khoa": "__nguoi_trao",
        "nhan": "Đại biểu lên trao (để trống: đại biểu thứ nhất)",
        "kieu": "chon",
        "gia_tri": chosen,
        "co_trong": true,
        "la": !chosen.is_empty() && !choices.iter().any(|c| c["chon"] == true),
        "lua_chon": choices,
        "cua_mau": false,
        "rong": false,
        "mau": false,
    })
}

/// One award group as a fieldset (template `nhom-khen`; `index` none: the blank one to add).
fn group(tree: &Node, index: Option<usize>, value: Option<&Node>, input: Option<&Input>) -> Json {
    let sample = index.and_then(|i| SAMPLE.get("khen_thuong")?.as_sequence()?.get(i));
    let mut fields: Vec<Json> =
        GROUP.iter().map(|spec| mark_sample(field(value, *spec), get(value, spec.0), get(sample, spec.0))).collect();
    fields.push(presenter(tree, index));
    let (file, list) = match get(value, "danh_sach_tep") {
        Some(file) => {
            let read = index.and_then(|i| input?.khen_thuong.get(i));
            let count = |kind| read.map_or(0, |g| g.danh_sach.iter().filter(|r| r.loai == kind).count());
            let file = json!({
                "ten": text(Some(file)),
                "tap_the": count(crate::input::LoaiNguoiNhan::TapThe),
                "ca_nhan": count(crate::input::LoaiNguoiNhan::CaNhan),
            });
            (file, Json::Null)
        }
        None => {
            (Json::Null, table("danh_sach", get(value, "danh_sach"), LIST_COLUMNS, false, get(sample, "danh_sach")))
        }
    };
    json!({
        "co_goc": index.is_some(),
        "goc": index,
        "tieu_de": index.map_or("Nhóm khen mới".to_string(), |i| format!("Nhóm khen {}", i + 1)),
        "truong": fields,
        "tep": file,
        "bang": list,
    })
}

/// A section that may hold several records (several programmes): a
/// fieldset per record, as a list the clerk adds to and removes from
/// (template `bieu-mau`); one record stored alone is shown as the list's
/// only item, and written back alone (yaml_form::merge_form).
fn records(section: &str, title: &str, fields: &[(&str, &str, Kind)], tree: &Node) -> Json {
    let stored: Vec<&Node> = match tree.get(section) {
        Some(node) => node.as_sequence().map_or_else(|| vec![node], |items| items.iter().collect()),
        None => Vec::new(),
    };
    let sample: Vec<&Node> = match SAMPLE.get(section) {
        Some(node) => node.as_sequence().map_or_else(|| vec![node], |items| items.iter().collect()),
        None => Vec::new(),
    };
    // A signer goes with its body: added and removed with it (the script).
    let signers = section == "nguoi_ky";
    let record = |index: Option<usize>, value: Option<&Node>| {
        let sample = index.and_then(|i| sample.get(i).copied());
        let shown: Vec<Json> = fields
            .iter()
            .map(|spec| mark_sample(field(value, *spec), get(value, spec.0), get(sample, spec.0)))
            .collect();
        let title = match (signers, index) {
            (true, Some(i)) => format!("Người ký của cơ quan {}", i + 1),
            (true, None) => "Người ký của cơ quan mới".to_string(),
            (false, Some(i)) => format!("{title} {}", i + 1),
            (false, None) => format!("{title} mới"),
        };
        json!({ "co_goc": index.is_some(), "goc": index, "tieu_de": title, "truong": shown, "xoa": !signers })
    };
    // Blank at the start: one record to fill in, as the single section was.
    let mut items: Vec<Json> = stored.iter().enumerate().map(|(i, node)| record(Some(i), Some(node))).collect();
    if items.is_empty() {
        items.push(record(None, None));
    }
    json!({
        "khoa": section,
        "ten": title,
        "truong": [],
        "dai_bieu": null,
        "nghi_trinh": null,
        "ban_ghi": { "khoa": section, "cac": items, "moi": record(None, None), "them": (!signers).then(|| format!("+ Thêm {}", title.to_lowercase())),
            "cap": (section == "co_quan").then_some("nguoi_ky") },
    })
}

/// The whole form for the stored `tree` (and the input read from it, when
/// valid): the context of template `bieu-mau`.
pub(super) fn form(tree: &Node, input: Option<&Input>) -> Json {
    let sections: Vec<Json> = SECTIONS
        .iter()
        .map(|(section, title, fields)| {
            if RECORD_LISTS.contains(section) {
                return records(section, title, fields, tree);
            }
            let fields: Vec<Json> = fields
                .iter()
                .map(|(key, label, kind)| {
                    let path = format!("{section}.{key}");
                    let shown = field(Some(tree), (&path, label, *kind));
                    mark_sample(shown, get(Some(tree), &path), get(Some(&SAMPLE), &path))
                })
                .collect();
            let list = |key: &str, columns| {
                let path = format!("hoi_nghi.{key}");
                table(&path, get(Some(tree), &path), columns, false, get(Some(&SAMPLE), &path))
            };
            let day = *section == "hoi_nghi";
            let (delegates, agenda) =
                if day { (list("dai_bieu", DELEGATES), list("nghi_trinh", AGENDA)) } else { (Json::Null, Json::Null) };
            json!({
                "khoa": section, "ten": title, "truong": fields, "dai_bieu": delegates, "nghi_trinh": agenda, "ban_ghi": null,
            })
        })
        .collect();
    let content: Vec<Json> = CONTENT
        .iter()
        .map(|(key, label, kind)| {
            let path = format!("noi_dung.{key}");
            mark_sample(field(Some(tree), (&path, label, *kind)), get(Some(tree), &path), get(Some(&SAMPLE), &path))
        })
        .collect();
    let groups: Vec<Json> = tree
        .get("khen_thuong")
        .and_then(|v| v.as_sequence())
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(index, value)| group(tree, Some(index), Some(value), input))
        .collect();
    json!({
        "phan": sections,
        "chi_tieu": table("chi_tieu", tree.get("chi_tieu"), METRICS, false, SAMPLE.get("chi_tieu")),
        "ket_qua": results(tree),
        "don_vi_con": tree.get("don_vi_con").is_some(),
        "noi_dung": content,
        "nhom": groups,
        "nhom_moi": group(tree, None, None, None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programmes_are_records_of_a_list_one_or_several() {
        let programmes = |yaml: &str| -> Vec<(Option<u64>, String)> {
            let tree = crate::input::yaml::parse_yaml(yaml, "t.yaml").unwrap();
            let form = form(&tree, None);
            let section =
                form["phan"].as_array().unwrap().iter().find(|s| s["khoa"] == "chuong_trinh").unwrap().clone();
            assert_eq!(section["ban_ghi"]["khoa"], "chuong_trinh");
            assert!(section["ban_ghi"]["moi"]["truong"].as_array().unwrap().iter().all(|f| f["gia_tri"] == ""));
            let records = section["ban_ghi"]["cac"].as_array().unwrap().clone();
            records
                .iter()
                .map(|r| {
                    let number = r["truong"].as_array().unwrap().iter().find(|f| f["khoa"] == "so").unwrap();
                    (r["goc"].as_u64(), number["gia_tri"].as_str().unwrap().to_string())
                })
                .collect()
        };
        let several = programmes("chuong_trinh:\n  - { so: \"1\", ten: a }\n  - { so: \"2\", ten: b }\n");
        assert_eq!(several, [(Some(0), "1".to_string()), (Some(1), "2".to_string())]);
        let one = programmes("chuong_trinh: { so: \"1\", ten: a }\n");
        assert_eq!(one, [(Some(0), "1".to_string())], "one record alone is the list's first");
        assert_eq!(programmes("van_ban: { so_ky_hieu: x }\n"), [(None, String::new())], "a blank one to fill");
    }

    #[test]
    fn the_samples_values_are_marked_until_changed() {
        let mut tree = SAMPLE.clone();
        let marked = |tree: &Node| -> (bool, bool, bool) {
            let form = form(tree, None);
            let body = &form["phan"].as_array().unwrap().iter().find(|s| s["khoa"] == "co_quan").unwrap()["ban_ghi"]
                ["cac"][0]["truong"];
            let name = body.as_array().unwrap().iter().find(|f| f["khoa"] == "ten").unwrap()["mau"] == true;
            let kind = form["phan"][0]["truong"][0]["mau"] == true;
            let delegate = form["phan"].as_array().unwrap().iter().find(|s| s["khoa"] == "hoi_nghi").unwrap()
                ["dai_bieu"]["dong"][0]["o"][1]["cua_mau"]
                == true;
            (name, kind, delegate)
        };
        assert_eq!(marked(&tree), (true, false, true), "typed sample values marked, a choice never");
        let body = tree.get_mut("co_quan").unwrap().as_mapping_mut().unwrap();
        body.insert(Node::from("ten"), Node::from("CÔNG AN PHƯỜNG TÂN MAI"));
        assert!(!marked(&tree).0, "changed: no longer marked");
    }
}
