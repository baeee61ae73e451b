//! The báo cáo sơ kết / tổng kết: builds its [`Document`] from the input —
//! the NĐ 30 parts from data, the wording from the `bao-cao` templates, and
//! the results table from `chi_tieu` / `tong_hop` / `ket_qua_nam`.

use serde::Serialize;

use crate::awards;
use crate::diag::{Kind, Location, Problem};
use crate::doc::{Align, Block, Document, Header, Page, Paragraph, ParagraphStyle, Row, Signature, Span, Table, Title};
use crate::fonts::Face;
use crate::input::{self, ChiTieu, Input, LoaiBaoCao, NguoiKy};
use crate::markup;
use crate::templates::Templates;
use crate::vn::{self, Decimal};

/// What the report templates see: every input field, plus the phrases and
/// figures computed from them.
#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    input: &'a Input,
    /// "sơ kết" / "tổng kết".
    loai: &'static str,
    /// "Sơ kết" / "Tổng kết", to open a sentence.
    #[serde(rename = "Loai")]
    loai_dau_cau: &'static str,
    /// Years of the period, two digits: "05".
    pub so_nam: String,
    /// The parties joined: "Bộ Công an và Ủy ban Trung ương MTTQ Việt Nam".
    cac_ben_noi: String,
    /// Period figures per metric, for sentences.
    pub chi_so: Vec<Figure>,
    /// One line per award group.
    khen: Vec<AwardLine>,
    /// Everyone commended: recipients of every group plus `bieu_duong`.
    tong_luot: String,
    /// Sum of the groups' `bieu_duong`, when any.
    bieu_duong: Option<String>,
    co_ket_qua: bool,
    co_danh_gia: bool,
    co_phan_ket_qua: bool,
}

#[derive(Clone, Serialize)]
pub struct Figure {
    pub ten: String,
    pub don_vi: Option<String>,
    /// The period total, Vietnamese form.
    pub tong: String,
    #[serde(skip)]
    pub value: Decimal,
}

#[derive(Serialize)]
struct AwardLine {
    /// "12 tập thể và 15 cá nhân".
    doi_tuong: String,
    /// "Bằng khen".
    hinh_thuc: &'static str,
    /// The awarding authority inside a sentence.
    cap_khen: String,
    so_quyet_dinh: String,
    ngay_quyet_dinh: String,
}

/// "A", "A và B", "A, B và C".
pub fn join_vietnamese(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} và {last}", rest.join(", ")),
    }
}

/// The period total of metric `code`: its `tong_hop`, else the sum of its years.
fn period_total(input: &Input, code: &str) -> Option<Decimal> {
    if let Some((_, total)) = input.tong_hop.iter().find(|(c, _)| c == code) {
        return Some(*total);
    }
    let values: Vec<Decimal> =
        input.ket_qua_nam.iter().filter_map(|y| y.gia_tri.iter().find(|(c, _)| c == code).map(|(_, v)| *v)).collect();
    (!values.is_empty()).then(|| values.into_iter().sum())
}

/// The report's template data; the press summary's builds on it.
pub fn context(input: &Input) -> Context<'_> {
    let (loai, loai_dau_cau) = match input.van_ban.loai {
        LoaiBaoCao::SoKet => ("sơ kết", "Sơ kết"),
        LoaiBaoCao::TongKet => ("tổng kết", "Tổng kết"),
    };
    let chi_so: Vec<Figure> = input
        .chi_tieu
        .iter()
        .filter_map(|metric| {
            let value = period_total(input, &metric.ma)?;
            Some(Figure { ten: metric.ten.clone(), don_vi: metric.don_vi.clone(), tong: value.vietnamese(), value })
        })
        .collect();
    let khen: Vec<AwardLine> = input
        .khen_thuong
        .iter()
        .map(|group| AwardLine {
            doi_tuong: awards::recipients_phrase(group),
            hinh_thuc: group.hinh_thuc.name(),
            cap_khen: awards::authority_in_sentence(group),
            so_quyet_dinh: group.quyet_dinh.so.clone(),
            ngay_quyet_dinh: group.quyet_dinh.ngay.to_string(),
        })
        .collect();
    let commended: Decimal = input.khen_thuong.iter().filter_map(|g| g.bieu_duong).sum();
    let recipients: usize = input.khen_thuong.iter().map(|g| g.danh_sach.len()).sum();
    let has_commended = input.khen_thuong.iter().any(|g| g.bieu_duong.is_some());
    let noi_dung = &input.noi_dung;
    let co_ket_qua = noi_dung.ket_qua.is_some() || !chi_so.is_empty();
    let co_danh_gia = noi_dung.han_che.is_some() || noi_dung.nguyen_nhan.is_some() || noi_dung.bai_hoc.is_some();
    Context {
        input,
        loai,
        loai_dau_cau,
        so_nam: vn::two_digits((input.giai_doan.den - input.giai_doan.tu).max(0) as usize),
        cac_ben_noi: join_vietnamese(&input.chuong_trinh.cac_ben),
        tong_luot: (Decimal::from_int(recipients as i64) + commended).vietnamese(),
        bieu_duong: has_commended.then(|| commended.vietnamese()),
        co_phan_ket_qua: noi_dung.tinh_hinh.is_some()
            || noi_dung.lanh_dao_chi_dao.is_some()
            || co_ket_qua
            || !khen.is_empty()
            || co_danh_gia,
        chi_so,
        khen,
        co_ket_qua,
        co_danh_gia,
    }
}

/// Builds the report of `input`, worded by `templates`.
pub fn build(input: &Input, templates: &Templates) -> Result<Document, Problem> {
    let context = context(input);
    let subject = markup::plain_text(templates.render("bao-cao-trich-yeu", &context)?.trim());
    let mut body = parse_body(templates, "bao-cao", &context, |name| match name {
        "bang-ket-qua" => Some(results_table(input).map(Block::Table).into_iter().collect()),
        _ => None,
    })?;
    // The closing sentence stays on the page of the signature.
    if let Some(Block::Paragraph(last)) = body.last_mut() {
        last.style.keep_with_next = true;
    }

    let van_ban = &input.van_ban;
    let mut blocks = vec![
        Block::Header(Header {
            parent: input.co_quan.chu_quan.as_deref().map(vn::upper),
            issuer: vn::upper(&input.co_quan.ten),
            number: Some(format!("Số: {}", van_ban.so_ky_hieu)),
            place_date: Some(format!("{}, {}", van_ban.dia_danh, van_ban.ngay.long())),
        }),
        Block::Title(Title { kind: "BÁO CÁO".into(), subject, note: None }),
    ];
    blocks.extend(addressees(&van_ban.kinh_gui));
    blocks.extend(body);
    blocks.push(Block::Signature(signature(&van_ban.noi_nhan, &input.nguoi_ky)));
    Ok(Document { title: format!("Báo cáo {}", van_ban.so_ky_hieu), page: Page::A4, page_numbers: true, blocks })
}

/// Renders template `name` and parses its markup into blocks; `directive`
/// supplies the blocks of its `::name` lines.
pub fn parse_body(
    templates: &Templates,
    name: &str,
    context: &impl Serialize,
    directive: impl FnMut(&str) -> Option<Vec<Block>>,
) -> Result<Vec<Block>, Problem> {
    let markup_text = templates.render(name, context)?;
    markup::parse(&markup_text, directive).map_err(|detail| Problem {
        location: Location::file(&format!("{name}.hbs")),
        path: String::new(),
        kind: Kind::Template { name: name.into(), detail },
    })
}

/// "Kính gửi: X." on one line, or the recipients one per line under the colon.
fn addressees(recipients: &[String]) -> Vec<Block> {
    let style = ParagraphStyle { first_indent: 0.0, ..ParagraphStyle::BODY };
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
pub fn punctuated(items: &[String]) -> Vec<String> {
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
pub fn signature(recipients: &[String], signer: &NguoiKy) -> Signature {
    let mut authority: Vec<String> = signer.the_thuc.iter().map(|t| vn::upper(t)).collect();
    authority.push(vn::upper(&signer.chuc_vu));
    Signature { recipients: punctuated(recipients), authority, name: signer.full_name() }
}

/// Size of the results table's text.
const TABLE_SIZE: f32 = 12.0;

/// The numbered results table: one row per metric (grouped by `nhom`),
/// per-year columns when the input has them, and the period total.
fn results_table(input: &Input) -> Option<Table> {
    if input.chi_tieu.is_empty() {
        return None;
    }
    let years: Vec<i32> = {
        let mut years: Vec<i32> = input.ket_qua_nam.iter().map(|y| y.nam).collect();
        years.sort_unstable();
        years
    };
    let total_label = "Tổng cộng".to_string();
    let mut header = vec!["STT".to_string(), "Chỉ tiêu".into(), "Đơn vị tính".into()];
    header.extend(years.iter().map(|y| format!("Năm {y}")));
    header.push(total_label);

    let metrics = in_group_order(&input.chi_tieu);
    let rows = metric_rows(&metrics, header.len(), |metric| {
        let code = &metric.ma;
        let mut cells: Vec<String> =
            years.iter().map(|year| figure(input::yearly_value(&input.ket_qua_nam, code, *year))).collect();
        cells.push(figure(period_total(input, code)));
        cells
    });

    let header = vec![Row { cells: header, bold: true }];
    let columns = column_widths(&header[0].cells, &rows, Page::A4.text_width(), TABLE_SIZE);
    let mut aligns = vec![Align::Center, Align::Left, Align::Center];
    aligns.resize(columns.len(), Align::Right);
    Some(Table { columns, aligns, header, rows, size: TABLE_SIZE })
}

/// A figure in Vietnamese form, or "–" where there is none (never 0).
pub fn figure(value: Option<Decimal>) -> String {
    value.map_or_else(|| "–".to_string(), |v| v.vietnamese())
}

/// Metrics grouped by `nhom` in order of first appearance, ungrouped first.
pub fn in_group_order(metrics: &[ChiTieu]) -> Vec<&ChiTieu> {
    let mut groups: Vec<Option<&str>> = Vec::new();
    for metric in metrics {
        if !groups.contains(&metric.nhom.as_deref()) {
            groups.push(metric.nhom.as_deref());
        }
    }
    groups.sort_by_key(|g| g.is_some());
    groups.into_iter().flat_map(|g| metrics.iter().filter(move |m| m.nhom.as_deref() == g)).collect()
}

/// Rows of a metrics table (`metrics` in group order): a bold row with a
/// Roman numeral opening each group, then STT | name | unit | `cells`.
pub fn metric_rows(metrics: &[&ChiTieu], width: usize, cells: impl Fn(&ChiTieu) -> Vec<String>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut group: Option<&str> = None;
    let mut group_number = 0;
    for (i, metric) in metrics.iter().enumerate() {
        if let Some(name) = metric.nhom.as_deref().filter(|n| Some(*n) != group) {
            group_number += 1;
            let mut header = vec![markup::roman(group_number), name.to_string()];
            header.resize(width, String::new());
            rows.push(Row { cells: header, bold: true });
        }
        group = metric.nhom.as_deref();
        let mut row = vec![(i + 1).to_string(), metric.ten.clone(), metric.don_vi.clone().unwrap_or_default()];
        row.extend(cells(metric));
        rows.push(Row { cells: row, bold: false });
    }
    rows
}

/// Widths in mm: STT fixed, the other columns as wide as their widest
/// cell and their header on one line; when that leaves the metric name too
/// little room, headers wrap at their widest word instead.
pub fn column_widths(header: &[String], rows: &[Row], total: f32, size: f32) -> Vec<f32> {
    let mm = |face: Face, text: &str| face.metrics().width(text, size) * 25.4 / 72.0;
    // Cell padding (both sides) plus slack for Word's and LibreOffice's borders.
    let padding = 4.5;
    let fitted = |column: usize, header_width: f32| -> f32 {
        let cells = rows.iter().filter_map(|r| r.cells.get(column)).map(|t| mm(Face::Regular, t)).fold(0.0, f32::max);
        (cells.max(header_width) + padding).max(14.0)
    };
    let with = |header_width: &dyn Fn(&str) -> f32| -> Vec<f32> {
        let mut widths = vec![12.0, 0.0];
        widths.extend((2..header.len()).map(|c| fitted(c, header_width(&header[c]))));
        let used: f32 = widths.iter().sum();
        widths[1] = total - used;
        widths
    };
    let one_line = with(&|h| mm(Face::Bold, h));
    if one_line[1] >= MIN_NAME_COLUMN_MM {
        return one_line;
    }
    let mut wrapped = with(&|h| h.split(' ').map(|w| mm(Face::Bold, w)).fold(0.0, f32::max));
    wrapped[1] = wrapped[1].max(30.0);
    wrapped
}

/// The metric name column is never squeezed below this (mm) to keep a
/// header on one line.
const MIN_NAME_COLUMN_MM: f32 = 50.0;

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
