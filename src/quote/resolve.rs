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
use crate::{Label, Resolution};

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

    /// The mention a speaker phrase refers to, if known, and what linked
    /// them; call in text order.
    pub fn resolve(&mut self, scene: &Scene<'_, '_>, np: &Np) -> Option<(usize, Resolution)> {
        let resolved = match np.phrase {
            SpeakerPhrase::Name(m) => Some((m, Resolution::Name)),
            SpeakerPhrase::Pronoun(gender, false) => {
                self.person(scene, np.tokens.start, gender).map(|m| (m, pronoun_resolution(scene, m, np.tokens.start)))
            }
            SpeakerPhrase::Pronoun(_, true) => self
                .last_speaker
                .filter(|&m| scene.mentions[m].label != Label::Person)
                .map(|m| (m, Resolution::PronounText)),
            SpeakerPhrase::Relative => relative_antecedent(scene, np.tokens.start).map(|m| (m, Resolution::Relative)),
            SpeakerPhrase::Nominal(SpeakerKind::Document) => {
                source_of_document(scene, np).map(|m| (m, Resolution::Description))
            }
            SpeakerPhrase::Nominal(_) | SpeakerPhrase::Label => None,
        };
        if let Some((m, _)) = resolved {
            self.last_speaker = Some(m);
        }
        resolved
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

/// What decided a singular pronoun's link to mention `m` (before token `at`):
/// a gendered title on some mention of the same referent before it is
/// evidence in the text; a gender with no such title came from the given name.
fn pronoun_resolution(scene: &Scene<'_, '_>, m: usize, at: usize) -> Resolution {
    let referent = &scene.mentions[m];
    if referent.gender == Gender::Unknown {
        return Resolution::PronounSalience;
    }
    let titled = scene.mentions[..scene.mentions.partition_point(|x| x.tokens.start < at)]
        .iter()
        .rev()
        .take_while(|x| at - x.tokens.start <= LOOKBACK)
        .any(|x| x.canonical == referent.canonical && title_gender(scene, x) != Gender::Unknown);
    if titled {
        Resolution::PronounText
    } else {
        Resolution::PronounGivenName
    }
}

/// The gender the title written before a mention implies (`Mr`, `Dame`), if any.
fn title_gender(scene: &Scene<'_, '_>, mention: &crate::entity::Mention<'_>) -> Gender {
    mention.title.and_then(|t| scene.lists.title(scene.text[t].trim_end_matches('.'))).unwrap_or(Gender::Unknown)
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

#[cfg(test)]
mod tests {
    use crate::test_support::extractor;
    use crate::Resolution;

    /// `(speaker text, canonical, resolved_by)` of every quote's speaker in `text`.
    fn speakers(text: &str) -> Vec<(String, Option<String>, Option<Resolution>)> {
        let doc = extractor().extract(text);
        doc.validate(text).unwrap();
        doc.quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .map(|s| (s.text.to_string(), s.canonical.as_deref().map(str::to_string), s.resolved_by))
            .collect()
    }

    fn last_resolution(text: &str) -> Option<Resolution> {
        speakers(text).last().and_then(|s| s.2)
    }

    #[test]
    fn a_name_is_resolved_by_name() {
        let found = speakers("Jane Smith said the vote would be delayed.");
        assert_eq!(found, [("Jane Smith".to_string(), Some("Jane Smith".to_string()), Some(Resolution::Name))]);
    }

    #[test]
    fn a_pronoun_records_what_decided_its_gender() {
        // A title in the text decides.
        let text = "Mr Tom Kell spoke to the board. He said the vote would be delayed.";
        assert_eq!(last_resolution(text), Some(Resolution::PronounText));
        // Only the given name decides.
        let text = "Tom Kell spoke to the board. He said the vote would be delayed.";
        assert_eq!(last_resolution(text), Some(Resolution::PronounGivenName));
    }

    #[test]
    fn an_unresolved_speaker_has_no_resolution() {
        let found = speakers("Analysts said the vote would be delayed.");
        assert_eq!(found, [("Analysts".to_string(), None, None)]);
    }

    #[test]
    fn a_relative_who_is_resolved_as_a_relative() {
        let text = "Voters backed Jane Smith, who said the plan was doomed.";
        assert_eq!(last_resolution(text), Some(Resolution::Relative));
    }

    #[test]
    fn resolved_by_is_kebab_case_and_absent_when_unresolved() {
        let json = serde_json::to_string(&Resolution::PronounGivenName).unwrap();
        assert_eq!(json, "\"pronoun-given-name\"");
        let doc = extractor().extract("Analysts said the vote would be delayed.");
        let json = serde_json::to_string(&doc).unwrap();
        assert!(!json.contains("resolved_by"), "{json}");
    }
}
