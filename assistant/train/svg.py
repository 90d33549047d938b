"""Charts as inline SVG: real text for the labels and numbers, a title for screen readers."""

from __future__ import annotations

import hashlib
import math
from html import escape

from .deck import Chart, _number

PALETTE = ("#1f5f8b", "#c8553d", "#588b8b", "#f2a541", "#6c4f77", "#8d8d8d")


def chart_svg(chart: Chart) -> str:
    return _pie(chart) if chart.kind == "pie" else _bars(chart)


def _label(chart: Chart, i: int) -> str:
    bar = chart.bars[i]
    return f"{bar.label} ({bar.given_by})" if bar.given_by else bar.label


def _open(width: int, height: int, chart: Chart) -> str:
    # one page holds several charts: the title's id is the chart's own
    ident = "chart-" + hashlib.sha256(chart.alt_text().encode()).hexdigest()[:10]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'role="img" aria-labelledby="{ident}"><title id="{ident}">'
            f'{escape(chart.alt_text())}</title>')


def _bars(chart: Chart) -> str:
    longest = max((len(_label(chart, i)) for i in range(len(chart.bars))), default=10)
    row, label_w = 44, min(11 * longest + 24, 520)  # about 11 px a character at 20 px
    width = label_w + 620
    height = row * len(chart.bars) + 10
    top = max((b.value for b in chart.bars), default=1) or 1
    out = [_open(width, height, chart)]
    for i, bar in enumerate(chart.bars):
        y = 5 + i * row
        length = (width - label_w - 80) * bar.value / top
        out.append(
            f'<text x="{label_w - 12}" y="{y + 27}" text-anchor="end" font-size="20">'
            f'{escape(_label(chart, i))}</text>'
            f'<rect x="{label_w}" y="{y + 6}" width="{length:.1f}" height="{row - 12}" '
            f'fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{label_w + length + 10:.1f}" y="{y + 27}" font-size="20">'
            f'{escape(_number(bar.value))}</text>')
    out.append("</svg>")
    return "".join(out)


def _pie(chart: Chart) -> str:
    total = sum(b.value for b in chart.bars) or 1
    cx, cy, r = 190, 190, 170
    out = [_open(900, 380, chart)]
    angle = -math.pi / 2
    for i, bar in enumerate(chart.bars):
        sweep = 2 * math.pi * bar.value / total
        x1, y1 = cx + r * math.cos(angle), cy + r * math.sin(angle)
        x2, y2 = cx + r * math.cos(angle + sweep), cy + r * math.sin(angle + sweep)
        large = 1 if sweep > math.pi else 0
        colour = PALETTE[i % len(PALETTE)]
        if len(chart.bars) == 1:
            out.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}"/>')
        else:
            out.append(f'<path d="M{cx},{cy} L{x1:.1f},{y1:.1f} A{r},{r} 0 {large} 1 '
                       f'{x2:.1f},{y2:.1f} Z" fill="{colour}"/>')
        angle += sweep
        ly = 120 + i * 50
        out.append(f'<rect x="430" y="{ly - 22}" width="28" height="28" fill="{colour}"/>'
                   f'<text x="472" y="{ly}" font-size="22">{escape(_label(chart, i))}: '
                   f'{escape(_number(bar.value))}</text>')
    out.append("</svg>")
    return "".join(out)
