//! The routes written in the server's source (`.route("PATH", get(…).post(…))`),
//! read as text: the access table's test compares its rules with them, and
//! tests/serve_units.rs (which includes this file by its path) sweeps them,
//! so a route added tomorrow is checked and swept without a list kept by hand.

use std::path::Path;

/// Every `(METHOD, PATH)` routed in the `.rs` files under `dir` (the access
/// table itself and this reader left out).
pub(crate) fn routes_in_source(dir: &Path) -> Vec<(String, String)> {
    let mut paths = vec![dir.to_path_buf()];
    let mut found = Vec::new();
    while let Some(path) = paths.pop() {
        if path.is_dir() {
            paths.extend(
                std::fs::read_dir(&path).expect("the server's source").map(|entry| entry.expect("an entry").path()),
            );
            continue;
        }
        let own = path.ends_with("access.rs") || path.ends_with("route_scan.rs");
        if path.extension().is_none_or(|e| e != "rs") || own {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        for (at, _) in text.match_indices(".route(\"") {
            let rest = &text[at + ".route(\"".len()..];
            let Some((pattern, rest)) = rest.split_once('"') else { continue };
            // The handlers: up to the end of the line.
            let handlers = rest.lines().next().unwrap_or_default();
            for method in ["get", "post", "put", "delete"] {
                let called = handlers.match_indices(&format!("{method}(")).any(|(at, _)| {
                    let before = if at == 0 { b' ' } else { handlers.as_bytes()[at - 1] };
                    !(before.is_ascii_alphanumeric() || before == b'_')
                });
                if called {
                    found.push((method.to_uppercase(), pattern.to_string()));
                }
            }
        }
    }
    found.sort();
    found
}
