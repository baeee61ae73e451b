//! Commendation certificates (bằng khen, giấy khen): one sheet per
//! recipient of an award group, laid out by the certificate layout
//! (`templates/khen-bo-cuc.yaml`, boxes in mm), in full (border and every
//! word) or as an overlay for pre-printed blanks (variable words only,
//! moved by the printer's offset and scale). Long texts shrink within their
//! box's size range and wrap between syllables; a box that needed its
//! smallest size is reported so a person proof-reads it.

mod layout;

use serde_json::Value as Json;

pub(crate) use layout::check_layout;
use layout::{parse_layout, Alignment, BoxSpec, PictureSpec, Style};

use crate::diag::{Kind, Location, Problem};
use crate::doc::Paper;
use crate::doc::{Align, Border, Color, Frame, Metadata, Picture, Sheet, Sheets, Timestamp};
use crate::input::{Input, LoaiNguoiNhan, NhomKhen};
use crate::text::breaks::balanced_text;
use crate::text::fonts::Face;
use crate::text::measure::{LINE_HEIGHT, PT_PER_MM};
use crate::words::awards;
use crate::words::boxes::BoxTexts;
use crate::words::templates::Templates;

/// How to print: full sheet or overlay, and the printer's correction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PrintOptions {
    pub overlay: bool,
    /// Printer drift in mm: positive moves right and down.
    pub offset: (f32, f32),
    /// Printer scale (1 = none), applied around the sheet's top-left corner.
    pub scale: f32,
    /// Paper for every group, over each group's `kho_giay`.
    pub paper: Option<Paper>,
}

impl Default for PrintOptions {
    fn default() -> PrintOptions {
        PrintOptions { overlay: false, offset: (0.0, 0.0), scale: 1.0, paper: None }
    }
}

/// A box whose text needed the smallest size of its range.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shrunk {
    /// Sheet (page) number, from 1.
    pub page: usize,
    pub recipient: String,
    pub field: String,
    pub size: f32,
}

/// The printer correction's limits: scale 0.5–2, offsets ±50 mm.
pub(crate) const SCALE_RANGE: (f32, f32) = (0.5, 2.0);
pub(crate) const OFFSET_MM: f32 = 50.0;

/// Refuses print options that would print blank or broken certificates:
/// a box of some group's sheets moved wholly off its paper. (The numbers'
/// ranges are checked where they are read, with their source.)
pub(crate) fn check_print(options: PrintOptions, templates: &Templates, input: &Input) -> Result<(), Vec<Problem>> {
    if input.khen_thuong.is_empty() {
        return Ok(());
    }
    let layout = parse_layout(templates).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let mut papers: Vec<Paper> =
        input.khen_thuong.iter().map(|g| options.paper.or(g.kho_giay).unwrap_or(Paper::A3)).collect();
    papers.dedup();
    for paper in papers {
        let (paper_width, paper_height) = paper.size();
        let (sx, sy) = (paper_width / layout.kho.rong, paper_height / layout.kho.cao);
        let (dx, dy) = options.offset;
        for spec in layout.o.iter().filter(|b| !(options.overlay && b.in_san)) {
            let left = spec.x * sx * options.scale + dx;
            let top = spec.y * sy * options.scale + dy;
            let (right, bottom) = (left + spec.rong * sx * options.scale, top + spec.cao * sy * options.scale);
            let on_sheet = right > 0.0 && bottom > 0.0 && left < paper_width && top < paper_height;
            let known =
                problems.iter().any(|p: &Problem| matches!(&p.kind, Kind::BoxOffSheet { name } if *name == spec.ten));
            if !on_sheet && !known {
                problems.push(Problem {
                    location: Box::new(Location::command_line()),
                    path: "--offset, --scale".into(),
                    kind: Kind::BoxOffSheet { name: spec.ten.clone() },
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The group's fields for the boxes, without its list (serialised once).
fn group_json(group: &NhomKhen) -> Json {
    // Left out while serialising, not after: a list can hold 100,000.
    let _hidden = crate::input::RecipientsHidden::new(true);
    let mut json = serde_json::to_value(group).expect("the input serialises");
    if let Json::Object(map) = &mut json {
        map.remove("danh_sach");
    }
    json
}

/// The least size a text shrinks to when even its box's smallest does not
/// fit, pt: past the layout's range (and reported), never past the box.
const LEAST_SIZE: f32 = 4.0;

/// Fits `text` into a box `width` × `height` points: the largest size of
/// `sizes` (in steps of 0.5 pt down from the largest) whose balanced lines
/// all fit; past the smallest, smaller still (down to [`LEAST_SIZE`]) until
/// they fit, and `true` as when the smallest was needed. Smaller sizes
/// never need more lines, so the steps are searched by halving: a handful
/// of line breaks whatever the range.
fn fit(text: &str, face: Face, sizes: [f32; 2], width: f32, height: f32) -> (f32, Vec<String>, bool) {
    let [largest, smallest] = sizes;
    let attempt = |size: f32| {
        let lines = balanced_text(text, face, size, width);
        let fits =
            lines.len() as f32 * size * LINE_HEIGHT <= height + 0.01 && lines.iter().all(|(_, w)| *w <= width + 0.01);
        (fits, lines)
    };
    let half_points = |from: f32, to: f32| ((from - to) / 0.5).ceil().max(0.0) as u32;
    let (within, beyond) = (half_points(largest, smallest), half_points(smallest, LEAST_SIZE));
    let size_at = |step: u32| {
        if step <= within {
            (largest - 0.5 * step as f32).max(smallest)
        } else {
            (smallest - 0.5 * (step - within) as f32).max(LEAST_SIZE)
        }
    };
    let done = |size: f32, lines: Vec<(String, f32)>, fits: bool| {
        let needed_smallest = size <= smallest && smallest < largest || size < smallest;
        (size, lines.into_iter().map(|(t, _)| t).collect(), needed_smallest || !fits)
    };
    let steps = within + beyond;
    let (fits, lines) = attempt(largest);
    if fits || steps == 0 {
        return done(largest, lines, fits);
    }
    // The first step that fits lies in (low, high]; `high` is checked last.
    let (mut low, mut high) = (0u32, steps);
    while high - low > 1 {
        let middle = (low + high) / 2;
        if attempt(size_at(middle)).0 {
            high = middle;
        } else {
            low = middle;
        }
    }
    let (fits, lines) = attempt(size_at(high));
    done(size_at(high), lines, fits)
}

/// How many digits the group's register numbers are typed with when some
/// are zero-padded ("0004", "0012"), else 0.
fn register_width(group: &NhomKhen) -> usize {
    group
        .danh_sach
        .iter()
        .filter_map(|p| p.so_so.as_deref().map(str::trim))
        .filter(|n| n.len() > 1 && n.starts_with('0') && n.chars().all(|c| c.is_ascii_digit()))
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// A register number as the register writes it: a number of digits only
/// padded with zeros to `width` ("4" → "0004"); anything else as typed.
fn register_number(typed: &str, width: usize) -> String {
    let typed = typed.trim();
    if !typed.is_empty() && typed.chars().all(|c| c.is_ascii_digit()) && typed.len() < width {
        format!("{typed:0>width$}")
    } else {
        typed.to_string()
    }
}

/// The inner frame (x, y, width, height in mm) of the layout on its own
/// sheet and on `paper`: boxes map from the one onto the other, so they
/// stay inside the frame on every sheet size.
fn frames(layout: &layout::Layout, paper: Paper) -> ([f32; 4], [f32; 4]) {
    let (width, height) = paper.size();
    let inset = layout.vien.as_ref().map_or(0.0, |v| v.trong);
    let from = [inset, inset, layout.kho.rong - 2.0 * inset, layout.kho.cao - 2.0 * inset];
    let to = match layout.khung.of(paper) {
        Some(size) => [(width - size.rong) / 2.0, (height - size.cao) / 2.0, size.rong, size.cao],
        None => {
            let scale = (width / layout.kho.rong).min(height / layout.kho.cao);
            let inset = inset * scale;
            [inset, inset, width - 2.0 * inset, height - 2.0 * inset]
        }
    };
    (from, to)
}

/// Where each sheet's frames come from: an award group's recipients made
/// into sheets one at a time, so a run of 100,000 never holds them all.
pub(crate) struct Certificates<'i> {
    group: &'i NhomKhen,
    /// The group's achievement: its own, or said of the programmes.
    achievement: String,
    /// The boxes' texts, compiled, and the data they are filled from: the
    /// group's fields, and the recipient's, replaced sheet by sheet (the
    /// group's are not copied for each).
    texts: BoxTexts,
    /// The layout file: where it came from, and its text (for messages).
    layout_file: (String, String),
    layout: layout::Layout,
    geometry: Geometry,
    /// Boxes reading the recipient (fitted per sheet), by index in the layout.
    own: Vec<usize>,
    /// Fitted texts by box, text and height (hundredths of a mm): most
    /// groups give every recipient the same achievement, fitted once.
    fitted: std::collections::HashMap<(usize, String, u32), (Option<Frame>, bool)>,
    /// Sheets made so far whose boxes at their smallest size are noted.
    noted: usize,
    shrunk: Vec<Shrunk>,
    /// Digits of the group's register numbers when typed zero-padded
    /// ("0004"): every number prints as wide.
    register_width: usize,
}

/// The Quốc hiệu and Tiêu ngữ a state body's certificate prints.
const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// The certificates of award group `index` (0-based): the sheets' shared
/// parts (paper, border, emblem, the frames every sheet reads alike) with
/// no sheet yet, and the source of each sheet.
pub(crate) fn prepare<'i>(
    input: &'i Input,
    index: usize,
    templates: &Templates,
    options: PrintOptions,
) -> Result<(Sheets, Certificates<'i>), Problem> {
    let group = &input.khen_thuong[index];
    let mut layout = parse_layout(templates)?;
    if super::family::of(group.family()) == crate::doc::Family::Party {
        party_title_rule(&mut layout);
    }
    let paper = options.paper.or(group.kho_giay).unwrap_or(Paper::A3);
    let (paper_width, paper_height) = paper.size();
    let (from, to) = frames(&layout, paper);
    let (sx, sy) = (to[2] / from[2], to[3] / from[3]);
    let font_scale = sx.min(sy) * options.scale;

    let base = {
        let mut context = serde_json::Map::new();
        context.insert("nhom".into(), group_json(group));
        context.insert("hinh_thuc".into(), group.hinh_thuc.name().into());
        context.insert("ten_nguoi_ky".into(), group.nguoi_ky.full_name().into());
        // A Party body's certificate: its title for the Quốc hiệu, no
        // Tiêu ngữ, its signing marks and number (spec §9.1).
        let family = super::family::of(group.family());
        let party = family == crate::doc::Family::Party;
        let (title, motto) = if party { ("ĐẢNG CỘNG SẢN VIỆT NAM", "") } else { (NATIONAL_NAME, MOTTO) };
        context.insert("quoc_hieu".into(), title.into());
        context.insert("tieu_ngu".into(), motto.into());
        let mark = group.nguoi_ky.the_thuc.as_deref().map(|m| super::family::signing_mark(m, family));
        context.insert("the_thuc".into(), mark.unwrap_or_default().into());
        context.insert("so_quyet_dinh".into(), super::family::number(&group.quyet_dinh.so, family).into());
        context
    };
    let texts = BoxTexts::compile(layout.o.iter().map(|spec| (spec.ten.as_str(), spec.chu.as_str())), base).map_err(
        |(index, detail)| {
            let kind = Kind::Template { name: layout::LAYOUT_NAME.into(), detail };
            layout::at(templates, &format!("o[{index}].chu"), kind)
        },
    )?;
    let border = match (&layout.vien, options.overlay) {
        (Some(spec), false) => Some(Border {
            color: Color::parse(&spec.mau).unwrap_or(Color::BLACK),
            // The double line between the paper's edge and the inner frame.
            outer: (spec.ngoai * (paper_width / layout.kho.rong).min(paper_height / layout.kho.cao))
                .min(to[0].min(to[1]) - 4.0),
            inner: (to[0], to[1]),
        }),
        _ => None,
    };
    let printed: Vec<usize> = (0..layout.o.len()).filter(|&i| !(options.overlay && layout.o[i].in_san)).collect();
    let (own, shared): (Vec<usize>, Vec<usize>) = printed.into_iter().partition(|&i| names_recipient(&layout.o[i].chu));
    let geometry = Geometry { from, to, sx, sy, font_scale, options };
    let meta = Metadata {
        title: format!("{} – Quyết định {}", group.hinh_thuc.name(), group.quyet_dinh.so),
        subject: format!("{} kèm theo Quyết định số {}", group.hinh_thuc.name(), group.quyet_dinh.so),
        author: group.co_quan.clone(),
        created: Some(Timestamp::date(group.quyet_dinh.ngay)),
    };
    let picture = match (&group.bieu_tuong, &layout.bieu_tuong, options.overlay) {
        (Some(emblem), Some(spec), false) => Some(picture(emblem, spec, &geometry)),
        _ => None,
    };
    let mut source = Certificates {
        group,
        achievement: crate::words::programmes::achievement(input, group),
        texts,
        layout_file: templates.layout.clone(),
        layout,
        geometry,
        own,
        fitted: std::collections::HashMap::new(),
        noted: 0,
        shrunk: Vec::new(),
        register_width: register_width(group),
    };
    // Boxes that name no recipient field read alike on every sheet: fit them once.
    let mut common = Vec::new();
    if let Some(first) = group.danh_sach.first() {
        source.fill(first);
        common = source.frames(&shared, 1, "mọi tờ", true)?;
    }
    let frame = Sheets { meta, width: paper_width, height: paper_height, border, common, picture, sheets: Vec::new() };
    Ok((frame, source))
}

/// A Party certificate has no Tiêu ngữ, and the rule the layout draws under
/// it goes under the Party's title instead, as long as the title (HD 36
/// 1.1.2: a solid rule beneath "ĐẢNG CỘNG SẢN VIỆT NAM").
fn party_title_rule(layout: &mut layout::Layout) {
    let motto_ruled = layout.o.iter().any(|spec| spec.ten == "tieu_ngu" && spec.gach_duoi);
    for spec in layout.o.iter_mut().filter(|spec| spec.ten == "quoc_hieu") {
        spec.gach_duoi |= motto_ruled;
    }
}

impl Certificates<'_> {
    /// How many sheets the group has.
    pub(crate) fn count(&self) -> usize {
        self.group.danh_sach.len()
    }

    /// Puts `person`'s fields into the boxes' data.
    fn fill(&mut self, person: &crate::input::NguoiNhan) {
        // Rendering with a ready context: `render` would serialise the
        // whole data again for every box.
        let context = self.texts.data_mut();
        let mut own = serde_json::to_value(person).expect("serialises");
        if let (Json::Object(fields), Some(number)) = (&mut own, person.so_so.as_deref()) {
            fields.insert("so_so".into(), register_number(number, self.register_width).into());
        }
        context.insert("nguoi".into(), own);
        context.insert("nguoi_nhan".into(), awards::display_name(person).into());
        let position = match person.loai {
            LoaiNguoiNhan::CaNhan => awards::position_and_unit(person),
            LoaiNguoiNhan::TapThe => person.don_vi.clone().unwrap_or_default(),
        };
        context.insert("chuc_vu_don_vi".into(), position.into());
        context.insert("thanh_tich".into(), person.thanh_tich.as_deref().unwrap_or(&self.achievement).into());
    }

    /// Box `index` filled from the data.
    fn text(&self, index: usize) -> Result<String, Problem> {
        let spec = &self.layout.o[index];
        let text = self
            .texts
            .render(&spec.ten, layout::LAYOUT_NAME)
            .map_err(|kind| layout::box_problem(&self.layout_file, index, *kind))?;
        Ok(text.trim().to_string())
    }

    /// The boxes `indices` filled from the data and fitted, each grown over
    /// the empty boxes stacked under it; a box at its smallest size is
    /// noted (once per sheet, when `note`).
    fn frames(&mut self, indices: &[usize], page: usize, recipient: &str, note: bool) -> Result<Vec<Frame>, Problem> {
        let texts = indices.iter().map(|&i| self.text(i)).collect::<Result<Vec<_>, _>>()?;
        let specs: Vec<&BoxSpec> = indices.iter().map(|&i| &self.layout.o[i]).collect();
        let mut frames = Vec::with_capacity(indices.len());
        for (position, &index) in indices.iter().enumerate() {
            let height = grown_height(&specs, &texts, position);
            let spec = specs[position];
            let key = (index, texts[position].clone(), (height * 100.0).round() as u32);
            let (frame, needed_smallest) = match self.fitted.get(&key) {
                Some(known) => known.clone(),
                None => {
                    let made = self.geometry.frame(spec, &key.1, height);
                    // Only texts many sheets share are worth keeping.
                    if self.fitted.len() < 64 && !names_one_person(&spec.chu) {
                        self.fitted.insert(key, made.clone());
                    }
                    made
                }
            };
            if let Some(frame) = frame {
                if needed_smallest && note {
                    self.shrunk.push(Shrunk {
                        page,
                        recipient: recipient.to_string(),
                        field: spec.ten.clone(),
                        size: frame.size,
                    });
                }
                frames.push(frame);
            }
        }
        Ok(frames)
    }

    /// The sheet of recipient `number` (0-based).
    pub(crate) fn sheet(&mut self, number: usize) -> Result<Sheet, Problem> {
        let group = self.group;
        let person = &group.danh_sach[number];
        self.fill(person);
        let note = number >= self.noted;
        let own = std::mem::take(&mut self.own);
        let frames = self.frames(&own, number + 1, &person.ten, note);
        self.own = own;
        if note {
            self.noted = number + 1;
        }
        Ok(Sheet { frames: frames? })
    }

    /// The boxes that needed their smallest size, over the sheets made.
    pub(crate) fn shrunk(&self) -> &[Shrunk] {
        &self.shrunk
    }
}

/// Whether a box reads fields that differ from person to person (a name),
/// as opposed to the achievement many recipients share.
fn names_one_person(template: &str) -> bool {
    template.contains("nguoi") && !template.contains("thanh_tich")
}

/// The emblem fitted into its box, keeping its proportions, centred.
fn picture(emblem: &crate::input::Emblem, spec: &PictureSpec, geometry: &Geometry) -> Picture {
    let (w, h) = emblem.pixels;
    let [x, y, box_w, box_h] = geometry.place(spec.x, spec.y, spec.rong, spec.cao);
    let fit = (box_w / w as f32).min(box_h / h as f32);
    let (width, height) = (w as f32 * fit, h as f32 * fit);
    Picture {
        x: x + (box_w - width) / 2.0,
        y: y + (box_h - height) / 2.0,
        width,
        height,
        png: emblem.png.clone(),
        pixels: (w, h),
    }
}

/// Whether a box's text reads a recipient's own data (so differs per sheet).
fn names_recipient(template: &str) -> bool {
    template.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')).any(|token| {
        matches!(token, "nguoi" | "nguoi_nhan" | "chuc_vu_don_vi" | "thanh_tich") || token.starts_with("nguoi.")
    })
}

/// Paper scaling and the printer's correction, applied to every box: the
/// layout's inner frame `from` maps onto the paper's `to` ([x, y, width,
/// height] in mm), then the printer's scale (around the sheet's top-left
/// corner) and offset apply.
struct Geometry {
    from: [f32; 4],
    to: [f32; 4],
    sx: f32,
    sy: f32,
    font_scale: f32,
    options: PrintOptions,
}

impl Geometry {
    /// A box of the layout on the paper: [x, y, width, height] in mm.
    fn place(&self, x: f32, y: f32, width: f32, height: f32) -> [f32; 4] {
        let scale = self.options.scale;
        let (dx, dy) = self.options.offset;
        [
            (self.to[0] + (x - self.from[0]) * self.sx) * scale + dx,
            (self.to[1] + (y - self.from[1]) * self.sy) * scale + dy,
            width * self.sx * scale,
            height * self.sy * scale,
        ]
    }

    /// The frame of `spec`, `height` mm tall on the layout (its own, or
    /// grown over empty boxes under it), holding `text` (none for empty
    /// text), and whether it needed its smallest size.
    fn frame(&self, spec: &BoxSpec, text: &str, height: f32) -> (Option<Frame>, bool) {
        if text.is_empty() {
            return (None, false);
        }
        let (bold, italic) = match spec.kieu {
            Style::Thuong => (false, false),
            Style::Dam => (true, false),
            Style::Nghieng => (false, true),
            Style::DamNghieng => (true, true),
        };
        let [x, y, width, height] = self.place(spec.x, spec.y, spec.rong, height);
        let sizes = [spec.co[0] * self.font_scale, spec.co[1] * self.font_scale];
        let (size, lines, needed_smallest) =
            fit(text, Face::new(bold, italic), sizes, width * PT_PER_MM, height * PT_PER_MM);
        let frame = Frame {
            x,
            y,
            width,
            height,
            lines,
            size,
            bold,
            italic,
            color: spec.mau.as_deref().and_then(Color::parse).unwrap_or(Color::BLACK),
            align: match spec.can {
                Alignment::Trai => Align::Left,
                Alignment::Giua => Align::Center,
                Alignment::Phai => Align::Right,
            },
            underline: spec.gach_duoi,
            line_height: LINE_HEIGHT,
            turned: false,
        };
        (Some(frame), needed_smallest)
    }
}

/// Height (mm, on the layout) of box `i`: its own, grown over the boxes
/// stacked right under it that are empty on this sheet (a collective has
/// no position line: its name takes that room rather than leave a band).
fn grown_height(specs: &[&BoxSpec], texts: &[String], i: usize) -> f32 {
    let spec = specs[i];
    let mut bottom = spec.y + spec.cao;
    for (below, text) in specs.iter().zip(texts).skip(i + 1) {
        let stacked = below.y >= bottom - 0.5
            && below.y - bottom <= 4.0
            && below.x < spec.x + spec.rong
            && spec.x < below.x + below.rong;
        if !stacked || !text.is_empty() {
            break;
        }
        bottom = below.y + below.cao;
    }
    bottom - spec.y
}

/// A file name for one recipient's PDF: "0001-nguyen-van-an.pdf" (ASCII,
/// no separators, list position first so the files sort in list order).
pub(crate) fn split_file_name(position: usize, name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let ascii: String = name
        .replace(['đ', 'Đ'], "d")
        .nfd()
        .filter(|c| c.is_ascii())
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    let slug: Vec<&str> = ascii.split('-').filter(|s| !s.is_empty()).collect();
    let mut slug = slug.join("-");
    slug.truncate(60);
    format!("{position:04}-{}.pdf", slug.trim_end_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_names_are_ascii_and_sorted_by_position() {
        assert_eq!(split_file_name(1, "Nguyễn Văn An"), "0001-nguyen-van-an.pdf");
        assert_eq!(split_file_name(27, "Đội dân phòng / phường Trại Cau"), "0027-doi-dan-phong-phuong-trai-cau.pdf");
        assert_eq!(split_file_name(3, "CLB “Zalo an ninh”"), "0003-clb-zalo-an-ninh.pdf");
    }

    #[test]
    fn long_text_shrinks_then_wraps_within_its_box() {
        let width = 100.0 * PT_PER_MM;
        let height = 20.0 * PT_PER_MM;
        let (size, lines, smallest) = fit("Công an", Face::Bold, [30.0, 18.0], width, height);
        assert_eq!((size, lines.len(), smallest), (30.0, 1, false));
        let long = "Tổ tự quản khu nhà trọ công nhân thôn Tràng Duệ, xã Lê Lợi, huyện An Dương, thành phố Hải Phòng";
        let (size, lines, _) = fit(long, Face::Bold, [30.0, 12.0], width, height);
        assert!((12.0..30.0).contains(&size));
        assert!(lines.len() as f32 * size * LINE_HEIGHT <= height);
        for line in &lines {
            assert!(Face::Bold.metrics().width(line, size) <= width, "{line}");
        }
        assert_eq!(lines.join(" "), long, "wraps only between syllables");
        let (_, _, smallest) = fit(&long.repeat(4), Face::Bold, [30.0, 12.0], width, height);
        assert!(smallest, "a text that cannot fit is reported");
    }

    #[test]
    fn register_numbers_keep_the_registers_width() {
        assert_eq!(register_number("4", 4), "0004");
        assert_eq!(register_number("0012", 4), "0012");
        assert_eq!(register_number("4", 0), "4");
        assert_eq!(register_number("12/SV", 4), "12/SV");
        assert_eq!(register_number("12345", 4), "12345");
    }
}
