"""Where the bundled corpus and templates live, in a checkout and after `pip install .`."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_data" / name  # placed there by the wheel build
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name  # a source checkout or an editable install


def bundled_corpus_dir() -> Path:
    return _bundled("narratives")


def bundled_templates_dir() -> Path:
    return _bundled("templates")


CACHE_DIR_ENV = "COUNTERBRIEF_CACHE_DIR"


def cache_dir() -> Path:
    """Where derived, disposable files go (env override first, then the platform's place)."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("counterbrief"))
