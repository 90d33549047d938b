"""The editable word lists behind the graphic-content, amplification and tone checks.

They live in `assistant/checks/data/*.yaml` so a communicator can read and change them
without touching code. A term is a phrase matched case-insensitively on whole words; a
trailing `*` matches any ending ("behead*" finds "beheading", "beheaded").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .findings import Severity

DATA_DIR = Path(__file__).resolve().parent / "data"
GRAPHIC_FILE = DATA_DIR / "graphic.yaml"
STYLE_GUIDE_FILE = DATA_DIR / "style-guide.yaml"


class VocabularyError(Exception):
    """A word list could not be read; the message names the file."""


@dataclass(frozen=True)
class Term:
    phrase: str
    pattern: re.Pattern[str]
    suggestion: str


@dataclass(frozen=True)
class Rule:
    """One list of the style guide: its terms, how serious a hit is, what to do instead."""

    name: str
    severity: Severity
    message: str
    suggestion: str
    terms: tuple[Term, ...]
    extra: dict[str, Any]

    def find(self, text: str) -> list[tuple[Term, re.Match[str]]]:
        hits = [(t, m) for t in self.terms for m in t.pattern.finditer(text)]
        return sorted(hits, key=lambda h: h[1].start())


def compile_term(phrase: str) -> re.Pattern[str]:
    """`behead*` -> whole-word regex; spaces match any run of whitespace."""
    stem = phrase.strip()
    open_end = stem.endswith("*")
    stem = stem.rstrip("*")
    body = r"\s+".join(re.escape(w) for w in stem.split())
    start = r"(?<![\w-])" if stem[:1].isalnum() else ""
    end = r"[\w-]*" if open_end else (r"(?![\w])" if stem[-1:].isalnum() else "")
    return re.compile(start + body + end, re.IGNORECASE)


def _load(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot be read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise VocabularyError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}: expected a mapping of lists at the top")
    return data


def _rule(path: Path, name: str, raw: Any) -> Rule:
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list):
        raise VocabularyError(f"{path}: '{name}' needs a 'terms' list")
    try:
        severity = Severity(raw.get("severity", "warning"))
    except ValueError as exc:
        raise VocabularyError(
            f"{path}: '{name}' severity must be error, warning or info") from exc
    default = str(raw.get("suggestion", ""))
    terms: list[Term] = []
    for entry in raw["terms"]:
        if isinstance(entry, dict) and "term" in entry:
            phrase, hint = str(entry["term"]), str(entry.get("suggestion", default))
        elif isinstance(entry, str | int | float):
            phrase, hint = str(entry), default
        else:
            raise VocabularyError(f"{path}: '{name}' has a term that is not text: {entry!r}")
        if phrase.strip().rstrip("*"):
            terms.append(Term(phrase, compile_term(phrase), hint))
    extra = {k: v for k, v in raw.items() if k not in ("terms", "severity", "suggestion",
                                                        "message")}
    return Rule(name, severity, str(raw.get("message", name)), default, tuple(terms), extra)


@cache
def load_rules(path: Path) -> dict[str, Rule]:
    """Every list in a vocabulary file, by name. Raises VocabularyError."""
    data = _load(path)
    return {name: _rule(path, name, raw) for name, raw in data.items()}


def graphic_rules() -> Rule:
    return load_rules(GRAPHIC_FILE)["graphic"]


def style_guide() -> dict[str, Rule]:
    return load_rules(STYLE_GUIDE_FILE)
