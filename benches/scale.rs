//! Scale benchmark (issue 9, "memory and time grow gently"): the built
//! `baocao` binary on 100,000 generated certificates
//! (`../shared/bench/gen_awardees.py 100000 --csv`), one process per run,
//! wall time and peak resident memory (the child's `ru_maxrss`):
//! - `build --only khen --format pdf`   (goal ≤ 10 s, ≤ 300 MB)
//! - `build --only khen --format docx`  (goal ≤ 10 s, ≤ 500 MB)
//! - `check`                            (goal ≤ 2 s)
//! - `build --only quyet-dinh --format pdf|docx`: the decision with its
//!   attached list of every name
//! - `build` (the whole pack: report, decision, certificates, press;
//!   goal ≤ 400 MB, issue 23)
//!
//! Run with `cargo bench --bench scale` (`BAOCAO_SCALE=N` for another count).
//! Also prints the user+system CPU time: on a shared machine the wall time
//! carries the other processes' load, the CPU time does not.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample input whose only award group reads `n` generated awardees.
fn input_with(n: usize, dir: &Path) -> PathBuf {
    let generator = root().join("../shared/bench/gen_awardees.py");
    let csv = Command::new("python3")
        .args([generator.to_str().unwrap(), &n.to_string(), "--csv"])
        .output()
        .expect("python3 runs the generator");
    assert!(csv.status.success(), "gen_awardees.py: {}", String::from_utf8_lossy(&csv.stderr));
    std::fs::write(dir.join("ds.csv"), csv.stdout).unwrap();
    let yaml = std::fs::read_to_string(root().join("inputs/hai-phong-2018.yaml"))
        .unwrap()
        .replace("danh_sach_tep: \"hai-phong-2018-bang-khen.csv\"", "danh_sach_tep: \"ds.csv\"");
    let yaml = yaml.split("  - hinh_thuc: giay_khen").next().unwrap().to_string();
    let path = dir.join("khen.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

/// Wall seconds, CPU seconds and peak memory (MB) of one run of baocao.
fn measure(args: &[&str]) -> (f64, f64, f64) {
    let start = Instant::now();
    // Reaped below by wait4, which also gives its resource usage.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_baocao")).args(args).spawn().expect("baocao runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64();
    assert_eq!(waited, pid, "wait4");
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "baocao {args:?} failed");
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (wall, seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss as f64 / 1024.0)
}

fn main() {
    let n: usize = std::env::var("BAOCAO_SCALE").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let work = std::env::temp_dir().join(format!("baocao-bench-scale-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let input = input_with(n, &work);
    let (input, out) = (input.to_str().unwrap(), work.join("out"));
    let out = out.to_str().unwrap();
    println!("{n} bằng khen (gen_awardees.py {n}); wall / CPU / peak memory:");
    let runs: [(&str, Vec<&str>, &str); 6] = [
        ("khen PDF", vec!["build", input, "-o", out, "--only", "khen", "--format", "pdf"], "≤ 10 s, ≤ 300 MB"),
        ("khen DOCX", vec!["build", input, "-o", out, "--only", "khen", "--format", "docx"], "≤ 10 s, ≤ 500 MB"),
        ("check", vec!["check", input], "≤ 2 s"),
        ("QĐ PDF", vec!["build", input, "-o", out, "--only", "quyet-dinh", "--format", "pdf"], "≤ 400 MB"),
        ("QĐ DOCX", vec!["build", input, "-o", out, "--only", "quyet-dinh", "--format", "docx"], "≤ 400 MB"),
        ("cả bộ", vec!["build", input, "-o", out], "≤ 400 MB"),
    ];
    for (name, args, goal) in runs {
        let (wall, cpu, peak) = measure(&args);
        println!("  {name:9}  {wall:6.2} s   CPU {cpu:6.2} s   peak {peak:6.0} MB   (goal {goal})");
    }
    let size = |file: &str| std::fs::metadata(work.join("out").join(file)).map(|m| m.len()).unwrap_or(0);
    println!("  khen-1.docx: {:.0} MB", size("khen-1.docx") as f64 / 1e6);
    let _ = std::fs::remove_dir_all(&work);
}
