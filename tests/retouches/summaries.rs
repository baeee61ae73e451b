//! Period summaries of many units written by the tests: up to 29
//! indicators in groups (`nhom`), each unit reporting a seeded part of
//! them (the indicators every unit keeps, and some of its own).

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::common::*;
use crate::Seeded;

const GROUPS: &[&str] = &["Xây dựng phong trào", "Phòng, chống tội phạm", "Hòa giải ở cơ sở", "Khen thưởng"];

const SUBJECTS: &[&str] = &[
    "Mô hình tự quản về an ninh trật tự",
    "Tổ hòa giải ở cơ sở",
    "Tin báo tố giác tội phạm",
    "Đối tượng được cảm hóa, giáo dục tại cộng đồng",
    "Câu lạc bộ phòng, chống tội phạm",
    "Buổi tuyên truyền, phổ biến pháp luật",
    "Hộ gia đình ký cam kết",
    "Tập thể được khen thưởng",
];

const UNITS: &[&str] = &["Trần Nguyên Hãn", "Hồ Nam", "Dư Hàng Kênh", "Vĩnh Niệm", "Kênh Dương", "An Biên"];

const KINDS: &[&str] = &["", " ở khu dân cư", " tại trường học", " trong doanh nghiệp"];

/// The summary (PDF and DOCX) of `units` units over `years` years ending in
/// 2023, over `indicators` indicators in four groups: the first third kept
/// by every unit, each of the others by about half of them.
pub fn many_units(random: &mut Seeded, units: usize, indicators: usize, years: i32) -> (tempfile::TempDir, PathBuf) {
    let summary = generated(random, units, indicators, years);
    (summary.dir, summary.out)
}

/// A generated summary: its folder, output folder, each unit's name and
/// indicators (by number), and every indicator's name and group.
pub struct Generated {
    pub dir: tempfile::TempDir,
    pub out: PathBuf,
    pub units: Vec<(String, Vec<usize>)>,
    pub indicators: Vec<(String, &'static str)>,
}

/// [`many_units`], with what was generated.
pub fn generated(random: &mut Seeded, units: usize, indicators: usize, years: i32) -> Generated {
    let dir = tempfile::tempdir().unwrap();
    let first = 2024 - years;
    let names: Vec<String> = (0..indicators)
        .map(|i| format!("{}{}", SUBJECTS[i % SUBJECTS.len()], KINDS[(i / SUBJECTS.len()) % KINDS.len()]))
        .collect();
    let shared = indicators.div_ceil(3);
    let mut args: Vec<String> = vec!["summary".into()];
    let mut written = Vec::new();
    for u in 0..units {
        let kept: Vec<usize> = (0..indicators).filter(|&i| i < shared || random.below(2) == 0).collect();
        let mut yaml = format!(
            "phien_ban: 1\nvan_ban:\n  loai: tong_ket\n  so_ky_hieu: \"{n}/BC-CAX\"\n  dia_danh: \"Hải Phòng\"\n  ngay: 2023-12-20\n  noi_nhan: [\"Lưu: VT\"]\n\
             co_quan: {{ chu_quan: \"CÔNG AN QUẬN LÊ CHÂN\", ten: \"CÔNG AN PHƯỜNG {name}\", viet_tat: \"CAX\" }}\n\
             nguoi_ky: {{ chuc_vu: \"TRƯỞNG CÔNG AN\", cap_bac: \"Thiếu tá\", ho_ten: \"Phạm Văn Bình\" }}\n\
             chuong_trinh: {{ so: \"09/CTr-BCA-MTTW\", ngay: 2013-08-01, ten: \"Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc\", cac_ben: [\"Bộ Công an\", \"Ủy ban Trung ương MTTQ Việt Nam\"] }}\n\
             giai_doan: {{ tu: {first}, den: 2023 }}\nchi_tieu:\n",
            n = u + 1,
            name = UNITS[u % UNITS.len()].to_uppercase(),
        );
        written.push((format!("Công an phường {}", UNITS[u % UNITS.len()]), kept.clone()));
        for &i in &kept {
            let group = GROUPS[i * GROUPS.len() / indicators];
            let _ = writeln!(yaml, "  - {{ ma: ct{i}, ten: \"{}\", don_vi: \"lượt\", nhom: \"{group}\" }}", names[i]);
        }
        yaml.push_str("ket_qua_nam:\n");
        for year in first..=2023 {
            let _ = write!(yaml, "  - {{ nam: {year}");
            for &i in &kept {
                let _ = write!(yaml, ", ct{i}: {}", random.below(10u64.pow(1 + (i % 5) as u32)));
            }
            yaml.push_str(" }\n");
        }
        let path = dir.path().join(format!("{}.yaml", (b'a' + u as u8) as char));
        std::fs::write(&path, yaml).unwrap();
        args.push(path.display().to_string());
    }
    let out = dir.path().join("th");
    args.extend([
        "--from".into(),
        first.to_string(),
        "--to".into(),
        "2023".into(),
        "-o".into(),
        out.display().to_string(),
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = baocao(&args, dir.path());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let groups = (0..indicators).map(|i| GROUPS[i * GROUPS.len() / indicators]);
    Generated { dir, out, units: written, indicators: names.into_iter().zip(groups).collect() }
}
