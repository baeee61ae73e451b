//! The metric mapping file of `baocao summary --chi-tieu chi-tieu.yaml`:
//! which of the inputs' metric definitions are one indicator of the
//! summary, read strictly (unknown keys, types, empty names) with every
//! problem at its line and column.
//!
//! ```yaml
//! chi_tieu:
//!   - ma: mo_hinh_tu_quan
//!     ten: "Mô hình tự quản về an ninh trật tự"
//!     don_vi: "mô hình"
//!     cach_tinh: cuoi_ky
//!     gop:
//!       - { ma: mo_hinh, ten: "Mô hình tự quản" }
//!       - { ma: mh_tu_quan }
//! ```

use std::collections::HashSet;

use super::yaml::emit::shown;
use super::yaml::{Mapping, Node, Value};

use super::locate::Locator;
use super::model::CachTinh;
use crate::diag::{Expect, Kind, Location, Problem};
use crate::text::fonts::undrawable_char;
use crate::text::vn;

/// The whole mapping file.
#[derive(Debug, Clone)]
pub(crate) struct MetricMap {
    pub(crate) metrics: Vec<MappedMetric>,
}

/// One indicator of the summary and the input definitions it gathers.
#[derive(Debug, Clone)]
pub(crate) struct MappedMetric {
    pub(crate) ma: String,
    pub(crate) ten: String,
    pub(crate) don_vi: Option<String>,
    pub(crate) nhom: Option<String>,
    /// `None`: the rule the gathered definitions agree on.
    pub(crate) cach_tinh: Option<CachTinh>,
    pub(crate) gop: Vec<Member>,
}

/// Matches input definitions: by code, and by name and unit when given.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub(crate) ma: String,
    pub(crate) ten: Option<String>,
    pub(crate) don_vi: Option<String>,
    pub(crate) path: String,
    pub(crate) location: Location,
}

const TOP_KEYS: &[&str] = &["chi_tieu"];
const METRIC_KEYS: &[&str] = &["ma", "ten", "don_vi", "nhom", "cach_tinh", "gop"];
const MEMBER_KEYS: &[&str] = &["ma", "ten", "don_vi"];
pub(crate) const RULES: &[(&str, CachTinh)] = super::facts::RULES;

/// Reads the mapping file `source` (at most as large as an input).
pub(crate) fn load(source: &super::Source) -> Result<MetricMap, Vec<Problem>> {
    let display = source.display();
    let text = source.sources.read(&source.name, super::bounds::MAX_YAML_BYTES).map_err(|unread| {
        let kind = match unread {
            super::Unread::Failed(err) => Kind::ListFileUnreadable { file: display.clone(), detail: err.to_string() },
            super::Unread::NotAFile(_) => Kind::NotAFile(display.clone()),
            super::Unread::TooLarge(size) => {
                Kind::FileTooLarge { file: display.clone(), size, limit: super::bounds::MAX_YAML_BYTES }
            }
        };
        vec![Problem { location: Location::file(&display).into(), path: String::new(), kind }]
    })?;
    let text = String::from_utf8(text).map_err(|_| {
        vec![Problem {
            location: Location::file(&display).into(),
            path: String::new(),
            kind: Kind::Syntax("tệp không phải UTF-8 / file is not UTF-8".into()),
        }]
    })?;
    load_str(&text, &display)
}

/// Reads mapping-file `text`; `display` names it in messages.
pub(crate) fn load_str(text: &str, display: &str) -> Result<MetricMap, Vec<Problem>> {
    let root = std::sync::Arc::new(super::yaml::parse_yaml(text, display)?);
    let mut reader =
        MapReader { locator: Locator::read(text, display, std::sync::Arc::clone(&root)), problems: Vec::new() };
    let metrics = reader.file(&root);
    match metrics {
        Some(metrics) if reader.problems.is_empty() => Ok(MetricMap { metrics }),
        _ => Err(reader.problems),
    }
}

struct MapReader {
    locator: Locator,
    problems: Vec<Problem>,
}

impl MapReader {
    fn report(&mut self, path: &str, at_key: bool, kind: Kind) {
        let location = self.locator.locate(path, at_key);
        self.problems.push(Problem { location: location.into(), path: path.to_string(), kind });
    }

    fn file(&mut self, root: &Node) -> Option<Vec<MappedMetric>> {
        let top = self.mapping(root, "", TOP_KEYS)?;
        let Some(list) = top.get("chi_tieu") else {
            self.report("", false, Kind::MissingKey("chi_tieu".into()));
            return None;
        };
        let items = self.sequence(list, "chi_tieu")?;
        let metrics: Vec<Option<MappedMetric>> =
            items.iter().enumerate().map(|(i, item)| self.metric(item, &format!("chi_tieu[{i}]"))).collect();
        let metrics: Vec<MappedMetric> = metrics.into_iter().collect::<Option<_>>()?;
        // One code names one indicator of the summary.
        let mut seen = HashSet::new();
        for (i, metric) in metrics.iter().enumerate() {
            if !seen.insert(metric.ma.as_str()) {
                self.report(&format!("chi_tieu[{i}].ma"), false, Kind::DuplicateMappedMetric(metric.ma.clone()));
            }
        }
        Some(metrics)
    }

    fn metric(&mut self, value: &Node, path: &str) -> Option<MappedMetric> {
        let map = self.mapping(value, path, METRIC_KEYS)?;
        let ma = self.required_text(map, path, "ma");
        let ten = self.required_text(map, path, "ten");
        let don_vi = self.optional_text(map, path, "don_vi");
        let nhom = self.optional_text(map, path, "nhom");
        // Read every field before giving up, so all mistakes show at once.
        let cach_tinh = map.get("cach_tinh").map(|value| self.rule(value, &format!("{path}.cach_tinh")));
        let members_path = format!("{path}.gop");
        let gop = match map.get("gop") {
            Some(list) => self.sequence(list, &members_path).and_then(|items| {
                let members: Vec<Option<Member>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.member(item, &format!("{members_path}[{i}]")))
                    .collect();
                members.into_iter().collect::<Option<Vec<_>>>()
            }),
            None => {
                self.report(path, false, Kind::MissingKey("gop".into()));
                None
            }
        };
        let cach_tinh = match cach_tinh {
            Some(rule) => Some(rule?),
            None => None,
        };
        Some(MappedMetric { ma: ma?, ten: ten?, don_vi, nhom, cach_tinh, gop: gop? })
    }

    fn member(&mut self, value: &Node, path: &str) -> Option<Member> {
        let map = self.mapping(value, path, MEMBER_KEYS)?;
        let ma = self.required_text(map, path, "ma");
        let ten = self.optional_text(map, path, "ten");
        let don_vi = self.optional_text(map, path, "don_vi");
        Some(Member { ma: ma?, ten, don_vi, path: path.to_string(), location: self.locator.locate(path, false) })
    }

    /// A mapping with only `keys`; unknown keys are reported at their key.
    fn mapping<'v>(&mut self, value: &'v Node, path: &str, keys: &[&str]) -> Option<&'v Mapping> {
        let Some(map) = value.as_mapping() else {
            self.report(path, false, Kind::Expected(Expect::Mapping));
            return None;
        };
        let mut known = true;
        for key in map.keys() {
            let name = key.as_str().map_or_else(|| shown(key), str::to_string);
            let name = name.trim().to_string();
            if !keys.contains(&name.as_str()) {
                let at = format!("{path}.{name}").trim_start_matches('.').to_string();
                let valid = keys.iter().map(|k| k.to_string()).collect();
                self.report(&at, true, Kind::UnknownKey { key: name, valid });
                known = false;
            }
        }
        known.then_some(map)
    }

    fn sequence<'v>(&mut self, value: &'v Node, path: &str) -> Option<&'v Vec<Node>> {
        let items = value.as_sequence();
        if items.is_none() {
            self.report(path, false, Kind::Expected(Expect::List));
        }
        items
    }

    fn required_text(&mut self, map: &Mapping, path: &str, key: &str) -> Option<String> {
        let field = format!("{path}.{key}");
        match map.get(key).filter(|v| !v.is_null()) {
            Some(value) => {
                let text = self.text(value, &field)?;
                if text.is_empty() {
                    self.report(&field, false, Kind::EmptyText);
                    return None;
                }
                Some(text)
            }
            None => {
                self.report(path, false, Kind::MissingKey(key.to_string()));
                None
            }
        }
    }

    fn optional_text(&mut self, map: &Mapping, path: &str, key: &str) -> Option<String> {
        let value = map.get(key).filter(|v| !v.is_null())?;
        self.text(value, &format!("{path}.{key}")).filter(|t| !t.is_empty())
    }

    /// A single-line text, NFC, checked for what cannot be printed.
    fn text(&mut self, value: &Node, path: &str) -> Option<String> {
        let raw = match &value.value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => {
                self.report(path, false, Kind::Expected(Expect::Text));
                return None;
            }
        };
        let text = vn::nfc(raw.trim());
        let kind = if let Some(ch) = vn::control_char(&text, false) {
            Kind::ControlChar(ch)
        } else if let Some(ch) = vn::mojibake_char(&text) {
            Kind::Mojibake(ch)
        } else if let Some(ch) = undrawable_char(&text) {
            Kind::Undrawable(ch)
        } else {
            return Some(text);
        };
        self.report(path, false, kind);
        None
    }

    fn rule(&mut self, value: &Node, path: &str) -> Option<CachTinh> {
        let text = value.as_str().map_or_else(|| shown(value), str::to_string);
        let text = text.trim();
        let found = RULES.iter().find(|(name, _)| *name == text).map(|(_, rule)| *rule);
        if found.is_none() {
            let choices = RULES.iter().map(|(name, _)| name.to_string()).collect();
            self.report(path, false, Kind::BadChoice { value: text.to_string(), choices });
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_file_reads_into_indicators_and_their_members() {
        let text = "chi_tieu:\n  - ma: mo_hinh_tq\n    ten: \"Mô hình tự quản\"\n    don_vi: \"mô hình\"\n    cach_tinh: cuoi_ky\n    gop:\n      - { ma: mo_hinh, ten: \"Mô hình tự quản\" }\n      - { ma: mh_tq }\n";
        let map = load_str(text, "chi-tieu.yaml").unwrap();
        assert_eq!(map.metrics.len(), 1);
        let metric = &map.metrics[0];
        assert_eq!((metric.ma.as_str(), metric.cach_tinh), ("mo_hinh_tq", Some(CachTinh::CuoiKy)));
        assert_eq!(metric.gop.len(), 2);
        assert_eq!(metric.gop[0].ten.as_deref(), Some("Mô hình tự quản"));
        assert_eq!(metric.gop[1].location.line, Some(8));
    }

    #[test]
    fn mistakes_are_reported_at_their_line() {
        let text = "chi_tieu:\n  - ma: a\n    ten: \"A\"\n    cach_tinh: tong_cong\n    gop:\n      - { ma: x, tenn: \"X\" }\n  - ma: a\n    ten: \"\"\n    gop: []\n";
        let problems = load_str(text, "chi-tieu.yaml").unwrap_err();
        let found: Vec<(Option<usize>, &Kind)> = problems.iter().map(|p| (p.location.line, &p.kind)).collect();
        assert!(matches!(found[0], (Some(4), Kind::BadChoice { .. })), "{found:?}");
        assert!(matches!(found[1], (Some(6), Kind::UnknownKey { .. })), "{found:?}");
        assert!(matches!(found[2], (Some(8), Kind::EmptyText)), "{found:?}");
        assert_eq!(problems.len(), 3, "{found:?}");
    }
}
