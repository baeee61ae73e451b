//! The chương trình hội nghị (`chuong-trinh-hoi-nghi.pdf`, `.docx`): the
//! agenda with times — the input's `nghi_trinh`, or the default sequence
//! (đón tiếp; tuyên bố lý do, giới thiệu đại biểu; báo cáo; tham luận;
//! khen thưởng; phát biểu chỉ đạo; tiếp thu, bế mạc) timed from the opening.

use super::{centred, conference, conference_name, para, time_line};
use crate::diag::Problem;
use crate::doc::{Align, Block, Document, Metadata, Page, ParagraphStyle, Row, Span, Table, Timestamp};
use crate::input::{Buoi, Gio, Input};
use crate::words::people;
use crate::words::templates::Templates;

/// The agenda's type size, pt.
const AGENDA_SIZE: f32 = 14.0;

/// When delegates are received if the input gives only the part of the
/// day (the opening half an hour later).
fn default_start(part: Option<Buoi>) -> Gio {
    match part {
        Some(Buoi::Trua) => Gio { gio: 11, phut: 0 },
        Some(Buoi::Chieu) => Gio { gio: 13, phut: 30 },
        Some(Buoi::Toi) => Gio { gio: 19, phut: 0 },
        _ => Gio { gio: 7, phut: 30 },
    }
}

/// `time` plus `minutes`, within the day.
fn later(time: Gio, minutes: u32) -> Gio {
    let total = (time.gio * 60 + time.phut + minutes) % (24 * 60);
    Gio { gio: total / 60, phut: total % 60 }
}

/// "07 giờ 30".
pub(crate) fn clock(time: Gio) -> String {
    format!("{:02} giờ {:02}", time.gio, time.phut)
}

/// The default sequence: (minutes it takes, what, who).
fn default_items(input: &Input, name: &str) -> Vec<(u32, String, String)> {
    let meeting = conference(input);
    let signer = input.nguoi_ky.full_name();
    let mut items = vec![
        (30, "Đón tiếp đại biểu".to_string(), "Ban Tổ chức".to_string()),
        (10, "Tuyên bố lý do, giới thiệu đại biểu".into(), "Người dẫn chương trình".into()),
        (30, format!("Báo cáo {}", name.strip_prefix("Hội nghị ").unwrap_or(name)), format!("Đồng chí {signer}")),
        (45, "Tham luận của các đơn vị".into(), "Đại biểu các đơn vị".into()),
    ];
    if input.khen_thuong.iter().any(|group| !group.only_proposed()) {
        items.push((30, "Công bố quyết định khen thưởng, trao khen thưởng".into(), "Lãnh đạo các đơn vị".into()));
    }
    // As the script: the first delegate directs, or — with a direction
    // but no delegates — the superior's leader.
    match meeting.dai_bieu.first() {
        Some(first) => {
            items.push((20, "Phát biểu chỉ đạo".into(), format!("Đồng chí {}", people::delegate_name(first))))
        }
        None if meeting.chi_dao.is_some() => items.push((20, "Phát biểu chỉ đạo".into(), "Lãnh đạo cấp trên".into())),
        None => {}
    }
    items.push((10, "Tiếp thu ý kiến chỉ đạo, bế mạc Hội nghị".into(), format!("Đồng chí {signer}")));
    items
}

/// The agenda of `input`'s conference.
pub(crate) fn build(input: &Input, templates: &Templates) -> Result<Document, Problem> {
    let meeting = conference(input);
    let name = conference_name(input, templates)?;
    let rows: Vec<Row> = if meeting.nghi_trinh.is_empty() {
        // `gio` is the opening the invitation gives: delegates are received
        // in the half hour before it, and the opening item falls on it.
        let mut time = meeting.gio.map_or_else(|| default_start(meeting.buoi), |opening| later(opening, 24 * 60 - 30));
        default_items(input, &name)
            .into_iter()
            .map(|(minutes, what, who)| {
                let row = Row { cells: vec![clock(time), what, who], bold: false };
                time = later(time, minutes);
                row
            })
            .collect()
    } else {
        meeting
            .nghi_trinh
            .iter()
            .map(|item| Row {
                cells: vec![clock(item.gio), item.noi_dung.clone(), item.thuc_hien.clone().unwrap_or_default()],
                bold: false,
            })
            .collect()
    };
    let width = Page::A4.text_width();
    let note = ParagraphStyle { align: Align::Center, first_indent: 0.0, space_after: 12.0, ..ParagraphStyle::BODY };
    let mut blocks = vec![centred("CHƯƠNG TRÌNH", 16.0), centred(name.clone(), AGENDA_SIZE)];
    blocks.push(para(vec![Span { text: time_line(meeting), bold: false, italic: true }], note));
    if let Some(place) = &meeting.dia_diem {
        blocks.push(para(vec![Span { text: format!("Địa điểm: {place}"), bold: false, italic: true }], note));
    }
    blocks.push(Block::Table(Table {
        columns: vec![28.0, width - 28.0 - 55.0, 55.0],
        aligns: vec![Align::Center, Align::Left, Align::Left],
        header: vec![Row {
            cells: vec!["Thời gian".into(), "Nội dung".into(), "Thực hiện".into()], bold: true
        }],
        rows,
        size: AGENDA_SIZE,
    }));
    Ok(Document {
        meta: Metadata {
            title: format!("Chương trình {}", super::figures_lower(&name)),
            subject: "Chương trình hội nghị".into(),
            author: input.co_quan.ten.clone(),
            created: Some(Timestamp::date(meeting.ngay)),
        },
        page: Page::A4,
        page_numbers: false,
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_run_on_from_the_opening() {
        assert_eq!(clock(later(Gio { gio: 7, phut: 30 }, 45)), "08 giờ 15");
        assert_eq!(clock(later(Gio { gio: 23, phut: 50 }, 20)), "00 giờ 10");
        assert_eq!(clock(default_start(Some(Buoi::Chieu))), "13 giờ 30");
        assert_eq!(clock(later(Gio { gio: 8, phut: 0 }, 24 * 60 - 30)), "07 giờ 30");
    }
}
