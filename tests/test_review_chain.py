"""The audit log is a hash chain on both back-ends: a rewritten, removed or slipped-in line
is found by `assistant review verify`, which names the first line that breaks."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from assistant.cli import cli
from assistant.review import open_store
from assistant.review.database import MIGRATIONS_DIR, WRITE, open_engine

from .review_support import BRIEF, INPUTS, Team

pytest_plugins = ["tests.review_fixtures"]  # the review fixtures: team, pg_team...


def _history(team: Team) -> int:
    team.add(alice="author", bob="reviewer")
    alice = team.store("alice")
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1")
    alice.submit(draft.id)
    team.store("bob").request_changes(draft.id, "Date the figures")
    alice.edit_draft(draft.id, INPUTS, BRIEF + "\nas of 2015\n", "fp-1")
    return draft.id


def _as_owner(team: Team, *statements: str) -> None:
    engine = create_engine(team.owner_url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def _line_ids(team: Team) -> list[int]:
    return [e.id for e in team.store("bob").audit_log()]


def test_an_untouched_log_verifies_line_by_line(team: Team) -> None:
    _history(team)
    count, broken = team.store("bob").verify_log()
    assert broken is None and count == len(_line_ids(team)) >= 7
    log = team.store("bob").audit_log()
    assert all(line.prev_hash == before.line_hash for before, line in itertools.pairwise(log))


def _unguarded(team: Team, statement: str) -> None:
    """`statement` run by someone who owns the file or server and lifts the guards."""
    if team.backend == "sqlite":
        _as_owner(team, "DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete",
                  statement)
    else:
        _as_owner(team, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                  statement, "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")


def test_a_rewritten_line_is_named(team: Team) -> None:
    _history(team)
    target = _line_ids(team)[3]
    _unguarded(team, f"UPDATE audit_log SET actor = 'carol' WHERE id = {target}")
    _count, broken = team.store("bob").verify_log()
    assert broken is not None and broken.line_id == target
    assert "does not match its hash" in broken.reason


def test_a_removed_line_is_found_at_the_line_after_it(team: Team) -> None:
    _history(team)
    ids = _line_ids(team)
    _unguarded(team, f"DELETE FROM audit_log WHERE id = {ids[2]}")
    _count, broken = team.store("bob").verify_log()
    assert broken is not None and broken.line_id == ids[3]
    assert "does not carry the hash of the line before it" in broken.reason


def test_a_line_rewritten_together_with_its_hash_breaks_the_next_one(team: Team) -> None:
    from assistant.review.chain import line_hash

    _history(team)
    log = team.store("bob").audit_log()
    line = log[2]
    forged = line_hash(line.id, line.at, "carol", line.action, line.draft_id,
                       line.version_hash, line.detail, line.prev_hash)
    _unguarded(team, f"UPDATE audit_log SET actor = 'carol', line_hash = '{forged}' "
                     f"WHERE id = {line.id}")
    _count, broken = team.store("bob").verify_log()
    assert broken is not None and broken.line_id == log[3].id


@pytest.mark.parametrize("verb", ["REPLACE", "INSERT OR REPLACE"])
def test_replace_cannot_rewrite_the_log_on_sqlite(sqlite_team: Team, verb: str) -> None:
    _history(sqlite_team)
    with pytest.raises(DBAPIError, match="append-only"):
        _as_owner(sqlite_team, f"{verb} INTO audit_log (id, at, actor, action, detail, "
                               "prev_hash, line_hash) VALUES (1, '2026-01-01 00:00:00', "
                               "'bob', 'approved', '', '', '')")
    assert sqlite_team.store("bob").verify_log()[1] is None


def test_a_line_slipped_in_on_sqlite_is_named(sqlite_team: Team) -> None:
    _history(sqlite_team)
    _as_owner(sqlite_team, "INSERT INTO audit_log (at, actor, action, detail, prev_hash, "
                           "line_hash) VALUES ('2026-01-01 00:00:00', 'bob', 'approved', "
                           "'version 1', 'x', 'y')")
    _count, broken = sqlite_team.store("bob").verify_log()
    assert broken is not None and broken.line_id == max(_line_ids(sqlite_team))


def test_review_verify_exits_1_naming_the_first_broken_line(sqlite_team: Team) -> None:
    _history(sqlite_team)
    url = sqlite_team.owner_url
    ok = CliRunner().invoke(cli, ["--db", url, "--user", "bob", "review", "verify"])
    assert ok.exit_code == 0 and "the audit log is intact" in ok.stdout
    _unguarded(sqlite_team, "UPDATE audit_log SET detail = 'version 9' WHERE id = 4")
    broken = CliRunner().invoke(cli, ["--db", url, "--user", "bob", "review", "verify"])
    assert broken.exit_code == 1
    assert broken.stderr.startswith("error: the audit log is broken at line 4: ")
    as_json = CliRunner().invoke(cli, ["--db", url, "--user", "bob", "review", "verify",
                                       "--json"])
    assert as_json.exit_code == 1
    assert '"first_broken_line": 4' in as_json.stdout


def test_lines_written_before_the_chain_existed_join_it_on_upgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/old.sqlite3"
    engine = open_engine(url)
    with engine.execution_options(**{WRITE: True}).connect() as connection, \
            connection.begin():
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text(
            "INSERT INTO audit_log (at, actor, action, draft_id, version_hash, detail) "
            "VALUES ('2026-01-01 09:00:00.000000', 'sam', 'user-added', NULL, NULL, "
            "'sam as admin'), ('2026-01-01 09:01:00.250000', 'sam', 'user-added', NULL, "
            "NULL, 'bob as reviewer')"))
    engine.dispose()
    store = open_store(url, "sam")
    count, broken = store.verify_log()
    assert (count, broken) == (2, None)
    store.close()


def test_a_year_before_1000_is_hashed_with_four_digits_as_postgresql_writes_it() -> None:
    from datetime import UTC, datetime

    from assistant.review.chain import moment_text

    assert moment_text(datetime(500, 6, 1, tzinfo=UTC)) == "0500-06-01T00:00:00.000000Z"
    assert moment_text(datetime(2026, 3, 2, 9, 0, tzinfo=UTC)) == "2026-03-02T09:00:00.000000Z"


def test_lines_cut_from_the_end_are_found_where_the_log_now_ends(team: Team) -> None:
    """The chain cannot show a log cut short; the head the database keeps beside it can."""
    _history(team)
    url = team.url("bob")
    user = ["--user", "bob"] if team.backend == "sqlite" else []
    before = CliRunner().invoke(cli, ["--db", url, *user, "review", "verify"])
    ids = _line_ids(team)  # PostgreSQL's ids may skip numbers
    assert before.exit_code == 0, before.output
    assert f"last line {ids[-1]}, hash " in before.stdout
    _unguarded(team, f"DELETE FROM audit_log WHERE id >= {ids[-2]}")
    after = CliRunner().invoke(cli, ["--db", url, *user, "review", "verify", "--json"])
    assert after.exit_code == 1
    assert f'"first_broken_line": {ids[-3] + 1}' in after.stdout
    said = CliRunner().invoke(cli, ["--db", url, *user, "review", "verify"])
    assert said.exit_code == 1
    assert said.stderr.startswith(
        f"error: the audit log is broken at line {ids[-3] + 1}: the log ends at line "
        f"{ids[-3]} ({len(ids) - 2} lines), but the database recorded line {ids[-1]} (hash ")
    assert "lines were cut from the end" in said.stderr
