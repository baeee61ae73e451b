//! Load on the workspace's live preview: 20 clerks, each editing her own
//! conference through the form endpoint and fetching the first page of the
//! report for the version she just saved — the time from sending the edit
//! to having the page picture is what a clerk waits for.
//!
//! Two loads: steady (each clerk pauses 1–3 s between debounced saves, a
//! clerk typing without stop) and burst (all 20 save at the same moment).
//! `BAOCAO_LOAD_SECONDS` sets the steady run's length (default 60).
//! Run with `cargo bench --bench preview` (or `scripts/load-preview`).

mod load;
#[path = "../tests/workspace/mod.rs"]
mod workspace;

use load::{percentile, Pauses};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use serde_json::json;
use workspace::{create_sample, Client, Server};

const CLERKS: usize = 20;

/// One edit and its first page: (whole, save, picture) in milliseconds.
fn edit_and_preview(client: &Client, id: i64, version: &mut i64, n: usize) -> (f64, f64, f64) {
    let started = Instant::now();
    let form = json!({ "van_ban": { "so_ky_hieu": format!("{n}/BC-CAHP") } }).to_string();
    let expected = version.to_string();
    let saved = client.request(
        "PUT",
        &format!("/api/conferences/{id}/form"),
        &[("If-Match", &expected), ("Content-Type", "application/json")],
        form.as_bytes(),
    );
    assert_eq!(saved.status, 200, "{}", saved.text());
    *version = saved.json()["version"].as_i64().expect("version");
    let save = started.elapsed();
    let page = client.get(&format!("/api/conferences/{id}/preview/{version}/bao-cao/1.png"));
    assert_eq!(page.status, 200, "{}", page.text());
    let whole = started.elapsed();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(whole), ms(save), ms(whole - save))
}

fn report(name: &str, samples: &[(f64, f64, f64)]) {
    let column = |pick: fn(&(f64, f64, f64)) -> f64| {
        let mut values: Vec<f64> = samples.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        values
    };
    let (whole, save, picture) = (column(|s| s.0), column(|s| s.1), column(|s| s.2));
    println!(
        "{name:<34} n={:<5} edit→page: p50 {:>6.1} ms  p95 {:>6.1} ms  p99 {:>6.1} ms  max {:>6.1} ms   (save p95 {:>5.1}, page p95 {:>5.1})",
        samples.len(),
        percentile(&whole, 0.50),
        percentile(&whole, 0.95),
        percentile(&whole, 0.99),
        whole[whole.len() - 1],
        percentile(&save, 0.95),
        percentile(&picture, 0.95),
    );
}

fn main() {
    let seconds: u64 = std::env::var("BAOCAO_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::start(&dir.path().join("ws"));
    let ids: Vec<i64> = (0..CLERKS).map(|_| create_sample(&server.client())).collect();
    // Each clerk has opened her conference: its first page is on screen.
    for id in &ids {
        assert_eq!(server.client().get(&format!("/api/conferences/{id}/preview/1/bao-cao/1.png")).status, 200);
    }

    // Burst: every clerk saves at the same moment, five times over.
    let barrier = Arc::new(Barrier::new(CLERKS));
    let clerks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let (client, barrier, id) = (server.client(), Arc::clone(&barrier), *id);
            std::thread::spawn(move || {
                let mut version = 1;
                (0..5)
                    .map(|round| {
                        barrier.wait();
                        edit_and_preview(&client, id, &mut version, 1000 * k + round)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let burst: Vec<_> = clerks.into_iter().flat_map(|c| c.join().expect("clerk")).collect();

    // Steady: each clerk saves every 1–3 s for the run's length.
    let until = Instant::now() + Duration::from_secs(seconds);
    let clerks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(k, id)| {
            let (client, id) = (server.client(), *id);
            std::thread::spawn(move || {
                let mut pauses = Pauses(0x9E37_79B9_7F4A_7C15 ^ (k as u64 + 1));
                let mut version = 6;
                let mut samples = Vec::new();
                std::thread::sleep(Duration::from_millis(pauses.next_ms(0, 2000)));
                let mut n = 0;
                while Instant::now() < until {
                    samples.push(edit_and_preview(&client, id, &mut version, 100_000 * (k + 1) + n));
                    n += 1;
                    std::thread::sleep(Duration::from_millis(pauses.next_ms(1000, 3000)));
                }
                samples
            })
        })
        .collect();
    let steady: Vec<_> = clerks.into_iter().flat_map(|c| c.join().expect("clerk")).collect();

    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("preview of the report's first page, {CLERKS} clerks, {cores} cores:");
    report("steady (a save every 1–3 s each)", &steady);
    report("burst (all 20 save at once)", &burst);
    let status = server.client().get("/api/status").json();
    println!("renders: {} (one per saved version)", status["renders"]);
}
