//! Benchmark of the report (issue: under 50 ms for PDF + DOCX, under 100 KB
//! for the PDF). Run with `cargo bench --bench report`; prints the figures.
//!
//! - in-process: the whole `build` — read and check the YAML and its CSV,
//!   word it, lay it out, render PDF and DOCX, write the files atomically;
//! - the release binary as a user runs it, process start included.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = root.join("inputs/hai-phong-2018.yaml");
    let out = std::env::temp_dir().join(format!("baocao-bench-{}", std::process::id()));
    // The report alone, as the issue measures it.
    let request = baocao::BuildRequest {
        input: baocao::input::Source::path(&input),
        only: vec![baocao::DocKind::BaoCao],
        ..Default::default()
    };

    // Warm up: fonts are parsed once per process.
    baocao::build(&request, Some(&out)).expect("sample builds");
    let runs = 30;
    let in_process: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            baocao::build(&request, Some(&out)).expect("sample builds");
            start.elapsed()
        })
        .collect();
    let pdf_size = std::fs::metadata(out.join("bao-cao.pdf")).unwrap().len();
    let docx_size = std::fs::metadata(out.join("bao-cao.docx")).unwrap().len();
    let pages = baocao::render::pdf::render(
        &baocao::documents::report::build(
            &baocao::input::load(&input).unwrap(),
            &baocao::words::templates::Templates::load(None).unwrap(),
        )
        .unwrap(),
        Default::default(),
    )
    .unwrap()
    .1;

    // The binary bench builds next to this one (target/release).
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.parent().map(|dir| dir.join("baocao")))
        .filter(|path| path.exists());
    let process = binary.as_ref().map(|binary| {
        median(
            (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    let status = Command::new(binary)
                        .args(["build", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--only", "bao-cao"])
                        .stderr(std::process::Stdio::null())
                        .status()
                        .unwrap();
                    assert!(status.success());
                    start.elapsed()
                })
                .collect(),
        )
    });

    println!("báo cáo mẫu (inputs/hai-phong-2018.yaml), {runs} lần chạy / runs:");
    println!(
        "  build PDF + DOCX, trong tiến trình / in process: median {}, min {}",
        ms(median(in_process.clone())),
        ms(*in_process.iter().min().unwrap())
    );
    match process {
        Some(d) => println!("  baocao build (tệp chạy release / release binary, cả khởi động): median {}", ms(d)),
        None => {
            println!("  baocao build (release binary): not found beside the bench; run `cargo build --release` first")
        }
    }
    println!("  bao-cao.pdf: {pdf_size} bytes ({:.1} KB), {pages} trang / pages", pdf_size as f64 / 1024.0);
    println!("  bao-cao.docx: {docx_size} bytes ({:.1} KB)", docx_size as f64 / 1024.0);
    let _ = std::fs::remove_dir_all(&out);
}
