//! Limits checked before any parser sees a file, so that no input can make
//! the run abort, overflow its stack, or work for minutes: the size of a
//! file (read from its metadata, before reading it), that it is a regular
//! file (not a folder, a pipe or a device), and how deep YAML nests —
//! counted by a cheap scan of the text, brackets and indentation alike.
//! `docs/gioi-han.md` states every limit.

use std::path::Path;

use super::sources::{self, Sources, Unread};
use crate::diag::{Kind, Location, Problem};

/// The largest YAML input read: 64 MiB (an inline list of 100,000
/// recipients is about 30 MB).
pub(crate) const MAX_YAML_BYTES: u64 = 64 * 1024 * 1024;

/// The deepest nesting of YAML read. The schema needs 5 levels; the tree,
/// its reading into types and its dropping recurse once per level.
pub(crate) const MAX_DEPTH: usize = 100;

/// The most recipients of one award group: 200,000 (a group's certificates
/// are one PDF and one DOCX, whose body stays under the 4 GiB of a plain zip).
pub(crate) const MAX_RECIPIENTS: usize = 200_000;

/// Reads the regular file `path` whole when it has at most `limit` bytes.
/// `display` names it in messages, `field` is the field path naming it.
pub(crate) fn read_file(path: &Path, display: &str, field: &str, limit: u64) -> Result<Vec<u8>, Problem> {
    sources::read_regular(path, limit).map_err(|unread| unread_problem(unread, display, field, limit))
}

/// `name` of `sources` whole when it has at most `limit` bytes.
pub(crate) fn read_source(sources: &dyn Sources, name: &str, field: &str, limit: u64) -> Result<Vec<u8>, Problem> {
    sources.read(name, limit).map_err(|unread| unread_problem(unread, &sources.display(name), field, limit))
}

/// Why a file was not read, as a problem at the file.
fn unread_problem(unread: Unread, display: &str, field: &str, limit: u64) -> Problem {
    let kind = match unread {
        Unread::NotAFile(_) => Kind::NotAFile(display.to_string()),
        Unread::TooLarge(size) => Kind::FileTooLarge { file: display.to_string(), size, limit },
        Unread::Failed(err) => {
            Kind::Unreadable { file: display.to_string(), error: err.kind(), detail: err.to_string() }
        }
    };
    Problem { location: Box::new(Location::file(display)), path: field.to_string(), kind }
}

/// `bytes` as UTF-8 text, or the problem located at the first bad byte.
pub(crate) fn utf8(bytes: Vec<u8>, display: &str) -> Result<String, Problem> {
    String::from_utf8(bytes).map_err(|err| {
        let good = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let col = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        let rest = &err.as_bytes()[line_start..];
        let excerpt = String::from_utf8_lossy(rest.split(|&b| b == b'\n').next().unwrap_or_default()).into_owned();
        Problem {
            location: Box::new(Location {
                file: display.to_string(),
                line: Some(line),
                col: Some(col),
                excerpt: Some(excerpt),
                cell: None,
            }),
            path: String::new(),
            kind: Kind::NotUtf8,
        }
    })
}

/// The first place where `text` nests deeper than `limit`, as (line, col)
/// from 1. Counts block indentation levels, compact `- ` items and flow
/// brackets; skips comments, quoted scalars and block scalars (`|`, `>`),
/// so it never counts less than a YAML parser would nest.
pub(crate) fn too_deep(text: &str, limit: usize) -> Option<(usize, usize)> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    // Inside a quoted scalar that runs over lines: its quote character.
    let mut quoted: Option<char> = None;
    // Inside a block scalar: the indentation of the line that opened it.
    let mut block_scalar: Option<usize> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = &line[indent..];
        if let Some(parent) = block_scalar {
            if content.is_empty() || indent > parent {
                continue;
            }
            block_scalar = None;
        }
        let mut chars = content.char_indices().peekable();
        let mut line_depth = 0usize;
        if quoted.is_none() && flow == 0 {
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            while indents.last().is_some_and(|&top| top > indent) {
                indents.pop();
            }
            if indents.last() != Some(&indent) {
                indents.push(indent);
            }
            line_depth = indents.len();
        }
        // Whether the next character starts a token (so `[`, `"` mean something).
        let mut at_token = true;
        // The column is counted only where it is reported: counting it for
        // every character made a long line cost the square of its length.
        let col = |at: usize| indent + content[..at].chars().count() + 1;
        while let Some((at, ch)) = chars.next() {
            if let Some(quote) = quoted {
                if ch == '\\' && quote == '"' {
                    chars.next();
                } else if ch == quote {
                    if quote == '\'' && chars.peek().is_some_and(|&(_, c)| c == '\'') {
                        chars.next();
                    } else {
                        quoted = None;
                        at_token = false;
                    }
                }
                continue;
            }
            let mut opened = false;
            match ch {
                '#' if at_token => break,
                '"' | '\'' if at_token => quoted = Some(ch),
                '[' | '{' if at_token => {
                    flow += 1;
                    opened = true;
                    if line_depth + flow > limit {
                        return Some((number, col(at)));
                    }
                }
                ']' | '}' if flow > 0 => flow -= 1,
                '-' | '?' if at_token && flow == 0 && chars.peek().is_none_or(|&(_, c)| c == ' ') => {
                    line_depth += 1;
                    if line_depth > limit {
                        return Some((number, col(at)));
                    }
                }
                '|' | '>' if at_token && flow == 0 => {
                    block_scalar = Some(indent);
                    break;
                }
                _ => {}
            }
            at_token = ch.is_whitespace() || opened || (flow > 0 && ch == ',');
            if ch == ':' && chars.peek().is_none_or(|&(_, c)| c == ' ') {
                at_token = true;
            }
        }
        if line_depth + flow > limit {
            return Some((number, indent + 1));
        }
    }
    None
}

/// The depth problem of `text`, located, if it nests too deep.
pub(crate) fn check_depth(text: &str, display: &str) -> Result<(), Problem> {
    match too_deep(text, MAX_DEPTH) {
        None => Ok(()),
        Some((line, col)) => Err(Problem {
            location: Box::new(Location {
                file: display.to_string(),
                line: Some(line),
                col: Some(col),
                excerpt: text.lines().nth(line - 1).map(|l| l.chars().take(120).collect()),
                cell: None,
            }),
            path: String::new(),
            kind: Kind::TooDeep { limit: MAX_DEPTH },
        }),
    }
}

/// The largest emblem file read: 16 MiB.
pub(crate) const MAX_IMAGE_BYTES: u64 = 16 * 1024 * 1024;

/// The most pixels an emblem may have: 16 million (4000 × 4000); a
/// certificate prints it a few centimetres wide.
pub(crate) const MAX_IMAGE_PIXELS: u64 = 16_000_000;

/// Reads the PNG `name` and decodes it whole, so a broken image is found
/// when the input is checked; its size and pixel count are checked before
/// decoding. Returns the file's bytes and its size in pixels.
pub(crate) fn png(sources: &dyn Sources, name: &str, field: &str) -> Result<(Vec<u8>, (u32, u32)), Problem> {
    let bytes = read_source(sources, name, field, MAX_IMAGE_BYTES)?;
    let display = &sources.display(name);
    let broken = |detail: String| Problem {
        location: Box::new(Location::file(display)),
        path: field.to_string(),
        kind: Kind::ImageUnreadable { file: display.to_string(), detail },
    };
    let mut decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
    // The decoder's own cap on what it allocates, beside the pixel count.
    decoder.set_limits(png::Limits { bytes: (MAX_IMAGE_PIXELS * 8) as usize });
    let mut reader = decoder.read_info().map_err(|err| broken(png_reason(&err)))?;
    let (width, height) = reader.info().size();
    if u64::from(width) * u64::from(height) > MAX_IMAGE_PIXELS {
        return Err(Problem {
            location: Box::new(Location::file(display)),
            path: field.to_string(),
            kind: Kind::ImageTooLarge { file: display.to_string(), width, height, limit: MAX_IMAGE_PIXELS },
        });
    }
    let size = reader.output_buffer_size().ok_or_else(|| broken("PNG".into()))?;
    let mut pixels = vec![0; size];
    reader.next_frame(&mut pixels).map_err(|err| broken(png_reason(&err)))?;
    Ok((bytes, (width, height)))
}

/// The PNG decoder's complaint, shortened to its gist (the words stay the
/// library's: they name the broken part of the file).
fn png_reason(err: &png::DecodingError) -> String {
    match err {
        png::DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => "PNG: EOF".into(),
        other => format!("PNG: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_shaped_yaml_is_shallow() {
        let sample = include_str!("../../inputs/hai-phong-2018.yaml");
        assert_eq!(too_deep(sample, 8), None);
    }

    #[test]
    fn brackets_dashes_and_indentation_all_count() {
        // The line itself is one level, so the 100th bracket is too many.
        assert_eq!(too_deep(&"[".repeat(200), 100), Some((1, 100)));
        assert!(too_deep(&"- ".repeat(200), 100).is_some());
        let stairs: String = (0..150).map(|i| format!("{}k{i}:\n", " ".repeat(i))).collect();
        assert!(too_deep(&stairs, 100).is_some());
        assert_eq!(too_deep(&format!("a: {}", "[".repeat(50)), 100), None);
    }

    #[test]
    fn quotes_comments_and_block_scalars_do_not_count() {
        let text = format!("ten: \"{0}\"\nb: '{0}'\n# {0}\nc: |\n  {0}\n      {0}\nd: x{0}\n", "[".repeat(300));
        assert_eq!(too_deep(&text, 100), None);
    }
}
