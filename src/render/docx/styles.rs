//! The named styles of every DOCX (`word/styles.xml`) and the paragraphs
//! that use them: Normal is Times New Roman 14 pt in Vietnamese, each NĐ 30
//! part and heading level has its own style, and a paragraph carries only
//! what differs from its style — so a clerk who restyles "heading 2" or
//! "Nơi nhận" in Word changes every such paragraph at once.

use docx_rs::{
    AlignmentType, BreakType, LineSpacing, LineSpacingType, Paragraph as DocxParagraph, Run, SpecialIndentType,
};

use super::units::{twips, xml_escape};
use crate::doc::{Align, Role, Span};
use crate::render::nd30;
use crate::text::measure::unbreakable_dashes;
use crate::text::measure::{LINE_HEIGHT, PT_PER_MM};

/// The font Word and LibreOffice set every paper in (metric-compatible
/// with the Liberation Serif the PDF embeds).
pub(super) const FONT: &str = "Times New Roman";

/// Line height of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Line {
    /// Exactly this many points, so Word breaks pages where the PDF does.
    Exact(f32),
    /// Single spacing that grows with its content (pictures).
    Single,
    /// At least this many points, more when the content needs it: a
    /// picture's line, which an exact height would clip (LibreOffice cuts
    /// an inline picture taller than its exact line at the top).
    AtLeast(f32),
}

/// How a paragraph is set: sizes and spacing in points, indents in mm.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Look {
    pub size: f32,
    pub align: Align,
    pub left: f32,
    pub right: f32,
    pub first: f32,
    pub before: f32,
    pub after: f32,
    pub line: Line,
    pub keep_next: bool,
    /// The style's face; a span's own face is written on its run.
    pub bold: bool,
    pub italic: bool,
}

/// Text at `size` points: NĐ 30 line height, nothing else.
const fn text(size: f32) -> Look {
    Look {
        size,
        align: Align::Left,
        left: 0.0,
        right: 0.0,
        first: 0.0,
        before: 0.0,
        after: 0.0,
        line: Line::Exact(size * LINE_HEIGHT),
        keep_next: false,
        bold: false,
        italic: false,
    }
}

const fn centred(size: f32) -> Look {
    Look { align: Align::Center, ..text(size) }
}

const fn centred_bold(size: f32) -> Look {
    Look { bold: true, ..centred(size) }
}

/// A paragraph style: id (ASCII, what the XML refers to), the name a clerk
/// sees in Word, the outline level of headings, and its look.
#[derive(Debug)]
pub(super) struct Style {
    pub id: &'static str,
    pub name: &'static str,
    pub outline: Option<u8>,
    pub look: Look,
}

const fn style(id: &'static str, name: &'static str, look: Look) -> Style {
    Style { id, name, outline: None, look }
}

pub(super) const NORMAL: Style = style("Normal", "Normal", text(14.0));
const BODY_LOOK: Look = Look { align: Align::Justify, first: 10.0, after: 6.0, ..text(14.0) };
pub(super) const BODY: Style = style("BodyText", "Body Text", BODY_LOOK);
const HEADING_LOOK: Look = Look { bold: true, keep_next: true, ..BODY_LOOK };
pub(super) const HEADINGS: [Style; 3] = [
    Style {
        id: "Heading1",
        name: "heading 1",
        outline: Some(0),
        look: Look { align: Align::Center, first: 0.0, ..HEADING_LOOK },
    },
    Style { id: "Heading2", name: "heading 2", outline: Some(1), look: HEADING_LOOK },
    Style { id: "Heading3", name: "heading 3", outline: Some(2), look: HEADING_LOOK },
];
pub(super) const HEADLINE: Style = style("Title", "Title", Look { after: 12.0, ..centred(14.0) });
pub(super) const ADDRESSEE: Style = style("KinhGui", "Kính gửi", Look { first: 0.0, ..BODY_LOOK });
pub(super) const AUTHORITY: Style =
    style("ThamQuyen", "Thẩm quyền ban hành", Look { after: 6.0, ..centred_bold(14.0) });
pub(super) const BASIS: Style = style("CanCu", "Căn cứ", Look { italic: true, after: 3.0, ..BODY_LOOK });
pub(super) const ENACTING: Style =
    style("QuyetDinh", "Quyết định", Look { before: 6.0, after: 6.0, ..centred_bold(14.0) });
pub(super) const PARENT_BODY: Style = style("CoQuanChuQuan", "Cơ quan chủ quản", centred(nd30::AGENCY));
pub(super) const ISSUER: Style = style("CoQuanBanHanh", "Cơ quan ban hành", centred_bold(nd30::AGENCY));
pub(super) const NATIONAL: Style = style("QuocHieu", "Quốc hiệu", centred_bold(nd30::NATIONAL));
pub(super) const MOTTO: Style = style("TieuNgu", "Tiêu ngữ", centred_bold(nd30::MOTTO));
pub(super) const NUMBER: Style = style("SoKyHieu", "Số, ký hiệu", Look { before: 6.0, ..centred(nd30::NUMBER) });
pub(super) const PLACE_DATE: Style =
    style("DiaDanhNgay", "Địa danh, ngày tháng", Look { before: 6.0, italic: true, ..centred(nd30::PLACE_DATE) });
pub(super) const KIND: Style = style("TenLoai", "Tên loại văn bản", Look { before: 12.0, ..centred_bold(nd30::TITLE) });
pub(super) const SUBJECT: Style = style("TrichYeu", "Trích yếu", Look { after: 1.5, ..centred_bold(nd30::TITLE) });
pub(super) const NOTE: Style = style("KemTheo", "Kèm theo", Look { after: 1.5, italic: true, ..centred(nd30::TITLE) });
/// The short rules under the issuer, the motto and the trích yếu: an empty
/// paragraph with a bottom border.
pub(super) const RULE: Style = style("DuongKe", "Đường kẻ", Look { line: Line::Exact(2.0), ..text(2.0) });
pub(super) const RECIPIENTS_LABEL: Style = style(
    "NoiNhanNhan",
    "Nơi nhận (nhãn)",
    Look { before: 12.0, bold: true, italic: true, ..text(nd30::RECIPIENTS_LABEL) },
);
pub(super) const RECIPIENTS: Style = style("NoiNhan", "Nơi nhận", text(nd30::RECIPIENTS));
pub(super) const SIGNER_TITLE: Style = style("ChucVuKy", "Quyền hạn, chức vụ người ký", centred_bold(nd30::SIGNATURE));
pub(super) const SIGNING_SPACE: Style = style(
    "ChoKy",
    "Chỗ ký",
    Look { line: Line::Exact(nd30::SIGNING_SPACE_MM * PT_PER_MM), ..centred(nd30::SIGNATURE) },
);
pub(super) const SIGNER_NAME: Style = style("HoTenNguoiKy", "Họ tên người ký", centred_bold(nd30::SIGNATURE));
pub(super) const TABLE_TEXT: Style = style("ChuTrongBang", "Chữ trong bảng", text(13.0));
pub(super) const TABLE_HEAD: Style = style("DauBang", "Đầu bảng", centred(13.0));
/// The gap under a table.
pub(super) const AFTER_TABLE: Style = style("SauBang", "Sau bảng", text(9.0));
pub(super) const PICTURE: Style = style("Hinh", "Hình", Look { line: Line::Single, ..centred(14.0) });
pub(super) const PAGE_HEADER: Style = style("Header", "header", centred(nd30::PAGE_NUMBER));
/// What a page break, a section's end or a certificate's frames hang on.
pub(super) const ANCHOR: Style = style("Neo", "Neo", Look { line: Line::Exact(1.0), ..text(1.0) });
/// A text box of a certificate (size, face and colour vary by box).
pub(super) const CERTIFICATE_TEXT: Style = style("ChuTrenBang", "Chữ trên bằng", centred(14.0));

/// Every style, Normal first.
const ALL: [&Style; 32] = [
    &NORMAL,
    &BODY,
    &HEADINGS[0],
    &HEADINGS[1],
    &HEADINGS[2],
    &HEADLINE,
    &ADDRESSEE,
    &AUTHORITY,
    &BASIS,
    &ENACTING,
    &PARENT_BODY,
    &ISSUER,
    &NATIONAL,
    &MOTTO,
    &NUMBER,
    &PLACE_DATE,
    &KIND,
    &SUBJECT,
    &NOTE,
    &RULE,
    &RECIPIENTS_LABEL,
    &RECIPIENTS,
    &SIGNER_TITLE,
    &SIGNING_SPACE,
    &SIGNER_NAME,
    &TABLE_TEXT,
    &TABLE_HEAD,
    &AFTER_TABLE,
    &PICTURE,
    &PAGE_HEADER,
    &ANCHOR,
    &CERTIFICATE_TEXT,
];

/// The named style of a model paragraph.
pub(super) fn for_role(role: Role) -> &'static Style {
    match role {
        Role::Body => &BODY,
        Role::Heading(level) => &HEADINGS[(level.clamp(1, 3) - 1) as usize],
        Role::Addressee => &ADDRESSEE,
        Role::Authority => &AUTHORITY,
        Role::Basis => &BASIS,
        Role::Enacting => &ENACTING,
        Role::Headline => &HEADLINE,
    }
}

fn half_points(size: f32) -> usize {
    (size * 2.0).round() as usize
}

fn pt_twips(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}

pub(super) fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

fn jc(align: Align) -> &'static str {
    match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    }
}

fn spacing(look: &Look) -> LineSpacing {
    let spacing = LineSpacing::new().before(pt_twips(look.before)).after(pt_twips(look.after));
    match look.line {
        Line::Exact(pt) => spacing.line_rule(LineSpacingType::Exact).line(pt_twips(pt) as i32),
        Line::Single => spacing.line_rule(LineSpacingType::Auto).line(240),
        Line::AtLeast(pt) => spacing.line_rule(LineSpacingType::AtLeast).line(pt_twips(pt) as i32),
    }
}

/// A paragraph of `spans` in `style`, set as `look`: only what differs
/// from the style is written on the paragraph and its runs.
pub(super) fn paragraph(style: &Style, look: Look, spans: &[Span]) -> DocxParagraph {
    let base = style.look;
    let mut p =
        spans.iter().fold(DocxParagraph::new().style(style.id), |p, span| p.add_run(run(span, &base, look.size)));
    // docx-rs writes keepNext only when true: a style that keeps with the
    // next (headings) is used only by paragraphs that do.
    debug_assert!(look.keep_next || !base.keep_next, "{} keeps with the next paragraph", style.name);
    if look.keep_next && !base.keep_next {
        p = p.keep_next(true);
    }
    if (look.before, look.after, look.line) != (base.before, base.after, base.line) {
        p = p.line_spacing(spacing(&look));
    }
    if (look.left, look.right, look.first) != (base.left, base.right, base.first) {
        // w:ind left is where the lines after the first begin; a hanging
        // first line starts that far back from it.
        let first = if look.first > 0.0 {
            Some(SpecialIndentType::FirstLine(twips(look.first)))
        } else if look.first < 0.0 {
            Some(SpecialIndentType::Hanging(twips(-look.first)))
        } else {
            None
        };
        p = p.indent(Some(twips(look.left)), first, Some(twips(look.right)), None);
    }
    if look.align != base.align {
        p = p.align(alignment(look.align));
    }
    if look.size != base.size {
        // The paragraph mark: an empty paragraph is as tall as its mark.
        p = p.size(half_points(look.size));
    }
    p
}

/// A paragraph of `spans` set exactly as its style says.
pub(super) fn plain(style: &Style, spans: &[Span]) -> DocxParagraph {
    paragraph(style, style.look, spans)
}

/// A run of `span` in a paragraph whose style looks like `base` and whose
/// text is `size` points: face and size only where they differ.
pub(super) fn run(span: &Span, base: &Look, size: f32) -> Run {
    // A newline typed in a name breaks the line, as in the PDF.
    let mut run = Run::new();
    for (i, piece) in span.text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(unbreakable_dashes(piece));
    }
    face(run, (span.bold, span.italic), base, size)
}

/// `run` in `bold`/`italic` at `size`, in a paragraph whose style looks
/// like `base`: only what differs is written.
pub(super) fn face(mut run: Run, (bold, italic): (bool, bool), base: &Look, size: f32) -> Run {
    if size != base.size {
        run = run.size(half_points(size));
    }
    run = match (bold, base.bold) {
        (true, false) => run.bold(),
        (false, true) => run.disable_bold(),
        _ => run,
    };
    match (italic, base.italic) {
        (true, false) => run.italic(),
        (false, true) => run.disable_italic(),
        _ => run,
    }
}

/// `word/styles.xml`: document defaults (Times New Roman in all four
/// slots, 14 pt, Vietnamese) and every style, in schema order.
pub(super) fn styles_xml() -> String {
    let mut xml = String::with_capacity(12_000);
    xml.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    xml.push_str(r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#);
    let fonts = format!(r#"<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" />"#);
    let size = half_points(NORMAL.look.size);
    xml.push_str(&format!(
        r#"<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val="{size}" /><w:szCs w:val="{size}" /><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA" /></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl /><w:spacing w:after="0" w:line="240" w:lineRule="auto" /></w:pPr></w:pPrDefault></w:docDefaults>"#
    ));
    for style in ALL {
        let normal = style.id == NORMAL.id;
        xml.push_str(&format!(
            r#"<w:style w:type="paragraph"{} w:styleId="{}"><w:name w:val="{}" />"#,
            if normal { r#" w:default="1""# } else { "" },
            style.id,
            xml_escape(style.name)
        ));
        if !normal {
            xml.push_str(r#"<w:basedOn w:val="Normal" />"#);
        }
        if style.outline.is_some() {
            xml.push_str(&format!(r#"<w:next w:val="{}" />"#, BODY.id));
        }
        xml.push_str(r#"<w:qFormat />"#);
        xml.push_str(&style_properties(style, normal.then_some(fonts.as_str())));
        xml.push_str("</w:style>");
    }
    xml.push_str("</w:styles>");
    xml
}

/// A style's `w:pPr` and `w:rPr`, children in schema order; Normal states
/// everything (`fonts` too), the others what differs from Normal.
fn style_properties(style: &Style, fonts: Option<&str>) -> String {
    let look = style.look;
    let normal = NORMAL.look;
    let full = fonts.is_some();
    let mut ppr = String::new();
    if look.keep_next {
        ppr.push_str("<w:keepNext />");
    }
    if full || (look.before, look.after, look.line) != (normal.before, normal.after, normal.line) {
        let line = match look.line {
            Line::Exact(pt) => format!(r#"w:line="{}" w:lineRule="exact""#, pt_twips(pt)),
            Line::Single => r#"w:line="240" w:lineRule="auto""#.to_string(),
            Line::AtLeast(pt) => format!(r#"w:line="{}" w:lineRule="atLeast""#, pt_twips(pt)),
        };
        ppr.push_str(&format!(
            r#"<w:spacing w:before="{}" w:after="{}" {line} />"#,
            pt_twips(look.before),
            pt_twips(look.after)
        ));
    }
    if (look.left, look.right, look.first) != (0.0, 0.0, 0.0) {
        ppr.push_str(&format!(r#"<w:ind w:left="{}" w:right="{}""#, twips(look.left), twips(look.right)));
        if look.first > 0.0 {
            ppr.push_str(&format!(r#" w:firstLine="{}""#, twips(look.first)));
        }
        ppr.push_str(" />");
    }
    if full || look.align != normal.align {
        ppr.push_str(&format!(r#"<w:jc w:val="{}" />"#, jc(look.align)));
    }
    if let Some(level) = style.outline {
        ppr.push_str(&format!(r#"<w:outlineLvl w:val="{level}" />"#));
    }
    let mut rpr = String::new();
    if let Some(fonts) = fonts {
        rpr.push_str(fonts);
    }
    if look.bold {
        rpr.push_str("<w:b /><w:bCs />");
    }
    if look.italic {
        rpr.push_str("<w:i /><w:iCs />");
    }
    if full || look.size != normal.size {
        let size = half_points(look.size);
        rpr.push_str(&format!(r#"<w:sz w:val="{size}" /><w:szCs w:val="{size}" />"#));
    }
    if full {
        rpr.push_str(r#"<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA" />"#);
    }
    let mut out = String::new();
    if !ppr.is_empty() {
        out.push_str(&format!("<w:pPr>{ppr}</w:pPr>"));
    }
    if !rpr.is_empty() {
        out.push_str(&format!("<w:rPr>{rpr}</w:rPr>"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_have_distinct_ids_and_names_and_normal_is_times_14() {
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i + 1..] {
                assert!(a.id != b.id && a.name != b.name, "{} / {}", a.name, b.name);
            }
        }
        let xml = styles_xml();
        let normal = &xml[xml.find(r#"w:styleId="Normal""#).unwrap()..];
        let normal = &normal[..normal.find("</w:style>").unwrap()];
        assert!(normal.contains(r#"w:ascii="Times New Roman""#) && normal.contains(r#"<w:sz w:val="28" />"#));
        assert!(xml.contains(r#"<w:lang w:val="vi-VN""#));
    }
}
