//! Turns the parsed YAML tree into typed [`Input`] records, field by field,
//! collecting every problem (syntax, unknown or missing key, wrong type,
//! bad value, unusable text) instead of stopping at the first.

mod conference;
mod issuers;

use super::yaml::emit::shown;
use super::yaml::{Mapping, Node, Number, Value};

use super::facts;
use super::list;
use super::locate::Locator;
use super::model::*;
use super::sources::Sources;
use super::text_check::checked_text;
use crate::diag::{Expect, Kind, Problem};
use crate::doc::Paper;
use crate::text::vn::{Date, Decimal};

use super::yaml::MAX_FIGURE;

/// The years a date may have: a paper of this century or the last, give
/// or take (`0000-08-01` would print «năm 0»).
pub(crate) const MIN_YEAR: i32 = 1900;
/// See [`MIN_YEAR`].
pub(crate) const MAX_YEAR: i32 = 2200;

/// A mapping being read: its path, entries and the record's keys.
struct Record<'v> {
    path: String,
    map: &'v Mapping,
    keys: &'static [&'static str],
}

impl<'v> Record<'v> {
    fn field(&self, key: &str) -> (Option<&'v Node>, String) {
        // A reader asking for a key its record does not declare has drifted
        // from the struct: every test reading an input catches it.
        debug_assert!(self.keys.contains(&key), "{key} is not a key of the record at {}", self.path);
        let value = self.map.get(key).filter(|v| !v.is_null());
        (value, format!("{}.{key}", self.path).trim_start_matches('.').to_string())
    }
}

/// The keys of the file's top level: the record's but the ones it derives.
static FILE_KEYS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| Input::KEYS.iter().copied().filter(|key| *key != "cac_chuong_trinh").collect());

/// Reads one file's tree; problems accumulate in `problems`.
pub(super) struct Reader<'a> {
    text: &'a str,
    sources: &'a dyn Sources,
    locator: Locator,
    problems: Vec<Problem>,
    /// How list files were read (notes and warnings, not errors).
    notes: Vec<Problem>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str, display: &str, sources: &'a dyn Sources) -> Reader<'a> {
        Reader { text, sources, locator: Locator::yaml(text, display), problems: Vec::new(), notes: Vec::new() }
    }

    pub(super) fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    /// The notes of the list files read so far.
    pub(super) fn take_notes(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.notes)
    }

    pub(super) fn locator(&self) -> &Locator {
        &self.locator
    }

    fn report(&mut self, path: &str, at_key: bool, kind: Kind) {
        let location = self.locator.locate(path, at_key);
        self.problems.push(Problem { location: location.into(), path: path.to_string(), kind });
    }

    /// The whole file.
    pub(super) fn input(&mut self) -> Option<Input> {
        let display = match &self.locator {
            Locator::Yaml { display, .. } | Locator::List { display, .. } => display.clone(),
        };
        let root = match super::yaml::parse_yaml(self.text, &display) {
            Ok(root) => std::sync::Arc::new(root),
            Err(problems) => {
                self.problems.extend(problems);
                return None;
            }
        };
        // Problems found from here on are placed by the tree's own nodes.
        self.locator = Locator::read(self.text, &display, std::sync::Arc::clone(&root));
        if !root.is_mapping() {
            self.report("", false, Kind::TopNotMapping);
            return None;
        }
        let top = self.record(&root, "", FILE_KEYS.as_slice())?;
        let version = self.required(&top, "phien_ban", |r, v, p| r.version(v, p));
        if version.is_none() && top.field("phien_ban").0.is_some() {
            // Another schema's file: its other fields mean something else.
            return None;
        }
        let van_ban = self.required(&top, "van_ban", Self::van_ban);
        let co_quan = self.required(&top, "co_quan", Self::co_quan_list);
        let nguoi_ky = self.required(&top, "nguoi_ky", Self::nguoi_ky_list);
        let cac_chuong_trinh = self.required(&top, "chuong_trinh", Self::programmes);
        let giai_doan = self.required(&top, "giai_doan", Self::giai_doan);
        let hoi_nghi = self.optional(&top, "hoi_nghi", Self::hoi_nghi);
        let chi_tieu = self.list_of(&top, "chi_tieu", Self::chi_tieu);
        let tong_hop = self.optional(&top, "tong_hop", Self::figures);
        let ket_qua_nam = self.list_of(&top, "ket_qua_nam", Self::ket_qua_nam);
        let don_vi_con = self.list_of(&top, "don_vi_con", Self::don_vi_con);
        let noi_dung = self.optional(&top, "noi_dung", Self::noi_dung);
        let khen_thuong = self.list_of(&top, "khen_thuong", Self::nhom_khen);
        let (co_quan, nguoi_ky, lien_tich) = self.issuers(co_quan, nguoi_ky)?;
        Some(Input {
            phien_ban: version?,
            van_ban: van_ban?,
            co_quan,
            nguoi_ky,
            chuong_trinh: cac_chuong_trinh.as_ref()?[0].clone(),
            cac_chuong_trinh: cac_chuong_trinh?,
            giai_doan: giai_doan?,
            hoi_nghi,
            chi_tieu: chi_tieu?,
            tong_hop: tong_hop.unwrap_or_default(),
            ket_qua_nam: ket_qua_nam?,
            don_vi_con: don_vi_con?,
            noi_dung: noi_dung.unwrap_or_default(),
            khen_thuong: khen_thuong?,
            lien_tich,
        })
    }

    /// A mapping with only `keys`; unknown keys are reported at their key.
    fn record<'v>(&mut self, value: &'v Node, path: &str, keys: &'static [&'static str]) -> Option<Record<'v>> {
        let Some(map) = value.as_mapping() else {
            self.report(path, false, Kind::Expected(Expect::Mapping));
            return None;
        };
        for key in map.keys() {
            let name = match &key.value {
                Value::String(s) => s.clone(),
                _ => shown(key),
            };
            if !keys.contains(&name.as_str()) {
                let key_path = format!("{path}.{name}").trim_start_matches('.').to_string();
                self.report(
                    &key_path,
                    true,
                    Kind::UnknownKey { key: name, valid: keys.iter().map(|k| k.to_string()).collect() },
                );
            }
        }
        Some(Record { path: path.to_string(), map, keys })
    }

    fn required<T>(
        &mut self,
        record: &Record,
        key: &str,
        read: impl FnOnce(&mut Self, &Node, &str) -> Option<T>,
    ) -> Option<T> {
        match record.field(key) {
            (Some(value), path) => read(self, value, &path),
            (None, path) => {
                self.report(&path, true, Kind::MissingKey(key.to_string()));
                None
            }
        }
    }

    fn optional<T>(
        &mut self,
        record: &Record,
        key: &str,
        read: impl FnOnce(&mut Self, &Node, &str) -> Option<T>,
    ) -> Option<T> {
        match record.field(key) {
            (Some(value), path) => read(self, value, &path),
            (None, _) => None,
        }
    }

    /// An optional list; `None` only when an item was wrong.
    fn list_of<T>(
        &mut self,
        record: &Record,
        key: &str,
        mut read: impl FnMut(&mut Self, &Node, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        match record.field(key) {
            (Some(value), path) => self.items(value, &path, &mut read),
            (None, _) => Some(Vec::new()),
        }
    }

    fn items<T>(
        &mut self,
        value: &Node,
        path: &str,
        read: &mut impl FnMut(&mut Self, &Node, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Some(items) = value.as_sequence() else {
            self.report(path, false, Kind::Expected(Expect::List));
            return None;
        };
        let read_items: Vec<Option<T>> =
            items.iter().enumerate().map(|(i, item)| read(self, item, &format!("{path}[{i}]"))).collect();
        read_items.into_iter().collect()
    }

    fn text_list(&mut self, value: &Node, path: &str) -> Option<Vec<String>> {
        self.items(value, path, &mut |r, v, p| r.text(v, p))
    }

    /// A non-empty single-line text, NFC, checked for what cannot be printed.
    fn text(&mut self, value: &Node, path: &str) -> Option<String> {
        self.non_empty(value, path, false)
    }

    /// An optional text where "" means absent ("the_thuc: ''").
    fn maybe_text(&mut self, value: &Node, path: &str) -> Option<String> {
        self.any_text(value, path, false).filter(|t| !t.is_empty())
    }

    /// A name printed in a header block: a newline the clerk typed breaks
    /// the line there.
    fn header_text(&mut self, value: &Node, path: &str) -> Option<String> {
        self.non_empty(value, path, true)
    }

    /// A text that must not be empty (reported at `path` when it is).
    fn non_empty(&mut self, value: &Node, path: &str, multiline: bool) -> Option<String> {
        let text = self.any_text(value, path, multiline)?;
        if text.is_empty() {
            self.report(path, false, Kind::EmptyText);
            return None;
        }
        Some(text)
    }

    /// Text kept with its newlines: paragraphs, or a name in a header block.
    fn paragraphs(&mut self, value: &Node, path: &str) -> Option<String> {
        self.any_text(value, path, true).filter(|t| !t.is_empty())
    }

    fn any_text(&mut self, value: &Node, path: &str, multiline: bool) -> Option<String> {
        let checked = match &value.value {
            Value::String(s) => checked_text(s, multiline),
            // "so: 125" means the text "125".
            Value::Number(n) => checked_text(&n.to_string(), multiline),
            _ => Err(Kind::Expected(Expect::Text)),
        };
        checked.map_err(|kind| self.report(path, false, kind)).ok()
    }

    fn date(&mut self, value: &Node, path: &str) -> Option<Date> {
        let text = match &value.value {
            Value::String(s) => s.trim().to_string(),
            _ => shown(value),
        };
        let date = Date::parse(&text);
        match date {
            None => self.report(path, false, Kind::BadDate(text)),
            Some(date) if !(MIN_YEAR..=MAX_YEAR).contains(&date.year) => {
                self.report(path, false, Kind::YearOutOfRange { value: text, min: MIN_YEAR, max: MAX_YEAR });
                return None;
            }
            Some(_) => {}
        }
        date
    }

    fn year(&mut self, value: &Node, path: &str) -> Option<i32> {
        let year = value.as_i64().filter(|y| (i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(y)).map(|y| y as i32);
        if year.is_none() {
            let shown = shown(value);
            self.report(path, false, Kind::NotYear(shown));
        }
        year
    }

    fn number(&mut self, value: &Node, path: &str) -> Option<Decimal> {
        if let Value::String(text) = &value.value {
            // "1.250.000" typed the Vietnamese way, quoted or not a YAML number.
            if facts::thousands_separated(text.trim()) {
                let typed = text.trim().to_string();
                self.report(path, false, Kind::ThousandsSeparator { fix: typed.replace('.', ""), typed });
                return None;
            }
        }
        let too_large = match &value.value {
            Value::Number(Number::Unsigned(whole)) => *whole > MAX_FIGURE,
            Value::Number(Number::Float(float)) => float.is_finite() && float.abs() > MAX_FIGURE as f64,
            _ => false,
        };
        if too_large {
            let typed = self.locator.raw_value(path).unwrap_or_else(|| shown(value));
            self.report(path, false, Kind::NumberTooLarge { value: typed, limit: MAX_FIGURE });
            return None;
        }
        // Within MAX_FIGURE and MAX_DIGITS (checked on the text), the
        // shortest form of the parsed number is the typed one.
        let number = match &value.value {
            Value::Number(n) => Decimal::parse(&n.to_string()),
            _ => None,
        };
        let Some(number) = number else {
            self.report(path, false, Kind::Expected(Expect::Number));
            return None;
        };
        if number.is_negative() {
            self.report(path, false, Kind::Negative(number.vietnamese()));
            return None;
        }
        Some(number)
    }

    fn choice<T: Copy>(&mut self, value: &Node, path: &str, choices: &[(&str, T)]) -> Option<T> {
        let text = match &value.value {
            Value::String(s) => s.trim().to_string(),
            _ => shown(value),
        };
        let found = choices.iter().find(|(name, _)| *name == text).map(|(_, v)| *v);
        if found.is_none() {
            self.report(
                path,
                false,
                Kind::BadChoice { value: text, choices: choices.iter().map(|(n, _)| n.to_string()).collect() },
            );
        }
        found
    }

    fn version(&mut self, value: &Node, path: &str) -> Option<u32> {
        if value.as_u64() == Some(1) {
            return Some(1);
        }
        let shown = shown(value);
        self.report(path, false, Kind::WrongVersion(shown));
        None
    }

    fn van_ban(&mut self, value: &Node, path: &str) -> Option<VanBan> {
        let r = self.record(value, path, VanBan::KEYS)?;
        let loai = self.required(&r, "loai", |s, v, p| {
            s.choice(v, p, &[("so_ket", LoaiBaoCao::SoKet), ("tong_ket", LoaiBaoCao::TongKet)])
        });
        let so_ky_hieu = self.required(&r, "so_ky_hieu", Self::text);
        let dia_danh = self.required(&r, "dia_danh", Self::text);
        let ngay = self.required(&r, "ngay", Self::date);
        let kinh_gui = self.optional(&r, "kinh_gui", Self::text_list);
        let noi_nhan = self.required(&r, "noi_nhan", Self::text_list);
        let ky_chu_tri = self.optional(&r, "ky_chu_tri", Self::side);
        Some(VanBan {
            loai: loai?,
            so_ky_hieu: so_ky_hieu?,
            dia_danh: dia_danh?,
            ngay: ngay?,
            kinh_gui: kinh_gui.unwrap_or_default(),
            noi_nhan: noi_nhan?,
            ky_chu_tri: ky_chu_tri.unwrap_or_default(),
        })
    }

    pub(super) fn co_quan(&mut self, value: &Node, path: &str) -> Option<CoQuan> {
        let r = self.record(value, path, CoQuan::KEYS)?;
        let chu_quan = self.optional(&r, "chu_quan", Self::paragraphs);
        let ten = self.required(&r, "ten", Self::header_text);
        let viet_tat = self.optional(&r, "viet_tat", Self::maybe_text);
        let khoi = self.optional(&r, "khoi", Self::khoi);
        Some(CoQuan { chu_quan, ten: ten?, viet_tat, khoi })
    }

    pub(super) fn nguoi_ky(&mut self, value: &Node, path: &str) -> Option<NguoiKy> {
        let r = self.record(value, path, NguoiKy::KEYS)?;
        let the_thuc = self.optional(&r, "the_thuc", Self::maybe_text);
        let chuc_vu = self.required(&r, "chuc_vu", Self::text);
        let cap_bac = self.optional(&r, "cap_bac", Self::maybe_text);
        let ho_ten = self.required(&r, "ho_ten", Self::text);
        Some(NguoiKy { the_thuc, chuc_vu: chuc_vu?, cap_bac, ho_ten: ho_ten? })
    }

    fn chi_tieu(&mut self, value: &Node, path: &str) -> Option<ChiTieu> {
        let r = self.record(value, path, ChiTieu::KEYS)?;
        let ma = self.required(&r, "ma", Self::text);
        let ten = self.required(&r, "ten", Self::text);
        let don_vi = self.optional(&r, "don_vi", Self::maybe_text);
        let nhom = self.optional(&r, "nhom", Self::maybe_text);
        let cach_tinh = self.optional(&r, "cach_tinh", |s, v, p| s.choice(v, p, facts::RULES));
        let (ma, ten) = (ma?, ten?);
        if r.field("cach_tinh").0.is_none() {
            // A rate is never added up; a stock usually is not.
            if facts::is_rate(don_vi.as_deref()) {
                self.report(path, false, Kind::RateWithoutRule { code: ma.clone() });
                return None;
            }
            if facts::reads_like_stock(&ten, don_vi.as_deref()) {
                let location = self.locator.locate(path, false);
                let kind = Kind::StockWithoutRule { code: ma.clone(), name: ten.clone() };
                self.notes.push(Problem { location: location.into(), path: path.to_string(), kind });
            }
        }
        Some(ChiTieu { ma, ten, don_vi, nhom, cach_tinh: cach_tinh.unwrap_or_default() })
    }

    /// `{ ma: number, ... }` in file order; codes are checked by the rules.
    fn figures(&mut self, value: &Node, path: &str) -> Option<Vec<(String, Decimal)>> {
        let Some(map) = value.as_mapping() else {
            self.report(path, false, Kind::Expected(Expect::Mapping));
            return None;
        };
        let read: Vec<Option<(String, Decimal)>> = map
            .iter()
            .map(|(key, value)| {
                let code = key.as_str().map(str::to_string).unwrap_or_else(|| shown(key));
                let number = self.number(value, &format!("{path}.{code}"))?;
                Some((code, number))
            })
            .collect();
        read.into_iter().collect()
    }

    fn ket_qua_nam(&mut self, value: &Node, path: &str) -> Option<KetQuaNam> {
        let Some(map) = value.as_mapping() else {
            self.report(path, false, Kind::Expected(Expect::Mapping));
            return None;
        };
        let mut rest = map.clone();
        let nam = match rest.remove("nam") {
            Some(v) => self.year(&v, &format!("{path}.nam")),
            None => {
                self.report(&format!("{path}.nam"), true, Kind::MissingKey("nam".into()));
                None
            }
        };
        let gia_tri = self.figures(&Node::new(Value::Mapping(rest)), path);
        Some(KetQuaNam { nam: nam?, gia_tri: gia_tri? })
    }

    fn don_vi_con(&mut self, value: &Node, path: &str) -> Option<DonViCon> {
        let r = self.record(value, path, DonViCon::KEYS)?;
        let ten = self.required(&r, "ten", Self::text);
        let ket_qua_nam = self.list_of(&r, "ket_qua_nam", Self::ket_qua_nam);
        let tong_hop = self.optional(&r, "tong_hop", Self::figures);
        Some(DonViCon { ten: ten?, ket_qua_nam: ket_qua_nam?, tong_hop: tong_hop.unwrap_or_default() })
    }

    fn noi_dung(&mut self, value: &Node, path: &str) -> Option<NoiDung> {
        let r = self.record(value, path, NoiDung::KEYS)?;
        let mut section = |key: &str| self.optional(&r, key, Self::paragraphs);
        Some(NoiDung {
            tinh_hinh: section("tinh_hinh"),
            lanh_dao_chi_dao: section("lanh_dao_chi_dao"),
            ket_qua: section("ket_qua"),
            han_che: section("han_che"),
            nguyen_nhan: section("nguyen_nhan"),
            bai_hoc: section("bai_hoc"),
            phuong_huong: section("phuong_huong"),
            de_xuat: section("de_xuat"),
        })
    }

    fn nhom_khen(&mut self, value: &Node, path: &str) -> Option<NhomKhen> {
        let r = self.record(value, path, NhomKhen::KEYS)?;
        let hinh_thuc = self.required(&r, "hinh_thuc", |s, v, p| {
            s.choice(v, p, &[("bang_khen", HinhThucKhen::BangKhen), ("giay_khen", HinhThucKhen::GiayKhen)])
        });
        let cap_khen = self.required(&r, "cap_khen", Self::text);
        let cap_khen_viet_thuong = self.optional(&r, "cap_khen_viet_thuong", Self::maybe_text);
        let co_quan = self.required(&r, "co_quan", Self::header_text);
        let co_quan_chu_quan = self.optional(&r, "co_quan_chu_quan", Self::paragraphs);
        let dia_danh = self.required(&r, "dia_danh", Self::text);
        let quyet_dinh = self.required(&r, "quyet_dinh", |s, v, p| {
            let r = s.record(v, p, QuyetDinh::KEYS)?;
            let so = s.required(&r, "so", Self::text);
            let ngay = s.required(&r, "ngay", Self::date);
            let can_cu = s.optional(&r, "can_cu", Self::text_list);
            let de_nghi = s.optional(&r, "de_nghi", Self::maybe_text);
            let thi_hanh = s.optional(&r, "thi_hanh", Self::maybe_text);
            let noi_nhan = s.optional(&r, "noi_nhan", Self::text_list);
            Some(QuyetDinh {
                so: so?,
                ngay: ngay?,
                can_cu: can_cu.unwrap_or_default(),
                de_nghi,
                thi_hanh,
                noi_nhan: noi_nhan.unwrap_or_default(),
            })
        });
        let nguoi_ky = self.required(&r, "nguoi_ky", Self::nguoi_ky);
        let thanh_tich = self.optional(&r, "thanh_tich", Self::maybe_text);
        let inline = r.field("danh_sach");
        let file = self.optional(&r, "danh_sach_tep", Self::text);
        let list_path = format!("{path}.danh_sach");
        let danh_sach = match (inline, &file) {
            ((Some(items), _), None) => self.items(items, &list_path, &mut Self::recipient),
            ((None, _), Some(file)) => self.list_file(file, &list_path),
            _ => {
                self.report(path, false, Kind::ListSource);
                None
            }
        };
        let bieu_duong = self.optional(&r, "bieu_duong", Self::number);
        let bieu_tuong = self.optional(&r, "bieu_tuong", Self::png_file);
        let kho_giay = self.optional(&r, "kho_giay", |s, v, p| {
            s.choice(v, p, &[("a3", Paper::A3), ("400x300", Paper::Large), ("a4", Paper::A4)])
        });
        let tham_quyen = self.optional(&r, "tham_quyen", Self::header_text);
        let trich_yeu = self.optional(&r, "trich_yeu", Self::text);
        let to_trinh = self.optional(&r, "to_trinh", Self::proposal);
        Some(NhomKhen {
            hinh_thuc: hinh_thuc?,
            cap_khen: cap_khen?,
            cap_khen_viet_thuong,
            co_quan: co_quan?,
            co_quan_chu_quan,
            dia_danh: dia_danh?,
            quyet_dinh: quyet_dinh?,
            nguoi_ky: nguoi_ky?,
            thanh_tich,
            danh_sach: danh_sach?,
            danh_sach_tep: file,
            bieu_duong,
            kho_giay,
            bieu_tuong,
            tham_quyen,
            trich_yeu,
            to_trinh,
        })
    }

    /// A PNG file named relative to the YAML: a regular file within the
    /// size and pixel limits that decodes whole, kept read.
    fn png_file(&mut self, value: &Node, path: &str) -> Option<Emblem> {
        let name = self.text(value, path)?;
        match super::bounds::png(self.sources, &name, path) {
            Ok((png, pixels)) => Some(Emblem { file: self.sources.display(&name), png: png.into(), pixels }),
            Err(mut problem) => {
                // Located at the field that names the image.
                *problem.location = self.locator.locate(path, false);
                self.problems.push(problem);
                None
            }
        }
    }

    /// One recipient: an item of a YAML `danh_sach` (a list file's rows are
    /// read in `list::recipients`, their texts by [`checked_text`]).
    fn recipient(&mut self, value: &Node, path: &str) -> Option<NguoiNhan> {
        let r = self.record(value, path, NguoiNhan::KEYS)?;
        let loai = self.required(&r, "loai", |s, v, p| {
            s.choice(v, p, &[("tap_the", LoaiNguoiNhan::TapThe), ("ca_nhan", LoaiNguoiNhan::CaNhan)])
        });
        let ten = self.required(&r, "ten", Self::text);
        let danh_xung = self.optional(&r, "danh_xung", Self::maybe_text);
        let chuc_vu = self.optional(&r, "chuc_vu", Self::maybe_text);
        let don_vi = self.optional(&r, "don_vi", Self::maybe_text);
        let so_so = self.optional(&r, "so_so", Self::maybe_text);
        let thanh_tich = self.optional(&r, "thanh_tich", Self::maybe_text);
        let nhom = self.optional(&r, "nhom", Self::maybe_text);
        let de_nghi = self.optional(&r, "de_nghi", Self::maybe_text);
        Some(NguoiNhan { loai: loai?, ten: ten?, danh_xung, chuc_vu, don_vi, so_so, thanh_tich, nhom, de_nghi })
    }

    fn list_file(&mut self, file: &str, list_path: &str) -> Option<Vec<NguoiNhan>> {
        match list::read(self.sources, file, list_path) {
            Ok(listed) => {
                self.notes.extend(listed.notes);
                Some(listed.recipients)
            }
            Err(problems) => {
                self.problems.extend(problems);
                None
            }
        }
    }
}
