//! Words joined where a line break was deleted without a space (`scheduledin`, `theMiddle`,
//! `program,rejecting`).
//!
//! First the wrap geometry ([`super::wrap`]): every long line of the text is a paragraph. A
//! hypothesis is a width (40..=100) and a wrapper (greedy, or one that prefers breaking after
//! `, . : ;`). All 122 hypotheses are ranked on a sample of the longest paragraphs (~1,000
//! characters); the best three run on every paragraph; the one with the largest total gain is
//! the article's. "No damage" competes everywhere: a chain is applied only when its gain per
//! break clears a threshold (lower once the article's width is established by many breaks),
//! one break alone never establishes a width, and a paragraph that does not fit the article's
//! width may use its own only on strong evidence. Where no geometry fits (proportional copy,
//! short text) only the safe seams are repaired: a known word, punctuation and a known word
//! (`Oman.The`), or a lower-case known word glued to a capitalised word (`theMiddle`); other
//! likely splits of tokens the lexicon does not know are offered as suggestions, never applied.

use super::cache::{Counts, DocCache};
use super::lexicon::{model, word_score};
use super::wrap::{reopens_quotes, Chain, Paragraph, QuoteContext};
use super::{Lines, Replacement};
use crate::hash::HashMap;
use crate::doc::{Edit, Span};
use crate::text::{SliceWords, WordSpans};
use std::rc::Rc;

/// Characters of the longest paragraphs on which every hypothesis is scored.
const SAMPLE_CHARS: usize = 1000;
/// Characters of the first, smaller sample every hypothesis is scored on, and how many
/// hypotheses go on to the full sample.
const FIRST_SAMPLE_CHARS: usize = 250;
const FIRST_ROUND: usize = 10;
/// Beam of the Viterbi while ranking hypotheses on the sample.
const SAMPLE_BEAM: usize = 1;
/// Hypotheses then run on every paragraph.
const TOP_HYPOTHESES: usize = 3;
/// Widths tried, in characters.
const WIDTHS: std::ops::RangeInclusive<usize> = 40..=100;
/// Early-break window of punctuation-preferring wrappers, in columns.
const SLACK: usize = 15;
/// A chain is accepted when its gain per break exceeds this (nats).
const MIN_GAIN_PER_BREAK: f32 = 4.0;
/// Total gain over the article above which its width counts as established.
const STRONG_ARTICLE_GAIN: f32 = 60.0;
/// Gain per break that suffices at an established width.
const WEAK_GAIN_PER_BREAK: f32 = 1.0;
/// ... and its total gain exceeds this (one-break chains fit many widths by chance).
const MIN_CHAIN_GAIN: f32 = 10.0;
/// No single break of an accepted chain may lose more than this.
const MIN_BREAK_GAIN: f32 = -15.0;
/// A paragraph may use a width other than the article's when its chain gains this much more.
const OWN_WIDTH_MARGIN: f32 = 12.0;
/// Without the article's support, every break of a paragraph's own chain must gain: one that
/// splits a real word (`st rain`) means the width is a coincidence.
const MIN_OWN_BREAK_GAIN: f32 = 0.0;
/// A confirming pass recalls the first pass's own chains only while this many counts changed
/// at most (splits and joins change a few; more mean a damaged text, read afresh).
const MAX_CHANGED_CORES: usize = 32;
/// Least gain (nats) of a split offered as a suggestion where no geometry fits.
const SUGGEST_MIN_GAIN: f32 = 6.0;

/// `reflowed`: byte ranges of hard-wrapped blocks; their lines get the safe seams only.
/// `suggested`: where to put the splits offered, not applied (spans in `text`), if wanted.
/// `index`: the text's lines ([`super::line_index`]).
pub fn replacements<'t>(text: &'t str, index: &[super::Line], reflowed: &[(usize, usize)], out: &mut Vec<Replacement>, mut suggested: Option<&mut Vec<Replacement>>, mut lines: Lines<'_, 't>) {
    // blocks are sorted and disjoint: binary search keeps this linear-logarithmic
    let in_block = |off: usize| {
        let i = reflowed.partition_point(|&(s, _)| s <= off);
        i > 0 && off < reflowed[i - 1].1
    };
    // the first pass reads every word of every line four times (counting, the glued test, safe
    // seams, suggestions): the words are read once (a confirming pass reads few lines afresh)
    let spans = match &lines {
        Lines::Record(_) => WordSpans::of(text),
        Lines::Recall(..) => None,
    };
    let spans = spans.as_ref();
    for &(s, e) in reflowed {
        safe_seams(text, s, e, spans, out);
    }
    // a confirming pass brings the first pass's counts up by the words its edits touch; a line
    // it reads as the first pass did keeps what the counts decided there (its own chain) when
    // none of the counts it reads changed
    let recalled_counts = match &lines {
        Lines::Recall(memo, edits) => memo.counts_for(text, edits),
        Lines::Record(_) => None,
    };
    let (counts, changed, word_ids) = match recalled_counts {
        // (each recalled line is searched for every changed core: a few only)
        Some((counts, changed)) => (counts, Some(changed).filter(|c| c.len() <= MAX_CHANGED_CORES), Vec::new()),
        None => {
            let (counts, ids) = spans.map_or_else(|| (Counts::of(text), Vec::new()), |w| Counts::of_words_with_ids(text.len(), w.texts(text)));
            (Rc::new(counts), None, ids)
        }
    };
    let cache = DocCache::with_counts(Rc::clone(&counts)).with_word_ids(word_ids);
    let reopens = reopens_quotes(text, index);
    let quote_context = |end: usize| QuoteContext { continues: next_paragraph_opens_quote(text, end), reopens };
    let paras: Vec<(usize, Paragraph)> = long_lines(text, index)
        .filter(|(off, _)| !in_block(*off))
        .map(|(off, line)| (off, Paragraph::with_cache(line, &cache, quote_context(off + line.len())).with_words(spans, off)))
        .collect();
    let hyps = candidate_hypotheses(&paras);
    let table: Vec<Vec<Option<Chain>>> = paras.iter().map(|(_, p)| hyps.iter().map(|&(w, m)| p.best_chain(w, m)).collect()).collect();
    let article = (0..hyps.len())
        .max_by(|&a, &b| total_gain(&table, a).total_cmp(&total_gain(&table, b)))
        .filter(|&h| total_gain(&table, h) > 0.0)
        // one break alone does not establish a width (`YouTube` in a single long line)
        .filter(|&h| table.iter().filter_map(|row| row[h].as_ref()).filter(|c| accepted(c)).map(|c| c.splits.len()).sum::<usize>() >= 2);
    let strong = article.is_some_and(|h| total_gain(&table, h) > STRONG_ARTICLE_GAIN);
    // a width only one paragraph supports is that paragraph's own: it must pass the same test
    let shared = article.is_some_and(|h| table.iter().filter(|row| row[h].as_ref().is_some_and(accepted)).count() >= 2);
    for (pi, (off, p)) in paras.iter().enumerate() {
        let line = &text[*off..off + p_len(text, *off)];
        let known = match &lines {
            Lines::Recall(memo, _) => memo.facts.get(line),
            Lines::Record(_) => None,
        };
        let mut facts = LineFacts::default();
        let at_article = article
            .and_then(|h| table[pi][h].clone())
            .filter(|c| accepted(c) || strong && weakly_accepted(c))
            .filter(|c| shared || own_width_ok(c));
        // a paragraph that does not fit the article's width may have its own (mixed pastes)
        let chosen = at_article.or_else(|| {
            let glued = *facts.glued.insert(known.and_then(|k| k.glued).unwrap_or_else(|| looks_glued(p)));
            if !glued {
                return None;
            }
            let quotes = p.quotes();
            let recalled = known.and_then(|k| k.own_chain(line, quotes, changed.as_deref()));
            #[cfg(test)]
            if let (Some(_), Lines::Recall(memo, _)) = (&recalled, &lines) {
                memo.chains_recalled.set(memo.chains_recalled.get() + 1);
            }
            let chain = recalled.unwrap_or_else(|| own_width_chain(p));
            facts.own = Some((quotes, chain.clone()));
            chain
        });
        match chosen {
            Some(c) => {
                for &b in &c.splits {
                    out.push(seam(off + b));
                }
                // the safe seams hold whatever the geometry says (and cleaning again, with the
                // geometry gone, would apply them: idempotence)
                safe_seams_between(text, *off, off + line.len(), &c.splits, spans, out);
            }
            None => {
                let from = out.len();
                match known.and_then(|k| k.seams.as_ref()) {
                    Some(seams) => out.extend(seams.iter().map(|&at| seam(off + at))),
                    None => safe_seams(text, *off, off + line.len(), spans, out),
                }
                if matches!(lines, Lines::Record(_)) {
                    facts.seams = Some(out[from..].iter().map(|r| r.original.start - off).collect());
                }
                if let Some(suggested) = suggested.as_deref_mut() {
                    suggest(text, *off, p, &out[from..], suggested);
                }
            }
        }
        if let Lines::Record(memo) = &mut lines {
            memo.facts.insert(line, facts);
        }
    }
    if let Lines::Record(memo) = &mut lines {
        memo.counted = Some((text, counts));
    }
    // short lines never reach the geometry: safe seams, and suggestions
    for (off, end) in short_lines(text, index).filter(|(off, _)| !in_block(*off)) {
        let from = out.len();
        safe_seams(text, off, end, spans, out);
        if let Some(suggested) = suggested.as_deref_mut() {
            let p = Paragraph::with_cache(&text[off..end], &cache, QuoteContext { continues: false, reopens }).with_words(spans, off);
            suggest(text, off, &p, &out[from..], suggested);
        }
    }
}

/// What cleaning learns about a long line from its text alone (the article's counts and the
/// lines around it aside), kept by the first pass for the confirming passes: a line the first
/// pass left unchanged is usually read again unchanged.
#[derive(Default)]
pub struct LineMemo<'t> {
    facts: HashMap<&'t str, LineFacts>,
    /// The text the first pass read and the article's word counts it took from it.
    counted: Option<(&'t str, Rc<Counts<'t>>)>,
    /// Own chains the confirming passes recalled.
    #[cfg(test)]
    chains_recalled: std::cell::Cell<usize>,
}

impl<'t> LineMemo<'t> {
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    #[cfg(test)]
    pub fn chains_recalled(&self) -> usize {
        self.chains_recalled.get()
    }

    /// The counts of `text`, the first pass's text with `edits` applied, brought up from the
    /// first pass's by the words the edits touch (a fraction of counting them again), and the
    /// cores whose counts changed; `None` if they must be counted afresh.
    fn counts_for<'p>(&self, text: &'p str, edits: &[Edit]) -> Option<(Rc<Counts<'p>>, Vec<&'p str>)>
    where
        't: 'p,
    {
        let (read, counts) = self.counted.as_ref()?;
        counts.after_edits(read, text, edits)
    }
}

impl LineFacts {
    /// The first pass's own chain of `line`, if it stands: asked in the same quote context,
    /// and no count that changed since (`changed`; `None`: counted afresh, or too many changed)
    /// is of a piece of the line (a chain reads the counts of its tokens' pieces only).
    fn own_chain(&self, line: &str, quotes: QuoteContext, changed: Option<&[&str]>) -> Option<Option<Chain>> {
        let changed = changed?;
        let (asked_in, chain) = self.own.as_ref()?;
        (*asked_in == quotes && !changed.iter().any(|core| crate::text::contains(line, core))).then(|| chain.clone())
    }
}

#[derive(Default)]
struct LineFacts {
    /// [`looks_glued`], if it was asked.
    glued: Option<bool>,
    /// Its safe seams (byte offsets in the line), if they were searched without geometry.
    seams: Option<Vec<usize>>,
    /// [`own_width_chain`], if it was asked, and the quote context it was asked in. It also
    /// reads the article's word counts: see [`LineFacts::own_chain`].
    own: Option<(QuoteContext, Option<Chain>)>,
}

/// A space inserted at byte `at`: a join repaired.
fn seam(at: usize) -> Replacement {
    Replacement { original: Span::new(at, at), replacement: " ".into(), kind: "join_split" }
}

/// The first non-blank text after byte `end` starts with a quote (`"` or `“`): a quotation that
/// runs on from the paragraph ending at `end`. Looks at a few hundred bytes at most.
fn next_paragraph_opens_quote(text: &str, end: usize) -> bool {
    text[end..].chars().take(256).find(|c| !c.is_whitespace()).is_some_and(|c| c == '"' || c == '“')
}

/// Offers the best split of each unknown token of the paragraph at `off` whose gain clears
/// [`SUGGEST_MIN_GAIN`], unless a seam in `applied` already splits that token.
fn suggest(text: &str, off: usize, p: &Paragraph, applied: &[Replacement], suggested: &mut Vec<Replacement>) {
    for (b, _) in p.best_splits(SUGGEST_MIN_GAIN) {
        let at = off + b;
        // the whitespace may be multi-byte (NBSP): step over the whole char
        let start = text[..at].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
        // names are often camel-cased (`YouTube`, `iPhone`): a camel seam needs a lower-case
        // word of two letters or more on its left (`saidScott`)
        let left: String = text[start..at].chars().rev().take_while(|&c| crate::text::is_alphabetic(c)).collect();
        let camel = text[at..].chars().next().is_some_and(char::is_uppercase) && left.chars().next().is_some_and(char::is_lowercase);
        if camel && (left.chars().count() < 2 || !left.chars().all(char::is_lowercase)) {
            continue;
        }
        if applied.iter().any(|r| (start..=end).contains(&r.original.start)) {
            continue;
        }
        suggested.push(seam(at));
    }
}

/// The paragraph's own best chain over every hypothesis, on strong evidence only. Hypotheses
/// are ranked with the narrow sample beam; only the best few run with the full beam.
fn own_width_chain(p: &Paragraph) -> Option<Chain> {
    // an accepted chain gains at every break (`own_width_ok`): most paragraphs are refuted
    // within their first lines, before any width is tried
    if !p.every_line_could_gain(*WIDTHS.end()) {
        return None;
    }
    every_width_chain(p)
}

/// [`own_width_chain`] without the refutation: every hypothesis is tried.
fn every_width_chain(p: &Paragraph) -> Option<Chain> {
    let mut ranked: Vec<((usize, usize), f32)> =
        all_hypotheses().filter_map(|(w, m)| p.best_chain_with_beam(w, m, 1).map(|c| ((w, m), c.score))).filter(|(_, g)| *g > OWN_WIDTH_MARGIN).collect();
    crate::sort::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1));
    ranked
        .iter()
        .take(TOP_HYPOTHESES)
        .filter_map(|&((w, m), _)| p.best_chain(w, m))
        .filter(own_width_ok)
        .max_by(|a, b| a.score.total_cmp(&b.score))
}

/// A paragraph worth its own width search (every width, the costliest step on undamaged text):
/// one token the lexicon does not know per 100 characters at least. Wrapped at any width up to
/// 100 and its breaks deleted, a paragraph has a glued token per line; undamaged prose has
/// far fewer unknown tokens (names, mostly).
fn looks_glued(p: &Paragraph) -> bool {
    // counting stops as soon as the paragraph qualifies
    let enough = p.char_len().div_ceil(100).max(2);
    p.unknown_tokens_up_to(5, enough) >= enough
}

/// A chain strong enough without the rest of the article: two breaks or more, every one gaining.
fn own_width_ok(c: &Chain) -> bool {
    accepted(c) && c.score > OWN_WIDTH_MARGIN * 2.0 && c.splits.len() >= 2 && c.min_gain > MIN_OWN_BREAK_GAIN
}

fn p_len(text: &str, off: usize) -> usize {
    text[off..].find('\n').unwrap_or(text.len() - off)
}

/// Every (width, wrapper) hypothesis: greedy (`0`) and punctuation-preferring (`SLACK`).
fn all_hypotheses() -> impl Iterator<Item = (usize, usize)> {
    WIDTHS.flat_map(|w| [(w, 0), (w, SLACK)])
}

/// The few hypotheses worth running on every paragraph: all are scored on a small sample of the
/// longest paragraphs (`FIRST_SAMPLE_CHARS`), the best `FIRST_ROUND` again on a larger one
/// (`SAMPLE_CHARS`), and the best `TOP_HYPOTHESES` of those are kept. A wrong width loses on
/// almost every line, so the small sample already discards most; the cost per character stays
/// independent of the number of widths.
fn candidate_hypotheses(paras: &[(usize, Paragraph)]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..paras.len()).collect();
    crate::sort::sort_by_u64_key(&mut order, |&i| u64::MAX - paras[i].1.char_len() as u64);
    let first = rank(paras, &sample(paras, &order, FIRST_SAMPLE_CHARS), FIRST_SAMPLE_CHARS, all_hypotheses(), FIRST_ROUND);
    rank(paras, &sample(paras, &order, SAMPLE_CHARS), SAMPLE_CHARS, first.into_iter(), TOP_HYPOTHESES)
}

/// The longest paragraphs (`order`), about `chars` characters of them.
fn sample(paras: &[(usize, Paragraph)], order: &[usize], chars: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut total = 0;
    for &i in order {
        if total >= chars {
            break;
        }
        total += paras[i].1.char_len();
        out.push(i);
    }
    out
}

/// The best `keep` hypotheses by their total (positive) gain on the `sample` paragraphs, each
/// scored on its lines that start in its first `chars` characters.
fn rank(paras: &[(usize, Paragraph)], sample: &[usize], chars: usize, hyps: impl Iterator<Item = (usize, usize)>, keep: usize) -> Vec<(usize, usize)> {
    let mut scored: Vec<((usize, usize), f32)> = hyps
        .map(|h| (h, sample.iter().filter_map(|&i| paras[i].1.prefix_score(h.0, h.1, SAMPLE_BEAM, chars)).map(|g| g.max(0.0)).sum()))
        .collect();
    crate::sort::sort_by(&mut scored, |a, b| b.1.total_cmp(&a.1));
    scored.into_iter().filter(|(_, g)| *g > 0.0).take(keep).map(|(h, _)| h).collect()
}

fn accepted(c: &Chain) -> bool {
    let k = c.splits.len() as f32;
    k > 0.0 && c.score > (MIN_GAIN_PER_BREAK * k).max(MIN_CHAIN_GAIN) && c.min_gain > MIN_BREAK_GAIN
}

/// At a width the rest of the article establishes, any chain that gains is enough.
fn weakly_accepted(c: &Chain) -> bool {
    !c.splits.is_empty() && c.score > WEAK_GAIN_PER_BREAK * c.splits.len() as f32 && c.min_gain > MIN_BREAK_GAIN
}

fn total_gain(table: &[Vec<Option<Chain>>], h: usize) -> f32 {
    table.iter().filter_map(|row| row[h].as_ref()).map(|c| c.score.max(0.0)).sum()
}

/// Lines long enough to have been wrapped at the narrowest width: (byte offset, line).
fn long_lines<'t>(text: &'t str, index: &'t [super::Line]) -> impl Iterator<Item = (usize, &'t str)> {
    lines(text, index).filter(|(_, l)| l.chars().count() > *WIDTHS.start())
}

fn short_lines<'t>(text: &'t str, index: &'t [super::Line]) -> impl Iterator<Item = (usize, usize)> + 't {
    lines(text, index).filter(|(_, l)| l.chars().count() <= *WIDTHS.start()).map(|(o, l)| (o, o + l.len()))
}

fn lines<'t>(text: &'t str, index: &'t [super::Line]) -> impl Iterator<Item = (usize, &'t str)> {
    index.iter().map(move |l| (l.start, &text[l.start..l.content_end]))
}

/// The seams safe without geometry, in `text[start..end]` (its words read from `spans`, the
/// text's, if given).
fn safe_seams(text: &str, start: usize, end: usize, spans: Option<&WordSpans>, out: &mut Vec<Replacement>) {
    safe_seams_between(text, start, end, &[], spans, out)
}

/// [`safe_seams`] in a paragraph the geometry splits at `cuts` (sorted offsets relative to
/// `start`): each piece of a cut token is searched on its own, as cleaning again would.
fn safe_seams_between(text: &str, start: usize, end: usize, cuts: &[usize], spans: Option<&WordSpans>, out: &mut Vec<Replacement>) {
    let region = &text[start..end];
    for (s, i) in SliceWords::of(text, start, end, spans) {
        let mut push = |at: usize| out.push(seam(start + at));
        let inside = &cuts[cuts.partition_point(|&x| x <= s)..cuts.partition_point(|&x| x < i)];
        let mut from = s;
        for &cut in inside.iter().chain(std::iter::once(&i)) {
            token_seams(region, from, cut, &mut push);
            from = cut;
        }
    }
}

/// Every safe seam of the token `region[s..e]`: after a split, both pieces are searched again
/// (`handsourwaters` → `hands` + `ourwaters` → `our` + `waters`), as cleaning the result again
/// would. Pieces only shrink, so this ends; tokens are short (`MAX_SEAM_TOKEN`).
fn token_seams(region: &str, s: usize, e: usize, found: &mut impl FnMut(usize)) {
    if let Some(at) = safe_seam(&region[s..e]) {
        token_seams(region, s, s + at, found);
        found(s + at);
        token_seams(region, s + at, e, found);
    }
}

/// Longest token (bytes) that may hold a safe seam.
const MAX_SEAM_TOKEN: usize = 100;

/// Markup and code (`onerror="x.y"`, `a_b`, `<p>`, `{}`) is never split: it is not prose.
pub(crate) fn code_like(tok: &str) -> bool {
    tok.bytes().any(|b| matches!(b, b'<' | b'>' | b'=' | b'{' | b'}' | b'_' | b'\\' | b'|' | b'`'))
}

/// Byte offset inside `tok` of a safe seam, if any.
pub fn safe_seam(tok: &str) -> Option<usize> {
    // a glued pair of words is short; longer runs (punctuation floods, code) are never seams,
    // and the per-char trims below would make them quadratic
    if tok.len() < 5 || tok.len() > MAX_SEAM_TOKEN {
        return None;
    }
    // most tokens: ASCII without a candidate (one scan, before the others)
    if ascii_without_seam_candidate(tok.as_bytes()) {
        return None;
    }
    if code_like(tok) || tok.contains("://") || tok.contains('@') || tok.starts_with('#') || tok.contains("www.") {
        return None;
    }
    let chars: Vec<(usize, char)> = tok.char_indices().collect();
    for i in 2..chars.len().saturating_sub(1) {
        let (bi, c) = chars[i];
        let (_, prev) = chars[i - 1];
        let left = &tok[..bi];
        let right = &tok[bi..];
        let right_word = right.trim_end_matches(|c: char| !crate::text::is_alphanumeric(c));
        let punct = matches!(prev, ',' | ';' | ':' | '.' | '?' | '!') && crate::text::is_alphabetic(c);
        if punct {
            let left_word = left[..left.len() - 1].trim_start_matches(|c: char| !crate::text::is_alphanumeric(c));
            let left_ok = left_word.chars().count() >= 2 && left_word.chars().all(crate::text::is_alphabetic) && is_known(left_word);
            // after a period or colon the next sentence starts with a capital; after a comma anything
            let right_ok = if prev == ',' || prev == ';' { is_known(right_word) } else { c.is_uppercase() && is_plain_word(right_word) };
            if left_ok && right_ok && !left[..left.len() - 1].contains('.') {
                return Some(bi);
            }
            continue;
        }
        if prev.is_lowercase() && c.is_uppercase() {
            let left_word = left.trim_start_matches(|c: char| !crate::text::is_alphanumeric(c));
            let lower_left = left_word.len() >= 2 && left_word.chars().all(|c| c.is_ascii_lowercase());
            if lower_left && is_known(left_word) && is_plain_word(right_word) && right_word.len() >= 3 && !is_prefix_word(left_word) {
                return Some(bi);
            }
            return None;
        }
    }
    None
}

/// An ASCII token holds a seam candidate only where a lower-case letter meets a capital or
/// `, ; : . ? !` meets a letter (past its first two chars): most tokens have neither, and skip
/// the char table. One pass, without a branch per byte: each byte's class says what it is as
/// the left char of a pair (low bits) and as the right char (high bits).
fn ascii_without_seam_candidate(b: &[u8]) -> bool {
    let Some((&first, rest)) = b.split_first() else { return true };
    // (the pair at chars 0-1 is not a candidate: the first byte is never a left char)
    let (mut left, mut hits, mut bytes) = (0u8, 0u8, first);
    for &c in rest {
        let class = SEAM_CLASS[usize::from(c)];
        hits |= left & (class >> 4);
        bytes |= c;
        left = class & 0x0f;
    }
    hits == 0 && bytes < 0x80
}

/// [`ascii_without_seam_candidate`]'s byte classes: as a left char, bit 0 a lower-case letter,
/// bit 1 `, ; : . ? !`; as a right char (bits 4, 5), the left chars each pairs with: a capital
/// pairs with both, a lower-case letter with the punctuation only.
const SEAM_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_lowercase() {
            0x01 | 0x20
        } else if c.is_ascii_uppercase() {
            0x30
        } else if matches!(c, b',' | b';' | b':' | b'.' | b'?' | b'!') {
            0x02
        } else {
            0
        };
        b += 1;
    }
    table
};

/// A capitalised or lower-case word (`Middle`, `Washington’s`), not `McDonald` or `iPhone`.
fn is_plain_word(w: &str) -> bool {
    let core = w.split(['\'', '’']).next().unwrap_or("");
    let mut cs = core.chars();
    cs.next().is_some_and(crate::text::is_alphabetic) && cs.all(|c| c.is_lowercase())
}

/// Lower-case prefixes of real mixed-case names (`iPhone`, `eBay`, `macOS`).
fn is_prefix_word(w: &str) -> bool {
    matches!(w, "mc" | "mac" | "de" | "la" | "le" | "van" | "von" | "di" | "da")
}

fn is_known(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    w.is_ascii() && (model().known(lower.as_bytes()).is_some() || word_score(w) > -12.0)
}

#[cfg(test)]
pub(super) mod tests {
    /// [`ascii_without_seam_candidate`] as it was first written (two scans).
    fn ascii_without_seam_candidate_by_pairs(b: &[u8]) -> bool {
        b.is_ascii()
            && !(2..b.len()).any(|i| {
                let (prev, c) = (b[i - 1], b[i]);
                (prev.is_ascii_lowercase() && c.is_ascii_uppercase()) || (matches!(prev, b',' | b';' | b':' | b'.' | b'?' | b'!') && c.is_ascii_alphabetic())
            })
    }

    #[test]
    fn the_one_pass_seam_scan_is_the_pairwise_one() {
        for tok in ["", "a", "aB", "aBc", "xaB", "x,a", "xx,A", "said,Scott", "theMiddle", "Oman.The", "U.S.", "iPhone", "3.5", "café", "ab\u{e9}", "a?!b", "AB", "ab"] {
            let b = tok.as_bytes();
            assert_eq!(ascii_without_seam_candidate(b), ascii_without_seam_candidate_by_pairs(b), "{tok:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_token_scans_for_seams_as_the_pairwise_scan(tok in "[aZ,.;?!1 \u{e9}-]{0,8}") {
            proptest::prop_assert_eq!(ascii_without_seam_candidate(tok.as_bytes()), ascii_without_seam_candidate_by_pairs(tok.as_bytes()));
        }
    }

    use super::*;

    /// `text` greedily wrapped at `width` columns, its line breaks then deleted.
    pub(in crate::clean) fn wrapped_and_glued(text: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = 0;
        for word in text.split(' ') {
            let len = word.chars().count();
            if line > 0 && line + 1 + len > width {
                line = 0;
            } else if line > 0 {
                out.push(' ');
                line += 1;
            }
            out.push_str(word);
            line += len;
        }
        out
    }

    #[test]
    fn an_own_chain_is_recalled_only_where_its_counts_and_quotes_stand() {
        let line = "Reporters waited until Kwazulski said that the committee had not decided.";
        let chain = Some(Chain { score: 30.0, splits: vec![22], min_gain: 2.0 });
        let facts = LineFacts { own: Some((QuoteContext::default(), chain.clone())), ..LineFacts::default() };
        let quotes = QuoteContext::default();
        assert_eq!(facts.own_chain(line, quotes, Some(&[])), Some(chain.clone()));
        assert_eq!(facts.own_chain(line, quotes, Some(&["Geneva", "theKwazulski"])), Some(chain), "no changed core in the line");
        assert_eq!(facts.own_chain(line, quotes, Some(&["Geneva", "Kwazulski"])), None, "a piece's count changed");
        assert_eq!(facts.own_chain(line, quotes, Some(&["porter"])), None, "inside a token is a piece too");
        assert_eq!(facts.own_chain(line, quotes, None), None, "counted afresh");
        assert_eq!(facts.own_chain(line, QuoteContext { continues: true, reopens: false }, Some(&[])), None, "another quote context");
        assert_eq!(LineFacts::default().own_chain(line, quotes, Some(&[])), None, "never asked");
    }

    #[test]
    fn the_refutation_never_changes_a_paragraphs_own_width() {
        let prose = [
            "The council said on Tuesday that the plan to rebuild the harbour would go ahead despite objections from residents, who argued that the cost had doubled since the first estimate and that nobody had asked them.",
            "Officials in Brussels and Washington met again yesterday, but Ms Okonkwo-Brandt told reporters that the talks on tariffs, steel quotas and the disputed pipeline had made little progress before the summit in Vilnius.",
            "\"We will not accept this,\" said Dr Haraldsson, whose institute in Reykjavik has studied the glacier for decades; the ministry replied that the figures were preliminary and would be revised in the spring.",
            "Tomasz Wierzbicki, Anneliese Schoenberger and Kwame Mensah-Bonsu signed the letter, as did Ngozi Adeyemi-Clarke and Siobhan MacGillivray, who chairs the Aldermaston committee on Thameside redevelopment.",
        ];
        let (mut chains, mut refuted) = (0, 0);
        for text in prose {
            let mut variants = vec![text.to_string()];
            variants.extend([40, 52, 67, 80, 100].map(|w| wrapped_and_glued(text, w)));
            for v in &variants {
                let cache = DocCache::new(v);
                let p = Paragraph::with_cache(v, &cache, QuoteContext::default());
                let q = Paragraph::with_cache(v, &cache, QuoteContext::default());
                let fast = own_width_chain(&p);
                assert_eq!(fast, every_width_chain(&q), "{v}");
                chains += fast.is_some() as usize;
                refuted += !p.every_line_could_gain(*WIDTHS.end()) as usize;
            }
        }
        // both outcomes are covered: glued paragraphs get their chain, undamaged ones are refuted
        assert!(chains >= 12 && refuted >= 3, "{chains} chains, {refuted} refuted");
    }
}
