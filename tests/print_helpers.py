"""Printing exports the way a reader would: Word files through LibreOffice to PDF, PDF pages
read back as text with pdftotext. Tools missing: skip here, fail under CI=true."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def need(tool: str) -> str:
    """The path of `tool`, or skip (fail under CI=true, where .ci/run installs it)."""
    found = shutil.which(tool)
    if found is None:
        message = f"{tool} is not installed (apt-get install libreoffice-writer poppler-utils)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def to_pdf(files: list[Path], out: Path, profile: Path) -> None:
    """Convert every file in one LibreOffice run (start-up is most of the cost), with a
    profile of its own so that another LibreOffice running on the machine does not clash."""
    soffice = need("soffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=900)


def pages(pdf: Path) -> list[str]:
    """The text of each page."""
    text = subprocess.run([need("pdftotext"), "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def audience_sentences(markdown: str) -> list[str]:
    """Each sentence of our own words the audience reads, paragraph by paragraph and
    bullet by bullet. Not quotations (evidence, which may be a report's words for what we
    say) nor numbered steps (a session outline may say "close with the message: ...")."""
    import re

    from markdown_it import MarkdownIt

    from assistant.render.export import split_parts
    from assistant.render.repeats import sentences

    audience, _ = split_parts(markdown)
    audience = audience.split("\n## Sources\n", 1)[0]
    tokens = MarkdownIt("commonmark").parse(audience)
    quoted = numbered = 0
    found = []
    for index, token in enumerate(tokens):
        quoted += token.nesting if token.type.startswith("blockquote") else 0
        numbered += token.nesting if token.type.startswith("ordered_list") else 0
        if token.type == "paragraph_open" and not quoted and not numbered:
            found += sentences(re.sub(r"\s*\[\d+(, \d+)*\]", "", tokens[index + 1].content))
    return found
