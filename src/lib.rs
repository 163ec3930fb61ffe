//! # saywho
//!
//! Who is mentioned and who said what: saywho finds named entities (people,
//! organisations, places, nationalities) and reported speech (direct,
//! mixed and indirect quotes) in English news, attributes each quote to its
//! speaker, and reports everything with exact UTF-8 byte offsets into the
//! input.
//!
//! The pipeline, one internal module per stage (their entry points are in [`unstable`], outside the stable API):
//!
//! ```text
//! text ─ token ─ segment ─ gazetteer ─ entity::{rules, typing, merge} ─ quote::{marks, direct, reported} ─ quote::resolve ─ Document
//! ```
//!
//! The primary types are [`Extractor`] (build once, share across threads),
//! [`Document`] (the result: [`Entity`] mentions, [`Referent`]s, [`Quote`]s)
//! and [`Span`] (byte offsets). The JSON form of a document is the CLI's
//! output; [`document`] describes it field by field.
//!
//! # Example: who said what
//!
//! ```
//! use saywho::{Extractor, QuoteKind};
//! let text = "Senator Dave McCormick stated: “Venezuela is fuelling a crisis.”\n\
//!             Analysts warn that Caracas may be facing its most serious threat yet.";
//! let doc = Extractor::new().extract(text);
//! let direct = &doc.quotes[0];
//! assert_eq!(direct.kind, QuoteKind::Direct);
//! assert_eq!(direct.speaker.as_ref().unwrap().canonical.as_deref(), Some("Dave McCormick"));
//! let indirect = &doc.quotes[1];
//! assert_eq!(indirect.kind, QuoteKind::Indirect);
//! assert_eq!(indirect.content.text, "Caracas may be facing its most serious threat yet");
//! assert_eq!(indirect.speaker.as_ref().unwrap().text, "Analysts");
//! ```
//!
//! # Example: one entity per referent
//!
//! ```
//! use saywho::{Extractor, Label};
//! let text = "Donald Trump called. Later, Trump said the U.S. would act.";
//! let doc = Extractor::new().extract(text);
//! let trump: Vec<_> = doc.entities.iter().filter(|e| e.label == Label::Person).map(|e| &*e.canonical).collect();
//! assert_eq!(trump, ["Donald Trump", "Donald Trump"]);
//! let us = doc.entities.iter().find(|e| e.text == "U.S.").unwrap();
//! assert_eq!(us.canonical, "United States");
//! ```

#![deny(missing_docs)]

pub mod document;
mod entity;
mod error;
pub mod eval;
mod extractor;
mod gazetteer;
pub mod html;
mod lexicon;
mod quote;
mod segment;
pub mod sources;
mod span;
mod swar;
#[cfg(test)]
mod test_support;
mod token;
mod token_bits;
pub mod unstable;
mod word_map;

pub use document::{
    Document, Entity, Excerpt, Label, OffsetUnit, Quote, QuoteKind, Reference, Referent, Resolution, SCHEMA_VERSION,
};
pub use error::{decode, Error};
pub use extractor::{Extractor, ExtractorBuilder};
pub use quote::Rule;
pub use span::Span;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
