"""Amplification: the brief must not spread the group's slogans, hashtags, media brands,
self-styled titles or links to its material (style guide: data/style-guide.yaml).

Slogans, hashtags and links are looked for everywhere, quotations included. A link is
read however it is written: a messaging app's own scheme (`tg://...`) and defanged
addresses (`hxxps://t[.]me/...`, `t(dot)me`) are links; a hashtag or handle is compared
without accents or dotted capitals (`#İslamDevleti`). Outlet names
and titles are looked for in the brief's own words; a title is fine when distanced: in
quotation marks, or after "so-called", "self-declared" and the like.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .context import CheckInput
from .document import Block
from .findings import Finding, Severity
from .quotations import without_quotations
from .spans import Spans
from .vocabulary import Rule, any_of, style_guide

CHECK = "amplification"
_HASHTAG = re.compile(r"(?<![\w&/#])#([^\W\d][\w]{0,100})")
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z_][\w.]{1,60}|[^\W\d][\w]{0,60})")
# Addresses are read defanged too: hxxps://, t[.]me, t(dot)me ("[.]" is a dot).
_DOT = r"(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\{\.\})"
_SCHEME = r"h(?:tt|xx|\*\*)ps?\[?:\]?//"
_URL = re.compile(rf"(?:{_SCHEME}|www{_DOT})(?:\[\.\]|\[dot\]|\(\.\)|\(dot\)|[^\s)>\]])+", re.I)
# literal text only: what it finds in the whole brief it finds in one block (`texts_matching`)
_DEFANGED = re.compile(r"hxxp|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\{\.\}|\[:\]", re.I)
_QUOTE_MARKS = "'\"‘’“”"


def _finding(rule: Rule, block: Block, offset: int, what: str, suggestion: str) -> Finding:
    if "/" in what or ":" in what:  # an address, without the full stop after it
        what = what.rstrip(".,;:!?")
    return Finding(CHECK, rule.severity, f"{rule.message}: {what}", suggestion,
                   line=block.line_at(offset), section=block.section or None)


def _distanced(text: str, start: int, end: int, distancing: list[str]) -> bool:
    before = text[max(0, start - 2) : start].strip()[-1:]
    after = text[end : end + 2].strip()[:1]
    if before and before in _QUOTE_MARKS and after and after in _QUOTE_MARKS:
        return True
    window = " ".join(_last_words(text, start, 5)).lower()
    return any(re.search(rf"\b{re.escape(d.lower())}\b", window) for d in distancing)


def _last_words(text: str, end: int, count: int) -> list[str]:
    """The last `count` words before `end` (`text[:end].split()[-count:]`), read from a
    window that widens only as far as they reach: a long paragraph full of titles would
    otherwise be split from its start once for each."""
    width = 256
    while True:
        start = max(0, end - width)
        found = text[start:end].split()
        if start == 0 or len(found) > count:  # one more: the first may be cut
            return found[-count:]
        width *= 4


def _hosts_pattern(hosts: list[str]) -> re.Pattern[str] | None:
    if not hosts:
        return None
    alternation = "|".join(_DOT.join(map(re.escape, h.lower().split(".")))
                           for h in sorted(hosts, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{_SCHEME})?(?:www{_DOT})?(?:{alternation})"
                      r"(?:/(?:\[\.\]|[^\s)>\]])*)?", re.I)


def _schemes_pattern(schemes: list[str]) -> re.Pattern[str] | None:
    """A messaging app's own links (tg://resolve?domain=...): a channel whatever follows."""
    if not schemes:
        return None
    alternation = "|".join(re.escape(s.lower()) for s in sorted(schemes, key=len, reverse=True))
    return re.compile(rf"(?<![\w.+-])(?:{alternation})://[^\s)>\]]*", re.I)


@cache
def fold(word: str) -> str:
    """Lower case without accents or dots ('İslamDevleti' -> 'islamdevleti'), so a word
    list need not spell every accented form."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _group_word(name: str, words: list[str]) -> bool:
    """Whether a hashtag or handle holds one of the (folded) words."""
    flat = fold(name).replace("_", "").replace("-", "").replace(".", "")
    return any(w.replace("_", "").replace(" ", "") in flat for w in words)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans made spaces (the same length), in one pass."""
    pieces, pos = [], 0
    for a, b in Spans(spans):
        pieces += [text[pos:a], " " * (b - a)]
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def check_amplification(ci: CheckInput) -> list[Finding]:
    rules = style_guide()
    findings: list[Finding] = []
    links = rules["links"]
    channels = _hosts_pattern(links.words("hosts"))
    schemes = _schemes_pattern(links.words("schemes"))
    group_words = [fold(str(w)) for w in rules["hashtags"].words("group_words")]
    outlet_words = [fold(t.phrase) for t in links.terms]
    hosts = [h.lower() for h in links.words("hosts")]  # read once, not per block
    listed = {t.phrase.lower().lstrip("#") for t in rules["hashtags"].terms}
    distancing = rules["titles"].words("distancing")
    screen = ci.text_screen
    # the blocks that may hold a link, handle or tag, or a listed phrase: the rest are done
    held = any_of(screen.texts_with(("://", "www", "@", "#", *hosts)),
                  screen.texts_matching(_DEFANGED),
                  *(screen.holding(rules[n].phrases) for n in ("slogans", "media_outlets",
                                                               "titles")))
    for block in ci.doc.blocks if held is None else [ci.doc.blocks[i] for i in sorted(held)]:
        text = block.text
        reported: list[tuple[int, int]] = []  # channel links, in the order found
        taken = Spans()  # and the places they take
        lowered = text.lower()
        # cheap substring tests first: most blocks hold no link, tag or handle at all
        defanged = ("[" in text or "(" in text) and bool(_DEFANGED.search(text))
        has_link = "://" in text or "www" in lowered or defanged
        has_host = has_link or any(h in lowered for h in hosts)
        if schemes is not None and "://" in text:
            for m in schemes.finditer(text):
                reported.append(m.span())
                taken.add(*m.span())
                findings.append(_finding(links, block, m.start(), m.group(0), links.suggestion))
        if channels is not None and has_host:
            for m in channels.finditer(text):
                if taken.holds(m.start()):
                    continue
                reported.append(m.span())
                taken.add(*m.span())
                findings.append(_finding(links, block, m.start(), m.group(0), links.suggestion))
        for m in _URL.finditer(text) if has_link else ():
            if taken.holds(m.start()):
                continue
            address = _DEFANGED.sub(lambda d: "." if "." in d.group(0) or "dot" in
                                    d.group(0).lower() else (":" if ":" in d.group(0)
                                                             else "http"),
                                    m.group(0).lower())
            for term in links.terms:
                if term.phrase.lower() in address:
                    findings.append(_finding(links, block, m.start(), m.group(0),
                                             term.suggestion))
                    break
        for m in _HANDLE.finditer(text) if "@" in text else ():
            handle = m.group(0).rstrip(".")
            if _group_word(handle[1:], group_words + outlet_words):
                findings.append(Finding(
                    CHECK, rules["hashtags"].severity,
                    f"gives a handle of the group's channels: {handle}",
                    "leave the handle out; it leads people to the group's material",
                    line=block.line_at(m.start()), section=block.section or None))
        if block.in_references:
            continue
        for term, m in rules["slogans"].find(text, ci.text_screen):
            findings.append(_finding(rules["slogans"], block, m.start(), f"'{m.group(0)}'",
                                     term.suggestion))
        for m in _HASHTAG.finditer(text) if "#" in text else ():
            tag = fold(m.group(1)).replace("_", "")
            if tag in listed or _group_word(m.group(1), group_words):
                findings.append(_finding(rules["hashtags"], block, m.start(), m.group(0),
                                         rules["hashtags"].suggestion))
        own = without_quotations(block)
        if has_link:
            own = _URL.sub(lambda u: " " * len(u.group(0)), own)
        if reported:  # a channel link is reported once, not again for its name
            own = _blanked(own, reported)
        for term, m in rules["media_outlets"].find(own, ci.text_screen):
            findings.append(_finding(rules["media_outlets"], block, m.start(),
                                     f"'{m.group(0)}'", term.suggestion))
        for term, m in rules["titles"].find(own, ci.text_screen):
            if not _distanced(own, m.start(), m.end(), distancing):
                findings.append(_finding(rules["titles"], block, m.start(),
                                         f"'{m.group(0)}'", term.suggestion))
    return findings


__all__ = ["Severity", "check_amplification"]
