//! The article's own words, as a cache language model for the join repair: a glued token's
//! pieces are likelier when the article uses them elsewhere on their own (`Thiemann` in
//! `MrThiemann`, `landlady` in `alandlady`), and a glued-looking token the article writes the
//! same way elsewhere is likelier a word (`YouTube`). The lexicon's probability is mixed with
//! the piece's share of the article's tokens: ln(P_lex + MIX * count / tokens).

use std::collections::HashMap;

/// Weight of the article's own counts against the lexicon (dev pooled join F1: 0.1 → 0.9936,
/// 0.3 → 0.9941, 1 → 0.9949, 3 → 0.9944; none → 0.9929).
const MIX: f32 = 1.0;

/// Counts of the article's tokens (punctuation and possessives stripped), case kept.
pub struct DocCache<'a> {
    counts: HashMap<&'a str, u32>,
    tokens: f32,
}

impl<'a> DocCache<'a> {
    pub fn new(text: &'a str) -> DocCache<'a> {
        let mut counts: HashMap<&'a str, u32> = HashMap::new();
        let mut tokens = 0u32;
        for tok in text.split_whitespace() {
            tokens += 1;
            let core = super::lexicon::word_core(tok);
            if !core.is_empty() {
                *counts.entry(core).or_insert(0) += 1;
            }
        }
        DocCache { counts, tokens: tokens.max(1) as f32 }
    }

    /// `lexicon_score` (ln P) of `piece` mixed with its count in the article, less `own`
    /// occurrences (a whole token must not count itself).
    pub fn mix(&self, piece: &str, lexicon_score: f32, own: u32) -> f32 {
        let core = super::lexicon::word_core(piece);
        let count = self.counts.get(core).copied().unwrap_or(0).saturating_sub(own);
        if count == 0 {
            return lexicon_score;
        }
        let cache = MIX * count as f32 / self.tokens;
        super::lexicon::portable_ln(super::lexicon::portable_exp(lexicon_score) + cache)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
