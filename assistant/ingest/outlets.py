"""News outlets a speaker may have talked to: the original source of a quotation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

KNOWN_OUTLETS = (
    "NPR", "CBS", "CBS News", "CNN", "BBC", "BBC News", "NBC", "NBC News", "ABC", "ABC News",
    "Fox News", "Reuters", "AP", "The Associated Press", "Associated Press", "AFP",
    "Agence France-Presse", "The Guardian", "Guardian", "The New York Times",
    "New York Times", "The Washington Post", "Washington Post", "Al Jazeera", "Der Spiegel",
    "Spiegel", "Le Monde", "The Times", "The Sunday Times", "The Telegraph", "Sky News",
    "Vice News", "Frontline", "PBS", "Time", "Time magazine", "Business Insider",
    "The Independent", "The Atlantic", "Newsweek", "Channel 4 News", "Channel 4", "ITV",
    "Deutsche Welle", "DW", "France 24", "Radio Free Europe", "RFE/RL", "Voice of America",
    "VOA", "The Economist", "Financial Times", "Bloomberg", "Le Figaro", "El País",
    "Haaretz", "Al Arabiya", "The Daily Beast", "BuzzFeed News", "Vox", "Politico",
    "The Wall Street Journal", "Wall Street Journal", "USA Today", "The Straits Times",
    "Straits Times", "Rudaw", "Asharq Al-Awsat", "The National", "Radio France",
    "Süddeutsche Zeitung", "Die Zeit", "Le Parisien", "La Repubblica", "RTÉ",
)


_CONTEXT = (r"(?:told|to|with|by|on|in|for|from)\s+(?:a\s+|an\s+|the\s+)?"
            r"(?:recent\s+|new\s+|later\s+|separate\s+)?")
_KIND = (r"\s+(?:article|interview|documentary|report|programme|program|broadcast|podcast|"
         r"op-ed|column|piece)")


@lru_cache(maxsize=32)
def _patterns(names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One alternation for all outlet names, longest first (so "CBS News" beats "CBS")."""
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return (re.compile(_CONTEXT + f"({alternation})" + r"(?![\w-])"),
            re.compile(r"(?<![\w-])" + f"({alternation})" + _KIND))


def find_outlet(clause: str, extra: Iterable[str] = ()) -> str | None:
    """The outlet an attribution clause names ("told NPR", "interviewed by The Guardian",
    "in a recent CNN article"), longest name first."""
    names = tuple(sorted({*KNOWN_OUTLETS, *extra}))
    after_verb, before_kind = _patterns(names)
    found = [m.group(1) for m in (after_verb.search(clause), before_kind.search(clause)) if m]
    if not found:
        return None
    return max(found, key=len).removeprefix("the ")


_WHEN = re.compile(r"\s*(?:(?:last|this|next)\s+(?:year|month|week|spring|summer|autumn|fall|"
                   r"winter)|in\s+(?:\d{4}|[A-Z][a-z]+(?:\s+\d{4})?)|earlier|recently|"
                   r"once|in\s+an?\s+interview|years?\s+ago)\b")


def interview_outlet(clause: str, extra: Iterable[str] = ()) -> str | None:
    """The outlet a clause says the speaker talked to, unless it only reports what they told
    it then ("told the BBC last year that he...", "told NPR he left"): an earlier interview
    is not where this article's quotation comes from."""
    outlet = find_outlet(clause, extra)
    if outlet is None:
        return None
    at = clause.find(outlet)
    rest = clause[at + len(outlet):] if at >= 0 else ""
    while (when := _WHEN.match(rest)) is not None:
        rest = rest[when.end():]
    if re.match(r"\s*(?:,\s*)?[a-z]", rest) or re.match(r"\s*(?:That|He|She|They|It)\b", rest):
        return None  # told NPR that..., told NPR he left
    return outlet


def is_outlet(phrase: str, extra: Iterable[str] = ()) -> bool:
    stripped = phrase.strip()
    return any(stripped == name or stripped == f"the {name}" for name in (*KNOWN_OUTLETS, *extra))
