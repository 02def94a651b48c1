//! Entities: find named mentions, type them with OntoNotes labels, and group them into
//! entities (one per real thing), with metonyms (`Tehran` → Iran) marked.
//!
//! Passes, all linear in the text: the gazetteer (`lexicons`, phrases found by leading word), the
//! line casing (`casing`: headlines are not runs of names), capitalized runs in prose (`names`),
//! what the article says about lone words (`propagate`), context cues (`cues`: corporate
//! context, party letters, numbered parts of laws), numbers, dates and times (`numeric`),
//! then grouping (`group`). Every mention records the rule or lexicon that made it.

mod casing;
mod cues;
mod group;
mod lexicons;
mod names;
mod numeric;
mod propagate;

use crate::doc::{Doc, Sentence, Span, Token, TokenKind, Vocab};
use std::borrow::Cow;
use casing::LineMode;
use lexicons::{gazetteer, LexInfo};
use crate::hash::HashMap;
use std::ops::Range;

/// A mention candidate before overlap resolution and grouping.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub span: Span,
    pub toks: Range<usize>,
    pub label: &'static str,
    pub canonical: Canonical,
    pub rule: &'static str,
    pub metonym_of: Option<&'static str>,
}

/// A candidate's canonical name: a span of the text (its own words, mostly) or a lexicon's
/// name for it. (Neither is copied per candidate: most candidates never become an entity.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Canonical {
    Text(Span),
    Lexicon(&'static str),
}

impl Canonical {
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        match *self {
            Canonical::Text(span) => span.slice(text),
            Canonical::Lexicon(name) => name,
        }
    }
}

/// A gazetteer phrase found on token boundaries.
pub(crate) struct LexHit {
    pub toks: Range<usize>,
    pub info: &'static LexInfo,
}

const NONE: u32 = u32::MAX;

/// Everything the passes share about one document.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Each distinct word's text (read by every pass, many times per token: sliced once).
    words: Vec<&'a str>,
    /// Each token's word id (see [`crate::doc::Vocab`]): its index in `words`.
    word_ids: Cow<'a, [u32]>,
    /// Per word id, its date and number kind (`dates.txt`, `numbers.txt`; `""`: none): asked of
    /// almost every token, looked up once per distinct word.
    kinds: Vec<(&'static str, &'static str)>,
    pub sentences: &'a [Sentence],
    /// Lower-cased words seen in lower case in the article.
    pub vocab: casing::Vocab<'a>,
    /// Casing mode of each sentence.
    pub modes: Vec<LineMode>,
    hits: Vec<LexHit>,
    hit_start: Vec<u32>,
    hit_end: Vec<u32>,
}

impl<'a> Ctx<'a> {
    fn new(text: &'a str, tokens: &'a [Token], doc_vocab: &'a Vocab, sentences: &'a [Sentence]) -> Ctx<'a> {
        let (words, word_ids) = crate::tokenize::words_and_ids(text, tokens, doc_vocab);
        let w = lexicons::words();
        let kinds = words.iter().map(|word| (w.dates.get(word).unwrap_or(""), w.numbers.get(word).unwrap_or(""))).collect();
        // (over the distinct words: the same set as over every token)
        let vocab = casing::lower_vocab(words.iter().copied());
        let mut ctx = Ctx {
            text,
            tokens,
            words,
            word_ids,
            kinds,
            sentences,
            vocab,
            modes: Vec::new(),
            hits: Vec::new(),
            hit_start: vec![NONE; tokens.len() + 1],
            hit_end: vec![NONE; tokens.len() + 1],
        };
        // one word buffer for every sentence; each word's shape read once per distinct word
        let shapes: Vec<u8> = ctx.words.iter().map(|w| casing::shape(w)).collect();
        let mut ws: Vec<(&str, u8)> = Vec::new();
        ctx.modes = sentences
            .iter()
            .map(|s| {
                ws.clear();
                ws.extend(s.tokens.clone().filter(|&i| ctx.is_word(i)).map(|i| (ctx.word(i), ctx.word_ids.get(i).map_or(0, |&id| shapes[id as usize]))));
                casing::line_mode(&ws, &ctx.vocab)
            })
            .collect();
        ctx.find_hits();
        ctx
    }

    /// Gazetteer matches that fall on token boundaries and have the lexicon's case (or its
    /// all-caps form). The matcher reads only words that lead a phrase in one of those forms
    /// ([`crate::lexicon::PhraseMatcher::find_all_written`]), so a lower-case phrase
    /// (`northern europe`) does not hide a name inside it.
    fn find_hits(&mut self) {
        // (the tokens are searched by their starts in place: no list of starts is built)
        for m in gazetteer().find_all_written(self.text) {
            let surface = &self.text[m.start..m.end];
            let key = &m.payload.key;
            // (the upper-case form is built only for the rare surface that differs)
            if surface != key && !(key.chars().any(|c| c.is_lowercase()) && surface == key.to_uppercase()) {
                continue;
            }
            let Ok(a) = self.tokens.binary_search_by_key(&m.start, |t| t.span.start) else {
                continue;
            };
            // b = number of tokens starting before the match end; the hit must end on a token end
            let b = self.tokens.partition_point(|t| t.span.start < m.end);
            if b == 0 || b <= a || self.tokens[b - 1].span.end != m.end {
                continue;
            }
            self.hit_start[a] = self.hits.len() as u32;
            self.hit_end[b] = self.hits.len() as u32;
            self.hits.push(LexHit { toks: a..b, info: m.payload });
        }
    }

    pub fn hit_at(&self, i: usize) -> Option<&LexHit> {
        self.hit_start.get(i).filter(|&&h| h != NONE).map(|&h| &self.hits[h as usize])
    }

    pub fn hit_ending(&self, i: usize) -> Option<&LexHit> {
        self.hit_end.get(i).filter(|&&h| h != NONE).map(|&h| &self.hits[h as usize])
    }

    /// The sentence holding token `i` (binary search).
    pub fn sentence_of(&self, i: usize) -> Option<&'a Sentence> {
        let k = self.sentences.partition_point(|s| s.tokens.end <= i);
        self.sentences.get(k).filter(|s| s.tokens.contains(&i))
    }

    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.word_ids.get(i).map_or("", |&id| self.words[id as usize])
    }

    /// Token `i`'s date kind (`month`, `weekday`, …, `""` for none: `dates.txt`).
    #[inline]
    pub fn date_kind(&self, i: usize) -> &'static str {
        self.word_ids.get(i).map_or("", |&id| self.kinds[id as usize].0)
    }

    /// Token `i`'s number kind (`cardinal`, `scale`, …, `""` for none: `numbers.txt`).
    pub fn number_kind(&self, i: usize) -> &'static str {
        self.word_ids.get(i).map_or("", |&id| self.kinds[id as usize].1)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    pub fn span_of(&self, toks: Range<usize>) -> Span {
        match (self.tokens.get(toks.start), toks.end.checked_sub(1).and_then(|e| self.tokens.get(e))) {
            (Some(a), Some(b)) if toks.start < toks.end => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }

    pub fn text_of(&self, toks: Range<usize>) -> &'a str {
        self.span_of(toks).slice(self.text)
    }

    pub fn candidate(&self, toks: Range<usize>, label: &'static str, rule: &'static str) -> Candidate {
        let span = self.span_of(toks.clone());
        Candidate { span, toks, label, canonical: Canonical::Text(span), rule, metonym_of: None }
    }

    pub fn lex_candidate(&self, h: &LexHit) -> Candidate {
        Candidate {
            span: self.span_of(h.toks.clone()),
            toks: h.toks.clone(),
            label: h.info.label,
            canonical: Canonical::Lexicon(h.info.canonical),
            rule: h.info.rule,
            metonym_of: h.info.metonym_of,
        }
    }
}

pub fn entities(doc: &mut Doc) {
    let cands = {
        let ctx = Ctx::new(&doc.text, &doc.tokens, &doc.vocab, &doc.sentences);
        let mut cands = Vec::new();
        let deferred = names::find_names(&ctx, &mut cands);
        propagate::relabel_person_parts(&ctx, &mut cands);
        propagate::relabel_org_cores(&ctx, &mut cands);
        cues::corporate_context(&ctx, &mut cands);
        let known = propagate::known_names(&ctx, &cands);
        propagate::resolve_deferred(&ctx, &deferred, &known, &mut cands);
        require_repetition(&ctx, &mut cands);
        table_rows_are_teams(&ctx, &mut cands);
        numeric::find_numeric(&ctx, &mut cands);
        cues::party_letters(&ctx, &mut cands);
        cues::law_parts(&ctx, &mut cands);
        cues::languages(&ctx, &mut cands);
        cues::cabinet_departments(&ctx, &mut cands);
        cues::province_suffix(&ctx, &mut cands);
        let mut cands = resolve_overlaps(cands);
        cands.retain(|c| c.label != "NONE");
        include_article(&ctx, &mut cands);
        cands
    };
    group::group(doc, cands);
}

/// Rules that only guess from capitalization (`cap-word`, `cap-run:common`) keep a name only if
/// the article uses it at least twice: a one-off capitalized word is as often a product, a
/// title or an emphasis as a name. Occurrences are counted over token windows of each guessed
/// length (`Smith` also inside `John Smith`): linear in the text times the few lengths.
fn require_repetition(ctx: &Ctx, cands: &mut Vec<Candidate>) {
    const GUESSES: [&str; 3] = ["cap-word", "cap-run:common", "first-name-alone"];
    let guessed = |c: &Candidate| GUESSES.contains(&c.rule) && c.toks.end > c.toks.start;
    let mut counts: HashMap<&str, usize> = cands.iter().filter(|c| guessed(c)).map(|c| (c.span.slice(ctx.text), 0)).collect();
    if counts.is_empty() {
        return;
    }
    let mut lengths: Vec<usize> = cands.iter().filter(|c| guessed(c)).map(|c| c.toks.end - c.toks.start).collect();
    crate::sort::sort(&mut lengths);
    lengths.dedup();
    // a window can only match a name that starts with its first byte, and ends with its last:
    // most tokens (lower-case words) are passed over, and most windows, without hashing them
    let mut first_bytes = [false; 256];
    for name in counts.keys() {
        if let Some(&b) = name.as_bytes().first() {
            first_bytes[b as usize] = true;
        }
    }
    let ends = crate::lexicon::EndBytes::exact(counts.keys().copied());
    let n = ctx.tokens.len();
    for i in 0..n {
        let start = ctx.tokens[i].span.start;
        if !ctx.text.as_bytes().get(start).is_some_and(|&b| first_bytes[b as usize]) {
            continue;
        }
        for &len in lengths.iter().take_while(|&&len| i + len <= n) {
            let window = &ctx.text[start..ctx.tokens[i + len - 1].span.end];
            if !ends.may_hold(window) {
                continue;
            }
            if let Some(count) = counts.get_mut(window) {
                *count += 1;
            }
        }
    }
    cands.retain(|c| !guessed(c) || counts.get(c.span.slice(ctx.text)).is_none_or(|&k| k >= 2));
}

/// In a results table (`Boston 5 Chicago 3`, a line mostly of numbers) a place followed by a
/// number is a team, an organization.
fn table_rows_are_teams(ctx: &Ctx, cands: &mut [Candidate]) {
    let numbers_in: Vec<usize> = ctx.sentences.iter().map(|s| s.tokens.clone().filter(|&i| ctx.is_number(i)).count()).collect();
    // a country in a table is a national team, named as the place (`England 326`)
    for c in cands.iter_mut().filter(|c| matches!(c.label, "GPE" | "LOC") && c.rule != "lex:country") {
        let k = ctx.sentences.partition_point(|s| s.tokens.end <= c.toks.start);
        let Some(s) = ctx.sentences.get(k).filter(|s| s.tokens.contains(&c.toks.start)) else { continue };
        let numbers = numbers_in[k];
        let is_table = numbers >= 2 && numbers * 3 >= s.tokens.len();
        let dateline = c.toks.start == s.tokens.start && ctx.word(c.toks.end + 1) == "-";
        if is_table && !dateline && ctx.is_number(c.toks.end) {
            c.label = "ORG";
            c.rule = "table-team";
            c.metonym_of = None;
        }
    }
}

/// OntoNotes style: a name of two or more words takes its article (`the United States`,
/// `the White House`, `the Strait of Hormuz`); one-word names do not (`the Pentagon`).
fn include_article(ctx: &Ctx, cands: &mut [Candidate]) {
    for c in cands.iter_mut() {
        let one_word = !c.span.slice(ctx.text).contains(' ');
        if !matches!(c.label, "ORG" | "GPE" | "LOC" | "FAC" | "EVENT" | "LAW") || one_word || c.toks.start == 0 {
            continue;
        }
        if names_a_noun(ctx.word(c.toks.end)) {
            continue; // `the New York office`: the article belongs to the noun, not the name
        }
        let before = c.toks.start - 1;
        let same_sentence = ctx.sentence_of(before).is_some_and(|s| s.tokens.contains(&c.toks.start));
        if matches!(ctx.word(before), "the" | "The") && same_sentence {
            c.toks.start = before;
            c.span = ctx.span_of(c.toks.clone());
        }
    }
}

/// True when `w` reads as a common noun the preceding name modifies (`office`, `village`):
/// a lower-case word that is no function word and has no verb or adverb ending.
fn names_a_noun(w: &str) -> bool {
    let lower_word = w.chars().next().is_some_and(|c| c.is_lowercase()) && w.chars().all(|c| c.is_alphabetic());
    if !lower_word || lexicons::cue_words().not_noun.contains(w) || w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly") {
        return false;
    }
    // a plural noun and a verb both end in -s (`streets`, `says`): keep the article
    !(w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

/// Keep the longest of overlapping candidates (then the earliest), in text order. Linear after
/// sorting: kept spans never overlap, so a bit per byte of the text says which bytes are taken,
/// and each candidate reads the bits of its own span only.
fn resolve_overlaps(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.retain(|c| !c.span.is_empty());
    // longest first, then earliest: (Reverse(len), start) as one integer (the annotated head is
    // 5 MiB at most, `limits::MAX_ANNOTATED_BYTES`: both fit 32 bits)
    crate::sort::sort_by_u64_key(&mut cands, |c| u64::from(u32::MAX - c.span.len() as u32) << 32 | c.span.start as u64);
    let mut taken = Taken::new(cands.iter().map(|c| c.span.end).max().unwrap_or(0));
    // (`retain` visits the candidates once each, in this order)
    cands.retain(|c| taken.take(c.span.start..c.span.end));
    crate::sort::sort_by_u64_key(&mut cands, |c| c.span.start as u64);
    cands
}

/// The bytes of the text that kept mentions cover: a bit each.
struct Taken(Vec<u64>);

impl Taken {
    fn new(len: usize) -> Taken {
        Taken(vec![0; len.div_ceil(64)])
    }

    /// Marks the non-empty `bytes` taken and returns true if none of them was; otherwise
    /// returns false and marks nothing.
    fn take(&mut self, bytes: Range<usize>) -> bool {
        if Self::masks(&bytes).any(|(w, mask)| self.0[w] & mask != 0) {
            return false;
        }
        for (w, mask) in Self::masks(&bytes) {
            self.0[w] |= mask;
        }
        true
    }

    /// Each 64-bit word `bytes` touches, with the bits of `bytes` in it.
    fn masks(bytes: &Range<usize>) -> impl Iterator<Item = (usize, u64)> {
        let (start, last) = (bytes.start, bytes.end - 1);
        (start / 64..=last / 64).map(move |w| {
            let lo = if w == start / 64 { start % 64 } else { 0 };
            let hi = if w == last / 64 { last % 64 } else { 63 };
            (w, (u64::MAX >> (63 - hi)) & (u64::MAX << lo))
        })
    }
}

#[cfg(test)]
mod tests;
