"""Rows and input the app did not make get one clear answer, never "unexpected": a draft
with no version, titles and notes that would drive the terminal, an unusable data folder,
and an approval block copied back in from an export."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from assistant.cli import cli


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path}/review.sqlite3"

    def invoke(user: str, *args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", db, "--user", user, *args],
                                  catch_exceptions=False)

    invoke.db = db  # type: ignore[attr-defined]
    return invoke


def _new(run, *extra: str) -> Result:  # type: ignore[no-untyped-def]
    return run("alice", "draft", "new", "--theme", "harsh-life", "--audience",
               "journalists", *extra)


def test_a_draft_row_without_a_version_is_named_not_unexpected(run) -> None:  # type: ignore[no-untyped-def]
    assert _new(run).exit_code == 0
    engine = create_engine(run.db)
    with engine.begin() as sql:
        sql.execute(text(
            "INSERT INTO drafts (title, theme, audience, template, author_id, status, "
            "current_number, revision, created_at, updated_at) SELECT 'by hand', theme, "
            "audience, template, author_id, 'draft', 1, 1, created_at, updated_at "
            "FROM drafts WHERE id = 1"))
    engine.dispose()
    for args in (("draft", "show", "2"), ("review", "submit", "2"), ("draft", "export", "2")):
        result = run("alice", *args)
        assert result.exit_code == 1, (args, result.output)
        assert "unexpected" not in result.stderr
        assert "draft 2 is incomplete: its version 1 is not in the database" in result.stderr
    listed = run("alice", "review", "list")
    assert listed.exit_code == 0, listed.output
    assert "by hand" in listed.stdout


@pytest.mark.parametrize("option", ["--title", "--note"])
@pytest.mark.parametrize("value", ["\x1b[2J\x1b]0;x\x07Hi", "Hi\nSecond", "a\u202eb",
                                   "tab\there"])
def test_a_title_or_note_with_control_characters_is_refused(run, option: str,  # type: ignore[no-untyped-def]
                                                            value: str,
                                                            tmp_path: Path) -> None:
    if option == "--title":
        result = _new(run, "--title", value)
    else:
        assert _new(run).exit_code == 0
        edited = tmp_path / "edited.md"
        edited.write_text("# other\n")
        result = run("alice", "draft", "edit", "1", "--file", str(edited), "--note", value)
    assert result.exit_code == 2, result.output
    assert "control character" in result.stderr
    assert "\x1b" not in result.output
    listed = run("alice", "review", "list")
    assert "\x1b" not in listed.output and "Second" not in listed.output


def _data_folder_result(monkeypatch: pytest.MonkeyPatch, **env: str) -> Result:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return CliRunner().invoke(cli, ["--user", "alice", "review", "list"],
                              catch_exceptions=False)


def test_a_data_folder_that_is_a_file_is_named(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSISTANT_DB", raising=False)
    a_file = tmp_path / "data"
    a_file.write_text("not a folder")
    for place in (str(a_file), "/dev/null"):
        result = _data_folder_result(monkeypatch, XDG_DATA_HOME=place)
        assert result.exit_code == 1, result.output
        assert "unexpected" not in result.stderr
        assert f"cannot make the data folder {place}/counterbrief" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_home_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSISTANT_DB", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o500)
    try:
        result = _data_folder_result(monkeypatch, HOME=str(home))
    finally:
        home.chmod(0o700)
    assert result.exit_code == 1, result.output
    assert "unexpected" not in result.stderr
    assert "cannot make the data folder" in result.stderr


def test_proc_as_data_folder_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSISTANT_DB", raising=False)
    result = _data_folder_result(monkeypatch, XDG_DATA_HOME="/proc")
    assert result.exit_code == 1, result.output
    assert "cannot make the data folder /proc/counterbrief" in result.stderr
