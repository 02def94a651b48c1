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

/// A seed-like article, written for lede with correct spacing.
const SEED_LIKE: &str = "Iran May Not Allow Other Countries Officials to Join Iran US Nuclear Talks in Oman: Report

ISLAMABAD: The upcoming Iran‑United States nuclear negotiations scheduled in Oman this Friday have drawn attention as Tehran seeks a venue change, amid anxiety among Western and Gulf nations across the Middle East.

Iran’s insistence forced a shift from Turkey to Muscat, Oman. The Iranian stance reflects Tehran’s aims amid confrontations with Israel and US forces, after strikes in the past year.

Conversely, the United States has pushed for a broader agenda near the Strait of Hormuz.

Diplomatic sources say Washington wants regional Arab and Muslim states to join the Oman discussions.

US President Donald Trump has signaled pressure on Iran. While the White House has not confirmed details, reports suggest that high‑level envoys may be involved. Trump said protests in recent months strained Tehran’s establishment.

Talks in Oman, mediated by Omani officials, offered incremental steps.";

#[test]
fn seed_like_article_has_exact_mentions() {
    let got = mentions(SEED_LIKE);
    let expect: &[(&str, &str)] = &[
        ("Iran", "GPE"),
        ("Iran", "GPE"),
        ("US", "GPE"),
        ("Oman", "GPE"),
        ("ISLAMABAD", "GPE"),
        ("Iran", "GPE"),
        ("United States", "GPE"),
        ("Oman", "GPE"),
        ("this Friday", "DATE"),
        ("Tehran", "GPE"),
        ("Western", "NORP"),
        ("Gulf", "LOC"),
        ("the Middle East", "LOC"),
        ("Iran", "GPE"),
        ("Turkey", "GPE"),
        ("Muscat", "GPE"),
        ("Oman", "GPE"),
        ("Iranian", "NORP"),
        ("Tehran", "GPE"),
        ("Israel", "GPE"),
        ("US", "GPE"),
        ("the past year", "DATE"),
        ("the United States", "GPE"),
        ("the Strait of Hormuz", "LOC"),
        ("Washington", "GPE"),
        ("Arab", "NORP"),
        ("Muslim", "NORP"),
        ("Oman", "GPE"),
        ("US", "GPE"),
        ("Donald Trump", "PERSON"),
        ("Iran", "GPE"),
        ("the White House", "ORG"),
        ("Trump", "PERSON"),
        ("recent months", "DATE"),
        ("Tehran", "GPE"),
        ("Oman", "GPE"),
        ("Omani", "NORP"),
    ];
    let got_pairs: Vec<(&str, &str)> = got.iter().map(|(s, l)| (s.as_str(), *l)).collect();
    assert_eq!(got_pairs, expect);
}

#[test]
fn seed_like_grouping_and_metonyms() {
    let d = analyze(SEED_LIKE, &Options { clean: false });
    let entity = |name: &str| d.entities.iter().position(|e| e.canonical == name).unwrap_or_else(|| panic!("no entity {name}"));
    let us = entity("United States");
    assert!(d.entities[us].aliases.contains(&"US".to_string()));
    assert_eq!(d.entities[entity("Washington")].metonym_of, Some(us));
    assert_eq!(d.entities[entity("Tehran")].metonym_of, Some(entity("Iran")));
    assert_eq!(d.entities[entity("White House")].metonym_of, Some(us));
    let trump = &d.entities[entity("Donald Trump")];
    assert_eq!(trump.mentions.len(), 2);
    // a dateline and an address name the place, not its government
    let islamabad = d.mentions.iter().find(|m| d.slice(m.span) == "ISLAMABAD").unwrap();
    assert_eq!(islamabad.role, None);
    assert_eq!(d.entities[entity("Muscat")].metonym_of, None);
    // Iran is the most salient entity
    let top = d.entities.iter().enumerate().max_by(|a, b| a.1.salience.total_cmp(&b.1.salience)).unwrap().0;
    assert!(top == entity("Iran") || top == us, "top entity {}", d.entities[top].canonical);
}

#[test]
fn must_not_fire() {
    for text in [
        "High-level envoys may be involved.",
        "Iran May Not Allow Other Countries Officials to Join Talks",
        "The talks may resume. Officials said so.",
        "He said it would happen in May or June.",
        "Analysts Say Markets Fall",
    ] {
        let got: Vec<(String, &str)> = mentions(text).into_iter().filter(|(_, l)| !matches!(*l, "DATE" | "GPE")).collect();
        assert!(got.is_empty(), "spurious mentions in {text:?}: {got:?}");
    }
}

#[test]
fn rules_for_unknown_names() {
    check("Foreign Minister Abbas Araghchi arrived.", &[("Abbas Araghchi", "PERSON")]);
    check("They met Mr. Zorblatt yesterday.", &[("Zorblatt", "PERSON"), ("yesterday", "DATE")]);
    check("Shares of Quexo Corp. rose.", &[("Quexo Corp.", "ORG")]);
    check("He visited the Ministry of Petroleum.", &[("the Ministry of Petroleum", "ORG")]);
    check("A Zanbar-based group spoke.", &[("Zanbar", "GPE")]);
    // `X said` alone does not make a person (companies say things too)
    check("Kolvaster said the plan works.", &[]);
    check("Fighting spread to the town of Qarbil. Later Qarbil fell.", &[("Qarbil", "GPE"), ("Qarbil", "GPE")]);
    check("Maria Kolvaster spoke. Later Kolvaster left.", &[("Maria Kolvaster", "PERSON"), ("Kolvaster", "PERSON")]);
    check("Officials from Johnson & Johnson spoke.", &[("Johnson & Johnson", "ORG")]);
}

#[test]
fn numbers_dates_and_money() {
    check("Sales rose 5% to $3 billion on Jan. 5, 2024.", &[("5%", "PERCENT"), ("$3 billion", "MONEY"), ("Jan. 5, 2024", "DATE")]);
    check("It took two years and 30 minutes.", &[("two years", "DATE"), ("30 minutes", "TIME")]);
    check("More than 200 people came last week.", &[("More than 200", "CARDINAL"), ("last week", "DATE")]);
    check("The 31-year-old left in the 1990s.", &[("31-year-old", "DATE"), ("the 1990s", "DATE")]);
    check("One of them came first.", &[("first", "ORDINAL")]);
}

#[test]
fn all_caps_headline_uses_lexicon_and_article_names() {
    check(
        "SOCCER - QUIMBLE SCORES AS JAPAN WIN\nStriker Tomas Quimble scored for Japan.",
        &[("QUIMBLE", "PERSON"), ("JAPAN", "GPE"), ("Tomas Quimble", "PERSON"), ("Japan", "GPE")],
    );
}

#[test]
fn acronym_groups_with_full_name() {
    let d = analyze("The Global Fishery Council (GFC) met. The GFC said no.", &Options { clean: false });
    let gfc: Vec<Option<usize>> = d.mentions.iter().filter(|m| d.slice(m.span).contains("GFC") || d.slice(m.span).contains("Council")).map(|m| m.entity).collect();
    assert!(gfc.len() >= 2 && gfc.iter().all(|e| *e == gfc[0]), "{gfc:?}");
}

#[test]
fn never_panics_on_odd_text() {
    for text in ["", " ", "’s", "$", "US$", "-", "A.", "Mr.", "ÉTAT 😊 Iran‑", "1,000,000,000,000", "May", "the the the"] {
        let _ = analyze(text, &Options { clean: false });
    }
}

/// Stage timings on a large mixed text (run with `--ignored --nocapture` in an optimised profile).
#[test]
#[ignore]
fn stage_timings() {
    let text = std::fs::read_to_string(std::env::var("LEDE_TIMING_FILE").unwrap_or_default()).unwrap_or_default();
    let mut doc = crate::doc::Doc::new(&text);
    for &(name, stage) in crate::pipeline::STAGES {
        let t = std::time::Instant::now();
        stage(&mut doc);
        eprintln!("{name}: {:?}", t.elapsed());
    }
}

#[test]
fn dates_keep_their_quantifiers_and_days_their_parts_apart() {
    check("It took several weeks, a few months ago.", &[("several weeks", "DATE"), ("a few months ago", "DATE")]);
    check("They met Friday afternoon on August 31st.", &[("Friday", "DATE"), ("afternoon", "TIME"), ("August 31st", "DATE")]);
    check("By evening the talks ended.", &[("evening", "TIME")]);
}

/// Regression: a capitalized word seen once is not guessed to be an organization.
#[test]
fn one_off_capitalized_word_is_not_a_name() {
    check("The report praised Excellence in teaching.", &[]);
    check("Zentrix shares rose. Analysts like Zentrix and Quorbel.", &[("Zentrix", "ORG")]);
}

/// Regression: `and` between two complete names splits them.
#[test]
fn names_joined_by_and_stay_apart() {
    check("He met the World Bank and International Monetary Fund.", &[("the World Bank", "ORG"), ("International Monetary Fund", "ORG")]);
}

/// Regression: a legal suffix ends a company name; the place after `of` is its own mention.
#[test]
fn company_of_place_splits_at_the_suffix() {
    check("Shares of Quexo Corp. of New York rose.", &[("Quexo Corp.", "ORG"), ("New York", "GPE")]);
    check("Ten U.S. sailors are missing.", &[("Ten", "CARDINAL"), ("U.S.", "GPE")]);
}

#[test]
fn unknown_places_by_their_form() {
    check("Flooding hit Fort Quimby and Zorbville.", &[("Fort Quimby", "GPE"), ("Zorbville", "GPE")]);
    check("Shelling hit Gaza City.", &[("Gaza City", "GPE")]);
}

#[test]
fn surnames_and_titles_group_with_the_full_name() {
    let d = analyze("Maria Kolvaster spoke on Monday. Later Kolvaster left, and Ms. Kolvaster returned.", &Options { clean: false });
    let people: Vec<Option<usize>> = d.mentions.iter().filter(|m| m.label == "PERSON").map(|m| m.entity).collect();
    assert_eq!(people.len(), 3, "{:?}", d.mentions);
    assert!(people.iter().all(|e| *e == people[0]));
    let e = &d.entities[people[0].unwrap()];
    assert_eq!(e.canonical, "Maria Kolvaster");
    assert_eq!(e.aliases, vec!["Kolvaster".to_string()]);
}

#[test]
fn party_letter_after_a_legislator_is_norp() {
    check("Rep. Jane Quillby (D., Ohio) objected.", &[("Jane Quillby", "PERSON"), ("D.", "NORP"), ("Ohio", "GPE")]);
    check("Sen. Tom Varrow (R-Texas) agreed.", &[("Tom Varrow", "PERSON"), ("R", "NORP"), ("Texas", "GPE")]);
    // a letter in brackets without a following comma or hyphen is no party
    check("See part (D) below.", &[]);
}

#[test]
fn corporate_context_makes_a_guessed_person_an_org() {
    check(
        "Shares of Varnel Quisp fell. Varnel Quisp said profit dropped.",
        &[("Varnel Quisp", "ORG"), ("Varnel Quisp", "ORG")],
    );
    check("Varnel Quisp shares fell.", &[("Varnel Quisp", "ORG")]);
    // no cue: stays a person
    check("Varnel Quisp said profit dropped.", &[("Varnel Quisp", "PERSON")]);
}

#[test]
fn article_stays_with_the_noun_a_name_modifies() {
    check("He works at the New York office.", &[("New York", "GPE")]);
    check("He met the Supreme Court staff. The Supreme Court has ruled.", &[("Supreme Court", "ORG"), ("The Supreme Court", "ORG")]);
    check("They left the United States yesterday.", &[("the United States", "GPE"), ("yesterday", "DATE")]);
}

#[test]
fn wall_street_as_the_market_is_not_a_place() {
    check("Stocks fell on Wall Street.", &[]);
}

#[test]
fn well_known_companies_and_universities() {
    check("Motorola hired a Yale graduate.", &[("Motorola", "ORG"), ("Yale", "ORG")]);
}

#[test]
fn numbered_parts_of_laws() {
    check("Under Article II of the Constitution, he may act.", &[("Article II of the Constitution", "LAW")]);
    check("The firm filed under Chapter 11 last week.", &[("Chapter 11", "LAW"), ("last week", "DATE")]);
    // a chapter of a book numbered in words is no law
    assert!(mentions("Chapter One begins slowly.").iter().all(|(_, l)| *l != "LAW"));
}

#[test]
fn initial_before_a_given_name_and_whole_gazetteer_names() {
    check("The firm hired E. Robert Quillan.", &[("E. Robert Quillan", "PERSON")]);
    check("He called the Securities and Exchange Commission.", &[("the Securities and Exchange Commission", "ORG")]);
    check("She reads the Zorbia Inquirer.", &[("the Zorbia Inquirer", "ORG")]);
}

#[test]
fn organization_then_unknown_name_stay_apart() {
    check("Arab League chief Amr Zoussa spoke. Later the Arab League Amr Zoussa left.", &[
        ("Arab League", "ORG"),
        ("Amr Zoussa", "PERSON"),
        ("the Arab League", "ORG"),
        ("Amr Zoussa", "PERSON"),
    ]);
}

#[test]
fn dates_in_pieces_are_one_date() {
    check("Sales rose from the same period last year.", &[("the same period last year", "DATE")]);
    check("Profit fell in the first nine months of the year.", &[("the first nine months of the year", "DATE")]);
    check("It closes at the end of July.", &[("the end of July", "DATE")]);
    check("He served from 1953 to 1955.", &[("1953 to 1955", "DATE")]);
}

#[test]
fn facilities_and_events_by_their_last_word() {
    check("Flights left Los Angeles International Airport.", &[("Los Angeles International Airport", "FAC")]);
    check("Hurricane Zelda hit the coast.", &[("Hurricane Zelda", "EVENT")]);
    check("Stocks fell on Black Monday.", &[("Black Monday", "EVENT")]);
}

#[test]
fn us_institution_is_one_org() {
    check("The U.S. Supreme Court ruled.", &[("The U.S. Supreme Court", "ORG")]);
    check("U.S. officials met the Treasury.", &[("U.S.", "GPE"), ("Treasury", "ORG")]);
}

#[test]
fn a_town_before_its_state_is_a_place() {
    check("The mill at Quarnton, Pa., closed.", &[("Quarnton", "GPE"), ("Pa.", "GPE")]);
}

#[test]
fn demonym_as_a_language() {
    check("The note was written in French.", &[("French", "LANGUAGE")]);
    check("She speaks Arabic and English fluently.", &[("Arabic", "LANGUAGE"), ("English", "LANGUAGE")]);
    check("Prices rose in French cities.", &[("French", "NORP")]);
}

#[test]
fn cabinet_departments_and_provinces() {
    check("Secretary of State Jane Quillby arrived.", &[("State", "ORG"), ("Jane Quillby", "PERSON")]);
    check("Floods hit Jiangsu province.", &[("Jiangsu province", "GPE")]);
}

#[cfg(not(target_arch = "wasm32"))]
/// The overlap resolution of `resolve_overlaps` before its taken-bytes bitmap: a map of the kept
/// spans by start, each candidate checked against the kept span starting before its end.
fn resolve_overlaps_by_map(mut cands: Vec<super::Candidate>) -> Vec<super::Candidate> {
    cands.retain(|c| !c.span.is_empty());
    crate::sort::sort_by_key(&mut cands, |c| (std::cmp::Reverse(c.span.len()), c.span.start));
    let mut kept = std::collections::BTreeMap::new();
    for c in cands {
        let before: Option<crate::doc::Span> = kept.range(..c.span.end).next_back().map(|(_, k): (_, &super::Candidate)| k.span);
        if !before.is_some_and(|s| s.overlaps(c.span)) {
            kept.insert(c.span.start, c);
        }
    }
    kept.into_values().collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn spans_of(cands: &[super::Candidate]) -> Vec<(usize, usize, &'static str)> {
    cands.iter().map(|c| (c.span.start, c.span.end, c.rule)).collect()
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// Regression (the bitmap that replaced the map): the same mentions kept, in the same
    /// order, for any candidates, including empty, nested, touching and equal spans and spans
    /// across 64-byte words.
    #[test]
    fn overlaps_resolve_as_by_the_map(raw in proptest::collection::vec((0usize..5, 0usize..5, 0usize..70, 0usize..4), 0..60)) {
        const RULES: [&str; 4] = ["a", "b", "c", "d"];
        let cands: Vec<super::Candidate> = raw
            .iter()
            // (starts near the 64-byte words' edges, where the bitmap's masks change)
            .map(|&(word, near, len, r)| ((64 * word + near).saturating_sub(2), len, r))
            .map(|(start, len, r)| super::Candidate {
                span: crate::doc::Span::new(start, start + len),
                toks: 0..0,
                label: "ORG",
                canonical: super::Canonical::Lexicon(""),
                rule: RULES[r],
                metonym_of: None,
            })
            .collect();
        let by_map = resolve_overlaps_by_map(cands.clone());
        let by_bits = super::resolve_overlaps(cands);
        proptest::prop_assert_eq!(spans_of(&by_bits), spans_of(&by_map));
    }
}

#[test]
fn a_name_inside_a_lower_case_gazetteer_phrase_is_found() {
    // regression: `northern Europe` and `north Korea` matched the folded gazetteer (`Northern
    // Europe`, `North Korea`), were rejected for their case, and hid the name inside them
    check("Jets flew over northern Europe.", &[("Europe", "LOC")]);
    check("Troops massed in north Korea.", &[("Korea", "GPE")]);
}

#[test]
fn month_and_weekday_names_start_no_name_in_any_case() {
    check(
        "On Monday Senator Smith met Anna Marchetti; the FRIDAY talks end in March.",
        &[("Monday", "DATE"), ("Smith", "PERSON"), ("Anna Marchetti", "PERSON"), ("FRIDAY", "DATE"), ("March", "DATE")],
    );
}

/// Regression: `August` in `when August Wilson spoke` was a DATE and the person was lost. A
/// month that is a common first name, before a capitalized word and after no word of a date,
/// starts the name; after `in`, `the`, `since` … it stays a date.
#[test]
fn regression_a_month_that_is_a_first_name_starts_a_person() {
    check("Talks began Jan. 5 when August Wilson spoke.", &[("Jan. 5", "DATE"), ("August Wilson", "PERSON")]);
    check("Reporters waited as April Ryan asked.", &[("April Ryan", "PERSON")]);
    check("They met in August Wilson said, and the August Fed meeting ended in May.", &[("August", "DATE"), ("August", "DATE"), ("Fed", "ORG"), ("May", "DATE")]);
}
