"""How long `check` takes as the brief grows: ordinary prose at 1 MB and 10 MB, and the
shapes that once made it quadratic (100k quotation marks, 5k spaces in a heading or a
frame row, 50k brackets in a block quote, a 2 KB heading line, long lists).

`python -m bench --only check` measures the budgets themselves (`metrics` below): a
realistic brief of 1 MB and of 10 MB against the bundled corpus, and one of 1 MB against a
synthetic corpus of 10,000 quotes, each against markdown-it reading the same text.

Each shape is checked at two sizes; the ratio of the times shows whether the cost grows
linearly (about 4 for four times the text). The yardstick, measured in the same run, is
markdown-it reading the same text (the parser the exports use, inline pass included):
checking should cost a small multiple of reading. Prints one line per measurement and
exits 1 when a budget is exceeded.

    .venv/bin/python bench/check_speed.py [--quick]
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.checks import check_markdown
from assistant.corpus import Corpus, load_corpus

if TYPE_CHECKING:
    from pathlib import Path

    from .timing import Metric

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
    # one long paragraph full of what the rules report, each hit compared with the places
    # already taken before it: links, tone, percentages, cited figures
    "links, handles and tags": lambda n: "See t.me/x and https://example.org/a @ansar "
                                         "#dawlah. " * (n // 52),
    "insults and lecturing": lambda n: "You must wake up, idiots! Clearly everyone knows. "
                                       * (n // 50),
    "percentages": lambda n: "Some 21% said 17 per cent of 9 in 10 did. " * (n // 42),
    "cited figures": lambda n: "At least 58 people [1], 7 of them women [2]. " * (n // 45),
    # a paragraph of many lines (rows without a table's header are one), each finding in it
    # asked for its line
    "lines of one paragraph": lambda n: "| a | 58 |\n" * (n // 11),
    # many short quotations in one block, each fitting several corpus copies: the text
    # around them read once, not once per quotation
    "quotations with cuts and brackets": lambda n: "> " + "“a … b [c] d” " * (n // 14),
    # each title looks back a few words for "so-called", not back to the paragraph's start
    "distanced titles": lambda n: "so-called caliphate " * (n // 20),
    "spaces in a comment field": lambda n: "<!-- a: x" + " " * n + "y -->\n",
    # each date and number is scored against the facts sharing its words (thousands in a
    # large corpus): only the best few are compared further
    "dates in prose": lambda n: "between January 2014 and August 2015, on 18 September "
                                "2015 " * (n // 59),
    "a list of numbers": lambda n: "1 2 3 " * (n // 6),
    # one sentence about a speaker naming many people, places and employers: each name
    # is looked up by its pieces, not compared with every other (nor the corpus searched
    # for each place)
    "names, places and employers beside a speaker": lambda n: (
        "the 26-year-old Syrian fighter met " + " ".join(
            f"Ahmed{i} Hassan{i} from Place{i} who works for Firm{i} as a teacher"
            for i in range(n // 60))),
    "a speaker and a place, many times": lambda n: "Ibrahim from Aleppo " * (n // 20),
    "spaces in a sources heading": lambda n: "## Sources" + " " * n + "x\n\nText.\n",
    # each "hundreds" compared with the dates before it in one walk, not one walk each
    "dates and sizes in words": lambda n: "On 18 September 2015 hundreds " * (n // 30),
    # figures after a paragraph's last marker stand under all its markers: decided once
    "figures after many markers": lambda n: " ".join(f"[{i}]" for i in range(1, n // 60))
    + " " + "At least 58 people who left the Islamic State spoke publicly. " * (n // 120)
    + "\n\n## Sources\n\n" + "".join(f"{i}. New York Times, “ISIS Defectors Reveal "
                                     f"Disillusionment”, 20 September 2015.\n"
                                     for i in range(1, n // 60)),
}


def _drop_a_word(markdown: str, copy: int) -> str:
    """The brief with one word taken out of one of its longer quotations (a different
    one in each copy), as a hurried edit would: an altered quotation to be reported."""
    quoted = [m for m in re.finditer(r"“([^“”\n]{40,})”", markdown)]
    if not quoted:
        return markdown
    m = quoted[copy % len(quoted)]
    words = m.group(1).split(" ")
    k = 1 + copy % max(1, len(words) - 2)
    altered = " ".join(words[:k] + words[k + 1:])
    return markdown[: m.start(1)] + altered + markdown[m.end(1):]


def realistic_brief(size: int, corpus: Corpus | None = None) -> str:
    """Markdown of at least `size` bytes made of real briefs: every theme for every
    audience in each template (quotations, figures, citations, headings, lists, tables),
    one after another, each copy with one quotation altered by a dropped word and its
    headings numbered, so no two copies are the same text."""
    from assistant.compose.brief import BriefInputs
    from assistant.compose.build import compose_brief
    from assistant.compose.catalogue import TemplateCatalogue
    from assistant.compose.errors import BriefError
    from assistant.paths import bundled_templates_dir
    from assistant.render import render_markdown

    corpus = corpus or load_corpus()
    catalogue = TemplateCatalogue(bundled_templates_dir())
    briefs: list[str] = []
    for template in catalogue.ids():
        for theme in corpus.themes:
            for audience in corpus.audiences:
                inputs = BriefInputs(theme=theme, audience=audience, template=template,
                                     any_audience=True)
                try:
                    briefs.append(render_markdown(compose_brief(corpus, inputs, catalogue)))
                except BriefError:  # a template with no place for this theme
                    continue
    parts: list[str] = []
    total, copy = 0, 0
    while total < size:
        text = _drop_a_word(briefs[copy % len(briefs)], copy)
        text = re.sub(r"^(#{2,3} )", rf"\g<1>{copy + 1}. ", text, flags=re.MULTILINE)
        parts.append(text)
        total += len(text.encode()) + 2
        copy += 1
    return "\n\n".join(parts)


def metrics(roots: dict[str, Path], runs: int) -> list[Metric]:
    """The budgets of `check`, as `python -m bench` reports them: CPU time of the whole
    check (parse included) through the public API, against markdown-it reading the same
    text with its inline pass. The corpus is loaded and the word lists read before the
    clock starts; the first check against the 10k corpus (which builds its indexes) is
    given as a note."""
    import statistics

    from markdown_it import MarkdownIt

    from assistant.corpus.loader import load_corpus as load

    from .corpus_metrics import sample_brief
    from .timing import Metric, cpu, interleaved, ms

    parser = MarkdownIt("commonmark")
    brief, _ = sample_brief()
    bundled = load()
    big = load(roots["10k"])
    check_markdown(realistic_brief(10_000, bundled), bundled)  # word lists loaded
    one = realistic_brief(MB, bundled)
    # as `assistant check --draft` would: the audience, template and frame of a brief
    about = {"audience": brief.audience, "template": brief.template,  # type: ignore[attr-defined]
             "frame": brief.frame}  # type: ignore[attr-defined]
    first = cpu(lambda: check_markdown(one, big, **about))
    cases = [("check_1mb", "check of a 1 MB brief, bundled corpus", one, bundled, 1000.0),
             ("check_10mb", "check of a 10 MB brief, bundled corpus",
              realistic_brief(10 * MB, bundled), bundled, 10_000.0),
             ("check_1mb_10k", "check of a 1 MB brief, 10k-quote corpus", one, big, 1000.0)]
    found: list[Metric] = []
    for name, label, text, corpus, budget in cases:
        # the corpus's indexes built (a process keeps those of one corpus at a time)
        check_markdown(text[:20_000], corpus, **about)
        times = max(2, runs // 2) if len(text) > 2 * MB else runs  # 10 MB: ~15 s a pair
        taken = interleaved({
            "parse": lambda text=text: cpu(lambda: parser.parse(text)),  # type: ignore[misc]
            "check": lambda text=text, corpus=corpus: cpu(  # type: ignore[misc]
                lambda: check_markdown(text, corpus, **about)),
        }, times)
        note = (f"first check in the process, building the 10k corpus's indexes: "
                f"{first:.2f} s" if corpus is big else "")
        found.append(Metric(name, f"{label} ({len(text.encode()) / 1e6:.1f} MB)",
                            ms(statistics.median(taken["check"])),
                            ms(statistics.median(taken["parse"])),
                            "markdown-it parse of the same text", budget, "ms",
                            runs=taken, note=note))
    return found


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
