//! The wire format (JSON v1): the only place that knows serde and UTF-16.
//!
//! Inside the core every offset is a UTF-8 byte offset into the cleaned text. On the wire every
//! offset is a UTF-16 code unit index (what JS `slice`, DOM `Range` and the CSS Highlight API
//! count). [`Utf16Map`] converts, in one place. The format is documented in ARCHITECTURE.md and
//! is a contract with outside scorers: extend it, never break it.

use crate::doc::{Doc, Span};
use serde::Serialize;

mod tape;
pub use tape::{to_tape, Tape};

pub const WIRE_VERSION: u32 = 1;

/// Byte offset → UTF-16 offset, for one text. Built once per text in O(n).
pub struct Utf16Map {
    /// `units[i]` = UTF-16 length of `text[..b]` where `b` is the i-th char boundary.
    starts: Vec<u32>,
    units: Vec<u32>,
    len_bytes: usize,
}

impl Utf16Map {
    pub fn new(text: &str) -> Utf16Map {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(text.len() / 8 + 1);
        let mut units = Vec::with_capacity(text.len() / 8 + 1);
        // Store a checkpoint only where the running difference between bytes and units changes,
        // so pure-ASCII text costs one entry; ASCII runs are skipped eight bytes at a step and
        // only the other chars decoded.
        starts.push(0);
        units.push(0);
        let (mut b, mut u) = (0usize, 0u32);
        loop {
            let next = skip_ascii(bytes, b);
            u += (next - b) as u32;
            b = next;
            // (`b` is a char boundary: only ASCII bytes were skipped)
            let Some(ch) = text.get(b..).and_then(|rest| rest.chars().next()) else { break };
            b += ch.len_utf8();
            u += ch.len_utf16() as u32;
            starts.push(b as u32);
            units.push(u);
        }
        Utf16Map { starts, units, len_bytes: text.len() }
    }

    /// UTF-16 offset of byte offset `b` (which must be a char boundary; clamped to the text).
    pub fn to_utf16(&self, b: usize) -> usize {
        let b = b.min(self.len_bytes) as u32;
        // Last checkpoint at or before b; between checkpoints every char is 1 byte = 1 unit.
        let i = match self.starts.binary_search(&b) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (self.units[i] + (b - self.starts[i])) as usize
    }

    pub fn span(&self, s: Span) -> WireSpan {
        WireSpan { start: self.to_utf16(s.start), end: self.to_utf16(s.end) }
    }
}

/// Index of the first non-ASCII byte of `bytes` at or after `i` (or its length).
fn skip_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let high = w & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes.get(i..).map_or(i, |rest| i + rest.iter().position(|&c| c >= 0x80).unwrap_or(rest.len()))
}

/// `text.encode_utf16().count()` from its bytes, eight at a step, without decoding a char:
/// every byte but a continuation byte (`0b10xx_xxxx`) starts a char of one unit, and a 4-byte
/// char's lead (`0b1111_0xxx`) adds the second unit of its surrogate pair. The tape counts its
/// strings so, the whole text among them.
pub(crate) fn utf16_len(text: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut units = 0;
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // (each byte's top bit, and below it the bits shifted up from its own lower bits)
        let continuation = w & !(w << 1) & HIGH;
        let four_byte_lead = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four_byte_lead.count_ones() as usize;
    }
    units + chunks.remainder().iter().map(|&b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0)).sum::<usize>()
}

/// Byte offset of UTF-16 offset `u` in `text`, or `None` if `u` is inside a surrogate pair or
/// past the end. Used when the page sends offsets back (e.g. undo of one edit).
pub fn utf16_to_byte(text: &str, u: usize) -> Option<usize> {
    let mut units = 0usize;
    for (b, ch) in text.char_indices() {
        if units == u {
            return Some(b);
        }
        if units > u {
            return None;
        }
        units += ch.len_utf16();
    }
    (units == u).then_some(text.len())
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct WireSpan {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct WireEdit<'a> {
    pub kind: &'static str,
    /// Range in the original (pasted) text, UTF-16.
    pub original: WireSpan,
    /// Range in the cleaned text, UTF-16.
    pub cleaned: WireSpan,
    pub original_text: &'a str,
    pub replacement: &'a str,
}

/// A repair offered, not applied: `start..end` in the cleaned text (UTF-16) would become
/// `replacement`.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct WireSuggestion<'a> {
    pub start: usize,
    pub end: usize,
    pub replacement: &'a str,
    pub kind: &'static str,
}

#[derive(Serialize)]
pub struct WireMention<'a> {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub label: &'static str,
    pub text: &'a str,
    pub entity: Option<usize>,
    pub rule: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
}

#[derive(Serialize)]
pub struct WireEntity<'a> {
    pub id: usize,
    #[serde(rename = "type")]
    pub label: &'static str,
    pub canonical: &'a str,
    pub aliases: &'a [String],
    pub mentions: &'a [usize],
    pub count: usize,
    pub salience: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metonym_of: Option<usize>,
}

#[derive(Serialize)]
pub struct WireClaim<'a> {
    pub id: usize,
    pub source: Option<WireSpan>,
    pub cue: Option<WireSpan>,
    pub content: WireSpan,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub content_segments: Vec<WireSpan>,
    pub kind: &'static str,
    pub source_kind: &'static str,
    pub source_text: Option<&'a str>,
    pub source_entity: Option<usize>,
    pub hedged: bool,
    pub hedges: Vec<WireSpan>,
    pub negated: bool,
    pub anonymity: Option<WireSpan>,
    pub rule: &'static str,
}

#[derive(Serialize)]
pub struct WireSide<'a> {
    pub party: Option<usize>,
    pub name: &'a str,
    pub position: Option<WireSpan>,
    pub stance: &'static str,
    pub claims: &'a [usize],
    /// Allies stated beside the party; omitted when none (added after v1, optional).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allies: Vec<WireSpan>,
}

#[derive(Serialize)]
pub struct WireDispute<'a> {
    pub id: usize,
    pub label: &'a str,
    pub mentions: Vec<WireSpan>,
    pub evidence: Vec<WireSpan>,
    pub sides: Vec<WireSide<'a>>,
    pub rule: &'static str,
}

#[derive(Serialize)]
pub struct WireWarning<'a> {
    pub code: &'static str,
    pub message: &'a str,
}

/// The whole wire document (v1).
#[derive(Serialize)]
pub struct WireDoc<'a> {
    pub version: u32,
    pub offsets: &'static str,
    pub text: &'a str,
    pub edits: Vec<WireEdit<'a>>,
    /// Added in v1: repairs offered, not applied.
    pub suggestions: Vec<WireSuggestion<'a>>,
    pub mentions: Vec<WireMention<'a>>,
    pub entities: Vec<WireEntity<'a>>,
    pub claims: Vec<WireClaim<'a>>,
    pub disputes: Vec<WireDispute<'a>>,
    pub warnings: Vec<WireWarning<'a>>,
}

/// Result of `clean()` alone: the cleaned text and its edits.
#[derive(Serialize)]
pub struct WireClean<'a> {
    pub version: u32,
    pub offsets: &'static str,
    pub cleaned: &'a str,
    pub edits: Vec<WireEdit<'a>>,
    /// Added in v1: repairs offered, not applied.
    pub suggestions: Vec<WireSuggestion<'a>>,
    pub warnings: Vec<WireWarning<'a>>,
}

fn edits<'a>(doc: &'a Doc, clean_map: &Utf16Map) -> Vec<WireEdit<'a>> {
    let orig_map = Utf16Map::new(&doc.original);
    doc.edits
        .iter()
        .map(|e| WireEdit {
            kind: e.kind,
            original: orig_map.span(e.original),
            cleaned: clean_map.span(e.cleaned),
            original_text: e.original.slice(&doc.original),
            replacement: &e.replacement,
        })
        .collect()
}

fn suggestions<'a>(doc: &'a Doc, clean_map: &Utf16Map) -> Vec<WireSuggestion<'a>> {
    doc.suggestions
        .iter()
        .map(|s| {
            let w = clean_map.span(s.span);
            WireSuggestion { start: w.start, end: w.end, replacement: &s.replacement, kind: s.kind }
        })
        .collect()
}

fn warnings(doc: &Doc) -> Vec<WireWarning<'_>> {
    doc.warnings.iter().map(|w| WireWarning { code: w.code, message: &w.message }).collect()
}

/// Convert an analysed document to the wire format.
pub fn to_wire(doc: &Doc) -> WireDoc<'_> {
    let map = Utf16Map::new(&doc.text);
    let mentions = doc
        .mentions
        .iter()
        .map(|m| {
            let s = map.span(m.span);
            WireMention {
                start: s.start,
                end: s.end,
                label: m.label,
                text: doc.slice(m.span),
                entity: m.entity,
                rule: m.rule,
                role: m.role,
            }
        })
        .collect();
    let entities = doc
        .entities
        .iter()
        .enumerate()
        .map(|(id, e)| WireEntity {
            id,
            label: e.label,
            canonical: &e.canonical,
            aliases: &e.aliases,
            mentions: &e.mentions,
            count: e.mentions.len(),
            salience: (e.salience * 1000.0).round() / 1000.0,
            role: e.metonym_of.map(|_| "metonym"),
            metonym_of: e.metonym_of,
        })
        .collect();
    let claims = doc
        .claims
        .iter()
        .enumerate()
        .map(|(id, c)| WireClaim {
            id,
            source: c.source.map(|s| map.span(s)),
            cue: c.cue.map(|s| map.span(s)),
            content: map.span(c.content),
            content_segments: c.content_segments.iter().map(|&s| map.span(s)).collect(),
            kind: c.kind,
            source_kind: c.source_kind.as_str(),
            source_text: c.source.map(|s| doc.slice(s)),
            source_entity: c.source_entity,
            hedged: !c.hedges.is_empty(),
            hedges: c.hedges.iter().map(|&s| map.span(s)).collect(),
            negated: c.negated,
            anonymity: c.anonymity.map(|s| map.span(s)),
            rule: c.rule,
        })
        .collect();
    let disputes = doc
        .disputes
        .iter()
        .enumerate()
        .map(|(id, d)| WireDispute {
            id,
            label: &d.label,
            mentions: d.mentions.iter().map(|&s| map.span(s)).collect(),
            evidence: d.evidence.iter().map(|&s| map.span(s)).collect(),
            sides: d
                .sides
                .iter()
                .map(|s| WireSide {
                    party: s.party,
                    name: &s.name,
                    position: s.position.map(|p| map.span(p)),
                    stance: s.stance.as_str(),
                    claims: &s.claims,
                    allies: s.allies.iter().map(|&a| map.span(a)).collect(),
                })
                .collect(),
            rule: d.rule,
        })
        .collect();
    WireDoc {
        version: WIRE_VERSION,
        offsets: "utf16",
        text: &doc.text,
        edits: edits(doc, &map),
        suggestions: suggestions(doc, &map),
        mentions,
        entities,
        claims,
        disputes,
        warnings: warnings(doc),
    }
}

/// Wire form of a cleaning-only result.
pub fn to_wire_clean(doc: &Doc) -> WireClean<'_> {
    let map = Utf16Map::new(&doc.text);
    WireClean {
        version: WIRE_VERSION,
        offsets: "utf16",
        cleaned: &doc.text,
        edits: edits(doc, &map),
        suggestions: suggestions(doc, &map),
        warnings: warnings(doc),
    }
}

/// One option's value as it arrives from JS: a boolean, or another type (named, for the message).
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    Bool(bool),
    Other(String),
}

/// Options as they arrive from JS, as the fields of an object (all optional): `{clean: bool}`.
/// Unknown fields and wrong types are refused with a message naming them.
pub fn options_from_fields(fields: impl IntoIterator<Item = (String, OptionValue)>) -> Result<crate::Options, String> {
    let mut o = crate::Options::default();
    for (key, v) in fields {
        match (key.as_str(), v) {
            ("clean", OptionValue::Bool(b)) => o.clean = b,
            ("clean", OptionValue::Other(t)) => return Err(format!("option \"clean\" must be true or false, not {t}")),
            (other, _) => return Err(format!("unknown option \"{other}\" (known: clean)")),
        }
    }
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_of_bmp_and_astral_chars() {
        let text = "a€b😊c";
        let m = Utf16Map::new(text);
        // bytes: a=0, €=1..4, b=4, 😊=5..9, c=9
        assert_eq!(m.to_utf16(0), 0);
        assert_eq!(m.to_utf16(1), 1);
        assert_eq!(m.to_utf16(4), 2);
        assert_eq!(m.to_utf16(5), 3);
        assert_eq!(m.to_utf16(9), 5);
        assert_eq!(m.to_utf16(10), 6);
        assert_eq!(m.to_utf16(99), 6);
    }

    /// Every char boundary's UTF-16 offset is the length of what precedes it, encoded.
    fn check_utf16_map(text: &str) {
        let m = Utf16Map::new(text);
        for b in (0..=text.len()).filter(|&b| text.is_char_boundary(b)) {
            assert_eq!(m.to_utf16(b), text[..b].encode_utf16().count(), "{text:?} at {b}");
        }
    }

    #[test]
    fn utf16_offsets_across_ascii_runs_of_any_length() {
        for n in 0..20 {
            let run = "x".repeat(n);
            for text in [format!("{run}€"), format!("€{run}"), format!("{run}😊{run}é"), format!("שלום {run}\u{2019}{run}"), run.clone()] {
                check_utf16_map(&text);
            }
        }
    }

    #[test]
    fn utf16_length_of_bmp_astral_and_rtl_text_is_the_encoded_length() {
        for text in ["", "a", "a\u{20ac}b\u{1f60a}c", "\u{5e9}\u{5dc}\u{5d5}\u{5dd} Iran", "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}"] {
            assert_eq!(utf16_len(text), text.encode_utf16().count(), "{text:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn utf16_offsets_of_any_text(text in "[a \\n\u{e9}\u{20ac}\u{1f60a}\u{5e9}\u{2019}]{0,40}") {
            check_utf16_map(&text);
        }

        #[test]
        fn utf16_length_of_any_text(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(utf16_len(&text), text.encode_utf16().count());
        }
    }

    #[test]
    fn utf16_back_to_bytes_rejects_split_surrogates() {
        let text = "x😊y";
        assert_eq!(utf16_to_byte(text, 0), Some(0));
        assert_eq!(utf16_to_byte(text, 1), Some(1));
        assert_eq!(utf16_to_byte(text, 2), None);
        assert_eq!(utf16_to_byte(text, 3), Some(5));
        assert_eq!(utf16_to_byte(text, 4), Some(6));
        assert_eq!(utf16_to_byte(text, 5), None);
    }

    #[test]
    fn options_are_checked() {
        let field = |k: &str, v: OptionValue| vec![(k.to_string(), v)];
        assert!(options_from_fields(field("clean", OptionValue::Bool(false))).is_ok_and(|o| !o.clean));
        assert!(options_from_fields(Vec::new()).is_ok_and(|o| o.clean));
        assert!(options_from_fields(field("clean", OptionValue::Other("number".into()))).unwrap_err().contains("clean"));
        assert!(options_from_fields(field("colour", OptionValue::Bool(true))).unwrap_err().contains("colour"));
    }

    #[test]
    fn suggestions_go_out_in_utf16() {
        let mut doc = Doc::new("😊 Staniforthsaid");
        let b = doc.text.find("said").unwrap();
        doc.suggestions.push(crate::doc::Suggestion { span: Span::new(b, b), replacement: " ".into(), kind: "join_split" });
        let w = to_wire_clean(&doc);
        assert_eq!(w.suggestions, vec![WireSuggestion { start: 13, end: 13, replacement: " ", kind: "join_split" }]);
        let json = serde_json::to_value(to_wire(&doc)).unwrap();
        assert_eq!(json["suggestions"][0]["start"], 13);
    }

    #[test]
    fn rtl_text_counts_like_js() {
        let text = "שלום Iran";
        let m = Utf16Map::new(text);
        let b = text.find("Iran").unwrap();
        assert_eq!(m.to_utf16(b), 5);
    }
}
