//! Grouping: mentions → entities. Same canonical name and label; a person's surname or first
//! name to an earlier full name; an acronym to the organization whose initials it spells; a
//! metonym (`Tehran`, `the White House`) kept as its own entity pointing to what it stands for.

use super::Candidate;
use crate::doc::{Doc, Entity, Mention};
use crate::hash::HashMap;

/// Labels that name things (numbers and dates are mentions but not grouped across the text).
fn is_named(label: &str) -> bool {
    matches!(label, "PERSON" | "ORG" | "GPE" | "LOC" | "FAC" | "NORP" | "EVENT" | "LAW")
}

/// Initials of the capitalized words of a name (`International Atomic Energy Agency` → `IAEA`).
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A mention of a metonym is a metonym unless it is used as a place (`in Tehran`).
fn used_as_place(text: &str, c: &Candidate) -> bool {
    let before = text.get(..c.span.start).unwrap_or("").trim_end();
    let prev = before.rsplit(|ch: char| !ch.is_alphabetic()).next().unwrap_or("");
    let prev = match before.strip_suffix("the") {
        Some(rest) => rest.trim_end().rsplit(' ').next().unwrap_or(""),
        None => prev,
    };
    let after = text.get(c.span.end..).unwrap_or("");
    // a dateline (`ISLAMABAD:`) or an address (`Muscat, Oman`) names the place itself
    let dateline = after.starts_with(':') || after.starts_with(" (") || after.starts_with(" -");
    let address = after.starts_with(", ") && after[2..].starts_with(|ch: char| ch.is_uppercase());
    dateline
        || address
        || matches!(prev, "in" | "at" | "to" | "from" | "near" | "into" | "outside" | "inside" | "across" | "around" | "via")
}

pub(crate) fn group(doc: &mut Doc, cands: Vec<Candidate>) {
    // (keys borrow the candidates' canonical names: no copy per mention)
    let mut by_key: HashMap<(&str, &'static str), usize> = HashMap::default();
    let mut by_acronym: HashMap<String, usize> = HashMap::default();
    // a single word of a person's name → that person's entity (last full name wins)
    let mut by_name_part: HashMap<&str, usize> = HashMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = Vec::with_capacity(cands.len());
    let mut pending_metonyms: Vec<(usize, &str)> = Vec::new();
    let text = doc.text.as_str();
    for c in &cands {
        let surface = c.span.slice(text);
        let canonical = c.canonical.as_str(text);
        let mut found = None;
        if is_named(c.label) {
            found = by_key.get(&(canonical, c.label)).copied();
            if found.is_none() && c.label == "PERSON" && !canonical.contains(' ') {
                found = by_name_part.get(canonical).copied();
            }
            if found.is_none() && c.label == "ORG" && canonical.chars().all(|ch| ch.is_uppercase() || ch == '.') {
                found = by_acronym.get(&canonical.replace('.', "")).copied();
            }
        }
        let id = match found {
            Some(id) => id,
            None => {
                entities.push(Entity {
                    label: c.label,
                    canonical: canonical.to_string(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    salience: 0.0,
                    metonym_of: None,
                });
                let id = entities.len() - 1;
                if is_named(c.label) {
                    by_key.insert((canonical, c.label), id);
                }
                if let Some(target) = c.metonym_of {
                    pending_metonyms.push((id, target));
                }
                if c.label == "ORG" && canonical.contains(' ') {
                    let acr = initials(canonical);
                    if acr.len() >= 2 {
                        by_acronym.entry(acr).or_insert(id);
                    }
                }
                id
            }
        };
        if c.label == "PERSON" && canonical.contains(' ') {
            for part in canonical.split(' ').filter(|p| p.len() > 2 && p.starts_with(|ch: char| ch.is_uppercase())) {
                by_name_part.insert(part, id);
            }
        }
        let e = &mut entities[id];
        if surface != e.canonical && !e.aliases.iter().any(|a| a == surface) {
            e.aliases.push(surface.to_string());
        }
        e.mentions.push(mentions.len());
        let metonym = c.metonym_of.is_some() && !used_as_place(text, c);
        mentions.push(Mention { span: c.span, label: c.label, entity: Some(id), rule: c.rule, role: metonym.then_some("metonym") });
    }
    for (id, target) in pending_metonyms {
        if !entities[id].mentions.iter().any(|&m| mentions[m].role.is_some()) {
            continue; // only ever used as a place
        }
        entities[id].metonym_of = entities.iter().position(|e| e.canonical == target && e.metonym_of.is_none() && is_named(e.label));
    }
    salience(doc, &mut entities, &mentions);
    doc.mentions = mentions;
    doc.entities = entities;
}

/// Salience: share of named mentions (70 %) and how early the first mention comes (30 %).
fn salience(doc: &Doc, entities: &mut [Entity], mentions: &[Mention]) {
    let total = mentions.iter().filter(|m| is_named(m.label)).count().max(1) as f32;
    let text_len = doc.text.len().max(1) as f32;
    for e in entities.iter_mut() {
        let first = e.mentions.first().map(|&m| mentions[m].span.start).unwrap_or(0) as f32;
        let share = if is_named(e.label) { e.mentions.len() as f32 / total } else { 0.0 };
        e.salience = (share * 0.7 + (1.0 - first / text_len) * 0.3).clamp(0.0, 1.0);
    }
}
