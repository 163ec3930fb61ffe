//! Names written in capitals: datelines (`LONDON`), headlines and sports
//! tables (`NEW YORK 74 59`).
//!
//! The gazetteer matches case-sensitively, so `US` is never `us`. Words in
//! capitals are looked up apart, through the upper-case forms of the
//! bundled surfaces that have lower-case letters ([`WordLists::shouted_surface`]):
//! `NEW YORK` finds `New York`. Surfaces written in capitals in the lexicons
//! (`UN`, `NATO`) are already found by the gazetteer.
//!
//! [`WordLists::shouted_surface`]: super::WordLists::shouted_surface

use crate::token::TokenKind;

use super::context::{Context, NameStarts, TokenHits};
use super::lists;

/// The most words a name in capitals is looked up with.
const LONGEST: usize = 4;

/// Adds gazetteer hits for names written in capitals to `hits` (by start
/// token: `(end token, entry)`), where no hit covers the tokens yet. Names
/// in capitals start where `starts` says names may.
pub(crate) fn add_hits(cx: &Context<'_, '_>, starts: &NameStarts, hits: &mut TokenHits) {
    let mut key = String::new();
    let n = cx.tokens.len();
    let mut k = starts.next(0, n);
    while k < n {
        if let Some((end, _)) = hits.at(k) {
            k = starts.next(end.max(k + 1), n);
            continue;
        }
        // Tokens hold no space: a name that starts with none of the words
        // the names in capitals start with is no such name, whatever its length.
        if !is_shouted(cx, k) || !cx.lists.may_start_shouted_surface(cx.word(k)) {
            k = starts.next(k + 1, n);
            continue;
        }
        let shouted =
            1 + (k + 1..n.min(k + LONGEST)).take_while(|&j| is_shouted(cx, j) && hits.at(j).is_none()).count();
        let found = (1..=shouted).rev().find_map(|len| lookup(cx, k, len, &mut key).map(|entry| (len, entry)));
        let next = match found {
            Some((len, entry)) => {
                hits.insert(k, k + len, entry);
                k + len
            }
            None => k + 1,
        };
        k = starts.next(next, n);
    }
}

/// Whether token `k` is a word of two letters or more, all capitals: `LONDON`, `ST.`.
#[inline(always)] // asked of every token: the first-byte test must not cost a call
fn is_shouted(cx: &Context<'_, '_>, k: usize) -> bool {
    let token = cx.tokens[k];
    let (bytes, start) = (cx.text.as_bytes(), token.span().start());
    // Most tokens start with a lower-case letter, and most other words go on
    // with one: ruled out on their first two bytes.
    matches!(token.kind, TokenKind::Word | TokenKind::Abbreviation)
        && !bytes[start].is_ascii_lowercase()
        && token.span().len() >= 2
        && !bytes[start + 1].is_ascii_lowercase()
        && lists::is_shouted(&cx.text[token.span()])
}

/// The gazetteer entry of the `len` capitalised words at `k`, read in lexicon
/// case; `key` is scratch space for the words joined.
fn lookup(cx: &Context<'_, '_>, k: usize, len: usize, key: &mut String) -> Option<usize> {
    key.clear();
    for j in k..k + len {
        if j > k {
            key.push(' ');
        }
        key.push_str(&cx.text[cx.tokens[j].span()]);
    }
    cx.gazetteer.entry_of(cx.lists.shouted_surface(key)?)
}
