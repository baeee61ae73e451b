//! The typed records of an input (schema version 1): what one YAML file and
//! its list files describe, as every later stage reads it.

use serde::Serialize;

use crate::doc::Paper;
use crate::text::vn::{Date, Decimal};

thread_local! {
    /// Whether groups serialize without their recipients on this thread:
    /// set while rendering templates none of which names `danh_sach`, as
    /// turning 100,000 recipients into a template's data for every paper
    /// took a third of a build.
    static RECIPIENTS_HIDDEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Keeps groups' recipients out of what is serialized on this thread until
/// dropped (when `hide`).
pub(crate) struct RecipientsHidden(bool);

impl RecipientsHidden {
    pub(crate) fn new(hide: bool) -> RecipientsHidden {
        RecipientsHidden(RECIPIENTS_HIDDEN.replace(hide))
    }
}

impl Drop for RecipientsHidden {
    fn drop(&mut self) {
        RECIPIENTS_HIDDEN.set(self.0);
    }
}

fn serialize_recipients<S: serde::Serializer>(list: &[NguoiNhan], serializer: S) -> Result<S::Ok, S::Error> {
    let shown = if RECIPIENTS_HIDDEN.get() { &[] } else { list };
    serializer.collect_seq(shown)
}

/// Declares an input record once: the struct, and its YAML keys (the
/// field names, in schema order) as `KEYS`, so the reader's key list
/// cannot drift from the struct.
/// Fields after `derived:` are filled by the reader from the keys above
/// (a joint paper's other bodies), not read from keys of their own.
macro_rules! record {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$field_meta:meta])* pub $field:ident: $ty:ty,)*
        $(derived: $($(#[$derived_meta:meta])* pub $derived:ident: $derived_ty:ty,)*)? }) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
            $($($(#[$derived_meta])* pub $derived: $derived_ty,)*)?
        }

        impl $name {
            /// The record's keys in the YAML file, in schema order.
            pub(crate) const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];
        }
    };
}

record! {
    /// One unit's review of one period, as the YAML file describes it.
    #[derive(Debug, Clone, Serialize)]
    pub struct Input {
        /// Schema version (always 1).
        pub phien_ban: u32,
        /// The report itself.
        pub van_ban: VanBan,
        /// Issuing organisation (left header).
        pub co_quan: CoQuan,
        /// Signer of the report.
        pub nguoi_ky: NguoiKy,
        /// The coordination programme under review (the first, when the
        /// input names several).
        pub chuong_trinh: ChuongTrinh,
        /// Every programme reviewed, in input order (the first is
        /// `chuong_trinh`); not a key of the file: `chuong_trinh` may be a list.
        pub cac_chuong_trinh: Vec<ChuongTrinh>,
        /// The period reviewed.
        pub giai_doan: GiaiDoan,
        /// The conference.
        pub hoi_nghi: Option<HoiNghi>,
        /// Metric definitions, in report order.
        pub chi_tieu: Vec<ChiTieu>,
        /// Period totals by metric code, in file order.
        pub tong_hop: Vec<(String, Decimal)>,
        /// Per-year results.
        pub ket_qua_nam: Vec<KetQuaNam>,
        /// Per-unit results (for summaries).
        pub don_vi_con: Vec<DonViCon>,
        /// Narrative sections.
        pub noi_dung: NoiDung,
        /// Award groups.
        pub khen_thuong: Vec<NhomKhen>,
        derived:
        /// A joint paper's other bodies and their signers, in the order
        /// `co_quan` lists them after the lead (`co_quan` / `nguoi_ky`);
        /// empty for one body.
        pub lien_tich: Vec<BenLienTich>,
    }
}

/// One more body issuing a joint paper (văn bản liên tịch), and who signs
/// for it.
#[derive(Debug, Clone, Serialize)]
pub struct BenLienTich {
    pub co_quan: CoQuan,
    pub nguoi_ky: NguoiKy,
}

/// The document family: whose rules set a paper's header, number and
/// signature (spec §9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Khoi {
    /// State bodies: Nghị định 30/2020.
    NhaNuoc,
    /// Party committees and bodies: Hướng dẫn 36-HD/VPTW.
    Dang,
    /// The Vietnamese Fatherland Front: NĐ 30's layout, its own legal bases.
    MatTran,
    /// Mass organisations: as the state.
    DoanThe,
}

/// Which side of a joint paper's signature row the lead body signs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BenKy {
    /// On the right, as practice puts the chủ trì body (spec §9.2).
    #[default]
    Phai,
    Trai,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LoaiBaoCao {
    SoKet,
    TongKet,
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct VanBan {
        /// Sơ kết (interim) or tổng kết (final).
        pub loai: LoaiBaoCao,
        /// "125/BC-CAHP", printed after "Số: ".
        pub so_ky_hieu: String,
        /// Place in the date line.
        pub dia_danh: String,
        /// Report date.
        pub ngay: Date,
        /// "Kính gửi:" recipients.
        pub kinh_gui: Vec<String>,
        /// "Nơi nhận:" items, without "- " and the final punctuation.
        pub noi_nhan: Vec<String>,
        /// A joint paper: the side the lead body's signer stands on.
        pub ky_chu_tri: BenKy,
    }
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct CoQuan {
        /// Parent body, printed upper-case, not bold.
        pub chu_quan: Option<String>,
        /// Issuing body, upper-case, bold.
        pub ten: String,
        /// Abbreviation used in ký hiệu.
        pub viet_tat: Option<String>,
        /// The document family; derived from `ten` when absent.
        pub khoi: Option<Khoi>,
    }
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct NguoiKy {
        /// "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", or none.
        pub the_thuc: Option<String>,
        /// "PHÓ GIÁM ĐỐC".
        pub chuc_vu: String,
        /// Rank printed before the name: "Đại tá".
        pub cap_bac: Option<String>,
        /// Full name.
        pub ho_ten: String,
    }
}

impl NguoiKy {
    /// The name as signed: rank first when given ("Đại tá Lê Nguyên Trường").
    pub fn full_name(&self) -> String {
        match &self.cap_bac {
            Some(rank) => format!("{rank} {}", self.ho_ten),
            None => self.ho_ten.clone(),
        }
    }
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct ChuongTrinh {
        /// "09/CTr-BCA-MTTW"; absent only for a phong trào.
        pub so: Option<String>,
        /// Signing date; absent only for a phong trào.
        pub ngay: Option<Date>,
        /// Title, without quotes.
        pub ten: String,
        /// The parties; empty only when `ban_hanh` names the issuer.
        pub cac_ben: Vec<String>,
        /// Its kind as written in a sentence ("Kế hoạch liên tịch", "Quy
        /// chế phối hợp"); "Chương trình phối hợp" when absent.
        pub loai: Option<String>,
        /// Who issued it, in running text, when not the parties: "Thủ tướng
        /// Chính phủ", "Ban Thường vụ Tỉnh ủy".
        pub ban_hanh: Option<String>,
    }
}

record! {
    #[derive(Debug, Clone, Copy, Serialize)]
    pub struct GiaiDoan {
        pub tu: i32,
        pub den: i32,
        /// The years the papers say were reviewed ("5 năm"), when counting
        /// from the programme's signing to the report would say otherwise.
        pub so_nam: Option<u32>,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Buoi {
    Sang,
    Trua,
    Chieu,
    Toi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HinhThucHoiNghi {
    TrucTiep,
    TrucTuyen,
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct HoiNghi {
        pub ngay: Date,
        pub buoi: Option<Buoi>,
        pub dia_diem: Option<String>,
        pub hinh_thuc: Option<HinhThucHoiNghi>,
        pub dai_bieu: Vec<DaiBieu>,
        /// The bodies that hold the conference, as written in a sentence
        /// ("Công an thành phố Hải Phòng", "Ủy ban MTTQ Việt Nam thành
        /// phố"); the report's issuer when absent.
        pub don_vi_to_chuc: Vec<String>,
        /// The leaders' direction at the conference, as the press reports
        /// it (paragraphs).
        pub chi_dao: Option<String>,
        /// The press summary's headline, byline and source.
        pub tin_bai: Option<TinBai>,
        /// What kind of gathering it is (default: a conference).
        pub loai: Option<LoaiHoiNghi>,
        /// When it opens ("08:00"): the invitations' and the script's time.
        pub gio: Option<Gio>,
        /// Who chairs, as the script names them ("Đại tá Lê Nguyên Trường").
        pub chu_tri: Option<String>,
        /// For each award group, the number (from 1) of the delegate who
        /// presents it; the first delegate when absent.
        pub nguoi_trao: Vec<usize>,
        /// How many recipients go up on stage at once (default 10).
        pub moi_dot: Option<usize>,
        /// The agenda, in place of the default sequence.
        pub nghi_trinh: Vec<MucNghiTrinh>,
        /// The giấy mời's number ("12/GM-CAHP"): one for the invitation,
        /// however many delegates it goes to; given by the workspace's
        /// register when it issues; blank: "…/GM-CAHP".
        pub so_giay_moi: Option<String>,
    }
}

record! {
    /// One item of the agenda: when, what, who.
    #[derive(Debug, Clone, Serialize)]
    pub struct MucNghiTrinh {
        pub gio: Gio,
        pub noi_dung: String,
        pub thuc_hien: Option<String>,
    }
}

/// A time of day, 24-hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Gio {
    pub gio: u32,
    pub phut: u32,
}

/// The kind of gathering the review is held at, as the tin bài names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LoaiHoiNghi {
    /// Hội nghị.
    HoiNghi,
    /// Ngày hội (the review held with a festival day).
    NgayHoi,
    /// Buổi gặp mặt.
    GapMat,
    /// Hội nghị with the signing of the next programme.
    LeKyKet,
}

record! {
    #[derive(Debug, Clone, Default, Serialize)]
    pub struct TinBai {
        /// Headline in place of the one built from the input.
        pub tieu_de: Option<String>,
        /// Byline: "Thu Ninh".
        pub tac_gia: Option<String>,
        /// Where it is published: "Báo An ninh Hải Phòng".
        pub nguon: Option<String>,
    }
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct DaiBieu {
        pub cap_bac: Option<String>,
        pub ho_ten: String,
        pub chuc_vu: String,
        /// The delegate belongs to the organising bodies: not invited.
        pub to_chuc: bool,
    }
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct ChiTieu {
        /// Key used in tong_hop / ket_qua_nam.
        pub ma: String,
        pub ten: String,
        pub don_vi: Option<String>,
        pub nhom: Option<String>,
        /// How the period total is formed from the years (default: their
        /// sum; a rate in "%" has no default).
        pub cach_tinh: CachTinh,
    }
}

/// How a metric's period total is formed from its yearly values: a flow
/// (events, people reached) adds up; a stock (wards, active models) is
/// the value at the end of the period, or its highest value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CachTinh {
    /// The sum of the years.
    #[default]
    Tong,
    /// The value of the last year that has one.
    CuoiKy,
    /// The highest yearly value.
    LonNhat,
    /// The mean of the yearly values (a rate, an average per year).
    TrungBinh,
}

impl CachTinh {
    /// The period value of `yearly` (year, value) pairs in any order; none
    /// when there are no values.
    pub fn combine(self, yearly: &[(i32, Decimal)]) -> Option<Decimal> {
        match self {
            CachTinh::Tong => (!yearly.is_empty()).then(|| yearly.iter().map(|(_, v)| *v).sum()),
            CachTinh::CuoiKy => yearly.iter().max_by_key(|(year, _)| *year).map(|(_, v)| *v),
            CachTinh::LonNhat => yearly.iter().map(|(_, v)| *v).max(),
            CachTinh::TrungBinh => Decimal::mean(&yearly.iter().map(|(_, v)| *v).collect::<Vec<_>>()),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct KetQuaNam {
    pub nam: i32,
    /// Values by metric code, in file order.
    pub gia_tri: Vec<(String, Decimal)>,
}

/// The (year, value) pairs of metric `code` in per-year results.
pub fn yearly_values(years: &[KetQuaNam], code: &str) -> Vec<(i32, Decimal)> {
    years.iter().filter_map(|y| y.gia_tri.iter().find(|(c, _)| c == code).map(|(_, v)| (y.nam, *v))).collect()
}

/// The value of metric `code` in `year`, from per-year results.
pub fn yearly_value(years: &[KetQuaNam], code: &str, year: i32) -> Option<Decimal> {
    years.iter().find(|y| y.nam == year)?.gia_tri.iter().find(|(c, _)| c == code).map(|(_, v)| *v)
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct DonViCon {
        pub ten: String,
        pub ket_qua_nam: Vec<KetQuaNam>,
        pub tong_hop: Vec<(String, Decimal)>,
    }
}

record! {
    #[derive(Debug, Clone, Default, Serialize)]
    pub struct NoiDung {
        pub tinh_hinh: Option<String>,
        pub lanh_dao_chi_dao: Option<String>,
        pub ket_qua: Option<String>,
        pub han_che: Option<String>,
        pub nguyen_nhan: Option<String>,
        pub bai_hoc: Option<String>,
        pub phuong_huong: Option<String>,
        pub de_xuat: Option<String>,
    }
}

impl NoiDung {
    /// Each part of the narrative under its key, in the report's order.
    pub(crate) fn sections(&self) -> [(&'static str, &Option<String>); 8] {
        [
            ("tinh_hinh", &self.tinh_hinh),
            ("lanh_dao_chi_dao", &self.lanh_dao_chi_dao),
            ("ket_qua", &self.ket_qua),
            ("han_che", &self.han_che),
            ("nguyen_nhan", &self.nguyen_nhan),
            ("bai_hoc", &self.bai_hoc),
            ("phuong_huong", &self.phuong_huong),
            ("de_xuat", &self.de_xuat),
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HinhThucKhen {
    BangKhen,
    GiayKhen,
}

impl HinhThucKhen {
    /// "Bằng khen" / "Giấy khen", as written inside a sentence.
    pub fn name(self) -> &'static str {
        match self {
            HinhThucKhen::BangKhen => "Bằng khen",
            HinhThucKhen::GiayKhen => "Giấy khen",
        }
    }
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct QuyetDinh {
        pub so: String,
        pub ngay: Date,
        pub can_cu: Vec<String>,
        pub de_nghi: Option<String>,
        /// Who carries the decision out (Điều 3), before "và các tập thể, cá nhân…".
        pub thi_hanh: Option<String>,
        /// The decision's "Nơi nhận:" items.
        pub noi_nhan: Vec<String>,
    }
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct NhomKhen {
        pub hinh_thuc: HinhThucKhen,
        /// Who awards, as printed: "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG".
        pub cap_khen: String,
        /// The same inside a sentence ("Chủ tịch Ủy ban nhân dân thành phố Hải
        /// Phòng"); derived from `cap_khen` when absent.
        pub cap_khen_viet_thuong: Option<String>,
        pub co_quan: String,
        pub co_quan_chu_quan: Option<String>,
        pub dia_danh: String,
        pub quyet_dinh: QuyetDinh,
        pub nguoi_ky: NguoiKy,
        /// "Đã có thành tích …" on every certificate of the group; when
        /// absent, said of the programmes reviewed (words::programmes).
        pub thanh_tich: Option<String>,
        /// Recipients, inline or read from `danh_sach_tep`, in list order.
        #[serde(serialize_with = "serialize_recipients")]
        pub danh_sach: Vec<NguoiNhan>,
        pub danh_sach_tep: Option<String>,
        pub bieu_duong: Option<Decimal>,
        /// Paper of the certificates (default A3 landscape).
        pub kho_giay: Option<Paper>,
        /// Emblem or logo printed on the certificates: a PNG file named
        /// relative to the YAML, read and decoded when the input was read.
        pub bieu_tuong: Option<Emblem>,
        /// The decision's authority line when it is not `cap_khen` (the
        /// body that decides is not the one named on the certificate).
        pub tham_quyen: Option<String>,
        /// The decision's subject when the award is not for the programme
        /// under review.
        pub trich_yeu: Option<String>,
        /// The conference's body proposes this group to the awarding
        /// authority: its tờ trình (`to-trinh-N`).
        pub to_trinh: Option<ToTrinh>,
    }
}

record! {
    /// A tờ trình đề nghị khen thưởng: the conference's body asks the
    /// group's awarding authority to award the group's recipients.
    #[derive(Debug, Clone, Serialize)]
    pub struct ToTrinh {
        /// "15/TTr-UBND"; the number part may be left blank ("/TTr-UBND").
        pub so: String,
        pub ngay: Date,
        /// Who the tờ trình is addressed to; when absent, the awarding
        /// authority in running text.
        pub kinh_gui: Option<String>,
        /// Bases; when absent, the emulation law and its decree in force.
        pub can_cu: Vec<String>,
        /// "Nơi nhận:" items; when absent, "Như trên" and "Lưu: VT".
        pub noi_nhan: Vec<String>,
        /// How the deciding body's "Xét đề nghị của …" names the proposer
        /// ("Chủ tịch Ủy ban nhân dân phường Hạ Lý"); when absent, derived
        /// from the conference's signer and body.
        pub nguoi_de_nghi: Option<String>,
    }
}

/// A group's emblem, read whole and checked to decode: its file as
/// messages name it, the PNG's bytes and its size in pixels.
#[derive(Debug, Clone)]
pub struct Emblem {
    pub file: String,
    pub png: std::sync::Arc<Vec<u8>>,
    pub pixels: (u32, u32),
}

impl Serialize for Emblem {
    /// A template sees the file's name, as it did the path.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.file)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LoaiNguoiNhan {
    TapThe,
    CaNhan,
}

record! {
    #[derive(Debug, Clone, Serialize)]
    pub struct NguoiNhan {
        pub loai: LoaiNguoiNhan,
        pub ten: String,
        pub danh_xung: Option<String>,
        pub chuc_vu: Option<String>,
        pub don_vi: Option<String>,
        pub so_so: Option<String>,
        pub thanh_tich: Option<String>,
        /// The group heading the recipient stands under in the attached
        /// list ("A. KHỐI CƠ QUAN TRUNG ƯƠNG"), printed once where it changes;
        /// nested groups read from a list file come one a line, outermost first.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub nhom: Option<String>,
        /// Who proposed the recipient ("Chủ tịch Ủy ban nhân dân phường Hạ
        /// Lý"): the decision says "Xét đề nghị của …" once per proposer,
        /// in list order.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub de_nghi: Option<String>,
    }
}
