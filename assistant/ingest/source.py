"""A source stub from what an article's text gives: outlet, title, date, author."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..corpus.loader import Corpus
from .ids import id_words
from .marks import paragraphs
from .outlets import KNOWN_OUTLETS

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_DATE = re.compile(r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+"
                   r"(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b|"
                   r"\b(?P<day2>\d{1,2})\s+(?P<month2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|"
                   r"Nov|Dec)[a-z]*\.?\s+(?P<year2>(?:19|20)\d\d)\b|"
                   r"\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b")
_WIRE = re.compile(r"^[A-Z][A-Z .,'-]+\((AP|AFP|Reuters|dpa|ANSA|EFE|Xinhua)\)\s*[—–-]")
_BYLINE = re.compile(r"^[ \t]*(?:by|By|BY)[ \t]+([A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){0,3})")


@dataclass(frozen=True)
class SourceStub:
    id: str
    outlet: str | None
    title: str
    published: str | None
    author: str | None
    kind: str = "news"

    def as_dict(self) -> dict[str, Any]:
        data = {"id": self.id, "outlet": self.outlet, "title": self.title,
                "published": self.published, "author": self.author, "kind": self.kind}
        return {k: v for k, v in data.items() if v is not None}


def _date(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        return None
    if m.group("iso"):
        return m.group("iso")
    month = (m.group("month") or m.group("month2"))[:3].lower()
    day, year = int(m.group("day") or m.group("day2")), int(m.group("year") or m.group("year2"))
    try:
        return date(year, _MONTHS[month], day).isoformat()
    except ValueError:
        return None


def source_stub(article: str, source_id: str | None, name_hint: str | None,
                corpus: Corpus | None) -> SourceStub:
    """Outlet, title, date and author where the text gives them; nothing guessed."""
    paras = paragraphs(article)
    head = [line.strip() for p in paras[:8] for line in article[p.start:p.end].split("\n")]
    title = next((line for line in head if line and len(line.split()) <= 20
                  and not _BYLINE.match(line) and not _DATE.fullmatch(line.strip())),
                 head[0] if head else "[untitled]")
    outlets = sorted({*KNOWN_OUTLETS, *(s.outlet for s in corpus.sources.values()
                                        if s.outlet)} if corpus else set(KNOWN_OUTLETS),
                     key=len, reverse=True)
    outlet = None
    for line in head[:6] + [article[p.start:p.end] for p in paras[-3:]]:
        credit = re.search(r"(?:SOURCE|Source|Originally published (?:in|by)|appeared in the "
                           r"print edition of)\s*:?\s*(.+)", line)
        probe = credit.group(1) if credit else line
        hit = next((o for o in outlets if probe.strip().startswith(o) or probe.strip() == o), None)
        if hit and (credit or line.strip() == hit):
            outlet = hit
            break
    if outlet is None:  # a wire dateline: "PARIS (AFP) —"
        wire = next((m.group(1) for line in head if (m := _WIRE.match(line))), None)
        outlet = {"AP": "The Associated Press"}.get(wire or "", wire)
    author = next((m.group(1).rstrip(",.") for line in head if (m := _BYLINE.match(line))), None)
    published = next((d for line in head if (d := _date(line))), None)
    if source_id is None:  # outlet and date where known, else the title's first words
        def part(text: str, words: int) -> str:
            return "-".join(id_words(text)[:words])

        named = part(outlet.removeprefix("The "), 3) if outlet else ""
        parts = [named or part(title, 4), published or (part(title, 4) if named else "")]
        source_id = "-".join(p for p in parts if p)[:80].strip("-") or part(name_hint or "", 5)
        source_id = source_id or "article"
    return SourceStub(source_id, outlet, title.strip(), published, author)
