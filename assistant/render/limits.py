"""Limits on what a template may cost: time, output, and the size of any one value.

Templates are files a communicator edits, so a mistake (or a hostile file) must not
hang the app or exhaust its memory. The sandbox already refuses Python internals and
ranges over 100,000 items; on top of that:

- arithmetic is intercepted: a power whose result would exceed `MAX_INT_BITS`, or a
  repetition (`'x' * n`, `[..] * n`) or addition whose result would exceed `MAX_VALUE`,
  is refused before it is computed (and never folded at compile time);
- a call or filter given a number above `MAX_NUMBER` (`center(10**9)`, a format width)
  or asked to replace the empty string is refused;
- a filter or string method that builds a large string from a small input (`format`,
  `wordwrap`, `indent`, `join`, `truncate`, `replace`, `expandtabs`, `tojson`...) has its
  result's size estimated from its arguments and is refused before it runs: the work
  happens outside template code, where the clock is not watched;
- while a template runs, each of its lines checks the clock (`time_limit`) and the
  size of the values it holds, so nested loops or a value doubled line after line stop
  with the template's name and line;
- the output stops at `MAX_OUTPUT` characters.
"""

from __future__ import annotations

import functools
import re
import sys
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

MAX_OUTPUT = 5_000_000
MAX_VALUE = 2_000_000
MAX_INT_BITS = 4096
MAX_NUMBER = 100_000
DEFAULT_TIME_LIMIT = 10.0

_FORMAT_WIDTH = re.compile(r"\d{6,}")
_NUMBERS = re.compile(r"\d+")
MAX_WRAP = 200_000
"""wordwrap is slow per character (textwrap in Python): longer texts are refused."""


class TemplateLimit(Exception):
    """A template went over one of the limits; the message says which."""


def size(value: Any, depth: int = 0) -> int:
    """A cheap estimate of how much a value holds (characters, items, nested items)."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() // 8
    if isinstance(value, list | tuple | dict | set | frozenset) and depth < 3:
        items = list(value.values()) if isinstance(value, dict) else list(value)[:100]
        if not items:
            return 0
        sampled = sum(size(item, depth + 1) + 1 for item in items[:100])
        return sampled * len(value) // min(len(value), 100)
    return 1


def _check_number(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise TemplateLimit(f"the number {_short(value)} is too large for a template "
                            f"(at most {MAX_NUMBER:,})")


def _short(value: int) -> str:
    if value.bit_length() > 64:
        return f"with {len(str(abs(value))) if value.bit_length() < 14000 else 'thousands of'} digits"
    return f"{value:,}"


def check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        _check_number(value)


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a call whose arguments would make it enormous; the arguments to call it
    with (a generator given to `str.join` listed, so that it could be measured)."""
    check_arguments(args, kwargs)
    method = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    name = getattr(method, "__name__", "")
    owner = getattr(method, "__self__", None)
    if isinstance(owner, str):
        if name == "join" and len(args) == 1 and _count(args[0]) < 0:
            args = (list(args[0]),)
        _check_method(owner, name, args)
        if name == "replace" and args:
            _check_replace(owner, args[0], args[1] if len(args) > 1 else "")
    return args


def _check_format(template: str) -> None:
    """A format string's widths and precisions, added up, bound what it can print."""
    if _FORMAT_WIDTH.search(template):
        raise TemplateLimit("a format width or precision above 99,999 is refused")
    if "%" in template or "{" in template:
        _check_result(len(template) + sum(int(n) for n in _NUMBERS.findall(template)))


def _check_result(estimate: int) -> None:
    if estimate > MAX_VALUE:
        raise TemplateLimit(f"the result would be over {MAX_VALUE:,} characters")


def _text_size(value: Any) -> int:
    return len(value) if isinstance(value, str) else len(str(value)) if isinstance(value, int) \
        else size(value)


def _count(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return -1  # a generator: it has to be listed before it can be measured


def _check_filter(name: str, given: dict[str, Any]) -> None:
    """Refuse a filter whose result, estimated from its arguments, would be enormous."""
    if name == "format" and isinstance(given.get("value"), str):
        _check_format(given["value"])
    elif name == "wordwrap":
        text, width = given.get("s", ""), given.get("width", 79)
        wrap = given.get("wrapstring") or "\n"
        length = _text_size(text)
        if isinstance(width, int) and isinstance(wrap, str):
            _check_result(length + length // max(1, width) * len(wrap))
        if length > MAX_WRAP:
            raise TemplateLimit(f"wordwrap is refused on over {MAX_WRAP:,} characters")
    elif name == "indent":
        text, width = given.get("s", ""), given.get("width", 4)
        per_line = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        lines = text.count("\n") + 1 if isinstance(text, str) else 1
        _check_result(_text_size(text) + lines * per_line)
    elif name == "join":
        sep, items = given.get("d", ""), given.get("value")
        if isinstance(sep, str):
            _check_result(size(items) + len(sep) * _count(items))
    elif name == "truncate":
        end = given.get("end", "...")
        if isinstance(end, str):
            _check_result(len(end) + min(_text_size(given.get("s", "")),
                                         int(given.get("length", 255) or 0) + 5))
    elif name == "center":
        _check_result(_text_size(given.get("value", "")) + int(given.get("width", 80) or 0))
    elif name == "tojson" and isinstance(given.get("indent"), int):
        value = given.get("value")
        _check_result(size(value) + given["indent"] * 4 * (1 + size(value, 2)))


def _check_method(text: str, name: str, args: tuple[Any, ...]) -> None:
    """Refuse a string method whose result would be enormous."""
    if name in ("format", "format_map"):
        _check_format(text)
    elif name == "expandtabs":
        tab = args[0] if args and isinstance(args[0], int) else 8
        _check_result(len(text) + text.count("\t") * tab)
    elif name == "join" and args and _count(args[0]) >= 0:
        _check_result(size(args[0]) + len(text) * _count(args[0]))
    elif name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
        _check_result(len(text) + args[0])


def _check_replace(text: Any, old: Any, new: Any) -> None:
    if not isinstance(text, str) or not isinstance(old, str) or not isinstance(new, str):
        return
    if old == "" and new:
        raise TemplateLimit("replacing the empty string is refused")
    if old and text.count(old) * len(new) > MAX_VALUE:
        raise TemplateLimit(f"the replacement would be over {MAX_VALUE:,} characters")


def binop(operator: str, left: Any, right: Any, table: dict[str, Callable[[Any, Any], Any]]) -> Any:
    """An intercepted `**`, `*`, `+` or `%`, refused when its result would be enormous."""
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 \
                and right * left.bit_length() > MAX_INT_BITS:
            raise TemplateLimit(f"the power {_short(left)} ** {_short(right)} is too large "
                                "for a template")
    elif operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(count, int) and not isinstance(count, bool) and \
                    isinstance(seq, str | bytes | list | tuple) and \
                    size(seq) * max(count, 0) > MAX_VALUE:
                raise TemplateLimit(f"repeating a value {_short(count)} times would make "
                                    f"it over {MAX_VALUE:,} long")
        if isinstance(left, int) and isinstance(right, int) and \
                left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TemplateLimit("the product is too large for a template")
    elif operator == "+":
        if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple) and \
                size(left) + size(right) > MAX_VALUE:
            raise TemplateLimit(f"joining these values would make one over {MAX_VALUE:,} long")
    elif operator == "%" and isinstance(left, str):
        _check_format(left)
    return table[operator](left, right)


RECORD_FILTERS = frozenset({"default", "d", "string", "cite", "long_date", "attr"})
"""Filters that may be given a whole corpus record: the others would iterate its fields,
curator notes included."""


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses enormous numeric arguments (`center(10**9)`, `batch(10**9)`),
    and, unless it is one of RECORD_FILTERS, a whole record (`quote|list`)."""
    import inspect

    from pydantic import BaseModel

    signature = inspect.signature(function)

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        check_arguments(args, kwargs)
        if name not in RECORD_FILTERS and any(isinstance(a, BaseModel) for a in args):
            raise TemplateLimit(f"the filter '{name}' cannot take a whole record; use its "
                                "fields (quote.text, quote.context...)")
        if function.__name__ == "do_replace" and len(args) >= 4:
            _check_replace(args[1], args[2], args[3])
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:
            bound = None  # the call fails below, with Jinja's own message
        if bound is not None:
            if name == "join" and _count(bound.arguments.get("value")) < 0:
                bound.arguments["value"] = list(bound.arguments["value"])  # to measure it
                args, kwargs = bound.args, bound.kwargs
            _check_filter(name, bound.arguments)
        return function(*args, **kwargs)

    return wrapper


class Watch:
    """While active, every line of a template checks the clock and the size of its values.

    Only frames of compiled templates are traced (their file names are the templates'),
    so the cost falls on template code alone.
    """

    def __init__(self, files: Callable[[str], bool], time_limit: float) -> None:
        self.is_template = files
        self.time_limit = time_limit
        self.deadline = 0.0
        self.lines = 0
        self.where: tuple[str, int] | None = None  # the template line running last

    def _trace(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "call" and self.is_template(frame.f_code.co_filename):
            return self._line
        return None

    def _line(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            self.lines += 1
            self.where = (frame.f_code.co_filename, frame.f_lineno)
            if time.monotonic() > self.deadline:
                raise TemplateLimit(f"took longer than {self.time_limit:g} s (a loop too "
                                    "long or nested too deep?)")
            if self.lines % 16 == 0:
                for value in frame.f_locals.values():
                    held = getattr(value, "_Namespace__attrs", None)
                    for item in (held.values() if isinstance(held, dict) else (value,)):
                        if size(item) > MAX_VALUE:
                            raise TemplateLimit(f"a value grew over {MAX_VALUE:,} long")
        return self._line

    def run(self, pieces: Iterator[str]) -> str:
        """Join a template's output pieces under the limits."""
        previous = sys.gettrace()
        self.deadline = time.monotonic() + self.time_limit
        sys.settrace(self._trace)
        try:
            out: list[str] = []
            total = 0
            for piece in pieces:
                total += len(piece)
                if total > MAX_OUTPUT:
                    raise TemplateLimit(f"output over {MAX_OUTPUT:,} characters")
                if time.monotonic() > self.deadline:
                    raise TemplateLimit(f"took longer than {self.time_limit:g} s")
                out.append(piece)
            return "".join(out)
        finally:
            sys.settrace(previous)
