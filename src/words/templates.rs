//! The handlebars templates that word the documents: built-in ones compiled
//! from `templates/`, overridden by name from a `--templates` folder, and
//! the Vietnamese helpers they call (`ngay`, `so`, `hoa`, `doan`).
//!
//! Strict mode: a field a template names that the data lacks is an error
//! with the template's name, line and column. Every `{{value}}` is escaped
//! for the markup ([`crate::words::markup`]), so data never becomes markup.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use handlebars::{Handlebars, RenderErrorReason};
use serde::Serialize;

use crate::diag::{Kind, Location, Problem};
use crate::words::helpers::{register_helpers, HelperMisuse};
use crate::words::{markup, template_files};

pub use crate::words::template_files::{BUILT_IN, CERTIFICATE_LAYOUT};

/// The registry with every template and helper, ready to render.
pub struct Templates {
    registry: Handlebars<'static>,
    /// Where each template came from and its text, for messages.
    origins: Vec<(String, String, String)>,
    /// The certificate layout: where it came from, and its text.
    pub layout: (String, String),
    /// Whether any template names the recipients (`danh_sach`): when none
    /// does, they are left out of the data templates are rendered with.
    names_recipients: bool,
}

/// The built-in templates, compiled once per process: a server renders a
/// preview on every edit, and compiling them took as long as the report.
static BUILT_IN_COMPILED: OnceLock<Arc<Templates>> = OnceLock::new();

impl Templates {
    /// Built-in templates, each replaced by `DIR/<name>.hbs` when `dir` has it.
    pub fn load(dir: Option<&Path>) -> Result<Arc<Templates>, Vec<Problem>> {
        match dir {
            Some(dir) => Templates::compile(Some(dir)).map(Arc::new),
            None => match BUILT_IN_COMPILED.get() {
                Some(compiled) => Ok(Arc::clone(compiled)),
                None => {
                    let compiled = Arc::new(Templates::compile(None)?);
                    Ok(Arc::clone(BUILT_IN_COMPILED.get_or_init(|| compiled)))
                }
            },
        }
    }

    fn compile(dir: Option<&Path>) -> Result<Templates, Vec<Problem>> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(markup::escape);
        register_helpers(&mut registry);
        let mut custom = match dir {
            // The folder's files are read through the one way in for files.
            Some(dir) => {
                let known: Vec<&'static str> = BUILT_IN.iter().map(|(name, _)| *name).collect();
                template_files::read_folder(&crate::input::Disk::new(dir), &dir.display().to_string(), &known)?
            }
            None => Default::default(),
        };
        let mut problems = Vec::new();
        let mut origins = Vec::new();
        let mut layout = (String::new(), String::new());
        for (file_name, built_in) in BUILT_IN {
            let name = file_name.trim_end_matches(".hbs");
            let (origin, text) = custom
                .remove(file_name)
                .unwrap_or_else(|| (format!("templates/{file_name} (tích hợp sẵn)"), built_in.to_string()));
            if *file_name == CERTIFICATE_LAYOUT {
                layout = (origin, text);
                continue;
            }
            if let Err(err) = registry.register_template_string(name, &text) {
                let detail = err.reason().to_string();
                problems.push(template_problem(name, &origin, &text, err.pos(), detail));
            }
            origins.push((name.to_string(), origin, text));
        }
        let named: Vec<(String, String)> = origins.iter().map(|(n, _, t)| (n.clone(), t.clone())).collect();
        if let Some(chain) = find_recursion(&named) {
            // The loop's first node, a template or one of its inline
            // partials ("tin-bai/r"): its file, and the call closing the loop.
            let (template, inline) = chain[0].split_once('/').map_or((chain[0].as_str(), None), |(t, i)| (t, Some(i)));
            let (origin, text) =
                origins.iter().find(|(n, _, _)| n == template).map_or(("", ""), |(_, o, t)| (o.as_str(), t.as_str()));
            let from = inline.and_then(|inline| template_files::inline_start(text, inline)).unwrap_or(0);
            let target = chain[1].rsplit('/').next().unwrap_or_default().trim_start_matches("(…)");
            let target = if target.is_empty() { "(" } else { target };
            let position = template_files::call_position(text, from, target);
            let mut problem = template_problem(template, origin, text, position, String::new());
            problem.kind = Kind::TemplateRecursion { name: chain[0].clone(), chain };
            problems.push(problem);
        }
        if problems.is_empty() {
            // A mention anywhere (`each`, `lookup`, a comment) counts.
            let names_recipients = origins.iter().any(|(_, _, text)| text.contains("danh_sach"));
            Ok(Templates { registry, origins, layout, names_recipients })
        } else {
            Err(problems)
        }
    }

    /// Renders template `name` with `data` into markup text.
    pub fn render(&self, name: &str, data: &impl Serialize) -> Result<String, Problem> {
        let _hidden = crate::input::RecipientsHidden::new(!self.names_recipients);
        self.registry.render(name, data).map_err(|err| {
            let (origin, text) = self
                .origins
                .iter()
                .find(|(n, _, _)| n == name)
                .map_or((name, ""), |(_, origin, text)| (origin.as_str(), text.as_str()));
            let position = err.line_no.zip(err.column_no);
            let mut problem = template_problem(name, origin, text, position, String::new());
            problem.kind = render_kind(name, &err);
            problem
        })
    }
}

/// What a clerk reads of a failed render of template `name`: a field
/// the data lacks, a helper given what it cannot print, else the
/// template's error as handlebars words it.
pub(crate) fn render_kind(name: &str, err: &handlebars::RenderError) -> Kind {
    match err.reason() {
        RenderErrorReason::MissingVariable(Some(field)) => {
            Kind::TemplateField { name: name.to_string(), field: field.clone() }
        }
        RenderErrorReason::NestedError(nested) => match nested.downcast_ref::<HelperMisuse>() {
            Some(misuse) => Kind::HelperValue {
                name: name.to_string(),
                helper: misuse.helper.to_string(),
                value: misuse.value.clone(),
            },
            None => Kind::Template { name: name.to_string(), detail: err.reason().to_string() },
        },
        other => Kind::Template { name: name.to_string(), detail: other.to_string() },
    }
}

pub(crate) fn template_problem(
    name: &str,
    origin: &str,
    text: &str,
    position: Option<(usize, usize)>,
    detail: String,
) -> Problem {
    let file = origin.split(" (").next().unwrap_or(origin);
    Problem {
        location: Location {
            file: file.to_string(),
            line: position.map(|p| p.0),
            col: position.map(|p| p.1),
            excerpt: position.and_then(|(line, _)| text.lines().nth(line.saturating_sub(1))).map(str::to_string),
            cell: None,
        }
        .into(),
        path: String::new(),
        kind: Kind::Template { name: name.to_string(), detail },
    }
}

/// The partials a template text names (`{{> name}}`, `{{#> name}}`), as
/// written; a name given by an expression (`{{> (lookup …)}}`) is named
/// `(`, which no template is.
fn partials(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for piece in text.split("{{").skip(1) {
        let piece = piece.trim_start_matches(['~', '{']).trim_start();
        let Some(rest) = piece.strip_prefix('>').or_else(|| piece.strip_prefix("#>")) else { continue };
        let rest = rest.trim_start();
        let name: String = if rest.starts_with('(') {
            "(".into()
        } else {
            let rest = rest.trim_start_matches(['"', '\'']);
            rest.chars().take_while(|c| !c.is_whitespace() && !matches!(c, '}' | '"' | '\'' | '~')).collect()
        };
        if !name.is_empty() {
            names.push(name);
        }
    }
    names
}

/// The inline partials a template defines (`{{#*inline "name"}}`): their
/// names and bodies, and the template's text outside them.
fn inline_partials(text: &str) -> (Vec<(String, String)>, String) {
    let mut inlines = Vec::new();
    let mut outside = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{#*inline") {
        outside.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(open_end) = after.find("}}") else { break };
        let name: String = after["{{#*inline".len()..open_end].trim().trim_matches(['"', '\'', '~']).trim().to_string();
        let body_and_rest = &after[open_end + 2..];
        let close = body_and_rest.find("{{/inline").unwrap_or(body_and_rest.len());
        inlines.push((name, body_and_rest[..close].to_string()));
        rest = body_and_rest[close..].split_once("}}").map_or("", |(_, r)| r);
    }
    outside.push_str(rest);
    (inlines, outside)
}

/// A chain of templates that includes itself (`a → b → a`), among
/// `templates` (name, text) and their inline partials; handlebars checks
/// only a template naming itself, and a longer loop overflows the stack.
/// A partial named by an expression could loop too, so it counts as one.
pub(crate) fn find_recursion(templates: &[(String, String)]) -> Option<Vec<String>> {
    use std::collections::HashMap;
    // Nodes: each template, and each inline partial as "template/name".
    let mut edges: HashMap<String, Vec<String>> = HashMap::new();
    for (name, text) in templates {
        let (inlines, outside) = inline_partials(text);
        let local: Vec<&String> = inlines.iter().map(|(n, _)| n).collect();
        let resolve = |target: String| {
            if local.contains(&&target) {
                format!("{name}/{target}")
            } else {
                target
            }
        };
        edges.insert(name.clone(), partials(&outside).into_iter().map(resolve).collect());
        for (inline, body) in &inlines {
            edges.insert(format!("{name}/{inline}"), partials(body).into_iter().map(resolve).collect());
        }
    }
    // Depth-first search for a back edge, without recursion.
    let mut done: Vec<String> = Vec::new();
    let mut names: Vec<&String> = edges.keys().collect();
    names.sort();
    for start in names {
        let mut path: Vec<(String, usize)> = vec![(start.clone(), 0)];
        while let Some((node, next)) = path.last().cloned() {
            let targets = edges.get(&node).cloned().unwrap_or_default();
            if next >= targets.len() {
                done.push(node);
                path.pop();
                continue;
            }
            path.last_mut().expect("a node").1 += 1;
            let target = &targets[next];
            if target == "(" {
                let mut chain: Vec<String> = path.iter().map(|(n, _)| n.clone()).collect();
                chain.push("(…)".into());
                return Some(chain);
            }
            if let Some(at) = path.iter().position(|(n, _)| n == target) {
                let mut chain: Vec<String> = path[at..].iter().map(|(n, _)| n.clone()).collect();
                chain.push(target.clone());
                return Some(chain);
            }
            if edges.contains_key(target) && !done.contains(target) {
                path.push((target.clone(), 0));
            }
        }
    }
    None
}

/// Writes the built-in templates into `dir` for a clerk to edit; existing
/// files are left alone and named in the returned list.
pub fn export(dir: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    std::fs::create_dir_all(dir)?;
    let (mut written, mut kept) = (Vec::new(), Vec::new());
    for (file_name, text) in BUILT_IN {
        let path = dir.join(file_name);
        if path.exists() {
            kept.push(path);
        } else {
            std::fs::write(&path, text)?;
            written.push(path);
        }
    }
    Ok((written, kept))
}

/// A registry for plain text (certificate boxes): strict, the same
/// helpers, nothing escaped.
pub fn plain_registry() -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(handlebars::no_escape);
    register_helpers(&mut registry);
    registry
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use serde_json::Value as Json;

    fn render(template: &str, data: Json) -> Result<String, String> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(markup::escape);
        register_helpers(&mut registry);
        registry.render_template(template, &data).map_err(|e| e.to_string())
    }

    #[test]
    fn helpers_write_vietnamese_forms() {
        let out = render(
            "{{ngay d}} | {{so n}} | {{so x}} | {{hoa t}}",
            json!({"d": "2020-01-05", "n": "175726", "x": 3.7, "t": "Ủy ban nhân dân"}),
        )
        .unwrap();
        assert_eq!(out, "ngày 05 tháng 01 năm 2020 | 175.726 | 3,7 | ỦY BAN NHÂN DÂN");
    }

    #[test]
    fn values_are_escaped_for_the_markup() {
        let out = render("{{ten}}", json!({"ten": "# **A** ::b"})).unwrap();
        assert_eq!(markup::plain_text(&out), "# **A** ::b");
        assert_eq!(out, "\\# \\*\\*A\\*\\* \\:\\:b");
    }

    #[test]
    fn narrative_figures_come_from_the_data() {
        let out = render(
            "{{doan t}}",
            json!({"t": "tổ chức {{cuoc}} cuộc, *hơn* {{tin gon}} tin (năm 2017: {{tin 2017}}) \\{{x}}",
                   "so_lieu": {"cuoc": {"tong": "1.766", "gon": "1,7 nghìn", "nam": {}},
                               "tin": {"tong": "4.123", "gon": "4,1 nghìn", "nam": {"2017": "812"}}}}),
        )
        .unwrap();
        assert_eq!(markup::plain_text(&out), "tổ chức 1.766 cuộc, hơn 4,1 nghìn tin (năm 2017: 812) {{x}}");
    }

    #[test]
    fn strict_mode_refuses_a_missing_field() {
        let err = render("x {{khong_co}}", json!({})).unwrap_err();
        assert!(err.contains("khong_co"), "{err}");
    }

    #[test]
    fn loops_of_partials_are_found() {
        let named = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect()
        };
        assert_eq!(find_recursion(&named(&[("a", "x {{> b}}"), ("b", "{{> c }}"), ("c", "y")])), None);
        assert_eq!(
            find_recursion(&named(&[("a", "x {{> b}}"), ("b", "{{~> a}}")])),
            Some(vec!["a".into(), "b".into(), "a".into()])
        );
        assert!(find_recursion(&named(&[("a", "{{#> a}}x{{/a}}")])).is_some());
        assert!(find_recursion(&named(&[("a", "{{> (lookup . \"t\")}}")])).is_some());
        let inline = "{{#*inline \"row\"}}<{{x}}>{{/inline}}{{> row}}{{> row}}";
        assert_eq!(find_recursion(&named(&[("a", inline)])), None);
        let looping = "{{#*inline \"row\"}}{{> row}}{{/inline}}{{> row}}";
        assert!(find_recursion(&named(&[("a", looping)])).is_some());
    }

    #[test]
    fn built_in_templates_parse() {
        assert!(Templates::load(None).is_ok());
    }
}
