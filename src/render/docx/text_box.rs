//! A turned box of text as DOCX: a DrawingML text box (`wps:wsp`) anchored
//! to the page and rotated half a turn (`rot="10800000"`), which Word and
//! LibreOffice both draw upside down — a frame (`w:framePr`) cannot turn.

use super::units::xml_escape;
use crate::doc::Frame;

/// English Metric Units per millimetre, DrawingML's length.
const EMU_PER_MM: f32 = 36_000.0;

/// Half a turn in DrawingML's 60,000ths of a degree.
const HALF_TURN: u32 = 180 * 60_000;

fn emu(mm: f32) -> i64 {
    (mm * EMU_PER_MM).round() as i64
}

/// The run that anchors `frame`'s text box on its page, turned half a turn
/// about its centre; `paragraph` is the box's text as a `w:p` and `id` its
/// drawing's number, unique in the document.
pub(super) fn turned_run(frame: &Frame, paragraph: &str, id: u32) -> String {
    let (x, y, cx, cy) = (emu(frame.x), emu(frame.y), emu(frame.width), emu(frame.height));
    let name = xml_escape(&format!("Hộp chữ {id}"));
    format!(
        concat!(
            r#"<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" "#,
            r#"relativeHeight="{id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">"#,
            r#"<wp:simplePos x="0" y="0"/>"#,
            r#"<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>"#,
            r#"<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>"#,
            r#"<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>"#,
            r#"<wp:docPr id="{id}" name="{name}"/><wp:cNvGraphicFramePr/>"#,
            r#"<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"#,
            r#"<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">"#,
            r#"<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm rot="{turn}"><a:off x="0" y="0"/>"#,
            r#"<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>"#,
            r#"<a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>"#,
            r#"<wps:txbx><w:txbxContent>{paragraph}</w:txbxContent></wps:txbx>"#,
            r#"<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" "#,
            r#"anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>"#,
            r#"</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"#
        ),
        id = id,
        x = x,
        y = y,
        cx = cx,
        cy = cy,
        name = name,
        turn = HALF_TURN,
        paragraph = paragraph,
    )
}
