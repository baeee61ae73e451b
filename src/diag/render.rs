//! Why a backend refused the model, in both languages: a character no font
//! draws, a PDF/A rule, a picture, or — clearly marked — a library's own
//! English words for what fits no kind.

use super::lang::Lang;

/// Why a paper could not be turned into a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderKind {
    /// The font has no glyph for this text (PDF/A forbids the blank box).
    NoGlyph { text: String },
    /// PDF/A forbids something the paper holds.
    Archival(ArchivalRule),
    /// A picture could not be embedded.
    Image,
    /// Anything else: which library refused, and its own (English) words.
    Other { library: &'static str, detail: String },
}

/// The PDF/A rule a paper breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchivalRule {
    /// A text, name or list longer than the format allows.
    TooLong,
    /// More objects than a PDF can number.
    TooManyObjects,
    /// A character text may not carry (U+0000, U+FEFF, U+FFFE, private use).
    ForbiddenCharacter(char),
    /// A font whose licence forbids embedding it.
    FontLicence,
    /// The paper has no date, which PDF/A's metadata needs.
    NoDate,
    /// Another rule: the validator's name for it.
    Other(String),
}

impl RenderKind {
    /// Why, in `lang`, without the file (the failure's message names it).
    pub fn reason(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            RenderKind::NoGlyph { text } if vi => {
                format!("phông chữ không có nét chữ cho «{text}»; hãy bỏ hoặc thay ký tự ấy (trong dữ liệu hay mẫu)")
            }
            RenderKind::NoGlyph { text } => {
                format!(
                    "the font has no glyph for «{text}»; remove or replace that character (in the data or a template)"
                )
            }
            RenderKind::Archival(rule) => rule.reason(lang),
            RenderKind::Image if vi => "không nhúng được một hình ảnh; hãy dùng tệp PNG khác".to_string(),
            RenderKind::Image => "an image cannot be embedded; use another PNG file".to_string(),
            RenderKind::Other { library, detail } if vi => {
                format!("thư viện {library} từ chối (nguyên văn tiếng Anh của thư viện: {detail})")
            }
            RenderKind::Other { library, detail } => format!("{library} refused (the library's words: {detail})"),
        }
    }
}

impl ArchivalRule {
    fn reason(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            ArchivalRule::TooLong if vi => {
                "PDF/A không nhận một chuỗi, tên hay danh sách dài quá giới hạn của định dạng (như tiêu đề quá 32.767 ký tự)"
                    .to_string()
            }
            ArchivalRule::TooLong => {
                "PDF/A refuses a string, name or list longer than the format allows (such as a title of over 32,767 characters)"
                    .to_string()
            }
            ArchivalRule::TooManyObjects if vi => {
                "tệp có nhiều đối tượng hơn mức PDF đánh số được; hãy chia nhỏ văn bản".to_string()
            }
            ArchivalRule::TooManyObjects => "the file holds more objects than a PDF can number; split the paper".to_string(),
            ArchivalRule::ForbiddenCharacter(c) if vi => {
                format!("PDF/A không cho văn bản chứa ký tự U+{:04X}; hãy bỏ ký tự ấy (trong dữ liệu hay mẫu)", u32::from(*c))
            }
            ArchivalRule::ForbiddenCharacter(c) => {
                format!("PDF/A forbids the character U+{:04X} in text; remove it (from the data or a template)", u32::from(*c))
            }
            ArchivalRule::FontLicence if vi => "giấy phép của phông chữ không cho nhúng vào PDF/A".to_string(),
            ArchivalRule::FontLicence => "the font's licence forbids embedding it in PDF/A".to_string(),
            ArchivalRule::NoDate if vi => "PDF/A cần ngày của văn bản; hãy ghi ngày (--ngay)".to_string(),
            ArchivalRule::NoDate => "PDF/A needs the paper's date; give one (--ngay)".to_string(),
            ArchivalRule::Other(rule) if vi => format!("PDF/A không nhận văn bản này (quy tắc «{rule}» của bộ kiểm tra)"),
            ArchivalRule::Other(rule) => format!("PDF/A refuses this paper (the validator's rule «{rule}»)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_glyph_names_the_text_in_both_languages() {
        let kind = RenderKind::NoGlyph { text: "漢".into() };
        assert_eq!(
            kind.reason(Lang::Vi),
            "phông chữ không có nét chữ cho «漢»; hãy bỏ hoặc thay ký tự ấy (trong dữ liệu hay mẫu)"
        );
        assert_eq!(
            kind.reason(Lang::En),
            "the font has no glyph for «漢»; remove or replace that character (in the data or a template)"
        );
    }

    #[test]
    fn archival_rules_say_what_is_wrong() {
        let kind = RenderKind::Archival(ArchivalRule::ForbiddenCharacter('\u{FEFF}'));
        assert_eq!(
            kind.reason(Lang::Vi),
            "PDF/A không cho văn bản chứa ký tự U+FEFF; hãy bỏ ký tự ấy (trong dữ liệu hay mẫu)"
        );
        assert_eq!(
            kind.reason(Lang::En),
            "PDF/A forbids the character U+FEFF in text; remove it (from the data or a template)"
        );
        let other = RenderKind::Archival(ArchivalRule::Other("Transparency".into()));
        assert_eq!(other.reason(Lang::Vi), "PDF/A không nhận văn bản này (quy tắc «Transparency» của bộ kiểm tra)");
        assert_eq!(other.reason(Lang::En), "PDF/A refuses this paper (the validator's rule «Transparency»)");
    }

    #[test]
    fn only_the_last_kind_keeps_the_library_words_marked_as_such() {
        let image = RenderKind::Image;
        assert_eq!(image.reason(Lang::Vi), "không nhúng được một hình ảnh; hãy dùng tệp PNG khác");
        assert_eq!(image.reason(Lang::En), "an image cannot be embedded; use another PNG file");
        let other = RenderKind::Other { library: "docx", detail: "unclosed tag".into() };
        assert_eq!(other.reason(Lang::Vi), "thư viện docx từ chối (nguyên văn tiếng Anh của thư viện: unclosed tag)");
        assert_eq!(other.reason(Lang::En), "docx refused (the library's words: unclosed tag)");
    }
}
