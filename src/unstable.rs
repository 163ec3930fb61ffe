//! The pipeline's stages one by one, for benchmarks, fuzz targets and experiments.
//!
//! **Not part of the stable API.** Everything in this module may change or
//! disappear in any release, and its changes are not listed in the CHANGELOG.
//! Programs that extract entities and quotes need only [`crate::Extractor`]
//! and [`crate::Document`].
//!
//! ```
//! use saywho::unstable::{segment, tokenize};
//! let text = "Officials said the port would reopen.";
//! let tokens = tokenize(text);
//! let segments = segment(text, &tokens);
//! assert_eq!(segments.sentences.len(), 1);
//! ```

pub use crate::gazetteer::{Gazetteer, Hit};
pub use crate::lexicon::{bundled, parse_entities, rows, Entry};
pub use crate::segment::{segment, Segments};
pub use crate::span::SpanIndex;
pub use crate::token::{tokenize, Token, TokenKind, MAX_TOKENIZED_BYTES};

/// The entity stage: candidates from the gazetteer and rules, then one referent per entity.
pub mod entity {
    pub use crate::entity::context::Context;
    pub use crate::entity::merge::merge;
    pub use crate::entity::rules::{candidates, MAX_NAME_BYTES, MAX_NAME_TOKENS};
    pub use crate::entity::{Mention, WordLists};
}

/// The quote stage: marks, direct and reported speech, speakers.
pub mod quote {
    pub use crate::quote::cues::CueLexicon;
    pub use crate::quote::find;
    pub use crate::quote::speaker::Scene;
}
