//! The conference pack: which papers a build makes (`--only`, `--format`,
//! what the input has data for), rendering them in memory, and writing them
//! with their manifest — for `build`, `check` and `summary`.

use std::path::{Path, PathBuf};

use crate::app::output::{self, Manifest, OutputFile};
use crate::diag::{Failure, IoAction, Kind, Location, Problem};
use crate::documents::{certificate, decision, press, report, summary};
use crate::render::pdf::Standard;
use crate::render::{docx, pdf};
use crate::words::templates;
use crate::{doc, input};

/// A document kind the `--only` option names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocKind {
    /// The báo cáo sơ kết / tổng kết.
    BaoCao,
    /// Each award group's decision with its attached list.
    QuyetDinh,
    /// Each award group's certificates.
    Khen,
    /// The press summary.
    TinBai,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Pdf,
    Docx,
}

const BOTH: [Format; 2] = [Format::Pdf, Format::Docx];

/// What `build` (and `check`) are asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildRequest {
    pub input: PathBuf,
    pub templates: Option<PathBuf>,
    /// Empty: every kind the input has data for.
    pub only: Vec<DocKind>,
    /// Empty: both formats.
    pub formats: Vec<Format>,
    /// How certificates are printed.
    pub print: certificate::PrintOptions,
    /// Also one PDF per certificate, in `khen-N/`.
    pub split: bool,
    /// Show a progress bar on stderr (when it is a terminal).
    pub progress: bool,
    /// PDFs as PDF/A-2b, for archiving.
    pub pdfa: bool,
}

/// Files rendered in memory, and what a person should check in them.
pub struct Rendered {
    pub files: Vec<OutputFile>,
    /// What a person should check: how list files were read (notes and
    /// warnings), certificate boxes at their smallest size.
    pub warnings: Vec<Problem>,
}

/// Reads the input and renders every requested file in memory.
pub fn produce(request: &BuildRequest) -> Result<Rendered, Failure> {
    let templates = templates::Templates::load(request.templates.as_deref()).map_err(Failure::Input)?;
    certificate::check_layout(&templates)?;
    let (input, list_notes) = input::load_with_notes(&request.input).map_err(Failure::Input)?;
    let asked = |format: Format| request.formats.is_empty() || request.formats.contains(&format);
    let wanted =
        |kind: DocKind, has_data: bool| if request.only.is_empty() { has_data } else { request.only.contains(&kind) };
    let standard = if request.pdfa { Standard::PdfA2b } else { Standard::Plain };
    let epoch = source_date_epoch()?;
    let mut files = Vec::new();
    // How list files were read and what the input should look at again
    // come first, then what rendering found.
    let mut warnings = list_notes;
    // Renders a flowing `document` in the formats asked for, among those `kind` has.
    let mut add = |name: String, kind: &'static str, document: &doc::Document, has: &[Format]| -> Result<(), Failure> {
        if has.contains(&Format::Pdf) && asked(Format::Pdf) {
            let (bytes, pages) = pdf::render(document, standard).map_err(render_failure(&name, "pdf"))?;
            files.push(OutputFile {
                name: format!("{name}.pdf"),
                kind,
                format: "pdf",
                pages: Some(pages),
                count: None,
                bytes,
            });
        }
        if has.contains(&Format::Docx) && asked(Format::Docx) {
            let bytes = docx::render(document).map_err(render_failure(&name, "docx"))?;
            files.push(OutputFile {
                name: format!("{name}.docx"),
                kind,
                format: "docx",
                pages: None,
                count: None,
                bytes,
            });
        }
        Ok(())
    };
    if wanted(DocKind::BaoCao, true) {
        add("bao-cao".into(), "bao-cao", &dated(report::build(&input, &templates)?, epoch), &BOTH)?;
    }
    if wanted(DocKind::QuyetDinh, !input.khen_thuong.is_empty()) {
        for index in 0..input.khen_thuong.len() {
            let document = dated(decision::build(&input, index, &templates)?, epoch);
            add(format!("quyet-dinh-{}", index + 1), "quyet-dinh", &document, &BOTH)?;
        }
    }
    if wanted(DocKind::TinBai, input.hoi_nghi.is_some()) {
        let (document, text) = press::build(&input, &templates)?;
        add("tin-bai".into(), "tin-bai", &dated(document, epoch), &BOTH)?;
        // The plain text for the portal is written whatever formats were asked.
        files.push(OutputFile {
            name: "tin-bai.txt".into(),
            kind: "tin-bai",
            format: "txt",
            pages: None,
            count: None,
            bytes: text.into_bytes(),
        });
    }
    if wanted(DocKind::Khen, !input.khen_thuong.is_empty()) {
        let total: usize = input.khen_thuong.iter().map(|g| g.danh_sach.len()).sum();
        let bar = progress_bar(request.progress, total);
        for index in 0..input.khen_thuong.len() {
            let name = format!("khen-{}", index + 1);
            let (mut sheets, small) = certificate::build(&input, index, &templates, request.print, &mut || bar.inc(1))?;
            sheets.meta.created = epoch.or(sheets.meta.created);
            let count = sheets.sheets.len();
            warnings.extend(small.into_iter().map(|s| Problem {
                location: Location::file(&request.input.display().to_string()).into(),
                path: format!("khen_thuong[{index}].danh_sach[{}]", s.page - 1),
                kind: Kind::SmallestSize {
                    file: format!("{name}.pdf"),
                    page: s.page,
                    recipient: s.recipient,
                    field: s.field,
                    tenths_of_pt: (s.size * 10.0).round() as u32,
                },
            }));
            if asked(Format::Pdf) {
                let (bytes, pages) = pdf::render_sheets(&sheets, standard).map_err(render_failure(&name, "pdf"))?;
                files.push(OutputFile {
                    name: format!("{name}.pdf"),
                    kind: "khen",
                    format: "pdf",
                    pages: Some(pages),
                    count: Some(count),
                    bytes,
                });
            }
            if asked(Format::Docx) {
                let bytes = docx::render_sheets(&sheets).map_err(render_failure(&name, "docx"))?;
                files.push(OutputFile {
                    name: format!("{name}.docx"),
                    kind: "khen",
                    format: "docx",
                    pages: None,
                    count: Some(count),
                    bytes,
                });
            }
            if request.split {
                let group = &input.khen_thuong[index];
                for (position, (sheet, person)) in sheets.sheets.iter().zip(&group.danh_sach).enumerate() {
                    let single = sheets.with_sheets(vec![sheet.clone()]);
                    let (bytes, pages) = pdf::render_sheets(&single, standard).map_err(render_failure(&name, "pdf"))?;
                    files.push(OutputFile {
                        name: format!("{name}/{}", certificate::split_file_name(position + 1, &person.ten)),
                        kind: "khen",
                        format: "pdf",
                        pages: Some(pages),
                        count: Some(1),
                        bytes,
                    });
                }
            }
        }
        bar.finish_and_clear();
    }
    Ok(Rendered { files, warnings })
}

/// A progress bar on stderr while certificates are laid out; hidden when
/// not asked for or when stderr is not a terminal.
fn progress_bar(shown: bool, total: usize) -> indicatif::ProgressBar {
    if !shown {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(total as u64), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({eta})") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message("bằng khen / giấy khen");
    bar
}

/// Builds and writes into `out_dir` (default `out/<input stem>/`).
pub fn build(request: &BuildRequest, out_dir: Option<&Path>) -> Result<Built, Failure> {
    let Rendered { files: produced, warnings } = produce(request)?;
    let stem = request.input.file_stem().unwrap_or_default().to_string_lossy().to_string();
    let dir = out_dir.map_or_else(|| Path::new("out").join(&stem), Path::to_path_buf);
    let input_name = request.input.file_name().unwrap_or_default().to_string_lossy().to_string();
    let manifest = Manifest::new(&input_name, &produced);
    output::write_all(&dir, &manifest, &produced).map_err(|err| Failure::io(IoAction::Write, &dir, err))?;
    Ok(Built { dir, manifest, warnings })
}

/// What a build wrote, and what a person should check.
pub struct Built {
    pub dir: PathBuf,
    pub manifest: Manifest,
    /// What a person should check: how list files were read (notes and
    /// warnings), certificate boxes at their smallest size.
    pub warnings: Vec<Problem>,
}

/// Builds the period summary of `request` and writes `tong-hop.pdf`
/// (PDF/A-2b when `pdfa`), `tong-hop.docx` and `manifest.json` into
/// `out_dir` (default `out/tong-hop/`).
pub fn build_summary(request: &summary::SummaryRequest, out_dir: Option<&Path>, pdfa: bool) -> Result<Built, Failure> {
    let summary::Summary { document, warnings } = summary::build(request)?;
    let document = dated(document, source_date_epoch()?);
    let standard = if pdfa { Standard::PdfA2b } else { Standard::Plain };
    if pdfa && document.meta.created.is_none() {
        return Err(Problem {
            location: Location::command_line().into(),
            path: "--pdfa".into(),
            kind: Kind::ArchiveNeedsDate,
        }
        .into());
    }
    // The two backends are independent: on two cores the summary takes the longer of them, not both.
    let (pdf, docx) = std::thread::scope(|scope| {
        let docx = scope.spawn(|| docx::render(&document));
        let pdf = pdf::render(&document, standard);
        (pdf, docx.join().expect("the DOCX backend does not panic"))
    });
    let (pdf, pages) = pdf.map_err(render_failure("tong-hop", "pdf"))?;
    let docx = docx.map_err(render_failure("tong-hop", "docx"))?;
    let files = vec![
        OutputFile {
            name: "tong-hop.pdf".into(),
            kind: "tong-hop",
            format: "pdf",
            pages: Some(pages),
            count: None,
            bytes: pdf,
        },
        OutputFile {
            name: "tong-hop.docx".into(),
            kind: "tong-hop",
            format: "docx",
            pages: None,
            count: None,
            bytes: docx,
        },
    ];
    let dir = out_dir.map_or_else(|| Path::new("out").join("tong-hop"), Path::to_path_buf);
    let names: Vec<String> =
        request.inputs.iter().map(|p| p.file_name().unwrap_or_default().to_string_lossy().to_string()).collect();
    let manifest = Manifest::new(&names.join(", "), &files);
    output::write_all(&dir, &manifest, &files).map_err(|err| Failure::io(IoAction::Write, &dir, err))?;
    Ok(Built { dir, manifest, warnings })
}

/// `SOURCE_DATE_EPOCH`, when set: the date every file says it was made,
/// in place of the paper's own (reproducible builds).
fn source_date_epoch() -> Result<Option<doc::Timestamp>, Problem> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else { return Ok(None) };
    let text = value.to_string_lossy();
    match text.trim().parse::<i64>() {
        Ok(seconds) if (0..=253_402_300_799).contains(&seconds) => Ok(Some(doc::Timestamp::from_unix(seconds))),
        _ => Err(Problem {
            location: Location::command_line().into(),
            path: "SOURCE_DATE_EPOCH".into(),
            kind: Kind::SourceDateEpoch(text.into_owned()),
        }),
    }
}

/// `document` made at `epoch` when that is set.
fn dated(mut document: doc::Document, epoch: Option<doc::Timestamp>) -> doc::Document {
    document.meta.created = epoch.or(document.meta.created);
    document
}

/// Turns a backend's refusal into the failure naming the file it was making.
fn render_failure<'a>(name: &'a str, extension: &'a str) -> impl FnOnce(String) -> Failure + 'a {
    move |detail| Failure::Render { file: format!("{name}.{extension}"), detail }
}
