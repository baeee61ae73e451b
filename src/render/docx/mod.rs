//! DOCX backend: the same [`Document`] as a Word-native file — A4, NĐ 30
//! margins, every paragraph in a named style (Normal is Times New Roman
//! 14 pt in Vietnamese; headings, table text and each NĐ 30 part have their
//! own), exact line heights so Word and LibreOffice break pages where the
//! PDF does, and the PAGE field in the header with the first page's number
//! suppressed.
//!
//! docx-rs builds the body; three layers make it a file Word takes without
//! repair: what docx-rs 0.4 cannot write is added to its XML (`w:tblHeader`,
//! page borders), [`schema`] puts property elements in the order the
//! ECMA-376 schema fixes, and [`package`] writes the parts around the body
//! (styles, settings, theme, core properties) itself.

mod body;
mod flow;
mod package;
mod schema;
mod sheets;
mod stream;
mod styles;
mod text_box;
mod units;

pub(crate) use body::render;
pub(crate) use sheets::write_sheet_stream;
pub(crate) use stream::write_stream;
