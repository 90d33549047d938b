"""Issue 12's items as the tasks a communicator or reviewer sets out to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
from textual.widgets import Input, Static, TextArea

from assistant.review import open_store
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.export import ExportDialog
from assistant.tui.screens.compose import ComposeScreen
from assistant.tui.screens.draft_view import DraftViewScreen
from assistant.tui.widgets.theme_list import ThemeList

from .test_tui_flow import highlight_quote
from .tui_helpers import BAD_CORPUS, CORPUS, TEMPLATES, compose_screen, make_app, settled
from .tui_review_helpers import db_url, review_app, review_settled, saved_draft, team

HARSH_ONLY = "not-all-military-parades"
"""A quote linked to harsh-life and to no other theme."""


def notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications]


async def export_as(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportDialog)
    pilot.app.screen.query_one("#path", Input).value = name
    await pilot.press("enter")
    await settled(pilot)


async def choose_theme(pilot, theme_id: str) -> None:  # type: ignore[no-untyped-def]
    themes = pilot.app.screen.query_one(ThemeList)
    themes.focus()
    for _ in range(6):
        if themes.theme_id == theme_id:
            break
        await pilot.press("down")
    await settled(pilot)


# --- item 4 and 5: exports -----------------------------------------------------------


async def test_a_file_named_pdf_is_written_through_the_same_export_as_the_cli(
        tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="PDF needs the optional extra counterbrief[pdf]")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await export_as(pilot, str(tmp_path / "brief.pdf"))
        await pilot.app.workers.wait_for_complete()
        await settled(pilot)
        assert (tmp_path / "brief.pdf").exists(), notes(app)
        assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
        assert f"Wrote {(tmp_path / 'brief.pdf').resolve()}" in notes(app)


async def test_a_file_named_md_is_written_as_markdown_whatever_format_was_selected(
        tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await export_as(pilot, str(tmp_path / "x.md"))  # Word was selected
        assert (tmp_path / "x.md").read_text(encoding="utf-8").startswith("# ")
        assert f"Wrote {(tmp_path / 'x.md').resolve()}" in notes(app)


async def test_a_file_name_with_an_unknown_extension_is_refused_and_nothing_written(
        tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await export_as(pilot, str(tmp_path / "x.txt"))
        assert isinstance(app.screen, ExportDialog)  # still open, saying why
        problem = str(app.screen.query_one("#export-problem", Static).render())
        assert "Not written: x.txt: the extension .txt names no export format" in problem
        assert list(tmp_path.iterdir()) == []


async def test_exporting_over_an_existing_file_asks_and_keeping_it_writes_nothing(
        tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("my own notes\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await export_as(pilot, str(target))
        assert isinstance(app.screen, ConfirmDialog)
        assert str(target.resolve()) in app.screen.question
        await pilot.press("enter")  # the focused answer: keep it
        await settled(pilot)
        assert target.read_text(encoding="utf-8") == "my own notes\n"
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "enter")  # replace it
        await settled(pilot)
        assert target.read_text(encoding="utf-8").startswith("# ")


async def test_two_templates_for_the_same_theme_and_audience_get_different_names() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        names = []
        for template in ("policy-brief", "talking-points"):
            screen.select("template", template)
            await settled(pilot)
            await pilot.press("ctrl+e")
            await pilot.pause()
            names.append(app.screen.query_one("#path", Input).value)
            await pilot.press("escape")
            await pilot.pause()
        assert names[0] != names[1] and all(n.endswith(".docx") for n in names)
        assert names[1].startswith("talking-points--")


async def test_ctrl_e_exports_while_typing_in_a_frame_field() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("f4")
        await settled(pilot)
        assert isinstance(app.focused, TextArea)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)


# --- item 6: unsaved work -------------------------------------------------------------


async def test_opening_a_draft_asks_before_replacing_the_brief_being_written(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol")  # harsh-life for policymakers
    app = review_app(url, "carol")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await highlight_quote(pilot, "kill-everyone-who-says-no")
        await pilot.press("x")  # unsaved work on the compose screen
        await settled(pilot)
        mine = compose_screen(app).inputs
        await pilot.press("f3")
        await review_settled(pilot)
        await pilot.press("enter")
        await review_settled(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # keep my brief
        await review_settled(pilot)
        assert isinstance(app.screen, DraftViewScreen)
        assert compose_screen(app).inputs == mine
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "enter")  # open the draft after all
        await review_settled(pilot)
        assert isinstance(app.screen, ComposeScreen)
        assert compose_screen(app).inputs.theme == "harsh-life"  # type: ignore[union-attr]


async def test_saving_an_unchanged_brief_again_after_a_restart_makes_no_new_draft(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    for _ in range(2):  # two sessions of the app, one after the other
        app = review_app(url, "alice")
        async with app.run_test(size=(120, 36)) as pilot:
            await review_settled(pilot)
            await pilot.press("ctrl+s")
            await review_settled(pilot)
    store = open_store(url, "alice")
    assert [d.id for d in store.list_queue(None)] == [1]
    assert any("Already saved as draft 1" in n.title for n in app._notifications)


# --- item 7: pins belong to a theme ----------------------------------------------------


async def test_pins_stay_with_their_theme_and_come_back_with_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await choose_theme(pilot, "harsh-life")
        await highlight_quote(pilot, HARSH_ONLY)
        await pilot.press("p")
        await settled(pilot)
        screen = compose_screen(app)
        assert screen.inputs.pins == [HARSH_ONLY]  # type: ignore[union-attr]
        await choose_theme(pilot, "brutality-against-sunnis")
        assert screen.inputs.pins == []  # type: ignore[union-attr]
        assert HARSH_ONLY not in screen.draft.in_brief  # type: ignore[union-attr]
        assert any("kept with that theme" in n for n in notes(app))
        await choose_theme(pilot, "harsh-life")
        assert screen.inputs.pins == [HARSH_ONLY]  # type: ignore[union-attr]


# --- item 9, 10, 11: reviewers ---------------------------------------------------------


async def approved_draft(tmp_path: Path) -> str:
    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol", submit=True)
    store = open_store(url, "bob")
    store.approve(1, "Checked the sources.")
    store.close()
    return url


async def test_an_approved_draft_is_exported_from_its_view_with_its_approval_line(
        tmp_path: Path) -> None:
    url = await approved_draft(tmp_path)
    app = review_app(url, "carol")
    target = tmp_path / "approved.docx"
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        await pilot.press("enter")
        await review_settled(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "Approved by bob" in str(app.screen.query_one("#export-status").render())
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await review_settled(pilot)
    document = docx.Document(str(target))
    text = "\n".join(p.text for p in document.paragraphs)
    header = "\n".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Approved by bob" in header and "DRAFT" not in header + text
    assert "Approved by: bob" in text and "Role: reviewer" in text  # the approval block
    log = open_store(url, "carol").audit_log(1)
    assert log[-1].action == "exported"


async def test_a_reviewer_comments_without_deciding(tmp_path: Path) -> None:
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
        await pilot.press(*"Is source 2 the right outlet?", "enter")
        await review_settled(pilot)
        view = app.screen
        assert "COMMENTED version 1" in str(view.query_one("#draft-comments").render())
    draft = open_store(url, "bob").get_draft(1)
    assert draft.status == "in-review"


async def test_any_two_versions_are_compared_word_by_word_without_citation_noise(
        tmp_path: Path) -> None:
    url = db_url(tmp_path)
    team(url).close()
    draft = saved_draft(url, "carol")
    store = open_store(url, "carol")
    v1 = draft.current
    # Version 2 renumbers every citation; version 3 changes one word as well.
    renumbered = v1.markdown.replace("[1]", "[9]").replace("[2]", "[1]")
    v2 = store.edit_draft(1, v1.inputs, renumbered, v1.corpus_fingerprint,
                          expected_revision=draft.revision)
    worded = renumbered.replace("Policy brief", "Policy paper", 1)
    store.edit_draft(1, v1.inputs, worded, v1.corpus_fingerprint,
                     expected_revision=v2.revision)
    store.close()
    app = review_app(url, "bob")
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        await pilot.press("enter")
        await review_settled(pilot)
        await pilot.press("2")
        await pilot.pause()
        view = app.screen
        diff = view.query_one("#diff-text", Static)
        assert "[-brief-]" in str(diff.render()) and "{+paper+}" in str(diff.render())
        view.query_one("VersionDiff").compare(1, 2)  # type: ignore[attr-defined]
        await pilot.pause()
        assert "A reader sees the same text in version 1 and version 2" in str(diff.render())
        view.query_one("VersionDiff").compare(1, 3)  # type: ignore[attr-defined]
        await pilot.pause()
        shown = str(diff.render())
        assert "{+paper+}" in shown and "[9]" not in shown


async def test_with_a_broken_corpus_edit_on_a_draft_says_why(tmp_path: Path) -> None:
    from assistant.tui.app import build_app

    url = db_url(tmp_path)
    team(url).close()
    saved_draft(url, "carol")
    app = build_app(BAD_CORPUS, TEMPLATES, db_url=url, user="carol", exit_when_ready=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await review_settled(pilot)
        await pilot.press("f3")
        await review_settled(pilot)
        await pilot.press("enter")
        await review_settled(pilot)
        await pilot.press("e")
        await review_settled(pilot)
        said = notes(app)
        assert any("cannot rebuild drafts until that is fixed" in n for n in said)
        assert not any("still loading" in n for n in said)


# --- item 8 and friction: settings, keys, layout ---------------------------------------


async def test_a_keymap_that_would_take_over_typing_is_refused_and_the_rest_applied(
        tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text(
        "keymap:\n  app.quit: q\n  testimony.pin: ctrl+p\n  testimony.exclude: i\n"
        "theme: blue\n", encoding="utf-8")
    app = make_app(config_dir=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        said = "\n".join(notes(app))
        assert "app.quit: 'q' types a character" in said
        assert "testimony.pin: ctrl+p is taken by the command palette" in said
        assert "theme: 'blue' is not a theme; write dark or light" in said
        await highlight_quote(pilot, "kill-everyone-who-says-no")
        await pilot.press("i")  # the one good entry was applied
        await settled(pilot)
        assert compose_screen(app).inputs.exclusions == [  # type: ignore[union-attr]
            "kill-everyone-who-says-no"]
        await pilot.press("f4", "q")  # typing q in a frame field types it
        await settled(pilot)
        assert app.is_running


async def test_the_chosen_colour_theme_is_there_at_the_next_start(tmp_path: Path) -> None:
    app = make_app(config_dir=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "textual-light"
    again = make_app(config_dir=tmp_path)
    async with again.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        assert again.theme == "textual-light"


async def test_the_palette_names_colours_apart_from_narrative_themes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Theme" not in titles and "Colours (light, dark…)" in titles


async def test_tab_from_the_tab_bar_lands_on_something_visible() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        screen.query_one("#panels Tabs").focus()
        await pilot.pause()
        for pane in ("tab-frame", "tab-findings", "tab-testimony"):
            await pilot.press("right")  # the next tab
            await settled(pilot)
            await pilot.press("tab")
            await pilot.pause()
            focused = app.focused
            assert focused is not None and focused.region.area > 0, pane
            assert focused in screen.query_one(f"#{pane}").walk_children(), pane
            await pilot.press("shift+tab")  # back to the tab bar
            await pilot.pause()


async def test_f5_gives_the_screen_to_the_panel_and_back() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("f4", "f5")
        await pilot.pause()
        screen = compose_screen(app)
        assert screen.maximized is screen.query_one("#panels")
        await pilot.press("f5")
        await pilot.pause()
        assert screen.maximized is None


def test_the_app_exits_with_status_1_when_it_dies_of_an_error(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from assistant.tui import app as tui\n"
        "def boom(self):\n"
        "    raise RuntimeError('boom')\n"
        "tui.CounterbriefApp.on_mount = boom\n"
        f"tui.run_app(Path({str(CORPUS)!r}), templates_dir=Path({str(TEMPLATES)!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env={"TERM": "dumb", "PATH": "/usr/bin:/bin",
                                           "COUNTERBRIEF_CONFIG_DIR": str(tmp_path)},
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 1


def test_the_terminal_ui_has_no_import_cycle_between_saving_and_composing() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import assistant.tui.drafting, sys; "
         "print('assistant.tui.screens.compose' in sys.modules)"],
        capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False"


def test_no_private_textual_modules_are_imported() -> None:
    package = Path(__file__).parent.parent / "assistant" / "tui"
    offending = [str(p) for p in package.rglob("*.py")
                 if "textual.widgets._" in p.read_text(encoding="utf-8")
                 or "from textual._" in p.read_text(encoding="utf-8")]
    assert offending == []


async def test_the_testimony_filter_lists_only_the_quotes_that_match() -> None:
    from assistant.tui.widgets.testimony import TestimonyList

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await choose_theme(pilot, "harsh-life")
        testimony = app.screen.query_one(TestimonyList)
        before = testimony.option_count
        app.screen.query_one("#testimony-filter", Input).focus()
        await pilot.press(*"ibrahim")
        await settled(pilot)
        shown = [testimony.get_option_at_index(i) for i in range(testimony.option_count)]
        quotes = [o for o in shown if o.id]
        assert 0 < len(quotes) < before
        assert all("ibrahim" in str(o.prompt).lower() for o in quotes)
        await pilot.press(*"zzz")
        await settled(pilot)
        assert "No quote matches 'ibrahimzzz'." in str(testimony.get_option_at_index(0).prompt)
