"""Nothing said twice in what the audience reads. A bullet that repeats another line is
left out, keeping the line that carries a citation (or the first, when both or neither
do); a cited bullet that repeats an uncited paragraph (our message, say) becomes one line:
the paragraph, with the bullet's citation and date. Only bullets go: a numbered step, a
paragraph, a labelled bullet ("**Goal:** ...", the campaign frame's form) or a quotation
is never dropped, so a template's structure survives. Runs on
the audience part only; the team notes are working notes and may restate."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from ..compose.parts import TEAM_HEADING

STOP = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "had", "has", "have",
    "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "them", "they",
    "this", "to", "was", "were", "what", "when", "who", "with",
])
_MARKS = re.compile(r"\[\d+(?:, \d+)*\]|_\(.*?\)_")
_CITED = re.compile(r"\[\d+(?:, \d+)*\]")
_LABELLED = re.compile(r"^\*\*[^*]+:\*\*")
_TAIL = re.compile(r"\s(\[\d+(?:, \d+)*\](?: _\(.*?\)_)?)\s*$")


def stems(line: str) -> set[str]:
    """Content words cut to five letters, so that 'selected' and 'selection' meet."""
    words = re.findall(r"[a-z0-9]+", _MARKS.sub("", line).lower())
    return {w[:5] for w in words if w not in STOP}


def says_the_same(one: str, other: str) -> bool:
    """True when nearly every content word of the shorter line (at least four) is in the
    longer one."""
    a, b = stems(one), stems(other)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and len(short & long) / len(short) >= 0.8


def _lines(markdown: str) -> list[tuple[int, int, str, bool]]:
    """(first line, end line, text, is a bullet) of each paragraph outside block quotes,
    up to the Sources heading or the team notes."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    found: list[tuple[int, int, str, bool]] = []
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
        elif token.type == "list_item_open" and token.map and lists[-1] == "bullet_list_open" \
                and not quoted:
            inline = tokens[index + 2]
            droppable = not _LABELLED.match(inline.content)
            found.append((token.map[0], token.map[1], inline.content, droppable))
        elif token.type == "paragraph_open" and token.map and not quoted and not lists:
            found.append((token.map[0], token.map[1], tokens[index + 1].content, False))
    return found


def without_repeats(markdown: str) -> str:
    """`markdown` with every bullet that repeats an earlier or better-cited line removed."""
    lines = _lines(markdown)
    dropped: set[int] = set()
    carried: dict[int, str] = {}  # paragraph's last line -> the citation it takes over
    for i, (start, _, text, bullet) in enumerate(lines):
        for j, (other_start, other_end, other, other_bullet) in enumerate(lines):
            if i == j or j in dropped or not bullet or not says_the_same(text, other):
                continue
            cited, other_cited = bool(_CITED.search(text)), bool(_CITED.search(other))
            tail = _TAIL.search(text)
            if cited and not other_cited and not other_bullet and tail \
                    and other_end - other_start == 1:
                carried[other_start] = tail.group(1)
                dropped.add(i)
                break
            if (other_cited and not cited) or (cited == other_cited and other_start < start):
                dropped.add(i)
                break
    if not dropped:
        return markdown
    source = markdown.split("\n")
    for n, marks in carried.items():
        source[n] = f"{source[n].rstrip()} {marks}"
    gone = {n for i in dropped for n in range(lines[i][0], lines[i][1])}
    return "\n".join(line for n, line in enumerate(source) if n not in gone)
