"""The database keeps the audit log's head (last id, hash, length) beside it, so a log cut
short is found; stored times that cannot be read are named by table and id; comments
cannot carry control characters into a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from assistant.cli import cli
from assistant.review import InvalidInput, open_store, set_up_database
from assistant.review.database import MIGRATIONS_DIR, WRITE, open_engine

from .review_support import BRIEF, INPUTS, PgSchema, Team, unique

pytest_plugins = ["tests.review_fixtures"]


def _as_owner(team: Team, *statements: str) -> None:
    engine = create_engine(team.owner_url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def _head(team: Team) -> tuple[int, str, int]:
    engine = create_engine(team.owner_url)
    try:
        with engine.connect() as connection:
            row = connection.execute(text(
                "SELECT last_id, last_hash, lines FROM audit_head")).one()
            return int(row[0]), str(row[1]), int(row[2])
    finally:
        engine.dispose()


def _reviewed(team: Team) -> int:
    team.add(alice="author", bob="reviewer")
    alice = team.store("alice")
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1")
    alice.submit(draft.id)
    team.store("bob").approve(draft.id, "Checked every quote")
    return draft.id


def test_the_head_moves_with_every_line_the_log_takes(team: Team) -> None:
    _reviewed(team)
    log = team.store("bob").audit_log()
    assert _head(team) == (log[-1].id, log[-1].line_hash, len(log))
    refused = team.store("alice")
    with pytest.raises(Exception):  # noqa: B017 - any refusal: it is logged all the same
        refused.approve(1)
    log = team.store("bob").audit_log()
    assert log[-1].action == "refused"
    assert _head(team) == (log[-1].id, log[-1].line_hash, len(log))


@pytest.mark.parametrize("statement", [
    "UPDATE audit_head SET last_id = last_id - 1, lines = lines - 1",
    "DELETE FROM audit_head",
    "INSERT INTO audit_head (id, last_id, last_hash, lines) VALUES (1, 1, 'x', 1)",
    "REPLACE INTO audit_head (id, last_id, last_hash, lines) VALUES (1, 1, 'x', 1)",
])
def test_the_head_cannot_be_moved_back_by_hand_on_sqlite(sqlite_team: Team,
                                                         statement: str) -> None:
    _reviewed(sqlite_team)
    before = _head(sqlite_team)
    with pytest.raises(DBAPIError, match=r"the audit head moves only with the log|UNIQUE"):
        _as_owner(sqlite_team, statement)
    assert _head(sqlite_team) == before


def test_a_login_cannot_write_the_head_on_postgresql(pg_team: Team) -> None:
    _reviewed(pg_team)
    engine = create_engine(pg_team.url("alice"))
    try:
        for statement in ("UPDATE audit_head SET lines = 1", "DELETE FROM audit_head"):
            with engine.begin() as connection, pytest.raises(DBAPIError,
                                                              match="permission denied"):
                connection.execute(text(statement))
    finally:
        engine.dispose()
    assert pg_team.store("bob").verify_log()[1] is None


def test_lines_added_behind_the_heads_trigger_are_named(sqlite_team: Team) -> None:
    _reviewed(sqlite_team)
    _as_owner(sqlite_team, "DROP TRIGGER audit_head_follows")
    sqlite_team.store("alice").comment(1, "One more look")
    count, broken = sqlite_team.store("bob").verify_log()
    assert broken is not None and broken.line_id == count
    assert "added or rewritten without the database's triggers" in broken.reason


def test_a_head_deleted_behind_the_triggers_is_named(sqlite_team: Team) -> None:
    _reviewed(sqlite_team)
    _as_owner(sqlite_team, "DROP TRIGGER audit_head_no_delete", "DELETE FROM audit_head")
    count, broken = sqlite_team.store("bob").verify_log()
    assert broken is not None and broken.line_id == count + 1
    assert "record of where the log ends is gone" in broken.reason


def test_a_cut_log_whose_head_was_also_rewritten_verifies_which_the_readme_says(
        sqlite_team: Team) -> None:
    """Someone with the file who drops every trigger can move both: what verify cannot see."""
    _reviewed(sqlite_team)
    _as_owner(sqlite_team, "DROP TRIGGER audit_log_no_delete", "DROP TRIGGER audit_head_guard",
              "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
              "UPDATE audit_head SET last_id = (SELECT max(id) FROM audit_log), "
              "last_hash = (SELECT line_hash FROM audit_log ORDER BY id DESC LIMIT 1), "
              "lines = lines - 1")
    assert sqlite_team.store("bob").verify_log()[1] is None
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text(
        encoding="utf-8").split())
    assert "drops the triggers can cut the log and move its head" in readme


def _upgrade_to(url: str, revision: str) -> None:
    engine = open_engine(url)
    with engine.execution_options(**{WRITE: True}).connect() as connection, \
            connection.begin():
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_upgrading_from_0003_keeps_the_log_and_then_finds_a_cut(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/old.sqlite3"
    _upgrade_to(url, "0003")
    engine = create_engine(url)
    with engine.begin() as connection:
        for n, who in enumerate(("sam as admin", "bob as reviewer", "ann as author"), 1):
            from datetime import UTC, datetime

            from assistant.review.chain import GENESIS, line_hash

            at = datetime(2026, 1, 1, 9, n, tzinfo=UTC)
            prev = connection.execute(text(
                "SELECT line_hash FROM audit_log ORDER BY id DESC LIMIT 1")).scalar() or GENESIS
            own = line_hash(n, at, "sam", "user-added", None, None, who, prev)
            connection.execute(text(
                "INSERT INTO audit_log (id, at, actor, action, detail, prev_hash, line_hash) "
                "VALUES (:i, :at, 'sam', 'user-added', :d, :p, :h)"),
                {"i": n, "at": at.strftime("%Y-%m-%d %H:%M:%S.%f"), "d": who, "p": prev,
                 "h": own})
    engine.dispose()
    store = open_store(url, "sam")  # migrates to the newest revision
    assert store.verify_log() == (3, None)
    store.close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        connection.execute(text("DELETE FROM audit_log WHERE id = 3"))
    engine.dispose()
    store = open_store(url, "sam")
    count, broken = store.verify_log()
    assert count == 2 and broken is not None and broken.line_id == 3
    store.close()


def test_upgrading_a_team_database_from_0003_gives_its_log_a_head(pg_schema: PgSchema) -> None:
    _upgrade_to(pg_schema.url(), "0003")
    engine = create_engine(pg_schema.url())
    with engine.begin() as connection:  # lines the 0003 database chained itself
        for who in ("sam as admin", "bob as reviewer"):
            connection.execute(text(
                "INSERT INTO audit_log (at, actor, action, detail, prev_hash, line_hash) "
                "VALUES (now(), 'sam', 'user-added', :d, '', '')"), {"d": who})
    engine.dispose()
    admin = unique("rv_sam")
    pg_schema.create_login(admin)
    set_up_database(pg_schema.url(), admin)  # `db init` upgrades the schema
    store = open_store(pg_schema.url(admin))
    try:
        count, broken = store.verify_log()
        assert broken is None and count == 3  # the two above, then the admin's user-added
        engine = create_engine(pg_schema.url())
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
            connection.execute(text("DELETE FROM audit_log WHERE id = "
                                    "(SELECT max(id) FROM audit_log)"))
            connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))
        engine.dispose()
        count, broken = store.verify_log()
        assert count == 2 and broken is not None and "cut from the end" in broken.reason
    finally:
        store.close()


# -- times typed in by hand -------------------------------------------------------------


@pytest.mark.parametrize("bad", ["2026-02-30 10:00:00.000000", "yesterday", "2026-13-01",
                                 "2026-01-01 25:00:00"])
def test_review_verify_names_each_row_whose_time_is_not_a_valid_iso_time(
        sqlite_team: Team, bad: str) -> None:
    _reviewed(sqlite_team)
    _as_owner(sqlite_team, f"UPDATE reviews SET created_at = '{bad}' WHERE id = 1",
              f"UPDATE versions SET created_at = '{bad}' WHERE id = 1")
    result = CliRunner().invoke(cli, ["--db", sqlite_team.owner_url, "--user", "bob",
                                      "review", "verify"])
    assert result.exit_code == 1
    assert "the audit log is intact" in result.stdout  # the log itself was not touched
    assert (f"error: versions row 1: created_at '{bad}' is not a valid ISO time"
            in result.stderr)
    assert f"error: reviews row 1: created_at '{bad}' is not a valid ISO time" in result.stderr
    assert "unexpected" not in result.output
    as_json = CliRunner().invoke(cli, ["--db", sqlite_team.owner_url, "--user", "bob",
                                       "review", "verify", "--json"])
    assert as_json.exit_code == 1
    assert '"table": "versions"' in as_json.stdout and '"intact": true' in as_json.stdout


def test_review_verify_names_a_year_python_cannot_read_on_postgresql(pg_team: Team) -> None:
    draft_id = _reviewed(pg_team)
    _as_owner(pg_team, "ALTER TABLE drafts DISABLE TRIGGER USER",
              f"UPDATE drafts SET updated_at = '12000-01-01' WHERE id = {draft_id}",
              "ALTER TABLE drafts ENABLE TRIGGER USER")
    bad = pg_team.store("bob").bad_times()
    assert [(b.table, b.row_id, b.column) for b in bad] == [("drafts", draft_id, "updated_at")]
    assert "12000-01-01" in bad[0].message()


def test_good_times_are_not_reported(team: Team) -> None:
    _reviewed(team)
    assert team.store("bob").bad_times() == []


# -- comments ---------------------------------------------------------------------------


@pytest.mark.parametrize("comment", ["ok\n  > carol approved version 1", "\x1b[2Jfine",
                                     "looks\u200bgood", "tab\tstop", "a\u2028b"])
def test_a_comment_with_a_control_character_is_refused_naming_its_position(
        team: Team, comment: str) -> None:
    team.add(alice="author", bob="reviewer")
    alice = team.store("alice")
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1")
    alice.submit(draft.id)
    bob = team.store("bob")
    for act in (lambda: bob.approve(draft.id, comment),
                lambda: bob.request_changes(draft.id, comment),
                lambda: bob.comment(draft.id, comment)):
        with pytest.raises(InvalidInput, match="the comment has an invisible or control "
                                               "character at position"):
            act()
    assert bob.get_draft(draft.id).status == "in-review"
    assert bob.comments(draft.id) == []


def test_the_command_line_refuses_a_control_character_in_a_comment_with_exit_2(
        tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/r.sqlite3"
    run = CliRunner()
    assert run.invoke(cli, ["--db", db, "db", "init", "--admin", "sam"]).exit_code == 0
    assert run.invoke(cli, ["--db", db, "--user", "sam", "users", "add", "bob", "--role",
                            "reviewer"]).exit_code == 0
    new = run.invoke(cli, ["--db", db, "--user", "alice", "draft", "new", "--theme",
                           "harsh-life", "--audience", "journalists"])
    assert new.exit_code == 0, new.output
    result = run.invoke(cli, ["--db", db, "--user", "bob", "review", "changes", "1",
                              "--comment", "fix\x1b]0;owned\x07 this"])
    assert result.exit_code == 2
    assert "position 4 (U+001B" in result.stderr and "Traceback" not in result.output
