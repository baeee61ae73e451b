//! What reading a recipient list file (CSV or XLSX) has to say: how the
//! table was understood (header row, columns, sections, counts: notes that
//! `check` shows), what was set aside (warnings), and why a list cannot be
//! read (errors) — in Vietnamese and English.

use super::lang::{Lang, Severity};

/// Recipient kinds as a clerk writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipientKind {
    Collective,
    Individual,
}

impl RecipientKind {
    fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RecipientKind::Collective, Lang::Vi) => "tập thể",
            (RecipientKind::Individual, Lang::Vi) => "cá nhân",
            (RecipientKind::Collective, Lang::En) => "collectives",
            (RecipientKind::Individual, Lang::En) => "individuals",
        }
    }
}

/// One column of the header: its name ("B", or "2" in a CSV file), its
/// title as typed, and the recipient key it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnUse {
    pub column: String,
    pub title: String,
    pub key: String,
}

/// Where a list without a kind column took its rows' kind from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KindSource {
    /// The sheet's name ("Cá nhân").
    SheetName(String),
    /// A title row above the header ("DANH SÁCH CÁ NHÂN ĐỀ NGHỊ …").
    Title(String),
    /// Only the name column's title ("Họ và tên"): a guess, so a warning.
    NameTitle { column: String, title: String },
}

/// Rows that are not recipients and were passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// "(1) (2) (3)" under the header.
    Numbering,
    /// "Cộng: 12" closing a section.
    Subtotal,
    /// A row with only its number filled in (a template's empty rows).
    NumberOnly,
}

/// What kind of thing a list path names when it is not a plain file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileWhat {
    Directory,
    Fifo,
    Device,
    Other,
}

/// Why a cell of a text column cannot be printed as Excel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellTrouble {
    /// A formula whose result is an error ("#REF!").
    FormulaError(String),
    /// TRUE / FALSE.
    Boolean(bool),
    /// A number (or a date, `date`) whose format baocao cannot show as
    /// Excel does (scientific, fractions, month names, conditions…).
    Format { value: String, format: String, date: bool },
    /// A number too long for Excel's General format (shown as 1,2E+11).
    LongNumber(String),
}

/// A note, warning or error about one list file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListKind {
    /// Note: the header row and the key each column became.
    Header {
        row: usize,
        columns: Vec<ColumnUse>,
        numbering: Vec<ColumnUse>,
    },
    /// Note: how many recipients of each kind were read, from which rows.
    Read {
        collectives: usize,
        individuals: usize,
        first_row: usize,
        last_row: usize,
    },
    /// Note (warning when only guessed from a title): the kind of rows
    /// without their own.
    KindFrom {
        kind: RecipientKind,
        source: KindSource,
    },
    /// Note: a section heading row ("II. CÁ NHÂN") sets the kind below it.
    Section {
        text: String,
        kind: RecipientKind,
    },
    /// Note: a group row ("A. KHỐI CƠ QUAN TRUNG ƯƠNG") heading the
    /// `rows` recipients below it in the attached list.
    Group {
        text: String,
        rows: usize,
    },
    /// Note: rows passed over, with the first one's text.
    Skipped {
        reason: SkipReason,
        rows: Vec<usize>,
        example: String,
    },
    /// Note: the table ends at a "Tổng cộng" row or the signature block.
    Ended {
        text: String,
        ignored: usize,
    },
    /// Note: a title or rank moved from the name cell to `danh_xung`.
    TitlesSplit {
        count: usize,
        cell: String,
        title: String,
        name: String,
    },
    /// Note: a merged cell's value used for every row it covers.
    MergedFilled {
        count: usize,
        range: String,
        text: String,
    },
    /// Note: which sheet was read when the file has several.
    SheetChosen {
        sheet: String,
        others: Vec<String>,
    },
    /// Warning: columns that are no field of the papers.
    ColumnsIgnored {
        columns: Vec<ColumnUse>,
    },
    /// Warning: columns without a title that hold something: each with the
    /// first text found (as `title`) and its row (as `key`).
    UntitledColumns {
        columns: Vec<ColumnUse>,
    },
    NoHeader {
        rows: usize,
    },
    /// Two columns became the same key: `first`/`second` are "B «Họ và tên»".
    DuplicateColumn {
        key: String,
        first: String,
        second: String,
    },
    KindUnknown,
    /// The name cell starts with one title, the title column says another.
    TitleConflict {
        in_name: String,
        in_column: String,
    },
    Cell(CellTrouble),
    SheetMissing {
        sheet: String,
        sheets: Vec<String>,
    },
    NotAFile {
        file: String,
        what: FileWhat,
    },
    TooLarge {
        file: String,
        bytes: u64,
        limit: u64,
    },
    UnpackedTooLarge {
        file: String,
        limit: u64,
    },
    /// One part of an XLSX file (a sheet, the shared texts) unpacks to
    /// more than baocao reads.
    PartTooLarge {
        file: String,
        part: String,
        limit: u64,
    },
    /// A cell whose text is longer than baocao reads (characters).
    CellTooLong {
        limit: usize,
    },
    /// A CSV quote opened on this line and never closed: the rest of the
    /// file would have been one cell.
    UnclosedQuote,
    /// A cell with a value outside the rows and columns read.
    BeyondLimits {
        rows: usize,
        last_column: String,
    },
    TooManyMerges {
        count: usize,
        limit: usize,
    },
    /// A CSV file that is not UTF-8: the legacy encoding it looks like.
    Encoding {
        file: String,
        encoding: Option<String>,
        line: usize,
    },
}

fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{},{}", tenths / 10, tenths % 10)
}

/// 20000 → "20.000" (Vietnamese) or "20,000" (English).
fn grouped(n: usize, vi: bool) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(if vi { '.' } else { ',' });
        }
        out.push(ch);
    }
    out
}

fn joined(columns: &[ColumnUse], with_key: bool) -> String {
    columns
        .iter()
        .map(|c| {
            if with_key {
                format!("{} «{}» → {}", c.column, c.title, c.key)
            } else {
                format!("{} «{}»", c.column, c.title)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn rows_list(rows: &[usize]) -> String {
    let shown: Vec<String> = rows.iter().take(8).map(usize::to_string).collect();
    let more = if rows.len() > 8 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

impl ListKind {
    pub(super) fn severity(&self) -> Severity {
        match self {
            ListKind::KindFrom { source: KindSource::NameTitle { .. }, .. }
            | ListKind::ColumnsIgnored { .. }
            | ListKind::UntitledColumns { .. } => Severity::Warning,
            ListKind::Header { .. }
            | ListKind::Read { .. }
            | ListKind::KindFrom { .. }
            | ListKind::Section { .. }
            | ListKind::Skipped { .. }
            | ListKind::Group { .. }
            | ListKind::Ended { .. }
            | ListKind::TitlesSplit { .. }
            | ListKind::MergedFilled { .. }
            | ListKind::SheetChosen { .. } => Severity::Info,
            _ => Severity::Error,
        }
    }

    pub(super) fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            ListKind::Header { row, columns, numbering } => {
                let mut text = if vi {
                    format!("dòng {row} là dòng tiêu đề; cột {}", joined(columns, true))
                } else {
                    format!("row {row} is the header; column {}", joined(columns, true))
                };
                if !numbering.is_empty() {
                    text += &if vi {
                        format!("; cột {} (số thứ tự) không in", joined(numbering, false))
                    } else {
                        format!("; column {} (numbering) is not printed", joined(numbering, false))
                    };
                }
                text
            }
            ListKind::Read { collectives, individuals, first_row, last_row } => {
                let rows = if first_row == last_row { first_row.to_string() } else { format!("{first_row}–{last_row}") };
                if vi {
                    format!("đọc được {collectives} tập thể và {individuals} cá nhân (dòng {rows})")
                } else {
                    format!("read {collectives} collective(s) and {individuals} individual(s) (rows {rows})")
                }
            }
            ListKind::KindFrom { kind, source } => {
                let kind_words = kind.words(lang);
                match (source, vi) {
                    (KindSource::SheetName(name), true) => {
                        format!("không có cột Loại: các dòng không ghi loại là {kind_words}, theo tên trang «{name}»")
                    }
                    (KindSource::SheetName(name), false) => {
                        format!("no kind column: rows without a kind are {kind_words}, after the sheet's name «{name}»")
                    }
                    (KindSource::Title(title), true) => {
                        format!("không có cột Loại: các dòng không ghi loại là {kind_words}, theo tiêu đề «{title}»")
                    }
                    (KindSource::Title(title), false) => {
                        format!("no kind column: rows without a kind are {kind_words}, after the title «{title}»")
                    }
                    (KindSource::NameTitle { column, title }, true) => format!(
                        "không có cột Loại hay dòng mục «I. TẬP THỂ» / «II. CÁ NHÂN»: coi mọi dòng là {kind_words} vì cột {column} có tiêu đề «{title}»; nếu không đúng, hãy thêm cột «Loại»"
                    ),
                    (KindSource::NameTitle { column, title }, false) => format!(
                        "no kind column and no section rows («I. TẬP THỂ» / «II. CÁ NHÂN»): every row is taken as {kind_words} because column {column} is titled «{title}»; if that is wrong, add a «Loại» column"
                    ),
                }
            }
            ListKind::Section { text, kind } if vi => format!("dòng mục «{text}»: các dòng dưới là {}", kind.words(lang)),
            ListKind::Section { text, kind } => format!("section row «{text}»: the rows below are {}", kind.words(lang)),
            ListKind::Skipped { reason, rows, example } => {
                let rows = rows_list(rows);
                match (reason, vi) {
                    (SkipReason::Numbering, true) => format!("bỏ qua dòng {rows}: dòng đánh số cột «{example}»"),
                    (SkipReason::Numbering, false) => format!("row {rows} skipped: it numbers the columns «{example}»"),
                    (SkipReason::Subtotal, true) => format!("bỏ qua dòng {rows}: dòng cộng (ví dụ «{example}»)"),
                    (SkipReason::Subtotal, false) => format!("rows {rows} skipped: subtotals (e.g. «{example}»)"),
                    (SkipReason::NumberOnly, true) => format!("bỏ qua dòng {rows}: chỉ có số thứ tự ({example})"),
                    (SkipReason::NumberOnly, false) => format!("rows {rows} skipped: only a number ({example})"),
                }
            }
            ListKind::Group { text, rows } if vi => format!(
                "dòng nhóm «{text}»: không phải người nhận; là tiêu đề nhóm của {rows} dòng dưới trong danh sách kèm theo quyết định"
            ),
            ListKind::Group { text, rows } => format!(
                "group row «{text}»: not a recipient; it heads the {rows} row(s) below it in the decision's attached list"
            ),
            ListKind::Ended { text, ignored } if vi => {
                format!("bảng dừng ở dòng «{text}»; {ignored} dòng có chữ sau đó không được đọc")
            }
            ListKind::Ended { text, ignored } => {
                format!("the table ends at the row «{text}»; {ignored} non-empty row(s) after it are not read")
            }
            ListKind::TitlesSplit { count, cell, title, name } if vi => format!(
                "tách danh xưng, cấp bậc khỏi ô tên ở {count} dòng, ví dụ «{cell}» → danh_xung «{title}», ten «{name}»"
            ),
            ListKind::TitlesSplit { count, cell, title, name } => format!(
                "a title or rank moved out of the name cell on {count} row(s), e.g. «{cell}» → danh_xung «{title}», ten «{name}»"
            ),
            ListKind::MergedFilled { count, range, text } if vi => format!(
                "ô gộp: giá trị của ô gộp dùng cho mọi dòng nó phủ ({count} ô gộp, ví dụ {range} «{text}»)"
            ),
            ListKind::MergedFilled { count, range, text } => format!(
                "merged cells: a merged cell's value is used for every row it covers ({count} merged cell(s), e.g. {range} «{text}»)"
            ),
            ListKind::SheetChosen { sheet, others } if vi => format!(
                "đọc trang «{sheet}»; tệp còn các trang {} (chọn trang khác bằng «tệp.xlsx#Tên trang»)",
                others.join(", ")
            ),
            ListKind::SheetChosen { sheet, others } => format!(
                "read the sheet «{sheet}»; the file also has {} (pick another with «file.xlsx#Sheet name»)",
                others.join(", ")
            ),
            ListKind::ColumnsIgnored { columns } if vi => {
                format!("bỏ qua cột {}: không phải trường nào của giấy tờ", joined(columns, false))
            }
            ListKind::ColumnsIgnored { columns } => {
                format!("column {} ignored: no field of the papers", joined(columns, false))
            }
            ListKind::UntitledColumns { columns } => {
                let row = if vi { "dòng" } else { "row" };
                let listed: Vec<String> =
                    columns.iter().map(|c| format!("{} ({row} {}: «{}»)", c.column, c.key, c.title)).collect();
                if vi {
                    format!("bỏ qua cột {}: cột không có tiêu đề; muốn in thì đặt tiêu đề cho cột", listed.join(", "))
                } else {
                    format!("column {} ignored: it has no title; give it one to print it", listed.join(", "))
                }
            }
            ListKind::NoHeader { rows } if vi => format!(
                "không thấy dòng tiêu đề trong {rows} dòng đầu: cần một cột tên, ví dụ «Họ và tên», «Tên tập thể, cá nhân» hoặc «ten»"
            ),
            ListKind::NoHeader { rows } => format!(
                "no header row in the first {rows} rows: a name column is needed, e.g. «Họ và tên», «Tên tập thể, cá nhân» or «ten»"
            ),
            ListKind::DuplicateColumn { key, first, second } if vi => {
                format!("cột {first} và cột {second} cùng là «{key}»; hãy xóa hoặc đổi tiêu đề một cột")
            }
            ListKind::DuplicateColumn { key, first, second } => {
                format!("columns {first} and {second} are both «{key}»; delete one or change its title")
            }
            ListKind::KindUnknown if vi => "không biết là tập thể hay cá nhân: thêm cột «Loại» (Tập thể / Cá nhân) hoặc dòng mục «I. TẬP THỂ», «II. CÁ NHÂN» ở phía trên".into(),
            ListKind::KindUnknown => "collective or individual? Add a «Loại» column (Tập thể / Cá nhân) or section rows «I. TẬP THỂ», «II. CÁ NHÂN» above".into(),
            ListKind::TitleConflict { in_name, in_column } if vi => {
                format!("ô tên bắt đầu bằng «{in_name}» nhưng cột danh xưng ghi «{in_column}»; hãy sửa một chỗ")
            }
            ListKind::TitleConflict { in_name, in_column } => {
                format!("the name starts with «{in_name}» but the title column says «{in_column}»; fix one of them")
            }
            ListKind::Cell(trouble) => cell_message(trouble, vi),
            ListKind::SheetMissing { sheet, sheets } if vi => {
                format!("tệp không có trang «{sheet}»; các trang có: {}", sheets.join(", "))
            }
            ListKind::SheetMissing { sheet, sheets } => {
                format!("the file has no sheet «{sheet}»; its sheets: {}", sheets.join(", "))
            }
            ListKind::NotAFile { file, what } => {
                let (vi_what, en_what) = match what {
                    FileWhat::Directory => ("một thư mục", "a folder"),
                    FileWhat::Fifo => ("một đường ống (FIFO)", "a pipe (FIFO)"),
                    FileWhat::Device => ("một thiết bị", "a device"),
                    FileWhat::Other => ("không phải tệp thường", "not a regular file"),
                };
                if vi {
                    format!("«{file}» là {vi_what}, không phải tệp danh sách .csv hoặc .xlsx")
                } else {
                    format!("«{file}» is {en_what}, not a .csv or .xlsx list file")
                }
            }
            ListKind::TooLarge { file, bytes, limit } if vi => {
                format!("tệp «{file}» nặng {} MB; tệp danh sách được đọc tới {} MB", megabytes(*bytes), megabytes(*limit))
            }
            ListKind::TooLarge { file, bytes, limit } => format!(
                "«{file}» is {} MB; list files are read up to {} MB",
                megabytes(*bytes).replace(',', "."),
                megabytes(*limit).replace(',', ".")
            ),
            ListKind::UnpackedTooLarge { file, limit } if vi => format!(
                "tệp «{file}» giải nén ra hơn {} MB (tệp XLSX bất thường); hãy mở bằng Excel và lưu lại",
                megabytes(*limit)
            ),
            ListKind::UnpackedTooLarge { file, limit } => format!(
                "«{file}» unpacks to more than {} MB (an unusual XLSX file); open it in Excel and save it again",
                megabytes(*limit).replace(',', ".")
            ),
            ListKind::PartTooLarge { file, part, limit } if vi => format!(
                "tệp «{file}»: phần «{part}» giải nén ra hơn {} MB (tệp XLSX bất thường, có thể là một ô chứa chữ khổng lồ); hãy mở bằng Excel, kiểm tra và lưu lại",
                megabytes(*limit)
            ),
            ListKind::PartTooLarge { file, part, limit } => format!(
                "«{file}»: its part «{part}» unpacks to more than {} MB (an unusual XLSX file, perhaps one cell of huge text); open it in Excel, check it and save it again",
                megabytes(*limit).replace(',', ".")
            ),
            ListKind::CellTooLong { limit } if vi => {
                format!("ô này dài quá {} ký tự; một ô danh sách không cần dài như vậy — hãy kiểm tra lại ô", grouped(*limit, vi))
            }
            ListKind::CellTooLong { limit } => {
                format!("this cell is longer than {} characters; no list cell needs that — check it", grouped(*limit, vi))
            }
            ListKind::UnclosedQuote if vi => "dấu nháy kép «\"» mở ở dòng này không được đóng, nên phần còn lại của tệp sẽ thành một ô; hãy thêm dấu nháy đóng hoặc xóa dấu nháy mở".into(),
            ListKind::UnclosedQuote => "the double quote «\"» opened on this line is never closed, so the rest of the file would be one cell; close it or remove it".into(),
            ListKind::BeyondLimits { rows, last_column } if vi => format!(
                "ô có dữ liệu nằm ngoài vùng đọc (tới dòng {}, cột {last_column}); hãy xóa ô này hoặc chép bảng sang trang mới",
                grouped(*rows, vi)
            ),
            ListKind::BeyondLimits { rows, last_column } => format!(
                "a cell with data lies outside the area read (up to row {}, column {last_column}); delete it or copy the table to a new sheet",
                grouped(*rows, vi)
            ),
            ListKind::TooManyMerges { count, limit } => {
                let (count, limit) = (grouped(*count, vi), grouped(*limit, vi));
                if vi {
                    format!("trang có {count} vùng ô gộp; chỉ đọc được tới {limit}")
                } else {
                    format!("the sheet has {count} merged areas; at most {limit} are read")
                }
            }
            ListKind::Encoding { file, encoding, line } => match (encoding, vi) {
                (Some(name), true) => format!(
                    "tệp «{file}» không phải UTF-8: có vẻ là mã {name} (dòng {line}); hãy mở bằng Excel rồi «Lưu thành» kiểu «CSV UTF-8 (Comma delimited)», hoặc chuyển mã sang Unicode bằng Unikey"
                ),
                (Some(name), false) => format!(
                    "«{file}» is not UTF-8: it looks like {name} (line {line}); open it in Excel and «Save as» «CSV UTF-8 (Comma delimited)», or convert it to Unicode"
                ),
                (None, true) => format!(
                    "tệp «{file}» không phải UTF-8 (dòng {line}); hãy mở bằng Excel rồi «Lưu thành» kiểu «CSV UTF-8 (Comma delimited)»"
                ),
                (None, false) => format!(
                    "«{file}» is not UTF-8 (line {line}); open it in Excel and «Save as» «CSV UTF-8 (Comma delimited)»"
                ),
            },
        }
    }
}

fn cell_message(trouble: &CellTrouble, vi: bool) -> String {
    let retype = if vi {
        "hãy định dạng ô là Văn bản (Text) rồi gõ lại đúng chữ cần in"
    } else {
        "format the cell as Text and type what should be printed"
    };
    match (trouble, vi) {
        (CellTrouble::FormulaError(code), true) => format!("ô có công thức lỗi {code}; {retype}"),
        (CellTrouble::FormulaError(code), false) => format!("the cell's formula gives the error {code}; {retype}"),
        (CellTrouble::Boolean(value), true) => {
            format!("ô chứa giá trị đúng/sai ({}) chứ không phải chữ; {retype}", if *value { "TRUE" } else { "FALSE" })
        }
        (CellTrouble::Boolean(value), false) => {
            format!("the cell holds a true/false value ({}), not text; {retype}", if *value { "TRUE" } else { "FALSE" })
        }
        (CellTrouble::Format { value, format, date }, true) => {
            let what = if *date { "ngày" } else { "số" };
            format!("ô chứa {what} {value} với định dạng «{format}» mà baocao không hiện được như Excel; {retype}")
        }
        (CellTrouble::Format { value, format, date }, false) => {
            let what = if *date { "the date" } else { "the number" };
            format!("the cell holds {what} {value} in the format «{format}», which baocao cannot show as Excel does; {retype}")
        }
        (CellTrouble::LongNumber(value), true) => {
            format!("ô chứa số {value}, dài quá nên Excel hiện dạng khoa học (1,2E+11); {retype}")
        }
        (CellTrouble::LongNumber(value), false) => {
            format!("the cell holds the number {value}, too long for Excel to show but in scientific form; {retype}")
        }
    }
}
