"""extract_many: input order, bounded read-ahead, the GIL released, errors in their turn."""

import threading
import time

import pytest

import saywho

SENTENCE = "“We will not leave,” President Nicolás Maduro told reporters in Caracas on Monday. "


def texts(n):
    # Lengths vary a lot, so that the workers finish out of order.
    return [f"Item {i}: " + SENTENCE * (1 + (i * 37) % 23) + f"Zoë said that {i} ships would wait." for i in range(n)]


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_documents_come_in_input_order(threads):
    inputs = texts(120)
    extractor = saywho.Extractor()
    many = [d.to_dict() for d in extractor.extract_many(iter(inputs), threads=threads, read_ahead=7)]
    one_by_one = [extractor.extract(t).to_dict() for t in inputs]
    assert many == one_by_one
    assert len({len(d["quotes"]) for d in many}) > 1  # the documents differ


def test_offsets_in_bytes():
    text = "東京 😀 “We will not leave,” President Nicolás Maduro said."
    (doc,) = saywho.extract_many([text], offsets="bytes")
    assert doc.offsets == "bytes"
    e = doc.entities[0]
    assert text.encode()[e.start:e.end].decode() == e.text == "Nicolás Maduro"


def test_read_ahead_is_bounded():
    read = 0

    def counting():
        nonlocal read
        for text in texts(200):
            read += 1
            yield text

    documents = saywho.extract_many(counting(), threads=2, read_ahead=5)
    next(documents)
    assert read <= 1 + 5
    for yielded in range(2, 40):
        next(documents)
        assert read <= yielded + 5
    assert sum(1 for _ in documents) == 200 - 39
    assert read == 200


def _gil_free_while(run):
    """Runs `run()` and counts the loop turns another Python thread made while it ran (after a 50 ms margin for the
    thread switch before `run` starts), with the duration of the run."""
    stop, stamps = threading.Event(), []

    def spin():
        while not stop.is_set():
            stamps.append(time.perf_counter())

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        started = time.perf_counter()
        run()
        ended = time.perf_counter()
    finally:
        stop.set()
        spinner.join()
    return sum(started + 0.05 < t < ended for t in stamps), ended - started


def _turns_during_a_long_run(run_on):
    """Runs `run_on(text)` on a text doubled from about a megabyte until the run takes over 0.2 s (so the other
    thread has time to be scheduled whatever the machine's speed), and returns the other thread's loop turns."""
    text = SENTENCE * 12000
    for _ in range(6):
        turns, seconds = _gil_free_while(lambda: run_on(text))
        if seconds > 0.2:
            return turns
        text += text
    pytest.fail("64 MB of text took under 0.2 s to extract: the timing cannot show the GIL's release")


def test_extract_releases_the_gil():
    extractor = saywho.Extractor()
    assert _turns_during_a_long_run(extractor.extract) > 0


def test_extract_many_releases_the_gil():
    extractor = saywho.Extractor()
    assert _turns_during_a_long_run(lambda text: list(extractor.extract_many([text], threads=1))) > 0


def test_a_text_that_is_not_str_fails_in_its_turn():
    documents = saywho.extract_many(["Officials in Caracas met.", "Talks in Venezuela went on.", b"bytes", "Never read."], threads=2)
    assert next(documents).entities[0].text == "Caracas"
    assert next(documents).entities[0].text == "Venezuela"
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        next(documents)
    assert list(documents) == []


def test_an_error_of_the_input_propagates_in_its_turn():
    def failing():
        yield "Officials in Caracas met."
        raise OSError("the disk went away")

    documents = saywho.extract_many(failing())
    assert len(next(documents).entities) == 1
    with pytest.raises(OSError, match="the disk went away"):
        next(documents)


def test_an_iterator_abandoned_early_is_harmless():
    documents = saywho.extract_many(texts(100), threads=2, read_ahead=10)
    next(documents)
    del documents


@pytest.mark.parametrize("arguments", [{"threads": 0}, {"read_ahead": 0}, {"offsets": "words"}])
def test_bad_arguments_are_value_errors(arguments):
    with pytest.raises(ValueError):
        saywho.extract_many(["x"], **arguments)


def test_an_input_that_is_not_iterable_is_a_type_error():
    with pytest.raises(TypeError):
        saywho.extract_many(42)
