//! Size limits: how much of a huge paste is annotated, and where it is cut.
//!
//! The whole text is always cleaned and always returned; only the first
//! [`MAX_ANNOTATED_BYTES`] (5 MiB) are annotated. The cut falls on the last paragraph break
//! before the limit, else the last line break, else the last sentence end, else the last
//! whitespace (searched within [`BOUNDARY_WINDOW`] bytes), else the last char boundary. The rest
//! of the text is kept unannotated and a `truncated` warning says so: nothing is dropped silently.

use crate::doc::Doc;

/// Texts longer than this (UTF-8 bytes of the cleaned text) are annotated only up to here.
pub const MAX_ANNOTATED_BYTES: usize = 5 * 1024 * 1024;

/// How far back from the limit a natural boundary is looked for.
pub const BOUNDARY_WINDOW: usize = 64 * 1024;

/// Where a boundary was found, for the warning message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boundary {
    Paragraph,
    Line,
    Sentence,
    Word,
    Char,
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte offset at which to stop annotating `text` for a `limit`, and the kind of boundary.
/// Returns `(text.len(), Paragraph)` when the text fits.
pub fn cut_point(text: &str, limit: usize) -> (usize, Boundary) {
    if text.len() <= limit {
        return (text.len(), Boundary::Paragraph);
    }
    let end = floor_char_boundary(text, limit);
    let from = floor_char_boundary(text, end.saturating_sub(BOUNDARY_WINDOW));
    let head = &text[from..end];
    // a cut with only whitespace before it would annotate nothing
    let useful = |i: &usize| !text[..from + *i].trim_start().is_empty();
    if let Some(i) = head.rfind("\n\n").filter(useful) {
        return (from + i, Boundary::Paragraph);
    }
    if let Some(i) = head.rfind('\n').filter(useful) {
        return (from + i, Boundary::Line);
    }
    if let Some(i) = head.rfind(['.', '!', '?', '。']).filter(useful) {
        let after = from + i + head[i..].chars().next().map_or(1, char::len_utf8);
        return (after, Boundary::Sentence);
    }
    if let Some(i) = head.rfind(char::is_whitespace).filter(useful) {
        return (from + i, Boundary::Word);
    }
    (end, Boundary::Char)
}

/// `5.0 MB`, to one decimal (in integers: float formatting would link ~15 KB into the wasm).
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// If `doc.text` is longer than `limit`, split off the part after the cut, record a
/// `truncated` warning and return the tail (to be appended back after the stages have run).
pub fn split_for_annotation(doc: &mut Doc, limit: usize) -> String {
    let (cut, boundary) = cut_point(&doc.text, limit);
    if cut >= doc.text.len() {
        return String::new();
    }
    let total = doc.text.len();
    let tail = doc.text.split_off(cut);
    let at = match boundary {
        Boundary::Paragraph => "at the end of a paragraph",
        Boundary::Line => "at the end of a line",
        Boundary::Sentence => "at the end of a sentence",
        Boundary::Word => "between two words",
        Boundary::Char => "in the middle of a word (no space found near the limit)",
    };
    doc.warn(
        "truncated",
        format!(
            "The text is {} long; lede annotated only the first {} (up to {} characters, cut {at}). \
             The rest is kept and shown without annotations.",
            megabytes(total),
            megabytes(cut),
            doc.text.chars().count()
        ),
    );
    tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_to_one_decimal() {
        assert_eq!(megabytes(5 * 1024 * 1024), "5.0 MB");
        assert_eq!(megabytes(1536 * 1024), "1.5 MB");
        assert_eq!(megabytes(0), "0.0 MB");
        assert_eq!(megabytes(100 * 1024), "0.1 MB");
    }

    fn check(text: &str, limit: usize, expect_head: &str, expect: Boundary) {
        let (cut, b) = cut_point(text, limit);
        assert_eq!((&text[..cut], b), (expect_head, expect), "cut of {text:?} at {limit}");
    }

    #[test]
    fn cuts_on_the_most_natural_boundary_before_the_limit() {
        check("One. Two.\n\nThree four.", 18, "One. Two.", Boundary::Paragraph);
        check("One. Two.\nThree four.", 18, "One. Two.", Boundary::Line);
        check("One. Two three four", 16, "One.", Boundary::Sentence);
        check("One two three", 10, "One two", Boundary::Word);
        check("abcdefgh", 5, "abcde", Boundary::Char);
        check("short", 100, "short", Boundary::Paragraph);
    }

    #[test]
    fn never_cuts_inside_a_char() {
        let text = "ééééé"; // 2 bytes each
        for limit in 0..text.len() {
            let (cut, _) = cut_point(text, limit);
            assert!(text.is_char_boundary(cut) && cut <= limit, "limit {limit} → {cut}");
        }
    }

    #[test]
    fn a_leading_break_is_not_a_cut() {
        // a cut at 0 would annotate nothing: fall through to a later kind of boundary
        check("\n\nabc def", 7, "\n\nabc", Boundary::Word);
    }

    #[test]
    fn split_keeps_the_tail_and_warns() {
        let mut doc = Doc::new("First paragraph.\n\nSecond paragraph.");
        let tail = split_for_annotation(&mut doc, 20);
        assert_eq!(doc.text, "First paragraph.");
        assert_eq!(tail, "\n\nSecond paragraph.");
        assert_eq!(doc.warnings.len(), 1);
        assert_eq!(doc.warnings[0].code, "truncated");
        assert!(doc.warnings[0].message.contains("end of a paragraph"), "{}", doc.warnings[0].message);
        let mut small = Doc::new("fits");
        assert_eq!(split_for_annotation(&mut small, 20), "");
        assert!(small.warnings.is_empty());
    }
}
