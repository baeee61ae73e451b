//! The lists signed on the day: the danh sách đại biểu at the door
//! (`danh-sach-dai-bieu`) and each award group's danh sách ký nhận
//! (`ky-nhan-N`), recipients in the decision's list order — names as the
//! invitations and the decision's list print them, a column to sign.

use super::{award_phrase, centred, conference, conference_name, para, time_line};
use crate::diag::Problem;
use crate::doc::{Align, Block, Document, Metadata, Page, ParagraphStyle, Row, Span, Table, Timestamp};
use crate::input::Input;
use crate::text::vn;
use crate::words::markup::roman;
use crate::words::templates::Templates;
use crate::words::{awards, people};

/// The lists' type size, pt (the decision's list size).
const LIST_SIZE: f32 = 13.0;

/// Room for a signature: a row is at least this tall in the signing column.
const SIGN_COLUMN_MM: f32 = 35.0;

/// STT, name, title or unit, signature: widths in mm on A4's text width.
fn columns() -> Vec<f32> {
    let width = Page::A4.text_width();
    let stt = 15.0;
    let name = (width - stt - SIGN_COLUMN_MM) * 0.45;
    vec![stt, name, width - stt - SIGN_COLUMN_MM - name, SIGN_COLUMN_MM]
}

fn table(header: [&str; 4], rows: Vec<Row>) -> Block {
    Block::Table(Table {
        columns: columns(),
        aligns: vec![Align::Center, Align::Left, Align::Left, Align::Left],
        header: vec![Row { cells: header.map(String::from).into(), bold: true }],
        rows,
        size: LIST_SIZE,
    })
}

fn document(title: String, subject: &str, input: &Input, blocks: Vec<Block>) -> Document {
    Document {
        meta: Metadata {
            title,
            subject: subject.into(),
            author: input.co_quan.ten.clone(),
            created: Some(Timestamp::date(conference(input).ngay)),
        },
        page: Page::A4,
        page_numbers: true,
        blocks,
    }
}

/// The conference's name and time under a list's title.
fn heading(title: &str, input: &Input, templates: &Templates) -> Result<Vec<Block>, Problem> {
    let meeting = conference(input);
    let note = ParagraphStyle { align: Align::Center, first_indent: 0.0, space_after: 12.0, ..ParagraphStyle::BODY };
    Ok(vec![
        centred(title, 14.0),
        centred(conference_name(input, templates)?, 14.0),
        para(vec![Span { text: time_line(meeting), bold: false, italic: true }], note),
    ])
}

/// Every delegate in the input's order, with a column to sign.
pub(crate) fn delegates(input: &Input, templates: &Templates) -> Result<Document, Problem> {
    let meeting = conference(input);
    let rows = meeting
        .dai_bieu
        .iter()
        .enumerate()
        .map(|(i, d)| Row {
            cells: vec![(i + 1).to_string(), people::delegate_name(d), people::delegate_title(d), String::new()],
            bold: false,
        })
        .collect();
    let mut blocks = heading("DANH SÁCH ĐẠI BIỂU", input, templates)?;
    blocks.push(table(["STT", "Họ và tên", "Chức vụ", "Ký tên"], rows));
    Ok(document("Danh sách đại biểu".into(), "Danh sách đại biểu", input, blocks))
}

/// Award group `index`'s recipients as its decision lists them
/// (collectives, then individuals), each with a column to sign. The list
/// is made from the decision, not attached to it: "(Theo Quyết định …)",
/// never the attached list's "Kèm theo".
pub(crate) fn receipts(input: &Input, index: usize, templates: &Templates) -> Result<Document, Problem> {
    let group = &input.khen_thuong[index];
    let (collectives, individuals) = awards::by_kind(group);
    let mut rows = Vec::new();
    let mut part = 0;
    for (title, people) in [("TẬP THỂ", collectives), ("CÁ NHÂN", individuals)] {
        if people.is_empty() {
            continue;
        }
        part += 1;
        rows.push(Row {
            cells: vec![roman(part), format!("{title} ({})", people.len()), String::new(), String::new()],
            bold: true,
        });
        for (i, person) in people.iter().enumerate() {
            rows.push(Row {
                cells: vec![
                    (i + 1).to_string(),
                    awards::display_name(person),
                    awards::position_and_unit(person),
                    String::new(),
                ],
                bold: false,
            });
        }
    }
    let award = award_phrase(group);
    let title = format!("DANH SÁCH KÝ NHẬN {}", vn::upper(group.hinh_thuc.name()));
    let mut blocks = heading(&title, input, templates)?;
    blocks.insert(
        1,
        para(
            vec![Span {
                text: format!(
                    "(Theo Quyết định số {} {} tặng {award})",
                    super::decision_number(group),
                    group.quyet_dinh.ngay.long()
                ),
                bold: false,
                italic: true,
            }],
            ParagraphStyle { align: Align::Center, first_indent: 0.0, ..ParagraphStyle::BODY },
        ),
    );
    blocks.push(table(["STT", "Tên tập thể, cá nhân", "Chức vụ, đơn vị", "Ký nhận"], rows));
    Ok(document(format!("Danh sách ký nhận {award}"), "Danh sách ký nhận", input, blocks))
}
