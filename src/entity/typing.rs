//! Typing from evidence: what an unknown candidate is, read off the words
//! around it (a speech verb, a team cue, an organisation's noun, a place
//! preposition, a place in brackets) and its own shape (title case, an
//! acronym), before [`super::merge`] looks at the rest of the document.
//!
//! - An unknown name next to a speech verb, before a minute in a scorers'
//!   list (`( Quuxley 26th ,`), or of two or three words before a place in
//!   brackets (`Sven Nylander ( Sweden )`), is a person; a single
//!   word where a match report puts a team (`beat Somerset`, `against the
//!   Mets`, `Kent drew`) or a club in brackets after a player (`Tom Smith (
//!   Zorblax )`) or after a competitor and country (`Tom Quux ( Italy )
//!   Zorblax`), a plural after `the` (`the Zorblaxes`), and a name before an
//!   organisation's noun (`the Zorblax newspaper`, `Zorblax striker`), are
//!   organisations.
//! - An acronym among lower-case words (`the KDPI`) is an organisation,
//!   unless another mention of it says otherwise.
//! - An unknown single word becomes a person when it is a known surname
//!   outside sentence-initial position, or a kinship appositive between
//!   commas (`his wife, Zorba,`); an unknown run of two to four
//!   words outside sentence-initial position becomes a person, or an
//!   organisation when it holds a connector (`of`, `&`), or nothing when it
//!   ends in an event or law word (`World Cup`, `Quux Rights Act`). At a
//!   sentence start a pair of words is a person before an appositive after
//!   a comma or a dash (`Zorba Quelling — a surgeon`), or when its first
//!   word is a given name of the wider list before a comma, a dash or a
//!   lower-case word (`Aoife Zorbl met`). The rest is left open.

use std::ops::Range;

use crate::token::{Token, TokenKind};
use crate::{Label, Span};

use super::context::{Candidate, Context};
use super::cues::{
    club_after_person, is_event_word, is_plural, is_quoted_title, org_noun_after, plays, scored_in_minute, Cues, Sides,
};
use super::rules::is_relation;
use super::{lists, Gender};

/// What [`guess`] makes of an unknown candidate on its own evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Guess {
    /// A name with this label.
    Label(Label),
    /// No label yet: another mention of the same name may lend it one.
    Open,
    /// This label unless another mention of the same name lends it one: a
    /// guess from the name's shape alone (an acronym is an organisation),
    /// which must not overrule evidence (`PENCE:` after `Mike Pence`).
    Fallback(Label),
    /// A function word, month or weekday is among its words: never a name.
    Never,
}

impl Guess {
    /// The label guessed, if any.
    pub(super) fn label(self) -> Option<Label> {
        match self {
            Guess::Label(label) => Some(label),
            Guess::Open | Guess::Never | Guess::Fallback(_) => None,
        }
    }

    /// The label to fall back on when no other mention lends one.
    pub(super) fn fallback(self) -> Option<Label> {
        match self {
            Guess::Fallback(label) => Some(label),
            _ => None,
        }
    }
}

/// What an unknown candidate is on its own evidence.
pub(super) fn guess(cx: &Context<'_, '_>, c: &Candidate) -> Guess {
    // One pass over the words, each sliced once: a function word rules the name out, the shapes add up.
    let mut shape = WordShape { title_case: true, name_chars: true };
    let (mut first, mut last) = ("", "");
    let mut connector = false;
    for k in c.tokens.clone() {
        let word = cx.word(k);
        if cx.lists.is_function_word(word) {
            return Guess::Never;
        }
        let word_shape = word_shape(word);
        shape.title_case &= word_shape.title_case;
        shape.name_chars &= word_shape.name_chars;
        connector |= matches!(word.as_bytes(), b"of" | b"&" | b"for" | b"and");
        if k == c.tokens.start {
            first = word;
        }
        last = word;
    }
    if c.tokens.len() == 1 && lists::is_acronym(first) && stands_alone(cx, c) && among_lower_case(cx, c) {
        return Guess::Fallback(Label::Org);
    }
    // A dateline's place: `ZORBTON , Iraq 1996-08-23`.
    if c.tokens.len() <= 3 && opens_dateline(cx, c) {
        return Guess::Label(Label::Gpe);
    }
    let words = Words { first, last, shape, connected: c.tokens.len() >= 2 && connector };
    label_of_unknown(cx, c, &words).map_or(Guess::Open, Guess::Label)
}

/// What [`guess`] read off a candidate's own words.
struct Words<'a> {
    /// The first word.
    first: &'a str,
    /// The last word.
    last: &'a str,
    /// The shape all the words share.
    shape: WordShape,
    /// Two words or more, one of them a connector (`of`, `&`, `for`, `and`).
    connected: bool,
}

/// The label of an unknown candidate without function words, if it is worth
/// keeping, given what its own `words` are.
fn label_of_unknown(cx: &Context<'_, '_>, c: &Candidate, words: &Words<'_>) -> Option<Label> {
    let count = c.tokens.len();
    // A title in quote marks (`the song “Summer Rain”`) names a work, not a person.
    if is_quoted_title(cx, &c.tokens) {
        return None;
    }
    // Title case (`Smith`, also `smith`) and, besides, only letters, apostrophes and hyphens.
    let (title_case, name_like) = (words.shape.title_case, words.shape.title_case && words.shape.name_chars);
    // The words on either side, each classified once for all the cues below.
    let sides = Sides::of(cx, c);
    // Next to a speech verb, or before a place in brackets.
    if name_like
        && !words.connected
        && count <= 3
        && ((sides.before.or(sides.after).any(Cues::SPEECH_VERB) && may_be_a_speaker(cx, c))
            || (count >= 2 && place_in_brackets_after(cx, c, &sides))
            || scored_in_minute(cx, c, &sides))
    {
        return Some(Label::Person);
    }
    // Asked only of names, the cues before whether it stands alone: most words are next to none.
    let plays_or_belongs = || {
        count == 1
            && (plays(cx, c, &sides)
                || club_after_person(cx, c, &sides)
                || team_after_nationality(cx, c, &sides)
                || plural_after_the(cx, c, &sides))
            && stands_alone(cx, c)
    };
    if name_like
        && (plays_or_belongs() || (count <= 3 && org_noun_after(cx, c, &sides) && (count > 1 || stands_alone(cx, c))))
    {
        return Some(Label::Org);
    }
    if c.sentence_initial {
        // A sentence-initial pair of capitalised words is a name when an appositive follows,
        // after a comma or a dash (`Zorba Quelling — a surgeon —`).
        let appositive = || {
            (sides.after.any(Cues::COMMA) || spaced_dash_at(cx, c.tokens.end))
                && c.tokens.end + 1 < cx.tokens.len()
                && Cues::of(cx.word_bytes(c.tokens.end + 1)).any(Cues::APPOSITIVE)
        };
        let given_first = || count == 2 && opens_with_given_name(cx, c, words.first);
        return ((2..=3).contains(&count) && name_like && (appositive() || given_first())).then_some(Label::Person);
    }
    match count {
        1 => {
            // `near Trinidad`: the preposition outweighs a surname list.
            if name_like && sides.before.any(Cues::PLACE_PREPOSITION) {
                Some(Label::Gpe)
            } else if (title_case && cx.lists.is_surname(words.first) && !ends_a_periodicals_name(cx, c))
                // A kinship appositive: `his wife, Zorba,`.
                || (name_like && sides.before.any(Cues::COMMA) && relation_appositive(cx, c))
            {
                Some(Label::Person)
            } else {
                None
            }
        }
        2..=4 => {
            if is_event_word(words.last) {
                None
            } else if words.connected {
                Some(Label::Org)
            } else if title_case {
                Some(Label::Person)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether a sentence-initial pair of words opens with a given name that the
/// wider list of given names knows (`Aoife`, `Keir`) and goes on with a comma,
/// a dash or a lower-case word: `Keir Zorbl, 45,`, `Aoife Zorbl — a surgeon`,
/// `Aoife Zorbl met`.
fn opens_with_given_name(cx: &Context<'_, '_>, c: &Candidate, first: &str) -> bool {
    let k = c.tokens.end;
    let Some(next) = cx.tokens.get(k) else {
        return false;
    };
    let lower = next.kind == TokenKind::Word && cx.text.as_bytes()[next.span().start()].is_ascii_lowercase();
    (lower || cx.word_bytes(k) == b"," || spaced_dash_at(cx, k)) && cx.lists.strong_gender(first) != Gender::Unknown
}

/// Whether one-word `c` after a comma stands as a kinship appositive: a
/// relation noun before the comma, a comma or a full stop after it (`his
/// wife, Zorba,`, `her son, Quell.`), so it names a person.
fn relation_appositive(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    let (start, end) = (c.tokens.start, c.tokens.end);
    start >= 2
        && end < cx.tokens.len()
        && matches!(cx.word_bytes(end), b"," | b".")
        && is_relation(cx.word_bytes(start - 2))
}

/// Whether token `k` is a dash with a space before it (`Quelling — a`, not `Quelling-era`).
fn spaced_dash_at(cx: &Context<'_, '_>, k: usize) -> bool {
    k > 0
        && cx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Dash)
        && cx.tokens[k - 1].span().end() < cx.tokens[k].span().start()
}

/// Whether one-word `c` is `Daily` or `Weekly` right after a capitalised word
/// or its possessive: the last word of a newspaper's or show's name
/// (`Zorblax News Daily`, `the People 's Weekly`), not a person by itself.
fn ends_a_periodicals_name(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    if !matches!(cx.word_bytes(c.tokens.start), b"Daily" | b"Weekly") {
        return false;
    }
    // A possessive is one token (`Quux's`) or, in spaced text, up to two (`Quux 's`, `Quux ' s`).
    let possessive =
        |k: usize| cx.tokens[k].kind == TokenKind::Possessive || matches!(cx.word(k), "'s" | "’s" | "s" | "'" | "’");
    let mut k = c.tokens.start;
    for _ in 0..2 {
        match k.checked_sub(1) {
            Some(before) if possessive(before) => k = before,
            _ => break,
        }
    }
    k.checked_sub(1).is_some_and(|before| cx.is_capitalised(before))
}

/// Whether no word but a possessive touches `c` and no capitalised word stands next to it:
/// `IFK` in `IFK Gothenburg` or `AL` in `AL-ANWAR` is part of a name.
pub(super) fn stands_alone(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    let (start, end) = (cx.tokens[c.tokens.start].span().start(), cx.tokens[c.tokens.end - 1].span().end());
    let before = c.tokens.start.checked_sub(1).map(|k| cx.tokens[k]);
    let after = cx.tokens.get(c.tokens.end).copied();
    // A neighbour on another line is no neighbour. Bytes, not characters:
    // a gap is a space or two, and most words start with an ASCII letter.
    let bytes = cx.text.as_bytes();
    let capitalised = |t: Token| match bytes.get(t.span().start()) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => cx.text[t.span()].starts_with(char::is_uppercase),
    };
    let apart = |t: Token, gap: Span| {
        t.kind == TokenKind::Possessive
            || !gap.is_empty() && (bytes[gap.range()].contains(&b'\n') || !(t.is_wordlike() && capitalised(t)))
    };
    before.is_none_or(|t| apart(t, Span::new(t.span().end(), start)))
        && after.is_none_or(|t| apart(t, Span::new(end, t.span().start())))
}

/// The most tokens on each side [`among_lower_case`] looks at.
const CASE_WINDOW: usize = 3;

/// Whether a lower-case word stands within a few tokens of `c` in its text,
/// so its capitals are its own, not those of a line written in capitals.
fn among_lower_case(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    let bytes = cx.text.as_bytes();
    let from = c.tokens.start.saturating_sub(CASE_WINDOW);
    let to = (c.tokens.end + CASE_WINDOW).min(cx.tokens.len());
    (from..to).any(|k| {
        let t = cx.tokens[k];
        t.kind == TokenKind::Word
            && t.span().len() >= 2
            && bytes[t.span().start()..t.span().end()].iter().all(u8::is_ascii_lowercase)
    })
}

/// The most tokens between a dateline's place and its date (`, Iraq` or `, N.J.`).
const DATELINE_GAP: usize = 4;

/// Whether `c` opens a dateline: a line that starts with it and ends in a
/// date, maybe with a state or country between (`ZORBTON 1996-08-23`,
/// `ZORBTON , Iraq 1996-08-23`).
#[inline] // most names start no line: one byte tells, cheaper than a call
pub(super) fn opens_dateline(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    let line_start = cx.tokens[c.tokens.start].span().start();
    (line_start == 0 || cx.text.as_bytes()[line_start - 1] == b'\n') && date_ends_line(cx, c)
}

/// Whether a date ends the line that `c` opens, maybe with a state or
/// country between (see [`opens_dateline`]).
fn date_ends_line(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    // A date is written `1996-08-23`: a year, a dash, the month, a dash, the day (five tokens).
    let is_date = |k: usize| {
        let t = cx.tokens[k];
        t.kind == TokenKind::Number
            && t.span().len() == 4
            && cx.tokens.get(k + 1).is_some_and(|d| d.kind == TokenKind::Dash && d.span().start() == t.span().end())
    };
    let ends_line = |k: usize| {
        cx.tokens
            .get(k + 1)
            .is_none_or(|next| cx.text[Span::new(cx.tokens[k].span().end(), next.span().start())].contains('\n'))
    };
    let last = (c.tokens.end + DATELINE_GAP).min(cx.tokens.len());
    (c.tokens.end..last).find(|&k| is_date(k)).is_some_and(|k| {
        let on_one_line =
            !cx.text[Span::new(cx.tokens[c.tokens.end - 1].span().end(), cx.tokens[k].span().start())].contains('\n');
        // Between the place and the date only a comma and capitalised words.
        on_one_line
            && k + 4 < cx.tokens.len()
            && ends_line(k + 4)
            && (c.tokens.end..k).all(|j| cx.word_bytes(j) == b"," || cx.is_capitalised(j))
    })
}

/// Whether a candidate next to a speech verb may be the speaker's name: a
/// lone capitalised word at a sentence start only if it is a known name
/// (not `Residents said`).
fn may_be_a_speaker(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    if c.tokens.len() > 1 || !c.sentence_initial {
        return true;
    }
    let word = cx.word(c.tokens.start);
    cx.lists.is_surname(word) || cx.lists.given_name(word).is_some()
}

/// What the characters of a word look like, as far as names go.
#[derive(Debug, PartialEq, Eq)]
struct WordShape {
    /// Every character after the first is a lower-case letter (`Smith`, `smith`).
    title_case: bool,
    /// Only letters, apostrophes and hyphens (`O'Neill`, `Smith-Jones`).
    name_chars: bool,
}

/// The shape of `word`. Most unknown names are in title case: where the
/// bytes after the first are ASCII lower-case letters, they give both
/// answers in one short pass, and the first byte the rest.
fn word_shape(word: &str) -> WordShape {
    let bytes = word.as_bytes();
    let Some((&first, rest)) = bytes.split_first() else {
        return WordShape { title_case: true, name_chars: true };
    };
    if first.is_ascii() && rest.iter().all(u8::is_ascii_lowercase) {
        return WordShape { title_case: true, name_chars: is_name_byte(first) };
    }
    if !bytes.is_ascii() {
        return word_shape_of_chars(word);
    }
    WordShape { title_case: false, name_chars: bytes.iter().all(|&b| is_name_byte(b)) }
}

/// Whether an ASCII byte may be part of a name: a letter, an apostrophe or a hyphen.
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'\'' || b == b'-'
}

/// The shape of a `word` that is not all ASCII, character by character.
fn word_shape_of_chars(word: &str) -> WordShape {
    let mut shape = WordShape { title_case: true, name_chars: true };
    for (i, ch) in word.chars().enumerate() {
        shape.title_case &= i == 0 || ch.is_lowercase();
        shape.name_chars &= ch.is_alphabetic() || matches!(ch, '\'' | '’' | '-');
    }
    shape
}

/// Whether a country or place in brackets follows `c`, as after a
/// competitor's name in results: `Sven Nylander ( Sweden )`.
fn place_in_brackets_after(cx: &Context<'_, '_>, c: &Candidate, sides: &Sides) -> bool {
    let k = c.tokens.end;
    if !sides.after.any(Cues::OPEN_BRACKET) {
        return false;
    }
    (k + 2..cx.tokens.len().min(k + PLACE_IN_BRACKETS + 2))
        .find(|&j| cx.word_bytes(j) == b")")
        .is_some_and(|close| is_place(cx, k + 1..close))
}

/// The most tokens of a place in brackets after a competitor (`( Czech Republic )`).
const PLACE_IN_BRACKETS: usize = 4;

/// Whether tokens `words` are exactly one place the gazetteer knows.
fn is_place(cx: &Context<'_, '_>, words: Range<usize>) -> bool {
    let inside = cx.span(&words);
    let hits = cx.gazetteer.find(&cx.text[inside]);
    matches!(hits[..], [hit] if hit.span.len() == inside.len()
        && matches!(cx.gazetteer.entries()[hit.entry].label, Label::Gpe | Label::Loc))
}

/// Whether one word follows a competitor's name and country in brackets, as
/// a rider's or driver's team does in results: `Tom Quux ( Italy ) Zorblax`.
fn team_after_nationality(cx: &Context<'_, '_>, c: &Candidate, sides: &Sides) -> bool {
    let start = c.tokens.start;
    if start < 4 || !sides.before.any(Cues::CLOSE_BRACKET) {
        return false;
    }
    let from = start.saturating_sub(PLACE_IN_BRACKETS + 2);
    (from..start - 2)
        .rev()
        .find(|&k| cx.word_bytes(k) == b"(")
        .is_some_and(|open| open > 0 && cx.is_capitalised(open - 1) && is_place(cx, open + 1..start - 1))
}

/// Whether `c` is a plural after `the` (`the Zorblaxes`, `The Quuxers
/// won`): a team or body named in the plural; the name lists have already
/// claimed the peoples (`the Kurds`) and the event words are none.
fn plural_after_the(cx: &Context<'_, '_>, c: &Candidate, sides: &Sides) -> bool {
    let start = c.tokens.start;
    sides.before.any(Cues::THE.or(Cues::THE_CAPITALISED)) && is_plural(cx.word(start)) && !is_event_word(cx.word(start))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{word_shape, word_shape_of_chars, WordShape};
    use crate::test_support::{entities, label_of};

    #[test]
    fn a_words_shape_is_read_off_its_bytes() {
        let shape = |title_case, name_chars| WordShape { title_case, name_chars };
        assert_eq!(word_shape("Smith"), shape(true, true));
        assert_eq!(word_shape("O'Neill"), shape(false, true));
        assert_eq!(word_shape("3rd"), shape(true, false));
        assert_eq!(word_shape("AT&T"), shape(false, false));
        assert_eq!(word_shape("Émile"), shape(true, true));
        assert_eq!(word_shape("Zoë"), shape(true, true));
    }

    proptest! {
        #[test]
        fn a_words_shape_from_bytes_is_its_shape_from_characters(word in "[A-Za-z0-9'’&.-]{0,3}[a-zéA-Z'-]{0,12}") {
            prop_assert_eq!(word_shape(&word), word_shape_of_chars(&word));
        }
    }
    use crate::Label;

    #[test]
    fn a_name_before_a_bracketed_country_is_a_person() {
        assert_eq!(label_of("5. Sven Nylander ( Sweden ) 49.22", "Sven Nylander"), Some(Label::Person));
        assert_eq!(label_of("5. Sven Nylander ( retired ) 49.22", "Sven Nylander"), None);
        // One word may be a team: `Alba ( Germany )`.
        assert_eq!(label_of("Zorblax ( Germany ) 75", "Zorblax"), None);
    }

    #[test]
    fn match_report_words_make_teams() {
        let text = "Leicestershire beat Zorblax by an innings , as Quuxshire drew .";
        assert_eq!(label_of(text, "Zorblax"), Some(Label::Org));
        assert_eq!(label_of(text, "Quuxshire"), Some(Label::Org));
        assert_eq!(label_of("The Astros routed the Zorblax 10-0 against the Quuxes .", "Quuxes"), Some(Label::Org));
        assert_eq!(label_of("He met Zorblax on Friday .", "Zorblax"), None);
    }

    #[test]
    fn an_acronym_among_lower_case_words_is_an_organisation() {
        assert_eq!(label_of("Talks with the ZQX broke down on Friday.", "ZQX"), Some(Label::Org));
        // Acronyms that name nothing, a line in capitals, and an acronym inside a name are not.
        assert_eq!(entities("The GDP rose on Friday."), []);
        assert_eq!(label_of("ZQX TALKS BREAK DOWN", "ZQX"), None);
        assert_eq!(label_of("They met ZQX Zorblax on Friday.", "ZQX"), None);
        assert_eq!(label_of("The AL-ZQX paper said so.", "ZQX"), None);
    }

    #[test]
    fn an_acronyms_shape_yields_to_evidence() {
        let text = "Mike Zorbl spoke first. Later Zorbl left.\nZORBL: It was fine, he said.";
        assert_eq!(label_of(text, "ZORBL"), Some(Label::Person));
    }

    #[test]
    fn an_organisations_noun_after_a_name_makes_it_one() {
        assert_eq!(label_of("He wrote for the Zorblax newspaper in May.", "Zorblax"), Some(Label::Org));
        assert_eq!(label_of("Zorblax striker Tom Quux scored.", "Zorblax"), Some(Label::Org));
        assert_eq!(label_of("He sold Zorblax's shares on Monday.", "Zorblax"), Some(Label::Org));
        // At a sentence start, a capitalised common word before `bank` is no name.
        assert_eq!(label_of("Central bank officials met.", "Central"), None);
        // A person's noun is no organisation's: `the Zorblax campaign`.
        assert_eq!(label_of("He ran the Zorblax campaign in May.", "Zorblax"), None);
    }

    #[test]
    fn a_word_in_brackets_after_a_player_is_the_club() {
        let text = "Defenders - Tom Quux ( Zorblax ) , Joe Smith ( Germany ) .";
        assert_eq!(label_of(text, "Zorblax"), Some(Label::Org));
        assert_eq!(label_of(text, "Germany"), Some(Label::Gpe));
        assert_eq!(label_of("The fee ( Zorblax ) rose .", "Zorblax"), None);
    }

    #[test]
    fn a_word_after_a_competitor_and_country_is_the_team() {
        let text = "3. Tom Quux ( Italy ) Zorblax 43\n4. Joe Smith ( Belgium ) Quuxbank same time";
        assert_eq!(label_of(text, "Zorblax"), Some(Label::Org));
        assert_eq!(label_of(text, "Quuxbank"), Some(Label::Org));
        // Brackets that hold no place, or no name before them, say nothing.
        assert_eq!(label_of("3. Tom Quux ( retired ) Zorblax 43", "Zorblax"), None);
        assert_eq!(label_of("the fee ( Italy ) Zorblax paid", "Zorblax"), None);
    }

    #[test]
    fn a_name_before_a_minute_in_a_scorers_list_is_a_person() {
        let text = "Zorbton 2 ( Quuxley 26th , Zorblin 37th ) Quuxton 1";
        assert_eq!(label_of(text, "Quuxley"), Some(Label::Person));
        assert_eq!(label_of(text, "Zorblin"), Some(Label::Person));
        assert_eq!(label_of("Scorers :\nZorblin 37th , 60th", "Zorblin"), Some(Label::Person));
        // A minute alone, or a rank after a word in a sentence, says nothing.
        assert_eq!(label_of("They met the Zorblin 37 times .", "Zorblin"), None);
        assert_eq!(label_of("He ranked Zorblin 18th in the world .", "Zorblin"), None);
    }

    #[test]
    fn a_plural_after_the_is_a_team_or_body() {
        assert_eq!(label_of("He hit a homer for the Zorblaxes on Friday .", "Zorblaxes"), Some(Label::Org));
        assert_eq!(label_of("Later , the Quuxers won again .", "Quuxers"), Some(Label::Org));
        // A singular, or a plural with no `the`, says nothing; an event word is no team.
        assert_eq!(label_of("He hit a homer for the Zorblax on Friday .", "Zorblax"), None);
        assert_eq!(label_of("He hit a homer for Zorblaxes on Friday .", "Zorblaxes"), None);
        assert_eq!(label_of("He ran at the Olympics on Friday .", "Olympics"), None);
    }

    #[test]
    fn a_dateline_opens_with_a_place() {
        assert_eq!(label_of("ZORBTON , Iraq 1996-08-23\nThe town was quiet .", "ZORBTON"), Some(Label::Gpe));
        assert_eq!(label_of("ZORBTON 1996-08-23\nThe town was quiet .", "ZORBTON"), Some(Label::Gpe));
        // A byline's name on the line before is no place; nor is a name before a date inside a sentence.
        let text = "Tom Zorbl\nQUUXTON 1996-08-23\nThe town was quiet .";
        assert_ne!(label_of(text, "Tom Zorbl"), Some(Label::Gpe));
        assert_eq!(label_of("ZORBTON 1996-08-23 was quiet .", "ZORBTON"), None);
    }

    #[test]
    fn events_are_not_people() {
        assert_eq!(label_of("They watched the Zorblax Cup final.", "Zorblax Cup"), None);
        assert_eq!(label_of("They watched the Zorblax Quux final.", "Zorblax Quux"), Some(Label::Person));
    }

    #[test]
    fn a_sentence_initial_pair_opened_by_a_given_name_is_a_person() {
        // A given name of the wider list (not the Census one) before a comma, a dash or a lower-case word.
        assert_eq!(label_of("Aoife Zorbl — a surgeon — said no.", "Aoife Zorbl"), Some(Label::Person));
        assert_eq!(label_of("Keir Zorbl, 45, said no.", "Keir Zorbl"), Some(Label::Person));
        assert_eq!(label_of("Aoife Zorbl met them.", "Aoife Zorbl"), Some(Label::Person));
        // An unknown first word needs an appositive, after a comma or a dash.
        assert_eq!(label_of("Zorba Quelling won.", "Zorba Quelling"), None);
        assert_eq!(label_of("Zorba Quelling — a surgeon — won.", "Zorba Quelling"), Some(Label::Person));
        assert_eq!(label_of("Zorba Quelling — won.", "Zorba Quelling"), None);
        // Before another capitalised word the pair may be part of something longer.
        assert_eq!(label_of("Aoife Zorbl Quux won.", "Aoife Zorbl"), None);
    }

    #[test]
    fn a_surname_alone_links_to_the_sentence_initial_person() {
        let doc = crate::test_support::extractor().extract("Aoife Zu — a surgeon — said no. Later Zu left.");
        let zu = doc.entities.iter().find(|m| m.text == "Zu").expect("Zu is found");
        assert_eq!((zu.label, zu.canonical.as_ref()), (Label::Person, "Aoife Zu"));
    }

    #[test]
    fn a_kinship_appositive_names_a_person() {
        assert_eq!(label_of("He said his wife, Zorba, had left.", "Zorba"), Some(Label::Person));
        assert_eq!(label_of("She thanked her son, Quell.", "Quell"), Some(Label::Person));
        // More words after the name, or no relation noun before the comma, say nothing.
        assert_eq!(label_of("He said his wife, Zorba and more, had left.", "Zorba"), None);
        assert_eq!(label_of("He said the rules, Zorba, had changed.", "Zorba"), None);
    }

    #[test]
    fn a_periodicals_last_word_is_no_person() {
        assert_eq!(label_of("He told Zorblax News Daily on Monday.", "Daily"), None);
        assert_eq!(label_of("He read the Quux 's Weekly on Monday.", "Weekly"), None);
        assert_eq!(label_of("He read the Quux's Weekly on Monday.", "Weekly"), None);
        // The surname after a lower-case word is a person's.
        assert_eq!(label_of("He met Daily on Monday.", "Daily"), Some(Label::Person));
    }

    #[test]
    fn laws_and_conventions_are_not_people() {
        assert_eq!(label_of("He backed the Zorblax Care Act on Monday.", "Zorblax Care Act"), None);
        assert_eq!(label_of("He spoke at the Quux National Convention in July.", "Quux National Convention"), None);
        // The same words not last leave a person's name alone.
        assert_eq!(label_of("He backed Zorblax Quux on Monday.", "Zorblax Quux"), Some(Label::Person));
        assert_eq!(entities("He backed the Zorblax Care Act on Monday."), []);
    }

    #[test]
    fn unknown_word_after_in_is_a_place() {
        assert_eq!(label_of("Fighting broke out in Arbil on Friday.", "Arbil"), Some(Label::Gpe));
        assert_eq!(label_of("Arbil was quiet.", "Arbil"), None);
        assert_eq!(label_of("He said so in March.", "March"), None);
    }
}
