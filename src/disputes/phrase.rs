//! Issue phrases: the noun phrases a contention cue governs, found on one sentence's tokens.
//!
//! A light chunker with no part-of-speech tagger: determiners and possessors are skipped, a
//! noun phrase runs until a function word or punctuation (`of` may continue it once), lists
//! (`A, B, and C`) give one phrase each, `issues such as X` gives X, and polarity words before
//! the phrase (`narrowing the agenda`, `an end to tariffs`) flip the stance. Every loop is
//! bounded by the sentence and by small constants, so parsing is linear in the sentence.

use super::words::{words, Role};
use crate::doc::{Doc, Span, Token, TokenKind};
use crate::lexicon::LowerForms;
use std::ops::Range;

/// Longest noun phrase we read, in content words.
const MAX_NP_WORDS: usize = 7;

/// One sentence prepared for parsing: its tokens, their text and lowercase forms.
pub struct Sent<'a> {
    pub doc: &'a Doc,
    pub index: usize,
    /// Global index of the sentence's first token.
    pub first: usize,
    /// The sentence's tokens.
    pub toks: &'a [Token],
    /// The sentence's tokens' text.
    pub words: &'a [&'a str],
    /// The document's text, ASCII lower-cased.
    pub lower_text: &'a str,
    /// The document's tokens lower-cased (see [`Sent::lower`]), and each form's role.
    lows: &'a LowerForms<'a>,
    roles: &'a [Option<Role>],
    /// Tokens of a dateline the sentence opens with (`ISLAMABAD:`, `NEW YORK —`), else 0.
    pub dateline: usize,
}

/// Every token of a document as text and lower-cased, made once for all its [`Sent`]s (each
/// sentence is read twice).
pub struct DocWords<'a> {
    texts: Vec<&'a str>,
    /// The document's text, ASCII lower-cased (the cue matcher folds case: each sentence is a
    /// slice of this, not folded again).
    lower_text: String,
    lows: LowerForms<'a>,
    /// Each lower-case form's function-word role ([`Words::role`]), looked up once per form.
    roles: Vec<Option<Role>>,
}

impl<'a> DocWords<'a> {
    pub fn new(doc: &'a Doc) -> DocWords<'a> {
        let lows = LowerForms::of_doc(doc, false);
        let roles = lows.forms().map(|f| words().role(f)).collect();
        DocWords { texts: doc.tokens.iter().map(|t| t.span.slice(&doc.text)).collect(), lower_text: doc.text.to_ascii_lowercase(), lows, roles }
    }
}

impl<'a> Sent<'a> {
    /// Sentence `index` of `doc`, whose tokens' text and lower-case forms are `all`.
    pub fn new(doc: &'a Doc, all: &'a DocWords<'a>, index: usize) -> Sent<'a> {
        let sent = &doc.sentences[index];
        let toks = doc.tokens.get(sent.tokens.clone()).unwrap_or(&[]);
        let words = all.texts.get(sent.tokens.clone()).unwrap_or(&[]);
        let dateline = dateline_len(words);
        Sent {
            dateline,
            doc,
            index,
            first: sent.tokens.start,
            toks,
            lower_text: &all.lower_text,
            lows: &all.lows,
            roles: &all.roles,
            words,
        }
    }
    pub fn len(&self) -> usize {
        self.words.len()
    }
    /// The kind of token `i`, if there is one.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    /// The byte span of token `i`, if there is one.
    pub fn tok_span(&self, i: usize) -> Option<Span> {
        self.toks.get(i).map(|t| t.span)
    }
    pub fn lower(&self, i: usize) -> &str {
        if i < self.words.len() {
            self.lows.get(self.first + i).unwrap_or("")
        } else {
            ""
        }
    }
    /// The function-word role of token `i`; organisation nouns (`company`) count as content.
    pub fn role(&self, i: usize) -> Option<Role> {
        let form = if i < self.words.len() { self.lows.form_index(self.first + i) } else { None };
        form.and_then(|k| self.roles[k]).filter(|&r| r != Role::Org && r != Role::Gov)
    }
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Word) | Some(TokenKind::Number))
    }
    pub fn is_possessive(&self, i: usize) -> bool {
        matches!(self.lower(i), "'s" | "’s" | "'" | "’")
    }
    pub fn capitalized(&self, i: usize) -> bool {
        self.words.get(i).and_then(|w| w.chars().next()).is_some_and(|c| c.is_uppercase())
    }
    /// Byte span of tokens `a..b` (sentence-relative; `b` exclusive, `a < b`).
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (self.tok_span(a), self.tok_span(b.saturating_sub(1))) {
            (Some(x), Some(y)) if a < b => Span::new(x.start, y.end),
            _ => Span::default(),
        }
    }
    /// Sentence-relative index of the token starting at byte `start` (or the next one).
    pub fn token_at(&self, start: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < start)
    }
    /// Sentence-relative index one past the last token ending at or before byte `end`.
    pub fn token_end(&self, end: usize) -> usize {
        self.toks.partition_point(|t| t.span.end <= end)
    }
}

/// Most words in a dateline place name (`RIO DE JANEIRO`).
const MAX_DATELINE_WORDS: usize = 4;

/// A dateline: one to four all-capital words (two letters or more) opening the text, then a
/// colon or dash. It says where the reporter files from, so it is never a party.
fn dateline_len(words: &[&str]) -> usize {
    let caps = |w: &str| w.chars().filter(|&c| crate::text::is_alphabetic(c)).count() >= 2 && w.chars().all(|c| !c.is_lowercase());
    let n = words.iter().take(MAX_DATELINE_WORDS + 1).take_while(|w| caps(w) && w.chars().any(crate::text::is_alphabetic)).count();
    let ends = words.get(n).is_some_and(|w| matches!(*w, ":" | "—" | "–" | "-"));
    if (1..=MAX_DATELINE_WORDS).contains(&n) && ends { n + 1 } else { 0 }
}

/// One issue phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// Tokens of the phrase (sentence-relative), determiners excluded.
    pub range: Range<usize>,
    /// Grouping key: lemma of the word that names the issue, or a contrast label.
    pub key: String,
    pub label: String,
    /// +1 keeps the cue's stance, -1 reverses it (`narrowing the agenda`, `the multilateral` option).
    pub sign: i8,
    /// The issue is something to put on or keep off a table (inclusion frame).
    pub frame: bool,
}

/// What a cue governs: its phrases and where the governed region ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    pub items: Vec<Phrase>,
    /// Token end of the governed region, complements included (for the position span).
    pub end: usize,
}

/// Skip determiners and possessors (`the`, `its`, `Iran's`) from `i`.
fn skip_det(s: &Sent, mut i: usize, lim: usize) -> usize {
    for _ in 0..4 {
        if i < lim && s.role(i) == Some(Role::Det) {
            i += 1;
        } else if i + 1 < lim && s.is_word(i) && s.is_possessive(i + 1) {
            // `Iran's`, `the union's`
            i += 2;
        } else if i + 2 < lim && s.is_word(i) && s.capitalized(i) && s.is_word(i + 1) && s.capitalized(i + 1) && s.is_possessive(i + 2) {
            i += 3;
        } else {
            break;
        }
    }
    i
}

/// A bare noun phrase from `i`: `(content range, next token)`.
fn noun_phrase(s: &Sent, i: usize, lim: usize) -> Option<(Range<usize>, usize)> {
    let mut j = skip_det(s, i, lim);
    let mut start = j;
    let mut content = 0;
    let mut used_of = false;
    while j < lim && content < MAX_NP_WORDS {
        let w = s.lower(j);
        if !s.is_word(j) {
            // inner hyphen: `long-term`, `dual-use`
            // (the word after a hyphen belongs to the compound even if it is `to`: `nurse-to-patient`)
            if (w == "-" || w == "‑") && content > 0 && j + 1 < lim && s.is_word(j + 1) {
                j += 2;
                continue;
            }
            break;
        }
        if s.is_possessive(j) {
            // `the workers' pay`: what came before was the possessor
            start = j + 1;
            content = 0;
            j += 1;
            continue;
        }
        if let Some(role) = s.role(j) {
            if w == "of" && content > 0 && !used_of && j + 1 < lim && s.is_word(j + 1) {
                used_of = true;
                j = skip_det(s, j + 1, lim);
                continue;
            }
            let _ = role;
            break;
        }
        // a participle after the head starts a clause (`relief seeking`, `a cap tied to`), but an
        // -ing word that ends the phrase is a noun (`water sharing.`, `road building and`)
        let ends_clause_after = j + 1 >= lim || !s.is_word(j + 1) || s.role(j + 1).is_some_and(|r| r != Role::Det);
        // (`tied`, `used` count; `speed`, `greed` are nouns)
        let participle = w.ends_with("ed") && !w.ends_with("eed") && w.len() >= 4 || w.ends_with("ing") && !ends_clause_after;
        // `a legally binding agreement`: after an -ly adverb the participle is a modifier
        let after_adverb = j > 0 && s.lower(j - 1).ends_with("ly");
        if content > 0 && participle && !after_adverb && words().head(w).is_none() {
            break;
        }
        content += 1;
        j += 1;
    }
    // a trailing `of` with nothing after it
    let mut end = j;
    while end > start && s.lower(end - 1) == "of" {
        end -= 1;
    }
    (content > 0 && end > start).then_some((start..end, end))
}

/// The key naming the issue of tokens `r`: a contrast label, a synonym's key, or the lemma of
/// the last non-generic word (before `of`, else after it).
pub fn key_of(s: &Sent, r: &Range<usize>) -> Option<(String, i8)> {
    let w = words();
    for i in r.clone() {
        if let Some((label, first)) = w.contrast(s.lower(i)) {
            return Some((label.clone(), if *first { 1 } else { -1 }));
        }
    }
    let of = r.clone().find(|&i| s.lower(i) == "of").unwrap_or(r.end);
    let pick = |range: Range<usize>| {
        range.rev().filter(|&i| s.is_word(i) && s.toks[i].kind == TokenKind::Word).find_map(|i| w.word_key(s.words[i]))
    };
    let key = pick(r.start..of).or_else(|| pick(of.saturating_add(1).min(r.end)..r.end));
    match key {
        Some(key) if key.chars().count() > 1 => Some((key, 1)),
        // `the 9 percent claim`: only a figure names it; assembly files it with the issue that
        // mentions the same figure
        _ => number_in(s, r).map(|n| (format!("{NUMBER_KEY}{n}"), 1)),
    }
}

/// Prefix of a provisional key made of a figure (`#9`).
pub const NUMBER_KEY: &str = "#";

/// The first number token in `r`.
pub fn number_in<'a>(s: &'a Sent, r: &Range<usize>) -> Option<&'a str> {
    r.clone().find(|&i| s.kind(i) == Some(TokenKind::Number)).map(|i| s.words[i])
}

/// A readable label: the phrase text without leading generic modifiers (`more expansive`).
fn label_of(s: &Sent, r: &Range<usize>) -> String {
    let mut a = r.start;
    while a + 1 < r.end && words().head(s.lower(a)) == Some(None) && s.is_word(a + 1) {
        a += 1;
    }
    // `claim of infringement` → `infringement`
    if s.lower(a) == "of" && a + 1 < r.end {
        a += 1;
    }
    let text = s.doc.slice(s.span(a, r.end));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn phrase(s: &Sent, r: Range<usize>, sign: i8, frame: bool) -> Option<Phrase> {
    let (key, option) = key_of(s, &r)?;
    Some(Phrase { label: label_of(s, &r), key, sign: sign * option, frame, range: r })
}

/// `A`, `A and B`, `A, B, and C`: the noun phrases of a list and the token after it.
fn list(s: &Sent, i: usize, lim: usize) -> (Vec<Range<usize>>, usize) {
    let Some((first, mut next)) = noun_phrase(s, i, lim) else { return (Vec::new(), i) };
    let mut items = vec![first];
    let mut bare_comma: Option<usize> = None;
    let mut saw_conj = false;
    loop {
        let mut k = next;
        let comma = s.words.get(k) == Some(&",");
        if comma {
            k += 1;
        }
        let conj = matches!(s.lower(k), "and" | "or");
        if conj {
            k += 1;
        }
        if !comma && !conj {
            break;
        }
        let w = s.lower(k);
        // `, asserting that …` ends the list; after `and` a gerund may be an item (`pay and staffing`)
        let verbish = !conj && (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly")) && words().polarity(w).is_none();
        if verbish || matches!(s.role(k), Some(r) if r != Role::Det) {
            break;
        }
        let Some((r, after)) = noun_phrase(s, k, lim) else { break };
        if comma && !conj && bare_comma.is_none() {
            bare_comma = Some(items.len());
        }
        items.push(r);
        next = after;
        if conj {
            saw_conj = true;
            break;
        }
    }
    if let (false, Some(cut)) = (saw_conj, bare_comma) {
        items.truncate(cut);
        next = items.last().map(|r| r.end).unwrap_or(i);
    }
    (items, next)
}

/// Polarity words before the phrase: `(sign, frame, next token)`.
/// `allow_prep`: a verb was skipped, so a preposition may follow (`refuses to budge on X`).
fn leading_polarity(s: &Sent, mut i: usize, lim: usize, mut allow_prep: bool) -> (i8, bool, usize) {
    let (mut sign, mut frame) = (1i8, false);
    for _ in 0..4 {
        i = skip_det(s, i, lim);
        let two = format!("{} {}", s.lower(i), s.lower(i + 1));
        if let Some(p) = words().polarity(&two).filter(|_| i + 1 < lim) {
            sign *= p.sign;
            frame |= p.frame;
            i += 2;
            // `any order to disclose X`: skip the verb after `to`
            if p.verb && s.is_word(i) && s.role(i).is_none() && words().polarity(s.lower(i)).is_none() {
                i += 1;
                allow_prep = true;
            }
        } else if let Some(p) = words().polarity(s.lower(i)).filter(|_| i < lim) {
            sign *= p.sign;
            frame |= p.frame;
            i += 1;
        } else if words().head(s.lower(i)) == Some(None) && i + 1 < lim && starts_polarity(s, i + 1) {
            // `a full return to`: a generic modifier before a polarity word
            i += 1;
        } else if allow_prep && i < lim && matches!(s.lower(i), "on" | "over" | "about" | "to" | "with") {
            i += 1;
            allow_prep = false;
        } else {
            break;
        }
    }
    (sign, frame, i)
}

/// `in|on|to|for|of` + noun phrase, or `to` + a verb: what names a keyless phrase.
fn continuation(s: &Sent, i: usize, lim: usize) -> Option<(Range<usize>, usize)> {
    if !matches!(s.lower(i), "in" | "on" | "to" | "for" | "of") {
        return None;
    }
    if s.lower(i) == "to" && s.is_word(i + 1) && s.role(i + 1).is_none() && i + 1 < lim {
        // `the right to automate`: the verb names it (and its object if any)
        let (r, n) = noun_phrase(s, i + 2, lim).map(|(r, n)| (i + 1..r.end, n)).unwrap_or((i + 1..i + 2, i + 2));
        return Some((r, n));
    }
    noun_phrase(s, i + 1, lim)
}

fn starts_polarity(s: &Sent, i: usize) -> bool {
    words().polarity(s.lower(i)).is_some() || words().polarity(&format!("{} {}", s.lower(i), s.lower(i + 1))).is_some()
}

/// Is there an inclusion-frame word in tokens `a..b`?
fn frame_in(s: &Sent, a: usize, b: usize) -> bool {
    (a..b.min(s.len())).any(|i| words().is_frame(s.lower(i)))
}

/// Parse what a cue ending at token `start` governs. `skip_verb`: the cue ends in `to` + verb.
pub fn object(s: &Sent, start: usize, skip_verb: bool) -> Option<Object> {
    let lim = s.len();
    let mut i = start;
    let mut skipped = false;
    if skip_verb && i < lim && s.is_word(i) && s.role(i).is_none() && !s.capitalized(i) && words().polarity(s.lower(i)).is_none() {
        i += 1;
        skipped = true;
    }
    // a verb cue followed by a preposition has no object here (`resisted on cost grounds`)
    if !skipped && s.role(i) == Some(Role::Prep) {
        return None;
    }
    let (sign, mut frame, i) = leading_polarity(s, i, lim, skipped);
    let (mut ranges, mut next) = list(s, i, lim);
    let mut head_frame = false;
    // `broader issues such as X`: the examples are the issues
    if ranges.len() == 1 && key_of(s, &ranges[0]).is_none() {
        let k = next;
        let such = match (s.lower(k), s.lower(k + 1)) {
            ("such", "as") => Some(k + 2),
            ("including", _) | ("like", _) => Some(k + 1),
            _ => None,
        };
        if let Some(k) = such {
            head_frame = frame_in(s, start, next);
            let (r, n) = list(s, k, lim);
            ranges = r;
            next = n;
        }
    }
    if ranges.is_empty() {
        return None;
    }
    let first_start = ranges[0].start;
    frame |= head_frame || frame_in(s, start, first_start);
    // `X in/into the negotiation framework`
    if matches!(s.lower(next), "in" | "into" | "on" | "from" | "off") && frame_in(s, next + 1, next + 4) {
        frame = true;
    }
    // a last phrase with no key of its own is named by what follows it:
    // `a 20 percent increase in pension payments` → pension; `the right to automate` → automate
    if let Some(last) = ranges.last().cloned() {
        if key_of(s, &last).is_none_or(|(k, _)| k.starts_with(NUMBER_KEY)) {
            if let Some((r, n)) = continuation(s, next, lim) {
                let keep_last = number_in(s, &last).is_some();
                let start = if keep_last { last.start } else { r.start };
                ranges.pop();
                ranges.push(start..r.end);
                next = n;
            }
        }
    }
    let mut items: Vec<Phrase> = ranges.into_iter().filter_map(|r| phrase(s, r, sign, frame)).collect();
    // `an agenda that encompasses discussions on A, B and C`: A, B, C are wanted on it
    let including = |w: &str| matches!(w, "encompasses" | "includes" | "include" | "covers" | "addresses" | "cover" | "address" | "encompass");
    let modal = matches!(s.lower(next + 1), "would" | "will" | "must" | "should");
    if matches!(s.lower(next), "that" | "which") && (including(s.lower(next + 1)) || modal && including(s.lower(next + 2))) {
        let mut k = next + if modal { 3 } else { 2 };
        if matches!(s.lower(k), "discussions" | "talks" | "negotiations" | "debate") && matches!(s.lower(k + 1), "on" | "about" | "of" | "over") {
            k += 2;
        }
        let (nested, n) = list(s, k, lim);
        if !nested.is_empty() {
            items.extend(nested.into_iter().filter_map(|r| phrase(s, r, sign, true)));
            next = n;
        }
    }
    // a complement belongs to the position, not the issue: `narrowing the agenda to its nuclear program`
    // (only when it ends the clause, so a following verb is not swallowed: `… alone suggests`)
    if matches!(s.lower(next), "to" | "into" | "from" | "with" | "in") {
        if let Some((_, n)) = noun_phrase(s, next + 1, lim) {
            let ends_clause = n >= lim || !s.is_word(n) || matches!(s.role(n), Some(Role::Aux) | Some(Role::Conj) | Some(Role::Rel));
            if ends_clause {
                next = n;
            }
        }
    }
    (!items.is_empty()).then_some(Object { items, end: next })
}

/// `X versus Y`: the phrase ending just before the cue (tokens `a..b`) and the one after it.
/// With no tagger the left phrase's start is a guess: as many words as the right phrase has.
pub fn versus(s: &Sent, a: usize, b: usize) -> Option<(Phrase, Phrase)> {
    let (right, _) = noun_phrase(s, b, s.len())?;
    let width = right.len().clamp(1, 3);
    let mut start = a;
    while start > 0 && s.is_word(start - 1) && s.role(start - 1).is_none() && a - start < width {
        start -= 1;
    }
    let left = (start < a).then(|| phrase(s, start..a, 1, false)).flatten()?;
    let right = phrase(s, right, 1, false)?;
    (left.key != right.key).then_some((left, right))
}

/// The phrase a backward cue (`point of contention`, `red line`) at token `cue` labels.
/// `X, which have emerged as a core point of contention` → X;
/// `describing X as a red line` → X; `X is the main sticking point` → X.
/// Returns the object and the token where the labelling clause starts (for its subject).
pub fn backward_object(s: &Sent, cue: usize) -> Option<(Object, usize)> {
    let mut i = cue;
    // skip `a core`, `the main`, `a`, adjectives
    let mut steps = 0;
    while i > 0 && steps < 4 && s.is_word(i - 1) && !matches!(s.lower(i - 1), "as" | "is" | "are" | "was" | "were" | "remains" | "remain" | "became" | "become") {
        i -= 1;
        steps += 1;
    }
    if i == 0 || !s.is_word(i - 1) {
        return None;
    }
    let link = i - 1; // `as` or a copula
    // walk back to the clause start
    let mut a = link;
    while a > 0 && s.words[a - 1] != "," && s.toks[a - 1].kind != TokenKind::Punct && link - a < 30 {
        a -= 1;
    }
    let lower_a = s.lower(a);
    if matches!(lower_a, "which" | "that") && a >= 2 && s.words[a - 1] == "," {
        // antecedent: the noun phrase ending just before the comma
        let end = a - 1;
        let mut b = end;
        while b > 0 && s.is_word(b - 1) && s.role(b - 1).is_none() && end - b < MAX_NP_WORDS {
            b -= 1;
        }
        let items: Vec<Phrase> = (b < end).then(|| phrase(s, b..end, 1, false)).flatten().into_iter().collect();
        return (!items.is_empty()).then_some((Object { items, end }, b));
    }
    if s.lower(link) == "as" {
        // `describing X as`: X runs from after the labelling verb to `as`
        let verb = (a..link).find(|&k| s.role(k) == Some(Role::Desc))?;
        let obj = object(s, verb + 1, false)?;
        return Some((obj, verb));
    }
    // copula: the subject noun phrase of the clause
    let obj = object(s, a, false)?;
    Some((obj, a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{analyze, Options};

    /// Parse the object after the first occurrence of `after` in `text`: (labels, keys, sign, frame).
    fn check(text: &str, after: &str, expect: &[(&str, &str, i8, bool)]) {
        let doc = analyze(text, &Options { clean: false });
        let all = DocWords::new(&doc);
        let s = Sent::new(&doc, &all, 0);
        let at = text.find(after).unwrap() + after.len();
        let obj = object(&s, s.token_at(at), false).unwrap_or(Object { items: vec![], end: 0 });
        let got: Vec<(String, String, i8, bool)> = obj.items.iter().map(|p| (p.label.clone(), p.key.clone(), p.sign, p.frame)).collect();
        let want: Vec<(String, String, i8, bool)> = expect.iter().map(|e| (e.0.into(), e.1.into(), e.2, e.3)).collect();
        assert_eq!(got, want, "object of {after:?} in {text:?}");
    }

    #[test]
    fn objects_of_cues() {
        check("They disagree over inspection regimes, uranium enrichment, and the broader integration of missile policy into any deal.", "over",
            &[("inspection regimes", "regime", 1, false), ("uranium enrichment", "enrich", 1, false), ("missile policy", "missile", 1, false)]);
        check("Iran refuses to make concessions on its ballistic missile arsenal, describing it.", "concessions on", &[("ballistic missile arsenal", "missile", 1, false)]);
        check("Tehran rejected broader issues such as ballistic missiles, which matter.", "rejected", &[("ballistic missiles", "missile", 1, true)]);
        check("Iran's insistence on narrowing the agenda to its nuclear program has forced a shift.", "insistence on", &[("agenda", "agenda", -1, false)]);
        check("The union demands an end to zero-hour contracts.", "demands", &[("zero-hour contracts", "contract", -1, false)]);
        check("Washington backs a broader multilateral engagement.", "backs", &[("multilateral engagement", "bilateral vs multilateral", -1, false)]);
        check("It pushed for an agenda that encompasses discussions on missile capabilities, proxy support networks, and human rights issues, asserting that.", "pushed for",
            &[("agenda", "agenda", 1, false), ("missile capabilities", "missile", 1, true), ("proxy support networks", "network", 1, true), ("human rights issues", "human", 1, true)]);
    }

    #[test]
    fn no_object_when_a_clause_follows() {
        check("The ministry demands that the talks resume.", "demands", &[]);
        check("They rejected it.", "rejected", &[]);
    }

    #[test]
    fn a_bare_comma_does_not_make_a_list() {
        check("Iran rejects the proposal, the officials, the rest.", "rejects", &[]);
        check("Iran rejects tariffs, officials said.", "rejects", &[("tariffs", "tariff", 1, false)]);
    }
}
