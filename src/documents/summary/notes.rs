//! What the summary says about its own figures, as facts for the template:
//! years without data, units missing years, period totals that could not
//! be used, how stocks are totalled, and why there is no comparison.

use serde::Serialize;

use crate::input::{CachTinh, ChiTieu};

use super::figures::{Body, Range};
use crate::documents::nd30::join_vietnamese;

/// "năm 2019", "các năm 2010 - 2012 và 2015": years, runs joined by " - "
/// between no-break spaces (a range is not split across lines).
pub(super) fn years_phrase(years: &[i32]) -> String {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &year in years {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == year => *end = year,
            _ => runs.push((year, year)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|&(start, end)| if start == end { start.to_string() } else { format!("{start}\u{a0}-\u{a0}{end}") })
        .collect();
    let several = years.len() > 1;
    format!("{} {}", if several { "các năm" } else { "năm" }, join_vietnamese(&parts))
}

/// A unit and the years of the range it has no figure for.
#[derive(Serialize)]
pub(super) struct MissingYears {
    pub(super) ten: String,
    pub(super) nam: String,
}

/// A period total that reaches outside the range, so it was not used.
#[derive(Serialize)]
pub(super) struct LeftOut {
    pub(super) chi_tieu: String,
    pub(super) don_vi: String,
    pub(super) giai_doan: String,
}

/// A stock indicator and how its range figure is taken.
#[derive(Serialize)]
pub(super) struct Stock {
    pub(super) ten: String,
    pub(super) cach_tinh: &'static str,
}

/// Units lacking some years of the range that other units have.
pub(super) fn missing_years(units: &[Body], range: Range, years_with_data: &[i32]) -> Vec<MissingYears> {
    units
        .iter()
        .filter_map(|unit| {
            let covered = unit.covered(range);
            let missing: Vec<i32> =
                years_with_data.iter().copied().filter(|y| !covered[(y - range.from) as usize]).collect();
            (!missing.is_empty()).then(|| MissingYears { ten: unit.name.clone(), nam: years_phrase(&missing) })
        })
        .collect()
}

/// Period totals of `bodies` for `metrics` (indexed as the bodies are)
/// that reach outside the range.
pub(super) fn left_out(bodies: &[Body], metrics: &[ChiTieu], range: Range) -> Vec<LeftOut> {
    let mut found = Vec::new();
    for (i, metric) in metrics.iter().enumerate() {
        for body in bodies {
            for period in body.figure(i, metric.cach_tinh, range).left_out {
                found.push(LeftOut {
                    chi_tieu: metric.ten.clone(),
                    don_vi: body.name.clone(),
                    giai_doan: format!("{}\u{a0}-\u{a0}{}", period.tu, period.den),
                });
            }
        }
    }
    found
}

pub(super) fn stock(metric: &ChiTieu) -> Option<Stock> {
    let cach_tinh = match metric.cach_tinh {
        CachTinh::Tong => return None,
        CachTinh::CuoiKy => "lấy số cuối kỳ",
        CachTinh::LonNhat => "lấy số lớn nhất",
        CachTinh::TrungBinh => "lấy số bình quân các năm",
    };
    Some(Stock { ten: metric.ten.clone(), cach_tinh })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_read_as_runs() {
        assert_eq!(years_phrase(&[2019]), "năm 2019");
        assert_eq!(years_phrase(&[2010, 2011, 2012, 2015]), "các năm 2010\u{a0}-\u{a0}2012 và 2015");
        assert_eq!(years_phrase(&[2010, 2012, 2014]), "các năm 2010, 2012 và 2014");
    }
}
