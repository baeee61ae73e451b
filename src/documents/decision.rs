//! The award decision of one group (`quyet-dinh-N`): the quyết định a
//! secretariat prepares for signature (NĐ 30 Phụ lục III, mẫu 1.2) and, on
//! pages numbered from 1 again, its attached list of collectives and
//! individuals (spec §5.1).

use serde::Serialize;

use super::bases::{self as family_bases, day, in_force};
use super::{family, nd30};
use crate::diag::Problem;
use crate::doc::{
    Align, Block, Document, Family, Header, Metadata, Page, Paragraph, ParagraphStyle, Role, Row, Span, Table,
    Timestamp, Title,
};
use crate::input::{Input, Khoi, NhomKhen};
use crate::text::breaks::balanced_cell;
use crate::text::fonts::Face;
use crate::text::measure::{
    break_lines, cell_text_width_mm, column_need, fit_columns, words, ColumnNeed, Word, PT_PER_MM,
};
use crate::text::vn::{self, Date};
use crate::words::awards;
use crate::words::markup;
use crate::words::programmes::{self, ProgrammeWords};
use crate::words::templates::Templates;

/// What the decision templates see.
#[derive(Serialize)]
struct Context<'a> {
    /// The whole input, as for the report.
    #[serde(flatten)]
    input: &'a Input,
    /// The award group of this decision.
    nhom: &'a NhomKhen,
    /// "Bằng khen" / "Giấy khen".
    hinh_thuc: &'static str,
    /// The awarding authority inside a sentence.
    cap_khen_cau: String,
    /// "12 tập thể và 15 cá nhân".
    doi_tuong: String,
    /// "các tập thể và cá nhân".
    cac_doi_tuong: &'static str,
    /// The achievement continuing a sentence: "đã có thành tích …".
    thanh_tich_cau: String,
    /// Who carries the decision out (Điều 3).
    thi_hanh: String,
    /// The programme's kind: "Chương trình phối hợp".
    loai_chuong_trinh: String,
    /// How the papers name the programmes and the period.
    #[serde(flatten)]
    chuong_trinh_words: ProgrammeWords,
}

/// Who carries out the decision when the input does not say.
const DEFAULT_EXECUTORS: &str = "Thủ trưởng các cơ quan, đơn vị có liên quan";

/// The law on local government a People's Committee acts under, by the
/// date it took effect (the latest first).
const LOCAL_GOVERNMENT: &[(Date, &str)] = &[
    (day(2025, 7, 1), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"),
    (day(2025, 3, 1), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025"),
    (
        day(2020, 7, 1),
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
    ),
    (day(2016, 1, 1), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"),
    (day(2003, 12, 10), "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003"),
];

/// The law on emulation and commendation with its amendments in force.
pub(crate) const EMULATION_LAW: &[(Date, &str)] = &[
    (day(2024, 1, 1), "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"),
    (
        day(2014, 6, 1),
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013",
    ),
    (
        day(2005, 6, 27),
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003 và Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005",
    ),
    (day(2004, 7, 1), "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"),
];

/// The government's decree detailing that law. Before October 2017 the
/// decrees differ by case, and the clerk cites them in `can_cu`.
pub(crate) const EMULATION_DECREE: &[(Date, &str)] = &[
    (
        day(2025, 7, 1),
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn một số điều của Luật Thi đua, khen thưởng",
    ),
    (
        day(2024, 1, 1),
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    ),
    (
        day(2017, 10, 1),
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    ),
];

/// True when `body` is a People's Committee ("ỦY BAN NHÂN DÂN …", "UBND …").
fn is_peoples_committee(body: &str) -> bool {
    let upper = vn::upper(body);
    upper.starts_with("ỦY BAN NHÂN DÂN") || upper.starts_with("UBND")
}

/// The legal bases cited when the input gives none, each as in force on
/// the decision's date: for a People's Committee the law on local
/// government, then the law on emulation and commendation and its decree;
/// a Party body cites the Party's charter and its implementing rule first,
/// the Front cites its law and charter after the emulation law (spec §9).
fn default_bases(group: &NhomKhen) -> Vec<String> {
    let date = group.quyet_dinh.ngay;
    let khoi = group.family();
    let local = (khoi == Khoi::NhaNuoc && is_peoples_committee(&group.co_quan))
        .then(|| in_force(LOCAL_GOVERNMENT, date))
        .flatten();
    let party = if khoi == Khoi::Dang { family_bases::party(date) } else { Vec::new() };
    let front = if khoi == Khoi::MatTran { family_bases::front(date) } else { Vec::new() };
    party
        .into_iter()
        .chain(local)
        .chain(in_force(EMULATION_LAW, date))
        .chain(front)
        .chain(in_force(EMULATION_DECREE, date))
        .map(str::to_string)
        .collect()
}

/// A căn cứ line as typed, with "Căn cứ" said once whether or not the
/// clerk typed it; a proposal line ("Theo/Xét đề nghị …") as typed.
fn basis_line(typed: &str) -> String {
    let mut rest = typed.trim();
    let lowered = rest.to_lowercase();
    if lowered.starts_with("theo đề nghị") || lowered.starts_with("xét đề nghị") {
        return rest.to_string();
    }
    while rest.to_lowercase().starts_with("căn cứ") {
        rest = rest["căn cứ".len()..].trim_start_matches([' ', ':']);
    }
    format!("Căn cứ {rest}")
}

/// "Xét đề nghị của …" from `de_nghi`, unless it already says how it opens.
fn proposal_line(proposer: &str) -> String {
    let proposer = proposer.trim();
    let lowered = proposer.to_lowercase();
    if lowered.starts_with("theo đề nghị") || lowered.starts_with("xét đề nghị") {
        proposer.to_string()
    } else if let Some(rest) = lowered.strip_prefix("đề nghị của ").map(|_| &proposer["đề nghị của ".len()..])
    {
        format!("Xét đề nghị của {rest}")
    } else {
        format!("Xét đề nghị của {proposer}")
    }
}

/// Whose proposals the decision acts on: the group's `de_nghi`, then each
/// body that proposed recipients of the list (their rows' `de_nghi`), in
/// the order the list first names them, each once and as running text
/// (a name typed in capitals reads "Chủ tịch Ủy ban nhân dân phường …").
pub(crate) fn proposers(group: &NhomKhen) -> Vec<String> {
    let mut said: Vec<String> = Vec::new();
    let rows = group.danh_sach.iter().filter_map(|person| person.de_nghi.as_deref());
    for proposer in group.quyet_dinh.de_nghi.as_deref().into_iter().chain(rows) {
        let proposer = awards::sentence_case_authority(proposer.trim());
        let key = |text: &str| {
            let lowered = text.to_lowercase();
            let bare = ["xét đề nghị của ", "theo đề nghị của ", "đề nghị của "]
                .iter()
                .find_map(|opening| lowered.strip_prefix(opening).map(str::to_string))
                .unwrap_or(lowered);
            bare.trim_end_matches([';', '.', ',', ' ']).to_string()
        };
        if !proposer.is_empty() && !said.iter().any(|s| key(s) == key(&proposer)) {
            said.push(proposer);
        }
    }
    said
}

/// The căn cứ lines and "Xét đề nghị của …", each ending ";" but the last ".".
fn bases(group: &NhomKhen) -> Vec<String> {
    let decision = &group.quyet_dinh;
    let party = group.family() == Khoi::Dang;
    let mut lines = if decision.can_cu.is_empty() {
        default_bases(group)
    } else {
        decision.can_cu.iter().map(|line| basis_line(line)).collect()
    };
    lines.extend(proposers(group).iter().map(|proposer| proposal_line(proposer)));
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let end = if i + 1 == count { "." } else { ";" };
            // The Party opens each basis with a dash (spec §9.1).
            let dash = if party && !line.starts_with('-') { "- " } else { "" };
            format!("{dash}{}{end}", line.trim_end_matches([';', '.', ',', ' ']))
        })
        .collect()
}

fn context<'a>(input: &'a Input, group: &'a NhomKhen) -> Context<'a> {
    Context {
        input,
        nhom: group,
        hinh_thuc: group.hinh_thuc.name(),
        cap_khen_cau: awards::authority_in_sentence(group),
        doi_tuong: awards::recipients_phrase(group),
        cac_doi_tuong: awards::recipients_kinds(group),
        thanh_tich_cau: awards::achievement_in_sentence(&programmes::achievement(input, group)),
        thi_hanh: group.quyet_dinh.thi_hanh.clone().unwrap_or_else(|| DEFAULT_EXECUTORS.into()),
        loai_chuong_trinh: input.programme_kind().to_string(),
        chuong_trinh_words: programmes::of(input),
    }
}

/// The decision's subject from the group's own `trich_yeu`: a whole
/// subject ("Về việc …") as typed, else what follows "Về việc tặng Bằng
/// khen cho các tập thể, cá nhân" ("có thành tích xuất sắc trong phong
/// trào …").
fn own_subject(typed: &str, context: &Context) -> String {
    let typed = typed.trim().trim_start_matches(['…', '.', ' ']);
    if typed.to_lowercase().starts_with("về ") {
        return typed.to_string();
    }
    format!("Về việc tặng {} cho {} {typed}", context.hinh_thuc, context.cac_doi_tuong)
}

/// Who decides, inside a sentence: `tham_quyen` as running text when the
/// input gives it, else the awarding authority.
fn deciding_in_sentence(group: &NhomKhen, authority_in_sentence: &str) -> String {
    match &group.tham_quyen {
        Some(deciding) => awards::sentence_case_authority(&deciding.split_whitespace().collect::<Vec<_>>().join(" ")),
        None => authority_in_sentence.to_string(),
    }
}

/// Nơi nhận and the signer's block as the decision's family writes them.
fn signature(recipients: &[String], group: &NhomKhen, paper_family: Family) -> Block {
    match paper_family {
        Family::State => Block::Signature(nd30::signature(recipients, &group.nguoi_ky)),
        Family::Party => {
            family::signatures(recipients, vec![family::signer(&group.nguoi_ky, paper_family)], paper_family)
        }
    }
}

fn centred_bold(text: &str, space_before: f32, space_after: f32, role: Role) -> Block {
    Block::Paragraph(Paragraph {
        spans: vec![Span::bold(text)],
        style: ParagraphStyle {
            align: Align::Center,
            first_indent: 0.0,
            space_before,
            space_after,
            keep_with_next: true,
            role,
            ..ParagraphStyle::BODY
        },
    })
}

/// The decision of award group `index` (0-based) with its attached list.
pub(crate) fn build(input: &Input, index: usize, templates: &Templates) -> Result<Document, Problem> {
    let group = &input.khen_thuong[index];
    let context = context(input, group);
    let decision = &group.quyet_dinh;
    let parent = group.co_quan_chu_quan.as_deref().map(vn::upper);
    let issuer = vn::upper(&group.co_quan);
    let paper_family = family::of(group.family());

    let subject = match &group.trich_yeu {
        Some(own) => own_subject(own, &context),
        None => markup::plain_text(templates.render("quyet-dinh-trich-yeu", &context)?.trim()),
    };
    let subject = family::subject(&subject, paper_family);
    let authority = group.tham_quyen.as_deref().map_or_else(|| vn::upper(&group.cap_khen), vn::upper);
    let meta = Metadata {
        title: subject.clone(),
        subject: format!("Quyết định số {}", decision.so),
        author: group.co_quan.clone(),
        created: Some(Timestamp::date(decision.ngay)),
    };
    let mut blocks = vec![
        family::header(
            Header {
                parent: parent.clone(),
                issuer: issuer.clone(),
                number: Some(family::number_line(&decision.so, paper_family)),
                place_date: Some(format!("{}, {}", group.dia_danh, decision.ngay.long())),
            },
            paper_family,
        ),
        Block::Title(Title { kind: "QUYẾT ĐỊNH".into(), subject, note: None }),
        centred_bold(&authority, 0.0, 6.0, Role::Authority),
    ];
    blocks.extend(bases(group).into_iter().map(|line| {
        Block::Paragraph(Paragraph {
            spans: vec![Span { italic: true, ..Span::plain(line) }],
            style: ParagraphStyle { space_after: 3.0, role: Role::Basis, ..ParagraphStyle::BODY },
        })
    }));
    blocks.push(centred_bold("QUYẾT ĐỊNH:", 6.0, 6.0, Role::Enacting));
    let mut articles = nd30::parse_body(templates, "quyet-dinh", &context, |_| None)?;
    nd30::one_dash(&mut articles, " - ");
    if let Some(Block::Paragraph(last)) = articles.last_mut() {
        last.style.keep_with_next = true;
    }
    blocks.extend(articles);
    let recipients = match (decision.noi_nhan.is_empty(), paper_family) {
        (false, _) => decision.noi_nhan.clone(),
        (true, Family::State) => vec!["Như Điều 3".to_string(), "Lưu: VT".to_string()],
        (true, Family::Party) => vec!["Như Điều 3".to_string(), "Lưu Văn phòng".to_string()],
    };
    blocks.push(signature(&recipients, group, paper_family));

    // The attached list, numbered on its own.
    blocks.push(Block::SectionBreak);
    blocks.push(family::header(Header { parent, issuer, number: None, place_date: None }, paper_family));
    blocks.push(Block::Title(Title {
        kind: "DANH SÁCH".into(),
        subject: markup::plain_text(templates.render("quyet-dinh-danh-sach", &context)?.trim()),
        note: Some(format!(
            "(Kèm theo Quyết định số {} {} của {})",
            family::number(&decision.so, paper_family),
            decision.ngay.long(),
            deciding_in_sentence(group, &context.cap_khen_cau)
        )),
    }));
    blocks.push(Block::Table(recipients_table(group)));
    Ok(Document { meta, page: Page::A4, page_numbers: true, blocks })
}

/// Size of the list's text.
const LIST_SIZE: f32 = 13.0;

/// STT | Tên tập thể, cá nhân | Chức vụ, đơn vị — collectives first, then
/// individuals, each part headed and numbered from 1; inside a part, the
/// clerk's group rows (`nhom`) head their recipients where they change.
pub(crate) fn recipients_table(group: &NhomKhen) -> Table {
    let (collectives, individuals) = awards::by_kind(group);
    let mut rows = Vec::new();
    let parts = [("TẬP THỂ", collectives), ("CÁ NHÂN", individuals)];
    let mut part_number = 0;
    for (title, people) in parts {
        if people.is_empty() {
            continue;
        }
        part_number += 1;
        rows.push(Row {
            cells: vec![markup::roman(part_number), format!("{title} ({})", people.len()), String::new()],
            bold: true,
        });
        let mut group: Vec<&str> = Vec::new();
        for (i, person) in people.iter().enumerate() {
            // The clerk's group rows (nested ones a line each) head their
            // rows where they change: from the first line that differs.
            let lines: Vec<&str> = person.nhom.as_deref().map_or(Vec::new(), |n| n.lines().collect());
            let same = lines.iter().zip(&group).take_while(|(a, b)| a == b).count();
            for line in &lines[same..] {
                let (number, words) = group_heading(line);
                rows.push(Row { cells: vec![number, words, String::new()], bold: true });
            }
            group = lines;
            rows.push(Row {
                cells: vec![(i + 1).to_string(), awards::display_name(person), awards::position_and_unit(person)],
                bold: false,
            });
        }
    }
    let header = Row {
        cells: vec!["STT".into(), "Tên tập thể, cá nhân".into(), "Chức vụ, đơn vị".into()], bold: true
    };
    let columns = list_columns(&header, &rows, Page::A4.text_width());
    // Names and units break between their parts, as the headings do: the
    // lines are set here, so the PDF and the DOCX break them alike.
    for row in &mut rows {
        let bold = row.bold;
        for (cell, width) in row.cells.iter_mut().zip(&columns).skip(1) {
            *cell = balanced_cell(cell, bold, LIST_SIZE, *width);
        }
    }
    Table {
        columns,
        aligns: vec![Align::Center, Align::Left, Align::Left],
        header: vec![header],
        rows,
        size: LIST_SIZE,
    }
}

/// A group's heading row: its numbering in the STT column, its words
/// beside it — "A. KHỐI CƠ QUAN TRUNG ƯƠNG" → ("A", "KHỐI CƠ QUAN TRUNG ƯƠNG").
fn group_heading(label: &str) -> (String, String) {
    let label = label.trim();
    if let Some((head, rest)) = label.split_once(' ') {
        let number = head.trim_end_matches(['.', ')', '-', ':']);
        let digits = number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit());
        let letter = number.len() == 1 && number.chars().all(|c| c.is_ascii_alphabetic());
        let roman = number.len() <= 5 && number.chars().all(|c| "IVXivx".contains(c));
        let numbered = number.len() < head.len() && !number.is_empty() && (digits || letter || roman);
        if numbered && !rest.trim().is_empty() {
            return (number.to_string(), rest.trim().to_string());
        }
    }
    (String::new(), label.to_string())
}

/// The list's column widths, mm, from their content as the report's
/// tables take theirs: every column at least its longest word; when the
/// names and the units do not all fit on one line, the room between them
/// is shared where the list takes the fewest lines (so a collective beside
/// an empty "Chức vụ, đơn vị" does not wrap).
fn list_columns(header: &Row, rows: &[Row], total: f32) -> Vec<f32> {
    let needs: Vec<ColumnNeed> = (0..header.cells.len())
        .map(|c| {
            let cells = std::iter::once(header).chain(rows).map(|row| (row.cells[c].as_str(), row.bold));
            column_need(cells, LIST_SIZE)
        })
        .collect();
    let fixed = vec![14.0, 68.0, total - 82.0];
    let Some(shared) = fit_columns(&needs, total, &[0.0, 1.0, 1.0]) else {
        return fixed;
    };
    if needs.iter().map(|n| n.most).sum::<f32>() <= total {
        return shared;
    }
    let number = needs[0].most;
    let room = total - number;
    let measured: Vec<[Vec<Word>; 2]> = rows
        .iter()
        .map(|row| {
            let face = if row.bold { Face::Bold } else { Face::Regular };
            [1, 2].map(|c| words([(face, row.cells[c].as_str())], LIST_SIZE))
        })
        .collect();
    let lines = |cell: &[Word], column: f32| {
        let width = cell_text_width_mm(column) * PT_PER_MM;
        break_lines(cell, width, width).len().max(1)
    };
    let (least, most) = (needs[1].least, room - needs[2].least);
    let mut best: Option<(usize, f32, f32)> = None;
    let mut name = least;
    while name <= most + 0.01 {
        let count: usize = measured.iter().map(|[n, p]| lines(n, name).max(lines(p, room - name))).sum();
        // Fewest lines; then nearest the proportional share.
        let distance = (name - shared[1]).abs();
        if best.is_none_or(|(c, _, d)| count < c || count == c && distance < d) {
            best = Some((count, distance, name));
        }
        name += 1.0;
    }
    match best {
        Some((_, _, name)) => vec![number, name, room - name],
        None => shared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_headings_put_their_numbering_in_the_stt_column() {
        let split = |s: &str| group_heading(s);
        assert_eq!(split("A. KHỐI CƠ QUAN TRUNG ƯƠNG"), ("A".into(), "KHỐI CƠ QUAN TRUNG ƯƠNG".into()));
        assert_eq!(split("1) Các xã"), ("1".into(), "Các xã".into()));
        assert_eq!(split("KHỐI ĐỊA PHƯƠNG"), (String::new(), "KHỐI ĐỊA PHƯƠNG".into()));
        assert_eq!(split("Anh. X"), (String::new(), "Anh. X".into()), "only short numbering");
    }

    #[test]
    fn a_basis_says_can_cu_once() {
        assert_eq!(
            basis_line("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
        );
        assert_eq!(basis_line("Căn cứ Luật Thi đua, khen thưởng"), "Căn cứ Luật Thi đua, khen thưởng");
        assert_eq!(basis_line("căn cứ Căn cứ Luật X"), "Căn cứ Luật X");
        assert_eq!(basis_line("Theo đề nghị của Giám đốc Sở Nội vụ"), "Theo đề nghị của Giám đốc Sở Nội vụ");
        assert_eq!(proposal_line("Giám đốc Sở Nội vụ"), "Xét đề nghị của Giám đốc Sở Nội vụ");
        assert_eq!(proposal_line("đề nghị của Giám đốc Sở Nội vụ"), "Xét đề nghị của Giám đốc Sở Nội vụ");
        assert_eq!(proposal_line("Theo đề nghị của Giám đốc Sở Nội vụ"), "Theo đề nghị của Giám đốc Sở Nội vụ");
    }

    #[test]
    fn laws_follow_the_decision_date() {
        let at = |date: &str| Date::parse(date).unwrap();
        assert!(in_force(EMULATION_DECREE, at("2024-03-01")).unwrap().contains("98/2023/NĐ-CP"));
        assert!(in_force(EMULATION_DECREE, at("2018-08-15")).unwrap().contains("91/2017/NĐ-CP"));
        assert_eq!(in_force(EMULATION_DECREE, at("2016-05-01")), None);
        assert!(in_force(EMULATION_LAW, at("2023-12-31")).unwrap().contains("ngày 14 tháng 6 năm 2005 và"));
        assert!(in_force(LOCAL_GOVERNMENT, at("2018-08-15")).unwrap().ends_with("ngày 19 tháng 6 năm 2015"));
        assert!(is_peoples_committee("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG") && is_peoples_committee("UBND quận A"));
        assert!(!is_peoples_committee("CÔNG AN THÀNH PHỐ HẢI PHÒNG"));
    }
}
