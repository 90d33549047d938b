"""A review database at scale for the bench: 10,000 drafts, one of them with 50 versions.

Rows are written in bulk straight into the tables the migrations create (going through
ReviewStore would spend minutes on audit lines nobody reads here); the measured reads go
through ReviewStore, as the command line and the app do.
"""

from __future__ import annotations

import hashlib
import statistics
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from assistant.compose.brief import BriefInputs
from assistant.review.database import ensure_schema, open_engine
from assistant.review.models import STATUSES, AuditEntry, Draft, Review, User, Version
from assistant.review.store import ReviewStore

from .timing import Metric, cpu, interleaved, ms

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


def _raw_page(path: Path, limit: int, offset: int) -> None:
    """The yardstick: the same page read with the sqlite3 module alone."""
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute(
            "SELECT d.id, d.title, d.theme, d.audience, d.template, d.status, d.current_number,"
            " d.revision, d.created_at, d.updated_at, u.name, v.content_hash FROM drafts d"
            " JOIN users u ON u.id = d.author_id JOIN versions v ON v.draft_id = d.id"
            " AND v.number = d.current_number ORDER BY d.id LIMIT ? OFFSET ?",
            (limit, offset)).fetchall()


def metrics(folder: Path, markdown: str, runs: int, corpus_dir: Path,
            templates_dir: Path) -> list[Metric]:
    """The queue of 10,000 drafts a page at a time (first, middle and last page, all
    drafts and one state), the whole queue for information, and a draft of 50 versions."""
    from assistant.tui.review_desk import ReviewDesk
    from assistant.tui.screens.review_queue import PAGE

    url, long_id = build(folder, markdown)
    desk = store(url)
    page, pages = 100, [0, DRAFTS // 2, DRAFTS - 100]
    turn = {"n": 0}

    def one_page() -> float:
        offset = pages[turn["n"] % len(pages)]
        status = STATUSES[turn["n"] % len(STATUSES)] if turn["n"] % 2 else None
        turn["n"] += 1
        return cpu(lambda: (desk.list_queue(status, limit=page, offset=offset // 4 if status
                                            else offset), desk.queue_length(status)))

    review_desk = ReviewDesk(url, "reviewer", corpus_dir, templates_dir)
    app_turn = {"n": 0}

    def app_page() -> float:
        """What the app's queue reads: the next page as the cursor reaches the last row,
        with the count, as any state's filter."""
        n = app_turn["n"]
        app_turn["n"] += 1
        status = STATUSES[n % len(STATUSES)] if n % 2 else None
        offset = PAGE * (n % 5)
        return cpu(lambda: (review_desk.queue(status, limit=PAGE, offset=offset),
                            review_desk.queue_length(status)))

    database = folder / "review.sqlite3"
    taken = interleaved({
        "raw": lambda: cpu(lambda: _raw_page(database, page, DRAFTS // 2)),
        "page": one_page,
        "app": app_page,
        "all": lambda: cpu(desk.list_queue),
        "open": lambda: cpu(lambda: (desk.get_draft(long_id), desk.audit_log(long_id))),
    }, runs)
    review_desk.page(long_id)  # the corpus and the checks' word lists loaded: not counted
    opened = [cpu(lambda: review_desk.page(long_id)) for _ in range(runs)]
    review_desk.close()
    return [
        Metric("review_queue_10k", f"review queue page ({page} of {DRAFTS} drafts, with count)",
               ms(statistics.median(taken["page"])), ms(statistics.median(taken["raw"])),
               "the same page through sqlite3 alone", 50.0, "ms", runs=taken,
               note=f"whole queue of {DRAFTS} at once: {ms(statistics.median(taken['all'])):.0f} ms"),
        Metric("review_queue_app", f"the app's review queue: a page of {PAGE} of {DRAFTS} "
               "drafts and the count", ms(statistics.median(taken["app"])),
               ms(statistics.median(taken["raw"])), "a queue page through sqlite3 alone", 50.0,
               "ms", runs={"app": taken["app"], "raw": taken["raw"]}),
        Metric("open_draft_50", f"open a draft of {VERSIONS} versions (versions, comments, log)",
               ms(statistics.median(taken["open"])), ms(statistics.median(taken["raw"])),
               "a queue page through sqlite3 alone", 100.0, "ms", runs=taken),
        Metric("open_draft_in_app", "open a draft in the app (the above plus findings)",
               ms(statistics.median(opened)), ms(statistics.median(taken["open"])),
               "opening it from the store alone", 300.0, "ms", runs={"opened": opened}),
    ]
