//! The [`Extractor`]: builds the lexicons once and runs the pipeline.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::document::{Document, Entity, Excerpt, OffsetUnit, Quote, Reference, Referent, Resolution, SCHEMA_VERSION};
use crate::entity::{self, context::Context, Mention, WordLists};
use crate::gazetteer::Gazetteer;
use crate::lexicon::{self, bundled};
use crate::quote::{self, cues::CueLexicon, resolve::Resolver, speaker::Scene};
use crate::segment::segment;
use crate::token::{tokenize, MAX_TOKENIZED_BYTES};
use crate::{Error, Label};

/// Finds entities and reported speech in news text.
///
/// Build it once (it compiles the lexicons) and share it: it is immutable,
/// `Send` and `Sync`, and [`Extractor::extract`] takes `&self`.
///
/// ```
/// use saywho::{Extractor, Label, QuoteKind};
/// let extractor = Extractor::new();
/// let text = "“We will not leave,” President Nicolás Maduro said on Monday.";
/// let doc = extractor.extract(text);
/// let quote = &doc.quotes[0];
/// assert_eq!(quote.kind, QuoteKind::Direct);
/// assert_eq!(quote.content.text, "We will not leave,");
/// let speaker = quote.speaker.as_ref().unwrap();
/// assert_eq!(speaker.canonical.as_deref(), Some("Nicolás Maduro"));
/// assert!(doc.entities.iter().any(|e| e.text == "Nicolás Maduro" && e.label == Label::Person));
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    gazetteer: Gazetteer,
    lists: WordLists,
    cues: CueLexicon,
}

/// Options for an [`Extractor`]; see [`Extractor::builder`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    lexicon_files: Vec<PathBuf>,
    lexicon_texts: Vec<(String, String)>,
    bundled: bool,
}

impl ExtractorBuilder {
    /// Adds a user entity lexicon file (`surface, label, canonical[, id]`,
    /// tab-separated). User entries take precedence over the bundled ones.
    pub fn lexicon_file(mut self, path: impl AsRef<Path>) -> Self {
        self.lexicon_files.push(path.as_ref().to_owned());
        self
    }

    /// Adds a user entity lexicon from text; `name` appears in error messages.
    ///
    /// ```
    /// use saywho::{Extractor, Label};
    /// let extractor = Extractor::builder()
    ///     .lexicon_text("mine", "Zorblax Dynamics\tORG\tZorblax Dynamics Ltd")
    ///     .build()
    ///     .unwrap();
    /// let doc = extractor.extract("Shares of Zorblax Dynamics rose.");
    /// assert_eq!(doc.entities[0].canonical, "Zorblax Dynamics Ltd");
    /// assert_eq!(doc.entities[0].label, Label::Org);
    /// ```
    pub fn lexicon_text(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.lexicon_texts.push((name.into(), text.into()));
        self
    }

    /// Whether to load the bundled entity lexicons (default: yes).
    pub fn bundled_lexicons(mut self, yes: bool) -> Self {
        self.bundled = yes;
        self
    }

    /// Compiles the lexicons.
    pub fn build(self) -> Result<Extractor, Error> {
        let mut entries = Vec::new();
        for path in &self.lexicon_files {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.clone(), source })?;
            entries.extend(
                lexicon::parse_entities(&path.display().to_string(), &text)?
                    .into_iter()
                    .map(lexicon::Entry::into_owned),
            );
        }
        for (name, text) in &self.lexicon_texts {
            entries.extend(lexicon::parse_entities(name, text)?.into_iter().map(lexicon::Entry::into_owned));
        }
        // The word lists read the bundled entity lexicons too (for names in
        // capitals), even when the gazetteer leaves them out: parse them once.
        let lists = if self.bundled {
            let start = entries.len();
            for (name, text) in bundled::ENTITIES {
                entries.extend(lexicon::parse_entities(name, text)?);
            }
            WordLists::with_entities(&entries[start..])
        } else {
            WordLists::bundled()
        };
        Ok(Extractor { gazetteer: Gazetteer::new(entries)?, lists, cues: CueLexicon::bundled() })
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the bundled lexicons.
    pub fn new() -> Extractor {
        Extractor::builder().build().expect("the bundled lexicons are checked by tests")
    }

    /// Options: user lexicons, bundled lexicons on or off.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder { bundled: true, ..ExtractorBuilder::default() }
    }

    /// Heap bytes held by the compiled lexicons and word lists.
    pub fn memory_usage(&self) -> usize {
        self.gazetteer.memory_usage() + self.lists.memory_usage() + self.cues.memory_usage()
    }

    /// The word lists (given names, titles) the extractor consults.
    pub(crate) fn word_lists(&self) -> &WordLists {
        &self.lists
    }

    /// Finds the entities and reported speech of `text`. Never fails: any
    /// string gives a document, perhaps empty.
    ///
    /// A text longer than 4 GiB (the most a token's 32-bit offsets reach)
    /// is extracted in pieces of at most 4 GiB, cut after a line break
    /// where there is one (else after a space, else between two
    /// characters), and the pieces' documents are joined: offsets into the
    /// whole text, referents of the same canonical name and label counted
    /// as one. What joins nothing across a cut is lost: a quote or name
    /// running over it is cut in two, a short form or pronoun after it is
    /// not linked to a name before it.
    pub fn extract<'t>(&self, text: &'t str) -> Document<'t> {
        if text.len() <= MAX_TOKENIZED_BYTES {
            self.extract_whole(text)
        } else {
            self.extract_in_pieces(text, MAX_TOKENIZED_BYTES)
        }
    }

    /// [`Extractor::extract`] with pieces of at most `limit` bytes (a
    /// character longer than `limit` makes a piece of its own).
    #[cold]
    #[inline(never)]
    fn extract_in_pieces<'t>(&self, text: &'t str, limit: usize) -> Document<'t> {
        if text.len() <= limit {
            return self.extract_whole(text);
        }
        let mut doc = Document::empty();
        let mut same = FxHashMap::default();
        let mut at = 0;
        while at < text.len() {
            let end = at + piece_end(&text[at..], limit);
            doc.append(self.extract_whole(&text[at..end]), at, &mut same);
            at = end;
        }
        debug_assert_eq!(doc.validate(text), Ok(()));
        doc
    }

    /// The pipeline on a text of at most [`MAX_TOKENIZED_BYTES`].
    fn extract_whole<'t>(&self, text: &'t str) -> Document<'t> {
        let tokens = tokenize(text);
        let segments = segment(text, &tokens);
        let cx = Context { text, tokens: &tokens, segments: &segments, gazetteer: &self.gazetteer, lists: &self.lists };
        let mentions = entity::merge::merge(&cx, entity::rules::candidates(&cx));
        let scene = Scene::new(text, &tokens, &segments, &mentions, &self.cues, &self.lists);
        let found = quote::find(&scene);
        let speakers = resolve_speakers(&scene, &found);
        // The tokens and the scene's tables take more room than the document:
        // they are given back before it is built.
        drop(scene);
        drop((tokens, segments));
        let doc = assemble(text, mentions, found, speakers);
        debug_assert_eq!(doc.validate(text), Ok(()));
        doc
    }
}

/// Where the first piece of `text` ends, for pieces of at most `limit`
/// bytes: after the last line break within `limit` bytes, else after the
/// last space, else at the last character boundary; after the first
/// character when that is longer than `limit`. Never 0 for a text that is
/// not empty.
fn piece_end(text: &str, limit: usize) -> usize {
    if text.len() <= limit {
        return text.len();
    }
    let window = &text.as_bytes()[..limit];
    if let Some(i) = memchr::memrchr2(b'\n', b'\r', window).or_else(|| memchr::memrchr2(b' ', b'\t', window)) {
        return i + 1;
    }
    match (1..=limit).rev().find(|&i| text.is_char_boundary(i)) {
        Some(end) => end,
        None => text.chars().next().map_or(text.len(), char::len_utf8),
    }
}

/// Adds the referent that `e` is the first mention of; returns its index.
fn new_referent<'a>(referents: &mut Vec<Referent<'a>>, e: &Entity<'a>) -> usize {
    referents.push(Referent {
        canonical: e.canonical.clone(),
        label: e.label,
        mentions: 0,
        quotes: 0,
        id: e.id.clone(),
    });
    referents.len() - 1
}

/// The mention each quote's speaker phrase refers to, if any, resolved in text order.
fn resolve_speakers(scene: &Scene<'_, '_>, found: &[quote::Found]) -> Vec<Option<(usize, Resolution)>> {
    let mut resolver = Resolver::new();
    found.iter().map(|f| f.speaker.as_ref().and_then(|np| resolver.resolve(scene, np, f.content))).collect()
}

/// Builds the output document from mentions and quotes, with the mention
/// each quote's speaker refers to (`speakers`, one per quote).
fn assemble<'a>(
    text: &'a str,
    mentions: Vec<Mention<'a>>,
    found: Vec<quote::Found>,
    speakers: Vec<Option<(usize, Resolution)>>,
) -> Document<'a> {
    // One entity per mention, in the same order (a quote's mention index is
    // its entity's): the names move over, none is copied.
    let entities: Vec<Entity<'a>> = mentions
        .into_iter()
        .map(|m| Entity {
            span: m.span,
            text: Cow::Borrowed(&text[m.span]),
            label: m.label,
            canonical: m.canonical,
            title: m.title.map(|t| Cow::Borrowed(&text[t])),
            id: m.id,
        })
        .collect();
    // The first referent of each canonical name, whatever its label: the one
    // a speaker's quote counts for (a map, not a scan, so long documents stay
    // linear). A name seldom has referents under other labels too: those are
    // kept apart.
    let mut first_referent: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(entities.len(), Default::default());
    let mut other_labels: FxHashMap<(&str, Label), usize> = FxHashMap::default();
    // At most one referent per mention: room for all at once (grown one by one,
    // the vector was reallocated 763 times over the 600 KB news sample), the
    // room left unused given back at the end.
    let mut referents: Vec<Referent<'a>> = Vec::with_capacity(entities.len());
    for e in &entities {
        let index = match first_referent.entry(&e.canonical) {
            Entry::Vacant(slot) => *slot.insert(new_referent(&mut referents, e)),
            Entry::Occupied(slot) if referents[*slot.get()].label == e.label => *slot.get(),
            Entry::Occupied(_) => {
                *other_labels.entry((&e.canonical, e.label)).or_insert_with(|| new_referent(&mut referents, e))
            }
        };
        referents[index].mentions += 1;
    }
    let mut quotes = Vec::with_capacity(found.len());
    for (f, m) in found.into_iter().zip(speakers) {
        let speaker = f.speaker.as_ref().map(|np| Reference {
            span: np.span,
            text: Cow::Borrowed(&text[np.span]),
            canonical: m.map(|(m, _)| entities[m].canonical.clone()),
            resolved_by: m.map(|(_, by)| by),
        });
        let addressee = f.addressee.as_ref().map(|np| {
            let m = match np.phrase {
                quote::speaker::SpeakerPhrase::Name(m) => Some(m),
                _ => None,
            };
            Reference {
                span: np.span,
                text: Cow::Borrowed(&text[np.span]),
                canonical: m.map(|m| entities[m].canonical.clone()),
                resolved_by: m.map(|_| Resolution::Name),
            }
        });
        if let Some(canonical) = speaker.as_ref().and_then(|s| s.canonical.as_deref()) {
            if let Some(&r) = first_referent.get(canonical) {
                referents[r].quotes += 1;
            }
        }
        quotes.push(Quote {
            kind: f.kind,
            span: f.span,
            content: Excerpt::new(text, f.content),
            parts: f.parts.into_iter().map(|s| Excerpt::new(text, s)).collect(),
            fragments: f.fragments.into_iter().map(|s| Excerpt::new(text, s)).collect(),
            speaker,
            cue: f.cue.map(|s| Excerpt::new(text, s)),
            addressee,
            confidence: f.rule.confidence(),
            rule: Cow::Borrowed(f.rule.id()),
        });
    }
    // The document outlives this call: it keeps no room for referents never made.
    referents.shrink_to_fit();
    Document { schema_version: SCHEMA_VERSION, offsets: OffsetUnit::Bytes, entities, referents, quotes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_sync() {
        fn assert_send_sync<T: Send + Sync + std::panic::UnwindSafe>() {}
        assert_send_sync::<Extractor>();
    }

    /// Paragraphs that each name their own speakers, so no rule links one
    /// to another: pieces cut between them change nothing.
    fn separate_paragraphs() -> String {
        let mut text = String::new();
        for (i, name) in ["Jane Zorblax", "Tom Quuxer", "Ana Flimwick", "Jane Zorblax"].iter().enumerate() {
            text.push_str(&format!(
                "{name} said on Monday that the talks in London would resume.\n\
                 “We will not give up,” {name} told reporters in Berlin on day {i}.\n\n"
            ));
        }
        text
    }

    #[test]
    fn pieces_that_do_not_interact_give_the_whole_text_document() {
        let e = Extractor::new();
        let text = separate_paragraphs();
        let whole = e.extract(&text);
        assert!(whole.quotes.len() >= 8 && whole.entities.len() >= 12, "{whole:?}");
        for limit in [130, 200, 400] {
            let pieces = e.extract_in_pieces(&text, limit);
            assert_eq!(pieces.validate(&text), Ok(()), "limit {limit}");
            assert_eq!(pieces.entities, whole.entities, "limit {limit}");
            assert_eq!(pieces.quotes, whole.quotes, "limit {limit}");
            assert_eq!(pieces.referents, whole.referents, "limit {limit}");
        }
    }

    #[test]
    fn pieces_keep_every_span_valid_on_any_cut() {
        let e = Extractor::new();
        let text = separate_paragraphs().replace('\n', " ") + "Señor José Peña said “ça va” in Zürich.";
        for limit in [1, 2, 3, 7, 40, 97] {
            assert_eq!(e.extract_in_pieces(&text, limit).validate(&text), Ok(()), "limit {limit}");
        }
    }

    #[test]
    fn pieces_cover_the_text_and_keep_to_the_limit() {
        let text = "a line\nand one more line\r\nno breaks here at all, then Zürich’s “ünïcödé”";
        for limit in 1..=text.len() + 1 {
            let (mut at, mut ends) = (0, Vec::new());
            while at < text.len() {
                let end = at + piece_end(&text[at..], limit);
                assert!(end > at && text.is_char_boundary(end), "limit {limit}: {at}..{end}");
                assert!(end - at <= limit.max(4), "limit {limit}: {at}..{end}");
                ends.push(end);
                at = end;
            }
            assert_eq!(at, text.len());
            if (7..text.len()).contains(&limit) {
                // The last line break within reach ends the first piece.
                let first = &text[..ends[0]];
                assert!(
                    first.ends_with(['\n', '\r'])
                        && !text.as_bytes()[ends[0]..limit].iter().any(|&b| b == b'\n' || b == b'\r'),
                    "limit {limit}"
                );
            }
        }
        assert_eq!(piece_end("one two", 5), 4, "after the space");
        assert_eq!(piece_end("onetwo", 5), 5, "between two characters");
        assert_eq!(piece_end("ééé", 3), 2, "on a character boundary");
        assert_eq!(piece_end("ééé", 1), 2, "a character longer than the limit");
        assert_eq!(piece_end("short", 5), 5);
    }

    #[test]
    fn empty_and_odd_input() {
        let e = Extractor::new();
        for text in ["", " ", "\n\n", "“", "\"\"\"", "\u{feff}", "- ", ":", "said said said", "’s"] {
            let doc = e.extract(text);
            assert_eq!(doc.validate(text), Ok(()), "{text:?}");
        }
    }
}
