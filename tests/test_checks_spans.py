"""Places taken in a text answer as the list of every span taken would, however the spans
were added: overlapping, touching, empty, in any order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks.spans import Spans

_SPAN = st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1]))


@settings(max_examples=400, deadline=None)
@given(st.lists(_SPAN, max_size=12), st.lists(_SPAN, max_size=12))
def test_places_taken_answer_as_every_span_taken_would(taken: list[tuple[int, int]],
                                                        asked: list[tuple[int, int]]) -> None:
    spans = Spans(taken)
    for start, end in asked:
        assert spans.holds(start) == any(a <= start < b for a, b in taken)
        assert spans.overlaps(start, end) == any(start < b and a < end for a, b in taken)
    assert bool(spans) == bool(taken)
    union = {i for a, b in taken for i in range(a, b)}
    assert {i for a, b in spans for i in range(a, b)} == union


def test_a_span_added_inside_another_leaves_one_place_taken() -> None:
    spans = Spans([(10, 20)])
    spans.add(12, 15)
    spans.add(14, 25)
    assert list(spans) == [(10, 25)]
    assert spans.holds(24) and not spans.holds(25) and not spans.holds(9)
    spans.add(25, 30)  # touching: kept apart, an empty span between them overlaps neither
    assert list(spans) == [(10, 25), (25, 30)] and not spans.overlaps(25, 25)
