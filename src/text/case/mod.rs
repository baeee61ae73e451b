//! Capitalisation as Nghị định 30/2020 Phụ lục II ("Viết hoa trong văn bản
//! hành chính") writes names: upper case for headers, which is lossless,
//! and the running-text form of a name typed in upper case, which is not —
//! derived by the Phụ lục's rules and a word list for what no rule settles,
//! and marked unsure where the rules had to guess.
//!
//! The rules used: a body's name capitalises the words naming its kind and
//! the first word of its function or field ("Ban Chỉ đạo", "Cục Xây dựng
//! phong trào…", "Bộ Tài nguyên và Môi trường"); every syllable of a place's
//! own name ("quận Hồng Bàng") while the kind of place stays lower-case,
//! unless a number or "Thủ đô" / "Thành phố Hồ Chí Minh" makes it part of the
//! name ("Quận 1"); a title before a body capitalises its first word ("Phó
//! Chủ tịch"); abbreviations and document codes keep their case.

mod lists;

use lists::*;

use super::vn;

/// A name as written inside a sentence, and whether the rules were sure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    pub text: String,
    /// Some word's case was a guess (a field the word list does not know, a
    /// place name with an apostrophe, …): a person should confirm it.
    pub unsure: bool,
}

/// True when `text` has letters and none of them is lower-case: a name
/// typed for a header ("CÔNG AN THÀNH PHỐ HẢI PHÒNG").
pub fn is_upper_case(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// The name as written in running text. A name typed in normal case is
/// returned exactly as typed (never lower-cased); one typed in upper case
/// is derived by the rules.
pub fn in_running_text(name: &str) -> Derived {
    if is_upper_case(name) {
        derive(name)
    } else {
        Derived { text: name.to_string(), unsure: false }
    }
}

/// Upper case for headers and certificates: lossless, diacritics kept.
pub fn for_header(name: &str) -> String {
    vn::upper(name)
}

/// True when a phrase starting `text` keeps its capital inside a sentence
/// (a body's or place's name, an abbreviation): "Công an…", "MTTQ…".
pub fn keeps_initial_capital(text: &str) -> bool {
    let words: Vec<String> = text.split_whitespace().take(6).map(lower).collect();
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    if first.chars().filter(|c| c.is_alphabetic()).count() > 1 && is_upper_case(first) {
        return true;
    }
    let starts = |phrase: &str| {
        let parts: Vec<&str> = phrase.split(' ').collect();
        parts.len() <= words.len() && parts.iter().zip(&words).all(|(p, w)| p == w)
    };
    FIXED.iter().any(|(phrase, _)| starts(phrase))
        || BODIES.iter().any(|(phrase, _)| starts(phrase))
        || ["công an", "ủy ban", "hội đồng", "ban chỉ đạo", "mặt trận"].iter().any(|p| starts(p))
}

fn lower(word: &str) -> String {
    vn::nfc(&word.to_lowercase())
}

/// First letter upper, the rest as given.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One whitespace-separated piece of the name: its leading and trailing
/// punctuation, and the word between ("(V05),": "(", "V05", "),").
struct Token {
    before: String,
    core: String,
    after: String,
    /// The core in lower case, for the word lists.
    word: String,
}

impl Token {
    fn split(raw: &str) -> Token {
        let chars: Vec<(usize, char)> = raw.char_indices().collect();
        let first = chars.iter().position(|(_, c)| c.is_alphanumeric());
        let last = chars.iter().rposition(|(_, c)| c.is_alphanumeric());
        let (start, end) = match (first, last) {
            (Some(f), Some(l)) => (chars[f].0, chars[l].0 + chars[l].1.len_utf8()),
            _ => (raw.len(), raw.len()),
        };
        let core = raw[start..end].to_string();
        Token { before: raw[..start].to_string(), word: lower(&core), core, after: raw[end..].to_string() }
    }

    /// A code, a number or an abbreviation: printed as typed.
    fn is_kept(&self) -> bool {
        let core = &self.core;
        if core.chars().any(|c| c.is_ascii_digit() || c == '/' || c == '.')
            || SYLLABLE_ACRONYMS.contains(&core.as_str())
        {
            return true;
        }
        // "H'LEO" is a name's syllable, written by the place rules.
        !core.contains('\'') && core.split('-').any(|part| !is_syllable(&lower(part)))
    }

    /// Punctuation after the word closes a part of the name ("…,", "…)").
    fn ends_part(&self) -> bool {
        self.after.contains([',', ';', ')', ':'])
    }

    /// A dash or other mark standing alone between two parts.
    fn is_separator(&self) -> bool {
        self.core.is_empty()
    }

    /// Whether this token is part `k` (of `count`) of a listed phrase.
    fn is_phrase_part(&self, part: &str, k: usize, count: usize) -> bool {
        if !part.chars().any(char::is_alphanumeric) {
            return self.is_separator() && lower(&self.after_whole()) == part;
        }
        if k > 0 && !self.before.is_empty() {
            return false;
        }
        match part.strip_suffix(',') {
            // "văn hóa, thể thao": the comma belongs to the phrase.
            Some(word) => self.word == word && self.after == ",",
            None => self.word == part && (k + 1 == count || self.after.is_empty()),
        }
    }

    fn after_whole(&self) -> String {
        format!("{}{}{}", self.before, self.core, self.after)
    }
}

/// Strips Vietnamese diacritics ("đường" → "duong").
fn bare(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = word.chars().map(|c| if c == 'đ' { 'd' } else { c }).collect();
    plain.nfd().filter(char::is_ascii_alphabetic).collect()
}

/// True when lower-case `word` has the shape of a Vietnamese syllable: an
/// initial consonant, one to three vowels, a final consonant ("UBND",
/// "MTTQ", "CLB" do not).
fn is_syllable(word: &str) -> bool {
    let plain = bare(word);
    if plain.is_empty() || plain.len() != word.chars().count() {
        return false;
    }
    const INITIALS: &[&str] = &[
        "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "g", "h", "k", "l", "m", "n",
        "p", "r", "s", "t", "v", "x", "",
    ];
    const FINALS: &[&str] = &["ch", "ng", "nh", "c", "k", "m", "n", "p", "t", ""];
    INITIALS.iter().filter(|i| plain.starts_with(*i)).any(|initial| {
        let rest = &plain[initial.len()..];
        let vowels = rest.chars().take_while(|c| "aeiouy".contains(*c)).count();
        ((1..=3).contains(&vowels) && FINALS.contains(&&rest[vowels..])) || (*initial == "gi" && rest.is_empty())
    })
}

/// How a word of the derived name is written.
#[derive(Clone)]
enum Form {
    Lower,
    Capital,
    /// As the word list writes it.
    Listed(String),
    /// As typed (codes, abbreviations, numbers).
    Typed,
}

/// What the next word of the name is expected to be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// The start of a part: a title, a body, a place.
    Start,
    /// Right after a kind of body: its function or field.
    Field,
    /// Inside a field the word list does not know.
    InField,
    /// After a complete body: a place, or another body.
    AfterBody,
}

/// The derivation under way: the tokens and how each is written.
struct Deriver {
    tokens: Vec<Token>,
    forms: Vec<Form>,
    unsure: bool,
}

impl Deriver {
    /// Words `phrase` covers at `i`, when it is written there.
    fn matches(&self, i: usize, phrase: &str) -> Option<usize> {
        let parts: Vec<&str> = phrase.split(' ').collect();
        let fits = i + parts.len() <= self.tokens.len()
            && parts.iter().enumerate().all(|(k, part)| self.tokens[i + k].is_phrase_part(part, k, parts.len()));
        fits.then_some(parts.len())
    }

    /// The longest entry of `list` written at `i`: its length and form.
    fn longest(&self, i: usize, list: &[(&str, &'static str)]) -> Option<(usize, &'static str)> {
        list.iter().filter_map(|(phrase, written)| self.matches(i, phrase).map(|n| (n, *written))).max_by_key(|m| m.0)
    }

    /// A kind of place at `i` ("thành phố"), not "xã hội".
    fn place_unit(&self, i: usize) -> Option<usize> {
        if self.matches(i, "xã hội").is_some() {
            return None;
        }
        PLACE_UNITS.iter().filter_map(|unit| self.matches(i, unit)).max()
    }

    /// Writes `n` tokens from `i` as the listed `written` form.
    fn listed(&mut self, i: usize, n: usize, written: &str) -> usize {
        for (k, piece) in written.split(' ').take(n).enumerate() {
            let core = Token::split(piece).core;
            self.forms[i + k] = if core.is_empty() { Form::Lower } else { Form::Listed(core) };
        }
        i + n
    }

    /// `expect`, or the start of a new part when token `i - 1` closed one.
    fn after(&self, end: usize, expect: Expect) -> Expect {
        if end > 0 && self.tokens[end - 1].ends_part() {
            Expect::Start
        } else {
            expect
        }
    }

    /// Where the own name of a place starting at `start` ends: at a break,
    /// another kind of place, a number, or the end.
    fn name_end(&self, start: usize) -> usize {
        let mut end = start;
        while end < self.tokens.len() && !self.tokens[end].is_separator() {
            if end > start && self.place_unit(end).is_some() {
                break;
            }
            if self.tokens[end].core.chars().any(|c| c.is_ascii_digit()) {
                break;
            }
            end += 1;
            if self.tokens[end - 1].ends_part() {
                break;
            }
        }
        end
    }

    /// Writes every syllable of a place's own name capitalised.
    fn place_name(&mut self, start: usize, end: usize) {
        let words: Vec<&str> = self.tokens[start..end].iter().map(|t| t.word.as_str()).collect();
        let name = words.join(" ");
        if let Some((_, written)) = PLACE_NAMES.iter().find(|(typed, _)| *typed == name) {
            self.listed(start, end - start, written);
            return;
        }
        for (k, word) in words.iter().enumerate() {
            let written = word.split('\'').map(capitalise).collect::<Vec<_>>().join("'");
            self.forms[start + k] = Form::Listed(written);
        }
        let person_like = words.len() >= 3 && FAMILY_NAMES.contains(&words[0]);
        if name.contains('\'') || words.len() > 4 || person_like {
            self.unsure = true;
        }
    }

    /// A kind of place of `n` words at `i` and its name; returns where the
    /// next part starts.
    fn place(&mut self, i: usize, n: usize) -> usize {
        let after = i + n;
        if after >= self.tokens.len() || self.tokens[after - 1].ends_part() || self.tokens[after].is_separator() {
            // "Công an thành phố": the kind alone, lower-case.
            return after;
        }
        if self.tokens[after].core.starts_with(|c: char| c.is_ascii_digit()) {
            // "Quận 1", "Phường 15": with a number, the kind is part of the name.
            self.forms[i] = Form::Capital;
            self.forms[after] = Form::Typed;
            return after + 1;
        }
        if NOT_A_NAME.iter().any(|phrase| self.matches(after, phrase).is_some()) {
            // "thành phố trực thuộc trung ương": lower case to the next break.
            let mut k = after;
            while k < self.tokens.len() && !self.tokens[k].is_separator() {
                self.forms[k] = if self.tokens[k].is_kept() { Form::Typed } else { Form::Lower };
                k += 1;
                if self.tokens[k - 1].ends_part() {
                    break;
                }
            }
            return k;
        }
        let end = self.name_end(after);
        self.place_name(after, end);
        end
    }

    /// A name in quotes from `i` (a movement, a campaign: “Dân vận khéo”):
    /// its first word capitalised, the rest lower-case but for fixed names
    /// and abbreviations; returns where the quote closes.
    fn quoted(&mut self, i: usize) -> usize {
        let mut k = i;
        while k < self.tokens.len() {
            let fixed = self.longest(k, FIXED).filter(|_| k > i);
            let end = match fixed {
                Some((n, written)) => self.listed(k, n, written),
                None => {
                    let token = &self.tokens[k];
                    self.forms[k] = if token.is_kept() {
                        Form::Typed
                    } else if k == i {
                        Form::Capital
                    } else {
                        Form::Lower
                    };
                    k + 1
                }
            };
            if self.tokens[i..end]
                .iter()
                .enumerate()
                .any(|(j, t)| t.after.contains(CLOSING_QUOTES) || (j > 0 && t.before.contains(OPENING_QUOTES)))
            {
                return end;
            }
            k = end;
        }
        k
    }

    /// Decides the form of the words from `i`; returns where it stopped and
    /// what comes next.
    fn step(&mut self, i: usize, expect: Expect) -> (usize, Expect) {
        let token = &self.tokens[i];
        if token.is_separator() {
            return (i + 1, Expect::Start);
        }
        let continuing = if expect == Expect::InField { Expect::InField } else { Expect::AfterBody };
        if token.is_kept() {
            // "UBND", "MTTQ" stand for a body or its field.
            self.forms[i] = Form::Typed;
            return (i + 1, self.after(i + 1, continuing));
        }
        if token.before.contains(OPENING_QUOTES) {
            return (self.quoted(i), Expect::Start);
        }
        if let Some((n, written)) = self.longest(i, FIXED) {
            let end = self.listed(i, n, written);
            return (end, self.after(end, continuing));
        }
        if let Some((n, written)) = self.longest(i, PLACE_BODIES) {
            // "Tỉnh ủy Quảng Ninh": a Party committee, never "tỉnh" before a
            // name; "Đảng ủy" is followed by a place or a body.
            let start = self.listed(i, n, written);
            if written == "Đảng ủy" {
                return (start, self.after(start, Expect::Start));
            }
            let end = self.name_end(start);
            self.place_name(start, end);
            return (end, Expect::AfterBody);
        }
        if expect == Expect::Field {
            if let Some((n, written)) = self.longest(i, FIELDS) {
                let end = self.listed(i, n, written);
                return (end, self.after(end, Expect::InField));
            }
        }
        if let Some(n) = self.place_unit(i) {
            return (self.place(i, n), Expect::AfterBody);
        }
        if expect == Expect::Start {
            if let Some((n, written)) = self.longest(i, TITLES) {
                return (self.listed(i, n, written), Expect::Start);
            }
        }
        if let Some((n, written)) = self.longest(i, BODIES) {
            let end = self.listed(i, n, written);
            return (end, self.after(end, Expect::AfterBody));
        }
        if matches!(expect, Expect::Start | Expect::AfterBody) {
            if let Some((n, written)) = self.longest(i, PLACE_BODIES) {
                // "Thành ủy Hải Phòng": the place follows without its kind.
                let start = self.listed(i, n, written);
                let end = self.name_end(start);
                self.place_name(start, end);
                return (end, Expect::AfterBody);
            }
            if let Some((n, written)) = self.longest(i, KINDS) {
                let end = self.listed(i, n, written);
                return (end, self.after(end, Expect::Field));
            }
        }
        // A word no rule places: a guess.
        let next = match expect {
            Expect::Start | Expect::Field => {
                self.forms[i] = Form::Capital;
                self.unsure = true;
                Expect::InField
            }
            Expect::AfterBody if token.word == "và" => Expect::Start,
            // "Cục Văn thư và Lưu trữ…": a second field.
            Expect::InField if token.word == "và" => Expect::Field,
            Expect::InField | Expect::AfterBody => {
                self.unsure = true;
                Expect::InField
            }
        };
        (i + 1, self.after(i + 1, next))
    }
}

/// Marks opening and closing a quoted name.
const OPENING_QUOTES: [char; 3] = ['“', '"', '«'];
const CLOSING_QUOTES: [char; 3] = ['”', '"', '»'];

/// Derives the running-text form of an upper-case name.
fn derive(name: &str) -> Derived {
    let tokens: Vec<Token> = name.split_whitespace().map(Token::split).collect();
    let mut deriver = Deriver { forms: vec![Form::Lower; tokens.len()], tokens, unsure: false };
    let (mut i, mut expect) = (0, Expect::Start);
    while i < deriver.tokens.len() {
        (i, expect) = deriver.step(i, expect);
    }
    let text = deriver
        .tokens
        .iter()
        .zip(&deriver.forms)
        .map(|(token, form)| {
            let core = match form {
                Form::Lower => token.word.clone(),
                Form::Capital => capitalise(&token.word),
                Form::Listed(written) => written.clone(),
                Form::Typed => token.core.clone(),
            };
            format!("{}{core}{}", token.before, token.after)
        })
        .collect::<Vec<_>>()
        .join(" ");
    Derived { text, unsure: deriver.unsure }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_and_abbreviations_are_told_apart() {
        for word in ["nguyễn", "trường", "quốc", "giữ", "khuyến", "hồng", "của", "oanh", "đắk", "ủy"]
        {
            assert!(is_syllable(word), "{word}");
        }
        for word in ["ubnd", "mttq", "hđnd", "clb", "antq", "cand", "bca", "mttw"] {
            assert!(!is_syllable(word), "{word}");
        }
    }

    #[test]
    fn party_committees_the_centre_and_quoted_names_keep_their_capitals() {
        for (typed, written) in [
            ("BAN DÂN VẬN TRUNG ƯƠNG", "Ban Dân vận Trung ương"),
            ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TRUNG ƯƠNG", "Ủy ban Mặt trận Tổ quốc Việt Nam Trung ương"),
            (
                "BAN THƯỜNG TRỰC ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM",
                "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
            ),
            ("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY QUẢNG NINH", "Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Ninh"),
            ("BAN THƯỜNG VỤ TỈNH ỦY QUẢNG NINH", "Ban Thường vụ Tỉnh ủy Quảng Ninh"),
            ("BAN DÂN VẬN HUYỆN ỦY ĐỊNH HÓA", "Ban Dân vận Huyện ủy Định Hóa"),
            ("ĐẢNG ỦY CÔNG AN TRUNG ƯƠNG", "Đảng ủy Công an Trung ương"),
            ("PHONG TRÀO “DÂN VẬN KHÉO” TỈNH ĐẮK LẮK", "Phong trào “Dân vận khéo” tỉnh Đắk Lắk"),
            ("THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG", "thành phố trực thuộc trung ương"),
        ] {
            assert_eq!(in_running_text(typed).text, written, "{typed}");
        }
    }

    #[test]
    fn names_typed_in_normal_case_are_kept() {
        let typed = "Công an TP. Hải Phòng";
        assert_eq!(in_running_text(typed), Derived { text: typed.into(), unsure: false });
    }
}
