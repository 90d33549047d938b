"""How well ingest finds and attributes quotations: recall, precision, speaker accuracy.

Two sets: articles written for the tests with their expected quotes and speakers, and the
seed reports beside the checkout, where the bundled corpus says what a curator took from
each (read at run time, never copied). Run with `make eval-ingest`.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..corpus.loader import Corpus, load_corpus
from .candidates import ingest_article, typographic
from .marks import find_spans
from .verify import seed_archives


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    matched: int = 0
    speaker_right: int = 0
    unmarked: int = 0
    """Expected passages outside every quotation mark: a transcript's answers, or reported
    speech the corpus took as a quote (which no quotation finder can find)."""
    unmarked_found: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 1.0

    def line(self, name: str) -> str:
        text = (f"{name}: recall {self.recall:.0%} ({self.matched}/{self.expected}), "
                f"precision {self.precision:.0%} ({self.matched}/{self.found}), "
                f"speaker right {self.speaker_accuracy:.0%} ({self.speaker_right}/{self.matched})")
        if self.unmarked:
            quoted = self.expected - self.unmarked
            found = self.matched - self.unmarked_found
            text += (f"\n  in quotation marks: recall {found / quoted:.0%} ({found}/{quoted}); "
                     f"outside them: {self.unmarked_found}/{self.unmarked} found")
        return text


def _same(a: str, b: str) -> bool:
    return typographic(a).rstrip(" .,") == typographic(b).rstrip(" .,")


def _speaker_fits(expected: str, label: str) -> bool:
    want = set(re.findall(r"[a-z0-9]+", expected.lower()))
    have = set(re.findall(r"[a-z0-9]+", label.lower()))
    return want <= have


def score_article(article: str, expected: list[dict[str, str]], corpus: Corpus | None,
                  score: Score, name: str, by_id: bool = False) -> None:
    result = ingest_article(article, corpus)
    found = result.candidates
    spans = find_spans(article)

    def unmarked(want: dict[str, str]) -> bool:
        at = article.find(want["text"])
        return at >= 0 and not any(s.start <= at < s.close_at for s in spans)
    score.expected += len(expected)
    score.found += len(found)
    used: set[int] = set()
    for want in expected:
        hit = next((n for n, c in enumerate(found) if n not in used
                    and _same(c.quotation.text, want["text"])), None)
        outside = unmarked(want)
        score.unmarked += outside
        if hit is None:
            score.misses.append(f"{name}: {want['text'][:70]}")
            continue
        score.unmarked_found += outside
        used.add(hit)
        score.matched += 1
        cand = found[hit]
        label = cand.quotation.speaker.label if cand.quotation.speaker else ""
        right = cand.speaker == want["speaker"] if by_id else _speaker_fits(want["speaker"],
                                                                            label)
        if right:
            score.speaker_right += 1
        else:
            score.wrong_speakers.append(f"{name}: {want['text'][:40]}… expected "
                                        f"{want['speaker']}, got {cand.speaker} ({label[:50]})")
    score.extras += [f"{name}: {c.quotation.text[:70]}" for n, c in enumerate(found)
                     if n not in used]


def evaluate_set(folder: Path) -> Score:
    """The articles written for the tests, against `expected.yaml` beside them."""
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    score = Score()
    for name, quotes in sorted(expected.items()):
        text = (folder / name).read_text(encoding="utf-8")
        score_article(text, quotes, None, score, name)
    return score


def evaluate_seeds(seeds_dir: Path, corpus: Corpus) -> Score:
    """The seed reports, against the quotes the bundled corpus took from each."""
    score = Score()
    for source_id, path in sorted(seed_archives(corpus, seeds_dir).items()):
        wanted = [{"text": q.text, "speaker": q.speaker} for q in corpus.quotes.values()
                  if q.sources[0].source == source_id]
        article = path.read_text(encoding="utf-8")
        # the corpus itself must not give the answers away: match speakers by id only
        bare = Corpus(root=corpus.root, speakers=corpus.speakers, sources=corpus.sources,
                      themes=corpus.themes)
        score_article(article, wanted, bare, score, path.name, by_id=True)
    return score


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    verbose = "-v" in args
    project = Path(__file__).resolve().parents[2]
    root = project / "tests" / "ingest_eval"
    sets = [("evaluation set", evaluate_set(root))]
    # held-out sets: written after the extractor was tuned, never used to tune it
    sets += [(f"held-out set {sub.name}", evaluate_set(sub)) for sub in sorted(root.iterdir())
             if (sub / "expected.yaml").is_file()]
    seeds = project.parent / "shared" / "seeds"
    if seeds.is_dir():
        sets.append(("seed reports", evaluate_seeds(seeds, load_corpus())))
    else:
        print(f"seed reports not found at {seeds}; only the evaluation set is measured")
    for name, score in sets:
        print(score.line(name))
        if verbose:
            for kind, rows in (("missed", score.misses), ("extra", score.extras),
                               ("wrong speaker", score.wrong_speakers)):
                for row in rows:
                    print(f"  {kind}: {row}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
