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
use crate::doc::{Align, Border, Color, Frame, Metadata, Picture, Sheet, Sheets, Timestamp};
use crate::input::{Input, LoaiNguoiNhan, NhomKhen};
use crate::text::fonts::Face;
use crate::text::measure::{self, LINE_HEIGHT, PT_PER_MM};
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
        location: Location { file, line, col, ..Location::default() }.into(),
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

/// Fits `text` into a box `width` × `height` points: the largest size of
/// `sizes` whose lines all fit; the smallest (and `true`) when none does.
fn fit(text: &str, face: Face, sizes: [f32; 2], width: f32, height: f32) -> (f32, Vec<String>, bool) {
    let [largest, smallest] = sizes;
    let mut size = largest;
    loop {
        let lines = measure::wrap(text, face, size, width);
        let fits =
            lines.len() as f32 * size * LINE_HEIGHT <= height + 0.01 && lines.iter().all(|(_, w)| *w <= width + 0.01);
        let at_bottom = size <= smallest;
        if fits || at_bottom {
            let needed_smallest = at_bottom && smallest < largest;
            return (size, lines.into_iter().map(|(t, _)| t).collect(), needed_smallest || !fits);
        }
        size = (size - 0.5).max(smallest);
    }
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
    let (sx, sy) = (paper_width / layout.kho.rong, paper_height / layout.kho.cao);
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
            outer: spec.ngoai * sx.min(sy),
            inner: spec.trong * sx.min(sy),
        }),
        _ => None,
    };
    let boxes: Vec<&BoxSpec> = layout.o.iter().filter(|b| !(options.overlay && b.in_san)).collect();
    let geometry = Geometry { sx, sy, font_scale, options };
    let (own, shared): (Vec<&BoxSpec>, Vec<&BoxSpec>) = boxes.into_iter().partition(|b| names_recipient(&b.chu));

    let mut shrunk = Vec::new();
    let mut render = |spec: &BoxSpec, context: &Json, page: usize, recipient: &str| -> Result<Option<Frame>, Problem> {
        let text = registry
            .render(&spec.ten, context)
            .map_err(|err| layout_problem(origin, None, None, format!("ô «{}»: {}", spec.ten, err.reason())))?;
        let (frame, needed_smallest) = geometry.frame(spec, text.trim());
        if needed_smallest {
            if let Some(frame) = &frame {
                shrunk.push(Shrunk {
                    page,
                    recipient: recipient.to_string(),
                    field: spec.ten.clone(),
                    size: frame.size,
                });
            }
        }
        Ok(frame)
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
            for spec in &shared {
                common.extend(render(spec, &context, 1, "mọi tờ")?);
            }
        }
        let mut frames = Vec::with_capacity(own.len());
        for spec in &own {
            frames.extend(render(spec, &context, number + 1, &person.ten)?);
        }
        sheets.push(Sheet { frames });
        progress();
    }
    let meta = Metadata {
        title: format!("{} – Quyết định {}", group.hinh_thuc.name(), group.quyet_dinh.so),
        subject: format!("{} kèm theo Quyết định số {}", group.hinh_thuc.name(), group.quyet_dinh.so),
        author: group.co_quan.clone(),
        created: Some(Timestamp::date(group.quyet_dinh.ngay)),
    };
    let picture = match (&group.bieu_tuong, &layout.bieu_tuong, options.overlay) {
        (Some(file), Some(spec), false) => Some(picture(file, spec, &geometry)?),
        _ => None,
    };
    Ok((Sheets { meta, width: paper_width, height: paper_height, border, common, picture, sheets }, shrunk))
}

/// The emblem fitted into its box, keeping its proportions, centred.
fn picture(file: &std::path::Path, spec: &PictureSpec, geometry: &Geometry) -> Result<Picture, Problem> {
    let unreadable = |detail: String| Problem {
        location: Location::file(&file.display().to_string()).into(),
        path: String::new(),
        kind: Kind::ImageUnreadable { file: file.display().to_string(), detail },
    };
    let png = std::fs::read(file).map_err(|e| unreadable(e.to_string()))?;
    let info = png::Decoder::new(std::io::Cursor::new(&png)).read_info().map_err(|e| unreadable(e.to_string()))?;
    let (w, h) = info.info().size();
    let scale = geometry.options.scale;
    let (box_w, box_h) = (spec.rong * geometry.sx * scale, spec.cao * geometry.sy * scale);
    let fit = (box_w / w as f32).min(box_h / h as f32);
    let (width, height) = (w as f32 * fit, h as f32 * fit);
    Ok(Picture {
        x: spec.x * geometry.sx * scale + geometry.options.offset.0 + (box_w - width) / 2.0,
        y: spec.y * geometry.sy * scale + geometry.options.offset.1 + (box_h - height) / 2.0,
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

/// Paper scaling and the printer's correction, applied to every box.
struct Geometry {
    sx: f32,
    sy: f32,
    font_scale: f32,
    options: PrintOptions,
}

impl Geometry {
    /// The frame of `spec` holding `text` (none for empty text), and whether
    /// it needed its smallest size.
    fn frame(&self, spec: &BoxSpec, text: &str) -> (Option<Frame>, bool) {
        if text.is_empty() {
            return (None, false);
        }
        let (bold, italic) = match spec.kieu {
            Style::Thuong => (false, false),
            Style::Dam => (true, false),
            Style::Nghieng => (false, true),
            Style::DamNghieng => (true, true),
        };
        let scale = self.options.scale;
        let (width, height) = (spec.rong * self.sx * scale, spec.cao * self.sy * scale);
        let sizes = [spec.co[0] * self.font_scale, spec.co[1] * self.font_scale];
        let (size, lines, needed_smallest) =
            fit(text, Face::new(bold, italic), sizes, width * PT_PER_MM, height * PT_PER_MM);
        let frame = Frame {
            x: spec.x * self.sx * scale + self.options.offset.0,
            y: spec.y * self.sy * scale + self.options.offset.1,
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
