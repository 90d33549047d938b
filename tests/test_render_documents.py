"""Documents a manager would forward: the status mark once, in every page's header; page x
of y and the export date; an approval block; quotations set apart; the audience's part
and the team's annex; file properties from the brief, not from a stale template."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime

import docx
import pytest
from docx.oxml.ns import qn

from assistant.compose.parts import TEAM_HEADING
from assistant.render import Approval, render_markdown
from assistant.render.approval import DRAFT
from assistant.render.export import (
    Document,
    ExportOptions,
    ExportRefused,
    export_bytes,
    part_markdown,
    split_parts,
)
from assistant.render.html import render_html
from assistant.render.word import ATTRIBUTION_STYLE, render_docx

from .compose_helpers import brief, library

AT = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
APPROVAL = Approval(approver="Sam Lee", date=date(2026, 3, 2), version="1a2b3c4d5e6f",
                    role="reviewer", comment="OK to send")


def options(**changes: object) -> ExportOptions:
    return ExportOptions(now=AT, author="Alex Kim", **changes)  # type: ignore[arg-type]


def word(approval: Approval | None = None, **changes: object) -> docx.document.Document:
    data = render_docx(brief(template="talking-points"), library(), approval, options(**changes))
    return docx.Document(io.BytesIO(data))


def fields(part: object) -> list[str]:
    element = part._element  # type: ignore[attr-defined]
    return [t.text.strip() for t in element.iter(qn("w:instrText"))]


def test_word_status_mark_is_in_the_header_and_nowhere_in_the_body() -> None:
    document = word()
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == [DRAFT]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "DRAFT" not in body and "not yet approved" not in body


def test_word_footer_says_page_x_of_y_and_the_export_date() -> None:
    footer = document_footer = word().sections[0].footer
    assert fields(footer) == ["PAGE", "NUMPAGES"]
    text = document_footer.paragraphs[0].text
    assert text.startswith("Page 1 of 1 · Exported 3 March 2026")
    assert fields(footer.paragraphs[0]) == ["PAGE", "NUMPAGES"]


def test_protective_marking_heads_and_foots_every_page() -> None:
    section = word(marking="official").sections[0]
    assert section.header.paragraphs[0].text == "official"
    assert section.header.paragraphs[1].text == DRAFT
    assert section.footer.paragraphs[-1].text == "official"


def test_approved_word_document_says_who_approved_once_and_ends_with_the_approval_block() -> None:
    document = word(APPROVAL)
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == ["Approved by Sam Lee on 2 March 2026, version 1a2b3c4d5e6f"]
    texts = [p.text for p in document.paragraphs]
    assert not any(t.startswith("Approved by Sam Lee on") for t in texts)
    block = texts[texts.index("Approval") + 1:]
    assert block[:5] == ["Approved by: Sam Lee", "Role: reviewer", "Date: 2 March 2026",
                         "Version: 1a2b3c4d5e6f", "Comment: OK to send"]


def test_word_quotation_is_indented_ruled_and_kept_with_its_attribution() -> None:
    document = word()
    quote = document.styles["Quote"]
    assert quote.paragraph_format.left_indent > 0
    assert quote.paragraph_format.keep_together and quote.paragraph_format.keep_with_next
    left = quote.element.pPr.find(qn("w:pBdr")).find(qn("w:left"))
    assert left.get(qn("w:val")) == "single"
    paragraphs = document.paragraphs
    quotes = [i for i, p in enumerate(paragraphs) if p.style.name == "Quote"]
    assert quotes
    for i in quotes:
        attribution = paragraphs[i + 1]
        assert attribution.style.name == ATTRIBUTION_STYLE
        assert attribution.text.startswith("— ") and re.search(r"\[\d+(, \d+)*\]$",
                                                               attribution.text)
        assert "—" not in paragraphs[i].text  # the attribution is not in the quotation's line
    assert document.styles[ATTRIBUTION_STYLE].paragraph_format.keep_together


def test_word_core_properties_come_from_the_brief_and_the_export() -> None:
    b = brief(template="talking-points")
    data = render_docx(b, library(), None, options())
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "Talking points: Life under IS is harsh and disappointing"
    assert props.subject == f"{b.theme.title} – for {b.audience.name}"
    assert props.author == props.last_modified_by == "Alex Kim"
    assert props.created == props.modified == AT
    assert props.language == "en-GB"
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode()
    assert "<Application>counterbrief</Application>" in app
    assert "Microsoft" not in app and "<Words>" not in app and "TotalTime" not in app


def test_word_language_and_paper_are_settings() -> None:
    document = word(language="en-US", paper="letter")
    langs = {e.get(qn("w:val")) for e in document.styles.element.iter(qn("w:lang"))}
    assert langs == {"en-US"}
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (216, 279)
    a4 = word().sections[0]
    assert (round(a4.page_width.mm), round(a4.page_height.mm)) == (210, 297)
    assert {e.get(qn("w:val")) for e in word().styles.element.iter(qn("w:lang"))} == {"en-GB"}


def test_team_notes_are_an_annex_after_a_page_break_or_left_out() -> None:
    document = word()
    team = next(p for p in document.paragraphs if p.text == TEAM_HEADING)
    assert team.paragraph_format.page_break_before
    audience = word(part="audience")
    texts = [p.text for p in audience.paragraphs]
    assert TEAM_HEADING not in texts and "Campaign frame" not in texts and "Sources" in texts
    team_only = [p.text for p in word(part="team").paragraphs]
    assert team_only[0] == "Talking points: Life under IS is harsh and disappointing"
    assert "Campaign frame" in team_only and "Sources" not in team_only


def test_parts_split_on_the_team_heading_and_the_approval_ends_the_audience_part() -> None:
    markdown = render_markdown(brief(template="policy-brief"), library())
    audience, team = split_parts(markdown)
    assert team.startswith(f"# {TEAM_HEADING}\n") and TEAM_HEADING not in audience
    assert "## Campaign frame" in team and "## Sources" in audience
    document = Document(markdown=markdown, status="x", fingerprint="f", approval=APPROVAL)
    everything = part_markdown(document, "all")
    assert everything.index("## Approval") < everything.index(f"# {TEAM_HEADING}")
    assert "## Approval" in part_markdown(document, "audience")


def test_unknown_part_or_paper_is_refused_with_the_choices() -> None:
    document = Document(markdown="# T\n", status=DRAFT, fingerprint="f")
    with pytest.raises(ExportRefused, match="audience, team, all"):
        export_bytes(document, "md", ExportOptions(part="appendix"))  # type: ignore[arg-type]
    with pytest.raises(ExportRefused, match="A4 or Letter"):
        export_bytes(document, "md", ExportOptions(paper="A3"))


def html(approval: Approval | None = None, **changes: object) -> str:
    return render_html(brief(template="talking-points"), library(), approval, options(**changes))


def test_html_quotes_are_figures_with_the_attribution_as_caption() -> None:
    page = html()
    figures = re.findall(r'<figure class="quote">\s*<blockquote>\s*<p>“(.*?)”</p>\s*'
                         r"</blockquote>\s*<figcaption>— (.*?)</figcaption>\s*</figure>", page,
                         re.DOTALL)
    assert len(figures) == len(brief(template="talking-points").quotes)
    assert all("<sup class=\"cite\">" in caption for _, caption in figures)


def test_html_print_stylesheet_repeats_the_mark_page_numbers_and_date_on_every_page() -> None:
    page = html(marking="OFFICIAL")
    margins = page[page.index("@page"):page.index("@media print")]
    assert "@top-center" in margins and "DRAFT" in margins.replace("\\3a ", ":")
    assert 'counter(page) " of " counter(pages)' in margins
    assert "Exported 3 March 2026" in margins and "OFFICIAL" in margins
    assert "size: A4" in margins
    body = page[page.index("<main>"):]
    assert "not yet approved" not in body.split("</main>")[0]  # once: the header, not the body
    assert '<html lang="en-GB">' in page


def test_html_status_in_css_cannot_close_the_style_element() -> None:
    hostile = Approval(approver='x" } </style><script>alert(1)</script>', date=date(2026, 1, 1),
                       version="v")
    page = html(hostile)
    style = page[page.index("<style>"):page.index("</style>")]
    assert "<script" not in style and '" }' not in style.split("@top-center")[1][:200]
    assert "<script>" not in page


def test_titles_and_our_own_words_use_curly_marks_and_en_dashes() -> None:
    markdown = render_markdown(brief(template="talking-points"), library())
    outside_quotes = [line for line in markdown.split("\n") if not line.startswith(">")]
    assert not [line for line in outside_quotes if "'" in line or '"' in line or " - " in line]
    assert "&quot;" not in html()


def test_sources_and_the_approval_block_are_set_small_in_word_and_in_print() -> None:
    document = word(APPROVAL)
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    sources = paragraphs[texts.index("Sources") + 1]
    approval = paragraphs[texts.index("Approval") + 1]
    for entry in (sources, approval):
        assert {run.font.size.pt for run in entry.runs} == {8.5}, entry.text
    points = paragraphs[texts.index("Points to make") + 1]
    assert all(run.font.size is None for run in points.runs)  # the body keeps its size
    page = render_html(brief(template="talking-points"), library(), APPROVAL, options())
    assert '<h2>Sources</h2>\n<ol class="back-matter">' in page
    assert '<h2>Approval</h2>\n<ul class="back-matter approval">' in page
    assert re.search(r"@media print \{[^@]*\.back-matter \{ font-size: 8\.5pt", page)


def test_a_report_quoted_twice_gives_its_title_at_the_first_quotation_only() -> None:
    from assistant.compose import BriefInputs, compose_brief
    from assistant.corpus import load_corpus

    corpus = load_corpus(today=date(2026, 1, 1))
    b = compose_brief(corpus, BriefInputs(theme="leaving-and-speaking-out",
                                          audience="policymakers", template="talking-points"),
                      library())
    reports = [q for q in b.quotes if q.speaker.role.value == "report"]
    assert len(reports) >= 2 and len({q.speaker.id for q in reports}) == 1
    attributions = re.findall(r"^> — (the ICSR report.*)$", render_markdown(b, library()),
                              re.MULTILINE)
    assert len(attributions) == len(reports)
    assert "“Victims, Perpetrators, Assets" in attributions[0]
    assert all(re.fullmatch(r"the ICSR report \[\d+(, \d+)*\]", a) for a in attributions[1:])
