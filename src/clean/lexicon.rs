//! The word model of the cleaning stage: a unigram lexicon (top 40k English words, log-bucketed
//! frequencies, `data/clean/words.txt`) and a character trigram model built from that word list
//! for words it does not hold (names: `Portman`, `Arsene`). [`word_score`] gives the natural-log
//! probability of one whitespace-free piece of text as a word, punctuation and possessives
//! stripped; it is what the join repair compares when it decides where a glued token splits.

use std::sync::OnceLock;

/// The words, sorted, each written as an edit of the previous one, and their frequency buckets
/// in the same order (two streams compress better than one: see data/README.md).
const WORDS: &str = include_str!("../../data/clean/words.txt");
const BUCKETS: &str = include_str!("../../data/clean/word_buckets.txt");
const BIGRAMS: &str = include_str!("../../data/clean/bigrams.txt");
/// ln of the summed counts of the source bigram list.
const LN_BIGRAM_TOTAL: f32 = 30.149;
/// Weight of a bigram's pointwise mutual information, and its cap (nats).
const BIGRAM_WEIGHT: f32 = 0.5;
const BIGRAM_CAP: f32 = 6.0;
/// ln of the summed counts of the source list (5.4e11 tokens of Google Books).
const LN_TOTAL: f32 = 26.998;
/// Added to the character model's score of a word the lexicon does not hold.
const UNKNOWN_PENALTY: f32 = -6.0;
/// Score of a number (`2005`, `1,000`, `3.5`) as a word.
const NUMBER_SCORE: f32 = -9.0;
/// Score of a piece with no letter or digit (`—`, `&`).
const SYMBOL_SCORE: f32 = -4.0;
/// Extra cost of a capital letter alone (an initial).
const INITIAL_PENALTY: f32 = -3.0;
/// Extra cost of a one-letter word other than `a`, `I` (rare as words, common as split debris).
const SINGLE_LETTER_PENALTY: f32 = -7.0;

use crate::hash::word_hash;
use crate::lexicon::EndBytes;

/// A flat hash table with linear probing. A slot is one `u64`: 32 check bits of the key's
/// 64-bit hash in the low half (0 = empty) and the bits of its ln P in the high half. Keys are
/// not stored: a false match needs a 2^-32 coincidence on a probed slot, far below any effect
/// on a score. 8-byte slots keep the table cache-sized, and an all-zero table is empty, so it
/// is allocated zeroed (memory fresh from the system, or one fill) instead of written a slot
/// at a time (a loop the page's first annotation ran 64k times, then compiled optimised).
struct Table {
    slots: Vec<u64>,
    mask: usize,
}

impl Table {
    /// Room for `n` keys at most five eighths full (40k words: 64k slots, 512 KB; more room
    /// probed no faster and cost the page's first annotation the time to clear it).
    fn with_capacity(n: usize) -> Table {
        let size = (n * 8 / 5).next_power_of_two();
        Table { slots: vec![0; size], mask: size - 1 }
    }
    fn locate(h: u64) -> (usize, u32) {
        (h as usize, ((h >> 32) as u32) | 1)
    }
    fn check(slot: u64) -> u32 {
        slot as u32
    }
    fn ln_p(slot: u64) -> f32 {
        f32::from_bits((slot >> 32) as u32)
    }
    fn insert(&mut self, key: &[u8], ln_p: f32) {
        let (mut i, check) = Table::locate(word_hash(key));
        i &= self.mask;
        while Table::check(self.slots[i]) != 0 {
            if Table::check(self.slots[i]) == check {
                return;
            }
            i = (i + 1) & self.mask;
        }
        self.slots[i] = u64::from(check) | u64::from(ln_p.to_bits()) << 32;
    }
    #[inline]
    fn get(&self, key: &[u8]) -> Option<f32> {
        self.get_hashed(word_hash(key))
    }
    /// [`Self::get`] of the key whose [`word_hash`] is `h`.
    #[inline]
    fn get_hashed(&self, h: u64) -> Option<f32> {
        let (mut i, check) = Table::locate(h);
        i &= self.mask;
        loop {
            let s = self.slots[i];
            if Table::check(s) == 0 {
                return None;
            }
            if Table::check(s) == check {
                return Some(Table::ln_p(s));
            }
            i = (i + 1) & self.mask;
        }
    }
}

pub struct Model {
    words: Table,
    /// `first second` → ln count.
    bigrams: Table,
    /// The end bytes and lengths of the bigrams' first and second words: three in four pairs
    /// a glued paragraph's scoring asks for hold a word that is neither (a piece of a glued
    /// token, a name), and are answered without lower-casing, hashing or probing.
    bigram_ends: [EndBytes; 2],
    /// ln P(c | a b) over the alphabet of [`class`], indexed `(a*K + b)*K + c`.
    trigram: Vec<f32>,
}

/// Character classes of the trigram model: 0 = word boundary, 1..=26 letters, 27 other.
const K: usize = 28;

fn class(c: u8) -> usize {
    match c {
        b'a'..=b'z' => (c - b'a' + 1) as usize,
        b'A'..=b'Z' => (c - b'A' + 1) as usize,
        _ => 27,
    }
}

pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(build)
}

fn build() -> Model {
    let mut words = Table::with_capacity(40_000);
    let mut counts = vec![UNSEEN; K * K * K];
    let mut stream = WordStream::new();
    while stream.add_words(&mut words, &mut counts, WORDS_PER_CALL) {}
    let (bigrams, bigram_ends) = build_bigrams(&words);
    Model { words, bigrams, bigram_ends, trigram: normalise(counts) }
}

/// Words decoded per call of [`WordStream::add_words`]. The page builds the model before wasm's
/// optimising compiler has seen this code, and a function reaches its optimised code only on
/// its next call (wasm has no on-stack replacement): many calls of a small function let the
/// later words run optimised, where one loop over all of them ran in the baseline tier.
const WORDS_PER_CALL: usize = 1024;

/// The word list, decoded a chunk at a time: each word is an edit of the previous one, a pop
/// char (`0`-`9`, `A`-`Z` = 10-35: how many letters to drop from its end), then the letters to
/// append; the buckets file gives each word's frequency bucket in the same order.
///
/// Trigram counts follow the edits: the trigram that ends at a letter is the same in every
/// word that shares the prefix up to that letter, so it is counted once, when the letter is
/// dropped, with the number of words completed since it was appended (the list is sorted:
/// those words are contiguous). Each letter costs one count instead of one per word that
/// holds it (a third of the counting work); the counts are whole numbers, exact in `f32`,
/// so the table is the one counting a word at a time built.
struct WordStream {
    words: &'static [u8],
    buckets: &'static [u8],
    /// Next unread byte of each stream.
    at: usize,
    bucket_at: usize,
    word: Vec<u8>,
    /// For each letter of `word`: the trigram that ends at it, and `done` when it was appended.
    trigrams: Vec<(u16, u32)>,
    /// Words completed so far.
    done: u32,
    started: bool,
}

impl WordStream {
    fn new() -> WordStream {
        WordStream {
            words: data_bytes(WORDS),
            buckets: data_bytes(BUCKETS),
            at: 0,
            bucket_at: 0,
            word: Vec::with_capacity(32),
            trigrams: Vec::with_capacity(32),
            done: 0,
            started: false,
        }
    }

    /// Adds up to `max` more words to `table` and their trigrams to `counts`; false once the
    /// list is done (and every count is in). Plain byte loops: every iterator layer costs in
    /// the baseline tier.
    #[inline(never)]
    fn add_words(&mut self, table: &mut Table, counts: &mut [f32], max: usize) -> bool {
        let mut added = 0;
        while self.at < self.words.len() {
            let c = self.words[self.at];
            self.at += 1;
            let pop = match word_byte(c) {
                WordByte::Pop(n) => n,
                WordByte::Letter => {
                    self.append(c);
                    continue;
                }
                WordByte::Skip => continue,
            };
            if self.started {
                self.add_word(table, counts);
                added += 1;
            }
            self.started = true;
            self.drop_letters(counts, pop);
            if added == max {
                return true;
            }
        }
        if self.started {
            self.add_word(table, counts);
            self.started = false;
            self.drop_letters(counts, self.word.len());
        }
        false
    }

    fn append(&mut self, c: u8) {
        self.word.push(c);
        self.trigrams.push(((self.context() * K + class(c)) as u16, self.done));
    }

    /// The last two letters' classes, `a * K + b` (0 for a boundary): the trigram ending at
    /// the last letter, less its first letter.
    fn context(&self) -> usize {
        self.trigrams.last().map_or(0, |&(t, _)| t as usize % (K * K))
    }

    /// Drops the last `pop` letters, counting their trigrams for the words that held them.
    fn drop_letters(&mut self, counts: &mut [f32], pop: usize) {
        let keep = self.word.len().saturating_sub(pop);
        for &(trigram, since) in &self.trigrams[keep..] {
            counts[trigram as usize] += (self.done - since) as f32;
        }
        self.word.truncate(keep);
        self.trigrams.truncate(keep);
    }

    fn add_word(&mut self, table: &mut Table, counts: &mut [f32]) {
        // count = 2^(bucket/2)
        while self.buckets.get(self.bucket_at).is_some_and(|&c| c == b'\n' || c == b'\r') {
            self.bucket_at += 1;
        }
        let bucket = self.buckets.get(self.bucket_at).map_or(0.0, |&c| c.wrapping_sub(b'0') as f32);
        self.bucket_at += 1;
        let ln_p = bucket * 0.5 * std::f32::consts::LN_2 - LN_TOTAL;
        // the trigram that ends the word (its last two letters and the boundary) is its own
        counts[self.context() * K] += 1.0;
        self.done += 1;
        table.insert(&self.word, ln_p);
    }
}

/// What a byte of the words file does: a pop char (`0`-`9`, `A`-`Z`) ends the word before and
/// drops that many letters from it, a letter is appended, a line break does nothing.
enum WordByte {
    Pop(usize),
    Letter,
    Skip,
}

fn word_byte(c: u8) -> WordByte {
    match c {
        b'0'..=b'9' => WordByte::Pop((c - b'0') as usize),
        b'A'..=b'Z' => WordByte::Pop((c - b'A') as usize + 10),
        b'\n' | b'\r' => WordByte::Skip,
        _ => WordByte::Letter,
    }
}

/// The bytes of a one-stream data file after its `#` comment line(s); line breaks inside the
/// stream are the caller's to skip (the words file has none, the buckets file wraps).
fn data_bytes(file: &'static str) -> &'static [u8] {
    let mut rest = file;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    rest.as_bytes()
}

/// `first second` → the bigram bonus (weighted, capped PMI against the unigram model).
/// Also the end bytes of the first and second words (lower case, as the file writes them).
fn build_bigrams(words: &Table) -> (Table, [EndBytes; 2]) {
    let no_words = || EndBytes::exact(std::iter::empty());
    let mut reader = BigramReader { table: Table::with_capacity(4_000), ends: [no_words(), no_words()], first: "", bucket: 0.0, key: Vec::with_capacity(32) };
    for e in crate::lexicon::parse(BIGRAMS) {
        reader.read(e.key, words);
    }
    (reader.table, reader.ends)
}

/// The bigram file read a line at a time: `@first` starts a first word's list, `=k` sets the
/// bucket of the lines after it, any other line is a second word.
struct BigramReader {
    table: Table,
    ends: [EndBytes; 2],
    first: &'static str,
    bucket: f32,
    key: Vec<u8>,
}

impl BigramReader {
    /// `line`: a line of the file, trimmed (comments and blank lines are never read). (Not
    /// inlined, like [`WordStream::add_words`]: the lines after the first few run in wasm's
    /// optimised tier.)
    #[inline(never)]
    fn read(&mut self, line: &'static str, words: &Table) {
        if let Some(f) = line.strip_prefix('@') {
            self.first = f;
            self.ends[0].add(f);
            return;
        }
        if let Some(k) = line.strip_prefix('=') {
            // digits read by hand: `str::parse` is a large function to compile (and a float
            // parse links a 10 KB table)
            self.bucket = k.bytes().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + (d - b'0') as u32)).map_or(0.0, |k| k as f32);
            return;
        }
        let second = line;
        self.ends[1].add(second);
        self.key.clear();
        self.key.extend_from_slice(self.first.as_bytes());
        self.key.push(b' ');
        self.key.extend_from_slice(second.as_bytes());
        let ln_c = self.bucket * 0.5 * std::f32::consts::LN_2;
        let (Some(pa), Some(pb)) = (words.get(self.first.as_bytes()), words.get(second.as_bytes())) else { return };
        let pmi = ln_c - LN_BIGRAM_TOTAL - pa - pb;
        self.table.insert(&self.key, (pmi * BIGRAM_WEIGHT).clamp(0.0, BIGRAM_CAP));
    }
}

/// A trigram's starting count (add-0.1 smoothing).
const UNSEEN: f32 = 0.1;

/// One word's trigrams counted (the reference [`WordStream`]'s counts are tested against).
#[cfg(test)]
fn add_trigrams(counts: &mut [f32], word: &[u8]) {
    let (mut a, mut b) = (0usize, 0usize);
    for &c in word.iter().chain(std::iter::once(&0u8)) {
        let c = if c == 0 { 0 } else { class(c) };
        counts[(a * K + b) * K + c] += 1.0;
        a = b;
        b = c;
    }
}

/// Counts → ln P(c | a b). Most cells were never seen: their logarithm is the same within a
/// context and is computed once.
fn normalise(mut counts: Vec<f32>) -> Vec<f32> {
    for ctx in counts.chunks_mut(K) {
        normalise_context(ctx);
    }
    counts
}

/// (Not inlined, like [`WordStream::add_words`].)
#[inline(never)]
fn normalise_context(ctx: &mut [f32]) {
    let total: f32 = ctx.iter().sum();
    let ln_unseen = portable_ln(UNSEEN / total);
    for v in ctx.iter_mut() {
        *v = if *v == UNSEEN { ln_unseen } else { portable_ln(*v / total) };
    }
}

/// Natural log computed with IEEE basic operations only, so native and wasm builds give the
/// same bits (`f32::ln` calls the platform's libm, which differs in the last place between
/// glibc and wasm's libm and flipped near-tied splits). Zero gives negative infinity.
pub fn portable_ln(x: f32) -> f32 {
    if x.is_nan() || x < 0.0 {
        return f32::NAN;
    }
    if x == 0.0 {
        return f32::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    let x = x as f64;
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1023; // f32 inputs are never subnormal as f64
    let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000); // [1, 2)
    // ln m = 2 atanh(s), s = (m - 1) / (m + 1) in [0, 1/3)
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    // s < 1/3: twelve terms leave an error below s^25 / 25 < 1e-13, far under f32 precision
    let (mut term, mut sum) = (s, 0.0f64);
    let mut k = 1.0f64;
    while k < 24.0 {
        sum += term / k;
        term *= s2;
        k += 2.0;
    }
    (exp as f64 * std::f64::consts::LN_2 + 2.0 * sum) as f32
}

/// e^x with IEEE basic operations only (see [`portable_ln`]): x = k ln 2 + r, |r| <= ln 2 / 2,
/// e^r by its Taylor series. Underflows to 0 below -80.
pub fn portable_exp(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    if x < -80.0 {
        return 0.0;
    }
    if x > 80.0 {
        return f32::INFINITY;
    }
    let x = x as f64;
    let k = (x / std::f64::consts::LN_2).round();
    let r = x - k * std::f64::consts::LN_2;
    let (mut term, mut sum) = (1.0f64, 1.0f64);
    let mut n = 1.0f64;
    while n < 20.0 {
        term *= r / n;
        sum += term;
        n += 1.0;
    }
    (sum * f64::from_bits(((k as i64 + 1023) as u64) << 52)) as f32
}

/// The part of a token a word model scores: punctuation around it and a possessive or
/// contraction suffix stripped (`"Thiemann's,` → `Thiemann`).
#[inline]
pub fn word_core(piece: &str) -> &str {
    if piece.bytes().all(crate::text::is_ascii_alnum) {
        return piece;
    }
    strip_suffix(trim_non_word(piece))
}

impl Model {
    /// ln P of a lower-case ASCII word, if the lexicon holds it.
    #[inline]
    pub fn known(&self, lower: &[u8]) -> Option<f32> {
        self.words.get(lower)
    }

    /// Character-model ln P of a word (boundary to boundary).
    pub fn chars(&self, word: &[u8]) -> f32 {
        let (mut a, mut b, mut sum) = (0usize, 0usize, 0f32);
        for &c in word.iter().chain(std::iter::once(&0u8)) {
            let c = if c == 0 { 0 } else { class(c) };
            sum += self.trigram[(a * K + b) * K + c];
            a = b;
            b = c;
        }
        sum
    }
}

fn is_word_char(c: char) -> bool {
    crate::text::is_alphanumeric(c)
}

/// `piece` without the non-word chars at its ends: exactly
/// `piece.trim_matches(|c: char| !is_word_char(c))`, with ASCII ends trimmed a byte at a time
/// (the usual `said,` or `"Oman.`); chars are decoded only where a non-ASCII one is at an end.
fn trim_non_word(piece: &str) -> &str {
    let b = piece.as_bytes();
    let (mut s, mut e) = (0, b.len());
    while s < e && b[s].is_ascii() && !crate::text::is_ascii_alnum(b[s]) {
        s += 1;
    }
    while e > s && b[e - 1].is_ascii() && !crate::text::is_ascii_alnum(b[e - 1]) {
        e -= 1;
    }
    // (s and e are char boundaries: only ASCII bytes were stepped over)
    let inner = &piece[s..e];
    if s < e && (!b[s].is_ascii() || !b[e - 1].is_ascii()) {
        inner.trim_matches(|c: char| !is_word_char(c))
    } else {
        inner
    }
}

/// ln P of `piece` (no whitespace) as one word. Leading and trailing punctuation and a
/// possessive or contraction suffix are ignored; hyphenated words score as their parts.
pub fn word_score(piece: &str) -> f32 {
    if piece.bytes().all(|b| b.is_ascii_alphabetic()) {
        return core_score(piece);
    }
    let core = trim_non_word(piece);
    if core.is_empty() {
        return SYMBOL_SCORE;
    }
    if core.contains(['-', '\u{2010}', '\u{2011}', '/']) {
        let mut parts = core.split(['-', '\u{2010}', '\u{2011}', '/']).filter(|p| !p.is_empty()).peekable();
        let mut sum = 0.0;
        while let Some(part) = parts.next() {
            // one letter before a hyphen is a prefix (`e-commerce`, `T-shirt`, `U-turn`), not
            // a stray letter
            let letter_prefix = part.len() == 1 && part.as_bytes()[0].is_ascii_alphabetic() && parts.peek().is_some();
            sum += if letter_prefix { PREFIX_COST } else { word_score(part) };
        }
        return sum;
    }
    let core = strip_suffix(core);
    if core.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return NUMBER_SCORE;
    }
    if is_abbreviation(core) || is_quantity(core) {
        return NUMBER_SCORE;
    }
    core_score(core)
}

/// Whether `piece` reads as a word as it stands: every letter run of its core (punctuation,
/// possessives and hyphens aside) is in the lexicon, or it is a number or abbreviation. A piece
/// that is not may be two words glued together.
pub fn is_known_piece(piece: &str) -> bool {
    let core = word_core(piece);
    // the usual core (`said`, `said,` → `said`): a plain word, which none of the tests below takes
    if core.len() >= 3 && core.bytes().all(|b| b.is_ascii_alphabetic()) {
        return known_ascii_word(model(), core);
    }
    if core.is_empty() || core.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') || is_abbreviation(core) || is_quantity(core) {
        return true;
    }
    let m = model();
    core.split(['-', '\u{2010}', '\u{2011}', '/']).filter(|p| !p.is_empty()).all(|p| p.chars().count() < 3 || known_ascii_word(m, p))
}

/// `word` is ASCII letters only (32 at most) and, lower-cased, in the lexicon (hashed as its
/// lower case, without a copy).
fn known_ascii_word(m: &Model, word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > 32 || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    m.words.get_hashed(crate::hash::word_hash_of_lower_letters(bytes)).is_some()
}

/// `2.4bn`, `10km`, `1990s`, `6230i`: a number with a short unit or suffix.
fn is_quantity(core: &str) -> bool {
    let digits = core.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',').count();
    let rest = &core.as_bytes()[digits..];
    digits > 0 && core.as_bytes()[0].is_ascii_digit() && rest.len() <= 3 && rest.iter().all(|b| b.is_ascii_alphabetic())
}

/// `U.S`, `e.g`, `a.m` (final period already stripped): single letters joined by periods.
fn is_abbreviation(core: &str) -> bool {
    let b = core.as_bytes();
    b.len() >= 3 && b.len() <= 7 && b.iter().enumerate().all(|(i, &c)| if i % 2 == 1 { c == b'.' } else { c.is_ascii_alphabetic() })
}

fn strip_suffix(core: &str) -> &str {
    let bytes = core.as_bytes();
    // neither apostrophe (`'`, or the lead byte of `’`) in reach of the end: nothing to strip
    if !bytes[bytes.len().saturating_sub(MAX_SUFFIX_BYTES + '\u{2019}'.len_utf8())..].iter().any(|&b| b == b'\'' || b == 0xE2) {
        return core;
    }
    for apo in ["'", "\u{2019}"] {
        // a suffix is two bytes at most: only the end of the word can hold its apostrophe (a
        // search of the whole word, for every piece of every split, was a hot spot); the last
        // few bytes are compared directly (a char search there cost more than the rest)
        let apo = apo.as_bytes();
        let from = bytes.len().saturating_sub(MAX_SUFFIX_BYTES + apo.len());
        if let Some(i) = (from..bytes.len()).rev().find(|&i| bytes[i..].starts_with(apo)) {
            let suffix = &core[i + apo.len()..];
            // `'t` only ends `n't` after a stem (`don't`, `can't`; `on't` is a split `don't`)
            let negation_ok = suffix != "t" || i >= 3 && core[..i].ends_with(['n', 'N']);
            if matches!(suffix, "s" | "S" | "t" | "re" | "ve" | "ll" | "d" | "m" | "") && i > 0 && negation_ok {
                return &core[..i];
            }
        }
    }
    core
}

/// Longest possessive or contraction suffix [`strip_suffix`] removes (`re`, `ve`, `ll`).
const MAX_SUFFIX_BYTES: usize = 2;

/// Word-forming prefixes: an unknown `misappropriated` scores like `appropriated`, a little less.
const PREFIXES: [&str; 22] = [
    "un", "re", "mis", "non", "over", "under", "counter", "anti", "pre", "post", "co", "de", "dis", "out", "sub", "super",
    "inter", "multi", "semi", "mega", "self", "cyber",
];
const PREFIX_COST: f32 = -2.5;
/// Inflections: an unknown `battlefronts` scores like `battlefront`, a little less (the word
/// list holds a word's frequent forms only; its rarer ones fell to the character model and
/// lost to splits such as `battlefront|sincluding`).
const SUFFIXES: [&str; 7] = ["s", "es", "ed", "ing", "ly", "er", "ers"];
const SUFFIX_COST: f32 = -4.0;
/// ln P of the list's rarest words (bucket 37, the lowest in data/clean/word_buckets.txt).
const RAREST_LN_P: f32 = 37.0 * 0.5 * std::f32::consts::LN_2 - LN_TOTAL;
/// Cost of a lower→upper change inside a piece (`CescFabre`, `DoloresMTro`): a glued seam.
const INNER_CAMEL_COST: f32 = -5.0;
/// Cost of `, ; : . ! ?` followed by a letter inside a piece (`Jagielka,Thirl`).
const INNER_PUNCT_COST: f32 = -6.0;

fn core_score(core: &str) -> f32 {
    if core.is_empty() {
        return SYMBOL_SCORE;
    }
    let m = model();
    let mut lower = [0u8; 32];
    let bytes = core.as_bytes();
    let shape = shape_cost(bytes);
    if core.is_ascii() && bytes.len() <= lower.len() {
        for (d, s) in lower.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        let lower = &lower[..bytes.len()];
        // one-letter words other than `a`, `I`; a capital alone is often an initial (`Dolores M`)
        let single = bytes.len() == 1 && !matches!(lower[0], b'a' | b'i');
        let initial = single && bytes[0].is_ascii_uppercase();
        let penalty = if initial { INITIAL_PENALTY } else if single { SINGLE_LETTER_PENALTY } else { 0.0 } + shape;
        if let Some(p) = m.known(lower) {
            return p + penalty;
        }
        let mut best = UNKNOWN_PENALTY + m.chars(lower);
        // a prefix of two letters or more and a known rest of seven or more
        let prefixes = if lower.len() >= 9 { &PREFIXES[..] } else { &[] };
        for pre in prefixes.iter().filter(|p| p.as_bytes()[0] == lower[0]) {
            if let Some(rest) = lower.strip_prefix(pre.as_bytes()).filter(|r| r.len() >= 7) {
                if let Some(p) = m.known(rest) {
                    best = best.max(p + PREFIX_COST);
                }
            }
        }
        // an inflection of a known stem of four letters or more (`battlefronts`, `skilfully`)
        for suf in SUFFIXES {
            if let Some(stem) = lower.strip_suffix(suf.as_bytes()).filter(|s| s.len() >= 4) {
                if let Some(p) = m.known(stem) {
                    // not in the list: rarer than the rarest word that is
                    best = best.max((p + SUFFIX_COST).min(RAREST_LN_P));
                }
            }
        }
        return best + penalty;
    }
    // non-ASCII or very long: the character model over its bytes (non-letters are class 27)
    UNKNOWN_PENALTY + m.chars(bytes) + shape
}

/// Costs of the shapes a real word rarely has: inner camel seams (not after one lower-case
/// letter, `iPhone`, or a name prefix, `McDonald`, `DeSantis`) and inner punctuation.
fn shape_cost(b: &[u8]) -> f32 {
    let mut cost = 0.0;
    for i in 1..b.len() {
        if b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase() && i > 1 && !is_name_prefix(&b[..i]) {
            cost += INNER_CAMEL_COST;
        }
        if matches!(b[i - 1], b',' | b';' | b':' | b'.' | b'!' | b'?') && b[i].is_ascii_alphabetic() && i > 1 {
            cost += INNER_PUNCT_COST;
        }
    }
    cost
}

fn is_name_prefix(p: &[u8]) -> bool {
    matches!(p, b"Mc" | b"Mac" | b"De" | b"Di" | b"Da" | b"Du" | b"La" | b"Le" | b"Van" | b"Von" | b"Fitz")
}

/// The word a piece offers as the first element of a bigram (`"Oman.` offers none:
/// punctuation ends the phrase): leading openers trimmed, letters only.
fn left_word(piece: &str) -> Option<&[u8]> {
    // (most pieces start with a letter: nothing to trim, no char decoded)
    let w = match piece.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() => piece,
        _ => piece.trim_start_matches(|c: char| !crate::text::is_alphanumeric(c)),
    };
    letters_only(w.as_bytes())
}

/// The word a piece offers as the second element of a bigram.
fn right_word(piece: &str) -> Option<&[u8]> {
    let w = match piece.as_bytes().last() {
        Some(b) if b.is_ascii_alphabetic() => piece,
        _ => piece.trim_end_matches(|c: char| !crate::text::is_alphanumeric(c)),
    };
    letters_only(w.as_bytes())
}

fn letters_only(w: &[u8]) -> Option<&[u8]> {
    (!w.is_empty() && w.len() <= 24 && w.iter().all(|b| b.is_ascii_alphabetic())).then_some(w)
}

/// The word `piece` offers as a bigram's first word, if a bigram's first word has its end
/// bytes and length (lower-cased: the words are ASCII letters, the file's are lower case).
pub fn bigram_first(piece: &str) -> Option<&[u8]> {
    left_word(piece).filter(|w| may_be_bigram_word(&model().bigram_ends[0], w))
}

/// The word `piece` offers as a bigram's second word (see [`bigram_first`]).
pub fn bigram_second(piece: &str) -> Option<&[u8]> {
    right_word(piece).filter(|w| may_be_bigram_word(&model().bigram_ends[1], w))
}

/// Whether `w` (ASCII letters) may be one of the words whose end bytes `ends` holds (the
/// file's lower case, with their lengths): its ends lower-cased.
fn may_be_bigram_word(ends: &EndBytes, w: &[u8]) -> bool {
    ends.holds_ends(w[0].to_ascii_lowercase(), w[w.len() - 1].to_ascii_lowercase(), w.len())
}

/// Bonus (>= 0, nats) for `a b` being a frequent English bigram: weighted, capped PMI
/// (precomputed per bigram when the table is built).
pub fn bigram_bonus(a: &str, b: &str) -> f32 {
    match bigram_first(a) {
        None => 0.0,
        a => bigram_of(a, bigram_second(b)),
    }
}

/// [`bigram_bonus`] of the words [`bigram_first`] and [`bigram_second`] gave (a caller that
/// pairs one piece with several reads its word once). No allocation: the key is lower-cased on
/// the stack (two words of 24 bytes at most and a space).
pub fn bigram_of(a: Option<&[u8]>, b: Option<&[u8]>) -> f32 {
    let (Some(a), Some(b)) = (a, b) else { return 0.0 };
    // (two plain copies: a chained iterator, a branch per byte, cost more than the lookup)
    let mut key = [0u8; 49];
    let (first, rest) = key.split_at_mut(a.len());
    for (d, s) in first.iter_mut().zip(a) {
        *d = s.to_ascii_lowercase();
    }
    rest[0] = b' ';
    for (d, s) in rest[1..].iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    model().bigrams.get(&key[..a.len() + 1 + b.len()]).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-searching reading `strip_suffix` had before it compared bytes.
    fn strip_suffix_by_chars(core: &str) -> &str {
        for apo in ['\'', '\u{2019}'] {
            let from = core.len().saturating_sub(MAX_SUFFIX_BYTES + apo.len_utf8());
            let from = (from..core.len()).find(|&i| core.is_char_boundary(i)).unwrap_or(core.len());
            if let Some(i) = core[from..].rfind(apo).map(|i| from + i) {
                let suffix = &core[i + apo.len_utf8()..];
                let negation_ok = suffix != "t" || i >= 3 && core[..i].ends_with(['n', 'N']);
                if matches!(suffix, "s" | "S" | "t" | "re" | "ve" | "ll" | "d" | "m" | "") && i > 0 && negation_ok {
                    return &core[..i];
                }
            }
        }
        core
    }

    #[test]
    fn non_word_ends_trim_as_the_char_trim_does() {
        for piece in ["said,", "\"Oman.", "\u{201c}We", "caf\u{e9}", "\u{e9}t\u{e9}\u{2019}", "(\u{201c}x\u{201d})", "...", "", "\u{2014}", "a\u{300}", "\u{1f60a}x\u{1f60a}", "1,000.", "\u{a0}ab\u{a0}", "-\u{201c}"] {
            assert_eq!(trim_non_word(piece), piece.trim_matches(|c: char| !is_word_char(c)), "{piece:?}");
        }
    }

    #[test]
    fn suffixes_strip_as_the_char_search_did() {
        let cases = [
            "Thiemann's", "Thiemann\u{2019}s", "don't", "on't", "can\u{2019}t", "they're", "we\u{2019}ve", "she'll", "I'd", "I\u{2019}m",
            "'", "\u{2019}", "a'", "dogs'", "dogs\u{2019}", "o'clock", "rock'n'roll", "caf\u{e9}'s", "\u{e9}\u{2019}", "\u{20ac}'s",
            "x\u{2019}'s", "x'\u{2019}", "''", "\u{2019}\u{2019}s", "n't", "N't", "isn\u{2019}t", "\u{1f60a}\u{2019}s", "ab'cd", "",
        ];
        for case in cases {
            assert_eq!(strip_suffix(case), strip_suffix_by_chars(case), "{case:?}");
        }
        assert_eq!(strip_suffix("Thiemann\u{2019}s"), "Thiemann");
        assert_eq!(strip_suffix("o'clock"), "o'clock");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_piece_trims_as_the_char_trim_does(piece in "[a.,\"'\u{201c}\u{e9}\u{2014}\u{300}\u{1f60a}1 -]{0,8}") {
            proptest::prop_assert_eq!(trim_non_word(&piece), piece.trim_matches(|c: char| !is_word_char(c)));
        }

        #[test]
        fn any_suffix_strips_as_the_char_search_did(core in "[nNtsSrevldm'\u{2019}\u{e9}\u{20ac}\u{1f60a}x]{0,8}") {
            proptest::prop_assert_eq!(strip_suffix(&core), strip_suffix_by_chars(&core));
        }
    }

    /// The word table and trigram counts decoded `per_call` words at a time.
    fn decoded(per_call: usize) -> (Vec<(u32, u32)>, Vec<u32>, usize) {
        let (mut table, mut counts) = (Table::with_capacity(40_000), vec![UNSEEN; K * K * K]);
        let (mut stream, mut calls) = (WordStream::new(), 1);
        while stream.add_words(&mut table, &mut counts, per_call) {
            calls += 1;
        }
        let slots = table.slots.iter().map(|&s| (Table::check(s), Table::ln_p(s).to_bits())).collect();
        (slots, counts.iter().map(|c| c.to_bits()).collect(), calls)
    }

    #[test]
    fn the_word_list_decodes_the_same_in_any_chunk_size() {
        let (slots, counts, calls) = decoded(usize::MAX);
        assert_eq!(calls, 1);
        // every word of the list is in (one pop char starts each), and every bucket was read
        let words = slots.iter().filter(|s| s.0 != 0).count();
        assert_eq!(words, data_bytes(WORDS).iter().filter(|c| c.is_ascii_digit() || c.is_ascii_uppercase()).count());
        assert_eq!(words, data_bytes(BUCKETS).iter().filter(|&&c| c != b'\n' && c != b'\r').count());
        for per_call in [1, 7, WORDS_PER_CALL] {
            let (s, c, calls) = decoded(per_call);
            assert!(s == slots && c == counts, "{per_call}");
            assert_eq!(calls, (words - 1) / per_call + 1, "{per_call}");
        }
    }

    #[test]
    fn trigram_counts_shared_along_prefixes_are_the_counts_of_each_word() {
        let (_, counts, _) = decoded(WORDS_PER_CALL);
        let mut each = vec![UNSEEN; K * K * K];
        let mut word = Vec::new();
        let mut started = false;
        for &c in data_bytes(WORDS) {
            let pop = match word_byte(c) {
                WordByte::Pop(n) => n,
                WordByte::Letter => {
                    word.push(c);
                    continue;
                }
                WordByte::Skip => continue,
            };
            if started {
                add_trigrams(&mut each, &word);
            }
            started = true;
            word.truncate(word.len() - pop);
        }
        add_trigrams(&mut each, &word);
        assert!(each.iter().any(|&c| c > 1000.0));
        assert_eq!(counts, each.iter().map(|c| c.to_bits()).collect::<Vec<_>>());
    }

    #[test]
    fn known_words_outscore_unknown_strings() {
        assert!(word_score("the") > word_score("thursday"));
        assert!(word_score("Thursday,") > word_score("Thursdayafter"));
        assert!(word_score("nevertheless") > word_score("never") + word_score("the") + word_score("less"));
        assert!(word_score("Portman") + word_score("won") > word_score("Portmanw") + word_score("on"));
    }

    #[test]
    fn portable_exp_matches_exp() {
        for x in [-79.0f32, -30.5, -9.25, -1.0, -0.1, 0.0, 0.3, 2.0, 10.0] {
            let (a, b) = (portable_exp(x), x.exp());
            assert!((a - b).abs() <= b * 1e-6, "{x}: {a} vs {b}");
            assert!((portable_ln(portable_exp(x)) - x).abs() < 1e-4);
        }
        assert_eq!(portable_exp(-100.0), 0.0);
    }

    #[test]
    fn bigrams_prefer_frequent_pairs() {
        assert!(bigram_bonus("as", "he") > bigram_bonus("a", "she"));
        assert!(bigram_bonus("there", "were") > 0.0);
        // punctuation ends the phrase; unknown pairs give nothing
        assert_eq!(bigram_bonus("there.", "were"), 0.0);
        assert_eq!(bigram_bonus("zebra", "quantum"), 0.0);
    }

    /// [`bigram_bonus`] without its end-byte test: the table's answer alone.
    fn bigram_bonus_looked_up(a: &str, b: &str) -> f32 {
        let (Some(a), Some(b)) = (left_word(a), right_word(b)) else { return 0.0 };
        let key = [a.to_ascii_lowercase(), b" ".to_vec(), b.to_ascii_lowercase()].concat();
        model().bigrams.get(&key).unwrap_or(0.0)
    }

    #[test]
    fn bigram_end_bytes_pass_every_pair_the_table_holds() {
        let (mut first, mut pairs) = ("", Vec::new());
        for e in crate::lexicon::parse(BIGRAMS) {
            match e.key.as_bytes()[0] {
                b'@' => first = &e.key[1..],
                b'=' => {}
                _ => pairs.push((first, e.key)),
            }
        }
        let capitalised = |w: &str| w[..1].to_ascii_uppercase() + &w[1..];
        let mut found = 0;
        for (i, &(a, b)) in pairs.iter().enumerate() {
            // each pair as written, in upper case, capitalised; and a first word with another
            // pair's second word (mostly no bigram)
            let other = pairs[(i * 7 + 3) % pairs.len()].1;
            for (a, b) in [(a.to_string(), b.to_string()), (a.to_ascii_uppercase(), b.to_ascii_uppercase()), (capitalised(a), b.to_string()), (a.to_string(), other.to_string())] {
                let bonus = bigram_bonus(&a, &b);
                assert_eq!(bonus.to_bits(), bigram_bonus_looked_up(&a, &b).to_bits(), "{a} {b}");
                found += usize::from(bonus > 0.0);
            }
        }
        assert!(found > pairs.len(), "{found} of {} pairs", pairs.len());
    }

    #[test]
    fn shapes_of_glued_words_cost() {
        assert!(word_score("CescFabre") < word_score("Cescfabre"));
        assert!(word_score("Jagielka,Thirl") < word_score("Jagielka"));
        assert_eq!(word_score("McDonald"), word_score("Mcdonald"));
        assert!(word_score("misappropriated") > word_score("recentlymis"));
    }

    #[test]
    fn numbers_and_abbreviations_are_words() {
        assert_eq!(word_score("2.4bn"), NUMBER_SCORE);
        assert_eq!(word_score("1990s"), NUMBER_SCORE);
        assert_eq!(word_score("1,000"), NUMBER_SCORE);
        assert_eq!(word_score("U.S."), NUMBER_SCORE);
        assert!(word_score("Opec's") > word_score("Opecs'x"));
    }
}

#[cfg(test)]
mod portable_ln_tests {
    use super::portable_ln;

    #[test]
    fn agrees_with_ln_to_float_precision() {
        for &x in &[1e-30f32, 1e-7, 0.001, 0.25, 0.5, 0.999, 1.0, 1.5, 2.0, 3.0, 10.0, 12345.0, 1e30] {
            let (got, want) = (portable_ln(x), x.ln());
            assert!((got - want).abs() <= want.abs() * 2e-7 + 1e-7, "ln {x}: {got} vs {want}");
        }
        assert_eq!(portable_ln(0.0), f32::NEG_INFINITY);
        assert!(portable_ln(-1.0).is_nan());
    }
}
