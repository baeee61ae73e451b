//! The schema-order pass over the WordprocessingML docx-rs writes.
//!
//! ECMA-376 gives the children of property elements (`w:pPr`, `w:rPr`,
//! `w:tblPr`, `w:tcPr`, `w:sectPr`, borders, margins) a fixed sequence, and
//! Word checks it: out of order, it "repairs" the file, dropping what it
//! cannot place (a certificate's red, its frames) or refuses it. docx-rs
//! 0.4 writes them in its own order. This pass streams the XML through
//! untouched, except that the children of those elements are put in schema
//! order (stably: equal ranks keep their order) and attributes the schema
//! does not declare are dropped. Element contents elsewhere (paragraph
//! runs, table rows) are copied as they come, so the cost is one scan.

use crate::render::Refused;

/// Children of `parent` in the order the schema wants them, or `None`
/// when order is free or already right.
fn sequence(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        // CT_PPr (with CT_PPrBase first).
        "w:pPr" => &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
        // CT_RPr and CT_ParaRPr (the paragraph mark's, with its revision marks first).
        "w:rPr" => &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
        "w:pBdr" => &["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"],
        "w:tblPr" => &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
        "w:tblBorders" | "w:tcBorders" => &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
        "w:tblCellMar" | "w:tcMar" => &["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"],
        "w:tcPr" => &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
        // CT_SectPr: header and footer references first (in any mix).
        "w:sectPr" => &[
            "w:headerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
        "w:pgBorders" => &["w:top", "w:left", "w:bottom", "w:right"],
        _ => return None,
    })
}

/// Attributes docx-rs writes that the schema does not declare on `element`.
fn undeclared(element: &str) -> &'static [&'static str] {
    match element {
        // CT_TblGridCol has only w:w.
        "w:gridCol" => &["w:type"],
        _ => &[],
    }
}

fn rank(order: &[&str], name: &str) -> usize {
    // Headers and footers share one place: the schema allows any mix.
    let name = if name == "w:footerReference" { "w:headerReference" } else { name };
    order.iter().position(|n| *n == name).unwrap_or(order.len())
}

/// `xml` with the children of property elements in schema order.
pub(super) fn reorder(xml: &str) -> Result<String, Refused> {
    let mut reader = Reader { xml, at: 0, children: Vec::new(), scratch: String::new() };
    let mut out = String::with_capacity(xml.len());
    reader.copy_children(&mut out, None)?;
    Ok(out)
}

struct Reader<'a> {
    xml: &'a str,
    at: usize,
    /// The children of the open elements that have a sequence: (rank,
    /// start, end) of each in the output, innermost element's last.
    children: Vec<(usize, usize, usize)>,
    /// Where children are copied while they are put in order.
    scratch: String,
}

impl Reader<'_> {
    /// Copies nodes into `out` up to and including the end tag of
    /// `parent` (to the end of the input when `None`), putting them in
    /// order when `parent` has a schema sequence.
    fn copy_children(&mut self, out: &mut String, parent: Option<&str>) -> Result<(), Refused> {
        let xml = self.xml;
        let order = parent.and_then(sequence);
        let first_child = self.children.len();
        loop {
            let rest = &xml[self.at..];
            let Some(lt) = rest.find('<') else {
                return match parent {
                    Some(name) => Err(Refused::other("docx", format!("<{name}> is not closed"))),
                    None => {
                        out.push_str(rest);
                        self.at = xml.len();
                        Ok(())
                    }
                };
            };
            if lt > 0 {
                // Text (docx-rs writes none between property elements).
                let start = out.len();
                out.push_str(&rest[..lt]);
                if order.is_some() {
                    self.children.push((usize::MAX, start, out.len()));
                }
                self.at += lt;
            }
            let rest = &xml[self.at..];
            if rest.starts_with("</") {
                let end = rest.find('>').ok_or_else(|| Refused::other("docx", "unclosed end tag"))? + 1;
                if order.is_some() {
                    self.put_in_order(out, first_child);
                }
                out.push_str(&rest[..end]);
                self.at += end;
                return Ok(());
            }
            if rest.starts_with("<?") || rest.starts_with("<!") {
                let end = rest.find('>').ok_or_else(|| Refused::other("docx", "unclosed declaration"))? + 1;
                out.push_str(&rest[..end]);
                self.at += end;
                continue;
            }
            let end = tag_end(rest).ok_or_else(|| Refused::other("docx", "unclosed tag"))?;
            let tag = &rest[..end];
            let name = tag[1..].split(|c: char| c.is_whitespace() || c == '/' || c == '>').next().unwrap_or("");
            self.at += end;
            let start = out.len();
            push_tag(out, name, tag);
            if !tag.ends_with("/>") {
                self.copy_children(out, Some(name))?;
            }
            if let Some(order) = order {
                self.children.push((rank(order, name), start, out.len()));
            }
        }
    }

    /// Sorts the children copied since `first_child` by rank (stably), in
    /// place at the end of `out`; children already in order cost nothing.
    fn put_in_order(&mut self, out: &mut String, first_child: usize) {
        let children = &mut self.children[first_child..];
        if children.windows(2).any(|pair| pair[0].0 > pair[1].0) {
            let from = children[0].1;
            self.scratch.clear();
            self.scratch.push_str(&out[from..]);
            children.sort_by_key(|(rank, _, _)| *rank);
            out.truncate(from);
            for (_, start, end) in children.iter() {
                out.push_str(&self.scratch[start - from..end - from]);
            }
        }
        self.children.truncate(first_child);
    }
}

/// The length of the start tag at the beginning of `rest`, up to and
/// including its `>` (quoted attribute values may hold one).
fn tag_end(rest: &str) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, byte) in rest.bytes().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Writes a start tag, without the attributes `name` must not have.
fn push_tag(out: &mut String, name: &str, tag: &str) {
    let drop = undeclared(name);
    if drop.is_empty() {
        out.push_str(tag);
        return;
    }
    let mut rest = tag;
    for attribute in drop {
        let needle = format!(" {attribute}=\"");
        if let Some(start) = rest.find(&needle) {
            let value_end = rest[start + needle.len()..].find('"').map(|i| start + needle.len() + i + 1);
            if let Some(end) = value_end {
                out.push_str(&rest[..start]);
                rest = &rest[end..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn property_children_follow_the_schema_and_the_rest_is_untouched() {
        let xml = concat!(
            r#"<?xml version="1.0"?><w:document><w:body><w:p><w:pPr><w:rPr><w:sz w:val="24" />"#,
            r#"<w:rFonts w:ascii="A" /></w:rPr><w:jc w:val="center" /><w:spacing w:line="288" />"#,
            r#"<w:framePr w:x="1" /></w:pPr><w:r><w:t xml:space="preserve">a &lt; b</w:t></w:r></w:p>"#,
            r#"<w:tbl><w:tblGrid><w:gridCol w:w="10" w:type="dxa" /></w:tblGrid></w:tbl>"#,
            r#"<w:sectPr><w:pgSz w:w="1" /><w:headerReference w:type="default" r:id="x" /><w:titlePg />"#,
            r#"<w:footerReference w:type="first" r:id="y" /></w:sectPr></w:body></w:document>"#
        );
        let expected = concat!(
            r#"<?xml version="1.0"?><w:document><w:body><w:p><w:pPr><w:framePr w:x="1" />"#,
            r#"<w:spacing w:line="288" /><w:jc w:val="center" /><w:rPr><w:rFonts w:ascii="A" />"#,
            r#"<w:sz w:val="24" /></w:rPr></w:pPr><w:r><w:t xml:space="preserve">a &lt; b</w:t></w:r></w:p>"#,
            r#"<w:tbl><w:tblGrid><w:gridCol w:w="10" /></w:tblGrid></w:tbl>"#,
            r#"<w:sectPr><w:headerReference w:type="default" r:id="x" />"#,
            r#"<w:footerReference w:type="first" r:id="y" /><w:pgSz w:w="1" /><w:titlePg /></w:sectPr>"#,
            r#"</w:body></w:document>"#
        );
        assert_eq!(reorder(xml).unwrap(), expected);
    }

    #[test]
    fn an_unclosed_element_is_an_error() {
        assert!(reorder("<w:p><w:pPr><w:jc />").is_err());
    }

    #[test]
    fn a_quoted_greater_than_stays_inside_its_tag() {
        let xml = r#"<w:p><w:pPr><w:jc w:val="a>b" /><w:pStyle w:val="S" /></w:pPr></w:p>"#;
        assert_eq!(reorder(xml).unwrap(), r#"<w:p><w:pPr><w:pStyle w:val="S" /><w:jc w:val="a>b" /></w:pPr></w:p>"#);
    }
}
