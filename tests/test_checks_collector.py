"""The checks pause the garbage collector while they run (bench/check_speed.py shows
why) and leave it as they found it: on after a check, also one that fails, and still off
for a program that had turned it off."""

from __future__ import annotations

import gc

import pytest

import assistant.checks as checks
from assistant.checks import check_markdown
from tests.checks_helpers import CLEAN, corpus


def test_the_collector_runs_again_after_a_check() -> None:
    assert gc.isenabled()
    check_markdown(CLEAN, corpus())
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_check_that_fails(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def broken(ci: object) -> list[checks.Finding]:
        seen.append(gc.isenabled())
        raise checks.VocabularyError("style-guide.yaml:3: not valid YAML")

    monkeypatch.setitem(checks.MARKDOWN_CHECKS, "tone", broken)
    with pytest.raises(checks.VocabularyError):
        check_markdown(CLEAN, corpus())
    assert seen == [False]  # paused while the checks ran
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        check_markdown(CLEAN, corpus())
        assert not gc.isenabled()
    finally:
        gc.enable()
