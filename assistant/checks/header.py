"""Which audience and template a Markdown brief was written for, read from the file.

In order: front matter or an HTML comment (`audience: young-people`, `template: ...`),
then the line every bundled template writes under the title:
`_Policy brief for young people · theme: ..._` (template name, then audience name).
"""

from __future__ import annotations

import re

from ..compose.brief import TemplateInfo
from ..corpus import Audience, Corpus
from .document import Document


def _byline(doc: Document) -> str:
    for block in doc.blocks[:6]:
        if re.match(r"^[_*]", block.text) and " for " in block.text:
            return block.text.strip("_* ").lower()
    return ""


def audience_of(doc: Document, corpus: Corpus) -> Audience | None:
    """The audience the file names, or None when it names none we know."""
    given = doc.header.get("audience", "").strip()
    if given in corpus.audiences:
        return corpus.audiences[given]
    line = _byline(doc)
    if not line:
        return None
    after = line.split(" for ", 1)[1].split("·")[0].strip()
    for audience in corpus.audiences.values():
        if after == audience.name.lower():
            return audience
    return None


def template_of(doc: Document, templates: list[TemplateInfo]) -> TemplateInfo | None:
    """The template the file names, or None."""
    given = doc.header.get("template", "").strip()
    for info in templates:
        if info.id == given:
            return info
    line = _byline(doc)
    before = line.split(" for ", 1)[0].strip() if line else ""
    for info in templates:
        if before and before == info.name.lower():
            return info
    return None
