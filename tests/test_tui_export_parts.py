"""The app's export dialog offers the same parts as `--part`: what the audience reads, the
team's notes, or both; each is written through the same export options as the CLI."""

from __future__ import annotations

from pathlib import Path

import docx
from textual.widgets import Input, RadioSet

from assistant.compose.parts import FINDINGS_HEADING, TEAM_HEADING
from assistant.paths import bundled_templates_dir
from assistant.tui.dialogs.export import ExportDialog

from .tui_helpers import compose_screen, make_app, settled

# "all" is chosen when the dialog opens, and offered first, then audience and team.
KEYS = {"audience": ("down", "enter"), "team": ("down", "down", "enter"), "all": ()}


async def export_part(pilot, part: str, target: Path) -> None:  # type: ignore[no-untyped-def]
    """Open the dialog, choose `part` with the keyboard alone, write to `target`."""
    await pilot.press("ctrl+e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportDialog)
    dialog.query_one("#path", Input).value = str(target)
    await pilot.press("shift+tab")  # from the file name back to the parts
    assert dialog.query_one("#part", RadioSet).has_focus
    await pilot.press(*KEYS[part])
    await pilot.pause()
    assert dialog.part == part
    await pilot.press("tab")  # to the file name, where Enter exports
    assert dialog.query_one("#path", Input).has_focus
    await pilot.press("enter")
    await settled(pilot)


async def test_each_part_chosen_in_the_dialog_is_the_part_written(tmp_path: Path) -> None:
    app = make_app(templates=bundled_templates_dir())
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        draft = compose_screen(app).draft
        assert draft is not None
        for part in ("audience", "team", "all"):
            await export_part(pilot, part, tmp_path / f"{part}.md")
        await export_part(pilot, "team", tmp_path / "team.docx")

    audience, team, whole = ((tmp_path / f"{p}.md").read_text(encoding="utf-8")
                             for p in ("audience", "team", "all"))
    title = draft.markdown.split("\n", 1)[0]
    assert audience.startswith(title) and team.startswith(title) and whole.startswith(title)
    assert "## Sources" in audience and TEAM_HEADING not in audience
    assert FINDINGS_HEADING not in audience and "## Campaign frame" not in audience
    assert f"# {TEAM_HEADING}" in team and "## Campaign frame" in team
    assert "## Sources" not in team
    assert team.rstrip().rsplit("\n## ", 1)[-1].startswith(FINDINGS_HEADING)  # the end
    assert whole.index("## Sources") < whole.index(TEAM_HEADING) < whole.index(FINDINGS_HEADING)
    word = [p.text for p in docx.Document(str(tmp_path / "team.docx")).paragraphs]
    assert TEAM_HEADING in word and FINDINGS_HEADING in word and "Sources" not in word


async def test_the_findings_in_the_team_notes_are_those_the_app_showed(tmp_path: Path) -> None:
    from textual.widgets import TextArea

    app = make_app(templates=bundled_templates_dir())
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        # the group's news agency named in the frame: the checks warn about it
        await pilot.press("f4")  # the Frame panel
        await settled(pilot)
        screen.query_one("#frame-media", TextArea).load_text("Replies under Amaq posts")
        await settled(pilot)
        draft = screen.draft
        assert draft is not None
        shown = [f.message for f in draft.findings if f.severity.value == "warning"]
        await export_part(pilot, "team", tmp_path / "team.md")
        await export_part(pilot, "audience", tmp_path / "audience.md")

    notes = (tmp_path / "team.md").read_text(encoding="utf-8")
    summary = notes[notes.index(f"## {FINDINGS_HEADING}"):]
    assert "names an Islamic State media outlet: 'Amaq'" in shown
    assert summary.count("names an Islamic State media outlet: ‘Amaq’") == 1
    count = f"{len(shown)} warning{'s' * (len(shown) != 1)}"
    assert f"The checks found {count}" in summary
    audience = (tmp_path / "audience.md").read_text(encoding="utf-8")
    assert "Amaq" not in audience and FINDINGS_HEADING not in audience
