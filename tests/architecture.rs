//! The shape of `src/`, checked: the tree tells the pipeline (input → words
//! → documents → render → app), `render/` imports only the model and text,
//! `documents/` never imports `render/` or `app/`, `doc` imports only
//! `text/`, no two modules import each other, every module opens with a
//! `//!` line, and no file is over 600 lines.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module of `src/` (`render::flow`, `input`) with its source.
fn modules() -> BTreeMap<String, String> {
    let src = common::root().join("src");
    let mut found = BTreeMap::new();
    collect(&src, &src, &mut found);
    found
}

fn collect(src: &Path, dir: &Path, found: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(src, &path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(src).unwrap().with_extension("");
            let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            found.insert(parts.join("::"), std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The code of a module without its unit tests.
fn code(source: &str) -> &str {
    source.split("#[cfg(test)]").next().unwrap()
}

/// Modules `module` names through `crate::` or `super::` paths, resolved to
/// the longest known module.
fn imports(module: &str, source: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let parent: Vec<&str> = module.split("::").collect();
    let mut found = BTreeSet::new();
    let text = code(source);
    for (marker, base) in [("crate::", Vec::new()), ("super::", parent[..parent.len().saturating_sub(1)].to_vec())] {
        for (at, _) in text.match_indices(marker) {
            // `use super::*` and paths inside `crate::{a, b}` name the base itself.
            let rest = &text[at + marker.len()..];
            let path: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_' || *c == ':').collect();
            let mut parts: Vec<&str> = base.clone();
            parts.extend(path.split("::").filter(|p| !p.is_empty()));
            let groups: Vec<String> = if rest[path.len()..].starts_with('{') {
                let inner: String = rest[path.len() + 1..].chars().take_while(|c| *c != '}').collect();
                inner
                    .split(',')
                    .map(|item| item.trim().split("::").next().unwrap_or("").to_string())
                    .filter(|item| !item.is_empty())
                    .collect()
            } else {
                vec![String::new()]
            };
            for group in groups {
                let mut candidate = parts.clone();
                if !group.is_empty() {
                    candidate.push(&group);
                }
                while !candidate.is_empty() {
                    let name = candidate.join("::");
                    if known.contains(&name) {
                        if name != module {
                            found.insert(name);
                        }
                        break;
                    }
                    candidate.pop();
                }
            }
        }
    }
    found
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap()
}

/// Whether `parent` contains `child` (a module may use its own children and
/// its parent: that is one module's inside, not two modules).
fn nested(a: &str, b: &str) -> bool {
    a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"))
}

#[test]
fn the_layers_import_only_what_the_pipeline_allows() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let mut wrong = Vec::new();
    for (module, source) in &modules {
        for used in imports(module, source, &known) {
            let allowed = match top(module) {
                "render" => ["render", "doc", "text"].contains(&top(&used)),
                "documents" => !["render", "app"].contains(&top(&used)),
                "doc" => top(&used) == "text",
                "text" => top(&used) == "text",
                "diag" => top(&used) == "diag",
                _ => true,
            };
            if !allowed {
                wrong.push(format!("{module} imports {used}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the pipeline:\n{}", wrong.join("\n"));
}

#[test]
fn no_two_modules_import_each_other() {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let edges: BTreeSet<(String, String)> = modules
        .iter()
        .flat_map(|(module, source)| {
            imports(module, source, &known).into_iter().map(move |used| (module.clone(), used))
        })
        .filter(|(a, b)| !nested(a, b))
        .collect();
    let mut cycles: Vec<String> = edges
        .iter()
        .filter(|(a, b)| a < b && edges.contains(&(b.clone(), a.clone())))
        .map(|(a, b)| format!("{a} <-> {b}"))
        .collect();
    // The same between the layers (folders).
    let layers: BTreeSet<(&str, &str)> = edges.iter().map(|(a, b)| (top(a), top(b))).filter(|(a, b)| a != b).collect();
    cycles.extend(
        layers.iter().filter(|(a, b)| a < b && layers.contains(&(b, a))).map(|(a, b)| format!("{a}/ <-> {b}/")),
    );
    assert!(cycles.is_empty(), "modules importing each other:\n{}", cycles.join("\n"));
}

#[test]
fn every_module_says_what_it_owns_and_stays_short() {
    let mut wrong = Vec::new();
    for (module, source) in modules() {
        if !source.starts_with("//!") && !source.starts_with("#![") {
            wrong.push(format!("{module}: does not open with a //! line"));
        }
        let lines = source.lines().count();
        if lines > 600 {
            wrong.push(format!("{module}: {lines} lines (over 600)"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_the_imports_it_checks() {
    // A guard against a checker that finds nothing: the flow layout is known
    // to use the frame, and the PDF backend the flow.
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let flow = imports("render::flow", &modules["render::flow"], &known);
    assert!(flow.contains("render::frame") && flow.contains("doc"), "{flow:?}");
    let pdf = imports("render::pdf", &modules["render::pdf"], &known);
    assert!(pdf.contains("render::flow"), "{pdf:?}");
}
