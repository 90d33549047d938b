"""The shapes that once made `check` quadratic are checked without trouble, and any mix of
them gives findings that point inside the document. (How fast, and that the time grows
linearly, is measured in bench/check_speed.py, not asserted here.)"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks import check_markdown
from assistant.compose.brief import BriefInputs
from assistant.corpus import Corpus, load_corpus
from assistant.paths import bundled_corpus_dir, bundled_templates_dir
from assistant.review.composing import compose_version, corpus_checker
from tests.checks_helpers import corpus


@cache
def bundled() -> Corpus:
    return load_corpus(bundled_corpus_dir())


@cache
def real_brief() -> str:
    inputs = BriefInputs(theme="harsh-life", audience="policymakers")
    return compose_version(bundled(), inputs, bundled_templates_dir()).markdown

SHAPES = {
    "100k quotation marks": 'x "' * 33_334,
    "5k spaces in a heading": "# a" + " " * 5_000 + "b\n\ntext\n",
    "5k spaces in a frame row": "| Goal |" + " " * 5_000 + "x |\n|---|---|\n",
    "50k brackets in a block quote": "> " + "[" * 50_000 + "\n",
    "a 2 KB heading line": "## " + "word " * 400 + "\n\ntext\n",
    "5k spaces in a quotation": "> “a" + " " * 5_000 + "b”\n",
    "10k ellipses in a quotation": "> “" + "… " * 10_000 + "”\n",
    "10k list items": "- a\n" * 10_000,
    "2k real quotations in one paragraph": "“ISIS wants to kill everyone who says no” [1] "
                                           * 2_000,
    "a 200 KB word": "a" * 200_000 + "\n",
    "a 200 KB hyphenated word in a quotation": "> “" + "a-" * 100_000 + "”\n",
    "50k backslash escapes in a quotation": "> “" + "\\<\\*" * 25_000 + "”\n",
    "20k character references": "&amp;&#65;" * 10_000 + "\n",
    "a block quote of 1k quotations": "> “ISIS wants to kill everyone who says no”\n>\n"
                                      * 1_000,
    "2k links, handles and tags in one paragraph": "See t.me/x and https://example.org/a "
                                                   "@ansar #dawlah. " * 500,
    "2k insults and lectures in one paragraph": "You must wake up, idiots! Clearly everyone "
                                                "knows. " * 1_000,
    "4k percentages in one paragraph": "Some 21% said 17 per cent of 9 in 10 did. " * 1_000,
    "2k cited figures in one paragraph": "At least 58 people [1], 7 of them women [2]. " * 1_000,
    "a paragraph of 5k lines with a figure each": "| a | 58 |\n" * 5_000,
    "a block quote of 3k quotations with cuts and brackets": "> " + "“a … b [c] d” " * 3_000,
    "4k distanced titles in one paragraph": "so-called caliphate " * 4_000,
    "20k spaces in a comment field": "<!-- a: x" + " " * 20_000 + "y -->\n",
    "3k dates in one paragraph": "between January 2014 and August 2015, on 18 September 2015 "
                                 * 1_000,
    "6k numbers in one paragraph": "1 2 3 " * 2_000,
    "2k names, places and employers in one sentence about a speaker": (
        "the 26-year-old Syrian fighter met " + " ".join(
            f"Ahmed{i} Hassan{i} from Place{i} who works for Firm{i} as a teacher"
            for i in range(500))),
    "2k places beside a speaker": "Ibrahim from Aleppo " * 2_000,
    "5k spaces in a sources heading": "## Sources" + " " * 5_000 + "x\n\ntext\n",
    "2k dates and 2k sizes in words in one paragraph": "On 18 September 2015 hundreds "
                                                       * 2_000,
    "500 figures after 500 markers, each with its entry": " ".join(
        f"[{i}]" for i in range(1, 501)) + " " + "At least 58 people who left the Islamic "
        "State spoke publicly. " * 500 + "\n\n## Sources\n\n" + "".join(
            f"{i}. New York Times, “ISIS Defectors Reveal Disillusionment”, 20 September "
            "2015.\n" for i in range(1, 501)),
}

UNITS = ['"', "“", "”", "[", "]", " ", "\n", "#", ">", "- ", "1. ", "…", "*", "_", "`",
         "|", "58 ", "seven ", "as of 2015 ", "t.me/", "@", "Abu ", "from ", "said ",
         "behead ", "\n\n", "---\n", "```\n", "<!-- ", "-->",
         "\\", "\\<", "\\*", "&amp;", "&#65;", " / "]


def _lines_in_range(text: str) -> None:
    findings = check_markdown(text, corpus())
    last = text.count("\n") + 1
    assert all(f.line is None or 1 <= f.line <= last for f in findings)


def test_each_pathological_shape_is_checked() -> None:
    for shape in SHAPES.values():
        _lines_in_range(shape)


def test_each_shape_inside_a_real_brief_is_checked_against_the_bundled_corpus() -> None:
    brief = real_brief()
    for shape in SHAPES.values():
        text = brief.replace("\n## ", "\n" + shape + "\n\n## ", 1)
        findings = check_markdown(text, bundled())
        last = text.count("\n") + 1
        assert all(f.line is None or 1 <= f.line <= last for f in findings)


def _without_a_word(brief: str, n: int) -> str:
    """The brief with the third word of its n-th long quotation left out."""
    m = list(re.finditer(r"“([^“”\n]{40,})”", brief))[n]
    words = m.group(1).split(" ")
    return brief[: m.start(1)] + " ".join(words[:2] + words[3:]) + brief[m.end(1) :]


def test_a_long_brief_reports_what_its_copies_report_on_their_own_lines() -> None:
    """40 copies of a real brief (200 KB; the bench reads 10 MB), the first with one
    quotation altered and the 31st with another: both are reported, each on its line,
    and nothing else is."""
    c = bundled()
    audience = c.audiences["policymakers"]
    brief = real_brief()
    first, later = _without_a_word(brief, 0), _without_a_word(brief, 1)
    copies = [first] + [brief] * 29 + [later] + [brief] * 9
    many = check_markdown("\n\n".join(copies), c, audience=audience)
    per_copy = brief.count("\n") + 2
    alone = check_markdown(first, c, audience=audience) + [
        dataclasses.replace(f, line=f.line + 30 * per_copy if f.line else None)
        for f in check_markdown(later, c, audience=audience) if f.check == "fidelity"]
    seen = {(f.check, f.message, f.line) for f in many}
    assert seen == {(f.check, f.message, f.line) for f in alone}
    assert sum(1 for f in many if f.check == "fidelity") == 2


def test_the_submission_gate_checks_a_brief_with_a_2_kb_heading_and_5k_spaces() -> None:
    """`review submit` runs the checks as its gate: a heading of 2 KB, or one padded with
    5,000 spaces, is read like any heading (the brief stays submittable)."""
    gate = corpus_checker(bundled(), bundled_templates_dir(), date(2026, 1, 1))
    inputs = BriefInputs(theme="harsh-life", audience="policymakers")
    brief = real_brief()
    clean = gate(brief, inputs)
    for heading in ("## " + "word " * 400, "## Why" + " " * 5_000 + "it matters"):
        assert gate(brief.replace("\n## ", f"\n{heading}\n\nText.\n\n## ", 1), inputs) == clean


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(UNITS), st.integers(1, 400)), max_size=12))
def test_any_mix_of_the_shapes_gives_findings_inside_the_document(
        runs: list[tuple[str, int]]) -> None:
    _lines_in_range("".join(unit * n for unit, n in runs))
