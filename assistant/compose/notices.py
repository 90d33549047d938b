"""Honest gaps: what a brief lacks, said in one plain sentence for the reader and the team.

Each notice is also a warning finding (an error under --strict), so nobody sends a thin
brief without having been told.
"""

from __future__ import annotations

from ..corpus.loader import Corpus
from .brief import ChosenQuote, Notice, TemplateInfo
from .select import audience_words

NO_DEFECTOR = "no-defector-voice"
FEW_QUOTES = "few-quotes"
FEW_POSTS = "few-posts"
OUTSIDE_AUDIENCES = "outside-audiences"
FRAME_DEFAULT = "frame-default"
KINDS = (NO_DEFECTOR, FEW_QUOTES, FEW_POSTS, OUTSIDE_AUDIENCES, FRAME_DEFAULT)


NUMBER_WORDS = ("none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")


def in_words(n: int) -> str:
    """Small counts in words: a digit in our own text would read as a figure to check."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def brief_notices(corpus: Corpus, theme_id: str, audience_id: str, template: TemplateInfo,
                  count: int, quotes: list[ChosenQuote], testimony: tuple[bool, bool],
                  posts: int, outside: bool, frame_default: bool) -> list[Notice]:
    """Every gap in a composed brief, reader-facing ones first. `testimony`: whether the
    corpus quotes anyone who left on the theme, and whether any of it is allowed."""
    audience = corpus.audiences[audience_id]
    who = audience_words(audience)
    notices: list[Notice] = []
    if count and not any(q.defector for q in quotes):
        quoted, allowed = testimony
        if not quoted:
            text = ("The reports we draw on quote no one who left the group on this "
                    "narrative, so this brief has no words from people who left.")
        elif not allowed:
            text = ("The words of people who left on this narrative are not suitable for "
                    f"{who} (they describe or threaten violence, or come only with words "
                    "that do), so none is quoted here.")
        else:
            text = ("The words of people who left touch this narrative only in passing or "
                    "do not fit this format, so none is quoted here.")
        notices.append(Notice(kind=NO_DEFECTOR, text=text, for_reader=True))
    have = posts if template.post_chars is not None else len(quotes)
    if count and have < count:
        if template.post_chars is not None:
            notices.append(Notice(kind=FEW_POSTS, for_reader=True, text=(
                f"This set has {in_words(have)} of the {in_words(count)} posts it promises: the corpus has no "
                f"more quotations on this narrative that suit {who} and fit a post.")))
        else:
            notices.append(Notice(kind=FEW_QUOTES, for_reader=True, text=(
                f"This brief has {in_words(have)} of the {in_words(count)} quotations its "
                f"format promises: the corpus has no more on this narrative that suit "
                f"{who}.")))
    if outside:
        notices.append(Notice(kind=OUTSIDE_AUDIENCES, text=(
            f"{template.name} is written for {', '.join(template.audiences)}, not {who} "
            f"({audience.id}); it was made on request (--any-audience).")))
    if frame_default:
        notices.append(Notice(kind=FRAME_DEFAULT, text=(
            f"The campaign frame uses the general lines for {who}: the theme has no goal, "
            "action and monitoring of its own for this audience yet.")))
    return notices
