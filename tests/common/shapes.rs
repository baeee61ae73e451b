//! Generated inputs of every shape of conference the programmes and periods
//! take: one programme of each kind, three programmes of different kinds,
//! one-year and several-year periods, yearly data for the whole period or
//! part of it, rates averaged, stocks at the end. Each input comes with the
//! facts a test checks the papers against, worked out here from the shape
//! (not read back from baocao).

use super::Seeded;
use std::path::{Path, PathBuf};

/// One programme as the generator wrote it.
#[derive(Debug, Clone)]
pub struct Programme {
    /// The kind as typed (`loai`), or `None` for the default.
    pub loai: Option<&'static str>,
    pub so: Option<String>,
    /// (year, month, day) when it has a date.
    pub ngay: Option<(i32, u32, u32)>,
    pub ten: String,
    pub ban_hanh: Option<&'static str>,
}

impl Programme {
    /// The kind as the papers write it.
    pub fn kind(&self) -> &'static str {
        self.loai.unwrap_or("Chương trình phối hợp")
    }

    /// True for a movement: no document, so its kind is written in lower
    /// case in a sentence and it is named by its title.
    pub fn is_movement(&self) -> bool {
        self.kind().starts_with("Phong trào") || self.kind().starts_with("Cuộc vận động")
    }

    /// The kind in a sentence: "Kế hoạch" keeps its capital (a document's
    /// kind, NĐ 30 Phụ lục II), "phong trào thi đua" does not.
    pub fn sentence_kind(&self) -> String {
        if self.is_movement() {
            let mut letters = self.kind().chars();
            letters.next().map(|first| first.to_lowercase().chain(letters).collect()).unwrap_or_default()
        } else {
            self.kind().to_string()
        }
    }

    /// The title as a sentence quotes it: between “ ”, a quoted name inside
    /// in single marks; a title opening with its own quoted name as typed.
    pub fn quoted_title(&self) -> String {
        if let Some(rest) = self.ten.strip_prefix("Về ") {
            // After the sentence's own "về": “Tăng cường …”.
            let mut letters = rest.chars();
            let rest: String = letters.next().into_iter().flat_map(char::to_uppercase).chain(letters).collect();
            return format!("“{rest}”");
        }
        if self.ten.starts_with('“') {
            self.ten.clone()
        } else {
            format!("“{}”", self.ten.replace('“', "‘").replace('”', "’"))
        }
    }

    /// "Quyết định số 123/QĐ-TTg", or a movement by its title.
    pub fn by_number(&self) -> String {
        match &self.so {
            Some(so) => format!("{} số {so}", self.sentence_kind()),
            None => format!("{} {}", self.sentence_kind(), self.quoted_title()),
        }
    }

    pub fn is_joint(&self) -> bool {
        let kind = self.kind().to_lowercase();
        kind.contains("phối hợp") || kind.contains("liên tịch")
    }
}

/// What a generated input is.
#[derive(Debug, Clone)]
pub struct Shape {
    pub seed: u64,
    pub programmes: Vec<Programme>,
    pub tu: i32,
    pub den: i32,
    /// (year, month, day) of the report.
    pub report_date: (i32, u32, u32),
    /// The years the yearly data covers.
    pub data_years: Vec<i32>,
    /// The flow metric without a period total: a partial sum when
    /// `data_years` is not the whole period.
    pub flow_name: &'static str,
    pub rate_name: &'static str,
    pub stock_name: &'static str,
}

impl Shape {
    pub fn one_year(&self) -> bool {
        self.tu == self.den
    }

    pub fn partial(&self) -> bool {
        self.data_years.len() < (self.den - self.tu + 1) as usize
    }

    /// The years reviewed by the documented rule (docs/dau-vao.md): from the
    /// earliest programme date, or the period's first day when the
    /// programmes are older, to the period's end or the report if earlier,
    /// rounded half up to whole years.
    pub fn years(&self) -> i32 {
        if self.one_year() {
            return 1;
        }
        let start = (self.tu, 1, 1);
        let from = self.programmes.iter().filter_map(|p| p.ngay).min().map_or(start, |d| d.max(start));
        let to = self.report_date.min((self.den + 1, 1, 1));
        let mut months = (to.0 - from.0) * 12 + to.1 as i32 - from.1 as i32;
        if to.2 < from.2 {
            months -= 1;
        }
        ((months + 6) / 12).max(1)
    }
}

/// Every kind the schema names, with who issues one when it is not the
/// parties, and its number's suffix.
pub const KINDS: &[(Option<&str>, Option<&str>, &str)] = &[
    (None, None, "CTr-CA-MTTQ"),
    (Some("Kế hoạch liên tịch"), None, "KHLT-CA-MTTQ"),
    (Some("Kế hoạch"), Some("Ban Thường vụ Tỉnh ủy"), "KH/TU"),
    (Some("Quyết định"), Some("Thủ tướng Chính phủ"), "QĐ-TTg"),
    (Some("Chỉ thị"), Some("Ban Thường vụ Tỉnh ủy"), "CT/TU"),
    (Some("Nghị quyết"), Some("Hội đồng nhân dân tỉnh"), "NQ-HĐND"),
    (Some("Đề án"), Some("Ủy ban nhân dân tỉnh"), "ĐA-UBND"),
    (Some("Phong trào thi đua"), Some("Bộ Công an"), ""),
    (Some("Cuộc vận động"), Some("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"), ""),
];

const TITLES: &[&str] = &[
    "Xây dựng khu dân cư an toàn về an ninh, trật tự",
    "Tăng cường bảo đảm an ninh, trật tự ở cơ sở",
    "Vì an ninh Tổ quốc",
    "Phòng ngừa, tố giác tội phạm trong Nhân dân",
    "Phối hợp xây dựng phong trào “Dân vận khéo” ở cơ sở",
    "“Dân vận khéo” trong bảo đảm an ninh, trật tự",
];

fn programme(rng: &mut Seeded, kind: usize, tu: i32) -> Programme {
    let (loai, ban_hanh, suffix) = KINDS[kind];
    let movement = loai.is_some_and(|k| k.starts_with("Phong trào") || k.starts_with("Cuộc vận động"));
    let ten = TITLES[rng.next(TITLES.len())].to_string();
    let year = tu - rng.next(4) as i32;
    Programme {
        loai,
        so: (!movement).then(|| format!("{}/{suffix}", 10 + rng.next(900))),
        ngay: (!movement).then(|| (year, 1 + rng.next(12) as u32, 1 + rng.next(28) as u32)),
        ten,
        ban_hanh,
    }
}

fn date((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The shape of `seed`, with `kinds` (indexes of [`KINDS`]) reviewed;
/// `one_year` and `partial` pick the period and the data.
pub fn shape(seed: u64, kinds: &[usize], one_year: bool, partial: bool) -> Shape {
    let mut rng = Seeded(seed);
    let den = 2021 + rng.next(5) as i32;
    let tu = if one_year { den } else { den - 1 - rng.next(8) as i32 };
    let programmes = kinds.iter().map(|k| programme(&mut rng, *k, tu)).collect();
    let all: Vec<i32> = (tu..=den).collect();
    let data_years = if partial && all.len() > 2 { all[all.len() - 2..].to_vec() } else { all };
    Shape {
        seed,
        programmes,
        tu,
        den,
        report_date: (den, 11 + rng.next(2) as u32, 1 + rng.next(28) as u32),
        data_years,
        flow_name: "Hội nghị tuyên truyền ở cơ sở",
        rate_name: "Tỷ lệ khu dân cư đạt chuẩn an toàn",
        stock_name: "Tổ an ninh, trật tự đang hoạt động",
    }
}

/// The YAML of `shape`.
pub fn yaml(shape: &Shape) -> String {
    let mut rng = Seeded(shape.seed ^ 0x5eed);
    let mut out = String::new();
    let (y, m, d) = shape.report_date;
    out.push_str(&format!(
        "phien_ban: 1\nvan_ban:\n  loai: so_ket\n  so_ky_hieu: \"{}/BC-CAT\"\n  dia_danh: \"Thái Nguyên\"\n  ngay: {}\n  \
         noi_nhan: [\"Như trên\", \"Lưu: VT\"]\n",
        10 + rng.next(300),
        date((y, m, d))
    ));
    out.push_str("co_quan: { chu_quan: \"BỘ CÔNG AN\", ten: \"CÔNG AN TỈNH THÁI NGUYÊN\", viet_tat: \"CAT\" }\n");
    out.push_str("nguoi_ky: { the_thuc: \"KT. GIÁM ĐỐC\", chuc_vu: \"PHÓ GIÁM ĐỐC\", cap_bac: \"Đại tá\", ho_ten: \"Hoàng Văn Minh\" }\n");
    out.push_str("chuong_trinh:\n");
    let several = shape.programmes.len() > 1;
    for p in &shape.programmes {
        let mut fields = Vec::new();
        if let Some(loai) = p.loai {
            fields.push(format!("loai: \"{loai}\""));
        }
        if let Some(so) = &p.so {
            fields.push(format!("so: \"{so}\""));
        }
        if let Some(ngay) = p.ngay {
            fields.push(format!("ngay: {}", date(ngay)));
        }
        fields.push(format!("ten: \"{}\"", p.ten));
        match p.ban_hanh {
            Some(issuer) => fields.push(format!("ban_hanh: \"{issuer}\"")),
            None => {
                fields.push("cac_ben: [\"Công an tỉnh Thái Nguyên\", \"Ủy ban MTTQ Việt Nam tỉnh Thái Nguyên\"]".into())
            }
        }
        let prefix = if several { "  - " } else { "  " };
        let joiner = if several { "\n    " } else { "\n  " };
        out.push_str(prefix);
        out.push_str(&fields.join(joiner));
        out.push('\n');
    }
    out.push_str(&format!("giai_doan: {{ tu: {}, den: {} }}\n", shape.tu, shape.den));
    out.push_str(&format!(
        "hoi_nghi: {{ ngay: {}, buoi: sang, dia_diem: \"Hội trường Công an tỉnh\" }}\n",
        date(shape.report_date)
    ));
    out.push_str("chi_tieu:\n");
    out.push_str(&format!(
        "  - {{ ma: to_an_ninh, ten: \"{}\", don_vi: \"tổ\", cach_tinh: cuoi_ky }}\n",
        shape.stock_name
    ));
    out.push_str(&format!(
        "  - {{ ma: hoi_nghi, ten: \"{}\", don_vi: \"hội nghị\", cach_tinh: tong }}\n",
        shape.flow_name
    ));
    out.push_str(&format!("  - {{ ma: ty_le, ten: \"{}\", don_vi: \"%\", cach_tinh: trung_binh }}\n", shape.rate_name));
    out.push_str("ket_qua_nam:\n");
    for (i, year) in shape.data_years.iter().enumerate() {
        out.push_str(&format!(
            "  - {{ nam: {year}, to_an_ninh: {}, hoi_nghi: {}, ty_le: {}.{} }}\n",
            20 + i,
            30 + rng.next(50),
            80 + rng.next(15),
            rng.next(10)
        ));
    }
    out.push_str(
        "noi_dung:\n  han_che: |\n    Một số khu dân cư còn chậm duy trì sinh hoạt định kỳ.\n  phuong_huong: |\n    Tiếp tục \
         phối hợp thực hiện trong thời gian tới.\n",
    );
    out.push_str(&format!(
        "khen_thuong:\n  - hinh_thuc: giay_khen\n    cap_khen: \"GIÁM ĐỐC CÔNG AN TỈNH THÁI NGUYÊN\"\n    co_quan: \"CÔNG AN \
         TỈNH THÁI NGUYÊN\"\n    dia_danh: \"Thái Nguyên\"\n    quyet_dinh: {{ so: \"15/QĐ-CAT\", ngay: {}, de_nghi: \"Trưởng \
         phòng Tổ chức cán bộ\" }}\n    nguoi_ky: {{ chuc_vu: \"GIÁM ĐỐC\", cap_bac: \"Thiếu tướng\", ho_ten: \"Nguyễn Quang \
         Hợp\" }}\n    danh_sach:\n      - {{ loai: tap_the, ten: \"Công an \
         huyện Đại Từ\" }}\n",
        date(shape.report_date)
    ));
    out
}

/// Writes the input of `shape` as `dir/<name>.yaml`.
pub fn write(dir: &Path, name: &str, shape: &Shape) -> PathBuf {
    let path = dir.join(format!("{name}.yaml"));
    std::fs::write(&path, yaml(shape)).unwrap();
    path
}

/// The shapes every test of programmes and periods covers: each kind
/// alone (several years, whole data), three programmes of different kinds
/// (partial data), and a one-year report.
pub fn all() -> Vec<(String, Shape)> {
    let mut shapes: Vec<(String, Shape)> =
        (0..KINDS.len()).map(|k| (format!("loai-{k}"), shape(100 + k as u64, &[k], false, false))).collect();
    shapes.push(("ba-chuong-trinh".into(), shape(7, &[0, 3, 7], false, true)));
    // Titles holding a quoted name, inside and at the start.
    let mut quoting = shape(19, &[2, 4, 6], false, true);
    quoting.programmes[0].ten = TITLES[TITLES.len() - 2].to_string();
    quoting.programmes[1].ten = TITLES[TITLES.len() - 1].to_string();
    // A title typed with its own "Về" and ending with the period.
    quoting.programmes[2].ten =
        format!("Về tăng cường bảo đảm an ninh, trật tự ở cơ sở giai đoạn {} - {}", quoting.tu, quoting.den);
    shapes.push(("ba-khong-phoi-hop".into(), quoting));
    shapes.push(("mot-nam".into(), shape(23, &[2], true, false)));
    // A movement of one year whose own name ends with the year.
    let mut movement = shape(29, &[KINDS.len() - 2], true, false);
    movement.programmes[0].ten = format!("“Dân vận khéo” năm {}", movement.den);
    shapes.push(("mot-nam-phong-trao".into(), movement));
    shapes
}
