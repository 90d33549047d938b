"""The candidates file a curator reviews: YAML in the corpus's own format, with comments.

Strings are written as JSON strings, which YAML reads exactly (curly quotes, dashes and
no-break spaces kept). The article itself travels at the end as comment lines, so that
`ingest --accept` can archive exactly the text the quotes were read in.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .candidates import Ingested

ARTICLE_MARK = "#| "
ARTICLE_HEADER = "# article "


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _source_lines(stub: dict[str, Any], comment: str) -> list[str]:
    lines = [f"  - id: {stub['id']}" + (f"  # {comment}" if comment else "")]
    for key in ("outlet", "title", "author", "published", "kind"):
        if key in stub:
            lines.append(f"    {key}: {_s(str(stub[key]))}")
    return lines


def render_proposal(result: Ingested, schema_ref: str = "") -> str:
    """The candidates as a YAML file for review, then `assistant ingest --accept FILE`."""
    out: list[str] = []
    if schema_ref:
        out.append(f"# yaml-language-server: $schema={schema_ref}")
    out += [f"# Candidate quotes from {result.source.title!r}: {len(result.candidates)} found, "
            f"{len(result.left_out)} left out (listed at the end).",
            "# Review each: delete what you reject, correct speakers and themes; every text is",
            "# exactly as printed. Then: assistant ingest --accept THIS-FILE", "",
            "sources:"]
    out += _source_lines(result.source.as_dict(), "the article these quotes were read in")
    for original in result.originals:
        out += _source_lines(original.as_dict(), "the outlet the speaker talked to (quoted in)")
    if result.speakers:
        out += ["", "speakers:"]
        for sp in result.speakers:
            data = sp.model_dump(mode="json", exclude_defaults=True)
            out.append(f"  - id: {sp.id}  # new: as the article describes them; check the role")
            out.append(f"    label: {_s(sp.label)}")
            out.append(f"    role: {sp.role.value}")
            identity = data.get("identity", {})
            parts = [f"public: {sp.identity.public.value}"] + [
                f"{k}: {_s(v) if isinstance(v, str) else v}" for k, v in identity.items()
                if k != "public"]
            out.append(f"    identity: {{{', '.join(parts)}}}")
            if sp.gender:
                out.append(f"    gender: {sp.gender}")
    out += ["", "quotes:"]
    for c in result.candidates:
        q = c.quotation
        flags = []
        if c.duplicate_of:
            flags.append(f"already in the corpus as {c.duplicate_of}")
        if c.graphic:
            flags.append("graphic")
        head = f"  - id: {c.id}" + (f"  # {'; '.join(flags)}" if flags else "")
        out.append(head)
        out.append(f"    text: {_s(q.text)}")
        said = q.attribution or "no attribution of its own: the speaker of the one before"
        out.append(f"    speaker: {c.speaker}  # {said}".replace("\n", " "))
        out.append("    sources:")
        out.append(f"      - source: {result.source.id}")
        if c.via:
            out.append(f"        via: {c.via}")
        if c.themes:
            out.append("    themes:  # suggested from the themes' wording")
            out += [f"      - theme: {t}" for t in c.themes]
        if c.graphic:
            out.append("    tags: [graphic]")
        if c.notes:
            out.append(f"    note: {_s('; '.join(c.notes))}")
    if result.left_out:
        out += ["", "# Left out (not testimony); copy one up if it is:"]
        for q in result.left_out:
            out.append(f"#   {_s(q.text)}: {q.left_out}")
    digest = hashlib.sha256(result.article.encode("utf-8")).hexdigest()
    out += ["", f"{ARTICLE_HEADER}{result.source.id} sha256={digest} (archived on --accept):"]
    out += [ARTICLE_MARK + line for line in result.article.split("\n")]
    return "\n".join(out) + "\n"


def article_from_proposal(text: str) -> tuple[str | None, str | None, str | None]:
    """(source id, article text, sha256 recorded) from a candidates file's trailing comments."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if line.startswith(ARTICLE_HEADER) and "sha256=" in line:
            source_id = line[len(ARTICLE_HEADER):].split()[0]
            digest = line.split("sha256=", 1)[1].split()[0]
            body = [ln[len(ARTICLE_MARK):] if ln.startswith(ARTICLE_MARK) else ln[2:]
                    for ln in lines[n + 1:] if ln.startswith("#|")]
            return source_id, "\n".join(body), digest
    return None, None, None
