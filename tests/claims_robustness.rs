//! Claims: no panic on any string, spans on char boundaries, linear time on long input.
#![cfg(not(target_arch = "wasm32"))] // native-only: proptest and std timing

use lede::{analyze, Options};
use proptest::prelude::*;

fn assert_valid(text: &str) {
    let d = analyze(text, &Options { clean: false });
    for c in &d.claims {
        let spans = c.source.iter().chain(c.cue.iter()).chain(std::iter::once(&c.content)).chain(c.content_segments.iter());
        for s in spans.chain(c.hedges.iter()).chain(c.anonymity.iter()) {
            assert!(s.start <= s.end && d.text.get(s.start..s.end).is_some(), "bad span {s:?} in {text:?}");
        }
        assert!(c.content.start < c.content.end, "empty content in {text:?}");
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "“",
        "”",
        "\"\"\"",
        "'' said ''",
        "“😊,” she said. “🎉”",
        "According to",
        "according to ,",
        "He said: “",
        "” said he",
        "Officials said that",
        "שלום, he said, “مرحبا”",
        "\n\n“A\n\n“B\n\n“C",
        ", warning that",
    ] {
        assert_valid(text);
    }
}

#[test]
fn long_input_stays_fast() {
    let unit = "“We are ready,” he said. Officials said that the talks, which began in May, would resume, though analysts note that “nothing is settled.” ";
    let text = unit.repeat(4000); // ~0.5 MB
    let started = std::time::Instant::now();
    let d = analyze(&text, &Options { clean: false });
    assert!(d.claims.len() >= 8000);
    assert!(started.elapsed().as_secs() < 20, "claims took {:?}", started.elapsed());
    // one unclosed quote and no sentence ends: bounded windows keep this linear
    let text = format!("“{}", "said officials said that he said ".repeat(20000));
    let started = std::time::Instant::now();
    assert_valid(&text);
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}

proptest! {
    #[test]
    fn any_text_gives_valid_spans(text in "[a-zA-Z “”\"',.:;\n😊é—]{0,200}") {
        assert_valid(&text);
    }

    #[test]
    fn any_reporting_text_gives_valid_spans(words in proptest::collection::vec(prop_oneof![
        Just("said"), Just("“"), Just("”"), Just("\""), Just(","), Just("."), Just("he"), Just("Officials"),
        Just("according"), Just("to"), Just("that"), Just("reportedly"), Just(":"), Just("\n\n"), Just("warning"),
        Just("Report"), Just("not"), Just("denied"), Just("the"), Just("talks"), Just("😊"),
    ], 0..60)) {
        assert_valid(&words.join(" "));
    }
}
