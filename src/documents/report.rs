//! The báo cáo sơ kết / tổng kết: builds its [`Document`] from the input —
//! the NĐ 30 parts from data, the wording from the `bao-cao` templates, and
//! the results table from `chi_tieu` / `tong_hop` / `ket_qua_nam`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::family;
use super::metrics::{figure, fitted_tables, in_group_order, metric_rows};
use super::nd30::{addressees, join_vietnamese, parse_body};
use crate::diag::Problem;
use crate::doc::{
    Align, Block, Document, Header, Metadata, Page, Paragraph, ParagraphStyle, Span, Table, Timestamp, Title,
};
use crate::input::{self, CachTinh, Input, LoaiBaoCao};
use crate::text::vn::Decimal;
use crate::words::markup;
use crate::words::programmes::{self, ProgrammeWords};
use crate::words::templates::Templates;
use crate::words::{awards, figures};

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
    /// Years reviewed, as officials count them: "5".
    pub so_nam: String,
    /// The (first) programme's kind: "Chương trình phối hợp", "Kế hoạch liên tịch".
    loai_chuong_trinh: String,
    /// How the papers name the programmes and the period.
    #[serde(flatten)]
    pub(crate) words: ProgrammeWords,
    /// The parties joined: "Bộ Công an và Ủy ban Trung ương MTTQ Việt Nam".
    cac_ben_noi: String,
    /// "giữa Bộ Công an và …" for several parties, "của …" for one.
    cac_ben_cau: String,
    /// The reporting body inside a sentence: "Công an thành phố Hải Phòng".
    pub don_vi: String,
    /// Period figures per metric, for sentences.
    pub chi_so: Vec<Figure>,
    /// The narrative names figures itself (`{{ma}}` in noi_dung.ket_qua):
    /// the default sentence of results is left out.
    ket_qua_co_so_lieu: bool,
    /// The figures the narrative before the results does not state: the
    /// default sentence of results says these, so a figure is said once.
    chi_so_chua_neu: Vec<Figure>,
    /// Every metric's figures for `{{ma}}` in the narrative.
    so_lieu: BTreeMap<String, figures::FigureTexts>,
    /// One line per award group.
    khen: Vec<AwardLine>,
    /// One line per group only proposed so far (`to_trinh`, no decision number yet).
    khen_de_nghi: Vec<ProposalLine>,
    /// Some group awarded or proposed: the report has its awards section.
    co_khen: bool,
    /// Everyone commended: recipients of every group plus `bieu_duong`.
    tong_luot: String,
    /// Sum of the groups' `bieu_duong`, when any.
    bieu_duong: Option<String>,
    /// More than one award line: the total says something new.
    nhieu_luot: bool,
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
    /// The figure as a clause of a sentence: "77 mô hình về bảo đảm ANTT…".
    pub cau: String,
    #[serde(skip)]
    pub value: Decimal,
}

/// A group the reporting body proposed to a higher body.
#[derive(Serialize)]
struct ProposalLine {
    /// "12 tập thể và 15 cá nhân".
    doi_tuong: String,
    hinh_thuc: &'static str,
    /// The authority asked, inside a sentence.
    cap_khen: String,
    so_to_trinh: String,
    ngay_to_trinh: String,
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

/// The report's template data; the press summary's builds on it.
pub fn context(input: &Input) -> Context<'_> {
    let (loai, loai_dau_cau) = match input.van_ban.loai {
        LoaiBaoCao::SoKet => ("sơ kết", "Sơ kết"),
        LoaiBaoCao::TongKet => ("tổng kết", "Tổng kết"),
    };
    let measured: Vec<(&input::ChiTieu, Figure)> = input
        .chi_tieu
        .iter()
        .filter_map(|metric| {
            let value = input.period_total(&metric.ma)?;
            let figure = Figure {
                ten: metric.ten.clone(),
                don_vi: metric.don_vi.clone(),
                tong: value.vietnamese(),
                cau: figures::clause(input, metric, value),
                value,
            };
            Some((metric, figure))
        })
        .collect();
    let narrative: Vec<&str> = [&input.noi_dung.tinh_hinh, &input.noi_dung.lanh_dao_chi_dao, &input.noi_dung.ket_qua]
        .into_iter()
        .filter_map(|text| text.as_deref())
        .collect();
    let chi_so_chua_neu: Vec<Figure> = measured
        .iter()
        .filter(|(metric, figure)| !narrative.iter().any(|text| figures::states(text, metric, figure.value)))
        .map(|(_, figure)| figure.clone())
        .collect();
    let chi_so: Vec<Figure> = measured.into_iter().map(|(_, figure)| figure).collect();
    // Awarded groups are told as awarded; groups only proposed, as proposed.
    let (proposed, awarded): (Vec<_>, Vec<_>) = input.khen_thuong.iter().partition(|g| g.only_proposed());
    let khen_de_nghi: Vec<ProposalLine> = proposed
        .iter()
        .filter_map(|group| {
            let proposal = group.to_trinh.as_ref()?;
            Some(ProposalLine {
                doi_tuong: awards::recipients_phrase(group),
                hinh_thuc: group.hinh_thuc.name(),
                cap_khen: awards::authority_in_sentence(group),
                so_to_trinh: proposal.so.clone(),
                ngay_to_trinh: proposal.ngay.to_string(),
            })
        })
        .collect();
    let khen: Vec<AwardLine> = awarded
        .iter()
        .map(|group| AwardLine {
            doi_tuong: awards::recipients_phrase(group),
            hinh_thuc: group.hinh_thuc.name(),
            cap_khen: awards::authority_in_sentence(group),
            so_quyet_dinh: group.quyet_dinh.so.clone(),
            ngay_quyet_dinh: group.quyet_dinh.ngay.to_string(),
        })
        .collect();
    let commended: Decimal = awarded.iter().filter_map(|g| g.bieu_duong).sum();
    let recipients: usize = awarded.iter().map(|g| g.danh_sach.len()).sum();
    let has_commended = awarded.iter().any(|g| g.bieu_duong.is_some());
    let noi_dung = &input.noi_dung;
    let co_ket_qua = noi_dung.ket_qua.is_some() || !chi_so.is_empty();
    let co_danh_gia = noi_dung.han_che.is_some() || noi_dung.nguyen_nhan.is_some() || noi_dung.bai_hoc.is_some();
    let parties: Vec<String> = input.chuong_trinh.cac_ben.iter().map(|p| awards::sentence_case_authority(p)).collect();
    let cac_ben_noi = join_vietnamese(&parties);
    let kind = input.programme_kind().to_string();
    Context {
        input,
        loai,
        loai_dau_cau,
        so_nam: input.years_reviewed().to_string(),
        words: programmes::of(input),
        loai_chuong_trinh: kind,
        cac_ben_cau: if parties.len() > 1 { format!("giữa {cac_ben_noi}") } else { format!("của {cac_ben_noi}") },
        cac_ben_noi,
        don_vi: family::bodies_in_sentence(input),
        ket_qua_co_so_lieu: noi_dung.ket_qua.as_deref().is_some_and(figures::cites_figures),
        so_lieu: figures::for_narrative(input),
        tong_luot: (Decimal::from_int(recipients as i64) + commended).vietnamese(),
        bieu_duong: has_commended.then(|| commended.vietnamese()),
        nhieu_luot: khen.len() > 1 || has_commended,
        co_phan_ket_qua: noi_dung.tinh_hinh.is_some()
            || noi_dung.lanh_dao_chi_dao.is_some()
            || co_ket_qua
            || !khen.is_empty()
            || !khen_de_nghi.is_empty()
            || co_danh_gia,
        chi_so,
        chi_so_chua_neu,
        co_khen: !khen.is_empty() || !khen_de_nghi.is_empty(),
        khen,
        khen_de_nghi,
        co_ket_qua,
        co_danh_gia,
    }
}

/// Builds the report of `input`, worded by `templates`.
pub fn build(input: &Input, templates: &Templates) -> Result<Document, Problem> {
    let context = context(input);
    let paper_family = family::of(input.family());
    let subject = markup::plain_text(templates.render("bao-cao-trich-yeu", &context)?.trim());
    let subject = family::subject(&subject, paper_family);
    let mut body = parse_body(templates, "bao-cao", &context, |name| match name {
        "bang-ket-qua" => {
            let mut blocks: Vec<Block> = results_tables(input).into_iter().map(Block::Table).collect();
            blocks.extend(totals_note(input).map(Block::Paragraph));
            Some(blocks)
        }
        _ => None,
    })?;
    super::nd30::one_dash(&mut body, " - ");
    // The closing sentence stays on the page of the signature.
    if let Some(Block::Paragraph(last)) = body.last_mut() {
        last.style.keep_with_next = true;
    }

    let van_ban = &input.van_ban;
    let mut blocks = vec![
        family::header(
            Header {
                parent: family::parent(input),
                issuer: family::issuer(input),
                number: Some(family::number_line(&van_ban.so_ky_hieu, paper_family)),
                place_date: Some(format!("{}, {}", van_ban.dia_danh, van_ban.ngay.long())),
            },
            paper_family,
        ),
        Block::Title(Title { kind: "BÁO CÁO".into(), subject: subject.clone(), note: None }),
    ];
    blocks.extend(addressees(&van_ban.kinh_gui));
    blocks.extend(body);
    blocks.push(family::signature(&van_ban.noi_nhan, input, paper_family));
    let meta = Metadata {
        title: subject,
        subject: format!("Báo cáo số {}", van_ban.so_ky_hieu),
        author: input.co_quan.ten.clone(),
        created: Some(Timestamp::date(van_ban.ngay)),
    };
    Ok(Document { meta, page: Page::A4, page_numbers: true, blocks })
}

/// The heading of the period column: "Tổng cộng" when its figures are
/// sums (or mixed: the note under the table says which are not), else
/// what they all are — "Cuối kỳ", "Cao nhất", "Bình quân"; a one-year
/// report's "Năm 2025".
fn total_label(input: &Input) -> String {
    if input.is_one_year() {
        return format!("Năm {}", input.giai_doan.den);
    }
    let mut rules = input.chi_tieu.iter().map(|m| m.cach_tinh);
    let first = rules.next().unwrap_or_default();
    let label = match first {
        _ if rules.any(|rule| rule != first) => "Tổng cộng",
        CachTinh::Tong => "Tổng cộng",
        CachTinh::CuoiKy => "Cuối kỳ",
        CachTinh::LonNhat => "Cao nhất",
        CachTinh::TrungBinh => "Bình quân",
    };
    label.to_string()
}

/// The note under the results table naming the figures of its "Tổng cộng"
/// column that are not the sum of the period's years: a stock at the end
/// or at its highest, an average, a sum of only the years the file has.
fn totals_note(input: &Input) -> Option<Paragraph> {
    if input.is_one_year() || total_label(input) != "Tổng cộng" {
        return None;
    }
    let notes: Vec<String> = input
        .chi_tieu
        .iter()
        .filter(|metric| input.period_total(&metric.ma).is_some())
        .filter_map(|metric| {
            let given = input.tong_hop.iter().any(|(code, _)| *code == metric.ma);
            let yearly = input::yearly_values(&input.ket_qua_nam, &metric.ma);
            let years: Vec<i32> = yearly.iter().map(|(y, _)| *y).collect();
            let some_years = !yearly.is_empty() && !input.covers_period(&years);
            let how = match metric.cach_tinh {
                CachTinh::Tong if some_years && given => "là số của cả giai đoạn, gồm cả các năm không có trong bảng",
                CachTinh::Tong if some_years => "chỉ cộng các năm có số liệu",
                CachTinh::Tong => return None,
                CachTinh::CuoiKy => "là số cuối kỳ",
                CachTinh::LonNhat => "là số cao nhất",
                CachTinh::TrungBinh => "là số bình quân các năm",
            };
            Some(format!("{} {how}", crate::text::quotes::quoted(&metric.ten)))
        })
        .collect();
    if notes.is_empty() {
        return None;
    }
    let text = format!("Ghi chú: ở cột “Tổng cộng”, {}.", notes.join("; "));
    let style = ParagraphStyle { size: TABLE_SIZE, space_before: 3.0, ..ParagraphStyle::BODY };
    Some(Paragraph { spans: vec![Span { italic: true, ..Span::plain(text) }], style })
}

/// Size of the results table's text.
const TABLE_SIZE: f32 = 12.0;

/// The numbered results table: one row per metric (grouped by `nhom`),
/// per-year columns when the input has them, and the period total — as
/// several tables when the years do not fit across one.
fn results_tables(input: &Input) -> Vec<Table> {
    if input.chi_tieu.is_empty() {
        return Vec::new();
    }
    let years: Vec<i32> = {
        let mut years: Vec<i32> = input.ket_qua_nam.iter().map(|y| y.nam).collect();
        years.sort_unstable();
        years
    };
    // A one-year report's figure is the year's: one column, named so.
    let years: Vec<i32> = if input.is_one_year() { Vec::new() } else { years };
    let mut header = vec!["STT".to_string(), "Chỉ tiêu".into(), "Đơn vị tính".into()];
    header.extend(years.iter().map(|y| format!("Năm {y}")));
    header.push(total_label(input));

    let metrics = in_group_order(&input.chi_tieu);
    let rows = metric_rows(&metrics, header.len(), |metric| {
        let code = &metric.ma;
        let mut cells: Vec<String> =
            years.iter().map(|year| figure(input::yearly_value(&input.ket_qua_nam, code, *year))).collect();
        cells.push(figure(input.period_total(code)));
        cells
    });

    let mut aligns = vec![Align::Center, Align::Left, Align::Center];
    aligns.resize(header.len(), Align::Right);
    fitted_tables(&header, &rows, 3, 1, &aligns, Page::A4.text_width(), TABLE_SIZE)
}
