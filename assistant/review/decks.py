"""Trainer's decks as review drafts: the stored text is the deck itself (train/document.py),
checked at submission by the deck's own gate and exported to PowerPoint or a web page
with DRAFT, or the approval, on every slide."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..compose.brief import BriefInputs
from .errors import InvalidInput, WrongKind
from .store import Checker
from .views import DraftSummary, Export

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..train.deck import Deck

DECK_TEMPLATE = "trainer-deck"
"""What a deck draft's `template` says in the queue (no brief template has the name)."""


def deck_inputs(themes: list[str] | tuple[str, ...], audience: str) -> BriefInputs:
    """The inputs a deck's version records: its audience and the themes it covers."""
    return BriefInputs(theme=themes_label(themes), audience=audience, template=DECK_TEMPLATE)


def themes_label(themes: list[str] | tuple[str, ...]) -> str:
    label = ", ".join(themes) if themes else "every theme"
    return label if len(label) <= 200 else f"{len(themes)} themes"


def unapproved_text(text: str) -> str:
    """A deck's text as a new version stores it: DRAFT, and no approval slide (an approval
    belongs to the version it names, never to text copied from an export).

    Raises InvalidInput when `text` is not a deck this counterbrief can read.
    """
    from ..render.approval import DRAFT
    from ..train.deck import Deck, SlideKind
    from ..train.document import DeckTextError, deck_text, read_deck

    try:
        stored = read_deck(text)
    except DeckTextError as exc:
        raise InvalidInput(str(exc)) from None
    deck = stored.deck
    slides = tuple(s for s in deck.slides if s.kind != SlideKind.approval)
    # The approval slide's own section goes with it (sections no slide is in, at the end).
    used = max((s.section + 1 for s in slides), default=0)
    clean = Deck(title=deck.title, subtitle=deck.subtitle, status=DRAFT,
                 sections=deck.sections[:max(used, 1)], slides=slides,
                 references=deck.references, keys=deck.keys[:max(used, 1)])
    return deck_text(clean, stored.themes, stored.audience)


def require_kind(draft: DraftSummary, kind: str) -> None:
    """WrongKind (exit 2) saying which command handles `draft` when it is not `kind`."""
    if draft.kind == kind:
        return
    if draft.is_deck:
        raise WrongKind(f"draft {draft.id} is a trainer's deck, not a brief; export it with "
                        f"`assistant train export --draft {draft.id} -o FILE.pptx` (or .html)"
                        f" and change it with `assistant train edit {draft.id}`")
    raise WrongKind(f"draft {draft.id} is a brief, not a trainer's deck; export it with "
                    f"`assistant draft export {draft.id}` and change it with "
                    f"`assistant draft edit {draft.id}`")


def deck_checker(corpus: Corpus) -> Checker:
    """The deck gate as the store runs it at submission: error lines, none when it passes."""
    from ..train.document import DeckTextError, read_deck
    from ..train.gate import deck_problems

    def check(text: str, _inputs: BriefInputs) -> list[str]:
        try:
            return deck_problems(read_deck(text), corpus)
        except DeckTextError as exc:
            return [str(exc)]

    return check


def exported_deck(export: Export) -> Deck:
    """The deck exactly as stored, stamped: the approval mark and slide, or DRAFT."""
    from ..train.approval import approved
    from ..train.document import read_deck

    deck = read_deck(export.version.markdown).deck
    return approved(deck, export.approval.stamp()) if export.approval is not None else deck


def deck_bytes(export: Export, fmt: str, *, now: datetime, author: str = "",
               language: str = "en-GB") -> bytes:
    """The file contents of an exported deck draft as `fmt` (pptx|html)."""
    deck = exported_deck(export)
    if fmt == "pptx":
        from ..train.pptx_export import deck_to_pptx

        return deck_to_pptx(deck, now=now, author=author, language=language)
    if fmt == "html":
        from ..train.html_export import deck_to_html

        return deck_to_html(deck, language=language).encode()
    raise InvalidInput(f"a trainer's deck is exported as pptx or html, not {fmt}")
