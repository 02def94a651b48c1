//! Disputed issues: what the parties disagree about, who the parties are, and each party's
//! position on each issue (or "not stated" when the article gives none).
//!
//! One pass over the sentences finds contention cues (`data/disputes/cues.txt`):
//! - `issue` cues (`disagreements over`, `at odds over`) name issues with no stance;
//! - `for` / `against` cues (`pushed for`, `refuses to`, `rejecting`) give the subject party a
//!   position on the phrases they govern (`phrase.rs`), its stance set by the cue, polarity
//!   words (`narrowing the agenda`) and an inclusion frame (`issues such as X` on an agenda →
//!   `wants_included` / `wants_excluded`);
//! - `backward` cues (`point of contention`, `red line`) label a phrase before them;
//! - `versus` (`X versus Y`) makes one issue of two options; positions for X count as `for`,
//!   for Y as `against` (the same convention as the option pairs in `contrasts.txt`).
//!
//! The subject is found by this stage itself (`party.rs`) and resolved through entities,
//! metonyms and nationality words, so it works before the claims stage covers it. Found items
//! are then grouped into issues by key word and given sides, claims and evidence
//! (`assemble.rs`). Everything is linear in the text: per-sentence work is bounded by the
//! sentence and by constant windows, and doc-wide steps are single passes.

mod assemble;
mod party;
mod phrase;
mod words;

use crate::doc::{Doc, Span, Stance};
use party::{Index, Party};
use phrase::Sent;
use words::{words, CueKind};

/// One thing a cue said: an issue phrase, and maybe a party's position on it.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub key: String,
    pub label: String,
    pub mention: Span,
    pub sentence: usize,
    pub party: Option<Party>,
    pub stance: Stance,
    pub position: Option<Span>,
    pub cue: Span,
    /// Made by a weak cue in a sentence with no strong one.
    pub weak: bool,
    pub allies: Vec<Span>,
    /// For a `X versus Y` item: the option's own key and +1 (X) or -1 (Y), so positions on X
    /// or Y file under the versus issue.
    pub option: Option<(String, i8)>,
}

pub fn disputes(doc: &mut Doc) {
    let index = Index::new(doc);
    let mut items = Vec::new();
    let mut last: Option<Party> = None;
    for si in 0..doc.sentences.len() {
        let s = Sent::new(doc, si);
        sentence_items(&index, &s, &mut last, &mut items);
    }
    doc.disputes = assemble::assemble(doc, &index, items);
}

fn stance_of(sign: i8, frame: bool) -> Stance {
    match (sign >= 0, frame) {
        (true, false) => Stance::For,
        (false, false) => Stance::Against,
        (true, true) => Stance::WantsIncluded,
        (false, true) => Stance::WantsExcluded,
    }
}

/// The items of one sentence.
fn sentence_items(ix: &Index, s: &Sent, last: &mut Option<Party>, out: &mut Vec<Item>) {
    let Some(sent) = s.doc.sentences.get(s.index) else { return };
    let text = s.doc.slice(sent.span);
    let cues = words().cues.find_all(text);
    let strong_sentence = cues.iter().any(|c| !c.payload.weak);
    // `Serbia rejects X and has called for Y`: a later cue with no subject of its own shares it
    let mut sentence_party: Option<Party> = None;
    for m in cues {
        let cue_span = Span::new(sent.span.start + m.start, sent.span.start + m.end);
        let (a, b) = (s.token_at(cue_span.start), s.token_end(cue_span.end));
        if a >= b {
            continue;
        }
        let cue = *m.payload;
        let weak = cue.weak && !strong_sentence;
        let item = |p: &phrase::Phrase, party: Option<Party>, stance: Stance, position: Option<Span>, allies: Vec<Span>| Item {
            key: p.key.clone(),
            label: p.label.clone(),
            mention: s.span(p.range.start, p.range.end),
            sentence: s.index,
            party,
            stance,
            position,
            cue: cue_span,
            weak,
            allies,
            option: None,
        };
        match cue.kind {
            CueKind::Issue => {
                let mut parties = party::clause_parties(ix, s, a, b);
                let mut from = b;
                if cue.gap {
                    // `a dispute between Japan and China over fishing rights`
                    let Some(k) = (b..(b + 12).min(s.len())).find(|&k| matches!(s.lower(k), "over" | "on" | "about")) else { continue };
                    for t in b..k {
                        if let Some(p) = ix.party_at(s, t).filter(|p| !parties.iter().any(|q| q.key == p.key)) {
                            parties.push(p);
                        }
                    }
                    from = k + 1;
                }
                let Some(obj) = phrase::object(s, from, false) else { continue };
                for p in &obj.items {
                    out.push(item(p, None, Stance::NotStated, None, Vec::new()));
                    for party in &parties {
                        out.push(item(p, Some(party.clone()), Stance::NotStated, None, Vec::new()));
                    }
                }
            }
            CueKind::For | CueKind::Against => {
                // `backed by` is an ally marker, not support
                if s.lower(b) == "by" {
                    continue;
                }
                let Some(obj) = phrase::object(s, b, cue.verb) else { continue };
                let mut subj = party::subject(ix, s, a, last.as_ref());
                if subj.party.is_none() {
                    subj.party = sentence_party.clone();
                }
                sentence_party = subj.party.clone().or(sentence_party);
                let base: i8 = if cue.kind == CueKind::For { 1 } else { -1 };
                let start = subj.start.map(|t| s.span(t, t + 1).start).unwrap_or(cue_span.start).min(cue_span.start);
                let position = Span::new(start, s.span(b, obj.end.max(b + 1)).end.max(cue_span.end));
                if let Some(p) = &subj.party {
                    *last = Some(p.clone());
                }
                for p in &obj.items {
                    let stance = stance_of(base * p.sign, p.frame);
                    out.push(item(p, subj.party.clone(), stance, Some(position), subj.allies.clone()));
                }
            }
            CueKind::Versus => {
                let Some((left, right)) = phrase::versus(s, a, b) else { continue };
                let key = format!("{} vs {}", left.key, right.key);
                let label = format!("{} vs {}", left.label, right.label);
                for (p, option) in [(&left, 1i8), (&right, -1i8)] {
                    let mut it = item(p, None, Stance::NotStated, None, Vec::new());
                    it.key = key.clone();
                    it.label = label.clone();
                    it.option = Some((p.key.clone(), option));
                    out.push(it);
                }
            }
            CueKind::Backward => {
                let Some((obj, clause)) = phrase::backward_object(s, a) else { continue };
                // a labelling verb has a subject who holds the red line; `which … point of contention` has none
                let subj = (s.role(clause) == Some(words::Role::Desc)).then(|| party::subject(ix, s, clause, last.as_ref()));
                for p in &obj.items {
                    match &subj {
                        Some(sj) if sj.party.is_some() => {
                            let from = s.span(clause, clause + 1).start;
                            let position = Span::new(from, cue_span.end);
                            out.push(item(p, sj.party.clone(), stance_of(-p.sign, p.frame), Some(position), sj.allies.clone()));
                        }
                        _ => out.push(item(p, None, Stance::NotStated, None, Vec::new())),
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{analyze, Options};

    /// (label, [(party, stance, has position)])
    fn disputes_of(text: &str) -> Vec<(String, Vec<(String, &'static str, bool)>)> {
        let d = analyze(text, &Options { clean: false });
        d.disputes
            .iter()
            .map(|x| (x.label.clone(), x.sides.iter().map(|s| (s.name.clone(), s.stance.as_str(), s.position.is_some())).collect()))
            .collect()
    }

    #[test]
    fn metonym_subject_rejects_an_issue() {
        let got = disputes_of("Tehran rejects any limits on uranium enrichment.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, vec![("Iran".to_string(), "for", true)]);
    }

    #[test]
    fn disagreement_only_gives_not_stated_sides() {
        let got = disputes_of("Iran insists on sanctions relief. The United States pushed for inspections. The two sides have not resolved disagreements over uranium enrichment.");
        let enrichment = got.iter().find(|d| d.0.contains("enrichment")).expect("enrichment issue");
        assert!(enrichment.1.iter().all(|s| s.1 == "not_stated" && !s.2), "{enrichment:?}");
        assert_eq!(enrichment.1.len(), 2);
    }

    #[test]
    fn no_contention_no_dispute() {
        for text in [
            "The museum opened a new wing on Friday. Visitors praised the collection.",
            "The company is seeking new staff and supports local schools.",
            "He was backed by his party in the vote.",
        ] {
            assert!(disputes_of(text).is_empty(), "{text}: {:?}", disputes_of(text));
        }
    }
}
