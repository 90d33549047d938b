"""Domain code never pulls in the terminal UI: the CLI and other front ends stay light."""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN = ["assistant.corpus", "assistant.compose", "assistant.render", "assistant.checks",
          "assistant.review", "assistant.ingest", "assistant.train"]


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_package_imports_without_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
