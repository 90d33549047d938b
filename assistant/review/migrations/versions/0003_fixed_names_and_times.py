"""Who and when are the database's to say: a user's name, id and creation time never
change (only the role does, and that is logged), every timestamp is the database's own
clock whatever the client sends (PostgreSQL), and a draft exists only with its version 1.

A renamed user would carry their approvals and authorship to someone else, and a client
clock could backdate a line or write a year nothing can read back.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FIXED_MESSAGE = ("refused: a user''s name and id never change once made; only the role "
                 "does (an approval stays with whoever gave it)")

SQLITE_FIXED_USERS = f"""
CREATE TRIGGER users_fixed BEFORE UPDATE ON users
WHEN NEW.id <> OLD.id OR NEW.name <> OLD.name OR NEW.created_at <> OLD.created_at
BEGIN SELECT RAISE(ABORT, '{FIXED_MESSAGE}'); END"""

POSTGRES_FUNCTIONS = rf"""
CREATE FUNCTION review_user_fixed() RETURNS trigger LANGUAGE plpgsql
SET search_path = {{schema}}, pg_temp AS $$
BEGIN
  IF NEW.id <> OLD.id OR NEW.name <> OLD.name OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION '{FIXED_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

-- The database's clock, not the client's: a row is made (or a draft moves) now.
CREATE FUNCTION review_stamp_created() RETURNS trigger LANGUAGE plpgsql
SET search_path = {{schema}}, pg_temp AS $$
BEGIN
  NEW.created_at := now();
  RETURN NEW;
END $$;

CREATE FUNCTION review_stamp_draft() RETURNS trigger LANGUAGE plpgsql
SET search_path = {{schema}}, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.created_at := now();
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;

CREATE FUNCTION review_stamp_line() RETURNS trigger LANGUAGE plpgsql
SET search_path = {{schema}}, pg_temp AS $$
BEGIN
  NEW.at := now();
  RETURN NEW;
END $$;

-- At commit: a draft exists only with its version 1.
CREATE FUNCTION review_check_draft_has_version() RETURNS trigger LANGUAGE plpgsql
SET search_path = {{schema}}, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM versions WHERE draft_id = NEW.id AND number = 1) THEN
    RAISE EXCEPTION 'refused: draft % was started without its version 1', NEW.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;

-- Triggers of one kind fire in name order: "review_a_..." stamps the time before
-- review_chain_line hashes it, and before the log triggers copy it.
CREATE TRIGGER review_user_fixed BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION review_user_fixed();
CREATE TRIGGER review_a_stamp BEFORE INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION review_stamp_created();
CREATE TRIGGER review_a_stamp BEFORE INSERT OR UPDATE ON drafts
  FOR EACH ROW EXECUTE FUNCTION review_stamp_draft();
CREATE TRIGGER review_a_stamp BEFORE INSERT ON versions
  FOR EACH ROW EXECUTE FUNCTION review_stamp_created();
CREATE TRIGGER review_a_stamp BEFORE INSERT ON reviews
  FOR EACH ROW EXECUTE FUNCTION review_stamp_created();
CREATE TRIGGER review_a_stamp BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION review_stamp_line();
CREATE CONSTRAINT TRIGGER review_check_draft_has_version AFTER INSERT ON drafts
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION review_check_draft_has_version();
"""

NEW_FUNCTIONS = ("review_user_fixed()", "review_stamp_created()", "review_stamp_draft()",
                 "review_stamp_line()", "review_check_draft_has_version()")


def _statements(script: str) -> list[str]:
    """Split on the `;` that end lines, keeping $$ bodies whole."""
    statements, current, in_body = [], [], False
    for line in script.strip().splitlines():
        if line.startswith("--") and not in_body:
            continue
        current.append(line)
        if line.count("$$") % 2 == 1:
            in_body = not in_body
        if not in_body and line.rstrip().endswith(";"):
            statements.append("\n".join(current).strip().rstrip(";"))
            current = []
    return statements


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        op.execute(SQLITE_FIXED_USERS)
    elif dialect == "postgresql":
        _postgres()


def _postgres() -> None:
    from assistant.review.team import team_roles

    connection = op.get_bind()
    schema = connection.execute(sa.text("SELECT current_schema()")).scalar_one()
    owner, member = team_roles(connection)
    quote = connection.dialect.identifier_preparer.quote
    q_schema, q_owner, q_member = quote(schema), quote(owner), quote(member)
    for statement in _statements(POSTGRES_FUNCTIONS.format(schema=q_schema)):
        op.execute(statement)
    for function in NEW_FUNCTIONS:
        op.execute(f"ALTER FUNCTION {q_schema}.{function} OWNER TO {q_owner}")
        op.execute(f"REVOKE ALL ON FUNCTION {q_schema}.{function} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {q_schema}.{function} TO {q_member}")
    # Members (admins too) may change a user's role and nothing else about them.
    op.execute(f"REVOKE UPDATE ON {q_schema}.users FROM {q_member}")
    op.execute(f"GRANT UPDATE (role) ON {q_schema}.users TO {q_member}")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS users_fixed")
        return
    if dialect != "postgresql":
        return
    from assistant.review.team import team_roles

    connection = op.get_bind()
    _owner, member = team_roles(connection)
    op.execute(f"GRANT UPDATE ON users TO {connection.dialect.identifier_preparer.quote(member)}")
    op.execute("DROP TRIGGER IF EXISTS review_check_draft_has_version ON drafts")
    for table in ("users", "drafts", "versions", "reviews", "audit_log"):
        op.execute(f"DROP TRIGGER IF EXISTS review_a_stamp ON {table}")
    op.execute("DROP TRIGGER IF EXISTS review_user_fixed ON users")
    for function in NEW_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
