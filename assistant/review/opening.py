"""Opening the review desk: the database, the schema, and who is acting; and setting a
database up for a team (`assistant db init --admin NAME`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .database import database_error, ensure_schema, masked, open_engine
from .errors import IdentityMismatch, InvalidInput, NotAllowed, ReviewError
from .names import user_name
from .store import Checker, Clock, ReviewStore, utc_now
from .team import PG_LOGIN_LIMIT, create_login, login_exists, may_create_roles, team_roles
from .views import UserView


def open_store(url: str | None = None, user: str | None = None, *, os_user: str = "user",
               clock: Clock = utc_now, checker: Checker | None = None) -> ReviewStore:
    """Open (on SQLite creating or migrating on first use) the review database at `url`.

    The identity is `user` (or `os_user`) on SQLite, self-asserted; on PostgreSQL it is
    the database login, and a different `user` raises IdentityMismatch. A database that
    cannot be reached raises DatabaseUnavailable naming the URL with its password masked;
    a PostgreSQL database nobody set up raises NotSetUp saying what to run.
    """
    engine = open_engine(url)
    try:
        with engine.connect() as connection:  # who you are is settled before any change
            identity = _identity(connection.dialect.name, connection, user, os_user)
        ensure_schema(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise database_error(exc, engine.url) from exc
    except ReviewError:
        engine.dispose()
        raise
    return ReviewStore(engine, identity, clock=clock, checker=checker)


@dataclass(frozen=True)
class SetUp:
    """What `assistant db init` did."""

    database: str
    backend: str
    admin: UserView
    admin_added: bool
    login_created: bool = False
    roles: list[str] = field(default_factory=list)


def set_up_database(url: str | None, admin: str, user: str | None = None, *,
                    os_user: str = "user", clock: Clock = utc_now) -> SetUp:
    """Create or upgrade the review schema at `url` and register `admin` as its first admin.

    PostgreSQL: run as a login that may create roles; the owner and member roles are
    created, the tables handed to the owner, and `admin` (a login, created without a
    password if missing) made a member who may add others. SQLite: the schema and the
    admin. Run again, it upgrades the schema and changes nothing else.
    """
    admin = user_name(admin, "admin name")
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            backend = connection.dialect.name
            identity = _identity(backend, connection, user, os_user)
            created = False
            roles: list[str] = []
            if backend == "postgresql":
                if len(admin.encode()) > PG_LOGIN_LIMIT:
                    raise InvalidInput(f"a PostgreSQL login has at most {PG_LOGIN_LIMIT} "
                                       f"bytes; '{admin}' has {len(admin.encode())}")
                if not may_create_roles(connection):
                    raise NotAllowed(
                        f"`db init` sets up roles and grants, so it runs as a login that "
                        f"may create roles (a superuser such as postgres, or CREATEROLE); "
                        f"'{identity}' may not. Ask whoever administers the server")
                roles = list(team_roles(connection))
        ensure_schema(engine, setting_up=True)
        store = ReviewStore(engine, identity, clock=clock)
        store.check_set_up(admin)  # a refused set-up makes no login
        if backend == "postgresql":
            with engine.connect() as connection:
                if not login_exists(connection, admin):
                    create_login(connection, admin)
                    connection.commit()
                    created = True
        view, added = store.set_up(admin)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise database_error(exc, engine.url) from exc
    except ReviewError:
        engine.dispose()
        raise
    engine.dispose()
    return SetUp(database=masked(engine.url), backend=backend, admin=view,
                 admin_added=added, login_created=created, roles=roles)


def _identity(dialect: str, connection: Any, requested: str | None, os_user: str) -> str:
    if dialect != "postgresql":
        return user_name(os_user if requested is None else requested)
    login, session = connection.execute(text("SELECT current_user, session_user")).one()
    login = str(login)
    if requested is not None and user_name(requested) != login:
        raise IdentityMismatch(
            f"on PostgreSQL you act as your database login '{login}'; --user/ASSISTANT_USER "
            f"'{requested}' cannot change that. Connect as '{requested}' or drop --user."
        )
    if login != str(session):
        raise IdentityMismatch(f"connect as your own login: this session is '{session}' "
                               f"acting as '{login}' (SET ROLE), which review refuses")
    return user_name(login, "database login")
