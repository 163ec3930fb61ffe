//! What the entity stages share: the document as the rules read it
//! ([`Context`]), the lexicon hits by token ([`TokenHits`]), the tokens a name
//! may start at ([`NameStarts`]), and the candidates the rules hand on
//! ([`Candidate`], with the [`Evidence`] found for each).

use std::ops::Range;

use crate::gazetteer::{Gazetteer, Hit};
use crate::lexicon::Entry;
use crate::segment::Segments;
use crate::token::{Token, TokenKind};
use crate::token_bits::TokenBits;
use crate::{Label, Span};

use super::{Gender, WordLists};

/// What a piece of a run was found to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A gazetteer hit on this entry.
    Lexicon(usize),
    /// A rule decided the label.
    Rule(Label),
    /// A place written with its score in a sports result: the team named after it (ORG).
    Team,
    /// Capitalised, but nothing says what it is yet.
    Unknown,
}

/// A candidate mention found by the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Where the name is.
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// What the rules know about it.
    pub evidence: Evidence,
    /// A title written before it.
    pub title: Option<Span>,
    /// Gender from the title or given name.
    pub gender: Gender,
    /// Whether it starts its sentence (so its capital letter proves nothing).
    pub sentence_initial: bool,
}

/// The context the rules need.
pub struct Context<'c, 'a> {
    /// The input.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'c [Token],
    /// Its paragraphs and sentences.
    pub segments: &'c Segments,
    /// Entity lexicons.
    pub gazetteer: &'c Gazetteer,
    /// Word lists.
    pub lists: &'c WordLists,
}

impl<'c, 'a> Context<'c, 'a> {
    /// The text of token `k`.
    #[inline] // a slice of the text: a call costs more than the slicing
    pub fn word(&self, k: usize) -> &'a str {
        &self.text[self.tokens[k].span()]
    }

    /// The bytes of token `k`, for comparisons with ASCII words (no slicing on character boundaries).
    pub fn word_bytes(&self, k: usize) -> &'a [u8] {
        &self.text.as_bytes()[self.tokens[k].span().range()]
    }

    /// Whether token `k` is a word or abbreviation with a capital first letter.
    #[inline] // asked of most tokens the rules pass: a call costs as much as the test
    pub fn is_capitalised(&self, k: usize) -> bool {
        let t = self.tokens[k];
        if !matches!(t.kind, TokenKind::Word | TokenKind::Abbreviation) {
            return false;
        }
        // Most words start with an ASCII letter: no need to decode a character.
        match self.text.as_bytes()[t.span().start()] {
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.word(k).chars().next().is_some_and(char::is_uppercase),
        }
    }

    pub(super) fn entry(&self, index: usize) -> &'c Entry<'static> {
        &self.gazetteer.entries()[index]
    }

    /// The span from the start of token `range.start` to the end of token `range.end - 1`.
    pub fn span(&self, range: &Range<usize>) -> Span {
        self.tokens[range.start].span().cover(self.tokens[range.end - 1].span())
    }
}

/// The lexicon hits of a document by start token: where each ends, and its
/// entry. Four bytes a token, so the table of a long document stays small.
pub(crate) struct TokenHits {
    /// For each token, 1 + the index in `hits` of the hit that starts there (0: none does).
    by_token: Vec<u32>,
    /// The end token and the entry of each hit.
    hits: Vec<(usize, usize)>,
}

impl TokenHits {
    /// Gazetteer hits that start and end on token boundaries; their starts are marked in `starts`.
    pub(super) fn of(cx: &Context<'_, '_>, hits: &[Hit], starts: &mut NameStarts) -> TokenHits {
        let mut table = TokenHits { by_token: vec![0; cx.tokens.len()], hits: Vec::with_capacity(hits.len()) };
        let mut k = 0;
        for hit in hits {
            // The first token not before the hit: one of the next few where hits
            // are dense, else a binary search.
            let before = |t: &Token| t.span().start() < hit.span.start();
            let near = cx.tokens[k..].iter().take(4).position(|t| !before(t));
            k += near.unwrap_or_else(|| cx.tokens[k..].partition_point(before));
            if k == cx.tokens.len() || cx.tokens[k].span().start() != hit.span.start() {
                continue;
            }
            let mut end = k;
            while end < cx.tokens.len() && cx.tokens[end].span().end() <= hit.span.end() {
                end += 1;
            }
            if end > k && cx.tokens[end - 1].span().end() == hit.span.end() {
                table.insert(k, end, hit.entry);
                starts.insert(k);
            }
        }
        table
    }

    /// The end token and the entry of the hit that starts at token `k`, if one does.
    #[inline]
    pub(crate) fn at(&self, k: usize) -> Option<(usize, usize)> {
        let i = self.by_token[k] as usize;
        (i > 0).then(|| self.hits[i - 1])
    }

    /// Records a hit of tokens `k..end` on `entry`, where no hit starts yet.
    /// A document that has 2^32 − 1 hits already (over 4 GiB of text) records
    /// no more: its later names are found by the rules alone.
    pub(crate) fn insert(&mut self, k: usize, end: usize, entry: usize) {
        debug_assert_eq!(self.by_token[k], 0, "one hit per start token");
        let Ok(number) = u32::try_from(self.hits.len() + 1) else {
            return;
        };
        self.hits.push((end, entry));
        self.by_token[k] = number;
    }
}

/// The tokens a name may start at, one bit each: where a gazetteer hit
/// starts, and words whose first byte is no ASCII lower-case letter (every
/// capitalised word, every word in capitals). Most tokens are neither, and
/// the passes over a document's names skip them a word of bits at a time.
pub(crate) struct NameStarts(TokenBits);

impl NameStarts {
    /// The words of `cx` that may start a name (hits are marked by [`NameStarts::insert`]).
    pub(super) fn of_words(cx: &Context<'_, '_>) -> NameStarts {
        // Both tests are taken, with `&`: a branch on the kind of each token
        // would be mispredicted about as often as it is taken.
        let bytes = cx.text.as_bytes();
        NameStarts(TokenBits::of(cx.tokens, |token| {
            matches!(token.kind, TokenKind::Word | TokenKind::Abbreviation)
                & bytes.get(token.span().start()).is_some_and(|b| !b.is_ascii_lowercase())
        }))
    }

    /// Marks token `k` as a possible start.
    pub(super) fn insert(&mut self, k: usize) {
        self.0.insert(k);
    }

    /// The first token from `k` on, before `limit`, that a name may start at (`limit` when none).
    #[inline]
    pub(crate) fn next(&self, k: usize, limit: usize) -> usize {
        self.0.next(k, limit).unwrap_or(limit)
    }
}
