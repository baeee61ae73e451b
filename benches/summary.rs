//! Summary benchmark (issue: period summaries): 60 inputs (one per unit) ×
//! 10 years × 12 metrics, summarised over the whole period into PDF + DOCX.
//! Run with `cargo bench --bench summary`; prints the wall time.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const UNITS: usize = 60;
const METRICS: usize = 12;
const YEARS: std::ops::RangeInclusive<i32> = 2014..=2023;

/// One unit's input with deterministic figures (some with decimals).
fn unit_yaml(unit: usize) -> String {
    let mut yaml = format!(
        "phien_ban: 1\nvan_ban:\n  loai: tong_ket\n  so_ky_hieu: \"{unit}/BC-CA\"\n  dia_danh: \"Hải Phòng\"\n  ngay: 2023-12-20\n  noi_nhan: [\"Lưu: VT\"]\nco_quan: {{ ten: \"CÔNG AN PHƯỜNG SỐ {unit}\" }}\nnguoi_ky: {{ chuc_vu: \"TRƯỞNG CÔNG AN PHƯỜNG\", ho_ten: \"Nguyễn Văn An\" }}\nchuong_trinh: {{ so: \"09/CTr-BCA-MTTW\", ngay: 2013-08-01, ten: \"Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc\", cac_ben: [\"Bộ Công an\", \"Ủy ban Trung ương MTTQ Việt Nam\"] }}\ngiai_doan: {{ tu: 2014, den: 2023 }}\nchi_tieu:\n"
    );
    for m in 0..METRICS {
        let _ = writeln!(
            yaml,
            "  - {{ ma: ct{m}, ten: \"Chỉ tiêu số {m}\", don_vi: \"lượt\", nhom: \"Nhóm {}\" }}",
            m / 4 + 1
        );
    }
    yaml.push_str("ket_qua_nam:\n");
    for year in YEARS {
        let _ = write!(yaml, "  - {{ nam: {year}");
        for m in 0..METRICS {
            let value = (unit * 7 + m * 13 + year as usize * 3) % 97;
            if m % 4 == 3 {
                let _ = write!(yaml, ", ct{m}: {}.{}", value / 10, value % 10);
            } else {
                let _ = write!(yaml, ", ct{m}: {value}");
            }
        }
        yaml.push_str(" }\n");
    }
    yaml
}

/// CPU time the whole process has used (all threads), from
/// /proc/self/stat in clock ticks of 10 ms (USER_HZ): the figure other
/// work on a shared machine does not inflate.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(") ").map_or("", |x| x.1);
    let ticks: u64 = rest.split(' ').skip(11).take(2).filter_map(|t| t.parse::<u64>().ok()).sum();
    Duration::from_millis(ticks * 10)
}

fn main() {
    let dir = std::env::temp_dir().join(format!("baocao-bench-summary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let inputs: Vec<PathBuf> = (1..=UNITS)
        .map(|unit| {
            let path = dir.join(format!("phuong-{unit:02}.yaml"));
            std::fs::write(&path, unit_yaml(unit)).unwrap();
            path
        })
        .collect();
    let sources = inputs.iter().map(|path| baocao::input::Source::path(path)).collect();
    let request =
        baocao::documents::summary::SummaryRequest { inputs: sources, from: 2014, to: 2023, ..Default::default() };
    let out = dir.join("out");
    baocao::build_summary(&request, Some(&out), false).expect("summary builds");
    let cpu_before = cpu_time();
    let runs: Vec<Duration> = (0..10)
        .map(|_| {
            let start = Instant::now();
            baocao::build_summary(&request, Some(&out), false).unwrap();
            start.elapsed()
        })
        .collect();
    let cpu = (cpu_time() - cpu_before).as_secs_f64() * 1000.0 / runs.len() as f64;
    let median = |mut times: Vec<Duration>| {
        times.sort();
        times[times.len() / 2].as_secs_f64() * 1000.0
    };
    let min = runs.iter().min().unwrap().as_secs_f64() * 1000.0;
    let total = median(runs);
    // Where the CPU time goes, per run: reading the YAML files, summing
    // into the document, the PDF; the rest is the DOCX and writing.
    let per_run = |work: &dyn Fn()| {
        let before = cpu_time();
        for _ in 0..10 {
            work();
        }
        (cpu_time() - before).as_secs_f64() * 1000.0 / 10.0
    };
    let reading = per_run(&|| {
        for source in &request.inputs {
            baocao::input::load_source(source).unwrap();
        }
    });
    let document = baocao::documents::summary::build(&request).unwrap().document;
    let building = per_run(&|| {
        baocao::documents::summary::build(&request).unwrap();
    });
    let pdf = per_run(&|| {
        baocao::render::pdf::render(&document, Default::default()).unwrap();
    });
    let pages =
        baocao::render::pdf::render(&baocao::documents::summary::build(&request).unwrap().document, Default::default())
            .unwrap()
            .1;
    println!(
        "tổng hợp / summary: {UNITS} tệp × {} năm × {METRICS} chỉ tiêu, PDF + DOCX ({pages} trang):",
        YEARS.count()
    );
    println!("  median {total:.1} ms, min {min:.1} ms (đọc 60 tệp YAML, tính, dựng PDF và DOCX, ghi tệp)");
    println!(
        "  CPU time per run (all threads): {cpu:.0} ms — reading the YAML files {reading:.0}, summing {:.0}, PDF {pdf:.0}, DOCX and writing {:.0}",
        building - reading,
        cpu - building - pdf
    );
    let _ = std::fs::remove_dir_all(&dir);
}
