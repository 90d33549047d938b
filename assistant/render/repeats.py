"""Nothing said twice in what the audience reads.

Two lines say the same thing when, once citation marks, dates, labels and quotations are
set aside and the words are brought to a common form (numbers written as words become
digits, "selected" and "chosen" one word, endings cut), nearly every content word of the
shorter is in the longer, or the two share most of their words, or they give the same
figure about the same subject.

What is kept: a bullet that repeats another line is left out, keeping the line that
carries a citation (or the first, when both or neither do); a cited bullet that repeats
an uncited paragraph (our message, say) becomes one line: the paragraph, with the
bullet's citation and date. A sentence of a prose paragraph (a theme's summary) that
another line says again is taken out of the paragraph, unless it says more than a cited
bullet that repeats it: then it takes the bullet's citation and the bullet goes. A
numbered step, a labelled line ("**Goal:** ...", the campaign frame's form) or a
quotation is never dropped, so a template's structure survives. Runs on the audience part
only; the team notes are working notes and may restate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

from ..compose.parts import TEAM_HEADING

STOP = frozenset((
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "both", "but", "by", "can", "could", "did",
    "do", "does", "each", "for", "from", "had", "has", "have", "he", "her", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "just", "many", "me", "more",
    "most", "much", "my", "no", "not", "of", "on", "only", "or", "other", "our", "out",
    "over", "own", "said", "same", "say", "says", "she", "should", "since", "so",
    "some", "still", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "through", "to", "told", "under", "up", "us",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "why", "will", "with", "would", "you", "your",
))
"""Words that carry no subject: two lines are compared on what is left."""

NUMBER_WORDS = {word: str(n) for n, word in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty",
))}
SAME_WORD = {
    "found": "find", "left": "leave", "went": "go", "gone": "go", "thought": "think",
    "taken": "take", "took": "take", "saw": "see", "seen": "see", "came": "come",
    "became": "become", "men": "man", "women": "woman", "children": "child",
    "chosen": "choose", "chose": "choose", "selected": "choose", "select": "choose",
    "selection": "choose",
}
"""Irregular forms and the few near-synonyms briefs use for one another."""
_ENDINGS = ("ations", "ation", "ings", "ing", "ions", "ion", "ers", "er", "ed", "es", "ly",
            "s")
_SET_ASIDE = re.compile(
    r"\[\d+(?:, \d+)*\]"  # citation marks
    r"|_\(.*?\)_"  # the dating we append: _(as of August 2015)_
    r"|\*\*[^*]+:\*\*"  # a label: **Our message:**
    r"|“[^”]*”(?:\s+—[^“]*$)?"  # a quotation, and the attribution after it
)
# Who reports it is not what is reported: "The Washington Post reports that daily life…"
# says what "daily life…" says.
_FRAME = re.compile(
    r"^(?:According to [^,]{1,60},\s*"
    r"|(?:(?:The|the|[A-Z][\w’'.&-]*)\s+){1,6}(?:reports?|reported|says|said|notes|noted|"
    r"writes|wrote|finds|found|adds|added|estimates|estimated)\s+(?:that\s+)?)")
_WORD = re.compile(r"[a-z]+|\d[\d,.]*\d|\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9”)][.!?])\s+(?=[A-Z“])")
_CITED = re.compile(r"\[\d+(?:, \d+)*\]")
_LABELLED = re.compile(r"^\*\*[^*]+:\*\*")
_TAIL = re.compile(r"\s(\[\d+(?:, \d+)*\](?: _\(.*?\)_)?)\s*$")


def _stem(word: str) -> str:
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in SAME_WORD:
        return SAME_WORD[word]
    if word[0].isdigit():
        return word.replace(",", "")
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:5]


@lru_cache(maxsize=4096)  # each line is compared with every other: work out its words once
def stems(line: str) -> frozenset[str]:
    """The content words of `line` in a common form, quotations and marks set aside."""
    text = _SET_ASIDE.sub(" ", _FRAME.sub("", line)).lower().replace("’", "'")
    text = re.sub(r"'[a-z]*", "", text)  # possessives and contractions
    return frozenset(_stem(w) for w in _WORD.findall(text) if w not in STOP)


def says_the_same(one: str, other: str) -> bool:
    """True when the two lines say the same thing (see the module's docstring)."""
    a, b = stems(one), stems(other)
    short = a if len(a) <= len(b) else b
    shared = a & b
    if len(short) >= 4 and len(shared) / len(short) >= 0.8:
        return True
    if len(a | b) >= 5 and len(shared) / len(a | b) >= 0.6:
        return True
    figures = {w for w in shared if w[0].isdigit() and not _YEAR.fullmatch(w)}
    return bool(figures) and len(shared - figures) >= 3


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph of our own words."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


@dataclass
class _Line:
    start: int  # first source line
    end: int  # the line after it
    text: str
    droppable: bool  # a bullet, not labelled
    prose: bool  # a paragraph of several sentences, outside lists


def _lines(markdown: str) -> list[_Line]:
    """Each paragraph and bullet outside block quotes, up to the Sources heading or the
    team notes."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    found: list[_Line] = []
    quoted, lists = 0, []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and tokens[index + 1].content in ("Sources",
                                                                         TEAM_HEADING):
            break
        quoted += token.nesting if token.type.startswith("blockquote") else 0
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token.type)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "list_item_open" and token.map and not quoted:
            # A numbered step stays (never droppable) but is compared: what it says
            # need not be said again by a bullet or a sentence of the summary.
            text = tokens[index + 2].content
            bullet = lists[-1] == "bullet_list_open"
            found.append(_Line(token.map[0], token.map[1], text,
                               bullet and not _LABELLED.match(text), False))
        elif token.type == "paragraph_open" and token.map and not quoted and not lists:
            text = tokens[index + 1].content
            prose = token.map[1] - token.map[0] == 1 and not _LABELLED.match(text) \
                and len(sentences(text)) > 1
            found.append(_Line(token.map[0], token.map[1], text, False, prose))
    return found


def without_repeats(markdown: str) -> str:
    """`markdown` with every line that repeats another said once (see the docstring)."""
    lines = _lines(markdown)
    dropped: set[int] = set()
    carried: dict[int, str] = {}  # a paragraph's line -> the citation it takes over
    for i, line in enumerate(lines):
        for j, other in enumerate(lines):
            if i == j or j in dropped or not line.droppable or other.prose \
                    or not says_the_same(line.text, other.text):  # prose: by sentence
                continue
            cited, other_cited = bool(_CITED.search(line.text)), bool(_CITED.search(other.text))
            tail = _TAIL.search(line.text)
            if cited and not other_cited and not other.droppable and tail \
                    and other.end - other.start == 1:
                carried[other.start] = tail.group(1)
                dropped.add(i)
                break
            if (other_cited and not cited) or (cited == other_cited and other.start < line.start):
                dropped.add(i)
                break
    source = markdown.split("\n")
    rewritten = _said_once(lines, dropped, source)
    if not dropped and not rewritten:
        return markdown
    for n, marks in carried.items():
        source[n] = f"{source[n].rstrip()} {marks}"
    gone = {n for i in dropped for n in range(lines[i].start, lines[i].end)}
    return "\n".join(line for n, line in enumerate(source) if n not in gone)


def _said_once(lines: list[_Line], dropped: set[int], source: list[str]) -> bool:
    """Take out of each prose paragraph the sentences another line says again (or give a
    sentence that says more the citation of the cited bullet it repeats, which goes).
    Rewrites `source` and adds to `dropped`; True when anything changed."""
    changed = False
    for i, line in enumerate(lines):
        if not line.prose:
            continue
        kept: list[str] = []
        said = sentences(line.text)
        for sentence in said:
            matches = [(j, piece) for j, other in enumerate(lines)
                       if j != i and j not in dropped
                       for piece in [next((p for p in _pieces(other, earlier=j < i)
                                           if says_the_same(sentence, p)), None)]
                       if piece is not None]
            if any(not lines[j].droppable or len(stems(sentence)) <= len(stems(piece))
                   for j, piece in matches):
                continue  # another line says it as well: that line stays
            tails = [t.group(1) for j, _ in matches if (t := _TAIL.search(lines[j].text))]
            dropped.update(j for j, _ in matches)  # the sentence says more: it stays
            kept.append(f"{sentence.rstrip()} {_merged(tails)}"
                        if tails and not _CITED.search(sentence) else sentence)
        if kept != said:
            source[line.start] = " ".join(kept)
            changed = True
    return changed


def _merged(tails: list[str]) -> str:
    """One citation for what several cited lines said: every number, the first dating."""
    numbers = sorted({int(n) for t in tails for n in re.findall(r"\d+", _CITED.findall(t)[0])})
    dated = next((d.group(0) for t in tails if (d := re.search(r"_\(.*?\)_", t))), "")
    return f"[{', '.join(map(str, numbers))}]" + (f" {dated}" if dated else "")


def _pieces(other: _Line, earlier: bool) -> list[str]:
    """What of `other` a sentence is compared with: the whole line and each of its
    sentences (a later prose paragraph is compared when its own turn comes)."""
    if other.prose and not earlier:
        return [other.text]
    parts = sentences(other.text)
    return [other.text, *parts] if len(parts) > 1 else [other.text]


ADVICE_SAME = {"data": "figur", "figures": "figur", "numbers": "figur"}
"""Words cautions use for one another ("the data", "a figure")."""
_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)[–-](\d\d)\b")
_QUOTE_MARKS = re.compile(r"[“”\"‘]|(?<![a-z])'|'(?![a-z])")


@lru_cache(maxsize=4096)
def advice_stems(line: str) -> frozenset[str]:
    """The content words of a caution or question, with quoted words kept (in advice
    "say “as of”" is our own words) and a span of years as both years."""
    text = _CITED.sub(" ", _QUOTE_MARKS.sub(" ", line.replace("’", "'")))
    text = _YEAR_SPAN.sub(lambda m: f"{m.group(1)} {m.group(1)[:2]}{m.group(2)}", text.lower())
    text = re.sub(r"'[a-z]*", "", text)
    return frozenset(ADVICE_SAME.get(w) or _stem(w) for w in _WORD.findall(text)
                     if w not in STOP)


def same_advice(one: str, other: str) -> bool:
    """True when two cautions (or two discussion questions) give the same advice: at least
    three content words in common, and all but one in four of the shorter's in the other."""
    a, b = advice_stems(one), advice_stems(other)
    shared = a & b
    return len(shared) >= 3 and len(shared) / min(len(a), len(b)) >= 0.75


def advice_once(markdown: str) -> str:
    """`markdown` with each caution in the team notes given once: a bullet that gives the
    same advice as an earlier one in its list (a theme's pitfall restating the template's
    own caution) is left out. Labelled lines (the campaign frame, check findings) stay."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    gone: set[int] = set()
    team, depth = False, 0
    kept: list[list[str]] = []  # the cautions given so far, per open list
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and tokens[index + 1].content == TEAM_HEADING:
            team = True
        if not team:
            continue
        if token.type == "bullet_list_open":
            depth += 1
            kept.append([])
        elif token.type == "bullet_list_close":
            depth -= 1
            kept.pop()
        elif token.type == "list_item_open" and token.map and depth:
            text = tokens[index + 2].content
            if _LABELLED.match(text):
                continue
            if any(same_advice(text, earlier) for earlier in kept[-1]):
                gone.update(range(*token.map))
            else:
                kept[-1].append(text)
    if not gone:
        return markdown
    return "\n".join(line for n, line in enumerate(markdown.split("\n")) if n not in gone)
