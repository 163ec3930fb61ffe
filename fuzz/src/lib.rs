//! The checks shared by every fuzz target: each panics with a message
//! naming the broken invariant, which is what libFuzzer reports.

use std::sync::OnceLock;

use saywho::unstable::{segment, tokenize, Segments, Token};
use saywho::{Document, Extractor, OffsetUnit};

/// The extractor with the bundled lexicons, built once per process.
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// The fuzz input as text: itself when it is UTF-8, else decoded lossily.
pub fn text_of(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Whitespace for the tokenizer: Unicode white space and the byte-order mark.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Tokens are in order, non-overlapping, non-empty, in bounds and on char
/// boundaries, and only whitespace lies between (and around) them.
pub fn check_tokens(text: &str, tokens: &[Token]) {
    let mut at = 0;
    for (i, t) in tokens.iter().enumerate() {
        let span = t.span();
        assert!(!span.is_empty(), "token {i} {span:?} is empty");
        assert!(span.start() >= at, "token {i} {span:?} overlaps or precedes the previous token (ending at {at})");
        assert!(
            span.get(text).is_some(),
            "token {i} {span:?} is out of bounds or not on a char boundary of a {}-byte text",
            text.len()
        );
        let gap = &text[at..span.start()];
        assert!(gap.chars().all(is_space), "non-whitespace {gap:?} between tokens before token {i} {span:?}");
        at = span.end();
    }
    let tail = &text[at..];
    assert!(tail.chars().all(is_space), "non-whitespace {tail:?} after the last token");
}

/// Paragraphs and sentences are in order, inside the text, and each
/// sentence lies inside one paragraph, whose sentence range lists it.
pub fn check_segments(text: &str, tokens: &[Token], seg: &Segments) {
    let mut previous_end = 0;
    let mut next_sentence = 0;
    for (i, p) in seg.paragraphs.iter().enumerate() {
        assert!(p.span.get(text).is_some(), "paragraph {i} {:?} is out of bounds or not on a char boundary", p.span);
        assert!(p.span.start() >= previous_end, "paragraph {i} {:?} overlaps or precedes the previous one", p.span);
        assert!(!text[p.span].contains('\n'), "paragraph {i} {:?} spans a line break", p.span);
        assert!(
            p.tokens.start < p.tokens.end && p.tokens.end <= tokens.len(),
            "paragraph {i} has token range {:?} of {} tokens",
            p.tokens,
            tokens.len()
        );
        assert_eq!(p.sentences.start, next_sentence, "paragraph {i} sentences do not follow the previous paragraph's");
        assert!(
            p.sentences.end <= seg.sentences.len(),
            "paragraph {i} sentence range {:?} is past the {} sentences",
            p.sentences,
            seg.sentences.len()
        );
        for k in p.sentences.clone() {
            let s = &seg.sentences[k];
            assert!(p.span.covers(s.span), "sentence {k} {:?} is not inside its paragraph {i} {:?}", s.span, p.span);
        }
        next_sentence = p.sentences.end;
        previous_end = p.span.end();
    }
    assert_eq!(next_sentence, seg.sentences.len(), "sentences not listed by any paragraph");
    let mut previous_end = 0;
    for (k, s) in seg.sentences.iter().enumerate() {
        assert!(
            s.span.get(text).is_some() && !s.span.is_empty(),
            "sentence {k} {:?} is empty, out of bounds or not on a char boundary",
            s.span
        );
        assert!(s.span.start() >= previous_end, "sentence {k} {:?} overlaps or precedes the previous one", s.span);
        assert!(
            s.tokens.start < s.tokens.end && s.tokens.end <= tokens.len(),
            "sentence {k} has token range {:?}",
            s.tokens
        );
        assert_eq!(
            (s.span.start(), s.span.end()),
            (tokens[s.tokens.start].span().start(), tokens[s.tokens.end - 1].span().end()),
            "sentence {k} span does not match its tokens"
        );
        previous_end = s.span.end();
    }
}

/// Tokenizes and segments `text`, checking both layers.
pub fn check_layers(text: &str) {
    let tokens = tokenize(text);
    check_tokens(text, &tokens);
    let seg = segment(text, &tokens);
    check_segments(text, &tokens, &seg);
}

/// `doc` (extracted from `text`) validates, converts to char offsets
/// without panicking (monotone, within the char count), and survives a
/// JSON round trip unchanged.
pub fn check_document(text: &str, doc: &Document<'_>) {
    if let Err(message) = doc.validate(text) {
        panic!("invalid document: {message}");
    }
    let chars = text.chars().count();
    let mut converted = doc.clone();
    converted.convert_offsets(text, OffsetUnit::Chars);
    for (e, c) in doc.entities.iter().zip(&converted.entities) {
        assert!(c.span.end() <= chars, "entity {:?} converts to {:?}, past the {chars} chars", e.span, c.span);
        assert_eq!(
            c.span.len(),
            e.text.chars().count(),
            "entity {:?} converts to {:?}, not its char length",
            e.span,
            c.span
        );
    }
    for (q, c) in doc.quotes.iter().zip(&converted.quotes) {
        assert!(
            c.span.end() <= chars && c.content.span.end() <= chars,
            "quote {:?} converts past the {chars} chars",
            q.span
        );
        assert_eq!(
            c.content.span.len(),
            q.content.text.chars().count(),
            "quote content {:?} converts to {:?}, not its char length",
            q.content.span,
            c.content.span
        );
    }
    let json = serde_json::to_string(doc).expect("a document serializes");
    let back: Document<'_> = match serde_json::from_str(&json) {
        Ok(back) => back,
        Err(e) => panic!("serialized document does not parse back: {e}\n{json}"),
    };
    assert!(back == *doc, "JSON round trip changed the document:\n{json}");
}

/// Extracts `text` with `extractor` and checks the document.
pub fn check_extract(extractor: &Extractor, text: &str) {
    let doc = extractor.extract(text);
    check_document(text, &doc);
}
