//! The article's own words, as a cache language model for the join repair: a glued token's
//! pieces are likelier when the article uses them elsewhere on their own (`Thiemann` in
//! `MrThiemann`, `landlady` in `alandlady`). The lexicon's probability of a piece is mixed with
//! its share of the article's word tokens (tokens with a core: a lone `—` or an invisible
//! char is none): ln(P_lex + MIX * count / tokens). The whole token is not
//! mixed: a paste that repeats a passage repeats its glued tokens too, and they must not turn
//! into words by their own repetition.

use super::lexicon::{portable_exp, portable_ln};
use crate::doc::Edit;
use crate::hash::HashMap;
use super::wrap::RawGains;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

/// Weight of the article's own counts against the lexicon (dev pooled join F1: 0.1 → 0.9936,
/// 0.3 → 0.9941, 1 → 0.9949, 3 → 0.9944; none → 0.9929).
const MIX: f32 = 1.0;

/// Counts of the article's tokens (punctuation and possessives stripped), case kept, with the
/// ln of their cache probability precomputed.
pub struct DocCache<'a> {
    counts: Rc<Counts<'a>>,
    /// Per word of the text (its `WordSpans`), its core's id in `counts` ([`NO_CORE`]: none),
    /// when the counts were read from those words ([`Counts::of_words_with_ids`]); else empty.
    word_ids: Vec<u32>,
    /// Per core id: `UNASKED`, or whether the lexicon knows the core (see [`Self::known_word`]).
    known: RefCell<Vec<u8>>,
    /// Per distinct token, its split gains under these counts (see `wrap::Geometry::ensure`);
    /// `None`: computed afresh every time (a test compares the two).
    pub(super) split_gains: Option<RefCell<HashMap<&'a str, RawGains>>>,
}

/// Per token core, its count and cache probability, and the number of tokens: what a text's
/// cache holds, the same for any text with the same words (see [`Counts::after_edits`]).
pub struct Counts<'a> {
    map: HashMap<&'a str, Entry>,
    tokens: u32,
}

#[derive(Clone, Copy)]
struct Entry {
    count: u32,
    /// ln(MIX * count / tokens).
    ln_p: f32,
    /// The core's index among the distinct cores of the words counted, in order of first
    /// appearance ([`NO_CORE`] for a core a confirming pass counted).
    id: u32,
}

/// The id of a word with no core (a lone `—`), or of a core not counted from a word list.
pub const NO_CORE: u32 = u32::MAX;
/// A core not yet looked up in the lexicon.
const UNASKED: u8 = 2;

/// Counts whose logarithm [`DocCache::new`] takes from a table.
const SMALL_COUNTS: usize = 64;

/// ln of every count below [`SMALL_COUNTS`] (most counts are small), computed once.
fn small_count_lns() -> &'static [f32] {
    static TABLE: OnceLock<Vec<f32>> = OnceLock::new();
    TABLE.get_or_init(|| (0..SMALL_COUNTS).map(|c| portable_ln(c as f32)).collect())
}

/// ln(1 + e^d) for d in [-SOFTPLUS_RANGE, SOFTPLUS_RANGE], SOFTPLUS_STEPS per unit: a table,
/// so mixing costs no exp/ln per piece (and stays identical on every platform).
const SOFTPLUS_RANGE: f32 = 16.0;
const SOFTPLUS_STEPS: f32 = 64.0;

fn softplus_table() -> &'static [f32] {
    static TABLE: OnceLock<Vec<f32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let n = (2.0 * SOFTPLUS_RANGE * SOFTPLUS_STEPS) as usize;
        (0..=n).map(|i| portable_ln(1.0 + portable_exp(i as f32 / SOFTPLUS_STEPS - SOFTPLUS_RANGE))).collect()
    })
}

/// ln(e^a + e^b).
fn log_add(a: f32, b: f32) -> f32 {
    let (hi, lo) = if a >= b { (a, b) } else { (b, a) };
    let d = lo - hi;
    if d < -SOFTPLUS_RANGE || lo == f32::NEG_INFINITY {
        return hi;
    }
    let x = (d + SOFTPLUS_RANGE) * SOFTPLUS_STEPS;
    let i = x as usize;
    let t = softplus_table();
    let frac = x - i as f32;
    let next = t.get(i + 1).copied().unwrap_or(t[i]);
    hi + t[i] + (next - t[i]) * frac
}

impl<'a> Counts<'a> {
    #[cfg(test)]
    pub fn tokens(&self) -> u32 {
        self.tokens
    }

    /// Counts of `text`'s token cores.
    pub fn of(text: &'a str) -> Counts<'a> {
        Counts::of_words(text.len(), crate::text::words(text))
    }

    /// Counts of the cores of `words`, the words of a text of `len` bytes.
    pub fn of_words(len: usize, words: impl Iterator<Item = &'a str>) -> Counts<'a> {
        Counts::of_words_with_ids(len, words).0
    }

    /// [`Self::of_words`], and each word's core id ([`NO_CORE`] for a word without a core):
    /// what [`DocCache::with_word_ids`] reads.
    pub fn of_words_with_ids(len: usize, words: impl Iterator<Item = &'a str>) -> (Counts<'a>, Vec<u32>) {
        // about one distinct token per 12 bytes of news: no rehashing while counting
        let mut map: HashMap<&'a str, Entry> = HashMap::with_capacity_and_hasher(len / 12, Default::default());
        let mut ids = Vec::with_capacity(len / 6);
        let mut tokens = 0u32;
        for tok in words {
            let core = super::lexicon::word_core(tok);
            if core.is_empty() {
                ids.push(NO_CORE);
                continue;
            }
            tokens += 1;
            // `get_mut` first: most words are seen before, and `entry` is a large generic
            // function the size-optimised wasm calls out of line
            let id = match map.get_mut(core) {
                Some(e) => {
                    e.count += 1;
                    e.id
                }
                None => {
                    let id = map.len() as u32;
                    map.insert(core, Entry { count: 1, ln_p: 0.0, id });
                    id
                }
            };
            ids.push(id);
        }
        let ln_scale = ln_scale(tokens);
        for e in map.values_mut() {
            e.ln_p = entry_ln_p(ln_scale, e.count);
        }
        (Counts { map, tokens }, ids)
    }

    /// The counts of `after`, which is `before` (the text these counts were read from) with
    /// `edits` applied, read from the words the edits touch only; and the cores whose counts
    /// changed. `None` when the rounded number of tokens changed (every probability changes
    /// with it) or the edits do not take `before` to `after`: count `after` afresh then.
    pub fn after_edits<'p>(self: &Rc<Self>, before: &'p str, after: &'p str, edits: &[Edit]) -> Option<(Rc<Counts<'p>>, Vec<&'p str>)>
    where
        'a: 'p,
    {
        if !super::compose::replays(before, edits, after) {
            return None;
        }
        // per core, its count's change as a wrapping `usize` (a map type the crate already has)
        let mut delta: HashMap<&'p str, usize> = HashMap::default();
        let mut tokens = 0i64;
        for (b, a) in touched_regions(before, after, edits) {
            for (text, region, sign) in [(before, b, -1isize), (after, a, 1)] {
                for tok in crate::text::words(&text[region.0..region.1]) {
                    let core = super::lexicon::word_core(tok);
                    if !core.is_empty() {
                        tokens += sign as i64;
                        // (`get_mut` first, as in `of`: no `entry` instance in the wasm)
                        match delta.get_mut(core) {
                            Some(d) => *d = d.wrapping_add_signed(sign),
                            None => {
                                delta.insert(core, sign as usize);
                            }
                        }
                    }
                }
            }
        }
        let tokens = u32::try_from(self.tokens as i64 + tokens).ok()?;
        if rounded_tokens(tokens) != rounded_tokens(self.tokens) {
            return None;
        }
        let changed: Vec<&'p str> = delta.iter().filter(|&(_, &d)| d != 0).map(|(&k, _)| k).collect();
        if changed.is_empty() && tokens == self.tokens {
            return Some((Rc::clone(self) as Rc<Counts<'p>>, changed));
        }
        // (the same scale as the first pass's: the rounded totals are equal)
        let ln_scale = ln_scale(tokens);
        let mut map: HashMap<&'p str, Entry> = self.map.clone();
        for &core in &changed {
            let count = map.get(core).map_or(0, |e| e.count as i64) + delta[core] as isize as i64;
            if count <= 0 {
                map.remove(core);
            } else {
                map.insert(core, Entry { count: count as u32, ln_p: entry_ln_p(ln_scale, count as u32), id: NO_CORE });
            }
        }
        Some((Rc::new(Counts { map, tokens }), changed))
    }
}

/// ln(MIX / tokens): the cache probability of a count of one, the count of tokens rounded
/// down to its leading [`SCALE_BITS`] bits (within 1 % of it, 0.01 nats): the few words a
/// confirming pass of cleaning splits or joins rarely change it, so most of the first pass's
/// counts and what they decided stand (see [`Counts::after_edits`]).
fn ln_scale(tokens: u32) -> f32 {
    portable_ln(MIX / rounded_tokens(tokens).max(1) as f32)
}

const SCALE_BITS: u32 = 8;

fn rounded_tokens(tokens: u32) -> u32 {
    let shift = (u32::BITS - tokens.leading_zeros()).saturating_sub(SCALE_BITS);
    (tokens >> shift) << shift
}

fn entry_ln_p(ln_scale: f32, count: u32) -> f32 {
    ln_scale + small_count_lns().get(count as usize).copied().unwrap_or_else(|| portable_ln(count as f32))
}

/// The byte ranges, in `before` and in `after`, of the words the edits touch: each edit's
/// span widened to the whitespace around it, edits with no whitespace between them in one
/// region. The text between regions is the same in both, and so are its words. (Linear: a
/// gap between edits is scanned for whitespace, and widened into, up to the next edit only.)
fn touched_regions(before: &str, after: &str, edits: &[Edit]) -> Vec<((usize, usize), (usize, usize))> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < edits.len() {
        let first = &edits[i];
        // the group: the next edit joins while no whitespace lies between them
        let mut j = i;
        while j + 1 < edits.len() && !has_space(&before[edits[j].original.end..edits[j + 1].original.start]) {
            j += 1;
        }
        let last = &edits[j];
        let prev_end = if i > 0 { (edits[i - 1].original.end, edits[i - 1].cleaned.end) } else { (0, 0) };
        let next_start = edits.get(j + 1).map_or((before.len(), after.len()), |e| (e.original.start, e.cleaned.start));
        let widen = |text: &str, lo: usize, s: usize, e: usize, hi: usize| {
            let left = text[lo..s].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(lo, |(k, c)| lo + k + c.len_utf8());
            let right = text[e..hi].find(char::is_whitespace).map_or(hi, |k| e + k);
            (left, right)
        };
        out.push((
            widen(before, prev_end.0, first.original.start, last.original.end, next_start.0),
            widen(after, prev_end.1, first.cleaned.start, last.cleaned.end, next_start.1),
        ));
        i = j + 1;
    }
    out
}

fn has_space(text: &str) -> bool {
    text.chars().any(char::is_whitespace)
}

impl<'a> DocCache<'a> {
    #[cfg(test)]
    pub fn new(text: &'a str) -> DocCache<'a> {
        DocCache::with_counts(Rc::new(Counts::of(text)))
    }

    /// The cache of a text whose token cores `counts` holds (counted, or brought up from the
    /// first pass's by [`Counts::after_edits`]), no split gains yet.
    pub fn with_counts(counts: Rc<Counts<'a>>) -> DocCache<'a> {
        DocCache { counts, word_ids: Vec::new(), known: RefCell::default(), split_gains: Some(RefCell::default()) }
    }

    /// This cache, told the core id of every word of the text its counts were read from
    /// ([`Counts::of_words_with_ids`]): [`Self::known_word`] then asks the lexicon once per
    /// distinct core.
    pub fn with_word_ids(self, word_ids: Vec<u32>) -> DocCache<'a> {
        // (no ids, as in a confirming pass: no answers to keep)
        let cores = if word_ids.is_empty() { 0 } else { self.counts.map.len() };
        let known = RefCell::new(vec![UNASKED; cores]);
        DocCache { word_ids, known, ..self }
    }

    /// Whether the lexicon knows `token`, the text's word number `word` (`lexicon::is_known_piece`,
    /// which reads a token's core only): remembered per core. `None` without word ids, or for
    /// a word without a core.
    pub fn known_word(&self, word: usize, token: &str) -> Option<bool> {
        let id = *self.word_ids.get(word).filter(|&&id| id != NO_CORE)? as usize;
        let mut known = self.known.borrow_mut();
        let slot = known.get_mut(id)?;
        if *slot == UNASKED {
            *slot = super::lexicon::is_known_piece(token) as u8;
        }
        Some(*slot == 1)
    }

    /// The same counts, every split gain computed afresh.
    #[cfg(test)]
    pub fn forgetful(text: &'a str) -> DocCache<'a> {
        DocCache { split_gains: None, ..DocCache::new(text) }
    }

    /// `lexicon_score` (ln P) of `piece` mixed with its count in the article.
    #[cfg(test)]
    pub fn mix(&self, piece: &str, lexicon_score: f32) -> f32 {
        self.mix_core(super::lexicon::word_core(piece), lexicon_score)
    }

    /// [`Self::mix`] for a piece's core (see `lexicon::word_core`).
    pub fn mix_core(&self, core: &str, lexicon_score: f32) -> f32 {
        self.counts.map.get(core).map_or(lexicon_score, |e| log_add(lexicon_score, e.ln_p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_add_matches_the_exact_sum() {
        for (a, b) in [(-4.0f32, -9.0f32), (-20.0, -3.5), (-7.25, -7.25), (-2.0, -40.0), (-10.0, f32::NEG_INFINITY)] {
            let exact = (a.exp() + b.exp()).ln();
            assert!((log_add(a, b) - exact).abs() < 1e-3, "{a} {b}: {} vs {exact}", log_add(a, b));
        }
    }

    impl Counts<'_> {
        /// (core, count, ln_p bits), sorted, and the number of tokens.
        fn snapshot(&self) -> (Vec<(String, u32, u32)>, u32) {
            let mut v: Vec<(String, u32, u32)> = self.map.iter().map(|(k, e)| (k.to_string(), e.count, e.ln_p.to_bits())).collect();
            v.sort();
            (v, self.tokens)
        }
    }

    /// `before` with `reps` (start, end, replacement) applied, as cleaning applies them.
    fn edited(before: &str, reps: &[(usize, usize, &str)]) -> (String, Vec<Edit>) {
        let reps = reps.iter().map(|&(s, e, r)| super::super::Replacement { original: crate::doc::Span::new(s, e), replacement: r.into(), kind: "test" }).collect();
        super::super::apply(before, reps)
    }

    /// `after_edits` gives the counts of the edited text, and names every core whose count
    /// changed; or gives up.
    fn check_after_edits(before: &str, reps: &[(usize, usize, &str)]) -> bool {
        let (after, edits) = edited(before, reps);
        let first = Rc::new(Counts::of(before));
        let Some((brought, changed)) = first.after_edits(before, &after, &edits) else { return false };
        let fresh = Counts::of(&after);
        assert_eq!(brought.snapshot(), fresh.snapshot(), "{before:?} -> {after:?}");
        for (core, e) in fresh.map.iter() {
            if first.map.get(core).map(|f| f.count) != Some(e.count) {
                assert!(changed.contains(core), "{core:?} changed, not named: {before:?} -> {after:?}");
            }
        }
        for core in first.map.keys().filter(|k| !fresh.map.contains_key(*k)) {
            assert!(changed.contains(core), "{core:?} gone, not named: {before:?} -> {after:?}");
        }
        true
    }

    /// `text` after enough words that one token fewer or two more round to the same count:
    /// 1025 tokens or more, one more than a multiple of 4 (8 leading bits: steps of 4).
    fn long(text: &str) -> String {
        let tokens = Counts::of(text).tokens as usize;
        "word ".repeat(1024 + (5 - tokens % 4) % 4) + text
    }

    #[test]
    fn counts_after_edits_are_the_counts_of_the_edited_text() {
        let text = &long("Mr\u{a0}Thiemann  said\u{200b}that RealClearPolitics and the council, which met, said Thiemann's view\nwas fine.");
        let at = |s: &str| text.find(s).unwrap();
        // spaces only: same words, nothing changed
        assert!(check_after_edits(text, &[(at("\u{a0}"), at("\u{a0}") + 2, " "), (at("  said"), at("  said") + 2, " ")]));
        // an invisible char removed: `said\u{200b}that` becomes `saidthat`
        assert!(check_after_edits(text, &[(at("\u{200b}"), at("\u{200b}") + 3, "")]));
        // a word split, and two edits with no space between them (one region)
        assert!(check_after_edits(text, &[(at("Clear"), at("Clear"), " ")]));
        assert!(check_after_edits(text, &[(at("Clear"), at("Clear"), " "), (at("Politics"), at("Politics"), " ")]));
        // edits at both ends of the text
        assert!(check_after_edits(text, &[(0, 0, "x"), (text.len() - 1, text.len(), "!")]));
        // edits that do not take the text to the one given are refused
        let (after, edits) = edited(text, &[(at("Clear"), at("Clear"), " ")]);
        let first = Rc::new(Counts::of(text));
        assert!(first.after_edits(text, &after, &[]).is_none());
        assert!(first.after_edits(text, text, &edits).is_none());
    }

    #[test]
    fn counts_are_brought_up_only_while_the_rounded_token_count_stands() {
        // 301 tokens round to 300 (8 leading bits), and so do 300; 299 round to 298
        let text = "word ".repeat(301);
        assert!(check_after_edits(&text, &[(4, 5, "")]), "one token fewer rounds the same");
        assert!(!check_after_edits(&text, &[(4, 5, ""), (9, 10, "")]), "two fewer do not");
        // below 256 tokens every count is exact
        assert!(!check_after_edits("a b c d", &[(1, 2, "")]));
        assert!(check_after_edits("a b c d", &[(1, 2, "\u{a0}")]));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn counts_brought_up_by_any_edits_are_the_counts_of_the_edited_text(
            before in "[ab A.,’\u{a0}\u{200b}\n—]{0,40}",
            reps in proptest::collection::vec((0usize..45, 0usize..4, "[ab \u{a0}\u{200b}]{0,3}"), 0..5),
        ) {
            let reps: Vec<(usize, usize, &str)> = reps.iter().map(|(s, l, r)| (*s, s + l, r.as_str())).filter(|&(_, e, _)| e <= before.len()).collect();
            check_after_edits(&before, &reps);
            // and where the rounded token count lets a few tokens come and go
            let longer = long(&before);
            let shift = longer.len() - before.len();
            let reps: Vec<(usize, usize, &str)> = reps.iter().map(|&(s, e, r)| (s + shift, e + shift, r)).collect();
            check_after_edits(&longer, &reps);
        }
    }

    #[test]
    fn the_articles_words_gain() {
        let text = "Mr Thiemann spoke. MrThiemann said Thiemann's view, YouTube and YouTube.";
        let cache = DocCache::new(text);
        assert!(cache.mix("Thiemann", -25.0) > -10.0);
        assert_eq!(cache.mix("Zorbix", -25.0), -25.0);
        // mixing never lowers a score, and a word the article uses more gains more
        assert!(cache.mix("and", -4.0) >= -4.0);
        assert!(cache.mix("YouTube", -30.0) > cache.mix("MrThiemann", -30.0));
    }
}
