//! Problems with the user's input, list files and templates: what went
//! wrong, where (file:line:col and field path), and the message a person
//! reads, in Vietnamese or English.

use std::fmt::Write as _;

mod failure;
mod list;
pub(crate) mod messages;
mod workspace;

pub(crate) use failure::NotARegularFile;
pub use failure::{Failure, IoAction, Refusal};
pub use list::{CellTrouble, ColumnUse, FileWhat, KindSource, ListKind, RecipientKind, SkipReason};
pub use workspace::WorkspaceKind;

/// Language of the messages printed to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

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

/// How serious a problem is: an error stops the run and nothing is
/// written; a warning is shown and the run goes on; a note (info) says how
/// the input was understood and is shown by `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    Info,
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

/// What kind of thing is wrong, with the facts the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Syntax(String),
    /// A syntax error after a line whose double quotes do not pair up.
    UnclosedQuote {
        detail: String,
        line: usize,
    },
    TopNotMapping,
    WrongVersion(String),
    Expected(Expect),
    UnknownKey {
        key: String,
        valid: Vec<String>,
    },
    MissingKey(String),
    BadChoice {
        value: String,
        choices: Vec<String>,
    },
    BadDate(String),
    NotYear(String),
    Negative(String),
    ControlChar(char),
    Mojibake(char),
    Undrawable(char),
    EmptyText,
    PeriodReversed {
        from: i32,
        to: i32,
    },
    ReportBeforePeriod {
        date: String,
        year: i32,
    },
    DecisionTooLate {
        date: String,
        report: String,
    },
    DecisionAfterReport {
        date: String,
        report: String,
    },
    UnknownMetric {
        code: String,
        known: Vec<String>,
    },
    YearOutsidePeriod {
        year: i32,
        from: i32,
        to: i32,
    },
    DuplicateYear(i32),
    TotalMismatch {
        code: String,
        total: String,
        sum: String,
    },
    /// A stock taken at the end of the period: its total is its last year.
    TotalNotLastYear {
        code: String,
        total: String,
        last: String,
    },
    /// A stock taken at its highest: its total is its highest year.
    TotalNotHighestYear {
        code: String,
        total: String,
        highest: String,
    },
    ListSource,
    EmptyList,
    DuplicateRecipient {
        name: String,
        first: usize,
    },
    ListFileMissing(String),
    ListFileUnreadable {
        file: String,
        detail: String,
    },
    ListFileType(String),
    Template {
        name: String,
        detail: String,
    },
    /// The certificate layout file does not fit its schema (serde's words).
    LayoutFile(String),
    TemplateField {
        name: String,
        field: String,
    },
    TemplateDirMissing(String),
    ImageUnreadable {
        file: String,
        detail: String,
    },
    RangeReversed {
        from: i32,
        to: i32,
    },
    RangeOutsidePeriods {
        from: i32,
        to: i32,
        periods: Vec<String>,
    },
    NoDataInRange {
        from: i32,
        to: i32,
        periods: Vec<String>,
    },
    UnknownChartMetric {
        code: String,
        known: Vec<String>,
    },
    /// Warning: inputs use one metric code for different metrics (name or
    /// unit differ); the summary keeps them apart.
    MetricCodeClash {
        code: String,
        /// "Mô hình tự quản (mô hình)" and the file defining it.
        first: String,
        first_file: String,
        second: String,
        second_file: String,
    },
    /// One metric of the summary is summed in one input and taken at the
    /// end of the period or at its highest in another.
    MetricRuleClash {
        code: String,
        name: String,
        first_rule: String,
        first_file: String,
        second_rule: String,
        second_file: String,
    },
    /// A metric code given twice in the mapping file.
    DuplicateMappedMetric(String),
    /// An input's metric definition gathered into two mapped metrics.
    MappedTwice {
        /// "mo_hinh (Mô hình tự quản)".
        definition: String,
        file: String,
        first: String,
        second: String,
    },
    /// A mapped metric gathers a definition measured in another unit.
    MappedUnitMismatch {
        code: String,
        unit: String,
        found: String,
        file: String,
    },
    /// Two reports of one unit give different figures for the same year.
    ConflictingFigures {
        unit: String,
        code: String,
        year: i32,
        first: String,
        first_file: String,
        second: String,
        second_file: String,
    },
    /// `SOURCE_DATE_EPOCH` is set but is not a whole number of seconds.
    SourceDateEpoch(String),
    /// `--pdfa` on a paper that bears no date (PDF/A needs one).
    ArchiveNeedsDate,
    /// A count typed with a Vietnamese thousands separator ("3.412"),
    /// which YAML reads as a decimal; `fix` is how to write it.
    ThousandsSeparator {
        typed: String,
        fix: String,
    },
    /// The input gives a report nothing to say.
    EmptyReport,
    /// A `{{…}}` in the narrative that names no figure the way the docs say.
    BadPlaceholder(String),
    /// The narrative names a figure the data does not have.
    NoFigure {
        code: String,
        year: Option<i32>,
    },
    /// Warning: the title does not fit the middle name ("Ông Cao Thị Hiếu").
    TitleMismatch {
        title: String,
        name: String,
        middle: String,
    },
    /// Warning: a decision without "Xét đề nghị của …".
    NoProposal,
    /// Warning: a name typed in upper case whose running-text form is a
    /// guess; `key` is where the right form can be written, when there is
    /// one (else the field itself, in normal case).
    UnsureCase {
        typed: String,
        derived: String,
        key: Option<String>,
    },
    /// A file the run reads is bigger than baocao reads (bytes).
    FileTooLarge {
        file: String,
        size: u64,
        limit: u64,
    },
    /// A file the run reads cannot be read; the system's reason.
    Unreadable {
        file: String,
        error: std::io::ErrorKind,
        /// The system's words (English), for `--lang en`.
        detail: String,
    },
    /// Something that is not a regular file where a file is named (a
    /// folder, a FIFO, a device such as /dev/zero).
    NotAFile(String),
    /// The file is not UTF-8 text.
    NotUtf8,
    /// YAML nested deeper than baocao reads.
    TooDeep {
        limit: usize,
    },
    /// A YAML line longer than baocao reads (characters).
    LineTooLong {
        limit: usize,
    },
    /// Aliases (`*ten`) that would expand to more values or text than
    /// baocao reads.
    AliasBudget {
        values: u64,
        bytes: u64,
    },
    /// A YAML file of more values than baocao reads (aliases expanded).
    TooManyValues {
        limit: u64,
    },
    /// A list or mapping of more entries than baocao reads.
    TooManyEntries {
        limit: usize,
    },
    /// A number larger than any figure (`value` as typed).
    NumberTooLarge {
        value: String,
        limit: u64,
    },
    /// A decimal with more significant digits than are kept exactly.
    TooManyDigits {
        value: String,
        limit: usize,
    },
    /// A letter of a right-to-left script (Hebrew, Arabic…).
    RightToLeft(char),
    /// An invisible bidirectional control character (U+202E…).
    BidiControl(char),
    /// A name of combining marks only, with no letter or digit.
    NoLetters,
    /// A date whose year is outside what baocao prints.
    YearOutOfRange {
        value: String,
        min: i32,
        max: i32,
    },
    /// An image with more pixels than baocao reads.
    ImageTooLarge {
        file: String,
        width: u32,
        height: u32,
        limit: u64,
    },
    /// A number outside what makes sense for its field: NaN, infinite,
    /// zero, or too large. `value` as typed; `min`..=`max` in `unit`.
    OutOfRange {
        value: String,
        min: String,
        max: String,
        unit: Unit,
    },
    /// An award group with more recipients than baocao prints in one run.
    TooManyRecipients {
        count: usize,
        limit: usize,
    },
    /// A colour that is not `RRGGBB`.
    BadColor(String),
    /// A certificate box the printer options move wholly off the sheet.
    BoxOffSheet {
        name: String,
    },
    /// A template that includes itself, directly or through others.
    TemplateRecursion {
        name: String,
        chain: Vec<String>,
    },
    /// Warning: a certificate box needed the smallest size of its range.
    SmallestSize {
        /// The output file and its page (from 1).
        file: String,
        page: usize,
        recipient: String,
        field: String,
        /// Tenths of a point (kept whole so the problem stays small).
        tenths_of_pt: u32,
    },
    /// A recipient list file: how it was read, or why it cannot be.
    List(ListKind),
    /// What the workspace (`baocao serve`) finds wrong or worth a look
    /// (boxed: its facts are long, and most problems are not the workspace's).
    Workspace(Box<WorkspaceKind>),
    /// A template helper given what it cannot print (`{{ngay co_quan}}`):
    /// `value` is the text given, `None` for a group of fields.
    HelperValue {
        name: String,
        helper: String,
        value: Option<String>,
    },
    /// A `.hbs` file in the templates folder that names no template.
    UnknownTemplate {
        file: String,
        suggestion: Option<String>,
    },
    /// A second certificate box with the name of an earlier one.
    DuplicateBox {
        name: String,
        first_line: Option<usize>,
    },
    /// A year option outside the years a paper can mean.
    YearOptionOutOfRange {
        value: i64,
        min: i32,
        max: i32,
    },
}

/// The unit of a number's range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Millimetre,
    Point,
    /// A plain factor (scale).
    Times,
}

/// The type a field should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Mapping,
    List,
    Text,
    Number,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_are_labelled_and_not_counted_as_errors() {
        let warning = Problem {
            location: Location::file("a.yaml").into(),
            path: "khen_thuong[0].danh_sach[2]".into(),
            kind: Kind::SmallestSize {
                file: "khen-1.pdf".into(),
                page: 3,
                recipient: "Nguyễn Văn An".into(),
                field: "ten".into(),
                tenths_of_pt: 185,
            },
        };
        let vi = render_all(std::slice::from_ref(&warning), Lang::Vi);
        assert!(vi.starts_with("cảnh báo: a.yaml: khen_thuong[0].danh_sach[2]: khen-1.pdf trang 3"), "{vi}");
        assert!(vi.contains("(18,5 pt)"), "{vi}");
        assert!(!vi.contains("không tệp nào được ghi"), "{vi}");
        let en = render_all(&[warning.clone(), Problem { kind: Kind::EmptyList, ..warning }], Lang::En);
        assert!(en.starts_with("warning: a.yaml: khen_thuong[0].danh_sach[2]: khen-1.pdf page 3"), "{en}");
        assert!(en.ends_with("1 error(s); no file was written.\n"), "{en}");
    }

    #[test]
    fn command_line_problems_name_the_option() {
        let problem = Problem {
            location: Location::command_line().into(),
            path: "--from, --to".into(),
            kind: Kind::RangeReversed { from: 2020, to: 2018 },
        };
        assert_eq!(problem.headline(Lang::En), "--from, --to: range reversed: --from 2020 must not exceed --to 2018");
    }

    #[test]
    fn caret_points_at_the_column() {
        let problem = Problem {
            location: Location {
                file: "a.yaml".into(),
                line: Some(3),
                col: Some(9),
                excerpt: Some("  ngay: 2018-02-30".into()),
                cell: None,
            }
            .into(),
            path: "van_ban.ngay".into(),
            kind: Kind::BadDate("2018-02-30".into()),
        };
        let text = problem.render(Lang::Vi);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("lỗi: a.yaml:3:9: van_ban.ngay: ngày «2018-02-30»"));
        assert_eq!(lines[1], " 3 |   ngay: 2018-02-30");
        assert_eq!(lines[2], "   |         ^");
    }
}
