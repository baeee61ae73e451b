//! The conference as a form, in the schema's sections: each field carries
//! its key (`data-key`, relative to its record), lists are `data-list`
//! containers of `data-item` rows (with `data-goc`, the row's index in the
//! stored version), so the page can send the form back as a JSON tree and
//! place each problem at the field its path names. Built here as the
//! context of template `bieu-mau` (and its partials).

use crate::input::yaml::{Node, Value};
use serde_json::{json, Value as Json};

use crate::input::Input;

/// How a field is typed.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    /// A paragraph or more.
    Long,
    Date,
    /// A whole number (year) or a figure.
    Number,
    /// One of fixed values; the empty choice when optional.
    Choice(&'static [(&'static str, &'static str)], bool),
    /// A list of texts, one per line.
    Lines,
}

/// (key, label, kind).
type Field = (&'static str, &'static str, Kind);

const REPORT_KINDS: &[(&str, &str)] = &[("so_ket", "Sơ kết"), ("tong_ket", "Tổng kết")];
const SESSIONS: &[(&str, &str)] = &[("sang", "Sáng"), ("chieu", "Chiều"), ("toi", "Tối")];
const FORMS: &[(&str, &str)] = &[("truc_tiep", "Trực tiếp"), ("truc_tuyen", "Trực tuyến")];
const TOTALS: &[(&str, &str)] = &[("tong", "Cộng các năm"), ("cuoi_ky", "Cuối kỳ"), ("lon_nhat", "Năm cao nhất")];
const AWARDS: &[(&str, &str)] = &[("bang_khen", "Bằng khen"), ("giay_khen", "Giấy khen")];
const PAPERS: &[(&str, &str)] = &[("a3", "A3 ngang"), ("400x300", "400 × 300 mm"), ("a4", "A4 ngang")];
const RECIPIENTS: &[(&str, &str)] = &[("tap_the", "Tập thể"), ("ca_nhan", "Cá nhân")];

const SECTIONS: &[(&str, &str, &[Field])] = &[
    (
        "van_ban",
        "Văn bản",
        &[
            ("loai", "Loại báo cáo", Kind::Choice(REPORT_KINDS, false)),
            ("so_ky_hieu", "Số, ký hiệu", Kind::Text),
            ("dia_danh", "Địa danh", Kind::Text),
            ("ngay", "Ngày báo cáo", Kind::Date),
            ("kinh_gui", "Kính gửi (mỗi dòng một nơi)", Kind::Lines),
            ("noi_nhan", "Nơi nhận (mỗi dòng một nơi)", Kind::Lines),
        ],
    ),
    (
        "co_quan",
        "Cơ quan",
        &[
            ("chu_quan", "Cơ quan chủ quản", Kind::Text),
            ("ten", "Tên cơ quan ban hành", Kind::Text),
            ("viet_tat", "Tên viết tắt", Kind::Text),
        ],
    ),
    (
        "nguoi_ky",
        "Người ký",
        &[
            ("the_thuc", "Thẩm quyền ký (KT., TM., TL.…)", Kind::Text),
            ("chuc_vu", "Chức vụ", Kind::Text),
            ("cap_bac", "Cấp bậc", Kind::Text),
            ("ho_ten", "Họ và tên", Kind::Text),
        ],
    ),
    (
        "chuong_trinh",
        "Chương trình",
        &[
            ("loai", "Loại (Chương trình phối hợp, Kế hoạch, Quyết định…)", Kind::Text),
            ("so", "Số chương trình", Kind::Text),
            ("ngay", "Ngày ký", Kind::Date),
            ("ten", "Tên chương trình", Kind::Long),
            ("ban_hanh", "Cơ quan ban hành (khi không phải các bên)", Kind::Text),
            ("cac_ben", "Các bên phối hợp (mỗi dòng một bên)", Kind::Lines),
        ],
    ),
    ("giai_doan", "Giai đoạn", &[("tu", "Từ năm", Kind::Number), ("den", "Đến năm", Kind::Number)]),
    (
        "hoi_nghi",
        "Hội nghị",
        &[
            ("ngay", "Ngày hội nghị", Kind::Date),
            ("buoi", "Buổi", Kind::Choice(SESSIONS, true)),
            ("dia_diem", "Địa điểm", Kind::Text),
            ("hinh_thuc", "Hình thức", Kind::Choice(FORMS, true)),
        ],
    ),
];

const CONTENT: &[Field] = &[
    ("tinh_hinh", "Tình hình", Kind::Long),
    ("lanh_dao_chi_dao", "Công tác lãnh đạo, chỉ đạo", Kind::Long),
    ("ket_qua", "Kết quả", Kind::Long),
    ("han_che", "Hạn chế", Kind::Long),
    ("nguyen_nhan", "Nguyên nhân", Kind::Long),
    ("bai_hoc", "Bài học kinh nghiệm", Kind::Long),
    ("phuong_huong", "Phương hướng", Kind::Long),
    ("de_xuat", "Đề xuất, kiến nghị", Kind::Long),
];

const DELEGATES: &[Field] =
    &[("cap_bac", "Cấp bậc", Kind::Text), ("ho_ten", "Họ và tên", Kind::Text), ("chuc_vu", "Chức vụ", Kind::Text)];

const METRICS: &[Field] = &[
    ("ma", "Mã", Kind::Text),
    ("ten", "Tên chỉ tiêu", Kind::Text),
    ("don_vi", "Đơn vị tính", Kind::Text),
    ("nhom", "Nhóm", Kind::Text),
    ("cach_tinh", "Tổng giai đoạn", Kind::Choice(TOTALS, true)),
];

const GROUP: &[Field] = &[
    ("hinh_thuc", "Hình thức", Kind::Choice(AWARDS, false)),
    ("cap_khen", "Cấp khen (in hoa, như in trên bằng)", Kind::Text),
    ("cap_khen_viet_thuong", "Cấp khen trong câu (để trống: tự suy ra)", Kind::Text),
    ("co_quan", "Cơ quan ra quyết định", Kind::Text),
    ("co_quan_chu_quan", "Cơ quan chủ quản", Kind::Text),
    ("dia_danh", "Địa danh", Kind::Text),
    ("quyet_dinh.so", "Số quyết định (để trống phần số, ví dụ «/QĐ-UBND», để được cấp khi ban hành)", Kind::Text),
    ("quyet_dinh.ngay", "Ngày quyết định", Kind::Date),
    ("quyet_dinh.can_cu", "Căn cứ (mỗi dòng một căn cứ)", Kind::Lines),
    ("quyet_dinh.de_nghi", "Xét đề nghị của", Kind::Text),
    ("quyet_dinh.thi_hanh", "Đơn vị thi hành (Điều 3)", Kind::Text),
    ("quyet_dinh.noi_nhan", "Nơi nhận quyết định (mỗi dòng một nơi)", Kind::Lines),
    ("nguoi_ky.the_thuc", "Thẩm quyền ký", Kind::Text),
    ("nguoi_ky.chuc_vu", "Chức vụ người ký", Kind::Text),
    ("nguoi_ky.cap_bac", "Cấp bậc người ký", Kind::Text),
    ("nguoi_ky.ho_ten", "Họ và tên người ký", Kind::Text),
    ("thanh_tich", "Thành tích (in trên mọi bằng của nhóm)", Kind::Long),
    ("bieu_duong", "Số lượt biểu dương thêm (không in bằng)", Kind::Number),
    ("kho_giay", "Khổ giấy bằng", Kind::Choice(PAPERS, true)),
];

const LIST_COLUMNS: &[Field] = &[
    ("loai", "Loại", Kind::Choice(RECIPIENTS, false)),
    ("danh_xung", "Danh xưng", Kind::Text),
    ("ten", "Tên tập thể / họ tên", Kind::Text),
    ("chuc_vu", "Chức vụ", Kind::Text),
    ("don_vi", "Đơn vị", Kind::Text),
    ("so_so", "Số sổ vàng", Kind::Text),
];

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
    let shown = text(value);
    let mut control = json!({ "khoa": key, "nhan": label, "gia_tri": shown });
    let extra = match kind {
        Kind::Text => json!({ "kieu": "chu" }),
        Kind::Date => json!({ "kieu": "ngay" }),
        Kind::Number => json!({ "kieu": "so" }),
        Kind::Long => json!({ "kieu": "dai" }),
        Kind::Lines => json!({ "kieu": "dong", "so_dong": shown.lines().count().clamp(2, 8) }),
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
    field
}

/// A list of records as a table with a row per item and a blank row to add (template `bang`).
fn table(list_key: &str, items: Option<&Node>, columns: &[(&str, &str, Kind)], whole: bool) -> Json {
    let rows: Vec<Json> = items
        .and_then(|v| v.as_sequence())
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(index, item)| json!({ "goc": index, "o": row_cells(Some(item), columns) }))
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
    let columns: Vec<(&str, &str, Kind)> = std::iter::once(("nam", "Năm", Kind::Number))
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
    json!({ "bang": table("ket_qua_nam", tree.get("ket_qua_nam"), &columns, true), "tong": totals })
}

/// One award group as a fieldset (template `nhom-khen`; `index` none: the blank one to add).
fn group(index: Option<usize>, value: Option<&Node>, input: Option<&Input>) -> Json {
    let fields: Vec<Json> = GROUP.iter().map(|spec| field(value, *spec)).collect();
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
        None => (Json::Null, table("danh_sach", get(value, "danh_sach"), LIST_COLUMNS, false)),
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

/// The whole form for the stored `tree` (and the input read from it, when
/// valid): the context of template `bieu-mau`.
pub(super) fn form(tree: &Node, input: Option<&Input>) -> Json {
    let sections: Vec<Json> = SECTIONS
        .iter()
        // A section stored as a list (several programmes) is not one record
        // the form can show: left out, the stored list is kept as it is.
        .filter(|(section, _, _)| tree.get(section).is_none_or(|node| node.as_sequence().is_none()))
        .map(|(section, title, fields)| {
            let fields: Vec<Json> = fields
                .iter()
                .map(|(key, label, kind)| field(Some(tree), (&format!("{section}.{key}"), label, *kind)))
                .collect();
            let delegates = if *section == "hoi_nghi" {
                table("hoi_nghi.dai_bieu", get(Some(tree), "hoi_nghi.dai_bieu"), DELEGATES, false)
            } else {
                Json::Null
            };
            json!({ "khoa": section, "ten": title, "truong": fields, "dai_bieu": delegates })
        })
        .collect();
    let content: Vec<Json> = CONTENT
        .iter()
        .map(|(key, label, kind)| field(Some(tree), (&format!("noi_dung.{key}"), label, *kind)))
        .collect();
    let groups: Vec<Json> = tree
        .get("khen_thuong")
        .and_then(|v| v.as_sequence())
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(index, value)| group(Some(index), Some(value), input))
        .collect();
    json!({
        "phan": sections,
        "chi_tieu": table("chi_tieu", tree.get("chi_tieu"), METRICS, false),
        "ket_qua": results(tree),
        "don_vi_con": tree.get("don_vi_con").is_some(),
        "noi_dung": content,
        "nhom": groups,
        "nhom_moi": group(None, None, None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_programmes_are_kept_out_of_the_form_and_one_is_shown() {
        let several = crate::input::yaml::parse_yaml(
            "chuong_trinh:\n  - { so: \"1\", ten: a }\n  - { so: \"2\", ten: b }\n",
            "t.yaml",
        )
        .unwrap();
        let shown = |tree: &Node| -> Vec<String> {
            form(tree, None)["phan"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["khoa"].as_str().unwrap().to_string())
                .collect()
        };
        assert!(!shown(&several).contains(&"chuong_trinh".to_string()));
        let one = crate::input::yaml::parse_yaml("chuong_trinh: { so: \"1\", ten: a }\n", "t.yaml").unwrap();
        assert!(shown(&one).contains(&"chuong_trinh".to_string()));
    }
}
