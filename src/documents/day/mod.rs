//! The conference-day papers: the giấy mời for each invited delegate, the
//! chương trình (agenda with times), the
//! chair's kịch bản điều hành with the award call-ups in batches, the
//! danh sách đại biểu and each award group's danh sách ký nhận — built
//! from the same records as the report and the decisions, the names
//! worded by `words::people` and `words::awards` as everywhere else.

pub(crate) mod agenda;
pub(crate) mod cards;
pub(crate) mod invitations;
pub(crate) mod lists;
pub(crate) mod script;

use crate::diag::Problem;
use crate::doc::{Align, Block, Paragraph, ParagraphStyle, Span};
use crate::input::{Buoi, DaiBieu, HoiNghi, Input, NguoiNhan, NhomKhen};
use crate::words::templates::Templates;
use crate::words::{awards, figures, markup};

/// Recipients called up at once when the input does not say (a stage
/// holds 8–12).
pub(crate) const DEFAULT_BATCH: usize = 10;

/// The conference of `input`; the pack makes day papers only for one.
pub(crate) fn conference(input: &Input) -> &HoiNghi {
    input.hoi_nghi.as_ref().expect("the pack makes conference-day papers only for an input with a conference")
}

/// "Hội nghị sơ kết 5 năm thực hiện Chương trình phối hợp …": the
/// report's trích yếu, as the conference that reviews it.
pub(crate) fn conference_name(input: &Input, templates: &Templates) -> Result<String, Problem> {
    let context = super::report::context(input);
    let subject = markup::plain_text(templates.render("bao-cao-trich-yeu", &context)?.trim());
    let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
    let subject = figures::lower_first(&subject);
    // A one-year report's subject is its results ("Kết quả thực hiện …"):
    // the conference reviews them.
    let reviews = ["sơ kết", "tổng kết", "đánh giá"].iter().any(|w| subject.to_lowercase().starts_with(w));
    Ok(if reviews { format!("Hội nghị {subject}") } else { format!("Hội nghị đánh giá {subject}") })
}

/// When the conference meets, as an invitation writes it: "08 giờ 00,
/// sáng thứ Ba, ngày 21 tháng 8 năm 2018" — the hour, the part of the
/// day (the input's `buoi`, else the hour's) and the weekday; "Sáng thứ
/// Ba, ngày …" with only the part of the day; "Thứ Ba, ngày …" with
/// neither.
pub(crate) fn time_line(conference: &HoiNghi) -> String {
    let date = conference.ngay.long();
    let weekday = conference.ngay.weekday();
    let part = conference.buoi.or_else(|| conference.gio.map(|time| Buoi::of_hour(time.gio)));
    let day = match part {
        Some(part) => format!("{} {weekday}, {date}", part.word()),
        None => format!("{weekday}, {date}"),
    };
    match conference.gio {
        Some(time) => format!("{:02} giờ {:02}, {day}", time.gio, time.phut),
        None => capitalised(&day),
    }
}

/// `text` with its first letter a capital.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// The delegates invited: those not of the organising bodies, in order.
pub(crate) fn invited(conference: &HoiNghi) -> impl Iterator<Item = &DaiBieu> {
    conference.dai_bieu.iter().filter(|d| !d.to_chuc)
}

/// Who presents award group `index`: the delegate `nguoi_trao` names, or
/// the first delegate.
pub(crate) fn presenter(conference: &HoiNghi, index: usize) -> Option<&DaiBieu> {
    let number = conference.nguoi_trao.get(index).copied().unwrap_or(0);
    conference.dai_bieu.get(number)
}

/// The decision's number as the decision itself prints it: a Party
/// body's "52-QĐ/BTGDVTU" even when typed the state's way.
pub(crate) fn decision_number(group: &NhomKhen) -> String {
    super::family::number(&group.quyet_dinh.so, super::family::of(group.family()))
}

/// "Bằng khen của Chủ tịch UBND thành phố": the award as a sentence names it.
pub(crate) fn award_phrase(group: &NhomKhen) -> String {
    format!("{} của {}", group.hinh_thuc.name(), awards::authority_in_sentence(group))
}

/// One call-up on stage: recipients of one kind, in list order.
pub(crate) struct Batch<'a> {
    pub collective: bool,
    pub people: Vec<&'a NguoiNhan>,
}

/// A group's recipients in stage call-ups of at most `size`: collectives
/// before individuals as the attached list has them, a batch never mixing
/// the two. The fewest call-ups that hold them, evened out (13 at 12 a
/// time go up as 7 and 6, not 12 and one alone on the stage).
pub(crate) fn batches(group: &NhomKhen, size: usize) -> Vec<Batch<'_>> {
    let (collectives, individuals) = awards::by_kind(group);
    let mut all = Vec::new();
    for (collective, people) in [(true, collectives), (false, individuals)] {
        let turns = people.len().div_ceil(size.max(1));
        let mut rest = people.as_slice();
        for turn in 0..turns {
            let take = rest.len().div_ceil(turns - turn);
            let (now, later) = rest.split_at(take);
            all.push(Batch { collective, people: now.to_vec() });
            rest = later;
        }
    }
    all
}

/// A paragraph of `spans` set `style`.
pub(crate) fn para(spans: Vec<Span>, style: ParagraphStyle) -> Block {
    Block::Paragraph(Paragraph { spans, style })
}

/// A centred bold line.
pub(crate) fn centred(text: impl Into<String>, size: f32) -> Block {
    para(
        vec![Span::bold(text)],
        ParagraphStyle { size, align: Align::Center, first_indent: 0.0, space_after: 6.0, ..ParagraphStyle::BODY },
    )
}

/// "hội nghị sơ kết …" inside a sentence.
pub(crate) fn figures_lower(name: &str) -> String {
    figures::lower_first(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Gio;

    #[test]
    fn the_time_line_names_the_part_of_the_day_of_the_hour() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs");
        let text = std::fs::read_to_string(dir.join("hai-phong-2018.yaml")).unwrap();
        let input = crate::input::load_str(&text, "hai-phong-2018.yaml", &dir).expect("the sample loads");
        let mut meeting = input.hoi_nghi.clone().expect("the sample has a conference");
        meeting.buoi = None;
        for ((gio, phut), said) in [
            ((7, 30), "07 giờ 30, sáng thứ Ba, ngày 21 tháng 8 năm 2018"),
            ((12, 0), "12 giờ 00, trưa thứ Ba, ngày 21 tháng 8 năm 2018"),
            ((14, 0), "14 giờ 00, chiều thứ Ba, ngày 21 tháng 8 năm 2018"),
            ((19, 30), "19 giờ 30, tối thứ Ba, ngày 21 tháng 8 năm 2018"),
        ] {
            meeting.gio = Some(Gio { gio, phut });
            assert_eq!(time_line(&meeting), said);
        }
        // The input's own buoi still wins: 11 giờ sáng is said too.
        meeting.gio = Some(Gio { gio: 11, phut: 0 });
        meeting.buoi = Some(Buoi::Sang);
        assert_eq!(time_line(&meeting), "11 giờ 00, sáng thứ Ba, ngày 21 tháng 8 năm 2018");
        meeting.gio = None;
        meeting.buoi = Some(Buoi::Trua);
        assert_eq!(time_line(&meeting), "Trưa thứ Ba, ngày 21 tháng 8 năm 2018");
    }
}
