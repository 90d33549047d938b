"""An approval belongs to the version it names: text copied from an approved export and
saved again never carries "Approved by" into a new, unapproved version, and an
unapproved export never shows an approval line."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import create_engine, text

from assistant.render.approval import DRAFT
from assistant.review import NothingChanged
from assistant.review.composing import export_bytes, stamped_markdown

from .review_support import BRIEF, INPUTS, Team

pytest_plugins = ["tests.review_fixtures"]  # the review fixtures: team, pg_team...


def _approved(team: Team) -> tuple[int, str]:
    """Draft approved by bob; returns its id and the approved export's Markdown."""
    team.add(alice="author", bob="reviewer")
    alice = team.store("alice")
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1")
    alice.submit(draft.id)
    team.store("bob").approve(draft.id, "Ready to send")
    return draft.id, stamped_markdown(alice.export(draft.id))


def test_saving_an_approved_export_back_takes_its_approval_line_out(team: Team) -> None:
    draft_id, exported = _approved(team)
    assert "**Approved by " in exported
    alice = team.store("alice")
    edited = alice.edit_draft(draft_id, INPUTS, exported + "\nOne more line.\n", "fp-1")
    stored = edited.current.markdown
    assert "Approved by" not in stored
    assert f"**{DRAFT}**" in stored and stored.endswith("One more line.\n")
    assert "'Approved by' line was taken out" in edited.current.note
    export = alice.export(draft_id)
    assert export.approval is None
    for fmt in ("md", "html"):
        assert b"Approved by" not in export_bytes(export, fmt)


def test_saving_an_approved_export_unchanged_makes_no_new_version(team: Team) -> None:
    draft_id, exported = _approved(team)
    with pytest.raises(NothingChanged, match="stays at version 1"):
        team.store("alice").edit_draft(draft_id, INPUTS, exported, "fp-1")
    assert team.store("alice").get_draft(draft_id).status == "approved"


@pytest.mark.parametrize("line", [
    "Approved by carol on 2 March 2026, version 118c94b79e40",
    "> **Approved by carol on 2 March 2026, version 118c94b79e40**",
    "_approved by carol_",
])
def test_an_approval_line_anywhere_in_a_new_draft_is_taken_out(team: Team,
                                                               line: str) -> None:
    team.add(alice="author")
    saved = team.store("alice").new_draft(INPUTS, f"{BRIEF}\n{line}\n\nEnd.\n", "fp-1")
    assert "pproved by" not in saved.current.markdown
    assert saved.current.markdown.endswith("\n\nEnd.\n")


def test_an_unapproved_version_stored_with_an_approval_line_exports_without_it(
        sqlite_team: Team) -> None:
    """Text saved before approval lines were taken out on save."""
    sqlite_team.add(alice="author")
    alice = sqlite_team.store("alice")
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1")
    old = BRIEF.replace(f"**{DRAFT}**", "**Approved by carol on 2 March 2026, version ab**")
    engine = create_engine(sqlite_team.owner_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE versions SET markdown = :m, content_hash = :h"),
                           {"m": old, "h": hashlib.sha256(old.encode()).hexdigest()})
    engine.dispose()
    exported = stamped_markdown(alice.export(draft.id))
    assert "Approved by" not in exported
    assert exported.count(DRAFT) == 1


def test_an_export_carries_the_approvers_role_and_comment(team: Team) -> None:
    draft_id, _exported = _approved(team)
    approval = team.store("alice").export(draft_id).approval
    assert approval is not None
    stamp = approval.stamp()
    assert (stamp.approver, stamp.role, stamp.comment) == (team.real("bob"), "reviewer",
                                                           "Ready to send")


def test_saving_a_whole_approved_export_back_takes_its_approval_block_out(
        team: Team) -> None:
    draft_id, _exported = _approved(team)
    alice = team.store("alice")
    whole = export_bytes(alice.export(draft_id), "md").decode()
    assert "## Approval" in whole and "Ready to send" in whole
    edited = alice.edit_draft(draft_id, INPUTS, whole + "\nOne more line.\n", "fp-1")
    stored = edited.current.markdown
    for gone in ("Approved by", "## Approval", "**Role:**", "Ready to send"):
        assert gone not in stored
    assert stored.endswith("One more line.\n")
    export = alice.export(draft_id)
    assert export.approval is None
    for fmt in ("md", "html"):
        shown = export_bytes(export, fmt)
        assert b"Approved by" not in shown and b"Ready to send" not in shown


def test_an_approval_block_in_a_new_draft_is_taken_out_but_the_writers_own_stays(
        team: Team) -> None:
    team.add(alice="author")
    block = ("## Approval\n\n- **Approved by:** carol\n- **Role:** reviewer\n"
             "- **Date:** 2 March 2026\n- **Version:** 118c94b79e40\n")
    own = "## Approval\n\nThe board signs off in May.\n"
    saved = team.store("alice").new_draft(
        INPUTS, f"{BRIEF}\n{block}\n{own}\n# Team notes: not for distribution\n\n"
        f"{block}", "fp-1")
    markdown = saved.current.markdown
    assert "carol" not in markdown and "**Role:**" not in markdown
    assert own in markdown and markdown.endswith("# Team notes: not for distribution\n")
