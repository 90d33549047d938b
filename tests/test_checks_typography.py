"""Typography is never a mistake: a brief whose curly quotes, apostrophes and dashes were
all straightened (a mass edit in a plain-text editor) reads as the same brief, and a
remark two outlets printed is read as the copy the brief cites."""

from __future__ import annotations

import pytest

from tests.check_mutations import Generated, findings, generated

STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _straightened(md: str, dash: str) -> str:
    return md.translate(STRAIGHT).replace("—", dash).replace("–", "-")


def _said(g: Generated, md: str | None = None) -> list[str]:
    return sorted(f.format() for f in findings(g, md) if f.severity.value != "info")


@pytest.mark.parametrize("dash", ["-", "--"])
def test_every_bundled_brief_with_straight_quotes_and_dashes_says_what_the_original_says(
        dash: str) -> None:
    # the originals give no error; their only warnings are "quotes no one" in formats
    # without quotations, which straightening cannot change
    changed = []
    for g in generated():
        before, after = _said(g), _said(g, _straightened(g.markdown, dash))
        if before != after:
            changed.append(f"{g.name}: {sorted(set(after) - set(before))}")
    assert changed == []


def test_a_straightened_quote_matching_another_outlets_copy_keeps_the_cited_one() -> None:
    # q-010 (The Straits Times) prints Neumann's remark with straight apostrophes, q-015
    # (New York Times) with curly ones; the brief cites the New York Times
    g = next(x for x in generated() if x.name == "leaving-and-speaking-out/journalists/"
                                                 "policy-brief")
    curly = "“if you’re a government you’d want more to come out”"
    assert curly in g.markdown
    md = g.markdown.replace(curly, '"if you\'re a government you\'d want more to come out"')
    said = [f for f in findings(g, md) if f.line == g.markdown[: g.markdown.find(curly)]
            .count("\n") + 1]
    assert [(f.severity.value, f.check, f.quote_id) for f in said] == [
        ("info", "fidelity", "q-015")]
    assert "differs from the corpus only in typography (quote marks or apostrophes)" in \
        said[0].message
