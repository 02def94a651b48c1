//! Invariants every analysed document must satisfy, whatever the input: shared by
//! `tests/props.rs`, `tests/hostile.rs` and the cargo-fuzz targets (`fuzz/`, via `#[path]`).
//!
//! Each check returns the list of violations (empty = fine) so a failure names every broken
//! layer at once. The checks read only the public document model and the wire format, so they
//! keep working while the stage modules are rewritten.
#![allow(dead_code)]

use lede::doc::{Doc, Span};
use lede::pipeline::{self, Options};
use lede::wire;

/// A span that must lie inside `text`, on char boundaries, `start <= end`.
pub fn check_span(what: &str, span: Span, text: &str, out: &mut Vec<String>) {
    if span.start > span.end {
        out.push(format!("{what}: start {} > end {}", span.start, span.end));
    } else if span.end > text.len() {
        out.push(format!("{what}: end {} past the text ({} bytes)", span.end, text.len()));
    } else if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        out.push(format!("{what}: {}..{} not on char boundaries", span.start, span.end));
    }
}

/// Every span of every layer is valid in `doc.text`, and every cross-layer index points at
/// something that exists.
pub fn check_layers(doc: &Doc) -> Vec<String> {
    let mut out = Vec::new();
    let t = doc.text.as_str();
    for (i, tok) in doc.tokens.iter().enumerate() {
        check_span(&format!("token {i}"), tok.span, t, &mut out);
    }
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(&format!("sentence {i}"), s.span, t, &mut out);
        if s.tokens.start > s.tokens.end || s.tokens.end > doc.tokens.len() {
            out.push(format!("sentence {i}: token range {:?} outside {} tokens", s.tokens, doc.tokens.len()));
        }
    }
    // which entity lists each mention (linear: an entity may have 100k mentions)
    let mut listed_by: Vec<Option<usize>> = vec![None; doc.mentions.len()];
    for (e, ent) in doc.entities.iter().enumerate() {
        for &m in &ent.mentions {
            match listed_by.get_mut(m) {
                Some(slot @ None) => *slot = Some(e),
                Some(Some(other)) => out.push(format!("mention {m} listed by entities {other} and {e}")),
                None => {} // reported below
            }
        }
    }
    for (i, m) in doc.mentions.iter().enumerate() {
        check_span(&format!("mention {i}"), m.span, t, &mut out);
        match m.entity {
            Some(e) if e >= doc.entities.len() => out.push(format!("mention {i}: entity {e} of {}", doc.entities.len())),
            Some(e) if listed_by[i] != Some(e) => out.push(format!("mention {i}: entity {e} does not list it")),
            _ => {}
        }
    }
    for (i, e) in doc.entities.iter().enumerate() {
        for &m in &e.mentions {
            if m >= doc.mentions.len() {
                out.push(format!("entity {i}: mention {m} of {}", doc.mentions.len()));
            }
        }
        if e.metonym_of.is_some_and(|x| x >= doc.entities.len()) {
            out.push(format!("entity {i}: metonym_of {:?} of {}", e.metonym_of, doc.entities.len()));
        }
        if !e.salience.is_finite() {
            out.push(format!("entity {i}: salience {} is not finite", e.salience));
        }
    }
    for (i, c) in doc.claims.iter().enumerate() {
        let w = |part: &str| format!("claim {i} {part}");
        c.source.into_iter().for_each(|s| check_span(&w("source"), s, t, &mut out));
        c.cue.into_iter().for_each(|s| check_span(&w("cue"), s, t, &mut out));
        check_span(&w("content"), c.content, t, &mut out);
        c.content_segments.iter().for_each(|&s| check_span(&w("segment"), s, t, &mut out));
        c.hedges.iter().for_each(|&s| check_span(&w("hedge"), s, t, &mut out));
        c.anonymity.into_iter().for_each(|s| check_span(&w("anonymity"), s, t, &mut out));
        if c.source_entity.is_some_and(|e| e >= doc.entities.len()) {
            out.push(format!("claim {i}: source_entity {:?} of {}", c.source_entity, doc.entities.len()));
        }
    }
    for (i, d) in doc.disputes.iter().enumerate() {
        d.mentions.iter().for_each(|&s| check_span(&format!("dispute {i} mention"), s, t, &mut out));
        d.evidence.iter().for_each(|&s| check_span(&format!("dispute {i} evidence"), s, t, &mut out));
        for (j, side) in d.sides.iter().enumerate() {
            side.position.into_iter().for_each(|s| check_span(&format!("dispute {i} side {j} position"), s, t, &mut out));
            if side.party.is_some_and(|p| p >= doc.entities.len()) {
                out.push(format!("dispute {i} side {j}: party {:?} of {}", side.party, doc.entities.len()));
            }
            for &c in &side.claims {
                if c >= doc.claims.len() {
                    out.push(format!("dispute {i} side {j}: claim {c} of {}", doc.claims.len()));
                }
            }
        }
    }
    for w in &doc.warnings {
        if w.code == "internal_error" {
            out.push(format!("internal_error warning: {}", w.message));
        }
    }
    out
}

/// The edit log is consistent: edits are in order and disjoint on both sides, each original
/// span is valid in the pasted text and each cleaned span in the cleaned text, and replaying
/// the edits on the original rebuilds the cleaned text exactly.
pub fn check_edits(doc: &Doc) -> Vec<String> {
    let mut out = Vec::new();
    let (orig, text) = (doc.original.as_str(), doc.text.as_str());
    let mut rebuilt = String::with_capacity(text.len());
    let (mut opos, mut cpos) = (0usize, 0usize);
    for (i, e) in doc.edits.iter().enumerate() {
        let before = out.len();
        check_span(&format!("edit {i} original"), e.original, orig, &mut out);
        check_span(&format!("edit {i} cleaned"), e.cleaned, text, &mut out);
        if e.original.start < opos || e.cleaned.start < cpos {
            out.push(format!("edit {i} ({}) overlaps or precedes the previous edit", e.kind));
        }
        if out.len() > before {
            return out; // the replay below would slice out of bounds
        }
        if e.cleaned.slice(text) != e.replacement {
            out.push(format!("edit {i}: cleaned span holds {:?}, replacement is {:?}", e.cleaned.slice(text), e.replacement));
        }
        rebuilt.push_str(&orig[opos..e.original.start]);
        rebuilt.push_str(&e.replacement);
        opos = e.original.end;
        cpos = e.cleaned.end;
    }
    rebuilt.push_str(&orig[opos..]);
    if rebuilt != text {
        let at = rebuilt.bytes().zip(text.bytes()).position(|(a, b)| a != b).unwrap_or(rebuilt.len().min(text.len()));
        out.push(format!("replaying the edits does not rebuild the cleaned text (first difference at byte {at})"));
    }
    out
}

/// `clean::to_original` maps every cleaned offset outside an edit to the same character in the
/// pasted text, and offsets inside an edit to that edit's original start. `step` samples
/// offsets on long texts (1 = every char boundary).
pub fn check_to_original(doc: &Doc, step: usize) -> Vec<String> {
    let mut out = Vec::new();
    let (orig, text) = (doc.original.as_str(), doc.text.as_str());
    let bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    for &c in bounds.iter().step_by(step.max(1)) {
        let o = lede::clean::to_original(&doc.edits, c);
        if o > orig.len() || !orig.is_char_boundary(o) {
            out.push(format!("to_original({c}) = {o}: not a char boundary of the {}-byte original", orig.len()));
            continue;
        }
        match doc.edits.iter().find(|e| e.cleaned.start <= c && c < e.cleaned.end) {
            Some(e) if o != e.original.start => out.push(format!("to_original({c}) = {o}, inside an edit starting at {}", e.original.start)),
            Some(_) => {}
            None => {
                // outside every edit the next char is the same on both sides
                if text[c..].chars().next() != orig[o..].chars().next() {
                    out.push(format!("to_original({c}) = {o}: {:?} vs {:?}", text[c..].chars().next(), orig[o..].chars().next()));
                }
            }
        }
        if out.len() > 5 {
            break;
        }
    }
    out
}

/// The substring at UTF-16 offsets `[start, end)`, as JS `text.slice(start, end)` returns it;
/// `None` if the offsets are out of range or split a surrogate pair.
pub fn js_slice(units: &[u16], start: u64, end: u64) -> Option<String> {
    let (s, e) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
    String::from_utf16(units.get(s..e)?).ok()
}

/// Every span on the wire, converted back with UTF-16 slicing as the page does, is the same
/// substring as the core's byte span; `text` fields equal their slices. `step` samples
/// mentions and edits on huge documents (1 = all).
pub fn check_wire(doc: &Doc, step: usize) -> Vec<String> {
    let step = step.max(1);
    let mut out = Vec::new();
    let v = serde_json::to_value(wire::to_wire(doc)).expect("wire serialises");
    /// `units[b]` = UTF-16 length of `text[..b]` at every char boundary `b` (counted here,
    /// independently of `wire::Utf16Map`).
    fn utf16_table(text: &str) -> Vec<u32> {
        let mut table = vec![u32::MAX; text.len() + 1];
        let mut u = 0u32;
        for (b, c) in text.char_indices() {
            table[b] = u;
            u += c.len_utf16() as u32;
        }
        table[text.len()] = u;
        table
    }
    struct Side<'a> {
        text: &'a str,
        units: Vec<u16>,
        table: Vec<u32>,
    }
    fn same(out: &mut Vec<String>, what: String, ws: &serde_json::Value, span: Span, side: &Side) {
        let (ws_start, ws_end) = (ws["start"].as_u64().unwrap_or(u64::MAX), ws["end"].as_u64().unwrap_or(u64::MAX));
        let want = (side.table.get(span.start).copied(), side.table.get(span.end).copied());
        if want != (Some(ws_start as u32), Some(ws_end as u32)) {
            out.push(format!("{what}: wire {ws} but the core span {span:?} is at UTF-16 {want:?}"));
        } else if span.len() <= 256 {
            // and slicing the UTF-16 units, as JS does, gives the same text
            let got = js_slice(&side.units, ws_start, ws_end);
            if got.as_deref() != Some(span.slice(side.text)) {
                out.push(format!("{what}: wire {ws} slices to {got:?}, core span {span:?} is {:?}", span.slice(side.text)));
            }
        }
    }
    let cleaned = Side { text: &doc.text, units: doc.text.encode_utf16().collect(), table: utf16_table(&doc.text) };
    let original = Side { text: &doc.original, units: doc.original.encode_utf16().collect(), table: utf16_table(&doc.original) };
    let out = &mut out;
    let t = doc.text.as_str();
    for (i, m) in doc.mentions.iter().enumerate().step_by(step) {
        let w = &v["mentions"][i];
        same(out, format!("mention {i}"), w, m.span, &cleaned);
        if w["text"].as_str() != Some(m.span.slice(t)) {
            out.push(format!("mention {i}: wire text {} is not the span's text", w["text"]));
        }
    }
    for (i, c) in doc.claims.iter().enumerate() {
        let w = &v["claims"][i];
        same(out, format!("claim {i} content"), &w["content"], c.content, &cleaned);
        if let Some(s) = c.source {
            same(out, format!("claim {i} source"), &w["source"], s, &cleaned);
        }
        if let Some(s) = c.cue {
            same(out, format!("claim {i} cue"), &w["cue"], s, &cleaned);
        }
        if let Some(s) = c.anonymity {
            same(out, format!("claim {i} anonymity"), &w["anonymity"], s, &cleaned);
        }
        for (j, &s) in c.content_segments.iter().enumerate() {
            same(out, format!("claim {i} segment {j}"), &w["content_segments"][j], s, &cleaned);
        }
        for (j, &s) in c.hedges.iter().enumerate() {
            same(out, format!("claim {i} hedge {j}"), &w["hedges"][j], s, &cleaned);
        }
    }
    for (i, d) in doc.disputes.iter().enumerate() {
        let w = &v["disputes"][i];
        for (j, &s) in d.mentions.iter().enumerate() {
            same(out, format!("dispute {i} mention {j}"), &w["mentions"][j], s, &cleaned);
        }
        for (j, &s) in d.evidence.iter().enumerate() {
            same(out, format!("dispute {i} evidence {j}"), &w["evidence"][j], s, &cleaned);
        }
        for (j, side) in d.sides.iter().enumerate() {
            if let Some(p) = side.position {
                same(out, format!("dispute {i} side {j} position"), &w["sides"][j]["position"], p, &cleaned);
            }
        }
    }
    for (i, e) in doc.edits.iter().enumerate().step_by(step) {
        let w = &v["edits"][i];
        same(out, format!("edit {i} cleaned"), &w["cleaned"], e.cleaned, &cleaned);
        same(out, format!("edit {i} original"), &w["original"], e.original, &original);
    }
    if v["text"].as_str() != Some(t) {
        out.push("wire text differs from doc.text".into());
    }
    std::mem::take(out)
}

/// Run the stages one by one WITHOUT the pipeline's panic guard, so a panic in any stage fails
/// the calling test (or the fuzzer) instead of turning into an `internal_error` warning.
pub fn run_stages_unguarded(text: &str, clean: bool) -> Doc {
    let mut doc = Doc::new(text);
    if clean {
        lede::clean::clean_stage(&mut doc);
    }
    for &(_, stage) in pipeline::STAGES {
        stage(&mut doc);
    }
    doc
}

/// The wire JSON of `analyze(text)`, as a string (for determinism checks).
pub fn wire_json(text: &str, clean: bool) -> String {
    serde_json::to_string(&wire::to_wire(&pipeline::analyze(text, &Options { clean }))).expect("wire serialises")
}

/// All checks on one document; `step` samples `to_original` offsets and wire spans.
pub fn check_all(doc: &Doc, step: usize) -> Vec<String> {
    let mut out = check_layers(doc);
    out.extend(check_edits(doc));
    if out.is_empty() {
        out.extend(check_to_original(doc, step));
        out.extend(check_wire(doc, step));
    }
    out
}

/// Panics with every violation, naming the input (shortened).
pub fn assert_ok(doc: &Doc, step: usize) {
    let problems = check_all(doc, step);
    if !problems.is_empty() {
        let shown: String = doc.original.chars().take(200).collect();
        panic!("{} invariant violation(s) on input {shown:?}…:\n  {}", problems.len(), problems.join("\n  "));
    }
}
