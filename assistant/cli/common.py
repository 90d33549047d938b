"""What every command shares: settings, JSON output, and refusing without a traceback.

One error path: the library raises typed errors; `as_click_error` turns each type (never
its message text) into a refusal (exit 1) or a usage error (exit 2) with one message.
Anything else that escapes a command is a bug, and only then does the user read
"unexpected".
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from typing import Any, NoReturn

import click

from .settings import Settings

__all__ = ["BadUsage", "Refused", "Settings", "as_click_error", "echo_json", "main_wrapper",
           "not_utf8_argument", "settings", "unknown_id"]


class Refused(click.ClickException):
    """The work was refused (invalid corpus, failing checks, forbidden action): exit 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        from ..corpus.characters import escaped  # a message never acts on the terminal

        click.echo(f"error: {escaped(self.format_message())}", err=True)


class BadUsage(Refused):
    """A usage error that needs no usage text (a corpus folder that is not one, a file
    name whose extension names another format): exit 2."""

    exit_code = 2


def settings(ctx: click.Context) -> Settings:
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def unknown_id(kind: str, given: str, known: list[str]) -> NoReturn:
    """An id that does not exist is a usage error (exit 2) that lists the valid ones."""
    raise click.UsageError(_escaped(f"unknown {kind} '{given}'; choose one of: "
                                    f"{', '.join(sorted(known))}"))


def _escaped(text: str) -> str:
    from ..corpus.characters import escaped

    return escaped(text)


# (module, class, exit status): checked only when the module is loaded, since an error
# of a class nobody imported cannot have been raised; subclasses come before bases.
_TYPED_ERRORS: tuple[tuple[str, str, int], ...] = (
    ("assistant.corpus.loader", "NotACorpus", 2),
    ("assistant.corpus.loader", "CorpusError", 1),
    ("assistant.compose.errors", "UnknownId", 2),
    ("assistant.compose.errors", "BriefError", 1),
    ("assistant.render.formats", "FormatMismatch", 2),
    ("assistant.render.files", "OutputRefused", 1),
    ("assistant.checks.vocabulary", "VocabularyError", 1),
)


def as_click_error(exc: BaseException) -> click.ClickException | None:
    """The refusal or usage error a typed library error stands for; None for anything
    else (a bug)."""
    if isinstance(exc, click.ClickException):
        return exc
    review = sys.modules.get("assistant.review.errors") or sys.modules.get("assistant.review")
    review_error = getattr(review, "ReviewError", None)
    if isinstance(review_error, type) and isinstance(exc, review_error):
        code = getattr(exc, "exit_code", 1)
        return (click.UsageError if code == 2 else Refused)(_escaped(str(exc)))
    for module_name, class_name, code in _TYPED_ERRORS:
        cls = getattr(sys.modules.get(module_name), class_name, None)
        if isinstance(cls, type) and isinstance(exc, cls):
            if class_name == "UnknownId":
                return click.UsageError(_escaped(str(exc)))
            if class_name in ("NotACorpus", "CorpusError"):
                return _corpus_refusal(exc, code)
            return (BadUsage if code == 2 else Refused)(str(exc))
    return None


def _corpus_refusal(exc: Any, code: int) -> Refused:
    problems = list(exc.problems)
    if code == 2:
        return BadUsage("; ".join(f"--corpus {p}" for p in problems))
    shown = problems[:20]
    more = len(problems) - len(shown)
    lines = [str(p) for p in shown] + ([f"... and {more} more"] if more else [])
    return Refused(f"the corpus has {len(problems)} problem(s); run `assistant corpus "
                   "validate` for the list:\n" + "\n".join(lines))


def not_utf8_argument(arguments: list[str]) -> str | None:
    """Say which argument is not UTF-8 text (the shell passed bytes Python could not
    decode), or None."""
    for position, argument in enumerate(arguments, start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            shown = os.fsencode(argument).decode("utf-8", "backslashreplace")
            return f"argument {position} ({shown}) is not valid UTF-8 text"
    return None


def _silence_stdout() -> None:
    """After standard output failed, point it at /dev/null so that the interpreter's own
    flush at exit does not print a second error."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EBADF}


def main_wrapper(group: click.Group, debug: bool = False) -> None:
    """Run the CLI so that nothing a user does produces a traceback."""
    for stream in (sys.stdout, sys.stderr):
        # a file name that is not UTF-8 prints as \udcxx rather than failing the command
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    bad = not_utf8_argument(sys.argv[1:])
    if bad:
        click.echo(f"error: {bad}", err=True)
        sys.exit(2)
    try:
        returned = group.main(standalone_mode=False)
        if sys.stdout is not None:  # None when the shell closed it (`>&-`)
            sys.stdout.flush()
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS and not _stdout_broken():
            _unexpected(exc, debug)
        _silence_stdout()
        click.echo(f"error: cannot write the output: {exc.strerror or exc}", err=True)
        sys.exit(1)
    except Exception as exc:
        known = as_click_error(exc)
        if known is None:
            _unexpected(exc, debug)
        with contextlib.suppress(OSError):  # stderr unwritable: the status still tells
            known.show()
        sys.exit(known.exit_code)
    sys.exit(returned if isinstance(returned, int) else 0)


def _stdout_broken() -> bool:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


def _unexpected(exc: Exception, debug: bool) -> NoReturn:
    if debug:
        raise exc
    click.echo(
        f"error: unexpected {type(exc).__name__}: {exc}\n"
        "(set ASSISTANT_DEBUG=1 to see the full traceback)",
        err=True,
    )
    sys.exit(1)
