//! The shape of `src/`, checked: the tree tells the pipeline (input → words
//! → documents → render → pack → app), `input/` imports only the model, text and
//! diagnostics, `words/` those and `input/`, `render/` only the model and
//! text, `documents/` never `render/`, `pack/` or `app/`, `pack/` never
//! `app/`, `doc` only `text/`; no
//! modules import each other by any path; each outside crate is used by its
//! one layer (no `clap` in the model, no `axum` outside the server); every
//! module opens with a `//!` line, and no file is over 600 lines.

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
            if marker == "super::" && text[..at].ends_with("super::") {
                // Counted with the first `super::` of the chain.
                continue;
            }
            // `super::super::x` climbs once more for each further `super::`.
            let mut base = base.clone();
            let mut rest = &text[at + marker.len()..];
            while marker == "super::" && rest.starts_with("super::") {
                base.pop();
                rest = &rest["super::".len()..];
            }
            // `use super::*` and paths inside `crate::{a, b}` name the base itself.
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
    // Its own children, named by their bare name (`list::read(…)`, `use self::list::…`).
    let prefix = format!("{module}::");
    for child in known.iter().filter_map(|k| k.strip_prefix(&prefix)).filter(|rest| !rest.contains("::")) {
        let marker = format!("{child}::");
        let used = text.match_indices(&marker).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after_self = text[..at].ends_with("self::") && !text[..at].ends_with("::self::");
            after_self || !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
        });
        if used {
            found.insert(format!("{module}::{child}"));
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
                "input" => ["input", "text", "diag", "doc"].contains(&top(&used)),
                "words" => ["words", "input", "text", "diag", "doc"].contains(&top(&used)),
                "render" => ["render", "doc", "text"].contains(&top(&used)),
                "documents" => !["render", "pack", "app"].contains(&top(&used)),
                "pack" => top(&used) != "app",
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

/// Every import between two different modules of `modules`, by name.
fn import_edges(modules: &BTreeMap<String, String>) -> BTreeSet<(String, String)> {
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .flat_map(|(module, source)| {
            imports(module, source, &known).into_iter().map(move |used| (module.clone(), used))
        })
        .collect()
}

/// The child of `parent` (`""`: the crate) that `module` is, or is inside.
fn child_of<'a>(parent: &str, module: &'a str) -> Option<&'a str> {
    let rest = if parent.is_empty() { module } else { module.strip_prefix(parent)?.strip_prefix("::")? };
    let name = rest.split("::").next().filter(|n| !n.is_empty())?;
    Some(&module[..module.len() - rest.len() + name.len()])
}

/// The import cycles among the children of every module, of any length:
/// each import counts between the two children of the nearest module that
/// holds both importer and imported (`input::read::conference` using
/// `input::list::csv` is `input::read` → `input::list`), and an import of
/// an ancestor's own items counts as the child importing its parent, so a
/// parent and a child that import each other are a cycle too. Each cycle is
/// its strongly connected set of modules.
fn cycles(edges: &BTreeSet<(String, String)>) -> Vec<Vec<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges {
        let (a, b) = if nested(from, to) {
            // Upward (`super::Item` of an ancestor) or downward into one's own child.
            let (outer, inner) = if from.len() < to.len() { (from, to) } else { (to, from) };
            let child = child_of(outer, inner).unwrap().to_string();
            if from == outer {
                (outer.clone(), child)
            } else {
                (child, outer.clone())
            }
        } else {
            let shared: Vec<&str> =
                from.split("::").zip(to.split("::")).take_while(|(x, y)| x == y).map(|(x, _)| x).collect();
            let parent = shared.join("::");
            (child_of(&parent, from).unwrap().to_string(), child_of(&parent, to).unwrap().to_string())
        };
        graph.entry(a).or_default().insert(b.clone());
        graph.entry(b).or_default();
    }
    strongly_connected(&graph).into_iter().filter(|set| set.len() > 1).collect()
}

/// Tarjan's strongly connected components of `graph`.
fn strongly_connected(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(walk: &mut Walk<'a>, node: &'a str) {
        let next = walk.index.len();
        walk.index.insert(node, next);
        walk.low.insert(node, next);
        walk.stack.push(node);
        walk.on_stack.insert(node);
        for used in &walk.graph[node] {
            if !walk.index.contains_key(used.as_str()) {
                visit(walk, used);
                let low = walk.low[used.as_str()].min(walk.low[node]);
                walk.low.insert(node, low);
            } else if walk.on_stack.contains(used.as_str()) {
                let low = walk.index[used.as_str()].min(walk.low[node]);
                walk.low.insert(node, low);
            }
        }
        if walk.low[node] == walk.index[node] {
            let mut set = Vec::new();
            while let Some(top) = walk.stack.pop() {
                walk.on_stack.remove(top);
                set.push(top.to_string());
                if top == node {
                    break;
                }
            }
            set.sort();
            walk.found.push(set);
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !walk.index.contains_key(node.as_str()) {
            visit(&mut walk, node);
        }
    }
    walk.found
}

/// Cycles known and being removed elsewhere, each with the reason: the
/// test fails when one is gone, so its line goes with it.
const PENDING: &[(&[&str], &str)] = &[];

#[test]
fn no_modules_import_each_other_by_any_path() {
    let found = cycles(&import_edges(&modules()));
    let pending: Vec<Vec<String>> =
        PENDING.iter().map(|(set, _)| set.iter().map(|m| m.to_string()).collect()).collect();
    let shown: Vec<String> = found.iter().filter(|set| !pending.contains(set)).map(|set| set.join(" → ")).collect();
    assert!(shown.is_empty(), "import cycles:\n{}", shown.join("\n"));
    let gone: Vec<String> = pending.iter().filter(|set| !found.contains(set)).map(|set| set.join(" → ")).collect();
    assert!(gone.is_empty(), "no longer a cycle, remove it from PENDING:\n{}", gone.join("\n"));
}

#[test]
fn the_cycle_finder_finds_a_planted_three_module_cycle() {
    // Test the test: three sibling modules in a ring, one reached from a
    // grandchild through `super::super::`, and a parent and child using
    // each other.
    let planted: BTreeMap<String, String> = [
        ("input", "//! x\nuse crate::text;"),
        ("input::a", "//! a\nuse super::b::thing;"),
        ("input::b", "//! b\nuse crate::input::c::deep::other;"),
        ("input::c", "//! c\npub mod deep;"),
        ("input::c::deep", "//! deep\nuse super::super::a::first;"),
        ("words", "//! words\nuse crate::words::inner::Item;"),
        ("words::inner", "//! inner\nuse super::Owned;"),
        ("text", "//! text"),
    ]
    .into_iter()
    .map(|(name, source)| (name.to_string(), source.to_string()))
    .collect();
    let found = cycles(&import_edges(&planted));
    assert!(found.contains(&vec!["input::a".to_string(), "input::b".to_string(), "input::c".to_string()]), "{found:?}");
    assert!(found.contains(&vec!["words".to_string(), "words::inner".to_string()]), "{found:?}");
    assert_eq!(found.len(), 2, "{found:?}");
}

/// Each outside crate, and the modules that may use it (with their
/// children): the command line's parser, the server's stack, the backends'
/// writers, the template engine and the list readers stay in their layer.
const CRATES: &[(&str, &[&str])] = &[
    ("clap", &["app::cli"]),
    ("axum", &["app::serve"]),
    ("tokio", &["app::serve"]),
    ("rusqlite", &["app::serve::store"]),
    ("postgres", &["app::serve::store"]),
    ("bytes", &["app::serve::store"]),
    ("argon2", &["app::serve"]),
    ("getrandom", &["app::serve"]),
    ("hayro", &["app::serve"]),
    ("krilla", &["render"]),
    ("pdf_writer", &["render"]),
    ("subsetter", &["render"]),
    ("xmp_writer", &["render"]),
    ("docx_rs", &["render"]),
    // The papers' wording, and the workspace's HTML pages (templates that escape by default).
    ("handlebars", &["words", "app::serve::pages"]),
    ("calamine", &["input"]),
    ("csv", &["input"]),
    // The list template `init` writes, and the workspace's register export.
    ("rust_xlsxwriter", &["input", "app::serve::register_xlsx"]),
];

/// Whether the code of `source` (its unit tests left out) names `krate` as
/// a path's first segment (`krate::x`, not `a::krate::x` nor `my_krate::x`).
fn uses_crate(source: &str, krate: &str) -> bool {
    let text = code(source);
    let marker = format!("{krate}::");
    text.match_indices(&marker).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == ':')
    })
}

/// Every use of an outside crate outside the modules `CRATES` allows it in.
fn misplaced_crates(modules: &BTreeMap<String, String>) -> Vec<String> {
    let mut wrong = Vec::new();
    for (module, source) in modules {
        for (krate, allowed) in CRATES {
            let inside = allowed.iter().any(|a| module == a || module.starts_with(&format!("{a}::")));
            if !inside && uses_crate(source, krate) {
                wrong.push(format!("{module} uses {krate} (only {})", allowed.join(", ")));
            }
        }
    }
    wrong
}

#[test]
fn each_outside_crate_stays_in_its_layer() {
    let wrong = misplaced_crates(&modules());
    assert!(wrong.is_empty(), "outside crates used outside their layer:\n{}", wrong.join("\n"));
}

#[test]
fn the_crate_checker_finds_a_planted_use() {
    // Test the test: a derive in the model, a server type in a backend, a
    // reader in a test module (allowed), a path through a module of the same
    // name (`list::csv::`, allowed), and the crate's own layer.
    let planted: BTreeMap<String, String> = [
        ("doc", "//! doc\n#[derive(Debug, clap::ValueEnum)]\npub enum Paper { A3 }"),
        ("render::pdf", "//! pdf\nfn f(r: axum::response::Response) {}"),
        ("words::markup", "//! markup\nfn f() {}\n#[cfg(test)]\nmod tests { use calamine::Reader; }"),
        ("documents::summary", "//! s\nuse crate::input::list::csv::read;\nfn g(x: my_csv::A) {}"),
        ("app::serve::store", "//! store\nuse rusqlite::Connection;"),
    ]
    .into_iter()
    .map(|(name, source)| (name.to_string(), source.to_string()))
    .collect();
    assert_eq!(
        misplaced_crates(&planted),
        ["doc uses clap (only app::cli)", "render::pdf uses axum (only app::serve)"],
    );
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
