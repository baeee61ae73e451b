//! The figures of the summary: each reporting body's values per indicator
//! (a unit with all its reports merged, or a sub-unit of one report), and
//! how they combine over a range of years.
//!
//! The rules, for an indicator with period rule `cach_tinh`:
//! - one body over the years: its rule (sum; last year; highest year);
//! - several bodies in one year: added (wards of unit A and of unit B at
//!   the end of 2020 are the wards of both at the end of 2020), so a
//!   summary's yearly figure is the sum of the bodies', and its range
//!   figure is the rule applied to those yearly sums;
//! - a figure given only as a period total (no years) counts when its
//!   period lies inside the range, kept apart as "not divided by year":
//!   added to the range figure of a flow, and for a stock only when the
//!   body has no yearly figure in the range (a later yearly stock
//!   supersedes it).

use std::collections::BTreeMap;

use crate::diag::{Kind, Location, Problem};
use crate::input::{CachTinh, ChiTieu, GiaiDoan, Input, KetQuaNam};
use crate::text::vn::Decimal;
use crate::words::awards;

use super::indicators::Resolved;
use super::request::Loaded;

/// A range of years, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Range {
    pub(super) from: i32,
    pub(super) to: i32,
}

impl Range {
    pub(super) fn years(self) -> impl Iterator<Item = i32> {
        self.from..=self.to
    }

    pub(super) fn len(self) -> i32 {
        self.to - self.from + 1
    }

    /// "2018 - 2023", or "năm 2021" for a single year; no-break spaces
    /// keep a range on one line.
    pub(super) fn label(self) -> String {
        if self.from == self.to {
            format!("năm\u{a0}{}", self.from)
        } else {
            format!("{}\u{a0}-\u{a0}{}", self.from, self.to)
        }
    }

    /// The range of equal length just before this one.
    pub(super) fn previous(self) -> Range {
        Range { from: self.from - self.len(), to: self.from - 1 }
    }

    pub(super) fn contains(self, year: i32) -> bool {
        (self.from..=self.to).contains(&year)
    }

    fn holds(self, period: GiaiDoan) -> bool {
        self.from <= period.tu && period.den <= self.to
    }

    fn meets(self, period: GiaiDoan) -> bool {
        period.tu <= self.to && self.from <= period.den
    }
}

/// A reporting body's figures, per indicator.
#[derive(Debug, Clone)]
pub(super) struct Body {
    pub(super) name: String,
    /// Per indicator: year → value.
    pub(super) years: Vec<BTreeMap<i32, Decimal>>,
    /// Per indicator: period totals given without yearly figures.
    pub(super) totals: Vec<Vec<(GiaiDoan, Decimal)>>,
}

/// One body's figure for one indicator over a range.
#[derive(Debug, Default)]
pub(super) struct BodyFigure {
    pub(super) yearly: Vec<(i32, Decimal)>,
    /// From period totals inside the range.
    pub(super) undivided: Option<Decimal>,
    /// Periods whose totals reach outside the range: not used.
    pub(super) left_out: Vec<GiaiDoan>,
}

impl BodyFigure {
    pub(super) fn value(&self, rule: CachTinh) -> Option<Decimal> {
        joined(rule, rule.combine(&self.yearly), self.undivided)
    }
}

/// A figure from the years beside one from undivided totals: added, or
/// averaged for an average (a rate is never added).
fn joined(rule: CachTinh, a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (rule, a, b) {
        (CachTinh::TrungBinh, Some(a), Some(b)) => Decimal::mean(&[a, b]),
        (_, a, b) => add(a, b),
    }
}

pub(super) fn add(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a + b),
        (a, b) => a.or(b),
    }
}

impl Body {
    fn empty(name: String, indicators: usize) -> Body {
        Body { name, years: vec![BTreeMap::new(); indicators], totals: vec![Vec::new(); indicators] }
    }

    pub(super) fn figure(&self, indicator: usize, rule: CachTinh, range: Range) -> BodyFigure {
        let yearly: Vec<(i32, Decimal)> =
            self.years[indicator].range(range.from..=range.to).map(|(y, v)| (*y, *v)).collect();
        let totals = &self.totals[indicator];
        let inside: Vec<(i32, Decimal)> =
            totals.iter().filter(|(p, _)| range.holds(*p)).map(|(p, v)| (p.den, *v)).collect();
        let left_out = totals.iter().filter(|(p, _)| range.meets(*p) && !range.holds(*p)).map(|(p, _)| *p).collect();
        let undivided = match rule {
            CachTinh::Tong => rule.combine(&inside),
            _ if yearly.is_empty() => rule.combine(&inside),
            _ => None,
        };
        BodyFigure { yearly, undivided, left_out }
    }

    /// Years of `range` the body has any figure for: a yearly value, or a
    /// period total inside the range.
    pub(super) fn covered(&self, range: Range) -> Vec<bool> {
        let mut covered = vec![false; range.len() as usize];
        for years in &self.years {
            for year in years.range(range.from..=range.to).map(|(y, _)| *y) {
                covered[(year - range.from) as usize] = true;
            }
        }
        for (period, _) in self.totals.iter().flatten().filter(|(p, _)| range.holds(*p)) {
            for year in period.tu..=period.den {
                covered[(year - range.from) as usize] = true;
            }
        }
        covered
    }

    /// Adds one report's (or sub-unit's) figures; a year two reports give
    /// differently is a problem naming both.
    fn take(&mut self, from: Source, resolved: &Resolved, loaded: &[Loaded], known: &mut Vec<Known>) -> Vec<Problem> {
        let mut problems = Vec::new();
        let index = |code: &str| resolved.indicator(loaded, from.input, code);
        for (r, record) in from.years.iter().enumerate() {
            for (code, value) in &record.gia_tri {
                let Some(i) = index(code) else { continue };
                match self.years[i].get(&record.nam) {
                    Some(old) if old != value => {
                        let first = known.iter().find(|k| k.indicator == i && k.year == record.nam);
                        problems.push(Problem {
                            location: Location::file(&loaded[from.input].display).into(),
                            path: format!("{}ket_qua_nam[{r}].{code}", from.prefix),
                            kind: Kind::ConflictingFigures {
                                unit: self.name.clone(),
                                code: code.clone(),
                                year: record.nam,
                                first: old.vietnamese(),
                                first_file: first.map_or_else(String::new, |k| loaded[k.input].file.clone()),
                                second: value.vietnamese(),
                                second_file: loaded[from.input].file.clone(),
                            },
                        });
                    }
                    Some(_) => {}
                    None => {
                        self.years[i].insert(record.nam, *value);
                        known.push(Known { indicator: i, year: record.nam, input: from.input });
                    }
                }
            }
        }
        for (code, value) in from.totals {
            let Some(i) = index(code) else { continue };
            // Yearly figures of the same report are finer; its total agrees with them.
            let has_years = from.years.iter().any(|y| y.gia_tri.iter().any(|(c, _)| c == code));
            let same = |(p, v): &(GiaiDoan, Decimal)| (p.tu, p.den, *v) == (from.period.tu, from.period.den, *value);
            if !has_years && !self.totals[i].iter().any(same) {
                self.totals[i].push((from.period, *value));
            }
        }
        problems
    }
}

/// Where a yearly figure came from (for the message when two disagree).
struct Known {
    indicator: usize,
    year: i32,
    input: usize,
}

/// One input's figures, or one of its sub-units'.
struct Source<'a> {
    input: usize,
    prefix: String,
    period: GiaiDoan,
    years: &'a [KetQuaNam],
    totals: &'a [(String, Decimal)],
}

fn whole(input: usize, data: &Input) -> Source<'_> {
    Source { input, prefix: String::new(), period: data.giai_doan, years: &data.ket_qua_nam, totals: &data.tong_hop }
}

/// The unit an input reports for, as written in a sentence.
pub(super) fn unit_name(input: &Input) -> String {
    awards::sentence_case_authority(&input.co_quan.ten)
}

/// The bodies the summary adds up, and those its unit table compares:
/// with several inputs, one body per unit (its reports merged, matched by
/// the issuing body and its parent); with one input, the input itself,
/// and its `don_vi_con`.
pub(super) fn bodies(loaded: &[Loaded], resolved: &Resolved) -> Result<(Vec<Body>, Vec<Body>), Vec<Problem>> {
    let count = resolved.indicators.len();
    let mut problems = Vec::new();
    let mut known = Vec::new();
    let mut units: Vec<(Option<String>, String, Body)> = Vec::new();
    for (k, item) in loaded.iter().enumerate() {
        let input = &item.input;
        let key = (input.co_quan.chu_quan.as_ref().map(|p| p.to_lowercase()), input.co_quan.ten.to_lowercase());
        let position = units.iter().position(|(parent, name, _)| (parent, name) == (&key.0, &key.1));
        let position = position.unwrap_or_else(|| {
            units.push((key.0.clone(), key.1.clone(), Body::empty(unit_name(input), count)));
            units.len() - 1
        });
        problems.extend(units[position].2.take(whole(k, input), resolved, loaded, &mut known));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    distinguish_names(&mut units, loaded);
    let units: Vec<Body> = units.into_iter().map(|(_, _, body)| body).collect();
    if loaded.len() > 1 {
        // One unit's several reports: nothing to compare it with.
        let compared = if units.len() > 1 { units.clone() } else { Vec::new() };
        return Ok((units, compared));
    }
    let input = &loaded[0].input;
    let subunits = input
        .don_vi_con
        .iter()
        .enumerate()
        .map(|(u, unit)| {
            let mut body = Body::empty(unit.ten.clone(), count);
            let source = Source {
                input: 0,
                prefix: format!("don_vi_con[{u}]."),
                period: input.giai_doan,
                years: &unit.ket_qua_nam,
                totals: &unit.tong_hop,
            };
            // A checked input gives each year once per sub-unit: no conflict.
            let _ = body.take(source, resolved, loaded, &mut Vec::new());
            body
        })
        .collect();
    Ok((units, subunits))
}

/// Two units of the same name under different parents: name the parent too.
fn distinguish_names(units: &mut [(Option<String>, String, Body)], loaded: &[Loaded]) {
    let names: Vec<String> = units.iter().map(|u| u.2.name.clone()).collect();
    for (parent, _, body) in units.iter_mut() {
        if names.iter().filter(|n| **n == body.name).count() > 1 {
            let parent_name = loaded
                .iter()
                .filter_map(|l| l.input.co_quan.chu_quan.as_ref())
                .find(|p| Some(p.to_lowercase()) == *parent)
                .map(|p| awards::sentence_case_authority(p));
            if let Some(parent_name) = parent_name {
                body.name = format!("{} ({parent_name})", body.name);
            }
        }
    }
}

/// An indicator's figures over a range, summed over bodies.
#[derive(Debug, Clone, Default)]
pub(super) struct RowFigures {
    /// One per year of the range.
    pub(super) years: Vec<Option<Decimal>>,
    /// From period totals not divided by year.
    pub(super) undivided: Option<Decimal>,
    pub(super) total: Option<Decimal>,
}

/// The summary's figures for `indicator` over `range` from `bodies`.
pub(super) fn row(bodies: &[Body], indicator: usize, metric: &ChiTieu, range: Range) -> RowFigures {
    // The bodies' values of a year add up — but rates and averages
    // (trung_binh) are averaged across the bodies, never added.
    let mut by_year: Vec<Vec<Decimal>> = vec![Vec::new(); range.len() as usize];
    let mut undivided_values = Vec::new();
    for body in bodies {
        let figure = body.figure(indicator, metric.cach_tinh, range);
        for (year, value) in figure.yearly {
            by_year[(year - range.from) as usize].push(value);
        }
        undivided_values.extend(figure.undivided);
    }
    let across = |values: &[Decimal]| match metric.cach_tinh {
        CachTinh::TrungBinh => Decimal::mean(values),
        _ => (!values.is_empty()).then(|| values.iter().copied().sum()),
    };
    let years: Vec<Option<Decimal>> = by_year.iter().map(|values| across(values)).collect();
    let undivided = across(&undivided_values);
    let yearly: Vec<(i32, Decimal)> =
        range.years().zip(&years).filter_map(|(year, value)| value.map(|v| (year, v))).collect();
    let total = joined(metric.cach_tinh, metric.cach_tinh.combine(&yearly), undivided);
    RowFigures { years, undivided, total }
}

/// The range figure of the previous range of equal length, when every body
/// feeding this range by years has every year of it and nothing comes from
/// undivided totals (like with like).
pub(super) fn previous(bodies: &[Body], indicator: usize, metric: &ChiTieu, range: Range) -> Option<Decimal> {
    let rule = metric.cach_tinh;
    if bodies.iter().any(|b| b.figure(indicator, rule, range).undivided.is_some()) {
        return None;
    }
    let feeding: Vec<&Body> =
        bodies.iter().filter(|b| b.years[indicator].range(range.from..=range.to).next().is_some()).collect();
    if feeding.is_empty() {
        return None;
    }
    let before = range.previous();
    let mut yearly = Vec::new();
    for year in before.years() {
        let values: Vec<Decimal> =
            feeding.iter().map(|body| body.years[indicator].get(&year).copied()).collect::<Option<_>>()?;
        let across = match rule {
            CachTinh::TrungBinh => Decimal::mean(&values)?,
            _ => values.iter().copied().sum(),
        };
        yearly.push((year, across));
    }
    rule.combine(&yearly)
}

/// "+12,5%", "-3%", rounded to one decimal; none against zero.
pub(super) fn change(current: Decimal, previous: Decimal) -> Option<String> {
    let previous = previous.to_f64();
    if previous == 0.0 {
        return None;
    }
    let percent = (current.to_f64() - previous) / previous * 100.0;
    let tenths = (percent * 10.0).round() as i64;
    let text =
        Decimal::parse(&format!("{}{}.{}", if tenths < 0 { "-" } else { "" }, tenths.abs() / 10, tenths.abs() % 10))?;
    let sign = if tenths > 0 { "+" } else { "" };
    Some(format!("{sign}{}%", text.vietnamese()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn changes_are_signed_percentages_with_a_decimal_comma() {
        assert_eq!(change(d("112.5"), d("100")).as_deref(), Some("+12,5%"));
        assert_eq!(change(d("97"), d("100")).as_deref(), Some("-3%"));
        assert_eq!(change(d("100"), d("100")).as_deref(), Some("0%"));
        assert_eq!(change(d("5"), d("0")), None);
    }

    fn body(years: &[(i32, &str)], totals: &[(i32, i32, &str)]) -> Body {
        let mut body = Body::empty("A".into(), 1);
        body.years[0] = years.iter().map(|(y, v)| (*y, d(v))).collect();
        body.totals[0] =
            totals.iter().map(|(tu, den, v)| (GiaiDoan { tu: *tu, den: *den, so_nam: None }, d(v))).collect();
        body
    }

    fn metric(rule: CachTinh) -> ChiTieu {
        ChiTieu { ma: "x".into(), ten: "X".into(), don_vi: None, nhom: None, cach_tinh: rule }
    }

    #[test]
    fn stocks_add_across_bodies_in_a_year_and_follow_their_rule_over_years() {
        let a = body(&[(2020, "10"), (2021, "12"), (2022, "11")], &[]);
        let b = body(&[(2020, "5"), (2021, "3"), (2022, "4")], &[]);
        let range = Range { from: 2020, to: 2022 };
        let bodies = [a, b];
        let end = row(&bodies, 0, &metric(CachTinh::CuoiKy), range);
        assert_eq!(end.years, vec![Some(d("15")), Some(d("15")), Some(d("15"))]);
        assert_eq!(end.total, Some(d("15")));
        // Highest of the yearly sums (15), not the sum of the highest (12 + 5).
        assert_eq!(row(&bodies, 0, &metric(CachTinh::LonNhat), range).total, Some(d("15")));
        assert_eq!(row(&bodies, 0, &metric(CachTinh::Tong), range).total, Some(d("45")));
    }

    #[test]
    fn rates_are_averaged_across_bodies_and_years_never_added() {
        let a = body(&[(2020, "80"), (2021, "90")], &[]);
        let b = body(&[(2020, "70"), (2021, "85")], &[]);
        let range = Range { from: 2020, to: 2021 };
        let rate = row(&[a, b], 0, &metric(CachTinh::TrungBinh), range);
        assert_eq!(rate.years, vec![Some(d("75")), Some(d("87.5"))]);
        assert_eq!(rate.total, Some(d("81.25")));
    }

    #[test]
    fn period_totals_count_inside_the_range_and_stay_undivided() {
        let a = body(&[(2020, "10"), (2021, "12")], &[]);
        let b = body(&[], &[(2020, 2021, "7")]);
        let range = Range { from: 2020, to: 2021 };
        let bodies = [a, b];
        let flow = row(&bodies, 0, &metric(CachTinh::Tong), range);
        assert_eq!((flow.undivided, flow.total), (Some(d("7")), Some(d("29"))));
        let narrower = row(&bodies, 0, &metric(CachTinh::Tong), Range { from: 2021, to: 2021 });
        assert_eq!((narrower.undivided, narrower.total), (None, Some(d("12"))));
        assert_eq!(bodies[1].figure(0, CachTinh::Tong, Range { from: 2021, to: 2021 }).left_out.len(), 1);
        // No comparison where undivided totals feed the range.
        assert_eq!(previous(&bodies, 0, &metric(CachTinh::Tong), Range { from: 2021, to: 2021 }), Some(d("10")));
        assert_eq!(previous(&bodies, 0, &metric(CachTinh::Tong), range), None);
    }
}
