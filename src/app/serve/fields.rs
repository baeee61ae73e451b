//! The form's fields, as the clerk sees them: each key of the input with
//! the label the form shows and how it is typed. The form is drawn from
//! these (pages/form), and problems are said with these labels instead of
//! key names (words).

/// How a field is typed.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
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
    /// Yes or not: a ticked box written `true`, an empty one left out.
    Check,
}

/// (key, label, kind).
pub(crate) type Field = (&'static str, &'static str, Kind);

const REPORT_KINDS: &[(&str, &str)] = &[("so_ket", "Sơ kết"), ("tong_ket", "Tổng kết")];
const SESSIONS: &[(&str, &str)] = &[("sang", "Sáng"), ("trua", "Trưa"), ("chieu", "Chiều"), ("toi", "Tối")];
const FORMS: &[(&str, &str)] = &[("truc_tiep", "Trực tiếp"), ("truc_tuyen", "Trực tuyến")];
const TOTALS: &[(&str, &str)] = &[
    ("tong", "Cộng các năm"),
    ("cuoi_ky", "Cuối kỳ"),
    ("lon_nhat", "Năm cao nhất"),
    ("trung_binh", "Bình quân các năm"),
];
const FAMILIES: &[(&str, &str)] =
    &[("nha_nuoc", "Nhà nước"), ("dang", "Đảng"), ("mat_tran", "Mặt trận"), ("doan_the", "Đoàn thể")];
const GATHERINGS: &[(&str, &str)] = &[
    ("hoi_nghi", "Hội nghị"),
    ("ngay_hoi", "Ngày hội"),
    ("gap_mat", "Buổi gặp mặt"),
    ("le_ky_ket", "Hội nghị có ký kết giai đoạn tiếp theo"),
];
const AWARDS: &[(&str, &str)] = &[("bang_khen", "Bằng khen"), ("giay_khen", "Giấy khen")];
const PAPERS: &[(&str, &str)] = &[("a3", "A3 ngang"), ("400x300", "400 × 300 mm"), ("a4", "A4 ngang")];
const RECIPIENTS: &[(&str, &str)] = &[("tap_the", "Tập thể"), ("ca_nhan", "Cá nhân")];

pub(crate) const SECTIONS: &[(&str, &str, &[Field])] = &[
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
            ("khoi", "Khối văn bản (để trống: suy từ tên)", Kind::Choice(FAMILIES, true)),
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
            ("ban_hanh", "Cơ quan ban hành (khi không phải các bên)", Kind::Text),
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
            ("loai", "Loại buổi họp (cho tin bài)", Kind::Choice(GATHERINGS, true)),
            ("ngay", "Ngày hội nghị", Kind::Date),
            ("buoi", "Buổi", Kind::Choice(SESSIONS, true)),
            ("dia_diem", "Địa điểm", Kind::Text),
            ("hinh_thuc", "Hình thức", Kind::Choice(FORMS, true)),
            (
                "don_vi_to_chuc",
                "Đơn vị tổ chức, viết như trong câu (mỗi dòng một đơn vị; để trống: cơ quan ban hành)",
                Kind::Lines,
            ),
            ("gio", "Giờ khai mạc (như 08:00; cho giấy mời, chương trình, kịch bản)", Kind::Text),
            ("chu_tri", "Người chủ trì (như trong danh sách đại biểu)", Kind::Text),
            ("moi_dot", "Số người lên nhận khen thưởng mỗi đợt (để trống: 10)", Kind::Number),
            (
                "so_giay_moi",
                "Số giấy mời (như 12/GM-CAHP, cơ quan Đảng 12-GM/BTC; để trống: cấp khi ban hành)",
                Kind::Text,
            ),
            ("chi_dao", "Ý kiến chỉ đạo tại hội nghị (cho tin bài)", Kind::Long),
            ("tin_bai.tieu_de", "Tiêu đề tin bài (để trống: tự đặt)", Kind::Text),
            ("tin_bai.tac_gia", "Tác giả tin bài", Kind::Text),
            ("tin_bai.nguon", "Nguồn tin bài (báo, trang tin)", Kind::Text),
        ],
    ),
];

/// The sections that may hold several records, each shown as a list of
/// records (one stored alone stays a single record): several programmes;
/// the bodies of a joint paper and their signers, one signer per body.
pub(crate) const RECORD_LISTS: &[&str] = &["co_quan", "nguoi_ky", "chuong_trinh"];

pub(crate) const CONTENT: &[Field] = &[
    ("tinh_hinh", "Tình hình", Kind::Long),
    ("lanh_dao_chi_dao", "Công tác lãnh đạo, chỉ đạo", Kind::Long),
    ("ket_qua", "Kết quả", Kind::Long),
    ("han_che", "Hạn chế", Kind::Long),
    ("nguyen_nhan", "Nguyên nhân", Kind::Long),
    ("bai_hoc", "Bài học kinh nghiệm", Kind::Long),
    ("phuong_huong", "Phương hướng", Kind::Long),
    ("de_xuat", "Đề xuất, kiến nghị", Kind::Long),
];

pub(crate) const DELEGATES: &[Field] = &[
    ("cap_bac", "Cấp bậc", Kind::Text),
    ("ho_ten", "Họ và tên", Kind::Text),
    ("chuc_vu", "Chức vụ", Kind::Text),
    ("to_chuc", "Thuộc đơn vị tổ chức", Kind::Check),
];

/// The conference's own agenda (`hoi_nghi.nghi_trinh`), in place of the usual one.
pub(crate) const AGENDA: &[Field] = &[
    ("gio", "Giờ (như 08:00)", Kind::Text),
    ("noi_dung", "Nội dung", Kind::Text),
    ("thuc_hien", "Người, đơn vị thực hiện", Kind::Text),
];

pub(crate) const METRICS: &[Field] = &[
    ("ma", "Mã", Kind::Text),
    ("ten", "Tên chỉ tiêu", Kind::Text),
    ("don_vi", "Đơn vị tính", Kind::Text),
    ("nhom", "Nhóm", Kind::Text),
    ("cach_tinh", "Tổng giai đoạn", Kind::Choice(TOTALS, true)),
];

pub(crate) const GROUP: &[Field] = &[
    ("hinh_thuc", "Hình thức", Kind::Choice(AWARDS, false)),
    ("cap_khen", "Cấp khen (in hoa, như in trên bằng)", Kind::Text),
    ("cap_khen_viet_thuong", "Cấp khen trong câu (để trống: tự suy ra)", Kind::Text),
    ("tham_quyen", "Thẩm quyền quyết định, khi khác cấp khen in trên bằng", Kind::Text),
    ("trich_yeu", "Trích yếu riêng của quyết định (khi khen vì việc khác)", Kind::Text),
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
    ("to_trinh.so", "Số tờ trình đề nghị cấp trên khen (để trống nếu đơn vị tự khen)", Kind::Text),
    ("to_trinh.ngay", "Ngày tờ trình", Kind::Date),
    ("to_trinh.kinh_gui", "Tờ trình kính gửi (để trống: cấp khen)", Kind::Text),
    ("to_trinh.can_cu", "Căn cứ của tờ trình (mỗi dòng một căn cứ)", Kind::Lines),
    ("to_trinh.noi_nhan", "Nơi nhận tờ trình (mỗi dòng một nơi)", Kind::Lines),
    ("to_trinh.nguoi_de_nghi", "Cấp trên ghi «Xét đề nghị của …» (để trống: tự suy ra)", Kind::Text),
];

pub(crate) const LIST_COLUMNS: &[Field] = &[
    ("loai", "Loại", Kind::Choice(RECIPIENTS, false)),
    ("danh_xung", "Danh xưng", Kind::Text),
    ("ten", "Tên tập thể / họ tên", Kind::Text),
    ("chuc_vu", "Chức vụ", Kind::Text),
    ("don_vi", "Đơn vị", Kind::Text),
    ("so_so", "Số sổ vàng", Kind::Text),
    ("thanh_tich", "Thành tích riêng", Kind::Text),
    ("nhom", "Tiêu đề nhóm trong danh sách", Kind::Text),
    ("de_nghi", "Đơn vị đề nghị", Kind::Text),
];

/// The label the form gives `key` (a field's key, `quyet_dinh.so`, or a
/// section's), for problems said without key names.
pub(crate) fn label_of(key: &str) -> Option<&'static str> {
    let fields = SECTIONS.iter().flat_map(|(_, _, fields)| fields.iter());
    let fields = fields.chain(CONTENT).chain(DELEGATES).chain(AGENDA).chain(METRICS).chain(GROUP).chain(LIST_COLUMNS);
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
        "nghi_trinh" => Some("Chương trình hội nghị"),
        "nguoi_trao" => Some("Đại biểu lên trao"),
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
            "nghi_trinh" => find(AGENDA, key),
            "chi_tieu" => find(METRICS, key),
            "khen_thuong" => find(GROUP, &joined(after)),
            section => SECTIONS
                .iter()
                .find(|(name, _, _)| *name == section && RECORD_LISTS.contains(name))
                .and_then(|(_, _, fields)| find(fields, &joined(after))),
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
