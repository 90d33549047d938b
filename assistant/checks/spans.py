"""Places already taken in a text (a reported link, a finding's words, a phone number), so
that what is found inside them is not reported again.

Kept as the union of half-open spans `[start, end)`, sorted, so a look costs log n however
many places are taken: a long paragraph with a figure, a link or a hit every few words
would otherwise be compared with every place taken before it, and a check of it would
grow with the square of its length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator


class Spans:
    """The union of spans `[start, end)`; an empty span (start == end) is a point that only
    a span around it overlaps."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._points: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def __bool__(self) -> bool:
        return bool(self._starts or self._points)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        """The spans of the union, in order (points left out: they take no place)."""
        return zip(self._starts, self._ends, strict=True)

    def add(self, start: int, end: int) -> None:
        if end <= start:
            if end == start:
                self._points.insert(bisect_left(self._points, start), start)
            return
        starts, ends = self._starts, self._ends
        lo = bisect_right(ends, start)  # the first span that ends after this starts
        hi = bisect_left(starts, end)  # past the last that starts before this ends
        if lo < hi:  # they overlap it: one span now (touching ones stay apart, so that an
            # empty span between them overlaps neither)
            start, end = min(start, starts[lo]), max(end, ends[hi - 1])
        starts[lo:hi] = [start]
        ends[lo:hi] = [end]

    def holds(self, offset: int) -> bool:
        """Whether the offset is inside a span (`start <= offset < end`)."""
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether `[start, end)` and a span share a place (`start < b and a < end`)."""
        i = bisect_left(self._starts, end) - 1  # the last span starting before `end`
        if i >= 0 and self._ends[i] > start:
            return True
        p = bisect_right(self._points, start)  # a point strictly inside
        return p < len(self._points) and self._points[p] < end
