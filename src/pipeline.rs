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
    let before = Snapshot::of(doc);
    if catch_unwind(AssertUnwindSafe(|| stage(doc))).is_err() {
        before.restore(doc);
        doc.warn("internal_error", format!("the {name} stage failed on this text; its results are missing"));
    }
}

/// What a stage can change, as it was before the stage: the text (cleaning replaces it) and the
/// length of every layer. Stages fill the layers in pipeline order and never rewrite earlier
/// ones, so cutting each layer back to its length undoes whatever a failed stage wrote (a test
/// checks it for every stage). A copy of the whole document before each stage had been six
/// copies of every layer per annotate.
#[cfg(not(target_arch = "wasm32"))]
struct Snapshot {
    text: String,
    lengths: [usize; 11],
}

#[cfg(not(target_arch = "wasm32"))]
impl Snapshot {
    fn of(d: &Doc) -> Snapshot {
        let lengths = [
            d.edits.len(),
            d.suggestions.len(),
            d.tokens.len(),
            d.vocab.ids.len(),
            d.vocab.words.len(),
            d.sentences.len(),
            d.mentions.len(),
            d.entities.len(),
            d.claims.len(),
            d.disputes.len(),
            d.warnings.len(),
        ];
        Snapshot { text: d.text.clone(), lengths }
    }

    fn restore(self, d: &mut Doc) {
        let [edits, suggestions, tokens, ids, words, sentences, mentions, entities, claims, disputes, warnings] = self.lengths;
        d.text = self.text;
        d.edits.truncate(edits);
        d.suggestions.truncate(suggestions);
        d.tokens.truncate(tokens);
        d.vocab.ids.truncate(ids);
        d.vocab.words.truncate(words);
        d.sentences.truncate(sentences);
        d.mentions.truncate(mentions);
        d.entities.truncate(entities);
        d.claims.truncate(claims);
        d.disputes.truncate(disputes);
        d.warnings.truncate(warnings);
    }
}

#[cfg(target_arch = "wasm32")]
fn run_stage(doc: &mut Doc, _name: &'static str, stage: impl FnOnce(&mut Doc)) {
    // A panic in wasm is a trap; the worker restarts and the page keeps the text.
    stage(doc);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Every stage, run on the seed article after the ones before it, is undone by the snapshot
    /// taken before it: no stage rewrites a layer an earlier one wrote (else a failed stage
    /// would leave it half-changed).
    #[test]
    fn a_snapshot_undoes_every_stage() {
        // (a non-breaking space and page junk to clean; a run without spaces for the quality stage)
        let blob = "Zm9v".repeat(300);
        let text = format!("{}\n\nShe said the talks\u{a0}would resume, ogimageimage-name.\n\n{blob}", include_str!("../seeds/000_d91da279460ebc95.txt"));
        let mut doc = Doc::new(&text);
        let clean: Stage = ("clean", crate::clean::clean_stage);
        for &(name, stage) in std::iter::once(&clean).chain(STAGES) {
            let before = format!("{doc:?}");
            let snapshot = Snapshot::of(&doc);
            stage(&mut doc);
            assert_ne!(format!("{doc:?}"), before, "the {name} stage wrote nothing: the check would say nothing");
            let mut undone = doc.clone();
            snapshot.restore(&mut undone);
            assert_eq!(format!("{undone:?}"), before, "the snapshot before the {name} stage does not undo it");
        }
    }

    /// A stage that panics after writing leaves the document as it was, with a warning.
    #[test]
    fn a_failed_stage_leaves_the_document_as_it_was() {
        let mut doc = analyze("Iran said no. Tehran insists on talks.", &Options::default());
        let before = format!("{doc:?}");
        run_stage(&mut doc, "entities", |d| {
            // (what a stage may do: write its own layers, which grow; cleaning replaces the text)
            d.mentions.extend(d.mentions.clone());
            d.text.push_str(" garbage");
            d.claims.extend(d.claims.clone());
            panic!("a bug");
        });
        let warning = doc.warnings.pop().expect("a warning");
        assert_eq!(warning.code, "internal_error");
        assert_eq!(format!("{doc:?}"), before);
    }
}
