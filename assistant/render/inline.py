"""Corpus text set into a template's Markdown so that it stays where the template put it.

A quotation, a theme summary or a frame line is one run of text inside a block the
template chose (a block quote, a list item, a paragraph). Whatever it contains (line
breaks, `# headings`, `> quotes`, `![images](https://...)`, raw `<img>` tags, `**bold**`)
it must not open a block of its own, print a heading or an "Approved by" line, make an
export load anything, or change how it reads. So control characters are dropped, and
every character that would open a link, an image, an autolink, raw HTML, emphasis, code,
a character reference or a new block is backslash-escaped: every CommonMark reader shows
the character itself, as the corpus holds it (the checks undo the escapes the same way).

A line break in a quotation is shown as " / ", the printed convention for a line break
in run-in quotation: a hard break would end a table row or a list item's line, and a
space would silently join two lines the speaker kept apart. In our own words (summaries,
frame lines) a line break is a space, as in any paragraph of Markdown.

Also here: the house typography (curly quotation marks, en dashes) for our own words.
Quotations are never retyped: they are verbatim.
"""

from __future__ import annotations

import re
import unicodedata

# Everything that ends a line for some reader: CR, LF, VT, FF, NEL, LS, PS.
_LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")
# A backslash before punctuation (so the corpus cannot undo our escapes), raw HTML and
# autolinks (<), and the "](" that makes [text](address) a link or ![text](address) an image.
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_INLINE = re.compile(r"<|\](?=\()")
# Emphasis, code spans, strikethrough (some readers) and character references (&amp;).
_MARKUP = re.compile(r"[*_`~&]")
# What may open a block at the start of a line: headings, quotes, lists, rules, fences,
# setext underlines, tables, link definitions ([x]: address), indented code (stripped).
_LEADING = re.compile(r"^([#>+\-=~|*_`\[])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
# Not allowed in XML 1.0 (Word) and never meant in prose.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def without_controls(text: str) -> str:
    """`text` with control characters (other than tab and line breaks) removed, tabs as
    spaces: what Word's XML and a printed page can carry."""
    return _CONTROL.sub("", text).replace("\t", " ")


def one_line(text: str) -> str:
    """`text` as one line: each run of line breaks becomes one space, and spaces at either
    end go (other spaces, no-break ones included, stay as printed)."""
    return _LINE_BREAKS.sub(" ", without_controls(text)).strip(" ")


def quotation_line(text: str) -> str:
    """A quotation as one line: each run of line breaks (and the spaces around it) shown
    as " / "; spaces and breaks at either end go."""
    return _QUOTED_BREAKS.sub(" / ", without_controls(text).strip(_ENDS))


_QUOTED_BREAKS = re.compile(r" *(?:[\r\n\x0b\x0c\x85\u2028\u2029] *)+")
_ENDS = " \r\n\x0b\x0c\x85\u2028\u2029"


def inline(text: str, quotation: bool = False) -> str:
    """Corpus text made safe to set anywhere inside a Markdown block: one line (a
    quotation's line breaks shown as " / "), no construct that opens a block, a link, an
    image, raw HTML, emphasis or code."""
    line = quotation_line(text) if quotation else one_line(text)
    line = _BACKSLASH.sub(r"\\\\", line)
    line = _INLINE.sub(lambda m: "\\<" if m.group(0) == "<" else "]\\", line)
    line = _MARKUP.sub(lambda m: "\\" + m.group(0), line)
    line = _LEADING.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def typeset(text: str) -> str:
    """Our own words in the house style: curly quotation marks and apostrophes, spaced
    hyphens as en dashes. Not for quotations, which stay as printed."""
    text = re.sub(r"(?<=\s)-(?=\s)|(?<=\s)--(?=\s)", "–", text)
    text = re.sub(r'(^|[\s(\[—–/])"', r"\1“", text)
    text = text.replace('"', "”")
    text = re.sub(r"(^|[\s(\[—–/“])'", r"\1‘", text)
    return text.replace("'", "’")


def plain(text: str) -> str:
    """NFC-normalised, one-line, typeset text for titles and document properties."""
    return typeset(one_line(unicodedata.normalize("NFC", text)))
