//! The article's own words, as a cache language model for the join repair: a glued token's
//! pieces are likelier when the article uses them elsewhere on their own (`Thiemann` in
//! `MrThiemann`, `landlady` in `alandlady`). The lexicon's probability of a piece is mixed with
//! its share of the article's tokens: ln(P_lex + MIX * count / tokens). The whole token is not
//! mixed: a paste that repeats a passage repeats its glued tokens too, and they must not turn
//! into words by their own repetition.

use super::lexicon::{portable_exp, portable_ln};
use crate::hash::HashMap;
use super::wrap::RawGains;
use std::cell::RefCell;
use std::sync::OnceLock;

/// Weight of the article's own counts against the lexicon (dev pooled join F1: 0.1 → 0.9936,
/// 0.3 → 0.9941, 1 → 0.9949, 3 → 0.9944; none → 0.9929).
const MIX: f32 = 1.0;

/// Counts of the article's tokens (punctuation and possessives stripped), case kept, with the
/// ln of their cache probability precomputed.
pub struct DocCache<'a> {
    counts: HashMap<&'a str, Entry>,
    /// Per distinct token, its split gains under these counts (see `wrap::Geometry::ensure`);
    /// `None`: computed afresh every time (a test compares the two).
    pub(super) split_gains: Option<RefCell<HashMap<&'a str, RawGains>>>,
}

#[derive(Clone, Copy)]
struct Entry {
    count: u32,
    /// ln(MIX * count / tokens).
    ln_p: f32,
}

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

impl<'a> DocCache<'a> {
    pub fn new(text: &'a str) -> DocCache<'a> {
        // about one distinct token per 12 bytes of news: no rehashing while counting
        let mut counts: HashMap<&'a str, Entry> = HashMap::with_capacity_and_hasher(text.len() / 12, Default::default());
        let mut tokens = 0u32;
        for tok in crate::text::words(text) {
            tokens += 1;
            let core = super::lexicon::word_core(tok);
            if !core.is_empty() {
                // `get_mut` first: most words are seen before, and `entry` is a large generic
                // function the size-optimised wasm calls out of line
                match counts.get_mut(core) {
                    Some(e) => e.count += 1,
                    None => {
                        counts.insert(core, Entry { count: 1, ln_p: 0.0 });
                    }
                }
            }
        }
        let ln_scale = portable_ln(MIX / tokens.max(1) as f32);
        let small = small_count_lns();
        for e in counts.values_mut() {
            e.ln_p = ln_scale + small.get(e.count as usize).copied().unwrap_or_else(|| portable_ln(e.count as f32));
        }
        DocCache { counts, split_gains: Some(RefCell::default()) }
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
        self.counts.get(core).map_or(lexicon_score, |e| log_add(lexicon_score, e.ln_p))
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
