"""A review database at scale for the bench: 10,000 drafts, one of them with 50 versions.

Rows are written in bulk straight into the tables the migrations create (going through
ReviewStore would spend minutes on audit lines nobody reads here); the measured reads go
through ReviewStore, as the command line and the app do.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from assistant.compose.brief import BriefInputs
from assistant.review.database import ensure_schema, open_engine
from assistant.review.models import STATUSES, AuditEntry, Draft, Review, User, Version
from assistant.review.store import ReviewStore

DRAFTS = 10_000
VERSIONS = 50
THEMES = ("fighting-sunnis", "brutality-against-sunnis", "corrupt-un-islamic", "harsh-life",
          "leaving-and-speaking-out")
AUDIENCES = ("policymakers", "journalists", "community-leaders", "young-people", "workshop")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def build(folder: Path, markdown: str, drafts: int = DRAFTS, versions: int = VERSIONS) -> tuple[str, int]:
    """A SQLite review database in `folder`; returns its URL and the id of the long draft."""
    url = f"sqlite:///{folder / 'review.sqlite3'}"
    engine = open_engine(url)
    ensure_schema(engine)
    digest = hashlib.sha256(markdown.encode()).hexdigest()
    with engine.begin() as db:
        db.execute(insert(User), [{"id": 1, "name": "comms", "role": "author",
                                   "created_at": START},
                                  {"id": 2, "name": "reviewer", "role": "reviewer",
                                   "created_at": START}])
        draft_rows, version_rows, audit_rows = [], [], []
        for n in range(1, drafts + 1):
            theme, audience = THEMES[n % len(THEMES)], AUDIENCES[(n // 5) % len(AUDIENCES)]
            at = START + timedelta(minutes=n)
            long = n == drafts // 2
            count = versions if long else 1
            draft_rows.append({
                "id": n, "title": f"{theme} for {audience} #{n}", "theme": theme,
                "audience": audience, "template": "policy-brief", "author_id": 1,
                "status": STATUSES[n % len(STATUSES)], "current_number": count,
                "revision": count, "created_at": at, "updated_at": at})
            inputs = BriefInputs(theme=theme, audience=audience).model_dump(mode="json")
            for number in range(1, count + 1):
                text = markdown if number == count else f"{markdown}\n<!-- edit {number} -->\n"
                version_rows.append({
                    "draft_id": n, "number": number, "inputs": inputs, "markdown": text,
                    "content_hash": hashlib.sha256(text.encode()).hexdigest() if text != markdown
                    else digest, "corpus_fingerprint": "bench", "author_id": 1, "note": "",
                    "created_at": at + timedelta(seconds=number)})
                audit_rows.append({"at": at + timedelta(seconds=number), "actor": "comms",
                                   "action": "version-added", "draft_id": n,
                                   "version_hash": None, "detail": f"version {number}"})
        db.execute(insert(Draft), draft_rows)
        db.execute(insert(Version), version_rows)
        db.execute(insert(AuditEntry), audit_rows)
        long_id = drafts // 2
        version_ids = [row[0] for row in db.exec_driver_sql(
            "SELECT id FROM versions WHERE draft_id = ? ORDER BY number", (long_id,))]
        db.execute(insert(Review), [
            {"version_id": vid, "content_hash": "0" * 64, "reviewer_id": 2,
             "decision": "changes-requested", "comment": f"comment on version {i + 1}",
             "created_at": START + timedelta(days=1, minutes=i)}
            for i, vid in enumerate(version_ids[:-1])])
    engine.dispose()
    return url, long_id


def store(url: str) -> ReviewStore:
    return ReviewStore(open_engine(url), "reviewer")
