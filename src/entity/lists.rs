//! The word lists the entity rules consult: given names and surnames,
//! nicknames, titles, organisation patterns, function words and surfaces
//! that are also common words.

use std::collections::{HashMap, HashSet};

use crate::lexicon::{bundled, parse_entities, rows};

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
    /// Surfaces that are also common English words (`Mobile`, `Nice`).
    common_words: HashSet<&'static str>,
    /// Bundled entity surfaces with lower-case letters, by their upper-case form (`NEW YORK` → `New York`).
    shouted: HashMap<String, &'static str>,
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
            if cols.get(1) == Some(&"word") {
                lists.common_words.insert(cols[0]);
            }
        }
        lists.shouted = shouted_surfaces(&lists);
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

    /// Whether a capitalised `word` is a function word, month or weekday
    /// rather than a name, also when written in capitals (`AT`, `JULY`).
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(word) || (is_shouted(word) && self.function_words.contains(&*title_case(word)))
    }

    /// The bundled entity surface written `upper` in capitals (`LONDON` → `London`).
    pub fn shouted_surface(&self, upper: &str) -> Option<&'static str> {
        self.shouted.get(upper).copied()
    }

    /// Whether a lexicon surface is also a common word or given name.
    pub fn is_ambiguous(&self, surface: &str) -> bool {
        self.ambiguous.contains(surface)
    }
}

/// Whether `word` has two letters or more and no lower-case one: `LONDON`, `ST.`.
pub fn is_shouted(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// `word` with its first letter kept and the rest in lower case: `JULY` → `July`.
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect()
}

/// The upper-case forms of the bundled entity surfaces that have lower-case
/// letters, for text written in capitals. Surfaces that are also common
/// words (`Nice`, `Reading`) are left out unless they name a country
/// (`TURKEY`), and so are function words (`MAY`).
fn shouted_surfaces(lists: &WordLists) -> HashMap<String, &'static str> {
    let mut shouted = HashMap::new();
    for (name, text) in bundled::ENTITIES {
        for entry in parse_entities(name, text).unwrap_or_default() {
            let std::borrow::Cow::Borrowed(surface) = entry.surface else {
                continue;
            };
            let country = entry.id.as_deref().is_some_and(|id| id.starts_with("ISO3166:"));
            if !surface.chars().any(char::is_lowercase)
                || (lists.common_words.contains(surface) && !country)
                || lists.function_words.contains(surface)
            {
                continue;
            }
            shouted.entry(surface.to_uppercase()).or_insert(surface);
        }
    }
    shouted
}
