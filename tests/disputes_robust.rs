//! The disputes stage must never fire without contention language, never panic, and stay
//! linear on long input.
#![cfg(not(target_arch = "wasm32"))] // native-only: files, timing or proptest

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
        "Washington rejects Tehran.",
        "The protesters denounced Russia and China.",
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
        ("The dispute between Japan and China over fishing rights deepened.", "fishing rights", "not_stated"),
        ("Pakistan is at odds with India over water sharing.", "water sharing", "not_stated"),
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

/// `X versus Y`: one issue; a party for Y is against the first option.
#[test]
fn versus_makes_one_issue_of_two_options() {
    let doc = analyze("The vote pits public transit versus road building. The mayor pushed for road building. The council backs public transit.", &Options { clean: false });
    assert_eq!(doc.disputes.len(), 1, "{:?}", doc.disputes);
    let d = &doc.disputes[0];
    assert_eq!(d.label, "public transit vs road building");
    let stances: Vec<(&str, &str)> = d.sides.iter().map(|s| (s.name.as_str(), s.stance.as_str())).collect();
    assert_eq!(stances, vec![("mayor", "against"), ("council", "for")]);
}

/// Parties named in a disagreement clause are that issue's sides, not every issue's.
#[test]
fn clause_parties_stay_with_their_issue() {
    let doc = analyze("Germany and France are at odds over farm subsidies. The dispute between Japan and China over fishing rights deepened.", &Options { clean: false });
    let sides: Vec<Vec<&str>> = doc.disputes.iter().map(|d| d.sides.iter().map(|s| s.name.as_str()).collect()).collect();
    assert_eq!(sides, vec![vec!["Germany", "France"], vec!["Japan", "China"]]);
}

/// Regression: a cue inside `confirmed that X refuses` must not take the main clause's subject
/// (`A senior official`) when X cannot be read (run-together words in a raw paste).
#[test]
fn subordinate_cue_does_not_borrow_the_main_subject() {
    let doc = analyze("A senior official, speaking anonymously, confirmed that Irancategorically refuses to make concessions on its missile arsenal.", &Options { clean: false });
    for d in &doc.disputes {
        assert!(d.sides.iter().all(|s| !s.name.contains("official")), "{:?}", d.sides);
    }
}

/// Regressions from the blind articles: adverb + participle inside a phrase, a bare country name
/// is not a short form of a headline run, `that would limit` is not an inclusion clause, and an
/// `-ly` word after a comma does not continue a list.
#[test]
fn blind_article_regressions() {
    let doc = analyze("Egypt and Ethiopia met. Egypt insists on a legally binding agreement. Ethiopia rejects any binding deal that would limit its use of the river.", &Options { clean: false });
    let labels: Vec<&str> = doc.disputes.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(labels, vec!["legally binding agreement"], "{labels:?}");
    let names: Vec<&str> = doc.disputes[0].sides.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Egypt", "Ethiopia"]);
    let doc = analyze("Washington pushed for a multilateral engagement, potentially involving Arab and Muslim states.", &Options { clean: false });
    let pos = doc.disputes[0].sides[0].position.map(|p| doc.slice(p));
    assert_eq!(pos, Some("Washington pushed for a multilateral engagement"));
}

proptest::proptest! {
    /// Any text built from cue words, names, punctuation and odd characters: no panic, and every
    /// span the stage returns lies on char boundaries inside the text.
    #[test]
    fn spans_are_valid_on_any_text(parts in proptest::collection::vec(proptest::sample::select(vec![
        "Iran", "Tehran", "the United States", "rejects", "pushed for", "refuses to", "dispute over", "versus",
        "such as", "red line", "as a", ",", ".", "and", "’s", "😊", "é", "-", "  ", "\n\n", "the", "missile",
        "agenda", "of", "that", "which", "backed by", "9", "percent", "at odds with", "over",
    ]), 0..60)) {
        let text = parts.join(" ");
        let doc = analyze(&text, &Options { clean: false });
        for d in &doc.disputes {
            for span in d.mentions.iter().chain(d.evidence.iter()).chain(d.sides.iter().filter_map(|s| s.position.as_ref())) {
                proptest::prop_assert!(span.end <= doc.text.len() && doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
            }
        }
    }
}

/// Regression: `classes` lemmatises to `class`, and `the union's proposal to cap classes` files
/// under the class-size issue.
#[test]
fn plural_es_and_lowercase_possessor() {
    let doc = analyze("The union is demanding smaller class sizes. The district has rejected the union's proposal to cap classes at 28.", &Options { clean: false });
    assert_eq!(doc.disputes.len(), 1, "{:?}", doc.disputes.iter().map(|d| &d.label).collect::<Vec<_>>());
    let stances: Vec<&str> = doc.disputes[0].sides.iter().map(|s| s.stance.as_str()).collect();
    assert_eq!(stances, vec!["for", "against"]);
}
