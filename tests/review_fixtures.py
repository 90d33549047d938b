"""Review test fixtures: a team of users on a fresh SQLite file or a fresh PostgreSQL schema.

PostgreSQL tests need ASSISTANT_TEST_DATABASE_URL (`.ci/run` sets it). Each test gets its
own schema (search_path) and its own login roles, named after the xdist worker and a
random suffix so parallel runs never collide; all are dropped afterwards. Test modules
load this file with `pytest_plugins = ["tests.review_fixtures"]`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from .review_support import PG_ENV, PG_HOWTO, PgSchema, Team, unique


@pytest.fixture
def sqlite_team(tmp_path: object) -> Iterator[Team]:
    url = f"sqlite:///{tmp_path}/review.sqlite3"
    team = Team("sqlite", url, lambda _name: url)
    yield team
    team.close()


@pytest.fixture
def pg_schema() -> Iterator[PgSchema]:
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(PG_HOWTO)
    engine = create_engine(admin_url)
    schema = unique("review")
    try:
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # the variable is set: an unreachable server is a failure
        pytest.fail(f"cannot reach the PostgreSQL server in {PG_ENV}: {exc}")
    created = PgSchema(admin_url, schema, engine)
    yield created
    with engine.begin() as connection:
        team_roles = connection.execute(text(
            "SELECT rolname FROM pg_roles WHERE rolname IN (:owner, :member)"),
            dict(zip(("owner", "member"), created.team_roles(), strict=True))).scalars().all()
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        for login in [*created.logins, *team_roles]:
            connection.execute(text(f'DROP OWNED BY "{login}"'))
            connection.execute(text(f'DROP ROLE "{login}"'))
    engine.dispose()


@pytest.fixture
def pg_team(pg_schema: PgSchema) -> Iterator[Team]:
    team = Team("postgresql", pg_schema.url(), pg_schema.url,
                create_login=pg_schema.create_login)
    yield team
    team.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def team(request: pytest.FixtureRequest) -> Team:
    """The same team on SQLite and on PostgreSQL (skipped without a server)."""
    name = {"sqlite": "sqlite_team", "postgresql": "pg_team"}[request.param]
    return request.getfixturevalue(name)  # type: ignore[no-any-return]
