//! Why a run failed, as the exit status tells it: the input is wrong
//! (exit 2, every problem listed), or a file could not be read or written,
//! or a backend refused the model (exit 1) — each worded in both languages.

use std::io::ErrorKind;
use std::path::PathBuf;

use super::lang::Lang;
use super::problem::{render_all, Problem};
use super::render::RenderKind;

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
    /// A backend could not turn the model into a file (exit 1).
    Render { file: String, kind: RenderKind },
    /// The output folder may not be replaced now (exit 1); nothing changed.
    Output { dir: PathBuf, refusal: Refusal },
}

/// Why an output folder was left alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Another build is writing it.
    Busy,
    /// It holds files and no `manifest.json`: baocao did not write it.
    NotOurs,
    /// The path is a file, not a folder.
    NotAFolder,
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
            Failure::Io { .. } | Failure::Render { .. } | Failure::Output { .. } => 1,
        }
    }

    /// The message printed for this failure (problems end with a count).
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Failure::Input(problems) => render_all(problems, lang),
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
            Failure::Render { file, kind } if vi => format!("lỗi: không dựng được «{file}»: {}\n", kind.reason(lang)),
            Failure::Render { file, kind } => format!("error: cannot render «{file}»: {}\n", kind.reason(lang)),
            Failure::Output { dir, refusal } => {
                let dir = dir.display();
                match (refusal, vi) {
                    (Refusal::Busy, true) => format!(
                        "lỗi: một lần dựng khác đang ghi vào «{dir}»; chờ nó xong rồi chạy lại (không có gì bị thay đổi)\n"
                    ),
                    (Refusal::Busy, false) => format!(
                        "error: another build is writing «{dir}»; wait for it to finish, then run again (nothing was changed)\n"
                    ),
                    (Refusal::NotOurs, true) => format!(
                        "lỗi: thư mục «{dir}» đã có tệp và không có manifest.json, tức không phải do baocao ghi; \
                         không thay thế nó. Chọn thư mục khác bằng -o, hoặc thêm --force để thay cả thư mục\n"
                    ),
                    (Refusal::NotOurs, false) => format!(
                        "error: the folder «{dir}» holds files and no manifest.json, so baocao did not write it; \
                         it was left alone. Choose another folder with -o, or add --force to replace the whole folder\n"
                    ),
                    (Refusal::NotAFolder, true) => {
                        format!("lỗi: «{dir}» là một tệp, không phải thư mục; chọn thư mục ghi khác bằng -o\n")
                    }
                    (Refusal::NotAFolder, false) => {
                        format!("error: «{dir}» is a file, not a folder; choose another output folder with -o\n")
                    }
                }
            }
        }
    }
}

/// A path that names a pipe, a device or a link where a file is to be
/// replaced: carried inside an `io::Error` so its message can name it.
#[derive(Debug)]
pub(crate) struct NotARegularFile;

impl std::fmt::Display for NotARegularFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a regular file (a pipe, a device or a link); give the path of a file")
    }
}

impl std::error::Error for NotARegularFile {}

/// The system's reason in the asked language; the OS words in English.
fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    if error.get_ref().is_some_and(|inner| inner.is::<NotARegularFile>()) {
        return "không phải tệp thường (là ống dẫn, thiết bị hay liên kết); hãy ghi ra một tệp".to_string();
    }
    match (io_kind_vi(error.kind()), error.raw_os_error()) {
        (known, _) if known != UNKNOWN => known.to_string(),
        (_, Some(code)) => format!("lỗi hệ thống số {code}"),
        (_, None) => UNKNOWN.to_string(),
    }
}

const UNKNOWN: &str = "lỗi vào/ra";

/// The Vietnamese words for a kind of I/O failure.
pub(super) fn io_kind_vi(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::NotFound => "không có tệp hay thư mục này",
        ErrorKind::PermissionDenied => "không có quyền",
        ErrorKind::AlreadyExists => "đã có",
        ErrorKind::StorageFull => "đĩa đầy",
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ đọc",
        ErrorKind::IsADirectory => "đây là một thư mục",
        ErrorKind::NotADirectory => "một phần của đường dẫn không phải thư mục",
        ErrorKind::DirectoryNotEmpty => "thư mục không trống",
        ErrorKind::InvalidData => "dữ liệu không hợp lệ",
        ErrorKind::Interrupted => "bị ngắt",
        ErrorKind::FileTooLarge => "tệp quá lớn",
        ErrorKind::ResourceBusy => "đang được dùng",
        ErrorKind::InvalidInput => "tên không hợp lệ",
        ErrorKind::QuotaExceeded => "hết hạn mức dung lượng",
        _ => UNKNOWN,
    }
}
