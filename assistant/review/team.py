"""Setting up a review database for a team, and letting logins use it (PostgreSQL).

On PostgreSQL a review database has two roles of its own, named after the database and
schema: an owner (nobody logs in as it) that owns the tables, triggers and policies, and a
member role that every registered login belongs to. Members may read everything and write
only through the policies and triggers of migration 0002, which bind each row to the
acting login. `init_database` (the `assistant db init --admin NAME` command) creates both,
migrates, and registers the first admin; on SQLite it migrates and registers the admin.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from sqlalchemy import Connection, Engine, text

PG_LOGIN_LIMIT = 63  # PostgreSQL truncates longer identifiers


def team_roles(connection: Connection) -> tuple[str, str]:
    """The owner and member role names of the review tables this connection uses."""
    database, schema = connection.execute(
        text("SELECT current_database(), current_schema()")).one()
    stem = re.sub(r"[^a-z0-9_]+", "_", f"cb_{database}_{schema}".lower())
    if len(stem) > 48:
        digest = hashlib.sha256(f"{database}.{schema}".encode()).hexdigest()[:8]
        stem = f"{stem[:39]}_{digest}"
    return f"{stem}_owner", f"{stem}_member"


def grant_access(connection: Connection, login: str, role: str) -> None:
    """PostgreSQL: make `login` a member of the review database (admins may pass it on).

    The member role can read every table and write only through the database's own rules;
    nobody gets UPDATE or DELETE on the audit log, versions or reviews.
    """
    if connection.dialect.name != "postgresql":
        return
    _owner, member = team_roles(connection)
    quote = connection.dialect.identifier_preparer.quote
    if role == "admin":
        connection.execute(text(f"GRANT {quote(member)} TO {quote(login)} WITH ADMIN OPTION"))
    else:
        connection.execute(text(f"GRANT {quote(member)} TO {quote(login)}"))
        has_admin = connection.execute(text(
            "SELECT admin_option FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = :r AND u.rolname = :u"),
            {"r": member, "u": login}).scalar()
        if has_admin:
            connection.execute(text(
                f"REVOKE ADMIN OPTION FOR {quote(member)} FROM {quote(login)}"))


def login_exists(connection: Connection, login: str) -> bool:
    return bool(connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :n AND rolcanlogin"), {"n": login}
    ).scalar())


def create_login(connection: Connection, login: str) -> None:
    """CREATE ROLE login LOGIN (no password: the server's authentication rules decide)."""
    quote = connection.dialect.identifier_preparer.quote
    connection.execute(text(f"CREATE ROLE {quote(login)} LOGIN"))


def may_create_roles(connection: Connection) -> bool:
    row: Any = connection.execute(text(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    return bool(row)


def setup_command(url: str, admin: str = "NAME") -> str:
    """What to run to set the database at `url` up, as a command line."""
    return f"assistant --db '{url}' db init --admin {admin}"


def on_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
