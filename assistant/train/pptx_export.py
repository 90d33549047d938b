"""The deck as a PowerPoint file: native charts a trainer can restyle, notes on every slide,
the status mark on every slide."""

from __future__ import annotations

import io
from datetime import datetime

from .deck import Chart, Deck, Slide, SlideKind
from .text import attribution, bullet_lines, clean, progress, quotation

WIDTH_IN, HEIGHT_IN = 13.333, 7.5  # 16:9


def deck_to_pptx(deck: Deck, *, now: datetime, author: str = "", language: str = "en-GB") -> bytes:
    """The .pptx bytes. `now` stamps the file's created and modified dates."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    total = len(deck.slides)
    for index, slide in enumerate(deck.slides):
        page = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only": a real title
        page.shapes.title.text = clean(slide.title)
        _style_title(page.shapes.title)
        _mark(page, deck.status, f"{deck.sections[slide.section]} · {progress(index, total)}")
        if slide.kind == SlideKind.cover:
            _lines(page, [clean(deck.subtitle), *bullet_lines(slide)], top=1.8, size=22)
        elif slide.chart is not None:
            _chart(page, slide.chart)
        elif slide.voice is not None:
            _voice(page, slide)
        else:
            lines = bullet_lines(slide)
            _lines(page, lines, top=1.6, size=_fitting(lines, slide.kind))
        page.notes_slide.notes_text_frame.text = clean(slide.notes)
    props = prs.core_properties
    props.title, props.subject = deck.title, deck.subtitle
    props.author = props.last_modified_by = author
    props.created = props.modified = now.replace(tzinfo=None)
    props.revision, props.language = 1, language
    props.keywords = props.comments = ""
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _fitting(lines: list[str], kind: SlideKind) -> int:
    """A font size at which the lines fit the slide (about 1,400 characters at 14 pt)."""
    if kind == SlideKind.claim:
        return 32
    length = sum(len(line) + 60 for line in lines)
    return next((size for size, room in ((24, 500), (20, 800), (16, 1200)) if length <= room), 13)


def _style_title(shape: object) -> None:
    from pptx.util import Inches, Pt

    shape.left, shape.top = Inches(0.6), Inches(0.5)  # type: ignore[attr-defined]
    shape.width, shape.height = Inches(WIDTH_IN - 1.2), Inches(1.0)  # type: ignore[attr-defined]
    for paragraph in shape.text_frame.paragraphs:  # type: ignore[attr-defined]
        for run in paragraph.runs:
            run.font.size = Pt(32)


def _box(page: object, left: float, top: float, width: float, height: float) -> object:
    from pptx.util import Inches

    box = page.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))  # type: ignore[attr-defined]
    box.text_frame.word_wrap = True
    return box


def _mark(page: object, status: str, where: str) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    top = _box(page, 0.6, 0.1, WIDTH_IN - 1.2, 0.4)
    run = top.text_frame.paragraphs[0].add_run()  # type: ignore[attr-defined]
    run.text = clean(status)
    run.font.size, run.font.bold = Pt(12), True
    run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
    foot = _box(page, 0.6, HEIGHT_IN - 0.55, WIDTH_IN - 1.2, 0.4)
    run = foot.text_frame.paragraphs[0].add_run()  # type: ignore[attr-defined]
    run.text = clean(where)
    run.font.size = Pt(12)


def _lines(page: object, lines: list[str], *, top: float, size: int) -> None:
    from pptx.util import Pt

    box = _box(page, 0.8, top, WIDTH_IN - 1.6, HEIGHT_IN - top - 0.8)
    frame = box.text_frame  # type: ignore[attr-defined]
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.space_after = Pt(10)
        for run in paragraph.runs:
            run.font.size = Pt(size)


def _voice(page: object, slide: Slide) -> None:
    from pptx.util import Pt

    assert slide.voice is not None
    box = _box(page, 1.2, 1.8, WIDTH_IN - 2.4, 4.6)
    frame = box.text_frame  # type: ignore[attr-defined]
    quote = frame.paragraphs[0]
    quote.text = quotation(slide.voice)
    quote.runs[0].font.size, quote.runs[0].font.italic = Pt(30 if len(slide.voice.text) < 220 else 22), True
    who = frame.add_paragraph()
    who.text = attribution(slide.voice)
    who.runs[0].font.size = Pt(20)
    who.space_before = Pt(18)


def _chart(page: object, chart: Chart) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Inches, Pt

    data = CategoryChartData()
    data.categories = [f"{b.label} ({b.given_by})" if b.given_by else b.label for b in chart.bars]
    data.add_series(chart.unit or "value", [b.value for b in chart.bars])
    kind = XL_CHART_TYPE.PIE if chart.kind == "pie" else XL_CHART_TYPE.BAR_CLUSTERED
    frame = page.shapes.add_chart(kind, Inches(0.8), Inches(1.5), Inches(WIDTH_IN - 1.6),  # type: ignore[attr-defined]
                                  Inches(4.6), data)
    drawn = frame.chart
    drawn.has_title = False  # the slide's title says it
    drawn.has_legend = chart.kind == "pie"
    if drawn.has_legend:
        drawn.legend.position, drawn.legend.include_in_layout = XL_LEGEND_POSITION.RIGHT, False
        drawn.legend.font.size = Pt(16)
    plot = drawn.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format, plot.data_labels.number_format_is_linked = "0", False
    plot.data_labels.font.size = Pt(16)
    if chart.kind != "pie":
        drawn.category_axis.reverse_order = True  # first bar at the top, as listed
        drawn.category_axis.tick_labels.font.size = Pt(16)
        drawn.value_axis.has_major_gridlines = False
        drawn.value_axis.visible = False
    frame.name = clean(chart.title)[:250]
    # the alternative text PowerPoint shows and a screen reader announces: <p:cNvPr descr>
    frame._element.nvGraphicFramePr.cNvPr.set("descr", clean(chart.alt_text()))
    _lines(page, [clean(chart.source_line), *([clean(chart.note)] if chart.note else [])],
           top=6.15, size=12)
