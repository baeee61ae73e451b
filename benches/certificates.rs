//! Certificate benchmark (issue: certificates in bulk). Prints, for the
//! generated awardees of `../shared/bench/gen_awardees.py`:
//! - 1,000 certificates in one PDF: wall time and size, beside typst
//!   (PyPI `typst`, installed with pip when missing) on the same 1,000;
//! - the same 1,000 as one DOCX: wall time;
//! - `--split`: 1,000 one-page PDFs, total time and largest file;
//! - peak memory (VmHWM) of a process building 10,000 certificates.
//!
//! Run with `cargo bench --bench certificates`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use baocao::{BuildRequest, DocKind, Format};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generator() -> PathBuf {
    root().join("../shared/bench/gen_awardees.py")
}

/// The sample input with its first group's list replaced by `n` generated awardees.
fn input_with(n: usize, dir: &Path) -> PathBuf {
    let csv = Command::new("python3")
        .args([generator().to_str().unwrap(), &n.to_string(), "--csv"])
        .output()
        .expect("python3 runs the generator");
    assert!(csv.status.success(), "gen_awardees.py: {}", String::from_utf8_lossy(&csv.stderr));
    std::fs::write(dir.join("ds.csv"), csv.stdout).unwrap();
    let yaml = std::fs::read_to_string(root().join("inputs/hai-phong-2018.yaml"))
        .unwrap()
        .replace("danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"", "danh_sach_tep: \"ds.csv\"");
    // Only the generated group: the second group of the sample is dropped.
    let yaml = yaml.split("  - hinh_thuc: giay_khen").next().unwrap().to_string();
    let path = dir.join("khen.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

fn request(input: &Path, format: Format, split: bool) -> BuildRequest {
    BuildRequest {
        input: baocao::input::Source::path(input),
        only: vec![DocKind::Khen],
        formats: vec![format],
        split,
        ..BuildRequest::default()
    }
}

fn best_of(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

fn kb(bytes: u64) -> String {
    format!("{:.0} KB", bytes as f64 / 1024.0)
}

/// Peak resident memory of this process, from /proc.
fn peak_memory_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    // Child mode: build 10,000 certificates and report this process's peak memory.
    if let Ok(n) = std::env::var("BAOCAO_BENCH_CHILD") {
        let dir = PathBuf::from(std::env::var("BAOCAO_BENCH_DIR").unwrap());
        let input = input_with(n.parse().unwrap(), &dir);
        baocao::build(&request(&input, Format::Pdf, false), Some(&dir.join("out"))).unwrap();
        println!("{}", peak_memory_kb());
        return;
    }
    let work = std::env::temp_dir().join(format!("baocao-bench-khen-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let input = input_with(1000, &work);
    let out = work.join("out");

    let pdf_time = best_of(5, || {
        baocao::build(&request(&input, Format::Pdf, false), Some(&out)).unwrap();
    });
    let pdf_size = std::fs::metadata(out.join("khen-1.pdf")).unwrap().len();
    let docx_time = best_of(5, || {
        baocao::build(&request(&input, Format::Docx, false), Some(&out)).unwrap();
    });
    let docx_size = std::fs::metadata(out.join("khen-1.docx")).unwrap().len();
    let split_out = work.join("split");
    let split_time = best_of(3, || {
        baocao::build(&request(&input, Format::Pdf, true), Some(&split_out)).unwrap();
    });
    let largest_split = std::fs::read_dir(split_out.join("khen-1"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .max()
        .unwrap();

    println!("1.000 bằng khen (gen_awardees.py 1000), tốt nhất của nhiều lần chạy / best of several runs:");
    println!("  baocao, một PDF / one PDF:   {}  {}", secs(pdf_time), kb(pdf_size));
    match typst(&work) {
        Some((seconds, bytes)) => println!("  typst,  một PDF / one PDF:   {seconds:.3} s  {}", kb(bytes)),
        None => println!("  typst: not measured (python3 -m pip install typst failed)"),
    }
    println!("  baocao, một DOCX / one DOCX: {}  {}", secs(docx_time), kb(docx_size));
    println!(
        "  baocao --split (1.000 PDF một trang + tệp gộp / one-page PDFs + merged): {}, tệp lớn nhất / largest {}",
        secs(split_time),
        kb(largest_split)
    );

    let child = Command::new(std::env::current_exe().unwrap())
        .env("BAOCAO_BENCH_CHILD", "10000")
        .env("BAOCAO_BENCH_DIR", &work)
        .output()
        .unwrap();
    let peak: u64 = String::from_utf8_lossy(&child.stdout).trim().parse().unwrap_or(0);
    println!("  10.000 bằng khen, bộ nhớ đỉnh / peak memory: {:.0} MB", peak as f64 / 1024.0);
    let _ = std::fs::remove_dir_all(&work);
}

/// Runs the typst side; installs the PyPI package when missing.
fn typst(work: &Path) -> Option<(f64, u64)> {
    let has_typst = || Command::new("python3").args(["-c", "import typst"]).status().is_ok_and(|s| s.success());
    if !has_typst() {
        let _ = Command::new("python3").args(["-m", "pip", "install", "--quiet", "typst"]).status();
    }
    let script = root().join("benches/typst_khen.py");
    let runs: Vec<(f64, u64)> = (0..3)
        .filter_map(|_| {
            let output = Command::new("python3")
                .args([script.to_str()?, "1000", generator().to_str()?, root().join("fonts").to_str()?, work.to_str()?])
                .output()
                .ok()?;
            let text = String::from_utf8_lossy(&output.stdout).to_string();
            let mut fields = text.split_whitespace();
            Some((fields.next()?.parse().ok()?, fields.next()?.parse().ok()?))
        })
        .collect();
    runs.into_iter().min_by(|a, b| a.0.total_cmp(&b.0))
}
