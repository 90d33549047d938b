"""Shared fixtures. Kept small: each area keeps its own helpers in its own module
(tests/tui_helpers.py for the terminal UI)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads the developer's own settings (the TUI's config.yaml) or cache, or
    is steered by their environment: empty directories stand in for the user's config
    and cache directories."""
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("COUNTERBRIEF_CONFIG_DIR", str(config))
    monkeypatch.setenv("COUNTERBRIEF_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    for name in ("COUNTERBRIEF_EXIT_WHEN_READY", "ASSISTANT_CORPUS", "ASSISTANT_DB",
                 "ASSISTANT_USER", "ASSISTANT_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    return config
