"""The corpus that ships with the tool is valid and carries what briefs need."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from assistant.cli import cli
from assistant.corpus import load_corpus

TODAY = date(2026, 11, 21)


def test_bundled_corpus_validates_with_no_problems() -> None:
    result = CliRunner().invoke(cli, ["corpus", "validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("corpus valid:")


def test_bundled_corpus_has_the_four_icsr_narratives_and_five_audiences() -> None:
    corpus = load_corpus(today=TODAY)
    for theme in ("fighting-sunnis", "brutality-against-sunnis", "corrupt-un-islamic", "harsh-life"):
        assert theme in corpus.themes
    assert {"policymakers", "journalists", "community-leaders", "young-people",
            "workshop"} <= set(corpus.audiences)
    assert len(corpus.quotes) >= 20


def test_every_disagreement_between_reports_is_kept_with_a_note() -> None:
    corpus = load_corpus(today=TODAY)
    conflicting = [f for f in corpus.facts.values() if f.disagreeing]
    assert len(conflicting) >= 2  # report date; British returnees
    assert all(f.conflict_note for f in conflicting)


def test_stats_lists_the_conflicting_figures() -> None:
    result = CliRunner().invoke(cli, ["corpus", "stats"])
    assert result.exit_code == 0, result.output
    assert "Conflicting figures" in result.output
