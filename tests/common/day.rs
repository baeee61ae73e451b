//! The generated conference the day-paper tests share: the programmes'
//! shape of a seed with 40 delegates (a fifth of them organisers, about
//! half with a rank) and 3 award groups of 100 recipients.

use std::path::{Path, PathBuf};

/// xorshift64*: names and titles varied reproducibly.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
const MIDDLE: &[&str] = &["Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thu", "Ngọc"];
const GIVEN: &[&str] = &["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Khánh", "Lan", "Long", "Nghĩa", "Thảo", "Tuấn"];
const RANKS: &[&str] = &["Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá"];
const TITLES: &[&str] = &[
    "Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "Trưởng phòng Tham mưu, Công an tỉnh",
    "Chủ tịch Ủy ban MTTQ Việt Nam huyện Đại Từ",
    "Phó Trưởng ban Dân vận Tỉnh ủy, Ủy viên Ban Chỉ đạo phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh",
    "Bí thư Đảng ủy xã Hùng Sơn",
];
const UNITS: &[&str] =
    &["Công an xã", "Ban Công tác Mặt trận thôn", "Tổ dân phố", "Đội dân phòng xã", "Hội Cựu chiến binh xã"];
const PLACES: &[&str] = &["Hùng Sơn", "Phú Lạc", "Tân Linh", "Yên Lãng", "La Bằng", "Bản Ngoại"];

fn person(rng: &mut Rng) -> String {
    format!("{} {} {}", rng.pick(SURNAMES), rng.pick(MIDDLE), rng.pick(GIVEN))
}

/// A delegate's name no other delegate has (a name said twice could not
/// tell an invited delegate from an organiser).
fn new_person(rng: &mut Rng, taken: &mut std::collections::HashSet<String>) -> String {
    loop {
        let name = person(rng);
        if taken.insert(name.clone()) {
            return name;
        }
    }
}

/// A generated input: the programmes' shape of `seed` with a conference of
/// 40 delegates (a fifth of them organisers) and 3 award groups of 100
/// recipients, a fifth of each collectives.
pub fn generated(dir: &Path, seed: u64) -> PathBuf {
    let shape = super::shapes::shape(seed, &[0], false, false);
    let base = super::shapes::yaml(&shape);
    let (head, _) = base.split_once("khen_thuong:").unwrap();
    let mut rng = Rng(seed | 1);
    let hoi_nghi_line = head.lines().find(|l| l.starts_with("hoi_nghi:")).unwrap().to_string();
    let (y, m, d) = shape.report_date;
    let mut conference = format!(
        "hoi_nghi:\n  ngay: {y:04}-{m:02}-{d:02}\n  gio: \"7:30\"\n  dia_diem: \"Hội trường Công an tỉnh\"\n  \
         chu_tri: \"Đại tá Hoàng Văn Minh\"\n  nguoi_trao: [1, 5, 40]\n  moi_dot: 8\n  dai_bieu:\n"
    );
    let mut taken = std::collections::HashSet::new();
    for i in 0..40 {
        let name = new_person(&mut rng, &mut taken);
        conference.push_str(&format!("    - ho_ten: \"{name}\"\n      chuc_vu: \"{}\"\n", rng.pick(TITLES)));
        if rng.below(2) == 0 {
            conference.push_str(&format!("      cap_bac: \"{}\"\n", rng.pick(RANKS)));
        }
        if i % 5 == 4 {
            conference.push_str("      to_chuc: true\n");
        }
    }
    let mut yaml = head.replace(&hoi_nghi_line, conference.trim_end());
    yaml.push_str("khen_thuong:\n");
    for (g, (form, authority)) in [
        ("bang_khen", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN"),
        ("giay_khen", "GIÁM ĐỐC CÔNG AN TỈNH THÁI NGUYÊN"),
        ("giay_khen", "CHỦ TỊCH ỦY BAN MTTQ VIỆT NAM TỈNH THÁI NGUYÊN"),
    ]
    .iter()
    .enumerate()
    {
        yaml.push_str(&format!(
            "  - hinh_thuc: {form}\n    cap_khen: \"{authority}\"\n    co_quan: \"CÔNG AN TỈNH THÁI NGUYÊN\"\n    \
             dia_danh: \"Thái Nguyên\"\n    quyet_dinh: {{ so: \"{}/QĐ-CAT\", ngay: {y:04}-{m:02}-{d:02}, de_nghi: \"Trưởng phòng \
             Tổ chức cán bộ\" }}\n    nguoi_ky: {{ chuc_vu: \"GIÁM ĐỐC\", cap_bac: \"Thiếu tướng\", ho_ten: \"Nguyễn Quang Hợp\" \
             }}\n    danh_sach:\n",
            15 + g
        ));
        for k in 0..100 {
            if k < 20 {
                let name = format!("{} {} {}", rng.pick(UNITS), rng.pick(PLACES), k + 1);
                yaml.push_str(&format!("      - {{ loai: tap_the, ten: \"{name}\" }}\n"));
            } else {
                let title = if rng.below(2) == 0 { "Ông" } else { "Bà" };
                yaml.push_str(&format!(
                    "      - {{ loai: ca_nhan, danh_xung: \"{title}\", ten: \"{}\", chuc_vu: \"Tổ trưởng\", don_vi: \"Tổ dân phố số \
                     {}, xã {}\" }}\n",
                    person(&mut rng),
                    k,
                    rng.pick(PLACES)
                ));
            }
        }
    }
    let path = dir.join(format!("sinh-{seed}.yaml"));
    std::fs::write(&path, yaml).unwrap();
    path
}
