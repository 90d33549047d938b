"""`corpus verify`: every quote and figure stands verbatim in the article it was read in.

Articles are archived beside the corpus as `archive/SOURCE-ID.txt`, each with its SHA-256
fingerprint in `archive/SHA256SUMS` (the `sha256sum` format), so that an archive edited to
agree with a changed quote is noticed. For the bundled
corpus, the seed reports beside the checkout stand in for the archive: each is matched to
the source whose quotes it holds (by content, never by file name), read in place, never
copied.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpus.loader import Corpus

FINGERPRINTS = "SHA256SUMS"
_TOKEN = re.compile(r"\w+(?:[’'-]\w+)*|[^\w\s]")


@dataclass(frozen=True)
class Mismatch:
    kind: str
    """"quote" or "fact"."""
    id: str
    source: str
    text: str
    closest: str
    changes: list[str]

    def __str__(self) -> str:
        what = f"{self.kind} {self.id}"
        changed = "; ".join(self.changes) or "punctuation or spacing differs"
        return (f"{what}: not verbatim in {self.source}: {changed}\n"
                f"    stored:  {self.text}\n    article: {self.closest}")

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "source": self.source, "text": self.text,
                "closest": self.closest, "changes": self.changes}


@dataclass
class Verification:
    checked: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    archives: dict[str, str] = field(default_factory=dict)
    """Source id -> where its text was read from."""
    unarchived: list[str] = field(default_factory=list)
    unreadable: dict[str, str] = field(default_factory=dict)
    """Source id -> why its archived text could not be read (a broken link, not UTF-8)."""
    altered: dict[str, str] = field(default_factory=dict)
    """Source id -> how its archived text differs from the one fingerprinted at accept."""

    @property
    def verbatim(self) -> bool:
        return not self.mismatches and not self.unreadable and not self.altered


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint_line(text: str, name: str) -> str:
    """One line of `archive/SHA256SUMS` for the archived file `name`."""
    return f"{fingerprint(text)}  {name}\n"


def fingerprints(folder: Path) -> dict[str, str]:
    """File name -> SHA-256 recorded when it was archived (nothing when none were)."""
    try:
        lines = (folder / FINGERPRINTS).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    found = {}
    for line in lines:
        digest, _, name = line.partition("  ")
        if re.fullmatch(r"[0-9a-f]{64}", digest) and name.strip():
            found[name.strip()] = digest
    return found


def closest_passage(needle: str, haystack: str) -> tuple[str, list[str]]:
    """The passage of `haystack` nearest to `needle`, and the words that differ."""
    mine = _TOKEN.findall(needle)
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(haystack)]
    theirs = [haystack[a:b] for a, b in spans]
    if not mine or not theirs:
        return "", []
    size = len(mine)
    anchors = {w.lower() for w in mine if w[0].isalnum()}
    best = (-1.0, 0, min(size, len(theirs)))
    for lo in range(0, max(1, len(theirs) - size + 1)):
        if theirs[lo].lower() not in anchors and lo and theirs[lo - 1] not in ".“\"‘'":
            continue
        for hi in (lo + size - 1, lo + size, lo + size + 1):
            hi = min(hi, len(theirs))
            matcher = difflib.SequenceMatcher(None, [w.lower() for w in mine],
                                              [w.lower() for w in theirs[lo:hi]],
                                              autojunk=False)
            matched = sum(b.size for b in matcher.get_matching_blocks())
            ratio = matched - 0.5 * abs(hi - lo - size)
            if ratio > best[0]:
                best = (ratio, lo, hi)
    _, lo, hi = best
    window = theirs[lo:hi]
    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, window, mine,
                                                       autojunk=False).get_opcodes():
        was, now = " ".join(window[i1:i2]), " ".join(mine[j1:j2])
        if tag == "replace":
            changes.append(f"'{was}' became '{now}'")
        elif tag == "delete":
            changes.append(f"'{was}' was left out")
        elif tag == "insert":
            changes.append(f"'{now}' was added")
    passage = haystack[spans[lo][0]:spans[hi - 1][1]] if hi > lo else ""
    return passage, changes


def seed_archives(corpus: Corpus, seeds_dir: Path) -> dict[str, Path]:
    """Map each first-hand source to the seed report holding most of its quotes."""
    if not seeds_dir.is_dir():
        return {}
    texts = {p: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}
    by_source: dict[str, list[str]] = {}
    for quote in corpus.quotes.values():
        by_source.setdefault(quote.sources[0].source, []).append(quote.text)
    found: dict[str, Path] = {}
    for source_id, quotes in by_source.items():
        scores = [(sum(q in text for q in quotes), str(p), p) for p, text in texts.items()]
        score, _, best = max(scores, default=(0, "", Path()))
        if score * 2 > len(quotes):
            found[source_id] = best
    return found


def _shown(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def archives(corpus: Corpus, seeds_dir: Path | None = None) -> dict[str, Path]:
    """Source id -> archived article text; the seeds fill in for sources with no archive."""
    found = dict(seed_archives(corpus, seeds_dir)) if seeds_dir else {}
    folder = corpus.root / "archive"
    if folder.is_dir():
        for path in sorted(folder.glob("*.txt")):
            if path.stem in corpus.sources:
                found[path.stem] = path
    return found


def verify_corpus(corpus: Corpus, seeds_dir: Path | None = None) -> Verification:
    """Check every quote and figure whose source has an archived text."""
    found = archives(corpus, seeds_dir)
    result = Verification(archives={sid: str(p) for sid, p in found.items()})
    texts: dict[str, str] = {}
    recorded = fingerprints(corpus.root / "archive")
    for sid, path in found.items():
        try:
            texts[sid] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            why = (f"is a link to {os.readlink(path)}, which does not exist"
                   if path.is_symlink() and not path.exists() else
                   f"cannot be read ({getattr(exc, 'strerror', None) or exc})")
            result.unreadable[sid] = f"{_shown(path, corpus.root)}: {why}"
            continue
        digest = recorded.get(path.name) if path.parent == corpus.root / "archive" else None
        if digest is not None and fingerprint(texts[sid]) != digest:
            del texts[sid]
            result.altered[sid] = (f"{_shown(path, corpus.root)}: changed since it was "
                                   f"archived (its fingerprint in archive/{FINGERPRINTS} no "
                                   "longer matches); restore the article as it was read")
    for quote in corpus.quotes.values():
        sid = quote.sources[0].source
        if sid in result.unreadable or sid in result.altered:
            continue
        if sid not in texts:
            if sid not in result.unarchived:
                result.unarchived.append(sid)
            continue
        result.checked += 1
        if quote.text not in texts[sid]:
            passage, changes = closest_passage(quote.text, texts[sid])
            result.mismatches.append(Mismatch("quote", quote.id, sid, quote.text, passage,
                                              changes))
    for fact in corpus.facts.values():
        for fs in fact.sources:
            if fs.source not in texts:
                continue
            result.checked += 1
            if fs.figure not in texts[fs.source]:
                passage, changes = closest_passage(fs.figure, texts[fs.source])
                result.mismatches.append(Mismatch("fact", fact.id, fs.source, fs.figure,
                                                  passage, changes))
    return result
