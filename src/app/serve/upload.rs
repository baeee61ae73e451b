//! Reading a multipart upload: the conference's YAML (`input`), list and
//! emblem files by name, and small text fields — each file bounded in size,
//! checked for its kind by extension and content, and kept only under a
//! plain name (never used as a path).

use std::collections::HashMap;

use axum::extract::Multipart;

use super::check::ProblemJson;
use super::stored::{plain_name, FileKind};
use crate::diag::{Kind, Lang, Location, Problem, WorkspaceKind};

/// Largest file taken (a list of thousands of recipients is far smaller).
pub(crate) const FILE_LIMIT: usize = 20 << 20;
/// Largest request body: a YAML and a few files.
pub(crate) const BODY_LIMIT: usize = 64 << 20;
/// Largest text field.
const FIELD_LIMIT: usize = 4096;

/// What an upload carried.
#[derive(Debug, Default)]
pub(crate) struct Upload {
    /// The `input` part: the conference's YAML.
    pub input: Option<String>,
    /// Files by their plain names.
    pub files: Vec<(String, Vec<u8>)>,
    pub fields: HashMap<String, String>,
}

fn problem(file: &str, kind: WorkspaceKind) -> ProblemJson {
    let problem = Problem {
        location: Box::new(Location::file(file)),
        path: String::new(),
        kind: Kind::Workspace(Box::new(kind)),
    };
    ProblemJson::new(&problem, Lang::Vi)
}

fn kinds_named(kinds: &[FileKind]) -> String {
    kinds
        .iter()
        .map(|kind| match kind {
            FileKind::Yaml => ".yaml",
            FileKind::Csv => ".csv",
            FileKind::Xlsx => ".xlsx",
            FileKind::Png => ".png",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads `multipart`, taking files of the `accepted` kinds; every refused
/// part is a problem, and any problem refuses the whole upload.
pub(crate) async fn read(mut multipart: Multipart, accepted: &[FileKind]) -> Result<Upload, Vec<ProblemJson>> {
    let mut upload = Upload::default();
    let mut problems = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(err) => {
                // The library's words are for the log; the clerk is told to send again.
                eprintln!("baocao serve: upload: {}", err.body_text());
                problems.push(problem("", WorkspaceKind::UploadBroken));
                break;
            }
        };
        let part = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let is_file = file_name.is_some() || (part != "input" && FileKind::of(&part).is_some());
        let limit = if is_file || part == "input" { FILE_LIMIT } else { FIELD_LIMIT };
        let shown = file_name.clone().unwrap_or_else(|| part.clone());
        let bytes = match read_bounded(field, limit).await {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                problems.push(problem(
                    &shown,
                    WorkspaceKind::UploadTooLarge { name: shown.clone(), limit_mb: (limit >> 20) as u64 },
                ));
                continue;
            }
            Err(detail) => {
                eprintln!("baocao serve: upload of «{shown}»: {detail}");
                problems.push(problem(&shown, WorkspaceKind::UploadBroken));
                break;
            }
        };
        if part == "input" {
            // Bytes that are not UTF-8: the same located problem as `check` gives.
            match crate::input::bounds::utf8(bytes, &shown) {
                Ok(text) => upload.input = Some(text),
                Err(problem) => problems.push(ProblemJson::new(&problem, Lang::Vi)),
            }
            continue;
        }
        if !is_file {
            upload.fields.insert(part, String::from_utf8_lossy(&bytes).trim().to_string());
            continue;
        }
        let Some(name) = plain_name(&shown) else {
            problems.push(problem(&shown, WorkspaceKind::UploadName(shown.clone())));
            continue;
        };
        match FileKind::of(&name) {
            Some(kind) if accepted.contains(&kind) && kind != FileKind::Yaml && kind.matches(&bytes) => {
                upload.files.retain(|(existing, _)| *existing != name);
                upload.files.push((name, bytes));
            }
            _ => problems.push(problem(
                &name,
                WorkspaceKind::UploadType { name: name.clone(), expected: kinds_named(accepted) },
            )),
        }
    }
    if problems.is_empty() {
        Ok(upload)
    } else {
        Err(problems)
    }
}

/// The part's bytes, or none when it passes `limit` (the rest is not read).
async fn read_bounded(mut field: axum::extract::multipart::Field<'_>, limit: usize) -> Result<Option<Vec<u8>>, String> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|e| e.body_text())? {
        if bytes.len() + chunk.len() > limit {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Some(bytes))
}
