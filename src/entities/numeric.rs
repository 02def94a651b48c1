//! Numbers, dates and times: MONEY, PERCENT, QUANTITY, DATE, TIME, CARDINAL and ORDINAL,
//! found by a left-to-right scan of each sentence's tokens with the word lists of
//! `data/entities/{dates,numbers,units}.txt`.

use super::casing::LineMode;
use super::lexicons::words;
use super::{Candidate, Ctx};
use std::borrow::Cow;

#[inline(never)]
pub fn find_numeric(ctx: &Ctx, out: &mut Vec<Candidate>) {
    for (s, sentence) in ctx.sentences.iter().enumerate() {
        let headline = ctx.modes[s] != LineMode::Normal;
        let (a, b) = (sentence.tokens.start, sentence.tokens.end);
        let mut i = a;
        let first = out.len();
        while i < b {
            match expression_at(ctx, i, a, b, headline) {
                Some((start, end, label, rule)) if end > i => {
                    out.push(ctx.candidate(start..end, label, rule));
                    i = end;
                }
                _ => i += 1,
            }
        }
        merge_dates(ctx, a, out, first);
    }
}

/// Words before `of` + a date that belong to it (`the end of the year`).
const DATE_PARTS: &[&str] = &["end", "beginning", "middle", "start", "rest", "turn", "close", "remainder"];

/// One date written in pieces is one DATE: `the same period last year`, `the first nine months
/// of the year`, `March of last year`, `1953 to 1955`, `the end of July`. `out[first..]` holds
/// one sentence's expressions, in text order; each is looked at once.
fn merge_dates(ctx: &Ctx, a: usize, out: &mut Vec<Candidate>, first: usize) {
    let found: Vec<Candidate> = out.drain(first..).collect();
    for c in found {
        if c.label == "DATE" {
            if let Some(prev) = out[first..].last_mut().filter(|p| p.label == "DATE") {
                let (e1, s2) = (prev.toks.end, c.toks.start);
                let gap: Vec<&str> = (e1..s2.max(e1)).map(|k| ctx.word(k)).collect();
                let years = is_year(ctx.word(e1.saturating_sub(1))) && is_year(ctx.word(c.toks.end.saturating_sub(1)));
                let joins = match gap.as_slice() {
                    [] => true,
                    ["of"] => true,
                    ["to" | "through" | "-" | "–"] => years,
                    _ => false,
                };
                if joins && s2 >= e1 {
                    prev.toks.end = c.toks.end;
                    prev.span = ctx.span_of(prev.toks.clone());
                    prev.canonical = super::Canonical::Text(prev.span);
                    prev.rule = "date:merged";
                    continue;
                }
            }
            let mut c = c;
            // `the end of July`, `the end of the year`
            let s = c.toks.start;
            if s >= a + 3 && ctx.word(s - 1) == "of" && DATE_PARTS.contains(&ctx.word(s - 2)) && lower(ctx, s - 3) == "the" {
                c.toks.start = s - 3;
                c.span = ctx.span_of(c.toks.clone());
                c.canonical = super::Canonical::Text(c.span);
            }
            out.push(c);
            continue;
        }
        out.push(c);
    }
}

fn lower<'a>(ctx: &Ctx<'a>, i: usize) -> Cow<'a, str> {
    crate::lexicon::lower(ctx.word(i))
}

fn touching(ctx: &Ctx, i: usize) -> bool {
    match (ctx.tokens.get(i), ctx.tokens.get(i + 1)) {
        (Some(x), Some(y)) => x.span.end == y.span.start,
        _ => false,
    }
}

fn is_hyphen(w: &str) -> bool {
    matches!(w, "-" | "‑" | "–")
}

fn is_currency_symbol(w: &str) -> bool {
    matches!(w, "$" | "£" | "€" | "¥" | "₹")
}

/// A 4-digit year between 1000 and 2099, or a decade (`1990s`).
fn is_year(w: &str) -> bool {
    let digits = w.trim_end_matches('s').trim_start_matches('\'');
    digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()) && (digits.starts_with('1') || digits.starts_with("20"))
}

fn is_ordinal_number(w: &str) -> bool {
    let n = w.trim_end_matches(|c: char| c.is_alphabetic());
    !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && matches!(&w[n.len()..], "st" | "nd" | "rd" | "th")
}

/// End of an amount starting at `i`: digits, number words, scales, fractions (`3/4`, `10:30`).
fn amount_end(ctx: &Ctx, i: usize, b: usize) -> Option<usize> {
    let mut j = i;
    let mut any = false;
    while j < b {
        let w = ctx.word(j);
        let kind = ctx.number_kind(j);
        let digits = ctx.is_number(j) && !is_ordinal_number(w);
        let word = (kind == "cardinal" || kind == "scale") && !(kind == "cardinal" && any && ctx.is_number(j - 1));
        if digits || word {
            j += 1;
        } else if any && is_hyphen(w) && touching(ctx, j - 1) && touching(ctx, j) && ctx.number_kind(j + 1) == "cardinal" {
            j += 2; // twenty-five
        } else if any && matches!(w, "/" | ":" | ".") && touching(ctx, j - 1) && touching(ctx, j) && ctx.is_number(j + 1) {
            j += 2; // 3/4, 10:30
        } else if any && (w == "a" || w == "and") && ctx.number_kind(j + 1) == "cardinal" && ctx.word(j + 1) == "half" {
            j += 2; // two and a half
        } else {
            break;
        }
        any = true;
    }
    any.then_some(j)
}

/// Modifier words that belong to an amount before it (`about`, `more than`, `up to`).
fn modifier_start(ctx: &Ctx, i: usize, a: usize) -> usize {
    if i == a {
        return i;
    }
    let prev = lower(ctx, i - 1);
    let prev2 = if i >= a + 2 { lower(ctx, i - 2) } else { Cow::Borrowed("") };
    match &*prev {
        "than" if matches!(&*prev2, "more" | "less" | "fewer") => i - 2,
        "to" if prev2 == "up" => i - 2,
        "least" if prev2 == "at" => i - 2,
        "about" | "around" | "nearly" | "almost" | "approximately" | "roughly" | "some" | "over" | "only" | "just" => i - 1,
        _ => i,
    }
}

type Found = (usize, usize, &'static str, &'static str);

fn expression_at(ctx: &Ctx, i: usize, a: usize, b: usize, headline: bool) -> Option<Found> {
    let w = ctx.word(i);
    // $5 million, US$ 3
    if is_currency_symbol(w) {
        let e = amount_end(ctx, i + 1, b)?;
        let start = if i > 0 && touching(ctx, i - 1) && matches!(ctx.word(i - 1), "US" | "C" | "A" | "HK" | "NZ" | "S") { i - 1 } else { i };
        return Some((modifier_start(ctx, start, a), e, "MONEY", "num:money"));
    }
    if let Some(found) = calendar_at(ctx, i, a, b, headline) {
        return Some(found);
    }
    if ctx.is_number(i) || matches!(ctx.number_kind(i), "cardinal" | "multiple" | "ordinal") || matches!(w, "a" | "an") {
        return number_at(ctx, i, a, b);
    }
    None
}

/// `one` as a pronoun (`one of them`, `the one that`) is not a number.
fn one_is_number(ctx: &Ctx, i: usize, a: usize) -> bool {
    let next = lower(ctx, i + 1);
    let prev = if i > a { lower(ctx, i - 1) } else { Cow::Borrowed("") };
    let pronoun_next = matches!(&*next, "of" | "," | "." | "who" | "that" | "which" | "another" | "'s" | "’s" | "is" | "does" | "can" | "")
        || next.starts_with(|c: char| !c.is_alphanumeric());
    let pronoun_prev = matches!(&*prev, "the" | "no" | "any" | "each" | "every" | "this" | "that" | "which" | "someone" | "anyone" | "no-");
    !(pronoun_next || pronoun_prev)
}

/// `first` that is not a rank: part of a name (`First Boston`, `First Union`) or an adverb
/// before a verb (`it first came out`, `bells first sounded`).
fn ordinal_is_a_rank(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    let next = ctx.word(i + 1);
    let name_part = w.starts_with(|c: char| c.is_uppercase())
        && next.starts_with(|c: char| c.is_uppercase())
        && ctx.is_word(i + 1)
        && ctx.date_kind(i + 1).is_empty();
    let adverb = w.eq_ignore_ascii_case("first") && (next.ends_with("ed") || matches!(next, "came" | "became" | "began" | "met" | "saw" | "took" | "went" | "made"));
    !(name_part || adverb)
}

/// What follows an amount decides its type.
fn number_at(ctx: &Ctx, i: usize, a: usize, b: usize) -> Option<Found> {
    let w = ctx.word(i);
    let nk = ctx.number_kind(i);
    if nk == "ordinal" || is_ordinal_number(w) {
        // the third quarter, the first half → DATE
        let next = ctx.date_kind(i + 1);
        if next == "unit" && matches!(&*lower(ctx, i + 1), "quarter" | "half") {
            let start = if i > a && lower(ctx, i - 1) == "the" { i - 1 } else { i };
            let mut end = i + 2;
            if lower(ctx, end) == "of" && is_year(ctx.word(end + 1)) {
                end += 2;
            }
            return Some((start, end, "DATE", "date:quarter"));
        }
        // `the first nine months`, `the first year`: a span of time counted from a start
        let after_amount = if ctx.is_number(i + 1) || ctx.number_kind(i + 1) == "cardinal" { amount_end(ctx, i + 1, b) } else { None };
        let unit_at = after_amount.unwrap_or(i + 1);
        if i > a && lower(ctx, i - 1) == "the" && ctx.date_kind(unit_at) == "unit" && !is_ordinal_number(w) {
            return Some((i - 1, unit_at + 1, "DATE", "date:ordinal-span"));
        }
        if !ordinal_is_a_rank(ctx, i) {
            return None;
        }
        return Some((i, i + 1, "ORDINAL", "num:ordinal"));
    }
    if nk == "multiple" {
        return Some((i, i + 1, "CARDINAL", "num:multiple"));
    }
    if w.eq_ignore_ascii_case("one") && !one_is_number(ctx, i, a) {
        return None;
    }
    let e = if matches!(w, "a" | "an") {
        // `a year earlier`, `an hour`: an article standing for one
        let k = ctx.date_kind(i + 1);
        if !matches!(k, "unit" | "tunit") || matches!(&*lower(ctx, i + 1), "half" | "period" | "second") {
            return None;
        }
        i + 1
    } else {
        amount_end(ctx, i, b)?
    };
    let start = modifier_start(ctx, i, a);
    let next = lower(ctx, e);
    let after_hyphen = is_hyphen(ctx.word(e)) && touching(ctx, e - 1) && touching(ctx, e);
    let unit_at = if after_hyphen { e + 1 } else { e };
    let mut unit_at = unit_at;
    // `160 US dollars`, `5 Hong Kong dollars`
    for skip in 1..=2 {
        let cur = (unit_at..unit_at + skip).all(|k| ctx.word(k).starts_with(|c: char| c.is_uppercase()));
        if cur && words().units.get(ctx.word(unit_at + skip)) == Some("MONEY") {
            unit_at += skip;
            break;
        }
    }
    let unit = lower(ctx, unit_at);
    if next == "%" || unit == "percent" || (unit == "per" && lower(ctx, unit_at + 1) == "cent") {
        let end = if unit == "per" { unit_at + 2 } else { unit_at + 1 };
        return Some((start, end, "PERCENT", "num:percent"));
    }
    if let Some(label) = words().units.get(&unit) {
        let mut end = unit_at + 1;
        if matches!(&*unit, "square" | "cubic") {
            end += 1;
        }
        if label == "QUANTITY" && unit == "pounds" && !after_hyphen {
            return Some((start, end, "MONEY", "num:money"));
        }
        return Some((start, end, label, if label == "MONEY" { "num:money" } else { "num:quantity" }));
    }
    match ctx.date_kind(unit_at) {
        "unit" if !matches!(&*unit, "half" | "period") => {
            let mut end = unit_at + 1;
            if matches!(ctx.date_kind(end), "after") || lower(ctx, end) == "old" {
                end += 1;
            } else if is_hyphen(ctx.word(end)) && touching(ctx, end - 1) && lower(ctx, end + 1) == "old" {
                end += 2; // 31-year-old
            }
            return Some((start, end, "DATE", "date:duration"));
        }
        "tunit" if unit != "second" || !matches!(w, "a" | "an") => {
            let mut end = unit_at + 1;
            if matches!(ctx.date_kind(end), "after") {
                end += 1;
            }
            return Some((start, end, "TIME", "time:duration"));
        }
        "month" if !after_hyphen && ctx.is_number(i) && w.len() <= 2 => {
            // 30 August 1996
            let mut end = unit_at + 1;
            if is_year(ctx.word(end)) {
                end += 1;
            }
            return Some((i, end, "DATE", "date:day-month"));
        }
        _ => {}
    }
    if matches!(w, "a" | "an") {
        return None;
    }
    if matches!(&*next, "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m") {
        return Some((start, e + 1, "TIME", "time:clock"));
    }
    if e == i + 1 && is_year(w) {
        let mut start = i;
        if start > a && is_hyphen(ctx.word(start - 1)) && touching(ctx, start - 1) && start > a + 1 && lower(ctx, start - 2) == "mid" {
            start -= 2; // mid-1980s
        }
        if start > a && matches!(&*lower(ctx, start - 1), "fiscal" | "early" | "late") {
            start -= 1;
        }
        if start > a && lower(ctx, start - 1) == "the" && (w.ends_with('s') || start < i) {
            start -= 1;
        }
        return Some((start, e, "DATE", "date:year"));
    }
    Some((start, e, "CARDINAL", "num:cardinal"))
}

/// A lower-case word before a bare month name that makes it a date (`in May`, `since March`):
/// `May` alone is a verb as often, `March` a noun.
pub(super) fn makes_a_date(prev: &str) -> bool {
    matches!(prev, "in" | "since" | "until" | "of" | "last" | "next" | "early" | "late" | "mid" | "this" | "by")
}

/// Calendar and relative dates: `Friday`, `Jan. 5, 2024`, `this Friday`, `the past year`,
/// `recent months`, `yesterday`, `last night`.
fn calendar_at(ctx: &Ctx, i: usize, a: usize, b: usize, headline: bool) -> Option<Found> {
    let kind = ctx.date_kind(i);
    // (most words have no date kind: nothing to compare)
    if kind.is_empty() {
        return None;
    }
    let w = ctx.word(i);
    match kind {
        "month" if w.starts_with(|c: char| c.is_uppercase()) => {
            let mut end = i + 1;
            if ctx.is_number(end) && (ctx.word(end).len() <= 2 || (is_ordinal_number(ctx.word(end)) && ctx.word(end).len() <= 4)) {
                end += 1;
                if ctx.word(end) == "," && is_year(ctx.word(end + 1)) {
                    end += 2;
                }
            }
            if is_year(ctx.word(end)) {
                end += 1;
            }
            // `May` alone is a verb as often as a month; `March` a noun
            let bare = end == i + 1;
            if bare && (headline || matches!(w, "May" | "March")) {
                let prev = if i > a { lower(ctx, i - 1) } else { Cow::Borrowed("") };
                if !makes_a_date(&prev) {
                    return None;
                }
            }
            Some((rel_start(ctx, i, a), end, "DATE", "date:month"))
        }
        "weekday" if w.starts_with(|c: char| c.is_uppercase()) => {
            let mut end = i + 1;
            if ctx.word(end) == "," && ctx.date_kind(end + 1) == "month" {
                if let Some((_, e, _, _)) = calendar_at(ctx, end + 1, a, b, headline) {
                    end = e;
                }
            }
            Some((rel_start(ctx, i, a), end, "DATE", "date:weekday"))
        }
        "point" => {
            Some((i, i + 1, "DATE", "date:point"))
        }
        "tpoint" => Some((i, i + 1, "TIME", "time:point")),
        // `Friday afternoon`, `yesterday morning`, `by evening`: a part of a day is a TIME
        "part" => Some((i, i + 1, "TIME", "time:day-part")),
        "unit" if matches!(&*lower(ctx, i), "years" | "months" | "decades" | "weeks" | "days") => {
            let prev = if i > a { lower(ctx, i - 1) } else { Cow::Borrowed("") };
            let mut start = i;
            if matches!(&*prev, "several" | "many" | "few" | "some") {
                start = i - 1;
                if prev == "few" && start > a && lower(ctx, start - 1) == "a" {
                    start -= 1;
                }
            } else if prev == "of" && i >= a + 3 && lower(ctx, i - 2) == "couple" && lower(ctx, i - 3) == "a" {
                start = i - 3;
            } else if matches!(&*prev, "the" | "these" | "those") && lower(ctx, i) != "days" {
                start = i - 1;
            } else if lower(ctx, i) == "days" {
                return None;
            }
            let end = if matches!(&*lower(ctx, i + 1), "ago" | "earlier" | "later") { i + 2 } else { i + 1 };
            Some((start, end, "DATE", "date:bare-unit"))
        }
        "unit" if lower(ctx, i) == "weekend" && i > a && lower(ctx, i - 1) == "the" => Some((i - 1, i + 1, "DATE", "date:weekend")),
        // `the day`, `the year`: a definite calendar unit refers to a date (OntoNotes convention)
        "unit" if matches!(&*lower(ctx, i), "day" | "year" | "week" | "month") && i > a && lower(ctx, i - 1) == "the" => {
            Some((i - 1, i + 1, "DATE", "date:the-unit"))
        }
        "unit" if lower(ctx, i) == "days" && i > a && lower(ctx, i - 1) == "these" => Some((i - 1, i + 1, "DATE", "date:these-days")),
        "rel" | "after" => relative_at(ctx, i, a, b),
        _ => None,
    }
}

/// Start of a date including `this`/`last`/`next` before it (`this Friday`).
fn rel_start(ctx: &Ctx, i: usize, a: usize) -> usize {
    if i > a && matches!(&*lower(ctx, i - 1), "this" | "last" | "next" | "coming" | "on" | "early" | "late" | "mid") {
        if lower(ctx, i - 1) == "on" {
            return i;
        }
        return i - 1;
    }
    i
}

/// `last year`, `the past two years`, `recent months`, `earlier this year`, `this morning`.
fn relative_at(ctx: &Ctx, i: usize, a: usize, b: usize) -> Option<Found> {
    let mut j = i;
    // earlier/later + this/last …
    if matches!(&*lower(ctx, j), "earlier" | "later") && ctx.date_kind(j + 1) == "rel" {
        j += 1;
    }
    if ctx.date_kind(j) != "rel" {
        return None;
    }
    let rel = lower(ctx, j);
    j += 1;
    // optional amount: the past two years, the last few months
    if let Some(e) = amount_end(ctx, j, b) {
        j = e;
    } else if matches!(&*lower(ctx, j), "few" | "several" | "couple") {
        j += 1;
        if lower(ctx, j) == "of" {
            j += 1;
        }
    }
    let k = ctx.date_kind(j);
    let label = match k {
        "unit" | "season" => "DATE",
        "part" | "tunit" => "TIME",
        _ => return None,
    };
    if rel == "that" && k != "unit" {
        return None;
    }
    let mut end = j + 1;
    if ctx.date_kind(end) == "after" && lower(ctx, end) != "before" {
        end += 1;
    }
    let mut start = i;
    if start > a && matches!(&*lower(ctx, start - 1), "early" | "late") {
        start -= 1;
    }
    if start > a && lower(ctx, start - 1) == "the" && matches!(&*rel, "past" | "last" | "previous" | "coming" | "next" | "same" | "following" | "recent" | "latest") {
        start -= 1;
    }
    if matches!(&*rel, "same" | "following" | "latest" | "earlier") && start == i {
        return None; // `same day`, `that year` alone are too vague
    }
    Some((start, end, label, if label == "DATE" { "date:relative" } else { "time:relative" }))
}
