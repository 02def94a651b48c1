//! Finding and describing a claim's source: the noun phrase before a cue (`US officials
//! claim`), after an inverted cue (`said a senior official`), the subject that a participle
//! takes (`…, asserting that`), the kind of source, its entity and a stated reason for anonymity.
//! Every walk is bounded by a small window, so the cost per cue is constant.

use super::ctx::{Ctx, Toks};
use super::lexicon::lex;
use crate::doc::SourceKind;
use crate::hash::HashSet;
use std::sync::OnceLock;

/// Longest source phrase, in tokens.
const MAX_NP: usize = 12;
/// Longest appositive between a source and its cue.
const MAX_APPOSITIVE: usize = 40;

/// Words that may sit between a source and its cue (`has`, `also`, `not`).
const BETWEEN: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "should",
    "must", "did", "does", "do", "also", "publicly", "privately", "previously", "repeatedly", "recently", "later",
    "again", "often", "already", "just", "not", "n't", "never", "been", "reportedly", "first", "once", "still",
    "further", "even", "only", "openly", "flatly", "explicitly", "simply", "quickly", "then", "now", "long",
    "always", "consistently", "reportedly", "allegedly", "apparently", "last", "yesterday", "today", "declined",
    "refused", "failed", "to", "strongly", "firmly", "widely", "generally", "largely", "continue", "continued",
    "continues", "be", "being", "openly", "clearly", "privately", "separately", "earlier", "all", "both",
];
/// Words in [`BETWEEN`] that negate the cue.
const NEGATORS: &[&str] = &["not", "n't", "never", "declined", "refused", "failed"];

/// Words that end a noun phrase walking left.
const BOUNDARY: &[&str] = &[
    "that", "which", "when", "while", "but", "because", "if", "as", "since", "although", "though", "whether",
    "where", "so", "than", "after", "before", "or", "nor", "however", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "will", "would", "can", "could", "may", "might", "should", "must", "do", "does",
    "did", "to", "not", "n't", "there", "said", "says", "say", "told", "it", "what", "how", "why", "yet",
    "whereas", "unless", "until", "once", "whom", "about", "over", "with", "by", "against",
];
const LEADING_TRIM: &[&str] = &[
    "and", "but", "so", "yet", "now", "meanwhile", "still", "also", "instead", "then", "in", "on", "at", "during",
    "thus", "indeed", "moreover", "furthermore", "the", "a", "an", "this", "that",
];
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "another", "some", "one", "two", "three", "several", "many", "other"];
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you", "it"];
/// Words that can start a source phrase after an inverted cue (`said a spokesman`).
const RIGHT_STARTERS: &[&str] = &[
    "he", "she", "they", "we", "i", "the", "a", "an", "another", "his", "her", "their", "its", "one", "two",
    "three", "several", "many", "some", "officials", "analysts", "experts", "sources", "critics", "aides",
];

/// A source found before its cue.
#[derive(Debug, Clone, Copy)]
pub struct LeftSource {
    pub np: Toks,
    pub appositive: Option<Toks>,
    pub negated: bool,
}

/// Nouns ending in `-ly` that are not adverbs.
const LY_NOUNS: &[&str] = &["family", "ally", "assembly", "rally", "monopoly", "supply", "italy", "bully", "daily", "weekly", "monthly", "quarterly"];

/// A lowercase `-ly` adverb (`forcefully`, `sharply`) between a source and its cue.
fn is_adverb(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.low(i);
    w.len() > 4 && w.ends_with("ly") && !ctx.is_capitalized(i) && !LY_NOUNS.contains(&w)
}

/// Words naming a medium, not a speaker (`in a statement calling for …`).
const MEDIA: &[&str] = &[
    "statement", "statements", "message", "letter", "interview", "tweet", "tweets", "post", "video", "papers",
    "release", "filing", "memo", "speech", "remarks", "op-ed", "column", "editorial", "email", "e-mail", "appearance",
];

/// The source phrase names a medium (`a statement`), so a participle after it belongs to the
/// clause subject.
pub fn is_medium(ctx: &Ctx, (_, b): Toks) -> bool {
    b > 0 && MEDIA.contains(&ctx.low(b - 1))
}

fn is_between(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| BETWEEN.iter().copied().collect()).contains(w)
}

/// Whether `w` is in [`BOUNDARY`]. (The long lists asked at every token of a walk are sets: read
/// in order, each asked ~60 string compares.)
fn is_boundary(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| BOUNDARY.iter().copied().collect()).contains(w)
}

/// A token that may belong to a noun phrase.
fn np_token(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.low(i);
    if ctx.is_punct(i) {
        return matches!(w, "-" | "&" | "." | "%");
    }
    if is_boundary(w) {
        // `people familiar with the matter`
        return w == "with" && i > 0 && ctx.low(i - 1) == "familiar";
    }
    // lowercase participles and past forms are usually verbs here (`the talks ended`)
    let verbish = !ctx.is_capitalized(i) && w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
    !verbish
}

/// Walk left from `end` (exclusive) over noun-phrase tokens, not below `floor`.
fn walk_np_left(ctx: &Ctx, floor: usize, end: usize) -> Option<Toks> {
    let mut k = end;
    while k > floor && end - k < MAX_NP {
        let t = k - 1;
        if ctx.word(t) == ")" {
            // `Sen. Jane Doe (D-Ore.) said`: a parenthetical inside the name
            match paren_open(ctx, floor, t) {
                Some(open) if open > floor => {
                    k = open;
                    continue;
                }
                _ => break,
            }
        }
        if ctx.low(t) == "and" {
            // `Trump and his administration`: coordinate names, not clauses
            let left_ok = t > floor && ctx.is_capitalized(t - 1) && k < end;
            if !left_ok {
                break;
            }
        } else if t + 1 == end && t > floor && ctx.low(t).ends_with("ed") && matches!(ctx.low(t - 1), "those" | "people" | "voters" | "respondents" | "americans" | "adults" | "others") {
            // `those polled said`
        } else if !np_token(ctx, t) {
            // `analysts observing the talks`: a reduced relative clause after a source noun
            let reduced = t > floor && ctx.is_wordlike(t) && lex().source_nouns.contains_key(ctx.low(t - 1)) && end - k < MAX_NP - 2;
            if !reduced {
                break;
            }
        }
        k -= 1;
    }
    trim_np(ctx, (k, end))
}

/// The `(` matching the `)` at `close`, within a short window and not below `floor`.
fn paren_open(ctx: &Ctx, floor: usize, close: usize) -> Option<usize> {
    (close.saturating_sub(MAX_PAREN).max(floor)..close).rev().take_while(|&k| ctx.word(k) != ")").find(|&k| ctx.word(k) == "(")
}

/// Longest parenthetical skipped inside a source (`(R-Ohio)`, `(who has 25 delegates)`).
const MAX_PAREN: usize = 10;

/// Quantifiers that stand alone as a subject (`many said`, `most agree`).
const QUANTIFIER_SUBJECTS: &[&str] = &["many", "some", "several", "others", "most", "few", "both", "all", "one", "two", "three"];

/// Drop leading connectives and bare determiners; `None` if nothing nominal is left.
fn trim_np(ctx: &Ctx, (mut a, b): Toks) -> Option<Toks> {
    while a < b && (ctx.is_punct(a) || (LEADING_TRIM.contains(&ctx.low(a)) && b - a > 1 && !DETERMINERS.contains(&ctx.low(a)))) {
        a += 1;
    }
    let nominal = (a..b).any(|i| ctx.is_wordlike(i) && !DETERMINERS.contains(&ctx.low(i)))
        || (b == a + 1 && QUANTIFIER_SUBJECTS.contains(&ctx.low(a)));
    (a < b && nominal).then_some((a, b))
}

/// The source before the cue at token `cue`, searching no further left than `floor`.
pub fn left_source(ctx: &Ctx, floor: usize, cue: usize) -> Option<LeftSource> {
    let mut j = cue;
    let mut negated = false;
    while j > floor && (is_between(ctx.low(j - 1)) || is_adverb(ctx, j - 1)) {
        negated |= NEGATORS.contains(&ctx.low(j - 1));
        j -= 1;
    }
    if j > floor && ctx.word(j - 1) == "," {
        // `A senior official, speaking anonymously, confirmed …`
        let (np, appositive) = appositive_source(ctx, floor, j - 1)?;
        return Some(LeftSource { np, appositive: Some(appositive), negated });
    }
    // `It said …` after a report is the report speaking; `it is said`, `it seems` are not
    let referential_it = j == cue && j > floor && ctx.low(j - 1) == "it" && SPEAKING_IT.contains(&ctx.low(cue));
    if referential_it {
        return Some(LeftSource { np: (j - 1, j), appositive: None, negated });
    }
    let np = walk_np_left(ctx, floor, j)?;
    if inside_prepositional_phrase(ctx, floor, np) {
        return None;
    }
    if is_expletive(ctx, np) {
        return None;
    }
    Some(LeftSource { np, appositive: None, negated })
}

/// The phrase is the object of a preposition hanging off a longer subject (`a preference for
/// talks with the US alone suggests …`): the fragment is not the speaker.
fn inside_prepositional_phrase(ctx: &Ctx, floor: usize, (a, _): Toks) -> bool {
    a > floor + 1 && matches!(ctx.low(a - 1), "with" | "about" | "over" | "against" | "by") && ctx.is_wordlike(a - 2)
}

/// Verbs whose subject `it` is a document or body speaking (`It said`, `it added`).
const SPEAKING_IT: &[&str] = &["said", "says", "added", "adds", "wrote", "writes", "noted", "stated", "warned", "concluded", "recommended"];

/// The source before an appositive closed by the comma at `close`: (source, appositive). An
/// appositive may hold commas of its own (`Jane Roe, 67, a retired nurse in Dayton, Ohio,
/// said`): while the phrase before a comma is itself descriptive (starts with an article or
/// is a number), the search goes on left to the name.
fn appositive_source(ctx: &Ctx, floor: usize, close: usize) -> Option<(Toks, Toks)> {
    let lo = close.saturating_sub(MAX_APPOSITIVE).max(floor);
    let mut first: Option<(Toks, Toks)> = None;
    let mut k = close;
    while k > lo {
        k -= 1;
        if ctx.is_terminal(k) || ctx.is_quote(k) || ctx.word(k) == ";" {
            break;
        }
        if ctx.word(k) != "," {
            continue;
        }
        if k + 1 >= close || !looks_appositive(ctx, (k + 1, close)) {
            break;
        }
        let Some(np) = walk_np_left(ctx, floor, k) else { break };
        first.get_or_insert((np, (k + 1, close)));
        // the phrase is a description after another comma, or was cut short by a word the
        // walk stops at (`a retired teacher in Dayton`): the name lies further left
        let after_comma = np.0 > floor && ctx.word(np.0 - 1) == ",";
        let cut_short = np.0 > floor && ctx.is_wordlike(np.0 - 1);
        if !(is_descriptive(ctx, np) && after_comma || cut_short) {
            return Some((np, (k + 1, close)));
        }
    }
    first
}

/// A phrase that describes rather than names (`a retired nurse`, `67`).
fn is_descriptive(ctx: &Ctx, (a, _): Toks) -> bool {
    matches!(ctx.low(a), "a" | "an" | "the") || ctx.doc.tokens.get(a).is_some_and(|t| t.kind == crate::doc::TokenKind::Number)
}

/// The appositive right after a source (`A senior official, speaking anonymously, …`), when a
/// claim was found without one (a participle reusing an earlier source).
pub fn trailing_appositive(ctx: &Ctx, (_, b): Toks) -> Option<Toks> {
    if ctx.word(b) != "," {
        return None;
    }
    let close = (b + 1..(b + MAX_APPOSITIVE).min(ctx.len())).find(|&k| ctx.word(k) == "," || ctx.is_terminal(k))?;
    (ctx.word(close) == "," && close > b + 1 && looks_appositive(ctx, (b + 1, close))).then_some((b + 1, close))
}

/// `, a senior aide,` / `, who was not authorized …,` / `, 69,` — not a clause of its own
/// (`, the plant is under pressure,`).
fn looks_appositive(ctx: &Ctx, (a, b): Toks) -> bool {
    const FINITE: &[&str] = &["is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "may", "should", "must"];
    let relative = |w: &str| matches!(w, "who" | "which" | "whose" | "whom");
    if relative(ctx.low(a)) {
        return true;
    }
    // a finite verb after a relative pronoun belongs to a relative clause (`a strategist who ran …`)
    let mut in_relative = false;
    for i in a..b {
        in_relative |= relative(ctx.low(i));
        let verb = FINITE.contains(&ctx.low(i)) || ctx.cue_at(i).is_some() && !ctx.low(i).ends_with("ing") && !ctx.is_capitalized(i);
        if verb && !in_relative {
            return false;
        }
    }
    true
}

/// `it` and `there` as subjects report nothing (`it appears that`).
fn is_expletive(ctx: &Ctx, (a, b): Toks) -> bool {
    b == a + 1 && matches!(ctx.low(a), "it" | "there" | "this" | "what")
}

/// The source after an inverted cue (`…, said a senior official.`), from `start`, below `limit`.
pub fn right_source(ctx: &Ctx, start: usize, limit: usize) -> Option<Toks> {
    if start >= limit || !(ctx.is_capitalized(start) || RIGHT_STARTERS.contains(&ctx.low(start))) {
        return None;
    }
    let mut k = start;
    while k < limit && k - start < MAX_APPOSITIVE {
        let w = ctx.word(k);
        let initial = w == "." && k > start && ctx.word(k - 1).chars().count() == 1 && ctx.is_capitalized(k - 1);
        if ctx.is_punct(k) && !matches!(w, "-" | "&") && !initial {
            break;
        }
        k += 1;
    }
    (k > start).then_some((start, k))
}

/// The subject of the clause starting at `start` (`the United States … has pushed`), for a
/// participle cue that takes it.
pub fn clause_subject(ctx: &Ctx, start: usize, limit: usize) -> Option<Toks> {
    let mut k = start;
    while k < limit && k - start < MAX_NP {
        let w = ctx.low(k);
        if is_between(w) || ctx.is_punct(k) && !matches!(w, "-" | "&") {
            break;
        }
        if w == "and" && !(k > start && ctx.is_capitalized(k - 1)) {
            break;
        }
        if !np_token(ctx, k) && w != "and" {
            break;
        }
        if ctx.cue_at(k).is_some() && k > start && !ctx.is_capitalized(k) {
            break;
        }
        k += 1;
    }
    trim_np(ctx, (start, k))
}

/// What kind of source a token range names.
pub fn classify(ctx: &Ctx, src: Toks, appositive: Option<Toks>) -> SourceKind {
    let (a, b) = src;
    if b == a + 1 && PRONOUNS.contains(&ctx.low(a)) {
        return SourceKind::Pronoun;
    }
    if lex().anonymity.any_in(&lower_words(ctx, src, appositive)) {
        return SourceKind::Anonymous;
    }
    let nouns = &lex().source_nouns;
    // the rightmost source noun names the kind of an unnamed source (`senior US officials`)
    let head_kind = (a..b).rev().find_map(|i| nouns.get(ctx.low(i)).copied());
    let label = mention_label(ctx, src);
    let last_capitalized = (a..b).rev().find(|&i| ctx.is_wordlike(i)).is_some_and(|i| ctx.is_capitalized(i));
    match (head_kind, label) {
        (Some(SourceKind::Unnamed), Some("PERSON")) if ends_with_person(ctx, src) => SourceKind::Person,
        (Some(k), _) => k,
        (None, Some("PERSON")) => SourceKind::Person,
        (None, Some("ORG" | "GPE")) => SourceKind::Organization,
        (None, Some("NORP")) => SourceKind::Unnamed,
        (None, _) if last_capitalized => SourceKind::Person,
        (None, _) => SourceKind::Unnamed,
    }
}

/// The source's lower-case words joined by spaces, a space, and the appositive's (if any):
/// what the anonymity markers are sought in. (One string written in place.)
fn lower_words(ctx: &Ctx, src: Toks, appositive: Option<Toks>) -> String {
    let mut text = String::with_capacity(ctx.span(src).len() + appositive.map_or(0, |r| ctx.span(r).len()) + 2);
    let push_phrase = |text: &mut String, (a, b): Toks| {
        for i in a..b {
            if i > a {
                text.push(' ');
            }
            text.push_str(ctx.low(i));
        }
    };
    push_phrase(&mut text, src);
    text.push(' ');
    if let Some(r) = appositive {
        push_phrase(&mut text, r);
    }
    text
}

fn mentions_in<'a>(ctx: &Ctx<'a>, src: Toks) -> impl Iterator<Item = &'a crate::doc::Mention> + 'a {
    let span = ctx.span(src);
    let ms: &'a [crate::doc::Mention] = &ctx.doc.mentions;
    let first = ms.partition_point(|m| m.span.start < span.start);
    ms[first..].iter().take_while(move |m| m.span.start < span.end).filter(move |m| span.contains(m.span))
}

fn ends_with_person(ctx: &Ctx, src: Toks) -> bool {
    let span = ctx.span(src);
    mentions_in(ctx, src).any(|m| m.label == "PERSON" && m.span.end == span.end)
}

/// The most telling label among the mentions inside the source.
fn mention_label(ctx: &Ctx, src: Toks) -> Option<&'static str> {
    const TELLING: [&str; 4] = ["PERSON", "ORG", "GPE", "NORP"];
    mentions_in(ctx, src).filter_map(|m| TELLING.iter().position(|&l| l == m.label)).min().map(|i| TELLING[i])
}

/// The entity a source names: a person first, then an organization or state.
pub fn entity(ctx: &Ctx, src: Toks, kind: SourceKind) -> Option<usize> {
    if kind == SourceKind::Pronoun {
        return last_person_before(ctx, ctx.span(src).start);
    }
    if kind == SourceKind::Hearsay || kind == SourceKind::None {
        return None;
    }
    let ms: Vec<_> = mentions_in(ctx, src).collect();
    ["PERSON", "ORG", "GPE", "NORP"]
        .into_iter()
        .find_map(|l| ms.iter().find(|m| m.label == l).and_then(|m| m.entity))
}

/// The entity of the last PERSON mention before byte `pos` (a pronoun's likely referent).
fn last_person_before(ctx: &Ctx, pos: usize) -> Option<usize> {
    let ms = &ctx.doc.mentions;
    let end = ms.partition_point(|m| m.span.start < pos);
    ms[end.saturating_sub(40)..end].iter().rev().find(|m| m.label == "PERSON").and_then(|m| m.entity)
}

/// The stated reason for anonymity inside an appositive (`because they were not authorized
/// to speak`), when there is one; `classified`: what [`classify`] makes of the source.
pub fn anonymity_reason(ctx: &Ctx, src: Toks, appositive: Option<Toks>, classified: SourceKind) -> Option<Toks> {
    let (a, b) = appositive.unwrap_or(src);
    if classified != SourceKind::Anonymous {
        return None;
    }
    let start = (a..b).find(|&i| {
        matches!(ctx.low(i), "because" | "since") || (ctx.low(i) == "not" && matches!(ctx.low(i + 1), "authorized" | "authorised" | "permitted" | "allowed"))
    })?;
    let start = if ctx.low(start) == "not" && start > a && matches!(ctx.low(start - 1), "was" | "were" | "is" | "are") { start - 1 } else { start };
    let start = if start > a && matches!(ctx.low(start - 1), "who" | "they" | "he" | "she") { start - 1 } else { start };
    Some((start, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_words_join_the_source_and_its_appositive_as_the_marker_search_reads_them() {
        let doc = crate::pipeline::analyze("Two Senior OFFICIALS, who were not authorized to speak, said it.", &Default::default());
        let ctx = Ctx::new(&doc);
        let phrase = |r: Toks| (r.0..r.1).map(|i| ctx.low(i)).collect::<Vec<_>>().join(" ");
        for (src, appositive) in [((0, 3), None), ((0, 3), Some((4, 10))), ((2, 3), Some((3, 4))), ((1, 1), None), ((0, 1), Some((5, 5)))] {
            let joined = phrase(src) + " " + &appositive.map(phrase).unwrap_or_default();
            assert_eq!(lower_words(&ctx, src, appositive), joined);
        }
        assert_eq!(lower_words(&ctx, (0, 3), Some((4, 10))), "two senior officials who were not authorized to speak");
    }
}
