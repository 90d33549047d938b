"""Measures of the corpus, the brief and the checks, each against its yardstick."""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from itertools import cycle
from pathlib import Path

from .timing import Metric, child_cpu, cpu, interleaved, median_ratio, ms

PARSE_ONLY = ("import sys, yaml; from pathlib import Path; root = Path(sys.argv[1]); "
              "[yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader) "
              "for p in sorted(root.rglob('*.yaml'))]")


def parse_only(root: Path) -> None:
    """The yardstick: PyYAML's C loader over every corpus file, nothing else."""
    import yaml

    from assistant.corpus.loader import corpus_files

    for path in corpus_files(root):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def validate(root: Path, runs: int) -> Metric:
    """`assistant corpus validate` as a user runs it, first time (empty cache), against a
    process that only parses the same files with the C loader."""
    assistant = str(Path(sys.executable).with_name("assistant"))

    def real() -> float:
        with tempfile.TemporaryDirectory() as empty:
            env = {**os.environ, "COUNTERBRIEF_CACHE_DIR": empty}
            return child_cpu([assistant, "corpus", "validate", "--corpus", str(root)], env)

    def bare() -> float:
        return child_cpu([sys.executable, "-c", PARSE_ONLY, str(root)])

    taken = interleaved({"parse": bare, "validate": real}, runs)
    return Metric("validate_10k", "corpus validate, 10k quotes (whole process, no cache)",
                  ms(statistics.median(taken["validate"])), ms(statistics.median(taken["parse"])),
                  "C-loader parse (whole process)", 1.5, "ratio",
                  ratio=median_ratio(taken["validate"], taken["parse"]), runs=taken)


def cached_load(root: Path, runs: int) -> tuple[Metric, float]:
    """Loading an unchanged corpus from the cache, against parsing its files. Returns the
    metric and the seconds of the first load, which fills the cache."""
    from assistant.corpus.loader import load_corpus

    first = cpu(lambda: load_corpus(root))
    taken = interleaved({"parse": lambda: cpu(lambda: parse_only(root)),
                         "cached": lambda: cpu(lambda: load_corpus(root))}, runs)
    metric = Metric("cached_load_100k", "load 100k quotes, unchanged (from the cache)",
                    ms(statistics.median(taken["cached"])), ms(statistics.median(taken["parse"])),
                    "C-loader parse, in process", 0.3, "ratio",
                    ratio=median_ratio(taken["cached"], taken["parse"]), runs=taken,
                    note=f"first load, filling the cache: {first:.1f} s")
    return metric, first


def brief_runner(root: Path | None) -> tuple[Callable[[], float], float]:
    """A run that composes and renders one brief (theme by theme, audience by audience, as
    someone moving through the list would), and the seconds of the very first brief."""
    from assistant.compose.brief import BriefInputs
    from assistant.compose.build import compose_brief
    from assistant.compose.catalogue import TemplateCatalogue
    from assistant.corpus.loader import load_corpus
    from assistant.paths import bundled_templates_dir
    from assistant.render import default_library, render_markdown

    corpus = load_corpus(root)
    catalogue, library = TemplateCatalogue(bundled_templates_dir()), default_library()
    cases = [BriefInputs(theme=t, audience=a, any_audience=True)  # speed, not the rules
             for t in corpus.themes for a in corpus.audiences]
    first = cpu(lambda: render_markdown(compose_brief(corpus, cases[0], catalogue), library))
    for inputs in cases:  # every theme's candidate list once, as a session would have
        compose_brief(corpus, inputs, catalogue)
    turns = cycle(cases)

    def run() -> float:
        inputs = next(turns)
        return cpu(lambda: render_markdown(compose_brief(corpus, inputs, catalogue), library))

    return run, first


def briefs(roots: dict[str, Path | None], runs: int) -> list[Metric]:
    """A brief at each size, interleaved, against the brief from the bundled corpus."""
    runners, firsts = {}, {}
    for name, root in roots.items():
        runners[name], firsts[name] = brief_runner(root)
    taken = interleaved(runners, runs)
    base = ms(statistics.median(taken["bundled"]))
    metrics = []
    for name in roots:
        if name == "bundled":
            continue
        value = ms(statistics.median(taken[name]))
        metrics.append(Metric(f"brief_{name}", f"brief at {name} quotes (compose + render)",
                              value, base, "the same at the bundled corpus (39 quotes)", 20.0,
                              "ms", runs={name: taken[name]},
                              note=f"first brief, building the indexes: {firsts[name] * 1000:.0f} ms"))
    big, small = ms(statistics.median(taken["100k"])), ms(statistics.median(taken["1k"]))
    metrics.append(Metric("brief_100k_vs_1k", "brief at 100k quotes against at 1k", big, small,
                          "brief at 1k quotes", 3.0, "ratio",
                          ratio=median_ratio(taken["100k"], taken["1k"])))
    return metrics


def sample_brief() -> tuple[object, str]:
    from assistant.compose.brief import BriefInputs
    from assistant.compose.build import compose_brief
    from assistant.corpus.loader import load_corpus
    from assistant.render import render_markdown

    brief = compose_brief(load_corpus(), BriefInputs(theme="harsh-life", audience="policymakers"))
    return brief, render_markdown(brief)


def docx(runs: int) -> Metric:
    """A brief exported to Word, against python-docx writing as many plain paragraphs."""
    import docx as python_docx

    from assistant.render.word import render_docx

    brief, markdown = sample_brief()
    paragraphs = [line for line in markdown.splitlines() if line.strip()]

    def bare() -> None:
        document = python_docx.Document()
        for line in paragraphs:
            document.add_paragraph(line)
        document.save(io.BytesIO())

    render_docx(brief)  # type: ignore[arg-type]  # imports and templates loaded: not counted
    taken = interleaved({"bare": lambda: cpu(bare),
                         "docx": lambda: cpu(lambda: render_docx(brief))}, runs)  # type: ignore[arg-type]
    return Metric("docx_export", "DOCX export of a brief (render + Word)",
                  ms(statistics.median(taken["docx"])), ms(statistics.median(taken["bare"])),
                  f"python-docx, {len(paragraphs)} plain paragraphs", 150.0, "ms", runs=taken)


def check_megabyte(runs: int) -> Metric:
    """`check` on 1 MB of Markdown (a real brief, repeated), through the public API, against
    markdown-it parsing the same text."""
    from markdown_it import MarkdownIt

    from assistant.checks import check_markdown
    from assistant.corpus.loader import load_corpus

    brief, markdown = sample_brief()
    corpus = load_corpus()
    text = markdown
    while len(text.encode()) < 1_000_000:
        text += "\n\n" + markdown
    parser = MarkdownIt("commonmark")
    check_markdown(markdown, corpus)  # word lists loaded: not counted
    taken = interleaved({
        "parse": lambda: cpu(lambda: parser.parse(text)),
        "check": lambda: cpu(lambda: check_markdown(
            text, corpus, audience=brief.audience, template=brief.template,  # type: ignore[attr-defined]
            frame=brief.frame)),  # type: ignore[attr-defined]
    }, runs)
    return Metric("check_1mb", f"check of {len(text.encode()) / 1e6:.2f} MB of Markdown",
                  ms(statistics.median(taken["check"])), ms(statistics.median(taken["parse"])),
                  "markdown-it parse of the same text", 1000.0, "ms", runs=taken)
