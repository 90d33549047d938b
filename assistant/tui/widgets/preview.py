"""The brief as it will read, re-rendered in place without losing the reader's place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.widgets.markdown import MarkdownBlock


class BriefPreview(VerticalScroll, can_focus=True):
    """A scrolling Markdown view of the rendered brief.

    Starts as a line of text; the Markdown widget (and its parser, slow to import) is
    made when the first brief arrives, after the first screen is drawn."""

    HELP = """\
## Preview

The brief exactly as it will be exported, rebuilt a moment after each change. Scroll
with the arrow keys, Page Up/Page Down, Home and End. Choosing a finding in the
Findings panel scrolls here to the passage it is about.
"""

    def __init__(self, placeholder: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._placeholder = placeholder
        self.source = ""
        """The Markdown shown now."""
        self._scroll_when_shown: tuple[int | None, str | None, str | None] | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._placeholder, id="preview-placeholder")

    async def show_markdown(self, text: str) -> None:
        """Replace the text; the scroll position stays where the reader left it."""
        from textual.widgets import Markdown

        if text == self.source:
            return
        self.source = text
        keep = self.scroll_y
        found = self.query(Markdown)
        if found:
            await found.first().update(text)
        else:
            await self.query_one("#preview-placeholder").remove()
            await self.mount(Markdown(text))
        self.call_after_refresh(self.scroll_to, y=keep, animate=False, immediate=True)

    def scroll_to_line(self, line: int | None = None, quote: str | None = None,
                       section: str | None = None) -> bool:
        """Scroll to the block holding a 1-based source line, else one containing the
        quoted text, else the section heading. False when nothing matched.

        When the preview is hidden (a narrow screen showing the panels) the scroll
        happens as soon as it is laid out again."""
        from textual.widgets.markdown import MarkdownBlock

        if not self.size.area:
            self._scroll_when_shown = (line, quote, section)
            return self._find(MarkdownBlock, line, quote, section) is not None
        target = self._find(MarkdownBlock, line, quote, section)
        if target is None:
            return False
        self.scroll_to_widget(target, top=True, animate=False)
        return True

    def on_resize(self) -> None:
        if self._scroll_when_shown is not None and self.size.area:
            where, self._scroll_when_shown = self._scroll_when_shown, None
            self.call_after_refresh(self.scroll_to_line, *where)

    def _find(self, block_type: type[MarkdownBlock], line: int | None, quote: str | None,
              section: str | None) -> MarkdownBlock | None:
        blocks = [b for b in self.query(block_type) if b.source_range != (0, 0)]
        target: MarkdownBlock | None = None
        if line is not None:
            target = next((b for b in reversed(blocks)
                           if b.source_range[0] < line <= b.source_range[1]), None)
        for needle in (quote, section):
            if target is None and needle:
                target = next((b for b in blocks if needle in (b.source or "")), None)
        return target
