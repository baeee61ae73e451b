//! Lists nobody has seen: seeded generated recipients laid out in the many
//! ways clerks lay them out (title rows, header words with or without
//! accents, an STT column, kind column or section rows, titles in the name
//! cell or their own column, shuffled and extra columns, numbering rows,
//! section words beside their numeral or merged across, group rows
//! ("A. KHỐI …"), subtotals, totals in several wordings and signature
//! blocks, trailing spaces, registers as text or formatted numbers), as
//! XLSX or CSV. Whatever the layout, the
//! recipients read are exactly those generated, in order, and the counts
//! `check` reports are theirs.

mod common;

use common::lists::{recipients, t, write_xlsx, Cell, Sheet};
use common::sample_with_list;
use unicode_normalization::UnicodeNormalization;

/// xorshift64*: enough to vary layouts reproducibly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
const MIDDLE: &[&str] = &["Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thu", "Ngọc"];
const GIVEN: &[&str] = &["An", "Bình", "Cường", "Dũng", "Hằng", "Hoa", "Khánh", "Lộc", "Phượng", "Tùng", "Ước"];
const UNITS: &[&str] = &["Công an phường", "Hội Cựu chiến binh xã", "Đội dân phòng phường", "Tổ tự quản thôn"];
const PLACES: &[&str] = &["Hạ Lý", "Minh Khai", "Trại Cau", "Đông Khê", "Lưu Kiếm", "An Hòa", "Cát Dài"];
const POSITIONS: &[&str] = &["Tổ trưởng tổ dân phố số 5", "Trưởng Công an xã", "Phó Chủ tịch Hội Phụ nữ"];
const TITLES: &[&str] = &["Ông", "Bà", "Đồng chí", "Đại tá", "Thiếu úy"];

#[derive(Debug, Clone)]
struct Recipient {
    collective: bool,
    title: Option<String>,
    name: String,
    position: Option<String>,
    unit: Option<String>,
    register: u32,
    /// The group row it is generated under ("A. KHỐI ĐỊA PHƯƠNG").
    group: Option<String>,
}

impl Recipient {
    fn expected(&self) -> String {
        let kind = if self.collective { "tap_the" } else { "ca_nhan" };
        let field = |f: &Option<String>| f.clone().unwrap_or_default();
        format!(
            "{kind}|{}|{}|{}|{}|{:04}",
            field(&self.title),
            self.name,
            field(&self.position),
            field(&self.unit),
            self.register
        )
    }
}

fn recipients_for(rng: &mut Rng) -> Vec<Recipient> {
    (0..1 + rng.below(25))
        .map(|i| {
            let collective = rng.chance(40);
            let place = rng.pick(PLACES).to_string();
            let name = if collective {
                format!("{} {place}", rng.pick(UNITS))
            } else {
                format!("{} {} {}", rng.pick(SURNAMES), rng.pick(MIDDLE), rng.pick(GIVEN))
            };
            Recipient {
                collective,
                title: (!collective && rng.chance(60)).then(|| rng.pick(TITLES).to_string()),
                name,
                position: (!collective && rng.chance(70)).then(|| rng.pick(POSITIONS).to_string()),
                unit: rng.chance(60).then(|| format!("phường {place}, quận Hồng Bàng")),
                register: 100 + i as u32,
                group: None,
            }
        })
        .collect()
}

fn without_accents(text: &str) -> String {
    text.replace('Đ', "D").replace('đ', "d").nfd().filter(|c| c.is_ascii()).collect()
}

/// The columns a layout has, in order.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Number,
    Kind,
    Title,
    Name,
    Position,
    Unit,
    Register,
    Extra(&'static str),
}

fn title_of(column: Column, rng: &mut Rng) -> String {
    let words: &[&str] = match column {
        Column::Number => &["STT", "TT", "Số TT"],
        Column::Kind => &["Loại", "loai", "Phân loại", "Đối tượng"],
        Column::Title => &["Danh xưng", "danh_xung", "Xưng hô"],
        Column::Name => &["Họ và tên", "Họ tên", "Tên tập thể, cá nhân", "Tên tập thể/cá nhân", "ten"],
        Column::Position => &["Chức vụ", "chuc_vu", "Chức danh"],
        Column::Unit => &["Đơn vị", "Đơn vị công tác", "don_vi", "Cơ quan, đơn vị"],
        Column::Register => &["Số sổ", "Số sổ vàng", "so_so", "Số vào sổ"],
        Column::Extra(title) => return title.to_string(),
    };
    let title = rng.pick(words).to_string();
    match rng.below(4) {
        0 => without_accents(&title),
        1 => title.to_uppercase(),
        _ => title,
    }
}

/// Merged areas: (first row, first column, last row, last column).
type Merges = Vec<(u32, u16, u32, u16)>;

/// One generated list: its rows (as an XLSX sheet would hold them), the
/// merged areas, and the recipients it must give.
fn layout(seed: u64, csv: bool) -> (Vec<Vec<Cell>>, Merges, Vec<Recipient>) {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut people = recipients_for(&mut rng);
    let people_len = people.len();
    let sections = rng.chance(50);
    if sections {
        people.sort_by_key(|p| !p.collective);
    }
    let title_in_name = rng.chance(50);
    let mut columns = vec![Column::Name, Column::Register];
    if rng.chance(80) {
        columns.push(Column::Position);
    }
    columns.push(Column::Unit);
    if !sections {
        columns.push(Column::Kind);
    }
    if !title_in_name {
        columns.push(Column::Title);
    }
    if rng.chance(40) {
        columns.push(Column::Extra("Ghi chú"));
    }
    for i in (1..columns.len()).rev() {
        columns.swap(i, rng.below(i + 1));
    }
    let numbered = rng.chance(60);
    if numbered {
        columns.insert(0, Column::Number);
    }
    if !columns.contains(&Column::Position) {
        for p in &mut people {
            p.position = None;
        }
    }
    let width = columns.len();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut merges = Vec::new();
    for title in ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "(Kèm theo Tờ trình số 15/TTr-CA)"].iter().take(rng.below(3))
    {
        if !csv && rng.chance(50) {
            merges.push((rows.len() as u32, 0, rows.len() as u32, width as u16 - 1));
        }
        rows.push(vec![t(title)]);
        if rng.chance(50) {
            rows.push(Vec::new());
        }
    }
    rows.push(columns.iter().map(|c| t(&title_of(*c, &mut rng))).collect());
    if rng.chance(30) {
        rows.push((1..=width).map(|n| t(&format!("({n})"))).collect());
    }
    let name_at = columns.iter().position(|c| *c == Column::Name).unwrap();
    let grouped = rng.chance(40);
    let collectives = people.iter().filter(|p| p.collective).count();
    let mut current = None;
    let mut number = 0;
    let mut group: Option<String> = None;
    let mut letter = 0u8;
    for person in &mut people {
        if sections && current != Some(person.collective) {
            group = None;
            letter = 0;
            if current.is_some() && rng.chance(50) {
                rows.push(vec![t(""); name_at].into_iter().chain([t(&format!("Cộng: {number}"))]).collect());
            }
            current = Some(person.collective);
            number = 0;
            let (roman, word) = if person.collective { ("I", "TẬP THỂ") } else { ("II", "CÁ NHÂN") };
            let count = if person.collective { collectives } else { people_len - collectives };
            let mut heading = vec![t(""); width];
            match rng.below(4) {
                0 if numbered => {
                    heading[0] = t(roman);
                    heading[name_at] = t(word);
                }
                // As Excel exports a merged section cell: the words in any
                // column beside the numeral.
                1 if numbered => {
                    heading[0] = t(roman);
                    heading[1 + rng.below(width - 1)] = t(&format!("{word} ({count})"));
                }
                2 if !csv && name_at + 1 < width => {
                    heading[name_at] = t(&format!("{roman}. {word} ({count})"));
                    merges.push((rows.len() as u32, name_at as u16, rows.len() as u32, width as u16 - 1));
                }
                _ => heading[name_at] = t(&format!("{roman}. {word}")),
            }
            rows.push(heading);
        }
        if grouped && (group.is_none() || rng.chance(20)) {
            const GROUPS: &[&str] =
                &["KHỐI CƠ QUAN TRUNG ƯƠNG", "KHỐI ĐỊA PHƯƠNG", "Khối các huyện", "CỤM THI ĐUA SỐ 3"];
            let words = rng.pick(GROUPS);
            let numeral = (b'A' + letter) as char;
            letter += 1;
            let mut heading = vec![t(""); width];
            if numbered && rng.chance(50) {
                heading[0] = t(&numeral.to_string());
                heading[name_at] = t(words);
            } else {
                heading[name_at] = t(&format!("{numeral}. {words}"));
            }
            if !csv && rng.chance(30) && name_at + 1 < width {
                merges.push((rows.len() as u32, name_at as u16, rows.len() as u32, width as u16 - 1));
            }
            rows.push(heading);
            group = Some(format!("{numeral}. {words}"));
        }
        person.group.clone_from(&group);
        number += 1;
        let cells = columns
            .iter()
            .map(|column| match column {
                Column::Number => t(&number.to_string()),
                Column::Kind => t(match (person.collective, rng.below(4)) {
                    (true, 0) => "Tập thể",
                    (true, 1) => "tap_the",
                    (true, 2) => "TẬP THỂ",
                    (true, _) => "Tap the",
                    (false, 0) => "Cá nhân",
                    (false, 1) => "ca_nhan",
                    (false, 2) => "CÁ NHÂN",
                    (false, _) => "Ca nhan",
                }),
                Column::Title => t(person.title.as_deref().unwrap_or("")),
                Column::Name => {
                    let spaces = if rng.chance(30) { "  " } else { "" };
                    match (&person.title, title_in_name) {
                        (Some(title), true) => t(&format!("{title} {}{spaces}", person.name)),
                        _ => t(&format!("{}{spaces}", person.name)),
                    }
                }
                Column::Position => t(person.position.as_deref().unwrap_or("")),
                Column::Unit => t(person.unit.as_deref().unwrap_or("")),
                Column::Register if !csv && rng.chance(50) => Cell::Number(person.register as f64, "0000"),
                Column::Register => t(&format!("{:04}", person.register)),
                Column::Extra(_) => t(if rng.chance(50) { "ghi chú" } else { "" }),
            })
            .collect();
        rows.push(cells);
        if rng.chance(10) {
            rows.push(Vec::new());
        }
    }
    if rng.chance(50) {
        let (c, n) = (collectives, people.len());
        let total = match rng.below(4) {
            0 => format!("Tổng cộng: {n} người"),
            1 => format!("Tổng cộng: {c} tập thể và {} cá nhân", n - c),
            2 => format!("Cộng: {c} tập thể, {} cá nhân", n - c),
            _ => format!("Tổng số: {n}, trong đó {c} tập thể và {} cá nhân", n - c),
        };
        let at = if rng.chance(50) { 0 } else { name_at };
        rows.push(vec![t(""); at].into_iter().chain([t(&total)]).collect());
        rows.push(vec![t(""), t("Hải Phòng, ngày 10 tháng 8 năm 2018")]);
        rows.push(vec![t("NGƯỜI LẬP BIỂU"), t(""), t("THỦ TRƯỞNG ĐƠN VỊ")]);
        rows.push(vec![t("Nguyễn Văn Lập"), t(""), t("Trần Văn Ký")]);
        rows.push(vec![t(""), t("Ghi chú: danh sách có 1 trang")]);
    }
    (rows, merges, people)
}

/// The rows as a CSV file, as Excel exports it.
fn csv_bytes(rows: &[Vec<Cell>], separator: char, bom: bool) -> Vec<u8> {
    let mut text = String::new();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in rows {
        let fields: Vec<String> = (0..width)
            .map(|i| match row.get(i) {
                Some(Cell::Text(s)) if s.contains(separator) || s.contains('"') => {
                    format!("\"{}\"", s.replace('"', "\"\""))
                }
                Some(Cell::Text(s)) => s.clone(),
                _ => String::new(),
            })
            .collect();
        text.push_str(&fields.join(&separator.to_string()));
        text.push_str("\r\n");
    }
    let mut bytes = if bom { b"\xef\xbb\xbf".to_vec() } else { Vec::new() };
    bytes.extend(text.as_bytes());
    bytes
}

#[test]
fn generated_lists_in_any_layout_give_exactly_their_recipients() {
    let mut grouped = 0;
    for seed in 1..=60u64 {
        let dir = tempfile::tempdir().unwrap();
        let csv = seed % 3 == 0;
        let (rows, merges, people) = layout(seed, csv);
        let file = if csv {
            let separator = if seed % 2 == 0 { ';' } else { ',' };
            std::fs::write(dir.path().join("ds.csv"), csv_bytes(&rows, separator, seed % 4 == 0)).unwrap();
            "ds.csv"
        } else {
            write_xlsx(&dir.path().join("ds.xlsx"), &[Sheet::new("Danh sách", rows.clone()).merged(&merges)]);
            "ds.xlsx"
        };
        let input = sample_with_list(dir.path(), file);
        let expected: Vec<String> = people.iter().map(Recipient::expected).collect();
        let read = recipients(&input, 0).unwrap_or_else(|problems| panic!("seed {seed}: {problems}\n{rows:#?}"));
        assert_eq!(read, expected, "seed {seed}: {rows:#?}");

        let (_, notes) = baocao::input::load_with_notes(&input).unwrap();
        let counts = notes.iter().find_map(|n| match &n.kind {
            baocao::diag::Kind::List(baocao::diag::ListKind::Read { collectives, individuals, .. }) => {
                Some((*collectives, *individuals))
            }
            _ => None,
        });
        let collectives = people.iter().filter(|p| p.collective).count();
        assert_eq!(counts, Some((collectives, people.len() - collectives)), "seed {seed}");
        let groups: Vec<Option<String>> =
            baocao::input::load(&input).unwrap().khen_thuong[0].danh_sach.iter().map(|r| r.nhom.clone()).collect();
        let expected: Vec<Option<String>> = people.iter().map(|p| p.group.clone()).collect();
        assert_eq!(groups, expected, "seed {seed}: {rows:#?}");
        grouped += usize::from(expected.iter().any(Option::is_some));
    }
    assert!(grouped >= 10, "group rows in {grouped} of 60 lists");
}
