"""Work on the app's UI thread when the communicator changes theme or colours.

The app runs in this process under Textual's test pilot, headless at 120x36. What is
measured is the CPU time of the UI thread (the thread the pilot and the app's event loop
share) from the key press until the screen shows the result: the new brief in the
preview, or the new colours drawn. Work the app hands to worker threads is not counted,
which is the point: while a worker composes, the UI still answers keys. The pilot's own
waiting costs no CPU; its small bookkeeping is counted, so the figure errs high.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from .timing import Metric, ms

SIZE = (120, 36)


async def _settle(pilot: object, app: object, rounds: int = 500) -> None:
    from assistant.tui.screens.compose import ComposeScreen
    from assistant.tui.widgets.preview import BriefPreview

    for _ in range(rounds):
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.pause(0.005)  # type: ignore[attr-defined]
        screen = next((s for s in app.screen_stack  # type: ignore[attr-defined]
                       if isinstance(s, ComposeScreen)), None)
        if (screen is not None and not screen.pending and screen.draft is not None
                and not len(app.workers)  # type: ignore[attr-defined]
                and screen.query_one(BriefPreview).source == screen.draft.markdown):
            return
    raise SystemExit("the app did not settle")


async def _measure(corpus: Path, templates: Path, changes: int) -> dict[str, list[float]]:
    from assistant.tui.app import build_app
    from assistant.tui.screens.compose import ComposeScreen

    taken: dict[str, list[float]] = {"theme": [], "theme_wall": [], "light": []}
    with tempfile.TemporaryDirectory() as config:
        app = build_app(corpus, templates, config_dir=Path(config), exit_when_ready=False)
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot, app)
            screen = next(s for s in app.screen_stack if isinstance(s, ComposeScreen))
            for turn in range(changes):
                before = screen.draft.brief.inputs.theme if screen.draft else None
                start, wall = time.thread_time(), time.perf_counter()
                await pilot.press("up" if turn % 8 >= 4 else "down")
                await _settle(pilot, app)
                taken["theme"].append(time.thread_time() - start)
                taken["theme_wall"].append(time.perf_counter() - wall)
                assert screen.draft is not None and screen.draft.brief.inputs.theme != before
            for _ in range(changes):
                start = time.thread_time()
                await pilot.press("ctrl+t")
                await pilot.pause()  # the refresh the new colours need
                await pilot.pause()
                taken["light"].append(time.thread_time() - start)
    return taken


def theme_and_colours(corpus: Path, templates: Path, changes: int,
                      name: str = "bundled") -> list[Metric]:
    taken = asyncio.run(_measure(corpus, templates, changes))
    wall = ms(statistics.median(taken["theme_wall"]))
    return [
        Metric(f"theme_change_{name}", f"theme change in the app, UI-thread work ({name} corpus)",
               ms(statistics.median(taken["theme"])), 100.0, "budget (issue 12)", 100.0, "ms",
               runs={"theme": taken["theme"]},
               note=f"key to new brief on screen: {wall:.0f} ms wall, with the "
                    "0.15 s pause that gathers quick key presses"),
        Metric(f"light_dark_{name}", "light/dark switch in the app, UI-thread work",
               ms(statistics.median(taken["light"])), 100.0, "budget (issue 12)", 100.0, "ms",
               runs={"light": taken["light"]}),
    ]
