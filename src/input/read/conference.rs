//! Reading the programme under review, the period it covers, the
//! conference held on it and the tờ trình proposing its awards up: the
//! records the papers' wording is built from.

use crate::input::yaml::Node;

use super::Reader;
use crate::diag::{Expect, Kind};
use crate::input::model::{
    Buoi, ChuongTrinh, DaiBieu, GiaiDoan, Gio, HinhThucHoiNghi, HoiNghi, LoaiHoiNghi, MucNghiTrinh, TinBai, ToTrinh,
};

impl Reader<'_> {
    /// A group's `to_trinh`: the tờ trình proposing it.
    pub(super) fn proposal(&mut self, value: &Node, path: &str) -> Option<ToTrinh> {
        let r = self.record(value, path, ToTrinh::KEYS)?;
        let so = self.required(&r, "so", Self::text);
        let ngay = self.required(&r, "ngay", Self::date);
        let kinh_gui = self.optional(&r, "kinh_gui", Self::maybe_text);
        let can_cu = self.optional(&r, "can_cu", Self::text_list);
        let noi_nhan = self.optional(&r, "noi_nhan", Self::text_list);
        let nguoi_de_nghi = self.optional(&r, "nguoi_de_nghi", Self::maybe_text);
        Some(ToTrinh {
            so: so?,
            ngay: ngay?,
            kinh_gui,
            can_cu: can_cu.unwrap_or_default(),
            noi_nhan: noi_nhan.unwrap_or_default(),
            nguoi_de_nghi,
        })
    }

    /// A count of years: a whole number from 1 to 100.
    fn years_count(&mut self, value: &Node, path: &str) -> Option<u32> {
        let count = value.as_u64().filter(|n| (1..=100).contains(n)).map(|n| n as u32);
        if count.is_none() {
            self.report(path, false, Kind::Expected(Expect::Number));
        }
        count
    }

    /// The programmes reviewed: one record, or a list of at least one.
    pub(super) fn programmes(&mut self, value: &Node, path: &str) -> Option<Vec<ChuongTrinh>> {
        if value.as_sequence().is_none() {
            return self.chuong_trinh(value, path).map(|one| vec![one]);
        }
        let all = self.items(value, path, &mut Self::chuong_trinh)?;
        if all.is_empty() {
            self.report(path, false, Kind::Expected(Expect::Mapping));
            return None;
        }
        Some(all)
    }

    fn chuong_trinh(&mut self, value: &Node, path: &str) -> Option<ChuongTrinh> {
        let r = self.record(value, path, ChuongTrinh::KEYS)?;
        let loai = self.optional(&r, "loai", Self::maybe_text);
        let ban_hanh = self.optional(&r, "ban_hanh", Self::maybe_text);
        // A movement (phong trào) is launched, not signed: it may have no
        // number or date; any other kind is cited by both.
        let movement = loai.as_deref().is_some_and(crate::input::facts::is_movement);
        let so = self.wanted(&r, "so", !movement, Self::text);
        let ngay = self.wanted(&r, "ngay", !movement, Self::date);
        let ten = self.required(&r, "ten", Self::text);
        let cac_ben = self.wanted(&r, "cac_ben", ban_hanh.is_none(), Self::text_list);
        Some(ChuongTrinh { so: so?, ngay: ngay?, ten: ten?, cac_ben: cac_ben?.unwrap_or_default(), loai, ban_hanh })
    }

    /// An optional key that is required when `needed`: `Some(None)` when
    /// absent and allowed to be.
    fn wanted<T>(
        &mut self,
        record: &super::Record,
        key: &str,
        needed: bool,
        read: impl FnOnce(&mut Self, &Node, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        match record.field(key) {
            (Some(value), path) => read(self, value, &path).map(Some),
            (None, _) if !needed => Some(None),
            (None, path) => {
                self.report(&path, true, Kind::MissingKey(key.to_string()));
                None
            }
        }
    }

    pub(super) fn giai_doan(&mut self, value: &Node, path: &str) -> Option<GiaiDoan> {
        let r = self.record(value, path, GiaiDoan::KEYS)?;
        let tu = self.required(&r, "tu", Self::year);
        let den = self.required(&r, "den", Self::year);
        let so_nam = self.optional(&r, "so_nam", Self::years_count);
        Some(GiaiDoan { tu: tu?, den: den?, so_nam })
    }

    pub(super) fn hoi_nghi(&mut self, value: &Node, path: &str) -> Option<HoiNghi> {
        let r = self.record(value, path, HoiNghi::KEYS)?;
        let ngay = self.required(&r, "ngay", Self::date);
        let buoi = self.optional(&r, "buoi", |s, v, p| {
            s.choice(v, p, &[("sang", Buoi::Sang), ("trua", Buoi::Trua), ("chieu", Buoi::Chieu), ("toi", Buoi::Toi)])
        });
        let dia_diem = self.optional(&r, "dia_diem", Self::maybe_text);
        let hinh_thuc = self.optional(&r, "hinh_thuc", |s, v, p| {
            s.choice(v, p, &[("truc_tiep", HinhThucHoiNghi::TrucTiep), ("truc_tuyen", HinhThucHoiNghi::TrucTuyen)])
        });
        let dai_bieu = self.list_of(&r, "dai_bieu", |s, v, p| {
            let r = s.record(v, p, DaiBieu::KEYS)?;
            let cap_bac = s.optional(&r, "cap_bac", Self::maybe_text);
            let ho_ten = s.required(&r, "ho_ten", Self::text);
            let chuc_vu = s.required(&r, "chuc_vu", Self::text);
            let to_chuc = s.optional(&r, "to_chuc", Self::yes_no).unwrap_or(false);
            Some(DaiBieu { cap_bac, ho_ten: ho_ten?, chuc_vu: chuc_vu?, to_chuc })
        });
        let don_vi_to_chuc = self.optional(&r, "don_vi_to_chuc", Self::text_list);
        let chi_dao = self.optional(&r, "chi_dao", Self::paragraphs);
        let tin_bai = self.optional(&r, "tin_bai", |s, v, p| {
            let r = s.record(v, p, TinBai::KEYS)?;
            let tieu_de = s.optional(&r, "tieu_de", Self::maybe_text);
            let tac_gia = s.optional(&r, "tac_gia", Self::maybe_text);
            let nguon = s.optional(&r, "nguon", Self::maybe_text);
            Some(TinBai { tieu_de, tac_gia, nguon })
        });
        let loai = self.optional(&r, "loai", |s, v, p| {
            let kinds = [
                ("hoi_nghi", LoaiHoiNghi::HoiNghi),
                ("ngay_hoi", LoaiHoiNghi::NgayHoi),
                ("gap_mat", LoaiHoiNghi::GapMat),
                ("le_ky_ket", LoaiHoiNghi::LeKyKet),
            ];
            s.choice(v, p, &kinds)
        });
        let gio = self.optional(&r, "gio", Self::time_of_day);
        let chu_tri = self.optional(&r, "chu_tri", Self::maybe_text);
        let delegates = dai_bieu.as_ref().map_or(0, Vec::len);
        let nguoi_trao = self.list_of(&r, "nguoi_trao", |s, v, p| s.delegate_number(v, p, delegates));
        let moi_dot = self.optional(&r, "moi_dot", Self::batch_size);
        let so_giay_moi = self.optional(&r, "so_giay_moi", Self::maybe_text);
        let nghi_trinh = self.list_of(&r, "nghi_trinh", |s, v, p| {
            let r = s.record(v, p, MucNghiTrinh::KEYS)?;
            let gio = s.required(&r, "gio", Self::time_of_day);
            let noi_dung = s.required(&r, "noi_dung", Self::text);
            let thuc_hien = s.optional(&r, "thuc_hien", Self::maybe_text);
            Some(MucNghiTrinh { gio: gio?, noi_dung: noi_dung?, thuc_hien })
        });
        Some(HoiNghi {
            gio,
            chu_tri,
            nguoi_trao: nguoi_trao?,
            moi_dot,
            so_giay_moi,
            nghi_trinh: nghi_trinh?,
            ngay: ngay?,
            buoi,
            dia_diem,
            hinh_thuc,
            dai_bieu: dai_bieu?,
            don_vi_to_chuc: don_vi_to_chuc.unwrap_or_default(),
            chi_dao,
            tin_bai,
            loai,
        })
    }
}

impl Reader<'_> {
    /// `true` or `false`.
    fn yes_no(&mut self, value: &Node, path: &str) -> Option<bool> {
        self.choice(value, path, &[("true", true), ("false", false)])
    }

    /// "08:00", "8:30", "14h00": hours 0–23, minutes 0–59.
    fn time_of_day(&mut self, value: &Node, path: &str) -> Option<Gio> {
        let text = self.text(value, path)?;
        let parsed = text.split_once([':', 'h']).and_then(|(h, m)| {
            let digits = |t: &str| (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
            let (h, m) = (h.trim(), m.trim());
            if !digits(h) || m.len() != 2 || !digits(m) {
                return None;
            }
            let (gio, phut) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
            (gio < 24 && phut < 60).then_some(Gio { gio, phut })
        });
        if parsed.is_none() {
            self.report(path, false, Kind::BadTime(text));
        }
        parsed
    }

    /// A delegate's number in `dai_bieu`, from 1; stored from 0.
    fn delegate_number(&mut self, value: &Node, path: &str, count: usize) -> Option<usize> {
        let number = value.as_u64().map(|n| n as usize).filter(|n| (1..=count).contains(n));
        if number.is_none() {
            // What the clerk typed, as typed: never the parser's name for it.
            let typed = value.as_u64().map_or_else(|| crate::input::yaml::emit::shown(value), |n| n.to_string());
            self.report(path, false, Kind::NoSuchDelegate { typed, count });
        }
        number.map(|n| n - 1)
    }

    /// How many recipients a stage holds: 1 to 30.
    fn batch_size(&mut self, value: &Node, path: &str) -> Option<usize> {
        let size = value.as_u64().filter(|n| (1..=30).contains(n)).map(|n| n as usize);
        if size.is_none() {
            self.report(path, false, Kind::BadBatch);
        }
        size
    }
}
