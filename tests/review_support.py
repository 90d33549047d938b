"""What the review tests share: sample content, a fake clock, and a `Team` of users on
one review database (SQLite file or PostgreSQL schema). Fixtures: review_fixtures.py."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from assistant.compose.brief import BriefInputs
from assistant.review import ReviewStore, open_store, set_up_database

PG_ENV = "ASSISTANT_TEST_DATABASE_URL"
PG_HOWTO = (
    f"PostgreSQL review tests need {PG_ENV}; run them with "
    f"{PG_ENV}=postgresql+psycopg://postgres@127.0.0.1:5432/test .venv/bin/pytest "
    "(or .ci/run, which sets it)"
)
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
INPUTS = BriefInputs(theme="harsh-life", audience="journalists")
BRIEF = "# Harsh life\n\n**DRAFT: not yet approved. Do not publish or circulate outside the team.**\n\n> \"It's not all victories.\" [1]\n"


class Clock:
    """A clock that moves one minute each time it is read: no real time in tests."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def unique(prefix: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"{prefix}_{worker}_{uuid.uuid4().hex[:8]}".lower()


@dataclass
class Team:
    """Named people on one review database. `store(name)` acts as that person."""

    backend: str
    owner_url: str
    login_url: Callable[[str], str]
    clock: Clock = field(default_factory=Clock)
    names: dict[str, str] = field(default_factory=dict)
    create_login: Callable[[str], None] = lambda _name: None
    stores: list[ReviewStore] = field(default_factory=list)
    set_up: bool = False

    def real(self, name: str) -> str:
        """The user name in the database (PostgreSQL logins carry a unique suffix)."""
        if name not in self.names:
            self.names[name] = name if self.backend == "sqlite" else unique(f"rv_{name}")
            self.create_login(self.names[name])
        return self.names[name]

    def owner(self) -> ReviewStore:
        """The team's first admin, made by `db init` (run by the server's superuser on
        PostgreSQL) the first time it is asked for."""
        admin = self.real("admin")
        if not self.set_up:
            set_up_database(self.owner_url, admin, None if self.backend == "postgresql"
                            else admin, clock=self.clock)
            self.set_up = True
        return self._open(self.login_url(admin), admin)

    def add(self, **roles: str) -> Team:
        owner = self.owner()
        for name, role in roles.items():
            owner.add_user(self.real(name), role)
        return self

    def store(self, name: str, checker: object = None) -> ReviewStore:
        store = self._open(self.login_url(self.real(name)), self.real(name))
        store.checker = checker  # type: ignore[assignment]
        return store

    def url(self, name: str) -> str:
        return self.login_url(self.real(name))

    def _open(self, url: str, user: str) -> ReviewStore:
        store = open_store(url, None if self.backend == "postgresql" else user,
                           clock=self.clock)
        self.stores.append(store)
        return store

    def close(self) -> None:
        for store in self.stores:
            store.close()


@dataclass
class PgSchema:
    admin_url: str
    schema: str
    engine: Engine
    logins: list[str] = field(default_factory=list)

    def url(self, login: str | None = None) -> str:
        url = make_url(self.admin_url).update_query_dict(
            {"options": f"-csearch_path={self.schema}"})
        if login is not None:
            url = url.set(username=login, password=None)
        return url.render_as_string(hide_password=False)

    def team_roles(self) -> tuple[str, str]:
        """The owner and member roles `db init` makes for this schema."""
        from assistant.review.team import team_roles

        engine = create_engine(self.url())
        try:
            with engine.connect() as connection:
                return team_roles(connection)
        finally:
            engine.dispose()

    def create_login(self, name: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(text(f'CREATE ROLE "{name}" LOGIN'))
        self.logins.append(name)
