"""Read a YAML file keeping the line of every mapping key and list item.

Validation messages must name `file:line`, so the loader remembers where each value
came from. It uses PyYAML's C parser when it is available.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is several times faster; fall back quietly where it is missing
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class LinedDict(dict[Any, Any]):
    """A mapping that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[Hashable, int]


class LinedList(list[Any]):
    """A sequence that knows the 1-based line of itself and of each item."""

    line: int = 0
    item_lines: list[int]


class DuplicateKey(Exception):
    def __init__(self, key: object, line: int, first_line: int) -> None:
        super().__init__(f"duplicate key {key!r} (first given on line {first_line})")
        self.line = line


class _Loader(_BaseLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LinedDict:
        result = LinedDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value", key_node.start_mark
                )
            if key in result:
                raise DuplicateKey(key, line, result.key_lines[key])
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = line
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LinedList:
        result = LinedList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


class YamlError(Exception):
    """A file that cannot be read as YAML; `line` is 1-based (0 when unknown)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_yaml(path: Path) -> Any:
    """Parse one YAML file into LinedDict/LinedList values. Raises YamlError."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(f"not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise YamlError(f"cannot read: {exc.strerror}") from exc
    try:
        return yaml.load(text, Loader=_Loader)
    except DuplicateKey as exc:
        raise YamlError(str(exc), exc.line) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark and exc.problem_mark:
            # e.g. an unterminated quote: say where the unfinished thing began
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        raise YamlError(f"YAML syntax: {problem}", mark.line + 1 if mark else 0) from exc
    except yaml.YAMLError as exc:
        raise YamlError(f"YAML: {exc}") from exc
    except RecursionError as exc:
        raise YamlError("YAML nested too deeply") from exc


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
