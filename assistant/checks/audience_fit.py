"""Audience fit: reading ease against the audience's target, length against the limits.

Reading ease is measured on the brief's own words: quotations (verbatim, not ours to
simplify), headings (not sentences), citation markers, web addresses and the reference
list are left out. Fewer than 30 own words gives no meaningful score and is not judged.

Length counts every word the audience reads: the body with its quotations and headings,
not the reference list nor the sections written for the team that sends the brief (the
campaign frame, cautions, posting notes). The limit is the smaller of the template's and
the audience's.
"""

from __future__ import annotations

from .context import CheckInput
from .figures import own_words
from .findings import Finding, Severity
from .readability import reading_ease, word_count

CHECK = "audience-fit"
MIN_WORDS_FOR_EASE = 30


def check_audience_fit(ci: CheckInput) -> list[Finding]:
    findings: list[Finding] = []
    audience, template = ci.audience, ci.template
    body = ci.doc.body()
    if audience is None:
        findings.append(Finding(
            CHECK, Severity.info,
            "no audience known: reading ease, word limit and graphic material were not "
            "checked against an audience", "pass --audience ID"))
    else:
        passages = [own_words(b) for b in body if b.kind not in ("heading", "quote")]
        score = reading_ease(passages)
        counted = word_count(passages)
        if score is not None and counted >= MIN_WORDS_FOR_EASE and score < audience.reading_ease:
            findings.append(Finding(
                CHECK, Severity.warning,
                f"reading ease {score:.1f} is below the {audience.id} target of "
                f"{audience.reading_ease:g}",
                "use shorter sentences and plainer words in your own text"))
    limits = []
    if template is not None and template.word_limit:
        limits.append((template.word_limit, f"template {template.id}"))
    if audience is not None:
        limits.append((audience.word_limit, f"audience {audience.id}"))
    if limits:
        limit, whose = min(limits)
        total = word_count([b.text for b in body if not b.team])
        if total > limit:
            findings.append(Finding(
                CHECK, Severity.warning,
                f"the brief has {total} words; the {whose} allows {limit}",
                f"cut {total - limit} words, or choose fewer quotes"))
    return findings
