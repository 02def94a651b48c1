//! String scanning the stages share, with ASCII fast paths: each function gives exactly what the
//! `std` one it replaces gives (property tests compare them on any string), without the
//! per-call set-up or per-char decoding that made the `std` one a hot spot in the wasm build
//! (`split_whitespace` decodes every char; `str::contains(&str)` builds a two-way searcher for
//! every call, costly on the short strings searched here).

/// The whitespace-separated words of `text`: exactly `text.split_whitespace()`.
#[inline]
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator of [`words`].
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

/// Width in bytes of the non-ASCII whitespace char at byte `i` of `text` (a char boundary), or
/// 0 if the char there is not one.
#[inline]
fn wide_space_width(text: &str, i: usize) -> usize {
    // the non-ASCII whitespace chars all start with one of these bytes (U+0085, U+00A0,
    // U+1680, U+2000..U+205F, U+3000)
    if !matches!(text.as_bytes()[i], 0xC2 | 0xE1 | 0xE2 | 0xE3) {
        return 0;
    }
    text[i..].chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
}

/// An ASCII whitespace byte (`char::is_whitespace`: space, `\t`, `\n`, VT, FF, `\r`).
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Skips bytes that are ASCII above the space (`!` to DEL) from `i`, eight at a step: within a
/// word those need no closer look. Returns the first other byte's index, or where fewer than
/// eight bytes are left (the caller reads the rest a byte at a time).
#[inline]
pub(crate) fn skip_plain_ascii(bytes: &[u8], mut i: usize) -> usize {
    const LOW: u64 = 0x2121_2121_2121_2121;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // a byte below 0x21 or from 0x80 up sets its high bit here; the lowest set one is exact
        // (a borrow only runs upward, from a byte that is itself below 0x21)
        let flagged = ((w.wrapping_sub(LOW) & !w) | w) & HIGH;
        if flagged != 0 {
            return i + (flagged.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// Index of the first `\n` or `\r` in `bytes` at or after `from`: exactly
/// `bytes[from..].iter().position(|&b| b == b'\n' || b == b'\r').map(|p| from + p)`, eight
/// bytes at a step (line scans read every byte of a paste several times).
pub(crate) fn find_line_break(bytes: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // a zero byte of `x` sets its high bit in `zero(x)`; the lowest set one is exact (bits above
    // a zero byte may be set by its borrow, never below it)
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let found = zero(w ^ (ONES * u64::from(b'\n'))) | zero(w ^ (ONES * u64::from(b'\r')));
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&b| b == b'\n' || b == b'\r').map(|p| i + p)
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut i = self.pos;
        while i < bytes.len() {
            let b = bytes[i];
            if is_ascii_space(b) {
                i += 1;
            } else if b < 0x80 {
                break;
            } else {
                match wide_space_width(text, i) {
                    0 => break,
                    w => i += w,
                }
            }
        }
        if i >= bytes.len() {
            self.pos = i;
            return None;
        }
        let start = i;
        i = skip_plain_ascii(bytes, i);
        // a word ends at an ASCII space or at the first byte of a wide one; any other byte,
        // a continuation byte included, belongs to the word (so `i` stays on char boundaries
        // wherever the loop stops)
        while i < bytes.len() {
            let b = bytes[i];
            if b > b' ' && b < 0x80 {
                i += 1;
            } else if is_ascii_space(b) || b >= 0x80 && wide_space_width(text, i) > 0 {
                break;
            } else {
                i += 1;
            }
        }
        self.pos = i;
        Some(&text[start..i])
    }
}

/// The [`words`] of a text as byte ranges, read once for scans that each read every word of
/// a line again (the cleaner's first pass read the whole text's words four times).
pub struct WordSpans {
    spans: Vec<(u32, u32)>,
    /// Where the last [`Self::within`] started: lines are asked in text order, so the next one
    /// is found by galloping from here, not by a search of the whole list.
    hint: std::cell::Cell<usize>,
}

impl WordSpans {
    /// The words of `text`; `None` for a text too long for 32-bit offsets.
    pub fn of(text: &str) -> Option<WordSpans> {
        u32::try_from(text.len()).ok()?;
        // (about a word per six bytes of prose: room for them at once, not grown by doubling)
        let mut spans = Vec::with_capacity(text.len() / 5);
        spans.extend(words(text).map(|w| offset_in(text, w)).map(|(s, e)| (s as u32, e as u32)));
        Some(WordSpans { spans, hint: Default::default() })
    }

    /// The words inside `start..end`, a range of the text whose ends are at whitespace or at the
    /// text's ends (a word never straddles them): exactly `words(&text[start..end])`, offset.
    pub fn within(&self, start: usize, end: usize) -> &[(u32, u32)] {
        self.within_from(start, end).1
    }

    /// [`Self::within`], and the index of the range's first word in the text's words.
    pub fn within_from(&self, start: usize, end: usize) -> (usize, &[(u32, u32)]) {
        let hint = self.hint.get().min(self.spans.len());
        let from = match hint.checked_sub(1).map(|h| self.spans[h].0 as usize) {
            // a range before the last one's: searched from the list's start
            Some(before) if before >= start => first_at_or_after(&self.spans[..hint], 0, start),
            _ => first_at_or_after(&self.spans, hint, start),
        };
        self.hint.set(from);
        (from, &self.spans[from..first_at_or_after(&self.spans, from, end)])
    }

    /// Each word's text.
    pub fn texts<'s, 't: 's>(&'s self, text: &'t str) -> impl Iterator<Item = &'t str> + 's {
        self.spans.iter().map(move |&(s, e)| &text[s as usize..e as usize])
    }
}

/// The first index from `from` on whose span starts at or after `at` (spans sorted), galloping:
/// O(log distance) from `from`.
fn first_at_or_after(spans: &[(u32, u32)], from: usize, at: usize) -> usize {
    let before = |i: usize| (spans[i].0 as usize) < at;
    let (mut lo, mut step) = (from, 1);
    let mut hi = from;
    while hi < spans.len() && before(hi) {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(spans.len());
    lo + spans[lo..hi].partition_point(|&(s, _)| (s as usize) < at)
}

/// The words of a slice of a text as byte ranges in the slice: from the text's [`WordSpans`]
/// (`Spans`: the slice's spans and the slice's offset in the text), or read from the slice.
pub enum SliceWords<'a> {
    Spans(std::slice::Iter<'a, (u32, u32)>, usize),
    Text(&'a str, Words<'a>),
}

impl<'a> SliceWords<'a> {
    /// The words of `text[start..end]`, from `spans` (the text's) if given, else read.
    pub fn of(text: &'a str, start: usize, end: usize, spans: Option<&'a WordSpans>) -> SliceWords<'a> {
        SliceWords::new(&text[start..end], spans.map(|w| (w.within(start, end), start)))
    }

    /// The words of `slice`: `spans`, the slice's words as byte ranges of the text and the
    /// slice's offset in it, if given ([`WordSpans::within`]); else read from the slice.
    pub fn new(slice: &'a str, spans: Option<(&'a [(u32, u32)], usize)>) -> SliceWords<'a> {
        match spans {
            Some((spans, base)) => SliceWords::Spans(spans.iter(), base),
            None => SliceWords::Text(slice, words(slice)),
        }
    }
}

impl Iterator for SliceWords<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            SliceWords::Spans(spans, base) => spans.next().map(|&(s, e)| (s as usize - *base, e as usize - *base)),
            SliceWords::Text(slice, words) => words.next().map(|w| offset_in(slice, w)),
        }
    }

    /// Exact from spans (a `collect` then allocates once); unknown when read from the text.
    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            SliceWords::Spans(spans, _) => spans.size_hint(),
            SliceWords::Text(..) => (0, None),
        }
    }
}

/// Byte range of `part`, a slice of `text` (a word [`words`] gave), in `text`.
pub(crate) fn offset_in(text: &str, part: &str) -> (usize, usize) {
    let s = part.as_ptr() as usize - text.as_ptr() as usize;
    (s, s + part.len())
}

/// Whether `needle` occurs in `haystack`: exactly `haystack.contains(needle)`, by a plain scan
/// (meant for short haystacks).
pub fn contains(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return true };
    if h.len() < n.len() {
        return false;
    }
    let last_start = h.len() - n.len();
    (0..=last_start).any(|i| h[i] == first && &h[i + 1..i + n.len()] == rest)
}

/// A few needles sought together: [`Self::any_in`] reads a haystack once, and compares only at
/// the bytes that begin a needle (a [`contains`] scan per needle read it once per needle).
pub struct AnyOf<S> {
    needles: Vec<S>,
    leads: [bool; 256],
    has_empty: bool,
}

impl<S: AsRef<str>> AnyOf<S> {
    pub fn new(needles: Vec<S>) -> AnyOf<S> {
        let mut leads = [false; 256];
        let mut has_empty = false;
        for n in &needles {
            match n.as_ref().as_bytes().first() {
                Some(&b) => leads[usize::from(b)] = true,
                None => has_empty = true,
            }
        }
        AnyOf { needles, leads, has_empty }
    }

    /// Whether any needle occurs in `haystack`: exactly
    /// `needles.iter().any(|n| haystack.contains(n))`.
    pub fn any_in(&self, haystack: &str) -> bool {
        let h = haystack.as_bytes();
        self.has_empty
            || (0..h.len()).any(|i| self.leads[usize::from(h[i])] && self.needles.iter().any(|n| h[i..].starts_with(n.as_ref().as_bytes())))
    }
}

/// `u8::is_ascii_alphanumeric` as a table: one load a byte where a scan reads every byte of
/// the text (the phrase matchers' leads, word cores) and two range tests cost more.
#[inline]
pub fn is_ascii_alnum(b: u8) -> bool {
    ASCII_ALNUM[usize::from(b)]
}

static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// `char::is_alphabetic`, with General Punctuation (U+2000..=U+206F: the curly quotes,
/// dashes and spaces news text is full of; none of them a letter) answered before the Unicode
/// table search, which costs ~350 instructions a char there. Tested on every char.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphabetic()
}

/// `char::is_alphanumeric`, as [`is_alphabetic`] (std searches two tables for a char that is
/// neither).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphanumeric()
}

#[inline]
fn is_general_punctuation(c: char) -> bool {
    (c as u32).wrapping_sub(0x2000) < 0x70
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_every_kind_of_space() {
        let text = " a\u{a0}b\u{2009}c\u{3000}d\u{85}e\u{1680}f\u{2028}g\u{205f}h\u{202f}i\u{200b}j\u{feff}k\x0bl\x0cm\r\nn €😊 שלום ";
        assert_eq!(words(text).collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" \n\u{a0}").count(), 0);
    }

    #[test]
    fn the_eight_byte_skip_stops_at_the_first_byte_to_look_at() {
        for stop in [0x00u8, 0x09, 0x0b, 0x1f, 0x20, 0x80, 0xc2, 0xe2, 0xff] {
            for at in 0..20 {
                for fill in [b'a', b'!', 0x7f, 0x21, b'~'] {
                    let mut bytes = vec![fill; 20];
                    bytes[at] = stop;
                    for from in [0, at.min(3)] {
                        let r = skip_plain_ascii(&bytes, from);
                        // never past the stop, only plain bytes skipped, and short only at the end
                        assert!(r <= at && bytes[from..r].iter().all(|&b| b > b' ' && b < 0x80), "{stop:#x} at {at} in {fill:#x}: {r}");
                        assert!(r == at || bytes.len() - r < 8, "{stop:#x} at {at} in {fill:#x}: {r}");
                    }
                }
            }
        }
        assert_eq!(skip_plain_ascii(b"abcdefghijk", 0), 8);
        assert_eq!(skip_plain_ascii(b"abcdefghijk ", 0), 8);
        assert_eq!(skip_plain_ascii(b"abc defghijk", 0), 3);
    }

    #[test]
    fn char_classes_are_std_on_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        assert!(!is_alphabetic('\u{2019}') && !is_alphanumeric('\u{2014}') && is_alphabetic('\u{2071}'));
        for b in 0..=u8::MAX {
            assert_eq!(is_ascii_alnum(b), b.is_ascii_alphanumeric(), "{b:#x}");
        }
    }

    /// Every line-aligned range's words read from the spans are the words of its slice.
    fn check_word_spans(text: &str) {
        let spans = WordSpans::of(text).unwrap();
        assert_eq!(spans.texts(text).collect::<Vec<_>>(), words(text).collect::<Vec<_>>());
        let mut bounds: Vec<usize> = vec![0, text.len()];
        bounds.extend(text.char_indices().filter(|(_, c)| c.is_whitespace()).flat_map(|(i, c)| [i, i + c.len_utf8()]));
        // (asked in text order and against it: the search gallops from the last range asked)
        bounds.sort_unstable();
        bounds.dedup();
        let reversed: Vec<usize> = bounds.iter().rev().copied().collect();
        for &a in bounds.iter().chain(&reversed) {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let got: Vec<&str> = spans.within(a, b).iter().map(|&(s, e)| &text[s as usize..e as usize]).collect();
                assert_eq!(got, words(&text[a..b]).collect::<Vec<_>>(), "{text:?} {a}..{b}");
                // the slice's words from the spans know their number (one allocation to collect)
                assert_eq!(SliceWords::of(text, a, b, Some(&spans)).size_hint(), (got.len(), Some(got.len())));
            }
        }
    }

    #[test]
    fn word_spans_within_a_range_are_the_words_of_its_slice() {
        for text in ["", " ", "one", "one two\nthree\r\nfour  five\u{a0}six", "\n\nx\n", "a\u{2028}b 😊 €\r"] {
            check_word_spans(text);
        }
    }

    #[test]
    fn contains_agrees_at_the_edges() {
        for (h, n) in [("", ""), ("abc", ""), ("", "a"), ("abc", "abc"), ("abc", "abcd"), ("xabc", "bc"), ("aab", "ab"), ("é€", "€"), ("€", "\u{82}")] {
            assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn words_are_split_whitespace(text in "(\\PC|[ \\t\\n\\r\u{a0}\u{85}\u{2000}-\u{200b}\u{3000}\u{1680}\u{205f}])*") {
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
        }

        #[test]
        fn find_line_break_is_the_byte_search(text in "[a\n\r\u{e9}\u{2028} ]{0,40}", from in 0usize..44) {
            let bytes = text.as_bytes();
            let want = bytes.get(from..).and_then(|rest| rest.iter().position(|&b| b == b'\n' || b == b'\r')).map(|p| from + p);
            proptest::prop_assert_eq!(find_line_break(bytes, from), want);
        }

        #[test]
        fn word_spans_of_any_text(text in "[ab \n\r\t\u{a0}\u{2028}\u{e9}\u{1f60a}]{0,16}") {
            check_word_spans(&text);
        }

        #[test]
        fn contains_is_str_contains(h in "[ab€ ]{0,12}", n in "[ab€]{0,4}") {
            proptest::prop_assert_eq!(contains(&h, &n), h.contains(n.as_str()));
        }

        #[test]
        fn any_of_is_any_str_contains(h in "[ab€ ]{0,12}", needles in proptest::collection::vec("[ab€ ]{0,3}", 0..4)) {
            let want = needles.iter().any(|n| h.contains(n.as_str()));
            proptest::prop_assert_eq!(AnyOf::new(needles).any_in(&h), want);
        }
    }
}
