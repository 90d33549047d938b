"""The first look at the themes (shown while the corpus validates) matches the validated one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.corpus import load_corpus
from assistant.corpus.glance import glance_themes
from assistant.corpus.stats import corpus_stats
from assistant.paths import bundled_corpus_dir

FIXTURES = Path(__file__).parent / "fixtures"
KEYS = ("id", "title", "quotes", "speakers", "graphic_quotes")


@pytest.mark.parametrize("root", [bundled_corpus_dir(), FIXTURES / "tui_corpus",
                                  FIXTURES / "mini_corpus"], ids=["bundled", "tui", "mini"])
def test_the_glance_counts_what_the_validated_corpus_counts(root: Path) -> None:
    corpus = load_corpus(root)
    validated = [(*tuple(row[k] for k in KEYS), corpus.themes[row["id"]].claim)
                 for row in corpus_stats(corpus)["themes"]]
    glanced = glance_themes(root)
    assert glanced is not None
    assert [(*tuple(row[k] for k in KEYS), row["claim"]) for row in glanced] == validated


def test_a_corpus_the_glance_cannot_read_gives_nothing_rather_than_an_error(tmp_path: Path) -> None:
    (tmp_path / "themes.yaml").write_text("themes: [\n")
    assert glance_themes(tmp_path) is None


def test_the_glance_needs_neither_pydantic_nor_textual() -> None:
    code = ("import sys; from assistant.corpus.glance import glance_themes;"
            "print(sorted(m for m in ('pydantic', 'textual') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_second_glance_comes_from_the_cache_without_reading_yaml(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = glance_themes(bundled_corpus_dir(), cache)
    assert (cache / "themes-glance.json").is_file()
    code = ("import sys; from pathlib import Path; from assistant.corpus.glance import "
            f"glance_themes; rows = glance_themes(Path({str(bundled_corpus_dir())!r}), "
            f"Path({str(cache)!r})); print(len(rows), 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(first or [])), "False"]


def test_editing_a_corpus_file_invalidates_the_cached_glance(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "x").mkdir(parents=True)
    themes = root / "themes.yaml"
    themes.write_text("themes:\n  - {id: a, title: First title, claim: C, summary: S}\n")
    cache = tmp_path / "cache"
    assert [r["title"] for r in glance_themes(root, cache) or []] == ["First title"]
    themes.write_text("themes:\n  - {id: a, title: A longer second title, claim: C, summary: S}\n")
    assert [r["title"] for r in glance_themes(root, cache) or []] == ["A longer second title"]


def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "themes-glance.json").write_text("{not json")
    rows = glance_themes(bundled_corpus_dir(), cache)
    assert rows is not None and rows == glance_themes(bundled_corpus_dir())
    assert json.loads((cache / "themes-glance.json").read_text())["rows"] == rows
