//! The schema's rules that span several fields: period order, dates that
//! must agree, metric codes, per-year sums, and the award lists.

use std::collections::HashMap;

use super::locate::Locator;
use super::model::*;
use crate::diag::{Kind, Location, Problem};
use crate::text::vn::Decimal;

/// Every rule the typed `input` breaks, located in the file.
pub(super) fn check(input: &Input, locator: &Locator) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut report =
        |path: String, kind: Kind| problems.push(Problem { location: locator.locate(&path, false).into(), path, kind });

    let GiaiDoan { tu, den, .. } = input.giai_doan;
    if tu > den {
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
    check_totals(&input.chi_tieu, &input.tong_hop, &input.ket_qua_nam, input.giai_doan, "tong_hop", &mut report);
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
        let path = format!("{path}.tong_hop");
        check_totals(&input.chi_tieu, &unit.tong_hop, &unit.ket_qua_nam, input.giai_doan, &path, &mut report);
    }

    check_thousands(input, locator, &mut report);
    check_narrative(input, &mut report);

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
        } else if decided > report_date {
            // The report cites the decision by number and date.
            report(
                format!("{path}.quyet_dinh.ngay"),
                Kind::DecisionAfterReport { date: decided.to_string(), report: report_date.to_string() },
            );
        }
        if group.danh_sach.is_empty() {
            report(format!("{path}.danh_sach"), Kind::EmptyList);
        }
        if group.danh_sach.len() > super::bounds::MAX_RECIPIENTS {
            let kind = Kind::TooManyRecipients { count: group.danh_sach.len(), limit: super::bounds::MAX_RECIPIENTS };
            report(format!("{path}.danh_sach"), kind);
        }
        // A list file's repeats were refused at their cells as it was read.
        let inline = if group.danh_sach_tep.is_none() { &group.danh_sach[..] } else { &[] };
        for (i, first) in repeated_recipients(inline) {
            let name = group.danh_sach[i].ten.clone();
            report(format!("{path}.danh_sach[{i}].ten"), Kind::DuplicateRecipient { name, first });
        }
    }
    if !input.has_content() {
        // Nothing to report: no line to point at, the whole file lacks it.
        let at = locator.locate("", false);
        let location = Location { line: None, col: None, excerpt: None, ..at };
        problems.push(Problem { location: location.into(), path: String::new(), kind: Kind::EmptyReport });
    }
    problems
}

/// Recipients listed twice: (index, index of the first), when every printed
/// field is alike — two people of one name, or two communes of one name in
/// different districts, are told apart by title, position, unit, register
/// or achievement.
pub(super) fn repeated_recipients(list: &[NguoiNhan]) -> Vec<(usize, usize)> {
    type Identity<'a> = (LoaiNguoiNhan, &'a str, [Option<&'a str>; 5]);
    let mut seen: HashMap<Identity, usize> = HashMap::with_capacity(list.len());
    let mut repeated = Vec::new();
    for (i, person) in list.iter().enumerate() {
        let printed = [&person.danh_xung, &person.chuc_vu, &person.don_vi, &person.so_so, &person.thanh_tich];
        let key = (person.loai, person.ten.as_str(), printed.map(|f| f.as_deref()));
        match seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(first) => repeated.push((i, *first.get())),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    repeated
}

/// A figure of a count typed as "3.412": YAML reads 3,412, the clerk meant
/// 3412. Only the text as typed tells ("1.250" parses as 1.25).
fn check_thousands(input: &Input, locator: &Locator, report: &mut dyn FnMut(String, Kind)) {
    if !locator.may_hold_thousands() {
        return;
    }
    let count = |code: &str| input.chi_tieu.iter().find(|m| m.ma == code).is_some_and(super::facts::is_count);
    let mut paths: Vec<(String, bool)> = Vec::new();
    let mut figures = |prefix: &str, totals: &[(String, Decimal)], years: &[KetQuaNam]| {
        paths.extend(totals.iter().map(|(code, _)| (format!("{prefix}tong_hop.{code}"), count(code))));
        for (i, year) in years.iter().enumerate() {
            paths
                .extend(year.gia_tri.iter().map(|(code, _)| (format!("{prefix}ket_qua_nam[{i}].{code}"), count(code))));
        }
    };
    figures("", &input.tong_hop, &input.ket_qua_nam);
    for (u, unit) in input.don_vi_con.iter().enumerate() {
        figures(&format!("don_vi_con[{u}]."), &unit.tong_hop, &unit.ket_qua_nam);
    }
    for (g, group) in input.khen_thuong.iter().enumerate() {
        if group.bieu_duong.is_some() {
            paths.push((format!("khen_thuong[{g}].bieu_duong"), true));
        }
    }
    for (path, counts) in paths {
        let Some(typed) = locator.raw_value(&path) else {
            continue;
        };
        if counts && super::facts::thousands_separated(&typed) {
            report(path, Kind::ThousandsSeparator { fix: typed.replace('.', ""), typed });
        }
    }
}

/// Figures named in the narrative (`{{ma}}`) exist in the data.
fn check_narrative(input: &Input, report: &mut dyn FnMut(String, Kind)) {
    let sections = input.noi_dung.sections();
    let known: Vec<String> = input.chi_tieu.iter().map(|c| c.ma.clone()).collect();
    for (key, text) in sections {
        let Some(text) = text else { continue };
        let path = format!("noi_dung.{key}");
        let pieces = match super::narrative::pieces(text) {
            Ok(pieces) => pieces,
            Err(typed) => {
                report(path, Kind::BadPlaceholder(typed));
                continue;
            }
        };
        for piece in pieces {
            let super::narrative::Piece::Figure(figure) = piece else { continue };
            let code = figure.code.clone();
            if !known.contains(&code) {
                report(path.clone(), Kind::UnknownMetric { code, known: known.clone() });
                continue;
            }
            let missing = match figure.form {
                super::narrative::FigureForm::Year(year) => {
                    yearly_value(&input.ket_qua_nam, &code, year).is_none().then_some(Some(year))
                }
                _ => input.period_total(&code).is_none().then_some(None),
            };
            if let Some(year) = missing {
                report(path.clone(), Kind::NoFigure { code, year });
            }
        }
    }
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
    period: GiaiDoan,
    path: &str,
    report: &mut dyn FnMut(String, Kind),
) {
    for (code, total) in totals {
        let rule = metrics.iter().find(|m| &m.ma == code).map_or(CachTinh::Tong, |m| m.cach_tinh);
        let yearly = yearly_values(years, code);
        let Some(value) = rule.combine(&yearly) else {
            continue;
        };
        // Years for part of the period beside the period's figure: the
        // figure holds years the file does not, so only a sum or a highest
        // value above it is wrong, and an end value only when the last year
        // is there; an average is the clerk's to round.
        let partial = (period.tu..=period.den).any(|year| !yearly.iter().any(|(y, _)| *y == year));
        let has_last_year = yearly.iter().any(|(y, _)| *y == period.den);
        let wrong = match rule {
            CachTinh::TrungBinh => false,
            CachTinh::Tong | CachTinh::LonNhat if partial => value > *total,
            CachTinh::CuoiKy if partial && !has_last_year => false,
            _ => value != *total,
        };
        if wrong {
            let at = format!("{path}.{code}");
            let (code, total, value) = (code.clone(), total.vietnamese(), value.vietnamese());
            let kind = match rule {
                CachTinh::Tong | CachTinh::TrungBinh => Kind::TotalMismatch { code, total, sum: value },
                CachTinh::CuoiKy => Kind::TotalNotLastYear { code, total, last: value },
                CachTinh::LonNhat => Kind::TotalNotHighestYear { code, total, highest: value },
            };
            report(at, kind);
        }
    }
}
