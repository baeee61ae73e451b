//! A CSV list into a [`Grid`]: UTF-8 with or without Excel's byte-order
//! mark (or UTF-16 with one, Excel's "Unicode text"), fields separated by
//! commas, semicolons or tabs — whichever the file uses. A file in a
//! legacy Vietnamese encoding is refused, naming the encoding it looks like.

use super::grid::{Cell, Grid, Row, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS};

/// Why a CSV file gives no grid.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Trouble {
    /// Not UTF-8: the legacy encoding it looks like, and the first line
    /// that is not UTF-8.
    Encoding {
        encoding: Option<&'static str>,
        line: usize,
    },
    /// A value on `line` in column `column` (from 0) outside the limits.
    BeyondLimits {
        line: usize,
        column: usize,
    },
    /// A double quote opened on `line` and never closed.
    UnclosedQuote {
        line: usize,
    },
    /// A value on `line` in column `column` longer than [`MAX_CELL_CHARS`].
    CellTooLong {
        line: usize,
        column: usize,
    },
    Unreadable(String),
}

/// Reads a CSV file's bytes.
pub(super) fn read(bytes: &[u8]) -> Result<Grid, Trouble> {
    let text = decode(bytes)?;
    let separator = separator(&text);
    if let Some(line) = unclosed_quote(&text, separator) {
        return Err(Trouble::UnclosedQuote { line });
    }
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(separator).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = LineCounter::default();
    for record in reader.records() {
        let record = record.map_err(|e| Trouble::Unreadable(e.to_string()))?;
        let line = lines.line_at(text.as_bytes(), record.position().map_or(0, |p| p.byte() as usize));
        let mut cells = Vec::new();
        for (column, field) in record.iter().enumerate() {
            if field.trim().is_empty() {
                continue;
            }
            if line > MAX_ROWS || column >= MAX_COLUMNS {
                return Err(Trouble::BeyondLimits { line, column });
            }
            if field.len() > MAX_CELL_CHARS && field.chars().count() > MAX_CELL_CHARS {
                return Err(Trouble::CellTooLong { line, column });
            }
            cells.push((column, Cell::Text(field.to_string())));
        }
        rows.push(Row { number: line, cells });
    }
    Ok(Grid::new(None, rows, Vec::new()))
}

/// The line of a double quote that opens a field and is still open at the
/// end of the file (the csv reader would read the rest of the file as that
/// one field, silently). A quote opens a field only at its start; `""`
/// inside is a quote.
fn unclosed_quote(text: &str, separator: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut opened_on = None;
    let mut at_field_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
        }
        match opened_on {
            Some(_) if b == b'"' && bytes.get(i + 1) == Some(&b'"') => i += 1,
            Some(_) if b == b'"' => opened_on = None,
            Some(_) => {}
            None if b == b'"' && at_field_start => opened_on = Some(line),
            None => {}
        }
        at_field_start = opened_on.is_none() && (b == separator || b == b'\n' || b == b'\r');
        i += 1;
    }
    opened_on
}

/// Line numbers of records from their byte offsets: the csv reader starts
/// a record after a CRLF at its LF, still on the line before.
#[derive(Default)]
struct LineCounter {
    byte: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &[u8], mut byte: usize) -> usize {
        while text.get(byte).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            byte += 1;
        }
        let byte = byte.min(text.len()).max(self.byte);
        self.line += text[self.byte..byte].iter().filter(|&&b| b == b'\n').count();
        self.byte = byte;
        self.line + 1
    }
}

fn decode(bytes: &[u8]) -> Result<String, Trouble> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return utf8(rest);
    }
    let utf16 = |rest: &[u8], little: bool| {
        let units = rest.chunks_exact(2).map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| Trouble::Encoding { encoding: None, line: 1 })
    };
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, false);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, Trouble> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let line = bytes[..error.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(Trouble::Encoding { encoding: legacy_encoding(bytes), line })
        }
    }
}

/// The separator the file's first lines use most consistently: the one
/// whose count per line (outside quotes) is the same on most lines.
fn separator(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(30).collect();
    let mut best = (0, b',');
    for candidate in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines.iter().map(|line| count_outside_quotes(line, candidate)).collect();
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for &count in counts.iter().filter(|&&c| c > 0) {
            match tally.iter_mut().find(|(c, _)| *c == count) {
                Some((_, n)) => *n += 1,
                None => tally.push((count, 1)),
            }
        }
        let agreeing = tally.iter().map(|(_, n)| *n).max().unwrap_or(0);
        if agreeing > best.0 {
            best = (agreeing, candidate);
        }
    }
    best.1
}

fn count_outside_quotes(line: &str, separator: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            b == separator && !quoted
        })
        .count()
}

/// Which legacy Vietnamese encoding non-UTF-8 bytes look like, by the
/// byte patterns each one writes Vietnamese letters with; `None` when
/// none stands out.
fn legacy_encoding(bytes: &[u8]) -> Option<&'static str> {
    let vowel = |b: u8| b"aeiouyAEIOUY".contains(&b);
    let letter = |b: u8| b.is_ascii_alphabetic();
    // Windows-1258: a combining tone mark after a vowel ("Nguye\xd2\xden"…),
    // and its own ơ, ư, ă, â, ê, ô, đ.
    const TONES_1258: &[u8] = &[0xcc, 0xec, 0xd2, 0xde, 0xf2];
    const VOWELS_1258: &[u8] = &[0xc2, 0xca, 0xd4, 0xd5, 0xdd, 0xc3, 0xe2, 0xea, 0xf4, 0xf5, 0xfd, 0xe3];
    // VNI: a vowel followed by a byte carrying its tone ("Ho\xef"), or
    // an a, e, o followed by one carrying its shape too ("Vie\xe4t").
    const TONES_VNI: &[u8] = &[0xf9, 0xf8, 0xfb, 0xf5, 0xef, 0xd9, 0xd8, 0xdb, 0xd5, 0xcf];
    const SHAPES_VNI: &[u8] = &[
        0xe2, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4, 0xea, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb, 0xc2, 0xc1, 0xc0, 0xc5, 0xc3, 0xc4,
        0xca, 0xc9, 0xc8, 0xda, 0xdc, 0xcb,
    ];
    let mut scores = [(0usize, "Windows-1258"), (0, "VNI"), (0, "TCVN3 (ABC)")];
    for pair in bytes.windows(2) {
        let (before, byte) = (pair[0], pair[1]);
        if byte < 0x80 {
            continue;
        }
        if TONES_1258.contains(&byte) && (vowel(before) || VOWELS_1258.contains(&before)) {
            scores[0].0 += 2;
        }
        if VOWELS_1258.contains(&byte) && letter(before) && !vowel(before) {
            scores[0].0 += 1;
        }
        if (TONES_VNI.contains(&byte) && vowel(before)) || (SHAPES_VNI.contains(&byte) && b"aeoAEO".contains(&before)) {
            scores[1].0 += 2;
        }
        if matches!(byte, 0xf1 | 0xd1) && (letter(before) || before == b' ' || before == b',') {
            scores[1].0 += 1;
        }
        // TCVN3 keeps its most common letters (à á ả ã ạ ă â ê ô ơ ư đ)
        // at 0xA1–0xBE, where the others have only symbols.
        if (0xa1..=0xbe).contains(&byte) && (letter(before) || before == b' ') {
            scores[2].0 += 2;
        }
    }
    scores.iter().filter(|(score, _)| *score > 0).max_by_key(|(score, _)| *score).map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_left_open_is_found_at_its_line() {
        let text = "loai,ten\nca_nhan,\"Nguyễn Văn Mới,,,\nca_nhan,Lê Thị Hoa\n";
        assert_eq!(read(text.as_bytes()).unwrap_err(), Trouble::UnclosedQuote { line: 2 });
        assert_eq!(unclosed_quote("a,\"b \"\"c\"\"\",d\n\"x\ny\",z\n", b','), None);
        assert_eq!(unclosed_quote("a,b\"c,d\n", b','), None, "a quote inside a field is text");
    }
    use crate::input::list::display::show;

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        grid.rows.iter().map(|r| r.cells.iter().map(|(_, c)| show(c).unwrap()).collect()).collect()
    }

    #[test]
    fn comma_semicolon_and_tab_separated_files_read_alike() {
        for text in [
            "STT,Họ và tên,Chức vụ\n1,Nguyễn Văn An,\"Trưởng phòng, Công an quận\"\n",
            "STT;Họ và tên;Chức vụ\n1;Nguyễn Văn An;Trưởng phòng, Công an quận\n",
            "\u{feff}STT;Họ và tên;Chức vụ\r\n1;Nguyễn Văn An;Trưởng phòng, Công an quận\r\n",
            "STT\tHọ và tên\tChức vụ\n1\tNguyễn Văn An\tTrưởng phòng, Công an quận\n",
        ] {
            let grid = read(text.as_bytes()).unwrap();
            assert_eq!(
                texts(&grid),
                [vec!["STT", "Họ và tên", "Chức vụ"], vec!["1", "Nguyễn Văn An", "Trưởng phòng, Công an quận"]],
                "{text:?}"
            );
        }
    }

    #[test]
    fn utf16_with_a_byte_order_mark_reads() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Họ và tên\tLoại\nTrần Bình\tCá nhân\n".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let grid = read(&bytes).unwrap();
        assert_eq!(texts(&grid)[1], ["Trần Bình", "Cá nhân"]);
    }

    #[test]
    fn legacy_encodings_are_named() {
        // "Họ và tên,Loại\nNguyễn Văn An,Cá nhân" in each encoding.
        let cp1258: &[u8] = b"Ho\xf2 va\xcc t\xean,Loa\xf2i\nNguy\xea\xden V\xe3n An,Ca\xec nh\xe2n\n";
        let vni: &[u8] = b"Ho\xef va\xf8 te\xe2n,Loa\xefi\nNguye\xe3n Va\xean An,Ca\xf9 nha\xe2n\n";
        let tcvn3: &[u8] = b"H\xe4 v\xb5 t\xaan,Lo\xb9i\nNguy\xd4n V\xa8n An,C\xb8 nh\xa9n\n";
        for (bytes, name) in [(cp1258, "Windows-1258"), (vni, "VNI"), (tcvn3, "TCVN3 (ABC)")] {
            assert_eq!(read(bytes).unwrap_err(), Trouble::Encoding { encoding: Some(name), line: 1 }, "{name}");
        }
        let later: &[u8] = b"ten,loai\nNguy\xea\xden,ca_nhan\n";
        assert_eq!(read(later).unwrap_err(), Trouble::Encoding { encoding: Some("Windows-1258"), line: 2 });
    }

    #[test]
    fn values_beyond_the_limits_are_refused_at_their_line() {
        let wide = format!("ten{}x\n", ",".repeat(MAX_COLUMNS));
        assert_eq!(read(wide.as_bytes()).unwrap_err(), Trouble::BeyondLimits { line: 1, column: MAX_COLUMNS });
        let empty_wide = format!("ten{}\n", ",".repeat(MAX_COLUMNS * 2));
        assert!(read(empty_wide.as_bytes()).is_ok(), "empty fields cost nothing");
    }
}
