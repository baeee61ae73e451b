#![warn(unreachable_pub)]
//! baocao: the papers of a Vietnamese review conference from one YAML file,
//! as PDF and DOCX, laid out as Nghị định 30/2020 prescribes.
//!
//! # Steps
//! - [`input::load`] reads and checks the YAML (and its list files) into an
//!   [`input::Input`], or reports every [`diag::Problem`] at once.
//! - [`words`] gives the papers their wording: the
//!   [`words::templates::Templates`], the markup they write, and the award
//!   phrases every paper shares ([`words::awards`]).
//! - [`documents`] builds each paper as a [`doc::Document`] (typed NĐ 30
//!   blocks and paragraphs) or, for certificates, [`doc::Sheets`] (fitted
//!   frames); nothing there knows PDF or DOCX.
//! - [`render`] turns the same model into PDF (krilla) and DOCX (docx-rs)
//!   bytes, as pure functions.
//! - [`pack`] drives the pipeline: which papers a build makes (its
//!   [`pack::plan`]), rendering them, and writing them with their manifest
//!   into a sink — the output folder, atomically, or memory for the server.
//! - [`app`] is what a person uses: the command line and the workspace's
//!   server, both through the pack.
//!
//! [`diag`] carries every problem and warning, in Vietnamese or English;
//! [`text`] the Vietnamese conventions and fonts every step uses.

pub mod app;
pub mod diag;
pub mod doc;
pub mod documents;
pub mod input;
pub mod pack;
pub mod render;
pub mod text;
pub mod words;

pub use pack::{build, build_summary, check, BuildRequest, Built, DocKind, Format};
