//! The summary's own options, checked before any input is read: the years
//! of `--from` and `--to` within a range a paper can mean
//! ([`YEARS`], documented in docs/gioi-han.md), and `--co-quan` a printable
//! name — not empty, no control character, no legacy-encoded letter —
//! composed (NFC) as every text of an input is. Every problem is reported
//! at once, at its option's name; [`problem`] locates the ones found later
//! (a range no report covers, an unknown `--chart` code) the same way.

use crate::diag::{Failure, Kind, Location, Problem};
use crate::text::vn;

use super::request::SummaryRequest;

/// The first and last year a summary may cover.
pub(crate) const YEARS: (i32, i32) = (1900, 2200);

/// The issuing body `--co-quan` names, composed, when given; or every
/// problem of the options.
pub(super) fn check(request: &SummaryRequest) -> Result<Option<String>, Failure> {
    let mut problems = Vec::new();
    let mut report = |option: &str, kind: Kind| {
        problems.push(Problem { location: Location::command_line().into(), path: option.to_string(), kind })
    };
    let (min, max) = YEARS;
    for (option, year) in [("--from", request.from), ("--to", request.to)] {
        if !(min..=max).contains(&year) {
            report(option, Kind::YearOptionOutOfRange { value: year.into(), min, max });
        }
    }
    let co_quan = request.co_quan.as_deref().map(|raw| vn::nfc(raw.trim()));
    if let Some(name) = &co_quan {
        if name.is_empty() {
            report("--co-quan", Kind::EmptyText);
        } else if let Some(ch) = vn::control_char(name, true) {
            // A newline breaks the name where the clerk wants, as in the YAML.
            report("--co-quan", Kind::ControlChar(ch));
        } else if let Some(ch) = vn::mojibake_char(name) {
            report("--co-quan", Kind::Mojibake(ch));
        }
    }
    if problems.is_empty() {
        Ok(co_quan)
    } else {
        Err(Failure::Input(problems))
    }
}

/// A problem with the command's options: located by the option's name.
pub(super) fn problem(option: &str, kind: Kind) -> Failure {
    Failure::Input(vec![Problem { location: Location::command_line().into(), path: option.to_string(), kind }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(from: i32, to: i32, co_quan: Option<&str>) -> SummaryRequest {
        SummaryRequest { from, to, co_quan: co_quan.map(str::to_string), ..SummaryRequest::default() }
    }

    fn kinds(request: &SummaryRequest) -> Vec<(String, Kind)> {
        match check(request) {
            Err(Failure::Input(problems)) => problems.into_iter().map(|p| (p.path, p.kind)).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn years_and_the_issuing_body_are_checked_at_their_option() {
        assert_eq!(check(&request(1900, 2200, None)).ok(), Some(None));
        let decomposed = "Co\u{302}ng an";
        assert_eq!(check(&request(2018, 2023, Some(decomposed))).ok(), Some(Some("Công an".into())));
        let found = kinds(&request(0, 99999, Some("  ")));
        assert_eq!(
            found,
            vec![
                ("--from".into(), Kind::YearOptionOutOfRange { value: 0, min: 1900, max: 2200 }),
                ("--to".into(), Kind::YearOptionOutOfRange { value: 99999, min: 1900, max: 2200 }),
                ("--co-quan".into(), Kind::EmptyText),
            ]
        );
        assert_eq!(
            kinds(&request(2018, 2023, Some("CÔNG AN\u{7}"))),
            vec![("--co-quan".into(), Kind::ControlChar('\u{7}'))]
        );
    }
}
