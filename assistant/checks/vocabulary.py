"""The editable word lists behind the graphic-content, amplification and tone checks.

They live in `assistant/checks/data/*.yaml` so a communicator can read and change them
without touching code; each file is validated (a pydantic model per list) and every
mistake is reported as FILE:LINE. A term is a phrase matched case-insensitively on whole
words; a trailing `*` matches any ending ("behead*" finds "beheading", "beheaded").
A list may also carry `patterns`: regular expressions for what no word list can hold
(tone rules), each with its own message. A pattern may name a word class of its list as
`{name}` (`classes: {insult_nouns: [idiot*, fools]}`): the class's words, each matched
like a term, so a rule is written once for every word of its class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .findings import Severity

DATA_DIR = Path(__file__).resolve().parent / "data"
GRAPHIC_FILE = DATA_DIR / "graphic.yaml"
STYLE_GUIDE_FILE = DATA_DIR / "style-guide.yaml"


class VocabularyError(Exception):
    """A word list could not be read; the message names the file and line."""


@dataclass(frozen=True)
class Term:
    phrase: str
    pattern: re.Pattern[str]
    suggestion: str


@dataclass(frozen=True)
class Pattern:
    """A tone or graphic rule that is not a phrase: a regular expression and its message."""

    pattern: re.Pattern[str]
    message: str
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
    patterns: tuple[Pattern, ...] = ()
    keys: re.Pattern[str] | None = None  # patterns are tried only where one of these is

    @cached_property  # read for every block: made once per rule
    def phrases(self) -> tuple[str, ...]:
        return tuple(t.phrase for t in self.terms)

    def find(self, text: str) -> list[tuple[Term, re.Match[str]]]:
        """Every hit of the list's terms, in order (one scan of the text, whatever the
        number of terms)."""
        if not self.terms or not may_contain(self.phrases, text):
            return []
        combined = _combined(self)
        return [(self.terms[int((m.lastgroup or "t0")[1:])], m)
                for m in combined.finditer(text)]

    def find_patterns(self, text: str) -> list[tuple[Pattern, re.Match[str]]]:
        """Every hit of the list's patterns, in order. Each pattern scans on its own: the
        engine finds a pattern's leading word fast, which one alternation of them all
        would defeat."""
        if self.keys is not None and not self.keys.search(text):
            return []  # none of the words every pattern needs: one fast scan, not many
        alone, screen = _screened(self)
        tried = alone if screen is None or not screen.search(text) else self.patterns
        hits = [(p, m) for p in tried for m in p.pattern.finditer(text)]
        return sorted(hits, key=lambda h: h[1].start())

    def words(self, key: str) -> list[str]:
        return list(self._word_lists.get(key, ()))

    @cached_property  # read for every block: made once per rule
    def _word_lists(self) -> dict[str, tuple[str, ...]]:
        return {k: tuple(str(w) for w in v or []) for k, v in self.extra.items()}


# Punctuation a brief is full of, none of it a letter or cased: read as a space when
# asking which words an ASCII text holds.
_PUNCTUATION = re.compile("[“”„‘’‚«»–—―‐‑…•·\u00a0\u202f\u2009]")
# Letters that IGNORECASE matches to ASCII letters although lower() does not give them
_ASCII_ALIKE = str.maketrans({"ſ": "s", "ı": "i", "İ": "i", "K": "k"})
_ASCII_RUN = re.compile(r"\w+", re.ASCII)
_VIEWS: dict[int, tuple[str, tuple[frozenset[str], str] | None]] = {}


def _ascii_words(text: str) -> tuple[frozenset[str], str] | None:
    """The words of a text and the text, lower-cased, when it is ASCII but for common
    punctuation; None otherwise. Kept for the last few texts: several lists read the
    same block."""
    kept = _VIEWS.get(id(text))
    if kept is not None and kept[0] is text:
        return kept[1]
    view = text if text.isascii() else _PUNCTUATION.sub(" ", text)
    found = None
    if view.isascii():
        lowered = view.lower()
        found = (frozenset(_ASCII_RUN.findall(lowered)), lowered)
    if len(_VIEWS) >= 8:
        _VIEWS.clear()
    _VIEWS[id(text)] = (text, found)
    return found


def may_contain(phrases: tuple[str, ...], text: str) -> bool:
    """False only when none of the phrases (terms as `compile_term` reads them) can
    match: in an ASCII text a term matches only where the text has the term's longest
    whole word as a word (or, for `behead*`, a word starting with `behead`), so most
    blocks need no scan at all. Any other text is scanned."""
    whole_words, prefixes, every = _words_needed(phrases)
    view = None if every else _ascii_words(text)
    if view is None:
        return True
    words, lowered = view
    return not whole_words.isdisjoint(words) or bool(prefixes and prefixes.search(lowered))


@cache
def _words_needed(phrases: tuple[str, ...]) -> tuple[frozenset[str], re.Pattern[str] | None,
                                                     bool]:
    whole: set[str] = set()
    starts: list[str] = []
    every = False  # a term that does not start with a letter or digit: always scan
    for phrase in phrases:
        stem = phrase.strip()
        open_end = stem.endswith("*")
        stem = stem.rstrip("*")
        folded = stem.replace("İ", "i").lower().translate(_ASCII_ALIKE)
        found = list(re.finditer(r"\w+", folded))
        if not stem[:1].isalnum() or not found:
            every = True
            continue
        # a word of the term the text must hold whole: not one `*` leaves open
        complete = [m.group(0) for m in found if m.end() < len(folded) or not open_end]
        if complete:
            whole.add(max(complete, key=len))
        else:
            starts.append(found[0].group(0))
    # the open words' stems as one pattern: a single scan of the lower-cased text
    starts_pattern = re.compile("|".join(map(re.escape, starts))) if starts else None
    return frozenset(whole), starts_pattern, every


_SCREENS: dict[int, tuple[Rule, tuple[Pattern, ...], re.Pattern[str] | None]] = {}
_BACKREFERENCE = re.compile(r"\\\d|\(\?P=|^\(\?[a-zA-Z]+\)")


def _screened(rule: Rule) -> tuple[tuple[Pattern, ...], re.Pattern[str] | None]:
    """A rule's patterns that start at a word boundary, as one pattern that tells whether
    any of them can match (most texts match none: one scan instead of one each), and
    the patterns always tried on their own (no word to start from, or a back-reference
    that would not survive being joined to others)."""
    kept = _SCREENS.get(id(rule))
    if kept is None or kept[0] is not rule:
        joinable = [p for p in rule.patterns if p.pattern.pattern.startswith("\\b")
                    and not _BACKREFERENCE.search(p.pattern.pattern)]
        screen = None
        if len(joinable) > 1:
            try:
                screen = re.compile("|".join(f"(?:{p.pattern.pattern})" for p in joinable),
                                    re.IGNORECASE)
            except re.error:
                joinable = []
        alone = tuple(p for p in rule.patterns if screen is None or p not in joinable)
        kept = (rule, alone, screen)
        _SCREENS[id(rule)] = kept
    return kept[1], kept[2]


_COMBINED: dict[int, tuple[Rule, re.Pattern[str]]] = {}
_WORD_START = r"(?<![\w-])"


def _combined(rule: Rule) -> re.Pattern[str]:
    """All of a list's terms as one pattern that looks only at the start of words and
    branches on their first letter, so a scan costs about the same for 5 terms or 500."""
    kept = _COMBINED.get(id(rule))
    if kept is None or kept[0] is not rule:
        # longest terms first, so "burned to death" wins over a shorter overlapping term
        order = sorted(range(len(rule.terms)), key=lambda i: -len(rule.terms[i].phrase))
        kept = (rule, terms_pattern([(f"t{i}", rule.terms[i].phrase) for i in order]))
        _COMBINED[id(rule)] = kept
    return kept[1]


def terms_pattern(terms: list[tuple[str, str]]) -> re.Pattern[str]:
    """Terms (group name, phrase) as one pattern that looks only at the start of words and
    branches on their first letter, so a scan costs about the same for 5 terms or 500."""
    by_letter: dict[str, list[str]] = {}
    others: list[str] = []
    for name, phrase in terms:
        pattern = compile_term(phrase).pattern
        group = f"?P<{name}>" if name else "?:"
        if pattern.startswith(_WORD_START) and pattern[len(_WORD_START)].isalnum():
            rest = pattern[len(_WORD_START) :]
            by_letter.setdefault(rest[0].lower(), []).append(f"({group}{rest[1:]})")
        else:
            others.append(f"({group}{pattern})")
    words = "|".join(f"{c}(?:{'|'.join(alts)})" for c, alts in by_letter.items())
    return re.compile("|".join(([f"{_WORD_START}(?:{words})"] if words else []) + others),
                      re.IGNORECASE)


def compile_term(phrase: str) -> re.Pattern[str]:
    """`behead*` -> whole-word regex; spaces match any run of whitespace."""
    stem = phrase.strip()
    open_end = stem.endswith("*")
    stem = stem.rstrip("*")
    body = r"\s+".join(re.escape(w) for w in stem.split())
    start = _WORD_START if stem[:1].isalnum() else ""
    end = r"[\w-]*" if open_end else (r"(?![\w])" if stem[-1:].isalnum() else "")
    return re.compile(start + body + end, re.IGNORECASE)


class TermModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    term: str = Field(min_length=1)
    suggestion: str | None = None


class PatternModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str = Field(min_length=1)
    message: str = Field(min_length=1)
    suggestion: str = ""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression ({exc})") from None
        return value


class RuleModel(BaseModel):
    """One list of a word-list file."""

    model_config = ConfigDict(extra="forbid")
    severity: Severity = Severity.warning
    message: str | None = None
    suggestion: str = ""
    terms: list[TermModel | str | int | float] = Field(default_factory=list)
    patterns: list[PatternModel] = Field(default_factory=list)
    # list-specific word sets: hashtags' group words, titles' distancing words,
    # the graphic patterns' acts, methods and victims, channels' hosts
    group_words: list[str] = Field(default_factory=list)
    distancing: list[str] = Field(default_factory=list)
    acts: list[str] = Field(default_factory=list)
    methods: list[str] = Field(default_factory=list)
    victims: list[str] = Field(default_factory=list)
    hosts: list[str] = Field(default_factory=list)
    schemes: list[str] = Field(default_factory=list)
    # word classes the patterns name as {class}: insults, derogatory words, people...
    classes: dict[str, list[str]] = Field(default_factory=dict)
    # words (or {class}es) one of which every pattern of the list needs: a block without
    # any is not searched with the patterns
    keys: list[str] = Field(default_factory=list)


def _lines(node: yaml.Node, path: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out[(*path, key.value)] = key.start_mark.line + 1
            _lines(value, (*path, key.value), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _lines(item, (*path, i), out)


def _line_of(lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> int:
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return 1


def _load(path: Path) -> tuple[dict[str, Any], dict[tuple[Any, ...], int]]:
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError:
        raise VocabularyError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise VocabularyError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}:1: expected a mapping of lists at the top")
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _lines(node, (), lines)
    return data, lines


_CLASS = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class _ClassError(Exception):
    def __init__(self, index: int, message: str, field: str = "patterns") -> None:
        super().__init__(message)
        self.index, self.message, self.field = index, message, field


def _expand(pattern: str, classes: dict[str, list[str]], index: int) -> str:
    """A pattern with each {class} replaced by an alternation of the class's words."""
    def one(m: re.Match[str]) -> str:
        words = classes.get(m.group(1))
        if words is None:
            known = ", ".join(sorted(classes)) or "none"
            raise _ClassError(index, f"names the word class {{{m.group(1)}}}, which the list "
                                     f"does not define (classes: {known})")
        alternatives = [compile_term(w).pattern for w in words if w.strip().rstrip("*")]
        return f"(?:{'|'.join(alternatives) or '(?!)'})"
    expanded = _CLASS.sub(one, pattern)
    try:
        re.compile(expanded)
    except re.error as exc:
        raise _ClassError(index, f"not a valid regular expression once its classes are "
                                 f"filled in ({exc})") from None
    return expanded


def _rule(name: str, model: RuleModel) -> Rule:
    terms: list[Term] = []
    for entry in model.terms:
        if isinstance(entry, TermModel):
            phrase, hint = entry.term, entry.suggestion or model.suggestion
        else:
            phrase, hint = str(entry), model.suggestion
        if phrase.strip().rstrip("*"):
            terms.append(Term(phrase, compile_term(phrase), hint))
    patterns = tuple(Pattern(re.compile(_expand(p.pattern, model.classes, i), re.IGNORECASE),
                             p.message, p.suggestion or model.suggestion)
                     for i, p in enumerate(model.patterns))
    extra = {k: getattr(model, k) for k in ("group_words", "distancing", "acts", "methods",
                                            "victims", "hosts", "schemes")}
    keys: list[str] = []
    for i, key in enumerate(model.keys):
        named = _CLASS.fullmatch(key.strip())
        if named and named.group(1) not in model.classes:
            raise _ClassError(i, f"names the word class {key.strip()}, which the list does "
                                 f"not define", field="keys")
        keys += model.classes[named.group(1)] if named else [key]
    keys = [k for k in keys if k.strip().rstrip("*")]
    return Rule(name, model.severity, model.message or name, model.suggestion, tuple(terms),
                extra, patterns,
                terms_pattern([("", k) for k in dict.fromkeys(keys)]) if keys else None)


@cache
def load_rules(path: Path) -> dict[str, Rule]:
    """Every list in a vocabulary file, by name. Raises VocabularyError naming FILE:LINE
    for each mistake."""
    data, lines = _load(path)
    problems: list[str] = []
    rules: dict[str, Rule] = {}
    for name, raw in data.items():
        try:
            rules[str(name)] = _rule(str(name), RuleModel.model_validate(raw))
        except ValidationError as exc:
            for err in exc.errors():
                loc = (name, *err["loc"])
                field = ".".join(str(p) for p in loc if not (isinstance(p, str) and
                                                             p in ("TermModel", "str")))
                problems.append(f"{path}:{_line_of(lines, tuple(loc))}: {field}: {err['msg']}")
        except _ClassError as exc:
            at: tuple[Any, ...] = ((name, "patterns", exc.index, "pattern")
                                   if exc.field == "patterns" else (name, "keys", exc.index))
            where = ".".join(str(p) for p in at)
            problems.append(f"{path}:{_line_of(lines, at)}: {where}: {exc.message}")
    if problems:
        raise VocabularyError("\n".join(dict.fromkeys(problems)))
    return rules


def _needs(rules: dict[str, Rule], path: Path, *names: str) -> dict[str, Rule]:
    missing = [n for n in names if n not in rules]
    if missing:
        raise VocabularyError(f"{path}:1: missing list(s): {', '.join(missing)}")
    return rules


def graphic_rules() -> Rule:
    return _needs(load_rules(GRAPHIC_FILE), GRAPHIC_FILE, "graphic")["graphic"]


def style_guide() -> dict[str, Rule]:
    return _needs(load_rules(STYLE_GUIDE_FILE), STYLE_GUIDE_FILE, "slogans", "hashtags",
                  "media_outlets", "titles", "links", "lecturing", "mocking", "insults")
