//! One problem as it is shown: where it is (file, line, column, cell,
//! field path), its kind, and the lines printed for it and for a whole run.

use std::fmt::Write as _;

use super::kind::Kind;
use super::lang::{Lang, Severity};

/// Where a problem is: a file, and the line/column when known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    pub file: String,
    pub line: Option<usize>,
    pub col: Option<usize>,
    /// The source line, shown under the message with a caret.
    pub excerpt: Option<String>,
    /// A spreadsheet cell ("Sheet1!B3"), for lists read from XLSX.
    pub cell: Option<String>,
}

impl Location {
    pub fn file(file: &str) -> Location {
        Location { file: file.to_string(), ..Location::default() }
    }

    /// A problem with the command's options rather than a file: the
    /// problem's path names the option.
    pub fn command_line() -> Location {
        Location::default()
    }
}

/// One thing wrong with the input, or worth a second look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Boxed: most results carry no problem, and a located one is large.
    pub location: Box<Location>,
    /// Field path in the input (`khen_thuong[0].danh_sach[3].ten`); empty
    /// for problems of the whole file.
    pub path: String,
    pub kind: Kind,
}

impl Problem {
    /// One line: `file:line:col: path: message`.
    pub fn headline(&self, lang: Lang) -> String {
        let mut out = self.location.file.clone();
        if out.is_empty() {
            // An option of the command line: the path names it.
            return format!("{}: {}", self.path, self.kind.message(lang));
        }
        if let Some(cell) = &self.location.cell {
            let _ = write!(out, ":{cell}");
        }
        if let Some(line) = self.location.line {
            let _ = write!(out, ":{line}");
            if let Some(col) = self.location.col {
                let _ = write!(out, ":{col}");
            }
        }
        out.push_str(": ");
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        out.push_str(&self.kind.message(lang));
        out
    }

    /// The headline, and the source line with a caret under the column.
    pub fn render(&self, lang: Lang) -> String {
        let label = match (self.kind.severity(), lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::Vi) => "thông tin",
            (Severity::Info, Lang::En) => "note",
        };
        let mut out = format!("{label}: {}\n", self.headline(lang));
        if let (Some(line), Some(text)) = (self.location.line, &self.location.excerpt) {
            // Shown safely: a control or text-direction character of the
            // file would act on the terminal instead of being seen.
            let text: String = text.chars().map(|c| if shown_as_is(c) { c } else { '\u{fffd}' }).collect();
            let text = &text;
            let gutter = line.to_string().len();
            let _ = writeln!(out, " {line} | {text}");
            if let Some(col) = self.location.col {
                let pad: String =
                    text.chars().take(col.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                let _ = writeln!(out, " {:gutter$} | {pad}^", "");
            }
        }
        out
    }
}

/// Whether `c` of a file's line can be printed under a message as it is.
fn shown_as_is(c: char) -> bool {
    c == '\t'
        || !(c.is_control()
            || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
}

/// All problems of a run, printed together; when some are errors, a last
/// line says how many and that nothing was written.
pub fn render_all(problems: &[Problem], lang: Lang) -> String {
    let mut out: String = problems.iter().map(|p| p.render(lang)).collect();
    let errors = problems.iter().filter(|p| p.kind.severity() == Severity::Error).count();
    if errors > 0 {
        let _ = match lang {
            Lang::Vi => writeln!(out, "{errors} lỗi; không tệp nào được ghi."),
            Lang::En => writeln!(out, "{errors} error(s); no file was written."),
        };
    }
    out
}
