"""Work on the app's UI thread when the communicator changes theme or colours, and when
a reviewer opens a draft from the review queue.

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


async def _shown(pilot: object, app: object, check: object, rounds: int = 2000) -> None:
    for _ in range(rounds):
        if check():  # type: ignore[operator]
            return
        await pilot.pause(0.002)  # type: ignore[attr-defined]
    raise SystemExit("the draft did not open")


async def _measure_drafts(corpus: Path, templates: Path, opens: int) -> list[float]:
    """UI-thread work from Enter on a draft in the review queue until the draft view
    shows its brief, then Escape back to the queue (not counted)."""
    from assistant.compose import TemplateCatalogue
    from assistant.compose.brief import BriefInputs
    from assistant.compose.build import default_template
    from assistant.corpus import load_corpus
    from assistant.review import open_store, set_up_database
    from assistant.review.composing import compose_version
    from assistant.tui.app import build_app
    from assistant.tui.screens.draft_view import DraftViewScreen, SavedBrief
    from assistant.tui.screens.review_queue import ReviewQueueScreen

    taken: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'review.sqlite3'}"
        set_up_database(url, "admin", "admin")
        store = open_store(url, "admin")
        store.add_user("carol", "author")
        store.add_user("bob", "reviewer")
        store.close()
        composed = compose_version(load_corpus(corpus), BriefInputs(
            theme="harsh-life", audience="policymakers",
            template=default_template(TemplateCatalogue(templates), "policymakers")),
            templates)
        store = open_store(url, "carol")
        draft = store.new_draft(composed.inputs, composed.markdown, composed.fingerprint,
                                title=composed.title)
        store.submit(draft.id)
        store.close()
        app = build_app(corpus, templates, db_url=url, user="bob",
                        config_dir=Path(folder), exit_when_ready=False)
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot, app)
            await pilot.press("f3")
            await _shown(pilot, app, lambda: isinstance(app.screen, ReviewQueueScreen)
                         and app.screen.loaded)
            for _ in range(opens):
                start = time.thread_time()
                await pilot.press("enter")
                await _shown(pilot, app, lambda: isinstance(app.screen, DraftViewScreen)
                             and app.screen.query_one(SavedBrief).source
                             == composed.markdown)
                taken.append(time.thread_time() - start)
                await app.workers.wait_for_complete()
                await pilot.press("escape")
                await _shown(pilot, app, lambda: isinstance(app.screen, ReviewQueueScreen))
    return taken


def theme_and_colours(corpus: Path, templates: Path, changes: int,
                      name: str = "bundled") -> list[Metric]:
    taken = asyncio.run(_measure(corpus, templates, changes))
    opened = asyncio.run(_measure_drafts(corpus, templates, changes))
    wall = ms(statistics.median(taken["theme_wall"]))
    return [
        Metric(f"draft_open_{name}", "open a draft from the review queue, UI-thread work "
               "until its brief is on screen", ms(statistics.median(opened)), 300.0,
               "budget (issue 12)", 300.0, "ms", runs={"open": opened}),
        Metric(f"theme_change_{name}", f"theme change in the app, UI-thread work ({name} corpus)",
               ms(statistics.median(taken["theme"])), 100.0, "budget (issue 12)", 100.0, "ms",
               runs={"theme": taken["theme"]},
               note=f"key to new brief on screen: {wall:.0f} ms wall, with the "
                    "0.15 s pause that gathers quick key presses"),
        Metric(f"light_dark_{name}", "light/dark switch in the app, UI-thread work",
               ms(statistics.median(taken["light"])), 100.0, "budget (issue 12)", 100.0, "ms",
               runs={"light": taken["light"]}),
    ]
