//! The ready samples `baocao init` writes, one row per shape of conference:
//! `--mau TÊN` picks one (the Hải Phòng 2018 conference when none is asked).

/// One sample: its name for `--mau`, what it shows, and its files (the
/// YAML first).
pub(crate) struct Sample {
    pub(crate) ten: &'static str,
    pub(crate) mo_ta: &'static str,
    pub(crate) files: &'static [(&'static str, &'static str)],
}

/// Every sample, the default first.
pub(crate) const SAMPLES: &[Sample] = &[
    Sample {
        ten: "hai-phong",
        mo_ta: "sơ kết 5 năm một chương trình phối hợp, danh sách khen thưởng trong tệp CSV",
        files: &[
            ("hai-phong-2018.yaml", include_str!("../../inputs/hai-phong-2018.yaml")),
            ("hai-phong-2018-bang-khen.csv", include_str!("../../inputs/hai-phong-2018-bang-khen.csv")),
        ],
    },
    Sample {
        ten: "mot-nam",
        mo_ta: "báo cáo kết quả một năm (giai_doan: tu = den) của một kế hoạch liên tịch",
        files: &[("mot-nam-2025.yaml", include_str!("../../inputs/mot-nam-2025.yaml"))],
    },
    Sample {
        ten: "nhieu-chuong-trinh",
        mo_ta: "sơ kết cùng lúc ba chương trình khác loại, số liệu theo năm chỉ có một phần giai đoạn",
        files: &[("nhieu-chuong-trinh.yaml", include_str!("../../inputs/nhieu-chuong-trinh.yaml"))],
    },
    Sample {
        ten: "dang",
        mo_ta: "báo cáo và quyết định khen thưởng của một cơ quan Đảng (Hướng dẫn 36-HD/VPTW)",
        files: &[("mau-dang.yaml", include_str!("../../inputs/mau-dang.yaml"))],
    },
    Sample {
        ten: "lien-tich",
        mo_ta: "báo cáo liên tịch của Công an và Ủy ban MTTQ, quyết định khen thưởng của Mặt trận",
        files: &[("mau-lien-tich.yaml", include_str!("../../inputs/mau-lien-tich.yaml"))],
    },
];

/// The sample named `name`.
pub(crate) fn named(name: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|sample| sample.ten == name)
}
