//! Helpers shared by the integration tests: the built binary, the tools
//! the tests read our output with (poppler, LibreOffice), and temp folders.
//!
//! A missing tool fails the test with a message naming the package; it
//! never skips. `scripts/test` installs them on a fresh Debian machine.

#![allow(dead_code)]

pub mod audit;
pub mod day;
pub mod lists;
pub mod shapes;

/// A small deterministic generator (the same seed gives the same input),
/// shared by the tests that write generated conferences.
pub struct Seeded(pub u64);

impl Seeded {
    pub fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next(items.len())]
    }
}

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample_input() -> PathBuf {
    root().join("inputs/hai-phong-2018.yaml")
}

pub fn baocao(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baocao")).args(args).current_dir(cwd).output().expect("run baocao")
}

/// Runs `tool`; a missing tool is a failure naming the Debian package.
pub fn tool(tool: &str, args: &[&str]) -> Output {
    let package = match tool {
        "soffice" => "libreoffice-writer-nogui",
        _ => "poppler-utils",
    };
    match Command::new(tool).args(args).output() {
        Ok(output) => output,
        Err(err) => panic!(
            "`{tool}` is needed by this test and could not run ({err}); install the Debian package \
             {package} (scripts/test does)"
        ),
    }
}

pub fn stdout_of(tool_name: &str, args: &[&str]) -> String {
    let output = tool(tool_name, args);
    assert!(output.status.success(), "{tool_name} {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("utf-8 output")
}

/// Text of a PDF (all pages, or `first..=last`), whitespace collapsed.
pub fn pdf_text(pdf: &Path, pages: Option<(usize, usize)>) -> String {
    let path = pdf.to_str().unwrap();
    let text = match pages {
        Some((first, last)) => stdout_of("pdftotext", &["-f", &first.to_string(), "-l", &last.to_string(), path, "-"]),
        None => stdout_of("pdftotext", &[path, "-"]),
    };
    collapse(&text)
}

/// The running text of a whole PDF: [`pdf_text`] without the page number
/// heading each page, so a sentence broken over two pages reads whole.
pub fn pdf_body_text(pdf: &Path) -> String {
    let text = stdout_of("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let body: Vec<String> = text
        .split('\u{c}')
        .map(|page| {
            let mut lines = page.lines().skip_while(|l| l.trim().is_empty()).peekable();
            if lines.peek().is_some_and(|l| !l.trim().is_empty() && l.trim().chars().all(|c| c.is_ascii_digit())) {
                lines.next();
            }
            lines.collect::<Vec<_>>().join("\n")
        })
        .collect();
    collapse(&body.join("\n"))
}

/// Text of each page of a PDF (pdftotext ends pages with a form feed),
/// whitespace collapsed.
pub fn pdf_page_texts(pdf: &Path) -> Vec<String> {
    let text = stdout_of("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(collapse).collect();
    if pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

/// Lines of a PDF as `pdftotext -layout` keeps them (table rows stay
/// rows), each with its whitespace collapsed.
pub fn pdf_layout_lines(pdf: &Path) -> Vec<String> {
    stdout_of("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]).lines().map(collapse).collect()
}

pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn pdf_pages(pdf: &Path) -> usize {
    let info = stdout_of("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints Pages")
}

/// Converts a DOCX to PDF with LibreOffice headless (own profile, so tests
/// can run side by side) and returns the PDF's path.
pub fn libreoffice_pdf(docx: &Path, out_dir: &Path) -> PathBuf {
    let profile = out_dir.join("lo-profile");
    let profile_url = format!("-env:UserInstallation=file://{}", profile.display());
    let output = tool(
        "soffice",
        &[
            &profile_url,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            out_dir.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
    );
    let pdf = out_dir.join(docx.with_extension("pdf").file_name().unwrap());
    assert!(
        output.status.success() && pdf.exists(),
        "LibreOffice could not convert {}: {}",
        docx.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    pdf
}

/// A file from inside a DOCX (zip) archive.
pub fn docx_part(docx: &Path, part: &str) -> String {
    let file = std::fs::File::open(docx).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut entry = archive.by_name(part).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
    text
}

/// The visible text of a DOCX's document.xml, paragraphs joined by spaces.
pub fn docx_text(docx: &Path) -> String {
    let mut xml = docx_part(docx, "word/document.xml");
    // Word's non-breaking hyphen reads as a hyphen; a word joiner is nothing.
    xml = xml.replace("<w:noBreakHyphen />", "<w:t>-</w:t>").replace('\u{2060}', "");
    // A line break reads as a space between the words around it.
    while let Some(at) = xml.find("<w:br") {
        let end = at + xml[at..].find("/>").expect("a closed w:br") + 2;
        xml.replace_range(at..end, "<w:t> </w:t>");
    }
    let mut text = String::new();
    for paragraph in xml.split("</w:p>") {
        for piece in paragraph.split("<w:t").skip(1) {
            let content = piece.split_once('>').map(|x| x.1).unwrap_or("");
            let content = content.split("</w:t>").next().unwrap_or("");
            text.push_str(&unescape_xml(content));
        }
        text.push(' ');
    }
    collapse(&text)
}

fn unescape_xml(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// A copy of the sample input in `dir` whose first award group reads its
/// list from `list_file` (a file the caller puts in `dir`).
pub fn sample_with_list(dir: &Path, list_file: &str) -> PathBuf {
    let yaml = std::fs::read_to_string(sample_input())
        .unwrap()
        .replace("danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"", &format!("danh_sach_tep: \"{list_file}\""));
    let path = dir.join("input.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

/// Builds `input` into `out` and asserts success.
pub fn build(input: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec!["build", input.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let output = baocao(&args, &root());
    assert!(output.status.success(), "build failed: {}", String::from_utf8_lossy(&output.stderr));
}

/// The strings of `input` that the report prints, NFC, as the input has them.
pub fn printed_strings(input: &baocao::input::Input) -> Vec<String> {
    let mut strings = vec![
        input.van_ban.so_ky_hieu.clone(),
        input.van_ban.dia_danh.clone(),
        input.co_quan.ten.clone(),
        input.nguoi_ky.chuc_vu.clone(),
        input.nguoi_ky.ho_ten.clone(),
        input.chuong_trinh.ten.clone(),
    ];
    strings.extend(input.chuong_trinh.so.clone());
    strings.extend(input.co_quan.chu_quan.clone());
    strings.extend(input.nguoi_ky.the_thuc.clone());
    strings.extend(input.nguoi_ky.cap_bac.clone());
    strings.extend(input.chuong_trinh.cac_ben.iter().cloned());
    strings.extend(input.van_ban.noi_nhan.iter().cloned());
    strings.extend(input.van_ban.kinh_gui.iter().cloned());
    for metric in &input.chi_tieu {
        strings.push(metric.ten.clone());
        strings.extend(metric.don_vi.clone());
    }
    let n = &input.noi_dung;
    for section in [
        &n.tinh_hinh,
        &n.lanh_dao_chi_dao,
        &n.ket_qua,
        &n.han_che,
        &n.nguyen_nhan,
        &n.bai_hoc,
        &n.phuong_huong,
        &n.de_xuat,
    ]
    .into_iter()
    .flatten()
    {
        strings.extend(section.split("\n\n").map(collapse));
    }
    for group in &input.khen_thuong {
        strings.push(group.quyet_dinh.so.clone());
    }
    strings
}
