"""The review workflow: states, who may do what, and two people acting at once.

Each test runs on SQLite and on PostgreSQL (the latter skipped without a server).
"""

from __future__ import annotations

import pytest

from assistant.review import (
    ChecksFailed,
    NotAllowed,
    UnknownDraft,
    VersionChanged,
)

from .review_support import BRIEF, INPUTS, Team

pytest_plugins = ["tests.review_fixtures"]  # the review fixtures: team, pg_team...


def _submitted(team: Team) -> int:
    """A draft by alice, in review; bob and carol review."""
    team.add(alice="author", bob="reviewer", carol="reviewer")
    alice = team.store("alice")
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1", title="Harsh life for journalists")
    alice.submit(draft.id)
    return draft.id


def test_a_new_draft_is_version_one_in_draft_state(team: Team) -> None:
    team.add(alice="author")
    draft = team.store("alice").new_draft(INPUTS, BRIEF, "fp-1")
    assert (draft.status, draft.current_number, draft.author) == ("draft", 1, team.real("alice"))
    assert draft.current.markdown == BRIEF and draft.current.inputs == INPUTS


def test_draft_goes_through_review_to_approval(team: Team) -> None:
    draft_id = _submitted(team)
    bob = team.store("bob")
    assert [d.id for d in bob.list_queue("in-review")] == [draft_id]
    approved = bob.approve(draft_id, "Ready to send")
    assert approved.status == "approved"
    approval = approved.approval_of(1)
    assert approval is not None and approval.reviewer == team.real("bob")
    assert approval.content_hash == approved.current.content_hash
    assert bob.list_queue("in-review") == []


def test_changes_requested_then_edit_makes_a_new_draft_version(team: Team) -> None:
    draft_id = _submitted(team)
    team.store("bob").request_changes(draft_id, "Cite the original outlet")
    alice = team.store("alice")
    with pytest.raises(NotAllowed, match="edit it"):
        alice.submit(draft_id)
    edited = alice.edit_draft(draft_id, INPUTS, BRIEF + "\nCBS News [2]\n", "fp-1")
    assert (edited.status, edited.current_number) == ("draft", 2)
    assert [(r.reviewer, r.decision, r.comment) for r in alice.comments(draft_id)] == [
        (team.real("bob"), "changes-requested", "Cite the original outlet")]
    assert "+CBS News [2]" in alice.diff(draft_id)


def test_an_author_cannot_approve_their_own_version(team: Team) -> None:
    team.add(dana="reviewer", bob="reviewer")
    dana = team.store("dana")
    draft = dana.new_draft(INPUTS, BRIEF, "fp-1")
    dana.submit(draft.id)
    with pytest.raises(NotAllowed, match="nobody may approve their own work"):
        dana.approve(draft.id)
    with pytest.raises(NotAllowed, match="nobody may request changes on their own work"):
        dana.request_changes(draft.id, "looks fine to me")
    assert team.store("bob").approve(draft.id).status == "approved"


def test_an_author_is_not_a_reviewer(team: Team) -> None:
    draft_id = _submitted(team)
    team.add(erin="author")
    with pytest.raises(NotAllowed, match="only reviewers and admins may approve"):
        team.store("erin").approve(draft_id)


def test_reviewing_a_version_you_edited_is_refused_even_if_someone_else_started_it(
        team: Team) -> None:
    draft_id = _submitted(team)
    bob = team.store("bob")
    bob.edit_draft(draft_id, INPUTS, BRIEF + "\nbob's line\n", "fp-1")
    team.store("alice").submit(draft_id)
    with pytest.raises(NotAllowed, match="wrote this version"):
        bob.approve(draft_id)
    assert team.store("carol").approve(draft_id).status == "approved"


def test_only_a_draft_in_review_can_be_approved(team: Team) -> None:
    team.add(alice="author", bob="reviewer")
    draft = team.store("alice").new_draft(INPUTS, BRIEF, "fp-1")
    with pytest.raises(NotAllowed, match="is draft, not in review"):
        team.store("bob").approve(draft.id)


def test_request_changes_needs_a_comment(team: Team) -> None:
    draft_id = _submitted(team)
    with pytest.raises(NotAllowed, match="comment is required"):
        team.store("bob").request_changes(draft_id, "  ")


def test_editing_an_approved_draft_keeps_the_approval_with_the_old_hash(team: Team) -> None:
    draft_id = _submitted(team)
    team.store("bob").approve(draft_id)
    edited = team.store("alice").edit_draft(draft_id, INPUTS, BRIEF + "\nmore\n", "fp-1")
    assert edited.status == "draft"
    assert edited.approval_of(1) is not None and edited.approval_of(2) is None
    assert team.store("alice").export(draft_id, 1).approval is not None
    assert team.store("alice").export(draft_id).approval is None


def test_submission_is_refused_while_the_checks_report_errors(team: Team) -> None:
    team.add(alice="author")

    def checker(markdown: str, _inputs: object) -> list[str]:
        return ["line 3: error [fidelity] q-001: 'killing' became 'murdering'"]

    alice = team.store("alice", checker=checker)
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1")
    with pytest.raises(ChecksFailed, match="'killing' became 'murdering'"):
        alice.submit(draft.id)
    assert alice.get_draft(draft.id).status == "draft"


def test_acting_on_a_draft_that_changed_since_you_read_it_is_refused(team: Team) -> None:
    draft_id = _submitted(team)
    bob, alice = team.store("bob"), team.store("alice")
    seen = bob.get_draft(draft_id)
    alice.edit_draft(draft_id, INPUTS, BRIEF + "\nlate change\n", "fp-1")
    alice.submit(draft_id)
    with pytest.raises(VersionChanged, match="changed since you looked at it"):
        bob.approve(draft_id, expected_revision=seen.revision)
    assert bob.get_draft(draft_id).status == "in-review"


def test_two_edits_from_the_same_version_do_not_overwrite_each_other(team: Team) -> None:
    team.add(alice="author", erin="author")
    alice, erin = team.store("alice"), team.store("erin")
    draft = alice.new_draft(INPUTS, BRIEF, "fp-1")
    alice.edit_draft(draft.id, INPUTS, BRIEF + "\nalice\n", "fp-1",
                     expected_revision=draft.revision)
    with pytest.raises(VersionChanged):
        erin.edit_draft(draft.id, INPUTS, BRIEF + "\nerin\n", "fp-1",
                        expected_revision=draft.revision)
    assert [v.markdown.splitlines()[-1] for v in alice.get_draft(draft.id).versions] == [
        BRIEF.splitlines()[-1], "alice"]


def test_approval_with_a_stale_hash_is_refused(team: Team) -> None:
    draft_id = _submitted(team)
    with pytest.raises(VersionChanged, match="look at it again"):
        team.store("bob").approve(draft_id, expected_hash="0000000000ab")


def test_an_unknown_draft_is_named(team: Team) -> None:
    team.add(bob="reviewer")
    with pytest.raises(UnknownDraft, match="unknown draft '42'") as refused:
        team.store("bob").approve(42)
    assert refused.value.exit_code == 2


def test_only_admins_add_users_once_an_admin_exists(team: Team) -> None:
    team.add(alice="author")
    with pytest.raises(NotAllowed, match="only admins may add users"):
        team.store("alice").add_user(team.real("mallory"), "admin")
    assert team.real("alice") in {u.name for u in team.owner().list_users()}


def test_every_action_is_in_the_audit_log_with_who_and_which_version(team: Team) -> None:
    draft_id = _submitted(team)
    approved = team.store("bob").approve(draft_id, "ok")
    log = team.store("carol").audit_log(draft_id)
    assert [(e.actor, e.action) for e in log] == [
        (team.real("alice"), "draft-created"),
        (team.real("alice"), "submitted"),
        (team.real("bob"), "approved"),
    ]
    assert {e.version_hash for e in log} == {approved.current.content_hash}
    assert [e.at for e in log] == sorted(e.at for e in log)
