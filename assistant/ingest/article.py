"""An article as ingest takes it: UTF-8 text of a sensible size with no control characters.

Checked before anything reads it for quotes, for a file and for pasted text alike, so a
curator hears about a bad article at once, naming its line, and never gets a candidates
file that `--accept` would then refuse (a corpus file may not hold control characters).
"""

from __future__ import annotations

import re
import unicodedata

MAX_ARTICLE_BYTES = 1_000_000
"""A long feature is 50 KB; anything past this is not one article."""

_TOO_LARGE = (f"larger than {MAX_ARTICLE_BYTES // 1_000_000} MB, more than any one article; "
              "save the part you need")
# tab and newline are text; carriage returns are evened out before this check
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class ArticleRefused(Exception):
    """The article cannot be ingested; `line` is where (0 when it is the whole text)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


def decode_article(data: bytes) -> str:
    """The article's text from a file's bytes, checked."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleRefused(_TOO_LARGE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ArticleRefused(f"not UTF-8 text (byte {exc.start}); save the article as UTF-8",
                             line) from None
    return check_article(text)


def check_article(text: str) -> str:
    """The text with line ends evened out; refused when empty, too long or holding a
    control character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ArticleRefused(_TOO_LARGE)
    if not text.strip():
        raise ArticleRefused("the article is empty")
    found = _CONTROL.search(text)
    if found:
        char = found.group()
        name = unicodedata.name(char, "control character")
        raise ArticleRefused(f"holds a character that is not text (U+{ord(char):04X} {name}); "
                             "remove it from the article", text.count("\n", 0, found.start()) + 1)
    return text
