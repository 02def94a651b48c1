//! Tokenizer: splits the cleaned text into words, numbers, punctuation and symbols.
//!
//! Rules: whitespace separates tokens; letters/digits with inner apostrophes are kept apart
//! from a possessive or clitic (`Iran’s` → `Iran` `’s`); hyphens split (`Iran-United` →
//! `Iran` `-` `United`); abbreviations keep their periods (`U.S.`, `Mr.`, `Jan.`); numbers keep
//! their separators (`1,000`, `3.5`). Offsets are byte offsets into `doc.text`. The stage also
//! gives every token its word id (`doc.vocab`: equal texts share one), so later stages look a
//! word up once per distinct word.

use crate::doc::{Doc, Span, Token, TokenKind, Vocab};
use std::borrow::Cow;
use std::sync::OnceLock;

fn abbreviations() -> &'static crate::hash::HashSet<&'static str> {
    static SET: OnceLock<crate::hash::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::lexicon::parse(include_str!("../data/tokenize/abbreviations.txt")).map(|e| e.key).collect())
}

/// True for words whose trailing period belongs to them (`Mr.`, `Gen.`, `U.S.`).
pub fn is_abbreviation(word_with_period: &str) -> bool {
    abbreviations().contains(word_with_period)
}

pub fn tokenize(doc: &mut Doc) {
    doc.tokens = tokens_of(&doc.text);
    doc.vocab = vocab_of(&doc.text, &doc.tokens);
}

/// `vocab` if it is the one of `tokens`, else theirs made now (a document whose tokens were set
/// without the tokenizer's vocabulary).
pub fn vocab_for<'v>(text: &str, tokens: &[Token], vocab: &'v Vocab) -> Cow<'v, Vocab> {
    if vocab.covers(tokens) {
        Cow::Borrowed(vocab)
    } else {
        Cow::Owned(vocab_of(text, tokens))
    }
}

/// Each distinct word's text and each token's word id (its index there), from `vocab` if it is
/// the one of `tokens` (see [`vocab_for`]).
pub fn words_and_ids<'a>(text: &'a str, tokens: &[Token], vocab: &'a Vocab) -> (Vec<&'a str>, Cow<'a, [u32]>) {
    let vocab = vocab_for(text, tokens, vocab);
    let words = vocab.words.iter().map(|span| span.slice(text)).collect();
    let ids = match vocab {
        Cow::Borrowed(v) => Cow::Borrowed(v.ids.as_slice()),
        Cow::Owned(v) => Cow::Owned(v.ids),
    };
    (words, ids)
}

/// Each token's word id (equal texts, equal ids, numbered in order of first occurrence) and
/// each word's first occurrence. A one-byte token (most punctuation) reads its id from a table
/// by its byte, without hashing.
pub fn vocab_of(text: &str, tokens: &[Token]) -> Vocab {
    const NEW: u32 = u32::MAX;
    // about one distinct word per eight tokens of news: no rehashing while it fills
    let mut id_of: crate::hash::HashMap<&str, u32> = crate::hash::HashMap::with_capacity_and_hasher(tokens.len() / 8, Default::default());
    let mut by_byte = [NEW; 256];
    let mut words = Vec::new();
    let mut new_word = |span: Span| {
        words.push(span);
        (words.len() - 1) as u32
    };
    let ids = tokens
        .iter()
        .map(|t| match t.span.slice(text) {
            w if w.len() == 1 => {
                let b = usize::from(w.as_bytes()[0]);
                if by_byte[b] == NEW {
                    by_byte[b] = new_word(t.span);
                }
                by_byte[b]
            }
            // `get` first: most words are seen before (`entry` is called out of line in wasm)
            w => match id_of.get(w) {
                Some(&id) => id,
                None => {
                    let id = new_word(t.span);
                    id_of.insert(w, id);
                    id
                }
            },
        })
        .collect();
    Vocab { ids, words }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenize a text. Reads the text in place, a char at a time by byte offset (ASCII, most of
/// any article, without decoding): no table of its chars.
pub fn tokens_of(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let n = text.len();
    let at = |i: usize| char_at(text, i);
    let mut i = 0;
    while i < n {
        let c = at(i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_ascii_digit() || (c.is_numeric() && !crate::text::is_alphabetic(c)) {
            // number: digits with inner , . separators followed by a digit
            let mut j = i + c.len_utf8();
            while j < n {
                let d = at(j);
                if d.is_ascii_digit() {
                    j += 1;
                } else if (d == ',' || d == '.') && j + 1 < n && at(j + 1).is_ascii_digit() {
                    j += 2;
                } else {
                    break;
                }
            }
            // "1990s", "5th", "3pm": letters glued to a number stay in the token
            while j < n && crate::text::is_alphabetic(at(j)) {
                j += at(j).len_utf8();
            }
            out.push(Token { span: Span::new(i, j), kind: TokenKind::Number });
            i = j;
            continue;
        }
        if crate::text::is_alphabetic(c) {
            let mut j = i + c.len_utf8();
            // chars from `i` to `j`
            let mut chars = 1;
            while j < n {
                // (the usual run of ASCII letters and digits: a byte each, no char read)
                if crate::text::is_ascii_alnum(text.as_bytes()[j]) {
                    j += 1;
                    chars += 1;
                    continue;
                }
                let d = at(j);
                let after = j + d.len_utf8();
                if crate::text::is_alphanumeric(d) || d == '\u{200D}' {
                    j = after;
                    chars += 1;
                } else if d == '.' && after < n && crate::text::is_alphabetic(at(after)) && chars <= 2 {
                    // U.S., e.g., a.m.: single letters joined by periods
                    j = after;
                    chars += 1;
                } else if is_apostrophe(d) && after < n && crate::text::is_alphabetic(at(after)) {
                    // inner apostrophe: split before a clitic ('s, 't handled as n't, 're, 'll, 've, 'd, 'm)
                    let lower = text[after..].chars().take(3).collect::<String>().to_lowercase();
                    let clitic = ["s", "re", "ll", "ve", "d", "m"].iter().find(|cl| {
                        lower.starts_with(*cl) && !lower[cl.len()..].starts_with(crate::text::is_alphabetic)
                    });
                    if clitic.is_some() {
                        break;
                    }
                    j = after; // O'Brien, rock'n'roll
                    chars += 1;
                } else {
                    break;
                }
            }
            // "n't": split "don't" as "do" "n't"
            let mut end = j;
            let word = &text[i..j];
            if j < n && is_apostrophe(at(j)) {
                // handled below as clitic
            } else if let Some(clitic) = ["n't", "n’t"].into_iter().find(|cl| word.len() > cl.len() && word.ends_with(cl)) {
                // (a lone `n’t` stays whole: splitting it left an empty token)
                end = j - clitic.len();
            }
            // trailing period of an abbreviation, or of a letter-dot sequence like "U.S"
            let mut tok_end = end;
            if end == j && j < n && text.as_bytes()[j] == b'.' {
                let with_dot = &text[i..j + 1];
                let dotted = with_dot[..with_dot.len() - 1].contains('.');
                if dotted || is_abbreviation(with_dot) || (chars == 1 && is_initial(text, c, j)) {
                    tok_end = j + 1;
                    j += 1;
                    end = j;
                }
            }
            out.push(Token { span: Span::new(i, tok_end), kind: TokenKind::Word });
            if end < j {
                out.push(Token { span: Span::new(end, j), kind: TokenKind::Word });
            }
            i = j;
            if i < n && is_apostrophe(at(i)) && i + at(i).len_utf8() < n && crate::text::is_alphabetic(at(i + at(i).len_utf8())) {
                // clitic token: 's 're 'll ...
                let mut k = i + at(i).len_utf8();
                while k < n && crate::text::is_alphabetic(at(k)) {
                    k += at(k).len_utf8();
                }
                out.push(Token { span: Span::new(i, k), kind: TokenKind::Word });
                i = k;
            }
            continue;
        }
        let kind = if c.is_ascii_punctuation() || is_punct_char(c) { TokenKind::Punct } else { TokenKind::Symbol };
        // runs of the same punctuation (..., --) are one token
        let mut j = i + c.len_utf8();
        while j < n && (c == '.' || c == '-') && at(j) == c {
            j += 1;
        }
        out.push(Token { span: Span::new(i, j), kind });
        i = j;
    }
    out
}

/// The char starting at byte `i` of `text` (a char boundary before its end).
#[inline]
fn char_at(text: &str, i: usize) -> char {
    match text.as_bytes()[i] {
        b @ 0..=0x7f => char::from(b),
        _ => decode_at(text, i),
    }
}

#[inline(never)]
fn decode_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// A single capital letter `first` whose period (at byte `dot`) is an initial (`George W.
/// Bush`): followed by a space and a capitalized word.
fn is_initial(text: &str, first: char, dot: usize) -> bool {
    first.is_uppercase() && text.as_bytes().get(dot + 1) == Some(&b' ') && dot + 2 < text.len() && char_at(text, dot + 2).is_uppercase()
}

fn is_punct_char(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '—' | '–' | '‑' | '…' | '«' | '»' | '‹' | '›' | '„' | '‚' | '·' | '•')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`tokens_of`] as it was written first, over a table of the text's chars (the reference
    /// the byte-offset reading is compared with).
    fn tokens_by_chars(text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(text.len() / 5);
        // byte offsets as u32 (the annotated text is far below 4 GB): half the memory of usize
        let chars: Vec<(u32, char)> = text.char_indices().map(|(b, c)| (b as u32, c)).collect();
        let n = chars.len();
        let at = |i: usize| if i < n { chars[i].0 as usize } else { text.len() };
        let mut i = 0;
        while i < n {
            let (b, c) = (chars[i].0 as usize, chars[i].1);
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if c.is_ascii_digit() || (c.is_numeric() && !c.is_alphabetic()) {
                // number: digits with inner , . separators followed by a digit
                let mut j = i + 1;
                while j < n {
                    let d = chars[j].1;
                    if d.is_ascii_digit() {
                        j += 1;
                    } else if (d == ',' || d == '.') && j + 1 < n && chars[j + 1].1.is_ascii_digit() {
                        j += 2;
                    } else {
                        break;
                    }
                }
                // "1990s", "5th", "3pm": letters glued to a number stay in the token
                while j < n && chars[j].1.is_alphabetic() {
                    j += 1;
                }
                out.push(Token { span: Span::new(b, at(j)), kind: TokenKind::Number });
                i = j;
                continue;
            }
            if c.is_alphabetic() {
                let mut j = i + 1;
                while j < n {
                    let d = chars[j].1;
                    if d.is_alphanumeric() || d == '\u{200D}' {
                        j += 1;
                    } else if d == '.' && j + 1 < n && chars[j + 1].1.is_alphabetic() && (j - i) <= 2 {
                        // U.S., e.g., a.m.: single letters joined by periods
                        j += 1;
                    } else if is_apostrophe(d) && j + 1 < n && chars[j + 1].1.is_alphabetic() {
                        // inner apostrophe: split before a clitic ('s, 't handled as n't, 're, 'll, 've, 'd, 'm)
                        let rest: String = chars[j + 1..n.min(j + 4)].iter().map(|x| x.1).collect();
                        let lower = rest.to_lowercase();
                        let clitic = ["s", "re", "ll", "ve", "d", "m"].iter().find(|cl| {
                            lower.starts_with(*cl) && !lower[cl.len()..].starts_with(|ch: char| ch.is_alphabetic())
                        });
                        if clitic.is_some() {
                            break;
                        }
                        j += 1; // O'Brien, rock'n'roll
                    } else {
                        break;
                    }
                }
                // "n't": split "don't" as "do" "n't"
                let mut end = j;
                let word = &text[b..at(j)];
                if j < n && is_apostrophe(chars[j].1) {
                    // handled below as clitic
                } else if (word.len() > 3 && word.ends_with("n't")) || (word.len() > 5 && word.ends_with("n’t")) {
                    end = j - 3;
                }
                // trailing period of an abbreviation, or of a letter-dot sequence like "U.S"
                let mut tok_end = at(end);
                if end == j && j < n && chars[j].1 == '.' {
                    let with_dot = &text[b..at(j + 1)];
                    let dotted = with_dot[..with_dot.len() - 1].contains('.');
                    if dotted || is_abbreviation(with_dot) || initial_by_chars(&chars, i, j) {
                        tok_end = at(j + 1);
                        j += 1;
                        end = j;
                    }
                }
                out.push(Token { span: Span::new(b, tok_end), kind: TokenKind::Word });
                if end < j {
                    out.push(Token { span: Span::new(at(end), at(j)), kind: TokenKind::Word });
                }
                i = j;
                if i < n && is_apostrophe(chars[i].1) && i + 1 < n && chars[i + 1].1.is_alphabetic() {
                    // clitic token: 's 're 'll ...
                    let mut k = i + 1;
                    while k < n && chars[k].1.is_alphabetic() {
                        k += 1;
                    }
                    out.push(Token { span: Span::new(at(i), at(k)), kind: TokenKind::Word });
                    i = k;
                }
                continue;
            }
            let kind = if c.is_ascii_punctuation() || is_punct_char(c) { TokenKind::Punct } else { TokenKind::Symbol };
            // runs of the same punctuation (..., --) are one token
            let mut j = i + 1;
            while j < n && chars[j].1 == c && (c == '.' || c == '-') {
                j += 1;
            }
            out.push(Token { span: Span::new(b, at(j)), kind });
            i = j;
        }
        out
    }

    /// A single capital letter whose period is an initial (`George W. Bush`): followed by a space
    /// and a capitalized word.
    fn initial_by_chars(chars: &[(u32, char)], i: usize, j: usize) -> bool {
        j == i + 1
            && chars[i].1.is_uppercase()
            && chars.get(j + 1).is_some_and(|c| c.1 == ' ')
            && chars.get(j + 2).is_some_and(|c| c.1.is_uppercase())
    }

    fn spans(tokens: Vec<Token>) -> Vec<(usize, usize, TokenKind)> {
        tokens.iter().map(|t| (t.span.start, t.span.end, t.kind)).collect()
    }

    #[test]
    fn reads_bytes_as_it_reads_chars() {
        let seed = include_str!("../seeds/000_d91da279460ebc95.txt");
        for s in [seed, "don’t n’t n't O’Brien’s É.U. a.m. e.g. Mr. X. Y 3½ ²5 İz ǅa ß’re 😊’s U.S.A. George W. Bush", "\u{a0}x\u{200D}y ’ '", "a’b’c’d"] {
            assert_eq!(spans(tokens_of(s)), spans(tokens_by_chars(s)), "{s:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn byte_reading_is_char_reading(s in "([aBnstUSM .,'’\\-1é😊½²\u{200D}\u{a0}İǅß]|re|ll|n’t|n't|Mr\\.)*") {
            proptest::prop_assert_eq!(spans(tokens_of(&s)), spans(tokens_by_chars(&s)));
        }
    }

    #[test]
    fn equal_token_texts_share_a_word_id() {
        let text = "The cat saw the cat. The end, the END.";
        let tokens = tokens_of(text);
        let vocab = vocab_of(text, &tokens);
        assert_eq!(vocab.ids.len(), tokens.len());
        let word = |t: usize| vocab.words[vocab.ids[t] as usize].slice(text);
        for (t, tok) in tokens.iter().enumerate() {
            assert_eq!(word(t), tok.span.slice(text));
        }
        // case counts: `The` and `the` are two words; ids follow first occurrences
        let distinct: Vec<&str> = vocab.words.iter().map(|s| s.slice(text)).collect();
        assert_eq!(distinct, ["The", "cat", "saw", "the", ".", "end", ",", "END"]);
        assert_eq!(vocab.words[1], tokens[1].span, "the first `cat`");
    }

    fn check(input: &str, expect: &[&str]) {
        let toks: Vec<&str> = tokens_of(input).iter().map(|t| t.span.slice(input)).collect();
        assert_eq!(toks, expect, "tokens of {input:?}");
    }

    #[test]
    fn tokenizes_news_text() {
        check("Iran’s envoy", &["Iran", "’s", "envoy"]);
        check("the U.S. said", &["the", "U.S.", "said"]);
        check("Mr. Smith", &["Mr.", "Smith"]);
        check("Iran-United States", &["Iran", "-", "United", "States"]);
        check("1,000 and 3.5%", &["1,000", "and", "3.5", "%"]);
        check("don't", &["do", "n't"]);
        check("ISLAMABAD: The", &["ISLAMABAD", ":", "The"]);
        check("\"Yes,\" he said.", &["\"", "Yes", ",", "\"", "he", "said", "."]);
        check("O'Brien's", &["O'Brien", "'s"]);
        check("€5 😊 ok", &["€", "5", "😊", "ok"]);
        check("the end.", &["the", "end", "."]);
        check("Gen. Ali on Jan. 5", &["Gen.", "Ali", "on", "Jan.", "5"]);
        check("Iran‑United States", &["Iran", "‑", "United", "States"]);
        check("a U.S.-based firm", &["a", "U.S.", "-", "based", "firm"]);
        check("George W. Bush", &["George", "W.", "Bush"]);
        check("in the W. end", &["in", "the", "W", ".", "end"]);
        check("US$85 and 50%", &["US", "$", "85", "and", "50", "%"]);
        // regression: a lone `n’t` (5 bytes) is one token, not an empty one and itself
        check("he said n’t and n't", &["he", "said", "n’t", "and", "n't"]);
        check("isn’t", &["is", "n’t"]);
    }
}
