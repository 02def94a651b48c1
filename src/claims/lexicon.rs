//! The claims stage's word lists (`data/claims/*.txt`), parsed once, and a token-sequence
//! matcher for single- and multiword entries (`said`, `pointed out`, `is expected to`).

use crate::doc::SourceKind;
use crate::lexicon::{lower, parse, EndBytes, LowerForms};
use std::borrow::Cow;
use std::cell::Cell;
use crate::hash::HashMap;
use std::sync::OnceLock;

/// What a cue entry's flags say (see `data/claims/cues.txt`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueInfo {
    /// Only a cue when `that`, `:` or a quotation follows.
    pub needs_that: bool,
    /// Takes a listener before its content (`told reporters that`).
    pub takes_object: bool,
    /// Cognition or intent rather than speech.
    pub cognition: bool,
    /// A denial: the claim is negated.
    pub denial: bool,
    /// A participle that takes the clause subject after a comma (`, saying that`).
    pub participle: bool,
}

impl CueInfo {
    fn from_flags(flags: Option<&str>) -> CueInfo {
        let mut c = CueInfo::default();
        for f in crate::text::words(flags.unwrap_or("")) {
            match f {
                "that" => c.needs_that = true,
                "obj" => c.takes_object = true,
                "cog" => c.cognition = true,
                "deny" => c.denial = true,
                "ing" => c.participle = true,
                _ => {}
            }
        }
        c
    }
}

/// A phrase's words after its first, and its payload.
type PhraseRest<T> = (Vec<Cow<'static, str>>, T);

/// Phrases over lowercased tokens: first word → (remaining words, payload), longest first.
/// Words borrow the static lexicon text unless lower-casing changed them.
pub struct TokenPhrases<T> {
    /// First word → its index in `lists`.
    by_first: HashMap<Cow<'static, str>, u32>,
    lists: Vec<Vec<PhraseRest<T>>>,
    /// The first words' end bytes: most tokens start no entry (see [`EndBytes`]).
    first_ends: EndBytes,
}

/// For one document and one [`TokenPhrases`]: the list each distinct word (form) leads, looked
/// up the first time a token of it is asked (claims ask at nearly every token of an article).
pub struct Leads {
    by_form: Vec<Cell<u32>>,
}

const UNASKED: u32 = u32::MAX;
const LEADS_NONE: u32 = u32::MAX - 1;

impl Leads {
    pub fn new(low: &LowerForms) -> Leads {
        Leads { by_form: vec![Cell::new(UNASKED); low.form_count()] }
    }
}

impl<T> TokenPhrases<T> {
    // (not inlined: the lexicon's one-off build stays a small function, which wasm's tiering
    // leaves in the baseline tier instead of compiling three inlined loops optimised)
    #[inline(never)]
    fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> TokenPhrases<T> {
        let mut by_first: HashMap<Cow<'static, str>, u32> = HashMap::default();
        let mut lists: Vec<Vec<PhraseRest<T>>> = Vec::new();
        for (phrase, payload) in entries {
            let mut words = crate::text::words(phrase).map(lower);
            let Some(first) = words.next() else { continue };
            let k = *by_first.entry(first).or_insert_with(|| {
                lists.push(Vec::new());
                (lists.len() - 1) as u32
            });
            lists[k as usize].push((words.collect(), payload));
        }
        for list in &mut lists {
            crate::sort::sort_by_key(list, |(rest, _)| std::cmp::Reverse(rest.len()));
        }
        let first_ends = EndBytes::new(by_first.keys().map(|k| &**k));
        TokenPhrases { by_first, lists, first_ends }
    }

    /// The index in `lists` of the entries `first` leads.
    fn lead(&self, first: &str) -> Option<u32> {
        if !self.first_ends.may_hold(first) {
            return None;
        }
        self.by_first.get(first).copied()
    }

    /// The longest entry starting at token `i` of `low` (lowercased tokens): (length, payload).
    pub fn match_at(&self, low: &LowerForms, i: usize) -> Option<(usize, &T)> {
        let k = self.lead(low.get(i)?)?;
        self.longest(k, low, i)
    }

    /// [`Self::match_at`], the first word's list read from `leads` (this lexicon's, for `low`'s
    /// document) once asked.
    pub fn match_at_in(&self, leads: &Leads, low: &LowerForms, i: usize) -> Option<(usize, &T)> {
        let Some(slot) = low.form_index(i).and_then(|f| leads.by_form.get(f)) else { return self.match_at(low, i) };
        let mut k = slot.get();
        if k == UNASKED {
            k = low.get(i).and_then(|first| self.lead(first)).unwrap_or(LEADS_NONE);
            slot.set(k);
        }
        if k == LEADS_NONE {
            return None;
        }
        self.longest(k, low, i)
    }

    fn longest(&self, k: u32, low: &LowerForms, i: usize) -> Option<(usize, &T)> {
        let list = self.lists.get(k as usize)?;
        list.iter().find_map(|(rest, payload)| {
            let fits = rest.iter().enumerate().all(|(k, w)| low.get(i + 1 + k).is_some_and(|t| t == &**w));
            fits.then_some((1 + rest.len(), payload))
        })
    }
}

pub struct Lexicons {
    pub cues: TokenPhrases<CueInfo>,
    pub hedges: TokenPhrases<()>,
    pub sourceless: TokenPhrases<()>,
    pub source_nouns: HashMap<Cow<'static, str>, SourceKind>,
    pub anonymity: crate::text::AnyOf<Cow<'static, str>>,
}

fn kind_of(value: Option<&str>) -> SourceKind {
    match value {
        Some("anonymous") => SourceKind::Anonymous,
        Some("hearsay") => SourceKind::Hearsay,
        _ => SourceKind::Unnamed,
    }
}

pub fn lex() -> &'static Lexicons {
    static L: OnceLock<Lexicons> = OnceLock::new();
    L.get_or_init(|| Lexicons {
        cues: TokenPhrases::new(
            parse(include_str!("../../data/claims/cues.txt")).map(|e| (e.key, CueInfo::from_flags(e.value))),
        ),
        hedges: TokenPhrases::new(parse(include_str!("../../data/claims/hedges.txt")).map(|e| (e.key, ()))),
        sourceless: TokenPhrases::new(
            parse(include_str!("../../data/claims/sourceless.txt")).map(|e| (e.key, ())),
        ),
        source_nouns: parse(include_str!("../../data/claims/source_nouns.txt"))
            .map(|e| (lower(e.key), kind_of(e.value)))
            .collect(),
        anonymity: crate::text::AnyOf::new(parse(include_str!("../../data/claims/anonymity.txt")).map(|e| lower(e.key)).collect()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn low(s: &str) -> LowerForms<'_> {
        LowerForms::new(s, crate::text::words(s).map(|w| crate::text::offset_in(s, w)).map(|(a, b)| crate::doc::Span::new(a, b)).collect::<Vec<_>>().into_iter(), true)
    }

    #[test]
    fn multiword_cues_match_longest_first() {
        let t = low("He pointed out that");
        assert_eq!(lex().cues.match_at(&t, 1).map(|m| m.0), Some(2));
        let t = low("She said in a statement");
        assert_eq!(lex().cues.match_at(&t, 1).map(|m| m.0), Some(4));
        assert!(lex().cues.match_at(&t, 0).is_none());
    }

    #[test]
    fn a_words_lead_kept_for_the_document_matches_as_a_fresh_lookup() {
        let text = "Officials said. He SAID in a statement that she said so, and said in a way: \u{201c}Said\u{201d} may be expected to";
        let mut doc = crate::doc::Doc::new(text);
        crate::tokenize::tokenize(&mut doc);
        let low = LowerForms::of_doc(&doc, true);
        // a word's tokens share one form: the memo is asked once per word, from any token
        assert!(low.form_count() < low.len());
        // asked in text order and backwards (each word's first token asked is another one)
        for backwards in [false, true] {
            let leads = Leads::new(&low);
            let order: Vec<usize> = if backwards { (0..low.len()).rev().collect() } else { (0..low.len()).collect() };
            for i in order {
                assert_eq!(lex().cues.match_at_in(&leads, &low, i), lex().cues.match_at(&low, i), "token {i}");
            }
        }
        let leads = Leads::new(&low);
        for i in 0..low.len() {
            assert_eq!(lex().hedges.match_at_in(&leads, &low, i), lex().hedges.match_at(&low, i), "token {i}");
        }
        assert!((0..low.len()).filter(|&i| lex().cues.match_at(&low, i).is_some()).count() >= 4);
        // a form past the end of `leads` (another document's) is looked up afresh
        let other = self::low("said");
        assert_eq!(lex().cues.match_at_in(&Leads::new(&other), &low, 2), lex().cues.match_at(&low, 2));
    }

    #[test]
    fn flags_are_read() {
        let t = low("denied told");
        assert!(lex().cues.match_at(&t, 0).unwrap().1.denial);
        assert!(lex().cues.match_at(&t, 1).unwrap().1.takes_object);
    }
}
