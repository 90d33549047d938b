"""Where the bundled corpus and templates live, in a checkout and after `pip install .`."""

from __future__ import annotations

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
