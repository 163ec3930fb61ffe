"""The package's API: documents, offsets in both units, to_dict, lexicons, errors."""

import json

import pytest
from conftest import spans_of

import saywho

SAMPLE = (
    "“This is a fair deal,” said Marieke de Vries, the chair of the union.\n"
    "Port officials said that cargo handling would return to normal."
)

# Accents, CJK and emoji before and inside the spans, so that character and byte offsets differ.
UNICODE = (
    "東京 😀 — “Nous restons ici, 北京 aussi 🎉,” President Nicolás Maduro told reporters in Caracas. "
    "Zoë said that Venezuela would not yield 🙂."
)


def test_a_quote_and_its_speaker():
    doc = saywho.extract(SAMPLE)
    quote = doc.quotes[0]
    assert quote.kind == "direct"
    assert quote.content.text == "This is a fair deal,"
    assert quote.speaker.text == "Marieke de Vries"
    assert quote.speaker.canonical == "Marieke de Vries"
    assert quote.cue.text == "said"
    assert quote.addressee is None
    assert quote.rule == "direct-cue-after"
    assert quote.confidence == 0.9
    assert doc.quotes[1].kind == "indirect"
    assert doc.quotes[1].content.text == "cargo handling would return to normal"
    people = [e for e in doc.entities if e.label == "PERSON"]
    assert [(e.text, e.canonical) for e in people] == [("Marieke de Vries", "Marieke de Vries")]
    assert doc.referents[0].canonical == "Marieke de Vries" and doc.referents[0].quotes == 1


def test_character_offsets_are_python_string_indexes():
    doc = saywho.extract(UNICODE)
    assert doc.offsets == "chars"
    kinds = set()
    for span, kind in spans_of(doc):
        assert UNICODE[span.start:span.end] == span.text, kind
        kinds.add(kind)
    assert {"entity", "content", "speaker", "cue"} <= kinds
    maduro = next(e for e in doc.entities if e.text == "Nicolás Maduro")
    assert maduro.label == "PERSON"
    assert UNICODE.index("Nicolás Maduro") == maduro.start


def test_byte_offsets_index_the_utf8_encoding():
    encoded = UNICODE.encode("utf-8")
    doc = saywho.extract(UNICODE, offsets="bytes")
    assert doc.offsets == "bytes"
    for span, kind in spans_of(doc):
        assert encoded[span.start:span.end].decode("utf-8") == span.text, kind
    chars = saywho.extract(UNICODE)
    assert [e.start for e in doc.entities] != [e.start for e in chars.entities]
    assert [e.text for e in doc.entities] == [e.text for e in chars.entities]


def test_a_lone_surrogate_keeps_character_offsets():
    text = "\ud800 “We will not leave,” President Nicolás Maduro said."
    doc = saywho.extract(text)
    maduro = next(e for e in doc.entities if e.label == "PERSON")
    assert text[maduro.start:maduro.end] == maduro.text == "Nicolás Maduro"


def test_parts_and_words_of_an_interrupted_quote():
    text = "“We are not leaving,” the mayor said. “Not this year.”"
    quote = saywho.extract(text).quotes[0]
    assert [w.text for w in quote.words] == ["We are not leaving,", "Not this year."]
    assert [p.text for p in quote.parts] == ["We are not leaving,", "Not this year."]
    one_piece = saywho.extract("“We are not leaving,” the mayor said.").quotes[0]
    assert one_piece.parts == []
    assert [w.text for w in one_piece.words] == [one_piece.content.text]


def test_to_dict_is_the_command_line_json_shape():
    text = "“We are not leaving,” the mayor said. “Not this year.”"
    d = saywho.extract(text).to_dict()
    assert list(d) == ["schema_version", "offsets", "entities", "referents", "quotes"]
    assert d["schema_version"] == saywho.SCHEMA_VERSION == 1
    assert d["offsets"] == "chars"
    quote = d["quotes"][0]
    assert list(quote) == [
        "kind", "start", "end", "content", "parts", "speaker", "cue", "addressee", "confidence", "rule",
    ]
    assert quote["content"]["text"] == text[quote["content"]["start"]:quote["content"]["end"]]
    assert quote["speaker"] == {"start": 22, "end": 31, "text": "the mayor", "canonical": None}
    assert json.loads(json.dumps(d)) == d
    # Optional fields appear only when set, as in the JSON: no `parts` on a quote in one piece, `title` and `id`.
    single = saywho.extract("“We will not leave,” President Nicolás Maduro said in Caracas.", offsets="bytes")
    d = single.to_dict()
    assert d["offsets"] == "bytes"
    assert "parts" not in d["quotes"][0] and "fragments" not in d["quotes"][0]
    maduro, caracas = d["entities"]
    assert maduro["title"] == "President" and "id" not in maduro
    assert caracas["id"].startswith("GeoNames:")
    assert [e.to_dict() for e in single.entities] == d["entities"]


def test_a_user_lexicon_adds_entities(tmp_path):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("# my names\nZorblax Dynamics\tORG\tZorblax Dynamics Ltd\n", encoding="utf-8")
    extractor = saywho.Extractor(lexicons=[lexicon])
    entity = extractor.extract("Shares of Zorblax Dynamics rose.").entities[0]
    assert (entity.text, entity.label, entity.canonical) == ("Zorblax Dynamics", "ORG", "Zorblax Dynamics Ltd")
    without = saywho.extract("Shares of Zorblax Dynamics rose.").entities
    assert "Zorblax Dynamics Ltd" not in [e.canonical for e in without]


def test_without_the_bundled_lexicons_no_entity_has_a_lexicon_id():
    text = "Officials in Caracas met on Monday."
    assert saywho.extract(text).entities[0].id.startswith("GeoNames:")
    assert [e.id for e in saywho.Extractor(bundled=False).extract(text).entities] in ([], [None])


def test_the_default_extractor_is_shared():
    assert saywho.default_extractor() is saywho.default_extractor()


def test_a_bad_lexicon_line_names_the_file_and_line(tmp_path):
    lexicon = tmp_path / "bad.tsv"
    lexicon.write_text("Acme\tORG\tAcme Corp\nWidgets\tCOMPANY\tWidgets Inc\n", encoding="utf-8")
    with pytest.raises(saywho.LexiconError, match=r"bad\.tsv, line 2: unknown label") as raised:
        saywho.Extractor(lexicons=[str(lexicon)])
    assert isinstance(raised.value, ValueError)


def test_a_missing_lexicon_file_is_file_not_found(tmp_path):
    missing = tmp_path / "missing.tsv"
    with pytest.raises(FileNotFoundError, match="cannot read .*missing.tsv"):
        saywho.Extractor(lexicons=[missing])


@pytest.mark.parametrize("text", [b"bytes are not text", None, 42, ["a list"]])
def test_a_text_that_is_not_str_is_a_type_error(text):
    with pytest.raises(TypeError, match="text must be str"):
        saywho.extract(text)


def test_an_unknown_offset_unit_is_a_value_error():
    with pytest.raises(ValueError, match="offsets must be"):
        saywho.extract("Hello.", offsets="utf16")


def test_an_empty_text_gives_an_empty_document():
    doc = saywho.extract("")
    assert (doc.entities, doc.referents, doc.quotes) == ([], [], [])


def test_fragments_of_mixed_speech_in_both_units():
    text = "😀 Senator Zoë Ångström called the plan “a 北京 disgrace” on Monday."
    quote = saywho.extract(text).quotes[0]
    assert quote.kind == "mixed"
    (fragment,) = quote.fragments
    assert text[fragment.start:fragment.end] == fragment.text == "a 北京 disgrace"
    assert quote.speaker.canonical == "Zoë Ångström"
    (in_bytes,) = saywho.extract(text, offsets="bytes").quotes[0].fragments
    assert text.encode()[in_bytes.start:in_bytes.end].decode() == "a 北京 disgrace"
    assert in_bytes.start > fragment.start


def test_reprs_name_the_parts():
    quote = saywho.extract("The mayor said the plan was “a disgrace” and would fail.").quotes[0]
    assert repr(quote).startswith('Quote(kind="mixed"')
    assert repr(quote.speaker) == 'Speaker(start=0, end=9, text="The mayor", canonical=None)'
    assert repr(saywho.extract("")) == 'Document(0 entities, 0 referents, 0 quotes, offsets="chars")'


def test_resolved_by_says_how_a_speaker_was_linked_where_the_library_says():
    text = "President Nicolás Maduro arrived on Monday. “We will not leave,” he said. “Never,” said the crowd."
    speakers = [q.speaker for q in saywho.extract(text).quotes if q.speaker is not None]
    assert speakers
    known = {"name", "pronoun-text", "pronoun-given-name", "pronoun-salience", "description", "relative"}
    for speaker in speakers:
        assert speaker.resolved_by is None or (speaker.resolved_by in known and speaker.canonical is not None)
        assert ("resolved_by" in speaker.to_dict()) == (speaker.resolved_by is not None)


def test_the_article_page_is_the_show_page():
    extractor = saywho.Extractor()
    page = extractor.html(SAMPLE, title="Port <strike> & talks")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Port &lt;strike&gt; &amp; talks</title>" in page
    # The text is all there, and the list of who said what names the speaker once per group.
    assert "cargo handling would return to normal" in page
    assert page.count("Marieke de Vries") > SAMPLE.count("Marieke de Vries")
    # Everything from the input is escaped: markup in an article is text.
    escaped = extractor.html("<b>Tom Kell</b> said the port was safe.")
    assert "&lt;b&gt;" in escaped and "<b>Tom" not in escaped
    with pytest.raises(TypeError):
        extractor.html(b"bytes are not text")
