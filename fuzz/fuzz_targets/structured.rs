//! A user lexicon line plus a text assembled from news-like pieces (quote
//! marks of every style, speech cues, names, bullets, line breaks), so the
//! fuzzer reaches the quote rules quickly. The lexicon may be refused (an
//! error), never panic; every document must pass the shared checks.
#![no_main]

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use saywho::unstable::{Entry, Gazetteer};
use saywho::Extractor;

#[derive(Arbitrary, Debug)]
enum LabelChoice {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Other(String),
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Mark(u8),
    Cue(u8),
    Name(u8),
    Word(u8),
    Punct(u8),
    Space(u8),
    /// The user lexicon's surface, so the gazetteer finds it.
    Surface,
    Raw(String),
}

/// One user lexicon line: `surface, label, canonical[, id]`.
#[derive(Arbitrary, Debug)]
struct UserLexicon {
    surface: String,
    label: LabelChoice,
    canonical: String,
    id: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    /// Building an extractor is slow (it parses the bundled word lists), so
    /// inputs without a user lexicon only run the shared extractor.
    lexicon: Option<UserLexicon>,
    pieces: Vec<Piece>,
}

const MARKS: &[&str] = &["“", "”", "‘", "’", "\"", "'", "«", "»", "„", "``", "''", "‚", "‹", "›", "`"];
const CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "stated",
    "added",
    "warned",
    "asked",
    "said that",
    "told reporters",
    "in a statement",
    "said:",
    "denied",
    "insisted",
    "claimed",
    "thinks",
    "saying",
    "according to a report by",
    "stated:",
    "wrote",
    "explained",
    "noted",
];
const NAMES: &[&str] = &[
    "Donald Trump",
    "Trump",
    "Nicolás Maduro",
    "Maduro",
    "Senator Dave McCormick",
    "McCormick",
    "the Miami Herald",
    "Venezuela",
    "Venezuela’s",
    "U.S.",
    "US officials",
    "Analysts",
    "a spokesman",
    "he",
    "she",
    "they",
    "He",
    "She",
    "Mr. Smith",
    "Cilia Flores",
    "the White House",
    "Washington",
    "Reuters",
    "President",
    "the report",
    "Caracas",
];
const WORDS: &[&str] = &[
    "the",
    "a",
    "we",
    "will",
    "not",
    "leave",
    "is",
    "it",
    "that",
    "and",
    "but",
    "Gov.",
    "100,000",
    "...",
    "…",
    "—",
    "-",
    "’90s",
    "wouldn’t",
    "we're",
    "going",
    "now",
    "on Monday",
    "J.",
    "e.g.",
];
const PUNCT: &[&str] = &[".", ",", ":", ";", "!", "?", "(", ")", "[", "]", ":-", "—", "–", "--", ".”", ",”", "•", "*"];
const SPACES: &[&str] =
    &[" ", "\n", "\r\n", "\n\n", "\n- ", "\n• ", "\t", "", "\u{a0}", "\u{feff}", "  ", "\r\n\r\n- "];

fn pick(list: &[&'static str], i: u8) -> &'static str {
    list[usize::from(i) % list.len()]
}

impl UserLexicon {
    fn line(&self) -> String {
        let label = match &self.label {
            LabelChoice::Person => "PERSON",
            LabelChoice::Org => "ORG",
            LabelChoice::Gpe => "GPE",
            LabelChoice::Loc => "LOC",
            LabelChoice::Norp => "NORP",
            LabelChoice::Other(s) => s,
        };
        let mut line = format!("{}\t{label}\t{}", self.surface, self.canonical);
        if let Some(id) = &self.id {
            line.push('\t');
            line.push_str(id);
        }
        line
    }
}

impl Input {
    fn text(&self) -> String {
        let mut text = String::new();
        for (k, piece) in self.pieces.iter().enumerate() {
            match piece {
                Piece::Mark(i) => text.push_str(pick(MARKS, *i)),
                Piece::Cue(i) => text.push_str(pick(CUES, *i)),
                Piece::Name(i) => text.push_str(pick(NAMES, *i)),
                Piece::Word(i) => text.push_str(pick(WORDS, *i)),
                Piece::Punct(i) => text.push_str(pick(PUNCT, *i)),
                Piece::Space(i) => text.push_str(pick(SPACES, *i)),
                Piece::Surface => text.push_str(self.lexicon.as_ref().map_or("Zorblax Dynamics", |l| &l.surface)),
                Piece::Raw(s) => text.push_str(s),
            }
            // Words run together unless the next piece is spacing or punctuation.
            if matches!(piece, Piece::Cue(_) | Piece::Name(_) | Piece::Word(_))
                && matches!(
                    self.pieces.get(k + 1),
                    Some(Piece::Cue(_) | Piece::Name(_) | Piece::Word(_) | Piece::Surface)
                )
            {
                text.push(' ');
            }
        }
        text
    }
}

/// Runs `f` with an extractor holding only the user lexicon `line`.
///
/// `ExtractorBuilder::build` parses the bundled word lists every time
/// (~90% of an execution), so built extractors are cached by lexicon text
/// and a new one is built at most once per 16 executions on average; the
/// first input of a process always builds, so a crash found here
/// reproduces when its input is replayed alone. Lexicon errors are fine.
fn with_user_lexicon(line: String, f: impl FnOnce(&Extractor)) {
    static CACHE: Mutex<Option<HashMap<String, Option<Extractor>>>> = Mutex::new(None);
    static EXECS: AtomicUsize = AtomicUsize::new(0);
    static BUILDS: AtomicUsize = AtomicUsize::new(0);
    let execs = EXECS.fetch_add(1, Ordering::Relaxed);
    let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let cache = guard.get_or_insert_with(HashMap::new);
    if !cache.contains_key(&line) {
        if BUILDS.load(Ordering::Relaxed) * 16 > execs {
            return;
        }
        BUILDS.fetch_add(1, Ordering::Relaxed);
        if cache.len() >= 64 {
            cache.clear();
        }
        let built = Extractor::builder().bundled_lexicons(false).lexicon_text("fuzz", line.clone()).build().ok();
        cache.insert(line.clone(), built);
    }
    if let Some(extractor) = &cache[&line] {
        f(extractor);
    }
}

/// The cheap half of a user lexicon, checked on every input: parsing it
/// and compiling it into a gazetteer may fail, never panic, and the
/// gazetteer's hits are in order, on char boundaries, not overlapping.
fn check_lexicon(line: &str, text: &str) {
    let Ok(entries) = saywho::unstable::parse_entities("fuzz", line) else {
        return;
    };
    let entries = entries.into_iter().map(Entry::into_owned).collect();
    let Ok(gazetteer) = Gazetteer::new(entries) else {
        return;
    };
    let mut at = 0;
    for hit in gazetteer.find(text) {
        assert!(
            hit.span.start() >= at && hit.span.get(text).is_some() && !hit.span.is_empty(),
            "gazetteer hit {:?} is empty, overlapping or off char boundaries",
            hit.span
        );
        assert!(hit.entry < gazetteer.entries().len());
        at = hit.span.end();
    }
}

fuzz_target!(|input: Input| {
    let text = input.text();
    saywho_fuzz::check_layers(&text);
    saywho_fuzz::check_extract(saywho_fuzz::extractor(), &text);
    if let Some(lexicon) = &input.lexicon {
        let line = lexicon.line();
        check_lexicon(&line, &text);
        with_user_lexicon(line, |extractor| {
            saywho_fuzz::check_extract(extractor, &text);
        });
    }
});
