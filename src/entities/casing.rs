//! Casing of tokens and lines: which words look like names, and whether a line is an
//! all-caps or title-case headline (where capitalization says nothing about names).

use super::lexicons::words;
use crate::hash::HashSet;
use crate::lexicon::lower;
use std::borrow::Cow;

/// Lower-cased words of the article that appear in lower case somewhere, borrowed from the text
/// where they already are lower case.
pub type Vocab<'a> = HashSet<Cow<'a, str>>;

/// How a sentence is capitalized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMode {
    /// Ordinary prose: a capital letter inside the sentence marks a name.
    Normal,
    /// Every word upper-case (`LEICESTERSHIRE TAKE OVER AT TOP`).
    AllCaps,
    /// Headline style: content words capitalized (`Iran May Not Allow Other Countries …`).
    TitleCase,
}

// (An ASCII first byte is read as a byte: these run for every token, and decoding a char was
// most of their cost. For ASCII, `is_uppercase` is `is_ascii_uppercase`.)
#[inline]
pub fn starts_upper(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => s.chars().next().is_some_and(|c| c.is_uppercase()),
    }
}

#[inline]
pub fn starts_lower(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_lowercase(),
        _ => s.chars().next().is_some_and(|c| c.is_lowercase()),
    }
}

/// Two or more letters and none lower-case (`IAEA`, `U.S.`).
pub fn is_all_caps(s: &str) -> bool {
    !s.chars().any(|c| c.is_lowercase()) && has_two_letters(s)
}

/// At least two letters (stops counting at two). ASCII a byte at a time; from the first
/// non-ASCII byte on (a char boundary: every byte before it is ASCII), by chars.
fn has_two_letters(s: &str) -> bool {
    let mut letters = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b >= 0x80 {
            return s[i..].chars().filter(|&c| crate::text::is_alphabetic(c)).nth(1 - letters).is_some();
        }
        if b.is_ascii_alphabetic() {
            letters += 1;
            if letters == 2 {
                return true;
            }
        }
    }
    false
}

/// Lower-cased words of the article that appear in lower case somewhere (`talks`, `officials`).
pub fn lower_vocab<'a>(words: impl Iterator<Item = &'a str>) -> Vocab<'a> {
    words.filter(|w| starts_lower(w)).map(lower).collect()
}

/// A capitalized word that is really a common word (listed, or seen lower-case in the article).
pub fn is_common(word: &str, vocab: &Vocab) -> bool {
    crate::lexicon::with_lower(word, |lower| words().common.contains(lower) || vocab.contains(lower))
}

/// [`shape`]: the word has two letters or more.
pub const TWO_LETTERS: u8 = 1;
/// [`shape`]: the word has no lower-case letter.
pub const NO_LOWER: u8 = 2;

/// What [`line_mode`] reads of a word's letters, as [`TWO_LETTERS`] and [`NO_LOWER`] bits: a
/// property of the word, kept per distinct word (`Ctx::new`).
pub fn shape(w: &str) -> u8 {
    (u8::from(has_two_letters(w)) * TWO_LETTERS) | (u8::from(!w.chars().any(|c| c.is_lowercase())) * NO_LOWER)
}

/// Decide a sentence's mode from its word tokens, each with its [`shape`].
pub fn line_mode(sentence_words: &[(&str, u8)], vocab: &Vocab) -> LineMode {
    // (not collected: this runs on every sentence; the counts in one pass, the rest read again
    // only for a line that may be title case)
    let alpha = || sentence_words.iter().filter(|(_, s)| s & TWO_LETTERS != 0).map(|&(w, _)| w);
    let (mut alpha_len, mut caps) = (0, 0);
    for &(_, s) in sentence_words.iter().filter(|(_, s)| s & TWO_LETTERS != 0) {
        alpha_len += 1;
        // (a word of two letters is all caps exactly when it has no lower-case letter)
        caps += usize::from(s & NO_LOWER != 0);
    }
    if alpha_len == 0 {
        return LineMode::Normal;
    }
    let has_lower = caps < alpha_len;
    if caps >= 2 && (!has_lower || caps * 10 >= alpha_len * 8) {
        return LineMode::AllCaps;
    }
    // title case: no lower-case content word, and several capitalized common words
    // (the common-word lookups only for a line that may be one)
    if alpha_len < 4 || alpha().any(|w| starts_lower(w) && !is_function_word(w)) {
        return LineMode::Normal;
    }
    let cap_common = alpha().skip(1).filter(|w| starts_upper(w) && !is_all_caps(w) && is_common(w, vocab)).count();
    if cap_common >= 2 {
        return LineMode::TitleCase;
    }
    LineMode::Normal
}

/// Short words a title-case headline leaves in lower case.
pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "of" | "to" | "in" | "on" | "at" | "for" | "and" | "or" | "but" | "by" | "with" | "from"
            | "as" | "vs" | "vs." | "over" | "into" | "up" | "off" | "is" | "be" | "are" | "s"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(line: &str) -> LineMode {
        let ws: Vec<(&str, u8)> = line.split_whitespace().map(|w| (w, shape(w))).collect();
        line_mode(&ws, &HashSet::default())
    }

    #[test]
    fn a_words_shape_is_its_letters_as_the_line_mode_read_them() {
        for (w, two, no_lower) in [("ab", true, false), ("AB", true, true), ("A", false, true), ("a", false, false), ("A1", false, true), ("É.U.", true, true), ("--", false, true), ("Iran’s", true, false), ("ÉTATS", true, true)] {
            assert_eq!(shape(w) & TWO_LETTERS != 0, two, "{w}");
            assert_eq!(shape(w) & NO_LOWER != 0, no_lower, "{w}");
        }
    }

    #[test]
    fn detects_headline_modes() {
        assert_eq!(mode("Iran May Not Allow Other Countries Officials to Join Iran US Nuclear Talks in Oman"), LineMode::TitleCase);
        assert_eq!(mode("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP"), LineMode::AllCaps);
        assert_eq!(mode("Phil Simmons took four wickets on Friday"), LineMode::Normal);
        assert_eq!(mode("US President Donald Trump met Omani officials"), LineMode::Normal);
        assert_eq!(mode("Donald Trump"), LineMode::Normal);
    }

    #[test]
    fn byte_readings_match_the_char_readings() {
        for s in ["", "a", "A", "ab", "a1b", "1", "É", "é", "Éa", "aÉ", "ΟΔΟΣ", "ǅ", "😊a", "a😊b", "U.S.", "x\u{300}", "\u{a0}A", "İ"] {
            assert_eq!(starts_upper(s), s.chars().next().is_some_and(|c| c.is_uppercase()), "{s:?}");
            assert_eq!(starts_lower(s), s.chars().next().is_some_and(|c| c.is_lowercase()), "{s:?}");
            assert_eq!(has_two_letters(s), s.chars().filter(|c| c.is_alphabetic()).nth(1).is_some(), "{s:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_word_reads_as_its_chars(s in "[aZ1.'\u{e9}\u{c9}\u{3a3}\u{1c5}\u{1f60a}\u{300} -]{0,6}") {
            proptest::prop_assert_eq!(starts_upper(&s), s.chars().next().is_some_and(|c| c.is_uppercase()));
            proptest::prop_assert_eq!(starts_lower(&s), s.chars().next().is_some_and(|c| c.is_lowercase()));
            proptest::prop_assert_eq!(has_two_letters(&s), s.chars().filter(|c| c.is_alphabetic()).nth(1).is_some());
        }
    }
}
