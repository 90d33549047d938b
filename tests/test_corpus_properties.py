"""Whatever a hand edit does to a valid corpus, validation answers with problems, never a crash."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.corpus import validate_corpus
from tests.test_corpus_validation import TODAY, VALID

FILES = sorted(VALID)
YAML_NOISE = st.text(
    alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\n\t ") + list("abcq0159é“”’\u0000\ufeff")),
    max_size=12,
)


@st.composite
def text_edit(draw: st.DrawFn) -> tuple[str, str]:
    """A keystroke-level edit: delete, insert or replace a span somewhere in one file."""
    name = draw(st.sampled_from(FILES))
    text = textwrap.dedent(VALID[name])
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 20)))
    return name, text[:start] + draw(YAML_NOISE) + text[end:]


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10_000), st.floats(allow_nan=True),
    st.text(max_size=10), st.dates().map(str),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6)


@st.composite
def value_edit(draw: st.DrawFn) -> tuple[str, str]:
    """A structural edit: one key of one record gets an arbitrary value, or is removed."""
    name = draw(st.sampled_from(FILES))
    data = yaml.safe_load(textwrap.dedent(VALID[name]))
    [(_kind, records)] = data.items()
    record = records[0]
    key = draw(st.sampled_from([*record, "unexpected"]))
    if draw(st.booleans()):
        record[key] = draw(VALUES)
    else:
        record.pop(key, None)
    return name, yaml.safe_dump(data, allow_unicode=True)


def _validate_with(name: str, text: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for other in FILES:
            (root / other).write_text(textwrap.dedent(VALID[other]), encoding="utf-8")
        (root / name).write_text(text, encoding="utf-8")
        _, problems = validate_corpus(root, today=TODAY)
        return [str(p) for p in problems]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_edit())
def test_random_text_edits_give_problems_with_lines_never_an_exception(edit: tuple[str, str]) -> None:
    for problem in _validate_with(*edit):
        file, line, message = problem.split(":", 2)
        assert file.endswith(".yaml") and int(line) >= 1 and message.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value_edit())
def test_random_value_edits_give_problems_with_lines_never_an_exception(edit: tuple[str, str]) -> None:
    for problem in _validate_with(*edit):
        file, line, message = problem.split(":", 2)
        assert file.endswith(".yaml") and int(line) >= 1 and message.strip()
