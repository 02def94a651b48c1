//! Composing the edit logs of two cleaning passes (original → middle, middle → last) into one
//! log from the original to the last text, so a second pass (run on any text the first changed,
//! see `clean_stage`) stays reversible edit by edit.
//!
//! Edits of the two passes that meet in the middle text merge into one edit (its kind is the
//! second pass's); the others keep their own span and kind.

use crate::doc::{Edit, Span};

/// One edit's span in the middle text, and which pass made it.
#[derive(Clone, Copy)]
struct Item {
    mid: Span,
    second: bool,
    index: usize,
}

/// The composed log, or `None` if it does not replay to `last` (a bug: callers keep the first
/// pass's result then).
pub fn compose(original: &str, first: &[Edit], second: &[Edit], last: &str) -> Option<Vec<Edit>> {
    let mut items: Vec<Item> = first.iter().enumerate().map(|(index, e)| Item { mid: e.cleaned, second: false, index }).collect();
    items.extend(second.iter().enumerate().map(|(index, e)| Item { mid: e.original, second: true, index }));
    crate::sort::sort_by_key(&mut items, |i| (i.mid.start, i.mid.end, i.second));
    let mut out = Vec::with_capacity(items.len());
    let (mut delta1, mut delta2) = (0isize, 0isize);
    let mut i = 0;
    while i < items.len() {
        let mut range = items[i].mid;
        let mut j = i + 1;
        while j < items.len() && meets(range, items[j].mid) {
            range.end = range.end.max(items[j].mid.end);
            j += 1;
        }
        let cluster = &items[i..j];
        let grow1: isize = cluster.iter().filter(|c| !c.second).map(|c| growth(&first[c.index].original, &c.mid)).sum();
        let grow2: isize = cluster.iter().filter(|c| c.second).map(|c| growth(&second[c.index].cleaned, &c.mid)).sum();
        if let Some(s) = cluster.iter().find(|c| c.second) {
            let orig = Span::new(shift(range.start, delta1)?, shift(range.end, delta1 + grow1)?);
            let cleaned = Span::new(shift(range.start, delta2)?, shift(range.end, delta2 + grow2)?);
            let replacement = last.get(cleaned.start..cleaned.end)?.to_string();
            out.push(Edit { kind: second[s.index].kind, original: orig, cleaned, replacement });
        } else {
            for c in cluster {
                let e = &first[c.index];
                let cleaned = Span::new(shift(e.cleaned.start, delta2)?, shift(e.cleaned.end, delta2)?);
                out.push(Edit { cleaned, ..e.clone() });
            }
        }
        delta1 += grow1;
        delta2 += grow2;
        i = j;
    }
    replays(original, &out, last).then_some(out)
}

/// Whether an item starting at `next` joins the cluster spanning `range` (sorted by start):
/// overlapping spans, or an empty span touching the other.
fn meets(range: Span, next: Span) -> bool {
    next.start < range.end || (next.start == range.end && (next.is_empty() || range.is_empty()))
}

/// How much longer `to` is than `from`.
fn growth(to: &Span, from: &Span) -> isize {
    to.len() as isize - from.len() as isize
}

fn shift(pos: usize, delta: isize) -> Option<usize> {
    usize::try_from(pos as isize + delta).ok()
}

/// The log applied to `original` gives `last`, with every cleaned span holding its replacement
/// (edits sorted and disjoint, spans on char boundaries). Compared in place: nothing is built.
pub(super) fn replays(original: &str, edits: &[Edit], last: &str) -> bool {
    let (mut from, mut to) = (0, 0);
    for e in edits {
        let (o, c) = (e.original, e.cleaned);
        // the unedited text before the edit is the same on both sides (so the edit starts at the
        // same distance from the last), its original span is in bounds, its cleaned span holds
        // its replacement
        let same_before = matches!((original.get(from..o.start), last.get(to..c.start)), (Some(a), Some(b)) if a == b);
        if !same_before || original.get(o.start..o.end).is_none() || last.get(c.start..c.end) != Some(e.replacement.as_str()) {
            return false;
        }
        (from, to) = (o.end, c.end);
    }
    matches!((original.get(from..), last.get(to..)), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{apply, Replacement};

    fn rep(start: usize, end: usize, with: &str, kind: &'static str) -> Replacement {
        Replacement { original: Span::new(start, end), replacement: with.into(), kind }
    }

    /// Two passes by hand, composed: the log replays and keeps separate edits separate.
    fn check(original: &str, first: Vec<Replacement>, second: Vec<Replacement>, expect_last: &str, expect_kinds: &[&str]) {
        let (mid, e1) = apply(original, first);
        let (last, e2) = apply(&mid, second);
        assert_eq!(last, expect_last);
        let edits = compose(original, &e1, &e2, &last).expect("composes");
        let kinds: Vec<&str> = edits.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, expect_kinds);
    }

    #[test]
    fn separate_edits_stay_separate() {
        check("a\u{a0}b\ncdef", vec![rep(1, 3, " ", "unicode_space")], vec![rep(6, 6, " ", "join")], "a b\ncd ef", &["unicode_space", "join"]);
    }

    #[test]
    fn edits_that_meet_merge() {
        // the first pass re-flows a line break, the second splits the word it made
        check("ab\ncd", vec![rep(2, 3, " ", "reflow")], vec![rep(2, 3, "", "undo")], "abcd", &["undo"]);
        // an insertion touching a deletion
        check("x\u{200b}y", vec![rep(1, 4, "", "invisible_char")], vec![rep(1, 1, " ", "join")], "x y", &["join"]);
    }

    #[test]
    fn no_second_edits_is_the_first_log() {
        let (mid, e1) = apply("a  b", vec![rep(2, 3, "", "space_run")]);
        assert_eq!(compose("a  b", &e1, &[], &mid).unwrap(), e1);
    }
}
