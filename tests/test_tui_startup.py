"""Start-up stays light: opening the app imports no exporter, database or template engine
(bench/startup.py measures the time itself)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ["docx", "sqlalchemy", "jinja2", "assistant.render", "assistant.checks",
         "assistant.review"]


def test_importing_the_app_loads_no_heavy_module() -> None:
    code = ("import sys, assistant.tui.app; "
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
