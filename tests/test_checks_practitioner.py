"""A practitioner's hand edits of briefs written by `assistant brief`, run through
`assistant check FILE --json` (and `--strict`): each mistake is reported by the check it
belongs to, with the severity a careful reviewer wants; each harmless edit brings no new
error or warning.

The cases live in tests/practitioner_edits.py (`python -m tests.practitioner_edits` prints
what the checks make of each). A case the checks get wrong today is a strict xfail naming
what they do instead, so the suite stays green and the day it is fixed is noticed.
"""

from __future__ import annotations

import pytest

from tests.practitioner_edits import HARMLESS, MISTAKES, Case, new_findings, verdict


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case.wrong)] if case.wrong else []
    return pytest.param(case, id=case.name, marks=marks)


def test_the_set_holds_at_least_30_mistakes_and_15_harmless_edits() -> None:
    assert len(MISTAKES) >= 30 and len(HARMLESS) >= 15
    assert len({c.name for c in MISTAKES + HARMLESS}) == len(MISTAKES) + len(HARMLESS)


@pytest.mark.parametrize("case", [_param(c) for c in MISTAKES])
def test_a_practitioners_mistake_is_reported_by_its_check(case: Case) -> None:
    said = [f.format() for f in new_findings(case)]
    assert verdict(case) == case.severity, f"{case.name}: {said}"


@pytest.mark.parametrize("case", [_param(c) for c in MISTAKES if c.strict])
def test_under_strict_the_mistake_is_an_error(case: Case) -> None:
    said = [f.format() for f in new_findings(case, "--strict")]
    assert verdict(case, "--strict") == case.strict, f"{case.name}: {said}"


@pytest.mark.parametrize("case", [_param(c) for c in HARMLESS])
def test_a_practitioners_harmless_edit_gives_no_new_error_or_warning(case: Case) -> None:
    assert [f.format() for f in new_findings(case)] == []
    assert [f.format() for f in new_findings(case, "--strict")] == []
