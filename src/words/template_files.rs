//! The built-in templates ([`BUILT_IN`]) and the files of a `--templates`
//! folder, read before anything is compiled:
//! each built-in template's file replaced by the folder's when it has one,
//! that file a regular file (not a folder, a pipe, a device or a link to
//! one) of at most [`MAX_TEMPLATE_BYTES`], UTF-8 (a bad byte located at its
//! line and column); a `.hbs` file that names no template is refused with
//! the nearest name, since the clerk's edit in it would silently not be
//! used. Other files (notes, printer profiles) are left alone.

use std::collections::HashMap;

use crate::diag::{messages::suggestion, Kind, Location, Problem};
use crate::input::{bounds, Sources, Unread};

/// Built-in templates: (file name, text). A `.hbs` file is a handlebars
/// template named by its stem; `khen-bo-cuc.yaml` is the certificate layout.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("bao-cao.hbs", include_str!("../../templates/bao-cao.hbs")),
    ("bao-cao-trich-yeu.hbs", include_str!("../../templates/bao-cao-trich-yeu.hbs")),
    ("quyet-dinh.hbs", include_str!("../../templates/quyet-dinh.hbs")),
    ("quyet-dinh-trich-yeu.hbs", include_str!("../../templates/quyet-dinh-trich-yeu.hbs")),
    ("quyet-dinh-danh-sach.hbs", include_str!("../../templates/quyet-dinh-danh-sach.hbs")),
    ("to-trinh.hbs", include_str!("../../templates/to-trinh.hbs")),
    ("to-trinh-trich-yeu.hbs", include_str!("../../templates/to-trinh-trich-yeu.hbs")),
    ("to-trinh-danh-sach.hbs", include_str!("../../templates/to-trinh-danh-sach.hbs")),
    ("tin-bai.hbs", include_str!("../../templates/tin-bai.hbs")),
    ("tong-hop.hbs", include_str!("../../templates/tong-hop.hbs")),
    ("tong-hop-trich-yeu.hbs", include_str!("../../templates/tong-hop-trich-yeu.hbs")),
    (CERTIFICATE_LAYOUT, include_str!("../../templates/khen-bo-cuc.yaml")),
];

/// File name of the certificate layout among the templates.
pub const CERTIFICATE_LAYOUT: &str = "khen-bo-cuc.yaml";

/// The largest template file read: 256 KiB. The built-in report is 6 KB;
/// compiling a template costs about 300 times its size in memory, so a
/// 10 MB one took 3.2 GB.
pub(crate) const MAX_TEMPLATE_BYTES: u64 = 256 * 1024;

/// The folder's files that replace the built-in ones named `known` (their
/// file names), by file name: (the path as shown, the text); or every
/// problem found.
pub(super) fn read_folder(
    folder: &dyn Sources,
    shown: &str,
    known: &[&'static str],
) -> Result<HashMap<&'static str, (String, String)>, Vec<Problem>> {
    let mut names = folder.names().map_err(|unread| {
        let kind = match unread {
            Unread::Failed(err)
                if matches!(err.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) =>
            {
                Kind::TemplateDirMissing(shown.to_string())
            }
            Unread::Failed(err) => {
                Kind::Unreadable { file: shown.to_string(), error: err.kind(), detail: err.to_string() }
            }
            _ => Kind::TemplateDirMissing(shown.to_string()),
        };
        vec![Problem { location: Location::file(shown).into(), path: String::new(), kind }]
    })?;
    names.sort();
    let names_known: Vec<String> = known.iter().map(|name| name.to_string()).collect();
    let mut found = HashMap::new();
    let mut problems = Vec::new();
    for name in names {
        let display = folder.display(&name);
        match known.iter().find(|known| **known == name) {
            Some(file_name) => {
                let read = bounds::read_source(folder, &name, "", MAX_TEMPLATE_BYTES)
                    .and_then(|bytes| bounds::utf8(bytes, &display));
                match read {
                    Ok(text) => match undrawable(&text, name.ends_with(".yaml")) {
                        // A character no face draws would print as a blank box.
                        Some((line, col, ch)) => problems.push(Problem {
                            location: Location {
                                file: display.clone(),
                                line: Some(line),
                                col: Some(col),
                                excerpt: text.lines().nth(line - 1).map(str::to_string),
                                cell: None,
                            }
                            .into(),
                            path: String::new(),
                            kind: Kind::Undrawable(ch),
                        }),
                        None => {
                            found.insert(*file_name, (display, text));
                        }
                    },
                    Err(problem) => problems.push(problem),
                }
            }
            None if name.to_lowercase().ends_with(".hbs") || names_known.contains(&name.to_lowercase()) => {
                problems.push(Problem {
                    location: Location::file(&display).into(),
                    path: String::new(),
                    kind: Kind::UnknownTemplate { file: display.clone(), suggestion: suggestion(&name, &names_known) },
                });
            }
            None => {}
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

/// The first character of a template's `text` that a font face lacks,
/// with its line and column (from 1): what a clerk typed in a template is
/// checked as the data is. Comments print nothing and are skipped —
/// `{{!-- … --}}` and `{{! … }}` in a template, `# …` in the layout's YAML
/// (`yaml`).
fn undrawable(text: &str, yaml: bool) -> Option<(usize, usize, char)> {
    // Inside a template comment: the text that ends it.
    let mut comment: Option<&str> = None;
    for (index, line) in text.split('\n').enumerate() {
        let mut at = 0;
        while let Some(ch) = line[at..].chars().next() {
            let rest = &line[at..];
            if let Some(end) = comment {
                match rest.find(end) {
                    Some(found) => (at, comment) = (at + found + end.len(), None),
                    None => break,
                }
                continue;
            }
            if yaml && ch == '#' && (at == 0 || line[..at].ends_with([' ', '\t'])) {
                break;
            }
            if !yaml && rest.starts_with("{{!") {
                comment = Some(if rest.starts_with("{{!--") { "--}}" } else { "}}" });
                at += 3;
                continue;
            }
            if crate::text::fonts::undrawable_char(ch.encode_utf8(&mut [0; 4])).is_some() {
                return Some((index + 1, line[..at].chars().count() + 1, ch));
            }
            at += ch.len_utf8();
        }
    }
    None
}

/// Line and column (from 1) of the first call of partial `target` in
/// `text` at or after byte `from`: where a loop of templates is closed.
pub(super) fn call_position(text: &str, from: usize, target: &str) -> Option<(usize, usize)> {
    let mut at = from.min(text.len());
    while let Some(found) = text[at..].find("{{") {
        let start = at + found;
        let piece = text[start + 2..].trim_start_matches(['~', '{']).trim_start();
        if let Some(rest) = piece.strip_prefix('>').or_else(|| piece.strip_prefix("#>")) {
            let rest = rest.trim_start().trim_start_matches(['"', '\'']);
            let named = if target == "(" { rest.starts_with('(') } else { rest.starts_with(target) };
            if named {
                let line = text[..start].matches('\n').count() + 1;
                let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                return Some((line, text[line_start..start].chars().count() + 1));
            }
        }
        at = start + 2;
    }
    None
}

/// Where inline partial `name` is defined in `text` (`{{#*inline "name"}}`).
pub(super) fn inline_start(text: &str, name: &str) -> Option<usize> {
    text.match_indices("{{#*inline").map(|(at, _)| at).find(|&at| {
        let rest = &text[at + "{{#*inline".len()..];
        let head = rest.split("}}").next().unwrap_or_default();
        head.trim().trim_matches(['"', '\'', '~']).trim() == name
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_read_through_its_sources() {
        let known: Vec<&'static str> = BUILT_IN.iter().map(|(name, _)| *name).collect();
        let folder = crate::input::Stored::default()
            .with("tin-bai.hbs", b"Tin {{co_quan.ten}}".to_vec())
            .with("ghi-chu.txt", b"not a template".to_vec());
        let read = read_folder(&folder, "mau", &known).unwrap();
        assert_eq!(read.get("tin-bai.hbs"), Some(&("tin-bai.hbs".to_string(), "Tin {{co_quan.ten}}".to_string())));
        assert_eq!(read.len(), 1);
        let misnamed = crate::input::Stored::default().with("tin-bia.hbs", Vec::new());
        let problems = read_folder(&misnamed, "mau", &known).unwrap_err();
        assert!(matches!(&problems[0].kind, Kind::UnknownTemplate { suggestion: Some(s), .. } if s == "tin-bai.hbs"));
        let missing = crate::input::Disk::new(std::path::Path::new("/khong/co/thu-muc"));
        let problems = read_folder(&missing, "/khong/co/thu-muc", &known).unwrap_err();
        assert_eq!(problems[0].kind, Kind::TemplateDirMissing("/khong/co/thu-muc".into()));
    }

    #[test]
    fn characters_no_font_draws_are_found_where_they_print() {
        assert_eq!(undrawable("Kính gửi:\n  {{co_quan}} 漢 x", false), Some((2, 15, '漢')));
        assert_eq!(undrawable("a {{!-- 漢\n 漢 --}} b {{! 漢 }} c", false), None);
        assert_eq!(undrawable("a {{!-- x --}} 漢", false), Some((1, 16, '漢')));
        assert_eq!(undrawable("o:\n  - chu: \"漢\" # 漢\n", true), Some((2, 11, '漢')));
        assert_eq!(undrawable("# 漢\nkho: 1 # 漢", true), None);
        for (name, text) in BUILT_IN {
            assert_eq!(undrawable(text, name.ends_with(".yaml")), None, "{name}");
        }
    }

    #[test]
    fn the_closing_call_of_a_loop_is_placed() {
        let text = "a\n{{#*inline \"r\"}}\n  x {{> r}}{{/inline}}{{> r}}";
        let inline = text.find("{{#*inline").unwrap();
        assert_eq!(call_position(text, inline, "r"), Some((3, 5)));
        assert_eq!(inline_start(text, "r"), Some(inline));
        assert_eq!(inline_start(text, "s"), None);
        assert_eq!(call_position("{{~> (lookup . \"t\")}}", 0, "("), Some((1, 1)));
        assert_eq!(call_position("{{x}}", 0, "r"), None);
    }
}
