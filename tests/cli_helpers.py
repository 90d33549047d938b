"""Running the command line in-process as a user would, and what every answer must hold."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import cli

from .compose_helpers import MINI


@dataclass
class Answer:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run_cli(*args: str, env: dict[str, str | None] | None = None) -> Answer:
    """Run `assistant ARGS` in-process; fail if anything escaped as a Python error."""
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"assistant {' '.join(args)} raised "
                             f"{type(result.exception).__name__}: {result.exception}")
    answer = Answer(result.exit_code, result.stdout, result.stderr)
    assert answer.code in (0, 1, 2), answer
    assert "error: unexpected " not in answer.err, answer.err  # what a bug prints
    assert "Traceback" not in answer.text, answer.text
    return answer


def corpus_copy(tmp_path: Path, extra: dict[str, str | bytes] | None = None) -> Path:
    """The mini corpus copied to `tmp_path/corpus`, with extra files written into it."""
    root = tmp_path / "corpus"
    shutil.copytree(MINI, root)
    for name, content in (extra or {}).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def source_with(line: str) -> str:
    """A corpus file with one source whose third line is `line` (for file:line checks)."""
    return f"sources:\n  - id: s-extra\n{line}\n    outlet: Test outlet\n"
