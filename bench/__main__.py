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


def run(groups: set[str], runs: int, fresh: bool, say: Callable[[str], None]) -> list[Metric]:
    folder = _work_folder(fresh)
    os.environ["COUNTERBRIEF_CACHE_DIR"] = str(folder / "cache")
    os.environ["COUNTERBRIEF_CONFIG_DIR"] = str(folder / "config")
    from assistant.paths import bundled_corpus_dir, bundled_templates_dir

    from . import check_speed, corpus_metrics, deck, review, startup, tui

    roots = _corpora(folder, say)
    metrics: list[Metric] = []
    if "validate" in groups:
        say("corpus validate at 10k…")
        metrics.append(corpus_metrics.validate(roots["10k"], max(3, runs // 2)))
    if "cached" in groups or "briefs" in groups:
        say("loading 100k (the first load fills the cache)…")
        cached, _ = corpus_metrics.cached_load(roots["100k"], max(2, runs // 3))
        if "cached" in groups:
            metrics.append(cached)
    if "briefs" in groups:
        say("briefs at 1k, 10k and 100k…")
        metrics.extend(corpus_metrics.briefs({"bundled": None, **roots}, runs * 4))
    if "docx" in groups:
        say("DOCX export…")
        metrics.append(corpus_metrics.docx(runs))
    if "deck" in groups:
        say("the trainer's deck as PPTX and HTML…")
        metrics.extend(deck.metrics(runs))
    if "check" in groups:
        say("check of 1 MB and 10 MB briefs, and against the 10k corpus…")
        metrics.extend(check_speed.metrics(roots, max(2, runs // 3)))
    if "review" in groups:
        say("review database of 10,000 drafts…")
        base = folder / "review"
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir()
        _, markdown = corpus_metrics.sample_brief()
        metrics.extend(review.metrics(base, markdown, runs, bundled_corpus_dir(),
                                      bundled_templates_dir()))
    if "app" in groups:
        say("theme and colour changes in the app…")
        metrics.extend(tui.theme_and_colours(bundled_corpus_dir(), bundled_templates_dir(),
                                             runs))
    if "startup" in groups:
        say("start-up against a bare Textual app…")
        metrics.append(startup.metric(runs))
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

    metrics = run(set(args.only or GROUPS), max(1, args.runs), args.fresh, say)
    if args.json:
        print(json.dumps({m.name: m.as_json() for m in metrics}, indent=2))
    else:
        print(table(metrics))
    return 0 if all(m.ok for m in metrics) else 1


if __name__ == "__main__":
    sys.exit(main())
