"""Social posts: our own line, then the quotation exactly as printed, who, where and when.

The whole post counts against the format's limit (280 characters): the reader sees our
line, the quotation, the speaker, the outlet and the year, so all of it is measured.
"""

from __future__ import annotations

from ..corpus.loader import Corpus
from ..corpus.models import Quote
from .citations import short_source, year_of
from .facts import material_period
from .select import PostText, speaker_name


def post_writer(corpus: Corpus) -> PostText:
    """A function from a remark's quotes to its full post, None without post copy."""
    period = material_period(corpus)

    def write(quotes: list[Quote]) -> str | None:
        head = quotes[0]
        if not head.post_copy:
            return None
        first = head.sources[0]
        source = corpus.sources[first.source]
        via = corpus.sources[first.via] if first.via else None
        year = year_of(source, via)
        when = year if year else f"{period} material"
        said = " ".join(f"“{q.text}”" for q in quotes)
        who = speaker_name(corpus.speakers[head.speaker])
        return f"{head.post_copy.strip()} {said} — {who} ({short_source(source, via)}, {when})"

    return write
