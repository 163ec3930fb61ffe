//! Quote marks: pairing every style of opening and closing mark.
//!
//! One table of mark pairs (`can_pair`) drives one matcher. Each quote token is given a
//! role from its shape (`“` opens, `”` closes) or, for marks that look the
//! same at both ends (`"`, `'`), from its flanks: a mark with space before
//! and a word after opens, one with a word before and space after closes.
//! Openers go on a small stack; a closer pops the nearest opener it pairs
//! with. A `’` or `'` that closes nothing is an apostrophe (`leaders’`).
//!
//! Recovery happens at the paragraph end: a quote left open continues only
//! when the next paragraph opens with a mark of the same style (the news
//! convention for multi-paragraph quotes); otherwise it ends with its
//! paragraph, so a stray mark never swallows the rest of the document.

use crate::segment::Segments;
use crate::token::{Token, TokenKind};
use crate::Span;

/// How many openers may wait for their closers at once; deeper ones are dropped.
const MAX_DEPTH: usize = 6;

/// A pair of quote marks and what lies between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// From the opening mark to the closing mark (or the paragraph end).
    pub span: Span,
    /// Between the marks.
    pub content: Span,
    /// The token index of the opening mark.
    pub open: usize,
    /// The token index of the closing mark, or `None` when the paragraph ended first.
    pub close: Option<usize>,
    /// The index of the paragraph the quote opens in.
    pub paragraph: usize,
    /// The index of the paragraph the quote ends in (later for multi-paragraph quotes).
    pub last_paragraph: usize,
    /// Whether the quote lies inside another quote.
    pub nested: bool,
    /// Whether the marks are single quotes (`‘…’`, `'…'`).
    pub single: bool,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    token: usize,
    paragraph: usize,
    shape: Shape,
}

/// A quote mark by its character, read once per mark: the rules compare
/// characters, not strings (slicing the text and matching string literals
/// again at each test was most of the cost of a text dense in marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    /// The mark's (first) character.
    first: char,
    /// Whether the mark is two characters: only `` `` `` and `''` are.
    doubled: bool,
}

impl Shape {
    /// The shape of a quote mark token's text.
    fn of(mark: &str) -> Shape {
        let mut chars = mark.chars();
        Shape { first: chars.next().unwrap_or(' '), doubled: chars.next().is_some() }
    }

    /// The shape of the mark at token `k`.
    fn at(text: &str, tokens: &[Token], k: usize) -> Shape {
        Shape::of(&text[tokens[k].span()])
    }

    /// Whether the mark is a single quote mark (`‘`, `’`, `'`), which may also be an apostrophe.
    fn is_single(self) -> bool {
        !self.doubled && matches!(self.first, '‘' | '’' | '\'' | '‚' | '‹' | '›')
    }
}

/// Whether an opening and a closing mark pair with each other: the table of
/// pairs, as a `match` on characters.
fn can_pair(open: Shape, close: Shape) -> bool {
    match (open.doubled, close.doubled) {
        // ``` ``…'' ``` and `''…''`.
        (true, true) => close.first == '\'',
        (false, false) => matches!(
            (open.first, close.first),
            ('“', '”')
                // Swedish and Finnish: `”ja”`; also a stray `”` typed for `“`.
                | ('”', '”')
                | ('„', '“')
                | ('„', '”')
                | ('«', '»')
                | ('»', '«')
                | ('‘', '’')
                | ('‚', '‘')
                | ('‹', '›')
                | ('"', '"')
                | ('\'', '\'')
                // Mixed straight and curly marks.
                | ('"', '”')
                | ('“', '"')
        ),
        _ => false,
    }
}

/// Whether a mark is a single quote mark (`‘`, `’`, `'`), which may also be an apostrophe.
pub(super) fn is_single(mark: &str) -> bool {
    Shape::of(mark).is_single()
}

/// How far either side of a mark a markup tag's `<` and `>` may be.
const MAX_TAG: usize = 200;

/// Whether a mark lies inside a markup tag (`<tweet id="42" author="@x">`),
/// where it quotes an attribute value, not speech: a `<` and a letter or `/`
/// before it, and a `>` after it, with no line break, `<` or `>` between.
fn in_markup_tag(text: &str, mark: Span) -> bool {
    let bytes = text.as_bytes();
    let before = &bytes[mark.start().saturating_sub(MAX_TAG)..mark.start()];
    let Some(open) = before.iter().rposition(|&b| matches!(b, b'<' | b'>' | b'\n')) else { return false };
    let tag_start = before[open] == b'<' && before.get(open + 1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/');
    let after = &bytes[mark.end()..(mark.end() + MAX_TAG).min(bytes.len())];
    tag_start && after.iter().find(|&&b| matches!(b, b'<' | b'>' | b'\n')) == Some(&b'>')
}

/// Finds all quoted stretches of a document, ordered by their opening mark.
pub fn find(text: &str, tokens: &[Token], segments: &Segments) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let paragraphs = &segments.paragraphs;
    // Most documents hold no markup at all: one fast search spares every mark the look for a tag.
    // `memchr` scans 32 bytes a step, where `str::contains('<')` takes about an instruction a byte.
    let has_tags = memchr::memchr(b'<', text.as_bytes()).is_some();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let mut continued = false;
        if let Some(carried) = stack.first().copied() {
            // A multi-paragraph quote goes on only if this paragraph opens with a like mark.
            let opener = paragraph.tokens.clone().find(|&k| tokens[k].kind != TokenKind::Bullet);
            let like = opener.filter(|&k| tokens[k].kind == TokenKind::Quote).is_some_and(|k| {
                let shape = Shape::at(text, tokens, k);
                shape.is_single() == carried.shape.is_single()
                    && role(text, tokens[k].span(), shape, paragraph.span).opens
                    && speaker_label_after(text, tokens, k).is_none()
            });
            if like {
                stack.truncate(1);
                continued = true;
            } else {
                close_unclosed(tokens, paragraphs, &mut stack, &mut out, p - 1);
            }
        }
        // The paragraph's tokens as a slice: a tight scan to its marks.
        let marks = (paragraph.tokens.start..)
            .zip(&tokens[paragraph.tokens.clone()])
            .filter(|(_, t)| t.kind == TokenKind::Quote && !(has_tags && in_markup_tag(text, t.span())))
            .map(|(k, _)| k);
        // A continued quote's opening mark belongs to the quote already open.
        for k in marks.skip(usize::from(continued)) {
            let shape = Shape::at(text, tokens, k);
            let role = role(text, tokens[k].span(), shape, paragraph.span);
            if role.opens && !role.closes && reopens(text, tokens, &stack, k, shape, paragraph.tokens.start) {
                continue;
            }
            let partner = stack.iter().rposition(|o| can_pair(o.shape, shape));
            // A mark that could close does so when something waits for it, unless it clearly opens.
            if let Some(at) = partner.filter(|_| role.closes || (!role.opens && !shape.is_single())) {
                let open = stack[at];
                stack.truncate(at);
                let nested = !stack.is_empty();
                push_in_order(&mut out, quoted(tokens, open, Some(k), p, nested));
            } else if role.opens {
                if stack.len() == MAX_DEPTH {
                    stack.remove(0);
                }
                stack.push(Open { token: k, paragraph: p, shape });
            }
        }
    }
    if !paragraphs.is_empty() {
        close_unclosed(tokens, paragraphs, &mut stack, &mut out, paragraphs.len() - 1);
    }
    debug_assert!(out.is_sorted_by_key(|q| q.open));
    out
}

/// Adds a quote to `out`, kept ordered by opening mark (so by start): a quote
/// closes after the quotes nested in it, so it goes before them. Those lie at
/// the end, and each quote is passed over at most once per opener waiting on
/// the stack (at most `MAX_DEPTH`) when it was added: linear, no sort after.
fn push_in_order(out: &mut Vec<Quoted>, quote: Quoted) {
    if out.last().is_none_or(|q| q.open < quote.open) {
        out.push(quote);
    } else {
        let at = out.iter().rposition(|q| q.open < quote.open).map_or(0, |i| i + 1);
        out.insert(at, quote);
    }
}

/// Whether the straight `"` at token `k` re-opens the straight quote still open after a sentence
/// end (`"A. "B."`): British news re-opens each paragraph of a long quote and closes only the
/// last, and where paragraphs were merged the re-opening mark lands after a full stop. Such a
/// mark belongs to the quote already open, as a paragraph's opening mark does.
fn reopens(text: &str, tokens: &[Token], stack: &[Open], k: usize, shape: Shape, paragraph_start: usize) -> bool {
    let straight = Shape { first: '"', doubled: false };
    shape == straight
        && k > paragraph_start
        && stack.last().is_some_and(|o| o.shape == straight)
        && matches!(&text[tokens[k - 1].span()], "." | "?" | "!" | "…" | "...")
}

/// Ends the outermost quote still open at the end of paragraph `p`, and
/// forgets the inner ones (unclosed inner marks are most often apostrophes).
fn close_unclosed(
    tokens: &[Token],
    paragraphs: &[crate::segment::Paragraph],
    stack: &mut Vec<Open>,
    out: &mut Vec<Quoted>,
    p: usize,
) {
    let Some(&open) = stack.first() else { return };
    stack.clear();
    let end = paragraphs[p].span.end();
    let open_span = tokens[open.token].span();
    if end > open_span.end() {
        push_in_order(
            out,
            Quoted {
                span: Span::new(open_span.start(), end),
                content: Span::new(open_span.end(), end),
                open: open.token,
                close: None,
                paragraph: open.paragraph,
                last_paragraph: p,
                nested: false,
                single: false,
            },
        );
    }
}

fn quoted(tokens: &[Token], open: Open, close: Option<usize>, paragraph: usize, nested: bool) -> Quoted {
    let open_span = tokens[open.token].span();
    let close_span = close.map_or(open_span, |c| tokens[c].span());
    Quoted {
        span: open_span.cover(close_span),
        content: Span::new(open_span.end(), close_span.start().max(open_span.end())),
        open: open.token,
        close,
        paragraph: open.paragraph,
        last_paragraph: paragraph,
        nested,
        single: open.shape.is_single(),
    }
}

/// A transcript speaker label right after token `k` (`"WALLACE: …`): an
/// upper-case word of three letters or more and a colon. Returns the label's token.
pub fn speaker_label_after(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let (label, colon) = (tokens.get(k + 1)?, tokens.get(k + 2)?);
    let word = &text[label.span()];
    let upper = label.kind == TokenKind::Word && word.chars().count() >= 3 && word.chars().all(char::is_uppercase);
    (upper && &text[colon.span()] == ":").then_some(k + 1)
}

#[derive(Debug, Clone, Copy)]
struct Role {
    opens: bool,
    closes: bool,
}

/// Whether the mark of `shape` at `span` can open and can close a quote.
fn role(text: &str, span: Span, shape: Shape, paragraph: Span) -> Role {
    let before = char_before(text, paragraph.start(), span.start());
    let after = char_after(text, span.end(), paragraph.end());
    let open_side = |c: Option<char>| {
        c.is_none_or(|c| is_space(c) || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':') || is_mark(c))
    };
    let close_side = |c: Option<char>| {
        c.is_none_or(|c| {
            is_space(c)
                || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/')
                || is_mark(c)
        })
    };
    let left_flanking = open_side(before) && !after.is_some_and(is_space);
    let right_flanking = close_side(after) && !before.is_some_and(is_space);
    // `Radio 4's`, `the 1990's`: a single mark between letters or digits is an apostrophe.
    let inside_word = || before.is_some_and(is_word_char) && after.is_some_and(is_word_char);
    match (shape.first, shape.doubled) {
        ('\'' | '’', false) if inside_word() => Role { opens: false, closes: false },
        ('“' | '„' | '«' | '‚' | '‹', false) | ('`', true) => {
            Role { opens: true, closes: right_flanking && !left_flanking }
        }
        ('”' | '»' | '›', false) | ('\'', true) => Role { opens: left_flanking && !right_flanking, closes: true },
        ('‘', false) => Role { opens: true, closes: right_flanking && !left_flanking },
        ('’', false) => Role { opens: false, closes: right_flanking },
        _ => Role { opens: left_flanking || !right_flanking, closes: right_flanking || !left_flanking },
    }
}

/// The character ending at byte `at`, or `None` at `floor`: an ASCII byte is
/// read as it is (a run of marks asks this of every mark), others are decoded.
#[inline]
fn char_before(text: &str, floor: usize, at: usize) -> Option<char> {
    match text.as_bytes()[..at].last() {
        _ if at <= floor => None,
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text[floor..at].chars().next_back(),
    }
}

/// The character starting at byte `at`, or `None` at `end`; ASCII read as it is, as in `char_before`.
#[inline]
fn char_after(text: &str, at: usize, end: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        _ if at >= end => None,
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text[at..end].chars().next(),
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '`')
}

/// `char::is_whitespace`, with the Unicode table consulted only past ASCII
/// and never for a quote mark (text dense in curly marks asks it of each).
#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c.is_whitespace()
    } else {
        !is_mark(c) && c.is_whitespace()
    }
}

/// `char::is_alphanumeric`, with the Unicode table consulted only past ASCII and never for a quote mark.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_mark(c) && c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::token::tokenize;

    fn contents(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        find(text, &tokens, &segment(text, &tokens)).iter().map(|q| &text[q.content]).collect()
    }

    #[test]
    fn a_single_mark_inside_a_word_is_an_apostrophe() {
        assert_eq!(contents("He told Radio 4's listeners: \"We are ready.\""), ["We are ready."]);
        // Between spaces and letters the same mark quotes.
        assert_eq!(contents("He called it 'a mess' on Radio 4."), ["a mess"]);
    }

    #[test]
    fn every_style() {
        for (text, want) in [
            ("He said “yes” today.", "yes"),
            ("He said \"yes\" today.", "yes"),
            ("He said ‘yes’ today.", "yes"),
            ("Il a dit « oui » hier.", " oui "),
            ("Er sagte „ja“ heute.", "ja"),
            ("Han sa ”ja” i dag.", "ja"),
            ("He said ``yes'' today.", "yes"),
        ] {
            assert_eq!(contents(text), [want], "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(contents("Venezuela’s leaders’ plans wouldn’t work in the ’90s, rock ’n’ roll.").is_empty());
        assert!(contents("He is 5'10\" tall.").len() <= 1);
        assert_eq!(contents("The leaders’ ‘red line’ held."), ["red line"]);
    }

    #[test]
    fn nested_quotes() {
        let text = "“He told me ‘never’ again,” she said.";
        let tokens = tokenize(text);
        let found = find(text, &tokens, &segment(text, &tokens));
        assert_eq!(found.len(), 2);
        assert!(!found[0].nested && found[1].nested);
        assert_eq!(&text[found[1].content], "never");
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let text = "He said “this never closes.\nNext paragraph “is fine” here.";
        assert_eq!(contents(text), ["this never closes.", "is fine"]);
    }

    #[test]
    fn multi_paragraph_quote() {
        let text = "“First part.\n“Second part,” he said.\nAfter.";
        let tokens = tokenize(text);
        let found = find(text, &tokens, &segment(text, &tokens));
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].content], "First part.\n“Second part,");
        assert_eq!((found[0].paragraph, found[0].last_paragraph), (0, 1));
    }

    #[test]
    fn a_straight_mark_after_a_full_stop_reopens_the_open_quote() {
        // Paragraphs merged into one line: each re-opens, only the last closes.
        let text = "He said: \"We won. \"The rest can wait.\" Then he left. \"It was fun,\" he said.";
        assert_eq!(contents(text), ["We won. \"The rest can wait.", "It was fun,"]);
        // A closed quote leaves nothing to re-open: the next mark opens a quote of its own.
        let text = "\"We won,\" he said. \"The rest can wait.\"";
        assert_eq!(contents(text), ["We won,", "The rest can wait."]);
        // Inside a sentence the mark opens a nested quote.
        let text = "She said: \"They told me \"never\" again.\"";
        assert_eq!(contents(text), ["They told me \"never\" again.", "never"]);
    }

    #[test]
    fn flank_tests_agree_with_the_unicode_tables() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn many_unbalanced_marks_stay_bounded() {
        let text = "“a ".repeat(10_000);
        let found = contents(&text);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn flank_chars_match_decoding_the_text() {
        let text = "He said \"yes\" — «non» ‘é’''x";
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for floor in (0..=at).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    char_before(text, floor, at),
                    text[floor..at].chars().next_back(),
                    "before {at} from {floor}"
                );
            }
            for end in (at..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(char_after(text, at, end), text[at..end].chars().next(), "after {at} to {end}");
            }
        }
    }

    #[test]
    fn quotes_come_ordered_by_opening_mark_without_a_sort() {
        // The outer quote closes after the one nested in it, yet comes first.
        assert_eq!(contents("He said: “They told me ‘no’ twice.” Then he left."), ["They told me ‘no’ twice.", "no"]);
        // Runs of mixed marks over several paragraphs: nesting, dropped openers, paragraph ends.
        let marks = ["\"", "“", "”", "'", "‘", "’", " ", "a", "\n\n"];
        let mut state = 12_345_u64;
        for _ in 0..200 {
            let text: String = (0..60)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    marks[(state >> 33) as usize % marks.len()]
                })
                .collect();
            let tokens = tokenize(&text);
            let found = find(&text, &tokens, &segment(&text, &tokens));
            assert!(found.windows(2).all(|w| w[0].open < w[1].open), "{text:?}");
        }
    }
}
