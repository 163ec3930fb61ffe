//! Speaker phrases: names, pronouns and nominal speakers around a cue, and
//! how pronouns and descriptions resolve to a referent.

use std::ops::Range;

use crate::entity::{Gender, Mention, WordLists};
use crate::segment::Segments;
use crate::token::{Token, TokenKind};
use crate::token_bits::TokenBits;
use crate::{Label, Span};

use super::cues::{Cue, CueKind, CueLexicon, SpeakerKind};

/// How far (in tokens) a speaker phrase may reach.
const MAX_PHRASE: usize = 6;
/// How far from a sentence's start its subject may be, and how far back
/// from a participle its main verb.
const SUBJECT_WINDOW: usize = 40;
/// How far back an appositive (`X, the head of Y, said`) may reach.
const MAX_APPOSITIVE: usize = 24;
/// How many tokens a speaker phrase with its qualifying phrases (`officials
/// in the ministry of finance in Bogotá`) may span: each qualifier is a
/// phrase ending where the next begins, so the bound also bounds how deep
/// [`Scene::qualified`] and [`Scene::np_ending_at`] call each other.
const MAX_QUALIFIED: usize = 24;
/// How many tokens [`Scene::skip_back_adverbs`] may skip between a subject and its cue.
const MAX_BETWEEN: usize = 12;
/// How many capitalised words a name found without an entity may have (see [`Scene::capitalised_name`]).
pub(super) const MAX_NAME_WORDS: usize = 4;

/// What kind of phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerPhrase {
    /// An entity mention (its index in the mention list).
    Name(usize),
    /// A personal pronoun or possessive (`he`, `his`, `they`).
    Pronoun(Gender, bool),
    /// A description (`analysts`, `the report`).
    Nominal(SpeakerKind),
    /// A capitalised name no entity covers: a transcript label (`WALLACE:`)
    /// or the name that opens an attribution (`“…,” Espinoza said`).
    Label,
    /// The relative pronoun `who` (`McConnell, who said …`), standing for the name before it.
    Relative,
}

/// A speaker (or addressee) phrase in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// The phrase as written (with title or determiner).
    pub span: Span,
    /// Its tokens.
    pub tokens: Range<usize>,
    /// What it is.
    pub phrase: SpeakerPhrase,
}

/// Everything the quote rules look at.
pub struct Scene<'s, 'a> {
    /// The input.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'s [Token],
    /// Its paragraphs and sentences.
    pub segments: &'s Segments,
    /// The entity mentions, in text order.
    pub mentions: &'s [Mention<'a>],
    /// For each token, the mention it lies in (`u32::MAX` for none).
    mention_of_token: Vec<u32>,
    /// The lower-case text of every token (see [`Scene::lower`]).
    lowered: Lowered,
    /// One bit per token that may open a cue (see [`Scene::may_be_cue`]).
    cue_starts: TokenBits,
    /// Cue words and nominal speakers.
    pub cues: &'s CueLexicon,
    /// Entity word lists (titles, given names).
    pub lists: &'s WordLists,
}

const NONE: u32 = u32::MAX;

/// Days of the week, which date a cue (`on Monday said`).
const WEEKDAYS: &[&[u8]] = &[b"monday", b"tuesday", b"wednesday", b"thursday", b"friday", b"saturday", b"sunday"];

/// Whether a word may stand between a subject and its cue verb (`has`,
/// `reportedly`); a `match`, which the compiler turns into a switch on the
/// length, where a slice scan cost hundreds of instructions per cue.
fn between_subject_and_cue(word: &[u8]) -> bool {
    matches!(
        word,
        b"again"
            | b"allegedly"
            | b"also"
            | b"already"
            | b"always"
            | b"apparently"
            | b"best"
            | b"bluntly"
            | b"briefly"
            | b"clearly"
            | b"did"
            | b"does"
            | b"earlier"
            | b"even"
            | b"eventually"
            | b"finally"
            | b"firmly"
            | b"first"
            | b"flatly"
            | b"frequently"
            | b"had"
            | b"has"
            | b"have"
            | b"is"
            | b"just"
            | b"last"
            | b"later"
            | b"latest"
            | b"long"
            | b"may"
            | b"might"
            | b"never"
            | b"now"
            | b"often"
            | b"once"
            | b"only"
            | b"openly"
            | b"previously"
            | b"privately"
            | b"publicly"
            | b"quickly"
            | b"quietly"
            | b"recently"
            | b"reportedly"
            | b"repeatedly"
            | b"simply"
            | b"since"
            | b"still"
            | b"strongly"
            | b"then"
            | b"today"
            | b"was"
            | b"were"
            | b"will"
            | b"would"
            | b"yesterday"
    )
}

/// Whether a word opens a noun phrase as its determiner (`the`, `his`, `several`, `two`).
fn is_determiner_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"a" | b"all"
            | b"an"
            | b"another"
            | b"both"
            | b"his"
            | b"her"
            | b"its"
            | b"many"
            | b"most"
            | b"one"
            | b"other"
            | b"several"
            | b"some"
            | b"the"
            | b"their"
            | b"these"
            | b"this"
            | b"those"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
    )
}

/// Whether a word ends a phrase without being its head noun (`the investors and`, `a seat that could`).
fn not_head_noun(word: &[u8]) -> bool {
    matches!(
        word,
        b"a" | b"all"
            | b"also"
            | b"an"
            | b"and"
            | b"any"
            | b"bad"
            | b"best"
            | b"but"
            | b"can"
            | b"could"
            | b"each"
            | b"every"
            | b"few"
            | b"good"
            | b"great"
            | b"her"
            | b"his"
            | b"its"
            | b"least"
            | b"less"
            | b"many"
            | b"may"
            | b"might"
            | b"more"
            | b"most"
            | b"much"
            | b"must"
            | b"new"
            | b"nor"
            | b"not"
            | b"old"
            | b"only"
            | b"or"
            | b"other"
            | b"our"
            | b"own"
            | b"same"
            | b"shall"
            | b"should"
            | b"so"
            | b"some"
            | b"such"
            | b"than"
            | b"that"
            | b"the"
            | b"their"
            | b"them"
            | b"then"
            | b"these"
            | b"this"
            | b"those"
            | b"very"
            | b"what"
            | b"which"
            | b"who"
            | b"will"
            | b"would"
            | b"yet"
    )
}

/// Pronouns a relative `who` after them gives no speaker: `anybody who complains`.
const INDEFINITE_PRONOUNS: &[&[u8]] =
    &[b"anybody", b"anyone", b"everybody", b"everyone", b"nobody", b"somebody", b"someone", b"whoever"];

/// Prepositions, which end a role before a name (`a report by the Miami Herald` is no role).
const PREPOSITIONS: &[&[u8]] =
    &[b"about", b"at", b"by", b"for", b"from", b"in", b"into", b"of", b"on", b"over", b"to", b"with"];

/// Whether a word is an adjective often seen inside nominal speakers (`senior officials`, `a local resident`).
fn speaker_adjective(word: &[u8]) -> bool {
    matches!(
        word,
        b"anonymous"
            | b"chief"
            | b"current"
            | b"defense"
            | b"defence"
            | b"former"
            | b"foreign"
            | b"government"
            | b"independent"
            | b"industry"
            | b"intelligence"
            | b"international"
            | b"leading"
            | b"local"
            | b"market"
            | b"military"
            | b"party"
            | b"political"
            | b"police"
            | b"senior"
            | b"security"
            | b"state"
            | b"top"
            | b"western"
            | b"white"
            | b"house"
    )
}

/// Where the first byte of 128 or more at or after `at` is, 32 bytes at a
/// time (an OR over a chunk, which the compiler vectorises).
fn next_non_ascii(bytes: &[u8], mut at: usize) -> Option<usize> {
    while let Some(chunk) = bytes.get(at..at + 32) {
        if chunk.iter().fold(0, |any, &b| any | b) >= 0x80 {
            break;
        }
        at += 32;
    }
    bytes.get(at..)?.iter().position(|&b| b >= 0x80).map(|i| at + i)
}

/// Appends `word`, whose ASCII letters are already in lower case, to `out`
/// with its other characters in lower case too: the ASCII runs between them
/// are copied whole, not character by character.
fn push_lower_case(out: &mut String, word: &str) {
    let mut rest = word;
    // A byte of 128 or more found from a character boundary starts a character.
    while let Some(i) = rest.bytes().position(|b| b >= 0x80) {
        out.push_str(&rest[..i]);
        let c = rest[i..].chars().next().expect("a character starts at a non-ASCII byte");
        out.extend(c.to_lowercase());
        rest = &rest[i + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// The lower-case text of every token, computed once per document.
struct Lowered {
    /// The text with every token in lower case whose lower case is as long
    /// as it (all ASCII words, and nearly all others): same offsets, so such
    /// a token's lower-case text is at its own span.
    text: String,
    /// The tokens whose lower-case text is in `unicode` rather than in
    /// `text`: the rare ones (`İ`) whose lower case has another length.
    in_unicode: TokenBits,
    /// The lower-case text of those tokens, one after the other.
    unicode: String,
    /// Those tokens, in order, each with where its lower-case text is in `unicode`.
    unicode_spans: Vec<(usize, Span)>,
}

impl Lowered {
    /// The lower-case text of `tokens`, cut from `text`.
    fn new(text: &str, tokens: &[Token]) -> Lowered {
        // One pass over the whole text lower-cases every ASCII token at once.
        let mut lowered = Lowered {
            text: text.to_ascii_lowercase(),
            in_unicode: TokenBits::empty(tokens.len()),
            unicode: String::new(),
            unicode_spans: Vec::new(),
        };
        // The other tokens are found from the text's non-ASCII bytes.
        let (mut at, mut k) = (0, 0);
        while let Some(p) = next_non_ascii(text.as_bytes(), at) {
            // The token holding byte `p`, or the first after it: mostly one of
            // the next few (text dense in curly marks), else a binary search.
            let near = tokens[k..].iter().take(4).position(|t| t.span().end() > p);
            k += near.unwrap_or_else(|| tokens[k..].partition_point(|t| t.span().end() <= p));
            let Some(t) = tokens.get(k).filter(|t| t.span().start() <= p) else {
                at = p + 1; // a space, not in any token
                continue;
            };
            at = t.span().end();
            // Quote marks, dashes, ellipses and bullets have no case: `text` holds them as they are.
            if !matches!(t.kind, TokenKind::Quote | TokenKind::Dash | TokenKind::Ellipsis | TokenKind::Bullet) {
                let start = lowered.unicode.len();
                push_lower_case(&mut lowered.unicode, &lowered.text.as_str()[t.span()]);
                let lower = &lowered.unicode[start..];
                if lower.len() == t.span().len() {
                    // In place, so `lower` and `lower_bytes` find it with no test of `in_unicode` set.
                    lowered.text.replace_range(t.span().range(), lower);
                    lowered.unicode.truncate(start);
                } else {
                    lowered.unicode_spans.push((k, Span::new(start, lowered.unicode.len())));
                    lowered.in_unicode.insert(k);
                }
            }
            k += 1;
        }
        lowered
    }

    /// Whether token `k`'s lower-case text is in `unicode` (never, in nearly
    /// every document: one test, before any bit is looked up).
    #[inline]
    fn in_unicode(&self, k: usize) -> bool {
        !self.unicode_spans.is_empty() && self.in_unicode.contains(k)
    }

    /// The lower-case text of token `k`, one whose bit is set in `in_unicode`.
    #[cold]
    fn unicode(&self, k: usize) -> &str {
        let i = self.unicode_spans.partition_point(|&(t, _)| t < k);
        &self.unicode.as_str()[self.unicode_spans[i].1]
    }
}

/// The bits of `rest` whose index passes `test`, tried one set bit at a time.
#[inline(always)]
fn bits_passing(mut rest: u64, test: impl Fn(usize) -> bool) -> u64 {
    let mut bits = 0;
    while rest != 0 {
        let i = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        bits |= u64::from(test(i)) << i;
    }
    bits
}

/// The bits of [`Scene::may_be_cue`], 64 tokens at a time: first which
/// are words, then the cue filter on those words alone (the filter's own
/// test of the word's length would mispredict on every punctuation mark).
fn cue_starts(tokens: &[Token], lowered: &Lowered, cues: &CueLexicon) -> TokenBits {
    let lower = lowered.text.as_bytes();
    let words = TokenBits::of(tokens, |t| t.kind == TokenKind::Word);
    let starts = words
        .words()
        .iter()
        .zip(tokens.chunks(64))
        .zip(lowered.in_unicode.words())
        .map(|((&words, chunk), &in_unicode)| {
            // A word whose lower case has another length has it elsewhere: let it through.
            let starts = words & in_unicode;
            let rest = words & !in_unicode;
            let may_start = |t: &Token| cues.may_start_speech(&lower[t.span().range()]);
            starts
                | match <&[Token; 64]>::try_from(chunk) {
                    // A whole chunk: `i & 63` is in it, with no bounds check.
                    Ok(whole) => bits_passing(rest, |i| may_start(&whole[i & 63])),
                    Err(_) => bits_passing(rest, |i| may_start(&chunk[i])),
                }
        })
        .collect();
    TokenBits::from_words(starts)
}

impl<'s, 'a> Scene<'s, 'a> {
    /// Indexes the document for the quote rules.
    pub fn new(
        text: &'a str,
        tokens: &'s [Token],
        segments: &'s Segments,
        mentions: &'s [Mention<'a>],
        cues: &'s CueLexicon,
        lists: &'s WordLists,
    ) -> Scene<'s, 'a> {
        let mut mention_of_token = vec![NONE; tokens.len()];
        for (i, m) in mentions.iter().enumerate() {
            for k in m.tokens.clone() {
                mention_of_token[k] = i as u32;
            }
        }
        let lowered = Lowered::new(text, tokens);
        let cue_starts = cue_starts(tokens, &lowered, cues);
        Scene { text, tokens, segments, mentions, mention_of_token, lowered, cue_starts, cues, lists }
    }

    /// The text of token `k`.
    pub fn word(&self, k: usize) -> &'a str {
        &self.text[self.tokens[k].span()]
    }

    /// Whether token `k` is `word`, ignoring ASCII case.
    #[inline]
    pub fn is(&self, k: usize, word: &str) -> bool {
        let span = self.tokens[k].span();
        // Bytes, not a `str`: no character boundaries to check.
        span.len() == word.len() && self.text.as_bytes()[span.range()].eq_ignore_ascii_case(word.as_bytes())
    }

    /// Whether token `k` may open a cue: a word that passes the cue
    /// lexicon's [`CueLexicon::may_start_speech`]. `false` is sure.
    #[inline]
    pub fn may_be_cue(&self, k: usize) -> bool {
        self.cue_starts.contains(k)
    }

    /// The first token in `from..end` that may open a cue (see
    /// [`Scene::may_be_cue`]): a scan of 64 tokens at a time, whose only
    /// data-dependent branch is finding one.
    pub fn next_cue_start(&self, from: usize, end: usize) -> Option<usize> {
        self.cue_starts.next(from, end)
    }

    /// The cue word token `k` is, if any.
    #[inline]
    pub fn cue(&self, k: usize) -> Option<Cue> {
        // Most words are no cue: the filter rejects them cheaply. The words
        // it lets through (and the few outside ASCII) go to the table alone.
        if !self.may_be_cue(k) {
            return None;
        }
        self.cues.word_unfiltered(self.lower(k))
    }

    /// The kind of nominal speaker word token `k` is, if any (`analysts`,
    /// `spokesman`): most words fail the list's filter on their lower-case bytes.
    pub fn speaker_kind(&self, k: usize) -> Option<SpeakerKind> {
        if !self.cues.may_be_speaker(self.lower_bytes(k)) {
            return None;
        }
        self.cues.speaker(self.lower(k))
    }

    /// The lower-case form of token `k`, computed once per document.
    pub fn lower(&self, k: usize) -> &str {
        if self.lowered.in_unicode(k) {
            return self.lowered.unicode(k);
        }
        &self.lowered.text.as_str()[self.tokens[k].span()]
    }

    /// The lower-case form of token `k` as bytes, for tests against fixed
    /// words: [`Scene::lower`]'s, without the character-boundary checks of a `str`.
    #[inline]
    pub fn lower_bytes(&self, k: usize) -> &[u8] {
        if self.lowered.in_unicode(k) {
            return self.lowered.unicode(k).as_bytes();
        }
        &self.lowered.text.as_bytes()[self.tokens[k].span().range()]
    }

    /// Whether token `k` is written all in lower case (`announcer`, not `Trump`).
    fn in_lower_case(&self, k: usize) -> bool {
        let bytes = &self.text.as_bytes()[self.tokens[k].span().range()];
        // Byte by byte for an ASCII word, the common case; by characters otherwise.
        bytes.iter().all(u8::is_ascii_lowercase) || (!bytes.is_ascii() && self.word(k).chars().all(char::is_lowercase))
    }

    /// The sentence holding token `k`: a binary search, as the rules ask
    /// once per quote or cue, too rarely to pay for a table per token.
    pub fn sentence_of(&self, k: usize) -> usize {
        debug_assert!(k < self.tokens.len(), "token {k} is past the document's end");
        self.segments.sentences.partition_point(|s| s.tokens.end <= k)
    }

    /// The paragraph holding token `k`.
    pub fn paragraph_of(&self, k: usize) -> usize {
        let sentence = self.sentence_of(k);
        self.segments.paragraphs.partition_point(|p| p.sentences.end <= sentence)
    }

    /// The mention token `k` lies in.
    pub fn mention_at(&self, k: usize) -> Option<usize> {
        self.mention_of_token.get(k).copied().filter(|&m| m != NONE).map(|m| m as usize)
    }

    /// The span of tokens `range`.
    pub fn span(&self, range: &Range<usize>) -> Span {
        self.tokens[range.start].span().cover(self.tokens[range.end - 1].span())
    }

    /// Skips, leftwards from `e`, what may stand between a subject and its
    /// cue: adverbs and auxiliaries (`has`, `reportedly`), a date (`in 2010`,
    /// `on Monday`) and a short parenthetical (`Sen. David Perdue (R-Ga.) said`).
    pub fn skip_back_adverbs(&self, mut e: usize, floor: usize) -> usize {
        // A run of `-ly` words (`reply reply …`) is no adverb phrase: the walk stops within a window.
        let floor = floor.max(e.saturating_sub(MAX_BETWEEN));
        // `who in 2010 said`, `who on Monday said`
        let dated = |e: usize| e > floor + 1 && matches!(self.lower_bytes(e - 2), b"in" | b"on");
        while e > floor {
            match self.tokens[e - 1].kind {
                TokenKind::Word => {
                    let word = self.lower_bytes(e - 1);
                    // `Kelly said`: a name ending in `-ly` is no adverb.
                    let adverb = word.ends_with(b"ly") && self.mention_at(e - 1).is_none();
                    if adverb || between_subject_and_cue(word) {
                        e -= 1;
                    } else if WEEKDAYS.contains(&word) && dated(e) {
                        e -= 2;
                    } else {
                        break;
                    }
                }
                TokenKind::Number if dated(e) => e -= 2,
                TokenKind::Punct if self.is(e - 1, ")") => {
                    match (floor.max(e.saturating_sub(10))..e - 1).rev().find(|&k| self.is(k, "(")) {
                        Some(open) => e = open,
                        None => break,
                    }
                }
                _ => break,
            }
        }
        e
    }

    /// The speaker phrase whose last token is `e - 1`, not reaching before `floor`.
    pub fn np_ending_at(&self, e: usize, floor: usize) -> Option<Np> {
        if e <= floor {
            return None;
        }
        let k = e - 1;
        if let Some(m) = self.mention_at(k) {
            let mention = &self.mentions[m];
            if mention.tokens.end != e {
                return None;
            }
            return Some(self.qualified(self.name_np(m, floor), floor));
        }
        if self.tokens[k].kind == TokenKind::Punct && self.is(k, ",") {
            return self.appositive_subject(k, floor);
        }
        if self.tokens[k].kind != TokenKind::Word {
            return None;
        }
        let lower = self.lower_bytes(k);
        if let Some((gender, plural)) = pronoun(lower, false) {
            return Some(Np {
                span: self.tokens[k].span(),
                tokens: k..e,
                phrase: SpeakerPhrase::Pronoun(gender, plural),
            });
        }
        // `who` after a phrase relates to it (`McConnell, who`); opening a
        // sentence it asks a question, after `anybody` it names nobody.
        if lower == b"who" && k > floor && !INDEFINITE_PRONOUNS.contains(&self.lower_bytes(k - 1)) {
            return Some(Np { span: self.tokens[k].span(), tokens: k..e, phrase: SpeakerPhrase::Relative });
        }
        let kind = self.speaker_kind(k)?;
        let mut start = k;
        while start > floor && k - start < MAX_PHRASE && self.modifies_nominal(start - 1) {
            start -= 1;
        }
        // `the water company`: a determiner a few words back takes the words between.
        if let Some(described) = self.described_ending_at(e, floor).filter(|d| d.tokens.start < start) {
            start = described.tokens.start;
        }
        Some(self.qualified(
            Np { span: self.span(&(start..e)), tokens: start..e, phrase: SpeakerPhrase::Nominal(kind) },
            floor,
        ))
    }

    /// A phrase after a preposition qualifies the speaker before it: `officials
    /// in Bogotá`, `a spokesman for the water company`, `advisers to Mr. Obama`;
    /// a person's affiliation too: `Jane Smith of the union`, `Jane Smith at Acme`.
    /// The whole phrase spans at most [`MAX_QUALIFIED`] tokens.
    fn qualified(&self, np: Np, floor: usize) -> Np {
        let floor = floor.max(np.tokens.end.saturating_sub(MAX_QUALIFIED));
        let start = np.tokens.start;
        let qualifies = matches!(np.phrase, SpeakerPhrase::Nominal(_))
            || matches!(np.phrase, SpeakerPhrase::Name(m) if self.mentions[m].label != Label::Person);
        if !qualifies
            || start <= floor + 1
            || !matches!(
                self.lower_bytes(start - 1),
                b"in" | b"from" | b"at" | b"across" | b"of" | b"for" | b"to" | b"with"
            )
        {
            return np;
        }
        let head = self.np_ending_at(start - 1, floor).filter(|h| match h.phrase {
            SpeakerPhrase::Nominal(kind) => matches!(kind, SpeakerKind::Person | SpeakerKind::Group),
            SpeakerPhrase::Name(m) => {
                self.mentions[m].label == Label::Person
                    && matches!(self.lower_bytes(start - 1), b"of" | b"at" | b"from")
            }
            _ => false,
        });
        match head {
            Some(head) => {
                Np { span: head.span.cover(np.span), tokens: head.tokens.start..np.tokens.end, phrase: head.phrase }
            }
            None => np,
        }
    }

    /// The speaker phrase starting at token `s` (for `said X`), not reaching `ceiling`.
    pub fn np_starting_at(&self, s: usize, ceiling: usize) -> Option<Np> {
        if s >= ceiling {
            return None;
        }
        if let Some(m) = self.mention_at(s) {
            let mention = &self.mentions[m];
            return (mention.tokens.start == s && mention.tokens.end <= ceiling).then(|| self.name_np(m, s));
        }
        // A title or role before a person's name: `said Senator Dave McCormick`,
        // `said 9/11 widow Terry Strada`, `said campaign spokesman Brian Fallon`,
        // `said former Ohio congressman Tim Ryan`; or a party member: `said a Nevada Democrat`.
        let window = s + 1..(s + 6).min(ceiling);
        let place_or_group = |k: usize| {
            self.mention_at(k).is_some_and(|x| matches!(self.mentions[x].label, Label::Gpe | Label::Norp | Label::Org))
        };
        let first = window.clone().find_map(|k| self.mention_at(k));
        let person =
            window.clone().find_map(|k| self.mention_at(k).filter(|&x| self.mentions[x].label == Label::Person));
        let named = person
            .filter(|&p| (s..self.mentions[p].tokens.start).all(|k| self.mention_at(k).is_none() || place_or_group(k)));
        // `a Nevada Democrat`: a determiner, places, and a party member or nationality ending the phrase.
        let member = window.clone().find_map(|k| self.mention_at(k).filter(|&x| self.mentions[x].label == Label::Norp));
        if let Some(member) = member.map(|x| &self.mentions[x]).filter(|x| {
            is_determiner_word(self.lower_bytes(s))
                && x.tokens.end <= ceiling
                && (s + 1..x.tokens.start).all(place_or_group)
                && (x.tokens.end == ceiling || self.tokens[x.tokens.end].kind != TokenKind::Word)
        }) {
            let tokens = s..member.tokens.end;
            return Some(Np { span: self.span(&tokens), tokens, phrase: SpeakerPhrase::Nominal(SpeakerKind::Person) });
        }
        if let Some(m) = named.or(first) {
            let mention = &self.mentions[m];
            let titled = mention.title.is_some_and(|t| t.start() == self.tokens[s].span().start());
            // `said former Gov. Tom Kell`: the title's own tokens belong to the role.
            let in_title = |k: usize| mention.title.is_some_and(|t| t.covers(self.tokens[k].span()));
            // A person's role may hold capitalised words no entity covers (`said QX-Rail President Tom
            // Kell`) and an inner `of` (`said director of communications Tom Kell`).
            let person = mention.label == Label::Person;
            let role_word = |k: usize| match self.tokens[k].kind {
                _ if in_title(k) => true,
                TokenKind::Word => {
                    (self.in_lower_case(k)
                        && pronoun(self.lower_bytes(k), false).is_none()
                        && !PREPOSITIONS.contains(&self.lower_bytes(k)))
                        || (person && place_or_group(k))
                        || (person
                            && self.mention_at(k).is_none()
                            && self.word(k).starts_with(|c: char| c.is_uppercase()))
                        || (person && k > s && self.is(k, "of"))
                }
                TokenKind::Number | TokenKind::Dash => true,
                TokenKind::Punct => self.is(k, "/"),
                _ => false,
            };
            let role = matches!(mention.label, Label::Person | Label::Org) && (s..mention.tokens.start).all(role_word);
            if titled || role {
                let np = self.name_np(m, s);
                return Some(Np {
                    span: self.tokens[s].span().cover(np.span),
                    tokens: s..np.tokens.end,
                    phrase: np.phrase,
                });
            }
        }
        if self.tokens[s].kind != TokenKind::Word {
            return None;
        }
        if let Some((gender, plural)) = pronoun(self.lower_bytes(s), false) {
            return Some(Np {
                span: self.tokens[s].span(),
                tokens: s..s + 1,
                phrase: SpeakerPhrase::Pronoun(gender, plural),
            });
        }
        let mut k = s;
        while k < ceiling && k - s < MAX_PHRASE {
            if self.tokens[k].kind == TokenKind::Word {
                if let Some(kind) = self.speaker_kind(k) {
                    // Prefer the last noun of a compound (`foreign ministry spokesman`).
                    if k + 1 < ceiling
                        && self.tokens[k + 1].kind == TokenKind::Word
                        && self.speaker_kind(k + 1).is_some()
                    {
                        k += 1;
                        continue;
                    }
                    return Some(Np {
                        span: self.span(&(s..k + 1)),
                        tokens: s..k + 1,
                        phrase: SpeakerPhrase::Nominal(kind),
                    });
                }
            }
            if !self.modifies_nominal(k) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The first speaker phrase of the sentence starting at `floor`, before
    /// token `limit`, outside quotation marks: the longest one from the first
    /// word (`Dutch Prime Minister Dick Schoof`, not `Dutch`), or from the
    /// first word after an opening phrase (`During a speech, Trump …`).
    pub fn sentence_subject(&self, floor: usize, limit: usize) -> Option<Np> {
        // The subject is near the sentence's start: every scan here stops within a window.
        let limit = limit.min(floor + SUBJECT_WINDOW);
        let mut inside = false;
        let start = (floor..limit).find(|&k| {
            if self.tokens[k].kind == TokenKind::Quote {
                inside = !inside;
            }
            !inside && self.tokens[k].is_wordlike()
        })?;
        // `During a speech in Ohio, Trump …`: an opening phrase's comma comes before the subject.
        let opening_phrase = PREPOSITIONS.contains(&self.lower_bytes(start))
            || self.opening_participle(start)
            || matches!(
                self.lower_bytes(start),
                b"during" | b"after" | b"before" | b"amid" | b"following" | b"despite" | b"as"
            );
        let comma = opening_phrase.then(|| (start + 1..limit).find(|&k| self.is(k, ","))).flatten();
        let start = match comma {
            Some(comma) => (comma + 1..limit).find(|&k| self.tokens[k].is_wordlike())?,
            None => start,
        };
        // `The United Nations Security Council`: a name may follow the article.
        let name_start = if self.is(start, "the") { start + 1 } else { start };
        (start + 1..=limit.min(start + 8)).rev().find_map(|e| {
            self.np_ending_at(e, start).filter(|np| np.tokens.start == start || np.tokens.start == name_start)
        })
    }

    /// Whether token `k` opens a sentence with a participle phrase before
    /// its subject (`Arriving at the depot, Quell …`): an -ing word
    /// that no name covers.
    fn opening_participle(&self, k: usize) -> bool {
        let word = self.lower_bytes(k);
        word.len() > 5
            && word.ends_with(b"ing")
            && self.tokens[k].kind == TokenKind::Word
            && self.mention_at(k).is_none()
            && !word.ends_with(b"thing")
    }

    /// The speaker of the cue before a participle (`the mayor said, adding that …`):
    /// the subject of the nearest earlier speech verb in the sentence, else the sentence's subject.
    pub fn main_speaker(&self, floor: usize, participle: usize) -> Option<Np> {
        // A cue that is also a noun is a noun after a determiner: `a court order`.
        let verb = (floor.max(participle.saturating_sub(SUBJECT_WINDOW))..participle).rev().find_map(|k| {
            let cue = self.speech_verb(k)?;
            (!(cue.participle || cue.noun && self.after_determiner(k, floor))).then_some((k, cue))
        });
        verb.and_then(|(u, cue)| {
            let adjacent = self.skip_back_adverbs(u, floor);
            // `…,” said X, adding …`: the speaker follows the cue only in an inverted attribution.
            let inverted = u > floor && matches!(self.tokens[u - 1].kind, TokenKind::Punct | TokenKind::Quote);
            self.np_ending_at(adjacent, floor)
                // `the New York businessman said`, unless the cue may be a noun (`a controversial comment`).
                .or_else(|| (!cue.noun).then(|| self.described_ending_at(adjacent, floor)).flatten())
                .or_else(|| inverted.then(|| self.np_starting_at(u + 1, participle)).flatten())
        })
        .or_else(|| self.sentence_subject(floor, participle))
    }

    /// Whether a determiner or possessive stands within three words before `k` (`his public warning`).
    pub fn after_determiner(&self, k: usize, floor: usize) -> bool {
        (floor.max(k.saturating_sub(3))..k)
            .rev()
            .any(|j| self.tokens[j].kind == TokenKind::Possessive || self.is_article_or_possessive(j))
    }

    /// Whether token `k` is an article or possessive determiner (`the`, `his`).
    pub fn is_article_or_possessive(&self, k: usize) -> bool {
        matches!(
            self.lower_bytes(k),
            b"his" | b"her" | b"their" | b"its" | b"the" | b"a" | b"an" | b"this" | b"our" | b"my"
        )
    }

    /// The outermost speaker of a subject: the speaker of a speech verb whose
    /// object holds its words (`Leaders denounced what Turnbull called …`), or,
    /// for a pronoun, the speaker it stands for when that speaker reports its
    /// clause (`Lynch said she recalled …`); else the subject itself.
    pub fn outermost(&self, np: Np, floor: usize) -> Np {
        let mut b = np.tokens.start;
        // `Other leaders denounced what Turnbull called …`: the outer speech verb's speaker.
        if b > floor + 1 && self.is(b - 1, "what") && self.is_speech_verb(b - 2) {
            let u = b - 2;
            let outer = if u > floor && self.is(u - 1, "to") {
                self.sentence_subject(floor, u)
            } else {
                self.np_ending_at(self.skip_back_adverbs(u, floor), floor)
            };
            if let Some(outer) = outer {
                return outer;
            }
        }
        let SpeakerPhrase::Pronoun(gender, plural) = np.phrase else {
            return np;
        };
        if b > floor && self.is(b - 1, "that") {
            b -= 1;
        }
        let outer = if b > floor && self.is(b - 1, "what") {
            self.sentence_subject(floor, b - 1)
        } else if b > floor && self.is_speech_verb(b - 1) {
            self.np_ending_at(self.skip_back_adverbs(b - 1, floor), floor)
        } else {
            None
        };
        match outer {
            Some(outer) if self.agrees(&outer, gender, plural) => outer,
            _ => np,
        }
    }

    /// Who reports a belief whose holder is a pronoun: the speaker of the
    /// nearest speech verb before it in its sentence, when the pronoun can
    /// stand for them (`Clinton says she hopes …, but she knows that …`).
    pub fn reporter_of_belief(&self, np: &Np, floor: usize) -> Option<Np> {
        let SpeakerPhrase::Pronoun(gender, plural) = np.phrase else {
            return None;
        };
        let low = floor.max(np.tokens.start.saturating_sub(SUBJECT_WINDOW));
        let u = (low..np.tokens.start).rev().find(|&k| self.is_speech_verb(k))?;
        let outer = self.np_ending_at(self.skip_back_adverbs(u, floor), floor)?;
        self.agrees(&outer, gender, plural).then_some(outer)
    }

    /// The cue verb (speech or belief) at token `k`, unless it is a noun
    /// after an article (`a report by …`, `the stated goal`).
    pub fn cue_verb(&self, k: usize) -> Option<Cue> {
        let cue = self.cue(k).filter(|c| c.kind == CueKind::Verb)?;
        let after_article = k > 0 && matches!(self.lower_bytes(k - 1), b"a" | b"an" | b"the");
        (!after_article).then_some(cue)
    }

    /// The speech verb (a [`cue_verb`](Self::cue_verb), not a belief) at token `k`.
    pub fn speech_verb(&self, k: usize) -> Option<Cue> {
        self.cue_verb(k).filter(|c| !c.belief)
    }

    /// Whether token `k` is a finite speech verb that is not also a noun (`said`, not `warning`).
    fn is_speech_verb(&self, k: usize) -> bool {
        self.speech_verb(k).is_some_and(|c| !c.participle && !c.noun)
    }

    /// Whether a pronoun of this gender and number can stand for `np`.
    fn agrees(&self, np: &Np, gender: Gender, plural: bool) -> bool {
        let same_gender = |g: Gender| g == gender || g == Gender::Unknown || gender == Gender::Unknown;
        match np.phrase {
            SpeakerPhrase::Name(m) => {
                let mention = &self.mentions[m];
                if plural {
                    mention.label == Label::Org
                } else {
                    mention.label == Label::Person && same_gender(mention.gender)
                }
            }
            SpeakerPhrase::Pronoun(g, p) => p == plural && same_gender(g),
            SpeakerPhrase::Nominal(kind) => plural != (kind == SpeakerKind::Person),
            SpeakerPhrase::Label | SpeakerPhrase::Relative => false,
        }
    }

    /// A description no list knows, right before a cue: `the announcer`,
    /// `a narrator in the ad`, `Connecticut’s tax commissioner`: a lower-case
    /// head word with a determiner or possessor at most four words before it.
    pub fn described_ending_at(&self, e: usize, floor: usize) -> Option<Np> {
        let head = e.checked_sub(1).filter(|&h| h >= floor)?;
        let lower_word = |k: usize| self.tokens[k].kind == TokenKind::Word && self.in_lower_case(k);
        if !lower_word(head) {
            return None;
        }
        let head_word = self.lower_bytes(head);
        let not_noun = not_head_noun(head_word) || head_word.ends_with(b"ly") || PREPOSITIONS.contains(&head_word);
        if not_noun || pronoun(head_word, true).is_some() {
            return None;
        }
        let mut start = None;
        for k in (floor.max(head.saturating_sub(4))..head).rev() {
            if is_determiner_word(self.lower_bytes(k)) {
                start = Some(k);
                break;
            }
            if self.tokens[k].kind == TokenKind::Possessive {
                // `Connecticut’s tax commissioner`, `the council’s lawyer`: the possessor is part of the phrase.
                start = Some(self.possessor_start(k, floor));
                break;
            }
            if !(lower_word(k) || self.mention_at(k).is_some()) {
                return None;
            }
        }
        let start = start?;
        Some(Np { span: self.span(&(start..e)), tokens: start..e, phrase: SpeakerPhrase::Nominal(SpeakerKind::Person) })
    }

    /// Where the possessor before the possessive mark at `k` starts (not
    /// before `floor`): the mention it ends (`Connecticut’s`), or a determiner
    /// at most three lower-case words back with no conjunction or preposition
    /// between (`the city council’s`, not `the quay and council’s`), or the
    /// lower-case possessor alone (`council’s`); else `k`.
    fn possessor_start(&self, k: usize, floor: usize) -> usize {
        let Some(p) = k.checked_sub(1).filter(|&p| p >= floor) else { return k };
        if let Some(m) = self.mention_at(p) {
            return self.mentions[m].tokens.start;
        }
        let determiner = |j: usize| j < p && is_determiner_word(self.lower_bytes(j));
        let lower_word = |j: usize| self.tokens[j].kind == TokenKind::Word && self.in_lower_case(j);
        let joins = |j: usize| {
            let word = self.lower_bytes(j);
            matches!(
                word,
                b"and" | b"or" | b"but" | b"nor" | b"as" | b"while" | b"when" | b"after" | b"before" | b"than"
            ) || PREPOSITIONS.contains(&word)
        };
        (floor.max(p.saturating_sub(3))..=p)
            .rev()
            .take_while(|&j| determiner(j) || (lower_word(j) && !joins(j)))
            .find(|&j| determiner(j))
            .unwrap_or(if lower_word(p) { p } else { k })
    }

    /// A description no list knows, right after an inverted cue: `said the
    /// driver`, `said a longtime adviser to the mayor`, `says the ad’s
    /// narrator`: a determiner at `s`, then at most `MAX_PHRASE` (6) lower-case
    /// words, numbers or names, ending at punctuation, a preposition or `who`
    /// (not reaching `ceiling`), its last word a noun.
    pub fn described_starting_at(&self, s: usize, ceiling: usize) -> Option<Np> {
        if s >= ceiling || self.tokens[s].kind != TokenKind::Word || !is_determiner_word(self.lower_bytes(s)) {
            return None;
        }
        // The determiner and at most MAX_PHRASE words after it.
        let limit = ceiling.min(s + 1 + MAX_PHRASE);
        let mut e = s + 1;
        while e < limit {
            let inside = match self.tokens[e].kind {
                TokenKind::Word => {
                    let word = self.lower_bytes(e);
                    (self.in_lower_case(e) || self.mention_at(e).is_some())
                        && !PREPOSITIONS.contains(&word)
                        && !matches!(word, b"who" | b"which" | b"that" | b"and" | b"or")
                }
                TokenKind::Number | TokenKind::Dash | TokenKind::Possessive => true,
                _ => false,
            };
            if !inside {
                break;
            }
            e += 1;
        }
        // The phrase ends where the attribution does, or where a qualifier or relative clause begins.
        let ends = e == ceiling
            || e < ceiling
                && match self.tokens[e].kind {
                    TokenKind::Word => PREPOSITIONS.contains(&self.lower_bytes(e)) || self.is(e, "who"),
                    TokenKind::Terminal | TokenKind::Quote => true,
                    TokenKind::Punct => self.is(e, ",") || self.is(e, ";"),
                    _ => false,
                };
        let head = e - 1;
        let word = self.lower_bytes(head);
        // `the 46-year-old`: `old` after a dash names a person.
        let age = head > s && word == b"old" && self.tokens[head - 1].kind == TokenKind::Dash;
        // Words in `-ly` are adverbs (`said the man quickly`), but for a few nouns.
        let adverb = word.ends_with(b"ly") && !matches!(word, b"family" | b"ally" | b"assembly" | b"daily" | b"rally");
        let noun = head > s
            && self.tokens[head].kind == TokenKind::Word
            && self.in_lower_case(head)
            && (age || !(not_head_noun(word) || adverb || pronoun(word, true).is_some()));
        (ends && noun).then(|| Np {
            span: self.span(&(s..e)),
            tokens: s..e,
            phrase: SpeakerPhrase::Nominal(SpeakerKind::Person),
        })
    }

    /// `“…,” Espinoza said`: tokens `s..e`, right after a quote and right
    /// before its cue, when they are one to `MAX_NAME_WORDS` (4) capitalised
    /// words that no determiner, pronoun or conjunction opens. Asked last,
    /// after the phrases built on entities, for a name no entity covers.
    pub fn capitalised_name(&self, s: usize, e: usize) -> Option<Np> {
        if s >= e {
            return None;
        }
        let capitalised =
            |k: usize| self.tokens[k].kind == TokenKind::Word && self.word(k).starts_with(|c: char| c.is_uppercase());
        let first = self.lower_bytes(s);
        let opens_name = !(is_determiner_word(first)
            || not_head_noun(first)
            || pronoun(first, false).is_some()
            || PREPOSITIONS.contains(&first));
        (e - s <= MAX_NAME_WORDS && opens_name && (s..e).all(capitalised)).then(|| Np {
            span: self.span(&(s..e)),
            tokens: s..e,
            phrase: SpeakerPhrase::Label,
        })
    }

    /// Whether token `k` is an apostrophe closing a plural possessive
    /// (`Sanders’ campaign`, `the voters' choice`): a single mark right after a word ending in `s`.
    pub fn is_plural_possessive(&self, k: usize) -> bool {
        k > 0
            && self.tokens[k].kind == TokenKind::Quote
            && matches!(self.word(k), "’" | "'")
            && self.tokens[k - 1].kind == TokenKind::Word
            && self.tokens[k - 1].span().end() == self.tokens[k].span().start()
            && self.lower_bytes(k - 1).ends_with(b"s")
            && self.tokens.get(k + 1).is_some_and(|t| t.span().start() > self.tokens[k].span().end())
    }

    /// The addressee right after cue verb `v` (whose cue is `cue`) when the
    /// cue takes one (`told reporters`), not reaching `limit`, and the token after the two.
    pub fn addressee_after(&self, v: usize, cue: Cue, limit: usize) -> (Option<Np>, usize) {
        let takes_addressee = cue.addressee;
        // `accuse Clinton’s campaign`: a possessor is no addressee.
        let possessor = |np: &Np| self.tokens.get(np.tokens.end).is_some_and(|t| t.kind == TokenKind::Possessive);
        // The phrase is sought only after a cue that takes one.
        match takes_addressee.then(|| self.np_starting_at(v + 1, limit)).flatten().filter(|np| !possessor(np)) {
            Some(np) => {
                let end = np.tokens.end;
                (Some(np), end)
            }
            None => (None, v + 1),
        }
    }

    /// A possessive speaker before a cue noun: `his`, `Trump’s`.
    pub fn possessor_before(&self, k: usize, floor: usize) -> Option<Np> {
        if k <= floor {
            return None;
        }
        let p = k - 1;
        if self.tokens[p].kind == TokenKind::Possessive {
            return self.np_ending_at(p, floor);
        }
        let (gender, plural) = pronoun(self.lower_bytes(p), true)?;
        Some(Np { span: self.tokens[p].span(), tokens: p..k, phrase: SpeakerPhrase::Pronoun(gender, plural) })
    }

    fn name_np(&self, m: usize, floor: usize) -> Np {
        let mention = &self.mentions[m];
        let mut span = mention.span;
        let mut start = mention.tokens.start;
        if let Some(title) = mention.title {
            // Include the title, and a place or nationality right before it (`US Secretary of War`).
            while start > floor && self.tokens[start - 1].span().start() >= title.start() {
                start -= 1;
            }
            if start > floor {
                if let Some(before) = self.mention_at(start - 1) {
                    let b = &self.mentions[before];
                    if matches!(b.label, Label::Gpe | Label::Norp | Label::Org) && b.tokens.start >= floor {
                        start = b.tokens.start;
                    }
                }
            }
            span = self.tokens[start].span().cover(span);
        }
        Np { span, tokens: start..mention.tokens.end, phrase: SpeakerPhrase::Name(m) }
    }

    /// `X, the head of Y,` or `X, who …, one of …,`: the name before the
    /// appositives ending at comma `k`; the earliest person wins, else the earliest name.
    fn appositive_subject(&self, k: usize, floor: usize) -> Option<Np> {
        let low = floor.max(k.saturating_sub(MAX_APPOSITIVE));
        let is_person =
            |np: &Np| matches!(np.phrase, SpeakerPhrase::Name(m) if self.mentions[m].label == Label::Person);
        // `The appeal, which reached the court in May, argued`: a relative clause
        // between commas holds no subject; the subject ends before it.
        let relative =
            (low..k).rev().find(|&j| self.is(j, ",") && matches!(self.lower_bytes(j + 1), b"who" | b"which"));
        let mut best: Option<Np> = None;
        for comma in (low..=relative.unwrap_or(k)).rev().filter(|&j| self.is(j, ",")) {
            let Some(np) = self.np_ending_at_name(comma, floor) else { continue };
            if is_person(&np) || !best.as_ref().is_some_and(is_person) {
                best = Some(np);
            }
        }
        // A phrase cut after a possessive (`’s captain` of `The team’s captain`) is no subject.
        best.or_else(|| {
            let j = relative?;
            self.np_ending_at(j, floor)
                .or_else(|| self.described_ending_at(j, floor))
                .filter(|np| self.tokens[np.tokens.start].kind != TokenKind::Possessive)
        })
    }

    /// A name phrase (not a pronoun or description) ending at `e`.
    fn np_ending_at_name(&self, e: usize, floor: usize) -> Option<Np> {
        let m = self.mention_at(e.checked_sub(1)?)?;
        (self.mentions[m].tokens.end == e && self.mentions[m].tokens.start >= floor).then(|| self.name_np(m, floor))
    }

    fn modifies_nominal(&self, k: usize) -> bool {
        let t = self.tokens[k];
        if self.mention_at(k).is_some() || t.kind == TokenKind::Number {
            return true;
        }
        if t.kind != TokenKind::Word {
            return t.kind == TokenKind::Dash;
        }
        let w = self.lower_bytes(k);
        is_determiner_word(w) || speaker_adjective(w) || self.speaker_kind(k).is_some()
    }
}

/// A personal pronoun's gender and number; `possessive` asks for `his`/`her`/`their`.
pub fn pronoun(word: &[u8], possessive: bool) -> Option<(Gender, bool)> {
    let found = if possessive {
        match word {
            b"his" => (Gender::Male, false),
            b"her" => (Gender::Female, false),
            b"their" => (Gender::Unknown, true),
            b"its" => (Gender::Unknown, false),
            _ => return None,
        }
    } else {
        match word {
            b"he" => (Gender::Male, false),
            b"she" => (Gender::Female, false),
            // `it` (a city, a report, a company) resolves like a group: never to a person.
            b"they" | b"we" | b"it" => (Gender::Unknown, true),
            b"i" => (Gender::Unknown, false),
            _ => return None,
        }
    };
    Some(found)
}

#[cfg(test)]
mod tests {
    use crate::test_support::extractor;

    /// The speaker phrase of every quote saywho finds in `text`.
    fn speakers(text: &str) -> Vec<String> {
        let doc = extractor().extract(text);
        doc.validate(text).unwrap();
        doc.quotes.iter().filter_map(|q| q.speaker.as_ref().map(|s| s.text.to_string())).collect()
    }

    #[test]
    fn qualifiers_join_the_speaker_within_a_bound() {
        assert_eq!(speakers("Officials in Bogotá said that the vote would be delayed."), ["Officials in Bogotá"]);
        // A chain of qualifiers longer than the bound keeps only its last ones (and no longer recurses per link).
        let text = format!("{}officials said that the vote would be delayed.", "officials in ".repeat(500));
        let found = speakers(&text);
        assert_eq!(found.len(), 1);
        assert!(found[0].split(' ').count() <= super::MAX_QUALIFIED, "{}", found[0]);
    }

    #[test]
    fn a_relative_clause_between_commas_holds_no_subject() {
        let text = "The appeal, which reached the court in Quelbury, argued that the fine was unfair.";
        assert_eq!(speakers(text), ["The appeal"]);
        let text = "Jane Smith, founder of Acme Media, which backs local papers, said the plan was a mistake.";
        assert_eq!(speakers(text), ["Jane Smith"]);
        // The phrase before the clause keeps its possessor whole (`The team’s captain`);
        // one cut at the possessive mark (`’s captain` of `Quux’s captain`) is no subject.
        let text = "The team’s captain, who is tall, said the club would win.";
        assert_eq!(speakers(text), ["The team’s captain"]);
        // An unknown capitalised possessor names nobody here, rather than a speaker cut at `’s`.
        let text = "Quux’s captain, who is tall, said the club would win.";
        assert_eq!(speakers(text), Vec::<String>::new());
        // Without a relative clause, the appositive's name still gives the subject.
        let text = "Jane Smith, the mayor of Ohio City, said the plan was a mistake.";
        assert_eq!(speakers(text), ["Jane Smith"]);
    }

    #[test]
    fn lower_case_stays_in_place_unless_its_length_changes() {
        let text = "ÉCOLE officials in Straße said İZMIR was “calm.”";
        let tokens = crate::token::tokenize(text);
        let lowered = super::Lowered::new(text, &tokens);
        let lower = |k: usize| {
            if lowered.in_unicode(k) {
                lowered.unicode(k)
            } else {
                &lowered.text.as_str()[tokens[k].span()]
            }
        };
        let words: Vec<&str> = (0..tokens.len()).map(lower).collect();
        let want: Vec<String> = tokens.iter().map(|t| text[t.span().range()].to_lowercase()).collect();
        assert_eq!(words, want);
        // `É` lowers to as many bytes, in place; `İ` to more (`i` and a combining dot), set apart.
        let set_apart: Vec<&str> = (0..tokens.len()).filter(|&k| lowered.in_unicode(k)).map(lower).collect();
        assert_eq!(set_apart, ["i\u{307}zmir"]);
        assert_eq!(&lowered.text[..6], "école");
    }

    #[test]
    fn adverbs_between_subject_and_cue_within_a_window() {
        assert_eq!(speakers("Jane Smith quietly and reportedly said that the plan failed."), Vec::<String>::new());
        assert_eq!(speakers("Jane Smith has reportedly said that the plan failed."), ["Jane Smith"]);
        // A run of `-ly` words longer than the window is no adverb phrase: no subject is found across it.
        let text = format!("Jane Smith {}said that the plan failed.", "quietly ".repeat(40));
        assert_eq!(speakers(&text), Vec::<String>::new());
    }
}
