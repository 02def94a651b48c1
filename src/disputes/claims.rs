//! Positions stated only as reported speech: a claim (source + cue + content, from the claims
//! stage) whose cue carries a stance (`the association demands that …`, `Kosovo insists that
//! …`, `rejects`) or whose neutral cue introduces a content with a stance word (`the trust says
//! agency cover is needed`) gives its source party a position on every issue word the content
//! names. These items never establish an issue on their own (`assemble.rs` keeps only issues a
//! contention cue names) and give way to a cue's statement by the same party.

use super::party::{self, Index, Party};
use super::phrase::Sent;
use super::words::words;
use super::{stance_of, Item};
use crate::doc::{Doc, Span};

/// Claims by the sentence holding their cue (or content): one pass, claims in text order.
pub fn by_sentence(doc: &Doc) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); doc.sentences.len()];
    for (c, claim) in doc.claims.iter().enumerate() {
        let at = claim.cue.map_or(claim.content.start, |s| s.start);
        let si = doc.sentences.partition_point(|s| s.span.end <= at);
        if let Some(v) = out.get_mut(si) {
            v.push(c);
        }
    }
    out
}

fn is_negation(lower: &str) -> bool {
    matches!(lower, "not" | "n't" | "never" | "cannot" | "no" | "won't")
}

/// The party a claim's source names: its entity (people speak for themselves, not as parties:
/// skipped), else the source phrase read as a subject (`the group` → the organisation).
fn source_party(ix: &Index, s: &Sent, source: Span, entity: Option<usize>, last: Option<&Party>) -> Option<Party> {
    if let Some(e) = entity {
        if s.doc.entities.get(e).is_some_and(|x| x.label == "PERSON") {
            return None;
        }
        return ix.resolve(s.doc, e);
    }
    let (a, b) = (s.token_at(source.start), s.token_end(source.end));
    if a >= b || b > s.len() {
        return None;
    }
    // `its defence ministry`, `their lawyers`: the owner is the party last named
    if matches!(s.lower(a), "its" | "their") {
        return last.cloned();
    }
    party::subject_in_chunk(ix, s, a, b, last).map(|(p, _)| p)
}

/// The party a claim's source entity stands for (not a person).
pub fn named_source(ix: &Index, doc: &Doc, c: usize) -> Option<Party> {
    let e = doc.claims.get(c)?.source_entity?;
    if doc.entities.get(e)?.label == "PERSON" {
        return None;
    }
    ix.resolve(doc, e)
}

/// The sign a claim's words give its source's stance, if any.
fn claim_sign(s: &Sent, cue: Option<Span>, content: (usize, usize)) -> Option<i8> {
    let w = words();
    if let Some(cue) = cue {
        let (a, b) = (s.token_at(cue.start), s.token_end(cue.end));
        if let Some(&(sign, _)) = (a..b).find_map(|t| w.claim_stance.get(s.lower(t)).filter(|e| !e.1)) {
            return Some(sign);
        }
    }
    (content.0..content.1).find_map(|t| w.claim_stance.get(s.lower(t)).filter(|e| e.1).map(|e| e.0))
}

/// Items for claim `c` whose cue is in sentence `s`.
pub fn claim_items(ix: &Index, s: &Sent, c: usize, last: Option<&Party>, out: &mut Vec<Item>) {
    let Some(claim) = s.doc.claims.get(c) else { return };
    let Some(source) = claim.source else { return };
    let (a, b) = (s.token_at(claim.content.start), s.token_end(claim.content.end).min(s.len()));
    if a >= b {
        return;
    }
    let Some(base) = claim_sign(s, claim.cue, (a, b)) else { return };
    let Some(party) = source_party(ix, s, source, claim.source_entity, last) else { return };
    let cue = claim.cue.unwrap_or(source);
    let position = Span::new(source.start.min(cue.start).min(claim.content.start), claim.content.end.max(cue.end));
    let w = words();
    let mut negated = false;
    let mut keys: Vec<String> = Vec::new();
    for t in a..b {
        if is_negation(s.lower(t)) {
            negated = !negated;
        }
        if !s.is_word(t) || s.role(t).is_some() || w.claim_stance.contains_key(s.lower(t)) || (s.capitalized(t) && ix.party_at(s, t).is_some()) {
            continue;
        }
        let Some(key) = w.word_key(s.words[t]) else { continue };
        if keys.contains(&key) {
            continue;
        }
        let mut sign = if negated { -base } else { base };
        // `scrap parking minimums`, `an end to X`: polarity words just before flip the stance
        let prev1 = t.checked_sub(1).map(|p| s.lower(p).to_string());
        let prev2 = t.checked_sub(2).map(|p| format!("{} {}", s.lower(p), s.lower(p + 1)));
        let mut frame = false;
        for phrase in [prev2, prev1].into_iter().flatten() {
            if let Some(p) = w.polarity(&phrase) {
                sign *= p.sign;
                frame |= p.frame;
                break;
            }
        }
        // `wants agency spending capped`: a passive polarity word just after the phrase
        if let Some(after) = (t + 1..(t + 3).min(b)).find_map(|k| w.polarity(s.lower(k)).filter(|_| s.lower(k).ends_with("ed"))) {
            sign *= after.sign;
        }
        keys.push(key.clone());
        out.push(Item {
            key,
            label: s.words[t].to_string(),
            mention: s.span(t, t + 1),
            sentence: s.index,
            party: Some(party.clone()),
            stance: stance_of(sign, frame),
            position: Some(position),
            cue,
            weak: true,
            allies: Vec::new(),
            option: None,
            from_claim: true,
        });
    }
}

