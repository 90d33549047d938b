"""`assistant brief` and `assistant templates` as a communicator uses them."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from click.testing import CliRunner

from assistant.cli import cli

from .compose_helpers import MINI


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--corpus", str(MINI), *args])
    return result.exit_code, result.stdout, result.stderr


def test_brief_prints_markdown_with_draft_header() -> None:
    code, out, _ = run("brief", "--theme", "harsh-life", "--audience", "young-people")
    assert code == 0
    # no --template: the first format written for young people
    assert out.startswith("# Social posts: Life under IS is harsh and disappointing\n")
    assert "**DRAFT" in out


def test_unknown_theme_lists_valid_ones_and_exits_2() -> None:
    code, _, err = run("brief", "--theme", "harsh", "--audience", "young-people")
    assert code == 2
    assert "unknown theme 'harsh'; choose one of: harsh-life, leaving-and-speaking-out" in err


def test_unknown_template_lists_valid_ones_and_exits_2() -> None:
    code, _, err = run("brief", "--theme", "harsh-life", "--audience", "young-people",
                       "--template", "poster")
    assert code == 2
    assert "choose one of: policy-brief, social-posts, talking-points, trainer-notes" in err


def test_pinning_a_graphic_quote_for_young_people_is_refused_with_exit_1() -> None:
    code, out, err = run("brief", "--theme", "harsh-life", "--audience", "young-people",
                         "--pin", "q-behead")
    assert code == 1
    assert "q-behead may not appear in a brief for young people" in err
    assert out == ""


def test_json_shows_each_choice_with_its_reasons() -> None:
    code, out, _ = run("brief", "--theme", "harsh-life", "--audience", "young-people",
                       "--exclude", "q-says-no", "--json")
    assert code == 0
    report = json.loads(out)
    assert "q-says-no" not in [q["id"] for q in report["quotes"]]
    excluded = next(c for c in report["candidates"] if c["id"] == "q-says-no")
    assert "excluded by you" in excluded["reasons"]
    assert all(q["reasons"] for q in report["quotes"])


def test_frame_override_appears_in_the_brief() -> None:
    code, out, _ = run("brief", "--theme", "harsh-life", "--audience", "young-people",
                       "--frame", "monitoring=Replies counted after one week")
    assert code == 0
    assert "- **Monitoring:** Replies counted after one week" in out


def test_word_export_needs_a_file_name() -> None:
    code, _, err = run("brief", "--theme", "harsh-life", "--audience", "young-people",
                       "--format", "docx")
    assert code == 2
    assert "-o FILE.docx" in err


def test_word_export_is_written_to_the_named_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.docx"
    code, _, err = run("brief", "--theme", "harsh-life", "--audience", "young-people",
                       "-o", str(target))
    assert code == 0, err
    assert f"wrote {target}" in err
    first = docx.Document(str(target)).paragraphs[0]
    assert first.style is not None and first.style.name == "Title"


def test_unwritable_output_is_refused_without_a_traceback(tmp_path: Path) -> None:
    code, _, err = run("brief", "--theme", "harsh-life", "--audience", "young-people",
                       "-o", str(tmp_path / "missing" / "brief.md"))
    assert code == 1
    assert "cannot write" in err and "Traceback" not in err


def test_templates_lists_ids_and_json_gives_headers() -> None:
    code, out, _ = run("templates")
    assert code == 0
    assert out.startswith("policy-brief ")
    code, out, _ = run("templates", "--json")
    assert {t["id"] for t in json.loads(out)} == {"policy-brief", "social-posts",
                                                  "talking-points", "trainer-notes"}
