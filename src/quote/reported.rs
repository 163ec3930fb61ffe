//! Reported speech: cue verbs, nouns and phrases with a reported clause,
//! with or without quoted fragments inside.
//!
//! | pattern | rule |
//! |---|---|
//! | `X said (that) CLAUSE`, `X told Y (that) CLAUSE` | `indirect-cue` |
//! | `CLAUSE, X said.` / `CLAUSE, said X.` | `indirect-cue-after` |
//! | `according to X, CLAUSE` / `CLAUSE, according to X` | `indirect-according-to` |
//! | `his warning that CLAUSE` | `indirect-cue-noun` |
//! | `X … citing “…”`, `labeling Y as “…”` | `mixed-cue-object` |
//! | `Christie Calls Clinton ‘A Disgrace’` (a title-case line) | `headline` |
//!
//! A reported clause holding quoted fragments is mixed speech; its
//! fragments are listed. The clause runs to the end of the sentence, or to
//! the first `;`, spaced dash, or `but`/`and` that starts a new verb.

use std::cell::LazyCell;
use std::ops::Range;

use crate::span::SpanIndex;
use crate::token::TokenKind;
use crate::{Label, QuoteKind, Span};

use super::cues::{Cue, CueKind};
use super::marks::Quoted;
use super::speaker::{Np, Scene, SpeakerPhrase};
use super::{Found, Rule};

/// Finds reported speech outside the direct quotes; `fragments` are the
/// quoted stretches that are not quotations. Returns the speech found and
/// which fragments it used.
pub fn find(
    scene: &Scene<'_, '_>,
    quoted: &[Quoted],
    fragments: &[usize],
    direct: &[Found],
) -> (Vec<Found>, Vec<bool>) {
    let mut used = vec![false; fragments.len()];
    let mut found = Vec::new();
    let direct_index = SpanIndex::new(direct.iter().map(|d| d.span).collect());
    // Speech may not cross a direct quote, except an unattributed one that it
    // embeds (`He said the allies will act “to show … consequences.”`).
    let in_direct = |span: Span| direct_index.overlapping(span).any(|i| !direct[i].embedded_in(span));
    for paragraph in &scene.segments.paragraphs {
        let speech = colon_label(scene, paragraph.tokens.clone())
            .or_else(|| paragraph.headline.then(|| headline(scene, paragraph.tokens.clone())).flatten());
        if let Some(speech) = speech.filter(|s| !in_direct(s.content)) {
            found.push(speech.into_found(quoted, fragments, &mut used));
        }
    }
    let labelled = SpanIndex::new(found.iter().map(|f| f.content).collect());
    let mut last_end = 0;
    for sentence in &scene.segments.sentences {
        let range = sentence.tokens.clone();
        let mut k = range.start;
        while let Some(at) = scene.next_cue_start(k, range.end) {
            k = at;
            let step =
                speech_at(scene, k, reach(&range, k)).filter(|s| !in_direct(s.cue_span) && !in_direct(s.content));
            let Some(speech) = step else {
                k += 1;
                continue;
            };
            let resume = speech.resume;
            let content = speech.content;
            // Speech is found in text order: it can only overlap the latest one, or a labelled paragraph.
            if content.start() >= last_end && labelled.overlapping(content).next().is_none() {
                // The content may run on to the closing mark of a quotation opening inside it.
                let quote = speech.into_found(quoted, fragments, &mut used);
                last_end = quote.content.end();
                found.push(quote);
            }
            k = resume.max(k + 1);
        }
    }
    // Quoted fragments no speech took: the nearest cue before them in their sentence.
    for f in 0..fragments.len() {
        if used[f] {
            continue;
        }
        if let Some(speech) = near_fragment(scene, &quoted[fragments[f]]).filter(|s| !in_direct(s.content)) {
            found.push(speech.into_found(quoted, fragments, &mut used));
        }
    }
    (found, used)
}

impl Speech {
    /// Speech in one piece by `speaker`, with its cue, content and rule; the
    /// search goes on at token `resume`.
    fn new(speaker: Np, cue_span: Span, content: Span, rule: Rule, resume: usize) -> Speech {
        Speech { speaker, cue_span, addressee: None, content, rule, parts: Vec::new(), resume }
    }

    /// The speech with the addressee its cue names.
    fn to(self, addressee: Option<Np>) -> Speech {
        Speech { addressee, ..self }
    }

    /// The speech as pieces round its attribution.
    fn in_parts(self, parts: Vec<Span>) -> Speech {
        Speech { parts, ..self }
    }

    /// The quote this speech is, taking the fragments inside its content (which make it mixed).
    fn into_found(self, quoted: &[Quoted], fragments: &[usize], used: &mut [bool]) -> Found {
        let mut quote = Found {
            kind: QuoteKind::Indirect,
            span: self.content,
            content: self.content,
            parts: self.parts,
            fragments: Vec::new(),
            speaker: Some(self.speaker),
            cue: Some(self.cue_span).filter(|c| !c.is_empty()),
            addressee: self.addressee,
            rule: self.rule,
        };
        // Fragments are in text order: only those starting inside the content can lie in it.
        let first = fragments.partition_point(|&i| quoted[i].content.start() < self.content.start());
        for (f, &i) in fragments.iter().enumerate().skip(first) {
            let q = &quoted[i];
            if q.span.start() >= quote.content.end() {
                break;
            }
            // `X said the plan “is dead. We start again.”`: a quotation opening inside the clause holds
            // sentence ends of its own; the clause runs on to its closing mark.
            if runs_on_past(q, quote.content) {
                quote.content = Span::new(quote.content.start(), q.span.end());
            }
            if quote.content.covers(q.span) || quote.content.covers(q.content) {
                used[f] = true;
                quote.fragments.push(q.content);
            }
        }
        if !quote.fragments.is_empty() {
            quote.kind = QuoteKind::Mixed;
        }
        quote.span = [quote.speaker.as_ref().map(|s| s.span), quote.cue, quote.addressee.as_ref().map(|a| a.span)]
            .into_iter()
            .flatten()
            .fold(quote.content, Span::cover);
        quote
    }
}

/// How many tokens a quotation that a reported clause runs on into may hold.
const MAX_RUN_ON: usize = 120;

/// Whether the quoted stretch `q` opens inside `content` and closes after
/// it, in its paragraph and within [`MAX_RUN_ON`] tokens.
fn runs_on_past(q: &Quoted, content: Span) -> bool {
    content.start() <= q.content.start()
        && q.content.start() < content.end()
        && content.end() < q.content.end()
        && q.paragraph == q.last_paragraph
        && q.close.is_some_and(|close| close - q.open <= MAX_RUN_ON)
}

/// Words that open a subordinate clause after a trailing attribution (`…, X said, as …`).
const SUBORDINATORS: &[&str] = &[
    "according",
    "adding",
    "after",
    "although",
    "as",
    "because",
    "before",
    "citing",
    "despite",
    "even",
    "noting",
    "since",
    "though",
    "when",
    "whereas",
    "which",
    "while",
    "who",
];

/// How far before `and said` the subject of the verb coordinated with it may be.
const COORDINATION_WINDOW: usize = 30;

/// How far before a quoted fragment its cue may be.
const FRAGMENT_WINDOW: usize = 15;

/// How far before a quoted fragment with no cue near the subject of the
/// verb whose object holds it may be (`Quell hailed the council’s vote on the
/// ferry as a “turning point”`).
const SUBJECT_FRAGMENT_WINDOW: usize = 25;

/// How many tokens of that verb's object may stand before the fragment.
const MAX_OBJECT_BEFORE_FRAGMENT: usize = 12;

/// How many tokens before and after its cue (or fragment) the rules for
/// one piece of speech look at: the clause, its subject and whatever they
/// test. A sentence with no end (text without punctuation) can be as long
/// as the document; a cue tried in it, or tried again one token later when
/// its speech was dropped, costs at most this much.
const REACH: usize = 120;

/// The part of `sentence` within [`REACH`] tokens of token `k`: the sentence
/// as the rules for speech at `k` see it.
fn reach(sentence: &Range<usize>, k: usize) -> Range<usize> {
    sentence.start.max(k.saturating_sub(REACH))..sentence.end.min(k + REACH)
}

/// `Clinton called half of Trump’s supporters “deplorables.”`: a fragment
/// whose sentence has a cue verb shortly before it.
fn near_fragment(scene: &Scene<'_, '_>, q: &Quoted) -> Option<Speech> {
    let open = q.open;
    let sentence = reach(&scene.segments.sentences[scene.sentence_of(open)].tokens, open);
    let floor = sentence.start.max(open.saturating_sub(FRAGMENT_WINDOW));
    let Some(v) = (floor..open)
        .rev()
        .take_while(|&k| !matches!(scene.tokens[k].kind, TokenKind::Terminal | TokenKind::Quote))
        .find(|&k| verb_cue_at(scene, k).is_some_and(|c| c.kind == CueKind::Verb))
    else {
        return subject_fragment(scene, q, &sentence);
    };
    let cue = scene.cue(v)?;
    let before = v.checked_sub(1).filter(|&b| b >= sentence.start);
    let speaker = if before.is_some_and(|b| scene.is(b, "to")) {
        // `Trump took to Twitter to accuse …`, `Scott asked the crowd to welcome …`.
        scene.sentence_subject(sentence.start, v)
    } else if cue.participle {
        // `…, saying …`: the main clause's subject, never an appositive before the comma.
        before.filter(|&b| !scene.is(b, ",")).and_then(|_| scene.np_ending_at(v, sentence.start))
    } else {
        subject_of(scene, scene.skip_back_adverbs(v, sentence.start), sentence.start)
    }
    .or_else(|| scene.main_speaker(sentence.start, v))?;
    let (addressee, mut c) = scene.addressee_after(v, cue, open);
    if let Some(that) = that_after(scene, c, &sentence).filter(|&t| t < open) {
        c = that + 1;
    }
    let end = fragment_clause_end(scene, c, q, &sentence);
    let content = clause_span_keep_quote(scene, c, end)?;
    Some(Speech::new(speaker, scene.tokens[v].span(), content, Rule::MixedNearCue, end).to(addressee))
}

/// `Quell is promising lower fares and “boats, boats, boats,”`, `In May,
/// Quell dismissed the plan as a “paper ferry”`: with no
/// cue near, a fragment is the words of the nearest person or organisation
/// named (or personal pronoun) before it that is followed by a verb group
/// whose object holds the fragment. The content is that object.
fn subject_fragment(scene: &Scene<'_, '_>, q: &Quoted, sentence: &Range<usize>) -> Option<Speech> {
    let floor = sentence.start.max(q.open.saturating_sub(SUBJECT_FRAGMENT_WINDOW));
    let (subject, v) = subject_with_verb(scene, floor, q.open)?;
    let c = v + 1;
    if q.open - c > MAX_OBJECT_BEFORE_FRAGMENT {
        return None;
    }
    let end = fragment_clause_end(scene, c, q, sentence);
    let content = clause_span_keep_quote(scene, c, end)?;
    let cue_span = scene.tokens[v].span();
    Some(Speech::new(subject, cue_span, content, Rule::MixedSubject, end))
}

/// The speaker of a cue verb in the sentence from `floor`, where
/// `adjacent` is where the adverbs before the verb start
/// ([`Scene::skip_back_adverbs`]): the phrase right before them, lifted to
/// its outermost reporter ([`Scene::outermost`]); after `and`/`but`, the
/// subject of the verb coordinated with it, the nearest one named before
/// with a verb (`… after she attacked the police and blamed …` gives `she`).
fn subject_of(scene: &Scene<'_, '_>, adjacent: usize, floor: usize) -> Option<Np> {
    if adjacent > floor && matches!(scene.lower_bytes(adjacent - 1), b"and" | b"but" | b"or") {
        let window = floor.max(adjacent.saturating_sub(COORDINATION_WINDOW));
        return subject_with_verb(scene, window, adjacent - 1).map(|(np, _)| np);
    }
    scene.np_ending_at(adjacent, floor).map(|np| scene.outermost(np, floor))
}

/// The nearest person or organisation named (or personal pronoun but `it`)
/// before `limit`, down to `floor`, that a verb group follows: the phrase and its verb.
fn subject_with_verb(scene: &Scene<'_, '_>, floor: usize, limit: usize) -> Option<(Np, usize)> {
    // The verb is a word: a stretch of marks (`"" "" ""`, one fragment per
    // pair) has none, and needs no search for a phrase.
    if !scene.tokens.get(floor + 1..limit).is_some_and(|ts| ts.iter().any(|t| t.kind == TokenKind::Word)) {
        return None;
    }
    (floor + 1..=limit).rev().find_map(|e| {
        let np = scene.np_ending_at(e, floor)?;
        let named = match np.phrase {
            SpeakerPhrase::Name(m) => matches!(scene.mentions[m].label, Label::Person | Label::Org),
            SpeakerPhrase::Pronoun(..) => !scene.is(np.tokens.start, "it"),
            _ => false,
        };
        // The verb is sought only after a phrase that can speak.
        named.then(|| verb_after(scene, e, limit).map(|v| (np, v))).flatten()
    })
}

/// The verb of a verb group starting at `e` (auxiliaries and adverbs, then a
/// word shaped like a verb: `has gone`, `cynically dismissed`, `is promising`), before `limit`.
fn verb_after(scene: &Scene<'_, '_>, e: usize, limit: usize) -> Option<usize> {
    let mut v = e;
    while v < limit && scene.tokens[v].kind == TokenKind::Word && is_auxiliary_or_adverb(scene.lower_bytes(v)) {
        v += 1;
    }
    let word = scene.word(*(v < limit).then_some(&v)?);
    let shaped = word.chars().all(|ch| ch.is_ascii_lowercase())
        && !not_clause_start(word.as_bytes())
        && (word.ends_with("ed")
            || word.ends_with("ing")
            || word.ends_with("en")
            || (word.ends_with('s') && !word.ends_with("ss"))
            || irregular_verb(word));
    (scene.tokens[v].kind == TokenKind::Word && shaped).then_some(v)
}

/// Common verb forms that no verb ending marks: `gave`, `told`, `gone`.
fn irregular_verb(word: &str) -> bool {
    matches!(
        word,
        "gave"
            | "got"
            | "kept"
            | "left"
            | "made"
            | "put"
            | "said"
            | "saw"
            | "set"
            | "sent"
            | "took"
            | "told"
            | "won"
            | "gone"
            | "done"
            | "called"
    )
}

/// Where the clause from `c` holding fragment `q` ends: its own end, or past the fragment's closing mark.
fn fragment_clause_end(scene: &Scene<'_, '_>, c: usize, q: &Quoted, sentence: &Range<usize>) -> usize {
    clause_end(scene, c, sentence).max(q.close.map_or(q.open + 1, |close| close + 1)).min(sentence.end)
}

/// Words of a verb group before its verb: `has been steadily (pounding)`, `is (promising)`.
fn is_auxiliary_or_adverb(word: &[u8]) -> bool {
    word.ends_with(b"ly")
        || is_auxiliary(word)
        || matches!(
            word,
            b"been" | b"be" | b"also" | b"again" | b"still" | b"now" | b"then" | b"often" | b"never" | b"not"
        )
}

/// A finite auxiliary or modal: `has`, `was`, `would`.
fn is_auxiliary(word: &[u8]) -> bool {
    matches!(
        word,
        b"has"
            | b"have"
            | b"had"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"will"
            | b"would"
            | b"did"
            | b"does"
            | b"do"
            | b"can"
            | b"could"
            | b"may"
            | b"might"
            | b"should"
            | b"must"
    )
}

/// `Pence: Trump Was ‘Mocking’ Clinton` or `WALLACE: Let’s start`: a
/// paragraph that opens with a name (or an upper-case transcript label) and a colon.
fn colon_label(scene: &Scene<'_, '_>, paragraph: Range<usize>) -> Option<Speech> {
    let first = paragraph.clone().find(|&k| !matches!(scene.tokens[k].kind, TokenKind::Bullet | TokenKind::Quote))?;
    let (speaker, colon) = match scene.mention_at(first) {
        Some(m) if matches!(scene.mentions[m].label, Label::Person | Label::Org) => {
            let np = scene.np_starting_at(first, paragraph.end)?;
            let colon = np.tokens.end;
            (np, colon)
        }
        _ => {
            let label = scene.word(first);
            let upper = label.len() >= 3 && label.chars().all(|c| c.is_uppercase());
            if !upper || scene.tokens[first].kind != TokenKind::Word {
                return None;
            }
            let np = Np { span: scene.tokens[first].span(), tokens: first..first + 1, phrase: SpeakerPhrase::Label };
            (np, first + 1)
        }
    };
    if colon >= paragraph.end || !scene.is(colon, ":") {
        return None;
    }
    let content = clause_span(scene, colon + 1, paragraph.end)?;
    let cue_span = Span::new(scene.tokens[colon].span().start(), scene.tokens[colon].span().start());
    Some(Speech::new(speaker, cue_span, content, Rule::IndirectColonLabel, paragraph.end))
}

/// How far into a headline its label's colon may be (`Obama on Climate Change:`).
const MAX_PHRASE_BEFORE_COLON: usize = 8;

/// `Christie Calls Clinton ‘A Disgrace’ Over Comments`, `Trump ‘The
/// Dealmaker’ Could Act, Lindsey Graham Says.`, `Obama on Climate: The
/// Trends Are ‘Terrifying’`: a headline holding a quoted fragment, its
/// speaker opening the line before a cue verb or a colon, or closing it
/// after a comma. Capitals cannot tell a headline's verbs from
/// its nouns, so a line with no quote is left alone.
fn headline(scene: &Scene<'_, '_>, line: Range<usize>) -> Option<Speech> {
    let is_quote = |k: usize| scene.tokens[k].kind == TokenKind::Quote;
    if !line.clone().any(is_quote) {
        return None;
    }
    let first = line.clone().find(|&k| scene.tokens[k].is_wordlike())?;
    let last = line.clone().rev().find(|&k| scene.tokens[k].is_wordlike())?;
    // Beliefs count in a headline (`Obama Sees ‘Personal Insult’ …`).
    let headline_cue = |k: usize| scene.cue(k).is_some_and(|c| c.kind == CueKind::Verb && !c.participle);
    // Headline capitals may leave a title or given name out of the mention
    // (`Chris` of `Chris Christie`): the capitalised words before it join it.
    let speaker_before = |v: usize| {
        let np = scene.np_ending_at(v, first)?;
        let capitalised = |k: usize| scene.tokens[k].is_wordlike() && scene.word(k).starts_with(char::is_uppercase);
        let start = (first..np.tokens.start).rev().take_while(|&k| capitalised(k)).last().unwrap_or(np.tokens.start);
        Some(Np { span: scene.tokens[start].span().cover(np.span), tokens: start..np.tokens.end, ..np })
    };
    // `Rush Limbaugh: …`, `Obama on Climate Change: …`
    let colon = (first + 1..line.end.min(first + MAX_PHRASE_BEFORE_COLON))
        .take_while(|&k| !is_quote(k))
        .find(|&k| scene.is(k, ":"));
    if let Some(colon) = colon {
        let name_end = (first + 1..colon).find(|&k| scene.is(k, "on")).unwrap_or(colon);
        let speaker = speaker_before(name_end).filter(|np| np.tokens.start == first)?;
        let content = clause_span_keep_quote(scene, colon + 1, line.end)?;
        let cue_span = Span::new(scene.tokens[colon].span().start(), scene.tokens[colon].span().start());
        return Some(Speech::new(speaker, cue_span, content, Rule::Headline, line.end));
    }
    // `…, Lindsey Graham Says.`
    if let Some(speaker) = headline_cue(last).then(|| speaker_before(last)).flatten() {
        // The comma may sit inside the closing mark: `Is ‘A Disgrace,’ X Says`.
        let comma = speaker.tokens.start.checked_sub(1).filter(|&c| c > first && (scene.is(c, ",") || is_quote(c)))?;
        let content = clause_span_keep_quote(scene, first, comma)?;
        return Some(Speech::new(speaker, scene.tokens[last].span(), content, Rule::Headline, line.end));
    }
    // `Chris Christie Calls …`
    let v = (first + 1..last).take_while(|&k| !is_quote(k)).find(|&k| headline_cue(k))?;
    let speaker = speaker_before(v).filter(|np| np.tokens.start == first)?;
    let content = clause_span_keep_quote(scene, v + 1, line.end)?;
    Some(Speech::new(speaker, scene.tokens[v].span(), content, Rule::Headline, line.end))
}

/// One piece of reported speech found at a cue.
struct Speech {
    speaker: Np,
    cue_span: Span,
    addressee: Option<Np>,
    content: Span,
    rule: Rule,
    /// The pieces of content interrupted by its attribution (`A, he said, B`).
    parts: Vec<Span>,
    /// The token to look at next.
    resume: usize,
}

/// The cue at `k`, unless it is a verb form used as an adjective after an
/// article (`an alleged “double tap” strike`, `the stated goal`) or an -ing
/// form used as a noun (`the committee hearing`).
#[inline]
fn verb_cue_at(scene: &Scene<'_, '_>, k: usize) -> Option<Cue> {
    let cue = scene.cue(k)?;
    let adjectival =
        cue.kind == CueKind::Verb && !cue.noun && k > 0 && matches!(scene.lower_bytes(k - 1), b"a" | b"an" | b"the");
    // `the hearing`, `the committee hearing`: an -ing form after an article
    // (or right after a possessive) is a noun, but not in `her lawyer saying`
    // (a cue noun such as `his warning` is found as one), nor after a cue noun (`a statement saying`).
    let gerund = cue.participle
        && !cue.noun
        && k > 0
        && (scene.is_article_or_possessive(k - 1)
            || (k > 1
                && matches!(scene.lower_bytes(k - 2), b"the" | b"a" | b"an")
                && !scene.cue(k - 1).is_some_and(|c| c.kind == CueKind::Noun || c.noun)));
    (!adjectival && !gerund && !noun_not_verb(scene, k, cue)).then_some(cue)
}

/// `swing states`, `a federal judge`, `the convention rules`, `a small
/// figure`: these cue words are mostly nouns ([`Cue::mostly_noun`]); each is
/// the verb only right after its subject (`it states`, `the document states`,
/// `Smith rules`), a pronoun, a name (a nationality or party only in the
/// plural: `Democrats rule`, not `Republican states`) or a nominal speaker,
/// or after a modal (`would rule`); never in capitals inside a sentence
/// (`Court Judge Kell`) or right before a past form (`the rules changed`). The cue's flag, not its word, is tested first: one
/// well-predicted branch where a `match` on the word mispredicted.
#[inline]
fn noun_not_verb(scene: &Scene<'_, '_>, k: usize, cue: Cue) -> bool {
    if !cue.mostly_noun {
        return false;
    }
    let Some(p) = k.checked_sub(1) else { return true };
    // `Circuit Court Judge Tom Kell`: in capitals inside a sentence, a title
    // or a name's word; `the party rules changed`: a past form after it is the verb.
    let title = scene.word(k).starts_with(char::is_uppercase) && scene.tokens[p].kind == TokenKind::Word;
    let verb_next =
        scene.tokens.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word) && scene.lower_bytes(k + 1).ends_with(b"ed");
    if title || verb_next {
        return true;
    }
    // `the court would rule that …`: after a modal the word is the verb.
    let modal = matches!(
        scene.lower_bytes(p),
        b"would" | b"will" | b"could" | b"can" | b"may" | b"might" | b"should" | b"must" | b"to"
    );
    let subject = modal
        || super::speaker::pronoun(scene.lower_bytes(p), false).is_some()
        || scene.mention_at(p).is_some_and(|m| match scene.mentions[m].label {
            Label::Person | Label::Org => true,
            // `Democrats rule`, but `Southern states`, `Republican rules`: a
            // nationality or party adjective before the word makes it a noun.
            Label::Norp => scene.lower_bytes(p).ends_with(b"s"),
            _ => false,
        })
        || scene.speaker_kind(p).is_some();
    !subject
}

fn speech_at(scene: &Scene<'_, '_>, k: usize, sentence: Range<usize>) -> Option<Speech> {
    if scene.is(k, "according") && k + 1 < sentence.end && scene.is(k + 1, "to") {
        return according_to(scene, k, sentence);
    }
    let cue = verb_cue_at(scene, k)?;
    // `she thinks the ferry is late`, `he hopes to win`: a thought or wish is no speech.
    if cue.thought {
        return None;
    }
    if cue.noun && cue.kind == CueKind::Verb && scene.after_determiner(k, sentence.start) {
        return noun(scene, k, sentence);
    }
    match cue.kind {
        CueKind::Verb if cue.participle => participle(scene, k, cue, sentence),
        CueKind::Verb => verb(scene, k, cue, sentence),
        CueKind::Noun => noun(scene, k, sentence),
        CueKind::Phrase => None,
    }
}

/// Whether a word after a cue verb does not open a reported clause: a
/// preposition, a conjunction, an infinitive's `to`, a time word (`said in
/// a statement`, `said Monday`). A `match`: the compiler switches on the length.
fn not_clause_start(word: &[u8]) -> bool {
    matches!(
        word,
        b"about"
            | b"after"
            | b"afterward"
            | b"afterwards"
            | b"again"
            | b"against"
            | b"also"
            | b"and"
            | b"as"
            | b"at"
            | b"before"
            | b"but"
            | b"by"
            | b"during"
            | b"earlier"
            | b"for"
            | b"friday"
            | b"from"
            | b"goodbye"
            | b"hello"
            | b"how"
            | b"if"
            | b"in"
            | b"into"
            | b"last"
            | b"later"
            | b"monday"
            | b"of"
            | b"on"
            | b"or"
            | b"otherwise"
            | b"over"
            | b"previously"
            | b"privately"
            | b"publicly"
            | b"recently"
            | b"repeatedly"
            | b"saturday"
            | b"so"
            | b"sorry"
            | b"sunday"
            | b"than"
            | b"thanks"
            | b"through"
            | b"thursday"
            | b"to"
            | b"today"
            | b"tomorrow"
            | b"tonight"
            | b"tuesday"
            | b"under"
            | b"wednesday"
            | b"what"
            | b"when"
            | b"where"
            | b"which"
            | b"while"
            | b"who"
            | b"whom"
            | b"why"
            | b"with"
            | b"within"
            | b"without"
            | b"yes"
            | b"yesterday"
    )
}

/// Whether a reported clause can start at `k` without `that`: a name, a
/// number, or a word that [`not_clause_start`] does not rule out.
pub(super) fn opens_clause(scene: &Scene<'_, '_>, k: usize) -> bool {
    let t = scene.tokens[k];
    if scene.mention_at(k).is_some() || t.kind == TokenKind::Number {
        return true;
    }
    t.kind == TokenKind::Word && !not_clause_start(scene.lower_bytes(k))
}

/// Where the reported clause starting at `c` ends (exclusive token index).
/// Conjunctions, commas and dashes inside a double-quoted stretch do not end it.
fn clause_end(scene: &Scene<'_, '_>, c: usize, sentence: &Range<usize>) -> usize {
    let mut k = c;
    let mut quoting = false;
    while k < sentence.end {
        let t = scene.tokens[k];
        // Most tokens are words that end nothing: one test, not a jump on the kind.
        if t.kind == TokenKind::Word && (quoting || k <= c + 1 || !is_clause_conjunction(scene.lower_bytes(k))) {
            k += 1;
            continue;
        }
        match t.kind {
            // Single marks are too often apostrophes (`teachers’ pay`) to count.
            TokenKind::Quote if !super::marks::is_single(scene.word(k)) => {
                quoting = !quoting;
                // `… “had a plan,” adding that …`: the clause's comma inside the closing mark.
                if !quoting && k > c && scene.is(k - 1, ",") && own_speech_at(scene, k + 1, sentence.end) {
                    return k;
                }
            }
            TokenKind::Dash | TokenKind::Punct if quoting => {}
            TokenKind::Terminal | TokenKind::Ellipsis
                if k + 1 >= sentence.end || !scene.tokens[k + 1].is_wordlike() =>
            {
                return k
            }
            TokenKind::Punct if scene.is(k, ";") => return k,
            TokenKind::Dash if !scene.is(k, "-") && k > c && t.span().start() > scene.tokens[k - 1].span().end() => {
                return k
            }
            // A conjunction, the only word that gets this far.
            TokenKind::Word => {
                let next = k + 1;
                // `… before claiming that …`: after `before` or `after`, only speech of its own.
                let new_verb = if matches!(scene.lower_bytes(k), b"before" | b"after") {
                    next < sentence.end && scene.cue(next).is_some_and(|cue| cue.participle && (cue.that || cue.object))
                } else {
                    next < sentence.end
                        && scene.tokens[next].kind == TokenKind::Word
                        && (scene.word(next).ends_with("ed") || scene.cue(next).is_some())
                        && scene.word(next).chars().next().is_some_and(char::is_lowercase)
                };
                // The comma may sit inside a closing mark: `what he called “scare tactics,” while …`.
                let after_comma = comma_before(scene, k, c).is_some()
                    && matches!(scene.lower_bytes(k), b"while" | b"although" | b"whereas");
                // `… but he has also …`, `… but Shelby said …`: a new subject starts a new clause.
                let new_subject = next < sentence.end
                    && scene.lower_bytes(k) == b"but"
                    && (matches!(scene.lower_bytes(next), b"he" | b"she" | b"they" | b"we" | b"i")
                        || new_attribution(scene, next, sentence.end));
                if new_verb || after_comma || new_subject {
                    return if scene.is(k - 1, ",") { k - 1 } else { k };
                }
            }
            TokenKind::Punct
                if scene.is(k, ",")
                    && k + 2 < sentence.end
                    && scene.is(k + 1, "according")
                    && scene.is(k + 2, "to") =>
            {
                return k;
            }
            TokenKind::Punct if scene.is(k, ",") && k > c && own_speech_at(scene, k + 1, sentence.end) => {
                return k;
            }
            _ => {}
        }
        k += 1;
    }
    sentence.end
}

/// Whether speech of its own starts at `k` (before `end`) after a comma:
/// `…, arguing that …`, `…, citing …`, `…, the senator acknowledged that …`.
fn own_speech_at(scene: &Scene<'_, '_>, k: usize, end: usize) -> bool {
    k < end
        && (scene.cue(k).is_some_and(|cue| cue.participle && (cue.that || cue.object))
            || new_attribution(scene, k, end))
}

/// The conjunctions that may end a reported clause.
const CLAUSE_CONJUNCTIONS: [&[u8]; 7] = [b"but", b"and", b"while", b"although", b"whereas", b"before", b"after"];

/// A word's length and first and last bytes, in one number (0 for no word).
const fn ends_key(word: &[u8]) -> u32 {
    match word {
        [first, .., last] => (word.len() as u32) << 16 | (*first as u32) << 8 | *last as u32,
        [only] => 1 << 16 | (*only as u32) << 8 | *only as u32,
        [] => 0,
    }
}

/// The slot of 64 an [`ends_key`] is kept in.
const fn conjunction_slot(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9) >> 26) as usize
}

/// The [`ends_key`] of each of [`CLAUSE_CONJUNCTIONS`] in its slot, 0 elsewhere.
const CONJUNCTION_SLOTS: [u32; 64] = {
    let mut slots = [0; 64];
    let mut i = 0;
    while i < CLAUSE_CONJUNCTIONS.len() {
        let key = ends_key(CLAUSE_CONJUNCTIONS[i]);
        assert!(slots[conjunction_slot(key)] == 0, "two conjunctions share a slot");
        slots[conjunction_slot(key)] = key;
        i += 1;
    }
    slots
};

/// Whether a lower-case word is one of [`CLAUSE_CONJUNCTIONS`]. Most words
/// are none: one table probe on their length and end bytes rules them out
/// with a single, well-predicted branch (a `match` switches on the length,
/// which mispredicts from word to word).
fn is_clause_conjunction(word: &[u8]) -> bool {
    let key = ends_key(word);
    CONJUNCTION_SLOTS[conjunction_slot(key)] == key && CLAUSE_CONJUNCTIONS.contains(&word)
}

/// Whether a speaker phrase and a speech verb with its clause start at `k`:
/// `the Vermont senator acknowledged that …`, `Shelby said he refused …`.
fn new_attribution(scene: &Scene<'_, '_>, k: usize, end: usize) -> bool {
    let Some(np) = scene.np_starting_at(k, end) else {
        return false;
    };
    let mut v = np.tokens.end;
    while v < end && scene.tokens[v].kind == TokenKind::Word && is_auxiliary_or_adverb(scene.lower_bytes(v)) {
        v += 1;
    }
    v + 1 < end
        && scene.cue(v).is_some_and(|cue| cue.kind == CueKind::Verb && cue.that && !cue.participle)
        && (scene.is(v + 1, "that") || opens_clause(scene, v + 1))
}

/// The span of the clause `c..end`, without leading commas, trailing commas or terminal
/// punctuation (a closing quote mark stays when its opening one is inside).
fn clause_span(scene: &Scene<'_, '_>, mut c: usize, mut end: usize) -> Option<Span> {
    while end > c && matches!(scene.tokens[end - 1].kind, TokenKind::Punct | TokenKind::Terminal | TokenKind::Dash) {
        end -= 1;
    }
    // `said that, if elected, he’d …`: the clause starts at its first word.
    while c < end && scene.is(c, ",") {
        c += 1;
    }
    // Two words make a clause: the count stops at the second.
    let two_words = (c..end).filter(|&k| scene.tokens[k].is_wordlike()).nth(1).is_some();
    two_words.then(|| scene.span(&(c..end)))
}

/// `X said (that) …`, or `…, X said.`
fn verb(scene: &Scene<'_, '_>, v: usize, cue: Cue, sentence: Range<usize>) -> Option<Speech> {
    let floor = sentence.start;
    // An infinitive (`for the justices to hear it`) or a gerund (`without saying`) reports nothing.
    if v > floor && matches!(scene.lower_bytes(v - 1), b"to" | b"without") {
        return None;
    }
    // `found himself in trouble`: to find oneself somewhere is no finding
    // (`sees himself as`, a belief, stays).
    if cue.find
        && v + 1 < sentence.end
        && matches!(
            scene.lower_bytes(v + 1),
            b"himself" | b"herself" | b"itself" | b"themselves" | b"myself" | b"ourselves"
        )
    {
        return None;
    }
    // `showed up at the rally`, `added up to little`: `up` makes a phrasal verb
    // that reports nothing (`said up to 40 boats were lost` still does).
    if v + 1 < sentence.end && scene.is(v + 1, "up") {
        let up_to_number =
            v + 3 < sentence.end && scene.is(v + 2, "to") && scene.tokens[v + 3].kind == TokenKind::Number;
        if !up_to_number {
            return None;
        }
    }
    // Most cue verbs report nothing: their subject is found only once speech is.
    let subject = LazyCell::new(|| {
        let adjacent = scene.skip_back_adverbs(v, floor);
        subject_of(scene, adjacent, floor)
            .map(|np| if cue.belief { scene.reporter_of_belief(&np, floor).unwrap_or(np) } else { np })
            .or_else(|| scene.described_ending_at(adjacent, floor))
    });
    let cue_span = scene.tokens[v].span();
    // `As X noted on Monday, CLAUSE`
    if let Some(speech) = as_attribution(scene, v, cue, || subject.as_ref(), &sentence) {
        return Some(speech);
    }
    // Trailing attribution: `CLAUSE, X said.` / `CLAUSE, said X.`
    if let Some(speech) = trailing(scene, v, cue, || subject.as_ref(), &sentence) {
        return Some(speech);
    }
    let (addressee, mut c) = scene.addressee_after(v, cue, sentence.end);
    let that = that_after(scene, c, &sentence);
    let has_that = that.is_some();
    if let Some(that) = that {
        c = that + 1;
    } else {
        // In a title-case headline (`Trump Confirms Call but Stays Guarded`) a
        // cue that also takes an object needs a clause that looks like one.
        let title_case = scene.word(v).starts_with(char::is_uppercase) && v > sentence.start;
        let clause_follows = cue.that
            && c < sentence.end
            && opens_clause(scene, c)
            && (!(cue.object && title_case) || has_subject_and_verb(scene, c, sentence.end))
            && (!cue.clause || opens_finite_clause(scene, c, sentence.end));
        let quoted_object = cue.object && quoted_soon(scene, c, &sentence);
        if !clause_follows && !quoted_object {
            return None;
        }
    }
    if c >= sentence.end {
        return None;
    }
    let subject = LazyCell::force(&subject).clone()?;
    // `“…,” Trump told a rally in Ohio.`: the quote before is what was said; what follows a
    // cue that takes an addressee (and no `that`) is its audience, unless it is a clause with its own verb.
    if !has_that
        && cue.addressee
        && after_closing_mark(scene, subject.tokens.start, floor)
        && !has_subject_and_finite_verb(scene, c, sentence.end)
    {
        return None;
    }
    let mut end = clause_end(scene, c, &sentence);
    // `While he acknowledged A, Ham noted B`: a subordinate clause's speech ends at its comma.
    if subordinate_subject(scene, sentence.start, subject.tokens.start) {
        end = (c + 2..end).find(|&k| scene.is(k, ",")).unwrap_or(end);
    }
    // `the chair, who said the bridge was “safe,” stayed silent`: a relative
    // clause's speech ends where the main verb resumes.
    if subject.phrase == SpeakerPhrase::Relative {
        let main_verb = |k: usize| comma_before(scene, k, c).is_some() && verb_after(scene, k, end).is_some();
        end = (c + 2..end).find(|&k| main_verb(k)).map_or(end, |k| k - 1);
    }
    let quoted_object = cue.object && !has_that && quoted_soon(scene, c, &sentence);
    let content = if quoted_object { fragment_span(scene, c, end)? } else { clause_span_keep_quote(scene, c, end)? };
    let rule = if quoted_object && !cue.that { Rule::MixedCueObject } else { Rule::IndirectCue };
    Some(Speech::new(subject, cue_span, content, rule, end).to(addressee))
}

/// How many tokens after the cue of `As X noted …,` its comma may be.
const MAX_AS_TAIL: usize = 8;

/// `As Quell noted in a statement, the ferry “will be late.”`: an
/// attribution opened by `as` at the sentence's start gives the clause after
/// its comma. A belief (`As Quell believes, …`) is no speech.
fn as_attribution<'n>(
    scene: &Scene<'_, '_>,
    v: usize,
    cue: Cue,
    subject: impl FnOnce() -> Option<&'n Np>,
    sentence: &Range<usize>,
) -> Option<Speech> {
    if cue.belief || !cue.that {
        return None;
    }
    let first = (sentence.start..v).find(|&k| scene.tokens[k].is_wordlike())?;
    if !scene.is(first, "as") {
        return None;
    }
    // Right after the cue, or after a short phrase (`noted in a statement,`), not an object (`said goodbye,`).
    let comma = (v + 1..sentence.end.min(v + 1 + MAX_AS_TAIL))
        .take_while(|&k| !matches!(scene.tokens[k].kind, TokenKind::Terminal | TokenKind::Quote))
        .find(|&k| scene.is(k, ","))
        .filter(|&comma| comma == v + 1 || opens_phrase(scene.lower_bytes(v + 1)))?;
    let speaker = subject().filter(|np| np.tokens.start == first + 1)?.clone();
    let end = clause_end(scene, comma + 1, sentence);
    let content = clause_span_keep_quote(scene, comma + 1, end)?;
    Some(Speech::new(speaker, scene.tokens[v].span(), content, Rule::IndirectCue, end))
}

/// Whether a closing quote mark (and perhaps a comma) stands right before token `k`, not before `floor`.
fn after_closing_mark(scene: &Scene<'_, '_>, k: usize, floor: usize) -> bool {
    let k = if k > floor && scene.is(k - 1, ",") { k - 1 } else { k };
    k > floor && scene.tokens[k - 1].kind == TokenKind::Quote
}

/// Whether the subject starting at `subject` is that of a subordinate
/// clause opening its sentence (`While he acknowledged …, Ham noted …`).
fn subordinate_subject(scene: &Scene<'_, '_>, sentence_start: usize, subject: usize) -> bool {
    let Some(first) = (sentence_start..subject).find(|&k| scene.tokens[k].is_wordlike()) else {
        return false;
    };
    subject - first <= 2
        && matches!(
            scene.lower_bytes(first),
            b"while" | b"although" | b"though" | b"because" | b"after" | b"when" | b"if" | b"since"
        )
}

/// A `that` at `c`, or after a short phrase (`told reporters in The Hague
/// that`, `said Monday that`, `says at a town meeting in Quelbury, Ohio, that`).
pub(super) fn that_after(scene: &Scene<'_, '_>, c: usize, sentence: &Range<usize>) -> Option<usize> {
    if c >= sentence.end {
        return None;
    }
    if scene.is(c, "that") {
        return Some(c);
    }
    if !opens_phrase(scene.lower_bytes(c)) {
        return None;
    }
    (c + 1..(c + 12).min(sentence.end))
        .take_while(|&k| {
            !matches!(scene.tokens[k].kind, TokenKind::Terminal | TokenKind::Quote)
                && !scene.cue(k).is_some_and(|c| c.kind == CueKind::Verb && !c.noun)
        })
        .find(|&k| scene.is(k, "that"))
}

/// Whether a lower-case word opens a short phrase between a cue and its
/// clause (`said in a statement that`, `noted on Monday,`).
fn opens_phrase(word: &[u8]) -> bool {
    matches!(
        word,
        b"in"
            | b"on"
            | b"at"
            | b"during"
            | b"after"
            | b"before"
            | b"from"
            | b"via"
            | b"earlier"
            | b"last"
            | b"this"
            | b"late"
            | b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"today"
            | b"yesterday"
            | b"repeatedly"
            | b"publicly"
            | b"privately"
            | b"again"
            | b"also"
            | b"later"
            | b"recently"
    )
}

/// What may follow an attribution that closes speech before it, to the end of the sentence.
enum Tail {
    /// Only a few words: `in a statement`, `on Monday`, `.`
    Short,
    /// A comma soon after (at this token), and perhaps a subordinate clause: `…, X said Friday, as they …`.
    Comma(usize),
}

impl Tail {
    /// What follows in `sentence` from token `after`; `None` for a long tail with no comma soon.
    fn at(scene: &Scene<'_, '_>, after: usize, sentence: &Range<usize>) -> Option<Tail> {
        let quote_follows = || (after..sentence.end).any(|j| scene.tokens[j].kind == TokenKind::Quote);
        if sentence.end - after <= 6 && !quote_follows() {
            return Some(Tail::Short);
        }
        (after..sentence.end.min(after + 4)).find(|&k| scene.is(k, ",")).map(Tail::Comma)
    }
}

/// `CLAUSE, X said.` or `CLAUSE, said X.`: the cue closes the sentence.
/// `subject` gives the subject before the cue; it is asked only when an
/// attribution can close the sentence.
fn trailing<'n>(
    scene: &Scene<'_, '_>,
    v: usize,
    cue: Cue,
    subject: impl FnOnce() -> Option<&'n Np>,
    sentence: &Range<usize>,
) -> Option<Speech> {
    // A line ending in `:` introduces a quote (`According to X, Trump told Maduro:`).
    let intro = sentence.end > sentence.start && matches!(scene.word(sentence.end - 1), ":" | ":-");
    if (!cue.quote && !cue.that) || intro {
        return None;
    }
    // With the subject before the cue, the tail starts after the cue; with the
    // subject after it (`…,” says X` or `…, says X`: a speech verb, `…, known as HFCs`
    // is no attribution), a comma stands before the cue.
    // `With less time left, Quell admitted that …`, `In the harbour, the crew
    // said they would stay`: a cue with its own clause reports what follows
    // it, not the words before its subject.
    let clause_after_cue = v + 2 < sentence.end
        && (scene.is(v + 1, "that")
            || (super::speaker::pronoun(scene.lower_bytes(v + 1), false).is_some()
                && verb_follows(scene, v + 2, sentence.end)));
    if clause_after_cue {
        return None;
    }
    let tail_after_cue = Tail::at(scene, v + 1, sentence);
    let comma_before_cue = comma_before(scene, v, sentence.start).filter(|_| cue.quote);
    if tail_after_cue.is_none() && comma_before_cue.is_none() {
        return None;
    }
    let (speaker, comma, after, tail, inverted) = match subject() {
        // `The storm passed, the sky thundered.`: a verb that only follows a
        // quote (no that-clause) reports a plain clause only from a phrase that can speak.
        Some(np) if !cue.that && !can_speak(scene, np) => return None,
        // The clause's comma may sit inside its closing quote mark: `… at the top,'' Mr. Kamin said.`
        Some(np)
            if np.tokens.start > sentence.start
                && matches!(scene.word(np.tokens.start - 1), "," | "''" | "”" | "\"") =>
        {
            (np.clone(), np.tokens.start - 1, v + 1, tail_after_cue?, false)
        }
        _ => {
            let comma = comma_before_cue?;
            let np = scene.np_starting_at(v + 1, sentence.end)?;
            let after = np.tokens.end;
            // `Tom Kell, a sailor, said he would stay`: a phrase with a verb
            // after it is the subject of the reported clause, not an inverted speaker.
            if verb_follows(scene, after, sentence.end) {
                return None;
            }
            (np, comma, after, Tail::at(scene, after, sentence)?, true)
        }
    };
    let mut parts = Vec::new();
    let before = || {
        let start = (sentence.start..comma).find(|&k| scene.tokens[k].is_wordlike())?;
        clause_span_keep_quote(scene, start, comma)
    };
    let content = match tail {
        Tail::Short => before()?,
        // `…, says Marta Quell, founder of …`: an appositive describes the speaker.
        Tail::Comma(t) if inverted && t == after => before()?,
        // `…, X said, “…”` introduces a direct quote.
        Tail::Comma(t) if t + 1 < sentence.end && scene.tokens[t + 1].kind == TokenKind::Quote => return None,
        // `To keep the depot open, she said, the council must pay`:
        // the speech runs round the attribution, in two parts.
        Tail::Comma(t)
            if t + 1 < sentence.end
                && opens_clause(scene, t + 1)
                && !SUBORDINATORS.contains(&scene.lower(t + 1))
                && !own_speech_at(scene, t + 1, sentence.end) =>
        {
            let end = clause_end(scene, t + 1, sentence);
            let second = clause_span(scene, t + 1, end)?;
            parts = before().map_or_else(Vec::new, |first| vec![first, second]);
            parts.first().map_or(second, |first| first.cover(second))
        }
        // `…, X said Friday, as they bristled …`: the clause before is the speech.
        Tail::Comma(_) => before()?,
    };
    Some(Speech::new(speaker, scene.tokens[v].span(), content, Rule::IndirectCueAfter, sentence.end).in_parts(parts))
}

/// Whether a verb group starts at `k`, before `limit`: an auxiliary or
/// modal (`would welcome`), or a word shaped like a verb ([`verb_after`]).
fn verb_follows(scene: &Scene<'_, '_>, k: usize, limit: usize) -> bool {
    k < limit
        && scene.tokens[k].kind == TokenKind::Word
        && (is_auxiliary(scene.lower_bytes(k)) || verb_after(scene, k, limit).is_some())
}

/// Whether `np` is a phrase that speaks: a person, organisation or group
/// named, a pronoun, a label, or a description whose head word is a known
/// speaker (`the senator`), not any noun (`the sky`, `the engine`).
fn can_speak(scene: &Scene<'_, '_>, np: &Np) -> bool {
    match np.phrase {
        SpeakerPhrase::Name(m) => matches!(scene.mentions[m].label, Label::Person | Label::Org | Label::Norp),
        SpeakerPhrase::Nominal(_) => np.tokens.clone().any(|k| scene.speaker_kind(k).is_some()),
        SpeakerPhrase::Pronoun(..) | SpeakerPhrase::Label | SpeakerPhrase::Relative => true,
    }
}

/// The comma right before token `v`, or inside the closing mark right
/// before it (`…,” says X`), not before `floor`.
fn comma_before(scene: &Scene<'_, '_>, v: usize, floor: usize) -> Option<usize> {
    let mut k = v.checked_sub(1).filter(|&k| k >= floor)?;
    if scene.tokens[k].kind == TokenKind::Quote {
        k = k.checked_sub(1).filter(|&k| k >= floor)?;
    }
    scene.is(k, ",").then_some(k)
}

/// `according to X, CLAUSE` or `CLAUSE, according to X`.
fn according_to(scene: &Scene<'_, '_>, k: usize, sentence: Range<usize>) -> Option<Speech> {
    // `According to X, Y told Z:` introduces a quote; the quote is the speech.
    if sentence.end > sentence.start && matches!(scene.word(sentence.end - 1), ":" | ":-") {
        return None;
    }
    let speaker = scene.np_starting_at(k + 2, sentence.end)?;
    let cue_span = scene.tokens[k].span().cover(scene.tokens[k + 1].span());
    let first_word = (sentence.start..k).find(|&j| scene.tokens[j].is_wordlike());
    let content = if first_word.is_none() {
        // According to X, CLAUSE — the speaker phrase may run on (`a report by the Y`).
        let comma = (speaker.tokens.end..sentence.end).find(|&j| scene.is(j, ","))?;
        let end = clause_end(scene, comma + 1, &sentence);
        clause_span(scene, comma + 1, end)?
    } else {
        let start = first_word?;
        let end = if k > sentence.start && scene.is(k - 1, ",") { k - 1 } else { k };
        clause_span(scene, start, end)?
    };
    Some(Speech::new(speaker, cue_span, content, Rule::IndirectAccordingTo, sentence.end))
}

/// `his warning that CLAUSE`: a cue noun with a possessor.
fn noun(scene: &Scene<'_, '_>, n: usize, sentence: Range<usize>) -> Option<Speech> {
    let mut p = n;
    // Up to two adjectives between the possessor and the noun: `his public warning`.
    for _ in 0..3 {
        if let Some(speaker) = scene.possessor_before(p, sentence.start) {
            let that = (n + 1..(n + 5).min(sentence.end)).find(|&k| scene.is(k, "that"))?;
            if (n + 1..that)
                .any(|k| scene.tokens[k].kind == TokenKind::Terminal || scene.tokens[k].kind == TokenKind::Quote)
            {
                return None;
            }
            let end = clause_end(scene, that + 1, &sentence);
            let content = clause_span_keep_quote(scene, that + 1, end)?;
            return Some(Speech::new(speaker, scene.tokens[n].span(), content, Rule::IndirectCueNoun, end));
        }
        if p <= sentence.start || scene.tokens[p - 1].kind != TokenKind::Word {
            return None;
        }
        p -= 1;
    }
    None
}

/// Like [`clause_span`], but a clause ending in a quotation keeps its closing mark.
fn clause_span_keep_quote(scene: &Scene<'_, '_>, c: usize, end: usize) -> Option<Span> {
    let span = clause_span(scene, c, end)?;
    let marks =
        (c..end).filter(|&j| scene.tokens[j].kind == TokenKind::Quote && scene.tokens[j].span().end() <= span.end());
    if marks.count() % 2 == 0 {
        return Some(span);
    }
    // A quotation left open: take its closing mark, after the final punctuation if need be.
    let limit = closing_limit(scene, c, end + 3);
    let close = (c..limit)
        .skip_while(|&j| scene.tokens[j].span().end() <= span.end())
        .take_while(|&j| matches!(scene.tokens[j].kind, TokenKind::Punct | TokenKind::Terminal | TokenKind::Quote))
        .filter(|&j| scene.tokens[j].kind == TokenKind::Quote)
        .last();
    Some(close.map_or(span, |j| span.cover(scene.tokens[j].span())))
}

/// `…, citing “…”`, `…, saying the plan had failed`: the subject of the sentence speaks.
fn participle(scene: &Scene<'_, '_>, v: usize, cue: Cue, sentence: Range<usize>) -> Option<Speech> {
    if v == sentence.start {
        return None;
    }
    let speaker = scene.main_speaker(sentence.start, v)?;
    let (addressee, c) = scene.addressee_after(v, cue, sentence.end);
    if c >= sentence.end {
        return None;
    }
    let that = that_after(scene, c, &sentence);
    let end = clause_end(scene, that.map_or(c, |t| t + 1), &sentence);
    let (content, rule) = if let Some(that) = that.filter(|_| cue.that) {
        (clause_span_keep_quote(scene, that + 1, end)?, Rule::IndirectCue)
    } else if quoted_soon(scene, c, &sentence) && (cue.object || !cue.that) {
        (fragment_span(scene, c, end)?, Rule::MixedCueObject)
    } else if cue.that && opens_clause(scene, c) && (!cue.clause || opens_finite_clause(scene, c, sentence.end)) {
        (clause_span_keep_quote(scene, c, end)?, Rule::IndirectCue)
    } else {
        return None;
    };
    Some(Speech::new(speaker, scene.tokens[v].span(), content, rule, end).to(addressee))
}

/// Whether a subject of a few words at `c` is followed by a verb group
/// (`remarks Trump had made`, `he felt`), before `limit`.
fn has_subject_and_verb(scene: &Scene<'_, '_>, c: usize, limit: usize) -> bool {
    (c + 1..limit.min(c + 6))
        .take_while(|&e| {
            matches!(scene.tokens[e - 1].kind, TokenKind::Word | TokenKind::Possessive | TokenKind::Number)
        })
        .any(|e| verb_after(scene, e, limit).is_some())
}

/// Whether a subject of a few words at `c` is followed by a finite verb
/// (an auxiliary, a past form: `the plan had failed`, `the vote went ahead`),
/// before `limit`: stricter than [`has_subject_and_verb`], where `cheering`
/// (`a cheering crowd`) or a plural (`the hosts`) would pass for the verb.
fn has_subject_and_finite_verb(scene: &Scene<'_, '_>, c: usize, limit: usize) -> bool {
    (c + 1..limit.min(c + 6))
        .take_while(|&e| {
            matches!(scene.tokens[e - 1].kind, TokenKind::Word | TokenKind::Possessive | TokenKind::Number)
        })
        .any(|e| {
            let word = scene.lower(e);
            scene.tokens[e].kind == TokenKind::Word
                && (is_auxiliary(word.as_bytes())
                    || irregular_verb(word)
                    || (word.ends_with("ed") && !scene.is_article_or_possessive(e - 1)))
        })
}

/// Whether a clause with a finite verb starts at `c`: a subject pronoun
/// (`he is`, `they want`) or [`has_subject_and_finite_verb`]; `a narrow lead`
/// is no clause.
fn opens_finite_clause(scene: &Scene<'_, '_>, c: usize, limit: usize) -> bool {
    super::speaker::pronoun(scene.lower_bytes(c), false).is_some() || has_subject_and_finite_verb(scene, c, limit)
}

/// Where a clause starting at `c` stops looking for its closing mark: at
/// `limit`, but never past its paragraph (whose next one may open with a quote mark).
fn closing_limit(scene: &Scene<'_, '_>, c: usize, limit: usize) -> usize {
    limit.min(scene.segments.paragraphs[scene.paragraph_of(c)].tokens.end)
}

/// Whether a quote mark opens within a few tokens of `c` in the sentence,
/// with no cue verb of a clause before it (`issued a statement saying the
/// city “…”`: the nearer cue's clause holds the quote).
fn quoted_soon(scene: &Scene<'_, '_>, c: usize, sentence: &Range<usize>) -> bool {
    // The mark first: most cues have none after them, and then no word is looked up.
    let Some(mark) = (c..sentence.end.min(c + 6)).find(|&k| scene.tokens[k].kind == TokenKind::Quote) else {
        return false;
    };
    !(c..mark).any(|k| scene.cue(k).is_some_and(|cue| cue.kind == CueKind::Verb && cue.that && !cue.noun))
}

/// The quoted fragments of the clause `c..end`: from the first opening
/// mark's content to the last closing mark's (which may follow the clause's
/// final punctuation: `“colonial aggression.”`).
fn fragment_span(scene: &Scene<'_, '_>, c: usize, end: usize) -> Option<Span> {
    let limit = closing_limit(scene, c, end + 2);
    let marks: Vec<usize> = (c..limit).filter(|&k| scene.tokens[k].kind == TokenKind::Quote).collect();
    let (&first, &last) = (marks.first()?, marks.last()?);
    if first == last || first >= end {
        return None;
    }
    let span = Span::new(scene.tokens[first].span().end(), scene.tokens[last].span().start());
    (!span.is_empty()).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::{reach, REACH};
    use crate::test_support::{extractor, quotes};
    use crate::QuoteKind;

    #[test]
    fn reach_is_the_sentence_near_the_cue() {
        assert_eq!(reach(&(10..20), 15), 10..20);
        assert_eq!(reach(&(0..1000), 500), 500 - REACH..500 + REACH);
        assert_eq!(reach(&(0..1000), 3), 0..3 + REACH);
    }

    #[test]
    fn a_clause_in_a_sentence_without_end_stops_within_reach() {
        let short = "Jane Smith said the plan worked well";
        let doc = extractor().extract(short);
        assert_eq!(doc.quotes.len(), 1);
        assert_eq!(doc.quotes[0].content.text, "the plan worked well");
        // No sentence end for thousands of words: the clause is cut within reach of its cue.
        let text = format!("Jane Smith said {}", "the plan worked well ".repeat(1000));
        let doc = extractor().extract(&text);
        doc.validate(&text).unwrap();
        let first = &doc.quotes[0];
        assert_eq!(first.kind, QuoteKind::Indirect);
        assert!(first.content.text.split(' ').count() <= REACH, "{} words", first.content.text.split(' ').count());
    }

    #[test]
    fn a_fragment_after_marks_alone_has_no_subject() {
        // Only marks before the fragment: no word to be a verb, a scare quote.
        let text = "\"\" \"\" \"\" “disaster” \"\" today.";
        let doc = extractor().extract(text);
        let scare: Vec<_> = doc.quotes.iter().filter(|q| q.kind == QuoteKind::Scare).collect();
        assert_eq!(scare.len(), 1);
        assert_eq!(scare[0].content.text, "disaster");
        assert!(scare[0].speaker.is_none());
        // The same marks after a named subject and its verb: that subject's mixed speech.
        let text = "Jane Smith likened the plan to \"\" \"\" a “disaster” in her speech.";
        let doc = extractor().extract(text);
        let mixed: Vec<_> = doc.quotes.iter().filter(|q| q.kind == QuoteKind::Mixed).collect();
        assert_eq!(mixed.len(), 1, "{:?}", doc.quotes);
        assert_eq!(mixed[0].speaker.as_ref().map(|s| s.text.as_ref()), Some("Jane Smith"));
    }

    #[test]
    fn a_fragment_in_a_long_object_is_its_subjects_speech_within_a_bound() {
        let kinds = |text: &str| {
            let doc = extractor().extract(text);
            doc.validate(text).unwrap();
            doc.quotes.iter().map(|q| (q.kind, q.speaker.as_ref().map(|s| s.text.to_string()))).collect::<Vec<_>>()
        };
        let text = "Marta Quell hailed the council’s vote on the new ferry line as a “turning point.”";
        assert_eq!(kinds(text), [(QuoteKind::Mixed, Some("Marta Quell".to_string()))]);
        // An object longer than the bound before the fragment: a scare quote.
        let text = "Marta Quell hailed the council’s vote on the new ferry line and the two harbour \
                    boards of the northern counties as a “turning point.”";
        assert_eq!(kinds(text), [(QuoteKind::Scare, None)]);
    }

    #[test]
    fn a_verb_that_only_follows_quotes_reports_a_plain_clause_from_a_speaker_only() {
        // A person named or a pronoun: the clause before is what was said.
        assert_eq!(contents("The ferry will sail on time, Marta Quell shouted."), ["The ferry will sail on time"]);
        assert_eq!(contents("The ferry will sail on time, she shouted."), ["The ferry will sail on time"]);
        // A noun that cannot speak: weather, machines, no speech.
        assert!(contents("The storm passed over the hills, the sky thundered.").is_empty());
        assert!(contents("The ferry left the quay at noon, the engine roared.").is_empty());
        // A cue that takes a that-clause still reports from any description.
        assert_eq!(contents("The ferry will sail on time, the notice said."), ["The ferry will sail on time"]);
    }

    #[test]
    fn finding_oneself_somewhere_is_no_finding() {
        assert!(contents("Marta Quell found herself at the centre of the ferry dispute.").is_empty());
        // A clause after the cue is still found; the guard is `find`'s alone: a belief about oneself
        // stays as PolNeAR marks it (`considers himself …`, its object as the content).
        assert_eq!(contents("Marta Quell found the ferry was late."), ["the ferry was late"]);
        assert_eq!(contents("Tom Kell considers himself a sailor."), ["himself a sailor"]);
    }

    /// The content of every quote found in `text`, in order (the document validated first).
    fn contents(text: &str) -> Vec<String> {
        let doc = extractor().extract(text);
        doc.validate(text).unwrap();
        doc.quotes.iter().map(|q| q.content.text.to_string()).collect()
    }

    /// `(kind, content, speaker)` of a quote the speaker phrase `speaker` says.
    fn said(kind: QuoteKind, content: &str, speaker: &str) -> (QuoteKind, String, Option<String>) {
        (kind, content.to_string(), Some(speaker.to_string()))
    }

    fn mixed(content: &str, speaker: &str) -> (QuoteKind, String, Option<String>) {
        said(QuoteKind::Mixed, content, speaker)
    }

    #[test]
    fn a_clause_runs_on_to_the_closing_mark_of_a_quotation_opening_inside_it() {
        let text = "Marta Quell said the ferry “is late again. Nobody knows why.” The quay was empty.";
        assert_eq!(quotes(text), [mixed("the ferry “is late again. Nobody knows why.”", "Marta Quell")]);
        // With no speech cue the same quotation stays a scare quote.
        let text = "The ferry was “late again. Nobody knew why.” The quay was empty.";
        assert_eq!(quotes(text), [(QuoteKind::Scare, "late again. Nobody knew why.".to_string(), None)]);
        // A quotation longer than the bound: the clause ends with its sentence.
        let text = format!(
            "Marta Quell said the ferry “is late again. {}” The quay was empty.",
            "Nobody knows why. ".repeat(40)
        );
        let first = quotes(&text).into_iter().next().unwrap();
        assert_eq!(first, mixed("the ferry “is late again", "Marta Quell"));
    }

    #[test]
    fn a_comma_inside_the_closing_mark_ends_the_clause_before_speech_of_its_own() {
        let text = "Tom Kell said the vote was “a farce,” adding that he would appeal.";
        assert_eq!(
            quotes(text),
            [mixed("the vote was “a farce,”", "Tom Kell"), said(QuoteKind::Indirect, "he would appeal", "Tom Kell")]
        );
        // Words that are no speech of their own stay in the clause.
        let text = "Tom Kell said the vote was “a farce,” by any measure.";
        assert_eq!(quotes(text), [mixed("the vote was “a farce,” by any measure", "Tom Kell")]);
    }

    #[test]
    fn before_or_after_speech_of_its_own_ends_the_clause() {
        let text = "Tom Kell said the vote was “rigged” on the radio before claiming that the count was wrong.";
        assert_eq!(
            quotes(text),
            [
                mixed("the vote was “rigged” on the radio", "Tom Kell"),
                said(QuoteKind::Indirect, "the count was wrong", "Tom Kell")
            ]
        );
        // Before a clause that is no speech, the clause goes on.
        let text = "Tom Kell said the vote was “rigged” before the count ended.";
        assert_eq!(quotes(text), [mixed("the vote was “rigged” before the count ended", "Tom Kell")]);
    }

    #[test]
    fn a_trailing_attribution_is_no_interruption_before_speech_of_its_own() {
        let text = "The ferry is late, Tom Kell said, saying that nobody knows why.";
        assert_eq!(quotes(text), [said(QuoteKind::Indirect, "The ferry is late", "Tom Kell")]);
    }

    #[test]
    fn a_quotation_after_a_phrase_and_that_is_a_fragment_of_the_clause() {
        let text = "Tom Kell said Tuesday that “the harbour will stay open for every boat that needs it this winter.”";
        let content = "“the harbour will stay open for every boat that needs it this winter.”";
        assert_eq!(quotes(text), [mixed(content, "Tom Kell")]);
        // After a colon it is a quotation.
        let text = "Tom Kell said on Tuesday: “the harbour will stay open for every boat that needs it this winter.”";
        let content = "the harbour will stay open for every boat that needs it this winter.";
        assert_eq!(quotes(text), [said(QuoteKind::Direct, content, "Tom Kell")]);
    }

    #[test]
    fn an_attribution_opened_by_as_gives_the_clause_after_its_comma() {
        let text = "As Marta Quell noted in a statement, the ferry “will be late again.”";
        assert_eq!(quotes(text), [mixed("the ferry “will be late again.”", "Marta Quell")]);
        let text = "As Marta Quell said, the ferry will be late.";
        let indirect = said(QuoteKind::Indirect, "the ferry will be late", "Marta Quell");
        assert_eq!(quotes(text), [indirect]);
        // A cue with an object before the comma is no attribution: the fragment stays a scare quote.
        let text = "As the ferry said goodbye, the crowd “cheered wildly.”";
        assert_eq!(quotes(text), [(QuoteKind::Scare, "cheered wildly.".to_string(), None)]);
    }

    #[test]
    fn a_quote_after_a_nearer_cue_is_in_that_cues_clause() {
        let text = "Tom Kell issued a statement saying the city “does not have the money.”";
        assert_eq!(quotes(text), [mixed("the city “does not have the money.”", "Tom Kell")]);
        // With no nearer cue the object cue takes the quote as its object.
        let text = "Tom Kell issued a “warning” to the city.";
        assert_eq!(quotes(text), [mixed("warning", "Tom Kell")]);
        // An -ing form after an article and a noun that is no cue is still a noun.
        assert_eq!(quotes("The committee hearing the ferry case was long."), []);
    }

    #[test]
    fn speech_dropped_before_a_direct_quote_leaves_the_quote() {
        let text = format!("Jane Smith said the plan {}: “We will not accept this.”", "said the plan ".repeat(300));
        let doc = extractor().extract(&text);
        doc.validate(&text).unwrap();
        assert!(doc.quotes.iter().any(|q| q.kind == QuoteKind::Direct));
        assert!(doc.quotes.iter().any(|q| q.kind == QuoteKind::Indirect));
    }

    #[test]
    fn a_cue_with_its_own_clause_reports_what_follows_it() {
        let said = |text: &str| {
            let doc = extractor().extract(text);
            doc.validate(text).unwrap();
            doc.quotes.iter().map(|q| q.content.text.to_string()).collect::<Vec<_>>()
        };
        // The words before the speaker are a phrase, the clause after the cue is the speech.
        assert_eq!(said("With less time left, Tom Kell admitted that the ferry was late."), ["the ferry was late"]);
        assert_eq!(said("In the harbour, the crew said they would stay."), ["they would stay"]);
        // With nothing after the cue, the clause before it is the speech.
        assert_eq!(said("The ferry was late, Tom Kell admitted."), ["The ferry was late"]);
        assert_eq!(said("The ferry was late, he said on Monday."), ["The ferry was late"]);
    }

    #[test]
    fn a_phrase_with_a_verb_after_the_cue_is_no_inverted_speaker() {
        let said = |text: &str| {
            let doc = extractor().extract(text);
            doc.validate(text).unwrap();
            doc.quotes.iter().map(|q| q.content.text.to_string()).collect::<Vec<_>>()
        };
        // `said he would …`: the subject of the reported clause, not the speaker of the appositive.
        assert_eq!(said("Tom Kell, a sailor from the coast, said he would stay."), ["he would stay"]);
        // `…, said Tom Kell.`: the speaker after the cue, the clause before it.
        assert_eq!(said("The ferry was late, said Tom Kell."), ["The ferry was late"]);
    }

    #[test]
    fn an_audience_after_a_quote_needs_a_finite_verb_to_be_a_clause() {
        let indirect = |text: &str| {
            let doc = extractor().extract(text);
            doc.validate(text).unwrap();
            doc.quotes
                .iter()
                .filter(|q| q.kind == QuoteKind::Indirect)
                .map(|q| q.content.text.to_string())
                .collect::<Vec<_>>()
        };
        // `cheering` and `hosts` look like verbs but are no finite ones: the audience, no speech.
        assert!(indirect("“We will win,” Jane Smith told a cheering crowd in the harbour.").is_empty());
        assert!(indirect("“We will win,” Jane Smith told the hosts on a radio show.").is_empty());
        // A clause with its own finite verb after the audience is speech.
        assert_eq!(
            indirect("“We will win,” Jane Smith told the crowd the vote had gone her way."),
            ["the vote had gone her way"]
        );
    }

    #[test]
    fn a_cue_with_the_particle_up_reports_nothing() {
        assert!(contents("Marta Quell showed up at the harbour after the ferry had left.").is_empty());
        assert!(contents("The council's promises added up to very little in the end.").is_empty());
        // `up to` and a number opens a clause.
        assert_eq!(contents("Marta Quell said up to 40 boats were lost."), ["up to 40 boats were lost"]);
        assert_eq!(contents("Marta Quell showed the ferry was late."), ["the ferry was late"]);
    }

    #[test]
    fn a_mostly_noun_cue_in_capitals_or_before_a_past_form_is_a_noun() {
        // A title inside a sentence, a noun before its verb, a party adjective before it: no cue.
        assert!(contents("The appeal went to Circuit Court Judge Tom Kell on Monday.").is_empty());
        assert!(contents("The port rules changed in March after the storm.").is_empty());
        assert!(contents("Republican states that vote in March have large ports.").is_empty());
        // The verb after its subject, a capital at the sentence start, a plural party name: a cue.
        assert_eq!(contents("The judge rules that the ferry must sail."), ["the ferry must sail"]);
        assert_eq!(contents("Judge Kell ruled that the ferry must sail."), ["the ferry must sail"]);
        assert_eq!(contents("Republicans judge the ferry a failure."), ["the ferry a failure"]);
    }

    #[test]
    fn a_thought_or_wish_is_no_speech() {
        assert!(contents("Marta Quell thinks the ferry will be late.").is_empty());
        assert!(contents("Marta Quell hopes the ferry will be late.").is_empty());
        // Speech, and other beliefs PolNeAR marks, stay.
        assert_eq!(contents("Marta Quell says the ferry will be late."), ["the ferry will be late"]);
        assert_eq!(contents("Marta Quell believes the ferry will be late."), ["the ferry will be late"]);
    }

    #[test]
    fn a_clause_only_cue_with_a_bare_object_is_another_sense() {
        // `maintain` with an object is to keep it: no speech.
        assert!(contents("Marta Quell maintained a narrow lead over the harbour board.").is_empty());
        assert!(contents("The council spent heavily, maintaining a large fleet of ferries.").is_empty());
        // With a clause (or `that`) it reports speech.
        assert_eq!(contents("Marta Quell maintained the ferry had sailed on time."), ["the ferry had sailed on time"]);
        assert_eq!(contents("Marta Quell maintains she is innocent."), ["she is innocent"]);
        assert_eq!(contents("Marta Quell maintained that the lead was narrow."), ["the lead was narrow"]);
    }
}
