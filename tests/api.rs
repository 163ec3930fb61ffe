//! The library's public API from the outside: thread safety, serde round
//! trips, the contract's serde names, and offset conversion.

use saywho::{Document, Extractor, Label, OffsetUnit, QuoteKind};
use serde_json::json;

/// Compile-time: an extractor can be shared across threads.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    assert_send_sync::<Document<'static>>();
};

const TEXTS: &[&str] = &[
    "“We will not leave,” President Nicolás Maduro told reporters in Caracas on Monday.",
    "Senator Jane Holloway stated: “The talks have failed.” Officials said the border would stay open.",
    "Prices rose €5 😀 overnight, according to the Colombian government.",
    "",
    "No names here, only words.",
];

fn texts() -> impl Iterator<Item = String> {
    (0..40).map(|i| format!("{} Item {i}.", TEXTS[i % TEXTS.len()]))
}

#[test]
fn one_extractor_shared_across_threads_gives_the_same_documents() {
    let extractor = Extractor::new();
    let texts: Vec<String> = texts().collect();
    let expected: Vec<Document<'_>> = texts.iter().map(|t| extractor.extract(t)).collect();
    let results: Vec<Vec<Document<'_>>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..4)
            .map(|w| {
                let (extractor, texts) = (&extractor, &texts);
                // Each worker walks the texts from a different starting point.
                s.spawn(move || {
                    let mut docs: Vec<(usize, Document<'_>)> = (0..texts.len())
                        .map(|k| (k + w * 7) % texts.len())
                        .map(|i| (i, extractor.extract(&texts[i])))
                        .collect();
                    docs.sort_by_key(|(i, _)| *i);
                    docs.into_iter().map(|(_, d)| d).collect()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    for docs in results {
        assert_eq!(docs, expected);
    }
    assert!(expected.iter().any(|d| !d.quotes.is_empty()));
}

#[test]
fn documents_round_trip_through_serde_json_and_into_owned() {
    let extractor = Extractor::new();
    for text in texts() {
        let doc = extractor.extract(&text);
        assert_eq!(doc.validate(&text), Ok(()));
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document<'_> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc, "{json}");
        let pretty = serde_json::to_string_pretty(&doc).unwrap();
        assert_eq!(serde_json::from_str::<Document<'_>>(&pretty).unwrap(), doc);

        let owned: Document<'static> = doc.clone().into_owned();
        drop(back);
        drop(json);
        assert_eq!(owned, doc);
        let owned_json = serde_json::to_string(&owned).unwrap();
        drop(doc);
        drop(text); // the owned document outlives its input
        assert_eq!(serde_json::to_string(&owned).unwrap(), owned_json);
    }
}

#[test]
fn the_json_field_names_are_the_contract() {
    let text = TEXTS[0];
    let doc = Extractor::new().extract(text);
    let value = serde_json::to_value(&doc).unwrap();
    let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["schema_version", "offsets", "entities", "referents", "quotes"]);
    assert_eq!(value["schema_version"], json!(saywho::SCHEMA_VERSION));
    let entity = &value["entities"][0];
    for key in ["start", "end", "text", "label", "canonical"] {
        assert!(entity.get(key).is_some(), "entity has no {key}: {entity}");
    }
    let quote = &value["quotes"][0];
    for key in ["kind", "start", "end", "content", "speaker", "cue", "addressee", "confidence", "rule"] {
        assert!(quote.get(key).is_some(), "quote has no {key}: {quote}");
    }
    for key in ["start", "end", "text"] {
        assert!(quote["content"].get(key).is_some() && quote["cue"].get(key).is_some());
    }
    assert!(quote["speaker"].get("canonical").is_some());
}

#[test]
fn labels_and_quote_kinds_have_their_contract_names() {
    let labels = [
        (Label::Person, "PERSON"),
        (Label::Org, "ORG"),
        (Label::Gpe, "GPE"),
        (Label::Loc, "LOC"),
        (Label::Norp, "NORP"),
    ];
    for (label, name) in labels {
        assert_eq!(serde_json::to_value(label).unwrap(), json!(name));
        assert_eq!(serde_json::from_value::<Label>(json!(name)).unwrap(), label);
        assert_eq!((label.as_str(), label.to_string()), (name, name.to_string()));
        assert_eq!(Label::parse(name), Some(label));
    }
    assert!(serde_json::from_value::<Label>(json!("person")).is_err());
    assert_eq!(Label::parse("FAKE"), None);
    let kinds = [
        (QuoteKind::Direct, "direct"),
        (QuoteKind::Mixed, "mixed"),
        (QuoteKind::Indirect, "indirect"),
        (QuoteKind::Scare, "scare"),
    ];
    for (kind, name) in kinds {
        assert_eq!(serde_json::to_value(kind).unwrap(), json!(name));
        assert_eq!(serde_json::from_value::<QuoteKind>(json!(name)).unwrap(), kind);
    }
    assert!(serde_json::from_value::<QuoteKind>(json!("Direct")).is_err());
}

#[test]
fn convert_offsets_to_chars_with_euro_and_emoji() {
    let text = "Prices rose €5 😀 overnight. “We will not leave,” President Nicolás Maduro said in Caracas.";
    let bytes = Extractor::new().extract(text);
    let mut chars = bytes.clone();
    chars.convert_offsets(text, OffsetUnit::Chars);
    let scalars: Vec<char> = text.chars().collect();
    let at = |start: usize, end: usize| scalars[start..end].iter().collect::<String>();
    assert!(!chars.entities.is_empty() && !chars.quotes.is_empty());
    for (b, c) in bytes.entities.iter().zip(&chars.entities) {
        assert_eq!(at(c.span.start(), c.span.end()), c.text);
        assert_eq!(c.span.start(), text[..b.span.start()].chars().count());
        assert!(c.span.start() < b.span.start(), "the € (3 bytes) and 😀 (4 bytes) come first");
    }
    for q in &chars.quotes {
        assert_eq!(at(q.content.span.start(), q.content.span.end()), q.content.text);
        let speaker = q.speaker.as_ref().unwrap();
        assert_eq!(at(speaker.span.start(), speaker.span.end()), speaker.text);
        let quoted = at(q.span.start(), q.span.end());
        assert!(quoted.starts_with('“') && quoted.ends_with('”'), "{quoted}");
    }
    // The unit is part of the document and of its JSON; converting back restores the byte offsets.
    assert_eq!(chars.offsets, OffsetUnit::Chars);
    assert_eq!(serde_json::to_value(&chars).unwrap()["offsets"], json!("chars"));
    assert_eq!(serde_json::to_value(&bytes).unwrap()["offsets"], json!("bytes"));
    assert_eq!(chars.validate(text), Ok(()), "validate reads a chars document in its own unit");
    let mut back = chars.clone();
    back.convert_offsets(text, OffsetUnit::Bytes);
    assert_eq!(back, bytes);
    // Converting to the unit a document already has changes nothing.
    let mut same = bytes.clone();
    same.convert_offsets(text, OffsetUnit::Bytes);
    assert_eq!(same, bytes);
    let mut twice = chars.clone();
    twice.convert_offsets(text, OffsetUnit::Chars);
    assert_eq!(twice, chars);
    assert_eq!(OffsetUnit::default(), OffsetUnit::Bytes);
}

#[test]
fn a_lexicon_text_adds_entities_and_a_bad_one_is_an_error_with_its_line() {
    let extractor = Extractor::builder()
        .lexicon_text("mine", "Quibbleton Foods\tORG\tQuibbleton Foods Inc\tTEST:42")
        .build()
        .unwrap();
    let doc = extractor.extract("Shares of Quibbleton Foods rose.");
    let e = doc.entities.iter().find(|e| e.text == "Quibbleton Foods").unwrap();
    assert_eq!((e.label, &*e.canonical, e.id.as_deref()), (Label::Org, "Quibbleton Foods Inc", Some("TEST:42")));
    let err = Extractor::builder().lexicon_text("bad", "# c\nA\tORG\tA\nB\tWHAT\tB").build().unwrap_err();
    assert!(err.to_string().contains("bad, line 3"), "{err}");
}

#[test]
fn every_rule_id_is_documented_in_the_readme_with_its_confidence() {
    let readme = include_str!("../README.md");
    for rule in saywho::Rule::ALL {
        let row = format!("| `{}` | {} |", rule.id(), rule.confidence());
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
}

#[test]
fn words_are_the_parts_of_an_interrupted_quote_or_else_the_content() {
    let extractor = Extractor::new();
    let text = "“We are not leaving,” the mayor said. “Not this year.”";
    let doc = extractor.extract(text);
    let quote = &doc.quotes[0];
    assert_eq!(quote.parts.len(), 2);
    assert!(quote.content.text.contains("the mayor said"), "content runs first part to last: {}", quote.content.text);
    let words: Vec<&str> = quote.words().map(|w| &*w.text).collect();
    assert_eq!(words, ["We are not leaving,", "Not this year."]);
    let whole = extractor.extract("“We are not leaving,” the mayor said.");
    let words: Vec<&str> = whole.quotes[0].words().map(|w| &*w.text).collect();
    assert_eq!(words, ["We are not leaving,"]);
}
