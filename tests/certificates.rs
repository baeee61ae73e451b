//! Certificates end to end: one page per recipient in list order, the
//! layout's colours, overlay pages for pre-printed blanks moved by exactly
//! the printer's offset, the DOCX in LibreOffice, split files, the
//! calibration sheet, and list files with bad rows.

mod common;

use std::path::Path;

use common::*;

const MM: f32 = 72.0 / 25.4;

fn sample() -> baocao::input::Input {
    baocao::input::load(&sample_input()).unwrap()
}

#[test]
fn one_page_per_recipient_with_name_register_number_and_decision() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--only", "khen", "--format", "pdf"]);
    let input = sample();
    for (g, group) in input.khen_thuong.iter().enumerate() {
        let pdf = out.path().join(format!("khen-{}.pdf", g + 1));
        assert_eq!(pdf_pages(&pdf), group.danh_sach.len(), "one page per recipient");
        for (i, person) in group.danh_sach.iter().enumerate() {
            let page = pdf_text(&pdf, Some((i + 1, i + 1)));
            assert!(page.contains(&person.ten), "page {}: {} missing:\n{page}", i + 1, person.ten);
            assert!(page.contains(&format!("Quyết định số {}", group.quyet_dinh.so)), "{page}");
            if let Some(number) = &person.so_so {
                assert!(page.contains(&format!("Số sổ vàng: {number}")), "{page}");
            }
            assert!(page.contains(&group.nguoi_ky.ho_ten));
            let title = match group.hinh_thuc.name() {
                "Bằng khen" => "BẰNG KHEN",
                "Giấy khen" => "GIẤY KHEN",
                other => panic!("unknown award form {other}"),
            };
            assert!(page.contains(title), "{title} missing:\n{page}");
        }
    }
    let info = stdout_of("pdfinfo", &[out.path().join("khen-1.pdf").to_str().unwrap()]);
    assert!(info.contains("1190.55 x 841.89 pts (A3)"), "A3 landscape by default: {info}");
}

/// Pixels of page `page` of a PDF at 10 dpi: (width, height, RGB bytes).
fn pixels(pdf: &Path, page: usize) -> (usize, usize, Vec<u8>) {
    let out = tool("pdftoppm", &["-r", "10", "-f", &page.to_string(), "-l", &page.to_string(), pdf.to_str().unwrap()]);
    assert!(out.status.success());
    let data = out.stdout;
    // P6 header: "P6\n<w> <h>\n255\n".
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).to_string());
        at += 1;
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, data[at..].to_vec())
}

/// Counts red and dark pixels inside the rectangle (mm) of a page image.
fn colours_in(image: &(usize, usize, Vec<u8>), paper_mm: (f32, f32), rect: (f32, f32, f32, f32)) -> (usize, usize) {
    let (w, h, rgb) = image;
    let (px, py) = (*w as f32 / paper_mm.0, *h as f32 / paper_mm.1);
    let (mut red, mut dark) = (0, 0);
    for y in (rect.1 * py) as usize..((rect.1 + rect.3) * py) as usize {
        for x in (rect.0 * px) as usize..((rect.0 + rect.2) * px) as usize {
            let i = (y * w + x) * 3;
            let (r, g, b) = (rgb[i] as i32, rgb[i + 1] as i32, rgb[i + 2] as i32);
            if r > 150 && g < 110 && b < 110 {
                red += 1;
            } else if r < 110 && g < 110 && b < 110 {
                dark += 1;
            }
        }
    }
    (red, dark)
}

#[test]
fn the_title_is_red_and_the_name_black() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--only", "khen", "--format", "pdf"]);
    let image = pixels(&out.path().join("khen-1.pdf"), 1);
    let paper = (420.0, 297.0);
    let (red, dark) = colours_in(&image, paper, (40.0, 96.0, 340.0, 24.0));
    assert!(red > 20 && red > dark * 5, "BẰNG KHEN is red: {red} red, {dark} dark");
    let (red, dark) = colours_in(&image, paper, (40.0, 124.0, 340.0, 28.0));
    assert!(dark > 10 && red == 0, "the recipient is black: {red} red, {dark} dark");
}

/// Words of a page with their boxes (pt), from `pdftotext -bbox`.
fn words(pdf: &Path, page: usize) -> Vec<(String, f32, f32, f32, f32)> {
    let html = stdout_of(
        "pdftotext",
        &["-bbox", "-f", &page.to_string(), "-l", &page.to_string(), pdf.to_str().unwrap(), "-"],
    );
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                let start = l.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                l[start..].split('"').next().unwrap().parse().unwrap()
            };
            let text = l.split('>').nth(1).unwrap().split('<').next().unwrap().to_string();
            (text, attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"))
        })
        .collect()
}

#[test]
fn overlay_pages_have_no_border_or_printed_words_and_move_by_exactly_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let (full, overlay) = (dir.path().join("full"), dir.path().join("overlay"));
    build(&sample_input(), &full, &["--only", "khen", "--format", "pdf"]);
    build(&sample_input(), &overlay, &["--only", "khen", "--format", "pdf", "--overlay", "--offset", "1.5,-2"]);
    let (full_pdf, overlay_pdf) = (full.join("khen-1.pdf"), overlay.join("khen-1.pdf"));
    assert_eq!(pdf_pages(&overlay_pdf), pdf_pages(&full_pdf));

    let text = pdf_text(&overlay_pdf, Some((16, 16)));
    for preprinted in ["CỘNG HÒA", "Độc lập", "TẶNG", "BẰNG KHEN", "CHỦ TỊCH ỦY BAN"] {
        assert!(!text.contains(preprinted), "{preprinted} is on the blank already: {text}");
    }
    let person = &sample().khen_thuong[0].danh_sach[15];
    assert!(text.contains(&person.ten));

    // No border: the paper's edge band is white, where the full sheet has the double line.
    let paper = (420.0, 297.0);
    let band = (8.0, 8.0, 404.0, 8.0);
    let (red_full, dark_full) = colours_in(&pixels(&full_pdf, 16), paper, band);
    let (red, dark) = colours_in(&pixels(&overlay_pdf, 16), paper, band);
    assert!(red_full + dark_full > 0, "the full sheet draws its border");
    assert_eq!((red, dark), (0, 0), "the overlay draws no border");

    // Every word of the variable text (below the pre-printed title, which
    // ends 120 mm down) moved by (1.5, -2) mm.
    let before: Vec<_> = words(&full_pdf, 16).into_iter().filter(|w| w.2 > 121.0 * MM).collect();
    let after = words(&overlay_pdf, 16);
    assert_eq!(before.len(), after.len(), "the same variable words");
    for ((word, x, y, _, _), (word0, x0, y0, _, _)) in after.iter().zip(&before) {
        assert_eq!(word, word0);
        assert!((x - x0 - 1.5 * MM).abs() < 0.05, "{word}: dx {} pt", x - x0);
        assert!((y - y0 + 2.0 * MM).abs() < 0.05, "{word}: dy {} pt", y - y0);
    }
    assert!(after.len() > 20);
}

#[test]
fn a_printer_profile_file_gives_the_same_offset_as_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("may-in.yaml");
    std::fs::write(&profile, "# đo bằng baocao calibrate\nlech_x: 1.5\nlech_y: -2\n").unwrap();
    build(
        &sample_input(),
        &dir.path().join("a"),
        &["--only", "khen", "--format", "pdf", "--overlay", "--offset", "1.5,-2"],
    );
    build(
        &sample_input(),
        &dir.path().join("b"),
        &["--only", "khen", "--format", "pdf", "--overlay", "--profile", profile.to_str().unwrap()],
    );
    assert_eq!(
        std::fs::read(dir.path().join("a/khen-2.pdf")).unwrap(),
        std::fs::read(dir.path().join("b/khen-2.pdf")).unwrap()
    );
    std::fs::write(&profile, "lech_x: 1.5\nlech_z: 3\n").unwrap();
    let output = baocao(
        &[
            "build",
            sample_input().to_str().unwrap(),
            "-o",
            dir.path().join("c").to_str().unwrap(),
            "--profile",
            profile.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2), "a wrong profile is an input error");
    assert!(String::from_utf8_lossy(&output.stderr).contains("lech_z"));
    assert!(!dir.path().join("c").exists(), "nothing written");
}

#[test]
fn libreoffice_paginates_the_docx_one_certificate_per_page() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--only", "khen", "--format", "docx"]);
    let converted = libreoffice_pdf(&out.path().join("khen-1.docx"), &out.path().join("lo"));
    let group = &sample().khen_thuong[0];
    assert_eq!(pdf_pages(&converted), group.danh_sach.len());
    for (i, person) in group.danh_sach.iter().enumerate() {
        let page = pdf_text(&converted, Some((i + 1, i + 1)));
        assert!(page.contains(&person.ten), "page {}: {}:\n{page}", i + 1, person.ten);
        assert!(page.contains("BẰNG KHEN"));
    }
    let xml = docx_part(&out.path().join("khen-1.docx"), "word/document.xml");
    assert!(xml.contains("<w:pgBorders"), "decorative page border");
    assert!(xml.contains(r#"w:orient="landscape""#));
}

#[test]
fn split_writes_one_small_pdf_per_recipient_in_list_order() {
    let out = tempfile::tempdir().unwrap();
    build(&sample_input(), out.path(), &["--only", "khen", "--format", "pdf", "--split"]);
    let group = &sample().khen_thuong[0];
    let mut files: Vec<String> = std::fs::read_dir(out.path().join("khen-1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into())
        .collect();
    files.sort();
    assert_eq!(files.len(), group.danh_sach.len());
    assert_eq!(files[0], "0001-cong-an-quan-hong-bang.pdf");
    for (file, person) in files.iter().zip(&group.danh_sach) {
        assert!(file.is_ascii() && !file.contains(' '));
        let pdf = out.path().join("khen-1").join(file);
        assert_eq!(pdf_pages(&pdf), 1);
        assert!(pdf_text(&pdf, None).contains(&person.ten));
        assert!(std::fs::metadata(&pdf).unwrap().len() < 60_000, "{file} is small");
    }
    assert!(out.path().join("khen-1.pdf").exists(), "the merged file too");
}

#[test]
fn a_long_collective_name_shrinks_and_stays_inside_its_box() {
    // With a unit under it, the name keeps its own box (an empty unit box
    // would lend it its room).
    let dir = tempfile::tempdir().unwrap();
    let long = "Tổ tự quản về an ninh trật tự khu nhà trọ công nhân thôn Tràng Duệ, xã Lê Lợi, huyện An Dương, thành phố Hải Phòng";
    let yaml = std::fs::read_to_string(root().join("tests/fixtures/minimal.yaml")).unwrap()
        + &format!(
            "khen_thuong:\n  - hinh_thuc: giay_khen\n    cap_khen: \"CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG A\"\n    co_quan: \"ỦY BAN NHÂN DÂN PHƯỜNG A\"\n    dia_danh: \"Hà Nội\"\n    quyet_dinh: {{ so: \"15/QĐ-UBND\", ngay: 2020-01-02 }}\n    nguoi_ky: {{ chuc_vu: \"CHỦ TỊCH\", ho_ten: \"Nguyễn Văn An\" }}\n    thanh_tich: \"Đã có thành tích xuất sắc\"\n    danh_sach:\n      - {{ loai: tap_the, ten: \"{long}\", don_vi: \"phường A\" }}\n      - {{ loai: tap_the, ten: \"{long} và {long} và {long}\", don_vi: \"phường A\" }}\n"
        );
    let input = dir.path().join("input.yaml");
    std::fs::write(&input, yaml).unwrap();
    let output = baocao(
        &["build", input.to_str().unwrap(), "-o", dir.path().join("out").to_str().unwrap(), "--only", "khen"],
        dir.path(),
    );
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("khen-1.pdf trang 2") && stderr.contains("nguoi_nhan"),
        "the too-long name is listed: {stderr}"
    );
    assert!(!stderr.contains("trang 1 "), "the first name fits above the smallest size: {stderr}");
    let pdf = dir.path().join("out/khen-1.pdf");
    let (left, top, right, bottom) = (40.0 * MM, 124.0 * MM, 380.0 * MM, 152.0 * MM);
    let name_words: Vec<&str> = long.split(' ').collect();
    let placed: Vec<_> = words(&pdf, 1).into_iter().filter(|w| w.2 >= top - 1.0 && w.4 <= bottom + 1.0).collect();
    assert_eq!(
        placed.iter().map(|w| w.0.as_str()).collect::<Vec<_>>(),
        name_words,
        "the whole name, in its box, in order"
    );
    for (word, x0, y0, x1, y1) in &placed {
        assert!(*x0 >= left && *x1 <= right && *y0 >= top && *y1 <= bottom, "{word} outside the box");
    }
    let lines: std::collections::BTreeSet<i32> = placed.iter().map(|w| w.2 as i32).collect();
    assert!(lines.len() >= 2, "wrapped at syllables onto more lines");
}

#[test]
fn calibrate_writes_a_grid_with_crosshairs() {
    let dir = tempfile::tempdir().unwrap();
    let output = baocao(&["calibrate", "--sheet", "a4", "-o", "luoi.pdf"], dir.path());
    assert!(output.status.success());
    let pdf = dir.path().join("luoi.pdf");
    let info = stdout_of("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("841.89 x 595.276 pts"), "A4 landscape: {info}");
    let text = pdf_text(&pdf, None);
    for mark in [
        "A (x = 20 mm; y = 20 mm)",
        "B (x = 277 mm; y = 20 mm)",
        "C (x = 148,5 mm; y = 105 mm)",
        "D (x = 20 mm; y = 190 mm)",
        "E (x = 277 mm; y = 190 mm)",
        "--offset",
    ] {
        assert!(text.contains(mark), "{mark} missing: {text}");
    }
}

/// A minimal XLSX with inline strings: rows of cells.
fn write_xlsx(path: &Path, rows: &[&[&str]]) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let column = (b'A' + c as u8) as char;
            if !cell.is_empty() {
                sheet.push_str(&format!(r#"<c r="{column}{}" t="inlineStr"><is><t>{cell}</t></is></c>"#, r + 1));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    zip.write_all(sheet.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn an_xlsx_list_builds_certificates_and_keeps_leading_zeros() {
    let dir = tempfile::tempdir().unwrap();
    write_xlsx(
        &dir.path().join("ds.xlsx"),
        &[
            &["loai", "danh_xung", "ten", "chuc_vu", "so_so"],
            &["ca_nhan", "Bà", "Trần Thị Bình", "Tổ trưởng", "0101"],
            &["tap_the", "", "Công an phường Hạ Lý", "", "0102"],
        ],
    );
    let input = sample_with_list(dir.path(), "ds.xlsx");
    build(&input, &dir.path().join("out"), &["--only", "khen", "--format", "pdf"]);
    let pdf = dir.path().join("out/khen-1.pdf");
    assert_eq!(pdf_pages(&pdf), 2);
    let first = pdf_text(&pdf, Some((1, 1)));
    assert!(first.contains("Bà Trần Thị Bình") && first.contains("Số sổ vàng: 0101"), "{first}");
}

#[test]
fn xlsx_and_csv_rows_with_problems_are_located_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    write_xlsx(
        &dir.path().join("ds.xlsx"),
        &[
            &["loai", "ten", "so_so"],
            &["ca_nhan", "Trần Thị Bình", "0101"],
            &["canhan", "Lê Văn Cường", "0102"],
            &["tap_the", "", "0103"],
        ],
    );
    let input = sample_with_list(dir.path(), "ds.xlsx");
    let out = dir.path().join("out");
    let output = baocao(&["build", input.to_str().unwrap(), "-o", out.to_str().unwrap()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let xlsx = dir.path().join("ds.xlsx").display().to_string();
    assert!(
        stderr.contains(&format!("{xlsx}:Sheet1!A3: khen_thuong[0].danh_sach[1].loai: giá trị «canhan» không hợp lệ")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{xlsx}:Sheet1!B4: khen_thuong[0].danh_sach[2].ten: thiếu khóa bắt buộc «ten»")),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing written");

    std::fs::write(dir.path().join("ds.csv"), "loai,ten,so_so\nca_nhan,Trần Thị Bình,0101\ncanhan,Lê Văn Cường,0102\n")
        .unwrap();
    let input = sample_with_list(dir.path(), "ds.csv");
    let output = baocao(&["build", input.to_str().unwrap(), "-o", out.to_str().unwrap()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let csv = dir.path().join("ds.csv").display().to_string();
    assert!(stderr.contains(&format!("{csv}:3: khen_thuong[0].danh_sach[1].loai")), "{stderr}");
    assert!(!out.exists(), "nothing written");
}

/// A small red disc with transparency, as PNG.
fn emblem_png(path: &Path) {
    let (w, h) = (40u32, 40u32);
    let mut pixels = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as i32 - 20, y as i32 - 20);
            let inside = dx * dx + dy * dy < 18 * 18;
            pixels.extend_from_slice(if inside { &[200, 16, 46, 255] } else { &[0, 0, 0, 0] });
        }
    }
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(file, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header().unwrap().write_image_data(&pixels).unwrap();
}

#[test]
fn an_emblem_prints_on_full_sheets_only_and_a_missing_one_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    emblem_png(&dir.path().join("logo.png"));
    let yaml = std::fs::read_to_string(sample_input())
        .unwrap()
        .replace("    kho_giay: a3\n", "")
        .replace("    danh_sach_tep:", "    bieu_tuong: \"logo.png\"\n    danh_sach_tep:");
    std::fs::copy(root().join("inputs/hai-phong-2018-bang-khen.csv"), dir.path().join("hai-phong-2018-bang-khen.csv"))
        .unwrap();
    let input = dir.path().join("input.yaml");
    std::fs::write(&input, &yaml).unwrap();
    build(&input, &dir.path().join("full"), &["--only", "khen"]);
    let images = stdout_of("pdfimages", &["-list", dir.path().join("full/khen-1.pdf").to_str().unwrap()]);
    let drawn = images.lines().skip(2).filter(|l| l.split_whitespace().nth(2) == Some("image")).count();
    assert_eq!(drawn, 27, "the emblem on each of the 27 pages (its transparency as a soft mask):\n{images}");
    let docx = std::fs::File::open(dir.path().join("full/khen-1.docx")).unwrap();
    assert!(zip::ZipArchive::new(docx).unwrap().file_names().any(|n| n.starts_with("word/media/")));
    // The emblem sits in its box (28, 26, 32 × 32 mm) on the page.
    let image = pixels(&dir.path().join("full/khen-1.pdf"), 1);
    let (red, _) = colours_in(&image, (420.0, 297.0), (28.0, 26.0, 32.0, 32.0));
    assert!(red > 10, "the emblem is drawn in its box");

    build(&input, &dir.path().join("overlay"), &["--only", "khen", "--format", "pdf", "--overlay"]);
    let images = stdout_of("pdfimages", &["-list", dir.path().join("overlay/khen-1.pdf").to_str().unwrap()]);
    assert_eq!(images.lines().skip(2).count(), 0, "the blank carries it already");

    std::fs::write(&input, yaml.replace("logo.png", "khong-co.png")).unwrap();
    let output = baocao(&["check", input.to_str().unwrap()], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("khen_thuong[0].bieu_tuong: không đọc được tệp «"), "{stderr}");
    assert!(stderr.contains("khong-co.png»: không có tệp hay thư mục này"), "{stderr}");
}

#[test]
fn a_collective_without_a_unit_leaves_no_empty_band() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(root().join("tests/fixtures/minimal.yaml")).unwrap()
        + "khen_thuong:\n  - hinh_thuc: giay_khen\n    cap_khen: \"CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG A\"\n    co_quan: \"ỦY BAN NHÂN DÂN PHƯỜNG A\"\n    dia_danh: \"Hà Nội\"\n    quyet_dinh: { so: \"15/QĐ-UBND\", ngay: 2020-01-02 }\n    nguoi_ky: { chuc_vu: \"CHỦ TỊCH\", ho_ten: \"Nguyễn Văn An\" }\n    thanh_tich: \"Đã có thành tích xuất sắc\"\n    danh_sach:\n      - { loai: tap_the, ten: \"Công an phường A\", don_vi: \"quận B\" }\n      - { loai: tap_the, ten: \"Công an phường C\" }\n";
    let input = dir.path().join("input.yaml");
    std::fs::write(&input, yaml).unwrap();
    build(&input, &dir.path().join("out"), &["--only", "khen", "--format", "pdf"]);
    let pdf = dir.path().join("out/khen-1.pdf");
    let centre = |page: usize, word: &str| {
        let found = words(&pdf, page).into_iter().find(|w| w.0 == word).unwrap();
        (found.2 + found.4) / 2.0 / MM
    };
    // The layout's name box is 124–152 mm, the unit box under it 154–170.
    let (with_unit, without) = (centre(1, "Công"), centre(2, "Công"));
    assert!((with_unit - 138.0).abs() < 3.0, "the name centred in its own box: {with_unit} mm");
    assert!((without - 147.0).abs() < 3.0, "the name centred over both boxes: {without} mm");
}

#[test]
fn check_of_a_long_list_finds_boxes_at_their_smallest_size_in_sheet_order() {
    // Long lists are fitted by two threads: what each half finds is
    // reported, first half first.
    let dir = tempfile::tempdir().unwrap();
    let long = "Tổ tự quản về an ninh trật tự khu nhà trọ công nhân thôn Tràng Duệ, xã Lê Lợi, huyện An Dương, thành phố Hải Phòng";
    let too_long = format!("{long} và {long} và {long}");
    let mut csv = String::from("loai,ten,don_vi\n");
    for row in 1..=2_600 {
        let name = if row == 3 || row == 2_500 {
            format!("{too_long} số {row}")
        } else {
            format!("Tổ dân phố số {row}")
        };
        csv.push_str(&format!("tap_the,\"{name}\",phường A\n"));
    }
    std::fs::write(dir.path().join("dai.csv"), csv).unwrap();
    let input = common::sample_with_list(dir.path(), "dai.csv");
    let output = baocao(&["check", input.to_str().unwrap()], dir.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let third = stderr.find("khen-1.pdf trang 3 ").unwrap_or_else(|| panic!("sheet 3 is named: {stderr}"));
    let late = stderr.find("khen-1.pdf trang 2500 ").unwrap_or_else(|| panic!("sheet 2500 is named: {stderr}"));
    assert!(third < late, "in sheet order: {stderr}");
    assert_eq!(stderr.matches("phải thu nhỏ tới cỡ chữ nhỏ nhất").count(), 2, "{stderr}");
}

#[test]
fn a_long_list_is_drawn_in_list_order_and_what_sheets_share_is_drawn_once() {
    // From 2,000 sheets on, the boxes are fitted on a second thread while
    // the backends draw; the PDF draws a box repeated from earlier sheets
    // (the achievement, the unit) once, as a form each later page uses.
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("loai,ten,don_vi,thanh_tich\n");
    let own = "Đã có thành tích xuất sắc trong công tác phòng cháy, chữa cháy năm 2018";
    for row in 1..=2_400 {
        let achievement = if (1_000..=1_001).contains(&row) { own } else { "" };
        csv.push_str(&format!("tap_the,Tổ dân phố số {row},phường Lạch Tray,\"{achievement}\"\n"));
    }
    std::fs::write(dir.path().join("dai.csv"), csv).unwrap();
    let input = common::sample_with_list(dir.path(), "dai.csv");
    let out = dir.path().join("out");
    build(&input, &out, &["--only", "khen"]);

    let pdf = out.join("khen-1.pdf");
    assert_eq!(pdf_pages(&pdf), 2_400);
    let group = &baocao::input::load(&input).unwrap().khen_thuong[0];
    let shared = group
        .thanh_tich
        .as_deref()
        .expect("the sample words its achievement")
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    for page in [1, 2, 999, 1_000, 1_001, 1_002, 2_001, 2_400] {
        let text = pdf_text(&pdf, Some((page, page))).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&format!("Tổ dân phố số {page} ")), "page {page}: {text}");
        assert!(text.contains("phường Lạch Tray"), "page {page}: {text}");
        let achievement = if (1_000..=1_001).contains(&page) { own } else { &shared };
        assert!(text.contains(achievement), "page {page}: {text}");
    }
    // The frame every sheet shares, and the boxes seen on two sheets or
    // more: a handful of forms, not one per page.
    let bytes = std::fs::read(&pdf).unwrap();
    let forms = bytes.windows(14).filter(|w| w == b"/Subtype /Form" || w.starts_with(b"/Subtype/Form")).count();
    assert!((3..=8).contains(&forms), "{forms} forms");

    let xml = docx_part(&out.join("khen-1.docx"), "word/document.xml");
    let at =
        |row: usize| xml.find(&format!(">Tổ dân phố số {row}<")).unwrap_or_else(|| panic!("row {row} in the DOCX"));
    assert!(at(1) < at(2) && at(2) < at(1_999) && at(1_999) < at(2_000) && at(2_000) < at(2_400));
    // A frame repeated from recent sheets is serialised once and written
    // on each: every sheet still carries its own achievement.
    let text = docx_text(&out.join("khen-1.docx"));
    assert_eq!(text.matches(own).count(), 2);
    let words: Vec<&str> =
        group.thanh_tich.as_deref().expect("the sample words its achievement").split_whitespace().collect();
    let tail = words[words.len() - 5..].join(" ");
    assert_eq!(text.matches(&tail).count(), 2_398, "{tail}");
    assert_eq!(text.matches("phường Lạch Tray").count(), 2_400);
}
