//! Why a run failed, as the exit status tells it: the input is wrong
//! (exit 2, every problem listed), or a file could not be read or written,
//! or a backend refused the model (exit 1) — each worded in both languages.

use std::io::ErrorKind;
use std::path::PathBuf;

use super::{Lang, Problem};

/// What the run was doing with a file when the system refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    Read,
    Write,
    /// Writing a file that exists and must not be overwritten.
    Overwrite,
}

/// Why a run failed.
#[derive(Debug)]
pub enum Failure {
    /// The input, a list file or a template is wrong (exit 2).
    Input(Vec<Problem>),
    /// A file could not be read or written (exit 1).
    Io { action: IoAction, path: PathBuf, error: std::io::Error },
    /// A backend could not turn the model into a file (exit 1); `detail`
    /// is the library's own account.
    Render { file: String, detail: String },
}

impl From<Problem> for Failure {
    fn from(problem: Problem) -> Failure {
        Failure::Input(vec![problem])
    }
}

impl Failure {
    pub fn io(action: IoAction, path: impl Into<PathBuf>, error: std::io::Error) -> Failure {
        Failure::Io { action, path: path.into(), error }
    }

    /// The process's exit status for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Input(_) => 2,
            Failure::Io { .. } | Failure::Render { .. } => 1,
        }
    }

    /// The message printed for this failure (problems end with a count).
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Failure::Input(problems) => super::render_all(problems, lang),
            Failure::Io { action, path, error } => {
                let path = path.display();
                let reason = io_reason(error, lang);
                match (action, vi) {
                    (IoAction::Read, true) => format!("lỗi: không đọc được «{path}»: {reason}\n"),
                    (IoAction::Read, false) => format!("error: cannot read «{path}»: {reason}\n"),
                    (IoAction::Write, true) => format!("lỗi: không ghi được «{path}»: {reason}\n"),
                    (IoAction::Write, false) => format!("error: cannot write «{path}»: {reason}\n"),
                    (IoAction::Overwrite, true) => format!("lỗi: «{path}» đã có; không ghi đè\n"),
                    (IoAction::Overwrite, false) => format!("error: «{path}» exists; not overwritten\n"),
                }
            }
            Failure::Render { file, detail } if vi => format!("lỗi: không dựng được «{file}»: {detail}\n"),
            Failure::Render { file, detail } => format!("error: cannot render «{file}»: {detail}\n"),
        }
    }
}

/// The system's reason in the asked language; the OS words in English.
fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error.kind() {
        ErrorKind::NotFound => "không có tệp hay thư mục này".into(),
        ErrorKind::PermissionDenied => "không có quyền".into(),
        ErrorKind::AlreadyExists => "đã có".into(),
        ErrorKind::StorageFull => "đĩa đầy".into(),
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ đọc".into(),
        ErrorKind::IsADirectory => "đây là một thư mục".into(),
        ErrorKind::NotADirectory => "một phần của đường dẫn không phải thư mục".into(),
        ErrorKind::DirectoryNotEmpty => "thư mục không trống".into(),
        ErrorKind::InvalidData => "dữ liệu không hợp lệ".into(),
        ErrorKind::Interrupted => "bị ngắt".into(),
        ErrorKind::FileTooLarge => "tệp quá lớn".into(),
        ErrorKind::ResourceBusy => "đang được dùng".into(),
        _ => match error.raw_os_error() {
            Some(code) => format!("lỗi hệ thống số {code}"),
            None => "lỗi vào/ra".into(),
        },
    }
}
