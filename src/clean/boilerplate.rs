//! Boilerplate removal: a headline printed twice at the top, scraped trailers (`og:image`
//! leftovers) and page chrome lines (`Advertisement`, `Share this article`, photo credits,
//! cookie notices; `data/clean/boilerplate.txt`). Conservative: only whole lines whose entire
//! text matches, each removal logged with its kind.

use super::Replacement;
use crate::doc::Span;
use std::sync::OnceLock;

const CHROME: &str = include_str!("../../data/clean/boilerplate.txt");

/// (lower-case pattern, is a prefix, edit kind)
fn chrome() -> &'static [(String, bool, &'static str)] {
    static LIST: OnceLock<Vec<(String, bool, &'static str)>> = OnceLock::new();
    LIST.get_or_init(|| {
        CHROME
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once(" | "))
            .map(|(p, kind)| {
                let kind: &'static str = match kind.trim() {
                    "photo_credit" => "photo_credit",
                    "cookie_notice" => "cookie_notice",
                    "scraped_trailer" => "scraped_trailer",
                    _ => "page_chrome",
                };
                let p = p.trim().to_lowercase();
                match p.strip_suffix('*') {
                    Some(prefix) => (prefix.to_string(), true, kind),
                    None => (p, false, kind),
                }
            })
            .collect()
    })
}

/// The kind of chrome a whole line is, if it is one.
pub fn chrome_kind(line: &str) -> Option<&'static str> {
    let l = line.trim().trim_end_matches(['.', ':', '!', '›', '»', '>', ' ']);
    // chrome lines are short: a paragraph is never lower-cased just to be compared
    if l.is_empty() || l.len() > 200 {
        return None;
    }
    let l = l.to_lowercase();
    chrome().iter().find(|(p, prefix, _)| if *prefix { l.starts_with(p.as_str()) } else { l == *p }).map(|(_, _, k)| *k)
}

/// (start, end-including-newline) of each line.
fn lines(text: &str) -> Vec<(usize, usize)> {
    super::lines(text).map(|l| (l.start, l.end)).filter(|(s, e)| s < e).collect()
}

/// A line as compared for a repeated headline: the copies may differ in the kinds of spaces,
/// hyphens and invisible chars the Unicode repairs normalise (`Clash\u{a0}Over` is `Clash Over`).
fn headline_key(line: &str) -> String {
    let mut key = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}' | '\u{ad}')).map(|c| if matches!(c, '\u{2010}' | '\u{2011}') { '-' } else { c }));
    }
    key
}

pub fn replacements(text: &str, out: &mut Vec<Replacement>) {
    let ls = lines(text);
    let non_empty: Vec<(usize, usize)> = ls.iter().copied().filter(|(s, e)| !text[*s..*e].trim().is_empty()).collect();
    // duplicate headline: the first non-empty line repeated as the next one or two; every extra
    // copy goes in one edit, so cleaning again finds nothing to remove
    if let Some(first) = non_empty.first() {
        let a = text[first.0..first.1].trim();
        let key = headline_key(a);
        let copies = non_empty[1..].iter().take_while(|l| headline_key(&text[l.0..l.1]) == key).count();
        // a headline is printed twice, at most three times; a line repeated more often is the
        // text itself (a chorus, a test), not page chrome, and is left alone
        if (1..=2).contains(&copies) && a.len() < 300 {
            let last_copy = non_empty[copies];
            out.push(Replacement { original: Span::new(first.0, last_copy.0), replacement: String::new(), kind: "duplicate_headline" });
        }
    }
    // the trailing run of chrome lines: removed with the blank lines before it
    let run = non_empty.iter().rev().take_while(|&&(s, e)| chrome_kind(&text[s..e]).is_some()).count();
    let first_trailer = if run < non_empty.len() { non_empty.len() - run } else { non_empty.len() };
    let mut prev_end = None;
    for (i, &(s, e)) in non_empty.iter().enumerate() {
        let Some(kind) = chrome_kind(&text[s..e]) else { continue };
        if i >= first_trailer {
            let start = prev_end.unwrap_or_else(|| text[..s].trim_end().len());
            out.push(Replacement { original: Span::new(start, e), replacement: String::new(), kind });
            prev_end = Some(e);
        } else {
            // a chrome line inside the text: remove it with the blank lines after it
            let next = non_empty.get(i + 1).map_or(e, |n| n.0);
            out.push(Replacement { original: Span::new(s, next), replacement: String::new(), kind });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_copy_may_differ_in_spaces_and_hyphens() {
        // regression (proptest): the copy with an NBSP was removed only by a second cleaning
        let text = "Ministers Clash\u{a0}Over Non\u{2011}Deal\n\nMinisters Clash Over Non-Deal\n\nBody.";
        let mut out = Vec::new();
        replacements(text, &mut out);
        assert_eq!(out.iter().map(|r| r.kind).collect::<Vec<_>>(), ["duplicate_headline"]);
        assert_eq!(headline_key("a \u{200b}b\u{a0} c"), "a b c");
    }
}
