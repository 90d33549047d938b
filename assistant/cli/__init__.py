"""The command line. No arguments opens the terminal UI.

Exit status: 0 success, 1 the work was refused, 2 a usage error. Every command that
reports takes --json. Each command group lives in its own module of this package and is
imported only when it runs; `assistant` alone opens the app without loading the command
line at all, so that start-up pays for nothing the app does not need.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def main() -> None:
    debug = bool(os.environ.get("ASSISTANT_DEBUG"))
    if len(sys.argv) == 1:
        from .tui_launch import open_tui_from_environment

        open_tui_from_environment(debug=debug)
        return
    from .common import main_wrapper
    from .root import cli

    main_wrapper(cli, debug=debug)


def __getattr__(name: str) -> Any:
    if name == "cli":  # `from assistant.cli import cli` (tests, CliRunner)
        from .root import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if __name__ == "__main__":  # pragma: no cover
    main()
