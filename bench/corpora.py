"""Synthetic corpora for the bench: the bundled corpus replicated under new ids.

Each replica copies the bundled sources, speakers, quotes and facts with `-rN` added to
every id (and to every reference to one; replica 0 keeps the bundled ids, which the
themes' related facts name), so the proportions of a real corpus hold at
any size: about one speaker per eight quotes, one source per four, one fact per two.
Themes, audiences and the corpus language are shared, as in a grown corpus: the number of quotes
per theme grows with the corpus, which is what selection has to cope with. Replicas are
grouped into files of REPLICAS_PER_FILE, one file per bundled file, as curators' files
would grow. The output depends on nothing but the bundled corpus and the size asked for.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.paths import bundled_corpus_dir

REPLICAS_PER_FILE = 50
SHARED = ("themes.yaml", "audiences.yaml", "corpus.yaml")  # copied once: not replicated
# every field that holds a record's id: a replica's references stay inside the replica
_ID_LINE = re.compile(r"^(\s*(?:- )?(?:id|speaker|source|via|follows|same_as|dates|fact|whole): )"
                      r"([a-z0-9][a-z0-9-]*)\s*$", re.MULTILINE)


def bundled_quote_count(root: Path | None = None) -> int:
    root = root or bundled_corpus_dir()
    return sum(len(re.findall(r"^  - id: ", p.read_text(encoding="utf-8"), re.MULTILINE))
               for p in sorted((root / "quotes").glob("*.yaml")))


def _replicable(root: Path) -> list[Path]:
    files = [p for p in root.rglob("*.yaml")
             if "schema" not in p.relative_to(root).parts and p.name not in SHARED]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def _shared_ids(root: Path) -> set[str]:
    """Theme and audience ids: references to them stay as they are."""
    ids: set[str] = set()
    for name in SHARED:
        ids.update(re.findall(r"^  - id: (\S+)", (root / name).read_text(encoding="utf-8"),
                              re.MULTILINE))
    return ids


def _body(text: str) -> str:
    """A file without its leading comments, schema line and top-level key."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"^[a-z]+:\s*$", line))
    return "\n".join(lines[start + 1:]) + "\n"


def replicas_for(quotes: int, root: Path | None = None) -> int:
    per = bundled_quote_count(root)
    return max(1, -(-quotes // per))


def generate(target: Path, quotes: int, root: Path | None = None) -> int:
    """Write a corpus of at least `quotes` quotes into `target`; returns the quote count."""
    root = root or bundled_corpus_dir()
    replicas = replicas_for(quotes, root)
    shared = _shared_ids(root)
    target.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        (target / name).write_text((root / name).read_text(encoding="utf-8"), encoding="utf-8")
    for path in _replicable(root):
        text = path.read_text(encoding="utf-8")
        key = next(line for line in text.splitlines() if re.match(r"^[a-z]+:\s*$", line))
        body = _body(text)
        stem = path.relative_to(root).with_suffix("").as_posix().replace("/", "-")
        for first in range(0, replicas, REPLICAS_PER_FILE):
            parts = [key]
            for n in range(first, min(first + REPLICAS_PER_FILE, replicas)):
                parts.append(body if n == 0 else _ID_LINE.sub(
                    lambda m, n=n: m.group(0) if m.group(2) in shared
                    else f"{m.group(1)}{m.group(2)}-r{n}", body))
            out = target / f"{stem}-{first // REPLICAS_PER_FILE:04d}.yaml"
            out.write_text("\n".join(parts), encoding="utf-8")
    return replicas * bundled_quote_count(root)
