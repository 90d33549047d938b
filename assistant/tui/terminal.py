"""Closing when the terminal goes away: a window closed, `tmux kill-session`, a dropped
ssh connection.

It shows in one of two ways. A program whose terminal it was gets SIGHUP, whose default
ends it on the spot, in the middle of whatever it was doing. A program that gets no
signal (started by another program, or under nohup) is left with a dead terminal:
Textual 8.2.8's input thread then reads nothing, again and again, at full speed, and the
app never learns (Textual issue 6690 upstream). Here a SIGHUP, or the terminal's input
hanging up, closes the app as if asked to quit, without asking, since nobody is there to
answer: drafts already saved stay saved, and a save under way finishes first (the app
waits for its worker threads).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import signal
import sys
import threading
from typing import TypeVar

from textual.app import App
from textual.message import Message

HUNG_UP = 128 + signal.SIGHUP if hasattr(signal, "SIGHUP") else 1
"""The exit status after a hang-up: what a shell reports for a program a hang-up ended,
as it did before the app closed itself cleanly."""

GONE = getattr(select, "POLLHUP", 0) | getattr(select, "POLLERR", 0) | getattr(
    select, "POLLNVAL", 0)

ReturnType = TypeVar("ReturnType")


class TerminalGone(Message):
    """The terminal hung up: nobody can see or type into the app any more."""


class TerminalApp(App[ReturnType]):
    """An app that closes, cleanly, when its terminal goes away."""

    _stop_watching: int | None = None
    """The write end of the pipe that stops the watch on the terminal."""

    def _on_mount(self) -> None:
        if self.is_headless:
            return
        self._on_hang_up_signal()
        self._watch_input()

    def _on_unmount(self) -> None:
        if self._stop_watching is not None:
            with contextlib.suppress(OSError):
                os.write(self._stop_watching, b"x")
                os.close(self._stop_watching)
            self._stop_watching = None

    def on_terminal_gone(self, _: TerminalGone) -> None:
        _let_go_of_the_terminal()
        self.exit(return_code=HUNG_UP)

    def _on_hang_up_signal(self) -> None:
        if not hasattr(signal, "SIGHUP") or signal.getsignal(signal.SIGHUP) is signal.SIG_IGN:
            return  # started under nohup: that choice stands (a dead terminal still closes it)
        loop = asyncio.get_running_loop()

        def hung_up(_signal: int, _frame: object) -> None:
            # A plain handler, not the loop's: it runs before the SIGCONT that comes with
            # a hang-up, whose handler (Textual's) would set the dead terminal up again.
            _let_go_of_the_terminal()
            loop.call_soon_threadsafe(self.post_message, TerminalGone())

        with contextlib.suppress(ValueError):  # not the main thread: no signals here
            signal.signal(signal.SIGHUP, hung_up)

    def _watch_input(self) -> None:
        """Wait, in a thread that costs nothing until then, for the terminal's input to
        hang up (poll reports a hang-up whatever it is asked to watch for)."""
        stdin = sys.__stdin__
        if not GONE or stdin is None or not hasattr(select, "poll"):
            return
        try:
            terminal = stdin.fileno()
        except (OSError, ValueError):
            return
        stop, self._stop_watching = os.pipe()

        def watch() -> None:
            poller = select.poll()
            poller.register(terminal, 0)
            poller.register(stop, select.POLLIN)
            try:
                while True:
                    for fd, events in poller.poll():
                        if fd == stop:
                            return
                        if events & GONE:
                            self.post_message(TerminalGone())
                            return
            finally:
                os.close(stop)

        threading.Thread(target=watch, name="terminal-watch", daemon=True).start()


def _let_go_of_the_terminal() -> None:
    """Stop using a terminal that is gone: no setting it up again on the SIGCONT a
    hang-up brings, and what is still written on the way out (the app restoring the
    terminal's modes) goes nowhere instead of failing, which would leave Textual's
    output thread dead and the app waiting for it."""
    if hasattr(signal, "SIGCONT"):
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGCONT, signal.SIG_DFL)
    try:
        nowhere = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    for fd in (0, 1, 2):
        with contextlib.suppress(OSError):
            os.dup2(nowhere, fd)
    os.close(nowhere)
