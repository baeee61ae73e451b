//! The conference pack: which papers a build makes (`--only`, `--format`,
//! what the input has data for), rendering them, and writing them with
//! their manifest into a sink — the output folder for `build`, `check` and
//! `summary`, memory for the workspace (`serve`), the same steps for both.

use std::path::{Path, PathBuf};

use crate::app::output::{self, Manifest, Memory, OutputFile, Staging, Writer};
use crate::diag::{Failure, IoAction, Kind, Location, Problem};
use crate::documents::{certificate, decision, press, report, summary};
use crate::render::pdf::Standard;
use crate::render::Stop;
use crate::render::{docx, pdf, sheet_pdf};
use crate::words::templates;
use crate::{doc, input};

/// A document kind the `--only` option names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Replace an output folder that baocao did not write.
    pub force: bool,
    /// PDFs as PDF/A-2b, for archiving.
    pub pdfa: bool,
}

/// The templates, the input, and how its list files were read.
type Prepared = (std::sync::Arc<templates::Templates>, input::Input, Vec<Problem>);

/// Reads and checks everything a build needs before any paper is made:
/// templates, the certificate layout, the input, the print options.
/// Also returns how list files were read and what the input should look
/// at again (notes and warnings).
fn prepare(request: &BuildRequest) -> Result<Prepared, Failure> {
    let templates = templates::Templates::load(request.templates.as_deref()).map_err(Failure::Input)?;
    certificate::check_layout(&templates)?;
    let (input, notes) = input::load_with_notes(&request.input).map_err(Failure::Input)?;
    certificate::check_print(request.print, &templates, &input).map_err(Failure::Input)?;
    Ok((templates, input, notes))
}

/// Validates without rendering: the input, every paper's wording, and
/// every certificate's boxes fitted (nothing laid out or drawn). Returns
/// what a person should check (boxes at their smallest size).
pub fn check(request: &BuildRequest) -> Result<Vec<Problem>, Failure> {
    let (templates, input, notes) = prepare(request)?;
    report::build(&input, &templates)?;
    for index in 0..input.khen_thuong.len() {
        decision::build(&input, index, &templates)?;
    }
    if input.hoi_nghi.is_some() {
        press::build(&input, &templates)?;
    }
    // How list files were read and what the input should look at again
    // come first, then what fitting the certificates found.
    let mut warnings = notes;
    for index in 0..input.khen_thuong.len() {
        // Each sheet is fitted on its own: a long list is fitted in two
        // halves at once, and the halves' findings joined in sheet order.
        let fit = |sheets: std::ops::Range<usize>| -> Result<Vec<certificate::Shrunk>, Failure> {
            let (_, mut source) = certificate::prepare(&input, index, &templates, request.print)?;
            for number in sheets {
                source.sheet(number)?;
            }
            Ok(source.shrunk().to_vec())
        };
        let count = input.khen_thuong[index].danh_sach.len();
        let small = if count < SHEETS_WORTH_A_THREAD {
            fit(0..count)?
        } else {
            let middle = count / 2;
            let (first, second) = std::thread::scope(|scope| {
                let second = scope.spawn(|| fit(middle..count));
                (fit(0..middle), second.join().expect("fitting certificates does not panic"))
            });
            let mut small = first?;
            small.extend(second?);
            small
        };
        warnings.extend(small_warnings(request, index, small));
    }
    Ok(warnings)
}

/// A list this long is fitted by two threads in `check`, and fitted on a
/// thread of its own while a build draws it.
const SHEETS_WORTH_A_THREAD: usize = 2_000;

/// How many fitted sheets may wait for the backend: enough to smooth the
/// two threads' pace, few enough to keep memory flat.
const SHEETS_AHEAD: usize = 64;

/// Runs `consume` with the sheets of `source`, asked for in order from 0:
/// on a long list they are fitted ahead on a second thread, so fitting the
/// next sheets and drawing this one share the machine's cores.
fn with_sheets_ahead<R>(
    source: &mut certificate::Certificates<'_>,
    count: usize,
    consume: impl FnOnce(&mut dyn FnMut(usize) -> Result<doc::Sheet, Problem>) -> R,
) -> R {
    if count < SHEETS_WORTH_A_THREAD {
        return consume(&mut |n| source.sheet(n));
    }
    std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel(SHEETS_AHEAD);
        scope.spawn(move || {
            for number in 0..count {
                let sheet = source.sheet(number);
                let failed = sheet.is_err();
                // A closed channel: the backend stopped (it failed).
                if sender.send(sheet).is_err() || failed {
                    break;
                }
            }
        });
        let mut expected = 0;
        let result = consume(&mut |number| {
            assert_eq!(number, expected, "a backend asks for the sheets in order");
            expected += 1;
            // The thread sends every sheet until one fails, and a backend
            // stops at the first failure: a closed channel is a panic there.
            receiver.recv().expect("the fitting thread did not stop early")
        });
        // A backend that stopped early must not leave the thread waiting
        // to send (the scope would wait for it for ever).
        drop(receiver);
        result
    })
}

/// The warnings for certificate boxes of group `index` at their smallest size.
fn small_warnings(
    request: &BuildRequest,
    index: usize,
    small: Vec<certificate::Shrunk>,
) -> impl Iterator<Item = Problem> + '_ {
    small.into_iter().map(move |s| Problem {
        location: Box::new(Location::file(&request.input.display().to_string())),
        path: format!("khen_thuong[{index}].danh_sach[{}]", s.page - 1),
        kind: Kind::SmallestSize {
            file: format!("khen-{}.pdf", index + 1),
            page: s.page,
            recipient: s.recipient,
            field: s.field,
            tenths_of_pt: (s.size * 10.0).round() as u32,
        },
    })
}

/// Renders every requested file into `out`; returns the warnings.
fn make(
    request: &BuildRequest,
    templates: &templates::Templates,
    input: &input::Input,
    out: &mut Writer,
) -> Result<Vec<Problem>, Failure> {
    let asked = |format: Format| request.formats.is_empty() || request.formats.contains(&format);
    let wanted =
        |kind: DocKind, has_data: bool| if request.only.is_empty() { has_data } else { request.only.contains(&kind) };
    let standard = if request.pdfa { Standard::PdfA2b } else { Standard::Plain };
    let epoch = source_date_epoch()?;
    let mut warnings = Vec::new();
    // Renders a flowing `document` in the formats asked for, among those `kind` has.
    let add = |out: &mut Writer, name: String, kind: &str, document: &doc::Document, has: &[Format]| {
        if has.contains(&Format::Pdf) && asked(Format::Pdf) {
            let (bytes, pages) = pdf::render(document, standard).map_err(render_failure(&name, "pdf"))?;
            out.put(format!("{name}.pdf"), kind, "pdf", Some(pages), None, &bytes)?;
        }
        if has.contains(&Format::Docx) && asked(Format::Docx) {
            // Streamed: a decision's list of 100,000 names is written into
            // the zip a few hundred rows at a time.
            let mut write = |file: &mut dyn output::WriteSeek| {
                docx::write_stream(document, file).map_err(|stop| match stop {
                    Stop::Source(never) => match never {},
                    Stop::Render(detail) => Failure::Render { file: format!("{name}.docx"), detail },
                    Stop::Write(err) => Failure::io(IoAction::Write, format!("{name}.docx"), err),
                })?;
                Ok(())
            };
            out.stream(format!("{name}.docx"), kind, "docx", None, None, &mut write)?;
        }
        Ok::<(), Failure>(())
    };
    if wanted(DocKind::BaoCao, true) {
        add(out, "bao-cao".into(), "bao-cao", &dated(report::build(input, templates)?, epoch), &BOTH)?;
    }
    if wanted(DocKind::QuyetDinh, !input.khen_thuong.is_empty()) {
        for index in 0..input.khen_thuong.len() {
            let document = dated(decision::build(input, index, templates)?, epoch);
            add(out, format!("quyet-dinh-{}", index + 1), "quyet-dinh", &document, &BOTH)?;
        }
    }
    if wanted(DocKind::TinBai, input.hoi_nghi.is_some()) {
        let (document, text) = press::build(input, templates)?;
        add(out, "tin-bai".into(), "tin-bai", &dated(document, epoch), &BOTH)?;
        // The plain text for the portal is written whatever formats were asked.
        out.put("tin-bai.txt".into(), "tin-bai", "txt", None, None, text.as_bytes())?;
    }
    if wanted(DocKind::Khen, !input.khen_thuong.is_empty()) {
        let total: usize = input.khen_thuong.iter().map(|g| g.danh_sach.len()).sum();
        let bar = progress_bar(request.progress, total);
        for index in 0..input.khen_thuong.len() {
            let name = format!("khen-{}", index + 1);
            let (mut frame, mut source) = certificate::prepare(input, index, templates, request.print)?;
            frame.meta.created = epoch.or(frame.meta.created);
            let count = source.count();
            // Sheets are made one at a time as a backend asks for them; the
            // first pass moves the bar.
            let mut first_pass = true;
            if asked(Format::Pdf) {
                let mut write = |file: &mut dyn output::WriteSeek| {
                    with_sheets_ahead(&mut source, count, |sheets| {
                        let mut next = |n: usize| {
                            bar.inc(1);
                            sheets(n)
                        };
                        sheet_pdf::write_sheets(&frame, standard, count, &mut next, file).map_err(stopped(&name, "pdf"))
                    })?;
                    Ok(())
                };
                out.stream(format!("{name}.pdf"), "khen", "pdf", Some(count), Some(count), &mut write)?;
                first_pass = false;
            }
            if asked(Format::Docx) {
                let mut write = |file: &mut dyn output::WriteSeek| {
                    with_sheets_ahead(&mut source, count, |sheets| {
                        let mut next = |n: usize| {
                            if first_pass {
                                bar.inc(1);
                            }
                            sheets(n)
                        };
                        docx::write_sheet_stream(&frame, count, &mut next, file).map_err(stopped(&name, "docx"))
                    })?;
                    Ok(())
                };
                out.stream(format!("{name}.docx"), "khen", "docx", None, Some(count), &mut write)?;
            }
            warnings.extend(small_warnings(request, index, source.shrunk().to_vec()));
            if request.split {
                let group = &input.khen_thuong[index];
                for (position, person) in group.danh_sach.iter().enumerate() {
                    let single = frame.with_sheets(vec![source.sheet(position)?]);
                    let (bytes, pages) =
                        sheet_pdf::render_sheets(&single, standard).map_err(render_failure(&name, "pdf"))?;
                    let file = format!("{name}/{}", certificate::split_file_name(position + 1, &person.ten));
                    out.put(file, "khen", "pdf", Some(pages), Some(1), &bytes)?;
                }
            }
        }
        bar.finish_and_clear();
    }
    Ok(warnings)
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

/// The input's file name as the manifest and default folder use it.
fn input_name(path: &Path) -> String {
    path.file_name().unwrap_or_default().to_string_lossy().to_string()
}

/// Builds and writes into `out_dir` (default `out/<input stem>/`, the stem
/// made a safe folder name), all or nothing.
pub fn build(request: &BuildRequest, out_dir: Option<&Path>) -> Result<Built, Failure> {
    // Everything is read and checked before the folder is touched.
    let prepared = prepare(request)?;
    let stem = request.input.file_stem().unwrap_or_default().to_string_lossy().to_string();
    let dir = out_dir.map_or_else(|| Path::new("out").join(output::safe_name(&stem, "dau-vao")), Path::to_path_buf);
    let mut staging = match Staging::begin(&dir, request.force) {
        Ok(staging) => staging,
        // Every input problem is reported before the folder is judged:
        // what only making the papers finds (a template, a certificate box)
        // is looked for by `check` before the folder's refusal is shown.
        Err(folder) => return Err(check(request).err().unwrap_or(folder)),
    };
    let (manifest, warnings) = write_papers(request, prepared, &mut staging)?;
    staging.commit(&manifest.bytes())?;
    Ok(Built { dir, manifest, warnings })
}

/// Makes every requested paper in memory: the same steps, bytes and names
/// as [`build`] writes — for the workspace, which serves them.
#[cfg(feature = "workspace")]
pub(crate) fn render(request: &BuildRequest) -> Result<Rendered, Failure> {
    let mut memory = Memory::default();
    let (manifest, warnings) = write_papers(request, prepare(request)?, &mut memory)?;
    Ok(Rendered { files: memory.into_files(&manifest), manifest, warnings })
}

/// Writes the papers of a prepared input into `sink`; the manifest and the
/// warnings: how list files were read and what the input should look at
/// again first, then what rendering found.
fn write_papers(
    request: &BuildRequest,
    (templates, input, notes): Prepared,
    sink: &mut dyn output::Sink,
) -> Result<(Manifest, Vec<Problem>), Failure> {
    let mut writer = Writer::new(sink, &input_name(&request.input));
    let mut warnings = notes;
    warnings.extend(make(request, &templates, &input, &mut writer)?);
    Ok((writer.manifest, warnings))
}

/// Papers made in memory, and what a person should check in them.
pub(crate) struct Rendered {
    pub manifest: Manifest,
    pub files: Vec<OutputFile>,
    pub warnings: Vec<Problem>,
}

/// What a build wrote, and what a person should check.
pub struct Built {
    pub dir: PathBuf,
    pub manifest: Manifest,
    /// What a person should check: how list files were read (notes and
    /// warnings), what the input should look at again, certificate boxes
    /// at their smallest size.
    pub warnings: Vec<Problem>,
}

/// Builds the period summary of `request` and writes `tong-hop.pdf`
/// (PDF/A-2b when `pdfa`), `tong-hop.docx` and `manifest.json` into
/// `out_dir` (default `out/tong-hop/`).
pub fn build_summary(request: &summary::SummaryRequest, out_dir: Option<&Path>, pdfa: bool) -> Result<Built, Failure> {
    // Made in memory first: a summary that fails touches no folder.
    let Rendered { manifest, files, warnings } = render_summary(request, pdfa)?;
    let dir = out_dir.map_or_else(|| Path::new("out").join("tong-hop"), Path::to_path_buf);
    let mut staging = Staging::begin(&dir, false)?;
    for file in &files {
        staging.put(&file.entry.path, &file.bytes)?;
    }
    staging.commit(&manifest.bytes())?;
    Ok(Built { dir, manifest, warnings })
}

/// The period summary's papers in memory, as [`build_summary`] writes them.
pub(crate) fn render_summary(request: &summary::SummaryRequest, pdfa: bool) -> Result<Rendered, Failure> {
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
    let names: Vec<String> = request.inputs.iter().map(|p| input_name(p)).collect();
    let mut memory = Memory::default();
    let mut writer = Writer::new(&mut memory, &names.join(", "));
    writer.put("tong-hop.pdf".into(), "tong-hop", "pdf", Some(pages), None, &pdf)?;
    writer.put("tong-hop.docx".into(), "tong-hop", "docx", None, None, &docx)?;
    let manifest = writer.manifest;
    Ok(Rendered { files: memory.into_files(&manifest), manifest, warnings })
}

/// Turns a stopped stream of sheets into the failure: the sheet's problem,
/// or the backend's refusal naming the file.
fn stopped<'a>(name: &'a str, extension: &'a str) -> impl FnOnce(Stop<Problem>) -> Failure + 'a {
    move |stop| match stop {
        Stop::Source(problem) => Failure::from(problem),
        Stop::Render(detail) => Failure::Render { file: format!("{name}.{extension}"), detail },
        Stop::Write(err) => Failure::io(IoAction::Write, format!("{name}.{extension}"), err),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A server renders on threads that made other papers before: the
    /// bytes must be those of a fresh `build`.
    #[test]
    fn papers_do_not_depend_on_what_the_thread_made_before() {
        let request = BuildRequest {
            input: Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs/hai-phong-2018.yaml"),
            only: vec![DocKind::QuyetDinh, DocKind::BaoCao],
            formats: vec![Format::Docx],
            ..BuildRequest::default()
        };
        let first = render(&request).expect("the sample renders");
        // Paragraphs made and never written, as a failed or streamed paper leaves them.
        for _ in 0..100 {
            let _ = docx_rs::Paragraph::new();
        }
        let again = render(&request).expect("the sample renders");
        assert_eq!(first.files.len(), 3);
        for (one, other) in first.files.iter().zip(&again.files) {
            assert_eq!(one.entry.path, other.entry.path);
            assert!(one.bytes == other.bytes, "{} differs", one.entry.path);
        }
    }
}
