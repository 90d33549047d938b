"""How long `check` takes as the brief grows: ordinary prose at 1 MB and 10 MB, and the
shapes that once made it quadratic (100k quotation marks, 5k spaces in a heading or a
frame row, 50k brackets in a block quote, a 2 KB heading line, long lists).

Each shape is checked at two sizes; the ratio of the times shows whether the cost grows
linearly (about 4 for four times the text). The yardstick, measured in the same run, is
markdown-it reading the same text (the parser the exports use, inline pass included):
checking should cost a small multiple of reading. Prints one line per measurement and
exits 1 when a budget is exceeded.

    .venv/bin/python bench/check_speed.py [--quick]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from assistant.checks import check_markdown
from assistant.corpus import Corpus, load_corpus

GROWTH_BUDGET = 6.0  # time(4n) / time(n): linear is 4; quadratic would be 16
# "1 MB in under 1 s, 10 MB in under 10 s" on a machine that runs the yardstick (ten
# million additions in a Python loop) in 0.5 s: budgets in yardsticks, so a busy or slow
# machine does not fail the benchmark, and a slow check does on any machine.
YARDSTICK_BUDGET = 2.0  # check time of 1 MB of prose, in yardsticks
MB = 1_000_000


def yardstick() -> float:
    """Ten million additions in a plain Python loop: the machine's speed, right now."""
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start

_SENTENCES = (
    "Defectors describe a life far from the one they were promised.",
    "Some said they left when they saw the group fight other Sunni rebels.",
    "Their accounts come from experience, not from the group's own videos.",
    "Reporters who met them describe people who are afraid of reprisals.",
    "The numbers are small, but each account carries weight with its audience.",
)


def prose(size: int) -> str:
    """Ordinary Markdown prose: headings, paragraphs of a few sentences, some lists."""
    parts: list[str] = []
    n = 0
    total = 0
    while total < size:
        if n % 12 == 0:
            parts.append(f"## Part {n // 12 + 1}\n")
        para = " ".join(_SENTENCES[(n + k) % len(_SENTENCES)] for k in range(6))
        parts.append(para + "\n" if n % 5 else "- " + para + "\n- " + _SENTENCES[n % 5] + "\n")
        total += len(parts[-1]) + 1
        n += 1
    return "\n".join(parts)


SHAPES: dict[str, Callable[[int], str]] = {
    "100k quotation marks": lambda n: 'They said "yes" and ' * (n // 20),
    "spaces in a heading": lambda n: "# a" + " " * n + "b\n\nText.\n",
    "spaces in a frame row": lambda n: "| Goal |" + " " * n + "x |\n|---|---|\n",
    "brackets in a block quote": lambda n: "> " + "[" * n + "\n",
    "a long heading line": lambda n: "## " + "word " * (n // 5) + "\n\nText.\n",
    "curly quotations": lambda n: "“One two three four” " * (n // 21),
    "figures in prose": lambda n: "At least 58 people, 7 of them women. " * (n // 37),
    "one real quotation, many times": lambda n: "“ISIS wants to kill everyone who says no” "
                                                "[1], said a fighter. " * (n // 64),
    "a block quote of many quotations": lambda n: "> “ISIS wants to kill everyone who says "
                                                  "no”\n>\n" * (n // 45),
}


def timed(text: str, corpus: Corpus) -> float:
    start = time.perf_counter()
    check_markdown(text, corpus)
    return time.perf_counter() - start


def parse_time(text: str) -> float:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    start = time.perf_counter()
    md.parse(text)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    corpus = load_corpus()
    check_markdown(prose(10_000), corpus)  # word lists and corpus indexes, once
    failures: list[str] = []
    small, large = (MB // 10, MB) if quick else (MB, 10 * MB)
    yard = yardstick()
    t_small, t_large = timed(prose(small), corpus), timed(prose(large), corpus)
    yard = (yard + yardstick()) / 2
    parse = parse_time(prose(small))
    per_mb = t_small / (small / MB) / yard
    print(f"yardstick {yard:.2f} s; prose {small / MB:g} MB: {t_small:.2f} s; "
          f"{large / MB:g} MB: {t_large:.2f} s (growth {t_large / t_small:.1f} for 10x); "
          f"1 MB costs {per_mb:.2f} yardsticks (budget {YARDSTICK_BUDGET:g}); markdown-it "
          f"reading the same text: {parse:.2f} s")
    if t_large / t_small > 10 * GROWTH_BUDGET / 4:
        failures.append("prose grows faster than linearly")
    if per_mb > YARDSTICK_BUDGET:
        failures.append(f"1 MB of prose costs more than {YARDSTICK_BUDGET:g} yardsticks")
    if not quick:
        for label, ok in (("1 MB under 1 s here", t_small < 1),
                          ("10 MB under 10 s here", t_large < 10)):
            print(f"  {label}: {'yes' if ok else 'no'}")
    for name, make in SHAPES.items():
        n = 12_500 if quick else 50_000
        a, b = timed(make(n), corpus), timed(make(4 * n), corpus)
        growth = b / max(a, 1e-4)
        print(f"{name}: {len(make(n)):,} chars {a:.3f} s; {len(make(4 * n)):,} chars "
              f"{b:.3f} s (growth {growth:.1f})")
        if growth > GROWTH_BUDGET and b > 0.05:
            failures.append(f"{name} grows faster than linearly")
    for failure in failures:
        print("over budget:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
