//! The first step of a summary: the asked years over the periods of the
//! reports read, refused when reversed or outside them all.

use crate::diag::{Failure, Kind};

use super::figures::Range;
use super::options::problem;
use super::request::{Loaded, SummaryRequest};

/// The asked years over the reports' periods.
pub(super) struct Asked {
    /// As asked: `--from`, `--to`.
    pub(super) from: i32,
    pub(super) to: i32,
    /// The overlap of the asked range with the reports' periods.
    pub(super) range: Range,
    /// The first and last year any report covers.
    pub(super) first_year: i32,
    pub(super) last_year: i32,
    /// Each report's file and period, as messages name them.
    pub(super) periods: Vec<String>,
}

impl Asked {
    /// The range of `request` over the `loaded` reports: refused when
    /// reversed or outside every report's period.
    pub(super) fn over(request: &SummaryRequest, loaded: &[Loaded]) -> Result<Asked, Failure> {
        let (from, to) = (request.from, request.to);
        if from > to {
            return Err(problem("--from, --to", Kind::RangeReversed { from, to }));
        }
        let periods: Vec<String> =
            loaded.iter().map(|l| format!("{} ({}–{})", l.file, l.input.giai_doan.tu, l.input.giai_doan.den)).collect();
        let first_year = loaded.iter().map(|l| l.input.giai_doan.tu).min().unwrap_or(from);
        let last_year = loaded.iter().map(|l| l.input.giai_doan.den).max().unwrap_or(to);
        if to < first_year || last_year < from {
            return Err(problem("--from, --to", Kind::RangeOutsidePeriods { from, to, periods }));
        }
        let range = Range { from: from.max(first_year), to: to.min(last_year) };
        Ok(Asked { from, to, range, first_year, last_year, periods })
    }
}
