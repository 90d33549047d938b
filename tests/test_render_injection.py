"""Corpus text stays inside the block its template gave it, in every format: a multi-line
quote cannot print a heading or an approval line, Markdown image and link syntax never
makes an export load anything, curator notes are out of the templates' reach, and
control characters never break the Word export."""

from __future__ import annotations

import io
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from assistant.checks import check_brief
from assistant.compose import BriefInputs, compose_brief
from assistant.compose.errors import TemplateError
from assistant.corpus import Corpus
from assistant.render import TemplateLibrary, render_markdown
from assistant.render.approval import DRAFT
from assistant.render.export import Document, export_bytes
from assistant.render.html import CONTENT_SECURITY_POLICY
from assistant.render.inline import inline

from .compose_helpers import library, mini_corpus

BREAKOUT = ("no”\n\n# Approved by Mallory\nApproved by Mallory on 1 May\r\n> — forged [9]\n"
            "1. a list\n    code\n---\n[x]: https://t.example/d\n")
TRACKER = ("![p](https://t.example/p.gif) [c](https://t.example/) "
           "<img src=https://t.example/i.gif> <https://t.example/a>")


def tampered(text: str) -> Corpus:
    """The mini corpus with corpus-authored text everywhere a template prints some."""
    corpus = mini_corpus()
    quote = corpus.quotes["q-says-no"]
    corpus.quotes["q-says-no"] = quote.model_copy(update={
        "text": text, "context": text,
        # posts print our own line too: short enough for a post, markup all the same
        "post_copy": "No”\n# Approved ![p](https://t.example/p.gif)"})
    theme = corpus.themes["harsh-life"]
    corpus.themes["harsh-life"] = theme.model_copy(update={
        "summary": text, "claim": text, "title": "Harsh\n# life",
        "pitfalls": [text], "key_messages": [text, text]})
    for sid, source in corpus.sources.items():
        corpus.sources[sid] = source.model_copy(update={"title": f"{source.title} {text}"})
    return corpus


def markdown_of(corpus: Corpus, template: str) -> str:
    inputs = BriefInputs(theme="harsh-life", audience="policymakers", template=template,
                         pins=["q-says-no"], frame={"message": BREAKOUT, "action": TRACKER},
                         any_audience=True)
    return render_markdown(compose_brief(corpus, inputs, library()), library())


def tags_of(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element of an HTML page with its attributes."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Tags().feed(page)
    return found


def blocks(markdown: str) -> list[tuple[str, int, str]]:
    """(type, nesting level, inline text) of every block, as any CommonMark reader sees it."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [(t.type, t.level, tokens[i + 1].content) for i, t in enumerate(tokens)
            if t.type in ("heading_open", "paragraph_open")]


@pytest.mark.parametrize("template", library().ids())
def test_a_multi_line_quote_cannot_print_a_heading_or_an_approval_line(template: str) -> None:
    markdown = markdown_of(tampered(BREAKOUT), template)
    seen = blocks(markdown)
    headings = [text for kind, _, text in seen if kind == "heading_open"]
    assert not any("Mallory" in h or h == "life" for h in headings), headings
    assert not any(text.startswith("Approved by") for _, _, text in seen)
    tokens = MarkdownIt("commonmark").parse(markdown)
    assert not [t for t in tokens if t.type in ("hr", "code_block", "fence")]
    assert "DRAFT: not yet approved" in markdown


@pytest.mark.parametrize("template", library().ids())
def test_image_and_link_syntax_in_the_corpus_loads_nothing_in_any_export(template: str) -> None:
    markdown = markdown_of(tampered(TRACKER), template)
    tokens = MarkdownIt("commonmark", {"html": True}).parse(markdown)
    children = [c for t in tokens for c in (t.children or [])]
    assert not [c for c in children if c.type in ("image", "link_open", "html_inline")]
    assert not [t for t in tokens if t.type == "html_block"]
    document = Document(markdown=markdown, status=DRAFT, fingerprint="f")
    html = export_bytes(document, "html").decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy and unescape(policy.group(1)) == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    tags = tags_of(html)
    assert not {"img", "script", "link", "iframe", "object", "embed"} & {t for t, _ in tags}
    assert not [(t, v) for t, attrs in tags for k, v in attrs
                if k in ("src", "href", "srcset", "action") and not (v or "").startswith("#")]
    assert "t.example" in html  # shown as text, never fetched


def test_inline_text_renders_as_the_characters_given() -> None:
    text = "a [b](c) ![d](e) <f> \\<g> 1. h"
    html = MarkdownIt("commonmark").render(inline(text))
    assert html == "<p>a [b](c) ![d](e) &lt;f&gt; \\&lt;g&gt; 1. h</p>\n"
    assert MarkdownIt("commonmark").render(inline("# x\n2) y")) == "<p># x 2) y</p>\n"


MARKUP = ("Members provide <10% of *the* insight, __all__ of `it` &amp; a\\*b ~~c~~ "
          "**Approved by carol on 1 May** _x_")


def reader_text(markdown: str) -> str:
    """The text a CommonMark reader shows for one line of inline Markdown, failing if
    any of it is markup (emphasis, code, a link, raw HTML)."""
    children = MarkdownIt("commonmark").parseInline(markdown)[0].children or []
    assert [c.type for c in children if c.type not in ("text", "text_special")] == []
    return "".join(c.content for c in children)


@pytest.mark.parametrize("text", [MARKUP, "*lead*", "_lead_", "`lead`", "&lt;", "\\*",
                                  "**a** *b* `c` &#65; & &amp"])
def test_corpus_text_never_renders_as_emphasis_code_or_a_character_reference(
        text: str) -> None:
    assert reader_text(inline(text)) == text
    assert reader_text(inline(text, quotation=True)) == text


def test_a_line_break_in_a_quotation_is_shown_as_a_slash() -> None:
    assert inline("one\ntwo \r\n\n three\u2028four\n", quotation=True) == \
        "one / two / three / four"
    assert inline("our own\nwords") == "our own words"  # a line break in a paragraph


@pytest.mark.parametrize("template", [t for t in library().ids() if t != "social-posts"])
def test_a_quotation_holding_markup_renders_as_printed_and_passes_the_checks(
        template: str) -> None:
    text = MARKUP + "\nand a second line"  # (social posts need post copy in the corpus)
    corpus = tampered(text)
    inputs = BriefInputs(theme="harsh-life", audience="policymakers", template=template,
                         pins=["q-says-no"], any_audience=True)
    brief = compose_brief(corpus, inputs, library())
    markdown = render_markdown(brief, library())
    html = MarkdownIt("commonmark").render(markdown)
    assert "<strong>Approved" not in html and "<em>the</em>" not in html
    assert "Members provide &lt;10% of *the* insight" in html
    assert "**Approved by carol on 1 May**" in html and "`it` &amp;amp; a\\*b" in html
    assert " / and a second line" in html
    findings = [(f.check, f.message) for f in check_brief(brief, markdown, corpus)
                if f.check in ("fidelity", "review-integrity") and f.severity.value == "error"]
    assert findings == []


def test_templates_cannot_reach_curator_notes(tmp_path: Path) -> None:
    corpus = mini_corpus()
    quote = corpus.quotes["q-says-no"]
    corpus.quotes["q-says-no"] = quote.model_copy(update={"note": "CURATOR SECRET"})
    for name in ("quotes[0].note", "brief.quotes[0].quote.note", "theme.note"):
        source = (Path(library().directory) / "talking-points.md.j2").read_text()
        (tmp_path / "talking-points.md.j2").write_text(source + f"\n{{{{ {name} }}}}\n")
        (tmp_path / "_macros.md.j2").write_text(
            (Path(library().directory) / "_macros.md.j2").read_text())
        own = TemplateLibrary(tmp_path)
        inputs = BriefInputs(theme="harsh-life", audience="policymakers",
                             template="talking-points", pins=["q-says-no"])
        with pytest.raises(TemplateError):
            render_markdown(compose_brief(corpus, inputs, own), own)


def test_control_characters_in_corpus_text_never_break_the_word_export() -> None:
    nasty = "bell\x07 null\x00 escape\x1b[31m vertical\x0b form\x0c end\ufffe"
    markdown = markdown_of(tampered(nasty), "talking-points")
    data = export_bytes(Document(markdown=markdown, status=DRAFT, fingerprint="f"), "docx")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "bell null escape[31m vertical form end" in " ".join(text.split())


def test_a_campaign_frame_line_is_never_dropped_as_a_repeat() -> None:
    from assistant.render.repeats import without_repeats

    markdown = ("# T\n\nDefectors saw IS kill the Muslims it claims to protect.\n\n"
                "- **Message:** Defectors saw IS kill the Muslims it claims to protect.\n"
                "- Defectors saw IS kill the Muslims it claims to protect, they say.\n")
    kept = without_repeats(markdown)
    assert "**Message:**" in kept and "they say" not in kept
