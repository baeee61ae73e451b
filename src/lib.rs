//! baocao: the papers of a Vietnamese review conference from one YAML file,
//! as PDF and DOCX, laid out as Nghị định 30/2020 prescribes.
//!
//! # Steps
//! - [`input::load`] reads and checks the YAML (and its list files) into an
//!   [`input::Input`], or reports every [`diag::Problem`] at once.
//! - The builders word each paper with the [`templates::Templates`]:
//!   [`report`], [`decision`] and [`press`] build a [`doc::Document`]
//!   (typed NĐ 30 blocks and paragraphs), [`certificate`] builds
//!   [`doc::Sheets`] (fitted frames), [`summary`] a document over many inputs;
//!   [`awards`] gives them all the same counts and names.
//! - [`pdf`] (krilla, via [`layout`]) and [`docx`] (docx-rs) turn the same
//!   model into bytes.
//! - [`pack`] decides what to build and [`output::write_all`] writes the
//!   files and the [`output::Manifest`] atomically.

pub mod awards;
pub mod calibrate;
pub mod certificate;
pub mod chart;
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
pub mod pack;
pub mod pdf;
pub mod press;
pub mod raster;
pub mod report;
pub mod sheet_layout;
pub mod summary;
pub mod templates;
pub mod vn;

use diag::Problem;

pub use pack::{build, build_summary, produce, BuildRequest, Built, DocKind, Format, Rendered};

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
