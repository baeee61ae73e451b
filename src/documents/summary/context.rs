//! The notes on what the figures leave out and the words the `tong-hop`
//! template sees ([`Context`]), made from the figures and their layout.

use serde::Serialize;

use super::asked::Asked;
use super::figures::{self, Body, Range};
use super::found::Found;
use super::layout::Layout;
use super::notes::{self, LeftOut, MissingYears, Stock};
use super::request::Loaded;
use crate::input::{self, ChiTieu, Input};

/// What the `tong-hop` template sees.
#[derive(Serialize)]
pub(super) struct Context<'a> {
    /// The range summarised: the asked range within the reports' periods.
    tu: i32,
    den: i32,
    /// "giai đoạn 2018 - 2023", or "năm 2021".
    giai_doan: String,
    chuong_trinh: &'a input::ChuongTrinh,
    /// The programmes by number ("Kế hoạch số 09-KH/ĐU"), and with their
    /// titles (… về “…”), as the report names them.
    chuong_trinh_so_hieu: String,
    chuong_trinh_so_hieu_ten: String,
    /// "02": how many reports; of how many units (several inputs), or
    /// sub-units (one input's `don_vi_con`); "" when not so.
    so_bao_cao: String,
    so_don_vi: String,
    so_don_vi_con: String,
    /// "Báo cáo số 45/BC-CAQ ngày 20 tháng 12 năm 2023 của Công an quận Lê Chân".
    bao_cao: Vec<String>,
    /// Asked years outside every report's period ("các năm 2010 - 2012"), and
    /// the reports' period ("2013 - 2023"); "" when none.
    ngoai_giai_doan: String,
    giai_doan_bao_cao: String,
    /// Years of the range without any figure; "" when none.
    nam_khong_co_so_lieu: String,
    /// Only period totals: no year columns.
    chi_co_tong: bool,
    cot_khong_chia_nam: bool,
    chi_tieu_ton: Vec<Stock>,
    khong_chia_nam: Vec<LeftOut>,
    /// Indicators without any figure in the range.
    khong_co_so_lieu: Vec<String>,
    /// The previous range compared with ("2015 - 2017"), or the one that could not be; "".
    so_sanh: String,
    so_sanh_giai_doan: String,
    so_sanh_thieu: bool,
    khong_so_sanh: String,
    /// When the range not compared with reaches before the reports' first
    /// year: that year (a period before the programme is not named).
    so_lieu_tu_nam: String,
    co_bang_don_vi: bool,
    /// The unit table has a column per unit (a row per indicator).
    don_vi_theo_cot: bool,
    /// How many indicators the unit table compares, and how many that some
    /// unit reports it leaves out ("" when none); whether the compared ones
    /// are every unit's.
    so_chi_tieu_so_sanh: String,
    so_chi_tieu_khong_so_sanh: String,
    chung_moi_don_vi: bool,
    don_vi_thieu_nam: Vec<MissingYears>,
    tong_khac_cong_don_vi: bool,
    co_bieu_do: bool,
}

/// What the template says of the summary: the range and the reports, what
/// the figures leave out, what is compared and which parts are there.
pub(super) fn of<'a>(
    loaded: &'a [Loaded],
    overall: &[Body],
    units: &[Body],
    metrics: &[ChiTieu],
    asked: &Asked,
    found: &Found,
    layout: &Layout,
) -> Context<'a> {
    let (range, years, lines, columns) = (asked.range, &found.years, &found.lines, &layout.columns);
    let (first_year, before) = (asked.first_year, range.previous());
    let mut left_out = notes::left_out(overall, metrics, range);
    if !units.is_empty() && loaded.len() == 1 {
        left_out.extend(notes::left_out(units, metrics, range));
    }
    let without_data: Vec<String> = found
        .rows
        .iter()
        .filter(|(_, row)| row.total.is_none())
        .map(|(i, _)| metrics[*i].ten.clone())
        .filter(|name| !left_out.iter().any(|l| &l.chi_tieu == name))
        .collect();
    let outside: Vec<i32> = (asked.from..=asked.to).filter(|y| !range.contains(*y)).collect();
    let empty_years: Vec<i32> = range.years().filter(|y| !years.contains(y)).collect();
    let first = &loaded[0].input;
    let programme_words = crate::words::programmes::of(first);
    Context {
        tu: range.from,
        den: range.to,
        giai_doan: period_phrase(range),
        chuong_trinh: &first.chuong_trinh,
        chuong_trinh_so_hieu: programme_words.chuong_trinh_so_hieu,
        chuong_trinh_so_hieu_ten: programme_words.chuong_trinh_so_hieu_ten,
        so_bao_cao: loaded.len().to_string(),
        so_don_vi: if loaded.len() > 1 { overall.len().to_string() } else { String::new() },
        so_don_vi_con: if loaded.len() == 1 && !units.is_empty() { units.len().to_string() } else { String::new() },
        bao_cao: loaded.iter().map(|l| report_reference(&l.input)).collect(),
        ngoai_giai_doan: if outside.is_empty() { String::new() } else { notes::years_phrase(&outside) },
        giai_doan_bao_cao: Range { from: first_year, to: asked.last_year }.label(),
        nam_khong_co_so_lieu: if years.is_empty() || empty_years.is_empty() {
            String::new()
        } else {
            notes::years_phrase(&empty_years)
        },
        chi_co_tong: years.is_empty(),
        cot_khong_chia_nam: columns.undivided,
        chi_tieu_ton: lines.iter().filter(|_| range.len() > 1).filter_map(|l| notes::stock(l.metric)).collect(),
        khong_chia_nam: left_out,
        khong_co_so_lieu: without_data,
        so_sanh: columns.previous.map_or_else(String::new, Range::label),
        so_sanh_giai_doan: columns.previous.map_or_else(String::new, period_phrase),
        so_sanh_thieu: columns.previous.is_some() && lines.iter().any(|l| l.change.is_none()),
        khong_so_sanh: if columns.previous.is_none() { period_phrase(before) } else { String::new() },
        so_lieu_tu_nam: if columns.previous.is_none() && before.from < first_year {
            first_year.to_string()
        } else {
            String::new()
        },
        co_bang_don_vi: !layout.units.tables.is_empty(),
        don_vi_theo_cot: layout.units.by_column,
        so_chi_tieu_so_sanh: layout.units.compared.to_string(),
        so_chi_tieu_khong_so_sanh: if layout.units.left_out > 0 && !layout.units.tables.is_empty() {
            layout.units.left_out.to_string()
        } else {
            String::new()
        },
        chung_moi_don_vi: layout.units.shared_by_all,
        don_vi_thieu_nam: notes::missing_years(units, range, years),
        tong_khac_cong_don_vi: !layout.units.tables.is_empty() && found.total_differs,
        co_bieu_do: !layout.charts.is_empty(),
    }
}

/// "giai đoạn 2018 - 2023", or "năm 2021".
fn period_phrase(range: Range) -> String {
    if range.len() == 1 {
        range.label()
    } else {
        format!("giai đoạn {}", range.label())
    }
}

/// "Báo cáo số 45/BC-CAQ ngày 20 tháng 12 năm 2023 của Công an quận Lê Chân".
fn report_reference(input: &Input) -> String {
    format!("Báo cáo số {} {} của {}", input.van_ban.so_ky_hieu, input.van_ban.ngay.long(), figures::unit_name(input))
}
