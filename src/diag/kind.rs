//! What can be wrong with the input, with the facts each message needs:
//! the one list of problem kinds (their words are in `messages`).

use super::list::ListKind;
use super::workspace::WorkspaceKind;

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
    /// A time of day that is not "HH:MM".
    BadTime(String),
    /// A delegate number (`nguoi_trao`) outside 1..=count.
    NoSuchDelegate {
        typed: String,
        count: usize,
    },
    /// A batch size (`moi_dot`) outside 1..=30.
    BadBatch,
    /// Note: a conference without delegates makes no delegate papers.
    NoDelegates,
    /// Note: every delegate is of the organising bodies — no invitations.
    NoInvitees,
    /// More presenters (`nguoi_trao`) than award groups: the rest unused.
    SparePresenters {
        given: usize,
        groups: usize,
    },
    /// `--only` chose kinds of paper the input makes none of (a tờ trình
    /// without `to_trinh`, the day's papers without `hoi_nghi`).
    OnlyMadeNothing {
        kinds: String,
    },
    /// An agenda item (`nghi_trinh`) timed before the one above it.
    AgendaBackwards {
        time: String,
        before: String,
    },
    /// The opening hour (`gio`) falls in another part of the day than
    /// `buoi` says.
    PartOfDayDisagrees {
        time: String,
        said: String,
        hour_part: String,
    },
    /// A place card whose name fits its half sheet only below the
    /// readable least (25 mm capitals).
    SmallCardName {
        /// The card's page in `bang-ten.pdf` (from 1).
        page: usize,
        name: String,
        /// The capitals' height, tenths of a millimetre.
        tenths_of_mm: u32,
    },
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
    /// `init --mau` names no sample.
    UnknownSample {
        name: String,
        known: Vec<String>,
    },
    /// A rate (unit "%") without `cach_tinh`: it would be added up.
    RateWithoutRule {
        code: String,
    },
    /// Warning: a metric that reads like a stock, without `cach_tinh`.
    StockWithoutRule {
        code: String,
        name: String,
    },
    /// Warning: the narrative says "N năm" where the papers count otherwise.
    YearsDisagree {
        path: String,
        said: u32,
        counted: u32,
    },
    /// Warning: a name typed in upper case whose running-text form is a
    /// guess; `key` is where the right form can be written, when there is
    /// one (else the field itself, in normal case).
    UnsureCase {
        typed: String,
        derived: String,
        key: Option<String>,
    },
    /// A list of bodies (a joint paper) and a list of signers of another
    /// length: one signer per body, in the same order.
    JointSigners {
        bodies: usize,
        signers: usize,
    },
    /// Note: the document family derived from a body's name (`family` is
    /// the value `khoi` would take: "dang", "mat_tran", …).
    FamilyDerived {
        body: String,
        family: String,
    },
    /// Warning: the signer signs for a collective ("TM. BAN THƯỜNG TRỰC")
    /// the decision's authority line does not name; `key` takes the line
    /// that agrees with the signature.
    AuthorityUnlikeSigner {
        authority: String,
        signing: String,
        key: String,
        /// The authority line the signature asks for: the collective the
        /// signer signs for and the body ("BAN THƯỜNG VỤ ĐẢNG ỦY XÃ …").
        suggested: String,
    },
    /// Warning: a joint paper's ký hiệu does not name one of its bodies.
    JointSymbolMissing {
        symbol: String,
        body: String,
        abbreviation: String,
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
