#!/usr/bin/env python3
"""Run saywho over a JSON Lines corpus with PySpark (local mode or a cluster), in-process.

Each partition builds one `saywho.Extractor` and extracts its documents in the Python worker itself: no binary on a
path, only `pip install saywho` on every worker. Every non-blank input line gives one output line, in order: the
input's fields but `text`, then saywho's (`schema_version`, `offsets`, `entities`, `referents`, `quotes`, which
replace input fields of the same names), or, for a bad line, `{"id": ..., "line": N, "error": "..."}` with N the
line's number in the corpus (from 1).

    python3 saywho_spark.py corpus.jsonl --output out/
    python3 saywho_spark.py corpus.jsonl > out.jsonl
"""

import argparse
import json
import os
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines corpus: one {\"id\": ..., \"text\": ...} object per line")
    p.add_argument("--output", help="directory to write JSONL part files to (default: collect to stdout)")
    p.add_argument("--partitions", type=int, default=4, help="minimum number of input partitions")
    p.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    p.add_argument("--offsets", choices=["chars", "bytes"], default="chars",
                   help="offset unit: chars (Python string indexes, the default) or bytes (UTF-8)")
    p.add_argument("--lexicon", action="append", default=[],
                   help="a user entity lexicon (TSV); the path must exist on every worker; repeatable")
    return p.parse_args(argv)


def extract_partition(lines, offsets, lexicons):
    """Extracts the (line number, line) pairs of one partition with one extractor; yields JSON lines."""
    import saywho  # on the worker

    extractor = saywho.Extractor(lexicons=lexicons)
    for number, line in lines:
        doc_id = None
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            doc_id = record.get("id")
            text = record.get("text")
            if not isinstance(text, str):
                raise ValueError("no string \"text\" field")
        except ValueError as error:  # json.JSONDecodeError is a ValueError
            what = f"invalid JSON: {error}" if isinstance(error, json.JSONDecodeError) else str(error)
            yield json.dumps({"id": doc_id, "line": number, "error": what}, ensure_ascii=False)
            continue
        found = extractor.extract(text, offsets=offsets).to_dict()
        out = {k: v for k, v in record.items() if k != "text" and k not in found}
        out.update(found)
        yield json.dumps(out, ensure_ascii=False)


def is_error_line(line):
    """Error lines have `error` and no `schema_version`."""
    doc = json.loads(line)
    return "error" in doc and "schema_version" not in doc


def main(argv=None):
    args = parse_args(argv)
    from pyspark.sql import SparkSession  # imported late so --help works without pyspark

    if args.master.startswith("local"):
        # Local workers run this interpreter, which has saywho, unless told otherwise.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(args.master)
        .appName("saywho")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    started = time.time()
    offsets, lexicons = args.offsets, [os.path.abspath(p) for p in args.lexicon]
    try:
        lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
        numbered = lines.zipWithIndex().filter(lambda pair: pair[0].strip() != "").map(lambda p: (p[1] + 1, p[0]))
        out = numbered.mapPartitions(lambda part: extract_partition(part, offsets, lexicons)).cache()
        written = out.count()
        errors = out.filter(is_error_line).count()
        if args.output:
            out.saveAsTextFile(args.output)
        else:
            for line in out.toLocalIterator():
                sys.stdout.write(line + "\n")
        print(
            f"saywho_spark: {written} documents ({errors} errors) in {time.time() - started:.1f} s",
            file=sys.stderr,
        )
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
