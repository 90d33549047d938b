"""Interviews printed as a transcript: "RANA KHOURY: The day they..." is her quotation even
without quotation marks; the interviewer's lines are questions, not testimony."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .marks import Paragraph

# a speaker's label: a name of two to five words, in capitals or as a name is written
_LABEL = re.compile(r"((?:[A-Z][A-Za-z’'.-]*\s+){1,4}[A-Z][A-Za-z’'-]*\.?)\s*:\s+(?=\S)")
_NOT_NAMES = {"q", "a", "question", "answer", "presenter", "host", "guest", "interviewer",
              "note", "editor", "update", "correction", "watch", "read", "listen"}


@dataclass(frozen=True)
class Answer:
    """One paragraph a named interviewee says in a transcript."""

    label: str
    """The name as a person would write it: "Dr Rana Khoury"."""
    start: int
    end: int
    paragraph: int


def _as_written(label: str) -> str:
    if not label.isupper():
        return label
    return " ".join(w.capitalize() for w in label.split())


def answers(text: str, paras: list[Paragraph]) -> list[Answer]:
    """The answers of every label that opens two paragraphs or more and does not only ask
    questions; nothing when the article is not a transcript."""
    by_label: dict[str, list[tuple[Paragraph, int]]] = defaultdict(list)
    for para in paras:
        label = _LABEL.match(text, para.start, para.end)
        if label and label.group(1).split()[0].lower().rstrip(".") not in _NOT_NAMES:
            by_label[label.group(1)].append((para, label.end()))
    found = []
    for name, turns in by_label.items():
        if len(turns) < 2 or len(by_label) < 2:
            continue
        if all(text[p.start:p.end].rstrip().endswith("?") for p, _ in turns):
            continue  # the interviewer
        found += [Answer(_as_written(name), at, p.end, p.index) for p, at in turns
                  if text[at] not in "\"“«'‘"]
    return sorted(found, key=lambda a: a.start)


def _named_label(text: str, para: Paragraph) -> re.Match[str] | None:
    label = _LABEL.match(text, para.start, para.end)
    if label and label.group(1).split()[0].lower().rstrip(".") not in _NOT_NAMES:
        return label
    return None


def quoted_answers(text: str, paras: list[Paragraph]) -> dict[int, str]:
    """Paragraphs that open with a name and a colon and then a quotation ("Amira B.: « It
    matched... »"): the paragraph index and the name who says it, once is enough."""
    found = {}
    for para in paras:
        label = _named_label(text, para)
        if label and text[label.end():label.end() + 1] in "\"“«'‘":
            found[para.index] = _as_written(label.group(1))
    return found


def labelled_questions(text: str, paras: list[Paragraph]) -> set[int]:
    """Paragraphs where a label ("Le Veilleur: What did...?") opens a question: the
    journalist asking, in which no one is quoted or introduced."""
    return {para.index for para in paras
            if (label := _named_label(text, para)) is not None
            and text[label.end():label.end() + 1] not in "\"“«'‘"
            and text[para.start:para.end].rstrip().endswith("?")}
