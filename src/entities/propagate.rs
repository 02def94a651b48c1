//! The second pass over names: what the article itself says about a word. Full names lend
//! their parts (`Simmons` after `Phil Simmons`), companies their cores (`Acme` after `Acme
//! Corp.`), and a word typed by its context (`the town of Arbil`) lends the type to its other
//! mentions. Lone words left over are typed by context, or guessed (`cap-word`).

use super::casing::{is_common, starts_upper};
use super::lexicons::words;
use super::names::{is_hyphen, Deferred};
use super::{Candidate, Ctx};
use crate::hash::HashMap;
use crate::lexicon::with_lower;

/// Names the first pass found, by lower-cased text: full names, and each word of a person's name.
pub fn known_names(ctx: &Ctx, found: &[Candidate]) -> HashMap<String, &'static str> {
    let mut map = HashMap::default();
    for c in found.iter().filter(|c| matches!(c.label, "PERSON" | "ORG" | "GPE" | "LOC" | "FAC" | "NORP")) {
        or_insert_lower(&mut map, ctx.text_of(c.toks.clone()), c.label);
    }
    for (core, _) in org_cores(ctx, found) {
        with_lower(core, |k| match map.get_mut(k) {
            Some(label) => *label = "ORG",
            None => drop(map.insert(k.to_string(), "ORG")),
        });
    }
    for c in found.iter().filter(|c| c.label == "PERSON" && c.toks.len() >= 2) {
        for i in c.toks.clone() {
            let w = ctx.word(i);
            if w.chars().filter(|ch| ch.is_alphabetic()).count() >= 3 && starts_upper(w) && !words().org_words.contains_key(w) {
                or_insert_lower(&mut map, w, "PERSON");
            }
        }
    }
    map
}

/// `map.entry(key.to_lowercase()).or_insert(label)`, the key copied only when it is new.
fn or_insert_lower(map: &mut HashMap<String, &'static str>, key: &str, label: &'static str) {
    with_lower(key, |k| {
        if !map.contains_key(k) {
            map.insert(k.to_string(), label);
        }
    })
}

/// Organization names without their legal suffix (`Acme` of `Acme Corp.`).
fn org_cores<'a>(ctx: &Ctx<'a>, found: &[Candidate]) -> Vec<(&'a str, ())> {
    found
        .iter()
        .filter(|c| c.label == "ORG" && c.toks.len() >= 2)
        .filter_map(|c| {
            let mut e = c.toks.end;
            while e > c.toks.start + 1 && words().org_words.get(ctx.word(e - 1)) == Some(&"suffix") {
                e -= 1;
            }
            while e > c.toks.start + 1 && matches!(ctx.word(e - 1), "&" | "," | "and") {
                e -= 1;
            }
            let start = if matches!(ctx.word(c.toks.start), "the" | "The") { c.toks.start + 1 } else { c.toks.start };
            (e < c.toks.end && start < e).then(|| (ctx.text_of(start..e), ()))
        })
        .collect()
}

/// A run guessed to be a person that the article also names with a company suffix is that
/// company (`Blue Arrow` after `Blue Arrow PLC`).
pub fn relabel_org_cores(ctx: &Ctx, cands: &mut [Candidate]) {
    let cores: crate::hash::HashSet<&str> = org_cores(ctx, cands).into_iter().map(|(c, _)| c).collect();
    for c in cands.iter_mut().filter(|c| c.label == "PERSON" && c.rule == "cap-run") {
        if cores.contains(ctx.text_of(c.toks.clone())) {
            c.label = "ORG";
            c.rule = "org-core";
        }
    }
}

/// A one-word place that the article uses as a person's name (`Jordan` after `Michael Jordan`).
pub fn relabel_person_parts(ctx: &Ctx, cands: &mut [Candidate]) {
    let parts: crate::hash::HashSet<&str> = cands
        .iter()
        .filter(|c| c.label == "PERSON" && c.toks.len() >= 2)
        .flat_map(|c| c.toks.clone().map(|i| ctx.word(i)))
        .filter(|w| w.len() >= 3)
        .collect();
    for c in cands.iter_mut().filter(|c| c.toks.len() == 1 && matches!(c.label, "GPE" | "LOC")) {
        if parts.contains(ctx.word(c.toks.start)) {
            c.label = "PERSON";
            c.rule = "known-name";
            c.canonical = super::Canonical::Text(ctx.tokens[c.toks.start].span);
            c.metonym_of = None;
        }
    }
}

/// Second pass: type the deferred words from the article's names, then from context.
pub fn resolve_deferred(ctx: &Ctx, deferred: &[Deferred], known: &HashMap<String, &'static str>, out: &mut Vec<Candidate>) {
    let first = out.len();
    resolve_each(ctx, deferred, known, out);
    // one word, one reading: a word typed by its context (`the town of Arbil`) lends that type
    // to its other, context-free mentions (`cap-word`)
    let by_context: HashMap<&str, &'static str> = out[first..]
        .iter()
        .filter(|c| c.label == "GPE" && (c.rule.starts_with("context:") || c.rule == "place-ending"))
        .map(|c| (c.span.slice(ctx.text), c.label))
        .collect();
    for c in out[first..].iter_mut().filter(|c| c.rule == "cap-word") {
        if let Some(&label) = by_context.get(c.span.slice(ctx.text)) {
            c.label = label;
            c.rule = "context:same-word";
        }
    }
}

fn resolve_each(ctx: &Ctx, deferred: &[Deferred], known: &HashMap<String, &'static str>, out: &mut Vec<Candidate>) {
    for d in deferred {
        let mut i = d.toks.start;
        while i < d.toks.end {
            // longest known name starting at i
            let mut matched = None;
            for j in (i + 1..=d.toks.end.min(i + 5)).rev() {
                if let Some(label) = with_lower(ctx.text_of(i..j), |k| known.get(k).copied()) {
                    matched = Some((j, label));
                    break;
                }
            }
            if let Some((j, label)) = matched {
                out.push(ctx.candidate(i..j, label, "known-name"));
                i = j;
                continue;
            }
            if d.toks.len() == 1 {
                if let Some((label, rule)) = context_label(ctx, i, d.sentence_initial) {
                    out.push(ctx.candidate(i..i + 1, label, rule));
                }
            }
            i += 1;
        }
    }
}

/// Nouns that name a kind of place: `the town of X` names a place.
const PLACE_NOUNS: &[&str] = &[
    "town", "city", "village", "capital", "province", "region", "port", "district", "state", "county", "suburb",
    "outskirts", "island", "enclave", "republic", "municipality", "prefecture", "settlement", "camp", "area",
];

/// Context for a lone unknown capitalized word (`in X`, `the town of X`, `X-based`). `X said`
/// is no sign: companies say as much as people.
fn context_label(ctx: &Ctx, i: usize, initial: bool) -> Option<(&'static str, &'static str)> {
    let w = ctx.word(i);
    if w.chars().filter(|c| c.is_alphabetic()).count() < 2 || is_common(w, &ctx.vocab) || ctx.is_title(i) {
        return None;
    }
    let next = ctx.word(i + 1);
    let prev = if i > 0 { ctx.word(i - 1) } else { "" };
    if is_hyphen(next) && ctx.word(i + 2) == "based" {
        return Some(("GPE", "context:based"));
    }
    // `Clairton, Pa.`, `Arbil, Iraq`: a place followed by its state or country
    if next == "," && ctx.hit_at(i + 2).is_some_and(|h| h.info.label == "GPE" && matches!(h.info.rule, "lex:gpe" | "lex:country")) && !initial {
        return Some(("GPE", "context:place-state"));
    }
    if matches!(prev, "in" | "near" | "outside") {
        return Some(("GPE", "context:in"));
    }
    // `the town of X`, `the capital of X`
    let prev2 = if i >= 2 { ctx.word(i - 2) } else { "" };
    if prev == "of" && PLACE_NOUNS.contains(&prev2) {
        return Some(("GPE", "context:town-of"));
    }
    if w.len() > 5 && words().place_endings.iter().any(|end| w.ends_with(end)) {
        return Some(("GPE", "place-ending"));
    }
    if words().first_names.contains(w) {
        // a lone given name (`Betsy`), kept only if the article repeats it
        return Some(("PERSON", "first-name-alone"));
    }
    if initial {
        // a table row: `Essex 372 and 156`
        return ctx.is_number(i + 1).then_some(("ORG", "table-row"));
    }
    Some(("ORG", "cap-word"))
}
