//! Re-flowing text that still has its hard line breaks: a block of consecutive lines that
//! looks wrapped (at least two lines, all but the last filling most of the widest line, no list
//! markers) becomes one paragraph. A line ending in a hyphen joins the next line's word without
//! a space: the hyphen goes when only the joined word is a known word (`negoti-` + `ations`),
//! and stays when both halves are words (`long-` + `term`).

use super::lexicon::model;
use super::Replacement;
use crate::doc::Span;

/// Narrowest wrap width considered, in characters.
const MIN_WIDTH: usize = 30;
/// Every line but the last must fill at least this share of the widest line.
const MIN_FILL: f32 = 0.6;

/// Adds the reflow edits; returns the byte ranges of the re-flowed blocks. `lines`: the text's
/// ([`super::line_index`]).
pub fn replacements(text: &str, lines: &[super::Line], out: &mut Vec<Replacement>) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut block: Vec<(usize, usize)> = Vec::new();
    for line in lines {
        let content = &text[line.start..line.content_end];
        // a line of page chrome is removed (boilerplate): it ends a block like a blank line,
        // so the block re-flows the same before and after the removal
        if line.chrome.is_some() || content.trim().is_empty() {
            flush(text, &mut block, out, &mut blocks);
        } else {
            block.push((line.start, line.content_end));
        }
    }
    flush(text, &mut block, out, &mut blocks);
    blocks
}

fn flush(text: &str, block: &mut Vec<(usize, usize)>, out: &mut Vec<Replacement>, blocks: &mut Vec<(usize, usize)>) {
    if block.len() >= 2 && looks_wrapped(text, block) {
        for pair in block.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let line = text[a.0..a.1].trim_end();
            let next = &text[b.0..b.1];
            // the line break with the spaces around it (a line's trailing space, the next line's
            // indent): one space in all, so cleaning again finds no run of spaces to fix
            let gap = Span::new(a.0 + line.len(), b.1 - next.trim_start().len());
            let next_word = next.split_whitespace().next().unwrap_or("");
            let last_word = line.split_whitespace().last().unwrap_or("");
            if let Some(stem) = last_word.strip_suffix('-').filter(|s| s.chars().count() >= 2 && s.chars().all(char::is_alphabetic)) {
                let rest: String = next_word.chars().take_while(|c| c.is_alphabetic()).collect();
                if drop_hyphen(stem, &rest) {
                    out.push(Replacement { original: Span::new(gap.start - 1, gap.end), replacement: String::new(), kind: "hyphen_join" });
                } else {
                    out.push(Replacement { original: gap, replacement: String::new(), kind: "reflow" });
                }
            } else {
                out.push(Replacement { original: gap, replacement: " ".into(), kind: "reflow" });
            }
        }
        blocks.push((block[0].0, block[block.len() - 1].1));
    }
    block.clear();
}

fn looks_wrapped(text: &str, block: &[(usize, usize)]) -> bool {
    let lens: Vec<usize> = block.iter().map(|&(s, e)| text[s..e].chars().count()).collect();
    let widest = *lens.iter().max().unwrap_or(&0);
    if !(MIN_WIDTH..=200).contains(&widest) {
        return false;
    }
    let filled = lens[..lens.len() - 1].iter().all(|&l| l as f32 >= MIN_FILL * widest as f32);
    let listy = block.iter().any(|&(s, e)| is_list_item(&text[s..e]));
    filled && !listy
}

fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ") || t.starts_with("* ") || t.starts_with('•') || t.starts_with("– ") || {
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        digits > 0 && digits < 4 && matches!(t[digits..].chars().next(), Some('.') | Some(')'))
    }
}

/// `negoti` + `ations` → `negotiations` (hyphen dropped); `long` + `term` keeps `long-term`.
fn drop_hyphen(stem: &str, rest: &str) -> bool {
    let m = model();
    let known = |w: &str| w.is_ascii() && m.known(w.to_ascii_lowercase().as_bytes()).is_some();
    let joined = format!("{stem}{rest}");
    known(&joined) && !(known(stem) && known(rest))
}
