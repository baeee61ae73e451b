//! The place cards (`bang-ten.pdf`, `.docx`): one folded A4 sheet per
//! delegate at the front table, organisers included (they sit there too).
//! The sheet is folded along its long middle line and stands as a tent:
//! each half carries the delegate's rank and title and, under them, large
//! enough to read across a hall, the name — the upper half turned upside
//! down, so both faces read upright. Rank, name and title are the input's
//! words as `words::people` gives them to the invitations, the script and
//! the delegate list; the rank stands with the title rather than the name
//! so that a four-word name still fits two lines at 25 mm capitals.

use super::conference;
use crate::doc::{Align, Color, Frame, Metadata, Sheet, Sheets, Timestamp};
use crate::input::{DaiBieu, Input};
use crate::text::fonts::Face;
use crate::text::measure::{LINE_HEIGHT, PT_PER_MM};
use crate::words::people;

/// A4 landscape, mm; folded at half its height.
const WIDTH: f32 = 297.0;
const HEIGHT: f32 = 210.0;
const FOLD: f32 = HEIGHT / 2.0;
/// Left and right of the text, mm.
const SIDE: f32 = 12.0;
/// Between the text and the fold, and the text and the paper's edge, mm.
pub(crate) const END: f32 = 4.0;
/// Between the title and the name, mm.
const GAP: f32 = 1.0;

/// The capitals of a name are this tall when the name fits (mm)…
const NAME_CAP_MOST: f32 = 30.0;
/// …and never less: readable across a hall (mm).
pub(crate) const NAME_CAP_LEAST: f32 = 25.0;
/// From one line of a two-line name to the next, in its size: close, so
/// two lines and the title fit in half a sheet.
const NAME_LINE_HEIGHT: f32 = 1.0;

/// The title's type size, pt, and the least it shrinks to before wrapping.
const TITLE_SIZE: f32 = 16.0;
const TITLE_LEAST: f32 = 12.0;

/// A card whose name had to go below [`NAME_CAP_LEAST`] to stay on its
/// half sheet: its page (from 1), the name, its capitals' height (mm).
pub(crate) struct SmallName {
    pub page: usize,
    pub name: String,
    pub cap_mm: f32,
}

/// The cards of `input`'s delegates in the input's order, one sheet each,
/// and the cards whose names are smaller than a hall reads.
pub(crate) fn build(input: &Input) -> (Sheets, Vec<SmallName>) {
    let meeting = conference(input);
    let mut small = Vec::new();
    let mut sheets = Vec::new();
    for (i, delegate) in meeting.dai_bieu.iter().enumerate() {
        let (sheet, cap_mm) = card(delegate);
        if cap_mm < NAME_CAP_LEAST - 0.05 {
            small.push(SmallName { page: i + 1, name: people::delegate_own_name(delegate), cap_mm });
        }
        sheets.push(sheet);
    }
    let cards = Sheets {
        meta: Metadata {
            title: "Bảng tên đại biểu".into(),
            subject: "Bảng tên đại biểu".into(),
            author: input.co_quan.ten.clone(),
            created: Some(Timestamp::date(meeting.ngay)),
        },
        width: WIDTH,
        height: HEIGHT,
        border: None,
        common: Vec::new(),
        picture: None,
        sheets,
    };
    (cards, small)
}

/// One delegate's sheet: the near face upright on the lower half, the
/// same face turned on the upper half; the name's capital height (mm).
fn card(delegate: &DaiBieu) -> (Sheet, f32) {
    let (face, cap_mm) = upright_face(
        people::delegate_rank(delegate),
        &people::delegate_title(delegate),
        &people::delegate_own_name(delegate),
    );
    let turned = face.iter().map(|frame| Frame {
        // Half a turn about the sheet's centre puts the box on the upper
        // half; the box then turns about its own centre.
        x: WIDTH - frame.x - frame.width,
        y: HEIGHT - frame.y - frame.height,
        turned: true,
        ..frame.clone()
    });
    (Sheet { frames: turned.collect::<Vec<_>>().into_iter().chain(face.iter().cloned()).collect() }, cap_mm)
}

/// The lower half's boxes — rank and title under the fold, the name
/// below — and the name's capital height (mm).
fn upright_face(rank: Option<String>, title: &str, name: &str) -> (Vec<Frame>, f32) {
    let width = WIDTH - 2.0 * SIDE;
    let regular = Face::Regular;
    let (title_size, mut title_lines) = fit_title(title, regular, width);
    if title.is_empty() {
        title_lines.clear();
    }
    if let Some(rank) = rank {
        title_lines.insert(0, rank);
    }
    let title_height = title_lines.len() as f32 * title_size * LINE_HEIGHT / PT_PER_MM;
    let top = FOLD + END;
    let title_frame = text_frame(SIDE, top, width, title_height, title_lines, title_size, false, LINE_HEIGHT);
    let name_top = top + title_height + GAP;
    let name_height = HEIGHT - END - name_top;
    let (name_size, name_lines) = fit_name(name, width, name_height);
    let cap_mm = name_size * Face::Bold.metrics().cap_height / PT_PER_MM;
    let name_frame = text_frame(
        SIDE,
        name_top,
        width,
        name_height,
        name_lines.clone(),
        name_size,
        true,
        name_line_height(&name_lines),
    );
    if title_frame.lines.is_empty() {
        return (vec![name_frame], cap_mm);
    }
    (vec![title_frame, name_frame], cap_mm)
}

/// A one-line name keeps the usual leading; two or more are set close.
fn name_line_height(lines: &[String]) -> f32 {
    if lines.len() > 1 {
        NAME_LINE_HEIGHT
    } else {
        LINE_HEIGHT
    }
}

#[allow(clippy::too_many_arguments)]
fn text_frame(
    x: f32,
    y: f32,
    width: f32,
    height: f32,
    lines: Vec<String>,
    size: f32,
    bold: bool,
    line_height: f32,
) -> Frame {
    Frame {
        x,
        y,
        width,
        height,
        lines,
        size,
        bold,
        italic: false,
        color: Color::BLACK,
        align: Align::Center,
        underline: false,
        line_height,
        turned: false,
    }
}

/// The title on one line, shrunk down to [`TITLE_LEAST`] if need be, then
/// wrapped at that size.
fn fit_title(title: &str, face: Face, width_mm: f32) -> (f32, Vec<String>) {
    let width = width_mm * PT_PER_MM;
    let mut size = TITLE_SIZE;
    while size > TITLE_LEAST && face.metrics().width(title, size) > width {
        size -= 0.5;
    }
    if face.metrics().width(title, size) <= width {
        return (size, vec![title.to_string()]);
    }
    let lines = crate::text::measure::wrap(title, face, size, width);
    (size, lines.into_iter().map(|(line, _)| line).collect())
}

/// The type size (pt) whose capitals are `cap` mm tall in `face`.
pub(crate) fn size_for_cap(cap: f32, face: Face) -> f32 {
    cap / face.metrics().cap_height * PT_PER_MM
}

/// The name on one line as large as [`NAME_CAP_MOST`], shrunk to fit the
/// width but never below [`NAME_CAP_LEAST`]; a name still too wide is
/// broken in two as evenly as its words allow, at the least size. A name
/// that would still run past `height_mm` (three lines and more, under a
/// long title) is made smaller until it stays on its half sheet: a card
/// that cannot be read from the back of the hall is a warning, a name
/// printed over the fold or off the paper is a spoilt card.
fn fit_name(name: &str, width_mm: f32, height_mm: f32) -> (f32, Vec<String>) {
    let (size, lines) = fit_name_in_width(name, width_mm);
    let tall = |size: f32, lines: &[String]| lines.len() as f32 * size * name_line_height(lines) / PT_PER_MM;
    if tall(size, &lines) <= height_mm {
        return (size, lines);
    }
    let face = Face::Bold;
    let mut size = size;
    loop {
        size -= 1.0;
        let lines: Vec<String> =
            crate::text::measure::wrap(name, face, size, width_mm * PT_PER_MM).into_iter().map(|(l, _)| l).collect();
        if tall(size, &lines) <= height_mm || size <= TITLE_LEAST {
            return (size, lines);
        }
    }
}

/// [`fit_name`] without regard to the height.
fn fit_name_in_width(name: &str, width_mm: f32) -> (f32, Vec<String>) {
    let face = Face::Bold;
    let width = width_mm * PT_PER_MM;
    let (most, least) = (size_for_cap(NAME_CAP_MOST, face), size_for_cap(NAME_CAP_LEAST, face));
    let wide = face.metrics().width(name, most);
    if wide <= width {
        return (most, vec![name.to_string()]);
    }
    let fitted = most * width / wide;
    if fitted >= least {
        return (fitted, vec![name.to_string()]);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let measure = |words: &[&str]| face.metrics().width(&words.join(" "), least);
    let best = (1..words.len())
        .min_by(|&a, &b| {
            let longer = |k: usize| measure(&words[..k]).max(measure(&words[k..]));
            longer(a).total_cmp(&longer(b))
        })
        .filter(|&k| measure(&words[..k]).max(measure(&words[k..])) <= width);
    match best {
        Some(k) => (least, vec![words[..k].join(" "), words[k..].join(" ")]),
        // Wider than two lines at the least size: as many as it takes.
        None => (least, crate::text::measure::wrap(name, face, least, width).into_iter().map(|(l, _)| l).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_their_size_and_wrap_in_two() {
        let width = WIDTH - 2.0 * SIDE;
        let (size, lines) = fit_name_in_width("Lê An", width);
        assert_eq!((size, lines.len()), (size_for_cap(NAME_CAP_MOST, Face::Bold), 1));
        let (size, lines) = fit_name_in_width("Nguyễn Thị Ngọc Khánh", width);
        assert_eq!(size, size_for_cap(NAME_CAP_LEAST, Face::Bold));
        assert_eq!(lines, ["Nguyễn Thị", "Ngọc Khánh"]);
        let (size, lines) = fit_name_in_width("Trần Văn Tuấn", width);
        assert!(size < size_for_cap(NAME_CAP_MOST, Face::Bold) && size >= size_for_cap(NAME_CAP_LEAST, Face::Bold));
        assert_eq!(lines.len(), 1);
    }
}
