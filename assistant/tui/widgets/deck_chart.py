"""A chart drawn in the terminal: horizontal bars, or a pie as one bar split by share."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...train.deck import Chart, _number
from ...train.svg import PALETTE as COLOURS


class DeckChart(Static):
    """Shows one `Chart`; its numbers are the chart's, never rounded away."""

    DEFAULT_CSS = "DeckChart { height: auto; padding: 1 0; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.chart: Chart | None = None

    def show(self, chart: Chart | None) -> None:
        self.chart = chart
        self.display = chart is not None
        self.update(self._draw())

    def on_resize(self) -> None:
        self.update(self._draw())

    def _draw(self) -> Text:
        chart = self.chart
        if chart is None:
            return Text("")
        width = max(self.size.width, 40)
        labels = [f"{b.label} ({b.given_by})" if b.given_by else b.label for b in chart.bars]
        label_w = min(max(len(x) for x in labels), max(width // 2, 12))
        out = Text()
        if chart.kind == "pie":
            total = sum(b.value for b in chart.bars) or 1
            room = width - 2
            for i, bar in enumerate(chart.bars):
                out.append("█" * max(1, round(room * bar.value / total)),
                           style=COLOURS[i % len(COLOURS)])
            out.append("\n\n")
            for i, (bar, label) in enumerate(zip(chart.bars, labels, strict=True)):
                out.append("■ ", style=COLOURS[i % len(COLOURS)])
                out.append(f"{label}: {_number(bar.value)}\n")
        else:
            top = max(b.value for b in chart.bars) or 1
            room = max(width - label_w - 10, 5)
            for i, (bar, label) in enumerate(zip(chart.bars, labels, strict=True)):
                out.append(f"{label[:label_w]:>{label_w}} ")
                out.append("█" * max(1, round(room * bar.value / top)),
                           style=COLOURS[i % len(COLOURS)])
                out.append(f" {_number(bar.value)}\n")
        if chart.whole is not None:
            out.append(f"\nOut of {_number(chart.whole)} {chart.unit}".rstrip() + "\n")
        out.append(f"\n{chart.source_line}", style="italic")
        if chart.note:
            out.append(f"\n{chart.note}", style="italic")
        return out
