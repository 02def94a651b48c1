//! Entities: find named mentions, type them with OntoNotes labels, and group them into
//! entities (one per real thing), with metonyms (`Tehran` → Iran) marked.
//!
//! Mentions come from lexicons in `data/entities/` (matched whole-word, case-sensitive,
//! longest first) and from rules for unknown names (title + capitalized run → PERSON).
//! Every mention records the rule or lexicon that made it.

use crate::doc::{Doc, Entity, Mention, Span};
use crate::lexicon::{parse, PhraseMatcher};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a lexicon entry says about a phrase.
#[derive(Debug, Clone)]
struct LexInfo {
    label: &'static str,
    canonical: String,
    rule: &'static str,
    metonym_of: Option<String>,
}

const LEXICONS: &[(&str, &str, &str)] = &[
    ("GPE", "lex:gpe", include_str!("../../data/entities/gpe.txt")),
    ("LOC", "lex:loc", include_str!("../../data/entities/loc.txt")),
    ("NORP", "lex:norp", include_str!("../../data/entities/norp.txt")),
    ("ORG", "lex:org", include_str!("../../data/entities/org.txt")),
];

fn gazetteer() -> &'static PhraseMatcher<LexInfo> {
    static G: OnceLock<PhraseMatcher<LexInfo>> = OnceLock::new();
    G.get_or_init(|| {
        let metonyms: HashMap<&str, &str> =
            parse(include_str!("../../data/entities/metonyms.txt")).filter_map(|e| Some((e.key, e.value?))).collect();
        let mut entries = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for &(label, rule, text) in LEXICONS {
            for e in parse(text) {
                if !seen.insert(e.key) {
                    continue;
                }
                let canonical = match label {
                    // a NORP's value names the country it relates to, not its canonical form
                    "NORP" => e.key.to_string(),
                    _ => e.value.unwrap_or(e.key).to_string(),
                };
                let metonym_of = metonyms.get(e.key).map(|s| s.to_string());
                entries.push((e.key.to_string(), LexInfo { label, canonical, rule, metonym_of }));
            }
        }
        PhraseMatcher::new(entries, false)
    })
}

fn titles() -> &'static PhraseMatcher<()> {
    static T: OnceLock<PhraseMatcher<()>> = OnceLock::new();
    T.get_or_init(|| {
        PhraseMatcher::new(parse(include_str!("../../data/entities/titles.txt")).map(|e| (e.key.to_string(), ())).collect(), false)
    })
}

/// A mention candidate before grouping.
struct Candidate {
    span: Span,
    label: &'static str,
    canonical: String,
    rule: &'static str,
    metonym_of: Option<String>,
}

pub fn entities(doc: &mut Doc) {
    let text = &doc.text;
    let mut cands: Vec<Candidate> = gazetteer()
        .find_all(text)
        .into_iter()
        .map(|m| Candidate {
            span: Span::new(m.start, m.end),
            label: m.payload.label,
            canonical: m.payload.canonical.clone(),
            rule: m.payload.rule,
            metonym_of: m.payload.metonym_of.clone(),
        })
        .collect();
    cands.extend(titled_people(doc));
    let mut cands = resolve_overlaps(cands);
    cands.sort_by_key(|c| c.span.start);
    group(doc, cands);
}

/// `President Donald Trump` → PERSON `Donald Trump`.
fn titled_people(doc: &Doc) -> Vec<Candidate> {
    let text = &doc.text;
    let mut out = Vec::new();
    let mut scanned_to = 0;
    for t in titles().find_all(text) {
        if t.start < scanned_to {
            continue; // a title inside the previous name run ("President President …"): linear, not quadratic
        }
        let mut end = t.end;
        let mut names = Vec::new();
        // capitalized words after the title, separated by single spaces
        loop {
            let rest = &text[end..];
            if !rest.starts_with(' ') {
                break;
            }
            let word_start = end + 1;
            let word_len = text[word_start..]
                .char_indices()
                .find(|&(_, c)| !(c.is_alphabetic() || c == '.' || c == '-' || c == '\''))
                .map(|(i, _)| i)
                .unwrap_or(text.len() - word_start);
            let word = text[word_start..word_start + word_len].trim_end_matches('.');
            if word.chars().next().is_some_and(|c| c.is_uppercase()) && word.chars().skip(1).any(|c| c.is_lowercase()) {
                names.push(Span::new(word_start, word_start + word.len()));
                end = word_start + word.len();
            } else {
                break;
            }
        }
        scanned_to = end;
        if let (Some(first), Some(last)) = (names.first(), names.last()) {
            let span = Span::new(first.start, last.end);
            out.push(Candidate {
                span,
                label: "PERSON",
                canonical: span.slice(text).to_string(),
                rule: "title+name",
                metonym_of: None,
            });
        }
    }
    out
}

/// Keep the longest of overlapping candidates (then the earliest).
fn resolve_overlaps(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
    let mut kept: Vec<Candidate> = Vec::new();
    // kept spans never overlap, so only the kept span starting last before `c` ends can overlap
    // it: one ordered-set lookup per candidate instead of a scan of all kept (was quadratic)
    let mut kept_spans = std::collections::BTreeSet::new();
    for c in cands {
        let prev = kept_spans.range(..(c.span.end, 0)).next_back().map(|&(s, e)| Span::new(s, e));
        if prev.is_none_or(|k: Span| !k.overlaps(c.span)) {
            kept_spans.insert((c.span.start, c.span.end));
            kept.push(c);
        }
    }
    kept
}

/// Group candidates into entities: by canonical name, surnames to full names, metonyms apart.
fn group(doc: &mut Doc, cands: Vec<Candidate>) {
    let mut by_key: HashMap<(String, &'static str), usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = Vec::with_capacity(cands.len());
    let mut pending_metonyms: Vec<(usize, String)> = Vec::new();
    for c in &cands {
        let mut canonical = c.canonical.clone();
        if c.label == "PERSON" && !canonical.contains(' ') {
            // surname → earlier full name ending with it
            if let Some(full) = entities.iter().find(|e| e.label == "PERSON" && e.canonical.ends_with(&format!(" {canonical}"))) {
                canonical = full.canonical.clone();
            }
        }
        let key = (canonical.clone(), c.label);
        let id = *by_key.entry(key).or_insert_with(|| {
            entities.push(Entity {
                label: c.label,
                canonical: canonical.clone(),
                aliases: Vec::new(),
                mentions: Vec::new(),
                salience: 0.0,
                metonym_of: None,
            });
            if let Some(target) = &c.metonym_of {
                pending_metonyms.push((entities.len() - 1, target.clone()));
            }
            entities.len() - 1
        });
        let surface = c.span.slice(&doc.text).to_string();
        let e = &mut entities[id];
        if surface != e.canonical && !e.aliases.contains(&surface) {
            e.aliases.push(surface);
        }
        e.mentions.push(mentions.len());
        mentions.push(Mention {
            span: c.span,
            label: c.label,
            entity: Some(id),
            rule: c.rule,
            role: c.metonym_of.as_ref().map(|_| "metonym"),
        });
    }
    for (id, target) in pending_metonyms {
        entities[id].metonym_of = entities.iter().position(|e| e.canonical == target && e.metonym_of.is_none());
    }
    let total = mentions.len().max(1) as f32;
    let text_len = doc.text.len().max(1) as f32;
    for e in &mut entities {
        let first = e.mentions.first().map(|&m| mentions[m].span.start).unwrap_or(0) as f32;
        e.salience = (e.mentions.len() as f32 / total) * 0.7 + (1.0 - first / text_len) * 0.3;
    }
    doc.mentions = mentions;
    doc.entities = entities;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{analyze, Options};

    fn mentions(text: &str) -> Vec<(String, &'static str)> {
        let d = analyze(text, &Options { clean: false });
        d.mentions.iter().map(|m| (d.slice(m.span).to_string(), m.label)).collect()
    }

    #[test]
    fn finds_gazetteer_and_titled_names() {
        assert_eq!(
            mentions("US President Donald Trump met Iranian envoys in Muscat, Oman."),
            vec![
                ("US".into(), "GPE"),
                ("Donald Trump".into(), "PERSON"),
                ("Iranian".into(), "NORP"),
                ("Muscat".into(), "GPE"),
                ("Oman".into(), "GPE")
            ]
        );
    }

    #[test]
    fn possessive_and_hyphen_split() {
        assert_eq!(mentions("Iran’s talks"), vec![("Iran".into(), "GPE")]);
        assert_eq!(mentions("Iran-United States talks"), vec![("Iran".into(), "GPE"), ("United States".into(), "GPE")]);
    }

    #[test]
    fn metonyms_point_to_their_country() {
        let d = analyze("Iran said no. Tehran insists.", &Options { clean: false });
        let tehran = d.entities.iter().find(|e| e.canonical == "Tehran").unwrap();
        let iran = d.entities.iter().position(|e| e.canonical == "Iran").unwrap();
        assert_eq!(tehran.metonym_of, Some(iran));
    }
}
