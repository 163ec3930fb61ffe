//! Property tests of the invariants every layer promises: tokens cover the
//! input, the quote rules see each token in lower case, documents validate,
//! offsets shift with the text and convert to chars monotonically, and the
//! gazetteer finds what a naive scan finds, and what a plain unanchored
//! aho-corasick scan finds.
//!
//! Case counts are kept small so the file runs in seconds in debug mode
//! (`PROPTEST_CASES=5000 cargo test --release --test properties` searches longer);
//! the fuzz targets in `fuzz/` explore the same invariants at depth.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use proptest::prelude::*;
use saywho::unstable::entity::WordLists;
use saywho::unstable::quote::{CueLexicon, Scene};
use saywho::unstable::{parse_entities, segment, tokenize, Entry, Gazetteer};
use saywho::{Document, Extractor, OffsetUnit};
use serde_json::Value;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);
static CUES: LazyLock<CueLexicon> = LazyLock::new(CueLexicon::bundled);
static LISTS: LazyLock<WordLists> = LazyLock::new(WordLists::bundled);

/// `default` cases, or `PROPTEST_CASES` when set (for a longer search).
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok());
    ProptestConfig::with_cases(cases.unwrap_or(default))
}

/// Pieces of news text: quote marks of every style, cues, names, bullets,
/// abbreviations, numbers, odd spacing.
const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "``",
    "''",
    "said",
    "told",
    "according to",
    "stated:",
    "said that",
    "warned",
    "Donald Trump",
    "Trump",
    "Nicolás Maduro",
    "Maduro",
    "Senator",
    "Venezuela’s",
    "U.S.",
    "Gov.",
    "J.",
    "Analysts",
    "a spokesman",
    "he",
    "she",
    "the report",
    "We",
    "will",
    "not",
    "leave",
    "it",
    "is",
    "over",
    "100,000",
    "’90s",
    "wouldn’t",
    "...",
    "…",
    "—",
    "-",
    ".",
    ",",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "\n- ",
    "\n• ",
    "\t",
    "\u{a0}",
    "\u{feff}",
    "e\u{301}",
    "😀",
    "Zürich",
];

/// Text assembled from news-like pieces, the spacing between them left to chance.
fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

/// Arbitrary strings and news-like ones.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), news_text(), "[a-zA-Z“”\"' .,\n-]{0,80}"]
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

fn check_tokens_cover(text: &str) -> Result<(), TestCaseError> {
    let mut at = 0;
    for t in tokenize(text) {
        prop_assert!(!t.span().is_empty(), "empty token {:?}", t.span());
        prop_assert!(t.span().start() >= at, "token {:?} overlaps", t.span());
        prop_assert!(t.span().get(text).is_some(), "token {:?} off bounds", t.span());
        let gap = &text[at..t.span().start()];
        prop_assert!(gap.chars().all(is_space), "gap {:?} not whitespace", gap);
        at = t.span().end();
    }
    prop_assert!(text[at..].chars().all(is_space), "tail not whitespace");
    Ok(())
}

/// The document as JSON with every `start`/`end` moved left by `by`.
fn unshifted(doc: &Document<'_>, by: u64) -> Value {
    fn walk(v: &mut Value, by: u64) {
        match v {
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    if k == "start" || k == "end" {
                        *v = Value::from(v.as_u64().unwrap() - by);
                    } else {
                        walk(v, by);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, by)),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(doc).unwrap();
    walk(&mut v, by);
    v
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn tokens_cover_arbitrary_strings(text in any::<String>()) {
        check_tokens_cover(&text)?;
    }

    #[test]
    fn tokens_cover_news_like_strings(text in news_text()) {
        check_tokens_cover(&text)?;
    }

    /// The quote rules' lower-case token text, computed per document in
    /// bulk, is each token's characters in lower case.
    #[test]
    fn scene_lowers_every_token(text in any_text()) {
        let tokens = tokenize(&text);
        let segments = segment(&text, &tokens);
        let scene = Scene::new(&text, &tokens, &segments, &[], &CUES, &LISTS);
        for (k, t) in tokens.iter().enumerate() {
            let lower: String = text.as_str()[t.span()].chars().flat_map(char::to_lowercase).collect();
            prop_assert_eq!(scene.lower(k), lower.as_str());
        }
    }
}

proptest! {
    #![proptest_config(cases(96))]

    #[test]
    fn documents_validate(text in any_text()) {
        let doc = EXTRACTOR.extract(&text);
        prop_assert_eq!(doc.validate(&text), Ok(()));
    }

    /// Paragraphs are lines, so two leading blank lines change nothing but
    /// the offsets.
    #[test]
    fn leading_blank_lines_shift_every_span(text in any_text()) {
        let shifted = format!("\n\n{text}");
        let before = serde_json::to_value(EXTRACTOR.extract(&text)).unwrap();
        let after = unshifted(&EXTRACTOR.extract(&shifted), 2);
        prop_assert_eq!(before, after, "text {:?}", text);
    }

    #[test]
    fn char_offsets_are_monotone_and_exact(text in any_text()) {
        let doc = EXTRACTOR.extract(&text);
        let mut chars = doc.clone();
        chars.convert_offsets(&text, OffsetUnit::Chars);
        let count = text.chars().count();
        let to_chars = |byte: usize| text[..byte].chars().count();
        let mut previous = 0;
        for (b, c) in doc.entities.iter().zip(&chars.entities) {
            prop_assert!(c.span.start() >= previous, "entities out of order after conversion");
            prop_assert!(c.span.end() <= count);
            prop_assert_eq!(c.span.start(), to_chars(b.span.start()));
            prop_assert_eq!(c.span.end(), to_chars(b.span.end()));
            previous = c.span.end();
        }
        let mut previous = 0;
        for (b, c) in doc.quotes.iter().zip(&chars.quotes) {
            prop_assert!(c.span.start() >= previous, "quotes out of order after conversion");
            prop_assert!(c.span.end() <= count && c.content.span.end() <= count);
            prop_assert_eq!(c.span.start(), to_chars(b.span.start()));
            prop_assert_eq!(c.content.span.end(), to_chars(b.content.span.end()));
            previous = c.span.start();
        }
    }
}

/// Surfaces with one capital letter, at the start, and distinct: no surface
/// is a prefix of another, so no two surfaces (nor two occurrences of one)
/// can overlap in any text and every occurrence is a match of the automaton.
fn surfaces() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[A-ZÉ][a-zé]{0,3}( [a-zé]{1,3})?", 1..5)
        .prop_filter("no surface is a prefix of another", |s| {
            s.iter().enumerate().all(|(i, a)| s.iter().enumerate().all(|(j, b)| i == j || !b.starts_with(a.as_str())))
        })
}

/// The naive oracle's word boundary: not between two word characters.
fn naive_boundary(text: &str, at: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c));
    !(word(text[..at].chars().last()) && word(text[at..].chars().next()))
}

/// The surfaces, and texts made of them and of letters, accents, spaces and punctuation around them.
fn with_text_of(surfaces: Vec<String>) -> (Just<Vec<String>>, impl Strategy<Value = String>) {
    let mut pieces: Vec<String> = surfaces.clone();
    pieces.extend(["a", "É", "x", "é", " ", "-", "’s", ".", "\u{301}", "1", "\n"].map(String::from));
    let text = prop::collection::vec(prop::sample::select(pieces), 0..30).prop_map(|p| p.concat());
    (Just(surfaces), text)
}

/// A gazetteer of the surfaces, each a place.
fn gazetteer_of(surfaces: &[String]) -> Gazetteer {
    let rows: String = surfaces.iter().enumerate().map(|(i, s)| format!("{s}\tGPE\tplace {i}\n")).collect();
    Gazetteer::new(parse_entities("test", &rows).unwrap().into_iter().map(Entry::into_owned).collect()).unwrap()
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn gazetteer_agrees_with_naive_scan(
        (surfaces, text) in surfaces().prop_flat_map(with_text_of)
    ) {
        let gazetteer = gazetteer_of(&surfaces);
        let found: Vec<(usize, usize, String)> = gazetteer
            .find(&text)
            .iter()
            .map(|h| (h.span.start(), h.span.end(), gazetteer.entries()[h.entry].surface.to_string()))
            .collect();
        let mut expected: Vec<(usize, usize, String)> = surfaces
            .iter()
            .flat_map(|s| text.match_indices(s.as_str()).map(move |(at, _)| (at, at + s.len(), s.clone())))
            .filter(|&(start, end, _)| naive_boundary(&text, start) && naive_boundary(&text, end))
            .collect();
        expected.sort();
        prop_assert_eq!(found, expected, "text {:?}", text);
    }
}

/// The gazetteer's matching rule, spelt out on an unanchored leftmost-longest
/// automaton: the leftmost longest match is a hit when both its ends are
/// word boundaries; otherwise the search goes on from its next character.
fn unanchored_scan(surfaces: &[String], text: &str) -> Vec<(usize, usize)> {
    let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(surfaces).unwrap();
    let mut hits = Vec::new();
    let mut at = 0;
    while let Some(m) = automaton.find(Input::new(text).range(at..)) {
        if naive_boundary(text, m.start()) && naive_boundary(text, m.end()) {
            hits.push((m.start(), m.end()));
            at = m.end();
        } else {
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
    }
    hits
}

proptest! {
    #![proptest_config(cases(256))]

    /// Surfaces that overlap, nest, start in lower case or with a digit, or
    /// are one byte long: the gazetteer only tries the automaton where a
    /// surface may start, and must lose no hit by it.
    #[test]
    fn gazetteer_agrees_with_unanchored_scan(
        (surfaces, text) in prop::collection::vec("[A-Za-zÉé1][a-zé]{0,2}( [A-Za-zé]{1,2})?", 1..6)
            .prop_flat_map(with_text_of)
    ) {
        let gazetteer = gazetteer_of(&surfaces);
        let found: Vec<(usize, usize)> = gazetteer.find(&text).iter().map(|h| (h.span.start(), h.span.end())).collect();
        prop_assert_eq!(found, unanchored_scan(&surfaces, &text), "text {:?}", text);
    }
}
