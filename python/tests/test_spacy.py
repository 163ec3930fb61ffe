"""The spaCy component (extra `saywho[spacy]`), on `spacy.blank("en")`: no model to download."""

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

TEXT = "“We will not leave,” President Nicolás Maduro told reporters in Caracas."


def test_the_component_sets_entities_and_quotes():
    nlp = spacy.blank("en")
    nlp.add_pipe("saywho")  # found through the package's spacy_factories entry point
    doc = nlp(TEXT)
    assert [(e.text, e.label_, e._.canonical) for e in doc.ents] == [
        ("Nicolás Maduro", "PERSON", "Nicolás Maduro"),
        ("Caracas", "GPE", "Caracas"),
    ]
    # kb_id_ is a knowledge-base id, as spaCy's entity linkers set it: the lexicon's, or empty.
    assert doc.ents[0].kb_id_ == ""
    assert doc.ents[1].kb_id_.startswith(("GeoNames:", "ISO3166:"))
    assert [s.text for s in doc.spans["saywho"]] == ["Nicolás Maduro", "Caracas"]
    (quote,) = doc._.quotes
    assert quote.kind == "direct"
    assert quote.content.text == "We will not leave,"
    assert quote.speaker.text == "President Nicolás Maduro"
    assert quote.canonical == quote.speaker._.canonical == "Nicolás Maduro"
    assert quote.speaker.kb_id_ == ""
    assert quote.cue.text == "told"
    assert quote.rule == "direct-cue-before" or quote.rule.startswith("direct-")
    assert doc._.saywho.quotes[0].content.text == "We will not leave,"


def test_displacy_renders_the_entities():
    nlp = spacy.blank("en")
    nlp.add_pipe("saywho")
    html = spacy.displacy.render(nlp(TEXT), style="ent")
    assert "PERSON" in html and "Nicolás Maduro" in html


def test_spans_off_token_boundaries_are_expanded_not_dropped():
    nlp = spacy.blank("en")
    # Tokens split at spaces only: the quote marks and the final full stop stick to the words.
    nlp.tokenizer = lambda text: Doc(nlp.vocab, words=text.split(" "))
    nlp.add_pipe("saywho")
    doc = nlp(TEXT)
    assert [(e.text, e.label_) for e in doc.ents] == [("Nicolás Maduro", "PERSON"), ("Caracas.", "GPE")]
    assert doc._.quotes[0].content.text == "“We will not leave,”"


def test_user_lexicons_in_the_config(tmp_path):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("Zorblax Dynamics\tORG\tZorblax Dynamics Ltd\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("saywho", config={"lexicons": [str(lexicon)]})
    assert [(e.text, e._.canonical) for e in nlp("Shares of Zorblax Dynamics rose.").ents] == [
        ("Zorblax Dynamics", "Zorblax Dynamics Ltd"),
    ]
