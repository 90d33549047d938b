"""The check results for the brief as it now reads; choosing one shows where it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from .guarded import PagedOptionList

if TYPE_CHECKING:
    from ...checks.findings import Finding


class FindingsList(PagedOptionList):
    """Errors first, then warnings, then notes; each with its line and a suggestion."""

    HELP = """\
## Findings

What the do-no-harm and credibility checks found in the brief as it reads now:
**ERROR** blocks review, **WARNING** needs a reason to accept, **INFO** says what a
check could not do. Press Enter on a finding to scroll the preview to it.
"""

    class Chosen(Message):
        """The communicator wants to see where a finding is."""

        def __init__(self, finding: Finding) -> None:
            self.finding = finding
            super().__init__()

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._findings: list[Finding] = []

    def show_findings(self, findings: list[Finding]) -> None:
        """Replace the list; an empty list says so in words."""
        self._findings = list(findings)
        self.clear_options()
        if not findings:
            self.add_option(Option("No findings: every check passed.", id="none", disabled=True))
            return
        entries: list[Option | None] = []
        for index, finding in enumerate(findings):
            if entries:
                entries.append(None)
            entries.append(Option(_entry(finding), id=str(index)))
        self.add_options(entries)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.isdigit():
            self.post_message(self.Chosen(self._findings[int(event.option.id)]))


def _entry(finding: Finding) -> Text:
    text = Text()
    text.append(f"[{finding.severity.value.upper()}]", style="bold reverse"
                if finding.is_error else "bold")
    where = f" line {finding.line}" if finding.line is not None else ""
    text.append(f"{where} ({finding.check})\n", style="dim")
    text.append(finding.message)
    if finding.suggestion:
        text.append(f"\n→ {finding.suggestion}", style="italic")
    return text
