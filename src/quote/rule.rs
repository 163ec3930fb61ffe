//! The registry of quote rules: each found quote names the rule that found
//! and attributed it, by a stable id, with the rule's confidence.

/// A rule that finds or attributes reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// `“…,” X said` or `“…,” said X`: the attribution follows the quote.
    DirectCueAfter,
    /// `X said: “…”` or `X said “…”`: the attribution precedes the quote in its paragraph.
    DirectCueBefore,
    /// `“…” — X`, or a paragraph of quote only and a line `- X.`: a dash and a name follow the quote.
    DirectDash,
    /// An introducing line ending in `:` before the quote's paragraph or bullet.
    DirectIntroLine,
    /// A paragraph that is only a quote, continuing the previous quote's speaker.
    DirectContinuation,
    /// A transcript line opening with its speaker's label: `"WALLACE: …`.
    DirectLabel,
    /// A full quotation whose speaker the text does not give nearby.
    DirectUnattributed,
    /// `X said that …`: a cue verb with a reported clause.
    IndirectCue,
    /// `…, X said.`: the attribution follows the reported clause.
    IndirectCueAfter,
    /// `according to X, …` or `…, according to X`.
    IndirectAccordingTo,
    /// `his warning that …`: a cue noun with its possessor.
    IndirectCueNoun,
    /// `citing “…”`, `labeling X as “…”`: a cue verb whose object is a quoted fragment.
    MixedCueObject,
    /// A quoted fragment after a cue verb in its sentence: `called them “deplorables.”`
    MixedNearCue,
    /// A fragment in the object of a named subject's verb: `Quell is promising “boats, boats, boats”`.
    MixedSubject,
    /// A paragraph opening with a name or transcript label and a colon: `Pence: …`, `WALLACE: …`.
    IndirectColonLabel,
    /// A title-case headline with a quoted fragment: `Christie Calls Clinton ‘A Disgrace’`.
    Headline,
    /// Quote marks around a term nobody is reported as saying.
    Scare,
}

impl Rule {
    /// The stable id written into each quote's `rule` field.
    pub fn id(self) -> &'static str {
        match self {
            Rule::DirectCueAfter => "direct-cue-after",
            Rule::DirectCueBefore => "direct-cue-before",
            Rule::DirectDash => "direct-dash",
            Rule::DirectIntroLine => "direct-intro-line",
            Rule::DirectContinuation => "direct-continuation",
            Rule::DirectLabel => "direct-label",
            Rule::DirectUnattributed => "direct-unattributed",
            Rule::IndirectCue => "indirect-cue",
            Rule::IndirectCueAfter => "indirect-cue-after",
            Rule::IndirectAccordingTo => "indirect-according-to",
            Rule::IndirectCueNoun => "indirect-cue-noun",
            Rule::MixedCueObject => "mixed-cue-object",
            Rule::MixedNearCue => "mixed-near-cue",
            Rule::MixedSubject => "mixed-subject",
            Rule::IndirectColonLabel => "indirect-colon-label",
            Rule::Headline => "headline",
            Rule::Scare => "scare",
        }
    }

    /// How often the rule is right, as a confidence from 0 to 1.
    pub fn confidence(self) -> f32 {
        match self {
            Rule::DirectCueAfter | Rule::DirectCueBefore => 0.9,
            Rule::DirectIntroLine | Rule::DirectDash => 0.85,
            Rule::IndirectCue | Rule::IndirectAccordingTo | Rule::DirectLabel => 0.8,
            Rule::DirectContinuation | Rule::IndirectCueAfter | Rule::MixedCueObject => 0.75,
            Rule::IndirectCueNoun => 0.65,
            Rule::Scare | Rule::MixedNearCue | Rule::IndirectColonLabel | Rule::Headline => 0.6,
            Rule::DirectUnattributed | Rule::MixedSubject => 0.5,
        }
    }

    /// Every rule, for documentation and tests.
    pub const ALL: [Rule; 17] = [
        Rule::DirectCueAfter,
        Rule::DirectCueBefore,
        Rule::DirectDash,
        Rule::DirectIntroLine,
        Rule::DirectContinuation,
        Rule::DirectLabel,
        Rule::DirectUnattributed,
        Rule::IndirectCue,
        Rule::IndirectCueAfter,
        Rule::IndirectAccordingTo,
        Rule::IndirectCueNoun,
        Rule::MixedCueObject,
        Rule::MixedNearCue,
        Rule::MixedSubject,
        Rule::IndirectColonLabel,
        Rule::Headline,
        Rule::Scare,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_confidences_in_range() {
        let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
        assert!(Rule::ALL.iter().all(|r| (0.0..=1.0).contains(&r.confidence())));
    }
}
