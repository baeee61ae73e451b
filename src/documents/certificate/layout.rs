//! The certificate layout file (`templates/khen-bo-cuc.yaml`): its schema,
//! and the sizes it may hold — every number finite and within a range that
//! a sheet of paper allows, refused with its file:line:col otherwise, so
//! no layout can make fitting run for ever or a backend fail.

use serde::Deserialize;

use crate::diag::{Kind, Problem, Unit};
use crate::doc::{Color, Paper};
use crate::words::boxes::BoxTexts;
use crate::words::templates::{self, Templates};

/// The certificate layout file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Layout {
    /// The sheet the boxes are measured on, mm.
    pub(super) kho: SheetSize,
    /// The decorative border, printed in full mode only.
    pub(super) vien: Option<BorderSpec>,
    /// The inner frame on other sheet sizes (centred), where it is not the
    /// layout's own scaled: NĐ 50/2006 sets 320 × 230 on 400 × 300.
    #[serde(default)]
    pub(super) khung: FrameSizes,
    /// Where the group's emblem (`bieu_tuong`) goes; full mode only.
    pub(super) bieu_tuong: Option<PictureSpec>,
    /// The boxes.
    pub(super) o: Vec<BoxSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SheetSize {
    pub(super) rong: f32,
    pub(super) cao: f32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FrameSizes {
    a3: Option<SheetSize>,
    #[serde(rename = "400x300")]
    large: Option<SheetSize>,
    a4: Option<SheetSize>,
}

impl FrameSizes {
    pub(super) fn of(&self, paper: Paper) -> Option<&SheetSize> {
        match paper {
            Paper::A3 => self.a3.as_ref(),
            Paper::Large => self.large.as_ref(),
            Paper::A4 => self.a4.as_ref(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BorderSpec {
    pub(super) mau: String,
    pub(super) ngoai: f32,
    pub(super) trong: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PictureSpec {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) rong: f32,
    pub(super) cao: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BoxSpec {
    pub(super) ten: String,
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) rong: f32,
    pub(super) cao: f32,
    /// Handlebars text.
    pub(super) chu: String,
    #[serde(default)]
    pub(super) kieu: Style,
    /// [largest, smallest] size in points.
    pub(super) co: [f32; 2],
    pub(super) mau: Option<String>,
    #[serde(default)]
    pub(super) can: Alignment,
    #[serde(default)]
    pub(super) gach_duoi: bool,
    /// Pre-printed on the blanks: left out in overlay mode.
    #[serde(default)]
    pub(super) in_san: bool,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Style {
    #[default]
    Thuong,
    Dam,
    Nghieng,
    DamNghieng,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Alignment {
    Trai,
    #[default]
    Giua,
    Phai,
}

/// The smallest and largest sheet side, mm.
pub(crate) const SHEET_MM: (f32, f32) = (20.0, 2000.0);
/// The smallest and largest font size of a box, pt.
pub(crate) const FONT_PT: (f32, f32) = (1.0, 200.0);
/// The smallest side of a box or picture, mm.
pub(crate) const MIN_BOX_MM: f32 = 1.0;

/// The layout's name in messages, as its file is named among the templates.
pub(super) const LAYOUT_NAME: &str = "khen-bo-cuc";

/// The problem of box `index`'s text failing to render, at its `chu`.
pub(super) fn box_problem(layout: &(String, String), index: usize, kind: Kind) -> Problem {
    let (origin, text) = layout;
    let file = origin.split(" (").next().unwrap_or(origin);
    let path = format!("o[{index}].chu");
    Problem { location: Box::new(crate::input::locate_yaml(text, file, &path)), path, kind }
}

/// A problem at `path` (`o[5].co`) of the layout file, located by line and column.
pub(super) fn at(templates: &Templates, path: &str, kind: Kind) -> Problem {
    let (origin, text) = &templates.layout;
    let file = origin.split(" (").next().unwrap_or(origin);
    Problem { location: Box::new(crate::input::locate_yaml(text, file, path)), path: path.to_string(), kind }
}

pub(super) fn parse_layout(templates: &Templates) -> Result<Layout, Problem> {
    let (origin, text) = &templates.layout;
    let file = origin.split(" (").next().unwrap_or(origin);
    let layout: Layout = crate::input::yaml::read_typed(text, file).map_err(|mut problem| {
        // The type's and the syntax's words are the layout's: said as such.
        if let Kind::Syntax(detail) = &problem.kind {
            problem.kind = Kind::LayoutFile(detail.clone());
        }
        problem
    })?;
    check_sizes(&layout, templates)?;
    // The boxes' texts compile, and none includes itself.
    let boxes: Vec<(String, String)> = layout.o.iter().map(|b| (b.ten.clone(), b.chu.clone())).collect();
    if let Some(chain) = templates::find_recursion(&boxes) {
        return Err(at(templates, "o", Kind::TemplateRecursion { name: chain[0].clone(), chain }));
    }
    // Two boxes of one name would share one compiled text: the second's.
    for (index, spec) in layout.o.iter().enumerate() {
        if let Some(first) = layout.o[..index].iter().position(|b| b.ten == spec.ten) {
            let first_line = crate::input::locate_yaml(text, "", &format!("o[{first}].ten")).line;
            return Err(at(
                templates,
                &format!("o[{index}].ten"),
                Kind::DuplicateBox { name: spec.ten.clone(), first_line },
            ));
        }
    }
    BoxTexts::compile(layout.o.iter().map(|spec| (spec.ten.as_str(), spec.chu.as_str())), serde_json::Map::new())
        .map_err(|(index, detail)| {
            let kind = Kind::Template { name: LAYOUT_NAME.into(), detail };
            at(templates, &format!("o[{index}].chu"), kind)
        })?;
    Ok(layout)
}

/// A number of the layout within `min..=max`, else the located problem.
fn within(templates: &Templates, path: &str, value: f32, min: f32, max: f32, unit: Unit) -> Result<(), Problem> {
    if value.is_finite() && (min..=max).contains(&value) {
        return Ok(());
    }
    Err(at(
        templates,
        path,
        Kind::OutOfRange { value: format!("{value}"), min: format!("{min}"), max: format!("{max}"), unit },
    ))
}

/// Every size of the layout is finite and fits the sheet.
fn check_sizes(layout: &Layout, templates: &Templates) -> Result<(), Problem> {
    let mm = Unit::Millimetre;
    let (lo, hi) = SHEET_MM;
    within(templates, "kho.rong", layout.kho.rong, lo, hi, mm)?;
    within(templates, "kho.cao", layout.kho.cao, lo, hi, mm)?;
    let (width, height) = (layout.kho.rong, layout.kho.cao);
    if let Some(border) = &layout.vien {
        let half = width.min(height) / 2.0;
        within(templates, "vien.ngoai", border.ngoai, 0.0, half, mm)?;
        // The inner frame keeps some room: boxes are mapped from it.
        within(templates, "vien.trong", border.trong, 0.0, half - MIN_BOX_MM, mm)?;
        if Color::parse(&border.mau).is_none() {
            return Err(at(templates, "vien.mau", Kind::BadColor(border.mau.clone())));
        }
    }
    for (key, paper) in [("a3", Paper::A3), ("400x300", Paper::Large), ("a4", Paper::A4)] {
        if let Some(frame) = layout.khung.of(paper) {
            let (paper_width, paper_height) = paper.size();
            within(templates, &format!("khung.{key}.rong"), frame.rong, MIN_BOX_MM, paper_width, mm)?;
            within(templates, &format!("khung.{key}.cao"), frame.cao, MIN_BOX_MM, paper_height, mm)?;
        }
    }
    let place = |path: &str, x: f32, y: f32, w: f32, h: f32| -> Result<(), Problem> {
        within(templates, &format!("{path}.x"), x, 0.0, width, mm)?;
        within(templates, &format!("{path}.y"), y, 0.0, height, mm)?;
        within(templates, &format!("{path}.rong"), w, MIN_BOX_MM, width, mm)?;
        within(templates, &format!("{path}.cao"), h, MIN_BOX_MM, height, mm)
    };
    if let Some(picture) = &layout.bieu_tuong {
        place("bieu_tuong", picture.x, picture.y, picture.rong, picture.cao)?;
    }
    for (index, spec) in layout.o.iter().enumerate() {
        let path = format!("o[{index}]");
        place(&path, spec.x, spec.y, spec.rong, spec.cao)?;
        let (smallest, largest) = FONT_PT;
        within(templates, &format!("{path}.co[0]"), spec.co[0], smallest, largest, Unit::Point)?;
        within(templates, &format!("{path}.co[1]"), spec.co[1], smallest, spec.co[0], Unit::Point)?;
        if let Some(color) = spec.mau.as_deref().filter(|m| Color::parse(m).is_none()) {
            return Err(at(templates, &format!("{path}.mau"), Kind::BadColor(color.to_string())));
        }
    }
    Ok(())
}

/// Checks the certificate layout, so `check` reports a broken one even for
/// an input without award groups.
pub(crate) fn check_layout(templates: &Templates) -> Result<(), Problem> {
    parse_layout(templates).map(|_| ())
}
