//! What the words in a list mean, whatever their accents and case: column
//! titles ("Họ và tên", "Ho ten", "ten" → the name), the recipient kind
//! ("Tập thể", "ca_nhan"), section rows ("II. CÁ NHÂN"), totals and the
//! signature block that end the table.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::input::model::LoaiNguoiNhan;

/// Lower case, no accents, `đ` → `d`, words separated by single spaces
/// (anything not a letter or digit separates): "Họ và tên (*)" → "ho va ten".
pub(super) fn fold(text: &str) -> String {
    let plain: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c if c.is_alphanumeric() => c.to_ascii_lowercase(),
            _ => ' ',
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Field {
    /// "STT": the row's number, not printed.
    Number,
    Kind,
    Name,
    Title,
    /// "Cấp bậc": printed before the name, with the title.
    Rank,
    Position,
    Unit,
    /// "Chức vụ, đơn vị" in one column: printed as typed, as the unit.
    PositionAndUnit,
    Register,
    Achievement,
    /// "Đơn vị đề nghị": who proposed the recipient.
    Proposer,
}

impl Field {
    /// The recipient key the column fills.
    pub(super) fn key(self) -> &'static str {
        match self {
            Field::Number => "",
            Field::Kind => "loai",
            Field::Name => "ten",
            Field::Title | Field::Rank => "danh_xung",
            Field::Position => "chuc_vu",
            Field::Unit | Field::PositionAndUnit => "don_vi",
            Field::Register => "so_so",
            Field::Achievement => "thanh_tich",
            Field::Proposer => "de_nghi",
        }
    }

    /// Columns that cannot both be in one table: those filling one key
    /// (a title and a rank column go together into `danh_xung`).
    pub(super) fn slot(self) -> &'static str {
        match self {
            Field::Rank => "cap_bac",
            Field::Number => "stt",
            other => other.key(),
        }
    }
}

/// The field a column title names, if any.
pub(super) fn field_of(title: &str) -> Option<Field> {
    let folded = fold(title);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    // "Họ và tên (1)": the column's number is not part of its title.
    while words.len() > 1 && words.last().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit())) {
        words.pop();
    }
    let joined = words.join(" ");
    let field = match joined.as_str() {
        "stt" | "tt" | "so tt" | "so thu tu" | "thu tu" => Field::Number,
        "loai"
        | "phan loai"
        | "doi tuong"
        | "loai doi tuong"
        | "loai nguoi nhan"
        | "tap the ca nhan"
        | "ca nhan tap the"
        | "tap the hay ca nhan"
        | "tap the hoac ca nhan" => Field::Kind,
        "danh xung" | "xung ho" | "ong ba" | "ong ba dong chi" => Field::Title,
        "so so" | "so so vang" | "so vao so" | "so vao so vang" | "so ghi so" | "so ghi so vang"
        | "so so khen thuong" | "so khen thuong" | "so trong so vang" => Field::Register,
        "thanh tich"
        | "thanh tich dat duoc"
        | "tom tat thanh tich"
        | "noi dung thanh tich"
        | "ly do khen"
        | "ly do khen thuong"
        | "thanh tich khen thuong" => Field::Achievement,
        "de nghi" | "de nghi cua" | "don vi de nghi" | "co quan de nghi" | "noi de nghi" | "nguoi de nghi" => {
            Field::Proposer
        }
        _ => return name_or_position(&words),
    };
    Some(field)
}

/// "Họ và tên", "Tên tập thể, cá nhân", "Chức vụ, đơn vị công tác", "Cấp bậc".
fn name_or_position(words: &[&str]) -> Option<Field> {
    const NAME_WORDS: &[&str] =
        &["ho", "va", "ten", "tap", "the", "ca", "nhan", "hoac", "don", "vi", "nguoi", "duoc", "khen", "thuong"];
    let starts_with_name =
        words.first() == Some(&"ten") || words.starts_with(&["ho", "ten"]) || words.starts_with(&["ho", "va", "ten"]);
    if starts_with_name && words.iter().all(|w| NAME_WORDS.contains(w)) {
        return Some(Field::Name);
    }
    const POSITION_WORDS: &[&str] = &[
        "chuc", "vu", "danh", "va", "don", "vi", "cong", "tac", "co", "quan", "noi", "cap", "bac", "ham", "hien", "nay",
    ];
    if words.is_empty() || !words.iter().all(|w| POSITION_WORDS.contains(w)) {
        return None;
    }
    let has = |pair: [&str; 2]| words.windows(2).any(|w| w == pair);
    let position = words.contains(&"chuc");
    let unit = words.contains(&"don") || has(["co", "quan"]) || words.contains(&"noi");
    let rank = has(["cap", "bac"]) || has(["quan", "ham"]) || has(["cap", "ham"]);
    match (position, unit, rank) {
        (true, true, _) => Some(Field::PositionAndUnit),
        (true, false, _) => Some(Field::Position),
        (false, true, _) => Some(Field::Unit),
        (false, false, true) => Some(Field::Rank),
        _ => None,
    }
}

/// "Tập thể", "tap_the", "CÁ NHÂN" → the kind.
pub(super) fn kind_of(text: &str) -> Option<LoaiNguoiNhan> {
    match fold(text).as_str() {
        "tap the" => Some(LoaiNguoiNhan::TapThe),
        "ca nhan" => Some(LoaiNguoiNhan::CaNhan),
        _ => None,
    }
}

/// Roman numerals and single letters that number sections: "I.", "b)".
fn is_numbering(word: &str) -> bool {
    const ROMAN: &[&str] = &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    ROMAN.contains(&word) || (word.len() == 1 && word.chars().all(|c| c.is_ascii_alphabetic()))
}

/// "I. TẬP THỂ", "II - Cá nhân (15)", "Khen thưởng tập thể" → the kind of
/// the rows below; a collective's own name ("Tập thể Phòng Cảnh sát…")
/// is not a section.
pub(super) fn section_kind(text: &str) -> Option<LoaiNguoiNhan> {
    const FILLER: &[&str] = &[
        "phan", "muc", "khen", "thuong", "danh", "sach", "de", "nghi", "cac", "doi", "voi", "cho", "duoc", "tang",
        "gom", "nguoi", "don", "vi",
    ];
    let folded = fold(text);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.first().is_some_and(|w| is_numbering(w) || w.chars().all(|c| c.is_ascii_digit())) && words.len() > 1 {
        words.remove(0);
    }
    let rest: Vec<&str> =
        words.into_iter().filter(|w| !FILLER.contains(w) && !w.chars().all(|c| c.is_ascii_digit())).collect();
    let pairs: Vec<String> = rest.chunks(2).map(|pair| pair.join(" ")).collect();
    if !rest.len().is_multiple_of(2) || pairs.is_empty() || pairs.iter().any(|p| p != &pairs[0]) {
        return None;
    }
    kind_of(&pairs[0])
}

/// "A. KHỐI CÔNG AN", "II. Các xã", "1. Khối tỉnh": a group heading's
/// numbering (a number only with "." or ")" after it: "19-5" is a name's).
pub(super) fn starts_with_numbering(text: &str) -> bool {
    let trimmed = text.trim_start();
    let head: String = trimmed.chars().take_while(|c| c.is_alphanumeric()).collect();
    let after = trimmed[head.len()..].chars().next();
    let digits = !head.is_empty() && head.len() <= 2 && head.chars().all(|c| c.is_ascii_digit());
    (!head.is_empty() && is_numbering(&head.to_lowercase()) && matches!(after, Some('.' | ')' | '-' | ':' | '/')))
        || (digits && matches!(after, Some('.' | ')')) && trimmed[head.len() + 1..].starts_with(' '))
}

/// "KHỐI CƠ QUAN TRUNG ƯƠNG", "CỤM THI ĐUA SỐ 3": a group's name in
/// capitals, starting with a word that names a group of units.
pub(super) fn is_group_label(text: &str) -> bool {
    const GROUP_WORDS: &[&str] = &["khoi", "cum", "nhom", "vung", "nganh", "cac"];
    let capitals = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').collect();
    // "KHU PHỐ 3" is a unit; "KHU VỰC MIỀN NÚI" a group.
    let group_word = match words.as_slice() {
        ["khu" | "linh", "vuc", _, ..] => true,
        [first, _, ..] => GROUP_WORDS.contains(first),
        _ => false,
    };
    capitals && group_word
}

/// How deep a group row's numbering sits: "I." (1) holds "A." (2), which
/// holds "1." (3), which holds "1.1." (4); a group in capitals without a
/// numbering sits as a lettered one.
pub(super) fn group_level(label: &str) -> u8 {
    let head = label.split([' ', ')', '-', ':']).next().unwrap_or("").trim_end_matches('.');
    if head.is_empty() {
        return 2;
    }
    if head.contains('.') && head.chars().all(|c| c.is_ascii_digit() || c == '.') {
        4
    } else if head.chars().all(|c| c.is_ascii_digit()) {
        3
    } else if head.len() > 1 && head.chars().all(|c| "IVXivx".contains(c)) || ["I", "V", "X"].contains(&head) {
        1
    } else {
        2
    }
}

/// A group row's label as the list prints it: its number (from the STT
/// column) before its words — "A" and "KHỐI CÔNG AN" → "A. KHỐI CÔNG AN".
pub(super) fn group_label(number: Option<&str>, words: Option<&str>) -> String {
    match (number, words) {
        (Some(number), Some(words)) if !starts_with_numbering(words) => {
            let dotted = number.ends_with(['.', ')', '-', ':']);
            format!("{number}{} {words}", if dotted { "" } else { "." })
        }
        (_, Some(words)) => words.to_string(),
        (Some(number), None) => number.to_string(),
        (None, None) => String::new(),
    }
}

/// How a row that is not a recipient ends or interrupts the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Closing {
    /// "Cộng: 12": a section's subtotal; the table goes on.
    Subtotal,
    /// "Tổng cộng", the signature block, a date line: the table is over.
    End,
}

/// Whether `text` is a total: "Tổng cộng: 68 tập thể và 40 cá nhân",
/// "Tổng số …" and "Cộng" counting both kinds end the table; "Cộng: 12"
/// closes a section.
pub(super) fn total(text: &str) -> Option<Closing> {
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').collect();
    let number_or_nothing = |i: usize| words.get(i).is_none_or(|w| w.chars().all(|c| c.is_ascii_digit()));
    const COUNTED: &[&str] = &[
        "tap", "the", "ca", "nhan", "nguoi", "don", "vi", "va", "trong", "do", "gom", "co", "la", "khen", "thuong",
        "de", "nghi", "duoc", "danh", "sach", "toan", "bo",
    ];
    let counted =
        |from: usize| words[from..].iter().all(|w| COUNTED.contains(w) || w.chars().all(|c| c.is_ascii_digit()));
    // A count of both kinds is the whole table's: "Cộng: 68 tập thể và 40 cá nhân".
    let both_kinds = folded.contains("tap the") && folded.contains("ca nhan");
    // "Tổng công ty …", "Công an …" are names, not totals.
    match words.as_slice() {
        ["tong", "cong", "ty" | "trinh" | "doan", ..] => None,
        ["tong", "cong" | "so", ..] => Some(Closing::End),
        ["tong", ..] if number_or_nothing(1) => Some(Closing::End),
        ["cong", ..] if both_kinds && counted(1) => Some(Closing::End),
        ["cong", ..] if number_or_nothing(1) || counted(1) => Some(Closing::Subtotal),
        _ => None,
    }
}

/// Whether a row starting with `text` closes a section or the table.
pub(super) fn closing(text: &str) -> Option<Closing> {
    if let Some(found) = total(text) {
        return Some(found);
    }
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').collect();
    match words.as_slice() {
        ["nguoi", "lap" | "duyet" | "ky" | "kiem", ..]
        | ["thu", "truong", ..]
        | ["xac", "nhan", ..]
        | ["noi", "nhan", ..]
        | ["phe", "duyet", ..]
        | ["duyet"]
        | ["ky", "ten" | "ghi" | "dong", ..] => Some(Closing::End),
        // Notes under the table: "Ghi chú: …", "Lưu ý: …", "(Ký, ghi rõ họ tên)".
        // (Only with its colon: a "Ghi chú" column's cell says "ghi chú".)
        ["ghi", "chu", _, ..] | ["luu", "y", _, ..] if text.contains(':') => Some(Closing::End),
        ["ky", ..] if text.trim_start().starts_with('(') => Some(Closing::End),
        ["tm" | "kt" | "tl" | "tuq", ..] if text.split_whitespace().next().is_some_and(|w| w.ends_with('.')) => {
            Some(Closing::End)
        }
        ["t", "m", ..] if text.contains('/') => Some(Closing::End),
        _ if words.contains(&"ngay") && words.contains(&"thang") && words.contains(&"nam") => Some(Closing::End),
        _ => None,
    }
}

/// Titles and ranks a clerk writes before a person's name, as printed.
const TITLES: &[&str] = &[
    "Đồng chí",
    "Đ/c",
    "Ông",
    "Bà",
    "Anh",
    "Chị",
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Đại uý",
    "Thượng úy",
    "Thượng uý",
    "Trung úy",
    "Trung uý",
    "Thiếu úy",
    "Thiếu uý",
    "Chuẩn úy",
    "Chuẩn uý",
    "Thượng sĩ",
    "Trung sĩ",
    "Hạ sĩ",
    "Binh nhất",
    "Binh nhì",
];

/// Splits the titles and ranks at the start of a person's name cell:
/// "Ông Nguyễn Văn An" → ("Ông", "Nguyễn Văn An"); "Đ/c Đại tá Lê B" →
/// ("Đồng chí Đại tá", "Lê B"). `None` when the name starts with none.
pub(super) fn split_title(name: &str) -> Option<(String, String)> {
    let mut rest = name.trim_start();
    let mut found: Vec<&str> = Vec::new();
    loop {
        // Titles are compared a character at a time, case aside: no copies.
        let same = |a: char, b: char| a == b || a.to_lowercase().eq(b.to_lowercase());
        let title = TITLES.iter().find(|title| {
            let mut chars = rest.chars();
            title.chars().all(|t| chars.next().is_some_and(|c| same(c, t))) && matches!(chars.next(), Some(' ' | '.'))
        });
        let Some(title) = title else { break };
        let head_len: usize = rest.chars().take(title.chars().count()).map(char::len_utf8).sum();
        rest = rest[head_len..].trim_start_matches(['.', ' ']);
        // The printed form: no abbreviations on a certificate.
        found.push(if *title == "Đ/c" { "Đồng chí" } else { title });
    }
    (!found.is_empty() && !rest.is_empty()).then(|| (found.join(" "), rest.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_whatever_their_accents_and_case() {
        for (title, field) in [
            ("STT", Field::Number),
            ("Số TT", Field::Number),
            ("Họ và tên", Field::Name),
            ("HO VA TEN", Field::Name),
            ("Họ tên", Field::Name),
            ("Tên tập thể/cá nhân", Field::Name),
            ("Tên tập thể, cá nhân được khen thưởng", Field::Name),
            ("ten", Field::Name),
            ("Loại", Field::Kind),
            ("loai", Field::Kind),
            ("danh_xung", Field::Title),
            ("Chức vụ", Field::Position),
            ("chuc_vu", Field::Position),
            ("Cấp bậc, chức vụ", Field::Position),
            ("Chức vụ, đơn vị", Field::PositionAndUnit),
            ("Chức vụ và đơn vị công tác", Field::PositionAndUnit),
            ("Đơn vị", Field::Unit),
            ("Đơn vị công tác", Field::Unit),
            ("Cơ quan, đơn vị", Field::Unit),
            ("Cấp bậc", Field::Rank),
            ("Số sổ", Field::Register),
            ("Số sổ vàng", Field::Register),
            ("so_so", Field::Register),
            ("Số vào sổ", Field::Register),
            ("Thành tích", Field::Achievement),
            ("Đơn vị đề nghị", Field::Proposer),
            ("de_nghi", Field::Proposer),
            ("Họ và tên (2)", Field::Name),
        ] {
            assert_eq!(field_of(title), Some(field), "{title}");
        }
        for other in
            ["Năm sinh", "Ghi chú", "Giới tính", "Quê quán", "Hình thức khen", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", ""]
        {
            assert_eq!(field_of(other), None, "{other}");
        }
    }

    #[test]
    fn kinds_and_sections() {
        assert_eq!(kind_of("Tập thể"), Some(LoaiNguoiNhan::TapThe));
        assert_eq!(kind_of("ca_nhan"), Some(LoaiNguoiNhan::CaNhan));
        assert_eq!(kind_of(" CÁ NHÂN "), Some(LoaiNguoiNhan::CaNhan));
        assert_eq!(kind_of("canhan"), None);
        for (text, kind) in [
            ("I. TẬP THỂ", Some(LoaiNguoiNhan::TapThe)),
            ("II - Cá nhân (15)", Some(LoaiNguoiNhan::CaNhan)),
            ("B. Khen thưởng cá nhân", Some(LoaiNguoiNhan::CaNhan)),
            ("TẬP THỂ: 12 tập thể", Some(LoaiNguoiNhan::TapThe)),
            ("I TẬP THỂ (68)", Some(LoaiNguoiNhan::TapThe)),
            ("II CÁ NHÂN (40 người)", Some(LoaiNguoiNhan::CaNhan)),
            ("TẬP THỂ (68 đơn vị)", Some(LoaiNguoiNhan::TapThe)),
            ("Tập thể Phòng Cảnh sát hình sự", None),
            ("DANH SÁCH TẬP THỂ, CÁ NHÂN", None),
            ("Công an quận Hồng Bàng", None),
        ] {
            assert_eq!(section_kind(text), kind, "{text}");
        }
        assert!(starts_with_numbering("A. KHỐI CÔNG AN"));
        assert!(starts_with_numbering("II) Các xã"));
        assert!(!starts_with_numbering("Công an phường Hạ Lý"));
        assert!(!starts_with_numbering("Anh. X"), "a word is no numbering");
        assert!(starts_with_numbering("1. KHỐI CÁC TỈNH"));
        assert!(starts_with_numbering("2) Các huyện"));
        assert!(!starts_with_numbering("19-5 Hội Cựu chiến binh"));
        assert!(!starts_with_numbering("3.5"));
        assert!(is_group_label("KHỐI CƠ QUAN TRUNG ƯƠNG"));
        assert!(is_group_label("CỤM THI ĐUA SỐ 3"));
        assert!(!is_group_label("Khối cơ quan"), "in capitals only");
        assert!(!is_group_label("CÔNG AN XÃ AN HÒA"), "a unit's name in capitals");
        assert!(!is_group_label("KHU PHỐ 3"), "a unit's name in capitals");
        assert!(is_group_label("KHU VỰC MIỀN NÚI"));
        assert_eq!(group_label(Some("A"), Some("KHỐI TỈNH")), "A. KHỐI TỈNH");
        let levels = ["II. KHỐI", "B. KHỐI", "KHỐI TỈNH", "2. Các bộ", "2) Các bộ", "2.1. Vụ"].map(group_level);
        assert_eq!(levels, [1, 2, 2, 3, 3, 4]);
        assert_eq!(group_label(Some("1."), Some("Các xã")), "1. Các xã");
        assert_eq!(group_label(Some("B"), Some("B. KHỐI HUYỆN")), "B. KHỐI HUYỆN");
        assert_eq!(group_label(Some("A. KHỐI TỈNH"), None), "A. KHỐI TỈNH");
    }

    #[test]
    fn totals_and_signature_blocks_close_the_table() {
        assert_eq!(closing("Tổng cộng"), Some(Closing::End));
        assert_eq!(closing("TỔNG CỘNG: 27"), Some(Closing::End));
        assert_eq!(closing("Tổng số: 27 người"), Some(Closing::End));
        assert_eq!(closing("Cộng: 12"), Some(Closing::Subtotal));
        assert_eq!(closing("Cộng 12 tập thể"), Some(Closing::Subtotal));
        assert_eq!(closing("NGƯỜI LẬP BIỂU"), Some(Closing::End));
        assert_eq!(closing("Hải Phòng, ngày 10 tháng 12 năm 2018"), Some(Closing::End));
        assert_eq!(closing("TM. ỦY BAN NHÂN DÂN"), Some(Closing::End));
        assert_eq!(closing("Công an phường Hạ Lý"), None);
        assert_eq!(closing("Công an quận Lê Chân"), None);
        assert_eq!(closing("Tống Văn Minh"), None);
        assert_eq!(closing("Tổng công ty Xây dựng Bạch Đằng"), None);
        assert_eq!(closing("Tổng đội Thanh niên xung phong"), None);
        for total in [
            "Tổng cộng: 68 tập thể và 40 cá nhân",
            "TỔNG CỘNG 108 (68 tập thể, 40 cá nhân)",
            "Tổng số: 108, trong đó 68 tập thể và 40 cá nhân",
            "Tổng số được khen: 108",
            "Cộng: 68 tập thể và 40 cá nhân",
            "Cộng 68 tập thể, 40 cá nhân",
        ] {
            assert_eq!(closing(total), Some(Closing::End), "{total}");
        }
        assert_eq!(closing("Cộng: 68 tập thể"), Some(Closing::Subtotal));
        for end in
            ["Ghi chú: danh sách có 5 trang", "Lưu ý: xem trang sau", "(Ký, ghi rõ họ tên)", "Người duyệt", "PHÊ DUYỆT"]
        {
            assert_eq!(closing(end), Some(Closing::End), "{end}");
        }
        assert_eq!(closing("Ký túc xá Mễ Trì"), None);
        assert_eq!(closing("ghi chú"), None, "a cell of a «Ghi chú» column");
        assert_eq!(closing("Cộng đồng dân cư thôn 3"), None);
        assert_eq!(closing("Tổng cục Hậu cần"), None);
    }

    #[test]
    fn titles_and_ranks_leave_the_name() {
        let split = |s: &str| split_title(s).map(|(t, n)| format!("{t}|{n}"));
        assert_eq!(split("Ông Nguyễn Văn An").as_deref(), Some("Ông|Nguyễn Văn An"));
        assert_eq!(split("bà Trần Thị Bình").as_deref(), Some("Bà|Trần Thị Bình"));
        assert_eq!(split("Đ/c Đại tá Lê Văn Cường").as_deref(), Some("Đồng chí Đại tá|Lê Văn Cường"));
        assert_eq!(split("Đồng chí Phạm Dung").as_deref(), Some("Đồng chí|Phạm Dung"));
        assert_eq!(split("Thượng úy Vũ Hà").as_deref(), Some("Thượng úy|Vũ Hà"));
        assert_eq!(split("Bàn Văn Ba"), None, "a name starting like a title");
        assert_eq!(split("Ông"), None, "a title alone is no name");
        assert_eq!(split("Nguyễn Văn Ông"), None);
    }
}
