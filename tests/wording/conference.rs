//! Inputs written for the wording tests: a conference described by a few
//! choices (its groups, metrics, delegates, dates), as YAML.

use std::path::{Path, PathBuf};

/// An award group of a conference.
#[derive(Clone)]
pub(crate) struct Group {
    /// Bằng khen of the People's Committee (true) or Giấy khen of the police.
    pub(crate) committee: bool,
    pub(crate) decided: &'static str,
    pub(crate) collectives: usize,
    pub(crate) individuals: usize,
    pub(crate) proposal: bool,
    pub(crate) commended: Option<u32>,
}

/// A metric: code, name, unit, rule, yearly values from the period's first year.
pub(crate) type Metric = (&'static str, &'static str, Option<&'static str>, &'static str, Vec<&'static str>);

/// A conference as the tests describe it.
#[derive(Clone)]
pub(crate) struct Conference {
    pub(crate) final_review: bool,
    pub(crate) kind: Option<&'static str>,
    pub(crate) parties: Vec<&'static str>,
    pub(crate) signed: &'static str,
    pub(crate) period: (i32, i32),
    pub(crate) reported: &'static str,
    pub(crate) years: Option<u32>,
    pub(crate) session: Option<&'static str>,
    pub(crate) online: bool,
    pub(crate) place: Option<&'static str>,
    pub(crate) organisers: Vec<&'static str>,
    pub(crate) delegates: Vec<(Option<&'static str>, &'static str, &'static str)>,
    pub(crate) direction: Option<&'static str>,
    pub(crate) byline: Option<(&'static str, &'static str)>,
    pub(crate) metrics: Vec<Metric>,
    pub(crate) narrative: Option<&'static str>,
    pub(crate) groups: Vec<Group>,
}

pub(crate) fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

impl Conference {
    pub(crate) fn yaml(&self) -> String {
        let mut y = String::from("phien_ban: 1\n");
        y += &format!(
            "van_ban:\n  loai: {}\n  so_ky_hieu: \"45/BC-CAQ\"\n  dia_danh: \"Hải Phòng\"\n  ngay: {}\n  noi_nhan: [\"Lưu: VT\"]\n",
            if self.final_review { "tong_ket" } else { "so_ket" },
            self.reported
        );
        y += "co_quan:\n  chu_quan: \"CÔNG AN THÀNH PHỐ HẢI PHÒNG\"\n  ten: \"CÔNG AN QUẬN LÊ CHÂN\"\n";
        y += "nguoi_ky: { chuc_vu: \"TRƯỞNG CÔNG AN QUẬN\", cap_bac: \"Thượng tá\", ho_ten: \"Trần Văn Hùng\" }\n";
        y += &format!("chuong_trinh:\n  so: \"12/CTr-CAQ-MTTQ\"\n  ngay: {}\n  ten: \"Xây dựng khu dân cư an toàn về an ninh, trật tự\"\n", self.signed);
        y += &format!("  cac_ben: [{}]\n", self.parties.iter().map(|p| quoted(p)).collect::<Vec<_>>().join(", "));
        if let Some(kind) = self.kind {
            y += &format!("  loai: {}\n", quoted(kind));
        }
        y += &format!("giai_doan: {{ tu: {}, den: {}", self.period.0, self.period.1);
        if let Some(years) = self.years {
            y += &format!(", so_nam: {years}");
        }
        y += " }\n";
        y += &format!("hoi_nghi:\n  ngay: {}\n", self.reported);
        if let Some(session) = self.session {
            y += &format!("  buoi: {session}\n");
        }
        if self.online {
            y += "  hinh_thuc: truc_tuyen\n";
        }
        if let Some(place) = self.place {
            y += &format!("  dia_diem: {}\n", quoted(place));
        }
        if !self.organisers.is_empty() {
            y += &format!(
                "  don_vi_to_chuc: [{}]\n",
                self.organisers.iter().map(|o| quoted(o)).collect::<Vec<_>>().join(", ")
            );
        }
        if !self.delegates.is_empty() {
            y += "  dai_bieu:\n";
            for (rank, name, title) in &self.delegates {
                y += "    - { ";
                if let Some(rank) = rank {
                    y += &format!("cap_bac: {}, ", quoted(rank));
                }
                y += &format!("ho_ten: {}, chuc_vu: {} }}\n", quoted(name), quoted(title));
            }
        }
        if let Some(direction) = self.direction {
            y += &format!("  chi_dao: {}\n", quoted(direction));
        }
        if let Some((author, source)) = self.byline {
            y += &format!("  tin_bai: {{ tac_gia: {}, nguon: {} }}\n", quoted(author), quoted(source));
        }
        if !self.metrics.is_empty() {
            y += "chi_tieu:\n";
            for (code, name, unit, rule, _) in &self.metrics {
                y += &format!("  - {{ ma: {code}, ten: {}", quoted(name));
                if let Some(unit) = unit {
                    y += &format!(", don_vi: {}", quoted(unit));
                }
                y += &format!(", cach_tinh: {rule} }}\n");
            }
            y += "ket_qua_nam:\n";
            for year in self.period.0..=self.period.1 {
                let k = (year - self.period.0) as usize;
                let values: Vec<String> = self
                    .metrics
                    .iter()
                    .filter_map(|(code, .., values)| values.get(k).map(|v| format!("{code}: {v}")))
                    .collect();
                if !values.is_empty() {
                    y += &format!("  - {{ nam: {year}, {} }}\n", values.join(", "));
                }
            }
        }
        if let Some(text) = self.narrative {
            y += &format!("noi_dung:\n  ket_qua: {}\n", quoted(text));
        }
        if !self.groups.is_empty() {
            y += "khen_thuong:\n";
        }
        for group in &self.groups {
            let (form, authority, body, number, signer) = if group.committee {
                (
                    "bang_khen",
                    "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",
                    "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",
                    "2345/QĐ-UBND",
                    "{ the_thuc: \"KT. CHỦ TỊCH\", chuc_vu: \"PHÓ CHỦ TỊCH\", ho_ten: \"Lê Khắc Nam\" }",
                )
            } else {
                (
                    "giay_khen",
                    "TRƯỞNG CÔNG AN QUẬN LÊ CHÂN",
                    "CÔNG AN QUẬN LÊ CHÂN",
                    "178/QĐ-CAQ",
                    "{ chuc_vu: \"TRƯỞNG CÔNG AN QUẬN\", cap_bac: \"Thượng tá\", ho_ten: \"Trần Văn Hùng\" }",
                )
            };
            y += &format!(
                "  - hinh_thuc: {form}\n    cap_khen: {}\n    co_quan: {}\n    dia_danh: \"Hải Phòng\"\n",
                quoted(authority),
                quoted(body)
            );
            y += &format!("    quyet_dinh:\n      so: {}\n      ngay: {}\n", quoted(number), group.decided);
            if group.proposal {
                y += "      de_nghi: \"Đội trưởng Đội Tham mưu tại Tờ trình số 21/TTr-TM ngày 02 tháng 8 năm 2018\"\n";
            }
            y += &format!(
                "    nguoi_ky: {signer}\n    thanh_tich: \"Đã có thành tích xuất sắc trong thực hiện Chương trình\"\n"
            );
            if let Some(commended) = group.commended {
                y += &format!("    bieu_duong: {commended}\n");
            }
            y += "    danh_sach:\n";
            for i in 0..group.collectives {
                y += &format!("      - {{ loai: tap_the, ten: \"Tổ dân phố số {}\" }}\n", i + 1);
            }
            for i in 0..group.individuals {
                let (title, name) = if i % 2 == 0 { ("Ông", "Nguyễn Văn") } else { ("Bà", "Trần Thị") };
                y += &format!(
                    "      - {{ loai: ca_nhan, danh_xung: \"{title}\", ten: \"{name} {}\" }}\n",
                    GIVEN[i % GIVEN.len()]
                );
            }
        }
        y
    }

    pub(crate) fn write(&self, dir: &Path) -> PathBuf {
        let path = dir.join("hoi-nghi.yaml");
        std::fs::write(&path, self.yaml()).unwrap();
        path
    }
}

pub(crate) const GIVEN: [&str; 7] = ["An", "Bình", "Cường", "Dung", "Hà", "Khánh", "Lan"];

/// A ward's conference, the base the tests vary.
pub(crate) fn ward() -> Conference {
    Conference {
        final_review: false,
        kind: None,
        parties: vec!["Công an quận Lê Chân", "Ủy ban MTTQ Việt Nam quận Lê Chân"],
        signed: "2013-08-01",
        period: (2013, 2018),
        reported: "2018-08-21",
        years: None,
        session: Some("sang"),
        online: false,
        place: Some("Hội trường Công an quận Lê Chân"),
        organisers: vec!["Công an quận Lê Chân", "Ủy ban MTTQ Việt Nam quận Lê Chân"],
        delegates: vec![
            (Some("Đại tá"), "Lê Nguyên Trường", "Phó Giám đốc Công an thành phố"),
            (None, "Cao Xuân Liên", "Chủ tịch Ủy ban MTTQ Việt Nam thành phố"),
        ],
        direction: None,
        byline: None,
        metrics: vec![
            ("cuoc", "Cuộc tuyên truyền", Some("cuộc"), "tong", vec!["300", "320", "350", "380", "416"]),
            (
                "luot",
                "Lượt người tham gia",
                Some("lượt người"),
                "tong",
                vec!["30000", "35000", "36000", "37000", "37726"],
            ),
            ("khu_pho", "Số khu phố", Some("khu phố"), "cuoi_ky", vec!["10", "11", "12", "12", "12"]),
        ],
        narrative: None,
        groups: vec![Group {
            committee: false,
            decided: "2018-08-16",
            collectives: 2,
            individuals: 3,
            proposal: true,
            commended: None,
        }],
    }
}

pub(crate) fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}
