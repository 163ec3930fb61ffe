//! One entity per referent: resolves candidates into mentions with canonical names.
//!
//! - A person's full name (two words or more) makes its last word a short
//!   form: later and earlier single-word mentions of it (`Trump`, also at a
//!   sentence start or where a lexicon said something else) become that
//!   person.
//! - An acronym in brackets after a name (`Federal Aviation Administration
//!   (FAA)`) makes the acronym a short form of the name.
//! - A lexicon hit takes the lexicon's canonical name and id.
//! - An unknown single word becomes a person when it is a known surname
//!   outside sentence-initial position; an unknown run of two to four
//!   words outside sentence-initial position becomes a person, or an
//!   organisation when it holds a connector (`of`, `&`). The rest is dropped.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::token::TokenKind;
use crate::Label;

use super::rules::{Candidate, Context, Evidence};
use super::{Gender, Mention};

/// Resolves `candidates` (in text order) into non-overlapping mentions.
pub fn merge<'a>(cx: &Context<'_, 'a>, candidates: Vec<Candidate>) -> Vec<Mention<'a>> {
    let text = cx.text;
    // Short forms of full names and acronyms: surface -> (canonical, label, gender).
    let mut short_forms: HashMap<Cow<'a, str>, (Cow<'a, str>, Label, Gender)> = HashMap::new();
    for c in &candidates {
        let label = match c.evidence {
            Evidence::Rule(label) => label,
            Evidence::Lexicon(entry) => cx.gazetteer.entries()[entry].label,
            Evidence::Unknown => match guess(cx, c) {
                Some(label) => label,
                None => continue,
            },
        };
        if label == Label::Person && c.tokens.len() >= 2 {
            // Every tail of the name that starts a word is a short form: `de Vries`, `Vries`.
            for k in c.tokens.start + 1..c.tokens.end {
                let tail = &text[cx.tokens[k].span.start()..c.span.end()];
                let starts_name = tail.chars().next().is_some_and(char::is_uppercase) || k + 1 < c.tokens.end;
                if starts_name {
                    short_forms.entry(folded(tail)).or_insert((Cow::Borrowed(&text[c.span]), Label::Person, c.gender));
                }
            }
        }
        if let Some(acronym) = acronym_after(cx, c) {
            let canonical = match c.evidence {
                Evidence::Lexicon(entry) => lexicon_str(&cx.gazetteer.entries()[entry].canonical),
                _ => Cow::Borrowed(&text[c.span]),
            };
            short_forms.entry(Cow::Borrowed(acronym)).or_insert((canonical, label, Gender::Unknown));
        }
    }
    let mut mentions: Vec<Mention<'a>> = Vec::with_capacity(candidates.len());
    for c in candidates {
        let surface = &text[c.span];
        let short = short_forms.get(&folded(surface));
        let mention = match (c.evidence, short) {
            (_, Some((canonical, label, gender))) if canonical != surface => Some(Mention {
                span: c.span,
                tokens: c.tokens,
                label: *label,
                canonical: canonical.clone(),
                title: c.title,
                id: None,
                gender: *gender,
            }),
            (Evidence::Lexicon(entry), _) => {
                let entry = &cx.gazetteer.entries()[entry];
                Some(Mention {
                    span: c.span,
                    tokens: c.tokens,
                    label: entry.label,
                    canonical: lexicon_str(&entry.canonical),
                    title: None,
                    id: entry.id.as_ref().map(lexicon_str),
                    gender: Gender::Unknown,
                })
            }
            (Evidence::Rule(label), _) => Some(Mention {
                span: c.span,
                tokens: c.tokens,
                label,
                canonical: Cow::Borrowed(surface),
                title: c.title,
                id: None,
                gender: c.gender,
            }),
            (Evidence::Unknown, _) => guess(cx, &c).map(|label| Mention {
                span: c.span,
                tokens: c.tokens,
                label,
                canonical: Cow::Borrowed(surface),
                title: None,
                id: None,
                gender: Gender::Unknown,
            }),
        };
        if let Some(m) = mention {
            if mentions.last().is_none_or(|p| p.span.end() <= m.span.start()) {
                mentions.push(m);
            }
        }
    }
    mentions
}

/// A lexicon string for a mention: borrowed when the lexicon is bundled, copied otherwise.
#[allow(clippy::ptr_arg)] // the Cow's variant is the point: borrowed text stays borrowed
fn lexicon_str<'a>(s: &Cow<'static, str>) -> Cow<'a, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(b),
        Cow::Owned(o) => Cow::Owned(o.clone()),
    }
}

/// The text with curly apostrophes folded to straight ones, so `O’Neill` and `O'Neill` are one name.
fn folded(s: &str) -> Cow<'_, str> {
    if s.contains('’') {
        Cow::Owned(s.replace('’', "'"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Speech verbs next to which an unknown capitalised word is a speaker's name
/// (`“…,” Obama said`, `said O'Neill`).
const SPEAKS: &[&str] = &[
    "acknowledged",
    "added",
    "argued",
    "asked",
    "continued",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "said",
    "says",
    "stated",
    "told",
    "tweeted",
    "warned",
    "writes",
    "wrote",
];

/// The label of an unknown candidate, if it is worth keeping.
fn guess(cx: &Context<'_, '_>, c: &Candidate) -> Option<Label> {
    let words: Vec<&str> = c.tokens.clone().map(|k| &cx.text[cx.tokens[k].span]).collect();
    if words.iter().any(|w| cx.lists.is_function_word(w)) {
        return None;
    }
    let word_at = |k: usize| cx.tokens.get(k).map(|t| &cx.text[t.span]);
    let speaks_after = word_at(c.tokens.end).is_some_and(|w| SPEAKS.contains(&w));
    let speaks_before = c.tokens.start > 0 && word_at(c.tokens.start - 1).is_some_and(|w| SPEAKS.contains(&w));
    let title_case =
        words.iter().all(|w| w.chars().skip(1).all(char::is_lowercase) || w.chars().all(char::is_lowercase));
    let name_like = title_case
        && words.iter().all(|w| w.chars().all(|ch| ch.is_alphabetic() || ch == '\'' || ch == '’' || ch == '-'));
    if (speaks_after || speaks_before) && name_like && words.len() <= 3 {
        return Some(Label::Person);
    }
    if c.sentence_initial {
        // A sentence-initial pair of capitalised words is a name when an appositive follows.
        let appositive = word_at(c.tokens.end) == Some(",")
            && word_at(c.tokens.end + 1).is_some_and(|w| matches!(w, "who" | "the" | "a" | "an"));
        return (words.len() >= 2 && words.len() <= 3 && name_like && appositive).then_some(Label::Person);
    }
    match words.len() {
        1 => {
            let w = words[0];
            (cx.lists.is_surname(w) && w.chars().skip(1).all(char::is_lowercase)).then_some(Label::Person)
        }
        2..=4 => {
            if words.iter().any(|w| matches!(*w, "of" | "&" | "for" | "and")) {
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

/// The acronym in brackets right after `c` whose letters are the initials of its words.
fn acronym_after<'a>(cx: &Context<'_, 'a>, c: &Candidate) -> Option<&'a str> {
    let k = c.tokens.end;
    let [open, acronym, close] = cx.tokens.get(k..k + 3)? else {
        return None;
    };
    let word = |t: &crate::token::Token| &cx.text[t.span];
    if word(open) != "(" || word(close) != ")" || acronym.kind != TokenKind::Word {
        return None;
    }
    let acronym = word(acronym);
    if acronym.len() < 2 || !acronym.chars().all(|ch| ch.is_ascii_uppercase()) {
        return None;
    }
    let initials: String = c
        .tokens
        .clone()
        .map(|k| word(&cx.tokens[k]))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    (initials == acronym).then_some(acronym)
}
