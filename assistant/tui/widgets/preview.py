"""The brief as it will read, re-rendered in place without losing the reader's place.

One widget per top-level block of the Markdown (heading, paragraph, quotation, list),
each drawn by Rich: a brief is a few dozen widgets rather than the hundreds a full
Markdown widget tree makes, so a rebuild updates only the blocks that changed and a
change of colours restyles little (both are measured in bench/)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


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


class PreviewBlock(Static):
    """One block of the brief, drawn by Rich's Markdown."""

    def __init__(self, block: Block) -> None:
        super().__init__(Markdown(block.source), classes="preview-block")
        self.block = block

    def show(self, block: Block) -> None:
        if block.source != self.block.source:
            self.update(Markdown(block.source))
        self.block = block


class BriefPreview(VerticalScroll, can_focus=True):
    """A scrolling view of the rendered brief."""

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
        if text == self.source:
            return
        self.source = text
        keep = self.scroll_y
        blocks = split_blocks(text)
        shown = list(self.query(PreviewBlock))
        for widget, block in zip(shown, blocks, strict=False):
            widget.show(block)
        placeholder = self.query("#preview-placeholder")
        if placeholder:
            await placeholder.remove()
        if len(shown) > len(blocks):
            await self.remove_children(shown[len(blocks):])
        elif len(blocks) > len(shown):
            await self.mount_all([PreviewBlock(b) for b in blocks[len(shown):]])
        self.call_after_refresh(self.scroll_to, y=keep, animate=False, immediate=True)

    def scroll_to_line(self, line: int | None = None, quote: str | None = None,
                       section: str | None = None) -> bool:
        """Scroll to the block holding a 1-based source line, else one containing the
        quoted text, else the section heading. False when nothing matched.

        When the preview is hidden (a narrow screen showing the panels) the scroll
        happens as soon as it is laid out again."""
        target = self._find(line, quote, section)
        if not self.size.area:
            self._scroll_when_shown = (line, quote, section)
            return target is not None
        if target is None:
            return False
        self.scroll_to_widget(target, top=True, animate=False)
        return True

    def on_resize(self) -> None:
        if self._scroll_when_shown is not None and self.size.area:
            where, self._scroll_when_shown = self._scroll_when_shown, None
            self.call_after_refresh(self.scroll_to_line, *where)

    def _find(self, line: int | None, quote: str | None,
              section: str | None) -> PreviewBlock | None:
        blocks = list(self.query(PreviewBlock))
        target: PreviewBlock | None = None
        if line is not None:
            target = next((b for b in reversed(blocks)
                           if b.block.start < line <= b.block.end), None)
        for needle in (quote, section):
            if target is None and needle:
                target = next((b for b in blocks if needle in b.block.source), None)
        return target
