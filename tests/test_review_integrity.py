"""What a reviewer approved is what goes out: tamper detection, an append-only log,
migrations that match the models, identity on PostgreSQL, and a database that is down."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from assistant.compose.citations import long_date
from assistant.review import (
    ContentTampered,
    DatabaseUnavailable,
    Export,
    IdentityMismatch,
    NotAllowed,
    open_store,
)
from assistant.review.database import HEAD_REVISION, MIGRATIONS_DIR, schema_revision
from assistant.review.models import Base

from .review_support import BRIEF, INPUTS, PgSchema, Team

pytest_plugins = ["tests.review_fixtures"]  # the review fixtures: team, pg_team...


def _approved(team: Team) -> int:
    team.add(alice="author", bob="reviewer")
    alice = team.store("alice")
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1")
    alice.submit(draft.id)
    team.store("bob").approve(draft.id)
    return draft.id


def _sql(team: Team, statement: str) -> None:
    engine = create_engine(team.owner_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def test_export_refuses_a_version_whose_text_was_changed_with_sql(team: Team) -> None:
    draft_id = _approved(team)
    _sql(team, "UPDATE versions SET markdown = replace(markdown, 'victories', 'defeats')")
    alice = team.store("alice")
    with pytest.raises(ContentTampered, match="changed outside counterbrief") as refused:
        alice.export(draft_id, write=lambda _export: pytest.fail("nothing may be written"))
    assert "It was approved, but not in this form" in str(refused.value)
    assert alice.audit_log(draft_id)[-1].action == "export-refused"


def test_export_refuses_when_text_and_hash_were_both_replaced(team: Team) -> None:
    draft_id = _approved(team)
    forged = "# Something else\n"
    import hashlib

    digest = hashlib.sha256(forged.encode()).hexdigest()
    _sql(team, f"UPDATE versions SET markdown = '{forged}', content_hash = '{digest}'")
    with pytest.raises(ContentTampered):
        team.store("alice").export(draft_id)


def test_an_intact_approved_export_names_the_approver_and_hash(team: Team) -> None:
    draft_id = _approved(team)
    written: list[str] = []

    def write(export: Export) -> str:
        written.append(export.status_line)
        return "brief.md"

    export = team.store("alice").export(draft_id, write=write)
    # SQLite keeps the app's (here fake) clock; PostgreSQL stamps the time itself.
    approval = team.store("alice").get_draft(draft_id).approval_of(1)
    assert approval is not None
    day = ("2 March 2026" if team.backend == "sqlite"
           else long_date(approval.approved_at.date().isoformat()))
    assert written == [f"Approved by {team.real('bob')} on {day}, "
                       f"version {export.version.content_hash[:12]}"]
    assert team.store("alice").audit_log(draft_id)[-1].detail == (
        "version 1 (approved) to brief.md")


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET actor = 'someone else'",
    "DELETE FROM audit_log",
])
def test_the_database_refuses_to_rewrite_the_audit_log(team: Team, statement: str) -> None:
    _approved(team)
    with pytest.raises(DBAPIError, match="append-only"):
        _sql(team, statement)


def test_migrations_build_exactly_the_tables_the_models_describe(team: Team) -> None:
    team.owner()  # first use creates the schema
    engine = create_engine(team.owner_url)
    try:
        with engine.connect() as connection:
            assert schema_revision(connection) == HEAD_REVISION
            differences = compare_metadata(MigrationContext.configure(connection),
                                           Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_the_head_revision_constant_names_the_newest_migration() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_first_use_of_an_empty_sqlite_file_creates_the_schema_in_wal_mode(
        tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/new.sqlite3"
    store = open_store(url, "alice")
    draft = store.new_draft(INPUTS, BRIEF, "fp-1")
    store.close()
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("SELECT count(*) FROM drafts").scalar() == 1
    engine.dispose()
    assert open_store(url, "bob").get_draft(draft.id).current.markdown == BRIEF


def test_foreign_keys_are_enforced_on_sqlite(sqlite_team: Team) -> None:
    sqlite_team.owner()
    store = sqlite_team.store("alice")
    with store.engine.begin() as connection, pytest.raises(DBAPIError, match="FOREIGN KEY"):
        connection.exec_driver_sql(
            "INSERT INTO versions (draft_id, number, inputs, markdown, content_hash, "
            "corpus_fingerprint, author_id, note, created_at) "
            "VALUES (99, 1, '{}', '', '', '', 99, '', '2026-01-01')")


def test_a_database_that_is_down_is_named_with_its_password_masked() -> None:
    with pytest.raises(DatabaseUnavailable) as refused:
        open_store("postgresql+psycopg://editor:s3cret@127.0.0.1:1/briefs", None)
    message = str(refused.value)
    assert "postgresql+psycopg://editor:***@127.0.0.1:1/briefs" in message
    assert "s3cret" not in message


def test_a_sqlite_file_that_cannot_be_opened_is_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/missing/dir/review.sqlite3"
    with pytest.raises(DatabaseUnavailable, match=r"missing/dir/review\.sqlite3"):
        open_store(url, "alice")


def test_on_postgresql_the_login_is_the_identity(pg_team: Team) -> None:
    pg_team.add(bob="reviewer")
    assert pg_team.store("bob").user == pg_team.real("bob")
    with pytest.raises(IdentityMismatch, match="cannot change that"):
        open_store(pg_team.url("bob"), "alice")


def test_on_postgresql_an_unregistered_login_may_not_write(pg_team: Team,
                                                          pg_schema: PgSchema) -> None:
    pg_team.owner()
    stranger = pg_team.real("stranger")  # a login, but no review user
    with pg_schema.engine.begin() as connection:
        connection.execute(text(f'GRANT USAGE ON SCHEMA "{pg_schema.schema}" TO "{stranger}"'))
        connection.execute(text(
            f'GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA "{pg_schema.schema}" TO "{stranger}"'))
    with pytest.raises(NotAllowed, match="not a user of this review database"):
        pg_team.store("stranger").new_draft(INPUTS, BRIEF, "fp-1")


def test_on_postgresql_a_reviewer_login_cannot_rewrite_versions(pg_team: Team) -> None:
    pg_team.add(bob="reviewer")
    engine = create_engine(pg_team.url("bob"))
    try:
        with engine.begin() as connection, pytest.raises(DBAPIError, match="permission denied"):
            connection.execute(text("UPDATE versions SET markdown = ''"))
    finally:
        engine.dispose()
