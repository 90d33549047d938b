"""What every check is given: the parsed brief, the corpus and what is known about it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from ..compose.brief import Brief, CampaignFrame, TemplateInfo
from ..corpus import Audience, Corpus
from .document import Block, Document
from .matching import Match, match_all
from .quotations import find_quotations

if TYPE_CHECKING:
    from .figures import FigureIndex
    from .vocabulary import Screen


@dataclass
class CheckInput:
    doc: Document
    corpus: Corpus
    audience: Audience | None = None
    template: TemplateInfo | None = None
    frame: CampaignFrame | None = None
    today: date | None = None
    brief: Brief | None = None
    notes: list[str] = field(default_factory=list)
    approved: bool = False  # the review layer says this version is the approved one
    strict: bool = False  # warnings that block under --strict become errors

    @cached_property
    def matches(self) -> list[Match]:
        """Every quotation of the brief with the corpus quote it fits (computed once); of
        several copies of one remark, the one the brief cites first."""
        from .citations import prefer_cited

        return prefer_cited(match_all(find_quotations(self.doc), self.corpus), self.doc,
                            self.corpus)

    @cached_property
    def _matches_by_block(self) -> dict[int, list[Match]]:
        found: dict[int, list[Match]] = {}
        for m in self.matches:
            found.setdefault(m.quotation.block.index, []).append(m)
        return found

    @property
    def matched_blocks(self) -> Iterable[int]:
        """The blocks (positions in the document) that hold a quotation."""
        return self._matches_by_block.keys()

    def matches_in(self, block: Block) -> list[Match]:
        return self._matches_by_block.get(block.index, [])

    @cached_property
    def own_screen(self) -> Screen:
        """What the body's own words hold (quotations blanked), for the word lists."""
        from .quotations import without_quotations
        from .vocabulary import Screen

        # blanking a quotation leaves words of the text whole: the text's words serve
        return Screen([without_quotations(b) for b in self.doc.blocks], self.text_screen.words)

    @cached_property
    def text_screen(self) -> Screen:
        """What the whole text holds, quotations included, for the word lists."""
        from .vocabulary import Screen

        return Screen([b.text for b in self.doc.blocks])

    @cached_property
    def figure_index(self) -> FigureIndex:
        """The brief's numbers matched to the corpus's facts (computed once)."""
        from .figures import FigureIndex

        return FigureIndex(self)
