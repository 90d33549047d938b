"""The terminal UI, driven with the keyboard as a communicator would use it."""

from __future__ import annotations

from pathlib import Path

import docx
import yaml
from textual.widgets import Input, OptionList, Select, TextArea

from assistant.paths import bundled_templates_dir
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.dialogs.export import ExportDialog
from assistant.tui.dialogs.help import HelpDialog
from assistant.tui.screens.problems import ProblemsScreen
from assistant.tui.widgets.preview import BriefPreview
from assistant.tui.widgets.testimony import TestimonyList
from assistant.tui.widgets.theme_list import ThemeList

from .tui_helpers import BAD_CORPUS, CORPUS, compose_screen, make_app, settled

PINNED = "not-all-military-parades"
EXCLUDED = "kill-everyone-who-says-no"


def corpus_text(quote_id: str) -> str:
    data = yaml.safe_load((CORPUS / "corpus.yaml").read_text(encoding="utf-8"))
    return next(q["text"] for q in data["quotes"] if q["id"] == quote_id)


async def choose_option(pilot, selector: str, value: str) -> None:  # type: ignore[no-untyped-def]
    """Open a Select with Enter, move down to `value` and choose it with Enter, as a user
    would (the options passed on the way are not chosen)."""
    select = pilot.app.screen.query_one(selector, Select)
    prompts = {v: str(p) for p, v in select._options}
    select.focus()
    await pilot.press("enter")
    overlay = select.query_one("SelectOverlay", OptionList)
    await pilot.press("home")
    for _ in range(len(prompts)):
        highlighted = overlay.get_option_at_index(overlay.highlighted or 0)
        if str(highlighted.prompt) == prompts[value]:
            break
        await pilot.press("down")
    await pilot.press("enter")
    await settled(pilot)
    assert select.value == value


async def highlight_quote(pilot, quote_id: str) -> None:  # type: ignore[no-untyped-def]
    testimony = pilot.app.screen.query_one(TestimonyList)
    testimony.focus()
    await pilot.press("home")
    for _ in range(20):
        if testimony.quote_id == quote_id:
            return
        await pilot.press("down")
    raise AssertionError(f"{quote_id} is not in the testimony list")


async def test_a_pinned_quote_is_in_the_exported_word_file_and_an_excluded_one_is_not(
        tmp_path: Path) -> None:
    app = make_app(templates=bundled_templates_dir())
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        themes = screen.query_one(ThemeList)
        themes.focus()
        await pilot.press("down")  # the second theme: Harsh life
        await settled(pilot)
        await choose_option(pilot, "#template", "talking-points")  # written for policymakers
        assert screen.inputs is not None
        assert (screen.inputs.theme, screen.inputs.audience, screen.inputs.template) == (
            "harsh-life", "policymakers", "talking-points")

        await highlight_quote(pilot, PINNED)
        await pilot.press("p")
        await settled(pilot)
        await highlight_quote(pilot, EXCLUDED)
        await pilot.press("x")
        await settled(pilot)
        assert corpus_text(PINNED) in screen.draft.markdown  # type: ignore[union-attr]

        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#path", Input).value = str(tmp_path / "brief.docx")
        await pilot.press("enter")
        await settled(pilot)

    written = tmp_path / "brief.docx"
    assert written.is_file()
    text = "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    assert corpus_text(PINNED) in text
    assert corpus_text(EXCLUDED) not in text


async def test_the_testimony_panel_says_pinned_and_excluded_in_words() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await highlight_quote(pilot, EXCLUDED)
        await pilot.press("x")
        await settled(pilot)
        testimony = app.screen.query_one(TestimonyList)
        prompt = str(testimony.get_option(EXCLUDED).prompt)
        assert "[EXCLUDED]" in prompt
        assert "[IN BRIEF]" not in prompt


async def test_graphic_quotes_carry_a_text_badge() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        testimony = app.screen.query_one(TestimonyList)
        assert "[GRAPHIC]" in str(testimony.get_option("they-will-behead-me").prompt)


async def test_moving_a_quote_up_changes_its_place_in_the_brief() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        first, second = screen.draft.in_brief[:2]  # type: ignore[union-attr]
        await highlight_quote(pilot, second)
        await pilot.press("shift+up")
        await settled(pilot)
        assert screen.draft.in_brief[:2] == [second, first]  # type: ignore[union-attr]


async def test_editing_the_campaign_frame_changes_the_brief() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("f4")  # Testimony -> Frame: the cursor in the Goal field
        await settled(pilot)
        field = app.screen.query_one("#frame-goal", TextArea)
        assert app.focused is field
        field.load_text("Persuade ministers to resettle defectors who speak out.")
        await settled(pilot)
        assert "Persuade ministers to resettle defectors who speak out." in (
            compose_screen(app).draft.markdown)  # type: ignore[union-attr]


async def test_the_frame_tab_shows_the_proposal_for_the_theme_chosen_before_it_opened() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        await pilot.press("down")  # another theme, while the Frame tab was never opened
        await settled(pilot)
        await pilot.click("#--content-tab-tab-frame")
        await settled(pilot)
        proposed = screen.draft.proposed_frame  # type: ignore[union-attr]
        assert screen.query_one("#frame-goal", TextArea).text == proposed.goal
        assert screen.query_one("#frame-monitoring", TextArea).text == proposed.monitoring


async def test_on_a_narrow_screen_a_frame_edited_in_the_panels_is_in_the_preview_after() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        await pilot.press("f4")  # the panels take the screen, the Frame panel shown
        await settled(pilot)
        screen.query_one("#frame-goal", TextArea).load_text("Ministers meet two defectors.")
        await settled(pilot)
        await pilot.press("f2")  # back to the preview
        await settled(pilot)
        preview = screen.query_one("#preview", BriefPreview)
        assert preview.display and "Ministers meet two defectors." in preview.source
        assert preview.source == screen.draft.markdown  # type: ignore[union-attr]


async def test_quitting_with_changes_not_exported_asks_first() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await highlight_quote(pilot, EXCLUDED)
        await pilot.press("x")
        await settled(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the focused, safe answer: stay
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmDialog)


async def test_quitting_without_changes_does_not_ask() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_corpus_with_problems_lists_them_by_file_and_line() -> None:
    app = make_app(corpus=BAD_CORPUS)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        assert any("quotes.yaml:" in problem and "txt" in problem
                   for problem in app.screen.problems)


async def test_f1_explains_the_focused_panel_and_its_keys() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        app.screen.query_one(TestimonyList).focus()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        assert "## Testimony" in app.screen.text
        assert ("testimony.pin", "p", "Pin") in [row[:3] for row in app.screen.keys]


async def test_the_export_dialog_suggests_a_file_named_after_template_theme_and_audience(
        ) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        path = app.screen.query_one("#path", Input)
        assert path.value == "policy-brief--brutality-against-sunnis--policymakers.docx"
        await pilot.press("shift+tab", "shift+tab", "down", "enter")  # past the parts to
        # the formats: Word, Markdown, Web page
        await pilot.pause()
        assert path.value == "policy-brief--brutality-against-sunnis--policymakers.md"


async def test_the_command_palette_offers_themes() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Theme: Harsh")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settled(pilot)
        assert compose_screen(app).inputs.theme == "harsh-life"  # type: ignore[union-attr]


async def test_choosing_a_finding_scrolls_the_preview_to_it() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        screen = compose_screen(app)
        # A frame line naming the group's news agency: the checks warn about it, and the
        # frame is at the end of the brief, well below the first screenful.
        await pilot.press("f4")  # the Frame panel
        await settled(pilot)
        screen.query_one("#frame-media", TextArea).load_text("Replies under Amaq posts")
        await settled(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        findings = screen.query_one("#findings", OptionList)
        assert findings.has_focus
        await pilot.press("home", "enter")
        await settled(pilot)
        assert screen.query_one("#preview").display  # the preview is back in view
        assert screen.query_one("#preview").scroll_y > 0


async def test_a_short_theme_list_keeps_every_theme_in_view_by_showing_one_claim() -> None:
    from assistant.paths import bundled_corpus_dir
    from assistant.tui.app import CounterbriefApp
    from assistant.tui.widgets.theme_list import ThemeList

    def claims_shown(app: CounterbriefApp) -> list[str]:
        themes = app.screen.query_one(ThemeList)
        prompts = [str(themes.get_option_at_index(i).prompt)
                   for i in range(themes.option_count)]
        return [p for p in prompts if "IS is " in p or "Life under IS" in p]

    tall = make_app(bundled_corpus_dir(), bundled_templates_dir())
    async with tall.run_test(size=(160, 70)) as pilot:
        await settled(pilot)
        assert len(claims_shown(tall)) == 4  # the four ICSR narratives, each with its claim
    short = make_app(bundled_corpus_dir(), bundled_templates_dir())
    async with short.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        [shown] = claims_shown(short)
        assert shown.startswith("▶ ")  # only the highlighted theme's claim
