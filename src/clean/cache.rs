//! The article's own words, as a cache language model for the join repair: a glued token's
//! pieces are likelier when the article uses them elsewhere on their own (`Thiemann` in
//! `MrThiemann`, `landlady` in `alandlady`), and a glued-looking token the article writes the
//! same way elsewhere is likelier a word (`YouTube`). The lexicon's probability is mixed with
//! the piece's share of the article's tokens: ln(P_lex + MIX * count / tokens).

use super::lexicon::{portable_exp, portable_ln};
use crate::hash::HashMap;
use std::sync::OnceLock;

/// Weight of the article's own counts against the lexicon (dev pooled join F1: 0.1 → 0.9936,
/// 0.3 → 0.9941, 1 → 0.9949, 3 → 0.9944; none → 0.9929).
const MIX: f32 = 1.0;

/// Counts of the article's tokens (punctuation and possessives stripped), case kept, with the
/// ln of their cache probability precomputed (as counted, and less one occurrence).
pub struct DocCache<'a> {
    counts: HashMap<&'a str, Entry>,
}

#[derive(Clone, Copy)]
struct Entry {
    count: u32,
    /// ln(MIX * count / tokens), and the same for count - 1 (negative infinity at zero).
    ln_p: f32,
    ln_p_less_one: f32,
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
        let mut counts: HashMap<&'a str, Entry> = HashMap::default();
        let mut tokens = 0u32;
        for tok in text.split_whitespace() {
            tokens += 1;
            let core = super::lexicon::word_core(tok);
            if !core.is_empty() {
                counts.entry(core).or_insert(Entry { count: 0, ln_p: 0.0, ln_p_less_one: 0.0 }).count += 1;
            }
        }
        let ln_scale = portable_ln(MIX / tokens.max(1) as f32);
        let ln = |k: u32| if k == 0 { f32::NEG_INFINITY } else { ln_scale + portable_ln(k as f32) };
        for e in counts.values_mut() {
            e.ln_p = ln(e.count);
            e.ln_p_less_one = ln(e.count - 1);
        }
        DocCache { counts }
    }

    /// `lexicon_score` (ln P) of `piece` mixed with its count in the article, less `own`
    /// occurrences (a whole token must not count itself).
    #[cfg(test)]
    pub fn mix(&self, piece: &str, lexicon_score: f32, own: u32) -> f32 {
        self.mix_core(super::lexicon::word_core(piece), lexicon_score, own)
    }

    /// [`Self::mix`] for a piece's core (see `lexicon::word_core`); `own` is 0 or 1.
    pub fn mix_core(&self, core: &str, lexicon_score: f32, own: u32) -> f32 {
        match self.counts.get(core) {
            Some(e) if own == 0 => log_add(lexicon_score, e.ln_p),
            Some(e) => log_add(lexicon_score, e.ln_p_less_one),
            None => lexicon_score,
        }
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
    fn the_articles_words_gain_and_a_token_does_not_count_itself() {
        let text = "Mr Thiemann spoke. MrThiemann said Thiemann's view, YouTube and YouTube.";
        let cache = DocCache::new(text);
        assert!(cache.mix("Thiemann", -25.0, 0) > -10.0);
        assert_eq!(cache.mix("Zorbix", -25.0, 0), -25.0);
        // `MrThiemann` occurs once: itself
        assert_eq!(cache.mix("MrThiemann", -30.0, 1), -30.0);
        assert!(cache.mix("YouTube", -30.0, 1) > -10.0);
        // mixing never lowers a score, and a word the article uses more gains more
        assert!(cache.mix("and", -4.0, 0) >= -4.0);
        assert!(cache.mix("YouTube", -30.0, 0) > cache.mix("Thiemann", -30.0, 1));
    }
}
