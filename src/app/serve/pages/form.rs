//! The conference as a form, in the schema's sections: each field carries
//! its key (`data-key`, relative to its record), lists are `data-list`
//! containers of `data-item` rows (with `data-goc`, the row's index in the
//! stored version), so the page can send the form back as a JSON tree and
//! place each problem at the field its path names.

use std::fmt::Write as _;

use serde_yaml::Value;

use super::esc;
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
            ("so", "Số chương trình", Kind::Text),
            ("ngay", "Ngày ký", Kind::Date),
            ("ten", "Tên chương trình", Kind::Long),
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
fn get<'v>(scope: Option<&'v Value>, key: &str) -> Option<&'v Value> {
    key.split('.').try_fold(scope?, |value, part| value.get(part)).filter(|v| !v.is_null())
}

fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Sequence(items)) => items.iter().map(|i| text(Some(i))).collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}

/// The control of one field, without its label.
fn control(out: &mut String, key: &str, kind: Kind, value: Option<&Value>, label: &str) {
    let shown = esc(&text(value));
    let (key, label) = (esc(key), esc(label));
    match kind {
        Kind::Text => {
            let _ = write!(out, "<input data-key=\"{key}\" value=\"{shown}\" aria-label=\"{label}\">");
        }
        Kind::Date => {
            let _ = write!(
                out,
                "<input data-key=\"{key}\" value=\"{shown}\" placeholder=\"NNNN-TT-NN\" class=\"ngay\" aria-label=\"{label}\">"
            );
        }
        Kind::Number => {
            let _ = write!(
                out,
                "<input data-key=\"{key}\" data-kieu=\"so\" inputmode=\"decimal\" value=\"{shown}\" class=\"so\" aria-label=\"{label}\">"
            );
        }
        Kind::Long => {
            let _ = write!(out, "<textarea data-key=\"{key}\" rows=\"4\" aria-label=\"{label}\">{shown}</textarea>");
        }
        Kind::Lines => {
            let rows = text(value).lines().count().clamp(2, 8);
            let _ = write!(
                out,
                "<textarea data-key=\"{key}\" data-kieu=\"dong\" rows=\"{rows}\" aria-label=\"{label}\">{shown}</textarea>"
            );
        }
        Kind::Choice(choices, optional) => {
            let current = text(value);
            let _ = write!(out, "<select data-key=\"{key}\" aria-label=\"{label}\">");
            if optional {
                out.push_str("<option value=\"\">—</option>");
            }
            // A stored value that is not a choice is shown, so its problem can be.
            if !current.is_empty() && !choices.iter().any(|(v, _)| *v == current) {
                let _ = write!(out, "<option value=\"{shown}\" selected>{shown}</option>");
            }
            for (choice, name) in choices {
                let selected = if *choice == current { " selected" } else { "" };
                let _ = write!(out, "<option value=\"{choice}\"{selected}>{name}</option>");
            }
            out.push_str("</select>");
        }
    }
}

fn field(out: &mut String, scope: Option<&Value>, (key, label, kind): (&str, &str, Kind)) {
    let wide = if matches!(kind, Kind::Long | Kind::Lines) { " rong" } else { "" };
    let _ = write!(out, "<div class=\"truong{wide}\"><label><span>{}</span>", esc(label));
    control(out, key, kind, get(scope, key), label);
    out.push_str("</label><div class=\"loi\"></div></div>");
}

/// A list of records as a table with a row per item and a blank row to add.
fn table(out: &mut String, list_key: &str, items: Option<&Value>, columns: &[(&str, &str, Kind)], whole: bool) {
    let _ = write!(out, "<div class=\"bang\" data-list=\"{list_key}\"><table><thead><tr>");
    for (_, label, _) in columns {
        let _ = write!(out, "<th>{}</th>", esc(label));
    }
    out.push_str("<th></th></tr></thead><tbody data-items>");
    let whole = if whole { " data-thay" } else { "" };
    for (index, item) in items.and_then(Value::as_sequence).into_iter().flatten().enumerate() {
        let _ = write!(out, "<tr data-item data-goc=\"{index}\"{whole}>");
        row_cells(out, Some(item), columns);
        out.push_str("</tr>");
    }
    let _ = write!(out, "</tbody></table><template><tr data-item{whole}>");
    row_cells(out, None, columns);
    out.push_str(
        "</tr></template><button type=\"button\" class=\"phu\" data-them>+ Thêm dòng</button><div class=\"loi\"></div></div>",
    );
}

fn row_cells(out: &mut String, item: Option<&Value>, columns: &[(&str, &str, Kind)]) {
    for (key, label, kind) in columns {
        out.push_str("<td>");
        control(out, key, *kind, get(item, key), label);
        out.push_str("</td>");
    }
    out.push_str("<td><button type=\"button\" class=\"xoa\" data-xoa title=\"Xoá dòng\">×</button></td>");
}

/// The metric codes, in order.
fn codes(tree: &Value) -> Vec<(String, String)> {
    tree.get("chi_tieu")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .map(|m| (text(m.get("ma")), text(m.get("ten"))))
        .filter(|(code, _)| !code.is_empty())
        .collect()
}

/// Yearly results (a row per year, a column per metric) and the period totals.
fn results(out: &mut String, tree: &Value) {
    let codes = codes(tree);
    if codes.is_empty() {
        out.push_str("<p class=\"ghi-chu\">Khai báo chỉ tiêu ở trên để nhập kết quả.</p>");
        return;
    }
    let columns: Vec<(&str, &str, Kind)> = std::iter::once(("nam", "Năm", Kind::Number))
        .chain(codes.iter().map(|(code, _)| (code.as_str(), code.as_str(), Kind::Number)))
        .collect();
    out.push_str("<h3>Kết quả từng năm</h3>");
    table(out, "ket_qua_nam", tree.get("ket_qua_nam"), &columns, true);
    out.push_str("<h3>Tổng giai đoạn</h3><div class=\"o-luoi\">");
    for (code, name) in &codes {
        let key = format!("tong_hop.{code}");
        let label = format!("{code} — {name}");
        field(out, Some(tree), (&key, &label, Kind::Number));
    }
    out.push_str("</div>");
}

/// One award group as a fieldset (`group` none: the blank one to add).
fn group(out: &mut String, index: Option<usize>, value: Option<&Value>, input: Option<&Input>) {
    let origin = index.map(|i| format!(" data-goc=\"{i}\"")).unwrap_or_default();
    let title = index.map_or("Nhóm khen mới".to_string(), |i| format!("Nhóm khen {}", i + 1));
    let _ = write!(
        out,
        "<fieldset class=\"nhom\" data-item{origin}><legend>{title} <button type=\"button\" class=\"xoa\" data-xoa>Xoá nhóm</button></legend><div class=\"o-luoi\">"
    );
    for spec in GROUP {
        field(out, value, *spec);
    }
    out.push_str("</div><h4>Danh sách khen</h4>");
    match get(value, "danh_sach_tep") {
        Some(file) => {
            let read = index.and_then(|i| input?.khen_thuong.get(i));
            let count = |kind| read.map_or(0, |g| g.danh_sach.iter().filter(|r| r.loai == kind).count());
            let _ = write!(
                out,
                "<div class=\"truong\"><label><span>Tệp danh sách</span><input data-key=\"danh_sach_tep\" value=\"{}\" readonly></label><div class=\"loi\"></div></div>\
                 <p class=\"ghi-chu\">Đọc được {} tập thể, {} cá nhân.</p>",
                esc(&text(Some(file))),
                count(crate::input::LoaiNguoiNhan::TapThe),
                count(crate::input::LoaiNguoiNhan::CaNhan),
            );
        }
        None => table(out, "danh_sach", get(value, "danh_sach"), LIST_COLUMNS, false),
    }
    if let Some(index) = index {
        let _ = write!(
            out,
            "<div class=\"tai-danh-sach\" data-nhom=\"{index}\"><label><span>Tải danh sách từ Excel (XLSX) hoặc CSV</span>\
             <input type=\"file\" accept=\".xlsx,.csv\" data-tep></label>\
             <label><span>Trang tính (để trống: trang đầu)</span><input data-trang></label>\
             <button type=\"button\" class=\"phu\" data-doc>Xem cách đọc</button><div class=\"ket-qua-doc\"></div></div>"
        );
    }
    out.push_str("<div class=\"loi\"></div></fieldset>");
}

/// The whole form for the stored `tree` (and the input read from it, when valid).
pub(super) fn form(tree: &Value, input: Option<&Input>) -> String {
    let mut out = String::from(
        "<form id=\"bieu-mau\" data-thay=\"tong_hop\" autocomplete=\"off\"><div class=\"van-de-chung\"></div>",
    );
    for (section, title, fields) in SECTIONS {
        let _ = write!(out, "<section class=\"phan\" data-record=\"{section}\"><h2>{title}</h2><div class=\"o-luoi\">");
        for (key, label, kind) in *fields {
            let full = format!("{section}.{key}");
            field(&mut out, Some(tree), (&full, label, *kind));
        }
        out.push_str("</div>");
        if *section == "hoi_nghi" {
            out.push_str("<h3>Đại biểu</h3>");
            table(&mut out, "hoi_nghi.dai_bieu", get(Some(tree), "hoi_nghi.dai_bieu"), DELEGATES, false);
        }
        out.push_str("</section>");
    }
    out.push_str("<section class=\"phan\"><h2>Chỉ tiêu và kết quả</h2>");
    table(&mut out, "chi_tieu", tree.get("chi_tieu"), METRICS, false);
    results(&mut out, tree);
    if tree.get("don_vi_con").is_some() {
        out.push_str("<p class=\"ghi-chu\">Số liệu các đơn vị con (don_vi_con) sửa ở thẻ YAML.</p>");
    }
    out.push_str("</section><section class=\"phan\"><h2>Nội dung</h2>");
    for (key, label, kind) in CONTENT {
        let full = format!("noi_dung.{key}");
        field(&mut out, Some(tree), (&full, label, *kind));
    }
    out.push_str(
        "</section><section class=\"phan\"><h2>Khen thưởng</h2><div data-list=\"khen_thuong\"><div data-items>",
    );
    for (index, value) in tree.get("khen_thuong").and_then(Value::as_sequence).into_iter().flatten().enumerate() {
        group(&mut out, Some(index), Some(value), input);
    }
    out.push_str("</div><template>");
    group(&mut out, None, None, None);
    out.push_str("</template><button type=\"button\" class=\"phu\" data-them>+ Thêm nhóm khen</button><div class=\"loi\"></div></div></section></form>");
    out
}
