"""The trainer's deck, as a trainer would check it: every section, every number, every note."""

from __future__ import annotations

import re
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


def _set_fact_value(text: str, fid: str, old: int, new: int) -> str:
    """Change only the fact's own `value` line (four spaces in), not its sources' values."""
    start = text.index(f"- id: {fid}\n")
    end = text.index("- id:", start + 5)
    block = text[start:end]
    return text[:start] + block.replace(f"\n    value: {old}\n", f"\n    value: {new}\n", 1) \
        + text[end:]


def test_correcting_a_facts_own_value_changes_the_chart(tmp_path: Path) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(bundled_corpus_dir(), copy)
    facts = copy / "facts.yaml"
    text = _set_fact_value(facts.read_text(encoding="utf-8"), "f-origin-turkey", 2, 3)
    facts.write_text(_set_fact_value(text, "f-origin-unknown", 2, 1), encoding="utf-8")
    deck = build_deck(load_corpus(copy))
    origins = next(s.chart for s in deck.slides if s.chart and s.chart.title.startswith("Where"))
    assert origins is not None
    assert [b.value for b in origins.bars if b.fact == "f-origin-turkey"] == [3]
    assert [b.value for b in origins.bars if b.fact == "f-origin-unknown"] == [1]
    assert "Turkey 3" in origins.alt_text()


def test_a_fact_value_no_source_gives_is_a_curator_warning(tmp_path: Path) -> None:
    from assistant.corpus.advice import curator_warnings

    copy = tmp_path / "corpus"
    shutil.copytree(bundled_corpus_dir(), copy)
    facts = copy / "facts.yaml"
    text = _set_fact_value(facts.read_text(encoding="utf-8"), "f-origin-turkey", 2, 3)
    facts.write_text(_set_fact_value(text, "f-origin-unknown", 2, 1), encoding="utf-8")
    warnings = [str(w) for w in curator_warnings(load_corpus(copy))]
    assert any("fact f-origin-turkey: value 3 is not what any of its sources gives (2)" in w
               for w in warnings)
    assert not any("f-defectors-public" in w for w in warnings)


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
    from assistant.render.repeats import same_advice

    cautions = claim.notes.split(". ")
    for pitfall in corpus.themes["harsh-life"].pitfalls:
        # a pitfall is given in the notes, or said there already by the trainer's own caution
        assert pitfall in claim.notes or any(same_advice(pitfall, c) for c in cautions)
        assert pitfall not in shown


def _voice_ids(deck, section: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.voice.quote_id for s in deck.slides if s.section == section and s.voice]


def _section(deck, title: str) -> int:  # type: ignore[no-untyped-def]
    return next(i for i, t in enumerate(deck.sections) if t.endswith(title))


def test_voices_come_from_every_quote_the_audience_may_see_not_only_the_briefs(
        corpus: Corpus) -> None:
    deck = build_deck(corpus, audience="policymakers")
    leaving = _section(deck, "Leaving and speaking out")
    assert {"q-021", "q-022"} <= set(_voice_ids(deck, leaving))
    harsh = _section(deck, "Harsh and disappointing life")
    assert len(_voice_ids(deck, harsh)) >= 2  # q-016/q-017 and others are allowed
    gaps = [s for s in deck.slides if s.kind == SlideKind.gap and s.section in (leaving, harsh)]
    assert not gaps


def test_voices_are_the_allowed_defector_quotes_best_first_with_remarks_whole(
        corpus: Corpus) -> None:
    from assistant.compose import BriefInputs, compose_brief

    for audience in corpus.audiences:
        deck = build_deck(corpus, audience=audience)
        for number, tid in enumerate(corpus.themes, start=1):
            brief = compose_brief(corpus, BriefInputs(theme=tid, audience=audience,
                                                      template="trainer-notes",
                                                      quotes=len(corpus.quotes),
                                                      any_audience=True))
            allowed = [c.quote.id for c in brief.candidates
                       if c.allowed and c.speaker.role == Role.defector]
            ids = _voice_ids(deck, number)
            assert len(ids) <= 3
            assert set(ids) <= set(allowed), (audience, tid)
            for qid in ids:  # a remark in two parts is shown whole
                quote = corpus.quotes[qid]
                if quote.follows:
                    assert quote.follows in ids, (audience, qid)
            if len(allowed) >= 1:
                assert ids, (audience, tid)


def test_the_gap_slide_blames_the_audience_rules_when_the_corpus_has_accounts(
        corpus: Corpus) -> None:
    for audience in corpus.audiences:
        deck = build_deck(corpus, audience=audience)
        for number, tid in enumerate(corpus.themes, start=1):
            held = [q for q in corpus.quotes_for(tid)
                    if corpus.speakers[q.speaker].role == Role.defector]
            for gap in (s for s in deck.slides if s.section == number and s.kind == SlideKind.gap):
                if held:
                    assert "no account" not in gap.lines[0], (audience, tid)
                if not _voice_ids(deck, number) and held:
                    assert "none this audience may see" in gap.lines[0], (audience, tid)


def test_the_gap_line_names_the_reason() -> None:
    from assistant.train.build import gap_line

    assert "no account from someone who left" in gap_line(0, 0)
    assert "none this audience may see" in gap_line(0, 4)
    assert "only one account" in gap_line(1, 1)
    assert "4 accounts" in gap_line(1, 4) and "only one" in gap_line(1, 4)


def test_each_section_shows_its_themes_related_facts_disputed_ones_with_every_version(
        corpus: Corpus) -> None:
    deck = build_deck(corpus)
    leaving = _section(deck, "Leaving and speaking out")
    numbers = [s for s in deck.slides if s.section == leaving
               and s.title.startswith("The numbers")]
    assert numbers, "the theme has related facts"
    assert all(len(s.lines) <= 4 for s in numbers)
    text = " ".join(line for s in numbers for line in s.lines)
    assert "350" in text and "300" in text  # British returnees, both versions
    allowed = {f for t in corpus.themes.values() for f in t.related_facts}
    for number, tid in enumerate(corpus.themes, start=1):
        for slide in deck.slides:
            if slide.section == number and slide.title.startswith("The numbers"):
                statements = [corpus.facts[f].statement for f in corpus.themes[tid].related_facts]
                assert all(any(line.startswith(st.split(" The sources")[0][:30])
                               for st in statements) for line in slide.lines), tid
    assert allowed


def test_the_opening_dates_the_report_with_both_dates(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    cover = " ".join(deck.slides[0].lines)
    later = " ".join(line for s in deck.slides[1:] for line in s.lines)
    assert "The date the ICSR report was published" not in later  # shown once, on the cover
    dated = cover.split("The date the ICSR report was published", 1)[1]
    assert "September 18" in dated and "(21 September 2015)" in dated


def test_claims_are_quoted_and_attributed_to_icsr_with_a_source_number(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    numbers = {n for n, _ in deck.references}
    for slide in (s for s in deck.slides if s.kind == SlideKind.claim):
        line = slide.lines[0]
        assert line.startswith(("ICSR: “", "ICSR recommends that governments “")), line
        assert re.search(r"” \[(\d+)\]$", line), line
        assert int(re.search(r"\[(\d+)\]$", line).group(1)) in numbers  # type: ignore[union-attr]
    leaving = next(s for s in deck.slides if s.kind == SlideKind.claim
                   and s.title == "Leaving and speaking out")
    assert leaving.lines[0].startswith("ICSR recommends that governments “recognize the value")


def test_discussion_uses_the_themes_own_questions(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    for number, tid in enumerate(corpus.themes, start=1):
        questions = next(s for s in deck.slides if s.section == number
                         and s.kind == SlideKind.questions)
        assert questions.lines and set(questions.lines) <= set(corpus.themes[tid].discussion)


def test_a_theme_without_questions_says_so_and_none_are_invented(tmp_path: Path) -> None:
    from assistant.compose import BriefInputs, compose_brief
    from assistant.render import render_markdown

    from .compose_helpers import library

    folder = tmp_path / "corpus"
    shutil.copytree(bundled_corpus_dir(), folder)
    themes = folder / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    start = text.index("    discussion:", text.index("- id: harsh-life"))
    end = text.index("\n\n", start)
    themes.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    bare = load_corpus(folder)
    assert not bare.themes["harsh-life"].discussion
    deck = build_deck(bare, themes=["harsh-life"])
    slide = next(s for s in deck.slides if s.title == "Discussion")
    assert slide.kind == SlideKind.gap
    assert slide.lines == ("The corpus holds no discussion questions for this narrative.",)
    notes = render_markdown(compose_brief(bare, BriefInputs(
        theme="harsh-life", audience="workshop", template="trainer-notes"), library()), library())
    asked = notes.split("## Discussion questions\n", 1)[1].split("\n## ", 1)[0]
    assert asked.strip() == "_The corpus holds no discussion questions for this narrative._"


def test_a_section_without_voices_asks_nothing_about_these_voices(corpus: Corpus) -> None:
    from assistant.train.build import discussion_questions

    theme = corpus.themes["harsh-life"]
    asked = discussion_questions(theme, has_voices=False)
    assert asked and not any("these speakers" in q or "these voices" in q for q in asked)
    bare = theme.model_copy(update={"discussion": []})
    assert discussion_questions(bare, has_voices=True) == ()
    for audience in corpus.audiences:
        deck = build_deck(corpus, audience=audience)
        for number in range(1, len(deck.sections) - 1):
            if _voice_ids(deck, number):
                continue
            questions = next(s for s in deck.slides if s.section == number
                             and s.kind == SlideKind.questions)
            assert not any("these voices" in q or "these speakers" in q
                           for q in questions.lines), (audience, deck.sections[number])


def test_number_keys_reach_the_narrative_of_that_number(corpus: Corpus) -> None:
    deck = build_deck(corpus, themes=["harsh-life", "leaving-and-speaking-out"])
    assert deck.sections[deck.section_for_key("4")].startswith("Narrative 4:")  # type: ignore[index]
    assert deck.section_for_key("0") == 0
    assert deck.sections[deck.section_for_key("5")] == "Leaving and speaking out"  # type: ignore[index]
    assert deck.sections[deck.section_for_key("6")] == "Sources"  # type: ignore[index]
    assert deck.section_for_key("1") is None  # narrative 1 was not chosen
    full = build_deck(corpus)
    for n in range(1, 5):
        assert full.sections[full.section_for_key(str(n))].startswith(f"Narrative {n}:")  # type: ignore[index]


def test_chart_source_lines_name_each_outlet_once(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    for chart in (s.chart for s in deck.slides if s.chart):
        names = re.split(r", | as reported by |: ", chart.source_line.split(" [")[0])
        assert len(names) == len(set(names)), chart.source_line


def test_chart_alt_text_reads_as_a_sentence(corpus: Corpus) -> None:
    deck = build_deck(corpus)
    pie = next(s.chart for s in deck.slides if s.chart and s.chart.kind == "pie")
    assert pie.alt_text() == ("Men and women among the 58 who spoke out: Men 51; Women 7 "
                              "(out of 58).")


def test_no_note_has_a_doubled_full_stop(corpus: Corpus) -> None:
    for audience in corpus.audiences:
        deck = build_deck(corpus, audience=audience)
        assert not [s.notes for s in deck.slides if ".." in s.notes]


def _chart_problems(tmp_path: Path, kind: str, parts: list[str], whole: str | None) -> list[str]:
    from assistant.corpus import validate_corpus

    lines = ["charts:", "  - id: c-x", "    title: X", f"    kind: {kind}"]
    if whole:
        lines.append(f"    whole: {whole}")
    lines.append("    parts:")
    for fid in parts:
        lines += [f"      - fact: {fid}", f"        label: {fid[2:]}"]
    _, problems = validate_corpus(_with_charts(tmp_path, "\n".join(lines) + "\n"))
    return [p.message for p in problems if "charts.yaml" in p.file]


def test_a_disputed_fact_cannot_be_a_part_of_a_pie_or_bar(tmp_path: Path) -> None:
    for kind in ("pie", "bar"):
        problems = _chart_problems(tmp_path / kind, kind,
                                   ["f-defectors-men", "f-british-returnees"], None)
        assert any("'f-british-returnees' is disputed" in m and "figures" in m
                   for m in problems), problems


def test_a_disputed_fact_may_be_shown_in_a_figures_chart_with_both_versions(
        tmp_path: Path) -> None:
    copy = _with_charts(tmp_path, "charts:\n  - id: c-x\n    title: Returned\n    kind: figures\n"
                                  "    parts:\n      - fact: f-british-returnees\n"
                                  "        label: Returned\n")
    deck = build_deck(load_corpus(copy))
    slide = next(s for s in deck.slides if s.title == "Returned")
    assert "(350)" in slide.lines[0] and "more than 300" in slide.lines[0]


def test_a_part_counting_another_unit_than_the_whole_is_refused(tmp_path: Path) -> None:
    problems = _chart_problems(tmp_path, "bar", ["f-defectors-men", "f-pace-2015"],
                               "f-defectors-public")
    assert any("'f-pace-2015' counts percent, but the whole 'f-defectors-public' counts people"
               in m for m in problems), problems


def test_parts_of_different_units_are_refused_without_a_whole(tmp_path: Path) -> None:
    problems = _chart_problems(tmp_path, "bar", ["f-defectors-men", "f-pace-2015"], None)
    assert any("'f-pace-2015' counts percent" in m for m in problems), problems


def test_parts_that_exceed_the_whole_are_refused_saying_so(tmp_path: Path) -> None:
    problems = _chart_problems(tmp_path, "pie", ["f-defectors-men", "f-defectors-women",
                                                 "f-origin-syria"], "f-defectors-public")
    assert any("add up to 79, more than the whole 'f-defectors-public' (58)" in m
               for m in problems), problems


def test_parts_that_fall_short_of_the_whole_are_refused_saying_so(tmp_path: Path) -> None:
    problems = _chart_problems(tmp_path, "pie", ["f-defectors-men"], "f-defectors-public")
    assert any("add up to 51, not the whole 'f-defectors-public' (58)" in m
               for m in problems), problems


def test_the_bundled_charts_are_valid_and_corpus_validate_refuses_a_bad_one(
        tmp_path: Path) -> None:
    from click.testing import CliRunner

    from assistant.cli import cli

    assert not _chart_problems(tmp_path / "ok", "pie", ["f-defectors-men", "f-defectors-women"],
                               "f-defectors-public")
    bad = _with_charts(tmp_path / "bad", "charts:\n  - id: c-x\n    title: X\n    kind: pie\n"
                                         "    whole: f-defectors-public\n    parts:\n"
                                         "      - fact: f-defectors-women\n        label: W\n"
                                         "      - fact: f-british-returnees\n        label: R\n")
    result = CliRunner().invoke(cli, ["corpus", "validate", "--corpus", str(bad)])
    assert result.exit_code == 1, result.output
    assert "chart c-x" in result.output and "disputed" in result.output


def _candidate(corpus: Corpus, qid: str, *, allowed: bool = True, remark: list[str] | None = None,
               score: float = 1.0):  # type: ignore[no-untyped-def]
    from assistant.compose.brief import Candidate

    quote = corpus.quotes[qid]
    return Candidate(quote=quote, speaker=corpus.speakers[quote.speaker], score=score,
                     reasons=[], allowed=allowed, remark=remark or [qid])


def test_choose_voices_keeps_a_remark_whole_or_leaves_it_out(corpus: Corpus) -> None:
    from assistant.train.build import choose_voices

    pair = ["q-021", "q-022"]
    ranked = [_candidate(corpus, "q-020"), _candidate(corpus, "q-019"),
              _candidate(corpus, "q-021", remark=pair), _candidate(corpus, "q-022", remark=pair),
              _candidate(corpus, "q-016")]
    # the pair would make four: it is left out whole, and the next single voice comes in
    assert [q.id for q, _ in choose_voices(corpus, ranked)] == ["q-020", "q-019", "q-016"]
    ranked = [_candidate(corpus, "q-021", remark=pair),
              _candidate(corpus, "q-022", remark=pair, allowed=False),
              _candidate(corpus, "q-020")]
    # half a remark the audience may not see takes the other half with it
    assert [q.id for q, _ in choose_voices(corpus, ranked)] == ["q-020"]
    ranked = [_candidate(corpus, "q-033"), _candidate(corpus, "q-021", remark=pair),
              _candidate(corpus, "q-022", remark=pair)]
    # the report's own words are not a voice of someone who left
    assert [q.id for q, _ in choose_voices(corpus, ranked)] == ["q-021", "q-022"]


def test_a_chart_source_line_names_a_paper_once_when_it_is_both_reader_and_outlet(
        corpus: Corpus) -> None:
    from assistant.corpus.models import Chart, ChartPart
    from assistant.train.charts import build_chart
    from assistant.train.sources import DeckSources

    record = Chart(id="c-test", title="Mixed", parts=[
        ChartPart(fact="f-defectors-women", label="Women"),  # NYT reporting ICSR
        ChartPart(fact="f-foreign-fighters", label="Foreigners")])  # NYT's own
    line = build_chart(record, corpus, DeckSources(corpus)).source_line
    assert line.count("New York Times") == 1, line
    assert "New York Times reporting ICSR and its own" in line
    assert "The Washington Post reporting ICSR;" in line
    only_own = build_chart(Chart(id="c-own", title="Own", parts=[
        ChartPart(fact="f-foreign-fighters", label="Foreigners")]), corpus, DeckSources(corpus))
    assert only_own.source_line.startswith("Source: The Straits Times, New York Times [")
