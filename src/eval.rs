//! Scoring against annotated gold documents, so users can measure saywho
//! on their own news.
//!
//! The gold format is that of saywho's evaluation sets: a JSON object with
//! `text`, `entities` (`start`, `end`, `label`, where a label may list
//! alternatives such as `GPE|LOC`, and optionally `text`) and `quotes`
//! (`kind`, `start`, `end` of the content, and optionally `content`,
//! `speaker_start`/`speaker_end`, `speaker`, `speaker_canonical`,
//! `required`). Offsets are UTF-8 byte offsets into `text`, end exclusive;
//! the optional `text`, `content` and `speaker` are the text at their
//! offsets, and are checked. `examples/gold-example.jsonl` is an example.
//! [`Gold::from_value`] reads and checks a document.
//!
//! Entities count when span and label match exactly. Quotes are paired one
//! to one, best overlap first; a pair needs an overlap of half the shorter
//! content and a tenth of the longer.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{Document, QuoteKind, Span};

/// One gold document.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// An identifier, if the file gives one.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    /// The annotated text.
    pub text: String,
    /// Gold entity mentions.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Gold quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
}

/// A gold entity mention.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end (exclusive).
    pub end: usize,
    /// The label, or alternatives separated by `|`.
    pub label: String,
    /// The text at the offsets, if the gold gives it (checked).
    #[serde(default)]
    pub text: Option<String>,
}

/// A gold quote.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// `direct`, `mixed`, `indirect` or `scare`.
    pub kind: String,
    /// Start of the content.
    pub start: usize,
    /// End of the content.
    pub end: usize,
    /// The content's text, if the gold gives it (checked).
    #[serde(default)]
    pub content: Option<String>,
    /// Start of the speaker span.
    #[serde(default)]
    pub speaker_start: Option<usize>,
    /// End of the speaker span.
    #[serde(default)]
    pub speaker_end: Option<usize>,
    /// The speaker span's text, if the gold gives it (checked).
    #[serde(default)]
    pub speaker: Option<String>,
    /// The speaker's canonical name, when the gold gives one.
    #[serde(default)]
    pub speaker_canonical: Option<String>,
    /// Whether the quote has a speaker a system must find (default: yes).
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

/// The quote kinds a gold quote may have.
const KINDS: &[&str] = &["direct", "mixed", "indirect", "scare"];

impl Gold {
    /// Reads one gold document and checks it: the fields it needs are
    /// there, it is not saywho's own output, and every span lies inside the
    /// text on character boundaries and matches the text the gold gives for
    /// it. The error says what is wrong, and when the offsets would fit as
    /// character offsets, says so.
    pub fn from_value(value: serde_json::Value) -> Result<Gold, String> {
        let Some(object) = value.as_object() else { return Err("a gold document is a JSON object".into()) };
        if object.contains_key("schema_version") {
            return Err("this is saywho's output (it has \"schema_version\"), not gold: a gold document has \
                        \"text\" and the \"entities\" and \"quotes\" a person marked in it"
                .into());
        }
        if object.get("offsets").and_then(|o| o.as_str()) == Some("chars") {
            return Err("the offsets are characters (\"offsets\": \"chars\"); gold offsets are UTF-8 bytes".into());
        }
        if !object.contains_key("entities") && !object.contains_key("quotes") {
            return Err("no \"entities\" and no \"quotes\": nothing to score against".into());
        }
        let gold: Gold = serde_json::from_value(value).map_err(|e| e.to_string())?;
        gold.validate()?;
        Ok(gold)
    }

    /// Checks every span against the text (see [`Gold::from_value`]).
    pub fn validate(&self) -> Result<(), String> {
        for q in &self.quotes {
            if !KINDS.contains(&q.kind.as_str()) {
                return Err(format!("quote kind {:?} is none of {}", q.kind, KINDS.join(", ")));
            }
            if q.speaker_start.is_some() != q.speaker_end.is_some() {
                return Err("a quote has only one of speaker_start and speaker_end".into());
            }
        }
        let spans = self.spans();
        let Err(problem) = check_spans(&self.text, &spans, Some) else { return Ok(()) };
        // Character offsets (as Python indexes strings) fit a non-ASCII text where byte offsets do not.
        let boundaries: Vec<usize> = self.text.char_indices().map(|(i, _)| i).chain([self.text.len()]).collect();
        let chars = |offset: usize| boundaries.get(offset).copied();
        if !self.text.is_ascii() && check_spans(&self.text, &spans, chars).is_ok() {
            return Err(format!(
                "{problem}; the offsets fit as character offsets: gold offsets are UTF-8 byte offsets \
                 (in Python, len(text[:i].encode()))"
            ));
        }
        Err(problem)
    }

    /// Every span of the gold: what it is, its offsets, and its text if given.
    fn spans(&self) -> Vec<(String, usize, usize, Option<&str>)> {
        let mut spans = Vec::new();
        for (i, e) in self.entities.iter().enumerate() {
            spans.push((format!("entity {}", i + 1), e.start, e.end, e.text.as_deref()));
        }
        for (i, q) in self.quotes.iter().enumerate() {
            spans.push((format!("quote {}", i + 1), q.start, q.end, q.content.as_deref()));
            if let (Some(start), Some(end)) = (q.speaker_start, q.speaker_end) {
                spans.push((format!("quote {} speaker", i + 1), start, end, q.speaker.as_deref()));
            }
        }
        spans
    }
}

/// The first span that is not inside `text` on character boundaries, or
/// whose given text differs, with offsets read by `at` (to a byte offset).
fn check_spans(
    text: &str,
    spans: &[(String, usize, usize, Option<&str>)],
    at: impl Fn(usize) -> Option<usize>,
) -> Result<(), String> {
    for (what, start, end, given) in spans {
        let place = format!("{what} ({start}..{end})");
        if start > end {
            return Err(format!("{place}: start is after end"));
        }
        let (Some(s), Some(e)) = (at(*start), at(*end)) else {
            return Err(format!("{place}: past the end of the text"));
        };
        let Some(found) = text.get(s..e) else {
            return Err(if e > text.len() {
                format!("{place}: past the end of the text ({} bytes)", text.len())
            } else {
                format!("{place}: not on a character boundary")
            });
        };
        if let Some(given) = given {
            if found != *given {
                return Err(format!("{place}: the text there is {found:?}, the gold says {given:?}"));
            }
        }
    }
    Ok(())
}

/// Counts for precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Right predictions.
    pub right: usize,
    /// All predictions.
    pub predicted: usize,
    /// All gold items.
    pub gold: usize,
}

impl Counts {
    /// Right over predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.predicted)
    }

    /// Right over gold.
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.gold)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Quote figures for one gold kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Gold quotes of this kind.
    pub gold: usize,
    /// Of those, paired with a prediction.
    pub found: usize,
    /// Of those, with the same content after trimming marks and punctuation.
    pub strict: usize,
    /// Of those, with the right speaker.
    pub speaker_right: usize,
}

/// Scores summed over documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Entity counts by predicted/gold label, plus `ALL`.
    pub entities: BTreeMap<String, Counts>,
    /// Quote counts by gold kind.
    pub quotes: BTreeMap<String, KindCounts>,
    /// Predicted quotes (scare quotes left out where the gold has none).
    pub quotes_predicted: usize,
    /// Predicted quotes paired with a gold quote.
    pub quotes_paired: usize,
}

impl Scores {
    /// Adds the scores of one document.
    pub fn add(&mut self, gold: &Gold, doc: &Document<'_>, gold_has_scare: bool) {
        let mut gold_entities: BTreeMap<(usize, usize), Vec<&str>> = BTreeMap::new();
        for e in &gold.entities {
            gold_entities.insert((e.start, e.end), e.label.split('|').collect());
            for label in e.label.split('|').take(1).chain(["ALL"]) {
                self.entities.entry(label.to_owned()).or_default().gold += 1;
            }
        }
        for e in &doc.entities {
            let right = gold_entities
                .get(&(e.span.start(), e.span.end()))
                .is_some_and(|labels| labels.contains(&e.label.as_str()));
            for label in [e.label.as_str(), "ALL"] {
                let c = self.entities.entry(label.to_owned()).or_default();
                c.predicted += 1;
                c.right += usize::from(right);
            }
            if right {
                // Credit the gold label's row too when the gold lists alternatives.
                if let Some(labels) = gold_entities.get(&(e.span.start(), e.span.end())) {
                    if labels[0] != e.label.as_str() {
                        let c = self.entities.entry(labels[0].to_owned()).or_default();
                        c.right += 1;
                        let own = self.entities.entry(e.label.as_str().to_owned()).or_default();
                        own.right -= 1;
                    }
                }
            }
        }
        let predicted: Vec<_> = doc.quotes.iter().filter(|q| gold_has_scare || q.kind != QuoteKind::Scare).collect();
        self.quotes_predicted += predicted.len();
        let mut candidates = Vec::new();
        for (g, gq) in gold.quotes.iter().enumerate() {
            let gs = Span::new(gq.start, gq.end.max(gq.start));
            for (p, pq) in predicted.iter().enumerate() {
                let ps = pq.content.span;
                let overlap = gs.end().min(ps.end()).saturating_sub(gs.start().max(ps.start()));
                let (short, long) = if gs.len() <= ps.len() { (gs.len(), ps.len()) } else { (ps.len(), gs.len()) };
                if overlap > 0 && overlap * 2 >= short && overlap * 10 >= long {
                    let union = gs.cover(ps).len().max(1);
                    candidates.push((overlap as f64 / union as f64, overlap, g, p));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
        let mut pair_of_gold = vec![None; gold.quotes.len()];
        let mut used = vec![false; predicted.len()];
        for (_, _, g, p) in candidates {
            if pair_of_gold[g].is_none() && !used[p] {
                pair_of_gold[g] = Some(p);
                used[p] = true;
            }
        }
        for (g, gq) in gold.quotes.iter().enumerate() {
            let k = self.quotes.entry(gq.kind.clone()).or_default();
            k.gold += 1;
            let Some(p) = pair_of_gold[g] else { continue };
            let pq = predicted[p];
            k.found += 1;
            self.quotes_paired += 1;
            if trimmed(&gold.text, Span::new(gq.start, gq.end.max(gq.start))) == trimmed(&gold.text, pq.content.span) {
                k.strict += 1;
            }
            let speaker_right = if gq.kind == "scare" {
                pq.speaker.is_none()
            } else if let Some(canonical) = &gq.speaker_canonical {
                pq.speaker
                    .as_ref()
                    .and_then(|s| s.canonical.as_deref().or(Some(&s.text)))
                    .is_some_and(|c| c.to_lowercase() == canonical.to_lowercase())
            } else if let (Some(s), Some(e), Some(ps)) = (gq.speaker_start, gq.speaker_end, pq.speaker.as_ref()) {
                ps.span.overlaps(Span::new(s, e.max(s)))
            } else {
                false
            };
            k.speaker_right += usize::from(speaker_right);
        }
    }
}

/// The span without surrounding spaces, quote marks, punctuation and a leading `that`.
fn trimmed(text: &str, span: Span) -> Option<&str> {
    let s = span.get(text)?;
    let s = s.strip_prefix("that ").or_else(|| s.strip_prefix("That ")).unwrap_or(s);
    let trim: &[char] = &[
        ' ', '\t', '\r', '\n', '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '`', '.', ',', ';', ':',
        '!', '?', '—', '–', '-', '…', '(', ')', '[', ']',
    ];
    Some(s.trim_matches(trim))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn perfect_prediction_scores_one() {
        let text = "Analysts warn that Caracas may be facing a threat.";
        let extractor = Extractor::new();
        let doc = extractor.extract(text);
        let gold = Gold {
            id: None,
            text: text.into(),
            entities: vec![GoldEntity { start: 19, end: 26, label: "GPE".into(), text: None }],
            quotes: vec![GoldQuote {
                kind: "indirect".into(),
                start: 19,
                end: 49,
                content: None,
                speaker_start: Some(0),
                speaker_end: Some(8),
                speaker: None,
                speaker_canonical: None,
                required: true,
            }],
        };
        let mut scores = Scores::default();
        scores.add(&gold, &doc, false);
        assert_eq!(scores.entities["GPE"], Counts { right: 1, predicted: 1, gold: 1 });
        assert_eq!(scores.quotes["indirect"], KindCounts { gold: 1, found: 1, strict: 1, speaker_right: 1 });
        assert_eq!(scores.entities["ALL"].f1(), 1.0);
    }

    fn read(value: serde_json::Value) -> Result<Gold, String> {
        Gold::from_value(value)
    }

    #[test]
    fn good_gold_reads_and_its_given_texts_are_checked() {
        let text = "Mayor Ana Ruiz said the bridge will reopen.";
        let gold = read(serde_json::json!({"text": text,
            "entities": [{"start": 6, "end": 14, "label": "PERSON", "text": "Ana Ruiz"}],
            "quotes": [{"kind": "indirect", "start": 20, "end": 42, "content": "the bridge will reopen",
                        "speaker_start": 6, "speaker_end": 14, "speaker": "Ana Ruiz"}]}))
        .unwrap();
        assert_eq!((gold.entities.len(), gold.quotes.len()), (1, 1));
        let wrong = read(serde_json::json!({"text": text,
            "entities": [{"start": 6, "end": 14, "label": "PERSON", "text": "Ana Ruis"}]}))
        .unwrap_err();
        assert!(wrong.contains("entity 1 (6..14)") && wrong.contains("\"Ana Ruiz\""), "{wrong}");
    }

    #[test]
    fn offsets_out_of_range_or_inside_a_character_are_errors_with_a_hint_for_character_offsets() {
        let text = "José Núñez met Ana Ruiz in Bogotá.";
        // Byte offsets of "Ana Ruiz" are 18..26; as characters they are 15..23.
        let bytes = read(serde_json::json!({"text": text, "entities": [{"start": 18, "end": 26, "label": "PERSON"}]}));
        assert!(bytes.is_ok());
        let chars = read(serde_json::json!({"text": text,
            "entities": [{"start": 15, "end": 23, "label": "PERSON", "text": "Ana Ruiz"}, {"start": 27, "end": 33, "label": "GPE"}]}))
        .unwrap_err();
        assert!(chars.contains("entity 1") && chars.contains("character offsets"), "{chars}");
        let inside = read(serde_json::json!({"text": text, "entities": [{"start": 0, "end": 4, "label": "PERSON"}]}))
            .unwrap_err();
        assert!(inside.contains("not on a character boundary"), "{inside}");
        let past = read(serde_json::json!({"text": "Ana Ruiz", "quotes": [{"kind": "direct", "start": 0, "end": 90}]}))
            .unwrap_err();
        assert!(past.contains("past the end of the text") && !past.contains("character offsets"), "{past}");
    }

    #[test]
    fn missing_fields_saywho_output_and_unknown_kinds_are_errors() {
        let missing = read(serde_json::json!({"text": "Ana Ruiz", "entities": [{"start": 0, "end": 3}]})).unwrap_err();
        assert!(missing.contains("label"), "{missing}");
        let nothing = read(serde_json::json!({"text": "Ana Ruiz", "ents": []})).unwrap_err();
        assert!(nothing.contains("nothing to score"), "{nothing}");
        let output = read(serde_json::json!({"schema_version": 1, "offsets": "bytes", "entities": [], "quotes": []}))
            .unwrap_err();
        assert!(output.contains("saywho's output"), "{output}");
        let kind = read(serde_json::json!({"text": "Ana Ruiz", "quotes": [{"kind": "said", "start": 0, "end": 3}]}))
            .unwrap_err();
        assert!(kind.contains("\"said\""), "{kind}");
    }
}
