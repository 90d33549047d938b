"""Settings: keys remapped from config.yaml, bad settings reported, defaults kept."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.tui.config import SCHEMA_FILE, load_settings, settings_schema
from assistant.tui.keys import all_bindings
from assistant.tui.widgets.testimony import TestimonyList

from .tui_helpers import make_app, settled


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    missing = [b.key for b in all_bindings() if not (b.id and b.tooltip)]
    assert missing == []


def test_the_shipped_json_schema_matches_the_settings_model() -> None:
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == settings_schema()


def test_no_config_file_gives_the_defaults(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path)
    assert (loaded.settings.keymap, loaded.problems) == ({}, [])


def test_a_misspelt_setting_is_reported_with_the_file(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("keymaps:\n  testimony.pin: i\n", encoding="utf-8")
    loaded = load_settings(tmp_path)
    assert loaded.settings.keymap == {}
    assert len(loaded.problems) == 1 and "config.yaml" in loaded.problems[0]
    assert "keymaps" in loaded.problems[0]


def test_broken_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("theme: light\nkeymap: [\n", encoding="utf-8")
    assert "config.yaml:3" in load_settings(tmp_path).problems[0]


async def test_a_remapped_key_pins_the_quote(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("keymap:\n  testimony.pin: i\n", encoding="utf-8")
    app = make_app(config_dir=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        testimony = app.screen.query_one(TestimonyList)
        testimony.focus()
        quote_id = testimony.quote_id
        await pilot.press("i")
        await settled(pilot)
        assert app.screen.inputs.pins == [quote_id]  # type: ignore[attr-defined]


async def test_bad_settings_are_shown_and_the_default_keys_still_work(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("keymap:\n  testimony.pinn: i\n", encoding="utf-8")
    app = make_app(config_dir=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        messages = [n.message for n in app._notifications]
        assert any("testimony.pinn" in m for m in messages)
        testimony = app.screen.query_one(TestimonyList)
        testimony.focus()
        await pilot.press("p")
        await settled(pilot)
        assert app.screen.inputs.pins == [testimony.quote_id]  # type: ignore[attr-defined]


async def test_light_theme_from_settings_and_a_key_to_switch(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("theme: light\n", encoding="utf-8")
    app = make_app(config_dir=tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"
