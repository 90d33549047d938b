"""Numbers and dates in running text, written in digits or in words.

`numbers_in` finds "58", "865,000", "1.5 million", "25 per cent", "seven", "fifty-eight",
"Twelve", "a dozen", "nearly a hundred" (a round number that counts something, not "a
million reasons"), and shares read as per cent: "two-thirds", "a quarter", "half of",
"one in three"; `dates_in` finds "18 September 2015", "September 18, 2015", "21 September"
and "August 2015". Each comes with its offsets so a finding can point at its line.
Not numbers: years on their own, the day in a date, ordinals, labels ("narrative 2") and
counts of the brief's own parts ("3 quotes", "5 minutes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .spans import Spans

UNITS = {"zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "one": 1}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_RE = "|".join(MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"

def _trie(words: list[str]) -> str:
    """An alternation that branches on the first letter (fast to scan)."""
    by_letter: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        by_letter.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in by_letter.items())


_WORDS = _trie([*UNITS, *TENS, *SCALES, "dozen"])
_WORD_NUMBER = re.compile(rf"\b(?:{_WORDS})(?:(?:\s|-|\s+and\s+){{1,3}}(?:{_WORDS}))*\b", re.I)
# digits inside 12/02/2026, 14:30 or "Quran 5:32" state no figure
_DIGITS = re.compile(r"(?<![\w.,/:–—-])(\d{1,3}(?:,\d{3})+|\d{1,15}(?:\.\d{1,6})?)"
                     r"(?:\s{1,3}(million|billion|thousand))?(?![\w–—-]|[.,:/]\d)", re.I)
_DAY_BEFORE = re.compile(rf"(?:{_MONTH_RE})\.?\s{{0,3}}$", re.I)
_DAY_AFTER = re.compile(rf"^\s{{0,3}}(?:st|nd|rd|th)?\s{{0,3}}(?:of\s+)?(?:{_MONTH_RE})\b", re.I)
_LABEL_BEFORE = re.compile(r"(?:narrative|quote|step|part|section|page|chapter|figure|table|"
                           r"no\.|number|theme|item|version|slide|appendix|point|question|"
                           r"round|phase|week|day|level|tier|option|draft|post|voice|session|exercise|activity|"
                           r"card|handout|reference|source|note|case|example)\s{0,3}$", re.I)
_UNIT_AFTER = re.compile(r"^[\s-]{0,3}(?:of\s{1,3}(?:the\s{1,3})?(?:[\w-]{1,12}\s{1,3})?)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|slides?|"
                         r"pages?|words?|quotes?|quotations?|characters?|narratives?|points?|"
                         r"questions?|steps?|parts?|sections?|sentences?|paragraphs?|posts?|"
                         r"rounds?|times a|things?|groups?|voices?|o'clock|am\b|pm\b)\b", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_PERCENT_AFTER = re.compile(r"^\s{0,3}(?:%|per\s?cent|percent)", re.I)
_DATE = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+((?:19|20)\d\d))?"
    rf"|({_MONTH_RE})\.?\s+(?:(\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)"
    rf"|({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b", re.I)


@dataclass(frozen=True)
class Number:
    value: float
    raw: str
    start: int
    end: int
    percent: bool = False


@dataclass(frozen=True)
class DateMention:
    """A date as written: year and month, day when given, year None when left out."""

    year: int | None
    month: int
    day: int | None
    raw: str
    start: int
    end: int

    def iso(self) -> str:
        """"2015-09-18", "2015-08" or "-09-21" when the year was not written."""
        y = f"{self.year:04d}" if self.year else ""
        return f"{y}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")


def _month(name: str) -> int:
    name = name.lower()[:3]
    return next(i for i, m in enumerate(MONTHS, start=1) if m.startswith(name))


_DIGIT = re.compile(r"\d")


def dates_in(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    if not _DIGIT.search(text):
        return found
    for m in _DATE.finditer(text):
        if m.group(2):
            day, month, year = m.group(1), m.group(2), m.group(3)
        elif m.group(4):
            month, day, year = m.group(4), m.group(5), m.group(6)
        else:
            month, day, year = m.group(7), m.group(8), None
        d = int(day) if day else None
        if d is not None and not 1 <= d <= 31:
            continue
        found.append(DateMention(int(year) if year else None, _month(month), d, m.group(0),
                                 m.start(), m.end()))
    return found


def word_value(phrase: str) -> float | None:
    """The value of "fifty-eight", "two hundred", "1.5 million"; None if not a number."""
    total, current, seen = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", phrase.lower()):
        if w == "and" or not w:
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":  # "a dozen", "two dozen"
            current = (current or 1) * 12
        elif w in SCALES:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            try:
                current += float(w.replace(",", ""))
            except ValueError:
                return None
        seen = True
    return total + current if seen else None


def _excluded(text: str, start: int, end: int, raw: str) -> bool:
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if _ORDINAL_AFTER.match(after) or _DAY_AFTER.match(after) or _UNIT_AFTER.match(after):
        return True
    # a month or a label ends in a letter or a full stop ("no."): the patterns, tried at
    # every place of the 40 characters, are tried only then (a list of numbers has many)
    last = before.rstrip()[-1:]
    if not (last.isalpha() or last == "."):
        return False
    return bool(_DAY_BEFORE.search(before) or _LABEL_BEFORE.search(before))


# Shares in words are figures too, read as per cent: "two-thirds", "a quarter", "half of",
# "one in three", "3 out of 4".
ORDINALS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
            "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
            "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_SMALL = _trie([w for w in UNITS if UNITS[w] <= 10 and w != "zero"] + ["a", "an"])
_FRACTION = re.compile(
    rf"\b(?P<num>{_SMALL})[\s-]+(?P<den>{_trie(list(ORDINALS))})\b(?![\s-]+(?:of\s+(?:a|an)\s+)?"
    r"(?:hour|minute|second|day|week|month|year|century|mile|inch|kilo|litre|liter|way)s?\b)"
    rf"|\b(?P<half>half)\b(?=[\s-]+(?:of\b|the\b|all\b|its\b|their\b|those\b|these\b|\d))"
    r"(?![\s-]+(?:of\s+)?(?:the|its|their)\s+(?:time|battle|story|fun|problem|reason|way)\b)"
    rf"|\b(?P<n>{_SMALL}|\d{{1,2}})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d>{_trie([w for w in UNITS if UNITS[w] <= 19 and UNITS[w] > 1] + list(TENS))}|\d{{1,3}})\b",
    re.I)
# "a hundred", "a thousand": a figure where it counts something, not "a million reasons"
_APPROX_BEFORE = re.compile(r"(?:nearly|almost|about|around|roughly|some|over|under|more than|"
                            r"fewer than|less than|at least|up to|close to|approximately|"
                            r"perhaps|maybe|only|just|well over|just over|just under)\s+$", re.I)
_COUNTED_AFTER = re.compile(r"^\s+(?:of\b|people|men|women|children|defectors?|fighters?|"
                            r"recruits?|foreigners?|britons|europeans|members|cases|deaths|"
                            r"returnees|others|who\b|had\b|have\b|were\b|are\b)", re.I)


def _value_of(word: str) -> float:
    w = word.lower()
    return 1.0 if w in ("a", "an") else float(UNITS.get(w, TENS.get(w, 0)) or int(w))


def _fractions(text: str) -> list[Number]:
    found = []
    for m in _FRACTION.finditer(text):
        if m.group("half"):
            share = 0.5
        elif m.group("den"):
            share = _value_of(m.group("num")) / ORDINALS[m.group("den").lower()]
        else:
            denominator = _value_of(m.group("d"))
            if not denominator:
                continue
            share = _value_of(m.group("n")) / denominator
        if 0 < share <= 1:
            found.append(Number(round(share * 100, 1), m.group(0), m.start(), m.end(), True))
    return found


# a telephone number ("0800 789 321", "+44 20 7123 4567") states no figure
_PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}|0\d{1,4})(?:[ -]\(?\d{2,4}\)?){1,4}"
                    r"(?![\w,.]\d|\d)")


def numbers_in(text: str) -> list[Number]:
    """Every number in the text that may state a figure, in order."""
    found: list[Number] = _fractions(text)
    shares = Spans((n.start, n.end) for n in found)
    phones = Spans(m.span() for m in _PHONE.finditer(text))
    for m in _DIGITS.finditer(text):
        raw = m.group(1)
        if phones.holds(m.start()) or shares.holds(m.start()):
            continue
        if re.fullmatch(r"(19|20)\d\d", raw) and not m.group(2):
            continue  # a year
        if _excluded(text, m.start(), m.end(), raw):
            continue
        value = float(raw.replace(",", ""))
        if m.group(2):
            value *= SCALES[m.group(2).lower()]
        pct = bool(_PERCENT_AFTER.match(text[m.end() : m.end() + 12]))
        found.append(Number(value, m.group(0), m.start(), m.end(), pct))
    for m in _WORD_NUMBER.finditer(text):
        phrase = m.group(0)
        if shares.holds(m.start()):
            continue
        if phrase.lower() in ("hundred", "thousand", "million", "billion"):
            # "a hundred people", "nearly a thousand": a figure where it counts something
            before = text[max(0, m.start() - 24) : m.start()]
            article = re.search(r"\b(an?)\s+$", before, re.I)
            if not article or not (_APPROX_BEFORE.search(before[: article.start()])
                                   or _COUNTED_AFTER.match(text[m.end() : m.end() + 16])):
                continue  # "a million reasons": not a figure
            phrase = text[m.start() - (len(before) - article.start()) : m.end()]
            if _excluded(text, m.start(), m.end(), phrase):
                continue
            found.append(Number(SCALES[m.group(0).lower()], phrase, m.end() - len(phrase),
                                m.end()))
            continue
        if phrase.lower() == "one":
            continue  # "one of them": not a figure
        if _excluded(text, m.start(), m.end(), phrase):
            continue
        worth = word_value(phrase)
        if worth is not None:
            pct = bool(_PERCENT_AFTER.match(text[m.end() : m.end() + 12]))
            found.append(Number(worth, phrase, m.start(), m.end(), pct))
    return sorted(found, key=lambda n: n.start)


def plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
