"""What the compose screen asks of the library, in one place and free of Textual.

Every call here is the same one the command line makes (compose_brief, render_markdown,
check_brief, the exporters); this module only gathers their results for a screen and
turns their errors into messages. It is imported in a worker thread, after the first
frame, so that none of the domain modules slow down start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checks import check_brief
from ..checks.findings import Finding, count_errors, sort_findings, summary
from ..compose.brief import Brief, BriefInputs, CampaignFrame, Candidate
from ..compose.build import compose_brief, default_template
from ..compose.errors import BriefError
from ..compose.frame import default_frame
from ..compose.parts import Part
from ..corpus import Corpus
from ..corpus.stats import corpus_stats
from ..render import TemplateLibrary, render_markdown, write_atomically

WRITERS = ("md", "html", "docx", "pdf")
"""The export formats (ids in render/formats.py) this screen can write."""
DEFAULT_TEMPLATE = "policy-brief"


class SessionError(Exception):
    """Something the communicator must be told: `title` plus one line per problem."""

    def __init__(self, title: str, problems: list[str]) -> None:
        self.title = title
        self.problems = problems
        super().__init__(problems[0] if len(problems) == 1 else f"{title}: " + "; ".join(problems))


@dataclass(frozen=True)
class Draft:
    """One build of the brief: the Brief, its Markdown and what the checks found."""

    brief: Brief
    markdown: str
    findings: list[Finding]
    proposed_frame: CampaignFrame
    """The campaign frame before the communicator's own lines."""

    @property
    def error_count(self) -> int:
        return count_errors(self.findings)

    @property
    def summary(self) -> str:
        return summary(self.findings)

    @property
    def short_summary(self) -> str:
        """'none', '1 error', '2 errors, 1 warning': what a tab label has room for."""
        counts = [(sum(f.severity.value == kind for f in self.findings), kind)
                  for kind in ("error", "warning", "info")]
        return ", ".join(_count(n, kind) for n, kind in counts if n) or "none"

    @property
    def status_line(self) -> str:
        brief = self.brief
        return (f"{_count(len(brief.quotes), 'quote')}, {_count(len(brief.facts), 'fact')}"
                f" · findings: {self.short_summary}")

    @property
    def in_brief(self) -> list[str]:
        """Quote ids in the order they appear in the brief."""
        return [q.quote.id for q in self.brief.quotes]

    @property
    def testimony(self) -> list[Candidate]:
        """Candidates as the testimony panel lists them: the brief's quotes in the brief's
        order, then the others best first."""
        by_id = {c.quote.id: c for c in self.brief.candidates}
        first = [by_id[qid] for qid in self.in_brief if qid in by_id]
        return first + [c for c in self.brief.candidates if c.quote.id not in self.in_brief]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 or noun == "info" else "s")


class ComposeSession:
    """A loaded corpus and template library, and the briefs built from them."""

    def __init__(self, corpus: Corpus, library: TemplateLibrary) -> None:
        self.corpus = corpus
        self.library = library

    @classmethod
    def open(cls, corpus: Corpus, templates_dir: Path) -> ComposeSession:
        """Read the templates; SessionError names the file and line of a bad one."""
        library = TemplateLibrary(templates_dir)
        try:
            library.infos()
        except BriefError as exc:
            raise SessionError(f"The templates at {templates_dir} cannot be read",
                               [str(exc)]) from None
        if not library.ids():
            raise SessionError("No templates", [f"{templates_dir}: no *.md.j2 templates found"])
        return cls(corpus, library)

    # --- what the selectors offer ------------------------------------------------------------

    def theme_rows(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = corpus_stats(self.corpus)["themes"]
        return rows

    def claims(self) -> dict[str, str]:
        return {tid: theme.claim for tid, theme in self.corpus.themes.items()}

    def audience_options(self) -> list[tuple[str, str]]:
        return [(a.name, a.id) for a in self.corpus.audiences.values()]

    def template_options(self) -> list[tuple[str, str]]:
        return [(info.name, info.id) for info in self.library.infos()]

    def template_for(self, audience_id: str, template_id: str) -> str:
        """The format a brief for the audience is built in: the chosen one when it is
        written for the audience, else the first that is (as the command line chooses)."""
        return default_template(self.library, audience_id, preferred=template_id)

    def template_name(self, template_id: str) -> str:
        return next((i.name for i in self.library.infos() if i.id == template_id),
                    template_id)

    def first_inputs(self, theme_id: str | None) -> BriefInputs:
        """The choices the screen opens with: the first theme, audience and template."""
        ids = self.library.ids()
        template = DEFAULT_TEMPLATE if DEFAULT_TEMPLATE in ids else ids[0]
        return BriefInputs(theme=theme_id or next(iter(self.corpus.themes)),
                           audience=next(iter(self.corpus.audiences)), template=template)

    def source_name(self, source_id: str) -> str:
        source = self.corpus.sources.get(source_id)
        if source is None:
            return source_id
        return source.outlet or source.title

    def quote_text(self, quote_id: str) -> str | None:
        quote = self.corpus.quotes.get(quote_id)
        return quote.text if quote is not None else None

    # --- building, arranging, exporting ------------------------------------------------------

    def build(self, inputs: BriefInputs) -> Draft:
        """Compose, render and check; SessionError says why a brief cannot be built."""
        try:
            brief = compose_brief(self.corpus, inputs, self.library)
            markdown = render_markdown(brief, self.library)
        except BriefError as exc:
            raise SessionError("The brief cannot be built", [str(exc)]) from None
        findings = sort_findings(check_brief(brief, markdown, self.corpus))
        return Draft(brief, markdown, findings,
                     default_frame(brief.theme, brief.audience, brief.template))

    @staticmethod
    def arrange(inputs: BriefInputs, in_brief: list[str], how: str,
                quote_id: str) -> dict[str, Any]:
        """The input changes for pinning, excluding or moving a quote (toggles for the
        first two). Moving only applies to quotes in the brief (`in_brief`, in order)."""
        pins = [q for q in inputs.pins if q != quote_id]
        exclusions = [q for q in inputs.exclusions if q != quote_id]
        if how == "pin":
            return {"pins": pins if quote_id in inputs.pins else [*pins, quote_id],
                    "exclusions": exclusions}
        if how == "exclude":
            if quote_id in inputs.exclusions:
                return {"exclusions": exclusions}
            return {"pins": pins, "exclusions": [*exclusions, quote_id],
                    "order": [q for q in inputs.order if q != quote_id]}
        if quote_id not in in_brief:
            raise SessionError("Only quotes in the brief can be moved",
                               ["Only quotes in the brief can be moved: pin this one first."])
        order = list(in_brief)
        at = order.index(quote_id)
        to = max(at - 1, 0) if how == "up" else min(at + 1, len(order) - 1)
        order[at], order[to] = order[to], order[at]
        return {"order": order}

    @property
    def formats(self) -> list[str]:
        """The export formats offered, in the order render/formats.py lists them."""
        from ..render.formats import FORMATS

        return [fmt for fmt in FORMATS if fmt in WRITERS]

    def export(self, draft: Draft, fmt: str, path: Path, part: Part = "all") -> Path:
        """Write `part` of the brief as `fmt` (md, html, docx or pdf) atomically, through
        the same export path as `assistant brief`, the team notes ending with the draft's
        findings: an existing file is replaced whole or not at all. SessionError names the
        file when that fails."""
        from ..render.export import (
            ExportOptions,
            ExportRefused,
            brief_document,
            brief_subject,
            export_bytes,
        )

        brief = draft.brief
        try:
            document = brief_document(draft.markdown, fingerprint=brief.fingerprint,
                                      subject=brief_subject(brief.theme.title, brief.audience.name),
                                      language=self.corpus.language, findings=draft.findings)
            data = export_bytes(document, fmt, ExportOptions(part=part), library=self.library)
            write_atomically(path, data)
        except (BriefError, ExportRefused) as exc:
            raise SessionError(f"Could not write {path}", [str(exc)]) from None
        except OSError as exc:
            raise SessionError(f"Could not write {path}",
                               [f"cannot write {path}: {exc.strerror or exc}"]) from None
        return path
