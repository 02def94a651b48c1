//! Claims: who (source) says (cue) what (content).
//!
//! Order of passes, each leaving the tokens it uses to the next (a token belongs to at most
//! one claim): the headline tag and paragraph-opening speaker labels (`extras`), direct
//! quotations (`quotes`), reported speech sentence by sentence (`indirect`), then hedged
//! statements with no source (`extras`). Claims with no source in the text (`reportedly`,
//! `When asked about …`) keep `source: None` and source kind `none`: never someone's claim. The passes work
//! on token ranges ([`ctx::Draft`]); [`finish`] turns drafts into [`Claim`]s with the source
//! kind, the source's entity, hedges and a stated reason for anonymity. Word lists live in
//! `data/claims/` (`lexicon`). Every walk is bounded by a fixed window: linear time.

mod ctx;
mod extras;
mod indirect;
mod lexicon;
mod quotes;
mod source;

use crate::doc::{Claim, Doc, SourceKind, Span};
use ctx::{Ctx, Draft, Drafts};

pub fn claims(doc: &mut Doc) {
    let claims = {
        let mut ctx = Ctx::new(doc);
        let quotes = quotes::pair_quotes(&mut ctx);
        let mut d = Drafts::new(ctx.len());
        extras::headline(&ctx, &mut d);
        extras::speaker_labels(&ctx, &mut d);
        quotes::find(&ctx, &quotes, &mut d);
        for s in 0..doc.sentences.len() {
            indirect::find(&ctx, &mut d, s);
        }
        extras::sourceless(&ctx, &mut d);
        let mut out: Vec<Claim> = d.list.iter().map(|dr| finish(&ctx, dr)).collect();
        crate::sort::sort_by_key(&mut out, |c| (c.content.start, c.content.end));
        out
    };
    doc.claims = claims;
}

/// Turn a draft into a claim: spans, source kind and entity, hedges, anonymity reason.
fn finish(ctx: &Ctx, d: &Draft) -> Claim {
    let appositive = d.appositive.or_else(|| d.source.and_then(|s| source::trailing_appositive(ctx, s)));
    // (classified even when the draft's kind is set: an anonymous source's reason is still read)
    let classified = d.source.map(|src| (src, source::classify(ctx, src, appositive)));
    let source_kind = match (d.source_kind, classified) {
        (Some(k), _) => k,
        (None, Some((_, k))) => k,
        (None, None) => SourceKind::None,
    };
    let segments: Vec<Span> = d.content.iter().map(|&r| ctx.span(r)).collect();
    let content = d.content_cover().map(|r| ctx.span(r)).unwrap_or_default();
    Claim {
        source: d.source.map(|r| ctx.span(r)),
        cue: d.cue.map(|r| ctx.span(r)),
        content,
        content_segments: if segments.len() > 1 { segments } else { Vec::new() },
        kind: d.kind,
        source_kind,
        source_entity: d.source.and_then(|s| source::entity(ctx, s, source_kind)),
        hedges: hedges(ctx, d),
        negated: d.negated,
        anonymity: classified.and_then(|(s, kind)| source::anonymity_reason(ctx, s, appositive, kind)).map(|r| ctx.span(r)),
        rule: d.rule,
    }
}

/// Hedge words inside the content and between the source and the cue (`reportedly said`).
fn hedges(ctx: &Ctx, d: &Draft) -> Vec<Span> {
    let mut ranges: Vec<(usize, usize)> = d.content.clone();
    if let (Some(s), Some(c)) = (d.source, d.cue) {
        if s.1 <= c.0 {
            ranges.push((s.1, c.0));
        }
    }
    if d.source.is_none() {
        ranges.extend(d.cue);
    }
    let mut out = Vec::new();
    for (a, b) in ranges {
        let mut i = a;
        while i < b {
            match ctx.hedge_at(i) {
                Some(len) if i + len <= b => {
                    out.push(ctx.span((i, i + len)));
                    i += len;
                }
                _ => i += 1,
            }
        }
    }
    crate::sort::sort(&mut out);
    out.dedup();
    out
}
