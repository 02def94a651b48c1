//! Unicode and whitespace repairs: odd spaces, non-breaking and other hyphens, zero-width and
//! soft-hyphen characters, CRLF, runs of spaces. Typographic quotes and apostrophes are kept.

use super::Replacement;
use crate::doc::Span;

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
    let mut prev_space = false;
    for (b, c) in text.char_indices() {
        let end = b + c.len_utf8();
        if let Some((rep, kind)) = replacement_for(c) {
            // "\r" alone (old Mac) becomes a newline; "\r\n" drops the "\r"
            let rep = if c == '\r' && !text[end..].starts_with('\n') { "\n" } else { rep };
            if rep == " " && prev_space {
                out.push(Replacement { original: Span::new(b, end), replacement: String::new(), kind: "space_run" });
            } else {
                out.push(Replacement { original: Span::new(b, end), replacement: rep.to_string(), kind });
            }
            prev_space = rep == " ";
            continue;
        }
        if c == ' ' && prev_space {
            out.push(Replacement { original: Span::new(b, end), replacement: String::new(), kind: "space_run" });
        }
        prev_space = c == ' ';
    }
}
