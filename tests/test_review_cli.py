"""`assistant draft|review|users` on the bundled corpus: what a team sees at the terminal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from assistant.cli import cli

from .review_support import PG_ENV, PG_HOWTO


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path}/review.sqlite3"

    def invoke(user: str, *args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", db, "--user", user, *args],
                                  catch_exceptions=False)

    invoke.db = db  # type: ignore[attr-defined]
    return invoke


@pytest.fixture
def submitted(run) -> str:  # type: ignore[no-untyped-def]
    """Draft by alice (the admin `db init` made), submitted; bob reviews."""
    assert run("alice", "db", "init", "--admin", "alice").exit_code == 0
    created = run("alice", "draft", "new", "--theme", "harsh-life", "--audience", "journalists")
    assert created.exit_code == 0, created.output
    draft_id: str = created.stdout.strip()
    assert run("alice", "users", "add", "bob", "--role", "reviewer").exit_code == 0
    submit = run("alice", "review", "submit", draft_id)
    assert submit.exit_code == 0, submit.output
    return draft_id


def test_draft_new_prints_the_draft_id(run) -> None:  # type: ignore[no-untyped-def]
    result = run("alice", "draft", "new", "--theme", "harsh-life", "--audience", "journalists")
    assert result.exit_code == 0
    assert result.stdout == "1\n"
    assert "saved draft 1: version 1" in result.stderr


def test_approving_your_own_draft_exits_1_with_the_reason(run, submitted) -> None:  # type: ignore[no-untyped-def]
    result = run("alice", "review", "approve", submitted)
    assert result.exit_code == 1
    assert "nobody may approve their own work" in result.stderr


def test_an_approved_export_says_who_approved_which_version(run, submitted) -> None:  # type: ignore[no-untyped-def]
    approved = run("bob", "review", "approve", submitted, "--comment", "Ready")
    assert approved.exit_code == 0, approved.output
    exported = run("carol", "draft", "export", submitted)
    shown = run("carol", "draft", "show", submitted, "--json")
    digest = __import__("json").loads(shown.stdout)["current_hash"][:12]
    assert "Approved by bob on " in exported.stdout
    assert f", version {digest}" in exported.stdout
    assert "DRAFT: not yet approved" not in exported.stdout


def test_an_approved_word_export_carries_the_approval_in_its_header(  # type: ignore[no-untyped-def]
        run, submitted, tmp_path: Path) -> None:
    import docx

    run("bob", "review", "approve", submitted)
    target = tmp_path / "approved.docx"
    exported = run("carol", "draft", "export", submitted, "--format", "docx", "-o", str(target))
    assert exported.exit_code == 0, exported.output
    document = docx.Document(str(target))
    assert document.sections[0].header.paragraphs[0].text.startswith("Approved by bob on ")
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Quote"} <= styles
    assert not any("DRAFT" in p.text for p in document.paragraphs)


def test_an_html_export_links_citation_marks_to_the_sources(run, submitted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "draft.html"
    assert run("alice", "draft", "export", submitted, "--format", "html",
               "-o", str(target)).exit_code == 0
    page = target.read_text()
    assert 'href="#ref-1"' in page and 'id="ref-1"' in page
    assert "DRAFT: not yet approved" in page


def test_an_edited_draft_exports_as_draft_and_keeps_the_old_approval(  # type: ignore[no-untyped-def]
        run, submitted, tmp_path: Path) -> None:
    run("bob", "review", "approve", submitted)
    edited_file = tmp_path / "edited.md"
    edited_file.write_text(run("alice", "draft", "export", submitted).stdout + "\nOne more line.\n")
    edit = run("alice", "draft", "edit", submitted, "--file", str(edited_file))
    assert edit.exit_code == 0 and "version 2" in edit.stdout and "draft" in edit.stdout
    assert "DRAFT: not yet approved" in run("alice", "draft", "export", submitted).stdout
    assert "Approved by bob" in run("alice", "draft", "export", submitted,
                                    "--version", "1").stdout


def test_export_refuses_text_changed_behind_the_tools_back(run, submitted, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("bob", "review", "approve", submitted)
    engine = create_engine(run.db)
    with engine.begin() as connection:
        connection.execute(text("UPDATE versions SET markdown = markdown || 'extra claim'"))
    engine.dispose()
    result = run("alice", "draft", "export", submitted, "-o", str(tmp_path / "out.md"))
    assert result.exit_code == 1
    assert "changed outside counterbrief" in result.stderr
    assert not (tmp_path / "out.md").exists()


def test_an_unknown_draft_is_a_usage_error_naming_the_id(run) -> None:  # type: ignore[no-untyped-def]
    result = run("alice", "draft", "show", "77")
    assert result.exit_code == 2
    assert "unknown draft '77'" in result.stderr


def test_review_list_filters_by_status_and_speaks_json(run, submitted) -> None:  # type: ignore[no-untyped-def]
    import json

    listed = json.loads(run("bob", "review", "list", "--status", "in-review", "--json").stdout)
    assert [(d["id"], d["status"], d["author"]) for d in listed] == [
        (int(submitted), "in-review", "alice")]
    assert json.loads(run("bob", "review", "list", "--status", "approved", "--json").stdout) == []


def test_review_log_lists_every_action(run, submitted) -> None:  # type: ignore[no-untyped-def]
    run("bob", "review", "changes", submitted, "--comment", "Add the as-of date")
    lines = run("bob", "review", "log", submitted).stdout.splitlines()
    assert [line.split()[1:3] for line in lines] == [
        ["alice", "draft-created"], ["alice", "submitted"], ["bob", "changes-requested"]]
    assert lines[-1].endswith("version 1: Add the as-of date")


def test_a_database_that_cannot_be_opened_is_one_clear_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/no/such/dir/review.sqlite3"
    result = CliRunner().invoke(cli, ["--db", db, "review", "list"])
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot use the database at {db}: unable to open database file\n"


def test_on_postgresql_a_user_flag_cannot_change_who_you_are() -> None:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(PG_HOWTO)
    result = CliRunner().invoke(cli, ["--db", url, "--user", "someone-else", "review", "list"])
    assert result.exit_code == 1
    assert "on PostgreSQL you act as your database login" in result.stderr


def test_check_draft_runs_the_checks_on_the_saved_version(run) -> None:  # type: ignore[no-untyped-def]
    created = run("alice", "draft", "new", "--theme", "harsh-life", "--audience", "journalists")
    draft_id = created.stdout.strip()
    result = run("alice", "check", "--draft", draft_id)
    assert result.exit_code == 0, result.output
    assert f"draft {draft_id} version 1: 0 errors" in result.stderr


def test_check_of_an_unknown_draft_names_the_id(run) -> None:  # type: ignore[no-untyped-def]
    result = run("alice", "check", "--draft", "41")
    assert result.exit_code == 2
    assert "41" in result.stderr
