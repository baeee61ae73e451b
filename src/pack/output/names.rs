//! Folder and file names made from a user's file names, kept inside the
//! output folder.

/// A name made from a user's file name that stays one plain folder or file
/// name: no separators, no control characters, no leading dot (so never
/// `.` or `..`), at most 100 characters; `fallback` when nothing is left.
pub(crate) fn safe_name(raw: &str, fallback: &str) -> String {
    let cleaned: String =
        raw.chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '-'
                } else {
                    c
                }
            })
            .take(100)
            .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c == '-' || c.is_whitespace());
    if trimmed.is_empty() {
        fallback.to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_inside_the_folder() {
        assert_eq!(safe_name("hai-phong-2018", "x"), "hai-phong-2018");
        assert_eq!(safe_name("..", "dau-vao"), "dau-vao");
        assert_eq!(safe_name(".", "dau-vao"), "dau-vao");
        assert_eq!(safe_name("../../etc", "dau-vao"), "etc");
        assert_eq!(safe_name(".hidden", "dau-vao"), "hidden");
        assert_eq!(safe_name("báo cáo\u{7}", "dau-vao"), "báo cáo");
        assert_eq!(safe_name(&"a".repeat(500), "x").len(), 100);
    }
}
