"""saywho: who is mentioned, and who said what, in English news.

Named entities (people, organisations, places, nationalities) and reported speech (direct, mixed and indirect
quotes) attributed to their speakers, with exact offsets into the text. Rules and gazetteers in Rust: no model to
download, and tens of megabytes of news a second.

    >>> import saywho
    >>> doc = saywho.extract("“We will not leave,” President Nicolás Maduro said.")
    >>> quote = doc.quotes[0]
    >>> quote.content.text, quote.speaker.canonical
    ('We will not leave,', 'Nicolás Maduro')

`Extractor` holds the compiled lexicons (build it once); `extract` and `extract_many` here use one shared default
extractor. `quotes_frame` and `entities_frame` make pandas tables (extra `saywho[pandas]`); `saywho.spacy` is a
spaCy pipeline component, `nlp.add_pipe("saywho")` (extra `saywho[spacy]`).
"""

import threading
from typing import Iterable, Iterator, Optional

from ._saywho import (
    SCHEMA_VERSION,
    Document,
    DocumentIterator,
    Entity,
    Extractor,
    LexiconError,
    Quote,
    Referent,
    Speaker,
    Span,
)
from .frames import entities_frame, quotes_frame

__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "DocumentIterator",
    "Entity",
    "Extractor",
    "LexiconError",
    "Quote",
    "Referent",
    "Speaker",
    "Span",
    "default_extractor",
    "entities_frame",
    "extract",
    "extract_many",
    "quotes_frame",
]

_default: Optional[Extractor] = None
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The shared extractor with the bundled lexicons, built on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Extractor()
        return _default


def extract(text: str, offsets: str = "chars") -> Document:
    """`Extractor.extract` with the shared default extractor: the entities and quotes of `text`."""
    return default_extractor().extract(text, offsets=offsets)


def extract_many(
    texts: Iterable[str],
    threads: Optional[int] = None,
    offsets: str = "chars",
    read_ahead: Optional[int] = None,
) -> Iterator[Document]:
    """`Extractor.extract_many` with the shared default extractor: documents in input order, on all cores."""
    return default_extractor().extract_many(texts, threads=threads, offsets=offsets, read_ahead=read_ahead)
