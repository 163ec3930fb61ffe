//! Reported speech: quote marks, cue lexicon, speaker attribution.
//!
//! The stages, each a module:
//! 1. [`marks`] pairs quote marks of every style into quoted stretches.
//! 2. [`direct`] decides which stretches are quotations and attributes them.
//! 3. [`reported`] finds speech around cue verbs, nouns and phrases; quoted
//!    fragments inside it make it mixed.
//! 4. The remaining fragments are scare quotes (no speaker), except titles
//!    and nicknames, which are not speech at all.
//! 5. [`resolve`] gives each speaker its referent: a name's canonical form,
//!    a pronoun's antecedent, a description's source where it is clear.

pub mod cues;
pub mod direct;
pub mod marks;
pub mod reported;
pub mod resolve;
pub mod rule;
pub mod speaker;

pub use rule::Rule;

use crate::{QuoteKind, Span};
use direct::Attribution;
use speaker::{Np, Scene};

/// A quote as found, before its speaker is resolved.
#[derive(Debug, Clone)]
pub struct Found {
    /// What kind of speech.
    pub kind: QuoteKind,
    /// The whole quote (see [`crate::Quote::span`]).
    pub span: Span,
    /// The reported words.
    pub content: Span,
    /// The pieces of an interrupted quote.
    pub parts: Vec<Span>,
    /// The quoted fragments inside.
    pub fragments: Vec<Span>,
    /// The speaker phrase.
    pub speaker: Option<Np>,
    /// The cue.
    pub cue: Option<Span>,
    /// The addressee phrase.
    pub addressee: Option<Np>,
    /// The rule that found it.
    pub rule: Rule,
}

impl Found {
    fn apply(&mut self, attribution: Attribution, rule: Rule) {
        self.speaker = attribution.speaker;
        self.cue = attribution.cue;
        self.addressee = attribution.addressee;
        self.rule = rule;
    }
}

/// Words before a quoted title or nickname that make it no speech at all.
const NAMING_WORDS: &[&str] = &[
    "album",
    "book",
    "called",
    "dubbed",
    "entitled",
    "film",
    "known",
    "movie",
    "named",
    "nicknamed",
    "novel",
    "play",
    "programme",
    "program",
    "series",
    "show",
    "single",
    "song",
    "titled",
    "track",
];

/// Finds all reported speech in a scene, in order of start.
pub fn find(scene: &Scene<'_, '_>) -> Vec<Found> {
    let quoted = marks::find(scene.text, scene.tokens, scene.segments);
    let (mut found, fragments) = direct::attribute(scene, &quoted);
    let (reported, used) = reported::find(scene, &quoted, &fragments, &found);
    // An unattributed quotation embedded in reported speech is a fragment of it.
    found.retain(|d| !(d.rule == Rule::DirectUnattributed && reported.iter().any(|r| r.content.covers(d.span))));
    let mut reported = reported;
    for r in &mut reported {
        if r.kind == QuoteKind::Indirect && r.fragments.is_empty() {
            let inside: Vec<Span> =
                quoted.iter().filter(|q| !q.nested && r.content.covers(q.span)).map(|q| q.content).collect();
            if !inside.is_empty() {
                r.kind = QuoteKind::Mixed;
                r.fragments = inside;
            }
        }
    }
    found.extend(reported);
    for (f, &i) in fragments.iter().enumerate() {
        let q = &quoted[i];
        if used[f] || q.content.is_empty() || found.iter().any(|d| d.span.covers(q.span)) {
            continue;
        }
        let naming = q.open > 0 && NAMING_WORDS.contains(&&*scene.lower(q.open - 1));
        if naming {
            continue;
        }
        found.push(Found {
            kind: QuoteKind::Scare,
            span: q.span,
            content: q.content,
            parts: Vec::new(),
            fragments: Vec::new(),
            speaker: None,
            cue: None,
            addressee: None,
            rule: Rule::Scare,
        });
    }
    found.sort_by_key(|f| (f.span.start(), f.span.end()));
    found
}
