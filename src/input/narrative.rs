//! Figures inside the narrative: `noi_dung` text may name a metric's
//! figure as `{{ma}}` (its period figure, "175.726"), `{{ma 2017}}` (its
//! value in 2017) or `{{ma gon}}` (rounded down, "4,1 nghìn"), so the text
//! and the table print the same number. `\{{` writes "{{" as typed.

/// A piece of narrative text: words as typed, or a figure it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Figure(FigureRef),
}

/// A figure named in the narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRef {
    /// The metric's `ma`.
    pub code: String,
    pub form: FigureForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureForm {
    /// The period figure, in full.
    Total,
    /// The value of one year.
    Year(i32),
    /// The period figure rounded down to a tenth of a thousand, million or
    /// billion ("hơn 4,1 nghìn tin").
    Short,
}

/// The pieces of `text`, or the first placeholder that does not parse
/// (as typed, braces included).
pub fn pieces(text: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        if open > 0 && rest[..open].ends_with('\\') {
            out.push(Piece::Text(&rest[..open - 1]));
            out.push(Piece::Text("{{"));
            rest = &rest[open + 2..];
            continue;
        }
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            return Err(rest[open..].chars().take(30).collect());
        };
        let inside = &after[..close];
        let figure = parse(inside).ok_or_else(|| format!("{{{{{inside}}}}}"))?;
        out.push(Piece::Figure(figure));
        rest = &after[close + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

fn parse(inside: &str) -> Option<FigureRef> {
    let words: Vec<&str> = inside.split_whitespace().collect();
    let code = *words.first()?;
    if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let form = match words[1..] {
        [] => FigureForm::Total,
        ["gon"] => FigureForm::Short,
        [year] => FigureForm::Year(year.parse().ok().filter(|y| (1900..=2200).contains(y))?),
        _ => return None,
    };
    Some(FigureRef { code: code.to_string(), form })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_found_and_escapes_kept() {
        let text = "tổ chức {{tuyen_truyen}} cuộc, năm 2017 có {{tin 2017}}, hơn {{tin gon}} tin; \\{{x}}";
        let found = pieces(text).unwrap();
        let figures: Vec<&FigureRef> =
            found.iter().filter_map(|p| if let Piece::Figure(f) = p { Some(f) } else { None }).collect();
        assert_eq!(figures.len(), 3);
        assert_eq!(figures[1].form, FigureForm::Year(2017));
        assert_eq!(figures[2].form, FigureForm::Short);
        let typed: String = found.iter().filter_map(|p| if let Piece::Text(t) = p { Some(*t) } else { None }).collect();
        assert!(typed.ends_with("tin; {{x}}"), "{typed}");
        assert_eq!(pieces("a {{ma 20x}} b"), Err("{{ma 20x}}".into()));
        assert_eq!(pieces("a {{ma b"), Err("{{ma b".into()));
    }
}
