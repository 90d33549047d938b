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

from .errors import DatabaseUnavailable, NotAllowed, NotSetUp, ReviewError, VersionChanged

HEAD_REVISION = "0005"
"""The newest migration in `migrations/versions/`; a test keeps the two in step."""

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
WRITE = "review_write"  # execution option: this transaction will write
_MIGRATION_LOCK = 0x636F756E  # any fixed number: PostgreSQL advisory lock for migrations


def default_url() -> str:
    """A SQLite file in the user's data directory, created on first use."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("counterbrief"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # read-only HOME, XDG_DATA_HOME a file, /proc...
        raise DatabaseUnavailable(
            f"cannot make the data folder {folder} for the review database "
            f"({exc.strerror or exc}); set XDG_DATA_HOME to a folder you can write, or "
            "give --db sqlite:///PATH") from exc
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
        _refuse_foreign_file(parsed)
        _configure_sqlite(engine)
    return engine


SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_foreign_file(url: URL) -> None:
    """An empty or non-SQLite file at the path is somebody's file: never write over it."""
    name = url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name)
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseUnavailable(f"{path} is a folder, not a review database; give a file "
                                  "path with --db sqlite:///PATH")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseUnavailable(f"cannot read the review database {path}: "
                                  f"{exc.strerror or exc}") from exc
    if not head:
        raise DatabaseUnavailable(
            f"{path} is an empty file, not a review database; it was left as it is. Remove "
            "it to start a new database there, or give another --db")
    if head != SQLITE_HEADER:
        raise DatabaseUnavailable(
            f"{path} is not a SQLite database (it may be another program's file); it was "
            "left as it is. Give the path of a review database, or a new file, with --db")


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
    if reason.startswith("refused: "):  # the database's own rules (migration 0002)
        return NotAllowed(reason.removeprefix("refused: "))
    if isinstance(exc, DBAPIError) and not exc.connection_invalidated and (
        "permission denied" in lowered
    ):
        return DatabaseUnavailable(
            f"the database at {masked(url)} refused access ({reason}); an admin must run "
            "`assistant users add YOUR_LOGIN --role ROLE` for your login"
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


def ensure_schema(engine: Engine, *, setting_up: bool = False) -> None:
    """Create or migrate the schema if it is not at the newest migration.

    SQLite is set up on first use. A PostgreSQL database is set up (and upgraded) only by
    `assistant db init` (`setting_up`), run by a login that may create roles; anyone else
    is told exactly what to run (NotSetUp).
    """
    with engine.connect() as connection:
        found = schema_revision(connection)
        foreign = found is None and bool(inspect(connection).get_table_names())
    if found == HEAD_REVISION:
        return
    known = {HEAD_REVISION} | _older_revisions()
    if found is not None and found not in known:
        raise DatabaseUnavailable(
            f"the database at {masked(engine.url)} was set up by a newer counterbrief "
            f"(schema {found}); upgrade counterbrief to use it"
        )
    if foreign and engine.dialect.name == "sqlite":
        raise DatabaseUnavailable(
            f"{engine.url.database} is a SQLite database of another program (it has tables "
            "but no review schema); it was left as it is. Give another --db")
    if engine.dialect.name == "postgresql" and not setting_up:
        from .team import setup_command

        state = "is not set up for review yet" if found is None else (
            f"needs its review schema upgraded (it is at {found}, this counterbrief needs "
            f"{HEAD_REVISION})")
        raise NotSetUp(
            f"the team database at {masked(engine.url)} {state}. Whoever administers the "
            f"server runs, as a login that may create roles (e.g. postgres):\n  "
            f"{setup_command(masked(engine.url.set(username='postgres', password=None)))}"
            f"\nwith NAME the login of the team's "
            "first admin; the README's team section has the steps")
    migrate(engine)


def _older_revisions() -> set[str]:
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("*.py")}
