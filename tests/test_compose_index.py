"""Selection through the index chooses what a scan of every linked quote would choose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.compose import index as index_module
from assistant.compose.brief import Brief, BriefInputs
from assistant.compose.build import compose_brief
from assistant.compose.catalogue import TemplateCatalogue
from assistant.compose.index import TOP_CANDIDATES, SelectionIndex, selection_index
from assistant.corpus.loader import Corpus, load_corpus
from assistant.paths import bundled_corpus_dir, bundled_templates_dir
from bench.corpora import generate

TEMPLATES = ("policy-brief", "social-posts", "talking-points", "trainer-notes")


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """About 600 quotes: several times TOP_CANDIDATES for the larger themes."""
    root = tmp_path_factory.mktemp("grown")
    generate(root, 600)
    return load_corpus(root)


def _everything(self: SelectionIndex, corpus: Corpus, theme_id: str, key: object,
                score: object, usable: object, pins: set[str],
                exclusions: set[str]) -> set[str]:
    """The scan the index replaces: every quote linked to the theme, and every pin."""
    return {q.id for q in corpus.quotes.values() if q.strength_for(theme_id)} | pins


def _brief(corpus: Corpus, monkeypatch: pytest.MonkeyPatch, full: bool, **inputs: object) -> Brief:
    with monkeypatch.context() as patch:
        if full:
            patch.setattr(SelectionIndex, "considered", _everything)
        return compose_brief(corpus, BriefInputs(**inputs),  # type: ignore[arg-type]
                             TemplateCatalogue(bundled_templates_dir()))


def _cases(corpus: Corpus) -> list[dict[str, object]]:
    return [{"theme": t, "audience": a, "template": tpl}
            for t in corpus.themes for a in corpus.audiences for tpl in TEMPLATES]


def test_every_brief_of_a_grown_corpus_chooses_as_a_full_scan_would(
        grown: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    larger = 0
    for case in _cases(grown):
        fast = _brief(grown, monkeypatch, False, **case)
        full = _brief(grown, monkeypatch, True, **case)
        assert fast.quotes == full.quotes, case
        assert fast.facts == full.facts, case
        # the considered quotes are the head of the full ranking, in the same order
        head = [c.quote.id for c in full.candidates[: len(fast.candidates)]]
        assert [c.quote.id for c in fast.candidates] == head, case
        if len(full.candidates) > len(fast.candidates):
            larger += 1
            assert len(fast.candidates) >= TOP_CANDIDATES
    assert larger  # the corpus is big enough for the bound to matter


def test_the_bundled_corpus_considers_every_linked_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = load_corpus()
    for case in _cases(corpus):
        assert _brief(corpus, monkeypatch, False, **case) == _brief(corpus, monkeypatch, True,
                                                                     **case), case


def test_pins_and_exclusions_far_down_the_ranking_are_honoured_and_shown(
        grown: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    case = {"theme": "harsh-life", "audience": "policymakers", "template": "policy-brief"}
    full = _brief(grown, monkeypatch, True, **case)
    low = [c for c in full.candidates if c.allowed and c.fits][-2:]
    top = [c for c in full.quotes][:1]
    inputs = {**case, "pins": [low[0].quote.id],
              "exclusions": [low[1].quote.id, top[0].quote.id]}
    fast = _brief(grown, monkeypatch, False, **inputs)
    slow = _brief(grown, monkeypatch, True, **inputs)
    assert fast.quotes == slow.quotes
    assert low[0].quote.id in [q.quote.id for q in fast.quotes]
    shown = {c.quote.id: c for c in fast.candidates}
    assert shown[low[1].quote.id].excluded and shown[top[0].quote.id].excluded


def test_one_prolific_speaker_at_the_top_does_not_crowd_out_the_others(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Thirty strong quotes by one speaker: the index reads past them to other speakers."""
    monkeypatch.setattr(index_module, "TOP_CANDIDATES", 5)
    monkeypatch.setattr(index_module, "MIN_SPEAKERS", 3)
    root = tmp_path / "narratives"
    shutil.copytree(bundled_corpus_dir(), root)
    records = "".join(
        f"  - id: a-prolific-{n:02d}\n    text: \"Test statement number {n}.\"\n"
        "    speaker: syrian-fighter-26\n    sources:\n      - source: nyt-2015-09-20\n"
        "    themes:\n      - theme: harsh-life\n        strength: 3\n"
        for n in range(30))
    (root / "quotes" / "zz-prolific.yaml").write_text("quotes:\n" + records, encoding="utf-8")
    corpus = load_corpus(root)
    case = {"theme": "harsh-life", "audience": "journalists", "template": "policy-brief"}
    fast = _brief(corpus, monkeypatch, False, **case)
    full = _brief(corpus, monkeypatch, True, **case)
    assert {c.speaker.id for c in full.candidates[:30]} == {"syrian-fighter-26"}
    assert fast.quotes == full.quotes
    assert len({q.speaker.id for q in fast.quotes}) == len(fast.quotes) > 1


def test_the_index_follows_records_added_to_a_corpus_in_memory(grown: Corpus) -> None:
    first = selection_index(grown)
    assert selection_index(grown) is first
    quote = next(iter(grown.quotes.values()))
    grown.quotes["q-added-in-memory"] = quote.model_copy(update={"id": "q-added-in-memory"})
    try:
        again = selection_index(grown)
        assert again is not first
        assert "q-added-in-memory" in again.by_speaker[quote.speaker]
    finally:
        del grown.quotes["q-added-in-memory"]
