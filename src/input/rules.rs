//! The schema's rules that span several fields: period order, dates that
//! must agree, metric codes, per-year sums, and the award lists.

use std::collections::HashMap;

use super::locate::Locator;
use super::*;
use crate::diag::{Kind, Problem};

/// Every rule the typed `input` breaks, located in the file.
pub(super) fn check(input: &Input, locator: &Locator) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report =
        |path: String, kind: Kind| problems.push(Problem { location: locator.locate(&path, false).into(), path, kind });

    let GiaiDoan { tu, den } = input.giai_doan;
    if tu >= den {
        report("giai_doan.den".into(), Kind::PeriodReversed { from: tu, to: den });
    }
    if input.van_ban.ngay.year < tu {
        report("van_ban.ngay".into(), Kind::ReportBeforePeriod { date: input.van_ban.ngay.to_string(), year: tu });
    }

    let known: Vec<String> = input.chi_tieu.iter().map(|c| c.ma.clone()).collect();
    let unknown_codes = |codes: &mut dyn Iterator<Item = (String, &String)>, report: &mut dyn FnMut(String, Kind)| {
        for (path, code) in codes {
            if !known.contains(code) {
                report(path, Kind::UnknownMetric { code: code.clone(), known: known.clone() });
            }
        }
    };
    unknown_codes(&mut input.tong_hop.iter().map(|(code, _)| (format!("tong_hop.{code}"), code)), &mut report);
    check_years(&input.ket_qua_nam, "ket_qua_nam", input.giai_doan, &mut report);
    for (i, year) in input.ket_qua_nam.iter().enumerate() {
        unknown_codes(
            &mut year.gia_tri.iter().map(|(code, _)| (format!("ket_qua_nam[{i}].{code}"), code)),
            &mut report,
        );
    }
    check_totals(&input.chi_tieu, &input.tong_hop, &input.ket_qua_nam, "tong_hop", &mut report);
    for (u, unit) in input.don_vi_con.iter().enumerate() {
        let path = format!("don_vi_con[{u}]");
        check_years(&unit.ket_qua_nam, &format!("{path}.ket_qua_nam"), input.giai_doan, &mut report);
        unknown_codes(
            &mut unit.tong_hop.iter().map(|(code, _)| (format!("{path}.tong_hop.{code}"), code)),
            &mut report,
        );
        for (i, year) in unit.ket_qua_nam.iter().enumerate() {
            unknown_codes(
                &mut year.gia_tri.iter().map(|(code, _)| (format!("{path}.ket_qua_nam[{i}].{code}"), code)),
                &mut report,
            );
        }
        check_totals(&input.chi_tieu, &unit.tong_hop, &unit.ket_qua_nam, &format!("{path}.tong_hop"), &mut report);
    }

    for (g, group) in input.khen_thuong.iter().enumerate() {
        let path = format!("khen_thuong[{g}]");
        let decided = group.quyet_dinh.ngay;
        let report_date = input.van_ban.ngay;
        let a_year_later = crate::text::vn::Date { year: report_date.year + 1, ..report_date };
        if decided > a_year_later {
            report(
                format!("{path}.quyet_dinh.ngay"),
                Kind::DecisionTooLate { date: decided.to_string(), report: report_date.to_string() },
            );
        }
        if group.danh_sach.is_empty() {
            report(format!("{path}.danh_sach"), Kind::EmptyList);
        }
        if group.danh_sach.len() > super::bounds::MAX_RECIPIENTS {
            let kind = Kind::TooManyRecipients { count: group.danh_sach.len(), limit: super::bounds::MAX_RECIPIENTS };
            report(format!("{path}.danh_sach"), kind);
        }
        // The same record twice: every printed field alike (two people of
        // one name are told apart by position, unit or register number).
        type Identity<'a> = (LoaiNguoiNhan, &'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let mut seen: HashMap<Identity, usize> = HashMap::new();
        for (i, person) in group.danh_sach.iter().enumerate() {
            let key = (
                person.loai,
                person.ten.as_str(),
                person.chuc_vu.as_deref(),
                person.don_vi.as_deref(),
                person.so_so.as_deref(),
            );
            match seen.get(&key) {
                Some(&first) => report(
                    format!("{path}.danh_sach[{i}].ten"),
                    Kind::DuplicateRecipient { name: person.ten.clone(), first },
                ),
                None => {
                    seen.insert(key, i);
                }
            }
        }
    }
    problems
}

fn check_years(years: &[KetQuaNam], path: &str, period: GiaiDoan, report: &mut dyn FnMut(String, Kind)) {
    let mut seen = Vec::new();
    for (i, year) in years.iter().enumerate() {
        if !(period.tu..=period.den).contains(&year.nam) {
            report(
                format!("{path}[{i}].nam"),
                Kind::YearOutsidePeriod { year: year.nam, from: period.tu, to: period.den },
            );
        }
        if seen.contains(&year.nam) {
            report(format!("{path}[{i}].nam"), Kind::DuplicateYear(year.nam));
        }
        seen.push(year.nam);
    }
}

/// A metric with per-year values and a total must agree, by the metric's
/// rule: the sum of its years, its last year, or its highest year.
fn check_totals(
    metrics: &[ChiTieu],
    totals: &[(String, Decimal)],
    years: &[KetQuaNam],
    path: &str,
    report: &mut dyn FnMut(String, Kind),
) {
    for (code, total) in totals {
        let rule = metrics.iter().find(|m| &m.ma == code).map_or(CachTinh::Tong, |m| m.cach_tinh);
        let Some(value) = rule.combine(&super::yearly_values(years, code)) else {
            continue;
        };
        if value != *total {
            let at = format!("{path}.{code}");
            let (code, total, value) = (code.clone(), total.vietnamese(), value.vietnamese());
            let kind = match rule {
                CachTinh::Tong => Kind::TotalMismatch { code, total, sum: value },
                CachTinh::CuoiKy => Kind::TotalNotLastYear { code, total, last: value },
                CachTinh::LonNhat => Kind::TotalNotHighestYear { code, total, highest: value },
            };
            report(at, kind);
        }
    }
}
