"""Opening the review database: SQLite by default, any SQLAlchemy URL on request.

SQLite runs in WAL mode with foreign keys on, and a writing transaction starts with
BEGIN IMMEDIATE so that writers queue behind each other instead of failing halfway. The
schema is created or migrated on first use with the migrations shipped in this package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from .errors import DatabaseUnavailable, ReviewError, VersionChanged

HEAD_REVISION = "0001"
"""The newest migration in `migrations/versions/`; a test keeps the two in step."""

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
WRITE = "review_write"  # execution option: this transaction will write
_MIGRATION_LOCK = 0x636F756E  # any fixed number: PostgreSQL advisory lock for migrations


def default_url() -> str:
    """A SQLite file in the user's data directory, created on first use."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("counterbrief"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'review.sqlite3'}"


def masked(url: str | URL) -> str:
    """The URL with any password replaced by ***, fit for an error message."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a database URL)"


def open_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default: the SQLite file), refusing clearly on a bad URL."""
    url = url or default_url()
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(
            "the database URL is not valid (expected e.g. sqlite:///path/review.sqlite3 or "
            "postgresql+psycopg://user@host/db)"
        ) from exc
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        connect_args["timeout"] = 30  # seconds to wait for another writer
    elif parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = 10
    try:
        engine = create_engine(parsed, connect_args=connect_args)
    except (NoSuchModuleError, ModuleNotFoundError, ArgumentError) as exc:
        raise DatabaseUnavailable(
            f"cannot use the database at {masked(parsed)}: {exc}. For PostgreSQL install "
            "the driver: pip install 'counterbrief[postgres]'"
        ) from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    in_memory = engine.url.database in (None, "", ":memory:")

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transactions out of the driver's hands so BEGIN is ours to write.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def database_error(exc: SQLAlchemyError, url: str | URL) -> ReviewError:
    """Turn a driver failure into one clear sentence naming the (masked) URL."""
    reason = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0] if str(exc) else ""
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return DatabaseUnavailable(
            f"the database at {masked(url)} stayed busy for too long; try again ({reason})"
        )
    if "deadlock" in lowered or "could not serialize" in lowered:
        return VersionChanged("someone else changed the draft at the same moment; look again")
    if isinstance(exc, DBAPIError) and not exc.connection_invalidated and (
        "permission denied" in lowered
    ):
        return DatabaseUnavailable(
            f"the database at {masked(url)} refused access ({reason}); an admin must run "
            "`assistant users add` for your login"
        )
    return DatabaseUnavailable(f"cannot use the database at {masked(url)}: {reason}")


def schema_revision(connection: Connection) -> str | None:
    """The migration the database is at, or None for an empty database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; safe when several processes start at once."""
    from alembic import command
    from alembic.config import Config

    with engine.execution_options(**{WRITE: True}).connect() as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                               {"k": _MIGRATION_LOCK})
        found = schema_revision(connection)
        if found == HEAD_REVISION:
            return  # another process got here first
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def ensure_schema(engine: Engine) -> None:
    """Create or migrate the schema if it is not at the newest migration."""
    with engine.connect() as connection:
        found = schema_revision(connection)
    if found == HEAD_REVISION:
        return
    known = {HEAD_REVISION} | _older_revisions()
    if found is not None and found not in known:
        raise DatabaseUnavailable(
            f"the database at {masked(engine.url)} was set up by a newer counterbrief "
            f"(schema {found}); upgrade counterbrief to use it"
        )
    migrate(engine)


def _older_revisions() -> set[str]:
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("*.py")}


def grant_access(connection: Connection, login: str, role: str) -> None:
    """PostgreSQL: let `login` use the review tables; only admins may change users.

    Nobody gets UPDATE or DELETE on the audit log or on versions and reviews.
    """
    if connection.dialect.name != "postgresql":
        return
    who = connection.dialect.identifier_preparer.quote(login)
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    schema_q = connection.dialect.identifier_preparer.quote(schema)
    users = "SELECT, INSERT, UPDATE" if role == "admin" else "SELECT"
    for statement in (
        f"GRANT USAGE ON SCHEMA {schema_q} TO {who}",
        f"GRANT SELECT ON {schema_q}.alembic_version TO {who}",
        f"GRANT {users} ON {schema_q}.users TO {who}",
        f"GRANT SELECT, INSERT, UPDATE ON {schema_q}.drafts TO {who}",
        f"GRANT SELECT, INSERT ON {schema_q}.versions, {schema_q}.reviews, "
        f"{schema_q}.audit_log TO {who}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema_q} TO {who}",
    ):
        connection.execute(text(statement))
