"""The real `assistant`, in a pseudo-terminal as a user's terminal would run it: Ctrl+Q
quits it, and closing the terminal ends it cleanly and at once (issue 12)."""

from __future__ import annotations

import fcntl
import os
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.tui.terminal import HUNG_UP

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

KEYS = {"down": b"\x1b[B", "right": b"\x1b[C", "f7": b"\x1b[18~", "escape": b"\x1b",
        "ctrl+q": b"\x11", "n": b"n"}
"""The bytes a terminal sends for each key (xterm)."""
READY = b"findings:"
"""On screen once the corpus is loaded and the first brief is built (the status line)."""


@dataclass
class Terminal:
    """The master side of the pseudo-terminal the app runs in, and the app."""

    master: int
    app: subprocess.Popen[bytes]
    shown: bytearray

    def read_for(self, seconds: float, until: bytes | None = None) -> bool:
        """Read what the app draws for `seconds` (or until `until` has been drawn)."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if until is not None and until in self.shown:
                return True
            ready, _, _ = select.select([self.master], [], [], min(left, 0.05))
            if ready:
                try:
                    self.shown += os.read(self.master, 65536)
                except OSError:  # the app closed its side
                    return until is not None and until in self.shown
        return until is not None and until in self.shown

    def press(self, *keys: str, gap: float = 0.25) -> None:
        for key in keys:
            os.write(self.master, KEYS[key])
            self.read_for(gap)  # a person's pace; a lone Escape is not read as Alt

    def exit_status(self, within: float) -> int | None:
        """The app's exit status, once it has exited, within `within` seconds."""
        end = time.monotonic() + within
        while time.monotonic() < end:
            status = self.app.poll()
            if status is not None:
                return status
            if self.master >= 0:
                self.read_for(0.05)
            else:
                time.sleep(0.05)
        return self.app.poll()

    def starting(self, within: float) -> bool:
        """Wait until the app has turned the terminal's flow control off but not yet
        set it up for Textual (its line editing still on): the app is still starting."""
        end = time.monotonic() + within
        while time.monotonic() < end:
            iflag, _, _, lflag, *_ = termios.tcgetattr(self.master)
            if not iflag & termios.IXON and lflag & termios.ICANON:
                return True
            time.sleep(0.002)
        return False

    def hang_up(self) -> None:
        """Close the terminal, as closing its window or killing its tmux session does."""
        os.close(self.master)
        self.master = -1


def _assistant() -> list[str]:
    installed = Path(sys.executable).with_name("assistant")
    if installed.exists():
        return [str(installed)]
    found = shutil.which("assistant")
    return [found] if found else [sys.executable, "-m", "assistant"]


@contextmanager
def terminal(tmp_path: Path, *, controlling: bool) -> Iterator[Terminal]:
    """`assistant` on the bundled corpus in a 120x36 pseudo-terminal, with its own
    config, cache and data folders. `controlling`: the terminal is the app's
    controlling terminal (so closing it sends SIGHUP), as in a shell; otherwise no
    signal comes, as for a program started by another program."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "XDG_DATA_HOME": str(tmp_path / "data"),
           "COLUMNS": "120", "LINES": "36"}

    def own_session() -> None:
        os.setsid()
        if controlling:
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    app = subprocess.Popen(_assistant(), stdin=slave, stdout=slave, stderr=slave, env=env,
                           preexec_fn=own_session, close_fds=True)
    os.close(slave)
    term = Terminal(master, app, bytearray())
    try:
        yield term
    finally:
        if app.poll() is None:
            app.kill()
        app.wait(10)
        if term.master >= 0:
            os.close(term.master)


def test_ctrl_q_quits_after_trainer_mode_in_a_real_terminal(tmp_path: Path) -> None:
    with terminal(tmp_path, controlling=True) as term:
        assert term.read_for(10, until=READY), "the app did not start"
        term.press("down", "down", "f7", "right", "right", "n", "escape", "ctrl+q")
        assert term.exit_status(within=5) == 0


def test_ctrl_q_typed_while_the_app_is_still_starting_quits_it(tmp_path: Path) -> None:
    with terminal(tmp_path, controlling=True) as term:
        assert term.starting(within=10), "the terminal's flow control would take ctrl+q"
        os.write(term.master, KEYS["ctrl+q"])
        assert term.exit_status(within=15) == 0


@pytest.mark.parametrize("controlling", [True, False], ids=["SIGHUP", "no signal"])
def test_closing_the_terminal_ends_the_app_cleanly_and_at_once(tmp_path: Path,
                                                              controlling: bool) -> None:
    with terminal(tmp_path, controlling=controlling) as term:
        assert term.read_for(10, until=READY), "the app did not start"
        term.press("down", "f7", gap=0.1)  # in the middle of something
        term.hang_up()
        started = time.monotonic()
        status = term.exit_status(within=5)
        assert status == HUNG_UP, f"still running (or killed) after {time.monotonic() - started:.1f}s"
