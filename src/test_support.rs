//! Helpers shared by the unit tests of every module.

use std::sync::OnceLock;

use crate::{Extractor, Label, QuoteKind};

/// One extractor with the bundled lexicons, built once for all tests.
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// `(text, label)` of every entity mention in `text`.
pub fn entities(text: &str) -> Vec<(String, Label)> {
    extractor().extract(text).entities.iter().map(|e| (e.text.to_string(), e.label)).collect()
}

/// The label of the first mention of `surface` in `text`, if it is one.
pub fn label_of(text: &str, surface: &str) -> Option<Label> {
    entities(text).into_iter().find(|(t, _)| t == surface).map(|(_, l)| l)
}

/// `(kind, content, speaker phrase)` of every quote in `text`, the document validated first.
pub fn quotes(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
    let doc = extractor().extract(text);
    doc.validate(text).unwrap();
    doc.quotes
        .iter()
        .map(|q| (q.kind, q.content.text.to_string(), q.speaker.as_ref().map(|s| s.text.to_string())))
        .collect()
}
