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
