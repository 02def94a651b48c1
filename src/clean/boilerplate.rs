//! Boilerplate removal: a headline printed twice at the top and scraped page trailers
//! (`og:image` leftovers). Conservative: only whole lines, each removal logged.

use super::Replacement;
use crate::doc::Span;

/// (start, end-including-newline) of each line.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn is_trailer_junk(line: &str) -> bool {
    let l = line.trim().to_ascii_lowercase();
    l.starts_with("og:image") || l.starts_with("ogimage") || l == "advertisement"
}

pub fn replacements(text: &str, out: &mut Vec<Replacement>) {
    let ls = lines(text);
    let non_empty: Vec<&(usize, usize)> = ls.iter().filter(|(s, e)| !text[*s..*e].trim().is_empty()).collect();
    // duplicate headline: first non-empty line repeated as the next non-empty line
    if let [first, second, ..] = non_empty.as_slice() {
        let a = text[first.0..first.1].trim();
        let b = text[second.0..second.1].trim();
        if a == b && a.len() < 300 {
            out.push(Replacement { original: Span::new(first.0, second.0), replacement: String::new(), kind: "duplicate_headline" });
        }
    }
    // trailing scraped junk: last non-empty lines
    for &&(s, e) in non_empty.iter().rev() {
        if !is_trailer_junk(&text[s..e]) {
            break;
        }
        // remove the line and the blank lines before it
        let trimmed_start = text[..s].trim_end().len();
        out.push(Replacement { original: Span::new(trimmed_start, e), replacement: String::new(), kind: "page_junk" });
    }
}
