"""`brief` and `draft export` from the command line: the part asked for, PDF with the
status mark and page numbers on every page, and one clear answer when PDF cannot be made."""

from __future__ import annotations

import builtins
import io
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from assistant.cli import cli
from assistant.compose.parts import TEAM_HEADING
from assistant.render.approval import DRAFT


def brief(*args: str) -> Result:
    return CliRunner().invoke(cli, ["brief", "--theme", "harsh-life", "--audience",
                                    "journalists", *args], catch_exceptions=False)


def pdf_pages(path: Path) -> list[str]:
    pypdf = pytest.importorskip("pypdf")
    return [" ".join((page.extract_text() or "").split())
            for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def need_weasyprint() -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"WeasyPrint is part of the test extra: {exc}")
        pytest.skip(f"WeasyPrint or Pango missing: {exc}")


def test_audience_part_leaves_the_team_notes_out_and_team_part_is_only_them() -> None:
    audience = brief("--part", "audience")
    assert audience.exit_code == 0, audience.output
    assert TEAM_HEADING not in audience.stdout and "## Sources" in audience.stdout
    assert "## Campaign frame" not in audience.stdout
    team = brief("--part", "team")
    assert f"# {TEAM_HEADING}" in team.stdout and "## Campaign frame" in team.stdout
    assert "## Sources" not in team.stdout
    whole = brief()
    assert whole.stdout.index("## Sources") < whole.stdout.index(TEAM_HEADING)


def test_an_unknown_part_is_a_usage_error() -> None:
    result = brief("--part", "annex")
    assert result.exit_code == 2
    assert "'annex' is not one of 'audience', 'team', 'all'" in result.stderr


def test_pdf_without_weasyprint_is_one_message_saying_how_to_install_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def without_weasyprint(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_weasyprint)
    target = tmp_path / "brief.pdf"
    result = brief("-o", str(target))
    assert result.exit_code == 1
    assert "pip install 'counterbrief[pdf]'" in result.stderr
    assert "apt-get install libpango-1.0-0" in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()


def test_pdf_needs_a_file_name() -> None:
    result = brief("--format", "pdf")
    assert result.exit_code == 2
    assert "add -o FILE.pdf" in result.stderr


def test_pdf_brief_carries_the_mark_page_x_of_y_and_marking_on_every_page(
        tmp_path: Path) -> None:
    need_weasyprint()
    target = tmp_path / "notes.pdf"
    result = CliRunner().invoke(cli, [
        "brief", "--theme", "harsh-life", "--audience", "workshop", "--template",
        "trainer-notes", "--marking", "OFFICIAL", "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF")
    pages = pdf_pages(target)
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert text.count(DRAFT) == 1, (number, text[:200])
        assert f"Page {number} of {len(pages)}" in text
        assert text.count("OFFICIAL") == 2  # heads and foots the page


def test_approved_draft_exports_to_pdf_with_the_approval_on_every_page_and_at_the_end(
        tmp_path: Path) -> None:
    need_weasyprint()
    db = f"sqlite:///{tmp_path}/review.sqlite3"

    def run(user: str, *args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", db, "--user", user, *args],
                                  catch_exceptions=False)

    assert run("alice", "db", "init", "--admin", "alice").exit_code == 0
    assert run("alice", "users", "add", "bob", "--role", "reviewer").exit_code == 0
    draft = run("alice", "draft", "new", "--theme", "harsh-life", "--audience",
                "journalists", "--template", "trainer-notes").stdout.strip()
    assert run("alice", "review", "submit", draft).exit_code == 0
    assert run("bob", "review", "approve", draft, "--comment", "OK to send").exit_code == 0
    target = tmp_path / "approved.pdf"
    result = run("carol", "draft", "export", draft, "-o", str(target), "--part", "audience")
    assert result.exit_code == 0, result.output
    pages = pdf_pages(target)
    for text in pages:
        assert text.count("Approved by bob on ") == 1 and "DRAFT" not in text
    assert "Comment: OK to send" in pages[-1]
    assert TEAM_HEADING not in " ".join(pages)
