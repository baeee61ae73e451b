//! The words of every problem and warning, in Vietnamese and English,
//! with the hints that turn a library's wording into a clerk's.

use super::failure::io_kind_vi;
use super::kind::{Expect, Kind, Unit};
use super::lang::{Lang, Severity};
use super::numbers::group_digits;

/// libyaml's wording, with what it usually means for a clerk.
fn explain_syntax(detail: &str) -> String {
    let hints = [
        (
            "found character that cannot start any token",
            "có ký tự không bắt đầu được một mục — thường là phím Tab dùng để thụt lề; YAML chỉ thụt lề bằng dấu cách",
        ),
        ("found a tab", "có phím Tab dùng để thụt lề; YAML chỉ thụt lề bằng dấu cách"),
        ("tab cannot be used as indentation", "có phím Tab dùng để thụt lề; YAML chỉ thụt lề bằng dấu cách"),
        ("tabs disallowed", "có phím Tab dùng để thụt lề; YAML chỉ thụt lề bằng dấu cách"),
        ("invalid indentation in quoted scalar", "chuỗi trong dấu nháy chạy sang các dòng sau"),
        ("':' must be followed by a valid YAML whitespace", "sau dấu «:» của một khóa cần một dấu cách"),
        ("found unexpected end of stream", "tệp kết thúc giữa chừng — thường do thiếu dấu nháy đóng"),
        ("did not find expected key", "không thấy khóa ở chỗ cần có — kiểm tra thụt lề và dấu nháy"),
        (
            "mapping values are not allowed in this context",
            "không được có «khóa: giá trị» ở đây — chuỗi có dấu «:» cần đặt trong dấu nháy",
        ),
        ("did not find expected", "thiếu dấu đóng (nháy, ngoặc) hoặc thụt lề sai"),
        ("duplicate entry", "một khóa xuất hiện hai lần"),
        ("could not find expected ':'", "thiếu dấu «:» sau khóa (hoặc khóa dài quá 1024 ký tự)"),
        ("unknown anchor", "bí danh (*tên) chưa được đặt tên bằng &tên ở trên"),
        ("recursion limit exceeded", "bí danh (*tên) lồng nhau quá sâu hoặc tự gọi lại chính nó"),
        ("repetition limit exceeded", "bí danh (*tên) lặp lại quá nhiều"),
        (
            "deserializing from YAML containing more than one document",
            "tệp có nhiều hơn một văn bản YAML (dòng «---» thứ hai)",
        ),
        ("invalid leading UTF-8 octet", "tệp không phải văn bản UTF-8"),
        ("file is not UTF-8", "tệp không phải văn bản UTF-8"),
    ];
    // Only the Vietnamese: the library's English words never reach a
    // Vietnamese message (`--lang en` shows them).
    match hints.iter().find(|(en, _)| detail.contains(en)) {
        Some((_, vi)) => vi.to_string(),
        // A typed file's schema (printer profile): its key and type words.
        None if layout_message(detail) != detail => layout_message(detail),
        None => "cấu trúc YAML không đúng ở chỗ này — kiểm tra dấu nháy, ngoặc, dấu «:» và thụt lề".to_string(),
    }
}

/// serde's words about the layout file in Vietnamese, for the usual mistakes.
fn layout_message(detail: &str) -> String {
    let names = |list: &str| list.replace("one of ", "").replace(" or ", ", ").replace('`', "");
    if let Some(rest) = detail.split_once("unknown field `").map(|x| x.1) {
        if let Some((key, expected)) = rest.split_once("`, expected ") {
            return format!(
                "{}khóa «{key}» không có trong bố cục; các khóa hợp lệ: {}",
                prefix(detail),
                names(expected)
            );
        }
    }
    if let Some(key) = detail.split_once("missing field `").and_then(|x| x.1.split('`').next()) {
        return format!("{}thiếu khóa «{key}»", prefix(detail));
    }
    if let Some(rest) = detail.split_once("invalid type: ").map(|x| x.1) {
        return format!("{}sai kiểu: {}", prefix(detail), rest.replace(", expected ", ", cần "));
    }
    detail.to_string()
}

/// A handlebars error as a sentence: the ones a clerk's edit can cause,
/// said in their terms; anything else as handlebars words it.
fn template_message(detail: &str, vi: bool) -> String {
    let quoted = |text: &str| -> Vec<String> { text.split('"').skip(1).step_by(2).map(str::to_string).collect() };
    if detail.starts_with("invalid handlebars syntax") {
        return if vi {
            "cú pháp mẫu sai ở đây; kiểm tra các cặp dấu {{ }}, tên hàm và các khối {{#…}} … {{/…}}".into()
        } else {
            "the template syntax is wrong here; check the {{ }} pairs, helper names and {{#…}} … {{/…}} blocks".into()
        };
    }
    if let [open, close] = quoted(detail).as_slice() {
        if detail.contains("was opened, but") {
            return if vi {
                format!("khối {{{{#{open}}}}} được mở nhưng lại đóng bằng {{{{/{close}}}}}")
            } else {
                format!("block {{{{#{open}}}}} is opened but closed by {{{{/{close}}}}}")
            };
        }
    }
    if let Some(helper) = detail.strip_prefix("Helper not found ") {
        return if vi {
            format!("không có hàm «{helper}»; các hàm dùng được: ngay, so, hoa, doan, if, unless, each, with, lookup")
        } else {
            format!("there is no helper «{helper}»; the helpers: ngay, so, hoa, doan, if, unless, each, with, lookup")
        };
    }
    if let Some(partial) = detail.strip_prefix("Partial not found ") {
        return if vi {
            format!("không có mẫu con «{partial}» để chèn bằng {{{{> {partial}}}}}")
        } else {
            format!("there is no template «{partial}» to include with {{{{> {partial}}}}}")
        };
    }
    detail.to_string()
}

/// The template files a templates folder may hold.
const TEMPLATE_FILES: &str = "bao-cao.hbs, bao-cao-trich-yeu.hbs, quyet-dinh.hbs, quyet-dinh-trich-yeu.hbs, \
     quyet-dinh-danh-sach.hbs, to-trinh.hbs, to-trinh-trich-yeu.hbs, to-trinh-danh-sach.hbs, tin-bai.hbs, tong-hop.hbs, tong-hop-trich-yeu.hbs, khen-bo-cuc.yaml";

/// A helper given what it cannot print: what it needs, and what it got.
fn helper_value(name: &str, helper: &str, value: Option<&str>, vi: bool) -> String {
    let need = match (helper, vi) {
        ("ngay", true) => "một ngày dạng YYYY-MM-DD",
        ("ngay", false) => "a date as YYYY-MM-DD",
        ("so", true) => "một số",
        ("so", false) => "a number",
        (_, true) => "một đoạn chữ",
        (_, false) => "one text",
    };
    match (value, vi) {
        (Some(value), true) => format!("mẫu «{name}»: {{{{{helper} …}}}} cần {need} nhưng được «{value}»"),
        (Some(value), false) => format!("template «{name}»: {{{{{helper} …}}}} needs {need} but was given «{value}»"),
        (None, true) => format!(
            "mẫu «{name}»: {{{{{helper} …}}}} cần {need} nhưng được một nhóm trường (nhiều giá trị); hãy chọn một trường bên trong nó (ví dụ co_quan.ten thay cho co_quan)"
        ),
        (None, false) => format!(
            "template «{name}»: {{{{{helper} …}}}} needs {need} but was given a group of fields (several values); pick one field inside it (e.g. co_quan.ten rather than co_quan)"
        ),
    }
}

/// The field path the YAML reader puts before serde's message ("kho: …").
fn prefix(detail: &str) -> &str {
    match detail.find(": ") {
        Some(i) if !detail[..i].contains(' ') => &detail[..i + 2],
        _ => "",
    }
}

/// A size in bytes as a person reads it: "64 MB".
fn bytes(size: u64, vi: bool) -> String {
    let mb = size as f64 / (1024.0 * 1024.0);
    let text = if mb >= 10.0 { format!("{mb:.0} MB") } else { format!("{mb:.1} MB") };
    if vi {
        text.replace('.', ",")
    } else {
        text
    }
}

fn unit_name(unit: Unit, vi: bool) -> &'static str {
    match (unit, vi) {
        (Unit::Millimetre, _) => " mm",
        (Unit::Point, _) => " pt",
        (Unit::Times, true) => " (lần)",
        (Unit::Times, false) => " (times)",
    }
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn codepoint(ch: char) -> String {
    format!("U+{:04X}", ch as u32)
}

/// The closest valid key to a misspelt one, when it is close enough.
pub(crate) fn suggestion(key: &str, valid: &[String]) -> Option<String> {
    valid
        .iter()
        .map(|v| (edit_distance(key, v), v))
        .filter(|(d, v)| *d <= 2.max(v.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v.clone())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

impl Kind {
    /// Warnings are worth a look but do not stop the run.
    pub fn severity(&self) -> Severity {
        match self {
            Kind::SmallestSize { .. }
            | Kind::SmallCardName { .. }
            | Kind::SparePresenters { .. }
            | Kind::AgendaBackwards { .. }
            | Kind::OnlyMadeNothing { .. }
            | Kind::PartOfDayDisagrees { .. }
            | Kind::MetricCodeClash { .. }
            | Kind::TitleMismatch { .. }
            | Kind::NoProposal
            | Kind::StockWithoutRule { .. }
            | Kind::YearsDisagree { .. }
            | Kind::DecisionAfterReport { .. }
            | Kind::UnsureCase { .. }
            | Kind::AuthorityUnlikeSigner { .. }
            | Kind::JointSymbolMissing { .. } => Severity::Warning,
            Kind::FamilyDerived { .. } | Kind::NoDelegates | Kind::NoInvitees => Severity::Info,
            Kind::List(list) => list.severity(),
            Kind::Workspace(kind) => kind.severity(),
            _ => Severity::Error,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Kind::List(list) => list.message(lang),
            Kind::Syntax(detail) if vi => format!("YAML sai cú pháp: {}", explain_syntax(detail)),
            Kind::UnclosedQuote { detail, line } if vi => format!("YAML sai cú pháp: {} — dấu nháy mở ở dòng {line} chưa đóng?", explain_syntax(detail)),
            Kind::UnclosedQuote { detail, line } => format!("YAML syntax error: {detail} — is the quote opened on line {line} unclosed?"),
            Kind::Syntax(detail) => format!("YAML syntax error: {detail}"),
            Kind::TopNotMapping if vi => "tệp phải là một bảng khóa: giá trị (bắt đầu bằng `phien_ban: 1`)".into(),
            Kind::TopNotMapping => "the file must be a mapping of keys to values (starting with `phien_ban: 1`)".into(),
            Kind::WrongVersion(found) if vi => format!("phiên bản lược đồ «{found}» không được hỗ trợ; chỉ có phiên bản 1"),
            Kind::WrongVersion(found) => format!("schema version «{found}» is not supported; only version 1 is"),
            Kind::Expected(expect) => {
                let (vi_name, en_name) = match expect {
                    Expect::Mapping => ("một bảng khóa: giá trị", "a mapping of keys to values"),
                    Expect::List => ("một danh sách (các dòng `- …`)", "a list (lines `- …`)"),
                    Expect::Text => ("một chuỗi chữ", "text"),
                    Expect::Number => ("một số không âm (ví dụ 175726 hoặc 3.7)", "a non-negative number (e.g. 175726 or 3.7)"),
                };
                if vi { format!("cần {vi_name}") } else { format!("expected {en_name}") }
            }
            Kind::UnknownKey { key, valid } => {
                let hint = suggestion(key, valid);
                match (vi, hint) {
                    (true, Some(h)) => format!("khóa «{key}» không có trong lược đồ; có phải «{h}»? Các khóa hợp lệ: {}", list(valid)),
                    (true, None) => format!("khóa «{key}» không có trong lược đồ. Các khóa hợp lệ: {}", list(valid)),
                    (false, Some(h)) => format!("unknown key «{key}»; did you mean «{h}»? Valid keys: {}", list(valid)),
                    (false, None) => format!("unknown key «{key}». Valid keys: {}", list(valid)),
                }
            }
            Kind::MissingKey(key) if vi => format!("thiếu khóa bắt buộc «{key}»"),
            Kind::MissingKey(key) => format!("missing required key «{key}»"),
            Kind::BadChoice { value, choices } if vi => format!("giá trị «{value}» không hợp lệ; chọn một trong: {}", list(choices)),
            Kind::BadChoice { value, choices } => format!("invalid value «{value}»; choose one of: {}", list(choices)),
            Kind::BadDate(value) if vi => format!("ngày «{value}» không hợp lệ; cần ngày có thật, dạng YYYY-MM-DD (ví dụ 2018-08-21)"),
            Kind::BadDate(value) => format!("invalid date «{value}»; expected a real date as YYYY-MM-DD (e.g. 2018-08-21)"),
            Kind::BadTime(value) if vi => format!("giờ «{value}» không hợp lệ; cần dạng GG:PP (ví dụ 08:00)"),
            Kind::BadTime(value) => format!("invalid time «{value}»; expected HH:MM (e.g. 08:00)"),
            Kind::NoSuchDelegate { typed, count } if vi => format!("«{typed}» không phải số thứ tự của một đại biểu trong hoi_nghi.dai_bieu (từ 1 đến {count})"),
            Kind::NoSuchDelegate { typed, count } => format!("«{typed}» is not the number of a delegate in hoi_nghi.dai_bieu (1 to {count})"),
            Kind::BadBatch if vi => "cần số người mỗi lượt lên nhận khen, từ 1 đến 30".into(),
            Kind::BadBatch => "expected how many recipients go up at once, 1 to 30".into(),
            Kind::SparePresenters { given, groups } if vi => format!("nguoi_trao ghi {given} người trao nhưng khen_thuong chỉ có {groups} nhóm: người từ thứ {} trở đi không được dùng — bỏ bớt, hoặc kiểm tra lại thứ tự các nhóm", groups + 1),
            Kind::SparePresenters { given, groups } => format!("nguoi_trao names {given} presenters but khen_thuong has only {groups} groups: those from number {} on are not used — remove them, or check the groups' order", groups + 1),
            Kind::AgendaBackwards { time, before } if vi => format!("giờ «{time}» sớm hơn mục ngay trên («{before}»): chương trình in đúng thứ tự đã ghi — kiểm tra lại giờ"),
            Kind::AgendaBackwards { time, before } => format!("«{time}» is earlier than the item above («{before}»): the agenda prints in the order given — check the times"),
            Kind::PartOfDayDisagrees { time, said, hour_part } if vi => format!("giờ khai mạc «{time}» là buổi {hour_part}, nhưng buoi ghi buổi {said}; giấy mời sẽ in buổi {said} — sửa một trong hai"),
            Kind::PartOfDayDisagrees { time, said, hour_part } => format!("the opening «{time}» falls in buổi {hour_part} (the {}), but buoi says buổi {said}; the invitation would print buổi {said} — correct one of them", match hour_part.as_str() { "sáng" => "morning", "trưa" => "midday", "chiều" => "afternoon", _ => "evening" }),
            Kind::SmallCardName { page, name, tenths_of_mm } if vi => format!(
                "bang-ten.pdf trang {page}: họ tên «{name}» dài, phải in chữ hoa cao {},{} mm (dưới 25 mm, khó đọc từ cuối hội trường) — có thể rút gọn chức vụ hoặc in riêng tờ này",
                tenths_of_mm / 10,
                tenths_of_mm % 10
            ),
            Kind::SmallCardName { page, name, tenths_of_mm } => format!(
                "bang-ten.pdf page {page}: the name «{name}» is long and prints with capitals {}.{} mm tall (under 25 mm, hard to read across a hall) — shorten the title or make this card by hand",
                tenths_of_mm / 10,
                tenths_of_mm % 10
            ),
            Kind::OnlyMadeNothing { kinds } if vi => format!("tệp đầu vào không có giấy tờ nào thuộc loại đã chọn ({kinds}): tờ trình (to-trinh) cần một nhóm khen_thuong có to_trinh; tin bài (tin-bai) và giấy tờ ngày hội nghị (ngay-hoi-nghi) cần hoi_nghi"),
            Kind::OnlyMadeNothing { kinds } => format!("the input makes none of the papers chosen ({kinds}): a tờ trình (to-trinh) needs an award group with to_trinh; the press summary (tin-bai) and the conference-day papers (ngay-hoi-nghi) need hoi_nghi"),
            Kind::NoInvitees if vi => "mọi đại biểu trong hoi_nghi.dai_bieu đều thuộc đơn vị tổ chức (to_chuc: true): không làm giấy mời".into(),
            Kind::NoInvitees => "every delegate in hoi_nghi.dai_bieu is of the organising bodies (to_chuc: true): no invitations are made".into(),
            Kind::NoDelegates if vi => "hội nghị chưa có danh sách đại biểu (hoi_nghi.dai_bieu): không làm giấy mời, danh sách đại biểu và bảng tên đại biểu".into(),
            Kind::NoDelegates => "the conference has no delegates (hoi_nghi.dai_bieu): no invitations, delegate list or place cards are made".into(),
            Kind::NotYear(value) if vi => format!("«{value}» không phải là năm (cần số nguyên, ví dụ 2018)"),
            Kind::NotYear(value) => format!("«{value}» is not a year (expected an integer such as 2018)"),
            Kind::Negative(value) if vi => format!("số «{value}» âm; số liệu không được âm"),
            Kind::Negative(value) => format!("number «{value}» is negative; figures cannot be negative"),
            Kind::ControlChar(ch) if vi => format!("chứa ký tự điều khiển {} (không in được); hãy xóa nó", codepoint(*ch)),
            Kind::ControlChar(ch) => format!("contains control character {} (unprintable); remove it", codepoint(*ch)),
            Kind::Mojibake(ch) if vi => format!("có vẻ là chữ mã TCVN3/VNI cũ (ký tự «{ch}» {}); hãy chuyển sang Unicode (ví dụ Unikey: Công cụ chuyển mã)", codepoint(*ch)),
            Kind::Mojibake(ch) => format!("looks like legacy TCVN3/VNI text (character «{ch}» {}); convert it to Unicode", codepoint(*ch)),
            Kind::Undrawable(ch) if vi => format!("phông chữ không có ký tự «{ch}» ({}); hãy thay bằng chữ khác", codepoint(*ch)),
            Kind::Undrawable(ch) => format!("the font cannot draw «{ch}» ({}); replace it", codepoint(*ch)),
            Kind::EmptyText if vi => "không được để trống".into(),
            Kind::EmptyText => "must not be empty".into(),
            Kind::PeriodReversed { from, to } if vi => format!("giai đoạn ngược: tu = {from} phải nhỏ hơn hoặc bằng den = {to}"),
            Kind::PeriodReversed { from, to } => format!("period reversed: tu = {from} must not be after den = {to}"),
            Kind::ReportBeforePeriod { date, year } if vi => format!("ngày báo cáo {date} trước khi hết năm đầu của giai đoạn ({year})"),
            Kind::ReportBeforePeriod { date, year } => format!("report date {date} is before the end of the period's first year ({year})"),
            Kind::DecisionTooLate { date, report } if vi => format!("ngày quyết định {date} sau ngày báo cáo {report} hơn một năm"),
            Kind::DecisionTooLate { date, report } => format!("decision date {date} is more than a year after the report date {report}"),
            Kind::DecisionAfterReport { date, report } if vi => format!("báo cáo ngày {report} dẫn quyết định ngày {date}, sau ngày báo cáo; xem lại ngày quyết định hoặc ngày báo cáo"),
            Kind::DecisionAfterReport { date, report } => format!("the report dated {report} cites a decision dated {date}, after the report; check the decision's date or the report's"),
            Kind::UnknownMetric { code, known } if vi => format!("mã chỉ tiêu «{code}» không có trong chi_tieu; các mã đã khai báo: {}", list(known)),
            Kind::UnknownMetric { code, known } => format!("metric code «{code}» is not defined in chi_tieu; defined codes: {}", list(known)),
            Kind::YearOutsidePeriod { year, from, to } if vi => format!("năm {year} nằm ngoài giai đoạn {from}–{to}"),
            Kind::YearOutsidePeriod { year, from, to } => format!("year {year} lies outside the period {from}–{to}"),
            Kind::DuplicateYear(year) if vi => format!("năm {year} đã có ở trên"),
            Kind::DuplicateYear(year) => format!("year {year} appears twice"),
            Kind::TotalMismatch { code, total, sum } if vi => format!("tổng «{code}» = {total} nhưng cộng các năm được {sum}"),
            Kind::TotalMismatch { code, total, sum } => format!("total «{code}» = {total} but the years add up to {sum}"),
            Kind::TotalNotLastYear { code, total, last } if vi => format!("«{code}» tính theo cuối kỳ: tổng = {total} nhưng năm cuối là {last}"),
            Kind::TotalNotLastYear { code, total, last } => format!("«{code}» is taken at the end of the period: total = {total} but the last year has {last}"),
            Kind::TotalNotHighestYear { code, total, highest } if vi => format!("«{code}» tính theo giá trị lớn nhất: tổng = {total} nhưng năm cao nhất là {highest}"),
            Kind::TotalNotHighestYear { code, total, highest } => format!("«{code}» is taken at its highest: total = {total} but the highest year has {highest}"),
            Kind::ListSource if vi => "cần đúng một trong hai khóa danh_sach hoặc danh_sach_tep".into(),
            Kind::ListSource => "exactly one of danh_sach or danh_sach_tep is required".into(),
            Kind::EmptyList if vi => "danh sách khen thưởng trống".into(),
            Kind::EmptyList => "the award list is empty".into(),
            Kind::DuplicateRecipient { name, first } if vi => format!("«{name}» xuất hiện hai lần trong nhóm (lần đầu ở mục thứ {})", first + 1),
            Kind::DuplicateRecipient { name, first } => format!("«{name}» appears twice in the group (first as item {})", first + 1),
            Kind::ListFileMissing(file) if vi => format!("không tìm thấy tệp danh sách «{file}»"),
            Kind::ListFileMissing(file) => format!("list file «{file}» not found"),
            Kind::ListFileUnreadable { file, detail } if vi => format!("không đọc được tệp «{file}»: {detail}"),
            Kind::ListFileUnreadable { file, detail } => format!("cannot read «{file}»: {detail}"),
            Kind::ListFileType(file) if vi => format!("tệp danh sách «{file}» phải là .csv hoặc .xlsx"),
            Kind::ListFileType(file) => format!("list file «{file}» must be .csv or .xlsx"),
            Kind::Template { name, detail } if vi => format!("mẫu «{name}» lỗi: {}", template_message(detail, true)),
            Kind::Template { name, detail } => format!("template «{name}» is wrong: {}", template_message(detail, false)),
            Kind::LayoutFile(detail) if vi => format!("mẫu «khen-bo-cuc» lỗi: {}", layout_message(detail)),
            Kind::LayoutFile(detail) => format!("template «khen-bo-cuc» is wrong: {detail}"),
            Kind::TemplateField { name, field } if vi => format!("mẫu «{name}» dùng trường «{field}» mà dữ liệu không có (sai tên trường?)"),
            Kind::TemplateField { name, field } => format!("template «{name}» uses the field «{field}», which the data lacks (misspelt?)"),
            Kind::ImageUnreadable { file, .. } if vi => format!("không đọc được ảnh PNG «{file}»: tệp hỏng, bị cắt cụt hoặc không phải PNG — hãy xuất lại ảnh dạng PNG"),
            Kind::ImageUnreadable { file, detail } => format!("cannot read the PNG image «{file}»: {detail}"),
            Kind::RangeReversed { from, to } if vi => format!("khoảng năm ngược: --from {from} phải không lớn hơn --to {to}"),
            Kind::RangeReversed { from, to } => format!("range reversed: --from {from} must not exceed --to {to}"),
            Kind::RangeOutsidePeriods { from, to, periods } if vi => format!("khoảng {from}–{to} không có năm nào thuộc giai đoạn của các tệp: {}", list(periods)),
            Kind::RangeOutsidePeriods { from, to, periods } => format!("the range {from}–{to} shares no year with any input's period: {}", list(periods)),
            Kind::NoDataInRange { from, to, periods } if vi => format!("không có số liệu nào cho khoảng {from}–{to}; các tệp và giai đoạn: {}", list(periods)),
            Kind::NoDataInRange { from, to, periods } => format!("no figures at all for {from}–{to}; inputs and periods: {}", list(periods)),
            Kind::UnknownChartMetric { code, known } if vi => format!("--chart: không có chỉ tiêu «{code}»; các mã có: {}", list(known)),
            Kind::UnknownChartMetric { code, known } => format!("--chart: no metric «{code}»; known codes: {}", list(known)),
            Kind::MetricCodeClash { code, first, first_file, second, second_file } if vi => format!(
                "mã chỉ tiêu «{code}» được dùng cho hai chỉ tiêu khác nhau: «{first}» ({first_file}) và «{second}» ({second_file}); \
                 báo cáo tổng hợp để thành hai dòng riêng, không cộng chung. Nếu là một chỉ tiêu, hãy sửa tên và đơn vị tính \
                 cho giống nhau, hoặc khai báo gộp trong tệp chi-tieu.yaml (--chi-tieu; xem docs/tong-hop.md)"
            ),
            Kind::MetricCodeClash { code, first, first_file, second, second_file } => format!(
                "metric code «{code}» is used for two different metrics: «{first}» ({first_file}) and «{second}» ({second_file}); \
                 the summary keeps them as two rows and does not add them. If they are one metric, give them the same name \
                 and unit, or gather them in a chi-tieu.yaml file (--chi-tieu; see docs/tong-hop.md)"
            ),
            Kind::MetricRuleClash { code, name, first_rule, first_file, second_rule, second_file } if vi => format!(
                "chỉ tiêu «{code}» ({name}) có cach_tinh «{first_rule}» trong {first_file} nhưng «{second_rule}» trong {second_file}: \
                 không tổng hợp chung được. Hãy sửa cach_tinh cho thống nhất, hoặc ghi cach_tinh của chỉ tiêu trong tệp chi-tieu.yaml (--chi-tieu)"
            ),
            Kind::MetricRuleClash { code, name, first_rule, first_file, second_rule, second_file } => format!(
                "metric «{code}» ({name}) has cach_tinh «{first_rule}» in {first_file} but «{second_rule}» in {second_file}: \
                 they cannot be summarised together. Make cach_tinh agree, or state the metric's cach_tinh in a chi-tieu.yaml file (--chi-tieu)"
            ),
            Kind::DuplicateMappedMetric(code) if vi => format!("mã «{code}» đã dùng cho một chỉ tiêu ở trên; mỗi chỉ tiêu một mã"),
            Kind::DuplicateMappedMetric(code) => format!("code «{code}» is already used by a metric above; one code per metric"),
            Kind::MappedTwice { definition, file, first, second } if vi => format!(
                "chỉ tiêu «{definition}» của {file} khớp với cả «{first}» và «{second}»; mỗi chỉ tiêu chỉ gộp vào một chỉ tiêu — ghi thêm ten hoặc don_vi trong gop để phân biệt"
            ),
            Kind::MappedTwice { definition, file, first, second } => format!(
                "metric «{definition}» of {file} matches both «{first}» and «{second}»; a metric is gathered into one only — add ten or don_vi to gop to tell them apart"
            ),
            Kind::MappedUnitMismatch { code, unit, found, file } if vi => format!(
                "chỉ tiêu «{code}» tính bằng «{unit}» nhưng gộp cả số liệu tính bằng «{found}» ({file}): không cộng được hai đơn vị tính khác nhau; bỏ mục này khỏi gop hoặc đổi số liệu sang cùng đơn vị tính"
            ),
            Kind::MappedUnitMismatch { code, unit, found, file } => format!(
                "metric «{code}» is measured in «{unit}» but gathers figures in «{found}» ({file}): figures in different units cannot be added; drop this item from gop or convert the figures"
            ),
            Kind::ConflictingFigures { unit, code, year, first, first_file, second, second_file } if vi => format!(
                "hai báo cáo của {unit} ghi khác nhau chỉ tiêu «{code}» năm {year}: {first} ({first_file}) và {second} ({second_file}); hãy sửa cho khớp"
            ),
            Kind::ConflictingFigures { unit, code, year, first, first_file, second, second_file } => format!(
                "two reports of {unit} differ on metric «{code}» in {year}: {first} ({first_file}) and {second} ({second_file}); make them agree"
            ),
            Kind::TemplateDirMissing(dir) if vi => format!("không tìm thấy thư mục mẫu «{dir}»"),
            Kind::TemplateDirMissing(dir) => format!("template folder «{dir}» not found"),
            Kind::SourceDateEpoch(value) if vi => format!("SOURCE_DATE_EPOCH phải là số giây kể từ 1970-01-01 UTC, không phải «{value}»"),
            Kind::SourceDateEpoch(value) => format!("SOURCE_DATE_EPOCH must be seconds since 1970-01-01 UTC, not «{value}»"),
            Kind::ArchiveNeedsDate if vi => "PDF/A (--pdfa) cần ngày của văn bản: hãy cho --ngay hoặc đặt SOURCE_DATE_EPOCH".into(),
            Kind::ArchiveNeedsDate => "PDF/A (--pdfa) needs the paper's date: give --ngay or set SOURCE_DATE_EPOCH".into(),
            Kind::ThousandsSeparator { typed, fix } if vi => format!(
                "«{typed}» có dấu chấm phân cách hàng nghìn kiểu Việt Nam, nhưng trong tệp YAML dấu chấm là dấu thập phân; viết {fix}"
            ),
            Kind::ThousandsSeparator { typed, fix } => format!(
                "«{typed}» groups thousands with dots the Vietnamese way, but in YAML a dot is a decimal point; write {fix}"
            ),
            Kind::EmptyReport if vi => "báo cáo không có gì để viết: chưa có đoạn văn nào trong noi_dung, chưa có số liệu (chi_tieu với tong_hop hoặc ket_qua_nam) và chưa có khen_thuong; hãy thêm ít nhất một phần, ví dụ noi_dung.ket_qua".into(),
            Kind::EmptyReport => "the report has nothing to say: no noi_dung text, no figures (chi_tieu with tong_hop or ket_qua_nam) and no khen_thuong; add at least one, e.g. noi_dung.ket_qua".into(),
            Kind::BadPlaceholder(typed) if vi => format!("«{typed}» không phải cách ghi số liệu: viết {{{{ma}}}}, {{{{ma 2017}}}} hoặc {{{{ma gon}}}} (ma là mã trong chi_tieu); muốn in «{{{{» thì viết \\{{{{"),
            Kind::BadPlaceholder(typed) => format!("«{typed}» is not a figure: write {{{{ma}}}}, {{{{ma 2017}}}} or {{{{ma gon}}}} (ma a code of chi_tieu); to print «{{{{» write \\{{{{"),
            Kind::NoFigure { code, year: Some(year) } if vi => format!("đoạn văn ghi số liệu «{code}» năm {year} nhưng ket_qua_nam không có giá trị đó"),
            Kind::NoFigure { code, year: Some(year) } => format!("the text names the {year} figure of «{code}», which ket_qua_nam lacks"),
            Kind::NoFigure { code, year: None } if vi => format!("đoạn văn ghi số liệu «{code}» nhưng chỉ tiêu này chưa có số liệu (tong_hop hoặc ket_qua_nam)"),
            Kind::NoFigure { code, year: None } => format!("the text names the figure of «{code}», which has no figures (tong_hop or ket_qua_nam)"),
            Kind::TitleMismatch { title, name, middle } if vi => format!("danh xưng «{title}» không hợp với tên «{name}» (tên đệm «{middle}»); hãy kiểm tra lại danh_xung"),
            Kind::TitleMismatch { title, name, middle } => format!("the title «{title}» does not fit the name «{name}» (middle name «{middle}»); check danh_xung"),
            Kind::UnknownSample { name, known } if vi => format!("không có mẫu «{name}»; các mẫu có: {}", known.join(", ")),
            Kind::UnknownSample { name, known } => format!("there is no sample «{name}»; the samples are: {}", known.join(", ")),
            Kind::RateWithoutRule { code } if vi => format!("«{code}» là tỷ lệ (đơn vị %), không cộng các năm được: hãy ghi cach_tinh (cuoi_ky, lon_nhat hoặc trung_binh)"),
            Kind::RateWithoutRule { code } => format!("«{code}» is a rate (unit %) and cannot be added up over the years: give cach_tinh (cuoi_ky, lon_nhat or trung_binh)"),
            Kind::StockWithoutRule { code, name } if vi => format!("«{code}» ({name}) có vẻ là số hiện có, không phải số phát sinh trong năm, nhưng đang được cộng các năm: nếu vậy, hãy ghi cach_tinh: cuoi_ky (hoặc lon_nhat, trung_binh); nếu đúng là cộng, ghi cach_tinh: tong"),
            Kind::StockWithoutRule { code, name } => format!("«{code}» ({name}) reads like a stock (what exists), not a yearly count, yet its years are added up: if so, give cach_tinh: cuoi_ky (or lon_nhat, trung_binh); if the sum is meant, give cach_tinh: tong"),
            Kind::YearsDisagree { path, said, counted } if vi => format!("{path} ghi «{said} năm» nhưng các văn bản tính {counted} năm (từ ngày của chương trình, hoặc từ đầu giai đoạn, đến hết giai đoạn): sửa lại, hoặc ghi giai_doan.so_nam: {said}"),
            Kind::YearsDisagree { path, said, counted } => format!("{path} says «{said} năm» but the papers count {counted} years (from the programme's date, or the period's start, to the period's end): correct it, or give giai_doan.so_nam: {said}"),
            Kind::NoProposal if vi => "quyết định chưa có dòng «Xét đề nghị của …»: hãy ghi quyet_dinh.de_nghi (ví dụ «Trưởng phòng Tổ chức cán bộ tại Tờ trình số 12/TTr-PX01 ngày 10 tháng 8 năm 2018»)".into(),
            Kind::NoProposal => "the decision has no «Xét đề nghị của …» line: give quyet_dinh.de_nghi (whose proposal it acts on)".into(),
            Kind::UnsureCase { typed, derived, key: Some(key) } if vi => format!("«{typed}» trong câu sẽ viết là «{derived}» (suy theo quy tắc viết hoa, chưa chắc chắn); nếu chưa đúng, hãy ghi cách viết đúng vào khóa {key}"),
            Kind::UnsureCase { typed, derived, key: None } if vi => format!("«{typed}» trong câu sẽ viết là «{derived}» (suy theo quy tắc viết hoa, chưa chắc chắn); nếu chưa đúng, hãy gõ chính trường này bằng chữ thường như viết trong câu (phần đầu văn bản vẫn in hoa)"),
            Kind::UnsureCase { typed, derived, key: Some(key) } => format!("«{typed}» will read «{derived}» inside sentences (derived by the capitalisation rules, unsure); if wrong, write the right form in {key}"),
            Kind::UnsureCase { typed, derived, key: None } => format!("«{typed}» will read «{derived}» inside sentences (derived by the capitalisation rules, unsure); if wrong, type this field as written in a sentence (headers still print it upper-case)"),
            Kind::JointSigners { bodies, signers } if vi => format!("văn bản liên tịch có {bodies} cơ quan ở co_quan nhưng {signers} người ký ở nguoi_ky: mỗi cơ quan một người ký, cùng thứ tự (cơ quan chủ trì trước)"),
            Kind::JointSigners { bodies, signers } => format!("a joint paper with {bodies} bodies in co_quan but {signers} signers in nguoi_ky: one signer per body, in the same order (the lead body first)"),
            Kind::FamilyDerived { body, family } if vi => format!("«{body}»: {} (suy từ tên; muốn khác, ghi khoi)", family_vi(family)),
            Kind::FamilyDerived { body, family } => format!("«{body}»: {} (derived from the name; set khoi to choose otherwise)", family_en(family)),
            Kind::AuthorityUnlikeSigner { authority, signing, key, suggested } if vi => format!("người ký ký «{signing}» nhưng dòng thẩm quyền của quyết định là «{authority}»: hai dòng phải cùng một chủ thể; hãy ghi {key} (ví dụ «{suggested}»)"),
            Kind::AuthorityUnlikeSigner { authority, signing, key, suggested } => format!("the signer signs «{signing}» but the decision's authority line is «{authority}»: both must name the same body; give {key} (e.g. «{suggested}»)"),
            Kind::JointSymbolMissing { symbol, body, abbreviation } if vi => format!("số, ký hiệu «{symbol}» của văn bản liên tịch chưa có chữ viết tắt «{abbreviation}» của «{body}»: ký hiệu văn bản liên tịch ghi tên mọi cơ quan, cơ quan chủ trì trước"),
            Kind::JointSymbolMissing { symbol, body, abbreviation } => format!("the joint paper's number «{symbol}» lacks «{abbreviation}», the abbreviation of «{body}»: a joint paper's number names every body, the lead first"),
            Kind::FileTooLarge { file, size, limit } if vi => format!("tệp «{file}» quá lớn ({}); baocao chỉ đọc tệp tới {}", bytes(*size, true), bytes(*limit, true)),
            Kind::FileTooLarge { file, size, limit } => format!("file «{file}» is too large ({}); baocao reads files up to {}", bytes(*size, false), bytes(*limit, false)),
            Kind::Unreadable { file, error, .. } if vi => format!("không đọc được tệp «{file}»: {}", io_kind_vi(*error)),
            Kind::Unreadable { file, detail, .. } => format!("cannot read «{file}»: {detail}"),
            Kind::NotAFile(file) if vi => format!("«{file}» không phải một tệp thường (là thư mục, ống dẫn hay thiết bị); hãy ghi tên một tệp"),
            Kind::NotAFile(file) => format!("«{file}» is not a regular file (a folder, a pipe or a device); name a file"),
            Kind::NotUtf8 if vi => "tệp không phải văn bản UTF-8 (ở đây có byte không hợp lệ); hãy lưu lại tệp dạng UTF-8".into(),
            Kind::NotUtf8 => "the file is not UTF-8 text (an invalid byte here); save it as UTF-8".into(),
            Kind::TooDeep { limit } if vi => format!("YAML lồng nhau quá sâu (quá {limit} tầng ngoặc hoặc thụt lề); tệp đầu vào không cần sâu như vậy"),
            Kind::TooDeep { limit } => format!("YAML nested too deep (over {limit} levels of brackets or indentation); an input never needs that"),
            Kind::LineTooLong { limit } if vi => format!("dòng quá dài: baocao đọc mỗi dòng tới {} ký tự; hãy xuống dòng hoặc chia đoạn văn", group_digits(*limit as u64, '.')),
            Kind::LineTooLong { limit } => format!("line too long: baocao reads lines of up to {} characters; break the line or the paragraph", group_digits(*limit as u64, ',')),
            Kind::AliasBudget { values, bytes: size } if vi => format!("bí danh (*tên) ở đây lặp lại quá nhiều: mở rộng ra quá {} giá trị hoặc {} chữ; hãy viết thẳng nội dung thay vì lồng bí danh", group_digits(*values, '.'), bytes(*size, true)),
            Kind::AliasBudget { values, bytes: size } => format!("the aliases (*name) here repeat too much: expanded, they exceed {} values or {} of text; write the content out instead of nesting aliases", group_digits(*values, ','), bytes(*size, false)),
            Kind::TooManyValues { limit } if vi => format!("tệp có quá nhiều giá trị (quá {}); hãy chia danh sách lớn ra tệp danh sách (danh_sach_tep)", group_digits(*limit, '.')),
            Kind::TooManyValues { limit } => format!("the file holds too many values (over {}); move big lists into list files (danh_sach_tep)", group_digits(*limit, ',')),
            Kind::TooManyEntries { limit } if vi => format!("danh sách hoặc bảng này có quá {} mục; baocao đọc tối đa chừng ấy mục trong một danh sách", group_digits(*limit as u64, '.')),
            Kind::TooManyEntries { limit } => format!("this list or mapping has over {} entries; baocao reads at most that many in one list", group_digits(*limit as u64, ',')),
            Kind::NumberTooLarge { value, limit } if vi => format!("số «{value}» quá lớn; số liệu tối đa là {} (nếu đây là chữ, hãy đặt trong dấu nháy)", group_digits(*limit, '.')),
            Kind::NumberTooLarge { value, limit } => format!("number «{value}» is too large; figures go up to {} (if it is text, put it in quotes)", group_digits(*limit, ',')),
            Kind::TooManyDigits { value, limit } if vi => format!("số «{value}» có quá nhiều chữ số: baocao giữ đúng tới {limit} chữ số (kể cả phần thập phân); hãy làm tròn số"),
            Kind::TooManyDigits { value, limit } => format!("number «{value}» has too many digits: baocao keeps up to {limit} digits exactly (decimals included); round it"),
            Kind::RightToLeft(ch) if vi => format!("có chữ viết từ phải sang trái «{ch}» ({}); giấy tờ và phông chữ của baocao không trình bày được chữ viết từ phải sang trái", codepoint(*ch)),
            Kind::RightToLeft(ch) => format!("contains right-to-left script «{ch}» ({}); baocao's papers and fonts cannot lay out right-to-left text", codepoint(*ch)),
            Kind::BidiControl(ch) if vi => format!("chứa ký tự điều khiển hướng chữ vô hình {} (đảo chiều hiển thị chữ); hãy xóa nó", codepoint(*ch)),
            Kind::BidiControl(ch) => format!("contains the invisible text-direction control {} (it reorders what is shown); remove it", codepoint(*ch)),
            Kind::NoLetters if vi => "chỉ có dấu thanh, dấu phụ mà không có chữ cái nào; hãy gõ lại".into(),
            Kind::NoLetters => "has only combining marks and no letter; type it again".into(),
            Kind::YearOutOfRange { value, min, max } if vi => format!("ngày «{value}»: năm phải từ {min} đến {max}"),
            Kind::YearOutOfRange { value, min, max } => format!("date «{value}»: the year must be from {min} to {max}"),
            Kind::ImageTooLarge { file, width, height, limit } if vi => format!("ảnh «{file}» quá lớn ({width} × {height} điểm ảnh); baocao đọc ảnh tới {} điểm ảnh", group_digits(*limit, '.')),
            Kind::ImageTooLarge { file, width, height, limit } => format!("image «{file}» is too large ({width} × {height} pixels); baocao reads images up to {} pixels", group_digits(*limit, ',')),
            Kind::OutOfRange { value, min, max, unit } if vi => format!("giá trị «{value}» không dùng được: cần một số từ {} đến {}{}", min.replace('.', ","), max.replace('.', ","), unit_name(*unit, true)),
            Kind::OutOfRange { value, min, max, unit } => format!("value «{value}» cannot be used: expected a number from {min} to {max}{}", unit_name(*unit, false)),
            Kind::TooManyRecipients { count, limit } if vi => format!("nhóm có {} người / tập thể; mỗi nhóm khen thưởng tối đa {} — hãy chia thành nhiều nhóm", group_digits(*count as u64, '.'), group_digits(*limit as u64, '.')),
            Kind::TooManyRecipients { count, limit } => format!("the group has {} recipients; an award group holds at most {} — split it into several groups", group_digits(*count as u64, ','), group_digits(*limit as u64, ',')),
            Kind::BadColor(value) if vi => format!("màu «{value}» không hợp lệ; cần dạng RRGGBB (ví dụ C00000)"),
            Kind::BadColor(value) => format!("invalid colour «{value}»; expected RRGGBB (e.g. C00000)"),
            Kind::BoxOffSheet { name } if vi => format!("độ lệch và tỷ lệ in đẩy ô «{name}» ra hẳn ngoài tờ giấy; tờ in ra sẽ thiếu chữ — kiểm tra lại --offset / --scale / hồ sơ máy in"),
            Kind::BoxOffSheet { name } => format!("the printer offset and scale push box «{name}» wholly off the sheet, so it would print blank — check --offset / --scale / the printer profile"),
            Kind::TemplateRecursion { name, chain } if vi => format!("mẫu «{name}» tự gọi lại chính nó ({}); bỏ lời gọi {{{{> {name}}}}} vòng lặp", chain.join(" → ")),
            Kind::TemplateRecursion { name, chain } => format!("template «{name}» includes itself ({}); remove the looping {{{{> {name}}}}}", chain.join(" → ")),
            Kind::SmallestSize { file, page, recipient, field, tenths_of_pt } if vi => format!(
                "{file} trang {page} («{recipient}»): ô {field} phải thu nhỏ tới cỡ chữ nhỏ nhất ({},{} pt) — hãy soát lại bản in",
                tenths_of_pt / 10,
                tenths_of_pt % 10
            ),
            Kind::SmallestSize { file, page, recipient, field, tenths_of_pt } => format!(
                "{file} page {page} («{recipient}»): box {field} needed its smallest size ({}.{} pt) — proof-read it",
                tenths_of_pt / 10,
                tenths_of_pt % 10
            ),
            Kind::Workspace(kind) => kind.message(lang),
            Kind::HelperValue { name, helper, value } => helper_value(name, helper, value.as_deref(), vi),
            Kind::UnknownTemplate { file, suggestion } if vi => format!(
                "tệp «{file}» trong thư mục mẫu không phải tên một mẫu nào nên sẽ không được dùng; {}",
                suggestion.as_ref().map_or(format!("các mẫu: {TEMPLATE_FILES}"), |s| format!("có phải «{s}»?"))
            ),
            Kind::UnknownTemplate { file, suggestion } => format!(
                "file «{file}» in the templates folder names no template, so it would not be used; {}",
                suggestion.as_ref().map_or(format!("the templates: {TEMPLATE_FILES}"), |s| format!("did you mean «{s}»?"))
            ),
            Kind::DuplicateBox { name, first_line: Some(line) } if vi => format!("ô «{name}» đã có ở dòng {line}; mỗi ô một tên riêng — hãy đổi tên hoặc xóa một ô"),
            Kind::DuplicateBox { name, first_line: None } if vi => format!("ô «{name}» đã có ở trên; mỗi ô một tên riêng — hãy đổi tên hoặc xóa một ô"),
            Kind::DuplicateBox { name, first_line: Some(line) } => format!("box «{name}» is already defined on line {line}; each box needs its own name — rename or remove one"),
            Kind::DuplicateBox { name, first_line: None } => format!("box «{name}» is already defined above; each box needs its own name — rename or remove one"),
            Kind::YearOptionOutOfRange { value, min, max } if vi => format!("năm «{value}» không dùng được: cần một năm từ {min} đến {max}"),
            Kind::YearOptionOutOfRange { value, min, max } => format!("year «{value}» cannot be used: expected a year from {min} to {max}"),
        }
    }
}

/// What a document family means, for `check`'s note.
fn family_vi(family: &str) -> &'static str {
    match family {
        "dang" => "văn bản của Đảng, trình bày theo Hướng dẫn 36-HD/VPTW (khoi: dang)",
        "mat_tran" => {
            "văn bản của Mặt trận Tổ quốc, trình bày theo Nghị định 30/2020 với căn cứ của Mặt trận (khoi: mat_tran)"
        }
        "doan_the" => "văn bản của đoàn thể, trình bày theo Nghị định 30/2020 (khoi: doan_the)",
        _ => "văn bản hành chính nhà nước, trình bày theo Nghị định 30/2020 (khoi: nha_nuoc)",
    }
}

fn family_en(family: &str) -> &'static str {
    match family {
        "dang" => "a Party paper, laid out per Hướng dẫn 36-HD/VPTW (khoi: dang)",
        "mat_tran" => {
            "a Fatherland Front paper, laid out per Nghị định 30/2020 with the Front's legal bases (khoi: mat_tran)"
        }
        "doan_the" => "a mass organisation's paper, laid out per Nghị định 30/2020 (khoi: doan_the)",
        _ => "a state administrative paper, laid out per Nghị định 30/2020 (khoi: nha_nuoc)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_keys_get_a_suggestion() {
        let valid: Vec<String> = ["so_ky_hieu", "dia_danh", "ngay"].map(String::from).into();
        assert_eq!(suggestion("so_ki_hieu", &valid).as_deref(), Some("so_ky_hieu"));
        assert_eq!(suggestion("zzzzzz", &valid), None);
    }
}
