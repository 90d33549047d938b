"""Every quotation and figure in the bundled corpus is printed, verbatim, in its source.

The five news reports the corpus was built from live in `shared/seeds/` beside the
project checkout. A quote's text must occur character for character (curly quotes,
apostrophes, dashes, spelling) in the report it was read in; a fact's figure must occur
in every report it cites.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.corpus.models import CorpusFile, Fact, Quote, Theme

PROJECT = Path(__file__).resolve().parents[1]
CORPUS_DIR = PROJECT / "narratives"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# Source id (a report we read first-hand) -> the seed file holding its text.
SEED_FILES = {
    "wisniowicz-isis-defectors-key": "000_f01f9bc5a259801a.txt",
    "wapo-adam-repost": "001_7033b0bd44bfd6d5.txt",
    "straits-times-2015-09-22": "002_58b82c5bd537f821.txt",
    "nyt-2015-09-20": "003_82ece8aabb20cfd0.txt",
    "uk-think-tank-defectors": "004_a294ea6f5633931d.txt",
}


def _corpus_files() -> list[CorpusFile]:
    files = sorted(
        p
        for p in CORPUS_DIR.rglob("*.yaml")
        if "schema" not in p.relative_to(CORPUS_DIR).parts
    )
    assert files, f"no corpus files under {CORPUS_DIR}"
    return [CorpusFile.model_validate(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in files]


def _quotes() -> list[Quote]:
    return [q for f in _corpus_files() for q in f.quotes]


def _facts() -> list[Fact]:
    return [fact for f in _corpus_files() for fact in f.facts]


def _themes() -> list[Theme]:
    return [theme for f in _corpus_files() for theme in f.themes]


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS_DIR} (they sit beside the checkout)")
    return {
        source_id: (SEEDS_DIR / name).read_text(encoding="utf-8")
        for source_id, name in SEED_FILES.items()
    }


def test_the_corpus_has_quotes_and_facts() -> None:
    assert len(_quotes()) >= 25
    assert len(_facts()) >= 15


@pytest.mark.parametrize("quote", _quotes(), ids=lambda q: q.id)
def test_quote_text_is_verbatim_in_the_report_it_was_read_in(
    quote: Quote, seeds: dict[str, str]
) -> None:
    first_hand = quote.sources[0].source
    assert first_hand in seeds, (
        f"{quote.id}: source {first_hand!r} is not one of the seed reports {sorted(seeds)}"
    )
    assert quote.text in seeds[first_hand], (
        f"{quote.id}: text does not occur verbatim in {SEED_FILES[first_hand]}: {quote.text!r}"
    )


@pytest.mark.parametrize("fact", _facts(), ids=lambda f: f.id)
def test_fact_figure_is_verbatim_in_every_report_it_cites(
    fact: Fact, seeds: dict[str, str]
) -> None:
    for cited in fact.sources:
        assert cited.source in seeds, (
            f"{fact.id}: source {cited.source!r} is not one of the seed reports"
        )
        assert cited.figure in seeds[cited.source], (
            f"{fact.id}: figure {cited.figure!r} does not occur in {SEED_FILES[cited.source]}"
        )


@pytest.mark.parametrize("theme", _themes(), ids=lambda t: t.id)
def test_theme_claim_is_icsr_wording_as_printed(theme: Theme, seeds: dict[str, str]) -> None:
    # Seed 004 prints the four narratives as a numbered list and the recommendations in full.
    assert theme.claim in seeds["uk-think-tank-defectors"], f"{theme.id}: {theme.claim!r}"


def test_disagreeing_facts_explain_the_disagreement() -> None:
    for fact in _facts():
        if fact.disagreeing:
            assert (fact.conflict_note or "").strip(), f"{fact.id}: sources disagree, no note"
