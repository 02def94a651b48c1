//! The disputes stage's word lists (`data/disputes/*.txt`), parsed once, and the tiny
//! morphology (lemma) the stage needs. Matching code lives in the sibling modules.

use crate::hash::HashMap;
use crate::lexicon::{lower, parse, PhraseMatcher};
use std::borrow::Cow;
use std::sync::OnceLock;

/// What a contention cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Names a disagreement; the phrases after it are issues, nobody's stance.
    Issue,
    /// The subject party wants what follows.
    For,
    /// The subject party rejects what follows.
    Against,
    /// Labels a phrase before it as contested (`X … as a red line`).
    Backward,
    /// `X versus Y`: one issue with two options.
    Versus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub kind: CueKind,
    /// Only positions a party on an issue established elsewhere.
    pub weak: bool,
    /// The phrase ends in `to` and a verb follows that is skipped.
    pub verb: bool,
    /// Parties come between the cue and `over`/`on`/`about`, then the issue.
    pub gap: bool,
}

/// Role of a function word (see `data/disputes/function_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Det,
    Prep,
    Conj,
    Rel,
    Aux,
    Pron,
    Adv,
    Desc,
    /// A reporting verb: a new clause with its own subject follows.
    Say,
    /// A common noun for the organisation last named (`the company`).
    Org,
    /// `state`, `government`: a common noun standing for the place (GPE) last named.
    Gov,
}

/// A polarity word: sign and whether it opens an inclusion frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Polarity {
    pub sign: i8,
    pub frame: bool,
    /// A verb follows that is skipped (`an order to disclose X`).
    pub verb: bool,
}

pub struct Words {
    pub cues: PhraseMatcher<Cue>,
    pub allies: PhraseMatcher<()>,
    roles: HashMap<&'static str, Role>,
    /// `None` = generic head; `Some(key)` = synonym.
    heads: HashMap<&'static str, Option<&'static str>>,
    /// One- and two-word polarity phrases, lowercase.
    polarity: HashMap<&'static str, Polarity>,
    frames: crate::hash::HashSet<&'static str>,
    /// option word → (label `a vs b`, is first option)
    contrasts: HashMap<&'static str, (String, bool)>,
    /// nationality → country (`Iranian` → `Iran`), from the entities stage's lexicon.
    pub norp: HashMap<&'static str, &'static str>,
    /// capital → country (`Tehran` → `Iran`), from the entities stage's lexicon, for texts
    /// where the country itself is never named (so `metonym_of` is empty).
    pub metonyms: HashMap<&'static str, &'static str>,
    /// Short form → heads of the longer names it may stand for (`union` → `association`).
    pub short_forms: HashMap<&'static str, Vec<&'static str>>,
    /// Reported-speech stance words: word → (sign, read inside the content).
    pub claim_stance: HashMap<&'static str, (i8, bool)>,
}

pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(load)
}

fn load() -> Words {
    let cues: Vec<(&str, Cue)> = parse(include_str!("../../data/disputes/cues.txt"))
        .filter_map(|e| {
            let v = e.value.unwrap_or("issue");
            let mut parts = crate::text::words(v);
            let kind = match parts.next()? {
                "issue" => CueKind::Issue,
                "for" => CueKind::For,
                "against" => CueKind::Against,
                "backward" => CueKind::Backward,
                "versus" => CueKind::Versus,
                _ => return None,
            };
            let flags: Vec<&str> = parts.collect();
            Some((e.key, Cue { kind, weak: flags.contains(&"weak"), verb: flags.contains(&"verb"), gap: flags.contains(&"gap") }))
        })
        .collect();
    let mut roles = HashMap::default();
    let mut allies = Vec::new();
    for e in parse(include_str!("../../data/disputes/function_words.txt")) {
        let role = match e.value.unwrap_or("") {
            "det" => Role::Det,
            "prep" => Role::Prep,
            "conj" => Role::Conj,
            "rel" => Role::Rel,
            "aux" => Role::Aux,
            "pron" => Role::Pron,
            "adv" => Role::Adv,
            "desc" => Role::Desc,
            "say" => Role::Say,
            "org" => Role::Org,
            "gov" => Role::Gov,
            "ally" => {
                allies.push((e.key, ()));
                continue;
            }
            _ => continue,
        };
        roles.insert(e.key, role);
    }
    let heads = parse(include_str!("../../data/disputes/heads.txt"))
        .map(|e| (e.key, e.value.filter(|v| *v != "-")))
        .collect();
    let polarity = parse(include_str!("../../data/disputes/polarity.txt"))
        .filter_map(|e| {
            let v = e.value?;
            let sign = if v.starts_with('-') { -1 } else { 1 };
            Some((e.key, Polarity { sign, frame: v.contains("frame"), verb: v.contains("verb") }))
        })
        .collect();
    let frames = parse(include_str!("../../data/disputes/frames.txt")).map(|e| e.key).collect();
    let mut contrasts = HashMap::default();
    for e in parse(include_str!("../../data/disputes/contrasts.txt")) {
        if let Some(second) = e.value {
            let label = format!("{} vs {}", e.key, second);
            contrasts.entry(e.key).or_insert((label.clone(), true));
            contrasts.entry(second).or_insert((label, false));
        }
    }
    // Nationality words name a country (`Iranian leaders` speak for Iran). The list is the
    // entities stage's; if its format changes this map is simply empty.
    let norp = parse(include_str!("../../data/entities/norp.txt")).filter_map(|e| Some((e.key, e.value?))).collect();
    let metonyms = parse(include_str!("../../data/entities/metonyms.txt"))
        .chain(parse(include_str!("../../data/disputes/capitals.txt")))
        .filter_map(|e| Some((e.key, e.value?)))
        .collect();
    let claim_stance = parse(include_str!("../../data/disputes/claim_stance.txt"))
        .filter_map(|e| {
            let mut parts = crate::text::words(e.value?);
            let sign = if parts.next()? == "-" { -1 } else { 1 };
            Some((e.key, (sign, parts.next() == Some("content"))))
        })
        .collect();
    let short_forms = parse(include_str!("../../data/disputes/short_forms.txt"))
        .filter_map(|e| Some((e.key, e.value?.split(',').map(str::trim).filter(|h| !h.is_empty()).collect())))
        .collect();
    Words {
        short_forms,
        claim_stance,
        metonyms,
        cues: PhraseMatcher::new(cues, true),
        allies: PhraseMatcher::new(allies, true),
        roles,
        heads,
        polarity,
        frames,
        contrasts,
        norp,
    }
}

impl Words {
    pub fn role(&self, lower: &str) -> Option<Role> {
        self.roles.get(lower).copied()
    }
    /// `Some(None)` generic, `Some(Some(k))` synonym, `None` ordinary word.
    pub fn head(&self, lower: &str) -> Option<Option<&'static str>> {
        self.head_by(lower, || lemma(lower))
    }
    /// [`Self::head`] of `lower`, else of its lemma (made by `lemma` only when needed).
    fn head_by<'w>(&self, lower: &str, lemma: impl FnOnce() -> Cow<'w, str>) -> Option<Option<&'static str>> {
        match self.heads.get(lower) {
            Some(&head) => Some(head),
            None => self.heads.get(&*lemma()).copied(),
        }
    }
    pub fn polarity(&self, phrase: &str) -> Option<Polarity> {
        self.polarity.get(phrase).copied()
    }
    pub fn is_frame(&self, lower: &str) -> bool {
        self.frames.contains(lower)
    }
    pub fn contrast(&self, lower: &str) -> Option<&(String, bool)> {
        self.contrasts.get(lower)
    }
}

/// A crude lemma for grouping: lowercase, plural endings removed (`missiles` → `missile`,
/// `policies` → `policy`); words ending in `ss`, `us`, `is` keep their `s`.
pub fn lemma(word: &str) -> Cow<'_, str> {
    let w = lower(word);
    if w.len() > 4 && w.ends_with("ies") {
        return Cow::Owned(format!("{}y", &w[..w.len() - 3]));
    }
    // `classes`, `taxes`, `churches`, `wishes` → drop `es`
    if w.len() > 4 && ["sses", "xes", "ches", "shes"].iter().any(|e| w.ends_with(e)) {
        return drop_last(w, 2);
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return drop_last(w, 1);
    }
    w
}

/// `w` without its last `n` bytes (ASCII letters), still borrowed if it was.
fn drop_last(w: Cow<'_, str>, n: usize) -> Cow<'_, str> {
    match w {
        Cow::Borrowed(b) => Cow::Borrowed(&b[..b.len() - n]),
        Cow::Owned(mut o) => {
            o.truncate(o.len() - n);
            Cow::Owned(o)
        }
    }
}

/// A crude stem for grouping keys, so variants of one word meet (`automation`, `automate` →
/// `autom`; `enrichment` → `enrich`); at least four letters are always kept.
pub fn stem(lemma: &str) -> &str {
    for suffix in ["ation", "ated", "ates", "ate", "ment", "ion", "ing", "ed"] {
        if let Some(rest) = lemma.strip_suffix(suffix) {
            if rest.chars().count() >= 4 {
                return rest;
            }
        }
    }
    lemma
}

impl Words {
    /// The issue key one word files under: a synonym's key or its stemmed lemma; `None` for a
    /// generic word. (Contrast options are handled by the caller.)
    pub fn word_key(&self, word: &str) -> Option<String> {
        let lower = lower(word);
        let lemma = lemma(&lower);
        // (the lemma is made once, for the head lookup and the key)
        match self.head_by(&lower, || Cow::Borrowed(&*lemma)) {
            Some(None) => None,
            Some(Some(k)) => Some(stem(k).to_string()),
            None => Some(stem(&lemma).to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let w = words();
        assert_eq!(w.role("the"), Some(Role::Det));
        assert_eq!(w.head("arsenal"), Some(None));
        assert_eq!(w.head("location"), Some(Some("venue")));
        assert_eq!(w.polarity("narrowing").map(|p| p.sign), Some(-1));
        assert_eq!(w.contrast("multilateral").map(|c| c.1), Some(false));
        assert!(!w.cues.find_all("it pushed for talks").is_empty());
    }

    #[test]
    fn lemmas() {
        for (w, l) in [("missiles", "missile"), ("policies", "policy"), ("Rights", "right"), ("process", "process"), ("bus", "bus"), ("talks", "talk"), ("classes", "class"), ("taxes", "tax")] {
            assert_eq!(lemma(w), l);
        }
        for (w, k) in [("automation", "autom"), ("automate", "autom"), ("enrichment", "enrich"), ("union", "union"), ("agenda", "agenda")] {
            assert_eq!(stem(w), k);
        }
    }
}
