//! `lede`: the native command line on the same core as the page.
//!
//! ```text
//! lede annotate [--no-clean] [--jsonl] [FILE|-]   wire JSON of one text, or per JSONL line {"id", ...wire}
//! lede clean [--jsonl] [FILE|-]                   cleaned text, or per JSONL line {"id","cleaned","edits"}
//! lede eval ner|ner-conll|ner-onto|claims|clean [--shared DIR] [--out DIR]
//!                                                 run a reference scorer on the dev data
//! ```
//! Bad input (not UTF-8, a bad JSON line, a missing file) gets a one-line error naming the line
//! or file and a non-zero exit; nothing is printed for a JSONL run that fails.

use lede::{pipeline, wire, Options};
use serde_json::{Map, Value};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: lede annotate [--no-clean] [--jsonl] [FILE|-]
       lede clean [--jsonl] [FILE|-]
       lede eval ner|ner-conll|ner-onto|claims|clean [--shared DIR] [--out DIR]
       lede --version";

struct Args {
    command: String,
    jsonl: bool,
    no_clean: bool,
    input: Option<String>,
    shared: String,
    out: String,
    target: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or_else(|| USAGE.to_string())?;
    let mut a = Args {
        command,
        jsonl: false,
        no_clean: false,
        input: None,
        shared: "../shared".into(),
        out: "out".into(),
        target: None,
    };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--jsonl" => a.jsonl = true,
            "--no-clean" => a.no_clean = true,
            "--shared" => a.shared = it.next().ok_or("--shared needs a directory")?,
            "--out" => a.out = it.next().ok_or("--out needs a directory")?,
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            s if a.command == "eval" && a.target.is_none() => a.target = Some(s.to_string()),
            s if a.input.is_none() => a.input = Some(s.to_string()),
            s => return Err(format!("unexpected argument {s}\n{USAGE}")),
        }
    }
    Ok(a)
}

fn read_input(path: &Option<String>) -> Result<String, String> {
    let (name, bytes) = match path.as_deref() {
        None | Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("stdin: {e}"))?;
            ("stdin".to_string(), buf)
        }
        Some(p) => (p.to_string(), std::fs::read(p).map_err(|e| format!("{p}: {e}"))?),
    };
    String::from_utf8(bytes).map_err(|e| format!("{name}: not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// Parse one JSONL line into (id, text).
fn jsonl_record(line: &str, n: usize) -> Result<(Value, String), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("line {n}: bad JSON: {e}"))?;
    let obj = v.as_object().ok_or_else(|| format!("line {n}: expected a JSON object"))?;
    let id = obj.get("id").cloned().unwrap_or(Value::Null);
    let text = obj
        .get("text")
        .or_else(|| obj.get("damaged"))
        .and_then(Value::as_str)
        .ok_or_else(|| format!("line {n}: missing string field \"text\""))?;
    Ok((id, text.to_string()))
}

fn with_id(id: Value, v: Value) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), id);
    if let Value::Object(rest) = v {
        m.extend(rest);
    }
    Value::Object(m)
}

fn annotate_value(text: &str, options: &Options) -> Value {
    serde_json::to_value(wire::to_wire(&pipeline::analyze(text, options))).unwrap_or(Value::Null)
}

fn clean_value(text: &str) -> Value {
    serde_json::to_value(wire::to_wire_clean(&pipeline::clean(text))).unwrap_or(Value::Null)
}

fn run_jsonl(input: &str, f: impl Fn(&str) -> Value) -> Result<String, String> {
    let mut out = String::with_capacity(input.len() * 2);
    for (i, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (id, text) = jsonl_record(line, i + 1)?;
        out.push_str(&with_id(id, f(&text)).to_string());
        out.push('\n');
    }
    Ok(out)
}

fn run(a: &Args) -> Result<String, String> {
    let options = Options { clean: !a.no_clean };
    match a.command.as_str() {
        "annotate" => {
            let input = read_input(&a.input)?;
            if a.jsonl {
                run_jsonl(&input, |t| annotate_value(t, &options))
            } else {
                Ok(annotate_value(&input, &options).to_string() + "\n")
            }
        }
        "clean" => {
            let input = read_input(&a.input)?;
            if a.jsonl {
                run_jsonl(&input, clean_value)
            } else {
                Ok(pipeline::clean(&input).text)
            }
        }
        "eval" => eval(a),
        "--version" | "version" => Ok(format!("lede {}\n", env!("CARGO_PKG_VERSION"))),
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
}

/// Throughput of the cleaning stage alone on the texts of a JSONL file (lexicons built first,
/// JSON parsing outside the timing; best of three passes).
fn clean_speed(input: &str) -> Result<String, String> {
    let mut texts = Vec::new();
    for (i, line) in input.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        texts.push(jsonl_record(line, i + 1)?.1);
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let _ = lede::pipeline::clean("warm up the lexicons");
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let started = std::time::Instant::now();
        for t in &texts {
            std::hint::black_box(lede::pipeline::clean(t));
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    Ok(format!("clean speed: {:.2} MB/s ({bytes} bytes in {:.3} s, clean stage only, best of 3)\n", bytes as f64 / 1e6 / best, best))
}

/// Run lede over a dev file and score it with the reference scorer.
fn eval(a: &Args) -> Result<String, String> {
    let target = a.target.as_deref().ok_or_else(|| format!("eval needs a target\n{USAGE}"))?;
    let sets: &[(&str, &str, &str)] = match target {
        "ner" => &[("ner-conll", "data/ner/conll2003_dev.jsonl", "score_ner.py"), ("ner-onto", "data/ner/ontonotes_news_dev.jsonl", "score_ner.py")],
        "ner-conll" => &[("ner-conll", "data/ner/conll2003_dev.jsonl", "score_ner.py")],
        "ner-onto" => &[("ner-onto", "data/ner/ontonotes_news_dev.jsonl", "score_ner.py")],
        "claims" => &[("claims", "data/claims/polnear_dev.jsonl", "score_claims.py")],
        "clean" => &[("clean", "data/clean/dev.jsonl", "score_clean.py")],
        other => return Err(format!("unknown eval target {other}\n{USAGE}")),
    };
    std::fs::create_dir_all(&a.out).map_err(|e| format!("{}: {e}", a.out))?;
    let mut report = String::new();
    for (name, gold_rel, scorer) in sets {
        let gold = format!("{}/{gold_rel}", a.shared);
        let input = read_input(&Some(gold.clone()))?;
        let started = std::time::Instant::now();
        let preds = if *name == "clean" {
            run_jsonl(&input, |t| {
                let v = clean_value(t);
                serde_json::json!({"cleaned": v["cleaned"]})
            })?
        } else {
            let options = Options { clean: false };
            run_jsonl(&input, |t| annotate_value(t, &options))?
        };
        let secs = started.elapsed().as_secs_f64();
        let pred = format!("{}/pred_{name}.jsonl", a.out);
        std::fs::write(&pred, preds).map_err(|e| format!("{pred}: {e}"))?;
        let out = std::process::Command::new("python3")
            .arg(format!("{}/eval/{scorer}", a.shared))
            .arg(&gold)
            .arg(&pred)
            .output()
            .map_err(|e| format!("python3: {e}"))?;
        report.push_str(&format!("== {name}: {gold} ({:.2} s for lede)\n", secs));
        if *name == "clean" {
            report.push_str(&clean_speed(&input)?);
        }
        report.push_str(&String::from_utf8_lossy(&out.stdout));
        let err = String::from_utf8_lossy(&out.stderr);
        if !err.trim().is_empty() {
            report.push_str(&format!("(scorer stderr: {} lines)\n", err.lines().count()));
        }
    }
    Ok(report)
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|a| run(&a));
    match result {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("lede: stdout: {e}");
                    return ExitCode::from(1);
                }
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("lede: {msg}");
            ExitCode::from(2)
        }
    }
}
