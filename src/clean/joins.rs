//! Words joined where a line break was deleted without a space. This first pass repairs only
//! the safe seams: a lower-case letter followed by punctuation and a letter (`program,rejecting`,
//! `Oman.The`) and a lower→upper camel seam inside a long token (`theMiddle`), never inside
//! known mixed-case words, URLs, emails, numbers or abbreviations.

use super::Replacement;
use crate::doc::Span;

fn protected(token: &str) -> bool {
    token.contains("://") || token.contains('@') || token.starts_with('#') || token.starts_with("www.")
}

fn is_mixed_case_name(word: &str) -> bool {
    // iPhone, McDonald, YouTube, DeSantis, MacArthur, eBay
    let prefixes = ["Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O'"];
    prefixes.iter().any(|p| word.starts_with(p) && word.len() <= p.len() + 10)
        || word.chars().next().is_some_and(|c| c.is_lowercase()) && word.chars().filter(|c| c.is_uppercase()).count() == 1 && word.len() <= 8
}

pub fn replacements(text: &str, out: &mut Vec<Replacement>) {
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                token_seams(text, s, i, out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
}

/// False when an ASCII token cannot hold a seam: both kinds need a lower-case letter followed by
/// punctuation or a capital, then a letter. Lets most tokens skip the per-char work below.
fn may_have_seam(tok: &str) -> bool {
    !tok.is_ascii()
        || tok.as_bytes().windows(3).any(|w| {
            w[0].is_ascii_lowercase()
                && (w[1].is_ascii_uppercase() || matches!(w[1], b',' | b';' | b':' | b'.' | b'?' | b'!'))
                && w[2].is_ascii_alphabetic()
        })
}

fn token_seams(text: &str, s: usize, e: usize, out: &mut Vec<Replacement>) {
    let tok = &text[s..e];
    if !may_have_seam(tok) || protected(tok) {
        return;
    }
    let chars: Vec<(usize, char)> = tok.char_indices().collect();
    // whether `tok[..bi]` holds a '.', kept as we go (a rescan per char was quadratic in a long token)
    let mut dot_before = false;
    for w in 1..chars.len().saturating_sub(1) {
        let (_, prev) = chars[w - 1];
        dot_before |= prev == '.';
        let (bi, c) = chars[w];
        let (_, next) = chars[w + 1];
        // punctuation seam: "program,rejecting", "Oman.The", "said:The"
        let punct_seam = matches!(c, ',' | ';' | ':' | '.' | '?' | '!')
            && prev.is_lowercase()
            && next.is_alphabetic()
            && (c != '.' || next.is_uppercase())
            && (c == ',' || c == ';' || next.is_uppercase() || c == ':')
            && !dot_before;
        if punct_seam {
            let at = s + bi + c.len_utf8();
            out.push(Replacement { original: Span::new(at, at), replacement: " ".into(), kind: "join_split" });
            return;
        }
    }
    // camel seam: lower followed by Upper, left part a plausible word
    let word_start = chars.iter().position(|(_, c)| c.is_alphabetic()).unwrap_or(0);
    for w in (word_start + 3)..chars.len().saturating_sub(2) {
        let (_, prev) = chars[w - 1];
        let (bi, c) = chars[w];
        let (_, next) = chars[w + 1];
        if prev.is_lowercase() && c.is_uppercase() && next.is_lowercase() {
            let left = &tok[chars[word_start].0..bi];
            if is_mixed_case_name(&tok[chars[word_start].0..]) || !left.chars().all(|c| c.is_lowercase()) {
                return;
            }
            let at = s + bi;
            out.push(Replacement { original: Span::new(at, at), replacement: " ".into(), kind: "join_split" });
            return;
        }
    }
}
