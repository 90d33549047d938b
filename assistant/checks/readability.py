"""Flesch reading ease, small enough to read: 206.835 - 1.015 (words per sentence)
- 84.6 (syllables per word). Higher is easier; 60-70 is plain English.

Syllables are counted by a heuristic (vowel groups, less silent endings), which is what
every Flesch implementation does; it is off by one on some words, not on average.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|[:;](?=\s*$)")
_SILENT = re.compile(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$")


@lru_cache(maxsize=1 << 16)  # a text uses the same words again and again
def syllables(word: str) -> int:
    """Syllables in one English word, by heuristic; at least 1 for any word."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    w = _SILENT.sub("", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", w)))


def sentence_count(text: str) -> int:
    return max(1, len(_SENTENCE_END.findall(text.strip())) + (
        0 if re.search(r"[.!?]\s*$", text.strip()) else 1))


def text_words(text: str) -> list[str]:
    return _WORD.findall(text)


def has_words(text: str) -> bool:
    return _WORD.search(text) is not None


def word_count(texts: list[str]) -> int:
    """Words in all the texts (one scan: a space between texts keeps their words apart)."""
    return len(_WORD.findall(" ".join(texts)))


def sentences_in(passages: list[str]) -> int:
    """`sentence_count` summed over the passages, in one scan of them all: joined by line
    breaks (read as the ends of texts), each passage's sentence ends are found as on its
    own, and a passage that does not end with one ends a sentence all the same."""
    if any("\n" in p for p in passages):
        return sum(sentence_count(p) for p in passages)
    ends = len(_SENTENCE_ENDS.findall("\n".join(passages)))
    return ends + sum(1 for p in passages if not p.strip().endswith((".", "!", "?")))


_SENTENCE_ENDS = re.compile(_SENTENCE_END.pattern, re.MULTILINE)


def reading_ease(passages: list[str]) -> float | None:
    """Flesch reading ease of passages (each at least one sentence); None without words."""
    passages = [p for p in passages if has_words(p)]
    words = _WORD.findall(" ".join(passages))
    if not words:
        return None
    sentences = sentences_in(passages)
    syll = sum(syllables(w) * n for w, n in Counter(words).items())
    return 206.835 - 1.015 * (len(words) / sentences) - 84.6 * (syll / len(words))
