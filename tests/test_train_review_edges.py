"""A trainer's deck in review at its edges: what the commands tell a trainer who typed the
wrong thing, and what the workflow does with a stored version edited behind its back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from assistant.cli import cli

from .review_support import Team

pytest_plugins = ["tests.review_fixtures"]


def run(team: Team, who: str, *args: str) -> Result:
    user = ["--user", team.real(who)] if team.backend == "sqlite" else []
    return CliRunner().invoke(cli, ["--db", team.url(who), *user, *args],
                              catch_exceptions=False)


def _deck(team: Team, *args: str) -> int:
    team.add(alice="author", bob="reviewer")
    made = run(team, "alice", "train", "draft", *args)
    assert made.exit_code == 0, made.output
    return int(made.stdout.strip())


def _brief(team: Team) -> int:
    team.add(alice="author", bob="reviewer")
    made = run(team, "alice", "draft", "new", "--theme", "harsh-life", "--audience",
               "journalists")
    assert made.exit_code == 0, made.output
    return int(made.stdout.strip())


def _change_behind_the_tools_back(team: Team, draft_id: int, old: str, new: str) -> None:
    """What someone with the SQLite file and the sqlite3 shell can do: the text changes,
    its recorded hash does not."""
    engine = create_engine(team.owner_url)
    with engine.begin() as sql:
        changed = sql.execute(text("UPDATE versions SET markdown = replace(markdown, :old, :new)"
                                   " WHERE draft_id = :id"),
                              {"old": old, "new": new, "id": draft_id})
        assert changed.rowcount == 1
    engine.dispose()


def _said(result: Result) -> str:
    return " ".join(result.stderr.split())


# A discussion question: no deck check reads it, so only the hash can tell it changed.
QUESTION = "How would you keep a conversation about this narrative from turning sectarian?"
CHANGED = "How would you start a conversation about this narrative by turning sectarian?"


def test_a_tampered_deck_is_refused_export_with_the_command_that_makes_a_new_deck_version(
        sqlite_team: Team, tmp_path: Path) -> None:
    draft_id = _deck(sqlite_team, "--theme", "fighting-sunnis")
    _change_behind_the_tools_back(sqlite_team, draft_id, QUESTION, CHANGED)
    out = tmp_path / "deck.pptx"
    done = run(sqlite_team, "alice", "train", "export", "--draft", str(draft_id), "-o", str(out))
    assert done.exit_code == 1
    assert "was changed outside counterbrief" in _said(done)
    assert f"`assistant train edit {draft_id}`" in _said(done)
    assert "draft edit" not in _said(done)  # a command that refuses decks
    assert not out.exists() and "Traceback" not in done.output


def test_a_tampered_brief_is_still_refused_export_with_the_command_that_edits_a_brief(
        sqlite_team: Team, tmp_path: Path) -> None:
    draft_id = _brief(sqlite_team)
    engine = create_engine(sqlite_team.owner_url)
    with engine.begin() as sql:
        sql.execute(text("UPDATE versions SET markdown = markdown || 'x'"))
    engine.dispose()
    done = run(sqlite_team, "alice", "draft", "export", str(draft_id), "-o",
               str(tmp_path / "b.md"))
    assert done.exit_code == 1
    assert f"`assistant draft edit {draft_id}`" in _said(done)


def test_train_edit_given_a_brief_names_the_command_that_changes_a_brief(
        sqlite_team: Team) -> None:
    brief_id = _brief(sqlite_team)
    done = run(sqlite_team, "alice", "train", "edit", str(brief_id))
    assert done.exit_code == 2
    assert f"draft {brief_id} is a brief, not a trainer's deck" in _said(done)
    assert f"change it with `assistant draft edit {brief_id}`" in _said(done)


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_a_version_changed_outside_the_tool_is_neither_submitted_nor_approved(
        sqlite_team: Team, who: str) -> None:
    draft_id = _deck(sqlite_team, "--theme", "fighting-sunnis")
    if who == "bob":  # changed while in review: the reviewer would approve other words
        assert run(sqlite_team, "alice", "review", "submit", str(draft_id)).exit_code == 0
    _change_behind_the_tools_back(sqlite_team, draft_id, QUESTION, CHANGED)
    if who == "alice":
        done = run(sqlite_team, "alice", "review", "submit", str(draft_id))
    else:
        done = run(sqlite_team, "bob", "review", "approve", str(draft_id), "--comment", "ok")
    assert done.exit_code == 1, done.output
    assert f"version 1 of draft {draft_id} was changed outside counterbrief" in _said(done)
    assert f"`assistant train edit {draft_id}`" in _said(done)
    shown = json.loads(run(sqlite_team, "bob", "review", "list", "--json").stdout)
    assert [d["status"] for d in shown] == ["draft" if who == "alice" else "in-review"]


def test_a_brief_changed_outside_the_tool_is_not_submitted(sqlite_team: Team) -> None:
    draft_id = _brief(sqlite_team)
    engine = create_engine(sqlite_team.owner_url)
    with engine.begin() as sql:
        sql.execute(text("UPDATE versions SET markdown = markdown || ' '"))
    engine.dispose()
    done = run(sqlite_team, "alice", "review", "submit", str(draft_id))
    assert done.exit_code == 1, done.output
    assert "was changed outside counterbrief" in _said(done)
    assert f"`assistant draft edit {draft_id}`" in _said(done)


def test_a_theme_given_twice_is_recorded_once(sqlite_team: Team) -> None:
    _deck(sqlite_team, "--theme", "harsh-life", "--theme", "harsh-life")
    shown = json.loads(run(sqlite_team, "bob", "review", "list", "--json").stdout)
    assert [d["theme"] for d in shown] == ["harsh-life"]


def test_the_queue_shows_the_themes_and_audience_of_a_decks_newest_version(
        team: Team) -> None:
    draft_id = _deck(team)
    edited = run(team, "alice", "train", "edit", str(draft_id), "--theme", "harsh-life",
                 "--audience", "journalists")
    assert edited.exit_code == 0, edited.output
    shown = json.loads(run(team, "bob", "review", "list", "--json").stdout)
    assert [(d["theme"], d["audience"]) for d in shown] == [("harsh-life", "journalists")]
    header = run(team, "bob", "draft", "show", str(draft_id)).stdout.splitlines()[1]
    assert "theme harsh-life" in header and "audience journalists" in header


def test_a_deck_whose_corpus_is_gone_is_told_to_build_again_with_train_edit(
        sqlite_team: Team, tmp_path: Path) -> None:
    import shutil

    from assistant.paths import bundled_corpus_dir

    own = tmp_path / "own-corpus"
    shutil.copytree(bundled_corpus_dir(), own)
    draft_id = _deck(sqlite_team, "--corpus", str(own), "--theme", "harsh-life")
    shutil.rmtree(own)
    done = run(sqlite_team, "alice", "review", "submit", str(draft_id))
    assert done.exit_code == 1, done.output
    assert "which is gone; nothing was checked" in _said(done)
    assert f"`assistant --corpus DIR train edit {draft_id}`" in _said(done)
    assert "draft edit" not in _said(done)


def test_the_approval_slide_is_footed_as_the_approval_not_as_the_sources(
        sqlite_team: Team, tmp_path: Path) -> None:
    from pptx import Presentation

    draft_id = _deck(sqlite_team, "--theme", "harsh-life")
    assert run(sqlite_team, "alice", "review", "submit", str(draft_id)).exit_code == 0
    assert run(sqlite_team, "bob", "review", "approve", str(draft_id)).exit_code == 0
    for name in ("deck.pptx", "deck.html"):
        done = run(sqlite_team, "alice", "train", "export", "--draft", str(draft_id), "-o",
                   str(tmp_path / name))
        assert done.exit_code == 0, done.output
    pages = [[s.text_frame.text for s in page.shapes if s.has_text_frame]
             for page in Presentation(str(tmp_path / "deck.pptx")).slides]
    total = len(pages)
    assert f"Sources · slide {total - 1} of {total}" in pages[-2]
    assert f"Approval · slide {total} of {total}" in pages[-1]
    page = (tmp_path / "deck.html").read_text(encoding="utf-8")
    last = page.rsplit('<section class="slide"', 1)[1]
    assert '<div class="where"><span>Approval</span>' in last


@pytest.mark.parametrize("command", [
    ["train", "draft", "--theme", "harsh-life"],
    ["draft", "new", "--theme", "harsh-life", "--audience", "journalists"],
])
def test_a_draft_saved_while_standard_output_is_full_still_tells_its_id(
        tmp_path: Path, command: list[str]) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    db = ["--db", f"sqlite:///{tmp_path / 'review.sqlite3'}", "--user", "alice"]
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "assistant", *db, *command],
                              stdout=full.fileno(), stderr=subprocess.PIPE, env=env,
                              check=False, timeout=120)
    said = done.stderr.decode()
    assert done.returncode == 1
    assert said.startswith("saved draft 1: version 1 ("), said  # saved: and which one
    assert said.endswith("error: cannot write the output: No space left on device\n")
    assert "Traceback" not in said
    listed = subprocess.run([sys.executable, "-m", "assistant", *db, "review", "list",
                             "--json"], capture_output=True, env=env, check=True, timeout=120)
    assert [d["id"] for d in json.loads(listed.stdout)] == [1]


def test_a_stored_deck_cut_by_hand_is_named_in_the_users_words(sqlite_team: Team) -> None:
    draft_id = _deck(sqlite_team, "--theme", "harsh-life")
    engine = create_engine(sqlite_team.owner_url)
    with engine.begin() as sql:
        sql.execute(text("""UPDATE versions SET markdown = '{"kind": "counterbrief trainer''s """
                         """deck", "format": 1, "deck": {"slides": []}}'"""))
    engine.dispose()
    for args in (["draft", "show", str(draft_id)], ["train", "edit", str(draft_id)]):
        done = run(sqlite_team, "alice", *args)
        assert done.exit_code == 1, done.output
        assert (f"draft {draft_id} version 1: the stored deck is damaged: it has no 'title'"
                in _said(done))
        assert "KeyError" not in done.output and "Traceback" not in done.output
