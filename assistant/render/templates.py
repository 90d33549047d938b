"""Templates as data: a sandboxed Jinja2 environment over `templates/*.md.j2`.

A communicator may edit these files, so they are treated as untrusted: the sandbox
refuses access to Python internals and changes to the values it is given, an undefined
name is an error rather than an empty string, what a template may cost in time, output
and memory is bounded (`limits.py`), and every failure is a TemplateError naming the
file and line.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..compose.catalogue import TemplateCatalogue, display_path, split_front_matter
from ..compose.errors import TemplateError
from ..corpus.characters import forbidden_character
from . import limits
from .citations import cite, long_date

__all__ = ["TemplateError", "TemplateLibrary"]


class _Loader(jinja2.BaseLoader):
    """Loads from one directory; a front-matter header is blanked so line numbers hold."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = (self.directory / template).resolve()
        if self.directory.resolve() not in path.parents or not path.is_file():
            raise jinja2.TemplateNotFound(template)
        text = TemplateCatalogue.read(path)
        bad = forbidden_character(text)
        if bad is not None:  # it would reach every brief, and break the Word export
            raise TemplateError(display_path(path), text.count("\n", 0, bad[0]) + 1,
                                f"the template holds a character that is not allowed ({bad[1]})")
        if text.startswith("---"):
            _, text = split_front_matter(text, display_path(path))
        mtime = path.stat().st_mtime
        return text, str(path), lambda: path.is_file() and path.stat().st_mtime == mtime


def _template_line(tb: TracebackType | None, files: set[str]) -> tuple[str, int] | None:
    """The innermost template frame of a traceback: Jinja rewrites them to template lines."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in files or filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


CURATOR_ONLY: dict[str, tuple[str, ...]] = {"Quote": ("note",)}
"""Fields of corpus records that are for curators alone: no template may read them."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox with arithmetic and calls held to the limits in `limits.py`."""

    intercepted_binops = frozenset(("**", "*", "+", "%"))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Curator notes are never printed, and a record's pydantic methods (`model_dump`
        would hand over every field) are not reachable."""
        from pydantic import BaseModel

        if isinstance(obj, BaseModel) and (
            attr in CURATOR_ONLY.get(type(obj).__name__, ())
            or attr.startswith("model_") or attr in ("dict", "json", "copy")
        ):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any,
                   right: Any) -> Any:
        return limits.binop(operator, left, right, self.binop_table)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any,
             *args: Any, **kwargs: Any) -> Any:
        args = limits.check_call(__obj, args, kwargs)
        # Counted here, not left to RecursionError: deep Jinja frames can overflow the C
        # stack (a crash, not an exception) before Python's own limit is reached.
        depth = getattr(_CALLS, "depth", 0)
        if depth >= MAX_CALL_DEPTH:
            raise limits.TemplateLimit(f"calls nested more than {MAX_CALL_DEPTH} deep "
                                       "(a macro calling itself without end?)")
        _CALLS.depth = depth + 1
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            _CALLS.depth = depth


MAX_CALL_DEPTH = 50
"""Macros and functions calling each other deeper than this are refused."""
_CALLS = threading.local()  # the current call depth, per rendering thread


class TemplateLibrary(TemplateCatalogue):
    """The brief formats in a directory, and rendering them safely."""

    def __init__(self, directory: Path, time_limit: float = limits.DEFAULT_TIME_LIMIT) -> None:
        super().__init__(directory)
        self.time_limit = time_limit
        self.env = _Sandbox(
            loader=_Loader(directory),
            undefined=jinja2.StrictUndefined,
            autoescape=jinja2.select_autoescape(
                enabled_extensions=("html.j2",), default_for_string=False, default=False
            ),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update({"cite": cite, "long_date": long_date})
        for name, function in list(self.env.filters.items()):
            self.env.filters[name] = limits.bounded_filter(name, function)

    def render(self, name: str, context: Mapping[str, Any]) -> str:
        """Render a template file (`policy-brief.md.j2`, `_page.html.j2`) with `context`.

        Raises TemplateError naming the file and line for a syntax error, an undefined
        name, an attempt to reach Python internals, a limit exceeded (time, output, the
        size of a value), or any other failure inside it.
        """
        shown = display_path(self.directory / name)
        watch = limits.Watch(lambda file: file.endswith(".j2"), self.time_limit)
        try:
            return watch.run(self.env.get_template(name).generate(context))
        except TemplateError:
            raise
        except jinja2.TemplateSyntaxError as exc:
            file = display_path(Path(exc.filename)) if exc.filename else shown
            raise TemplateError(file, exc.lineno, f"syntax error: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(shown, 0, f"template '{exc.name}' not found in "
                                          f"{display_path(self.directory)}") from None
        except Exception as exc:
            where = _template_line(exc.__traceback__, {str(self.directory / name)})
            if where is None and isinstance(exc, limits.TemplateLimit):
                where = self._last_line(watch)
            file, line = (display_path(Path(where[0])), where[1]) if where else (shown, 0)
            raise TemplateError(file, line, _describe(exc)) from None


    def _last_line(self, watch: limits.Watch) -> tuple[str, int] | None:
        """The template line that ran last, for a limit reached outside template code."""
        if watch.where is None:
            return None
        filename, code_line = watch.where
        for template in list((self.env.cache or {}).values()):
            if template.filename == filename:
                return filename, template.get_corresponding_lineno(code_line)
        return None


def _describe(exc: Exception) -> str:
    if isinstance(exc, limits.TemplateLimit):
        return f"refused by the template limits: {exc}"
    if isinstance(exc, SecurityError):
        return f"refused by the template sandbox: {exc}"
    if isinstance(exc, RecursionError):
        return "a macro calls itself without end"
    if isinstance(exc, jinja2.UndefinedError):
        return f"undefined name: {exc.message}"
    return f"{type(exc).__name__}: {exc}"
