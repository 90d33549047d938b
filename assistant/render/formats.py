"""The export formats: one place for their ids, names and file extensions.

The CLI, the app and the review layer all decide a format here, so a file called
`x.md` is never written as Word and `-o x.pdf` never receives Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    suffixes: tuple[str, ...]  # the first is the one a default file name gets
    binary: bool  # needs a file: cannot go to standard output


FORMATS: dict[str, Format] = {
    f.id: f
    for f in (
        Format("md", "Markdown", (".md", ".markdown"), binary=False),
        Format("html", "Web page", (".html", ".htm"), binary=False),
        Format("docx", "Word", (".docx",), binary=True),
        Format("pdf", "PDF", (".pdf",), binary=True),
    )
}


def format_names(formats: dict[str, Format] = FORMATS) -> str:
    """The formats in words, for a help line: "Markdown, Web page, Word or PDF"."""
    names = [f.name for f in formats.values()]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)


DECK_FORMATS: dict[str, Format] = {
    "pptx": Format("pptx", "PowerPoint", (".pptx",), binary=True),
    "html": FORMATS["html"],
}
"""What the trainer's deck exports to."""


class FormatMismatch(ValueError):
    """A file name whose extension names no format, or another format than the one asked."""

    def __init__(self, path: Path, chosen: str | None, known: list[str],
                 formats: dict[str, Format] = FORMATS) -> None:
        self.path, self.chosen, self.known = path, chosen, known
        suffix = path.suffix or "(no extension)"
        if chosen:
            want = ", ".join(formats[chosen].suffixes) if chosen in formats else chosen
            message = (f"{path.name}: the extension {suffix} does not match the format "
                       f"{chosen}; name the file {want} or choose another format")
        else:
            message = (f"{path.name}: the extension {suffix} names no export format; "
                       f"use one of {', '.join(known)}")
        super().__init__(message)


def format_for_path(path: Path, chosen: str | None = None,
                    formats: dict[str, Format] = FORMATS) -> str:
    """The format to write `path` in: the extension decides, and must agree with `chosen`.

    Raises FormatMismatch when the extension names no format, or another one.
    """
    suffix = path.suffix.lower()
    for fmt in formats.values():
        if suffix in fmt.suffixes:
            if chosen and chosen != fmt.id:
                raise FormatMismatch(path, chosen, known_suffixes(formats), formats)
            return fmt.id
    raise FormatMismatch(path, chosen, known_suffixes(formats), formats)


def known_suffixes(formats: dict[str, Format] = FORMATS) -> list[str]:
    return [s for f in formats.values() for s in f.suffixes]


def default_file_name(template: str, theme: str, audience: str, fmt: str) -> str:
    """`<template>--<theme>--<audience>.<ext>`: two formats or templates never collide."""
    return f"{template}--{theme}--{audience}{FORMATS[fmt].suffixes[0]}"
