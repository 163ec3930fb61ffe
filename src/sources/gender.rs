//! A source's gender, only from evidence: a user's list, then the text
//! (gendered honorifics before the name, pronouns the resolver linked to the
//! person without a given-name guess), then, weakest and only when allowed,
//! the given-name list. No evidence is `unknown`.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Clue;
use crate::entity::lists::Gender;
use crate::lexicon::bundled;
use crate::{Error, Extractor};

/// What decided a person's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Basis {
    /// The user's list (`--gender-list`).
    UserList,
    /// Honorifics and pronouns in the text.
    Text,
    /// The given-name list: the weakest evidence.
    GivenName,
    /// Nothing: the value is `unknown`.
    None,
}

impl Basis {
    /// The basis as written in CSV and JSON: `user-list`, `text`, `given-name`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::UserList => "user-list",
            Basis::Text => "text",
            Basis::GivenName => "given-name",
            Basis::None => "none",
        }
    }
}

/// A person's gender, what decided it, and the evidence in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct GenderCall {
    /// `female`, `male`, `unknown`, or a value from the user's list.
    pub value: String,
    /// What decided it.
    pub basis: Basis,
    /// The evidence, for people to read: `title Ms ×1, she ×3 in 2 documents`.
    pub evidence: String,
}

/// How genders are decided: the given-name list on or off, and a user's list.
#[derive(Debug, Clone)]
pub struct GenderRules<'e> {
    extractor: &'e Extractor,
    given_names: bool,
    user: FxHashMap<String, String>,
}

impl<'e> GenderRules<'e> {
    /// Text evidence first, then the bundled given-name list of `extractor`.
    pub fn new(extractor: &'e Extractor) -> GenderRules<'e> {
        GenderRules { extractor, given_names: true, user: FxHashMap::default() }
    }

    /// Whether the given-name list may decide when the text does not (on by default).
    pub fn given_names(mut self, yes: bool) -> Self {
        self.given_names = yes;
        self
    }

    /// Adds a user's list, which overrides all evidence: lines of canonical
    /// name, tab, value (any value); blank lines and `#` comments skipped.
    /// `name` names the list in errors.
    ///
    /// ```
    /// use saywho::sources::GenderRules;
    /// let extractor = saywho::Extractor::new();
    /// let rules = GenderRules::new(&extractor).user_list("mine.tsv", "# name\tvalue\nAlex Doe\tnon-binary\n").unwrap();
    /// assert!(GenderRules::new(&extractor).user_list("bad.tsv", "Alex Doe\n").is_err());
    /// # drop(rules);
    /// ```
    pub fn user_list(mut self, name: &str, tsv: &str) -> Result<Self, Error> {
        for (i, line) in tsv.lines().enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: &str| Error::Lexicon { name: name.to_owned(), line: i + 1, message: message.into() };
            let (canonical, value) = line.split_once('\t').ok_or_else(|| error("expected: name, tab, value"))?;
            let (canonical, value) = (canonical.trim(), value.trim());
            if canonical.is_empty() || value.is_empty() || value.contains('\t') {
                return Err(error("expected: name, tab, value"));
            }
            self.user.insert(canonical.to_owned(), value.to_owned());
        }
        Ok(self)
    }

    /// The gender of the person `canonical`, given the clues the text gave
    /// (each with its count) in `documents` documents.
    pub(crate) fn call(&self, canonical: &str, clues: &[(&Clue, usize)], documents: usize) -> GenderCall {
        let mut clues = clues.to_vec();
        clues.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| clue_word(a.0).cmp(clue_word(b.0))));
        let text_evidence = (!clues.is_empty()).then(|| {
            let items: Vec<String> = clues
                .iter()
                .map(|(c, n)| match c {
                    Clue::Title(t) => format!("title {t} ×{n}"),
                    Clue::Pronoun(p) => format!("{p} ×{n}"),
                })
                .collect();
            let docs = if documents == 1 { "1 document".to_owned() } else { format!("{documents} documents") };
            format!("{} in {docs}", items.join(", "))
        });
        if let Some(value) = self.user.get(canonical) {
            let evidence = match &text_evidence {
                Some(text) => format!("user list (text: {text})"),
                None => "user list".to_owned(),
            };
            return GenderCall { value: value.clone(), basis: Basis::UserList, evidence };
        }
        if let Some(evidence) = text_evidence {
            let (mut female, mut male) = (0, 0);
            for (clue, n) in &clues {
                match clue_gender(clue) {
                    Some(Gender::Female) => female += n,
                    Some(Gender::Male) => male += n,
                    _ => {}
                }
            }
            let (value, evidence) = match (female > 0, male > 0) {
                (true, false) => ("female", evidence),
                (false, true) => ("male", evidence),
                _ => ("unknown", format!("{evidence} (conflicting)")),
            };
            return GenderCall { value: value.into(), basis: Basis::Text, evidence };
        }
        if self.given_names {
            let value = match self.extractor.word_lists().full_name_gender(canonical) {
                Gender::Female => Some("female"),
                Gender::Male => Some("male"),
                Gender::Unknown => None,
            };
            if let Some(value) = value {
                let first = crate::entity::lists::first_of_full_name(canonical).unwrap_or_default();
                let evidence = format!("given name {first} (name list: weakest evidence)");
                return GenderCall { value: value.into(), basis: Basis::GivenName, evidence };
            }
        }
        GenderCall { value: "unknown".into(), basis: Basis::None, evidence: "no evidence".into() }
    }
}

fn clue_word(clue: &Clue) -> &str {
    match clue {
        Clue::Title(w) | Clue::Pronoun(w) => w,
    }
}

fn clue_gender(clue: &Clue) -> Option<Gender> {
    match clue {
        Clue::Title(t) => honorific_gender(t),
        Clue::Pronoun(p) => pronoun_gender(p),
    }
}

/// The gender of a pronoun (lower case), for `he`, `she` and their forms.
pub(crate) fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of an honorific as written (`Ms`, `Ms.`, `Sir`, `Dame`), from
/// the bundled titles of kind `honorific`; role nouns (`Chairman`,
/// `Bishop`) are no evidence.
pub(crate) fn honorific_gender(title: &str) -> Option<Gender> {
    static HONORIFICS: OnceLock<FxHashMap<&'static str, Gender>> = OnceLock::new();
    let table = HONORIFICS.get_or_init(|| {
        let mut table = FxHashMap::default();
        for line in bundled::TITLES.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.trim_end_matches('\r').split('\t');
            if let (Some(title), Some("honorific"), Some(gender)) = (cols.next(), cols.next(), cols.next()) {
                let gender = match gender {
                    "F" => Gender::Female,
                    "M" => Gender::Male,
                    _ => continue,
                };
                table.insert(title.strip_suffix('.').unwrap_or(title), gender);
            }
        }
        table
    });
    table.get(title.strip_suffix('.').unwrap_or(title)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics_are_evidence_and_role_nouns_are_not() {
        assert_eq!(honorific_gender("Ms"), Some(Gender::Female));
        assert_eq!(honorific_gender("Mr."), Some(Gender::Male));
        assert_eq!(honorific_gender("Dame"), Some(Gender::Female));
        assert_eq!(honorific_gender("Sir"), Some(Gender::Male));
        assert_eq!(honorific_gender("Chairman"), None);
        assert_eq!(honorific_gender("Senator"), None);
        assert_eq!(honorific_gender("Dr"), None);
    }

    #[test]
    fn text_beats_the_given_name_and_the_user_list_beats_both() {
        let extractor = Extractor::new();
        let rules = GenderRules::new(&extractor);
        let ms = Clue::Title("Ms".into());
        let she = Clue::Pronoun("she".into());
        let call = rules.call("John Smith", &[(&she, 3), (&ms, 1)], 2);
        assert_eq!((call.value.as_str(), call.basis), ("female", Basis::Text));
        assert_eq!(call.evidence, "she ×3, title Ms ×1 in 2 documents");
        let by_name = rules.call("John Smith", &[], 0);
        assert_eq!((by_name.value.as_str(), by_name.basis), ("male", Basis::GivenName));
        assert!(by_name.evidence.contains("weakest"));
        let off = GenderRules::new(&extractor).given_names(false).call("John Smith", &[], 0);
        assert_eq!((off.value.as_str(), off.basis), ("unknown", Basis::None));
        let user = GenderRules::new(&extractor).user_list("u", "John Smith\tnon-binary\n").unwrap();
        let call = user.call("John Smith", &[(&she, 3)], 1);
        assert_eq!((call.value.as_str(), call.basis), ("non-binary", Basis::UserList));
    }

    #[test]
    fn conflicting_text_evidence_is_unknown() {
        let extractor = Extractor::new();
        let (mr, she) = (Clue::Title("Mr".into()), Clue::Pronoun("she".into()));
        let call = GenderRules::new(&extractor).call("Alex Grey", &[(&mr, 1), (&she, 1)], 1);
        assert_eq!((call.value.as_str(), call.basis), ("unknown", Basis::Text));
        assert!(call.evidence.ends_with("(conflicting)"));
    }

    #[test]
    fn a_one_word_name_gets_no_given_name_guess() {
        let extractor = Extractor::new();
        let call = GenderRules::new(&extractor).call("John", &[], 0);
        assert_eq!(call.value, "unknown");
    }

    #[test]
    fn the_wider_given_name_list_is_weakest_evidence_too() {
        let extractor = Extractor::new();
        let call = GenderRules::new(&extractor).call("Aoife Walsh", &[], 0);
        assert_eq!((call.value.as_str(), call.basis), ("female", Basis::GivenName));
        let call = GenderRules::new(&extractor).call("Keir Walsh", &[], 0);
        assert_eq!((call.value.as_str(), call.basis), ("male", Basis::GivenName));
        let call = GenderRules::new(&extractor).call("Zorbl Walsh", &[], 0);
        assert_eq!((call.value.as_str(), call.basis), ("unknown", Basis::None));
    }

    #[test]
    fn malformed_user_lists_name_their_line() {
        let extractor = Extractor::new();
        let err = GenderRules::new(&extractor).user_list("g.tsv", "# c\nA B\tfemale\nno tab\n").unwrap_err();
        assert!(err.to_string().contains("g.tsv, line 3"), "{err}");
    }
}
