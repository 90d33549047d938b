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
from assistant.corpus import corpus_file_schema
from assistant.corpus.loader import corpus_files
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


def test_schema_command_writes_the_schema_the_models_define(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["corpus", "schema", "-o", str(tmp_path / "schema")])
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "schema" / "corpus-file.schema.json").read_text())
    assert written == corpus_file_schema()
    jsonschema.Draft202012Validator.check_schema(written)


def test_bundled_schema_file_is_up_to_date() -> None:
    bundled = bundled_corpus_dir() / "schema" / "corpus-file.schema.json"
    assert json.loads(bundled.read_text()) == corpus_file_schema(), (
        "regenerate with: assistant corpus schema -o narratives/schema"
    )


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
