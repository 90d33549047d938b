"""Trainer's decks in the review workflow, and the audit log's head kept by the database.

`drafts.kind` says whether a draft is a brief or a trainer's deck (it never changes). The
single row of `audit_head` holds the id and hash of the log's last line and how many lines
it has; the database itself moves it on with every line it takes (a trigger, in the same
transaction), so a log whose last lines were cut away no longer ends where its head says.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

KIND_MESSAGE = "refused: a draft stays the kind it was started as (a brief or a deck)"
HEAD_MESSAGE = "the audit head moves only with the log"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER drafts_kind_fixed BEFORE UPDATE ON drafts
    WHEN NEW.kind <> OLD.kind
    BEGIN SELECT RAISE(ABORT, '{KIND_MESSAGE}'); END""",
    """CREATE TRIGGER audit_head_follows AFTER INSERT ON audit_log
    BEGIN
      UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.line_hash, lines = lines + 1
      WHERE id = 1;
    END""",
    # The head moves one line at a time, to the line the log really ends with.
    f"""CREATE TRIGGER audit_head_guard BEFORE UPDATE ON audit_head
    WHEN NEW.id <> 1 OR NEW.lines <> OLD.lines + 1
      OR NEW.last_id IS NOT (SELECT max(id) FROM audit_log)
      OR NEW.last_hash IS NOT (SELECT line_hash FROM audit_log WHERE id = NEW.last_id)
    BEGIN SELECT RAISE(ABORT, '{HEAD_MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    BEGIN SELECT RAISE(ABORT, '{HEAD_MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_head_no_insert BEFORE INSERT ON audit_head
    WHEN EXISTS (SELECT 1 FROM audit_head)
    BEGIN SELECT RAISE(ABORT, '{HEAD_MESSAGE}'); END""",
]

POSTGRES_STATEMENTS = [
    f"""CREATE FUNCTION {{schema}}.review_kind_fixed() RETURNS trigger LANGUAGE plpgsql
    SET search_path = {{schema}}, pg_temp AS $$
    BEGIN
      IF NEW.kind <> OLD.kind THEN
        RAISE EXCEPTION '{KIND_MESSAGE}' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END $$""",
    # SECURITY DEFINER: members may not write the head; the owner's function does, for
    # every line, in the transaction that adds it (after review_chain_line set its hash).
    """CREATE FUNCTION {schema}.review_head_follows() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    BEGIN
      UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.line_hash, lines = lines + 1
      WHERE id = 1;
      RETURN NULL;
    END $$""",
    # Named to fire before review_check_draft_update (triggers of a kind run in name order).
    """CREATE TRIGGER review_check_draft_kind BEFORE UPDATE ON {schema}.drafts
    FOR EACH ROW EXECUTE FUNCTION {schema}.review_kind_fixed()""",
    """CREATE TRIGGER review_head_follows AFTER INSERT ON {schema}.audit_log
    FOR EACH ROW EXECUTE FUNCTION {schema}.review_head_follows()""",
    """CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE OR DELETE ON {schema}.audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION {schema}.audit_log_append_only()""",
]
NEW_FUNCTIONS = ("review_kind_fixed()", "review_head_follows()")


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    # In place on both back-ends (SQLite would otherwise copy the whole table).
    op.execute("ALTER TABLE drafts ADD COLUMN kind VARCHAR(20) DEFAULT 'brief' NOT NULL "
               "CONSTRAINT ck_drafts_kind CHECK (kind IN ('brief', 'deck'))")
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=True),
        sa.Column("last_hash", sa.String(64), nullable=False, server_default=""),
        sa.Column("lines", sa.Integer(), nullable=False, server_default="0"),
        sa.CheckConstraint("id = 1", name="ck_audit_head_one_row"),
        sa.PrimaryKeyConstraint("id", name="pk_audit_head"),
    )
    # The head of the log as it stands (the chain below it is `review verify`'s to check).
    op.execute("INSERT INTO audit_head (id, last_id, last_hash, lines) SELECT 1, "
               "(SELECT max(id) FROM audit_log), "
               "coalesce((SELECT line_hash FROM audit_log ORDER BY id DESC LIMIT 1), ''), "
               "(SELECT count(*) FROM audit_log)")
    if dialect == "sqlite":
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        _postgres()


def _postgres() -> None:
    from assistant.review.team import team_roles

    connection = op.get_bind()
    schema = connection.execute(sa.text("SELECT current_schema()")).scalar_one()
    owner, member = team_roles(connection)
    quote = connection.dialect.identifier_preparer.quote
    q_schema, q_owner, q_member = quote(schema), quote(owner), quote(member)
    for statement in POSTGRES_STATEMENTS:
        op.execute(statement.format(schema=q_schema))
    for function in NEW_FUNCTIONS:
        op.execute(f"ALTER FUNCTION {q_schema}.{function} OWNER TO {q_owner}")
        op.execute(f"REVOKE ALL ON FUNCTION {q_schema}.{function} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {q_schema}.{function} TO {q_member}")
    op.execute(f"ALTER TABLE {q_schema}.audit_head OWNER TO {q_owner}")
    op.execute(f"REVOKE ALL ON {q_schema}.audit_head FROM PUBLIC")
    op.execute(f"GRANT SELECT ON {q_schema}.audit_head TO {q_member}")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for name in ("drafts_kind_fixed", "audit_head_follows", "audit_head_guard",
                     "audit_head_no_delete", "audit_head_no_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS review_head_follows ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS review_check_draft_kind ON drafts")
        op.execute("DROP TRIGGER IF EXISTS audit_head_no_truncate ON audit_head")
        for function in NEW_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_table("audit_head")
    op.execute("ALTER TABLE drafts DROP COLUMN kind")
