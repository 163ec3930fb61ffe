//! The `saywho` binary from the outside: arguments, exit codes, and the JSON
//! contract as a reader sees it (parsed into this file's own structs, not
//! the library's types).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{json, Value};

mod common;
use common::{saywho, Output, Scratch};

// ---------------------------------------------------------------------------
// The output contract, as a consumer of the JSON would write it.

#[derive(Debug, Deserialize)]
struct Doc {
    schema_version: u32,
    entities: Vec<Entity>,
    referents: Vec<Referent>,
    quotes: Vec<Quote>,
}

#[derive(Debug, Deserialize)]
struct Entity {
    start: usize,
    end: usize,
    text: String,
    label: String,
    canonical: String,
    #[serde(default)]
    id: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Referent {
    canonical: String,
    label: String,
    mentions: usize,
    quotes: usize,
}

#[derive(Debug, Deserialize)]
struct Excerpt {
    start: usize,
    end: usize,
    text: String,
}

#[derive(Debug, Deserialize)]
struct Reference {
    start: usize,
    end: usize,
    text: String,
    canonical: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Quote {
    kind: String,
    start: usize,
    end: usize,
    content: Excerpt,
    speaker: Option<Reference>,
    cue: Option<Excerpt>,
    addressee: Option<Reference>,
    confidence: f32,
    rule: String,
}

impl Doc {
    /// Every `(what, start, end, text)` the document claims about its input.
    fn excerpts(&self) -> Vec<(&'static str, usize, usize, &str)> {
        let mut all: Vec<_> = self.entities.iter().map(|e| ("entity", e.start, e.end, &*e.text)).collect();
        for q in &self.quotes {
            all.push(("quote content", q.content.start, q.content.end, &q.content.text));
            all.extend(q.speaker.iter().map(|s| ("speaker", s.start, s.end, &*s.text)));
            all.extend(q.cue.iter().map(|c| ("cue", c.start, c.end, &*c.text)));
            all.extend(q.addressee.iter().map(|a| ("addressee", a.start, a.end, &*a.text)));
        }
        all
    }

    /// Checks the parts of the contract that need no input: version, labels,
    /// kinds, confidences, referent counts.
    fn check_shape(&self) {
        assert_eq!(self.schema_version, 1);
        for e in &self.entities {
            assert!(["PERSON", "ORG", "GPE", "LOC", "NORP"].contains(&&*e.label), "{e:?}");
            assert!(e.start < e.end && !e.canonical.is_empty(), "{e:?}");
        }
        for q in &self.quotes {
            assert!(["direct", "mixed", "indirect", "scare"].contains(&&*q.kind), "{q:?}");
            assert!((0.0..=1.0).contains(&q.confidence) && !q.rule.is_empty(), "{q:?}");
            assert!(q.start <= q.content.start && q.content.end <= q.end, "{q:?}");
        }
        let mentions: usize = self.referents.iter().map(|r| r.mentions).sum();
        assert_eq!(mentions, self.entities.len());
        for r in &self.referents {
            assert!(self.entities.iter().any(|e| e.canonical == r.canonical && e.label == r.label), "{r:?}");
            assert!(r.quotes <= self.quotes.len());
        }
    }

    /// Checks that every `text` is the input at its byte offsets.
    fn check_bytes(&self, input: &str) {
        self.check_shape();
        for (what, start, end, text) in self.excerpts() {
            assert_eq!(input.get(start..end), Some(text), "{what} {start}..{end}");
        }
    }

    /// Checks that every `text` is the input at its Unicode scalar offsets.
    fn check_chars(&self, input: &str) {
        self.check_shape();
        let chars: Vec<char> = input.chars().collect();
        for (what, start, end, text) in self.excerpts() {
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(slice, text, "{what} {start}..{end}");
        }
    }
}

fn doc(value: &Value) -> Doc {
    Doc::deserialize(value).unwrap_or_else(|e| panic!("not a document ({e}): {value}"))
}

// ---------------------------------------------------------------------------
// Running the binary.

impl Scratch {
    /// Writes JSON values as JSON Lines.
    fn jsonl(&self, name: &str, lines: &[Value]) -> PathBuf {
        self.file(name, lines.iter().map(|l| format!("{l}\n")).collect::<String>())
    }
}

impl Output {
    /// Stdout as JSON Lines.
    fn lines(&self) -> Vec<Value> {
        assert!(self.stdout.is_empty() || self.stdout.ends_with('\n'), "unterminated last line");
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line ({e}): {l}")))
            .collect()
    }

    /// Stdout as one JSON document.
    fn document(&self) -> Doc {
        doc(&serde_json::from_str(&self.stdout).expect("stdout is one JSON value"))
    }
}

/// A short article of my own, with entities, a direct quote with speaker and
/// cue, an addressee, and reported speech.
const ARTICLE: &str = "“We will not leave,” President Nicolás Maduro told reporters in Caracas on Monday.\n\
Senator Jane Holloway stated: “The talks have failed.”\n\
Officials said the border would stay open, according to the Colombian government.\n";

/// A varied generated document: names, places and quote forms change with `i`.
fn generated(i: usize) -> String {
    const PEOPLE: &[&str] = &["Nicolás Maduro", "Jane Holloway", "Omar Castellanos", "Priya Raman", "Tomás Ferreira"];
    const PLACES: &[&str] = &["Caracas", "Venezuela", "Bogotá", "Colombia", "Washington", "Brazil"];
    let who = PEOPLE[i % PEOPLE.len()];
    let place = PLACES[(i / 3) % PLACES.len()];
    match i % 4 {
        0 => format!("“We expect {i} trucks by Friday,” {who} said in {place}."),
        1 => format!("{who} told reporters in {place}: “Nothing has been decided.” Prices rose {i} €."),
        2 => format!("Officials in {place} said talks would resume, according to {who}. 😀 Item {i}."),
        _ => format!("Item {i}: no quotes here, only {place} and {who}."),
    }
}

// ---------------------------------------------------------------------------
// Text files.

#[test]
fn one_text_file_gives_one_pretty_document_whose_texts_are_the_input_at_their_offsets() {
    let dir = Scratch::new("one-file");
    dir.file("article.txt", ARTICLE);
    let out = dir.run(&["extract", "article.txt"]);
    out.expect_code(0);
    assert!(out.stdout.starts_with("{\n  \""), "not pretty:\n{}", out.stdout);
    let value: Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(value.get("file").is_none(), "one document carries no file name");
    let d = doc(&value);
    d.check_bytes(ARTICLE);
    assert!(d.entities.iter().any(|e| e.text == "Nicolás Maduro" && e.label == "PERSON"));
    let maduro = d.quotes.iter().find(|q| q.content.text == "We will not leave,").expect("the direct quote");
    assert_eq!(maduro.kind, "direct");
    assert_eq!(maduro.speaker.as_ref().and_then(|s| s.canonical.as_deref()), Some("Nicolás Maduro"));
    assert_eq!(maduro.cue.as_ref().map(|c| &*c.text), Some("told"));
    assert!(d.quotes.iter().any(|q| q.cue.is_some() && q.speaker.is_some() && q.kind != "direct"));
}

#[test]
fn standard_input_is_read_when_no_file_or_dash_is_given() {
    let dir = Scratch::new("stdin");
    for args in [&["extract"][..], &["extract", "-"]] {
        let out = dir.run_with_stdin(args, ARTICLE.as_bytes());
        out.expect_code(0).document().check_bytes(ARTICLE);
    }
}

#[test]
fn several_files_give_json_lines_each_with_its_file_name() {
    let dir = Scratch::new("several");
    let texts = [ARTICLE.to_string(), generated(1), generated(2)];
    for (i, text) in texts.iter().enumerate() {
        dir.file(&format!("{i}.txt"), text);
    }
    let out = dir.run(&["extract", "0.txt", "1.txt", "2.txt"]);
    let lines = out.expect_code(0).lines();
    assert_eq!(lines.len(), 3);
    for (i, (line, text)) in lines.iter().zip(&texts).enumerate() {
        assert_eq!(line["file"], json!(format!("{i}.txt")));
        doc(line).check_bytes(text);
    }
    // The run summary goes to stderr, never stdout.
    assert!(out.stderr.contains("3 documents (0 failed)"), "{}", out.stderr);
}

#[test]
fn format_json_with_several_inputs_is_refused() {
    let dir = Scratch::new("format-json");
    dir.file("a.txt", "A.");
    dir.file("b.txt", "B.");
    let out = dir.run(&["extract", "--format", "json", "a.txt", "b.txt"]);
    assert!(out.expect_code(2).stderr.contains("--format jsonl"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let out = dir.run(&["extract", "--format", "json", "--jsonl-input", "a.txt"]);
    assert!(out.expect_code(2).stderr.contains("--format jsonl"), "{}", out.stderr);
}

#[test]
fn zero_threads_is_a_usage_error_and_one_thread_works() {
    let dir = Scratch::new("threads-0");
    dir.file("a.txt", ARTICLE);
    let out = dir.run(&["extract", "--threads", "0", "a.txt"]);
    assert!(out.expect_code(2).stderr.contains("1 or more"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    dir.run(&["extract", "--threads", "1", "a.txt"]).expect_code(0).document().check_bytes(ARTICLE);
}

#[test]
fn empty_file_gives_a_valid_empty_document() {
    let dir = Scratch::new("empty");
    dir.file("empty.txt", "");
    let d = dir.run(&["extract", "empty.txt"]).expect_code(0).document();
    d.check_bytes("");
    assert!(d.entities.is_empty() && d.referents.is_empty() && d.quotes.is_empty());
}

#[test]
fn invalid_utf8_fails_naming_the_file_and_byte_and_lossy_replaces_it() {
    let dir = Scratch::new("utf8");
    let bad = [&b"\xe2\x80\x9cCaf"[..], b"\xff", " is closed,” Jane Holloway said in Caracas.".as_bytes()].concat();
    let offset = "“Caf".len();
    dir.file("bad.txt", &bad);

    let out = dir.run(&["extract", "bad.txt"]);
    out.expect_code(1);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(out.stderr.contains("bad.txt"), "{}", out.stderr);
    assert!(out.stderr.contains(&format!("byte {offset}")), "{}", out.stderr);

    let out = dir.run(&["extract", "--lossy", "bad.txt"]);
    let d = out.expect_code(0).document();
    let repaired = String::from_utf8_lossy(&bad);
    d.check_bytes(&repaired);
    assert!(out.stdout.contains('\u{fffd}'), "{}", out.stdout);
    assert!(d.quotes.iter().any(|q| q.content.text == "Caf\u{fffd} is closed,"), "{d:?}");
}

#[test]
fn binary_junk_with_lossy_gives_a_valid_document() {
    let dir = Scratch::new("junk");
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let junk: Vec<u8> = (0..8192)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect();
    dir.file("junk.bin", &junk);
    let d = dir.run(&["extract", "--lossy", "junk.bin"]).expect_code(0).document();
    d.check_bytes(&String::from_utf8_lossy(&junk));
}

#[test]
fn offsets_chars_counts_unicode_scalars() {
    let dir = Scratch::new("chars");
    let text = "Prices rose €5 😀 overnight. “We will not leave,” President Nicolás Maduro said in Caracas.";
    dir.file("chars.txt", text);
    let d = dir.run(&["extract", "--offsets", "chars", "chars.txt"]).expect_code(0).document();
    d.check_chars(text);
    let maduro = d.entities.iter().find(|e| e.text == "Nicolás Maduro").expect("Maduro");
    let byte_start = text.find("Nicolás").unwrap();
    assert_eq!(maduro.start, text[..byte_start].chars().count());
    assert_eq!(maduro.end - maduro.start, "Nicolás Maduro".chars().count());
    assert!(maduro.start < byte_start, "offsets are still bytes");
    assert!(!d.quotes.is_empty());

    // The default unit is bytes, and the same document in bytes differs.
    let bytes = dir.run(&["extract", "--offsets", "bytes", "chars.txt"]).expect_code(0).document();
    bytes.check_bytes(text);
}

#[test]
fn unknown_flag_or_missing_subcommand_is_a_usage_error() {
    let dir = Scratch::new("usage");
    for args in [&["extract", "--no-such-flag"][..], &[], &["extract", "--offsets", "words"], &["frobnicate"]] {
        let out = dir.run(args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(out.stderr.contains("error:") || out.stderr.contains("Usage:"), "{args:?}: {}", out.stderr);
    }
    // --help and --version are not errors.
    dir.run(&["--help"]).expect_code(0);
    dir.run(&["--version"]).expect_code(0);
}

#[test]
fn missing_input_file_is_an_error_naming_it() {
    let dir = Scratch::new("missing");
    let out = dir.run(&["extract", "nowhere.txt"]);
    assert!(out.expect_code(1).stderr.contains("nowhere.txt"), "{}", out.stderr);
}

// ---------------------------------------------------------------------------
// JSON Lines input.

#[test]
fn jsonl_input_copies_other_fields_in_order_and_never_leaks_gold_annotations() {
    let dir = Scratch::new("jsonl");
    let meta = json!({"section": "world", "tags": ["a", "b"], "nested": {"n": 1.5, "none": null}});
    let fake_entity = json!({"start": 0, "end": 3, "text": "“We", "label": "FAKE", "canonical": "Fake Corp"});
    let fake_quote = json!({"kind": "fake", "start": 0, "end": 1, "content": {"start": 0, "end": 1, "text": "“"},
                            "speaker": null, "cue": null, "addressee": null, "confidence": 2.0, "rule": "gold"});
    let fake_referent = json!({"canonical": "Fake Corp", "label": "FAKE", "mentions": 9, "quotes": 9});
    let inputs: Vec<Value> = (0..3)
        .map(|i| {
            json!({"id": format!("doc-{i}"), "source": "wire", "text": if i == 1 { ARTICLE.to_string() } else { generated(i) },
                   "meta": meta, "entities": [fake_entity], "quotes": [fake_quote], "referents": [fake_referent], "offsets": "furlongs",
                   "schema_version": 99})
        })
        .collect();
    dir.jsonl("in.jsonl", &inputs);
    let lines = dir.run(&["extract", "--jsonl-input", "in.jsonl"]).expect_code(0).lines();
    assert_eq!(lines.len(), inputs.len());
    for (line, input) in lines.iter().zip(&inputs) {
        let keys: Vec<&str> = line.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "source", "meta", "schema_version", "offsets", "entities", "referents", "quotes"]);
        assert_eq!(line["offsets"], json!("bytes"));
        assert_eq!(line["id"], input["id"]);
        assert_eq!(line["source"], json!("wire"));
        assert_eq!(line["meta"], meta);
        let d = doc(line);
        d.check_bytes(input["text"].as_str().unwrap());
        assert!(d.entities.iter().all(|e| e.label != "FAKE" && e.canonical != "Fake Corp"));
        assert!(d.referents.iter().all(|r| r.label != "FAKE" && r.mentions != 9));
        assert!(d.quotes.iter().all(|q| q.kind != "fake" && q.rule != "gold"));
        assert!(d.entities.iter().any(|e| e.label == "PERSON"), "saywho's own entities are there: {line}");
    }
    let article = doc(&lines[1]);
    assert!(article.quotes.iter().any(|q| q.content.text == "We will not leave,"));
}

#[test]
fn jsonl_input_from_stdin_with_crlf_blank_lines_and_a_byte_order_mark() {
    let dir = Scratch::new("jsonl-stdin");
    let input = "\u{feff}{\"id\":1,\"text\":\"Jane Holloway spoke.\"}\r\n\r\n{\"id\":2,\"text\":\"Caracas.\"}";
    let lines = dir.run_with_stdin(&["extract", "--jsonl-input", "-"], input.as_bytes()).expect_code(0).lines();
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, [&json!(1), &json!(2)]);
}

/// Input lines 2, 3 and 4 are bad in three ways; line 2 is cut off after its id.
fn mixed_jsonl(dir: &Scratch) -> PathBuf {
    let good = |id: usize| json!({"id": id, "text": generated(id)}).to_string();
    let lines = [
        good(1),
        "{\"id\": 2, \"text\": ".into(),
        json!({"id": 3}).to_string(),
        json!({"id": 4, "text": 44}).to_string(),
        good(5),
    ];
    dir.file("mixed.jsonl", lines.join("\n") + "\n")
}

#[test]
fn bad_jsonl_lines_become_error_lines_in_place_and_the_run_exits_1() {
    let dir = Scratch::new("bad-lines");
    mixed_jsonl(&dir);
    let out = dir.run(&["extract", "--jsonl-input", "mixed.jsonl"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines.len(), 5, "{}", out.stdout);
    for (i, expected_id) in [(1, json!(2)), (2, json!(3)), (3, json!(4))] {
        let error = lines[i].as_object().unwrap();
        let keys: Vec<&str> = error.keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "line", "error"], "{error:?}");
        assert_eq!(error["id"], expected_id);
        assert_eq!(error["line"], json!(i + 1));
        assert!(!error["error"].as_str().unwrap().is_empty());
        assert!(out.stderr.contains(&format!("mixed.jsonl:{}", i + 1)), "{}", out.stderr);
    }
    assert!(lines[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert!(lines[2]["error"].as_str().unwrap().contains("text"));
    assert!(lines[3]["error"].as_str().unwrap().contains("not a string"));
    for (i, id) in [(0, 1), (4, 5)] {
        assert_eq!(lines[i]["id"], json!(id));
        doc(&lines[i]).check_bytes(&generated(id));
    }
    assert!(out.stderr.contains("5 documents (3 failed)"), "{}", out.stderr);
}

#[test]
fn error_lines_name_their_file_and_id_with_several_jsonl_inputs_and_invalid_utf8() {
    let dir = Scratch::new("bad-utf8-lines");
    dir.jsonl("a.jsonl", &[json!({"id": "a1", "text": "Caracas."})]);
    let mut bad = br#"{"id": "b1", "text": "Cara"#.to_vec();
    bad.extend_from_slice(b"\xff\xfe");
    bad.extend_from_slice(b"cas.\"}\n");
    dir.file("b.jsonl", bad);
    let out = dir.run(&["extract", "--jsonl-input", "a.jsonl", "b.jsonl"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert_eq!(lines[0]["id"], json!("a1"));
    let error = lines[1].as_object().unwrap();
    let keys: Vec<&str> = error.keys().map(String::as_str).collect();
    assert_eq!(keys, ["id", "file", "line", "error"], "{error:?}");
    assert_eq!((&error["id"], &error["file"], &error["line"]), (&json!("b1"), &json!("b.jsonl"), &json!(1)));
    assert!(error["error"].as_str().unwrap().contains("UTF-8"), "{error:?}");
}

#[test]
fn strict_stops_at_the_first_bad_line() {
    let dir = Scratch::new("strict");
    mixed_jsonl(&dir);
    let out = dir.run(&["extract", "--jsonl-input", "--strict", "mixed.jsonl"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines.len(), 1, "only the line before the bad one: {}", out.stdout);
    assert_eq!(lines[0]["id"], json!(1));
    assert!(out.stderr.contains("mixed.jsonl:2"), "{}", out.stderr);
    assert!(!out.stderr.contains("mixed.jsonl:3"), "went on after the first bad line: {}", out.stderr);
}

#[test]
fn documents_over_max_bytes_are_error_lines() {
    let dir = Scratch::new("max-bytes");
    let long = "Jane Holloway said the talks went on. ".repeat(20);
    dir.jsonl("in.jsonl", &[json!({"id": "short", "text": "Caracas."}), json!({"id": "long", "text": long})]);
    let out = dir.run(&["extract", "--jsonl-input", "--max-bytes", "200", "in.jsonl"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines.len(), 2);
    doc(&lines[0]).check_bytes("Caracas.");
    assert_eq!(lines[1]["line"], json!(2));
    assert_eq!(lines[1]["id"], json!("long"), "an oversized line still names its id");
    assert!(lines[1]["error"].as_str().unwrap().contains("--max-bytes"), "{}", lines[1]);
    assert!(out.stderr.contains("in.jsonl:2 (id \"long\")"), "{}", out.stderr);

    // Text files too: the big one is an error line carrying its file name.
    dir.file("small.txt", "Caracas.");
    dir.file("big.txt", &long);
    let out = dir.run(&["extract", "--max-bytes", "200", "small.txt", "big.txt"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines[0]["file"], json!("small.txt"));
    let keys: Vec<&str> = lines[1].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["file", "error"], "a text file's error line has no id and no line: {}", lines[1]);
    assert_eq!(lines[1]["file"], json!("big.txt"));
    assert!(lines[1]["error"].as_str().unwrap().contains("--max-bytes"));
    // One text file has no line to put an error in: it fails.
    dir.run(&["extract", "--max-bytes", "200", "big.txt"]).expect_code(1);
}

/// A line of `len` bytes: `{"id": ID, "text": "…"}` with the id first, or last.
fn long_line(id: &str, len: usize, id_first: bool) -> String {
    let filler = "Jane Holloway said the talks went on. ";
    let text = filler.repeat(len / filler.len() + 1);
    let line = if id_first {
        format!(r#"{{"id": {id}, "text": "{text}"}}"#)
    } else {
        format!(r#"{{"text": "{text}", "id": {id}}}"#)
    };
    line[..len - 2].to_string() + "\"}"
}

#[test]
fn a_line_over_max_bytes_is_skipped_unread_and_the_next_lines_come_out() {
    let dir = Scratch::new("huge-line");
    let huge = 40 << 20;
    let mut corpus = String::new();
    corpus += &json!({"id": "before", "text": "Caracas."}).to_string();
    corpus += "\n";
    corpus += &long_line(r#""huge-first""#, huge, true);
    corpus += "\n";
    corpus += &json!({"id": "between", "text": "Bogotá."}).to_string();
    corpus += "\n";
    corpus += &long_line(r#""huge-last""#, 5000, false);
    corpus += "\n";
    corpus += &json!({"id": "after", "text": "Jane Holloway spoke."}).to_string();
    dir.file("in.jsonl", &corpus);
    let out = dir.run(&["extract", "--jsonl-input", "--max-bytes", "1000", "in.jsonl"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines.len(), 5, "{}", out.stderr);
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    // The id is read from the start of an over-long line: found when it comes before the text.
    assert_eq!(ids, [&json!("before"), &json!("huge-first"), &json!("between"), &json!(null), &json!("after")]);
    assert_eq!(lines[1]["error"], json!(format!("document of {huge} bytes is larger than --max-bytes 1000")));
    assert_eq!(lines[3]["line"], json!(4));
    doc(&lines[2]).check_bytes("Bogotá.");
    doc(&lines[4]).check_bytes("Jane Holloway spoke.");

    // A text file over the limit is refused from its size, in its place among the others.
    dir.file("huge.txt", "Caracas. ".repeat(huge / 9));
    dir.file("small.txt", "Caracas.");
    let out = dir.run(&["extract", "--max-bytes", "1000", "huge.txt", "small.txt"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"].as_str().unwrap().contains("larger than --max-bytes 1000"), "{}", lines[0]);
    doc(&lines[1]).check_bytes("Caracas.");
    // From standard input, whose size is not known before it is read, too.
    let out = dir.run_with_stdin(&["extract", "--max-bytes", "1000"], "Caracas. ".repeat(1000).as_bytes());
    assert!(out.expect_code(1).stderr.contains("9000 bytes is larger than --max-bytes 1000"), "{}", out.stderr);
}

#[test]
fn an_unreadable_file_becomes_an_error_line_in_its_place_and_the_run_goes_on() {
    let dir = Scratch::new("unreadable");
    dir.file("a.txt", ARTICLE);
    dir.file("b.txt", generated(1));
    std::fs::create_dir(dir.0.join("folder.txt")).unwrap();
    let out = dir.run(&["extract", "a.txt", "missing.txt", "folder.txt", "b.txt"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines.len(), 4, "{}", out.stdout);
    doc(&lines[0]).check_bytes(ARTICLE);
    doc(&lines[3]).check_bytes(&generated(1));
    for (line, name) in [(&lines[1], "missing.txt"), (&lines[2], "folder.txt")] {
        let keys: Vec<&str> = line.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["file", "error"], "{line}");
        assert_eq!(line["file"], json!(name));
        assert!(line["error"].as_str().unwrap().starts_with("cannot read"), "{line}");
        assert!(out.stderr.contains(&format!("saywho: {name}: cannot read")), "{}", out.stderr);
    }
    assert!(out.stderr.contains("4 documents (2 failed)"), "{}", out.stderr);

    let out = dir.run(&["extract", "--strict", "a.txt", "missing.txt", "b.txt"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines.len(), 1, "--strict stops at the unreadable file: {}", out.stdout);
    assert!(out.stderr.contains("missing.txt"), "{}", out.stderr);

    // JSON Lines files too.
    dir.jsonl("a.jsonl", &[json!({"id": "a1", "text": "Caracas."})]);
    dir.jsonl("b.jsonl", &[json!({"id": "b1", "text": "Bogotá."})]);
    let out = dir.run(&["extract", "--jsonl-input", "a.jsonl", "missing.jsonl", "b.jsonl"]);
    let lines = out.expect_code(1).lines();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert_eq!((&lines[0]["id"], &lines[2]["id"]), (&json!("a1"), &json!("b1")));
    let keys: Vec<&str> = lines[1].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["file", "error"], "{}", lines[1]);
    assert_eq!(lines[1]["file"], json!("missing.jsonl"));
}

#[test]
fn jsonl_ids_and_copied_fields_come_back_exactly_as_written() {
    let dir = Scratch::new("ids");
    let lines = [
        r#"{"id": 18446744073709551617, "text": "Caracas.", "big": -123456789012345678901234567890, "f": 1.50}"#,
        r#"{"id": 2.0e-3, "text": "Caracas.", "meta": {"a": [1, 2],  "b": "x \" y"}}"#,
        r#"{"id": "\ud800", "text": "Caracas.", "title": "caf\u00e9 \udfff"}"#,
        r#"{"id": "lone", "text": "Caracas \ud800 is calm."}"#,
    ];
    dir.file("in.jsonl", lines.join("\n"));
    let out = dir.run(&["extract", "--jsonl-input", "in.jsonl"]);
    out.expect_code(1);
    let written: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(written.len(), 4, "{}", out.stdout);
    let tail = r#","schema_version":1"#;
    assert!(
        written[0].starts_with(&format!(
            r#"{{"id":18446744073709551617,"big":-123456789012345678901234567890,"f":1.50{tail}"#
        )),
        "{}",
        written[0]
    );
    assert!(
        written[1].starts_with(&format!(r#"{{"id":2.0e-3,"meta":{{"a":[1,2],"b":"x \" y"}}{tail}"#)),
        "{}",
        written[1]
    );
    assert!(written[2].starts_with(&format!(r#"{{"id":"\ud800","title":"caf\u00e9 \udfff"{tail}"#)), "{}", written[2]);
    // A lone surrogate in the text is refused, naming the id, unless --lossy replaces it.
    assert!(
        written[3].starts_with(r#"{"id":"lone","line":4,"error":"\"text\" holds a lone surrogate escape (\\ud800)"#),
        "{}",
        written[3]
    );
    assert!(out.stderr.contains(r#"in.jsonl:4 (id "lone")"#), "{}", out.stderr);
    let out = dir.run(&["extract", "--jsonl-input", "--lossy", "--offsets", "chars", "in.jsonl"]);
    let last: Value = serde_json::from_str(out.expect_code(0).stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["id"], json!("lone"));
    // U+FFFD stands for the surrogate: one character, as in Python's string indexes.
    doc(&last).check_chars("Caracas \u{fffd} is calm.");
}

#[test]
fn every_good_document_of_a_corpus_comes_out_whatever_the_bad_ones_do() {
    let dir = Scratch::new("mixed-corpus");
    let good = |i: usize| json!({"id": i, "text": generated(i)}).to_string();
    let mut first = vec![good(0), "{\"id\": \"cut\", \"text\": ".into(), good(1), long_line("\"huge\"", 50_000, true)];
    first.extend([good(2), r#"{"id": "\ud800", "text": "Caracas."}"#.into(), r#"{"id": 9, "text": "\udc00"}"#.into()]);
    first.extend([good(3), "[1, 2]".into(), "{\"id\": 1e999999, \"text\": \"x\"}".into(), good(4)]);
    let mut bytes = first.join("\n").into_bytes();
    bytes.extend_from_slice(b"\n{\"id\": \"utf8\", \"text\": \"\xff\"}\n");
    bytes.extend_from_slice(good(5).as_bytes());
    dir.file("one.jsonl", bytes);
    dir.file("two.jsonl", [good(6), good(7)].join("\n"));
    for threads in ["1", "2", "3"] {
        let out = dir.run(&[
            "extract",
            "--jsonl-input",
            "--threads",
            threads,
            "--max-bytes",
            "20000",
            "one.jsonl",
            "gone.jsonl",
            "two.jsonl",
        ]);
        out.expect_code(1);
        // Read as text: serde_json (as this test reads) refuses a lone surrogate and 1e999999, saywho copies them.
        let (errors, documents): (Vec<&str>, Vec<&str>) = out.stdout.lines().partition(|l| l.contains(r#""error":"#));
        let heads: Vec<&str> = documents.iter().map(|l| &l[..l.find(r#","schema_version""#).unwrap()]).collect();
        let (i, lone, huge_float) = (|i: usize| format!(r#"{{"id":{i}"#), r#"{"id":"\ud800""#, r#"{"id":1e999999"#);
        let expected = [i(0), i(1), i(2), lone.into(), i(3), huge_float.into(), i(4), i(5), i(6), i(7)];
        assert_eq!(heads, expected, "{}", out.stdout);
        for (n, line) in [0, 1, 2, 4, 6, 7, 8, 9].iter().zip([0, 1, 2, 3, 4, 5, 6, 7]) {
            doc(&serde_json::from_str(documents[*n]).unwrap()).check_bytes(&generated(line));
        }
        assert_eq!(
            errors.len(),
            6,
            "cut, huge, lone-surrogate text, array, invalid UTF-8, missing file: {}",
            out.stdout
        );
    }
}

#[test]
fn documents_larger_than_a_chunk_stream_out_whole_and_in_order_with_any_thread_count() {
    let dir = Scratch::new("stream");
    let inputs: Vec<Value> = (0..40)
        .map(|i| {
            let text = if i % 7 == 3 {
                (0..900).map(|j| generated(i + j)).collect::<Vec<_>>().join("\n")
            } else {
                generated(i)
            };
            json!({"id": i, "text": text})
        })
        .collect();
    dir.jsonl("in.jsonl", &inputs);
    let runs: Vec<Output> =
        ["1", "2", "3"].iter().map(|t| dir.run(&["extract", "--jsonl-input", "--threads", t, "in.jsonl"])).collect();
    for run in &runs {
        run.expect_code(0);
        assert!(run.stdout == runs[0].stdout, "thread counts differ");
    }
    assert!(runs[0].stdout.len() > 1 << 20, "some documents are larger than a chunk");
    for (line, input) in runs[0].lines().iter().zip(&inputs) {
        assert_eq!(line["id"], input["id"]);
        doc(line).check_bytes(input["text"].as_str().unwrap());
    }
    // One large text file streams out as pretty JSON.
    let text: String = (0..900).map(generated).collect::<Vec<_>>().join("\n");
    dir.file("big.txt", &text);
    dir.run(&["extract", "big.txt"]).expect_code(0).document().check_bytes(&text);
}

#[test]
fn broken_pipe_exits_quietly_with_0() {
    let dir = Scratch::new("pipe");
    let inputs: Vec<Value> = (0..3000).map(|i| json!({"id": i, "text": generated(i)})).collect();
    let path = dir.jsonl("big.jsonl", &inputs);
    let mut child = saywho(&["extract", "--jsonl-input", path.to_str().unwrap()]).spawn().unwrap();
    drop(child.stdin.take());
    {
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(first.starts_with("{\"id\":0,"), "{first}");
    } // the read end closes here, long before saywho is done
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    for alarming in ["panic", "Broken pipe", "error", "cannot write"] {
        assert!(!stderr.contains(alarming), "{alarming:?} on stderr: {stderr}");
    }
}

#[test]
fn one_or_two_threads_give_byte_identical_output_in_input_order() {
    let dir = Scratch::new("threads");
    let inputs: Vec<Value> = (0..600).map(|i| json!({"id": i, "text": generated(i)})).collect();
    dir.jsonl("in.jsonl", &inputs);
    let one = dir.run(&["extract", "--jsonl-input", "--threads", "1", "in.jsonl"]);
    let two = dir.run(&["extract", "--jsonl-input", "--threads", "2", "in.jsonl"]);
    one.expect_code(0);
    two.expect_code(0);
    assert!(one.stdout == two.stdout, "--threads 1 and --threads 2 differ");
    let lines = one.lines();
    assert_eq!(lines.len(), inputs.len());
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], json!(i));
        doc(line).check_bytes(&generated(i));
    }
}

// ---------------------------------------------------------------------------
// Lexicons and eval.

#[test]
fn a_user_lexicon_adds_an_entity_and_a_malformed_one_names_file_and_line() {
    let dir = Scratch::new("lexicon");
    let text = "Shares of Quibbleton Foods rose on Monday.";
    dir.file("news.txt", text);
    dir.file("mine.tsv", "# my companies\nQuibbleton Foods\tORG\tQuibbleton Foods Inc\tTEST:42\n");
    let d = dir.run(&["extract", "--lexicon", "mine.tsv", "news.txt"]).expect_code(0).document();
    d.check_bytes(text);
    let q = d.entities.iter().find(|e| e.text == "Quibbleton Foods").expect("the lexicon entity");
    assert_eq!((&*q.label, &*q.canonical, q.id.as_deref()), ("ORG", "Quibbleton Foods Inc", Some("TEST:42")));

    let without = dir.run(&["extract", "news.txt"]).expect_code(0).document();
    assert!(without.entities.iter().all(|e| e.canonical != "Quibbleton Foods Inc"));

    dir.file("bad.tsv", "# fine\nAcme\tORG\tAcme\nZorg\tCOMPANY\tZorg\n");
    let out = dir.run(&["extract", "--lexicon", "bad.tsv", "news.txt"]);
    out.expect_code(1);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("bad.tsv") && out.stderr.contains("line 3"), "{}", out.stderr);

    let out = dir.run(&["extract", "--lexicon", "absent.tsv", "news.txt"]);
    assert!(out.expect_code(1).stderr.contains("absent.tsv"), "{}", out.stderr);
}

#[test]
fn eval_prints_per_label_precision_recall_and_f1() {
    let dir = Scratch::new("eval");
    let span = |text: &str, s: &str| {
        let start = text.find(s).unwrap();
        (start, start + s.len())
    };
    let first = ARTICLE.lines().next().unwrap();
    let (p, g, q, sp) = (
        span(first, "Nicolás Maduro"),
        span(first, "Caracas"),
        span(first, "We will not leave,"),
        span(first, "President Nicolás Maduro"),
    );
    let second = "Venezuela and Colombia met in Lima.";
    dir.jsonl(
        "gold.jsonl",
        &[
            json!({"id": "g1", "text": first,
               "entities": [{"start": p.0, "end": p.1, "label": "PERSON"}, {"start": g.0, "end": g.1, "label": "GPE|LOC"}],
               "quotes": [{"kind": "direct", "start": q.0, "end": q.1, "speaker_start": sp.0, "speaker_end": sp.1}]}),
            json!({"id": "g2", "text": second, "entities": [{"start": 0, "end": 9, "label": "GPE"}]}),
        ],
    );
    let out = dir.run(&["eval", "gold.jsonl"]);
    out.expect_code(0);
    assert!(out.stdout.starts_with("2 documents\n"), "{}", out.stdout);
    for label in ["PERSON", "GPE"] {
        let line = out.stdout.lines().find(|l| l.split_whitespace().next() == Some(label)).unwrap_or_else(|| {
            panic!("no {label} line:\n{}", out.stdout);
        });
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols.len(), 7, "{line}");
        let counts: Vec<usize> = cols[1..4].iter().map(|c| c.parse().unwrap()).collect();
        let prf: Vec<f64> = cols[4..7].iter().map(|c| c.parse().unwrap()).collect();
        assert!(counts[0] <= counts[1].min(counts[2]), "{line}");
        assert!(prf.iter().all(|x| (0.0..=1.0).contains(x)), "{line}");
    }
    let person: Vec<&str> = out.stdout.lines().find(|l| l.starts_with("PERSON")).unwrap().split_whitespace().collect();
    assert_eq!(person[1..].join(" "), "1 1 1 1.000 1.000 1.000");
    assert!(out.stdout.contains("quotes P="), "{}", out.stdout);

    dir.file("broken.jsonl", "{\"text\": \"a\", \"entities\": []}\n{oops\n");
    let out = dir.run(&["eval", "broken.jsonl"]);
    assert!(out.expect_code(1).stderr.contains("broken.jsonl:2"), "{}", out.stderr);
}

#[test]
fn eval_runs_on_the_example_gold_file() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/gold-example.jsonl");
    let out = Scratch::new("eval-example").run(&["eval", example.to_str().unwrap()]);
    assert!(out.expect_code(0).stdout.starts_with("3 documents\n"), "{}", out.stdout);
    for row in ["PERSON", "direct", "indirect", "quotes P="] {
        assert!(out.stdout.lines().any(|l| l.starts_with(row)), "no {row} row:\n{}", out.stdout);
    }
}

#[test]
fn eval_refuses_bad_gold_naming_the_line() {
    let dir = Scratch::new("eval-bad");
    let text = "Mayor Ana Ruiz of Bogotá said the bridge will reopen.";
    let good = json!({"text": text, "entities": [{"start": 6, "end": 14, "label": "PERSON"}]});
    // "Bogotá" is at bytes 18..25 and characters 18..24; a span ending at 24 cuts "á".
    let cases = [
        (json!({"text": text, "entities": [{"start": 18, "end": 24, "label": "GPE"}]}), "character offsets"),
        (json!({"text": text, "entities": [{"start": 6, "end": 99, "label": "PERSON"}]}), "past the end"),
        (
            json!({"text": text, "entities": [{"start": 6, "end": 14, "label": "PERSON", "text": "Ana"}]}),
            "the gold says",
        ),
        (json!({"text": text, "quotes": [{"kind": "indirect", "end": 52}]}), "missing field `start`"),
        (
            json!({"schema_version": 1, "offsets": "bytes", "entities": [], "referents": [], "quotes": []}),
            "saywho's output",
        ),
    ];
    for (bad, message) in cases {
        dir.jsonl("gold.jsonl", &[good.clone(), good.clone(), bad]);
        let out = dir.run(&["eval", "gold.jsonl"]);
        out.expect_code(1);
        assert!(out.stderr.contains("gold.jsonl:3: ") && out.stderr.contains(message), "{message}: {}", out.stderr);
        assert!(out.stdout.is_empty());
    }
    // saywho's own output of a text file is refused too, and one pretty JSON object is gold.
    dir.file("article.txt", ARTICLE);
    let output = dir.run(&["extract", "article.txt"]).expect_code(0).stdout.clone();
    dir.file("output.json", output);
    assert!(dir.run(&["eval", "output.json"]).expect_code(1).stderr.contains("output.json:1: this is saywho's output"));
    dir.file("pretty.json", serde_json::to_string_pretty(&good).unwrap());
    assert!(dir.run(&["eval", "pretty.json"]).expect_code(0).stdout.starts_with("1 documents"));
}

#[test]
fn scratch_dirs_are_unique_and_removed() {
    let (a, b) = (Scratch::new("x"), Scratch::new("x"));
    assert_ne!(a.0, b.0);
    let path = a.0.clone();
    drop(a);
    assert!(!Path::new(&path).exists());
}
