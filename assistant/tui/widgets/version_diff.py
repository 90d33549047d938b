"""What changed between two versions of a draft, line by line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

LINE_STYLES = {"+": "green", "-": "red", "@": "bold cyan"}


def diff_text(diff: str, number: int) -> Text:
    """A unified diff with its `+`/`-` marks kept (so colour is never the only sign) and
    a sentence in words for a first version or an unchanged one."""
    if number <= 1:
        return Text("Version 1 is the first version: there is nothing to compare it with. "
                    "The Brief tab shows all of it.")
    if not diff:
        return Text(f"Version {number} has the same text as version {number - 1} "
                    "(only the choices behind it changed).")
    text = Text()
    text.append(f"Changes from version {number - 1} to version {number}: lines starting "
                "with - were removed, lines starting with + were added.\n\n", style="italic")
    for line in diff.splitlines():
        style = "bold" if line.startswith(("+++", "---")) else LINE_STYLES.get(line[:1], "")
        text.append(line + "\n", style=style)
    return text


class VersionDiff(VerticalScroll, can_focus=True):
    """A scrolling unified diff of the newest version against the one before."""

    HELP = """\
## Diff

The changes in the newest version compared with the version before it, as a unified
diff: **-** marks a removed line, **+** an added one, **@@** where in the brief the
change is. Scroll with the arrow keys and Page Up/Page Down.
"""

    def compose(self) -> ComposeResult:
        yield Static("", id="diff-text", markup=False)

    def show_diff(self, diff: str, number: int) -> None:
        self.query_one("#diff-text", Static).update(diff_text(diff, number))
