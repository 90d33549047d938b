"""A long review queue comes a page at a time, in the same order as the whole of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.review.models import STATUSES
from bench.review import build, store

MARKDOWN = "# A brief\n\nText of the brief.\n"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    return build(tmp_path_factory.mktemp("queue"), MARKDOWN, drafts=260, versions=12)


def test_pages_put_together_are_the_whole_queue_in_order(database: tuple[str, int]) -> None:
    desk = store(database[0])
    whole = desk.list_queue()
    assert len(whole) == desk.queue_length() == 260
    pages = [desk.list_queue(limit=70, offset=start) for start in range(0, 300, 70)]
    assert [len(p) for p in pages] == [70, 70, 70, 50, 0]
    assert [d for page in pages for d in page] == whole
    assert [d.id for d in whole] == sorted(d.id for d in whole)


@pytest.mark.parametrize("status", STATUSES)
def test_a_filtered_queue_pages_within_its_state(database: tuple[str, int], status: str) -> None:
    desk = store(database[0])
    whole = desk.list_queue(status)
    assert whole and {d.status for d in whole} == {status}
    assert desk.queue_length(status) == len(whole)
    assert desk.list_queue(status, limit=10, offset=5) == whole[5:15]


def test_a_queue_row_names_its_author_and_newest_version(database: tuple[str, int]) -> None:
    url, long_id = database
    desk = store(url)
    row = next(d for d in desk.list_queue(limit=1, offset=long_id - 1))
    draft = desk.get_draft(long_id)
    assert row.id == long_id and row.author == "comms" and row.current_number == 12
    assert row.current_hash == draft.current.content_hash
    assert [v.number for v in draft.versions] == list(range(1, 13))


def test_review_list_shows_one_page_and_says_how_to_see_the_next(database: tuple[str, int]) -> None:
    url, _ = database
    run = CliRunner().invoke
    first = run(cli, ["--db", url, "--user", "reviewer", "review", "list"])
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    assert len(lines) == 101
    assert lines[-1] == ("showing drafts 1-100 of 260; --offset 100 for the next page, "
                         "--limit 0 for all")
    last = run(cli, ["--db", url, "--user", "reviewer", "review", "list", "--offset", "200"])
    assert len(last.stdout.splitlines()) == 60  # the end: no note
    assert last.stdout.split()[0] == "201"
    everything = run(cli, ["--db", url, "--user", "reviewer", "review", "list", "--limit", "0"])
    assert len(everything.stdout.splitlines()) == 260


def test_review_list_json_is_the_page_and_the_note_goes_to_stderr(
        database: tuple[str, int]) -> None:
    url, _ = database
    result = CliRunner().invoke(cli, ["--db", url, "--user", "reviewer", "review", "list",
                                      "--status", "draft", "--limit", "20", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 20 and {r["status"] for r in rows} == {"draft"}
    assert result.stderr.startswith("showing drafts 1-20 of 65;")


def test_a_negative_page_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path}/r.sqlite3", "review",
                                      "list", "--limit", "-1"])
    assert result.exit_code == 2
