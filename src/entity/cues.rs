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

/// The kinds of cue a word may be, one bit each. A word next to a name is
/// classified once ([`Cues::of`]), and each test of it is then a mask:
/// one `match` instead of one for each list it might be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cues(u16);

impl Cues {
    /// No cue: most words.
    pub(super) const NONE: Cues = Cues(0);
    /// A speech verb, next to which an unknown capitalised word is a
    /// speaker's name (`“…,” Obama said`, `said O'Neill`).
    pub(super) const SPEECH_VERB: Cues = Cues(1);
    /// A word before a team's name in a match report: `beat Somerset`,
    /// `against Kent`, `Leeds v Wimbledon`.
    pub(super) const TEAM_BEFORE: Cues = Cues(1 << 1);
    /// A word after a team's name in a match report: `Leicestershire beat Somerset`.
    pub(super) const TEAM_AFTER: Cues = Cues(1 << 2);
    /// A common noun that, right after a name (possibly after its `'s`),
    /// makes the name an organisation's: `the Zorblax newspaper`, `Zorblax
    /// striker Tom Smith`, `Zorblax 's shares`. Nouns that follow a person's
    /// name as often (`campaign`, `spokesman`, `administration`) are not among them.
    pub(super) const ORG_NOUN: Cues = Cues(1 << 3);
    /// A player's position (`striker`), an [`Cues::ORG_NOUN`] that makes a
    /// club's name even of a sentence's first word.
    pub(super) const PLAYER: Cues = Cues(1 << 4);
    /// A preposition after which an unknown capitalised word names a place (`in Arbil`).
    pub(super) const PLACE_PREPOSITION: Cues = Cues(1 << 5);
    /// `the`, which may stand between a team cue and the team (`beat the Mets`).
    pub(super) const THE: Cues = Cues(1 << 6);
    /// `The`, at a sentence start.
    pub(super) const THE_CAPITALISED: Cues = Cues(1 << 7);
    /// A word that opens an appositive after a comma: `who`, `the`, `a`, `an`.
    pub(super) const APPOSITIVE: Cues = Cues(1 << 8);
    /// An opening bracket.
    pub(super) const OPEN_BRACKET: Cues = Cues(1 << 9);
    /// A closing bracket.
    pub(super) const CLOSE_BRACKET: Cues = Cues(1 << 10);
    /// A comma.
    pub(super) const COMMA: Cues = Cues(1 << 11);

    /// The kinds of cue `word` is. A `match` compiles to a switch on the
    /// word's length, then a few comparisons of words of that length.
    #[rustfmt::skip] // one line per initial letter
    pub(super) fn of(word: &[u8]) -> Cues {
        const SPEECH: u16 = Cues::SPEECH_VERB.0;
        const BEFORE: u16 = Cues::TEAM_BEFORE.0;
        const AFTER: u16 = Cues::TEAM_AFTER.0;
        const ORG: u16 = Cues::ORG_NOUN.0;
        const PLAYER: u16 = Cues::ORG_NOUN.0 | Cues::PLAYER.0;
        Cues(match word {
            b"(" => Cues::OPEN_BRACKET.0,
            b")" => Cues::CLOSE_BRACKET.0,
            b"," => Cues::COMMA.0,
            b"a" | b"an" | b"who" => Cues::APPOSITIVE.0,
            b"the" => Cues::THE.0 | Cues::APPOSITIVE.0,
            b"The" => Cues::THE_CAPITALISED.0,
            b"in" | b"near" | b"outside" => Cues::PLACE_PREPOSITION.0,
            b"acknowledged" | b"added" | b"argued" | b"asked" => SPEECH,
            b"affiliate" => ORG,
            b"against" => BEFORE,
            b"bank" => ORG,
            b"beat" | b"defeated" | b"v" | b"v." | b"vs" | b"vs." => BEFORE | AFTER,
            b"beating" => BEFORE,
            b"brokerage" | b"club" | b"coach" | b"company" | b"daily" | b"firm" | b"newspaper" | b"weekly" => ORG,
            b"continued" => SPEECH,
            b"defender" => PLAYER,
            b"drew" => AFTER,
            b"executives" => ORG,
            b"explained" => SPEECH,
            b"forward" => ORG,
            b"goalkeeper" => PLAYER,
            b"group" => ORG,
            b"insisted" => SPEECH,
            b"midfielder" => PLAYER,
            b"noted" => SPEECH,
            b"party" => ORG,
            b"recalled" | b"replied" => SPEECH,
            b"said" | b"says" | b"stated" => SPEECH,
            b"shareholders" | b"shares" | b"stock" | b"subsidiary" => ORG,
            b"striker" => PLAYER,
            b"told" | b"tweeted" => SPEECH,
            b"unit" => ORG,
            b"warned" | b"writes" | b"wrote" => SPEECH,
            _ => 0,
        })
    }

    /// Whether the word is a cue of any of `kinds`.
    #[inline]
    pub(super) fn any(self, kinds: Cues) -> bool {
        self.0 & kinds.0 != 0
    }

    /// The kinds of cue of this word or `other`.
    #[inline]
    pub(super) fn or(self, other: Cues) -> Cues {
        Cues(self.0 | other.0)
    }
}

/// Whether `word` is a speech verb next to which an unknown capitalised word
/// is a speaker's name (`“…,” Obama said`, `said O'Neill`).
pub(super) fn is_speech_verb(word: &[u8]) -> bool {
    Cues::of(word).any(Cues::SPEECH_VERB)
}

/// Whether `word` is a common noun that, right before a name, makes it an
/// organisation's: `the daily Zorblax`, `news agency Zorblax`, `northern side
/// Zorblax`, `software retailer Zorblax`. (Only the rules ask, of the word
/// before a run: a `match` of its own.)
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

/// The kinds of cue token `k` is (none past the text's ends).
fn cues_at(cx: &Context<'_, '_>, k: Option<usize>) -> Cues {
    k.filter(|&k| k < cx.tokens.len()).map_or(Cues::NONE, |k| Cues::of(cx.word_bytes(k)))
}

/// The kinds of cue the tokens right before and right after a candidate
/// are, each classified once for all the tests that read them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sides {
    /// The token before the candidate.
    pub(super) before: Cues,
    /// The token after it.
    pub(super) after: Cues,
}

impl Sides {
    /// The sides of `c`.
    pub(super) fn of(cx: &Context<'_, '_>, c: &Candidate) -> Sides {
        Sides { before: cues_at(cx, c.tokens.start.checked_sub(1)), after: cues_at(cx, Some(c.tokens.end)) }
    }
}

/// Whether a name stands where a fixture list or a report puts the place a
/// game is played: right after any `at` (`Zorbton at Quellville`, `ZORBTON AT
/// QUELLVILLE`, `lost 2-1 at Quellville`).
pub(super) fn hosts(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    c.tokens.start > 0 && matches!(cx.word_bytes(c.tokens.start - 1), b"at" | b"AT")
}

/// Whether an unknown name stands where a match report puts a team; `sides` are its [`Sides`].
pub(super) fn plays(cx: &Context<'_, '_>, c: &Candidate, sides: &Sides) -> bool {
    // An article may come between: `beat the Mets`.
    let before = if sides.before.any(Cues::THE) { cues_at(cx, c.tokens.start.checked_sub(2)) } else { sides.before };
    before.any(Cues::TEAM_BEFORE) || sides.after.any(Cues::TEAM_AFTER)
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

/// Whether `c`, whose [`Sides`] are `sides`, stands in a scorers' list: a
/// minute follows it (`26th`) and a bracket, a comma or a line break comes
/// before it (`( Quux 26th , Zorbl 37th )`).
pub(super) fn scored_in_minute(cx: &Context<'_, '_>, c: &Candidate, sides: &Sides) -> bool {
    // Most words after a name start with no digit: one byte rules them out.
    let Some(minute) = cx.tokens.get(c.tokens.end).map(|_| cx.word_bytes(c.tokens.end)) else {
        return false;
    };
    if !minute.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let digits = minute.iter().take_while(|b| b.is_ascii_digit()).count();
    let ordinal = (1..=3).contains(&digits) && matches!(&minute[digits..], b"st" | b"nd" | b"rd" | b"th");
    let listed = || match c.tokens.start.checked_sub(1) {
        None => true,
        Some(k) => {
            let gap = &cx.text.as_bytes()[cx.tokens[k].span().end()..cx.tokens[c.tokens.start].span().start()];
            sides.before.any(Cues::OPEN_BRACKET.or(Cues::COMMA)) || gap.contains(&b'\n')
        }
    };
    ordinal && listed()
}

/// Whether an organisation's noun follows `c`, whose [`Sides`] are `sides`:
/// `Zorblax shares`, `Zorblax 's striker`.
pub(super) fn org_noun_after(cx: &Context<'_, '_>, c: &Candidate, sides: &Sides) -> bool {
    let possessive = cx.tokens.get(c.tokens.end).is_some_and(|t| t.kind == TokenKind::Possessive);
    let noun = if possessive { cues_at(cx, Some(c.tokens.end + 1)) } else { sides.after };
    // At a sentence start the capital proves nothing (`Central bank officials`), so only a possessive or a player tells.
    noun.any(Cues::ORG_NOUN) && (!c.sentence_initial || possessive || noun.any(Cues::PLAYER))
}

/// Whether `c`, whose [`Sides`] are `sides`, stands alone in brackets right
/// after a person's name, as a squad list gives each player's club: `Tom
/// Smith ( Zorblax )`. (A place there is typed by the gazetteer before this is asked.)
pub(super) fn club_after_person(cx: &Context<'_, '_>, c: &Candidate, sides: &Sides) -> bool {
    let start = c.tokens.start;
    let bracketed = sides.before.any(Cues::OPEN_BRACKET) && sides.after.any(Cues::CLOSE_BRACKET);
    // The name before the bracket ends in a word in title case (`Tom Smith`, `Frank de Boer`), after a capitalised word.
    let title_case = |k: usize| cx.is_capitalised(k) && cx.word_bytes(k)[1..].iter().all(u8::is_ascii_lowercase);
    bracketed && start >= 3 && title_case(start - 2) && cx.is_capitalised(start - 3)
}

#[cfg(test)]
mod tests {
    use super::Cues;

    #[test]
    fn a_word_is_every_kind_of_cue_its_lists_make_it() {
        assert_eq!(Cues::of(b"said"), Cues::SPEECH_VERB);
        assert_eq!(Cues::of(b"beat"), Cues::TEAM_BEFORE.or(Cues::TEAM_AFTER));
        assert_eq!(Cues::of(b"against"), Cues::TEAM_BEFORE);
        assert_eq!(Cues::of(b"striker"), Cues::ORG_NOUN.or(Cues::PLAYER));
        assert_eq!(Cues::of(b"daily"), Cues::ORG_NOUN);
        assert_eq!(Cues::of(b"the"), Cues::THE.or(Cues::APPOSITIVE));
        assert_eq!(Cues::of(b"The"), Cues::THE_CAPITALISED);
        assert_eq!(Cues::of(b"("), Cues::OPEN_BRACKET);
        // Case and a letter more or less make another word, no cue.
        for word in [&b"Said"[..], b"sai", b"saids", b"", b"campaign"] {
            assert_eq!(Cues::of(word), Cues::NONE, "{}", String::from_utf8_lossy(word));
        }
    }
}
