"""Citation text for the reference list: outlet, title, author, date and address.

Numbering belongs to the brief (a quote carries its reference numbers), so the citation
text is built here, at composition time; renderers only lay it out.
"""

from __future__ import annotations

import re

from ..corpus.models import Source, SourceKind

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def long_date(value: str | None) -> str:
    """'2015-09-20' -> '20 September 2015'; '2015-09' -> 'September 2015'; '2015' stays."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def _described(title: str) -> bool:
    """Titles in [square brackets] are our description, not the outlet's headline."""
    return title.startswith("[")


def _title(source: Source) -> str:
    return source.title if _described(source.title) else f"“{source.title}”"


def told(original: Source) -> str:
    """Where a remark first appeared, for its attribution: 'speaking to NPR', 'writing for
    CNN', 'in the ICSR report', 'reported by The Guardian'."""
    name = short_outlet(original)
    if original.kind in (SourceKind.interview, SourceKind.broadcast):
        return f"speaking to {name}"
    if original.kind == SourceKind.op_ed:
        return f"writing for {name}"
    if original.kind == SourceKind.report:
        return f"in the {name} report" if original.outlet else f"in {name}"
    return f"reported by {name}"


def short_outlet(source: Source) -> str:
    """'International Centre ... (ICSR), King's College London' -> 'ICSR'; a source with no
    outlet is named by its author, else by its title."""
    if source.outlet:
        acronym = re.search(r"\(([A-Z][A-Za-z]*[A-Z])\)", source.outlet)
        return acronym.group(1) if acronym and len(source.outlet) > 30 else source.outlet
    return source.author or f"“{source.title}”"


def short_source(source: Source, via: Source | None = None) -> str:
    """A tag short enough for a social post: 'CBS News via The New York Times'."""
    read = short_outlet(source)
    return f"{short_outlet(via)} via {read}" if via is not None else read


def format_citation(source: Source, via: Source | None = None) -> str:
    """One reference-list entry: what is known of the document, nothing said of what is not.

    A brief lists each document read once (no `via`): the outlet a remark first appeared
    in is named where the quotation is attributed (`told`). With `via`, the older form:
    "CBS News, quoted in The New York Times, “ISIS Defectors ...”, 20 September 2015."
    """
    parts: list[str] = []
    if via is not None:
        original = via.outlet or _title(via)
        if via.outlet and via.kind == "report" and not _described(via.title):
            original = f"{via.outlet}, {_title(via)}"
        parts.append(f"{original}, quoted in {source.outlet or _title(source)}")
        if source.outlet:
            parts.append(_title(source))
    elif source.outlet:
        parts += [source.outlet, _title(source)]
    else:
        parts.append(_title(source))
    if source.author:
        parts.append(source.author)
    if source.published:
        parts.append(long_date(source.published))
    text = ", ".join(parts) + "."
    if source.address:
        text += f" {source.address}"
    return text
