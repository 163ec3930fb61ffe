//! Snapshot tests: the full JSON of the seed article, and a readable view
//! (one line per quote, then the referents) of short articles written for
//! these tests, each exercising one pattern (`tests/fixtures/articles/`).
//!
//! Every document is validated against its text before its snapshot is
//! compared, so a snapshot never approves broken offsets. Review changes
//! with `cargo insta review`; a snapshot is a claim about correct output.

use std::fmt::Write;
use std::sync::OnceLock;

use saywho::{Document, Extractor};

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// One line per quote (kind, rule, content, speaker → referent, cue, addressee),
/// then one line per referent.
fn render(doc: &Document<'_>) -> String {
    let mut out = String::new();
    for q in &doc.quotes {
        let _ = write!(out, "{:<8} {:<22} {:?}", format!("{:?}", q.kind).to_lowercase(), q.rule, q.content.text);
        if let Some(s) = &q.speaker {
            let _ = write!(out, "\n    speaker {:?}", s.text);
            if let Some(c) = &s.canonical {
                let _ = write!(out, " → {c}");
            }
        }
        if let Some(c) = &q.cue {
            let _ = write!(out, "\n    cue {:?}", c.text);
        }
        if let Some(a) = &q.addressee {
            let _ = write!(out, "\n    addressee {:?}", a.text);
        }
        for p in &q.parts {
            let _ = write!(out, "\n    part {:?}", p.text);
        }
        for f in &q.fragments {
            let _ = write!(out, "\n    fragment {:?}", f.text);
        }
        out.push('\n');
    }
    out.push_str("referents:\n");
    for r in &doc.referents {
        let _ = writeln!(out, "    {} {} ({} mentions, {} quotes)", r.label, r.canonical, r.mentions, r.quotes);
    }
    out
}

#[test]
fn seed_article_json() {
    let text = include_str!("fixtures/seed-article.txt");
    let doc = extractor().extract(text);
    doc.validate(text).unwrap();
    insta::assert_json_snapshot!(doc);
}

#[test]
fn pattern_articles() {
    insta::glob!("fixtures/articles/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = extractor().extract(&text);
        doc.validate(&text).unwrap();
        insta::assert_snapshot!(render(&doc));
    });
}
