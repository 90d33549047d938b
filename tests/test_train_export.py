"""The deck a trainer hands out: PowerPoint with native charts and notes, and one web page
that needs no network."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.corpus import load_corpus
from assistant.train import Deck, build_deck
from assistant.train.html_export import deck_to_html
from assistant.train.pptx_export import deck_to_pptx

NOW = datetime(2026, 3, 4, 10, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def deck() -> Deck:
    return build_deck(load_corpus())


@pytest.fixture(scope="module")
def presentation(deck: Deck):  # type: ignore[no-untyped-def]
    from pptx import Presentation

    return Presentation(io.BytesIO(deck_to_pptx(deck, now=NOW, author="sam")))


def _texts(slide) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_pptx_has_a_slide_with_notes_and_the_draft_mark_for_each_deck_slide(deck, presentation) -> None:  # type: ignore[no-untyped-def]
    slides = list(presentation.slides)
    assert len(slides) == len(deck.slides)
    for page, slide in zip(slides, deck.slides, strict=True):
        assert page.shapes.title.text == slide.title
        assert "DRAFT" in _texts(page)
        assert page.has_notes_slide and page.notes_slide.notes_text_frame.text.strip()


def test_pptx_charts_are_native_charts_with_the_corpus_numbers(deck, presentation) -> None:  # type: ignore[no-untyped-def]
    charted = [(page, s.chart) for page, s in zip(presentation.slides, deck.slides, strict=True)
               if s.chart is not None]
    assert charted
    for page, chart in charted:
        frames = [shape for shape in page.shapes if shape.has_chart]
        assert len(frames) == 1
        values = list(frames[0].chart.plots[0].series[0].values)
        assert values == [b.value for b in chart.bars]


def test_pptx_quotes_are_verbatim_and_attributed(deck, presentation) -> None:  # type: ignore[no-untyped-def]
    corpus = load_corpus()
    for page, slide in zip(presentation.slides, deck.slides, strict=True):
        if slide.voice is not None:
            text = _texts(page)
            assert f"“{corpus.quotes[slide.voice.quote_id].text}”" in text
            assert slide.voice.attribution in text


def test_pptx_properties_come_from_the_deck_and_the_clock(presentation) -> None:  # type: ignore[no-untyped-def]
    props = presentation.core_properties
    assert props.title == "The narratives of people who left Islamic State"
    assert props.author == "sam"
    assert props.created == NOW.replace(tzinfo=None) == props.modified
    assert props.language == "en-GB"


def test_html_loads_nothing_from_outside(deck: Deck) -> None:
    page = deck_to_html(deck)
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "default-src 'none'" in page
    without_svg_namespace = page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"https?://|//[a-z]|\bsrc=|<link\b|@import|url\(", without_svg_namespace)


def test_html_has_one_section_per_slide_each_with_status_notes_and_charts_as_svg(deck: Deck) -> None:
    page = deck_to_html(deck)
    sections = page.split('<section class="slide"')[1:]
    assert len(sections) == len(deck.slides)
    for html, slide in zip(sections, deck.slides, strict=True):
        assert "DRAFT" in html and 'class="notes-text"' in html
        if slide.chart is not None:
            assert '<svg' in html and f">{slide.chart.alt_text()}</title>" in html.replace("&#x27;", "'")
    assert "@media print" in page and "break-after: page" in page


def test_html_script_is_allowed_by_its_hash_only(deck: Deck) -> None:
    import base64
    import hashlib

    page = deck_to_html(deck)
    script = page.split("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page


@pytest.mark.parametrize("name", ["deck.pptx", "deck.html"])
def test_train_export_writes_the_file_the_extension_names(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["train", "export", "--theme", "harsh-life", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    assert "Wrote" in result.output and "1 theme)" in result.output
    if name.endswith(".pptx"):
        assert out.read_bytes()[:2] == b"PK"
    else:
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("args", "says"), [
    (["-o", "deck.md"], "names no export format"),
    (["--format", "pptx", "-o", "deck.html"], "does not match the format pptx"),
    (["--theme", "nope", "-o", "deck.pptx"], "unknown theme 'nope'"),
    (["--audience", "nobody", "-o", "deck.pptx"], "unknown audience 'nobody'"),
])
def test_train_export_refuses_a_wrong_request_as_a_usage_error(tmp_path: Path, args: list[str],
                                                               says: str) -> None:
    args = [str(tmp_path / a) if a.startswith("deck.") else a for a in args]
    result = CliRunner().invoke(cli, ["train", "export", *args], catch_exceptions=False)
    assert result.exit_code == 2
    assert says in result.output
    assert not list(tmp_path.iterdir())


def test_every_svg_chart_is_labelled_by_a_title_on_the_page(deck: Deck) -> None:
    html = deck_to_html(deck)
    labelled = re.findall(r'aria-labelledby="([^"]+)"', html)
    assert labelled and len(labelled) == len(set(labelled))
    for ident in labelled:
        assert f'<title id="{ident}">' in html


def test_pptx_charts_carry_alt_text(deck: Deck, presentation) -> None:  # type: ignore[no-untyped-def]
    charts = [s.chart for s in deck.slides if s.chart is not None]
    frames = [shape for page in presentation.slides for shape in page.shapes if shape.has_chart]
    assert len(frames) == len(charts)
    for frame, chart in zip(frames, charts, strict=True):
        descr = frame._element.nvGraphicFramePr.cNvPr.get("descr")
        assert descr == chart.alt_text()


def test_the_printed_handout_hides_keyboard_hints(deck: Deck) -> None:
    html = deck_to_html(deck)
    assert "Press s to skip" in html
    for hint in re.findall(r"<p([^>]*)><em>Press s to skip", html):
        assert 'class="screen-only"' in hint
    print_css = html.split("@media print", 1)[1].split("</style>", 1)[0]
    assert ".screen-only { display: none; }" in print_css


def test_html_number_keys_jump_to_the_narrative_of_that_number() -> None:
    picked = build_deck(load_corpus(), themes=["harsh-life", "leaving-and-speaking-out"])
    html = deck_to_html(picked)
    keyed = dict(re.findall(r'data-key="(\d)"[^>]*>\n<div class="status">[^<]*</div>\n<h[12]>([^<]+)<', html))
    assert keyed["4"].startswith("Narrative 4:")
    assert keyed["5"] == "Leaving and speaking out"
    assert keyed["6"] == "Sources"
    assert keyed["0"].startswith("The narratives")
    assert "s.dataset.key === k" in html


_KEYS_HARNESS = """
var slides = JSON.parse(process.argv[1]).map(function (d) {
  return {dataset: d, hidden: false, focus: function () {}};
});
var handler = null;
var classes = {add: function () {}, toggle: function () {}};
global.document = {
  querySelectorAll: function () { return slides; },
  documentElement: {classList: classes}, body: {classList: classes},
  addEventListener: function (_type, f) { handler = f; }
};
eval(process.argv[2]);
var shown = [];
JSON.parse(process.argv[3]).forEach(function (key) {
  handler({key: key, preventDefault: function () {}});
  shown.push(slides.findIndex(function (s) { return !s.hidden; }));
});
console.log(JSON.stringify(shown));
"""


def _pressed(html: str, keys: list[str]) -> list[int]:
    """The slide the page shows after each key, its own script run under Node."""
    import json
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.skip("the page's keys are tried under Node, which is not installed")
    sections = re.findall(r'<section class="slide"[^>]*>', html)
    datasets = [{"skipTo": m.group(1)} if (m := re.search(r'data-skip-to="(\d+)"', s)) else {}
                for s in sections]
    script = html.split("<script>", 1)[1].split("</script>", 1)[0]
    done = subprocess.run([node, "-e", _KEYS_HARNESS, json.dumps(datasets), script,
                           json.dumps(keys)], capture_output=True, text=True, timeout=30,
                          check=True)
    return list(json.loads(done.stdout))


def test_html_back_after_skipping_graphic_testimony_returns_to_its_content_note() -> None:
    picked = build_deck(load_corpus(), themes=["brutality-against-sunnis"])
    note = next(i for i, s in enumerate(picked.slides) if s.skip_to is not None)
    after = picked.slides[note].skip_to
    assert after is not None and after > note + 1
    keys = ["ArrowRight"] * note + ["s", "ArrowLeft", "ArrowRight", "ArrowRight", "ArrowLeft"]
    shown = _pressed(deck_to_html(picked), keys)
    assert shown[note - 1] == note  # on the content note
    # skipped; Back returns to the note, not to the testimony skipped
    assert shown[note:note + 2] == [after, note]
    # then walked on into it by choice: Back is one slide again
    assert shown[note + 2:] == [note + 1, note + 2, note + 1]
