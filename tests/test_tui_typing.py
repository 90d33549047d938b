"""Every key lands where the cursor is, at any typing speed (issue 12, item 3)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from assistant.compose.brief import FRAME_FIELDS
from assistant.tui.dialogs.decision import DecisionDialog
from assistant.tui.dialogs.export import ExportDialog

from .tui_helpers import compose_screen, make_app, open_frame, settled
from .tui_keys import spell, type_at_full_speed
from .tui_review_helpers import db_url, review_app, review_settled, saved_draft, team


async def test_typing_into_every_frame_field_with_tab_between_at_full_speed() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        await pilot.press("f4")  # Testimony -> Frame
        await settled(pilot)
        first = screen.query_one(f"#frame-{FRAME_FIELDS[0]}", TextArea)
        assert app.focused is first
        proposed = {name: screen.query_one(f"#frame-{name}", TextArea).text
                    for name in FRAME_FIELDS}
        keys: list[str] = []
        for name in FRAME_FIELDS:
            keys += [*spell(f"{name.upper()}TEXT "), "tab"]
        type_at_full_speed(app, keys)
        last = screen.query_one(f"#frame-{FRAME_FIELDS[-1]}", TextArea)
        for _ in range(500):  # every key handled (a busy machine takes a while), then the
            if last.text.startswith(f"{FRAME_FIELDS[-1].upper()}TEXT "):  # rebuild
                break
            await pilot.pause(0.01)
        await settled(pilot)
        for name in FRAME_FIELDS:
            typed = f"{name.upper()}TEXT " + proposed[name]
            assert screen.query_one(f"#frame-{name}", TextArea).text == typed, name
            assert screen.inputs is not None and screen.inputs.frame[name] == typed, name
            assert f"{name.upper()}TEXT" in screen.draft.markdown  # type: ignore[union-attr]


async def test_the_campaign_frame_keeps_what_was_typed_while_the_brief_rebuilds() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        goal = await open_frame(pilot)
        goal.load_text("")
        # One key every 80 ms: a rebuild starts after each pause and lands while typing.
        for key in [*spell("GOAL"), "tab", *spell("AUD"), "tab", *spell("MSG")]:
            await pilot.press(key)
            await pilot.pause(0.08)
        await settled(pilot)
        assert goal.text == "GOAL"
        assert screen.query_one("#frame-audience", TextArea).text.startswith("AUD")
        assert screen.query_one("#frame-message", TextArea).text.startswith("MSG")
        assert not screen.query_one("#frame-audience", TextArea).text.startswith("AUDMSG")


async def test_typing_a_file_name_in_the_export_dialog_at_full_speed(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        path = app.screen.query_one("#path", Input)
        path.value = ""
        target = str(tmp_path / "brief.md")
        type_at_full_speed(app, [*spell(target), "tab", "tab"])
        await settled(pilot)
        assert path.value == target
        assert app.screen.format == "md"  # type: ignore[attr-defined]
        assert app.focused is not None and app.focused.id == "export-button"


async def test_typing_a_comment_at_full_speed_then_tab_to_the_buttons(tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    app = review_app(url, "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        await pilot.press("enter")
        await review_settled(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, DecisionDialog)
        type_at_full_speed(app, [*spell("Cite the CBS interview."), "tab", "tab"])
        await review_settled(pilot)
        assert app.screen.query_one("#decision-comment", Input).value == (
            "Cite the CBS interview.")
        assert app.focused is not None and app.focused.id == "decision-confirm"
