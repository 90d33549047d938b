"""Shared fixtures. Kept small: each area keeps its own helpers in its own module
(tests/tui_helpers.py for the terminal UI)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads the developer's own settings (the TUI's config.yaml): an empty
    directory stands in for the user's config directory."""
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("COUNTERBRIEF_CONFIG_DIR", str(config))
    monkeypatch.delenv("COUNTERBRIEF_EXIT_WHEN_READY", raising=False)
    return config
