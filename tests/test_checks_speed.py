"""The shapes that once made `check` quadratic are checked without trouble, and any mix of
them gives findings that point inside the document. (How fast, and that the time grows
linearly, is measured in bench/check_speed.py, not asserted here.)"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks import check_markdown
from tests.checks_helpers import corpus

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


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(UNITS), st.integers(1, 400)), max_size=12))
def test_any_mix_of_the_shapes_gives_findings_inside_the_document(
        runs: list[tuple[str, int]]) -> None:
    _lines_in_range("".join(unit * n for unit, n in runs))
