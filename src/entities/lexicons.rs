//! The entity lexicons of `data/entities/`, parsed once: the gazetteer of names (a
//! `lexicon::PhraseMatcher`), and the word sets the name and date rules consult.

use crate::lexicon::{parse, EndBytes, Entry, PhraseMatcher, PhraseMatcherBuilder};
use crate::hash::{HashMap, HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// What the gazetteer says about one phrase.
#[derive(Debug, Clone)]
pub struct LexInfo {
    /// The phrase as written in the lexicon (case-sensitive form; a demonym's plural is built).
    pub key: Cow<'static, str>,
    pub label: &'static str,
    pub canonical: &'static str,
    pub rule: &'static str,
    /// The entity this name usually stands for (`Tehran` → `Iran`).
    pub metonym_of: Option<&'static str>,
}

const LEXICONS: &[(&str, &str, &str)] = &[
    ("GPE", "lex:country", include_str!("../../data/entities/countries.txt")),
    ("GPE", "lex:gpe", include_str!("../../data/entities/gpe.txt")),
    ("LOC", "lex:loc", include_str!("../../data/entities/loc.txt")),
    ("NORP", "lex:norp", include_str!("../../data/entities/norp.txt")),
    ("ORG", "lex:org", include_str!("../../data/entities/org.txt")),
    ("PERSON", "lex:person", include_str!("../../data/entities/person.txt")),
    ("LAW", "lex:law", include_str!("../../data/entities/law.txt")),
    ("EVENT", "lex:event", include_str!("../../data/entities/event.txt")),
    // phrases that are never mentions: they block other readings, then are dropped
    ("NONE", "lex:not-name", include_str!("../../data/entities/not_names.txt")),
];

/// The gazetteer, matched ASCII-case-insensitively; callers check the case of each hit.
pub fn gazetteer() -> &'static PhraseMatcher<LexInfo> {
    static G: OnceLock<PhraseMatcher<LexInfo>> = OnceLock::new();
    G.get_or_init(|| {
        let metonyms: HashMap<&str, &str> =
            parse(include_str!("../../data/entities/metonyms.txt")).filter_map(|e| Some((e.key, e.value?))).collect();
        // a line holds ~13 bytes: room for every line of the lexicons as a phrase
        let bytes: usize = LEXICONS.iter().map(|(_, _, text)| text.len()).sum();
        let mut builder = PhraseMatcherBuilder::with_capacity(true, bytes / 12, bytes);
        for &(label, rule, text) in LEXICONS {
            for e in parse(text) {
                add_gazetteer_entry(&mut builder, label, rule, e, &metonyms);
            }
        }
        builder.finish()
    })
}

/// One lexicon line into the gazetteer. (Not inlined: the one-off build's loop stays small, and
/// wasm's tiering optimises this function, which every line calls, rather than the loop it
/// could never re-enter.)
#[inline(never)]
fn add_gazetteer_entry(builder: &mut PhraseMatcherBuilder<LexInfo>, label: &'static str, rule: &'static str, e: Entry<'static>, metonyms: &HashMap<&str, &'static str>) {
    // a NORP's value names the country it relates to; the word itself is the name
    let canonical = if label == "NORP" { e.key } else { e.value.unwrap_or(e.key) };
    let metonym_of = metonym_of(metonyms, e.key);
    let info = LexInfo { key: Cow::Borrowed(e.key), label, canonical, rule, metonym_of };
    // of two equal phrases, case aside, the first stays (an earlier lexicon, an earlier
    // line); a repeated one brings no plural either
    if !builder.push(e.key, info) {
        return;
    }
    if label == "NORP" {
        add_demonym_plural(builder, rule, e.key, metonym_of);
    }
}

/// The entity `key` usually stands for, if any. (Out of line, like the plural below: every
/// lexicon line passes through [`add_gazetteer_entry`] during the page's first annotation, and
/// a small function there stays out of wasm's optimising compiler.)
#[inline(never)]
fn metonym_of(metonyms: &HashMap<&str, &'static str>, key: &str) -> Option<&'static str> {
    metonyms.get(key).copied()
}

/// A demonym's plural, if it has one, as a phrase of its own.
#[inline(never)]
fn add_demonym_plural(builder: &mut PhraseMatcherBuilder<LexInfo>, rule: &'static str, key: &'static str, metonym_of: Option<&'static str>) {
    if let Some(plural) = demonym_plural(key) {
        let info = LexInfo { key: Cow::Owned(plural), label: "NORP", canonical: key, rule, metonym_of };
        builder.push(&info.key.clone(), info);
    }
}

/// The plural of a demonym that forms one with `-s` (`Venezuelan` → `Venezuelans`,
/// `Iraqi` → `Iraqis`, `East German` → `East Germans`); `Chinese`, `Swiss`, `British` do not.
fn demonym_plural(key: &str) -> Option<String> {
    ((key.ends_with("an") || key.ends_with('i')) && !key.ends_with("man")).then(|| format!("{key}s"))
}

/// The word sets (all keys as written, except where noted lower-cased).
pub struct Words {
    /// Every word of every title (`Prime`, `Minister`, `Mr.`).
    pub title_words: HashSet<&'static str>,
    pub first_names: HashSet<&'static str>,
    /// Lower-cased common words.
    pub common: HashSet<&'static str>,
    /// ORG head and suffix words → `head` / `suffix` / `team`.
    pub org_words: HashMap<&'static str, &'static str>,
    /// Last words that give a label (`Airport` → FAC).
    pub heads: HashMap<&'static str, &'static str>,
    /// First words of place names (`San`, `Fort`).
    pub place_prefixes: HashSet<&'static str>,
    /// Endings of one-word place names (`ville`, `grad`).
    pub place_endings: Vec<&'static str>,
    /// Date and time words → kind (`month`, `unit`, …).
    pub dates: KindMap,
    /// Number words → value class (`cardinal`, `ordinal`, `scale`, …).
    pub numbers: KindMap,
    /// Unit words → label (`dollars` → MONEY, `miles` → QUANTITY).
    pub units: KindMap,
}

fn label(value: Option<&str>) -> &'static str {
    match value.unwrap_or("") {
        "FAC" => "FAC",
        "LOC" => "LOC",
        "GPE" => "GPE",
        "EVENT" => "EVENT",
        "LAW" => "LAW",
        "MONEY" => "MONEY",
        "QUANTITY" => "QUANTITY",
        "PERCENT" => "PERCENT",
        "head" => "head",
        "suffix" => "suffix",
        "team" => "team",
        "month" => "month",
        "weekday" => "weekday",
        "unit" => "unit",
        "tunit" => "tunit",
        "point" => "point",
        "tpoint" => "tpoint",
        "part" => "part",
        "season" => "season",
        "rel" => "rel",
        "after" => "after",
        "cardinal" => "cardinal",
        "ordinal" => "ordinal",
        "scale" => "scale",
        "multiple" => "multiple",
        "modifier" => "modifier",
        _ => "",
    }
}

/// A small map from lower-case words to a kind, asked about every word of an article (most are
/// rejected by their end bytes, see [`EndBytes`]).
pub struct KindMap {
    map: HashMap<&'static str, &'static str>,
    ends: EndBytes,
}

impl KindMap {
    fn new(map: HashMap<&'static str, &'static str>) -> KindMap {
        let ends = EndBytes::new(map.keys().copied());
        KindMap { map, ends }
    }

    /// The kind of `word`, matched case-insensitively.
    pub fn get(&self, word: &str) -> Option<&'static str> {
        if !self.ends.may_hold(word) {
            return None;
        }
        crate::lexicon::with_lower(word, |w| self.map.get(w).copied())
    }
}

fn map(text: &'static str) -> HashMap<&'static str, &'static str> {
    parse(text).map(|e| (e.key, label(e.value))).filter(|(_, v)| !v.is_empty()).collect()
}

const PLACE_AFFIXES: &str = include_str!("../../data/entities/place_affixes.txt");

pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| Words {
        title_words: parse(include_str!("../../data/entities/titles.txt"))
            .flat_map(|e| e.key.split(' '))
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .collect(),
        first_names: parse(include_str!("../../data/entities/first_names.txt")).map(|e| e.key).collect(),
        common: parse(include_str!("../../data/entities/common_words.txt")).map(|e| e.key).collect(),
        org_words: map(include_str!("../../data/entities/org_words.txt")),
        heads: map(include_str!("../../data/entities/heads.txt")),
        place_prefixes: parse(PLACE_AFFIXES).filter(|e| e.value == Some("prefix")).map(|e| e.key).collect(),
        place_endings: parse(PLACE_AFFIXES).filter(|e| e.value == Some("ending")).map(|e| e.key).collect(),
        dates: KindMap::new(map(include_str!("../../data/entities/dates.txt"))),
        numbers: KindMap::new(map(include_str!("../../data/entities/numbers.txt"))),
        units: KindMap::new(map(include_str!("../../data/entities/units.txt"))),
    })
}

/// The context words of `data/entities/cues.txt`, by kind.
pub struct CueWords {
    /// Two words before a name (first lower-cased) that make it an organization.
    pub org_before: HashSet<(&'static str, &'static str)>,
    pub org_after: HashSet<&'static str>,
    pub law_parts: HashSet<&'static str>,
    pub language: HashSet<&'static str>,
    pub not_noun: HashSet<&'static str>,
    pub departments: HashSet<&'static str>,
}

pub fn cue_words() -> &'static CueWords {
    static C: OnceLock<CueWords> = OnceLock::new();
    C.get_or_init(|| {
        let entries: Vec<_> = parse(include_str!("../../data/entities/cues.txt")).collect();
        let kind = |k: &str| -> HashSet<&'static str> { entries.iter().filter(|e| e.value == Some(k)).map(|e| e.key).collect() };
        CueWords {
            org_before: entries
                .iter()
                .filter(|e| e.value == Some("org-before"))
                .filter_map(|e| e.key.split_once(' '))
                .collect(),
            org_after: kind("org-after"),
            law_parts: kind("law-part"),
            language: kind("language"),
            not_noun: kind("not-noun"),
            departments: kind("department"),
        }
    })
}

#[cfg(test)]
mod kind_map_tests {
    use super::*;

    #[test]
    fn the_end_byte_filter_agrees_with_a_plain_lookup() {
        let w = words();
        for word in [
            "January", "JANUARY", "jan.", "Jan.", "Friday", "today", "Today", "year", "Years", "tonight", "million", "Million",
            "BILLION", "twenty", "Twenty-five", "first", "Third", "dollars", "Dollars", "miles", "percent", "said", "Smith",
            "", "x", "İstanbul", "caf\u{e9}", "\u{c9}t\u{e9}", "Yesterday's", "2020",
        ] {
            for (map, text) in [(&w.dates, "dates"), (&w.numbers, "numbers"), (&w.units, "units")] {
                let plain = map.map.get(&*crate::lexicon::lower(word)).copied();
                assert_eq!(map.get(word), plain, "{word} in {text}");
            }
        }
        assert_eq!(w.dates.get("FRIDAY"), Some("weekday"));
        assert_eq!(w.numbers.get("Million"), Some("scale"));
        assert_eq!(w.dates.get("Smith"), None);
    }
}
