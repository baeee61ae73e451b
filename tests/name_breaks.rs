//! Names are never broken inside, and the attached list's columns follow
//! their content: seeded generated lists of long unit names with "Hồ Chí
//! Minh", "Phường 15", places after their level and ranks before a name,
//! built by the real binary and read back from pdftotext's word boxes.
//!
//! - no line of the list, the decision or a certificate ends inside a
//!   protected name while the next line of the same cell or box goes on
//!   with it;
//! - no word of a name is cut (no column narrower than its longest word);
//! - a collective's name that fits beside the other columns is one line.

#[path = "common/mod.rs"]
mod common;

use std::fmt::Write;

use common::*;

/// Phrases a line never breaks inside.
const PROTECTED: &[&str] = &[
    "Hồ Chí Minh",
    "Thành phố Hồ Chí Minh",
    "Phường 15",
    "quận Gò Vấp",
    "xã Lê Lợi",
    "quận Hồng Bàng",
    "tỉnh Quảng Nam",
    "huyện An Dương",
    "Tổ quốc",
    "Công an",
    "Thiếu tướng Vạn Thành Huy",
    "Đại tá Lê Nguyên Trường",
    "Đại học Quốc gia Hà Nội",
    "Đại học",
];

const COLLECTIVES: &[&str] = &[
    "Công an Phường 15, quận Gò Vấp, Thành phố Hồ Chí Minh",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Lê Lợi, huyện An Dương",
    "Ban Chỉ đạo phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Quảng Nam",
    "Khoa Vật lý, Trường Đại học Khoa học Tự nhiên, Đại học Quốc gia Hà Nội",
    "Tổ tự quản khu nhà trọ công nhân thôn Tràng Duệ, xã Lê Lợi, huyện An Dương",
    "Công an quận Hồng Bàng",
    "Hội Cựu chiến binh Phường 15, quận Gò Vấp",
    "Đội dân phòng Phường 15",
];

const INDIVIDUALS: &[(&str, &str, &str, &str)] = &[
    ("Thiếu tướng", "Vạn Thành Huy", "Giám đốc Công an thành phố Hải Phòng", "Công an thành phố Hải Phòng"),
    ("Đại tá", "Lê Nguyên Trường", "Phó Giám đốc Công an tỉnh Quảng Nam", "Công an tỉnh Quảng Nam"),
    ("Ông", "Nguyễn Hoàng Bảo Châu", "Tổ trưởng tổ dân phố số 5", "Phường 15, quận Gò Vấp, Thành phố Hồ Chí Minh"),
    ("Bà", "Tôn Nữ Thị Khuê", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam", "xã Lê Lợi, huyện An Dương"),
    ("Ông", "Phạm Văn Dũng", "Giảng viên", "Trường Đại học Khoa học Tự nhiên, Đại học Quốc gia Hà Nội"),
];

/// SplitMix64, to pick the list of each seed.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The sample input's first part with one award group of generated names.
fn input(seed: u64) -> (String, Vec<String>) {
    let sample = std::fs::read_to_string(sample_input()).unwrap();
    let head = &sample[..sample.find("khen_thuong:").expect("the sample has awards")];
    let mut y = head.to_string();
    let mut state = seed;
    let mut collectives = Vec::new();
    let _ =
        writeln!(y, "khen_thuong:\n  - hinh_thuc: giay_khen\n    cap_khen: \"GIÁM ĐỐC CÔNG AN THÀNH PHỐ HẢI PHÒNG\"");
    let _ = writeln!(y, "    co_quan: \"CÔNG AN THÀNH PHỐ HẢI PHÒNG\"\n    dia_danh: \"Hải Phòng\"");
    let _ = writeln!(y, "    quyet_dinh: {{ so: \"1789/QĐ-CAHP\", ngay: 2018-08-16 }}");
    let _ =
        writeln!(y, "    nguoi_ky: {{ chuc_vu: \"GIÁM ĐỐC\", cap_bac: \"Thiếu tướng\", ho_ten: \"Vạn Thành Huy\" }}");
    let _ =
        writeln!(y, "    thanh_tich: \"Đã có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc\"");
    let _ = writeln!(y, "    danh_sach:");
    for i in 0..(6 + next(&mut state) % 8) {
        let name = COLLECTIVES[(next(&mut state) % COLLECTIVES.len() as u64) as usize];
        let name = if i > 0 && next(&mut state).is_multiple_of(2) {
            format!("{name} (đơn vị {i})")
        } else {
            name.to_string()
        };
        let _ = writeln!(y, "      - {{ loai: tap_the, ten: \"{name}\", so_so: \"{}\" }}", i + 1);
        collectives.push(name);
    }
    for (i, (title, name, job, unit)) in INDIVIDUALS.iter().enumerate() {
        let _ = writeln!(
            y,
            "      - {{ loai: ca_nhan, danh_xung: \"{title}\", ten: \"{name}\", chuc_vu: \"{job}\", don_vi: \"{unit}\", so_so: \"{:04}\" }}",
            100 + i
        );
    }
    (y, collectives)
}

/// A line of a page as pdftotext's word boxes give it: (x of its first
/// word, y, words), split where a gap between words is wider than a
/// space (another column).
fn cell_lines(pdf: &std::path::Path) -> Vec<Vec<(f32, f32, Vec<String>)>> {
    let xml = stdout_of("pdftotext", &["-bbox-layout", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let mut pages = Vec::new();
    for page in xml.split("<page ").skip(1) {
        let mut lines = Vec::new();
        for line in page.split("<line ").skip(1) {
            let mut words: Vec<(f32, f32, f32, String)> = Vec::new();
            for word in line.split("<word ").skip(1) {
                let (tag, rest) = word.split_once('>').unwrap();
                let text = rest.split("</word>").next().unwrap().replace("&amp;", "&");
                words.push((attr(tag, "xMin"), attr(tag, "xMax"), attr(tag, "yMax"), text));
            }
            let mut segment: Vec<(f32, f32, f32, String)> = Vec::new();
            for word in words {
                if segment.last().is_some_and(|last| word.0 - last.1 > 6.0) {
                    let first = &segment[0];
                    lines.push((first.0, first.2, segment.iter().map(|w| w.3.clone()).collect()));
                    segment.clear();
                }
                segment.push(word);
            }
            if let Some(first) = segment.first() {
                lines.push((first.0, first.2, segment.iter().map(|w| w.3.clone()).collect()));
            }
        }
        pages.push(lines);
    }
    pages
}

/// Breaks inside a protected phrase: a line ending with the phrase's first
/// words and the next line of the same column (same left edge, just
/// below) going on with the rest.
fn broken_names(pages: &[Vec<(f32, f32, Vec<String>)>]) -> Vec<String> {
    let mut found = Vec::new();
    for lines in pages {
        for (x, y, words) in lines {
            let below = lines
                .iter()
                .filter(|(x2, y2, _)| (x2 - x).abs() < 1.0 && *y2 > y + 1.0 && *y2 < y + 22.0)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            let Some((_, _, next)) = below else { continue };
            for phrase in PROTECTED {
                let parts: Vec<&str> = phrase.split(' ').collect();
                for cut in 1..parts.len() {
                    let ends = words.len() >= cut && words[words.len() - cut..] == parts[..cut];
                    let goes_on = next.len() >= parts.len() - cut
                        && next[..parts.len() - cut]
                            .iter()
                            .zip(&parts[cut..])
                            .all(|(w, p)| w.trim_end_matches(',') == *p);
                    if ends && goes_on {
                        found.push(format!("{} / {}", words.join(" "), next.join(" ")));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn lists_decisions_and_certificates_never_break_inside_a_name() {
    let dir = tempfile::tempdir().unwrap();
    for seed in 1..=4u64 {
        let (yaml, collectives) = input(seed);
        let path = dir.path().join(format!("ten-{seed}.yaml"));
        std::fs::write(&path, &yaml).unwrap();
        let out = dir.path().join(format!("out-{seed}"));
        build(&path, &out, &["--only", "quyet-dinh,khen", "--format", "pdf"]);
        for pdf in ["quyet-dinh-1.pdf", "khen-1.pdf"] {
            let pages = cell_lines(&out.join(pdf));
            let broken = broken_names(&pages);
            assert!(broken.is_empty(), "seed {seed}, {pdf}: names broken: {broken:#?}");
        }
        // No word of a name cut: every word prints whole.
        let pages = cell_lines(&out.join("quyet-dinh-1.pdf"));
        let printed: std::collections::HashSet<&str> = pages
            .iter()
            .flatten()
            .flat_map(|(_, _, words)| words.iter().map(|w| w.trim_end_matches([',', ')'])))
            .collect();
        for name in collectives.iter().map(String::as_str).chain(INDIVIDUALS.iter().flat_map(|p| [p.1, p.2, p.3])) {
            for word in name.split(' ').map(|w| w.trim_end_matches([',', ')'])) {
                assert!(printed.contains(word), "seed {seed}: «{word}» of «{name}» is cut");
            }
        }
        // A collective that fits beside the other columns is one line.
        let lines: Vec<String> = pages.iter().flatten().map(|(_, _, words)| words.join(" ")).collect();
        for name in collectives.iter().filter(|n| n.chars().count() <= 40) {
            assert!(lines.iter().any(|l| l.ends_with(name.as_str())), "seed {seed}: «{name}» wraps: {lines:#?}");
        }
    }
}

#[test]
fn certificates_cite_the_decision_and_the_registers_number_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let (yaml, _) = input(7);
    let path = dir.path().join("so-so.yaml");
    std::fs::write(&path, yaml).unwrap();
    let out = dir.path().join("out");
    build(&path, &out, &["--only", "khen", "--format", "pdf"]);
    let text = pdf_text(&out.join("khen-1.pdf"), Some((1, 1)));
    assert!(text.contains("Quyết định số 1789/QĐ-CAHP ngày 16 tháng 8 năm 2018"), "{text}");
    assert!(!text.contains("1789/QĐ-CAHP,"), "{text}");
    // The individuals' numbers are typed "0100"…: the first collective's "1" prints "0001".
    assert!(text.contains("Số sổ vàng: 0001"), "{text}");
}
