//! The place cards (`bang-ten`): a folded A4 sheet per delegate, organisers
//! included, over the sample and the generated conference of 40 delegates.
//! Measured from the PDF with poppler: both halves carry the delegate's
//! rank, title and name as the input and the delegate list spell them, the
//! upper half upside down (its words run right to left on the page), the
//! name's capitals at least 25 mm tall, everything inside the card's
//! margins. The DOCX turns the upper half with rotated DrawingML text
//! boxes, passes openxml-audit and LibreOffice gives as many pages.

mod common;

use std::path::Path;

use common::day::generated;
use common::*;
use skrifa::MetadataProvider;

const PT_PER_MM: f32 = 72.0 / 25.4;
/// A4 landscape, folded at half its height (mm).
const WIDTH: f32 = 297.0;
const FOLD: f32 = 105.0;
/// The card's margins as docs/dau-vao.md gives them (mm): at the sides, and
/// from the fold and the paper's edge.
const SIDE: f32 = 12.0;
const END: f32 = 4.0;
/// Room for rounding in poppler's boxes (mm).
const SLACK: f32 = 0.5;

/// A word on a page, in mm from the top-left corner.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
}

/// Each page's words, in poppler's reading order.
fn pages_of_words(pdf: &Path) -> Vec<Vec<Word>> {
    let bbox = stdout_of("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let mut pages = Vec::new();
    for line in bbox.lines().map(str::trim_start) {
        if line.starts_with("<page") {
            pages.push(Vec::new());
        } else if line.starts_with("<word") {
            let attr = |name: &str| -> f32 {
                let value = line.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap();
                value.parse::<f32>().unwrap() / PT_PER_MM
            };
            let text = line.split('>').nth(1).unwrap().split('<').next().unwrap().replace("&amp;", "&");
            pages.last_mut().expect("a word on a page").push(Word {
                text,
                x_min: attr("xMin"),
                y_min: attr("yMin"),
                x_max: attr("xMax"),
                y_max: attr("yMax"),
            });
        }
    }
    pages
}

/// Capitals' height over poppler's word box height (its box spans the
/// font's ascender and descender), from the bundled bold face.
fn cap_per_box() -> f32 {
    let bytes = std::fs::read(root().join("fonts/LiberationSerif-Bold.ttf")).unwrap();
    let font = skrifa::FontRef::new(&bytes).unwrap();
    let metrics = font.metrics(skrifa::instance::Size::unscaled(), skrifa::instance::LocationRef::default());
    metrics.cap_height.unwrap() / (metrics.ascent - metrics.descent)
}

/// The cards of `input` built with the day's papers, checked card by card.
fn cards_agree(input: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(input, &out, &["--only", "ngay-hoi-nghi"]);
    let input = baocao::input::load(input).expect("valid input");
    let delegates = &input.hoi_nghi.as_ref().unwrap().dai_bieu;
    let pdf = out.join("bang-ten.pdf");
    let pages = pages_of_words(&pdf);
    assert_eq!(pages.len(), delegates.len(), "a card for every delegate, organisers too");
    let delegate_list = docx_text(&out.join("danh-sach-dai-bieu.docx"));
    let cap_ratio = cap_per_box();
    for (page, delegate) in pages.iter().zip(delegates) {
        // Rank, title, name: the words the input and the delegate list have.
        let ranked = delegate.cap_bac.as_ref().map_or(delegate.ho_ten.clone(), |r| format!("{r} {}", delegate.ho_ten));
        assert!(delegate_list.contains(&ranked) && delegate_list.contains(&delegate.chuc_vu), "{ranked}");
        let expected: Vec<&str> = delegate
            .cap_bac
            .iter()
            .flat_map(|r| r.split_whitespace())
            .chain(delegate.chuc_vu.split_whitespace())
            .chain(delegate.ho_ten.split_whitespace())
            .collect();
        let (upper, lower): (Vec<&Word>, Vec<&Word>) = page.iter().partition(|w| w.y_max <= FOLD);
        for (face, words, turned) in [("upper", upper, true), ("lower", lower, false)] {
            // Lines read top to bottom of the face: down the page upright,
            // up the page upside down; poppler gives each line's words in
            // their reading order.
            let mut lines: Vec<Vec<&Word>> = Vec::new();
            for w in words {
                match lines.last_mut() {
                    Some(line) if (line[0].y_min - w.y_min).abs() < 0.1 => line.push(w),
                    _ => lines.push(vec![w]),
                }
            }
            lines.sort_by(|a, b| a[0].y_min.total_cmp(&b[0].y_min));
            if turned {
                lines.reverse();
            }
            let words: Vec<&Word> = lines.concat();
            let said: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
            assert_eq!(said, expected, "{face} face of {}'s card", delegate.ho_ten);
            // Words of a line follow each other left to right upright, right
            // to left upside down.
            let mut pairs = 0;
            for pair in words.windows(2).filter(|p| (p[0].y_min - p[1].y_min).abs() < 0.1) {
                pairs += 1;
                let forward = pair[1].x_min > pair[0].x_max;
                assert_eq!(!forward, turned, "{face} face of {}: {pair:?}", delegate.ho_ten);
            }
            assert!(pairs > 0, "{face} face of {}: a line of several words", delegate.ho_ten);
            let (top, bottom) = if turned { (0.0, FOLD) } else { (FOLD, 2.0 * FOLD) };
            for w in words.iter() {
                let inside = w.x_min >= SIDE - SLACK
                    && w.x_max <= WIDTH - SIDE + SLACK
                    && w.y_min >= top + END - SLACK
                    && w.y_max <= bottom - END + SLACK;
                assert!(inside, "{face} face of {}: {w:?} outside the margins", delegate.ho_ten);
            }
            let name_words = delegate.ho_ten.split_whitespace().count();
            for w in &words[words.len() - name_words..] {
                let cap = (w.y_max - w.y_min) * cap_ratio;
                assert!(cap >= 25.0 - 0.05, "{face} face: «{}» capitals {cap:.1} mm", w.text);
            }
        }
    }

    // The DOCX: a turned text box for each box of the upper half holding
    // its words, valid for Word, paginated by LibreOffice as the PDF.
    let docx = out.join("bang-ten.docx");
    let xml = docx_part(&docx, "word/document.xml");
    let turned: Vec<&str> =
        xml.split("<wp:anchor").skip(1).filter(|a| a.contains("<a:xfrm rot=\"10800000\">")).collect();
    assert!(turned.iter().all(|a| a.contains("<wps:wsp>") && a.contains("<w:txbxContent>")));
    for delegate in delegates {
        assert!(turned.iter().any(|a| a.contains(&delegate.chuc_vu)), "turned title of {}", delegate.ho_ten);
        let name = delegate.ho_ten.split_whitespace().last().unwrap();
        assert!(turned.iter().any(|a| a.contains(name)), "turned name of {}", delegate.ho_ten);
    }
    let converted = libreoffice_pdf(&docx, &dir.path().join("lo"));
    assert_eq!(pdf_pages(&converted), pages.len(), "LibreOffice pages");
    let audited = dir.path().join("audit");
    std::fs::create_dir_all(&audited).unwrap();
    std::fs::copy(&docx, audited.join("bang-ten.docx")).unwrap();
    let findings = common::audit::audit(&audited);
    assert!(findings.is_empty(), "openxml-audit: {findings:#?}");
}

#[test]
fn the_samples_cards() {
    cards_agree(&sample_input());
}

#[test]
fn forty_generated_delegates_get_their_cards() {
    let dir = tempfile::tempdir().unwrap();
    cards_agree(&generated(dir.path(), 27));
}

/// A name too long for two lines at 25 mm capitals under a long title
/// (a five-word name of the Nguyễn Phúc family, a four-office title) is
/// made smaller until it stays on its half sheet, never printed over the
/// fold or off the paper; the build says which card is under 25 mm.
#[test]
fn a_name_too_long_for_its_half_is_shrunk_onto_it_and_warned() {
    let dir = tempfile::tempdir().unwrap();
    let list = "hai-phong-2018-bang-khen.csv";
    std::fs::copy(root().join("inputs").join(list), dir.path().join(list)).unwrap();
    let sample = std::fs::read_to_string(sample_input()).unwrap();
    let long = "    - cap_bac: \"Thiếu tướng\"\n      ho_ten: \"Công Tằng Tôn Nữ Thị Phương Thảo\"\n      chuc_vu: \"Phó Chủ \
                tịch Thường trực Ủy ban nhân dân thành phố, Trưởng Ban Chỉ đạo phong trào toàn dân bảo vệ an ninh Tổ quốc \
                thành phố, Chủ tịch Hội đồng Thi đua - Khen thưởng thành phố, Phó Trưởng ban Thường trực Ban Chỉ đạo 138 \
                thành phố\"\n    - ho_ten: \"Lê Khắc Nam\"";
    let input = dir.path().join("dai.yaml");
    std::fs::write(&input, sample.replacen("    - ho_ten: \"Lê Khắc Nam\"", long, 1)).unwrap();
    let out = dir.path().join("out");
    let run =
        baocao(&["build", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--only", "ngay-hoi-nghi"], &root());
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{said}");
    assert!(
        said.contains("bang-ten.pdf trang 2")
            && said.contains("«Công Tằng Tôn Nữ Thị Phương Thảo»")
            && said.contains("dưới 25 mm"),
        "{said}"
    );
    let pages = pages_of_words(&out.join("bang-ten.pdf"));
    let card = &pages[1];
    for name_word in ["Công", "Tằng", "Thảo"] {
        assert_eq!(card.iter().filter(|w| w.text == name_word).count(), 2, "{name_word} on both faces: {card:?}");
    }
    for w in card {
        let (top, bottom) = if w.y_max <= FOLD + SLACK { (0.0, FOLD) } else { (FOLD, 2.0 * FOLD) };
        let inside = w.x_min >= SIDE - SLACK
            && w.x_max <= WIDTH - SIDE + SLACK
            && w.y_min >= top + END - SLACK
            && w.y_max <= bottom - END + SLACK;
        assert!(inside, "{w:?} off its half sheet");
    }
    // The other cards keep their 25 mm names: no warning names them.
    assert_eq!(said.matches("bang-ten.pdf trang").count(), 1, "{said}");
}
