//! Wrap geometry: finds where a paragraph was hard-wrapped at some width and its line breaks
//! deleted without a space (`scheduledin`, `program,rejecting`).
//!
//! A paragraph greedily wrapped at width `W` whose newlines were then deleted has a precise
//! shape: a line starting at character `c0` ends at a break `e <= c0 + W` inside the token that
//! covers column `c0 + W`, and the next line starts at `e`. [`Paragraph::best_chain`] runs a
//! beam Viterbi over line starts for one width; the split inside each straddling token is
//! chosen by the unigram model's gain (`ln P(left) + ln P(right) - ln P(token)`). A `slack`
//! window lets a line end early after `, . ; : ! ?` (wrappers that prefer breaking after
//! punctuation). Everything is in characters; gains are computed once per paragraph, so each
//! width costs a few array reads per line: linear in the paragraph length.

use super::lexicon::{bigram_bonus, bigram_first, bigram_of, bigram_second, is_known_piece, word_score};
use std::cell::{OnceCell, RefCell};
use crate::text::{SliceWords, WordSpans};

/// Paragraph: its text, and the per-character tables of [`Geometry`], built the first time a
/// hypothesis or a suggestion needs them (most lines of a paste need neither: they are not
/// sampled, do not look glued, and hold no unknown token).
pub struct Paragraph<'a> {
    text: &'a str,
    chars: usize,
    cache: Option<&'a super::cache::DocCache<'a>>,
    quotes: QuoteContext,
    geometry: OnceCell<Geometry<'a>>,
    /// Per token (in text order): `UNASKED`, or whether the lexicon knows it (see
    /// [`Self::is_known_token`]).
    known: RefCell<Vec<u8>>,
    /// Its words as byte ranges of the article and the paragraph's offset in it, when the
    /// article's words were read once ([`Paragraph::with_words`]); else they are read here.
    words: Option<(&'a [(u32, u32)], usize)>,
    /// The index of its first word among the article's words, when they were given.
    first_word: Option<usize>,
}

/// A paragraph's characters, byte offsets, tokens, punctuation seams, and (computed lazily, per
/// token, the first time a hypothesis needs it) the split gain at every character.
struct Geometry<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// Byte offset of each char index, plus the text length at the end.
    bytes: Vec<usize>,
    /// `token_at[x]`: the token `t` with `start < x <= end`, or `NONE`.
    token_at: Vec<u32>,
    tokens: Vec<(usize, usize)>,
    /// Straight double quotes that open a quotation (see [`quote_openings`]).
    opening: Vec<bool>,
    /// A split at `x` follows `, . ; :` (candidates for early, non-greedy breaks).
    punct_seam: Vec<bool>,
    /// `next_seam[x]`: the first punctuation seam at or after `x` (`u32::MAX` if none).
    next_seam: Vec<u32>,
    /// `last_space[x]`: the last whitespace char at or before `x` (`NONE` if none).
    last_space: Vec<u32>,
    /// `last_pspace[x]`: the last whitespace char before `x` that follows `, . : ;` (`NONE`).
    last_pspace: Vec<u32>,
    lazy: RefCell<Gains>,
    /// The article's own word counts (none in unit tests of the geometry alone).
    cache: Option<&'a super::cache::DocCache<'a>>,
    /// The Viterbi's buffers (states, layer starts, next layer), kept between hypotheses.
    scratch: RefCell<(Vec<State>, Vec<usize>, Vec<State>)>,
}

/// Split gains, filled token by token on first use.
struct Gains {
    done: Vec<bool>,
    /// Gain of inserting a space before char `x` (NEG_INFINITY where never computed/allowed).
    gain: Vec<f32>,
    /// Per token, its best split positions, best first.
    cands: Vec<[u32; MAX_CANDIDATES]>,
    cand_len: Vec<u8>,
}

const NONE: u32 = u32::MAX;
const UNASKED: u8 = 2;
/// Beam width of the Viterbi (states kept per line).
const BEAM: usize = 5;
/// A hypothesis whose best state falls below this total gain is abandoned.
const ABANDON_BELOW: f32 = -20.0;
/// Candidates within this many nats of a token's best are re-scored with bigram context.
const BIGRAM_RESCORE_WINDOW: f32 = 8.0;
/// Split positions kept per token, and the least gain a kept one needs.
const MAX_CANDIDATES: usize = 8;
const MIN_CANDIDATE_GAIN: f32 = -30.0;
/// Cost of breaking a line early after punctuation instead of greedily.
const SLACK_COST: f32 = 1.0;
/// Tokens longer than this (characters) are never split: scoring every split of a token reads
/// the whole token, so an unbounded token (a pasted blob without spaces) would be quadratic.
const MAX_SPLIT_TOKEN: usize = 48;
/// Extra cost of splitting a frequent word (see [`frequent_word`]).
const FREQUENT_WORD_COST: f32 = -6.0;
/// Extra cost of splitting a name of three capitalised words or more (see [`camel_name`]).
const CAMEL_NAME_COST: f32 = -12.0;
/// Bonus for a split between a lower-case letter and an upper-case one (`theMiddle`).
const CAMEL_BONUS: f32 = 2.0;
/// Bonus for a split after a token's leading dash (`-including`).
const DASH_BONUS: f32 = 6.0;
/// Bonus for a split after punctuation before a letter (`program,rejecting`).
const PUNCT_BONUS: f32 = 2.0;

/// A token's split gains before the bigram context (every split, from its second char on) and
/// its best few candidates (char offsets in the token), best first.
pub(super) struct RawGains {
    gains: Box<[f32]>,
    best: [(f32, u32); MAX_CANDIDATES],
}

/// A token's kept candidates (`best`: gain and char offset in the token, best first, unused
/// slots at negative infinity) re-scored with the bigram context of its neighbours' text
/// (`prev`, `next`; `""` at a paragraph's ends), best first again; returns how many there are.
/// `byte_at(x)`: the byte offset in `whole` of the token's char `x`.
fn rescore_in_context(best: &mut [(f32, u32); MAX_CANDIDATES], whole: &str, prev: &str, next: &str, byte_at: impl Fn(usize) -> usize) -> usize {
    let k = best.iter().take_while(|b| b.0 > f32::NEG_INFINITY).count();
    // bigram context re-scores only the kept candidates (it is the costlier lookup)
    if k > 0 {
        // (the neighbours' words read once; a piece beside one that is in no bigram is not read)
        let (prev, next) = (bigram_first(prev), bigram_second(next));
        let after_prev = |piece: &str| if prev.is_some() { bigram_of(prev, bigram_second(piece)) } else { 0.0 };
        let before_next = |piece: &str| if next.is_some() { bigram_of(bigram_first(piece), next) } else { 0.0 };
        let context_whole = after_prev(whole) + before_next(whole);
        let top = best[0].0;
        for b in best[..k].iter_mut().filter(|b| b.0 > top - BIGRAM_RESCORE_WINDOW) {
            let (left, right) = whole.split_at(byte_at(b.1 as usize));
            b.0 += after_prev(left) + bigram_bonus(left, right) + before_next(right) - context_whole;
        }
        crate::sort::small_sort_by(&mut best[..k], |a, b| b.0.total_cmp(&a.0));
    }
    k
}

/// One hypothesis's result: total gain, the chosen split positions (byte offsets) and the
/// number of line breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub score: f32,
    pub splits: Vec<usize>,
    pub min_gain: f32,
}

impl<'a> Paragraph<'a> {
    #[cfg(test)]
    pub fn new(text: &'a str) -> Paragraph<'a> {
        Paragraph::build(text, None, QuoteContext::default())
    }

    /// A paragraph whose split gains also use the article's own words, its quotes read in
    /// `quotes` context.
    pub fn with_cache(text: &'a str, cache: &'a super::cache::DocCache<'a>, quotes: QuoteContext) -> Paragraph<'a> {
        Paragraph::build(text, Some(cache), quotes)
    }

    fn build(text: &'a str, cache: Option<&'a super::cache::DocCache<'a>>, quotes: QuoteContext) -> Paragraph<'a> {
        Paragraph { text, chars: text.chars().count(), cache, quotes, geometry: OnceCell::new(), known: RefCell::default(), words: None, first_word: None }
    }

    /// This paragraph, which starts at byte `offset` of the article, its words taken from
    /// `spans` (the article's, if they were read once; `None`: read from its text).
    pub fn with_words(mut self, spans: Option<&'a WordSpans>, offset: usize) -> Paragraph<'a> {
        if let Some((first, words)) = spans.map(|w| w.within_from(offset, offset + self.text.len())) {
            (self.words, self.first_word) = (Some((words, offset)), Some(first));
        }
        self
    }

    fn tokens(&self) -> SliceWords<'a> {
        SliceWords::new(self.text, self.words)
    }

    fn geometry(&self) -> &Geometry<'a> {
        self.geometry.get_or_init(|| Geometry::build(self.text, self.cache, self.quotes))
    }

    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// The quote context the paragraph was read in.
    pub fn quotes(&self) -> QuoteContext {
        self.quotes
    }

    /// Whether the lexicon knows token `t` (`token`, the `t`-th run of non-whitespace) as it
    /// stands ([`is_known_piece`]): both the glued-paragraph test and the suggestions ask it.
    /// Asked once per distinct core of the article when the paragraph was given the article's
    /// words and the cache their ids (the first pass), else once per token of the paragraph.
    fn is_known_token(&self, t: usize, token: &str) -> bool {
        // once per distinct core of the article, when its words were counted with their ids
        if let Some(known) = self.first_word.zip(self.cache).and_then(|(first, c)| c.known_word(first + t, token)) {
            return known;
        }
        let mut known = self.known.borrow_mut();
        if known.len() <= t {
            // (room for every word at once when they are given; else grown by doubling: tokens
            // are asked in order, and one `resize` per token was a call of its own in the
            // size-optimised wasm)
            let words = self.words.map_or(0, |(w, _)| w.len());
            known.resize(words.max((t + 1).next_power_of_two().max(32)), UNASKED);
        }
        if known[t] == UNASKED {
            known[t] = is_known_piece(token) as u8;
        }
        known[t] == 1
    }

    /// Tokens of at least `min_bytes` bytes the lexicon does not know, counted up to `limit`
    /// (read from the text: no per-character table is built).
    pub fn unknown_tokens_up_to(&self, min_bytes: usize, limit: usize) -> usize {
        self.tokens().enumerate().filter(|&(t, (s, e))| e - s >= min_bytes && !self.is_known_token(t, &self.text[s..e])).take(limit).count()
    }

    /// For every token the lexicon does not know, its best split if that gains at least
    /// `min_gain`: (byte offset in the paragraph, gain). Used for suggestions where no geometry
    /// fits: the split scoring stays with the few tokens that look glued.
    pub fn best_splits(&self, min_gain: f32) -> Vec<(usize, f32)> {
        let tokens: Vec<(usize, usize)> = self.tokens().collect();
        let mut out = Vec::new();
        for (t, &(s, e)) in tokens.iter().enumerate() {
            // only a token of 4 chars or more the lexicon does not know is scored (and not a
            // web address: asked last, of the few unknown tokens)
            let tok = &self.text[s..e];
            if tok.len() < 4 || tok.chars().nth(3).is_none() || self.is_known_token(t, tok) || protected(tok) {
                continue;
            }
            let best = if tok.contains('"') {
                // a straight double quote's direction is read from the whole paragraph
                self.geometry().best_split(t)
            } else if let Some(kept) = self.kept_best_split(t, &tokens) {
                kept
            } else {
                // everything else a split's gain reads lies between the neighbouring tokens
                // (their text, for the bigram context; the chars beside the token): score the
                // token in that window, not the paragraph's per-character tables
                let from = if t > 0 { tokens[t - 1].0 } else { s };
                let to = tokens.get(t + 1).map_or(e, |n| n.1);
                let window = Geometry::build(&self.text[from..to], self.cache, self.quotes);
                window.best_split((t > 0) as usize).map(|(b, g)| (from + b, g))
            };
            out.extend(best.filter(|&(_, g)| g >= min_gain));
        }
        out
    }

    /// Token `t`'s best split, as [`Self::best_splits`] scores it, from the split gains the
    /// article kept for its text and its neighbours' text: no window geometry is built. `None`
    /// when no gains are kept for it (only a token that passed [`Geometry::ensure`]'s length
    /// and code tests is kept, so a kept one needs no test again). (Not inlined: 0.1 KB
    /// smaller gzipped, as many instructions.)
    #[inline(never)]
    fn kept_best_split(&self, t: usize, tokens: &[(usize, usize)]) -> Option<Option<(usize, f32)>> {
        let memo = self.cache?.split_gains.as_ref()?.borrow();
        let (s, e) = tokens[t];
        let whole = &self.text[s..e];
        let raw = memo.get(whole)?;
        let token = |i: usize| tokens.get(i).map_or("", |&(a, b)| &self.text[a..b]);
        let prev = if t > 0 { token(t - 1) } else { "" };
        let byte_at = |x: usize| whole.char_indices().nth(x).map_or(whole.len(), |(i, _)| i);
        let mut best = raw.best;
        let k = rescore_in_context(&mut best, whole, prev, token(t + 1), byte_at);
        Some((k > 0).then(|| (s + byte_at(best[0].1 as usize), best[0].0)))
    }

    /// Best chain of line breaks for width `w` (characters), or `None` if the geometry does not
    /// fit (or the paragraph fits on one line). `slack` > 0 allows early breaks after punctuation
    /// within the last `slack` columns.
    pub fn best_chain(&self, w: usize, slack: usize) -> Option<Chain> {
        self.best_chain_with_beam(w, slack, BEAM)
    }

    /// [`Self::best_chain`] with `beam` states kept per line (a narrow beam ranks widths cheaply).
    pub fn best_chain_with_beam(&self, w: usize, slack: usize, beam: usize) -> Option<Chain> {
        self.chain_up_to(w, slack, beam, usize::MAX)
    }

    /// Score of the best chain over the lines that start before char `limit` only: ranking
    /// widths needs a few lines, not the whole paragraph.
    pub fn prefix_score(&self, w: usize, slack: usize, beam: usize, limit: usize) -> Option<f32> {
        self.chain_up_to(w, slack, beam, limit).map(|c| c.score)
    }

    /// Whether some chain at a width up to `max_width` could gain at every break. Its breaks
    /// are at most `max_width` chars apart (and from both ends), each where a split gains, so
    /// the gaining split positions must be too, and there must be two of them. Tokens are read
    /// from the start, their gains computed on the way: an undamaged paragraph is refuted at its
    /// first line without a gaining split, before the rest of its gains are computed.
    pub fn every_line_could_gain(&self, max_width: usize) -> bool {
        if self.chars <= max_width {
            return false;
        }
        self.geometry().gaining_splits_span(max_width)
    }

    /// [`Geometry::chain_up_to`], for a paragraph longer than one line of `w` chars (a shorter
    /// one has no chain, and its tables are not built).
    fn chain_up_to(&self, w: usize, slack: usize, beam: usize, limit: usize) -> Option<Chain> {
        if self.chars <= w {
            return None;
        }
        self.geometry().chain_up_to(w, slack, beam, limit)
    }
}

impl<'a> Geometry<'a> {
    /// Every per-character table in one forward pass (characters, byte offsets, tokens, last
    /// spaces, punctuation seams) and one backward pass (next seam): this runs on every line of
    /// every paste, damaged or not.
    fn build(text: &'a str, cache: Option<&'a super::cache::DocCache<'a>>, quotes: QuoteContext) -> Geometry<'a> {
        let n = text.chars().count();
        let mut chars = Vec::with_capacity(n);
        let mut bytes = Vec::with_capacity(n + 1);
        let mut tokens = Vec::new();
        let mut token_at = vec![NONE; n + 1];
        let mut punct_seam = vec![false; n + 1];
        let mut last_space = vec![NONE; n + 1];
        let mut last_pspace = vec![NONE; n + 1];
        let (mut ls, mut lp) = (NONE, NONE);
        let mut start: Option<usize> = None;
        for (x, (b, c)) in text.char_indices().enumerate() {
            chars.push(c);
            bytes.push(b);
            // last_pspace[x] looks strictly before x
            last_pspace[x] = lp;
            if c.is_whitespace() {
                ls = x as u32;
                if x > 0 && is_break_punct(chars[x - 1]) {
                    lp = x as u32;
                }
                if let Some(s) = start.take() {
                    close_token(&mut tokens, &mut token_at, s, x);
                }
            } else {
                match start {
                    None => start = Some(x),
                    // `, . ; :` glued to what follows inside a token (not in `3.5`, `1,000`)
                    Some(s) if x >= s + 2 && is_break_punct(chars[x - 1]) && !(chars[x - 2].is_ascii_digit() && c.is_ascii_digit()) => punct_seam[x] = true,
                    Some(_) => {}
                }
            }
            last_space[x] = ls;
        }
        bytes.push(text.len());
        last_pspace[n] = lp;
        last_space[n] = ls;
        if let Some(s) = start {
            close_token(&mut tokens, &mut token_at, s, n);
        }
        let mut next_seam = vec![u32::MAX; n + 1];
        for x in (0..n).rev() {
            next_seam[x] = if punct_seam[x] { x as u32 } else { next_seam[x + 1] };
        }
        let nt = tokens.len();
        let opening = quote_openings(&chars, quotes);
        let lazy = RefCell::new(Gains { done: vec![false; nt], gain: vec![f32::NEG_INFINITY; n + 1], cands: vec![[0; MAX_CANDIDATES]; nt], cand_len: vec![0; nt] });
        Geometry { text, chars, bytes, token_at, tokens, opening, punct_seam, next_seam, last_space, last_pspace, lazy, cache, scratch: RefCell::default() }
    }

    /// ln P of a piece of a token (whose core is `whole_core`) as a word: the lexicon's, mixed
    /// with the article's own counts, except for the whole token and a piece with its core
    /// (`avoidinsolvency` of `avoidinsolvency.`): see `cache.rs`.
    fn score(&self, piece: &str, whole_core: &str) -> f32 {
        let base = word_score(piece);
        self.cache.map_or(base, |c| {
            let core = super::lexicon::word_core(piece);
            if core == whole_core {
                base
            } else {
                c.mix_core(core, base)
            }
        })
    }

    fn char_len(&self) -> usize {
        self.bytes.len() - 1
    }

    fn slice(&self, a: usize, b: usize) -> &'a str {
        self.text.get(self.bytes[a]..self.bytes[b]).unwrap_or("")
    }

    /// Computes token `t`'s split gains and best candidates, once.
    fn ensure(&self, t: usize) {
        let mut lazy = self.lazy.borrow_mut();
        if lazy.done[t] {
            return;
        }
        lazy.done[t] = true;
        let (s, e) = self.tokens[t];
        if e - s < 2 || e - s > MAX_SPLIT_TOKEN || super::joins::code_like(self.slice(s, e)) {
            return;
        }
        let whole_text = self.slice(s, e);
        // a token's gains before the bigram context read only its own chars and the article's
        // counts (a straight double quote also reads the paragraph's quotes): one computation
        // per distinct token of the pass
        let (mut kept, fresh);
        let raw = match self.cache.and_then(|c| c.split_gains.as_ref()).filter(|_| !whole_text.contains('"')) {
            Some(memo) => {
                kept = memo.borrow_mut();
                &*kept.entry(whole_text).or_insert_with(|| self.raw_gains(s, e))
            }
            None => {
                fresh = self.raw_gains(s, e);
                &fresh
            }
        };
        lazy.gain[s + 1..e].copy_from_slice(&raw.gains);
        // neighbouring tokens, for the bigram context of each piece
        let prev_tok = if t > 0 { self.slice(self.tokens[t - 1].0, self.tokens[t - 1].1) } else { "" };
        let next_tok = self.tokens.get(t + 1).map_or("", |&(a, b)| self.slice(a, b));
        let mut best = raw.best;
        let k = rescore_in_context(&mut best, whole_text, prev_tok, next_tok, |x| self.bytes[s + x] - self.bytes[s]);
        let lazy = &mut *lazy;
        // (a candidate the bigrams did not re-score has its raw gain there already)
        for (slot, b) in lazy.cands[t].iter_mut().zip(&best[..k]) {
            *slot = b.1 + s as u32;
            lazy.gain[*slot as usize] = b.0;
        }
        lazy.cand_len[t] = k as u8;
    }

    /// The gains of every split of the token `s..e` (chars) before the bigram context, and its
    /// best few candidates (offsets from `s`), best first.
    fn raw_gains(&self, s: usize, e: usize) -> RawGains {
        let chars = &self.chars;
        let web = protected(self.slice(s, e));
        let whole_core = super::lexicon::word_core(self.slice(s, e));
        let guard = if web {
            -12.0
        } else if frequent_word(self.slice(s, e)) {
            FREQUENT_WORD_COST
        } else if camel_name(whole_core) {
            CAMEL_NAME_COST
        } else {
            0.0
        };
        let whole = self.score(self.slice(s, e), whole_core);
        let mut gains = vec![f32::NEG_INFINITY; e - s - 1];
        let mut best: [(f32, u32); MAX_CANDIDATES] = [(f32::NEG_INFINITY, 0); MAX_CANDIDATES];
        for x in s + 1..e {
            if web && inside_web_name(chars, s, x) {
                continue;
            }
            let (left, right) = (self.slice(s, x), self.slice(x, e));
            let mut g = self.score(left, whole_core) + self.score(right, whole_core) - whole;
            g += guard + split_penalty(chars, &self.opening, s, x);
            let (prev, next) = (chars[x - 1], chars[x]);
            if prev.is_lowercase() && next.is_uppercase() {
                g += CAMEL_BONUS;
            }
            // `-including`: a spaced dash that ended a line, glued to the next line's word
            if x == s + 1 && matches!(prev, '-' | '–' | '—') && next.is_alphanumeric() {
                g += DASH_BONUS;
            }
            if self.punct_seam[x] && chars[x - 2].is_alphanumeric() && next.is_alphabetic() {
                g += PUNCT_BONUS;
            }
            gains[x - s - 1] = g;
            // keep the best few, best first (insertion into a tiny sorted array)
            if g > MIN_CANDIDATE_GAIN && g > best[MAX_CANDIDATES - 1].0 {
                let mut i = MAX_CANDIDATES - 1;
                while i > 0 && best[i - 1].0 < g {
                    best[i] = best[i - 1];
                    i -= 1;
                }
                best[i] = (g, (x - s) as u32);
            }
        }
        RawGains { gains: gains.into_boxed_slice(), best }
    }

    /// Token `t`'s best split, if it has one: (byte offset, gain).
    fn best_split(&self, t: usize) -> Option<(usize, f32)> {
        self.ensure(t);
        let lazy = self.lazy.borrow();
        (lazy.cand_len[t] > 0).then(|| {
            let x = lazy.cands[t][0] as usize;
            (self.bytes[x], lazy.gain[x])
        })
    }

    /// Gain of a split before char `x` (inside a token).
    fn gain_at(&self, x: usize) -> f32 {
        let t = self.token_at[x];
        if t == NONE {
            return f32::NEG_INFINITY;
        }
        self.ensure(t as usize);
        self.lazy.borrow().gain[x]
    }

    /// See [`Paragraph::every_line_could_gain`]. A break's gain is `gain[x]` (less a cost for an
    /// early break) at its char `x`: the positions with `gain[x] > 0` bound every such chain.
    fn gaining_splits_span(&self, max_width: usize) -> bool {
        let (mut last, mut count) = (0, 0);
        for (t, &(s, e)) in self.tokens.iter().enumerate() {
            // every split of this token is past the reach of the last gaining one
            if s + 1 > last + max_width {
                return false;
            }
            self.ensure(t);
            let lazy = self.lazy.borrow();
            for x in (s + 1..=e).filter(|&x| lazy.gain[x] > 0.0) {
                if x - last > max_width {
                    return false;
                }
                (last, count) = (x, count + 1);
            }
        }
        count >= 2 && self.char_len() - last <= max_width
    }

    /// (Called by [`Paragraph::chain_up_to`] only, for paragraphs longer than `w` chars.)
    fn chain_up_to(&self, w: usize, slack: usize, beam: usize, limit: usize) -> Option<Chain> {
        let n = self.char_len();
        // all layers' states, flat; `layer_start[k]` = index of layer k's first state; the
        // buffers are reused across hypotheses (ranking runs 122 of them on a paragraph)
        let (mut states, mut layer_start, mut next) = std::mem::take(&mut *self.scratch.borrow_mut());
        states.clear();
        layer_start.clear();
        states.push(State { c0: 0, score: 0.0, parent: 0, min_gain: f32::INFINITY });
        layer_start.push(0usize);
        let mut best: Option<usize> = None;
        loop {
            let (lo, hi) = (layer_start[layer_start.len() - 1], states.len());
            next.clear();
            for si in lo..hi {
                let st = states[si];
                if n - st.c0 <= w {
                    if best.is_none_or(|b| st.score > states[b].score) {
                        best = Some(si);
                    }
                    // exactly `w` left: it may be the last line, or a line of `w - 1` plus a
                    // glued word (the deleted space made the rest look one column shorter)
                    if n - st.c0 < w {
                        continue;
                    }
                }
                self.extend(st.c0, w, slack, |e, g| {
                    push_state(&mut next, State { c0: e, score: st.score + g, parent: si, min_gain: st.min_gain.min(g) })
                });
            }
            next.sort_unstable_by(|a, b| b.score.total_cmp(&a.score));
            // a hopeless hypothesis (a wrong width loses on every line) stops early
            if next.first().is_none_or(|b| b.score < ABANDON_BELOW) {
                break;
            }
            next.truncate(beam);
            layer_start.push(states.len());
            states.extend_from_slice(&next);
            if next.iter().all(|st| st.c0 >= limit) {
                // the prefix is scored: its best state ends the chain
                let last = layer_start[layer_start.len() - 1];
                for si in last..states.len() {
                    if best.is_none_or(|b| states[si].score > states[b].score) {
                        best = Some(si);
                    }
                }
                break;
            }
        }
        let chain = best.map(|b| {
            let (score, min_gain) = (states[b].score, states[b].min_gain);
            let mut splits = Vec::new();
            let mut si = b;
            while si != 0 {
                splits.push(self.bytes[states[si].c0]);
                si = states[si].parent;
            }
            splits.reverse();
            Chain { score, splits, min_gain }
        });
        *self.scratch.borrow_mut() = (states, layer_start, next);
        chain
    }

    /// Candidate breaks of the line starting at `c0`: `f(break char index, gain)`.
    /// `slack == 0`: a greedy wrapper. `slack > 0`: a wrapper that, when a word ending in
    /// `, . : ;` ends within `slack` columns before the greedy line end (and is not the greedy
    /// line's last word), breaks after the last such word instead.
    fn extend(&self, c0: usize, w: usize, slack: usize, mut f: impl FnMut(usize, f32)) {
        let x = c0 + w;
        let t = self.token_at[x];
        if t != NONE {
            let (s, _) = self.tokens[t as usize];
            if s >= c0 {
                let t = t as usize;
                self.ensure(t);
                let (cands, k, gains) = {
                    let lazy = self.lazy.borrow();
                    let c = lazy.cands[t];
                    let k = lazy.cand_len[t] as usize;
                    let mut g = [0f32; MAX_CANDIDATES];
                    for i in 0..k {
                        g[i] = lazy.gain[c[i] as usize];
                    }
                    (c, k, g)
                };
                for (i, &b) in cands[..k].iter().enumerate() {
                    let b = b as usize;
                    // in punctuation mode a greedy break needs no punctuation word end before it
                    let clear = slack == 0 || self.last_pspace[b] == NONE || (self.last_pspace[b] as usize) + slack < b;
                    if b <= x && clear {
                        f(b, gains[i]);
                    }
                }
            }
        }
        if slack == 0 {
            return;
        }
        // early break at a glued punctuation seam `p`: the greedy line then ends at the last
        // space `q` that fits (one column is gained by the deleted space at `p`)
        let q = self.last_space[x - 1];
        if q == NONE || (q as usize) <= c0 {
            return;
        }
        let q = q as usize;
        let lo = (q + 1).saturating_sub(slack).max(c0 + 1);
        let after = match self.last_pspace[q] {
            NONE => lo,
            ps => lo.max(ps as usize + 1),
        };
        let mut p = self.next_seam[after] as usize;
        while p < q {
            f(p, self.gain_at(p) - SLACK_COST);
            p = self.next_seam[p + 1] as usize;
        }
    }
}

/// Token `t` = chars `s..x`: `token_at` marks `s + 1..=x` (the positions a split or a line end
/// inside or right after it can take).
fn close_token(tokens: &mut Vec<(usize, usize)>, token_at: &mut [u32], s: usize, x: usize) {
    let t = tokens.len() as u32;
    for slot in &mut token_at[s + 1..=x] {
        *slot = t;
    }
    tokens.push((s, x));
}

#[derive(Clone, Copy)]
struct State {
    c0: usize,
    score: f32,
    parent: usize,
    min_gain: f32,
}

fn push_state(next: &mut Vec<State>, st: State) {
    if let Some(old) = next.iter_mut().find(|o| o.c0 == st.c0) {
        if st.score > old.score {
            *old = st;
        }
    } else {
        next.push(st);
    }
}

/// For each char: it is a straight `"` that opens a quotation. A quote with a space on one
/// side is unambiguous (`"Yes` opens, `yes" ` closes); a quote glued on both sides (`said."The`)
/// takes its direction from the nearest unambiguous quote before it (or after it): quotes
/// alternate, so an odd distance flips the direction. This survives a paragraph whose
/// quotation continues from the previous one (an unbalanced count).
fn quote_openings(chars: &[char], context: QuoteContext) -> Vec<bool> {
    let quotes: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == '"').collect();
    let mut out = vec![false; chars.len()];
    if quotes.is_empty() {
        return out;
    }
    let sure: Vec<Option<bool>> = quotes.iter().map(|&q| sure_direction(q.checked_sub(1).map(|p| chars[p]), chars.get(q + 1).copied())).collect();
    let mut last: Option<(usize, bool)> = None;
    let mut resolved: Vec<Option<bool>> = vec![None; quotes.len()];
    for k in 0..quotes.len() {
        if let Some(t) = sure[k] {
            last = Some((k, t));
            resolved[k] = Some(t);
        } else if let Some((j, t)) = last {
            resolved[k] = Some(if (k - j) % 2 == 0 { t } else { !t });
        }
    }
    let mut next: Option<(usize, bool)> = None;
    for k in (0..quotes.len()).rev() {
        if let Some(t) = sure[k] {
            next = Some((k, t));
        } else if resolved[k].is_none() {
            resolved[k] = Some(match next {
                Some((j, t)) => if (j - k) % 2 == 0 { t } else { !t },
                None => k % 2 == 0,
            });
        }
    }
    for (k, &q) in quotes.iter().enumerate() {
        out[q] = resolved[k].unwrap_or(k % 2 == 0);
    }
    // A quote glued between a sentence end and a capital (`impressed."Less`, `said."The`) takes
    // its direction from the nearest unambiguous quotes around it (see [`glued_quote_opens`]),
    // left to right: the one before may be such a quote, already decided.
    let mut known = sure.clone();
    for (k, &q) in quotes.iter().enumerate() {
        let glued_after_sentence = q > 0 && matches!(chars[q - 1], '.' | '!' | '?') && chars.get(q + 1).is_some_and(|c| c.is_uppercase());
        if glued_after_sentence && sure[k].is_none() {
            let next = (k + 1..quotes.len()).find_map(|j| sure[j].map(|opens| (opens, quotes[j])));
            let prev = known[..k].iter().rev().find_map(|s| *s);
            out[q] = glued_quote_opens(chars, next, prev, context);
            known[k] = Some(out[q]);
        }
    }
    out
}

/// What a paragraph's quotes depend on outside it.
#[derive(Clone, Copy, Default, Debug, PartialEq)]
pub struct QuoteContext {
    /// The next paragraph opens with a quote: a quotation running on, left open here.
    pub continues: bool,
    /// The article reopens a quotation at each quoted sentence without closing the last
    /// (`"We won. "We will win again."`), a house style (see [`reopens_quotes`]).
    pub reopens: bool,
}

/// Whether a straight double quote between `prev` and `next` (`None`: the line's edge) surely
/// opens (`Some(true)`: `"Yes`, `("Yes`, `said:"Yes`) or closes (`Some(false)`: `yes" `), or
/// cannot be told from its neighbours (`None`: glued on both sides, or alone).
fn sure_direction(prev: Option<char>, next: Option<char>) -> Option<bool> {
    let before = prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '['));
    let after = next.is_none_or(char::is_whitespace);
    match (before, after) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        // `said:"The` (a colon introduces a quotation)
        (false, false) if prev == Some(':') => Some(true),
        _ => None,
    }
}

/// Direction of a straight quote glued between a sentence end and a capital (`said."The`),
/// from the nearest unambiguous quote after it (`next`: opens?, position) and the nearest
/// unambiguous or already decided one before it (`prev`: opens?). A closing quote after it
/// means this one opens. Otherwise, inside an open quotation it closes (`impressed."Less
/// impressed were ...`), unless the article reopens its quotes and what follows is a new quoted
/// sentence (`. "` next, or the quotation runs on into the next paragraph). Outside a quotation
/// it opens. On news with straight quotes (PolNeAR train and OntoNotes dev, greedy wraps at
/// five widths: 386 glued quotes; a Python re-implementation of this rule) it is right 98.7 %
/// of the time; the rule it replaced (opens when any quote follows) 88.3 %.
fn glued_quote_opens(chars: &[char], next: Option<(bool, usize)>, prev: Option<bool>, context: QuoteContext) -> bool {
    match (next, prev) {
        (Some((false, _)), _) => true,
        (next, Some(true)) => {
            let new_sentence = match next {
                Some((_, j)) => j >= 2 && matches!(chars[j - 2], '.' | '!' | '?'),
                None => context.continues,
            };
            context.reopens && new_sentence
        }
        _ => true,
    }
}

/// The article reopens quotations without closing them: somewhere a quote that surely opens
/// is followed, next in its line, by another that surely opens a new sentence (`. "`).
/// `lines`: the text's ([`super::line_index`]).
pub fn reopens_quotes(text: &str, lines: &[super::Line]) -> bool {
    lines.iter().any(|l| {
        let line = &text[l.start..l.content_end];
        let b = line.as_bytes();
        let mut last_opened = false;
        for (i, _) in line.match_indices('"') {
            let opens = sure_direction(line[..i].chars().next_back(), line[i + 1..].chars().next()) == Some(true);
            if opens && last_opened && i >= 2 && b[i - 1] == b' ' && matches!(b[i - 2], b'.' | b'!' | b'?') {
                return true;
            }
            last_opened = opens;
        }
        false
    })
}

/// Whether the straight quote at `q` opens a quotation: after `:` or a space-like start it
/// opens, after a letter followed by punctuation or `.,!?` it closes, else the paragraph's
/// quote parity decides (single quotes: opens when a letter follows and none precedes).
fn quote_opens(chars: &[char], opening: &[bool], q: usize) -> (bool, f32) {
    const SURE: f32 = -12.0;
    /// Against the news-prose prior only (`."The` opens 3 times in 4, `,"he` closes 11 in 12).
    const PRIOR: f32 = -2.0;
    let prev = if q == 0 { ' ' } else { chars[q - 1] };
    let next = chars.get(q + 1).copied().unwrap_or(' ');
    if chars[q] == '\'' {
        return (!prev.is_alphanumeric() && next.is_alphanumeric(), SURE);
    }
    if prev == ':' || prev.is_whitespace() || prev == '(' {
        return (true, SURE);
    }
    if !next.is_alphanumeric() {
        return (false, SURE);
    }
    if matches!(prev, '.' | '!' | '?') && next.is_uppercase() {
        // direction from the quotes after it (see `quote_openings`), against a soft prior
        return (opening[q], PRIOR);
    }
    if prev == ',' {
        return (false, PRIOR * 2.0);
    }
    (opening[q], SURE)
}

/// The lower-case ASCII letters at the start of `rest` form a known word.
fn known_run(rest: &[char]) -> bool {
    let mut buf = [0u8; 24];
    let mut n = 0;
    for &c in rest.iter().take_while(|c| c.is_ascii_lowercase()) {
        if n == buf.len() {
            return false;
        }
        buf[n] = c as u8;
        n += 1;
    }
    n > 0 && super::lexicon::model().known(&buf[..n]).is_some()
}

fn is_break_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':')
}

/// URLs, emails, hashtags and handles are never split (a split costs, a suggestion is never made).
fn protected(token: &str) -> bool {
    token.bytes().any(|b| matches!(b, b':' | b'@' | b'#' | b'.')) && protected_shape(token)
}

/// In a protected token, `x` falls between a domain's labels or before a file extension
/// (`pic.|twitter`, `twitter.|com`) or inside a handle's name (`@Hillary|Clinton`): dots and
/// camel case there look like seams and are not. (A URL or handle glued to the next line's
/// word still splits where that word starts after its end: `@AppleMusic)|September`.)
fn inside_web_name(chars: &[char], s: usize, x: usize) -> bool {
    let handle_char = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let (prev, next) = (chars[x - 1], chars[x]);
    if prev == '.' && (next.is_ascii_lowercase() || next.is_ascii_digit()) {
        return true;
    }
    if !handle_char(next) {
        return false;
    }
    let mut k = x;
    while k > s && handle_char(chars[k - 1]) {
        k -= 1;
    }
    k < x && k > s && chars[k - 1] == '@'
}

fn protected_shape(token: &str) -> bool {
    use crate::text::contains;
    contains(token, "://") || token.contains('@') || token.starts_with('#') || contains(token, "www.") || contains(token, ".com") || contains(token, ".org")
}

/// A word among the ~2,000 most frequent (`said`, `into`, `another`): a glued pair that spells
/// one is indistinguishable from the word, and the word is far likelier, so splitting it costs
/// [`FREQUENT_WORD_COST`] on top of the unigram loss (only a well-fitting geometry pays it).
fn frequent_word(token: &str) -> bool {
    /// ln P of the rarest word that counts as frequent (bucket 50 of data/clean/word_buckets.txt).
    const FREQUENT_LN_P: f32 = -9.7;
    token.len() <= 24
        && token.bytes().all(|b| b.is_ascii_alphabetic())
        && super::lexicon::model().known(token.to_ascii_lowercase().as_bytes()).is_some_and(|p| p >= FREQUENT_LN_P)
}

/// A token's core (`lexicon::word_core`: punctuation around it aside) that is a name written
/// as three capitalised words or more run together (`RealClearPolitics`, `FiveThirtyEight`): a
/// glued line break makes two such words of one at most, so news names the wrap geometry would
/// split at their capitals.
fn camel_name(core: &str) -> bool {
    let core = core.as_bytes();
    let mut words = 0;
    for (i, &b) in core.iter().enumerate() {
        if !b.is_ascii_alphabetic() {
            return false;
        }
        if b.is_ascii_uppercase() {
            // each capital starts a word of one capital and lower-case letters after it
            if core.get(i + 1).is_none_or(|n| !n.is_ascii_lowercase()) {
                return false;
            }
            words += 1;
        }
    }
    core.first().is_some_and(u8::is_ascii_uppercase) && words >= 3
}

/// A char that belongs to the character before it: a zero-width joiner, a variation selector, a
/// combining mark, a skin-tone modifier. (`👨\u{200d}👩` is one emoji; `e\u{301}` one letter.)
fn extends_previous(c: char) -> bool {
    matches!(c, '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{300}'..='\u{36f}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0020}'..='\u{e007f}')
}

/// Penalty (<= 0, nats) for a line ending before char `x` of the token `s..e`: the wrapper
/// breaks at spaces, so a piece that is a bare fragment of punctuation or a number is unlikely
/// (but never impossible: one odd token must not kill a whole chain). `opening[x]`: the char at
/// `x` is a straight double quote that opens a quotation (even count of quotes before it).
fn split_penalty(chars: &[char], opening: &[bool], s: usize, x: usize) -> f32 {
    const ODD: f32 = -12.0;
    let (prev, next) = (chars[x - 1], chars[x]);
    // never inside one emoji or one accented letter
    if extends_previous(next) || prev == '\u{200d}' {
        return f32::NEG_INFINITY;
    }
    if prev.is_ascii_digit() && next.is_ascii_digit() {
        return ODD;
    }
    if matches!(next, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '%' | '’' | '”' | '/') {
        return ODD;
    }
    // a currency prefix belongs to its sign (`A$4.25`, `US$`, `HK$`)
    if prev.is_uppercase() && matches!(next, '$' | '£' | '€' | '¥') {
        return ODD;
    }
    if matches!(prev, '(' | '[' | '{' | '$' | '£' | '€' | '‘' | '“' | '/' | '#' | '@') {
        return ODD;
    }
    if next == '"' || next == '\'' {
        let (opens, cost) = quote_opens(chars, opening, x);
        return if opens { 0.0 } else { cost };
    }
    if prev == '"' || prev == '\'' && x - 1 == s {
        let (opens, cost) = quote_opens(chars, opening, x - 1);
        return if opens { cost } else { 0.0 };
    }
    if prev == '\'' {
        // `workers'|skills`: a plural possessive ends a word; `O'|Brien` does not
        let plural = x >= s + 3 && matches!(chars[x - 2], 's' | 'S');
        return if !plural && chars.get(x + 1).is_some_and(|c| c.is_alphanumeric()) { -4.0 } else { 0.0 };
    }
    // `theM|PC`, `iP|hone`: a piece never ends in a capital after a lower-case letter
    if prev.is_uppercase() && x >= s + 2 && chars[x - 2].is_lowercase() {
        return ODD;
    }
    // `McLetchie`, `GWPharma`: a capital then a lower-case letter belong together, except after
    // the one-letter words `I` and `A` (`"I|don't`, `A|spokesman`)
    let one_letter_word = matches!(prev, 'I' | 'A') && (x == s + 1 || !chars[x - 2].is_alphanumeric());
    if prev.is_uppercase() && next.is_lowercase() && !one_letter_word {
        // after an acronym a lower-case word may follow (`BBCand`), but the last capital of a
        // run usually starts the next word (`GWPharma` is `GW Pharma`, not `GWP harma`)
        let acronym = x >= s + 2 && chars[x - 2].is_uppercase();
        return if acronym && known_run(&chars[x..]) { 0.0 } else { -5.0 };
    }
    // `13th`, `1990s`
    if prev.is_ascii_digit() && next.is_alphabetic() {
        let rest: String = chars[x..].iter().take_while(|c| c.is_alphabetic()).collect();
        if matches!(rest.as_str(), "th" | "st" | "nd" | "rd" | "s" | "m" | "bn" | "km" | "kg" | "GB" | "MB" | "am" | "pm") {
            return ODD;
        }
    }
    let dash = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}');
    if dash(next) || (dash(prev) && x - 1 > s) {
        return -8.0;
    }
    0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(text: &str, w: usize) -> Vec<String> {
        let p = Paragraph::new(text);
        let c = p.best_chain(w, 0).expect("geometry fits");
        c.splits.iter().map(|&b| text[..b].rsplit(' ').next().unwrap().to_string()).collect()
    }

    #[test]
    fn a_paragraph_given_the_articles_words_reads_them_as_its_own() {
        for line in ["The councilsaid on Tuesday thatthe planwas approved by theMiddle East desk.", "  Spaced\u{a0} wordsglued here ", "", "caf\u{e9}society"] {
            let article = format!("First line.\n{line}\r\nlast");
            let (off, spans) = (12, crate::text::WordSpans::of(&article).unwrap());
            let given = Paragraph::new(&article[off..off + line.len()]).with_words(Some(&spans), off);
            let read = Paragraph::new(line);
            assert_eq!(given.tokens().collect::<Vec<_>>(), read.tokens().collect::<Vec<_>>(), "{line:?}");
            assert_eq!(given.unknown_tokens_up_to(5, 9), read.unknown_tokens_up_to(5, 9), "{line:?}");
            assert_eq!(given.best_splits(0.0), read.best_splits(0.0), "{line:?}");
        }
    }

    /// [`rescore_in_context`] as it read before the neighbours' words were read once: a
    /// [`bigram_bonus`] per pair.
    fn rescore_by_pairs(best: &mut [(f32, u32); MAX_CANDIDATES], whole: &str, prev: &str, next: &str, byte_at: impl Fn(usize) -> usize) -> usize {
        let k = best.iter().take_while(|b| b.0 > f32::NEG_INFINITY).count();
        if k > 0 {
            let context_whole = bigram_bonus(prev, whole) + bigram_bonus(whole, next);
            let top = best[0].0;
            for b in best[..k].iter_mut().filter(|b| b.0 > top - BIGRAM_RESCORE_WINDOW) {
                let (left, right) = whole.split_at(byte_at(b.1 as usize));
                b.0 += bigram_bonus(prev, left) + bigram_bonus(left, right) + bigram_bonus(right, next) - context_whole;
            }
            crate::sort::small_sort_by(&mut best[..k], |a, b| b.0.total_cmp(&a.0));
        }
        k
    }

    #[test]
    fn context_rescoring_reads_each_pair_as_the_bigram_bonus_does() {
        let mut moved = 0;
        let cases = [("in", "thecouncil", "said"), ("of", "theworld.", "The"), ("\u{201c}At", "thesame", "time,"), ("", "ofthe", ""), ("We", "willbe", "able"), ("SAID", "INTHE", "WORLD"), ("(of", "\u{e9}t\u{e9}the", "end)")];
        for (prev, whole, next) in cases {
            let byte_at = |x: usize| whole.char_indices().nth(x).map_or(whole.len(), |(i, _)| i);
            let mut best = [(f32::NEG_INFINITY, 0); MAX_CANDIDATES];
            for (slot, x) in best.iter_mut().zip(1..whole.chars().count()) {
                *slot = (-(x as f32), x as u32);
            }
            let (mut once, mut pairs) = (best, best);
            assert_eq!(rescore_in_context(&mut once, whole, prev, next, byte_at), rescore_by_pairs(&mut pairs, whole, prev, next, byte_at), "{whole}");
            assert_eq!(once.map(|b| (b.0.to_bits(), b.1)), pairs.map(|b| (b.0.to_bits(), b.1)), "{prev} {whole} {next}");
            moved += usize::from(once != best);
        }
        assert!(moved >= 4, "{moved} of {} re-scored", cases.len());
    }

    #[test]
    fn known_tokens_asked_once_per_core_are_the_lexicons_answers() {
        use crate::clean::cache::{Counts, DocCache, NO_CORE};
        let first = "The councilsaid, on Tuesday, that the Council\u{2019}s planwas";
        let article = format!("{first}\napproved \u{2014} by the council. 1,000 e-mails; U.S. council\u{2019}s plan, \"the\" Council");
        let spans = crate::text::WordSpans::of(&article).unwrap();
        let (counts, ids) = Counts::of_words_with_ids(article.len(), spans.texts(&article));
        let cores = ids.iter().filter(|&&id| id != NO_CORE).collect::<std::collections::HashSet<_>>().len();
        let cache = DocCache::with_counts(std::rc::Rc::new(counts)).with_word_ids(ids);
        let mut asked = 0;
        for (off, end) in [(0, first.len()), (first.len() + 1, article.len())] {
            let line = &article[off..end];
            let p = Paragraph::with_cache(line, &cache, QuoteContext::default()).with_words(Some(&spans), off);
            for (t, (s, e)) in p.tokens().enumerate() {
                assert_eq!(p.is_known_token(t, &line[s..e]), super::super::lexicon::is_known_piece(&line[s..e]), "{:?}", &line[s..e]);
                asked += 1;
            }
            // the article's answers, not the paragraph's own memo (which holds only the `—`)
            assert!(p.known.borrow().iter().filter(|&&k| k != UNASKED).count() <= 1);
        }
        assert!(asked > cores, "{asked} words, {cores} cores");
    }

    #[test]
    fn a_suggestion_scored_in_its_window_is_the_one_the_whole_paragraph_gives() {
        for text in [
            "The councilsaid on Tuesday thatthe planwas (approved) by MrSmith's aides,butnot by theMiddle East desk.",
            "wordsglued at the start, a dash-joinedpair and 13thcentury and A$4.25bn; endsglued",
            "O'Brienhas said thatworkers'skills matter: \u{e9}t\u{e9}glued, caf\u{e9}society",
        ] {
            let p = Paragraph::new(text);
            let tokens: Vec<(usize, usize)> = text.split_whitespace().map(|tok| crate::text::offset_in(text, tok)).collect();
            let whole: Vec<(usize, f32)> = (0..tokens.len())
                .filter(|&t| {
                    let tok = &text[tokens[t].0..tokens[t].1];
                    tok.chars().count() >= 4 && !protected(tok) && !is_known_piece(tok)
                })
                .filter_map(|t| p.geometry().best_split(t))
                .filter(|&(_, g)| g >= 0.0)
                .collect();
            assert!(whole.len() >= 3, "{text}: {whole:?}");
            assert_eq!(p.best_splits(0.0), whole, "{text}");
        }
    }

    #[test]
    fn a_suggestion_from_kept_gains_is_the_one_its_window_gives() {
        // each glued token twice, beside other words the second time (its bigram context differs)
        let doc = "The councilsaid thatthe caf\u{e9}society met MrSmith's aides,butnot theMiddle desk, a lotmore.\nLater councilsaid again: caf\u{e9}society thatthe theMiddle aides,butnot MrSmith's a lotmore.";
        let (kept, afresh) = (super::super::cache::DocCache::new(doc), super::super::cache::DocCache::forgetful(doc));
        for (i, line) in doc.lines().enumerate() {
            let (p, q) = (Paragraph::with_cache(line, &kept, QuoteContext::default()), Paragraph::with_cache(line, &afresh, QuoteContext::default()));
            let tokens: Vec<(usize, usize)> = p.tokens().collect();
            let from_kept = (0..tokens.len()).filter(|&t| p.kept_best_split(t, &tokens).is_some()).count();
            // the first line's glued tokens are scored in windows (and kept); the second's are read back
            assert_eq!(from_kept >= 5, i == 1, "{line}: {from_kept}");
            let splits = p.best_splits(0.0);
            assert!(splits.len() >= 5, "{line}: {splits:?}");
            assert_eq!(splits, q.best_splits(0.0), "{line}");
        }
    }

    #[test]
    fn gains_kept_for_a_repeated_token_are_the_ones_computed_afresh() {
        let doc = "The councilsaid it was \"approved\"by theMiddle desk, O'Brienhas said.\nLater the councilsaid that \"approved\"by theMiddle desk was O'Brienhas work.";
        // every token's gains at every char, and its candidates
        type Seen = (Vec<Option<(usize, f32)>>, Vec<f32>, Vec<[u32; MAX_CANDIDATES]>);
        let gains = |p: &Paragraph| -> Seen {
            let g = p.geometry();
            let best = (0..g.tokens.len()).map(|t| g.best_split(t)).collect();
            let lazy = g.lazy.borrow();
            (best, lazy.gain.clone(), lazy.cands.clone())
        };
        let (kept, afresh) = (super::super::cache::DocCache::new(doc), super::super::cache::DocCache::forgetful(doc));
        for line in doc.lines() {
            let (p, q) = (Paragraph::with_cache(line, &kept, QuoteContext::default()), Paragraph::with_cache(line, &afresh, QuoteContext::default()));
            assert!(gains(&p).0.iter().flatten().count() >= 3);
            assert_eq!(gains(&p), gains(&q), "{line}");
        }
        let memo = kept.split_gains.as_ref().unwrap().borrow();
        assert!(memo.contains_key("councilsaid") && memo.contains_key("O'Brienhas"));
        // a token with a straight double quote reads the paragraph's quotes: never kept
        assert!(!memo.keys().any(|k| k.contains('"')));
    }

    #[test]
    fn camel_cased_names_of_three_words_are_names() {
        let camel = |token: &str| camel_name(super::super::lexicon::word_core(token));
        for name in ["RealClearPolitics", "FiveThirtyEight", "\"FiveThirtyEight,", "RealClearPolitics’"] {
            assert!(camel(name), "{name}");
        }
        for other in ["HuffPollster", "MrThiemann", "theMiddleEast", "USAToday", "RealClear2016", "Real", "REALClearPolitics"] {
            assert!(!camel(other), "{other}");
        }
    }

    #[test]
    fn regression_a_line_of_camel_cased_names_is_not_a_wrapped_paragraph() {
        // two such names about one line apart made a chain of their own (`Real ClearPolitics`,
        // `FiveThirty Eight`; found in the PolNeAR benchmark text)
        let line = "Polling averages show Clinton with a lead in the low single digits, with RealClearPolitics showing her ahead 3 points, HuffPollster 4.3 points, and FiveThirtyEight 2.1 points.";
        let mut d = crate::doc::Doc::new(line);
        super::super::clean_stage(&mut d);
        assert_eq!(d.text, line);
    }

    #[test]
    fn recovers_greedy_breaks() {
        // "The quick brown fox jumps over" | "the lazy dog and then it runs" | "away."
        let text = "The quick brown fox jumps overthe lazy dog and then it runsaway.";
        assert_eq!(chain(text, 30), vec!["over", "runs"]);
    }

    #[test]
    fn regression_last_capital_of_a_run_starts_the_next_word() {
        let pen = |tok: &str, x: usize| {
            let chars: Vec<char> = tok.chars().collect();
            split_penalty(&chars, &vec![false; chars.len()], 0, x)
        };
        // `GW|Pharma`, not `GWP|harma`; after an acronym a known word still splits off
        assert!(pen("GWPharma", 3) < pen("GWPharma", 2));
        assert_eq!(pen("BBCand", 3), 0.0);
    }

    #[test]
    fn regression_handles_and_domains_are_not_split() {
        let inside = |tok: &str, x: usize| inside_web_name(&tok.chars().collect::<Vec<_>>(), 0, x);
        assert!(inside("@HillaryClinton", 8)); // @Hillary|Clinton
        assert!(inside("pic.twitter.com/Qw3", 4)); // pic.|twitter
        assert!(inside("pic.twitter.com/Qw3", 12)); // twitter.|com
        assert!(!inside("(@AppleMusic)September", 13)); // the handle has ended
        assert!(!inside("example.com.The", 12)); // a capital after the dot: a sentence
        assert!(!inside("#The411Coming", 7)); // hashtags may be glued to the next line's word
    }

    #[test]
    fn currency_prefixes_stay_with_their_sign() {
        let pen = |tok: &str, x: usize| {
            let chars: Vec<char> = tok.chars().collect();
            split_penalty(&chars, &vec![false; chars.len()], 0, x)
        };
        assert!(pen("A$4.25", 1) < -10.0);
        assert!(pen("US$300", 2) < -10.0);
        // only a capital prefix: `cost$5` (a glued word and an amount) may split
        assert_eq!(pen("cost$5", 4), 0.0);
    }

    fn glued_quote(text: &str, context: QuoteContext) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let q = text.find(".\"").map(|b| text[..b].chars().count() + 1).expect("a glued quote");
        quote_openings(&chars, context)[q]
    }

    #[test]
    fn glued_quote_direction_from_the_quotes_around_it() {
        let plain = QuoteContext::default();
        // a closing quote follows: this one opens
        assert!(glued_quote("He left.\"We won,\" she said.", plain));
        // inside an open quotation, nothing after: it closes
        assert!(!glued_quote("She said: \"We won.\"Critics disagreed.", plain));
        // inside an open quotation, the next opens after `said:`: it closes
        assert!(!glued_quote("She said: \"We won.\"Critics said: \"No.\"", plain));
        // outside a quotation: it opens
        assert!(glued_quote("They won on Sunday.\"It was hard", plain));
        // an article that reopens quotes at each quoted sentence: a new quoted sentence next
        let reopens = QuoteContext { continues: false, reopens: true };
        assert!(glued_quote("\"We won.\"We will win again. \"Next year too", reopens));
        assert!(!glued_quote("\"We won.\"We will win again. \"Next year too", plain));
        // ... or the quotation runs on into the next paragraph
        assert!(glued_quote("\"We won.\"We will win again", QuoteContext { continues: true, reopens: true }));
    }

    #[test]
    fn reopening_style_is_read_from_unambiguous_quotes() {
        let reopens = |text: &str| reopens_quotes(text, &super::super::line_index(text));
        assert!(reopens("He said: \"We won. \"We will win again.\""));
        assert!(!reopens("He said: \"We won.\" She said: \"We lost.\""));
        assert!(!reopens("\"We won.\"We will win. \"Next"));
    }

    #[test]
    fn width_that_does_not_fit_is_rejected() {
        let p = Paragraph::new("one two three four five six seven eight nine ten eleven twelve");
        // column 10 falls on the start of "three": no token straddles it
        assert!(p.best_chain(8, 0).is_none());
    }
}
