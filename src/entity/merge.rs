//! One entity per referent: resolves candidates into mentions with canonical names.
//!
//! - A person's full name (two words or more) makes its last word a short
//!   form: later and earlier single-word mentions of it (`Trump`, also at a
//!   sentence start or where a lexicon said something else) become that
//!   person.
//! - An acronym in brackets after a name (`Federal Aviation Administration
//!   (FAA)`) makes the acronym a short form of the name.
//!   Any acronym in brackets after an organisation's name of two words or
//!   more abbreviates it, whatever its letters (`Popular Revolutionary Army (EPR)`).
//! - A lexicon hit takes the lexicon's canonical name and id.
//! - An unknown name next to a speech verb, or of two or three words before
//!   a place in brackets (`Sven Nylander ( Sweden )`), is a person; a single
//!   word where a match report puts a team (`beat Somerset`, `against the
//!   Mets`, `Kent drew`) is an organisation.
//! - An unknown single word becomes a person when it is a known surname
//!   outside sentence-initial position; an unknown run of two to four
//!   words outside sentence-initial position becomes a person, or an
//!   organisation when it holds a connector (`of`, `&`), or nothing when it
//!   ends in an event word (`World Cup`). The rest is dropped.

mod keys;

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::token::{Token, TokenKind};
use crate::Label;

use super::rules::{is_quoted_title, Candidate, Context, Evidence};
use super::{Gender, Mention};
use keys::{EndsFilter, Shouted, Straight};

/// What [`guess`] makes of an unknown candidate on its own evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guess {
    /// A name with this label.
    Label(Label),
    /// No label yet: another mention of the same name may lend it one.
    Open,
    /// A function word, month or weekday is among its words: never a name.
    Never,
}

impl Guess {
    /// The label guessed, if any.
    fn label(self) -> Option<Label> {
        match self {
            Guess::Label(label) => Some(label),
            Guess::Open | Guess::Never => None,
        }
    }
}

/// Resolves `candidates` (in text order) into non-overlapping mentions.
pub fn merge<'a>(cx: &Context<'_, 'a>, candidates: Vec<Candidate>) -> Vec<Mention<'a>> {
    let (guesses, short_forms) = guesses_and_short_forms(cx, &candidates);
    let teams = teams(cx, &candidates);
    let resolved: Vec<Option<Mention<'a>>> = candidates
        .iter()
        .zip(&guesses)
        .map(|(c, guessed)| resolve(cx, c, guessed.and_then(Guess::label), &short_forms, &teams))
        .collect();
    let known = known_labels(cx, &candidates, &guesses, &resolved);
    // The end of the last mention kept: a mention never overlaps the one before.
    let mut kept_end = 0;
    // Collected from `resolved` itself, so the mentions reuse its buffer.
    let mut mentions: Vec<Mention<'a>> = resolved
        .into_iter()
        .zip(candidates.iter().zip(guesses))
        .filter_map(|(m, (c, guessed))| {
            let m = m.or_else(|| {
                if guessed == Some(Guess::Never) {
                    return None;
                }
                let surface = &cx.text[c.span];
                let label = known.get(&Shouted::new(surface)).copied().flatten()?;
                Some(Mention { label, ..plain(c, surface, Gender::Unknown) })
            })?;
            (kept_end <= m.span.start()).then(|| {
                kept_end = m.span.end();
                m
            })
        })
        .collect();
    // The mentions live as long as the document: the room of the candidates
    // that became none is given back.
    mentions.shrink_to_fit();
    mentions
}

/// Short forms of full names and acronyms: surface -> (canonical, label, gender).
type ShortForms<'a> = FxHashMap<Straight<'a>, (Cow<'a, str>, Label, Gender)>;

/// Each unknown candidate's guess, made once (`None` for the others), and
/// the short forms the candidates define, in one pass that reads each
/// candidate's evidence once: short forms and resolution both use the guesses.
fn guesses_and_short_forms<'a>(cx: &Context<'_, 'a>, candidates: &[Candidate]) -> (Vec<Option<Guess>>, ShortForms<'a>) {
    let mut guesses = Vec::with_capacity(candidates.len());
    // Grown as names come: most candidates define no short form, and room
    // for one per candidate took more memory than any other table of a merge.
    let mut short_forms = ShortForms::default();
    for c in candidates {
        let (guessed, label) = match c.evidence {
            Evidence::Rule(label) => (None, Some(label)),
            Evidence::Team => (None, Some(Label::Org)),
            Evidence::Lexicon(entry) => (None, Some(cx.gazetteer.entries()[entry].label)),
            Evidence::Unknown => {
                let guessed = guess(cx, c);
                (Some(guessed), guessed.label())
            }
        };
        guesses.push(guessed);
        if let Some(label) = label {
            add_short_forms(cx, c, label, &mut short_forms);
        }
    }
    (guesses, short_forms)
}

/// Adds the short forms a candidate labelled `label` defines: every tail of
/// a person's full name (`Trump`, `de Vries`) and an acronym defined in
/// brackets after it (`(FAA)`), with the name they stand for.
fn add_short_forms<'a>(cx: &Context<'_, 'a>, c: &Candidate, label: Label, short_forms: &mut ShortForms<'a>) {
    let text = cx.text;
    if label == Label::Person && c.tokens.len() >= 2 {
        // The full name under each formal given name its first word is a nickname of
        // (`Bill Clinton` as `William Clinton`), and itself, for later nickname forms.
        let canonical = Cow::Borrowed(&text[c.span]);
        for key in nickname_keys(cx, c).chain([Straight::new(&text[c.span])]) {
            short_forms.entry(key).or_insert((canonical.clone(), Label::Person, c.gender));
        }
        // Every tail of the name that starts a word is a short form: `de Vries`, `Vries`.
        for k in c.tokens.start + 1..c.tokens.end {
            let tail = &text[cx.tokens[k].span().start()..c.span.end()];
            let starts_name = tail.chars().next().is_some_and(char::is_uppercase) || k + 1 < c.tokens.end;
            if starts_name {
                short_forms.entry(Straight::new(tail)).or_insert((canonical.clone(), Label::Person, c.gender));
            }
        }
    }
    if let Some(acronym) = acronym_after(cx, c, label) {
        let canonical = match c.evidence {
            Evidence::Lexicon(entry) => lexicon_str(&cx.gazetteer.entries()[entry].canonical),
            _ => Cow::Borrowed(&text[c.span]),
        };
        short_forms.entry(Straight::new(acronym)).or_insert((canonical, label, Gender::Unknown));
    }
}

/// A multi-word name with its first word replaced by each formal given name
/// it is a nickname of: `Bill Clinton` → `William Clinton`.
fn nickname_keys<'c, 'a: 'c>(cx: &Context<'c, 'a>, c: &Candidate) -> impl Iterator<Item = Straight<'a>> + 'c {
    let (formal_names, rest) = if c.tokens.len() < 2 {
        (&[][..], "")
    } else {
        let first = cx.tokens[c.tokens.start].span();
        (cx.lists.formal_names(&cx.text[first]), &cx.text[first.end()..c.span.end()])
    };
    formal_names.iter().map(move |&formal| Straight::joined(formal, rest))
}

/// The names that a sports result shows to be teams in this document, so
/// `Surrey` is the team everywhere once `Surrey 4` is read. Case counts: a
/// table's `NEW YORK 74 59` says nothing of the dateline `NEW YORK`'s city.
fn teams<'a>(cx: &Context<'_, 'a>, candidates: &[Candidate]) -> FxHashSet<&'a str> {
    candidates.iter().filter(|c| c.evidence == Evidence::Team).map(|c| &cx.text[c.span]).collect()
}

/// The mention a candidate resolves to on its own evidence (`guessed`: the
/// label [`guess`] gives an unknown candidate), if any.
fn resolve<'a>(
    cx: &Context<'_, 'a>,
    c: &Candidate,
    guessed: Option<Label>,
    short_forms: &ShortForms<'a>,
    teams: &FxHashSet<&str>,
) -> Option<Mention<'a>> {
    let surface = &cx.text[c.span];
    let short =
        short_forms.get(&Straight::new(surface)).or_else(|| nickname_keys(cx, c).find_map(|k| short_forms.get(&k)));
    match (c.evidence, short) {
        (_, Some((canonical, label, gender))) if canonical != surface => {
            Some(Mention { label: *label, canonical: canonical.clone(), ..plain(c, surface, *gender) })
        }
        (Evidence::Lexicon(entry), _) => {
            let entry = &cx.gazetteer.entries()[entry];
            if matches!(entry.label, Label::Gpe | Label::Loc) && teams.contains(surface) {
                return Some(Mention { label: Label::Org, title: None, ..plain(c, surface, Gender::Unknown) });
            }
            Some(Mention {
                label: entry.label,
                canonical: lexicon_str(&entry.canonical),
                id: entry.id.as_ref().map(lexicon_str),
                title: None,
                ..plain(c, surface, Gender::Unknown)
            })
        }
        (Evidence::Rule(label), _) => Some(Mention { label, ..plain(c, surface, c.gender) }),
        (Evidence::Team, _) => Some(Mention { label: Label::Org, ..plain(c, surface, Gender::Unknown) }),
        (Evidence::Unknown, _) => {
            guessed.map(|label| Mention { label, title: None, ..plain(c, surface, Gender::Unknown) })
        }
    }
}

/// A person mention of the candidate, whose text is `surface`, under its
/// own name; callers set the label.
fn plain<'a>(c: &Candidate, surface: &'a str, gender: Gender) -> Mention<'a> {
    Mention {
        span: c.span,
        tokens: c.tokens.clone(),
        label: Label::Person,
        canonical: Cow::Borrowed(surface),
        title: c.title,
        id: None,
        gender,
    }
}

/// The label each name (in capitals) got where its own evidence decided it,
/// for other mentions of the same name that have none: a sentence-initial
/// `Pirelli`, a headline `LEICESTERSHIRE`. The first label wins. Only the
/// names of unresolved candidates that may be names are keys, so the other
/// names need no key of their own. Every value returned is `Some`: the names
/// that got no label are dropped, which leaves most documents an empty map,
/// where a lookup hashes nothing. (`None` marks a key still without a label
/// while the map is built.)
fn known_labels<'a>(
    cx: &Context<'_, 'a>,
    candidates: &[Candidate],
    guesses: &[Option<Guess>],
    resolved: &[Option<Mention<'_>>],
) -> FxHashMap<Shouted<'a>, Option<Label>> {
    let open = || {
        candidates
            .iter()
            .zip(guesses)
            .zip(resolved)
            .filter(|((_, &guessed), m)| m.is_none() && guessed != Some(Guess::Never))
    };
    let keys = open().count();
    if keys == 0 {
        return FxHashMap::default();
    }
    let mut known: FxHashMap<Shouted<'a>, Option<Label>> =
        FxHashMap::with_capacity_and_hasher(keys, Default::default());
    // Most resolved names are no key: their ends tell without hashing them.
    let mut ends = EndsFilter::default();
    for ((c, _), _) in open() {
        let name = Shouted::new(&cx.text[c.span]);
        ends.insert(name.ends());
        known.entry(name).or_insert(None);
    }
    for (c, m) in candidates.iter().zip(resolved) {
        let Some(m) = m else { continue };
        let name = Shouted::new(&cx.text[c.span]);
        if ends.may_hold(name.ends()) {
            if let Some(label) = known.get_mut(&name) {
                label.get_or_insert(m.label);
            }
        }
    }
    known.retain(|_, label| label.is_some());
    known
}

/// A lexicon string for a mention: borrowed when the lexicon is bundled, copied otherwise.
#[allow(clippy::ptr_arg)] // the Cow's variant is the point: borrowed text stays borrowed
fn lexicon_str<'a>(s: &Cow<'static, str>) -> Cow<'a, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(b),
        Cow::Owned(o) => Cow::Owned(o.clone()),
    }
}

// The cue words below are `match`es: each compiles to a switch on the
// word's length, then a comparison or two of words of that length.

/// Whether `word` is a speech verb next to which an unknown capitalised word
/// is a speaker's name (`“…,” Obama said`, `said O'Neill`).
#[rustfmt::skip] // one line per initial letter
pub(super) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "acknowledged" | "added" | "argued" | "asked"
            | "continued"
            | "explained"
            | "insisted"
            | "noted"
            | "recalled" | "replied"
            | "said" | "says" | "stated"
            | "told" | "tweeted"
            | "warned" | "writes" | "wrote"
    )
}

/// Whether `word` is a preposition after which an unknown capitalised word
/// names a place (`in Arbil`).
fn is_place_preposition(word: &str) -> bool {
    matches!(word, "in" | "near" | "outside")
}

/// Whether `word` comes before a team's name in a match report: `beat
/// Somerset`, `against Kent`, `Leeds v Wimbledon`.
fn is_team_cue_before(word: &str) -> bool {
    matches!(word, "against" | "beat" | "beating" | "defeated" | "v" | "v." | "vs" | "vs.")
}

/// Whether `word` comes after a team's name in a match report:
/// `Leicestershire beat Somerset`.
fn is_team_cue_after(word: &str) -> bool {
    matches!(word, "beat" | "defeated" | "drew" | "v" | "v." | "vs" | "vs.")
}

/// Whether an unknown name stands where a match report puts a team.
fn plays(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    let word_at = |k: usize| (k < cx.tokens.len()).then(|| cx.word(k));
    let before = |n: usize| c.tokens.start.checked_sub(n).and_then(word_at);
    // An article may come between: `beat the Mets`.
    let cue = if before(1) == Some("the") { before(2) } else { before(1) };
    cue.is_some_and(is_team_cue_before) || word_at(c.tokens.end).is_some_and(is_team_cue_after)
}

/// What an unknown candidate is on its own evidence.
fn guess(cx: &Context<'_, '_>, c: &Candidate) -> Guess {
    // One pass over the words, each sliced once: a function word rules the name out, the shapes add up.
    let mut shape = WordShape { title_case: true, name_chars: true };
    let (mut first, mut last) = ("", "");
    for k in c.tokens.clone() {
        let word = cx.word(k);
        if cx.lists.is_function_word(word) {
            return Guess::Never;
        }
        let word_shape = word_shape(word);
        shape.title_case &= word_shape.title_case;
        shape.name_chars &= word_shape.name_chars;
        if k == c.tokens.start {
            first = word;
        }
        last = word;
    }
    label_of_unknown(cx, c, first, last, shape).map_or(Guess::Open, Guess::Label)
}

/// The label of an unknown candidate without function words, if it is worth
/// keeping, given its `first` and `last` words and the `shape` they all share.
fn label_of_unknown(cx: &Context<'_, '_>, c: &Candidate, first: &str, last: &str, shape: WordShape) -> Option<Label> {
    let count = c.tokens.len();
    let word_at = |k: usize| (k < cx.tokens.len()).then(|| cx.word(k));
    // A title in quote marks (`the song “Summer Rain”`) names a work, not a person.
    if is_quoted_title(cx, &c.tokens) {
        return None;
    }
    // Title case (`Smith`, also `smith`) and, besides, only letters, apostrophes and hyphens.
    let (title_case, name_like) = (shape.title_case, shape.title_case && shape.name_chars);
    let speaks = |k: Option<usize>| k.and_then(word_at).is_some_and(is_speech_verb);
    // Next to a speech verb, or before a place in brackets.
    if name_like
        && count <= 3
        && (((speaks(Some(c.tokens.end)) || speaks(c.tokens.start.checked_sub(1))) && may_be_a_speaker(cx, c))
            || (count >= 2 && place_in_brackets_after(cx, c)))
    {
        return Some(Label::Person);
    }
    if count == 1 && name_like && plays(cx, c) {
        return Some(Label::Org);
    }
    if c.sentence_initial {
        // A sentence-initial pair of capitalised words is a name when an appositive follows.
        let appositive = word_at(c.tokens.end) == Some(",")
            && word_at(c.tokens.end + 1).is_some_and(|w| matches!(w, "who" | "the" | "a" | "an"));
        return ((2..=3).contains(&count) && name_like && appositive).then_some(Label::Person);
    }
    match count {
        1 => {
            let before = c.tokens.start.checked_sub(1).and_then(word_at);
            // `near Trinidad`: the preposition outweighs a surname list.
            if name_like && before.is_some_and(is_place_preposition) {
                Some(Label::Gpe)
            } else if title_case && cx.lists.is_surname(first) {
                Some(Label::Person)
            } else {
                None
            }
        }
        2..=4 => {
            if super::rules::is_event_word(last) {
                None
            } else if c.tokens.clone().any(|k| matches!(cx.word(k), "of" | "&" | "for" | "and")) {
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
struct WordShape {
    /// Every character after the first is a lower-case letter (`Smith`, `smith`).
    title_case: bool,
    /// Only letters, apostrophes and hyphens (`O'Neill`, `Smith-Jones`).
    name_chars: bool,
}

/// The shape of `word`, in one pass over it.
fn word_shape(word: &str) -> WordShape {
    // Bytes first, with no branch per byte but the one out to characters: most words are short and ASCII.
    let mut shape = WordShape { title_case: true, name_chars: true };
    for (i, &b) in word.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            return word_shape_of_chars(word);
        }
        // An ASCII byte in lower case after its case bit is set is a letter in either case.
        let letter = (b | 0x20).is_ascii_lowercase();
        shape.title_case &= (i == 0) | b.is_ascii_lowercase();
        shape.name_chars &= letter | (b == b'\'') | (b == b'-');
    }
    shape
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
fn place_in_brackets_after(cx: &Context<'_, '_>, c: &Candidate) -> bool {
    let k = c.tokens.end;
    if k >= cx.tokens.len() || cx.word(k) != "(" {
        return false;
    }
    let Some(close) = (k + 2..cx.tokens.len().min(k + 6)).find(|&j| cx.word(j) == ")") else {
        return false;
    };
    let inside = cx.tokens[k + 1].span().cover(cx.tokens[close - 1].span());
    let hits = cx.gazetteer.find(&cx.text[inside]);
    matches!(hits[..], [hit] if hit.span.len() == inside.len()
        && matches!(cx.gazetteer.entries()[hit.entry].label, Label::Gpe | Label::Loc))
}

/// The acronym in brackets right after `c` whose letters are the initials
/// of its words, or any acronym after an organisation's name of two words
/// or more, which may abbreviate it in its own language: `Popular
/// Revolutionary Army (EPR)`.
fn acronym_after<'a>(cx: &Context<'_, 'a>, c: &Candidate, label: Label) -> Option<&'a str> {
    let k = c.tokens.end;
    let [open, acronym, close] = cx.tokens.get(k..k + 3)? else {
        return None;
    };
    // A bracket is one ASCII byte: its first byte tells, before its length and with no slicing.
    let is_mark = |t: &Token, mark: u8| cx.text.as_bytes().get(t.span().start()) == Some(&mark) && t.span().len() == 1;
    if !is_mark(open, b'(') || !is_mark(close, b')') || acronym.kind != TokenKind::Word {
        return None;
    }
    let acronym = &cx.text[acronym.span()];
    if acronym.len() < 2 || !acronym.chars().all(|ch| ch.is_ascii_uppercase()) {
        return None;
    }
    let initials = c.tokens.clone().filter_map(|k| cx.word(k).chars().next().filter(|ch| ch.is_uppercase()));
    let named_org = label == Label::Org && c.tokens.len() >= 2 && acronym.len() <= 6;
    (named_org || initials.eq(acronym.chars())).then_some(acronym)
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, extractor};
    use crate::Label;

    fn label_of(text: &str, surface: &str) -> Option<Label> {
        entities(text).into_iter().find(|(t, _)| t == surface).map(|(_, l)| l)
    }

    #[test]
    fn headline_capitals_prove_nothing() {
        assert_eq!(entities("Safe Passage Offered\nThe talks went on."), []);
        assert_eq!(entities("Safe Passage Offered to Venezuela\n"), [("Venezuela".into(), Label::Gpe)]);
    }

    #[test]
    fn bullet_start_is_not_a_name() {
        assert_eq!(entities("- Global amnesty for all prisoners."), []);
    }

    #[test]
    fn may_the_month_and_may_the_name() {
        assert_eq!(entities("May was a dry month."), []);
        assert_eq!(label_of("Theresa May spoke. Later, May said she would stay.", "Theresa May"), Some(Label::Person));
        assert_eq!(label_of("Theresa May spoke. Later, May said she would stay.", "May"), Some(Label::Person));
    }

    #[test]
    fn us_the_country_and_us_the_pronoun() {
        assert_eq!(entities("The US told us to wait."), [("US".into(), Label::Gpe)]);
        assert_eq!(entities("They told us to wait."), []);
    }

    #[test]
    fn apple_the_company_and_apple_the_fruit() {
        assert_eq!(entities("Apple pie is sweet."), []);
        assert_eq!(label_of("Apple said on Monday it would hire.", "Apple"), Some(Label::Org));
        assert_eq!(label_of("Shares of Apple rose.", "Apple"), Some(Label::Org));
    }

    #[test]
    fn a_name_resolved_once_is_resolved_everywhere() {
        // `Zorblax` is a team by its score; the headline's capitals and the sentence start follow.
        let text = "ZORBLAX TAKE THE LEAD\nZorblax 3 Quuxton 2\nZorblax now lead the league.";
        let doc = entities(text);
        assert!(doc.contains(&("ZORBLAX".into(), Label::Org)), "{doc:?}");
        assert_eq!(doc.iter().filter(|(t, l)| t == "Zorblax" && *l == Label::Org).count(), 2, "{doc:?}");
    }

    #[test]
    fn an_unresolved_name_stays_unknown() {
        assert_eq!(entities("Zorblax opened.\nZORBLAX TAKE THE LEAD"), []);
    }

    #[test]
    fn function_words_are_never_propagated() {
        let doc = entities("KANSAS CITY AT DETROIT\nCLEVELAND AT BOSTON");
        assert!(doc.iter().all(|(t, _)| t != "AT" && !t.ends_with(" AT")), "{doc:?}");
    }

    #[test]
    fn a_team_is_a_team_all_over_its_document() {
        let text = "Surrey beat Kent.\nSurrey 22 points , Kent 4 .";
        assert_eq!(label_of(text, "Surrey"), Some(Label::Org));
        assert_eq!(label_of("Surrey is a county south of London.", "Surrey"), Some(Label::Gpe));
    }

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
    fn any_acronym_after_an_organisation_abbreviates_it() {
        let text = "The Popular Revolutionary Army ( EPR ) attacked. The EPR said so.";
        assert_eq!(entities(text).iter().filter(|(t, l)| t == "EPR" && *l == Label::Org).count(), 2);
        // After a person's name, letters in brackets are no organisation.
        assert_eq!(label_of("Joe Zorblax ( QXZ ) spoke.", "QXZ"), None);
    }

    #[test]
    fn events_are_not_people() {
        assert_eq!(label_of("They watched the Zorblax Cup final.", "Zorblax Cup"), None);
        assert_eq!(label_of("They watched the Zorblax Quux final.", "Zorblax Quux"), Some(Label::Person));
    }

    #[test]
    fn unknown_word_after_in_is_a_place() {
        assert_eq!(label_of("Fighting broke out in Arbil on Friday.", "Arbil"), Some(Label::Gpe));
        assert_eq!(label_of("Arbil was quiet.", "Arbil"), None);
        assert_eq!(label_of("He said so in March.", "March"), None);
    }

    #[test]
    fn nicknames_share_a_referent() {
        let e = extractor();
        let canonicals =
            |text: &str| -> Vec<String> { e.extract(text).entities.iter().map(|m| m.canonical.to_string()).collect() };
        assert_eq!(
            canonicals("Bill Clinton spoke first. Later, William Clinton said he was tired."),
            ["Bill Clinton"; 2]
        );
        assert_eq!(
            canonicals("William Clinton spoke first. Later, Bill Clinton said he was tired."),
            ["William Clinton"; 2]
        );
        assert_eq!(canonicals("Bill Clinton and Hillary Clinton spoke."), ["Bill Clinton", "Hillary Clinton"]);
    }
}
