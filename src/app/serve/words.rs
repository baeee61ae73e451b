//! A problem as the form says it: where, in words ("ở người thứ 2 của
//! nhóm khen 1"), and what, with each key named by the label the form
//! gives it — never a key path or a key name. The YAML tab and `check`
//! keep the message with its path.

use crate::diag::{Expect, Kind, Lang, Problem};

use super::fields as form;

/// The problem in the form's words, in `lang`.
pub(crate) fn said(problem: &Problem, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut place = place(&problem.path, vi);
    let what = match &problem.kind {
        // A whole section missing: said once, not "Phần Người ký: chưa nhập «Người ký»".
        Kind::MissingKey(key) if form::section_title(key).is_some() => {
            place = None;
            let title = form::section_title(key).unwrap_or_default();
            if vi { format!("chưa điền phần «{title}»") } else { format!("section «{title}» is not filled in") }
        }
        Kind::MissingKey(key) if vi => format!("chưa nhập «{}»", label_at(&problem.path, key)),
        Kind::MissingKey(key) => format!("«{}» is not filled in", label_at(&problem.path, key)),
        Kind::UnknownKey { key, .. } if vi => format!("có mục «{key}» mà biểu mẫu không có; xem ở thẻ YAML"),
        Kind::UnknownKey { key, .. } => format!("holds «{key}», which the form does not show; see the YAML tab"),
        Kind::BadDate(typed) if vi => {
            format!("«{typed}» không phải ngày có thật; viết ngày/tháng/năm, ví dụ 21/08/2018")
        }
        Kind::BadDate(typed) => format!("«{typed}» is not a real date; write day/month/year, e.g. 21/08/2018"),
        Kind::Expected(Expect::Number) if vi => "cần một số không âm, viết như thường lệ: 1.850 hoặc 85,5".into(),
        Kind::Expected(Expect::Number) => "expected a non-negative number, written 1.850 or 85,5".into(),
        Kind::Expected(Expect::Text) if vi => "cần chữ".into(),
        Kind::Expected(Expect::List) if vi => "cần một danh sách (mỗi dòng một mục)".into(),
        Kind::ListSource if vi => "chưa có danh sách khen: nhập từng dòng, hoặc tải một tệp Excel (chỉ một trong hai)".into(),
        Kind::EmptyReport if vi => {
            "báo cáo chưa có gì để viết: hãy nhập ít nhất một phần Nội dung, một chỉ tiêu có số liệu, hoặc một nhóm khen".into()
        }
        Kind::BadChoice { value, .. } if vi => format!("«{value}» không có trong các lựa chọn; chọn lại trong ô"),
        Kind::BadChoice { value, .. } => format!("«{value}» is not one of the choices; choose again in the box"),
        other => without_keys(&other.message(lang), &problem.path),
    };
    match place {
        Some(place) if vi => format!("{}: {what}", capitalised(&place)),
        Some(place) => format!("{}: {what}", capitalised(&place)),
        None => capitalised(&what),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// The form's label of field `key` of the record at `path`.
fn label_at(path: &str, key: &str) -> String {
    form::label_at(path, key).map_or_else(|| label(key), str::to_string)
}

/// The form's label of `key` (its last part), or a plain word for it.
fn label(key: &str) -> String {
    let last = key.rsplit('.').next().unwrap_or(key);
    form::label_of(key).or_else(|| form::label_of(last)).map_or_else(|| last.replace('_', " "), str::to_string)
}

/// Every key name of a message (`noi_dung.ket_qua`, «ho_ten») said by its
/// label: a run of lowercase letters, digits, dots and brackets with an
/// underscore in it is a key, never a word a clerk wrote.
fn without_keys(message: &str, path: &str) -> String {
    // A list's own keys are said by the list's labels ("don_vi" is a recipient's unit there).
    let in_list = path.contains("danh_sach");
    let label = |key: &str| match form::label_at(if in_list { "khen_thuong[0].danh_sach[0]" } else { path }, key) {
        Some(found) => found.to_string(),
        None => label(key),
    };
    // "cột 3 «Họ tên» → ten": a list's column read as a field, said by its label.
    let mut message = message.to_string();
    while let Some(at) = message.find(" → ") {
        let start = at + " → ".len();
        let end =
            message[start..].find(|c: char| !(c.is_ascii_lowercase() || c == '_')).map_or(message.len(), |e| start + e);
        let key = message[start..end].to_string();
        let field = label(&key);
        message.replace_range(at..end, &format!(" là «{field}»"));
    }
    let message = message.as_str();
    let is_key_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '[' | ']');
    let mut out = String::new();
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String| {
        let trimmed = token.trim_end_matches('.');
        if trimmed.contains('_') && trimmed.starts_with(|c: char| c.is_ascii_lowercase()) {
            out.push_str(&label(trimmed.split('[').next().unwrap_or(trimmed)));
            out.push_str(&token[trimmed.len()..]);
        } else {
            out.push_str(token);
        }
        token.clear();
    };
    for c in message.chars() {
        if is_key_char(c) {
            token.push(c);
        } else {
            flush(&mut token, &mut out);
            out.push(c);
        }
    }
    flush(&mut token, &mut out);
    out
}

/// Where `path` is, in words: "người thứ 2 của nhóm khen 1", "phần Văn bản".
fn place(path: &str, vi: bool) -> Option<String> {
    let mut steps: Vec<(String, Option<usize>)> = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, index) = match part.split_once('[') {
            Some((key, index)) => (key, index.trim_end_matches(']').parse::<usize>().ok()),
            None => (part, None),
        };
        steps.push((key.to_string(), index));
    }
    let mut words: Vec<String> = Vec::new();
    for (key, index) in &steps {
        let n = index.map(|i| i + 1);
        let word = match (key.as_str(), n, vi) {
            ("khen_thuong", Some(n), true) => format!("nhóm khen {n}"),
            ("khen_thuong", Some(n), false) => format!("award group {n}"),
            ("danh_sach", Some(n), true) => format!("người thứ {n} trong danh sách"),
            ("danh_sach", Some(n), false) => format!("recipient {n} of the list"),
            ("dai_bieu", Some(n), true) => format!("đại biểu thứ {n}"),
            ("dai_bieu", Some(n), false) => format!("delegate {n}"),
            ("nguoi_trao", Some(n), true) => format!("đại biểu lên trao cho nhóm khen {n}"),
            ("nguoi_trao", Some(n), false) => format!("presenter of award group {n}"),
            ("nghi_trinh", Some(n), true) => format!("dòng {n} của chương trình hội nghị"),
            ("nghi_trinh", Some(n), false) => format!("line {n} of the conference agenda"),
            ("chi_tieu", Some(n), true) => format!("chỉ tiêu thứ {n}"),
            ("chi_tieu", Some(n), false) => format!("indicator {n}"),
            ("ket_qua_nam", Some(n), true) => format!("dòng {n} của bảng kết quả từng năm"),
            ("ket_qua_nam", Some(n), false) => format!("row {n} of the yearly results"),
            ("co_quan", Some(n), true) => format!("cơ quan thứ {n}"),
            ("co_quan", Some(n), false) => format!("body {n}"),
            ("nguoi_ky", Some(n), true) => format!("người ký của cơ quan thứ {n}"),
            ("nguoi_ky", Some(n), false) => format!("signer of body {n}"),
            ("chuong_trinh", Some(n), true) => format!("chương trình thứ {n}"),
            ("chuong_trinh", Some(n), false) => format!("programme {n}"),
            ("don_vi_con", Some(n), true) => format!("đơn vị con thứ {n}"),
            ("don_vi_con", Some(n), false) => format!("sub-unit {n}"),
            (_, Some(n), true) => format!("dòng {n} của «{}»", label(key)),
            (_, Some(n), false) => format!("line {n} of «{}»", label(key)),
            _ => continue,
        };
        words.push(word);
    }
    // A figure is keyed by its indicator's code, which the clerk gave it.
    if let Some((code, _)) = steps.iter().skip_while(|(key, _)| key != "tong_hop").nth(1) {
        return Some(if vi {
            format!("tổng giai đoạn của chỉ tiêu «{code}»")
        } else {
            format!("period total of «{code}»")
        });
    }
    if let (Some(("ket_qua_nam", _)), Some((code, None))) = (steps.first().map(|(k, i)| (k.as_str(), i)), steps.get(1))
    {
        words.push(if vi { format!("cột «{code}»") } else { format!("column «{code}»") });
    }
    // The record's own section when no list names the place.
    if words.is_empty() {
        let section = steps.first().map(|(key, _)| key.as_str())?;
        let title = form::section_title(section).or_else(|| form::label_of(section))?;
        return Some(if vi { format!("phần {title}") } else { format!("section {title}") });
    }
    words.reverse();
    Some(words.join(if vi { " của " } else { " of " }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(path: &str, kind: Kind) -> Problem {
        Problem { location: Box::default(), path: path.to_string(), kind }
    }

    #[test]
    fn the_form_says_where_and_what_without_keys() {
        let said_vi = |path: &str, kind: Kind| said(&problem(path, kind), Lang::Vi);
        assert_eq!(
            said_vi("khen_thuong[0].danh_sach[1]", Kind::MissingKey("ten".into())),
            "Người thứ 2 trong danh sách của nhóm khen 1: chưa nhập «Tên tập thể / họ tên»"
        );
        assert_eq!(said_vi("nguoi_ky", Kind::MissingKey("ho_ten".into())), "Phần Người ký: chưa nhập «Họ và tên»");
        let presenter = said_vi("hoi_nghi.nguoi_trao[1]", Kind::Expected(Expect::Number));
        assert!(presenter.starts_with("Đại biểu lên trao cho nhóm khen 2: "), "{presenter}");
        assert_eq!(
            said_vi("hoi_nghi.nghi_trinh[2]", Kind::MissingKey("noi_dung".into())),
            "Dòng 3 của chương trình hội nghị: chưa nhập «Nội dung»"
        );
        assert_eq!(
            said_vi("nguoi_ky[1]", Kind::MissingKey("ho_ten".into())),
            "Người ký của cơ quan thứ 2: chưa nhập «Họ và tên»"
        );
        assert_eq!(
            said_vi("co_quan[1]", Kind::MissingKey("ten".into())),
            "Cơ quan thứ 2: chưa nhập «Tên cơ quan ban hành»"
        );
        assert_eq!(
            said_vi("chuong_trinh[1]", Kind::MissingKey("so".into())),
            "Chương trình thứ 2: chưa nhập «Số chương trình»"
        );
        assert_eq!(
            said_vi("chuong_trinh[0].ngay", Kind::BadDate("31/04/2018".into())),
            "Chương trình thứ 1: «31/04/2018» không phải ngày có thật; viết ngày/tháng/năm, ví dụ 21/08/2018"
        );
        assert_eq!(said_vi("nguoi_ky", Kind::MissingKey("nguoi_ky".into())), "Chưa điền phần «Người ký»");
        assert_eq!(
            said_vi("ket_qua_nam[1].clb", Kind::Expected(Expect::Number)),
            "Cột «clb» của dòng 2 của bảng kết quả từng năm: cần một số không âm, viết như thường lệ: 1.850 hoặc 85,5"
        );
        assert!(
            said_vi("tong_hop.clb", Kind::Expected(Expect::Number)).starts_with("Tổng giai đoạn của chỉ tiêu «clb»: ")
        );
        assert_eq!(
            said_vi("van_ban.ngay", Kind::BadDate("30/02/2018".into())),
            "Phần Văn bản: «30/02/2018» không phải ngày có thật; viết ngày/tháng/năm, ví dụ 21/08/2018"
        );
        for (path, kind) in [
            ("khen_thuong[0].danh_sach[1]", Kind::MissingKey("ho_ten".into())),
            ("hoi_nghi.dai_bieu[0]", Kind::MissingKey("chuc_vu".into())),
            ("tong_hop.clb", Kind::Expected(Expect::Number)),
            ("ket_qua_nam[1].clb", Kind::Expected(Expect::Number)),
            ("", Kind::EmptyReport),
            (
                "khen_thuong[0].danh_sach_tep",
                Kind::List(crate::diag::ListKind::Header {
                    row: 1,
                    columns: vec![crate::diag::ColumnUse {
                        column: "C".into(),
                        title: "Đơn vị".into(),
                        key: "don_vi".into(),
                    }],
                    numbering: Vec::new(),
                }),
            ),
        ] {
            let text = said_vi(path, kind);
            assert!(!text.contains('[') && !text.contains('_') && !text.contains('→'), "{text}");
        }
    }
}
