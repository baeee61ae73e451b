//! The Nghị định 30 parts' geometry (Phụ lục I): sizes and spacings in
//! points, and the lines of the header grid, the title and the signature
//! block — broken once, where a Vietnamese reader breaks them, so the PDF
//! draws them and the DOCX writes them (with explicit line breaks) alike.
//! [R] marks a value the spec leaves open (kept here, in one place).

use crate::doc::{Family, Header, Signatures, Span, Title};
use crate::text::breaks::{balanced_text, filled_text};
use crate::text::fonts::Face;
use crate::text::measure::{words, LINE_HEIGHT, PT_PER_MM};

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
/// The least clear space between the left header block's text and the
/// right one's, mm [R].
pub(crate) const HEADER_GUTTER_MM: f32 = 4.0;
/// The rule under the agency and the trích yếu: this share of its text line [R: 1/3–1/2].
pub(crate) const SHORT_RULE: f32 = 1.0 / 3.0;
pub(crate) const RULE_WIDTH: f32 = 0.5;
/// Room to sign and stamp, mm [P/R: 25–30].
pub(crate) const SIGNING_SPACE_MM: f32 = 28.0;
/// Share of the text width for Nơi nhận, the left half under the signature
/// row as NĐ 30's models set it; the signature block takes the rest.
pub(crate) const RECIPIENTS_SHARE: f32 = 0.5;
/// A rule's band, pt: the empty paragraph whose bottom border it is in the
/// DOCX (2 pt line and the 0.5 pt border, as word processors stack them).
pub(crate) const RULE_BAND: f32 = 2.5;
/// Space between a text and the rule under it, pt (clear of descenders).
pub(crate) const RULE_GAP: f32 = 3.0;
/// Space above the Số / date row, pt.
pub(crate) const NUMBER_GAP: f32 = 6.0;
/// Space above the tên loại and under the trích yếu's rule, pt.
pub(crate) const TITLE_SPACE: f32 = 12.0;
/// Space above the Nơi nhận and the signature block, pt.
pub(crate) const SIGNATURE_SPACE: f32 = 12.0;

pub(crate) const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub(crate) const MOTTO_TEXT: &str = "Độc lập - Tự do - Hạnh phúc";
/// The Party's title, in place of the Quốc hiệu (HD 36 1.1.2).
pub(crate) const PARTY_NAME: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";
/// Under a Party body's name in place of the rule (HD 36 Phụ lục 3).
pub(crate) const STAR: &str = "*";

/// The header's fixed words and sizes (pt), by family.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct HeaderLook {
    /// The right column's first line: the Quốc hiệu or the Party's title.
    pub(crate) title: &'static str,
    pub(crate) title_size: f32,
    /// The Tiêu ngữ under it (NĐ 30 only).
    pub(crate) motto: Option<(&'static str, f32)>,
    pub(crate) agency: f32,
    pub(crate) number: f32,
    pub(crate) place_date: f32,
    /// A star under the body's name instead of a rule.
    pub(crate) star: bool,
}

impl HeaderLook {
    pub(crate) fn of(family: Family) -> HeaderLook {
        match family {
            Family::State => HeaderLook {
                title: NATIONAL_NAME,
                title_size: NATIONAL,
                motto: Some((MOTTO_TEXT, MOTTO)),
                agency: AGENCY,
                number: NUMBER,
                place_date: PLACE_DATE,
                star: false,
            },
            // HD 36 Phụ lục 3: title caps 15 bold, bodies caps 14, Số 14,
            // place and date italic 14.
            Family::Party => HeaderLook {
                title: PARTY_NAME,
                title_size: 15.0,
                motto: None,
                agency: 14.0,
                number: 14.0,
                place_date: 14.0,
                star: true,
            },
        }
    }

    /// The rule under the right column's text: as long as the Tiêu ngữ
    /// (NĐ 30), as the Party's title (HD 36), pt.
    pub(crate) fn right_rule(&self) -> f32 {
        match self.motto {
            Some((motto, size)) => Face::Bold.metrics().width(motto, size),
            None => Face::Bold.metrics().width(self.title, self.title_size),
        }
    }
}

fn mm(face: Face, text: &str, size: f32) -> f32 {
    face.metrics().width(text, size) / PT_PER_MM
}

/// Lines of `text` balanced within `width_mm`.
fn lines(text: &str, face: Face, size: f32, width_mm: f32) -> Vec<String> {
    balanced_text(text, face, size, width_mm * PT_PER_MM).into_iter().map(|(line, _)| line).collect()
}

/// Lines of `text` within `width_mm`, each as full as it can be: a list
/// item that runs on.
fn filled(text: &str, face: Face, size: f32, width_mm: f32) -> Vec<String> {
    filled_text(text, face, size, width_mm * PT_PER_MM).into_iter().map(|(line, _)| line).collect()
}

/// Height of `count` lines of text at `size`, pt.
pub(crate) fn lines_height(count: usize, size: f32) -> f32 {
    count as f32 * size * LINE_HEIGHT
}

/// The header grid, set: column widths (mm), each part's lines, and the
/// heights (pt) of its two rows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeaderSet {
    pub(crate) look: HeaderLook,
    pub(crate) left_mm: f32,
    pub(crate) right_mm: f32,
    pub(crate) parent: Vec<String>,
    pub(crate) issuer: Vec<String>,
    /// Length of the rule under the issuer, pt.
    pub(crate) issuer_rule: f32,
    pub(crate) number: Vec<String>,
    pub(crate) place_date: Vec<String>,
    /// The agency | Quốc hiệu row, rules included.
    pub(crate) top_height: f32,
    /// The Số | date row with the space above it (0 on an attached list).
    pub(crate) row_height: f32,
}

impl HeaderSet {
    pub(crate) fn height(&self) -> f32 {
        self.top_height + self.row_height
    }

    /// Heights of the left and right text in the top row (rules aside).
    pub(crate) fn left_text_height(&self) -> f32 {
        lines_height(self.parent.len() + self.issuer.len(), self.look.agency)
    }

    pub(crate) fn right_text_height(&self) -> f32 {
        self.look.title_size * LINE_HEIGHT + self.look.motto.map_or(0.0, |(_, size)| size * LINE_HEIGHT)
    }
}

/// Sets the header grid within `text_width_mm`: the right column as wide
/// as the Quốc hiệu or the date line needs, the left one the rest within
/// [`LEFT_COLUMN_MM`]; the agency's lines balanced within what keeps a
/// [`HEADER_GUTTER_MM`] clear of the right block; a typed newline breaks.
pub(crate) fn header_set(header: &Header, family: Family, text_width_mm: f32) -> HeaderSet {
    let look = HeaderLook::of(family);
    let national = mm(Face::Bold, look.title, look.title_size);
    let date = header.place_date.as_deref().map_or(0.0, |d| mm(Face::Italic, d, look.place_date));
    let right_need = national.max(date) + 3.0;
    let (narrowest, widest) = LEFT_COLUMN_MM;
    let left_mm = (text_width_mm - right_need).clamp(narrowest, widest);
    let right_mm = text_width_mm - left_mm;
    let place_date = header
        .place_date
        .as_deref()
        .map(|d| lines(d, Face::Italic, look.place_date, right_mm - 1.0))
        .unwrap_or_default();
    let right_text = place_date.iter().map(|l| mm(Face::Italic, l, look.place_date)).fold(national, f32::max);
    // Both blocks are centred in their columns: the gap between them is
    // half of each column's spare width.
    let left_text = (left_mm + (right_mm - right_text) - 2.0 * HEADER_GUTTER_MM).min(left_mm);
    let agency = look.agency;
    let parent = header.parent.as_deref().map(|p| lines(p, Face::Regular, agency, left_text)).unwrap_or_default();
    let issuer = lines(&header.issuer, Face::Bold, agency, left_text);
    let issuer_width = issuer.iter().map(|l| Face::Bold.metrics().width(l, agency)).fold(0.0, f32::max);
    let number =
        header.number.as_deref().map(|n| lines(n, Face::Regular, look.number, left_mm - 1.0)).unwrap_or_default();
    let left_height = lines_height(parent.len() + issuer.len(), agency);
    let right_height = look.title_size * LINE_HEIGHT + look.motto.map_or(0.0, |(_, size)| size * LINE_HEIGHT);
    let top_height = if look.star {
        // The star is a line of its own; the rule is the right column's.
        (left_height + agency * LINE_HEIGHT).max(right_height + RULE_GAP + RULE_BAND)
    } else {
        left_height.max(right_height) + RULE_GAP + RULE_BAND
    };
    let row_lines = number.len().max(place_date.len());
    let row_height = if row_lines > 0 { NUMBER_GAP + lines_height(row_lines, look.number) } else { 0.0 };
    HeaderSet {
        look,
        left_mm,
        right_mm,
        parent,
        issuer,
        issuer_rule: issuer_width * SHORT_RULE,
        number,
        place_date,
        top_height,
        row_height,
    }
}

/// The tên loại and trích yếu, set: lines of each, the rule's length.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TitleSet {
    pub(crate) kind: Vec<String>,
    pub(crate) subject: Vec<String>,
    pub(crate) note: Vec<String>,
    /// Length of the rule under the trích yếu, pt.
    pub(crate) rule: f32,
}

pub(crate) fn title_set(title: &Title, text_width_mm: f32) -> TitleSet {
    let kind = lines(&title.kind, Face::Bold, TITLE, text_width_mm);
    let subject = lines(&title.subject, Face::Bold, TITLE, text_width_mm);
    let note = title.note.as_deref().map(|n| lines(n, Face::Italic, TITLE, text_width_mm)).unwrap_or_default();
    let widest = subject.iter().map(|l| Face::Bold.metrics().width(l, TITLE)).fold(0.0, f32::max);
    TitleSet { kind, subject, note, rule: widest * SHORT_RULE }
}

/// Nơi nhận and the signature block, set: columns (mm), each recipient's
/// lines, the authority's and the name's lines, and the block's height (pt,
/// the space above included).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SignatureSet {
    pub(crate) left_mm: f32,
    pub(crate) right_mm: f32,
    pub(crate) recipients: Vec<Vec<String>>,
    pub(crate) authority: Vec<String>,
    pub(crate) name: Vec<String>,
    pub(crate) height: f32,
    /// A joint paper's other blocks (authority lines, name lines), left to
    /// right, each in a column `right_mm` wide; Nơi nhận then goes under
    /// the row of blocks, `blocks_height` (pt, the space above included)
    /// down, `left_mm` (the text's width) wide.
    pub(crate) beside: Vec<(Vec<String>, Vec<String>)>,
    pub(crate) blocks_height: f32,
    /// The most authority lines of a block: every name stands this many
    /// lines (and the room to sign) under the blocks' top, level.
    pub(crate) authority_lines: usize,
    /// "Nơi nhận:" set as the family writes it: size, and underlined
    /// upright (Party) or bold italic (NĐ 30).
    pub(crate) label_size: f32,
    pub(crate) label_underlined: bool,
    pub(crate) recipients_size: f32,
}

impl SignatureSet {
    /// Whether the blocks stand side by side with Nơi nhận under them.
    pub(crate) fn joint(&self) -> bool {
        !self.beside.is_empty()
    }
}

pub(crate) const RECIPIENTS_LABEL_TEXT: &str = "Nơi nhận:";

pub(crate) fn signature_set(signature: &Signatures, text_width_mm: f32) -> SignatureSet {
    let (right_block, beside_blocks) = signature.signers.split_last().expect("a paper is signed");
    let joint = !beside_blocks.is_empty();
    // Side by side, the blocks share the width; Nơi nhận goes under them,
    // as wide as the text.
    let columns = signature.signers.len();
    let left_mm = if joint { text_width_mm } else { text_width_mm * RECIPIENTS_SHARE };
    let right_mm = if joint { text_width_mm / columns as f32 } else { text_width_mm - left_mm };
    // HD 36: "Nơi nhận:" 14 underlined, the list 12 [R: HD 05].
    let (label_size, label_underlined, recipients_size) = match signature.family {
        Family::State => (RECIPIENTS_LABEL, false, RECIPIENTS),
        Family::Party => (14.0, true, 12.0),
    };
    let recipients: Vec<Vec<String>> =
        signature.recipients.iter().map(|r| filled(r, Face::Regular, recipients_size, left_mm - 2.0)).collect();
    let block = |signer: &crate::doc::Signer| {
        let authority: Vec<String> =
            signer.authority.iter().flat_map(|a| lines(a, Face::Bold, SIGNATURE, right_mm - 2.0)).collect();
        (authority, lines(&signer.name, Face::Bold, SIGNATURE, right_mm - 2.0))
    };
    let (authority, name) = block(right_block);
    let beside: Vec<(Vec<String>, Vec<String>)> = beside_blocks.iter().map(block).collect();
    let authority_lines = beside.iter().map(|(a, _)| a.len()).fold(authority.len(), usize::max);
    let block_height = |name: &[String]| {
        lines_height(authority_lines, SIGNATURE) + SIGNING_SPACE_MM * PT_PER_MM + lines_height(name.len(), SIGNATURE)
    };
    let left = label_size * LINE_HEIGHT + lines_height(recipients.iter().map(Vec::len).sum(), recipients_size);
    let right = block_height(&name);
    let (height, blocks_height) = if joint {
        let blocks = beside.iter().map(|(_, name)| block_height(name)).fold(right, f32::max) + SIGNATURE_SPACE;
        (blocks + SIGNATURE_SPACE + left, blocks)
    } else {
        (SIGNATURE_SPACE + left.max(right), 0.0)
    };
    SignatureSet {
        left_mm,
        right_mm,
        recipients,
        authority,
        name,
        height,
        beside,
        blocks_height,
        authority_lines,
        label_size,
        label_underlined,
        recipients_size,
    }
}

/// The words of `spans` in their faces.
pub(crate) fn span_words(spans: &[Span], size: f32) -> Vec<crate::text::measure::Word> {
    words(spans.iter().map(|span| (Face::new(span.bold, span.italic), span.text.as_str())), size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_keeps_a_gutter_and_breaks_names_whole() {
        let header = Header {
            parent: Some("ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM".into()),
            issuer: "BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM QUẬN HỒNG BÀNG".into(),
            number: Some("Số: 1234/BC-MTTW-BTT".into()),
            place_date: Some("Thành phố Hồ Chí Minh, ngày 29 tháng 12 năm 2025".into()),
        };
        let set = header_set(&header, Family::State, 165.0);
        assert!((set.left_mm + set.right_mm - 165.0).abs() < 0.01);
        let national = mm(Face::Bold, NATIONAL_NAME, NATIONAL);
        let right_text = set.place_date.iter().map(|l| mm(Face::Italic, l, PLACE_DATE)).fold(national, f32::max);
        for line in &set.issuer {
            let gap = (set.left_mm - mm(Face::Bold, line, AGENCY)) / 2.0 + (set.right_mm - right_text) / 2.0;
            assert!(gap >= HEADER_GUTTER_MM - 0.01, "{line}: {gap} mm");
            assert!(!line.ends_with("HỒNG") && !line.ends_with("VIỆT"), "{:?}", set.issuer);
        }
        assert_eq!(set.number, ["Số: 1234/BC-MTTW-BTT"]);
    }
}
