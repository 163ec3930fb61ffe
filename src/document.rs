//! The output model: a [`Document`] of entities, referents and quotes.
//!
//! This is the public contract of the library and of the CLI's JSON. All
//! offsets are UTF-8 byte offsets into the extracted text, end exclusive,
//! unless converted with [`Document::convert_offsets`]. Every `text` field
//! is exactly the slice of the input at its offsets. Text borrowed from the
//! input (or from the extractor's lexicons) stays borrowed until the
//! document is serialized; [`Document::into_owned`] detaches it.
//!
//! ```json
//! {"schema_version": 1, "offsets": "bytes",
//!  "entities": [{"start": 93, "end": 105, "text": "Donald Trump", "label": "PERSON", "canonical": "Donald Trump"}],
//!  "referents": [{"canonical": "Donald Trump", "label": "PERSON", "mentions": 7, "quotes": 4}],
//!  "quotes": [{"kind": "direct", "start": 240, "end": 330,
//!              "content": {"start": 243, "end": 327, "text": "..."},
//!              "speaker": {"start": 200, "end": 205, "text": "Trump", "canonical": "Donald Trump",
//!                          "resolved_by": "name"},
//!              "cue": {"start": 206, "end": 210, "text": "told"},
//!              "addressee": null, "confidence": 0.9, "rule": "direct-cue-before"}]}
//! ```
//!
//! New labels, quote kinds and fields may appear in later versions of
//! schema 1; a change that breaks readers bumps [`SCHEMA_VERSION`].

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::fmt;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::Span;

/// The version of the output schema, written into every document.
pub const SCHEMA_VERSION: u32 = 1;

/// An entity type (OntoNotes names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Label {
    /// A person: `Donald Trump`.
    #[serde(rename = "PERSON")]
    Person,
    /// An organisation: companies, agencies, parties, news media, teams.
    #[serde(rename = "ORG")]
    Org,
    /// A geopolitical entity: countries, states, cities.
    #[serde(rename = "GPE")]
    Gpe,
    /// A non-political location: regions, seas, mountains.
    #[serde(rename = "LOC")]
    Loc,
    /// A nationality, religious or political group: `Venezuelan`, `Republicans`.
    #[serde(rename = "NORP")]
    Norp,
}

impl Label {
    /// The label as written in lexicons and JSON: `PERSON`, `ORG`, `GPE`, `LOC`, `NORP`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
        }
    }

    /// Parses a label as written in lexicons and JSON.
    pub fn parse(s: &str) -> Option<Label> {
        Some(match s {
            "PERSON" => Label::Person,
            "ORG" => Label::Org,
            "GPE" => Label::Gpe,
            "LOC" => Label::Loc,
            "NORP" => Label::Norp,
            _ => return None,
        })
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind of reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Every word of the content is inside quote marks.
    Direct,
    /// Reported speech with some quoted words inside.
    Mixed,
    /// Reported speech without quote marks.
    Indirect,
    /// Quote marks around a term nobody is reported as saying.
    Scare,
}

impl QuoteKind {
    /// The kind as written in JSON: `direct`, `mixed`, `indirect`, `scare`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Scare => "scare",
        }
    }
}

/// A piece of the input: its span and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt<'t> {
    /// Where the text is.
    #[serde(flatten)]
    pub span: Span,
    /// The input at `span`.
    #[serde(borrow)]
    pub text: Cow<'t, str>,
}

impl<'t> Excerpt<'t> {
    /// The excerpt of `text` at `span`.
    pub fn new(text: &'t str, span: Span) -> Excerpt<'t> {
        Excerpt { span, text: Cow::Borrowed(&text[span]) }
    }

    fn into_owned(self) -> Excerpt<'static> {
        Excerpt { span: self.span, text: Cow::Owned(self.text.into_owned()) }
    }
}

/// A reference to somebody or something in the text (a speaker or an
/// addressee), with the referent it resolves to where one is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference<'t> {
    /// Where the reference is.
    #[serde(flatten)]
    pub span: Span,
    /// The input at `span`: a name, a pronoun (`he`) or a description (`analysts`).
    #[serde(borrow)]
    pub text: Cow<'t, str>,
    /// The canonical name of the referent, or `None` when it is not clear.
    #[serde(borrow)]
    pub canonical: Option<Cow<'t, str>>,
    /// What linked the phrase to `canonical`; `None` exactly when `canonical` is `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<Resolution>,
}

/// What linked a [`Reference`] to its referent, so a source audit can tell
/// evidence in the text from guesses (serialized in kebab case: `"pronoun-given-name"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Resolution {
    /// The phrase is a name of the referent or a short form of it (`Mr Harlow` for `James Harlow`).
    Name,
    /// A pronoun whose gender agreement was decided by the text: a gendered
    /// title (`Mr`, `Ms`, `Sir`) on the referent, pronouns the article
    /// already linked to it; or a pronoun that needed no gender (`they`, `it`).
    PronounText,
    /// A pronoun whose gender agreement was decided by the given-name list.
    PronounGivenName,
    /// A pronoun linked by salience alone: the referent's gender is unknown.
    PronounSalience,
    /// A description (`the company`, `the minister`, `the report`) linked to a compatible referent.
    Description,
    /// A relative `who` linked to the name before it.
    Relative,
}

impl Resolution {
    /// The value as written in JSON: `name`, `pronoun-text`, `pronoun-given-name`, `pronoun-salience`,
    /// `description`, `relative`.
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Name => "name",
            Resolution::PronounText => "pronoun-text",
            Resolution::PronounGivenName => "pronoun-given-name",
            Resolution::PronounSalience => "pronoun-salience",
            Resolution::Description => "description",
            Resolution::Relative => "relative",
        }
    }
}

impl Reference<'_> {
    fn into_owned(self) -> Reference<'static> {
        Reference {
            span: self.span,
            text: owned(self.text),
            canonical: self.canonical.map(owned),
            resolved_by: self.resolved_by,
        }
    }
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity<'t> {
    /// Where the mention is (a possessive `’s` is not part of it).
    #[serde(flatten)]
    pub span: Span,
    /// The input at `span`.
    #[serde(borrow)]
    pub text: Cow<'t, str>,
    /// The entity type.
    pub label: Label,
    /// The name of the document referent this mention belongs to.
    #[serde(borrow)]
    pub canonical: Cow<'t, str>,
    /// A person's title as written before the name (`Senator`), not part of `span`.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub title: Option<Cow<'t, str>>,
    /// A stable id from the lexicon (`ISO3166:VE`, `GeoNames:3646738`).
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub id: Option<Cow<'t, str>>,
}

/// A distinct entity of the document, with how often it is mentioned and quoted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referent<'t> {
    /// The referent's name, shared by all its mentions.
    #[serde(borrow)]
    pub canonical: Cow<'t, str>,
    /// The entity type.
    pub label: Label,
    /// How many entity mentions it has.
    pub mentions: usize,
    /// How many quotes it is the speaker of.
    pub quotes: usize,
    /// A stable id from the lexicon, when it has one.
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    pub id: Option<Cow<'t, str>>,
}

/// One piece of reported speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote<'t> {
    /// What kind of speech it is.
    pub kind: QuoteKind,
    /// Direct and scare quotes: the quote with its marks. Indirect and mixed
    /// speech: from the first to the last of speaker, cue and content.
    #[serde(flatten)]
    pub span: Span,
    /// The reported words, without the outer quote marks.
    #[serde(borrow)]
    pub content: Excerpt<'t>,
    /// The quote's own words, piece by piece, when its attribution interrupts
    /// it (`“A,” he said. “B.”` gives `A,` and `B.`; `content` then runs from
    /// the first piece to the last, attribution included, as both gold
    /// standards mark it); empty when the quote is in one piece. See
    /// [`Quote::words`].
    #[serde(default, borrow, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Excerpt<'t>>,
    /// The quoted fragments inside mixed speech.
    #[serde(default, borrow, skip_serializing_if = "Vec::is_empty")]
    pub fragments: Vec<Excerpt<'t>>,
    /// Who said it, or `None` when nobody is named.
    #[serde(borrow)]
    pub speaker: Option<Reference<'t>>,
    /// The speech verb or phrase (`said`, `according to`).
    #[serde(borrow)]
    pub cue: Option<Excerpt<'t>>,
    /// Whom it was said to, where stated (`told Maduro`).
    #[serde(borrow)]
    pub addressee: Option<Reference<'t>>,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f32,
    /// The stable id of the rule that found and attributed it (see [`crate::quote::Rule`]).
    #[serde(borrow)]
    pub rule: Cow<'t, str>,
}

impl<'t> Quote<'t> {
    /// The reported words without the attribution: the [`parts`](Quote::parts)
    /// of a quote its attribution interrupts, else the whole content.
    ///
    /// ```
    /// use saywho::Extractor;
    /// let text = "“We are not leaving,” the mayor said. “Not this year.”";
    /// let doc = Extractor::new().extract(text);
    /// let words: Vec<&str> = doc.quotes[0].words().map(|w| &*w.text).collect();
    /// assert_eq!(words, ["We are not leaving,", "Not this year."]);
    /// ```
    pub fn words(&self) -> impl Iterator<Item = &Excerpt<'t>> {
        let whole = self.parts.is_empty().then_some(&self.content);
        whole.into_iter().chain(&self.parts)
    }
}

/// Everything saywho found in one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document<'t> {
    /// Always [`SCHEMA_VERSION`] when produced by this version.
    pub schema_version: u32,
    /// The unit of every offset in the document: UTF-8 bytes as extracted,
    /// Unicode scalars after [`Document::convert_offsets`]. Only byte offsets
    /// index a `&str`.
    #[serde(default)]
    pub offsets: OffsetUnit,
    /// Every entity mention, in text order, never overlapping.
    #[serde(borrow)]
    pub entities: Vec<Entity<'t>>,
    /// The distinct referents, in order of first mention.
    #[serde(borrow)]
    pub referents: Vec<Referent<'t>>,
    /// Every piece of reported speech, in order of start.
    #[serde(borrow)]
    pub quotes: Vec<Quote<'t>>,
}

/// The unit of a document's offsets, written into its JSON as `"offsets": "bytes"` or `"chars"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum OffsetUnit {
    /// UTF-8 bytes (the default, and the unit of every [`Span`] saywho makes).
    #[default]
    Bytes,
    /// Unicode scalar values, as Python's `str` indexes.
    Chars,
}

impl OffsetUnit {
    /// The unit as written in JSON: `bytes` or `chars`.
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Bytes => "bytes",
            OffsetUnit::Chars => "chars",
        }
    }
}

fn owned(s: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(s.into_owned())
}

impl<'t> Document<'t> {
    /// An empty document.
    pub fn empty() -> Document<'t> {
        Document {
            schema_version: SCHEMA_VERSION,
            offsets: OffsetUnit::Bytes,
            entities: Vec::new(),
            referents: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// The document with all its text copied, free of the input's lifetime.
    pub fn into_owned(self) -> Document<'static> {
        Document {
            schema_version: self.schema_version,
            offsets: self.offsets,
            entities: self
                .entities
                .into_iter()
                .map(|e| Entity {
                    span: e.span,
                    text: owned(e.text),
                    label: e.label,
                    canonical: owned(e.canonical),
                    title: e.title.map(owned),
                    id: e.id.map(owned),
                })
                .collect(),
            referents: self
                .referents
                .into_iter()
                .map(|r| Referent {
                    canonical: owned(r.canonical),
                    label: r.label,
                    mentions: r.mentions,
                    quotes: r.quotes,
                    id: r.id.map(owned),
                })
                .collect(),
            quotes: self
                .quotes
                .into_iter()
                .map(|q| Quote {
                    kind: q.kind,
                    span: q.span,
                    content: q.content.into_owned(),
                    parts: q.parts.into_iter().map(Excerpt::into_owned).collect(),
                    fragments: q.fragments.into_iter().map(Excerpt::into_owned).collect(),
                    speaker: q.speaker.map(Reference::into_owned),
                    cue: q.cue.map(Excerpt::into_owned),
                    addressee: q.addressee.map(Reference::into_owned),
                    confidence: q.confidence,
                    rule: owned(q.rule),
                })
                .collect(),
        }
    }

    /// Appends `other`, extracted from the text that starts `at` bytes
    /// into this document's text and follows all of it: its spans are
    /// shifted by `at`, its referents counted in with this document's
    /// referent of the same canonical name and label (`same` maps each
    /// such pair to its position in [`Document::referents`], and is kept
    /// up to date).
    pub(crate) fn append(
        &mut self,
        mut other: Document<'t>,
        at: usize,
        same: &mut FxHashMap<(Cow<'t, str>, Label), usize>,
    ) {
        for span in other.spans_mut() {
            *span = span.shift(at);
        }
        self.entities.append(&mut other.entities);
        self.quotes.append(&mut other.quotes);
        for r in other.referents {
            match same.entry((r.canonical.clone(), r.label)) {
                Entry::Occupied(slot) => {
                    let mine = &mut self.referents[*slot.get()];
                    mine.mentions += r.mentions;
                    mine.quotes += r.quotes;
                    if mine.id.is_none() {
                        mine.id = r.id;
                    }
                }
                Entry::Vacant(slot) => {
                    slot.insert(self.referents.len());
                    self.referents.push(r);
                }
            }
        }
    }

    /// Every span in the document, mutably, for offset conversion.
    fn spans_mut(&mut self) -> Vec<&mut Span> {
        let mut spans: Vec<&mut Span> = self.entities.iter_mut().map(|e| &mut e.span).collect();
        for q in &mut self.quotes {
            spans.push(&mut q.span);
            spans.push(&mut q.content.span);
            spans.extend(q.parts.iter_mut().map(|p| &mut p.span));
            spans.extend(q.fragments.iter_mut().map(|p| &mut p.span));
            spans.extend(q.speaker.as_mut().map(|s| &mut s.span));
            spans.extend(q.cue.as_mut().map(|s| &mut s.span));
            spans.extend(q.addressee.as_mut().map(|s| &mut s.span));
        }
        spans
    }

    /// Rewrites every offset into `unit`, in one forward pass over `text`
    /// (the text the document was extracted from), and records the unit in
    /// [`Document::offsets`]. Converting to the unit the document already has
    /// changes nothing; converting back to bytes restores the byte offsets.
    ///
    /// ```
    /// use saywho::{Extractor, OffsetUnit};
    /// let text = "€5 for Nicolás Maduro, Venezuela said.";
    /// let mut doc = Extractor::new().extract(text);
    /// doc.convert_offsets(text, OffsetUnit::Chars);
    /// assert_eq!(doc.offsets, OffsetUnit::Chars);
    /// let venezuela = doc.entities.iter().find(|e| e.text == "Venezuela").unwrap();
    /// assert_eq!((venezuela.span.start(), venezuela.span.end()), (23, 32));
    /// ```
    pub fn convert_offsets(&mut self, text: &str, unit: OffsetUnit) {
        if unit == self.offsets {
            return;
        }
        let from = self.offsets;
        self.offsets = unit;
        let mut spans = self.spans_mut();
        let mut offsets: Vec<usize> = spans.iter().flat_map(|s| [s.start(), s.end()]).collect();
        offsets.sort_unstable();
        offsets.dedup();
        // One forward walk over the characters, reading off each offset in the other unit.
        let mut converted = Vec::with_capacity(offsets.len());
        let mut chars = text.char_indices().map(|(byte, _)| byte).chain([text.len()]).enumerate().peekable();
        // (char index, byte offset) of the first character at or after the offset; an offset beyond the text is clamped.
        let mut at = (0, 0);
        for &offset in &offsets {
            while let Some(&(char_index, byte)) = chars.peek() {
                at = (char_index, byte);
                let position = match from {
                    OffsetUnit::Bytes => byte,
                    OffsetUnit::Chars => char_index,
                };
                if position >= offset {
                    break;
                }
                chars.next();
            }
            let (char_index, byte) = at;
            converted.push(match unit {
                OffsetUnit::Bytes => byte,
                OffsetUnit::Chars => char_index,
            });
        }
        let convert = |offset: usize| converted[offsets.binary_search(&offset).unwrap_or(0)];
        for span in spans.iter_mut() {
            **span = Span::new(convert(span.start()), convert(span.end()));
        }
    }

    /// Checks the document against the text it was extracted from: every
    /// span in bounds and on character boundaries, every `text` equal to
    /// the input at its span, entities sorted and not overlapping, quote
    /// content inside its quote, quotes sorted. Returns the first problem.
    ///
    /// The fuzz targets, property tests and debug builds all rely on it.
    pub fn validate(&self, text: &str) -> Result<(), String> {
        if self.offsets != OffsetUnit::Bytes {
            let mut bytes = self.clone();
            bytes.convert_offsets(text, OffsetUnit::Bytes);
            return bytes.validate(text);
        }
        let excerpt = |what: &str, span: Span, said: &str| -> Result<(), String> {
            match span.get(text) {
                None => Err(format!("{what} {span:?} is out of bounds or not on a char boundary")),
                Some(s) if s != said => Err(format!("{what} {span:?} says {said:?} but the input has {s:?}")),
                Some(_) => Ok(()),
            }
        };
        let mut previous: Option<Span> = None;
        for e in &self.entities {
            excerpt("entity", e.span, &e.text)?;
            if e.span.is_empty() {
                return Err(format!("entity {:?} is empty", e.span));
            }
            if let Some(p) = previous {
                if e.span.start() < p.end() {
                    return Err(format!("entity {:?} overlaps or precedes {p:?}", e.span));
                }
            }
            previous = Some(e.span);
        }
        let mut previous_start = 0;
        for q in &self.quotes {
            if q.span.get(text).is_none() {
                return Err(format!("quote {:?} is out of bounds or not on a char boundary", q.span));
            }
            if q.span.start() < previous_start {
                return Err(format!("quote {:?} is out of order", q.span));
            }
            previous_start = q.span.start();
            excerpt("quote content", q.content.span, &q.content.text)?;
            if !q.span.covers(q.content.span) {
                return Err(format!("quote content {:?} is outside its quote {:?}", q.content.span, q.span));
            }
            for p in q.parts.iter().chain(&q.fragments) {
                excerpt("quote part", p.span, &p.text)?;
                if !q.content.span.covers(p.span) && !q.span.covers(p.span) {
                    return Err(format!("quote part {:?} is outside its quote {:?}", p.span, q.span));
                }
            }
            for r in q.speaker.iter().chain(&q.addressee) {
                excerpt("reference", r.span, &r.text)?;
            }
            if let Some(cue) = &q.cue {
                excerpt("cue", cue.span, &cue.text)?;
            }
            if !(0.0..=1.0).contains(&q.confidence) {
                return Err(format!("quote {:?} has confidence {}", q.span, q.confidence));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_units_and_resolutions_are_written_as_their_json_names() {
        let all = [
            Resolution::Name,
            Resolution::PronounText,
            Resolution::PronounGivenName,
            Resolution::PronounSalience,
            Resolution::Description,
            Resolution::Relative,
        ];
        for r in all {
            assert_eq!(serde_json::to_value(r).unwrap(), serde_json::Value::from(r.as_str()));
        }
        for kind in [QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect, QuoteKind::Scare] {
            assert_eq!(serde_json::to_value(kind).unwrap(), serde_json::Value::from(kind.as_str()));
        }
        for unit in [OffsetUnit::Bytes, OffsetUnit::Chars] {
            assert_eq!(serde_json::to_value(unit).unwrap(), serde_json::Value::from(unit.as_str()));
        }
    }

    #[test]
    fn labels_and_kinds_serialize_by_contract() {
        let labels = [Label::Person, Label::Org, Label::Gpe, Label::Loc, Label::Norp];
        let json = serde_json::to_string(&labels).unwrap();
        assert_eq!(json, r#"["PERSON","ORG","GPE","LOC","NORP"]"#);
        for label in labels {
            assert_eq!(Label::parse(label.as_str()), Some(label));
        }
        let kinds = [QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect, QuoteKind::Scare];
        assert_eq!(serde_json::to_string(&kinds).unwrap(), r#"["direct","mixed","indirect","scare"]"#);
    }

    #[test]
    fn excerpt_is_flat() {
        let e = Excerpt::new("say “hi”", Span::new(4, 12));
        assert_eq!(serde_json::to_string(&e).unwrap(), r#"{"start":4,"end":12,"text":"“hi”"}"#);
    }

    #[test]
    fn char_offsets_count_scalars() {
        let text = "€ 😀 Nicolás";
        let mut doc = Document::empty();
        doc.entities.push(Entity {
            span: Span::new(9, 17),
            text: Cow::Borrowed(&text[9..17]),
            label: Label::Person,
            canonical: Cow::Borrowed("Nicolás"),
            title: None,
            id: None,
        });
        assert_eq!(doc.validate(text), Ok(()));
        doc.convert_offsets(text, OffsetUnit::Chars);
        assert_eq!(doc.entities[0].span, Span::new(4, 11));
    }

    #[test]
    fn validate_catches_wrong_text_and_overlap() {
        let text = "Ann met Bob";
        let entity = |start, end, t: &'static str| Entity {
            span: Span::new(start, end),
            text: Cow::Borrowed(t),
            label: Label::Person,
            canonical: Cow::Borrowed(t),
            title: None,
            id: None,
        };
        let mut doc = Document::empty();
        doc.entities = vec![entity(0, 3, "Ann"), entity(8, 11, "Bob")];
        assert_eq!(doc.validate(text), Ok(()));
        doc.entities[1] = entity(8, 11, "Bill");
        assert!(doc.validate(text).unwrap_err().contains("Bill"));
        doc.entities = vec![entity(0, 7, "Ann met"), entity(4, 7, "met")];
        assert!(doc.validate(text).unwrap_err().contains("overlaps"));
    }
}
