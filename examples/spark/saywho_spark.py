#!/usr/bin/env python3
"""Run saywho over a JSON Lines corpus with PySpark (local mode or a cluster).

Each partition of the corpus is piped through one `saywho extract
--jsonl-input -` process, which writes exactly one output line per
non-blank input line, in order: either the document (the input's other
fields, then `schema_version`, `entities`, `referents`, `quotes`) or an
error line `{"id": ..., "line": N, "error": "..."}`.

    python3 saywho_spark.py corpus.jsonl --saywho target/release/saywho --output out/
    python3 saywho_spark.py corpus.jsonl --saywho target/release/saywho > out.jsonl
"""

import argparse
import json
import os
import shlex
import shutil
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines corpus: one {\"id\": ..., \"text\": ...} object per line")
    p.add_argument("--saywho", default=os.environ.get("SAYWHO") or shutil.which("saywho") or "saywho",
                   help="path to the saywho binary, on every worker (default: $SAYWHO or saywho on PATH)")
    p.add_argument("--output", help="directory to write JSONL part files to (default: collect to stdout)")
    p.add_argument("--partitions", type=int, default=4, help="minimum number of input partitions")
    p.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    p.add_argument("--threads", type=int, default=1,
                   help="saywho threads per partition (Spark already runs partitions in parallel)")
    p.add_argument("--saywho-args", default="", help="extra saywho arguments, e.g. '--offsets chars --lexicon mine.tsv'")
    return p.parse_args(argv)


def is_error_line(line):
    """saywho's error lines have `error` and no `schema_version`."""
    doc = json.loads(line)
    return "error" in doc and "schema_version" not in doc


def main(argv=None):
    args = parse_args(argv)
    from pyspark.sql import SparkSession  # imported late so --help works without pyspark

    saywho = os.path.abspath(args.saywho) if os.path.sep in args.saywho else args.saywho
    command = " ".join(
        [shlex.quote(saywho), "extract", "--jsonl-input", "--threads", str(args.threads)]
        + shlex.split(args.saywho_args)
        + ["-"]
    )
    spark = (
        SparkSession.builder.master(args.master)
        .appName("saywho")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    started = time.time()
    try:
        lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
        docs = lines.filter(lambda line: line.strip() != "")
        # saywho exits 1 when some document failed, but it reports each failure
        # in place as an error line, so the exit code is not checked here; the
        # line counts below catch a process that died with lines missing.
        out = docs.pipe(command, checkCode=False).cache()
        expected, written = docs.count(), out.count()
        if written != expected:
            raise SystemExit(f"saywho wrote {written} lines for {expected} documents")
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
