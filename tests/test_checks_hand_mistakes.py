"""Mistakes made by hand in generated briefs are caught by the check they belong to, and
the edits a practitioner makes every day (rewording our own prose, moving sections, a
monitoring target, straightening quotes) give no new error or warning.

The cases live in tests/hand_mistakes.py; `python -m tests.hand_mistakes` prints the
verdict on each.
"""

from __future__ import annotations

import pytest

from tests.hand_mistakes import HARMLESS, MISTAKES, Case, new_findings, verdict


def test_the_set_holds_at_least_30_mistakes_and_20_harmless_edits() -> None:
    assert len(MISTAKES) >= 30 and len(HARMLESS) >= 20
    assert len({c.name for c in MISTAKES + HARMLESS}) == len(MISTAKES) + len(HARMLESS)


@pytest.mark.parametrize("case", MISTAKES, ids=[c.name for c in MISTAKES])
def test_a_hand_made_mistake_is_reported_by_its_check(case: Case) -> None:
    said = [f.format() for f in new_findings(case)]
    assert verdict(case) == case.severity, f"{case.name}: {said}"


@pytest.mark.parametrize("case", HARMLESS, ids=[c.name for c in HARMLESS])
def test_a_harmless_edit_gives_no_new_error_or_warning(case: Case) -> None:
    assert [f.format() for f in new_findings(case)] == []
