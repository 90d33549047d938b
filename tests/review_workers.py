"""Code that runs in separate processes (multiprocessing, spawn) for the review tests.

Kept in its own module so a spawned interpreter can import it without the test module.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Barrier
from typing import Any

from assistant.review import NotAllowed, VersionChanged, open_store

from .review_support import INPUTS


def _store(url: str, user: str, backend: str) -> Any:
    return open_store(url, None if backend == "postgresql" else user,
                      clock=lambda: datetime.now(UTC))


def edit_and_submit(url: str, user: str, backend: str, draft_ids: list[int], rounds: int,
                    start: Barrier, results: Any) -> None:
    """An author: edit a draft from what was read, then submit the new version."""
    store = _store(url, user, backend)
    done: dict[str, list[Any]] = {"edits": [], "submits": [], "refused": []}
    start.wait()
    for round_ in range(rounds):
        draft_id = draft_ids[round_ % len(draft_ids)]
        seen = store.get_draft(draft_id)
        text = f"{seen.current.markdown}\n{user} round {round_}\n"
        try:
            edited = store.edit_draft(draft_id, INPUTS, text, "fp-1",
                                      expected_revision=seen.revision)
        except (VersionChanged, NotAllowed) as exc:
            done["refused"].append(type(exc).__name__)
            continue
        done["edits"].append((draft_id, edited.current.content_hash))
        try:
            store.submit(draft_id, expected_revision=edited.revision)
        except (VersionChanged, NotAllowed) as exc:
            done["refused"].append(type(exc).__name__)
            continue
        done["submits"].append((draft_id, edited.current.content_hash))
    store.close()
    results.put((user, done))


def decide(url: str, user: str, backend: str, draft_ids: list[int], rounds: int,
           start: Barrier, results: Any) -> None:
    """A reviewer: approve (or send back) whatever is in review, as it was read."""
    store = _store(url, user, backend)
    done: dict[str, list[Any]] = {"approved": [], "changes-requested": [], "refused": []}
    start.wait()
    for round_ in range(rounds * 2):
        draft_id = draft_ids[round_ % len(draft_ids)]
        seen = store.get_draft(draft_id)
        if seen.status != "in-review":
            time.sleep(0.002)
            continue
        decision = "approved" if round_ % 3 else "changes-requested"
        try:
            if decision == "approved":
                store.approve(draft_id, expected_revision=seen.revision)
            else:
                store.request_changes(draft_id, f"{user}: tighten it",
                                      expected_revision=seen.revision)
        except (VersionChanged, NotAllowed) as exc:
            done["refused"].append(type(exc).__name__)
            continue
        done[decision].append((draft_id, seen.current.content_hash))
    store.close()
    results.put((user, done))


def save_until_killed(url: str, draft_id: int, pipe: Connection, stall_at: int) -> None:
    """Keep saving versions, reporting each commit; stall inside save number `stall_at`
    (after its version row is written, before the commit) so the parent can SIGKILL it."""
    from sqlalchemy import event

    store = _store(url, "alice", "sqlite")
    saves = {"count": 0}

    @event.listens_for(store.engine, "after_cursor_execute")
    def stall(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO VERSIONS"):
            saves["count"] += 1
            if saves["count"] == stall_at:
                pipe.send(("stalled", None))
                time.sleep(60)

    for round_ in range(stall_at):
        seen = store.get_draft(draft_id)
        text = f"{seen.current.markdown}\nsaved {round_}\n"
        edited = store.edit_draft(draft_id, INPUTS, text, "fp-1",
                                  expected_revision=seen.revision)
        pipe.send(("committed", (edited.current_number, edited.current.content_hash)))
