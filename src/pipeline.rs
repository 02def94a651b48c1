//! The pipeline: clean → tokenize → sentences → entities → claims → disputes.
//!
//! Each stage is a `fn(&mut Doc)` that appends its own layer and never rewrites an earlier one.
//! [`analyze`] never panics: a stage that panics (a bug) is caught natively, its layer dropped
//! and a warning recorded, so the user still gets the other layers.
//!
//! Limits (`limits.rs`): a text above [`limits::MAX_ANNOTATED_BYTES`] is cleaned and returned
//! whole but annotated only up to a paragraph (or line, sentence, word) boundary before the
//! limit, with a `truncated` warning. The last stage, `quality` (`quality.rs`), only adds
//! warnings: `empty`, `garbled`, `not_english`, `not_article`, `long_token`.

pub mod limits;
pub mod quality;

use crate::doc::Doc;

/// What to run. Extend with new fields; keep defaults stable.
#[derive(Debug, Clone)]
pub struct Options {
    /// Run the cleaning stage (default). `false` keeps the text byte-for-byte as given.
    pub clean: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { clean: true }
    }
}

type Stage = (&'static str, fn(&mut Doc));

/// The annotation stages after cleaning, in order.
pub const STAGES: &[Stage] = &[
    ("tokenize", crate::tokenize::tokenize),
    ("sentences", crate::sentences::split_sentences),
    ("entities", crate::entities::entities),
    ("claims", crate::claims::claims),
    ("disputes", crate::disputes::disputes),
    ("quality", quality::quality),
];

/// Clean (optionally) and annotate `text`.
pub fn analyze(text: &str, options: &Options) -> Doc {
    analyze_with_limit(text, options, limits::MAX_ANNOTATED_BYTES)
}

/// [`analyze`] with another annotation size limit (tests use small ones).
pub fn analyze_with_limit(text: &str, options: &Options, limit: usize) -> Doc {
    let mut doc = Doc::new(text);
    if options.clean {
        run_stage(&mut doc, "clean", crate::clean::clean_stage);
    }
    // the stages see only the head; every span they make is therefore valid in the whole text
    let tail = limits::split_for_annotation(&mut doc, limit);
    // the verdict reads the text and its tokens, which no later stage changes: judged once,
    // when the first stage that may be skipped comes
    let mut verdict = None;
    for &(name, stage) in STAGES {
        if quality::may_skip(name) && quality::skips(*verdict.get_or_insert_with(|| quality::assess(&doc)), name) {
            continue;
        }
        if name == "quality" {
            // the quality stage reports the same verdict: not judged twice
            let v = *verdict.get_or_insert_with(|| quality::assess(&doc));
            run_stage(&mut doc, name, |d| quality::report(d, v));
        } else {
            run_stage(&mut doc, name, stage);
        }
    }
    doc.text.push_str(&tail);
    doc
}

/// Only the cleaning stage.
pub fn clean(text: &str) -> Doc {
    let mut doc = Doc::new(text);
    run_stage(&mut doc, "clean", crate::clean::clean_stage);
    doc
}

#[cfg(not(target_arch = "wasm32"))]
fn run_stage(doc: &mut Doc, name: &'static str, stage: impl FnOnce(&mut Doc)) {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    let backup = doc.clone();
    if catch_unwind(AssertUnwindSafe(|| stage(doc))).is_err() {
        *doc = backup;
        doc.warn("internal_error", format!("the {name} stage failed on this text; its results are missing"));
    }
}

#[cfg(target_arch = "wasm32")]
fn run_stage(doc: &mut Doc, _name: &'static str, stage: impl FnOnce(&mut Doc)) {
    // A panic in wasm is a trap; the worker restarts and the page keeps the text.
    stage(doc);
}
