//! Quoting a name inside a sentence without doubling its own quotation
//! marks: a title that holds a quoted name ("… phong trào “Dân vận khéo” …")
//! keeps it in single marks inside the double ones, and a name that opens
//! with its own quoted title is not wrapped again.

/// `text` between “ ” as a sentence quotes a name: “Phối hợp xây dựng
/// phong trào ‘Dân vận khéo’”. A text that opens with its own quotation
/// mark (“Dân vận khéo” năm 2025) or is already quoted whole is left as it
/// came — wrapping it would print ““Dân vận khéo” năm 2025”.
pub(crate) fn quoted(text: &str) -> String {
    let text = text.trim();
    if text.starts_with(['“', '"', '«']) {
        return text.to_string();
    }
    let inner: String = text
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            c => c,
        })
        .collect();
    format!("“{inner}”")
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quotes_are_never_doubled_over_generated_names() {
        let heads = ["Phối hợp xây dựng phong trào", "Đẩy mạnh cuộc vận động", "Mô hình"];
        let names = ["Dân vận khéo", "Toàn dân đoàn kết xây dựng đời sống văn hóa", "Gia đình an toàn"];
        let tails = ["", " trong bảo đảm an ninh, trật tự", " năm 2025"];
        for head in heads {
            for name in names {
                for tail in tails {
                    for text in
                        [format!("{head} “{name}”{tail}"), format!("“{name}”{tail}"), format!("{head} {name}{tail}")]
                    {
                        let out = quoted(&text);
                        assert!(!out.contains("““") && !out.contains("””"), "{text} → {out}");
                        // Exactly one pair of double marks, around the whole or the name.
                        assert_eq!(out.matches('“').count(), 1, "{text} → {out}");
                        assert_eq!(out.matches('”').count(), 1, "{text} → {out}");
                        assert!(out.contains(name), "{text} → {out}");
                    }
                }
            }
        }
        assert_eq!(quoted("Phối hợp “Dân vận khéo” ở cơ sở"), "“Phối hợp ‘Dân vận khéo’ ở cơ sở”");
        assert_eq!(quoted("“Dân vận khéo” năm 2025"), "“Dân vận khéo” năm 2025");
    }
}
