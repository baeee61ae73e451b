//! Paints layout items into a PNG: the DOCX backend's picture of a chart,
//! drawn from the same items the PDF draws as vectors (bars and rules with
//! tiny-skia, letters from the bundled fonts' outlines).

use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

use super::frame::{Item, TextRun};
use super::Refused;
use crate::doc::Color;

fn paint(color: Color) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(color.0, color.1, color.2, 255);
    paint.anti_alias = true;
    paint
}

/// Collects a glyph outline, moved to its place on the image.
struct Pen<'p> {
    path: &'p mut PathBuilder,
    x: f32,
    y: f32,
}

impl OutlinePen for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.path.move_to(self.x + x, self.y - y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.path.line_to(self.x + x, self.y - y);
    }
    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        self.path.quad_to(self.x + cx, self.y - cy, self.x + x, self.y - y);
    }
    fn curve_to(&mut self, c0x: f32, c0y: f32, c1x: f32, c1y: f32, x: f32, y: f32) {
        self.path.cubic_to(self.x + c0x, self.y - c0y, self.x + c1x, self.y - c1y, self.x + x, self.y - y);
    }
    fn close(&mut self) {
        self.path.close();
    }
}

fn draw_text(pixmap: &mut Pixmap, run: &TextRun, scale: f32) {
    let font = FontRef::new(run.face.bytes()).expect("bundled font parses");
    let outlines = font.outline_glyphs();
    let metrics = run.face.metrics();
    let size = run.size * scale;
    let mut path = PathBuilder::new();
    let mut x = run.x * scale;
    for ch in run.text.chars() {
        let Some((id, advance)) = metrics.glyph(ch) else { continue };
        if let Some(glyph) = outlines.get(GlyphId::new(id)) {
            let mut pen = Pen { path: &mut path, x, y: run.baseline * scale };
            let _ = glyph.draw(DrawSettings::unhinted(Size::new(size), LocationRef::default()), &mut pen);
        }
        x += advance * size;
    }
    if let Some(path) = path.finish() {
        pixmap.fill_path(&path, &paint(run.color), FillRule::Winding, Transform::identity(), None);
    }
}

/// The size in pixels of a `width` × `height` pt image at `dpi`.
pub(crate) fn pixels(width: f32, height: f32, dpi: f32) -> (u32, u32) {
    let scale = dpi / 72.0;
    ((width * scale).ceil() as u32, (height * scale).ceil() as u32)
}

/// A white `width` × `height` pt image of `items` at `dpi`, as PNG bytes
/// and its size in pixels.
pub(crate) fn png(items: &[Item], width: f32, height: f32, dpi: f32) -> Result<(Vec<u8>, u32, u32), Refused> {
    let scale = dpi / 72.0;
    let (w, h) = pixels(width, height, dpi);
    let mut pixmap = Pixmap::new(w, h).ok_or(Refused::Image)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    for item in items {
        match item {
            Item::Text(run) => draw_text(&mut pixmap, run, scale),
            Item::Rect { x, y, width, height, color } => {
                if let Some(rect) = Rect::from_xywh(x * scale, y * scale, width * scale, height * scale) {
                    pixmap.fill_rect(rect, &paint(*color), Transform::identity(), None);
                }
            }
            // Charts carry no images; certificates are not rasterised.
            Item::Image { .. } => {}
            // Only place cards turn their text, and they are not rasterised.
            Item::Turned { .. } => {}
            Item::Rule { x1, y1, x2, y2, width, color } => {
                let mut path = PathBuilder::new();
                path.move_to(x1 * scale, y1 * scale);
                path.line_to(x2 * scale, y2 * scale);
                if let Some(path) = path.finish() {
                    let stroke = Stroke { width: width * scale, ..Stroke::default() };
                    pixmap.stroke_path(&path, &paint(*color), &stroke, Transform::identity(), None);
                }
            }
        }
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    // A chart is flat colour: fast compression is nearly as small, and much quicker.
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(|e| Refused::other("png", e))?;
    writer.write_image_data(pixmap.data()).map_err(|e| Refused::other("png", e))?;
    writer.finish().map_err(|e| Refused::other("png", e))?;
    Ok((bytes, w, h))
}
