"""The indexed selection chooses exactly what the full scan chooses, for the same reasons.

The full scan (rank_quotes over every linked quote, then choose_quotes over all of them)
is the definition; select_quotes reads only the best remarks from the index. Generated
corpora (the bundled quotes given new ids, speakers, theme strengths, tags, remarks,
reprints, glosses and post copy) and generated inputs (pins, exclusions, counts, every
template, theme and audience) are run through both; the list is cut to a few remarks so
that the bounds, not the corpus being small, carry the proof.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.compose import index as indexing
from assistant.compose.brief import BriefInputs, Candidate
from assistant.compose.build import compose_brief
from assistant.compose.catalogue import TemplateCatalogue
from assistant.compose.errors import ChoiceRefused
from assistant.compose.posts import post_writer
from assistant.compose.select import QUOTE_SHARE, choose_quotes, rank_quotes
from assistant.corpus.loader import Corpus, load_corpus
from assistant.corpus.models import ThemeLink
from assistant.paths import bundled_templates_dir

BUNDLED = load_corpus()
CATALOGUE = TemplateCatalogue(bundled_templates_dir())
TAGS = ("graphic", "threat", "fragment", "mixed-motives", "narrative", "intelligence-value",
        "official")


@pytest.fixture(autouse=True)
def few_shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(indexing, "SHOWN", 3)
    yield


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    """A corpus of 5 to 60 quotes made from the bundled ones under new ids."""
    corpus = copy.copy(BUNDLED)
    corpus.derived = {}
    originals = list(BUNDLED.quotes.values())
    speakers, themes = sorted(BUNDLED.speakers), sorted(BUNDLED.themes)
    size = draw(st.integers(5, 60))
    quotes = {}
    for n in range(size):
        base = draw(st.sampled_from(originals))
        qid = f"q-gen-{n:03d}"
        links = draw(st.lists(st.tuples(st.sampled_from(themes), st.integers(1, 3)),
                              max_size=3))
        earlier = sorted(quotes)
        quotes[qid] = base.model_copy(update={
            "id": qid,
            "speaker": draw(st.sampled_from(speakers)),
            "themes": [ThemeLink(theme=t, strength=s) for t, s in links],
            "tags": draw(st.lists(st.sampled_from(TAGS), unique=True, max_size=3)),
            "follows": draw(st.none() | st.sampled_from(earlier)) if earlier else None,
            "same_as": draw(st.none() | st.sampled_from(earlier)) if earlier else None,
            "gloss": draw(st.none() | st.just("(the group)")),
            "post_copy": draw(st.none() | st.just("What life under the group was like:")),
        })
    corpus.quotes = quotes
    return corpus


def full_scan(corpus: Corpus, inputs: BriefInputs) -> list[Candidate]:
    """The definition: every linked quote ranked, then chosen among all of them."""
    template = CATALOGUE.info(inputs.template)
    theme, audience = corpus.themes[inputs.theme], corpus.audiences[inputs.audience]
    post_text = post_writer(corpus) if template.post_chars is not None else None
    limits = [n for n in (template.word_limit, audience.word_limit) if n]
    budget = int(min(limits) * QUOTE_SHARE) if limits and post_text is None else None
    count = template.quotes if inputs.quotes is None else inputs.quotes
    ranked = rank_quotes(corpus, theme, audience, template, inputs.pins, inputs.exclusions,
                         post_text)
    return choose_quotes(ranked, count, per_remark=post_text is not None, word_budget=budget)


def listed(candidates: list[Candidate]) -> list[Candidate]:
    """What a brief lists of the full scan: the best SHOWN remarks, and every chosen,
    pinned or excluded one."""
    heads = list(dict.fromkeys(c.remark[0] for c in candidates))[:indexing.SHOWN]
    return [c for c in candidates
            if c.remark[0] in heads or c.chosen or c.pinned or c.excluded]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=corpora(), data=st.data())
def test_the_indexed_selection_is_the_full_scans_choice_with_its_reasons(
        corpus: Corpus, data: st.DataObject) -> None:
    ids = sorted(corpus.quotes)
    inputs = BriefInputs(
        theme=data.draw(st.sampled_from(sorted(corpus.themes))),
        audience=data.draw(st.sampled_from(sorted(corpus.audiences))),
        template=data.draw(st.sampled_from([i.id for i in CATALOGUE.infos()])),
        quotes=data.draw(st.none() | st.integers(0, 8)),
        pins=data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=2)),
        exclusions=data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)),
        any_audience=True)
    try:
        expected = full_scan(corpus, inputs)
    except ChoiceRefused as refused:
        with pytest.raises(ChoiceRefused) as raised:
            compose_brief(corpus, inputs, CATALOGUE)
        assert str(raised.value) == str(refused)
        return
    brief = compose_brief(corpus, inputs, CATALOGUE)
    assert brief.candidates == listed(expected)
    assert brief.considered == len(expected)
    assert {q.quote.id for q in brief.quotes} == {c.quote.id for c in expected if c.chosen}


@pytest.mark.parametrize("template", [i.id for i in CATALOGUE.infos()])
def test_every_theme_and_audience_of_the_bundled_corpus_gives_the_full_scans_choice(
        template: str) -> None:
    for theme in BUNDLED.themes:
        for audience in BUNDLED.audiences:
            inputs = BriefInputs(theme=theme, audience=audience, template=template,
                                 any_audience=True)
            brief = compose_brief(BUNDLED, inputs, CATALOGUE)
            assert brief.candidates == listed(full_scan(BUNDLED, inputs)), (theme, audience)


def test_a_remark_from_a_new_outlet_below_the_best_still_moves_up_as_in_the_full_scan() -> None:
    """Six equal remarks by six people who left: the first four from one outlet, the last
    two from another. After the first, the full scan takes one from the other outlet
    ("moved up for a spread of sources"), though it ranks below what the index reads
    first; the indexed selection must go and find it."""
    corpus = copy.copy(BUNDLED)
    corpus.derived = {}
    base = min((q for q in BUNDLED.quotes.values()
                if BUNDLED.speakers[q.speaker].role.value == "defector"),
               key=lambda q: (len(q.text), q.id)).model_copy(update={
        "tags": [], "follows": None, "same_as": None, "gloss": None})
    person = BUNDLED.speakers[base.speaker]
    outlets = sorted({q.sources[0].source for q in BUNDLED.quotes.values()} - {
        base.sources[0].source})
    corpus.speakers = dict(BUNDLED.speakers)
    corpus.quotes = {}
    for n in range(6):
        corpus.speakers[f"s-gen-{n}"] = person.model_copy(update={"id": f"s-gen-{n}"})
        citation = base.sources[0] if n < 4 else base.sources[0].model_copy(
            update={"source": outlets[0], "via": None})
        corpus.quotes[f"q-gen-{n}"] = base.model_copy(update={
            "id": f"q-gen-{n}", "speaker": f"s-gen-{n}", "sources": [citation],
            "themes": [ThemeLink(theme="harsh-life", strength=3)]})
    inputs = BriefInputs(theme="harsh-life", audience="policymakers",
                         template="talking-points", quotes=2, any_audience=True)
    expected = full_scan(corpus, inputs)
    assert [c.quote.id for c in expected if c.chosen] == ["q-gen-0", "q-gen-4"]
    brief = compose_brief(corpus, inputs, CATALOGUE)
    assert [q.quote.id for q in brief.quotes] == ["q-gen-0", "q-gen-4"]
    assert brief.candidates == listed(expected)


def test_a_short_remark_far_below_fills_the_words_left_as_in_the_full_scan() -> None:
    """Eight long remarks rank first, then many more long ones, then one short one: once
    the long ones no longer fit the words left for quotations, the full scan takes the
    short one from far down; the indexed selection must find it without reading
    everything in between."""
    corpus = copy.copy(BUNDLED)
    corpus.derived = {}
    defectors = sorted((q for q in BUNDLED.quotes.values()
                        if BUNDLED.speakers[q.speaker].role.value == "defector"),
                       key=lambda q: (len(q.text.split()), q.id))
    short, long = defectors[0], defectors[-1]
    person = BUNDLED.speakers[long.speaker]
    outlets = sorted({q.sources[0].source for q in BUNDLED.quotes.values()})
    corpus.speakers = dict(BUNDLED.speakers)
    corpus.quotes = {}
    for n in range(41):
        corpus.speakers[f"s-gen-{n:02d}"] = person.model_copy(update={"id": f"s-gen-{n:02d}"})
        base, strength = (short, 2) if n == 40 else (long, 3)
        corpus.quotes[f"q-gen-{n:02d}"] = base.model_copy(update={
            "id": f"q-gen-{n:02d}", "speaker": f"s-gen-{n:02d}", "tags": [],
            "follows": None, "same_as": None, "gloss": None,
            "sources": [base.sources[0].model_copy(
                update={"source": outlets[n % len(outlets)], "via": None})],
            "themes": [ThemeLink(theme="harsh-life", strength=strength)]})
    inputs = BriefInputs(theme="harsh-life", audience="policymakers",
                         template="policy-brief", quotes=8, any_audience=True)
    expected = full_scan(corpus, inputs)
    chosen = [c.quote.id for c in expected if c.chosen]
    assert "q-gen-40" in chosen and len(chosen) < 8  # the words ran out, the short one fit
    brief = compose_brief(corpus, inputs, CATALOGUE)
    assert {q.quote.id for q in brief.quotes} == set(chosen)
    assert brief.candidates == listed(expected)
