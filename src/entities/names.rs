//! Names, first pass: capitalized runs in prose, typed by the gazetteer, organization heads,
//! titles, first names and label-giving last words. Lone unknown words and headline words are
//! left (`Deferred`) for the second pass in `propagate`.

use super::casing::{is_all_caps, is_common, starts_upper, LineMode};
use super::lexicons::words;
use super::{Candidate, Ctx};
use crate::lexicon::lower;

/// A word the first pass could not type; the second pass looks it up in the article's names.
pub struct Deferred {
    pub toks: std::ops::Range<usize>,
    pub sentence_initial: bool,
}

/// Lower-case words that may sit inside a name (`Strait of Hormuz`, `Osama bin Laden`).
fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "and" | "&" | "for" | "the" | "on") || is_particle(w)
}

/// Particles of personal names (`bin`, `van`, `de`); they never split a person.
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "du" | "da" | "di" | "del" | "della" | "der" | "den" | "van" | "von" | "al" | "bin" | "ibn" | "la" | "le" | "dos" | "das" | "y"
    )
}

pub(crate) fn is_hyphen(w: &str) -> bool {
    matches!(w, "-" | "‑" | "–")
}

impl<'a> Ctx<'a> {
    /// A token that can be part of a name: a capitalized word or the start of a gazetteer hit.
    fn is_name_tok(&self, i: usize) -> bool {
        // (a month or weekday name is a date, unless it is a first name: its kind is read per
        // distinct word, `date_kind`)
        self.hit_at(i).is_some()
            || (self.is_word(i)
                && starts_upper(self.word(i))
                && match self.date_kind(i) {
                    "weekday" => false,
                    "month" => self.month_as_first_name(i),
                    _ => true,
                })
    }

    /// `April`, `May`, `June` or `August` as the first name of the capitalized word after it
    /// (`when August Wilson spoke`, `April Ryan asked`), not a date: no word of a date before
    /// it (`in`, `since`, `last`, `the`, …), and the next word a capitalized word that is no
    /// date word itself, after one space. (Out of line: the name test runs on every token, this
    /// on month names only.)
    #[inline(never)]
    fn month_as_first_name(&self, i: usize) -> bool {
        let next_is_name = self.touching_gap(i) && self.is_word(i + 1) && starts_upper(self.word(i + 1)) && self.date_kind(i + 1).is_empty();
        // the words that make a bare month a date, and more prepositions, determiners and
        // conjunctions a date follows (`from`, `the`, `and`)
        let after_date_word = i > 0 && {
            let prev = lower(self.word(i - 1));
            super::numeric::makes_a_date(&prev)
                || matches!(
                    &*prev,
                    "on" | "till" | "from" | "to" | "through" | "during" | "before" | "after" | "that" | "the" | "a" | "an" | "each" | "every" | "between" | "and" | "or" | "-"
                )
        };
        matches!(self.word(i), "April" | "May" | "June" | "August") && next_is_name && !after_date_word
    }

    pub(crate) fn is_title(&self, i: usize) -> bool {
        words().title_words.contains(self.word(i))
    }

    /// True when tokens `i` and `i + 1` are separated by a single space.
    fn touching_gap(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => b.span.start == a.span.end + 1,
            _ => false,
        }
    }

    /// True when tokens `i` and `i + 1` touch (no space between them).
    fn touching(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }
}

/// First pass over the prose sentences; returns the words left for the second pass.
pub fn find_names(ctx: &Ctx, out: &mut Vec<Candidate>) -> Vec<Deferred> {
    let mut deferred = Vec::new();
    for (s, sentence) in ctx.sentences.iter().enumerate() {
        let (a, b) = (sentence.tokens.start, sentence.tokens.end);
        if ctx.modes[s] != LineMode::Normal {
            headline(ctx, a, b, out, &mut deferred);
            continue;
        }
        let first = first_word(ctx, a, b);
        let mut i = a;
        while i < b {
            if !ctx.is_name_tok(i) || (i == first && skip_initial(ctx, i)) {
                i += 1;
                continue;
            }
            let j = extend_run(ctx, i, b);
            process_run(ctx, i, j, i == first, out, &mut deferred);
            i = j;
        }
    }
    deferred
}

/// Index of the sentence's first word (after opening quotes and brackets).
fn first_word(ctx: &Ctx, a: usize, b: usize) -> usize {
    (a..b).find(|&i| ctx.is_word(i)).unwrap_or(b)
}

/// A sentence-initial capital that is only a common word (`The`, `Analysts`).
fn skip_initial(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    if words().first_names.contains(w) || is_all_caps(w) {
        return false;
    }
    if words().numbers.get(w).is_some() {
        return true; // `Ten U.S. sailors`
    }
    if let Some(h) = ctx.hit_at(i) {
        // a one-word gazetteer name that is also a common word (`House`, `Turkey` stays)
        return h.toks.len() == 1 && ctx.vocab.contains(&*lower(w));
    }
    is_common(w, &ctx.vocab)
}

/// End of the capitalized run starting at `i` (connectors inside, gazetteer hits whole).
fn extend_run(ctx: &Ctx, i: usize, b: usize) -> usize {
    let mut j = i;
    loop {
        if let Some(h) = ctx.hit_at(j) {
            j = h.toks.end.min(b).max(j + 1);
        } else if ctx.is_name_tok(j) {
            j += 1;
        } else {
            break;
        }
        if j >= b {
            break;
        }
        if ctx.is_name_tok(j) {
            continue;
        }
        let w = ctx.word(j);
        let joins = if is_hyphen(w) {
            ctx.touching(j - 1) && ctx.touching(j)
        } else {
            is_connector(w) && (w != "the" || ctx.word(j - 1) == "of")
        };
        if joins && j + 1 < b && (ctx.is_name_tok(j + 1) || (ctx.word(j + 1) == "the" && w == "of")) {
            j += 1;
            if ctx.word(j) == "the" {
                j += 1;
            }
            if j < b && ctx.is_name_tok(j) {
                continue;
            }
        }
        break;
    }
    // never end on a connector
    while j > i + 1 && !ctx.is_name_tok(j - 1) && ctx.hit_ending(j).is_none() {
        j -= 1;
    }
    j
}

fn process_run(ctx: &Ctx, a: usize, b: usize, initial: bool, out: &mut Vec<Candidate>, deferred: &mut Vec<Deferred>) {
    // a whole-run gazetteer name keeps its `and` (`Securities and Exchange Commission`)
    let whole_hit = ctx.hit_at(a).is_some_and(|h| h.toks.end == b);
    // `the House and Senate`, `the World Bank and International Monetary Fund`: two names
    let split = if whole_hit { None } else { (a + 1..b.saturating_sub(1)).find(|&p| ctx.word(p) == "and" && ends_a_name(ctx, a, p)) };
    if let Some(p) = split {
        process_run(ctx, a, p, initial, out, deferred);
        process_run(ctx, p + 1, b, false, out, deferred);
        return;
    }
    if let Some(h) = ctx.hit_at(a) {
        if h.toks.end == b {
            out.push(ctx.lex_candidate(h));
            return;
        }
    }
    if let Some(c) = place_or_event_by_head(ctx, a, b) {
        out.push(c);
        return;
    }
    if (a..b).any(|i| ctx.word(i) == "&") && (a..b).filter(|&i| ctx.is_name_tok(i)).count() >= 2 {
        // `Johnson & Johnson`, `Goldman, Sachs & Co.`
        out.push(ctx.candidate(a..b, "ORG", "ampersand"));
        return;
    }
    if let Some(c) = org_by_head(ctx, a, b).or_else(|| org_by_of(ctx, a, b, initial)) {
        let rest = c.toks.end;
        out.push(c);
        if rest + 1 < b && ctx.word(rest) == "of" {
            // `… Corp. of New York`: the place is its own mention
            let start = if ctx.word(rest + 1) == "the" { rest + 2 } else { rest + 1 };
            if start < b {
                segment(ctx, start, b, false, out, deferred);
            }
        }
        return;
    }
    segment(ctx, a, b, initial, out, deferred);
}

/// `Los Angeles International Airport`, `Dover Air Force Base`, `the Iran-Iraq War`: a run that
/// ends with a facility, place or event head is one name of that type, whatever its words
/// (places and organizations included).
fn place_or_event_by_head(ctx: &Ctx, a: usize, b: usize) -> Option<Candidate> {
    let label = *words().heads.get(ctx.word(b.checked_sub(1)?))?;
    let n_names = (a..b).filter(|&i| ctx.is_name_tok(i)).count();
    let simple = (a..b).all(|i| ctx.is_name_tok(i) || is_hyphen(ctx.word(i)) || matches!(ctx.word(i), "of" | "the"));
    let titled = (a..b).any(|i| ctx.is_title(i) && ctx.hit_at(i).is_none());
    (matches!(label, "FAC" | "EVENT") && n_names >= 3 && simple && !titled).then(|| ctx.candidate(a..b, label, "run-head"))
}

/// True when tokens `a..p` are a complete name by themselves (a gazetteer hit, or a run ending
/// with an organization word).
fn ends_a_name(ctx: &Ctx, a: usize, p: usize) -> bool {
    ctx.hit_ending(p).is_some_and(|h| h.toks.start >= a) || words().org_words.contains_key(ctx.word(p - 1))
}

/// `Voice of America`, `Friends for Education`: unknown capitalized words, then `of`/`for` and
/// a name, with no title in the run, name an organization.
fn org_by_of(ctx: &Ctx, a: usize, b: usize, initial: bool) -> Option<Candidate> {
    let p = (a + 1..b).find(|&p| matches!(ctx.word(p), "of" | "for"))?;
    // at the start of a sentence one capitalized word before `of` is usually a common noun
    let before_ok = (a..p).all(|i| is_unknown(ctx, i) && !is_common(ctx.word(i), &ctx.vocab)) && !(initial && p == a + 1);
    let no_titles = (a..b).all(|i| !ctx.is_title(i));
    (before_ok && no_titles && p + 1 < b).then(|| ctx.candidate(a..b, "ORG", "org-of"))
}

/// `Atomic Energy Agency`, `Bank of England`, `Manchester United`: a run headed by an ORG word.
fn org_by_head(ctx: &Ctx, a: usize, b: usize) -> Option<Candidate> {
    let head = (a..b).rev().find(|&h| {
        words().org_words.contains_key(ctx.word(h)) && (h + 1 == b || ctx.word(h + 1) == "of")
    })?;
    // `Acme Corp. of New York`: a legal suffix ends the name; the place after `of` is apart
    let first_suffix = (a..=head).find(|&h| words().org_words.get(ctx.word(h)) == Some(&"suffix") && ctx.word(h + 1) == "of");
    let (head, b) = match first_suffix {
        Some(h) => (h, h + 1),
        None => (head, b),
    };
    // a leading title belongs to a person, not the organization (`President of the Commission`)
    let mut start = a;
    while start < head && ctx.is_title(start) && ctx.hit_at(start).is_none() {
        start += 1;
    }
    while start < head && !ctx.is_name_tok(start) {
        start += 1;
    }
    if b - start < 2 {
        start = a; // `Finance Ministry`: the title word is part of the name
    }
    // keep a one-word run only if it is not a bare common head (`Police`, `Group`)
    if b - start < 2 || (head + 1 < b && b - head < 2) {
        return None;
    }
    Some(ctx.candidate(start..b, "ORG", "org-head"))
}

/// Split a run at gazetteer hits and titles; type the unknown pieces.
fn segment(ctx: &Ctx, a: usize, b: usize, initial: bool, out: &mut Vec<Candidate>, deferred: &mut Vec<Deferred>) {
    let mut k = a;
    let mut after_title = false;
    while k < b {
        let w = ctx.word(k);
        if !ctx.is_name_tok(k) {
            k += 1;
            continue;
        }
        let hit = ctx.hit_at(k).filter(|h| h.toks.end <= b);
        if let Some(h) = hit.filter(|h| h.toks.len() > 1 || !words().first_names.contains(w)) {
            // `U.S. Treasury`, `U.S. Supreme Court`: the national institution is one ORG
            let national = h.info.canonical == "United States" && matches!(w, "U.S." | "US");
            if let Some(o) = ctx.hit_at(h.toks.end).filter(|o| national && o.toks.end <= b && o.info.label == "ORG") {
                out.push(ctx.candidate(k..o.toks.end, "ORG", "us+org"));
                k = o.toks.end;
                after_title = false;
                continue;
            }
            // `American Express`, `Boston Globe`: a known name glued to unknown words is an ORG
            let glued_end = if h.toks.end < b && is_unknown(ctx, h.toks.end) { unknown_end(ctx, h.toks.end, b) } else { h.toks.end };
            // `U.S. Trade Representative`: words before a title belong to the title
            // an organization's name is complete: two unknown words after it are a new name
            // (`the Arab League Amr Zoussa`)
            let org_then_name = h.info.label == "ORG" && glued_end >= h.toks.end + 2;
            if glued_end > h.toks.end && !(glued_end < b && ctx.is_title(glued_end)) && !org_then_name {
                let e = glued_end;
                let label = words().heads.get(ctx.word(e - 1)).copied().unwrap_or("ORG");
                out.push(ctx.candidate(k..e, label, "lex+cap"));
                k = e;
                after_title = false;
                continue;
            }
            out.push(ctx.lex_candidate(h));
            k = h.toks.end;
            after_title = false;
            continue;
        }
        if words().first_names.contains(w) && k + 1 < b && ctx.is_name_tok(k + 1) && !ctx.is_title(k + 1) {
            let e = person_end(ctx, k + 1, b);
            let rule = if after_title { "title+name" } else { "first-name" };
            out.push(ctx.candidate(k..e, "PERSON", rule));
            k = e;
            after_title = false;
            continue;
        }
        if ctx.is_title(k) && hit.is_none() && !(k + 1 == b && !after_title && k > a) {
            after_title = true;
            k += 1;
            continue;
        }
        let e = unknown_end(ctx, k, b);
        if is_initial(w) && e + 1 < b && words().first_names.contains(ctx.word(k + 1)) && ctx.is_name_tok(k + 2) {
            // `E. Robert Wallach`: an initial before a given name starts the name
            let e = person_end(ctx, k + 2, b);
            out.push(ctx.candidate(k..e, "PERSON", if after_title { "title+name" } else { "first-name" }));
            k = e;
            after_title = false;
            continue;
        }
        if e == k + 1 && e + 1 < b && words().first_names.contains(ctx.word(e)) && ctx.is_name_tok(e + 1) {
            // `Composer Marc Marder`: one unknown word before a first name is a role
            after_title = true;
            k = e;
            continue;
        }
        if !after_title && e < b && ctx.touching_gap(e - 1) && (k..e).all(|i| !is_all_caps(ctx.word(i))) {
            if let Some(h) = ctx.hit_at(e).filter(|h| h.toks.end <= b && matches!(h.info.label, "GPE" | "LOC" | "ORG")) {
                // `Radio Free Europe`, `First Boston`, `Random House`
                let label = if h.info.label == "ORG" { "ORG" } else { words().heads.get(ctx.word(h.toks.end - 1)).copied().unwrap_or("ORG") };
                out.push(ctx.candidate(k..h.toks.end, label, "cap+lex"));
                k = h.toks.end;
                continue;
            }
        }
        type_piece(ctx, k, e, after_title, initial && k == a, out, deferred);
        after_title = false;
        k = e.max(k + 1);
    }
}

/// A single capital letter with its period (`E.`).
fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A capitalized word the lexicons and titles say nothing about.
fn is_unknown(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    ctx.is_name_tok(i)
        && ctx.hit_at(i).is_none()
        && !ctx.is_title(i)
        && !words().first_names.contains(w)
        && !words().org_words.contains_key(w)
        && !is_all_caps(w)
}

/// End of a person's name that starts before `k`: capitalized words, particles, initials.
fn person_end(ctx: &Ctx, mut k: usize, b: usize) -> usize {
    while k < b {
        let w = ctx.word(k);
        if ctx.is_name_tok(k) && !ctx.is_title(k) && !words().org_words.contains_key(w) {
            k += 1;
        } else if (is_particle(w) || is_hyphen(w)) && k + 1 < b && ctx.is_name_tok(k + 1) {
            k += 2;
        } else {
            break;
        }
    }
    k
}

/// End of a piece of unknown capitalized words starting at `k`.
fn unknown_end(ctx: &Ctx, mut k: usize, b: usize) -> usize {
    let start = k;
    while k < b {
        let w = ctx.word(k);
        if k > start && (ctx.hit_at(k).is_some() || ctx.is_title(k)) {
            break;
        }
        if k == start + 1 && words().first_names.contains(w) && ctx.is_name_tok(k + 1) && k + 1 < b {
            break;
        }
        if ctx.is_name_tok(k) {
            k += 1;
        } else if (is_particle(w) || (is_hyphen(w) && ctx.touching(k - 1) && ctx.touching(k)))
            && k + 1 < b
            && ctx.is_name_tok(k + 1)
            && ctx.hit_at(k + 1).is_none()
        {
            k += 2;
        } else {
            break;
        }
    }
    k
}

fn type_piece(
    ctx: &Ctx,
    k: usize,
    e: usize,
    after_title: bool,
    initial: bool,
    out: &mut Vec<Candidate>,
    deferred: &mut Vec<Deferred>,
) {
    if e <= k {
        return;
    }
    let last = ctx.word(e - 1);
    if after_title {
        out.push(ctx.candidate(k..e, "PERSON", "title+name"));
        return;
    }
    let n_words = (k..e).filter(|&i| ctx.is_name_tok(i)).count();
    if n_words >= 2 && matches!(ctx.word(k), "Hurricane" | "Typhoon" | "Cyclone" | "Operation") {
        out.push(ctx.candidate(k..e, "EVENT", "event-prefix"));
        return;
    }
    if n_words >= 2 && matches!(ctx.word(k), "USS" | "HMS" | "INS" | "MV" | "RMS") {
        out.push(ctx.candidate(k..e, "PRODUCT", "ship"));
        return;
    }
    if n_words >= 2 {
        if let Some(&label) = words().heads.get(last) {
            out.push(ctx.candidate(k..e, label, "name-head"));
            return;
        }
        if words().place_prefixes.contains(ctx.word(k)) {
            out.push(ctx.candidate(k..e, "GPE", "place-prefix"));
            return;
        }
        if (k..e).all(|i| !ctx.is_name_tok(i) || is_all_caps(ctx.word(i))) {
            deferred.push(Deferred { toks: k..e, sentence_initial: initial });
            return;
        }
        let has_common = (k..e).any(|i| ctx.is_name_tok(i) && is_common(ctx.word(i), &ctx.vocab));
        let label = if has_common { "ORG" } else { "PERSON" };
        out.push(ctx.candidate(k..e, label, if has_common { "cap-run:common" } else { "cap-run" }));
        return;
    }
    let w = ctx.word(k);
    if ctx.is_title(k) || is_common(w, &ctx.vocab) && !initial {
        return;
    }
    if is_all_caps(w) && !is_common(w, &ctx.vocab) {
        let next = ctx.word(k + 1);
        if initial && (next == "(" || ctx.is_number(k + 1)) && w.len() > 3 {
            out.push(ctx.candidate(k..e, "GPE", "dateline"));
            return;
        }
        if w.chars().filter(|c| c.is_alphabetic()).count() <= 5 {
            out.push(ctx.candidate(k..e, "ORG", "acronym"));
            return;
        }
    }
    deferred.push(Deferred { toks: k..e, sentence_initial: initial });
}

/// In a headline, only gazetteer hits are taken at once; other capitalized words wait.
fn headline(ctx: &Ctx, a: usize, b: usize, out: &mut Vec<Candidate>, deferred: &mut Vec<Deferred>) {
    let mut i = a;
    while i < b {
        if let Some(h) = ctx.hit_at(i) {
            out.push(ctx.lex_candidate(h));
            i = h.toks.end.max(i + 1);
            continue;
        }
        if ctx.is_name_tok(i) {
            let mut j = i + 1;
            while j < b && ctx.is_name_tok(j) && ctx.hit_at(j).is_none() {
                j += 1;
            }
            deferred.push(Deferred { toks: i..j, sentence_initial: true });
            i = j;
            continue;
        }
        i += 1;
    }
}
