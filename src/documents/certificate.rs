//! Commendation certificates (bằng khen, giấy khen): one sheet per
//! recipient of an award group, laid out by the certificate layout
//! (`templates/khen-bo-cuc.yaml`, boxes in mm), in full (border and every
//! word) or as an overlay for pre-printed blanks (variable words only,
//! moved by the printer's offset and scale). Long texts shrink within their
//! box's size range and wrap between syllables; a box that needed its
//! smallest size is reported so a person proof-reads it.

use serde::Deserialize;
use serde_json::Value as Json;

use crate::diag::{Kind, Location, Problem};
use crate::doc::Paper;
use crate::doc::{Align, Border, Color, Frame, Picture, Sheet, Sheets};
use crate::input::{Input, LoaiNguoiNhan, NhomKhen};
use crate::text::breaks::balanced_text;
use crate::text::fonts::Face;
use crate::text::measure::{LINE_HEIGHT, PT_PER_MM};
use crate::words::awards;
use crate::words::templates::{self, Templates};

/// The certificate layout file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Layout {
    /// The sheet the boxes are measured on, mm.
    kho: SheetSize,
    /// The decorative border, printed in full mode only.
    vien: Option<BorderSpec>,
    /// The inner frame on other sheet sizes (centred), where it is not the
    /// layout's own scaled: NĐ 50/2006 sets 320 × 230 on 400 × 300.
    #[serde(default)]
    khung: FrameSizes,
    /// Where the group's emblem (`bieu_tuong`) goes; full mode only.
    bieu_tuong: Option<PictureSpec>,
    /// The boxes.
    o: Vec<BoxSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SheetSize {
    rong: f32,
    cao: f32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameSizes {
    a3: Option<SheetSize>,
    #[serde(rename = "400x300")]
    large: Option<SheetSize>,
    a4: Option<SheetSize>,
}

impl FrameSizes {
    fn of(&self, paper: Paper) -> Option<&SheetSize> {
        match paper {
            Paper::A3 => self.a3.as_ref(),
            Paper::Large => self.large.as_ref(),
            Paper::A4 => self.a4.as_ref(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BorderSpec {
    mau: String,
    ngoai: f32,
    trong: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PictureSpec {
    x: f32,
    y: f32,
    rong: f32,
    cao: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BoxSpec {
    ten: String,
    x: f32,
    y: f32,
    rong: f32,
    cao: f32,
    /// Handlebars text.
    chu: String,
    #[serde(default)]
    kieu: Style,
    /// [largest, smallest] size in points.
    co: [f32; 2],
    mau: Option<String>,
    #[serde(default)]
    can: Alignment,
    #[serde(default)]
    gach_duoi: bool,
    /// Pre-printed on the blanks: left out in overlay mode.
    #[serde(default)]
    in_san: bool,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Style {
    #[default]
    Thuong,
    Dam,
    Nghieng,
    DamNghieng,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Alignment {
    Trai,
    #[default]
    Giua,
    Phai,
}

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

fn layout_problem(origin: &str, line: Option<usize>, col: Option<usize>, detail: String) -> Problem {
    let file = origin.split(" (").next().unwrap_or(origin).to_string();
    Problem {
        location: Location { file, line, col, ..Location::default() },
        path: String::new(),
        kind: Kind::Template { name: templates::CERTIFICATE_LAYOUT.trim_end_matches(".yaml").into(), detail },
    }
}

fn parse_layout(templates: &Templates) -> Result<Layout, Problem> {
    let (origin, text) = &templates.layout;
    let layout: Layout = serde_yaml::from_str(text).map_err(|err| {
        let at = err.location();
        let line = at.as_ref().map(|l| l.line());
        let raw = err.to_string();
        let detail = raw.split(" at line ").next().unwrap_or(&raw).to_string();
        let mut problem = layout_problem(origin, line, at.as_ref().map(|l| l.column()), String::new());
        problem.kind = Kind::LayoutFile(detail);
        problem.location.excerpt = line.and_then(|l| text.lines().nth(l.saturating_sub(1))).map(str::to_string);
        problem
    })?;
    for spec in &layout.o {
        let bad = |detail: String| Err(layout_problem(origin, None, None, format!("ô «{}»: {detail}", spec.ten)));
        if spec.co[1] > spec.co[0] || spec.co[1] <= 0.0 {
            return bad(format!("co = [{}, {}] phải là [lớn nhất, nhỏ nhất]", spec.co[0], spec.co[1]));
        }
        if spec.mau.as_deref().is_some_and(|m| Color::parse(m).is_none()) {
            return bad("mau phải có dạng RRGGBB".into());
        }
    }
    Ok(layout)
}

/// Checks the certificate layout, so `check` reports a broken one even for
/// an input without award groups.
pub(crate) fn check_layout(templates: &Templates) -> Result<(), Problem> {
    parse_layout(templates).map(|_| ())
}

/// The group's fields for the boxes, without its list (serialised once).
fn group_json(group: &NhomKhen) -> Json {
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
/// `sizes` whose balanced lines all fit; past the smallest, smaller still
/// until they fit (and `true`, as when the smallest was needed).
fn fit(text: &str, face: Face, sizes: [f32; 2], width: f32, height: f32) -> (f32, Vec<String>, bool) {
    let [largest, smallest] = sizes;
    let mut size = largest;
    loop {
        let lines = balanced_text(text, face, size, width);
        let fits =
            lines.len() as f32 * size * LINE_HEIGHT <= height + 0.01 && lines.iter().all(|(_, w)| *w <= width + 0.01);
        if fits || size <= LEAST_SIZE {
            let needed_smallest = size <= smallest && smallest < largest || size < smallest;
            return (size, lines.into_iter().map(|(t, _)| t).collect(), needed_smallest || !fits);
        }
        size = if size > smallest { (size - 0.5).max(smallest) } else { (size - 0.5).max(LEAST_SIZE) };
    }
}

/// The inner frame (x, y, width, height in mm) of the layout on its own
/// sheet and on `paper`: boxes map from the one onto the other, so they
/// stay inside the frame on every sheet size.
fn frames(layout: &Layout, paper: Paper) -> ([f32; 4], [f32; 4]) {
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

/// The certificates of award group `index` (0-based): one sheet per
/// recipient in list order; `progress` is called once per sheet.
pub(crate) fn build(
    input: &Input,
    index: usize,
    templates: &Templates,
    options: PrintOptions,
    progress: &mut dyn FnMut(),
) -> Result<(Sheets, Vec<Shrunk>), Problem> {
    let group = &input.khen_thuong[index];
    let layout = parse_layout(templates)?;
    let paper = options.paper.or(group.kho_giay).unwrap_or(Paper::A3);
    let (paper_width, paper_height) = paper.size();
    let (from, to) = frames(&layout, paper);
    let (sx, sy) = (to[2] / from[2], to[3] / from[3]);
    let font_scale = sx.min(sy) * options.scale;

    let mut registry = templates::plain_registry();
    let origin = &templates.layout.0;
    for spec in &layout.o {
        registry
            .register_template_string(&spec.ten, &spec.chu)
            .map_err(|err| layout_problem(origin, None, None, format!("ô «{}»: {}", spec.ten, err.reason())))?;
    }

    let base = {
        let mut context = serde_json::Map::new();
        context.insert("nhom".into(), group_json(group));
        context.insert("hinh_thuc".into(), group.hinh_thuc.name().into());
        context.insert("ten_nguoi_ky".into(), group.nguoi_ky.full_name().into());
        context
    };
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
    let boxes: Vec<&BoxSpec> = layout.o.iter().filter(|b| !(options.overlay && b.in_san)).collect();
    let geometry = Geometry { from, to, sx, sy, font_scale, options };
    let (own, shared): (Vec<&BoxSpec>, Vec<&BoxSpec>) = boxes.into_iter().partition(|b| names_recipient(&b.chu));

    let mut shrunk = Vec::new();
    let text_of = |spec: &BoxSpec, context: &Json| -> Result<String, Problem> {
        let text = registry
            .render(&spec.ten, context)
            .map_err(|err| layout_problem(origin, None, None, format!("ô «{}»: {}", spec.ten, err.reason())))?;
        Ok(text.trim().to_string())
    };
    // Fits each box's text (a box grown over the empty boxes under it).
    let mut set = |specs: &[&BoxSpec], texts: &[String], page: usize, recipient: &str| -> Vec<Frame> {
        let mut frames = Vec::with_capacity(specs.len());
        for (i, (spec, text)) in specs.iter().zip(texts).enumerate() {
            let (frame, needed_smallest) = geometry.frame(spec, text, grown_height(specs, texts, i));
            if let Some(frame) = frame {
                if needed_smallest {
                    shrunk.push(Shrunk {
                        page,
                        recipient: recipient.to_string(),
                        field: spec.ten.clone(),
                        size: frame.size,
                    });
                }
                frames.push(frame);
            }
        }
        frames
    };

    let mut sheets = Vec::with_capacity(group.danh_sach.len());
    let mut common = Vec::new();
    for (number, person) in group.danh_sach.iter().enumerate() {
        let mut context = base.clone();
        context.insert("nguoi".into(), serde_json::to_value(person).expect("serialises"));
        context.insert("nguoi_nhan".into(), awards::display_name(person).into());
        let position = match person.loai {
            LoaiNguoiNhan::CaNhan => awards::position_and_unit(person),
            LoaiNguoiNhan::TapThe => person.don_vi.clone().unwrap_or_default(),
        };
        context.insert("chuc_vu_don_vi".into(), position.into());
        context.insert("thanh_tich".into(), person.thanh_tich.as_deref().unwrap_or(&group.thanh_tich).into());
        let context = Json::Object(context);
        // Boxes that name no recipient field read alike on every sheet: fit them once.
        if number == 0 {
            let texts = shared.iter().map(|spec| text_of(spec, &context)).collect::<Result<Vec<_>, _>>()?;
            common = set(&shared, &texts, 1, "mọi tờ");
        }
        let texts = own.iter().map(|spec| text_of(spec, &context)).collect::<Result<Vec<_>, _>>()?;
        sheets.push(Sheet { frames: set(&own, &texts, number + 1, &person.ten) });
        progress();
    }
    let title = format!("{} – Quyết định {}", group.hinh_thuc.name(), group.quyet_dinh.so);
    let picture = match (&group.bieu_tuong, &layout.bieu_tuong, options.overlay) {
        (Some(file), Some(spec), false) => Some(picture(file, spec, &geometry)?),
        _ => None,
    };
    Ok((Sheets { title, width: paper_width, height: paper_height, border, common, picture, sheets }, shrunk))
}

/// The emblem fitted into its box, keeping its proportions, centred.
fn picture(file: &std::path::Path, spec: &PictureSpec, geometry: &Geometry) -> Result<Picture, Problem> {
    let unreadable = |detail: String| Problem {
        location: Location::file(&file.display().to_string()),
        path: String::new(),
        kind: Kind::ImageUnreadable { file: file.display().to_string(), detail },
    };
    let png = std::fs::read(file).map_err(|e| unreadable(e.to_string()))?;
    let info = png::Decoder::new(std::io::Cursor::new(&png)).read_info().map_err(|e| unreadable(e.to_string()))?;
    let (w, h) = info.info().size();
    let [x, y, box_w, box_h] = geometry.place(spec.x, spec.y, spec.rong, spec.cao);
    let fit = (box_w / w as f32).min(box_h / h as f32);
    let (width, height) = (w as f32 * fit, h as f32 * fit);
    Ok(Picture {
        x: x + (box_w - width) / 2.0,
        y: y + (box_h - height) / 2.0,
        width,
        height,
        png: std::sync::Arc::new(png),
        pixels: (w, h),
    })
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
        assert!(size < 30.0 && size >= 12.0);
        assert!(lines.len() as f32 * size * LINE_HEIGHT <= height);
        for line in &lines {
            assert!(Face::Bold.metrics().width(line, size) <= width, "{line}");
        }
        assert_eq!(lines.join(" "), long, "wraps only between syllables");
        let (_, _, smallest) = fit(&long.repeat(4), Face::Bold, [30.0, 12.0], width, height);
        assert!(smallest, "a text that cannot fit is reported");
    }
}
