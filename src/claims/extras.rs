//! Claims outside running sentences: headline tags (`Talks stall: Report`, `Trump: …`) and
//! hedged statements that nobody in the text makes (`X reportedly …`, `is expected to`),
//! which are kept apart as `hedged_no_source` (source `None`), never as someone's claim.

use super::ctx::{Ctx, Draft, Drafts};
use super::lexicon::lex;
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
        (1..=MAX_TAG_WORDS).contains(&n) && caps && !shouty
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
            lex().sourceless.match_at(&ctx.low, i).map(|(len, _)| (i, len))
        }) else {
            continue;
        };
        // the clause around the hedge, not crossing tokens another claim uses
        let mut a = i;
        while a > lo && !d.used[a - 1] {
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
