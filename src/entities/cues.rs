//! Context cues that settle a name's type from the words around it: a legislator's party
//! letter (`Rep. Jane Doe (D., Ohio)` → `D.` is NORP), and corporate context (`shares of X`,
//! `a spokesman for X`, `X shares rose`) that makes a capitalized run guessed to be a person
//! an organization, for every mention of the same text. All checks look at a fixed window of
//! tokens around each candidate: linear.

use super::lexicons::cue_words;
use super::{Candidate, Ctx};
use crate::hash::HashSet;

/// `(D., Mass.)`, `(R-Texas)`, `(I., Vt.)`: the party letter after an opening bracket is a NORP.
pub fn party_letters(ctx: &Ctx, out: &mut Vec<Candidate>) {
    for i in 1..ctx.tokens.len() {
        let party = match ctx.word(i) {
            "D" | "D." => "Democratic",
            "R" | "R." => "Republican",
            "I" | "I." => "Independent",
            _ => continue,
        };
        if ctx.word(i - 1) != "(" || !touching(ctx, i - 1) {
            continue;
        }
        // the letter's own period, when the tokenizer split it off
        let end = if ctx.word(i).len() == 1 && ctx.word(i + 1) == "." && touching(ctx, i) { i + 2 } else { i + 1 };
        if !matches!(ctx.word(end), "," | "-" | "–") {
            continue;
        }
        let mut c = ctx.candidate(i..end, "NORP", "party-letter");
        c.canonical = super::Canonical::Lexicon(party);
        out.push(c);
    }
}

fn touching(ctx: &Ctx, i: usize) -> bool {
    match (ctx.tokens.get(i), ctx.tokens.get(i + 1)) {
        (Some(a), Some(b)) => a.span.end == b.span.start,
        _ => false,
    }
}

/// Rules whose PERSON reading is only a guess from capitalization.
const GUESSED_PERSON: &[&str] = &["cap-run", "first-name"];

fn corporate_cue(ctx: &Ctx, c: &Candidate) -> bool {
    let a = c.toks.start;
    let before = a >= 2 && {
        let (w1, w2) = (ctx.word(a - 2).to_lowercase(), ctx.word(a - 1));
        cue_words().org_before.contains(&(w1.as_str(), w2))
    };
    let mut e = c.toks.end;
    if matches!(ctx.word(e), "'s" | "’s") {
        e += 1;
    }
    before || cue_words().org_after.contains(ctx.word(e))
}

/// A guessed person with a corporate cue next to any of its mentions is an organization.
pub fn corporate_context(ctx: &Ctx, cands: &mut [Candidate]) {
    let is_guess = |c: &Candidate| c.label == "PERSON" && GUESSED_PERSON.contains(&c.rule) && c.toks.len() >= 2;
    let companies: HashSet<&str> =
        cands.iter().filter(|c| is_guess(c) && corporate_cue(ctx, c)).map(|c| c.span.slice(ctx.text)).collect();
    if companies.is_empty() {
        return;
    }
    for c in cands.iter_mut().filter(|c| is_guess(c)) {
        if companies.contains(c.span.slice(ctx.text)) {
            c.label = "ORG";
            c.rule = "corporate-context";
        }
    }
}

fn is_part_number(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    let roman = !w.is_empty() && w.len() <= 6 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
    roman || (ctx.is_number(i) && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
}

/// `Article II (of the Constitution)`, `Section 605`: a numbered part of a law is a LAW, with the
/// law it belongs to when an `of the` + capitalized name follows. Replaces whatever reading the
/// name rules gave its words.
pub fn law_parts(ctx: &Ctx, cands: &mut Vec<Candidate>) {
    let mut laws = Vec::new();
    let n = ctx.tokens.len();
    for i in 0..n.saturating_sub(1) {
        // the number first: rare, and no hashing of every word
        if !is_part_number(ctx, i + 1) || !cue_words().law_parts.contains(ctx.word(i)) {
            continue;
        }
        let mut end = i + 2;
        if ctx.word(end) == "of" && ctx.word(end + 1) == "the" {
            let mut j = end + 2;
            while j < n && ctx.is_word(j) && ctx.word(j).starts_with(|c: char| c.is_uppercase()) {
                j += 1;
            }
            if j > end + 2 && ctx.sentence_of(j - 1).is_some_and(|s| s.tokens.contains(&i)) {
                end = j;
            }
        }
        laws.push(ctx.candidate(i..end, "LAW", "law-part"));
    }
    if laws.is_empty() {
        return;
    }
    let mut covered = vec![false; n + 1];
    for l in &laws {
        for k in l.toks.clone() {
            covered[k] = true;
        }
    }
    cands.retain(|c| !c.toks.clone().any(|k| covered.get(k).copied().unwrap_or(false)));
    cands.extend(laws);
}

/// A demonym used as a language is a LANGUAGE: after a language cue and not modifying a noun
/// (`in French.`, `speaks Arabic and English`, but not `in French cities`).
pub fn languages(ctx: &Ctx, cands: &mut [Candidate]) {
    for c in cands.iter_mut().filter(|c| c.label == "NORP" && c.toks.len() == 1 && c.toks.start > 0) {
        let w = ctx.word(c.toks.start);
        // plurals are peoples (`Iranians`), and `-ese`/`-ish`/`-ian`/`-ic` forms name languages
        if w.ends_with('s') && !w.ends_with("ese") {
            continue;
        }
        let prev = ctx.word(c.toks.start - 1).to_lowercase();
        let next = ctx.word(c.toks.end);
        let ends = !ctx.is_word(c.toks.end) || matches!(next, "and" | "or") || next.is_empty() || next.ends_with("ly");
        let after_and = matches!(prev.as_str(), "and" | "or") && c.toks.start >= 2 && ctx.word(c.toks.start - 2).starts_with(|ch: char| ch.is_uppercase());
        if (cue_words().language.contains(prev.as_str()) || after_and) && ends {
            c.label = "LANGUAGE";
            c.rule = "language-cue";
            c.metonym_of = None;
        }
    }
}

/// `Secretary of State`, `Labor Secretary`: the department in a cabinet title is an ORG
/// (OntoNotes style); the title itself stays unmarked.
pub fn cabinet_departments(ctx: &Ctx, cands: &mut Vec<Candidate>) {
    for i in 0..ctx.tokens.len() {
        // `Secretary` first: rare, and no hashing of every word
        let secretary_of = i >= 2 && ctx.word(i - 2) == "Secretary" && ctx.word(i - 1) == "of";
        if (secretary_of || ctx.word(i + 1) == "Secretary") && cue_words().departments.contains(ctx.word(i)) {
            cands.push(ctx.candidate(i..i + 1, "ORG", "cabinet-department"));
        }
    }
}

/// `Jiangsu province`: OntoNotes keeps a lower-case `province` inside the place's name.
pub fn province_suffix(ctx: &Ctx, cands: &mut [Candidate]) {
    for c in cands.iter_mut().filter(|c| c.label == "GPE" && ctx.word(c.toks.end) == "province") {
        c.toks.end += 1;
        c.span = ctx.span_of(c.toks.clone());
    }
}
