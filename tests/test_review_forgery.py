"""On PostgreSQL the database is the trust boundary: an author's login, typing plain SQL,
cannot approve, forge a version or a log line, or rewrite anyone's draft.

Every test logs in as a real LOGIN role (created for the test, trust authentication) and
tries one forgery; the database must refuse it, and the draft must still export as DRAFT.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import DBAPIError

from assistant.review import Export

from .review_support import BRIEF, INPUTS, PgSchema, Team

pytest_plugins = ["tests.review_fixtures"]  # the review fixtures: team, pg_team...


class Desk:
    """A draft by alice in review, a draft by carol; bob reviews."""

    def __init__(self, team: Team) -> None:
        team.add(alice="author", bob="reviewer", carol="author")
        self.team = team
        alice = team.store("alice")
        self.draft = alice.new_draft(INPUTS, BRIEF, "fp-1").id
        alice.submit(self.draft)
        self.carols = team.store("carol").new_draft(INPUTS, BRIEF + "\ncarol\n", "fp-1").id
        with self.connect("alice") as sql:
            self.ids = {name: id_ for name, id_ in sql.execute(text("SELECT name, id FROM users"))}
            self.version, self.digest = sql.execute(text(
                "SELECT id, content_hash FROM versions WHERE draft_id = :d"),
                {"d": self.draft}).one()

    def user_id(self, name: str) -> int:
        return int(self.ids[self.team.real(name)])

    @contextmanager
    def connect(self, name: str) -> Iterator[Connection]:
        """A raw connection logged in as `name`'s own PostgreSQL login."""
        engine = create_engine(self.team.url(name))
        try:
            with engine.connect() as connection:
                yield connection
        finally:
            engine.dispose()

    def refused(self, name: str, statement: str, **params: Any) -> str:
        """Run `statement` as `name`; the database must refuse it. Returns its reason."""
        with self.connect(name) as sql, pytest.raises(DBAPIError) as refused, sql.begin():
            sql.execute(text(statement), params)
        return str(refused.value.orig)

    def exported_status(self) -> str:
        lines: list[str] = []

        def write(export: Export) -> str:
            lines.append(export.status_line)
            return "test"

        self.team.store("carol").export(self.draft, write=write)
        return lines[0]


@pytest.fixture
def desk(pg_team: Team) -> Iterator[Desk]:
    made = Desk(pg_team)
    yield made
    # Whatever was tried, the draft is still in review, unapproved, and says DRAFT.
    view = made.team.store("carol").get_draft(made.draft)
    assert (view.status, view.current_number) == ("in-review", 1)
    assert view.approval_of(1) is None
    assert made.exported_status().startswith("DRAFT")
    assert made.team.store("carol").verify_log()[1] is None


REVIEW = ("INSERT INTO reviews (version_id, content_hash, reviewer_id, role, decision, "
          "comment, created_at) VALUES (:v, :h, :who, :role, 'approved', '', now())")


def test_an_author_cannot_insert_an_approval_in_a_reviewers_name(desk: Desk) -> None:
    desk.refused("alice", REVIEW, v=desk.version, h=desk.digest, who=desk.user_id("bob"),
                 role="reviewer")


def test_an_author_cannot_insert_an_approval_in_their_own_name(desk: Desk) -> None:
    reason = desk.refused("alice", REVIEW, v=desk.version, h=desk.digest,
                          who=desk.user_id("alice"), role="author")
    assert "refused" in reason


def test_an_author_cannot_claim_the_reviewer_role_on_a_review(desk: Desk) -> None:
    desk.refused("alice", REVIEW, v=desk.version, h=desk.digest, who=desk.user_id("alice"),
                 role="reviewer")


def test_a_reviewer_cannot_approve_their_own_version_with_sql(desk: Desk) -> None:
    bob = desk.team.store("bob")
    own = bob.new_draft(INPUTS, BRIEF + "\nbob's own\n", "fp-1")
    bob.submit(own.id)
    with desk.connect("bob") as sql:
        version, digest = sql.execute(text(
            "SELECT id, content_hash FROM versions WHERE draft_id = :d"), {"d": own.id}).one()
    reason = desk.refused("bob", REVIEW, v=version, h=digest, who=desk.user_id("bob"),
                          role="reviewer")
    assert "nobody may decide on their own work" in reason


@pytest.mark.parametrize("statement", [
    "UPDATE drafts SET status = 'approved' WHERE id = :d",
    "UPDATE drafts SET status = 'approved', revision = revision + 1 WHERE id = :d",
    "UPDATE drafts SET status = 'draft', revision = revision + 1 WHERE id = :d",
])
def test_an_author_cannot_update_their_own_draft_to_approved(desk: Desk,
                                                             statement: str) -> None:
    desk.refused("alice", statement, d=desk.draft)


def test_a_status_cannot_follow_a_review_on_another_version(desk: Desk) -> None:
    """bob's approval of carol's draft does not let anyone mark alice's as approved."""
    desk.team.store("carol").submit(desk.carols)
    desk.team.store("bob").approve(desk.carols)
    desk.refused("bob", "UPDATE drafts SET status = 'approved', revision = revision + 1 "
                        "WHERE id = :d", d=desk.draft)


VERSION = ("INSERT INTO versions (draft_id, number, inputs, markdown, content_hash, "
           "corpus_fingerprint, corpus_dir, author_id, note, created_at) VALUES "
           "(:d, 2, '{}', :m, encode(sha256(convert_to(:m, 'UTF8')), 'hex'), 'fp', '', :who, "
           "'', now())")


def test_an_author_cannot_insert_a_version_attributed_to_someone_else(desk: Desk) -> None:
    reason = desk.refused("alice", VERSION, d=desk.draft, m="# forged\n",
                          who=desk.user_id("bob"))
    assert "refused" in reason or "row-level security" in reason


def test_a_version_cannot_be_slipped_in_beside_the_draft(desk: Desk) -> None:
    reason = desk.refused("alice", VERSION, d=desk.draft, m="# mine, unseen\n",
                          who=desk.user_id("alice"))
    assert "without becoming its newest version" in reason


def test_a_version_whose_hash_does_not_match_its_text_is_refused(desk: Desk) -> None:
    desk.refused("alice", VERSION.replace("encode(sha256(convert_to(:m, 'UTF8')), 'hex')",
                                          "'00ab'"), d=desk.draft, m="# x\n",
                 who=desk.user_id("alice"))


@pytest.mark.parametrize("change", [
    "title = 'taken over'",
    "author_id = :me",
    "status = 'in-review', revision = revision + 1",
    "current_number = current_number + 1, revision = revision + 1",
])
def test_an_author_cannot_update_another_authors_draft(desk: Desk, change: str) -> None:
    desk.refused("alice", f"UPDATE drafts SET {change} WHERE id = :d", d=desk.carols,
                 me=desk.user_id("alice"))
    carols = desk.team.store("carol").get_draft(desk.carols)
    assert (carols.title, carols.status, carols.author) != ("taken over", "in-review", "x")
    assert carols.status == "draft" and carols.author == desk.team.real("carol")


AUDIT = ("INSERT INTO audit_log (at, actor, action, draft_id, version_hash, detail, "
         "prev_hash, line_hash) VALUES (now(), :actor, :action, :d, :h, 'version 1', '', '')")


@pytest.mark.parametrize(("actor", "action"), [
    ("bob", "approved"),
    ("alice", "approved"),
    ("bob", "exported"),
    ("alice", "submitted"),
    ("alice", "user-added"),
])
def test_an_author_cannot_insert_forged_audit_lines(desk: Desk, actor: str,
                                                    action: str) -> None:
    desk.refused("alice", AUDIT, actor=desk.team.real(actor), action=action, d=desk.draft,
                 h=desk.digest)
    assert not [e for e in desk.team.store("carol").audit_log(desk.draft)
                if e.action == action and action != "submitted"]


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET actor = 'someone else'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "DELETE FROM reviews",
    "UPDATE versions SET markdown = ''",
    "DELETE FROM drafts",
])
def test_an_author_cannot_rewrite_or_remove_what_was_recorded(desk: Desk,
                                                              statement: str) -> None:
    desk.refused("alice", statement)


def test_an_author_cannot_make_anyone_an_admin(desk: Desk) -> None:
    desk.refused("alice", "INSERT INTO users (name, role, created_at) "
                          "VALUES ('mallory', 'admin', now())")


def test_an_authors_update_of_their_own_role_changes_no_row(desk: Desk) -> None:
    with desk.connect("alice") as sql, sql.begin():
        changed = sql.execute(text(
            "UPDATE users SET role = 'admin' WHERE name = current_user")).rowcount
    assert changed == 0
    roles = {u.name: u.role for u in desk.team.store("carol").list_users()}
    assert roles[desk.team.real("alice")] == "author"


def test_a_temporary_users_table_does_not_fool_the_database(desk: Desk) -> None:
    """pg_temp comes first on the search path unless a function pins its own."""
    with desk.connect("alice") as sql, pytest.raises(DBAPIError), sql.begin():
        sql.execute(text("CREATE TEMP TABLE users (id integer, name text, role text)"))
        sql.execute(text("INSERT INTO pg_temp.users VALUES (:id, current_user, "
                         "'reviewer')"), {"id": desk.user_id("alice")})
        sql.execute(text(REVIEW), {"v": desk.version, "h": desk.digest,
                                   "who": desk.user_id("alice"), "role": "reviewer"})


def test_set_role_to_the_member_role_gains_nothing(desk: Desk, pg_schema: PgSchema) -> None:
    _owner, member = pg_schema.team_roles()
    refusal = pytest.raises(DBAPIError, match=r"refused|security")
    with desk.connect("alice") as sql, refusal, sql.begin():
        sql.execute(text(f'SET ROLE "{member}"'))
        sql.execute(text("INSERT INTO drafts (title, theme, audience, template, "
                         "author_id, status, current_number, revision, created_at, "
                         "updated_at) VALUES ('x', 't', 'a', 'p', :who, 'draft', 1, 1, "
                         "now(), now())"), {"who": desk.user_id("alice")})


def test_the_log_says_who_acted_as_the_database_saw_it(desk: Desk) -> None:
    desk.team.store("bob").approve(desk.draft, "fine")
    log = desk.team.store("carol").audit_log(desk.draft)
    assert [(e.actor, e.action) for e in log] == [
        (desk.team.real("alice"), "draft-created"),
        (desk.team.real("alice"), "submitted"),
        (desk.team.real("bob"), "approved"),
    ]
    # Put back what the fixture checks: a new version, submitted again, unapproved.
    alice = desk.team.store("alice")
    alice.edit_draft(desk.draft, INPUTS, BRIEF + "\nsecond\n", "fp-1")
    alice.submit(desk.draft)
    desk.draft = desk.team.store("alice").new_draft(INPUTS, BRIEF, "fp-1").id
    alice.submit(desk.draft)
