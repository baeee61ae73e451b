//! The word list of capitalisation: bodies, kinds of body, fields, titles,
//! kinds of place and the names no rule derives, each as written in a
//! sentence (NĐ 30/2020, Phụ lục II).

/// Phrases written one way wherever they stand.
pub(super) const FIXED: &[(&str, &str)] = &[
    ("mặt trận tổ quốc việt nam", "Mặt trận Tổ quốc Việt Nam"),
    ("đảng cộng sản việt nam", "Đảng Cộng sản Việt Nam"),
    ("thành phố hồ chí minh", "Thành phố Hồ Chí Minh"),
    ("thủ đô hà nội", "Thủ đô Hà Nội"),
    ("hồ chí minh", "Hồ Chí Minh"),
    ("việt nam", "Việt Nam"),
    ("tổ quốc", "Tổ quốc"),
    // Part of a body's name wherever it stands ("Ban Dân vận Trung ương",
    // "Ủy ban Trung ương Mặt trận…"); "trực thuộc trung ương" after a kind
    // of place is lowered before this list is read.
    ("trung ương", "Trung ương"),
    ("chính phủ", "Chính phủ"),
    ("quốc hội", "Quốc hội"),
];

/// Bodies whose whole name is fixed; what follows is a place or another body.
pub(super) const BODIES: &[(&str, &str)] = &[
    ("ủy ban nhân dân", "Ủy ban nhân dân"),
    ("hội đồng nhân dân", "Hội đồng nhân dân"),
    ("tòa án nhân dân tối cao", "Tòa án nhân dân tối cao"),
    ("tòa án nhân dân", "Tòa án nhân dân"),
    ("viện kiểm sát nhân dân tối cao", "Viện Kiểm sát nhân dân tối cao"),
    ("viện kiểm sát nhân dân", "Viện Kiểm sát nhân dân"),
    ("công an nhân dân", "Công an nhân dân"),
    ("quân đội nhân dân", "Quân đội nhân dân"),
    ("công an", "Công an"),
    ("bộ đội biên phòng", "Bộ đội Biên phòng"),
    ("bộ chỉ huy quân sự", "Bộ Chỉ huy Quân sự"),
    ("bộ chỉ huy bộ đội biên phòng", "Bộ Chỉ huy Bộ đội Biên phòng"),
    ("ủy ban mặt trận tổ quốc việt nam", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("ban thường trực ủy ban mặt trận tổ quốc việt nam", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("hội liên hiệp phụ nữ việt nam", "Hội Liên hiệp Phụ nữ Việt Nam"),
    ("hội liên hiệp phụ nữ", "Hội Liên hiệp Phụ nữ"),
    ("hội cựu chiến binh việt nam", "Hội Cựu chiến binh Việt Nam"),
    ("hội cựu chiến binh", "Hội Cựu chiến binh"),
    ("hội nông dân việt nam", "Hội Nông dân Việt Nam"),
    ("hội nông dân", "Hội Nông dân"),
    ("đoàn thanh niên cộng sản hồ chí minh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("đoàn thanh niên", "Đoàn Thanh niên"),
    ("liên đoàn lao động", "Liên đoàn Lao động"),
    ("tổng liên đoàn lao động việt nam", "Tổng Liên đoàn Lao động Việt Nam"),
    ("ngân hàng nhà nước việt nam", "Ngân hàng Nhà nước Việt Nam"),
    ("văn phòng chủ tịch nước", "Văn phòng Chủ tịch nước"),
];

/// Bodies named after the kind of place they serve: "Thành ủy Hải Phòng".
pub(super) const PLACE_BODIES: &[(&str, &str)] = &[
    ("thành ủy", "Thành ủy"),
    ("tỉnh ủy", "Tỉnh ủy"),
    ("huyện ủy", "Huyện ủy"),
    ("quận ủy", "Quận ủy"),
    ("thị ủy", "Thị ủy"),
    ("đảng ủy", "Đảng ủy"),
];

/// Kinds of body followed by the body's function or field.
pub(super) const KINDS: &[(&str, &str)] = &[
    ("ban chấp hành", "Ban Chấp hành"),
    ("ban thường vụ", "Ban Thường vụ"),
    ("ban thường trực", "Ban Thường trực"),
    ("ủy ban", "Ủy ban"),
    ("hội đồng", "Hội đồng"),
    ("tổng cục", "Tổng cục"),
    ("chi cục", "Chi cục"),
    ("tổng công ty", "Tổng công ty"),
    ("công ty", "Công ty"),
    ("tập đoàn", "Tập đoàn"),
    ("ngân hàng", "Ngân hàng"),
    ("bệnh viện", "Bệnh viện"),
    ("học viện", "Học viện"),
    ("trung tâm", "Trung tâm"),
    ("văn phòng", "Văn phòng"),
    ("câu lạc bộ", "Câu lạc bộ"),
    ("liên đoàn", "Liên đoàn"),
    ("thanh tra", "Thanh tra"),
    ("ban", "Ban"),
    ("bộ", "Bộ"),
    ("sở", "Sở"),
    ("cục", "Cục"),
    ("vụ", "Vụ"),
    ("phòng", "Phòng"),
    ("viện", "Viện"),
    ("hội", "Hội"),
    ("đoàn", "Đoàn"),
    ("trường", "Trường"),
    ("đội", "Đội"),
    ("tổ", "Tổ"),
    ("đồn", "Đồn"),
    ("trạm", "Trạm"),
    ("trại", "Trại"),
];

/// Functions and fields the word list knows, as written after a kind.
pub(super) const FIELDS: &[(&str, &str)] = &[
    ("lao động - thương binh và xã hội", "Lao động - Thương binh và Xã hội"),
    ("văn hóa, thể thao và du lịch", "Văn hóa, Thể thao và Du lịch"),
    ("nông nghiệp và phát triển nông thôn", "Nông nghiệp và Phát triển nông thôn"),
    ("tài nguyên và môi trường", "Tài nguyên và Môi trường"),
    ("giáo dục và đào tạo", "Giáo dục và Đào tạo"),
    ("khoa học và công nghệ", "Khoa học và Công nghệ"),
    ("thông tin và truyền thông", "Thông tin và Truyền thông"),
    ("kế hoạch và đầu tư", "Kế hoạch và Đầu tư"),
    ("nông nghiệp và môi trường", "Nông nghiệp và Môi trường"),
    ("khoa học, công nghệ và môi trường", "Khoa học, Công nghệ và Môi trường"),
    ("giao thông vận tải", "Giao thông vận tải"),
    ("thi đua - khen thưởng", "Thi đua - Khen thưởng"),
    ("thi đua, khen thưởng", "Thi đua, Khen thưởng"),
    ("dân chủ - pháp luật", "Dân chủ - Pháp luật"),
    ("văn hóa - xã hội", "Văn hóa - Xã hội"),
    ("kinh tế - ngân sách", "Kinh tế - Ngân sách"),
    ("tổ chức cán bộ", "Tổ chức cán bộ"),
    ("tổ chức - xây dựng đảng", "Tổ chức - Xây dựng Đảng"),
    ("phong trào", "Phong trào"),
    ("xây dựng lực lượng", "Xây dựng lực lượng"),
    ("liên hiệp phụ nữ", "Liên hiệp Phụ nữ"),
    ("cựu chiến binh", "Cựu chiến binh"),
    ("thanh niên", "Thanh niên"),
    ("phụ nữ", "Phụ nữ"),
    ("nông dân", "Nông dân"),
    ("lao động", "Lao động"),
    ("nhà nước", "Nhà nước"),
    ("trung ương", "Trung ương"),
    ("chỉ đạo", "Chỉ đạo"),
    ("thường vụ", "Thường vụ"),
    ("thường trực", "Thường trực"),
    ("chấp hành", "Chấp hành"),
    ("dân vận", "Dân vận"),
    ("tuyên giáo", "Tuyên giáo"),
    ("tuyên huấn", "Tuyên huấn"),
    ("tổ chức", "Tổ chức"),
    ("kiểm tra", "Kiểm tra"),
    ("nội chính", "Nội chính"),
    ("pháp chế", "Pháp chế"),
    ("dân tộc", "Dân tộc"),
    ("kinh tế", "Kinh tế"),
    ("công an", "Công an"),
    ("tài chính", "Tài chính"),
    ("nội vụ", "Nội vụ"),
    ("tư pháp", "Tư pháp"),
    ("y tế", "Y tế"),
    ("ngoại giao", "Ngoại giao"),
    ("quốc phòng", "Quốc phòng"),
    ("công thương", "Công Thương"),
    ("xây dựng", "Xây dựng"),
    ("cảnh sát", "Cảnh sát"),
    ("an ninh", "An ninh"),
    ("tham mưu", "Tham mưu"),
    ("hậu cần", "Hậu cần"),
    ("dân phòng", "Dân phòng"),
    ("xã hội", "Xã hội"),
    ("mặt trận", "Mặt trận"),
];

/// Titles before a body, as written before a name.
pub(super) const TITLES: &[(&str, &str)] = &[
    ("phó chủ tịch thường trực", "Phó Chủ tịch Thường trực"),
    ("phó chủ tịch", "Phó Chủ tịch"),
    ("chủ tịch", "Chủ tịch"),
    ("phó giám đốc", "Phó Giám đốc"),
    ("tổng giám đốc", "Tổng Giám đốc"),
    ("giám đốc", "Giám đốc"),
    ("phó thủ tướng", "Phó Thủ tướng"),
    ("thủ tướng", "Thủ tướng"),
    ("bộ trưởng", "Bộ trưởng"),
    ("thứ trưởng", "Thứ trưởng"),
    ("tổng cục trưởng", "Tổng cục trưởng"),
    ("phó cục trưởng", "Phó Cục trưởng"),
    ("cục trưởng", "Cục trưởng"),
    ("vụ trưởng", "Vụ trưởng"),
    ("chánh văn phòng", "Chánh Văn phòng"),
    ("chánh thanh tra", "Chánh Thanh tra"),
    ("chánh án", "Chánh án"),
    ("viện trưởng", "Viện trưởng"),
    ("hiệu trưởng", "Hiệu trưởng"),
    ("thủ trưởng", "Thủ trưởng"),
    ("tư lệnh", "Tư lệnh"),
    ("chính ủy", "Chính ủy"),
    ("chỉ huy trưởng", "Chỉ huy trưởng"),
    ("phó bí thư", "Phó Bí thư"),
    ("bí thư", "Bí thư"),
    ("chủ nhiệm", "Chủ nhiệm"),
    ("phó trưởng", "Phó Trưởng"),
    ("trưởng", "Trưởng"),
];

/// Kinds of administrative unit and place: lower-case before a name.
pub(super) const PLACE_UNITS: &[&str] = &[
    "thành phố",
    "tỉnh",
    "quận",
    "huyện",
    "thị xã",
    "thị trấn",
    "xã",
    "phường",
    "đặc khu",
    "tổ dân phố",
    "khu phố",
    "thôn",
    "ấp",
];

/// Place names no rule derives from upper case.
pub(super) const PLACE_NAMES: &[(&str, &str)] = &[
    ("ia h'drai", "Ia H'Drai"),
    ("ea h'leo", "Ea H'leo"),
    ("cư m'gar", "Cư M'gar"),
    ("m'đrắk", "M'Đrắk"),
    ("ea kar", "Ea Kar"),
];

/// Words after a kind of place that are not a name ("thành phố trực thuộc
/// trung ương").
pub(super) const NOT_A_NAME: &[&str] = &["trực thuộc", "thuộc", "số", "các", "và"];

/// Family names: a place named like a person may take "Phường" capitalised
/// (Phụ lục II, III.1.b), which no rule can tell.
pub(super) const FAMILY_NAMES: &[&str] = &[
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô", "dương",
    "lý",
];

/// Abbreviations that happen to read as a syllable.
pub(super) const SYLLABLE_ACRONYMS: &[&str] = &["CA", "TP", "QĐ", "UB"];
