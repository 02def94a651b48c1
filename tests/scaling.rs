//! No stage may be quadratic in input length: the whole pipeline on synthetic worst cases at n,
//! 2n and 8n bytes must grow well under quadratically (4× and 64×). Linear is 2× and 8×; the
//! bounds (3.6×, 14×) stay clear of noise on a shared machine: thread CPU time, min of 3 runs
//! each with the two sizes interleaved, 5 more to confirm a ratio over its bound; debug build.
//! On failure the message shows every stage's growth. Each case is the regression test of a
//! quadratic bug fixed or guarded against (see ARCHITECTURE.md, Performance).
#![cfg(not(target_arch = "wasm32"))] // native-only: timing

use lede::pipeline;
mod timing;

use timing::timed_stages;

const SMALL: usize = 20_000;
const FACTOR: usize = 8;
/// t(8n)/t(n): linear is 8 (7.7–8.7 measured), n log n about 10, quadratic 64 — or ~20 for a
/// quadratic part still small at n = 20 KB, which 30 would let through.
const MAX_RATIO: f64 = 14.0;
/// t(2n)/t(n): linear is 2, quadratic 4. Checked first so a clearly quadratic stage fails fast
/// (and is not run on 8n); anything under it is decided by the 8n ratio, whose bound is far
/// from both linear and quadratic. (At 3.0 a fresh-clone CI run failed at 3.2 with every stage
/// about 3x, tokenizing too: machine noise, which a min of 8 runs did not remove.)
const MAX_DOUBLING_RATIO: f64 = 3.6;

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
type Timing = (f64, Vec<(&'static str, f64)>);

/// Keeps the least total and the least time of every stage.
fn keep_min(best: &mut Option<Timing>, (total, stages): Timing) {
    match best {
        None => *best = Some((total, stages)),
        Some(b) => {
            b.0 = b.0.min(total);
            for (b, s) in b.1.iter_mut().zip(stages) {
                b.1 = b.1.min(s.1);
            }
        }
    }
}

/// Runs `small` and `large` alternately `rounds` times, keeping the min of each into `best`:
/// a slow phase of a shared machine then hits both sizes, not the one it happened to meet.
fn interleaved(small: &str, large: &str, rounds: usize, best: &mut [Option<Timing>; 2]) {
    for _ in 0..rounds {
        for (slot, text) in best.iter_mut().zip([small, large]) {
            let (total, stages, _) = timed_stages(text);
            keep_min(slot, (total, stages));
        }
    }
}

/// t(large)/t(small) from min-of-3 interleaved runs; over `bound`, 5 more rounds confirm it
/// (noise fades from a min, growth does not). The ratio and both timings.
fn growth(small: &str, large: &str, bound: f64) -> (f64, Timing, Timing) {
    let mut best = [None, None];
    let ratio = |best: &[Option<Timing>; 2]| {
        // below 2 ms the timer's noise dominates; treat as 2 ms
        let t = |i: usize| best[i].as_ref().map_or(0.0, |b| b.0);
        t(1) / t(0).max(2.0)
    };
    interleaved(small, large, 3, &mut best);
    if ratio(&best) > bound {
        interleaved(small, large, 5, &mut best);
    }
    let r = ratio(&best);
    let [Some(a), Some(b)] = best else { unreachable!("both sizes ran") };
    (r, a, b)
}

#[test]
fn pipeline_grows_linearly_on_worst_cases() {
    std::hint::black_box(pipeline::analyze("Warm up the lexicons.", &pipeline::Options::default()));
    let mut failures = Vec::new();
    for (name, make) in cases() {
        let texts = [make(SMALL), make(SMALL * 2), make(SMALL * FACTOR)];
        // a doubling first: quadratic shows as ~4x here, and a quadratic stage is not run on 8n
        let doubling = growth(&texts[0], &texts[1], MAX_DOUBLING_RATIO);
        let (size, (ratio, (t_small, s_small), (t_large, s_large)), bound) =
            if doubling.0 > MAX_DOUBLING_RATIO {
                (2, doubling, MAX_DOUBLING_RATIO)
            } else {
                (FACTOR, growth(&texts[0], &texts[2], MAX_RATIO), MAX_RATIO)
            };
        let by_stage: Vec<String> = s_small
            .iter()
            .zip(&s_large)
            .map(|((n, a), (_, b))| format!("{n} {a:.1}→{b:.1} ms"))
            .collect();
        eprintln!("{name}: n={} bytes, t(n) {t_small:.1} ms, t({size}n) {t_large:.1} ms, ratio {ratio:.1} [{}]", texts[0].len(), by_stage.join(", "));
        if ratio > bound {
            failures.push(format!("{name}: t({size}n)/t(n) = {ratio:.1} > {bound} [{}]", by_stage.join(", ")));
        }
    }
    assert!(failures.is_empty(), "super-linear growth:\n{}", failures.join("\n"));
}
