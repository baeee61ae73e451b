//! The Nghị định 30 parts every paper shares, as data: the body rendered
//! from a template, Kính gửi, Nơi nhận and the signature block, and the
//! Vietnamese way of joining and punctuating lists.

use serde::Serialize;

use crate::diag::{Kind, Location, Problem};
use crate::doc::{Align, Block, Paragraph, ParagraphStyle, Role, Signature, Span};
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

/// "Kính gửi: X." on one line, or the recipients one per line under the colon.
pub(crate) fn addressees(recipients: &[String]) -> Vec<Block> {
    let style = ParagraphStyle { first_indent: 0.0, role: Role::Addressee, ..ParagraphStyle::BODY };
    let para =
        |text: String, style: ParagraphStyle| Block::Paragraph(Paragraph { spans: vec![Span::plain(text)], style });
    match recipients {
        [] => Vec::new(),
        [one] => vec![para(
            format!("Kính gửi: {}.", trim_end_punctuation(one)),
            ParagraphStyle { align: Align::Center, ..style },
        )],
        many => {
            let indent = 35.0;
            let label = "Kính gửi: ";
            let label_mm = Face::Regular.metrics().width(label, style.size) * 25.4 / 72.0;
            let mut blocks = vec![para(
                label.trim_end().into(),
                ParagraphStyle { left_indent: indent, align: Align::Left, space_after: 0.0, ..style },
            )];
            blocks.extend(punctuated(many).into_iter().map(|line| {
                para(
                    line,
                    ParagraphStyle { left_indent: indent + label_mm, align: Align::Left, space_after: 0.0, ..style },
                )
            }));
            blocks
        }
    }
}

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
