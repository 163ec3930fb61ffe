//! Entity recognition: gazetteer hits plus rules for names no lexicon
//! holds, typed from the evidence around them and merged into one referent
//! per entity.
//!
//! The stage reads one way, each module knowing only those before it:
//!
//! 1. [`context`]: what the stages share (the document, lexicon hits by
//!    token, the candidates and their evidence); [`lists`] holds the word lists.
//! 2. [`cues`]: what the words next to a name say (speech verbs, team cues,
//!    an organisation's nouns, event words).
//! 3. Candidates: [`rules`] reads each sentence's runs of capitalised tokens
//!    and decides what each part is (a lexicon hit, a title, a person, an
//!    organisation, or not yet known), with [`shouted`] (names in capitals)
//!    and [`sports`] (results lines) as its helpers.
//! 4. [`typing`]: what each unknown candidate is on the evidence around it.
//! 5. [`merge`]: resolves short and unknown mentions against the document's
//!    full names and acronym definitions, so `Trump` becomes `Donald Trump`
//!    and `FAA` the `Federal Aviation Administration`.

pub mod context;
pub mod cues;
pub mod lists;
pub mod merge;
pub mod rules;
pub mod shouted;
pub mod sports;
pub mod typing;

use std::borrow::Cow;
use std::ops::Range;

use crate::{Label, Span};
pub use lists::{Gender, WordLists};

/// A recognised entity mention, before serialization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention<'a> {
    /// Where the name is (without title or possessive).
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// The entity type.
    pub label: Label,
    /// The referent's name.
    pub canonical: Cow<'a, str>,
    /// The title written before a person's name.
    pub title: Option<Span>,
    /// A stable lexicon id.
    pub id: Option<Cow<'a, str>>,
    /// A person's gender, where the title or given name tells.
    pub gender: Gender,
}
