#!/usr/bin/env python3
"""Times saywho's Python package against its command-line tool on a JSON Lines corpus, back to back.

Both start from the file and end with every document materialised at the same thread count:

- Python: `Extractor().extract_many(texts, threads=N)` over the `text` of each line (read and `json.loads`ed in
  Python), every document turned into Python objects (`Document`, `Entity`, `Quote`, ...);
- CLI: `saywho extract --jsonl-input FILE --threads N`, every document written as JSON (to /dev/null).

Both include building the extractor. Run from the repository root after `cargo build --release` and installing the
package (`pip install ./python`):

    python3 python/bench.py                                  # ../shared/corpus/news.jsonl, all cores, 3 rounds
    python3 python/bench.py --corpus mine.jsonl --threads 1 --rounds 5
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

# This script sits beside the package's source folder, which has no compiled extension: import the installed package.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]
import saywho  # noqa: E402


def python_run(corpus: str, threads: int) -> int:
    """Extracts every document of `corpus` with the package; returns how many."""

    def texts():
        with open(corpus, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)["text"]

    extractor = saywho.Extractor()
    count = 0
    for _doc in extractor.extract_many(texts(), threads=threads):
        count += 1
    return count


def cli_run(saywho_bin: str, corpus: str, threads: int) -> None:
    """Extracts every document of `corpus` with the command-line tool, its JSON written to /dev/null."""
    command = [saywho_bin, "extract", "--jsonl-input", corpus, "--threads", str(threads)]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", default=os.path.join(root, "..", "shared", "corpus", "news.jsonl"))
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--saywho", default=os.path.join(root, "target", "release", "saywho"),
                   help="the release binary (default: target/release/saywho)")
    p.add_argument("--rounds", type=int, default=3, help="rounds of CLI then Python; the best of each is reported")
    args = p.parse_args()
    if not os.path.exists(args.saywho):
        sys.exit(f"{args.saywho} not found: run `cargo build --release` first, or pass --saywho")

    megabytes = os.path.getsize(args.corpus) / 1e6
    # Wall time is what a user waits; CPU time (all threads, user + system) is steadier on a busy machine.
    wall = {"cli": float("inf"), "python": float("inf")}
    cpu = {"cli": float("inf"), "python": float("inf")}
    documents = 0
    for _ in range(args.rounds):
        started, children = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        cli_run(args.saywho, args.corpus, args.threads)
        wall["cli"] = min(wall["cli"], time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu["cli"] = min(cpu["cli"], after.ru_utime - children.ru_utime + after.ru_stime - children.ru_stime)
        started, process = time.perf_counter(), time.process_time()
        documents = python_run(args.corpus, args.threads)
        wall["python"] = min(wall["python"], time.perf_counter() - started)
        cpu["python"] = min(cpu["python"], time.process_time() - process)

    print(f"{args.corpus}: {megabytes:.1f} MB, {documents} documents, {args.threads} threads, best of {args.rounds}")
    for name in wall:
        print(
            f"  {name:>6}: {wall[name]:6.2f} s wall {megabytes / wall[name]:6.1f} MB/s {documents / wall[name]:7.0f} docs/s"
            f" | {cpu[name]:6.2f} s CPU {megabytes / cpu[name]:6.1f} MB/s per CPU-second"
        )
    print(f"  python / cli throughput: {wall['cli'] / wall['python']:.2f} (wall), {cpu['cli'] / cpu['python']:.2f} (CPU)")

if __name__ == "__main__":
    main()
