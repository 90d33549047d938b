"""The audience rules, caveats, disputed figures, frames and formats, as behaviours over
every allowed theme × audience × template combination of the bundled corpus."""

from __future__ import annotations

import re
from functools import cache

import pytest

from assistant.compose import Brief, BriefInputs, compose_brief
from assistant.compose.parts import TEAM_HEADING
from assistant.corpus import Corpus, load_corpus
from assistant.paths import bundled_templates_dir
from assistant.render import TemplateLibrary, render_markdown

from .compose_helpers import TODAY

PROTECTED_AUDIENCES = ("young-people", "community-leaders")
DEFECTOR_HEADINGS = ("What people who left say", "Quotations from people who left",
                     "Voices of people who left")


@cache
def corpus() -> Corpus:
    return load_corpus(today=TODAY)


@cache
def library() -> TemplateLibrary:
    return TemplateLibrary(bundled_templates_dir())


def combinations() -> list[tuple[str, str, str]]:
    return [(theme, audience, info.id) for info in library().infos()
            for audience in info.audiences for theme in corpus().themes]


@cache
def made(theme: str, audience: str, template: str) -> tuple[Brief, str]:
    brief = compose_brief(corpus(), BriefInputs(theme=theme, audience=audience,
                                                template=template), library())
    return brief, render_markdown(brief, library())


def audience_part(markdown: str) -> str:
    return markdown.split(f"\n# {TEAM_HEADING}\n")[0]


COMBOS = combinations()
IDS = ["/".join(c) for c in COMBOS]


def test_every_template_has_allowed_combinations_to_check() -> None:
    assert len(COMBOS) >= 50
    assert {a for _, a, _ in COMBOS} == set(corpus().audiences)


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_no_quotation_comes_from_a_speaker_outside_the_audiences_messengers(
        theme: str, audience: str, template: str) -> None:
    brief, markdown = made(theme, audience, template)
    messengers = corpus().audiences[audience].messengers
    for q in brief.quotes:
        assert q.speaker.role in messengers, (q.quote.id, q.speaker.role)
    allowed_roles = set(messengers)
    for quote in corpus().quotes.values():
        if corpus().speakers[quote.speaker].role not in allowed_roles:
            assert f"“{quote.text}”" not in markdown, quote.id


@pytest.mark.parametrize(("theme", "audience", "template"),
                         [c for c in COMBOS if c[1] in PROTECTED_AUDIENCES],
                         ids=[i for c, i in zip(COMBOS, IDS, strict=True)
                              if c[1] in PROTECTED_AUDIENCES])
def test_young_people_and_community_briefs_carry_no_threat_atrocity_or_official_testimony(
        theme: str, audience: str, template: str) -> None:
    _, markdown = made(theme, audience, template)
    for quote in corpus().quotes.values():
        kept_out = quote.graphic or quote.threat or "intelligence-value" in quote.tags
        if kept_out:
            assert quote.text not in markdown, quote.id
    assert "Content note" not in markdown


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_a_but_half_never_appears_without_the_remark_it_answers_before_it(
        theme: str, audience: str, template: str) -> None:
    _, markdown = made(theme, audience, template)
    for quote in corpus().quotes.values():
        if quote.follows is None or quote.text not in markdown:
            continue
        first = corpus().quotes[quote.follows].text
        assert first in markdown, f"{quote.id} without {quote.follows}"
        assert markdown.index(first) < markdown.index(quote.text)


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_a_remark_appears_in_one_printing_only(theme: str, audience: str,
                                               template: str) -> None:
    _, markdown = made(theme, audience, template)
    for quote in corpus().quotes.values():
        if quote.same_as is not None and f"“{quote.text}”" in markdown:
            assert f"“{corpus().quotes[quote.same_as].text}”" not in markdown, quote.id


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_every_brief_that_states_a_disputed_figure_shows_every_version(
        theme: str, audience: str, template: str) -> None:
    brief, markdown = made(theme, audience, template)
    for fact in corpus().facts.values():
        if not fact.disagreeing or fact.unit == "date":
            continue
        figures = {fs.figure for fs in fact.sources}
        if any(f"“{figure}”" in markdown for figure in figures):
            for figure in figures:
                assert f"“{figure}”" in markdown, (fact.id, figure)
    for chosen in brief.facts:
        if chosen.fact.disagreeing:
            line = next(line for line in markdown.splitlines() if chosen.text in line)
            for fs in chosen.fact.sources:
                assert f"“{fs.figure}”" in line or chosen.fact.unit == "date", fs.figure


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_every_brief_dates_its_material_and_the_report_with_both_dates(
        theme: str, audience: str, template: str) -> None:
    _, markdown = made(theme, audience, template)
    part = audience_part(markdown)
    assert "describes 2014–15" in part
    if "ICSR" in part:
        about = next(line for line in part.splitlines() if "describes 2014–15" in line)
        assert "18 September 2015" in about and "21 September 2015" in about


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_every_brief_puts_its_team_notes_after_the_audience_part(
        theme: str, audience: str, template: str) -> None:
    _, markdown = made(theme, audience, template)
    lines = markdown.splitlines()
    assert lines.count(f"# {TEAM_HEADING}") == 1
    part = audience_part(markdown)
    for team_section in ("## Campaign frame", "## Handle with care", "## Avoid",
                         "## Posting notes", "## Facilitation cautions", "## What this brief"):
        assert team_section not in part
    assert "## Campaign frame" in markdown.split(TEAM_HEADING)[1]


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_the_audience_part_keeps_within_the_smaller_word_limit(
        theme: str, audience: str, template: str) -> None:
    brief, markdown = made(theme, audience, template)
    read = audience_part(markdown).split("\n## Sources\n")[0]
    limit = min(n for n in (brief.template.word_limit, brief.audience.word_limit) if n)
    assert len(re.findall(r"\w+(?:[’'-]\w+)*", read)) <= limit


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_no_one_but_people_who_left_is_quoted_under_their_heading(
        theme: str, audience: str, template: str) -> None:
    _, markdown = made(theme, audience, template)
    defector_texts = {q.text for q in corpus().quotes.values()
                      if corpus().speakers[q.speaker].role.value == "defector"}
    for section in re.split(r"\n(?=## )", audience_part(markdown)):
        heading = section.split("\n", 1)[0].removeprefix("## ")
        if heading not in DEFECTOR_HEADINGS:
            continue
        quoted = re.findall(r"^> “(.*)”$", section, re.M)
        assert quoted, heading
        assert all(text in defector_texts for text in quoted), quoted


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_a_brief_without_testimony_or_short_of_quotations_says_so_to_the_reader(
        theme: str, audience: str, template: str) -> None:
    brief, markdown = made(theme, audience, template)
    part = audience_part(markdown)
    promised = brief.template.quotes
    have = len(brief.posts) if brief.template.post_chars else len(brief.quotes)
    if have < promised:
        assert any(n.kind in ("few-quotes", "few-posts") and n.text in part
                   for n in brief.notices)
    if not brief.defector_quotes:
        assert any(n.kind == "no-defector-voice" and n.text in part for n in brief.notices)


@pytest.mark.parametrize(("theme", "audience", "template"),
                         [c for c in COMBOS if c[2] == "social-posts"],
                         ids=[i for c, i in zip(COMBOS, IDS, strict=True)
                              if c[2] == "social-posts"])
def test_each_post_is_dated_whole_sentences_in_our_words_and_within_280_characters(
        theme: str, audience: str, template: str) -> None:
    brief, markdown = made(theme, audience, template)
    for post in brief.posts:
        assert len(post.text) <= 280
        assert post.text in markdown
        assert re.search(r"\((?:[^()]*), (?:2014|2015|2014–15 material)\)$", post.text)
        head = corpus().quotes[post.quotes[0]]
        assert head.post_copy and post.text.startswith(head.post_copy)
        for qid in post.quotes:
            assert "fragment" not in corpus().quotes[qid].tags
            assert f"“{corpus().quotes[qid].text}”" in post.text


def test_goal_action_and_monitoring_differ_between_themes_for_the_same_audience() -> None:
    for audience in corpus().audiences:
        for field in ("goal", "action", "monitoring"):
            seen: dict[str, str] = {}
            for theme, a, template in COMBOS:
                if a != audience:
                    continue
                brief, _ = made(theme, a, template)
                value = getattr(brief.frame, field)
                assert value.strip(), (theme, audience, field)
                other = next((t for t, v in seen.items() if v == value and t != theme), None)
                assert other is None, f"{audience} {field}: {theme} equals {other}"
                seen.setdefault(theme, value)


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_monitoring_names_an_outcome_and_a_harm_indicator(theme: str, audience: str,
                                                           template: str) -> None:
    brief, _ = made(theme, audience, template)
    assert brief.frame.monitoring.startswith("Outcome: ")
    assert " Harm: " in brief.frame.monitoring
    assert not brief.notices or all(n.kind != "frame-default" for n in brief.notices)


def test_no_key_message_uses_a_number_its_theme_does_not_support() -> None:
    for theme in corpus().themes.values():
        supported = {str(fs.value).removesuffix(".0") for fid in theme.related_facts
                     for fs in corpus().facts[fid].sources if fs.value is not None}
        supported |= {str(corpus().facts[fid].value).removesuffix(".0")
                      for fid in theme.related_facts if corpus().facts[fid].value is not None}
        for message in theme.key_messages:
            for number in re.findall(r"\d[\d,]*", message):
                if re.fullmatch(r"(19|20)\d\d", number):
                    continue
                assert number.replace(",", "") in supported, (theme.id, message)


def test_no_key_message_speaks_for_all_defectors() -> None:
    for theme in corpus().themes.values():
        for message in theme.key_messages:
            assert not re.match(r"(Former members|Defectors) (say|describe)", message), message


@pytest.mark.parametrize(("theme", "audience", "template"), COMBOS, ids=IDS)
def test_someone_who_left_is_quoted_whenever_the_audience_may_hear_them(
        theme: str, audience: str, template: str) -> None:
    brief, _ = made(theme, audience, template)
    usable = [c for c in brief.candidates if c.speaker.role.value == "defector" and c.allowed
              and c.fits and not c.excluded and c.score >= 18.0
              and not any("too long for what is left" in r.text for r in c.reasons)]
    if usable:
        assert brief.defector_quotes, [c.quote.id for c in usable]


@pytest.mark.parametrize(("theme", "audience", "template"),
                         [c for c in COMBOS if c[0] == "leaving-and-speaking-out"
                          and c[2] != "social-posts"],
                         ids=[i for c, i in zip(COMBOS, IDS, strict=True)
                              if c[0] == "leaving-and-speaking-out" and c[2] != "social-posts"])
def test_a_brief_on_speaking_out_says_that_people_who_left_are_no_saints(
        theme: str, audience: str, template: str) -> None:
    brief, markdown = made(theme, audience, template)
    said = any("mixed-motives" in q.quote.tags for q in brief.quotes)
    assert said or "Not every defector is a saint" in audience_part(markdown)
