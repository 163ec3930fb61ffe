//! Replays every input in `tests/regressions/` (crashes found by fuzzing,
//! minimised, and adversarial inputs written by hand; `README.md` there
//! lists each file's cause) through `Extractor::extract` and checks the
//! document with `Document::validate`. Also generates a few large
//! adversarial inputs that would bloat the repository as files.

use std::path::Path;
use std::sync::LazyLock;
use std::time::Instant;

use saywho::Extractor;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn check(name: &str, text: &str) {
    let started = Instant::now();
    let doc = EXTRACTOR.extract(text);
    if let Err(message) = doc.validate(text) {
        panic!("{name}: invalid document: {message}");
    }
    eprintln!(
        "{name}: {} bytes, {} entities, {} quotes, {:?}",
        text.len(),
        doc.entities.len(),
        doc.quotes.len(),
        started.elapsed()
    );
}

#[test]
fn replay_regression_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no regression inputs in {}", dir.display());
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        // Fuzz inputs may be any bytes; the fuzz targets decode them lossily too.
        let text = String::from_utf8_lossy(&bytes);
        check(&path.display().to_string(), &text);
    }
}

#[test]
fn ten_thousand_unbalanced_open_quotes() {
    check("unbalanced “", &"“".repeat(10_000));
    check("unbalanced “ words", &"“ He said ".repeat(2_000));
}

#[test]
fn a_200_kb_line_without_spaces() {
    let line: String = (b'a'..=b'z').cycle().take(200_000).map(char::from).collect();
    check("200 KB of letters", &line);
    check("200 KB of capitalised letters", &line.to_uppercase());
}

#[test]
fn he_said_that_five_thousand_times() {
    check("he said that ×5000", &"he said that ".repeat(5_000));
}

#[test]
fn two_thousand_capitalised_words() {
    let words: Vec<String> = (0..2_000).map(|i| format!("Word{}", char::from(b'A' + (i % 26) as u8))).collect();
    check("2000 capitalised words", &words.join(" "));
    let names = ["Donald", "Trump", "Nicolás", "Maduro", "Senator", "Venezuela"];
    let text: Vec<&str> = (0..2_000).map(|i| names[i % names.len()]).collect();
    check("2000 names", &text.join(" "));
}

/// Extracts and validates `text` as [`check`] does, and returns the quotes'
/// `(kind, speaker text)`.
fn quotes(name: &str, text: &str) -> Vec<(saywho::QuoteKind, Option<String>)> {
    check(name, text);
    let doc = EXTRACTOR.extract(text);
    doc.quotes.iter().map(|q| (q.kind, q.speaker.as_ref().map(|s| s.text.to_string()))).collect()
}

#[test]
fn a_speaker_qualified_six_thousand_times() {
    // `officials in officials in …`: each qualifier once called the next one's phrase, 6000 deep.
    let text = format!("{}officials said that the vote would be delayed.", "officials in ".repeat(6_000));
    let found = quotes("officials in ×6000", &text);
    let speakers: Vec<&str> = found.iter().filter_map(|(_, s)| s.as_deref()).collect();
    assert_eq!(speakers.len(), 1, "{found:?}");
    // A speaker phrase with its qualifiers is short, whatever the text before it.
    assert!(speakers[0].split(' ').count() <= 24, "{}", speakers[0]);
    assert!(speakers[0].ends_with("officials"));
}

#[test]
fn runs_of_quote_marks() {
    check("\"\" ×50000", &"\"\" ".repeat(50_000));
    check("“” ×20000", &"“” ".repeat(20_000));
    // Every mark style in a fixed pseudo-random order, with and without words between.
    let marks = ["\"", "“", "”", "'", "‘", "’"];
    let gaps = ["", " ", "a ", "  "];
    let mut state = 12_345_u32;
    let mut text = String::new();
    for _ in 0..60_000 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        text.push_str(marks[(state >> 16) as usize % marks.len()]);
        text.push_str(gaps[(state >> 24) as usize % gaps.len()]);
    }
    check("random marks", &text);
}

#[test]
fn reported_speech_retried_before_a_direct_quote() {
    // Every `said` once computed its clause to the sentence's end, which crosses the quote.
    let text = format!("Jane Smith said the plan {}: “We will not accept this.”", "said the plan ".repeat(5_000));
    let found = quotes("said the plan ×5000", &text);
    assert!(found.iter().any(|(kind, _)| *kind == saywho::QuoteKind::Direct), "{:?}", &found[found.len() - 3..]);
    // Trailing attributions and participles in one endless sentence.
    check("X said, Y ×3000", &"the plan failed, Jane Smith said, and the vote ".repeat(3_000));
    check("saying ×3000", &"the mayor spoke saying that the plan ".repeat(3_000));
    check("fragments ×3000", &"Jane Smith called the plan “dead” and ".repeat(3_000));
}

#[test]
fn cue_verbs_ending_in_ly() {
    // `reply` is a cue and ends in `-ly`: each one walked back over all the others.
    let found = quotes("reply ×20000", &format!("{}that the plan failed.", "reply ".repeat(20_000)));
    assert!(found.iter().all(|(_, speaker)| speaker.is_none()), "{found:?}");
    check("quietly ×20000", &format!("Jane Smith {}said that the plan failed.", "quietly ".repeat(20_000)));
}

#[test]
fn lone_carriage_returns_end_paragraphs() {
    // An unclosed quote ends with its line; with `\r` line ends it once swallowed the rest.
    let line = "“We are ready,” Jane Smith said.\r";
    let text = format!("The mayor said “the plan is dead.\r{}", line.repeat(200));
    let found = quotes("CR lines", &text);
    let attributed = found.iter().filter(|(_, speaker)| speaker.as_deref() == Some("Jane Smith")).count();
    assert_eq!(attributed, 200);
}

/// The bytes of the document's JSON, after checking that no entity, referent
/// or speaker is longer than a name may be: each mention and speaker repeats
/// its referent's canonical name, so an unbounded name made output and memory
/// grow with the square of the input.
fn json_bytes_of_bounded_names(name: &str, text: &str) -> usize {
    use saywho::unstable::entity::MAX_NAME_BYTES;
    check(name, text);
    let doc = EXTRACTOR.extract(text);
    let speakers = doc.quotes.iter().filter_map(|q| q.speaker.as_ref()).filter_map(|s| s.canonical.as_deref());
    let names = doc.entities.iter().flat_map(|e| [&*e.text, &*e.canonical]);
    let referents = doc.referents.iter().map(|r| &*r.canonical);
    let longest = names.chain(referents).chain(speakers).map(str::len).max().unwrap_or(0);
    assert!(longest <= MAX_NAME_BYTES, "{name}: a name of {longest} bytes");
    serde_json::to_string(&doc).unwrap().len()
}

/// Output four times the input for four times as much input, give or take.
fn assert_grows_linearly(name: &str, text: impl Fn(usize) -> String) {
    let (small, large) = (json_bytes_of_bounded_names(name, &text(1)), json_bytes_of_bounded_names(name, &text(4)));
    assert!(large <= 5 * small, "{name}: {small} bytes of JSON, then {large} for four times the input");
}

#[test]
fn a_title_before_a_long_run_of_capitalised_words() {
    assert_grows_linearly("Mr. + long run", |n| format!("Mr. {}", "Zorblax Quuxer ".repeat(3_000 * n)));
}

#[test]
fn an_org_prefix_repeated() {
    assert_grows_linearly("Ministry ×", |n| "Ministry ".repeat(20_000 * n));
    assert_grows_linearly("Ministry of ×", |n| "Ministry of ".repeat(20_000 * n));
}

#[test]
fn an_acronym_of_a_long_name_repeated() {
    assert_grows_linearly("long name (ZQF), ZQF said no ×", |n| {
        format!(
            "The {}Corp (ZQF) said the plan was dead. {}",
            "Zorblax Quuxer ".repeat(2_000 * n),
            "ZQF said no. ".repeat(2_500 * n)
        )
    });
    let long_word = format!("Z{}", "o".repeat(100_000));
    assert_grows_linearly("long word Corp (ZC), ZC said no ×", |n| {
        format!("The {long_word} Corp (ZC) said the plan was dead. {}", "ZC said no. ".repeat(2_500 * n))
    });
}

#[test]
fn places_with_scores_after_a_long_stretch() {
    // Each place with a score once looked for another result from its sentence's start.
    check("filler, then places with scores", &format!("{}{}", "x ".repeat(50_000), "Leicester 2 ".repeat(20_000)));
    check("brackets, then results", &format!("{}{}", "( ".repeat(50_000), "Leicester 2 Chelsea 1 ".repeat(10_000)));
}
