//! Unicode and whitespace repairs: odd spaces, non-breaking and other hyphens, zero-width and
//! soft-hyphen characters, CRLF, runs of spaces, mojibake (`â€™` → `’`) and NFC composition of
//! the common combining sequences (`data/clean/`). Typographic quotes and apostrophes are kept.

use super::Replacement;
use crate::doc::Span;
use crate::hash::HashMap;
use std::sync::OnceLock;

const MOJIBAKE: &str = include_str!("../../data/clean/mojibake.txt");
const COMPOSE: &str = include_str!("../../data/clean/compose.txt");

/// Sequence repairs: mojibake (`â€™` → `’`) and NFC composition (`e` + U+0301 → `é`).
struct Sequences {
    /// First char of a pattern → (pattern, replacement, kind), longest pattern first.
    by_first: HashMap<char, Vec<(String, String, &'static str)>>,
    /// ASCII chars that start a pattern (most text is ASCII: one table read per char).
    ascii_first: [bool; 128],
}

fn sequences() -> &'static Sequences {
    static SEQ: OnceLock<Sequences> = OnceLock::new();
    SEQ.get_or_init(|| {
        let mut by_first: HashMap<char, Vec<(String, String, &'static str)>> = HashMap::default();
        for (file, kind) in [(MOJIBAKE, "mojibake"), (COMPOSE, "nfc")] {
            for line in file.lines() {
                if line.starts_with('#') {
                    continue;
                }
                if let Some((k, v)) = line.split_once(" | ") {
                    let key = k.trim_matches(' ').to_string();
                    if let Some(first) = key.chars().next() {
                        by_first.entry(first).or_default().push((key, v.trim_matches(' ').to_string(), kind));
                    }
                }
            }
        }
        // leftmost-longest: at each char, the longest pattern (the first listed of equals)
        for list in by_first.values_mut() {
            crate::sort::sort_by(list, |a, b| b.0.len().cmp(&a.0.len()));
        }
        let mut ascii_first = [false; 128];
        for (&c, list) in by_first.iter().filter(|(c, _)| c.is_ascii()) {
            ascii_first[c as usize] = true;
            debug_assert!(list.iter().all(|(key, _, _)| key[1..].starts_with(|d: char| !d.is_ascii())), "{c}: see sequence_replacements");
        }
        Sequences { by_first, ascii_first }
    })
}

fn sequence_replacements(text: &str, out: &mut Vec<Replacement>) {
    // cheap guard: every pattern holds a non-ASCII char
    if text.is_ascii() {
        return;
    }
    let seq = sequences();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // every pattern holds a non-ASCII char, and one that starts with an ASCII char (`e` +
        // U+0301) goes on with a non-ASCII one: skip to the next non-ASCII byte, or the ASCII
        // char before it if that starts a pattern
        let j = next_non_ascii(bytes, i);
        if j == bytes.len() {
            break;
        }
        i = if j > i && seq.ascii_first[bytes[j - 1] as usize] { j - 1 } else { j };
        let Some(c) = text[i..].chars().next() else { break };
        let found = seq.by_first.get(&c).and_then(|list| list.iter().find(|(key, _, _)| text[i..].starts_with(key.as_str())));
        match found {
            Some((key, rep, kind)) => {
                let (end, rep, kind) = match composed_mojibake(seq, text, i + key.len(), rep, kind) {
                    Some((rest, garbled_rep)) => (i + key.len() + rest, garbled_rep, "mojibake"),
                    None => (i + key.len(), rep, *kind),
                };
                out.push(Replacement { original: Span::new(i, end), replacement: rep.clone(), kind });
                i = end;
            }
            None => i += c.len_utf8(),
        }
    }
}

/// A composed char that begins a mojibake sequence with the text after it (`A` + U+0303 + `©`:
/// NFC gives `Ã©`, which is mojibake for `é`): the bytes of the sequence's rest at `after`,
/// and the mojibake's repair, so one pass makes both repairs, as cleaning again would.
fn composed_mojibake<'s>(seq: &'s Sequences, text: &str, after: usize, composed: &str, kind: &str) -> Option<(usize, &'s String)> {
    if kind != "nfc" {
        return None;
    }
    let list = seq.by_first.get(&composed.chars().next()?)?;
    let rest = text.get(after..)?;
    list.iter()
        .find(|(key, _, k)| *k == "mojibake" && key.len() > composed.len() && key.starts_with(composed) && rest.starts_with(&key[composed.len()..]))
        .map(|(key, rep, _)| (key.len() - composed.len(), rep))
}

/// The first byte at or after `from` that is not ASCII (`bytes.len()` if none), eight at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if word & HIGH_BITS != 0 {
            break;
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |k| i + k)
}

fn replacement_for(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' => (" ", "unicode_space"),
        '\u{2010}' | '\u{2011}' => ("-", "unicode_hyphen"),
        '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => ("", "invisible_char"),
        '\r' => ("", "line_ending"),
        _ => return None,
    })
}

pub fn replacements(text: &str, out: &mut Vec<Replacement>) {
    // (a space run that an invisible char splits is one run: `a \u{200b} b` → `a b`, which
    // cleaning again leaves alone)
    sequence_replacements(text, out);
    let mut prev_space = false;
    let bytes = text.as_bytes();
    let mut b = 0;
    while b < bytes.len() {
        // a plain space (a sixth of any text) ends or extends a run, no decoding
        let byte = bytes[b];
        if byte == b' ' {
            if prev_space {
                out.push(space_run(b, b + 1));
            }
            prev_space = true;
            b += 1;
            continue;
        }
        // ASCII other than a space, tab or CR (most of any text): nothing to repair, no decoding;
        // the rest of a word is skipped eight bytes at a step
        if byte.is_ascii() && !matches!(byte, b'\t' | b'\r') {
            prev_space = false;
            b = crate::text::skip_plain_ascii(bytes, b + 1);
            continue;
        }
        let Some(c) = text[b..].chars().next() else { break };
        let end = b + c.len_utf8();
        if let Some((rep, kind)) = replacement_for(c) {
            // "\r" alone (old Mac) becomes a newline; "\r\n" drops the "\r"
            let rep = if c == '\r' && !text[end..].starts_with('\n') { "\n" } else { rep };
            if rep == " " && prev_space {
                out.push(space_run(b, end));
            } else {
                out.push(Replacement { original: Span::new(b, end), replacement: rep.to_string(), kind });
            }
            // an invisible char vanishes: the spaces around it form one run
            if !(rep.is_empty() && kind == "invisible_char") {
                prev_space = rep == " ";
            }
            b = end;
            continue;
        }
        // any other char ends a run of spaces
        prev_space = false;
        b = end;
    }
}

/// The space at `start..end` removed: it extends a run of spaces.
fn space_run(start: usize, end: usize) -> Replacement {
    Replacement { original: Span::new(start, end), replacement: String::new(), kind: "space_run" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_non_ascii_agrees_with_a_plain_search_from_every_offset() {
        let text = "plain ascii words, then caf\u{e9} and more plain words for a whole chunk \u{2019}s end\u{a0}";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let want = bytes[from..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |k| from + k);
            assert_eq!(next_non_ascii(bytes, from), want, "from {from}");
        }
        assert_eq!(next_non_ascii(b"", 0), 0);
    }

    #[test]
    fn a_pattern_that_starts_with_ascii_is_found_after_a_long_ascii_run() {
        let mut out = Vec::new();
        // `e` + U+0301 after more than eight ASCII bytes, and at the very start
        replacements("a long ascii run before cafe\u{301}", &mut out);
        replacements("e\u{301}t\u{e9}", &mut out);
        let found: Vec<(&str, usize, usize)> = out.iter().map(|r| (r.replacement.as_str(), r.original.start, r.original.end)).collect();
        assert_eq!(found, [("\u{e9}", 27, 30), ("\u{e9}", 0, 3)]);
    }
}
