"""The bench's synthetic corpora are valid corpora, the same every time they are made."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from assistant.corpus.loader import corpus_files, load_corpus, validate_corpus
from assistant.corpus.stats import corpus_stats
from bench.corpora import bundled_quote_count, generate


def _digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in corpus_files(root):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_a_generated_corpus_validates_with_realistic_proportions(tmp_path: Path) -> None:
    quotes = generate(tmp_path, 200)
    corpus, problems = validate_corpus(tmp_path, cache=False)
    assert problems == []
    assert len(corpus.quotes) == quotes >= 200
    replicas = quotes // bundled_quote_count()
    bundled = load_corpus()
    assert len(corpus.speakers) == len(bundled.speakers) * replicas
    assert len(corpus.sources) == len(bundled.sources) * replicas
    assert len(corpus.themes) == len(bundled.themes)
    assert len(corpus.audiences) == len(bundled.audiences)
    assert all(row["quotes"] > 0 for row in corpus_stats(corpus)["themes"])


def test_the_generator_writes_the_same_files_every_time(tmp_path: Path) -> None:
    generate(tmp_path / "a", 120)
    generate(tmp_path / "b", 120)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_replicas_spread_over_several_files(tmp_path: Path) -> None:
    from bench import corpora

    quotes = generate(tmp_path, bundled_quote_count() * (corpora.REPLICAS_PER_FILE + 1))
    assert quotes > 0
    assert len(list(tmp_path.glob("quotes-new-york-times-*.yaml"))) == 2


def test_every_reference_in_a_replica_stays_inside_it(tmp_path: Path) -> None:
    """A replica whose `follows`, `same_as`, `dates` or chart `fact` pointed back into the
    bundled records would make one remark of every replica's caveat and one dating fact
    per replica for the bundled report: not a grown corpus but a distorted one."""
    generate(tmp_path, bundled_quote_count() * 3)
    corpus = load_corpus(tmp_path)
    bundled = load_corpus()

    def replica(record_id: str) -> str:
        found = re.search(r"-r(\d+)$", record_id)
        return found.group(1) if found else "0"

    follows = [(q.id, q.follows) for q in corpus.quotes.values() if q.follows]
    same = [(q.id, q.same_as) for q in corpus.quotes.values() if q.same_as]
    dates = [(f.id, f.dates) for f in corpus.facts.values() if f.dates]
    facts = [(c.id, p.fact) for c in corpus.charts.values() for p in c.parts]
    facts += [(c.id, c.whole) for c in corpus.charts.values() if c.whole]
    assert len(follows) == 3 * sum(1 for q in bundled.quotes.values() if q.follows) > 0
    assert len(same) > 0 and len(dates) == 3 and len(facts) > 0
    for own, other in [*follows, *same, *dates, *facts]:
        assert replica(own) == replica(other), (own, other)
