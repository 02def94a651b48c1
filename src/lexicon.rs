//! Lexicons are data: plain-text files under `data/`, compiled in with `include_str!` and
//! parsed once. This module owns the file format and the word-boundary phrase matcher.
//!
//! Format (see data/README.md): one entry per line; `#` starts a comment; blank lines are
//! ignored; an optional `|` separates the entry from a value (`U.S. | United States`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// One parsed lexicon line: the entry and its optional value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub key: &'a str,
    pub value: Option<&'a str>,
}

/// Parse a lexicon file's text into entries.
pub fn parse(text: &str) -> impl Iterator<Item = Entry<'_>> {
    text.lines().filter_map(|line| {
        let line = match line.find('#') {
            // `#` at the start or after whitespace starts a comment; `C#` stays.
            Some(i) if i == 0 || line[..i].ends_with(char::is_whitespace) => &line[..i],
            _ => line,
        };
        let (key, value) = match line.split_once('|') {
            Some((k, v)) => (k.trim(), Some(v.trim()).filter(|v| !v.is_empty())),
            None => (line.trim(), None),
        };
        (!key.is_empty()).then_some(Entry { key, value })
    })
}

/// A set of phrases matched leftmost-longest at word boundaries, each with a payload.
pub struct PhraseMatcher<T> {
    ac: AhoCorasick,
    payloads: Vec<T>,
    /// Phrases were lower-cased (ASCII) and texts are lower-cased before a search.
    fold_case: bool,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<'p, T> {
    pub start: usize,
    pub end: usize,
    pub payload: &'p T,
}

impl<T> PhraseMatcher<T> {
    /// Build from `(phrase, payload)` pairs. `ascii_case_insensitive` folds ASCII case only: the
    /// phrases are lower-cased here and each text before its search (same offsets), which
    /// builds an automaton half the size of aho-corasick's own case folding, and faster.
    pub fn new(entries: Vec<(String, T)>, ascii_case_insensitive: bool) -> PhraseMatcher<T> {
        let (mut phrases, payloads): (Vec<String>, Vec<T>) = entries.into_iter().unzip();
        if ascii_case_insensitive {
            phrases.iter_mut().for_each(|p| p.make_ascii_lowercase());
        }
        let ac = AhoCorasickBuilder::new()
            // the noncontiguous NFA is the cheapest to build (no conversion pass): building is
            // most of the page's time to ready, and lexicon text is searched once per article
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
            .expect("lexicon phrases build an automaton");
        PhraseMatcher { ac, payloads, fold_case: ascii_case_insensitive }
    }

    fn folded<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.fold_case && text.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(text.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }

    /// All non-overlapping matches that start and end at word boundaries.
    pub fn find_all<'p>(&'p self, text: &str) -> Vec<PhraseMatch<'p, T>> {
        let haystack = self.folded(text);
        self.ac
            .find_iter(haystack.as_ref())
            .filter(|m| is_word_boundary(text, m.start()) && is_word_boundary(text, m.end()))
            .map(|m| PhraseMatch { start: m.start(), end: m.end(), payload: &self.payloads[m.pattern().as_usize()] })
            .collect()
    }

    /// Payload of an exact phrase, if `phrase` is in the set as a whole.
    pub fn get(&self, phrase: &str) -> Option<&T> {
        let haystack = self.folded(phrase);
        self.ac
            .find(haystack.as_ref())
            .filter(|m| m.start() == 0 && m.end() == phrase.len())
            .map(|m| &self.payloads[m.pattern().as_usize()])
    }
}

/// True if byte offset `i` of `text` is not inside a word (alphanumeric on both sides).
pub fn is_word_boundary(text: &str, i: usize) -> bool {
    let before = text.get(..i).and_then(|s| s.chars().next_back());
    let after = text.get(i..).and_then(|s| s.chars().next());
    match (before, after) {
        (Some(b), Some(a)) => !(b.is_alphanumeric() && a.is_alphanumeric()),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_comments_values_and_blanks() {
        let text = "# header\nIran\n\nU.S. | United States  # comment\nC#\n";
        let entries: Vec<_> = parse(text).collect();
        assert_eq!(
            entries,
            vec![
                Entry { key: "Iran", value: None },
                Entry { key: "U.S.", value: Some("United States") },
                Entry { key: "C#", value: None },
            ]
        );
    }

    #[test]
    fn matches_only_whole_words_longest_first() {
        let m = PhraseMatcher::new(vec![("Oman".into(), 1), ("Iran".into(), 2), ("Middle East".into(), 3)], false);
        let found: Vec<_> = m.find_all("Iranian Oman, the Middle East").iter().map(|f| *f.payload).collect();
        assert_eq!(found, vec![1, 3]);
    }
}
