//! The conference pack: which papers a build makes (`--only`, `--format`,
//! what the input has data for), rendering them, and writing them with
//! their manifest into a sink — the output folder for `build`, `check` and
//! `summary`, memory for the workspace (`serve`), the same steps for both.

use std::path::{Path, PathBuf};

mod certificates;
pub(crate) mod output;
pub mod plan;

use crate::diag::{Failure, IoAction, Kind, Location, Problem};
use crate::documents::{certificate, day, decision, press, proposal, report, summary};
use crate::render::pdf::Standard;
use crate::render::Stop;
use crate::render::{docx, pdf};
use crate::words::templates;
use crate::{doc, input};
use certificates::{small_warnings, SHEETS_WORTH_A_THREAD};
use output::{render_failure, Manifest, Memory, OutputFile, Staging, Writer};

pub use plan::{BuildRequest, DocKind, FileFormat, Format, Paper};

/// The templates, the input, and how its list files were read.
type Prepared = (std::sync::Arc<templates::Templates>, input::Input, Vec<Problem>);

/// Reads and checks everything a build needs before any paper is made:
/// templates, the certificate layout, the input, the print options.
/// Also returns how list files were read and what the input should look
/// at again (notes and warnings).
fn prepare(request: &BuildRequest) -> Result<Prepared, Failure> {
    let templates = templates::Templates::load(request.templates.as_deref()).map_err(Failure::Input)?;
    certificate::check_layout(&templates)?;
    let (input, notes) = input::load_source(&request.input).map_err(Failure::Input)?;
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
        if input.khen_thuong[index].to_trinh.is_some() {
            proposal::build(&input, index, &templates)?;
        }
    }
    if input.hoi_nghi.is_some() {
        press::build(&input, &templates)?;
        day::script::build(&input, &templates)?;
    }
    // How list files were read and what the input should look at again
    // come first, then what fitting the certificates found.
    let mut warnings = notes;
    for index in (0..input.khen_thuong.len()).filter(|i| !input.khen_thuong[*i].only_proposed()) {
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
    if input.hoi_nghi.as_ref().is_some_and(|c| !c.dai_bieu.is_empty()) {
        warnings.extend(small_names(request, day::cards::build(&input).1));
    }
    Ok(warnings)
}

/// The warnings for place cards whose names print under 25 mm capitals.
fn small_names(request: &BuildRequest, small: Vec<day::cards::SmallName>) -> impl Iterator<Item = Problem> + '_ {
    small.into_iter().map(move |card| Problem {
        location: Box::new(Location::file(&request.input.display())),
        path: format!("hoi_nghi.dai_bieu[{}].ho_ten", card.page - 1),
        kind: Kind::SmallCardName {
            page: card.page,
            name: card.name,
            tenths_of_mm: (card.cap_mm * 10.0).round() as u32,
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
    let standard = if request.pdfa { Standard::PdfA2b } else { Standard::Plain };
    let epoch = source_date_epoch()?;
    let mut warnings = Vec::new();
    // Renders a flowing `document` of `paper` in the formats asked for (a
    // paper's plain text, if any, is written whatever was asked).
    let add = |out: &mut Writer, paper: Paper, document: &doc::Document| {
        if request.asks(FileFormat::Pdf) {
            let name = paper.file(FileFormat::Pdf);
            let (bytes, pages) = pdf::render(document, standard).map_err(render_failure(&name))?;
            out.put(name, paper, FileFormat::Pdf, Some(pages), None, &bytes)?;
        }
        if request.asks(FileFormat::Docx) {
            let name = paper.file(FileFormat::Docx);
            // Streamed: a decision's list of 100,000 names is written into
            // the zip a few hundred rows at a time.
            let mut write = |file: &mut dyn output::WriteSeek| {
                docx::write_stream(document, file).map_err(|stop| match stop {
                    Stop::Source(never) => match never {},
                    Stop::Render(refused) => output::render_failure(&name)(refused),
                    Stop::Write(err) => Failure::io(IoAction::Write, name.clone(), err),
                })?;
                Ok(())
            };
            out.stream(name.clone(), paper, FileFormat::Docx, None, None, &mut write)?;
        }
        Ok::<(), Failure>(())
    };
    let mut papers = plan::chosen(input, &request.only);
    // The certificates, the longest to make, come last (the press summary
    // before them), so a failure in a short paper shows at once.
    papers.sort_by_key(|paper| matches!(paper, Paper::Certificates(_)));
    let total: usize = input.khen_thuong.iter().filter(|g| !g.only_proposed()).map(|g| g.danh_sach.len()).sum();
    let bar = progress_bar(request.progress && papers.iter().any(|p| matches!(p, Paper::Certificates(_))), total);
    for paper in papers {
        match paper {
            Paper::Report => add(out, paper, &dated(report::build(input, templates)?, epoch))?,
            Paper::Decision(index) => add(out, paper, &dated(decision::build(input, index, templates)?, epoch))?,
            Paper::Proposal(index) => add(out, paper, &dated(proposal::build(input, index, templates)?, epoch))?,
            Paper::Press => {
                let (document, text) = press::build(input, templates)?;
                add(out, paper, &dated(document, epoch))?;
                let name = paper.file(FileFormat::Txt);
                out.put(name, paper, FileFormat::Txt, None, None, text.as_bytes())?;
            }
            Paper::Certificates(index) => {
                warnings.extend(certificates::make(request, templates, input, out, (index, epoch, standard), &bar)?);
            }
            Paper::Invitations => add(out, paper, &dated(day::invitations::build(input, templates)?, epoch))?,
            Paper::Agenda => add(out, paper, &dated(day::agenda::build(input, templates)?, epoch))?,
            Paper::Script => add(out, paper, &dated(day::script::build(input, templates)?, epoch))?,
            Paper::Delegates => add(out, paper, &dated(day::lists::delegates(input, templates)?, epoch))?,
            Paper::PlaceCards => {
                let (mut cards, small) = day::cards::build(input);
                cards.meta.created = epoch.or(cards.meta.created);
                certificates::put_sheets(request, out, paper, &cards, standard)?;
                warnings.extend(small_names(request, small));
            }
            Paper::Receipts(index) => add(out, paper, &dated(day::lists::receipts(input, index, templates)?, epoch))?,
            Paper::Summary => unreachable!("a conference's papers hold no period summary"),
        }
    }
    bar.finish_and_clear();
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

/// The input's file name as the manifest names it.
fn input_name(source: &input::Source) -> String {
    Path::new(&source.name).file_name().unwrap_or_default().to_string_lossy().to_string()
}

/// Builds and writes into `out_dir` (default `out/<input stem>/`, the stem
/// made a safe folder name), all or nothing.
pub fn build(request: &BuildRequest, out_dir: Option<&Path>) -> Result<Built, Failure> {
    // Everything is read and checked before the folder is touched.
    let prepared = prepare(request)?;
    let stem = request.input.stem();
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
    let dir = out_dir.map_or_else(|| Path::new("out").join(Paper::Summary.stem()), Path::to_path_buf);
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
    let (pdf_name, docx_name) = (Paper::Summary.file(FileFormat::Pdf), Paper::Summary.file(FileFormat::Docx));
    let (pdf, pages) = pdf.map_err(render_failure(&pdf_name))?;
    let docx = docx.map_err(render_failure(&docx_name))?;
    let names: Vec<String> = request.inputs.iter().map(input_name).collect();
    let mut memory = Memory::default();
    let mut writer = Writer::new(&mut memory, &names.join(", "));
    writer.put(pdf_name, Paper::Summary, FileFormat::Pdf, Some(pages), None, &pdf)?;
    writer.put(docx_name, Paper::Summary, FileFormat::Docx, None, None, &docx)?;
    let manifest = writer.manifest;
    Ok(Rendered { files: memory.into_files(&manifest), manifest, warnings })
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

#[cfg(test)]
mod tests {

    /// A server renders on threads that made other papers before: the
    /// bytes must be those of a fresh `build` (it compares the
    /// workspace's renders, so it needs the workspace).
    #[cfg(feature = "workspace")]
    #[test]
    fn papers_do_not_depend_on_what_the_thread_made_before() {
        use super::*;
        let request = BuildRequest {
            input: input::Source::path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs/hai-phong-2018.yaml")),
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
