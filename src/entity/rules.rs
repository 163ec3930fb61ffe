//! Rules over runs of capitalised tokens.
//!
//! A run is a maximal stretch of capitalised words inside one sentence,
//! with name connectors (`of`, `de`, `van`, `bin`, `&`) allowed between
//! them. Each run is cut into gazetteer hits, titles and leftover word
//! pieces, and each piece is classified:
//!
//! | evidence | result |
//! |---|---|
//! | the whole run ends in an org suffix or starts with an org prefix (`Miami Herald`, `Ministry of Defence`) | ORG |
//! | a title before the piece (`Senator Dave McCormick`, `MP Jane Quux`) | PERSON, title kept apart |
//! | an honorific (`Mr`, `Mrs`, `Ms`, `Mx`, `Dr`) right before a lexicon name (`Mr Fox`) | PERSON, over the lexicon |
//! | a post-nominal after a name of two words or more (`Guy Zorbl QC`) | left out of the name |
//! | a kinship or role noun before the run (`his wife Cilia Flores`) | PERSON |
//! | a place followed by words (`San Francisco Giants`, `Warsaw Newsroom`); an event word last (`Hong Kong Open`) drops it | ORG |
//! | a run of several parts that a results line scores as one, with no title, lexicon person, given name or initial first (`Sparta Zorbton 2`, `Bayer Zorbton 0`) | ORG (a team) |
//! | one or two words no list knows before a place that ends the run, no given name, initial or qualifier in any case (`Radio Zorbland`, not `Central London`, `CENTRAL London`); no kinship or role noun or speaker's verb before, no surname as the place, a country's too (`his wife Zorbla Leicester`, `Zorbla Jordan`) | ORG |
//! | a byline: a two- or three-word line before a dateline | PERSON |
//! | an organisation's noun right before the words (`the daily Le Zorblax`, `side Gloria Quux`) | ORG |
//! | a known given name or an initial first (`M. Gatting`), or a known surname last (two words or more; at a sentence start only in title case before a lower-case word, no common or function word among them: `Aoife Zorbl met`) | PERSON |
//! | CamelCase or letters with digits (`FlightRadar24`) | ORG |
//! | anything else | unknown, left to [`super::typing`] |
//!
//! Sentence-initial function words (`The`, `However`) are stripped, lexicon
//! surfaces that are also common words are not trusted at a sentence start,
//! and headline lines only keep lexicon hits and titled names.

use std::borrow::Cow;
use std::ops::Range;

use crate::token::TokenKind;
use crate::{Label, Span};

use super::context::{Candidate, Context, Evidence, NameStarts, TokenHits};
use super::cues::{self, is_event_word, is_plural, is_quoted_title};
use super::{lists, shouted, sports, Gender};

/// Whether `word` may join two capitalised words inside one name: `of`, `de`, `van`, `bin`, `&`.
/// Bytes, not a `str`: the token is compared without slicing the text on character boundaries.
#[rustfmt::skip] // one line, as the words read
fn is_connector(word: &[u8]) -> bool {
    // A `match` compiles to a switch on the length, then a few comparisons.
    matches!(word, b"&" | b"al" | b"bin" | b"da" | b"de" | b"del" | b"der" | b"di" | b"du" | b"el" | b"ibn" | b"la" | b"le" | b"of" | b"van" | b"von")
}

/// Whether `word` is a letter-written honour or office put after a person's
/// name: `Guy Zorbl QC`, `Jane Quux MP`.
#[rustfmt::skip] // one line, as the words read
fn is_post_nominal(word: &[u8]) -> bool {
    matches!(word, b"CBE" | b"KBE" | b"KC" | b"MBE" | b"MEP" | b"MLA" | b"MP" | b"MSP" | b"OBE" | b"QC")
}

/// Whether `word` is a lower-case noun that introduces a person's name by
/// relation (`his wife Cilia Flores`). Bytes, as [`is_connector`]'s.
#[rustfmt::skip] // one line per initial letter
pub(super) fn is_relation(word: &[u8]) -> bool {
    matches!(
        word,
        b"aunt"
            | b"boyfriend" | b"brother"
            | b"cousin"
            | b"daughter"
            | b"father" | b"fiance" | b"fiancee"
            | b"girlfriend" | b"granddaughter" | b"grandfather" | b"grandmother" | b"grandson"
            | b"husband"
            | b"mother"
            | b"nephew" | b"niece"
            | b"partner"
            | b"sister" | b"son"
            | b"uncle"
            | b"widow" | b"widower" | b"wife"
    )
}

/// Finds the candidate mentions of a document, in text order.
pub fn candidates(cx: &Context<'_, '_>) -> Vec<Candidate> {
    let mut starts = NameStarts::of_words(cx);
    let mut hits = TokenHits::of(cx, &cx.gazetteer.find(cx.text), &mut starts);
    shouted::add_hits(cx, &starts, &mut hits);
    let mut out = Vec::with_capacity(cx.tokens.len() / 8);
    // The parts of the current run, in one buffer for all runs.
    let mut parts = Vec::new();
    for (i, paragraph) in cx.segments.paragraphs.iter().enumerate() {
        let byline = is_byline(cx, i);
        for sentence in &cx.segments.sentences[paragraph.sentences.clone()] {
            let range = sentence.tokens.clone();
            let first_word = range.clone().find(|&k| cx.tokens[k].is_wordlike()).unwrap_or(range.end);
            let results = sports::Results::new(range.clone(), first_word);
            // A run starts at a hit or a capitalised word: only where `starts` says a name may.
            let mut k = starts.next(range.start, range.end);
            while k < range.end {
                let end = run_end(cx, &hits, k, range.end);
                if end == k {
                    k = starts.next(k + 1, range.end);
                    continue;
                }
                let run = Run {
                    tokens: k..end,
                    results: &results,
                    sentence_initial: k == first_word,
                    headline: paragraph.headline,
                    byline,
                };
                classify_run(cx, &hits, &run, &mut parts, &mut out);
                k = starts.next(end, range.end);
            }
        }
    }
    out
}

/// The most tokens a name may have: a run of capitalised words that would
/// grow longer is cut, and the rest is read as a run of its own, so the
/// work done on a name and the text its mentions repeat (each mention and
/// speaker carries its referent's canonical name) stay bounded. Real names
/// are far shorter: the longest bundled lexicon surface has 12 tokens,
/// and the longest runs of news are headlines in capitals of about 25.
pub const MAX_NAME_TOKENS: usize = 32;

/// The most bytes a name may have (see [`MAX_NAME_TOKENS`]): the longest
/// bundled lexicon surface has 64, the longest runs of news about 150. A
/// word longer than this starts no name; a lexicon hit is bounded by its
/// lexicon and is kept whole, even where it alone is longer.
pub const MAX_NAME_BYTES: usize = 256;

/// The end of the run of name tokens starting at `k` (== `k` when none
/// starts there); a run never grows past [`MAX_NAME_TOKENS`] or
/// [`MAX_NAME_BYTES`], unless it is one lexicon hit.
fn run_end(cx: &Context<'_, '_>, hits: &TokenHits, k: usize, limit: usize) -> usize {
    let mut end = k;
    while end < limit {
        let next = if let Some((hit_end, _)) = hits.at(end) {
            hit_end.min(limit)
        } else if cx.is_capitalised(end) || (end > k && joins_next(cx, hits, end, limit)) {
            end + 1
        } else if end > k && end + 1 < limit && joins_hyphenated_name(cx, hits, end) {
            end + 2
        } else {
            break;
        };
        // A lexicon hit alone may be longer than the bound.
        let fits = next - k <= MAX_NAME_TOKENS
            && cx.tokens[next - 1].span().end() - cx.tokens[k].span().start() <= MAX_NAME_BYTES;
        if !(fits || end == k && hits.at(k).is_some()) {
            break;
        }
        end = next;
    }
    end
}

/// Whether the connector at `c` joins the name tokens on both sides (`Bank of England`).
fn joins_next(cx: &Context<'_, '_>, hits: &TokenHits, c: usize, limit: usize) -> bool {
    // The connector first: it rules out most words, on their bytes alone.
    is_connector(cx.word_bytes(c)) && c + 1 < limit && (hits.at(c + 1).is_some() || cx.is_capitalised(c + 1))
}

/// Whether the hyphen at `h` joins the pieces of one name: a capital on both
/// sides after a given name (`Jean-Marc`, `Doris Crouse-Mays`) or, where no lexicon knows
/// either piece, after a capitalised word (`Lisbet Quux-Zorbl`), or a syllable no lexicon knows before
/// a lower-case one (`Ki-moon`, `Geun-hye`, but not `Obama-era`). The hyphen
/// touches both pieces.
fn joins_hyphenated_name(cx: &Context<'_, '_>, hits: &TokenHits, h: usize) -> bool {
    // The hyphen first: it rules out most tokens after a name, on their bytes alone.
    if cx.word_bytes(h) != b"-" {
        return false;
    }
    let (before, hyphen, after) = (cx.tokens[h - 1], cx.tokens[h], cx.tokens[h + 1]);
    let touching = before.span().end() == hyphen.span().start() && hyphen.span().end() == after.span().start();
    if !touching || after.kind != TokenKind::Word {
        return false;
    }
    // A compound given name (`Jean-Marc`) or a double surname after a given
    // name (`Doris Crouse-Mays`); two names side by side are two entities
    // (`Israel-Hamas`, `Trump-Putin`).
    let given = |k: usize| cx.lists.given_name(cx.word(k)).is_some();
    let both_known = hits.at(h - 1).is_some() && hits.at(h + 1).is_some();
    // Two pieces no lexicon knows after a capitalised word are a double surname too (`Lisbet Quux-Zorbl`).
    let double_surname = || {
        h >= 2
            && hits.at(h - 1).is_none()
            && hits.at(h + 1).is_none()
            && cx.is_capitalised(h - 2)
            && !cx.lists.is_function_word(cx.word(h - 2))
    };
    let compound =
        cx.is_capitalised(h + 1) && !both_known && (given(h - 1) || (h >= 2 && given(h - 2)) || double_surname());
    let syllable = |k: usize| cx.word(k).len() <= 4 && hits.at(k).is_none() && !cx.lists.is_function_word(cx.word(k));
    compound || (syllable(h - 1) && syllable(h + 1))
}

struct Run<'r> {
    tokens: Range<usize>,
    /// The sports results of its sentence.
    results: &'r sports::Results,
    sentence_initial: bool,
    headline: bool,
    /// The run is a byline: the reporter's name on its own line.
    byline: bool,
}

/// Whether paragraph `i` is a byline: a line of two or three capitalised
/// words and nothing else, right before a dateline that opens with a place
/// in capitals and has a date (`Pierre Belec` / `NEW YORK 1996-08-30`).
fn is_byline(cx: &Context<'_, '_>, i: usize) -> bool {
    let paragraphs = &cx.segments.paragraphs;
    let (paragraph, Some(next)) = (&paragraphs[i], paragraphs.get(i + 1)) else {
        return false;
    };
    let words = paragraph.tokens.clone();
    let name = (2..=3).contains(&words.len())
        && words.clone().all(|k| {
            let w = cx.word(k);
            cx.tokens[k].kind == TokenKind::Word
                && cx.is_capitalised(k)
                && w.chars().skip(1).all(char::is_lowercase)
                && !cx.lists.is_function_word(w)
        });
    let dateline = lists::is_shouted(cx.word(next.tokens.start))
        && next.tokens.clone().any(|k| cx.tokens[k].kind == TokenKind::Number);
    name && dateline
}

/// One element of a run.
#[derive(Debug, Clone)]
enum Part {
    Hit(Range<usize>, usize),
    Title(Range<usize>, Gender),
    Words(Range<usize>),
}

// Called once per run from `candidates`' loop. Out of line (the compiler's choice as
// this function grew) it costs 3.8 M more instructions on the 2 MB news sample.
#[inline(always)]
fn classify_run(cx: &Context<'_, '_>, hits: &TokenHits, run: &Run, parts: &mut Vec<Part>, out: &mut Vec<Candidate>) {
    let mut start = run.tokens.start;
    // A capital at the sentence start proves nothing: drop leading function words.
    while start < run.tokens.end
        && (run.sentence_initial || run.headline)
        && hits.at(start).is_none()
        && cx.lists.is_function_word(cx.word(start))
    {
        start += 1;
    }
    // Trailing connectors belong to no name (and are never capitalised).
    let mut end = run.tokens.end;
    while end > start && !cx.is_capitalised(end - 1) && is_connector(cx.word_bytes(end - 1)) {
        end -= 1;
    }
    if start >= end {
        return;
    }
    let initial = run.sentence_initial && start == run.tokens.start;
    let tokens = start..end;
    if let Some(candidate) = whole_run_org(cx, hits, &tokens, initial) {
        out.push(candidate);
        return;
    }
    cut_into_parts(cx, hits, &tokens, parts);
    if let Some(candidate) = place_led_name(cx, parts, &tokens, initial, run.headline) {
        out.extend(candidate);
        return;
    }
    if let Some(candidate) = place_ended_name(cx, parts, &tokens, initial, run.headline) {
        out.push(candidate);
        return;
    }
    if parts.len() >= 2 && sports::is_team(cx, &tokens, run.results) && is_club_name(cx, parts, &tokens) {
        out.push(Candidate { evidence: Evidence::Team, ..unknown(cx, tokens, initial) });
        return;
    }
    let relation_before = start > 0 && is_relation(cx.word_bytes(start - 1));
    let mut title: Option<(Span, Gender)> = None;
    let mut i = 0;
    while i < parts.len() {
        let part_initial = initial && part_start(&parts[i]) == start;
        match &parts[i] {
            Part::Title(range, gender) => {
                title = Some((cx.span(range), *gender));
                i += 1;
                continue;
            }
            Part::Hit(range, entry) => {
                let surface = &cx.entry(*entry).surface;
                // A given name that a lexicon calls a place, followed by a surname: a
                // person. (The word lists are asked last: most hits have no words right after.)
                let surname = match parts.get(i + 1) {
                    Some(Part::Words(next)) if range.end == next.start && next.len() <= 2 => Some(next),
                    _ => None,
                };
                if let Some((next, gender)) = surname.and_then(|next| Some((next, cx.lists.given_name(surface)?))) {
                    if !next.clone().any(|k| cx.lists.is_function_word(cx.word(k))) {
                        let tokens = range.start..next.end;
                        out.push(person(cx, tokens, title.take(), gender, part_initial));
                        i += 2;
                        continue;
                    }
                }
                // `Mr`, `Mrs`, `Ms`, `Mx` or `Dr` right before a name make it a person's, whatever a
                // lexicon calls it: `Mr Fox` is no short form of `Fox News`.
                let honorific = title.is_some_and(|t| {
                    range.start > 0
                        && cx.tokens[range.start - 1].span().end() == t.0.end()
                        && is_honorific(&cx.text[t.0])
                        && cx.entry(*entry).label != Label::Person
                });
                if honorific {
                    out.push(person(cx, range.clone(), title.take(), Gender::Unknown, part_initial));
                    i += 1;
                    continue;
                }
                // Only a city or state names a club; a country with its score is its national side, a place.
                if lists::is_city(cx.entry(*entry)) && sports::is_team(cx, range, run.results) {
                    out.push(Candidate { evidence: Evidence::Team, ..unknown(cx, range.clone(), part_initial) });
                } else if !((part_initial || run.headline) && cx.lists.is_ambiguous(surface))
                    || (!run.headline && acts(cx, range.end))
                {
                    out.push(Candidate {
                        span: cx.span(range),
                        tokens: range.clone(),
                        evidence: Evidence::Lexicon(*entry),
                        title: None,
                        gender: Gender::Unknown,
                        sentence_initial: part_initial,
                    });
                } else {
                    out.push(unknown(cx, range.clone(), part_initial));
                }
            }
            // A given name (of either list) before a one-word lexicon name: the whole is a
            // person's name (`Nicklas Kulti`, `Michael Jordan`, `Aoife Fox`), whatever the lexicon says.
            Part::Words(range) if !run.headline && surname_hit_after(cx, range, parts.get(i + 1)).is_some() => {
                let end = surname_hit_after(cx, range, parts.get(i + 1)).unwrap_or(range.end);
                let given = cx.word(range.end - 1);
                let gender = cx.lists.given_name(given).unwrap_or_else(|| cx.lists.strong_gender(given));
                out.push(person(cx, range.start..end, title.take(), gender, part_initial));
                i += 2;
                title = None;
                continue;
            }
            Part::Words(range) if sports::is_team(cx, range, run.results) && !signs_person(cx, range) => {
                out.push(Candidate { evidence: Evidence::Team, ..unknown(cx, range.clone(), part_initial) });
            }
            Part::Words(range) if run.byline => {
                let gender = cx.lists.given_name(cx.word(range.start)).unwrap_or(Gender::Unknown);
                out.push(person(cx, range.clone(), None, gender, false));
            }
            Part::Words(range) if run.headline => {
                // Headline capitals prove nothing: each word waits for the body to name it,
                // but a known given name opens a person's name with the word after it
                // (`Jane Zorbl Slams Plan`: `Jane Zorbl`, then `Slams` and `Plan` alone).
                let mut k = range.start;
                if let Some(gender) = headline_given_name(cx, range) {
                    out.push(person(cx, k..k + 2, title.take(), gender, true));
                    k += 2;
                }
                out.extend((k..range.end).map(|k| unknown(cx, k..k + 1, true)));
            }
            // `Rival Hillary Clinton said`: a sentence's first word before a given
            // name and a surname is a common word the capital proves nothing of.
            Part::Words(range)
                if part_initial
                    && range.len() >= 3
                    && cx.lists.given_name(cx.word(range.start)).is_none()
                    && cx.lists.given_name(cx.word(range.start + 1)).is_some()
                    && cx.lists.is_surname(cx.word(range.end - 1)) =>
            {
                let name = range.start + 1..range.end;
                out.push(classify_words(cx, name, title.take(), false, false));
            }
            Part::Words(range) => {
                out.push(classify_words(cx, range.clone(), title.take(), relation_before && i == 0, part_initial));
            }
        }
        title = None;
        i += 1;
    }
}

/// Whether a run of several parts that a results line scores as one
/// (`Sparta Zorbton 2`, `Bayer Zorbton 0`, `Zorbton Wednesday 1`) is one
/// club's name: no title, no person a lexicon knows, and no given name or
/// initial first in it or in a word piece of it (`Tony Zorbton 68`, `M. Zorbton 45`,
/// `American Tony Quux 70` are players).
fn is_club_name(cx: &Context<'_, '_>, parts: &[Part], tokens: &Range<usize>) -> bool {
    let no_person = parts.iter().all(|part| match part {
        Part::Title(..) => false,
        Part::Hit(_, entry) => cx.entry(*entry).label != Label::Person,
        Part::Words(words) => !names_person(cx, words),
    });
    no_person && !names_person(cx, tokens)
}

/// Whether `title` is a personal honorific that only a person's name follows:
/// `Mr`, `Mrs`, `Ms`, `Mx`, `Dr`, with or without a period.
fn is_honorific(title: &str) -> bool {
    matches!(title.strip_suffix('.').unwrap_or(title), "Mr" | "Mrs" | "Ms" | "Mx" | "Dr")
}

/// The end of a one-word lexicon hit (`next`) right after `words` when
/// `words` end in a known given name, so the hit is the surname.
fn surname_hit_after(cx: &Context<'_, '_>, words: &Range<usize>, next: Option<&Part>) -> Option<usize> {
    let Some(Part::Hit(hit, _)) = next else {
        return None;
    };
    // Not a function word (`In France`) or a particle (`Jan Van` + `Eijden`).
    let word = cx.word(words.end - 1);
    let given = words.len() <= 2
        && (cx.lists.given_name(word).is_some() || cx.lists.strong_gender(word) != Gender::Unknown)
        && !cx.lists.is_function_word(word)
        && !is_connector(word.to_ascii_lowercase().as_bytes());
    (hit.start == words.end && hit.len() == 1 && given).then_some(hit.end)
}

/// The gender of the given name (and no surname) that opens headline words
/// `range` before a word in title case, which together make a person's name.
fn headline_given_name(cx: &Context<'_, '_>, range: &Range<usize>) -> Option<Gender> {
    if range.len() < 2 {
        return None;
    }
    let (first, second) = (cx.word(range.start), cx.word(range.start + 1));
    let title_case = |w: &str| w.len() >= 2 && w.as_bytes()[1..].iter().all(u8::is_ascii_lowercase);
    let names = title_case(first)
        && title_case(second)
        && !cx.lists.is_function_word(first)
        && !cx.lists.is_function_word(second)
        && !is_plural(second);
    // A surname as well (`Clinton Hid Past Problems`) may start the headline alone, unless a surname follows.
    let surname_follows = || cx.lists.is_surname(second) || !cx.lists.is_surname(first);
    (names && surname_follows()).then(|| cx.lists.given_name(first)).flatten()
}

/// Whether token `k` is a speech verb or a possessive, which make the name
/// before it an actor: `Apple said`, `Apple's`, not `Apple pie`.
fn acts(cx: &Context<'_, '_>, k: usize) -> bool {
    cx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Possessive || cues::is_speech_verb(cx.word_bytes(k)))
}

/// Whether the words start with a known given name or an initial (`Tony
/// Jarrett`, `M. Gatting`), so they name a person.
fn names_person(cx: &Context<'_, '_>, tokens: &Range<usize>) -> bool {
    let first = cx.word(tokens.start);
    tokens.len() >= 2 && (cx.lists.given_name(first).is_some() || is_initial(first))
}

/// Whether the words are a person's name by stronger evidence than a given
/// name alone, which a results line outweighs (`Young Boys 2`, `Le Havre 0`):
/// an initial first, or a given name first and a known surname last.
fn signs_person(cx: &Context<'_, '_>, tokens: &Range<usize>) -> bool {
    let (first, last) = (cx.word(tokens.start), cx.word(tokens.end - 1));
    tokens.len() >= 2 && (is_initial(first) || (cx.lists.given_name(first).is_some() && cx.lists.is_surname(last)))
}

/// Whether `word` is a single capital letter with its period: the `M.` of `M. Gatting`.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

fn part_start(part: &Part) -> usize {
    match part {
        Part::Hit(r, _) | Part::Title(r, _) | Part::Words(r) => r.start,
    }
}

/// `Miami Herald`, `Acme Corp`, `Ministry of Defence`, `Bank of England`.
fn whole_run_org(cx: &Context<'_, '_>, hits: &TokenHits, tokens: &Range<usize>, initial: bool) -> Option<Candidate> {
    // A run that is one lexicon name is that name (`West Bank`, `Bank of America`).
    if tokens.len() < 2 || hits.at(tokens.start).is_some_and(|(end, _)| end == tokens.end) {
        return None;
    }
    let last = cx.word(tokens.end - 1);
    // A lexicon name at the end of the run is more specific than a suffix
    // (`Shares of Acme Corp`, `West Bank`).
    let last_in_hit = tokens.clone().any(|k| hits.at(k).is_some_and(|(end, _)| end == tokens.end));
    let suffix = (!last_in_hit || place_before_org_hit(cx, hits, tokens))
        && (cx.lists.is_org_suffix(last) || cx.lists.is_org_suffix(last.trim_end_matches('.')));
    // A prefix needs a name after it: `Bank of England`, `National Bank of Poland`.
    let longest = cx.lists.longest_org_prefix().min(tokens.len() - 1);
    let prefix = cx.lists.starts_org_prefix(cx.word(tokens.start))
        && (2..=longest).any(|len| cx.lists.is_org_prefix(&joined(cx, tokens.start..tokens.start + len)));
    if !(suffix || prefix) {
        return None;
    }
    // A title inside means a person's role (`Defence Secretary`), not an organisation.
    if tokens.clone().any(|k| cx.lists.title(cx.word(k)).is_some() && k + 1 < tokens.end) {
        return None;
    }
    Some(Candidate {
        span: cx.span(tokens),
        tokens: tokens.clone(),
        evidence: Evidence::Rule(Label::Org),
        title: None,
        gender: Gender::Unknown,
        sentence_initial: initial,
    })
}

/// Whether the run is a place or nationality that a lexicon knows, then an
/// organisation that a lexicon knows, nothing between: the place says which
/// organisation of that name (`Peruvian Democratic Party`, `Kenya Football
/// Association`), so the suffix test sees the whole run. Not `Peru` +
/// `Reuters`: the run must still end in an organisation's suffix.
fn place_before_org_hit(cx: &Context<'_, '_>, hits: &TokenHits, tokens: &Range<usize>) -> bool {
    let Some((place_end, place)) = hits.at(tokens.start) else {
        return false;
    };
    place_end < tokens.end
        && matches!(cx.entry(place).label, Label::Gpe | Label::Loc | Label::Norp)
        && hits.at(place_end).is_some_and(|(end, org)| end == tokens.end && cx.entry(org).label == Label::Org)
}

/// A place followed by one to three capitalised words that name no person:
/// a team or organisation named after the place (`San Francisco Giants`,
/// `Warsaw Newsroom`) - ORG - or an event held there (`Hong Kong Open`),
/// which is no entity (`Some(None)`). `None` when the run is something else.
fn place_led_name(
    cx: &Context<'_, '_>,
    parts: &[Part],
    tokens: &Range<usize>,
    initial: bool,
    headline: bool,
) -> Option<Option<Candidate>> {
    let [Part::Hit(place, entry), Part::Words(words)] = parts else {
        return None;
    };
    let title_case = |k: usize| {
        let w = cx.word(k);
        w.chars().skip(1).all(char::is_lowercase) && !cx.lists.is_function_word(w)
    };
    let place_surface = &cx.entry(*entry).surface;
    // A given name that is also a place starts a person's name (`Paris Hilton`, `Milan Kucan`)
    // unless the words after it name a group (`Sydney Newsroom`, `Florida Zorblaxes`).
    let fits = !headline
        && matches!(cx.entry(*entry).label, Label::Gpe | Label::Loc)
        && place.end == words.start
        && words.len() <= 3
        && (cx.lists.given_name(place_surface).is_none() || names_group(cx, words))
        && words.clone().all(title_case)
        && !names_person(cx, words)
        && cx.lists.given_name(cx.word(words.start)).is_none();
    if !fits {
        return None;
    }
    if is_event_word(cx.word(words.end - 1)) {
        return Some(None);
    }
    Some(Some(Candidate { evidence: Evidence::Rule(Label::Org), ..unknown(cx, tokens.clone(), initial) }))
}

/// One or two words that no list knows right before a place, ending the
/// run: an organisation named with its place (`Zorbl Leicester`, `Radio
/// Quuxland`), ORG. Each word is one no list knows ([`knows_no_list`]). Not
/// after a kinship or role noun (`his wife Zorbl Leicester`, `striker Zorbl
/// Leicester`) or a speaker's verb (`said Zorbl Leicester`), which make the
/// words a person's; not before a place that is also a surname, a country
/// too (`Orrin Chester`, `Zorbla Jordan`), unless an acronym opens the
/// run (`ZBX Jordan`); a place that is only a given name ends no person's
/// name (`Zorbl Kenya`); not in capitals, where every word has one; and at a
/// sentence start, whose capital proves nothing (`Corporate America`), only
/// after an acronym of two to five letters (`ZBX Leicester`).
fn place_ended_name(
    cx: &Context<'_, '_>,
    parts: &[Part],
    tokens: &Range<usize>,
    initial: bool,
    headline: bool,
) -> Option<Candidate> {
    let [Part::Words(words), Part::Hit(place, entry)] = parts else {
        return None;
    };
    let entry = cx.entry(*entry);
    if headline || words.len() > 2 || words.end != place.start || !matches!(entry.label, Label::Gpe | Label::Loc) {
        return None;
    }
    let acronym = lists::is_acronym(cx.word(words.start));
    let fits = !lists::is_shouted(cx.word(place.start))
        && (!initial || acronym)
        && words.clone().all(|k| knows_no_list(cx, cx.word(k)));
    // What the words around say last: most runs fail above. The one `told` or `asked` is spoken
    // to, where an outlet stands as often as a person (`told Radio Zorbland`), makes no speaker.
    let person_before = || {
        tokens.start.checked_sub(1).is_some_and(|k| {
            let (w, b) = (cx.word(k), cx.word_bytes(k));
            is_relation(b)
                || (cues::is_speech_verb(b) && !matches!(b, b"told" | b"asked"))
                || cx.lists.title(w).is_some()
        })
    };
    let names_org = fits && !person_before() && (acronym || !cx.lists.is_surname(&entry.surface));
    names_org.then(|| Candidate { evidence: Evidence::Rule(Label::Org), ..unknown(cx, tokens.clone(), initial) })
}

/// Whether `word`, before a place that ends its run, is a word that no list
/// knows: three letters or more, or an acronym in capitals (`ZB`); and, read
/// in title case (`CENTRAL` as `Central`), no initial (`D.`), given name
/// (`Jack London`), `-ing` word (`Leaving London`), word that places a place
/// (`Central London`, `Mount Zorbl`, `DR Congo`) or function word.
fn knows_no_list(cx: &Context<'_, '_>, word: &str) -> bool {
    let titled = if word.chars().skip(1).any(char::is_uppercase) {
        Cow::Owned(lists::title_case(word))
    } else {
        Cow::Borrowed(word)
    };
    (titled.chars().nth(2).is_some() || lists::is_shouted(word))
        && !word.contains('.')
        && !titled.ends_with("ing")
        && !places_a_place(&titled)
        && !cx.lists.is_function_word(&titled)
        && cx.lists.given_name(&titled).is_none()
}

/// Whether `word`, in title case, says where in a place or which part of it: `Central London`, `Greater
/// Manchester`, `North Zorbland`, `DR Congo` (as `Dr`).
#[rustfmt::skip] // one line per initial letter
fn places_a_place(word: &str) -> bool {
    matches!(
        word,
        "Cape" | "Central" | "Coastal"
            | "Downtown" | "Dr"
            | "Former" | "Fort"
            | "East" | "Eastern"
            | "Greater"
            | "Inner"
            | "Lake" | "Little" | "Lower"
            | "Metro" | "Mid" | "Middle" | "Mount"
            | "New" | "North" | "Northeast" | "Northeastern" | "Northern" | "Northwest" | "Northwestern"
            | "Old" | "Outer"
            | "Rural"
            | "South" | "Southeast" | "Southeastern" | "Southern" | "Southwest" | "Southwestern"
            | "Upper" | "Urban"
            | "West" | "Western"
    )
}

/// Whether the last of `words` names a group, not a person: an organisation
/// suffix (`Newsroom`, `Bank`) or a plural no surname list holds (`Zorblaxes`).
fn names_group(cx: &Context<'_, '_>, words: &Range<usize>) -> bool {
    let last = cx.word(words.end - 1);
    cx.lists.is_org_suffix(last) || (is_plural(last) && !cx.lists.is_surname(last))
}

/// Cuts a run into hits, titles and word pieces: `parts` (cleared first).
fn cut_into_parts(cx: &Context<'_, '_>, hits: &TokenHits, tokens: &Range<usize>, parts: &mut Vec<Part>) {
    parts.clear();
    let mut k = tokens.start;
    let mut words_start = None;
    // No name ends in a connector: `Tim Henman of` + `Britain` is `Tim Henman` and `Britain`.
    let flush = |parts: &mut Vec<Part>, words_start: &mut Option<usize>, mut k: usize| {
        if let Some(s) = words_start.take() {
            while k > s && !cx.is_capitalised(k - 1) && is_connector(cx.word_bytes(k - 1)) {
                k -= 1;
            }
            if k > s {
                parts.push(Part::Words(s..k));
            }
        }
    };
    while k < tokens.end {
        // A lexicon name that starts with a title is the name: `Sri Lanka`, not `Sri` + `Lanka`.
        let hit_len = hits.at(k).map_or(0, |(end, _)| end.saturating_sub(k));
        if let Some(len) = title_at(cx, k, tokens.end).filter(|&len| len >= hit_len) {
            flush(parts, &mut words_start, k);
            let gender = cx.lists.title(&joined(cx, k..k + len)).unwrap_or(Gender::Unknown);
            parts.push(Part::Title(k..k + len, gender));
            k += len;
            continue;
        }
        // A place after an organisation's `of` goes on its name: `Union of Kurdistan`, not `Union of` + `Kurdistan`.
        // Only after an organisation's head noun: `Karim Alami of Morocco` is a person and a place.
        let after_connector =
            words_start.is_some() && k >= 2 && cx.word_bytes(k - 1) == b"of" && cx.lists.is_org_suffix(cx.word(k - 2));
        if let Some((hit_end, entry)) = hits.at(k).filter(|_| !after_connector) {
            if hit_end <= tokens.end {
                flush(parts, &mut words_start, k);
                parts.push(Part::Hit(k..hit_end, entry));
                k = hit_end;
                continue;
            }
        }
        words_start.get_or_insert(k);
        k += 1;
    }
    flush(parts, &mut words_start, k);
}

/// The words of tokens `range` joined by single spaces: borrowed from the
/// text when it writes them so, as it nearly always does.
fn joined<'a>(cx: &Context<'_, 'a>, range: Range<usize>) -> Cow<'a, str> {
    let tokens = &cx.tokens[range.clone()];
    let single_spaced = tokens
        .windows(2)
        .all(|w| w[1].span().start() == w[0].span().end() + 1 && cx.text.as_bytes()[w[0].span().end()] == b' ');
    match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) if single_spaced => Cow::Borrowed(&cx.text[first.span().cover(last.span())]),
        _ => Cow::Owned(range.map(|k| cx.word(k)).collect::<Vec<_>>().join(" ")),
    }
}

/// The length of the longest title at `k` that is followed by a capitalised word.
fn title_at(cx: &Context<'_, '_>, k: usize, end: usize) -> Option<usize> {
    // Tokens hold no spaces, so a title at `k` starts with the word at `k`.
    if !cx.lists.starts_title(cx.word(k)) {
        return None;
    }
    let longest = cx.lists.longest_title().min(end.saturating_sub(k + 1));
    let name_follows = |at: usize| {
        cx.is_capitalised(at) || (is_connector(cx.word_bytes(at)) && at + 1 < end && cx.is_capitalised(at + 1))
    };
    (1..=longest).rev().find(|&len| name_follows(k + len) && cx.lists.title(&joined(cx, k..k + len)).is_some())
}

fn person(
    cx: &Context<'_, '_>,
    tokens: Range<usize>,
    title: Option<(Span, Gender)>,
    gender: Gender,
    initial: bool,
) -> Candidate {
    let gender = match (title.map(|t| t.1), gender) {
        (Some(g @ (Gender::Female | Gender::Male)), _) => g,
        (_, g) => g,
    };
    Candidate {
        span: cx.span(&tokens),
        tokens,
        evidence: Evidence::Rule(Label::Person),
        title: title.map(|t| t.0),
        gender,
        sentence_initial: initial,
    }
}

fn unknown(cx: &Context<'_, '_>, tokens: Range<usize>, initial: bool) -> Candidate {
    Candidate {
        span: cx.span(&tokens),
        tokens,
        evidence: Evidence::Unknown,
        title: None,
        gender: Gender::Unknown,
        sentence_initial: initial,
    }
}

fn classify_words(
    cx: &Context<'_, '_>,
    tokens: Range<usize>,
    title: Option<(Span, Gender)>,
    after_relation: bool,
    initial: bool,
) -> Candidate {
    // A post-nominal (`QC`, `MP`, `OBE`) after a name of two words or more is no part of it.
    let mut tokens = tokens;
    if tokens.len() >= 3 && is_post_nominal(cx.word_bytes(tokens.end - 1)) {
        tokens.end -= 1;
    }
    let first = cx.word(tokens.start);
    // Asked only where it counts: most pieces are one word without a title.
    let given = || cx.lists.given_name(first);
    if title.is_some() || after_relation {
        return person(cx, tokens, title, given().unwrap_or(Gender::Unknown), initial);
    }
    // A title in quote marks names a work: nothing the name lists say counts.
    if is_quoted_title(cx, &tokens) {
        return unknown(cx, tokens, initial);
    }
    // An organisation's noun before the name outweighs a given name in it: `the daily Zorblax`, `side Jean Quux`;
    // not a given name and a known surname together (`the firm John Smith founded`, `mail carrier Jane Doe`).
    if tokens.len() <= 4
        && tokens.start > 0
        && cues::is_org_noun_before(cx.word_bytes(tokens.start - 1))
        && !signs_person(cx, &tokens)
    {
        return Candidate { evidence: Evidence::Rule(Label::Org), ..unknown(cx, tokens, initial) };
    }
    // `of` joins an organisation's words, never a person's: `Football Association of Ireland`.
    let joins_org = || tokens.clone().any(|k| cx.word_bytes(k) == b"of");
    if tokens.len() >= 2 && tokens.len() <= 4 && !joins_org() {
        if let Some(gender) = given() {
            return person(cx, tokens, None, gender, initial);
        }
        if is_initial(first) {
            return person(cx, tokens, None, Gender::Unknown, initial);
        }
        if cx.lists.is_surname(cx.word(tokens.end - 1)) && (!initial || names_at_sentence_start(cx, &tokens)) {
            return person(cx, tokens, None, Gender::Unknown, initial);
        }
    }
    if tokens.len() == 1 && is_brand(first) {
        return Candidate { evidence: Evidence::Rule(Label::Org), ..unknown(cx, tokens, initial) };
    }
    unknown(cx, tokens, initial)
}

/// Whether the words at a sentence start that end in a known surname name
/// a person though their capitals prove nothing (`Aoife Zorbl met him`): two
/// or three words in title case before a word in lower case, none a
/// function word, a common word a lexicon knows or an organisation's suffix,
/// the first no surname (`Wall Street`), no plural (`Veterans Smith`) and
/// no `-ing` word (`Joining Smith`).
fn names_at_sentence_start(cx: &Context<'_, '_>, tokens: &Range<usize>) -> bool {
    let title_case = |k: usize| {
        let w = cx.word_bytes(k);
        w.len() >= 2 && w[1..].iter().all(u8::is_ascii_lowercase)
    };
    let lower_after = cx
        .tokens
        .get(tokens.end)
        .is_some_and(|t| t.kind == TokenKind::Word && cx.text.as_bytes()[t.span().start()].is_ascii_lowercase());
    let first = cx.word(tokens.start);
    tokens.len() <= 3
        && lower_after
        && !first.ends_with("ing")
        && !is_plural(first)
        && !cx.lists.is_surname(first)
        && tokens.clone().all(|k| {
            let w = cx.word(k);
            title_case(k) && !cx.lists.is_function_word(w) && !cx.lists.is_ambiguous(w) && !cx.lists.is_org_suffix(w)
        })
}

/// CamelCase or letters mixed with digits: `FlightRadar24`, `PayPal`, `3M`.
pub fn is_brand(word: &str) -> bool {
    // Most words go on in ASCII lower case: neither CamelCase nor with digits.
    if word.bytes().skip(1).all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // One pass over the rest of the word for the kinds of characters it holds.
    let (mut lower, mut upper, mut digit) = (false, false, first.is_ascii_digit());
    for c in chars {
        lower |= c.is_lowercase();
        upper |= c.is_uppercase();
        digit |= c.is_ascii_digit();
    }
    let camel = first.is_uppercase() && lower && upper;
    let surname_prefix = || {
        ["Mc", "Mac", "O'", "O’", "De", "Di", "La", "Le", "Van"]
            .iter()
            .any(|p| word.strip_prefix(p).is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase)))
    };
    (camel && !surname_prefix()) || (first.is_alphabetic() && digit)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, extractor, label_of};
    use crate::Label;

    #[test]
    fn names_in_capitals_are_looked_up() {
        assert_eq!(entities("LONDON 1996-08-30"), [("LONDON".into(), Label::Gpe)]);
        assert_eq!(
            entities("NEW YORK AND SRI LANKA"),
            [("NEW YORK".into(), Label::Gpe), ("SRI LANKA".into(), Label::Gpe)]
        );
        // Common words in capitals are words (`NICE` the city), function words too (`MAY`).
        assert_eq!(entities("NICE WEATHER IN MAY"), []);
    }

    #[test]
    fn capitals_only_match_capitals() {
        // `US` is never `us`, and `Us` is no surface.
        assert_eq!(entities("Us and them."), []);
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_not_part_of_the_name_after_it() {
        assert_eq!(entities("Rival Jane Smith mocked the plan."), [("Jane Smith".into(), Label::Person)]);
        assert_eq!(entities("Mary Jane Smith won."), [("Mary Jane Smith".into(), Label::Person)]);
    }

    #[test]
    fn hyphenated_names_are_one_name() {
        assert_eq!(
            entities("Jean-Marc Ayrault met Ban Ki-moon."),
            [("Jean-Marc Ayrault".into(), Label::Person), ("Ban Ki-moon".into(), Label::Person)]
        );
        // A known name before a lower-case word is a compound, not a name: `Trump-backed`.
        assert_eq!(entities("The Trump-backed plan failed."), [("Trump".into(), Label::Person)]);
        // Two names side by side stay two: `Israel-Hamas`.
        let names: Vec<String> = entities("The Israel-Hamas war went on.").into_iter().map(|e| e.0).collect();
        assert_eq!(names, ["Israel", "Hamas"]);
    }

    #[test]
    fn a_double_surname_after_a_capitalised_word_is_one_name() {
        assert_eq!(entities("The coach Lisbet Quux-Zorbl said no."), [("Lisbet Quux-Zorbl".into(), Label::Person)]);
        // After a function word the pieces name no one: `The Quux-Zorbl talks`.
        assert_eq!(entities("The Quux-Zorbl talks failed."), []);
    }

    #[test]
    fn a_title_inside_a_lexicon_name_is_part_of_it() {
        assert_eq!(entities("He flew to Sri Lanka."), [("Sri Lanka".into(), Label::Gpe)]);
        assert_eq!(entities("He met Sri Ravi Shankar."), [("Ravi Shankar".into(), Label::Person)]);
    }

    #[test]
    fn given_name_place_needs_a_name_after_it() {
        assert_eq!(entities("CLEVELAND AT BOSTON"), [("CLEVELAND".into(), Label::Gpe), ("BOSTON".into(), Label::Gpe)]);
        assert_eq!(entities("He met Cleveland Smith."), [("Cleveland Smith".into(), Label::Person)]);
    }

    #[test]
    fn scored_unknown_names_are_teams_unless_people() {
        assert_eq!(
            entities("Quelltown 3 Zorbville 2"),
            [("Quelltown".into(), Label::Org), ("Zorbville".into(), Label::Org)]
        );
        let golf = entities("Tony Varnell 68 70");
        assert_eq!(golf, [("Tony Varnell".into(), Label::Person)]);
        let cricket = entities("Zorbshire 199 ( J. Quellby 111 , M. Vantrop 83 )");
        assert!(cricket.contains(&("M. Vantrop".into(), Label::Person)), "{cricket:?}");
    }

    #[test]
    fn an_organisations_noun_before_a_name_makes_it_one() {
        assert_eq!(label_of("He told the daily Le Zorblax on Friday .", "Le Zorblax"), Some(Label::Org));
        assert_eq!(label_of("A northern side Gloria Quux won .", "Gloria Quux"), Some(Label::Org));
        assert_eq!(label_of("Software retailer Zorblax said it would buy a stake .", "Zorblax"), Some(Label::Org));
        // Other nouns before a given name and a surname leave a person.
        assert_eq!(label_of("He told the reporter Gloria Quux on Friday .", "Gloria Quux"), Some(Label::Person));
        // So does a known given name with a known surname after the organisation's noun.
        assert_eq!(label_of("The firm John Smith founded said profits rose .", "John Smith"), Some(Label::Person));
        assert_eq!(label_of("Mail carrier Jane Doe said the road was closed .", "Jane Doe"), Some(Label::Person));
    }

    #[test]
    fn an_initial_and_a_name_are_a_person() {
        assert_eq!(entities("S. Law c Zorblax b Quux 13"), [("S. Law".into(), Label::Person)]);
        assert_eq!(entities("He met A. Zorblax there."), [("A. Zorblax".into(), Label::Person)]);
        // An initial alone is nothing.
        assert_eq!(entities("Plan B. was dropped."), []);
    }

    #[test]
    fn a_one_lexicon_name_run_is_that_name() {
        assert_eq!(entities("Settlers moved into the West Bank."), [("West Bank".into(), Label::Gpe)]);
        // The org suffix still names organisations the lexicons lack.
        assert_eq!(entities("He joined Zorblax Bank."), [("Zorblax Bank".into(), Label::Org)]);
    }

    #[test]
    fn a_finnish_company_form_ends_an_organisation() {
        let doc = entities("Zorblax Oy said profits rose . Zorblax said more .");
        assert_eq!(doc, [("Zorblax Oy".into(), Label::Org), ("Zorblax".into(), Label::Org)]);
        // Without it, the name alone says nothing.
        assert_eq!(label_of("Zorblax said profits rose .", "Zorblax"), None);
    }

    #[test]
    fn a_place_before_a_known_organisation_says_which_one() {
        let doc = entities("The Peruvian Democratic Party met the Kenya Football Association.");
        assert_eq!(
            doc,
            [("Peruvian Democratic Party".into(), Label::Org), ("Kenya Football Association".into(), Label::Org)]
        );
        // An organisation whose name has no suffix keeps the place apart.
        assert_eq!(label_of("He told Peru Reuters of the plan.", "Peru Reuters"), None);
        // No organisation after the place: nothing to join.
        assert_eq!(label_of("The Peruvian Zorbl said so.", "Peruvian Zorbl"), None);
    }

    #[test]
    fn an_org_prefix_may_have_several_words() {
        let doc = entities("The National Bank of Poland kept rates.");
        assert_eq!(doc, [("National Bank of Poland".into(), Label::Org)]);
        assert_eq!(entities("He flew to Poland."), [("Poland".into(), Label::Gpe)]);
    }

    #[test]
    fn an_exchange_is_an_organisation() {
        let doc = entities("Shares rose on the Zorbl Stock Exchange on Monday.");
        assert_eq!(doc, [("Zorbl Stock Exchange".into(), Label::Org)]);
        // The word alone names nothing.
        assert_eq!(entities("They met at the Exchange on Monday."), []);
    }

    #[test]
    fn a_byline_before_a_dateline_is_a_person() {
        let text = "Stocks fall .\nOriel Quemby\nHONG KONG 2001-05-14\nGold fell .";
        assert!(entities(text).contains(&("Oriel Quemby".into(), Label::Person)));
        // Without a dateline after it, a short title-case line is a headline.
        assert_eq!(entities("Stocks fall .\nOriel Quemby\nGold fell ."), []);
    }

    #[test]
    fn a_place_before_words_names_a_team_or_an_event() {
        let doc = entities("He pitched as the San Francisco Zorblaxes won.");
        assert_eq!(doc, [("San Francisco Zorblaxes".into(), Label::Org)]);
        assert_eq!(entities("-- Warsaw Newsroom +48 22 653 9700"), [("Warsaw Newsroom".into(), Label::Org)]);
        assert_eq!(entities("He won the Hong Kong Open on Friday."), []);
        assert_eq!(entities("He flew to Warsaw on Friday."), [("Warsaw".into(), Label::Gpe)]);
    }

    #[test]
    fn no_name_ends_in_of() {
        assert_eq!(
            entities("He beat Tim Zorblax of Britain on Monday."),
            [("Tim Zorblax".into(), Label::Person), ("Britain".into(), Label::Gpe)]
        );
        assert_eq!(entities("He beat Tim Zorblax on Monday."), [("Tim Zorblax".into(), Label::Person)]);
    }

    #[test]
    fn an_organisations_of_keeps_the_place_after_it() {
        let doc = entities("Rebels of the Free Union of Kurdistan held the town.");
        assert_eq!(doc, [("Free Union of Kurdistan".into(), Label::Org)]);
        // After a person's name, `of` and the place are not part of it.
        let doc = entities("They backed Tim Zorblax of Kurdistan on Friday.");
        assert_eq!(doc, [("Tim Zorblax".into(), Label::Person), ("Kurdistan".into(), Label::Loc)]);
    }

    #[test]
    fn a_name_with_of_is_no_person() {
        let doc = entities("He left the Quux Association of Ireland on Friday.");
        assert_eq!(doc, [("Quux Association of Ireland".into(), Label::Org)]);
        assert_eq!(entities("He met Quux Smith on Friday."), [("Quux Smith".into(), Label::Person)]);
    }

    #[test]
    fn a_results_line_outweighs_a_given_name() {
        assert_eq!(
            entities("Zorbton 1 Young Quuxes 0"),
            [("Zorbton".into(), Label::Org), ("Young Quuxes".into(), Label::Org)]
        );
        // A given name and a known surname stay a person: `( Tony Smith 45 , Mark Jones 12 )`.
        let doc = entities("( Tony Smith 45 , Mark Jones 12 )");
        assert_eq!(doc, [("Tony Smith".into(), Label::Person), ("Mark Jones".into(), Label::Person)]);
    }

    #[test]
    fn a_club_named_with_its_city_is_one_team_in_a_results_line() {
        assert_eq!(
            entities("Sparta Leicester 2 Zorbton Quuxers 1"),
            [("Sparta Leicester".into(), Label::Org), ("Zorbton Quuxers".into(), Label::Org)]
        );
        assert_eq!(entities("Leicester Forest 3 Zorbton 0")[0], ("Leicester Forest".into(), Label::Org));
        // A player's given name or initial before a place is a person with a score.
        assert_eq!(entities("Tony Lincoln 68 70")[0], ("Tony Lincoln".into(), Label::Person));
        assert_eq!(
            entities("American Tony Zorbl 68 70"),
            [("American".into(), Label::Norp), ("Tony Zorbl".into(), Label::Person)]
        );
        // Without a results line, the city stays a place of its own.
        assert!(entities("Sparta Leicester won on Friday.").contains(&("Leicester".into(), Label::Gpe)));
    }

    #[test]
    fn an_unknown_word_before_a_place_names_an_organisation() {
        assert_eq!(label_of("He joined Zorbl Leicester on Friday .", "Zorbl Leicester"), Some(Label::Org));
        assert_eq!(label_of("He told Radio Namibia on Friday .", "Radio Namibia"), Some(Label::Org));
        assert_eq!(label_of("ZBX Leicester said profits rose .", "ZBX Leicester"), Some(Label::Org));
        // A given name or an initial before it makes a person, a qualifier a part of the place.
        assert_eq!(label_of("He met Jack Leicester on Friday .", "Jack Leicester"), Some(Label::Person));
        // (The initial alone is dropped.)
        assert_eq!(entities("He beat D. Leicester on Friday ."), [("Leicester".into(), Label::Gpe)]);
        assert_eq!(label_of("He lives in Greater Leicester now .", "Leicester"), Some(Label::Gpe));
        assert_eq!(label_of("He said Leaving Leicester was hard .", "Leicester"), Some(Label::Gpe));
        // A sentence's first word may be a common word; a place that is a surname may be a person's.
        assert_eq!(label_of("Fertile Namibia faces drought .", "Namibia"), Some(Label::Gpe));
        assert_eq!(label_of("He met Zorbl Washington on Friday .", "Washington"), Some(Label::Gpe));
        // In capitals every word has one.
        assert_eq!(label_of("ZORBL BEAT LEICESTER", "LEICESTER"), Some(Label::Gpe));
    }

    #[test]
    fn a_word_in_capitals_before_a_place_is_read_in_title_case() {
        let place = || vec![("Leicester".into(), Label::Gpe)];
        // A qualifier, a given name or an `-ing` word in capitals is one still.
        assert_eq!(entities("Police in CENTRAL Leicester closed the road ."), place());
        assert_eq!(entities("He lives in GREATER Leicester now ."), place());
        assert_eq!(entities("He met JACK Leicester on Friday ."), place());
        assert_eq!(entities("LEAVING Leicester was hard , he said ."), place());
        // Other words in capitals are acronyms; at a sentence start only short ones.
        assert_eq!(entities("ZBXQZ Leicester said profits rose ."), [("ZBXQZ Leicester".into(), Label::Org)]);
        assert_eq!(entities("ZORBLAX Leicester said profits rose ."), place());
    }

    #[test]
    fn a_word_of_two_letters_before_a_place_names_no_organisation_unless_an_acronym() {
        assert_eq!(label_of("He lives in Zo Leicester now .", "Leicester"), Some(Label::Gpe));
        assert_eq!(label_of("He lives in Ée Leicester now .", "Leicester"), Some(Label::Gpe));
        assert_eq!(label_of("He lives in É Leicester now .", "Leicester"), Some(Label::Gpe));
        assert_eq!(label_of("He joined ZB Leicester on Friday .", "ZB Leicester"), Some(Label::Org));
        assert_eq!(label_of("He joined Zorbl Leicester on Friday .", "Zorbl Leicester"), Some(Label::Org));
    }

    #[test]
    fn a_person_s_cue_before_words_and_a_place_keeps_them_apart() {
        let apart = |text: &str, place: &str, label: Label| {
            assert_eq!(entities(text), [("Zorbla".into(), Label::Person), (place.into(), label)], "{text}");
        };
        // A kinship noun or a speaker's verb before the run: a person, then the place.
        apart("He said his wife Zorbla Leicester had left .", "Leicester", Label::Gpe);
        apart("“We are leaving,” said Zorbla Leicester, a teacher.", "Leicester", Label::Gpe);
        // A role noun: not one organisation.
        assert_eq!(label_of("He met striker Zorbla Namibia on Friday .", "Namibia"), Some(Label::Gpe));
        // A country that is also a surname may end a person's name, unless an acronym opens it; one
        // that is only a given name ends none.
        assert_eq!(entities("He passed to Zorbla Jordan , who scored ."), [("Jordan".into(), Label::Gpe)]);
        assert_eq!(entities("He joined ZBX Jordan on Friday ."), [("ZBX Jordan".into(), Label::Org)]);
        assert_eq!(entities("He joined Zorbl Kenya on Friday ."), [("Zorbl Kenya".into(), Label::Org)]);
    }

    #[test]
    fn a_given_name_before_a_one_word_place_is_a_person() {
        assert_eq!(
            entities("Later Jacob Zorblax beat Nicolas Pereira in Sweden."),
            [
                ("Jacob Zorblax".into(), Label::Person),
                ("Nicolas Pereira".into(), Label::Person),
                ("Sweden".into(), Label::Gpe)
            ]
        );
        // A function word is no given name: `In France`.
        assert_eq!(entities("Later, In France they met."), [("France".into(), Label::Gpe)]);
        // A given name of the wider list (not in the Census names) counts too; an unknown word does not.
        assert_eq!(
            entities("Later Aoife Fox spoke in Leeds."),
            [("Aoife Fox".into(), Label::Person), ("Leeds".into(), Label::Gpe)]
        );
        assert_eq!(
            entities("Later Zorbl Fox spoke in Leeds."),
            [("Fox".into(), Label::Org), ("Leeds".into(), Label::Gpe)]
        );
    }

    #[test]
    fn a_given_name_place_before_a_group_word_names_the_group() {
        assert_eq!(entities("He pitched as the Florida Zorblaxes won."), [("Florida Zorblaxes".into(), Label::Org)]);
        assert_eq!(entities("-- Sydney Newsroom 61-2 9373-1800"), [("Sydney Newsroom".into(), Label::Org)]);
        // Before a name that is no plural, it is a given name: `Milan Zorbl`, `Gilbert Agius`.
        assert_eq!(entities("He met Milan Zorbl there."), [("Milan Zorbl".into(), Label::Person)]);
    }

    #[test]
    fn a_run_longer_than_a_name_is_cut_into_names() {
        use super::{MAX_NAME_BYTES, MAX_NAME_TOKENS};
        let e = extractor();
        // A title before a long run: the person's name stops at the bound,
        // and a lexicon name further on is still found.
        let text = format!("Mr. {}London {}", "Zorblax Quuxer ".repeat(40), "Zorblax Quuxer ".repeat(40));
        let doc = e.extract(&text);
        assert!(doc.entities.iter().all(|m| m.span.len() <= MAX_NAME_BYTES), "{:?}", doc.entities);
        assert!(doc.entities.iter().all(|m| m.text.split(' ').count() <= MAX_NAME_TOKENS));
        assert!(doc.entities.iter().any(|m| m.text == "London" && m.label == Label::Gpe), "{:?}", doc.entities);
        assert!(doc.entities.iter().any(|m| m.label == Label::Person && m.title.as_deref() == Some("Mr.")));
        // A name within the bound is one name.
        assert_eq!(entities("Mr. Zorblax Quuxer left."), [("Zorblax Quuxer".into(), Label::Person)]);
    }

    #[test]
    fn a_word_longer_than_a_name_starts_none() {
        let long = format!("Z{}", "o".repeat(super::MAX_NAME_BYTES));
        assert_eq!(entities(&format!("Mr. {long} met Jane Smith.")), [("Jane Smith".into(), Label::Person)]);
        let short = format!("Z{}", "o".repeat(20));
        assert_eq!(entities(&format!("Mr. {short} met Jane Smith."))[0], (short, Label::Person));
    }

    #[test]
    fn a_long_run_after_an_org_prefix_is_cut_into_organisations() {
        let text = "Ministry ".repeat(100);
        let doc = entities(&text);
        let most = super::MAX_NAME_TOKENS;
        assert!(doc.len() >= 100 / most, "{doc:?}");
        assert!(doc.iter().all(|(t, l)| *l == Label::Org && t.split(' ').count() <= most), "{doc:?}");
        assert_eq!(entities("He joined the Ministry of Defence."), [("Ministry of Defence".into(), Label::Org)]);
    }

    #[test]
    fn a_given_name_opens_a_name_in_a_title_case_headline() {
        let doc = entities("Jane Zorbl Slams Tax Plan\nThe plan was dropped.");
        assert_eq!(doc, [("Jane Zorbl".into(), Label::Person)]);
        // A headline's words without a given name first wait for the body.
        assert_eq!(entities("Zorbl Slams Tax Plan\nThe plan was dropped."), []);
    }

    #[test]
    fn ap_state_abbreviations_are_states() {
        let doc = entities("She spoke in Zorbton, Calif., on Friday.");
        assert!(doc.contains(&("Calif.".into(), Label::Gpe)), "{doc:?}");
        // `Miss` is a title before a name, not Mississippi.
        assert_eq!(entities("He met Miss Zorbl there."), [("Zorbl".into(), Label::Person)]);
    }

    #[test]
    fn an_honorific_makes_a_person_of_a_lexicon_name() {
        assert_eq!(entities("Later Mr Fox said no."), [("Fox".into(), Label::Person)]);
        assert_eq!(entities("Later Ms. Jordan said no."), [("Jordan".into(), Label::Person)]);
        // Other titles before a place name a role or a work, not a person.
        assert_eq!(entities("The Archbishop of Lima spoke."), [("Lima".into(), Label::Gpe)]);
        assert_eq!(entities("Later Fox said no."), [("Fox".into(), Label::Org)]);
    }

    #[test]
    fn a_role_is_no_part_of_a_name() {
        let doc = entities("Solicitor Tom Zorbl said the case was weak.");
        assert_eq!(doc, [("Tom Zorbl".into(), Label::Person)]);
        assert_eq!(entities("It was weak, said MP Tom Zorbl."), [("Tom Zorbl".into(), Label::Person)]);
        assert_eq!(entities("He hired Tom Zorbl QC for the case."), [("Tom Zorbl".into(), Label::Person)]);
        // A last word that is no post-nominal stays in the name.
        assert_eq!(entities("He hired Tom Zorbl Quux for the case."), [("Tom Zorbl Quux".into(), Label::Person)]);
    }

    #[test]
    fn an_unknown_name_at_a_sentence_start_is_a_name() {
        let doc = entities("Quorra Murphy met the minister on Monday.");
        assert_eq!(doc, [("Quorra Murphy".into(), Label::Person)]);
        // Common words at a sentence start are no name.
        assert_eq!(entities("Last Tuesday the plan failed."), []);
        assert_eq!(entities("New rules came in."), []);
        assert!(entities("Joining Murphy was a mistake.").iter().all(|(t, _)| t != "Joining Murphy"));
        assert!(entities("Veterans Murphy met were tired.").iter().all(|(t, _)| t != "Veterans Murphy"));
        // A surname first is no given name (`Wall Street`); without a lower-case word after, the capitals prove nothing.
        assert!(entities("Murphy Kelly met the minister.").iter().all(|(t, _)| t != "Murphy Kelly"));
        assert!(entities("Quorra Murphy. Then it rained.")
            .iter()
            .all(|(t, l)| t != "Quorra Murphy" || *l != Label::Person));
    }

    #[test]
    fn quoted_titles_are_not_people() {
        let e = extractor();
        let text = "The band closed with its song “Summer Rain” on Friday.";
        assert!(e.extract(text).entities.iter().all(|m| m.text != "Summer Rain"));
        let text = "The band closed with Summer Rain on Friday.";
        assert!(e.extract(text).entities.iter().any(|m| m.text == "Summer Rain"));
    }
}
