//! One entity per referent: resolves candidates into mentions with canonical names.
//!
//! - A person's full name (two words or more) makes its last word a short
//!   form: later and earlier single-word mentions of it (`Trump`, also at a
//!   sentence start or where a lexicon said something else) become that
//!   person.
//! - An acronym in brackets after a name (`Federal Aviation Administration
//!   (FAA)`) makes the acronym a short form of the name.
//!   Any acronym in brackets after an organisation's name of two words or
//!   more abbreviates it, whatever its letters (`Zorbic Liberation Army (ZLA)`).
//! - A company's name before its legal suffix (`Zorblax` for `Zorblax Gold
//!   Corp`) names it where a candidate's own evidence is no more than a
//!   person's guess (a surname list, a speech verb) or none.
//! - A lexicon hit takes the lexicon's canonical name and id.
//! - An unknown candidate takes the label [`super::typing`] guesses from the
//!   evidence around it; one with none takes the label another mention of
//!   the same name got, or its shape's fallback (an acronym: ORG), or is dropped.

mod keys;

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::token::{Token, TokenKind};
use crate::Label;

use super::context::{Candidate, Context, Evidence};
use super::typing::{guess, opens_dateline, stands_alone, Guess};
use super::{cues, lists};
use super::{Gender, Mention};
use keys::{EndsFilter, Shouted, Straight};

/// Resolves `candidates` (in text order) into non-overlapping mentions.
pub fn merge<'a>(cx: &Context<'_, 'a>, candidates: Vec<Candidate>) -> Vec<Mention<'a>> {
    let (guesses, short_forms, given_forms) = guesses_and_short_forms(cx, &candidates);
    let teams = teams(cx, &candidates);
    let resolved: Vec<Option<Mention<'a>>> = candidates
        .iter()
        .zip(&guesses)
        .map(|(c, guessed)| resolve(cx, c, guessed.and_then(Guess::label), &short_forms, &given_forms, &teams))
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
                let lent = known.get(&Shouted::new(surface)).copied().flatten();
                let label = lent.or_else(|| guessed.and_then(Guess::fallback))?;
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

/// Names and the referent each names: (canonical, label, gender). Most
/// names looked up are none of them: an [`EndsFilter`] of the names' first
/// and last bytes answers those without hashing them.
struct Forms<'a> {
    /// The names and their referents.
    map: FxHashMap<Straight<'a>, (Cow<'a, str>, Label, Gender)>,
    /// The ends of the names in `map`.
    ends: EndsFilter,
}

impl<'a> Forms<'a> {
    /// Room for `n` names.
    fn with_capacity(n: usize) -> Forms<'a> {
        Forms { map: FxHashMap::with_capacity_and_hasher(n, Default::default()), ends: EndsFilter::default() }
    }

    /// Adds `name` for `referent`, unless it names one already (the first one stays).
    #[inline]
    fn add(&mut self, name: Straight<'a>, referent: (Cow<'a, str>, Label, Gender)) {
        self.ends.insert(name.ends());
        self.map.entry(name).or_insert(referent);
    }

    /// The referent `name` names, if any.
    #[inline] // the filter's test at the call site
    fn get(&self, name: &Straight<'a>) -> Option<&(Cow<'a, str>, Label, Gender)> {
        // An empty map (most documents' given forms) needs not even the ends.
        if self.map.is_empty() || !self.ends.may_hold(name.ends()) {
            return None;
        }
        self.map.get(name)
    }
}

/// Short forms of full names and acronyms: surface -> (canonical, label, gender).
type ShortForms<'a> = Forms<'a>;

/// Forms that name a referent only where a candidate's own evidence is
/// weak, with the full name, its label and gender: a known given name that
/// opens a person's full name (`Hillary` alone is `Hillary Clinton` where
/// nothing else says what it is), and the name of a company before its
/// legal suffix (`Zorblax` and `Zorblax Gold` for `Zorblax Gold Corp`), which
/// outweighs a person's guess from a surname list or a speech verb. Apart
/// from [`ShortForms`], so they never overrule evidence.
type GivenForms<'a> = Forms<'a>;

/// Each unknown candidate's guess, made once (`None` for the others), and
/// the short forms the candidates define: short forms and resolution both
/// use the guesses.
fn guesses_and_short_forms<'a>(
    cx: &Context<'_, 'a>,
    candidates: &[Candidate],
) -> (Vec<Option<Guess>>, ShortForms<'a>, GivenForms<'a>) {
    // Room for the keys the candidates may define, counted as the guesses
    // are made and reserved once: most candidates define none, and room for
    // one per candidate took more memory than any other table of a merge,
    // while a map grown key by key was rehashed about six times a document.
    let (mut short_keys, mut given_keys) = (0, 0);
    // The full names met so far, by their ends: a name met again adds no nickname keys.
    let mut named = EndsFilter::default();
    let guesses: Vec<Option<Guess>> = candidates
        .iter()
        .map(|c| {
            let guessed = (c.evidence == Evidence::Unknown).then(|| guess(cx, c));
            let Some(label) = candidate_label(cx, c, guessed) else {
                return guessed;
            };
            if c.tokens.len() >= 2 {
                match label {
                    Label::Person => {
                        // The name itself and its tails.
                        short_keys += c.tokens.len();
                        // The name under each formal given name its first word is a nickname of
                        // (`Chris` has fourteen), counted once a name: a name whose ends another's
                        // share is missed, and may grow the map.
                        let ends = Straight::new(&cx.text[c.span]).ends();
                        if !named.may_hold(ends) {
                            named.insert(ends);
                            short_keys += cx.lists.formal_names(cx.word(c.tokens.start)).len();
                        }
                        // Its given name.
                        given_keys += 1;
                    }
                    // Two forms of a company's name before its suffix.
                    Label::Org if cues::is_company_suffix(cx.word(c.tokens.end - 1)) => given_keys += 2,
                    _ => {}
                }
            }
            // A peer's name alone.
            short_keys += usize::from(peerage_name(cx, c, label).is_some());
            // An acronym in brackets after it.
            short_keys += usize::from(cx.tokens.get(c.tokens.end).is_some_and(|t| is_mark(cx, t, b'(')));
            guessed
        })
        .collect();
    let mut short_forms = ShortForms::with_capacity(short_keys);
    let mut given_forms = GivenForms::with_capacity(given_keys);
    for (c, &guessed) in candidates.iter().zip(&guesses) {
        let Some(label) = candidate_label(cx, c, guessed) else { continue };
        add_short_forms(cx, c, label, &mut short_forms);
        if c.tokens.len() >= 2 {
            add_given_forms(cx, c, label, &mut given_forms);
        }
    }
    (guesses, short_forms, given_forms)
}

/// The label a candidate's evidence gives it, or for an unknown one its guess (`guessed`).
fn candidate_label(cx: &Context<'_, '_>, c: &Candidate, guessed: Option<Guess>) -> Option<Label> {
    match c.evidence {
        Evidence::Rule(label) => Some(label),
        Evidence::Team => Some(Label::Org),
        Evidence::Lexicon(entry) => Some(cx.gazetteer.entries()[entry].label),
        Evidence::Unknown => guessed.and_then(Guess::label),
    }
}

/// Adds the forms of a candidate of two words or more labelled `label`
/// that name it where evidence is weak (see [`GivenForms`]).
fn add_given_forms<'a>(cx: &Context<'_, 'a>, c: &Candidate, label: Label, given_forms: &mut GivenForms<'a>) {
    let first = cx.word(c.tokens.start);
    if cx.lists.is_function_word(first) {
        return;
    }
    let canonical = Cow::Borrowed(&cx.text[c.span]);
    if label == Label::Person && cx.lists.given_name(first).is_some() {
        given_forms.add(Straight::new(first), (canonical, label, c.gender));
    } else if label == Label::Org && cues::is_company_suffix(cx.word(c.tokens.end - 1)) {
        // The words before the suffix, and the first of them: `Zorblax Gold`, `Zorblax`.
        let before_suffix = cx.span(&(c.tokens.start..c.tokens.end - 1));
        given_forms.add(Straight::new(first), (canonical.clone(), label, Gender::Unknown));
        given_forms.add(Straight::new(&cx.text[before_suffix]), (canonical, label, Gender::Unknown));
    }
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
            short_forms.add(key, (canonical.clone(), Label::Person, c.gender));
        }
        // Every tail of the name that starts a word is a short form: `de Vries`, `Vries`.
        for k in c.tokens.start + 1..c.tokens.end {
            let tail = &text[cx.tokens[k].span().start()..c.span.end()];
            let starts_name = tail.chars().next().is_some_and(char::is_uppercase) || k + 1 < c.tokens.end;
            if starts_name {
                short_forms.add(Straight::new(tail), (canonical.clone(), Label::Person, c.gender));
            }
        }
    }
    // A peer is known by the title (`Lord Quell`): the titled name is the referent's, and the name alone its short form.
    if let Some(titled) = peerage_name(cx, c, label) {
        short_forms.add(Straight::new(&text[c.span]), (Cow::Borrowed(titled), Label::Person, c.gender));
    }
    if let Some(acronym) = acronym_after(cx, c, label) {
        let canonical = match c.evidence {
            Evidence::Lexicon(entry) => lexicon_str(&cx.gazetteer.entries()[entry].canonical),
            _ => Cow::Borrowed(&text[c.span]),
        };
        short_forms.add(Straight::new(acronym), (canonical, label, Gender::Unknown));
    }
}

/// Titles of the peerage, which are part of the name they stand before (`Lord Quell`, `Baroness Quell`).
const PEERAGE_TITLES: &[&str] = &["Baron", "Baroness", "Countess", "Earl", "Lady", "Lord", "Viscount"];

/// `Lord Quell`: the text from a peerage title to the end of a one-word
/// person's name right after it, the name the peer is known by.
fn peerage_name<'a>(cx: &Context<'_, 'a>, c: &Candidate, label: Label) -> Option<&'a str> {
    let title = c.title.filter(|_| label == Label::Person && c.tokens.len() == 1)?;
    let adjacent = cx.text.get(title.end()..c.span.start()).is_some_and(|between| between.trim().is_empty());
    let peer = adjacent && PEERAGE_TITLES.contains(&&cx.text[title]);
    peer.then(|| &cx.text[title.start()..c.span.end()])
}

/// A multi-word name with its first word replaced by each formal given name
/// it is a nickname of: `Bill Clinton` → `William Clinton`.
#[inline(always)] // most candidates are one word, which has none: they make no call
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
    given_forms: &GivenForms<'a>,
    teams: &FxHashSet<&str>,
) -> Option<Mention<'a>> {
    let surface = &cx.text[c.span];
    let short =
        short_forms.get(&Straight::new(surface)).or_else(|| nickname_keys(cx, c).find_map(|k| short_forms.get(&k)));
    match (c.evidence, short) {
        (_, Some((canonical, label, gender)))
            if canonical != surface && !other_gender(cx, c.gender, canonical, *gender) =>
        {
            Some(Mention { label: *label, canonical: canonical.clone(), ..plain(c, surface, *gender) })
        }
        (Evidence::Lexicon(entry), _) => {
            let entry = &cx.gazetteer.entries()[entry];
            // In a document with results, a city that plays (`beat Zorbton`, `Zorbton 's striker`) is its team.
            let city = lists::is_city(entry);
            let plays = || {
                !teams.is_empty() && city && {
                    let sides = cues::Sides::of(cx, c);
                    cues::plays(cx, c, &sides) || cues::org_noun_after(cx, c, &sides)
                }
            };
            // A dateline's place is the place, whatever the tables below it play, and so is the
            // place a fixture is played at.
            let team = || teams.contains(surface) && !opens_dateline(cx, c) && !cues::hosts(cx, c);
            if matches!(entry.label, Label::Gpe | Label::Loc) && (team() || plays()) {
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
            // A form standing alone (no name next to it), where a full name it is a form of is in the document.
            let form = || given_forms.get(&Straight::new(surface)).filter(|_| stands_alone(cx, c));
            let of_form = |(canonical, label, gender): &(Cow<'a, str>, Label, Gender)| Mention {
                label: *label,
                canonical: canonical.clone(),
                ..plain(c, surface, *gender)
            };
            match guessed {
                // A company's short form outweighs a person's guess.
                Some(Label::Person) => match form() {
                    Some(org @ (_, Label::Org, _)) => Some(of_form(org)),
                    _ => Some(Mention { label: Label::Person, title: None, ..plain(c, surface, Gender::Unknown) }),
                },
                Some(label) => Some(Mention { label, title: None, ..plain(c, surface, Gender::Unknown) }),
                None => form().map(of_form),
            }
        }
    }
}

/// Whether a mention whose title or given name says `mention` names
/// someone other than the person `name`, whose gender is `full`: `Mrs
/// Howard` is not `Michael Howard` (family members stay apart). Only where
/// the given name all but decides the gender: `Mr Cook` may be `Robin Cook`.
fn other_gender(cx: &Context<'_, '_>, mention: Gender, name: &str, full: Gender) -> bool {
    matches!((mention, full), (Gender::Female, Gender::Male) | (Gender::Male, Gender::Female))
        && lists::first_of_full_name(name).is_some_and(|first| cx.lists.strong_gender(first) == full)
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

/// The acronym in brackets right after `c` whose letters are the initials
/// of its words, or any acronym after an organisation's name of two words
/// or more, which may abbreviate it in its own language: `Frente
/// Zorbico Popular (ZLA)`.
fn acronym_after<'a>(cx: &Context<'_, 'a>, c: &Candidate, label: Label) -> Option<&'a str> {
    let k = c.tokens.end;
    let [open, acronym, close] = cx.tokens.get(k..k + 3)? else {
        return None;
    };
    if !is_mark(cx, open, b'(') || !is_mark(cx, close, b')') || acronym.kind != TokenKind::Word {
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

/// Whether token `t` is the ASCII mark `mark` (a bracket): its first byte
/// tells, before its length and with no slicing.
fn is_mark(cx: &Context<'_, '_>, t: &Token, mark: u8) -> bool {
    cx.text.as_bytes().get(t.span().start()) == Some(&mark) && t.span().len() == 1
}

#[cfg(test)]
mod tests {
    use crate::test_support::{entities, extractor, label_of};
    use crate::Label;

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
    fn a_datelines_place_stays_a_place_beside_its_team() {
        let doc = entities("LEEDS 1996-08-24\nStandings :\nLEEDS 74 59\nBOSTON 70 60");
        assert_eq!(doc[0], ("LEEDS".into(), Label::Gpe), "{doc:?}");
        assert_eq!(doc[1], ("LEEDS".into(), Label::Org), "{doc:?}");
    }

    #[test]
    fn the_city_a_fixture_is_played_at_stays_a_place() {
        let text = "Standings :\nLEEDS 74 59\nBOSTON 70 60\nFixtures :\nLEEDS AT BOSTON";
        let doc = entities(text);
        assert_eq!(doc[2], ("LEEDS".into(), Label::Org), "{doc:?}");
        assert_eq!(doc[3], ("BOSTON".into(), Label::Gpe), "{doc:?}");
    }

    #[test]
    fn a_city_that_plays_in_a_document_with_results_is_its_team() {
        let text = "Zorbton 2 Quuxton 1\nLater Leeds beat Boston in a friendly.";
        assert_eq!(label_of(text, "Boston"), Some(Label::Org));
        // Without results in the document, `beat Boston` may be anything; a city without a cue stays a place.
        assert_eq!(label_of("The rain beat Boston all week.", "Boston"), Some(Label::Gpe));
        assert_eq!(label_of("Zorbton 2 Quuxton 1\nThey flew to Boston on Friday.", "Boston"), Some(Label::Gpe));
    }

    #[test]
    fn any_acronym_after_an_organisation_abbreviates_it() {
        let text = "The Zorbic Liberation Army ( ZLA ) attacked. The ZLA said so.";
        assert_eq!(entities(text).iter().filter(|(t, l)| t == "ZLA" && *l == Label::Org).count(), 2);
        // After a person's name, letters in brackets do not abbreviate it (they may be a party or club).
        let doc = extractor().extract("Joe Zorblax ( QXZ ) spoke.");
        assert!(doc.entities.iter().all(|m| m.text != "QXZ" || m.canonical == "QXZ"), "{:?}", doc.entities);
    }

    #[test]
    fn a_given_name_alone_is_the_person_it_opens() {
        let e = extractor();
        let doc = e.extract("Zelda Quuxley spoke first. Later, Zelda left the room.");
        let zelda = doc.entities.iter().find(|m| m.text == "Zelda").expect("Zelda is found");
        assert_eq!((zelda.label, zelda.canonical.as_ref()), (Label::Person, "Zelda Quuxley"));
        // Without a full name it opens, a given name alone says nothing here.
        assert_eq!(label_of("Later, Zelda left the room.", "Zelda"), None);
    }

    #[test]
    fn a_companys_short_form_outweighs_a_persons_guess() {
        let e = extractor();
        // Opening a sentence too.
        let text = "Zorblax Gold Corp cut its dividend. Zorblax said sales rose.";
        assert_eq!(label_of(text, "Zorblax"), Some(Label::Org));
        let doc = e.extract("Zorblax Gold Corp raised its forecast. Later, Zorblax said sales rose.");
        let short = doc.entities.iter().find(|m| m.text == "Zorblax").expect("Zorblax is found");
        assert_eq!((short.label, short.canonical.as_ref()), (Label::Org, "Zorblax Gold Corp"));
        // Without the company, the speech verb makes `Zorblax` a person; a ministry lends no short form.
        assert_eq!(label_of("Later, Zorblax said sales rose.", "Zorblax"), Some(Label::Person));
        let text = "The Zorblax Department said so. Later, Zorblax said sales rose.";
        assert_eq!(label_of(text, "Zorblax"), Some(Label::Person));
    }

    #[test]
    fn a_title_of_the_other_gender_keeps_family_members_apart() {
        let e = extractor();
        let canonical = |text: &str, surface: &str| {
            let doc = e.extract(text);
            doc.entities.iter().find(|m| m.text == surface).map(|m| m.canonical.to_string())
        };
        let text = "Tom Zorbl spoke first. Later Mrs. Zorbl said he was tired.";
        assert_eq!(canonical(text, "Zorbl").as_deref(), Some("Zorbl"));
        let text = "Tom Zorbl spoke first. Later Mr. Zorbl said he was tired.";
        assert_eq!(canonical(text, "Zorbl").as_deref(), Some("Tom Zorbl"));
        let text = "Sarah Zorbl spoke first. Later Mr Zorbl said she was tired.";
        assert_eq!(canonical(text, "Zorbl").as_deref(), Some("Zorbl"));
        // A given name of either gender proves nothing: `Mr Zorbl` may be `Robin Zorbl`.
        let text = "Robin Zorbl spoke first. Later Mr Zorbl said he was tired.";
        assert_eq!(canonical(text, "Zorbl").as_deref(), Some("Robin Zorbl"));
    }

    #[test]
    fn a_peer_is_known_by_the_title() {
        let e = extractor();
        let canonicals =
            |text: &str| -> Vec<String> { e.extract(text).entities.iter().map(|m| m.canonical.to_string()).collect() };
        // The titled name is the referent's, for the name alone too, before or after it.
        let text = "Zorbling spoke first. Later Lord Zorbling said he was tired.";
        assert_eq!(canonicals(text), ["Lord Zorbling", "Lord Zorbling"]);
        assert_eq!(canonicals("Baroness Zorbling agreed."), ["Baroness Zorbling"]);
        // An honorific or another title stays apart from the name.
        assert_eq!(canonicals("Later Mr Zorbling said he was tired."), ["Zorbling"]);
        assert_eq!(canonicals("Later Senator Zorbling said he was tired."), ["Zorbling"]);
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
