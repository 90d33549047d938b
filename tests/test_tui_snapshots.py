"""Screenshots of each screen and dialog at 80x24 and 120x36 (pytest-textual-snapshot).

Deterministic: the fixed test corpus and templates, no user settings (conftest), cursors
not blinking, and each picture taken once the app has finished its work. After a
deliberate change to the look, review and accept with `pytest --snapshot-update`.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from assistant.tui.widgets.testimony import TestimonyList

from .tui_helpers import BAD_CORPUS, make_app, settled

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


def after(*keys: str, focus: str | None = None):  # type: ignore[no-untyped-def]
    """A run_before that waits for the brief, optionally focuses a widget, presses keys
    (waiting after each) and waits again."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settled(pilot)
        if focus:
            pilot.app.screen.query_one(focus).focus()
        for key in keys:
            await pilot.press(key)
            await settled(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_compose_screen(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=size, run_before=after())


@pytest.mark.parametrize("size", SIZES)
def test_testimony_with_a_pinned_and_an_excluded_quote(snap_compare, size):  # type: ignore[no-untyped-def]
    keys = ("f2",) if size[0] < 110 else ()
    run = after(*keys, "p", "down", "x", focus=TestimonyList.__name__)
    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_campaign_frame(snap_compare, size):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await settled(pilot)
        screen = pilot.app.screen
        screen.set_class(True, "-panels")
        screen.query_one("#panels").active = "tab-frame"  # type: ignore[attr-defined]
        await settled(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_findings(snap_compare, size):  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=size, run_before=after("ctrl+r"))


@pytest.mark.parametrize("size", SIZES)
def test_export_dialog(snap_compare, size):  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=size, run_before=after("ctrl+e"))


@pytest.mark.parametrize("size", SIZES)
def test_confirm_quit_dialog(snap_compare, size):  # type: ignore[no-untyped-def]
    run = after("x", "ctrl+q", focus=TestimonyList.__name__)
    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_help_dialog(snap_compare, size):  # type: ignore[no-untyped-def]
    run = after("f1", focus=TestimonyList.__name__)
    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@pytest.mark.parametrize("size", SIZES)
def test_corpus_problems_screen(snap_compare, size, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(BAD_CORPUS.parent.parent.parent)  # paths shown relative to the checkout
    app = make_app(corpus=BAD_CORPUS.relative_to(BAD_CORPUS.parent.parent.parent))
    assert snap_compare(app, terminal_size=size, run_before=after())
