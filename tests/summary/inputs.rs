//! Summary test inputs written by the tests themselves: one unit's report
//! of one period, with the metrics, yearly figures and period totals a case
//! needs, and generated conferences of many units for the invariants.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One metric definition: code, name, unit, period rule.
#[derive(Clone)]
pub struct Metric {
    pub ma: String,
    pub ten: String,
    pub don_vi: Option<String>,
    pub cach_tinh: Option<&'static str>,
}

/// One unit's report of one period.
#[derive(Clone)]
pub struct Unit {
    pub co_quan: String,
    pub so: String,
    pub ngay: String,
    pub period: (i32, i32),
    pub metrics: Vec<Metric>,
    pub years: Vec<(i32, Vec<(String, String)>)>,
    pub totals: Vec<(String, String)>,
}

/// A report of `co_quan` (upper case, as in the header) numbered `so`, dated `ngay`.
pub fn unit(co_quan: &str, so: &str, ngay: &str, period: (i32, i32)) -> Unit {
    Unit {
        co_quan: co_quan.into(),
        so: so.into(),
        ngay: ngay.into(),
        period,
        metrics: Vec::new(),
        years: Vec::new(),
        totals: Vec::new(),
    }
}

impl Unit {
    pub fn metric(mut self, ma: &str, ten: &str, don_vi: &str, cach_tinh: Option<&'static str>) -> Unit {
        let don_vi = (!don_vi.is_empty()).then(|| don_vi.to_string());
        self.metrics.push(Metric { ma: ma.into(), ten: ten.into(), don_vi, cach_tinh });
        self
    }

    /// Figures of `year`: (code, value) pairs.
    pub fn year(mut self, year: i32, values: &[(&str, &str)]) -> Unit {
        self.years.push((year, values.iter().map(|(c, v)| (c.to_string(), v.to_string())).collect()));
        self
    }

    pub fn total(mut self, code: &str, value: &str) -> Unit {
        self.totals.push((code.into(), value.into()));
        self
    }

    pub fn yaml(&self) -> String {
        let mut yaml = format!(
            "phien_ban: 1\nvan_ban:\n  loai: tong_ket\n  so_ky_hieu: \"{}\"\n  dia_danh: \"Hải Phòng\"\n  ngay: {}\n  noi_nhan: [\"Lưu: VT\"]\n\
             co_quan: {{ chu_quan: \"CÔNG AN QUẬN LÊ CHÂN\", ten: \"{}\", viet_tat: \"CAX\" }}\n\
             nguoi_ky: {{ chuc_vu: \"TRƯỞNG CÔNG AN\", cap_bac: \"Thiếu tá\", ho_ten: \"Phạm Văn Bình\" }}\n\
             chuong_trinh: {{ so: \"09/CTr-BCA-MTTW\", ngay: 2013-08-01, ten: \"Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc\", cac_ben: [\"Bộ Công an\", \"Ủy ban Trung ương MTTQ Việt Nam\"] }}\n\
             giai_doan: {{ tu: {}, den: {} }}\nchi_tieu:\n",
            self.so, self.ngay, self.co_quan, self.period.0, self.period.1
        );
        for m in &self.metrics {
            let _ = write!(yaml, "  - {{ ma: {}, ten: \"{}\"", m.ma, m.ten);
            if let Some(unit) = &m.don_vi {
                let _ = write!(yaml, ", don_vi: \"{unit}\"");
            }
            if let Some(rule) = m.cach_tinh {
                let _ = write!(yaml, ", cach_tinh: {rule}");
            }
            yaml.push_str(" }\n");
        }
        if !self.years.is_empty() {
            yaml.push_str("ket_qua_nam:\n");
            for (year, values) in &self.years {
                let _ = write!(yaml, "  - {{ nam: {year}");
                for (code, value) in values {
                    let _ = write!(yaml, ", {code}: {value}");
                }
                yaml.push_str(" }\n");
            }
        }
        if !self.totals.is_empty() {
            yaml.push_str("tong_hop:\n");
            for (code, value) in &self.totals {
                let _ = writeln!(yaml, "  {code}: {value}");
            }
        }
        yaml
    }

    /// Writes the report as `dir/name` and returns its path.
    pub fn write(&self, dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, self.yaml()).unwrap();
        path
    }
}

/// A tiny deterministic generator (xorshift), so the tests need no crate.
pub struct Seeded(pub u64);

impl Seeded {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const NAMES: &[&str] = &[
    "Mô hình tự quản về an ninh trật tự",
    "Câu lạc bộ phòng, chống tội phạm và tệ nạn xã hội ở khu dân cư",
    "Tin báo tố giác tội phạm",
    "Kinh phí xã hội hóa",
    "Xã, phường, thị trấn đạt tiêu chuẩn an toàn về an ninh, trật tự",
    "Lực lượng nòng cốt ở cơ sở",
    "Đối tượng được cảm hóa, giáo dục tại cộng đồng",
    "Hội nghị sơ kết, tổng kết",
];

/// `units` reports over generated years, metrics, stocks and flows,
/// figures from 0 to huge, some given only as period totals.
pub fn generated(random: &mut Seeded, units: usize) -> Vec<Unit> {
    let first = 2010 + random.below(6) as i32;
    let length = 1 + random.below(14) as i32;
    let metric_count = 1 + random.below(NAMES.len() as u64) as usize;
    let rules = [None, Some("tong"), Some("cuoi_ky"), Some("lon_nhat")];
    let metrics: Vec<(String, &str, Option<&'static str>, u64)> = (0..metric_count)
        .map(|m| {
            let scale = 10u64.pow(random.below(6) as u32);
            (format!("ct{m}"), NAMES[m], rules[random.below(4) as usize], scale)
        })
        .collect();
    (0..units)
        .map(|u| {
            let start = first + random.below(3) as i32;
            let end = (start + length).max(start + 1);
            let mut report = unit(
                &format!("CÔNG AN PHƯỜNG SỐ {}", u + 1),
                &format!("{}/BC-CAX", u + 1),
                &format!("{end}-12-20"),
                (start, end),
            );
            for (code, name, rule, _) in &metrics {
                report = report.metric(code, name, "lượt", *rule);
            }
            let totals_only: Vec<bool> = metrics.iter().map(|_| random.below(5) == 0).collect();
            for year in start..=end {
                let values: Vec<(String, String)> = metrics
                    .iter()
                    .zip(&totals_only)
                    .filter(|(_, only)| !**only)
                    .map(|((code, _, _, scale), _)| (code.clone(), (random.below(100) * scale).to_string()))
                    .collect();
                report.years.push((year, values));
            }
            for ((code, _, _, scale), only) in metrics.iter().zip(&totals_only) {
                if *only {
                    report.totals.push((code.clone(), (random.below(1000) * scale).to_string()));
                }
            }
            report
        })
        .collect()
}
