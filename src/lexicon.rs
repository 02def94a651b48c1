//! Lexicons are data: plain-text files under `data/`, compiled in with `include_str!` and
//! parsed once. This module owns the file format and the word-boundary phrase matcher.
//!
//! Format (see data/README.md): one entry per line; `#` starts a comment; blank lines are
//! ignored; an optional `|` separates the entry from a value (`U.S. | United States`).

use std::borrow::Cow;

/// `s` lower-cased, borrowed when it already is (ASCII without capitals: most words of an
/// article), so the per-token lookups of the stages allocate only for capitalized words.
pub fn lower(s: &str) -> Cow<'_, str> {
    if is_lower_ascii(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Calls `f` with `s` lower-cased (as [`lower`] gives it), on the stack for a short ASCII word:
/// for lookups that need the lower-case form for a moment only (no allocation per word).
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const STACK: usize = 64;
    if is_lower_ascii(s) {
        return f(s);
    }
    if s.len() <= STACK && s.is_ascii() {
        let mut buf = [0u8; STACK];
        let low = &mut buf[..s.len()];
        low.copy_from_slice(s.as_bytes());
        low.make_ascii_lowercase();
        return f(std::str::from_utf8(low).unwrap_or_default());
    }
    f(&s.to_lowercase())
}

/// ASCII without capitals: what lower-casing leaves unchanged.
fn is_lower_ascii(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, 0..=0x40 | 0x5b..=0x7f))
}

/// The lookup forms of a run of tokens: each token [`lower`]ed, curly apostrophes folded to
/// `'` if asked. Borrowed from the text for a token already in that form (most are), else
/// owned; a stage lower-cases each token (with a document's vocabulary, each distinct word)
/// once however often it reads it.
pub struct LowerForms<'a> {
    forms: Vec<Cow<'a, str>>,
    /// Per token, the index of its form (its word id, see [`crate::doc::Vocab`]); `None`: one
    /// form per token, in order.
    ids: Option<&'a [u32]>,
}

impl<'a> LowerForms<'a> {
    /// The forms of `spans` (byte ranges of `text`), in order.
    pub fn new(text: &'a str, spans: impl ExactSizeIterator<Item = crate::doc::Span>, fold_apostrophes: bool) -> LowerForms<'a> {
        let forms = spans
            .map(|span| {
                // (an empty or invalid span has the empty form)
                let word = span.slice(text);
                if is_lower_ascii(word) {
                    Cow::Borrowed(word)
                } else if word.is_ascii() {
                    Cow::Owned(word.to_ascii_lowercase())
                } else {
                    let low = word.to_lowercase();
                    match fold_apostrophes {
                        true => Cow::Owned(low.replace('’', "'")),
                        false => Cow::Owned(low),
                    }
                }
            })
            .collect();
        LowerForms { forms, ids: None }
    }

    /// The forms of the document's tokens: one per distinct word (its vocabulary), each token
    /// reading its word's.
    pub fn of_doc(doc: &'a crate::doc::Doc, fold_apostrophes: bool) -> LowerForms<'a> {
        if !doc.vocab.covers(&doc.tokens) {
            return LowerForms::new(&doc.text, doc.tokens.iter().map(|t| t.span), fold_apostrophes);
        }
        let mut forms = LowerForms::new(&doc.text, doc.vocab.words.iter().copied(), fold_apostrophes);
        forms.ids = Some(&doc.vocab.ids);
        forms
    }

    /// Token `i`'s form, if there is a token `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&str> {
        // (a match, not `&**f`: `Cow`'s deref is called out of line in the size-optimised wasm)
        self.forms.get(self.form_index(i)?).map(|f| match f {
            Cow::Borrowed(s) => *s,
            Cow::Owned(s) => s.as_str(),
        })
    }

    /// Which of [`Self::forms`] is token `i`'s (tokens of one word share it).
    #[inline]
    pub fn form_index(&self, i: usize) -> Option<usize> {
        match self.ids {
            Some(ids) => ids.get(i).map(|&id| id as usize),
            None => (i < self.forms.len()).then_some(i),
        }
    }

    /// The distinct forms (with a vocabulary; else one per token), for facts kept per form.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.forms.iter().map(|f| &**f)
    }

    /// How many distinct forms (see [`Self::forms`]).
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// Tokens (not distinct forms).
    pub fn len(&self) -> usize {
        self.ids.map_or(self.forms.len(), <[u32]>::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The first and last bytes of a small word list's keys (ASCII case-folded), and their lengths
/// when matched exactly: most words of an article begin and end no key, and are rejected
/// without lower-casing or hashing them.
pub struct EndBytes {
    /// The bit of (first byte, last byte, length) is set for each key (see [`EndBytes::bit`]).
    bits: Vec<u64>,
    /// Bytes are ASCII case-folded (keys and words), else compared exactly.
    fold: bool,
}

impl EndBytes {
    /// End bytes of `keys`, for words matched case-insensitively.
    pub fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> EndBytes {
        EndBytes::with_fold(keys, true)
    }

    /// End bytes of `keys`, for words matched exactly (a case-sensitive lexicon, or one whose
    /// words and keys are both folded already): a lower-case word passes only where a key's
    /// ends are lower-case too.
    pub fn exact<'k>(keys: impl IntoIterator<Item = &'k str>) -> EndBytes {
        EndBytes::with_fold(keys, false)
    }

    fn with_fold<'k>(keys: impl IntoIterator<Item = &'k str>, fold: bool) -> EndBytes {
        let mut ends = EndBytes { bits: vec![0u64; 256 * 256 / 64], fold };
        for key in keys {
            ends.add(key);
        }
        ends
    }

    /// Adds `key`'s end bytes.
    pub fn add(&mut self, key: &str) {
        if let (Some(&first), Some(&last)) = (key.as_bytes().first(), key.as_bytes().last()) {
            self.set(first, last, key.len());
        }
    }

    /// Adds the end bytes of a folding matcher's leading word (the first `lead_len` bytes of
    /// `phrase`, as pushed) and of its upper case. A match that is written as its phrase or in
    /// upper case folds to the folded phrase, so the two differ only in the case of ASCII
    /// letters: the upper case's end bytes are the phrase's, ASCII upper-cased.
    fn add_as_written(&mut self, phrase: &[u8], lead_len: usize) {
        let (first, last) = (phrase[0], phrase[lead_len - 1]);
        self.set(first, last, lead_len);
        self.set(first.to_ascii_uppercase(), last.to_ascii_uppercase(), lead_len);
    }

    fn set(&mut self, first: u8, last: u8, len: usize) {
        let bit = self.bit(first, last, len);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    /// The bit of a word's end bytes and length: the three packed into a `u32`, multiplied by an
    /// odd constant, and the top 16 bits of the product taken. Folding, the length is left out
    /// (lower-casing a non-ASCII char inside a word may change its length); exact, a word and a
    /// key are compared byte for byte, so a key of another length is no match (the words of a
    /// text share few end-byte pairs; their lengths tell most of them apart from a list's keys).
    #[inline]
    fn bit(&self, first: u8, last: u8, len: usize) -> usize {
        let (first, last, len) = match self.fold {
            true => (first.to_ascii_lowercase(), last.to_ascii_lowercase(), 0),
            false => (first, last, len.min(255)),
        };
        let key = u32::from(first) | u32::from(last) << 8 | (len as u32) << 16;
        (key.wrapping_mul(0x9e37_79b1) >> 16) as usize
    }

    /// False only when `word` (lower-cased, if folding) is surely no key: no key has its end
    /// bytes (and, exact, its length). Folding, a non-ASCII end char may change when
    /// lower-cased, so it always passes; exact, every byte is compared.
    #[inline]
    pub fn may_hold(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match (b.first(), b.last()) {
            (Some(&first), Some(&last)) if !self.fold || first.is_ascii() && last.is_ascii() => self.holds_ends(first, last, b.len()),
            (Some(_), Some(_)) => true,
            _ => false,
        }
    }

    /// False only when no key has these end bytes (and, exact, this length `len`): the test of
    /// [`Self::may_hold`] for a word whose end bytes the caller has read (and folded) itself.
    #[inline]
    pub fn holds_ends(&self, first: u8, last: u8, len: usize) -> bool {
        let bit = self.bit(first, last, len);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// One parsed lexicon line: the entry and its optional value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub key: &'a str,
    pub value: Option<&'a str>,
}

/// Parse a lexicon file's text into entries. Entries are trimmed of ASCII whitespace (the
/// files hold no other at an entry's edges: a test reads them all; `str::trim`'s Unicode
/// check per char cost 4 ms of the page's time to ready, in wasm's baseline tier). Lines end
/// at `\n` (a `\r` before it is trimmed with the rest).
pub fn parse(text: &str) -> impl Iterator<Item = Entry<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || next_entry(&mut rest))
}

/// The next entry of a lexicon file's text, `rest` moved past its line. (Not inlined, and
/// small: the page's first annotation parses every lexicon, long enough for wasm's optimising
/// compiler to compile the loop that reads them again, at a cost that grows with its size,
/// and in the function that holds it.)
#[inline(never)]
fn next_entry<'t>(rest: &mut &'t str) -> Option<Entry<'t>> {
    while !rest.is_empty() {
        let b = rest.as_bytes();
        let len = b.iter().position(|&c| c == b'\n').unwrap_or(b.len());
        let line = &rest[..len];
        *rest = rest.get(len + 1..).unwrap_or("");
        if let Some(e) = entry(line) {
            return Some(e);
        }
    }
    None
}

/// One line of a lexicon file as an entry, if it holds one.
fn entry(line: &str) -> Option<Entry<'_>> {
    let b = line.as_bytes();
    // `#` at the start or after whitespace starts a comment; `C#` stays (and so does the
    // rest of its line)
    let end = match b.iter().position(|&c| c == b'#') {
        Some(i) if i == 0 || b[i - 1].is_ascii_whitespace() => i,
        _ => b.len(),
    };
    let (key, value) = match b[..end].iter().position(|&c| c == b'|') {
        Some(bar) => (line[..bar].trim_ascii(), Some(line[bar + 1..end].trim_ascii()).filter(|v| !v.is_empty())),
        None => (line[..end].trim_ascii(), None),
    };
    (!key.is_empty()).then_some(Entry { key, value })
}

/// [`parse`] as it was written first, on `str::lines` (the reference its test compares with).
#[cfg(test)]
fn parse_by_lines(text: &str) -> impl Iterator<Item = Entry<'_>> {
    text.lines().filter_map(entry)
}

/// A set of phrases matched leftmost-longest at word boundaries, each with a payload.
///
/// Phrases are indexed by their leading word (a run of alphanumerics, or one other char): a
/// search looks up each word of the text once and tries that word's phrases, longest first.
/// Building is a hash insert per phrase (the page's time to ready is mostly lexicon building:
/// an Aho-Corasick automaton over the same phrases took 25–35 ms in wasm), and a search costs a
/// lookup per word.
pub struct PhraseMatcher<T> {
    /// Leading word → indices of the distinct phrases it leads (the first entry of equal ones),
    /// longest first.
    /// (one list after another in `lead_lists`: its start and length there)
    by_lead: LeadTable,
    lead_lists: Vec<u32>,
    /// The leading words' end bytes: most words of a text lead no phrase, and skip the hash
    /// lookup (see [`EndBytes`]).
    lead_ends: EndBytes,
    /// The end bytes of the leading words as the phrases were pushed, and in upper case, read
    /// on the text itself (see [`Self::find_all_written`]; a matcher that folds case only).
    written_leads: EndBytes,
    /// Every phrase, one after another (one allocation, not one per phrase: the page builds
    /// the gazetteer before its first annotation), and each one's end in it.
    phrase_text: String,
    phrase_ends: Vec<u32>,
    payloads: Vec<T>,
    /// Phrases were lower-cased (ASCII) and texts are lower-cased before a search.
    fold_case: bool,
}

/// A matcher's leading words → (first, count) of their phrases in `lead_lists` (while
/// building: (newest phrase, count)). Open addressing over the matcher's own phrase text: a
/// key is where a phrase of that lead starts (a phrase begins with its lead), so no key is
/// allocated; each slot keeps 32 bits of the key's hash, compared before its text.
#[derive(Default)]
struct LeadTable {
    slots: Vec<LeadSlot>,
    len: usize,
}

#[derive(Clone, Copy, Default)]
struct LeadSlot {
    /// High bits of the key's hash, never 0 (0: an empty slot).
    check: u32,
    key_at: u32,
    key_len: u32,
    value: (u32, u32),
}

impl LeadSlot {
    fn key<'t>(&self, text: &'t str) -> &'t str {
        &text[self.key_at as usize..(self.key_at + self.key_len) as usize]
    }
}

impl LeadTable {
    /// Room for `keys` keys without growing.
    fn with_capacity(keys: usize) -> LeadTable {
        let slots = if keys == 0 { Vec::new() } else { vec![LeadSlot::default(); (keys * 2 + 1).next_power_of_two()] };
        LeadTable { slots, len: 0 }
    }

    /// The slot of `key` (or the empty slot where it would go) and its check bits.
    fn find(&self, text: &str, key: &str) -> (usize, u32) {
        let h = crate::hash::word_hash(key.as_bytes());
        let check = (h >> 32) as u32 | 1;
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let s = &self.slots[i];
            if s.check == 0 || s.check == check && s.key(text) == key {
                return (i, check);
            }
            i = (i + 1) & mask;
        }
    }

    fn get(&self, text: &str, key: &str) -> Option<(u32, u32)> {
        if self.slots.is_empty() {
            return None;
        }
        let (i, _) = self.find(text, key);
        (self.slots[i].check != 0).then_some(self.slots[i].value)
    }

    /// The value of the key `text[at..at + len]`, inserted as (NO_PHRASE, 0) if new.
    fn entry(&mut self, text: &str, at: usize, len: usize) -> &mut (u32, u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow(text);
        }
        let (i, check) = self.find(text, &text[at..at + len]);
        let slot = &mut self.slots[i];
        if slot.check == 0 {
            *slot = LeadSlot { check, key_at: at as u32, key_len: len as u32, value: (NO_PHRASE, 0) };
            self.len += 1;
        }
        &mut slot.value
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self, text: &str) {
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![LeadSlot::default(); size]);
        for s in old.into_iter().filter(|s| s.check != 0) {
            let (i, _) = self.find(text, s.key(text));
            self.slots[i] = s;
        }
    }

    fn values_mut(&mut self) -> impl Iterator<Item = &mut (u32, u32)> {
        self.slots.iter_mut().filter(|s| s.check != 0).map(|s| &mut s.value)
    }

    fn keys<'t>(&'t self, text: &'t str) -> impl Iterator<Item = &'t str> {
        self.slots.iter().filter(|s| s.check != 0).map(move |s| s.key(text))
    }
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<'p, T> {
    pub start: usize,
    pub end: usize,
    pub payload: &'p T,
}

/// The leading word of `s`: its first run of alphanumerics, or its first char if that is not
/// alphanumeric (`u` of `u.s.`, `.` of `.com`). ASCII is read a byte at a time (the matcher
/// asks this at every word of the text); a non-ASCII char goes to [`lead_unicode`], kept out of
/// line so that this function stays small (the page's first annotation calls it for every
/// lexicon phrase, long enough for wasm's optimising compiler to compile it again: its cost
/// grows with the function's size).
fn lead(s: &str) -> &str {
    lead_inline(s)
}

/// [`lead`] inlined, for the matcher's loop over the text's words (a call per word cost more
/// than the scan in the size-optimised wasm); the lexicon builders call [`lead`].
#[inline(always)]
fn lead_inline(s: &str) -> &str {
    let b = s.as_bytes();
    let mut n = 0;
    while n < b.len() && crate::text::is_ascii_alnum(b[n]) {
        n += 1;
    }
    match b.get(n) {
        // the run ends the text or at an ASCII char: that is the word (or the lone ASCII char)
        None => s,
        Some(&c) if c < 0x80 => &s[..n.max(1)],
        Some(_) => lead_unicode(s, n),
    }
}

/// [`lead`] of `s` whose first `ascii_run` bytes are ASCII alphanumerics and next char is not
/// ASCII: alphanumeric chars continue the word.
#[inline(never)]
fn lead_unicode(s: &str, ascii_run: usize) -> &str {
    let rest = &s[ascii_run..];
    let first_is_word = ascii_run > 0 || rest.chars().next().is_some_and(crate::text::is_alphanumeric);
    if !first_is_word {
        return &s[..rest.chars().next().map_or(0, char::len_utf8)];
    }
    let end = rest.char_indices().find(|&(_, c)| !crate::text::is_alphanumeric(c)).map_or(rest.len(), |(i, _)| i);
    &s[..ascii_run + end]
}

/// [`lead`] as it was written first, char by char (the reference its tests compare with).
#[cfg(test)]
fn lead_by_chars(s: &str) -> &str {
    let mut chars = s.char_indices();
    match chars.next() {
        None => "",
        Some((_, c)) if !c.is_alphanumeric() => &s[..c.len_utf8()],
        Some(_) => &s[..chars.find(|(_, c)| !c.is_alphanumeric()).map_or(s.len(), |(i, _)| i)],
    }
}

/// A [`PhraseMatcher`] being built, a phrase at a time.
pub struct PhraseMatcherBuilder<T> {
    m: PhraseMatcher<T>,
    /// While building, a leading word's value in `by_lead` is (its newest phrase, its count),
    /// and each phrase links to the one before it of the same leading word (`NO_PHRASE` ends).
    earlier: Vec<u32>,
}

const NO_PHRASE: u32 = u32::MAX;

impl<T> PhraseMatcherBuilder<T> {
    /// See [`PhraseMatcher::new`] for `ascii_case_insensitive`.
    pub fn new(ascii_case_insensitive: bool) -> PhraseMatcherBuilder<T> {
        PhraseMatcherBuilder::with_capacity(ascii_case_insensitive, 0, 0)
    }

    /// A builder with room for `phrases` phrases of `bytes` bytes in all, without growing
    /// (estimates do: the room only saves copies).
    pub fn with_capacity(ascii_case_insensitive: bool, phrases: usize, bytes: usize) -> PhraseMatcherBuilder<T> {
        let m = PhraseMatcher {
            by_lead: LeadTable::with_capacity(phrases),
            lead_lists: Vec::with_capacity(phrases),
            lead_ends: EndBytes::new([]),
            written_leads: EndBytes::exact([]),
            phrase_text: String::with_capacity(bytes),
            phrase_ends: Vec::with_capacity(phrases),
            payloads: Vec::with_capacity(phrases),
            fold_case: ascii_case_insensitive,
        };
        PhraseMatcherBuilder { m, earlier: Vec::with_capacity(phrases) }
    }

    /// Adds a phrase and its payload; false when the phrase is empty or an equal one (case
    /// folded, if the matcher folds) is already in: the first stays the one matched. (The
    /// payload is kept either way, so payloads keep the indices of the pushes.)
    pub fn push(&mut self, phrase: &str, payload: T) -> bool {
        let phrase_as_pushed = phrase;
        let m = &mut self.m;
        let start = m.phrase_text.len();
        m.phrase_text.push_str(phrase);
        if m.fold_case {
            m.phrase_text[start..].make_ascii_lowercase();
        }
        let i = m.phrase_ends.len() as u32;
        m.phrase_ends.push(m.phrase_text.len() as u32);
        m.payloads.push(payload);
        self.earlier.push(NO_PHRASE);
        let phrase = &m.phrase_text[start..];
        if phrase.is_empty() {
            return false;
        }
        let lead_len = lead(phrase).len();
        let (newest, count) = m.by_lead.entry(&m.phrase_text, start, lead_len);
        let mut j = *newest;
        while j != NO_PHRASE {
            if phrase_of(&m.phrase_text, &m.phrase_ends, j as usize) == phrase {
                return false;
            }
            j = self.earlier[j as usize];
        }
        self.earlier[i as usize] = *newest;
        *newest = i;
        *count += 1;
        if m.fold_case {
            m.written_leads.add_as_written(phrase_as_pushed.as_bytes(), lead_len);
        }
        true
    }

    /// The matcher: each leading word's phrases ordered longest first, their end bytes indexed.
    pub fn finish(self) -> PhraseMatcher<T> {
        let PhraseMatcherBuilder { mut m, earlier } = self;
        let PhraseMatcher { by_lead, lead_lists, phrase_ends, .. } = &mut m;
        for (newest, count) in by_lead.values_mut() {
            let start = lead_lists.len();
            let mut j = *newest;
            while j != NO_PHRASE {
                lead_lists.push(j);
                j = earlier[j as usize];
            }
            let len = |p: u32| phrase_len(phrase_ends, p as usize);
            // (a leading word leads 20 phrases at most, in our lexicons)
            crate::sort::small_sort_by(&mut lead_lists[start..], |&a, &b| len(b).cmp(&len(a)).then(a.cmp(&b)));
            (*newest, *count) = (start as u32, lead_lists.len() as u32 - start as u32);
        }
        // (leads are compared as the haystack is searched: folded only if both are)
        m.lead_ends = EndBytes::exact(m.by_lead.keys(&m.phrase_text));
        m
    }
}

/// Phrase `p` of a matcher's phrase text (see [`PhraseMatcher::phrase_ends`]).
fn phrase_of<'t>(text: &'t str, ends: &[u32], p: usize) -> &'t str {
    &text[if p == 0 { 0 } else { ends[p - 1] as usize }..ends[p] as usize]
}

fn phrase_len(ends: &[u32], p: usize) -> u32 {
    ends[p] - if p == 0 { 0 } else { ends[p - 1] }
}

impl<T> PhraseMatcher<T> {
    /// Build from `(phrase, payload)` pairs. `ascii_case_insensitive` folds ASCII case only: the
    /// phrases are lower-cased here and each text before its search (same offsets). Of two
    /// equal phrases the first wins.
    pub fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, T)>, ascii_case_insensitive: bool) -> PhraseMatcher<T> {
        let mut builder = PhraseMatcherBuilder::new(ascii_case_insensitive);
        for (phrase, payload) in entries {
            builder.push(phrase.as_ref(), payload);
        }
        builder.finish()
    }

    /// The phrases `word` leads, longest first.
    fn lead_list(&self, word: &str) -> Option<&[u32]> {
        let (start, len) = self.by_lead.get(&self.phrase_text, word)?;
        Some(&self.lead_lists[start as usize..(start + len) as usize])
    }

    fn phrase(&self, p: usize) -> &str {
        phrase_of(&self.phrase_text, &self.phrase_ends, p)
    }

    fn folded<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        if self.fold_case && text.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(text.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }

    /// All non-overlapping matches that start and end at word boundaries: at each word of the
    /// text, left to right, the longest phrase that starts there and ends at a boundary.
    pub fn find_all<'p>(&'p self, text: &str) -> Vec<PhraseMatch<'p, T>> {
        self.find_all_in(&self.folded(text), text, false)
    }

    /// [`Self::find_all`] for a caller that keeps only the matches written as their phrase was
    /// pushed or in upper case (a gazetteer of names: `Iran`, `IRAN`, not `iran`). A word of
    /// the text whose end bytes are those of neither form of a leading word leads no match
    /// here: most lower-case words, which a folded list of names would otherwise look up (`to`
    /// has the end bytes of `togo`), and a lower-case phrase (`new york`) no longer hides a
    /// name inside it (`new York`). Without case folding, the same as `find_all`.
    pub fn find_all_written<'p>(&'p self, text: &str) -> Vec<PhraseMatch<'p, T>> {
        self.find_all_in(&self.folded(text), text, self.fold_case)
    }

    /// [`Self::find_all`], given `lower`: `text.to_ascii_lowercase()`, or a slice of a longer
    /// text's (a caller that searches many slices of one text folds it once, not each slice).
    pub fn find_all_in_lower<'p>(&'p self, lower: &str, text: &str) -> Vec<PhraseMatch<'p, T>> {
        if !self.fold_case || lower.len() != text.len() {
            return self.find_all(text);
        }
        self.find_all_in(lower, text, false)
    }

    /// The matches in `hay`, the text as this matcher reads it (folded when it folds case; ASCII
    /// folding keeps every byte offset); `written`: see [`Self::find_all_written`].
    fn find_all_in<'p>(&'p self, hay: &str, text: &str, written: bool) -> Vec<PhraseMatch<'p, T>> {
        let mut out = Vec::new();
        let mut i = 0;
        let bytes = hay.as_bytes();
        while i < hay.len() {
            // (ASCII whitespace, most of what is not a word, leads nothing: skipped here, not
            // read by `lead` a byte at a time)
            if bytes[i].is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let word = lead_inline(&hay[i..]);
            // whitespace never leads a phrase (entries are trimmed; ASCII whitespace was skipped)
            let found = if bytes[i] >= 0x80 && word.starts_with(char::is_whitespace) || written && !self.written_leads.may_hold(&text[i..i + word.len()]) {
                None
            } else {
                self.longest_at(hay, text, i, word)
            };
            match found {
                Some((p, len)) => {
                    out.push(PhraseMatch { start: i, end: i + len, payload: &self.payloads[p] });
                    i += len;
                }
                None => i += word.len(),
            }
        }
        out
    }

    /// The longest phrase led by `word` at `hay[i..]` that ends at a word boundary of `text`.
    fn longest_at(&self, hay: &str, text: &str, i: usize, word: &str) -> Option<(usize, usize)> {
        if !self.lead_ends.may_hold(word) {
            return None;
        }
        let rest = &hay[i..];
        self.lead_list(word)?.iter().map(|&p| p as usize).find_map(|p| {
            let phrase = self.phrase(p);
            (rest.starts_with(phrase) && is_word_boundary(text, i + phrase.len())).then_some((p, phrase.len()))
        })
    }

    /// Payload of an exact phrase, if `phrase` is in the set as a whole.
    pub fn get(&self, phrase: &str) -> Option<&T> {
        let phrase = self.folded(phrase);
        let list = self.lead_list(lead(&phrase))?;
        list.iter().find(|&&p| self.phrase(p as usize) == phrase).map(|&p| &self.payloads[p as usize])
    }
}

/// True if byte offset `i` of `text` is not inside a word (alphanumeric on both sides).
pub fn is_word_boundary(text: &str, i: usize) -> bool {
    let before = text.get(..i).and_then(|s| s.chars().next_back());
    let after = text.get(i..).and_then(|s| s.chars().next());
    match (before, after) {
        (Some(b), Some(a)) => !(crate::text::is_alphanumeric(b) && crate::text::is_alphanumeric(a)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Span;

    #[test]
    fn parse_reads_every_data_file_as_str_lines_does() {
        let mut files = vec!["a\r\nb | c\r\n\r\n# x\nC# | d # e\n|f\nlast\r".to_string(), String::new(), "\n\n".into(), "x".into()];
        for dir in ["data/entities", "data/claims", "data/disputes", "data/clean", "data/tokenize"] {
            for f in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + dir).unwrap() {
                let path = f.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    files.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        for text in &files {
            assert!(parse(text).eq(parse_by_lines(text)), "{:?}", &text[..text.len().min(60)]);
        }
    }

    #[test]
    fn the_lead_table_finds_every_lead_as_it_grows() {
        // thousands of leads (the table starts at 64 slots and doubles), some sharing a lead
        let phrases: Vec<String> = (0..5000).map(|i| if i % 3 == 0 { format!("w{} x", i / 3) } else { format!("w{i}") }).collect();
        let grown = PhraseMatcher::new(phrases.iter().enumerate().map(|(i, p)| (p.as_str(), i)), true);
        let mut roomy = PhraseMatcherBuilder::with_capacity(true, 5000, 40_000);
        for (i, p) in phrases.iter().enumerate() {
            roomy.push(p, i);
        }
        let roomy = roomy.finish();
        for (i, p) in phrases.iter().enumerate() {
            // an equal phrase pushed earlier stays the one matched
            let first = phrases.iter().position(|q| q == p).unwrap();
            assert_eq!(grown.get(&p.to_uppercase()), Some(&first), "{p} ({i})");
            assert_eq!(roomy.get(p), Some(&first), "{p} ({i})");
        }
        assert_eq!(grown.get("w5000"), None);
        assert_eq!(grown.get("x"), None);
        // `w3 x` is phrase 9 (every third phrase is `w{i / 3} x`)
        let found: Vec<usize> = grown.find_all("W3 x, w4 and w4999 w5000").iter().map(|f| *f.payload).collect();
        assert_eq!(found, [9, 4, 4999]);
    }

    #[test]
    fn lead_reads_ascii_as_it_reads_chars() {
        for s in ["", " ", "a", "abc def", "u.s.", ".com", "é", "éa b", "caf\u{e9} au", "ab\u{e9}c-d", "12ab€", "€5", "😊x", "a😊", "ΟΔΟΣ x", "\u{a0}x"] {
            assert_eq!(lead(s), lead_by_chars(s), "{s:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn lead_is_lead_by_chars(s in "(\\PC|[ a-z0-9.,])*") {
            proptest::prop_assert_eq!(lead(&s), lead_by_chars(&s));
        }
    }

    #[test]
    fn with_lower_gives_lower() {
        let long = "A".repeat(64) + "b";
        for word in ["", "said", "Said", "NATO", "Iran’s", "İstanbul", "ΟΔΟΣ", "€5", "😊", &long, &long[1..], "O'Brien-Smith"] {
            assert_eq!(with_lower(word, str::to_string), lower(word), "{word}");
        }
    }

    #[test]
    fn exact_end_bytes_keep_the_keys_case_and_folded_ones_do_not() {
        // (a filter: `ørsted` passes `Ørsted` exactly too, both starting with the byte 0xC3)
        let (exact, folded) = (EndBytes::exact(["Iran", "al-Qaeda", "Ørsted"]), EndBytes::new(["Iran", "al-Qaeda", "Ørsted"]));
        for w in ["Iran", "Ivan", "al-Qaeda", "anathema", "Ørsted"] {
            assert!(exact.may_hold(w) && folded.may_hold(w), "{w}");
        }
        // exact, a key's length counts too (`aqua` has the end bytes of `al-Qaeda`)
        for w in ["iran", "IRAN", "Al-Qaeda", "", "Iraq", "aqua", "Irian"] {
            assert!(!exact.may_hold(w), "{w}");
        }
        assert!(folded.may_hold("iran") && folded.may_hold("IRAN") && folded.may_hold("ørsted") && folded.may_hold("aqua"));
    }

    #[test]
    fn a_documents_forms_by_word_are_its_tokens_forms() {
        let seed = include_str!("../seeds/000_d91da279460ebc95.txt");
        for text in [seed, "Iran’s IRAN’S iran’s Iran's don’t ÉTÉ été 😊"] {
            let mut doc = crate::doc::Doc::new(text);
            crate::tokenize::tokenize(&mut doc);
            assert!(doc.vocab.words.len() < doc.tokens.len());
            for fold in [false, true] {
                let (by_word, by_token) = (LowerForms::of_doc(&doc, fold), LowerForms::new(text, doc.tokens.iter().map(|t| t.span), fold));
                assert_eq!(by_word.len(), by_token.len());
                for i in 0..=doc.tokens.len() {
                    assert_eq!(by_word.get(i), by_token.get(i), "token {i}");
                }
            }
            // without a vocabulary (a document built by hand) every token still has its form
            doc.vocab = Default::default();
            assert_eq!(LowerForms::of_doc(&doc, true).len(), doc.tokens.len());
        }
    }

    #[test]
    fn lower_forms_are_each_tokens_lower_case() {
        let text = "Iran’s PM said ÉTÉ €5 😊 İstanbul ΟΔΟΣ don’t x";
        let mut spans: Vec<Span> = crate::text::words(text).map(|w| crate::text::offset_in(text, w)).map(|(a, b)| Span::new(a, b)).collect();
        // an empty span and spans not valid in the text (inside a char, past its end) read as empty
        spans.extend([Span::new(3, 3), Span::new(1, 2), Span::new(5, 6), Span::new(0, 999)]);
        for fold in [false, true] {
            let forms = LowerForms::new(text, spans.iter().copied(), fold);
            assert_eq!(forms.len(), spans.len());
            for (i, span) in spans.iter().enumerate() {
                let want = lower(span.slice(text));
                let want = if fold { want.replace('’', "'") } else { want.into_owned() };
                assert_eq!(forms.get(i), Some(want.as_str()), "{span:?} fold {fold}");
            }
            assert_eq!(forms.get(spans.len()), None);
        }
        assert_eq!(LowerForms::new(text, spans.iter().copied(), true).get(0), Some("iran's"));
    }

    #[test]
    fn end_bytes_reject_only_words_that_begin_and_end_no_key() {
        let ends = EndBytes::new(["said", "jan.", "\u{e9}t\u{e9}", "x"]);
        for word in ["said", "Said", "SAID", "sad", "spend", "Jan.", "x", "X", "\u{c9}T\u{c9}", "\u{e9}t\u{e9}"] {
            assert!(ends.may_hold(word), "{word}");
        }
        for word in ["", "told", "Sai", "jan", "y", "said,"] {
            assert!(!ends.may_hold(word), "{word}");
        }
    }

    #[test]
    fn lower_borrows_only_what_is_already_lower_case() {
        for (word, want, borrowed) in [("talks", "talks", true), ("U.S.", "u.s.", false), ("Iran", "iran", false), ("", "", true), ("ça", "ça", false), ("ÄRGER", "ärger", false)] {
            let got = lower(word);
            assert_eq!(got, want, "{word}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{word}");
        }
    }

    /// Every file under `data/`: ASCII trimming (what [`parse`] does) gives what Unicode
    /// trimming would, and no comment starts after a non-ASCII space.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn data_files_have_only_ascii_whitespace_at_entry_edges() {
        fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    files(&path, out);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    out.push(path);
                }
            }
        }
        let mut paths = Vec::new();
        files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &mut paths);
        assert!(paths.len() > 20, "{paths:?}");
        // (the Unicode repair tables have their own format: a space of theirs is content)
        for path in paths.into_iter().filter(|p| !p.ends_with("clean/mojibake.txt") && !p.ends_with("clean/compose.txt")) {
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                let unicode_space = |c: char| c.is_whitespace() && !c.is_ascii_whitespace();
                assert!(!line.contains(|c: char| unicode_space(c) && line.contains('#')), "{path:?}: {line}");
                for part in line.split('|') {
                    assert_eq!(part.trim(), part.trim_ascii(), "{path:?}: {line}");
                }
            }
        }
    }

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
    fn a_builder_reports_which_pushes_are_new() {
        let mut b = PhraseMatcherBuilder::new(true);
        assert!(b.push("Oman", 1));
        assert!(!b.push("OMAN", 2), "equal once case is folded: the first stays");
        assert!(!b.push("", 3));
        assert!(b.push("Omani", 4));
        let m = b.finish();
        let found: Vec<_> = m.find_all("oman and Omani").iter().map(|f| *f.payload).collect();
        assert_eq!(found, vec![1, 4]);
        assert_eq!(m.get("Oman"), Some(&1));
    }

    #[test]
    fn matches_only_whole_words_longest_first() {
        let m = PhraseMatcher::new(vec![("Oman", 1), ("Iran", 2), ("Middle East", 3)], false);
        let found: Vec<_> = m.find_all("Iranian Oman, the Middle East").iter().map(|f| *f.payload).collect();
        assert_eq!(found, vec![1, 3]);
    }

    #[test]
    fn longest_phrase_wins_and_case_folds() {
        let m = PhraseMatcher::new(vec![("New York", 1), ("New York Times", 2), ("U.S.", 3), ("C#", 4)], true);
        let found: Vec<_> = m.find_all("The NEW YORK TIMES and New York, the U.S. and C# (not CD).").iter().map(|f| (f.start, *f.payload)).collect();
        assert_eq!(found, vec![(4, 2), (23, 1), (37, 3), (46, 4)]);
        assert_eq!(m.get("new york"), Some(&1));
        assert_eq!(m.get("New"), None);
    }

    #[test]
    fn a_slice_of_a_text_folded_once_matches_as_the_slice_folded_alone() {
        let text = "Iran said. The NEW YORK TIMES and New York, the U.S. and C# (not CD). Oman";
        let lower = text.to_ascii_lowercase();
        let folding = PhraseMatcher::new(vec![("New York", 1), ("New York Times", 2), ("U.S.", 3), ("Oman", 4)], true);
        let exact = PhraseMatcher::new(vec![("Oman", 4), ("New York", 1)], false);
        let found = |m: &PhraseMatcher<i32>, a: usize, b: usize, in_lower: bool| {
            let got = if in_lower { m.find_all_in_lower(&lower[a..b], &text[a..b]) } else { m.find_all(&text[a..b]) };
            got.iter().map(|f| (f.start, f.end, *f.payload)).collect::<Vec<_>>()
        };
        for (a, b) in [(0, text.len()), (11, 70), (15, 27), (71, text.len()), (4, 4)] {
            assert_eq!(found(&folding, a, b, true), found(&folding, a, b, false), "{a}..{b}");
            // a matcher that keeps case ignores the folded text
            assert_eq!(found(&exact, a, b, true), found(&exact, a, b, false), "{a}..{b}");
        }
        assert_eq!(found(&exact, 0, text.len(), true), vec![(34, 42, 1), (70, 74, 4)]);
    }

    #[test]
    fn written_matches_lead_with_a_phrase_as_pushed_or_in_upper_case() {
        let m = PhraseMatcher::new(vec![("New York", 1), ("York", 2), ("Iran", 3), ("Côte d'Ivoire", 4), ("al-Qaeda", 5)], true);
        let found = |text: &str, written: bool| {
            let got = if written { m.find_all_written(text) } else { m.find_all(text) };
            got.iter().map(|f| (text[f.start..f.end].to_string(), *f.payload)).collect::<Vec<_>>()
        };
        let text = "IRAN, Iran, iran; New York, NEW YORK, new York; CÔTE D'IVOIRE, côte d'ivoire, Côte d'Ivoire; al-Qaeda, AL-QAEDA, Al-Qaeda";
        let s = |v: &[(&str, i32)]| v.iter().map(|&(t, p)| (t.to_string(), p)).collect::<Vec<_>>();
        // every ASCII case form, when folding (`new York` is `New York`; `Ô` is not folded)
        assert_eq!(
            found(text, false),
            s(&[("IRAN", 3), ("Iran", 3), ("iran", 3), ("New York", 1), ("NEW YORK", 1), ("new York", 1), ("côte d'ivoire", 4), ("Côte d'Ivoire", 4), ("al-Qaeda", 5), ("AL-QAEDA", 5), ("Al-Qaeda", 5)])
        );
        // written: a lower-case `iran`, `new` or `côte` leads nothing, so `York` is found in
        // `new York`; `Al-Qaeda` has the end bytes of neither form of `al`
        assert_eq!(
            found(text, true),
            s(&[("IRAN", 3), ("Iran", 3), ("New York", 1), ("NEW YORK", 1), ("York", 2), ("Côte d'Ivoire", 4), ("al-Qaeda", 5), ("AL-QAEDA", 5)])
        );
        // a matcher that keeps case finds the same either way
        let exact = PhraseMatcher::new(vec![("Iran", 3), ("New York", 1)], false);
        assert_eq!(exact.find_all_written(text).len(), 2);
        assert_eq!(exact.find_all(text).len(), 2);
    }

    #[test]
    fn a_phrase_may_start_where_a_rejected_one_ended() {
        // `woman` holds `oman`, which is not at a boundary; `an east` starts inside it too
        let m = PhraseMatcher::new(vec![("Oman", 1), ("East", 2)], false);
        let found: Vec<_> = m.find_all("A woman East").iter().map(|f| *f.payload).collect();
        assert_eq!(found, vec![2]);
        // first of two equal phrases wins; multibyte text keeps byte offsets
        let m = PhraseMatcher::new(vec![("café", 1), ("café", 2)], true);
        let found: Vec<_> = m.find_all("€ Café €").iter().map(|f| (f.start, f.end, *f.payload)).collect();
        assert_eq!(found, vec![(4, 9, 1)]);
    }

    #[test]
    fn phrases_are_found_after_any_whitespace() {
        // ASCII whitespace is skipped before a word is read; other whitespace (no-break, em,
        // ideographic spaces) is read as a one-char word that leads nothing
        let m = PhraseMatcher::new(vec![("Oman", 1)], true);
        let text = "\u{a0}Oman\tOMAN\u{2003}oman\u{3000}\r\nOman\u{a0}";
        let found: Vec<_> = m.find_all(text).iter().map(|f| (&text[f.start..f.end], *f.payload)).collect();
        assert_eq!(found, [("Oman", 1), ("OMAN", 1), ("oman", 1), ("Oman", 1)]);
    }
}
