"""Global options go before or after the subcommand; every reporting command has --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .cli_helpers import corpus_copy, run_cli

BRIEF = ("brief", "--theme", "harsh-life", "--audience", "young-people")


@pytest.fixture
def corpus(tmp_path: Path) -> str:
    return str(corpus_copy(tmp_path))


@pytest.mark.parametrize("command", [("themes",), ("audiences",), ("templates",),
                                     ("corpus", "stats"), ("corpus", "validate"), BRIEF])
def test_corpus_given_after_the_subcommand_is_used(corpus: str,
                                                   command: tuple[str, ...]) -> None:
    before = run_cli("--corpus", corpus, *command)
    after = run_cli(*command, "--corpus", corpus)
    assert after.code == before.code == 0
    assert after.out == before.out


def test_corpus_after_the_subcommand_overrides_the_one_before(corpus: str,
                                                              tmp_path: Path) -> None:
    answer = run_cli("--corpus", str(tmp_path / "missing"), "themes", "--corpus", corpus)
    assert answer.code == 0
    assert answer.out.startswith("harsh-life")


def test_check_takes_the_corpus_after_the_subcommand(corpus: str, tmp_path: Path) -> None:
    brief = tmp_path / "b.md"
    assert run_cli(*BRIEF, "-o", str(brief), "--corpus", corpus).code == 0
    answer = run_cli("check", str(brief), "--corpus", corpus)
    assert answer.code in (0, 1)
    assert f"{brief}:" in answer.err


def test_db_and_user_are_accepted_after_a_subcommand(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    answer = run_cli("review", "list", "--db", url, "--user", "alice")
    assert answer.code == 0
    assert (tmp_path / "review.db").exists()


def test_a_bad_option_value_after_the_subcommand_is_a_usage_error(tmp_path: Path) -> None:
    answer = run_cli("themes", "--corpus", str(tmp_path / "none"))
    assert answer.code == 2


@pytest.mark.parametrize("command", [("themes",), ("audiences",), ("templates",),
                                     ("corpus", "stats"), ("corpus", "validate"), BRIEF])
def test_json_is_one_document_on_standard_output(corpus: str,
                                                 command: tuple[str, ...]) -> None:
    answer = run_cli("--corpus", corpus, *command, "--json")
    assert answer.code == 0
    json.loads(answer.out)


def test_corpus_schema_reports_what_it_wrote_as_json(tmp_path: Path) -> None:
    answer = run_cli("corpus", "schema", "-o", str(tmp_path / "schema"), "--json")
    assert answer.code == 0
    report = json.loads(answer.out)
    assert report["wrote"] == [str(tmp_path / "schema" / "corpus-file.schema.json")]
    assert report["unlinked"], "files elsewhere do not link to a schema in tmp_path"


def test_check_json_lists_the_findings(corpus: str, tmp_path: Path) -> None:
    brief = tmp_path / "b.md"
    run_cli("--corpus", corpus, *BRIEF, "-o", str(brief))
    answer = run_cli("--corpus", corpus, "check", str(brief), "--json")
    assert answer.code in (0, 1)
    assert isinstance(json.loads(answer.out), dict)


def test_validate_json_keeps_every_problem(tmp_path: Path) -> None:
    root = corpus_copy(tmp_path, {"a.yaml": "sources:\n  - id: !!int x\n",
                                  "b.yaml": "- " * 100 + "x\n"})
    answer = run_cli("corpus", "validate", "--corpus", str(root), "--json")
    assert answer.code == 1
    problems = json.loads(answer.out)["problems"]
    assert [(Path(p["file"]).name, p["line"]) for p in problems] == [("a.yaml", 2),
                                                                     ("b.yaml", 1)]
