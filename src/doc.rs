//! The document model both backends render: pages and typed blocks (the
//! Nghị định 30 parts, paragraphs of styled text, tables). Plain data, built
//! from the input by the document builders, knowing nothing of PDF or DOCX.

/// A whole document: page setup and blocks in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// What the file says about itself.
    pub meta: Metadata,
    pub page: Page,
    /// Page numbers centred in the top margin, from page 2 on (NĐ 30).
    pub page_numbers: bool,
    pub blocks: Vec<Block>,
}

/// What a file says about itself: DOCX core properties, PDF document info.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metadata {
    /// What the paper is about: the trích yếu, or a line standing for it.
    pub title: String,
    /// Tên loại and number: "Báo cáo số 125/BC-CAHP".
    pub subject: String,
    /// The issuing body.
    pub author: String,
    /// When the paper was made (the date it bears, or `SOURCE_DATE_EPOCH`);
    /// `None` leaves the date out rather than invent one.
    pub created: Option<Timestamp>,
}

/// A moment in UTC, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

impl Timestamp {
    /// Midnight UTC of a calendar date.
    pub fn date(date: crate::text::vn::Date) -> Timestamp {
        Timestamp { year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0 }
    }

    /// Seconds since 1970-01-01 UTC (as `SOURCE_DATE_EPOCH` gives them).
    pub fn from_unix(seconds: i64) -> Timestamp {
        let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
        // Howard Hinnant's days-to-civil.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        let (hour, minute, second) = ((rest / 3600) as u32, (rest % 3600 / 60) as u32, (rest % 60) as u32);
        Timestamp { year, month, day, hour, minute, second }
    }

    /// W3CDTF as DOCX core properties write it: "2018-08-21T00:00:00Z".
    pub fn w3c(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

/// Paper and margins, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

impl Page {
    /// A4 portrait with NĐ 30's smallest margins: 20/20/30/15 mm.
    pub const A4: Page = Page { width: 210.0, height: 297.0, top: 20.0, bottom: 20.0, left: 30.0, right: 15.0 };

    /// A4 landscape, for wide tables (NĐ 30 allows it then).
    pub const A4_LANDSCAPE: Page =
        Page { width: 297.0, height: 210.0, top: 20.0, bottom: 20.0, left: 30.0, right: 15.0 };

    pub fn text_width(&self) -> f32 {
        self.width - self.left - self.right
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Header grid: issuing body left, Quốc hiệu right, then số | date.
    Header(Header),
    /// A Party paper's header grid (Hướng dẫn 36-HD/VPTW): the bodies and a
    /// star left, "ĐẢNG CỘNG SẢN VIỆT NAM" right, then số | date.
    PartyHeader(Header),
    /// Tên loại and trích yếu, with the short rule under them.
    Title(Title),
    Paragraph(Paragraph),
    Table(Table),
    /// Nơi nhận (left) level with the signature block (right).
    Signature(Signature),
    /// A Party paper's signature, or a joint paper's row of them.
    Signatures(Signatures),
    /// A bar chart.
    Chart(Chart),
    /// A new page whose numbering starts again at 1, unnumbered itself (an
    /// attached list is numbered separately, NĐ 30 Phụ lục I III.1.đ).
    SectionBreak,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Parent body (upper-case, not bold).
    pub parent: Option<String>,
    /// Issuing body (upper-case, bold, ruled).
    pub issuer: String,
    /// "Số: 125/BC-CAHP"; absent on an attached list.
    pub number: Option<String>,
    /// "Hải Phòng, ngày 21 tháng 8 năm 2018"; absent on an attached list.
    pub place_date: Option<String>,
}

/// Whose rules set a paper's header and signature block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Family {
    /// Nghị định 30/2020: Quốc hiệu and Tiêu ngữ, a rule under the body,
    /// "Nơi nhận:" bold italic.
    #[default]
    State,
    /// Hướng dẫn 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule as long
    /// as itself, a star under the body, "Nơi nhận:" underlined.
    Party,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    /// "BÁO CÁO", "QUYẾT ĐỊNH".
    pub kind: String,
    /// The trích yếu, wrapped and centred.
    pub subject: String,
    /// An italic line under it: "(Kèm theo Quyết định số … ngày …)".
    pub note: Option<String>,
}

/// Text in one face.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span { text: text.into(), bold: false, italic: false }
    }

    pub fn bold(text: impl Into<String>) -> Span {
        Span { bold: true, ..Span::plain(text) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub spans: Vec<Span>,
    pub style: ParagraphStyle,
}

/// How a paragraph is set; sizes in points, indents in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParagraphStyle {
    pub size: f32,
    pub align: Align,
    pub first_indent: f32,
    pub left_indent: f32,
    pub space_before: f32,
    pub space_after: f32,
    /// Keep on the page of the next block (headings, closing sentences).
    pub keep_with_next: bool,
    /// What the paragraph is, for a backend with named styles (DOCX).
    pub role: Role,
}

/// What a paragraph is in the paper: DOCX gives each its named style, so a
/// clerk restyles all headings at once or builds a table of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Running text.
    Body,
    /// A heading: 1 a part ("Phần I" and its title), 2 a section ("I."),
    /// 3 a sub-section ("1.").
    Heading(u8),
    /// "Kính gửi:" and its recipients.
    Addressee,
    /// The issuing authority above the bases of a decision.
    Authority,
    /// A legal basis of a decision ("Căn cứ …").
    Basis,
    /// The enacting words: "QUYẾT ĐỊNH:".
    Enacting,
    /// A press summary's headline.
    Headline,
}

impl ParagraphStyle {
    /// Body text: 14 pt, justified, 1 cm first-line indent, 6 pt after.
    pub const BODY: ParagraphStyle = ParagraphStyle {
        size: 14.0,
        align: Align::Justify,
        first_indent: 10.0,
        left_indent: 0.0,
        space_before: 0.0,
        space_after: 6.0,
        keep_with_next: false,
        role: Role::Body,
    };
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column widths in millimetres (they add up to the text width or less).
    pub columns: Vec<f32>,
    /// Alignment of each column's body cells.
    pub aligns: Vec<Align>,
    /// Rows repeated at the top of every page the table runs onto.
    pub header: Vec<Row>,
    pub rows: Vec<Row>,
    pub size: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    pub bold: bool,
}

/// Grouped bars: for each category (a year) one bar per series (a metric).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub title: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Size on the page, mm.
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// One value per category; `None` where there is no figure.
    pub values: Vec<Option<crate::text::vn::Decimal>>,
    pub color: Color,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// Nơi nhận items, already with "- " and their final ";" / ".".
    pub recipients: Vec<String>,
    /// Authority lines, upper-case: "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC".
    pub authority: Vec<String>,
    /// "Đại tá Lê Nguyên Trường".
    pub name: String,
}

impl Signature {
    /// The same as one NĐ 30 block among [`Signatures`].
    pub fn as_signatures(&self) -> Signatures {
        Signatures {
            recipients: self.recipients.clone(),
            signers: vec![Signer { authority: self.authority.clone(), name: self.name.clone() }],
            family: Family::State,
        }
    }
}

/// Nơi nhận and the signature blocks of a Party paper or a joint one: one
/// block as the Party writes it, or one per body side by side, Nơi nhận
/// under them all (spec §9.2).
#[derive(Debug, Clone, PartialEq)]
pub struct Signatures {
    /// Nơi nhận items, already with "- " and their final ";" / ".".
    pub recipients: Vec<String>,
    /// The blocks left to right; the last stands in the right column.
    pub signers: Vec<Signer>,
    /// Whose rules set the block ("Nơi nhận:" underlined for the Party).
    pub family: Family,
}

/// One signature block of a joint paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Signer {
    /// Authority lines, upper-case: "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH".
    pub authority: Vec<String>,
    pub name: String,
}

/// Sheets of positioned text (certificates): each frame's lines are
/// already fitted, so both backends print the same lines at the same size.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheets {
    pub meta: Metadata,
    /// Paper, mm.
    pub width: f32,
    pub height: f32,
    /// Printed on every sheet (the PDF draws it once and reuses it).
    pub border: Option<Border>,
    /// Frames alike on every sheet: the fixed words and the group's own.
    pub common: Vec<Frame>,
    /// An emblem on every sheet.
    pub picture: Option<Picture>,
    pub sheets: Vec<Sheet>,
}

/// A PNG placed on a sheet: position and size in mm.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub png: std::sync::Arc<Vec<u8>>,
    /// Size in pixels.
    pub pixels: (u32, u32),
}

impl Sheets {
    /// The same paper, border and common frames, with only `sheets`.
    pub fn with_sheets(&self, sheets: Vec<Sheet>) -> Sheets {
        Sheets {
            meta: self.meta.clone(),
            width: self.width,
            height: self.height,
            border: self.border,
            common: self.common.clone(),
            picture: self.picture.clone(),
            sheets,
        }
    }
}

/// One recipient's sheet: the frames that differ from sheet to sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub frames: Vec<Frame>,
}

/// The decorative border: a double line `outer` mm from the paper's edge
/// and an inner frame `inner` mm from it (left and right, top and bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Border {
    pub color: Color,
    pub outer: f32,
    pub inner: (f32, f32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    pub const BLACK: Color = Color(0, 0, 0);

    /// "C00000" → red; `None` for anything else.
    pub fn parse(hex: &str) -> Option<Color> {
        let hex = hex.trim_start_matches('#');
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Color(byte(0)?, byte(2)?, byte(4)?))
    }

    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// A box of text on a sheet: position and size in mm from the top-left
/// corner; lines centred vertically in the box.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub lines: Vec<String>,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub color: Color,
    pub align: Align,
    /// A rule under the text, as long as its longest line.
    pub underline: bool,
    /// From one baseline to the next, as a multiple of `size`.
    pub line_height: f32,
    /// Upside down: turned half a turn about the box's centre (the far
    /// face of a folded place card).
    pub turned: bool,
}

/// Paper a certificate is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Paper {
    /// A3 landscape, 420 × 297 mm.
    #[serde(rename = "a3")]
    A3,
    /// 400 × 300 mm (NĐ 50/2006).
    #[serde(rename = "400x300")]
    Large,
    /// A4 landscape, 297 × 210 mm.
    #[serde(rename = "a4")]
    A4,
}

impl Paper {
    /// Width and height in mm.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A3 => (420.0, 297.0),
            Paper::Large => (400.0, 300.0),
            Paper::A4 => (297.0, 210.0),
        }
    }
}
