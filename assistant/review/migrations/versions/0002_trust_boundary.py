"""The database as the trust boundary: owner and member roles, row-level security and
triggers that bind every write to the acting login (PostgreSQL); a hash chain over the
audit log and a guard against REPLACE rewriting it (both back-ends); the corpus each
version was built from; the reviewer's role on each decision; indexes for the queue.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assistant.review.chain import GENESIS, line_hash
from assistant.review.team import team_roles

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("users", "drafts", "versions", "reviews", "audit_log", "alembic_version")
CHAIN_LOCK = 0x61756469  # advisory lock held while a line joins the chain

SQLITE_NO_REPLACE = """
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""

# Everything below is created in the review schema with `search_path` pinned to it (and
# pg_temp last), so a login cannot slip its own `users` table in front of ours.
POSTGRES_FUNCTIONS = r"""
CREATE FUNCTION review_me() RETURNS integer LANGUAGE sql STABLE
SET search_path = {schema}, pg_temp
AS $$ SELECT id FROM users WHERE name = current_user $$;

CREATE FUNCTION review_role() RETURNS text LANGUAGE sql STABLE
SET search_path = {schema}, pg_temp
AS $$ SELECT role FROM users WHERE name = current_user $$;

CREATE FUNCTION review_require_user() RETURNS users LANGUAGE plpgsql STABLE
SET search_path = {schema}, pg_temp AS $$
DECLARE me users;
BEGIN
  SELECT * INTO me FROM users WHERE name = current_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'refused: % is not a user of this review database', current_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF current_user <> session_user THEN
    RAISE EXCEPTION 'refused: act as your own login (SET ROLE is not allowed here)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN me;
END $$;

CREATE FUNCTION review_check_draft_insert() RETURNS trigger LANGUAGE plpgsql
SET search_path = {schema}, pg_temp AS $$
DECLARE me users := review_require_user();
BEGIN
  IF NEW.author_id <> me.id OR NEW.status <> 'draft' OR NEW.current_number <> 1
     OR NEW.revision <> 1 THEN
    RAISE EXCEPTION 'refused: % may only start a draft of their own, as version 1 in draft',
      current_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION review_check_draft_update() RETURNS trigger LANGUAGE plpgsql
SET search_path = {schema}, pg_temp AS $$
DECLARE me users := review_require_user();
BEGIN
  IF NEW.id <> OLD.id OR NEW.author_id <> OLD.author_id OR NEW.title <> OLD.title
     OR NEW.theme <> OLD.theme OR NEW.audience <> OLD.audience
     OR NEW.template <> OLD.template OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'refused: the author, title and inputs of draft % never change', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.revision <> OLD.revision + 1 THEN
    RAISE EXCEPTION 'refused: each change to draft % moves its revision on by one', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.current_number <> OLD.current_number THEN
    IF NEW.current_number = OLD.current_number + 1 AND NEW.status = 'draft' AND EXISTS (
        SELECT 1 FROM versions WHERE draft_id = NEW.id AND number = NEW.current_number
        AND author_id = me.id) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'refused: draft % moves to a new version only with that version, saved by %',
      OLD.id, current_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'draft' AND NEW.status = 'in-review' THEN
    IF OLD.author_id = me.id OR EXISTS (
        SELECT 1 FROM versions WHERE draft_id = NEW.id AND number = NEW.current_number
        AND author_id = me.id) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'refused: % neither started draft % nor wrote its newest version',
      current_user, OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'in-review' AND NEW.status IN ('approved', 'changes-requested') AND EXISTS (
      SELECT 1 FROM reviews r JOIN versions v ON v.id = r.version_id
      WHERE v.draft_id = NEW.id AND v.number = NEW.current_number
      AND r.reviewer_id = me.id AND r.decision = NEW.status) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'refused: draft % cannot go from % to % without the review that decides it',
    OLD.id, OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION review_check_version() RETURNS trigger LANGUAGE plpgsql
SET search_path = {schema}, pg_temp AS $$
DECLARE
  me users := review_require_user();
  d drafts;
BEGIN
  IF NEW.author_id <> me.id THEN
    RAISE EXCEPTION 'refused: a version is saved in the name of the login that saves it (%)',
      current_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.content_hash <> encode(sha256(convert_to(NEW.markdown, 'UTF8')), 'hex') THEN
    RAISE EXCEPTION 'refused: the content hash does not match the text'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO d FROM drafts WHERE id = NEW.draft_id;
  IF NEW.number = 1 AND d.author_id <> me.id THEN
    RAISE EXCEPTION 'refused: version 1 belongs to whoever started the draft'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

-- At commit: a version exists only as the draft's newest version (no orphans, no
-- versions slipped in beside the workflow).
CREATE FUNCTION review_check_version_is_current() RETURNS trigger LANGUAGE plpgsql
SET search_path = {schema}, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM drafts WHERE id = NEW.draft_id
                 AND current_number = NEW.number) THEN
    RAISE EXCEPTION 'refused: version % of draft % was saved without becoming its newest version',
      NEW.number, NEW.draft_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION review_check_review() RETURNS trigger LANGUAGE plpgsql
SET search_path = {schema}, pg_temp AS $$
DECLARE
  me users := review_require_user();
  v versions;
  d drafts;
BEGIN
  SELECT * INTO v FROM versions WHERE id = NEW.version_id;
  IF NEW.reviewer_id <> me.id OR NEW.role <> me.role OR NEW.content_hash <> v.content_hash THEN
    RAISE EXCEPTION 'refused: a review is given in the name and role of the login that gives it (%)',
      current_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.decision = 'comment' THEN
    RETURN NEW;
  END IF;
  SELECT * INTO d FROM drafts WHERE id = v.draft_id;
  IF me.role NOT IN ('reviewer', 'admin') THEN
    RAISE EXCEPTION 'refused: % is %; only reviewers and admins decide', current_user, me.role
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF v.author_id = me.id THEN
    RAISE EXCEPTION 'refused: % wrote this version; nobody may decide on their own work',
      current_user USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF d.status <> 'in-review' OR d.current_number <> v.number THEN
    RAISE EXCEPTION 'refused: only the newest version of a draft in review can be decided'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

-- The chain: lines join one at a time, in id order, each carrying its predecessor's hash.
CREATE FUNCTION review_chain_line() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp AS $$
DECLARE previous text;
BEGIN
  PERFORM pg_advisory_xact_lock({lock});
  NEW.id := nextval(pg_get_serial_sequence('{schema}.audit_log', 'id'));
  SELECT line_hash INTO previous FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(previous, '{genesis}');
  NEW.line_hash := encode(sha256(convert_to(
       length(NEW.id::text) || ':' || NEW.id::text || ';'
    || length(to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) || ':'
    || to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ';'
    || length(NEW.actor) || ':' || NEW.actor || ';'
    || length(NEW.action) || ':' || NEW.action || ';'
    || length(coalesce(NEW.draft_id::text, '')) || ':' || coalesce(NEW.draft_id::text, '') || ';'
    || length(coalesce(NEW.version_hash, '')) || ':' || coalesce(NEW.version_hash, '') || ';'
    || length(NEW.detail) || ':' || NEW.detail || ';'
    || length(NEW.prev_hash) || ':' || NEW.prev_hash || ';', 'UTF8')), 'hex');
  RETURN NEW;
END $$;

-- The database writes the workflow's lines itself, as the login that acted; a login may
-- only add lines of its own about what the database cannot see (exports, refusals).
CREATE FUNCTION review_log_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp AS $$
DECLARE title text;
BEGIN
  SELECT d.title INTO title FROM drafts d WHERE d.id = NEW.draft_id;
  INSERT INTO audit_log (at, actor, action, draft_id, version_hash, detail, prev_hash, line_hash)
  VALUES (NEW.created_at, session_user,
          CASE WHEN NEW.number = 1 THEN 'draft-created' ELSE 'version-added' END,
          NEW.draft_id, NEW.content_hash,
          CASE WHEN NEW.number = 1 THEN 'version 1: ' || title
               ELSE 'version ' || NEW.number
                    || CASE WHEN NEW.note <> '' THEN ': ' || NEW.note ELSE '' END END,
          '', '');
  RETURN NULL;
END $$;

CREATE FUNCTION review_log_submission() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp AS $$
BEGIN
  IF NEW.status = 'in-review' AND OLD.status <> 'in-review' THEN
    INSERT INTO audit_log (at, actor, action, draft_id, version_hash, detail, prev_hash,
                           line_hash)
    SELECT NEW.updated_at, session_user, 'submitted', NEW.id, v.content_hash,
           'version ' || v.number, '', ''
    FROM versions v WHERE v.draft_id = NEW.id AND v.number = NEW.current_number;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION review_log_review() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp AS $$
BEGIN
  INSERT INTO audit_log (at, actor, action, draft_id, version_hash, detail, prev_hash, line_hash)
  SELECT NEW.created_at, session_user,
         CASE WHEN NEW.decision = 'comment' THEN 'commented' ELSE NEW.decision END,
         v.draft_id, NEW.content_hash,
         'version ' || v.number
         || CASE WHEN NEW.decision <> 'comment' AND NEW.comment <> ''
                 THEN ': ' || NEW.comment ELSE '' END,
         '', ''
  FROM versions v WHERE v.id = NEW.version_id;
  RETURN NULL;
END $$;

CREATE FUNCTION review_log_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_log (at, actor, action, draft_id, version_hash, detail, prev_hash,
                           line_hash)
    VALUES (NEW.created_at, session_user, 'user-added', NULL, NULL,
            NEW.name || ' as ' || NEW.role, '', '');
  ELSIF NEW.role <> OLD.role THEN
    INSERT INTO audit_log (at, actor, action, draft_id, version_hash, detail, prev_hash,
                           line_hash)
    VALUES (now(), session_user, 'role-changed', NULL, NULL,
            NEW.name || ': ' || OLD.role || ' -> ' || NEW.role, '', '');
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER review_check_draft_insert BEFORE INSERT ON drafts
  FOR EACH ROW EXECUTE FUNCTION review_check_draft_insert();
CREATE TRIGGER review_check_draft_update BEFORE UPDATE ON drafts
  FOR EACH ROW EXECUTE FUNCTION review_check_draft_update();
CREATE TRIGGER review_log_submission AFTER UPDATE ON drafts
  FOR EACH ROW EXECUTE FUNCTION review_log_submission();
CREATE TRIGGER review_check_version BEFORE INSERT ON versions
  FOR EACH ROW EXECUTE FUNCTION review_check_version();
CREATE CONSTRAINT TRIGGER review_check_version_is_current AFTER INSERT ON versions
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION review_check_version_is_current();
CREATE TRIGGER review_log_version AFTER INSERT ON versions
  FOR EACH ROW EXECUTE FUNCTION review_log_version();
CREATE TRIGGER review_check_review BEFORE INSERT ON reviews
  FOR EACH ROW EXECUTE FUNCTION review_check_review();
CREATE TRIGGER review_log_review AFTER INSERT ON reviews
  FOR EACH ROW EXECUTE FUNCTION review_log_review();
CREATE TRIGGER review_log_user AFTER INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION review_log_user();
CREATE TRIGGER review_chain_line BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION review_chain_line();
"""

# Row-level security: who a row names is who the login is. The table owner (the owner
# role, which nobody logs in as) is exempt, so migrations and the triggers above can work.
POSTGRES_POLICIES = """
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON users FOR SELECT USING (true);
CREATE POLICY admins_add ON users FOR INSERT WITH CHECK (review_role() = 'admin');
CREATE POLICY admins_change ON users FOR UPDATE USING (review_role() = 'admin')
  WITH CHECK (review_role() = 'admin');
CREATE POLICY read_all ON drafts FOR SELECT USING (true);
CREATE POLICY start_own ON drafts FOR INSERT WITH CHECK (author_id = review_me());
CREATE POLICY members_move ON drafts FOR UPDATE USING (review_me() IS NOT NULL)
  WITH CHECK (review_me() IS NOT NULL);
CREATE POLICY read_all ON versions FOR SELECT USING (true);
CREATE POLICY save_own ON versions FOR INSERT WITH CHECK (author_id = review_me());
CREATE POLICY read_all ON reviews FOR SELECT USING (true);
CREATE POLICY give_own ON reviews FOR INSERT
  WITH CHECK (reviewer_id = review_me() AND role = review_role());
CREATE POLICY read_all ON audit_log FOR SELECT USING (true);
CREATE POLICY log_own ON audit_log FOR INSERT
  WITH CHECK (actor = current_user AND action IN ('exported', 'export-refused', 'refused'));
"""


def _statements(script: str) -> list[str]:
    """Split on the blank-line-free `;\\n` ends, keeping $$ bodies whole."""
    statements, current, in_body = [], [], False
    for line in script.strip().splitlines():
        current.append(line)
        if line.count("$$") % 2 == 1:
            in_body = not in_body
        if not in_body and line.rstrip().endswith(";"):
            statements.append("\n".join(current).strip().rstrip(";"))
            current = []
    if "".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(64), nullable=False,
                                         server_default=""))
    op.add_column("audit_log", sa.Column("line_hash", sa.String(64), nullable=False,
                                         server_default=""))
    op.add_column("versions", sa.Column("corpus_dir", sa.Text(), nullable=False,
                                        server_default=""))
    op.add_column("versions", sa.Column("corpus_hash", sa.String(64), nullable=False,
                                        server_default=""))
    op.add_column("reviews", sa.Column("role", sa.String(20), nullable=False,
                                       server_default=""))
    op.execute("UPDATE reviews SET role = (SELECT role FROM users WHERE users.id = "
               "reviews.reviewer_id)")
    op.create_index("ix_drafts_status", "drafts", ["status", "updated_at"])
    op.create_index("ix_drafts_updated_at", "drafts", ["updated_at"])
    op.create_index("ix_versions_draft_id", "versions", ["draft_id"])
    _chain_existing_lines(dialect)
    if dialect == "sqlite":
        op.execute(SQLITE_NO_REPLACE)
    elif dialect == "postgresql":
        _postgres_trust_boundary()


def _chain_existing_lines(dialect: str) -> None:
    """Give the lines already written their place in the chain."""
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, at, actor, action, draft_id, version_hash, detail FROM audit_log "
        "ORDER BY id")).fetchall()
    if not rows:
        return
    from assistant.review.models import UTCDateTime

    moment = UTCDateTime()
    if dialect == "sqlite":
        op.execute("DROP TRIGGER audit_log_no_update")
    else:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    previous = GENESIS
    for row in rows:
        at = moment.process_result_value(_as_datetime(row.at), connection.dialect)
        assert at is not None
        own = line_hash(row.id, at, row.actor, row.action, row.draft_id, row.version_hash,
                        row.detail, previous)
        connection.execute(sa.text("UPDATE audit_log SET prev_hash = :p, line_hash = :h "
                                   "WHERE id = :i"), {"p": previous, "h": own, "i": row.id})
        previous = own
    if dialect == "sqlite":
        op.execute("""CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""")
    else:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")


def _as_datetime(value: object) -> object:
    from datetime import datetime

    if isinstance(value, str):  # SQLite hands back text in a raw query
        return datetime.fromisoformat(value)
    return value


def _postgres_trust_boundary() -> None:
    connection = op.get_bind()
    schema = connection.execute(sa.text("SELECT current_schema()")).scalar_one()
    owner, member = team_roles(connection)
    quote = connection.dialect.identifier_preparer.quote
    q_schema, q_owner, q_member = quote(schema), quote(owner), quote(member)
    for role in (owner, member):
        exists = connection.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                    {"r": role}).scalar()
        if not exists:
            op.execute(f"CREATE ROLE {quote(role)} NOLOGIN")
    superuser = connection.execute(sa.text(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar_one()
    if not superuser:  # a CREATEROLE login must belong to the owner to hand it the tables
        op.execute(f"GRANT {q_owner} TO current_user")
    op.execute(f"GRANT USAGE, CREATE ON SCHEMA {q_schema} TO {q_owner}")
    for statement in _statements(POSTGRES_FUNCTIONS.format(
            schema=q_schema, lock=CHAIN_LOCK, genesis=GENESIS)):
        op.execute(statement)
    for statement in _statements(POSTGRES_POLICIES):
        op.execute(statement)
    functions = connection.execute(sa.text(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
        "ON n.oid = p.pronamespace WHERE n.nspname = current_schema() "
        "AND (p.proname LIKE 'review\\_%' OR p.proname = 'audit_log_append_only')")).scalars()
    for function in functions:
        op.execute(f"ALTER FUNCTION {function} OWNER TO {q_owner}")
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {q_member}")
    for table in TABLES:
        op.execute(f"ALTER TABLE {q_schema}.{table} OWNER TO {q_owner}")
        op.execute(f"REVOKE ALL ON {q_schema}.{table} FROM PUBLIC")
        op.execute(f"GRANT SELECT ON {q_schema}.{table} TO {q_member}")
    op.execute(f"GRANT USAGE ON SCHEMA {q_schema} TO {q_member}")
    op.execute(f"GRANT INSERT, UPDATE ON {q_schema}.users, {q_schema}.drafts TO {q_member}")
    op.execute(f"GRANT INSERT ON {q_schema}.versions, {q_schema}.reviews, "
               f"{q_schema}.audit_log TO {q_member}")
    op.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {q_schema} TO {q_member}")
    _move_existing_logins(connection, owner, member)


def _move_existing_logins(connection: sa.Connection, owner: str, member: str) -> None:
    """A database set up before 0002 gave each login its own grants: take those away and
    make the registered users members instead (admins may pass membership on)."""
    quote = connection.dialect.identifier_preparer.quote
    grantees = connection.execute(sa.text(
        "SELECT DISTINCT grantee::text FROM information_schema.role_table_grants "
        "WHERE table_schema = current_schema() AND table_name = ANY(:tables) "
        "AND grantee NOT IN (:owner, :member, current_user, 'PUBLIC')"),
        {"tables": list(TABLES), "owner": owner, "member": member}).scalars().all()
    for grantee in grantees:
        for table in TABLES:
            op.execute(f"REVOKE ALL ON {table} FROM {quote(grantee)}")
    users = connection.execute(sa.text(
        "SELECT u.name, u.role FROM users u JOIN pg_roles r ON r.rolname = u.name "
        "WHERE r.rolcanlogin")).all()
    for name, role in users:
        admin = " WITH ADMIN OPTION" if role == "admin" else ""
        op.execute(f"GRANT {quote(member)} TO {quote(name)}{admin}")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_replace")
    op.drop_index("ix_versions_draft_id", "versions")
    op.drop_index("ix_drafts_updated_at", "drafts")
    op.drop_index("ix_drafts_status", "drafts")
    for table, column in (("reviews", "role"), ("versions", "corpus_dir"), ("versions", "corpus_hash"),
                          ("audit_log", "line_hash"), ("audit_log", "prev_hash")):
        op.drop_column(table, column)
