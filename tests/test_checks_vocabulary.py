"""The word lists are editable YAML, validated: every mistake is reported as FILE:LINE."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checks.vocabulary import DATA_DIR, VocabularyError, load_rules


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "list.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_word_lists_are_valid() -> None:
    for path in DATA_DIR.glob("*.yaml"):
        assert load_rules(path)


def test_a_wrong_severity_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "slogans:\n  message: x\n  severity: loud\n  terms: [a]\n")
    with pytest.raises(VocabularyError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(f"{path}:3: slogans.severity: Input should be")


def test_a_pattern_that_is_not_a_regular_expression_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "mocking:\n  message: x\n  patterns:\n    - pattern: 'a('\n"
                           "      message: y\n")
    with pytest.raises(VocabularyError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(f"{path}:4: mocking.patterns.0.pattern: Value error, "
                                        "not a valid regular expression")


def test_an_unknown_key_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "titles:\n  message: x\n  terms: [a]\n  distancng: [so-called]\n")
    with pytest.raises(VocabularyError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(f"{path}:4: titles.distancng: Extra inputs")


def test_broken_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "slogans:\n  terms: [a\n  b: c\n")
    with pytest.raises(VocabularyError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(f"{path}:")
    assert "not valid YAML" in str(caught.value)
