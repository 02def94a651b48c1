//! Claims: who (source) says (cue) what (content).
//!
//! This first pass finds a reporting cue from `data/claims/cues.txt` in a sentence, takes the
//! noun phrase before it as the source and the rest of the sentence (after an optional `that`)
//! as the content; `according to X, …` takes X as the source. Negated cues (`has not
//! confirmed`) are marked `negated`.

use crate::doc::{Claim, Doc, SourceKind, Span, TokenKind};
use crate::lexicon::parse;
use std::collections::HashSet;
use std::sync::OnceLock;

fn cues() -> &'static HashSet<&'static str> {
    static C: OnceLock<HashSet<&'static str>> = OnceLock::new();
    C.get_or_init(|| parse(include_str!("../../data/claims/cues.txt")).map(|e| e.key).collect())
}

const NEGATORS: &[&str] = &["not", "n't", "never", "no"];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

pub fn claims(doc: &mut Doc) {
    let mut out = Vec::new();
    let order = mention_order(doc);
    for sent in &doc.sentences {
        let toks = &doc.tokens[sent.tokens.clone()];
        let words: Vec<&str> = toks.iter().map(|t| t.span.slice(&doc.text)).collect();
        if let Some(c) = according_to(doc, &order, toks, &words, sent.span) {
            out.push(c);
            continue;
        }
        for (i, w) in words.iter().enumerate() {
            if i == 0 || !cues().contains(w.to_lowercase().as_str()) {
                continue;
            }
            // source: tokens back to the sentence start or a comma
            let mut s = i;
            while s > 0 && words[s - 1] != "," && toks[s - 1].kind != TokenKind::Punct {
                s -= 1;
            }
            let aux = ["has", "have", "had", "did", "does", "do", "was", "is", "were", "are", "publicly", "also", "not", "n't"];
            let mut src_end = i;
            while src_end > s && aux.contains(&words[src_end - 1].to_lowercase().as_str()) {
                src_end -= 1;
            }
            if src_end == s {
                continue;
            }
            let negated = words[s..i].iter().any(|w| NEGATORS.contains(&w.to_lowercase().as_str()));
            let mut c = i + 1;
            if words.get(c).is_some_and(|w| *w == "that" || *w == ":" || *w == ",") {
                c += 1;
            }
            if c >= toks.len() {
                continue;
            }
            let mut content_end = toks.len();
            if toks[content_end - 1].kind == TokenKind::Punct {
                content_end -= 1;
            }
            if content_end <= c {
                continue;
            }
            let source = Span::new(toks[s].span.start, toks[src_end - 1].span.end);
            out.push(Claim {
                source: Some(source),
                cue: Some(toks[i].span),
                content: Span::new(toks[c].span.start, toks[content_end - 1].span.end),
                content_segments: Vec::new(),
                kind: "indirect",
                source_kind: source_kind(doc, &order, source),
                source_entity: entity_in(doc, &order, source),
                hedges: Vec::new(),
                negated,
                anonymity: None,
                rule: "cue:np-before",
            });
            break;
        }
    }
    doc.claims = out;
}

fn according_to(doc: &Doc, order: &[usize], toks: &[crate::doc::Token], words: &[&str], sent: Span) -> Option<Claim> {
    let i = words.windows(2).position(|w| w[0].eq_ignore_ascii_case("according") && w[1] == "to")?;
    let s = i + 2;
    let e = (s..words.len()).find(|&j| words[j] == "," || words[j] == ".").unwrap_or(words.len());
    if e <= s {
        return None;
    }
    let source = Span::new(toks[s].span.start, toks[e - 1].span.end);
    let content = if i == 0 {
        let c = (e + 1).min(words.len() - 1);
        Span::new(toks[c].span.start, sent.end)
    } else {
        Span::new(sent.start, toks[i - 1].span.end)
    };
    Some(Claim {
        source: Some(source),
        cue: Some(Span::new(toks[i].span.start, toks[i + 1].span.end)),
        content,
        content_segments: Vec::new(),
        kind: "according_to",
        source_kind: source_kind(doc, order, source),
        source_entity: entity_in(doc, order, source),
        hedges: Vec::new(),
        negated: false,
        anonymity: None,
        rule: "according-to",
    })
}

fn entity_in(doc: &Doc, order: &[usize], span: Span) -> Option<usize> {
    first_mention_in(doc, order, span).and_then(|m| m.entity)
}

/// Mention indices sorted by start (then layer order), built once per document.
fn mention_order(doc: &Doc) -> Vec<usize> {
    let mut order: Vec<usize> = (0..doc.mentions.len()).collect();
    order.sort_by_key(|&i| (doc.mentions[i].span.start, i));
    order
}

/// The first mention (in layer order) inside `span`: a binary search over `order` finds the
/// candidates, instead of a scan of every mention per claim (which made this stage quadratic).
fn first_mention_in<'d>(doc: &'d Doc, order: &[usize], span: Span) -> Option<&'d crate::doc::Mention> {
    let from = order.partition_point(|&i| doc.mentions[i].span.start < span.start);
    order[from..]
        .iter()
        .take_while(|&&i| doc.mentions[i].span.start <= span.end)
        .filter(|&&i| span.contains(doc.mentions[i].span))
        .min()
        .map(|&i| &doc.mentions[i])
}

fn source_kind(doc: &Doc, order: &[usize], span: Span) -> SourceKind {
    let text = doc.slice(span).to_lowercase();
    if PRONOUNS.contains(&text.as_str()) {
        return SourceKind::Pronoun;
    }
    if text.contains("anonym") || text.contains("sources") || text.contains("familiar with") {
        return SourceKind::Anonymous;
    }
    if text.starts_with("reports") {
        return SourceKind::Hearsay;
    }
    match first_mention_in(doc, order, span).map(|m| m.label) {
        Some("PERSON") if !text.contains("officials") => SourceKind::Person,
        Some("ORG") | Some("GPE") if text.split_whitespace().count() <= 4 => SourceKind::Organization,
        _ => SourceKind::Unnamed,
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{analyze, Options};

    fn claims(text: &str) -> Vec<(String, String, String, bool)> {
        let d = analyze(text, &Options { clean: false });
        d.claims
            .iter()
            .map(|c| {
                (
                    c.source.map(|s| d.slice(s).to_string()).unwrap_or_default(),
                    c.cue.map(|s| d.slice(s).to_string()).unwrap_or_default(),
                    d.slice(c.content).to_string(),
                    c.negated,
                )
            })
            .collect()
    }

    #[test]
    fn indirect_speech_with_that() {
        assert_eq!(
            claims("US officials claim that limiting talks could undermine stability."),
            vec![("US officials".into(), "claim".into(), "limiting talks could undermine stability".into(), false)]
        );
    }

    #[test]
    fn according_to() {
        assert_eq!(
            claims("According to the ministry, the talks will resume."),
            vec![("the ministry".into(), "According to".into(), "the talks will resume.".into(), false)]
        );
    }

    #[test]
    fn negated_cue_is_marked() {
        let c = claims("The White House has not confirmed the lineup.");
        assert_eq!(c.len(), 1);
        assert!(c[0].3, "has not confirmed is negated");
    }
}
