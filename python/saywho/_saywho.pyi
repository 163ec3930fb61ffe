"""Type stubs of the extension module `saywho._saywho` (re-exported by `saywho`)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

SCHEMA_VERSION: int
"""The version of the JSON schema `Document.to_dict` follows."""

class LexiconError(ValueError):
    """A lexicon line is malformed; the message names the lexicon and the line."""

class Span:
    """A piece of the input text: `text[start:end] == span.text`."""

    @property
    def start(self) -> int:
        """The offset of the first character (or byte, with `offsets="bytes"`)."""
    @property
    def end(self) -> int:
        """The offset one past the last character (or byte)."""
    @property
    def text(self) -> str:
        """The input at `start:end`."""
    def to_dict(self) -> Dict[str, Any]:
        """`{"start", "end", "text"}`, as in the command-line tool's JSON."""

class Speaker:
    """Who said a quote, or to whom: the phrase as written and the referent it resolves to."""

    @property
    def start(self) -> int:
        """The offset of the first character (or byte, with `offsets="bytes"`)."""
    @property
    def end(self) -> int:
        """The offset one past the last character (or byte)."""
    @property
    def text(self) -> str:
        """The input at `start:end`: `"Marieke de Vries"`, `"she"`, `"analysts"`."""
    @property
    def canonical(self) -> Optional[str]:
        """The canonical name of the referent, or None when it is not clear."""
    @property
    def resolved_by(self) -> Optional[str]:
        """How the phrase was linked to `canonical`: `"name"`, `"pronoun-text"`, `"pronoun-given-name"`,
        `"pronoun-salience"`, `"description"` or `"relative"`; None when `canonical` is None, or when this version
        of the library does not say."""
    def to_dict(self) -> Dict[str, Any]:
        """`{"start", "end", "text", "canonical"}` and, where known, `"resolved_by"`, as in the command-line tool's
        JSON."""

class Entity:
    """One mention of a named entity."""

    @property
    def start(self) -> int:
        """The offset of the first character (or byte, with `offsets="bytes"`)."""
    @property
    def end(self) -> int:
        """The offset one past the last character (or byte)."""
    @property
    def text(self) -> str:
        """The input at `start:end` (a possessive `'s` is not part of it)."""
    @property
    def label(self) -> str:
        """`"PERSON"`, `"ORG"`, `"GPE"`, `"LOC"` or `"NORP"`."""
    @property
    def canonical(self) -> str:
        """The name of the referent this mention belongs to: `"Donald Trump"` for `"Trump"`."""
    @property
    def title(self) -> Optional[str]:
        """A person's title as written before the name (`"Senator"`), not part of the span; or None."""
    @property
    def id(self) -> Optional[str]:
        """A stable id from the lexicon (`"ISO3166:VE"`), or None."""
    def to_dict(self) -> Dict[str, Any]:
        """`{"start", "end", "text", "label", "canonical"}` and, where known, `"title"` and `"id"`."""

class Referent:
    """A distinct entity of the document, with how often it is mentioned and quoted."""

    @property
    def canonical(self) -> str:
        """The referent's name, shared by all its mentions."""
    @property
    def label(self) -> str:
        """The entity type, as in `Entity.label`."""
    @property
    def mentions(self) -> int:
        """How many entity mentions it has."""
    @property
    def quotes(self) -> int:
        """How many quotes it is the speaker of."""
    @property
    def id(self) -> Optional[str]:
        """A stable id from the lexicon, or None."""
    def to_dict(self) -> Dict[str, Any]:
        """`{"canonical", "label", "mentions", "quotes"}` and, where known, `"id"`."""

class Quote:
    """One piece of reported speech."""

    @property
    def kind(self) -> str:
        """`"direct"`, `"mixed"`, `"indirect"` or `"scare"`."""
    @property
    def start(self) -> int:
        """Direct and scare quotes: where the quote starts, marks included; indirect and mixed: the first of speaker,
        cue and content."""
    @property
    def end(self) -> int:
        """One past the end of the quote."""
    @property
    def content(self) -> Span:
        """The reported words, without the outer quote marks."""
    @property
    def parts(self) -> List[Span]:
        """The quote's own words piece by piece when its attribution interrupts it, else empty."""
    @property
    def fragments(self) -> List[Span]:
        """The quoted fragments inside mixed speech, else empty."""
    @property
    def words(self) -> List[Span]:
        """The reported words without the attribution: `parts` when there are some, else `[content]`."""
    @property
    def speaker(self) -> Optional[Speaker]:
        """Who said it, or None when nobody is named."""
    @property
    def cue(self) -> Optional[Span]:
        """The speech verb or phrase (`"said"`, `"according to"`), or None."""
    @property
    def addressee(self) -> Optional[Speaker]:
        """Whom it was said to, where stated, or None."""
    @property
    def confidence(self) -> float:
        """How sure the rule is, from 0 to 1."""
    @property
    def rule(self) -> str:
        """The stable id of the rule that found and attributed the quote (`"direct-cue-after"`)."""
    def to_dict(self) -> Dict[str, Any]:
        """The quote as in the command-line tool's JSON."""

class Document:
    """Everything saywho found in one text."""

    @property
    def offsets(self) -> str:
        """The unit of every offset: `"chars"` (Python string indexes) or `"bytes"` (UTF-8)."""
    @property
    def entities(self) -> List[Entity]:
        """Every entity mention, in text order, never overlapping."""
    @property
    def referents(self) -> List[Referent]:
        """The distinct referents, in order of first mention."""
    @property
    def quotes(self) -> List[Quote]:
        """Every piece of reported speech, in order of start."""
    def to_dict(self) -> Dict[str, Any]:
        """The document as in the command-line tool's JSON, plus `"offsets"`; ready for `json.dumps`."""

class DocumentIterator(Iterator[Document]):
    """What `Extractor.extract_many` returns: one `Document` per text, in input order."""

    def __iter__(self) -> "DocumentIterator": ...
    def __next__(self) -> Document: ...

class Extractor:
    """Finds named entities and attributed quotes in English news text. Build it once and reuse it."""

    def __init__(
        self, lexicons: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None, bundled: bool = True
    ) -> None:
        """`lexicons`: paths of user entity lexicons (TSV: surface, label, canonical[, id]); `bundled=False` leaves
        the bundled entity lexicons out. Raises `FileNotFoundError`/`OSError` or `LexiconError`."""
    def extract(self, text: str, offsets: str = "chars") -> Document:
        """The entities and quotes of `text`; offsets are Python string indexes (`"chars"`) or UTF-8 `"bytes"`."""
    def extract_many(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        offsets: str = "chars",
        read_ahead: Optional[int] = None,
    ) -> DocumentIterator:
        """Documents of `texts`, in input order, extracted on `threads` threads (default: all cores) with the GIL
        released, reading at most `read_ahead` texts (default: 32 per thread) ahead."""
    def html(self, text: str, title: str = "Article") -> str:
        """The self-contained article page of `text` (entities by label, quotes by speaker), as `saywho show`
        writes it."""
    def memory_usage(self) -> int:
        """Heap bytes held by the compiled lexicons and word lists."""
