//! Reported speech: quote marks, cue lexicon, speaker attribution.
//!
//! The stages, each a module:
//! 1. [`marks`] pairs quote marks of every style into quoted stretches.
//! 2. [`direct`] decides which stretches are quotations and attributes them.
//! 3. [`reported`] finds speech around cue verbs, nouns and phrases; quoted
//!    fragments inside it make it mixed.
//! 4. An unattributed quote right after a trailing attribution (`…, X
//!    said. “…”`) continues that speaker; in the speech's paragraph it is
//!    the speech's second part.
//! 5. The remaining fragments are scare quotes (no speaker), except titles
//!    and nicknames, which are not speech at all.
//! 6. [`resolve`] gives each speaker its referent: a name's canonical form,
//!    a pronoun's antecedent, a description's source where it is clear.

pub mod cues;
pub mod direct;
pub mod marks;
pub mod reported;
pub mod resolve;
pub mod rule;
pub mod speaker;

pub use rule::Rule;

use crate::span::SpanIndex;
use crate::{QuoteKind, Span};
use direct::Attribution;
use speaker::{Np, Scene};

/// A quote as found, before its speaker is resolved.
#[derive(Debug, Clone)]
pub struct Found {
    /// What kind of speech.
    pub kind: QuoteKind,
    /// The whole quote (see [`crate::Quote::span`]).
    pub span: Span,
    /// The reported words.
    pub content: Span,
    /// The pieces of an interrupted quote.
    pub parts: Vec<Span>,
    /// The quoted fragments inside.
    pub fragments: Vec<Span>,
    /// The speaker phrase.
    pub speaker: Option<Np>,
    /// The cue.
    pub cue: Option<Span>,
    /// The addressee phrase.
    pub addressee: Option<Np>,
    /// The rule that found it.
    pub rule: Rule,
}

impl Found {
    /// Whether this is an unattributed quotation that opens inside `speech`
    /// (`He said the allies will act “to show … consequences.”`) or right at
    /// its start (`“…,” unlike every date before it, writes X.`), so a fragment of it:
    /// the speech then runs to the quotation's end, and from its opening mark.
    fn embedded_in(&self, speech: Span) -> bool {
        self.rule == Rule::DirectUnattributed
            && speech.start() <= self.content.start()
            && self.span.start() < speech.end()
    }

    fn apply(&mut self, attribution: Attribution, rule: Rule) {
        self.speaker = attribution.speaker;
        self.cue = attribution.cue;
        self.addressee = attribution.addressee;
        self.rule = rule;
    }
}

/// Words before a quoted title or nickname that make it no speech at all.
const NAMING_WORDS: &[&str] = &[
    "album",
    "book",
    "called",
    "dubbed",
    "entitled",
    "film",
    "known",
    "movie",
    "named",
    "nicknamed",
    "novel",
    "play",
    "programme",
    "program",
    "series",
    "show",
    "single",
    "song",
    "titled",
    "track",
];

/// Finds all reported speech in a scene, in order of start.
pub fn find(scene: &Scene<'_, '_>) -> Vec<Found> {
    let quoted = marks::find(scene.text, scene.tokens, scene.segments);
    let (mut found, fragments) = direct::attribute(scene, &quoted);
    let (mut reported, used) = reported::find(scene, &quoted, &fragments, &found);
    reported.sort_by_key(|r| r.content.start());
    let speech = SpanIndex::new(reported.iter().map(|r| r.content).collect());
    // An unattributed quotation embedded in reported speech is a fragment of it.
    found.retain(|d| {
        let Some(j) = speech.overlapping(d.span).find(|&j| d.embedded_in(reported[j].content)) else { return true };
        // A quotation opening the speech brings its opening mark in.
        let opening = Span::new(d.span.start(), d.content.start());
        let fragment = if d.span.start() < reported[j].content.start() { opening.cover(d.content) } else { d.content };
        reported[j].content = reported[j].content.cover(fragment);
        reported[j].span = reported[j].span.cover(fragment);
        false
    });
    for r in &mut reported {
        if r.kind == QuoteKind::Indirect && r.fragments.is_empty() {
            let first = quoted.partition_point(|q| q.span.start() < r.content.start());
            let inside: Vec<Span> = quoted[first..]
                .iter()
                .take_while(|q| q.span.start() < r.content.end())
                .filter(|q| !q.nested)
                .map(|q| q.content.intersection(r.content))
                .collect();
            if !inside.is_empty() {
                r.kind = QuoteKind::Mixed;
                r.fragments = inside;
            }
        }
    }
    // Room for the speech and the scare quotes at once: quotes are large, and growing moves them.
    found.reserve(reported.len() + fragments.len());
    found.extend(reported);
    found.sort_by_key(|f| (f.span.start(), f.span.end()));
    continue_after_trailing_attribution(scene.text, &mut found);
    let taken = SpanIndex::new(found.iter().map(|f| f.span).collect());
    for (f, &i) in fragments.iter().enumerate() {
        let q = &quoted[i];
        if used[f] || q.content.is_empty() || taken.overlapping(q.span).any(|j| found[j].span.covers(q.span)) {
            continue;
        }
        // `so-called “reform”` is the classic scare quote, not a name.
        let so_called =
            q.open >= 3 && scene.lower_bytes(q.open - 3) == b"so" && scene.lower_bytes(q.open - 1) == b"called";
        let naming = q.open > 0 && NAMING_WORDS.contains(&scene.lower(q.open - 1)) && !so_called;
        if naming {
            continue;
        }
        found.push(Found {
            kind: QuoteKind::Scare,
            span: q.span,
            content: q.content,
            parts: Vec::new(),
            fragments: Vec::new(),
            speaker: None,
            cue: None,
            addressee: None,
            rule: Rule::Scare,
        });
    }
    found.sort_by_key(|f| (f.span.start(), f.span.end()));
    found
}

/// How many bytes of the attribution's rest (`, founder of Y.`) may stand
/// between a trailing attribution and the quote that continues its speech.
const MAX_ATTRIBUTION_REST: usize = 120;

/// `The plan will fail, Smith said. “Nobody asked us.”`, `Smith said the
/// plan would fail. “Nobody asked us.”`: an unattributed quote (or one
/// continuing an earlier quote) opening right after attributed speech whose
/// sentence it follows, in the same paragraph or opening the next one,
/// continues that nearer speaker. Where the speech stands before its
/// attribution in the same paragraph (`The plan will fail, Smith said.
/// “Nobody asked us.”`), the quote is its second part: one mixed quote in
/// two parts, as `“A,” he said. “B.”` is one direct quote. `found` is in text order.
fn continue_after_trailing_attribution(text: &str, found: &mut Vec<Found>) {
    // The quotes joined to the speech before them, as second parts, in text order (no allocation until one is).
    let mut joined: Vec<usize> = Vec::new();
    let mut p = 0;
    for i in 1..found.len() {
        if joined.last() != Some(&(i - 1)) {
            p = i - 1;
        }
        let (before, rest) = found.split_at_mut(i);
        let (previous, quote) = (&mut before[p], &mut rest[0]);
        // Reported speech of any rule, or a quote whose attribution follows it: a quote after a quote
        // attributed before it is `direct`'s own continuation, with its own checks.
        let attributed = previous.speaker.is_some()
            && !matches!(previous.rule, Rule::Headline | Rule::Scare)
            && (previous.kind != QuoteKind::Direct || previous.rule == Rule::DirectCueAfter);
        if !matches!(quote.rule, Rule::DirectUnattributed | Rule::DirectContinuation)
            || !attributed
            || previous.span.end() > quote.span.start()
        {
            continue;
        }
        // Only the attribution's rest (and a paragraph break) may stand between: no other sentence.
        let between = text[previous.span.end()..quote.span.start()].trim_end();
        let rest_of_attribution = between.len() <= MAX_ATTRIBUTION_REST
            && !between.contains(['\n', '\r', '"', '“', '”', '‘', '’', '«', '»'])
            && (between.is_empty() || between.ends_with('.'))
            && between.matches(['.', '!', '?']).count() <= 1;
        if !rest_of_attribution {
            continue;
        }
        let same_paragraph = !text[previous.span.end()..quote.span.start()].contains(['\n', '\r']);
        if previous.rule == Rule::IndirectCueAfter && previous.parts.is_empty() && same_paragraph {
            previous.parts = vec![previous.content, quote.content];
            previous.fragments.push(quote.content);
            previous.kind = QuoteKind::Mixed;
            previous.content = previous.content.cover(quote.content);
            previous.span = previous.span.cover(quote.span);
            joined.push(i);
        } else {
            quote.apply(
                Attribution { speaker: previous.speaker.clone(), cue: None, addressee: None },
                Rule::DirectContinuation,
            );
        }
    }
    if !joined.is_empty() {
        let mut i = 0;
        let mut joined = joined.into_iter().peekable();
        found.retain(|_| {
            let keep = joined.next_if_eq(&i).is_none();
            i += 1;
            keep
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{extractor, quotes};
    use crate::{Document, Extractor, QuoteKind};

    fn extract(text: &str) -> Document<'_> {
        extractor().extract(text)
    }

    /// The speaker phrase of the first quote saywho finds in `text`.
    fn first_speaker(text: &str) -> Option<String> {
        quotes(text).into_iter().next().and_then(|q| q.2)
    }

    fn one(kind: QuoteKind, content: &str, speaker: Option<&str>) -> Vec<(QuoteKind, String, Option<String>)> {
        vec![(kind, content.to_string(), speaker.map(str::to_string))]
    }

    #[test]
    fn a_quote_opens_its_sentence_after_a_few_marks_only() {
        let direct = |text: &str| quotes(text).iter().filter(|q| q.0 == QuoteKind::Direct).count();
        assert_eq!(direct("— “We will win the vote.” The crowd cheered."), 1);
        // A run of empty quotes before it is no sentence opening: a short quote there is no quotation.
        assert_eq!(direct(&format!("{}“We will win.” The crowd cheered.", "\"\" ".repeat(20))), 0);
    }

    #[test]
    fn a_continuing_quote_ends_its_sentence_within_a_few_tokens() {
        let speakers = |tail: &str| -> Vec<Option<String>> {
            quotes(&format!("Jane Smith said: “We are ready.” “We will win” {tail}."))
                .into_iter()
                .map(|q| q.2)
                .collect()
        };
        let smith = Some("Jane Smith".to_string());
        assert_eq!(speakers(") ) )"), [smith.clone(), smith.clone()]);
        // Past a few marks the sentence is taken to go on: the quote continues nothing.
        assert_eq!(speakers(&") ".repeat(8)), [smith, None]);
    }

    #[test]
    fn a_lone_carriage_return_ends_an_unclosed_quote() {
        let ready = (QuoteKind::Direct, "We are ready.".to_string(), Some("Jane Smith".to_string()));
        let lines = |end: &str| format!("The mayor said “the plan is dead.{end}Jane Smith said: “We are ready.”");
        assert!(quotes(&lines("\r")).contains(&ready));
        assert_eq!(quotes(&lines("\r")), quotes(&lines("\n")));
        // On one line the unclosed quote runs on.
        assert!(!quotes(&lines(" ")).contains(&ready));
    }

    #[test]
    fn direct_patterns() {
        use QuoteKind::Direct;
        let cases = [
            ("cue after, said X", "“We are ready,” said Jane Smith.", one(Direct, "We are ready,", Some("Jane Smith"))),
            ("cue after, X said", "“We are ready,” Jane Smith said.", one(Direct, "We are ready,", Some("Jane Smith"))),
            ("pronoun after", "Jane Smith left. “We are ready,” she said.", one(Direct, "We are ready,", Some("she"))),
            ("colon before", "Jane Smith said: “We are ready.”", one(Direct, "We are ready.", Some("Jane Smith"))),
            ("dash", "“We are ready” — Jane Smith", one(Direct, "We are ready", Some("Jane Smith"))),
            ("straight marks", "\"We are ready,\" said Jane Smith.", one(Direct, "We are ready,", Some("Jane Smith"))),
            (
                "guillemets",
                "« Nous sommes prêts », said Jane Smith.",
                one(Direct, " Nous sommes prêts ", Some("Jane Smith")),
            ),
            ("PTB marks", "``We are ready,'' said Jane Smith.", one(Direct, "We are ready,", Some("Jane Smith"))),
            (
                "appositive",
                "“We are ready,” Jane Smith, the head of the union, said.",
                one(Direct, "We are ready,", Some("Jane Smith")),
            ),
        ];
        for (name, text, want) in cases {
            assert_eq!(quotes(text), want, "{name}");
        }
    }

    #[test]
    fn a_coordinated_cue_after_an_opening_conjunction_takes_the_subject() {
        let text = "But Tom Kell is keen to move on and said: “I have grown up a lot.”";
        assert_eq!(quotes(text), one(QuoteKind::Direct, "I have grown up a lot.", Some("Tom Kell")));
        // The conjunction is no speaker phrase: without a subject after it, nobody.
        let text = "But then it rained hard and said: “I have grown up a lot.”";
        let doc = extract(text);
        assert!(doc.quotes.iter().all(|q| q.speaker.is_none()), "{:?}", doc.quotes);
    }

    #[test]
    fn a_word_of_a_name_is_no_cue_before_a_quote() {
        // `Post` in the paper's name is no cue verb: the speaker is the subject of `told`.
        let text = "Tom Kell told the Washington Post, “We are not there yet and we will wait.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Tom Kell"));
        // The same word outside a name is still a cue.
        let text = "The fans post online, “We are not there yet and we will wait.”";
        assert_eq!(first_speaker(text).as_deref(), Some("The fans"));
    }

    #[test]
    fn a_dash_line_after_a_paragraph_of_quote_names_its_speaker() {
        let text = "“We are not there yet and we will wait.”\n\n- Tom Kell, writing on his blog.\n";
        assert_eq!(first_speaker(text).as_deref(), Some("Tom Kell"));
        let text = "“We are not there yet and we will wait.”\n-Acme Corp.\n";
        assert_eq!(first_speaker(text).as_deref(), Some("Acme Corp."));
        // A bullet line that names nobody first, or a quote the paragraph goes on after, takes nothing.
        let text = "“We are not there yet and we will wait.”\n- we will see, Tom Kell wrote.\n";
        assert_eq!(first_speaker(text), None);
        let text = "“We are not there yet and we will wait.” The hall fell silent.\n- Tom Kell.\n";
        assert_eq!(first_speaker(text), None);
    }

    #[test]
    fn a_participle_after_a_verbs_object_speaks_for_the_subject() {
        let quote = "“We are not there yet and we will wait.”";
        // `a statement` is the object of `released`: the subject speaks.
        let text = format!("At the time, Tom Kell released a statement saying, {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Tom Kell"));
        // In an absolute phrase the name before the participle speaks, also past an adverb.
        let text = format!("The crowd cheered, with Anna Marsh reportedly shouting: {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Anna Marsh"));
        let text = format!("The crowd cheered, with Anna Marsh shouting: {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Anna Marsh"));
        // After a preposition the phrase is the source (`a letter from Acme Corp saying`).
        let text = format!("Tom Kell read out a letter from Acme Corp saying, {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Acme Corp"));
    }

    #[test]
    fn a_coordinated_cue_takes_the_first_conjuncts_subject() {
        let quote = "“We are not there yet and we will wait.”";
        // An opening clause keeps the sentence's subject out of reach: the first verb's subject speaks.
        let text = format!("When the mayor was asked about the plan at a long lunch, he laughed and said, {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("he"));
        let text = format!("Tom Kell brought up the strike and later said, {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Tom Kell"));
        // A name ending an appositive of the object is no subject.
        let text = format!("When asked about Anna Marsh, he looked at the camera, frowned and said, {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("he"));
        // Nor is a name after a verb or preposition.
        let text = format!("Tom Kell said the plan was drawn up by Acme Corp and added, {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Tom Kell"));
    }

    #[test]
    fn a_cue_phrase_after_a_quote_may_take_a_prepositional_phrase() {
        let before = "“We are ready,” Anna Marsh said.\n";
        let text = format!("{before}“They only came for the free food,” Tom Kell shot back with a laugh.");
        assert_eq!(quotes(&text)[1].2.as_deref(), Some("Tom Kell"));
        // A phrase that is no verb's (`on` needing its object) attributes nothing: the quote continues.
        let text = format!("{before}“They only came for the free food,” Tom Kell went on with a laugh.");
        assert_eq!(quotes(&text)[1].2.as_deref(), Some("Anna Marsh"));
    }

    #[test]
    fn a_participle_after_and_then_speaks_for_the_subject() {
        let quote = "“We are not there yet and we will wait.”";
        let text = format!("And then Tom Kell went on the attack, saying, {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Tom Kell"));
        // `then` as the subject's own word is not skipped past a comma.
        let text = format!("And then, the rain came down hard, saying, {quote}");
        assert_eq!(first_speaker(&text), None);
    }

    #[test]
    fn a_cue_before_a_quote_finds_speakers_no_entity_covers() {
        let quote = "“We are not there yet and we will wait.”";
        // An inverted cue opening the sentence, then a capitalised name no entity covers.
        let text = format!("It was a hard day. Said Quell, {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Quell"));
        // Only a short run of capitalised words is taken for a name; a lower-case word is none.
        let text = format!("It was a hard day. Said Quell Harbour Ferry Board Trust, {quote}");
        assert_eq!(first_speaker(&text), None);
        let text = format!("It was a hard day. Said nobody, {quote}");
        assert_eq!(first_speaker(&text), None);
        // `to say` completes a verb: its subject speaks; `since` stands between a subject and its verb.
        let text = format!("Tom Kell, who signed the bill as governor, interjected to say: {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Tom Kell"));
        let text = format!("The plan was never to say: {quote}");
        assert_eq!(first_speaker(&text), None);
        let text = format!("Tom Kell has since said sorry for the delay: {quote}");
        assert_eq!(first_speaker(&text).as_deref(), Some("Tom Kell"));
    }

    #[test]
    fn split_quote_is_one_quote_in_two_parts() {
        let text = "“We are ready,” said Jane Smith. “The vote is tomorrow.”";
        let doc = extract(text);
        assert_eq!(doc.quotes.len(), 1);
        let parts: Vec<&str> = doc.quotes[0].parts.iter().map(|p| &*p.text).collect();
        assert_eq!(parts, ["We are ready,", "The vote is tomorrow."]);
        // A sentence of its own between them: two quotes, the second no part of the first.
        let text = "“We are ready,” said Jane Smith. The union will meet. “The vote is tomorrow.”";
        let doc = extract(text);
        assert_eq!(doc.quotes.len(), 2);
        assert!(doc.quotes[0].parts.is_empty());
        assert_eq!(&*doc.quotes[0].content.text, "We are ready,");
    }

    /// The parts of each direct quote saywho finds in `text` (the content alone where it has none).
    fn parts(text: &str) -> Vec<Vec<String>> {
        let doc = extract(text);
        doc.validate(text).unwrap();
        let words = |q: &crate::Quote<'_>| q.words().map(|w| w.text.to_string()).collect();
        doc.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).map(words).collect()
    }

    #[test]
    fn a_question_or_an_inner_quote_may_end_the_first_part() {
        let tomorrow = "The vote is tomorrow.".to_string();
        let asked = "“Are we ready?” asked Jane Smith. “The vote is tomorrow.”";
        assert_eq!(parts(asked), [vec!["Are we ready?".to_string(), tomorrow.clone()]]);
        let inner = "“They told us ‘wait,’” said Jane Smith. “The vote is tomorrow.”";
        assert_eq!(parts(inner), [vec!["They told us ‘wait,’".to_string(), tomorrow.clone()]]);
        // A first part ending in a full stop is a quote of its own.
        let stop = "“We are ready.” Jane Smith said. “The vote is tomorrow.”";
        assert_eq!(parts(stop), [vec!["We are ready.".to_string()], vec![tomorrow]]);
    }

    #[test]
    fn a_title_in_the_attribution_is_passed_over() {
        let text = "“We are ready,” Jane Smith said on “Morning Town.” “The vote is tomorrow.”";
        assert_eq!(parts(text), [vec!["We are ready,".to_string(), "The vote is tomorrow.".to_string()]]);
        // A quotation of its own after the attribution is no title: it is the second part.
        let text = "“We are ready,” Jane Smith said. “Morning comes soon, and the vote is tomorrow.”";
        assert_eq!(parts(text)[0].len(), 2);
    }

    #[test]
    fn the_second_part_may_open_the_next_paragraph() {
        let text = "“We are ready,” Jane Smith said.\n\n“The vote is tomorrow.”";
        assert_eq!(parts(text), [vec!["We are ready,".to_string(), "The vote is tomorrow.".to_string()]]);
        // A quote whose sentence goes on after it (an attribution saywho may not know) is no second part.
        let text = "“We are ready,” Jane Smith said.\n\n“The vote is tomorrow,” Tom Kell zorbled.";
        assert_eq!(parts(text).len(), 2);
    }

    #[test]
    fn a_quote_after_speech_before_its_attribution_is_its_second_part() {
        let text = "The plan will fail, Jane Smith said. “Nobody asked us.”";
        let doc = extract(text);
        assert_eq!(doc.quotes.len(), 1, "{:?}", doc.quotes);
        let quote = &doc.quotes[0];
        assert_eq!(quote.kind, QuoteKind::Mixed);
        let parts: Vec<&str> = quote.parts.iter().map(|p| &*p.text).collect();
        assert_eq!(parts, ["The plan will fail", "Nobody asked us."]);
        assert_eq!(quote.speaker.as_ref().map(|s| &*s.text), Some("Jane Smith"));
        // In the next paragraph, or after speech its attribution opens, the quote only continues the speaker.
        let smith = Some("Jane Smith".to_string());
        let next = quotes("The plan will fail, Jane Smith said.\n“Nobody asked us.”");
        assert_eq!(next.len(), 2);
        assert_eq!(next[1], (QuoteKind::Direct, "Nobody asked us.".to_string(), smith.clone()));
        let opened = quotes("Jane Smith said the plan would fail. “Nobody asked us.”");
        assert_eq!(opened.len(), 2);
        assert_eq!(opened[1], (QuoteKind::Direct, "Nobody asked us.".to_string(), smith));
    }

    #[test]
    fn new_speech_in_the_attribution_ends_the_quote() {
        let plain = "“We are ready,” Jane Smith said on Monday. “The vote is tomorrow.”";
        assert_eq!(parts(plain).len(), 1);
        let noting = "“We are ready,” Jane Smith said, noting that the hall was full. “The vote is tomorrow.”";
        assert_eq!(parts(noting).len(), 2);
        let warned = "“We are ready,” Jane Smith said, and then warned: “The vote is tomorrow.”";
        assert_eq!(parts(warned).len(), 2);
        // A cue word ending the attribution as a noun (`in reply.`) or a name (`the Quell Forecast,`) is no new speech.
        let reply = "“We are ready,” Jane Smith said in reply. “The vote is tomorrow.”";
        assert_eq!(parts(reply).len(), 1);
        let forecast = "“The risk,” said Tom Kell, the head of the Quell Forecast, “is that we lose the vote.”";
        assert_eq!(parts(forecast).len(), 1);
    }

    #[test]
    fn a_long_attribution_may_interrupt_the_quote() {
        let rest =
            "a retired teacher who has lived in the valley since the floods and runs the choir of the old chapel";
        let text = format!("“We are ready,” said Jane Smith, 64, {rest}, {rest} on the hill. “The vote is tomorrow.”");
        assert_eq!(parts(&text).len(), 1);
        // Past the bound the second quote stands alone.
        let text =
            format!("“We are ready,” said Jane Smith, 64, {rest}, {rest}, {rest} on the hill. “The vote is tomorrow.”");
        assert_eq!(parts(&text).len(), 2);
    }

    #[test]
    fn intro_line_before_a_bullet() {
        let text = "Jane Smith told the board:\n- “We will not accept this.”";
        assert_eq!(quotes(text), one(QuoteKind::Direct, "We will not accept this.", Some("Jane Smith")));
    }

    #[test]
    fn indirect_patterns() {
        use QuoteKind::Indirect;
        let cases = [
            (
                "that clause",
                "Jane Smith said that the vote would be delayed.",
                "the vote would be delayed",
                "Jane Smith",
            ),
            ("no that", "Jane Smith says the vote will be delayed.", "the vote will be delayed", "Jane Smith"),
            (
                "trailing",
                "The vote will be delayed, a union source said.",
                "The vote will be delayed",
                "a union source",
            ),
            (
                "according to",
                "According to Jane Smith, the vote will be delayed.",
                "the vote will be delayed",
                "Jane Smith",
            ),
            ("nominal", "Analysts warn that the vote may be delayed.", "the vote may be delayed", "Analysts"),
        ];
        for (name, text, content, speaker) in cases {
            assert_eq!(quotes(text), one(Indirect, content, Some(speaker)), "{name}");
        }
    }

    #[test]
    fn mixed_speech_lists_its_fragments() {
        let text = "Jane Smith warned that troops could move ‘within days’ if talks failed.";
        let doc = extract(text);
        assert_eq!(doc.quotes.len(), 1);
        assert_eq!(doc.quotes[0].kind, QuoteKind::Mixed);
        assert_eq!(doc.quotes[0].content.text, "troops could move ‘within days’ if talks failed");
        assert_eq!(doc.quotes[0].fragments[0].text, "within days");
    }

    #[test]
    fn scare_quotes_have_no_speaker() {
        assert_eq!(
            quotes("A congressional panel is reviewing an alleged “double tap” strike."),
            one(QuoteKind::Scare, "double tap", None)
        );
    }

    #[test]
    fn titles_and_nicknames_are_not_speech() {
        assert!(quotes("The band played its song “Summer Rain” last night.").is_empty());
        assert!(quotes("The striker, nicknamed “The Rocket,” scored twice.").is_empty());
    }

    #[test]
    fn apostrophes_and_inches_are_not_quotes() {
        assert!(quotes("Venezuela’s leaders wouldn’t meet in the ’90s, rock ’n’ roll or not.").is_empty());
        assert!(quotes("The players' coach is 5'10\" tall and the team's captain is 6'2\".").is_empty());
    }

    #[test]
    fn unclosed_quote_stops_at_its_paragraph() {
        let text = "Jane Smith said “we will rebuild the school.\nThe council meets next week.";
        let found = quotes(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "we will rebuild the school.");
    }

    #[test]
    fn never_invents_a_speaker() {
        let text = "“We are ready.”";
        assert_eq!(quotes(text), one(QuoteKind::Direct, "We are ready.", None));
    }

    /// Found by the `structured` fuzz target: a user lexicon name that runs
    /// over the cue and the closing mark to the end of the text made the
    /// attribution read past the last token.
    #[test]
    fn a_name_over_the_attribution_does_not_panic() {
        let extractor = Extractor::builder().lexicon_text("fuzz", "X said \"N.\"\tGPE\tX").build().unwrap();
        for text in ["\"N.\" X said \"N.\"", "“N.” X said “N.”", "\"N.\": X said \"N.\""] {
            extractor.extract(text).validate(text).unwrap();
        }
    }

    /// Found by the `structured` fuzz target: a participle cue as the very
    /// first token before a quote made the attribution look before token 0.
    #[test]
    fn a_participle_at_the_start_does_not_panic() {
        for text in ["Saying, “We are ready.”", "saying “We are ready,” he left."] {
            extract(text).validate(text).unwrap();
        }
    }

    #[test]
    fn a_fragment_belongs_to_the_nearest_named_subject_with_a_verb() {
        let text = "At a rally, Jane Smith likened the plan to a “slow-motion disaster” in her speech.";
        assert_eq!(
            quotes(text),
            one(QuoteKind::Mixed, "the plan to a “slow-motion disaster” in her speech", Some("Jane Smith"))
        );
        // No named subject with a verb: a scare quote.
        assert_eq!(quotes("The so-called “reform” failed."), one(QuoteKind::Scare, "reform", None));
    }

    #[test]
    fn an_adverb_may_stand_between_subject_and_cue() {
        let text = "In July, Jane Smith cynically dismissed the report as “fiction” in an interview.";
        let found = quotes(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].2.as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_long_quote_inside_a_reported_clause_is_mixed_speech() {
        let text = "Jane Smith said the ruling “will force the county to rebuild every polling station it closed last \
                    spring.” She said that the county would appeal.";
        assert_eq!(
            quotes(text),
            vec![
                (
                    QuoteKind::Mixed,
                    "the ruling “will force the county to rebuild every polling station it closed last spring.”"
                        .to_string(),
                    Some("Jane Smith".to_string())
                ),
                (QuoteKind::Indirect, "the county would appeal".to_string(), Some("She".to_string())),
            ]
        );
    }

    #[test]
    fn a_clause_ending_in_a_quote_stays_in_its_paragraph() {
        let text = "He said the allies will take other measures “to show the regime there are consequences.”\n\n\
                    “We will not wait,” he said.";
        let found = quotes(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, QuoteKind::Mixed);
        assert!(found[0].1.ends_with("consequences.”"), "{found:?}");
    }

    #[test]
    fn a_conjunction_inside_a_quote_does_not_end_the_clause() {
        let text = "Jane Smith said she expects the board “to keep asking questions and defending the staff.”";
        let found = quotes(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "she expects the board “to keep asking questions and defending the staff.”");
    }

    #[test]
    fn speech_in_a_subordinate_clause_ends_at_its_comma() {
        let text =
            "While she acknowledged the budget was tight, Jane Smith also noted several “hidden costs” had risen.";
        let found = quotes(text);
        let contents: Vec<(&str, Option<&str>)> = found.iter().map(|q| (q.1.as_str(), q.2.as_deref())).collect();
        assert_eq!(
            contents,
            [("the budget was tight", Some("she")), ("several “hidden costs” had risen", Some("Jane Smith"))]
        );
    }

    #[test]
    fn a_title_case_headline_cue_needs_a_clause() {
        assert!(quotes("Mayor Confirms Budget but Stays Silent\nThe council met on Monday.").is_empty());
    }

    #[test]
    fn a_pronoun_reported_by_its_own_antecedent_gives_the_outer_speaker() {
        let text = "Jane Smith said she recalled thinking, “Nobody in this room can see me.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
        let text = "Mayor Jane Smith condemned what she called a “reckless gamble” with city money.";
        assert_eq!(first_speaker(text).as_deref(), Some("Mayor Jane Smith"));
        let text = "Council members used blunt words to denounce what Mayor Jane Smith called a “necessary sacrifice.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Council members"));
        let text = "Jane Smith says she hopes to win, but she knows that “the count will be close.”";
        assert_eq!(quotes(text).last().and_then(|q| q.2.as_deref()), Some("Jane Smith"));
        // A pronoun that cannot stand for the outer subject stays.
        let text = "The unions said they would strike, and Jane Smith said he recalled thinking, “Not again.”";
        assert_eq!(quotes(text).last().and_then(|q| q.2.as_deref()), Some("he"));
    }

    #[test]
    fn a_quote_after_a_trailing_attribution_continues_its_speaker() {
        for text in [
            "The council may wait for the state, Jane Smith said. “The other factor is the budget. We will see.”",
            "The council may wait for the state, Jane Smith said. \"The other factor is the budget. We will see.\"",
        ] {
            // In its paragraph the quote is the speech's second part.
            let found = quotes(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert!(found[0].1.ends_with("We will see."), "{text}: {found:?}");
            assert_eq!(found[0].2.as_deref(), Some("Jane Smith"), "{text}");
            // Opening the next paragraph, it is a quote of its own with the same speaker.
            let text = text.replace("said. ", "said.\n");
            let found = quotes(&text);
            assert_eq!(found.len(), 2, "{text}: {found:?}");
            assert_eq!(found[1].0, QuoteKind::Direct);
            assert_eq!(found[1].2.as_deref(), Some("Jane Smith"), "{text}");
        }
    }

    #[test]
    fn a_headline_with_a_quoted_fragment_is_speech() {
        let text = "Mayor Jane Smith Calls Budget ‘A Disgrace’ After Vote.\n\nMayor Jane Smith spoke on Monday.";
        let doc = extract(text);
        let q = &doc.quotes[0];
        assert_eq!((q.kind, &*q.rule), (QuoteKind::Mixed, "headline"));
        assert_eq!(q.speaker.as_ref().map(|s| &*s.text), Some("Mayor Jane Smith"));
        assert_eq!(q.content.text, "Budget ‘A Disgrace’ After Vote");
        let text = "Budget Is ‘A Disgrace,’ Jane Smith Says\n\nJane Smith spoke on Monday.";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
        let text = "Jane Smith on the Budget: The Cuts Are ‘Painful’\n\nJane Smith spoke on Monday.";
        assert_eq!(quotes(text)[0].1, "The Cuts Are ‘Painful’");
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_coordinated_cue_takes_the_subject_of_the_verb_it_is_coordinated_with() {
        let text = "Jane Smith praised the board after he resigned and blamed the losses on “bad luck” abroad.";
        assert_eq!(first_speaker(text).as_deref(), Some("he"));
    }

    #[test]
    fn a_participle_after_a_comma_takes_the_main_subject() {
        let text =
            "Jane Smith granted the firm an extension on a court order, saying its funds were “less than expected.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_participle_after_an_opening_phrase_takes_the_subject_after_it() {
        let text = "During a speech in Ohio, Jane Smith attacked the plan, saying, “It is reckless and unfair.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_long_appositive_before_the_cue() {
        let text = "Jane Smith, who runs the get-out-the-vote effort for military veterans’ families in the state, \
                    said, “We will knock on every door.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn but_and_a_new_attribution_end_the_clause() {
        let text = "Video of the stop shows him with his hands up, but the officer said he refused to follow commands.";
        let found = quotes(text);
        assert_eq!(
            found.last().map(|q| (q.1.as_str(), q.2.as_deref())),
            Some(("he refused to follow commands", Some("the officer")))
        );
    }

    #[test]
    fn a_participle_cue_after_a_comma_starts_its_own_speech() {
        let text = "The trader said she was ready, arguing that she will take a “steady” line on the budget.";
        let found = quotes(text);
        let contents: Vec<&str> = found.iter().map(|q| q.1.as_str()).collect();
        assert_eq!(contents, ["she was ready", "she will take a “steady” line on the budget"]);
        assert_eq!(found[1].0, QuoteKind::Mixed);
    }

    #[test]
    fn a_relative_who_speaks_for_the_name_before_it() {
        let text = "Voters backed Jane Smith, who said the plan was “dead on arrival.”";
        let doc = extract(text);
        let speaker = doc.quotes[0].speaker.as_ref().unwrap();
        assert_eq!((&*speaker.text, speaker.canonical.as_deref()), ("who", Some("Jane Smith")));
        // `anybody who` names nobody.
        let text = "Jane Smith mocked the idea, saying anybody who complains about it “is not having a good night.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_new_attribution_after_a_comma_ends_the_clause() {
        let text = "Jane Smith still senses anger among her staff, the mayor acknowledged that some “feel betrayed.”";
        let speakers: Vec<Option<String>> = quotes(text).into_iter().map(|q| q.2).collect();
        assert_eq!(speakers, [Some("Jane Smith".to_string()), Some("the mayor".to_string())]);
    }

    #[test]
    fn a_percentage_can_speak() {
        let text = "In the poll, 63 percent said the mayor was “justified” in keeping the report private.";
        assert_eq!(first_speaker(text).as_deref(), Some("63 percent"));
    }

    #[test]
    fn a_cue_after_and_takes_the_first_verbs_subject() {
        let text = "Jane Smith praised the staff and said she has what the job needs: “Patience, and more patience.”";
        let found = quotes(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].2.as_deref()), (QuoteKind::Mixed, Some("Jane Smith")));
    }

    #[test]
    fn an_inverted_attribution_after_a_quote_mark_with_an_appositive() {
        let text = "The answers are “not meeting the demand,” says Jane Smith, founder of Vets First. \
                    “We often compare it to a flood.”";
        let found = quotes(text);
        let got: Vec<(QuoteKind, &str, Option<&str>)> =
            found.iter().map(|q| (q.0, q.1.as_str(), q.2.as_deref())).collect();
        // The quote after the attribution is the speech's second part.
        let content = "The answers are “not meeting the demand,” says Jane Smith, founder of Vets First. \
                       “We often compare it to a flood.";
        assert_eq!(got, [(QuoteKind::Mixed, content, Some("Jane Smith"))]);
    }

    #[test]
    fn a_dated_relative_clause_and_a_noun_in_ing() {
        let text = "Voters backed Jane Smith, who in 2010 said the plan was “dead on arrival.”";
        assert_eq!(first_speaker(text).as_deref(), Some("who"));
        let text = "The drivers, Marta Quell noted during the long council session, were “badly paid.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Marta Quell"));
    }

    #[test]
    fn an_apostrophe_does_not_hide_a_clause_boundary() {
        let text = "Jane Smith said the teachers' pay was low, but the mayor said the budget was tight.";
        let speakers: Vec<Option<String>> = quotes(text).into_iter().map(|q| q.2).collect();
        assert_eq!(speakers, [Some("Jane Smith".to_string()), Some("the mayor".to_string())]);
    }

    #[test]
    fn a_cue_phrase_before_a_quote() {
        let text = "As the council pointed out, “The budget has not changed since May.”";
        assert_eq!(first_speaker(text).as_deref(), Some("the council"));
        let text = "Jane Smith hit back: “The budget has not changed since May.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
        // A prepositional phrase is no verb: `in a statement` names nobody by itself.
        let text = "In a statement, “The budget has not changed since May.”";
        assert_eq!(first_speaker(text), None);
    }

    #[test]
    fn an_inverted_cue_opening_the_sentence() {
        let text = "Said the mayor, “The budget has not changed since May.”";
        assert_eq!(first_speaker(text).as_deref(), Some("the mayor"));
        // `Said` with nothing that speaks after it: no speaker.
        assert_eq!(first_speaker("Said and done, “The budget has not changed.”"), None);
    }

    #[test]
    fn a_person_with_an_affiliation() {
        let doc = extract("Jane Smith of the union wrote, “We will not accept this offer.”");
        let speaker = doc.quotes[0].speaker.as_ref().unwrap();
        assert_eq!((&*speaker.text, speaker.canonical.as_deref()), ("Jane Smith of the union", Some("Jane Smith")));
        // `officials of the union` stays a description.
        let text = "Officials of the union wrote, “We will not accept this offer.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Officials of the union"));
    }

    #[test]
    fn a_role_with_a_place_before_a_name_and_a_party_member() {
        let text = "“We are ready,” said former Ohio congressman Tom Kell.";
        assert_eq!(first_speaker(text).as_deref(), Some("former Ohio congressman Tom Kell"));
        let text = "“We are ready,” said a Nevada Democrat.";
        assert_eq!(first_speaker(text).as_deref(), Some("a Nevada Democrat"));
        // A place alone speaks for nobody here.
        let text = "“We are ready,” said a Nevada report.";
        assert_ne!(first_speaker(text).as_deref(), Some("a Nevada"));
    }

    #[test]
    fn a_role_before_a_titled_name_takes_the_title_in() {
        let text = "“The ferry stays,” said former Gov. Tom Kell, who chairs the harbour board.";
        assert_eq!(first_speaker(text).as_deref(), Some("former Gov. Tom Kell"));
        let text = "“We are ready,” said retired Lt. Gen. Tom Kell.";
        assert_eq!(first_speaker(text).as_deref(), Some("retired Lt. Gen. Tom Kell"));
        // A preposition before the title still ends the role: the aide speaks, not the governor.
        let text = "“The ferry stays,” said a former aide to Gov. Tom Kell.";
        assert_eq!(first_speaker(text).as_deref(), Some("a former aide"));
    }

    #[test]
    fn a_colon_with_no_cue_takes_the_sentence_subject() {
        let text = "The hall was full.\nMarta Quell waved from the stage: “Nobody leaves before the vote.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Marta Quell"));
        let text = "The hall was full.\nShe then opened her notebook: “Shorter shifts, fair pay and a union.”";
        assert_eq!(first_speaker(text).as_deref(), Some("She"));
        // `it` and a subject that is no speaker give nobody.
        let text = "The hall was full.\nIt was simple: “Nobody leaves before the vote.”";
        assert_eq!(first_speaker(text), None);
        let text = "The hall was full.\nThe reason was simple: “Nobody leaves before the vote.”";
        assert_eq!(first_speaker(text), None);
    }

    #[test]
    fn a_participle_phrase_opening_the_sentence_comes_before_its_subject() {
        let text = "Arriving at the depot in Quelbury, Marta Quell turned on the builders, calling their work “a slow disaster.”";
        assert_eq!(quotes(text), one(QuoteKind::Mixed, "a slow disaster.", Some("Marta Quell")));
        // `Nothing …` is no participle: the sentence has no subject to speak.
        let text = "Nothing at the depot in Quelbury, Marta Quell turned on the builders, calling their work “a slow disaster.”";
        assert_eq!(quotes(text), one(QuoteKind::Scare, "a slow disaster.", None));
    }

    #[test]
    fn a_quote_the_sentence_goes_on_after_is_a_fragment_of_the_trailing_attribution() {
        let text = "“The bridge opens in May,” unlike every date before it, writes Marta Quell, the engineer.";
        assert_eq!(
            quotes(text),
            one(QuoteKind::Mixed, "“The bridge opens in May,” unlike every date before it", Some("Marta Quell"))
        );
        // With no attribution after it, the quote stays an unattributed quotation.
        let text = "“The bridge opens in May,” unlike every date before it.";
        assert_eq!(quotes(text), one(QuoteKind::Direct, "The bridge opens in May,", None));
    }

    #[test]
    fn a_roundup_line_names_its_source_between_a_dash_and_the_colon() {
        let text =
            "Ferry news.\n\nFARES CLIMB ON EVERY ROUTE - Marta Quell: “Our survey says riders pay a third more than in \
                    spring.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Marta Quell"));
        // A place there is the line's topic, not its source.
        let text =
            "Ferry news.\n\nFARES CLIMB ON EVERY ROUTE - Quelbury: “Our survey says riders pay a third more than in \
                    spring.”";
        assert_eq!(first_speaker(text), None);
    }

    #[test]
    fn quote_marks_inside_a_markup_tag_are_no_quotes() {
        let text = "<post id=\"42\" author=\"@jsmith\">The vote is off</post>.";
        assert!(quotes(text).is_empty(), "{:?}", quotes(text));
        // The same marks outside a tag quote.
        let text = "Jane Smith wrote: \"The vote is off.\"";
        assert_eq!(quotes(text), one(QuoteKind::Direct, "The vote is off.", Some("Jane Smith")));
    }

    #[test]
    fn a_cue_word_mostly_a_noun_is_no_cue() {
        assert!(quotes("Voters in swing states say the economy matters most.").is_empty());
        assert!(quotes("The two states hold primaries that the party may move.").is_empty());
        // After its subject, `state` is the verb.
        let text = "The documents state that the plan was flawed.";
        assert_eq!(quotes(text), one(QuoteKind::Indirect, "the plan was flawed", Some("The documents")));
        // `judge`, `rules`, `figure` as nouns report nothing; after a subject or a modal they are verbs.
        assert!(quotes("A county judge has rejected the ferry plan of the harbour board.").is_empty());
        assert!(quotes("The harbour rules make it hard for small boats to dock.").is_empty());
        let text = "Marta Quell figures the ferry will be late.";
        assert_eq!(quotes(text), one(QuoteKind::Indirect, "the ferry will be late", Some("Marta Quell")));
        let text = "The panel would rule that the ferry was unsafe.";
        assert_eq!(quotes(text), one(QuoteKind::Indirect, "the ferry was unsafe", Some("The panel")));
    }

    #[test]
    fn a_coordinated_cue_before_a_quote_takes_the_sentence_subject() {
        let text = "Jane Smith thanked the fans and said: “We will be back next year.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
        // A subject of its own after `and` speaks for itself.
        let text = "The fans cheered and the band said: “We will be back next year.”";
        assert_eq!(first_speaker(text).as_deref(), Some("the band"));
    }

    #[test]
    fn a_quote_after_a_reported_clause_continues_its_speaker() {
        let text = "Jane Smith said that the vote should be held. “Of course it should. We are ready.”";
        assert_eq!(quotes(text).last().and_then(|q| q.2.clone()).as_deref(), Some("Jane Smith"));
        let text = "Jane Smith said that the vote should be held.\n\n“Of course it should.”";
        assert_eq!(quotes(text).last().and_then(|q| q.2.clone()).as_deref(), Some("Jane Smith"));
        // Another sentence between: no speaker.
        let text = "Jane Smith said that the vote should be held. The hall was full. “Of course it should.”";
        assert_eq!(quotes(text).last().map(|q| q.2.clone()), Some(None));
    }

    #[test]
    fn a_sentence_between_attribution_and_quote_breaks_the_continuation() {
        let text = "The plan will fail, Jane Smith said. Bob Jones left the room in anger. “Nobody asked us.”";
        assert_eq!(quotes(text).last().map(|q| q.2.clone()), Some(None));
    }

    #[test]
    fn but_with_a_new_subject_ends_the_clause() {
        let text = "Jane Smith said the vote would be delayed but she has also asked for patience.";
        assert_eq!(quotes(text), one(QuoteKind::Indirect, "the vote would be delayed", Some("Jane Smith")));
    }

    #[test]
    fn an_inverted_cue_takes_a_description_of_any_shape() {
        let text = "“The budget is a mess,” said the 62-year-old.";
        assert_eq!(first_speaker(text).as_deref(), Some("the 62-year-old"));
        let text = "“The plan failed,” said a longtime adviser to the mayor.";
        assert_eq!(first_speaker(text).as_deref(), Some("a longtime adviser"));
        // A determiner before no noun (`said the other`, `said a very`) is no speaker.
        assert_eq!(first_speaker("“The plan failed,” said the other.").as_deref(), None);
        assert_eq!(first_speaker("“The plan failed,” said a very.").as_deref(), None);
        // A noun in `-ly` heads a description; an adverb does not.
        let text = "“We want answers,” said the family.";
        assert_eq!(first_speaker(text).as_deref(), Some("the family"));
        assert_eq!(first_speaker("“We want answers,” said the other quickly.").as_deref(), None);
        // At most MAX_PHRASE words after the determiner.
        let long = "“We want answers,” said the one two three four five six seven eight nine ten eleven twelve man.";
        assert_eq!(first_speaker(long).as_deref(), None);
    }

    #[test]
    fn a_name_ending_in_ly_is_no_adverb() {
        let text = "“Elections matter,” Kelly said.";
        assert_eq!(first_speaker(text).as_deref(), Some("Kelly"));
        // A lower-case `-ly` word between subject and cue is still skipped.
        let text = "“Elections matter,” Jane Smith quickly said.";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_plural_possessive_does_not_end_the_attribution() {
        let text = "“We will win,” Jane Smith, the senators’ campaign manager, said.";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
        // A real quote mark after the quote still ends the search for its cue.
        let text = "“We will win,” ‘Jane Smith said’ nothing.";
        assert_eq!(first_speaker(text).as_deref(), None);
    }

    #[test]
    fn a_cue_phrase_after_a_quote() {
        let text = "“Let me talk,” Jane Smith shot back.";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
        // A phrase that goes on (`shot back at the board`) is not the end of an attribution.
        let text = "“Let me talk,” Jane Smith shot back at the board.";
        assert_eq!(first_speaker(text).as_deref(), None);
        // `went on` ends an attribution after a quote: `on` is its particle.
        let text = "“The ferry will sail on time,” Tom Kell went on.";
        assert_eq!(first_speaker(text).as_deref(), Some("Tom Kell"));
        // Before a quote, `went on` is a visit (`went on “Morning Quay”`), no attribution.
        let text = "Tom Kell went on “Morning Quay” to talk about ferries.";
        assert_eq!(quotes(text), one(QuoteKind::Scare, "Morning Quay", None));
    }

    #[test]
    fn a_possessor_no_entity_covers_starts_the_description_at_its_determiner() {
        let text = "The harbour council’s lawyer said: “The ferry will sail on time.”";
        assert_eq!(first_speaker(text).as_deref(), Some("The harbour council’s lawyer"));
        let text = "Marta Quell’s lawyer said: “The ferry will sail on time.”";
        assert_eq!(first_speaker(text).as_deref(), Some("Marta Quell’s lawyer"));
        // No determiner within reach: the possessor alone, not the words before it.
        let text = "Ferries sail and docks close and harbour council’s lawyer said: “Not today.”";
        assert_eq!(first_speaker(text).as_deref(), Some("council’s lawyer"));
        // A conjunction or preposition ends the walk back: the words before it are another phrase.
        let text = "Boats left the quay and council’s lawyer said: “Not today.”";
        assert_eq!(first_speaker(text).as_deref(), Some("council’s lawyer"));
        let text = "Boats left for the quay as council’s lawyer said: “Not today.”";
        assert_eq!(first_speaker(text).as_deref(), Some("council’s lawyer"));
    }

    #[test]
    fn a_new_sentence_after_a_quote_is_not_its_attribution() {
        let text = "Jane Smith said, “The case was unusual.” She added, “Things happened.”";
        let speakers: Vec<Option<String>> = quotes(text).into_iter().map(|q| q.2).collect();
        assert_eq!(speakers, [Some("Jane Smith".to_string()), Some("She".to_string())]);
        // Without an attribution before the quote, the one after it is still taken.
        let text = "“The case was unusual.” Jane Smith said so on Monday.";
        assert_eq!(first_speaker(text).as_deref(), Some("Jane Smith"));
    }

    #[test]
    fn a_capitalised_name_no_entity_covers_opens_an_attribution() {
        let text = "“We will take that strength to the capital,” Ozzarine said.";
        assert_eq!(first_speaker(text).as_deref(), Some("Ozzarine"));
        // A capitalised determiner or conjunction is no name: `The …`, `But …`.
        let text = "“We will take that strength to the capital,” But said.";
        assert_eq!(first_speaker(text).as_deref(), None);
    }

    #[test]
    fn a_description_of_four_words_before_a_cue() {
        let text = "“Her mind is shot,” the presumptive Republican presidential nominee wrote.";
        assert_eq!(first_speaker(text).as_deref(), Some("the presumptive Republican presidential nominee"));
        // Five words from the determiner are too many.
        let text = "“Her mind is shot,” the very presumptive Republican presidential nominee wrote.";
        assert_eq!(first_speaker(text).as_deref(), None);
    }

    #[test]
    fn the_audience_after_a_quote_and_told_is_no_speech() {
        let text = "“We will win,” Jane Smith told a North Dakota rally on Friday.";
        assert_eq!(quotes(text), one(QuoteKind::Direct, "We will win,", Some("Jane Smith")));
        // Without a quote before it, `told` keeps its clause.
        let text = "Jane Smith told reporters in North Dakota that the count was close.";
        assert_eq!(quotes(text), one(QuoteKind::Indirect, "the count was close", Some("Jane Smith")));
        // After a quote, a clause with its own verb is still reported speech.
        let text = "“We will win,” Jane Smith told reporters that the count was close.";
        let found = quotes(text);
        assert!(found.iter().any(|q| q.0 == QuoteKind::Indirect && q.1 == "the count was close"), "{found:?}");
    }

    #[test]
    fn manner_of_speaking_verbs_cue_a_quote_and_their_other_senses_do_not() {
        use QuoteKind::Direct;
        let speech = [
            ("“Sit down,” the coach barked.", "Sit down,", "the coach"),
            ("“What a day!” Jane Smith beamed.", "What a day!", "Jane Smith"),
            ("“We will win,” Tom Kell boomed.", "We will win,", "Tom Kell"),
            ("“You started it,” the senator retaliated.", "You started it,", "the senator"),
            ("“Not yet,” the minister demurred.", "Not yet,", "the minister"),
            ("“Enough!” the mayor thundered.", "Enough!", "the mayor"),
            ("“Let us pray,” the priest intoned.", "Let us pray,", "the priest"),
            ("“Go home,” the crowd jeered.", "Go home,", "the crowd"),
            ("“The rules keep changing,” one trader groused.", "The rules keep changing,", "one trader"),
            ("“It is a miracle,” the doctor marveled.", "It is a miracle,", "the doctor"),
            ("“It is a miracle,” the doctor marvelled.", "It is a miracle,", "the doctor"),
            ("“Nice weather,” Ann Lee deadpanned.", "Nice weather,", "Ann Lee"),
            ("“Run!” the guard hollered.", "Run!", "the guard"),
            ("“Well, now,” the rancher drawled.", "Well, now,", "the rancher"),
        ];
        for (text, content, speaker) in speech {
            assert_eq!(quotes(text), one(Direct, content, Some(speaker)), "{text}");
        }
        // The same verbs in their other senses, and the nouns, cue nothing.
        let other = [
            "The dog barked at the mailman all night.",
            "The satellite beamed pictures back to the station.",
            "Sales boomed last year as the economy grew.",
            "The army retaliated with strikes on two bases.",
            "Trucks thundered down the road at dawn.",
            "The building boom and the thunder kept the town awake.",
            "Demand stayed strong all year, exports boomed.",
            "For the small town, the new bridge was a technological marvel.",
            "Prices rose all year, a housing boom.",
            "The crowd, beaming, waved flags as the jeers died down.",
        ];
        for text in other {
            assert_eq!(quotes(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_cue_phrase_ending_at_the_quote_comes_before_the_cue_word_inside_it() {
        use QuoteKind::Direct;
        let text = "Tom Kell went on to say, “We start again today.”";
        assert_eq!(quotes(text), one(Direct, "We start again today.", Some("Tom Kell")));
        let text = "As the columnist Jane Smith puts it, “The race is over before it starts.”";
        assert_eq!(quotes(text), one(Direct, "The race is over before it starts.", Some("Jane Smith")));
        // A verb and particle that is no cue phrase (`went on to win`) names no speaker.
        let text = "The team went on to win, “We start again today.”";
        assert_eq!(quotes(text), one(Direct, "We start again today.", None));
        // `puts it` is a cue only as a phrase: `puts it on the table` cues nothing.
        let text = "Ann Lee puts it on the table. “We start again today.”";
        assert_eq!(quotes(text), one(Direct, "We start again today.", None));
    }

    #[test]
    fn a_name_no_entity_covers_may_open_the_sentence_before_the_quote() {
        use QuoteKind::Direct;
        let content = "The harbour stays open.";
        // A lone surname opening the sentence speaks, before a cue phrase, a cue verb or a participle.
        let text = "Bexley went on to say, “The harbour stays open.”";
        assert_eq!(quotes(text), one(Direct, content, Some("Bexley")));
        let text = "Quenby wrote, “The harbour stays open.”";
        assert_eq!(quotes(text), one(Direct, content, Some("Quenby")));
        let text = "Quenby toured the docks on Monday, saying, “The harbour stays open.”";
        assert_eq!(quotes(text), one(Direct, content, Some("Quenby")));
        // A lower-case subject is no name, and a capitalised word after the verb is none either.
        let text = "officials wrote, “The harbour stays open.”";
        assert_ne!(first_speaker(text).as_deref(), Some("officials wrote"));
        let text = "It rained on Quenby all day, “The harbour stays open.”";
        assert_eq!(first_speaker(text), None);
    }

    #[test]
    fn a_role_before_a_name_may_hold_capitalised_words_and_an_inner_of() {
        use QuoteKind::Direct;
        let content = "The harbour stays open,";
        let text = "“The harbour stays open,” said director of communications Jane Smith, who spoke first.";
        assert_eq!(quotes(text), one(Direct, content, Some("director of communications Jane Smith")));
        let text = "“The harbour stays open,” said QX-Rail President Jane Smith.";
        assert_eq!(quotes(text), one(Direct, content, Some("QX-Rail President Jane Smith")));
        // `of` never opens the role: `said of Jane Smith` names no speaker.
        let text = "“The harbour stays open,” said of Jane Smith.";
        assert_eq!(first_speaker(text), None);
        // A role holds no organisation's name and a person after it: the spokesman of it speaks.
        let text = "“The harbour stays open,” said a spokesman for Jane Smith.";
        assert_eq!(first_speaker(text).as_deref(), Some("a spokesman"));
    }

    #[test]
    fn a_title_cased_name_in_apposition_or_before_a_noun_is_no_quotation() {
        use QuoteKind::{Direct, Scare};
        let text = "The campaign began with a radio spot, “Fair Play for All,” that aired twice.";
        assert_eq!(quotes(text), one(Scare, "Fair Play for All,", None));
        let text = "“Harbour Lights” star Jane Smith spoke about her work.";
        assert_eq!(quotes(text), one(Scare, "Harbour Lights", None));
        // After a cue, before a pronoun, or ending a sentence, the same words are a quotation.
        let text = "Jane Smith said, “Fair Play for All,” and left.";
        assert_eq!(quotes(text), one(Direct, "Fair Play for All,", Some("Jane Smith")));
        let text = "“Go Home Now” he shouted at the crowd.";
        assert_eq!(quotes(text)[0].0, Direct);
        let text = "The campaign had one message, “Fair Play for All.”";
        assert_eq!(quotes(text)[0].0, Direct);
    }

    #[test]
    fn a_question_may_be_wondered_after_its_quote() {
        use QuoteKind::Direct;
        let text = "“Is the harbour safe?” she wondered.";
        assert_eq!(quotes(text), one(Direct, "Is the harbour safe?", Some("she")));
        // Other beliefs after a quote carry no direct quote.
        let text = "“Is the harbour safe?” she believed.";
        assert!(quotes(text).iter().all(|q| q.0 != Direct));
    }
}
