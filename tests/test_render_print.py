"""Every brief the bundled templates allow, printed as its reader would print it: Word
through LibreOffice to PDF, and the HTML through the PDF export. The audience's part keeps
to the pages its template promises, every page carries the status mark once, each source
is listed once, and no two lines of the audience's part say the same thing."""

from __future__ import annotations

import io
import itertools
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from assistant.compose import BriefInputs, compose_brief
from assistant.corpus import Corpus, load_corpus
from assistant.render import Approval, render_markdown
from assistant.render.approval import DRAFT, status_line
from assistant.render.export import (
    Document,
    ExportOptions,
    brief_document,
    export_bytes,
    split_parts,
)
from assistant.render.repeats import says_the_same as same_thing

from .compose_helpers import library
from .print_helpers import audience_sentences, pages, to_pdf

AT = datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
APPROVAL = Approval(approver="Sam Lee", date=date(2026, 3, 2), version="1a2b3c4d5e6f",
                    role="reviewer", comment="OK to send")


@dataclass(frozen=True)
class Printed:
    name: str
    pages_promised: int
    document: Document
    audience_pdf: Path
    all_pdf: Path


def bundled() -> Corpus:
    return load_corpus(today=date(2026, 1, 1))


def allowed() -> list[tuple[str, str, str]]:
    corpus = bundled()
    return [(info.id, theme, audience)
            for info in library().infos()
            for theme, audience in itertools.product(sorted(corpus.themes), info.audiences)
            if audience in corpus.audiences]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """Every allowed brief (and one approved), audience part and whole, as Word, then PDF."""
    corpus, lib = bundled(), library()
    work = tmp_path_factory.mktemp("print")
    found: dict[str, Printed] = {}
    cases = [(*case, None) for case in allowed()] + [
        ("talking-points", "harsh-life", "journalists", APPROVAL)]
    files = []
    for template, theme, audience, approval in cases:
        b = compose_brief(corpus, BriefInputs(theme=theme, audience=audience,
                                              template=template), lib)
        document = brief_document(render_markdown(b, lib, approval), approval=approval,
                                  fingerprint=b.fingerprint)
        name = f"{template}--{theme}--{audience}" + ("--approved" if approval else "")
        for part in ("audience", "all"):
            path = work / f"{name}--{part}.docx"
            path.write_bytes(export_bytes(document, "docx",
                                          ExportOptions(part=part, now=AT)))  # type: ignore[arg-type]
            files.append(path)
        pages_promised = b.template.pages or 99
        found[name] = Printed(name, pages_promised, document,
                              work / "pdf" / f"{name}--audience.pdf",
                              work / "pdf" / f"{name}--all.pdf")
    to_pdf(files, work / "pdf", work / "profile")
    return found


def test_every_template_promises_a_length_in_pages() -> None:
    assert {info.id: info.pages for info in library().infos()} == {
        "talking-points": 1, "policy-brief": 2, "social-posts": 1, "trainer-notes": 4}


def test_the_audience_part_fits_the_pages_its_template_promises(
        printed: dict[str, Printed]) -> None:
    over = {name: (len(pages(p.audience_pdf)), p.pages_promised) for name, p in printed.items()
            if len(pages(p.audience_pdf)) > p.pages_promised}
    assert not over, over


def test_every_printed_page_carries_the_status_mark_once(printed: dict[str, Printed]) -> None:
    for name, p in printed.items():
        mark = status_line(p.document.approval)
        for pdf in (p.audience_pdf, p.all_pdf):
            for number, text in enumerate(pages(pdf), start=1):
                flat = " ".join(text.split())
                assert flat.count(mark) == 1, (name, pdf.name, number, flat[:300])
                assert re.search(rf"Page {number} of \d+ · Exported 3 March 2026", flat), \
                    (name, number)
        if p.document.approval is None:
            assert mark == DRAFT


def test_an_approved_brief_ends_its_audience_part_with_the_approval_block(
        printed: dict[str, Printed]) -> None:
    approved = next(p for p in printed.values() if p.document.approval is not None)
    last = " ".join(pages(approved.audience_pdf)[-1].split())
    assert "Approved by: Sam Lee Role: reviewer Date: 2 March 2026 Version: 1a2b3c4d5e6f " \
           "Comment: OK to send" in re.sub(r"[•·\uf0b7] ", "", last)


def reference_entries(markdown: str) -> list[str]:
    if "\n## Sources\n" not in markdown:  # a brief that cites nothing has no list
        return []
    section = markdown.split("\n## Sources\n", 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\d+\. (.+)$", section, re.MULTILINE)


def test_no_source_is_listed_twice(printed: dict[str, Printed]) -> None:
    for name, p in printed.items():
        entries = reference_entries(p.document.markdown)
        audience, _ = split_parts(p.document.markdown)
        assert entries or not re.search(r"\[\d+(, \d+)*\]", audience), name
        titles = [re.search(r"“(.+?)”|\[(.+?)\]", e) for e in entries]
        keys = [t.group(0) if t else e for t, e in zip(titles, entries, strict=True)]
        assert len(set(keys)) == len(keys), (name, entries)
        for entry in entries:
            assert "quoted in" not in entry and "not named" not in entry, (name, entry)
            assert "undated" not in entry, (name, entry)


def test_no_two_lines_of_the_audience_part_say_the_same_thing(
        printed: dict[str, Printed]) -> None:
    repeats = []
    for name, p in printed.items():
        lines = audience_sentences(p.document.markdown)
        repeats += [(name, a, b) for a, b in itertools.combinations(lines, 2)
                    if same_thing(a, b)]
    assert not repeats, repeats[:5]


def test_the_same_thing_is_caught_when_it_is_said_twice() -> None:
    assert same_thing("Posts go out from defectors’ own accounts, in their words.",
                      "- **Who posts:** defectors’ own accounts, in their own words")
    assert not same_thing("Life under IS was harsh.", "Defectors found the fighting brutal.")


def test_the_audience_part_printed_from_the_web_page_fits_the_same_pages(
        printed: dict[str, Printed]) -> None:
    """The HTML's print stylesheet, through the PDF export: the same promise as Word."""
    pypdf = pytest.importorskip("pypdf")
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"WeasyPrint is part of the test extra: {exc}")
        pytest.skip(f"WeasyPrint or Pango missing: {exc}")
    over = {}
    for name, p in printed.items():
        data = export_bytes(p.document, "pdf", ExportOptions(part="audience", now=AT))
        count = len(pypdf.PdfReader(io.BytesIO(data)).pages)
        if count > p.pages_promised:
            over[name] = (count, p.pages_promised)
    assert not over, over
