//! The Nghị định 30 parts' geometry (Phụ lục I): sizes and spacings in
//! points, the Quốc hiệu and Tiêu ngữ, the header grid's columns. [R] marks
//! a value the spec leaves open (kept here, in one place).

use crate::doc::{Header, Span};
use crate::text::fonts::Face;
use crate::text::measure::{break_lines, words, PT_PER_MM};

pub(crate) const NATIONAL: f32 = 12.0;
pub(crate) const MOTTO: f32 = 13.0;
pub(crate) const AGENCY: f32 = 12.0;
pub(crate) const NUMBER: f32 = 13.0;
pub(crate) const PLACE_DATE: f32 = 13.0;
pub(crate) const TITLE: f32 = 14.0;
pub(crate) const SIGNATURE: f32 = 14.0;
pub(crate) const RECIPIENTS_LABEL: f32 = 12.0;
pub(crate) const RECIPIENTS: f32 = 11.0;
pub(crate) const PAGE_NUMBER: f32 = 13.0;
/// Narrowest and widest left header column, mm [P/R: ≈ 62–65].
pub(crate) const LEFT_COLUMN_MM: (f32, f32) = (62.0, 80.0);
/// The rule under the agency and the trích yếu: this share of its text line [R: 1/3–1/2].
pub(crate) const SHORT_RULE: f32 = 1.0 / 3.0;
pub(crate) const RULE_WIDTH: f32 = 0.5;
/// Room to sign and stamp, mm [P/R: 25–30].
pub(crate) const SIGNING_SPACE_MM: f32 = 28.0;
/// Share of the text width for Nơi nhận; the signature block takes the rest.
pub(crate) const RECIPIENTS_SHARE: f32 = 0.45;

pub(crate) const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub(crate) const MOTTO_TEXT: &str = "Độc lập - Tự do - Hạnh phúc";

/// Widths (mm) of the header grid's columns: the right one as wide as the
/// Quốc hiệu or the date line needs, the left one takes the rest within
/// [`LEFT_COLUMN_MM`], so a usual agency name stays on one line.
pub(crate) fn header_columns(header: &Header, text_width_mm: f32) -> (f32, f32) {
    let mm = |face: Face, text: &str, size: f32| face.metrics().width(text, size) / PT_PER_MM;
    let date = header.place_date.as_deref().map_or(0.0, |d| mm(Face::Italic, d, PLACE_DATE));
    let right = mm(Face::Bold, NATIONAL_NAME, NATIONAL).max(date) + 3.0;
    let (narrowest, widest) = LEFT_COLUMN_MM;
    let left = (text_width_mm - right).clamp(narrowest, widest);
    (left, text_width_mm - left)
}
/// The width of the widest line `spans` break into at `width` points.
pub(crate) fn widest_line(spans: &[Span], size: f32, width: f32) -> f32 {
    let words = span_words(spans, size);
    break_lines(&words, width, width).iter().map(|l| l.width).fold(0.0, f32::max)
}

/// The words of `spans` in their faces.
pub(crate) fn span_words(spans: &[Span], size: f32) -> Vec<crate::text::measure::Word> {
    words(spans.iter().map(|span| (Face::new(span.bold, span.italic), span.text.as_str())), size)
}
