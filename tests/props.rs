//! Property tests: whatever is pasted, lede never panics, every span of every layer is valid,
//! wire offsets slice back (as JS does) to the same text, the edit log maps cleaned offsets back
//! into the pasted text, cleaning is idempotent and output is deterministic.
//!
//! Inputs: arbitrary Unicode strings, a "news soup" of words, quotes, odd spaces and marks that
//! reach the deeper rules, and real-looking articles (the seed and our own text, never eval
//! data) with random damage. Stages are also called directly, without the pipeline's panic
//! guard, so a panic fails the test instead of becoming an `internal_error` warning.
//!
//! Cases: 256 per property by default; `PROPTEST_CASES=N` raises it (`make fuzz` does).
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use invariants::{assert_ok, run_stages_unguarded, wire_json};
use lede::{pipeline, wire};
use lede::wire::{utf16_to_byte, Utf16Map};
use proptest::prelude::*;

const SEED: &str = include_str!("../seeds/000_d91da279460ebc95.txt");
const OWN: &str = include_str!("fixtures/own_article.txt");

/// Pieces that make the rules fire: words, names, cues, titles, punctuation, odd Unicode.
const SOUP: &[&str] = &[
    "said", "says", "told", "according to", "According to", "that", "not", "denied", "reportedly",
    "Iran", "Oman", "the United States", "U.S.", "US", "Tehran", "White House", "Reuters", "Muscat",
    "President", "Mr.", "Dr.", "Prime Minister", "Jane", "Alder", "Smith", "officials", "sources",
    "point of contention", "dispute over", "refuses to", "at odds over", "rejecting",
    "speaking anonymously", "people familiar with", "Reports suggest", "he", "they", "it",
    "1,000", "3.5", "5th", "1990s", "%", "€", "$", "—", "–", "-", "…", "...", ".", ",", ";", ":",
    "?", "!", "\"", "“", "”", "‘", "’", "'", "«", "»", "(", ")", "[", "]", "<script>", "</p>", "&amp;",
    " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{a0}", "\u{2009}", "\u{202f}", "\u{3000}",
    "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\u{ad}", "\u{2010}", "\u{2011}",
    "\u{200f}", "\u{202e}", "\u{fffd}", "\u{0}", "\u{7}", "\u{1b}", "\u{301}", "\u{489}", "😊", "👍🏽", "🇮🇷",
    "👨‍👩‍👧", "שלום", "مرحبا", "中文", "Ωμέγα", "İstanbul", "ß", "ﬁ", "ǅ", "x", "A", "b", "program,rejecting",
    "Oman.The", "theMiddle", "scheduledin", "iPhone", "http://a.b/c", "a@b.c", "#tag", "og:image",
    "Advertisement", "n't", "don't", "O'Brien", "Iran’s",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(SOUP), prop::sample::select(&[" ", "", "\n", ", "][..])), 0..80)
        .prop_map(|v| v.into_iter().map(|(w, sep)| format!("{w}{sep}")).collect())
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect()),
        // mostly ASCII with the odd control char: exercises tokenizer and sentence edges
        prop::collection::vec(prop_oneof![8 => prop::char::range(' ', '~'), 1 => prop::char::range('\0', ' ')], 0..300)
            .prop_map(|v| v.into_iter().collect()),
        soup(),
    ]
}

/// One random damage to an article: positions are fractions of its length, snapped to chars.
#[derive(Debug, Clone)]
enum Damage {
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, String),
    Truncate(prop::sample::Index),
    /// Delete every space in a window (words run together as in a bad PDF paste).
    JoinWords(prop::sample::Index, usize),
    /// Replace a window's spaces and hyphens with their odd Unicode twins.
    OddSpaces(prop::sample::Index, usize),
    /// Break lines inside sentences, as a PDF column does.
    HardWrap(usize),
    DuplicateStart(usize),
    Upper(prop::sample::Index, usize),
}

/// The damages; `join_words`: include the two that leave a paragraph's wrap geometry
/// inconsistent ([`Damage::JoinWords`], [`Damage::Delete`] of a window).
fn damage_with(join_words: bool) -> impl Strategy<Value = Damage> {
    let piece = prop_oneof![prop::sample::select(SOUP).prop_map(String::from), any::<String>()];
    prop_oneof![
        (any::<prop::sample::Index>(), 0usize..400).prop_map(move |(i, n)| if join_words { Damage::Delete(i, n) } else { Damage::Upper(i, n) }),
        (any::<prop::sample::Index>(), piece).prop_map(|(i, s)| Damage::Insert(i, s)),
        any::<prop::sample::Index>().prop_map(Damage::Truncate),
        (any::<prop::sample::Index>(), 0usize..600).prop_map(move |(i, n)| if join_words { Damage::JoinWords(i, n) } else { Damage::OddSpaces(i, n) }),
        (any::<prop::sample::Index>(), 0usize..600).prop_map(|(i, n)| Damage::OddSpaces(i, n)),
        (20usize..120).prop_map(Damage::HardWrap),
        (0usize..400).prop_map(Damage::DuplicateStart),
        (any::<prop::sample::Index>(), 0usize..300).prop_map(|(i, n)| Damage::Upper(i, n)),
    ]
}

/// Byte offset of the char boundary nearest below `i.index(len + 1)`.
fn at(text: &str, i: &prop::sample::Index) -> usize {
    let mut b = i.index(text.len() + 1);
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn window(text: &str, i: &prop::sample::Index, n: usize) -> (usize, usize) {
    let s = at(text, i);
    let mut e = (s + n).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    (s, e)
}

fn apply(text: &mut String, d: &Damage) {
    match d {
        Damage::Delete(i, n) => {
            let (s, e) = window(text, i, *n);
            text.replace_range(s..e, "");
        }
        Damage::Insert(i, piece) => {
            let s = at(text, i);
            text.insert_str(s, piece);
        }
        Damage::Truncate(i) => {
            let s = at(text, i);
            text.truncate(s);
        }
        Damage::JoinWords(i, n) => {
            let (s, e) = window(text, i, *n);
            let joined = text[s..e].replace(' ', "");
            text.replace_range(s..e, &joined);
        }
        Damage::OddSpaces(i, n) => {
            let (s, e) = window(text, i, *n);
            let odd = text[s..e].replace(' ', "\u{a0}").replace('-', "\u{2011}").replace('\n', "\r\n");
            text.replace_range(s..e, &odd);
        }
        Damage::HardWrap(width) => {
            let mut out = String::with_capacity(text.len() + text.len() / width);
            let mut col = 0;
            for c in text.chars() {
                if c == ' ' && col >= *width {
                    out.push('\n');
                    col = 0;
                } else {
                    out.push(c);
                    col = if c == '\n' { 0 } else { col + 1 };
                }
            }
            *text = out;
        }
        Damage::DuplicateStart(n) => {
            let mut e = (*n).min(text.len());
            while !text.is_char_boundary(e) {
                e -= 1;
            }
            let head = text[..e].to_string();
            text.insert_str(0, &head);
        }
        Damage::Upper(i, n) => {
            let (s, e) = window(text, i, *n);
            let up = text[s..e].to_uppercase();
            text.replace_range(s..e, &up);
        }
    }
}

fn damaged_article() -> impl Strategy<Value = String> {
    damaged_article_with(true)
}

fn damaged_article_with(join_words: bool) -> impl Strategy<Value = String> {
    (prop::sample::select(&[SEED, OWN][..]), prop::collection::vec(damage_with(join_words), 0..6)).prop_map(|(base, ds)| {
        let mut text = base.to_string();
        for d in &ds {
            apply(&mut text, d);
        }
        text
    })
}

fn any_input() -> impl Strategy<Value = String> {
    prop_oneof![arbitrary_text(), damaged_article()]
}

/// Every invariant on the unguarded stages (with and without cleaning) and on `analyze`.
fn check_everything(text: &str) {
    for clean in [true, false] {
        let doc = run_stages_unguarded(text, clean);
        assert_ok(&doc, 1);
        let guarded = pipeline::analyze(text, &pipeline::Options { clean });
        assert_ok(&guarded, 1);
    }
}

proptest! {
    #[test]
    fn arbitrary_text_keeps_every_invariant(text in arbitrary_text()) {
        check_everything(&text);
    }

    #[test]
    fn damaged_articles_keep_every_invariant(text in damaged_article()) {
        check_everything(&text);
    }

    #[test]
    fn output_is_deterministic(text in any_input(), clean in any::<bool>()) {
        prop_assert_eq!(wire_json(&text, clean), wire_json(&text, clean));
    }

    /// The stages that read words through the tokenizer's vocabulary find the same without it
    /// (a document whose tokens were set by hand): the vocabulary only saves lookups.
    #[test]
    fn stages_read_the_same_without_the_vocabulary(text in any_input()) {
        let mut doc = lede::doc::Doc::new(&text);
        lede::clean::clean_stage(&mut doc);
        lede::tokenize::tokenize(&mut doc);
        lede::sentences::split_sentences(&mut doc);
        let mut bare = doc.clone();
        bare.vocab = Default::default();
        for d in [&mut doc, &mut bare] {
            lede::entities::entities(d);
            lede::claims::claims(d);
            lede::disputes::disputes(d);
        }
        let json = |d: &lede::doc::Doc| serde_json::to_string(&wire::to_wire(d)).expect("wire serialises");
        prop_assert_eq!(json(&doc), json(&bare));
    }

    #[test]
    fn utf16_map_agrees_with_encode_utf16(text in arbitrary_text()) {
        let map = Utf16Map::new(&text);
        for (b, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let u = text[..b].encode_utf16().count();
            prop_assert_eq!(map.to_utf16(b), u);
            prop_assert_eq!(utf16_to_byte(&text, u), Some(b));
        }
    }
}

proptest! {
    /// Cleaning the cleaned text changes nothing: over arbitrary strings, the news soup, and
    /// articles with every damage but a space-less or deleted window (see the next test).
    #[test]
    fn cleaning_is_idempotent(text in prop_oneof![arbitrary_text(), damaged_article_with(false)]) {
        let once = pipeline::clean(&text).text;
        let twice = pipeline::clean(&once).text;
        prop_assert_eq!(twice, once);
    }

    /// After [`Damage::JoinWords`] (every space of a 600-char window deleted) or a window deleted
    /// from a damaged paragraph, the wrap geometry used to find a new chain in the repaired text
    /// (a width fits the glued tokens left over), so a second cleaning split more; cleaning now
    /// runs again on any text it changed, until nothing changes.
    #[test]
    fn cleaning_is_idempotent_after_joined_words(text in damaged_article_with(true)) {
        let once = pipeline::clean(&text).text;
        let twice = pipeline::clean(&once).text;
        prop_assert_eq!(twice, once);
    }
}
