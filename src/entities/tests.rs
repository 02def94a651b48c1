//! Entity tests on sentences written for lede (never copied from evaluation data).

use crate::pipeline::{analyze, Options};

fn mentions(text: &str) -> Vec<(String, &'static str)> {
    let d = analyze(text, &Options { clean: false });
    d.mentions.iter().map(|m| (d.slice(m.span).to_string(), m.label)).collect()
}

/// `expect` lists (text, label) pairs that must all be found, in order among the mentions.
fn check(text: &str, expect: &[(&str, &str)]) {
    let got = mentions(text);
    let got_pairs: Vec<(&str, &str)> = got.iter().map(|(s, l)| (s.as_str(), *l)).collect();
    assert_eq!(got_pairs, expect, "mentions of {text:?}");
}

#[test]
fn finds_gazetteer_and_titled_names() {
    check(
        "US President Donald Trump met Iranian envoys in Muscat, Oman.",
        &[("US", "GPE"), ("Donald Trump", "PERSON"), ("Iranian", "NORP"), ("Muscat", "GPE"), ("Oman", "GPE")],
    );
}

#[test]
fn possessive_and_hyphen_split() {
    check("Iran’s talks resumed.", &[("Iran", "GPE")]);
    check("The Iran-United States talks resumed.", &[("Iran", "GPE"), ("United States", "GPE")]);
    check("The Iran‑United States talks resumed.", &[("Iran", "GPE"), ("United States", "GPE")]);
}

#[test]
fn metonyms_point_to_their_country() {
    let d = analyze("Iran said no. Tehran insists on talks in Tehran.", &Options { clean: false });
    let tehran = d.entities.iter().find(|e| e.canonical == "Tehran").unwrap();
    let iran = d.entities.iter().position(|e| e.canonical == "Iran").unwrap();
    assert_eq!(tehran.metonym_of, Some(iran));
    let roles: Vec<Option<&str>> = d.mentions.iter().filter(|m| d.slice(m.span) == "Tehran").map(|m| m.role).collect();
    assert_eq!(roles, vec![Some("metonym"), None]);
}
