//! Claims outside running sentences: headline tags (`Talks stall: Report`, `Trump: …`) and
//! hedged statements that nobody in the text makes (`X reportedly …`, `is expected to`),
//! which are kept apart as `hedged_no_source` (source `None`), never as someone's claim.

use super::ctx::{Ctx, Draft, Drafts};
use crate::doc::SourceKind;

/// Most words a headline tag's source may have.
const MAX_TAG_WORDS: usize = 4;

/// The first sentence, if it is a headline (no final period) with `CONTENT: Source` or
/// `Source: CONTENT`.
pub fn headline(ctx: &Ctx, d: &mut Drafts) {
    let Some(s) = ctx.doc.sentences.first() else { return };
    let (lo, hi) = (s.tokens.start, s.tokens.end.min(ctx.len()));
    if hi <= lo || ctx.is_terminal(hi - 1) {
        return;
    }
    let Some(colon) = (lo..hi).find(|&i| ctx.word(i) == ":") else { return };
    let left = (lo, colon);
    let right = (colon + 1, hi);
    let tag = |r: (usize, usize)| {
        let n = ctx.words_in(r);
        let caps = (r.0..r.1).filter(|&i| ctx.is_wordlike(i)).all(|i| ctx.is_capitalized(i));
        let shouty = ctx.word(r.0).chars().all(|c| !c.is_lowercase());
        (1..=MAX_TAG_WORDS).contains(&n) && caps && !shouty && !title_case_phrase(ctx, r)
    };
    let (source, content) = if tag(right) && ctx.words_in(left) >= 2 {
        (right, left)
    } else if tag(left) && ctx.words_in(right) >= 2 {
        (left, right)
    } else {
        return;
    };
    d.push(Draft::new(Some(source), Some((colon, colon + 1)), vec![content], "headline", "headline:tag"));
}

/// Words before a paragraph-opening colon that label, not speak (`Note:`, `Update:`).
const NOT_SPEAKERS: &[&str] = &[
    "note", "update", "updated", "editor", "editors", "related", "read", "photo", "photos", "source", "watch",
    "advertisement", "correction", "disclosure", "q", "a", "question", "answer", "video", "contact", "see", "also",
    "more", "subscribe", "follow", "listen", "warning", "spoiler", "caption", "credit", "image", "graphic", "latest",
    "the", "breaking", "wow", "revealed", "contributing", "exclusive", "opinion", "analysis", "poll", "live", "stat",
    "reporting", "additional", "by", "via", "tags", "topics", "filed",
];
/// Lowercase words allowed inside a speaker label (`Former envoy at the summit`).
const LABEL_GLUE: &[&str] = &["of", "at", "the", "and", "for", "on", "in", "de", "van", "von", "to"];
/// Words a name or a role keeps in lower case (`Secretary of State`): written `Over`, `With`
/// after a label's or a headline tag's first word they make it title-case headline words
/// (`Stealth Over Health:`), not a speaker. (All capitals, `SECRETARY OF STATE:`, is a
/// transcript's label and stays one.)
const TITLE_CASE_TELLS: &[&str] = &[
    "over", "with", "from", "after", "before", "against", "about", "into", "amid", "as", "vs", "is", "are", "was",
    "were", "will", "can", "may", "not", "no", "to", "in", "on", "of", "the", "an", "and", "for", "at", "by", "or",
    "but", "how", "why", "what",
];
/// Longest speaker label before a paragraph-opening colon.
const MAX_LABEL: usize = 6;
/// Longest content after a speaker label (the rest of its paragraph).
const MAX_LABELLED: usize = 300;

/// Paragraphs opening with `Speaker: words` (headlines, subheads, transcripts).
pub fn speaker_labels(ctx: &Ctx, d: &mut Drafts) {
    for s in &ctx.doc.sentences {
        let lo = s.tokens.start;
        if !(lo == 0 || ctx.break_before.get(lo).copied().unwrap_or(false)) {
            continue;
        }
        let Some(colon) = (lo..(lo + MAX_LABEL + 1).min(s.tokens.end)).find(|&i| ctx.word(i) == ":") else { continue };
        let label = (lo, colon);
        let words: Vec<usize> = (lo..colon).filter(|&i| ctx.is_wordlike(i)).collect();
        let ok = !words.is_empty()
            && ctx.is_capitalized(lo)
            && words.iter().all(|&i| ctx.is_capitalized(i) || LABEL_GLUE.contains(&ctx.low(i)))
            && !NOT_SPEAKERS.contains(&ctx.low(lo))
            && !title_case_phrase(ctx, label)
            && !is_place(ctx, label)
            && !d.is_used(label);
        if !ok {
            continue;
        }
        let mut end = colon + 1;
        while end < ctx.len() && end - colon < MAX_LABELLED && !ctx.break_before[end] {
            end += 1;
        }
        if ctx.has_words((colon + 1, end), 3) && !d.is_used((colon + 1, end)) {
            d.push(Draft::new(Some(label), Some((colon, colon + 1)), vec![(colon + 1, end)], "headline", "speaker-label"));
        }
    }
}

/// Tokens `r` hold, after their first, a word names keep in lower case written with a capital
/// ([`TITLE_CASE_TELLS`]): headline words, not a name.
fn title_case_phrase(ctx: &Ctx, r: (usize, usize)) -> bool {
    (r.0 + 1..r.1).any(|i| TITLE_CASE_TELLS.contains(&ctx.low(i)) && is_title_cased(ctx.word(i)))
}

/// A capital and then lower case only (`Over`, not `OF` or `of`).
fn is_title_cased(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.clone().next().is_some() && cs.all(char::is_lowercase)
}

/// `WASHINGTON:` / `Tehran:`: a place name alone opens a dateline, not a quotation.
fn is_place(ctx: &Ctx, r: (usize, usize)) -> bool {
    let span = ctx.span(r);
    // one word in capitals (`ISLAMABAD:`) is a dateline
    if r.1 == r.0 + 1 && !ctx.word(r.0).chars().any(char::is_lowercase) {
        return true;
    }
    let ms = &ctx.doc.mentions;
    let first = ms.partition_point(|m| m.span.start < span.start);
    ms.get(first).is_some_and(|m| m.span == span && matches!(m.label, "GPE" | "LOC"))
}

/// Sentences holding a sourceless hedge (`reportedly`) outside every claim.
pub fn sourceless(ctx: &Ctx, d: &mut Drafts) {
    for s in &ctx.doc.sentences {
        let (lo, mut hi) = (s.tokens.start, s.tokens.end.min(ctx.len()));
        while hi > lo && ctx.is_terminal(hi - 1) {
            hi -= 1;
        }
        let Some((i, len)) = (lo..hi).find_map(|i| {
            if d.used[i] || ctx.in_quote[i] {
                return None;
            }
            ctx.sourceless_at(i).map(|len| (i, len))
        }) else {
            continue;
        };
        // the clause around the hedge, not crossing tokens another claim uses
        let mut a = i;
        while a > lo && !d.used[a - 1] && !matches!(ctx.word(a - 1), "," | ";" | "—") {
            a -= 1;
        }
        let mut b = i + len;
        while b < hi && !d.used[b] {
            b += 1;
        }
        if ctx.words_in((a, b)) < 3 {
            continue;
        }
        let mut draft = Draft::new(None, Some((i, i + len)), vec![(a, b)], "hedged_no_source", "hedge:sourceless");
        draft.source_kind = Some(SourceKind::None);
        d.push(draft);
    }
}
