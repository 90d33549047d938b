"""The mutation suite: realistic mistakes made over briefs generated from the bundled
corpus are caught, and harmless edits are not reported as errors.

The mistakes and edits live in tests/check_mutations.py; `python -m tests.check_mutations`
prints the rate per class.
"""

from __future__ import annotations

from tests.check_mutations import MISTAKES, findings, harmless, mutants, report

REQUIRED_RATE = 0.95


def test_at_least_80_mistakes_are_made_and_every_class_is_represented() -> None:
    made = mutants()
    assert len(made) >= 80
    assert {m.kind for m in made} == set(MISTAKES)


def test_at_least_95_percent_of_the_mistakes_are_caught() -> None:
    rate, per, missed = report()
    table = "\n".join(f"{kind}: {d}/{n}" for kind, (d, n) in per.items())
    print(f"mutation suite: {rate:.1%} detected\n{table}")
    assert rate >= REQUIRED_RATE, (
        f"{rate:.1%} detected; missed:\n"
        + "\n".join(f"{m.kind} in {m.brief.name}" for m in missed))


def test_harmless_edits_give_no_error() -> None:
    edits = harmless()
    assert len(edits) >= 20
    wrong = [f"{name} in {g.name}: {f.format()}" for name, g, md in edits
             for f in findings(g, md) if f.is_error]
    assert wrong == []
