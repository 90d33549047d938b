"""Text as every deck writer shows it: the same words on screen, in PowerPoint and in HTML."""

from __future__ import annotations

import re

from .deck import Slide, SlideKind, Voice
from .sources import marks

_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text an XML file can hold: control characters (refused by the corpus) never crash a writer."""
    return _UNSAFE.sub("", text)


def quotation(voice: Voice) -> str:
    return f"“{clean(voice.text)}”"


def attribution(voice: Voice) -> str:
    return f"— {clean(voice.attribution)} {marks(voice.references)}".rstrip()


def progress(index: int, total: int) -> str:
    return f"slide {index + 1} of {total}"


def bullet_lines(slide: Slide) -> list[str]:
    """The body lines, numbered where the order matters (questions, sources)."""
    if slide.kind == SlideKind.questions:
        return [f"{n}. {clean(line)}" for n, line in enumerate(slide.lines, start=1)]
    return [clean(line) for line in slide.lines]
