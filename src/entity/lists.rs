//! The word lists the entity rules consult: given names and surnames,
//! nicknames, titles, organisation patterns, function words and surfaces
//! that are also common words.

use rustc_hash::FxHashMap;

use crate::lexicon::{bundled, parse_entities, Entry};
use crate::word_map::{WordFilter, WordMap, WordSet};

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

/// The first word of a name of two words or more (names are written with
/// ASCII spaces between their words); `None` for a one-word name.
pub fn first_of_full_name(name: &str) -> Option<&str> {
    let name = name.trim_start();
    name.as_bytes().iter().position(|b| b.is_ascii_whitespace()).map(|end| &name[..end])
}

/// The bundled word lists, loaded once.
#[derive(Debug, Clone, Default)]
pub struct WordLists {
    given: WordMap<Gender>,
    /// Given names from many countries nearly all of one gender: never evidence of a name.
    given_genders: WordMap<Gender>,
    surnames: WordSet,
    nicknames: WordMap<Vec<&'static str>>,
    /// Titles, their words joined by single spaces.
    titles: WordMap<Gender>,
    /// The first word of every title, so most words need no title lookup.
    title_starts: WordSet,
    longest_title: usize,
    org_suffixes: WordSet,
    org_prefixes: WordSet,
    /// The first word of every organisation prefix.
    org_prefix_starts: WordSet,
    longest_org_prefix: usize,
    function_words: WordSet,
    ambiguous: WordSet,
    /// Surfaces that are also common English words (`Mobile`, `Nice`).
    common_words: WordSet,
    /// Bundled entity surfaces with lower-case letters, by their upper-case form (`NEW YORK` → `New York`).
    shouted: FxHashMap<String, &'static str>,
    /// Lets through the first word of every key of `shouted` (`NEW` of
    /// `NEW YORK`): most words in capitals start none, and need no key built.
    shouted_starts: WordFilter,
}

impl WordLists {
    /// Loads the bundled lists. The bundled files are checked by tests, so
    /// malformed rows are skipped rather than reported here.
    pub fn bundled() -> WordLists {
        WordLists::with_entities(&bundled_entities())
    }

    /// Loads the bundled lists, given the bundled entity lexicons already
    /// parsed (as [`bundled_entities`] parses them), so they are not parsed twice.
    pub(crate) fn with_entities(entities: &[Entry<'static>]) -> WordLists {
        let mut lists = WordLists::default();
        let people = bundled::PEOPLE_NAMES;
        lists.surnames.reserve(people.bytes().filter(|&b| b == b'\n').count());
        for line in lines(people) {
            if let Some([name, kind, gender, _]) = columns(line) {
                match kind {
                    "given" => {
                        lists.given.insert(name, Gender::parse(gender));
                    }
                    _ => {
                        lists.surnames.add(name);
                    }
                }
            }
        }
        for line in lines(bundled::GIVEN_GENDERS) {
            if let Some([name, gender]) = columns(line) {
                lists.given_genders.insert(name, Gender::parse(gender));
            }
        }
        for line in lines(bundled::NICKNAMES) {
            if let Some([nick, given]) = columns(line) {
                lists.nicknames.entry(nick).or_default().push(given);
            }
        }
        for line in lines(bundled::TITLES) {
            if let Some([title, _, gender]) = columns(line) {
                lists.titles.insert(title, Gender::parse(gender));
                lists.title_starts.add(first_word(title));
                lists.longest_title = lists.longest_title.max(title.split(' ').count());
            }
        }
        for line in lines(bundled::ORG_PATTERNS) {
            if let Some([pattern, kind]) = columns(line) {
                if kind == "prefix" {
                    lists.org_prefixes.add(pattern);
                    lists.org_prefix_starts.add(first_word(pattern));
                    lists.longest_org_prefix = lists.longest_org_prefix.max(pattern.split(' ').count());
                } else {
                    lists.org_suffixes.add(pattern);
                }
            }
        }
        for line in lines(bundled::FUNCTION_WORDS) {
            lists.function_words.add(first_column(line));
        }
        for line in lines(bundled::AMBIGUOUS) {
            let mut cols = line.split('\t');
            let surface = cols.next().unwrap_or_default();
            lists.ambiguous.add(surface);
            if cols.next() == Some("word") {
                lists.common_words.add(surface);
            }
        }
        lists.shouted = shouted_surfaces(&lists, entities);
        for upper in lists.shouted.keys() {
            lists.shouted_starts.insert(first_word(upper).as_bytes());
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

    /// The gender the first word of a person's full name tells: a known given
    /// name's (or its formal name's), else the wider list of given names
    /// known only for their gender. `Unknown` for a one-word name, which may
    /// be a surname.
    pub fn full_name_gender(&self, name: &str) -> Gender {
        let Some(first) = first_of_full_name(name) else {
            return Gender::Unknown;
        };
        match self.given_name(first) {
            Some(gender) => gender,
            None => self.strong_gender(first),
        }
    }

    /// The gender nearly everyone called `given` has in many countries
    /// (`Michael`, `Aoife`), or `Unknown` (`Robin`, `Jean`, an unknown word):
    /// stronger than the US Census list's majority.
    pub fn strong_gender(&self, given: &str) -> Gender {
        self.given_genders.get(given).copied().unwrap_or(Gender::Unknown)
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

    /// Whether some title starts with the word `word` (`Prime` of `Prime Minister`).
    pub fn starts_title(&self, word: &str) -> bool {
        self.title_starts.contains(word)
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

    /// Whether some organisation prefix starts with the word `word` (`University` of `University of`).
    pub fn starts_org_prefix(&self, word: &str) -> bool {
        self.org_prefix_starts.contains(word)
    }

    /// The most words an organisation prefix has.
    pub fn longest_org_prefix(&self) -> usize {
        self.longest_org_prefix
    }

    /// Whether a capitalised `word` is a function word, month or weekday
    /// rather than a name, also when written in capitals (`AT`, `JULY`).
    #[inline] // asked of most candidate words: the filter's "no" costs less than a call
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(word) || (is_shouted(word) && self.is_function_word_in_title_case(word))
    }

    /// Whether `word` in title case (`JULY` → `July`) is a function word.
    /// ASCII words up to [`SHORT_WORD_BYTES`] long, as function words are,
    /// are title-cased on the stack; others take an allocated copy. Out of
    /// line: few words are in capitals, and its stack buffer would make
    /// every caller of [`WordLists::is_function_word`] save registers.
    #[inline(never)]
    fn is_function_word_in_title_case(&self, word: &str) -> bool {
        let mut buffer = [0; SHORT_WORD_BYTES];
        match buffer.get_mut(..word.len()) {
            Some(titled) if word.is_ascii() => {
                titled.copy_from_slice(word.as_bytes());
                titled.iter_mut().skip(1).for_each(u8::make_ascii_lowercase);
                // ASCII bytes are always UTF-8: the check cannot fail.
                std::str::from_utf8(titled).is_ok_and(|titled| self.function_words.contains(titled))
            }
            _ => self.function_words.contains(&title_case(word)),
        }
    }

    /// The bundled entity surface written `upper` in capitals (`LONDON` → `London`).
    pub fn shouted_surface(&self, upper: &str) -> Option<&'static str> {
        self.shouted.get(upper).copied()
    }

    /// Whether some bundled surface written in capitals may start with the
    /// word `upper` (a word of no space): always when one does, and seldom
    /// otherwise.
    #[inline]
    pub fn may_start_shouted_surface(&self, upper: &str) -> bool {
        self.shouted_starts.may_contain(upper.as_bytes())
    }

    /// Whether a lexicon surface is also a common word or given name.
    pub fn is_ambiguous(&self, surface: &str) -> bool {
        self.ambiguous.contains(surface)
    }

    /// Heap bytes held by the lists (the words themselves live in the binary).
    pub fn memory_usage(&self) -> usize {
        let sets = [
            &self.surnames,
            &self.title_starts,
            &self.org_suffixes,
            &self.org_prefixes,
            &self.org_prefix_starts,
            &self.function_words,
            &self.ambiguous,
            &self.common_words,
        ];
        let nicknames: usize = self.nicknames.values().map(|v| v.capacity() * size_of::<&str>()).sum();
        // A hash table slot per entry and a control byte, and each key's text.
        let shouted = self.shouted.capacity() * (size_of::<(String, &str)>() + 1)
            + self.shouted.keys().map(String::capacity).sum::<usize>();
        sets.iter().map(|set| set.memory_usage()).sum::<usize>()
            + self.given.memory_usage()
            + self.nicknames.memory_usage()
            + nicknames
            + self.titles.memory_usage()
            + shouted
            + self.shouted_starts.memory_usage()
    }
}

/// The longest word [`WordLists::is_function_word`] title-cases on the
/// stack; the longest bundled function word has 15 bytes.
const SHORT_WORD_BYTES: usize = 16;

/// Whether `word` is an acronym: two to five capital letters (`KDPI`, `IVAC`).
/// The ones that name no entity (`GDP`, `CEO`) are function words.
pub fn is_acronym(word: &str) -> bool {
    (2..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `word` has two letters or more and no lower-case one: `LONDON`, `ST.`.
#[inline] // most words fail at their second byte: cheaper than a call
pub fn is_shouted(word: &str) -> bool {
    // ASCII first, byte by byte: most words fail at their first lower-case letter.
    let mut letters = 0;
    for &b in word.as_bytes() {
        if b >= 0x80 {
            return word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase);
        }
        if b.is_ascii_lowercase() {
            return false;
        }
        letters += usize::from(b.is_ascii_uppercase());
    }
    letters >= 2
}

/// `word` with its first letter kept and the rest in lower case: `JULY` → `July`.
pub(super) fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect()
}

/// The bundled entity lexicons, parsed; a malformed file (the tests rule
/// them out) gives no entries.
pub(crate) fn bundled_entities() -> Vec<Entry<'static>> {
    bundled::ENTITIES.iter().flat_map(|(name, text)| parse_entities(name, text).unwrap_or_default()).collect()
}

/// The rows of a bundled list, as [`crate::lexicon::rows`] reads them:
/// without a trailing `\r`, skipping blank and `#` comment lines.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !(line.trim().is_empty() || line.starts_with('#')))
}

/// The `N` tab-separated columns of `line`, or `None` when it has another number.
fn columns<const N: usize>(line: &'static str) -> Option<[&'static str; N]> {
    let mut cols = line.split('\t');
    let mut out = [""; N];
    for col in &mut out {
        *col = cols.next()?;
    }
    cols.next().is_none().then_some(out)
}

/// The first tab-separated column of `line`.
fn first_column(line: &'static str) -> &'static str {
    line.split('\t').next().unwrap_or_default()
}

/// The first space-separated word of `words`.
fn first_word(words: &str) -> &str {
    words.split(' ').next().unwrap_or_default()
}

/// Whether a lexicon entry is a country or territory (its id is `ISO3166:`).
pub(super) fn is_country(entry: &Entry<'_>) -> bool {
    entry.id.as_deref().is_some_and(|id| id.starts_with("ISO3166:"))
}

/// Whether a lexicon entry is a city or state (a GeoNames place, not a
/// country or region), which may lend its name to a club.
pub(super) fn is_city(entry: &Entry<'_>) -> bool {
    entry.label == crate::Label::Gpe && entry.id.as_deref().is_some_and(|id| id.starts_with("GeoNames:"))
}

/// The upper-case forms of the bundled entity surfaces that have lower-case
/// letters, for text written in capitals. Surfaces that are also common
/// words (`Nice`, `Reading`) are left out unless they name a country
/// (`TURKEY`), and so are function words (`MAY`).
fn shouted_surfaces(lists: &WordLists, entities: &[Entry<'static>]) -> FxHashMap<String, &'static str> {
    let mut shouted = FxHashMap::default();
    for entry in entities {
        let std::borrow::Cow::Borrowed(surface) = entry.surface else {
            continue;
        };
        if !surface.chars().any(char::is_lowercase)
            || (lists.common_words.contains(surface) && !is_country(entry))
            || lists.function_words.contains(surface)
        {
            continue;
        }
        shouted.entry(surface.to_uppercase()).or_insert(surface);
    }
    shouted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_names_gender_comes_from_its_first_word_in_either_list() {
        let lists = WordLists::bundled();
        // The Census list, then the wider list known only for gender.
        assert_eq!(lists.full_name_gender("Mary Jones"), Gender::Female);
        assert_eq!(lists.full_name_gender("Aoife Byrne"), Gender::Female);
        assert_eq!(lists.full_name_gender("Callum Reid"), Gender::Male);
        // A one-word name may be a surname; an unknown first word tells nothing.
        assert_eq!(lists.full_name_gender("Callum"), Gender::Unknown);
        assert_eq!(lists.full_name_gender("Zorbl Reid"), Gender::Unknown);
        // The wider list is no evidence that a word is a given name.
        assert_eq!(lists.given_name("Aoife"), None);
    }

    #[test]
    fn every_name_in_capitals_starts_with_a_word_the_filter_lets_through() {
        let lists = WordLists::bundled();
        assert!(lists.shouted.keys().all(|upper| lists.may_start_shouted_surface(first_word(upper))));
        assert!(lists.shouted_surface("NEW YORK").is_some() && lists.may_start_shouted_surface("NEW"));
        // A word no bundled name starts with is ruled out.
        assert!(!lists.may_start_shouted_surface("ZQXWV"));
    }

    #[test]
    fn the_longest_org_prefix_bounds_every_prefix() {
        let lists = WordLists::bundled();
        let prefixes: Vec<&str> =
            lines(bundled::ORG_PATTERNS).filter_map(columns).filter(|[_, k]| *k == "prefix").map(|[p, _]| p).collect();
        let longest = lists.longest_org_prefix();
        assert!(prefixes.iter().all(|p| p.split(' ').count() <= longest && lists.is_org_prefix(p)));
        assert!(prefixes.iter().any(|p| p.split(' ').count() == longest));
        // Suffixes are no prefixes.
        assert!(!lists.is_org_prefix("Inc"));
    }
}
