//! baocao: the papers of a Vietnamese review conference from one YAML file,
//! as PDF and DOCX, laid out as Nghị định 30/2020 prescribes.
//!
//! # Steps
//! - [`input::load`] reads and checks the YAML (and its list files) into an
//!   [`input::Input`], or reports every [`diag::Problem`] at once.
//! - [`report::build`] words the report with the [`templates::Templates`]
//!   and builds a [`doc::Document`]: typed NĐ 30 blocks and paragraphs.
//! - [`pdf::render`] (krilla, via [`layout`]) and [`docx::render`] (docx-rs)
//!   turn the same document into bytes.
//! - [`output::write_all`] writes the files and the [`output::Manifest`]
//!   atomically.

pub mod awards;
pub mod cli;
pub mod decision;
pub mod diag;
pub mod doc;
pub mod docx;
pub mod fonts;
pub mod input;
pub mod layout;
pub mod markup;
pub mod output;
pub mod pdf;
pub mod press;
pub mod report;
pub mod templates;
pub mod vn;

use std::path::{Path, PathBuf};

use diag::Problem;
use output::{Manifest, Produced};

/// Why a run failed: the input is wrong (exit 2), or something else (exit 1).
#[derive(Debug)]
pub enum Failure {
    Input(Vec<Problem>),
    Other(String),
}

impl From<Problem> for Failure {
    fn from(problem: Problem) -> Failure {
        Failure::Input(vec![problem])
    }
}

/// A document kind the `--only` option names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocKind {
    /// The báo cáo sơ kết / tổng kết.
    BaoCao,
    /// Each award group's decision with its attached list.
    QuyetDinh,
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
#[derive(Debug, Clone)]
pub struct BuildRequest {
    pub input: PathBuf,
    pub templates: Option<PathBuf>,
    /// Empty: every kind the input has data for.
    pub only: Vec<DocKind>,
    /// Empty: both formats.
    pub formats: Vec<Format>,
}

/// Reads the input and renders every requested file in memory.
pub fn produce(request: &BuildRequest) -> Result<Vec<Produced>, Failure> {
    let templates = templates::Templates::load(request.templates.as_deref()).map_err(Failure::Input)?;
    let input = input::load(&request.input).map_err(Failure::Input)?;
    let wants = |format: Format| request.formats.is_empty() || request.formats.contains(&format);
    let wanted = |kind: DocKind, has_data: bool| {
        if request.only.is_empty() {
            has_data
        } else {
            request.only.contains(&kind)
        }
    };
    let mut produced = Vec::new();
    // Renders `document` in the formats asked for, among those `kind` has.
    let mut add = |name: String, kind: &'static str, document: &doc::Document, has: &[Format]| -> Result<(), Failure> {
        let wants = |format: Format| has.contains(&format) && wants(format);
        if wants(Format::Pdf) {
            let (bytes, pages) = pdf::render(document).map_err(Failure::Other)?;
            produced.push(Produced { name: format!("{name}.pdf"), kind, format: "pdf", pages: Some(pages), bytes });
        }
        if wants(Format::Docx) {
            let bytes = docx::render(document).map_err(Failure::Other)?;
            produced.push(Produced { name: format!("{name}.docx"), kind, format: "docx", pages: None, bytes });
        }
        Ok(())
    };
    if wanted(DocKind::BaoCao, true) {
        add("bao-cao".into(), "bao-cao", &report::build(&input, &templates)?, &BOTH)?;
    }
    if wanted(DocKind::QuyetDinh, !input.khen_thuong.is_empty()) {
        for index in 0..input.khen_thuong.len() {
            let document = decision::build(&input, index, &templates)?;
            add(format!("quyet-dinh-{}", index + 1), "quyet-dinh", &document, &BOTH)?;
        }
    }
    if wanted(DocKind::TinBai, input.hoi_nghi.is_some()) {
        let (document, text) = press::build(&input, &templates)?;
        add("tin-bai".into(), "tin-bai", &document, &[Format::Docx])?;
        // The plain text for the portal is written whatever formats were asked.
        produced.push(Produced {
            name: "tin-bai.txt".into(),
            kind: "tin-bai",
            format: "txt",
            pages: None,
            bytes: text.into_bytes(),
        });
    }
    Ok(produced)
}

/// Builds and writes into `out_dir` (default `out/<input stem>/`).
pub fn build(request: &BuildRequest, out_dir: Option<&Path>) -> Result<(PathBuf, Manifest), Failure> {
    let produced = produce(request)?;
    let stem = request.input.file_stem().unwrap_or_default().to_string_lossy().to_string();
    let dir = out_dir.map_or_else(|| Path::new("out").join(&stem), Path::to_path_buf);
    let input_name = request.input.file_name().unwrap_or_default().to_string_lossy().to_string();
    let manifest = Manifest::new(&input_name, &produced);
    output::write_all(&dir, &manifest, &produced)
        .map_err(|err| Failure::Other(format!("không ghi được vào «{}»: {err}", dir.display())))?;
    Ok((dir, manifest))
}
