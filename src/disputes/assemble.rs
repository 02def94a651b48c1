//! From found items to disputes: group items into issues by key, keep the issues some
//! contention language establishes, give every issue a side per party (majority stance, the
//! first statement with it as the position, or "not stated"), link the claims that support a
//! side, and collect mentions and evidence. All steps are single passes or per-issue work.

use super::party::{Index, Party};
use super::phrase::{DocWords, Sent, NUMBER_KEY};
use super::words::words;
use super::Item;
use crate::doc::{Dispute, Doc, Side, Span, Stance, Vocab};
use crate::hash::HashMap;
use crate::tokenize::vocab_for;
use std::borrow::Cow;

/// Most parties given sides on every issue.
const MAX_PARTIES: usize = 4;

pub fn assemble(doc: &Doc, words: &DocWords, ix: &Index, items: Vec<Item>) -> Vec<Dispute> {
    let items = file_claims_by_word(doc, file_under_options(file_under_named_issues(doc, file_figures(doc, items))));
    // group by key, in order of first appearance
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, it) in items.iter().enumerate() {
        groups
            .entry(it.key.clone())
            .or_insert_with(|| {
                order.push(it.key.clone());
                Vec::new()
            })
            .push(i);
    }
    let kept: Vec<String> = order.into_iter().filter(|k| established(&items, &groups[k])).collect();
    if kept.is_empty() {
        return Vec::new();
    }
    let is_kept: HashMap<&str, usize> = kept.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let parties = article_parties(doc, ix, &items, &is_kept);
    let mut disputes: Vec<Dispute> = kept
        .iter()
        .map(|k| {
            let its: Vec<&Item> = groups[k].iter().map(|&i| &items[i]).collect();
            dispute(doc, &its, &parties)
        })
        .collect();
    let mut filed = FiledWords::new(doc, &is_kept);
    link_claims(doc, ix, &items, &groups, &kept, &mut filed, &mut disputes);
    add_mentions(doc, words, &mut filed, &mut disputes);
    for d in &mut disputes {
        crate::sort::sort(&mut d.evidence);
        d.evidence.dedup();
        for s in &mut d.sides {
            crate::sort::sort(&mut s.claims);
            s.claims.dedup();
        }
    }
    disputes
}

/// Items keyed only by a figure (`the 9 percent claim`) go to the issue whose phrase holds the
/// same figure (`a pay rise of 9 percent`); with none they are dropped.
fn file_figures(doc: &Doc, mut items: Vec<Item>) -> Vec<Item> {
    let mut by_figure: HashMap<String, String> = HashMap::default();
    for it in items.iter().filter(|it| !it.key.starts_with(NUMBER_KEY)) {
        for w in doc.slice(it.mention).split(|c: char| c.is_whitespace() || c == '-') {
            if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                by_figure.entry(format!("{NUMBER_KEY}{w}")).or_insert_with(|| it.key.clone());
            }
        }
    }
    items.retain_mut(|it| {
        if !it.key.starts_with(NUMBER_KEY) {
            return true;
        }
        match by_figure.get(&it.key) {
            Some(k) => {
                it.key = k.clone();
                true
            }
            None => false,
        }
    });
    items
}

/// A phrase whose modifier is an issue the article names as disputed goes to that issue:
/// after `talks stalled over automation`, `automated trucks` is the automation issue.
fn file_under_named_issues(doc: &Doc, mut items: Vec<Item>) -> Vec<Item> {
    let named: crate::hash::HashSet<String> = items.iter().filter(|it| it.position.is_none()).map(|it| it.key.clone()).collect();
    let w = words();
    for it in items.iter_mut().filter(|it| !named.contains(&it.key)) {
        let text = doc.slice(it.mention);
        let mut parts: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == '-').filter(|p| !p.is_empty()).collect();
        parts.pop(); // the head named the key already
        if let Some(k) = parts.iter().filter_map(|p| w.word_key(p)).find(|k| named.contains(k)) {
            it.key = k;
        }
    }
    items
}

/// A reported-speech item whose word is not an issue's key but a word of exactly one issue's
/// phrase (`agency` in `use of agency staff`) files under that issue.
fn file_claims_by_word(doc: &Doc, mut items: Vec<Item>) -> Vec<Item> {
    let w = words();
    let keys: crate::hash::HashSet<String> = items.iter().filter(|it| !it.from_claim && !it.weak).map(|it| it.key.clone()).collect();
    // word key → issue key; `None` when two issues share the word
    let mut by_word: HashMap<String, Option<String>> = HashMap::default();
    // issues a strong cue names (a weak cue's phrase may not stand as an issue)
    for it in items.iter().filter(|it| !it.from_claim && !it.weak) {
        for part in doc.slice(it.mention).split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|p| !p.is_empty()) {
            let Some(k) = w.word_key(part) else { continue };
            let entry = by_word.entry(k).or_insert_with(|| Some(it.key.clone()));
            if entry.as_deref() != Some(it.key.as_str()) {
                *entry = None;
            }
        }
    }
    for it in items.iter_mut().filter(|it| it.from_claim && !keys.contains(&it.key)) {
        if let Some(Some(k)) = by_word.get(&it.key) {
            it.key = k.clone();
        }
    }
    items
}

/// Positions on one option of an `X versus Y` issue file under it: for X stays as it is, for
/// Y is against the first option (`for` ↔ `against`, `wants_included` ↔ `wants_excluded`).
fn file_under_options(mut items: Vec<Item>) -> Vec<Item> {
    let options: HashMap<String, (String, i8)> =
        items.iter().filter_map(|it| it.option.as_ref().map(|(k, sign)| (k.clone(), (it.key.clone(), *sign)))).collect();
    if options.is_empty() {
        return items;
    }
    for it in items.iter_mut().filter(|it| it.option.is_none()) {
        let Some((key, sign)) = options.get(&it.key) else { continue };
        it.key = key.clone();
        if *sign < 0 {
            it.stance = match it.stance {
                Stance::For => Stance::Against,
                Stance::Against => Stance::For,
                Stance::WantsIncluded => Stance::WantsExcluded,
                Stance::WantsExcluded => Stance::WantsIncluded,
                Stance::NotStated => Stance::NotStated,
            };
        }
    }
    items
}

/// An issue stands if a strong cue names it, or two parties take positions on it.
/// Positions read from claims never establish an issue.
fn established(items: &[Item], group: &[usize]) -> bool {
    let group: Vec<usize> = group.iter().copied().filter(|&i| !items[i].from_claim).collect();
    if group.iter().any(|&i| !items[i].weak) {
        return true;
    }
    let mut parties: Vec<&str> = group.iter().filter_map(|&i| items[i].party.as_ref().map(|p| p.key.as_str())).collect();
    crate::sort::sort(&mut parties);
    parties.dedup();
    parties.len() >= 2
}

/// The article's main parties: those holding positions on kept issues, most positions first
/// (then first appearance); else those named in disagreement clauses; else the two most
/// salient actors. They fill the sides of issues whose own parties are fewer than two.
fn article_parties(doc: &Doc, ix: &Index, items: &[Item], kept: &HashMap<&str, usize>) -> Vec<Party> {
    let mut ranked: Vec<(usize, Party)> = Vec::new();
    for it in items.iter().filter(|it| kept.contains_key(it.key.as_str())) {
        let Some(p) = &it.party else { continue };
        let weight = usize::from(it.stance != Stance::NotStated);
        match ranked.iter_mut().find(|(_, q)| q.key == p.key) {
            Some(r) => r.0 += weight,
            None => ranked.push((weight, p.clone())),
        }
    }
    // stable sort keeps first appearance among equals
    crate::sort::sort_by_key(&mut ranked, |r| std::cmp::Reverse(r.0));
    let mut out: Vec<Party> = ranked.into_iter().map(|(_, p)| p).collect();
    if out.is_empty() {
        let mut actors: Vec<(f32, Party)> = (0..doc.entities.len())
            .filter(|&e| matches!(doc.entities[e].label, "GPE" | "ORG" | "PERSON") && doc.entities[e].metonym_of.is_none())
            .filter_map(|e| ix.resolve(doc, e).map(|p| (doc.entities[e].salience, p)))
            .collect();
        crate::sort::sort_by(&mut actors, |a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        for (_, p) in actors.into_iter().take(2) {
            if !out.iter().any(|q| q.key == p.key) {
                out.push(p);
            }
        }
    }
    out.truncate(MAX_PARTIES);
    out
}

/// An issue's sides: its own parties (positions, then parties named in its disagreement
/// clauses), filled up to two from the article's main parties, in text order of the main list.
fn dispute(doc: &Doc, its: &[&Item], main: &[Party]) -> Dispute {
    let label = its
        .iter()
        .find(|i| !i.from_claim)
        .map(|i| if i.option.is_none() && i.key.contains(" vs ") { i.key.clone() } else { i.label.clone() })
        .unwrap_or_default();
    let mut mentions: Vec<Span> = its.iter().map(|i| i.mention).collect();
    crate::sort::sort(&mut mentions);
    mentions.dedup();
    let evidence: Vec<Span> = its.iter().filter_map(|i| doc.sentences.get(i.sentence).map(|s| s.span)).collect();
    let mut own: Vec<Party> = Vec::new();
    for it in its {
        if let Some(p) = &it.party {
            if !own.iter().any(|q| q.key == p.key) && own.len() < MAX_PARTIES {
                own.push(p.clone());
            }
        }
    }
    for p in main {
        if own.len() >= 2 {
            break;
        }
        if !own.iter().any(|q| q.key == p.key) {
            own.push(p.clone());
        }
    }
    // main parties first, in their order, then the issue's other parties
    crate::sort::sort_by_key(&mut own, |p| main.iter().position(|q| q.key == p.key).unwrap_or(usize::MAX));
    let sides = own.iter().map(|p| side(p, its)).collect();
    Dispute { label, mentions, evidence, sides, rule: "contention-cue" }
}

/// On an issue whose dispute is whether it is on the table at all (some statement frames it:
/// `issues such as X` on an agenda), a plain stance means the same thing in that frame:
/// refusing concessions on X = wants X excluded, pushing for X = wants it included.
fn in_frame(stance: Stance, framed: bool) -> Stance {
    match (stance, framed) {
        (Stance::For, true) => Stance::WantsIncluded,
        (Stance::Against, true) => Stance::WantsExcluded,
        (s, _) => s,
    }
}

fn is_frame(stance: Stance) -> bool {
    matches!(stance, Stance::WantsIncluded | Stance::WantsExcluded)
}

/// A party's side on one issue: the majority stance of its statements; the position is the
/// clearest statement with that stance (one that states it directly, in the issue's own frame,
/// before one whose stance was read into the frame), the earliest on ties.
fn side(party: &Party, its: &[&Item]) -> Side {
    let framed = its.iter().any(|i| is_frame(i.stance));
    let stated = |i: &&&Item| i.party.as_ref().is_some_and(|p| p.key == party.key) && i.stance != Stance::NotStated;
    // a contention cue's statement outweighs reported speech read for a stance
    let by_cue = its.iter().filter(stated).any(|i| !i.from_claim);
    let mine: Vec<&&Item> = its.iter().filter(stated).filter(|i| !by_cue || !i.from_claim).collect();
    // count each stance once (linear), then take the most frequent, the earliest on ties
    let mut counts: Vec<(Stance, usize, &Item)> = Vec::new();
    for it in &mine {
        let stance = in_frame(it.stance, framed);
        match counts.iter_mut().find(|c| c.0 == stance) {
            Some(c) => {
                c.1 += 1;
                // a direct statement of the stance is clearer than one read into the frame
                if c.2.stance != stance && it.stance == stance {
                    c.2 = it;
                }
            }
            None => counts.push((stance, 1, it)),
        }
    }
    let mut best: Option<(usize, Stance, &Item)> = None;
    for &(stance, n, it) in &counts {
        if best.is_none_or(|(m, _, _)| n > m) {
            best = Some((n, stance, it));
        }
    }
    let mut allies: Vec<Span> = mine.iter().flat_map(|i| i.allies.iter().copied()).collect();
    crate::sort::sort(&mut allies);
    allies.dedup();
    Side {
        party: party.entity,
        name: party.name.clone(),
        position: best.and_then(|(_, _, i)| i.position),
        stance: best.map(|(_, s, _)| s).unwrap_or(Stance::NotStated),
        claims: Vec::new(),
        allies,
    }
}

/// Claims that support a side: a claim whose content holds the position's cue (`an official
/// confirmed that Iran refuses …`), or a claim by the party whose content names the issue
/// (`Iranian leaders argue that their missile program …`).
fn link_claims<'a>(doc: &'a Doc, ix: &Index, items: &[Item], groups: &HashMap<String, Vec<usize>>, kept: &[String], filed: &mut FiledWords<'a, '_>, disputes: &mut [Dispute]) {
    // claims per sentence
    let mut by_sentence: HashMap<usize, Vec<usize>> = HashMap::default();
    for (c, claim) in doc.claims.iter().enumerate() {
        let si = doc.sentences.partition_point(|s| s.span.end <= claim.content.start);
        by_sentence.entry(si).or_default().push(c);
    }
    for (d, k) in kept.iter().enumerate() {
        for &i in &groups[k] {
            let it = &items[i];
            let (Some(party), Some(_)) = (&it.party, it.position) else { continue };
            for &c in by_sentence.get(&it.sentence).into_iter().flatten() {
                let claim = &doc.claims[c];
                if claim.content.contains(it.cue) || claim.content_segments.iter().any(|s| s.contains(it.cue)) {
                    add_claim(&mut disputes[d], party, c, doc.sentences.get(it.sentence).map(|s| s.span));
                }
            }
        }
    }
    for (c, claim) in doc.claims.iter().enumerate() {
        let Some(party) = claim.source_entity.and_then(|e| ix.resolve(doc, e)) else { continue };
        let a = doc.tokens.partition_point(|t| t.span.start < claim.content.start);
        let b = doc.tokens.partition_point(|t| t.span.end <= claim.content.end);
        for t in token_range(doc, a..b) {
            if let Some(d) = filed.dispute_of(t) {
                let si = doc.sentences.partition_point(|s| s.span.end <= claim.content.start);
                add_claim(&mut disputes[d], &party, c, doc.sentences.get(si).map(|s| s.span));
            }
        }
    }
}

fn add_claim(d: &mut Dispute, party: &Party, claim: usize, sentence: Option<Span>) {
    let Some(side) = d.sides.iter_mut().find(|s| s.name == party.name && s.position.is_some()) else { return };
    // claims arrive in text order per pass; duplicates are removed once at the end
    if side.claims.last() != Some(&claim) {
        side.claims.push(claim);
        if let Some(s) = sentence {
            d.evidence.push(s);
        }
    }
}

/// The kept dispute each word of the article files under ([`key_word`]), looked up once per
/// distinct word (its vocabulary id): claims and mentions ask for every token of the article.
struct FiledWords<'a, 'k> {
    text: &'a str,
    vocab: Cow<'a, Vocab>,
    /// Kept key → dispute index.
    kept: &'k HashMap<&'k str, usize>,
    /// Per word id: [`UNASKED`], [`NOT_FILED`], or the dispute's index.
    by_word: Vec<u32>,
}

const UNASKED: u32 = u32::MAX;
const NOT_FILED: u32 = u32::MAX - 1;

impl<'a, 'k> FiledWords<'a, 'k> {
    fn new(doc: &'a Doc, kept: &'k HashMap<&'k str, usize>) -> FiledWords<'a, 'k> {
        let vocab = vocab_for(&doc.text, &doc.tokens, &doc.vocab);
        let by_word = vec![UNASKED; vocab.words.len()];
        FiledWords { text: &doc.text, vocab, kept, by_word }
    }

    /// The dispute token `t`'s word files under, if any.
    fn dispute_of(&mut self, t: usize) -> Option<usize> {
        let id = *self.vocab.ids.get(t)? as usize;
        if self.by_word[id] == UNASKED {
            let word = self.vocab.words[id].slice(self.text);
            self.by_word[id] = self.kept.get(key_word(word).as_str()).map_or(NOT_FILED, |&d| d as u32);
        }
        (self.by_word[id] != NOT_FILED).then_some(self.by_word[id] as usize)
    }
}

/// The key a single word files under (lemma, synonym or contrast label); empty if generic.
fn key_word(word: &str) -> String {
    let w = words();
    if let Some((label, _)) = w.contrast(&crate::lexicon::lower(word)) {
        return label.clone();
    }
    w.word_key(word).unwrap_or_default()
}

/// Every other place the article names an issue: a key word with its modifiers
/// (`Iran's ballistic missile capabilities` → `ballistic missile capabilities`).
fn add_mentions<'a>(doc: &'a Doc, all: &'a DocWords<'a>, filed: &mut FiledWords<'a, '_>, disputes: &mut [Dispute]) {
    // the phrases the cues governed, sorted, to skip words already inside one (binary search)
    let mut governed: Vec<Span> = disputes.iter().flat_map(|d| d.mentions.iter().copied()).collect();
    crate::sort::sort(&mut governed);
    let inside_governed = |span: Span| {
        let i = governed.partition_point(|g| g.start < span.end);
        governed[..i].iter().rev().take(8).any(|g| g.overlaps(span))
    };
    let mut last_added: Option<Span> = None;
    for si in 0..doc.sentences.len() {
        // (most sentences hold no word of a kept issue: no phrase analysis for them)
        if !token_range(doc, doc.sentences[si].tokens.clone()).any(|t| filed.dispute_of(t).is_some()) {
            continue;
        }
        let s = Sent::new(doc, all, si);
        for t in 0..s.len() {
            if !s.is_word(t) || s.role(t).is_some() {
                continue;
            }
            let Some(d) = filed.dispute_of(s.first + t) else { continue };
            let mut a = t;
            while a > 0 && t - a < 2 && modifier(&s, a - 1) {
                a -= 1;
            }
            let mut b = t + 1;
            while b < s.len() && b - t < 3 && words().head(s.lower(b)) == Some(None) && s.role(b).is_none() {
                b += 1;
            }
            let span = s.span(a, b);
            if !inside_governed(span) && !last_added.is_some_and(|l| l.overlaps(span)) {
                disputes[d].mentions.push(span);
                last_added = Some(span);
            }
        }
    }
    for d in disputes {
        crate::sort::sort(&mut d.mentions);
    }
}

/// `range` of token indices if the document has those tokens, else none.
fn token_range(doc: &Doc, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    if range.start <= range.end && range.end <= doc.tokens.len() {
        range
    } else {
        0..0
    }
}

fn modifier(s: &Sent, i: usize) -> bool {
    let w = s.lower(i);
    s.is_word(i) && !s.is_possessive(i) && s.role(i).is_none() && !s.capitalized(i) && !w.ends_with("ly") && !w.ends_with("ed") && !w.ends_with("ing") && words().head(w) != Some(None)

}
