//! Every DOCX baocao writes is valid Office Open XML and Word-native:
//! `openxml-audit -f microsoft365` (the ECMA-376 schemas and Word's own
//! rules) finds no error and no app-compatibility finding; python-docx
//! opens it and finds the named styles; LibreOffice paginates it like the
//! PDF. Checked on the sample pack (report, decisions with their lists,
//! certificates full, with an emblem and overlaid, press summary), on the
//! period summary, and on seeded generated inputs.
//!
//! The validator and python-docx live in the virtual environment
//! `scripts/test` creates (`target/venv`); `OPENXML_AUDIT` and
//! `BAOCAO_PYTHON` point elsewhere. A missing one fails the test.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::audit::{audit, docx_files, venv_tool};
use common::*;

/// What python-docx sees in a DOCX: the Normal style's font and size,
/// which styles it finds by name, the style of every paragraph (body and
/// table cells) and the core properties.
fn python_docx(docx: &Path) -> serde_json::Value {
    const SCRIPT: &str = r#"
import json, sys, docx
d = docx.Document(sys.argv[1])
wanted = sys.argv[2].split("|")
found = []
for name in wanted:
    try:
        found.append(d.styles[name].name)
    except KeyError:
        pass
paragraphs = list(d.paragraphs) + [p for t in d.tables for r in t.rows for c in r.cells for p in c.paragraphs]
normal = d.styles["Normal"]
c = d.core_properties
print(json.dumps({
    "normal_font": normal.font.name,
    "normal_size": normal.font.size.pt if normal.font.size else None,
    "found": found,
    "paragraph_styles": sorted({p.style.name for p in paragraphs}),
    "title": c.title, "author": c.author, "subject": c.subject,
    "created": c.created.isoformat() if c.created else None,
    "language": c.language,
}))
"#;
    let python = venv_tool("BAOCAO_PYTHON", "python");
    let output = Command::new(&python)
        .args(["-c", SCRIPT])
        .arg(docx)
        .arg(STYLE_NAMES.join("|"))
        .output()
        .unwrap_or_else(|err| panic!("{} could not run: {err}", python.display()));
    assert!(
        output.status.success(),
        "python-docx cannot open {}: {}",
        docx.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The styles a clerk finds by name in every DOCX.
const STYLE_NAMES: [&str; 12] = [
    "Normal",
    "Body Text",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Quốc hiệu",
    "Tiêu ngữ",
    "Cơ quan ban hành",
    "Trích yếu",
    "Nơi nhận",
    "Chữ trong bảng",
    "Chữ trên bằng",
];

/// The paragraph styles baocao's papers use (certificates: the last two).
const PAPER_STYLES: &[&str] = &[
    "Body Text",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Title",
    "Kính gửi",
    "Thẩm quyền ban hành",
    "Căn cứ",
    "Quyết định",
    "Cơ quan chủ quản",
    "Cơ quan ban hành",
    "Quốc hiệu",
    "Tiêu ngữ",
    "Số, ký hiệu",
    "Địa danh, ngày tháng",
    "Tên loại văn bản",
    "Trích yếu",
    "Kèm theo",
    "Đường kẻ",
    "Nơi nhận (nhãn)",
    "Nơi nhận",
    "Quyền hạn, chức vụ người ký",
    "Chỗ ký",
    "Họ tên người ký",
    "Chữ trong bảng",
    "Đầu bảng",
    "Sau bảng",
    "Hình",
    "Neo",
    "Chữ trên bằng",
];

/// Every DOCX under `dir` opens in python-docx with Normal = Times New
/// Roman 14 pt, the named styles found, every paragraph in one of ours
/// (none left in Normal), and core properties that name a title and the
/// issuing body.
fn assert_word_native(dir: &Path) {
    for docx in docx_files(dir) {
        let seen = python_docx(&docx);
        let name = docx.display();
        assert_eq!(seen["normal_font"], "Times New Roman", "{name}");
        assert_eq!(seen["normal_size"], 14.0, "{name}");
        assert_eq!(seen["found"].as_array().unwrap().len(), STYLE_NAMES.len(), "{name}: {}", seen["found"]);
        for style in seen["paragraph_styles"].as_array().unwrap() {
            let style = style.as_str().unwrap();
            assert!(PAPER_STYLES.contains(&style), "{name}: a paragraph in {style:?}");
        }
        assert!(!seen["title"].as_str().unwrap().is_empty(), "{name}: no title");
        assert!(!seen["author"].as_str().unwrap().is_empty(), "{name}: no author");
        assert_eq!(seen["language"], "vi-VN", "{name}");
        let xml = docx_part(&docx, "word/styles.xml");
        assert!(xml.contains(r#"<w:lang w:val="vi-VN""#), "{name}: Vietnamese by default");
        let body = docx_part(&docx, "word/document.xml");
        assert!(!body.contains("<w:lang"), "{name}: no paragraph overrides the language");
    }
}

/// Converts every DOCX of `dir` with LibreOffice and compares its page
/// count with the PDF of the same name (when the pack has one).
fn assert_libreoffice_paginates_like_the_pdf(dir: &Path) {
    for docx in docx_files(dir) {
        let pdf = docx.with_extension("pdf");
        if !pdf.exists() {
            continue;
        }
        let converted = libreoffice_pdf(&docx, &dir.join("lo"));
        assert_eq!(pdf_pages(&converted), pdf_pages(&pdf), "{}: LibreOffice's pages", docx.display());
    }
}

#[test]
fn every_docx_of_the_sample_pack_is_schema_valid_and_word_native() {
    let dir = tempfile::tempdir().unwrap();
    emblem_png(&dir.path().join("logo.png"));
    std::fs::copy(root().join("inputs/hai-phong-2018-bang-khen.csv"), dir.path().join("hai-phong-2018-bang-khen.csv"))
        .unwrap();
    let yaml = std::fs::read_to_string(sample_input())
        .unwrap()
        .replace("    danh_sach_tep:", "    bieu_tuong: \"logo.png\"\n    danh_sach_tep:");
    let with_emblem = dir.path().join("bieu-tuong.yaml");
    std::fs::write(&with_emblem, yaml).unwrap();
    let out = dir.path().join("out");
    build(&sample_input(), &out.join("full"), &["--format", "docx"]);
    build(&sample_input(), &out.join("overlay"), &["--only", "khen", "--format", "docx", "--overlay"]);
    build(&with_emblem, &out.join("emblem"), &["--only", "khen", "--format", "docx"]);
    summary(&out.join("summary"), &["--from", "2016", "--to", "2018", "--ngay", "2019-01-10"]);
    assert!(docx_part(&out.join("emblem/khen-1.docx"), "[Content_Types].xml").contains("image/png"));
    assert!(docx_part(&out.join("summary/tong-hop.docx"), "word/document.xml").contains("<w:drawing>"));
    let findings = audit(&out);
    assert!(findings.is_empty(), "openxml-audit findings:\n{}", findings.join("\n"));
    assert_word_native(&out);
}

fn summary(out: &Path, extra: &[&str]) {
    let inputs = [root().join("inputs/quan-a.yaml"), root().join("inputs/quan-b.yaml")];
    let mut args =
        vec!["summary", inputs[0].to_str().unwrap(), inputs[1].to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let output = baocao(&args, &root());
    assert!(output.status.success(), "summary failed: {}", String::from_utf8_lossy(&output.stderr));
}

/// A tiny red disc as an emblem.
fn emblem_png(path: &Path) {
    let (w, h) = (24u32, 24u32);
    let mut pixels = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as i32 - 12, y as i32 - 12);
            pixels.extend_from_slice(if dx * dx + dy * dy < 100 { &[200, 16, 46, 255] } else { &[0, 0, 0, 0] });
        }
    }
    let mut encoder = png::Encoder::new(std::fs::File::create(path).unwrap(), w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header().unwrap().write_image_data(&pixels).unwrap();
}

/// The sample varied by `seed`: a generated list (names with characters
/// XML must escape among them), zero, one or several addressees, with or
/// without a parent body, narrative with emphasis and several paragraphs
/// (long enough to run over pages), an emblem or not.
fn generated_input(dir: &Path, seed: u64) -> PathBuf {
    let mut rng = Seeded(seed);
    const FAMILY: [&str; 6] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng"];
    const GIVEN: [&str; 7] = ["An", "Bình", "Cường", "Hằng", "Khuê", "Nghĩa", "Ước"];
    const UNITS: [&str; 4] = ["Công an phường", "Đội dân phòng & bảo vệ", "Tổ \"tự quản\" <số>", "Hội Cựu chiến binh"];
    let n = 1 + rng.next(40);
    let mut csv = String::from("loai,danh_xung,ten,chuc_vu,don_vi,so_so\n");
    for i in 0..n {
        if rng.next(2) == 0 {
            let name = format!("{} {} {}", rng.pick(&FAMILY), rng.pick(&["Văn", "Thị", "Đức"]), rng.pick(&GIVEN));
            csv.push_str(&format!("ca_nhan,Ông,{name} {i},Tổ trưởng tổ dân phố số {i},phường Hạ Lý,{:04}\n", i + 1));
        } else {
            let unit = rng.pick(&UNITS).replace('"', "\"\"");
            csv.push_str(&format!("tap_the,,\"{unit} {i}\",,quận Hồng Bàng,{:04}\n", i + 1));
        }
    }
    std::fs::write(dir.join("ds.csv"), csv).unwrap();
    let mut yaml = std::fs::read_to_string(sample_input())
        .unwrap()
        .replace("danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"", "danh_sach_tep: \"ds.csv\"");
    let addressees = match rng.next(3) {
        0 => String::new(),
        1 => "  kinh_gui:\n    - \"Cục V05 - Bộ Công an\"\n".to_string(),
        _ => "  kinh_gui:\n    - \"Cục V05 - Bộ Công an\"\n    - \"Thành ủy Hải Phòng\"\n    - \"UBND thành phố\"\n"
            .into(),
    };
    yaml = yaml.replacen("  ngay: 2018-08-21\n", &format!("  ngay: 2018-08-21\n{addressees}"), 1);
    if rng.next(2) == 0 {
        yaml = yaml.replace("  chu_quan: \"UBND THÀNH PHỐ HẢI PHÒNG\"\n", "");
    }
    let paragraphs = 1 + rng.next(12);
    let narrative: Vec<String> = (0..paragraphs)
        .map(|i| {
            format!(
                "    Đoạn {i}: các đơn vị đã **chủ động** phối hợp, *kịp thời* giải quyết vụ việc \"A & B\" <ngay> \
                 tại cơ sở, góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn thành phố."
            )
        })
        .collect();
    yaml = yaml.replacen("  ket_qua: |\n", &format!("  ket_qua: |\n{}\n\n", narrative.join("\n\n")), 1);
    if rng.next(2) == 0 {
        emblem_png(&dir.join("logo.png"));
        yaml = yaml.replace("    danh_sach_tep:", "    bieu_tuong: \"logo.png\"\n    danh_sach_tep:");
    }
    assert!(yaml.contains("\"ds.csv\"") && yaml.contains("Đoạn 0:"), "the variations reached the input");
    assert_eq!(yaml.contains("kinh_gui"), !addressees.is_empty());
    let path = dir.join("input.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

#[test]
fn every_docx_of_generated_inputs_is_schema_valid_and_word_native() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for seed in [3_u64, 11, 29, 47] {
        let case = dir.path().join(format!("seed-{seed}"));
        std::fs::create_dir_all(&case).unwrap();
        let input = generated_input(&case, seed);
        build(&input, &out.join(format!("seed-{seed}")), &["--format", "docx"]);
        let sheet = ["a4", "a3", "400x300"][seed as usize % 3];
        build(
            &input,
            &out.join(format!("seed-{seed}-overlay")),
            &["--only", "khen", "--format", "docx", "--overlay", "--sheet", sheet],
        );
    }
    let findings = audit(&out);
    assert!(findings.is_empty(), "openxml-audit findings:\n{}", findings.join("\n"));
    assert_word_native(&out);
}

#[test]
fn libreoffice_paginates_every_docx_like_its_pdf() {
    let dir = tempfile::tempdir().unwrap();
    build(&sample_input(), &dir.path().join("sample"), &[]);
    let case = dir.path().join("case");
    std::fs::create_dir_all(&case).unwrap();
    let input = generated_input(&case, 11);
    build(&input, &dir.path().join("generated"), &["--only", "bao-cao,quyet-dinh"]);
    summary(&dir.path().join("summary"), &["--from", "2016", "--to", "2018"]);
    for pack in ["sample", "generated", "summary"] {
        assert_libreoffice_paginates_like_the_pdf(&dir.path().join(pack));
    }
}

#[test]
fn core_properties_name_the_paper_its_body_and_its_date() {
    let dir = tempfile::tempdir().unwrap();
    build(&sample_input(), dir.path(), &["--only", "bao-cao,quyet-dinh", "--format", "docx"]);
    let core = docx_part(&dir.path().join("bao-cao.docx"), "docProps/core.xml");
    assert!(core.contains("<dc:title>Sơ kết 5 năm thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTW"), "{core}");
    assert!(core.contains("<dc:creator>CÔNG AN THÀNH PHỐ HẢI PHÒNG</dc:creator>"), "{core}");
    assert!(core.contains("<dc:subject>Báo cáo số 125/BC-CAHP</dc:subject>"), "{core}");
    assert!(core.contains(">2018-08-21T00:00:00Z</dcterms:created>"), "{core}");
    assert!(!core.contains("unknown") && !core.contains("1970"), "no placeholders: {core}");
    let decision = docx_part(&dir.path().join("quyet-dinh-1.docx"), "docProps/core.xml");
    assert!(decision.contains("<dc:creator>ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG</dc:creator>"), "{decision}");
    assert!(decision.contains(">2018-08-15T00:00:00Z</dcterms:created>"), "{decision}");

    // A summary without a date says none rather than invent one.
    summary(&dir.path().join("summary"), &["--from", "2016", "--to", "2018"]);
    let core = docx_part(&dir.path().join("summary/tong-hop.docx"), "docProps/core.xml");
    assert!(!core.contains("dcterms:created") && core.contains("<dc:title>"), "{core}");
}

#[test]
fn every_docx_of_each_shape_of_programmes_and_periods_is_schema_valid() {
    // One programme of each kind, three together, one year, partial data.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for (name, shape) in common::shapes::all() {
        let input = common::shapes::write(dir.path(), &name, &shape);
        build(&input, &out.join(&name), &["--format", "docx"]);
    }
    let findings = audit(&out);
    assert!(findings.is_empty(), "openxml-audit findings:\n{}", findings.join("\n"));
}
