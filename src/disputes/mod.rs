//! Disputed issues: what the parties disagree about and each side's position.
//!
//! This first pass finds contention cues from `data/disputes/cues.txt` (`point of contention`,
//! `disagreements over`, `refuses`, …) and records the sentence as evidence for an issue
//! labelled by the words the cue governs; parties and positions come in a later pass.

use crate::doc::{Dispute, Doc, Span};
use crate::lexicon::{parse, PhraseMatcher};
use std::sync::OnceLock;

fn cues() -> &'static PhraseMatcher<()> {
    static C: OnceLock<PhraseMatcher<()>> = OnceLock::new();
    C.get_or_init(|| PhraseMatcher::new(parse(include_str!("../../data/disputes/cues.txt")).map(|e| (e.key.to_string(), ())).collect(), true))
}

pub fn disputes(doc: &mut Doc) {
    let mut out: Vec<Dispute> = Vec::new();
    for sent in &doc.sentences {
        let s = doc.slice(sent.span);
        for m in cues().find_all(s) {
            // the issue: up to five words after the cue, stopping at punctuation
            let after = &s[m.end..];
            let lead = after.len() - after.trim_start().len();
            let clause = &after[lead..];
            // five words fit in 300 bytes: never scan the rest of a huge sentence (was quadratic)
            let mut cap = clause.len().min(300);
            while !clause.is_char_boundary(cap) {
                cap -= 1;
            }
            let clause = &clause[..cap];
            let clause = &clause[..clause.find(|c: char| matches!(c, ',' | '.' | ';' | ':')).unwrap_or(clause.len())];
            let mut end = 0;
            for (n, (i, w)) in clause.split_whitespace().map(|w| (w.as_ptr() as usize - clause.as_ptr() as usize, w)).enumerate() {
                if n == 5 {
                    break;
                }
                end = i + w.len();
            }
            if end == 0 {
                continue;
            }
            let label = clause[..end].split_whitespace().collect::<Vec<_>>().join(" ");
            let start = sent.span.start + m.end + lead;
            let mention = Span::new(start, start + end);
            out.push(Dispute {
                label,
                mentions: vec![mention],
                evidence: vec![sent.span],
                sides: Vec::new(),
                rule: "contention-cue",
            });
        }
    }
    doc.disputes = out;
}
