//! Entity recognition: gazetteer hits plus rules for names no lexicon
//! holds, merged into one referent per entity.
//!
//! [`rules`] reads each sentence's runs of capitalised tokens and decides
//! what each part is (a lexicon hit, a title, a person, an organisation, or
//! not yet known); [`merge`] then resolves short and unknown mentions
//! against the document's full names and acronym definitions, so `Trump`
//! becomes `Donald Trump` and `FAA` the `Federal Aviation Administration`.

pub mod lists;
pub mod merge;
pub mod rules;
pub mod shouted;
pub mod sports;

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
