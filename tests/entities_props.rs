//! Property tests for the tokenizer, sentence splitter and entity stage: any text, no panic,
//! and every layer's spans are valid, ordered and consistent.
#![cfg(not(target_arch = "wasm32"))] // native-only: files, timing or proptest

use lede::{analyze, Options};
use proptest::prelude::*;

fn check_layers(text: &str) {
    let d = analyze(text, &Options { clean: false });
    let t = &d.text;
    let mut last_end = 0;
    for tok in &d.tokens {
        assert!(tok.span.start < tok.span.end && tok.span.end <= t.len());
        assert!(t.is_char_boundary(tok.span.start) && t.is_char_boundary(tok.span.end));
        assert!(tok.span.start >= last_end, "tokens overlap");
        last_end = tok.span.end;
    }
    for s in &d.sentences {
        assert!(s.tokens.start < s.tokens.end && s.tokens.end <= d.tokens.len());
    }
    let mut last_end = 0;
    for (i, m) in d.mentions.iter().enumerate() {
        assert!(m.span.start < m.span.end && m.span.end <= t.len());
        assert!(t.is_char_boundary(m.span.start) && t.is_char_boundary(m.span.end));
        assert!(m.span.start >= last_end, "mentions overlap or are out of order");
        last_end = m.span.end;
        let e = m.entity.expect("every mention belongs to an entity");
        assert!(d.entities[e].mentions.contains(&i));
        assert!(!m.rule.is_empty());
    }
    for e in &d.entities {
        assert!(!e.mentions.is_empty());
        assert!((0.0..=1.0).contains(&e.salience));
        if let Some(target) = e.metonym_of {
            assert!(target < d.entities.len());
        }
    }
    assert!(d.warnings.iter().all(|w| w.code != "internal_error"), "a stage panicked: {:?}", d.warnings);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_gives_valid_layers(text in "\\PC{0,200}") {
        check_layers(&text);
    }

    #[test]
    fn news_like_text_gives_valid_layers(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Iran"), Just("U.S."), Just("Mr."), Just("President"), Just("Donald"), Just("Trump"),
                Just("’s"), Just("-"), Just("‑"), Just("said"), Just("the"), Just("of"), Just("and"), Just("Corp."),
                Just("$"), Just("5"), Just("%"), Just("million"), Just("last"), Just("year"), Just("May"),
                Just("Friday"), Just("."), Just("\n"), Just("ISLAMABAD:"), Just("Tehran"), Just("IAEA"), Just("😊"),
                Just("Ministry"), Just("Zorb"), Just("&"), Just("\""), Just("“"), Just("A."), Just("one"),
            ],
            0..60,
        )
    ) {
        check_layers(&words.join(" "));
    }
}
