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
