//! What the workspace (`baocao serve`) has to say about a conference beyond
//! `check`: uploads it refuses, register numbers already used or already
//! issued, and recipients who already received the same award — in
//! Vietnamese and English.

use super::lang::{Lang, Severity};
use super::numbers::group_digits;

/// A workspace problem, with the facts its message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceKind {
    /// An uploaded file larger than the workspace accepts.
    UploadTooLarge { name: String, limit_mb: u64 },
    /// An uploaded file whose name or content is not of a kind the
    /// workspace takes (`expected`: the kinds it takes there).
    UploadType { name: String, expected: String },
    /// An uploaded file name that is not a plain file name.
    UploadName(String),
    /// A new conference without its YAML (the `input` part).
    NoInput,
    /// An upload that cannot be read (cut short, or not a form at all); the
    /// library's words stay in the log, never in the message.
    UploadBroken,
    /// A date typed in a form that is not a date (as typed).
    FormDate(String),
    /// A register's counter without its body, or with numbers over 12 digits.
    CounterForm,
    /// A printer without a name, or its offsets or scale out of range.
    PrinterForm,
    /// A number typed by hand that the register already gave to another paper.
    NumberTaken { number: String, holder: String },
    /// A number issued by "Ban hành" that an edit tried to change.
    IssuedNumberChanged { was: String, now: String },
    /// A recipient issued by "Ban hành" that an edit tried to remove.
    IssuedRecipientRemoved { name: String, number: String },
    /// Warning: the recipient already received the same award for the same programme.
    AlreadyAwarded { name: String, award: String, decision: String, date: String, conference: String },
    /// A summary asked for with no conference.
    NoConference,
    /// A summary naming a conference the workspace does not have.
    UnknownConference(i64),
    /// `serve --listen` off this machine while no one can sign in.
    NoUserOffLoopback(String),
    /// `users add` with a password shorter than 8 characters (or no name).
    WeakPassword,
    /// `units add --thuoc` or `users add --don-vi` naming a unit the workspace does not have.
    UnknownUnit(String),
    /// `units add` with a name another unit has.
    UnitExists(String),
    /// `users add --vai-tro` with a role that is not one of the three.
    UnknownRole(String),
    /// `users add` with a unit and no role, or a role and no unit.
    UnitNeedsRole,
    /// `units add` with an empty name.
    UnitName,
    /// A summary naming a unit the caller does not see (or that does not exist), by its number.
    UnitNotSeen(i64),
    /// A summary asked for a unit that has no conference in the workspace.
    UnitWithoutConference(String),
    /// One number typed twice in what one "Ban hành" issues (`first`: who has it first).
    NumberTwice { number: String, first: String },
    /// A counter that reached the register's largest number.
    CounterFull { body: String, year: i32, max: i64 },
    /// A counter set behind (or past the end of) what its register allows.
    CounterOutOfRange { highest: i64, max: i64 },
    /// The database refused a number as already held (two issues at once).
    RegisterConflict,
    /// A copy of a conference asked for a year out of the range read.
    CopyYear { year: i32, min: i32, max: i32 },
    /// A field the form names that the conference does not have (the page
    /// is older than the conference's shape).
    FieldGone,
    /// `--database` that is not a PostgreSQL address (as given).
    DatabaseUrl(String),
    /// `baocao backup` of a workspace kept in PostgreSQL: pg_dump does it.
    BackupPostgres,
    /// A summary by another body (or with a signer begun) lacking these of its own.
    SummaryNeedsOwn(Vec<OwnField>),
    /// A proposal sent up that could not be sent, returned or accepted.
    Proposal(super::proposal::ProposalTrouble),
}

/// What a summary by another body must say of itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnField {
    SignerTitle,
    SignerName,
    Place,
}

impl OwnField {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang == Lang::Vi) {
            (OwnField::SignerTitle, true) => "chức vụ người ký",
            (OwnField::SignerName, true) => "họ tên người ký",
            (OwnField::Place, true) => "địa danh",
            (OwnField::SignerTitle, false) => "the signer's title",
            (OwnField::SignerName, false) => "the signer's name",
            (OwnField::Place, false) => "the place",
        }
    }
}

impl WorkspaceKind {
    pub(super) fn severity(&self) -> Severity {
        match self {
            WorkspaceKind::AlreadyAwarded { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    pub(super) fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            WorkspaceKind::UploadTooLarge { name, limit_mb } if vi => {
                format!("tệp «{name}» lớn quá; chỉ nhận tệp đến {limit_mb} MB")
            }
            WorkspaceKind::UploadTooLarge { name, limit_mb } => {
                format!("file «{name}» is too large; files up to {limit_mb} MB are accepted")
            }
            WorkspaceKind::UploadType { name, expected } if vi => {
                format!("tệp «{name}» không phải loại nhận được ở đây; cần: {expected}")
            }
            WorkspaceKind::UploadType { name, expected } => {
                format!("file «{name}» is not of a kind accepted here; expected: {expected}")
            }
            WorkspaceKind::UploadName(name) if vi => format!(
                "tên tệp «{name}» không dùng được: cần một tên tệp thường (không có / hay \\, không bắt đầu bằng dấu chấm, tối đa 100 ký tự)"
            ),
            WorkspaceKind::UploadName(name) => format!(
                "file name «{name}» cannot be used: a plain file name is needed (no / or \\, not starting with a dot, at most 100 characters)"
            ),
            WorkspaceKind::NoInput if vi => "thiếu tệp YAML của hội nghị; hãy chọn tệp .yaml rồi gửi lại".into(),
            WorkspaceKind::NoInput => "the conference's YAML file is missing; choose the .yaml file and send again".into(),
            WorkspaceKind::UploadBroken if vi => {
                "không đọc được những gì vừa gửi lên (bị ngắt giữa chừng hoặc hỏng); hãy gửi lại".into()
            }
            WorkspaceKind::UploadBroken => "what was sent could not be read (cut short or damaged); send it again".into(),
            WorkspaceKind::CopyYear { year, min, max } if vi => {
                format!("năm {year} không dùng được cho bản sao; cần một năm từ {min} đến {max}")
            }
            WorkspaceKind::CopyYear { year, min, max } => {
                format!("year {year} cannot be used for the copy; give a year from {min} to {max}")
            }
            WorkspaceKind::FieldGone if vi => {
                "trường này không còn trong hội nghị (có người vừa sửa cấu trúc); tải lại trang rồi chọn lại".into()
            }
            WorkspaceKind::FieldGone => {
                "this field is no longer in the conference (someone changed its shape); reload the page and choose again".into()
            }
            WorkspaceKind::FormDate(typed) if vi => {
                format!("ngày «{typed}» không đúng; hãy ghi ngày/tháng/năm, ví dụ 15/01/2021")
            }
            WorkspaceKind::FormDate(typed) => format!("«{typed}» is not a date; write day/month/year, e.g. 15/01/2021"),
            WorkspaceKind::CounterForm if vi => {
                "sổ cần có tên cơ quan, số cuối từ 0 trở lên và số có không quá 12 chữ số".into()
            }
            WorkspaceKind::CounterForm => {
                "a register needs its body's name, a last number from 0, and numbers of at most 12 digits".into()
            }
            WorkspaceKind::PrinterForm if vi => {
                "máy in cần có tên, độ lệch ngang và dọc trong khoảng ±50 mm, tỷ lệ từ 0,5 đến 1,5".into()
            }
            WorkspaceKind::PrinterForm => {
                "a printer needs a name, offsets within ±50 mm and a scale from 0.5 to 1.5".into()
            }
            WorkspaceKind::NumberTaken { number, holder } if vi => {
                format!("số «{number}» đã cấp trong sổ đăng ký cho {holder}; để trống phần số để được cấp số mới")
            }
            WorkspaceKind::NumberTaken { number, holder } => {
                format!("number «{number}» is already in the register for {holder}; leave the number blank to get a new one")
            }
            WorkspaceKind::IssuedNumberChanged { was, now } if vi => {
                format!("số «{was}» đã ban hành, không đổi thành «{now}» được")
            }
            WorkspaceKind::IssuedNumberChanged { was, now } => {
                format!("number «{was}» has been issued and cannot become «{now}»")
            }
            WorkspaceKind::IssuedRecipientRemoved { name, number } if vi => {
                format!("«{name}» đã được ban hành (số {number}); không bỏ khỏi danh sách được")
            }
            WorkspaceKind::IssuedRecipientRemoved { name, number } => {
                format!("«{name}» has been issued (number {number}) and cannot be removed from the list")
            }
            WorkspaceKind::AlreadyAwarded { name, award, decision, date, conference } if vi => format!(
                "«{name}» đã nhận {award} cho chương trình này (Quyết định số {decision} ngày {date}, {conference}) — kiểm tra lại đề nghị"
            ),
            WorkspaceKind::AlreadyAwarded { name, award, decision, date, conference } => format!(
                "«{name}» already received this {award} for this programme (decision {decision} of {date}, {conference}) — check the proposal"
            ),
            WorkspaceKind::NoConference if vi => "chọn ít nhất một hội nghị để tổng hợp".into(),
            WorkspaceKind::NoConference => "choose at least one conference to summarise".into(),
            WorkspaceKind::UnknownConference(id) if vi => format!("không có hội nghị số {id}"),
            WorkspaceKind::UnknownConference(id) => format!("there is no conference {id}"),
            WorkspaceKind::NoUserOffLoopback(listen) if vi => format!(
                "nghe ở {listen} là mở cho cả mạng mà chưa có người dùng nào; hãy chạy `baocao users add <tên>` trước (hoặc nghe ở 127.0.0.1)"
            ),
            WorkspaceKind::NoUserOffLoopback(listen) => format!(
                "listening on {listen} opens the workspace to the network and no user exists yet; run `baocao users add <name>` first (or listen on 127.0.0.1)"
            ),
            WorkspaceKind::WeakPassword if vi => "cần tên người dùng và mật khẩu dài ít nhất 8 ký tự".into(),
            WorkspaceKind::WeakPassword => "a user name and a password of at least 8 characters are needed".into(),
            WorkspaceKind::UnknownUnit(name) if vi => {
                format!("không có đơn vị «{name}» trong thư mục làm việc; xem các đơn vị bằng `baocao units list`")
            }
            WorkspaceKind::UnknownUnit(name) => {
                format!("the workspace has no unit «{name}»; list the units with `baocao units list`")
            }
            WorkspaceKind::UnitExists(name) if vi => format!("đã có đơn vị «{name}»; mỗi đơn vị một tên"),
            WorkspaceKind::UnitExists(name) => format!("unit «{name}» already exists; each unit has its own name"),
            WorkspaceKind::UnknownRole(role) if vi => {
                format!("vai trò «{role}» không có; chọn van-thu (văn thư), lanh-dao (lãnh đạo) hoặc tinh (tỉnh)")
            }
            WorkspaceKind::UnknownRole(role) => {
                format!("there is no role «{role}»; choose van-thu (clerk), lanh-dao (leader) or tinh (province)")
            }
            WorkspaceKind::UnitNeedsRole if vi => {
                "--don-vi và --vai-tro đi cùng nhau: người dùng của một đơn vị cần vai trò, vai trò cần đơn vị".into()
            }
            WorkspaceKind::UnitNeedsRole => {
                "--don-vi and --vai-tro go together: a user of a unit needs a role, a role needs a unit".into()
            }
            WorkspaceKind::UnitName if vi => "cần tên đơn vị".into(),
            WorkspaceKind::UnitName => "the unit needs a name".into(),
            WorkspaceKind::UnitNotSeen(id) if vi => {
                format!("không có đơn vị mã {id} trong các đơn vị bạn được xem; tải lại trang rồi chọn lại")
            }
            WorkspaceKind::UnitNotSeen(id) => {
                format!("there is no unit {id} among the units you may see; reload the page and choose again")
            }
            WorkspaceKind::UnitWithoutConference(name) if vi => {
                format!("đơn vị «{name}» chưa có hội nghị nào trong thư mục làm việc để tổng hợp")
            }
            WorkspaceKind::UnitWithoutConference(name) => {
                format!("unit «{name}» has no conference in the workspace to summarise")
            }
            WorkspaceKind::NumberTwice { number, first } if vi => {
                format!("số «{number}» đã ghi cho {first} trong cùng đợt ban hành; mỗi số chỉ cấp cho một người, một quyết định")
            }
            WorkspaceKind::NumberTwice { number, first } => {
                format!("number «{number}» is already typed for {first} in this issue; each number goes to one recipient or decision")
            }
            WorkspaceKind::CounterFull { body, year, max } if vi => format!(
                "sổ của «{body}» năm {year} đã cấp đến số lớn nhất ({}); hãy ghi số bằng tay hoặc đặt lại sổ",
                group_digits(*max as u64, '.')
            ),
            WorkspaceKind::CounterFull { body, year, max } => {
                format!("the register of «{body}» for {year} has reached its largest number ({max}); type the number or reset the register")
            }
            WorkspaceKind::CounterOutOfRange { highest, max } if vi => format!(
                "số cuối phải từ {} (số lớn nhất đã cấp trong sổ này) đến {}; số đã cấp không được cấp lại",
                group_digits(*highest as u64, '.'),
                group_digits(*max as u64, '.')
            ),
            WorkspaceKind::CounterOutOfRange { highest, max } => format!(
                "the last number must be from {highest} (the highest this register has issued) to {max}; issued numbers are never given again"
            ),
            WorkspaceKind::RegisterConflict if vi => {
                "một số của đợt ban hành này vừa được cấp ở nơi khác; tải lại trang rồi ban hành lại".into()
            }
            WorkspaceKind::RegisterConflict => {
                "a number of this issue was just given elsewhere; reload the page and issue again".into()
            }
            WorkspaceKind::Proposal(trouble) => trouble.message(lang),
            WorkspaceKind::DatabaseUrl(given) if vi => format!(
                "«{given}» không phải địa chỉ cơ sở dữ liệu PostgreSQL; cần dạng postgres://người_dùng:mật_khẩu@máy/tên_csdl (bỏ --database để dùng SQLite trong thư mục làm việc)"
            ),
            WorkspaceKind::DatabaseUrl(given) => format!(
                "«{given}» is not a PostgreSQL address; expected postgres://user:password@host/dbname (leave out --database to use SQLite in the workspace folder)"
            ),
            WorkspaceKind::BackupPostgres if vi => "cơ sở dữ liệu là PostgreSQL: baocao backup chỉ sao lưu tệp SQLite. Hãy dùng công cụ của PostgreSQL, ví dụ: pg_dump --format=custom --file=baocao.dump postgres://…/baocao (khôi phục bằng pg_restore)".into(),
            WorkspaceKind::BackupPostgres => "the database is PostgreSQL: baocao backup copies SQLite files only. Use PostgreSQL's tool, e.g. pg_dump --format=custom --file=baocao.dump postgres://…/baocao (restore with pg_restore)".into(),
            WorkspaceKind::SummaryNeedsOwn(missing) => {
                let named: Vec<&str> = missing.iter().map(|field| field.name(lang)).collect();
                if vi {
                    format!(
                        "báo cáo tổng hợp của cơ quan khác cần ghi {} của chính nó (không lấy của đơn vị đầu danh sách)",
                        named.join(", ")
                    )
                } else {
                    format!(
                        "a summary by another body needs {} of its own (they are not taken from the first unit)",
                        named.join(", ")
                    )
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_missing_its_own_fields_names_them_in_each_language() {
        let kind = WorkspaceKind::SummaryNeedsOwn(vec![OwnField::SignerName, OwnField::Place]);
        let vi = kind.message(Lang::Vi);
        let en = kind.message(Lang::En);
        assert!(vi.contains("họ tên người ký, địa danh") && !vi.contains("signer"), "{vi}");
        assert!(en.contains("the signer's name, the place") && !en.contains("địa danh"), "{en}");
    }
}
