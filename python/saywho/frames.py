"""pandas tables of saywho documents: one row per quote, or one row per entity mention (extra `saywho[pandas]`)."""

from itertools import zip_longest
from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Optional, Tuple

if TYPE_CHECKING:  # pandas is optional: imported when a table is made
    import pandas

    from ._saywho import Document

QUOTE_COLUMNS = [
    "doc_id", "start", "end", "kind", "text", "speaker", "canonical", "cue", "addressee", "rule", "confidence",
]
"""The columns of `quotes_frame`."""

ENTITY_COLUMNS = ["doc_id", "start", "end", "label", "text", "canonical", "title", "kb_id"]
"""The columns of `entities_frame`."""


def _ids(docs: Iterable["Document"], ids: Optional[Iterable[Any]]) -> Iterator[Tuple[Any, "Document"]]:
    """Pairs each document with its id (the given ones, else its position), lazily, so docs can be a generator."""
    if ids is None:
        yield from enumerate(docs)
        return
    missing = object()
    for doc_id, doc in zip_longest(ids, docs, fillvalue=missing):
        if doc_id is missing or doc is missing:
            raise ValueError("docs and ids differ in length")
        yield doc_id, doc


def quotes_frame(docs: Iterable["Document"], ids: Optional[Iterable[Any]] = None) -> "pandas.DataFrame":
    """One row per quote of `docs` (any iterable of `Document`, e.g. `extract_many`'s), in document order.

    Columns: `doc_id` (from `ids`, else the document's position), `start`, `end` (the quote's offsets), `kind`,
    `text` (the quote's content), `speaker` (as written) and `canonical` (whom it resolves to), `cue`, `addressee`
    (its canonical name, else as written), `rule` and `confidence`. A missing value is `None` (`NaN` in a column of
    pandas' `str` dtype).
    """
    import pandas

    rows: List[tuple] = []
    for doc_id, doc in _ids(docs, ids):
        for q in doc.quotes:
            speaker, cue, addressee = q.speaker, q.cue, q.addressee
            rows.append((
                doc_id,
                q.start,
                q.end,
                q.kind,
                q.content.text,
                speaker.text if speaker else None,
                speaker.canonical if speaker else None,
                cue.text if cue else None,
                (addressee.canonical or addressee.text) if addressee else None,
                q.rule,
                q.confidence,
            ))
    return pandas.DataFrame.from_records(rows, columns=QUOTE_COLUMNS)


def entities_frame(docs: Iterable["Document"], ids: Optional[Iterable[Any]] = None) -> "pandas.DataFrame":
    """One row per entity mention of `docs` (any iterable of `Document`), in document and text order.

    Columns: `doc_id` (from `ids`, else the document's position), `start`, `end`, `label`, `text`, `canonical`,
    `title` (a person's title before the name) and `kb_id` (the lexicon's id, such as `ISO3166:VE`). A missing value
    is `None` (`NaN` in a column of pandas' `str` dtype).
    """
    import pandas

    rows = [
        (doc_id, e.start, e.end, e.label, e.text, e.canonical, e.title, e.id)
        for doc_id, doc in _ids(docs, ids)
        for e in doc.entities
    ]
    return pandas.DataFrame.from_records(rows, columns=ENTITY_COLUMNS)
