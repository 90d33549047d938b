"""Start-up benchmark: launch to the first interactive screen showing the themes.

Runs, side by side and alternating, (a) the real command `assistant` with
COUNTERBRIEF_EXIT_WHEN_READY=1, which makes the app exit as soon as the themes list is
filled and drawn, and (b) bench/bare_app.py, a Textual app with one Static widget that
exits once drawn. For information it also times (c) the very first start, with an
empty cache directory: the app then reads the themes from the YAML itself instead of
its cache file. Each runs in a pseudo-terminal of 120x36, as a user would see it; the
time is from spawning the process to its exit (interpreter start, imports, corpus
loading, first frame, restoring the terminal). Prints the median of each, and the
ratio of (a) to (b). Settings and cache live in temporary directories: nothing of the
user's is read or written.

    .venv/bin/python bench/startup.py [--runs 7] [--corpus DIR]

Exit status 1 when the ratio is above 1.5 (the limit in issue 5) or a run fails.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path
from typing import Any

LIMIT = 1.5
HERE = Path(__file__).resolve().parent
TIMEOUT = 60.0


def timed_run(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn to exit of `command` in a 120x36 pseudo-terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env,
                               close_fds=True, start_new_session=True)
    os.close(slave)
    try:
        while process.poll() is None:  # drain the screen output, or the app would block
            if time.perf_counter() - start > TIMEOUT:
                process.kill()
                raise SystemExit(f"timed out: {' '.join(command)}")
            ready, _, _ = select.select([master], [], [], 0.01)
            if ready:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        process.wait()
        elapsed = time.perf_counter() - start
    finally:
        os.close(master)
    if process.returncode != 0:
        raise SystemExit(f"exit status {process.returncode}: {' '.join(command)}")
    return elapsed


def metric(runs: int, corpus: str | None = None) -> Any:
    """For `python -m bench`: the median of the ratios of interleaved pairs (real, bare), so
    a burst of load on the shared machine falls on both halves of a pair alike."""
    from .timing import Metric, median_ratio, ms

    assistant = Path(sys.executable).with_name("assistant")
    real = [str(assistant)] + (["--corpus", corpus] if corpus else [])
    bare = [sys.executable, str(HERE / "bare_app.py")]
    with tempfile.TemporaryDirectory() as config, tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "COUNTERBRIEF_EXIT_WHEN_READY": "1", "TERM": "xterm-256color",
               "COUNTERBRIEF_CONFIG_DIR": config, "COUNTERBRIEF_CACHE_DIR": cache}
        for command in (bare, real):
            timed_run(command, env)  # warm the file cache and the app's own; not counted
        taken: dict[str, list[float]] = {"bare": [], "real": []}
        for _ in range(runs):
            taken["bare"].append(timed_run(bare, env))
            taken["real"].append(timed_run(real, env))
    return Metric("startup", "app start-up to the themes on screen (wall clock, 120x36 pty)",
                  ms(statistics.median(taken["real"])), ms(statistics.median(taken["bare"])),
                  "bare Textual app with one Static", LIMIT, "ratio",
                  ratio=median_ratio(taken["real"], taken["bare"]), runs=taken)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each (default 7)")
    parser.add_argument("--corpus", help="corpus directory (default: the bundled corpus)")
    args = parser.parse_args()

    assistant = Path(sys.executable).with_name("assistant")
    real = [str(assistant)] + (["--corpus", args.corpus] if args.corpus else [])
    bare = [sys.executable, str(HERE / "bare_app.py")]
    with tempfile.TemporaryDirectory() as config, tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "COUNTERBRIEF_EXIT_WHEN_READY": "1", "TERM": "xterm-256color",
               "COUNTERBRIEF_CONFIG_DIR": config,  # no user settings: same work every run
               "COUNTERBRIEF_CACHE_DIR": cache}
        for command in (bare, real):
            timed_run(command, env)  # warm the file cache and the app's own; not counted
        times: dict[str, list[float]] = {"bare": [], "real": [], "first": []}
        for _ in range(args.runs):
            times["bare"].append(timed_run(bare, env))
            times["real"].append(timed_run(real, env))
            with tempfile.TemporaryDirectory() as empty:
                times["first"].append(timed_run(real, {**env, "COUNTERBRIEF_CACHE_DIR": empty}))
    medians = {name: statistics.median(values) for name, values in times.items()}
    labels = {"bare": "bare Textual app (one Static)", "real": "assistant, themes on screen",
              "first": "assistant, very first start"}
    for name in times:
        runs = ", ".join(f"{t * 1000:.0f}" for t in times[name])
        print(f"{labels[name]:<32} median {medians[name] * 1000:5.0f} ms, "
              f"fastest {min(times[name]) * 1000:5.0f} ms  ({runs})")
    print(f"very first start, for information: {medians['first'] / medians['bare']:.2f} "
          "times the bare app")
    ratio = medians["real"] / medians["bare"]
    print(f"ratio: {ratio:.2f} (limit {LIMIT})")
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
