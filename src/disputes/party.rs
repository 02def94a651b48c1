//! Parties: who holds a position. Finds the subject of a contention cue on its own (the
//! entities and claims stages may not cover it), resolves it to an entity through grouping,
//! metonymy (`Tehran` → Iran) and nationality words (`Iranian leaders` → Iran), and records
//! allies stated beside it (`the United States, backed by select Western allies`).

use super::phrase::Sent;
use super::words::{words, Role};
use crate::doc::{Doc, Span, TokenKind};
use crate::hash::HashMap;

/// Chunks (comma-separated pieces) looked at left of a cue.
const MAX_CHUNKS: usize = 4;
/// Tokens looked at left of a cue.
const MAX_LEFT: usize = 40;

/// A resolved party.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    /// Identity used to merge sides: the canonical name, lowercase.
    pub key: String,
    pub entity: Option<usize>,
    pub name: String,
}

/// Doc-wide lookups built once: token → mention, canonical name → entity.
pub struct Index {
    /// For each token (global index), the mention covering it.
    pub mention_of_token: Vec<Option<usize>>,
    canonical: HashMap<String, usize>,
    /// Last word → first multi-word capitalized name ending in it (`trust` → `Northgate Health
    /// Trust`), so `the trust` names the same party.
    proper_heads: HashMap<String, String>,
    /// Claim contents sorted by start, to start a subject search inside reported speech.
    claim_contents: Vec<Span>,
}

impl Index {
    pub fn new(doc: &Doc) -> Index {
        let mut mention_of_token = vec![None; doc.tokens.len()];
        let mut order: Vec<usize> = (0..doc.mentions.len()).collect();
        crate::sort::sort_by_key(&mut order, |&m| doc.mentions[m].span.start);
        let mut t = 0;
        for m in order {
            let span = doc.mentions[m].span;
            while t < doc.tokens.len() && doc.tokens[t].span.end <= span.start {
                t += 1;
            }
            let mut k = t;
            while k < doc.tokens.len() && doc.tokens[k].span.start < span.end {
                if span.contains(doc.tokens[k].span) || doc.tokens[k].span.overlaps(span) {
                    mention_of_token[k].get_or_insert(m);
                }
                k += 1;
            }
        }
        let mut canonical = HashMap::default();
        for (i, e) in doc.entities.iter().enumerate() {
            if e.metonym_of.is_none() && e.label != "NORP" {
                canonical.entry(e.canonical.to_lowercase()).or_insert(i);
            }
        }
        let mut claim_contents: Vec<Span> = doc.claims.iter().map(|c| c.content).collect();
        crate::sort::sort(&mut claim_contents);
        Index { mention_of_token, canonical, proper_heads: proper_heads(doc), claim_contents }
    }

    /// Start of the content of a claim that holds byte `at` and reaches byte `until`, if any.
    fn claim_start_around(&self, at: usize, until: usize) -> Option<usize> {
        let n = self.claim_contents.partition_point(|c| c.start <= at);
        self.claim_contents[..n].iter().rev().take(4).find(|c| c.end > at && c.end > until).map(|c| c.start)
    }

    /// The longer proper name a common head stands for (`union` → `Nurses and Midwives Union`).
    fn proper_name(&self, head: &str) -> Option<&String> {
        let head = head.to_lowercase();
        self.proper_heads.get(&head).or_else(|| {
            let alts = words().short_forms.get(head.as_str())?;
            alts.iter().find_map(|alt| self.proper_heads.get(*alt))
        })
    }

    /// The party an entity stands for: metonyms and nationality words resolved.
    pub fn resolve(&self, doc: &Doc, entity: usize) -> Option<Party> {
        let mut id = entity;
        for _ in 0..3 {
            match doc.entities.get(id)?.metonym_of {
                Some(target) if target != id => id = target,
                _ => break,
            }
        }
        let e = doc.entities.get(id)?;
        if !matches!(e.label, "GPE" | "ORG" | "PERSON" | "NORP") {
            return None;
        }
        let stands_for = match e.label {
            "NORP" => words().norp.get(e.canonical.as_str()),
            _ => words().metonyms.get(e.canonical.as_str()),
        };
        if let Some(&country) = stands_for {
            return Some(match self.canonical.get(&country.to_lowercase()) {
                Some(&c) => Party { key: country.to_lowercase(), entity: Some(c), name: doc.entities[c].canonical.clone() },
                None => Party { key: country.to_lowercase(), entity: Some(id), name: country.to_string() },
            });
        }
        Some(Party { key: e.canonical.to_lowercase(), entity: Some(id), name: e.canonical.clone() })
    }

    pub fn party_at(&self, s: &Sent, i: usize) -> Option<Party> {
        if i < s.dateline {
            return None;
        }
        let m = (*self.mention_of_token.get(s.first + i)?)?;
        self.resolve(s.doc, s.doc.mentions.get(m)?.entity?)
    }
}

/// The subject found for a cue, and allies named beside it.
#[derive(Debug, Default)]
pub struct Subject {
    pub party: Option<Party>,
    /// Token where the subject starts (sentence-relative), when it is in the cue's own chunk.
    pub start: Option<usize>,
    pub allies: Vec<Span>,
}

/// Multi-word capitalized names (`Nurses and Midwives Union`), by last word; one pass.
fn proper_heads(doc: &Doc) -> HashMap<String, String> {
    let mut out = HashMap::default();
    let toks = &doc.tokens;
    let cap = |i: usize| toks[i].kind == TokenKind::Word && toks[i].span.slice(&doc.text).chars().next().is_some_and(|c| c.is_uppercase());
    let mut i = 0;
    while i < toks.len() {
        if !cap(i) || matches!(toks[i].span.slice(&doc.text), "The" | "A" | "An") {
            i += 1;
            continue;
        }
        let (a, mut b) = (i, i + 1);
        loop {
            if b < toks.len() && cap(b) {
                b += 1;
            } else if b + 1 < toks.len() && matches!(toks[b].span.slice(&doc.text), "and" | "of" | "for") && cap(b + 1) {
                b += 2;
            } else {
                break;
            }
        }
        if b - a >= 2 {
            let name = doc.slice(Span::new(toks[a].span.start, toks[b - 1].span.end)).to_string();
            out.entry(toks[b - 1].span.slice(&doc.text).to_lowercase()).or_insert(name);
        }
        i = b;
    }
    out
}

/// Find the party holding the position expressed by the cue at token `cue`.
/// `last` is the most recent party (for `it`, `they`).
pub fn subject(ix: &Index, s: &Sent, cue: usize, last: Option<&Party>) -> Subject {
    let mut out = Subject::default();
    let lo = cue.saturating_sub(MAX_LEFT).max(s.dateline.min(cue));
    let mut b = cue;
    for n in 0..MAX_CHUNKS {
        if b <= lo {
            break;
        }
        let mut a = b;
        while a > lo && !is_break(s, a - 1) {
            a -= 1;
        }
        if let Some(ally) = ally_chunk(s, a, b) {
            out.allies.push(ally);
        } else if let Some((party, start)) = subject_in_chunk(ix, s, a, b, last) {
            out.party = Some(party);
            out.start = (n == 0 || b - start < 12).then_some(start);
            return out;
        } else if n == 0 && clause_start(ix, s, a, b) > a {
            // the cue sits in a subordinate clause (`confirmed that X refuses`) whose subject we
            // cannot read: the main clause's subject is someone else, so stop
            return out;
        }
        b = a.saturating_sub(1);
    }
    out
}

fn is_break(s: &Sent, i: usize) -> bool {
    s.kind(i) == Some(TokenKind::Punct) && matches!(s.words[i], "," | ";" | ":" | "(" | ")" | "—" | "–" | "\"" | "“" | "”")
}

/// `backed by select Western allies`: the allies' span, if the chunk `a..b` names allies.
fn ally_chunk(s: &Sent, a: usize, b: usize) -> Option<Span> {
    let chunk = s.span(a, b);
    let text = s.doc.slice(chunk);
    let m = words().allies.find_all(text).into_iter().find(|m| text[..m.start].trim().is_empty())?;
    let rest = s.token_at(chunk.start + m.end);
    (rest < b).then(|| s.span(rest, b))
}

/// The subject inside chunk `a..b`: after the last subordinator, the first party mention not
/// governed by a preposition; else a pronoun (→ `last`); else a plain noun phrase.
pub fn subject_in_chunk(ix: &Index, s: &Sent, a: usize, b: usize, last: Option<&Party>) -> Option<(Party, usize)> {
    let from = clause_start(ix, s, a, b);
    let mut k = from;
    while k < b {
        let after_prep = k > from && s.role(k - 1) == Some(Role::Prep);
        if !after_prep {
            if let Some(p) = ix.party_at(s, k) {
                return Some((p, k));
            }
        }
        // skip the rest of a mention
        let m = ix.mention_of_token.get(s.first + k).copied().flatten();
        k += 1;
        while m.is_some() && k < b && ix.mention_of_token.get(s.first + k).copied().flatten() == m {
            k += 1;
        }
    }
    if s.role(from) == Some(Role::Pron) {
        return last.cloned().map(|p| (p, from));
    }
    plain_subject(s, from, b).map(|(name, start, short_form)| {
        // `the trust` → `Northgate Health Trust`; `the company` → the organisation last named
        let single_common = words().role(&name.to_lowercase()) == Some(Role::Org);
        let single_gov = words().role(&name.to_lowercase()) == Some(Role::Gov);
        let name = match (name.split_whitespace().count(), ix.proper_name(&name)) {
            (1, Some(proper)) if short_form => proper.clone(),
            _ => match last {
                Some(p) if single_common && p.name.starts_with(char::is_uppercase) && is_organisation(s.doc, p) => return (p.clone(), start),
                // `the state`, `the government` → the place last named
                Some(p) if single_gov && is_place(s.doc, p) => return (p.clone(), start),
                _ => name,
            },
        };
        (Party { key: name.to_lowercase(), entity: None, name }, start)
    })
}

/// Where the clause holding the cue starts inside chunk `a..b`: after the last subordinator
/// (`that`, `while`, `but`), or after `as` when a party or `the` follows (`… as Tehran seeks`).
fn clause_start(ix: &Index, s: &Sent, a: usize, b: usize) -> usize {
    (a..b)
        .rev()
        .find(|&k| {
            let subordinator = matches!(s.role(k), Some(Role::Rel) | Some(Role::Conj) | Some(Role::Say)) && s.lower(k) != "and";
            let as_clause = s.lower(k) == "as" && (s.lower(k + 1) == "the" || ix.party_at(s, k + 1).is_some());
            subordinator || as_clause
        })
        .map(|k| k + 1)
        .unwrap_or(a)
        // inside reported speech the subject starts with the claim's content, when the content
        // runs on to the end of the chunk (a cue after the content is outside the speech)
        .max(
            b.checked_sub(1)
                .and_then(|last| s.tok_span(last))
                .and_then(|l| ix.claim_start_around(l.start, s.tok_span(b).map_or(l.end, |t| t.start)))
                .map(|c| s.token_at(c))
                .unwrap_or(0)
                .min(b),
        )
}

/// A party that can be called `the state` / `the government`: a GPE entity.
fn is_place(doc: &Doc, p: &Party) -> bool {
    p.entity.and_then(|e| doc.entities.get(e)).is_some_and(|e| e.label == "GPE")
}

/// A party that can be called `the company` / `the group`: an ORG entity or a plain name.
fn is_organisation(doc: &Doc, p: &Party) -> bool {
    match p.entity {
        Some(e) => doc.entities.get(e).is_some_and(|e| e.label == "ORG"),
        None => true,
    }
}

/// `The transport workers' union has` → `transport workers' union`: a short noun phrase that
/// starts the chunk, up to an auxiliary or adverb.
/// The flag says whether the name may be a short form of a longer proper name (`the trust`).
fn plain_subject(s: &Sent, from: usize, b: usize) -> Option<(String, usize, bool)> {
    let mut a = from;
    if s.role(a) == Some(Role::Det) {
        a += 1;
    }
    // `Kosovo's prime minister`, `China's commerce ministry`: the named owner is the party
    if a + 1 < b && s.capitalized(a) && s.is_possessive(a + 1) {
        return Some((s.words[a].to_string(), from, false));
    }
    let mut e = a;
    while e < b && e - a < 6 {
        let plain = s.toks[e].kind != TokenKind::Punct && s.role(e).is_none() && !s.lower(e).ends_with("ly");
        // `Nurses and Midwives Union`: a joiner between capitalized words
        let joiner = e > a && matches!(s.lower(e), "and" | "of" | "for") && s.capitalized(e - 1) && s.capitalized(e + 1) && e + 1 < b;
        if !(plain || joiner) {
            break;
        }
        e += 1;
    }
    // possessive apostrophe inside (`workers'`) is punctuation in some tokenizers: allow one
    if e < b && s.is_possessive(e) && e + 1 < b && s.role(e + 1).is_none() {
        e += 2;
        while e < b && s.toks[e].kind != TokenKind::Punct && s.role(e).is_none() && !s.lower(e).ends_with("ly") && e - a < 6 {
            e += 1;
        }
    }
    if e == a || e - a > 6 {
        return None;
    }
    // only `the trust` / `the Commission` may be a short form of a longer name, not `Ethiopia`
    let short_form = a > from || !s.capitalized(a);
    // must be followed by the cue region (nothing but aux/adverbs left) and not a single adverb
    let rest_ok = (e..b).all(|k| matches!(s.role(k), Some(Role::Aux) | Some(Role::Adv)) || s.lower(k).ends_with("ly"));
    let first = s.lower(a);
    if !rest_ok || s.role(a) == Some(Role::Adv) || first.ends_with("ing") || first.ends_with("ed") {
        return None;
    }
    let name = s.doc.slice(s.span(a, e)).to_string();
    Some((name, from, short_form))
}

/// Parties named in a disagreement clause: `X and Y are at odds over`, `a dispute between X
/// and Y over`: every party mention in the chunk before the cue and in `between … and …`.
pub fn clause_parties(ix: &Index, s: &Sent, cue_start: usize, cue_end: usize) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    let mut a = cue_start;
    while a > cue_start.saturating_sub(MAX_LEFT) && a > 0 && !is_break(s, a - 1) {
        a -= 1;
    }
    let from = clause_start(ix, s, a, cue_start);
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(2);
    ranges.push(from..cue_start);
    // `between X and Y` right after the cue's head noun (`dispute between … over`)
    if s.lower(cue_end) == "between" {
        ranges.push(cue_end + 1..(cue_end + 12).min(s.len()));
    }
    for r in ranges {
        for k in r {
            if k > 0 && matches!(s.lower(k - 1), "in" | "of" | "from" | "at" | "on" | "to" | "for" | "by") {
                continue;
            }
            if let Some(p) = ix.party_at(s, k) {
                if !out.iter().any(|q| q.key == p.key) {
                    out.push(p);
                }
            }
        }
    }
    out
}
