"""The pandas tables (extra `saywho[pandas]`)."""

import pytest

import saywho

pandas = pytest.importorskip("pandas")

TEXTS = [
    "“This is a fair deal,” said Marieke de Vries, the chair of the union. Officials in Venezuela agreed.",
    "Nothing quoted here.",
    "Port officials told Nicolás Maduro that cargo handling would return to normal.",
]


def test_one_row_per_quote():
    frame = saywho.quotes_frame(saywho.extract_many(TEXTS), ids=["a", "b", "c"])
    assert list(frame.columns) == saywho.frames.QUOTE_COLUMNS
    assert list(frame["doc_id"]) == ["a", "c"]
    first, second = frame.to_dict("records")
    quote = saywho.extract(TEXTS[2]).quotes[0]
    assert first["kind"] == "direct" and first["text"] == "This is a fair deal,"
    assert first["speaker"] == first["canonical"] == "Marieke de Vries"
    assert first["cue"] == "said" and first["rule"] == "direct-cue-after" and first["confidence"] == 0.9
    assert TEXTS[0][first["start"]:first["end"]] == "“This is a fair deal,”"
    assert (second["kind"], second["text"]) == ("indirect", "cargo handling would return to normal")
    assert second["speaker"] == quote.speaker.text
    assert quote.speaker.canonical is None and pandas.isna(second["canonical"])
    assert second["addressee"] == quote.addressee.canonical == "Nicolás Maduro"


def test_one_row_per_entity_mention():
    docs = [saywho.extract(t) for t in TEXTS]
    frame = saywho.entities_frame(docs)
    assert list(frame.columns) == saywho.frames.ENTITY_COLUMNS
    assert list(frame["doc_id"]) == [0, 0, 2]
    assert list(frame["label"]) == ["PERSON", "GPE", "PERSON"]
    for row in frame.itertuples():
        assert TEXTS[row.doc_id][row.start:row.end] == row.text
    venezuela = frame[frame["text"] == "Venezuela"].iloc[0]
    assert venezuela["kb_id"].startswith("ISO3166:") or venezuela["kb_id"].startswith("GeoNames:")
    assert pandas.isna(venezuela["title"])


def test_no_documents_give_an_empty_table_with_the_columns():
    assert list(saywho.quotes_frame([]).columns) == saywho.frames.QUOTE_COLUMNS
    assert len(saywho.entities_frame([saywho.extract("Nothing here.")])) == 0


def test_ids_must_match_the_documents():
    with pytest.raises(ValueError, match="differ in length"):
        saywho.entities_frame([saywho.extract(TEXTS[0])], ids=[1, 2])
