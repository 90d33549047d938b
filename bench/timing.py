"""Timing helpers: CPU time of this process, of one thread, or of a child process, and
the median of runs interleaved with their yardstick so that load on the machine falls on
both alike.

CPU time rather than the wall clock: the machine is shared, and what a budget limits is
the work done, not how long another program kept the processor. Start-up, where waiting
on the terminal is part of what a user feels, is timed by the wall clock (startup.py).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Run = Callable[[], float]
"""One run of a measure: does the work once and returns the seconds it cost."""


def cpu(work: Callable[[], object]) -> float:
    """CPU seconds this process spends doing `work` once."""
    start = time.process_time()
    work()
    return time.process_time() - start


def child_cpu(command: Sequence[str], env: Mapping[str, str] | None = None) -> float:
    """CPU seconds (user + system) a command takes from start to exit; its output is
    discarded. A failing command stops the bench: a figure for a failure means nothing."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a full pipe would stall it
        process = subprocess.Popen(list(command), env=dict(env) if env else None,
                                   stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        error = errors.read().decode(errors="replace")[-2000:]
    if process.returncode != 0:
        raise SystemExit(f"exit status {process.returncode}: {' '.join(command)}\n{error}")
    return usage.ru_utime + usage.ru_stime


def interleaved(runs: Mapping[str, Run], times: int) -> dict[str, list[float]]:
    """Each measure `times` times, taking turns (a, b, a, b...), seconds per run."""
    taken: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(times):
        for name, run in runs.items():
            taken[name].append(run())
    return taken


def median_ratio(values: list[float], yardsticks: list[float]) -> float:
    """The median of the run-by-run ratios: robust to a burst of load during one pair."""
    return statistics.median(v / y for v, y in zip(values, yardsticks, strict=True) if y > 0)


@dataclass
class Metric:
    """One line of the table and one entry of the JSON.

    `on` says what the budget limits: the ratio to the yardstick ("ratio"), or the value
    itself, in milliseconds ("ms"). Values and yardsticks are milliseconds.
    """

    name: str
    label: str
    value: float
    yardstick: float
    yardstick_label: str
    budget: float
    on: str
    ratio: float = 0.0
    note: str = ""
    runs: dict[str, list[float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.ratio:
            self.ratio = self.value / self.yardstick if self.yardstick else 0.0

    @property
    def ok(self) -> bool:
        return (self.ratio if self.on == "ratio" else self.value) <= self.budget

    def as_json(self) -> dict[str, Any]:
        return {"value": round(self.value, 3), "yardstick": round(self.yardstick, 3),
                "ratio": round(self.ratio, 3), "budget": self.budget, "ok": self.ok,
                "unit": "ms", "budget_on": self.on, "label": self.label,
                "yardstick_label": self.yardstick_label, "note": self.note}


def ms(seconds: float) -> float:
    return seconds * 1000.0
