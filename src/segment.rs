//! Segmentation: paragraphs (one per non-blank line) and sentences.
//!
//! A line break ends a paragraph and blank lines only separate them, so a
//! bullet line is a paragraph of its own. Inside a paragraph a sentence ends
//! at `.`, `!`, `?` or `…` (with any closing quote marks and brackets that
//! follow it) when the next token could start a sentence. Abbreviations such
//! as `U.S.` or `Gov.` are single tokens and never end a sentence by
//! themselves. A paragraph without final punctuation whose words are in
//! title case is marked as a headline.

use std::ops::Range;

use crate::token::{Token, TokenKind};
use crate::Span;

/// A paragraph: one non-blank line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The line without its surrounding whitespace.
    pub span: Span,
    /// The paragraph's tokens, as indices into the token list.
    pub tokens: Range<usize>,
    /// The paragraph's sentences, as indices into the sentence list.
    pub sentences: Range<usize>,
    /// Whether the line starts with a list bullet.
    pub bullet: bool,
    /// Whether the line looks like a headline: title case, and no final
    /// punctuation unless it is the document's first line (`Obama Sees
    /// ‘Personal Insult’ in Vote.`).
    pub headline: bool,
}

/// A sentence inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From the first to the last token of the sentence.
    pub span: Span,
    /// The sentence's tokens, as indices into the token list.
    pub tokens: Range<usize>,
}

/// The paragraphs and sentences of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order; each lies in one paragraph.
    pub sentences: Vec<Sentence>,
}

/// Segments `text`, already cut into `tokens` by [`crate::token::tokenize`].
///
/// ```
/// use saywho::unstable::{segment, tokenize};
/// let text = "Safe Passage Offered\nThe U.S. envoy left. “He is gone.” Talks ended.";
/// let tokens = tokenize(text);
/// let seg = segment(text, &tokens);
/// assert_eq!(seg.paragraphs.len(), 2);
/// assert!(seg.paragraphs[0].headline);
/// let sentences: Vec<&str> = seg.sentences.iter().map(|s| &text[s.span]).collect();
/// assert_eq!(sentences, ["Safe Passage Offered", "The U.S. envoy left.", "“He is gone.”", "Talks ended."]);
/// ```
pub fn segment(text: &str, tokens: &[Token]) -> Segments {
    // Room for a sentence per sixteen tokens, a paragraph per thirty-two: the lists rarely grow.
    let mut seg = Segments {
        paragraphs: Vec::with_capacity(tokens.len() / 32),
        sentences: Vec::with_capacity(tokens.len() / 16),
    };
    // Each line ends after its `\n`, `\r\n` or lone `\r` (old Mac files). Most texts
    // have no `\r`: their line ends are found by looking for `\n` alone, which costs less.
    let bytes = text.as_bytes();
    if memchr::memchr(b'\r', bytes).is_none() {
        add_lines(text, tokens, memchr::memchr_iter(b'\n', bytes).map(|at| at + 1), &mut seg);
    } else {
        let line_ends = memchr::memchr2_iter(b'\n', b'\r', bytes)
            .filter(|&at| !(bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n')))
            .map(|at| at + 1);
        add_lines(text, tokens, line_ends, &mut seg);
    }
    seg
}

/// Adds the paragraphs (and their sentences) of the lines that end at
/// `line_ends`, in order; the last line ends at the end of the text.
fn add_lines(text: &str, tokens: &[Token], line_ends: impl Iterator<Item = usize>, seg: &mut Segments) {
    let mut t = 0;
    for line_end in line_ends.chain([text.len()]) {
        let first = t;
        t = first_at_or_after(tokens, t, line_end);
        if first < t {
            let span = Span::new(tokens[first].span().start(), tokens[t - 1].span().end());
            let sentences_start = seg.sentences.len();
            let headline = is_headline(text, &tokens[first..t], seg.paragraphs.is_empty());
            split_sentences(text, tokens, first..t, &mut seg.sentences);
            seg.paragraphs.push(Paragraph {
                span,
                tokens: first..t,
                sentences: sentences_start..seg.sentences.len(),
                bullet: tokens[first].kind == TokenKind::Bullet,
                headline,
            });
        }
    }
}

/// The first token from `t` on that starts at or after byte `end` (the
/// tokens are in text order): a galloping search, which costs a few steps
/// for a line of a hundred tokens rather than one a token.
fn first_at_or_after(tokens: &[Token], t: usize, end: usize) -> usize {
    let rest = &tokens[t..];
    let before = |token: &Token| token.span().start() < end;
    // All of `rest[..lo]` is before `end`; the first token that is not lies before `hi`, or is none.
    let (mut lo, mut hi) = (0, 1);
    while hi <= rest.len() && before(&rest[hi - 1]) {
        lo = hi;
        hi *= 2;
    }
    let hi = hi.min(rest.len());
    t + lo + rest[lo..hi].partition_point(before)
}

fn is_closer(text: &str, token: &Token) -> bool {
    match token.kind {
        TokenKind::Quote => matches!(&text[token.span()], "”" | "\"" | "’" | "'" | "»" | "''" | "›"),
        TokenKind::Punct => matches!(&text[token.span()], ")" | "]"),
        _ => false,
    }
}

/// Whether a token can begin a sentence: a capitalised word, a number, an
/// opening quote or bracket, a bullet or a dash.
fn can_start(text: &str, token: &Token) -> bool {
    match token.kind {
        TokenKind::Word | TokenKind::Abbreviation => {
            text[token.span()].chars().next().is_some_and(|c| !c.is_lowercase())
        }
        TokenKind::Number | TokenKind::Quote | TokenKind::Bullet | TokenKind::Dash => true,
        TokenKind::Punct => matches!(&text[token.span()], "(" | "["),
        _ => false,
    }
}

fn split_sentences(text: &str, tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    let mut start = range.start;
    let mut k = range.start;
    // The tokens that may end a sentence, found in one tight scan over the
    // paragraph's slice (those the closers below step over are passed by).
    let mut ends = (range.start..)
        .zip(&tokens[range.clone()])
        .filter(|(_, t)| matches!(t.kind, TokenKind::Terminal | TokenKind::Ellipsis))
        .map(|(at, _)| at);
    while let Some(at) = ends.find(|&at| at >= k) {
        k = at + 1;
        // A straight mark after a space opens the next sentence (`said. "We`);
        // other closers stay with the sentence, spaced or not (`« Non. »`).
        while k < range.end
            && (is_closer(text, &tokens[k]) || tokens[k].kind == TokenKind::Terminal)
            && !(matches!(&text[tokens[k].span()], "\"" | "'") && tokens[k].span().start() > tokens[k - 1].span().end())
        {
            k += 1;
        }
        if k < range.end && !can_start(text, &tokens[k]) {
            continue;
        }
        push_sentence(tokens, start..k, out);
        start = k;
    }
    push_sentence(tokens, start..range.end, out);
}

fn push_sentence(tokens: &[Token], range: Range<usize>, out: &mut Vec<Sentence>) {
    if range.is_empty() {
        return;
    }
    let span = Span::new(tokens[range.start].span().start(), tokens[range.end - 1].span().end());
    out.push(Sentence { span, tokens: range });
}

/// Whether `word` is a short lowercase word a title-case headline leaves
/// uncapitalised. A `match`: a switch on the length and a comparison or
/// two, not a scan of the list.
fn is_minor_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "and"
            | "as"
            | "at"
            | "but"
            | "by"
            | "for"
            | "from"
            | "if"
            | "in"
            | "into"
            | "nor"
            | "of"
            | "on"
            | "or"
            | "over"
            | "per"
            | "the"
            | "to"
            | "up"
            | "via"
            | "vs"
            | "with"
    )
}

/// Whether a line reads as a headline: in title case with no final
/// punctuation, or, as the document's first line, with every word
/// capitalised even before a final period or quote mark (but not a colon
/// or comma, which introduce what follows), when it is long enough not to
/// be a sentence of names (`He met Ravi Shankar.`).
fn is_headline(text: &str, line: &[Token], first_line: bool) -> bool {
    let open = ends_open(text, line);
    if !open && !first_line {
        return false;
    }
    let (words, capitalised) = capitalised_words(text, line);
    let title_case = open && words > 0 && words <= MAX_HEADLINE_WORDS && capitalised * 5 >= words * 4;
    // A line that introduces what follows (`…:`, `…,`) is no title.
    let introduces = line.last().is_some_and(|t| matches!(&text[t.span()], ":" | ";" | "," | ":-"));
    let title = first_line && !introduces && words >= MIN_TITLE_WORDS && capitalised == words;
    (title_case || title) && !is_table_line(text, line)
}

/// Whether a line ends without the punctuation that closes a sentence or
/// introduces what follows; a question still counts (`What Happens Next?`).
fn ends_open(text: &str, tokens: &[Token]) -> bool {
    let Some(last) = tokens.last() else {
        return false;
    };
    let closed = matches!(last.kind, TokenKind::Terminal | TokenKind::Ellipsis)
        || matches!(&text[last.span()], ":" | ";" | "," | "”" | "\"" | "’" | ":-");
    !closed || &text[last.span()] == "?"
}

/// How many words a headline may have (not counting minor words).
const MAX_HEADLINE_WORDS: usize = 20;

/// How many words a first line ending in a period needs to be read as a title.
const MIN_TITLE_WORDS: usize = 6;

/// How many of a line's words (not counting minor words such as `of`,
/// `the`) there are, and how many start with a capital or a digit; the
/// count stops past [`MAX_HEADLINE_WORDS`].
fn capitalised_words(text: &str, tokens: &[Token]) -> (usize, usize) {
    let mut words = 0;
    let mut capitalised = 0;
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let word = &text[token.span()];
        if is_minor_word(word) {
            continue;
        }
        words += 1;
        if words > MAX_HEADLINE_WORDS {
            // Too long for a headline: no need to read on.
            return (words, capitalised);
        }
        if word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
            capitalised += 1;
        }
    }
    (words, capitalised)
}

/// Whether a line reads as a list or table row rather than a headline: it
/// has a bracket (`Tim Henman (Britain) beat ...`) or two numbers or more
/// (`Leicester 2 Chelsea 1`).
fn is_table_line(text: &str, tokens: &[Token]) -> bool {
    let numbers = tokens.iter().filter(|t| t.kind == TokenKind::Number).count();
    numbers >= 2 || tokens.iter().any(|t| t.kind == TokenKind::Punct && &text[t.span()] == "(")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text, &tokenize(text)).sentences.iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn the_first_token_of_a_line_is_the_one_a_scan_finds() {
        let text = "One two three four five six seven eight nine ten.\n\nA\nB c, d.\n";
        let tokens = tokenize(text);
        for t in 0..=tokens.len() {
            for end in 0..=text.len() + 1 {
                let scan = (t..tokens.len()).find(|&k| tokens[k].span().start() >= end).unwrap_or(tokens.len());
                assert_eq!(first_at_or_after(&tokens, t, end), scan, "from token {t} to byte {end}");
            }
        }
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Gov. Smith met U.S. envoys in Jan. and left."),
            ["Gov. Smith met U.S. envoys in Jan. and left."]
        );
        assert_eq!(sentences("J. K. Rowling wrote it. She agreed."), ["J. K. Rowling wrote it.", "She agreed."]);
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(sentences("He said: “No.” Then he left."), ["He said: “No.”", "Then he left."]);
        assert_eq!(sentences("“Why?” she asked."), ["“Why?” she asked."]);
        assert_eq!(sentences("He said \"No.\" Then he left."), ["He said \"No.\"", "Then he left."]);
        // A spaced straight mark after the period opens the next sentence; a spaced guillemet closes.
        assert_eq!(sentences("Smith said. \"We will see.\""), ["Smith said.", "\"We will see.\""]);
        assert_eq!(sentences("Il a dit « Non. » Puis il est parti."), ["Il a dit « Non. »", "Puis il est parti."]);
    }

    #[test]
    fn lowercase_after_period_continues() {
        assert_eq!(sentences("It cost 3.5 million. ok then."), ["It cost 3.5 million. ok then."]);
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "First line.\r\n\r\n- “A bullet.”\nLast";
        let seg = segment(text, &tokenize(text));
        let paras: Vec<&str> = seg.paragraphs.iter().map(|p| &text[p.span]).collect();
        assert_eq!(paras, ["First line.", "- “A bullet.”", "Last"]);
        assert!(seg.paragraphs[1].bullet && !seg.paragraphs[0].bullet);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let paragraphs = |text: &str| -> Vec<String> {
            segment(text, &tokenize(text)).paragraphs.iter().map(|p| text[p.span].to_string()).collect()
        };
        assert_eq!(paragraphs("First line.\rSecond line.\r\rThird"), ["First line.", "Second line.", "Third"]);
        assert_eq!(paragraphs("First line.\r\nSecond line.\n"), ["First line.", "Second line."]);
        // Without any line break it stays one paragraph.
        assert_eq!(paragraphs("First line. Second line."), ["First line. Second line."]);
    }

    #[test]
    fn headlines() {
        let headline = |t: &str| segment(t, &tokenize(t)).paragraphs[0].headline;
        assert!(headline("Safe Passage Offered — But Maduro Refuses"));
        assert!(headline("What Happens Next?"));
        assert!(headline("Trump Confirms Call but Stays Guarded"));
        assert!(!headline("Maduro refused the offer."));
        assert!(!headline("Senator Dave McCormick stated:"));
        assert!(!headline("the talks went on and on"));
        // A first line in full title case is a title even with its period; a sentence of names is not.
        assert!(headline("Mayor Calls Budget ‘A Disgrace’ After Late Vote."));
        assert!(!headline("He won the Hong Kong Open on Friday."));
        assert!(!headline("He met Sri Ravi Shankar."));
        assert!(!headline("Mayor Jane Smith Gives Her Final Budget Speech Today:"));
        assert!(headline("Dow Falls 500 Points"));
        assert!(!headline("Tim Henman (Britain) beat Doug Flach (U.S.) 6-3 6-4"));
        assert!(!headline("Leicester 2 Chelsea 1"));
    }

    #[test]
    fn empty_input() {
        assert_eq!(segment("", &[]), Segments::default());
        assert!(segment("\n\n \r\n", &tokenize("\n\n \r\n")).paragraphs.is_empty());
    }
}
