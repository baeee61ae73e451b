//! A seeded generator of valid but demanding conferences: many metrics and
//! years, long agency and recipient names, long Kính gửi and Nơi nhận
//! lists, long narrative sections, one to three award groups. The same seed
//! always gives the same input.

use std::fmt::Write;

/// SplitMix64: small, seedable, good enough to pick words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(0x2545_F491_4F6C_DD1D))
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.range(0, items.len() - 1)]
    }
}

const PLACES: &[&str] = &[
    "quận Hồng Bàng, thành phố Hải Phòng",
    "huyện Đức Trọng, tỉnh Lâm Đồng",
    "thành phố Hải Phòng",
    "tỉnh Quảng Nam",
    "Thành phố Hồ Chí Minh",
    "tỉnh Bà Rịa - Vũng Tàu",
    "thị xã Kinh Môn, tỉnh Hải Dương",
    "huyện Thủy Nguyên",
    "tỉnh Thừa Thiên Huế",
    "phường Minh Khai, quận Hồng Bàng",
    "xã Lê Lợi, huyện An Dương",
    "quận Hồng Bàng",
];

const AGENCIES: &[&str] = &[
    "Ủy ban nhân dân",
    "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Công an",
    "Hội Liên hiệp Phụ nữ",
    "Ban Chỉ đạo phong trào toàn dân bảo vệ an ninh Tổ quốc",
    "Sở Giáo dục và Đào tạo",
    "Hội Cựu chiến binh",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Ủy ban MTTQ Việt Nam",
    "Ban Chỉ đạo 138",
];

const PARENTS: &[&str] = &[
    "UBND THÀNH PHỐ HẢI PHÒNG",
    "ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "BỘ CÔNG AN",
    "TỈNH ỦY QUẢNG NAM",
    "UBND QUẬN HỒNG BÀNG",
    "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU",
];

const CITIES: &[&str] =
    &["Hải Phòng", "Thành phố Hồ Chí Minh", "Quảng Nam", "Bà Rịa - Vũng Tàu", "Hà Nội", "Đức Trọng"];

const ADDRESSEES: &[&str] = &[
    "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc - Bộ Công an",
    "Thường trực Thành ủy, Hội đồng nhân dân, Ủy ban nhân dân thành phố",
    "Ban Dân vận Thành ủy",
    "Ủy ban nhân dân các quận, huyện, thị xã",
    "Công an tỉnh",
    "Các tổ chức chính trị - xã hội thành phố (để phối hợp thực hiện)",
    "Thường trực Thành ủy, UBND thành phố (để báo cáo)",
    "Cục V05 - Bộ Công an (để báo cáo)",
    "Ủy ban MTTQ Việt Nam các quận, huyện và thị xã trên địa bàn thành phố",
    "Đảng ủy Công an thành phố",
    "Các đồng chí Ủy viên Ban Thường trực",
];

const PEOPLE: &[&str] = &[
    "Nguyễn Văn An",
    "Trần Thị Ngọc Đẹp",
    "Lê Nguyên Trường",
    "Phạm Văn Dũng",
    "Hoàng Thị Thu Hằng",
    "Vũ Đức Nghĩa",
    "Đặng Thị Phượng",
    "Bùi Hữu Lộc",
    "Tôn Nữ Thị Khuê",
    "Nguyễn Hoàng Bảo Châu",
    "Lê Khắc Nam",
    "Cao Xuân Liên",
];

const SIGNING: &[&str] = &[
    "TM. BAN THƯỜNG TRỰC",
    "KT. GIÁM ĐỐC",
    "TM. ỦY BAN NHÂN DÂN",
    "",
    "TL. CHỦ TỊCH",
    "TM. BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM QUẬN HỒNG BÀNG",
    "KT. TRƯỞNG BAN CHỈ ĐẠO PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC",
];

const POSITIONS: &[&str] =
    &["PHÓ GIÁM ĐỐC", "CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "CHÁNH VĂN PHÒNG", "PHÓ TRƯỞNG BAN"];

const RANKS: &[&str] = &["Đại tá", "Thiếu tướng", "Trung tá"];

const METRICS: &[&str] = &[
    "Mô hình về bảo đảm ANTT do MTTQ các cấp xây dựng, nhân rộng",
    "Câu lạc bộ về bảo đảm ANTT",
    "Số vụ việc mâu thuẫn, tranh chấp trong nội bộ nhân dân được hòa giải thành công tại cơ sở",
    "Tin báo tố giác tội phạm",
    "Lượt người tham gia tuần tra",
    "Khu dân cư đạt tiêu chuẩn an toàn về an ninh, trật tự",
    "Người lầm lỗi được cảm hóa, giáo dục tại cộng đồng",
    "Kinh phí vận động",
    "Tỷ lệ hộ gia đình ký cam kết",
    "Vũ khí, vật liệu nổ, công cụ hỗ trợ vận động thu hồi",
    "Gương người tốt, việc tốt được biểu dương",
    "Buổi tuyên truyền",
    "Tổ tự quản",
    "Đối tượng truy nã đầu thú",
    "Camera an ninh lắp đặt tại khu dân cư",
];

const UNITS: &[&str] = &["mô hình", "CLB", "vụ", "lượt người", "tin", "%", "triệu đồng", "khu", "người", "buổi"];

const GROUPS: &[&str] = &["Xây dựng phong trào", "Phòng ngừa, đấu tranh với tội phạm", "Tuyên truyền, vận động"];

const SENTENCES: &[&str] = &[
    "Lực lượng Công an và Mặt trận Tổ quốc các cấp đã phối hợp chặt chẽ trong việc xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc",
    "Nhiều mô hình tự quản về an ninh, trật tự được nhân rộng, phát huy hiệu quả ở khu dân cư, cơ quan, doanh nghiệp và nhà trường",
    "Công tác tuyên truyền được đổi mới về nội dung và hình thức, phù hợp với từng đối tượng, địa bàn",
    "Việc sơ kết, tổng kết, khen thưởng được tiến hành kịp thời, đúng người, đúng thành tích",
    "Tuy nhiên, ở một số địa bàn việc phối hợp còn hình thức, chưa thường xuyên",
    "Một số mô hình hoạt động chưa hiệu quả, kinh phí bảo đảm còn hạn chế",
    "Trong giai đoạn tới, hai bên tiếp tục tăng cường phối hợp, xây dựng chương trình công tác cụ thể từng năm",
    "Đề nghị cấp trên quan tâm bố trí kinh phí, hướng dẫn nghiệp vụ cho lực lượng ở cơ sở",
    "Thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW, các đơn vị đã ban hành kế hoạch triển khai sát với tình hình thực tế",
    "Số vụ phạm pháp hình sự giảm rõ rệt, tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững",
    "Nhân dân tích cực cung cấp thông tin, tố giác tội phạm, tham gia giải quyết các vụ việc phức tạp ngay từ cơ sở",
    "Các tổ chức thành viên đã lồng ghép nội dung phong trào với cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”",
];

const COLLECTIVES: &[&str] = &[
    "Đội dân phòng phường Trại Cau, quận Lê Chân, thành phố Hải Phòng",
    "Công an quận Hồng Bàng",
    "Ban Công tác Mặt trận khu dân cư số 5, phường Minh Khai",
    "Tổ tự quản khu nhà trọ công nhân thôn Tràng Duệ, xã Lê Lợi, huyện An Dương",
    "Câu lạc bộ phòng, chống tội phạm phường Hạ Lý",
    "Hội Cựu chiến binh xã Quảng Thanh",
    "Đoàn Thanh niên Công an tỉnh Bà Rịa - Vũng Tàu",
];

const FAMILY: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const MIDDLE: &[&str] = &["Văn", "Thị", "Đức", "Ngọc", "Thanh", "Hữu"];
const GIVEN: &[&str] = &["An", "Bình", "Cường", "Dũng", "Hằng", "Khuê", "Lộc", "Nghĩa", "Phượng", "Tâm", "Ước"];

const JOBS: &[&str] = &[
    "Tổ trưởng tổ dân phố số 5",
    "Đội trưởng Đội dân phòng",
    "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường",
    "Cán bộ",
    "Trưởng Ban Công tác Mặt trận khu dân cư",
];

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n"))
}

fn upper(text: &str) -> String {
    text.to_uppercase()
}

/// A paragraph of `n` sentences.
fn paragraph(rng: &mut Rng, n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        if i > 0 {
            text.push(' ');
        }
        let sentence = rng.pick(SENTENCES);
        if rng.chance(8) {
            let _ = write!(text, "**{sentence}**.");
        } else {
            let _ = write!(text, "{sentence}.");
        }
    }
    text
}

/// One generated conference.
pub struct Conference {
    pub yaml: String,
    /// Years of the period (for `baocao summary`).
    pub from: i32,
    pub to: i32,
    /// Whether it has sub-units to summarise.
    pub has_units: bool,
    /// The decisions' authority lines (centred headings that keep with
    /// what follows).
    pub authorities: Vec<String>,
}

/// The input of case `seed`.
pub fn conference(seed: u64) -> Conference {
    let mut rng = Rng::new(seed);
    let mut y = String::from("phien_ban: 1\n");
    let place = rng.pick(PLACES);
    let agency = format!("{} {place}", rng.pick(AGENCIES));
    let city = rng.pick(CITIES);
    let from = 2010 + rng.range(0, 6) as i32;
    let years = rng.range(1, 11) as i32;
    let to = from + years;
    let report_year = to + rng.range(0, 1) as i32;

    let _ = writeln!(y, "van_ban:");
    let _ = writeln!(y, "  loai: {}", if rng.chance(50) { "so_ket" } else { "tong_ket" });
    let _ = writeln!(
        y,
        "  so_ky_hieu: {}",
        quoted(&format!(
            "{}/BC-{}",
            rng.range(1, 2999),
            rng.pick(&["MTTW-BTT", "UBND", "CAHP", "BCĐ138-VP", "CAT-PV05"])
        ))
    );
    let _ = writeln!(y, "  dia_danh: {}", quoted(city));
    let (month, day) = (rng.range(1, 12), rng.range(1, 28));
    // The award decisions are dated early in January (see `award_group`):
    // a report cites only decisions made before it.
    let day = if month == 1 { day.max(15) } else { day };
    let _ = writeln!(y, "  ngay: {report_year}-{month:02}-{day:02}");
    let addressees = rng.range(0, 6);
    if addressees > 0 {
        let _ = writeln!(y, "  kinh_gui:");
        for i in 0..addressees {
            let _ = writeln!(
                y,
                "    - {}",
                quoted(&format!("{}{}", ADDRESSEES[(seed as usize + i) % ADDRESSEES.len()], ""))
            );
        }
    }
    let _ = writeln!(y, "  noi_nhan:");
    let recipients = rng.range(2, 14);
    for i in 0..recipients {
        let item =
            if i + 1 == recipients { "Lưu: VT, PV05" } else { ADDRESSEES[(seed as usize * 7 + i) % ADDRESSEES.len()] };
        let _ = writeln!(y, "    - {}", quoted(item));
    }

    let _ = writeln!(y, "co_quan:");
    if rng.chance(70) {
        let _ = writeln!(y, "  chu_quan: {}", quoted(rng.pick(PARENTS)));
    }
    let _ = writeln!(y, "  ten: {}", quoted(&upper(&agency)));
    let _ = writeln!(y, "  viet_tat: \"BTT\"");
    signer(&mut y, &mut rng, "nguoi_ky:", "  ");

    let _ = writeln!(y, "chuong_trinh:");
    let _ = writeln!(y, "  so: {}", quoted(&format!("{:02}/CTr-BCA-MTTW", rng.range(1, 99))));
    let _ = writeln!(y, "  ngay: {from}-03-02");
    let _ = writeln!(y, "  ten: {}", quoted(rng.pick(&["Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới", "Phối hợp xây dựng khu dân cư an toàn", "Vận động toàn dân tham gia phòng ngừa, phát hiện, tố giác tội phạm, cảm hóa, giáo dục, cải tạo người phạm tội tại gia đình, cộng đồng dân cư"])));
    let _ = writeln!(y, "  cac_ben: [{}, {}]", quoted("Bộ Công an"), quoted("Ủy ban Trung ương MTTQ Việt Nam"));
    let _ = writeln!(y, "giai_doan: {{ tu: {from}, den: {to} }}");

    // Metrics: some by year, some as totals only.
    let metrics = rng.range(1, 15);
    let grouped = rng.chance(40);
    let mut by_year = Vec::new();
    let _ = writeln!(y, "chi_tieu:");
    for m in 0..metrics {
        let name = METRICS[(m + seed as usize) % METRICS.len()];
        let mut line = format!("  - {{ ma: m{m}, ten: {}", quoted(name));
        if rng.chance(85) {
            let unit = rng.pick(UNITS);
            let _ = write!(line, ", don_vi: {}", quoted(unit));
            if unit == "%" {
                // A rate is never added up: the schema wants its rule.
                line.push_str(", cach_tinh: trung_binh");
            }
        }
        if grouped {
            let _ = write!(line, ", nhom: {}", quoted(GROUPS[m * GROUPS.len() / metrics]));
        }
        let _ = writeln!(y, "{line} }}");
        by_year.push(rng.chance(75));
    }
    let value = |rng: &mut Rng| -> String {
        match rng.range(0, 4) {
            0 => rng.range(0, 99).to_string(),
            1 => rng.range(100, 99_999).to_string(),
            2 => rng.range(100_000, 9_999_999).to_string(),
            3 => format!("{}.{}", rng.range(0, 999), rng.range(1, 9)),
            _ => rng.range(1000, 999_999).to_string(),
        }
    };
    let totals: Vec<usize> = (0..metrics).filter(|m| !by_year[*m]).collect();
    if !totals.is_empty() {
        let _ = writeln!(y, "tong_hop:");
        for m in totals {
            let _ = writeln!(y, "  m{m}: {}", value(&mut rng));
        }
    }
    if by_year.iter().any(|b| *b) {
        let _ = writeln!(y, "ket_qua_nam:");
        for year in from..=to {
            let mut line = format!("  - {{ nam: {year}");
            for m in (0..metrics).filter(|m| by_year[*m]) {
                let _ = write!(line, ", m{m}: {}", value(&mut rng));
            }
            let _ = writeln!(y, "{line} }}");
        }
    }
    let units = if rng.chance(50) { rng.range(2, 9) } else { 0 };
    if units > 0 {
        let _ = writeln!(y, "don_vi_con:");
        for u in 0..units {
            let _ = writeln!(y, "  - ten: {}", quoted(COLLECTIVES[(u + seed as usize) % COLLECTIVES.len()]));
            let _ = writeln!(y, "    ket_qua_nam:");
            for year in from..=to {
                let mut line = format!("      - {{ nam: {year}");
                for m in (0..metrics).filter(|m| by_year[*m]) {
                    let _ = write!(line, ", m{m}: {}", rng.range(0, 99_999));
                }
                let _ = writeln!(y, "{line} }}");
            }
        }
    }

    let _ = writeln!(y, "noi_dung:");
    for section in
        ["tinh_hinh", "lanh_dao_chi_dao", "ket_qua", "han_che", "nguyen_nhan", "bai_hoc", "phuong_huong", "de_xuat"]
    {
        if !rng.chance(70) {
            continue;
        }
        let paragraphs: Vec<String> = (0..rng.range(1, 5))
            .map(|_| {
                let n = if rng.chance(20) { rng.range(6, 12) } else { rng.range(1, 4) };
                paragraph(&mut rng, n)
            })
            .collect();
        let _ = writeln!(y, "  {section}: {}", quoted(&paragraphs.join("\n\n")));
    }

    let groups = rng.range(1, 3);
    let _ = writeln!(y, "khen_thuong:");
    let authorities = (0..groups).map(|g| award_group(&mut y, &mut rng, g, place, city, report_year)).collect();
    Conference { yaml: y, from, to, has_units: units > 0, authorities }
}

fn signer(y: &mut String, rng: &mut Rng, key: &str, indent: &str) {
    let _ = writeln!(y, "{key}");
    let _ = writeln!(y, "{indent}the_thuc: {}", quoted(rng.pick(SIGNING)));
    let _ = writeln!(y, "{indent}chuc_vu: {}", quoted(rng.pick(POSITIONS)));
    if rng.chance(40) {
        let _ = writeln!(y, "{indent}cap_bac: {}", quoted(rng.pick(RANKS)));
    }
    let _ = writeln!(y, "{indent}ho_ten: {}", quoted(rng.pick(PEOPLE)));
}

/// Writes award group `index`; returns its authority, as the decision prints it.
fn award_group(y: &mut String, rng: &mut Rng, index: usize, place: &str, city: &str, report_year: i32) -> String {
    let _ = writeln!(y, "  - hinh_thuc: {}", if rng.chance(50) { "bang_khen" } else { "giay_khen" });
    let authority =
        upper(&format!("Chủ tịch {} {place}", rng.pick(&["Ủy ban nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam"])));
    let _ = writeln!(y, "    cap_khen: {}", quoted(&authority));
    let _ = writeln!(y, "    co_quan: {}", quoted(&upper(&format!("{} {place}", rng.pick(AGENCIES)))));
    if rng.chance(50) {
        let _ = writeln!(y, "    co_quan_chu_quan: {}", quoted(rng.pick(PARENTS)));
    }
    let _ = writeln!(y, "    dia_danh: {}", quoted(city));
    let _ = writeln!(y, "    quyet_dinh:");
    let _ = writeln!(
        y,
        "      so: {}",
        quoted(&format!("{}/QĐ-{}", rng.range(1, 9999), rng.pick(&["UBND", "MTTW-BTT", "CAHP"])))
    );
    let _ = writeln!(y, "      ngay: {report_year}-01-{:02}", index + 2);
    if rng.chance(40) {
        let _ = writeln!(y, "      can_cu:");
        for _ in 0..rng.range(1, 5) {
            let _ = writeln!(y, "        - {}", quoted(rng.pick(&["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", "Căn cứ Quyết định số 1234/QĐ-MTTW-BTT ngày 02 tháng 01 năm 2020 của Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam ban hành Quy chế thi đua, khen thưởng"])));
        }
    }
    if rng.chance(60) {
        let _ = writeln!(
            y,
            "      de_nghi: {}",
            quoted("Chánh Văn phòng Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam")
        );
    }
    if rng.chance(40) {
        let _ = writeln!(y, "      noi_nhan:");
        for i in 0..rng.range(2, 8) {
            let _ = writeln!(y, "        - {}", quoted(ADDRESSEES[(i * 5 + index) % ADDRESSEES.len()]));
        }
    }
    signer(y, rng, "    nguoi_ky:", "      ");
    let _ = writeln!(y, "    thanh_tich: {}", quoted(rng.pick(&["Đã có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc", "Đã có thành tích xuất sắc trong 5 năm thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW về “Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới”, giai đoạn 2013 - 2018"])));
    let _ = writeln!(y, "    kho_giay: {}", rng.pick(&["a3", "400x300", "a4"]));
    let _ = writeln!(y, "    danh_sach:");
    let count = rng.range(2, 40);
    for i in 0..count {
        if rng.chance(35) {
            let name = format!("{} số {}", COLLECTIVES[rng.range(0, COLLECTIVES.len() - 1)], i + 1);
            let _ = writeln!(y, "      - {{ loai: tap_the, ten: {}, so_so: \"{:04}\" }}", quoted(&name), i + 1);
        } else {
            // Family, middle and given names by position: unique in the group.
            let name = format!(
                "{} {} {}",
                FAMILY[i % FAMILY.len()],
                MIDDLE[i / FAMILY.len() % MIDDLE.len()],
                GIVEN[(i + index) % GIVEN.len()]
            );
            let unit = PLACES[rng.range(0, PLACES.len() - 1)];
            let title = if name.contains(" Thị ") { "Bà" } else { "Ông" };
            let _ = writeln!(
                y,
                "      - {{ loai: ca_nhan, danh_xung: {}, ten: {}, chuc_vu: {}, don_vi: {} }}",
                quoted(title),
                quoted(&name),
                quoted(rng.pick(JOBS)),
                quoted(unit)
            );
        }
    }
    authority
}
