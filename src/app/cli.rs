//! Command-line interface: the subcommands of `baocao`, their options, and
//! how results and problems are reported to a person on stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};

use super::samples;
use crate::diag::Unit;
use crate::diag::{self, Kind, Lang, Location, Problem};
use crate::diag::{Failure, IoAction, RenderKind};
use crate::doc::Paper;
use crate::documents::certificate::{self, PrintOptions};
use crate::input::{bounds, Source};
use crate::pack::{BuildRequest, DocKind, Format};

/// Giấy tờ hội nghị sơ kết / tổng kết (báo cáo …) theo Nghị định 30/2020,
/// dạng PDF và DOCX, từ một tệp YAML.
#[derive(Debug, Parser)]
#[command(name = "baocao", version)]
pub struct Cli {
    /// Ngôn ngữ thông báo / message language.
    #[arg(long, global = true, value_parser = choices(LANGS), default_value = "vi")]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Dựng giấy tờ từ tệp YAML vào thư mục out/<tên tệp>/.
    Build {
        /// Tệp YAML đầu vào.
        input: PathBuf,
        /// Thư mục ghi kết quả (mặc định out/<tên tệp>/).
        #[arg(short = 'o', long = "out")]
        out: Option<PathBuf>,
        /// Chỉ dựng loại giấy tờ này (có thể lặp lại hoặc cách nhau bằng dấu phẩy).
        #[arg(long, value_parser = choices(DOC_KINDS), value_delimiter = ',')]
        only: Vec<DocKind>,
        /// Chỉ ghi định dạng này (pdf, docx).
        #[arg(long, value_parser = choices(FORMATS), value_delimiter = ',')]
        format: Vec<Format>,
        /// Thư mục mẫu thay cho mẫu có sẵn (theo tên tệp .hbs).
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Thay cả thư mục ghi dù nó không do baocao ghi (không có manifest.json).
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        print: PrintArgs,
        /// Ghi PDF theo chuẩn lưu trữ PDF/A-2b.
        #[arg(long)]
        pdfa: bool,
    },
    /// Chỉ kiểm tra tệp YAML (và mẫu); không ghi gì.
    Check {
        input: PathBuf,
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Ghi một tệp mẫu đầu vào (YAML + danh sách CSV) và mẫu danh sách danh-sach.xlsx để sửa.
    Init {
        /// Thư mục ghi (mặc định: thư mục hiện tại).
        dir: Option<PathBuf>,
        /// Mẫu nào: hai-phong (mặc định), mot-nam, nhieu-chuong-trinh … (xem docs/dau-vao.md).
        #[arg(long)]
        mau: Option<String>,
    },
    /// Báo cáo tổng hợp theo khoảng năm, từ một hay nhiều tệp YAML.
    Summary {
        /// Các tệp YAML đầu vào (mỗi đơn vị một tệp).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Năm đầu.
        #[arg(long)]
        from: i32,
        /// Năm cuối.
        #[arg(long)]
        to: i32,
        /// Thư mục ghi (mặc định out/tong-hop/).
        #[arg(short = 'o', long = "out")]
        out: Option<PathBuf>,
        /// Cơ quan ở phần đầu văn bản (mặc định: của tệp đầu tiên).
        #[arg(long = "co-quan")]
        co_quan: Option<String>,
        /// Mã chỉ tiêu vẽ biểu đồ, ví dụ clb,mo_hinh (mặc định: hai chỉ tiêu đầu có số liệu theo năm).
        #[arg(long, value_delimiter = ',')]
        chart: Vec<String>,
        /// Ngày của báo cáo (YYYY-MM-DD); không có thì để trống để điền tay.
        #[arg(long, value_parser = parse_date)]
        ngay: Option<crate::text::vn::Date>,
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Tệp chi-tieu.yaml: các chỉ tiêu của các tệp là cùng một chỉ tiêu (xem docs/tong-hop.md).
        #[arg(long = "chi-tieu")]
        chi_tieu: Option<PathBuf>,
        /// Ghi PDF theo chuẩn lưu trữ PDF/A-2b (cần --ngay hoặc SOURCE_DATE_EPOCH).
        #[arg(long)]
        pdfa: bool,
    },
    /// In tờ lưới mm để đo độ lệch của máy in trước khi in lên phôi.
    Calibrate {
        /// Khổ giấy.
        #[arg(long, value_parser = choices(PAPERS), default_value = "a3")]
        sheet: Paper,
        /// Tệp PDF ghi ra.
        #[arg(short = 'o', long = "out", default_value = "calib.pdf")]
        out: PathBuf,
    },
    /// Mẫu văn bản (handlebars).
    Templates {
        #[command(subcommand)]
        action: TemplatesAction,
    },
    /// Mở không gian làm việc của văn phòng trong trình duyệt (biểu mẫu, xem trước, sổ đăng ký).
    #[cfg(feature = "workspace")]
    Serve {
        /// Địa chỉ nghe; ngoài 127.0.0.1 thì phải có người dùng (baocao users add).
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
        /// Thư mục làm việc (cơ sở dữ liệu SQLite).
        #[arg(long, default_value = "baocao-data")]
        workspace: PathBuf,
        /// Cơ sở dữ liệu PostgreSQL thay cho tệp SQLite (postgres://người_dùng:mật_khẩu@máy/tên);
        /// nhiều tiến trình baocao serve dùng chung được.
        #[arg(long, value_name = "URL")]
        database: Option<String>,
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Tên máy chủ mà trình duyệt dùng để mở (ví dụ baocao.ubnd.local), ngoài địa chỉ IP
        /// và localhost; lặp lại cho nhiều tên. Tên khác bị từ chối (chống DNS rebinding).
        #[arg(long = "allow-host", value_name = "TÊN")]
        allow_host: Vec<String>,
    },
    /// Người dùng của không gian làm việc.
    #[cfg(feature = "workspace")]
    Users {
        #[command(subcommand)]
        action: UsersAction,
    },
    /// Các đơn vị của không gian làm việc dùng chung (tỉnh → phường, xã).
    #[cfg(feature = "workspace")]
    Units {
        #[command(subcommand)]
        action: UnitsAction,
    },
    /// Sao lưu cơ sở dữ liệu của không gian làm việc vào một tệp (khi máy chủ vẫn chạy).
    #[cfg(feature = "workspace")]
    Backup {
        /// Tệp sao lưu ghi ra.
        file: PathBuf,
        #[arg(long, default_value = "baocao-data")]
        workspace: PathBuf,
        /// Cơ sở dữ liệu PostgreSQL (khi đó dùng pg_dump để sao lưu).
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
}

#[cfg(feature = "workspace")]
#[derive(Debug, Subcommand)]
pub enum UsersAction {
    /// Thêm người dùng (hoặc đặt lại mật khẩu); mật khẩu hỏi ở bàn phím hoặc đọc từ stdin.
    Add {
        name: String,
        /// Đơn vị của người dùng (tên như `baocao units list` in ra); bỏ trống: cả văn phòng.
        #[arg(long = "don-vi", value_name = "ĐƠN VỊ")]
        don_vi: Option<String>,
        /// Vai trò trong đơn vị: van-thu (sửa hội nghị), lanh-dao (xem, ban hành), tinh (xem mọi đơn vị trực thuộc, tổng hợp).
        #[arg(long = "vai-tro", value_name = "VAI TRÒ")]
        vai_tro: Option<String>,
        #[arg(long, default_value = "baocao-data")]
        workspace: PathBuf,
        /// Cơ sở dữ liệu PostgreSQL thay cho tệp SQLite của thư mục làm việc.
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
}

#[cfg(feature = "workspace")]
#[derive(Debug, Subcommand)]
pub enum UnitsAction {
    /// Thêm một đơn vị, thuộc một đơn vị đã có (hoặc là gốc khi không ghi --thuoc).
    Add {
        name: String,
        /// Đơn vị cấp trên (đã có).
        #[arg(long, value_name = "ĐƠN VỊ")]
        thuoc: Option<String>,
        #[arg(long, default_value = "baocao-data")]
        workspace: PathBuf,
        /// Cơ sở dữ liệu PostgreSQL thay cho tệp SQLite của thư mục làm việc.
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
    /// Liệt kê các đơn vị theo cây.
    List {
        #[arg(long, default_value = "baocao-data")]
        workspace: PathBuf,
        /// Cơ sở dữ liệu PostgreSQL thay cho tệp SQLite của thư mục làm việc.
        #[arg(long, value_name = "URL")]
        database: Option<String>,
    },
}

/// How certificates are printed.
#[derive(Debug, clap::Args)]
pub struct PrintArgs {
    /// Bằng khen / giấy khen: chỉ in chữ thay đổi, lên phôi in sẵn.
    #[arg(long)]
    overlay: bool,
    /// Độ lệch máy in, mm: DX,DY (dương = sang phải, xuống dưới), ví dụ 1.5,-2.
    #[arg(long, value_parser = parse_offset, allow_hyphen_values = true)]
    offset: Option<(f64, f64)>,
    /// Tỷ lệ in của máy (1 = đúng cỡ).
    #[arg(long)]
    scale: Option<f64>,
    /// Hồ sơ máy in (YAML: lech_x, lech_y, ty_le); --offset / --scale ghi đè.
    #[arg(long)]
    profile: Option<PathBuf>,
    /// Khổ giấy bằng khen cho mọi nhóm (ghi đè kho_giay).
    #[arg(long, value_parser = choices(PAPERS))]
    sheet: Option<Paper>,
    /// Thêm mỗi người một tệp PDF trong khen-N/.
    #[arg(long)]
    split: bool,
}

/// A value an option names from a fixed list: (its name, what it means
/// in the help, the value).
type Choice<T> = (&'static str, Option<&'static str>, T);

const LANGS: &[Choice<Lang>] = &[("vi", None, Lang::Vi), ("en", None, Lang::En)];

const DOC_KINDS: &[Choice<DocKind>] = &[
    (DocKind::BaoCao.name(), Some("The báo cáo sơ kết / tổng kết"), DocKind::BaoCao),
    (DocKind::QuyetDinh.name(), Some("Each award group's decision with its attached list"), DocKind::QuyetDinh),
    (DocKind::Khen.name(), Some("Each award group's certificates"), DocKind::Khen),
    (DocKind::ToTrinh.name(), Some("Each proposed award group's tờ trình with its attached list"), DocKind::ToTrinh),
    (DocKind::TinBai.name(), Some("The press summary"), DocKind::TinBai),
    (
        DocKind::NgayHoiNghi.name(),
        Some("The conference-day papers: invitations, the chair's script, delegate and receipt lists"),
        DocKind::NgayHoiNghi,
    ),
];

const FORMATS: &[Choice<Format>] = &[("pdf", None, Format::Pdf), ("docx", None, Format::Docx)];

const PAPERS: &[Choice<Paper>] = &[
    ("a3", Some("A3 landscape, 420 × 297 mm"), Paper::A3),
    ("400x300", Some("400 × 300 mm (NĐ 50/2006)"), Paper::Large),
    ("a4", Some("A4 landscape, 297 × 210 mm"), Paper::A4),
];

/// The parser of an option whose values are `choices`: clap lists them in
/// the help and in its message for a value not among them.
fn choices<T: Copy + Send + Sync + 'static>(choices: &'static [Choice<T>]) -> impl TypedValueParser<Value = T> {
    let names = choices.iter().map(|(name, help, _)| match help {
        Some(help) => PossibleValue::new(*name).help(*help),
        None => PossibleValue::new(*name),
    });
    PossibleValuesParser::new(names).map(move |name| {
        choices.iter().find(|(known, _, _)| *known == name).map(|(_, _, value)| *value).expect("one of the choices")
    })
}

fn parse_date(text: &str) -> Result<crate::text::vn::Date, String> {
    crate::text::vn::Date::parse(text).ok_or_else(|| format!("«{text}» không phải ngày YYYY-MM-DD"))
}

fn parse_offset(text: &str) -> Result<(f64, f64), String> {
    let (dx, dy) = text.split_once(',').ok_or("cần DX,DY, ví dụ 1.5,-2")?;
    let number = |s: &str| s.trim().parse::<f64>().map_err(|_| format!("«{s}» không phải số"));
    Ok((number(dx)?, number(dy)?))
}

/// A printer profile file: the drift measured with `baocao calibrate`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PrinterProfile {
    /// mm, positive = right.
    #[serde(default)]
    lech_x: f64,
    /// mm, positive = down.
    #[serde(default)]
    lech_y: f64,
    /// Printer scale.
    #[serde(default = "one")]
    ty_le: f64,
}

fn one() -> f64 {
    1.0
}

/// The largest printer profile read.
const MAX_PROFILE_BYTES: u64 = 64 * 1024;

/// A number of the print options as the layout uses it, when within
/// `min..=max`, else the problem at `location`. Values are read wider (f64)
/// than used, so a huge one is echoed as typed ("1e308"), not as the
/// infinity it would become.
fn within(value: f64, (min, max): (f32, f32), unit: Unit, location: Location, path: &str) -> Result<f32, Problem> {
    if value.is_finite() && (f64::from(min)..=f64::from(max)).contains(&value) {
        return Ok(value as f32);
    }
    let shown = if value.is_finite() && value.abs() >= 1e6 { format!("{value:e}") } else { format!("{value}") };
    Err(Problem {
        location: Box::new(location),
        path: path.to_string(),
        kind: Kind::OutOfRange { value: shown, min: format!("{min}"), max: format!("{max}"), unit },
    })
}

impl PrintArgs {
    fn options(&self) -> Result<PrintOptions, Failure> {
        let mut options = PrintOptions { overlay: self.overlay, paper: self.sheet, ..PrintOptions::default() };
        let offsets = (-certificate::OFFSET_MM, certificate::OFFSET_MM);
        let mut problems = Vec::new();
        if let Some(path) = &self.profile {
            let display = path.display().to_string();
            let bytes = bounds::read_file(path, &display, "--profile", MAX_PROFILE_BYTES)?;
            let text = bounds::utf8(bytes, &display)?;
            let profile: PrinterProfile = crate::input::yaml::read_typed(&text, &display)?;
            let place = |key: &str| crate::input::locate_yaml(&text, &display, key);
            let checked = [
                within(profile.lech_x, offsets, Unit::Millimetre, place("lech_x"), "lech_x"),
                within(profile.lech_y, offsets, Unit::Millimetre, place("lech_y"), "lech_y"),
                within(profile.ty_le, certificate::SCALE_RANGE, Unit::Times, place("ty_le"), "ty_le"),
            ];
            problems.extend(checked.iter().filter_map(|c| c.clone().err()));
            if let [Ok(dx), Ok(dy), Ok(scale)] = checked {
                (options.offset, options.scale) = ((dx, dy), scale);
            }
        }
        if let Some((dx, dy)) = self.offset {
            let offset = |value| within(value, offsets, Unit::Millimetre, Location::command_line(), "--offset");
            match (offset(dx), offset(dy)) {
                (Ok(dx), Ok(dy)) => options.offset = (dx, dy),
                (dx, dy) => problems.extend([dx.err(), dy.err()].into_iter().flatten()),
            }
        }
        if let Some(scale) = self.scale {
            match within(scale, certificate::SCALE_RANGE, Unit::Times, Location::command_line(), "--scale") {
                Ok(scale) => options.scale = scale,
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() {
            Ok(options)
        } else {
            Err(Failure::Input(problems))
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// Chép các mẫu có sẵn ra thư mục để sửa, rồi dùng với --templates.
    Export { dir: PathBuf },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    match run(cli.command, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprint!("{}", failure.message(lang));
            ExitCode::from(failure.exit_code())
        }
    }
}

fn say(lang: Lang, vi: String, en: String) {
    eprintln!("{}", if lang == Lang::Vi { vi } else { en });
}

fn run(command: Command, lang: Lang) -> Result<(), Failure> {
    match command {
        Command::Build { input, out, only, format, templates, force, print, pdfa } => {
            let chosen: Vec<&str> = only.iter().map(|kind| kind.name()).collect();
            let chosen = chosen.join(",");
            let request = BuildRequest {
                input: Source::path(&input),
                templates,
                only,
                formats: format,
                print: print.options()?,
                split: print.split,
                progress: true,
                pdfa,
                force,
            };
            let crate::Built { dir, manifest, mut warnings } = crate::build(&request, out.as_deref())?;
            // How lists were read is for `check`; a build shows what needs a look.
            warnings.retain(|w| w.kind.severity() != diag::Severity::Info);
            // "Wrote 0 files" alone would leave the clerk guessing why.
            if manifest.files.is_empty() && !chosen.is_empty() {
                let kind = Kind::OnlyMadeNothing { kinds: chosen };
                let location = Box::new(Location::file(&input.display().to_string()));
                warnings.push(Problem { location, path: String::new(), kind });
            }
            eprint!("{}", diag::render_all(&warnings, lang));
            for file in &manifest.files {
                let pages = file
                    .pages
                    .map(|p| if lang == Lang::En { format!(" ({p} pages)") } else { format!(" ({p} trang)") })
                    .unwrap_or_default();
                eprintln!("  {}{pages}", dir.join(&file.path).display());
            }
            say(
                lang,
                format!("Đã ghi {} tệp và manifest.json vào {}", manifest.files.len(), dir.display()),
                format!("Wrote {} files and manifest.json to {}", manifest.files.len(), dir.display()),
            );
            Ok(())
        }
        Command::Check { input, templates } => {
            let request = BuildRequest { input: Source::path(&input), templates, ..BuildRequest::default() };
            let warnings = crate::check(&request)?;
            eprint!("{}", diag::render_all(&warnings, lang));
            say(lang, format!("{}: hợp lệ.", input.display()), format!("{}: valid.", input.display()));
            Ok(())
        }
        Command::Summary { inputs, from, to, out, co_quan, chart, ngay, templates, chi_tieu, pdfa } => {
            let request = crate::documents::summary::SummaryRequest {
                inputs: inputs.iter().map(|path| Source::path(path)).collect(),
                from,
                to,
                co_quan,
                chart,
                ngay,
                templates,
                metric_map: chi_tieu.as_deref().map(Source::path),
                own: Default::default(),
            };
            let crate::Built { dir, manifest, warnings } = crate::build_summary(&request, out.as_deref(), pdfa)?;
            eprint!("{}", diag::render_all(&warnings, lang));
            for file in &manifest.files {
                eprintln!("  {}", dir.join(&file.path).display());
            }
            say(
                lang,
                format!("Đã ghi báo cáo tổng hợp {from}–{to} vào {}", dir.display()),
                format!("Wrote the {from}–{to} summary to {}", dir.display()),
            );
            Ok(())
        }
        Command::Calibrate { sheet, out } => {
            let meta = crate::doc::Metadata { title: "Hiệu chỉnh máy in".into(), ..Default::default() };
            let pdf = crate::render::pdf::draw(&crate::render::calibrate::sheet(sheet), &meta, Default::default())
                .map_err(crate::pack::output::render_failure(&out.display().to_string()))?;
            crate::pack::output::replace_file(&out, &pdf).map_err(|err| Failure::io(IoAction::Write, &out, err))?;
            say(
                lang,
                format!("Đã ghi {}: in ra giấy trắng, đo các dấu chữ thập, rồi dùng --offset DX,DY", out.display()),
                format!(
                    "Wrote {}: print it on plain paper, measure the crosshairs, then use --offset DX,DY",
                    out.display()
                ),
            );
            Ok(())
        }
        Command::Init { dir, mau } => init(&dir.unwrap_or_else(|| PathBuf::from(".")), mau.as_deref(), lang),
        #[cfg(feature = "workspace")]
        Command::Serve { listen, workspace, database, templates, allow_host } => crate::app::serve::serve(
            &crate::app::serve::ServeOptions { listen, workspace, database, templates, allowed_hosts: allow_host },
            lang,
        ),
        #[cfg(feature = "workspace")]
        Command::Users { action: UsersAction::Add { name, don_vi, vai_tro, workspace, database } } => {
            crate::app::serve::add_user(
                &workspace,
                database.as_deref(),
                &name,
                don_vi.as_deref(),
                vai_tro.as_deref(),
                lang,
            )
        }
        #[cfg(feature = "workspace")]
        Command::Units { action: UnitsAction::Add { name, thuoc, workspace, database } } => {
            crate::app::serve::add_unit(&workspace, database.as_deref(), &name, thuoc.as_deref(), lang)
        }
        #[cfg(feature = "workspace")]
        Command::Units { action: UnitsAction::List { workspace, database } } => {
            crate::app::serve::list_units(&workspace, database.as_deref())
        }
        #[cfg(feature = "workspace")]
        Command::Backup { file, workspace, database } => {
            crate::app::serve::backup(&workspace, database.as_deref(), &file, lang)
        }
        Command::Templates { action: TemplatesAction::Export { dir } } => {
            let (written, kept) =
                crate::words::templates::export(&dir).map_err(|err| Failure::io(IoAction::Write, &dir, err))?;
            for path in &written {
                eprintln!("  {}", path.display());
            }
            for path in &kept {
                say(
                    lang,
                    format!("  {} đã có, giữ nguyên", path.display()),
                    format!("  {} exists, kept", path.display()),
                );
            }
            say(
                lang,
                format!("Sửa các tệp .hbs rồi chạy: baocao build <tệp.yaml> --templates {}", dir.display()),
                format!("Edit the .hbs files, then run: baocao build <file.yaml> --templates {}", dir.display()),
            );
            Ok(())
        }
    }
}

fn init(dir: &Path, asked: Option<&str>, lang: Lang) -> Result<(), Failure> {
    let sample = match asked {
        None => &samples::SAMPLES[0],
        Some(name) => samples::named(name).ok_or_else(|| {
            let known = samples::SAMPLES.iter().map(|s| s.ten.to_string()).collect();
            let kind = Kind::UnknownSample { name: name.to_string(), known };
            Failure::Input(vec![Problem { location: Location::default().into(), path: "--mau".into(), kind }])
        })?,
    };
    let (about, sample) = (format!("Mẫu «{}»: {}.", sample.ten, sample.mo_ta), sample.files);
    std::fs::create_dir_all(dir).map_err(|err| Failure::io(IoAction::Write, dir, err))?;
    let list_template = crate::input::list::template::FILE_NAME;
    let names = sample.iter().map(|(name, _)| *name).chain([list_template]);
    if let Some(path) = names.map(|name| dir.join(name)).find(|path| path.exists()) {
        return Err(Failure::io(IoAction::Overwrite, path, std::io::ErrorKind::AlreadyExists.into()));
    }
    // A list template for clerks starting from nothing, beside the sample.
    let template = crate::input::list::template::xlsx().map_err(|err| Failure::Render {
        file: list_template.into(),
        kind: RenderKind::Other { library: "rust_xlsxwriter", detail: err.to_string() },
    })?;
    let files = sample.iter().map(|(name, text)| (*name, text.as_bytes())).chain([(list_template, &template[..])]);
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).map_err(|err| Failure::io(IoAction::Write, dir.join(name), err))?;
        eprintln!("  {}", dir.join(name).display());
    }
    let yaml = dir.join(sample[0].0);
    say(
        lang,
        format!("{about} Sửa tệp rồi chạy: baocao build {}", yaml.display()),
        format!("Edit the file, then run: baocao build {}", yaml.display()),
    );
    Ok(())
}
