//! Lexicons: the gazetteer's entity lists and the word lists the rules use.
//!
//! Every lexicon is a UTF-8 text file of tab-separated columns, `#` comment
//! lines and blank lines ignored. Entity lexicons have the columns
//! `surface, label, canonical[, id]` (see `lexicons/README.md`); users add
//! their own through [`crate::ExtractorBuilder::lexicon_file`]. The bundled
//! files are compiled into the crate, so nothing is read from disk at run
//! time.

use std::borrow::Cow;

use crate::{Error, Label};

/// One row of an entity lexicon: a surface form and what it names.
///
/// Rows borrow from the lexicon text where they can (the bundled lexicons
/// are `'static`), so names found through them are never copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'s> {
    /// The text to find, as written in news: `U.S.`, `Venezuelans`.
    pub surface: Cow<'s, str>,
    /// The entity type.
    pub label: Label,
    /// The referent's name: `United States`, `Venezuelan`.
    pub canonical: Cow<'s, str>,
    /// A stable id (`ISO3166:US`), if the lexicon gives one.
    pub id: Option<Cow<'s, str>>,
}

impl Entry<'_> {
    /// The entry with its text copied, free of the lexicon text's lifetime.
    pub fn into_owned(self) -> Entry<'static> {
        let own = |s: Cow<'_, str>| Cow::Owned(s.into_owned());
        Entry { surface: own(self.surface), label: self.label, canonical: own(self.canonical), id: self.id.map(own) }
    }
}

/// The rows of a tab-separated lexicon: `(1-based line number, columns)`,
/// skipping comments and blank lines.
pub fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').collect()))
        }
    })
}

/// Parses an entity lexicon named `name` (for error messages).
///
/// ```
/// use saywho::{unstable::parse_entities, Label};
/// let rows = parse_entities("mine.tsv", "# my names\nACME\tORG\tAcme Corporation\n").unwrap();
/// assert_eq!(rows[0].canonical, "Acme Corporation");
/// assert_eq!(rows[0].label, Label::Org);
/// assert!(parse_entities("bad.tsv", "ACME\tCOMPANY\tAcme").is_err());
/// ```
pub fn parse_entities<'s>(name: &str, text: &'s str) -> Result<Vec<Entry<'s>>, Error> {
    let error = |line, message: String| Error::Lexicon { name: name.to_owned(), line, message };
    rows(text)
        .map(|(line, cols)| {
            if !(3..=4).contains(&cols.len()) {
                return Err(error(line, format!("expected 3 or 4 tab-separated columns, found {}", cols.len())));
            }
            let surface = cols[0].trim();
            let canonical = cols[2].trim();
            if surface.is_empty() || canonical.is_empty() {
                return Err(error(line, "empty surface or canonical name".into()));
            }
            let label = Label::parse(cols[1].trim()).ok_or_else(|| {
                error(line, format!("unknown label {:?} (expected PERSON, ORG, GPE, LOC or NORP)", cols[1]))
            })?;
            let id = cols.get(3).map(|s| s.trim()).filter(|s| !s.is_empty()).map(Cow::Borrowed);
            Ok(Entry { surface: Cow::Borrowed(surface), label, canonical: Cow::Borrowed(canonical), id })
        })
        .collect()
}

/// The lexicon files compiled into the crate, by file name.
pub mod bundled {
    /// Entity lexicons (`surface, label, canonical, id`), in precedence order:
    /// where two give the same surface, the first wins.
    pub const ENTITIES: &[(&str, &str)] = &[
        ("organizations.tsv", include_str!("../lexicons/organizations.tsv")),
        ("nationalities.tsv", include_str!("../lexicons/nationalities.tsv")),
        ("regions.tsv", include_str!("../lexicons/regions.tsv")),
        ("places.tsv", include_str!("../lexicons/places.tsv")),
        ("companies.tsv", include_str!("../lexicons/companies.tsv")),
    ];
    /// Given names and surnames: `name, given|surname, F|M|U|-, rank`.
    pub const PEOPLE_NAMES: &str = include_str!("../lexicons/people_names.tsv");
    /// Given names nearly all of one gender, from many countries, for their gender only: `name, F|M`.
    pub const GIVEN_GENDERS: &str = include_str!("../lexicons/given_genders.tsv");
    /// Nicknames: `nickname, given name`.
    pub const NICKNAMES: &str = include_str!("../lexicons/nicknames.tsv");
    /// Surfaces that are also common words: `surface, reason`.
    pub const AMBIGUOUS: &str = include_str!("../lexicons/ambiguous.tsv");
    /// Person titles: `title, kind, gender`.
    pub const TITLES: &str = include_str!("../lexicons/titles.tsv");
    /// Organisation name patterns: `pattern, suffix|prefix`.
    pub const ORG_PATTERNS: &str = include_str!("../lexicons/org_patterns.tsv");
    /// Capitalised words that are not names: `word, class`.
    pub const FUNCTION_WORDS: &str = include_str!("../lexicons/function_words.tsv");
    /// Speech cues: `form, verb|noun|phrase, lemma, flags`.
    pub const CUES: &str = include_str!("../lexicons/cues.tsv");
    /// Nominal speakers: `surface, kind, number`.
    pub const SPEAKERS: &str = include_str!("../lexicons/speakers.tsv");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled file: known columns, no empty fields, sorted, no duplicates.
    #[test]
    fn bundled_files_are_well_formed() {
        let files: Vec<(&str, &str, std::ops::RangeInclusive<usize>)> = vec![
            ("people_names.tsv", bundled::PEOPLE_NAMES, 4..=4),
            ("given_genders.tsv", bundled::GIVEN_GENDERS, 2..=2),
            ("nicknames.tsv", bundled::NICKNAMES, 2..=2),
            ("ambiguous.tsv", bundled::AMBIGUOUS, 2..=2),
            ("titles.tsv", bundled::TITLES, 3..=3),
            ("org_patterns.tsv", bundled::ORG_PATTERNS, 2..=2),
            ("function_words.tsv", bundled::FUNCTION_WORDS, 2..=2),
            ("cues.tsv", bundled::CUES, 4..=4),
            ("speakers.tsv", bundled::SPEAKERS, 3..=3),
        ];
        for (name, text, columns) in files {
            let mut previous: Option<Vec<&str>> = None;
            for (line, cols) in rows(text) {
                assert!(columns.contains(&cols.len()), "{name}:{line}: {} columns", cols.len());
                assert!(cols.iter().all(|c| !c.is_empty() && c.trim() == *c), "{name}:{line}: empty or padded field");
                if let Some(p) = &previous {
                    assert!(p < &cols, "{name}:{line}: not sorted or duplicated");
                }
                previous = Some(cols);
            }
            assert!(previous.is_some(), "{name} is empty");
        }
        for (name, text) in bundled::ENTITIES {
            let entries = parse_entities(name, text).unwrap();
            assert!(!entries.is_empty(), "{name} is empty");
            assert!(
                entries.windows(2).all(|w| (&w[0].surface, &w[0].canonical) <= (&w[1].surface, &w[1].canonical)),
                "{name} is not sorted"
            );
        }
    }

    #[test]
    fn entity_rows_report_their_line() {
        let err = parse_entities("x.tsv", "# c\n\nA\tORG\tA\nB\tORG\n").unwrap_err();
        assert_eq!(err.to_string(), "lexicon x.tsv, line 4: expected 3 or 4 tab-separated columns, found 2");
    }
}
