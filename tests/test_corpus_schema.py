"""The JSON Schema an editor uses agrees with the loader, and ships beside the corpus."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from assistant.cli import cli
from assistant.corpus import corpus_file_schema, load_corpus, validate_corpus
from assistant.corpus.loader import corpus_files
from assistant.corpus.schema import undescribed_fields
from assistant.paths import bundled_corpus_dir
from tests.test_corpus_validation import VALID


def _plain(value: Any) -> Any:
    """YAML turns 2015-09-20 into a date; JSON Schema sees the text an editor sees."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def test_schema_command_writes_the_schema_with_the_corpus_ids(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["corpus", "schema", "-o", str(tmp_path / "schema")])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "schema" / "corpus-file.schema.json").read_text())
    assert written == corpus_file_schema(load_corpus())
    jsonschema.Draft202012Validator.check_schema(written)
    speaker = written["$defs"]["Quote"]["properties"]["speaker"]
    assert "peter-neumann" in speaker["enum"]
    assert "harsh-life" in written["$defs"]["ThemeLink"]["properties"]["theme"]["enum"]
    # the bundled files link to narratives/schema, not to this new directory: it says how
    assert "to link it, make its first line: # yaml-language-server: $schema=" in result.output


def test_bundled_schema_file_is_up_to_date() -> None:
    bundled = bundled_corpus_dir() / "schema" / "corpus-file.schema.json"
    assert json.loads(bundled.read_text()) == corpus_file_schema(load_corpus()), (
        "regenerate with: assistant corpus schema -o narratives/schema"
    )


def test_every_field_of_the_schema_is_described() -> None:
    assert undescribed_fields(corpus_file_schema()) == []


def test_an_unknown_speaker_id_is_flagged_by_the_editor_too() -> None:
    data = _plain(yaml.safe_load(textwrap.dedent(VALID["quotes.yaml"])))
    data["quotes"][0]["speaker"] = "nobody"
    with pytest.raises(jsonschema.ValidationError, match="nobody"):
        jsonschema.validate(data, corpus_file_schema(load_corpus()))


# (YAML as the loader reads it, the same value as an editor's YAML 1.2 parser sees it, valid?)
AGREEMENT = [
    pytest.param("published: 2015-09-20", "2015-09-20", True, id="unquoted-date"),
    pytest.param('published: "2015-09"', "2015-09", True, id="year-month"),
    pytest.param("published: 2014", 2014, True, id="year-number"),
    pytest.param('published: "2015-02-30"', "2015-02-30", False, id="impossible-date"),
    pytest.param('published: "2015-02-29"', "2015-02-29", False, id="not-a-leap-year"),
    pytest.param('published: "2016-02-29"', "2016-02-29", True, id="leap-day"),
    pytest.param('published: "2015-13"', "2015-13", False, id="month-13"),
]


@pytest.mark.parametrize(("line", "editor_value", "valid"), AGREEMENT)
def test_schema_and_loader_agree_on_dates(tmp_path: Path, line: str, editor_value: object,
                                          valid: bool) -> None:
    text = "sources:\n  - id: s\n    title: T\n    " + line + "\n"
    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    _, problems = validate_corpus(tmp_path, today=date(2026, 1, 1))
    loader_ok = not problems
    editor = {"sources": [{"id": "s", "title": "T", "published": editor_value}]}
    editor_ok = jsonschema.Draft202012Validator(corpus_file_schema()).is_valid(editor)
    assert (loader_ok, editor_ok) == (valid, valid), problems


@pytest.mark.parametrize(("yaml_value", "editor_value", "valid"), [
    pytest.param("yes", "yes", False, id="yes"),
    pytest.param("off", "off", False, id="off"),
    pytest.param('"yes"', "yes", False, id="quoted-yes-still-looks-like-a-flag"),
    pytest.param("58", 58, True, id="number"),
    pytest.param('"2015-09-21"', "2015-09-21", True, id="date-text"),
])
def test_schema_and_loader_agree_on_a_figure_value(tmp_path: Path, yaml_value: str,
                                                   editor_value: object, valid: bool) -> None:
    text = ("sources:\n  - {id: s, title: T}\nfacts:\n  - id: f\n    statement: S\n"
            f"    sources:\n      - {{source: s, figure: '58', value: {yaml_value}}}\n")
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    _, problems = validate_corpus(tmp_path, today=date(2026, 1, 1))
    editor = {"sources": [{"id": "s", "title": "T"}], "facts": [{"id": "f", "statement": "S",
              "sources": [{"source": "s", "figure": "58", "value": editor_value}]}]}
    editor_ok = jsonschema.Draft202012Validator(corpus_file_schema()).is_valid(editor)
    assert ((not problems), editor_ok) == (valid, valid), problems


@pytest.mark.parametrize("name", sorted(VALID))
def test_a_valid_corpus_file_satisfies_the_schema(name: str) -> None:
    data = _plain(yaml.safe_load(textwrap.dedent(VALID[name])))
    jsonschema.validate(data, corpus_file_schema())


def test_the_schema_rejects_an_unknown_key_as_the_loader_does() -> None:
    data = _plain(yaml.safe_load(textwrap.dedent(VALID["speakers.yaml"])))
    data["speakers"][0]["nickname"] = "x"
    with pytest.raises(jsonschema.ValidationError, match="nickname"):
        jsonschema.validate(data, corpus_file_schema())


def test_every_bundled_corpus_file_points_editors_at_the_schema_and_satisfies_it() -> None:
    root = bundled_corpus_dir()
    files = corpus_files(root)
    if not files:
        pytest.skip("the bundled corpus is empty")
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema_path = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert schema_path == (root / "schema" / "corpus-file.schema.json").resolve(), path
        jsonschema.validate(_plain(yaml.safe_load(path.read_text(encoding="utf-8"))),
                            corpus_file_schema())
