//! Reading the programme under review, the period it covers and the
//! conference held on it: the records the papers' wording is built from.

use crate::input::yaml::Node;

use super::Reader;
use crate::diag::{Expect, Kind};
use crate::input::model::{Buoi, ChuongTrinh, DaiBieu, GiaiDoan, HinhThucHoiNghi, HoiNghi, TinBai};

impl Reader<'_> {
    /// A count of years: a whole number from 1 to 100.
    fn years_count(&mut self, value: &Node, path: &str) -> Option<u32> {
        let count = value.as_u64().filter(|n| (1..=100).contains(n)).map(|n| n as u32);
        if count.is_none() {
            self.report(path, false, Kind::Expected(Expect::Number));
        }
        count
    }

    pub(super) fn chuong_trinh(&mut self, value: &Node, path: &str) -> Option<ChuongTrinh> {
        let r = self.record(value, path, ChuongTrinh::KEYS)?;
        let so = self.required(&r, "so", Self::text);
        let ngay = self.required(&r, "ngay", Self::date);
        let ten = self.required(&r, "ten", Self::text);
        let cac_ben = self.required(&r, "cac_ben", Self::text_list);
        let loai = self.optional(&r, "loai", Self::maybe_text);
        Some(ChuongTrinh { so: so?, ngay: ngay?, ten: ten?, cac_ben: cac_ben?, loai })
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
            s.choice(v, p, &[("sang", Buoi::Sang), ("chieu", Buoi::Chieu), ("toi", Buoi::Toi)])
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
            Some(DaiBieu { cap_bac, ho_ten: ho_ten?, chuc_vu: chuc_vu? })
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
        Some(HoiNghi {
            ngay: ngay?,
            buoi,
            dia_diem,
            hinh_thuc,
            dai_bieu: dai_bieu?,
            don_vi_to_chuc: don_vi_to_chuc.unwrap_or_default(),
            chi_dao,
            tin_bai,
        })
    }
}
