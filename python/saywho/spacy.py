"""A spaCy pipeline component: `nlp.add_pipe("saywho")` (extra `saywho[spacy]`).

It runs saywho on `doc.text` and sets

- `doc.ents`: saywho's entity mentions, labelled `PERSON`, `ORG`, `GPE`, `LOC` or `NORP`, so displaCy and the rest
  of spaCy work on them; each has the referent's name in `span._.canonical` (`Donald Trump` for `Trump`) and, when
  the lexicon gives one, its stable id in `kb_id_` (`ISO3166:VE`), as spaCy's entity linkers do;
- `doc.spans["saywho"]`: the same mentions as a span group;
- `doc._.quotes`: a list of `SpacyQuote`, with spaCy `Span`s for the content, speaker and cue;
- `doc._.saywho`: the saywho `Document` itself (character offsets).

A saywho span that does not fall on spaCy's token boundaries is widened to the tokens it touches
(`alignment_mode="expand"`), never dropped.

    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("saywho", config={"lexicons": ["my-names.tsv"]})
    doc = nlp("“We will not leave,” President Nicolás Maduro said.")
    doc.ents, doc._.quotes[0].speaker
"""

from dataclasses import dataclass
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ._saywho import Extractor

__all__ = ["SaywhoComponent", "SpacyQuote", "make_saywho"]


@dataclass
class SpacyQuote:
    """A saywho quote with spaCy spans (each widened to whole tokens)."""

    kind: str
    """`direct`, `mixed`, `indirect` or `scare`."""
    span: Span
    """The whole quote (direct and scare: with its marks)."""
    content: Span
    """The reported words."""
    speaker: Optional[Span]
    """The speaker as written (label `SPEAKER`, the referent's name in `span._.canonical`), or None."""
    canonical: Optional[str]
    """The speaker's referent: `Nicolás Maduro` for `he`, or None."""
    cue: Optional[Span]
    """The speech verb or phrase, or None."""
    rule: str
    """The saywho rule that found it."""
    confidence: float
    """From 0 to 1."""


for _name in ("quotes", "saywho"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Span.has_extension("canonical"):
    Span.set_extension("canonical", default=None)


class SaywhoComponent:
    """The pipeline component: one saywho `Extractor`, run on each `Doc`'s text."""

    def __init__(self, extractor: Extractor):
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        found = self.extractor.extract(doc.text)

        def span(start: int, end: int, label: str = "", kb_id: Optional[str] = None,
                 canonical: Optional[str] = None) -> Span:
            # A span inside the text always expands to at least one token, unless it is all whitespace.
            got = doc.char_span(start, end, label=label, kb_id=kb_id or "", alignment_mode="expand")
            if got is None:
                return doc[0:0]
            if canonical is not None:
                got._.canonical = canonical
            return got

        mentions = [span(e.start, e.end, e.label, e.id, e.canonical) for e in found.entities]
        doc.spans["saywho"] = mentions
        # Two mentions widened onto the same token cannot both be entities: the first keeps it (the group has both).
        ents: List[Span] = []
        for m in mentions:
            if len(m) and (not ents or m.start >= ents[-1].end):
                ents.append(m)
        doc.ents = ents
        quotes = []
        for q in found.quotes:
            speaker = q.speaker
            quotes.append(SpacyQuote(
                kind=q.kind,
                span=span(q.start, q.end, "QUOTE"),
                content=span(q.content.start, q.content.end, "CONTENT"),
                speaker=span(speaker.start, speaker.end, "SPEAKER", canonical=speaker.canonical) if speaker else None,
                canonical=speaker.canonical if speaker else None,
                cue=span(q.cue.start, q.cue.end, "CUE") if q.cue else None,
                rule=q.rule,
                confidence=q.confidence,
            ))
        doc._.quotes = quotes
        doc._.saywho = found
        return doc


@Language.factory(
    "saywho",
    default_config={"lexicons": [], "bundled": True},
    assigns=["doc.ents", "doc.spans", "doc._.quotes", "doc._.saywho", "span._.canonical"],
)
def make_saywho(nlp: Language, name: str, lexicons: List[str], bundled: bool) -> SaywhoComponent:
    """The `saywho` factory: `lexicons` are paths of user entity lexicons; `bundled=False` leaves out the bundled
    ones."""
    return SaywhoComponent(Extractor(lexicons=list(lexicons), bundled=bundled))
