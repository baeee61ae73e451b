//! Checking a version as `check` does — the same reader, the same
//! problems in the same words — and the JSON shape a problem takes in the
//! API: `{"path","line","col","severity","message"}`, named by the field
//! path so the page can show it at its field.

use serde::Serialize;

use super::store::conferences::StoredFile;
use super::stored;
use crate::diag::{Lang, Problem, Severity};
use crate::input::{self, Input, LoaiBaoCao};
use crate::pack::Paper;

/// A problem as the API and the pages carry it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct ProblemJson {
    pub path: String,
    pub line: Option<usize>,
    pub col: Option<usize>,
    /// `error`, `warning` or `info` (how a list file was read).
    pub severity: &'static str,
    /// As `check` prints it, in the clerk's language (Vietnamese until
    /// [`ProblemJson::in_lang`] says otherwise).
    pub message: String,
    /// The message in Vietnamese and in English, for [`ProblemJson::in_lang`].
    #[serde(skip)]
    pub both: (String, String),
    /// The file the problem is in (the YAML, or a list file by its name).
    pub file: String,
    /// A spreadsheet cell ("Sheet1!B3"), for lists read from XLSX.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// As the form says it: where in words, each key by its label, no
    /// key path (the YAML tab and the CLI keep `message` and `path`).
    pub o_bieu_mau: String,
    /// The form's words in Vietnamese and in English.
    #[serde(skip)]
    pub form_both: (String, String),
}

impl ProblemJson {
    /// `problem` in the clerk's language `lang` (and English kept beside).
    pub(crate) fn new(problem: &Problem, lang: Lang) -> ProblemJson {
        ProblemJson {
            path: problem.path.clone(),
            line: problem.location.line,
            col: problem.location.col,
            severity: severity_name(problem.kind.severity()),
            message: String::new(),
            both: (problem.kind.message(Lang::Vi), problem.kind.message(Lang::En)),
            file: problem.location.file.clone(),
            cell: problem.location.cell.clone(),
            o_bieu_mau: String::new(),
            form_both: (super::words::said(problem, Lang::Vi), super::words::said(problem, Lang::En)),
        }
        .in_lang(lang)
    }

    /// The problem as a clerk reading `lang` is shown it.
    pub(crate) fn in_lang(&self, lang: Lang) -> ProblemJson {
        let mut shown = self.clone();
        (shown.message, shown.o_bieu_mau) = match lang {
            Lang::Vi => (shown.both.0.clone(), shown.form_both.0.clone()),
            Lang::En => (shown.both.1.clone(), shown.form_both.1.clone()),
        };
        shown
    }

    pub(crate) fn is_error(&self) -> bool {
        self.severity == "error"
    }
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

pub(crate) fn has_errors(problems: &[ProblemJson]) -> bool {
    problems.iter().any(ProblemJson::is_error)
}

/// Reads `yaml` with `files` beside it, as `check` would, from memory;
/// the input when it is valid, and every problem found (warnings and notes
/// too), files named as they were uploaded.
pub(crate) fn check(yaml: &str, files: &[StoredFile]) -> (Option<Input>, Vec<ProblemJson>) {
    match input::load_source(&stored::source(yaml, files)) {
        // How list files were read (columns, counts) and what is worth a
        // second look, as `check` shows them.
        Ok((input, notes)) => (Some(input), notes.iter().map(|p| ProblemJson::new(p, Lang::Vi)).collect()),
        Err(problems) => (None, problems.iter().map(|p| ProblemJson::new(p, Lang::Vi)).collect()),
    }
}

/// The name a conference is listed under, from its input.
pub(crate) fn conference_name(input: &Input) -> String {
    let kind = match input.van_ban.loai {
        LoaiBaoCao::SoKet => "Sơ kết",
        LoaiBaoCao::TongKet => "Tổng kết",
    };
    format!("{kind} {}–{} · {}", input.giai_doan.tu, input.giai_doan.den, input.co_quan.ten)
}

/// The papers a valid input makes, by the names the API serves them under
/// (without extension), in the order a clerk reads them.
pub(crate) fn papers(input: &Input) -> Vec<String> {
    crate::pack::plan::conference_papers(input).into_iter().map(Paper::stem).collect()
}
