//! The seed article (a correctly spaced copy in `tests/articles/seed_iran_talks.txt`, analysed
//! with `Options { clean: false }`): the issues, parties and positions the brief requires.
#![cfg(not(target_arch = "wasm32"))] // native-only: files, timing or proptest

use lede::doc::{Dispute, Doc, Stance};
use lede::{analyze, Options};

fn seed() -> Doc {
    let text = include_str!("articles/seed_iran_talks.txt");
    analyze(text, &Options { clean: false })
}

/// The dispute whose label contains `word`.
fn issue<'a>(doc: &'a Doc, word: &str) -> &'a Dispute {
    doc.disputes
        .iter()
        .find(|d| d.label.to_lowercase().contains(word))
        .unwrap_or_else(|| panic!("no issue labelled with {word:?}; have {:?}", doc.disputes.iter().map(|d| &d.label).collect::<Vec<_>>()))
}

/// (stance, position text) of `party` on `d`.
fn side<'a>(doc: &'a Doc, d: &Dispute, party: &str) -> (Stance, Option<&'a str>) {
    let s = d.sides.iter().find(|s| s.name == party).unwrap_or_else(|| panic!("no side {party} on {:?}", d.label));
    (s.stance, s.position.map(|p| doc.slice(p)))
}

#[test]
fn seed_has_the_required_issues_once_each() {
    let doc = seed();
    for word in ["agenda", "missile", "venue", "bilateral", "proxy", "human rights", "inspection", "enrichment"] {
        let n = doc.disputes.iter().filter(|d| d.label.to_lowercase().contains(word)).count();
        assert_eq!(n, 1, "{word}: {:?}", doc.disputes.iter().map(|d| &d.label).collect::<Vec<_>>());
    }
}

#[test]
fn missile_phrasings_merge_into_one_issue() {
    let doc = seed();
    let d = issue(&doc, "missile");
    let mentions: Vec<&str> = d.mentions.iter().map(|&m| doc.slice(m)).collect();
    for expect in ["ballistic missiles", "ballistic missile arsenal", "missile capabilities", "missile program"] {
        assert!(mentions.iter().any(|m| m.contains(expect)), "{expect} not in {mentions:?}");
    }
    assert!(d.evidence.len() >= 3, "evidence sentences: {}", d.evidence.len());
}

#[test]
fn parties_are_iran_and_the_united_states_with_metonyms_resolved() {
    let doc = seed();
    let iran = doc.entities.iter().position(|e| e.canonical == "Iran").unwrap();
    let us = doc.entities.iter().position(|e| e.canonical == "United States").unwrap();
    for d in &doc.disputes {
        let parties: Vec<Option<usize>> = d.sides.iter().map(|s| s.party).collect();
        assert_eq!(parties, vec![Some(iran), Some(us)], "{}", d.label);
    }
    // `Tehran seeks a venue change`: Tehran speaks for Iran
    let (stance, pos) = side(&doc, issue(&doc, "venue"), "Iran");
    assert_eq!(stance, Stance::For);
    assert!(pos.unwrap().starts_with("Tehran seeks a venue change"), "{pos:?}");
}

#[test]
fn positions_and_stances() {
    let doc = seed();
    let missiles = issue(&doc, "missile");
    assert_eq!(side(&doc, missiles, "Iran"), (Stance::WantsExcluded, Some("rejecting broader issues such as ballistic missiles")));
    assert_eq!(side(&doc, missiles, "United States").0, Stance::WantsIncluded);
    let agenda = issue(&doc, "agenda");
    assert_eq!(side(&doc, agenda, "Iran"), (Stance::Against, Some("Iran’s insistence on narrowing the agenda to its nuclear program")));
    assert_eq!(side(&doc, agenda, "United States").0, Stance::For);
    let format = issue(&doc, "bilateral");
    assert_eq!(format.label, "bilateral vs multilateral");
    assert_eq!(side(&doc, format, "Iran").0, Stance::For);
    assert_eq!(side(&doc, format, "United States"), (Stance::Against, Some("Washington is still attempting to rally support for a broader multilateral engagement")));
    for word in ["proxy", "human rights"] {
        let d = issue(&doc, word);
        assert_eq!(side(&doc, d, "United States").0, Stance::WantsIncluded, "{word}");
        assert_eq!(side(&doc, d, "Iran"), (Stance::NotStated, None), "{word}: Iran states nothing");
    }
}

#[test]
fn disagreement_only_issues_have_no_positions() {
    let doc = seed();
    for word in ["inspection", "enrichment"] {
        let d = issue(&doc, word);
        assert_eq!(d.sides.len(), 2);
        assert!(d.sides.iter().all(|s| s.stance == Stance::NotStated && s.position.is_none() && s.claims.is_empty()), "{word}: {:?}", d.sides);
        let ev = doc.slice(d.evidence[0]);
        assert!(ev.contains("fundamental disagreements over inspection regimes"), "{ev}");
    }
}

#[test]
fn us_allies_are_recorded() {
    let doc = seed();
    let d = issue(&doc, "proxy");
    let us = d.sides.iter().find(|s| s.name == "United States").unwrap();
    let allies: Vec<&str> = us.allies.iter().map(|&a| doc.slice(a)).collect();
    assert_eq!(allies, vec!["select Western allies"]);
}

#[test]
fn supporting_claims_are_linked() {
    let doc = seed();
    // `Iranian leaders argue that their missile program serves as a deterrent`
    let d = issue(&doc, "missile");
    let iran = d.sides.iter().find(|s| s.name == "Iran").unwrap();
    let sources: Vec<&str> = iran.claims.iter().filter_map(|&c| doc.claims[c].source.map(|s| doc.slice(s))).collect();
    assert!(sources.contains(&"Iranian leaders"), "{sources:?}");
    // `Diplomatic sources indicate that Washington is still attempting to rally support for …`
    let f = issue(&doc, "bilateral");
    let us = f.sides.iter().find(|s| s.name == "United States").unwrap();
    assert!(!us.claims.is_empty());
}

#[test]
fn wire_carries_disputes_with_utf16_spans() {
    let doc = seed();
    let wire = serde_json::to_value(lede::wire::to_wire(&doc)).unwrap();
    let disputes = wire["disputes"].as_array().unwrap();
    assert_eq!(disputes.len(), doc.disputes.len());
    let side = &disputes[0]["sides"][0];
    for field in ["party", "name", "position", "stance", "claims"] {
        assert!(side.get(field).is_some(), "side lacks {field}");
    }
}
