//! The cue lexicon (speech verbs, cue nouns and phrases) and the nominal
//! speakers (`analysts`, `a spokesman`, `the report`).

use crate::lexicon::{bundled, rows};
use crate::word_map::{WordFilter, WordMap};

/// What a cue form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// An inflected verb: `said`, `warns`.
    Verb,
    /// A cue noun: `statement`, `warning`.
    Noun,
    /// A multi-word phrase: `according to`, `in a statement`.
    Phrase,
}

/// One cue form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// What it is.
    pub kind: CueKind,
    /// Commonly takes a that-clause.
    pub that: bool,
    /// Commonly introduces or follows a direct quote.
    pub quote: bool,
    /// Takes an addressee object (`told Maduro`).
    pub addressee: bool,
    /// A belief rather than speech (`thinks`).
    pub belief: bool,
    /// A private thought or wish (`thinks`, `hopes`): it reports no speech
    /// of its own, though an attribution may still name it.
    pub thought: bool,
    /// Reports a clause only: with no `that`, a bare object is another
    /// sense of the verb (`maintained a lead`: kept it).
    pub clause: bool,
    /// Takes a noun-phrase object as its content (`denied authorizing`).
    pub object: bool,
    /// Whether the form is a present participle (`saying`, `citing`).
    pub participle: bool,
    /// Whether the same form is also a cue noun (`warning`, `claim`).
    pub noun: bool,
    /// Whether the form is mostly a noun that is no cue (`swing states`, `a
    /// federal judge`): the verb only right after its subject.
    pub mostly_noun: bool,
    /// Whether the form is one of `find`, which reports nothing with a
    /// reflexive object (`found himself in trouble`).
    pub find: bool,
}

/// Cue verb forms that are mostly nouns (see [`Cue::mostly_noun`]).
const MOSTLY_NOUNS: &[&str] = &["state", "states", "judge", "judges", "rule", "rules", "figure", "figures"];

/// The forms of `find` (see [`Cue::find`]).
const FIND: &[&str] = &["find", "finds", "found", "finding"];

/// A kind of nominal speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// `analysts`, `officials`.
    Group,
    /// `a spokesman`, `an official`.
    Person,
    /// `the report`, `a statement`.
    Document,
    /// `the government`, `the company`.
    Institution,
}

/// The bundled cue and speaker lists.
#[derive(Debug, Clone, Default)]
pub struct CueLexicon {
    words: WordMap<Cue>,
    /// Phrases by their first word: the rest of the words, longest first.
    phrases: WordMap<Vec<(Vec<&'static str>, Cue)>>,
    speakers: WordMap<SpeakerKind>,
    /// The words speech may start at: `words`' own filter, with `according`
    /// (of `according to`) let through too; one test where two would each
    /// cost a branch. Phrase cues are not in it: `Scene::next_cue_start`
    /// would skip their first words if the speech rules ever read phrases.
    speech_starts: WordFilter,
}

impl CueLexicon {
    /// Heap bytes held by the lists (the words themselves live in the binary).
    pub fn memory_usage(&self) -> usize {
        let phrases: usize = self
            .phrases
            .values()
            .flatten()
            .map(|(rest, _)| size_of::<(Vec<&str>, Cue)>() + rest.capacity() * size_of::<&str>())
            .sum();
        self.words.memory_usage()
            + self.phrases.memory_usage()
            + phrases
            + self.speakers.memory_usage()
            + self.speech_starts.memory_usage()
    }

    /// Loads the bundled cue and speaker lists.
    pub fn bundled() -> CueLexicon {
        let mut lexicon = CueLexicon::default();
        for (_, cols) in rows(bundled::CUES) {
            let [form, kind, _lemma, flags] = cols[..] else {
                continue;
            };
            let has = |flag: &str| flags.split(',').any(|f| f == flag);
            let kind = match kind {
                "verb" => CueKind::Verb,
                "noun" => CueKind::Noun,
                _ => CueKind::Phrase,
            };
            let cue = Cue {
                kind,
                that: has("that"),
                quote: has("quote"),
                addressee: has("addressee"),
                belief: has("belief"),
                thought: has("thought"),
                clause: has("clause"),
                object: has("object"),
                participle: kind == CueKind::Verb && form.ends_with("ing"),
                noun: kind == CueKind::Noun,
                mostly_noun: false,
                find: false,
            };
            let words: Vec<&'static str> = form.split(' ').collect();
            if words.len() == 1 {
                // A form that is both a verb and a noun keeps the verb's flags and notes the noun.
                lexicon
                    .words
                    .entry(form)
                    .and_modify(|old| {
                        if old.kind == CueKind::Noun {
                            *old = Cue { noun: true, ..cue };
                        } else {
                            old.noun |= cue.noun;
                        }
                    })
                    .or_insert(cue);
            } else {
                lexicon.phrases.entry(words[0]).or_default().push((words[1..].to_vec(), cue));
            }
        }
        for &form in MOSTLY_NOUNS {
            lexicon.words.entry(form).and_modify(|cue| cue.mostly_noun = true);
        }
        for &form in FIND {
            lexicon.words.entry(form).and_modify(|cue| cue.find = true);
        }
        lexicon.speech_starts = lexicon.words.filter().clone();
        lexicon.speech_starts.insert(b"according");
        for list in lexicon.phrases.values_mut() {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        for (_, cols) in rows(bundled::SPEAKERS) {
            let [surface, kind, _number] = cols[..] else {
                continue;
            };
            let kind = match kind {
                "group" => SpeakerKind::Group,
                "person" => SpeakerKind::Person,
                "document" => SpeakerKind::Document,
                _ => SpeakerKind::Institution,
            };
            lexicon.speakers.insert(surface, kind);
        }
        lexicon
    }

    /// The cue a single lower-case word is, if any.
    pub fn word(&self, word: &str) -> Option<Cue> {
        self.words.get(word).copied()
    }

    /// The cue a single lower-case word is, if any, for a word that passed
    /// [`CueLexicon::may_start_speech`] already: that test is the cue
    /// words' own filter (and more), so it is not made again. Exact for
    /// any word; only slower on words the filter would have rejected.
    pub fn word_unfiltered(&self, word: &str) -> Option<Cue> {
        self.words.get_unfiltered(word).copied()
    }

    /// Whether speech may start at a lower-case word with these bytes: a
    /// single-word cue or `according` (`false` is sure). A cheap test that
    /// rejects most words before [`CueLexicon::word`].
    #[inline(always)]
    pub fn may_start_speech(&self, word: &[u8]) -> bool {
        self.speech_starts.may_contain(word)
    }

    /// The longest cue phrase starting with `words[0]`: its length in words and the cue.
    pub fn phrase(&self, words: &[&str]) -> Option<(usize, Cue)> {
        let (first, rest) = words.split_first()?;
        self.phrases.get(first)?.iter().find_map(|(tail, cue)| {
            (rest.len() >= tail.len() && rest.iter().zip(tail).all(|(a, b)| a.eq_ignore_ascii_case(b)))
                .then_some((tail.len() + 1, *cue))
        })
    }

    /// Whether a lower-case word with these bytes may be a nominal speaker:
    /// a cheap test that rejects most words before [`CueLexicon::speaker`].
    #[inline(always)]
    pub fn may_be_speaker(&self, word: &[u8]) -> bool {
        self.speakers.may_contain(word)
    }

    /// The kind of nominal speaker a lower-case noun is, if any.
    pub fn speaker(&self, noun: &str) -> Option<SpeakerKind> {
        self.speakers.get(noun).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_flags_mark_their_forms_alone() {
        let lexicon = CueLexicon::bundled();
        let flags = |word: &str| lexicon.word(word).map(|c| (c.mostly_noun, c.find));
        assert_eq!(flags("states"), Some((true, false)));
        assert_eq!(flags("found"), Some((false, true)));
        // A form that is also a cue noun keeps its verb's flag.
        assert_eq!(flags("finding"), Some((false, true)));
        // Other forms of the same verbs, and other cues, have neither.
        assert_eq!(flags("stated"), Some((false, false)));
        assert_eq!(flags("said"), Some((false, false)));
    }

    #[test]
    fn thoughts_are_marked_apart_from_other_beliefs() {
        let lexicon = CueLexicon::bundled();
        let flags = |word: &str| lexicon.word(word).map(|c| (c.belief, c.thought));
        assert_eq!(flags("thinks"), Some((true, true)));
        assert_eq!(flags("hoping"), Some((true, true)));
        assert_eq!(flags("believes"), Some((true, false)));
        assert_eq!(flags("said"), Some((false, false)));
    }
}
