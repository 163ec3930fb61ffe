//! The word lists the entity rules consult: given names and surnames,
//! nicknames, titles, organisation patterns, function words and surfaces
//! that are also common words.

use std::collections::{HashMap, HashSet};

use crate::lexicon::{bundled, rows};

/// A person's gender as far as a name or title tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Unknown or both.
    Unknown,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s {
            "F" => Gender::Female,
            "M" => Gender::Male,
            _ => Gender::Unknown,
        }
    }
}

/// The bundled word lists, loaded once.
#[derive(Debug, Clone, Default)]
pub struct WordLists {
    given: HashMap<&'static str, Gender>,
    surnames: HashSet<&'static str>,
    nicknames: HashMap<&'static str, Vec<&'static str>>,
    /// Titles by their token count, longest first when matching.
    titles: HashMap<&'static str, Gender>,
    longest_title: usize,
    org_suffixes: HashSet<&'static str>,
    org_prefixes: HashSet<&'static str>,
    function_words: HashSet<&'static str>,
    ambiguous: HashSet<&'static str>,
}

impl WordLists {
    /// Loads the bundled lists. The bundled files are checked by tests, so
    /// malformed rows are skipped rather than reported here.
    pub fn bundled() -> WordLists {
        let mut lists = WordLists::default();
        for (_, cols) in rows(bundled::PEOPLE_NAMES) {
            if let [name, kind, gender, _] = cols[..] {
                match kind {
                    "given" => {
                        lists.given.insert(name, Gender::parse(gender));
                    }
                    _ => {
                        lists.surnames.insert(name);
                    }
                }
            }
        }
        for (_, cols) in rows(bundled::NICKNAMES) {
            if let [nick, given] = cols[..] {
                lists.nicknames.entry(nick).or_default().push(given);
            }
        }
        for (_, cols) in rows(bundled::TITLES) {
            if let [title, _, gender] = cols[..] {
                lists.titles.insert(title, Gender::parse(gender));
                lists.longest_title = lists.longest_title.max(title.split(' ').count());
            }
        }
        for (_, cols) in rows(bundled::ORG_PATTERNS) {
            if let [pattern, kind] = cols[..] {
                if kind == "prefix" {
                    lists.org_prefixes.insert(pattern);
                } else {
                    lists.org_suffixes.insert(pattern);
                }
            }
        }
        for (_, cols) in rows(bundled::FUNCTION_WORDS) {
            lists.function_words.insert(cols[0]);
        }
        for (_, cols) in rows(bundled::AMBIGUOUS) {
            lists.ambiguous.insert(cols[0]);
        }
        lists
    }

    /// The gender of a given name, or `None` when it is not a known given name.
    pub fn given_name(&self, word: &str) -> Option<Gender> {
        self.given.get(word).copied().or_else(|| {
            let formal = self.nicknames.get(word)?;
            formal.iter().find_map(|f| self.given.get(f).copied())
        })
    }

    /// Whether `word` is a known surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// The formal given names a nickname stands for (`Bill` → `William`).
    pub fn formal_names(&self, nickname: &str) -> &[&'static str] {
        self.nicknames.get(nickname).map_or(&[], Vec::as_slice)
    }

    /// The gender a title implies, or `None` when `words` is not a title.
    pub fn title(&self, words: &str) -> Option<Gender> {
        self.titles.get(words).copied()
    }

    /// The most words a title has.
    pub fn longest_title(&self) -> usize {
        self.longest_title
    }

    /// Whether `word` ends organisation names (`Inc`, `Ministry`, `Herald`).
    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(word)
    }

    /// Whether `words` starts organisation names (`Ministry of`, `University of`).
    pub fn is_org_prefix(&self, words: &str) -> bool {
        self.org_prefixes.contains(words)
    }

    /// Whether a capitalised `word` is a function word, month or weekday rather than a name.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(word)
    }

    /// Whether a lexicon surface is also a common word or given name.
    pub fn is_ambiguous(&self, surface: &str) -> bool {
        self.ambiguous.contains(surface)
    }
}
