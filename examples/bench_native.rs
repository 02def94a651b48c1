//! Native benchmark of the core, for `make bench` (bench/bench.mjs runs it on the same texts as
//! the wasm build and the JS baselines).
//!
//! ```text
//! cargo run --release --example bench_native -- [--reps N] FILE...
//! ```
//! First prints `{"init_ms", "init_cpu_ms"}`: the first `analyze` of a tiny text, which builds
//! every lexicon. Then for each file one JSON line: whole-pipeline time (`analyze`, min and
//! median of N runs, wall and CPU), a per-stage breakdown in CPU time (`clean`, then every stage of `pipeline::STAGES`, then `wire`: the wire
//! conversion plus JSON serialisation, as the CLI does), token and annotation counts, and the
//! process's peak resident memory. It times whatever the stages do today, so it keeps working as
//! they change.

use lede::doc::Doc;
use lede::{pipeline, wire};
use std::time::Instant;

fn ms_since(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

#[path = "../tests/timing/mod.rs"]
mod timing;

use timing::{cpu_ms, timed_stages};

fn min(xs: &[f64]) -> f64 {
    xs.iter().copied().fold(f64::INFINITY, f64::min)
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Peak resident set size of this process in KiB (Linux `VmHWM`), 0 elsewhere.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

/// Each stage run by hand, in pipeline order, timed one by one (CPU ms), then the wire.
fn stage_times(text: &str) -> (Vec<(&'static str, f64)>, Doc) {
    let (_, mut times, doc) = timed_stages(text);
    let t = cpu_ms();
    let json = serde_json::to_string(&wire::to_wire(&doc)).unwrap_or_default();
    times.push(("wire", cpu_ms() - t));
    std::hint::black_box(json);
    (times, doc)
}

fn bench_file(path: &str, reps: usize) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let options = pipeline::Options::default();
    std::hint::black_box(pipeline::analyze("Warm up the lexicons.", &options));
    let mut whole = Vec::with_capacity(reps);
    let mut whole_cpu = Vec::with_capacity(reps);
    let mut per_stage: Vec<(&'static str, Vec<f64>)> = Vec::new();
    let mut last = None;
    for _ in 0..reps {
        let (t, c) = (Instant::now(), cpu_ms());
        let doc = pipeline::analyze(&text, &options);
        whole_cpu.push(cpu_ms() - c);
        whole.push(ms_since(t));
        std::hint::black_box(&doc);
        let (times, doc) = stage_times(&text);
        for (i, (name, ms)) in times.into_iter().enumerate() {
            if per_stage.len() <= i {
                per_stage.push((name, Vec::new()));
            }
            per_stage[i].1.push(ms);
        }
        last = Some(doc);
    }
    let doc = last.ok_or("no run")?;
    let stages: serde_json::Map<String, serde_json::Value> =
        per_stage.iter().map(|(name, ms)| (name.to_string(), serde_json::json!(min(ms)))).collect();
    let line = serde_json::json!({
        "file": path,
        "bytes": text.len(),
        "runs": reps,
        "analyze_ms_min": min(&whole),
        "analyze_ms_median": median(&whole),
        "analyze_cpu_ms_min": min(&whole_cpu),
        "analyze_cpu_ms_median": median(&whole_cpu),
        "stages_ms_min": stages,
        "tokens": doc.tokens.len(),
        "sentences": doc.sentences.len(),
        "mentions": doc.mentions.len(),
        "entities": doc.entities.len(),
        "claims": doc.claims.len(),
        "disputes": doc.disputes.len(),
        "peak_rss_kib": peak_rss_kib(),
    });
    Ok(line.to_string())
}

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let mut reps = 5usize;
    let mut files = Vec::new();
    // the first analyze of a process builds every lexicon (OnceLock): time it before anything else
    let (t, c) = (Instant::now(), cpu_ms());
    std::hint::black_box(pipeline::analyze("Tiny text. Mr. Smith said it, according to Reuters in Paris.", &pipeline::Options::default()));
    println!("{}", serde_json::json!({"init_ms": ms_since(t), "init_cpu_ms": cpu_ms() - c}));
    while let Some(a) = args.next() {
        match a.as_str() {
            "--reps" => reps = args.next().and_then(|n| n.parse().ok()).unwrap_or(5).max(1),
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        eprintln!("usage: bench_native [--reps N] FILE...");
        return std::process::ExitCode::FAILURE;
    }
    for f in &files {
        match bench_file(f, reps) {
            Ok(line) => println!("{line}"),
            Err(e) => {
                eprintln!("bench_native: {e}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    std::process::ExitCode::SUCCESS
}
