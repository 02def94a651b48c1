//! The quality stage: notices a paste that is not a news article and says so in a warning.
//!
//! It runs last, reads the text, tokens and lines, and only appends warnings (never touches
//! another layer). One verdict at most, checked in this order:
//! - `empty`: nothing but whitespace, marks or invisible characters;
//! - `garbled`: many control or replacement characters (binary junk, a bad decode);
//! - `not_article`: markup (an HTML page), code, a table of numbers, or a list of short lines;
//! - `not_english`: mostly a non-Latin script, or Latin words with almost no English function
//!   words (lede's lexicons are English).
//!
//! Independently, `long_token` flags a run of more than [`LONG_TOKEN_CHARS`] characters without
//! a space (an encoded blob, a minified script): it is kept but cannot be words.
//! Texts too short to judge (fewer than [`MIN_WORDS`] words) get no `not_*` verdict.
//!
//! On code, a table of numbers or garbled data the pipeline skips the stages that need prose
//! (claims, disputes: [`skips`]), which would only find garbage there; the warning says so.

use crate::doc::{Doc, TokenKind};

/// Below this many word and number tokens a text is too short to call it "not an article".
pub const MIN_WORDS: usize = 20;
/// A whitespace-free run longer than this many characters gets a `long_token` warning.
pub const LONG_TOKEN_CHARS: usize = 1000;

/// What the text looks like, when it is not an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Empty,
    Garbled,
    Markup,
    Code,
    Table,
    List,
    NonLatin,
    NotEnglish,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Empty => "empty",
            Verdict::Garbled => "garbled",
            Verdict::Markup | Verdict::Code | Verdict::Table | Verdict::List => "not_article",
            Verdict::NonLatin | Verdict::NotEnglish => "not_english",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Verdict::Empty => "There is no text to annotate: the paste is empty or only whitespace.",
            Verdict::Garbled => {
                "This looks like binary or garbled data (many control or replacement characters), \
                 not an article; claims and disputes were not looked for."
            }
            Verdict::Markup => {
                "This looks like a web page's HTML source, not an article's text. It is annotated \
                 as plain text (markup is never run); paste the article's text for better results."
            }
            Verdict::Code => "This looks like program code, not an article; claims and disputes were not looked for.",
            Verdict::Table => {
                "This looks like a table of numbers or results, not an article; claims and disputes were not \
                 looked for."
            }
            Verdict::List => {
                "This looks like a list of short lines (names or items), not an article's sentences; \
                 claims and disputes need full sentences."
            }
            Verdict::NonLatin => {
                "This text is mostly in a non-Latin script. lede's word lists are English, so few \
                 annotations are expected."
            }
            Verdict::NotEnglish => {
                "This text does not look like English. lede's word lists are English, so few \
                 annotations are expected."
            }
        }
    }
}

/// Stages that need sentences of prose.
const PROSE_STAGES: &[&str] = &["claims", "disputes"];

/// Stages [`skips`] may skip (the others always run).
pub fn may_skip(name: &str) -> bool {
    PROSE_STAGES.contains(&name) || name == "entities"
}

/// True if the pipeline should not run stage `name` on a document with this verdict: a prose stage on text
/// that is code, a table or garbled, and the entity stage on garbled text (needs the tokens, so
/// it is asked after tokenizing).
pub fn skips(verdict: Option<Verdict>, name: &str) -> bool {
    match verdict {
        // garbled text (binary junk, broken encodings) holds no names either
        Some(Verdict::Garbled) => PROSE_STAGES.contains(&name) || name == "entities",
        Some(Verdict::Code | Verdict::Table) => PROSE_STAGES.contains(&name),
        _ => false,
    }
}

/// The quality stage: judges the document ([`assess`]) and reports the verdict.
pub fn quality(doc: &mut Doc) {
    let verdict = assess(doc);
    report(doc, verdict);
}

/// The quality stage with the document's verdict ([`assess`]) already judged.
pub fn report(doc: &mut Doc, verdict: Option<Verdict>) {
    if let Some(v) = verdict {
        doc.warn(v.code(), v.message());
    }
    // (most texts are settled by the byte bound: a run has no more chars than bytes)
    let long = longest_gap_bytes(doc.text.as_bytes()) > LONG_TOKEN_CHARS;
    if let Some(chars) = long.then(|| longest_run(&doc.text)).flatten().filter(|&n| n > LONG_TOKEN_CHARS) {
        doc.warn(
            "long_token",
            format!(
                "The text contains a run of {chars} characters without a space; it is kept as it is \
                 but is not words (an encoded file or a minified script?)."
            ),
        );
    }
}

/// Counts over the characters of the text.
#[derive(Debug, Default, PartialEq, Eq)]
struct CharStats {
    visible: usize,
    letters: usize,
    latin_letters: usize,
    junk: usize,
    markup_tags: usize,
}

/// The counts of [`count_char`], read a byte at a time: ASCII bytes (most chars of most texts)
/// from a table, without decoding; others as chars.
fn char_stats(text: &str) -> CharStats {
    let bytes = text.as_bytes();
    let mut s = CharStats::default();
    let mut prev = ' ';
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            let end = count_ascii_run(&mut s, bytes, i, prev);
            prev = char::from(bytes[end - 1]);
            i = end;
        } else {
            let c = text[i..].chars().next().unwrap_or(' '); // i is a char boundary
            count_char(&mut s, c, prev);
            prev = c;
            i += c.len_utf8();
        }
    }
    s
}

const JUNK: u8 = 1;
const VISIBLE: u8 = 2;
const LETTER: u8 = 4;
/// A char that starts a markup tag after `<` (`<p`, `</`, `<!`).
const TAG_START: u8 = 8;

/// What [`count_char`] counts for each ASCII char, as flags.
const ASCII_FLAGS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let letter = c.is_ascii_alphabetic();
        let junk = c.is_ascii_control() && !matches!(c, b'\n' | b'\r' | b'\t');
        // (`char::is_whitespace` counts VT too)
        let visible = !c.is_ascii_whitespace() && c != 0x0b;
        let tag_start = letter || c == b'/' || c == b'!';
        table[b] = if junk { JUNK } else { 0 } | if visible { VISIBLE } else { 0 } | if letter { LETTER } else { 0 } | if tag_start { TAG_START } else { 0 };
        b += 1;
    }
    table
};

/// An [`ASCII_FLAGS`] entry spread over the 16-bit lanes of a word, as counts: junk, visible,
/// letter, and (lane 3) a tag start, counted only after `<`. Flag bit `k` moves to bit `16k`
/// (a multiply by 1 + 2^15 + 2^30 + 2^45 puts each copy of the four bits 15 bits apart: no
/// carries, no bit lands on another's lane).
fn lanes(flags: u8) -> u64 {
    (u64::from(flags) * 0x0000_2000_4000_8001) & 0x0001_0001_0001_0001
}
/// The lanes counted for every char (all but the tag start).
const LOW_LANES: u64 = (1 << 48) - 1;
/// Chars summed in the lanes before they are added to the counts (a lane holds 65,535).
const LANE_RUN: usize = u16::MAX as usize;

/// [`count_char`] over the run of ASCII bytes that starts at `bytes[i]` (after `prev`), summed
/// in the lanes of one word ([`lanes`]), branch-free per byte; returns the run's end.
fn count_ascii_run(s: &mut CharStats, bytes: &[u8], mut i: usize, prev: char) -> usize {
    let mut after_lt = prev == '<';
    loop {
        let stop = bytes.len().min(i + LANE_RUN);
        let mut sums = 0u64;
        while i < stop && bytes[i] < 0x80 {
            let b = bytes[i];
            sums += lanes(ASCII_FLAGS[usize::from(b)]) & (LOW_LANES | u64::from(after_lt) << 48);
            after_lt = b == b'<';
            i += 1;
        }
        let lane = |k: u32| ((sums >> (16 * k)) & 0xffff) as usize;
        s.junk += lane(0);
        s.visible += lane(1);
        s.letters += lane(2);
        s.latin_letters += lane(2);
        s.markup_tags += lane(3);
        if i == bytes.len() || bytes[i] >= 0x80 {
            return i;
        }
    }
}

fn count_char(s: &mut CharStats, c: char, prev: char) {
    if c.is_control() && !matches!(c, '\n' | '\r' | '\t') || c == '\u{fffd}' {
        s.junk += 1;
    }
    if !c.is_whitespace() && !is_invisible(c) {
        s.visible += 1;
    }
    if crate::text::is_alphabetic(c) {
        s.letters += 1;
        if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            s.latin_letters += 1;
        }
    }
    if prev == '<' && (c.is_ascii_alphabetic() || c == '/' || c == '!') {
        s.markup_tags += 1;
    }
}

/// Zero-width, format and combining characters: nothing a reader sees on its own.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
        || ('\u{300}'..='\u{36f}').contains(&c)
        || ('\u{483}'..='\u{489}').contains(&c)
        || ('\u{1ab0}'..='\u{1aff}').contains(&c)
        || ('\u{20d0}'..='\u{20ff}').contains(&c)
        || ('\u{fe20}'..='\u{fe2f}').contains(&c)
}

/// A common English function word (any case): an English text of any length is full of them.
fn is_english_function_word(w: &str) -> bool {
    let (b, mut low) = (w.as_bytes(), [0u8; 5]);
    if b.len() > low.len() {
        return false;
    }
    for (l, c) in low.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    matches!(
        &low[..b.len()],
        b"the" | b"of" | b"and" | b"to" | b"a" | b"in" | b"that" | b"is" | b"was" | b"for" | b"on" | b"with" | b"as"
            | b"by" | b"at" | b"it" | b"he" | b"she" | b"they" | b"said" | b"from" | b"has" | b"have" | b"are" | b"be"
            | b"not" | b"but" | b"an" | b"its" | b"this" | b"will" | b"were" | b"had" | b"his" | b"her" | b"their"
            | b"who" | b"which" | b"or" | b"after"
    )
}

const CODE_LINE_STARTS: &[&str] = &[
    "//", "/*", "#include", "#!", "import ", "from ", "def ", "fn ", "pub ", "let ", "const ", "var ", "function",
    "return", "class ", "public ", "private ", "if (", "for (", "while (", "} else", "<?php", "package ", "use ",
];

fn is_code_line(line: &str) -> bool {
    let t = line.trim();
    t.ends_with(';') || t.ends_with('{') || t == "}" || t.ends_with("};") || CODE_LINE_STARTS.iter().any(|p| t.starts_with(p))
}

/// A short line without sentence punctuation: a list item, a name, a heading.
fn is_list_line(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['-', '*', '•', '·']).trim();
    crate::text::words(t).nth(4).is_none() && !t.ends_with(['.', '!', '?', '"', '”', ':'])
}

/// The document's word tokens, number tokens, and word tokens that are English function
/// words: the function-word test asked once per distinct word (`Doc.vocab`), not per token.
fn token_counts(doc: &Doc) -> (usize, usize, usize) {
    const UNASKED: u8 = 2;
    let vocab = crate::tokenize::vocab_for(&doc.text, &doc.tokens, &doc.vocab);
    let mut function_word = vec![UNASKED; vocab.words.len()];
    let (mut words, mut numbers, mut function_words) = (0usize, 0usize, 0usize);
    for (t, &id) in doc.tokens.iter().zip(&vocab.ids) {
        match t.kind {
            TokenKind::Word => {
                words += 1;
                let known = &mut function_word[id as usize];
                if *known == UNASKED {
                    *known = u8::from(is_english_function_word(vocab.words[id as usize].slice(&doc.text)));
                }
                function_words += usize::from(*known);
            }
            TokenKind::Number => numbers += 1,
            _ => {}
        }
    }
    (words, numbers, function_words)
}

/// The verdict for a document, or `None` if it may well be an article.
pub fn assess(doc: &Doc) -> Option<Verdict> {
    let text = doc.text.as_str();
    let cs = char_stats(text);
    if cs.visible == 0 {
        return Some(Verdict::Empty);
    }
    if cs.junk * 20 > cs.visible && cs.junk >= 3 {
        return Some(Verdict::Garbled);
    }
    let (words, numbers, function_words) = token_counts(doc);
    if words + numbers < MIN_WORDS {
        return None;
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if cs.markup_tags >= 5 && cs.markup_tags * 40 > words {
        return Some(Verdict::Markup);
    }
    let code_lines = lines.iter().filter(|l| is_code_line(l)).count();
    if code_lines >= 3 && code_lines * 10 >= lines.len() * 3 {
        return Some(Verdict::Code);
    }
    // few English function words: not prose (a results table, a list) or not English
    let few_function_words = words >= 30 && function_words * 100 < words * 4;
    let numbers_share = numbers * 100 / (words + numbers);
    if numbers >= 10 && (numbers_share > 40 || few_function_words && numbers_share >= 15) {
        return Some(Verdict::Table);
    }
    let list_lines = lines.iter().filter(|l| is_list_line(l)).count();
    let mostly_list = lines.len() >= 5 && list_lines * 10 >= lines.len() * 7;
    if mostly_list && function_words * 10 < words {
        return Some(Verdict::List);
    }
    if cs.letters >= 50 && cs.latin_letters * 2 < cs.letters {
        return Some(Verdict::NonLatin);
    }
    if few_function_words {
        return Some(if list_lines * 2 >= lines.len() { Verdict::List } else { Verdict::NotEnglish });
    }
    None
}

/// The most bytes between two ASCII whitespace bytes (or the text's ends): a bound of
/// [`longest_run`] (other whitespace only ends a run sooner, and a char has a byte or more),
/// read eight bytes at a step where a word is long.
fn longest_gap_bytes(bytes: &[u8]) -> usize {
    let (mut best, mut start, mut i) = (0, 0, 0);
    while i < bytes.len() {
        i = crate::text::skip_plain_ascii(bytes, i);
        match bytes.get(i) {
            Some(&b) if crate::text::is_ascii_space(b) => {
                best = best.max(i - start);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    best.max(bytes.len().saturating_sub(start))
}

/// Length in chars of the longest run without whitespace, in one pass (ASCII read as bytes,
/// without a branch per byte).
fn longest_run(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut best, mut run) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // 0 on whitespace (`VISIBLE` is `!char::is_whitespace` for ASCII), else 1: the run
            // restarts or grows
            let word = usize::from(ASCII_FLAGS[usize::from(b)] & VISIBLE != 0);
            run = (run + 1) * word;
            best = best.max(run);
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            run = if c.is_whitespace() { 0 } else { run + 1 };
            best = best.max(run);
            i += c.len_utf8();
        }
    }
    (best > 0).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{analyze, Options};

    #[test]
    fn function_words_counted_per_word_are_the_per_token_count() {
        let texts = ["The talks and THE plan: it was said that he, She and they had a vote in May.", "", "1 2 3 of Of OF", "caf\u{e9} the \u{201c}the\u{201d} the\u{2019}s"];
        for text in texts {
            let mut doc = analyze(text, &Options::default());
            let by_token = |d: &Doc| {
                let words: Vec<&str> = d.tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span.slice(&d.text)).collect();
                let numbers = d.tokens.iter().filter(|t| t.kind == TokenKind::Number).count();
                (words.len(), numbers, words.iter().filter(|w| is_english_function_word(w)).count())
            };
            assert_eq!(token_counts(&doc), by_token(&doc), "{text:?}");
            // tokens without the document's vocabulary (it is made on the spot)
            doc.vocab = Default::default();
            assert_eq!(token_counts(&doc), by_token(&doc), "{text:?} without a vocabulary");
        }
        let doc = analyze(texts[0], &Options::default());
        // The, and, THE; it, was, said, that; he, She, and, they; had, a, in
        assert_eq!(token_counts(&doc).2, 14);
    }

    #[test]
    fn char_stats_count_like_count_char_over_the_chars() {
        for text in ["", "plain text.", "<p>caf\u{e9} \u{fffd}\u{1}\u{b}x</p>\r\n", "\u{0}<\u{e9}<a</ \u{200b}\u{301}\u{ad}😊 \u{3000}Ж", "<\u{e9}"] {
            let mut by_chars = CharStats::default();
            let mut prev = ' ';
            for c in text.chars() {
                count_char(&mut by_chars, c, prev);
                prev = c;
            }
            assert_eq!(char_stats(text), by_chars, "{text:?}");
        }
    }

    #[test]
    fn every_flag_set_lands_on_its_own_lanes() {
        for f in 0u8..16 {
            let want = (0..4).map(|k| u64::from(f >> k & 1) << (16 * k)).sum::<u64>();
            assert_eq!(lanes(f), want, "{f:#06b}");
        }
    }

    #[test]
    fn lane_counts_over_long_ascii_runs_are_the_char_counts() {
        let long = "<a x\u{1}".repeat(20_000);
        for text in [long.clone(), format!("{long}\u{e9}<b{long}"), "<".repeat(70_000) + "/", format!("<\u{e9}{}", "a".repeat(65_535))] {
            let mut by_chars = CharStats::default();
            let mut prev = ' ';
            for c in text.chars() {
                count_char(&mut by_chars, c, prev);
                prev = c;
            }
            assert_eq!(char_stats(&text), by_chars);
        }
    }

    #[test]
    fn longest_run_counts_chars_between_any_whitespace() {
        for (text, want) in [("", None), (" \n", None), ("ab cde", Some(3)), ("caf\u{e9}\u{a0}x", Some(4)), ("😊😊\u{3000}a", Some(2)), ("a\u{85}bc\u{2009}d", Some(2))] {
            assert_eq!(longest_run(text), want, "{text:?}");
            assert!(longest_gap_bytes(text.as_bytes()) >= want.unwrap_or(0), "{text:?}");
        }
        for (text, gap) in [("", 0), ("ab cde", 3), ("a\tbb\x0bccc\x0cd", 3), ("x\u{a0}y z", 4), ("aaaaaaaaaaaaaaaaaaaa b", 20), (" aaaaaaaaaaaaaaaaaaaaa", 21)] {
            assert_eq!(longest_gap_bytes(text.as_bytes()), gap, "{text:?}");
        }
    }

    #[test]
    fn the_ascii_fast_path_counts_like_the_general_one() {
        for prev in (0u8..128).map(char::from).chain(['\u{e9}']) {
            for b in 0u8..128 {
                let (mut fast, mut general) = (CharStats::default(), CharStats::default());
                count_ascii_run(&mut fast, &[b], 0, prev);
                count_char(&mut general, char::from(b), prev);
                assert_eq!(fast, general, "{b:#04x} after {prev:?}");
            }
        }
    }

    #[test]
    fn function_words_are_recognised_in_any_case_and_nothing_else() {
        for w in ["the", "The", "THE", "a", "which", "After", "their"] {
            assert!(is_english_function_word(w), "{w}");
        }
        for w in ["", "th", "thee", "theirs", "whichever", "ö", "Sa\u{ef}d", "said\u{301}"] {
            assert!(!is_english_function_word(w), "{w}");
        }
    }

    fn verdict(text: &str) -> Option<Verdict> {
        let doc = analyze(text, &Options::default());
        let v = assess(&doc);
        // the stage's warning says the same as the verdict
        let codes: Vec<&str> = doc.warnings.iter().map(|w| w.code).filter(|c| *c != "long_token").collect();
        assert_eq!(codes, v.map(|v| v.code()).into_iter().collect::<Vec<_>>(), "warnings of {text:?}");
        v
    }

    const ARTICLE: &str = "The talks resumed on Tuesday in Muscat, officials said. The foreign minister \
        told reporters that the two sides had agreed to meet again next week, and that a deal was possible \
        if both were willing to compromise on the remaining issues.";

    #[test]
    fn articles_and_short_texts_get_no_verdict() {
        assert_eq!(verdict(ARTICLE), None);
        assert_eq!(verdict("Iran"), None);
        assert_eq!(verdict("1 2 3"), None, "too short to judge");
        let seed = include_str!("../../seeds/000_d91da279460ebc95.txt");
        assert_eq!(verdict(seed), None);
    }

    #[test]
    fn recognises_what_is_not_an_article() {
        let table = "Year Q1 Q2 Q3 Q4\n2019 10.5 11.2 9.8 12.0\n2020 8.1 7.7 9.9 10.4\n2021 11.0 12.5 13.1 14.2\n2022 15.0 14.1 13.3 12.9\n";
        assert_eq!(verdict(table), Some(Verdict::Table));
        let code = "fn main() {\n    let x = 1;\n    let y = x + 2;\n    println!(\"{}\", y);\n}\n\nfn helper(a: u32) -> u32 {\n    return a * 2;\n}\n";
        assert_eq!(verdict(&code.repeat(2)), Some(Verdict::Code));
        let names = "Alice Johnson\nBob Smith\nCarol White\nDavid Brown\nEve Black\nFrank Green\nGrace Hall\nHenry King\nIris Stone\nJack Reed\nKaren Wood\nLiam Fox\n";
        assert_eq!(verdict(names), Some(Verdict::List));
        let html = "<html><head><title>News</title><script>alert(1)</script></head><body><div class=\"a\"><p>The talks resumed.</p><p>More text here for the reader.</p></div><ul><li>one</li><li>two</li></ul></body></html>";
        assert_eq!(verdict(&html.repeat(2)), Some(Verdict::Markup));
        let french = "Les négociations entre les deux pays ont repris mardi à Mascate, selon des responsables. Le ministre des affaires étrangères a déclaré aux journalistes que les deux parties avaient convenu de se revoir la semaine prochaine.";
        assert_eq!(verdict(french), Some(Verdict::NotEnglish));
        let russian = "Переговоры между двумя странами возобновились во вторник в Маскате, сообщили официальные лица. Министр иностранных дел заявил журналистам, что стороны договорились встретиться снова на следующей неделе.";
        assert_eq!(verdict(russian), Some(Verdict::NonLatin));
    }

    #[test]
    fn recognises_empty_and_garbled_input() {
        assert_eq!(verdict(""), Some(Verdict::Empty));
        assert_eq!(verdict(" \n\t \u{200b}\u{feff}"), Some(Verdict::Empty));
        let junk: String = (0u32..400).filter_map(|i| char::from_u32((i * 7919) % 0x250)).collect();
        assert_eq!(verdict(&junk), Some(Verdict::Garbled));
        assert_eq!(verdict("ab\u{fffd}\u{fffd}\u{fffd}cd"), Some(Verdict::Garbled));
    }

    #[test]
    fn flags_a_long_token() {
        let blob = format!("{} {}", ARTICLE, "QUJD".repeat(400));
        let doc = analyze(&blob, &Options::default());
        let w = doc.warnings.iter().find(|w| w.code == "long_token").expect("long_token warning");
        assert!(w.message.contains("1600 characters"), "{}", w.message);
        assert!(!analyze(ARTICLE, &Options::default()).warnings.iter().any(|w| w.code == "long_token"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn the_byte_gap_bounds_the_longest_run(text in "[ab \t\n\x0b\u{a0}\u{2009}\u{e9}\u{1f60a}]{0,30}") {
            proptest::prop_assert!(longest_gap_bytes(text.as_bytes()) >= longest_run(&text).unwrap_or(0));
        }
    }
}
