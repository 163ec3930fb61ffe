#!/usr/bin/env python3
"""Writes the seeds of the `repeated` fuzz target (fuzz/seeds/repeated/).

Each seed is one family of fuzz_targets/repeated.rs inputs, written in its
byte layout with raw pieces (byte 255, length, UTF-8 bytes), so the seeds do
not depend on the order of its piece table. Run from the repository root:
python3 fuzz/seeds/make_repeated.py
"""
import os

OUT = os.path.join(os.path.dirname(__file__), "repeated")
MAX_PIECES, MAX_RAW = 6, 32
SIZE_1MIB = 6  # 16 KiB << 6


def unit(text, min_pieces=0, pieces=None):
    """A unit as raw pieces of at most 32 bytes (or the given pieces)."""
    if pieces is None:
        data = text.encode()
        pieces = []
        while data:
            cut = min(MAX_RAW, len(data))
            while cut < len(data) and (data[cut] & 0xC0) == 0x80:  # stay on a char boundary
                cut -= 1
            pieces.append(data[:cut])
            data = data[cut:]
    else:
        pieces = [p.encode() for p in pieces]
    assert min_pieces <= len(pieces) <= MAX_PIECES, (text, pieces)
    out = bytes([len(pieces) - min_pieces])
    for p in pieces:
        assert len(p) <= MAX_RAW
        out += bytes([255, len(p)]) + p
    return out


def run(prefix="", body="", sep="", suffix="", share=0, mixed=None):
    mode = (share << 1) | (1 if mixed else 0)
    return bytes([mode]) + unit(prefix) + unit(body, 1, mixed) + unit(sep) + unit(suffix)


def seed(name, *runs, size=SIZE_1MIB):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(bytes([size]) + b"".join(runs))


os.makedirs(OUT, exist_ok=True)
# The families of issue 12 (quadratic, crash or memory bomb before its fix).
seed("officials-in", run(body="officials in ", suffix="officials said that the vote would be delayed."))
seed("empty-quotes", run(body='""', sep=" "))
seed("mixed-quote-marks", run(mixed=['"', "“", "”", "'", "‘", "’"]))
seed("title-long-name", run(prefix="Mr. ", body="Zorblax Quuxer "))
seed("ministry-run", run(body="Ministry "))
seed("reported-retry", run(prefix="Jane Smith said the plan ", body="said the plan ",
                           suffix=": “We will not accept this.”"))
seed("reply-ly", run(body="reply ", suffix="that the plan failed."))
seed("acronym-long-name",
     run(prefix="The ", body="Zorblax Quuxer ", suffix="Corp (ZQF) said the plan was dead. "),
     run(body="ZQF said no. ", share=1))
seed("no-sentence-punctuation", run(body="Jane Smith said the plan was dead and the vote would be delayed "))
seed("lone-cr", run(body="“We will not accept this,” Jane Smith said.", sep="\r"))
# Ordinary shapes, linear before and after.
seed("news-paragraphs", run(body="“We will not accept this,” Jane Smith, the minister, said on Monday.", sep="\n\n"),
     run(body="Officials in the Ministry of Finance said that the vote would be delayed.", sep=" ", share=3),
     size=4)
seed("unclosed-quote-lines", run(body="“We will not accept this", sep="\n"), size=4)
