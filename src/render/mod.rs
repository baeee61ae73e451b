//! Models to bytes: the positioned-item frame, NĐ 30 geometry, page flow,
//! certificate sheets, charts and their raster, and the two backends (PDF
//! with krilla, certificate sheets streamed with pdf-writer; DOCX with
//! docx-rs). Imports only the model and text.

pub(crate) mod calibrate;
pub(crate) mod chart;
pub(crate) mod docx;
pub(crate) mod flow;
pub(crate) mod frame;
pub(crate) mod nd30;
pub mod pdf;
pub(crate) mod pdf_fonts;
pub(crate) mod raster;
pub mod refused;
pub(crate) mod repeated;
pub(crate) mod sheet_pdf;
pub(crate) mod sheets;
pub(crate) mod table;

pub use refused::{ArchivalRule, Refused};

/// Why writing a stream of pages (certificate sheets made one at a time)
/// stopped: the page source failed, the backend refused, or the file it
/// streams into could not be written (a full disk).
#[derive(Debug)]
pub enum Stop<E> {
    Source(E),
    Render(Refused),
    Write(std::io::Error),
}
