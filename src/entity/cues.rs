//! Cue words: what the words next to a name say about it (a speech verb, a
//! team cue, an organisation's noun, a preposition of place, an event word,
//! quote marks around it). Both the rules that find candidates and the
//! typing of unknown ones read them; they know only the [`Context`].

use std::ops::Range;

use crate::token::TokenKind;

use super::context::{Candidate, Context};

/// Whether `word` ends the name of an event or a law, not an entity: `World Cup`, `U.S. Open`, `Gulf War`,
/// `Quux Rights Act`, `Zorblax National Convention`.
#[rustfmt::skip] // one line per initial letter
pub(super) fn is_event_word(word: &str) -> bool {
    // A `match`: a switch on the length, then a comparison or two (a list's `contains` compared them all).
    matches!(
        word,
        "Act"
            | "Championship" | "Championships" | "Classic" | "Convention" | "Cup"
            | "Festival"
            | "Games"
            | "Marathon" | "Masters"
            | "Olympics" | "Open"
            | "Prix"
            | "Trophy"
            | "War"
    )
}

/// Whether `word` reads as an English plural: `Zorblaxes`, `Tigers`, not `Agius`, `Ross`, `Davis`.
pub(super) fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !["ss", "us", "is", "os"].iter().any(|end| word.ends_with(end))
}

/// Whether `tokens` are exactly the words between two quote marks (`the song “Summer Rain”`).
pub(super) fn is_quoted_title(cx: &Context<'_, '_>, tokens: &Range<usize>) -> bool {
    tokens.start > 0
        && cx.tokens[tokens.start - 1].kind == TokenKind::Quote
        && cx.tokens.get(tokens.end).is_some_and(|t| t.kind == TokenKind::Quote)
}

// The cue words below are `match`es: each compiles to a switch on the
// word's length, then a comparison or two of words of that length.

/// Whether `word` is a speech verb next to which an unknown capitalised word
/// is a speaker's name (`“…,” Obama said`, `said O'Neill`).
#[rustfmt::skip] // one line per initial letter
pub(super) fn is_speech_verb(word: &[u8]) -> bool {
    matches!(
        word,
        b"acknowledged" | b"added" | b"argued" | b"asked"
            | b"continued"
            | b"explained"
            | b"insisted"
            | b"noted"
            | b"recalled" | b"replied"
            | b"said" | b"says" | b"stated"
            | b"told" | b"tweeted"
            | b"warned" | b"writes" | b"wrote"
    )
}

/// Whether `word` is a preposition after which an unknown capitalised word
/// names a place (`in Arbil`).
pub(super) fn is_place_preposition(word: &[u8]) -> bool {
    matches!(word, b"in" | b"near" | b"outside")
}

/// Whether `word` comes before a team's name in a match report: `beat
/// Somerset`, `against Kent`, `Leeds v Wimbledon`.
pub(super) fn is_team_cue_before(word: &[u8]) -> bool {
    matches!(word, b"against" | b"beat" | b"beating" | b"defeated" | b"v" | b"v." | b"vs" | b"vs.")
}

/// Whether `word` comes after a team's name in a match report:
/// `Leicestershire beat Somerset`.
pub(super) fn is_team_cue_after(word: &[u8]) -> bool {
    matches!(word, b"beat" | b"defeated" | b"drew" | b"v" | b"v." | b"vs" | b"vs.")
}

/// Whether a name stands where a fixture list or a report puts the place a
/// game is played: right after any `at` (`Zorbton at Quellville`, `ZORBTON AT
/// QUELLVILLE`, `lost 2-1 at Quellville`).
pub(super) fn hosts(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    c.tokens.start > 0 && matches!(cx.word_bytes(c.tokens.start - 1), b"at" | b"AT")
}

/// Whether an unknown name stands where a match report puts a team.
pub(super) fn plays(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    let word_at = |k: usize| (k < cx.tokens.len()).then(|| cx.word_bytes(k));
    let before = |n: usize| c.tokens.start.checked_sub(n).and_then(word_at);
    // An article may come between: `beat the Mets`.
    let cue = if before(1) == Some(b"the") { before(2) } else { before(1) };
    cue.is_some_and(is_team_cue_before) || word_at(c.tokens.end).is_some_and(is_team_cue_after)
}

/// Whether `word` is a common noun that, right after a name (possibly after
/// its `'s`), makes the name an organisation's: `the Zorblax newspaper`,
/// `Zorblax striker Tom Smith`, `Zorblax 's shares`. Nouns that follow a
/// person's name as often (`campaign`, `spokesman`, `administration`) are not here.
#[rustfmt::skip] // one line per initial letter
pub(super) fn is_org_noun(word: &[u8]) -> bool {
    matches!(
        word,
        b"affiliate"
            | b"bank" | b"brokerage"
            | b"club" | b"coach" | b"company"
            | b"daily" | b"defender"
            | b"executives"
            | b"firm" | b"forward"
            | b"goalkeeper" | b"group"
            | b"midfielder"
            | b"newspaper"
            | b"party"
            | b"shareholders" | b"shares" | b"stock" | b"striker" | b"subsidiary"
            | b"unit"
            | b"weekly"
    )
}

/// Whether `word` is the legal suffix of a company's name (`Corp`, `Ltd`,
/// `AG`), before which the name is the company's short form.
#[rustfmt::skip] // one line per initial letter
pub(super) fn is_company_suffix(word: &str) -> bool {
    matches!(
        word,
        "AB" | "AG" | "ASA"
            | "Bhd" | "Berhad"
            | "Co" | "Co." | "Corp" | "Corp." | "Corporation" | "Cos" | "Cos."
            | "GmbH" | "Group"
            | "Holdings"
            | "Inc" | "Inc."
            | "LLC" | "Limited" | "Ltd" | "Ltd."
            | "NV" | "N.V."
            | "Oy" | "Oyj"
            | "PLC" | "Plc" | "plc"
            | "SA" | "S.A." | "SpA"
    )
}

/// Whether `word` is a common noun that, right before a name, makes it an
/// organisation's: `the daily Zorblax`, `news agency Zorblax`, `northern side
/// Zorblax`, `software retailer Zorblax`.
#[rustfmt::skip] // one line per initial letter
pub(super) fn is_org_noun_before(word: &[u8]) -> bool {
    matches!(
        word,
        b"agency" | b"airline"
            | b"broadcaster" | b"brokerage"
            | b"carrier" | b"club"
            | b"daily"
            | b"firm"
            | b"insurer"
            | b"magazine"
            | b"newspaper"
            | b"retailer"
            | b"side"
            | b"tabloid"
            | b"weekly"
    )
}

/// Whether `c` stands in a scorers' list: a minute follows it (`26th`) and a
/// bracket, a comma or a line break comes before it (`( Quux 26th , Zorbl 37th )`).
pub(super) fn scored_in_minute(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    if c.tokens.end >= cx.tokens.len() {
        return false;
    }
    let minute = cx.word_bytes(c.tokens.end);
    let digits = minute.iter().take_while(|b| b.is_ascii_digit()).count();
    let ordinal = (1..=3).contains(&digits) && matches!(&minute[digits..], b"st" | b"nd" | b"rd" | b"th");
    let listed = || match c.tokens.start.checked_sub(1) {
        None => true,
        Some(k) => {
            let gap = &cx.text.as_bytes()[cx.tokens[k].span().end()..cx.tokens[c.tokens.start].span().start()];
            matches!(cx.word_bytes(k), b"(" | b",") || gap.contains(&b'\n')
        }
    };
    ordinal && listed()
}

/// Whether an organisation's noun follows `c`: `Zorblax shares`, `Zorblax 's striker`.
pub(super) fn org_noun_after(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    let mut k = c.tokens.end;
    if cx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Possessive) {
        k += 1;
    }
    // At a sentence start the capital proves nothing (`Central bank officials`), so only a possessive or a player tells.
    let player = |w: &[u8]| matches!(w, b"defender" | b"goalkeeper" | b"midfielder" | b"striker");
    k < cx.tokens.len()
        && is_org_noun(cx.word_bytes(k))
        && (!c.sentence_initial || k > c.tokens.end || player(cx.word_bytes(k)))
}

/// Whether `c` stands alone in brackets right after a person's name, as a
/// squad list gives each player's club: `Tom Smith ( Zorblax )`. (A place
/// there is typed by the gazetteer before this is asked.)
pub(super) fn club_after_person(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    let (start, end) = (c.tokens.start, c.tokens.end);
    let bracketed = start >= 2
        && cx.word_bytes(start - 1) == b"("
        && cx.tokens.get(end).is_some_and(|_| cx.word_bytes(end) == b")");
    // The name before the bracket ends in a word in title case (`Tom Smith`, `Frank de Boer`), after a capitalised word.
    let title_case = |k: usize| cx.is_capitalised(k) && cx.word_bytes(k)[1..].iter().all(u8::is_ascii_lowercase);
    bracketed && start >= 3 && title_case(start - 2) && cx.is_capitalised(start - 3)
}
