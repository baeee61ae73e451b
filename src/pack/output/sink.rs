//! Where a build's papers go as they are made — the staging folder
//! (`build`, `summary`) or memory (the workspace, `baocao serve`) — each
//! listed in the manifest in the order it was made, so both hand out the
//! same bytes under the same names.

use std::io::{Cursor, Seek, Write};

use super::folder::Staging;
use super::manifest::{Manifest, ManifestEntry};
use crate::diag::{ArchivalRule, Failure, IoAction, RenderKind};
use crate::pack::plan::{FileFormat, Paper};
use crate::render::{self, Refused};

/// A destination a file can be written to in one go or streamed into
/// (certificate sheets into a DOCX, which seeks back to finish its ZIP).
pub(crate) trait WriteSeek: Write + Seek {}

impl<T: Write + Seek> WriteSeek for T {}

/// Writes `bytes`, or streams, under a plain relative name.
pub(crate) trait Sink {
    fn put(&mut self, name: &str, bytes: &[u8]) -> Result<(), Failure>;

    /// The file `name` written by `write` piece by piece.
    fn stream(
        &mut self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn WriteSeek) -> Result<(), Failure>,
    ) -> Result<(), Failure>;
}

impl Sink for Staging {
    fn put(&mut self, name: &str, bytes: &[u8]) -> Result<(), Failure> {
        Staging::put(self, name, bytes)
    }

    fn stream(
        &mut self,
        name: &str,
        write: &mut dyn FnMut(&mut dyn WriteSeek) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        let mut file = std::io::BufWriter::new(self.create(name)?);
        write(&mut file)?;
        file.into_inner().map_err(|err| Failure::io(IoAction::Write, name, err.into_error()))?;
        Ok(())
    }
}

/// Files kept in memory, in the order they were made.
#[derive(Default)]
pub(crate) struct Memory {
    files: Vec<Vec<u8>>,
}

impl Sink for Memory {
    fn put(&mut self, _name: &str, bytes: &[u8]) -> Result<(), Failure> {
        self.files.push(bytes.to_vec());
        Ok(())
    }

    fn stream(
        &mut self,
        _name: &str,
        write: &mut dyn FnMut(&mut dyn WriteSeek) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        let mut buffer = Cursor::new(Vec::new());
        write(&mut buffer)?;
        self.files.push(buffer.into_inner());
        Ok(())
    }
}

impl Memory {
    /// The files made, each with what the manifest says of it (`manifest`
    /// is the one the [`Writer`] over this memory kept).
    pub(crate) fn into_files(self, manifest: &Manifest) -> Vec<OutputFile> {
        manifest.files.iter().zip(self.files).map(|(entry, bytes)| OutputFile { entry: entry.clone(), bytes }).collect()
    }
}

/// A paper made in memory: its manifest entry and its bytes.
#[derive(Debug, Clone)]
pub(crate) struct OutputFile {
    pub entry: ManifestEntry,
    pub bytes: Vec<u8>,
}

/// Files as they are written into a [`Sink`], and listed in the manifest.
pub(crate) struct Writer<'s> {
    sink: &'s mut dyn Sink,
    pub(crate) manifest: Manifest,
}

impl<'s> Writer<'s> {
    /// A writer into `sink`, its manifest naming `input`.
    pub(crate) fn new(sink: &'s mut dyn Sink, input: &str) -> Writer<'s> {
        Writer { sink, manifest: Manifest::new(input) }
    }

    pub(crate) fn put(
        &mut self,
        name: String,
        paper: Paper,
        format: FileFormat,
        pages: Option<usize>,
        count: Option<usize>,
        bytes: &[u8],
    ) -> Result<(), Failure> {
        self.sink.put(&name, bytes)?;
        self.listed(name, paper, format, pages, count);
        Ok(())
    }

    /// The file `name` streamed by `write`, then listed.
    pub(crate) fn stream(
        &mut self,
        name: String,
        paper: Paper,
        format: FileFormat,
        pages: Option<usize>,
        count: Option<usize>,
        write: &mut dyn FnMut(&mut dyn WriteSeek) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        self.sink.stream(&name, write)?;
        self.listed(name, paper, format, pages, count);
        Ok(())
    }

    fn listed(&mut self, name: String, paper: Paper, format: FileFormat, pages: Option<usize>, count: Option<usize>) {
        self.manifest.files.push(ManifestEntry { path: name, kind: paper.kind(), format, pages, count });
    }
}

/// Turns a backend's refusal into the failure naming the file it was making.
pub(crate) fn render_failure(file: &str) -> impl FnOnce(Refused) -> Failure + '_ {
    move |refused| Failure::Render { file: file.to_string(), kind: render_kind(refused) }
}

/// The backend's refusal as the kind diagnostics word.
fn render_kind(refused: Refused) -> RenderKind {
    match refused {
        Refused::NoGlyph { text } => RenderKind::NoGlyph { text },
        Refused::Archival(rule) => RenderKind::Archival(match rule {
            render::ArchivalRule::TooLong => ArchivalRule::TooLong,
            render::ArchivalRule::TooManyObjects => ArchivalRule::TooManyObjects,
            render::ArchivalRule::ForbiddenCharacter(c) => ArchivalRule::ForbiddenCharacter(c),
            render::ArchivalRule::FontLicence => ArchivalRule::FontLicence,
            render::ArchivalRule::NoDate => ArchivalRule::NoDate,
            render::ArchivalRule::Other(rule) => ArchivalRule::Other(rule),
        }),
        Refused::Image => RenderKind::Image,
        Refused::Other { library, detail } => RenderKind::Other { library, detail },
    }
}
