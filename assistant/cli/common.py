"""What every command shares: settings, JSON output, and refusing without a traceback."""

from __future__ import annotations

import getpass
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ..paths import bundled_corpus_dir, bundled_templates_dir

if TYPE_CHECKING:  # the corpus (and pydantic) load only for commands that need them
    from ..corpus import Corpus


class Refused(click.ClickException):
    """The work was refused (invalid corpus, failing checks, forbidden action): exit 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


@dataclass
class Settings:
    corpus_dir: Path
    templates_dir: Path
    db_url: str | None
    user: str | None

    @classmethod
    def build(cls, corpus_dir: str | None = None, db_url: str | None = None,
              user: str | None = None) -> Settings:
        return cls(
            corpus_dir=Path(corpus_dir) if corpus_dir else bundled_corpus_dir(),
            templates_dir=bundled_templates_dir(),
            db_url=db_url,
            user=user,
        )

    @property
    def os_user(self) -> str:
        try:
            return getpass.getuser()
        except Exception:  # no login name (some containers): fall back to a fixed one
            return "user"

    def corpus(self) -> Corpus:
        """The corpus, or refuse with every problem listed."""
        from ..corpus import CorpusError, load_corpus

        try:
            return load_corpus(self.corpus_dir)
        except CorpusError as exc:
            shown = exc.problems[:20]
            more = len(exc.problems) - len(shown)
            lines = [str(p) for p in shown] + ([f"... and {more} more"] if more else [])
            raise Refused(
                f"the corpus at {self.corpus_dir} has {len(exc.problems)} problem(s); "
                "run `assistant corpus validate` for the list:\n" + "\n".join(lines)
            ) from exc


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
