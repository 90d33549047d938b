"""Characters that have no place in corpus text, a frame line or a user name.

Control characters (C0 except tab and newline, DEL, C1) break Word exports and
terminals; bidirectional overrides and invisible zero-width characters make a text
read differently from what it holds (a quote that displays one way and says another,
an id that prints like another). Zero-width joiners stay allowed: Persian and Indic
scripts and emoji need them.
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (tab and newline allowed), DEL, C1
    "\u200b\u2060\ufeff"  # zero-width space, word joiner, a byte-order mark inside text
    "\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides and isolates
    "\u2028\u2029]"  # line and paragraph separators
)


def forbidden_character(text: str) -> tuple[int, str] | None:
    """(offset, description) of the first character text must not hold, or None."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    name = unicodedata.name(char, "control character")
    return found.start(), f"U+{ord(char):04X} {name}"


def escaped(text: str) -> str:
    """`text` safe to print on a terminal: each forbidden character as a visible escape
    (`\\x1b`, `\\u202e`), so a message can name a bad value without acting on it."""
    return _FORBIDDEN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
