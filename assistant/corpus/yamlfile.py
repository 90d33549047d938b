"""Read a YAML file keeping the line of every mapping key and list item.

Validation messages must name `file:line`, so the loader remembers where each value
came from. It uses PyYAML's C parser when it is available.

A corpus file is hand-edited and may come from anywhere, so reading it is bounded: a
size limit before parsing, a nesting and alias limit checked on the parser's events
before anything is built (a 40,000-level list would otherwise overflow the C stack),
and every value the constructor cannot make (`!!int foo`, `2015-02-30`, a 5,000-digit
number, `!!bool maybe`) reported at its line instead of escaping as a Python error.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml
from yaml import events

from .characters import forbidden_character
from .folder import MAX_BYTES

try:  # the C loader is several times faster; fall back quietly where it is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_DEPTH = 64
"""Corpus records nest four or five levels deep; anything far deeper is not a corpus."""
MAX_INT_BITS = 3400
"""About a thousand digits: far beyond any figure, well below Python's conversion limit."""
MAX_ALIASES = 100
"""Aliases (`*name`) let a few lines expand to billions of values."""


class LinedDict(dict[Any, Any]):
    """A mapping that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[Hashable, int]


class LinedList(list[Any]):
    """A sequence that knows the 1-based line of itself and of each item."""

    line: int = 0
    item_lines: list[int]


class YamlError(Exception):
    """A file that cannot be read as YAML; `line` is 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class _Loader(_BaseLoader):
    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (YamlError, yaml.YAMLError, RecursionError):
            raise
        except (ValueError, LookupError, ArithmeticError, TypeError, AttributeError):
            # PyYAML's own constructors let these through for a value they cannot make
            raise YamlError(_unreadable(node), node.start_mark.line + 1) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LinedDict:
        result = LinedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, Hashable):
                raise YamlError("a key must be a plain value", line)
            if key in result:
                raise YamlError(
                    f"duplicate key {key!r} (first given on line {result.key_lines[key]})", line
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = line
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LinedList:
        result = LinedList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result

    def construct_number(self, node: yaml.ScalarNode) -> int:
        value: int = self.construct_yaml_int(node)
        if value.bit_length() > MAX_INT_BITS:  # 0x… and 1:59:59… escape Python's digit limit
            raise YamlError("the number is over a thousand digits long; a figure belongs in "
                            "quotes as text", node.start_mark.line + 1)
        return value

    def construct_text(self, node: yaml.ScalarNode) -> str:
        value: str = self.construct_scalar(node)
        bad = forbidden_character(value)
        if bad is not None:
            offset, name = bad
            line = node.start_mark.line + 1
            if node.style in ("|", ">"):  # a block scalar starts on the line after its marker
                line += 1 + value.count("\n", 0, offset)
            raise YamlError(f"text holds a character that is not allowed ({name}); "
                            "remove it or retype the passage", line)
        return value


def _unreadable(node: yaml.Node) -> str:
    tag = node.tag.rsplit(":", 1)[-1] if node.tag else "value"
    if not isinstance(node, yaml.ScalarNode):
        kind = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
        return f"{kind} cannot be read as !!{tag}"
    value = str(node.value)
    shown = value if len(value) <= 40 else value[:37] + "..."
    digits = value.lstrip("+-").replace("_", "")
    if tag == "int" and digits.isdigit() and len(digits) > 1000:  # past Python's own limit
        return f"the number starting {value[:12]!r} has {len(value)} digits; a figure " \
               "belongs in quotes as text"
    if tag == "timestamp":
        return f"{shown!r} is not a real date"
    return f"{shown!r} cannot be read as !!{tag}"


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:str", _Loader.construct_text)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_number)

_TOO_LARGE = f"larger than {MAX_BYTES // 1_000_000} MB; split it into several files"
_OPEN = (events.MappingStartEvent, events.SequenceStartEvent)
_CLOSE = (events.MappingEndEvent, events.SequenceEndEvent)


def check_shape(text: str) -> None:
    """Refuse nesting and aliases beyond the limits, from the parser's events alone.

    Events come from an iterative parser, so even a 40,000-level document is walked
    without recursion; nothing is composed until it has passed.
    """
    parser = _BaseLoader(text)
    depth = aliases = 0
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, events.StreamEndEvent):
                return
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlError(f"nested more than {MAX_DEPTH} levels deep",
                                    _line(event))
            elif isinstance(event, _CLOSE):
                depth -= 1
            elif isinstance(event, events.AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise YamlError(f"more than {MAX_ALIASES} aliases (*name)",
                                    _line(event))
    finally:
        parser.dispose()


def _line(event: events.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 0


def _plain(problem: str) -> str:
    """The parser's words without "unexpected", which reads as the program failing."""
    problem = problem.replace("found unexpected end of stream", "the file ends here")
    return re.sub(r"found unexpected (.+)", r"found \1 where it cannot stand", problem)


def parse_yaml(text: str) -> Any:
    """Parse YAML text into LinedDict/LinedList values. Raises YamlError with a line."""
    try:
        if len(text) > MAX_BYTES:
            raise YamlError(_TOO_LARGE, 1)
        check_shape(text)
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        # the parser may place the end of the text on a line after the last one
        last = text.count("\n") + 1

        def line_at(mark: Any) -> int:
            return min(mark.line + 1, last) if mark is not None else 0

        mark = exc.problem_mark or exc.context_mark
        problem = _plain(exc.problem or exc.context or "invalid YAML")
        if exc.context and exc.context_mark and exc.problem_mark:
            # e.g. an unterminated quote: say where the unfinished thing began
            problem += f" ({exc.context} that starts on line {line_at(exc.context_mark)})"
        raise YamlError(f"YAML syntax: {problem}", line_at(mark)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML itself does not allow
        line = text.count("\n", 0, exc.position) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise YamlError(f"text holds a character that is not allowed (U+{ord(char):04X} "
                        f"{unicodedata.name(char, 'control character')}); remove it", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"YAML: {exc}") from None
    except RecursionError:
        raise YamlError(f"nested more than {MAX_DEPTH} levels deep") from None


def decode_yaml(data: bytes) -> str:
    """The text of a corpus file's bytes. Raises YamlError naming the byte and its line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise YamlError(f"not UTF-8 text (byte {exc.start})", line) from None


def read_yaml(path: Path) -> Any:
    """Parse one YAML file into LinedDict/LinedList values. Raises YamlError."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise YamlError(f"cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise YamlError(_TOO_LARGE, 1)
    return parse_yaml(decode_yaml(data))


def line_of(data: Any, loc: tuple[int | str, ...]) -> int:
    """The line of the deepest value along `loc` that the file recorded."""
    line = getattr(data, "line", 0) or 1
    node = data
    for step in loc:
        if isinstance(node, LinedDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LinedList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
