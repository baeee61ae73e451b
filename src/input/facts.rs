//! What an input implies without saying it: the years a review counts,
//! the kind of programme reviewed, each metric's period figure, whether a
//! metric counts things, and what a number typed the Vietnamese way is.

use super::model::{yearly_values, CachTinh, ChiTieu, ChuongTrinh, Input, NhomKhen};
use crate::text::vn::{Date, Decimal};

impl NhomKhen {
    /// Whether the group is only proposed so far: it has a tờ trình and its
    /// decision's number part is still blank ("/QĐ-UBND", a Party body's
    /// "-QĐ/BTGDVTU"). The report and the press then do not call it awarded.
    pub fn only_proposed(&self) -> bool {
        self.to_trinh.is_some() && number_part_blank(&self.quyet_dinh.so)
    }
}

/// Whether a paper's number leaves its number part blank: "/QĐ-UBND",
/// "…/QĐ-UBND", or HD 36's "-QĐ/BTGDVTU", "…-QĐ/BTGDVTU".
fn number_part_blank(number: &str) -> bool {
    let head = number.split('/').next().unwrap_or_default();
    let head = head.split('-').next().unwrap_or_default();
    head.chars().all(|c| c.is_whitespace() || matches!(c, '.' | '…' | '_'))
}

/// The programme's kind when the input does not name it.
const DEFAULT_KIND: &str = "Chương trình phối hợp";

impl Input {
    /// The years the review covers, counted one way for every paper: from
    /// the programme's date to the end of the period (the report's date
    /// when earlier), rounded to whole years — or from the period's first
    /// year when the programme is older than the period (a 2016–2023
    /// review of a 2013 programme: 8). Signed 1/8/2013, reviewed 21/8/2018
    /// for 2013–2018: 5. With several programmes the earliest dated one
    /// counts; `giai_doan.so_nam` overrides; a one-year report counts 1.
    pub fn years_reviewed(&self) -> u32 {
        if let Some(years) = self.giai_doan.so_nam {
            return years;
        }
        if self.is_one_year() {
            return 1;
        }
        let period_start = Date { year: self.giai_doan.tu, month: 1, day: 1 };
        let period_end = Date { year: self.giai_doan.den + 1, month: 1, day: 1 };
        let signed = self.cac_chuong_trinh.iter().filter_map(|p| p.ngay).min();
        let from = signed.map_or(period_start, |date| date.max(period_start));
        let to = self.van_ban.ngay.min(period_end);
        let mut months = (to.year - from.year) * 12 + to.month as i32 - from.month as i32;
        if to.day < from.day {
            months -= 1;
        }
        ((months + 6) / 12).max(1) as u32
    }

    /// What identifies the (first) programme in the award register: its
    /// number, or its name for a movement that has none.
    pub fn programme_key(&self) -> &str {
        self.chuong_trinh.so.as_deref().unwrap_or(&self.chuong_trinh.ten)
    }

    /// True when `years` (of a metric's yearly values) are every year the
    /// period's results can have by the report's date: a report made
    /// during the period's last year has that year's figures only when
    /// given (a 2013 - 2018 review in August 2018 with 2013 - 2017 is
    /// whole; 6 years of a 20-year period are not).
    pub fn covers_period(&self, years: &[i32]) -> bool {
        let (from, to) = (self.giai_doan.tu, self.giai_doan.den);
        let last = if self.van_ban.ngay.year <= to { (to - 1).max(from) } else { to };
        (from..=last).all(|year| years.contains(&year))
    }

    /// True for a report on one year ("kết quả … năm 2025").
    pub fn is_one_year(&self) -> bool {
        self.giai_doan.tu == self.giai_doan.den
    }

    /// The (first) programme's kind as written in a sentence: "Chương trình phối hợp".
    pub fn programme_kind(&self) -> &str {
        self.chuong_trinh.kind()
    }

    /// The period figure of metric `code`: its `tong_hop`, else its yearly
    /// values combined by its rule (sum, last year, highest).
    pub fn period_total(&self, code: &str) -> Option<Decimal> {
        if let Some((_, total)) = self.tong_hop.iter().find(|(c, _)| c == code) {
            return Some(*total);
        }
        let rule = self.chi_tieu.iter().find(|m| m.ma == code).map(|m| m.cach_tinh).unwrap_or_default();
        rule.combine(&yearly_values(&self.ket_qua_nam, code))
    }

    /// True when the input has something for a report to say: narrative,
    /// figures or awards.
    pub fn has_content(&self) -> bool {
        let n = &self.noi_dung;
        let text = [
            &n.tinh_hinh,
            &n.lanh_dao_chi_dao,
            &n.ket_qua,
            &n.han_che,
            &n.nguyen_nhan,
            &n.bai_hoc,
            &n.phuong_huong,
            &n.de_xuat,
        ]
        .iter()
        .any(|section| section.is_some());
        let figures = !self.tong_hop.is_empty()
            || self.ket_qua_nam.iter().any(|y| !y.gia_tri.is_empty())
            || self
                .don_vi_con
                .iter()
                .any(|u| !u.tong_hop.is_empty() || u.ket_qua_nam.iter().any(|y| !y.gia_tri.is_empty()));
        text || figures || !self.khen_thuong.is_empty()
    }
}

impl ChuongTrinh {
    /// Its kind as written in a sentence: "Chương trình phối hợp" when the
    /// input does not name one.
    pub fn kind(&self) -> &str {
        self.loai.as_deref().map(str::trim).filter(|k| !k.is_empty()).unwrap_or(DEFAULT_KIND)
    }
}

/// True for a programme's kind that names a movement or a campaign ("Phong
/// trào thi đua", "Cuộc vận động"): launched, not signed, so it may have no
/// number or date, and it is named by its title.
pub(crate) fn is_movement(kind: &str) -> bool {
    let kind = kind.trim().to_lowercase();
    kind.starts_with("phong trào") || kind.starts_with("cuộc vận động")
}

/// The ways a period figure is formed, as the input names them.
pub(crate) const RULES: &[(&str, CachTinh)] = &[
    ("tong", CachTinh::Tong),
    ("cuoi_ky", CachTinh::CuoiKy),
    ("lon_nhat", CachTinh::LonNhat),
    ("trung_binh", CachTinh::TrungBinh),
];

/// True for a unit of rates ("%", "phần trăm"): a rate is never added up.
pub(crate) fn is_rate(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| matches!(u.trim().to_lowercase().as_str(), "%" | "phần trăm"))
}

/// Words of a metric that counts what exists at a time (a stock) rather
/// than what happened in it: its yearly values are not added up.
const STOCK_WORDS: &[&str] = &[
    "đang hoạt động",
    "hiện có",
    "duy trì",
    "tỷ lệ",
    "số tổ",
    "tổ ",
    "mô hình",
    "câu lạc bộ",
    "clb",
    "điển hình",
    "đội ",
    "nhóm ",
    "khu dân cư",
    "xã, phường",
    "đạt chuẩn",
];

/// True when a metric reads like a stock ("Số tổ an ninh nhân dân",
/// "Mô hình tự quản đang hoạt động", unit "tổ", "mô hình", "CLB").
pub(crate) fn reads_like_stock(name: &str, unit: Option<&str>) -> bool {
    let name = format!("{} ", name.to_lowercase());
    let unit = unit.unwrap_or("").trim().to_lowercase();
    let stock_unit = ["tổ", "mô hình", "câu lạc bộ", "clb", "đội", "nhóm", "điển hình"].contains(&unit.as_str());
    stock_unit || STOCK_WORDS.iter().any(|w| name.starts_with(w) || name.contains(&format!(" {w}")))
}

/// Words of a unit that measures rather than counts: its figures may have
/// decimals ("3,7 tỷ đồng", "12,5 %", "1,25 ha").
const MEASURES: &[&str] = &[
    "đồng",
    "tỷ",
    "triệu",
    "nghìn",
    "ngàn",
    "usd",
    "%",
    "phần trăm",
    "ha",
    "héc-ta",
    "km",
    "m",
    "m²",
    "m2",
    "m³",
    "m3",
    "cm",
    "mm",
    "tấn",
    "tạ",
    "kg",
    "g",
    "gam",
    "lít",
    "giờ",
    "phút",
    "ngày",
    "tháng",
    "năm",
    "điểm",
    "tỷ lệ",
];

/// True when `metric` counts things (models, people, meetings): a figure
/// of it is a whole number, so "3.412" can only mean 3412.
pub(crate) fn is_count(metric: &ChiTieu) -> bool {
    let unit = metric.don_vi.as_deref().unwrap_or("").to_lowercase();
    let measured = unit.split([' ', '/', '(', ')']).any(|word| MEASURES.contains(&word));
    !measured && !metric.ten.to_lowercase().starts_with("tỷ lệ")
}

/// True when `text` is a whole number grouped by thousands with dots, the
/// Vietnamese way ("3.412", "1.250.000"), which YAML reads as a decimal.
pub(crate) fn thousands_separated(text: &str) -> bool {
    let mut groups = text.split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest.iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_number_part_is_told_in_either_order() {
        for blank in ["/QĐ-UBND", "…/QĐ-UBND", "-QĐ/BTGDVTU", "…-QĐ/BTGDVTU", ""] {
            assert!(number_part_blank(blank), "{blank}");
        }
        for filled in ["12/QĐ-UBND", "52-QĐ/BTGDVTU", "QĐ-UBND"] {
            assert!(!number_part_blank(filled), "{filled}");
        }
    }

    #[test]
    fn thousands_are_told_from_decimals() {
        for typed in ["3.412", "175.726", "1.250", "1.250.000"] {
            assert!(thousands_separated(typed), "{typed}");
        }
        for typed in ["3.7", "0.125", "3412", "12.5", "1.2500", "1,250", "a.123"] {
            assert!(!thousands_separated(typed), "{typed}");
        }
    }
}
