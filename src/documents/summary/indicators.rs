//! Which metric definitions of the inputs are one indicator of the summary.
//! An indicator is its code *and* its meaning: definitions agree on code,
//! name and unit (case and spacing aside), or a mapping file gathers them.
//! The same code with another name or unit stays a separate indicator
//! (with a warning saying how to gather them); one indicator summed in one
//! input and taken as a stock in another is refused.

use crate::diag::{Kind, Location, Problem};
use crate::input::metric_map::{MappedMetric, MetricMap, RULES};
use crate::input::{CachTinh, ChiTieu};

use super::request::Loaded;

/// The summary's indicators and where each input's definitions went.
pub(super) struct Resolved {
    /// In order of first appearance; a gathered one takes the mapping's words.
    pub(super) indicators: Vec<ChiTieu>,
    /// Per input, per entry of its `chi_tieu`: the indicator's index.
    pub(super) of_input: Vec<Vec<usize>>,
    /// Codes with two meanings, kept apart.
    pub(super) warnings: Vec<Problem>,
}

impl Resolved {
    /// The indicator input `input` means by `code`.
    pub(super) fn indicator(&self, loaded: &[Loaded], input: usize, code: &str) -> Option<usize> {
        let position = loaded[input].input.chi_tieu.iter().position(|m| m.ma == code)?;
        Some(self.of_input[input][position])
    }
}

/// Words compared for meaning: case and spacing do not count.
fn same_words(a: &str, b: &str) -> bool {
    let normal = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    normal(a) == normal(b)
}

fn same_unit(a: Option<&str>, b: Option<&str>) -> bool {
    same_words(a.unwrap_or(""), b.unwrap_or(""))
}

/// "Mô hình tự quản (mô hình)".
pub(super) fn with_unit(metric: &ChiTieu) -> String {
    match &metric.don_vi {
        Some(unit) => format!("{} ({unit})", metric.ten),
        None => metric.ten.clone(),
    }
}

pub(super) fn rule_name(rule: CachTinh) -> String {
    RULES.iter().find(|(_, r)| *r == rule).map_or("tong", |(name, _)| name).to_string()
}

/// Does mapping member `m` gather definition `metric`?
fn gathers(mapped: &MappedMetric, metric: &ChiTieu) -> Option<usize> {
    mapped.gop.iter().position(|m| {
        m.ma == metric.ma
            && m.ten.as_deref().is_none_or(|t| same_words(t, &metric.ten))
            && m.don_vi.as_deref().is_none_or(|u| metric.don_vi.as_deref().is_some_and(|d| same_words(u, d)))
    })
}

/// Where an indicator came from, for messages about it.
struct Origin {
    file: String,
    /// The mapped metric it stands for, if any.
    mapped: Option<usize>,
}

pub(super) fn resolve(loaded: &[Loaded], map: Option<&MetricMap>) -> Result<Resolved, Vec<Problem>> {
    let mut indicators: Vec<ChiTieu> = Vec::new();
    let mut origins: Vec<Origin> = Vec::new();
    let mut of_input = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mapped = map.map_or(&[][..], |m| m.metrics.as_slice());
    for input in loaded {
        let mut places = Vec::new();
        for (j, metric) in input.input.chi_tieu.iter().enumerate() {
            let matches: Vec<(usize, usize)> =
                mapped.iter().enumerate().filter_map(|(t, target)| gathers(target, metric).map(|m| (t, m))).collect();
            if let [(first, _), (second, member), ..] = matches[..] {
                errors.push(Problem {
                    location: mapped[second].gop[member].location.clone().into(),
                    path: mapped[second].gop[member].path.clone(),
                    kind: Kind::MappedTwice {
                        definition: format!("{} ({})", metric.ma, metric.ten),
                        file: input.file.clone(),
                        first: mapped[first].ma.clone(),
                        second: mapped[second].ma.clone(),
                    },
                });
            }
            let index = if let Some(&(t, member)) = matches.first() {
                let target = &mapped[t];
                let existing = origins.iter().position(|o| o.mapped == Some(t));
                let index = existing.unwrap_or_else(|| {
                    indicators.push(ChiTieu {
                        ma: target.ma.clone(),
                        ten: target.ten.clone(),
                        don_vi: target.don_vi.clone().or_else(|| metric.don_vi.clone()),
                        nhom: target.nhom.clone().or_else(|| metric.nhom.clone()),
                        cach_tinh: target.cach_tinh.unwrap_or(metric.cach_tinh),
                    });
                    origins.push(Origin { file: input.file.clone(), mapped: Some(t) });
                    indicators.len() - 1
                });
                let indicator = &indicators[index];
                if let (Some(unit), Some(found)) = (&indicator.don_vi, &metric.don_vi) {
                    if !same_words(unit, found) {
                        errors.push(Problem {
                            location: target.gop[member].location.clone().into(),
                            path: target.gop[member].path.clone(),
                            kind: Kind::MappedUnitMismatch {
                                code: target.ma.clone(),
                                unit: unit.clone(),
                                found: found.clone(),
                                file: input.file.clone(),
                            },
                        });
                    }
                }
                if target.cach_tinh.is_none() && indicator.cach_tinh != metric.cach_tinh {
                    errors.push(rule_clash(indicator, &origins[index].file, input, j));
                }
                index
            } else if let Some(index) = indicators.iter().position(|i| {
                i.ma == metric.ma
                    && same_words(&i.ten, &metric.ten)
                    && same_unit(i.don_vi.as_deref(), metric.don_vi.as_deref())
            }) {
                if indicators[index].cach_tinh != metric.cach_tinh && origins[index].mapped.is_none() {
                    errors.push(rule_clash(&indicators[index], &origins[index].file, input, j));
                }
                index
            } else {
                if let Some(other) = indicators.iter().position(|i| i.ma == metric.ma) {
                    warnings.push(Problem {
                        location: Location::file(&input.display).into(),
                        path: format!("chi_tieu[{j}]"),
                        kind: Kind::MetricCodeClash {
                            code: metric.ma.clone(),
                            first: with_unit(&indicators[other]),
                            first_file: origins[other].file.clone(),
                            second: with_unit(metric),
                            second_file: input.file.clone(),
                        },
                    });
                }
                indicators.push(metric.clone());
                origins.push(Origin { file: input.file.clone(), mapped: None });
                indicators.len() - 1
            };
            places.push(index);
        }
        of_input.push(places);
    }
    if errors.is_empty() {
        Ok(Resolved { indicators, of_input, warnings })
    } else {
        Err(errors)
    }
}

/// Definition `j` of `input` takes `indicator` (first defined in
/// `first_file`) by another period rule.
fn rule_clash(indicator: &ChiTieu, first_file: &str, input: &Loaded, j: usize) -> Problem {
    let metric = &input.input.chi_tieu[j];
    Problem {
        location: Location::file(&input.display).into(),
        path: format!("chi_tieu[{j}].cach_tinh"),
        kind: Kind::MetricRuleClash {
            code: metric.ma.clone(),
            name: metric.ten.clone(),
            first_rule: rule_name(indicator.cach_tinh),
            first_file: first_file.to_string(),
            second_rule: rule_name(metric.cach_tinh),
            second_file: input.file.clone(),
        },
    }
}
