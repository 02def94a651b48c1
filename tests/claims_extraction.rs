//! Claims: data-driven checks on sentences written for these tests (modelled on news prose,
//! no corpus text). Each row: input, then the expected (source, cue, content) triples.
#![cfg(not(target_arch = "wasm32"))] // native-only: proptest and std timing

use lede::doc::SourceKind;
use lede::{analyze, Options};

#[derive(Debug, Clone, PartialEq)]
struct Row {
    source: Option<String>,
    cue: Option<String>,
    content: String,
    kind: &'static str,
    source_kind: SourceKind,
    negated: bool,
    segments: Vec<String>,
    hedges: Vec<String>,
    anonymity: Option<String>,
    entity: Option<String>,
}

fn rows(text: &str) -> Vec<Row> {
    let d = analyze(text, &Options { clean: false });
    d.claims
        .iter()
        .map(|c| Row {
            source: c.source.map(|s| d.slice(s).to_string()),
            cue: c.cue.map(|s| d.slice(s).to_string()),
            content: d.slice(c.content).to_string(),
            kind: c.kind,
            source_kind: c.source_kind,
            negated: c.negated,
            segments: c.content_segments.iter().map(|&s| d.slice(s).to_string()).collect(),
            hedges: c.hedges.iter().map(|&s| d.slice(s).to_string()).collect(),
            anonymity: c.anonymity.map(|s| d.slice(s).to_string()),
            entity: c.source_entity.map(|e| d.entities[e].canonical.clone()),
        })
        .collect()
}

/// The claim whose cue is `cue` (panics with the whole list if there is none).
fn by_cue(text: &str, cue: &str) -> Row {
    let all = rows(text);
    all.iter().find(|r| r.cue.as_deref() == Some(cue)).cloned().unwrap_or_else(|| panic!("no claim with cue {cue:?} in {text:?}: {all:#?}"))
}

/// Each case: text, cue, expected source, expected content.
fn check(cases: &[(&str, &str, Option<&str>, &str)]) {
    for &(text, cue, source, content) in cases {
        let r = by_cue(text, cue);
        assert_eq!(r.source.as_deref(), source, "source of {cue:?} in {text:?}");
        assert_eq!(r.content, content, "content of {cue:?} in {text:?}");
    }
}

#[test]
fn indirect_speech() {
    check(&[
        ("US officials claim that limiting the talks could undermine stability.", "claim", Some("US officials"), "limiting the talks could undermine stability"),
        ("Iranian leaders argue that sanctions relief must come first.", "argue", Some("Iranian leaders"), "sanctions relief must come first"),
        ("Analysts note that the two sides remain far apart.", "note", Some("Analysts"), "the two sides remain far apart"),
        ("The minister said on Tuesday that the border would reopen.", "said", Some("The minister"), "the border would reopen"),
        ("The spokesman told reporters that no date had been set.", "told", Some("The spokesman"), "no date had been set"),
        ("Diplomatic sources indicate that a second round is planned for May.", "indicate", Some("Diplomatic sources"), "a second round is planned for May"),
    ]);
}

#[test]
fn content_ends_where_the_claim_ends() {
    let text = "Tehran insists these systems are for defense, though Western powers express concern about their range.";
    check(&[
        (text, "insists", Some("Tehran"), "these systems are for defense"),
        (text, "express concern", Some("Western powers"), "their range"),
    ]);
    assert_eq!(rows(text).len(), 2);
    assert_eq!(by_cue(text, "express concern").kind, "nominal");
}

#[test]
fn source_after_the_content() {
    check(&[
        ("The talks will resume next week, officials said.", "said", Some("officials"), "The talks will resume next week"),
        ("The deal is off, said a senior diplomat.", "said", Some("a senior diplomat"), "The deal is off"),
        ("The border will reopen, said Deputy Minister Karim Haddad, the chief negotiator.", "said", Some("Deputy Minister Karim Haddad"), "The border will reopen"),
    ]);
}

#[test]
fn according_to() {
    check(&[
        ("According to the ministry, the talks will resume.", "According to", Some("the ministry"), "the talks will resume"),
        ("The meeting was postponed, according to diplomatic sources.", "according to", Some("diplomatic sources"), "The meeting was postponed"),
    ]);
    assert_eq!(by_cue("According to the ministry, the talks will resume.", "According to").kind, "according_to");
}

#[test]
fn participle_takes_the_main_subject() {
    let text = "The United States, which has long sought limits on missiles, has pushed for a broader agenda, asserting that regional security cannot be separated from the nuclear file.";
    check(&[(text, "asserting", Some("The United States"), "regional security cannot be separated from the nuclear file")]);
    let text = "US President Donald Trump and his administration have signaled openness to a deal, warning that time is running out.";
    check(&[
        (text, "signaled", Some("US President Donald Trump and his administration"), "openness to a deal"),
        (text, "warning", Some("US President Donald Trump and his administration"), "time is running out"),
    ]);
}

#[test]
fn appositive_between_source_and_cue() {
    let text = "A senior regional official, speaking anonymously, confirmed that the talks would resume in Muscat next week.";
    let r = by_cue(text, "confirmed");
    assert_eq!(r.source.as_deref(), Some("A senior regional official"));
    assert_eq!(r.content, "the talks would resume in Muscat next week");
    assert_eq!(r.source_kind, SourceKind::Anonymous);
    assert!(!r.negated);
}

#[test]
fn anonymity_reason_when_given() {
    let text = "A senior official, who was not authorized to speak publicly, said the talks had stalled.";
    let r = by_cue(text, "said");
    assert_eq!(r.source.as_deref(), Some("A senior official"));
    assert_eq!(r.source_kind, SourceKind::Anonymous);
    assert_eq!(r.anonymity.as_deref(), Some("who was not authorized to speak publicly"));
    // anonymous without a stated reason
    let r = by_cue("A senior regional official, speaking anonymously, confirmed that talks resume.", "confirmed");
    assert_eq!(r.anonymity, None);
}

#[test]
fn source_kinds() {
    let cases: &[(&str, &str, SourceKind)] = &[
        ("US President Donald Trump said the talks would go ahead.", "said", SourceKind::Person),
        ("The United States insists the sanctions will stay.", "insists", SourceKind::Organization),
        ("US officials claim that the sanctions will stay.", "claim", SourceKind::Unnamed),
        ("Analysts note that the sanctions will stay.", "note", SourceKind::Unnamed),
        ("Diplomatic sources indicate that the sanctions will stay.", "indicate", SourceKind::Anonymous),
        ("People familiar with the talks said the sanctions will stay.", "said", SourceKind::Anonymous),
        ("Reports suggest that the sanctions will stay.", "suggest", SourceKind::Hearsay),
        ("He said the sanctions will stay.", "said", SourceKind::Pronoun),
    ];
    for &(text, cue, kind) in cases {
        assert_eq!(by_cue(text, cue).source_kind, kind, "{text:?}");
    }
}

#[test]
fn source_entity_links_the_named_source() {
    let r = by_cue("US President Donald Trump said the talks would go ahead.", "said");
    assert_eq!(r.entity.as_deref(), Some("Donald Trump"));
    let r = by_cue("Iran insists the program is peaceful.", "insists");
    assert_eq!(r.entity.as_deref(), Some("Iran"));
    let r = by_cue("Reports suggest that the venue may change.", "suggest");
    assert_eq!(r.entity, None);
}

#[test]
fn direct_quotes_speaker_after() {
    let r = by_cue("\"We are ready to talk,\" he said.", "said");
    assert_eq!(r.source.as_deref(), Some("he"));
    assert_eq!(r.content, "\"We are ready to talk,\"");
    assert_eq!(r.kind, "direct");
    let r = by_cue("“The door is open,” said Foreign Minister Ali Rezaei.", "said");
    assert_eq!(r.source.as_deref(), Some("Foreign Minister Ali Rezaei"));
    assert_eq!(r.content, "“The door is open,”");
}

#[test]
fn direct_quotes_speaker_before() {
    let r = by_cue("She said: \"The door remains open to diplomacy.\"", "said");
    assert_eq!(r.source.as_deref(), Some("She"));
    assert_eq!(r.content, "\"The door remains open to diplomacy.\"");
    assert_eq!(r.kind, "direct");
}

#[test]
fn interrupted_quote_has_two_segments() {
    let text = "“We will not negotiate under pressure,” the minister said. “But we are ready to listen.”";
    let r = by_cue(text, "said");
    assert_eq!(r.source.as_deref(), Some("the minister"));
    assert_eq!(r.segments, vec!["“We will not negotiate under pressure,”", "“But we are ready to listen.”"]);
    let text = "\"We will not be rushed,\" she said, \"and we will not walk away.\"";
    assert_eq!(by_cue(text, "said").segments.len(), 2);
}

#[test]
fn quote_spanning_paragraphs() {
    let text = "The envoy said: “The first round went well.\n\n“The second round starts on Monday.”\n\nThe talks ended.";
    let r = by_cue(text, "said");
    assert_eq!(r.content, "“The first round went well.\n\n“The second round starts on Monday.”");
    assert_eq!(r.source.as_deref(), Some("The envoy"));
}

#[test]
fn mixed_quote() {
    let r = by_cue("The envoy said the proposal was “a serious step” toward peace.", "said");
    assert_eq!(r.source.as_deref(), Some("The envoy"));
    assert_eq!(r.content, "the proposal was “a serious step” toward peace");
    assert_eq!(r.kind, "mixed");
}

#[test]
fn headline_tag() {
    let text = "Iran and US to hold new talks in Oman: Report\n\nThe talks will be held next week.";
    let r = by_cue(text, ":");
    assert_eq!(r.source.as_deref(), Some("Report"));
    assert_eq!(r.content, "Iran and US to hold new talks in Oman");
    assert_eq!(r.kind, "headline");
    assert_eq!(r.source_kind, SourceKind::Hearsay);
}

#[test]
fn negated_and_denied_cues_are_marked() {
    for (text, cue) in [
        ("The White House has not confirmed that the meeting will take place.", "confirmed"),
        ("The ministry denied that any talks had taken place.", "denied"),
        ("Officials did not say when the talks would resume.", "say"),
    ] {
        assert!(by_cue(text, cue).negated, "{text:?}");
    }
    // a negated cue without a clause is never a plain claim
    let plain: Vec<Row> = rows("The White House has not confirmed the lineup.").into_iter().filter(|r| !r.negated).collect();
    assert!(plain.is_empty(), "{plain:#?}");
}

#[test]
fn hedges_inside_claims() {
    let r = by_cue("US officials claim that limiting the talks could undermine stability.", "claim");
    assert_eq!(r.hedges, vec!["could"]);
    let r = by_cue("The official reportedly said the deal may collapse.", "said");
    assert_eq!(r.hedges, vec!["reportedly", "may"]);
}

#[test]
fn sourceless_hedged_statements_are_not_someones_claim() {
    for text in [
        "Iran reportedly rejected the proposal.",
        "The talks appeared to stall after the first day.",
        "The envoy is expected to arrive on Monday.",
    ] {
        let all = rows(text);
        assert_eq!(all.len(), 1, "{text:?}: {all:#?}");
        assert_eq!(all[0].source, None, "{text:?}");
        assert_eq!(all[0].kind, "hedged_no_source");
        assert_eq!(all[0].source_kind, SourceKind::None);
        assert!(!all[0].hedges.is_empty());
    }
}

/// Sentences that hold no attributed claim at all.
#[test]
fn must_not_fire() {
    for text in [
        "The talks were held in Muscat on Sunday.",
        "Said Jalili arrived in Oman on Monday.",
        "The agency is regarded as the most influential body in the region.",
        "The report was published on Monday.",
        "Officials from both countries met in the capital.",
        "The sanctions came into force last year.",
        "Planned Parenthood opened a new clinic.",
        "He was speaking from the capital.",
        "The deal, which both sides signed, runs until 2030.",
        "",
        "\"",
        "said",
        ", said",
    ] {
        let got: Vec<Row> = rows(text).into_iter().filter(|r| r.source.is_some()).collect();
        assert!(got.is_empty(), "{text:?}: {got:#?}");
    }
}

/// Words that look like cues but are not plain claims with a source.
#[test]
fn must_not_fire_plain_claims() {
    for (text, cue) in [
        ("The White House has not confirmed the lineup.", "confirmed"),
        ("He stopped short of calling it a breakthrough.", "calling"),
        ("The agency is regarded as the most influential body.", "regarded"),
    ] {
        let plain = rows(text).into_iter().any(|r| r.cue.as_deref() == Some(cue) && r.source.is_some() && !r.negated);
        assert!(!plain, "{text:?} made a plain claim with cue {cue:?}");
    }
}

/// Sentences modelled on the seed article (correctly spaced).
#[test]
fn seed_like_article() {
    let text = "Iran may not allow other countries to join talks in Oman: Report\n\n\
ISLAMABAD: The upcoming talks in Oman have drawn intense focus.\n\n\
Conversely, the United States, backed by Western allies, has pushed for a broader agenda, asserting that the missile program is central.\n\n\
Analysts observing the situation note that earlier rounds offered incremental steps.\n\n\
Iran's internal politics also adds complexity to the talks.\n\n\
The talks moved from the initially planned venue to Muscat.";
    let all = rows(text);
    assert!(all.iter().all(|r| r.source.as_deref() != Some("ISLAMABAD")), "a dateline is not a speaker: {all:#?}");
    assert_eq!(by_cue(text, "asserting").source.as_deref(), Some("the United States"));
    assert_eq!(by_cue(text, "note").source.as_deref(), Some("Analysts observing the situation"));
    assert_eq!(by_cue(text, "note").source_kind, SourceKind::Unnamed);
    assert_eq!(by_cue(text, ":").source.as_deref(), Some("Report"));
    assert!(all.iter().all(|r| r.cue.as_deref() != Some("adds") && r.cue.as_deref() != Some("planned")), "{all:#?}");
}

/// Regression: `a charge that leaders denied,` after a running claim is nested in it.
#[test]
fn post_posed_cue_nested_in_a_running_claim_yields() {
    let text = "The mayor complained that the tender had been unfair, a claim that the council rejected, citing its own review.";
    let r = by_cue(text, "complained");
    assert_eq!(r.source.as_deref(), Some("The mayor"));
    assert!(rows(text).iter().all(|r| r.cue.as_deref() != Some("rejected") || !r.content.starts_with("The mayor")));
}

/// Regression: a cue word after a possessive or article is a noun (`their states`, `his plans`).
#[test]
fn cue_words_after_determiners_are_nouns() {
    for text in ["Voters in their states want change.", "The mayor outlined his plans for the city."] {
        let all = rows(text);
        assert!(all.iter().all(|r| !matches!(r.cue.as_deref(), Some("states") | Some("plans"))), "{text:?}: {all:#?}");
    }
}

/// Content ends before a participle clause or a coordinated reporting verb, which takes the
/// same source.
#[test]
fn content_ends_before_participle_or_coordinated_cue() {
    let text = "The governor said the budget was balanced, prompting loud protests from the opposition benches.";
    assert_eq!(by_cue(text, "said").content, "the budget was balanced");
    let text = "The minister said the vote would go ahead and insisted that the count was fair.";
    check(&[
        (text, "said", Some("The minister"), "the vote would go ahead"),
        (text, "insisted", Some("The minister"), "the count was fair"),
    ]);
}

/// After a quote ending in a comma, any past-tense verb closes the attribution.
#[test]
fn quote_with_uncommon_speech_verb() {
    let r = by_cue("“Nobody asked us about the plan,” the farmer grumbled.", "grumbled");
    assert_eq!(r.source.as_deref(), Some("the farmer"));
    assert_eq!(r.content, "“Nobody asked us about the plan,”");
    // a quote that ends its sentence is not attributed to a later verb that way
    let all = rows("“Nobody asked us.” The farmer walked away.");
    assert!(all.iter().all(|r| r.cue.as_deref() != Some("walked")), "{all:#?}");
}

/// Regression: a clause between commas before an inverted cue is not an appositive of a
/// source (`In Tabriz, the mill is struggling, said …`), and `those polled` is a source.
#[test]
fn clause_before_inverted_cue_is_content() {
    let text = "In the port city, the old mill is losing money, said the firm's finance director.";
    let r = by_cue(text, "said");
    assert_eq!(r.source.as_deref(), Some("the firm's finance director"));
    let r = by_cue("Once more, those polled said housing costs mattered most.", "said");
    assert_eq!(r.source.as_deref(), Some("those polled"));
    let r = by_cue("Ms. Okafor, 52, said the ferry had been late all week.", "said");
    assert_eq!(r.source.as_deref(), Some("Ms. Okafor"));
}

/// A participle right after a quote's attribution takes the quote's speaker; a coordinated
/// verb takes the clause subject.
#[test]
fn participle_after_quote_attribution() {
    let text = "“The bridge will open in spring,” she said, adding that the contractors were ahead of schedule.";
    check(&[(text, "adding", Some("she"), "the contractors were ahead of schedule")]);
    let text = "She toured the flooded district and told residents that repairs would start on Monday.";
    check(&[(text, "told", Some("She"), "repairs would start on Monday")]);
}

/// `As X points out, …` puts the content after the parenthetical; a weak cue word at the end
/// of a sentence is a noun (`in 12 states.`), not a post-posed attribution.
#[test]
fn as_parenthetical_and_sentence_final_nouns() {
    let text = "As the economist points out, the rule has always applied.";
    check(&[(text, "points out", Some("the economist"), "the rule has always applied")]);
    let all = rows("The new rules now apply to ferry operators in 12 states.");
    assert!(all.iter().all(|r| r.cue.as_deref() != Some("states")), "{all:#?}");
}

/// A cue inside the running clause of an earlier claim is nested in it; a scare quote inside
/// a sentence is not attributed to a verb after it.
#[test]
fn nested_cues_and_scare_quotes() {
    let text = "He said that several coastal towns wanted new sea walls.";
    let all = rows(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].content, "several coastal towns wanted new sea walls");
    let text = "The mayor warned of “chaos” at the harbour and mentioned a recent storm.";
    let all = rows(text);
    assert!(all.iter().all(|r| r.kind != "direct"), "{all:#?}");
}

/// A participle reusing an anonymous source keeps it anonymous; a participle with no subject
/// to take is nobody's claim.
#[test]
fn participle_keeps_source_kind() {
    let text = "A senior regional official, speaking anonymously, confirmed that Iran refuses concessions, describing any attempt to add missiles as a red line.";
    let r = by_cue(text, "describing");
    assert_eq!(r.source.as_deref(), Some("A senior regional official"));
    assert_eq!(r.source_kind, SourceKind::Anonymous);
    let all = rows("“Ready,” rejecting the offer outright.");
    assert!(all.iter().all(|r| r.cue.as_deref() != Some("rejecting") || r.source.is_some()), "{all:#?}");
}

/// `When asked about X, she said Y`: the question is no one's claim; the answer is hers.
#[test]
fn asked_without_asker() {
    let text = "When asked about the delays, she said the trains were running again.";
    let q = by_cue(text, "asked");
    assert_eq!((q.source, q.content.as_str(), q.source_kind), (None, "about the delays", SourceKind::None));
    check(&[(text, "said", Some("she"), "the trains were running again")]);
}

/// Title-case headlines capitalize their cues; running text does not (`Planned Parenthood`).
#[test]
fn title_case_headline_cue() {
    let text = "Senator Says Talks Will Resume Next Week\n\nThe talks stalled in May.";
    check(&[(text, "Says", Some("Senator"), "Talks Will Resume Next Week")]);
}

#[test]
fn sources_with_parentheticals_and_long_appositives() {
    check(&[
        ("Sen. Mary Alder (D-Ore.), a veteran negotiator, said the bill would pass.", "said", Some("Sen. Mary Alder (D-Ore.)"), "the bill would pass"),
        ("Rep. Tom Birch (R-Ind.) said the vote was delayed.", "said", Some("Rep. Tom Birch (R-Ind.)"), "the vote was delayed"),
        (
            "Joan Pike, 58, a retired teacher in Dayton, Ohio, said the school board had ignored parents.",
            "said",
            Some("Joan Pike"),
            "the school board had ignored parents",
        ),
        (
            "Ray Dunn, a strategist who ran two statewide races and is now advising the mayor, said turnout would decide it.",
            "said",
            Some("Ray Dunn"),
            "turnout would decide it",
        ),
    ]);
}

#[test]
fn bare_quantifiers_percentages_and_reports_speak() {
    check(&[
        ("Many conservatives were uneasy, but many said the ruling changed their minds.", "said", Some("many"), "the ruling changed their minds"),
        ("Most voters backed the plan; 31% say they are undecided.", "say", Some("31%"), "they are undecided"),
        ("The audit listed six failures. It said managers had hidden the losses.", "said", Some("It"), "managers had hidden the losses"),
    ]);
}

#[test]
fn post_posed_before_semicolon_and_comma_after_that() {
    check(&[
        ("Turnout will be decisive, local organizers say; in the last race it was low.", "say", Some("local organizers"), "Turnout will be decisive"),
        ("Party officials say that, even if a recount were allowed, the result would stand.", "say", Some("Party officials"), "even if a recount were allowed, the result would stand"),
    ]);
}

#[test]
fn content_stops_before_trailing_with_or_which_clause() {
    check(&[
        ("Analysts believe the levy will never take effect, with so many lawmakers opposed.", "believe", Some("Analysts"), "the levy will never take effect"),
        ("The mayor said the road would reopen, which surprised residents.", "said", Some("The mayor"), "the road would reopen"),
    ]);
}

/// Regression: an object of a preposition inside a longer subject is not a speaker.
#[test]
fn no_source_inside_a_prepositional_phrase() {
    let text = "The city's preference for talks with the union alone suggests a hardening position.";
    assert!(rows(text).iter().all(|r| r.source.as_deref() != Some("the union alone")), "{:#?}", rows(text));
    // `it is said` stays sourceless: `it` speaks only as the direct subject of a speech verb
    let text = "It is said that the bridge will close.";
    assert!(rows(text).iter().all(|r| r.source.as_deref() != Some("It")), "{:#?}", rows(text));
}

#[test]
fn quotes_continue_and_close_on_their_own_stop() {
    // a quote ending in its own full stop, followed by more of the sentence's paragraph
    let text = "A campaign aide familiar with the plan said, “We will win the state.” Later the aide left.";
    let r = by_cue(text, "said");
    assert_eq!(r.source.as_deref(), Some("A campaign aide familiar with the plan"));
    assert_eq!(r.content, "“We will win the state.”");
    // `He continued, "…"`
    check(&[("He continued, “The second half of the plan matters more.”", "continued", Some("He"), "“The second half of the plan matters more.”")]);
    // a paragraph that is only a quotation continues the previous paragraph's speaker
    let text = "“The budget is broken,” the governor said.\n\n“We will fix it before the summer recess.”";
    let all = rows(text);
    let cont = all.iter().find(|r| r.content.starts_with("“We will fix")).unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(cont.source.as_deref(), Some("the governor"));
    assert_eq!(cont.kind, "direct");
    // but not after a paragraph with no quotation
    let text = "The governor spoke for an hour.\n\n“We will fix it before the summer recess.”";
    assert!(rows(text).iter().all(|r| r.source.is_none() || !r.content.starts_with("“We will")), "{:#?}", rows(text));
}

#[test]
fn quotation_signed_after_a_dash() {
    let text = "Readers wrote in.\n\n“The plan is late and costs too much.” ― Dana Whitfield\n\n“Nobody asked us.” — Luis Ortega.";
    let all = rows(text);
    let first = all.iter().find(|r| r.content.starts_with("“The plan")).unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(first.source.as_deref(), Some("Dana Whitfield"));
    let second = all.iter().find(|r| r.content.starts_with("“Nobody")).unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(second.source.as_deref(), Some("Luis Ortega"));
    // a dash inside running prose is not a signature
    let text = "He called it “a disaster” — Senate leaders disagreed with him on the timing of the vote.";
    assert!(rows(text).iter().all(|r| r.source.as_deref() != Some("Senate leaders disagreed")), "{:#?}", rows(text));
}

#[test]
fn weak_cue_with_a_person_subject_takes_its_object() {
    check(&[
        ("She supports the new transit levy.", "supports", Some("She"), "the new transit levy"),
        ("Senator Maria Cortez questions the timing of the vote.", "questions", Some("Senator Maria Cortez"), "the timing of the vote"),
        ("Local officials confirmed the closure of the plant.", "confirmed", Some("Local officials"), "the closure of the plant"),
    ]);
    // with an inanimate subject the weak cue still needs `that`
    for text in ["The bridge supports heavy trucks.", "Senator Maria Cortez reportedly rejected the offer.", "The form states the fee in dollars."] {
        assert!(rows(text).iter().all(|r| r.source.is_none()), "{text}: {:#?}", rows(text));
    }
}

/// Regression: a title-case headline kicker before a colon (`Stealth Over Health: …`) is not a
/// speaker; a speaker label, in title case or a transcript's capitals, still is.
#[test]
fn a_title_case_kicker_is_not_a_speaker_label() {
    let body = "\n\nThe campaign released a statement on Sunday about the candidate's schedule for the week.";
    for kicker in ["Stealth Over Health", "Talks With Tehran", "Rally After Storm"] {
        let text = format!("{kicker}: Campaign Keeps Candidate's Illness Quiet For Days{body}");
        let all = rows(&text);
        assert!(all.iter().all(|r| r.source.as_deref() != Some(kicker)), "{kicker:?} made a speaker: {all:#?}");
    }
    for label in ["Former Envoy at the Summit", "SECRETARY OF STATE JOHN KERRY", "Senator Warren", "Trump", "Head of the Agency"] {
        let text = format!("{label}: We will not back down on the tariffs this year.{body}");
        assert_eq!(by_cue(&text, ":").source.as_deref(), Some(label), "{text:?}");
    }
}
