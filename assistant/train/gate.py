"""The checks a deck passes before it goes to review, as the submission gate runs them:
every quotation word for word the corpus's, from a speaker and with content the deck's
audience may see, and a content note before every graphic voice."""

from __future__ import annotations

import difflib

from ..compose.select import refusals_for
from ..corpus.loader import Corpus
from .deck import Slide, SlideKind
from .document import StoredDeck


def deck_problems(stored: StoredDeck, corpus: Corpus) -> list[str]:
    """One line per error, naming the slide (numbered from 1) and the quote id."""
    audience = corpus.audiences.get(stored.audience)
    if audience is None:
        return [f"the deck's audience '{stored.audience}' is not in the corpus"]
    problems: list[str] = []
    slides = stored.deck.slides
    for index, slide in enumerate(slides):
        voice = slide.voice
        if voice is None:
            continue
        where = f"slide {index + 1}"
        quote = corpus.quotes.get(voice.quote_id)
        if quote is None:
            problems.append(f"{where}: quote '{voice.quote_id}' is not in the corpus, so its "
                            "words cannot be checked")
            continue
        if voice.text != quote.text:
            problems.append(f"{where}: the quotation of {quote.id} is not word for word as "
                            f"the corpus has it: {_changed(quote.text, voice.text)}")
        problems += [f"{where}: {quote.id} may not appear for {audience.id}: {why}"
                     for why in refusals_for(corpus, quote, audience)]
        if quote.graphic and not _warned(slides, index):
            problems.append(f"{where}: {quote.id} is graphic testimony with no content-note "
                            "slide before it")
    return problems


def _warned(slides: tuple[Slide, ...], index: int) -> bool:
    """A content note comes before this voice (other graphic voices may sit between)."""
    before = index - 1
    while before >= 0 and _graphic_voice(slides[before]):
        before -= 1
    return (before >= 0 and slides[before].kind == SlideKind.content_note
            and slides[before].section == slides[index].section)


def _changed(corpus_text: str, shown: str) -> str:
    """The first difference, in words: "'killing' became 'murdering'"."""
    old, new = corpus_text.split(), shown.split()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "replace":
            return f"'{' '.join(old[i1:i2])}' became '{' '.join(new[j1:j2])}'"
        if tag == "delete":
            return f"'{' '.join(old[i1:i2])}' was left out"
        if tag == "insert":
            return f"'{' '.join(new[j1:j2])}' was added"
    return "the spacing or punctuation differs"


def _graphic_voice(slide: Slide) -> bool:
    return slide.voice is not None and slide.voice.graphic
