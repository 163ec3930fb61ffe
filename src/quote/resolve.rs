//! Who a speaker phrase refers to.
//!
//! - A name: its mention's canonical name.
//! - `he`/`she`/`his`/`her`: the most recent speaker when the gender agrees
//!   (known from a title or given name), else the nearest preceding person
//!   whose gender agrees, else the most recent speaker or person of unknown
//!   gender.
//! - `they`/`we`: the most recent speaker that is an organisation or place.
//! - `who`: the person or organisation named just before it.
//! - `the report` (a document noun with `the`): the organisation of an
//!   earlier `report by X`, `X report` or `X’s report`.
//! - Other descriptions (`analysts`) have no canonical name.

use crate::entity::Gender;
use crate::token::TokenKind;
use crate::Label;

use super::cues::SpeakerKind;
use super::speaker::{Np, Scene, SpeakerPhrase};

/// How many tokens back a pronoun or description may look for its referent.
const LOOKBACK: usize = 400;

/// Resolves speaker phrases in text order, remembering the most recent speaker.
pub struct Resolver {
    /// The most recent resolved speaker: its mention index.
    last_speaker: Option<usize>,
}

impl Resolver {
    /// A resolver with no speaker seen yet.
    pub fn new() -> Resolver {
        Resolver { last_speaker: None }
    }

    /// The mention a speaker phrase refers to, if known; call in text order.
    pub fn resolve(&mut self, scene: &Scene<'_, '_>, np: &Np) -> Option<usize> {
        let mention = match np.phrase {
            SpeakerPhrase::Name(m) => Some(m),
            SpeakerPhrase::Pronoun(gender, false) => self.person(scene, np.tokens.start, gender),
            SpeakerPhrase::Pronoun(_, true) => self.last_speaker.filter(|&m| scene.mentions[m].label != Label::Person),
            SpeakerPhrase::Relative => relative_antecedent(scene, np.tokens.start),
            SpeakerPhrase::Nominal(SpeakerKind::Document) => source_of_document(scene, np),
            SpeakerPhrase::Nominal(_) | SpeakerPhrase::Label => None,
        };
        if mention.is_some() {
            self.last_speaker = mention;
        }
        mention
    }

    fn person(&self, scene: &Scene<'_, '_>, at: usize, gender: Gender) -> Option<usize> {
        let compatible = |m: usize, strict: bool| {
            let mention = &scene.mentions[m];
            mention.label == Label::Person
                && (mention.gender == gender || (!strict && mention.gender == Gender::Unknown))
        };
        // Mentions are in text order: those before `at`, nearest first, within the lookback.
        let before = scene.mentions.partition_point(|m| m.tokens.start < at);
        let preceding = || (0..before).rev().take_while(move |&i| at - scene.mentions[i].tokens.start <= LOOKBACK);
        let last = self.last_speaker.filter(|&m| scene.mentions[m].tokens.start < at);
        last.filter(|&m| compatible(m, true))
            .or_else(|| preceding().find(|&m| compatible(m, true)))
            .or_else(|| last.filter(|&m| compatible(m, false)))
            .or_else(|| preceding().find(|&m| compatible(m, false)))
    }
}

impl Default for Resolver {
    fn default() -> Self {
        Resolver::new()
    }
}

/// How far back from `who` its antecedent may be (`McConnell, now the Senate majority leader, who`).
const RELATIVE_LOOKBACK: usize = 12;

/// The person or organisation `who` at token `at` relates to: the nearest
/// one named before it in its sentence.
fn relative_antecedent(scene: &Scene<'_, '_>, at: usize) -> Option<usize> {
    let floor = scene.segments.sentences[scene.sentence_of(at)].tokens.start.max(at.saturating_sub(RELATIVE_LOOKBACK));
    (floor..at).rev().find_map(|k| {
        let m = scene.mention_at(k)?;
        matches!(scene.mentions[m].label, Label::Person | Label::Org).then_some(m)
    })
}

/// `the report` → the organisation of an earlier `report by X` / `X report` / `X’s report`.
fn source_of_document(scene: &Scene<'_, '_>, np: &Np) -> Option<usize> {
    let head = np.tokens.end - 1;
    let first = np.tokens.start;
    if !(scene.is(first, "the") || scene.is(first, "this")) {
        return None;
    }
    let noun = scene.lower_bytes(head);
    let floor = head.saturating_sub(LOOKBACK);
    for k in (floor..first).rev() {
        if scene.tokens[k].kind != TokenKind::Word || scene.lower_bytes(k) != noun {
            continue;
        }
        // `report by the Miami Herald`
        let mut j = k + 1;
        if j < scene.tokens.len() && matches!(scene.lower_bytes(j), b"by" | b"from" | b"of") {
            j += 1;
            while j < scene.tokens.len() && matches!(scene.lower_bytes(j), b"the" | b"a" | b"an") {
                j += 1;
            }
            if let Some(m) = scene.mention_at(j) {
                return Some(m);
            }
        }
        // `a Miami Herald report`, `the Herald’s report`
        let mut b = k;
        if b > 0 && scene.tokens[b - 1].kind == TokenKind::Possessive {
            b -= 1;
        }
        if let Some(m) = b.checked_sub(1).and_then(|p| scene.mention_at(p)) {
            return Some(m);
        }
    }
    None
}
