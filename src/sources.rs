//! Who gets quoted: a source audit over many documents.
//!
//! Each extracted [`Document`] is summarised on its own
//! ([`DocumentSources::new`], cheap to run in parallel), then the summaries
//! are added to an [`Audit`] in input order, each with its document id and
//! its group value (a section, an outlet, a month). [`Audit::finish`] gives
//! the [`SourceTable`]: one [`Source`] per speaker, with its quotes by kind,
//! its documents, first and last document, counts per group, and (when
//! asked) a gender decided only from evidence ([`GenderRules`]).
//!
//! A source is a referent named by its canonical name and label, merged
//! across documents by exact canonical name and label. Quotes by unnamed
//! sources (`analysts`, `officials`) are counted by their text (lower-cased),
//! never merged into a person; quotes whose speaker is an unresolved pronoun,
//! and quotes with no speaker, have a row each. Scare quotes are not speech
//! and are only counted ([`SourceTable::scare_quotes`]).
//!
//! Memory grows with the number of sources and groups and with the quotes
//! kept for the audit trail ([`Trail`]), not with the text. The table as a
//! web page is `saywho::html::report`.
//!
//! ```
//! use saywho::sources::{Audit, DocumentSources, SourceKind, Trail};
//! use saywho::Extractor;
//!
//! let extractor = Extractor::new();
//! let articles = [
//!     ("a1", "sport", "“We trained hard,” said Tomasz Wierzbicki.\nAnalysts said the club would struggle."),
//!     ("a2", "sport", "Tomasz Wierzbicki said the season had begun well."),
//! ];
//! let mut audit = Audit::grouped(Trail::ALL);
//! for (id, section, text) in articles {
//!     let doc = extractor.extract(text);
//!     audit.add(id, Some(section), &DocumentSources::new(&doc, Some(text), audit.trail()));
//! }
//! let table = audit.finish(None);
//! let top = &table.sources[0];
//! assert_eq!((top.name.as_str(), top.kind, top.counts.quotes, top.counts.documents), ("Tomasz Wierzbicki", SourceKind::Person, 2, 2));
//! assert_eq!((top.first_document.as_str(), top.last_document.as_str()), ("a1", "a2"));
//! let analysts = table.sources.iter().find(|s| s.kind == SourceKind::Unnamed).unwrap();
//! assert_eq!((analysts.name.as_str(), analysts.counts.quotes), ("analysts", 1));
//! assert_eq!(table.groups[0].name, "sport");
//! ```

mod gender;

use std::collections::BTreeMap;
use std::io::{self, Write};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::{Document, Label, OffsetUnit, QuoteKind, Resolution, Span};

pub use gender::{Basis, GenderCall, GenderRules};

/// The group of documents without a value for the grouping field.
pub const NO_GROUP: &str = "(none)";

/// What kind of source a quote is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SourceKind {
    /// A named person (`PERSON`).
    Person,
    /// A named organisation (`ORG`).
    Organisation,
    /// A place or group speaking as one: `GPE`, `LOC` and `NORP` speakers (`China`, `Republicans`).
    PlaceOrGroup,
    /// A description that names nobody (`analysts`, `officials`, `a spokesperson`), counted by its text.
    Unnamed,
    /// A pronoun (`he`, `they`, a relative `who`) that was not linked to anybody.
    UnresolvedPronoun,
    /// Speech whose speaker the text does not give.
    NoSpeaker,
}

impl SourceKind {
    /// Every kind, in the order reports show them.
    pub const ALL: [SourceKind; 6] = [
        SourceKind::Person,
        SourceKind::Organisation,
        SourceKind::PlaceOrGroup,
        SourceKind::Unnamed,
        SourceKind::UnresolvedPronoun,
        SourceKind::NoSpeaker,
    ];

    /// The kind as written in CSV and JSON: `person`, `organisation`, `place-or-group`, `unnamed`,
    /// `unresolved-pronoun`, `no-speaker`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organisation => "organisation",
            SourceKind::PlaceOrGroup => "place-or-group",
            SourceKind::Unnamed => "unnamed",
            SourceKind::UnresolvedPronoun => "unresolved-pronoun",
            SourceKind::NoSpeaker => "no-speaker",
        }
    }

    /// Whether the kind's sources are each a referent with a name.
    pub fn is_named(self) -> bool {
        matches!(self, SourceKind::Person | SourceKind::Organisation | SourceKind::PlaceOrGroup)
    }

    fn of_label(label: Label) -> SourceKind {
        match label {
            Label::Person => SourceKind::Person,
            Label::Org => SourceKind::Organisation,
            Label::Gpe | Label::Loc | Label::Norp => SourceKind::PlaceOrGroup,
        }
    }
}

/// Speaker phrases that are pronouns: unresolved, they name nobody.
const PRONOUNS: &[&str] =
    &["he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "who", "whom", "this", "that"];

/// How a source is told apart from the others.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    kind: SourceKind,
    /// The canonical name, the lower-cased description, or a fixed name for the last two kinds.
    name: String,
    label: Option<Label>,
}

impl Key {
    /// The source of a quote's speaker, with the label of its referent.
    fn of(doc: &Document<'_>, speaker: Option<&crate::Reference<'_>>) -> Key {
        let Some(speaker) = speaker else {
            return Key { kind: SourceKind::NoSpeaker, name: "(no speaker)".into(), label: None };
        };
        if let Some(canonical) = speaker.canonical.as_deref() {
            if let Some(referent) = doc.referents.iter().find(|r| r.canonical == canonical) {
                let kind = SourceKind::of_label(referent.label);
                return Key { kind, name: canonical.to_owned(), label: Some(referent.label) };
            }
        }
        let text = speaker.text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if PRONOUNS.contains(&text.as_str()) {
            Key { kind: SourceKind::UnresolvedPronoun, name: "(unresolved pronoun)".into(), label: None }
        } else {
            Key { kind: SourceKind::Unnamed, name: text, label: None }
        }
    }
}

/// What the audit trail keeps of each source's quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trail {
    /// The most quotes kept per source (the first ones in input order); `None` keeps all.
    pub per_source: Option<usize>,
    /// Bytes of context kept on each side of a quote's words (cut back to a character boundary).
    pub context: usize,
    /// Keep quotes only for the sources that may still be among this many
    /// most quoted, so the trail's memory stays bounded however long the
    /// input: when the kept quotes pass twice `top × per_source`, the
    /// trails of the sources below the `top`-th count are dropped (such a
    /// source keeps its later quotes again should it climb). `None` keeps
    /// the trail of every source.
    pub top: Option<usize>,
}

impl Trail {
    /// Every quote of every source, without context.
    pub const ALL: Trail = Trail { per_source: None, context: 0, top: None };

    /// No quotes kept: counts only.
    pub const NONE: Trail = Trail { per_source: Some(0), context: 0, top: None };

    fn keeps_quotes(&self) -> bool {
        self.per_source != Some(0)
    }
}

/// One quote of the audit trail: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TrailQuote {
    /// The document's id.
    pub document: String,
    /// The kind of speech.
    pub kind: QuoteKind,
    /// Where the reported words are, in the document's offsets (UTF-8 bytes unless the input said otherwise).
    #[serde(flatten)]
    pub span: Span,
    /// The reported words.
    pub text: String,
    /// The speaker phrase as written (`he`, `the minister`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The text just before the words, when the document's text was given and [`Trail::context`] asks for it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub before: String,
    /// The text just after the words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub after: String,
}

/// A clue to a person's gender found in one document's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Clue {
    /// A gendered honorific written before the name (`Ms`, without its period).
    Title(String),
    /// A gendered pronoun the resolver linked to the person from the text alone (`she`).
    Pronoun(String),
}

/// One quote of a document with its source.
#[derive(Debug, Clone)]
struct Attributed {
    key: Key,
    kind: QuoteKind,
    quote: Option<TrailQuote>,
}

/// What one document says about its sources: its quotes, each with its
/// source, and the gender clues of the people it quotes. Owned, so
/// documents can be summarised in parallel and added to an [`Audit`] in
/// input order.
#[derive(Debug, Clone, Default)]
pub struct DocumentSources {
    quotes: Vec<Attributed>,
    clues: Vec<(String, Clue)>,
    scare: usize,
}

impl DocumentSources {
    /// Summarises `doc`. `text`, the document's text, gives the quotes their
    /// context in the trail; without it (or when the document's offsets are
    /// not bytes) the trail has no context.
    pub fn new(doc: &Document<'_>, text: Option<&str>, trail: Trail) -> DocumentSources {
        let text = text.filter(|_| doc.offsets == OffsetUnit::Bytes);
        let mut summary = DocumentSources::default();
        for q in &doc.quotes {
            if q.kind == QuoteKind::Scare {
                summary.scare += 1;
                continue;
            }
            let key = Key::of(doc, q.speaker.as_ref());
            if key.kind == SourceKind::Person {
                let speaker = q.speaker.as_ref().expect("a person source has a speaker");
                if speaker.resolved_by == Some(Resolution::PronounText) {
                    let pronoun = speaker.text.to_lowercase();
                    if gender::pronoun_gender(&pronoun).is_some() {
                        summary.clues.push((key.name.clone(), Clue::Pronoun(pronoun)));
                    }
                }
            }
            let quote = trail.keeps_quotes().then(|| {
                let (before, after) = match text {
                    Some(text) if trail.context > 0 => context(text, q.content.span, trail.context),
                    _ => (String::new(), String::new()),
                };
                TrailQuote {
                    document: String::new(),
                    kind: q.kind,
                    span: q.content.span,
                    text: q.content.text.to_string(),
                    speaker: q.speaker.as_ref().map(|s| s.text.to_string()),
                    before,
                    after,
                }
            });
            summary.quotes.push(Attributed { key, kind: q.kind, quote });
        }
        // Titles: every mention of a quoted person written after a gendered honorific.
        let quoted: FxHashSet<&str> =
            summary.quotes.iter().filter(|q| q.key.kind == SourceKind::Person).map(|q| q.key.name.as_str()).collect();
        for e in &doc.entities {
            let Some(title) = e.title.as_deref() else { continue };
            if e.label != Label::Person || gender::honorific_gender(title).is_none() {
                continue;
            }
            if quoted.contains(&*e.canonical) {
                let title = title.strip_suffix('.').unwrap_or(title);
                summary.clues.push((e.canonical.to_string(), Clue::Title(title.to_owned())));
            }
        }
        summary
    }
}

/// The text around `span`: up to `bytes` bytes on each side, within the span's paragraph.
fn context(text: &str, span: Span, bytes: usize) -> (String, String) {
    let mut start = span.start().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (span.end() + bytes).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[start..span.start()];
    let before = before.rsplit('\n').next().unwrap_or(before);
    let after = &text[span.end()..end];
    let after = after.split('\n').next().unwrap_or(after);
    (before.to_owned(), after.to_owned())
}

/// Quote counts by kind of speech.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct QuoteCounts {
    /// All quotes.
    pub quotes: usize,
    /// Distinct documents they are in.
    pub documents: usize,
    /// Direct quotes.
    pub direct: usize,
    /// Mixed speech.
    pub mixed: usize,
    /// Indirect speech.
    pub indirect: usize,
}

impl QuoteCounts {
    fn count(&mut self, kind: QuoteKind) {
        self.quotes += 1;
        match kind {
            QuoteKind::Direct => self.direct += 1,
            QuoteKind::Mixed => self.mixed += 1,
            QuoteKind::Indirect => self.indirect += 1,
            QuoteKind::Scare => {}
        }
    }
}

/// One source's counts within one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SourceGroup {
    /// The group's value ([`NO_GROUP`] for documents without one).
    pub group: String,
    /// The source's quotes and documents in the group.
    #[serde(flatten)]
    pub counts: QuoteCounts,
    /// The group's first document quoting the source, in input order.
    pub first_document: String,
    /// The group's last document quoting the source.
    pub last_document: String,
}

/// One source of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Source {
    /// The canonical name; the description as written, lower-cased, for
    /// unnamed sources; `(unresolved pronoun)` or `(no speaker)`.
    pub name: String,
    /// The referent's label, for named sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Label>,
    /// The kind of source.
    pub kind: SourceKind,
    /// Its quotes and documents.
    #[serde(flatten)]
    pub counts: QuoteCounts,
    /// The first document quoting it, in input order.
    pub first_document: String,
    /// The last document quoting it.
    pub last_document: String,
    /// Its gender and the evidence for it, for people when gender was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<GenderCall>,
    /// Its counts per group, in the groups' order, when documents were grouped.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<SourceGroup>,
    /// The quotes kept for the audit trail (see [`Trail`]); `counts.quotes` is the total.
    pub trail: Vec<TrailQuote>,
}

/// One group of documents (a section, a month) and its quotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Group {
    /// The group's value ([`NO_GROUP`] for documents without one).
    pub name: String,
    /// Documents in the group.
    pub documents: usize,
    /// Quotes in the group.
    pub quotes: usize,
    /// Quotes by kind of source.
    pub by_source_kind: BTreeMap<SourceKind, usize>,
    /// Quotes by people, by gender value, when gender was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_gender: Option<BTreeMap<String, usize>>,
}

/// The result of an audit: totals, groups and sources, most quoted first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SourceTable {
    /// Documents audited.
    pub documents: usize,
    /// Quotes audited (every kind of speech but scare quotes).
    pub quotes: usize,
    /// Scare quotes seen and left out (nobody is reported as saying them).
    pub scare_quotes: usize,
    /// Quotes by kind of source.
    pub by_source_kind: BTreeMap<SourceKind, usize>,
    /// Quotes by people, by gender value, when gender was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_gender: Option<BTreeMap<String, usize>>,
    /// The groups, in order of their names ([`NO_GROUP`] last); empty when documents were not grouped.
    pub groups: Vec<Group>,
    /// The sources, by quotes (most first), then documents, then name.
    pub sources: Vec<Source>,
}

/// Per-source running totals.
#[derive(Debug)]
struct Tally {
    key: Key,
    counts: QuoteCounts,
    /// 1 + the index of the last document counted, to count documents once.
    last_doc: usize,
    first: String,
    last: String,
    groups: Vec<GroupTally>,
    clues: FxHashMap<Clue, usize>,
    clue_documents: usize,
    last_clue_doc: usize,
    trail: Vec<TrailQuote>,
}

#[derive(Debug)]
struct GroupTally {
    group: usize,
    counts: QuoteCounts,
    last_doc: usize,
    first: String,
    last: String,
}

/// Sets `first` (once) and `last` to `id`, reusing `last`'s allocation.
fn mark_document(first: &mut String, last: &mut String, id: &str) {
    if first.is_empty() {
        first.push_str(id);
    }
    last.clear();
    last.push_str(id);
}

/// The audit in progress: add documents in input order, then [`Audit::finish`].
#[derive(Debug)]
pub struct Audit {
    trail: Trail,
    index: FxHashMap<Key, usize>,
    tallies: Vec<Tally>,
    group_index: FxHashMap<String, usize>,
    /// Per group: name, documents, quotes by kind of source.
    groups: Vec<(String, usize, BTreeMap<SourceKind, usize>)>,
    grouped: bool,
    documents: usize,
    scare: usize,
    /// Trail quotes kept over all sources.
    kept: usize,
}

impl Audit {
    /// An empty audit keeping `trail` of each source's quotes.
    pub fn new(trail: Trail) -> Audit {
        Audit::with_grouping(trail, false)
    }

    /// An empty audit that also counts each source per group of documents
    /// (the group value given to [`Audit::add`]).
    pub fn grouped(trail: Trail) -> Audit {
        Audit::with_grouping(trail, true)
    }

    fn with_grouping(trail: Trail, grouped: bool) -> Audit {
        Audit {
            trail,
            index: FxHashMap::default(),
            tallies: Vec::new(),
            group_index: FxHashMap::default(),
            groups: Vec::new(),
            grouped,
            documents: 0,
            scare: 0,
            kept: 0,
        }
    }

    /// What the audit keeps of each source's quotes, to pass to [`DocumentSources::new`].
    pub fn trail(&self) -> Trail {
        self.trail
    }

    /// Adds the next document in input order: its id (for first and last
    /// documents and the trail) and, in a grouped audit, its group value
    /// (`None` counts it in the [`NO_GROUP`] group; ignored otherwise).
    pub fn add(&mut self, id: &str, group: Option<&str>, doc: &DocumentSources) {
        self.documents += 1;
        let doc_no = self.documents;
        self.scare += doc.scare;
        let group = self.grouped.then(|| self.group(group.unwrap_or(NO_GROUP)));
        if let Some(g) = group {
            self.groups[g].1 += 1;
        }
        for q in &doc.quotes {
            let index = match self.index.get(&q.key) {
                Some(&i) => i,
                None => {
                    self.index.insert(q.key.clone(), self.tallies.len());
                    self.tallies.push(Tally {
                        key: q.key.clone(),
                        counts: QuoteCounts::default(),
                        last_doc: 0,
                        first: String::new(),
                        last: String::new(),
                        groups: Vec::new(),
                        clues: FxHashMap::default(),
                        clue_documents: 0,
                        last_clue_doc: 0,
                        trail: Vec::new(),
                    });
                    self.tallies.len() - 1
                }
            };
            let t = &mut self.tallies[index];
            t.counts.count(q.kind);
            if t.last_doc != doc_no {
                t.last_doc = doc_no;
                t.counts.documents += 1;
                mark_document(&mut t.first, &mut t.last, id);
            }
            if let Some(g) = group {
                *self.groups[g].2.entry(q.key.kind).or_default() += 1;
                let at = match t.groups.iter().rposition(|x| x.group == g) {
                    Some(at) => at,
                    None => {
                        let (first, last) = (String::new(), String::new());
                        t.groups.push(GroupTally {
                            group: g,
                            counts: QuoteCounts::default(),
                            last_doc: 0,
                            first,
                            last,
                        });
                        t.groups.len() - 1
                    }
                };
                let gt = &mut t.groups[at];
                gt.counts.count(q.kind);
                if gt.last_doc != doc_no {
                    gt.last_doc = doc_no;
                    gt.counts.documents += 1;
                    mark_document(&mut gt.first, &mut gt.last, id);
                }
            }
            if let Some(quote) = &q.quote {
                if self.trail.per_source.is_none_or(|n| t.trail.len() < n) {
                    t.trail.push(TrailQuote { document: id.to_owned(), ..quote.clone() });
                    self.kept += 1;
                }
            }
        }
        self.prune_trails();
        for (name, clue) in &doc.clues {
            let key = Key { kind: SourceKind::Person, name: name.clone(), label: Some(Label::Person) };
            if let Some(&i) = self.index.get(&key) {
                let t = &mut self.tallies[i];
                *t.clues.entry(clue.clone()).or_default() += 1;
                if t.last_clue_doc != doc_no {
                    t.last_clue_doc = doc_no;
                    t.clue_documents += 1;
                }
            }
        }
    }

    /// With [`Trail::top`], drops the trails of the sources below the
    /// `top`-th quote count once the kept quotes pass twice what the top
    /// sources can hold.
    fn prune_trails(&mut self) {
        let (Some(top), Some(per_source)) = (self.trail.top, self.trail.per_source) else { return };
        let top = top.max(1);
        if self.kept <= 2 * top * per_source || self.tallies.len() <= top {
            return;
        }
        let mut counts: Vec<usize> = self.tallies.iter().map(|t| t.counts.quotes).collect();
        let (_, &mut threshold, _) = counts.select_nth_unstable_by(top - 1, |a, b| b.cmp(a));
        for t in &mut self.tallies {
            if t.counts.quotes < threshold && !t.trail.is_empty() {
                self.kept -= t.trail.len();
                t.trail = Vec::new();
            }
        }
    }

    fn group(&mut self, name: &str) -> usize {
        if let Some(&g) = self.group_index.get(name) {
            return g;
        }
        self.group_index.insert(name.to_owned(), self.groups.len());
        self.groups.push((name.to_owned(), 0, BTreeMap::new()));
        self.groups.len() - 1
    }

    /// The table of sources; people get a gender when `gender` rules are given.
    pub fn finish(self, gender: Option<&GenderRules<'_>>) -> SourceTable {
        // Groups in order of their names, (none) last.
        let mut order: Vec<usize> = (0..self.groups.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&self.groups[a].0, &self.groups[b].0);
            (a == NO_GROUP, a).cmp(&(b == NO_GROUP, b))
        });
        let mut rank = vec![0; self.groups.len()];
        for (r, &g) in order.iter().enumerate() {
            rank[g] = r;
        }
        let mut groups: Vec<Group> = order
            .iter()
            .map(|&g| {
                let (name, documents, by_source_kind) = &self.groups[g];
                Group {
                    name: name.clone(),
                    documents: *documents,
                    quotes: by_source_kind.values().sum(),
                    by_source_kind: by_source_kind.clone(),
                    by_gender: gender.map(|_| BTreeMap::new()),
                }
            })
            .collect();
        let mut by_source_kind = BTreeMap::new();
        let mut by_gender = gender.map(|_| BTreeMap::new());
        let mut sources: Vec<Source> = self
            .tallies
            .into_iter()
            .map(|t| {
                *by_source_kind.entry(t.key.kind).or_default() += t.counts.quotes;
                let call = gender.filter(|_| t.key.kind == SourceKind::Person).map(|rules| {
                    let clues: Vec<(&Clue, usize)> = t.clues.iter().map(|(c, &n)| (c, n)).collect();
                    rules.call(&t.key.name, &clues, t.clue_documents)
                });
                if let (Some(call), Some(totals)) = (&call, &mut by_gender) {
                    *totals.entry(call.value.clone()).or_default() += t.counts.quotes;
                    for g in &t.groups {
                        let group = &mut groups[rank[g.group]];
                        *group.by_gender.as_mut().expect("gender asked").entry(call.value.clone()).or_default() +=
                            g.counts.quotes;
                    }
                }
                let mut source_groups: Vec<SourceGroup> = t
                    .groups
                    .into_iter()
                    .map(|g| SourceGroup {
                        group: self.groups[g.group].0.clone(),
                        counts: g.counts,
                        first_document: g.first,
                        last_document: g.last,
                    })
                    .collect();
                source_groups.sort_by_key(|g| rank[self.group_index[&g.group]]);
                Source {
                    name: t.key.name,
                    label: t.key.label,
                    kind: t.key.kind,
                    counts: t.counts,
                    first_document: t.first,
                    last_document: t.last,
                    gender: call,
                    groups: source_groups,
                    trail: t.trail,
                }
            })
            .collect();
        sources.sort_by(|a, b| {
            (b.counts.quotes, b.counts.documents)
                .cmp(&(a.counts.quotes, a.counts.documents))
                .then_with(|| (&a.name, a.kind).cmp(&(&b.name, b.kind)))
        });
        SourceTable {
            documents: self.documents,
            quotes: by_source_kind.values().sum(),
            scare_quotes: self.scare,
            by_source_kind,
            by_gender,
            groups,
            sources,
        }
    }
}

/// The month (`YYYY-MM`) of an ISO-8601 date or date-time (`2024-03-05`,
/// `2024-03-05T10:00:00Z`, `2024-03`), or `None` when `date` does not start with one.
///
/// ```
/// use saywho::sources::month_of;
/// assert_eq!(month_of("2024-03-05T10:00:00Z"), Some("2024-03"));
/// assert_eq!(month_of("2024-13-01"), None);
/// assert_eq!(month_of("March 2024"), None);
/// ```
pub fn month_of(date: &str) -> Option<&str> {
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7)) {
        return None;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let rest_ok = match b.get(7) {
        None => true,
        Some(b'-') => digits(8..10),
        Some(_) => false,
    };
    ((1..=12).contains(&month) && rest_ok).then(|| &date[..7])
}

impl SourceTable {
    /// Writes the table as CSV: a header, then one row per source, or per
    /// source and group when the documents were grouped (`group` column).
    /// Gender columns appear when gender was asked for.
    pub fn write_csv(&self, mut out: impl Write) -> io::Result<()> {
        let grouped = !self.groups.is_empty();
        let gendered = self.by_gender.is_some();
        let mut header = vec!["source", "label", "kind"];
        if grouped {
            header.push("group");
        }
        header.extend(["quotes", "documents", "direct", "mixed", "indirect", "first_document", "last_document"]);
        if gendered {
            header.extend(["gender", "gender_basis", "gender_evidence"]);
        }
        writeln!(out, "{}", header.join(","))?;
        let mut row = |s: &Source, group: Option<&str>, c: &QuoteCounts, first: &str, last: &str| -> io::Result<()> {
            let mut cells: Vec<String> =
                vec![s.name.clone(), s.label.map_or("", Label::as_str).into(), s.kind.as_str().into()];
            if let Some(group) = group {
                cells.push(group.into());
            }
            cells.extend([c.quotes, c.documents, c.direct, c.mixed, c.indirect].map(|n| n.to_string()));
            cells.extend([first.to_owned(), last.to_owned()]);
            if gendered {
                match &s.gender {
                    Some(g) => cells.extend([g.value.clone(), g.basis.as_str().into(), g.evidence.clone()]),
                    None => cells.extend([String::new(), String::new(), String::new()]),
                }
            }
            let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            writeln!(out, "{}", cells.join(","))
        };
        for s in &self.sources {
            if grouped {
                for g in &s.groups {
                    row(s, Some(&g.group), &g.counts, &g.first_document, &g.last_document)?;
                }
            } else {
                row(s, None, &s.counts, &s.first_document, &s.last_document)?;
            }
        }
        Ok(())
    }
}

/// A CSV cell: quoted when it holds a comma, quote mark or line break.
fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn audit(docs: &[(&str, Option<&str>, &str)], trail: Trail) -> SourceTable {
        let extractor = Extractor::new();
        let grouped = docs.iter().any(|d| d.1.is_some());
        let mut audit = if grouped { Audit::grouped(trail) } else { Audit::new(trail) };
        for &(id, group, text) in docs {
            let doc = extractor.extract(text);
            audit.add(id, group, &DocumentSources::new(&doc, Some(text), trail));
        }
        audit.finish(None)
    }

    fn source<'a>(table: &'a SourceTable, name: &str) -> &'a Source {
        table.sources.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no source {name}"))
    }

    #[test]
    fn sources_merge_across_documents_by_canonical_and_count_documents_once() {
        let table = audit(
            &[
                ("d1", None, "“It is late,” said Wanda Kowalczyk. “Go home,” Kowalczyk said."),
                ("d2", None, "Wanda Kowalczyk said that the bus was full."),
            ],
            Trail::ALL,
        );
        let wanda = source(&table, "Wanda Kowalczyk");
        let c = wanda.counts;
        assert_eq!((c.quotes, c.documents, c.direct, c.indirect), (3, 2, 2, 1));
        assert_eq!((wanda.first_document.as_str(), wanda.last_document.as_str()), ("d1", "d2"));
        assert_eq!(wanda.trail.len(), 3);
        assert_eq!(wanda.trail[2].document, "d2");
        assert_eq!(table.documents, 2);
    }

    #[test]
    fn unnamed_sources_are_counted_by_text_and_never_merged_into_a_person() {
        let table = audit(
            &[("d1", None, "Analysts said prices would rise.\nOfficials said the road was closed.")],
            Trail::NONE,
        );
        assert_eq!(source(&table, "analysts").kind, SourceKind::Unnamed);
        assert_eq!(source(&table, "officials").counts.quotes, 1);
        assert!(table.sources.iter().all(|s| s.trail.is_empty()));
        let unnamed = table.by_source_kind.get(&SourceKind::Unnamed).copied();
        assert_eq!(unnamed, Some(2));
    }

    #[test]
    fn a_top_bounded_trail_keeps_the_quotes_of_the_leading_sources() {
        // Ann is quoted in every document, each of the others once: with room for the top 1 only, the
        // others' trails are dropped as the kept quotes pass 2 × 1 × 3, and Ann keeps her first 3.
        let names = ["Bea Lindqvist", "Cor Maas", "Dirk Voss", "Eva Holm", "Finn Ruud", "Gus Abel", "Hal Kerr"];
        let texts: Vec<String> =
            names.iter().map(|n| format!("Ann Mertens said the dam was safe.\n{n} said the river was high.")).collect();
        let docs: Vec<(&str, Option<&str>, &str)> = texts.iter().map(|t| ("d", None, t.as_str())).collect();
        let table = audit(&docs, Trail { per_source: Some(3), context: 0, top: Some(1) });
        assert_eq!(source(&table, "Ann Mertens").trail.len(), 3);
        let kept: usize = table.sources.iter().map(|s| s.trail.len()).sum();
        assert!(kept <= 2 * 3 + 1, "{kept} quotes kept");
        assert_eq!(source(&table, "Hal Kerr").trail.len(), 1, "the last one is kept until the next pruning");
        assert!(source(&table, "Bea Lindqvist").trail.is_empty());
        assert_eq!(source(&table, "Bea Lindqvist").counts.quotes, 1, "counts never pruned");
    }

    #[test]
    fn scare_quotes_are_left_out_and_counted() {
        let table = audit(&[("d1", None, "The so-called “reform” passed on Tuesday.")], Trail::NONE);
        assert_eq!(table.quotes, 0);
        assert_eq!(table.scare_quotes, 1);
    }

    #[test]
    fn groups_sort_by_name_with_none_last() {
        let text = "Wanda Kowalczyk said that the bus was full.";
        let table = audit(&[("d1", None, text), ("d2", Some("b"), text), ("d3", Some("a"), text)], Trail::NONE);
        let names: Vec<&str> = table.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["a", "b", NO_GROUP]);
        assert!(table.groups.iter().all(|g| g.documents == 1 && g.quotes == 1));
        let wanda = source(&table, "Wanda Kowalczyk");
        let per_group: Vec<(&str, usize, &str)> =
            wanda.groups.iter().map(|g| (g.group.as_str(), g.counts.quotes, g.first_document.as_str())).collect();
        assert_eq!(per_group, [("a", 1, "d3"), ("b", 1, "d2"), (NO_GROUP, 1, "d1")]);
    }

    #[test]
    fn ungrouped_audits_have_no_groups() {
        let table = audit(&[("d1", None, "Wanda Kowalczyk said that the bus was full.")], Trail::NONE);
        assert!(table.groups.is_empty());
        assert!(table.sources[0].groups.is_empty());
    }

    #[test]
    fn context_stays_in_the_paragraph_and_on_char_boundaries() {
        let text = "first line\n“Héllo wörld,” she said.\nnext";
        let start = text.find("Héllo").unwrap();
        let span = Span::new(start, start + "Héllo wörld,".len());
        let (before, after) = context(text, span, 100);
        assert_eq!((before.as_str(), after.as_str()), ("“", "” she said."));
        let (before, _) = context(text, span, 2);
        assert!(before.len() <= 2);
    }

    #[test]
    fn months_need_a_real_iso_date() {
        assert_eq!(month_of("2024-03"), Some("2024-03"));
        assert_eq!(month_of("2024-03-05"), Some("2024-03"));
        assert_eq!(month_of("2024-00-05"), None);
        assert_eq!(month_of("2024-3-05"), None);
        assert_eq!(month_of("2024-03x"), None);
        assert_eq!(month_of(""), None);
    }

    #[test]
    fn csv_cells_are_quoted_only_when_needed() {
        assert_eq!(csv_cell("Ann"), "Ann");
        assert_eq!(csv_cell("Smith, Ann"), "\"Smith, Ann\"");
        assert_eq!(csv_cell("the \"Boss\""), "\"the \"\"Boss\"\"\"");
    }
}
