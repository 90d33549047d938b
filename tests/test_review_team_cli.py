"""A team database on PostgreSQL, set up as the README's team section says: `db init` by
the server's superuser, `users add` by the admin, then everyone works as their own login."""

from __future__ import annotations

import json

from click.testing import CliRunner, Result
from sqlalchemy import text

from assistant.cli import cli

from .review_support import PgSchema, unique

pytest_plugins = ["tests.review_fixtures"]  # the review fixtures: pg_schema...


def _as(url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


def _login(pg_schema: PgSchema, name: str) -> tuple[str, str]:
    login = unique(f"rv_{name}")
    pg_schema.create_login(login)
    return login, pg_schema.url(login)


def test_the_first_draft_on_a_database_nobody_set_up_says_what_to_run(
        pg_schema: PgSchema) -> None:
    _alice, alice_url = _login(pg_schema, "alice")
    for url in (alice_url, pg_schema.url()):
        result = _as(url, "draft", "new", "--theme", "harsh-life", "--audience",
                     "journalists")
        assert result.exit_code == 1, result.output
        assert "is not set up for review yet" in result.stderr
        assert (f"  assistant --db '{pg_schema.url('postgres')}' db init --admin NAME"
                in result.stderr)
        assert "Traceback" not in result.output


def test_db_init_needs_a_login_that_may_create_roles(pg_schema: PgSchema) -> None:
    _alice, alice_url = _login(pg_schema, "alice")
    result = _as(alice_url, "db", "init", "--admin", "sam")
    assert result.exit_code == 1
    assert "runs as a login that may create roles" in result.stderr


def test_a_team_is_set_up_in_three_commands_and_works(pg_schema: PgSchema) -> None:
    sam, sam_url = _login(pg_schema, "sam")
    alice, alice_url = _login(pg_schema, "alice")
    bob, bob_url = _login(pg_schema, "bob")
    made = _as(pg_schema.url(), "db", "init", "--admin", sam, "--json")
    assert made.exit_code == 0, made.output
    owner, member = json.loads(made.stdout)["roles"]
    assert owner.endswith("_owner") and member.endswith("_member")
    for name, role in ((alice, "author"), (bob, "reviewer")):
        added = _as(sam_url, "users", "add", name, "--role", role)
        assert added.exit_code == 0, added.output
    created = _as(alice_url, "draft", "new", "--theme", "harsh-life", "--audience",
                  "journalists")
    assert created.exit_code == 0, created.output
    draft = created.stdout.strip()
    assert _as(alice_url, "review", "submit", draft).exit_code == 0
    own = _as(alice_url, "review", "approve", draft)
    assert own.exit_code == 1 and "only reviewers and admins may approve" in own.stderr
    assert _as(bob_url, "review", "approve", draft, "--comment", "Ready").exit_code == 0
    exported = _as(alice_url, "draft", "export", draft)
    assert f"Approved by {bob} on " in exported.stdout
    verified = _as(alice_url, "review", "verify")
    assert verified.exit_code == 0, verified.output
    log = json.loads(_as(alice_url, "review", "log", "--json").stdout)
    assert [(e["actor"], e["action"]) for e in log] == [
        ("postgres", "user-added"), (sam, "user-added"), (sam, "user-added"),
        (alice, "draft-created"), (alice, "submitted"), (alice, "refused"),
        (bob, "approved"), (alice, "exported")]


def test_an_admin_cannot_add_a_login_that_does_not_exist(pg_schema: PgSchema) -> None:
    sam, sam_url = _login(pg_schema, "sam")
    assert _as(pg_schema.url(), "db", "init", "--admin", sam).exit_code == 0
    result = _as(sam_url, "users", "add", "nobody_has_this_login", "--role", "author")
    assert result.exit_code == 1
    assert 'CREATE ROLE "nobody_has_this_login" LOGIN' in result.stderr


def test_db_init_creates_the_first_admins_login_when_it_is_missing(
        pg_schema: PgSchema) -> None:
    sam = unique("rv_sam")
    pg_schema.logins.append(sam)  # dropped afterwards, like the test's own logins
    made = _as(pg_schema.url(), "db", "init", "--admin", sam)
    assert made.exit_code == 0, made.output
    assert f"created the PostgreSQL login '{sam}'" in made.stdout
    listed = _as(pg_schema.url(sam), "users", "list", "--json")
    assert [(u["name"], u["role"]) for u in json.loads(listed.stdout)] == [(sam, "admin")]


def test_a_database_set_up_before_the_roles_existed_is_upgraded_by_db_init(
        pg_schema: PgSchema) -> None:
    """Version 0001 granted each login its own rights; db init takes them back."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from assistant.review.database import MIGRATIONS_DIR

    alice, alice_url = _login(pg_schema, "alice")
    sam, sam_url = _login(pg_schema, "sam")
    engine = create_engine(pg_schema.url())
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text("INSERT INTO users (name, role, created_at) VALUES "
                                "(:a, 'author', now()), (:s, 'admin', now())"),
                           {"a": alice, "s": sam})
        connection.execute(text(f'GRANT USAGE ON SCHEMA "{pg_schema.schema}" TO "{alice}"'))
        connection.execute(text(f'GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA '
                                f'"{pg_schema.schema}" TO "{alice}"'))
    engine.dispose()
    stale = _as(alice_url, "review", "list")
    assert stale.exit_code == 1 and "needs its review schema upgraded" in stale.stderr
    assert _as(pg_schema.url(), "db", "init", "--admin", sam).exit_code == 0
    assert _as(alice_url, "draft", "new", "--theme", "harsh-life", "--audience",
               "journalists").exit_code == 0
    forged = create_engine(alice_url)
    try:
        with forged.begin() as connection:
            changed = connection.execute(text(
                "UPDATE users SET role = 'admin' WHERE name = current_user")).rowcount
    finally:
        forged.dispose()
    assert changed == 0
    assert _as(sam_url, "users", "add", alice, "--role", "reviewer").exit_code == 0


def test_an_admin_made_an_author_can_no_longer_pass_membership_on(
        pg_schema: PgSchema) -> None:
    sam, sam_url = _login(pg_schema, "sam")
    dana, dana_url = _login(pg_schema, "dana")
    erin, _erin_url = _login(pg_schema, "erin")
    assert _as(pg_schema.url(), "db", "init", "--admin", sam).exit_code == 0
    assert _as(sam_url, "users", "add", dana, "--role", "admin").exit_code == 0
    assert _as(sam_url, "users", "add", dana, "--role", "author").exit_code == 0
    refused = _as(dana_url, "users", "add", erin, "--role", "author")
    assert refused.exit_code == 1 and "only admins may add users" in refused.stderr
    from sqlalchemy import create_engine, text

    engine = create_engine(dana_url)
    try:
        with engine.connect() as connection:
            admin_option = connection.execute(text(
                "SELECT bool_or(admin_option) FROM pg_auth_members m "
                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = current_user")
            ).scalar()
    finally:
        engine.dispose()
    assert admin_option is False


def test_a_refused_db_init_on_a_set_up_database_creates_no_login(
        pg_schema: PgSchema) -> None:
    sam, _sam_url = _login(pg_schema, "sam")
    assert _as(pg_schema.url(), "db", "init", "--admin", sam).exit_code == 0
    newcomer = unique("rv_newcomer")
    refused = _as(pg_schema.url(), "db", "init", "--admin", newcomer)
    assert refused.exit_code == 1, refused.output
    assert "already set up; its admins are" in refused.stderr
    with pg_schema.engine.connect() as sql:
        made = sql.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                           {"n": newcomer}).scalar()
    if made:  # clean up what the refused command should not have made
        pg_schema.logins.append(newcomer)
    assert made is None
