"""examples/spark/saywho_spark.py end to end in Spark local mode (extra `saywho[spark]` and a Java runtime)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "spark" / "saywho_spark.py"


def test_the_spark_job_extracts_a_corpus_in_process(tmp_path):
    if shutil.which("java") is None:
        pytest.skip("java is not on PATH")
    docs, texts, corpus = 120, {}, []
    for i in range(docs):
        texts[i] = f"“We will not leave,” President Nicolás Maduro told reporters in Caracas 🎉. Item {i}."
        corpus.append(json.dumps({"id": i, "source": "spark-test", "text": texts[i]}, ensure_ascii=False))
        if i == 50:
            corpus += ["{not json", ""]
    (tmp_path / "corpus.jsonl").write_text("\n".join(corpus) + "\n", encoding="utf-8")
    output = tmp_path / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "corpus.jsonl"), "--partitions", "3", "--output", str(output)],
        env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert f"{docs + 1} documents (1 errors)" in run.stderr

    # Part files in partition order, each line in input order.
    lines = [
        json.loads(line)
        for part in sorted(output.glob("part-*"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) == docs + 1
    errors = [line for line in lines if "error" in line]
    assert len(errors) == 1
    assert errors[0]["line"] == 52 and errors[0]["id"] is None
    assert errors[0]["error"].startswith("invalid JSON")
    assert [line["id"] for line in lines if "error" not in line] == list(range(docs))
    for line in lines:
        if "error" in line:
            continue
        assert line["source"] == "spark-test" and "text" not in line
        assert line["schema_version"] == 1 and line["offsets"] == "chars"
        text = texts[line["id"]]
        for e in line["entities"]:
            assert text[e["start"]:e["end"]] == e["text"]
        assert {e["label"] for e in line["entities"]} >= {"PERSON", "GPE"}
        assert line["quotes"][0]["speaker"]["canonical"] == "Nicolás Maduro"
