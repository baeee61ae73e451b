//! The Nghị định 30 parts every paper shares, as data: the body rendered
//! from a template, Kính gửi, Nơi nhận and the signature block, and the
//! Vietnamese way of joining and punctuating lists.

use serde::Serialize;

use crate::diag::{Kind, Location, Problem};
use crate::doc::{Align, Block, Page, Paragraph, ParagraphStyle, Role, Signature, Span};
use crate::input::NguoiKy;
use crate::text::fonts::Face;
use crate::text::vn;
use crate::words::markup;
use crate::words::templates::Templates;

/// "A", "A và B", "A, B và C".
pub(crate) fn join_vietnamese(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}

/// Renders template `name` and parses its markup into blocks; `directive`
/// supplies the blocks of its `::name` lines.
pub(crate) fn parse_body(
    templates: &Templates,
    name: &str,
    context: &impl Serialize,
    directive: impl FnMut(&str) -> Option<Vec<Block>>,
) -> Result<Vec<Block>, Problem> {
    let markup_text = templates.render(name, context)?;
    markup::parse(&markup_text, directive).map_err(|detail| Problem {
        location: Location::file(&format!("{name}.hbs")).into(),
        path: String::new(),
        kind: Kind::Template { name: name.into(), detail },
    })
}

/// "Kính gửi: X." centred on one line; several recipients one per line,
/// the first on the label's line and the others under it, the block
/// centred on the page as far as its longest line allows (at most
/// [`ADDRESSEES_INDENT_MM`] in); a recipient too long for its line wraps
/// under its own first word.
pub(crate) fn addressees(recipients: &[String]) -> Vec<Block> {
    addressed(recipients, "Kính gửi: ")
}

/// [`addressees`] under another label ("Kính trình: " of a Party tờ trình).
pub(crate) fn addressed(recipients: &[String], label: &str) -> Vec<Block> {
    let style = ParagraphStyle { first_indent: 0.0, role: Role::Addressee, ..ParagraphStyle::BODY };
    let para =
        |text: String, style: ParagraphStyle| Block::Paragraph(Paragraph { spans: vec![Span::plain(text)], style });
    match recipients {
        [] => Vec::new(),
        [one] => vec![para(
            format!("{label}{}.", trim_end_punctuation(one)),
            ParagraphStyle { align: Align::Center, ..style },
        )],
        many => {
            let mm = |text: &str| Face::Regular.metrics().width(text, style.size) * 25.4 / 72.0;
            let label_mm = mm(label);
            let items = punctuated(many);
            let widest = items.iter().map(|item| mm(item)).fold(0.0, f32::max);
            let indent = ((Page::A4.text_width() - label_mm - widest) / 2.0).clamp(0.0, ADDRESSEES_INDENT_MM);
            let last = items.len() - 1;
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let item_style = ParagraphStyle {
                        left_indent: indent + label_mm,
                        first_indent: if i == 0 { -label_mm } else { 0.0 },
                        align: Align::Left,
                        space_after: if i == last { style.space_after } else { 0.0 },
                        ..style
                    };
                    let text = if i == 0 { format!("{label}{item}") } else { item };
                    para(text, item_style)
                })
                .collect()
        }
    }
}

/// The farthest the Kính gửi block is set in from the left margin, mm.
const ADDRESSEES_INDENT_MM: f32 = 35.0;

fn trim_end_punctuation(text: &str) -> &str {
    text.trim_end_matches([';', '.', ' '])
}

/// "- A;", "- B;", …, "- Z." as NĐ 30 lists recipients.
pub(crate) fn punctuated(items: &[String]) -> Vec<String> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let end = if i + 1 == items.len() { '.' } else { ';' };
            format!("- {}{end}", trim_end_punctuation(item.trim_start_matches(['-', ' '])))
        })
        .collect()
}

/// Nơi nhận and the signature block of `signer`.
pub(crate) fn signature(recipients: &[String], signer: &NguoiKy) -> Signature {
    let mut authority: Vec<String> = signer.the_thuc.iter().map(|t| vn::upper(t)).collect();
    authority.push(vn::upper(&signer.chuc_vu));
    Signature { recipients: punctuated(recipients), authority, name: signer.full_name() }
}

/// Periods of years in `blocks`' paragraphs written with `dash` ("2013 -
/// 2018"), whatever the clerk typed: one paper writes them one way.
pub(crate) fn one_dash(blocks: &mut [Block], dash: &str) {
    for block in blocks {
        if let Block::Paragraph(paragraph) = block {
            for span in &mut paragraph.spans {
                if let std::borrow::Cow::Owned(text) = crate::text::vn::year_ranges(&span.text, dash) {
                    span.text = text;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_punctuated_and_joined() {
        let items: Vec<String> = ["Như trên", "- Bộ Công an;", "Lưu: VT, PV05."].map(String::from).into();
        assert_eq!(punctuated(&items), ["- Như trên;", "- Bộ Công an;", "- Lưu: VT, PV05."]);
        assert_eq!(join_vietnamese(&items[..1]), "Như trên");
        let parties: Vec<String> = ["A", "B", "C"].map(String::from).into();
        assert_eq!(join_vietnamese(&parties), "A, B và C");
    }
}
