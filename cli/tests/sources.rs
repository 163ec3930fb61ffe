//! `saywho sources` from the outside: the CSV and JSON tables on short
//! articles of my own (`fixtures/sources/articles.jsonl`; every count below
//! was checked by hand against the articles), gender only from evidence,
//! and saywho's own output read as it is.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

mod common;
use common::saywho;

fn articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources/articles.jsonl")
}

/// Runs saywho with `stdin`, expecting exit code 0; returns stdout.
fn run(args: &[&str], stdin: &str) -> String {
    common::run(saywho(args), stdin.as_bytes()).expect_code(0).stdout.clone()
}

fn articles_arg() -> String {
    articles().display().to_string()
}

// Hand count, articles.jsonl: Hilde Varga is quoted directly in city-1 (`said Ms Hilde Varga`), indirectly
// in city-1 (`Varga said`) and in city-2: 3 quotes, 2 documents, 1 direct, 2 indirect. Oskar Lind: one direct
// quote in city-2, two in sport-1 (`said Oskar Lind`, `he added`): 3 quotes, 2 documents, all direct. Each of
// the Transit Authority, the Weather Office, the Greens, `analysts`, `officials`, `the club`, `a witness`, the
// unresolved `He` (misc-1) and the unattributed quote (misc-2) has one. The scare quote `fast track` is left out.

#[test]
fn csv_has_one_row_per_source_most_quoted_first() {
    let csv = run(&["sources", "--jsonl-input", &articles_arg()], "");
    insta::assert_snapshot!("csv", csv);
}

#[test]
fn csv_by_month_with_gender_has_a_row_per_source_and_group_and_a_visible_none_group() {
    let csv =
        run(&["sources", "--jsonl-input", "--by", "date:month", "--gender", "--no-name-gender", &articles_arg()], "");
    insta::assert_snapshot!("csv_by_month_gender", csv);
}

#[test]
fn json_by_section_carries_the_audit_trail() {
    let out = run(&["sources", "--jsonl-input", "--format", "json", "--by", "section", &articles_arg()], "");
    let table: Value = serde_json::from_str(&out).expect("one JSON object");
    // Every trail quote indexes its article's text.
    let texts: Vec<(String, String)> = std::fs::read_to_string(articles())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|v| (v["id"].as_str().unwrap().to_owned(), v["text"].as_str().unwrap().to_owned()))
        .collect();
    for source in table["sources"].as_array().unwrap() {
        let trail = source["trail"].as_array().unwrap();
        assert_eq!(trail.len() as u64, source["quotes"].as_u64().unwrap(), "JSON keeps every quote");
        for q in trail {
            let text = &texts.iter().find(|(id, _)| id == q["document"].as_str().unwrap()).unwrap().1;
            let (start, end) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[start..end], q["text"].as_str().unwrap());
        }
    }
    insta::assert_json_snapshot!("json_by_section", table);
}

#[test]
fn text_files_and_stdin_are_read_as_extract_reads_them() {
    let text = "“The bridge will reopen in May,” said Ms Hilde Varga.\nVarga said the repairs were done.";
    let csv = run(&["sources"], text);
    assert!(csv.lines().any(|l| l.starts_with("Hilde Varga,PERSON,person,2,1,1,0,1,-,-")), "{csv}");
}

/// A line of saywho output for `Hana Novak`: one quote whose speaker is
/// `speaker` resolved by `resolved_by`, and, when `title` is given, a
/// mention written after that title.
fn saywho_line(id: &str, speaker: &str, resolved_by: Option<&str>, title: Option<&str>) -> String {
    let mut entity = json!({"start": 0, "end": 10, "text": "Hana Novak", "label": "PERSON", "canonical": "Hana Novak"});
    if let Some(title) = title {
        entity["title"] = json!(title);
    }
    let mut reference = json!({"start": 11, "end": 11 + speaker.len(), "text": speaker, "canonical": "Hana Novak"});
    if let Some(r) = resolved_by {
        reference["resolved_by"] = json!(r);
    }
    json!({
        "id": id, "schema_version": 1, "offsets": "bytes",
        "entities": [entity],
        "referents": [{"canonical": "Hana Novak", "label": "PERSON", "mentions": 1, "quotes": 1}],
        "quotes": [{"kind": "indirect", "start": 11, "end": 40, "content": {"start": 20, "end": 40, "text": "the roof would hold."},
                    "speaker": reference, "cue": null, "addressee": null, "confidence": 0.8, "rule": "indirect-cue"}]
    })
    .to_string()
}

fn gender_of(lines: &[String], extra: &[&str]) -> (String, String, String) {
    let mut args = vec!["sources", "--jsonl-input", "--gender", "--format", "json"];
    args.extend(extra);
    let out = run(&args, &(lines.join("\n") + "\n"));
    let table: Value = serde_json::from_str(&out).unwrap();
    let g = &table["sources"][0]["gender"];
    let s = |v: &Value| v.as_str().unwrap().to_owned();
    (s(&g["value"]), s(&g["basis"]), s(&g["evidence"]))
}

#[test]
fn gender_comes_only_from_evidence() {
    // No title, no pronoun, and no given-name list: unknown.
    let plain = [saywho_line("d1", "Novak", Some("name"), None)];
    assert_eq!(gender_of(&plain, &["--no-name-gender"]).0, "unknown");
    // A pronoun the resolver linked by a given-name guess is no text evidence.
    let guessed = [saywho_line("d1", "she", Some("pronoun-given-name"), None)];
    assert_eq!(gender_of(&guessed, &["--no-name-gender"]), ("unknown".into(), "none".into(), "no evidence".into()));
    // A pronoun linked from the text is; so is an honorific, and the evidence is named.
    let text = [
        saywho_line("d1", "she", Some("pronoun-text"), None),
        saywho_line("d2", "she", Some("pronoun-text"), Some("Ms.")),
    ];
    assert_eq!(
        gender_of(&text, &["--no-name-gender"]),
        ("female".into(), "text".into(), "she ×2, title Ms ×1 in 2 documents".into())
    );
    // A role noun is no evidence.
    let role = [saywho_line("d1", "Novak", Some("name"), Some("Chairman"))];
    assert_eq!(gender_of(&role, &["--no-name-gender"]).0, "unknown");
}

#[test]
fn the_user_list_overrides_and_the_name_list_is_labelled_weakest() {
    let dir = std::env::temp_dir().join(format!("saywho-gender-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("genders.tsv");
    std::fs::write(&list, "# canonical\tvalue\nHana Novak\tnon-binary\n").unwrap();
    let line = [saywho_line("d1", "she", Some("pronoun-text"), None)];
    let (value, basis, _) = gender_of(&line, &["--gender-list", list.to_str().unwrap()]);
    assert_eq!((value.as_str(), basis.as_str()), ("non-binary", "user-list"));
    std::fs::remove_dir_all(&dir).unwrap();
    // `Hana` is in the bundled given-name list only if the list says so: the call names its basis either way.
    let plain = [saywho_line("d1", "Novak", Some("name"), None)];
    let (value, basis, evidence) = gender_of(&plain, &[]);
    match basis.as_str() {
        "given-name" => assert!(evidence.contains("weakest") && value != "unknown", "{evidence}"),
        "none" => assert_eq!(value, "unknown"),
        other => panic!("unexpected basis {other}"),
    }
}

#[test]
fn bad_lines_are_reported_and_the_run_exits_1_after_writing_the_table() {
    let input = format!("{}\nnot json\n", saywho_line("d1", "Novak", Some("name"), None));
    let out = common::run(saywho(&["sources", "--jsonl-input", "-"]), input.as_bytes());
    out.expect_code(1);
    assert!(out.stderr.contains("-:2: invalid JSON"));
    assert!(out.stdout.contains("Hana Novak,PERSON,person,1,1,0,0,1,d1,d1"));
}
