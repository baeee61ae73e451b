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
    /// Typed and shown dd/mm/yyyy.
    Date,
    /// A year or a count of years, shown as stored (2018).
    Year,
    /// A figure, typed and shown the Vietnamese way (1.850; 85,5).
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
            ("loai", "Loại văn bản, viết như trong câu (để trống: «Chương trình phối hợp»)", Kind::Text),
            ("so", "Số chương trình", Kind::Text),
            ("ngay", "Ngày ký", Kind::Date),
            ("ten", "Tên chương trình", Kind::Long),
            ("cac_ben", "Các bên phối hợp (mỗi dòng một bên)", Kind::Lines),
        ],
    ),
    (
        "giai_doan",
        "Giai đoạn",
        &[
            ("tu", "Từ năm", Kind::Year),
            ("den", "Đến năm", Kind::Year),
            ("so_nam", "Số năm (để trống: tính từ hai năm trên)", Kind::Year),
        ],
    ),
    (
        "hoi_nghi",
        "Hội nghị",
        &[
            ("ngay", "Ngày hội nghị", Kind::Date),
            ("buoi", "Buổi", Kind::Choice(SESSIONS, true)),
            ("dia_diem", "Địa điểm", Kind::Text),
            ("hinh_thuc", "Hình thức", Kind::Choice(FORMS, true)),
            ("don_vi_to_chuc", "Đơn vị tổ chức, viết như trong câu (mỗi dòng một đơn vị; để trống: cơ quan ban hành)", Kind::Lines),
            ("chi_dao", "Ý kiến chỉ đạo tại hội nghị (cho tin bài)", Kind::Long),
            ("tin_bai.tieu_de", "Tiêu đề tin bài (để trống: tự đặt)", Kind::Text),
            ("tin_bai.tac_gia", "Tác giả tin bài", Kind::Text),
            ("tin_bai.nguon", "Nguồn tin bài (báo, trang tin)", Kind::Text),
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
    ("bieu_tuong", "Biểu tượng in trên bằng (tên tệp PNG đã tải lên; để trống: không in)", Kind::Text),
];

const LIST_COLUMNS: &[Field] = &[
    ("loai", "Loại", Kind::Choice(RECIPIENTS, false)),
    ("danh_xung", "Danh xưng", Kind::Text),
    ("ten", "Tên tập thể / họ tên", Kind::Text),
    ("chuc_vu", "Chức vụ", Kind::Text),
    ("don_vi", "Đơn vị", Kind::Text),
    ("so_so", "Số sổ vàng", Kind::Text),
    ("thanh_tich", "Thành tích riêng", Kind::Text),
    ("nhom", "Tiêu đề nhóm trong danh sách", Kind::Text),
];

/// The label the form gives `key` (a field's key, `quyet_dinh.so`, or a
/// section's), for problems said without key names.
pub(crate) fn label_of(key: &str) -> Option<&'static str> {
    let fields = SECTIONS.iter().flat_map(|(_, _, fields)| fields.iter());
    let fields = fields.chain(CONTENT).chain(DELEGATES).chain(METRICS).chain(GROUP).chain(LIST_COLUMNS);
    let mut found = None;
    for (field, label, _) in fields {
        if *field == key {
            return Some(label);
        }
        if found.is_none() && field.rsplit('.').next() == Some(key) {
            found = Some(*label);
        }
    }
    found.or_else(|| section_title(key)).or(match key {
        "noi_dung" => Some("Nội dung"),
        "chi_tieu" => Some("Chỉ tiêu"),
        "tong_hop" => Some("Tổng giai đoạn"),
        "ket_qua_nam" => Some("Kết quả từng năm"),
        "khen_thuong" => Some("Khen thưởng"),
        "dai_bieu" => Some("Đại biểu"),
        "danh_sach" => Some("Danh sách khen"),
        "danh_sach_tep" => Some("Tệp danh sách khen"),
        "don_vi_con" => Some("Đơn vị con"),
        "quyet_dinh" => Some("Quyết định"),
        "phien_ban" => Some("Phiên bản lược đồ"),
        _ => None,
    })
}

/// The label of field `key` of the record at `path`, where the form has it
/// (`khen_thuong[0].danh_sach[1]` + `ten` is a recipient's name, not the
/// body's).
pub(crate) fn label_at(path: &str, key: &str) -> Option<&'static str> {
    let find = |fields: &[Field], key: &str| fields.iter().find(|(k, _, _)| *k == key).map(|(_, label, _)| *label);
    let joined = |before: &str| if before.is_empty() { key.to_string() } else { format!("{before}.{key}") };
    if let Some(open) = path.rfind('[') {
        let list = path[..open].rsplit('.').next().unwrap_or_default();
        let after = path[open..].split_once("].").map_or("", |(_, after)| after);
        return match list {
            "danh_sach" => find(LIST_COLUMNS, key),
            "dai_bieu" => find(DELEGATES, key),
            "chi_tieu" => find(METRICS, key),
            "khen_thuong" => find(GROUP, &joined(after)),
            _ => None,
        };
    }
    let (section, rest) = path.split_once('.').unwrap_or((path, ""));
    if section == "noi_dung" {
        return find(CONTENT, key);
    }
    SECTIONS.iter().find(|(name, _, _)| *name == section).and_then(|(_, _, fields)| find(fields, &joined(rest)))
}

/// The title of the form's section `key`.
pub(crate) fn section_title(key: &str) -> Option<&'static str> {
    SECTIONS.iter().find(|(section, _, _)| *section == key).map(|(_, title, _)| *title)
}

/// The sample conference (Hải Phòng, 2018): its values, left unchanged in
/// another unit's form, are marked until changed.
static SAMPLE: std::sync::LazyLock<Node> =
    std::sync::LazyLock::new(|| super::super::yaml_form::stored(include_str!("../../../../inputs/hai-phong-2018.yaml")));

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
    let mut control = json!({ "khoa": key, "nhan": label, "gia_tri": shown });
    let extra = match kind {
        Kind::Text => json!({ "kieu": "chu" }),
        Kind::Date => json!({ "kieu": "ngay" }),
        Kind::Year => json!({ "kieu": "nam" }),
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
    field["mau"] = Json::Bool(false);
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
    json!({ "bang": table("ket_qua_nam", tree.get("ket_qua_nam"), &columns, true), "tong": totals })
}

/// One award group as a fieldset (template `nhom-khen`; `index` none: the blank one to add).
fn group(index: Option<usize>, value: Option<&Node>, input: Option<&Input>) -> Json {
    let sample = index.and_then(|i| SAMPLE.get("khen_thuong")?.as_sequence()?.get(i));
    let fields: Vec<Json> =
        GROUP.iter().map(|spec| mark_sample(field(value, *spec), get(value, spec.0), get(sample, spec.0))).collect();
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
        .map(|(section, title, fields)| {
            let fields: Vec<Json> = fields
                .iter()
                .map(|(key, label, kind)| {
                    let path = format!("{section}.{key}");
                    let shown = field(Some(tree), (&path, label, *kind));
                    mark_sample(shown, get(Some(tree), &path), get(Some(&SAMPLE), &path))
                })
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
