//! Sentence splitter over the token layer.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) when the
//! next token starts a new sentence (capital letter, digit or opening quote), and always at a
//! line break. Abbreviations never end a sentence because the tokenizer keeps their period
//! inside the word token (`Mr.`). Paragraphs are separated by blank lines.

use crate::doc::{Doc, Sentence, Span, TokenKind};

pub fn split_sentences(doc: &mut Doc) {
    doc.sentences = sentences_of(&doc.text, &doc.tokens);
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn starts_sentence(s: &str) -> bool {
    let c = s.chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '«')
}

/// Words that start a sentence and almost never follow an abbreviation inside one.
const STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "At", "This",
    "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "If", "When", "While", "After",
    "Before", "As", "So", "Yet", "However", "Meanwhile", "Officials", "Analysts",
];

/// A word with its own final period (`U.S.`, `Inc.`, `etc.`) ends the sentence when a typical
/// sentence starter follows (`… in the U.S. The next day …`). Titles (`Mr.`, `Gen.`) and month
/// abbreviations (`Jan.`) never do: a name or a number follows them.
fn ends_after_abbreviation(word: &str, next: Option<&str>) -> bool {
    let Some(next) = next else { return false };
    if !word.ends_with('.') || word.len() < 2 || !STARTERS.contains(&next) {
        return false;
    }
    let dotted = word[..word.len() - 1].contains('.');
    dotted || matches!(word, "Inc." | "Corp." | "Co." | "Ltd." | "Jr." | "Sr." | "etc." | "Bros." | "Cos.")
}

pub fn sentences_of(text: &str, tokens: &[crate::doc::Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0usize;
    let mut paragraph = 0usize;
    let mut i = 0usize;
    let push = |out: &mut Vec<Sentence>, from: usize, to: usize, paragraph: usize| {
        if from < to {
            out.push(Sentence {
                span: Span::new(tokens[from].span.start, tokens[to - 1].span.end),
                tokens: from..to,
                paragraph,
            });
        }
    };
    while i < tokens.len() {
        let tok = tokens[i];
        let mut end_here = false;
        let s = tok.span.slice(text);
        if ends_after_abbreviation(s, tokens.get(i + 1).map(|t| t.span.slice(text))) {
            end_here = true;
        } else if tok.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "..." | "…") {
            // absorb closing quotes/brackets
            while i + 1 < tokens.len()
                && is_closer(tokens[i + 1].span.slice(text))
                && tokens[i + 1].span.start == tokens[i].span.end
            {
                i += 1;
            }
            end_here = match tokens.get(i + 1) {
                None => true,
                Some(next) => starts_sentence(next.span.slice(text)),
            };
        }
        let gap = tokens.get(i + 1).map(|next| &text[tokens[i].span.end..next.span.start]).unwrap_or("");
        // (a byte count: most gaps are a space or nothing, too short for a searcher's set-up)
        let newlines = gap.bytes().filter(|&b| b == b'\n').count();
        if end_here || newlines > 0 {
            push(&mut out, first, i + 1, paragraph);
            first = i + 1;
            if newlines >= 2 {
                paragraph += 1;
            }
        }
        i += 1;
    }
    push(&mut out, first, tokens.len(), paragraph);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokens_of;

    fn check(input: &str, expect: &[&str]) {
        let toks = tokens_of(input);
        let got: Vec<&str> = sentences_of(input, &toks).iter().map(|s| s.span.slice(input)).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn splits_on_terminal_punctuation_and_lines() {
        check("Mr. Smith went. He left!", &["Mr. Smith went.", "He left!"]);
        check("\"Go.\" She went.", &["\"Go.\"", "She went."]);
        check("Headline here\n\nBody text. More", &["Headline here", "Body text.", "More"]);
        check("The U.S. economy grew 3.5 percent.", &["The U.S. economy grew 3.5 percent."]);
        check("", &[]);
    }

    #[test]
    fn abbreviations_quotes_and_datelines() {
        check("Gen. Smith met Mr. Jones on Jan. 5 in the U.S. capital.", &["Gen. Smith met Mr. Jones on Jan. 5 in the U.S. capital."]);
        check("Troops stayed in the U.S. The talks resumed.", &["Troops stayed in the U.S.", "The talks resumed."]);
        check("He works at Acme Inc. She works at home.", &["He works at Acme Inc.", "She works at home."]);
        check("“We are ready,” he said. “Are they?” She asked.", &["“We are ready,” he said.", "“Are they?”", "She asked."]);
        check("ISLAMABAD: The talks in Oman begin Friday. Iran agreed.", &["ISLAMABAD: The talks in Oman begin Friday.", "Iran agreed."]);
        check("Iran May Not Allow Talks in Oman: Report\n\nISLAMABAD: Talks begin.", &["Iran May Not Allow Talks in Oman: Report", "ISLAMABAD: Talks begin."]);
        check("George W. Bush spoke.", &["George W. Bush spoke."]);
    }

    #[test]
    fn counts_paragraphs() {
        let input = "One. Two.\n\nThree.";
        let toks = tokens_of(input);
        let p: Vec<usize> = sentences_of(input, &toks).iter().map(|s| s.paragraph).collect();
        assert_eq!(p, vec![0, 0, 1]);
    }
}
