"""Findings: what a check reports, where, and what to do about it.

Errors block submission for review; warnings are shown and may be accepted with a
reason; info says what a check could not do (for example, no audience was given).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, TypedDict


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Where(TypedDict, total=False):
    """Where a finding points: pass as **where to Finding."""

    line: int | None
    section: str | None
    quote_id: str | None


_RANK = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}


@dataclass(frozen=True)
class Finding:
    """One thing a check noticed. `line` is a line of the Markdown file, from 1."""

    check: str
    severity: Severity
    message: str
    suggestion: str = ""
    line: int | None = None
    quote_id: str | None = None
    section: str | None = None
    ids: tuple[str, ...] = ()  # the corpus ids involved: quotes, speakers, facts, sources

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.error

    def format(self, file: str = "") -> str:
        """`FILE:LINE: severity [check] message (suggestion)`, parts omitted when unknown."""
        where = file
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        head = f"{where}: " if where else ""
        tail = f" ({self.suggestion})" if self.suggestion else ""
        return f"{head}{self.severity.value} [{self.check}] {self.message}{tail}"

    @property
    def corpus_ids(self) -> list[str]:
        """Every corpus id the finding is about, the quote first."""
        return list(dict.fromkeys(([self.quote_id] if self.quote_id else []) + list(self.ids)))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["rule"] = self.check
        data["ids"] = list(self.ids)
        data["corpus_ids"] = self.corpus_ids
        return data


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then by position in the file, then by check."""
    return sorted(
        findings,
        key=lambda f: (_RANK[f.severity], f.line if f.line is not None else 0, f.check, f.message),
    )


def count_errors(findings: list[Finding]) -> int:
    return sum(1 for f in findings if f.is_error)


def summary(findings: list[Finding]) -> str:
    """'2 errors, 1 warning, 0 info' in plain words."""
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    parts = [
        f"{counts[Severity.error]} error{'s' if counts[Severity.error] != 1 else ''}",
        f"{counts[Severity.warning]} warning{'s' if counts[Severity.warning] != 1 else ''}",
        f"{counts[Severity.info]} info",
    ]
    return ", ".join(parts)


def findings_json(findings: list[Finding], file: str | None = None) -> str:
    """The findings as a JSON document: {file, errors, findings: [...]}."""
    data = {
        "file": file,
        "errors": count_errors(findings),
        "findings": [f.as_dict() for f in sort_findings(findings)],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop repeats of the same finding, keeping the one that knows its line."""
    best: dict[tuple[str, str, str | None, str], Finding] = {}
    for f in findings:
        key = (f.check, f.severity.value, f.quote_id, f.message)
        kept = best.get(key)
        if kept is None or (kept.line is None and f.line is not None):
            best[key] = f
    return list(best.values())
