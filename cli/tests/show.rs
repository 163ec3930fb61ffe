//! `saywho show` from the outside: the page of one article on standard
//! output, a folder of pages with its index, errors and exit codes. Every
//! quote and entity that `saywho extract` reports is marked in the page.

use std::path::Path;

use serde_json::{json, Value};

mod common;
use common::Scratch;

const ARTICLE: &str = "Ferry Service Resumes\n\
    “The boats will sail again on Monday,” said Hanna Kiel, the head of the ferry company.\n\
    Harbour officials said that the new timetable would start in May.\n\
    Critics in Kiel called the plan “rushed.”\n";

/// `saywho extract`'s JSON for a text file.
fn extract(scratch: &Scratch, file: &str) -> Value {
    let (code, stdout, stderr) = scratch.run_with_stdin(&["extract", file], b"").parts();
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

/// How many elements of `html` have an id starting with `prefix` (`q`), checking that ids `prefix0` to `prefix{n-1}` occur once each.
fn marked(html: &str, prefix: &str, n: usize) -> usize {
    for i in 0..n {
        assert_eq!(html.matches(&format!(r#" id="{prefix}{i}" "#)).count(), 1, "{prefix}{i}");
    }
    html.matches(&format!(r#" id="{prefix}"#)).count()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn one_article_is_one_page_on_standard_output_marking_what_extract_finds() {
    let scratch = Scratch::new("one");
    scratch.file("ferry.txt", ARTICLE);
    let doc = extract(&scratch, "ferry.txt");
    let (entities, quotes) = (doc["entities"].as_array().unwrap().len(), doc["quotes"].as_array().unwrap().len());
    assert!(entities >= 2 && quotes >= 3, "the article above has names and quotes: {doc}");
    let (code, html, stderr) = scratch.run_with_stdin(&["show", "ferry.txt"], b"").parts();
    assert_eq!(code, 0, "{stderr}");
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    assert!(html.contains("<title>ferry.txt</title>"));
    assert_eq!(marked(&html, "e", entities), entities);
    assert_eq!(marked(&html, "q", quotes), quotes);
    for q in doc["quotes"].as_array().unwrap() {
        if let Some(canonical) = q["speaker"]["canonical"].as_str() {
            assert!(html.contains(canonical), "{canonical}");
        }
        assert!(html.contains(q["rule"].as_str().unwrap()));
    }
    // The same from standard input, with a title of our own.
    let (code, piped, _) = scratch.run_with_stdin(&["show", "--title", "Ferry", "-"], ARTICLE.as_bytes()).parts();
    assert_eq!(code, 0);
    assert_eq!(
        piped.replace("<title>Ferry</title>", "").replace("<h1>Ferry</h1>", ""),
        html.replace("<title>ferry.txt</title>", "").replace("<h1>ferry.txt</h1>", "")
    );
}

#[test]
fn json_lines_make_a_folder_of_pages_with_an_index_and_bad_lines_are_named() {
    let scratch = Scratch::new("folder");
    let lines = [
        json!({"id": "news/ferry/1", "title": "Ferry <service>", "text": ARTICLE}),
        json!({"id": 2, "text": "Mayor Ida Rask said that the bridge was safe."}),
        json!({"id": "no-text"}),
        json!({"text": "“Yes,” said Ole Brun."}),
    ];
    let mut input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    input.push_str("\n{not json\n");
    scratch.file("corpus.jsonl", input);
    let (code, _, stderr) =
        scratch.run_with_stdin(&["show", "--jsonl-input", "corpus.jsonl", "--out-dir", "pages"], b"").parts();
    assert_eq!(code, 1, "two bad lines: {stderr}");
    // As extract reports them: file, line and id.
    assert!(stderr.contains("corpus.jsonl:3 (id \"no-text\"): no \"text\" field"), "{stderr}");
    assert!(stderr.contains("corpus.jsonl:6: invalid JSON"), "{stderr}");
    let pages = scratch.0.join("pages");
    let mut names: Vec<String> =
        std::fs::read_dir(&pages).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["0001-news-ferry-1.html", "0002-2.html", "0003-doc.html", "index.html"]);
    let index = read(&pages.join("index.html"));
    assert_eq!(index.matches(r#"<a href="000"#).count(), 3);
    assert!(index.contains("Ferry &lt;service&gt;") && index.contains("2 documents could not be read"));
    let first = read(&pages.join("0001-news-ferry-1.html"));
    assert!(first.contains("<title>Ferry &lt;service&gt;</title>"));
    // Each page marks what extract finds in its text.
    scratch.file("ferry.txt", ARTICLE);
    let doc = extract(&scratch, "ferry.txt");
    let quotes = doc["quotes"].as_array().unwrap().len();
    assert_eq!(marked(&first, "q", quotes), quotes);
    assert!(read(&pages.join("0002-2.html")).contains("<title>2</title>"), "an id that is a number titles its page");
    assert!(read(&pages.join("0003-doc.html")).contains("corpus.jsonl:4"), "a line without id is titled by its place");
}

#[test]
fn several_inputs_or_json_lines_need_an_out_dir() {
    let scratch = Scratch::new("usage");
    scratch.file("a.txt", "One.");
    scratch.file("b.txt", "Two.");
    let (code, stdout, stderr) = scratch.run_with_stdin(&["show", "a.txt", "b.txt"], b"").parts();
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(stderr.contains("--out-dir"));
    let (code, _, stderr) = scratch.run_with_stdin(&["show", "--jsonl-input", "a.txt"], b"").parts();
    assert_eq!(code, 2, "{stderr}");
    // Text files with --out-dir: a page each, named after the file.
    let (code, _, stderr) = scratch.run_with_stdin(&["show", "a.txt", "b.txt", "--out-dir", "out"], b"").parts();
    assert_eq!(code, 0, "{stderr}");
    assert!(scratch.0.join("out/0001-a.html").is_file() && scratch.0.join("out/0002-b.html").is_file());
}

#[test]
fn invalid_utf8_fails_unless_lossy_and_a_missing_file_is_named() {
    let scratch = Scratch::new("bad");
    scratch.file("bad.txt", b"Caf\xe9 owners said that rents rose.");
    let (code, stdout, stderr) = scratch.run_with_stdin(&["show", "bad.txt"], b"").parts();
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(stderr.contains("bad.txt") && stderr.contains("--lossy"), "{stderr}");
    let (code, html, _) = scratch.run_with_stdin(&["show", "--lossy", "bad.txt"], b"").parts();
    assert_eq!(code, 0);
    assert!(html.contains("Caf\u{fffd}"));
    let (code, _, stderr) = scratch.run_with_stdin(&["show", "missing.txt"], b"").parts();
    assert_eq!(code, 1);
    assert!(stderr.contains("missing.txt: cannot read"), "{stderr}");
}

#[test]
fn a_bad_document_is_named_with_file_line_and_id_and_the_run_goes_on() {
    let scratch = Scratch::new("goes-on");
    scratch.file("a.txt", "“Yes,” said Ole Brun.");
    scratch.file("b.txt", "Mayor Ida Rask said that the bridge was safe.");
    let (code, _, stderr) =
        scratch.run_with_stdin(&["show", "a.txt", "missing.txt", "b.txt", "--out-dir", "out"], b"").parts();
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("missing.txt: cannot read"), "{stderr}");
    assert!(scratch.0.join("out/0001-a.html").is_file() && scratch.0.join("out/0002-b.html").is_file());
    // A line over --max-bytes is skipped unread, named by its id; the lines after it still get pages.
    let long = json!({"id": "long-1", "text": "x".repeat(200)});
    let short = json!({"id": "short-2", "text": "“No,” said Ole Brun."});
    scratch.file("c.jsonl", format!("{long}\n{short}\n"));
    let args = ["show", "--jsonl-input", "c.jsonl", "--max-bytes", "100", "--out-dir", "lines"];
    let (code, _, stderr) = scratch.run_with_stdin(&args, b"").parts();
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("c.jsonl:1 (id \"long-1\"): document of"), "{stderr}");
    assert!(scratch.0.join("lines/0001-short-2.html").is_file());
    // Within the limit, the same input is all pages and exit code 0.
    let (code, _, stderr) =
        scratch.run_with_stdin(&["show", "--jsonl-input", "c.jsonl", "--out-dir", "all"], b"").parts();
    assert_eq!(code, 0, "{stderr}");
    assert!(scratch.0.join("all/0002-short-2.html").is_file());
}
