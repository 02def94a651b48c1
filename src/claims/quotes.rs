//! Direct quotations: pair the quotation marks (a quote may run over several paragraphs, each
//! reopened with a mark), then attribute each quote to the speaker next to it:
//! `"…," he said` / `"…," said X` / `X said: "…"`, and a quote broken by its attribution
//! (`"A," she said. "B."`) becomes one claim with two content segments.

use super::ctx::{Ctx, Draft, Drafts, QuoteMark, Toks};
use super::source::{left_source, right_source, LeftSource};

/// A quotation that runs this many tokens without closing is a stray mark.
const MAX_QUOTE: usize = 400;
/// How far after a quote its attribution may end.
const MAX_TAIL: usize = 30;

/// A quotation: its opening mark and its last token (the closing mark when `closed`).
#[derive(Debug, Clone, Copy)]
pub struct Quote {
    pub open: usize,
    pub last: usize,
    pub closed: bool,
}

impl Quote {
    fn toks(&self) -> Toks {
        (self.open, self.last + 1)
    }
}

/// Pair quotation marks over the whole document, in one pass. Marks `ctx.in_quote`.
pub fn pair_quotes(ctx: &mut Ctx) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..ctx.len() {
        if let Some(o) = open {
            if i - o > MAX_QUOTE {
                open = None;
            } else if ctx.break_before[i] && ctx.quote[i] != QuoteMark::Open {
                // a quote left open at a paragraph end, not continued by the next paragraph
                out.push(Quote { open: o, last: i - 1, closed: false });
                open = None;
            } else if ctx.break_before[i] {
                continue; // the next paragraph reopens the same quotation
            }
        }
        match (ctx.quote[i], open) {
            (QuoteMark::Open, None) => open = Some(i),
            (QuoteMark::Open, Some(_)) => open = Some(i),
            (QuoteMark::Close, Some(o)) => {
                out.push(Quote { open: o, last: i, closed: true });
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        if ctx.len() - o <= MAX_QUOTE {
            out.push(Quote { open: o, last: ctx.len() - 1, closed: false });
        }
    }
    for q in &out {
        for i in q.open..=q.last {
            ctx.in_quote[i] = true;
        }
    }
    out
}

/// Where the attribution after a quote must end: the sentence end, a paragraph break or a
/// new quotation.
fn tail_limit(ctx: &Ctx, from: usize) -> usize {
    let mut k = from;
    while k < ctx.len() && k - from < MAX_TAIL {
        if (k > from && ctx.break_before[k]) || ctx.quote[k] == QuoteMark::Open || ctx.is_terminal(k) {
            break;
        }
        k += 1;
    }
    k
}

/// Attribute every quote that has a speaker next to it.
pub fn find(ctx: &Ctx, quotes: &[Quote], d: &mut Drafts) {
    let mut next = 0;
    while next < quotes.len() {
        let q = quotes[next];
        next += 1;
        if d.is_used(q.toks()) || ctx.words_in(q.toks()) == 0 {
            continue;
        }
        if let Some((draft, continued)) = after_quote(ctx, quotes, next, q) {
            next += continued;
            d.push(draft);
        } else if let Some(draft) = before_quote(ctx, q, d) {
            d.push(draft);
        } else if let Some(draft) = dash_signature(ctx, q) {
            d.push(draft);
        }
    }
    for &q in quotes {
        if let Some(draft) = continued_speaker(ctx, q, d) {
            d.push(draft);
        }
    }
}

/// Most words in a signature after a dash.
const MAX_SIGNATURE: usize = 5;

/// `"…" ― Jane Roe` closing a paragraph: a quotation signed with a name after a dash.
fn dash_signature(ctx: &Ctx, q: Quote) -> Option<Draft> {
    let dash = q.last + 1;
    if !q.closed || !matches!(ctx.word(dash), "―" | "—" | "–" | "--") || ctx.break_before.get(dash).copied().unwrap_or(true) {
        return None;
    }
    let start = dash + 1;
    let mut end = start;
    while end < ctx.len() && !ctx.break_before[end] && !ctx.is_terminal(end) && end - start <= MAX_SIGNATURE + 2 {
        end += 1;
    }
    let paragraph_ends = end >= ctx.len() || ctx.break_before[end] || (ctx.is_terminal(end) && (end + 1 >= ctx.len() || ctx.break_before[end + 1]));
    let words: Vec<usize> = (start..end).filter(|&i| ctx.is_wordlike(i)).collect();
    let name_like = !words.is_empty() && words.len() <= MAX_SIGNATURE && words.iter().all(|&i| ctx.is_capitalized(i)) && ctx.is_capitalized(start);
    if !paragraph_ends || !name_like {
        return None;
    }
    Some(Draft::new(Some((start, end)), Some((dash, dash + 1)), vec![q.toks()], "direct", "quote:dash-signature"))
}

/// How far back (in tokens) the speaker of a quotation paragraph is looked for.
const CONTINUED_WINDOW: usize = 120;

/// A paragraph that is nothing but a quotation, right after a paragraph quoting someone,
/// continues that speaker (`"…," she said.` ¶ `"…"`).
fn continued_speaker(ctx: &Ctx, q: Quote, d: &Drafts) -> Option<Draft> {
    if !q.closed || d.is_used(q.toks()) || ctx.words_in(q.toks()) < 3 {
        return None;
    }
    let opens_paragraph = q.open == 0 || ctx.break_before[q.open];
    let after = q.last + 1;
    let ends_paragraph = after >= ctx.len() || ctx.break_before[after] || (ctx.is_terminal(after) && (after + 1 >= ctx.len() || ctx.break_before[after + 1]));
    if !opens_paragraph || !ends_paragraph {
        return None;
    }
    let prev = d.draft_before(q.open, CONTINUED_WINDOW)?;
    // the previous claim must be a quotation in the paragraph just before this one
    let prev_end = prev.content_cover()?.1;
    let paragraphs_between = (prev_end..q.open).filter(|&k| ctx.break_before[k]).count();
    if prev.kind != "direct" || paragraphs_between > 1 {
        return None;
    }
    let mut draft = Draft::new(prev.source, None, vec![q.toks()], "direct", "quote:continued-speaker");
    draft.source_kind = prev.source_kind;
    Some(draft)
}

/// `"…," he said.` / `"…," said the minister.` (and a continuation quote after it).
fn after_quote(ctx: &Ctx, quotes: &[Quote], next: usize, q: Quote) -> Option<(Draft, usize)> {
    let mut start = q.last + 1;
    if start >= ctx.len() || ctx.break_before[start] {
        return None;
    }
    while start < ctx.len() && matches!(ctx.word(start), "," | "—" | "–" | "'") {
        start += 1;
    }
    if start >= ctx.len() || ctx.break_before[start] {
        return None;
    }
    let limit = tail_limit(ctx, start);
    let (source, cue, appositive, negated) = if let Some((len, _)) = ctx.cue_at(start) {
        let cue = (start, start + len);
        (right_source(ctx, cue.1, limit)?, cue, None, false)
    } else {
        // after a quote that ends in `,”` / `?”` any verb of speaking closes the attribution
        // (`"…," the envoy snapped.`): a known cue, or a lowercase past tense
        let open_ended = q.closed && q.last > 0 && matches!(ctx.word(q.last - 1), "," | "?" | "!" | "—");
        // a scare quote inside a sentence (`warned of "chaos" in …`) has no speaker after it
        if !open_ended && ctx.word(q.last + 1) != "," {
            return None;
        }
        let (k, len) = (start..limit).find_map(|k| {
            let known = ctx.cue_at(k).map(|(len, _)| (k, len));
            let past = open_ended && k > start && !ctx.is_capitalized(k) && ctx.low(k).len() > 4 && ctx.low(k).ends_with("ed");
            known.or(past.then_some((k, 1)))
        })?;
        let LeftSource { np, appositive, negated } = left_source(ctx, start, k)?;
        if np.0 > start + 1 {
            return None;
        }
        (np, (k, k + len), appositive, negated)
    };
    let mut content = vec![q.toks()];
    let mut continued = 0;
    let region_end = source.1.max(cue.1);
    if let Some(q2) = quotes.get(next) {
        if continues(ctx, region_end, q2) {
            content.push(q2.toks());
            continued = 1;
        }
    }
    let mut draft = Draft::new(Some(source), Some(cue), content, "direct", "quote:speaker-after");
    draft.appositive = appositive;
    draft.negated = negated;
    Some((draft, continued))
}

/// Does quote `q2` continue the quote whose attribution ends at `from`? (`, "…` or `. "…`
/// in the same paragraph, after a short tail like `on Tuesday`.)
fn continues(ctx: &Ctx, from: usize, q2: &Quote) -> bool {
    if q2.open < from || q2.open - from > MAX_TAIL || ctx.break_before[q2.open] {
        return false;
    }
    let between = (from, q2.open);
    let breaks = (between.0..between.1).any(|k| ctx.break_before[k] || ctx.is_quote(k) || (k + 1 < q2.open && ctx.is_terminal(k)));
    let joined = q2.open > 0 && matches!(ctx.word(q2.open - 1), "," | "." | ":" | "—");
    !breaks && joined
}

/// `X said: "…"` / `X said, "…"`.
fn before_quote(ctx: &Ctx, q: Quote, d: &Drafts) -> Option<Draft> {
    let mut k = q.open;
    if k > 0 && matches!(ctx.word(k - 1), ":" | ",") {
        k -= 1;
    }
    // the quote must end its clause: otherwise it is a mixed quote (left to indirect speech)
    let after = q.last + 1;
    // (a quote closing on its own full stop, `…stands."`, ends it too)
    let ends_inside = q.closed && q.last > q.open + 1 && ctx.is_terminal(q.last - 1);
    if q.closed && after < ctx.len() && !ctx.break_before[after] && !ctx.is_terminal(after) && ctx.word(after) != "," && !ends_inside {
        return None;
    }
    let floor = ctx.doc.sentences.get(ctx.sentence_of[k.saturating_sub(1)]).map(|s| s.tokens.start).unwrap_or(0);
    let (cue_start, _) = (1..=4).filter_map(|m| k.checked_sub(m)).find_map(|s| {
        ctx.cue_at(s).filter(|(len, _)| s + len == k).map(|(len, info)| (s, (len, *info)))
    })?;
    if cue_start < floor || d.is_used((cue_start, k)) {
        return None;
    }
    let ls = left_source(ctx, floor, cue_start)?;
    if d.is_used(ls.np) {
        return None;
    }
    let mut draft = Draft::new(Some(ls.np), Some((cue_start, k)), vec![q.toks()], "direct", "quote:speaker-before");
    draft.appositive = ls.appositive;
    draft.negated = ls.negated;
    Some(draft)
}
