"""Many people at once, and a process killed mid-save: nothing lost, nothing doubled,
and an audit log that tells the whole story."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import create_engine

from .review_support import BRIEF, INPUTS, Team
from .review_workers import decide, edit_and_submit, save_until_killed

pytest_plugins = ["tests.review_fixtures"]  # the review fixtures: team, pg_team...

pytestmark = pytest.mark.slow
SPAWN = multiprocessing.get_context("spawn")
AUTHORS = ["ann", "ben", "cat", "dev"]
REVIEWERS = ["rev1", "rev2", "rev3", "rev4"]
ROUNDS = 6
NEXT_STATE = {"draft-created": "draft", "version-added": "draft", "submitted": "in-review",
              "approved": "approved", "changes-requested": "changes-requested"}


def _run_team_at_once(team: Team, draft_ids: list[int]) -> dict[str, dict[str, list[Any]]]:
    start = SPAWN.Barrier(len(AUTHORS) + len(REVIEWERS))
    results = SPAWN.Queue()
    processes = [
        SPAWN.Process(target=target, args=(team.url(name), team.real(name), team.backend,
                                           draft_ids, ROUNDS, start, results))
        for target, names in ((edit_and_submit, AUTHORS), (decide, REVIEWERS))
        for name in names
    ]
    for process in processes:
        process.start()
    reports = dict(results.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(timeout=30)
        assert process.exitcode == 0
    return reports


def test_eight_processes_editing_and_approving_lose_nothing(team: Team) -> None:
    team.add(**dict.fromkeys(AUTHORS, "author"), **dict.fromkeys(REVIEWERS, "reviewer"))
    ann = team.store("ann")
    draft_ids = []
    for title in ("first", "second"):
        draft = ann.new_draft(INPUTS, BRIEF, "fp-1", title=title)
        ann.submit(draft.id)
        draft_ids.append(draft.id)

    reports = _run_team_at_once(team, draft_ids)

    done: Counter[str] = Counter()
    for report in reports.values():
        for kind, items in report.items():
            done[kind] += len(items)
    owner = team.owner()
    drafts = {d: owner.get_draft(d) for d in draft_ids}
    log = [e for e in owner.audit_log() if e.draft_id in draft_ids]
    versions = {v.content_hash: v for d in drafts.values() for v in d.versions}
    reviews = [r for d in drafts.values() for r in d.reviews]

    # No lost update: every edit a process was told succeeded is a stored, intact version,
    # numbered without gaps, and nothing else was stored.
    saved = [edit for r in reports.values() for edit in r.get("edits", [])]
    assert {digest for _draft, digest in saved} <= set(versions)
    assert sum(len(d.versions) for d in drafts.values()) == len(draft_ids) + len(saved)
    for draft in drafts.values():
        assert [v.number for v in draft.versions] == list(range(1, draft.current_number + 1))
        assert all(v.intact for v in draft.versions)
    # No duplicate decision: one approval at most per version, each one reported.
    approvals = Counter(r.content_hash for r in reviews if r.decision == "approved")
    assert approvals and max(approvals.values()) == 1
    assert sum(approvals.values()) == done["approved"]
    # A complete audit log: one line per success, and replaying it gives today's states.
    actions = Counter(e.action for e in log)
    assert (actions["version-added"], actions["submitted"], actions["approved"],
            actions["changes-requested"]) == (done["edits"], done["submits"] + 2,
                                              done["approved"], done["changes-requested"])
    for draft_id, draft in drafts.items():
        state = "draft"
        for entry in (e for e in log if e.draft_id == draft_id):
            state = NEXT_STATE[entry.action]
        assert state == draft.status


def test_a_process_killed_while_saving_leaves_every_committed_version_intact(
        sqlite_team: Team) -> None:
    sqlite_team.add(alice="author")
    alice = sqlite_team.store("alice")
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1")
    parent, child = SPAWN.Pipe()
    saver = SPAWN.Process(target=save_until_killed,
                          args=(sqlite_team.url("alice"), draft.id, child, 6))
    saver.start()
    committed = []
    while True:
        assert parent.poll(60), "the saving process stopped reporting"
        kind, payload = parent.recv()
        if kind == "stalled":
            break
        committed.append(payload)
    os.kill(saver.pid, signal.SIGKILL)  # type: ignore[arg-type]
    saver.join(timeout=30)
    assert saver.exitcode == -signal.SIGKILL

    engine = create_engine(sqlite_team.owner_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    engine.dispose()
    after = alice.get_draft(draft.id)
    assert [(v.number, v.content_hash) for v in after.versions[1:]] == committed
    assert after.current_number == len(committed) + 1 == 6
    assert all(v.intact for v in after.versions)
    assert [e.action for e in alice.audit_log(draft.id)] == (
        ["draft-created"] + ["version-added"] * len(committed))
    # The database still takes work after the crash.
    assert alice.edit_draft(draft.id, INPUTS, "# after\n", "fp-1").current_number == 7
