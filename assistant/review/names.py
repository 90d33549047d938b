"""User names: normalised so that one person has one name, and refused when they could
hide or fake something on screen (zero-width and format characters, newlines, escapes)."""

from __future__ import annotations

import unicodedata

from .errors import InvalidInput

MAX_NAME = 200
# Control (Cc), format (Cf: zero-width space, joiners, bidi marks), surrogates (Cs),
# private use (Co), unassigned (Cn), and line or paragraph separators (Zl, Zp).
REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def one_line(raw: str, what: str, limit: int) -> str:
    """A title or note shown on one line of a terminal: InvalidInput (exit 2) for a
    control, format or separator character (escapes, newlines, bidi marks)."""
    text = raw.strip(" ")
    for position, char in enumerate(text, start=1):
        if unicodedata.category(char) in REFUSED_CATEGORIES:
            label = unicodedata.name(char, "a control character")
            raise InvalidInput(
                f"the {what} has an invisible or control character at position {position} "
                f"(U+{ord(char):04X} {label}); write it on one line with letters, digits, "
                "spaces and punctuation only")
    if len(text) > limit:
        raise InvalidInput(f"the {what} has {len(text)} characters; at most {limit}")
    return text


def user_name(raw: str, what: str = "user name") -> str:
    """`raw` in NFKC form; InvalidInput (exit 2) saying what is wrong with it otherwise."""
    name = unicodedata.normalize("NFKC", raw).strip(" ")
    for position, char in enumerate(name, start=1):
        if unicodedata.category(char) in REFUSED_CATEGORIES:
            label = unicodedata.name(char, "a control character")
            raise InvalidInput(
                f"the {what} {name!r} has an invisible or control character at position "
                f"{position} (U+{ord(char):04X} {label}); use letters, digits, spaces and "
                "punctuation only")
    if not name.strip():
        raise InvalidInput(f"the {what} is blank; give a name")
    if name != name.strip() or "  " in name:
        raise InvalidInput(f"the {what} {name!r} has doubled or unusual spaces")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"the {what} has {len(name)} characters; at most {MAX_NAME}")
    return name
