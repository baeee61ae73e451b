//! The input of schema version 1 (`shared/design/input-schema.md`): the
//! typed records one YAML file describes, read strictly from the file and
//! its list files, every string NFC and known to be drawable.
//!
//! [`load`] is the only way in: it reads, checks types and keys, applies the
//! schema's rules, and returns an [`Input`] or every [`Problem`] at once.

mod advice;
pub(crate) mod bounds;
mod buoi;
pub(crate) mod facts;
mod family;
pub(crate) mod list;
mod locate;
pub(crate) mod metric_map;
mod model;
pub mod narrative;
mod read;
#[cfg(feature = "workspace")]
pub(crate) use read::{MAX_YEAR, MIN_YEAR};
mod rules;
mod sources;
mod text_check;
pub(crate) mod yaml;

use std::path::Path;

pub(crate) use facts::{is_count, is_movement};
pub use model::*;
pub use sources::{Disk, Source, Sources, Stored, Unread};

use crate::diag::{Location, Problem};

/// Reads and checks the input file at `path` (and the list files it names).
/// The file's size, kind and nesting are checked before it is parsed
/// ([`bounds`]); messages name the file as `path` is written.
pub fn load(path: &Path) -> Result<Input, Vec<Problem>> {
    load_with_notes(path).map(|(input, _)| input)
}

/// [`load`], with the notes and warnings saying how list files were read
/// (header row, columns, counts) and what is worth a second look (a title
/// that does not fit a name, a decision without its proposal, a name whose
/// running-text form had to be guessed) for `check` to show.
pub fn load_with_notes(path: &Path) -> Result<(Input, Vec<Problem>), Vec<Problem>> {
    load_source(&Source::path(path))
}

/// Reads and checks the input `source`, every file it names read through
/// its sources: the input whole (lists read, the emblem decoded), and the
/// notes of [`load_with_notes`]. Nothing read later goes back to a file.
pub fn load_source(source: &Source) -> Result<(Input, Vec<Problem>), Vec<Problem>> {
    let sources = source.sources.as_ref();
    let display = source.display();
    let bytes = bounds::read_source(sources, &source.name, "", bounds::MAX_YAML_BYTES).map_err(|p| vec![p])?;
    let text = bounds::utf8(bytes, &display).map_err(|p| vec![p])?;
    load_text(&text, &display, sources)
}

/// The location of field `path` (`o[5].co`) in the YAML `text` of the file
/// `display`: for other YAML files baocao reads (layout, printer profile).
pub(crate) fn locate_yaml(text: &str, display: &str, path: &str) -> Location {
    locate::Locator::yaml(text, display).locate(path, false)
}

/// Reads and checks YAML `text`; list files are looked up under `base`.
pub fn load_str(text: &str, display: &str, base: &Path) -> Result<Input, Vec<Problem>> {
    load_text(text, display, &Disk::new(base)).map(|(input, _)| input)
}

/// Reads and checks YAML `text` named `display`; the files it names come
/// from `sources`.
pub(crate) fn load_text(
    text: &str,
    display: &str,
    sources: &dyn Sources,
) -> Result<(Input, Vec<Problem>), Vec<Problem>> {
    let mut reader = read::Reader::new(text, display, sources);
    let input = reader.input();
    let notes = reader.take_notes();
    let (broken_rules, advice) = match &input {
        Some(input) => {
            let mut advice = advice::warnings(input, reader.locator(), sources);
            advice.extend(family::notes(input, reader.locator()));
            (rules::check(input, reader.locator()), advice)
        }
        None => (Vec::new(), Vec::new()),
    };
    let mut problems = reader.into_problems();
    // A rule only warned about (a decision dated after the report) does
    // not stop the run, as `check` says; with errors it is told among them.
    let stops = |p: &Problem| p.kind.severity() == crate::diag::Severity::Error;
    if !problems.is_empty() || broken_rules.iter().any(stops) {
        problems.extend(broken_rules);
        return Err(problems);
    }
    match input {
        Some(input) => Ok((input, notes.into_iter().chain(broken_rules).chain(advice).collect())),
        None => Err(problems),
    }
}
