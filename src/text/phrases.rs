//! The phrases line breaking reads Vietnamese titles and names by: words
//! and names never split, administrative levels, ranks and institutions
//! that open a name, the words a new part of a title opens with, and the
//! signing forms bound to the word after them.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Syllables that make one word or one name in the titles these papers
/// print, comma-separated: a line never breaks inside them.
pub(super) const WORDS: &str = "ủy ban nhân dân, hội đồng nhân dân, mặt trận tổ quốc, tổ quốc việt nam, hồ chí minh, \
    cựu chiến binh, câu lạc bộ, tổ dân phố, khu dân cư, liên hiệp phụ nữ, ban thường trực, \
    thừa thiên huế, bà rịa - vũng tàu, xã hội chủ nghĩa, ủy ban, nhân dân, mặt trận, tổ quốc, việt nam, \
    trung ương, thường trực, thành phố, thị xã, thị trấn, chủ tịch, giám đốc, công an, an ninh, bảo vệ, \
    phong trào, toàn dân, chỉ đạo, lãnh đạo, hội đồng, liên hiệp, phụ nữ, cựu chiến, chiến binh, \
    thanh niên, cộng sản, hồ chí, chí minh, giáo dục, đào tạo, văn phòng, trật tự, xã hội, an toàn, \
    chính trị, tổ chức, thành viên, cơ quan, đơn vị, thi đua, khen thưởng, bằng khen, giấy khen, \
    quyết định, kèm theo, tập thể, cá nhân, danh sách, chương trình, phối hợp, tình hình, thực hiện, \
    kết quả, giai đoạn, nội vụ, tư pháp, tài chính, kế hoạch, đầu tư, y tế, văn hóa, thể thao, du lịch, \
    lao động, thương binh, nông nghiệp, phát triển, nông thôn, công thương, xây dựng, giao thông, \
    vận tải, tài nguyên, môi trường, thông tin, truyền thông, khoa học, công nghệ, dân tộc, tôn giáo, \
    thanh tra, quân sự, biên phòng, dân vận, tuyên giáo, kiểm tra, nông dân, công đoàn, liên đoàn, \
    tự quản, dân cư, dân phố, dân phòng, câu lạc, lạc bộ, tội phạm, phòng chống, phòng ngừa, tố giác, \
    thành ủy, tỉnh ủy, huyện ủy, quận ủy, đảng ủy, ban hành, báo cáo, đề nghị, tổng kết, sơ kết, \
    cảnh sát, quân đội, biểu dương, thanh thiếu, thiếu niên, nhi đồng, hành chính, cán bộ, chiến sĩ, \
    doanh nghiệp, trường học, gia đình, cộng đồng, đoàn thể, điều hành, phụ trách, thủ trưởng, \
    trưởng ban, trưởng phòng, chánh văn, hải phòng, hà nội, đà nẵng, cần thơ, quảng nam, hồng bàng, \
    lê chân, bà rịa, vũng tàu, thừa thiên, thiên huế, lâm đồng, hải dương, thủy nguyên, kinh môn, \
    đức trọng, an dương, minh khai, thành tích, xuất sắc, điển hình, tiên tiến, tiêu biểu, gương mẫu, \
    hoàn thành, nhiệm vụ, đồng chí, đại học, quốc gia, đại học quốc gia, tự nhiên, khoa học tự nhiên, \
    học viện, cao đẳng, trung học, tiểu học, mầm non, bệnh viện, công an nhân dân, quân đội nhân dân, an ninh tổ quốc, an ninh trật tự, bảo vệ an ninh tổ quốc, \
    toàn dân bảo vệ, thiếu niên tiền phong, tiền phong, sinh viên, học sinh, vận động, tuyên truyền, \
    đại tướng, thượng tướng, trung tướng, thiếu tướng, đại tá, thượng tá, trung tá, thiếu tá, \
    đại úy, thượng úy, trung úy, thiếu úy, thượng sĩ, trung sĩ, hạ sĩ, \
    ủy ban mặt trận tổ quốc, ủy ban mặt trận tổ quốc việt nam, mặt trận tổ quốc việt nam, ủy ban mttq, ủy ban mttq việt nam, mttq việt nam, \
    ủy ban trung ương, ban thường vụ, ban chấp hành, ban chấp hành trung ương, ban chỉ đạo, \
    ban công tác mặt trận, ban tuyên giáo, ban dân vận, ban tuyên giáo và dân vận";

/// Administrative levels: the name after one runs to a comma, a dash or
/// the end, and is never split, nor parted from its level.
pub(super) const LEVELS: &[&str] = &[
    "thành phố",
    "tỉnh",
    "quận",
    "huyện",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    // Below the commune: the village and its like name a place too
    // ("buôn Ko Tam", "thôn Đông", "xóm 3").
    "thôn",
    "xóm",
    "ấp",
    "buôn",
    "bản",
    "sóc",
    "khu phố",
];

/// Words that open a new body or part of a name: a good place to break before.
pub(super) const OPENERS: &[&str] = &[
    "ủy",
    "ban",
    "hội",
    "sở",
    "phòng",
    "cục",
    "vụ",
    "đoàn",
    "công an",
    "bộ",
    "mặt trận",
    "trung tâm",
    "đảng",
    "và",
    "của",
    "về",
    "cho",
    "tại",
    "trong",
    "kèm",
    "năm",
    "ngày",
    "giai",
];

/// Signing forms and prefixes that bind to the word after them.
pub(super) const BINDERS: &[&str] = &["tm.", "kt.", "tl.", "tuq.", "q.", "phó", "số", "số:", "gửi:", "-", "–"];

/// The phrases of a list, split into syllables and indexed by their first.
pub(super) struct Phrases(HashMap<&'static str, Vec<Vec<&'static str>>>);

impl Phrases {
    fn new(phrases: impl IntoIterator<Item = &'static str>) -> Phrases {
        let mut index: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::new();
        for phrase in phrases {
            let syllables: Vec<&'static str> = phrase.split(' ').collect();
            index.entry(syllables[0]).or_default().push(syllables);
        }
        Phrases(index)
    }

    /// The longest phrase `lower` starts with at `i`, in syllables.
    pub(super) fn at(&self, lower: &[String], i: usize) -> Option<usize> {
        let candidates = self.0.get(lower.get(i)?.as_str())?;
        candidates
            .iter()
            .filter(|phrase| phrase.iter().enumerate().all(|(k, s)| lower.get(i + k).is_some_and(|w| w == s)))
            .map(Vec::len)
            .max()
    }

    /// Every phrase `lower` starts with at `i`, by length.
    pub(super) fn all_at<'p>(&'p self, lower: &'p [String], i: usize) -> impl Iterator<Item = usize> + 'p {
        self.0.get(lower[i].as_str()).into_iter().flatten().filter_map(move |phrase| {
            let matches = phrase.iter().enumerate().all(|(k, s)| lower.get(i + k).is_some_and(|w| w == s));
            matches.then_some(phrase.len())
        })
    }
}

pub(super) static WORD_LIST: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(WORDS.split(", ")));
pub(super) static LEVEL_LIST: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(LEVELS.iter().copied()));
pub(super) static OPENER_LIST: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(OPENERS.iter().copied()));

/// Words that open a personal or place name that runs on after them (a
/// rank and the name it is followed by, an institution and its place): the
/// opener and its name are never parted.
pub(super) const NAMED: &[&str] = &[
    "đại tướng",
    "thượng tướng",
    "trung tướng",
    "thiếu tướng",
    "đại tá",
    "thượng tá",
    "trung tá",
    "thiếu tá",
    "đại úy",
    "thượng úy",
    "trung úy",
    "thiếu úy",
    "thượng sĩ",
    "trung sĩ",
    "hạ sĩ",
    "binh nhất",
    "binh nhì",
    "đồng chí",
    "ông",
    "bà",
    "đại học quốc gia",
];

/// Openers of [`NAMED`] whose name may itself hold a level ("Đại học Quốc
/// gia Thành phố Hồ Chí Minh"): another level does not end their name.
pub(super) const INSTITUTIONS: &[&str] = &["đại học quốc gia"];

pub(super) static NAMED_LIST: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(NAMED.iter().copied()));
