"""Alembic environment: always run from code with a connection handed over in
`config.attributes["connection"]` (see assistant.review.database.migrate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from assistant.review.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):  # pragma: no cover - misuse, not a user path
    raise RuntimeError("review migrations run through assistant.review.database.migrate")

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
