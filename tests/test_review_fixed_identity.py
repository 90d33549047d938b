"""On PostgreSQL who wrote and who approved never changes after the fact: user names and
ids are fixed once made, and every time is the database's own clock, whatever a login
types in plain SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import DBAPIError

from assistant.review import Export, NotAllowed

from .review_support import BRIEF, INPUTS, Team

pytest_plugins = ["tests.review_fixtures"]  # the review fixtures: pg_team...


@contextmanager
def _sql(team: Team, name: str) -> Iterator[Connection]:
    engine = create_engine(team.url(name))
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def _refused(team: Team, name: str, statement: str) -> str:
    with _sql(team, name) as sql, pytest.raises(DBAPIError) as refused, sql.begin():
        sql.execute(text(statement))
    return str(refused.value.orig)


def _status_line(team: Team, name: str, draft_id: int) -> str:
    lines: list[str] = []

    def write(export: Export) -> str:
        lines.append(export.status_line)
        return "test"

    team.store(name).export(draft_id, write=write)
    return lines[0]


def test_an_admin_cannot_swap_names_to_approve_their_own_draft(pg_team: Team) -> None:
    pg_team.add(bob="reviewer")
    admin = pg_team.real("admin")
    own = pg_team.owner().new_draft(INPUTS, BRIEF, "fp-1").id
    pg_team.owner().submit(own)
    with _sql(pg_team, "admin") as sql, sql.begin():
        sql.execute(text("INSERT INTO users (name, role, created_at) "
                         "VALUES ('tmpx', 'reviewer', now())"))
        ids = dict(sql.execute(text("SELECT name, id FROM users")).all())
    reason = _refused(pg_team, "admin", (
        f"UPDATE users SET name = CASE id WHEN {ids[admin]} THEN 'old' "
        f"WHEN {ids['tmpx']} THEN '{admin}' END WHERE id IN ({ids[admin]}, {ids['tmpx']})"))
    assert "never change" in reason or "permission denied" in reason
    with pytest.raises(NotAllowed, match="their own work"):
        pg_team.owner().approve(own)
    assert _status_line(pg_team, "bob", own).startswith("DRAFT")


def test_renaming_a_reviewer_cannot_rewrite_who_approved(pg_team: Team) -> None:
    pg_team.add(alice="author", bob="reviewer")
    draft = pg_team.store("alice").new_draft(INPUTS, BRIEF, "fp-1").id
    pg_team.store("alice").submit(draft)
    pg_team.store("bob").approve(draft)
    bob = pg_team.real("bob")
    _refused(pg_team, "admin", f"UPDATE users SET name = 'zed' WHERE name = '{bob}'")
    _refused(pg_team, "admin", f"UPDATE users SET id = 999 WHERE name = '{bob}'")
    _refused(pg_team, "admin", "UPDATE users SET created_at = '1999-01-01' "
                               f"WHERE name = '{bob}'")
    assert _status_line(pg_team, "alice", draft).startswith(f"Approved by {bob} ")


def test_a_role_change_by_sql_is_logged(pg_team: Team) -> None:
    pg_team.add(carol="author")
    carol = pg_team.real("carol")
    with _sql(pg_team, "admin") as sql, sql.begin():
        sql.execute(text(f"UPDATE users SET role = 'reviewer' WHERE name = '{carol}'"))
    log = pg_team.store("carol").audit_log()
    assert (log[-1].action, log[-1].detail) == ("role-changed",
                                                 f"{carol}: author -> reviewer")
    assert pg_team.store("carol").verify_log()[1] is None


@pytest.mark.parametrize("moment", ["12000-01-01", "0500-06-01", "1999-01-01"])
def test_a_time_typed_into_the_log_is_replaced_by_the_databases(pg_team: Team,
                                                                 moment: str) -> None:
    pg_team.add(alice="author")
    alice = pg_team.real("alice")
    before = datetime.now(UTC) - timedelta(minutes=5)
    with _sql(pg_team, "alice") as sql, sql.begin():
        sql.execute(text(
            "INSERT INTO audit_log (at, actor, action, detail, prev_hash, line_hash) "
            f"VALUES ('{moment}', '{alice}', 'exported', 'x', '', '')"))
    store = pg_team.store("alice")
    line = store.audit_log()[-1]
    assert line.action == "exported" and line.at >= before
    assert store.verify_log()[1] is None
    assert store.list_queue() == []


def test_rows_take_the_databases_time_not_the_clients(pg_team: Team) -> None:
    pg_team.add(alice="author")
    before = datetime.now(UTC) - timedelta(minutes=5)
    view = pg_team.store("alice").new_draft(INPUTS, BRIEF, "fp-1")  # fake clock: 2026-03
    view = pg_team.store("alice").get_draft(view.id)
    assert view.created_at >= before and view.updated_at >= before
    assert view.versions[0].created_at >= before
    assert all(line.at >= before for line in pg_team.store("alice").audit_log())


def test_a_draft_without_its_version_one_is_refused(pg_team: Team) -> None:
    pg_team.add(alice="author")
    alice = pg_team.real("alice")
    reason = _refused(pg_team, "alice", (
        "INSERT INTO drafts (title, theme, audience, template, author_id, status, "
        "current_number, revision, created_at, updated_at) SELECT 'empty', 'harsh-life', "
        "'journalists', 'press-brief', id, 'draft', 1, 1, now(), now() FROM users "
        f"WHERE name = '{alice}'"))
    assert "without its version 1" in reason
    assert pg_team.store("alice").list_queue() == []


def test_a_line_with_an_unreadable_time_from_before_the_stamps_is_reported(
        pg_team: Team) -> None:
    """A line typed in before migration 0003 (here: by the owner, its stamp lifted)."""
    pg_team.add(alice="author")
    alice = pg_team.real("alice")
    pg_team.store("alice").new_draft(INPUTS, BRIEF, "fp-1")
    engine = create_engine(pg_team.owner_url)
    with engine.begin() as sql:
        sql.execute(text("ALTER TABLE audit_log DISABLE TRIGGER review_a_stamp"))
        sql.execute(text("INSERT INTO audit_log (at, actor, action, detail, prev_hash, "
                         f"line_hash) VALUES ('12000-01-01', '{alice}', 'exported', 'x', "
                         "'', '')"))
        sql.execute(text("ALTER TABLE audit_log ENABLE TRIGGER review_a_stamp"))
        bad = sql.execute(text("SELECT max(id) FROM audit_log")).scalar_one()
    engine.dispose()
    store = pg_team.store("alice")
    log = store.audit_log()
    assert log[-1].id == bad and log[-1].detail.startswith("(bad line: its time is outside")
    count, broken = store.verify_log()
    assert count == len(log) and broken is not None and broken.line_id == bad
    assert len(store.list_queue()) == 1
