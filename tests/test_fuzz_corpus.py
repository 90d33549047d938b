"""Fuzz: no corpus file, however broken, gets past the loader as anything but a problem
with a file and a line; `corpus validate` answers 0 or 1 with no traceback."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.corpus import validate_corpus

from .cli_helpers import run_cli
from .compose_helpers import MINI
from .fuzz_strategies import yaml_text

FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def corpus() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "corpus"
        shutil.copytree(MINI, root)
        yield root


def _validate(root: Path, name: str, data: bytes) -> None:
    target = root / name
    target.write_bytes(data)
    try:
        _, problems = validate_corpus(root, today=date(2026, 1, 1))
        lines = data.count(b"\n") + 1
        for problem in problems:
            assert problem.file and problem.message
            if problem.file.endswith(name):  # the line is one the file has
                assert 1 <= problem.line <= lines, problem
        answer = run_cli("corpus", "validate", "--corpus", str(root))
        assert answer.code == (1 if problems else 0)
    finally:
        target.unlink()


@FUZZ
@given(text=yaml_text())
def test_any_yaml_text_is_a_problem_with_a_line_never_a_crash(corpus: Path, text: str) -> None:
    _validate(corpus, "fuzz.yaml", text.encode("utf-8", "surrogateescape"))


@FUZZ
@given(data=st.binary(max_size=300))
def test_any_bytes_are_a_problem_never_a_crash(corpus: Path, data: bytes) -> None:
    _validate(corpus, "quotes-fuzz.yaml", data)


@FUZZ
@given(record=st.dictionaries(
    st.sampled_from(["id", "text", "speaker", "sources", "themes", "tags", "context", "note"]),
    st.one_of(st.text(max_size=30), st.integers(), st.none(), st.booleans(),
              st.lists(st.text(max_size=5), max_size=3)), max_size=8))
def test_any_quote_record_is_validated_with_its_line(corpus: Path, record: dict[str, object]) -> None:
    import json

    # JSON is YAML: every value arrives as the type it was generated with
    _validate(corpus, "quotes-fuzz.yaml", f"quotes:\n  - {json.dumps(record)}\n".encode())
