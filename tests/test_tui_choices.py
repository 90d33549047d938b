"""What the communicator chose is what the brief is built with: the pickers never show a
choice that was not applied, and frame text written for one theme and audience stays with
them."""

from __future__ import annotations

from textual.widgets import Select

from .tui_helpers import compose_screen, make_app, open_frame, settled


def _said(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def _for_young_people(pilot) -> None:  # type: ignore[no-untyped-def]
    """Young people: an audience the opening format (Policy brief) is not written for."""
    compose_screen(pilot.app).select("audience", "young-people")
    await settled(pilot)


async def test_an_audience_the_format_is_not_written_for_brings_a_format_that_is() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        assert screen.inputs.template == "policy-brief"  # type: ignore[union-attr]
        await _for_young_people(pilot)  # as the palette or the picker sets it
        draft = screen.draft
        assert draft is not None and draft.brief.inputs.audience == "young-people"
        assert draft.brief.inputs.template == "talking-points"  # the format for them
        assert screen.query_one("#template", Select).value == "talking-points"
        assert screen.query_one("#audience", Select).value == "young-people"
        assert any("Talking points" in m and "Policy brief" in m for m in _said(app))


async def test_a_format_refused_for_the_audience_puts_its_picker_back() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        await _for_young_people(pilot)
        before = screen.draft.markdown  # type: ignore[union-attr]
        screen.select("template", "policy-brief")  # not written for young people
        await settled(pilot)
        assert screen.draft.markdown == before  # type: ignore[union-attr]
        assert screen.inputs.template == "talking-points"  # type: ignore[union-attr]
        assert screen.query_one("#template", Select).value == "talking-points"
        assert any("policy-brief" in m and "young-people" in m for m in _said(app))


async def test_frame_text_stays_with_the_theme_and_audience_it_was_written_for() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        goal = await open_frame(pilot)
        goal.load_text("Ministers meet two defectors.")
        await settled(pilot)
        assert "Ministers meet two defectors." in screen.draft.markdown  # type: ignore[union-attr]
        theme = screen.inputs.theme  # type: ignore[union-attr]
        screen.choose_theme(next(t for t in screen.session.corpus.themes if t != theme))  # type: ignore[union-attr]
        await settled(pilot)
        draft = screen.draft
        assert draft is not None and "Ministers meet two defectors." not in draft.markdown
        assert goal.text == draft.proposed_frame.goal  # the new theme's proposal, shown
        assert any("frame" in m and "kept" in m for m in _said(app))
        screen.choose_theme(theme)
        await settled(pilot)
        assert goal.text == "Ministers meet two defectors."  # and back with its theme
        assert "Ministers meet two defectors." in screen.draft.markdown  # type: ignore[union-attr]


async def test_a_frame_field_emptied_shows_the_proposal_again_once_left() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        goal = await open_frame(pilot)
        assert app.focused is goal
        goal.select_all()
        await pilot.press("delete")  # the whole field deleted
        await settled(pilot)
        assert goal.text == ""
        await pilot.press("tab")  # to the next field
        await settled(pilot)
        assert goal.text == screen.draft.proposed_frame.goal  # type: ignore[union-attr]
