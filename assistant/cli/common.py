"""What every command shares: settings, JSON output, and refusing without a traceback."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import click

from .settings import Settings

__all__ = ["Refused", "Settings", "echo_json", "main_wrapper", "settings", "unknown_id"]


class Refused(click.ClickException):
    """The work was refused (invalid corpus, failing checks, forbidden action): exit 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


def settings(ctx: click.Context) -> Settings:
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def unknown_id(kind: str, given: str, known: list[str]) -> NoReturn:
    """An id that does not exist is a usage error (exit 2) that lists the valid ones."""
    raise click.UsageError(f"unknown {kind} '{given}'; choose one of: {', '.join(sorted(known))}")


def main_wrapper(group: click.Group, debug: bool = False) -> None:
    """Run the CLI so that nothing a user does produces a traceback."""
    try:
        returned = group.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if debug:
            raise
        click.echo(
            f"error: unexpected {type(exc).__name__}: {exc}\n"
            "(set ASSISTANT_DEBUG=1 to see the full traceback)",
            err=True,
        )
        sys.exit(1)
    sys.exit(returned if isinstance(returned, int) else 0)
