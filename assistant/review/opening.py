"""Opening the review desk: the database, the schema, and who is acting."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .database import database_error, ensure_schema, open_engine
from .errors import IdentityMismatch, ReviewError
from .store import Checker, Clock, ReviewStore, utc_now


def open_store(url: str | None = None, user: str | None = None, *, os_user: str = "user",
               clock: Clock = utc_now, checker: Checker | None = None) -> ReviewStore:
    """Open (creating or migrating on first use) the review database at `url`.

    The identity is `user` (or `os_user`) on SQLite; on PostgreSQL it is the database
    login, and a different `user` raises IdentityMismatch. A database that cannot be
    reached raises DatabaseUnavailable naming the URL with its password masked.
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


def _identity(dialect: str, connection: Any, requested: str | None, os_user: str) -> str:
    if dialect != "postgresql":
        return (requested or os_user).strip()
    login = str(connection.execute(text("SELECT current_user")).scalar_one())
    if requested and requested != login:
        raise IdentityMismatch(
            f"on PostgreSQL you act as your database login '{login}'; --user/ASSISTANT_USER "
            f"'{requested}' cannot change that. Connect as '{requested}' or drop --user."
        )
    return login
