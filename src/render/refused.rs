//! Why a backend refused the model, sorted into what a clerk can act on:
//! a character no font draws, a PDF/A rule, a picture; the library's own
//! (English) words are kept only for what fits no kind.

/// Why a backend could not turn the model into a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The font has no glyph for this text (PDF/A forbids the blank box).
    NoGlyph { text: String },
    /// PDF/A forbids something the paper holds.
    Archival(ArchivalRule),
    /// A picture could not be embedded.
    Image,
    /// Anything else: which library refused, and its own words.
    Other { library: &'static str, detail: String },
}

/// The PDF/A rule a paper breaks, as krilla's validator names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchivalRule {
    /// A text, name or list longer than the format allows (a title of
    /// more than 32,767 characters).
    TooLong,
    /// More objects than a PDF can number.
    TooManyObjects,
    /// A character text may not carry (U+0000, U+FEFF, U+FFFE or one of
    /// the private use area).
    ForbiddenCharacter(char),
    /// A font whose licence forbids embedding it.
    FontLicence,
    /// The paper has no date, which PDF/A's metadata needs.
    NoDate,
    /// Another rule: the validator's name for it.
    Other(String),
}

impl Refused {
    /// A refusal that fits no kind, in `library`'s words.
    pub(crate) fn other(library: &'static str, detail: impl std::fmt::Display) -> Refused {
        Refused::Other { library, detail: detail.to_string() }
    }
}
