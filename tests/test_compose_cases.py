"""Focused cases of the audience rules, remarks, facts, frames and gaps on the bundled
corpus, through the library and the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.compose import BriefInputs, ChoiceRefused, UnknownId, compose_brief
from assistant.corpus import load_corpus, validate_corpus
from assistant.corpus.stats import corpus_stats
from assistant.paths import bundled_corpus_dir, bundled_templates_dir
from assistant.render import TemplateLibrary

from .compose_helpers import TODAY


def compose(theme: str, audience: str, template: str, **options: object):  # type: ignore[no-untyped-def]
    inputs = BriefInputs(theme=theme, audience=audience, template=template, **options)  # type: ignore[arg-type]
    return compose_brief(load_corpus(today=TODAY), inputs, TemplateLibrary(bundled_templates_dir()))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "narratives"
    shutil.copytree(bundled_corpus_dir(), target)
    return target


def test_a_template_outside_its_audiences_is_refused_with_what_to_do() -> None:
    with pytest.raises(ChoiceRefused, match="--any-audience"):
        compose("harsh-life", "young-people", "policy-brief")
    code, _, err = run("brief", "--theme", "harsh-life", "--audience", "young-people",
                       "--template", "policy-brief")
    assert code == 1
    assert "policy-brief is written for policymakers, journalists, community-leaders" in err
    assert "Traceback" not in err


def test_any_audience_makes_the_brief_with_a_warning_finding() -> None:
    code, out, err = run("brief", "--theme", "harsh-life", "--audience", "young-people",
                         "--template", "policy-brief", "--any-audience")
    assert code == 0
    assert out.startswith("# Harsh and disappointing life")
    assert "warning [brief-gaps] Policy brief is written for" in err


def test_without_a_template_the_brief_uses_one_written_for_the_audience() -> None:
    code, out, _ = run("brief", "--theme", "harsh-life", "--audience", "young-people")
    assert code == 0
    assert out.startswith("# Social posts: Harsh and disappointing life")


def test_strict_refuses_a_brief_with_no_voice_of_people_who_left(tmp_path: Path) -> None:
    target = tmp_path / "b.md"
    code, _, err = run("brief", "--theme", "fighting-sunnis", "--audience", "policymakers",
                       "--strict", "-o", str(target))
    assert code == 1
    assert "error [brief-gaps] The reports we draw on quote no one who left" in err
    assert not target.exists()


def test_json_reports_notices_and_each_speakers_role() -> None:
    code, out, _ = run("brief", "--theme", "corrupt-un-islamic", "--audience", "journalists",
                       "--template", "talking-points", "--json")
    assert code == 0
    data = json.loads(out)
    assert [n["kind"] for n in data["notices"]] == ["no-defector-voice", "few-quotes"]
    assert all(n["text"].endswith(".") for n in data["notices"])
    assert {q["role"] for q in data["quotes"]} == {"journalist"}
    assert all("role" in c for c in data["candidates"])


def test_pinning_the_but_half_brings_its_caveat_first() -> None:
    brief = compose("leaving-and-speaking-out", "journalists", "talking-points",
                    pins=["q-004"])
    ids = [q.quote.id for q in brief.quotes]
    assert ids.index("q-003") == ids.index("q-004") - 1


def test_excluding_the_caveat_leaves_its_but_half_out_too() -> None:
    brief = compose("leaving-and-speaking-out", "policymakers", "policy-brief",
                    exclusions=["q-003"])
    ids = [q.quote.id for q in brief.quotes]
    assert "q-004" not in ids
    reasons = next(c.reasons for c in brief.candidates if c.quote.id == "q-004")
    assert any("which you excluded" in r.text for r in reasons)


def test_favourable_treatment_travels_with_neumanns_but() -> None:
    brief = compose("leaving-and-speaking-out", "policymakers", "policy-brief",
                    pins=["q-015"])
    ids = [q.quote.id for q in brief.quotes]
    assert ids.index("q-nyt-favourable-treatment") == ids.index("q-015") - 1
    said = next(q for q in brief.quotes if q.quote.id == "q-nyt-favourable-treatment")
    assert said.speaker.role.value == "journalist"


@pytest.mark.parametrize(("audience", "quote"), [
    ("young-people", "q-016"), ("young-people", "q-017"), ("community-leaders", "q-016"),
    ("young-people", "q-001"), ("community-leaders", "q-001"), ("policymakers", "q-018"),
])
def test_a_pin_the_audience_rules_keep_out_is_refused(audience: str, quote: str) -> None:
    template = "social-posts" if audience == "young-people" else "policy-brief"
    with pytest.raises(ChoiceRefused, match=f"quote {quote} may not appear"):
        compose("brutality-against-sunnis", audience, template, pins=[quote])


def test_the_reprint_with_a_gloss_ranks_below_the_original_wording() -> None:
    brief = compose("leaving-and-speaking-out", "policymakers", "policy-brief")
    order = [c.quote.id for c in brief.candidates]
    assert order.index("q-012") < order.index("q-007")
    assert "“(another name for ISIS)”" in " ".join(
        r.text for c in brief.candidates if c.quote.id == "q-007" for r in c.reasons)


def test_a_pinned_fact_appears_and_an_unknown_one_is_a_usage_error() -> None:
    brief = compose("harsh-life", "journalists", "talking-points",
                    fact_pins=["f-report-published"])
    assert brief.facts[0].fact.id == "f-report-published"
    assert "18 September 2015" in brief.facts[0].text
    assert "21 September 2015" in brief.facts[0].text
    with pytest.raises(UnknownId, match="unknown fact 'f-nope'"):
        compose("harsh-life", "journalists", "talking-points", fact_pins=["f-nope"])
    code, _, err = run("brief", "--theme", "harsh-life", "--audience", "journalists",
                       "--fact", "f-nope")
    assert code == 2
    assert "unknown fact 'f-nope'" in err


def test_a_theme_lists_only_facts_that_support_it() -> None:
    brief = compose("fighting-sunnis", "policymakers", "policy-brief")
    assert [f.fact.id for f in brief.facts] == ["f-defectors-public"]
    harsh = compose("harsh-life", "journalists", "policy-brief")
    assert "f-video-views" not in [f.fact.id for f in harsh.facts]


def test_a_placeholder_frame_override_is_a_finding() -> None:
    brief = compose("harsh-life", "journalists", "talking-points", frame={"goal": "TBD"})
    assert brief.frame.missing() == ["goal"]


def test_a_placeholder_frame_in_the_corpus_is_reported_with_file_and_line(
        tmp_path: Path) -> None:
    root = corpus_copy(tmp_path)
    themes = root / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    start = text.index("        action: >-\n", text.index("  - id: harsh-life"))
    end = text.index("        outcome:", start)
    themes.write_text(text[:start] + "        action: TODO\n" + text[end:], encoding="utf-8")
    _, problems = validate_corpus(root, today=TODAY)
    assert len(problems) == 1
    assert problems[0].file.endswith("themes.yaml")
    assert "placeholder" in problems[0].message
    assert text[:start].count("\n") + 1 == problems[0].line


def test_a_remark_naming_a_missing_quote_is_reported(tmp_path: Path) -> None:
    root = corpus_copy(tmp_path)
    quotes = root / "quotes" / "washington-post.yaml"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace(
        "follows: q-003", "follows: q-999"), encoding="utf-8")
    _, problems = validate_corpus(root, today=TODAY)
    assert len(problems) == 1
    assert problems[0].message.startswith("quote q-004: follows quote 'q-999' is not defined")


def test_a_theme_without_its_own_frame_uses_the_audience_default_and_says_so(
        tmp_path: Path) -> None:
    root = corpus_copy(tmp_path)
    themes = root / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    start = text.index("    frames:\n", text.index("  - id: harsh-life"))
    end = text.index("    discussion:", start)
    themes.write_text(text[:start] + text[end:], encoding="utf-8")
    corpus = load_corpus(root, today=TODAY)
    brief = compose_brief(corpus, BriefInputs(theme="harsh-life", audience="journalists",
                                              template="talking-points"),
                          TemplateLibrary(bundled_templates_dir()))
    assert brief.frame.goal == corpus.audiences["journalists"].frame.goal  # type: ignore[union-attr]
    assert [n.kind for n in brief.notices] == ["frame-default"]


def test_corpus_stats_lists_each_themes_voices_of_people_who_left() -> None:
    stats = {t["id"]: t for t in corpus_stats(load_corpus(today=TODAY))["themes"]}
    assert stats["fighting-sunnis"]["defector_voices"] == []
    assert stats["corrupt-un-islamic"]["defector_quotes"] == 0
    harsh = {v["speaker"] for v in stats["harsh-life"]["defector_voices"]}
    assert harsh == {"ibrahim-western-fighter", "syrian-fighter-26"}
    code, out, _ = run("corpus", "stats")
    assert code == 0
    assert "fighting-sunnis: none: briefs on this theme say so" in out
