//! The summary's unit table a leader can read: 29 indicators over 5 units
//! print as a row per indicator (grouped by `nhom`, numbered groups) and a
//! column per unit, only the indicators every unit reports — no "–" — with
//! a short header, a sentence saying what was left out; and with one unit
//! there is nothing to compare: no unit table.

use std::path::Path;

use crate::common::*;
use crate::pages;
use crate::{summaries, Seeded};

/// The rows (cells' text) of the DOCX tables between the paragraph
/// holding `heading` and the next paragraph outside a table.
fn docx_tables_after(docx: &Path, heading: &str) -> Vec<Vec<String>> {
    let xml = docx_part(docx, "word/document.xml");
    let start = xml.find(heading).unwrap_or_else(|| panic!("no «{heading}» in {}", docx.display()));
    let after = &xml[start..];
    let body_end = after.find("</w:p>").unwrap() + 6;
    let mut rest = &after[body_end..];
    let mut rows = Vec::new();
    // Tables (and the empty paragraphs between slices) until text outside one.
    while let Some(table_start) = rest.find("<w:tbl>") {
        let between = &rest[..table_start];
        if between.contains("<w:t xml:space") {
            break;
        }
        let end = rest.find("</w:tbl>").unwrap();
        for row in rest[table_start..end].split("<w:tr>").skip(1) {
            let cells = row
                .split("<w:tc>")
                .skip(1)
                .map(|cell| {
                    cell.split("<w:t xml:space=\"preserve\">")
                        .skip(1)
                        .map(|t| t.split("</w:t>").next().unwrap())
                        .collect::<Vec<_>>()
                        .join("")
                })
                .collect();
            rows.push(cells);
        }
        rest = &rest[end + 8..];
    }
    rows
}

#[test]
fn units_are_compared_on_the_indicators_they_share_and_one_unit_is_not() {
    let mut random = Seeded(0x25_0004);
    let summary = summaries::generated(&mut random, 5, 29, 6);
    let docx = summary.out.join("tong-hop.docx");
    let rows = docx_tables_after(&docx, "KẾT QUẢ THEO ĐƠN VỊ");
    assert!(!rows.is_empty(), "a unit table");

    // The indicators every unit reports, in their groups' order.
    let shared: Vec<usize> =
        (0..summary.indicators.len()).filter(|i| summary.units.iter().all(|(_, kept)| kept.contains(i))).collect();
    assert!(shared.len() >= 10 && shared.len() < 29, "{shared:?}");
    let header = &rows[0];
    let units: Vec<&str> = summary.units.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(&header[..3], ["STT", "Chỉ tiêu", "Đơn vị tính"], "{header:?}");
    assert_eq!(&header[3..], [&units[..], &["Tổng cộng"]].concat(), "a column per unit and the total");

    let body: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] != "STT").collect();
    let mut expected: Vec<Vec<String>> = Vec::new();
    let mut group = "";
    let mut roman = 0;
    for &i in &shared {
        let (name, nhom) = &summary.indicators[i];
        if *nhom != group {
            roman += 1;
            group = nhom;
            expected.push(vec![["I", "II", "III", "IV"][roman - 1].to_string(), nhom.to_string()]);
        }
        expected.push(vec![(expected.len() + 1 - roman).to_string(), name.clone(), "lượt".into()]);
    }
    let printed: Vec<Vec<String>> =
        body.iter().map(|r| r.iter().take(3).filter(|c| !c.is_empty()).cloned().collect()).collect();
    assert_eq!(printed, expected, "a row per shared indicator, in its numbered group");
    for row in &body {
        assert!(!row.iter().any(|c| c == "–"), "a unit table of shared indicators has no blank: {row:?}");
    }

    // Read back from the PDF: a header of at most three lines, and the
    // sentence naming what the table leaves out.
    let pdf = summary.out.join("tong-hop.pdf");
    let mut header_lines = None;
    for page in pages::read(&pdf) {
        let lines = page.lines();
        let Some(at) = lines.iter().position(|l| l.text().contains("KẾT QUẢ THEO ĐƠN VỊ")) else { continue };
        let stt = at + 1;
        assert!(lines[stt].text().starts_with("STT"), "{}", lines[stt].text());
        let first_row = lines[stt..].iter().position(|l| l.text().starts_with("I ")).expect("the first group row");
        header_lines = Some(first_row);
    }
    let header_lines = header_lines.expect("the unit table's heading in the PDF");
    assert!(header_lines <= 3, "the unit table's header takes {header_lines} lines");
    let text = pdf_body_text(&pdf);
    let left_out = (0..29).filter(|i| !shared.contains(i) && summary.units.iter().any(|(_, k)| k.contains(i))).count();
    let sentence = format!(
        "Bảng trên so sánh {} chỉ tiêu mà các đơn vị cùng báo cáo; {left_out} chỉ tiêu còn lại chỉ một số đơn vị báo cáo, \
         số liệu tổng hợp tại bảng kết quả theo chỉ tiêu.",
        shared.len()
    );
    assert!(text.contains(&sentence), "{sentence}\n{text}");

    // One unit: nothing to compare, no unit section.
    let single = summaries::generated(&mut random, 1, 29, 6);
    let text = pdf_body_text(&single.out.join("tong-hop.pdf"));
    assert!(!text.contains("THEO ĐƠN VỊ"), "{text}");
    assert!(text.contains("II. BIỂU ĐỒ KẾT QUẢ THEO NĂM"), "{text}");
    assert!(docx_text(&single.out.join("tong-hop.docx")).contains("II. BIỂU ĐỒ KẾT QUẢ THEO NĂM"));
}
