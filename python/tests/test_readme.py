"""The runnable Python examples of the READMEs run as written."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def python_block(readme, heading):
    """The first ```python block after `heading` in `readme`."""
    text = (ROOT / readme).read_text(encoding="utf-8")
    after = text[text.index(heading):]
    return re.search(r"```python\n(.*?)```", after, re.S).group(1)


def test_the_repository_readme_example():
    pytest.importorskip("pandas")
    exec(python_block("README.md", "## Python"), {})


def test_the_package_readme_quick_start():
    exec(python_block("python/README.md", "## Quick start"), {})
