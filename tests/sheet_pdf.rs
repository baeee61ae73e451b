//! The certificate PDF, written page by page as it is drawn, read strictly:
//! every object where the cross-reference table says, every reference
//! resolving, fonts embedded as subsets with their text map, and emblems of
//! every PNG colour type drawn — checked with our own reader (poppler
//! repairs a broken table silently) and with poppler's tools.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;

/// The object offsets the file's last cross-reference table gives, by
/// object number (entry 0, the free head, left out).
fn xref_offsets(bytes: &[u8]) -> Vec<(usize, usize)> {
    let text = String::from_utf8_lossy(bytes);
    let start: usize = text.rsplit("startxref").next().unwrap().split_whitespace().next().unwrap().parse().unwrap();
    let table = &bytes[start..];
    assert!(table.starts_with(b"xref\n"), "startxref points at the table");
    let table = String::from_utf8_lossy(table);
    let mut lines = table.lines().skip(1);
    let header: Vec<usize> = lines.next().unwrap().split_whitespace().map(|n| n.parse().unwrap()).collect();
    assert_eq!(header[0], 0);
    let entries: Vec<&str> = lines.take(header[1]).collect();
    assert!(entries[0].starts_with("0000000000 65535 f"));
    let trailer = &table[table.find("trailer").expect("a trailer")..];
    assert!(trailer.contains(&format!("/Size {}", header[1])), "{trailer}");
    entries
        .iter()
        .enumerate()
        .skip(1)
        .map(|(number, entry)| {
            assert!(entry.ends_with(" n"), "object {number} in use: {entry}");
            (number, entry[..10].parse().unwrap())
        })
        .collect()
}

/// Checks the table and every reference of a PDF; returns its object
/// count and the dictionaries of its pages with their resources (an
/// indirect resource dictionary read in place).
fn check_structure(pdf: &Path) -> (usize, Vec<String>) {
    let bytes = std::fs::read(pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7\n"));
    assert!(bytes.ends_with(b"%%EOF\n"));
    let offsets = xref_offsets(&bytes);
    let mut referenced = BTreeSet::new();
    let mut pages = Vec::new();
    let mut dictionaries = std::collections::BTreeMap::new();
    for &(number, offset) in &offsets {
        let object = &bytes[offset..];
        let header = format!("{number} 0 obj");
        assert!(object.starts_with(header.as_bytes()), "object {number} is at {offset}");
        // The dictionary part: up to its stream data or its end.
        let end = [b"stream".as_slice(), b"endobj"]
            .iter()
            .filter_map(|mark| object.windows(mark.len()).position(|w| w == *mark))
            .min()
            .unwrap();
        let dictionary = String::from_utf8_lossy(&object[header.len()..end]).to_string();
        if dictionary.contains("/Type /Page\n") {
            pages.push(dictionary.clone());
        }
        dictionaries.insert(number, dictionary.clone());
        let words: Vec<&str> = dictionary.split(|c: char| c.is_whitespace() || "[]<>/".contains(c)).collect();
        for window in words.windows(3) {
            if let (Ok(target), "0", "R") = (window[0].parse::<usize>(), window[1], window[2]) {
                referenced.insert(target);
            }
        }
    }
    for target in &referenced {
        assert!((1..=offsets.len()).contains(target), "reference {target} 0 R resolves ({} objects)", offsets.len());
    }
    for page in &mut pages {
        let after = page.split("/Resources").nth(1).unwrap_or("").split_whitespace().collect::<Vec<_>>();
        if let [number, "0", "R", ..] = after.as_slice() {
            let resources = &dictionaries[&number.parse::<usize>().unwrap()];
            page.push_str(resources);
        }
    }
    (offsets.len(), pages)
}

/// An emblem of `color` type: a filled disc, transparent outside where
/// the type has alpha.
fn emblem(path: &Path, color: png::ColorType, depth: png::BitDepth) {
    let size = 48u32;
    let channels = color.samples();
    let mut pixels = Vec::new();
    for y in 0..size {
        for x in 0..size {
            let (dx, dy) = (x as i32 - 24, y as i32 - 24);
            let inside = dx * dx + dy * dy < 20 * 20;
            let sample: Vec<u16> = match (channels, inside) {
                (1, _) => vec![if inside { 40 } else { 255 }],
                (2, _) => vec![40, if inside { 255 } else { 0 }],
                (3, _) => {
                    if inside {
                        vec![200, 16, 46]
                    } else {
                        vec![255, 255, 255]
                    }
                }
                (_, true) => vec![200, 16, 46, 255],
                (_, false) => vec![0, 0, 0, 0],
            };
            for value in sample {
                match depth {
                    png::BitDepth::Sixteen => pixels.extend_from_slice(&(value * 257).to_be_bytes()),
                    _ => pixels.push(value as u8),
                }
            }
        }
    }
    let mut encoder = png::Encoder::new(std::fs::File::create(path).unwrap(), size, size);
    encoder.set_color(color);
    encoder.set_depth(depth);
    encoder.write_header().unwrap().write_image_data(&pixels).unwrap();
}

#[test]
fn every_object_is_where_the_table_says_and_every_reference_resolves() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&sample_input(), &out, &["--only", "khen", "--format", "pdf"]);
    for (file, pages) in [("khen-1.pdf", 27), ("khen-2.pdf", 3)] {
        let pdf = out.join(file);
        assert!(check_structure(&pdf).0 > 10, "{file}");
        assert_eq!(pdf_pages(&pdf), pages, "{file}");
        let fonts = stdout_of("pdffonts", &[pdf.to_str().unwrap()]);
        let faces: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(faces.len() >= 3, "regular, bold and italic: {fonts}");
        for face in faces {
            let columns: Vec<&str> = face.split_whitespace().collect();
            assert!(columns[0].contains("+LiberationSerif"), "a subset of Liberation Serif: {face}");
            assert_eq!(&columns[columns.len() - 5..columns.len() - 2], ["yes", "yes", "yes"], "{face}");
        }
    }
    // Copying the text gives the letters drawn, every diacritic in place.
    let text = pdf_text(&out.join("khen-1.pdf"), Some((1, 1)));
    assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "{text}");
    assert!(text.contains("Công an quận Hồng Bàng"), "{text}");

    // The same table holds with --split (each sheet its own PDF).
    build(&sample_input(), &dir.path().join("split"), &["--only", "khen", "--format", "pdf", "--split"]);
    let single = std::fs::read_dir(dir.path().join("split/khen-2")).unwrap().next().unwrap().unwrap().path();
    check_structure(&single);
    assert_eq!(pdf_pages(&single), 1);
}

#[test]
fn an_emblem_of_every_png_colour_type_is_drawn_with_its_transparency() {
    use png::{BitDepth, ColorType};
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("inputs/hai-phong-2018-bang-khen.csv"), dir.path().join("hai-phong-2018-bang-khen.csv"))
        .unwrap();
    for (name, color, depth, listed, masked) in [
        ("gray", ColorType::Grayscale, BitDepth::Eight, "gray", false),
        ("gray-alpha", ColorType::GrayscaleAlpha, BitDepth::Eight, "gray", true),
        ("rgb", ColorType::Rgb, BitDepth::Eight, "rgb", false),
        ("rgba-16", ColorType::Rgba, BitDepth::Sixteen, "rgb", true),
    ] {
        emblem(&dir.path().join(format!("{name}.png")), color, depth);
        let yaml = std::fs::read_to_string(sample_input())
            .unwrap()
            .replace("    danh_sach_tep:", &format!("    bieu_tuong: \"{name}.png\"\n    danh_sach_tep:"));
        let input = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&input, yaml).unwrap();
        let out = dir.path().join(name);
        build(&input, &out, &["--only", "khen", "--format", "pdf"]);
        let pdf = out.join("khen-1.pdf");
        check_structure(&pdf);
        let images = stdout_of("pdfimages", &["-list", "-f", "1", "-l", "1", pdf.to_str().unwrap()]);
        let rows: Vec<Vec<&str>> = images.lines().skip(2).map(|l| l.split_whitespace().collect()).collect();
        assert_eq!(rows[0][2..6], ["image", "48", "48", listed], "{name}: {images}");
        assert_eq!(rows.iter().any(|row| row[2] == "smask"), masked, "{name}: {images}");
        // The disc is dark in the emblem's box; outside the disc the sheet shows.
        let page = tool("pdftoppm", &["-r", "72", "-f", "1", "-l", "1", "-gray", pdf.to_str().unwrap()]).stdout;
        let header_end = page.iter().enumerate().filter(|(_, b)| **b == b'\n').nth(2).unwrap().0 + 1;
        let width =
            String::from_utf8_lossy(&page[3..header_end]).split_whitespace().next().unwrap().parse::<usize>().unwrap();
        let at = |x_mm: f32, y_mm: f32| {
            let (x, y) = ((x_mm * 72.0 / 25.4) as usize, (y_mm * 72.0 / 25.4) as usize);
            page[header_end + y * width + x]
        };
        // The emblem box of an A3 sheet sits at (28, 26), 32 mm wide.
        assert!(at(44.0, 42.0) < 128, "{name}: the disc's centre is drawn");
        assert!(at(29.0, 27.0) > 200, "{name}: the box's corner shows the sheet");
    }
}

#[test]
fn a_page_names_only_the_forms_it_draws() {
    // Units that each receive two certificates: every pair shares its
    // achievement as a form. A page lists only its own forms, not the
    // hundreds the file holds (a viewer reads the list for every page).
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("loai,ten,don_vi,thanh_tich\n");
    for row in 0..600 {
        let pair = row / 2;
        csv.push_str(&format!("tap_the,Tổ dân phố số {row},phường {pair},\"Thành tích của cặp {pair} trong năm\"\n"));
    }
    std::fs::write(dir.path().join("cap.csv"), csv).unwrap();
    let input = sample_with_list(dir.path(), "cap.csv");
    let out = dir.path().join("out");
    build(&input, &out, &["--only", "khen", "--format", "pdf"]);
    let pdf = out.join("khen-1.pdf");
    let (_, pages) = check_structure(&pdf);
    assert_eq!(pages.len(), 600);
    let bytes = std::fs::read(&pdf).unwrap();
    let forms = bytes.windows(14).filter(|w| w == b"/Subtype /Form").count();
    assert!(forms > 300, "each pair's achievement and unit shared: {forms} forms");
    for page in &pages {
        let named = page.matches("/G").count();
        assert!(named <= 4, "a page names its own forms only: {page}");
    }
    let last = pdf_text(&pdf, Some((600, 600)));
    assert!(last.contains("Tổ dân phố số 599") && last.contains("Thành tích của cặp 299 trong năm"), "{last}");
}
