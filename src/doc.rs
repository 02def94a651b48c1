//! The document model: one cleaned text and the append-only annotation layers over it.
//!
//! Every offset in this module is a UTF-8 byte offset into [`Doc::text`], which never changes
//! after the cleaning stage. Conversion to the wire's UTF-16 offsets happens only in `wire.rs`.
//! These are plain Rust types: no serde, no wasm-bindgen.

/// A half-open byte range `[start, end)` into the document text, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers (empty if the span is not valid for `text`).
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// One recorded change made by the cleaning stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What kind of repair: `join_split`, `unicode_space`, `hyphen`, `duplicate_headline`, …
    pub kind: &'static str,
    /// The replaced range in the original (pasted) text.
    pub original: Span,
    /// The range the replacement occupies in the cleaned text.
    pub cleaned: Span,
    /// The replacement text (`cleaned.slice(doc.text)`), kept for convenience.
    pub replacement: String,
}

/// A repair the cleaning stage is not sure enough to apply (no wrap geometry supports it):
/// offered to the user, never applied. `span` is in the cleaned text (`doc.text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub span: Span,
    pub replacement: String,
    /// What kind of repair: `join_split`.
    pub kind: &'static str,
}

/// Coarse token classes; the tokenizer decides, later stages only read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// The document's vocabulary (spaCy's lexemes): each token's word id, equal token texts
/// sharing one, and each word's first occurrence. A stage keeps what it looks up about a word
/// per id, so a word is lower-cased, hashed and looked up once per article, not once per
/// occurrence. Made by the tokenizer with the tokens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocab {
    /// Per token, its word's id.
    pub ids: Vec<u32>,
    /// Per word id, the span of its first occurrence.
    pub words: Vec<Span>,
}

impl Vocab {
    /// Whether this vocabulary is the one of `tokens` (one id per token).
    pub fn covers(&self, tokens: &[Token]) -> bool {
        self.ids.len() == tokens.len()
    }
}

/// A sentence: its span and the range of token indices it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
    /// Paragraph index (paragraphs are separated by blank lines or line breaks).
    pub paragraph: usize,
}

/// A named mention: a span with an OntoNotes label (`PERSON`, `GPE`, `DATE`, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub label: &'static str,
    /// Index into [`Doc::entities`] once grouping has run.
    pub entity: Option<usize>,
    /// The rule or lexicon that produced this mention (e.g. `lex:countries`, `title+name`).
    pub rule: &'static str,
    /// `"metonym"` when the mention stands for another thing (`Tehran` for Iran's government).
    pub role: Option<&'static str>,
}

/// One real-world thing: a group of mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub label: &'static str,
    pub canonical: String,
    pub aliases: Vec<String>,
    /// Indices into [`Doc::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// 0..1, higher = more central to the article.
    pub salience: f32,
    /// For a metonym group (`Tehran`), the entity it stands for (`Iran`).
    pub metonym_of: Option<usize>,
}

/// Who stands behind a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A named person (`Donald Trump`).
    Person,
    /// A named organization or state (`the United States`, `Reuters`).
    Organization,
    /// Unnamed official or collective (`US officials`, `analysts`).
    Unnamed,
    /// Explicitly anonymous (`a senior official, speaking anonymously`, `people familiar with`).
    Anonymous,
    /// Hearsay (`reports suggest`).
    Hearsay,
    /// A pronoun (`he said`).
    Pronoun,
    /// No source in the text (`reportedly`).
    None,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Unnamed => "unnamed",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Hearsay => "hearsay",
            SourceKind::Pronoun => "pronoun",
            SourceKind::None => "none",
        }
    }
}

/// One attributed claim: who (source) says (cue) what (content).
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub source: Option<Span>,
    pub cue: Option<Span>,
    /// The covering span of the content.
    pub content: Span,
    /// Pieces of a discontinuous content (a quote interrupted by `he said`); empty if contiguous.
    pub content_segments: Vec<Span>,
    /// `direct`, `indirect`, `mixed`, `according_to`, `headline`, `nominal`, …
    pub kind: &'static str,
    pub source_kind: SourceKind,
    /// The entity the source names, when there is one.
    pub source_entity: Option<usize>,
    /// Hedge words inside or around the claim (`reportedly`, `may`).
    pub hedges: Vec<Span>,
    /// The cue is negated or a denial (`has not confirmed`, `denied that`).
    pub negated: bool,
    /// The stated reason for anonymity, when given.
    pub anonymity: Option<Span>,
    pub rule: &'static str,
}

/// A party's stance on a disputed issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    For,
    Against,
    WantsIncluded,
    WantsExcluded,
    NotStated,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::For => "for",
            Stance::Against => "against",
            Stance::WantsIncluded => "wants_included",
            Stance::WantsExcluded => "wants_excluded",
            Stance::NotStated => "not_stated",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// Index into [`Doc::entities`], when the party is a grouped entity.
    pub party: Option<usize>,
    pub name: String,
    /// Extractive position statement, or `None` when the article states none.
    pub position: Option<Span>,
    pub stance: Stance,
    /// Indices into [`Doc::claims`].
    pub claims: Vec<usize>,
    /// Allies stated beside the party (`backed by select Western allies`), as text spans.
    pub allies: Vec<Span>,
}

/// A disputed issue with its parties' positions.
#[derive(Debug, Clone, PartialEq)]
pub struct Dispute {
    pub label: String,
    pub mentions: Vec<Span>,
    pub evidence: Vec<Span>,
    pub sides: Vec<Side>,
    pub rule: &'static str,
}

/// Something the user should know (input truncated, not an article, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
}

/// The analysed document. Stages fill the layers in pipeline order and never rewrite earlier ones.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The text as given by the user.
    pub original: String,
    /// The cleaned text every span points into.
    pub text: String,
    pub edits: Vec<Edit>,
    /// Repairs offered but not applied (spans in `text`).
    pub suggestions: Vec<Suggestion>,
    pub tokens: Vec<Token>,
    /// The distinct token texts and each token's (see [`Vocab`]).
    pub vocab: Vocab,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub disputes: Vec<Dispute>,
    pub warnings: Vec<Warning>,
}

impl Doc {
    /// A document whose text is `text` unchanged (cleaning not yet run).
    pub fn new(text: &str) -> Doc {
        Doc { original: text.to_string(), text: text.to_string(), ..Doc::default() }
    }
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }
    pub fn warn(&mut self, code: &'static str, message: impl Into<String>) {
        self.warnings.push(Warning { code, message: message.into() });
    }
}
