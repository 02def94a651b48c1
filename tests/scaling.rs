//! No stage may be quadratic in input length: the whole pipeline on synthetic worst cases at n,
//! 2n and 8n bytes must grow well under quadratically (4× and 64×). Linear is 2× and 8×; the
//! bounds (3×, 14×) stay clear of noise on a shared machine: thread CPU time, min of 3 runs
//! each, debug build. On failure the message shows every stage's growth. Each case is the
//! regression test of a quadratic bug fixed or guarded against (see ARCHITECTURE.md, Performance).
#![cfg(not(target_arch = "wasm32"))] // native-only: timing

use lede::pipeline;
mod timing;

use timing::timed_stages;

const SMALL: usize = 20_000;
const FACTOR: usize = 8;
/// t(8n)/t(n): linear is 8 (7.7–8.7 measured), n log n about 10, quadratic 64 — or ~20 for a
/// quadratic part still small at n = 20 KB, which 30 would let through.
const MAX_RATIO: f64 = 14.0;
/// t(2n)/t(n): linear is 2, quadratic 4. Checked first so a quadratic stage fails fast.
const MAX_DOUBLING_RATIO: f64 = 3.0;

/// Sentences written for this test (no evaluation data), with names, quotes and cues.
const PROSE: &[&str] = &[
    "President Maria Lopez said on Tuesday that the talks in Geneva would resume next week.",
    "According to the ministry, 1,200 people attended the rally in Paris.",
    "“We will not accept these terms,” the spokesman told reporters.",
    "Officials in Tehran have not confirmed the report, which cites people familiar with the matter.",
    "The United Nations and the European Union disagree over the timing of the vote.",
    "Dr. Chen’s team, backed by the U.S. Department of Energy, refuses to comment.",
];

fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

fn prose(bytes: usize, sep: &str) -> String {
    repeat_to(&(PROSE.join(sep) + sep), bytes)
}

/// A worst case: its name and a generator of about `bytes` bytes of it.
type Case = (&'static str, fn(usize) -> String);

fn cases() -> Vec<Case> {
    vec![
        ("one paragraph", |n| prose(n, " ")),
        ("articles with paragraphs", |n| prose(n, "\n\n")),
        ("one-word lines", |n| repeat_to("word\n", n)),
        ("no spaces", |n| prose(n, " ").chars().filter(|c| !c.is_whitespace()).collect()),
        ("no spaces, punctuation seams", |n| repeat_to("Mr.Smith,said,that,it.", n)),
        ("no spaces, late dot then seams", |n| format!("{}.{}", "a".repeat(n / 2), repeat_to("b,c", n / 2))),
        ("one repeated name", |n| repeat_to("Iran ", n)),
        ("one repeated titled name", |n| repeat_to("President Maria Lopez ", n)),
        ("a named source per sentence", |n| repeat_to("Iran said the talks would resume. ", n)),
        ("many distinct titled names", distinct_names),
        ("quote-heavy", |n| repeat_to("“Yes,” he said. “No,” she said, “never.” ", n)),
        ("one unclosed quote", |n| format!("He said: “{}", prose(n, " ").replace(['“', '”'], ""))),
        ("only punctuation", |n| repeat_to(".,;:!?“”'\"-— ", n)),
        ("non-ASCII", |n| repeat_to("Zürich’s Ærø señor 東京 😊 — ", n)),
    ]
}

/// `President Xa Yb said.` with ever new surnames: many entities, many mentions.
fn distinct_names(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0u32;
    while s.len() < bytes {
        let surname: String = i.to_string().chars().map(|d| (b'a' + d as u8 - b'0') as char).collect();
        s.push_str(&format!("President Maria Q{surname} said. Q{surname} left. "));
        i += 1;
    }
    s
}

/// (total ms, per-stage ms) of one pipeline run, stages as `analyze` runs them.
fn run_once(text: &str) -> (f64, Vec<(&'static str, f64)>) {
    let (total, stages, _) = timed_stages(text);
    (total, stages)
}

/// Min of 3 runs, total and per stage.
fn best_of_3(text: &str) -> (f64, Vec<(&'static str, f64)>) {
    let mut best = run_once(text);
    for _ in 0..2 {
        let (total, stages) = run_once(text);
        best.0 = best.0.min(total);
        for (b, s) in best.1.iter_mut().zip(stages) {
            b.1 = b.1.min(s.1);
        }
    }
    best
}

#[test]
fn pipeline_grows_linearly_on_worst_cases() {
    std::hint::black_box(pipeline::analyze("Warm up the lexicons.", &pipeline::Options::default()));
    let mut failures = Vec::new();
    for (name, make) in cases() {
        let texts = [make(SMALL), make(SMALL * 2), make(SMALL * FACTOR)];
        let (t_small, s_small) = best_of_3(&texts[0]);
        // below 2 ms the timer's noise dominates; treat as 2 ms
        let t_small = t_small.max(2.0);
        // a doubling first: quadratic shows as ~4x here, and a quadratic stage is not run on 8n
        let (t_double, s_double) = best_of_3(&texts[1]);
        let (size, (t_large, s_large), bound) = if t_double / t_small > MAX_DOUBLING_RATIO {
            (2, (t_double, s_double), MAX_DOUBLING_RATIO)
        } else {
            (FACTOR, best_of_3(&texts[2]), MAX_RATIO)
        };
        let ratio = t_large / t_small;
        let by_stage: Vec<String> = s_small
            .iter()
            .zip(&s_large)
            .map(|((n, a), (_, b))| format!("{n} {a:.1}→{b:.1} ms"))
            .collect();
        eprintln!("{name}: n={} bytes, t(n) {t_small:.1} ms, t(2n) {t_double:.1} ms, t({size}n) {t_large:.1} ms, ratio {ratio:.1} [{}]", texts[0].len(), by_stage.join(", "));
        if ratio > bound {
            failures.push(format!("{name}: t({size}n)/t(n) = {ratio:.1} > {bound} [{}]", by_stage.join(", ")));
        }
    }
    assert!(failures.is_empty(), "super-linear growth:\n{}", failures.join("\n"));
}
