//! Certificate sheets as a PDF written page by page while they are drawn
//! (pdf-writer): each page goes to the file as soon as it is made, so a
//! list of 100,000 holds one page, the shared forms and the glyphs used —
//! never the document. The subset fonts, resources, page tree and
//! cross-reference table follow the last page. PDF/A goes through krilla,
//! whose validator checks it, with the document held in memory.

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::Arc;

use pdf_writer::writers::{Catalog, DocumentInfo};
use pdf_writer::{Chunk, Content, Date, Filter, Finish, Name, Rect, Ref, Str, TextStr};

use super::frame::{Item, Laid, TextRun};
use super::pdf::Standard;
use super::pdf_fonts::FaceUse;
use super::repeated::Repeated;
use super::sheets::{common, frame_groups};
use super::{Refused, Stop};
use crate::doc::{Color, Metadata, Sheet, Sheets, Timestamp};
use crate::text::fonts::Face;

/// Writes to `out` the PDF of `count` certificate sheets that `next`
/// makes one at a time (by number from 0) on `frame`'s paper, border and
/// common frames; returns the page count.
pub(crate) fn write_sheets<E>(
    frame: &Sheets,
    standard: Standard,
    count: usize,
    next: &mut dyn FnMut(usize) -> Result<Sheet, E>,
    out: &mut dyn Write,
) -> Result<usize, Stop<E>> {
    let laid = common(frame);
    let pages = (0..count).map(|number| next(number).map(|sheet| frame_groups(&sheet)));
    match standard {
        Standard::PdfA2b => {
            let bytes = super::pdf::draw_pages(&laid, &frame.meta, standard, pages, Some(Repeated::default()))?;
            out.write_all(&bytes).map_err(Stop::Write)?;
        }
        Standard::Plain => {
            let mut writer = SheetWriter::start(out, &laid).map_err(Stop::Write)?;
            for groups in pages {
                writer.page(&groups.map_err(Stop::Source)?).map_err(Stop::Write)?;
            }
            writer.finish(&frame.meta)?;
        }
    }
    Ok(count)
}

/// The PDF of certificate sheets held in memory (one per file with
/// `--split`), and its page count.
pub(crate) fn render_sheets(sheets: &Sheets, standard: Standard) -> Result<(Vec<u8>, usize), Refused> {
    let mut bytes = Vec::new();
    let mut next = |number: usize| Ok::<_, std::convert::Infallible>(sheets.sheets[number].clone());
    let pages =
        write_sheets(sheets, standard, sheets.sheets.len(), &mut next, &mut bytes).map_err(|stop| match stop {
            Stop::Render(refused) => refused,
            Stop::Write(err) => Refused::other("pdf", err),
            Stop::Source(never) => match never {},
        })?;
    Ok((bytes, pages))
}

/// The names content streams use for the four faces, by [`Face`].
const FONT_NAMES: [&[u8]; 4] = [b"F0", b"F1", b"F2", b"F3"];

/// A PDF being written object by object, pages first.
struct SheetWriter<'w> {
    out: &'w mut dyn Write,
    /// Bytes written so far: where the next object starts.
    written: u64,
    /// Where each object starts, by number less one (0 until written).
    offsets: Vec<u64>,
    width: f32,
    height: f32,
    page_tree: Ref,
    /// The dictionary of the fonts used, written at the end when they are
    /// known; each page and form names it among its own resources.
    font_dict: Ref,
    /// The images and forms the page or form being drawn uses: its
    /// resources list only these (one list for every page would grow with
    /// the forms, and viewers read it for each page).
    used: Vec<(String, Ref)>,
    /// The glyphs drawn in each [`Face`], and once embedded at the end
    /// its font dictionary.
    faces: [FaceUse; 4],
    fonts: [Option<Ref>; 4],
    /// PNGs drawn, by the address of their bytes, named `I<n>`.
    images: Vec<(Arc<Vec<u8>>, Ref)>,
    /// Forms drawn by reference: `C` for what every sheet shares, then the
    /// repeated groups `G<n>`.
    common: Option<Ref>,
    forms: Vec<Ref>,
    repeated: Repeated<Item, usize>,
    pages: Vec<Ref>,
}

impl<'w> SheetWriter<'w> {
    fn start(out: &'w mut dyn Write, laid: &Laid) -> io::Result<SheetWriter<'w>> {
        let mut writer = SheetWriter {
            out,
            written: 0,
            offsets: Vec::new(),
            width: laid.width,
            height: laid.height,
            page_tree: Ref::new(1),
            font_dict: Ref::new(1),
            used: Vec::new(),
            fonts: [None; 4],
            faces: Default::default(),
            images: Vec::new(),
            common: None,
            forms: Vec::new(),
            repeated: Repeated::default(),
            pages: Vec::new(),
        };
        writer.page_tree = writer.reserve();
        writer.font_dict = writer.reserve();
        // A binary comment after the header tells transfer tools the file is binary.
        writer.raw(b"%PDF-1.7\n%\x80\x80\x80\x80\n\n")?;
        if !laid.common.is_empty() {
            writer.common = Some(writer.form(&laid.common)?);
        }
        Ok(writer)
    }

    fn reserve(&mut self) -> Ref {
        self.offsets.push(0);
        Ref::new(i32::try_from(self.offsets.len()).unwrap_or(i32::MAX))
    }

    /// Notes that what is being drawn names `object` as `name`.
    fn uses(&mut self, name: String, object: Ref) {
        if !self.used.iter().any(|(seen, _)| *seen == name) {
            self.used.push((name, object));
        }
    }

    fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)?;
        self.written += bytes.len() as u64;
        Ok(())
    }

    /// Writes `chunk`, which holds exactly one object.
    fn put(&mut self, chunk: &Chunk) -> io::Result<()> {
        if let Some(id) = chunk.refs().next() {
            self.offsets[id.get() as usize - 1] = self.written;
        }
        self.raw(chunk.as_bytes())
    }

    /// Draws one page: the common form, then each group — by reference
    /// when it repeats a recent page's.
    fn page(&mut self, groups: &[Cow<'_, [Item]>]) -> io::Result<()> {
        let mut content = Content::new();
        if let Some(common) = self.common {
            content.x_object(Name(b"C"));
            self.uses("C".into(), common);
        }
        for items in groups {
            let mut made = None;
            let form = self.repeated.form(items, |items| {
                made = Some(items.to_vec());
                Ok::<_, io::Error>(self.forms.len())
            })?;
            match (form, made) {
                (Some(index), made) => {
                    if let Some(items) = made {
                        let form = self.form(&items)?;
                        self.forms.push(form);
                    }
                    let name = format!("G{index}");
                    content.x_object(Name(name.as_bytes()));
                    self.uses(name, self.forms[index]);
                }
                (None, _) => {
                    self.draw(&mut content, items)?;
                    self.repeated.remember(items.to_vec());
                }
            }
        }
        let (contents, page) = (self.reserve(), self.reserve());
        self.stream(contents, &content.finish())?;
        let used = std::mem::take(&mut self.used);
        let mut chunk = Chunk::new();
        let mut writer = chunk.page(page);
        writer.parent(self.page_tree).media_box(Rect::new(0.0, 0.0, self.width, self.height)).contents(contents);
        resources(writer.insert(Name(b"Resources")).dict(), self.font_dict, &used);
        writer.finish();
        self.put(&chunk)?;
        self.pages.push(page);
        Ok(())
    }

    /// A compressed content stream.
    fn stream(&mut self, id: Ref, content: &[u8]) -> io::Result<()> {
        let mut chunk = Chunk::new();
        chunk.stream(id, &deflate(content)).filter(Filter::FlateDecode);
        self.put(&chunk)
    }

    /// `items` as a form the size of the page, drawn by name.
    fn form(&mut self, items: &[Item]) -> io::Result<Ref> {
        let mut content = Content::new();
        // A form is made while a page is drawn: the page's list waits.
        let page_uses = std::mem::take(&mut self.used);
        self.draw(&mut content, items)?;
        let used = std::mem::replace(&mut self.used, page_uses);
        let id = self.reserve();
        let compressed = deflate(&content.finish());
        let mut chunk = Chunk::new();
        let mut form = chunk.form_xobject(id, &compressed);
        form.filter(Filter::FlateDecode);
        form.bbox(Rect::new(0.0, 0.0, self.width, self.height));
        resources(form.insert(Name(b"Resources")).dict(), self.font_dict, &used);
        form.finish();
        self.put(&chunk)?;
        Ok(id)
    }

    /// Draws `items` (top-left origin, in points) into `content`.
    fn draw(&mut self, content: &mut Content, items: &[Item]) -> io::Result<()> {
        let height = self.height;
        for item in items {
            match item {
                Item::Text(run) => self.text(content, run),
                Item::Rule { x1, y1, x2, y2, width, color } => {
                    let (r, g, b) = rgb(*color);
                    content
                        .set_line_width(*width)
                        .set_stroke_rgb(r, g, b)
                        .move_to(*x1, height - y1)
                        .line_to(*x2, height - y2)
                        .stroke();
                }
                Item::Rect { x, y, width, height: tall, color } => {
                    if *width > 0.0 && *tall > 0.0 {
                        let (r, g, b) = rgb(*color);
                        content.set_fill_rgb(r, g, b).rect(*x, height - y - tall, *width, *tall).fill_nonzero();
                    }
                }
                Item::Turned { x, y, items } => {
                    // Half a turn about (x, y), in the PDF's upward y.
                    content.save_state().transform([-1.0, 0.0, 0.0, -1.0, 2.0 * x, 2.0 * (height - y)]);
                    self.draw(content, items)?;
                    content.restore_state();
                }
                Item::Image { x, y, width, height: tall, png } => {
                    // Checked when the input was read; one that fails here is not drawn.
                    if let Some(index) = self.image(png)? {
                        let name = format!("I{index}");
                        content
                            .save_state()
                            .transform([*width, 0.0, 0.0, *tall, *x, height - y - tall])
                            .x_object(Name(name.as_bytes()))
                            .restore_state();
                        self.uses(name, self.images[index].1);
                    }
                }
            }
        }
        Ok(())
    }

    /// One glyph per character (Liberation Serif has every Vietnamese
    /// letter precomposed, and input is NFC). Sheet text is never
    /// justified: its runs carry no word spacing (see `sheets`).
    fn text(&mut self, content: &mut Content, run: &TextRun) {
        let (r, g, b) = rgb(run.color);
        let face = &mut self.faces[run.face as usize];
        let codes: Vec<u8> = run.text.chars().flat_map(|ch| face.code(run.face, ch).0.to_be_bytes()).collect();
        content.set_fill_rgb(r, g, b).begin_text().set_font(Name(FONT_NAMES[run.face as usize]), run.size);
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, run.x, self.height - run.baseline]);
        content.show(Str(&codes)).end_text();
    }

    /// The index of `png`'s image object, written the first time it is
    /// drawn; `None` for bytes that do not decode.
    fn image(&mut self, png: &Arc<Vec<u8>>) -> io::Result<Option<usize>> {
        if let Some(index) = self.images.iter().position(|(seen, _)| Arc::ptr_eq(seen, png) || seen == png) {
            return Ok(Some(index));
        }
        let Some(decoded) = decode_png(png) else { return Ok(None) };
        let id = self.reserve();
        let mask = match &decoded.alpha {
            Some(alpha) => {
                let mask = self.reserve();
                let compressed = deflate(alpha);
                let mut chunk = Chunk::new();
                let mut image = chunk.image_xobject(mask, &compressed);
                image.filter(Filter::FlateDecode);
                image.width(decoded.width).height(decoded.height);
                image.color_space_name(Name(b"DeviceGray")).bits_per_component(8);
                image.finish();
                self.put(&chunk)?;
                Some(mask)
            }
            None => None,
        };
        let compressed = deflate(&decoded.color);
        let mut chunk = Chunk::new();
        let mut image = chunk.image_xobject(id, &compressed);
        image.filter(Filter::FlateDecode);
        image.width(decoded.width).height(decoded.height).bits_per_component(8);
        image.color_space_name(Name(if decoded.gray { b"DeviceGray" } else { b"DeviceRGB" }));
        image.interpolate(true);
        if let Some(mask) = mask {
            image.s_mask(mask);
        }
        image.finish();
        self.put(&chunk)?;
        self.images.push((Arc::clone(png), id));
        Ok(Some(self.images.len() - 1))
    }

    /// The fonts, the two resource dictionaries, the page tree, the
    /// document's information and XMP metadata, the catalog, and the
    /// cross-reference table with the trailer.
    fn finish<E>(mut self, meta: &Metadata) -> Result<(), Stop<E>> {
        let faces = std::mem::take(&mut self.faces);
        for face in Face::ALL {
            let used = &faces[face as usize];
            if used.is_used() {
                let font = self.reserve();
                self.fonts[face as usize] = Some(font);
                for chunk in used.embed(face, font, &mut || self.reserve()).map_err(Stop::Render)? {
                    self.put(&chunk).map_err(Stop::Write)?;
                }
            }
        }
        self.trailer(meta).map_err(Stop::Write)
    }

    fn trailer(&mut self, meta: &Metadata) -> io::Result<()> {
        let mut chunk = Chunk::new();
        let mut fonts = chunk.indirect(self.font_dict).dict();
        for face in Face::ALL {
            if let Some(font) = self.fonts[face as usize] {
                fonts.pair(Name(FONT_NAMES[face as usize]), font);
            }
        }
        fonts.finish();
        self.put(&chunk)?;

        let mut chunk = Chunk::new();
        let count = i32::try_from(self.pages.len()).unwrap_or(i32::MAX);
        chunk.pages(self.page_tree).kids(self.pages.iter().copied()).count(count);
        self.put(&chunk)?;

        let (info, metadata, catalog) = (self.reserve(), self.reserve(), self.reserve());
        let mut chunk = Chunk::new();
        let mut information: DocumentInfo = chunk.indirect(info).start();
        information.title(TextStr(&meta.title)).creator(TextStr("baocao"));
        if !meta.subject.is_empty() {
            information.subject(TextStr(&meta.subject));
        }
        if !meta.author.is_empty() {
            information.author(TextStr(&meta.author));
        }
        if let Some(created) = meta.created {
            information.creation_date(pdf_date(created));
        }
        information.finish();
        self.put(&chunk)?;

        let xmp = xmp(meta);
        let mut chunk = Chunk::new();
        chunk.metadata(metadata, xmp.as_bytes());
        self.put(&chunk)?;

        let mut chunk = Chunk::new();
        let mut root: Catalog = chunk.indirect(catalog).start();
        root.pages(self.page_tree).metadata(metadata).lang(TextStr("vi-VN"));
        root.finish();
        self.put(&chunk)?;

        let start = self.written;
        let mut table = format!("xref\n0 {}\n0000000000 65535 f\r\n", self.offsets.len() + 1).into_bytes();
        for offset in &self.offsets {
            table.extend_from_slice(format!("{offset:010} 00000 n\r\n").as_bytes());
        }
        let id = document_id(meta, self.pages.len());
        table.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root {} 0 R /Info {} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{start}\n%%EOF\n",
                self.offsets.len() + 1,
                catalog.get(),
                info.get()
            )
            .as_bytes(),
        );
        self.raw(&table)?;
        self.out.flush()
    }
}

/// Writes a resource dictionary: the fonts' shared dictionary and the
/// images and forms `used`.
fn resources(mut dict: pdf_writer::Dict, fonts: Ref, used: &[(String, Ref)]) {
    dict.pair(Name(b"Font"), fonts);
    let mut objects = dict.insert(Name(b"XObject")).dict();
    for (name, object) in used {
        objects.pair(Name(name.as_bytes()), *object);
    }
}

/// Zlib-compressed `data`, as a `FlateDecode` stream holds it.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

fn rgb(color: Color) -> (f32, f32, f32) {
    (f32::from(color.0) / 255.0, f32::from(color.1) / 255.0, f32::from(color.2) / 255.0)
}

fn pdf_date(t: Timestamp) -> Date {
    Date::new(t.year.clamp(0, 9999) as u16)
        .month(t.month as u8)
        .day(t.day as u8)
        .hour(t.hour as u8)
        .minute(t.minute as u8)
        .second(t.second as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// The XMP packet mirroring the document information (PDF 2.0 and
/// archives read the metadata from there).
fn xmp(meta: &Metadata) -> String {
    let mut xmp = xmp_writer::XmpWriter::new();
    xmp.title([(None, meta.title.as_str())])
        .language([xmp_writer::LangId("vi-VN")])
        .creator_tool("baocao")
        .format("application/pdf");
    if !meta.subject.is_empty() {
        xmp.description([(None, meta.subject.as_str())]);
    }
    if !meta.author.is_empty() {
        xmp.creator([meta.author.as_str()]);
    }
    if let Some(t) = meta.created {
        xmp.create_date(xmp_writer::DateTime {
            year: t.year.clamp(0, 9999) as u16,
            month: Some(t.month as u8),
            day: Some(t.day as u8),
            hour: Some(t.hour as u8),
            minute: Some(t.minute as u8),
            second: Some(t.second as u8),
            timezone: Some(xmp_writer::Timezone::Utc),
        });
    }
    xmp.finish(None)
}

/// The file identifier: the same for the same paper (reproducible builds),
/// different between papers.
fn document_id(meta: &Metadata, pages: usize) -> String {
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    let created = meta.created.map(|t| format!("{t:?}")).unwrap_or_default();
    for byte in [&meta.title, &meta.subject, &meta.author, &created, &pages.to_string()]
        .iter()
        .flat_map(|text| text.bytes().chain([0]))
    {
        hash = (hash ^ u128::from(byte)).wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
    }
    format!("{hash:032X}")
}

/// A PNG's pixels as a PDF image wants them: 8-bit gray or RGB samples,
/// and the alpha channel apart (a soft mask).
struct Decoded {
    width: i32,
    height: i32,
    gray: bool,
    color: Vec<u8>,
    alpha: Option<Vec<u8>>,
}

fn decode_png(bytes: &[u8]) -> Option<Decoded> {
    let mut decoder = png::Decoder::new(io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    let mut pixels = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut pixels).ok()?;
    pixels.truncate(frame.buffer_size());
    let (channels, gray) = match frame.color_type {
        png::ColorType::Grayscale => (1, true),
        png::ColorType::GrayscaleAlpha => (2, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (4, false),
        png::ColorType::Indexed => return None,
    };
    let (color, alpha) = if channels % 2 == 0 {
        let color_channels = channels - 1;
        let mut color = Vec::with_capacity(pixels.len() / channels * color_channels);
        let mut alpha = Vec::with_capacity(pixels.len() / channels);
        for pixel in pixels.chunks_exact(channels) {
            color.extend_from_slice(&pixel[..color_channels]);
            alpha.push(pixel[color_channels]);
        }
        (color, Some(alpha))
    } else {
        (pixels, None)
    };
    Some(Decoded {
        width: i32::try_from(frame.width).ok()?,
        height: i32::try_from(frame.height).ok()?,
        gray,
        color,
        alpha,
    })
}
