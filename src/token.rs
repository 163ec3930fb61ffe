//! The tokenizer: news text into [`Token`]s that keep their byte spans.
//!
//! Whitespace separates chunks. A chunk whose only word characters are
//! ASCII letters and digits (pure ASCII, or ASCII words with curly quotes,
//! dashes, ellipses) is cut into pieces by byte class (the fast path); a
//! chunk holding any other word character is cut by
//! Unicode word boundaries (UAX #29, `unicode-segmentation`) and then at
//! apostrophes and periods, so both paths hand the same shape of pieces
//! (runs of word characters, single punctuation characters) to one set of
//! news rules that joins them into tokens: contractions (`wouldn’t`),
//! possessives split off (`Venezuela` `’s`), decades (`’90s`), numbers
//! (`100,000`), abbreviations and initials (`U.S.`, `Sen.`, `J.`),
//! ellipses, dashes and list bullets. The input is never rewritten: a
//! token is only a span and a kind.

use unicode_segmentation::UnicodeSegmentation;

use crate::swar::{ascii_word_bytes, HIGH_BITS};
use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters (possibly with digits, inner apostrophes or a contraction):
    /// `Maduro`, `wouldn’t`, `FlightRadar24`, `’90s`.
    Word,
    /// Digits with inner separators: `100,000`, `3.5`.
    Number,
    /// A word or initials ending in their period: `U.S.`, `Sen.`, `J.`.
    Abbreviation,
    /// The possessive `’s` or `'s` split off a word.
    Possessive,
    /// A quotation mark: `"`, `“`, `”`, `‘`, `’`, `'`, `«`, `»`, `„`, or a
    /// PTB pair ``` `` ``` / `''`.
    Quote,
    /// A hyphen or dash between or beside words: `-`, `–`, `—`, `--`.
    Dash,
    /// `…` or `...`.
    Ellipsis,
    /// A list bullet at the start of a line: `- `, `• `, `* `.
    Bullet,
    /// Sentence-ending punctuation: `.`, `!`, `?`.
    Terminal,
    /// Any other symbol or punctuation mark.
    Punct,
}

/// The longest text [`tokenize`] takes: a token keeps its offsets in 32
/// bits, so a document's table of tokens takes half the room it would with
/// `usize` offsets. [`crate::Extractor::extract`] cuts longer texts into
/// pieces.
pub const MAX_TOKENIZED_BYTES: usize = u32::MAX as usize;

/// One token: its span in the input and its kind.
///
/// Its offsets are kept in 32 bits (12 bytes a token, where two `usize`
/// offsets took 24): [`Token::span`] gives them back as a [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// The first byte offset.
    start: u32,
    /// The byte offset one past the last byte.
    end: u32,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token {
    /// A token at `span`, which ends at most at [`MAX_TOKENIZED_BYTES`]
    /// (the tokenizer's input is never longer).
    #[inline]
    fn new(span: Span, kind: TokenKind) -> Token {
        debug_assert!(span.end() <= MAX_TOKENIZED_BYTES, "token {span:?} beyond 32-bit offsets");
        Token { start: span.start() as u32, end: span.end() as u32, kind }
    }

    /// Where the token is in the input.
    #[inline]
    pub fn span(&self) -> Span {
        Span::ordered(self.start as usize, self.end as usize)
    }

    /// Whether the token is a word-like token that can be part of a name.
    #[inline]
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number)
    }
}

/// Whether `word` (without its period) is a word that keeps its final
/// period as an abbreviation. Single letters (initials) are handled apart.
#[rustfmt::skip] // one short line per initial letter
pub fn is_abbreviation(word: &str) -> bool {
    // A `match` compiles to a switch on the length, then a few short
    // comparisons: far cheaper than a binary search of a sorted list.
    matches!(
        word,
        "Adm" | "Ala" | "Apr" | "Ariz" | "Ark" | "Aug" | "Ave" | "approx"
            | "Brig" | "Bros"
            | "Calif" | "Capt" | "Cmdr" | "Co" | "Col" | "Colo" | "Conn" | "Corp" | "Cpl" | "cf"
            | "Dec" | "Del" | "Dept" | "Dr" | "Drs"
            | "Feb" | "Fla" | "Fr" | "Ft"
            | "Ga" | "Gen" | "Gov"
            | "Hon"
            | "Ill" | "Inc" | "Ind"
            | "Jan" | "Jr" | "Jul" | "Jun"
            | "Kan" | "Ky"
            | "La" | "Lt" | "Ltd"
            | "Maj" | "Mar" | "Mass" | "Md" | "Messrs" | "Mich" | "Minn" | "Miss" | "Mo" | "Mr" | "Mrs" | "Ms" | "Mt"
            | "Neb" | "Nev" | "Nov"
            | "Oct" | "Okla" | "Ore"
            | "Pa" | "Ph" | "Prof"
            | "Rep" | "Reps" | "Rev"
            | "Sen" | "Sens" | "Sep" | "Sept" | "Sgt" | "Sr" | "St" | "Supt"
            | "Tenn" | "Tex"
            | "Va" | "Vt" | "vs"
            | "Wash" | "Wis" | "Wyo"
            | "e.g" | "etc" | "i.e"
    )
}

/// Splits `text` into tokens. Whitespace (including a byte-order mark) is
/// not a token; everything else is covered by exactly one token.
///
/// ```
/// use saywho::unstable::{tokenize, TokenKind};
/// let text = "Venezuela’s U.S. envoy wouldn’t pay $100,000…";
/// let tokens = tokenize(text);
/// let words: Vec<&str> = tokens.iter().map(|t| &text[t.span()]).collect();
/// assert_eq!(words, ["Venezuela", "’s", "U.S.", "envoy", "wouldn’t", "pay", "$", "100,000", "…"]);
/// assert_eq!(tokens[1].kind, TokenKind::Possessive);
/// assert_eq!(tokens[2].kind, TokenKind::Abbreviation);
/// ```
///
/// # Panics
///
/// When `text` is longer than [`MAX_TOKENIZED_BYTES`] (4 GiB): the
/// extractor cuts such a text into pieces before it tokenizes them.
pub fn tokenize(text: &str) -> Vec<Token> {
    assert!(text.len() <= MAX_TOKENIZED_BYTES, "a text of {} bytes is too long to tokenize", text.len());
    // News averages a token per five bytes or so: room for more, so the list rarely grows.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    let mut pieces = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            line_start = true;
            i += 1;
            continue;
        }
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            if is_space(c) {
                i += c.len_utf8();
                continue;
            }
        }
        if let Some(end) = plain_chunk(text, i, &mut tokens) {
            line_start = false;
            // The space after a word, the commonest separator, needs no trip round the loop.
            i = end + usize::from(bytes.get(end) == Some(&b' '));
            continue;
        }
        i = general_chunk(text, i, line_start, &mut pieces, &mut tokens);
        line_start = false;
    }
    tokens
}

/// The general path for the chunk starting at `start`, out of line so the
/// fast path's loop stays small: a [plain chunk between quote
/// marks](quoted_plain_chunk), or [`chunk_in_rounds`] with
/// [`PIECES_PER_ROUND`]. Returns the chunk's end.
#[inline(never)]
fn general_chunk<'t>(
    text: &'t str,
    start: usize,
    line_start: bool,
    pieces: &mut Vec<Piece<'t>>,
    out: &mut Vec<Token>,
) -> usize {
    if let Some(end) = quoted_plain_chunk(text, start, out) {
        return end;
    }
    chunk_in_rounds(text, start, line_start, PIECES_PER_ROUND, pieces, out)
}

/// How many pieces a chunk gathers before those already settled are joined
/// into tokens. A long chunk (a megabyte without spaces) keeps a small
/// buffer when it has settling marks followed by ASCII characters (`/`,
/// `“`, brackets); one without them (`a.a.a.…`, or holding a non-ASCII
/// word character) still gathers a piece per mark.
const PIECES_PER_ROUND: usize = 256;

/// The chunk starting at `start` cut into pieces (by byte class, or by
/// Unicode word boundaries once a non-ASCII word character turns up) and
/// joined into tokens by the news rules, the pieces gathered so far being
/// joined whenever a round holds `round` of them and ends at a
/// [settling mark](is_settling_mark). Returns the chunk's end.
fn chunk_in_rounds<'t>(
    text: &'t str,
    start: usize,
    line_start: bool,
    round: usize,
    pieces: &mut Vec<Piece<'t>>,
    out: &mut Vec<Token>,
) -> usize {
    let mut from = start;
    loop {
        pieces.clear();
        // Only the chunk's first piece can be a list bullet.
        let first = from == start && line_start;
        match simple_pieces(text, from, round, pieces) {
            Cut::End(end) => {
                join_pieces(pieces, first, end, out);
                return end;
            }
            Cut::Settled(at) => {
                // The chunk goes on: no piece of this round ends it.
                join_pieces(pieces, first, usize::MAX, out);
                from = at;
            }
            Cut::Unicode => {
                let end = chunk_end(text, from);
                pieces.clear();
                unicode_pieces(&text[from..end], from, pieces);
                join_pieces(pieces, first, end, out);
                return end;
            }
        }
    }
}

/// Where [`simple_pieces`] stopped.
#[derive(Debug, PartialEq, Eq)]
enum Cut {
    /// At the chunk's end.
    End(usize),
    /// After a settling mark, the round being full: the pieces so far join
    /// into the same tokens whatever follows, and the rest starts here.
    Settled(usize),
    /// At a non-ASCII word character, where the Unicode word boundaries must
    /// decide (the pieces so far are partial).
    Unicode,
}

/// Whether no joining rule reaches across mark `c` and Unicode word
/// boundaries never depend on what precedes it (its UAX #29 Word_Break is
/// Other): the pieces before it join into the same tokens whatever follows,
/// and the text after it is cut as if it started a chunk.
fn is_settling_mark(c: char) -> bool {
    matches!(
        c,
        '/' | '(' | ')' | '[' | ']' | '!' | '?' | '“' | '”' | '&' | '+' | '=' | '<' | '>' | '@' | '#' | '%' | '*'
    )
}

/// The fast path for the commonest chunks: ASCII letters and digits, with
/// at most one trailing `,` `;` `:` `.` `!` `?` or `)`, ending at ASCII
/// whitespace or the end of the text. For the chunk starting at `start`,
/// pushes the same tokens the general path would and returns the chunk's
/// end, or returns `None` without pushing anything. Always inlined into
/// [`tokenize`]'s loop: a call per word would cost a fifth of the tokenizer on news.
#[inline(always)]
fn plain_chunk(text: &str, start: usize, out: &mut Vec<Token>) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = ascii_word_end(bytes, start);
    if end == start {
        return None;
    }
    // The word's token: a number when all digits (the first byte rules out most words before they are sliced).
    // `ascii_word_end` never returns less than `start`.
    let push_word = |out: &mut Vec<Token>| {
        let number = bytes[start].is_ascii_digit() && bytes[start..end].iter().all(u8::is_ascii_digit);
        out.push(Token::new(Span::ordered(start, end), if number { TokenKind::Number } else { TokenKind::Word }));
    };
    let ends_chunk = |at: usize| bytes.get(at).is_none_or(u8::is_ascii_whitespace);
    // The commonest chunk, a word alone, first.
    if ends_chunk(end) {
        push_word(out);
        return Some(end);
    }
    let b = bytes[end];
    if !b",;:.!?)".contains(&b) || !ends_chunk(end + 1) {
        return None;
    }
    if b == b'.' {
        // Initials and abbreviations keep their period: `J.`, `Sen.`.
        let initial = end == start + 1 && bytes[start].is_ascii_uppercase();
        if initial || is_abbreviation(&text[start..end]) {
            out.push(Token::new(Span::new(start, end + 1), TokenKind::Abbreviation));
            return Some(end + 1);
        }
    }
    push_word(out);
    let kind = if matches!(b, b'.' | b'!' | b'?') { TokenKind::Terminal } else { TokenKind::Punct };
    out.push(Token::new(Span::new(end, end + 1), kind));
    Some(end + 1)
}

/// The fast path for a plain chunk opened by double quote marks and
/// perhaps closed by more (`“Yes,”`, `"No"`, `""`): the
/// [marks](plain_mark_len) and [`plain_chunk`] on what they enclose,
/// pushing the same tokens the general path would. Returns the chunk's end,
/// or `None` without pushing anything.
fn quoted_plain_chunk(text: &str, start: usize, out: &mut Vec<Token>) -> Option<usize> {
    let bytes = text.as_bytes();
    let word_start = plain_marks_end(bytes, start);
    if word_start == start {
        // Words with closing marks only (`said.”`) are common in news, and
        // most chunks that reach here are none: they take the general path.
        return None;
    }
    // The plain chunk's end: its word, and a trailing mark if a quote mark or the chunk's end follows that.
    let mut word_end = ascii_word_end(bytes, word_start);
    if word_end > word_start
        && bytes.get(word_end).is_some_and(|b| b",;:.!?)".contains(b))
        && (plain_mark_len(bytes, word_end + 1) > 0 || bytes.get(word_end + 1).is_none_or(u8::is_ascii_whitespace))
    {
        word_end += 1;
    }
    let chunk_end = plain_marks_end(bytes, word_end);
    if bytes.get(chunk_end).is_some_and(|b| !b.is_ascii_whitespace()) {
        return None;
    }
    let pushed = out.len();
    push_plain_marks(bytes, start, word_start, out);
    if word_end > word_start && plain_chunk(&text[..word_end], word_start, out).is_none() {
        out.truncate(pushed);
        return None;
    }
    push_plain_marks(bytes, word_end, chunk_end, out);
    Some(chunk_end)
}

/// The length of the double quote mark at `at` that [`plain_chunk`] takes
/// (`"`, `“` or `”`; 0 for anything else): no joining rule reaches across
/// one, so each is a quote token of its own on every path.
#[inline]
fn plain_mark_len(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..) {
        Some([b'"', ..]) => 1,
        // U+201C and U+201D.
        Some([0xe2, 0x80, 0x9c | 0x9d, ..]) => 3,
        _ => 0,
    }
}

/// The end of the run of [plain double quote marks](plain_mark_len) from `at`.
#[inline]
fn plain_marks_end(bytes: &[u8], mut at: usize) -> usize {
    loop {
        match plain_mark_len(bytes, at) {
            0 => return at,
            len => at += len,
        }
    }
}

/// Pushes a quote token for each plain double quote mark in `start..end`.
#[inline]
fn push_plain_marks(bytes: &[u8], mut start: usize, end: usize, out: &mut Vec<Token>) {
    while start < end {
        let len = plain_mark_len(bytes, start);
        out.push(Token::new(Span::new(start, start + len), TokenKind::Quote));
        start += len;
    }
}

/// Whether `b` is an ASCII letter or digit, by table: the hot test of the
/// scans over text (here and in the gazetteer).
#[inline]
pub(crate) fn is_ascii_word_byte(b: u8) -> bool {
    const TABLE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        table
    };
    TABLE[usize::from(b)]
}

/// The end of the run of ASCII letters and digits that starts at `start`
/// (`start` itself when `bytes[start]` is none, or `start` is past the end).
///
/// Eight bytes are classified at once (SWAR: SIMD within a register), so a
/// word shorter than eight bytes costs one pass of plain arithmetic and a
/// single branch, not a byte loop whose exit the CPU cannot predict (word
/// lengths vary). The last few bytes of the text take the byte loop.
#[inline]
pub(crate) fn ascii_word_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while let Some(&chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk) {
        let word_bytes = ascii_word_bytes(u64::from_le_bytes(chunk));
        if word_bytes != HIGH_BITS {
            // The first byte whose high bit is clear ends the run.
            return i + (!word_bytes & HIGH_BITS).trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i + bytes.get(i..).map_or(0, |rest| rest.iter().take_while(|&&b| is_ascii_word_byte(b)).count())
}

/// Whitespace for tokenizing: Unicode white space and the byte-order mark.
#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The end of the whitespace-free chunk starting at `start`.
fn chunk_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    while j < bytes.len() {
        let b = bytes[j];
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                break;
            }
            j += 1;
        } else {
            let c = text[j..].chars().next().unwrap_or(' ');
            if is_space(c) {
                break;
            }
            j += c.len_utf8();
        }
    }
    j
}

/// A raw piece of a chunk: a run of word characters, or one other character.
#[derive(Debug, Clone, Copy)]
struct Piece<'t> {
    span: Span,
    /// The piece's text, sliced once for the rules to read.
    text: &'t str,
    /// The character of a one-character piece that is no word character;
    /// `None` for a run of word characters. The rules compare marks, not strings.
    mark: Option<char>,
}

impl Piece<'_> {
    /// Whether the piece is a run of word characters (it has no mark).
    #[inline]
    fn is_word(&self) -> bool {
        self.mark.is_none()
    }
}

/// The pieces of the chunk starting at `start`, when its only word
/// characters are ASCII letters and digits: runs of them, and every other
/// character alone. Stops at the chunk's end (the next whitespace or the
/// end of the text), after a settling mark followed by an ASCII character
/// once `out` holds `round` pieces, or at the first non-ASCII word
/// character, where the Unicode word boundaries must decide.
///
/// This gives the same pieces as [`unicode_pieces`] on such chunks: UAX #29
/// never breaks between two ASCII letters or digits (WB5, WB8–WB10), and
/// both paths emit every non-word character as a piece of its own. News
/// chunks with curly quotes, dashes and ellipses (`“Yes,”`, `leaders’`)
/// take this path.
fn simple_pieces<'t>(text: &'t str, start: usize, round: usize, out: &mut Vec<Piece<'t>>) -> Cut {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if is_ascii_word_byte(b) {
            let run = i;
            i = ascii_word_end(bytes, i + 1);
            out.push(Piece { span: Span::new(run, i), text: &text[run..i], mark: None });
            continue;
        }
        let c = if b < 0x80 {
            if b.is_ascii_whitespace() {
                return Cut::End(i);
            }
            char::from(b)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if is_space(c) {
                return Cut::End(i);
            }
            if is_word_char(c) {
                return Cut::Unicode;
            }
            c
        };
        let len = c.len_utf8();
        out.push(Piece { span: Span::new(i, i + len), text: &text[i..i + len], mark: Some(c) });
        i += len;
        let next_ascii = bytes.get(i).is_some_and(|&b| b < 0x80 && !b.is_ascii_whitespace());
        if out.len() >= round && next_ascii && is_settling_mark(c) {
            return Cut::Settled(i);
        }
    }
    Cut::End(i)
}

fn unicode_pieces<'t>(chunk: &'t str, offset: usize, out: &mut Vec<Piece<'t>>) {
    for (at, bound) in chunk.split_word_bound_indices() {
        // Word bounds keep `Venezuela’s` and `U.S` whole; cut at the inner
        // apostrophes and periods so both paths give the same pieces.
        let mut run_start: Option<usize> = None;
        for (k, c) in bound.char_indices() {
            if is_word_char(c) {
                run_start.get_or_insert(k);
            } else {
                if let Some(s) = run_start.take() {
                    out.push(Piece {
                        span: Span::new(offset + at + s, offset + at + k),
                        text: &bound[s..k],
                        mark: None,
                    });
                }
                let end = k + c.len_utf8();
                out.push(Piece {
                    span: Span::new(offset + at + k, offset + at + end),
                    text: &bound[k..end],
                    mark: Some(c),
                });
            }
        }
        if let Some(s) = run_start {
            let end = bound.len();
            out.push(Piece { span: Span::new(offset + at + s, offset + at + end), text: &bound[s..], mark: None });
        }
    }
}

/// Letters, digits and combining marks (so decomposed `Nicola\u{301}s` stays whole).
#[inline]
fn is_word_char(c: char) -> bool {
    // Curly quotes, dashes and ellipses (General Punctuation, no letter or
    // digit among them) skip the slow Unicode tables.
    if GENERAL_PUNCTUATION.contains(&c) {
        return false;
    }
    c.is_alphanumeric()
        || matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}' | '\u{200d}')
}

/// The punctuation marks of the General Punctuation block, `‐` to `⁞`:
/// no letter, digit or combining mark among them.
pub(crate) const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2010}'..='\u{205e}';

/// Whether a piece's mark is an apostrophe: straight, curly or modifier letter.
#[inline]
fn is_apostrophe(mark: Option<char>) -> bool {
    matches!(mark, Some('\'' | '’' | 'ʼ'))
}

/// Joins the pieces of one chunk into tokens with the news rules.
fn join_pieces(pieces: &[Piece<'_>], line_start: bool, chunk_end: usize, out: &mut Vec<Token>) {
    let mut k = 0;
    while k < pieces.len() {
        let p = pieces[k];
        let next = |d: usize| pieces.get(k + d).map(|q| (q, q.text));
        let Some(mark) = p.mark else {
            // Abbreviations and initials: U.S., J., Sen., e.g.
            if let Some(end) = abbreviation_end(pieces, k) {
                out.push(Token::new(Span::new(p.span.start(), end.1), TokenKind::Abbreviation));
                k = end.0;
                continue;
            }
            let digits = p.text.bytes().all(|b| b.is_ascii_digit());
            if digits {
                // 100,000 and 3.5: separators between digit runs.
                let mut end = k;
                while let (Some(sep), Some((num, num_text))) =
                    (pieces.get(end + 1), pieces.get(end + 2).map(|q| (q, q.text)))
                {
                    if matches!(sep.mark, Some(',' | '.'))
                        && num.is_word()
                        && num_text.bytes().all(|b| b.is_ascii_digit())
                    {
                        end += 2;
                    } else {
                        break;
                    }
                }
                out.push(Token::new(Span::new(p.span.start(), pieces[end].span.end()), TokenKind::Number));
                k = end + 1;
                continue;
            }
            // Contractions and inner apostrophes: wouldn’t, O’Brien; possessive ’s split off.
            let mut end = k;
            while let (Some(apo), Some((rest, rest_text))) =
                (pieces.get(end + 1), pieces.get(end + 2).map(|q| (q, q.text)))
            {
                if !is_apostrophe(apo.mark) || !rest.is_word() {
                    break;
                }
                if matches!(rest_text, "s" | "S") && pieces.get(end + 3).is_none_or(|q| !q.is_word()) {
                    break;
                }
                end += 2;
            }
            out.push(Token::new(Span::new(p.span.start(), pieces[end].span.end()), TokenKind::Word));
            k = end + 1;
            if let (Some(apo), Some((s_piece, s_text))) = (pieces.get(k), pieces.get(k + 1).map(|q| (q, q.text))) {
                if is_apostrophe(apo.mark)
                    && matches!(s_text, "s" | "S")
                    && pieces.get(k + 2).is_none_or(|q| !q.is_word())
                {
                    out.push(Token::new(apo.span.cover(s_piece.span), TokenKind::Possessive));
                    k += 2;
                }
            }
            continue;
        };
        // Punctuation pieces.
        if is_apostrophe(Some(mark)) {
            // ’90s, ’n’
            if let Some((w, w_text)) = next(1) {
                if w.is_word() && w_text.as_bytes()[0].is_ascii_digit() {
                    out.push(Token::new(p.span.cover(w.span), TokenKind::Word));
                    k += 2;
                    continue;
                }
                if w.is_word() && w_text == "n" {
                    if let Some((close, _)) = next(2) {
                        if is_apostrophe(close.mark) {
                            out.push(Token::new(p.span.cover(close.span), TokenKind::Word));
                            k += 3;
                            continue;
                        }
                    }
                }
            }
        }
        let mark_at = |d: usize| pieces.get(k + d).and_then(|q| q.mark);
        let (kind, len) = punct_kind(mark, mark_at(1), mark_at(2));
        let end = pieces[k + len - 1].span.end();
        // `- ` or `• ` opening a line is a list bullet.
        let bullet = k == 0 && line_start && ((kind == TokenKind::Dash && end == chunk_end && len == 1) || mark == '•');
        let kind = if bullet { TokenKind::Bullet } else { kind };
        out.push(Token::new(Span::new(p.span.start(), end), kind));
        k += len;
    }
}

/// The kind of a punctuation piece and how many pieces it takes (for `...`,
/// `--`, ``` `` ``` and `''`).
fn punct_kind(mark: char, next: Option<char>, after: Option<char>) -> (TokenKind, usize) {
    match mark {
        '.' if next == Some('.') && after == Some('.') => (TokenKind::Ellipsis, 3),
        '-' if next == Some('-') => (TokenKind::Dash, 2),
        '`' if next == Some('`') => (TokenKind::Quote, 2),
        '\'' if next == Some('\'') => (TokenKind::Quote, 2),
        '…' => (TokenKind::Ellipsis, 1),
        '.' | '!' | '?' => (TokenKind::Terminal, 1),
        '-' | '–' | '—' | '‒' | '―' | '‐' => (TokenKind::Dash, 1),
        '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‚' | '‹' | '›' | '`' => {
            (TokenKind::Quote, 1)
        }
        _ => (TokenKind::Punct, 1),
    }
}

/// Where an abbreviation starting at word piece `k` ends: `(next piece, end byte)`.
fn abbreviation_end(pieces: &[Piece<'_>], k: usize) -> Option<(usize, usize)> {
    let is_dot = |j: usize| pieces.get(j).is_some_and(|q| q.mark == Some('.'));
    if !is_dot(k + 1) {
        return None;
    }
    let first = pieces[k].text;
    // Dotted letters: U.S., U.N., e.g., a.m.
    let short = |j: usize| {
        pieces.get(j).is_some_and(|q| {
            let mut chars = q.text.chars();
            q.is_word() && chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
        })
    };
    if short(k) {
        let mut j = k;
        while short(j + 2) && is_dot(j + 3) {
            j += 2;
        }
        // a lone initial counts only in upper case (J. K. Rowling), not "a."
        if j > k || first.chars().all(char::is_uppercase) {
            return Some((j + 2, pieces[j + 1].span.end()));
        }
        return None;
    }
    if is_abbreviation(first) {
        return Some((k + 2, pieces[k + 1].span.end()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (&text[t.span()], t.kind)).collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span()]).collect()
    }

    #[test]
    fn a_token_takes_twelve_bytes_and_keeps_its_span() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
        let token = Token::new(Span::new(3, 9), TokenKind::Word);
        assert_eq!(token.span(), Span::new(3, 9));
        let last = Token::new(Span::new(MAX_TOKENIZED_BYTES - 1, MAX_TOKENIZED_BYTES), TokenKind::Punct);
        assert_eq!(last.span(), Span::new(MAX_TOKENIZED_BYTES - 1, MAX_TOKENIZED_BYTES));
        assert_ne!(last.span(), Span::new(0, 1));
    }

    /// A chunk of 1 to `most` strings of `palette`, drawn with an xorshift
    /// generator whose state is `seed`.
    fn random_chunk(seed: &mut u64, palette: &[&str], most: u64) -> String {
        let mut chunk = String::new();
        for _ in 0..1 + *seed % most {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            chunk.push_str(palette[(*seed >> 33) as usize % palette.len()]);
        }
        chunk
    }

    /// The fast path cuts exactly where the Unicode path would.
    #[test]
    fn simple_pieces_match_unicode_pieces() {
        let palette = [
            "a", "Z", "7", "09", "US", ".", ",", "'", "’", "‘", "“", "”", "\"", "—", "–", "…", "-", "$", "€", "%", "«",
            "»", "„", "\u{ad}", "\u{200b}", "\u{591}", "\u{2060}", "\u{fe0f}", "🙂", "🇺🇸", "_", ":", "/", "é",
            "\u{301}", "\u{200d}", "中", "٣",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let (mut simple, mut fallback) = (0, 0);
        for _ in 0..20_000 {
            let chunk = random_chunk(&mut seed, &palette, 7);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            unicode_pieces(&chunk, 3, &mut b);
            let text = format!("   {chunk}");
            if simple_pieces(&text, 3, usize::MAX, &mut a) == Cut::End(text.len()) {
                simple += 1;
                let a: Vec<_> = a.iter().map(|p| (p.span, p.mark)).collect();
                let b: Vec<_> = b.iter().map(|p| (p.span, p.mark)).collect();
                assert_eq!(a, b, "{chunk:?}");
            } else {
                fallback += 1;
            }
        }
        assert!(simple > 1000 && fallback > 1000);
    }

    /// The eight-at-a-time scan agrees with the byte-by-byte test for every
    /// byte value at every position, from every start, near the end too.
    #[test]
    fn ascii_word_end_matches_the_byte_test() {
        let by_bytes = |bytes: &[u8], start: usize| {
            start + bytes.get(start..).map_or(0, |rest| rest.iter().take_while(|&&b| is_ascii_word_byte(b)).count())
        };
        for len in [0, 1, 7, 8, 9, 15, 16, 17, 24] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut bytes = vec![b'k'; len];
                    bytes[at] = b;
                    for start in 0..=len + 1 {
                        assert_eq!(ascii_word_end(&bytes, start), by_bytes(&bytes, start), "{bytes:?} from {start}");
                    }
                }
            }
        }
    }

    /// Joining a long chunk's pieces round by round gives the tokens that
    /// joining them all at once gives, also when a non-ASCII word character
    /// sends the rest of the chunk to the Unicode path.
    #[test]
    fn chunks_joined_in_rounds_match_chunks_joined_whole() {
        let palette = [
            "a", "Zq", "7", "09", "U", ".", ",", "'", "’", "“", "”", "\"", "-", "—", "…", "/", "(", ")", "!", "?", "%",
            "&", "#", "*", "é", "\u{301}", "\u{200d}", "中", "🙂", "s", "n", ":", ";", "•", "_",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..3_000 {
            let chunk = random_chunk(&mut seed, &palette, 40);
            for line_start in [false, true] {
                let (mut whole, mut rounds) = (Vec::new(), Vec::new());
                let end = chunk_in_rounds(&chunk, 0, line_start, usize::MAX, &mut Vec::new(), &mut whole);
                for round in 1..4 {
                    rounds.clear();
                    assert_eq!(chunk_in_rounds(&chunk, 0, line_start, round, &mut Vec::new(), &mut rounds), end);
                    assert_eq!(rounds, whole, "{chunk:?} in rounds of {round}");
                }
            }
        }
    }

    #[test]
    fn general_punctuation_holds_no_word_character() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric() && c != '\u{200d}', "{c:?}");
        }
    }

    #[test]
    fn possessive_is_split_off() {
        assert_eq!(texts("Venezuela’s forces"), ["Venezuela", "’s", "forces"]);
        assert_eq!(texts("Maduro's"), ["Maduro", "'s"]);
        assert_eq!(words("it's")[1].1, TokenKind::Possessive);
    }

    #[test]
    fn contractions_stay_whole() {
        assert_eq!(texts("wouldn’t don't O’Brien"), ["wouldn’t", "don't", "O’Brien"]);
    }

    #[test]
    fn decades_and_rock_n_roll() {
        assert_eq!(texts("the ’90s"), ["the", "’90s"]);
        assert_eq!(texts("rock ’n’ roll"), ["rock", "’n’", "roll"]);
    }

    #[test]
    fn quotes_are_their_own_tokens() {
        assert_eq!(
            words("“Yes,” he said."),
            [
                ("“", TokenKind::Quote),
                ("Yes", TokenKind::Word),
                (",", TokenKind::Punct),
                ("”", TokenKind::Quote),
                ("he", TokenKind::Word),
                ("said", TokenKind::Word),
                (".", TokenKind::Terminal)
            ]
        );
        assert_eq!(texts("``Hi,'' he"), ["``", "Hi", ",", "''", "he"]);
        assert_eq!(texts("‘by land’"), ["‘", "by", "land", "’"]);
    }

    #[test]
    fn dashes_split_compounds() {
        assert_eq!(texts("US-Venezuela Washington–Caracas"), ["US", "-", "Venezuela", "Washington", "–", "Caracas"]);
        assert_eq!(words("a — b")[1], ("—", TokenKind::Dash));
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(texts("100,000 people, 3.5 percent, 1,2"), ["100,000", "people", ",", "3.5", "percent", ",", "1,2"]);
    }

    #[test]
    fn accents_stay_in_words() {
        assert_eq!(texts("Nicolás Curaçao"), ["Nicolás", "Curaçao"]);
        assert_eq!(texts("Nicola\u{301}s"), ["Nicola\u{301}s"]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            words("U.S. Sen. J. K. Rowling")[..4].iter().map(|w| w.1).collect::<Vec<_>>(),
            [TokenKind::Abbreviation; 4]
        );
        assert_eq!(texts("the U.S."), ["the", "U.S."]);
        assert_eq!(texts("plan a. Then"), ["plan", "a", ".", "Then"]);
        assert_eq!(texts("Mr. Smith"), ["Mr.", "Smith"]);
        assert_eq!(texts("end."), ["end", "."]);
    }

    #[test]
    fn ellipsis() {
        assert_eq!(words("cocaine… Venezuela")[1], ("…", TokenKind::Ellipsis));
        assert_eq!(words("wait... no")[1], ("...", TokenKind::Ellipsis));
    }

    #[test]
    fn bullets_only_at_line_start() {
        assert_eq!(words("- Global amnesty")[0].1, TokenKind::Bullet);
        assert_eq!(words("x\n- item")[1].1, TokenKind::Bullet);
        assert_eq!(words("a - b")[1].1, TokenKind::Dash);
        assert_eq!(words("• item")[0].1, TokenKind::Bullet);
        assert_eq!(words("-5 degrees")[0].1, TokenKind::Dash);
    }

    #[test]
    fn crlf_and_bom_are_whitespace() {
        assert_eq!(texts("\u{feff}Hello\r\nWorld\u{a0}now"), ["Hello", "World", "now"]);
    }

    #[test]
    fn plain_chunks_match_the_general_path() {
        let fast_path = |chunk: &str, out: &mut Vec<Token>| {
            plain_chunk(chunk, 0, out).or_else(|| quoted_plain_chunk(chunk, 0, out))
        };
        let general = |chunk: &str| {
            let mut pieces = Vec::new();
            assert_eq!(simple_pieces(chunk, 0, usize::MAX, &mut pieces), Cut::End(chunk.len()));
            let mut out = Vec::new();
            join_pieces(&pieces, false, chunk.len(), &mut out);
            out
        };
        for chunk in
            ["word", "Word,", "U", "J.", "Sen.", "end.", "42", "42.", "3M", "FlightRadar24)", "why?", "a.", "Mr:"]
                .into_iter()
                .chain(["\"\"", "“Yes,”", "\"No\"", "“”\"", "“Sen.”", "“42.\"", "\"said)”", "“Jr.", "\"why?\"\""])
        {
            let mut fast = Vec::new();
            assert_eq!(fast_path(chunk, &mut fast), Some(chunk.len()), "{chunk}");
            assert_eq!(fast, general(chunk), "{chunk}");
        }
        for chunk in ["U.S.", "don't", "a,b", "100,000", "...", "-", "x--", "“‘", "\"a\"b", "a,\",", "''"] {
            assert_eq!(fast_path(chunk, &mut Vec::new()), None, "{chunk}");
        }
        // Every chunk of up to four characters from a small alphabet.
        let alphabet: Vec<char> = "aZJ9.,;:!?)-'\"“”‘".chars().collect();
        let mut chunks = vec![String::new()];
        for _ in 0..4 {
            chunks = chunks.iter().flat_map(|c| alphabet.iter().map(move |a| format!("{c}{a}"))).collect();
            for chunk in &chunks {
                let mut fast = Vec::new();
                if fast_path(chunk, &mut fast).is_some() {
                    assert_eq!(fast, general(chunk), "{chunk}");
                }
            }
        }
    }
}
