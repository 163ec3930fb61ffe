//! Direct quotes: which quoted stretches are quotations, and who said them.
//!
//! A quoted stretch is a quotation (rather than a fragment inside a
//! sentence) when it opens its sentence, follows a `:` or `,` or a cue
//! verb, or is long. Its speaker is sought, in this order: after the quote
//! (`“…,” X said`, `“…,” said X`, `“…” — X`), before it in its paragraph
//! (`X said: “…”`), on an introducing line ending in `:` (`Trump told
//! Maduro:` then a bullet), or from the previous paragraph's quote when
//! this paragraph is only a quote. A quote interrupted by its attribution
//! (`“A,” he said. “B.”`, `“A?” he asked on “Show.” “B.”`, the second part
//! possibly opening the next paragraph) becomes one quote with two parts.

use crate::token::TokenKind;
use crate::{QuoteKind, Span};

use super::cues::{Cue, CueKind};
use super::marks::Quoted;
use super::speaker::{Np, Scene, SpeakerPhrase, MAX_NAME_WORDS};
use super::{Found, Rule};

/// How many tokens after a closing mark the attribution may start.
const AFTER_WINDOW: usize = 28;
/// How many tokens may separate the end of an attribution from the quote it interrupts.
const MAX_INTERRUPTION: usize = 50;
/// How many tokens before an opening mark the cue may be.
const BEFORE_WINDOW: usize = 12;
/// How many marks, dashes or bullets may stand between a sentence's start
/// and a quote that opens it, or between a quote that ends its sentence and the sentence's end.
const MAX_LEAD: usize = 6;

/// Splits quoted stretches into attributed direct quotes and the fragments
/// left for reported speech (by index into `quoted`).
pub fn attribute(scene: &Scene<'_, '_>, quoted: &[Quoted]) -> (Vec<Found>, Vec<usize>) {
    // Room for every stretch at once: quotes are large, and growing moves them.
    let mut found: Vec<Found> = Vec::with_capacity(quoted.len());
    let mut fragments = Vec::new();
    let mut consumed = vec![false; quoted.len()];
    for (i, q) in quoted.iter().enumerate() {
        if consumed[i] || q.nested {
            continue;
        }
        if !is_quotation(scene, q) {
            fragments.push(i);
            continue;
        }
        let inner: Vec<Span> =
            quoted[i + 1..].iter().take_while(|n| q.span.covers(n.span)).map(|n| n.content).collect();
        let previous = found.last().filter(|f| f.kind == QuoteKind::Direct);
        let mut quote = Found {
            kind: QuoteKind::Direct,
            span: q.span,
            content: q.content,
            parts: Vec::new(),
            fragments: inner,
            speaker: None,
            cue: None,
            addressee: None,
            rule: Rule::DirectUnattributed,
        };
        let label = super::marks::speaker_label_after(scene.text, scene.tokens, q.open);
        // `X said, “A.” He added, “B.”`: where a new sentence follows the quote, the attribution before it is
        // asked first, and only once.
        let before_first = label.is_none() && new_sentence_after(scene, q);
        if let Some(label) = label {
            // `"WALLACE: Let’s start …`: a transcript line, its speaker labelled.
            let np = Np { span: scene.tokens[label].span(), tokens: label..label + 1, phrase: SpeakerPhrase::Label };
            quote.content = Span::new(scene.tokens[label + 1].span().end(), q.content.end()).trim_start(scene.text);
            quote.apply(Attribution { speaker: Some(np), cue: None, addressee: None }, Rule::DirectLabel);
        } else if let Some(attribution) = before_first.then(|| before(scene, q)).flatten() {
            quote.apply(attribution, Rule::DirectCueBefore);
        } else if let Some((attribution, end)) = after(scene, q) {
            quote.apply(attribution, Rule::DirectCueAfter);
            // “A,” he said. “B.” — one quote in two parts.
            if let Some(j) = continuation_after(scene, quoted, i, end) {
                consumed[j] = true;
                let next = &quoted[j];
                quote.parts = vec![q.content, next.content];
                quote.content = q.content.cover(next.content);
                quote.span = q.span.cover(next.span);
            }
        } else if let Some(attribution) = (!before_first).then(|| before(scene, q)).flatten() {
            quote.apply(attribution, Rule::DirectCueBefore);
        } else if let Some(attribution) = dash_line_after(scene, q) {
            quote.apply(attribution, Rule::DirectDash);
        } else if let Some(attribution) = intro_line(scene, q, previous) {
            quote.apply(attribution, Rule::DirectIntroLine);
        } else if let Some(previous) = previous.filter(|p| continues(scene, q, p)) {
            quote.speaker = previous.speaker.clone();
            quote.rule = Rule::DirectContinuation;
        }
        found.push(quote);
    }
    (found, fragments)
}

/// Who said it: speaker, cue and addressee of one attribution.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    /// The speaker phrase.
    pub speaker: Option<Np>,
    /// The cue span.
    pub cue: Option<Span>,
    /// The addressee phrase.
    pub addressee: Option<Np>,
}

/// The first token of the quote's paragraph that is not a bullet.
fn paragraph_start(scene: &Scene<'_, '_>, p: usize) -> usize {
    let range = scene.segments.paragraphs[p].tokens.clone();
    range.clone().find(|&k| scene.tokens[k].kind != TokenKind::Bullet).unwrap_or(range.start)
}

fn is_quotation(scene: &Scene<'_, '_>, q: &Quoted) -> bool {
    let words = (q.open + 1..q.close.unwrap_or(scene.tokens.len()))
        .take_while(|&k| scene.tokens[k].span().end() <= q.content.end())
        .filter(|&k| scene.tokens[k].is_wordlike())
        .count();
    let sentence = &scene.segments.sentences[scene.sentence_of(q.open)];
    // Only a few marks may stand before it: a run of empty quotes (`"" "" …`) opens nothing.
    let opens_sentence = q.open - sentence.tokens.start <= MAX_LEAD
        && (sentence.tokens.start..q.open)
            .all(|k| matches!(scene.tokens[k].kind, TokenKind::Bullet | TokenKind::Quote | TokenKind::Dash));
    let after_colon = q.open > 0
        && matches!(scene.word(q.open - 1), ":" | "," | ":-")
        && scene.paragraph_of(q.open - 1) == q.paragraph;
    let after_cue = q.open > 0 && scene.cues.word(scene.lower(q.open - 1)).is_some_and(|c| c.quote && !c.participle);
    let ends_sentence = scene.text[q.content].trim_end().ends_with(['.', '!', '?', ',', '…']);
    if words <= MAX_TITLE_WORDS && names_a_title(scene, q) {
        return false;
    }
    (opens_sentence && (words >= 3 || ends_sentence))
        || ((after_colon || after_cue) && (words >= 4 || ends_sentence))
        || (words >= 10 && !inside_reported_clause(scene, q.open))
}

/// How many words a quoted title may have (see [`names_a_title`]).
const MAX_TITLE_WORDS: usize = 8;

/// Small words a title leaves in lower case (`Orange Is the New Black`).
const TITLE_SMALL_WORDS: &[&str] =
    &["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"];

/// Words after a quote that open a phrase or clause rather than name what the quote modifies (`“You Lie” at`).
const PHRASE_OPENERS: &[&str] =
    &["about", "after", "before", "but", "if", "into", "than", "that", "when", "which", "while", "who", "with"];

/// `a radio spot, “Fair Play for All,” that aired …`, `the drama “Harbour Lights” star
/// Ann Kell`: a title-cased name (every word capitalised but small ones, not
/// ending a sentence) in apposition after a comma that follows a noun, not a
/// cue, or modifying the lower-case noun right after it, is a title, not a quotation.
fn names_a_title(scene: &Scene<'_, '_>, q: &Quoted) -> bool {
    let Some(close) = q.close else { return false };
    let lower_word = |k: usize| {
        k < scene.tokens.len()
            && scene.tokens[k].kind == TokenKind::Word
            && scene.word(k).starts_with(|c: char| c.is_lowercase())
            && scene.cues.word(scene.lower(k)).is_none()
    };
    let appositive = q.open >= 2 && scene.is(q.open - 1, ",") && lower_word(q.open - 2);
    // A noun after it, not a pronoun (`“Go Home” he shouted`) or a word opening a phrase (`“You Lie” at`).
    let modifier = || {
        lower_word(close + 1)
            && super::speaker::pronoun(scene.lower_bytes(close + 1), false).is_none()
            && !TITLE_SMALL_WORDS.contains(&scene.word(close + 1))
            && !PHRASE_OPENERS.contains(&scene.word(close + 1))
    };
    // The place is asked first: most quotes stand in none, and then no word of theirs is read.
    if !(appositive || modifier()) {
        return false;
    }
    let capitalised = |k: usize| scene.word(k).starts_with(|c: char| c.is_uppercase());
    !scene.text[q.content].trim_end().ends_with(['.', '!', '?', '…'])
        && capitalised(q.open + 1)
        && (q.open + 1..close).all(|k| {
            scene.tokens[k].kind != TokenKind::Word || capitalised(k) || TITLE_SMALL_WORDS.contains(&scene.word(k))
        })
}

/// How far back from a quote mark a reported clause's cue may be.
const CLAUSE_WINDOW: usize = 25;

/// Whether the quote opening at `open` lies inside a reported clause that
/// starts before it in its sentence (`Husted said the court’s decision “will
/// force us …”`): the quote is then a fragment of mixed speech, however long.
fn inside_reported_clause(scene: &Scene<'_, '_>, open: usize) -> bool {
    let sentence = scene.segments.sentences[scene.sentence_of(open)].tokens.start;
    let floor = sentence.max(open.saturating_sub(CLAUSE_WINDOW));
    let Some((v, cue)) = (floor..open)
        .rev()
        .take_while(|&k| !matches!(scene.tokens[k].kind, TokenKind::Quote | TokenKind::Terminal))
        .find_map(|k| scene.speech_verb(k).filter(|c| c.that).map(|c| (k, c)))
    else {
        return false;
    };
    let (_, c) = scene.addressee_after(v, cue, open);
    // `said Tuesday that “…”`: a `that` after a short phrase opens the clause too.
    let that = super::reported::that_after(scene, c, &(c..open)).is_some();
    c < open && (that || super::reported::opens_clause(scene, c))
}

/// The speech cue verb at token `k`, if it can carry a direct quote.
fn quote_cue(scene: &Scene<'_, '_>, k: usize) -> Option<Cue> {
    scene.speech_verb(k).filter(|c| !c.participle)
}

/// The cue verb at token `k` of an attribution after a quote: a speech verb,
/// or a belief that follows quotes (`“Why now?” she wondered`).
fn trailing_cue(scene: &Scene<'_, '_>, k: usize) -> Option<Cue> {
    scene.cue_verb(k).filter(|c| !c.participle && (!c.belief || c.quote))
}

/// `“…,” X said` / `“…,” said X` / `“…” — X`: the attribution and the token after it.
///
/// The cue is found first (the first speech verb after the quote, before
/// any sentence end or quote mark); the speaker is the phrase that opens
/// the attribution (`X, the head of Y, said`, `X (D-Wis.) said`, `X of Y
/// said`), else the phrase right before the cue, else the one after it.
fn after(scene: &Scene<'_, '_>, q: &Quoted) -> Option<(Attribution, usize)> {
    let close = q.close?;
    let paragraph = &scene.segments.paragraphs[scene.paragraph_of(close)];
    let limit = paragraph.tokens.end.min(close + 1 + AFTER_WINDOW);
    let mut s = close + 1;
    while s < limit && scene.is(s, ",") {
        s += 1;
    }
    if s >= limit {
        return None;
    }
    // “…” — X
    if scene.tokens[s].kind == TokenKind::Dash {
        let np = scene.np_starting_at(s + 1, limit)?;
        if matches!(np.phrase, super::speaker::SpeakerPhrase::Name(_)) {
            let end = np.tokens.end;
            return Some((Attribution { speaker: Some(np), cue: None, addressee: None }, end));
        }
        return None;
    }
    let Some((v, verb)) = (s..limit)
        .take_while(|&k| match scene.tokens[k].kind {
            TokenKind::Terminal => false,
            // `Sanders’ campaign manager`: an apostrophe is no quote mark.
            TokenKind::Quote => scene.is_plural_possessive(k),
            _ => true,
        })
        .find_map(|k| trailing_cue(scene, k).map(|c| (k, c)))
    else {
        return phrase_cue_after(scene, s, limit);
    };
    let cue = Some(scene.tokens[v].span());
    // “…,” said X, “…,” said the driver
    if v == s {
        let np = scene.np_starting_at(s + 1, limit).or_else(|| scene.described_starting_at(s + 1, limit))?;
        let end = np.tokens.end;
        return Some((Attribution { speaker: Some(np), cue, addressee: None }, end));
    }
    // “…,” X said
    let adjacent = scene.skip_back_adverbs(v, s);
    // A clause of its own after the quote (`“…,” when Clinton blasted him`) is no attribution.
    if (s..adjacent).any(|k| {
        matches!(
            scene.lower_bytes(k),
            b"when" | b"as" | b"after" | b"before" | b"while" | b"because" | b"if" | b"since" | b"until"
        )
    }) {
        return None;
    }
    let speaker = scene
        .np_starting_at(s, v)
        .filter(|np| {
            np.tokens.end == adjacent
                || (np.tokens.end < v && matches!(scene.word(np.tokens.end), "," | "(" | "of" | "who"))
        })
        .or_else(|| scene.np_ending_at(adjacent, s))
        .or_else(|| scene.described_ending_at(adjacent, s))
        .or_else(|| scene.capitalised_name(s, adjacent))?;
    let (addressee, end) = scene.addressee_after(v, verb, limit);
    Some((Attribution { speaker: Some(speaker), cue, addressee }, end))
}

/// Whether a new sentence follows the quote: its content ends in `.`, `!`
/// or `?` and a capitalised word follows the closing mark (`“A.” He added`,
/// not `“A!” he said`).
fn new_sentence_after(scene: &Scene<'_, '_>, q: &Quoted) -> bool {
    let Some(next) = q.close.map(|c| c + 1).filter(|&k| k < scene.tokens.len()) else {
        return false;
    };
    scene.text[q.content].trim_end().ends_with(['.', '!', '?'])
        && scene.tokens[next].kind == TokenKind::Word
        && scene.word(next).starts_with(|c: char| c.is_uppercase())
}

/// `“…,” Trump shot back.`: a speaker phrase right after the quote, then a
/// cue phrase (a verb with its particle) ending the attribution.
fn phrase_cue_after(scene: &Scene<'_, '_>, s: usize, limit: usize) -> Option<(Attribution, usize)> {
    let np = scene.np_starting_at(s, limit)?;
    let v = np.tokens.end;
    let words: Vec<&str> = (v..limit.min(v + MAX_CUE_PHRASE)).map(|k| scene.lower(k)).collect();
    let (len, cue) = scene.cues.phrase(&words)?;
    let end = v + len;
    let closes = end == limit || matches!(scene.tokens[end].kind, TokenKind::Terminal | TokenKind::Punct);
    // `“…,” Kell shot back with a laugh.`: a verb phrase may take a prepositional phrase after it (not
    // `at`, which may give the phrase an object: `shot back at the board`).
    let qualified = || {
        end < limit
            && verb_phrase(&words[..len])
            && matches!(scene.lower_bytes(end), b"with" | b"in" | b"on" | b"as" | b"after" | b"during")
    };
    (!cue.belief && ((closes && (verb_phrase(&words[..len]) || went_on(&words[..len]))) || qualified())).then(|| {
        let cue = Some(scene.tokens[v].span().cover(scene.tokens[end - 1].span()));
        (Attribution { speaker: Some(np), cue, addressee: None }, end)
    })
}

/// `“A,” he said. “B.”`, `“A,” he said, “B.”`, `“A?” he asked. “B.”`: the
/// quote that continues the one just attributed. A first part ending in a
/// full stop (`“A.” he said. “B.”`) is a quote of its own.
fn continuation_after(scene: &Scene<'_, '_>, quoted: &[Quoted], i: usize, end: usize) -> Option<usize> {
    let q = &quoted[i];
    // `“… ‘A,’” he said`: an inner quote closing with the first part.
    let first = scene.text[q.content].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '"'));
    if first.is_empty() || first.ends_with(['.', ':', ';']) {
        return None;
    }
    // A title in the attribution (`he told “Good Morning Town.”`) is passed over: a short
    // stretch closing in the same paragraph that is no quotation itself.
    let mut titles = 0..0;
    let j = loop {
        let k = titles.end.max(i + 1);
        let n = k + quoted.get(k..)?.iter().position(|n| !n.nested && n.open >= end)?;
        // A title stands inside the attribution's sentence, after a word (`on “…”`, `ABC’s “…”`).
        let title = quoted[n].open > end
            && (scene.tokens[quoted[n].open - 1].is_wordlike()
                || scene.tokens[quoted[n].open - 1].kind == TokenKind::Possessive)
            && quoted[n].close.is_some_and(|c| c - end <= MAX_INTERRUPTION)
            && quoted[n].last_paragraph == q.last_paragraph
            && !is_quotation(scene, &quoted[n]);
        if !title {
            break n;
        }
        titles = if titles.is_empty() { n..n + 1 } else { titles.start..n + 1 };
    };
    let next = &quoted[j];
    let in_title =
        |k: usize| quoted[titles.clone()].iter().any(|t| !t.nested && t.open <= k && t.close.is_some_and(|c| k <= c));
    // Only the rest of the attribution (`, the chair of the union.`) may stand between: no
    // sentence of its own (`“A,” he says. X says that … “B.”` is two quotes).
    let between = end..next.open;
    let last = next.open.checked_sub(1)?;
    let ends_attribution = match scene.tokens[last].kind {
        TokenKind::Terminal | TokenKind::Punct => true,
        // `… on “Meet the Town.” “B.”`: the title's full stop ends the attribution.
        TokenKind::Quote => in_title(last) && matches!(scene.tokens[last - 1].kind, TokenKind::Terminal),
        _ => false,
    };
    let close = between.len() <= MAX_INTERRUPTION
        && ends_attribution
        && between.clone().all(|k| in_title(k) || scene.tokens[k].kind != TokenKind::Quote)
        && (end..last).all(|k| in_title(k) || scene.tokens[k].kind != TokenKind::Terminal)
        // New speech in the attribution's rest (`, adding that …`, `, and then predicted: “B.”`)
        // ends the quote there.
        && !between.clone().any(|k| scene.speech_verb(k).is_some_and(|c| c.that && c.participle && !c.noun))
        && !(last > end
            && matches!(scene.word(last), ":" | ",")
            && scene.word(last - 1).starts_with(|c: char| c.is_lowercase())
            && quote_cue(scene, last - 1).is_some());
    // `“A,” he said.⏎“B.”`: the attribution may end its paragraph, the next opening with the second part.
    let next_paragraph = next.paragraph == q.last_paragraph + 1
        && paragraph_start(scene, next.paragraph) == next.open
        && ends_its_sentence(scene, next);
    let paragraph = next.paragraph == q.last_paragraph || next_paragraph;
    (close && paragraph && after(scene, next).is_none()).then_some(j)
}

/// `X said: “…”`, `X told Y “…”`, `X attacked Y, saying, “…”`: a cue in
/// the words just before the quote. A cue noun (`a new campaign message:`)
/// or participle (`saying,`) gives the sentence's subject; a cue phrase
/// ending right before the quote (`He went on to say, “…”`) is asked before
/// the cue word inside it (`say`); a colon with no
/// cue (`A lesson from Loretta Lynch: ‘…’`) gives the last person named.
fn before(scene: &Scene<'_, '_>, q: &Quoted) -> Option<Attribution> {
    let p = q.paragraph;
    let floor = scene.segments.paragraphs[p].tokens.start;
    let floor = floor.max(q.open.saturating_sub(BEFORE_WINDOW));
    let mut b = q.open;
    while b > floor && matches!(scene.word(b - 1), ":" | "," | ":-" | "that") {
        b -= 1;
    }
    let colon = b < q.open && matches!(scene.word(b), ":" | ":-");
    let sentence_start = scene.segments.sentences[scene.sentence_of(q.open)].tokens.start.max(floor);
    // `HEADLINE - Marta Quell: “…”`: a roundup line's source, named between a dash and the colon.
    if let Some(speaker) = colon.then(|| dash_label(scene, sentence_start, b)).flatten() {
        return Some(Attribution { speaker: Some(speaker), cue: None, addressee: None });
    }
    // A word of a name is no cue (`told the Washington Post, “…”`).
    let cue_before = |k: usize| {
        scene.tokens[k].kind == TokenKind::Word
            && scene.mention_at(k).is_none()
            && scene
                .cues
                .word(scene.lower(k))
                .is_some_and(|c| !c.belief && (c.kind == CueKind::Verb || c.kind == CueKind::Noun))
    };
    // `According to X, “…”`
    if let Some(k) =
        (sentence_start..b.saturating_sub(1)).rev().find(|&k| scene.is(k, "according") && scene.is(k + 1, "to"))
    {
        let speaker = scene.np_starting_at(k + 2, b)?;
        return Some(Attribution {
            speaker: Some(speaker),
            cue: Some(scene.tokens[k].span().cover(scene.tokens[k + 1].span())),
            addressee: None,
        });
    }
    // `He went on to say, “…”`: a cue phrase ending right before the quote comes before the cue word inside it.
    if let Some(attribution) = phrase_cue_before(scene, sentence_start, b) {
        return Some(attribution);
    }
    let Some(v) = (sentence_start..b).rev().find(|&k| cue_before(k)) else {
        return colon
            .then(|| colon_subject(scene, subject_start(scene, sentence_start, b), b))
            .flatten()
            .or_else(|| colon.then(|| last_person(scene, sentence_start, b)).flatten());
    };
    let cue = scene.cues.word(scene.lower(v))?;
    let sentence = scene.segments.sentences[scene.sentence_of(v)].tokens.start;
    // The cue is near the quote; its speaker phrase may reach back to the sentence's start.
    let floor = sentence;
    // Between the cue and the quote: nothing, an addressee, or a short phrase.
    let (addressee, after_cue) = scene.addressee_after(v, cue, b);
    if after_cue != b && !phrase_ends_at(scene, after_cue, b) {
        return None;
    }
    // `Said Comey, “…”`: the cue opens the sentence, its speaker follows.
    if v == sentence && !cue.participle && addressee.is_none() {
        // `Said Quell, “…”`: a name no entity covers too.
        let speaker = scene
            .np_starting_at(v + 1, b)
            .or_else(|| scene.capitalised_name(v + 1, b))
            .filter(|np| np.tokens.end == b || scene.is(np.tokens.end, ","));
        if speaker.is_some() {
            return Some(Attribution { speaker, cue: Some(scene.tokens[v].span()), addressee: None });
        }
    }
    let noun = cue.kind == CueKind::Noun || (cue.noun && scene.possessor_before(v, floor).is_some());
    let speaker = if noun {
        scene.possessor_before(v, floor).or_else(|| scene.sentence_subject(subject_start(scene, sentence, v), v))
    } else if cue.participle {
        // `with Hillary Clinton asking, “…”`, `with Quell reportedly shouting: “…”`, else the subject:
        // `Trump attacked Y for Z, saying, “…”`, `She released a statement saying: “…”` (the phrase
        // before the participle is a verb's object there).
        let adjacent = (v > floor && !scene.is(v - 1, ","))
            .then(|| scene.np_ending_at(scene.skip_back_adverbs(v, floor), floor))
            .flatten()
            // `a statement from the White House saying`: after a preposition the phrase is the source.
            .filter(|np| {
                let preposition = np.tokens.start > floor
                    && matches!(
                        scene.lower_bytes(np.tokens.start - 1),
                        b"from" | b"by" | b"of" | b"to" | b"for" | b"in" | b"on" | b"at"
                    );
                preposition || !after_verb(scene, np, floor)
            });
        adjacent
            .or_else(|| scene.main_speaker(subject_start(scene, sentence, v), v))
            .or_else(|| capitalised_subject(scene, subject_start(scene, sentence, v), v))
    } else {
        let adjacent = scene.skip_back_adverbs(v, floor);
        // `Kell interjected to say: “…”`: the verb the infinitive completes stands before it.
        let infinitive = adjacent >= floor + 2
            && scene.is(adjacent - 1, "to")
            && scene.tokens[adjacent - 2].kind == TokenKind::Word
            && scene.word(adjacent - 2).starts_with(|c: char| c.is_ascii_lowercase());
        let adjacent = if infinitive { scene.skip_back_adverbs(adjacent - 2, floor) } else { adjacent };
        // `Smith is keen to move on and said: “…”`: a coordinated cue right before its quote speaks for
        // the sentence's subject (with a clause between, the quote is a fragment of reported speech).
        let coordinated =
            after_cue == b && adjacent > floor && matches!(scene.lower_bytes(adjacent - 1), b"and" | b"but");
        // `When asked, he laughed and said: “…”`: the first conjunct's subject, right before its verb.
        let conjunct = || coordinated.then(|| conjunct_subject(scene, adjacent - 1, floor)).flatten();
        scene
            .np_ending_at(adjacent, floor)
            .map(|np| scene.outermost(np, floor))
            .or_else(conjunct)
            .or_else(|| scene.described_ending_at(v, floor))
            .or_else(|| {
                capitalised_subject(scene, subject_start(scene, sentence, v), v).filter(|np| np.tokens.end == adjacent)
            })
            .or_else(|| {
                // `it` (`then it rained and said`) speaks no quote here.
                let subject = coordinated.then(|| scene.sentence_subject(subject_start(scene, sentence, v), v));
                subject.flatten().filter(|np| !scene.is(np.tokens.start, "it"))
            })
    }?;
    Some(Attribution { speaker: Some(speaker), cue: Some(scene.tokens[v].span()), addressee })
}

/// Whether the phrase `np` follows a lower-case word that may be a verb
/// (`released a statement`, `sent out a text`): a word that is no
/// preposition or conjunction opening an absolute phrase (`with Quell`, `and Quell`).
fn after_verb(scene: &Scene<'_, '_>, np: &Np, floor: usize) -> bool {
    let Some(k) = np.tokens.start.checked_sub(1).filter(|&k| k >= floor) else {
        return false;
    };
    scene.tokens[k].kind == TokenKind::Word
        && scene.word(k).starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(scene.lower_bytes(k), b"with" | b"without" | b"and" | b"but" | b"or" | b"as" | b"while")
}

/// How far back from `and` the first conjunct's subject may be.
const MAX_CONJUNCT: usize = 16;

/// The subject of the conjunct before `and` at token `conj` (not before
/// `floor`): the nearest person or organisation named, speaker noun or
/// personal pronoun but `it`, after no verb or preposition and right before a
/// lower-case word that is no preposition, conjunction or article (`Quell
/// looked at the camera, frowned and said`).
fn conjunct_subject(scene: &Scene<'_, '_>, conj: usize, floor: usize) -> Option<Np> {
    let low = floor.max(conj.saturating_sub(MAX_CONJUNCT));
    (low + 1..conj).rev().find_map(|k| {
        let verb = scene.tokens[k].kind == TokenKind::Word
            && scene.word(k).starts_with(|c: char| c.is_ascii_lowercase())
            && !scene.is_article_or_possessive(k)
            && !matches!(
                scene.lower_bytes(k),
                b"and"
                    | b"or"
                    | b"but"
                    | b"about"
                    | b"at"
                    | b"by"
                    | b"for"
                    | b"from"
                    | b"in"
                    | b"of"
                    | b"on"
                    | b"to"
                    | b"with"
                    | b"who"
                    | b"which"
                    | b"that"
            );
        // A word right before the verb: a phrase ending in a comma is an object's appositive.
        if !verb || scene.tokens[k - 1].kind != TokenKind::Word {
            return None;
        }
        // A subject follows no verb or preposition (`made by the police and`, `a fake Southern accent`).
        let np = scene.np_ending_at(k, low).filter(|np| !after_verb(scene, np, floor))?;
        let speaks = match np.phrase {
            SpeakerPhrase::Name(m) => matches!(scene.mentions[m].label, crate::Label::Person | crate::Label::Org),
            SpeakerPhrase::Pronoun(..) => !scene.is(np.tokens.start, "it"),
            SpeakerPhrase::Nominal(_) => true,
            SpeakerPhrase::Label | SpeakerPhrase::Relative => false,
        };
        speaks.then_some(np)
    })
}

/// Where the subject of the sentence starting at token `sentence` may start, for a cue at `v`:
/// after a conjunction opening the sentence (`But Kell is keen to move on and said: “…”`), and a
/// `then` after it (`And then Kell went on the attack, saying …`).
fn subject_start(scene: &Scene<'_, '_>, sentence: usize, v: usize) -> usize {
    let conjunction = sentence + 1 < v && matches!(scene.lower_bytes(sentence), b"and" | b"but" | b"yet");
    if !conjunction || scene.is(sentence + 1, ",") {
        sentence
    } else if sentence + 2 < v && scene.is(sentence + 1, "then") && !scene.is(sentence + 2, ",") {
        sentence + 2
    } else {
        sentence + 1
    }
}

/// `Quell went on to say, “…”`, `Quell appeared on a show, saying: “…”`: a
/// name no entity covers opening the sentence at `start`, for a cue at `v`:
/// one to four capitalised words right before a lower-case word (the verb).
/// Asked last, after the phrases built on entities.
fn capitalised_subject(scene: &Scene<'_, '_>, start: usize, v: usize) -> Option<Np> {
    let end = (start..=v.min(start + MAX_NAME_WORDS + 1))
        .find(|&k| !scene.word(k).starts_with(|c: char| c.is_uppercase()))?;
    let verb = scene.tokens[end].kind == TokenKind::Word && scene.word(end).starts_with(|c: char| c.is_lowercase());
    verb.then(|| scene.capitalised_name(start, end)).flatten()
}

/// How many words a cue phrase before a quote may have (`went on to say`).
const MAX_CUE_PHRASE: usize = 4;

/// `The Hill pointed out, “…”`: a cue phrase (not a belief) between the
/// sentence's start and token `b` (before the quote's opening punctuation),
/// ending right before it, with its subject before it.
fn phrase_cue_before(scene: &Scene<'_, '_>, sentence_start: usize, b: usize) -> Option<Attribution> {
    let low = sentence_start.max(b.saturating_sub(MAX_CUE_PHRASE));
    // The words from `low` to `b`, lower-cased once (asked for every quote: no allocation).
    let mut buffer = [""; MAX_CUE_PHRASE];
    let words = &mut buffer[..b.saturating_sub(low)];
    for (word, k) in words.iter_mut().zip(low..b) {
        *word = scene.lower(k);
    }
    let v = (low..b.saturating_sub(1)).find_map(|k| {
        let rest = &words[k - low..];
        let (len, cue) = scene.cues.phrase(rest)?;
        (k + len == b && !cue.belief && verb_phrase(&rest[..len])).then_some(k)
    })?;
    let adjacent = scene.skip_back_adverbs(v, sentence_start);
    let speaker =
        scene.np_ending_at(adjacent, sentence_start).map(|np| scene.outermost(np, sentence_start)).or_else(|| {
            capitalised_subject(scene, subject_start(scene, sentence_start, v), v)
                .filter(|np| np.tokens.end == adjacent)
        })?;
    Some(Attribution {
        speaker: Some(speaker),
        cue: Some(scene.tokens[v].span().cover(scene.tokens[b - 1].span())),
        addressee: None,
    })
}

/// Whether a cue phrase is a verb with its particle (`pointed out`, `went on
/// to say`, `hit back`): not a prepositional or passive phrase (`in a
/// statement`, `is said to`), and not ending in a preposition that needs an object (`called on`).
fn verb_phrase(words: &[&str]) -> bool {
    let not_verb = ["a", "according", "allegedly", "are", "as", "at", "during", "for", "in", "is", "it", "no", "on"];
    let needs_object = ["about", "for", "from", "of", "on", "to", "with"];
    words.first().is_some_and(|w| !not_verb.contains(w)) && words.last().is_some_and(|w| !needs_object.contains(w))
}

/// `“…,” she went on.`: `go on` ending an attribution after a quote, where
/// `on` is a particle (before a quote it may be a preposition: `went on “…”`, a show).
fn went_on(words: &[&str]) -> bool {
    matches!(words, ["went" | "goes", "on"])
}

/// `Quell waved from the stage: “…”`, `She then opened her notebook: “…”`:
/// with no cue, a colon ending a sentence whose subject (a name, a pronoun
/// but `it`, a nominal speaker) opens it and is followed by a lower-case verb
/// gives that subject.
fn colon_subject(scene: &Scene<'_, '_>, sentence_start: usize, b: usize) -> Option<Attribution> {
    let np = scene.sentence_subject(sentence_start, b)?;
    let v = np.tokens.end;
    let speaks = match np.phrase {
        SpeakerPhrase::Name(m) => matches!(scene.mentions[m].label, crate::Label::Person | crate::Label::Org),
        SpeakerPhrase::Pronoun(..) => !scene.is(np.tokens.start, "it"),
        SpeakerPhrase::Nominal(_) => true,
        SpeakerPhrase::Label | SpeakerPhrase::Relative => false,
    };
    let verb = v + 1 < b
        && scene.tokens[v].kind == TokenKind::Word
        && scene.word(v).starts_with(|c: char| c.is_ascii_lowercase());
    (speaks && verb).then_some(Attribution { speaker: Some(np), cue: None, addressee: None })
}

/// `FARES CLIMB ON EVERY ROUTE - Marta Quell:`, `Survey methods compared -
/// Quell Institute:`: a person or organisation named right before the colon at
/// `colon` and right after a dash (not before `floor`).
fn dash_label(scene: &Scene<'_, '_>, floor: usize, colon: usize) -> Option<Np> {
    let np = scene.np_ending_at(colon, floor)?;
    let SpeakerPhrase::Name(m) = np.phrase else { return None };
    let named = matches!(scene.mentions[m].label, crate::Label::Person | crate::Label::Org);
    let dash = np.tokens.start > floor && scene.tokens[np.tokens.start - 1].kind == TokenKind::Dash;
    (named && dash).then_some(np)
}

/// The last person named before token `end` (down to `floor`).
fn last_person(scene: &Scene<'_, '_>, floor: usize, end: usize) -> Option<Attribution> {
    let person = (floor..end).rev().find_map(|k| {
        let m = scene.mention_at(k)?;
        (scene.mentions[m].label == crate::Label::Person && scene.mentions[m].tokens.end == k + 1).then_some(m)
    })?;
    let speaker = scene.np_ending_at(scene.mentions[person].tokens.end, floor)?;
    Some(Attribution { speaker: Some(speaker), cue: None, addressee: None })
}

/// Whether tokens `from..to` are a short phrase between a cue and its quote
/// (`in a statement`, `of Clinton`, `his radio audience on Monday`).
fn phrase_ends_at(scene: &Scene<'_, '_>, from: usize, to: usize) -> bool {
    // `to` may stand before `from` (nothing between): no such phrase, and no subtraction below zero.
    from <= to
        && to - from <= 7
        && (from..to).all(|k| !matches!(scene.tokens[k].kind, TokenKind::Terminal | TokenKind::Quote))
}

/// `“…”` alone in its paragraph, then a line `- Quell.` or `-Tom Kell, writing
/// on his blog.`: a dash opening the next paragraph and a person or organisation
/// named right after it, ending at `.` or `,` (or the line's end).
fn dash_line_after(scene: &Scene<'_, '_>, q: &Quoted) -> Option<Attribution> {
    let close = q.close?;
    let p = scene.paragraph_of(close);
    let paragraph = &scene.segments.paragraphs[p];
    let alone = paragraph_start(scene, q.paragraph) == q.open
        && (close + 1..paragraph.tokens.end).all(|k| !scene.tokens[k].is_wordlike());
    let next = scene.segments.paragraphs.get(p + 1).filter(|_| alone)?;
    let dash = next.tokens.start;
    if !matches!(scene.tokens[dash].kind, TokenKind::Dash | TokenKind::Bullet) {
        return None;
    }
    let limit = next.tokens.end.min(dash + 1 + AFTER_WINDOW);
    let np = scene.np_starting_at(dash + 1, limit)?;
    let SpeakerPhrase::Name(m) = np.phrase else { return None };
    let named = matches!(scene.mentions[m].label, crate::Label::Person | crate::Label::Org);
    let end = np.tokens.end;
    let closes = end == next.tokens.end || matches!(scene.word(end), "." | ",");
    (named && closes).then_some(Attribution { speaker: Some(np), cue: None, addressee: None })
}

/// An introducing line ending in `:` before the quote's paragraph, or the
/// introduction shared with a previous bullet quote.
fn intro_line(scene: &Scene<'_, '_>, q: &Quoted, previous: Option<&Found>) -> Option<Attribution> {
    let p = q.paragraph;
    if p == 0 || paragraph_start(scene, p) != q.open {
        return None;
    }
    let prev = &scene.segments.paragraphs[p - 1];
    let last = prev.tokens.end.checked_sub(1)?;
    if !matches!(scene.word(last), ":" | ":-") {
        // A bullet quote under the same introduction as the previous bullet quote.
        let previous = previous.filter(|f| f.rule == Rule::DirectIntroLine)?;
        let same_list = prev.bullet && scene.segments.paragraphs[p].bullet && previous.span.end() >= prev.span.start();
        return same_list.then(|| Attribution {
            speaker: previous.speaker.clone(),
            cue: previous.cue,
            addressee: previous.addressee.clone(),
        });
    }
    let sentence = &scene.segments.sentences[scene.sentence_of(last)];
    let floor = sentence.tokens.start;
    // The first speech verb with a speaker is the main verb (`Trump confirmed
    // that he had spoken …:`); other cues (`a letter seen by …`) come second.
    let speech = (floor..last).filter_map(|v| quote_cue(scene, v).map(|c| (v, c)));
    let others = (floor..last).filter_map(|v| {
        let cue = scene.cues.word(scene.lower(v)).filter(|c| c.that && !c.participle && !c.belief);
        cue.filter(|_| quote_cue(scene, v).is_none()).map(|c| (v, c))
    });
    for (v, cue) in speech.chain(others) {
        if let Some(speaker) = scene.np_ending_at(scene.skip_back_adverbs(v, floor), floor) {
            let (addressee, _) = scene.addressee_after(v, cue, last);
            return Some(Attribution { speaker: Some(speaker), cue: Some(scene.tokens[v].span()), addressee });
        }
        if let Some(speaker) = scene.np_starting_at(v + 1, last) {
            return Some(Attribution { speaker: Some(speaker), cue: Some(scene.tokens[v].span()), addressee: None });
        }
    }
    // No cue (`Ms. de Vries was blunt:`): the last person named on the line.
    last_person(scene, floor, last)
}

/// Whether `q` continues the quote `previous`: later in the same paragraph,
/// or a paragraph of quote only right after it. A quote the sentence goes on
/// after (`“American Skin” was written by …`) continues nothing.
fn continues(scene: &Scene<'_, '_>, q: &Quoted, previous: &Found) -> bool {
    if previous.speaker.is_none() || previous.span.end() > scene.tokens[q.open].span().start() {
        return false;
    }
    let p = q.paragraph;
    let same = scene.segments.paragraphs[p].span.covers(previous.span);
    let next =
        p > 0 && paragraph_start(scene, p) == q.open && scene.segments.paragraphs[p - 1].span.overlaps(previous.span);
    ends_its_sentence(scene, q) && (same || next)
}

/// Whether the quote ends its sentence: at most a few marks, no words, follow
/// its closing mark (`“A.”`, not `“A,” she added` or `“A” was written by …`).
fn ends_its_sentence(scene: &Scene<'_, '_>, q: &Quoted) -> bool {
    q.close.is_none_or(|c| {
        let end = scene.segments.sentences[scene.sentence_of(c)].tokens.end;
        end - (c + 1) <= MAX_LEAD && (c + 1..end).all(|k| !scene.tokens[k].is_wordlike())
    })
}
