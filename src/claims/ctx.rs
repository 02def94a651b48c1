//! Per-document working state of the claims stage: lowercased tokens, quotation marks, line
//! breaks, and the drafts (token ranges) that become [`Claim`](crate::doc::Claim)s. Built once
//! in O(n); every later lookup is O(1).

use crate::doc::{Doc, SourceKind, Span, TokenKind};
use crate::lexicon::LowerForms;
use super::lexicon::{lex, CueInfo, Leads};
use std::borrow::Cow;

/// A half-open range of token indices.
pub type Toks = (usize, usize);

/// How a quotation-mark token reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    None,
    Open,
    Close,
}

pub struct Ctx<'a> {
    pub doc: &'a Doc,
    /// Each distinct word's text, sliced once, and each token's word id (its index there).
    words: Vec<&'a str>,
    word_ids: Cow<'a, [u32]>,
    /// Lowercased token text (curly apostrophes folded to `'`).
    pub low: LowerForms<'a>,
    pub quote: Vec<QuoteMark>,
    /// A line break sits between token i-1 and token i.
    pub break_before: Vec<bool>,
    /// Token i lies inside a quotation (marks included).
    pub in_quote: Vec<bool>,
    /// Sentence index of each token.
    pub sentence_of: Vec<usize>,
    /// The cue, hedge and sourceless lists each word leads (see [`Leads`]).
    cue_leads: Leads,
    hedge_leads: Leads,
    sourceless_leads: Leads,
}

fn quote_mark(text: &str, tok: Span) -> QuoteMark {
    let s = tok.slice(text);
    match s {
        "“" | "«" | "„" => QuoteMark::Open,
        "”" | "»" => QuoteMark::Close,
        "\"" | "''" => {
            let before = text.get(..tok.start).and_then(|t| t.chars().next_back());
            let after = text.get(tok.end..).and_then(|t| t.chars().next());
            let open_side = before.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
            let close_side = after.is_none_or(|c| c.is_whitespace() || ",.;:!?)]}—–-".contains(c));
            match (open_side, close_side) {
                (true, false) => QuoteMark::Open,
                (false, true) => QuoteMark::Close,
                // spaces on both sides or neither: decided by the pairing state
                _ => QuoteMark::None,
            }
        }
        _ => QuoteMark::None,
    }
}

fn is_straight_quote(text: &str, tok: Span, next: Option<Span>) -> bool {
    match tok.slice(text) {
        "\"" => true,
        "'" => next.is_some_and(|n| n.start == tok.end && n.slice(text) == "'"),
        _ => false,
    }
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Doc) -> Ctx<'a> {
        let text = &doc.text;
        let n = doc.tokens.len();
        // lookup forms: lower case, curly apostrophes folded (`Iran’s` → `iran's`)
        let low = LowerForms::of_doc(doc, true);
        let (words, word_ids) = crate::tokenize::words_and_ids(text, &doc.tokens, &doc.vocab);
        // (the gaps between tokens are a few bytes: read in place, a byte loop, not `memchr`,
        // whose set-up `contains` calls in the wasm for every gap)
        let bytes = text.as_bytes();
        #[allow(clippy::manual_contains)]
        let break_before = (0..n)
            .map(|i| i > 0 && bytes.get(doc.tokens[i - 1].span.end..doc.tokens[i].span.start).is_some_and(|g| g.iter().any(|&b| b == b'\n')))
            .collect();
        let mut sentence_of = vec![0; n];
        for (si, s) in doc.sentences.iter().enumerate() {
            for i in s.tokens.clone() {
                if let Some(slot) = sentence_of.get_mut(i) {
                    *slot = si;
                }
            }
        }
        // (a quotation mark starts with `"`, `'` or the lead byte of `“ ” „` or `« »`)
        let mut quote: Vec<QuoteMark> =
            doc.tokens.iter().map(|t| if matches!(text.as_bytes().get(t.span.start), Some(b'"' | b'\'' | 0xc2 | 0xe2)) { quote_mark(text, t.span) } else { QuoteMark::None }).collect();
        // `''` (two apostrophes) is a double quotation mark in some newsrooms' text
        for (i, pair) in doc.tokens.windows(2).enumerate() {
            let (a, b) = (pair[0].span, pair[1].span);
            if a.slice(text) == "'" && b.slice(text) == "'" && a.end == b.start {
                quote[i] = quote_mark(text, Span::new(a.start, b.end));
            }
        }
        // ambiguous straight quotes: toggle
        let mut open = false;
        let mut skip_next = false;
        for (i, t) in doc.tokens.iter().enumerate() {
            if std::mem::take(&mut skip_next) {
                continue;
            }
            let next = doc.tokens.get(i + 1).map(|n| n.span);
            if is_straight_quote(text, t.span, next) && quote[i] == QuoteMark::None {
                quote[i] = if open { QuoteMark::Close } else { QuoteMark::Open };
            }
            skip_next = t.span.slice(text) == "'" && quote[i] != QuoteMark::None;
            match quote[i] {
                QuoteMark::Open => open = true,
                QuoteMark::Close => open = false,
                QuoteMark::None => {}
            }
        }
        let (cue_leads, hedge_leads, sourceless_leads) = (Leads::new(&low), Leads::new(&low), Leads::new(&low));
        Ctx { doc, words, word_ids, low, quote, break_before, in_quote: vec![false; n], sentence_of, cue_leads, hedge_leads, sourceless_leads }
    }

    /// The longest cue starting at token `i`: (length, flags).
    pub fn cue_at(&self, i: usize) -> Option<(usize, &'static CueInfo)> {
        lex().cues.match_at_in(&self.cue_leads, &self.low, i)
    }

    /// The length of the longest hedge starting at token `i`.
    pub fn hedge_at(&self, i: usize) -> Option<usize> {
        lex().hedges.match_at_in(&self.hedge_leads, &self.low, i).map(|(len, _)| len)
    }

    /// The length of the longest sourceless-claim phrase starting at token `i`.
    pub fn sourceless_at(&self, i: usize) -> Option<usize> {
        lex().sourceless.match_at_in(&self.sourceless_leads, &self.low, i).map(|(len, _)| len)
    }

    pub fn len(&self) -> usize {
        self.low.len()
    }
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.word_ids.get(i).map_or("", |&id| self.words[id as usize])
    }
    pub fn low(&self, i: usize) -> &str {
        self.low.get(i).unwrap_or("")
    }
    pub fn is_punct(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }
    pub fn is_wordlike(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }
    /// Sentence-final punctuation.
    pub fn is_terminal(&self, i: usize) -> bool {
        matches!(self.word(i), "." | "!" | "?" | "…" | "...")
    }
    pub fn is_quote(&self, i: usize) -> bool {
        self.quote.get(i).is_some_and(|q| *q != QuoteMark::None)
    }
    /// Byte span covering tokens `[a, b)`.
    pub fn span(&self, (a, b): Toks) -> Span {
        let t = &self.doc.tokens;
        match (t.get(a), b.checked_sub(1).and_then(|e| t.get(e))) {
            (Some(x), Some(y)) if a < b => Span::new(x.span.start, y.span.end),
            _ => Span::default(),
        }
    }
    /// At least `k` word or number tokens in `[a, b)` (stops counting at `k`: cheap on long ranges).
    pub fn has_words(&self, (a, b): Toks, k: usize) -> bool {
        let mut n = 0;
        for i in a..b.min(self.len()) {
            if self.is_wordlike(i) {
                n += 1;
                if n >= k {
                    return true;
                }
            }
        }
        k == 0
    }
    /// Number of word or number tokens in `[a, b)`.
    pub fn words_in(&self, (a, b): Toks) -> usize {
        (a..b.min(self.len())).filter(|&i| self.is_wordlike(i)).count()
    }
}

/// A claim under construction, in token ranges.
#[derive(Debug, Clone)]
pub struct Draft {
    pub source: Option<Toks>,
    pub cue: Option<Toks>,
    /// Content pieces in text order (one piece when contiguous).
    pub content: Vec<Toks>,
    pub kind: &'static str,
    pub negated: bool,
    /// Forces the source kind (e.g. `None` for sourceless statements).
    pub source_kind: Option<SourceKind>,
    /// An appositive or relative clause after the source (`, speaking anonymously,`).
    pub appositive: Option<Toks>,
    pub rule: &'static str,
}

impl Draft {
    pub fn new(source: Option<Toks>, cue: Option<Toks>, content: Vec<Toks>, kind: &'static str, rule: &'static str) -> Draft {
        Draft { source, cue, content, kind, negated: false, source_kind: None, appositive: None, rule }
    }
    pub fn content_cover(&self) -> Option<Toks> {
        Some((self.content.first()?.0, self.content.last()?.1))
    }
}

/// Drafts plus the tokens they already use (each token belongs to at most one claim).
pub struct Drafts {
    pub list: Vec<Draft>,
    pub used: Vec<bool>,
    /// Index into `list` of the draft using each token (`usize::MAX` when free).
    owner: Vec<usize>,
}

impl Drafts {
    pub fn new(n: usize) -> Drafts {
        Drafts { list: Vec::new(), used: vec![false; n], owner: vec![usize::MAX; n] }
    }
    pub fn is_used(&self, (a, b): Toks) -> bool {
        (a..b.min(self.used.len())).any(|i| self.used[i])
    }
    /// The source of the nearest claim before token `i`, looking back at most `window` tokens.
    pub fn source_before(&self, i: usize, window: usize) -> Option<Toks> {
        (i.saturating_sub(window)..i.min(self.owner.len()))
            .rev()
            .find_map(|k| self.list.get(self.owner[k]).and_then(|d| d.source))
    }
    /// The nearest claim before token `i`, looking back at most `window` tokens.
    pub fn draft_before(&self, i: usize, window: usize) -> Option<&Draft> {
        (i.saturating_sub(window)..i.min(self.owner.len())).rev().find_map(|k| self.list.get(self.owner[k]))
    }
    /// Add a draft whose content is non-empty, marking its tokens used.
    pub fn push(&mut self, d: Draft) -> bool {
        if d.content.iter().all(|&(a, b)| a >= b) {
            return false;
        }
        let ranges = d.content.iter().copied().chain(d.source).chain(d.cue);
        for (a, b) in ranges {
            for i in a..b.min(self.used.len()) {
                self.used[i] = true;
                self.owner[i] = self.list.len();
            }
        }
        self.list.push(d);
        true
    }
}
