//! The disputes stage must never fire without contention language, never panic, and stay
//! linear on long input.

use lede::{analyze, Options};

fn labels(text: &str) -> Vec<String> {
    analyze(text, &Options { clean: false }).disputes.iter().map(|d| d.label.clone()).collect()
}

/// Must-not-fire: ordinary sentences, weak cues alone, ally markers, cues with no object.
#[test]
fn must_not_fire() {
    for text in [
        "The council approved the budget on Monday.",
        "She is seeking a second term and supports the new library.",
        "The plan was backed by the mayor.",
        "The minister rejected it.",
        "The union has resisted on cost grounds.",
        "Officials demand that the talks continue.",
        "Investors sought safety in bonds as markets fell.",
        "The point is that nobody knows.",
        "",
        "   ",
        "refuses to",
        "dispute over",
        "Iran rejects",
    ] {
        assert!(labels(text).is_empty(), "{text:?} gave {:?}", labels(text));
    }
}

/// Must-fire: each kind of cue, one line each. (text, label, first side's stance)
#[test]
fn must_fire() {
    let cases: &[(&str, &str, &str)] = &[
        ("Germany and France are at odds over farm subsidies.", "farm subsidies", "not_stated"),
        ("The union rejected the proposed pension reform.", "pension reform", "against"),
        ("China has demanded an end to export controls.", "export controls", "against"),
        ("Pakistan pushed for a ceasefire.", "ceasefire", "for"),
        ("Russia refuses to accept the sanctions.", "sanctions", "against"),
        ("The ministry opposes any limits on drilling.", "drilling", "for"),
    ];
    for &(text, label, stance) in cases {
        let doc = analyze(text, &Options { clean: false });
        let d = doc.disputes.iter().find(|d| d.label == label).unwrap_or_else(|| panic!("{text}: {:?}", doc.disputes));
        let got = d.sides.first().map(|s| s.stance.as_str()).unwrap_or("(none)");
        assert_eq!(got, stance, "{text}");
    }
}

#[test]
fn never_panics_on_odd_text() {
    for text in [
        "’s ’s ’s rejecting , , such as",
        "dispute over 😊, 😊 and 😊",
        "Iran rejects the - - - of of of",
        "אירן rejects שלום and متحدة",
        "pushed for\n\n\nthe",
        "X, which have emerged as a core point of contention",
        "describing as a red line",
        "is a red line",
        "9 percent claim rejected the 9 percent claim",
    ] {
        let _ = analyze(text, &Options { clean: false });
        let _ = analyze(text, &Options::default());
    }
}

#[test]
fn long_input_stays_fast() {
    // one huge paragraph with no sentence breaks and cues everywhere, and many short sentences
    let unit = "Tehran rejects limits on enrichment, while Washington pushed for inspections and both are at odds over sanctions relief, ";
    let long_sentence = unit.repeat(4000);
    let many = "Iran rejected the missile talks. The United States pushed for broader talks. ".repeat(4000);
    for text in [long_sentence, many] {
        let start = std::time::Instant::now();
        let doc = analyze(&text, &Options { clean: false });
        let took = start.elapsed();
        assert!(!doc.disputes.is_empty());
        assert!(took.as_secs() < 20, "took {took:?} on {} bytes", text.len());
    }
}

/// The disputes stage alone grows linearly: 4× the text must cost well under 16× the time.
#[test]
fn disputes_stage_is_linear() {
    let unit = "Tehran rejects limits on enrichment, while Washington pushed for inspections and both are at odds over sanctions relief. ";
    let time = |n: usize| {
        let mut doc = analyze(&unit.repeat(n), &Options { clean: false });
        let start = std::time::Instant::now();
        lede::disputes::disputes(&mut doc);
        (start.elapsed().as_secs_f64(), doc.disputes.len())
    };
    let (small, _) = time(1000);
    let (large, found) = time(4000);
    println!("disputes stage: {small:.3}s for 1000 units, {large:.3}s for 4000");
    assert!(found > 0);
    assert!(large < small * 10.0 + 0.05, "not linear: {small:.3}s → {large:.3}s");
}
