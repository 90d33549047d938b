"""The first look at the themes (shown while the corpus validates) matches the validated one."""

from __future__ import annotations

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
