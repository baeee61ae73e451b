//! Papers rendered in memory by the pipeline's own entry point
//! ([`crate::pack::render`], the steps `build` writes with), one kind at a time, and cached by conference
//! version: nothing is rendered twice for the same version. The preview's
//! page pictures are drawn from those same PDFs (hayro), cached alike.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use tokio::sync::Semaphore;

use super::check::ProblemJson;
use super::memo::Memo;
use super::store::conferences::Version;
use super::stored;
use crate::diag::{Failure, Lang, Severity};
use crate::documents::certificate::PrintOptions;
use crate::pack::output::OutputFile;
use crate::pack::{BuildRequest, DocKind, Format};

/// What is rendered together: a kind of paper (all decisions at once, all
/// certificate groups at once).
pub(crate) type Part = DocKind;

/// How certificates are printed: full, or on pre-printed blanks with a
/// printer's drift (kept in hundredths of a mm so it can key the cache).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct Print {
    pub overlay: bool,
    pub offset_x: i32,
    pub offset_y: i32,
    /// Ten-thousandths; 0 = 1.
    pub scale: i32,
}

impl Print {
    pub(crate) fn new(overlay: bool, offset: (f32, f32), scale: f32) -> Print {
        Print {
            overlay,
            offset_x: (offset.0 * 100.0).round() as i32,
            offset_y: (offset.1 * 100.0).round() as i32,
            scale: if (scale - 1.0).abs() < 1e-6 { 0 } else { (scale * 10_000.0).round() as i32 },
        }
    }

    fn options(&self) -> PrintOptions {
        PrintOptions {
            overlay: self.overlay,
            offset: (self.offset_x as f32 / 100.0, self.offset_y as f32 / 100.0),
            scale: if self.scale == 0 { 1.0 } else { self.scale as f32 / 10_000.0 },
            paper: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PartKey {
    conference: i64,
    version: i64,
    part: Part,
    pdf: bool,
    print: Print,
}

/// A part's files, and what a person should check in them.
pub(crate) struct PartOutput {
    pub files: Vec<OutputFile>,
    pub warnings: Vec<ProblemJson>,
}

/// Rendered, or the problems that stopped it (kept: the same version fails the same way).
pub(crate) type Rendered = Result<Arc<PartOutput>, Arc<Vec<ProblemJson>>>;

/// A page as a picture, and how many pages its paper has.
pub(crate) struct Picture {
    pub png: Vec<u8>,
    pub pages: usize,
}

pub(crate) type Pictured = Result<Arc<Picture>, Arc<Vec<ProblemJson>>>;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PageKey {
    part: PartKey,
    file: String,
    page: usize,
}

/// A failure that says nothing about the version (the disk, a crash):
/// answered, but not remembered.
#[derive(Debug)]
pub(crate) struct Transient(pub String);

/// The preview's width in pixels (a page fills the preview column).
const PREVIEW_WIDTH: f32 = 900.0;

pub(crate) struct Renderer {
    templates: Option<PathBuf>,
    parts: Memo<PartKey, Rendered>,
    pages: Memo<PageKey, Pictured>,
    /// At most this many renders at once (one per core): more only shares the cores.
    permits: Semaphore,
    /// Renders done since start, for the status answer (and the tests that
    /// check nothing is rendered twice).
    renders: AtomicU64,
}

impl Renderer {
    pub(crate) fn new(templates: Option<PathBuf>) -> Renderer {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Renderer {
            templates,
            parts: Memo::new(512 << 20),
            pages: Memo::new(64 << 20),
            permits: Semaphore::new(cores),
            renders: AtomicU64::new(0),
        }
    }

    pub(crate) fn renders(&self) -> u64 {
        self.renders.load(Ordering::Relaxed)
    }

    pub(crate) fn cached(&self) -> (usize, usize) {
        (self.parts.len(), self.pages.len())
    }

    /// The files of `part` of `version` in `format`.
    pub(crate) async fn part(
        &self,
        version: &Arc<Version>,
        part: Part,
        format: Format,
        print: &Print,
    ) -> Result<Rendered, Transient> {
        // Only certificates depend on how they are printed.
        let print = if part == DocKind::Khen { print.clone() } else { Print::default() };
        let key = PartKey {
            conference: version.conference,
            version: version.version,
            part,
            pdf: format == Format::Pdf,
            print: print.clone(),
        };
        let size = |rendered: &Rendered| match rendered {
            Ok(output) => output.files.iter().map(|f| f.bytes.len()).sum(),
            Err(_) => 1024,
        };
        self.parts
            .get_or_compute(key, size, || async {
                let _permit = self.permits.acquire().await.map_err(|e| Transient(e.to_string()))?;
                let (templates, version) = (self.templates.clone(), Arc::clone(version));
                let rendered = tokio::task::spawn_blocking(move || render(templates, &version, part, format, &print))
                    .await
                    .map_err(|e| Transient(e.to_string()))??;
                self.renders.fetch_add(1, Ordering::Relaxed);
                Ok(rendered)
            })
            .await
    }

    /// Page `page` (from 1) of the PDF `file` of `part`, as a PNG.
    pub(crate) async fn picture(
        &self,
        version: &Arc<Version>,
        part: Part,
        file: &str,
        page: usize,
        print: &Print,
    ) -> Result<Pictured, Transient> {
        let rendered = self.part(version, part, Format::Pdf, print).await?;
        let output = match rendered {
            Ok(output) => output,
            Err(problems) => return Ok(Err(problems)),
        };
        let print = if part == DocKind::Khen { print.clone() } else { Print::default() };
        let key = PageKey {
            part: PartKey { conference: version.conference, version: version.version, part, pdf: true, print },
            file: file.to_string(),
            page,
        };
        let size = |pictured: &Pictured| pictured.as_ref().map_or(1024, |p| p.png.len());
        self.pages
            .get_or_compute(key, size, || async {
                let Some(index) = output.files.iter().position(|f| f.entry.path == file) else {
                    return Ok(Err(Arc::new(Vec::new())));
                };
                let _permit = self.permits.acquire().await.map_err(|e| Transient(e.to_string()))?;
                let output = Arc::clone(&output);
                tokio::task::spawn_blocking(move || Ok(draw_page(&output.files[index].bytes, page)))
                    .await
                    .map_err(|e| Transient(e.to_string()))?
            })
            .await
    }
}

fn render(
    templates: Option<PathBuf>,
    version: &Version,
    part: Part,
    format: Format,
    print: &Print,
) -> Result<Rendered, Transient> {
    let request = BuildRequest {
        input: stored::source(&version.yaml, &version.files),
        templates,
        only: vec![part],
        formats: vec![format],
        print: print.options(),
        split: false,
        progress: false,
        force: false,
        pdfa: false,
    };
    match crate::pack::render(&request) {
        Ok(rendered) => Ok(Ok(Arc::new(PartOutput {
            files: rendered.files,
            // As `build` shows them: what needs a look; how lists were read is the form's.
            warnings: rendered
                .warnings
                .iter()
                .filter(|p| p.kind.severity() != Severity::Info)
                .map(|p| ProblemJson::new(p, Lang::Vi))
                .collect(),
        }))),
        Err(Failure::Input(problems)) => {
            Ok(Err(Arc::new(problems.iter().map(|p| ProblemJson::new(p, Lang::Vi)).collect())))
        }
        Err(Failure::Io { .. } | Failure::Output { .. }) => Err(Transient("I/O".into())),
        Err(failure @ Failure::Render { .. }) => Ok(Err(Arc::new(vec![ProblemJson {
            path: String::new(),
            line: None,
            col: None,
            severity: "error",
            message: failure.message(Lang::Vi).trim().to_string(),
            both: (failure.message(Lang::Vi).trim().to_string(), failure.message(Lang::En).trim().to_string()),
            file: String::new(),
            cell: None,
            o_bieu_mau: failure.message(Lang::Vi).trim().to_string(),
            form_both: (failure.message(Lang::Vi).trim().to_string(), failure.message(Lang::En).trim().to_string()),
        }]))),
    }
}

/// Page `page` (from 1) of `pdf` drawn `PREVIEW_WIDTH` pixels wide; a page
/// past the end draws the last one.
fn draw_page(pdf: &[u8], page: usize) -> Pictured {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;

    let unreadable = || Err(Arc::new(Vec::new()));
    let Ok(document) = Pdf::new(pdf.to_vec()) else { return unreadable() };
    let pages = document.pages();
    let count = pages.len();
    let Some(page) = pages.get(page.clamp(1, count.max(1)) - 1) else { return unreadable() };
    let (width, _) = page.render_dimensions();
    let scale = PREVIEW_WIDTH / width;
    let settings = hayro::PixmapSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: hayro::vello_cpu::color::palette::css::WHITE,
    };
    let pixmap = hayro::render(
        page,
        &hayro::RenderCache::new(),
        &InterpreterSettings::default(),
        &hayro::RenderSettings::default(),
        &settings,
    );
    match page_png(&pixmap) {
        Ok(png) => Ok(Arc::new(Picture { png, pages: count })),
        Err(_) => unreadable(),
    }
}

/// The picture as a PNG compressed for speed: the default settings took
/// longer than drawing the page, and the clerk waits for both; the bytes
/// only cross the office network.
fn page_png(pixmap: &hayro::vello_cpu::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let mut png = Vec::new();
    let mut encoder = png::Encoder::new(&mut png, u32::from(pixmap.width()), u32::from(pixmap.height()));
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Up);
    let mut writer = encoder.write_header()?;
    // Drawn on opaque white, so premultiplied pixels are the plain ones.
    writer.write_image_data(pixmap.data_as_u8_slice())?;
    writer.finish()?;
    Ok(png)
}
