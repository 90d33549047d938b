"""The brief as it will read, re-rendered in place without losing the reader's place.

One widget draws the whole brief, line by line (Textual's Line API). Rich lays each
top-level block of the Markdown (heading, paragraph, quotation, list) out into lines in a
worker thread, and only blocks whose text or width changed are laid out again; the UI
thread swaps the finished lines in and styles the few that are on screen. A change of
colours therefore re-styles one widget's visible lines and lays nothing out, and a new
brief costs the UI thread almost nothing (both are measured in bench/tui.py)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from textual import work
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..delivery import deliver

Lines = tuple[tuple[Segment, ...], ...]
"""One block laid out: its lines, each a run of Rich segments."""


@dataclass(frozen=True)
class Block:
    """A top-level block: its source and the lines it spans (0-based, end exclusive)."""

    start: int
    end: int
    source: str


def split_blocks(text: str) -> list[Block]:
    """The top-level blocks of `text`, as markdown-it (the one Markdown parser) sees them."""
    from markdown_it import MarkdownIt

    lines = text.splitlines()
    blocks = []
    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.level == 0 and token.map and token.nesting >= 0:  # opening or whole
            start, end = token.map
            blocks.append(Block(start, end, "\n".join(lines[start:end])))
    return blocks


def lay_out(source: str, width: int) -> Lines:
    """A block of Markdown drawn by Rich at `width` columns (safe in a worker thread:
    each call has its own console)."""
    console = Console(file=io.StringIO(), width=width, force_terminal=True,
                      color_system="truecolor", legacy_windows=False, markup=False,
                      highlight=False, emoji=False)
    options = console.options.update_width(width)
    return tuple(tuple(line) for line in console.render_lines(Markdown(source), options,
                                                              pad=False))


@dataclass(frozen=True, eq=False)
class Page:
    """The brief laid out at one width: every line, and where each block begins."""

    source: str
    width: int
    blocks: tuple[Block, ...]
    lines: tuple[tuple[Segment, ...], ...]
    tops: tuple[int, ...]
    laid_out: dict[str, Lines]
    """Each block's lines, by source (what the next text at this width can reuse)."""


def page_of(source: str, blocks: list[Block], width: int, done: dict[str, Lines]) -> Page:
    """Lay out `blocks` at `width`, reusing the blocks in `done` (laid out at that width);
    a blank line follows each block."""
    lines: list[tuple[Segment, ...]] = []
    tops = []
    laid_out: dict[str, Lines] = {}
    for block in blocks:
        drawn = done.get(block.source)
        if drawn is None:
            drawn = lay_out(block.source, width)
        laid_out[block.source] = drawn
        tops.append(len(lines))
        lines.extend(drawn)
        lines.append(())
    return Page(source, width, tuple(blocks), tuple(lines), tuple(tops), laid_out)


class BriefPreview(ScrollView, can_focus=True):
    """A scrolling view of the rendered brief."""

    HELP = """\
## Preview

The brief exactly as it will be exported, rebuilt a moment after each change. Scroll
with the arrow keys, Page Up/Page Down, Home and End. Choosing a finding in the
Findings panel scrolls here to the passage it is about.
"""

    def __init__(self, placeholder: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = ""
        """The Markdown shown now (set once its lines are on screen)."""
        self._wanted = placeholder
        """The Markdown to show (being laid out while it differs from `source`)."""
        self._placeholder = placeholder
        self._page = Page("", 0, (), (), (), {})
        self._done: dict[str, Lines] = {}
        """Blocks laid out at the page's width, by source (reused by the next brief)."""
        self._strips: LRUCache[int, Strip] = LRUCache(256)
        self._asked: tuple[str, int] | None = None
        """The text and width being laid out now."""
        self._scroll_when_shown: tuple[int | None, str | None, str | None] | None = None

    def lay_out_for(self, text: str) -> Page | None:
        """`text` laid out at the width shown now, for `show_page`. Safe to call from a
        worker thread (the screen's own, so the brief and its lines arrive together);
        None while the preview has no width yet."""
        width, done = self._page.width, self._done  # replaced whole, never changed in place
        if width <= 0:
            return None
        return page_of(text, split_blocks(text), width, dict(done))

    def show_page(self, page: Page | None, text: str) -> None:
        """Show `text`, using `page` (from `lay_out_for`) when it is still the right width."""
        if page is not None and page.source == text:
            self._wanted = text
            self._drawn(page)
        else:
            self._set_wanted(text)

    async def show_markdown(self, text: str) -> None:
        """Replace the text; the scroll position stays where the reader left it. The
        lines are laid out in a worker and shown when they are ready."""
        self._set_wanted(text)

    def _set_wanted(self, text: str) -> None:
        if text == self._wanted and (text == self.source or self._asked is not None):
            return
        self._wanted = text
        self._lay_out()

    def _lay_out(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not laid out yet (or hidden): done once it has a width
        if self._asked == (self._wanted, width):
            return
        self._asked = (self._wanted, width)
        done = self._done if width == self._page.width else {}
        self._draw(self._wanted, width, dict(done))

    @work(thread=True, group="preview")
    def _draw(self, source: str, width: int, done: dict[str, Lines]) -> None:
        deliver(self, self._drawn, page_of(source, split_blocks(source), width, done))

    def _drawn(self, page: Page) -> None:
        if self._asked == (page.source, page.width):
            self._asked = None
        if page.source != self._wanted or page.width != self.scrollable_content_region.width:
            self._lay_out()  # the text or the width changed meanwhile (unless asked already)
            return
        self._page, self._done = page, page.laid_out
        self.source = "" if page.source == self._placeholder else page.source
        self._strips.clear()
        self.virtual_size = Size(page.width, len(page.lines))
        self.refresh()
        if self._scroll_when_shown is not None:
            where, self._scroll_when_shown = self._scroll_when_shown, None
            self.scroll_to_line(*where)

    def on_resize(self) -> None:
        # Also when a brief arrived while the preview was hidden (a narrow screen showing
        # the panels): it could not be laid out then, and is now that it is shown again.
        if (self.scrollable_content_region.width != self._page.width
                or self._page.source != self._wanted):
            self._lay_out()
        elif self._scroll_when_shown is not None and self.size.area:
            where, self._scroll_when_shown = self._scroll_when_shown, None
            self.call_after_refresh(self.scroll_to_line, *where)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # new colours: the same lines, styled again when drawn

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._page.width and width > 0 and self._asked is None:
            self.call_later(self._lay_out)  # a scroll bar came or went
        number = round(self.scroll_offset.y) + y
        strip = self._strips.get(number)
        if strip is None:
            base = self.rich_style
            segments = self._page.lines[number] if number < len(self._page.lines) else ()
            strip = Strip(Segment.apply_style(segments, base)).extend_cell_length(
                width, base).crop(0, width)
            self._strips[number] = strip
        return strip

    def scroll_to_line(self, line: int | None = None, quote: str | None = None,
                       section: str | None = None) -> bool:
        """Scroll to the block holding a 1-based source line, else one containing the
        quoted text, else the section heading. False when nothing matched.

        When the preview is hidden (a narrow screen showing the panels) or still laying
        out the brief, the scroll happens as soon as it is shown."""
        target = self._find(line, quote, section)
        if not self.size.area or self.source != self._wanted:
            self._scroll_when_shown = (line, quote, section)
            return target is not None
        if target is None:
            return False
        self.scroll_to(y=self._page.tops[target], animate=False)
        return True

    def _find(self, line: int | None, quote: str | None, section: str | None) -> int | None:
        """The index of the block to scroll to, in the brief being shown."""
        blocks = (list(self._page.blocks) if self._page.source == self._wanted
                  else split_blocks(self._wanted))
        target: int | None = None
        if line is not None:
            target = next((n for n in reversed(range(len(blocks)))
                           if blocks[n].start < line <= blocks[n].end), None)
        for needle in (quote, section):
            if target is None and needle:
                target = next((n for n, b in enumerate(blocks) if needle in b.source), None)
        return target
