//! Who a speaker phrase refers to.
//!
//! - A name: its mention's canonical name.
//! - `he`/`she`: the most salient person whose gender agrees: the later of
//!   the most recent speaker and the most recent person who opened a
//!   sentence as its subject or was introduced with an appositive (`came
//!   from Tom Kell, head of research`), else the nearest preceding person; a
//!   person of unknown gender only when none agrees. Gender comes from a
//!   title, from pronouns already linked to the person, or from the given
//!   name. A possessor speaker (`Kell's claim that …`) is no most recent speaker.
//! - `they`/`we`/`it`: the most recent speaker that is no person, else the
//!   most recent organisation that opened a sentence.
//! - `who`: the person or organisation named just before it.
//! - `the firm`, `the bank`: an organisation named in the phrase, else the
//!   nearest organisation whose name holds the head noun (`the Bank` → `Bank
//!   of Freedonia`), else for a generic business noun (`firm`, `company`)
//!   the most salient organisation.
//! - `the minister`, `the Tory leader`: the nearest person whose title or
//!   description holds the head noun; for a title (`the prime minister`), a
//!   demonym (`the Dutchman`, `the Irishman`), an age (`the 45-year-old`)
//!   or a role of a named party (`the Tory leader`) without one, the most
//!   salient person.
//! - `the report` (a document noun with `the`): an organisation named in the
//!   phrase (`a BBC statement`), else that of an earlier `report by X`, `X
//!   report` or `X’s report`; `the lawsuit` also whoever sues (`X is suing`).
//! - Other descriptions (`analysts`, `a spokeswoman`) have no canonical name.

use rustc_hash::FxHashMap;

use crate::entity::{Gender, Mention};
use crate::token::TokenKind;
use crate::{Label, Resolution, Span};

use super::cues::SpeakerKind;
use super::speaker::{Np, Scene, SpeakerPhrase};

/// How many tokens back a pronoun or description may look for its referent.
const LOOKBACK: usize = 400;

/// How many tokens after its sentence's start a sentence subject may start.
const SUBJECT_REACH: usize = 40;

/// Organisation nouns general enough to stand for whichever organisation is in view.
const GENERIC_ORG_NOUNS: &[&[u8]] = &[
    b"business",
    b"carrier",
    b"chain",
    b"company",
    b"corporation",
    b"firm",
    b"giant",
    b"group",
    b"maker",
    b"manufacturer",
    b"organisation",
    b"organization",
    b"retailer",
];

/// Whether a preposition before a name makes it no sentence subject (`said to Smith`); a `match`,
/// which the compiler turns into a switch on the length.
fn not_subject_after(word: &[u8]) -> bool {
    matches!(
        word,
        b"about"
            | b"against"
            | b"at"
            | b"by"
            | b"for"
            | b"from"
            | b"in"
            | b"into"
            | b"like"
            | b"of"
            | b"on"
            | b"over"
            | b"than"
            | b"to"
            | b"with"
    )
}

/// Person nouns that describe an unnamed source, not a role held by somebody in view (`the spokesman`).
const UNNAMED_SOURCE_NOUNS: &[&[u8]] =
    &[b"official", b"source", b"spokesman", b"spokesperson", b"spokeswoman", b"aide", b"adviser", b"advisor"];

/// Resolves speaker phrases in text order, remembering the most recent
/// speaker and the gender of the people pronouns were linked to.
pub struct Resolver<'s> {
    /// The most recent resolved speaker: its mention index.
    last_speaker: Option<usize>,
    /// What the text tells of each person's gender, by canonical name: one map, so a person is
    /// looked up once.
    told: FxHashMap<&'s str, Told>,
    /// How many mentions, in text order, [`Resolver::find_titles`] has looked at.
    titled_upto: usize,
}

/// What the text tells of a person's gender.
#[derive(Clone, Copy, Default)]
struct Told {
    /// The gender a pronoun decided by evidence in the text gave the person.
    linked: Option<Gender>,
    /// Where the person is first named with a gendered title (`Mr`, `Dame`), and that gender:
    /// known for the mentions before the latest pronoun, as only those tell a pronoun.
    titled: Option<(usize, Gender)>,
}

impl<'s> Resolver<'s> {
    /// A resolver with no speaker seen yet.
    pub fn new() -> Resolver<'s> {
        Resolver { last_speaker: None, told: FxHashMap::default(), titled_upto: 0 }
    }

    /// The mention a speaker phrase refers to, if known, and what linked
    /// them; call in text order. `content` is the speech the phrase speaks:
    /// names inside it are no antecedents of a pronoun speaking it.
    pub fn resolve(&mut self, scene: &Scene<'s, '_>, np: &Np, content: Span) -> Option<(usize, Resolution)> {
        let at = np.tokens.start;
        let outside = |m: usize| !content.covers(scene.mentions[m].span);
        let resolved = match np.phrase {
            // `the Irishman`: a singular nationality word standing for a person in view (`the Greens` is a group).
            SpeakerPhrase::Name(m)
                if scene.mentions[m].label == Label::Norp
                    && !scene.mentions[m].canonical.ends_with('s')
                    && at > 0
                    && (scene.is(at - 1, "the") || scene.is(at, "the")) =>
            {
                self.salient_person(scene, at, &outside).map(|m| (m, Resolution::Description))
            }
            SpeakerPhrase::Name(m) => Some((m, Resolution::Name)),
            SpeakerPhrase::Pronoun(gender, false) => {
                self.find_titles(scene, at);
                self.person(scene, at, gender, &outside)
            }
            SpeakerPhrase::Pronoun(_, true) => self
                .last_speaker
                .filter(|&m| scene.mentions[m].label != Label::Person && scene.mentions[m].tokens.start < at)
                .or_else(|| salient(scene, at, Label::Org, &outside))
                .map(|m| (m, Resolution::PronounText)),
            SpeakerPhrase::Relative => relative_antecedent(scene, at).map(|m| (m, Resolution::Relative)),
            SpeakerPhrase::Nominal(SpeakerKind::Document) => {
                named_in(scene, np).or_else(|| source_of_document(scene, np)).map(|m| (m, Resolution::Description))
            }
            SpeakerPhrase::Nominal(SpeakerKind::Institution) => {
                named_in(scene, np).or_else(|| self.organisation(scene, np)).map(|m| (m, Resolution::Description))
            }
            SpeakerPhrase::Nominal(SpeakerKind::Person) => {
                self.role(scene, np, &outside).map(|m| (m, Resolution::Description))
            }
            SpeakerPhrase::Nominal(SpeakerKind::Group) | SpeakerPhrase::Label => None,
        };
        if let Some((m, by)) = resolved {
            // `Mr Kell's claim that …` names a speaker inside the sentence of somebody else, who stays in view.
            if scene.tokens.get(np.tokens.end).is_none_or(|t| t.kind != TokenKind::Possessive) {
                self.last_speaker = Some(m);
            }
            if let (SpeakerPhrase::Pronoun(gender @ (Gender::Male | Gender::Female), _), Resolution::PronounText) =
                (np.phrase, by)
            {
                self.told.entry(&scene.mentions[m].canonical).or_default().linked = Some(gender);
            }
        }
        resolved
    }

    /// A person's gender, and whether the text (not the given-name list) decided it.
    fn gender(&self, scene: &Scene<'s, '_>, m: usize, at: usize) -> (Gender, bool) {
        let mention = &scene.mentions[m];
        let told = self.told.get(&*mention.canonical);
        if let Some(gender) = told.and_then(|t| t.linked) {
            return (gender, true);
        }
        match told.and_then(|t| t.titled) {
            Some((first, gender)) if first < at => (gender, true),
            _ if mention.gender == Gender::Unknown => (scene.lists.full_name_gender(&mention.canonical), false),
            _ => (mention.gender, false),
        }
    }

    /// Adds to [`Told::titled`] the mentions before token `at` not looked at yet: over a
    /// document, one pass over the mentions up to the last pronoun.
    fn find_titles(&mut self, scene: &Scene<'s, '_>, at: usize) {
        while let Some(mention) = scene.mentions.get(self.titled_upto).filter(|m| m.tokens.start < at) {
            self.titled_upto += 1;
            if mention.label == Label::Person && mention.title.is_some() {
                let gender = title_gender(scene, mention);
                if gender != Gender::Unknown {
                    let told = self.told.entry(&*mention.canonical).or_default();
                    told.titled = told.titled.or(Some((mention.tokens.start, gender)));
                }
            }
        }
    }

    fn person(
        &self,
        scene: &Scene<'s, '_>,
        at: usize,
        gender: Gender,
        outside: &dyn Fn(usize) -> bool,
    ) -> Option<(usize, Resolution)> {
        let is_person = |m: usize| scene.mentions[m].label == Label::Person && scene.mentions[m].tokens.start < at;
        // A person's gender, and whether it agrees with the pronoun's and how that was decided.
        let agreement = |m: usize| {
            let (g, by_text) = self.gender(scene, m, at);
            let by = if gender == Gender::Unknown || by_text {
                Resolution::PronounText
            } else {
                Resolution::PronounGivenName
            };
            (g, (gender == Gender::Unknown || g == gender).then_some((m, by)))
        };
        // The most recent speaker, if it agrees, is the answer unless a later person agrees and
        // opened a sentence or was introduced: the look back stops at it.
        let last = self.last_speaker.filter(|&m| is_person(m));
        let last_agrees = last.and_then(|m| agreement(m).1);
        let floor = last_agrees.map(|(m, _)| scene.mentions[m].tokens.start);
        // One look back over the people in view (most mentions are none: they are ruled out
        // before their gender is looked up), nearest first: the nearest who agrees and opened a
        // sentence or was introduced, else the nearest who agrees, else the nearest of unknown gender.
        let (mut nearest, mut nearest_unknown) = (None, None);
        for m in mentions_before(scene, at)
            .take_while(|&m| floor.is_none_or(|f| scene.mentions[m].tokens.start > f))
            .filter(|&m| is_person(m) && outside(m))
        {
            let (g, agrees) = agreement(m);
            if g == Gender::Unknown {
                nearest_unknown = nearest_unknown.or(Some(m));
            }
            if let Some(agrees) = agrees {
                if is_subject(scene, m) || introduced(scene, m) {
                    return Some(agrees);
                }
                nearest = nearest.or(Some(agrees));
            }
        }
        last_agrees.or(nearest).or_else(|| {
            last.filter(|&m| self.gender(scene, m, at).0 == Gender::Unknown)
                .or(nearest_unknown)
                .map(|m| (m, Resolution::PronounSalience))
        })
    }

    /// The most salient person before token `at`, whatever the gender: the
    /// later of the most recent speaker and the most recent sentence subject.
    fn salient_person(&self, scene: &Scene<'s, '_>, at: usize, outside: &dyn Fn(usize) -> bool) -> Option<usize> {
        let last = self
            .last_speaker
            .filter(|&m| scene.mentions[m].label == Label::Person && scene.mentions[m].tokens.start < at);
        later(scene, last, salient(scene, at, Label::Person, outside))
    }

    /// `the firm`, `the Bank`: the nearest organisation whose name holds the
    /// head noun, else for a generic noun the most salient organisation.
    fn organisation(&self, scene: &Scene<'s, '_>, np: &Np) -> Option<usize> {
        let head = definite_head(scene, np)?;
        let noun = scene.lower_bytes(head);
        let holds_noun = |m: usize| {
            let mention = &scene.mentions[m];
            mention.label == Label::Org
                && mention.canonical.as_bytes().split(|&b| b == b' ').any(|w| w.eq_ignore_ascii_case(noun))
        };
        if let Some(m) = mentions_before(scene, np.tokens.start).find(|&m| holds_noun(m)) {
            return Some(m);
        }
        if !GENERIC_ORG_NOUNS.contains(&noun) {
            return None;
        }
        self.last_speaker
            .filter(|&m| scene.mentions[m].label == Label::Org && scene.mentions[m].tokens.start < np.tokens.start)
            .or_else(|| salient(scene, np.tokens.start, Label::Org, &|_| true))
    }

    /// `the minister`: the nearest person described by the head noun (in the
    /// title or the words right before the name, or an appositive after it);
    /// else, for a title (`the prime minister`), a demonym (`the Dutchman`),
    /// an age (`the 45-year-old`) or a role of a named party or organisation
    /// (`the Tory leader`), the most salient person.
    fn role(&self, scene: &Scene<'s, '_>, np: &Np, outside: &dyn Fn(usize) -> bool) -> Option<usize> {
        let head = definite_head(scene, np)?;
        let noun = scene.lower_bytes(head);
        let describes = |m: usize| {
            let mention = &scene.mentions[m];
            if mention.label != Label::Person {
                return false;
            }
            // The words right before the name, back to punctuation or another person's name.
            let mut before = (mention.tokens.start.saturating_sub(4)..mention.tokens.start).rev().take_while(|&k| {
                scene.tokens[k].kind == TokenKind::Word
                    && scene.mention_at(k).is_none_or(|x| scene.mentions[x].label != Label::Person)
            });
            let appositive = || mention.tokens.end < scene.tokens.len() && scene.is(mention.tokens.end, ",");
            let mut after = mention.tokens.end..(mention.tokens.end + 8).min(np.tokens.start);
            before.any(|k| scene.lower_bytes(k) == noun)
                || (appositive() && after.any(|k| scene.lower_bytes(k) == noun))
        };
        if let Some(m) = mentions_before(scene, np.tokens.start).find(|&m| describes(m)) {
            return Some(m);
        }
        if UNNAMED_SOURCE_NOUNS.contains(&noun) {
            return None;
        }
        let words = &scene.text[scene.span(&(np.tokens.start + 1..np.tokens.end))];
        let title = !words.contains(['\n', '\r']) && scene.lists.title(words).is_some();
        let demonym = np.tokens.len() == 2 && (noun.ends_with(b"man") || noun.ends_with(b"woman"));
        let age = noun.ends_with(b"-old");
        // `the Tory leader`, `the Labour MP`: a role of a party, country or organisation.
        let of_a_name = scene.speaker_kind(head) == Some(SpeakerKind::Person)
            && (np.tokens.start + 1..head).any(|k| {
                scene.mention_at(k).is_some_and(|x| matches!(scene.mentions[x].label, Label::Norp | Label::Org))
            });
        if !(title || demonym || age || of_a_name) {
            return None;
        }
        self.salient_person(scene, np.tokens.start, outside)
    }
}

impl Default for Resolver<'_> {
    fn default() -> Self {
        Resolver::new()
    }
}

/// The mentions before token `at`, nearest first, within the lookback.
fn mentions_before<'x>(scene: &'x Scene<'_, '_>, at: usize) -> impl Iterator<Item = usize> + 'x {
    let before = scene.mentions.partition_point(|m| m.tokens.start < at);
    (0..before).rev().take_while(move |&i| at - scene.mentions[i].tokens.start <= LOOKBACK)
}

/// Whether mention `m` is its sentence's subject, as far as position tells:
/// the first person or organisation named in the sentence, near its start, not after a
/// preposition or a verb.
fn is_subject(scene: &Scene<'_, '_>, m: usize) -> bool {
    let mention = &scene.mentions[m];
    // `Kell's claim`: a possessor is no subject.
    if scene.tokens.get(mention.tokens.end).is_some_and(|t| t.kind == TokenKind::Possessive) {
        return false;
    }
    let start = mention.tokens.start;
    let sentence_start = scene.segments.sentences[scene.sentence_of(start)].tokens.start;
    // A subject opens its sentence: the scans below stay within a window.
    if start - sentence_start > SUBJECT_REACH {
        return false;
    }
    // `listing on the London Stock Exchange`: the preposition may stand before a determiner.
    let before = match start.checked_sub(1) {
        Some(k) if k > sentence_start && matches!(scene.lower_bytes(k), b"the" | b"a" | b"an") => k,
        _ => start,
    };
    if before > sentence_start && not_subject_after(scene.lower_bytes(before - 1)) {
        return false;
    }
    // An earlier name in the sentence is its subject; and `The group will open a Zorbex office`: a name
    // after the verb is no subject. One pass over the words before the name.
    !(sentence_start..start).any(|k| {
        scene.mention_at(k).is_some_and(|x| x != m && matches!(scene.mentions[x].label, Label::Person | Label::Org))
            || matches!(scene.lower_bytes(k), b"is" | b"are" | b"was" | b"were" | b"has" | b"have" | b"had" | b"will")
    })
}

/// Whether mention `m` introduces its referent with an appositive (`came from Tom Kell, head of
/// research at Zorbex`): the first mention of the name within the lookback, a comma and a
/// lower-case description after it.
fn introduced(scene: &Scene<'_, '_>, m: usize) -> bool {
    let mention = &scene.mentions[m];
    let end = mention.tokens.end;
    let described = end + 1 < scene.tokens.len()
        && scene.is(end, ",")
        && scene.tokens[end + 1].kind == TokenKind::Word
        && scene.word(end + 1).starts_with(|c: char| c.is_lowercase());
    described && mentions_before(scene, mention.tokens.start).all(|x| scene.mentions[x].canonical != mention.canonical)
}

/// The nearest preceding mention with `label` that is its sentence's subject (and `outside` the speech).
fn salient(scene: &Scene<'_, '_>, at: usize, label: Label, outside: &dyn Fn(usize) -> bool) -> Option<usize> {
    mentions_before(scene, at).find(|&m| scene.mentions[m].label == label && outside(m) && is_subject(scene, m))
}

/// The later in the text of two mentions.
fn later(scene: &Scene<'_, '_>, a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => {
            Some(if scene.mentions[a].tokens.start >= scene.mentions[b].tokens.start { a } else { b })
        }
        (a, b) => a.or(b),
    }
}

/// The head noun token of a definite singular description (`the firm`, `the
/// Tory leader`), or `None` for an indefinite or plural one or one qualified
/// by a phrase after it (`a spokesman for the firm`).
fn definite_head(scene: &Scene<'_, '_>, np: &Np) -> Option<usize> {
    let first = np.tokens.start;
    if !(scene.is(first, "the") || scene.is(first, "this")) || np.tokens.len() < 2 {
        return None;
    }
    let head = np.tokens.end - 1;
    let plain = (first + 1..head).all(|k| matches!(scene.tokens[k].kind, TokenKind::Word | TokenKind::Dash));
    let plural = scene.lower_bytes(head).ends_with(b"s") && !scene.lower_bytes(head).ends_with(b"ss");
    (plain && !plural && scene.tokens[head].kind == TokenKind::Word).then_some(head)
}

/// An organisation or person named inside a description (`a BBC statement`,
/// `the council’s ruling`, `Uganda’s New Vision newspaper`): the one nearest its head.
fn named_in(scene: &Scene<'_, '_>, np: &Np) -> Option<usize> {
    np.tokens
        .clone()
        .rev()
        .filter_map(|k| scene.mention_at(k))
        .find(|&m| matches!(scene.mentions[m].label, Label::Org | Label::Person))
}

/// The gender the title written before a mention implies (`Mr`, `Dame`), if any.
fn title_gender(scene: &Scene<'_, '_>, mention: &Mention<'_>) -> Gender {
    mention.title.and_then(|t| scene.lists.title(scene.text[t].trim_end_matches('.'))).unwrap_or(Gender::Unknown)
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

/// `the report` → the organisation of an earlier `report by X` / `X report` / `X’s report`;
/// `the lawsuit` → also the one who sues (`X is suing Y`, `X sues`).
fn source_of_document(scene: &Scene<'_, '_>, np: &Np) -> Option<usize> {
    let head = np.tokens.end - 1;
    let first = np.tokens.start;
    if !(scene.is(first, "the") || scene.is(first, "this")) {
        return None;
    }
    let noun = scene.lower_bytes(head);
    let lawsuit = matches!(noun, b"lawsuit" | b"suit");
    let floor = head.saturating_sub(LOOKBACK);
    for k in (floor..first).rev() {
        if lawsuit && matches!(scene.lower_bytes(k), b"sues" | b"suing") {
            // `Kell is suing the studio`, `Kell sues`: the name before the verb (and an auxiliary).
            let b =
                if k > 0 && matches!(scene.lower_bytes(k - 1), b"is" | b"was" | b"are" | b"were") { k - 1 } else { k };
            let suer = b.checked_sub(1).and_then(|p| scene.mention_at(p));
            if let Some(m) = suer.filter(|&m| matches!(scene.mentions[m].label, Label::Person | Label::Org)) {
                return Some(m);
            }
        }
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

    /// `(canonical, resolved_by)` of the last quote's speaker in `text`.
    fn last_canonical(text: &str) -> (Option<String>, Option<Resolution>) {
        speakers(text).pop().map_or((None, None), |s| (s.1, s.2))
    }

    fn resolved(name: &str, by: Resolution) -> (Option<String>, Option<Resolution>) {
        (Some(name.to_string()), Some(by))
    }

    #[test]
    fn a_given_name_beyond_the_census_list_decides_a_pronoun() {
        // `Aoife` and `Callum` are only in the wider list of given names, known for their gender.
        let text = "On Monday, Aoife Byrne thanked Callum Reid for the report. She said the plan would work.";
        assert_eq!(last_canonical(text), resolved("Aoife Byrne", Resolution::PronounGivenName));
        let text = "On Monday, Callum Reid thanked Aoife Byrne for the report. He said the plan would work.";
        assert_eq!(last_canonical(text), resolved("Callum Reid", Resolution::PronounGivenName));
        // Given names no list knows tell no gender: salience alone decides.
        let text = "On Monday, Zorbl Reid thanked Quuxa Byrne for the report. She said the plan would work.";
        assert_eq!(last_canonical(text), resolved("Quuxa Byrne", Resolution::PronounSalience));
    }

    #[test]
    fn a_pronoun_takes_the_newest_subject_not_the_last_speaker() {
        let text = "Tom Kell told reporters the port was safe.\nSam Ortiz welcomed the ruling. He said it was fair.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Sam Ortiz"));
        // A name after a preposition is no subject: the last speaker stays.
        let text =
            "Tom Kell told reporters the port was safe.\nThe ruling was welcomed by Sam Ortiz. He said it was fair.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Tom Kell"));
    }

    #[test]
    fn a_pronoun_takes_the_last_speaker_over_an_earlier_subject() {
        // Sam Ortiz opened a sentence, but Tom Kell spoke after him.
        let text = "Sam Ortiz welcomed the ruling. \"The port is safe,\" said Tom Kell. He said it was fair.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Tom Kell"));
        // Named without speaking, Tom Kell gives way to the subject before him.
        let text = "Sam Ortiz welcomed the ruling. The port was praised by Tom Kell. He said it was fair.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Sam Ortiz"));
    }

    #[test]
    fn a_pronoun_is_not_resolved_to_a_name_inside_its_own_speech() {
        let text = "Jane Smith told reporters the port was safe. Sam Ortiz will win the vote, she said.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_business_noun_takes_the_organisation_in_view() {
        let text = "Zorbex Holdings posted a loss on Monday. The firm said sales had fallen.";
        assert_eq!(last_canonical(text), resolved("Zorbex Holdings", Resolution::Description));
        // No organisation in view: no referent.
        assert_eq!(last_canonical("Sales fell on Monday. The firm said costs had risen."), (None, None));
    }

    #[test]
    fn it_takes_the_organisation_in_view() {
        let text = "Zorbex Holdings posted a loss on Monday. It said sales had fallen.";
        assert_eq!(last_canonical(text), resolved("Zorbex Holdings", Resolution::PronounText));
    }

    #[test]
    fn a_role_noun_takes_the_person_it_describes() {
        let text =
            "Foreign Secretary Jack Straw met Tom Kell on Monday. The foreign secretary said the talks went well.";
        assert_eq!(last_canonical(text), resolved("Jack Straw", Resolution::Description));
        // An unnamed source stays unnamed.
        let text = "Jack Straw met Tom Kell on Monday. The spokesman said the talks went well.";
        assert_eq!(last_canonical(text), (None, None));
    }

    #[test]
    fn a_demonym_takes_the_salient_person() {
        let text = "Martin Jol praised his players. The Dutchman said they had been patient.";
        assert_eq!(last_canonical(text), resolved("Martin Jol", Resolution::Description));
        // Without a person in view, nobody.
        assert_eq!(last_canonical("The team won. The Dutchman said they had been patient."), (None, None));
        // A plural group word names the group itself, whoever is in view.
        let text = "Martin Jol praised his players. The Greens said the plan was too slow.";
        assert_eq!(last_canonical(text), resolved("Greens", Resolution::Name));
    }

    #[test]
    fn a_role_of_a_named_party_takes_the_salient_person() {
        let text = "Michael Howard met voters on Monday. The Tory leader said the plan was fair.";
        assert_eq!(last_canonical(text), resolved("Michael Howard", Resolution::Description));
        // Nobody in view: no referent.
        assert_eq!(
            last_canonical("The vote was held on Monday. The Tory leader said the plan was fair."),
            (None, None)
        );
    }

    #[test]
    fn a_pronoun_takes_a_person_just_introduced_with_an_appositive() {
        let text = "Sam Ortiz said the phone was cheap. A dissenting view came from Tom Kell, head of research at a \
                    bank. He said the phone was too slow.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Tom Kell"));
        // Named without an appositive and not a subject, he is no antecedent before the last speaker.
        let text = "Sam Ortiz said the phone was cheap. A dissenting view came from Tom Kell. He said the phone was \
                    too slow.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Sam Ortiz"));
    }

    #[test]
    fn a_possessor_speaker_does_not_take_the_floor() {
        let text = "Tom Kell said the plan would fail. He rejected Sam Ortiz's claim that it would work. \
                    \"It cannot last,\" he said.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Tom Kell"));
        let text = "Tom Kell said the plan would fail. Sam Ortiz claimed that it would work. \
                    \"It cannot last,\" he said.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Sam Ortiz"));
    }

    #[test]
    fn a_name_after_a_preposition_and_a_determiner_is_no_subject() {
        let text = "Acme Corp posted a loss. Chief executive Tom Kell said sales fell. Shares fell on the London \
                    Stock Exchange. It said costs rose.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Acme Corp"));
        let text = "Acme Corp posted a loss. Chief executive Tom Kell said sales fell. The London Stock Exchange \
                    closed early. It said costs rose.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("London Stock Exchange"));
    }

    #[test]
    fn a_name_after_the_verb_is_no_subject() {
        let text = "Acme Corp posted a loss. Chief executive Tom Kell said sales fell. The group will open a \
                    Zorbex Bank office. It said costs rose.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Acme Corp"));
        let text = "Acme Corp posted a loss. Chief executive Tom Kell said sales fell. Zorbex Bank will open an \
                    office. It said costs rose.";
        assert_eq!(last_canonical(text).0.as_deref(), Some("Zorbex Bank"));
    }

    #[test]
    fn a_lawsuit_speaks_for_whoever_sues() {
        let text = "Actor Tom Kell is suing Zorbex Studios over an injury. The lawsuit said he was hurt on set.";
        assert_eq!(last_canonical(text), resolved("Tom Kell", Resolution::Description));
        // Sued, not suing: the lawsuit is not the studio's.
        let text = "Zorbex Studios was sued over an injury. The lawsuit said an actor was hurt on set.";
        assert_eq!(last_canonical(text), (None, None));
    }

    #[test]
    fn an_organisation_named_in_a_description_speaks() {
        let text = "A Zorbex Holdings statement said sales had fallen.";
        assert_eq!(last_canonical(text), resolved("Zorbex Holdings", Resolution::Description));
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
