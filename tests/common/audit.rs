//! openxml-audit over the DOCX files of a folder, from the virtual
//! environment `scripts/test` creates (`target/venv`, or `OPENXML_AUDIT`):
//! a missing validator fails the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::root;

/// A tool of `target/venv/bin` (or the path in `variable`).
pub fn venv_tool(variable: &str, name: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(variable) {
        return PathBuf::from(path);
    }
    let path = root().join("target/venv/bin").join(name);
    assert!(
        path.exists(),
        "{} is needed by this test and is not installed: run scripts/test (it creates target/venv with \
         `pip install openxml-audit python-docx`) or set {variable}",
        path.display()
    );
    path
}

/// Runs openxml-audit on every DOCX under `dir`; returns one line per
/// file that is not clean (errors, warnings or a verdict other than
/// "opens-clean").
pub fn audit(dir: &Path) -> Vec<String> {
    let validator = venv_tool("OPENXML_AUDIT", "openxml-audit");
    let docx = docx_files(dir);
    assert!(!docx.is_empty(), "no DOCX under {}", dir.display());
    let output = Command::new(&validator)
        .args(["-f", "microsoft365", "-m", "0", "-o", "json", "-r"])
        .arg(dir)
        .output()
        .unwrap_or_else(|err| panic!("{} could not run: {err}", validator.display()));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|err| {
        panic!("openxml-audit printed no JSON ({err}): {}", String::from_utf8_lossy(&output.stderr))
    });
    let files = report.as_array().expect("a list of files");
    assert_eq!(files.len(), docx.len(), "openxml-audit checked every DOCX: {report:#}");
    files
        .iter()
        .filter(|file| {
            file["error_count"] != 0 || file["warning_count"] != 0 || file["verdict"]["prediction"] != "opens-clean"
        })
        .map(|file| {
            let findings: Vec<String> = file["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .take(10)
                .map(|e| format!("{} {}: {}", e["part_uri"], e["path"], e["description"]))
                .collect();
            format!("{}: {} — {}", file["file"], file["verdict"]["headline"], findings.join("; "))
        })
        .collect()
}

pub fn docx_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(docx_files(&path));
        } else if path.extension().is_some_and(|e| e == "docx") {
            found.push(path);
        }
    }
    found.sort();
    found
}
