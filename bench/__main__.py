"""`python -m bench [--json]`: every speed budget, measured against its yardstick.

Synthetic corpora of 1k, 10k and 100k quotes (bench/corpora.py) are written into a
temporary folder, kept between runs under the system's temporary directory (they depend
only on the bundled corpus and the generator; `--fresh` writes them again). The corpus
cache and the app's settings live there too: nothing of the user's is read or written.
Each figure is the median of several runs taken in turn with its yardstick's; the
exit status is 1 when any budget is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .timing import Metric

SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
HERE = Path(__file__).resolve().parent
GROUPS = ("briefs", "docx", "deck", "check", "review", "app", "startup", "validate", "cached")


def _work_folder(fresh: bool) -> Path:
    from assistant.paths import bundled_corpus_dir

    digest = hashlib.sha256((HERE / "corpora.py").read_bytes())
    for path in sorted(bundled_corpus_dir().rglob("*.yaml")):
        digest.update(path.read_bytes())
    folder = Path(tempfile.gettempdir()) / "counterbrief-bench" / digest.hexdigest()[:12]
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _corpora(folder: Path, say: Callable[[str], None]) -> dict[str, Path]:
    from .corpora import generate

    roots = {}
    for name, quotes in SIZES.items():
        root = folder / f"corpus-{name}"
        done = folder / f"corpus-{name}.done"
        if not done.exists():
            say(f"writing the {name} corpus…")
            shutil.rmtree(root, ignore_errors=True)
            done.write_text(str(generate(root, quotes)), encoding="utf-8")
        roots[name] = root
    return roots


def run(groups: set[str], runs: int, fresh: bool, say: Callable[[str], None],
        failed: list[str]) -> list[Metric]:
    """Every measure of `groups`; a measure that fails is named in `failed`, with why."""
    folder = _work_folder(fresh)
    os.environ["COUNTERBRIEF_CACHE_DIR"] = str(folder / "cache")
    os.environ["COUNTERBRIEF_CONFIG_DIR"] = str(folder / "config")
    from assistant.paths import bundled_corpus_dir, bundled_templates_dir

    from . import check_speed, corpus_metrics, deck, review, startup, tui

    roots = _corpora(folder, say)
    metrics: list[Metric] = []
    _, markdown = corpus_metrics.sample_brief()

    def review_metrics() -> list[Metric]:
        base = folder / "review"
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir()
        return review.metrics(base, markdown, runs, bundled_corpus_dir(), bundled_templates_dir())

    def cached() -> list[Metric]:
        metric, _ = corpus_metrics.cached_load(roots["100k"], max(2, runs // 3))
        return [metric]

    measures: list[tuple[str, str, Callable[[], list[Metric]]]] = [
        ("validate", "corpus validate at 10k…",
         lambda: [corpus_metrics.validate(roots["10k"], max(3, runs // 2))]),
        ("cached", "loading 100k (the first load fills the cache)…", cached),
        ("briefs", "briefs at 1k, 10k and 100k…",
         lambda: corpus_metrics.briefs({"bundled": None, **roots}, runs * 4)),
        ("docx", "DOCX export…", lambda: [corpus_metrics.docx(runs)]),
        ("deck", "the trainer's deck as PPTX and HTML…", lambda: deck.metrics(runs)),
        ("check", "check of 1 MB and 10 MB briefs, and against the 10k corpus…",
         lambda: check_speed.metrics(roots, runs)),
        ("review", "review database of 10,000 drafts…", review_metrics),
        ("app", "theme and colour changes in the app…",
         lambda: tui.theme_and_colours(bundled_corpus_dir(), bundled_templates_dir(), runs)),
        ("startup", "start-up against a bare Textual app…", lambda: [startup.metric(runs)]),
    ]
    for group, what, measure in measures:
        if group not in groups:
            continue
        say(what)
        try:
            metrics.extend(measure())
        except (Exception, SystemExit) as exc:  # one failing measure must not hide the rest
            failed.append(f"{group}: could not be measured: {type(exc).__name__}: {exc}")
            say(failed[-1])
    return metrics


def table(metrics: list[Metric]) -> str:
    head = f"{'metric':<18} {'value':>10} {'yardstick':>10} {'ratio':>7} {'budget':>9}  ok"
    lines = [head, "-" * len(head)]
    for m in metrics:
        budget = f"{m.budget:g}x" if m.on == "ratio" else f"{m.budget:g} ms"
        lines.append(f"{m.name:<18} {m.value:>7.1f} ms {m.yardstick:>7.1f} ms {m.ratio:>6.2f}x "
                     f"{budget:>9}  {'yes' if m.ok else 'NO'}")
    lines.append("")
    for m in metrics:
        extra = f"; {m.note}" if m.note else ""
        lines.append(f"{m.name}: {m.label}; yardstick: {m.yardstick_label}{extra}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench",
                                     description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    parser.add_argument("--runs", type=int, default=7, help="runs per measure (default 7)")
    parser.add_argument("--only", action="append", choices=GROUPS,
                        help="measure only this group (repeatable)")
    parser.add_argument("--fresh", action="store_true", help="write the corpora again")
    args = parser.parse_args(argv)

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    failed: list[str] = []
    metrics = run(set(args.only or GROUPS), max(1, args.runs), args.fresh, say, failed)
    if args.json:
        print(json.dumps({**{m.name: m.as_json() for m in metrics},
                          **({"failed": failed} if failed else {})}, indent=2))
    else:
        print(table(metrics))
        for line in failed:
            print(line)
    return 0 if all(m.ok for m in metrics) and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
