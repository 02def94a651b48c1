//! Reported speech inside one sentence: `X said (that) …`, `…, X said.`, `…, said X.`,
//! `according to X, …`, participles that take the clause subject (`…, asserting that …`) and
//! nominal cues (`express concern about …`). A content ends where its clause ends, so
//! `A insists …, though B express concern …` gives two claims with two sources.

use super::ctx::{Ctx, Draft, Drafts, Toks};
use super::lexicon::{lex, CueInfo};
use super::source::{clause_subject, is_medium, left_source, right_source};

/// Words after a comma that start a new clause, ending a content.
const CONTRAST: &[&str] = &["though", "although", "but", "while", "whereas", "even", "despite", "according", "yet", "however"];
/// Words after a cue that introduce adverbials or a listener before `that` (`said on Tuesday that`).
const ADVERBIAL_STARTS: &[&str] = &[
    "on", "in", "at", "during", "after", "before", "last", "this", "to", "late", "earlier", "yesterday", "today",
    "reporters", "journalists", "him", "her", "them", "us", "me", "repeatedly", "again", "publicly", "privately",
    "also", "recently", "previously", "flatly", "firmly", "then", "later", "tuesday", "monday", "wednesday",
    "thursday", "friday", "saturday", "sunday", ",", "—",
];
/// How far back a participle looks for the previous speaker (`"…," she said, adding …`).
const PREVIOUS_SPEAKER_WINDOW: usize = 40;
/// Longest content a cue may take within one sentence, in tokens (keeps every scan bounded).
const MAX_CONTENT: usize = 200;
/// How far after a cue `that` or `:` may come.
const THAT_WINDOW: usize = 8;

/// How a candidate's content is placed relative to its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `X said that CONTENT`.
    After(usize),
    /// `CONTENT, X said.` (content runs from the clause start to the source).
    Before,
}

#[derive(Debug, Clone)]
struct Cand {
    source: Option<Toks>,
    appositive: Option<Toks>,
    cue: Toks,
    negated: bool,
    mode: Mode,
    kind: &'static str,
    rule: &'static str,
    /// First token of the attribution (source or cue, whichever comes first).
    region: Toks,
}

/// Find reported speech in sentence `sent`.
pub fn find(ctx: &Ctx, d: &mut Drafts, sent: usize) {
    let Some(s) = ctx.doc.sentences.get(sent) else { return };
    let (lo, mut hi) = (s.tokens.start, s.tokens.end.min(ctx.len()));
    while hi > lo && ctx.is_terminal(hi - 1) {
        hi -= 1;
    }
    let cands = candidates(ctx, d, lo, hi);
    let mut prev_end = lo;
    for (k, c) in cands.iter().enumerate() {
        let limit = cands.get(k + 1).map(|n| n.region.0).unwrap_or(hi);
        let content = match c.mode {
            Mode::After(start) => vec![(start, content_end(ctx, d, start, limit))],
            Mode::Before => before_content(ctx, d, prev_end, c, limit),
        };
        prev_end = c.region.1.max(content.last().map(|r| r.1).unwrap_or(0));
        let mut draft = Draft::new(c.source, Some(c.cue), content, c.kind, c.rule);
        draft.appositive = c.appositive;
        draft.negated = c.negated;
        if draft.content.iter().any(|&r| !ctx.has_words(r, 1)) {
            continue;
        }
        if (c.kind == "indirect") && draft.content.iter().any(|&(a, b)| (a..b).any(|i| ctx.in_quote[i])) {
            draft.kind = "mixed";
        }
        d.push(draft);
    }
}

/// Every cue in `[lo, hi)` with a source, left to right.
fn candidates(ctx: &Ctx, d: &Drafts, lo: usize, hi: usize) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let mut floor = lo;
    let mut i = lo;
    // a headline in title case (`Senator Says Talks Will Resume`) capitalizes its cues
    let title_case = is_title_case(ctx, lo, hi);
    // where the last claim's clause would end if nothing cut it (computed once per claim)
    let mut running_end: Option<usize> = None;
    while i < hi {
        if d.used[i] || ctx.in_quote[i] {
            floor = floor.max(i + 1);
            i += 1;
            continue;
        }
        let found = if ctx.low(i) == "according" && ctx.low(i + 1) == "to" {
            according_to(ctx, floor, i, hi)
        } else if let Some((len, info)) = ctx.cue_at(i).filter(|_| i == lo || title_case || !ctx.is_capitalized(i)) {
            let window = (i - lo).min(PREVIOUS_SPEAKER_WINDOW);
            let prev_source = out.last().and_then(|p| p.source).or_else(|| d.source_before(i, window));
            cue_candidate(ctx, floor, (i, (i + len).min(hi)), *info, hi, prev_source)
        } else {
            None
        };
        // a cue right at the start of the previous content is nested in it (`sources indicate
        // that a second round is planned`): the outer attribution wins
        let nested = |c: &Cand| match (out.last().map(|p| p.mode), running_end) {
            (Some(Mode::After(ps)), Some(end)) => c.mode != Mode::Before && (!ctx.has_words((ps, c.region.0), 3) || end > c.region.0),
            _ => false,
        };
        match found.filter(|c| !nested(c)) {
            Some(c) => {
                let end = c.region.1.max(c.cue.1);
                // a post-posed attribution closes everything before it
                // a post-posed attribution after a claim that already runs on (`X complained
                // that A, a charge B denied`) is nested in it: the first claim wins
                let after_claim = out.iter().any(|p| matches!(p.mode, Mode::After(_)) && p.kind != "according_to");
                if c.mode == Mode::Before && after_claim {
                    i += 1;
                    continue;
                }
                running_end = match c.mode {
                    // `When asked about X, she said …`: the question ends at its comma
                    Mode::After(ps) if c.kind == "question_no_source" => (ps..hi.min(ps + MAX_CONTENT)).find(|&k| ctx.word(k) == ","),
                    Mode::After(ps) => Some(content_end(ctx, d, ps, hi)),
                    Mode::Before => None,
                };
                out.push(c);
                floor = end;
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A headline-like sentence: no final punctuation, most words capitalized.
fn is_title_case(ctx: &Ctx, lo: usize, hi: usize) -> bool {
    let end = ctx.doc.sentences.get(ctx.sentence_of[lo.min(ctx.len().saturating_sub(1))]).map(|s| s.tokens.end).unwrap_or(hi);
    if end == 0 || ctx.is_terminal(end - 1) || hi - lo > 40 {
        return false;
    }
    let words = (lo..hi).filter(|&i| ctx.is_wordlike(i) && ctx.low(i).len() > 3).count();
    let caps = (lo..hi).filter(|&i| ctx.is_wordlike(i) && ctx.low(i).len() > 3 && ctx.is_capitalized(i)).count();
    words >= 3 && caps * 10 >= words * 8
}

/// `according to X, …` / `…, according to X`.
fn according_to(ctx: &Ctx, floor: usize, i: usize, hi: usize) -> Option<Cand> {
    let s = i + 2;
    let mut e = s;
    while e < hi && e - s < 15 && (!ctx.is_punct(e) || matches!(ctx.word(e), "-" | "&" | ".")) {
        e += 1;
    }
    if !ctx.has_words((s, e), 1) {
        return None;
    }
    let leading = !ctx.has_words((floor, i), 1);
    let mode = if leading {
        let start = if ctx.word(e) == "," { e + 1 } else { e };
        Mode::After(start)
    } else {
        Mode::Before
    };
    Some(Cand {
        source: Some((s, e)),
        appositive: None,
        cue: (i, i + 2),
        negated: false,
        mode,
        kind: "according_to",
        rule: "according-to",
        region: (i, e),
    })
}

fn cue_candidate(ctx: &Ctx, floor: usize, cue: Toks, info: CueInfo, hi: usize, prev: Option<Toks>) -> Option<Cand> {
    let start = content_start(ctx, cue.1, hi, info);
    let nominal = cue.1 - cue.0 > 1 && ctx.low(cue.1 - 1).starts_with("concern");
    let kind = if nominal { "nominal" } else { "indirect" };
    // `express concern about/over …`
    let start = start.map(|s| if nominal && matches!(ctx.low(s), "about" | "over" | "at") { s + 1 } else { s });
    let after_comma = cue.0 > floor && matches!(ctx.word(cue.0 - 1), "," | "”" | "\"" | "—");
    if info.participle && after_comma && ctx.has_words((sentence_start(ctx, cue.0), cue.0), 2) {
        return participial(ctx, cue, info, start, hi, prev);
    }
    // `X said A and insisted that B`: a coordinated verb shares the subject
    let mut k = cue.0;
    while k > floor && matches!(ctx.low(k - 1), "also" | "then" | "later" | "has" | "have" | "had" | "repeatedly") {
        k -= 1;
    }
    if k > floor && matches!(ctx.low(k - 1), "and" | "but") && (!info.needs_that || start.is_some()) {
        return participial(ctx, cue, info, start, hi, prev).map(|c| Cand { rule: "cue:coordinated", kind: "indirect", ..c });
    }
    let mut before = cue.0;
    while before > floor + 1 && ctx.low(before - 1).ends_with("ly") {
        before -= 1; // `the initially planned venue`
    }
    if before > floor && DETERMINERS.contains(&ctx.low(before - 1)) {
        return None; // `his plans`, `their states`: a noun, not a cue
    }
    // `When asked about X, …` / `was asked whether …`: a question put by no one named
    if ctx.low(cue.0) == "asked" && cue.0 > floor && matches!(ctx.low(cue.0 - 1), "when" | "was" | "were" | "been" | "if")
        && matches!(ctx.low(cue.1), "about" | "whether" | "if" | "why" | "what" | "how" | "to")
    {
        return Some(Cand {
            source: None,
            appositive: None,
            cue,
            negated: false,
            mode: Mode::After(cue.1),
            kind: "question_no_source",
            rule: "cue:asked-passive",
            region: cue,
        });
    }
    // `was criticized by X`: the agent is the source (a passive without one keeps its subject,
    // as annotators mostly do)
    if is_passive(ctx, floor, cue.0) && ctx.low(cue.1) == "by" {
        return passive_with_agent(ctx, floor, cue, hi, info);
    }
    let gerund = ctx.low(cue.0).ends_with("ing");
    let left = left_source(ctx, floor, cue.0).filter(|ls| !(gerund && after_preposition(ctx, ls.np, cue.0)));
    if gerund && info.participle && left.is_some_and(|ls| is_medium(ctx, ls.np)) {
        return participial(ctx, cue, info, start, hi, prev); // `in a statement calling for …`
    }
    if let Some(ls) = left {
        let mode = match start {
            // a weak cue (`states`, `support`) is post-posed only at the very end of a sentence
            // `As X points out, …`: the content follows the parenthetical
            _ if ls.np.0 > floor && ctx.low(ls.np.0 - 1) == "as" && ctx.word(cue.1) == "," && ctx.has_words((cue.1, hi), 2) => {
                Mode::After(cue.1 + 1)
            }
            _ if ends_here(ctx, cue.1, hi) && !info.needs_that => Mode::Before,
            Some(s) if ctx.has_words((s, hi), 2) => Mode::After(s),
            // a weak cue with a person as subject takes its object as the stance (`she
            // supports the measure`, `he questioned the timing`)
            _ if info.needs_that && person_subject(ctx, ls.np) && !hearsay_between(ctx, ls.np.1, cue.0) && ctx.has_words((cue.1, hi), 2) && !ctx.is_punct(cue.1) => Mode::After(cue.1),
            _ if info.needs_that => return None,
            _ => Mode::Before,
        };
        if mode == Mode::Before && !ctx.has_words((floor, ls.np.0), 2) {
            return None;
        }
        let rule = if mode == Mode::Before { "cue:post-posed" } else { "cue:np-before" };
        return Some(Cand {
            source: Some(ls.np),
            appositive: ls.appositive,
            cue,
            negated: ls.negated || info.denial,
            mode,
            kind,
            rule,
            region: (ls.np.0, cue.1),
        });
    }
    if after_comma && ctx.has_words((floor, cue.0), 2) {
        // `…, said a senior official.`
        let invertible = INVERTIBLE.contains(&ctx.low(cue.0)) && cue.1 == cue.0 + 1;
        if let Some(src) = right_source(ctx, cue.1, hi).filter(|_| invertible) {
            if src.1 >= hi || ctx.word(src.1) == "," {
                // `said Rep. John Smith, chair of the panel.`: the appositive ends the region
                let tail = (src.1 + 1..hi.min(src.1 + 20)).find(|&k| ctx.word(k) == ",").unwrap_or(hi);
                let region_end = if src.1 >= hi { hi } else { tail };
                return Some(Cand {
                    source: Some(src),
                    appositive: None,
                    cue,
                    negated: info.denial,
                    mode: Mode::Before,
                    kind,
                    rule: "cue:inverted",
                    region: (cue.0, region_end),
                });
            }
        }
    }
    None
}

/// A personal pronoun, a person or a people noun ending the phrase (`officials`; not a body such as `Iran`, whose acts are often reported
/// rather than stated, nor an inanimate `the bridge`).
fn person_subject(ctx: &Ctx, np: Toks) -> bool {
    let pronoun = np.1 == np.0 + 1 && matches!(ctx.low(np.0), "he" | "she" | "they" | "we" | "i");
    let source_noun = ctx.low(np.1.saturating_sub(1));
    pronoun || lex().source_nouns.contains_key(source_noun) || super::source::classify(ctx, np, None) == crate::doc::SourceKind::Person
}

/// `X reportedly rejected …`: the act is reported by someone else, not stated by X.
fn hearsay_between(ctx: &Ctx, from: usize, to: usize) -> bool {
    (from..to).any(|i| matches!(ctx.low(i), "reportedly" | "allegedly" | "purportedly"))
}

/// Prepositions and verbs that take a gerund (`short of calling`, `from saying`): the words
/// before such a cue are not its source.
const GERUND_TAKERS: &[&str] = &[
    "of", "from", "by", "for", "about", "without", "after", "before", "in", "on", "at", "while", "when", "into",
    "stop", "stopped", "keep", "kept", "avoid", "avoided", "began", "begin", "started", "start", "like", "tire",
    "really", "clear", "upon", "against", "with", "besides",
];

fn after_preposition(ctx: &Ctx, np: Toks, cue: usize) -> bool {
    let last = cue.saturating_sub(1);
    GERUND_TAKERS.contains(&ctx.low(last)) || (np.1..cue).any(|i| GERUND_TAKERS.contains(&ctx.low(i))) || GERUND_TAKERS.contains(&ctx.low(np.1.saturating_sub(1)))
}

/// `…, asserting that …`: the source is the previous speaker in the sentence, else the
/// clause subject.
fn participial(ctx: &Ctx, cue: Toks, info: CueInfo, start: Option<usize>, hi: usize, prev: Option<Toks>) -> Option<Cand> {
    let s = start.filter(|&s| ctx.has_words((s, hi), 2))?;
    // no subject found: not shown as anyone's claim
    let source = Some(prev.or_else(|| relative_pronoun_before(ctx, cue.0)).or_else(|| clause_subject(ctx, subject_start(ctx, cue.0), cue.0))?);
    Some(Cand {
        source,
        appositive: None,
        cue,
        negated: info.denial,
        mode: Mode::After(s),
        kind: "participial",
        rule: "cue:participle-subject",
        region: cue,
    })
}

/// Speech verbs that may come before their source (`…, said the minister`).
const INVERTIBLE: &[&str] = &[
    "said", "says", "added", "adds", "wrote", "writes", "asked", "asks", "explained", "argued", "noted", "insisted",
    "recalled", "replied", "responded", "warned", "acknowledged", "continued", "concluded", "countered", "declared",
    "observed", "remarked", "tweeted", "told", "tells", "conceded", "cautioned", "quipped", "joked", "predicted",
];

/// Possessives and articles: a cue word right after one is a noun.
const DETERMINERS: &[&str] = &["his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "'s", "this", "these", "those"];
/// Forms of `be` that make a following participle passive (`was asked`, `is said`).
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get", "got"];
/// Adverbs allowed between `be` and a passive participle.
const PASSIVE_ADVERBS: &[&str] = &["also", "not", "n't", "never", "widely", "repeatedly", "publicly", "often", "reportedly", "sharply", "roundly", "later", "previously"];

/// `was asked`, `has been criticized`: the subject is not the speaker.
fn is_passive(ctx: &Ctx, floor: usize, cue: usize) -> bool {
    let mut j = cue;
    while j > floor && PASSIVE_ADVERBS.contains(&ctx.low(j - 1)) {
        j -= 1;
    }
    j > floor && BE.contains(&ctx.low(j - 1))
}

/// A passive cue with `by X` after it (`was criticized by X for …`) has X as source.
fn passive_with_agent(ctx: &Ctx, floor: usize, cue: Toks, hi: usize, info: CueInfo) -> Option<Cand> {
    let src = right_source(ctx, cue.1 + 1, hi)?;
    let src = (src.0, src.1.min(src.0 + 8));
    let _ = floor;
    let start = if ctx.word(src.1) == "," { src.1 + 1 } else { src.1 };
    if !ctx.has_words((start, hi), 2) {
        return None;
    }
    Some(Cand {
        source: Some(src),
        appositive: None,
        cue,
        negated: info.denial,
        mode: Mode::After(start),
        kind: "indirect",
        rule: "cue:passive-agent",
        region: (cue.0, src.1),
    })
}

/// `…, who met voters and said …`: the relative pronoun of the clause is the subject.
fn relative_pronoun_before(ctx: &Ctx, cue: usize) -> Option<Toks> {
    let lo = sentence_start(ctx, cue);
    (cue.saturating_sub(15).max(lo)..cue)
        .rev()
        .take_while(|&k| !matches!(ctx.word(k), ";" | "—") && (ctx.word(k) != "," || k + 1 >= cue || ctx.low(k + 1) == "who"))
        .find(|&k| ctx.low(k) == "who")
        .map(|k| (k, k + 1))
}

/// Where the subject of the sentence holding token `i` starts: after an introductory phrase
/// (`In Tehran, …`, `WASHINGTON ―`) when there is one.
fn subject_start(ctx: &Ctx, i: usize) -> usize {
    let s = sentence_start(ctx, i);
    let intro = INTRO_WORDS.contains(&ctx.low(s))
        || (ctx.low(s).ends_with("ly") && ctx.word(s + 1) == ",")
        || (ctx.low(s).ends_with("ing") && ctx.low(s).len() > 4) || ctx.word(s).chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
    if !intro {
        return s;
    }
    (s..i.min(s + 12)).find(|&k| matches!(ctx.word(k), "," | "―" | "—" | "-" | ":")).map(|k| k + 1).unwrap_or(s)
}

/// Words that open an introductory phrase before the subject.
const INTRO_WORDS: &[&str] = &[
    "in", "on", "at", "after", "before", "during", "inside", "with", "for", "since", "as", "while", "when", "last",
    "earlier", "later", "then", "still", "but", "and", "yet", "meanwhile", "instead", "however", "speaking",
];

fn sentence_start(ctx: &Ctx, i: usize) -> usize {
    ctx.doc.sentences.get(ctx.sentence_of[i]).map(|s| s.tokens.start).unwrap_or(0)
}

/// Nothing but punctuation or a short adverbial follows the cue (`…, officials said on Tuesday.`).
fn ends_here(ctx: &Ctx, from: usize, hi: usize) -> bool {
    if from >= hi {
        return true;
    }
    let w = ctx.word(from);
    // `…, analysts say; in 2012 …`
    w == ";" || w == "," && !(from + 1 < hi && ctx.is_quote(from + 1)) && ctx.low(from + 1) != "that"
}

/// Where the content after a cue starts: after `that` or `:` if one follows shortly, else
/// right after the cue (and its listener). `None` if the cue needs `that` and has none.
fn content_start(ctx: &Ctx, from: usize, hi: usize, info: CueInfo) -> Option<usize> {
    // `told residents that …`: a listener may come before `that`
    let lookahead = from < hi
        && (info.takes_object || ADVERBIAL_STARTS.contains(&ctx.low(from)) || ctx.is_capitalized(from) || matches!(ctx.low(from), "that" | ":"));
    if lookahead {
        for j in from..(from + THAT_WINDOW).min(hi) {
            let w = ctx.low(j);
            if w == "that" || w == ":" {
                // `say that, even if …, the count stands`: the content starts after the comma
                let mut s = j + 1;
                while s < hi && w == "that" && ctx.word(s) == "," {
                    s += 1;
                }
                return Some(s);
            }
            if ctx.is_quote(j) && j > from {
                return Some(j);
            }
            if ctx.is_punct(j) && w != "," && w != "—" {
                break;
            }
        }
    }
    if from < hi && ctx.is_quote(from) {
        return Some(from);
    }
    if info.needs_that {
        return None;
    }
    let mut j = from;
    if info.takes_object && j < hi && (ctx.is_capitalized(j) || ADVERBIAL_STARTS.contains(&ctx.low(j))) {
        j += 1;
    }
    while j < hi && matches!(ctx.word(j), "," | ":" | "—") {
        j += 1;
    }
    Some(j)
}

/// The end (exclusive) of a content starting at `start`: the clause end before `limit`.
fn content_end(ctx: &Ctx, d: &Drafts, start: usize, limit: usize) -> usize {
    let limit = limit.min(start + MAX_CONTENT);
    let mut j = start;
    while j < limit {
        let w = ctx.low(j);
        if w == ";" || d.used[j] {
            break;
        }
        if matches!(w, "," | "—" | "–" | "--") && !ctx.in_quote[j] && ends_clause_after_comma(ctx, j) {
            break;
        }
        // `… and insisted that …`: a second verb of the speaker starts a new claim
        if j > start && matches!(w, "and" | "but") && !ctx.in_quote[j] && (cue_follows(ctx, j + 1) || later_verb_follows(ctx, j + 1)) {
            break;
        }
        j += 1;
    }
    trim_end(ctx, start, j)
}

/// After a comma or dash at `j`: a contrast word, a participle (`, throwing …`,
/// `, illogically tying …`) or, after a dash, `and`.
fn ends_clause_after_comma(ctx: &Ctx, j: usize) -> bool {
    let next = ctx.low(j + 1);
    if CONTRAST.contains(&next) || (next == "and" && ctx.word(j) != ",") {
        return true;
    }
    // `…, with such a precedent for …` / `…, with whom he clashed`: a trailing adjunct
    if next == "with" || next == "which" {
        return true;
    }
    let participle = |k: usize| ctx.low(k).ends_with("ing") && ctx.low(k).len() > 4 && !ctx.is_capitalized(k);
    participle(j + 1) || (ctx.low(j + 1).ends_with("ly") && participle(j + 2))
}

/// A reporting verb (after optional auxiliaries/adverbs) starts at `k`.
fn cue_follows(ctx: &Ctx, k: usize) -> bool {
    let mut k = k;
    while k < ctx.len() && matches!(ctx.low(k), "also" | "then" | "later" | "has" | "have" | "had" | "repeatedly") {
        k += 1;
    }
    ctx.cue_at(k).is_some_and(|(_, info)| !info.needs_that || matches!(ctx.low(k + 1), "that" | ":"))
}

/// `… but later admitted …` / `… and then resigned`: a time adverb and a past-tense verb start
/// the speaker's next action, not more of what was said.
fn later_verb_follows(ctx: &Ctx, k: usize) -> bool {
    matches!(ctx.low(k), "later" | "then" | "subsequently" | "eventually" | "soon") && {
        let v = ctx.low(k + 1);
        v.len() > 3 && v.ends_with("ed") && !ctx.is_capitalized(k + 1)
    }
}

fn trim_end(ctx: &Ctx, start: usize, mut j: usize) -> usize {
    while j > start && ctx.is_punct(j - 1) && !ctx.is_quote(j - 1) {
        j -= 1;
    }
    j
}

/// The content of a post-posed attribution: the clause before the source, plus the rest of
/// the sentence when the attribution sits in the middle (`The deal, officials said, is dead`).
fn before_content(ctx: &Ctx, d: &Drafts, prev_end: usize, c: &Cand, limit: usize) -> Vec<Toks> {
    let mut a = prev_end;
    while a < c.region.0 && (d.used[a] || ctx.is_punct(a) && !ctx.is_quote(a)) {
        a += 1;
    }
    let first = (a, trim_end(ctx, a, c.region.0));
    let after = c.region.1.max(c.cue.1);
    let rest_start = if ctx.word(after) == "," { after + 1 } else { after };
    if after < limit && ctx.word(after) == "," && ctx.has_words((rest_start, limit), 2) {
        let rest = (rest_start, content_end(ctx, d, rest_start, limit));
        return vec![first, rest];
    }
    vec![first]
}
