"""The trainer's deck, as a trainer would check it: every section, every number, every note."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.corpus import load_corpus
from assistant.corpus.loader import Corpus
from assistant.corpus.models import Role
from assistant.paths import bundled_corpus_dir
from assistant.train import SlideKind, build_deck


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def test_deck_has_one_section_per_theme_in_corpus_order(corpus: Corpus) -> None:
    deck = build_deck(corpus, themes=["harsh-life", "fighting-sunnis"])
    titles = [t.title for t in corpus.themes.values() if t.id in ("harsh-life", "fighting-sunnis")]
    assert [s.split(": ", 1)[-1] for s in deck.sections[1:-1]] == titles
    sections = [s.section for s in deck.slides]
    assert sections == sorted(sections)
    assert deck.slides[0].kind == SlideKind.cover and deck.slides[-1].kind == SlideKind.sources


def test_every_slide_has_presenter_notes(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    assert all(slide.notes.strip() for slide in deck.slides)


def test_chart_numbers_are_the_corpus_facts(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    charts = [s.chart for s in deck.slides if s.chart is not None]
    assert {c.title for c in charts} == {c.title for c in corpus.charts.values()
                                         if c.kind != "figures"}
    for chart in charts:
        for bar in chart.bars:
            assert bar.value == corpus.facts[bar.fact].value


def test_changing_a_fact_changes_the_chart(tmp_path: Path) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(bundled_corpus_dir(), copy)
    facts = copy / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    start = text.index("- id: f-origin-turkey")
    block = text[start:text.index("- id:", start + 5)]
    facts.write_text(text.replace(block, block.replace("value: 2", "value: 3")), encoding="utf-8")
    deck = build_deck(load_corpus(copy))
    origins = next(s.chart for s in deck.slides if s.chart and s.chart.title.startswith("Where"))
    assert origins is not None
    assert [b.value for b in origins.bars if b.fact == "f-origin-turkey"] == [3]


def test_a_disputed_figure_is_drawn_once_per_version(corpus: Corpus) -> None:
    from assistant.corpus.models import Chart, ChartPart
    from assistant.train.charts import build_chart
    from assistant.train.sources import DeckSources

    record = Chart(id="c-test", title="Britons who returned",
                   parts=[ChartPart(fact="f-british-returnees", label="Returned")])
    chart = build_chart(record, corpus, DeckSources(corpus))
    assert sorted(b.value for b in chart.bars) == [300, 350]
    assert all(b.given_by for b in chart.bars)


def test_voices_are_people_who_left(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    ids = [s.voice.quote_id for s in deck.slides if s.voice is not None]
    assert ids
    assert all(corpus.speakers[corpus.quotes[q].speaker].role == Role.defector for q in ids)


def test_a_theme_without_voices_says_so(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    for number in range(1, len(deck.sections) - 1):
        section = [s for s in deck.slides if s.section == number]
        voices = [s for s in section if s.kind == SlideKind.voice]
        gaps = [s for s in section if s.kind == SlideKind.gap]
        assert bool(gaps) == (len(voices) < 2), deck.sections[number]
        if not voices:
            assert "no account from someone who left" in gaps[0].lines[0]


def test_a_content_note_comes_before_every_graphic_voice_and_skips_past_it(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    graphic = [i for i, s in enumerate(deck.slides) if s.voice is not None and s.voice.graphic]
    assert graphic, "the bundled corpus has graphic testimony for the workshop"
    for i in graphic:
        note = max(j for j in range(i) if deck.slides[j].kind == SlideKind.content_note)
        between = deck.slides[note + 1:i]
        assert all(s.voice is not None and s.voice.graphic for s in between)
        target = deck.slides[note].skip_to
        assert target is not None and target > i
        landing = deck.slides[target] if target < len(deck.slides) else None
        assert landing is None or landing.voice is None or not landing.voice.graphic


def test_an_audience_that_may_not_see_graphic_material_gets_none(corpus: Corpus) -> None:
    deck = build_deck(corpus, audience="community-leaders")
    assert not any(s.kind == SlideKind.content_note for s in deck.slides)
    assert not any(s.voice is not None and s.voice.graphic for s in deck.slides)


def test_every_citation_number_is_on_the_sources_slide(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    numbers = {n for n, _ in deck.references}
    cited = {n for s in deck.slides if s.voice for n in s.voice.references}
    assert cited <= numbers
    texts = [text for _, text in deck.references]
    assert len(texts) == len(set(texts)), "a source is listed twice"


def test_an_unknown_theme_is_refused_with_the_valid_ids(corpus: Corpus) -> None:
    from assistant.compose import UnknownId

    with pytest.raises(UnknownId) as caught:
        build_deck(corpus, themes=["nope"])
    assert "harsh-life" in caught.value.known


def _with_charts(tmp_path: Path, charts: str) -> Path:
    copy = tmp_path / "corpus"
    shutil.copytree(bundled_corpus_dir(), copy)
    (copy / "charts.yaml").write_text(charts, encoding="utf-8")
    return copy


def test_a_chart_naming_an_unknown_fact_is_a_corpus_problem_with_its_line(tmp_path: Path) -> None:
    from assistant.corpus import validate_corpus

    copy = _with_charts(tmp_path, "charts:\n  - id: c-x\n    title: X\n    parts:\n"
                                  "      - fact: f-origin-syira\n        label: Syria\n")
    _, problems = validate_corpus(copy)
    assert [str(p) for p in problems if "charts.yaml" in p.file] == [
        f"{problems[0].file}:2: chart c-x: fact 'f-origin-syira' is not defined "
        "(did you mean 'f-origin-syria'?)"]


def test_a_chart_of_a_fact_without_a_number_is_a_corpus_problem(tmp_path: Path) -> None:
    from assistant.corpus import validate_corpus

    copy = _with_charts(tmp_path, "charts:\n  - id: c-x\n    title: X\n    kind: bar\n    parts:\n"
                                  "      - fact: f-pace-last-three-months\n        label: Late\n")
    _, problems = validate_corpus(copy)
    assert any("fact 'f-pace-last-three-months' has no number to draw" in p.message
               for p in problems)


def test_facilitation_cautions_are_in_the_trainers_notes_not_on_the_screen(corpus: Corpus) -> None:
    deck = build_deck(corpus, themes=["harsh-life"])
    claim = next(s for s in deck.slides if s.kind == SlideKind.claim)
    shown = " ".join(line for s in deck.slides for line in s.lines)
    for pitfall in corpus.themes["harsh-life"].pitfalls:
        assert pitfall in claim.notes
        assert pitfall not in shown
